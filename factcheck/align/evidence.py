"""Align: the evidence that claims are one fact, as short reasons for the report."""
from __future__ import annotations

from ..knowledge import Knowledge, lemma
from ..names import (
    person_sets_match,
    same_person,
)
from ..types import Claim
from .compatibility import _holder_parts, context_score
from .params import _DEFAULTS
from .telling import telling_values


def _is_common(name: str, common: frozenset[str]) -> bool:
    words = [w for w in name.replace("-", " ").split() if len(w) > 2]
    return bool(words) and all(w in common for w in words)


def shared_evidence(a: Claim, b: Claim, kn: Knowledge, common: frozenset[str] = frozenset()) -> list[str]:
    """Why two claims may be taken as one fact, beyond their measure: the specific words both
    sentences give it (modifiers, the period, the people, names the whole story does not use).
    Empty when all they share is what every sentence of the story shares."""
    why = []
    if telling_values(a, b, _DEFAULTS):
        why.append("figures written this precisely and this close")
    held = _holder_parts(a) & _holder_parts(b)
    if held:
        why.append("both give it to " + "/".join(sorted(held)))
    mods = sorted({m for m in a.mods & b.mods if not _is_common(m, common) and m not in kn.generic_modifiers}
                  | ({a.action} if a.action and a.action == b.action and not _is_common(a.action, common) else set()))
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
                if len(w) > 2 and w != claim.topic and w not in story and w not in kn.unit_of
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
            reasons = [f"each is its article's only figure of {a.topic or a.type}"]
        if not reasons and firm_score is not None:
            score = context_score(a, b)
            if score >= firm_score:
                reasons = [f"the sentences read alike (word match {score:.0f}/100)"]
        why.extend(r for r in reasons if r not in why)
    return why


def _why_same_person(claims: list[Claim]) -> list[str]:
    names = sorted({c.qualifiers.person or "" for c in claims} - {""})
    if len(names) < 2 or all(same_person(x, y) for i, x in enumerate(names) for y in names[i + 1:]):
        return ["the same person: " + ", ".join(names)] if len({c.article for c in claims}) > 1 else []
    return ["names spelled alike, of one office in one story: " + ", ".join(names)]
