"""report.md: what a person reads first."""
from __future__ import annotations

from collections import Counter

from tabulate import tabulate

from .common import claim_resolved, claim_value, md_escape

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
        rows.append([md_escape(c.article) + mark, str(c.line), f"{c.start}–{c.end}", md_escape(c.text),
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
    rows += [[f"Conflicts: {VERDICT_WORDS[v][1]}", counts[v]] for v in VERDICT_WORDS]
    rows += [["Corroborated facts", len(report.agreements)], ["Skipped inputs", len(report.skipped)]]
    out += [_table([[a, str(b)] for a, b in rows], ["What", "Count"]), ""]
    if report.findings:
        out += ["## Conflicts", ""]
        overview = [[f"[{f.id}](#{f.id.lower()})", f.severity, f.code, f.verdict.replace("_", " "),
                     md_escape(f.subject), md_escape(", ".join(sorted({c.article for c in f.claims})))]
                    for f in report.findings]
        out += [_table(overview, ["Id", "Severity", "Rule", "Verdict", "Fact", "Sources"]), ""]
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
    out += ["## Sources", ""]
    per_source = Counter(c.article for c in report.claims)
    rows = [[md_escape(a.id), md_escape(a.outlet or "unknown"), a.published.isoformat() if a.published else "unknown",
             str(per_source[a.id]), str(sum(d.last_line - d.first_line + 1 for d in a.dropped))]
            for a in report.articles]
    out += [_table(rows, ["Article", "Outlet", "Published", "Claims", "Lines dropped as page furniture"]), ""]
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
    if report.notes:
        out += ["## Notes", ""] + [f"- {md_escape(n)}" for n in report.notes] + [""]
    return "\n".join(out).rstrip() + "\n"
