"""report.html: one self-contained page (no network assets) with the conflicts and a coloured matrix."""
from __future__ import annotations

from html import escape

from .common import claim_resolved, claim_value, per_source, source_matrix
from .markdown import summary_sentence

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem;max-width:72rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left}
th{background:#f3f3f3}.OUTLIER{background:#f8c9c4}.majority,.contradiction{background:#fde8c8}
.agrees{background:#d4efd7}.basis{background:#dde7f8}code{background:#f3f3f3;padding:0 .2rem}
"""


def _row(cells, tag="td", classes=None) -> str:
    classes = classes or [""] * len(cells)
    return "<tr>" + "".join(f'<{tag} class="{c}">{x}</{tag}>' for x, c in zip(cells, classes)) + "</tr>"


def _table(headers, rows, classes=None) -> str:
    body = "".join(_row(r, classes=(classes[i] if classes else None)) for i, r in enumerate(rows))
    return f"<table><thead>{_row(headers, 'th')}</thead><tbody>{body}</tbody></table>"


def render(report, ruleset=None) -> str:
    """The HTML page text."""
    parts = ["<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>factcheck report</title>",
             f"<style>{STYLE}</style></head><body><h1>factcheck report</h1>",
             f"<p>{escape(summary_sentence(report))}</p><h2>Conflicts</h2>"]
    rows = [[f'<a href="#{escape(f.id)}">{escape(f.id)}</a>', escape(f.severity), escape(f.code),
             escape(f.verdict.replace("_", " ")), escape(f.subject), escape(", ".join(f.outliers) or "—")]
            for f in report.findings]
    parts.append(f'<div id="conflicts">{_table(["Id", "Severity", "Rule", "Verdict", "Fact", "Outliers"], rows)}</div>'
                 if rows else "<p>No conflicts found.</p>")
    for f in report.findings:
        parts.append(f'<h3 id="{escape(f.id)}">{escape(f.id)}: {escape(f.subject)}</h3><p>{escape(f.message)}</p>')
        ev = [[escape(c.article), str(c.line), escape(c.text), escape(claim_value(c)), escape(claim_resolved(c))]
              for c in f.claims]
        parts.append(_table(["Source", "Line", "Quote", "Value", "Resolved"], ev))
    sources, matrix = source_matrix(report) if len(report.articles) <= 40 else ([], [])
    if matrix:
        parts.append("<h2>Sources × facts</h2>")
        rows = [[escape(label)] + [escape(cells[s]) for s in sources] for label, cells in matrix]
        classes = [[""] + [cells[s].split()[0] if cells[s] != "—" else "" for s in sources] for _, cells in matrix]
        parts.append(_table(["Fact"] + [escape(s) for s in sources], rows, classes))
    parts.append("<h2>Per source</h2>")
    parts.append(_table(["Article", "Outlet", "Claims", "Corroborated", "In conflicts", "Outlier in"],
                        [[escape(x) for x in r] for r in per_source(report)]))
    if report.skipped:
        parts.append("<h2>Skipped input</h2>")
        parts.append(_table(["Input", "Reason"], [[escape(s.path), escape(s.reason)] for s in report.skipped]))
    parts.append("</body></html>\n")
    return "\n".join(parts)
