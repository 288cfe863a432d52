"""Checks on figures: percentages, money, counts, ordinals, durations."""
from __future__ import annotations

import re

from ..align import context_score, shared_evidence
from ..claims.slots import PART
from ..knowledge import Knowledge, stem
from ..languages import shared_terms
from ..types import DAYS_PER_UNIT, Claim, Fact
from ..values import amount, cut_to_step, precision_of, quarter_number, same_amount
from .base import (
    CheckContext,
    Verdict,
    agreement,
    majority_and_outliers,
    sources_of,
    states_the_other,
    told_by_another,
    worst,
)

_BOUND = ("upper", "lower", "range")


_PART = re.compile(r"\b(?:including|among them|among whom)\s+(\w+)|\b(\w+)\s+of\s+(?:them|whom)\b", re.IGNORECASE)


def _named_part(whole: Claim, part: Claim, ctx: CheckContext) -> bool:
    """True when the sentence of a total names the other figure as a part of it ('at least 19
    killed, including three in Jamaica' against 'three people died in Jamaica')."""
    if whole.type != "count":
        return False
    for m in _PART.finditer(whole.sentence):
        word = (m.group(1) or m.group(2)).lower().replace(",", "")
        value = int(word) if word.isdigit() else ctx.kn.number_words.get(word)
        if value == part.value:
            return True
    return False


def _violates(bound: Claim, point: Claim, kn: Knowledge | None = None) -> bool:
    """True when a figure lies outside a bound ('more than 200' and 180) or a range ('12-13%'
    and 11.6%), or is said to be on the other side of the bound's own value ('almost 50'
    against 'more than 50')."""
    hedge = bound.qualifiers.hedge
    if kn is not None and amount(point) == amount(bound) and point.qualifiers.hedge == "approx":
        said = point.text.lower()
        side = kn.approx_below if hedge == "lower" else kn.approx_above if hedge == "upper" else ()
        if any(said.startswith(w + " ") for w in side):
            return True
    if hedge == "upper":
        return amount(point) > amount(bound)
    if hedge == "range":
        return not range_low_amount(bound) <= amount(point) <= amount(bound)
    return amount(point) < amount(bound)


def range_low_amount(claim: Claim) -> float:
    """The low end of a range claim ('12-13%': 12%), in the units of ``amount``."""
    return amount(claim) * float(claim.qualifiers.low) / float(claim.value) if claim.value else 0.0


def _fmt(claim: Claim) -> str:
    if claim.type == "money":
        return f"{claim.display} ({claim.unit})"
    if claim.type == "duration":
        return f"{claim.value:g} {claim.unit}" + ("" if claim.value == 1 else "s")
    if claim.type == "measure":
        return f"{claim.display} ({claim.value:g} {claim.unit})"
    return claim.display or f"{claim.value:g}"


def _directions_differ(a: Claim, b: Claim) -> bool:
    da, db = a.qualifiers.direction, b.qualifiers.direction
    return bool(da and db and da != db)


def _pair(a: Claim, b: Claim, ctx: CheckContext) -> Verdict:
    """The verdict on two figures of one fact that state different amounts.

    A basis stated by one source only is not a difference of basis: the other source may
    simply not say it (the value then decides)."""
    kind = a.type
    if kind == "percent":
        da, db = a.qualifiers.direction, b.qualifiers.direction
        if da and db and da != db:
            return Verdict("percent.direction", "contradiction", [a, b],
                           f"one source reports a {da} ({_fmt(a)}), another a {db} ({_fmt(b)})")
        ba, bb = a.qualifiers.basis, b.qualifiers.basis
        if ba and bb and ba != bb:
            return Verdict("percent.basis", "basis_mismatch", [a, b],
                           f"{_fmt(a)} and {_fmt(b)} are measured against different bases ({ba} vs {bb}), so both can be true")
    return Verdict(f"{kind}.value", "contradiction", [a, b], f"{_fmt(a)} against {_fmt(b)} for the same fact")


ROUNDING_KINDS = ("percent", "money", "count", "measure", "duration")


