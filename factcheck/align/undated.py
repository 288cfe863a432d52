"""The year of an undated article, for the periods of its figures.

A dated article's figure of its own year carries no period (``claims.build``); an undated
article's carries the year it writes ('2.4% in 2025'), since nothing says which year is its
own. Before alignment, an undated article is taken to be of the year most dated articles of
the run are of, and its figures of that year lose their period, as a dated article's would.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..types import Article, Claim

SHARE_OF_ONE_YEAR = 0.8  # of the dated articles, for their year to be the undated ones'


def reference_year(articles: list[Article]) -> str | None:
    """The year of at least SHARE_OF_ONE_YEAR of the run's dated articles, if there is one."""
    years = Counter(a.published.year for a in articles if a.published is not None)
    if not years:
        return None
    year, n = years.most_common(1)[0]
    return str(year) if n >= SHARE_OF_ONE_YEAR * sum(years.values()) else None


def undated_years_read(claims: list[Claim], articles: list[Article], year: str | None) -> list[Claim]:
    """The claims, those of undated articles that are of the run's year (``reference_year``)
    without a period."""
    undated = {a.id for a in articles if a.published is None}
    if year is None or not undated:
        return claims
    return [replace(c, period=_resolved(c.period, year)) if c.article in undated and c.period else c for c in claims]


def _resolved(period: str, year: str) -> str | None:
    """An undated article's period read against the run's year: that year is no period, and a
    relative one ('year+1', for 'next year') is the year it names."""
    offset = relative_offset(period)
    if offset is not None:
        period = str(int(year) + offset)
    return None if period == year else period


def relative_offset(period: str) -> int | None:
    """The years a relative period ('year+1') is from its article's own, or None for another period."""
    m = _RELATIVE.fullmatch(period)
    return int(m.group(1)) if m else None


_RELATIVE = re.compile(r"year([+-]\d+)")
