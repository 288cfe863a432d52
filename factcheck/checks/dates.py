"""Checks on dates: do the days that sources give for one event overlap?"""
from __future__ import annotations

from datetime import date, timedelta

from ..types import Claim, Fact
from .base import CheckContext, Verdict, agreement, majority_and_outliers, sources_of


def _overlap(a: Claim, b: Claim) -> bool:
    return a.value[0] <= b.value[1] and b.value[0] <= a.value[1]


def _shown(c: Claim) -> str:
    return c.resolved or c.display


def judge(fact: Fact, ctx: CheckContext) -> list[Verdict]:
    """Contradiction when two sources date one event on days that cannot both hold."""
    claims = [c for c in fact.claims if c.value]
    if len(sources_of(claims)) < 2:
        return []
    clashes = [(a, b) for i, a in enumerate(claims) for b in claims[i + 1:]
               if a.article != b.article and not _overlap(a, b)]
    misnamed = _misnamed_days(claims, ctx.kn.weekdays)
    if misnamed and not clashes:
        return [misnamed]
    if not clashes:
        return [agreement("date.value", fact, f"{len(sources_of(claims))} sources agree on {_shown(claims[0])}")]
    firm = [pair for pair in clashes if not _weak(*pair, ctx)]
    weak = "" if firm else _weak(*clashes[0], ctx)
    clashes = firm or clashes
    involved = {id(c) for pair in clashes for c in pair}
    evidence = [c for c in claims if id(c) in involved]
    a, b = clashes[0]
    majority, outliers = majority_and_outliers(evidence, lambda c: c.value[0] if c.value[0] == c.value[1]
                                               else f"{c.value[0]}/{c.value[1]}")
    return [Verdict("date.value", "contradiction", evidence,
                    f"{a.article} dates it {_shown(a)}, {b.article} {_shown(b)}", majority, outliers, weak)]


def _misnamed_days(claims: list[Claim], weekdays: list[str]) -> Verdict | None:
    """A date one source names with the wrong weekday ('Wednesday, February 14' in a year when
    February 14 is a Friday), where other sources give the same date."""
    for c in claims:
        if not c.qualifiers.misnamed_day:
            continue
        others = [o for o in claims if o.article != c.article and o.value == c.value and not o.qualifiers.misnamed_day]
        if others:
            actual = weekdays[date.fromisoformat(c.value[0]).weekday()].capitalize()
            return Verdict("date.value", "contradiction", [c, *others],
                           f"{c.article} calls {c.value[0]} a {c.qualifiers.misnamed_day.capitalize()}; it is a "
                           f"{actual}", c.value[0], [c.article])
    return None


def _weak(a: Claim, b: Claim, ctx: CheckContext) -> str:
    """Why two days may both be right, or '': the day of a statement or a release is often the
    day it was reported, not of the fact; an event that recurs (a briefing, a toll that moves)
    happens on several days; a day after the other report was published is of a later event."""
    if a.event in ctx.kn.hearsay_events:
        return f"the day of a {a.event}, which outlets often give as the day they reported it"
    if a.event in ctx.kn.recurring_events:
        return f"a story told over several days has several of them (a {a.event} each day)"
    for x, y in ((a, b), (b, a)):
        if _after_the_other_was_written(x, y, ctx):
            return (f"{x.article} dates it {_shown(x)}, after {y.article} was published with the event "
                    f"past: a later event of the same kind (an aftershock, a second attack), or a slip")
        if _next_day_weekday(x, y, ctx):
            return (f"{x.article} was published the day before a {x.text}: across time zones its "
                    f"{x.text} may be the next day, a week after the one read")
    return ""


def _after_the_other_was_written(x: Claim, y: Claim, ctx: CheckContext) -> bool:
    """True when ``x`` dates the event after ``y``'s article came out, two days or more after
    ``y``'s day, and ``y`` tells it as past (its day not after its own publication): ``y`` could
    not have written of ``x``'s event. One day apart is the usual slip of a next-day report that
    gives its own day ('on Tuesday' for Monday's release), and stays a contradiction."""
    published = ctx.published.get(y.article)
    if published is None or not x.value or not y.value or x.qualifiers.future or y.qualifiers.future:
        return False
    first, last = date.fromisoformat(x.value[0]), date.fromisoformat(y.value[1])
    return first > published and last <= published and (first - last).days >= 2


def _next_day_weekday(x: Claim, y: Claim, ctx: CheckContext) -> bool:
    """True when ``x`` is a weekday read six days before its article's date, which is the day
    after publication on another clock (an event of Wednesday in Asia reported on Tuesday in
    America), and ``y`` is that next day."""
    published = ctx.published.get(x.article)
    if x.qualifiers.form != "weekday" or published is None or not x.value or not y.value:
        return False
    read = date.fromisoformat(x.value[0])
    return (published - read).days == 6 and y.value[0] <= (read + timedelta(days=7)).isoformat() <= y.value[1]