def weak_evidence(a: Claim, b: Claim, ctx: CheckContext) -> str:
    """Why two differing figures of one group may still be about two facts, or '' when nothing
    says so. Such a pair is reported apart ('possibly the same fact'), never as a conflict:
    only one of them names its period ('8.1% in April' and '6%') or what it is a figure of
    ('GAAP net income' and 'net income', 'automotive revenue' and 'revenue', when the other
    sentence does not say it at all); or it is a running count (the dead, the injured,
    people, passengers) in reports published on different days, or an ordinal (the fifth
    round, the sixth) in reports ``series_gap_days`` or more apart (a next-day report of a
    decision gives its own ordinal). Two expectations from sources named apart (an LSEG poll
    and a FactSet one) differ as forecasters do; 'the seventh straight cut' and 'the eighth cut' count
    two series; a market move (shares, an index) changes by the hour. A change that goes the other
    way and by another amount ('rose 17%' against 'fell 12%') is likely of another measure."""
    alike = a.unit == b.unit and a.measure == b.measure and float(a.value) != float(b.value)
    both = told_by_another(a, b, ctx) if alike else None
    if both:
        return f"{both} gives both figures side by side, as two figures of {a.measure}: likely two facts"
    agrees = states_the_other(a, b, ctx) if alike else None
    if agrees:
        other = b if agrees is a else a
        return (f"{agrees.article} also gives {other.text} as a figure of {a.measure}: its {agrees.text} is "
                "likely of something else")
    if a.type == "percent" and bool(a.qualifiers.basis) != bool(b.qualifiers.basis):
        told = a if a.qualifiers.basis else b
        lo, hi = sorted((abs(amount(a)), abs(amount(b))))
        if lo > 0 and hi / lo >= float(ctx.param("percent.value", "basis_gap_ratio")):
            return (f"only one source says its basis ({told.qualifiers.basis}), and the figures are "
                    f"{hi / lo:.0f} times apart: the other is likely of another basis (a month's change against a year's)")
    if bool(a.period) != bool(b.period) and _earlier_month(a if a.period else b, ctx):
        return f"only one source says which period ({a.period or b.period}, not the latest month)"
    ma, mb = _subject_words(a, ctx), _subject_words(b, ctx)
    if a.lang != b.lang:
        shared = shared_terms(ctx.kn)
        ma, mb = {m for m in ma if m in shared or m in mb}, {m for m in mb if m in shared or m in ma}
    only_a, only_b = ma - b.context - b.names, mb - a.context - a.names
    if a.type in ("money", "percent", "count") and ((only_a and not mb) or (only_b and not ma)):
        return f"only one source says what the figure is of ({', '.join(sorted(only_a or only_b))})"
    extra = only_a if only_a and mb and mb <= ma else only_b if only_b and ma and ma <= mb else set()
    if a.type == "money" and any(w == PART or "-" in w for w in extra):
        return (f"only one source names a part of it ({', '.join(sorted(extra))}): "
                "the other figure may be of the whole")
    if a.qualifiers.level == b.qualifiers.level == "projected" and _other_forecasters(a, b, ctx):
        return ("two expectations (forecasts, estimates, surveys) from sources named apart "
                f"({', '.join(sorted(_own_names(a, b, ctx)))} and {', '.join(sorted(_own_names(b, a, ctx)))}): "
                "forecasters and polls of analysts differ")
    if a.qualifiers.level == b.qualifiers.level == "projected" and _analysts_and_guidance(a, b, ctx):
        return "analysts' expectation against the company's own guidance: two expectations, not one figure"
    if a.type == "ordinal" and bool(a.mods & ctx.kn.in_a_row_words) != bool(b.mods & ctx.kn.in_a_row_words):
        return "a run in a row against a count of all times: two series"
    if a.type == "ordinal" and ("since" in a.mods) != ("since" in b.mods):
        return "a first in a while ('since …') against a place in a series: two series"
    for x, y in ((a, b), (b, a)):
        owners = sorted(m for m in x.mods & x.names if m not in ctx.common_names and m not in y.sentence.lower()
                        and not ctx.kn.place_of.get(m) and re.search(rf"(?i)\b{re.escape(m)}['’]s\b", x.sentence))
        if owners:
            return (f"only one source names whose figure it is ({', '.join(owners)}'s): the other may be "
                    "of another company or body")
    snapshot = next((w for c in (a, b) for w in _snapshots(c.sentence, ctx)), None)
    if snapshot:
        return (f"a figure of the moment ('{snapshot}'): a tally or a reading still changing, which other "
                "reports give at other hours")
    for x, y in ((a, b), (b, a)):
        way = x.qualifiers.came_by
        if way and not y.qualifiers.came_by and (amount(y) > amount(x) if way == "fall" else amount(y) < amount(x)):
            return (f"'{x.text}' is the level after a {way}; the other figure, "
                    f"{'higher' if way == 'fall' else 'lower'}, may be of before it")
    da, db = ctx.published.get(a.article), ctx.published.get(b.article)
    ongoing = next((w for c in (a, b) for w in sorted(c.context & ctx.kn.ongoing_words)), None)
    if ongoing and da != db:
        return (f"a state of the moment ('{ongoing}'), reported on different days "
                f"({da.isoformat() if da else 'undated'} and {db.isoformat() if db else 'undated'})")
    days_a, days_b = _weekdays_in(a.sentence, ctx), _weekdays_in(b.sentence, ctx)
    if days_a and days_b and not days_a & days_b:
        return (f"figures given as of other days ({', '.join(sorted(days_a))}; {', '.join(sorted(days_b))}): "
                "a restoration, a toll or a price moves as the hours go by")
    if a.type in ("percent", "money", "measure") and stem(a.measure or "") in ctx.kn.market_measures:
        return f"a market move ({a.measure}), which changes through a trading session: reports written at other hours differ"
    if a.qualifiers.level == "interim":
        return f"a lead in a count under way ({a.measure}): leads change as the count goes on"
    if a.qualifiers.side or b.qualifiers.side:
        return (f"a count of one side of a split: its sentence gives other counts of {a.measure} "
                f"(those for, those against), so another report's count may be of another side")
    running = set(ctx.kn.count_class.values()) | set(ctx.kn.count_toll.values()) | ctx.kn.count_subjects | \
        {stem(w) for w in ctx.kn.count_toll}
    damage = a.type in ("count", "measure") and bool((a.context | b.context) & ctx.kn.damage_words)
    if (a.type == "count" and a.measure in running) or a.type == "ordinal" or damage:
        da, db = ctx.published.get(a.article), ctx.published.get(b.article)
        gap = float(ctx.param("ordinal.value", "series_gap_days")) if a.type == "ordinal" else 1
        if da != db and (da is None or db is None or abs((da - db).days) >= gap):
            what = "a running number (a series goes on)" if a.type == "ordinal" else \
                "a running tally of damage" if damage and a.measure not in running else "a running count"
            return (f"{what}, reported on different days "
                    f"({da.isoformat() if da else 'undated'} and {db.isoformat() if db else 'undated'})")
    return thin_evidence(a, b, ctx)


