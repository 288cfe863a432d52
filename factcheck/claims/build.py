"""Building a claim with its evidence, the year a clause is about, and the spans already claimed."""
from __future__ import annotations

import bisect
import re

from ..types import Article, Claim
from .slots import Slot
from .text import Sentence

_YEAR = r"((?:19|20)\d{2})\b(?!\s*(?:percent|%))"
_OTHER_YEAR = re.compile(r"\b(?:in|since|of|from|during|until|before|for|through|by\s+the\s+end\s+of)\s+" + _YEAR
                         + r"|^\W*((?:19|20)\d{2})\s*:")
# For a rate or an amount, a year after 'since' or 'from' is what it is compared with ('the
# fastest growth since 2021'), not its period.
_PERIOD_YEAR = re.compile(r"\b(?:in|for|during|through|by\s+the\s+end\s+of)\s+" + _YEAR + r"|^\W*((?:19|20)\d{2})\s*:")
# '… since August 5, 2022, when it stood at 5.40%': the figure after 'when' is of that year.
_WHEN_YEAR = re.compile(r"\b((?:19|20)\d{2}),?\s+when\b[^.;:]{0,60}$")


# A year in a comparison ('compared to the same month in 2024', 'than in 2019') is the base of a
# change, not the period of the figures.
_COMPARED = re.compile(r"\b(?:compared|comparison|than|versus|vs\.?|against)\b[^,;]*$", re.IGNORECASE)


def other_year(clause: str, published, pattern: re.Pattern = _OTHER_YEAR) -> str | None:
    """A year other than the article's that a clause is about ('since 2011, when a magnitude
    7.1 tremor killed 412 people', 'to 3.1% in 2027', a list item '2026: 3.4%'): the figures
    there are not this story's, nor the same year's as another year's."""
    if published is None:
        return None
    for m in pattern.finditer(clause):
        year = m.group(1) or m.group(2)
        if int(year) != published.year and not _COMPARED.search(clause, max(0, m.start() - 40), m.start()):
            return year
    return None


def make_claim(article: Article, type_: str, start: int, end: int, value, slot: Slot | None,
               sentence: Sentence, **extra) -> Claim:
    """Build a Claim with its evidence (line, offsets, quoted text) from an article span.

    A figure in a clause about another year gets that year as its period."""
    claim = Claim(article=article.id, type=type_, line=article.line_of(start), start=start, end=end,
                  text=article.norm[start:end].strip(), value=value, sentence=sentence.quote, **extra)
    if slot is not None:
        if type_ in ("date", "time"):
            claim.event = slot.head
        else:
            claim.measure = slot.head
        claim.mods, claim.context = slot.mods, slot.context
        claim.period, claim.persons, claim.names = slot.period, slot.persons, slot.names
        if type_ in ("count", "measure", "percent", "money") and not claim.period:
            when = _WHEN_YEAR.search(sentence.text, 0, start - sentence.start)
            if when and article.published and int(when.group(1)) != article.published.year:
                claim.period = when.group(1)
            else:
                claim.period = other_year(slot.clause, article.published,
                                          _OTHER_YEAR if type_ in ("count", "measure") else _PERIOD_YEAR)
    return claim


class Spans:
    """Non-overlapping spans already claimed, with a fast overlap test."""

    def __init__(self, spans=()):
        self._spans: list[tuple[int, int]] = sorted(spans)

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a span already taken."""
        i = bisect.bisect_left(self._spans, (start, start))
        for j in (i - 1, i):
            if 0 <= j < len(self._spans):
                a, b = self._spans[j]
                if a < end and start < b:
                    return True
        return False

    def add(self, start: int, end: int) -> None:
        """Take a span."""
        bisect.insort(self._spans, (start, end))
