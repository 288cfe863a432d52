"""Figures of a list told by their labels: 'Mac: $8 billion', or a heading line '**Mac**:' over
'– $8.0 billion, up 14.8%'. Such a figure's sentence has no noun of its own; the label says
what it is of, and the lead-in line above the list ('how revenue broke down by product') what
it measures."""
from __future__ import annotations

import re
from dataclasses import replace

from ..knowledge import Knowledge
from ..types import Article, Claim
from .slots import measure_head, modifier_terms
from .text import tokenize

_BULLETS = r"[\s\-–—•*#>]*"
_LABEL = re.compile(rf"^{_BULLETS}(?:\*\*)?(?P<label>[A-Za-z][\w&'’ ./-]{{0,40}}?)(?:\*\*)?\s*:\s*(?:\*\*)?\s*$")
_BULLETS_ONLY = re.compile(rf"^{_BULLETS}$")
LEAD_IN_LINES = 12  # lines above a list where its lead-in, naming the measure, may stand
LABELLED = ("money", "percent", "count")


def _line_bounds(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def label_of(article: Article, claim: Claim) -> str | None:
    """The label a list item gives its figure: before it on its line ('Mac: $8 billion'), or as
    a heading on the line above when the figure opens its own item ('**Mac**:' / '– $8.0 billion')."""
    text = article.norm
    lo, _ = _line_bounds(text, claim.start)
    m = _LABEL.match(text[lo:claim.start])
    if m:
        return m.group("label")
    if lo == 0 or not _BULLETS_ONLY.match(text[lo:claim.start]):
        return None
    plo, _ = _line_bounds(text, lo - 1)
    m = _LABEL.match(text[plo:lo - 1])
    return m.group("label") if m else None


def _lead_in_measure(article: Article, at: int, kn: Knowledge) -> str | None:
    """The measure the nearest line above a list names ("Here's how quarterly revenue broke down
    by product category", '### Revenue Breakdown by Product Category:')."""
    text = article.norm
    end = text.rfind("\n", 0, at)
    for _ in range(LEAD_IN_LINES):
        if end <= 0:
            return None
        lo = text.rfind("\n", 0, end) + 1
        line = text[lo:end]
        if not _LABEL.match(line) and not _BULLETS_ONLY.match(line) and not re.match(rf"^{_BULLETS}[\d$€£¥]", line):
            head, _ = measure_head(tokenize(line, lo), kn)
            if head:
                return head
        end = lo - 1
    return None


def read_labels(claims: list[Claim], article: Article, kn: Knowledge) -> None:
    """Give a list item's figure without a noun of its own what its label says: the label's
    words as modifiers, and as measure the label's noun or else the lead-in's."""
    for i, c in enumerate(claims):
        if c.type not in LABELLED or c.measure:
            continue
        label = label_of(article, c)
        if not label:
            continue
        words = tokenize(label, 0)
        head, at = measure_head(words, kn)
        mods = modifier_terms(words[:at] if head is not None and at is not None else words, kn)
        head = head or _lead_in_measure(article, c.start, kn)
        if head:
            claims[i] = replace(c, measure=head, mods=c.mods | frozenset(mods) - {head})
