"""Checks: one module per kind of fact; each turns a group of claims into verdicts."""
from __future__ import annotations

from dataclasses import replace

from ..types import CLAIM_TYPES, NUMBER_TYPES, Claim, Fact
from . import dates, numbers, times, titles
from .base import STANDS_FOR, CheckContext, Profile, Verdict
from .registry import CHECK_IDS, CHECKS

JUDGES = {"title": titles.judge, "date": dates.judge, "time": times.judge, **{t: numbers.judge for t in NUMBER_TYPES}}
"""The judge of each claim type: it runs every check of that type on a fact."""
assert set(JUDGES) == set(CLAIM_TYPES), "every claim type needs a judge"

LARGE_FACT = 64


def judge_facts(facts: list[Fact], ctx: CheckContext) -> list[tuple[Fact, Verdict]]:
    """Every verdict on every fact, in fact order: one run of the checks per profile of the
    context (one unless several rules configure one check), each verdict tied to its rule."""
    out = []
    for fact in facts:
        for profile in ctx.profiles or (Profile(ctx.params),):
            run = ctx if profile.params is ctx.params else replace(ctx, params=profile.params)
            verdicts = judge_large(fact, run) if len(fact.claims) > LARGE_FACT else JUDGES[fact.type](fact, run)
            for verdict in verdicts:
                if profile.codes is None:
                    out.append((fact, verdict))
                elif verdict.check in profile.codes:
                    out.append((fact, replace(verdict, rule=profile.codes[verdict.check])))
    return out


def check_signature(claim: Claim, ctx: CheckContext) -> tuple:
    """Everything a check reads of a claim but which article it is: what the claim says, where in
    its sentence, the article's publication date, and whether it is its article's only claim of
    the block."""
    return (claim.type, repr(claim.value), claim.unit, claim.display, claim.text, claim.resolved, claim.topic,
            claim.mods, claim.action, claim.context, claim.period, claim.persons, claim.names, claim.sentence,
            repr(sorted(claim.qualifiers.items())), ctx.published.get(claim.article), id(claim) in ctx.alone)


def judge_large(fact: Fact, ctx: CheckContext) -> list[Verdict]:
    """The verdicts on a fact of many claims, judged through representatives.

    Claims of one check signature are alike to every check but for their article. Each class is
    judged through its first claim and, when the class spans several articles, the first of
    another article (so that two classes meet across articles exactly when some of their claims
    do); counts of sources, majorities and outliers take in every article of the class. Each
    verdict is then given back the claims its representatives stand for, and a verdict on one
    claim against the record (a title, a spelling) is repeated for each. The cost grows with the
    number of different claims, not with the number of sources that repeat them.
    """
    classes: dict[tuple, list[Claim]] = {}
    for c in fact.claims:
        classes.setdefault(check_signature(c, ctx), []).append(c)
    position = {id(c): n for n, c in enumerate(fact.claims)}
    chosen, members, articles = [], {}, {}
    for group in classes.values():
        spread = tuple(dict.fromkeys(c.article for c in group))
        picks = [group[0]]
        if len(spread) > 1:
            picks.append(next(c for c in group if c.article != group[0].article))
        for c in picks:
            chosen.append(c)
            members[id(c)] = group
            articles[id(c)] = spread
    chosen.sort(key=lambda c: position[id(c)])
    token = STANDS_FOR.set(articles)
    try:
        verdicts = JUDGES[fact.type](Fact(fact.type, fact.label, chosen), ctx)
    finally:
        STANDS_FOR.reset(token)
    out, seen = [], set()
    for v in verdicts:
        for expanded in _expand(v, members, position):
            key = (expanded.check, expanded.verdict, tuple(id(c) for c in expanded.claims), expanded.detail)
            if key not in seen:
                seen.add(key)
                out.append(expanded)
    return out


def _expand(v: Verdict, members: dict[int, list[Claim]], position: dict[int, int]) -> list[Verdict]:
    """A verdict on representatives as verdicts on the claims they stand for."""
    if len(v.claims) == 1 and v.outliers == [v.claims[0].article]:
        return [replace(v, claims=[c], outliers=[c.article]) for c in members[id(v.claims[0])]]
    claims = {id(c): c for r in v.claims for c in members[id(r)]}
    return [replace(v, claims=sorted(claims.values(), key=lambda c: position[id(c)]))]


__all__ = ["CHECKS", "CHECK_IDS", "CheckContext", "Profile", "Verdict", "judge_facts"]
