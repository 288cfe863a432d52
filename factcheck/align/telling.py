"""Figures whose value itself tells they are one fact: written with enough digits that a second
fact of the measure would hardly share them, or one of them the other cut to one digit fewer."""
from __future__ import annotations

from ..types import Claim
from ..values import cut_to_step, precision_of
from .params import AlignParams


def written_digits(claim: Claim) -> str:
    """The digits a figure is written with, in order ('$13.45 billion' → '1345')."""
    return "".join(ch for ch in claim.display.split(" ")[0] if ch.isdigit())


def significant_digits(claim: Claim) -> int:
    """How many significant digits a figure is written with ('$13.45 billion' → 4, '29,000' → 2)."""
    digits = written_digits(claim).lstrip("0")
    return len(digits.rstrip("0")) if "." not in claim.display else len(digits)


def telling_values(a: Claim, b: Claim, params: AlignParams) -> bool:
    """True when two figures of one measure are equal or nearly so and written with enough
    digits that a second fact of that measure would hardly share them ('5,864.6 tonnes' and
    '5,864.60 tons'; '5,865.6', a slip of one digit): the value itself tells they are one fact,
    however differently the sentences around them are worded."""
    if a.type not in ("money", "count", "measure") or a.unit != b.unit:
        return False
    if max(significant_digits(a), significant_digits(b)) < params.telling_digits:
        return False
    x, y = abs(float(a.value)), abs(float(b.value))
    if min(significant_digits(a), significant_digits(b)) >= params.telling_digits:
        return max(x, y) > 0 and (abs(x - y) <= params.telling_gap * max(x, y) or transposed(a, b))
    return telling_rounding(a, b, params)


def transposed(a: Claim, b: Claim) -> bool:
    """True when two figures of one magnitude are written with the same digits but two neighbours
    swapped, the leading digit kept ('$51.24 billion', '$51.42 billion'): a slip of the pen, the
    same figure."""
    da, db = written_digits(a), written_digits(b)
    diff = [i for i, (p, q) in enumerate(zip(da, db)) if p != q]
    x, y = abs(float(a.value)), abs(float(b.value))
    return len(da) == len(db) and len(diff) == 2 and diff[0] > 0 and diff[1] == diff[0] + 1 \
        and da[diff[0]] == db[diff[1]] and da[diff[1]] == db[diff[0]] and 0 < min(x, y) and max(x, y) < 2 * min(x, y)


def telling_rounding(a: Claim, b: Claim, params: AlignParams) -> bool:
    """True when the less precise of two figures is the other cut to its own last digit (rounded
    half-up or truncated), the precise one has ``telling_digits`` significant digits and the other
    one fewer ('$13.45 billion' and '$13.5 billion', '$27.23 billion' and '$27.2 billion')."""
    coarse, fine = (a, b) if precision_of(a) > precision_of(b) else (b, a)
    if significant_digits(fine) < params.telling_digits or significant_digits(coarse) < params.telling_digits - 1:
        return False
    step = precision_of(coarse)
    if step <= precision_of(fine) or coarse.qualifiers.hedge or fine.qualifiers.hedge:
        return False
    return cut_to_step(abs(float(coarse.value)), abs(float(fine.value)), step)
