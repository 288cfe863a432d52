"""Align: group claims from different articles that speak of the same fact.

Claims are blocked by type and a normalised subject (measure head, event kind, person),
then compared inside each block on their slot words, never on their values: a 90-day
truce and a 90-minute call share a number, not a fact.
"""
from __future__ import annotations

import math
import struct
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz, process

from .claims.counts import VERB_MARK
from .knowledge import Knowledge, lemma
from .languages import shared_terms
from .names import (
    name_tokens,
    near_spelling,
    person_sets_match,
    same_person,
    spelling_variant,
)
from .stories import Stories, everyone_related
from .types import NUMBER_TYPES, Claim, Fact


@dataclass(frozen=True)
class AlignParams:
    """How alike two claims' slot words must be to count as one fact (rapidfuzz scores, 0-100)."""

    context_min: float = 50.0
    context_min_with_mods: float = 20.0
    context_min_with_places: float = 50.0
    date_context_min: float = 70.0
    date_context_min_with_names: float = 35.0
    date_context_min_one_sided: float = 50.0
    weak_events: tuple[str, ...] = ("statement", "release")
    participant_events: tuple[str, ...] = ("call", "meeting", "visit")
    sole_weak_events: tuple[str, ...] = ("release",)
    max_bucket: int = 200
    story_min: float = 0.1
    story_min_articles: int = 12
    equal_value_bonus: float = 5.0
    max_sole: int = 40
    max_date_gap: int = 14
    close_time_minutes: int = 15
    max_time_gap_minutes: int = 180
    max_ratio: tuple[tuple[str, float], ...] = (("money", 2.0), ("count", 2.5), ("duration", 3.5),
                                                ("measure", 3.5), ("percent", 4.0))
    ratio_floor: float = 3.0
    telling_digits: int = 4
    telling_gap: float = 0.002
    large_block: int = 64


_DEFAULTS = AlignParams()


def plausibly_one_day(a: Claim, b: Claim, params: AlignParams) -> bool:
    """False when two dates cannot be two reports of one event's day: one told as to come and
    the other as past, a timestamp ('2025-06-07', the form of page metadata, not of prose), or
    days more than ``max_date_gap`` apart (a decision of 2022 and one of 2025)."""
    if bool(a.qualifiers.get("future")) != bool(b.qualifiers.get("future")):
        return False
    if "iso" in (a.qualifiers.get("form"), b.qualifiers.get("form")):
        return False
    if not a.value or not b.value:
        return True
    lo = max(date.fromisoformat(a.value[0]), date.fromisoformat(b.value[0]))
    hi = min(date.fromisoformat(a.value[1]), date.fromisoformat(b.value[1]))
    return (lo - hi).days <= params.max_date_gap


def _minutes_apart(a: Claim, b: Claim, kn: Knowledge) -> int | None:
    """How far apart two times of day are (None when their zones cannot be compared). Two times
    of one kind of event minutes apart (``close_time_minutes``) are one event timed differently
    (two take-offs of one story); hours apart (``max_time_gap_minutes``), two events (the storm
    signal raised at 2.20pm, lowered at 8.20pm)."""
    from .checks.times import minutes_apart  # checks imports align: a cycle at import time
    return minutes_apart(a, b, kn)


def _rounded(a: Claim, b: Claim, kn: Knowledge) -> bool:
    """True when one figure is the other cut short ('27 years' in a headline, '27 years and three
    months' in the text): one article may give a fact both ways. Only a cut, not a rounding up:
    '3.7%, down from 4%' are two figures."""
    from .checks.numbers import precision_of  # checks imports align: a cycle at import time
    if a.type not in NUMBER_TYPES or a.unit != b.unit:
        return False
    coarse, fine = (a, b) if precision_of(a) > precision_of(b) else (b, a)
    step = precision_of(coarse)
    if step <= 0 or precision_of(fine) >= step:
        return False
    x, y = float(coarse.value), float(fine.value)
    return x >= 0 and 0 <= y - x < step - 1e-9


def _amount(claim: Claim) -> float:
    from .checks.numbers import amount  # checks.numbers imports align: a cycle at import time

    return abs(amount(claim))


