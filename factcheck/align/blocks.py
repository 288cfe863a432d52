"""Align: the blocks claims are compared in (type and subject) and, inside a block, the pairs
worth comparing (sub-blocking on names and on grid keys of precise values)."""
from __future__ import annotations

import math
import struct
from collections import Counter, defaultdict
from dataclasses import replace

from rapidfuzz import fuzz, process

from ..knowledge import Knowledge
from ..types import NUMBER_TYPES, Claim
from ..values import quarter_number
from .compatibility import _hazards, _holder_parts, _slot_text
from .params import _DEFAULTS, AlignParams
from .telling import significant_digits, telling_values, written_digits


def block_key(claim: Claim) -> tuple | None:
    """The block a claim is compared in, or None when it says too little to align."""
    if claim.type == "title":
        return ("title",)
    if claim.type in ("date", "time"):
        return (claim.type, claim.event) if claim.event and claim.value is not None else None
    if claim.type in NUMBER_TYPES and claim.measure:
        unit = "time" if claim.type == "duration" else claim.unit if claim.type in ("percent", "money", "measure") else None
        return (claim.type, unit, claim.measure)
    if claim.type == "money" and claim.mods:
        return ("money", claim.unit, "*")
    if claim.type in ("percent", "count") and claim.qualifiers.holder:
        return (claim.type, claim.unit, "held")
    return None


def _anchors(claim: Claim, kn: Knowledge | None = None) -> set[str]:
    """Proper names a claim is about (people by surname, places, bodies): the sub-blocking keys;
    for precise figures and times of day, grid keys of their value (candidates for
    ``telling_values`` and ``_close_times``); for days and times, the kinds of incident their
    clause names (the earthquake's times, wherever the sentences place it)."""
    keys = {"n:" + n for n in claim.names}
    keys |= {"p:" + p.split()[-1][:4] for p in claim.persons}
    keys |= {"m:" + m for m in claim.mods}
    if claim.action:
        keys.add("v:" + claim.action)
    keys |= {"h:" + h for h in _holder_parts(claim)}
    # A quarter ('q2') is named by most figures of a results story: it tells them apart from
    # the next quarter's guidance, not which fact they are, so it is not a key to meet others by.
    if claim.period and quarter_number(claim.period) is None:
        keys.add("t:" + claim.period)
    if claim.type in ("money", "count", "measure") and significant_digits(claim) >= _DEFAULTS.telling_digits:
        keys |= _value_keys(claim) | _digit_key(claim)
    if claim.type in ("money", "count", "measure") and significant_digits(claim) >= _DEFAULTS.telling_digits - 1:
        keys |= _rounding_keys(claim, _DEFAULTS.telling_digits - 1)
    if kn is not None and claim.type in ("date", "time"):
        keys |= {"z:" + h for h in _hazards(claim, kn)}
    if claim.type == "time" and claim.value is not None:
        step, zone = _DEFAULTS.close_time_minutes, claim.unit or "local"
        keys |= {f"c:{zone}:{int(claim.value) // step}", f"d:{zone}:{(int(claim.value) + step // 2) // step}"}
    return keys


def _digit_key(claim: Claim) -> set[str]:
    """A key of a precise figure's digits, in any order, and its magnitude: two figures one of
    which has two digits swapped ('$51.24 billion', '$51.42 billion') share it (candidates for
    ``telling.transposed``)."""
    value = abs(float(claim.value))
    if value <= 0:
        return set()
    digits = "".join(sorted(written_digits(claim)))
    return {f"x:{claim.unit}:{digits}:{math.floor(math.log10(value))}"}


def _value_keys(claim: Claim) -> set[str]:
    """Grid keys of a precise figure, such that two figures within half a grid step (a hundredth
    of the figure's magnitude) share one: candidates for ``telling_values``."""
    value = abs(float(claim.value))
    if value <= 0:
        return set()
    step = 10.0 ** (math.floor(math.log10(value)) - 2)
    return {f"v:{claim.unit}:{math.floor(value / step)}", f"w:{claim.unit}:{math.floor(value / step + 0.5)}"}


