"""Checks: one module per kind of fact; each turns a group of claims into verdicts."""
from __future__ import annotations

from ..types import Fact
from . import dates, numbers, times, titles
from .base import CheckContext, Verdict

JUDGES = {"title": titles.judge, "date": dates.judge, "time": times.judge, "percent": numbers.judge, "money": numbers.judge,
          "count": numbers.judge, "ordinal": numbers.judge, "duration": numbers.judge,
          "measure": numbers.judge}

CHECK_IDS = (
    "title.former_vs_sitting", "title.different_office", "title.former_per_record", "title.office_per_record",
    "name.misspelled_holder", "name.spelling_differs",
    "percent.value", "percent.basis", "percent.rounding", "percent.direction",
    "money.value", "money.rounding", "date.value",
    "count.value", "ordinal.value", "duration.value", "measure.value",
    "count.rounding", "measure.rounding", "duration.rounding", "time.value", "time.rounding",
)


def judge_facts(facts: list[Fact], ctx: CheckContext) -> list[tuple[Fact, Verdict]]:
    """Every verdict on every fact, in fact order."""
    out = []
    for fact in facts:
        for verdict in JUDGES[fact.type](fact, ctx):
            out.append((fact, verdict))
    return out


__all__ = ["CHECK_IDS", "CheckContext", "Verdict", "judge_facts"]
