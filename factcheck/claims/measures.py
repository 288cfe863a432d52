"""Measures: a figure with a unit of measurement ('a magnitude 7.7 earthquake', 'a 30-storey
building', 'a depth of 10 kilometres'). The unit comes from numbers.yml; the thing measured
(the noun after the unit) is a modifier, so an earthquake's magnitude is not an aftershock's."""
from __future__ import annotations

import re

from ..knowledge import Knowledge, fold
from ..types import Article, Claim
from .common import (
    PersonIndex,
    Sentence,
    Spans,
    clause_slot,
    hedge_of,
    make_claim,
    modifier_terms,
    noun_run,
)

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


def _patterns(kn: Knowledge) -> tuple[re.Pattern, re.Pattern]:
    """(figure then unit, unit then figure) patterns built from the knowledge pack's units."""
    return kn.derived("measure_patterns", lambda: _build_patterns(kn))


def _build_patterns(kn: Knowledge) -> tuple[re.Pattern, re.Pattern]:
    def alternation(words):
        return "|".join(re.escape(w).replace("\\ ", "[ -]") for w in sorted(words, key=len, reverse=True)) or "(?!)"
    scales = "|".join(re.escape(w) for w in sorted((w for w in kn.scales if len(w) > 2), key=len, reverse=True))
    after = re.compile(rf"(?<![\w.,$€£¥:/-])((?:{_NUMBER})(?:\s(?:{scales or '(?!)'}))?)(?:[ -]|\u00a0)?"
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
    run = []
    for t in noun_run(after, kn):
        if t.folded in kn.dimension_words or t.folded in kn.past_verbs or (run and t.folded in kn.event_of):
            break
        run.append(t)
    return run


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
        measured = modifier_terms(following, kn)
        slot = clause_slot(article, sentence, start, unit, measured, kn, people)
        quote_end = following[-1].end if following else end
        hedge = hedge_of(sentence.text[max(0, lo - 60):lo], kn)
        claims.append(make_claim(article, "measure", start, quote_end, value, slot,
                                 sentence, unit=unit, qualifiers={**qualifiers, **({"hedge": hedge} if hedge else {})},
                                 display=sentence.text[lo:hi]))
    return claims
