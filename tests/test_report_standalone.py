"""Issue 13, item 11: a report that stands alone.

Sources named by outlet, quotes as sentences with the figure in bold, no majority claimed for a
one-against-one split, the office-holder record cited, ClaimReview records that name the
sentence and the outlet, plurals, readable file names, and why claims were taken as one fact.
"""
from __future__ import annotations

import json
import re
from datetime import date

import pytest
from typer.testing import CliRunner

from factcheck import api
from factcheck.cli import app
from factcheck.report import claimreview, jsonout, markdown
from factcheck.report.common import code_span, md_escape, named_sources, source_labels
from factcheck.types import Article

from .conftest import RULES, SEEDS

KYODO = "Kyodo News (republished by Daily8)"
BLOG = "simpleisgd (blog)"
ANEWS = "Anews (anewz.tv)"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    out = tmp_path_factory.mktemp("standalone")
    api.run([SEEDS], out, rules_dirs=[RULES], formats=api.ALL_FORMATS)
    return {"md": (out / "report.md").read_text(encoding="utf-8"),
            "json": json.loads((out / "conflicts.json").read_text(encoding="utf-8")),
            "claimreview": json.loads((out / "claimreview.jsonld").read_text(encoding="utf-8"))}


def _conflict(data: dict, code: str) -> dict:
    return next(c for c in data["conflicts"] if c["code"] == code)


def _overview_row(md: str, code: str) -> list[str]:
    line = next(x for x in md.splitlines() if x.startswith(f"| [{code}-"))
    return [cell.strip() for cell in line.strip("|").split(" | ")]


def _section(md: str, finding_id: str) -> str:
    start = md.index(f"### {finding_id}")
    end = md.find("\n### ", start + 1)
    return md[start:end if end > 0 else len(md)]


def test_conflict_tables_name_outlets_and_keep_the_file_name(seeds):
    md = seeds["md"]
    row = _overview_row(md, "TTL001")
    assert row[5] == f"{BLOG}, {KYODO}, {ANEWS}, `003_e6034575d8850b14.txt`"
    assert row[6] == "`004_e1347149b7b8b3af.txt`"
    section = _section(md, _conflict(seeds["json"], "DAT001")["id"])
    assert f"| {KYODO} " in section and "| `001_306e9c0809b150da.txt` |" in section
    assert f"{KYODO} dates it Thursday → 2025-06-05, `003_e6034575d8850b14.txt` 2025-06-06." in section


def test_file_names_in_markdown_are_code_spans_not_backslash_escapes(seeds):
    md = seeds["md"]
    assert "\\_" not in md
    assert "`003_e6034575d8850b14.txt`" in md


def test_quotes_are_sentences_with_the_figure_in_bold(seeds):
    md = seeds["md"]
    assert ("| The 90-minute phone conversation between Trump and Xi on **Thursday** came after Washington and "
            "Beijing exchanged barbs") in md
    assert "| **Thursday** |" not in md
    assert "before a new **24%** auto tariff is introduced in July." in md


def test_a_one_against_one_split_claims_no_majority(seeds):
    md, data = seeds["md"], seeds["json"]
    row = _overview_row(md, "PCT001")
    assert row[5] == "no majority (1 against 1)" and row[6] == "—"
    section = _section(md, _conflict(data, "PCT001")["id"])
    assert "No majority: the sources split 1 against 1." in section and "Most sources say" not in section


def test_title_conflicts_cite_the_office_holder_record(seeds):
    data, md = seeds["json"], seeds["md"]
    trump = _conflict(data, "TTL001")
    assert trump["record"] == [{"holder": "Donald Trump", "office": "president [united states]",
                                "since": "2025-01-20", "until": None}]
    assert _conflict(data, "NAM001")["record"] == [{"holder": "Li Qiang", "office": "premier [china]",
                                                    "since": "2023-03-11", "until": None}]
    section = _section(md, trump["id"])
    assert "Office-holder record (`office_holders.yml`):" in section
    assert re.search(r"\| Donald Trump +\| president \\\[united states\\\] +\| 2025-01-20 +\| — +\|", section)
    assert _overview_row(md, "NAM001")[5] == "office-holder record: Li Qiang"
    assert "The office-holder record says **Li Qiang**; outlier: `003_e6034575d8850b14.txt`." in md


def test_a_finding_against_the_record_alone_cites_its_entry(ruleset):
    report = api.check_texts([("a.txt", "Talks went on, former President Donald Trump said on Monday.",
                               date(2025, 6, 8))], ruleset)
    finding = next(f for f in report.findings if f.code == "TTL003")
    assert finding.records == [{"holder": "Donald Trump", "office": "president [united states]",
                                "since": "2025-01-20", "until": None}]
    assert "| Donald Trump | president \\[united states\\] | 2025-01-20 | — |" in \
        re.sub(r" +", " ", markdown.render(report, ruleset))


