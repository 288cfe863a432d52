"""Formatting shared by the report writers."""
from __future__ import annotations

import re

from ..types import Claim

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_SPACE_RUN = re.compile(r"\s+")


def md_escape(text: str, strip: bool = True) -> str:
    """Quoted text made inert in Markdown (and in Markdown tables): no markup, links, HTML or pipes."""
    text = _SPACE_RUN.sub(" ", str(text))
    text = text.strip() if strip else text
    return _MD_SPECIAL.sub(r"\\\1", text) if _MD_SPECIAL.search(text) else text


def highlighted_quote(claim: Claim) -> str:
    """The quote, escaped, with the figure or name that carries the claim in bold."""
    quote = re.sub(r"\s+", " ", claim.text).strip()
    key = claim.display if claim.type != "title" else claim.qualifiers.get("person", "")
    at = quote.find(key) if key else -1
    if at < 0:
        return md_escape(quote)
    return md_escape(quote[:at], False) + "**" + md_escape(key) + "**" + md_escape(quote[at + len(key):], False)


def source_matrix(report) -> tuple[list[str], list[tuple[str, dict[str, str]]]]:
    """Facts × sources: for each conflict or corroborated fact, what each source does with it."""
    sources = [a.id for a in report.articles]
    words = {"agreement": "agrees", "outlier": "OUTLIER"}
    rows = []
    for f in report.findings + report.agreements:
        cells = {}
        for s in sources:
            verdict = cell_verdict(f, s)
            cells[s] = "—" if verdict is None else words.get(verdict, verdict.replace("_", " "))
        rows.append((f"{f.id}: {f.subject}", cells))
    return sources, rows


def cell_verdict(finding, source: str) -> str | None:
    """What one source does with a finding's fact: 'agreement', 'outlier', 'majority' (the side
    most sources take in a conflict with outliers), the finding's own verdict, or None when
    the source does not mention the fact."""
    if not any(c.article == source for c in finding.claims):
        return None
    if finding.verdict == "agreement":
        return "agreement"
    if source in finding.outliers:
        return "outlier"
    return "majority" if finding.outliers else finding.verdict


def per_source(report) -> list[list[str]]:
    """Per source: claims, facts it corroborates, conflicts it is the outlier in."""
    from collections import Counter

    claims = Counter(c.article for c in report.claims)
    corroborated = Counter(s for f in report.agreements for s in {c.article for c in f.claims})
    involved = Counter(s for f in report.findings for s in {c.article for c in f.claims})
    outlier = Counter(s for f in report.findings for s in f.outliers)
    return [[a.id, a.outlet or "unknown", str(claims[a.id]), str(corroborated[a.id]), str(involved[a.id]),
             str(outlier[a.id])] for a in report.articles]


def claim_value(claim: Claim) -> str:
    """The value a claim states, as a reader would write it."""
    if claim.type == "title":
        return f"{claim.qualifiers.get('person')}: {claim.value}"
    if claim.type == "date":
        return claim.display
    return claim.display or str(claim.value)


def readable_amount(value: float) -> str:
    """A large amount as people write it: 2.88e10 → '28.8 billion', 40000 → '40,000'."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:.6g} {word}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


def claim_resolved(claim: Claim) -> str:
    """The normalised value: an ISO date, a number with its unit, a canonical office."""
    if claim.type == "date":
        return claim.resolved or ""
    if claim.type == "title":
        return str(claim.value)
    if claim.type == "money":
        return f"{readable_amount(claim.value)} {claim.unit}"
    if claim.type == "time":
        hours, minutes = divmod(int(claim.value), 60)
        return f"{hours:02d}:{minutes:02d}" + (f" {claim.unit.upper()}" if claim.unit else "")
    if claim.type == "duration":
        return f"{claim.value:g} {claim.unit}"
    if claim.type == "measure":
        return f"{claim.value:,.10g} {claim.unit}"
    if claim.type == "percent":
        basis = claim.qualifiers.get("basis")
        direction = claim.qualifiers.get("direction")
        extra = ", ".join(x for x in (direction, basis) if x)
        return f"{claim.value:g}{'%' if claim.unit == '%' else ' pp'}" + (f" ({extra})" if extra else "")
    return f"{claim.value:g}" if isinstance(claim.value, float) else str(claim.value)
