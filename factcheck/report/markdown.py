"""report.md: what a person reads first, and reads without the other files.

Sources are named by outlet (the file name, in a code span, where sources.yaml gives none),
quotes are the claim's sentence with the figure in bold, and each conflict says why its
claims were taken as one fact and which office-holder record entries bear on it.
"""
from __future__ import annotations

from collections import Counter

from tabulate import tabulate

from ..baseline import fingerprint
from .common import (
    bold_sentence,
    claim_resolved,
    claim_value,
    code_span,
    is_unknown_outlet,
    md_escape,
    named_sources,
    per_source,
    plural,
    source_labels,
    source_matrix,
)

MATRIX_MAX_SOURCES = 12
MAX_ROWS = 40
QUOTES_PER_VALUE = 3
LISTED = 10
VERDICT_WORDS = {"contradiction": ("contradiction", "contradictions"),
                 "basis_mismatch": ("basis difference", "basis differences"),
                 "possible_misspelling": ("possible misspelling", "possible misspellings"),
                 "rounding": ("rounding difference", "rounding differences")}
RECORD_FILE = "office_holders.yml"


def _plural(n: int, words: tuple[str, str]) -> str:
    return plural(n, *words)


def _table(rows, headers) -> str:
    """A GitHub table of text cells, as tabulate's "github" format writes it (cells padded to
    their column, each at least two wider than its heading); tabulate itself for what it would
    measure differently (line breaks, terminal escapes) or an empty table."""
    cells = [[str(x) for x in row] for row in rows]
    if not cells or any("\n" in x or "\x1b" in x for row in cells for x in row):
        return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)
    widths = [max([len(h) + 2] + [len(row[k]) for row in cells]) for k, h in enumerate(headers)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(x.ljust(w) for x, w in zip(row, widths)) + " |" for row in cells]
    return "\n".join(lines)


def _anchor(code: str) -> str:
    return f"rule-{code.lower()}"


def summary_sentence(report) -> str:
    """One plain sentence: articles, claims, shared facts, conflicts by verdict, corroborated
    facts, and the conflicts a baseline suppressed when one is in force."""
    counts = Counter(f.verdict for f in report.findings)
    parts = [_plural(counts[v], VERDICT_WORDS[v]) for v in VERDICT_WORDS if counts[v]]
    found = ", ".join(parts) if parts else "no conflicts"
    baseline = ""
    if report.baseline_entries is not None:
        baseline = f"; {plural(len(report.suppressed), 'conflict')} suppressed by baseline"
    return (f"{plural(len(report.articles), 'article')}, {plural(len(report.claims), 'claim')}, "
            f"{plural(report.facts, 'fact')} reported by two or more sources; {found}; "
            f"{plural(len(report.agreements), 'corroborated fact')}{baseline}.")


class _Sources:
    """How report.md names sources: by outlet, or by file name in a code span."""

    def __init__(self, report):
        self.labels = source_labels(report)
        self.from_file = {a.id for a in report.articles if is_unknown_outlet(a.outlet)}
        self.norms = {a.id: a.norm for a in report.articles}

    def who(self, article_id: str, table: bool = True) -> str:
        """A source's name as Markdown: the outlet, escaped, or the file name as a code span."""
        label = self.labels.get(article_id, article_id)
        if article_id in self.labels and article_id not in self.from_file:
            return md_escape(label)
        number = label[len(article_id):] if label.startswith(article_id) else ""
        return code_span(article_id, table) + md_escape(number)

    def text(self, message: str, table: bool = True) -> str:
        """A message with the file names in it written as the sources' names."""
        return named_sources(message, self.labels, lambda i: self.who(i, table),
                             lambda part: md_escape(part, False)).strip()

    def where(self, finding) -> str:
        """Where a finding's claims are: each source with its lines."""
        lines: dict[str, list[int]] = {}
        for c in finding.claims:
            lines.setdefault(c.article, [])
            if c.line not in lines[c.article]:
                lines[c.article].append(c.line)
        return listing([f"{self.who(a)}, {'line' if len(n) == 1 else 'lines'} {', '.join(map(str, sorted(n)))}"
                        for a, n in sorted(lines.items())], sep="; ")


