"""Options of issue 17: --version and the report header, --fail-on, inputs from stdin and glob
patterns, and the progress callback behind the terminal's progress bars."""
from __future__ import annotations

import io
import json
import re
import shutil
from importlib.metadata import version
from pathlib import Path

from rich.console import Console
from typer.testing import CliRunner

from factcheck import api, cli, progress
from factcheck.progressbar import ProgressBars
from factcheck.rules import load_ruleset

from .conftest import RULES, SEEDS

runner = CliRunner()
WARNING_RULES = "NAM,PCT002"  # the warning-level rules (`factcheck rules`)


def _run(*args, **kwargs):
    return runner.invoke(cli.app, [str(a) for a in args], **kwargs)


def _header(out: Path) -> dict:
    return json.loads((out / "conflicts.json").read_text(encoding="utf-8"))["generator"]


def test_version_prints_the_package_version():
    result = _run("--version")
    assert result.exit_code == 0
    assert result.output == f"factcheck {version('factcheck')}\n"


def test_conflicts_json_header_names_version_rules_hash_and_options(tmp_path):
    result = _run("run", SEEDS, "--out", tmp_path, "--rules", RULES, "--no-store", "--format", "json,md",
                  "--select", "TTL,PCT", "--ignore", "PCT003", "--fail-on", "warning")
    assert result.exit_code == 1, result.output
    doc = json.loads((tmp_path / "conflicts.json").read_text(encoding="utf-8"))
    assert list(doc)[:2] == ["version", "generator"] and doc["version"] == 1
    header = doc["generator"]
    assert header["name"] == "factcheck" and header["version"] == version("factcheck")
    assert re.fullmatch(r"[0-9a-f]{64}", header["rules_hash"])
    assert header["options"] == {"formats": ["md", "json"], "select": ["TTL", "PCT"], "ignore": ["PCT003"],
                                 "extend_select": [], "severity": {}, "fail_on": "warning", "baseline": None}


def test_conflicts_json_is_byte_identical_across_runs_and_output_folders(tmp_path):
    for name in ("a", "b"):
        assert _run("run", SEEDS, "--out", tmp_path / name, "--rules", RULES, "--no-store").exit_code == 1
    first, second = ((tmp_path / name / "conflicts.json").read_bytes() for name in ("a", "b"))
    assert first == second
    assert str(tmp_path).encode() not in first


