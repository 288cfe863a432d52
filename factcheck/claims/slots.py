"""What a figure is about: its slot (the measure head, its modifiers, the period, the people
and names of its clause)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..knowledge import Knowledge, stem
from ..types import Article
from ..values import quarter_period
from .people import PersonIndex
from .text import Sentence, Token, phrase_terms


@dataclass
class Slot:
    """The words that say what a value is about."""

    head: str | None
    mods: frozenset[str]
    context: frozenset[str]
    period: str | None
    persons: frozenset[str]
    clause: str
    names: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()  # names of who told the figures, left out of ``names``

    def with_sources(self) -> Slot:
        """The slot with the names of its sources among its names: for an expectation, whose
        forecast it is ('LSEG', 'StreetAccount') is what sets two forecasts apart."""
        return replace(self, names=self.names | self.sources)


def measure_head(tokens: list[Token], kn: Knowledge, from_end: bool = False) -> tuple[str | None, int | None]:
    """The measure noun nearest the start (or the end) of tokens, and the index of its first token."""
    found = []
    i = 0
    while i < len(tokens):
        for n in ((3, 2, 1) if tokens[i].folded in kn.phrase_starts else (1,)):
            phrase = " ".join(x.folded for x in tokens[i:i + n])
            if len(tokens[i:i + n]) == n and phrase in kn.measure_of:
                found.append((kn.measure_of[phrase], i, n))
                i += n - 1
                break
        i += 1
        if found and not from_end:
            break
    if not found:
        return None, None
    if from_end:
        outer = [f for f in found if not _in_object_phrase(tokens, f[1], kn)]
        head, idx, _ = (outer or found)[-1]
    else:
        head, idx, _ = found[0]
    return head, idx


_OBJECT_PREPOSITIONS = ("on", "against", "for", "of")
_OF_MEASURE = ("of", "in")
_NEXT_CLAUSE = ("and", "but", "while", "whereas")
_DETERMINERS = ("the", "a", "an", "its", "their", "his", "her")


def _measure_right_before_of(before: list[Token], kn: Knowledge) -> tuple[str, int] | None:
    """The measure named right before 'of' and the figure ('revenue of $43.25 billion',
    'EPS of $0.75'): that figure's measure, whatever other measure the clause names earlier."""
    if len(before) < 2 or before[-1].folded != "of":
        return None
    for n in (3, 2, 1):
        if len(before) > n:
            phrase = " ".join(t.folded for t in before[-1 - n:-1])
            if phrase in kn.measure_of:
                return kn.measure_of[phrase], len(before) - 1 - n
    return None


def _in_object_phrase(tokens: list[Token], i: int, kn: Knowledge) -> bool:
    """True when the measure word at i is the object of an earlier one ('tariffs on Chinese
    imports': imports is what the tariff is on), so the earlier one is the head. A measure
    that is the subject of what follows ('for gross margin to be between 46% and 47%') is not."""
    later = [t.folded for t in tokens[i + 1:i + 4]]
    if any(w == "to" and k + 1 < len(later) and later[k + 1] == "be" for k, w in enumerate(later)):
        return False
    for t in reversed(tokens[max(0, i - 3):i]):
        if t.folded in _OBJECT_PREPOSITIONS:
            at = tokens.index(t)
            earlier = [k for k, x in enumerate(tokens[:at]) if kn.measure_of.get(x.folded)]
            # 'EPS of $2.17 on revenue of $79.6 billion': the earlier measure has its own figure
            return bool(earlier) and not any(x.text[:1].isdigit() for x in tokens[earlier[-1]:at])
        if t.folded in kn.stopwords and t.folded not in ("the", "a", "an", "its", "their"):
            return False
    return False


def noun_run(tokens: list[Token], kn: Knowledge) -> list[Token]:
    """The run of non-stopword words at the start of tokens (a noun phrase, roughly); it ends
    before a participle ('fell', 'raised'), an '-ing' word after a plural ('people sheltering')
    or a past verb with its object ('justices found him guilty'; 'the 787 made its debut' has no
    noun after the number)."""
    run: list[Token] = []
    for n, t in enumerate(tokens):
        f = t.folded
        if f in kn.past_verbs and t.text.islower() and n + 1 < len(tokens) and \
                (tokens[n + 1].is_capitalised or tokens[n + 1].folded in kn.object_words):
            break
        if not f or not (f[0].isalpha() or f[0].isdigit()) or f in kn.stopwords or (run and f.isdigit()):
            break
        if run and (kn.direction_of.get(f) or (f.endswith("ed") and t.text.islower() and f not in kn.synonym_of)):
            break
        if run and f.endswith("ing") and t.text.islower() and (run[-1].folded in kn.count_subjects
                                                               or run[-1].folded.endswith("s")):
            break
        run.append(t)
    return run


