"""Whose figure a figure is: the party, firm or body a sentence gives it to.

Results pages list figures by holder: "the CDU/CSU has 208 seats, the AfD 152, the SPD 120",
"the Greens 11.6%, the Left 8.8%". Each figure there belongs to the name right before it, and
two figures of one measure held by different names are two facts, however alike the sentences
are. A figure gets a holder when its sentence lists several figures of its kind, each after its
own name, or when a dash or colon sets it after a name ("AfD — 151"). A lone figure of a
sentence gets none: the name before it is as often who acted or spoke ("the RBI cut … by 50
basis points", "the MPC …") as whose the figure is. Places and people are left out: the
alignment reads them already.

A list that gives the measure once ("208 seats, the AfD 152, the SPD 120") has its further
figures read here too, as counts of that measure (the gapped items of the list).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..knowledge import Knowledge, fold
from ..types import Article, Claim, Qualifiers
from .common import PersonIndex, Sentence, Slot, Spans, Token, make_claim
from .qualifiers import TALLY_MEASURE

HELD_TYPES = ("percent", "count", "money")
_LIST_MARK = re.compile(r"[—–:-]\s*$")
# A further item of a list that gave its measure once: ", the AfD 152", ", AfD — 151", "and the
# Left Party 62" (a name, maybe a dash, a bare number that no noun or sign follows).
_NAME_WORD = r"[A-Z][\w/&'’.-]*(?:\([A-Z]{1,4}\))?"  # 'AfD', 'JD(U)'; words of a name are spaced, once
_GAPPED = re.compile(rf"\s*(?:,|;|\band\b)\s+(?:and\s+)?(?:the\s+)?({_NAME_WORD}(?: {_NAME_WORD}){{0,3}}?)\s*(?:[—–:-]\s*)?"
                     r"(\d{1,3}(?:,\d{3})*)(?=\s*(?:[,;.]|\band\b|$))")


def _name_run(tokens: list[Token], sentence: Sentence, people: PersonIndex, kn: Knowledge,
              exclude: frozenset[str]) -> frozenset[str] | None:
    """The names of the run of capitalised words nearest the end of tokens (a holder). A run
    that a word of saying follows ('Patrick said 23 girls …') names who told the figure, not
    whose it is, and is passed over; so is a run after a preposition of place."""
    runs: list[frozenset[str]] = []
    current: set[str] = set()
    spoken = passed_speaker = False
    for t in reversed(tokens):
        if not current and kn.event_of.get(t.folded) in kn.hearsay_events:
            spoken = True
            continue
        names = _names_of(t, sentence, people, kn, exclude) if t.is_capitalised else frozenset()
        if names:
            current |= names
        elif current and t.text in ("/", "-", "&", "(", ")"):
            continue
        elif current:
            if t.folded not in kn.place_prepositions and not spoken:
                runs.append(frozenset(current))
            passed_speaker = passed_speaker or spoken
            current, spoken = set(), False
            if passed_speaker and not runs and t.text in ",;":
                break  # 'seen by Dawn.com earlier today, Shangla reported 37': no name before the clause holds it
    if current and not spoken:
        runs.append(frozenset(current))
    return runs[0] if runs else None


def _place_run(tokens: list[Token], sentence: Sentence, people: PersonIndex, kn: Knowledge,
               exclude: frozenset[str]) -> frozenset[str]:
    """The names right after a preposition of place among tokens ('in Thuringia'): where a
    figure was counted, which sets it apart from the same holder's figure elsewhere."""
    for i, t in enumerate(tokens[:-1]):
        if t.folded in kn.place_prepositions and tokens[i + 1].is_capitalised:
            names = _names_of(tokens[i + 1], sentence, people, kn, exclude)
            if names:
                return names
    return frozenset()


PLACE_AFTER_REACH = 4  # words between a figure and the place it is counted in ('16 deaths were recorded in Compostela')


