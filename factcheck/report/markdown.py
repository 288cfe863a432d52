"""report.md: what a person reads first."""
from __future__ import annotations

from collections import Counter

from tabulate import tabulate

from .common import (
    claim_resolved,
    claim_value,
    highlighted_quote,
    md_escape,
    per_source,
    source_matrix,
)

MATRIX_MAX_SOURCES = 12
VERDICT_WORDS = {"contradiction": ("contradiction", "contradictions"),
                 "basis_mismatch": ("basis difference", "basis differences"),
                 "possible_misspelling": ("possible misspelling", "possible misspellings"),
                 "rounding": ("rounding difference", "rounding differences")}


def _plural(n: int, words: tuple[str, str]) -> str:
    return f"{n} {words[0] if n == 1 else words[1]}"


def _table(rows, headers) -> str:
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


def _anchor(code: str) -> str:
    return f"rule-{code.lower()}"


def summary_sentence(report) -> str:
    """One plain sentence: articles, claims, shared facts, conflicts by verdict."""
    counts = Counter(f.verdict for f in report.findings)
    parts = [_plural(counts[v], VERDICT_WORDS[v]) for v in VERDICT_WORDS if counts[v]]
    found = ", ".join(parts) if parts else "no conflicts"
    return (f"{_plural(len(report.articles), ('article', 'articles'))}, "
            f"{_plural(len(report.claims), ('claim', 'claims'))}, "
            f"{_plural(report.facts, ('fact', 'facts'))} reported by two or more sources; {found}; "
            f"{_plural(len(report.agreements), ('corroborated fact', 'corroborated facts'))}.")


def _evidence_rows(finding) -> list[list[str]]:
    rows = []
    for c in finding.claims:
        mark = " (outlier)" if c.article in finding.outliers else ""
        rows.append([md_escape(c.article) + mark, str(c.line), f"{c.start}–{c.end}", highlighted_quote(c),
                     md_escape(claim_value(c)), md_escape(claim_resolved(c))])
    return rows


def _conflict_section(finding, ruleset) -> list[str]:
    rule = ruleset.get(finding.code) if ruleset else None
    name = f" {rule.name}" if rule else ""
    lines = [f'<a id="{finding.id.lower()}"></a>', "", f"### {finding.id}: {md_escape(finding.subject)} — {finding.verdict.replace('_', ' ')}", "",
             md_escape(finding.message), "",
             f"Rule: [{finding.code}](#{_anchor(finding.code)}){name} · severity {finding.severity}"]
    if finding.majority and finding.outliers:
        lines.append(f"Most sources say **{md_escape(finding.majority)}**; "
                     f"outlier: {', '.join(md_escape(o) for o in finding.outliers)}.")
    lines += ["", _table(_evidence_rows(finding), ["Source", "Line", "Chars", "Quote", "Value", "Resolved"]), ""]
    return lines