def _not_modifier(f: str, kn: Knowledge) -> bool:
    first, _, rest = f.partition("-")
    if f in kn.ordinal_words or (first in kn.ordinal_words and (rest in kn.quarter_nouns or rest in kn.half_nouns)):
        return True  # 'third-quarter revenue': the period, read apart, not what the revenue is of
    return (f in kn.generic_modifiers or f in kn.direction_of or f in kn.number_words
            or (f.endswith(("ing", "ed", "ly")) and f not in kn.synonym_of and f not in kn.measure_of
                and not kn.canon_place(f)))  # 'the three months ended': no series 'three'


def modifier_terms(tokens: list[Token], kn: Knowledge) -> set[str]:
    """Specific modifier words ('auto', 'baseline', 'Korean') in a noun phrase."""
    return set(phrase_terms(tokens, kn, skip=lambda f: _not_modifier(f, kn)))


def period_of(tokens: list[Token], kn: Knowledge, skip: tuple[int, int] | None = None,
              figure: tuple[int, int] | None = None) -> str | None:
    """The month (and year) a clause is about ('in May' → 'may', 'in the September quarter' →
    'september quarter'), outside a basis phrase.

    With ``figure`` (its offsets), a month that another figure stands between is that
    figure's ('Imports shrank 3.4%, leaving a surplus of $103.2 billion, up from $96.2 billion
    in April': April is not the month of the 3.4%)."""
    figures = [t.start for t in tokens if t.text[:1].isdigit() and not _YEAR_TOKEN.fullmatch(t.text)]
    found = []
    for i, t in enumerate(tokens):
        if skip and skip[0] <= t.start < skip[1]:
            continue
        f = t.folded
        month = kn.month_abbr.get(f, f) if f in kn.months or f in kn.month_abbr else None
        preceding = tokens[i - 1].folded if i else ""
        part = tokens[i + 1].folded if i + 1 < len(tokens) and (tokens[i + 1].folded in kn.quarter_nouns
                                                                 or tokens[i + 1].folded in kn.half_nouns) else ""
        if preceding == "the" and i > 1 and part:
            preceding = tokens[i - 2].folded
        if month and part:  # 'the September quarter' ends in September: not September's own figure
            month = f"{month} {part}"
        with_year = i + 1 < len(tokens) and _YEAR_TOKEN.fullmatch(tokens[i + 1].text) is not None
        if month and month.split()[0] in kn.months and (i == 0 or preceding in kn.period_preps or with_year):
            if figure and any(min(figure[1], t.start) <= x < max(figure[0], t.end) for x in figures
                              if not figure[0] <= x < figure[1]):
                continue
            if figure is None:
                return month
            found.append((t.start - figure[1] if t.start >= figure[1] else figure[0] - t.end, month))
    if found:  # 'ended it in March and last raised it in July to 0.25%': the month nearest the figure
        return min(found)[1]
    return quarter_of(tokens, kn, skip, figure)


_QUARTER_CODE = re.compile(r"[qQ]([1-4])$")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")  # after a month, a period however it is led in ('The July 2025 inflation figures')
NEXT_QUARTER = "next quarter"  # the period of 'current quarter sales of $206 billion' in a results story


def quarter_of(tokens: list[Token], kn: Knowledge, skip: tuple[int, int] | None = None,
               figure: tuple[int, int] | None = None) -> str | None:
    """The quarter a clause is about, as 'q1'…'q4' ('the fiscal fourth quarter', 'fourth-quarter
    profit', 'Q4'), outside a basis phrase. A clause that names two quarters ('second-quarter
    revenue …, and forecast third-quarter sales') says none for sure; as for months, a quarter
    that another figure stands between is that figure's ('fell 30.3%, after a 37.9% surge in Q1')."""
    named = [(t, q) for i, t in enumerate(tokens) if not (skip and skip[0] <= t.start < skip[1])
             for q in [quarter_at(tokens, i, kn)] if q]
    if len({q for _, q in named}) != 1:
        return None
    figures = [t.start for t in tokens if t.text[:1].isdigit()]
    for t, q in named:
        if q == NEXT_QUARTER:  # 'current quarter sales of $206 billion to $213 billion': the guidance's
            return q
        if figure and any(min(figure[1], t.start) <= x < max(figure[0], t.end) for x in figures
                          if not figure[0] <= x < figure[1]):
            continue
        return q
    return None