def plausibly_one_value(a: Claim, b: Claim, params: AlignParams, kn: Knowledge | None = None) -> bool:
    """False when two figures are too far apart to be two reports of one fact ('$44.1 billion'
    and '$0.75' of an earnings story; a toll of 144 on day one and 3,400 a week later): at
    most ``max_ratio`` apart for their kind; percentages within ``ratio_floor`` points always
    are, and so are changes on two stated, different bases (6% on a quarter,
    56% on a year). A bound ('at least 144') the figure keeps always is; one it breaks is
    held to the same ratio ('at least 144' dead and three dead are two facts). A unit listed in
    the knowledge's ``unit_max_ratio`` has its own limit (a magnitude 6.0 and a 4.5 are two quakes)."""
    limit = dict(params.max_ratio).get(a.type)
    if kn is not None and a.type == "measure" and a.unit in kn.unit_max_ratio:
        limit = kn.unit_max_ratio[a.unit]
    if limit is None or a.type != b.type or (_bound(a) and _bound(b)):
        return True
    if (_bound(a) and not _outside(a, b)) or (_bound(b) and not _outside(b, a)):
        return True
    ba, bb = a.qualifiers.get("basis"), b.qualifiers.get("basis")
    if ba and bb and ba != bb:
        return True
    x, y = _amount(a), _amount(b)
    if a.type == "percent" and abs(x - y) <= params.ratio_floor:
        return True
    lo, hi = min(x, y), max(x, y)
    return hi <= limit * lo


def block_key(claim: Claim) -> tuple | None:
    """The block a claim is compared in, or None when it says too little to align."""
    if claim.type == "title":
        return ("title",)
    if claim.type in ("date", "time"):
        return (claim.type, claim.head) if claim.head and claim.value is not None else None
    if claim.type in NUMBER_TYPES and claim.head:
        unit = "time" if claim.type == "duration" else claim.unit if claim.type in ("percent", "money", "measure") else None
        return (claim.type, unit, claim.head)
    if claim.type == "money" and claim.mods:
        return ("money", claim.unit, "*")
    if claim.type in ("percent", "count") and claim.qualifiers.get("holder"):
        return (claim.type, claim.unit, "held")
    return None


def _places(terms: frozenset[str], kn: Knowledge) -> frozenset[str]:
    """The places among some terms (cached: the claims of one clause share their terms)."""
    cache = kn.derived("places_among", dict)
    found = cache.get(terms)
    if found is None:
        if len(cache) > 200000:
            cache.clear()
        found = cache[terms] = frozenset(t for t in terms if kn.place_of.get(t) == t)
    return found


def _slot_text(claim: Claim) -> str:
    return " ".join(sorted(claim.context))


@dataclass(frozen=True)
class _Features:
    """What compatibility looks at, computed once per claim rather than once per pair."""

    claim: Claim
    places: frozenset[str]
    other_mods: frozenset[str]
    context_places: frozenset[str]
    names: frozenset[str]
    terms: frozenset[str]


def features(claim: Claim, kn: Knowledge) -> _Features:
    """The compared parts of a claim: its places, other modifiers, names and contrast terms."""
    places = _places(claim.mods, kn)
    return _Features(claim, places, claim.mods - places, _places(claim.context, kn),
                     claim.names - _places(claim.names, kn), claim.mods | {claim.head or ""})


def _across_languages(fa: _Features, fb: _Features, kn: Knowledge,
                      stories: Stories | None) -> tuple[_Features, _Features, float]:
    """Two claims read in different languages, compared on what is language-free: their
    modifiers and clause words that are keys of the packs (measures, synonyms, places, bodies)
    or words both clauses use (names), and the names each article also uses. A word with no
    translation in the packs is neither evidence for nor against one fact."""
    shared = shared_terms(kn)
    a, b = fa.claim, fb.claim

    def kept(f: _Features, other: _Features) -> _Features:
        mods = frozenset(m for m in f.other_mods if m in shared or m in other.other_mods)
        names = f.names if stories is None else frozenset(
            n for n in f.names if n in other.names or stories.mentions(other.claim.article, {n}))
        return replace(f, other_mods=mods, names=names)

    return kept(fa, fb), kept(fb, fa), context_score(a, b, kn)


