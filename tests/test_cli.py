"""The CLI through typer's CliRunner: exit codes, outputs, rule commands, errors without tracebacks."""
from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import RULES, SEEDS

runner = CliRunner()


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_run_on_seeds_writes_three_reports_and_exits_1(tmp_path):
    result = _run("run", SEEDS, "--out", tmp_path, "--rules", RULES)
    assert result.exit_code == 1, result.output
    assert {p.name for p in tmp_path.iterdir()} == {"report.md", "conflicts.json", "claims.csv"}
    data = json.loads((tmp_path / "conflicts.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["sources"]) == 5 and data["conflicts"]
    assert "# factcheck report" in (tmp_path / "report.md").read_text(encoding="utf-8")


def test_exit_0_when_sources_agree(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Treasury Secretary Scott Bessent met bankers.", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Scott Bessent, the Treasury secretary, met bankers.", encoding="utf-8")
    result = _run("run", tmp_path / "in", "--out", tmp_path / "out", "--rules", RULES)
    assert result.exit_code == 0, result.output


def test_missing_input_exits_2_without_traceback(tmp_path):
    result = _run("run", tmp_path / "nope", "--out", tmp_path / "out", "--rules", RULES)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "no such file or folder" in result.output


def test_bad_format_is_a_usage_error(tmp_path):
    result = _run("run", SEEDS, "--out", tmp_path, "--format", "pdf", "--rules", RULES)
    assert result.exit_code == 2 and "unknown format" in result.output


def test_only_requested_formats_are_written(tmp_path):
    _run("run", SEEDS, "--out", tmp_path, "--format", "json", "--rules", RULES)
    assert [p.name for p in tmp_path.iterdir()] == ["conflicts.json"]


def test_select_and_ignore_by_prefix(tmp_path):
    _run("run", SEEDS, "--out", tmp_path, "--format", "json", "--rules", RULES, "--select", "TTL")
    codes = {c["code"] for c in json.loads((tmp_path / "conflicts.json").read_text())["conflicts"]}
    assert codes and all(c.startswith("TTL") for c in codes)
    _run("run", SEEDS, "--out", tmp_path, "--format", "json", "--rules", RULES, "--ignore", "TTL,NAM001")
    codes = {c["code"] for c in json.loads((tmp_path / "conflicts.json").read_text())["conflicts"]}
    assert codes and not any(c.startswith("TTL") or c == "NAM001" for c in codes)


def test_rules_lists_every_rule():
    result = _run("rules", "--rules", RULES)
    assert result.exit_code == 0
    for code in ("TTL001", "TTL002", "PCT002", "DAT001", "NAM001", "CNT003", "MON001"):
        assert code in result.output


def test_rule_explains_one_rule():
    result = _run("rule", "pct002", "--rules", RULES)
    assert result.exit_code == 0
    assert "PCT002 percent-basis-differs" in result.output and "flags:" in result.output


def test_unknown_rule_code_exits_2():
    result = _run("rule", "XYZ999", "--rules", RULES)
    assert result.exit_code == 2 and "no rule XYZ999" in result.output


def test_rules_check_validates_a_folder():
    result = _run("rules", "--check", RULES)
    assert result.exit_code == 0, result.output
    assert " rules valid, every example passes" in result.output and "(s)" not in result.output


def test_broken_rule_file_names_file_and_line(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    bad = rules / "percent" / "PCT001-percent-differs.yml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("severity: error", "severity: fatal"), encoding="utf-8")
    result = _run("run", SEEDS, "--out", tmp_path / "out", "--rules", rules)
    assert result.exit_code == 2
    assert "PCT001-percent-differs.yml:6" in result.output and "severity" in result.output
    assert "Traceback" not in result.output


def test_user_rule_folder_changes_the_report_without_python(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text("Kenji Sato, director of the Tokyo Port Authority, spoke on Monday.",
                                    encoding="utf-8")
    (articles / "b.txt").write_text("Harbour Board Director Kenji Sato spoke on Monday.", encoding="utf-8")
    out = tmp_path / "out"
    # The built-in rules find two different bodies; a user pack declares them the same body.
    assert _run("run", articles, "--out", out, "--rules", RULES).exit_code == 1
    mine = tmp_path / "mine" / "knowledge"
    mine.mkdir(parents=True)
    (mine / "titles.yml").write_text(
        "roles: []\naffiliations: []\nqualifiers: {}\nincompatible: []\n"
        "equivalent:\n  - [tokyo port authority, harbour board]\n", encoding="utf-8")
    result = _run("run", articles, "--out", out, "--rules", RULES, "--rules", tmp_path / "mine")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("args", [["run", "--out"], ["frobnicate"]])
def test_usage_errors_exit_2(args):
    assert _run(*args).exit_code == 2


def test_config_file_selects_rules_and_sets_the_exit_threshold(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text(
        '[tool.factcheck]\nignore = ["TTL", "DAT", "PCT001"]\nmin-severity = "error"\n', encoding="utf-8")
    result = _run("run", SEEDS, "--out", tmp_path / "out", "--rules", RULES, "--format", "json")
    codes = {c["code"] for c in json.loads((tmp_path / "out" / "conflicts.json").read_text())["conflicts"]}
    assert codes == {"NAM001", "PCT002"}
    assert result.exit_code == 0, "only warnings remain, below min-severity = error"


def test_unknown_config_key_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text('[tool.factcheck]\nselekt = ["TTL"]\n', encoding="utf-8")
    result = _run("run", SEEDS, "--out", tmp_path / "out", "--rules", RULES)
    assert result.exit_code == 2 and "selekt" in result.output


def test_an_unchanged_rerun_reports_the_same_counts_and_exit_code(tmp_path):
    store = tmp_path / "claims.sqlite"
    first = _run("run", SEEDS, "--out", tmp_path / "a", "--rules", RULES, "--store", store, "--jobs", 1)
    second = _run("run", SEEDS, "--out", tmp_path / "b", "--rules", RULES, "--store", store, "--jobs", 1)
    assert first.exit_code == second.exit_code == 1
    assert "reports were reused" in second.output
    counts = [line.split("→")[0] for line in (first.output, second.output) for line in line.splitlines() if "→" in line]
    assert len(counts) == 2 and counts[0] == counts[1] and "conflicts" in counts[0]
    assert (tmp_path / "a" / "report.md").read_bytes() == (tmp_path / "b" / "report.md").read_bytes()


def test_an_unknown_or_lower_case_rule_code_is_an_error_with_the_nearest_code(tmp_path):
    for option in ("--select", "--ignore"):
        result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(tmp_path / "out"), option, "ttl001"])
        assert result.exit_code == 2
        assert "did you mean TTL001" in result.output
    result = CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(tmp_path / "out"), "--select", "XYZ"])
    assert result.exit_code == 2 and "names no rule" in result.output
    assert not (tmp_path / "out").exists()


def test_a_run_that_checks_nothing_keeps_the_last_good_report(tmp_path):
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["run", str(SEEDS), "--out", str(out), "--no-store"]).exit_code == 1
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = CliRunner().invoke(app, ["run", str(tmp_path / "no-such-folder"), "--out", str(out), "--no-store"])
    assert result.exit_code == 2
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
