"""Align: grouping the claims of a block into facts (complete-link clustering, titles by
person, large blocks collapsed into units) and the facts of a run."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..knowledge import Knowledge
from ..names import (
    name_tokens,
    near_spelling,
    same_person,
    spelling_variant,
)
from ..stories import Stories, everyone_related
from ..types import NUMBER_TYPES, Claim, Fact
from ..values import coarse_and_fine
from .blocks import _candidate_pairs, blocks_of
from .compatibility import _across_languages, _bound, _compatible, _outside, _rounded, _slot_text, features
from .labels import label_of
from .params import AlignParams


def _title_groups(claims: list[Claim], kn: Knowledge, stories: Stories) -> list[list[int]]:
    """Title claims grouped by person: same name, a part of it, or a near spelling.

    A near spelling of an unknown person links two names only when both hold one office and
    some article of each tells the same story.
    """
    names = sorted({c.qualifiers.person for c in claims})
    holders = {h.person for h in kn.holders}
    parent = {n: n for n in names}

    def find(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    offices: dict[str, set] = defaultdict(set)
    sources: dict[str, set] = defaultdict(set)
    for c in claims:
        offices[c.qualifiers.person].add((c.qualifiers.role, c.qualifiers.portfolio))
        sources[c.qualifiers.person].add(c.article)
    index: dict[str, list[str]] = defaultdict(list)
    for name in names:
        tokens = name_tokens(name)
        for t in tokens:
            index["t:" + t].append(name)
        index[f"i:{len(tokens)}:{tokens[0]}:{tokens[-1][:1]}"].append(name)
        if len(tokens) == 1:
            index["1:" + tokens[0][:1]].append(name)
    pairs = {(x, y) if x < y else (y, x) for key, bucket in index.items()
             if len(bucket) <= 200 or not key.startswith("t:")
             for i, x in enumerate(bucket) for y in bucket[i + 1:] if x != y}
    for x, y in sorted(pairs):
        linked = same_person(x, y)
        if not linked and (spelling_variant(x, y) or near_spelling(x, y)) and not (x in holders and y in holders):
            # a slip in the surname of a person of one first name and one role is one person,
            # whichever body each report gives ('Kansas City Fed President Jeffrey Schmid' and
            # 'St. Louis Fed President Jeffrey Schmidt'): the body is checked as a title
            slip = spelling_variant(x, y) and _same_first_name(x, y)
            linked = (_offices_meet(offices[x], offices[y], kn.loose_roles)
                      or (slip and _roles_meet(offices[x], offices[y]))) and any(
                stories.related(a, b) for a in sorted(sources[x]) for b in sorted(sources[y]))
        if linked:
            parent[find(y)] = find(x)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        groups[find(c.qualifiers.person)].append(i)
    return [g for _, g in sorted(groups.items())]


def _same_first_name(a: str, b: str) -> bool:
    """True when two names of two words or more begin with the same first name."""
    ta, tb = name_tokens(a), name_tokens(b)
    return len(ta) >= 2 and len(tb) >= 2 and ta[0] == tb[0]


def _roles_meet(a: set, b: set) -> bool:
    """True when two people are given one role, whatever body each is of."""
    return bool({r for r, _ in a if r} & {r for r, _ in b if r})


def _offices_meet(a: set, b: set, loose: frozenset[str] | set[str] = frozenset()) -> bool:
    """True when two people are given one office: the same role (or two loose ones, 'head' and
    'leader' of a party), and no two different bodies (a name mentioned without a title meets
    any office)."""
    return any(not ra or not rb or ((ra == rb or (ra in loose and rb in loose)) and (pa is None or pb is None or pa == pb))
               for ra, pa in a for rb, pb in b)


@dataclass(frozen=True)
class _Unit:
    """What complete-link clustering groups: one claim, or (in a large block) the claims that
    say the same thing in the same words, led by the first of them."""

    claim: Claim
    members: tuple[int, ...]
    articles: frozenset[str]
    sole: bool


def _sole_pairs(units: list[_Unit], kn: Knowledge, params: AlignParams) -> set[tuple[int, int]]:
    """Pairs of figures that are each the only one of their article in the block ('the third
    round' and 'the fourth round' of two reports): within one story they are taken for the same
    fact however differently the sentences around them are worded, unless something they say
    sets them apart (a place, a modifier, a person, a period). Only for small blocks; not for
    titles, dates of weak events ('said on Monday') or dates in the future; a rise and a fall
    are not paired so."""
    if not units:
        return set()
    first = units[0].claim
    if first.type == "title" or (first.type == "date" and first.event in kn.unpaired_events):
        return set()
    sole = [i for i, u in enumerate(units) if u.sole and not u.claim.qualifiers.future]
    if sum(len(units[i].members) for i in sole) > params.max_sole:
        return set()
    direction = [u.claim.qualifiers.direction for u in units]
    return {(i, j) for x, i in enumerate(sole) for j in sole[x + 1:]
            if not (direction[i] and direction[j] and direction[i] != direction[j])}


def _merge_order(a: Claim, b: Claim, score: float, params: AlignParams) -> tuple[bool, float]:
    """Which pairs merge first: pairs without a ceiling before pairs with one ('as high as 50%'
    agrees with every smaller figure and says little about which fact it is; 'at least 64' is
    usually the figure itself, but 'crossed $50 billion' beside $51.24 billion is a milestone
    passed, so a floor merges late too unless the values are equal); then by score, equal values a little ahead when scores are close,
    and so are values one of which is the other rounded ('$33.01 billion', '$33 billion')."""
    bound = a.qualifiers.hedge == "upper" or b.qualifiers.hedge == "upper" or (
        a.value != b.value and (a.qualifiers.hedge == "lower" or b.qualifiers.hedge == "lower"))
    near = a.value == b.value or _within_rounding(a, b)
    return bound, -(score + (params.equal_value_bonus if near else 0.0))


def _within_rounding(a: Claim, b: Claim) -> bool:
    """True when the coarser of two figures is the finer one rounded half up or cut to its last
    written digit ('$33 billion' of '$33.01 billion'; not '4%' of '3.7%')."""
    if a.type not in NUMBER_TYPES or a.unit != b.unit:
        return False
    pair = coarse_and_fine(a, b)
    if pair is None:
        return False
    x, y, step = pair
    cut, half_up = math.floor(y / step + 1e-9) * step, math.floor(y / step + 0.5 + 1e-9) * step
    return any(abs(x - r) <= step * 1e-6 for r in (cut, half_up))


def sole_in_article(block: list[Claim]) -> list[bool]:
    """Whether each claim is its article's only one in the block; for a change, its only one
    in that direction ('imports fell 30.2% after surging 38%': the only fall); for a level, its
    only level ('turnout was just under 46%, an increase of 2%': the only turnout)."""
    per_article = Counter(c.article for c in block if not c.qualifiers.direction)
    per_direction = Counter((c.article, c.qualifiers.direction) for c in block if c.qualifiers.direction)
    return [per_direction[(c.article, c.qualifiers.direction)] == 1 if c.qualifiers.direction
            else per_article[c.article] == 1 for c in block]


def _single_units(block: list[Claim]) -> list[_Unit]:
    sole = sole_in_article(block)
    return [_Unit(c, (i,), frozenset((c.article,)), sole[i]) for i, c in enumerate(block)]


def signature(claim: Claim) -> tuple:
    """Everything grouping reads of a claim but its article: two claims with one signature say
    the same figure in the same slot words, and group alike."""
    return (claim.type, claim.topic, claim.unit, claim.mods, claim.context, claim.period, claim.persons,
            claim.names, claim.action, repr(sorted(claim.qualifiers.items())), repr(claim.value), claim.lang)


def collapse(block: list[Claim], kn: Knowledge, params: AlignParams, stories: Stories) -> list[_Unit]:
    """The claims of a block collapsed into units: claims of one signature (and equally the only
    claim of their article in the block, or not) whose articles tell the led story, each unit led
    by its first claim. Claims that would not be one fact with a copy of themselves (timestamps)
    stay apart. Linear in the block for one story; units come in the order of their leaders."""
    sole = sole_in_article(block)
    classes: dict[tuple, list[list[int]]] = {}
    alone: list[int] = []
    for i, c in enumerate(block):
        key = (signature(c), sole[i])
        subs = classes.get(key)
        if subs is None:
            f = features(c, kn)
            subs = classes[key] = []
            if not _compatible(f, f, 100.0, kn, params, stories=stories):
                alone.append(i)
                continue
        elif not subs:
            alone.append(i)
            continue
        for sub in subs:
            if stories.related(block[sub[0]].article, c.article):
                sub.append(i)
                break
        else:
            subs.append([i])
    units = [_Unit(block[m[0]], tuple(m), frozenset(block[i].article for i in m), sole)
             for (_, sole), subs in classes.items() for m in subs if m]
    units += [_Unit(block[i], (i,), frozenset((block[i].article,)), sole[i]) for i in alone]
    return sorted(units, key=lambda u: u.members[0])


def _cluster(block: list[Claim], kn: Knowledge, params: AlignParams, stories: Stories) -> list[list[int]]:
    """Complete-link clustering: two groups merge only if every cross pair is compatible.

    Pairs that are compatible on their own words merge before pairs that are taken together
    only for being each the only figure of its article in the block, so that a new article
    with a single figure cannot take a figure away from the fact it was part of.

    Claims of articles that tell different stories are never compatible.

    A block of more than ``params.large_block`` claims is first collapsed (see ``collapse``):
    the units are clustered as claims are, then expanded back, so that the cost grows with the
    claims that are worded differently, not with the sources that repeat them.
    """
    units = collapse(block, kn, params, stories) if len(block) > params.large_block else _single_units(block)
    groups = _cluster_units(units, kn, params, stories)
    if len(units) == len(block):
        return groups
    return [sorted(i for u in g for i in units[u].members) for g in groups]


RESTATED_GAP = 3  # characters between a measure and its conversion in brackets ('100mph (155km/h)')


def restated(a: Claim, b: Claim) -> bool:
    """True when one measure is the other converted, in brackets right after it in one article
    ('100mph (155km/h)'): one figure written twice, which a wrong conversion may contradict."""
    first, second = (a, b) if a.start < b.start else (b, a)
    return a.type == b.type == "measure" and a.article == b.article \
        and a.qualifiers.written_unit != b.qualifiers.written_unit and 0 <= second.start - first.end <= RESTATED_GAP


def _cluster_units(units: list[_Unit], kn: Knowledge, params: AlignParams, stories: Stories) -> list[list[int]]:
    ok: set[tuple[int, int]] = set()
    edges = []
    claims = [u.claim for u in units]
    feats = [features(c, kn) for c in claims]
    scored = _candidate_pairs(claims, params, kn)
    sole = _sole_pairs(units, kn, params)
    for pair in sole:
        if pair not in scored:
            scored[pair] = fuzz.token_sort_ratio(_slot_text(claims[pair[0]]), _slot_text(claims[pair[1]]))
    if len({c.lang for c in claims}) > 1:
        for i, a in enumerate(claims):
            if a.lang != "en":
                for j, b in enumerate(claims):
                    if b.lang != a.lang:
                        scored.setdefault((i, j) if i < j else (j, i), 0.0)
    for (i, j), score in sorted(scored.items()):
        a, b = claims[i], claims[j]
        shared = not units[i].articles.isdisjoint(units[j].articles)
        if shared and a.value != b.value and not (
                _bound(a) and not _outside(a, b) or _bound(b) and not _outside(b, a)) and not _rounded(a, b, kn) \
                and not restated(a, b):
            continue
        if not stories.related(a.article, b.article):
            continue
        fi, fj = feats[i], feats[j]
        if a.lang != b.lang:
            fi, fj, score = _across_languages(fi, fj, kn, stories)
        regular = _compatible(fi, fj, float(score), kn, params, stories=stories)
        if regular or ((i, j) in sole and _compatible(fi, fj, 100.0, kn, params, sole=True,
                                                      stories=stories)):
            ok.add((i, j))
            if not (shared and len(units[i].articles) == 1 and units[i].articles == units[j].articles):
                bound, rank = _merge_order(a, b, float(score), params)
                edges.append((bound, not regular, rank, i, j))
    edges.sort()
    member = list(range(len(units)))
    groups = {i: [i] for i in range(len(units))}
    apart: set[tuple[int, int]] = set()
    for *_, i, j in edges:
        gi, gj = member[i], member[j]
        if gi == gj or (gi, gj) in apart:
            continue
        if not all(((x, y) if x < y else (y, x)) in ok for x in groups[gi] for y in groups[gj]):
            apart.add((gi, gj))
            apart.add((gj, gi))
        else:
            groups[gi].extend(groups[gj])
            for x in groups.pop(gj):
                member[x] = gi
    return [sorted(g) for g in groups.values()]


def group_block(key: tuple, block: list[Claim], kn: Knowledge, params: AlignParams | None = None,
                stories: Stories | None = None) -> list[list[int]]:
    """How the claims of one block group into facts, as lists of positions in the block.

    ``stories`` says which articles tell the same story; without it, all may.
    """
    params = params or AlignParams()
    stories = stories or everyone_related()
    return _title_groups(block, kn, stories) if key == ("title",) else _cluster(block, kn, params, stories)


def facts_of(block: list[Claim], groups: list[list[int]], kn: Knowledge | None = None) -> list[Fact]:
    """The facts of one block, from its groups."""
    out = []
    for g in groups:
        members = [block[i] for i in g]
        out.append(Fact(type=members[0].type, label=label_of(members, kn), claims=members))
    return out


def sort_facts(facts: list[Fact]) -> list[Fact]:
    """Facts in report order."""
    return sorted(facts, key=lambda f: (f.type, f.label, f.claims[0].key))


def align(claims: list[Claim], kn: Knowledge, params: AlignParams | None = None,
          stories: Stories | None = None) -> list[Fact]:
    """Group claims into facts; every fact with claims from at least two articles, or a title."""
    facts = []
    for key, block in blocks_of(claims):
        facts += facts_of(block, group_block(key, block, kn, params, stories), kn)
    return sort_facts(facts)