def _persons_ok(a: Claim, b: Claim) -> bool:
    if not a.persons or not b.persons:
        return True
    only_a = [x for x in a.persons if not any(same_person(x, y) or spelling_variant(x, y) for y in b.persons)]
    only_b = [y for y in b.persons if not any(same_person(y, x) or spelling_variant(y, x) for x in a.persons)]
    return not (only_a and only_b)


def compatible(a: Claim, b: Claim, score: float, kn: Knowledge, params: AlignParams) -> bool:
    """True when two claims of one block can be the same fact."""
    return _compatible(features(a, kn), features(b, kn), score, kn, params)


def _compatible(fa: _Features, fb: _Features, score: float, kn: Knowledge, params: AlignParams,
                sole: bool = False, stories: Stories | None = None) -> bool:
    a, b = fa.claim, fb.claim
    if fa.context_places and fb.context_places and not fa.context_places & fb.context_places:
        return False
    if a.qualifiers.get("written_unit") != b.qualifiers.get("written_unit") and not _shared_word(fa, fb, kn):
        return False
    if a.type in ("date", "time"):
        if a.type == "date" and not plausibly_one_day(a, b, params):
            return False
        if a.type == "time":
            gap = _minutes_apart(a, b, kn)
            if gap is not None and gap > params.max_time_gap_minutes:
                return False
            if a.head not in params.weak_events and gap is not None and gap <= params.close_time_minutes:
                return True
        if sole and a.head not in params.participant_events and a.persons and b.persons:
            return _names_agree(fa, fb) and _persons_overlap(a, b)
        return _dates_compatible(fa, fb, score, params, stories)
    if not _persons_ok(a, b):
        return False
    if not plausibly_one_value(a, b, params, kn):
        return False
    if bool(a.qualifiers.get("future")) != bool(b.qualifiers.get("future")):
        return False
    if a.qualifiers.get("level") != b.qualifiers.get("level"):
        return False
    if a.period != b.period and (a.period and b.period or _year(a.period) or _year(b.period)):
        return False
    if kn.is_contrast(fa.terms, fb.terms):
        return False
    if fa.other_mods and fb.other_mods and not fa.other_mods & fb.other_mods:
        return False
    if fa.places and fb.places and not fa.places & fb.places:
        return False
    if _holders_differ(a, b):
        return False
    if _telling_values(a, b, params) or _holder_parts(a) & _holder_parts(b):
        return True
    same_period = bool(a.period and a.period == b.period)
    same_people = bool(a.persons) and person_sets_match(a.persons, b.persons)
    same_names = bool(fa.names & fb.names) or bool(_holder_parts(a) & _holder_parts(b))
    if fa.names and fb.names and not same_names and not same_people and not _names_told_in_both(fa, fb, stories):
        return False
    if (fa.other_mods & fb.other_mods) or same_people or same_names:
        return score >= params.context_min_with_mods
    if (fa.places & fb.places and a.type in ("percent", "money")) or same_period:
        return score >= params.context_min_with_mods
    if fa.context_places & fb.context_places:
        return score >= params.context_min_with_places
    return score >= params.context_min


def _holder_parts(claim: Claim) -> set[str]:
    holder = claim.qualifiers.get("holder")
    return set(holder.split("/")) if holder else set()


def _holders_differ(a: Claim, b: Claim) -> bool:
    """True when two figures are given to different holders (claims.enumerations): both name
    their holder and the names share nothing ('the AfD 152', 'the SPD 120') or they are counted
    in different places ('in Thuringia, the AfD received almost 39%'), or one is an item
    of a list and the other's sentence names another item of that list and not this one."""
    ha, hb = _holder_parts(a), _holder_parts(b)
    if ha and hb:
        return not ha & hb or a.qualifiers.get("where") != b.qualifiers.get("where")
    one, other = (a, b) if ha else (b, a)
    listed = one.qualifiers.get("listed")
    if not listed:
        return False
    held = _holder_parts(one)
    rivals = {x for item in listed.split("|") for x in item.split("/")} - held
    return bool(other.names & rivals) and not other.names & held


