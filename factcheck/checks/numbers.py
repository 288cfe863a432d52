"""Checks on figures: percentages, money, counts, ordinals, durations."""
from __future__ import annotations

import re

from ..types import Claim, Fact
from .base import (
    CheckContext,
    Verdict,
    agreement,
    majority_and_outliers,
    sources_of,
    worst,
)

_BOUND = ("upper", "lower")


def precision_of(claim: Claim) -> float:
    """The step of the last written digit, in the claim's value units (34.5 → 0.1; $29 billion → 1e9;
    50 basis points → 0.01 percentage points). A figure written in words ('a quarter of a
    percentage point') is exact: 0."""
    m = re.search(r"\d+(?:\.(\d+))?", claim.display.replace(",", ""))
    if m is None:
        return 0.0
    decimals = len(m.group(1)) if m and m.group(1) else 0
    step = 10.0 ** -decimals
    if isinstance(claim.value, float) and m:
        written = float(m.group(0))
        if written:
            step *= claim.value / written
    return step


DAYS_PER_UNIT = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
                 "month": 30.4375, "year": 365.25}
DURATION_TOLERANCE = 0.02


def amount(claim: Claim) -> float:
    """A figure on a common scale: durations in days ('20 minutes', 'an hour'), others as written."""
    if claim.type == "duration":
        return claim.value * DAYS_PER_UNIT.get(claim.unit, 1.0)
    return claim.value


def same_amount(a: Claim, b: Claim) -> bool:
    """True when two figures state the same amount (durations in different units within 2%:
    'three months' and '90 days')."""
    if a.type == "duration" and a.unit != b.unit:
        x, y = amount(a), amount(b)
        return abs(x - y) <= DURATION_TOLERANCE * max(abs(x), abs(y))
    return a.value == b.value


_PART = re.compile(r"\b(?:including|among them|among whom)\s+(\w+)|\b(\w+)\s+of\s+(?:them|whom)\b", re.IGNORECASE)


def _named_part(whole: Claim, part: Claim, ctx: CheckContext) -> bool:
    """True when the sentence of a total names the other figure as a part of it ('at least 19
    killed, including three in Jamaica' against 'three people died in Jamaica')."""
    if whole.type != "count":
        return False
    for m in _PART.finditer(whole.sentence):
        word = (m.group(1) or m.group(2)).lower().replace(",", "")
        value = int(word) if word.isdigit() else ctx.kn.number_words.get(word)
        if value == part.value:
            return True
    return False


def _violates(bound: Claim, point: Claim) -> bool:
    if bound.qualifiers.get("hedge") == "upper":
        return amount(point) > amount(bound)
    return amount(point) < amount(bound)


def _fmt(claim: Claim) -> str:
    if claim.type == "money":
        return f"{claim.display} ({claim.unit})"
    if claim.type == "duration":
        return f"{claim.value:g} {claim.unit}" + ("" if claim.value == 1 else "s")
    if claim.type == "measure":
        return f"{claim.display} ({claim.value:g} {claim.unit})"
    return claim.display or f"{claim.value:g}"


def _directions_differ(a: Claim, b: Claim) -> bool:
    da, db = a.qualifiers.get("direction"), b.qualifiers.get("direction")
    return bool(da and db and da != db)


def _pair(a: Claim, b: Claim, ctx: CheckContext) -> Verdict:
    kind = a.type
    if kind == "percent":
        da, db = a.qualifiers.get("direction"), b.qualifiers.get("direction")
        if da and db and da != db:
            return Verdict("percent.direction", "contradiction", [a, b],
                           f"one source reports a {da} ({_fmt(a)}), another a {db} ({_fmt(b)})")
        ba, bb = a.qualifiers.get("basis"), b.qualifiers.get("basis")
        if (ba or bb) and ba != bb:
            said = " vs ".join(x or "no stated basis" for x in (ba, bb))
            return Verdict("percent.basis", "basis_mismatch", [a, b],
                           f"{_fmt(a)} and {_fmt(b)} are measured against different bases ({said}), so both can be true")
    if kind in ("percent", "money") and _rounding(a, b, ctx):
        return Verdict(f"{kind}.rounding", "rounding", [a, b],
                       f"{_fmt(a)} and {_fmt(b)} differ only by rounding or an approximate figure")
    return Verdict(f"{kind}.value", "contradiction", [a, b], f"{_fmt(a)} against {_fmt(b)} for the same fact")


def _rounding(a: Claim, b: Claim, ctx: CheckContext) -> bool:
    tolerance = float(ctx.param(f"{a.type}.rounding", "approx_tolerance", 0.05))
    diff = abs(a.value - b.value)
    if diff < max(precision_of(a), precision_of(b)) / 2 - 1e-9:
        return True
    hedged = a.qualifiers.get("hedge") == "approx" or b.qualifiers.get("hedge") == "approx"
    return hedged and diff <= tolerance * max(abs(a.value), abs(b.value))


def judge(fact: Fact, ctx: CheckContext) -> list[Verdict]:
    """Verdict on a group of figures from two or more sources."""
    if len(sources_of(fact.claims)) < 2:
        return []
    points = [c for c in fact.claims if c.qualifiers.get("hedge") not in _BOUND]
    bounds = [c for c in fact.claims if c.qualifiers.get("hedge") in _BOUND]
    violated = [b for b in bounds if any(_violates(b, p) and not _named_part(b, p, ctx) for p in points)]
    verdicts = []
    for i, a in enumerate(points):
        for b in points[i + 1:]:
            if a.article == b.article:
                continue
            if _named_part(a, b, ctx) or _named_part(b, a, ctx):
                continue
            if not same_amount(a, b) or _directions_differ(a, b):
                verdicts.append(_pair(a, b, ctx))
    for b in violated:
        outside = [p for p in points if _violates(b, p) and not _named_part(b, p, ctx)]
        verdicts.append(Verdict(f"{b.type}.value", "contradiction", [b] + outside,
                                f"{_fmt(outside[0])} lies outside the bound '{b.text}'"))
    if not verdicts:
        if len(sources_of(points)) < 2:
            return []
        return [agreement(f"{fact.type}.value", Fact(fact.type, fact.label, points),
                          f"{len(sources_of(points))} sources agree on {_fmt(points[0])}")]
    top = worst(verdicts)
    involved = {id(c) for v in verdicts if v.verdict == top.verdict for c in v.claims}
    evidence = [c for c in fact.claims if id(c) in involved]
    shown: dict[tuple, str] = {}
    for c in evidence:
        shown.setdefault((c.value, c.unit), _fmt(c))
    majority, outliers = majority_and_outliers(evidence, lambda c: shown[(c.value, c.unit)])
    return [Verdict(top.check, top.verdict, evidence, top.detail, majority, outliers)]
