"""report.html: one self-contained page (no network, no external scripts or styles).

The conflicts, filterable by severity and kind; a sources × facts grid whose cells hold the
figure each source gives, coloured by verdict; each claim's sentence with the figure marked;
the corroborated facts, the possibly-same facts, the sources, the rules, skipped input,
unresolved dates and notes. The filter can be preset from the address: ``#severity=error``,
``#kind=date,percent`` or both joined by ``&``.
"""
from __future__ import annotations

import re
from collections import Counter
from html import escape

from .common import cell_verdict, claim_resolved, claim_value, per_source, sentence_parts, source_labels
from .common import is_unknown_outlet as _is_unknown
from .html_assets import CSP, SCRIPT, STYLE
from .markdown import summary_sentence

GRID_MAX_SOURCES = 40
SEVERITIES = ("error", "warning", "info")
VERDICT_LABELS = {"contradiction": "contradiction", "outlier": "outlier", "majority": "majority (in a conflict)",
                  "basis_mismatch": "basis mismatch", "possible_misspelling": "possible misspelling",
                  "rounding": "rounding", "agreement": "agrees"}
_SPACE_RUN = re.compile(r"\s+")

def _e(value) -> str:
    return escape(str(value), quote=True)


def _flat(text: str) -> str:
    return _SPACE_RUN.sub(" ", text)


def _table(headers, rows, cls: str = "") -> str:
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{x}</td>" for x in r) + "</tr>" for r in rows)
    attr = f' class="{cls}"' if cls else ""
    return f"<table{attr}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _title_words(claim) -> str:
    person = claim.qualifiers.person or ""
    at = claim.text.rfind(person) if person else -1
    if at < 0:
        return str(claim.value)
    words = (claim.text[:at] + " " + claim.text[at + len(person):]).strip(" ,;:—-–")
    return _flat(words).strip() or str(claim.value)


def cell_figure(claim, kind: str) -> str:
    """The figure a source gives for a fact, as a grid cell shows it: the value as written
    ('24%', '$28.8 billion'), a weekday with the day it resolves to ('Thursday → 2025-06-05'),
    a percentage with its direction and basis when known, the title as written for a title
    fact ('former U.S. President') and the name as written for a name fact."""
    if claim.type == "title":
        if kind == "name":
            return str(claim.qualifiers.person or claim.value)
        return _title_words(claim)
    if claim.type == "date":
        return claim.resolved if claim.resolved and "→" in claim.resolved else claim_value(claim)
    if claim.type == "percent" and (claim.qualifiers.direction or claim.qualifiers.basis):
        return claim_resolved(claim)
    return claim_value(claim)


def highlighted_sentence(claim, kind: str, norm: str | None = None) -> str:
    """The claim's sentence, escaped, with the figure in <mark> (placed as common.sentence_parts places it)."""
    parts = sentence_parts(claim, kind, norm)
    if parts is None:
        return _e(_flat(claim.sentence or claim.text).strip())
    before, key, after = parts
    return _e(_flat(before).lstrip()) + "<mark>" + _e(_flat(key)) + "</mark>" + _e(_flat(after).rstrip())


def unique_anchors(names: list[str]) -> list[str]:
    """Element ids for a list of names: each name itself the first time, then 'name-2', 'name-3'…
    (findings can share an id, and an element id must be unique)."""
    reserved = set(names)
    used: set[str] = set()
    out = []
    for name in names:
        anchor, n = name, 1
        while anchor in used or (anchor != name and anchor in reserved):
            n += 1
            anchor = f"{name}-{n}"
        used.add(anchor)
        out.append(anchor)
    return out