def _significant_digits(claim: Claim) -> int:
    digits = "".join(ch for ch in claim.display.split(" ")[0] if ch.isdigit()).lstrip("0")
    return len(digits.rstrip("0")) if "." not in claim.display else len(digits)


def _telling_values(a: Claim, b: Claim, params: AlignParams) -> bool:
    """True when two figures of one measure are equal or nearly so and written with enough
    digits that a second fact of that measure would hardly share them ('5,864.6 tonnes' and
    '5,864.60 tons'; '5,865.6', a slip of one digit): the value itself tells they are one fact,
    however differently the sentences around them are worded."""
    if a.type not in ("money", "count", "measure") or a.unit != b.unit:
        return False
    if min(_significant_digits(a), _significant_digits(b)) < params.telling_digits:
        return False
    x, y = abs(float(a.value)), abs(float(b.value))
    return max(x, y) > 0 and abs(x - y) <= params.telling_gap * max(x, y)


def _names_agree(fa: _Features, fb: _Features) -> bool:
    return not (fa.names and fb.names and not fa.names & fb.names)


def _persons_overlap(a: Claim, b: Claim) -> bool:
    """True when two sets of people share someone (same name, a part of it, a near spelling)."""
    return any(same_person(x, y) or spelling_variant(x, y) for x in a.persons for y in b.persons)


def _shared_word(fa: _Features, fb: _Features, kn: Knowledge) -> bool:
    """True when two claims' clauses share a content word that is not a name, a place or a
    unit: what two measures in different units measure must be said alike ('a depth of 6
    miles', 'a depth of 10 kilometres'), not only where."""
    a, b = fa.claim, fb.claim
    names = a.names | b.names | fa.context_places | fb.context_places
    shared = (a.context & b.context) - names
    return any(w not in kn.unit_of and w not in kn.measure_units for w in shared)


def _names_told_in_both(fa: _Features, fb: _Features, stories: Stories | None) -> bool:
    """True when each claim's article names something the other claim's sentence names: the
    sentences name different parts of one story (the city, the ministry that briefed, the
    aircraft's maker), not two stories."""
    return bool(stories) and stories.mentions(fb.claim.article, fa.names) and \
        stories.mentions(fa.claim.article, fb.names)


def _dates_compatible(fa: _Features, fb: _Features, score: float, params: AlignParams,
                      stories: Stories | None = None) -> bool:
    a, b = fa.claim, fb.claim
    names_a, names_b = fa.names, fb.names
    if not a.persons and not b.persons and names_a & names_b and a.head not in params.weak_events:
        return score >= params.date_context_min_with_names
    if names_a and names_b and not names_a & names_b and not (a.persons and b.persons) \
            and not _names_told_in_both(fa, fb, stories):
        return False
    if a.persons and b.persons:
        return person_sets_match(a.persons, b.persons) and (len(a.persons) >= 2 or score >= params.context_min)
    if a.persons or b.persons:
        shared = names_a & names_b or fa.context_places & fb.context_places
        if shared and a.head not in params.weak_events:
            return score >= params.date_context_min_one_sided
        return score >= params.date_context_min
    return score >= params.date_context_min


def _title_groups(claims: list[Claim], kn: Knowledge, stories: Stories) -> list[list[int]]:
    """Title claims grouped by person: same name, a part of it, or a near spelling.

    A near spelling of an unknown person links two names only when both hold one office and
    some article of each tells the same story.
    """
    names = sorted({c.qualifiers["person"] for c in claims})
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
        offices[c.qualifiers["person"]].add((c.qualifiers["role"], c.qualifiers["portfolio"]))
        sources[c.qualifiers["person"]].add(c.article)
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
            linked = _offices_meet(offices[x], offices[y]) and any(
                stories.related(a, b) for a in sorted(sources[x]) for b in sorted(sources[y]))
        if linked:
            parent[find(y)] = find(x)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        groups[find(c.qualifiers["person"])].append(i)
    return [g for _, g in sorted(groups.items())]


