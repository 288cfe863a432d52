"""Ordinals: 'fifth round of talks', '6th tariff talks', 'second term'."""
from __future__ import annotations

import re

from ..knowledge import Knowledge
from ..types import Article, Claim
from .common import PersonIndex, Sentence, Spans, clause_slot, make_claim
from .quantities import counted_head

_NUMERIC = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b")


def _words(kn: Knowledge) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(sorted(kn.ordinal_words, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def extract(article: Article, sentence: Sentence, kn: Knowledge, people: PersonIndex,
            taken: Spans) -> list[Claim]:
    """Ordinal claims in one sentence."""
    claims = []
    for pattern, to_value in ((_NUMERIC, int), (_words(kn), lambda s: kn.ordinal_words[s.lower()])):
        for m in pattern.finditer(sentence.text):
            start, end = sentence.start + m.start(), sentence.start + m.end()
            if taken.overlaps(start, end):
                continue
            after = sentence.after(end, 8)
            head, mods, span = counted_head(after, kn)
            if not head or head in kn.months or head in kn.weekdays:
                continue
            slot = clause_slot(article, sentence, start, head, mods, kn, people)
            quote_end = after[span - 1].end if span else end
            claims.append(make_claim(article, "ordinal", start, quote_end, to_value(m.group(1)), slot, sentence,
                                     unit=head, display=m.group(1)))
    return claims
