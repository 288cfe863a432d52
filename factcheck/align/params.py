"""Align: the parameters of alignment (how alike two claims must be to count as one fact)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AlignParams:
    """How alike two claims' slot words must be to count as one fact (rapidfuzz scores, 0-100)."""

    context_min: float = 50.0
    context_min_with_mods: float = 20.0
    context_min_with_places: float = 50.0
    date_context_min: float = 70.0
    date_context_min_with_names: float = 35.0
    date_context_min_one_sided: float = 50.0
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
