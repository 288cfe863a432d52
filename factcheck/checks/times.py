"""Checks on times of day: do the times sources give for one event agree?"""
from __future__ import annotations

from ..knowledge import Knowledge
from ..types import Claim, Fact
from .base import CheckContext, Verdict, agreement, majority_and_outliers, sources_of

MINUTES_PER_DAY = 1440


def _utc(claim: Claim, kn: Knowledge) -> int | None:
    offset = kn.zone_offset.get(claim.unit or "")
    return None if offset is None else (int(claim.value) - offset) % MINUTES_PER_DAY


LOCAL = "local"

def minutes_apart(a: Claim, b: Claim, kn: Knowledge) -> int | None:
    """How many minutes two times of day are apart, or None when they cannot be compared: both
    in one zone (or one family of zones, or neither says a zone, or one says 'local time' and the
    other no zone: a story's times are the place's) they compare as written; in two
    zones of known offset through UTC; otherwise not at all ('0700 GMT' and 'midnight')."""
    if a.unit == b.unit or kn.zone_family.get(a.unit or "", a.unit) == kn.zone_family.get(b.unit or "", b.unit) \
            or {a.unit, b.unit} <= {None, LOCAL}:
        x, y = int(a.value), int(b.value)
    else:
        x, y = _utc(a, kn), _utc(b, kn)
        if x is None or y is None:
            return None
    gap = abs(x - y) % MINUTES_PER_DAY
    return min(gap, MINUTES_PER_DAY - gap)


def _shown(c: Claim) -> str:
    return c.display or c.text


def judge(fact: Fact, ctx: CheckContext) -> list[Verdict]:
    """Contradiction when two sources time one event differently; rounding when one of them is
    approximate ('around 1:30 p.m.', 'midnight') and within the tolerance of times.yml."""
    claims = fact.claims
    if len(sources_of(claims)) < 2:
        return []
    kn = ctx.kn
    clashes, roundings, agreeing = [], [], []
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.article == b.article:
                continue
            gap = minutes_apart(a, b, kn)
            if gap is None:
                continue
            if gap == 0:
                agreeing += [a, b]
            elif (a.qualifiers.hedge or b.qualifiers.hedge) and gap <= kn.approx_minutes:
                roundings.append((a, b))
            else:
                clashes.append((a, b))
    out = []
    if clashes:
        involved = {id(c) for pair in clashes for c in pair}
        evidence = [c for c in claims if id(c) in involved]
        a, b = clashes[0]
        majority, outliers = majority_and_outliers(evidence, lambda c: f"{int(c.value)}:{c.unit}")
        out.append(Verdict("time.value", "contradiction", evidence,
                           f"{a.article} gives {_shown(a)}, {b.article} {_shown(b)}", majority, outliers))
    if roundings:
        involved = {id(c) for pair in roundings for c in pair}
        evidence = [c for c in claims if id(c) in involved]
        a, b = roundings[0]
        out.append(Verdict("time.rounding", "rounding", evidence,
                           f"{_shown(a)} and {_shown(b)} differ only as an approximate time does"))
    if not out and agreeing:
        out.append(agreement("time.value", Fact(fact.type, fact.label, claims),
                             f"{len(sources_of(claims))} sources agree on {_shown(claims[0])}"))
    return out
