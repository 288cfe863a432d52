"""What every check shares: the verdict record and majority/outlier counting."""
from __future__ import annotations

from collections import Counter
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date

from ..knowledge import Knowledge
from ..types import Claim, Fact
from . import registry

SEVERITY_OF_VERDICT = {"contradiction": 3, "possible_misspelling": 2, "basis_mismatch": 2, "rounding": 1,
                       "agreement": 0}


@dataclass
class Verdict:
    """A check's judgement on a fact, before it is tied to a rule."""

    check: str
    verdict: str
    claims: list[Claim]
    detail: str
    majority: str | None = None
    outliers: list[str] = field(default_factory=list)
    weak: str = ""  # why the claims may not be one fact; a weak verdict is reported apart, not as a conflict
    records: list[dict] = field(default_factory=list)  # office-holder record entries (Holder.cited) that bear on it
    why: list[str] = field(default_factory=list)  # why its claims were taken as one fact (set for conflicts)
    rule: str = ""  # the code of the rule whose parameters gave it, when rules are in force


@dataclass(frozen=True)
class Profile:
    """One run of the checks: the parameters of each check, and the rule (by check) whose
    verdicts this run gives. Several rules of one check with other parameters make several runs."""

    params: dict[str, dict]
    codes: dict[str, str] | None = None  # None: every verdict is kept, tied to no rule


@dataclass
class CheckContext:
    """What checks may consult besides the fact: knowledge, dates, rule parameters."""

    kn: Knowledge
    published: dict[str, date | None]
    params: dict[str, dict]
    common_names: frozenset[str] = frozenset()
    firm_score: float = 55.0
    alone: frozenset[int] = frozenset()  # ids of claims that are their article's only one of their block
    # figures one sentence gives side by side, by (type, unit, measure, level): each sentence's amounts
    together: dict[tuple, tuple[tuple[str, frozenset[tuple[float, str | None]]], ...]] = field(default_factory=dict)
    # the amounts each article states as a measure's figure (not an old or expected one), with
    # their modifiers, by (type, unit, measure, article)
    stated: dict[tuple, frozenset[tuple[float, frozenset[str]]]] = field(default_factory=dict)
    profiles: tuple[Profile, ...] = ()  # the runs of the checks the rules in force ask for (default: one, on params)

    def param(self, check: str, name: str):
        """A rule parameter for a check, or its default (checks/registry.py)."""
        value = self.params.get(check, {}).get(name)
        return registry.default(check, name) if value is None else value


TOGETHER_TYPES = ("percent", "money", "count", "measure")


def told_together(claims: list[Claim]) -> dict[tuple, tuple[tuple[str, frozenset[tuple[float, str | None]]], ...]]:
    """For each kind of figure (type, unit, measure, level, unit as written), the amounts that one
    sentence of an article gives side by side ('$0.81, or $0.96 when excluding the impact'), each
    with its holder (claims.enumerations), with the article."""
    per_sentence: dict[tuple, set[tuple[float, str | None]]] = {}
    for c in claims:
        if c.type in TOGETHER_TYPES and c.measure:
            kind = (c.type, c.unit, c.measure, c.qualifiers.level, c.qualifiers.written_unit)
            per_sentence.setdefault((kind, c.article, c.sentence), set()).add((float(c.value), c.qualifiers.holder))
    out: dict[tuple, list[tuple[str, frozenset[tuple[float, str | None]]]]] = {}
    for (kind, article, _), values in sorted(per_sentence.items(), key=lambda kv: (repr(kv[0]))):
        if len({v for v, _ in values}) > 1:
            out.setdefault(kind, []).append((article, frozenset(values)))
    return {k: tuple(v) for k, v in out.items()}


STATED_TYPES = ("percent", "money")
STATED_LEVELS = (None, "total")


def stated_values(claims: list[Claim]) -> dict[tuple, frozenset[tuple[float, frozenset[str]]]]:
    """The amounts each article gives as figures of a measure, outcomes only (no previous or
    expected level), with their modifiers, by (type, unit, measure, article)."""
    out: dict[tuple, set[tuple[float, frozenset[str]]]] = {}
    for c in claims:
        if c.type in STATED_TYPES and c.measure and c.qualifiers.level in STATED_LEVELS:
            out.setdefault((c.type, c.unit, c.measure, c.article), set()).add((float(c.value), c.mods))
    return {k: frozenset(v) for k, v in out.items()}


def states_the_other(a: Claim, b: Claim, ctx: CheckContext) -> Claim | None:
    """Of two figures of a measure, the one whose article also states the other's amount as a
    figure of that measure ('total revenues of $22.5 billion ... automotive revenues of $16.7
    billion' against another report's $22.5 billion): that article agrees with the other one,
    and its differing figure is of something else."""
    if a.qualifiers.level not in STATED_LEVELS or b.qualifiers.level not in STATED_LEVELS:
        return None
    for x, y in ((a, b), (b, a)):
        for value, mods in ctx.stated.get((x.type, x.unit, x.measure, x.article), ()):
            if value == float(y.value) and not (mods and y.mods and not mods & y.mods):
                return x  # ('24% retaliatory tariff' does not state the '24% auto tariff')
    return None


def told_by_another(a: Claim, b: Claim, ctx: CheckContext) -> str | None:
    """An article that gives both figures of a pair side by side in one sentence, as two figures
    of the measure (one of theirs or another): then they are two facts, not one told two ways."""
    if b.qualifiers.level != a.qualifiers.level:
        return None
    if b.qualifiers.written_unit != a.qualifiers.written_unit:
        return None  # '90 mph (145 km/h)' restates a figure in another unit
    for article, values in ctx.together.get((a.type, a.unit, a.measure, a.qualifiers.level,
                                             a.qualifiers.written_unit), ()):
        holders_a = {h for v, h in values if v == float(a.value)}
        holders_b = {h for v, h in values if v == float(b.value)}
        # '15 in Compostela, 8 in Danao, 9 in Mandaue' gives no two figures of one place
        if any(x is None or y is None or x == y for x in holders_a for y in holders_b):
            return article
    return None


STANDS_FOR: ContextVar[dict[int, tuple[str, ...]] | None] = ContextVar("stands_for", default=None)
"""While a large fact is judged through representatives (checks.judge_facts): for each
representative claim, by id, the articles of all the claims it stands for."""


def _articles(c: Claim) -> tuple[str, ...]:
    many = STANDS_FOR.get()
    return many.get(id(c), (c.article,)) if many else (c.article,)


def sources_of(claims: list[Claim]) -> set[str]:
    """The articles some claims come from (with those of the claims they stand for)."""
    return {a for c in claims for a in _articles(c)}


def majority_and_outliers(claims: list[Claim], key) -> tuple[str | None, list[str]]:
    """The value most sources give (None on a tie) and the sources that give another."""
    per_source: dict[str, set] = {}
    for c in claims:
        value = key(c)
        for article in _articles(c):
            per_source.setdefault(article, set()).add(value)
    counts = Counter(v for values in per_source.values() for v in values)
    ranked = counts.most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None, []
    top = ranked[0][0]
    outliers = sorted(a for a, values in per_source.items() if top not in values)
    return str(top), outliers


def worst(verdicts: list[Verdict]) -> Verdict:
    """The most severe of several verdicts (stable on ties)."""
    return max(verdicts, key=lambda v: SEVERITY_OF_VERDICT.get(v.verdict, 0))


def agreement(check: str, fact: Fact, detail: str) -> Verdict:
    """An agreement verdict for a fact reported by two or more sources."""
    return Verdict(check, "agreement", list(fact.claims), detail)
