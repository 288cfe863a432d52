"""claims.csv: every extracted claim, one row, through pandas."""
from __future__ import annotations

import pandas as pd

from .common import claim_resolved, claim_value

COLUMNS = ["source", "line", "start", "end", "type", "text", "value", "resolved", "unit", "subject", "qualifiers"]


def safe_cell(value):
    """A cell that a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def frame(report) -> pd.DataFrame:
    """The claims as a DataFrame."""
    rows = []
    for c in report.claims:
        quals = "; ".join(f"{k}={v}" for k, v in sorted(c.qualifiers.items()) if v not in (None, ""))
        subject = " ".join(sorted(c.mods) + [c.head or ""]).strip()
        rows.append([c.article, c.line, c.start, c.end, c.type, c.text, claim_value(c), claim_resolved(c),
                     c.unit or "", subject, quals])
    df = pd.DataFrame(rows, columns=COLUMNS)
    for col in ("text", "value", "resolved", "unit", "subject", "qualifiers", "source"):
        df[col] = df[col].map(safe_cell)
    return df


def render(report, ruleset=None) -> str:
    """claims.csv text."""
    return frame(report).to_csv(index=False, lineterminator="\n")