def _place_right_after(tokens: list[Token], sentence: Sentence, people: PersonIndex, kn: Knowledge,
                       exclude: frozenset[str]) -> frozenset[str] | None:
    """The place a figure is counted in, named right after it ('15 in Compostela, 8 in Danao';
    '16 deaths were recorded in Compostela'): in a list of such figures, the place holds each.
    Only lower-case words may stand between the figure and the preposition of place."""
    for i, t in enumerate(tokens[:PLACE_AFTER_REACH + 1]):
        if t.folded in kn.place_prepositions and i + 1 < len(tokens) and tokens[i + 1].is_capitalised:
            names: set[str] = set()
            for x in tokens[i + 1:i + 4]:
                if not x.is_capitalised:
                    break
                names |= _names_of(x, sentence, people, kn, exclude)
            return frozenset(names) or None
        if not t.text.isalpha() or not t.text.islower():
            return None
    return None


def _names_of(t: Token, sentence: Sentence, people: PersonIndex, kn: Knowledge,
              exclude: frozenset[str]) -> frozenset[str]:
    if t.folded in people.by_token or t.folded in kn.organisation_words or t.folded in kn.roles \
            or t.folded in kn.role_alias or t.folded in kn.measure_of or _item_start(t, sentence):
        return frozenset()
    following = sentence.after(t.end, 1)
    if following and following[0].folded in kn.roles:  # 'Chief Minister Nitish Kumar', 'Union Minister'
        return frozenset()
    found = people.names_between(sentence, t.start, t.end, kn)
    if not found and len(t.text) == 2 and t.text.isalpha() and t.text.isupper() and not kn.canon_place(t.text):
        found = frozenset({t.folded})  # 'JD(U)': a short party name is a holder's name too
    return frozenset(n for n in found if kn.place_of.get(n) != n and n not in exclude)


def _item_start(t: Token, sentence: Sentence) -> bool:
    """True for a capitalised word that starts a sentence or a list item ('- Energy storage
    revenue fell 7%'), unless an acronym ('AfD'): its capital may be the item's alone."""
    before = sentence.text[:t.start - sentence.start].rstrip()
    if before and before[-1] not in _ITEM_MARKS:
        return False
    return sum(ch.isupper() for ch in t.text) < 2


_ITEM_MARKS = "-–—•*"


def _place_before_bracket(tokens: list[Token], kn: Knowledge) -> frozenset[str] | None:
    """A place right before the bracket a figure opens ('Slovakia (4.6% from 4.3%)'): in a list
    of places with their figures, the place holds the figure."""
    if len(tokens) >= 2 and tokens[-1].text == "(" and tokens[-2].is_capitalised:
        place = kn.canon_place(tokens[-2].text)
        if place:
            return frozenset({place})
    return None


def _holder(names: frozenset[str]) -> str:
    return "/".join(sorted(names))


_POSSESSIVE = ("'s", "’s")


OWNER_WORDS = 4  # capitalised words a possessive name may have ('Eamon de Valera's')


def give_owners(claims: list[Claim], sentence: Sentence, kn: Knowledge) -> None:
    """Set the 'owner' qualifier of the figures written right after a capitalised possessive
    name ('Eamon de Valera's 56.3 per cent', 'Quillon's 31%'): the figure is that name's, folded
    word by word. Not a month's, a weekday's, a place's or a known body's ('October's 2.4%
    rise', 'Britain's 3.2%'): those say when or where, which other rules read."""
    for c in claims:
        if c.type not in HELD_TYPES or c.qualifiers.owner:
            continue
        before = sentence.before(c.start, OWNER_WORDS)
        if not before or not before[-1].is_capitalised or not before[-1].text.endswith(_POSSESSIVE):
            continue
        words = [before[-1].text[:-2]]
        for t in reversed(before[:-1]):
            if not (t.is_capitalised or t.folded in kn.name_particles):
                break
            words.insert(0, t.text)
        name = fold(" ".join(words))
        last = fold(words[-1])
        if not name or last in kn.stopwords or last in kn.months or last in kn.weekdays \
                or kn.canon_place(" ".join(words)) or kn.canon_place(words[-1]) or kn.body_of.get(name):
            continue
        c.qualifiers = replace(c.qualifiers, owner=name)


FRONTED_NAME_WORDS = 4  # capitalised words a fronted place may have ('In Dublin Mid-West,')


