"""conflicts.json: conflicts and agreements with their evidence, for tools."""
from __future__ import annotations

import json

from .common import claim_resolved, claim_value


def _claim(c) -> dict:
    return {"source": c.article, "line": c.line, "start": c.start, "end": c.end, "text": c.text,
            "value": claim_value(c), "resolved": claim_resolved(c)}


def _finding(f) -> dict:
    return {"id": f.id, "code": f.code, "kind": f.kind, "verdict": f.verdict, "severity": f.severity,
            "subject": f.subject, "attribute": f.attribute, "message": f.message,
            "majority": f.majority, "outliers": f.outliers, "claims": [_claim(c) for c in f.claims],
            **({"why_uncertain": f.weak} if f.weak else {})}


def to_dict(report) -> dict:
    """The JSON document as a dict (version 1 schema).

    ``generator`` (what made the report: factcheck's version, the rule set's hash, the run's
    options) follows ``version`` when the report carries it, as every report of api.run does.
    """
    header = {"generator": report.generator} if report.generator else {}
    return {
        "version": 1,
        **header,
        "sources": [{"id": a.id, "outlet": a.outlet, "published": a.published.isoformat() if a.published else None,
                     "lang": a.lang}
                    for a in report.articles],
        "summary": {"articles": len(report.articles), "claims": len(report.claims), "facts": report.facts,
                    "conflicts": len(report.findings), "agreements": len(report.agreements),
                    "possible": len(report.possible), "skipped": len(report.skipped)},
        "conflicts": [_finding(f) for f in report.findings],
        "agreements": [_finding(f) for f in report.agreements],
        "possible": [_finding(f) for f in report.possible],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "notes": list(report.notes),
    }


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def render(report, ruleset=None) -> str:
    """conflicts.json text: sorted, stable, no timestamps.

    Laid out one source, conflict or agreement a line: readable and diff-friendly, and written
    by the json module's C encoder (an indented dump of a large report is several times slower).
    """
    doc = to_dict(report)
    lines = ["{"]
    for n, (key, value) in enumerate(doc.items()):
        comma = "," if n < len(doc) - 1 else ""
        if isinstance(value, list) and value:
            lines.append(f"  {_compact(key)}: [")
            lines += [f"    {_compact(item)}{',' if i < len(value) - 1 else ''}" for i, item in enumerate(value)]
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {_compact(key)}: {_compact(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"
