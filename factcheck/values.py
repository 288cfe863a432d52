"""Figures and times of day as amounts: the step of a written figure, durations on one scale,
minutes between two times. Read by alignment and by the checks alike, so below both."""
from __future__ import annotations

import re

from .knowledge import Knowledge
from .types import DAYS_PER_UNIT, Claim


def precision_of(claim: Claim) -> float:
    """The step of the last written digit, in the claim's value units (34.5 → 0.1; $29 billion → 1e9;
    50 basis points → 0.01 percentage points). A figure written in words ('a quarter of a
    percentage point') is exact: 0. A length told in two units ('27 years and three months')
    is as precise as its smaller one."""
    if claim.qualifiers.step:
        return float(claim.qualifiers.step)
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


def coarse_and_fine(a: Claim, b: Claim) -> tuple[float, float, float] | None:
    """The values of the coarser and the finer of two figures and the coarser one's step
    ('$33 billion', '$33.01 billion' → 33e9, 33.01e9, 1e9), or None when they are written to one
    precision, one of them is exact, or a value is no number."""
    coarse, fine = (a, b) if precision_of(a) > precision_of(b) else (b, a)
    step = precision_of(coarse)
    if step <= 0 or precision_of(fine) >= step:
        return None
    try:
        return float(coarse.value), float(fine.value), step
    except (TypeError, ValueError):
        return None


def quarter_period(n: int) -> str:
    """The period of a figure of quarter ``n`` ('q2')."""
    return f"q{n}"


def quarter_number(period: str | None) -> int | None:
    """The quarter a period names ('q2' → 2), or None for a month, a year or nothing."""
    if period and len(period) == 2 and period[0] == "q" and period[1] in "1234":
        return int(period[1])
    return None


def cut_to_step(coarse: float, fine: float, step: float) -> bool:
    """True when ``coarse`` is ``fine`` written to ``step``: rounded half-up, or truncated
    (41.55 as 41.6 or 41.5)."""
    if abs(coarse - fine) <= step / 2 + 1e-9 * max(step, 1.0):
        return True
    return 0 <= abs(fine) - abs(coarse) < step - 1e-9 * max(step, 1.0) and (coarse >= 0) == (fine >= 0)


CONVERSION_TOLERANCE = 0.015  # a measure written in other units, converted and rounded ('185 mph', '295 km/h')
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
    if a.type == "measure" and a.qualifiers.written_unit != b.qualifiers.written_unit:
        x, y = amount(a), amount(b)
        return abs(x - y) <= CONVERSION_TOLERANCE * max(abs(x), abs(y))
    return a.value == b.value


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
    later = minutes_later(a, b, kn)
    return None if later is None else abs(later)


def minutes_later(a: Claim, b: Claim, kn: Knowledge) -> int | None:
    """How many minutes b's time of day is after a's (negative when before, within half a day),
    or None when they cannot be compared (see ``minutes_apart``)."""
    if a.unit == b.unit or kn.zone_family.get(a.unit or "", a.unit) == kn.zone_family.get(b.unit or "", b.unit) \
            or {a.unit, b.unit} <= {None, LOCAL}:
        x, y = int(a.value), int(b.value)
    else:
        x, y = _utc(a, kn), _utc(b, kn)
        if x is None or y is None:
            return None
    gap = (y - x) % MINUTES_PER_DAY
    return gap if gap <= MINUTES_PER_DAY // 2 else gap - MINUTES_PER_DAY
