"""Counts of things: 'seven types of rare-earth minerals', '12 people'."""
from __future__ import annotations

import re
from dataclasses import replace

from ..knowledge import Knowledge, fold, lemma, stem
from ..types import Article, Claim, Qualifiers
from .common import (
    SIGNS,
    PersonIndex,
    Sentence,
    Spans,
    Token,
    clause_slot,
    hedge_of,
    is_compared_with,
    is_cumulative,
    is_previous_level,
    is_projection,
    make_claim,
    modifier_terms,
    noun_run,
    pp_terms,
    projection_noun_after,
    range_low,
)
from .quantities import counted_head

_DIGITS = re.compile(rf"(?<![\w.,{SIGNS}:/-])(\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\w%:/-]|[.,]\w|\s?(?:percent|per cent))")


def _verb_before(sentence: Sentence, start: int, kn: Knowledge) -> str | None:
    """The verb that governs a count ('killed 64 people', 'killing at least 64') as a lemma: it
    sets counts apart but is not shown in a fact's label."""
    for t in reversed(sentence.before(start, 4)):
        f = t.folded
        if t.text.islower() and f in kn.count_verb_of:
            return kn.count_verb_of[f]
        if t.text.islower() and f.endswith(("ed", "ing")) and len(f) > 4 and f not in kn.stopwords:
            return lemma(f)
        if f not in kn.stopwords and f not in kn.hedge_words and t.text not in ",":
            break
    return None


INTERIM_REACH = 4  # tokens before a count where a word of a count under way governs it


def _interim(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """True for a count of a tally under way ('leading in 190 seats', 'trailed with 19 seats'):
    a lead, not the result."""
    lo, _ = sentence.clause_bounds(start)
    before = [t for t in sentence.before(start, INTERIM_REACH) if t.start >= lo]
    # 'leading to 16 deaths' is a consequence, not a lead
    return any(t.folded in kn.interim_words and not (k + 1 < len(before) and before[k + 1].folded == "to")
               for k, t in enumerate(before))


def _subject_of_verb(sentence: Sentence, start: int, kn: Knowledge) -> set[str]:
    """The specific words of the subject of the verb right before a count ('Healthcare and social
    assistance firms added 57,000 jobs' → assistance, social): whose count it is."""
    before = sentence.before(start, 4)
    for k in range(len(before) - 1, -1, -1):
        t = before[k]
        if t.text.islower() and (t.folded in kn.count_verb_of or t.folded in kn.past_verbs
                                 or (t.folded.endswith("ed") and t.folded not in kn.stopwords)):
            lo, _ = sentence.clause_bounds(start)
            subject = [x for x in sentence.before(t.start, 6) if x.start >= lo]
            while subject and subject[-1].folded in kn.auxiliary_words:
                subject.pop()
            # a name says whose count it is by itself (the alignment reads names)
            opening = sentence.tokens[sentence.opening].start
            return modifier_terms([x for x in noun_run(subject[::-1], kn) if x.folded not in kn.roles and (
                not x.is_capitalised or (x.start == opening and x.folded not in sentence.proper
                                         and not x.text.isupper()))], kn)
        if t.folded not in kn.stopwords and t.folded not in kn.hedge_words:
            break
    return set()


def _scaled(kn: Knowledge) -> re.Pattern:
    """'2.3 million', '1,5 billion': a number with a scale word from the money pack (long words only)."""
    def build():
        words = sorted((w for w in kn.scales if len(w) > 2), key=len, reverse=True)
        if kn.lang == "en":
            return re.compile(
                rf"(?<![\w.,{SIGNS}:/-])(\d+(?:\.\d+)?\s(?:{'|'.join(map(re.escape, words)) or '(?!)'}))\b", re.IGNORECASE)
        alternation = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in words) or "(?!)"
        return re.compile(rf"(?<![\w.,{SIGNS}:/-])(\d+(?:\.\d+)?\s(?:{alternation})\b\.?)", re.IGNORECASE)
    return kn.derived("scaled_count", build)


def _scaled_value(text: str, kn: Knowledge) -> int:
    number, scale = text.split(None, 1)
    return round(float(number) * kn.scales[fold(re.sub(r"\s+", " ", scale)) if kn.lang != "en" else scale.lower()])


def after_noun(after, kn: Knowledge) -> bool:
    """True when a word that could be a counted noun follows the number."""
    return bool(after) and after[0].folded[:1].isalpha() and after[0].folded not in kn.stopwords