def render(report, ruleset=None) -> str:
    """The Markdown report text (deterministic: no timestamps, no absolute paths)."""
    out = ["# factcheck report", "", summary_sentence(report), ""]
    counts = Counter(f.verdict for f in report.findings)
    rows = [["Articles read", len(report.articles)], ["Claims extracted", len(report.claims)],
            ["Facts reported by two or more sources", report.facts]]
    rows += [[f"Conflicts: {VERDICT_WORDS[v][1]}", counts[v]] for v in VERDICT_WORDS if v != "rounding"]
    rows += [["Corroborated facts", len(report.agreements)], ["Skipped inputs", len(report.skipped)]]
    out += [_table([[a, str(b)] for a, b in rows], ["What", "Count"]), ""]
    if report.findings:
        out += ["## Conflicts", ""]
        overview = []
        for f in report.findings:
            sources = sorted({c.article for c in f.claims})
            majority = [s for s in sources if s not in f.outliers]
            said_by = ", ".join(majority if f.outliers else sources)
            if not said_by and f.majority:
                said_by = f"office-holder record: {f.majority}"
            overview.append([f"[{f.id}](#{f.id.lower()})", f.severity, f"[{f.code}](#{_anchor(f.code)})",
                             f.verdict.replace("_", " "), md_escape(f.subject), md_escape(said_by),
                             md_escape(", ".join(f.outliers)) or "—"])
        out += [_table(overview, ["Id", "Severity", "Rule", "Verdict", "Fact", "Sources (majority)", "Outliers"]), ""]
        for f in report.findings:
            out += _conflict_section(f, ruleset)
    else:
        out += ["## Conflicts", "", "No conflicts found.", ""]
    out += ["## Corroborated facts", ""]
    if report.agreements:
        rows = [[md_escape(f.subject), md_escape(", ".join(sorted({claim_value(c) for c in f.claims}))),
                 md_escape(", ".join(sorted({f"{c.article}:{c.line}" for c in f.claims})))] for f in report.agreements]
        out += [_table(rows, ["Fact", "Values", "Where"]), ""]
    else:
        out += ["None.", ""]
    if report.possible:
        out += ["## Possibly the same fact", "",
                "Figures that differ and may be about one fact, but the evidence that they are is weak. "
                "Not counted as conflicts; check them by hand.", ""]
        rows = [[md_escape(f.subject), md_escape(f.message), md_escape(f.weak),
                 md_escape(", ".join(sorted({f"{c.article}:{c.line}" for c in f.claims})))] for f in report.possible]
        out += [_table(rows, ["Fact", "What differs", "Why uncertain", "Where"]), ""]
    out += ["## Sources", ""]
    rows = [[md_escape(a.id), md_escape(a.outlet or "unknown"), a.published.isoformat() if a.published else "unknown",
             md_escape(a.lang), str(sum(d.last_line - d.first_line + 1 for d in a.dropped))] for a in report.articles]
    out += [_table(rows, ["Article", "Outlet", "Published", "Language", "Lines dropped as page furniture"]), ""]
    out += [_table([[md_escape(x) for x in row] for row in per_source(report)],
                   ["Article", "Outlet", "Claims", "Facts corroborated", "In conflicts", "Outlier in"]), ""]
    sources, matrix = source_matrix(report) if len(report.articles) <= MATRIX_MAX_SOURCES else \
        ([a.id for a in report.articles], [None])
    if matrix and len(sources) > MATRIX_MAX_SOURCES:
        out += ["## Sources × facts", "", f"Not drawn for {len(sources)} sources (more than {MATRIX_MAX_SOURCES}); "
                "the per-source table above and conflicts.json carry the same information.", ""]
    elif matrix:
        out += ["## Sources × facts", "",
                "Who says what: *agrees* (corroborated), *majority* or **OUTLIER** (in a conflict), — (not mentioned).", ""]
        short = [s.rsplit(".", 1)[0][:14] for s in sources]
        out += [_table([[md_escape(label)] + [cells[s] for s in sources] for label, cells in matrix],
                       ["Fact"] + [md_escape(s) for s in short]), ""]
    used = sorted({f.code for f in report.findings})
    if used and ruleset:
        out += ["## Rules", ""]
        for code in used:
            rule = ruleset.get(code)
            if rule:
                out += [f'<a id="{_anchor(code)}"></a>', f"**{code} {md_escape(rule.name)}** ({rule.severity}): "
                        f"{md_escape(rule.explanation)}", ""]
    out += ["## Skipped input", ""]
    if report.skipped:
        out += [_table([[md_escape(s.path), md_escape(s.reason)] for s in report.skipped], ["Input", "Reason"]), ""]
    else:
        out += ["None.", ""]
    unresolved = [c for c in report.claims if c.type == "date" and c.value is None]
    if unresolved:
        out += ["## Unresolved dates", ""]
        out += [_table([[md_escape(c.article), str(c.line), md_escape(c.text), md_escape(c.resolved or "")]
                        for c in unresolved], ["Article", "Line", "Quote", "Why"]), ""]
    if report.notes:
        out += ["## Notes", ""] + [f"- {md_escape(n)}" for n in report.notes] + [""]
    return "\n".join(out).rstrip() + "\n"
