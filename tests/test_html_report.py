"""report.html: its structure parsed without a browser, and its behaviour in headless Chromium."""
from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser

import lxml.html
import pytest

from factcheck import api
from factcheck.report import html
from factcheck.types import Article, Claim

from .conftest import RULES, SEEDS

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    """The seeds checked once: output folder, report, report.html text and conflicts.json data."""
    out = tmp_path_factory.mktemp("seed-html")
    report = api.run([SEEDS], out, rules_dirs=[RULES], formats=("md", "json", "html"))
    page = (out / "report.html").read_text(encoding="utf-8")
    data = json.loads((out / "conflicts.json").read_text(encoding="utf-8"))
    return out, report, page, data


def _doc(page: str):
    return lxml.html.document_fromstring(page)


def _text(el) -> str:
    return " ".join(el.text_content().split())


class _Balance(HTMLParser):
    """Every element that is opened is closed, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        """Remember an element that must be closed."""
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        """Check that the element closed is the one opened last."""
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'} at {self.getpos()}")
        else:
            self.stack.pop()


def _grid_cell(doc, fact_id: str, source: str):
    heads = doc.xpath("//table[@id='grid']/thead/tr/th")
    column = [h.get("title") for h in heads].index(source)
    return doc.xpath(f"//table[@id='grid']/tbody/tr[@data-fact='{fact_id}']")[0][column]


def _csp_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def test_page_is_well_formed_and_self_contained(seed_run):
    _, _, page, _ = seed_run
    checker = _Balance()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    doc = _doc(page)
    assert not doc.xpath("//script[@src] | //link | //img | //iframe | //object | //embed | //base")
    assert "http://" not in page and "https://" not in page
    ids = doc.xpath("//@id")
    hrefs = doc.xpath("//@href")
    assert len(ids) == len(set(ids))
    assert hrefs and all(h.startswith("#") and h[1:] in ids for h in hrefs)


def test_findings_that_share_an_id_get_anchors_of_their_own(seed_run, ruleset):
    report = seed_run[1]
    doubled = replace(report, findings=report.findings + report.findings[:1],
                      agreements=report.agreements + report.agreements[:1])
    doc = _doc(html.render(doubled, ruleset))
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))
    first = report.findings[0].id
    assert [s.get("id") for s in doc.xpath("//section[@class='finding']")][-1] == f"{first}-2"
    links = [a.get("href") for a in doc.xpath(f"//table[@id='grid']//a[text()='{first}']")]
    assert links == [f"#{first}", f"#{first}-2"]
    assert html.unique_anchors(["a", "a", "a-2", "b", "a"]) == ["a", "a-3", "a-2", "b", "a-4"]


def test_content_security_policy_admits_exactly_the_inline_style_and_script(seed_run):
    doc = _doc(seed_run[2])
    policy = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in policy
    (style,) = doc.xpath("//style")
    (script,) = doc.xpath("//script")
    assert f"style-src {_csp_source(style.text)};" in policy
    assert f"script-src {_csp_source(script.text)};" in policy


def test_grid_columns_are_outlets_with_the_file_as_tooltip(seed_run):
    _, _, page, data = seed_run
    heads = _doc(page).xpath("//table[@id='grid']/thead/tr/th[@title]")
    expected = {s["id"]: (s["id"] if s["outlet"] in (None, "unknown") else s["outlet"]) for s in data["sources"]}
    assert {h.get("title"): _text(h) for h in heads} == expected
    assert _text(heads[0]) == "simpleisgd (blog)" and _text(heads[3]) == "003_e6034575d8850b14.txt"


def test_grid_cells_hold_the_figure_each_source_gives(seed_run):
    _, _, page, data = seed_run
    doc = _doc(page)
    cell = _grid_cell(doc, "DAT001-35220b8f", "001_306e9c0809b150da.txt")
    assert _text(cell) == "Thursday → 2025-06-05" and cell.get("class") == "v-contradiction"
    assert _text(_grid_cell(doc, "DAT001-35220b8f", "003_e6034575d8850b14.txt")) == "June 6"
    assert _text(_grid_cell(doc, "PCT001-0d3ca4d9", "000_979b5bfc639868df.txt")) == "24%"
    assert _text(_grid_cell(doc, "PCT001-0d3ca4d9", "002_c2e5e7c2266799fd.txt")) == "25%"
    outlier = _grid_cell(doc, "TTL001-80087b54", "004_e1347149b7b8b3af.txt")
    assert _text(outlier) == "former U.S. President" and outlier.get("class") == "v-outlier"
    assert _grid_cell(doc, "TTL001-80087b54", "000_979b5bfc639868df.txt").get("class") == "v-majority"
    assert _text(_grid_cell(doc, "NAM001-795e8c42", "003_e6034575d8850b14.txt")) == "Le Qiang"
    assert _grid_cell(doc, "CNT001-d3ad4676", "000_979b5bfc639868df.txt").get("class") == "v-agreement"
    for finding in data["conflicts"] + data["agreements"]:
        for source in data["sources"]:
            mine = [c for c in finding["claims"] if c["source"] == source["id"]]
            cell = _grid_cell(doc, finding["id"], source["id"])
            figures = [_text(x) for x in cell.xpath("span[@class='figure']")]
            if not mine:
                assert _text(cell) == "—" and not figures
            elif finding["kind"] == "title":
                assert figures and all(any(x in c["text"] for c in mine) for x in figures)
            elif finding["kind"] != "name":
                assert all(any(c["value"] in x for x in figures) for c in mine), (finding["id"], source["id"])


def test_filter_controls_and_rows_carry_severity_and_kind(seed_run):
    _, _, page, data = seed_run
    doc = _doc(page)
    (form,) = doc.xpath("//form[@id='filter']")
    assert form.get("hidden") is not None, "without JavaScript the filter is not shown"
    boxes = {(b.get("name"), b.get("value")) for b in form.xpath(".//input[@type='checkbox'][@checked]")}
    assert boxes == ({("severity", c["severity"]) for c in data["conflicts"]}
                     | {("kind", c["kind"]) for c in data["conflicts"]})
    rows = doc.xpath("//div[@id='conflicts']//tbody/tr")
    sections = doc.xpath("//section[@class='finding']")
    wanted = [(c["id"], c["severity"], c["kind"]) for c in data["conflicts"]]
    assert [(r.get("data-id"), r.get("data-severity"), r.get("data-kind")) for r in rows] == wanted
    assert [(s.get("id"), s.get("data-severity"), s.get("data-kind")) for s in sections] == wanted


def test_each_claim_sentence_is_shown_with_its_figure_marked(seed_run):
    _, report, page, _ = seed_run
    doc = _doc(page)
    section = doc.get_element_by_id("DAT001-35220b8f")
    assert [m.text for m in section.xpath(".//mark")] == ["Thursday", "June 6"]
    sentences = [_text(s) for s in section.xpath(".//span[@class='sentence']")]
    finding = next(f for f in report.findings if f.id == "DAT001-35220b8f")
    assert sentences == [" ".join(c.sentence.split()) for c in finding.claims]
    trump = doc.get_element_by_id("TTL001-80087b54").xpath(".//mark")
    assert trump[-1].text == "former U.S. President Donald Trump"
    for agreement in report.agreements:
        marks = doc.get_element_by_id(f"agreement-{agreement.id}").xpath(".//mark")
        assert len(marks) == len(agreement.claims)


def test_quoted_text_is_escaped_not_markup(ruleset):
    report = api.check_texts([
        ("a.txt", "Officials met on Thursday in Geneva. The 25% tariff on steel stays, officials said.", None),
        ("<i>b</i>.txt", "<script>alert(1)</script> The 24% tariff on steel <b>stays</b>, officials said.",
         date(2025, 1, 1))], ruleset)
    assert report.findings
    page = html.render(report, ruleset)
    doc = _doc(page)
    assert len(doc.xpath("//script")) == 1 and not doc.xpath("//b | //i")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    marked = [m for m in doc.xpath("//mark") if m.text == "24%"]
    assert marked and "<script>alert(1)</script>" in _text(marked[0].getparent())


def test_mark_falls_where_the_claim_was_found_when_the_sentence_repeats_the_figure():
    norm = "Prices rose 5% in May after a 5% fall in April."
    second = norm.index("5%", 15)
    claim = Claim(article="a.txt", type="percent", line=1, start=second, end=second + 2, text="5%", value=5.0,
                  unit="%", sentence=norm, display="5%")
    assert html.highlighted_sentence(claim, "percent", norm) == "Prices rose 5% in May after a <mark>5%</mark> fall in April."
    assert html.highlighted_sentence(claim, "percent") == "Prices rose <mark>5%</mark> in May after a 5% fall in April."


def test_column_heads_fall_back_to_the_file_name_and_stay_distinct():
    report = api.Report(articles=[Article("a.txt", "", "", outlet="Reuters"), Article("b.txt", "", "", outlet="Reuters"),
                                  Article("c.txt", "", "", outlet=None), Article("d.txt", "", "", outlet="unknown"),
                                  Article("e.txt", "", "", outlet="c.txt")],
                        claims=[], findings=[], agreements=[])
    assert html.source_labels(report) == {"a.txt": "Reuters #1", "b.txt": "Reuters #2", "c.txt": "c.txt #1",
                                          "d.txt": "d.txt", "e.txt": "c.txt #2"}


def test_page_shows_possible_facts_notes_unresolved_dates_and_skipped_input(ruleset):
    report = api.check_texts([
        ("a.txt", "Officials met on Thursday in Geneva. The 25% tariff on steel stays, officials said.", None),
        ("b.txt", "The 24% tariff on steel stays, officials said.", date(2025, 1, 1)),
        ("c.txt", "", date(2025, 1, 1))], ruleset)
    conflict = report.findings[0]
    report.possible.append(replace(conflict, verdict="contradiction", severity="info", id="PCT001-possible",
                                   weak="only one source names the month"))
    doc = _doc(html.render(report, ruleset))
    headings = [h.get("id") for h in doc.xpath("//h2")]
    assert {"possible", "notes", "unresolved", "skipped", "corroborated", "sources", "rules"} <= set(headings)
    nav = [a.get("href")[1:] for a in doc.xpath("//nav/a")]
    assert nav == headings
    possible = doc.get_element_by_id("possible").getnext().getnext()
    assert "only one source names the month" in _text(possible)
    assert [m.text for m in doc.get_element_by_id("possible-PCT001-possible").xpath(".//mark")] == ["25%", "24%"]
    assert any("no publication date for a.txt" in _text(li) for li in doc.xpath("//ul/li"))
    unresolved = doc.get_element_by_id("unresolved").getnext()
    assert [m.text for m in unresolved.xpath(".//mark")] == ["Thursday"]
    assert "c.txt" in _text(doc.get_element_by_id("skipped").getnext())


def test_page_is_byte_identical_for_the_same_input(seed_run, tmp_path):
    again = api.run([SEEDS], tmp_path, rules_dirs=[RULES], formats=("html",))
    assert again.findings and (tmp_path / "report.html").read_bytes() == (seed_run[0] / "report.html").read_bytes()
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(CHROMIUM is None,
                                    reason="headless Chromium (Debian package 'chromium') is not installed")


def _chromium(url: str, profile) -> tuple[object, list[str]]:
    """The page's DOM after its scripts ran, and every console message Chromium logged."""
    result = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--enable-logging=stderr", "--v=0", f"--user-data-dir={profile}", "--dump-dom", url],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return _doc(result.stdout), console


