"""Reports: golden report.md on the seeds, escaping, CSV safety, ClaimReview, show/claims commands."""
from __future__ import annotations

import csv
import json
import os
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck import api
from factcheck.cli import app
from factcheck.report import csvout, markdown
from factcheck.report.common import md_escape

from .conftest import RULES, SEEDS

GOLDEN = Path(__file__).parent / "golden" / "seeds_report.md"


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-report")
    api.run([SEEDS], out, rules_dirs=[RULES], formats=api.ALL_FORMATS)
    return out


def test_report_md_matches_the_reviewed_golden_file(seed_out):
    text = (seed_out / "report.md").read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8"), "report.md changed: review, then UPDATE_GOLDEN=1 pytest"


def test_report_has_summary_matrix_and_resolved_weekdays(seed_out):
    text = (seed_out / "report.md").read_text(encoding="utf-8")
    assert text.splitlines()[2].startswith("5 articles, ")
    assert "## Sources × facts" in text and "OUTLIER" in text
    assert "Thursday → 2025-06-05" in text
    assert "phone call with **former U.S. President Donald Trump**, marking their first conversation" in text


@pytest.mark.parametrize("hostile", ["a | b", "`code`", "<script>x</script>", "[link](http://x)", "# heading",
                                     "*bold* _it_"])
def test_quoted_text_cannot_inject_markdown(hostile):
    escaped = md_escape(hostile)
    for ch in "|`<>[]#*_":
        assert ch not in escaped.replace("\\" + ch, "")


def test_csv_cells_cannot_be_formulas(ruleset, tmp_path):
    report = api.check_texts([("a.txt", "=HYPERLINK(\"x\") said the 25% tariff on steel stays. "
                                        "The 25% tariff on steel stays, officials said.", date(2025, 1, 1))],
                             ruleset)
    for c in report.claims:
        c.text = "=" + c.text
    rows = list(csv.DictReader(csvout.render(report).splitlines()))
    assert rows and all(not r["text"].startswith(("=", "+", "-", "@")) for r in rows)


def test_claimreview_records(seed_out):
    records = json.loads((seed_out / "claimreview.jsonld").read_text(encoding="utf-8"))
    data = json.loads((seed_out / "conflicts.json").read_text(encoding="utf-8"))
    assert len(records) == len(data["conflicts"])
    for r in records:
        assert r["@type"] == "ClaimReview" and r["@context"] == "https://schema.org"
        assert r["reviewRating"]["alternateName"] and r["itemReviewed"]["appearance"]


def test_show_and_claims_commands(seed_out):
    runner = CliRunner()
    shown = runner.invoke(app, ["show", "DAT001", "--out", str(seed_out)])
    assert shown.exit_code == 0 and "Thursday → 2025-06-05" in shown.output
    listed = runner.invoke(app, ["claims", str(SEEDS / "003_e6034575d8850b14.txt"), "--json", "--rules", str(RULES)])
    rows = [json.loads(line) for line in listed.output.splitlines() if line.startswith("{")]
    assert any(r["type"] == "title" and "Le Qiang" in r["value"] for r in rows)
    missing = runner.invoke(app, ["show", "NOPE", "--out", str(seed_out)])
    assert missing.exit_code == 2


def test_summary_sentence_counts(seed_out):
    data = json.loads((seed_out / "conflicts.json").read_text(encoding="utf-8"))
    text = (seed_out / "report.md").read_text(encoding="utf-8")
    assert f"{data['summary']['claims']} claims" in text
    assert markdown.VERDICT_WORDS


def test_named_sources_finds_only_whole_ids_among_many():
    from factcheck.report.common import named_sources
    ids = [f"c{n:05d}_0.txt" for n in range(5000)] + ["a.txt", "data/a.txt", "my file.txt"]
    text = "c00042_0.txt dates it Monday, data/a.txt Tuesday, ba.txt Friday and my file.txt Sunday; see a.txt."
    out = named_sources(text, ids, lambda i: f"<{i}>")
    assert out == "<c00042_0.txt> dates it Monday, <data/a.txt> Tuesday, ba.txt Friday and <my file.txt> Sunday; see <a.txt>."
