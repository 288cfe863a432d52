"""The files a run leaves, read again for the CLI: one conflict of a conflicts.json for a
terminal, a conflicts.json scored against a gold file, a baseline read for a run or written
from a report. A file that is missing or not what it should be is a UsageError."""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from . import baseline as baseline_mod
from .errors import UsageError
from .evaluate import score
from .report import write_atomic


def load_baseline(path: Path) -> baseline_mod.Baseline:
    """The reviewed conflicts a baseline file (or an earlier conflicts.json) lists; a UsageError
    when it is missing, unreadable, not JSON or not a baseline."""
    try:
        return baseline_mod.load(path)
    except baseline_mod.BaselineError as exc:
        raise UsageError(str(exc)) from None


def write_baseline(report_path: Path, out: Path, ids: list[str] | None = None, merge: bool = False) -> int:
    """Write a baseline file ``out`` from a conflicts.json (all its conflicts, or those whose id
    starts with one of ``ids``); with ``merge``, the entries already in ``out`` are kept.
    Written atomically; returns how many conflicts the baseline lists. UsageError on bad input."""
    try:
        data = baseline_mod.read_json(report_path, "report")
        keep = baseline_mod.entries_of(baseline_mod.read_json(out), out) if merge and Path(out).exists() else []
        doc = baseline_mod.document(data, report_path, ids, keep)
    except baseline_mod.BaselineError as exc:
        raise UsageError(str(exc)) from None
    write_atomic(Path(out), baseline_mod.render(doc))
    return len(doc["conflicts"])


def show_conflict(out: Path, conflict_id: str) -> str:
    """One conflict of the last report in `out`, as text for a terminal."""
    path = Path(out) / "conflicts.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"no readable report at {path}: {exc}") from None
    listed = [(c, "") for c in data.get("conflicts", [])] + [(c, "  [suppressed by baseline]")
                                                              for c in data.get("suppressed", [])]
    matches = [(c, mark) for c, mark in listed if c["id"].lower().startswith(conflict_id.lower())]
    if len(matches) != 1:
        raise UsageError(f"{len(matches) or 'no'} conflicts match '{conflict_id}' in {path}")
    c, mark = matches[0]
    lines = [f"{c['id']}  {c['verdict']}  ({c['code']}, {c['severity']}){mark}", c["message"], ""]
    for cl in c["claims"]:
        mark = "  <- outlier" if cl["source"] in c.get("outliers", []) else ""
        lines.append(f"  {cl['source']}:{cl['line']} [{cl['start']}-{cl['end']}] {cl['text']!r} = {cl['resolved']}{mark}")
    return "\n".join(lines)


def score_report(report_path: Path, gold_path: Path, prefix: str = "", include_stretch: bool = False):
    """Score a conflicts.json against a gold annotation file (factcheck.evaluate's rules)."""
    try:
        data = json.loads(Path(report_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"no readable report at {report_path}: {exc}") from None
    try:
        gold = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"no readable gold file at {gold_path}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(gold, dict):
        raise UsageError("a report is a JSON object and a gold file a YAML mapping")
    try:
        return score(data, gold, prefix=prefix, include_stretch=include_stretch)
    except (KeyError, TypeError, ValueError) as exc:
        raise UsageError(f"{gold_path}: an entry lacks what scoring needs ({type(exc).__name__}: {exc})") from None
