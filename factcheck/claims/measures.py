"""Measures: a figure with a unit of measurement ('a magnitude 7.7 earthquake', 'a 30-storey
building', 'a depth of 10 kilometres'). The unit comes from numbers.yml; the thing measured
(the noun after the unit) is a modifier, so an earthquake's magnitude is not an aftershock's."""
from __future__ import annotations

import re

from ..knowledge import Knowledge, fold
from ..types import Article, Claim, Qualifiers
from .common import (
    SIGNS,
    PersonIndex,
    Sentence,
    Spans,
    clause_slot,
    hedge_of,
    is_projection,
    make_claim,
    modifier_terms,
    noun_run,
    projection_noun_after,
)
from .text import alternation as text_alternation

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _patterns(kn: Knowledge) -> tuple[re.Pattern, re.Pattern]:
    """(figure then unit, unit then figure) patterns built from the knowledge pack's units."""
    return kn.derived("measure_patterns", lambda: _build_patterns(kn))


def _build_patterns(kn: Knowledge) -> tuple[re.Pattern, re.Pattern]:
    def alternation(words):
        return text_alternation(words, "[ -]")
    scales = "|".join(re.escape(w) for w in sorted((w for w in kn.scales if len(w) > 2), key=len, reverse=True))
    after = re.compile(rf"(?<![\w.,{SIGNS}:/-])((?:{_NUMBER})(?:\s(?:{scales or '(?!)'}))?)(?:[ -]|\u00a0)?"
                       rf"({alternation(kn.unit_of)})(?![\w/])", re.IGNORECASE)
    before = re.compile(rf"\b({alternation(kn.prefix_units)})[ -]({_NUMBER})(?![\w.,%-]|\.\d)", re.IGNORECASE)
    return after, before


def _matches(sentence: Sentence, kn: Knowledge):
    """(start, end, number text, unit) of every measure in a sentence, in text order."""
    after, before = _patterns(kn)
    found = [(m.start(), m.end(), m.group(1), m.group(2)) for m in after.finditer(sentence.text)]
    found += [(m.start(), m.end(), m.group(2), m.group(1)) for m in before.finditer(sentence.text)]
    return sorted(found)


def _value(number: str, kn: Knowledge) -> float:
    """'548,000' → 548000.0; '1.9 million' → 1900000.0."""
    figure, _, scale = number.partition(" ")
    return float(figure.replace(",", "")) * (kn.scales[scale.lower()] if scale else 1)


def _measured(after, kn: Knowledge):
    """The noun phrase naming what a measure measures, cut before a verb or a dimension word."""
    run: list = []
    for t in noun_run(after, kn):
        if t.folded in kn.dimension_words or t.folded in kn.compass_words or t.folded in kn.past_verbs \
                or (run and t.folded in kn.event_of):
            break
        run.append(t)
    return run


REFERENCE = "from:"  # a modifier of the place a measure is measured from ('from:sagaing')


def _of_before(sentence: Sentence, start: int, kn: Knowledge) -> set[str]:
    """The modifiers of the noun a measure is told of, right before 'of' ('a strong aftershock of
    magnitude 6.9' → aftershock)."""
    before = sentence.before(start, 5)
    if not before or before[-1].folded != "of":
        return set()
    return modifier_terms(noun_run(list(reversed(before[:-1])), kn)[::-1], kn)


def _dimension_and_reference(sentence: Sentence, start: int, end: int, kn: Knowledge) -> set[str]:
    """Which dimension a measure is ('a depth of 10 km' → depth) and the place it is measured
    from ('16 km northwest of Sagaing city' → from:sagaing): both set measures apart."""
    found = set()
    before = sentence.before(start, 5)
    for t in reversed(before):
        if t.folded in kn.dimension_nouns:
            found.add(t.folded)
            break
    after = sentence.after(end, 16)
    if after and after[0].text == "(":
        close = next((k for k, t in enumerate(after) if t.text == ")"), None)
        after = after[close + 1:] if close is not None and close < 8 else []
    i = 0
    while i < len(after) and (after[i].folded in kn.compass_words or after[i].folded in ("-", "of", "from")):
        i += 1
    if i == 0 or after[i - 1].folded not in ("of", "from"):
        return found
    place = None
    for t in after[i:]:
        if t.text in ",.;:" or (t.folded in kn.stopwords and t.folded not in ("of", "the")):
            break
        if t.is_capitalised and t.folded not in kn.stopwords:
            place = kn.canon_place(t.text) or t.folded
    if place:
        found.add(REFERENCE + place)
    return found


def extract(article: Article, sentence: Sentence, kn: Knowledge, people: PersonIndex, taken: Spans) -> list[Claim]:
    """Measure claims in one sentence; their spans are added to ``taken`` so counts skip them."""
    claims = []
    for lo, hi, number, unit_word in _matches(sentence, kn):
        start, end = sentence.start + lo, sentence.start + hi
        if taken.overlaps(start, end):
            continue
        taken.add(start, end)
        unit = kn.unit_of[fold(unit_word.replace("-", " "))]
        value = _value(number, kn)
        qualifiers = {"written_unit": unit} if unit in kn.unit_base else {}
        if unit in kn.unit_base:
            unit, factor = kn.unit_base[unit]
            value *= factor
        following = _measured(sentence.after(end, 4), kn)
        measured = modifier_terms(following, kn) | _dimension_and_reference(sentence, start, end, kn) \
            | _of_before(sentence, start, kn)
        slot = clause_slot(article, sentence, start, unit, measured, kn, people)
        quote_end = following[-1].end if following else end
        hedge = hedge_of(sentence.text[max(0, lo - 60):lo], kn)
        if hedge:
            qualifiers["hedge"] = hedge
        if is_projection(sentence, start, kn) or projection_noun_after(sentence, quote_end, kn):
            qualifiers["level"] = "projected"
        claims.append(make_claim(article, "measure", start, quote_end, value, slot,
                                 sentence, kn, unit=unit, qualifiers=Qualifiers.of(**qualifiers),
                                 display=sentence.text[lo:hi]))
    _restated_in_parentheses(claims, sentence)
    return claims


def _restated_in_parentheses(claims: list[Claim], sentence: Sentence) -> None:
    """A measure restated in other units in parentheses ('27 km (16.77 miles) northeast of
    Jalalabad') is of what the first one is of."""
    for first, second in zip(claims, claims[1:]):
        between = sentence.text[first.end - sentence.start:second.start - sentence.start]
        if between.strip() == "(" and first.unit == second.unit:
            second.mods = second.mods | first.mods
            first.mods = second.mods