def test_rules_hash_follows_the_rule_contents_not_their_folder(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(RULES, copy)
    assert load_ruleset([copy]).digest() == load_ruleset([RULES]).digest()
    assert load_ruleset([RULES], ["TTL"]).digest() != load_ruleset([RULES]).digest()
    pack = copy / "knowledge" / "events.yml"
    pack.write_text(pack.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert load_ruleset([copy]).digest() != load_ruleset([RULES]).digest()


def test_an_earlier_run_with_other_options_is_not_reused(tmp_path):
    store = tmp_path / "claims.sqlite"
    args = ["run", SEEDS, "--rules", RULES, "--store", store, "--jobs", 1, "--format", "json"]
    assert _run(*args, "--out", tmp_path / "a").exit_code == 1
    result = _run(*args, "--out", tmp_path / "b", "--fail-on", "error")
    assert result.exit_code == 1 and "reports were reused" not in result.output
    assert _header(tmp_path / "a")["options"]["fail_on"] == "info"
    assert _header(tmp_path / "b")["options"]["fail_on"] == "error"


def test_fail_on_error_with_only_warning_rules_exits_0_and_1_without_it(tmp_path):
    base = ["run", SEEDS, "--out", tmp_path, "--rules", RULES, "--no-store", "--select", WARNING_RULES]
    assert _run(*base).exit_code == 1
    assert json.loads((tmp_path / "conflicts.json").read_text(encoding="utf-8"))["conflicts"]
    assert _run(*base, "--fail-on", "warning").exit_code == 1
    result = _run(*base, "--fail-on", "error")
    assert result.exit_code == 0, result.output


def test_an_unknown_fail_on_value_exits_2_naming_the_choices(tmp_path):
    result = _run("run", SEEDS, "--out", tmp_path / "out", "--rules", RULES, "--fail-on", "fatal")
    assert result.exit_code == 2
    assert "--fail-on" in result.output and "'error'" in result.output
    assert not (tmp_path / "out").exists()


def test_fail_on_overrides_min_severity_of_the_configuration(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text('[tool.factcheck]\nmin-severity = "error"\n', encoding="utf-8")
    base = ["run", SEEDS, "--out", tmp_path / "out", "--rules", RULES, "--no-store", "--select", WARNING_RULES]
    assert _run(*base).exit_code == 0
    assert _run(*base, "--fail-on", "info").exit_code == 1


def test_an_unknown_min_severity_in_the_configuration_exits_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text('[tool.factcheck]\nmin-severity = "errors"\n', encoding="utf-8")
    result = _run("run", SEEDS, "--out", tmp_path / "out", "--rules", RULES, "--no-store")
    assert result.exit_code == 2
    assert "min-severity" in result.output and "errors" in result.output


def test_dash_reads_the_input_list_from_stdin(tmp_path):
    listed = "\n".join(["", *(str(p) for p in sorted(SEEDS.glob("*.txt"))), "", "  "]) + "\n"
    result = _run("run", "-", "--out", tmp_path / "stdin", "--rules", RULES, "--no-store", input=listed)
    assert result.exit_code == 1, result.output
    assert _run("run", SEEDS, "--out", tmp_path / "folder", "--rules", RULES, "--no-store").exit_code == 1
    from_stdin = (tmp_path / "stdin" / "conflicts.json").read_bytes()
    assert from_stdin == (tmp_path / "folder" / "conflicts.json").read_bytes()


def test_glob_patterns_are_expanded(tmp_path):
    result = _run("run", SEEDS / "*.txt", "--out", tmp_path / "all", "--rules", RULES, "--no-store")
    assert result.exit_code == 1, result.output
    doc = json.loads((tmp_path / "all" / "conflicts.json").read_text(encoding="utf-8"))
    assert len(doc["sources"]) == 5
    pattern = SEEDS.parent / "se?ds" / "**" / "00[01]_*"
    _run("run", pattern, "--out", tmp_path / "two", "--rules", RULES, "--no-store", "--format", "json")
    doc = json.loads((tmp_path / "two" / "conflicts.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in doc["sources"]] == ["000_979b5bfc639868df.txt", "001_306e9c0809b150da.txt"]


def test_a_pattern_that_matches_nothing_exits_2(tmp_path):
    result = _run("run", SEEDS / "*.docx", "--out", tmp_path / "out", "--rules", RULES, "--no-store")
    assert result.exit_code == 2
    assert "*.docx: no file or folder matches this pattern" in result.output
    assert not (tmp_path / "out").exists()


def test_patterns_take_article_files_and_existing_paths_are_literal(tmp_path):
    (tmp_path / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "a[1].txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Text.", encoding="utf-8")
    files, skipped = api.collect_inputs([tmp_path / "*.yaml", tmp_path / "a[1].txt", tmp_path / "s*"])
    assert files == [tmp_path / "a[1].txt", tmp_path / "sub" / "b.md"]
    assert [(s.path, s.reason) for s in skipped] == [(str(tmp_path / "*.yaml"), "no article file matches this pattern")]


def test_expand_stdin_reads_the_list_once():
    stream = io.StringIO("a.txt\n\n b.txt \r\n")
    assert api.expand_stdin([Path("x.txt"), Path("-"), Path("-")], stream) == [Path("x.txt"), Path("a.txt"),
                                                                                 Path("b.txt")]


def test_progress_callback_receives_counts_for_each_stage(tmp_path):
    calls = []
    api.run([SEEDS], tmp_path, rules_dirs=[RULES], progress=lambda *args: calls.append(args))
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == [progress.READ, progress.NAMES, progress.EXTRACT, progress.ALIGN, progress.WRITE]
    for stage in stages[:-1]:
        mine = [(done, total) for name, done, total in calls if name == stage]
        total = mine[0][1]
        assert total > 0 and mine[0] == (0, total) and mine[-1] == (total, total)
        assert [done for done, _ in mine] == sorted(done for done, _ in mine)
    assert {total for name, _, total in calls if name in (progress.READ, progress.NAMES, progress.EXTRACT)} == {5}
    assert [c for c in calls if c[0] == progress.WRITE] == [(progress.WRITE, 0, None)]


def test_a_reused_run_reports_its_one_stage(tmp_path):
    store = tmp_path / "claims.sqlite"
    api.run([SEEDS], tmp_path / "a", rules_dirs=[RULES], store_path=store)
    calls = []
    api.run([SEEDS], tmp_path / "b", rules_dirs=[RULES], store_path=store, progress=lambda *args: calls.append(args))
    assert calls == [(progress.REUSE, 0, None)]


def test_a_stage_reports_sparingly_and_ends_on_its_total():
    calls = []
    stage = progress.Stage(lambda *args: calls.append(args), "items", 10_000)
    for _ in range(10_000):
        stage.advance()
    assert len(calls) <= progress.STEPS + 2
    assert calls[0] == ("items", 0, 10_000) and calls[-1] == ("items", 10_000, 10_000)


def test_progress_bars_show_one_task_per_stage():
    bars = ProgressBars(Console(file=io.StringIO(), force_terminal=True, width=100))
    with bars:
        bars(progress.READ, 0, 5)
        bars(progress.READ, 5, 5)
        bars(progress.WRITE, 0, None)
        tasks = {t.description: t for t in bars.progress.tasks}
        assert tasks[progress.READ].finished and tasks[progress.READ].completed == 5
        assert tasks[progress.WRITE].total is None
        bars(progress.ALIGN, 1, 3)
        assert bars.progress.tasks[1].finished
        assert bars.progress.tasks[2].completed == 1 and bars.progress.tasks[2].total == 3


def test_no_progress_bars_when_quiet_in_ci_or_not_on_a_terminal(monkeypatch):
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("CI", "true")
    with cli._progress(False) as say:
        assert say is None
    monkeypatch.delenv("CI")
    with cli._progress(True) as say:
        assert say is None
    monkeypatch.setattr(cli.sys.stderr, "isatty", lambda: False, raising=False)
    with cli._progress(False) as say:
        assert say is None


def test_dash_with_nothing_on_stdin_exits_2(tmp_path):
    result = _run("run", "-", "--out", tmp_path / "out", "--rules", RULES, "--no-store", input="\n\n")
    assert result.exit_code == 2
    assert "standard input" in result.output and "Traceback" not in result.output