def _toll_before(sentence: Sentence, start: int, kn: Knowledge) -> str | None:
    """The class a bare number belongs to from a toll phrase before it ('the death toll rose to 64')."""
    lo, _ = sentence.clause_bounds(start)
    before = [t for t in sentence.before(start, 16) if t.start >= lo]
    for i in range(len(before) - 1, -1, -1):
        for n in (2, 1):
            phrase = " ".join(t.folded for t in before[i:i + n])
            if len(before[i:i + n]) == n and phrase in kn.count_toll:
                return kn.count_toll[phrase]
    return None


NUMBER_OF_REACH = 12  # tokens before a bare number where 'the number of …' names what it counts


def _number_of_before(sentence: Sentence, start: int, kn: Knowledge) -> tuple[str | None, set[str]]:
    """What a bare number counts from 'the number of …' before it in its clause ('put the number
    of damaged homes at 100,000', 'the number of missing rose to 65'), with no other figure
    between: the class of a word of fate ('missing'), else the noun counted and its modifiers."""
    lo, _ = sentence.clause_bounds(start)
    before = [t for t in sentence.before(start, NUMBER_OF_REACH) if t.start >= lo]
    for i in range(len(before) - 2, -1, -1):
        if before[i].text[:1].isdigit():
            break
        if before[i].folded in kn.number_of_words and before[i + 1].folded == "of":
            rest = before[i + 2:]
            cls = next((kn.count_class[t.folded] for t in rest[:3] if t.folded in kn.count_class), None)
            if cls:
                return cls, set()
            head, mods, span = counted_head(rest, kn)
            return (head, set(mods)) if span else (None, set())
    return None, set()


def _class_verb_before(sentence: Sentence, start: int, kn: Knowledge) -> str | None:
    """The class of a bare number right after a verb that says what happened to people
    ('killing at least 1,002 people and injuring 2,376': 2,376 are injured)."""
    for t in reversed(sentence.before(start, 4)):
        if t.folded in kn.hedge_words:
            continue
        return kn.count_class.get(t.folded) if t.text.islower() else None
    return None


def _class_after(after, kn: Knowledge) -> str | None:
    """The class of a bare number its verb gives after it ('a dozen are still missing', 'two
    were killed'): over stop words and the gap words of numbers.yml ('still', 'reportedly')."""
    for t in after[:4]:
        if t.folded in kn.count_class:
            return kn.count_class[t.folded]
        if t.folded not in kn.stopwords and t.folded not in kn.count_gap_words:
            return None
    return None


def _part_of(after, kn: Knowledge) -> str | None:
    """The class of a part of a toll: 'Eighteen of the dead', 'Sixteen of them died',
    'five of those injured'."""
    if len(after) < 3 or after[1].folded not in ("the", "them", "those"):
        return None
    for t in after[2:5]:
        cls = kn.count_class.get(t.folded) or kn.count_toll.get(t.folded)
        if cls:
            return cls
    return None


def _people_by_name(after: list[Token], head: str) -> bool:
    """'75 Kansans', '12 Britons': a capitalised plural right after a count is people named by
    where they are from, so what happened to them is read as for people."""
    return bool(after) and after[0].is_capitalised and after[0].folded.endswith("s") and stem(after[0].folded) == head


def _fate(sentence: Sentence, start: int, end: int, kn: Knowledge, after_first: bool = False,
          after_only: bool = False) -> str | None:
    """What happened to the people counted ('killed 64 people', '71 people have died',
    '12,000 residents were evacuated'), read from the verb near the count; with ``after_first``
    the words after it first ('were killed and 47 others injured'), with ``after_only`` those
    alone ('and 65 others are still unaccounted for')."""
    lo, hi = sentence.clause_bounds(start)
    before = [] if after_only else [t for t in sentence.before(start, 4) if t.start >= lo]
    following = [t for t in sentence.after(end, 4) if t.end <= hi]
    near = following + before if after_first or after_only else before + following
    for t in near:
        cls = kn.count_class.get(t.folded)
        if cls:
            return cls
    return None


def _total_after(after) -> int | None:
    """Index of the total in '71 of the 169 seats' (seen from 71), or None."""
    k = 1 if after and after[0].folded == "of" else 0
    if not k:
        return None
    if k < len(after) and after[k].folded == "the":
        k += 1
    return k if k < len(after) and after[k].text[:1].isdigit() else None