def _rounding_keys(claim: Claim, digits: int) -> set[str]:
    """Keys of a figure at ``digits`` significant digits: as written when it has that many, else
    rounded half-up and truncated, so that '$21.19 billion' meets '$21.2 billion' (candidates
    for ``telling_rounding``)."""
    value = abs(float(claim.value))
    if value <= 0:
        return set()
    step = 10.0 ** (math.floor(math.log10(value)) - digits + 1)
    scaled = round(value / step, 6)
    if significant_digits(claim) == digits:
        return {f"r:{claim.unit}:{round(scaled)}"}
    return {f"r:{claim.unit}:{math.floor(scaled + 0.5)}", f"r:{claim.unit}:{math.floor(scaled)}"}


def _candidate_pairs(block: list[Claim], params: AlignParams, kn: Knowledge | None = None) -> dict[tuple[int, int], float]:
    """Pairs worth comparing, with their slot-word score.

    Claims that name people or places are compared only with claims sharing one of those
    names (an inverted index); claims that name nothing are compared with the block by
    rapidfuzz's process.extract and a score cutoff. Neither is all-pairs over the corpus.
    """
    texts = [_slot_text(c) for c in block]
    index: dict[str, list[int]] = defaultdict(list)
    bare: list[int] = []
    for i, c in enumerate(block):
        anchors = _anchors(c, kn)
        for key in anchors:
            index[key].append(i)
        if all(key.startswith("r:") for key in anchors):  # a rounding key alone names nothing
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


def blocks_of(claims: list[Claim]) -> list[tuple[tuple, list[Claim]]]:
    """Claims split into alignment blocks (type and subject), each sorted; blocks in a stable order.

    A figure that a name holds but that says no measure ('AfD — 20.8%') takes the measure other
    figures of that holder and kind say in the run ('the AfD won 20.8% of the vote'), so that
    the two meet."""
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    measures: dict[tuple, Counter] = defaultdict(Counter)
    for c in claims:
        if c.measure and c.qualifiers.holder:
            measures[(c.type, c.unit, c.qualifiers.holder)][c.measure] += 1
    if measures:
        claims = [_with_holder_measure(c, measures) for c in claims]
    unplaced = []
    for c in sorted(claims, key=lambda c: c.key):
        key = block_key(c)
        if key is not None:
            blocks[key].append(c)
        elif c.type in _TELLING_TYPES and c.value is not None and significant_digits(c) >= _DEFAULTS.telling_digits - 1:
            unplaced.append(c)
    if unplaced:
        _place_by_value(unplaced, blocks)
    return [(key, blocks[key]) for key in sorted(blocks, key=lambda k: tuple(str(x) for x in k))]


_TELLING_TYPES = ("money", "count", "measure")


def _place_by_value(unplaced: list[Claim], blocks: dict[tuple, list[Claim]]) -> None:
    """A figure whose sentence names no measure ('posted $13.45 billion') joins the one block in
    which another article's figure has a telling value of it (equal to four digits, or its
    rounding: '$13.5 billion in revenue'): the value tells what it is a figure of."""
    index: dict[str, list[tuple[tuple, Claim]]] = defaultdict(list)
    for key, block in blocks.items():
        if key[0] in _TELLING_TYPES:
            for c in block:
                if significant_digits(c) >= _DEFAULTS.telling_digits - 1:
                    for k in _value_keys(c):
                        index[k].append((key, c))
    grown = set()
    for c in unplaced:
        found = {key for k in _value_keys(c) for key, other in index.get(k, ())
                 if other.type == c.type and other.article != c.article and telling_values(c, other, _DEFAULTS)}
        if len(found) == 1:
            key = found.pop()
            blocks[key].append(c)
            grown.add(key)
    for key in grown:
        blocks[key].sort(key=lambda x: x.key)


def _with_holder_measure(claim: Claim, measures: dict[tuple, Counter]) -> Claim:
    holder = claim.qualifiers.holder
    found = measures.get((claim.type, claim.unit, holder)) if holder and not claim.measure else None
    if not found:
        return claim
    return replace(claim, measure=max(found.items(), key=lambda kv: (kv[1], kv[0]))[0])
