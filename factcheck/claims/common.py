"""What every extractor shares: sentences, tokens, clauses and the slot words of a claim.

One job per module, re-exported here so that ``from .common import …`` keeps working: ``text``
(tokens, sentences, terms), ``people`` (``PersonIndex``), ``slots`` (what a figure is about),
``qualifiers`` (hedges, levels, projections) and ``build`` (``make_claim``, year periods, spans).
"""
from __future__ import annotations

from .build import Spans, make_claim, other_year
from .people import PersonIndex
from .qualifiers import (
    DEMAND_REACH,
    hedge_of,
    is_compared_with,
    is_cumulative,
    is_previous_level,
    is_projection,
    level_of,
    of_own_month,
    projection_noun_after,
    range_low,
)
from .slots import EXCLUSION_REACH, Slot, clause_slot, measure_head, modifier_terms, noun_run, number_slot, period_of, pp_terms
from .text import (
    COMPOUND_MIN,
    MAX_SENTENCE,
    SIGNS,
    TOKEN,
    WINDOW,
    Sentence,
    Token,
    content_words,
    mark_proper_names,
    phrase_terms,
    sentences,
    split_compounds,
    token_pattern,
    tokenize,
)

__all__ = [
    "COMPOUND_MIN",
    "DEMAND_REACH",
    "EXCLUSION_REACH",
    "MAX_SENTENCE",
    "PersonIndex",
    "Sentence",
    "Slot",
    "Spans",
    "SIGNS",
    "TOKEN",
    "Token",
    "WINDOW",
    "clause_slot",
    "content_words",
    "hedge_of",
    "is_compared_with",
    "is_cumulative",
    "is_previous_level",
    "is_projection",
    "level_of",
    "of_own_month",
    "make_claim",
    "mark_proper_names",
    "measure_head",
    "modifier_terms",
    "noun_run",
    "number_slot",
    "other_year",
    "period_of",
    "pp_terms",
    "phrase_terms",
    "projection_noun_after",
    "range_low",
    "sentences",
    "split_compounds",
    "token_pattern",
    "tokenize",
]