def _offices_meet(a: set, b: set) -> bool:
    """True when two people are given one office: the same role, and no two different bodies
    (a name mentioned without a title meets any office)."""
    return any(not ra or not rb or (ra == rb and (pa is None or pb is None or pa == pb))
               for ra, pa in a for rb, pb in b)


def _anchors(claim: Claim) -> set[str]:
    """Proper names a claim is about (people by surname, places, bodies): the sub-blocking keys;
    and for precise figures and times of day, grid keys of their value (candidates for
    ``_telling_values`` and ``_close_times``)."""
    keys = {"n:" + n for n in claim.names}
    keys |= {"p:" + p.split()[-1][:4] for p in claim.persons}
    keys |= {"m:" + m for m in claim.mods}
    keys |= {"h:" + h for h in _holder_parts(claim)}
    if claim.period:
        keys.add("t:" + claim.period)
    if claim.type in ("money", "count", "measure") and _significant_digits(claim) >= _DEFAULTS.telling_digits:
        keys |= _value_keys(claim)
    if claim.type == "time" and claim.value is not None:
        step, zone = _DEFAULTS.close_time_minutes, claim.unit or "local"
        keys |= {f"c:{zone}:{int(claim.value) // step}", f"d:{zone}:{(int(claim.value) + step // 2) // step}"}
    return keys


def _value_keys(claim: Claim) -> set[str]:
    """Grid keys of a precise figure, such that two figures within half a grid step (a hundredth
    of the figure's magnitude) share one: candidates for ``_telling_values``."""
    value = abs(float(claim.value))
    if value <= 0:
        return set()
    step = 10.0 ** (math.floor(math.log10(value)) - 2)
    return {f"v:{claim.unit}:{math.floor(value / step)}", f"w:{claim.unit}:{math.floor(value / step + 0.5)}"}


def _candidate_pairs(block: list[Claim], params: AlignParams) -> dict[tuple[int, int], float]:
    """Pairs worth comparing, with their slot-word score.

    Claims that name people or places are compared only with claims sharing one of those
    names (an inverted index); claims that name nothing are compared with the block by
    rapidfuzz's process.extract and a score cutoff. Neither is all-pairs over the corpus.
    """
    texts = [_slot_text(c) for c in block]
    index: dict[str, list[int]] = defaultdict(list)
    bare: list[int] = []
    for i, c in enumerate(block):
        anchors = _anchors(c)
        for key in anchors:
            index[key].append(i)
        if not anchors:
            bare.append(i)
    pairs: set[tuple[int, int]] = set()
    for key, members in index.items():
        if len(members) > params.max_bucket and not key.startswith("p:"):
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                pairs.add((i, j) if i < j else (j, i))
    scored = {(i, j): fuzz.token_sort_ratio(texts[i], texts[j]) for i, j in pairs}
    if bare and len(block) > 1:
        floor = min(params.context_min, params.date_context_min)
        for i in bare:
            for _, score, j in process.extract(texts[i], texts, scorer=fuzz.token_sort_ratio, score_cutoff=floor,
                                               limit=None):
                if i != j:
                    scored[(i, j) if i < j else (j, i)] = _single(score)
    return scored


def _single(score: float) -> float:
    """A score rounded to single precision, as rapidfuzz's score matrices hold it (so that a
    pair scores the same whichever way it was found)."""
    return struct.unpack("f", struct.pack("f", score))[0]


def _year(period: str | None) -> bool:
    """True for a period that is a year other than the article's (counts and measures)."""
    return bool(period) and period.isdigit()


def _bound(claim: Claim) -> bool:
    return claim.qualifiers.get("hedge") in ("lower", "upper")


def _outside(bound: Claim, other: Claim) -> bool:
    """True when a figure lies outside a bound ('at least 1,000' and 900)."""
    if bound.qualifiers.get("hedge") == "lower":
        return other.value < bound.value
    return other.value > bound.value


@dataclass(frozen=True)
class _Unit:
    """What complete-link clustering groups: one claim, or (in a large block) the claims that
    say the same thing in the same words, led by the first of them."""

    claim: Claim
    members: tuple[int, ...]
    articles: frozenset[str]
    sole: bool


