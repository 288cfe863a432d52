"""Baselines, as linters have them: conflicts a person has reviewed, hidden from later runs.

A conflict is known across runs by its fingerprint: the rule code and the sorted, distinct
(source, quoted text, value) of its claims, hashed (sha256, first 16 hex digits) and written
``CODE-hash``. Line numbers and character offsets are left out, so an edit elsewhere in an
article keeps the fingerprint; runs of white space in a quote count as one space, so a quote
wrapped anew does too. A conflict whose claims change (another source joins it, a quote or a
value is edited, a file is renamed) is a new conflict.

A baseline file is JSON: ``{"format": "factcheck-baseline", "version": 1, "conflicts": [...]}``,
each entry with its ``fingerprint`` and, for the person who reads it, ``id``, ``code``,
``subject``, ``message`` and ``sources``; other keys (a ``note``) are kept as written. A
conflicts.json of an earlier run serves as a baseline too: its conflicts (and those it lists as
suppressed) are taken as reviewed.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from .report.common import claim_value

FORMAT = "factcheck-baseline"
VERSION = 1
_FINGERPRINT = re.compile(r"^[A-Z]{3}\d{3}-[0-9a-f]{16}$")


class BaselineError(ValueError):
    """A baseline file that cannot be used: missing, not JSON, or not a baseline."""


@dataclass(frozen=True)
class Baseline:
    """The fingerprints of the reviewed conflicts a baseline file lists."""

    fingerprints: frozenset[str]

    @property
    def digest(self) -> str:
        """A sha256 over the sorted fingerprints: two baselines that list the same conflicts match."""
        return "sha256:" + hashlib.sha256("\n".join(sorted(self.fingerprints)).encode()).hexdigest()


def fingerprint_of(code: str, claims) -> str:
    """The fingerprint of a conflict given its rule code and its claims as (source, quoted text, value)."""
    items = sorted({(str(source), " ".join(str(text).split()), str(value)) for source, text, value in claims})
    payload = json.dumps([code, items], ensure_ascii=False, separators=(",", ":"))
    return f"{code}-{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:16]}"


def fingerprint(finding) -> str:
    """The fingerprint of a Finding (see the module's description)."""
    return fingerprint_of(finding.code, [(c.article, c.text, claim_value(c)) for c in finding.claims])


def _entry_fingerprint(entry, where: str) -> str:
    if not isinstance(entry, dict):
        raise BaselineError(f"{where}: expected an object with a fingerprint, found {type(entry).__name__}")
    value = entry.get("fingerprint")
    if value is None and isinstance(entry.get("claims"), list) and isinstance(entry.get("code"), str):
        try:
            value = fingerprint_of(entry["code"], [(c["source"], c["text"], c["value"]) for c in entry["claims"]])
        except (KeyError, TypeError):
            raise BaselineError(f"{where}: a claim lacks its source, text or value") from None
    if not isinstance(value, str) or not _FINGERPRINT.match(value):
        raise BaselineError(f"{where}: no fingerprint (CODE-16 hex digits, e.g. TTL001-0123456789abcdef)")
    return value


def entries_of(data, path) -> list[dict]:
    """The reviewed conflicts a parsed baseline file or conflicts.json lists, each with its fingerprint."""
    if not isinstance(data, dict):
        raise BaselineError(f"{path}: expected a JSON object (a baseline file or a conflicts.json)")
    if data.get("format") == FORMAT:
        if data.get("version") != VERSION:
            raise BaselineError(f"{path}: baseline version {data.get('version')!r}; this factcheck reads version {VERSION}")
        lists = [("conflicts", data.get("conflicts"))]
    elif "conflicts" in data:
        lists = [("conflicts", data.get("conflicts")), ("suppressed", data.get("suppressed", []))]
    else:
        raise BaselineError(f"{path}: neither a baseline file (\"format\": \"{FORMAT}\") nor a conflicts.json")
    found = []
    for key, items in lists:
        if not isinstance(items, list):
            raise BaselineError(f"{path}: \"{key}\" is not a list")
        for n, entry in enumerate(items):
            found.append({**entry, "fingerprint": _entry_fingerprint(entry, f"{path}: {key}[{n}]")})
    return found


def read_json(path: Path, what: str = "baseline"):
    """A JSON file's content; BaselineError (naming ``what``) when it is missing or not JSON."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{what} file {path} not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{what} file {path} cannot be read: {exc}") from None
    try:
        return json.loads(text)
    except ValueError as exc:
        raise BaselineError(f"{what} file {path} is not valid JSON: {exc}") from None


def load(path: Path) -> Baseline:
    """The baseline a file gives (a baseline file or a conflicts.json); BaselineError when it
    is missing, is not JSON, or lists an entry without a fingerprint."""
    return Baseline(frozenset(e["fingerprint"] for e in entries_of(read_json(path), path)))


def _summary(entry: dict) -> dict:
    sources = sorted({c.get("source") for c in entry.get("claims", []) if isinstance(c, dict) and c.get("source")})
    kept = {k: entry[k] for k in ("id", "code", "subject", "message") if k in entry}
    return {"fingerprint": entry["fingerprint"], **kept, **({"sources": sources} if sources else {})}


def document(report_data, report_path, ids: list[str] | None = None, keep: list[dict] | None = None) -> dict:
    """A baseline document from a parsed conflicts.json (or baseline file): all its conflicts,
    or those whose id starts with one of ``ids`` (each must match one at least), added to the
    entries ``keep`` of an existing baseline (kept as written, notes and all). Sorted by
    fingerprint."""
    found = entries_of(report_data, report_path)
    if ids:
        chosen = []
        for wanted in ids:
            matches = [e for e in found if str(e.get("id", "")).lower().startswith(wanted.lower())]
            if not matches:
                raise BaselineError(f"no conflict in {report_path} has an id starting with '{wanted}'")
            chosen += matches
        found = chosen
    entries: dict = {}
    for e in (keep or []) + found:
        entries.setdefault(e["fingerprint"], _summary(e) if "claims" in e else e)
    return {"format": FORMAT, "version": VERSION, "conflicts": [entries[k] for k in sorted(entries)]}


def render(doc: dict) -> str:
    """A baseline document as indented JSON text (the same document gives the same bytes)."""
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