class _Page:
    """What every section needs: outlets, article texts, the rule set and each finding's anchor."""

    def __init__(self, report, ruleset):
        self.report = report
        self.ruleset = ruleset
        self.labels = source_labels(report)
        self.norms = {a.id: a.norm for a in report.articles}
        self.conflict_ids = unique_anchors([f.id for f in report.findings])
        self.agreement_ids = unique_anchors([f"agreement-{f.id}" for f in report.agreements])
        self.possible_ids = unique_anchors([f"possible-{f.id}" for f in report.possible])

    def source(self, article_id: str) -> str:
        """A source as HTML: its outlet with the file name beside it, or the file name alone."""
        label = self.labels.get(article_id, article_id)
        if label == article_id:
            return _e(article_id)
        return f'{_e(label)} <span class="muted">({_e(article_id)})</span>'

    def evidence(self, finding, mark_outliers: bool = True) -> str:
        """A finding's claims as a table: source, line, offsets, sentence with the figure marked, values."""
        rows = []
        for c in finding.claims:
            mark = " <strong>(outlier)</strong>" if mark_outliers and c.article in finding.outliers else ""
            rows.append([self.source(c.article) + mark, str(c.line), f"{c.start}–{c.end}",
                         f'<span class="sentence">{highlighted_sentence(c, finding.kind, self.norms.get(c.article))}</span>',
                         _e(claim_value(c)), _e(claim_resolved(c))])
        return _table(["Source", "Line", "Chars", "Sentence", "Value", "Resolved"], rows, "evidence")


def _where(finding) -> str:
    return ", ".join(sorted({f"{c.article}:{c.line}" for c in finding.claims}))


def _boxes(name: str, values, counts: Counter) -> str:
    return "".join(f'<label><input type="checkbox" name="{name}" value="{_e(v)}" checked> {_e(v)} '
                   f'<span class="muted">({counts[v]})</span></label>' for v in values)


def _filter_form(findings) -> str:
    severities = Counter(f.severity for f in findings)
    kinds = Counter(f.kind for f in findings)
    order = [s for s in SEVERITIES if s in severities] + sorted(set(severities) - set(SEVERITIES))
    return ('<form id="filter" hidden><fieldset><legend>Severity</legend>' + _boxes("severity", order, severities)
            + '</fieldset><fieldset><legend>Kind</legend>' + _boxes("kind", sorted(kinds), kinds)
            + '</fieldset><button type="button" id="filter-all">Show all</button> '
            + '<output id="filter-status" class="muted"></output></form>')


