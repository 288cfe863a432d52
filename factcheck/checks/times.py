"""Checks on times of day: do the times sources give for one event agree?"""
from __future__ import annotations

from ..knowledge import Knowledge
from ..types import Claim, Fact
from ..values import minutes_apart, minutes_later
from .base import CheckContext, Verdict, agreement, majority_and_outliers, sources_of


def _shown(c: Claim) -> str:
    return c.display or c.text


def _coarse(c: Claim) -> bool:
    """An approximate time ('around 1:30 p.m.', 'midnight') or one told to the hour, its minutes
    left out ('at 9 a.m.' for a crash at 9:03)."""
    return bool(c.qualifiers.hedge) or (isinstance(c.value, (int, float)) and c.value % 60 == 0
                                        and not any(ch.isdigit() for ch in _minutes_part(c)))


ROUNDED_MINUTES = 5  # a time on a five-minute mark may be a nearer time rounded ('03:50' for 3:53)


def _to_five_minutes(a: Claim, b: Claim, gap: int) -> bool:
    """True when one time is on a five-minute mark and is the other cut or rounded to it
    ('03:50' for 3:53 a.m.; not for 3:46, which rounds to 3:45)."""
    if not isinstance(a.value, (int, float)) or not isinstance(b.value, (int, float)):
        return False
    on, off = (a, b) if a.value % ROUNDED_MINUTES == 0 else (b, a)
    if off.value % ROUNDED_MINUTES == 0 or gap >= ROUNDED_MINUTES:
        return False
    m = int(off.value)
    cut, rounded = m - m % ROUNDED_MINUTES, (m + ROUNDED_MINUTES // 2) // ROUNDED_MINUTES * ROUNDED_MINUTES
    return int(on.value) % (24 * 60) in (cut % (24 * 60), rounded % (24 * 60))


def _within_deadline(a: Claim, b: Claim, kn: Knowledge) -> bool:
    """True when one time is a deadline ('confirmed by 8 pm') that the other is at or before."""
    later = minutes_later(a, b, kn)
    if later is None:
        return False
    return (a.qualifiers.hedge == "upper" and later <= 0) or (b.qualifiers.hedge == "upper" and later >= 0)


def _minutes_part(c: Claim) -> str:
    text = c.text
    for i, ch in enumerate(text):
        if ch in ":." and text[i + 1:i + 2].isdigit():
            return text[i + 1:]
    return ""


def judge(fact: Fact, ctx: CheckContext) -> list[Verdict]:
    """Contradiction when two sources time one event differently; rounding when one of them is
    approximate ('around 1:30 p.m.', 'midnight') or told to the hour ('9 a.m.' for 9:03), and
    within the tolerance of times.yml, or on a five-minute mark that the other, cut or rounded,
    comes to ('03:50' for 3:53)."""
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
            if gap is None or _within_deadline(a, b, kn):
                continue
            if gap == 0:
                agreeing += [a, b]
            elif ((_coarse(a) or _coarse(b)) and gap <= kn.approx_minutes) or _to_five_minutes(a, b, gap):
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
