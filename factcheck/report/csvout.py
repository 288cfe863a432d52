"""claims.csv: every extracted claim, one row (the csv module; pandas only for ``frame``)."""
from __future__ import annotations

import csv
import io

from .common import claim_resolved, claim_value

COLUMNS = ["source", "line", "start", "end", "type", "text", "value", "resolved", "unit", "subject", "qualifiers"]


def safe_cell(value):
    """A cell that a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


_TEXT_COLUMNS = frozenset(("text", "value", "resolved", "unit", "subject", "qualifiers", "source"))


def rows(report) -> list[list]:
    """The claims as rows of COLUMNS, text cells made safe for spreadsheets."""
    out = []
    safe = [name in _TEXT_COLUMNS for name in COLUMNS]
    for c in report.claims:
        quals = "; ".join(f"{k}={v}" for k, v in sorted(c.qualifiers.items()) if v not in (None, ""))
        subject = " ".join(sorted(c.mods) + [c.topic or ""]).strip()
        row = [c.article, c.line, c.start, c.end, c.type, c.text, claim_value(c), claim_resolved(c),
               c.unit or "", subject, quals]
        out.append([safe_cell(x) if s else x for x, s in zip(row, safe)])
    return out


def frame(report):
    """The claims as a pandas DataFrame."""
    import pandas as pd  # ~0.3 s to import, and no report needs it

    return pd.DataFrame(rows(report), columns=COLUMNS)


def render(report, ruleset=None) -> str:
    """claims.csv text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(rows(report))
    return buffer.getvalue()
