"""Rules as data: validation errors name file, line and field; deleting a rule removes exactly its conflicts."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from factcheck.api import check_texts
from factcheck.rules import load_rules, load_ruleset
from factcheck.yamlio import RuleError

from .conftest import RULES

GOOD = """code: PCT901
name: my-rule
kind: percent
check: percent.value
verdict: contradiction
severity: error
message: "{subject}: {detail}."
explanation: Mine.
examples:
  conflict:
    - articles: [{published: 2024-01-01, text: "a"}]
  ok:
    - articles: [{published: 2024-01-01, text: "b"}]
"""


def _write(tmp_path, text, name="PCT901-my-rule.yml"):
    folder = tmp_path / "r" / "percent"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return tmp_path / "r"


@pytest.mark.parametrize("mutate,line,field", [
    (lambda t: t.replace("severity: error", "severity: loud"), 6, "severity"),
    (lambda t: t.replace("kind: percent", "kind: weather"), 3, "kind"),
    (lambda t: t.replace("explanation: Mine.\n", ""), 1, "explanation"),
    (lambda t: t + "colour: red\n", 14, "colour"),
    (lambda t: t.replace("code: PCT901", "code: PCT9"), 1, "code"),
    (lambda t: t.replace("  ok:\n    - articles: [{published: 2024-01-01, text: \"b\"}]\n", ""), 10, "examples"),
    (lambda t: t.replace('message: "{subject}: {detail}."', 'message: "{nope}"'), 7, "message"),
    (lambda t: t.replace("name: my-rule", "name: [unclosed"), 3, "invalid YAML"),
])
def test_validation_error_names_file_line_and_field(tmp_path, mutate, line, field):
    folder = _write(tmp_path, mutate(GOOD))
    with pytest.raises(RuleError) as err:
        load_rules([folder])
    assert f"PCT901-my-rule.yml:{line}" in str(err.value)
    assert field in str(err.value)


def test_file_name_must_carry_the_code(tmp_path):
    folder = _write(tmp_path, GOOD, name="PCT902-other.yml")
    with pytest.raises(RuleError, match="file name must start with 'PCT901-'"):
        load_rules([folder])


def test_a_later_folder_replaces_a_rule_of_the_same_code(tmp_path):
    folder = _write(tmp_path, GOOD.replace("PCT901", "PCT001").replace("severity: error", "severity: info"),
                    name="PCT001-mine.yml")
    rules = {r.code: r for r in load_rules([RULES, folder])}
    assert rules["PCT001"].severity == "info" and rules["PCT001"].path.endswith("PCT001-mine.yml")
    assert "PCT002" in rules


def test_duplicate_code_in_one_folder_is_refused(tmp_path):
    _write(tmp_path, GOOD)
    folder = _write(tmp_path, GOOD, name="PCT901-again.yml")
    with pytest.raises(RuleError, match="PCT901 is already defined"):
        load_rules([folder])


def _findings(folder, texts):
    rs = load_ruleset([folder])
    report = check_texts([(f"s{i}.txt", t, date.fromisoformat(d) if d else None) for i, (t, d) in enumerate(texts)],
                         rs)
    return {(f.code, tuple((c.article, c.start) for c in f.claims)) for f in report.findings}


FIRST_OF_KIND = {}
for _rule in load_rules([RULES]):
    FIRST_OF_KIND.setdefault(_rule.kind, _rule)


@pytest.mark.parametrize("rule", list(FIRST_OF_KIND.values()), ids=lambda r: r.code)
def test_deleting_a_rule_file_removes_exactly_its_conflicts(tmp_path, rule):
    example = next(e for e in rule.examples if e.expect == "conflict")
    texts = list(example.articles)
    before = _findings(RULES, texts)
    assert any(code == rule.code for code, _ in before)
    copy = tmp_path / "rules"
    shutil.copytree(RULES, copy)
    (copy / Path(rule.path).relative_to(RULES)).unlink()
    after = _findings(copy, texts)
    assert after == {f for f in before if f[0] != rule.code}


def test_office_record_uses_known_roles_places_and_ordered_dates():
    """Every office-holder entry reads like a title the extractor can produce, so it can match."""
    from factcheck.packs import load_knowledge

    kn = load_knowledge([RULES / "knowledge"])
    countries = set(kn.place_of.values())
    for h in kn.holders:
        words = h.role.split()
        while len(words) > 1 and words[0] in kn.ranks and " ".join(words) not in kn.roles:
            words.pop(0)
        assert " ".join(words) in kn.roles, h
        assert h.country is None or h.country in countries, h
        assert h.end is None or h.start < h.end, h