def _told_series(fact: Fact, a: Claim, b: Claim) -> str:
    """Why two places of a series may both be right: each is told by two reports or more ('the
    first round of voting' in two, 'the second round' in two others): the story tells both."""
    if a.type != "ordinal":
        return ""
    told = {v: len({c.article for c in fact.claims if c.value == v}) for v in (a.value, b.value)}
    if min(told.values()) < 2:
        return ""
    return f"two places of a series ({a.value} and {b.value}), each told by several reports: the story may tell both"


def _analysts_and_guidance(a: Claim, b: Claim, ctx: CheckContext) -> bool:
    """One expectation is analysts' (a poll, a consensus), the other the company's guidance."""
    kn = ctx.kn

    def who(c: Claim) -> tuple[bool, bool]:
        words = c.context | {stem(w) for w in c.context}
        phrase = c.sentence.lower()
        analysts = bool(words & kn.analyst_words) or any(" " in w and w in phrase for w in kn.analyst_words)
        return analysts, bool(words & kn.guidance_words)
    (aa, ag), (ba, bg) = who(a), who(b)
    return (aa and not ag and bg and not ba) or (ag and not aa and ba and not bg)


def _own_names(a: Claim, b: Claim, ctx: CheckContext) -> frozenset[str]:
    return a.names - b.names - ctx.common_names


