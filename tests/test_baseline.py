"""Issue 13, item 12: `factcheck run --baseline FILE` hides reviewed conflicts and reports new ones.

Fingerprints survive re-runs (line numbers and offsets are not part of them), suppressed
conflicts are counted and listed, do not set exit 1, and a missing or broken baseline is exit 2.
"""
from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from factcheck import api, baseline
from factcheck.cli import app

from .conftest import RULES, SEEDS

runner = CliRunner()
TARIFF_ARTICLE = "000_979b5bfc639868df.txt"


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _conflicts(out) -> dict:
    return json.loads((out / "conflicts.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """The seeds checked once, without a baseline: the run a person reviews."""
    out = tmp_path_factory.mktemp("first")
    assert _run("run", SEEDS, "--out", out, "--rules", RULES, "--no-store").exit_code == 1
    return out


def _seeds_copy(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_a_baseline_of_every_conflict_leaves_none_and_exits_0(first, tmp_path):
    made = _run("baseline", first / "conflicts.json", "-o", tmp_path / "reviewed.json")
    assert made.exit_code == 0, made.output
    assert "6 reviewed conflicts" in made.output
    result = _run("run", SEEDS, "--out", tmp_path / "out", "--rules", RULES, "--baseline", tmp_path / "reviewed.json")
    assert result.exit_code == 0, result.output
    assert "0 conflicts, 12 corroborated facts, 6 suppressed by baseline" in result.output
    data = _conflicts(tmp_path / "out")
    assert data["conflicts"] == [] and data["summary"]["suppressed"] == 6 and data["summary"]["baseline_entries"] == 6
    assert [c["id"] for c in data["suppressed"]] == [c["id"] for c in _conflicts(first)["conflicts"]]
    text = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "no conflicts; 12 corroborated facts; 6 conflicts suppressed by baseline." in text
    assert "## Suppressed by baseline" in text and "The baseline lists 6 reviewed conflicts; 6 of them were found" in text
    assert "No conflicts found." in text


def test_only_conflicts_missing_from_the_baseline_are_reported(first, tmp_path):
    dat = next(c for c in _conflicts(first)["conflicts"] if c["code"] == "DAT001")
    made = _run("baseline", first / "conflicts.json", "-o", tmp_path / "reviewed.json", "--id", "DAT001")
    assert made.exit_code == 0 and "1 reviewed conflict\n" in made.output
    result = _run("run", SEEDS, "--out", tmp_path / "out", "--rules", RULES, "--baseline", tmp_path / "reviewed.json")
    assert result.exit_code == 1
    data = _conflicts(tmp_path / "out")
    assert [c["id"] for c in data["suppressed"]] == [dat["id"]]
    assert dat["id"] not in [c["id"] for c in data["conflicts"]] and len(data["conflicts"]) == 5


def test_an_earlier_conflicts_json_serves_as_the_baseline(first, tmp_path):
    result = _run("run", SEEDS, "--out", tmp_path / "out", "--rules", RULES, "--baseline", first / "conflicts.json")
    assert result.exit_code == 0, result.output
    again = _run("run", SEEDS, "--out", tmp_path / "again", "--rules", RULES,
                 "--baseline", tmp_path / "out" / "conflicts.json")
    assert again.exit_code == 0 and len(_conflicts(tmp_path / "again")["suppressed"]) == 6


def test_fingerprints_survive_moved_lines_and_rewrapped_quotes(first, tmp_path):
    folder = _seeds_copy(tmp_path)
    for path in folder.glob("*.txt"):
        path.write_text("\n\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    result = _run("run", folder, "--out", tmp_path / "out", "--rules", RULES, "--baseline", first / "conflicts.json")
    assert result.exit_code == 0, result.output
    before, after = _conflicts(first)["conflicts"], _conflicts(tmp_path / "out")["suppressed"]
    assert [c["fingerprint"] for c in after] == [c["fingerprint"] for c in before]
    assert [c["claims"][0]["line"] for c in after] == [c["claims"][0]["line"] + 2 for c in before]


def test_fingerprint_is_code_and_the_claims_not_their_place():
    one = baseline.fingerprint_of("PCT001", [("a.txt", "24%", "24%"), ("b.txt", "a  25%\ntariff", "25%")])
    assert one == baseline.fingerprint_of("PCT001", [("b.txt", "a 25% tariff", "25%"), ("a.txt", "24%", "24%")])
    assert one != baseline.fingerprint_of("PCT004", [("a.txt", "24%", "24%"), ("b.txt", "a 25% tariff", "25%")])
    assert one != baseline.fingerprint_of("PCT001", [("a.txt", "23%", "23%"), ("b.txt", "a 25% tariff", "25%")])
    assert one.startswith("PCT001-") and len(one) == len("PCT001-") + 16


def test_a_changed_figure_is_a_new_conflict(first, tmp_path):
    folder = _seeds_copy(tmp_path)
    article = folder / TARIFF_ARTICLE
    article.write_text(article.read_text(encoding="utf-8").replace("new 24% auto tariff", "new 23% auto tariff"),
                       encoding="utf-8")
    result = _run("run", folder, "--out", tmp_path / "out", "--rules", RULES, "--baseline", first / "conflicts.json")
    assert result.exit_code == 1
    data = _conflicts(tmp_path / "out")
    assert [c["code"] for c in data["conflicts"]] == ["PCT001"] and len(data["suppressed"]) == 5
    assert "23%" in data["conflicts"][0]["message"]


def test_suppressed_error_conflicts_do_not_fail_a_fail_on_error_run(first, tmp_path):
    result = _run("run", SEEDS, "--out", tmp_path / "out", "--rules", RULES, "--fail-on", "error",
                  "--baseline", first / "conflicts.json")
    assert result.exit_code == 0


def test_an_earlier_run_in_the_store_is_not_reused_under_another_baseline(first, tmp_path):
    store = tmp_path / "claims.sqlite"
    assert _run("run", SEEDS, "--out", tmp_path / "a", "--rules", RULES, "--store", store).exit_code == 1
    result = _run("run", SEEDS, "--out", tmp_path / "b", "--rules", RULES, "--store", store,
                  "--baseline", first / "conflicts.json")
    assert result.exit_code == 0
    assert _conflicts(tmp_path / "b")["summary"]["suppressed"] == 6
    header = _conflicts(tmp_path / "b")["generator"]["options"]["baseline"]
    assert header.startswith("sha256:") and str(tmp_path) not in header


def test_runs_with_a_baseline_give_byte_identical_reports(first, tmp_path):
    for name in ("a", "b"):
        _run("run", SEEDS, "--out", tmp_path / name, "--rules", RULES, "--no-store", "--format", "md,json,html",
             "--baseline", first / "conflicts.json")
    for report in ("report.md", "conflicts.json", "report.html"):
        assert (tmp_path / "a" / report).read_bytes() == (tmp_path / "b" / report).read_bytes()


def test_show_finds_a_suppressed_conflict(first, tmp_path):
    _run("run", SEEDS, "--out", tmp_path / "out", "--rules", RULES, "--baseline", first / "conflicts.json")
    shown = _run("show", "DAT001", "--out", tmp_path / "out")
    assert shown.exit_code == 0 and "[suppressed by baseline]" in shown.output


@pytest.mark.parametrize("content, message", [
    (None, "not found"),
    ("{not json", "is not valid JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"rules": []}', "neither a baseline file"),
    ('{"format": "factcheck-baseline", "version": 1, "conflicts": [{"id": "x"}]}', "conflicts[0]: no fingerprint"),
    ('{"format": "factcheck-baseline", "version": 1, "conflicts": {}}', '"conflicts" is not a list'),
    ('{"format": "factcheck-baseline", "version": 9, "conflicts": []}', "baseline version 9"),
    ('{"conflicts": [{"code": "PCT001", "claims": [{"line": 3}]}]}', "a claim lacks its source, text or value"),
])
def test_a_missing_or_broken_baseline_is_exit_2_and_writes_nothing(tmp_path, content, message):
    path = tmp_path / "reviewed.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = _run("run", SEEDS, "--out", tmp_path / "out", "--rules", RULES, "--baseline", path)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_baseline_merge_keeps_the_entries_and_notes_already_reviewed(first, tmp_path):
    reviewed = tmp_path / "reviewed.json"
    assert _run("baseline", first / "conflicts.json", "-o", reviewed, "--id", "DAT001").exit_code == 0
    doc = json.loads(reviewed.read_text(encoding="utf-8"))
    doc["conflicts"][0]["note"] = "checked: the call was on Thursday"
    reviewed.write_text(json.dumps(doc), encoding="utf-8")
    assert _run("baseline", first / "conflicts.json", "-o", reviewed, "--id", "PCT001", "--merge").exit_code == 0
    entries = json.loads(reviewed.read_text(encoding="utf-8"))["conflicts"]
    assert sorted(e["code"] for e in entries) == ["DAT001", "PCT001"]
    assert [e.get("note") for e in entries if e["code"] == "DAT001"] == ["checked: the call was on Thursday"]
    assert _run("baseline", first / "conflicts.json", "-o", reviewed, "--id", "PCT001").exit_code == 0
    assert [e["code"] for e in json.loads(reviewed.read_text(encoding="utf-8"))["conflicts"]] == ["PCT001"]


def test_baseline_entries_say_what_was_reviewed(first, tmp_path):
    reviewed = tmp_path / "reviewed.json"
    _run("baseline", first / "conflicts.json", "-o", reviewed, "--id", "TTL001")
    doc = json.loads(reviewed.read_text(encoding="utf-8"))
    assert doc["format"] == "factcheck-baseline" and doc["version"] == 1
    entry = doc["conflicts"][0]
    assert set(entry) == {"fingerprint", "id", "code", "subject", "message", "sources"}
    assert entry["subject"] == "Donald Trump" and len(entry["sources"]) == 5


@pytest.mark.parametrize("args, message", [
    (["--id", "XYZ999"], "no conflict in"),
    ([], "report file"),
])
def test_baseline_command_errors_are_exit_2(first, tmp_path, args, message):
    source = first / "conflicts.json" if args else tmp_path / "missing.json"
    result = _run("baseline", source, "-o", tmp_path / "reviewed.json", *args)
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "reviewed.json").exists()


def test_apply_baseline_moves_listed_findings_to_suppressed(ruleset):
    report = api.check_texts([("a.txt", "The 25% tariff on steel stays, officials said.", None),
                              ("b.txt", "The 24% tariff on steel stays, officials said.", None)], ruleset)
    listed = baseline.Baseline(frozenset({baseline.fingerprint(report.findings[0])}))
    api.apply_baseline(report, listed)
    assert report.findings == [] and len(report.suppressed) == 1
    assert report.exit_code() == 0 and report.counts()["suppressed"] == 1