def give_fronted_places(claims: list[Claim], sentence: Sentence, kn: Knowledge) -> None:
    """Set the 'where' qualifier of the figures of a sentence that opens on a place set off by a
    comma ('In Dublin Mid-West, Ms Connolly secured 56 per cent … on a turnout of 42 per cent'):
    they were counted there, not in the whole country. Figures that a list gives a holder keep
    the place the list says."""
    tokens = sentence.tokens[sentence.opening:]
    if len(tokens) < 3 or tokens[0].folded not in kn.locative_openers:
        return
    name = []
    for t in tokens[1:1 + FRONTED_NAME_WORDS + 1]:
        if t.text == ",":
            break
        if not t.is_capitalised or not t.text.replace("-", "").isalpha() or t.folded in kn.months \
                or t.folded in kn.weekdays or t.folded in kn.stopwords:
            return  # 'In Q3,', 'In March,', 'In The end,': a time or a phrase, not a place
        name.append(t)
    else:
        return
    if not name:
        return
    name_end = name[-1].end
    written = " ".join(t.text for t in name)
    if kn.body_of.get(fold(written)):
        return  # 'In Congress, …': a body, not a place
    place = kn.canon_place(written) or fold(written)
    first_clause = sentence.clause_bounds(name_end)
    for c in claims:
        if name_end < c.start < first_clause[1] and c.type in HELD_TYPES + ("measure",) \
                and not c.qualifiers.holder and not c.qualifiers.where:
            c.qualifiers = replace(c.qualifiers, where=place)


def give_holders(claims: list[Claim], sentence: Sentence, kn: Knowledge, people: PersonIndex) -> None:
    """Set the 'holder' qualifier of the figures of one sentence that a name holds (see the
    module docstring), and 'listed' (every holder of the list) for figures of a list; a figure
    of a list that says no measure takes the one measure the others say ('the CDU won 28.5% of
    the vote, the AfD 20.8%')."""
    figures = sorted((c for c in claims if c.type in HELD_TYPES), key=lambda c: c.start)
    exclude = frozenset(part for p in people.persons_between(sentence, sentence.start, sentence.end)
                        for part in fold(p).split())
    found: list[tuple[Claim, frozenset[str], bool]] = []
    placed: set[int] = set()  # figures held by the place named after them: counted there, no 'where' besides
    previous_end, previous = sentence.start, None
    nexts = [c.start for c in figures[1:]] + [sentence.end]
    for c, next_start in zip(figures, nexts):
        tokens = sentence.tokens_between(previous_end, c.start)
        run = _name_run(tokens, sentence, people, kn, exclude) or _place_before_bracket(tokens, kn)
        if not run and c.qualifiers.level == "previous" and found and found[-1][0] is previous:
            run = found[-1][1]
        after_place = None
        if not run:
            run = after_place = _place_right_after(sentence.tokens_between(c.end, next_start), sentence, people,
                                                   kn, exclude)
        if run and c.measure != TALLY_MEASURE:  # the share counted so far is no one's
            found.append((c, run, bool(_LIST_MARK.search(sentence.text[:c.start - sentence.start]))))
            if after_place:
                placed.add(id(c))
        previous_end, previous = c.end, c
    by_kind: dict[tuple, list[tuple[Claim, frozenset[str]]]] = {}
    for c, names, _ in found:
        by_kind.setdefault((c.type, c.unit), []).append((c, names))
    ends = [c.start for c in figures[1:]] + [sentence.end]
    where = {id(c): _place_run(sentence.tokens_between(lo, hi), sentence, people, kn, exclude)
             for c, lo, hi in zip(figures, [sentence.start] + [c.end for c in figures[:-1]], ends)}
    for c, names, marked in found:
        listed = [(x, n) for x, n in by_kind[(c.type, c.unit)] if x.qualifiers.level != "previous"]
        in_list = len(listed) >= 2 and len({n for _, n in listed}) == len(listed)
        if in_list or marked:
            c.qualifiers = replace(c.qualifiers, holder=_holder(names),
                                   where=_holder(where[id(c)]) if where[id(c)] and id(c) not in placed else None)
        if in_list:
            c.qualifiers = replace(c.qualifiers, listed="|".join(sorted(_holder(n) for _, n in listed)))
            measures = {x.measure for x, _ in listed if x.measure}
            if c.measure is None and len(measures) == 1:
                c.measure = next(iter(measures))
            actions = {x.action for x, _ in listed if x.action}
            if c.action is None and len(actions) == 1:  # 'the RJD contested 141 seats, Congress 61'
                c.action = next(iter(actions))
    _gapped_shares(figures)