def _other_forecasters(a: Claim, b: Claim, ctx: CheckContext) -> bool:
    """Each sentence names someone the other does not (LSEG, FactSet), and none in common."""
    return bool(_own_names(a, b, ctx)) and bool(_own_names(b, a, ctx)) and not (a.names & b.names) - ctx.common_names


def thin_evidence(a: Claim, b: Claim, ctx: CheckContext) -> str:
    """Why two figures are only weakly the same fact, or '': their sentences share nothing
    specific (no modifier, period, person or name the story does not use everywhere), read
    alike less than ``ctx.firm_score``, and one of them is not its article's only figure of
    the measure. Real paragraphs give a dozen figures of one measure."""
    if (id(a) in ctx.alone and id(b) in ctx.alone) or shared_evidence(a, b, ctx.kn, ctx.common_names):
        return ""
    score = context_score(a, b, ctx.kn)
    if score >= ctx.firm_score:
        return ""
    return f"the two sentences share only the measure ({a.measure}), nothing specific (word match {score:.0f}/100)"


def _near(a: Claim, b: Claim, ctx: CheckContext) -> bool:
    """Equal, or one a rounding of the other."""
    return same_amount(a, b) or rounds_to(a, b, ctx) or rounds_to(b, a, ctx)


EARLIER_MONTHS_MAX = 9  # months back an unyeared month is read as earlier; one further back may be to come


def _earlier_month(claim: Claim, ctx: CheckContext) -> bool:
    """True when a figure's period is a month two to nine months before its article's, or the
    quarter before the last one ended: a figure of an earlier release than the story's own
    ('April's 8.1%' in a story on May data, 'in the first quarter' in one on the second's; a rate
    raised 'from 0.25% in January' in a story of October)."""
    published = ctx.published.get(claim.article)
    if published is None:
        return False
    quarter = quarter_number(claim.period)
    if quarter is not None:
        latest = (published.month - 1) // 3 or 4
        return quarter == (latest - 2) % 4 + 1
    if claim.period not in ctx.kn.months:
        return False
    month = ctx.kn.months.index(claim.period) + 1
    return 2 <= (published.month - month) % 12 <= EARLIER_MONTHS_MAX


def _subject_words(claim: Claim, ctx: CheckContext) -> set[str]:
    """The words that say what a figure is of, beyond its measure: not places (the story's
    country goes without saying), verbs, generic words or the name of a quarter
    ('fourth-quarter': its period, not what it is of)."""
    kn = ctx.kn
    places = [m for m in claim.mods if kn.place_of.get(m) == m]
    words = set(claim.sentence.split())
    return {m for m in claim.mods if m not in places
            and (m not in claim.names or m.upper() in words)
            and m not in kn.generic_modifiers and not any(m in p.split() for p in places)
            and m.partition("-")[2] not in kn.quarter_nouns}


def _tally_pattern(kn) -> re.Pattern:
    """A share of a count being made, in a sentence ('94.4% of the votes counted')."""
    def build() -> re.Pattern:
        nouns = "|".join(re.escape(w) for w in sorted(kn.tally_nouns, key=len, reverse=True)) or "(?!)"
        verbs = "|".join(re.escape(w) for w in sorted(kn.tally_verbs, key=len, reverse=True)) or "(?!)"
        return re.compile(rf"(\d{{1,3}}(?:\.\d{{1,2}})?) ?(?:%|percent|per cent) of (?:the |all )?(?:{nouns})"
                          rf" (?:(?:were|was|have|has|had|been) )*(?:{verbs})\b")
    return kn.derived("tally_pattern", build)


def _snapshots(sentence: str, ctx: CheckContext) -> list[str]:
    """The words that make a sentence's count one of the moment ('at the time of writing', 'as
    of 11pm')."""
    low = sentence.lower()
    found = [w for w in sorted(ctx.kn.snapshot_words) if w in low]
    found += [m.group(0) for m in _tally_pattern(ctx.kn).finditer(low) if float(m.group(1)) < 100]
    for w in sorted(ctx.kn.as_of_words):
        at = low.find(w + " ")
        if at >= 0 and low[at + len(w) + 1:at + len(w) + 2].isdigit():
            found.append(w)
    return found


