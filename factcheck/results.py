"""The result model of a run: the Report (and the CachedReport of a run reused from the store),
the findings made from the checks' verdicts, the exit code, and a baseline applied to a Report."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from . import baseline as baseline_mod
from .report.common import plural
from .rules import Rule
from .types import Article, Claim, Finding, Skipped

EXIT_OK, EXIT_CONFLICTS, EXIT_ERROR = 0, 1, 2
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
# Verdicts that say the sources agree: figures that differ only by rounding corroborate each other.
CORROBORATING = ("agreement", "rounding")


@dataclass
class Report:
    """Everything one run found: articles, claims, conflicts, agreements and what was skipped."""

    articles: list[Article]
    claims: list[Claim]
    findings: list[Finding]
    agreements: list[Finding]
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    facts: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    store_notes: list[str] = field(default_factory=list)
    possible: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    generator: dict = field(default_factory=dict)
    suppressed: list[Finding] = field(default_factory=list)
    baseline_entries: int | None = None

    def counts(self) -> dict[str, int]:
        """How many articles, claims, conflicts (new ones: a baseline's are counted as
        suppressed), corroborated facts and suppressed conflicts the run has."""
        return {"articles": len(self.articles), "claims": len(self.claims), "conflicts": len(self.findings),
                "agreements": len(self.agreements), "suppressed": len(self.suppressed)}

    def describe(self) -> str:
        """The run in one line: '5 articles, 95 claims, 6 conflicts, 12 corroborated facts'
        (and the conflicts a baseline suppressed, when one is in force)."""
        counts = self.counts()
        line = (f"{plural(counts['articles'], 'article')}, {plural(counts['claims'], 'claim')}, "
                f"{plural(counts['conflicts'], 'conflict')}, {plural(counts['agreements'], 'corroborated fact')}")
        if self.baseline_entries is not None:
            line += f", {counts['suppressed']} suppressed by baseline"
        return line

    def exit_code(self, min_severity: str = "info") -> int:
        """0 when no conflict at or above min_severity, 1 when there is one, 2 when nothing was checked."""
        return _exit_code(bool(self.articles), [f.severity for f in self.findings], min_severity)

    def summary(self) -> dict:
        """What a cached copy of this run needs to answer without the articles: counts, severities,
        what was skipped and the notes (plain JSON data)."""
        return {"counts": self.counts(), "severities": sorted({f.severity for f in self.findings}),
                "skipped": [[s.path, s.reason] for s in self.skipped], "notes": list(self.notes),
                "warnings": list(self.warnings), "facts": self.facts, "baseline_entries": self.baseline_entries}


def _exit_code(checked: bool, severities: list[str], min_severity: str) -> int:
    if not checked:
        return EXIT_ERROR
    floor = SEVERITY_RANK.get(min_severity, 0)
    return EXIT_CONFLICTS if any(SEVERITY_RANK.get(s, 1) >= floor for s in severities) else EXIT_OK


class CachedReport(Report):
    """The Report of a run whose inputs, rules and code match an earlier run kept in the store.

    Counts, exit code, notes and what was skipped come from the stored summary; the articles,
    claims and findings are rebuilt (through the claim store) the first time they are used.
    """

    _LAZY = ("articles", "claims", "findings", "agreements", "possible", "suppressed")

    def __init__(self, summary: dict, rebuild):
        self._summary = summary
        self._rebuild = rebuild
        self.skipped = [Skipped(path, reason) for path, reason in summary["skipped"]]
        self.notes = list(summary["notes"])
        self.warnings = list(summary["warnings"])
        self.facts = summary["facts"]
        self.baseline_entries = summary["baseline_entries"]
        self.timings = {}
        self.store_notes = []
        self.generator = {}

    def __getattr__(self, name: str):
        if name not in CachedReport._LAZY:
            raise AttributeError(name)
        full = self._rebuild()
        for lazy in CachedReport._LAZY:
            setattr(self, lazy, getattr(full, lazy))
        return getattr(full, name)

    def counts(self) -> dict[str, int]:
        """The counts of the earlier run."""
        return dict(self._summary["counts"])

    def exit_code(self, min_severity: str = "info") -> int:
        """As Report.exit_code, from the stored severities."""
        return _exit_code(self._summary["counts"]["articles"] > 0, self._summary["severities"], min_severity)


def findings_of(judged, rules: list[Rule]) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """The findings of the checks' (fact, verdict) pairs under the rules that asked for them:
    conflicts (by severity, then code and subject), corroborations, and weak ones (possible).

    A verdict on fewer sources than its rule's ``min_sources`` makes none; a weak verdict or an
    agreement is of severity info."""
    by_code = {r.code: r for r in rules}
    findings: list[Finding] = []
    agreements: list[Finding] = []
    possible: list[Finding] = []
    for fact, verdict in judged:
        rule = by_code[verdict.rule]
        if len({c.article for c in verdict.claims}) < rule.setting("min_sources"):
            continue
        finding = Finding(code=rule.code, kind=rule.kind, verdict=verdict.verdict, subject=fact.label,
                          attribute=_attribute(fact), message="", claims=sorted(verdict.claims, key=lambda c: c.key),
                          severity=rule.severity if verdict.verdict != "agreement" and not verdict.weak else "info",
                          majority=verdict.majority, outliers=verdict.outliers, weak=verdict.weak,
                          records=list(verdict.records), why=list(verdict.why))
        finding.message = rule.render(subject=fact.label, detail=verdict.detail, majority=verdict.majority or "",
                                      outliers=", ".join(verdict.outliers), code=rule.code, verdict=verdict.verdict)
        finding.id = _finding_id(finding)
        if verdict.weak:
            possible.append(finding)
        else:
            (agreements if verdict.verdict in CORROBORATING else findings).append(finding)
    findings = merge_retold(findings)
    findings.sort(key=lambda f: (-SEVERITY_RANK.get(f.severity, 1), f.code, f.subject, f.claims[0].key))
    agreements.sort(key=lambda f: (f.kind, f.subject, f.claims[0].key))
    possible.sort(key=lambda f: (f.kind, f.subject, f.claims[0].key))
    return findings, agreements, possible


def _told_values(finding: Finding) -> tuple:
    return (finding.code, finding.verdict, finding.subject,
            frozenset((c.article, repr(c.value), c.unit) for c in finding.claims))


def merge_retold(findings: list[Finding]) -> list[Finding]:
    """The findings, those that set the same values of the same sources against each other
    under one rule and one subject made one ('Storm kills 46' in a headline and 'a toll of 46' in the text,
    against another outlet's 56 twice): one disagreement told twice in each article is one
    conflict, with the claims of both."""
    merged: dict[tuple, Finding] = {}
    out: list[Finding] = []
    for f in findings:
        key = _told_values(f)
        first = merged.get(key)
        if first is None:
            merged[key] = f
            out.append(f)
            continue
        first.claims = sorted({c.key: c for c in first.claims + f.claims}.values(), key=lambda c: c.key)
        first.why = first.why + [w for w in f.why if w not in first.why]
        first.id = _finding_id(first)
    return out


def _attribute(fact) -> str:
    return {"title": "office", "date": "date"}.get(fact.type, fact.type)


def _finding_id(finding: Finding) -> str:
    basis = finding.code + "|" + "|".join(f"{c.article}:{c.start}:{c.end}" for c in finding.claims)
    return f"{finding.code}-{hashlib.sha1(basis.encode()).hexdigest()[:8]}"


def apply_baseline(report: Report, base: baseline_mod.Baseline) -> Report:
    """Move the conflicts a baseline lists from ``report.findings`` to ``report.suppressed``
    (they no longer count for the exit code) and record how many the baseline lists."""
    kept: list[Finding] = []
    hidden: list[Finding] = []
    for f in report.findings:
        (hidden if baseline_mod.fingerprint(f) in base.fingerprints else kept).append(f)
    report.findings, report.suppressed = kept, hidden
    report.baseline_entries = len(base.fingerprints)
    return report