def _sole_pairs(units: list[_Unit], params: AlignParams) -> set[tuple[int, int]]:
    """Pairs of figures that are each the only one of their article in the block ('the third
    round' and 'the fourth round' of two reports): within one story they are taken for the same
    fact however differently the sentences around them are worded, unless something they say
    sets them apart (a place, a modifier, a person, a period). Only for small blocks; not for
    titles, dates of weak events ('said on Monday') or dates in the future."""
    if not units:
        return set()
    first = units[0].claim
    if first.type == "title" or (first.type == "date" and first.head in params.weak_events
                                 and first.head not in params.sole_weak_events):
        return set()
    sole = [i for i, u in enumerate(units) if u.sole and not u.claim.qualifiers.get("future")]
    if sum(len(units[i].members) for i in sole) > params.max_sole:
        return set()
    return {(i, j) for x, i in enumerate(sole) for j in sole[x + 1:]}


def _merge_order(a: Claim, b: Claim, score: float, params: AlignParams) -> tuple[bool, float]:
    """Which pairs merge first: pairs without a ceiling before pairs with one ('as high as 50%'
    agrees with every smaller figure and says little about which fact it is; 'at least 64' is
    usually the figure itself), then by score, equal values a little ahead when scores are close."""
    bound = a.qualifiers.get("hedge") == "upper" or b.qualifiers.get("hedge") == "upper"
    return bound, -(score + (params.equal_value_bonus if a.value == b.value else 0.0))


def _single_units(block: list[Claim]) -> list[_Unit]:
    per_article = Counter(c.article for c in block)
    return [_Unit(c, (i,), frozenset((c.article,)), per_article[c.article] == 1) for i, c in enumerate(block)]


def signature(claim: Claim) -> tuple:
    """Everything grouping reads of a claim but its article: two claims with one signature say
    the same figure in the same slot words, and group alike."""
    return (claim.type, claim.head, claim.unit, claim.mods, claim.context, claim.period, claim.persons,
            claim.names, repr(sorted(claim.qualifiers.items())), repr(claim.value), claim.lang)


def collapse(block: list[Claim], kn: Knowledge, params: AlignParams, stories: Stories) -> list[_Unit]:
    """The claims of a block collapsed into units: claims of one signature (and equally the only
    claim of their article in the block, or not) whose articles tell the led story, each unit led
    by its first claim. Claims that would not be one fact with a copy of themselves (timestamps)
    stay apart. Linear in the block for one story; units come in the order of their leaders."""
    per_article = Counter(c.article for c in block)
    classes: dict[tuple, list[list[int]]] = {}
    alone: list[int] = []
    for i, c in enumerate(block):
        key = (signature(c), per_article[c.article] == 1)
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
    units += [_Unit(block[i], (i,), frozenset((block[i].article,)), per_article[block[i].article] == 1)
              for i in alone]
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


def _cluster_units(units: list[_Unit], kn: Knowledge, params: AlignParams, stories: Stories) -> list[list[int]]:
    ok: set[tuple[int, int]] = set()
    edges = []
    claims = [u.claim for u in units]
    feats = [features(c, kn) for c in claims]
    scored = _candidate_pairs(claims, params)
    sole = _sole_pairs(units, params)
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
                _bound(a) and not _outside(a, b) or _bound(b) and not _outside(b, a)) and not _rounded(a, b, kn):
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


def _display_name(name: str, kn: Knowledge | None) -> str:
    """A folded name written for people: 'ursula von der leyen' → 'Ursula von der Leyen'."""
    particles = kn.name_particles if kn else set()
    return " ".join(w if w in particles else w[:1].upper() + w[1:] for w in name.split())


