"""Ordinals: 'fifth round of talks', '6th tariff talks', 'second term'. 'The second quarter' and
'first-quarter imports' name a period (a figure's quarter), not a place in a series; 'the third
straight quarter' is one."""
from __future__ import annotations

import re
from dataclasses import replace

from ..knowledge import Knowledge, fold, stem
from ..types import Article, Claim
from .common import PersonIndex, Sentence, Spans, clause_slot, make_claim
from .dates import speaks_of_future
from .quantities import counted_head
from .slots import quarter_at

_NUMERIC = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b")


def _words(kn: Knowledge) -> re.Pattern:
    return re.compile(r"\b(" + "|".join(sorted(kn.ordinal_words, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def _period_head(after, kn: Knowledge) -> tuple[str | None, set[str], int]:
    """'third day of a strike', 'third straight day': the period counted, and what it is of."""
    k = 0
    while k < len(after) and after[k].folded in kn.in_a_row_words:
        k += 1
    if k >= len(after):
        return None, set(), 0
    head = kn.period_adjectives.get(after[k].folded) or stem(after[k].folded)
    if head not in kn.ordinal_periods:
        return None, set(), 0
    span = k + 1
    mods: set[str] = set()
    if span + 1 < len(after) and after[span].folded == "of":
        skip = 1 if span + 2 < len(after) and after[span + 1].folded in ("a", "an", "the") else 0
        of_head, _, of_span = counted_head(after[span + 1 + skip:], kn)
        of_span += skip
        if of_head:
            mods.add(of_head)
            span += 1 + of_span
    return head, mods, span


def _names_a_quarter(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """True when the ordinal at ``start`` is the name of a quarter ('second quarter',
    'first-quarter'), not a place in a series."""
    tokens = sentence.tokens
    i = next((k for k, t in enumerate(tokens) if t.start == start), None)
    return i is not None and quarter_at(tokens, i, kn) is not None


SINCE_REACH = 2  # words after an ordinal's noun where 'since' makes it a first in a while


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
            if after and fold(f"{m.group(1)} {after[0].text}") in kn.roles:
                continue
            if after and after[0].folded in kn.naming_ordinals:
                continue
            if after and (after[0].text[:1].isdigit() or after[0].folded in kn.number_words):
                continue  # 'the first nine months', 'the first three quarters': a period, not a rank
            if _names_a_quarter(sentence, start, kn):
                continue
            head, mods, span = _period_head(after, kn)
            if head is None:
                head, mods, span = counted_head(after, kn)
            if not head or head in kn.months or head in kn.weekdays:
                continue
            if any(t.folded in kn.since_words for t in after[span:span + SINCE_REACH]):
                mods = mods | {"since"}  # 'the first rate cut since October 2020': first in a while
            slot = clause_slot(article, sentence, start, head, mods, kn, people)
            quote_end = after[span - 1].end if span else end
            claim = make_claim(article, "ordinal", start, quote_end, to_value(m.group(1)), slot, sentence,
                               unit=head, display=m.group(1))
            if speaks_of_future(sentence, start, kn) or (sentence.before(start, 1) and
                                                          sentence.before(start, 1)[-1].folded in kn.next_words):
                claim.qualifiers = replace(claim.qualifiers, future=True)
            claims.append(claim)
    return claims
