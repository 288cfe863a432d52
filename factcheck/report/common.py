"""Formatting shared by the report writers."""
from __future__ import annotations

import re

from ..types import Claim

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def md_escape(text: str) -> str:
    """Quoted text made inert in Markdown (and in Markdown tables): no markup, links, HTML or pipes."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    return _MD_SPECIAL.sub(r"\\\1", text)


def claim_value(claim: Claim) -> str:
    """The value a claim states, as a reader would write it."""
    if claim.type == "title":
        return f"{claim.qualifiers.get('person')}: {claim.value}"
    if claim.type == "date":
        return claim.display
    return claim.display or str(claim.value)


def claim_resolved(claim: Claim) -> str:
    """The normalised value: an ISO date, a number with its unit, a canonical office."""
    if claim.type == "date":
        return claim.resolved or ""
    if claim.type == "title":
        return str(claim.value)
    if claim.type == "money":
        return f"{claim.value:.6g} {claim.unit}"
    if claim.type == "duration":
        return f"{claim.value:g} {claim.unit}"
    if claim.type == "percent":
        basis = claim.qualifiers.get("basis")
        direction = claim.qualifiers.get("direction")
        extra = ", ".join(x for x in (direction, basis) if x)
        return f"{claim.value:g}{'%' if claim.unit == '%' else ' pp'}" + (f" ({extra})" if extra else "")
    return f"{claim.value:g}" if isinstance(claim.value, float) else str(claim.value)