def label_of(claims: list[Claim], kn: Knowledge | None = None) -> str:
    """A readable label for a fact: what the grouped claims are about."""
    c = claims[0]
    if c.type == "title":
        sources: dict[str, set[str]] = defaultdict(set)
        for x in claims:
            sources[x.qualifiers["person"]].add(x.article)
        return min(sources, key=lambda s: (-len(s.split()), -len(sources[s]), -len(s), s))
    if c.type == "date":
        names = sorted({p for x in claims for p in x.persons}, key=lambda p: (-len(p), p))
        kept: list[str] = []
        for p in names:
            if not any(same_person(p, k) or spelling_variant(p, k) for k in kept):
                kept.append(p)
        people = sorted(_display_name(p, kn) for p in kept)
        who = f" ({', '.join(people)})" if people else ""
        return f"date of {c.head}{who}"
    mods = sorted(m for m in (set.intersection(*[set(x.mods) for x in claims]) or set(c.mods))
                  if not m.startswith(VERB_MARK))
    period = next((x.period for x in claims if x.period), None)
    holders = [h for h in dict.fromkeys(x.qualifiers.get("holder") for x in claims) if h]
    if len(holders) == 1:
        mods = [holders[0]] + [m for m in mods if m not in holders[0].split("/")]
    label = (c.head or c.type) + (f" ({', '.join(mods)})" if mods else "")
    return label + (f" in {period.capitalize()}" if period else "") + f" — {c.type}"


def blocks_of(claims: list[Claim]) -> list[tuple[tuple, list[Claim]]]:
    """Claims split into alignment blocks (type and subject), each sorted; blocks in a stable order.

    A figure that a name holds but that says no measure ('AfD — 20.8%') takes the measure other
    figures of that holder and kind say in the run ('the AfD won 20.8% of the vote'), so that
    the two meet."""
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    measures: dict[tuple, Counter] = defaultdict(Counter)
    for c in claims:
        if c.head and c.qualifiers.get("holder"):
            measures[(c.type, c.unit, c.qualifiers["holder"])][c.head] += 1
    if measures:
        claims = [_with_holder_measure(c, measures) for c in claims]
    for c in sorted(claims, key=lambda c: c.key):
        key = block_key(c)
        if key is not None:
            blocks[key].append(c)
    return [(key, blocks[key]) for key in sorted(blocks, key=lambda k: tuple(str(x) for x in k))]


def _with_holder_measure(claim: Claim, measures: dict[tuple, Counter]) -> Claim:
    holder = claim.qualifiers.get("holder")
    found = measures.get((claim.type, claim.unit, holder)) if holder and not claim.head else None
    if not found:
        return claim
    return replace(claim, head=max(found.items(), key=lambda kv: (kv[1], kv[0]))[0])


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


def _is_common(name: str, common: frozenset[str]) -> bool:
    words = [w for w in name.replace("-", " ").split() if len(w) > 2]
    return bool(words) and all(w in common for w in words)


def shared_evidence(a: Claim, b: Claim, kn: Knowledge, common: frozenset[str] = frozenset()) -> list[str]:
    """Why two claims may be taken as one fact, beyond their measure: the specific words both
    sentences give it (modifiers, the period, the people, names the whole story does not use).
    Empty when all they share is what every sentence of the story shares."""
    why = []
    if _telling_values(a, b, _DEFAULTS):
        why.append("figures written this precisely and this close")
    held = _holder_parts(a) & _holder_parts(b)
    if held:
        why.append("both give it to " + "/".join(sorted(held)))
    mods = sorted(m.lstrip(VERB_MARK) for m in a.mods & b.mods
                  if not _is_common(m.lstrip(VERB_MARK), common) and m not in kn.generic_modifiers)
    if mods:
        why.append("both say " + ", ".join(mods))
    if a.period and a.period == b.period:
        why.append(f"both of {a.period.capitalize()}")
    days = sorted(_days_named(a.sentence, kn) & _days_named(b.sentence, kn))
    if days:
        why.append("both of " + ", ".join(d.capitalize() for d in days))
    if a.persons and b.persons and person_sets_match(a.persons, b.persons):
        why.append("the same people")
    names = sorted(n for n in a.names & b.names if not _is_common(n, common) and n not in mods)
    if names:
        why.append("both name " + ", ".join(names))

    story = {w for n in a.names & b.names if _is_common(n, common) for w in n.split()} | \
        {w for w in a.context & b.context if w in common and (w in a.names or w in b.names)
         and not _title_case_only(w, a, b)}

    def said(claim: Claim) -> dict[str, str]:
        return {_word_key(w): w for w in claim.context
                if len(w) > 2 and w != claim.head and w not in story and w not in kn.unit_of
                and w not in kn.measure_units and w not in kn.scales and w not in kn.generic_modifiers}

    in_a = said(a)
    words = sorted(in_a[w] for w in in_a.keys() & said(b).keys())
    if len(words) >= 2:
        why.append("both say " + ", ".join(words))
    return why


