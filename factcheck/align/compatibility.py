"""Align: whether two claims of one block can be the same fact (their slot words, places,
people, holders, periods, values and times) and how alike their clause words read."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from rapidfuzz import fuzz

from ..claims.measures import REFERENCE
from ..claims.percent import SHARE
from ..claims.slots import NEXT_QUARTER, PART
from ..knowledge import Knowledge
from ..languages import shared_terms
from ..names import (
    person_sets_match,
    same_person,
    spelling_variant,
)
from ..stories import Stories
from ..types import NUMBER_TYPES, Claim
from ..values import amount, coarse_and_fine, minutes_apart
from .params import AlignParams
from .telling import telling_values


def plausibly_one_day(a: Claim, b: Claim, params: AlignParams) -> bool:
    """False when two dates cannot be two reports of one event's day: one told as to come and
    the other as past, a timestamp ('2025-06-07', the form of page metadata, not of prose), or
    days more than ``max_date_gap`` apart (a decision of 2022 and one of 2025)."""
    if bool(a.qualifiers.future) != bool(b.qualifiers.future):
        return False
    if "iso" in (a.qualifiers.form, b.qualifiers.form):
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
    return minutes_apart(a, b, kn)


def _rounded(a: Claim, b: Claim, kn: Knowledge) -> bool:
    """True when one figure is the other cut short ('27 years' in a headline, '27 years and three
    months' in the text): one article may give a fact both ways. Only a cut, not a rounding up:
    '3.7%, down from 4%' are two figures."""
    if a.type not in NUMBER_TYPES or a.unit != b.unit:
        return False
    pair = coarse_and_fine(a, b)
    if pair is None:
        return False
    x, y, step = pair
    return x >= 0 and 0 <= y - x < step - 1e-9


def _amount(claim: Claim) -> float:
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
    ba, bb = a.qualifiers.basis, b.qualifiers.basis
    if ba and bb and ba != bb:
        return True
    x, y = _amount(a), _amount(b)
    if a.type == "percent" and abs(x - y) <= params.ratio_floor:
        return True
    lo, hi = min(x, y), max(x, y)
    return hi <= limit * lo


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
    action = frozenset({"verb:" + claim.action} if claim.action else ())
    # a capitalised measure ('Six Democrats') is what is counted, not a name the figure is of
    names = claim.names - _places(claim.names, kn) - {claim.topic or ""}
    return _Features(claim, places, claim.mods - places - {PART} | action, _places(claim.context, kn),
                     names, claim.mods | action | {claim.topic or ""})


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
    ha, hb = (_hazards(a, kn), _hazards(b, kn)) if a.type in ("date", "time", "measure") else (set(), set())
    one_incident = a.type in ("date", "time") and bool(ha) and ha == hb and not (a.persons or b.persons)
    if fa.context_places and fb.context_places and not fa.context_places & fb.context_places and not one_incident:
        return False
    if a.qualifiers.written_unit != b.qualifiers.written_unit and not _shared_word(fa, fb, kn):
        return False
    if a.type == "measure" and ha and hb and not ha & hb:  # an aftershock's magnitude, the quake's
        return False
    if a.type in ("date", "time"):
        if a.type == "date" and not plausibly_one_day(a, b, params):
            return False
        if ha and hb and not ha & hb:  # an earthquake's day and a flood's: two incidents
            return False
        if a.type == "time":
            gap = _minutes_apart(a, b, kn)
            once = a.event == b.event and a.event in kn.single_events
            if gap is None or (gap > params.max_time_gap_minutes and not once):
                return False
            if a.event not in kn.unspecific_events and gap is not None and (gap <= params.close_time_minutes or once):
                return True
        if one_incident:
            return score >= params.date_context_min_with_names
        if sole and a.event not in kn.participant_events and a.persons and b.persons:
            return _names_agree(fa, fb) and _persons_overlap(a, b)
        return _dates_compatible(fa, fb, score, kn, params, stories)
    if not _persons_ok(a, b):
        return False
    if not plausibly_one_value(a, b, params, kn):
        return False
    if bool(a.qualifiers.future) != bool(b.qualifiers.future):
        return False
    if _levels_apart(a, b, kn):
        return False
    if a.period != b.period and (a.period and b.period or _year(a.period) or _year(b.period)):
        return False
    if kn.is_contrast(fa.terms, fb.terms):
        return False
    if fa.other_mods and fb.other_mods and not fa.other_mods & fb.other_mods:
        return False
    if fa.places and fb.places and not fa.places & fb.places:
        return False
    if _references(a) != _references(b):  # '300 km of the epicentre', '1,000 km south of Manila'
        return False
    if _part_and_whole(a, b) or _part_and_whole(b, a):
        return False
    if SHARE in (a.qualifiers.level, b.qualifiers.level) and not (a.mods and b.mods):
        return False  # '… accounted for 74% of wafer revenue': a share that says not of which part
    if _holders_differ(a, b) or _held_elsewhere(a, fb, kn) or _held_elsewhere(b, fa, kn):
        return False
    if _owned_elsewhere(a, fb) or _owned_elsewhere(b, fa):
        return False
    if _counted_apart(fa, fb, kn):
        return False
    if telling_values(a, b, params) or _holder_parts(a) & _holder_parts(b):
        return True
    same_period = bool(a.period and a.period == b.period)
    same_people = bool(a.persons) and person_sets_match(a.persons, b.persons)
    same_names = bool(fa.names & fb.names) or bool(_holder_parts(a) & _holder_parts(b))
    # Names told apart (a source, an aside) do not part figures of one period and the same places.
    same_places = bool(fa.places) and fa.places == fb.places
    if fa.names and fb.names and not same_names and not same_people and not (same_period and same_places) and \
            not _names_told_in_both(fa, fb, stories):
        return False
    if (fa.other_mods & fb.other_mods) or same_people or same_names:
        return score >= params.context_min_with_mods
    if (fa.places & fb.places and a.type in ("percent", "money")) or same_period:
        return score >= params.context_min_with_mods
    if fa.context_places & fb.context_places:
        return score >= params.context_min_with_places
    return score >= params.context_min


def _part_and_whole(part: Claim, whole: Claim) -> bool:
    """True when one figure is told of a part of a company ('the segment pulled in $50.8 billion
    in revenue') and the other of another part, or of the whole ('Vesta's revenue of $51.24
    billion'): a part's figure and the whole's are not one fact. A figure that names the part's
    own words ('cloud revenue', for the cloud unit's) may be the part's; one that names some part
    may be the part's of a figure that says not which part it is of."""
    if not (part.measure and whole.measure) or PART not in part.mods or PART in whole.mods:
        return False
    own = part.mods - {PART}
    return not own & whole.mods if own else not whole.mods - whole.names


def _references(claim: Claim) -> frozenset[str]:
    """The places a measure says it is measured from: a measure from one place is not one from
    another, nor one that says from nowhere."""
    return frozenset(m for m in claim.mods if m.startswith(REFERENCE))


def _counted_apart(fa: _Features, fb: _Features, kn: Knowledge) -> bool:
    """True when a figure was counted in a place its sentence opens on ('In Dublin Mid-West, …
    a turnout of 42 per cent') and the other in another place, or in a district, constituency
    or town of no record that its clause does not name (the country's turnout of 45.8%); a
    known place ('In Thailand, …') is left to the places the clauses name. Figures of a list
    keep the place the list says."""
    a, b = fa.claim, fb.claim
    wa, wb = a.qualifiers.where, b.qualifiers.where
    if wa == wb or a.qualifiers.holder or b.qualifiers.holder:
        return False
    if wa and wb:
        return True
    where, other = (wa, fb) if wa else (wb, fa)
    if kn.canon_place(where):
        return False
    return not set(where.split()) & (other.context_places | other.places | other.names | other.claim.names
                                     | other.claim.context)


def _owned_elsewhere(a: Claim, fb: _Features) -> bool:
    """True when a figure is a name's ('de Valera's 56.3%') and the other figure's clause names
    others but not that one ('Connolly won 63.36%')."""
    owner = a.qualifiers.owner
    if not owner:
        return False
    b = fb.claim
    named = fb.names | {part for p in b.persons for part in p.split()} | _holder_parts(b) \
        | {b.qualifiers.owner or ""}
    return bool(fb.names or b.persons) and not set(owner.split()) & named


def _holder_parts(claim: Claim) -> set[str]:
    holder = claim.qualifiers.holder
    return set(holder.split("/")) if holder else set()


def _held_elsewhere(a: Claim, fb: _Features, kn: Knowledge) -> bool:
    """True when a figure of a list is held by a place ('Slovakia (4.6%)') and the other figure
    is of other places ('Spain's inflation rose to 2.2%')."""
    held = {kn.place_of[h] for h in _holder_parts(a) if h in kn.place_of}
    return bool(held) and bool(fb.places) and not held & fb.places


def _holders_differ(a: Claim, b: Claim) -> bool:
    """True when two figures are given to different holders (claims.enumerations): both name
    their holder and the names share nothing ('the AfD 152', 'the SPD 120') or they are counted
    in different places ('in Thuringia, the AfD received almost 39%'), or one is an item
    of a list and the other's sentence names another item of that list and not this one."""
    ha, hb = _holder_parts(a), _holder_parts(b)
    if ha and hb:
        return not ha & hb or a.qualifiers.where != b.qualifiers.where
    one, other = (a, b) if ha else (b, a)
    listed = one.qualifiers.listed
    if not listed:
        return False
    held = _holder_parts(one)
    rivals = {x for item in listed.split("|") for x in item.split("/")} - held
    return bool(other.names & rivals) and not other.names & held


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


def _hazards(claim: Claim, kn: Knowledge) -> set[str]:
    """The kinds of incident a claim's clause names (earthquake, aftershock, flood…)."""
    return {kn.hazard_of[w] for w in claim.context if w in kn.hazard_of}


def _dates_compatible(fa: _Features, fb: _Features, score: float, kn: Knowledge, params: AlignParams,
                      stories: Stories | None = None) -> bool:
    a, b = fa.claim, fb.claim
    names_a, names_b = fa.names, fb.names
    if not a.persons and not b.persons and names_a & names_b and a.event not in kn.unspecific_events:
        return score >= params.date_context_min_with_names
    if names_a and names_b and not names_a & names_b and not (a.persons and b.persons) \
            and not _names_told_in_both(fa, fb, stories):
        return False
    if a.persons and b.persons:
        return person_sets_match(a.persons, b.persons) and (len(a.persons) >= 2 or score >= params.context_min)
    if a.persons or b.persons:
        shared = names_a & names_b or fa.context_places & fb.context_places
        if shared and a.event not in kn.unspecific_events:
            return score >= params.date_context_min_one_sided
        return score >= params.date_context_min
    return score >= params.date_context_min


def _levels_apart(a: Claim, b: Claim, kn: Knowledge) -> bool:
    """True when two figures are of other levels: a previous, projected or total one against
    another; the size of a change ('raised by 0.25%') against the level it came to ('raised to
    0.5%'); changes that came to amounts far apart; 'the first Jesuit pope' against 'the 266th
    pope' (another series)."""
    qa, qb = a.qualifiers, b.qualifiers
    return (qa.level != qb.level or bool(qa.direction and qb.reached) or bool(qb.direction and qa.reached)
            or _came_to_apart(a, b) or (a.type == "ordinal" and _premodified(a, kn) != _premodified(b, kn)))


def _premodified(claim: Claim, kn: Knowledge) -> bool:
    """True for an ordinal with words between it and its noun ('first Latin American pontiff')."""
    words = claim.text.replace("-", " ").split()  # 'sixth-straight month' as 'sixth straight month'
    middle = words[1:-1]
    while middle and " ".join(middle[-1:] + words[-1:]).lower() in kn.roles:
        middle = middle[:-1]  # 'prime' of 'the 104th prime minister' is its noun's
        words = words[:-2] + [" ".join(words[-2:])]
    return bool(middle) and not any(w.lower() in kn.stopwords for w in middle)


def _came_to_apart(a: Claim, b: Claim) -> bool:
    """True when two changes came to amounts too far apart to be of one thing ('climbed 18% to
    $30.87 billion', 'jumped 13% to $167.7 billion': a segment and the whole)."""
    x, y = a.qualifiers.came_to, b.qualifiers.came_to
    if not x or not y:
        return False
    lo, hi = sorted((float(x), float(y)))
    return lo <= 0 or hi / lo > 1.5


def _year(period: str | None) -> bool:
    """True for a period that is a year other than the article's, a whole year ('annual
    revenue'), one from an undated article's own ('year+1': 'next year') or the quarter to come
    ('current quarter sales'): a figure without a period is not of it."""
    return bool(period) and (period.isdigit() or period.startswith("year") or period == NEXT_QUARTER)


def _bound(claim: Claim) -> bool:
    return claim.qualifiers.hedge in ("lower", "upper", "range")


def _outside(bound: Claim, other: Claim) -> bool:
    """True when a figure lies outside a bound ('at least 1,000' and 900)."""
    hedge = bound.qualifiers.hedge
    if hedge == "lower":
        return other.value < bound.value
    if hedge == "range":
        return not float(bound.qualifiers.low) <= other.value <= bound.value
    return other.value > bound.value


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
