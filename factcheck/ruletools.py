"""Tools for rule authors: run a rule's examples, validate a rule folder (every file parses and
every example holds), and explain a rule as text for a terminal."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from .options import default_rules_dir
from .results import Report
from .rules import RuleSet, load_rules, load_ruleset
from .runner import check_texts
from .yamlio import RuleError


def example_holds(rule, example, ruleset: RuleSet) -> tuple[bool, Report]:
    """Run one rule example; True when the rule fires on a 'conflict' case and stays silent on an 'ok' one."""
    texts = []
    for i, (text, published) in enumerate(example.articles):
        day = date.fromisoformat(published) if published else None
        texts.append((f"example-{i + 1}.txt", text, day))
    report = check_texts(texts, ruleset)
    fired = any(f.code == rule.code and f.verdict == rule.verdict for f in report.findings + report.agreements)
    return fired == (example.expect == "conflict"), report


def validate_rules(folder: Path) -> int:
    """Validate a rule folder: every file parses and every example holds. Returns the rule count."""
    ruleset = load_ruleset([default_rules_dir(), folder] if Path(folder).resolve() != default_rules_dir().resolve()
                           else [folder])
    own = load_rules([folder])
    for rule in own:
        for example in rule.examples:
            ok, _ = example_holds(rule, example, ruleset)
            if not ok:
                raise RuleError(rule.path, example.line,
                                f"example ({example.expect}) does not hold: the rule "
                                f"{'did not fire' if example.expect == 'conflict' else 'fired'}")
    return len(own)


def explain_rule(rule) -> str:
    """A rule's explanation and examples as plain text (for `factcheck rule CODE`)."""
    lines = [f"{rule.code} {rule.name}", f"kind: {rule.kind}   verdict: {rule.verdict}   severity: {rule.severity}",
             f"file: {rule.path}", "", rule.explanation, "", f"message: {rule.message}"]
    if rule.params:
        lines += ["", "parameters:"] + [f"  {k}: {v}" for k, v in sorted(rule.params.items())]
    for expect in ("conflict", "ok"):
        lines += ["", f"{'flags' if expect == 'conflict' else 'does not flag'}:"]
        for ex in rule.examples:
            if ex.expect != expect:
                continue
            for text, published in ex.articles:
                lines.append(f"  [{published or 'no date'}] {text.strip()}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"

