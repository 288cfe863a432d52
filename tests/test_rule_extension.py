"""Rules a newcomer adds as YAML alone: a copy of the built-in rules, a second rule of one check
with other parameters, and the validation of verdicts, parameters and kinds against the registry."""
from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from typer.testing import CliRunner

from factcheck.api import check_texts, load_rules_for
from factcheck.checks import CHECKS
from factcheck.config import Config
from factcheck.rules import load_rules, load_ruleset
from factcheck.yamlio import RuleError

from .conftest import RULES, SEEDS

runner = CliRunner()

WEEKLY = """code: CNT090
name: ordinal-differs-weekly
kind: count
check: ordinal.value
verdict: contradiction
severity: warning
message: "{subject}: {detail} (reports up to a month apart)."
params:
  series_gap_days: 30
explanation: >
  As CNT002, for a series that runs monthly: reports up to a month apart still speak of one round.
examples:
  conflict:
    - articles:
        - published: 2024-10-21
          text: Negotiators opened the fourth round of talks in Nairobi.
        - published: 2024-10-30
          text: The fifth round of talks opened in Nairobi on Monday.
  ok:
    - articles:
        - published: 2024-10-21
          text: Negotiators opened the fourth round of talks in Nairobi.
        - published: 2024-10-21
          text: The 4th round of talks opened in Nairobi on Monday.
"""

NINE_DAYS = [("a.txt", "Negotiators opened the fourth round of talks in Nairobi.", date(2024, 10, 21)),
             ("b.txt", "The fifth round of talks opened in Nairobi on Monday.", date(2024, 10, 30))]


def _folder(tmp_path, text, name="CNT090-ordinal-differs-weekly.yml"):
    folder = tmp_path / "mine"
    (folder / "count").mkdir(parents=True, exist_ok=True)
    (folder / "count" / name).write_text(text, encoding="utf-8")
    return folder


def _run(*args):
    return runner.invoke(app_(), [str(a) for a in args])


def app_():
    from factcheck.cli import app
    return app


def test_rules_check_accepts_a_copy_of_the_built_in_rules(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(RULES, copy)
    result = _run("rules", "--check", copy)
    assert result.exit_code == 0, result.output
    assert f"{len(load_rules([RULES]))} rules valid" in result.output


def test_an_edited_copy_replaces_the_built_in_rules(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(RULES, copy, ignore=shutil.ignore_patterns("knowledge"))
    rule = copy / "percent" / "PCT001-percent-differs.yml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("severity: error", "severity: info"), encoding="utf-8")
    result = _run("run", SEEDS, "--out", tmp_path / "out", "--rules", copy, "--format", "json", "--no-store")
    assert result.exit_code == 1, result.output
    report = json.loads((tmp_path / "out" / "conflicts.json").read_text(encoding="utf-8"))
    severities = {c["code"]: c["severity"] for c in report["conflicts"]}
    assert severities["PCT001"] == "info" and severities["TTL001"] == "error"


def test_a_new_rule_reuses_a_check_with_other_parameters(tmp_path):
    """The built-in CNT002 takes reports nine days apart for two rounds of a series (a possible
    match only); the same check under CNT090, with a 30-day gap, calls them one round."""
    assert _run("rules", "--check", _folder(tmp_path, WEEKLY)).exit_code == 0
    both = load_ruleset([RULES, tmp_path / "mine"])
    report = check_texts(NINE_DAYS, both)
    assert [f.code for f in report.findings] == ["CNT090"]
    assert report.findings[0].severity == "warning" and "up to a month apart" in report.findings[0].message
    assert any(f.code == "CNT002" for f in report.possible)
    alone = check_texts(NINE_DAYS, load_ruleset([RULES]))
    assert alone.findings == [] and any(f.code == "CNT002" for f in alone.possible)


def test_rules_folders_add_to_the_built_in_rules_from_the_command_line_and_the_config(tmp_path):
    folder = _folder(tmp_path, WEEKLY)
    builtin = {r.code for r in load_rules([RULES])}
    from_cli = {r.code for r in load_rules_for([folder], Config()).rules}
    from_config = {r.code for r in load_rules_for(None, Config(rules=[str(folder)])).rules}
    assert from_cli == from_config == builtin | {"CNT090"}


def test_rules_lists_an_added_rule(tmp_path):
    result = _run("rules", "--rules", _folder(tmp_path, WEEKLY))
    assert result.exit_code == 0, result.output
    assert "CNT090" in result.output and "PCT001" in result.output


@pytest.mark.parametrize("mutate,line,message", [
    (lambda t: t.replace("verdict: contradiction", "verdict: rounding"), 5,
     "'rounding' is not one of contradiction (the verdict ordinal.value gives)"),
    (lambda t: t.replace("series_gap_days: 30", "series_gap_dayz: 30"), 9,
     "ordinal.value has no parameter 'series_gap_dayz'"),
    (lambda t: t.replace("series_gap_days: 30", "series_gap_days: a month"), 9,
     "'series_gap_days': expected a number"),
    (lambda t: t.replace("check: ordinal.value", "check: ordinal.valeu"), 4, "did you mean 'ordinal.value'"),
    (lambda t: t.replace("check: ordinal.value", "check: percent.value"), 3,
     "percent.value is configured by percent rules"),
])
def test_verdict_params_and_kind_are_checked_against_the_registry(tmp_path, mutate, line, message):
    _folder(tmp_path, mutate(WEEKLY))
    with pytest.raises(RuleError) as err:
        load_rules([tmp_path / "mine"])
    assert f"CNT090-ordinal-differs-weekly.yml:{line}" in str(err.value)
    assert message in str(err.value)


def test_min_sources_keeps_a_finding_only_when_enough_sources_give_it(tmp_path):
    strict = WEEKLY.replace("series_gap_days: 30", "series_gap_days: 30\n  min_sources: 3")
    _folder(tmp_path, strict)
    report = check_texts(NINE_DAYS, load_ruleset([RULES, tmp_path / "mine"]))
    assert not any(f.code == "CNT090" for f in report.findings)
    third = NINE_DAYS + [("c.txt", "Delegates began the fourth round of talks in Nairobi.",
                          date(2024, 10, 21))]
    report = check_texts(third, load_ruleset([RULES, tmp_path / "mine"]))
    assert any(f.code == "CNT090" for f in report.findings)


def test_every_built_in_rule_names_a_registered_check_with_its_verdict_and_kind():
    for rule in load_rules([RULES]):
        check = CHECKS[rule.check]
        assert rule.verdict == check.verdict and rule.kind == check.kind, rule.code
        assert set(rule.params) <= set(check.all_params()), rule.code
