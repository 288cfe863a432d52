"""Money amounts: number, scale word and currency, normalised to a float and an ISO code."""
from __future__ import annotations

import re
from dataclasses import replace

from ..knowledge import Knowledge, fold, stem
from ..types import Article, Claim, Qualifiers
from .common import (
    SIGNS,
    PersonIndex,
    Sentence,
    Spans,
    hedge_of,
    level_of,
    make_claim,
    number_slot,
    of_own_month,
)
from .text import alternation

_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"


def _alternation(words) -> str:
    return alternation(words, r"\s?")


def patterns(kn: Knowledge) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(currency before the number, currency word after it, 'an 800,000-pound flat'), built
    from the money pack (cached).

    Symbols and codes ('$', 'Rs', 'EUR') may come first; words and codes ('dollars', 'EUR')
    may come after. Scale words ('bn', 'crore') come from the pack too.
    """
    return kn.derived("money_patterns", lambda: _build_patterns(kn) if kn.lang == "en" else _language_patterns(kn))


def _build_patterns(kn: Knowledge) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    forms = set(kn.currency_of)
    before = {f for f in forms if not any(ch.isalpha() for ch in f) or "$" in f or f.endswith(".")
              or f.upper() == kn.currency_of[f] or f in kn.currency_prefixes}
    after = {f for f in forms if any(ch.isalpha() for ch in f) and "$" not in f and not f.endswith(".")
             and f not in kn.currency_prefixes}
    scale = rf"(?:[\s-]?({_alternation(kn.scales)})\b)?"
    first = re.compile(rf"(?<![\w{SIGNS}])({_alternation(before)})\s?{_NUMBER}{scale}", re.IGNORECASE)
    last = re.compile(rf"(?<![\w.{SIGNS}]){_NUMBER}{scale}\s?({_alternation(after)})\b", re.IGNORECASE)
    hyphened = re.compile(
        rf"(?<![\w.{SIGNS}]){_NUMBER}{scale}-({_alternation(kn.hyphen_currencies) or '(?!)'})"
        rf"(?=\s+(?:[a-z-]+\s+)?(?:{_alternation(kn.priced_nouns) or '(?!)'})\b)", re.IGNORECASE)
    return first, last, hyphened


def _language_patterns(kn: Knowledge) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The money patterns of another language: scale words may end in a full stop ('Mio.'),
    and symbols may come after the figure ('34,5 Mio. €', '12,50 $')."""
    forms = set(kn.currency_of)
    before = {f for f in forms if not any(ch.isalpha() for ch in f) or "$" in f or f.upper() == kn.currency_of[f]
              or f in kn.currency_prefixes}
    scale = rf"(?:[\s-]?({_alternation(kn.scales)})\b\.?)?"
    first = re.compile(rf"(?<![\w{SIGNS}])({_alternation(before)})\s?{_NUMBER}{scale}", re.IGNORECASE)
    last = re.compile(rf"(?<![\w.{SIGNS}]){_NUMBER}{scale}\s?({_alternation(forms)})(?!\w)", re.IGNORECASE)
    return first, last, re.compile("(?!)")


def _amount(number: str, scale: str | None, kn: Knowledge, form: str = "") -> float:
    value = float(number.replace(",", "")) * kn.currency_factor.get(form, 1.0)
    if scale:
        value *= kn.scales.get(scale.lower(), 1) if kn.lang == "en" else kn.scales.get(_scale_key(scale), 1)
    return value


def _scale_key(scale: str) -> str:
    """A scale word as written ('Mio', 'mil  millones') as the key it has in the scales."""
    return fold(re.sub(r"\s+", " ", scale))


def extract(article: Article, sentence: Sentence, kn: Knowledge, people: PersonIndex) -> list[Claim]:
    """Money claims in one sentence."""
    claims = []
    symbols: dict[int, str] = {}
    taken = Spans()
    first, last, hyphened = patterns(kn)
    for m in first.finditer(sentence.text):
        symbol, number, scale = m.group(1), m.group(2), m.group(3)
        currency = kn.currency_of.get(re.sub(r"\s+", " ", symbol.lower()))
        if currency is None:
            continue
        claims.append(_claim(article, sentence, m, number, scale, currency, kn, people))
        symbols[id(claims[-1])] = re.sub(r"\s+", " ", symbol.lower())
        taken.add(m.start(), m.end())
    for m in last.finditer(sentence.text):
        if taken.overlaps(m.start(), m.start() + 1):
            continue
        number, scale, word = m.group(1), m.group(2), m.group(3)
        form = re.sub(r"\s+", " ", word.lower())
        currency = kn.currency_of.get(form) or kn.currency_of.get(form.replace("’", "'"))
        if currency:
            claims.append(_claim(article, sentence, m, number, scale, currency, kn, people, form))
            taken.add(m.start(), m.end())
    for m in hyphened.finditer(sentence.text):
        if not taken.overlaps(m.start(), m.end()):
            claims.append(_claim(article, sentence, m, m.group(1), m.group(2),
                                 kn.hyphen_currencies[fold(m.group(3))], kn, people))
    return _without_local_restatements(claims, symbols, sentence)


def _without_local_restatements(claims: list[Claim], symbols: dict[int, str], sentence: Sentence) -> list[Claim]:
    """'$US800 million ($1.2b)': an amount named in a currency written out, then in brackets in a
    bare sign that would read as the same currency, is the amount in the outlet's own currency
    (Australian dollars), which the text does not name: not a claim that can be checked."""
    claims = sorted(claims, key=lambda c: c.start)
    local = set()
    for first, second in zip(claims, claims[1:]):
        between = sentence.text[first.end - sentence.start:second.start - sentence.start]
        a, b = symbols.get(id(first)), symbols.get(id(second))
        if between.strip() == "(" and a and b and len(b) == 1 and a != b and first.unit == second.unit:
            local.add(id(second))
    return [c for c in claims if id(c) not in local]


def _per_unit(sentence: Sentence, end: int, kn: Knowledge) -> str | None:
    """The unit of a price ('$68.30 a barrel', '$3,700 per ounce' → 'barrel', 'ounce')."""
    after = sentence.after(end, 2)
    per = ("a", "an", "per") if kn.lang == "en" else kn.lang_words.get("per_words", ())
    if len(after) == 2 and after[0].folded in per and after[1].folded[:1].isalpha() \
            and after[1].folded not in kn.stopwords:
        return kn.canon_term(after[1].folded)
    return None


def _claim(article, sentence, m, number, scale, currency, kn, people, form: str = "") -> Claim:
    start, end = sentence.start + m.start(), sentence.start + m.end()
    slot = number_slot(sentence, start, end, kn, people)
    per = _per_unit(sentence, end, kn)
    if per and slot.head is None:
        slot = replace(slot, head=kn.canon_term("price"), mods=slot.mods | {per})
    elif per and slot.head:
        unit = stem(sentence.after(end, 2)[1].folded)
        measure = kn.per_unit_measure.get(f"{slot.head} {unit}")
        if measure:
            slot = replace(slot, head=kn.canon_term(measure))
    hedge = hedge_of(sentence.text[max(0, m.start() - 60):m.start()], kn)
    level = level_of(sentence, start, end, kn)
    if level == "previous" and of_own_month(sentence, end, kn):
        level = None
    if level == "projected":
        slot = slot.with_sources()
    qualifiers = {"hedge": hedge, "level": level}
    return make_claim(article, "money", start, end, _amount(number, scale, kn, form), slot, sentence, kn, unit=currency,
                      qualifiers=Qualifiers.of(**qualifiers), display=m.group(0).strip())