def _is_total(before, kn: Knowledge) -> bool:
    """True for 169 in '71 of the 169 seats', 181 in 'all but two of 181', 89 in '85 out of 89'
    and 'all of the 89 substations' (not 'killing all 242'): a whole that another count is part of."""
    words = [t.text.lower() for t in before]
    if words and words[-1] in kn.pp_articles and words[-1] not in kn.part_links:
        words = words[:-1]
    for link in sorted(kn.part_links, key=len, reverse=True):
        n = len(link.split())
        if len(words) > n and " ".join(words[-n:]) == link:
            rest = words[:-n]
            return rest[-1] in kn.whole_words or rest[-1][:1].isdigit() or rest[-1] in kn.number_words
    return False


def _number_words(kn: Knowledge) -> re.Pattern:
    words = "|".join(sorted(kn.number_words, key=len, reverse=True))
    return re.compile(rf"\b({words})\b(?!-)", re.IGNORECASE)


# "Bolsonaro, 70," / "Bolsonaro, who is 71," / "Bolsonaro, aged 70" (name before) and
# "70-year-old Bolsonaro" (name after): an age is kept only when it belongs to a named person.
_AGE_AFTER_NAME = re.compile(r"([A-Z][\w'’-]+),\s(?:who\sis\s|aged\s)?(\d{1,3})(?=,|\.|\s(?:and|was|is|has|had|said|says|who)\b)")
_AGE_BEFORE_NAME = re.compile(r"\b(\d{1,3})-year-old\s(?:[a-z]+\s){0,3}?([A-Z][\w'’-]+)")
_AGE_OF_THING = re.compile(r"\b(?:was|is|were|are|being)\s(?P<hedge>[a-z]+(?:\s[a-z]+)?\s)?(?P<n>\d{1,3})\syears?\sold\b")


def _ages(article: Article, sentence: Sentence, kn: Knowledge, people: PersonIndex, taken: Spans) -> list[Claim]:
    """Ages of named people ('Bolsonaro, 70,'); the person is the claim's subject."""
    claims = []
    for pattern, number_group, name_group in ((_AGE_AFTER_NAME, 2, 1), (_AGE_BEFORE_NAME, 1, 2)):
        for m in pattern.finditer(sentence.text):
            person = people.by_token.get(fold(m.group(name_group)))
            value = int(m.group(number_group))
            if not person or not 0 < value < 120:
                continue
            start, end = sentence.start + m.start(number_group), sentence.start + m.end(number_group)
            if pattern is _AGE_BEFORE_NAME:
                end = sentence.start + m.start(number_group) + len(m.group(number_group)) + len("-year-old")
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            slot = clause_slot(article, sentence, start, "age", set(), kn, people)
            slot = replace(slot, persons=frozenset({person}))
            claims.append(make_claim(article, "count", start, end, value, slot, sentence, kn, unit="age",
                                     display=m.group(number_group)))
    return claims + _ages_of_things(article, sentence, kn, people, taken)


def _ages_of_things(article: Article, sentence: Sentence, kn: Knowledge, people: PersonIndex,
                    taken: Spans) -> list[Claim]:
    """The age of a thing told with a verb ('the plane was almost 50 years old'), in a sentence
    that names no one and counts no people: ages of people are read with their names."""
    if people.persons_between(sentence, sentence.start, sentence.end):
        return []
    words = {t.folded for t in sentence.tokens}
    if words & kn.count_subjects:
        return []
    claims = []
    for m in _AGE_OF_THING.finditer(sentence.text):
        start, end = sentence.start + (m.start("hedge") if m.group("hedge") else m.start("n")), sentence.start + m.end()
        if taken.overlaps(start, end):
            continue
        taken.add(start, end)
        hedge = hedge_of(sentence.text[:m.start("n")], kn)
        slot = clause_slot(article, sentence, start, "age", set(), kn, people)
        claims.append(make_claim(article, "count", start, end, int(m.group("n")), slot, sentence, kn, unit="age",
                                 display=m.group("n"), qualifiers=Qualifiers.of(hedge=hedge)))
    return claims


def _names_a_version(sentence: Sentence, start: int, end: int, kn: Knowledge) -> bool:
    """True for a number that is part of a name, right after a capitalised word inside the
    sentence and before a singular noun ('its Llama 4 model', 'the iPhone 17 lineup'): a version
    or a model, not a count. A possessive ('Japan's 24 prefectures'), the sentence's
    first word, a known word of the language ('Some 40 workers') and a list that leaves its noun
    out ('the Green Front 52, the Farmers' League 27') or a plural noun ('the Harbour Party 71
    seats') do not name one."""
    before, after = sentence.before(start, 1), sentence.after(end, 1)
    if not before or before[0].start == sentence.tokens[sentence.opening].start:
        return False
    if not after or not after[0].text.isalpha() or not after[0].text.islower() or after[0].folded in kn.stopwords:
        return False
    if after[0].folded.endswith("s"):  # a count's noun is plural: 'gives the Harbour Party 71 seats'
        return False
    word = before[0]
    return (word.text[:1].isupper() and word.end == start - 1 and word.text.isalpha()
            and word.folded not in kn.stopwords and not kn.canon_place(word.text)
            and word.folded not in kn.months and word.folded not in kn.weekdays)


