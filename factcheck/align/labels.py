"""Align: the readable label of a fact (what its claims are about), given when the fact is made."""
from __future__ import annotations

from collections import defaultdict

from ..claims.build import WHOLE_YEAR
from ..knowledge import Knowledge
from ..names import (
    same_person,
    spelling_variant,
)
from ..types import Claim
from .undated import relative_offset


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
            sources[x.qualifiers.person].add(x.article)
        return min(sources, key=lambda s: (-len(s.split()), -len(sources[s]), -len(s), s))
    if c.type == "date":
        names = sorted({p for x in claims for p in x.persons}, key=lambda p: (-len(p), p))
        kept: list[str] = []
        for p in names:
            if not any(same_person(p, k) or spelling_variant(p, k) for k in kept):
                kept.append(p)
        people = sorted(_display_name(p, kn) for p in kept)
        who = f" ({', '.join(people)})" if people else ""
        return f"date of {c.event}{who}"
    mods = sorted(set.intersection(*[set(x.mods) for x in claims]) or set(c.mods))
    period = next((x.period for x in claims if x.period), None)
    holders = [h for h in dict.fromkeys(x.qualifiers.holder for x in claims) if h]
    if len(holders) == 1:
        mods = [holders[0]] + [m for m in mods if m not in holders[0].split("/")]
    label = (c.topic or c.type) + (f" ({', '.join(mods)})" if mods else "")
    return label + (f" in {_shown_period(period)}" if period else "") + f" — {c.type}"


def _shown_period(period: str) -> str:
    """A period as a reader writes it: 'May', 'Q3', '2026'; an undated page's year from its own
    ('year+1') as 'the year after the article's'."""
    if period == WHOLE_YEAR:
        return "the whole year"
    offset = relative_offset(period)
    if offset is not None:
        side = "after" if offset > 0 else "before"
        return f"the year {side} the article's" if abs(offset) == 1 else f"{abs(offset)} years {side} the article's"
    return period.capitalize()