def _from_record(finding) -> bool:
    """True when the office-holder record, not other sources, stands against the outliers."""
    return bool(finding.records) and bool(finding.majority) and \
        not ({c.article for c in finding.claims} - set(finding.outliers))


def _split(finding) -> str:
    """'1 against 1' for a conflict without a majority whose sources take two sides, else ''."""
    sides: dict[str, frozenset] = {}
    for c in finding.claims:
        sides[c.article] = sides.get(c.article, frozenset()) | {claim_resolved(c) or claim_value(c)}
    sizes = sorted(Counter(sides.values()).values(), reverse=True)
    return " against ".join(map(str, sizes)) if len(sizes) == 2 else ""


def _majority_cell(finding, names: _Sources) -> str:
    if _from_record(finding):
        return f"office-holder record: {md_escape(finding.majority)}"
    sources = sorted({c.article for c in finding.claims})
    if finding.outliers:
        return listing([names.who(s) for s in sources if s not in finding.outliers])
    if len(sources) < 2:
        return "—"
    split = _split(finding)
    return f"no majority ({split})" if split else "no majority"


def _majority_line(finding, names: _Sources) -> str:
    outliers = listing([names.who(o, False) for o in finding.outliers])
    if _from_record(finding):
        return f"The office-holder record says **{md_escape(finding.majority)}**; outlier: {outliers}."
    if finding.majority and finding.outliers:
        return f"Most sources say **{md_escape(finding.majority)}**; outlier: {outliers}."
    if len({c.article for c in finding.claims}) >= 2:
        split = _split(finding)
        return "No majority: " + (f"the sources split {split}." if split else "the sources give different values.")
    return ""


def listing(items: list[str], what: str = "sources", sep: str = ", ") -> str:
    """Items (already Markdown) joined by ``sep``; more than MAX_ROWS of them as the first
    LISTED and how many more."""
    if len(items) <= MAX_ROWS:
        return sep.join(items)
    return sep.join(items[:LISTED]) + f" and {len(items) - LISTED:,} more ({len(items):,} {what})"


def _value_rows(finding, names: _Sources) -> list[list[str]]:
    """A finding of many claims by distinct value: how many sources give it, whether they are
    outliers, and the first few quotes."""
    by_value: dict[tuple[str, str], list] = {}
    for c in finding.claims:
        by_value.setdefault((claim_value(c), claim_resolved(c)), []).append(c)
    outliers = set(finding.outliers)
    ranked = sorted(by_value.items(), key=lambda kv: (-len({c.article for c in kv[1]}), kv[0]))
    rows = []
    for (value, resolved), claims in ranked:
        sources = {c.article for c in claims}
        side = " (outlier)" if sources <= outliers else ""
        for n, c in enumerate(claims[:QUOTES_PER_VALUE]):
            head = [md_escape(value) + side, md_escape(resolved), f"{len(sources):,}"] if n == 0 else ["", "", ""]
            rows.append(head + [names.who(c.article), bold_sentence(c, finding.kind, names.norms.get(c.article)),
                                code_span(c.article), str(c.line)])
    return rows


def _evidence_rows(finding, names: _Sources) -> list[list[str]]:
    rows = []
    for c in finding.claims:
        mark = " (outlier)" if c.article in finding.outliers else ""
        rows.append([names.who(c.article) + mark, bold_sentence(c, finding.kind, names.norms.get(c.article)),
                     md_escape(claim_value(c)), md_escape(claim_resolved(c)), code_span(c.article), str(c.line),
                     f"{c.start}–{c.end}"])
    return rows


def _record_rows(finding) -> list[list[str]]:
    return [[md_escape(r["holder"]), md_escape(r["office"]), r["since"], r["until"] or "—"] for r in finding.records]


