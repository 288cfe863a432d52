"""Score a report (conflicts.json) against a gold annotation: what was found, missed, flagged wrongly.

A gold file lists `conflicts` (each with a `verdict` and the `claims` it rests on, the outlier
first), `agreements` and `traps` (figures that must not be reported as a contradiction), and
optionally `boilerplate` (page-furniture line ranges no claim should be quoted from). A gold
claim is `{source, line, value}`.

The rules of the match:
- a reported claim quotes a gold claim when it names the same source, sits within one line of
  it, and its quoted text contains the gold value (or the gold value contains a quoted text of
  three or more characters);
- a gold conflict is found when one reported conflict with the gold verdict quotes every gold
  claim (two where the gold has more), each by a different reported claim; a rounding pair may
  also be found among the report's agreements with verdict "rounding"; a finding checked
  against a reference record (a name spelling, a title) may quote the outlier alone;
- a trap or agreement is hit when a reported contradiction quotes two of its claims.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().lower()


def _same_source(reported: dict, gold_source: str, prefix: str) -> bool:
    source = str(reported.get("source", ""))
    return gold_source in (source, prefix + source)


def quotes(reported: dict, gold: dict, prefix: str = "") -> bool:
    """True when a reported claim is the gold claim: same source, line ±1, overlapping text."""
    if not _same_source(reported, gold["source"], prefix):
        return False
    try:
        if abs(int(reported.get("line")) - int(gold["line"])) > 1:
            return False
    except (TypeError, ValueError):
        return False
    want = _norm(gold["value"])
    for key in ("text", "quote", "value"):
        have = _norm(reported.get(key, ""))
        if have and (want in have or (len(have) >= 3 and have in want)):
            return True
    return False


def covered(conflict: dict, gold_claims: list, prefix: str = "") -> set[int]:
    """Indexes of the gold claims a reported finding quotes, each by a distinct reported claim."""
    reported = conflict.get("claims", []) or []
    options = [[j for j, c in enumerate(reported) if quotes(c, g, prefix)] for g in gold_claims]
    holder: dict[int, int] = {}

    def place(i: int, tried: set[int]) -> bool:
        for j in options[i]:
            if j not in tried:
                tried.add(j)
                if j not in holder or place(holder[j], tried):
                    holder[j] = i
                    return True
        return False

    return {i for i in range(len(gold_claims)) if place(i, set())}


def _against_record(finding: dict, gold: dict, hit: set[int]) -> bool:
    sources = {c.get("source") for c in finding.get("claims", []) or []}
    by_record = gold.get("verdict") == "possible_misspelling" or gold.get("kind") == "title"
    return by_record and hit == {0} and len(sources) == 1


def _in_ranges(line: int, spec: object) -> bool:
    for part in str(spec).split(","):
        low, _, high = part.strip().partition("-")
        if int(low) <= line <= int(high or low):
            return True
    return False


@dataclass
class Score:
    """The outcome of one report scored against one gold file."""

    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong_verdict: list[str] = field(default_factory=list)
    trap_hits: list[str] = field(default_factory=list)
    agreement_hits: list[str] = field(default_factory=list)
    furniture_hits: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    reported: int = 0

    @property
    def gold_total(self) -> int:
        """Gold conflicts scored (found, missed or found with another verdict)."""
        return len(self.found) + len(self.missed) + len(self.wrong_verdict)

    @property
    def recall(self) -> float:
        """Share of the gold conflicts found with the gold verdict (1.0 when there are none)."""
        return round(len(self.found) / self.gold_total, 3) if self.gold_total else 1.0

    @property
    def precision(self) -> float:
        """Share of reported conflicts that are gold conflicts (1.0 when nothing is reported)."""
        return round((self.reported - len(self.unmatched)) / self.reported, 3) if self.reported else 1.0

    @property
    def clean(self) -> bool:
        """Everything found with its verdict, nothing flagged wrongly, nothing beyond the gold."""
        return not (self.missed or self.wrong_verdict or self.trap_hits or self.agreement_hits
                    or self.furniture_hits or self.unmatched)

    def as_dict(self) -> dict:
        """Plain data, with recall and precision."""
        data: dict = {k: list(getattr(self, k)) for k in ("found", "missed", "wrong_verdict", "trap_hits",
                                                    "agreement_hits", "furniture_hits", "unmatched")}
        data.update(reported=self.reported, recall=self.recall, precision=self.precision)
        return data


def _match_conflict(gold: dict, conflicts: list, rounded: list, prefix: str):
    need = min(2, len(gold["claims"]))
    fallback = None
    for j, finding in enumerate(list(conflicts) + list(rounded)):
        if j >= len(conflicts) and gold["verdict"] != "rounding":
            continue
        hit = covered(finding, gold["claims"], prefix)
        if len(hit) >= need or _against_record(finding, gold, hit):
            if finding.get("verdict") == gold["verdict"]:
                return "found", j, None
            fallback = fallback or ("wrong_verdict", j, finding.get("verdict"))
    return fallback


def _hits(entries: Iterable[dict], conflicts: list, prefix: str) -> list[str]:
    out = []
    for entry in entries:
        for j, finding in enumerate(conflicts):
            if finding.get("verdict") == "contradiction" and len(covered(finding, entry["claims"], prefix)) >= 2:
                out.append(f"{entry['id']} (reported as {finding.get('id', j)})")
                break
    return out


def _furniture_hits(boilerplate: list, conflicts: list, prefix: str) -> list[str]:
    """Reported claims quoted from page furniture, in the order of the boilerplate entries (looked
    up by source, so that a report of many claims is scored in linear time)."""
    by_source: dict[str, list[int]] = {}
    for b, block in enumerate(boilerplate):
        by_source.setdefault(str(block["source"]), []).append(b)
    hits = []
    for f, finding in enumerate(conflicts):
        for c, claim in enumerate(finding.get("claims", []) or []):
            if not isinstance(claim.get("line"), int):
                continue
            source = str(claim.get("source", ""))
            blocks = set(by_source.get(source, [])) | set(by_source.get(prefix + source, []))
            for b in blocks:
                if _in_ranges(claim["line"], boilerplate[b]["lines"]):
                    hits.append((b, f, c, f"{claim['source']}:{claim['line']} in {finding.get('id')}"))
    return [text for *_, text in sorted(hits)]


def score(report: dict, gold: dict, prefix: str = "", include_stretch: bool = False) -> Score:
    """Score one report against one gold annotation; `prefix` is prepended to reported sources."""
    conflicts = report.get("conflicts", []) or []
    rounded = [a for a in report.get("agreements", []) or [] if a.get("verdict") == "rounding"]
    result = Score(reported=len(conflicts))
    used: set[int] = set()
    for entry in gold.get("conflicts", []) or []:
        if entry.get("stretch") and not include_stretch:
            continue
        match = _match_conflict(entry, conflicts, rounded, prefix)
        if match is None:
            result.missed.append(entry["id"])
            continue
        kind, j, verdict = match
        used.add(j)
        if kind == "found":
            result.found.append(entry["id"])
        else:
            result.wrong_verdict.append(f"{entry['id']} (reported {verdict!r}, gold {entry['verdict']!r})")
    result.trap_hits = _hits(gold.get("traps", []) or [], conflicts, prefix)
    result.agreement_hits = _hits(gold.get("agreements", []) or [], conflicts, prefix)
    result.furniture_hits = _furniture_hits(gold.get("boilerplate", []) or [], conflicts, prefix)
    result.unmatched = [str(c.get("id", j)) for j, c in enumerate(conflicts) if j not in used]
    return result
