"""Bad input is reported with a reason and never stops the run over the other articles."""
from __future__ import annotations

import json
import os
import shutil

from typer.testing import CliRunner

from factcheck import api, articles
from factcheck.cli import app

from .conftest import RULES, SEEDS


def _seeds_plus_bad_files(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "nul.md").write_bytes(b"\x00" * 4096)
    with open(folder / "huge.txt", "wb") as fh:
        fh.truncate(articles.MAX_BYTES + 1)
    (folder / "only-furniture.txt").write_text("- Jane Doe\n- 3 min read\n", encoding="utf-8")
    os.symlink(folder, folder / "loop")
    return folder


def test_seed_conflicts_survive_bad_neighbours(tmp_path):
    folder = _seeds_plus_bad_files(tmp_path)
    clean = api.run([SEEDS], None, rules_dirs=[RULES])
    report = api.run([folder], tmp_path / "out", rules_dirs=[RULES])
    assert [a.id for a in report.articles] == [a.id for a in clean.articles]
    assert [(f.code, f.id) for f in report.findings] == [(f.code, f.id) for f in clean.findings]
    reasons = {os.path.basename(s.path): s.reason for s in report.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["picture.txt"].startswith("binary file")
    assert reasons["nul.md"].startswith("binary file")
    assert reasons["huge.txt"].startswith("too large")
    assert reasons["only-furniture.txt"].startswith("no article text")
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "huge.txt" in md and "too large" in md


def test_cli_reports_skipped_files_on_stderr_without_traceback(tmp_path):
    folder = _seeds_plus_bad_files(tmp_path)
    result = CliRunner().invoke(app, ["run", str(folder), "--out", str(tmp_path / "out"), "--rules", str(RULES)])
    assert result.exit_code == 1
    assert "skipped" in result.output and "empty file" in result.output
    assert "Traceback" not in result.output


def test_malformed_sources_yaml_is_reported_and_dates_left_unresolved(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "sources.yaml").write_text("000_x.txt: [unclosed\n", encoding="utf-8")
    report = api.run([folder], None, rules_dirs=[RULES])
    assert any("sources file unusable" in s.reason for s in report.skipped)
    assert any("no publication date" in n for n in report.notes)
    weekday_claims = [c for c in report.claims if c.qualifiers.form == "weekday"]
    assert weekday_claims and all(c.value is None for c in weekday_claims)


def test_sources_yaml_naming_missing_files_is_noted(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    with open(folder / "sources.yaml", "a", encoding="utf-8") as fh:
        fh.write("ghost.txt:\n  outlet: Nobody\n  published: 2025-06-01\n")
    report = api.run([folder], None, rules_dirs=[RULES])
    assert any("ghost.txt" in n for n in report.notes)


def test_empty_folder_exits_2(tmp_path):
    (tmp_path / "none").mkdir()
    result = CliRunner().invoke(app, ["run", str(tmp_path / "none"), "--out", str(tmp_path / "o"),
                                      "--rules", str(RULES)])
    assert result.exit_code == 2 and "no article could be checked" in result.output


def test_reports_are_written_atomically_and_old_ones_survive_a_failed_render(tmp_path, monkeypatch):
    out = tmp_path / "out"
    api.run([SEEDS], out, rules_dirs=[RULES])
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def boom(report, ruleset=None):
        raise KeyboardInterrupt

    from factcheck.report import csvout
    monkeypatch.setattr(csvout, "render", boom)
    try:
        api.run([SEEDS], out, rules_dirs=[RULES])
    except KeyboardInterrupt:
        pass
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not list(out.glob(".*.tmp"))


def test_reports_get_ordinary_file_permissions(tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        api.run([SEEDS], tmp_path / "out", rules_dirs=[RULES])
    finally:
        os.umask(old)
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "out").iterdir()}
    assert modes and set(modes.values()) == {0o644}, modes


def test_json_is_valid_and_sorted(tmp_path):
    api.run([SEEDS], tmp_path, rules_dirs=[RULES])
    data = json.loads((tmp_path / "conflicts.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in data["sources"]] == sorted(s["id"] for s in data["sources"])


def test_an_article_that_breaks_extraction_is_skipped_not_fatal(tmp_path, monkeypatch):
    from factcheck import pipeline

    real = pipeline.extract_claims
    target = sorted(p.name for p in SEEDS.glob("*.txt"))[2]

    def fragile(article, kn, people=frozenset()):
        if article.id == target:
            raise ValueError("boom")
        return real(article, kn, people)

    monkeypatch.setattr(pipeline, "extract_claims", fragile)
    report = api.run([SEEDS], None, rules_dirs=[RULES], jobs=1)
    assert any(s.path == target and "extraction failed" in s.reason for s in report.skipped)
    assert report.claims and all(c.article != target for c in report.claims)


def test_a_file_of_numbers_is_skipped_with_a_reason_not_read_to_exhaustion(tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "dump.txt").write_text("$1.1.1.1.1. " * 50_000, encoding="utf-8")
    clean = api.run([SEEDS], None, rules_dirs=[RULES])
    report = api.run([folder], tmp_path / "out", rules_dirs=[RULES])
    reasons = {os.path.basename(s.path): s.reason for s in report.skipped}
    assert "numbers" in reasons["dump.txt"] and "not an article" in reasons["dump.txt"]
    assert [(f.code, f.id) for f in report.findings] == [(f.code, f.id) for f in clean.findings]


def test_claims_command_says_which_files_it_skipped(tmp_path):
    (tmp_path / "dump.txt").write_text("$1.1.1.1.1. " * 50_000, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Exports rose 4.8% in May.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["claims", str(tmp_path), "--rules", str(RULES)])
    assert result.exit_code == 0
    assert "dump.txt" in result.output and "not an article" in result.output
    assert "4.8" in result.output