@needs_chromium
def test_page_renders_in_chromium_without_console_messages(seed_run, tmp_path):
    out, _, page, data = seed_run
    dom, console = _chromium((out / "report.html").as_uri(), tmp_path / "profile")
    assert console == []
    assert dom.get("data-ready") == "true", "the page's script did not run to its end"
    assert dom.xpath("//form[@id='filter']")[0].get("hidden") is None
    total = len(data["conflicts"])
    assert _text(dom.get_element_by_id("filter-status")) == f"{total} of {total} conflicts shown"
    static = _doc(page)
    cells = [_text(c) for c in dom.xpath("//table[@id='grid']/tbody/tr/td")]
    assert cells == [_text(c) for c in static.xpath("//table[@id='grid']/tbody/tr/td")]
    assert "Thursday → 2025-06-05" in cells and "24%" in cells and "former U.S. President" in cells


@needs_chromium
@pytest.mark.parametrize("preset", ["severity=warning", "kind=title", "severity=error&kind=percent,date"])
def test_filter_shows_only_the_chosen_conflicts_in_chromium(seed_run, tmp_path, preset):
    out, _, _, data = seed_run
    wanted = dict(part.split("=") for part in preset.split("&"))
    keep = [c["id"] for c in data["conflicts"]
            if all(c[field] in values.split(",") for field, values in wanted.items())]
    assert 0 < len(keep) < len(data["conflicts"])
    dom, console = _chromium((out / "report.html").as_uri() + "#" + preset, tmp_path / "profile")
    assert console == []
    rows = dom.xpath("//div[@id='conflicts']//tbody/tr")
    assert [r.get("data-id") for r in rows if r.get("hidden") is None] == keep
    assert [s.get("id") for s in dom.xpath("//section[@class='finding']") if s.get("hidden") is None] == keep
    assert _text(dom.get_element_by_id("filter-status")) == f"{len(keep)} of {len(rows)} conflicts shown"