def _gapped_shares(figures: list[Claim]) -> None:
    """A share that says no measure after shares of one measure in its sentence is of it too
    ('Lee received 49.4 percent of votes while Kim secured 41.2 percent')."""
    for i, c in enumerate(figures):
        if c.type == "percent" and c.measure is None:
            measures = {x.measure for x in figures[:i] if x.type == "percent" and x.measure
                        and x.measure != TALLY_MEASURE and x.qualifiers.level is None}
            if len(measures) == 1:
                c.measure = next(iter(measures))


def gapped_counts(article: Article, sentence: Sentence, claims: list[Claim], kn: Knowledge,
                  people: PersonIndex) -> list[Claim]:
    """The further items of a list that gave its measure once ('208 seats, the AfD 152'), as
    counts of that measure, each held by its name (numbers no other claim of the sentence reads)."""
    taken = Spans((c.start, c.end) for c in claims)
    counts = [c for c in claims if c.type == "count" and c.measure and not c.qualifiers.level]
    out: list[Claim] = []
    for first in counts:
        m = _GAPPED.search(sentence.text, first.end - sentence.start)
        while m:
            start, end = sentence.start + m.start(2), sentence.start + m.end(2)
            if taken.overlaps(start, end):
                break
            name = m.group(1).strip()
            if not name or name.split()[0].lower() in kn.stopwords:
                break
            taken.add(start, end)
            lo, hi = sentence.clause_bounds(start)
            slot = Slot(head=first.measure, mods=first.mods, context=first.context, period=first.period,
                        persons=people.persons_between(sentence, lo, hi),
                        names=people.names_between(sentence, lo, hi, kn),
                        clause=sentence.text[lo - sentence.start:hi - sentence.start])
            out.append(make_claim(article, "count", start, end, int(m.group(2).replace(",", "")), slot, sentence, kn,
                                  unit=first.unit, display=m.group(2),
                                  qualifiers=Qualifiers(hedge=first.qualifiers.hedge)))
            m = _GAPPED.match(sentence.text, m.end(2))
        if out:
            break
    return out


def mark_sides(claims: list[Claim], sentence: Sentence, kn: Knowledge) -> None:
    """Counts of a split are marked as sides ('five members voted for the cut and four to hold';
    'four backed a cut, four wanted to hold'): a count of people or things whose sentence gives
    another count of its measure (not a total: '71 of the 169 seats'), or a bare number after it
    that no claim took (not '169-member'), with no holder to tell them apart. Another report's
    count of that measure matches a side only weakly (one side against the other, or another
    round of the vote). Only in a sentence with a word of a split (split_words: 'voted', 'backed')."""
    if not any(t.folded in kn.split_words for t in sentence.tokens):
        return
    sides = [c for c in claims if c.type == "count" and c.measure and not c.qualifiers.holder
             and c.qualifiers.level not in ("total", "previous")]
    taken = [(c.start, c.end) for c in claims]
    by_measure: dict[str | None, list[Claim]] = {}
    for c in sides:
        by_measure.setdefault(c.measure, []).append(c)
    for same in by_measure.values():
        first = min(c.end for c in same)
        bare = any(_cardinal(t, kn) and t.start >= first and not any(a <= t.start < b for a, b in taken)
                   and sentence.text[t.end - sentence.start:t.end - sentence.start + 1] != "-"
                   for t in sentence.tokens)
        if len(same) >= 2 or bare:
            for c in same:
                c.qualifiers = replace(c.qualifiers, side=True)


def _cardinal(token: Token, kn: Knowledge) -> bool:
    """A number of things: digits that are not a year, or a number word."""
    if token.text.isdigit():
        return not (len(token.text) == 4 and 1800 <= int(token.text) <= 2199)
    return token.folded in kn.number_words and token.text.islower()