def _conflicts(page: _Page) -> list[str]:
    findings = page.report.findings
    parts = ['<h2 id="conflicts-heading">Conflicts</h2>']
    if not findings:
        return parts + ["<p>No conflicts found.</p>"]
    parts.append(_filter_form(findings))
    rows = []
    for f, anchor in zip(findings, page.conflict_ids):
        attrs = f'data-severity="{_e(f.severity)}" data-kind="{_e(f.kind)}" data-id="{_e(f.id)}"'
        outliers = ", ".join(page.labels.get(o, o) for o in f.outliers) or "—"
        rows.append(f'<tr {attrs}><td><a href="#{_e(anchor)}">{_e(f.id)}</a></td>'
                    f'<td class="sev-{_e(f.severity)}">{_e(f.severity)}</td><td>{_e(f.code)}</td>'
                    f'<td>{_e(f.kind)}</td><td>{_e(f.verdict.replace("_", " "))}</td><td>{_e(f.subject)}</td>'
                    f'<td>{_e(outliers)}</td></tr>')
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Id", "Severity", "Rule", "Kind", "Verdict", "Fact", "Outliers"))
    parts.append(f'<div id="conflicts"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
    for f, anchor in zip(findings, page.conflict_ids):
        rule = page.ruleset.get(f.code) if page.ruleset else None
        name = f" {_e(rule.name)}" if rule else ""
        lines = [f'<section class="finding" id="{_e(anchor)}" data-severity="{_e(f.severity)}" data-kind="{_e(f.kind)}">',
                 f'<h3>{_e(f.id)}: {_e(f.subject)} — {_e(f.verdict.replace("_", " "))}</h3>',
                 f"<p>{_e(f.message)}</p>",
                 f'<p>Rule <a href="#rule-{_e(f.code.lower())}">{_e(f.code)}</a>{name} · severity '
                 f'<span class="sev-{_e(f.severity)}">{_e(f.severity)}</span></p>']
        if f.majority and f.outliers:
            lines.append(f"<p>Most sources say <strong>{_e(f.majority)}</strong>; outlier: "
                         f"{', '.join(page.source(o) for o in f.outliers)}.</p>")
        lines += [page.evidence(f), "</section>"]
        parts.append("".join(lines))
    return parts


def _grid(page: _Page) -> list[str]:
    report = page.report
    facts = report.findings + report.agreements
    if not facts:
        return []
    parts = ['<h2 id="grid-heading">Sources × facts</h2>']
    if len(report.articles) > GRID_MAX_SOURCES:
        return parts + [f"<p>Not drawn for {len(report.articles)} sources (more than {GRID_MAX_SOURCES}); "
                        "the sources table and conflicts.json carry the same information.</p>"]
    present = {cell_verdict(f, a.id) for f in facts for a in report.articles} - {None}
    legend = "".join(f'<span class="v-{v}">{_e(label)}</span>' for v, label in VERDICT_LABELS.items() if v in present)
    parts.append(f'<p>The figure each source gives for each fact, coloured by verdict; — where a source does not '
                 f'mention the fact. Hover a column head for its file.</p><p class="legend">{legend}</p>')
    head = '<th scope="col">Fact</th>' + "".join(f'<th scope="col" title="{_e(a.id)}">{_e(page.labels[a.id])}</th>'
                                                 for a in report.articles)
    rows = []
    for f, anchor in zip(facts, page.conflict_ids + page.agreement_ids):
        cells = [f'<th scope="row"><a href="#{_e(anchor)}">{_e(f.id)}</a> {_e(f.subject)}</th>']
        for a in report.articles:
            verdict = cell_verdict(f, a.id)
            if verdict is None:
                cells.append('<td class="none" title="not mentioned">—</td>')
                continue
            mine = [c for c in f.claims if c.article == a.id]
            figures = list(dict.fromkeys(cell_figure(c, f.kind) for c in mine))
            where = ", ".join(f"line {c.line}" for c in mine)
            resolved = [r for r in dict.fromkeys(claim_resolved(c) for c in mine) if r and r not in figures]
            tip = f"{VERDICT_LABELS.get(verdict, verdict)} · {a.id} {where}" + "".join(f" · {r}" for r in resolved)
            cells.append(f'<td class="v-{_e(verdict)}" data-verdict="{_e(verdict)}" title="{_e(tip)}">'
                         + "<br>".join(f'<span class="figure">{_e(x)}</span>' for x in figures) + "</td>")
        rows.append(f'<tr data-fact="{_e(f.id)}">' + "".join(cells) + "</tr>")
    parts.append(f'<table class="grid" id="grid"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
    return parts


def _details(page: _Page, finding, anchor: str) -> str:
    return f'<details id="{_e(anchor)}"><summary>sentences</summary>{page.evidence(finding, False)}</details>'


def _corroborated(page: _Page) -> list[str]:
    parts = ['<h2 id="corroborated">Corroborated facts</h2>']
    if not page.report.agreements:
        return parts + ["<p>None.</p>"]
    rows = [[_e(f.subject), _e(", ".join(sorted({claim_value(c) for c in f.claims}))), _e(_where(f)),
             _details(page, f, anchor)] for f, anchor in zip(page.report.agreements, page.agreement_ids)]
    return parts + [_table(["Fact", "Values", "Where", "Evidence"], rows)]


def _possible(page: _Page) -> list[str]:
    if not page.report.possible:
        return []
    rows = [[_e(f.subject), _e(f.message), _e(f.weak), _e(_where(f)), _details(page, f, anchor)]
            for f, anchor in zip(page.report.possible, page.possible_ids)]
    return ['<h2 id="possible">Possibly the same fact</h2>',
            "<p>Figures that differ and may be about one fact, but the evidence that they are is weak. "
            "Not counted as conflicts; check them by hand.</p>",
            _table(["Fact", "What differs", "Why uncertain", "Where", "Evidence"], rows)]


def _sources(page: _Page) -> list[str]:
    report = page.report
    counts = {row[0]: row[2:] for row in per_source(report)}
    rows = [[_e(a.id), _e(a.outlet if not _is_unknown(a.outlet) else "unknown"),
             _e(a.published.isoformat() if a.published else "unknown"), _e(a.lang),
             str(sum(d.last_line - d.first_line + 1 for d in a.dropped))] + [_e(x) for x in counts[a.id]]
            for a in report.articles]
    return ['<h2 id="sources">Sources</h2>',
            _table(["Article", "Outlet", "Published", "Language", "Lines dropped as page furniture", "Claims",
                    "Facts corroborated", "In conflicts", "Outlier in"], rows)]


def _rules(page: _Page) -> list[str]:
    used = sorted({f.code for f in page.report.findings})
    rules = [page.ruleset.get(code) for code in used] if page.ruleset else []
    rules = [r for r in rules if r]
    if not rules:
        return []
    items = "".join(f'<dt id="rule-{_e(r.code.lower())}"><strong>{_e(r.code)} {_e(r.name)}</strong> ({_e(r.severity)})</dt>'
                    f"<dd>{_e(_flat(r.explanation).strip())}</dd>" for r in rules)
    return ['<h2 id="rules">Rules</h2>', f"<dl>{items}</dl>"]


def _rest(page: _Page) -> list[str]:
    report = page.report
    parts = ['<h2 id="skipped">Skipped input</h2>']
    if report.skipped:
        parts.append(_table(["Input", "Reason"], [[_e(s.path), _e(s.reason)] for s in report.skipped]))
    else:
        parts.append("<p>None.</p>")
    unresolved = [c for c in report.claims if c.type == "date" and c.value is None]
    if unresolved:
        parts += ['<h2 id="unresolved">Unresolved dates</h2>',
                  _table(["Article", "Line", "Sentence", "Why"],
                         [[page.source(c.article), str(c.line),
                           highlighted_sentence(c, "date", page.norms.get(c.article)), _e(c.resolved or "")]
                          for c in unresolved])]
    if report.notes:
        parts += ['<h2 id="notes">Notes</h2>', "<ul>" + "".join(f"<li>{_e(n)}</li>" for n in report.notes) + "</ul>"]
    return parts


NAV = {"conflicts-heading": "Conflicts", "grid-heading": "Sources × facts", "corroborated": "Corroborated",
       "possible": "Possibly the same fact", "sources": "Sources", "rules": "Rules", "skipped": "Skipped input",
       "unresolved": "Unresolved dates", "notes": "Notes"}
_HEADING = re.compile(r'<h2 id="([a-z-]+)">')


def _nav(sections: list[str]) -> str:
    present = [m.group(1) for s in sections for m in _HEADING.finditer(s)]
    return "<nav>" + "".join(f'<a href="#{key}">{NAV[key]}</a>' for key in present if key in NAV) + "</nav>"


def render(report, ruleset=None) -> str:
    """The HTML page text: deterministic (no timestamps, no absolute paths) and self-contained."""
    page = _Page(report, ruleset)
    sections = (_conflicts(page) + _grid(page) + _corroborated(page) + _possible(page) + _sources(page)
                + _rules(page) + _rest(page))
    head = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>factcheck report</title><style>{STYLE}</style></head><body>")
    parts = [head, "<h1>factcheck report</h1>", f"<p>{_e(summary_sentence(report))}</p>", _nav(sections)]
    parts += sections
    parts.append(f"<script>{SCRIPT}</script></body></html>\n")
    return "\n".join(parts)
