"""The keys of a language pack (``lang/*.yml``, read by ``languages.derive``) and the YAML shape
each value must have; a key the schema does not know, or a value of the wrong shape, is a
``RuleError`` naming the file and the line."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .schema_kinds import At, check_keys, described
from .yamlio import line_of


@dataclass(frozen=True)
class Shape:
    """The YAML type a language pack key's value must have; ``values`` that of each of its entries."""

    of: type | tuple[type, ...]
    form: str
    values: Shape | None = None
    keys: dict[str, Shape] | None = None


WORD_LIST = Shape(list, "a list of words")
TEXT = Shape((str, int, float), "text")
FLAG = Shape(bool, "true or false")
WHOLE = Shape(int, "a whole number")
WORD_MAP = Shape(dict, "a mapping of word: word", values=TEXT)
WHOLE_MAP = Shape(dict, "a mapping of word: whole number", values=WHOLE)
LISTS = Shape(dict, "a mapping of name: [words]", values=WORD_LIST)
PAIRS = Shape(dict, "a mapping of word: [word, word]", values=Shape(list, "a list [word, word]"))

DATES: dict[str, Shape] = {
    **dict.fromkeys(["day_suffixes", "day_links", "year_links", "range_words", "weekday_suffixes",
                     "period_preps", "not_relative"], WORD_LIST),
    **dict.fromkeys(["month_preps", "parts", "weekday_before", "weekday_after"], WORD_MAP),
}

LANGUAGE_PACK: dict[str, Shape] = {
    "language": TEXT,
    "nouns_capitalised": FLAG,
    "genitive_suffix": TEXT,
    "direction_after": WHOLE,
    **dict.fromkeys(["stopwords", "abbreviations", "past_verbs", "future_markers", "schedule_verbs", "plan_verbs",
                     "generic_modifiers", "measure_units", "projection_words", "projection_nouns",
                     "additional_words", "demand_words", "target_nouns", "count_subjects", "not_scales", "level_words",
                     "past_endings", "future_endings", "prepositions", "articles", "portfolio_links",
                     "noun_markers", "adjective_endings", "per_words", "price_links", "elisions",
                     "group_marks"], WORD_LIST),
    **dict.fromkeys(["number_words", "ordinal_words", "scales"], WHOLE_MAP),
    **dict.fromkeys(["percent", "joined_qualifiers"], WORD_MAP),
    **dict.fromkeys(["currencies", "measures", "synonyms", "places", "bodies", "events", "count_classes",
                     "count_tolls", "verb_measures", "directions", "hedges", "bases", "roles", "portfolios",
                     "qualifiers"], LISTS),
    "portfolio_roles": PAIRS,
    "dates": Shape(dict, "a mapping of date words", keys=DATES),
}


def _fits(value, shape: Shape) -> bool:
    if value is None:
        return True
    if isinstance(value, bool):
        return shape.of is bool
    return isinstance(value, shape.of)


def check_language_pack(data: dict, path: Path, keys: dict[str, Shape] = LANGUAGE_PACK) -> None:
    """A language pack's keys must be ones ``languages.derive`` reads, each of its shape (the
    entries of a mapping too); else a RuleError at the line of the key or entry."""
    check_keys(data, keys, path)
    for key, value in data.items():
        shape = keys[key]
        at = At(path, line_of(data, key), key)
        if not _fits(value, shape):
            raise at.error(f"needs {shape.form}, not {described(value)}")
        if shape.keys is not None and value:
            check_language_pack(value, path, shape.keys)
        elif shape.values is not None and value:
            for k, v in value.items():
                if not _fits(v, shape.values):
                    raise at.of(value, k).error(f"needs {shape.values.form}, not {described(v)}")
