"""Every example of every rule holds: conflict cases fire the rule, ok cases do not."""
from __future__ import annotations

import pytest

from factcheck.api import example_holds
from factcheck.rules import load_rules

from .conftest import RULES

CASES = [(rule, ex) for rule in load_rules([RULES]) for ex in rule.examples]


def test_every_rule_has_both_kinds_of_example():
    rules = load_rules([RULES])
    assert len(rules) >= 15
    for rule in rules:
        kinds = {ex.expect for ex in rule.examples}
        assert kinds == {"conflict", "ok"}, rule.code


@pytest.mark.parametrize("rule,example", CASES,
                         ids=[f"{r.code}-{e.expect}-line{e.line}" for r, e in CASES])
def test_rule_example(rule, example, ruleset):
    holds, report = example_holds(rule, example, ruleset)
    found = [(f.code, f.message) for f in report.findings]
    assert holds, f"{rule.code} {example.expect} example at line {example.line}: findings {found}"