def _weekdays_in(sentence: str, ctx: CheckContext) -> set[str]:
    """The days a sentence gives a figure as of ('restored 92% by 5 a.m. Tuesday', 'by late
    Monday'): a weekday within four words after a word of time limit."""
    words = [x.strip(".,;:()\"'").lower() for x in sentence.split()]
    found = set()
    for i, w in enumerate(words):
        if w in ctx.kn.weekdays and any(x in ctx.kn.deadline_words for x in words[max(0, i - 4):i]):
            found.add(w)
    return found


def rounds_to(coarse: Claim, fine: Claim, ctx: CheckContext) -> bool:
    """True when ``coarse`` is ``fine`` written with fewer digits (rounded half-up or truncated:
    41.55 as 41.6 or 41.5, 5,864.6 as 5,864), or an approximate word's figure near it ('nearly
    15%' for 14.8%). Two figures written to the same precision never round to each other."""
    if coarse.type not in ROUNDING_KINDS or _directions_differ(coarse, fine) or same_amount(coarse, fine):
        return False
    x, y = amount(coarse), amount(fine)
    step_c, step_f = _step(coarse), _step(fine)
    if step_c > step_f + 1e-12 and cut_to_step(x, y, step_c):
        return True
    if coarse.qualifiers.hedge == "approx" and fine.qualifiers.hedge != "approx":
        tolerance = float(ctx.param(f"{coarse.type}.rounding", "approx_tolerance"))
        return abs(x - y) <= tolerance * max(abs(x), abs(y))
    return False


def _step(claim: Claim) -> float:
    step = precision_of(claim)
    if claim.type == "duration":
        step *= DAYS_PER_UNIT.get(claim.unit, 1.0)
    return step


def _near_bound(bound: Claim, point: Claim, ctx: CheckContext) -> bool:
    """A bound the figure keeps and lies close to ('more than 18%' for 18.1%, 'over 200' for 212)."""
    if bound.type not in ROUNDING_KINDS or _violates(bound, point) or _directions_differ(bound, point):
        return False
    if bound.qualifiers.hedge == "range":
        return True
    tolerance = float(ctx.param(f"{bound.type}.rounding", "bound_tolerance"))
    x, y = amount(bound), amount(point)
    return abs(x - y) <= tolerance * max(abs(x), abs(y))


