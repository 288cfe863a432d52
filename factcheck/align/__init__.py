"""Align: group claims from different articles that speak of the same fact.

Claims are blocked by type and a normalised subject (measure head, event kind, person),
then compared inside each block on their slot words, never on their values: a 90-day
truce and a 90-minute call share a number, not a fact.

One job per module: ``params`` (how alike claims must be), ``blocks`` (blocks and candidate
pairs), ``compatibility`` (whether two claims can be one fact), ``grouping`` (claims of a block
grouped into facts), ``evidence`` (why claims were taken as one fact) and ``labels`` (a fact's
readable label). This package re-exports their public names.
"""
from __future__ import annotations

from .blocks import block_key, blocks_of
from .compatibility import compatible, context_score, features, plausibly_one_day, plausibly_one_value
from .evidence import WHY_MAX_CLAIMS, shared_evidence, why_same_fact
from .grouping import align, collapse, facts_of, group_block, signature, sole_in_article, sort_facts
from .labels import label_of
from .params import AlignParams

__all__ = [
    "WHY_MAX_CLAIMS",
    "AlignParams",
    "align",
    "block_key",
    "blocks_of",
    "collapse",
    "compatible",
    "context_score",
    "facts_of",
    "features",
    "group_block",
    "label_of",
    "plausibly_one_day",
    "plausibly_one_value",
    "shared_evidence",
    "signature",
    "sole_in_article",
    "sort_facts",
    "why_same_fact",
]
