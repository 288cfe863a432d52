"""conflicts.json: conflicts and agreements with their evidence, for tools.

Each source has its ``outlet`` as sources.yaml gives it and its ``name``: the name report.md
gives it (the outlet, or the file name where sources.yaml has none or says "unknown", numbered
where two would read the same). Each claim names its ``source`` (the file id) and its
``outlet`` (that name), quotes the figure with the words right before it (``quote``) and the
``sentence`` around it. A conflict carries its
``fingerprint`` (the key a baseline knows it by), ``why_same_fact`` (why its claims were taken
as one fact) and, where the office-holder record bears on it, ``record`` (holder, office,
since, until).
"""
from __future__ import annotations

import bisect
import json

from ..baseline import fingerprint
from .common import claim_resolved, claim_value, figure_quote, source_labels


def _claim(c, labels: dict[str, str], texts: dict[str, str], ends: dict[str, list[int]]) -> dict:
    before = ends.get(c.article, [])
    floor = before[bisect.bisect_right(before, c.start) - 1] if before and before[0] <= c.start else 0
    return {"source": c.article, "outlet": labels.get(c.article, c.article), "line": c.line, "start": c.start,
            "end": c.end, "text": c.text, "quote": figure_quote(c, texts.get(c.article), floor),
            "sentence": " ".join((c.sentence or c.text).split()),
            "value": claim_value(c), "resolved": claim_resolved(c)}


def _finding(f, labels: dict[str, str], texts: dict[str, str], ends: dict[str, list[int]],
             conflict: bool = False) -> dict:
    extra = {"fingerprint": fingerprint(f), "why_same_fact": list(f.why)} if conflict else {}
    return {"id": f.id, "code": f.code, "kind": f.kind, "verdict": f.verdict, "severity": f.severity,
            "subject": f.subject, "attribute": f.attribute, "message": f.message,
            "majority": f.majority, "outliers": f.outliers, **extra,
            **({"record": list(f.records)} if f.records else {}),
            "claims": [_claim(c, labels, texts, ends) for c in f.claims],
            **({"why_uncertain": f.weak} if f.weak else {})}


def to_dict(report) -> dict:
    """The JSON document as a dict (version 1 schema).

    ``suppressed`` lists the conflicts a baseline hid (``summary.baseline_entries`` is how many
    the baseline lists, null without one); ``conflicts`` holds only the others.

    ``generator`` (what made the report: factcheck's version, the rule set's hash, the run's
    options) follows ``version`` when the report carries it, as every report of api.run does.
    """
    header = {"generator": report.generator} if report.generator else {}
    labels = source_labels(report)
    texts = {a.id: a.norm for a in report.articles}
    ends: dict[str, list[int]] = {}
    for c in report.claims:  # where each claim ends: another claim's quote stops there
        ends.setdefault(c.article, []).append(c.end)
    for spans in ends.values():
        spans.sort()
    return {
        "version": 1,
        **header,
        "sources": [{"id": a.id, "outlet": a.outlet, "name": labels[a.id],
                     "published": a.published.isoformat() if a.published else None, "lang": a.lang}
                    for a in report.articles],
        "summary": {"articles": len(report.articles), "claims": len(report.claims), "facts": report.facts,
                    "conflicts": len(report.findings), "agreements": len(report.agreements),
                    "possible": len(report.possible), "skipped": len(report.skipped),
                    "suppressed": len(report.suppressed), "baseline_entries": report.baseline_entries},
        "conflicts": [_finding(f, labels, texts, ends, True) for f in report.findings],
        "suppressed": [_finding(f, labels, texts, ends, True) for f in report.suppressed],
        "agreements": [_finding(f, labels, texts, ends) for f in report.agreements],
        "possible": [_finding(f, labels, texts, ends) for f in report.possible],
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