def extract(article: Article, sentence: Sentence, kn: Knowledge, people: PersonIndex,
            taken: Spans) -> list[Claim]:
    """Count claims in one sentence, skipping spans other extractors already took."""
    claims = _ages(article, sentence, kn, people, taken)
    for pattern, to_value in ((_scaled(kn), lambda s: _scaled_value(s, kn)),
                              (_DIGITS, lambda s: int(s.replace(",", ""))),
                              (_number_words(kn), lambda s: kn.number_words[s.lower()])):
        for m in pattern.finditer(sentence.text):
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if taken.overlaps(start, end):
                continue
            taken.add(start, end)
            value = to_value(m.group(1))
            if pattern is _DIGITS and 1900 <= value <= 2100 and "," not in m.group(1):
                continue
            if pattern is _DIGITS and _names_a_version(sentence, start, end, kn):
                continue
            after = sentence.after(end, 8)
            if after and (stem(after[0].folded) in kn.time_units or after[0].folded in kn.measure_units):
                continue
            head, mods, span = counted_head(after, kn)
            total = _total_after(after)
            if not head and total is not None:
                head, mods, _ = counted_head(after[total + 1:], kn)
                span = 0
            if not head and not after_noun(after, kn):
                head = _class_verb_before(sentence, start, kn) or _toll_before(sentence, start, kn) \
                    or _class_after(after, kn)
                if not head:
                    head, mods = _number_of_before(sentence, start, kn)
            if after and after[0].folded == "of":
                head = _part_of(after, kn) or head
            elif span == 1 and after[0].folded in kn.count_toll:  # '16 deaths' counts the dead, as '16 died' does
                head = kn.count_toll[after[0].folded]
            if not head or head in kn.month_words or head in kn.weekdays or head in kn.time_units:
                continue
            if head in kn.anaphoric_heads:
                told = _fate(sentence, start, end + (after[span - 1].end - end if span else 0), kn, after_only=True)
                if told:  # '64 people have been confirmed dead and 65 others are still unaccounted for'
                    head, mods = told, set()
                elif claims and claims[-1].start < start:
                    head, mods = claims[-1].measure, set(claims[-1].mods)
                else:
                    head = _fate(sentence, start, end + (after[span - 1].end - end if span else 0), kn, after_first=True)
                    if not head:
                        continue
            verb = _verb_before(sentence, start, kn)
            if head in kn.count_subjects or _people_by_name(after, head):
                head = _fate(sentence, start, end + (after[span - 1].end - end if span else 0), kn) or head
            if head in kn.count_class.values():
                verb = None
            if span and head not in kn.count_class.values() and head not in kn.count_subjects:
                # '37,000 jobs at bars and restaurants'; 'Healthcare firms added 57,000 jobs'
                mods = set(mods) | pp_terms(after[span:], kn) | _subject_of_verb(sentence, start, kn)
            slot = clause_slot(article, sentence, start, head, mods, kn, people)
            quote_end = after[span - 1].end if span else end
            hedge = hedge_of(sentence.text[max(0, m.start() - 60):m.start()], kn)
            low = range_low(sentence, start, kn)
            if low is not None and low < value and not hedge:
                hedge = "range"
            projected = is_projection(sentence, start, kn) or projection_noun_after(sentence, quote_end, kn)
            qualifiers = {"hedge": hedge, "low": repr(low) if hedge == "range" else None,
                          "level": "previous" if is_previous_level(sentence, start, end, kn)
                          or (is_compared_with(sentence, start, kn) and not projected)
                          else "total" if _is_total(sentence.before(start, 4), kn) or is_cumulative(sentence, quote_end, kn)
                          else "projected" if projected
                          else "interim" if _interim(sentence, start, kn) else None}
            claims.append(make_claim(article, "count", start, quote_end, value, slot, sentence, kn, unit=head,
                                     qualifiers=Qualifiers.of(**qualifiers), display=m.group(1), action=verb))
    return claims