def judge(fact: Fact, ctx: CheckContext) -> list[Verdict]:
    """Verdicts on a group of figures from two or more sources.

    A figure that is only a rounded or approximate form of a more precise one in the group
    stands for it: it is listed with it as rounding, and never contradicts what the precise
    figure contradicts. The precise figures are compared with each other and with the bounds.
    """
    if len(sources_of(fact.claims)) < 2:
        return []
    points = [c for c in fact.claims if c.qualifiers.hedge not in _BOUND]
    bounds = [c for c in fact.claims if c.qualifiers.hedge in _BOUND]
    rounded = {id(c): [f for f in points if f is not c and rounds_to(c, f, ctx)] for c in points}
    precise = [c for c in points if not rounded[id(c)]]
    verdicts: list[Verdict] = []
    for i, a in enumerate(precise):
        for b in precise[i + 1:]:
            if a.article == b.article or _named_part(a, b, ctx) or _named_part(b, a, ctx):
                continue
            if not same_amount(a, b) or _directions_differ(a, b):
                verdicts.append(_pair(a, b, ctx))
                verdicts[-1].weak = weak_evidence(a, b, ctx) or _told_series(fact, a, b)
    for b in bounds:
        sided = [p for p in points if _violates(b, p, ctx.kn) and not _violates(b, p)]  # 'almost 50'
        outside = [p for p in points if (p in precise and _violates(b, p) or p in sided)
                   and not _named_part(b, p, ctx) and p.article != b.article]
        if outside:
            firm = [p for p in outside if not weak_evidence(b, p, ctx)]
            shown = firm or outside
            said = (f"'{shown[0].text}' is on the other side of the bound '{b.text}'" if shown[0] in sided
                    else f"{_fmt(shown[0])} lies outside the bound '{b.text}'")
            verdicts.append(Verdict(f"{b.type}.value", "contradiction", [b] + shown, said,
                                    weak="" if firm else weak_evidence(b, outside[0], ctx)))
    out = []
    for v in verdicts:
        if v.check == "percent.direction" and not v.weak and not _near(v.claims[0], v.claims[1], ctx):
            v.weak = "the figures differ as well as their direction: likely two measures"
    if verdicts:
        strong = [v for v in verdicts if not v.weak]
        chosen = strong or verdicts
        top = worst(chosen)
        involved = {id(c) for v in chosen if v.verdict == top.verdict for c in v.claims}
        weakly = {id(c) for v in verdicts if v.verdict == top.verdict for c in v.claims} - involved
        firm = [c for c in fact.claims if id(c) in involved]
        involved |= {i for i in weakly for c in fact.claims if id(c) == i
                     and any(same_amount(c, f) and c.qualifiers.basis == f.qualifiers.basis for f in firm)}
        involved |= {id(c) for c in points if any(id(f) in involved for f in rounded[id(c)])}
        evidence = [c for c in fact.claims if id(c) in involved]
        stands_for = {id(c): next(f for f in rounded.get(id(c), []) if id(f) in involved)
                      for c in evidence if any(id(f) in involved for f in rounded.get(id(c), []))}
        out.append(_with_majority(Verdict(top.check, top.verdict, evidence, top.detail,
                                          weak="" if strong else top.weak), stands_for))
    out += _rounding_verdicts(fact, points, bounds, rounded, ctx)
    if not out:
        if len(sources_of(points)) < 2:
            return []
        return [agreement(f"{fact.type}.value", Fact(fact.type, fact.label, points),
                          f"{len(sources_of(points))} sources agree on {_fmt(points[0])}")]
    return out


def _rounding_verdicts(fact: Fact, points: list[Claim], bounds: list[Claim], rounded: dict,
                       ctx: CheckContext) -> list[Verdict]:
    """One rounding verdict per precise value that others round or approach, with them all."""
    if fact.type not in ROUNDING_KINDS:
        return []
    by_fine: dict[tuple, list[Claim]] = {}
    fine_of: dict[tuple, Claim] = {}
    for c in points:
        for f in rounded[id(c)]:
            if not rounded[id(f)]:
                key = (f.value, f.unit)
                if c not in by_fine.setdefault(key, []):
                    by_fine[key].append(c)
                fine_of.setdefault(key, f)
    for b in bounds:
        for f in points:
            if not rounded[id(f)] and _near_bound(b, f, ctx) and not _violates(b, f, ctx.kn):
                key = (f.value, f.unit)
                if b not in by_fine.setdefault(key, []):
                    by_fine[key].append(b)
                fine_of.setdefault(key, f)
    out = []
    for key, coarse in by_fine.items():
        fine = fine_of[key]
        members = {id(c): c for c in coarse}
        members.update({id(p): p for p in points if not rounded[id(p)] and same_amount(p, fine)})
        claims = [c for c in fact.claims if id(c) in members]
        if len(sources_of(claims)) < 2:
            continue
        shown = sorted({_fmt(c) for c in coarse})
        out.append(Verdict(f"{fact.type}.rounding", "rounding", claims,
                           f"{', '.join(shown)} and {_fmt(fine)} differ only by rounding or an approximate figure"))
    return out


def _with_majority(v: Verdict, stands_for: dict | None = None) -> Verdict:
    """Majority and outliers by value, a rounded figure counting for the precise one it rounds."""
    stands_for = stands_for or {}
    shown: dict[tuple, str] = {}
    for c in v.claims:
        c = stands_for.get(id(c), c)
        shown.setdefault((c.value, c.unit), _fmt(c))

    def key(c):
        c = stands_for.get(id(c), c)
        return shown[(c.value, c.unit)]

    v.majority, v.outliers = majority_and_outliers(v.claims, key)
    return v