def quarter_at(tokens: list[Token], i: int, kn: Knowledge) -> str | None:
    """The quarter that tokens[i] names, as a period ('Q4', 'fourth-quarter', 'fourth quarter'
    → 'q4'), or None."""
    t = tokens[i]
    code = _QUARTER_CODE.match(t.text)
    if code:
        return quarter_period(int(code.group(1)))
    first, _, rest = t.folded.partition("-")
    if first in kn.months and rest in kn.months:  # 'the April-June period'
        lo, hi = kn.months.index(first), kn.months.index(rest)
        return quarter_period(lo // 3 + 1) if hi - lo == 2 and lo % 3 == 0 else None
    following = tokens[i + 1].folded if i + 1 < len(tokens) else ""
    if following in kn.fiscal_words and i + 2 < len(tokens):  # 'the third fiscal quarter'
        following = tokens[i + 2].folded
    if rest in kn.half_nouns or (t.folded in kn.ordinal_words and following in kn.half_nouns):
        n = kn.ordinal_words.get(first if rest else t.folded)
        return f"h{n}" if n in (1, 2) else None
    if t.folded in kn.coming_period_words and following in kn.quarter_nouns:
        return NEXT_QUARTER
    if rest in kn.quarter_nouns:
        n = kn.ordinal_words.get(first)
    elif t.folded in kn.ordinal_words and following in kn.quarter_nouns:
        n = kn.ordinal_words[t.folded]
    else:
        return None
    return quarter_period(n) if n and 1 <= n <= 4 else None


def _possessive_month(before: list[Token], kn: Knowledge) -> str | None:
    """The month of a figure written after it in the possessive ('April's 8.1% rise')."""
    for t in before:
        if t.text.endswith(("'s", "’s")):
            month = kn.month_abbr.get(t.folded, t.folded)
            if month in kn.months:
                return month
    return None


def number_slot(sentence: Sentence, start: int, end: int, kn: Knowledge, people: PersonIndex,
                skip: tuple[int, int] | None = None, share: bool = False) -> Slot:
    """Slot words of a figure at [start, end): the measure it belongs to and its modifiers.

    With ``share`` (percentages), a figure followed by 'of' is a share of what follows:
    '60% of their level' is about the level, whatever came before."""
    lo, hi = sentence.clause_bounds(start)
    clause_tokens = sentence.tokens_between(lo, hi)
    before = [t for t in clause_tokens if t.end <= start]
    after = [t for t in clause_tokens if t.start >= end]
    mods: set[str] = set()
    head = None
    follow = noun_run(after, kn)
    if follow:
        run_head, idx = measure_head(follow, kn)
        if run_head:
            head = run_head
            mods |= modifier_terms(follow[:idx], kn)
            mods |= pp_terms(after[len(follow):], kn)
    if head is None and follow and kn.direction_of.get(follow[-1].folded) and len(after) > len(follow) and \
            after[len(follow)].folded in kn.change_of_words:  # 'a 41.55% reduction in China's trade surplus'
        changed = after[len(follow) + 1:len(follow) + 7]
        head, idx = measure_head(changed, kn)
        if head:
            span = next(n for n in (3, 2, 1) if " ".join(t.folded for t in changed[idx:idx + n]) in kn.measure_of)
            mods |= modifier_terms(changed[:idx], kn) | pp_terms(after[len(follow) + 1 + idx + span:], kn)
    if head is None and len(after) > 1 and after[0].folded in (_OF_MEASURE[1:] if share else _OF_MEASURE):
        # '$8.55 billion of free cash flow', '$47.07 billion in cash', 'increases of 0.4% in services'
        # ('60% of their level' is a share, read below)
        rest = [t for t in after[1:6] if t.folded not in _DETERMINERS]
        named, idx = measure_head(rest, kn)
        if named and idx == 0:
            head = named
    if head is None:
        head = _verb_right_before(before, kn)
        if head:
            mods |= pp_terms(after, kn)
    if head is None and after and after[0].folded in ("on", "against") :
        mods |= pp_terms(after, kn)
    share_of = share and bool(after) and after[0].folded == "of"
    if head is None and share_of:
        head, _ = measure_head(after[:8], kn)
        if head is None:
            noun = noun_run([t for t in after[1:4] if t.folded not in _DETERMINERS], kn)
            head = stem(noun[0].folded) if noun else None
    if head is None:
        back = _outside_asides(before, kn)
        back_head, pos = _measure_right_before_of(back, kn) or measure_head(back, kn, from_end=True)
        if back_head:
            head = back_head
            before = back
            pre = noun_run(_after_verb(before[:pos], kn)[::-1], kn)
            mods |= modifier_terms(pre, kn)
            span = next(n for n in (3, 2, 1) if " ".join(t.folded for t in before[pos:pos + n]) in kn.measure_of)
            mods |= pp_terms(before[pos + span:], kn, stop_at_verb=True)
            if kn.lang != "en":
                mods |= pp_terms(after, kn)
    if head is None:  # not past ', and': 'at 0.9 percent, and also noted inflation' is not inflation's
        near = after[:8]
        near = near[:next((i for i, t in enumerate(near[:-1]) if t.text == "," and near[i + 1].folded in
                           _NEXT_CLAUSE), len(near))]
        head, _ = measure_head(near, kn)
    if head is None:
        head = _verb_head(before, kn)
    if head is None and follow and not any(pattern.search(follow[-1].text) for _, pattern in kn.bases):
        head = stem(follow[-1].folded)  # not a basis ('0.1% on-quarter', '5% year-on-year')
        mods |= modifier_terms(follow[:-1], kn)
    if head is None and after and after[0].folded in ("for", "in"):
        mods |= pp_terms([Token("on", 0, 0)] + after[1:], kn)
    mods.discard(head or "")
    if _excluding(after, kn) or _fronted_exclusion(sentence, start, kn):
        mods.add("excluding")
    if head and _part_subject(_outside_asides(before, kn), kn):
        mods.add(PART)
    sources = _source_names(sentence, clause_tokens, people, kn)
    return Slot(head=head, mods=frozenset(mods), context=sentence.terms(lo, hi, kn),
                period=_possessive_month(sentence.before(start, 2), kn)
                or period_of(clause_tokens, kn, skip, (start, end)),
                persons=people.persons_between(sentence, lo, hi),
                names=people.names_between(sentence, lo, hi, kn) - sources,
                clause=sentence.text[lo - sentence.start:hi - sentence.start], sources=sources)


PART = "segment"  # the modifier of a figure told of a part of a company (english.yml part_nouns)


def _part_subject(before: list[Token], kn: Knowledge) -> bool:
    """True when a noun of a part of a company heads the subject of a figure's clause, before
    any verb ('The segment pulled in $50.8 billion', 'its cloud unit saw revenue climb'); not the
    object of a verb ('Orbis sold its chip unit and reported revenue of …') nor a word of a
    compound ('unit labour costs')."""
    for k, t in enumerate(before):
        f = t.folded
        if f in kn.part_nouns:
            nxt = before[k + 1] if k + 1 < len(before) else None
            return nxt is None or not nxt.text[:1].isalpha() or nxt.folded in kn.stopwords \
                or nxt.folded in kn.past_verbs or nxt.folded in kn.auxiliary_words \
                or (nxt.text.islower() and nxt.folded.endswith("ed")) or nxt.text.endswith(("'s", "’s"))
        if t.text.islower() and (f in kn.past_verbs or f.endswith("ing")):
            return False
    return False


def _source_names(sentence: Sentence, tokens: list[Token], people: PersonIndex, kn: Knowledge) -> frozenset[str]:
    """The names a clause gives as the source of its figures ('according to LSEG data', 'polled by
    Reuters', 'Wall Street forecasts'): who told or foresaw the figure, not what it is of."""
    words = [t.folded for t in tokens]
    grams = {" ".join(words[i:i + n]) for i in range(len(words)) for n in (2, 3)}
    foreseers = frozenset(w for a in kn.analyst_words if " " in a and a in grams for w in a.split())
    for i in range(len(words)):
        for n in (3, 2, 1):
            if " ".join(words[i:i + n]) in kn.attribution_words:
                lo = tokens[i + n].start if i + n < len(tokens) else tokens[-1].end
                return people.names_between(sentence, lo, tokens[-1].end, kn) | foreseers
    return foreseers


def _outside_asides(before: list[Token], kn: Knowledge) -> list[Token]:
    """The tokens before a figure less the asides closed before it: bracketed ('AWS revenues
    (18.3% of total sales) rose 20.2% to $33 billion': the measure is the revenue, not the
    sales of the aside) or a relative clause between commas ('Rents, which make up a third of
    the index, rose 0.4%': the rents, not the index)."""
    kept: list[Token] = []
    opened: list[int] = []
    relative: int | None = None
    for i, t in enumerate(before):
        if t.text == "(":
            opened.append(len(kept))
        elif t.text == ")" and opened:
            del kept[opened.pop():]
            continue
        elif t.text == "," and relative is not None and not opened:
            del kept[relative:]
            relative = None
            continue
        elif t.text == "," and i + 1 < len(before) and before[i + 1].folded in kn.relative_pronouns:
            relative = len(kept)
        kept.append(t)
    return kept


def _after_verb(tokens: list[Token], kn: Knowledge) -> list[Token]:
    """The words of a noun phrase before a measure, after the verb that has it as its object
    ('saw revenue climb', 'posted sales of'): the verb is no modifier of the measure."""
    for k in range(len(tokens) - 1, max(-1, len(tokens) - 4), -1):
        f = tokens[k].folded
        if tokens[k].text.islower() and f in kn.past_verbs:
            return tokens[k + 1:]
        # 'The EV giant reported revenue of': a verb of an event after its subject ('its reported
        # EPS' is no verb, and 'Tesla adjusted EPS' names no event)
        if tokens[k].text.islower() and f in kn.event_of and k and tokens[k - 1].text.isalpha() \
                and tokens[k - 1].folded not in _DETERMINERS and tokens[k - 1].folded not in kn.stopwords:
            return tokens[k + 1:]
    return tokens


EXCLUSION_REACH = 8  # tokens after a figure where a word of exclusion bears on it


def _excluding(after: list[Token], kn: Knowledge) -> bool:
    """True when a word of exclusion follows a figure in its clause ('57% excluding the H20
    charge'): the figure leaves something out, so it is of another measure."""
    words = [t.folded for t in after[:EXCLUSION_REACH]]
    return any(" ".join(words[i:i + n]) in kn.exclusion_words for i in range(len(words)) for n in (1, 2, 3))


def _fronted_exclusion(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """True when the sentence opens on a word of exclusion set off by a comma before the figure
    ('Excluding food and energy, inflation is seen at 2.4%'): all its figures leave it out."""
    tokens = sentence.tokens[sentence.opening:]
    words = [t.folded for t in tokens[:3]]
    if not any(" ".join(words[:n]) in kn.exclusion_words for n in (1, 2, 3)):
        return False
    return any(t.text == "," for t in tokens if t.start < start)


def _verb_head(before: list[Token], kn: Knowledge) -> str | None:
    """The measure a verb gives a figure: right before it ('pledged more than €10 billion'), or
    before 'for' ('bought by Vesta for $4.2 billion')."""
    if before and (before[-1].folded == "for" or (kn.lang != "en" and _price_link_before(before, kn))):
        return next((kn.verb_measure[t.folded] for t in reversed(before) if t.folded in kn.verb_measure), None)
    return _verb_right_before(before, kn)


def _price_link_before(before: list[Token], kn: Knowledge) -> bool:
    """True when the words right before a figure say what was paid for ('pour', 'por valor de',
    'im Wert von'), from the language pack."""
    words = [t.folded for t in before[-3:]]
    return any(" ".join(words[-n:]) in kn.lang_words.get("price_links", ()) for n in (1, 2, 3) if len(words) >= n)


def _verb_right_before(before: list[Token], kn: Knowledge) -> str | None:
    """The measure of a verb right before a figure, hedges between ('pledged more than €10 billion')."""
    for t in reversed(before[-4:]):
        if t.folded in kn.verb_measure:
            return kn.verb_measure[t.folded]
        if t.folded not in kn.stopwords and t.folded not in kn.hedge_words:
            break
    return None


def clause_slot(article: Article, sentence: Sentence, start: int, head: str | None, mods: set[str],
                kn: Knowledge, people: PersonIndex) -> Slot:
    """The slot of a value whose head and modifiers are already read: the clause's words and names."""
    lo, hi = sentence.clause_bounds(start)
    return Slot(head=head, mods=frozenset(mods), context=sentence.terms(lo, hi, kn), period=None,
                persons=people.persons_between(sentence, lo, hi), clause=article.norm[lo:hi],
                names=people.names_between(sentence, lo, hi, kn))


def pp_terms(tokens: list[Token], kn: Knowledge, stop_at_verb: bool = False) -> set[str]:
    """Terms of a prepositional phrase right after a head ('on car imports', 'to the U.S.')."""
    if not tokens or tokens[0].folded not in kn.pp_preps:
        return set()
    phrase: list[Token] = []
    for t in tokens[1:7]:
        f = t.folded
        is_place = t.is_capitalised and kn.canon_place(t.text)
        if t.text in ",.;:" or (f in kn.stopwords and f not in kn.pp_articles and not is_place):
            break
        if stop_at_verb and (f in kn.direction_of or (f.endswith("ed") and t.text.islower())):
            break
        if f[:1].isdigit():
            break
        phrase.append(t)
    return modifier_terms(phrase, kn)