def test_each_conflict_says_why_its_claims_are_one_fact(seeds):
    data, md = seeds["json"], seeds["md"]
    tariff = _conflict(data, "PCT001")
    assert tariff["why_same_fact"] == ["both say auto"]
    assert _conflict(data, "DAT001")["why_same_fact"] == ["the same people"]
    assert _conflict(data, "TTL001")["why_same_fact"] == ["the same person: Donald Trump, Trump"]
    assert "Taken as one fact because: both say auto." in _section(md, tariff["id"])
    assert all("why_same_fact" not in a for a in data["agreements"])


def test_conflicts_json_claims_keep_the_file_id_and_name_the_outlet(seeds):
    data = seeds["json"]
    claims = _conflict(data, "DAT001")["claims"]
    assert [(c["source"], c["outlet"]) for c in claims] == [("001_306e9c0809b150da.txt", KYODO),
                                                           ("003_e6034575d8850b14.txt", "003_e6034575d8850b14.txt")]
    assert claims[0]["text"] == "Thursday" and claims[0]["sentence"].startswith("The 90-minute phone conversation")
    unknown = next(s for s in data["sources"] if s["id"] == "003_e6034575d8850b14.txt")
    assert unknown["outlet"] == "unknown" and unknown["name"] == "003_e6034575d8850b14.txt"


def test_claimreview_reviews_the_sentence_and_names_the_outlet(seeds):
    records = {r["identifier"].split("-")[0]: r for r in seeds["claimreview"]}
    call = records["DAT001"]
    assert call["claimReviewed"].startswith("The 90-minute phone conversation between Trump and Xi on Thursday")
    assert call["itemReviewed"]["author"] == {"@type": "Organization", "name": KYODO}
    assert KYODO in call["reviewBody"] and "001_306e9c0809b150da.txt" not in call["reviewBody"]
    publishers = [a.get("publisher", {}).get("name") for r in seeds["claimreview"]
                  for a in r["itemReviewed"]["appearance"]]
    assert KYODO in publishers and "unknown" not in publishers
    assert "author" not in records["NAM001"]["itemReviewed"]


def test_one_conflict_is_counted_in_the_singular(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The 25% tariff on steel stays, officials said.", encoding="utf-8")
    (folder / "b.txt").write_text("The 24% tariff on steel stays, officials said.", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(tmp_path / "out"), "--rules", str(RULES)])
    assert result.exit_code == 1, result.output
    assert "2 articles, 2 claims, 1 conflict, 0 corroborated facts" in result.output
    text = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "1 fact reported by two or more sources; 1 contradiction; 0 corroborated facts." in text
    assert "1 conflicts" not in text and "1 facts" not in text


def test_sources_of_one_outlet_get_numbers_in_every_table(ruleset):
    report = api.check_texts([("a.txt", "The 25% tariff on steel stays, officials said.", None),
                              ("b.txt", "The 24% tariff on steel stays, officials said.", None)], ruleset)
    for article in report.articles:
        article.outlet = "Reuters"
    md = markdown.render(report, ruleset)
    assert "| Reuters #1 " in md and "| Reuters #2 " in md and "| Reuters |" not in md
    assert "no publication date for Reuters #1, Reuters #2" in md
    data = jsonout.to_dict(report)
    assert [c["outlet"] for c in data["conflicts"][0]["claims"]] == ["Reuters #1", "Reuters #2"]
    record = json.loads(claimreview.render(report))[0]
    assert record["itemReviewed"]["author"]["name"] == "Reuters"


def test_labels_fall_back_to_the_file_name_for_a_missing_or_unknown_outlet():
    report = api.Report(articles=[Article("a.txt", "", "", outlet=None), Article("b.txt", "", "", outlet=" Unknown "),
                                  Article("c.txt", "", "", outlet="AP")], claims=[], findings=[], agreements=[])
    assert source_labels(report) == {"a.txt": "a.txt", "b.txt": "b.txt", "c.txt": "AP"}


@pytest.mark.parametrize("text, expected", [("003_e603.txt", "003_e603.txt"), ("_it_", "\\_it\\_"),
                                            ("Reuters #2", "Reuters #2"), ("# heading", "\\# heading"),
                                            ("a*b", "a\\*b")])
def test_markdown_escapes_only_what_markdown_would_read(text, expected):
    assert md_escape(text) == expected


@pytest.mark.parametrize("text, expected", [("a_b.txt", "`a_b.txt`"), ("a`b.txt", "``a`b.txt``"),
                                            ("`x", "`` `x ``"), ("a|b", "`a\\|b`")])
def test_code_spans_hold_any_file_name(text, expected):
    assert code_span(text) == expected


def test_source_names_replace_whole_file_names_only():
    names = {"a.txt": "A", "data/a.txt": "DA"}
    assert named_sources("a.txt, data/a.txt, ba.txt, a.txt.", names, names.get) == "A, DA, ba.txt, A."