def _conflict_section(finding, ruleset, names: _Sources) -> list[str]:
    rule = ruleset.get(finding.code) if ruleset else None
    name = f" {rule.name}" if rule else ""
    lines = [f'<a id="{finding.id.lower()}"></a>', "",
             f"### {finding.id}: {md_escape(finding.subject)} — {finding.verdict.replace('_', ' ')}", "",
             names.text(finding.message, False), "",
             f"Rule: [{finding.code}](#{_anchor(finding.code)}){name} · severity {finding.severity}"]
    majority = _majority_line(finding, names)
    if majority:
        lines.append(majority)
    if finding.why:
        lines.append("Taken as one fact because: " + "; ".join(md_escape(w) for w in finding.why) + ".")
    if len(finding.claims) <= MAX_ROWS:
        lines += ["", _table(_evidence_rows(finding, names),
                             ["Source", "Sentence", "Value", "Resolved", "File", "Line", "Chars"]), ""]
    else:
        sources = len({c.article for c in finding.claims})
        lines += ["", f"{len(finding.claims):,} claims from {sources:,} sources, by value (the first "
                  f"{QUOTES_PER_VALUE} quotes of each; conflicts.json lists every claim):", "",
                  _table(_value_rows(finding, names), ["Value", "Resolved", "Sources", "Source", "Sentence", "File",
                                                       "Line"]), ""]
    if finding.records:
        lines += [f"Office-holder record ({code_span(RECORD_FILE, False)}):", "",
                  _table(_record_rows(finding), ["Holder", "Office", "Since", "Until"]), ""]
    return lines


def _overview(report, names: _Sources) -> list[str]:
    rows = []
    for f in report.findings:
        rows.append([f"[{f.id}](#{f.id.lower()})", f.severity, f"[{f.code}](#{_anchor(f.code)})",
                     f.verdict.replace("_", " "), md_escape(f.subject), _majority_cell(f, names),
                     listing([names.who(o) for o in f.outliers]) or "—"])
    return [_table(rows, ["Id", "Severity", "Rule", "Verdict", "Fact", "Majority", "Outliers"]), ""]


def _suppressed(report, names: _Sources) -> list[str]:
    entries = report.baseline_entries
    if entries is None:
        return []
    found = len(report.suppressed)
    out = ["## Suppressed by baseline", "",
           f"The baseline lists {plural(entries, 'reviewed conflict')}; {found} of them {'was' if found == 1 else 'were'} "
           f"found again and {'is' if found == 1 else 'are'} not counted above (nor in the exit code).", ""]
    if report.suppressed:
        rows = [[f.id, f.severity, f.code, f.verdict.replace("_", " "), md_escape(f.subject), names.where(f),
                 code_span(fingerprint(f))] for f in report.suppressed]
        out += [_table(rows, ["Id", "Severity", "Rule", "Verdict", "Fact", "Where", "Fingerprint"]), ""]
    return out


def render(report, ruleset=None) -> str:
    """The Markdown report text (deterministic: no timestamps, no absolute paths)."""
    names = _Sources(report)
    out = ["# factcheck report", "", summary_sentence(report), ""]
    out += _counts(report)
    out += _conflicts(report, ruleset, names)
    out += _suppressed(report, names)
    out += _corroborated(report, names)
    out += _possible(report, names)
    out += _sources(report, names)
    out += _matrix(report, names)
    out += _rules(report, ruleset)
    out += _skipped(report)
    out += _unresolved(report, names)
    if report.notes:
        out += ["## Notes", ""] + [f"- {names.text(n, False)}" for n in report.notes] + [""]
    return "\n".join(out).rstrip() + "\n"


def _counts(report) -> list[str]:
    counts = Counter(f.verdict for f in report.findings)
    rows = [["Articles read", len(report.articles)], ["Claims extracted", len(report.claims)],
            ["Facts reported by two or more sources", report.facts]]
    rows += [[f"Conflicts: {VERDICT_WORDS[v][1]}", counts[v]] for v in VERDICT_WORDS if v != "rounding"]
    if report.baseline_entries is not None:
        rows.append(["Conflicts suppressed by baseline", len(report.suppressed)])
    rows += [["Corroborated facts", len(report.agreements)], ["Skipped inputs", len(report.skipped)]]
    return [_table([[a, str(b)] for a, b in rows], ["What", "Count"]), ""]