def _title_case_only(word: str, a: Claim, b: Claim) -> bool:
    """True when a word is written in lower case in one of the sentences: a common word that a
    Title Case heading capitalised, not a name."""
    return any(word in (x.strip(".,;:()\"'") for x in c.sentence.split()) for c in (a, b))


def _word_key(word: str) -> str:
    """A word's lemma with a doubled last letter undone, so that 'kill' meets 'killed'."""
    key = lemma(word)
    return key[:-1] if len(key) > 3 and key[-1] == key[-2] else key


def _days_named(sentence: str, kn: Knowledge) -> set[str]:
    return {w for w in (x.strip(".,;:()\"'").lower() for x in sentence.split()) if w in kn.weekdays}


def context_score(a: Claim, b: Claim, kn: Knowledge | None = None) -> float:
    """How alike two claims' clause words are (rapidfuzz token sort ratio, 0-100). With ``kn``,
    claims read in two languages are compared on their language-free words only (pack keys
    and the words both clauses use)."""
    if kn is not None and a.lang != b.lang:
        shared = shared_terms(kn)
        words_a = sorted(w for w in a.context if w in shared or w in b.context)
        words_b = sorted(w for w in b.context if w in shared or w in a.context)
        return float(fuzz.token_sort_ratio(" ".join(words_a), " ".join(words_b)))
    return float(fuzz.token_sort_ratio(_slot_text(a), _slot_text(b)))


WHY_MAX_CLAIMS = 8


def why_same_fact(claims: list[Claim], kn: Knowledge, common: frozenset[str] = frozenset(),
                  alone: frozenset[int] = frozenset(), firm_score: float | None = None) -> list[str]:
    """Why claims of different articles were taken as one fact, as short reasons in a stable order.

    People's titles are one fact when they name one person. For other claims the reasons are
    those of ``shared_evidence`` over pairs of claims from different articles that give
    different values (all pairs when every value is the same); a pair with none is explained by
    what else made it firm: each is its article's only figure of the measure (``alone``, claim
    ids), or the sentences read alike (rapidfuzz score of at least ``firm_score``). At most
    ``WHY_MAX_CLAIMS`` claims of each value are compared, so a fact told by hundreds of
    sources costs little. Empty when the claims come from one article.
    """
    if claims and all(c.type == "title" for c in claims):
        return _why_same_person(claims)
    by_value: dict[tuple, list[Claim]] = {}
    for c in claims:
        by_value.setdefault((str(c.value), c.unit, repr(sorted(c.qualifiers.items(), key=str))), []).append(c)
    sides = [side[:WHY_MAX_CLAIMS] for side in by_value.values()]
    if len(sides) > 1:
        pairs = [(a, b) for i, side in enumerate(sides) for other in sides[i + 1:] for a in side for b in other]
    else:
        pairs = [(a, b) for i, a in enumerate(sides[0] if sides else []) for b in sides[0][i + 1:]]
    why: list[str] = []
    for a, b in pairs:
        if a.article == b.article:
            continue
        reasons = shared_evidence(a, b, kn, common)
        if not reasons and id(a) in alone and id(b) in alone:
            reasons = [f"each is its article's only figure of {a.head or a.type}"]
        if not reasons and firm_score is not None:
            score = context_score(a, b)
            if score >= firm_score:
                reasons = [f"the sentences read alike (word match {score:.0f}/100)"]
        why.extend(r for r in reasons if r not in why)
    return why


def _why_same_person(claims: list[Claim]) -> list[str]:
    names = sorted({c.qualifiers.get("person") or "" for c in claims} - {""})
    if len(names) < 2 or all(same_person(x, y) for i, x in enumerate(names) for y in names[i + 1:]):
        return ["the same person: " + ", ".join(names)] if len({c.article for c in claims}) > 1 else []
    return ["names spelled alike, of one office in one story: " + ", ".join(names)]
