"""Money amounts: number, scale word and currency, normalised to a float and an ISO code."""
from __future__ import annotations

import re

from ..knowledge import Knowledge
from ..types import Article, Claim
from .common import PersonIndex, Spans, Sentence, hedge_of, make_claim, number_slot

_SCALE = r"(trillion|billion|million|thousand|tn|bn|mn|m|b|k)\b"
SYMBOL_FIRST = re.compile(
    r"(US\$|U\.S\.\s?\$|C\$|A\$|HK\$|\$|€|£|¥|₩|₹)\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?" + _SCALE + ")?",
    re.IGNORECASE)
WORD_AFTER = re.compile(
    r"(?<![\w.$€£¥])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?:" + _SCALE + r"\s)?"
    r"(U\.S\. dollars|US dollars|dollars|euros|yen|yuan|renminbi|pounds|won|rupees|Swiss francs)\b",
    re.IGNORECASE)


def _amount(number: str, scale: str | None, kn: Knowledge) -> float:
    value = float(number.replace(",", ""))
    if scale:
        value *= kn.scales.get(scale.lower(), 1)
    return value


def extract(article: Article, sentence: Sentence, kn: Knowledge, people: PersonIndex) -> list[Claim]:
    """Money claims in one sentence."""
    claims = []
    taken = Spans()
    for m in SYMBOL_FIRST.finditer(sentence.text):
        symbol, number, scale = m.group(1), m.group(2), m.group(3)
        currency = kn.currency_of.get(symbol.replace(" ", "").lower().replace("u.s.$", "us$"), None)
        claims.append(_claim(article, sentence, m, number, scale, currency or "USD", kn, people))
        taken.add(m.start(), m.end())
    for m in WORD_AFTER.finditer(sentence.text):
        if taken.overlaps(m.start(), m.start() + 1):
            continue
        number, scale, word = m.group(1), m.group(2), m.group(3)
        currency = kn.currency_of.get(word.lower())
        if currency:
            claims.append(_claim(article, sentence, m, number, scale, currency, kn, people))
    return claims


def _claim(article, sentence, m, number, scale, currency, kn, people) -> Claim:
    start, end = sentence.start + m.start(), sentence.start + m.end()
    slot = number_slot(sentence, start, end, kn, people)
    hedge = hedge_of(sentence.text[max(0, m.start() - 60):m.start()], kn)
    return make_claim(article, "money", start, end, _amount(number, scale, kn), slot, sentence, unit=currency,
                      qualifiers={"hedge": hedge} if hedge else {}, display=m.group(0).strip())