def _conflicts(report, ruleset, names: _Sources) -> list[str]:
    out = ["## Conflicts", ""]
    if not report.findings:
        return out + ["No conflicts found.", ""]
    out += _overview(report, names)
    for f in report.findings:
        out += _conflict_section(f, ruleset, names)
    return out


def _corroborated(report, names: _Sources) -> list[str]:
    out = ["## Corroborated facts", ""]
    if not report.agreements:
        return out + ["None.", ""]
    rows = [[md_escape(f.subject), md_escape(", ".join(sorted({claim_value(c) for c in f.claims}))),
             names.where(f)] for f in report.agreements]
    return out + [_table(rows, ["Fact", "Values", "Where"]), ""]


def _possible(report, names: _Sources) -> list[str]:
    if not report.possible:
        return []
    rows = [[md_escape(f.subject), names.text(f.message), md_escape(f.weak), names.where(f)]
            for f in report.possible]
    return ["## Possibly the same fact", "",
            "Figures that differ and may be about one fact, but the evidence that they are is weak. "
            "Not counted as conflicts; check them by hand.", "",
            _table(rows, ["Fact", "What differs", "Why uncertain", "Where"]), ""]


def _sources(report, names: _Sources) -> list[str]:
    out = ["## Sources", ""]
    out += ["Each source is named by its outlet in sources.yaml, or by its file name where the outlet is unknown.", ""]
    rows = [[names.who(a.id), code_span(a.id), a.published.isoformat() if a.published else "unknown",
             md_escape(a.lang), str(sum(d.last_line - d.first_line + 1 for d in a.dropped))] for a in report.articles]
    out += [_table(rows, ["Source", "File", "Published", "Language", "Lines dropped as page furniture"]), ""]
    out += [_table([[names.who(row[0])] + row[2:] for row in per_source(report)],
                   ["Source", "Claims", "Facts corroborated", "In conflicts", "Outlier in"]), ""]
    return out


def _matrix(report, names: _Sources) -> list[str]:
    if not (report.findings or report.agreements):
        return []
    out = ["## Sources × facts", ""]
    if len(report.articles) > MATRIX_MAX_SOURCES:
        return out + [f"Not drawn for {len(report.articles)} sources (more than {MATRIX_MAX_SOURCES}); "
                      "the per-source table above and conflicts.json carry the same information.", ""]
    sources, matrix = source_matrix(report)
    out += ["Who says what: *agrees* (corroborated), *majority* or **OUTLIER** (in a conflict), "
            "— (not mentioned).", ""]
    return out + [_table([[md_escape(label)] + [cells[s] for s in sources] for label, cells in matrix],
                         ["Fact"] + [names.who(s) for s in sources]), ""]


def _rules(report, ruleset) -> list[str]:
    used = sorted({f.code for f in report.findings})
    if not (used and ruleset):
        return []
    out = ["## Rules", ""]
    for code in used:
        rule = ruleset.get(code)
        if rule:
            out += [f'<a id="{_anchor(code)}"></a>', f"**{code} {md_escape(rule.name)}** ({rule.severity}): "
                    f"{md_escape(rule.explanation)}", ""]
    return out


def _skipped(report) -> list[str]:
    out = ["## Skipped input", ""]
    if not report.skipped:
        return out + ["None.", ""]
    return out + [_table([[code_span(s.path), md_escape(s.reason)] for s in report.skipped], ["Input", "Reason"]), ""]


def _unresolved(report, names: _Sources) -> list[str]:
    unresolved = [c for c in report.claims if c.type == "date" and c.value is None]
    if not unresolved:
        return []
    return ["## Unresolved dates", "",
            _table([[names.who(c.article), code_span(c.article), str(c.line),
                     bold_sentence(c, "date", names.norms.get(c.article)), md_escape(c.resolved or "")]
                    for c in unresolved], ["Source", "File", "Line", "Sentence", "Why"]), ""]
