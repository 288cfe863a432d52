"""The schema of the knowledge packs: for each pack file, each key it may hold, the shape its
value must have, how it is read and the ``Knowledge`` field it fills; and the keys and shapes
of the language packs (``lang/*.yml``, read by ``languages.derive``).

A key a pack does not declare, or a value of the wrong shape, is a ``RuleError`` naming the
file and the line. Later folders extend earlier ones: a set gains words, a mapping is updated,
a list is extended (or, for months and weekdays, replaced), a number is overridden.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .knowledge import Holder, Knowledge, fold, stem
from .yamlio import RuleError, line_of

QUOTE_HINT = " (quote it in YAML: yes/no/on/off are booleans there)"


@dataclass(frozen=True)
class At:
    """Where a value was read: the file, the line of its key and the key (and entry) it is under."""

    path: Path
    line: int | None
    key: str
    entry: object = None

    def error(self, message: str) -> RuleError:
        """A RuleError about this value, at its file and line."""
        where = f"{self.key}: '{self.entry}'" if self.entry is not None else f"{self.key}:"
        return RuleError(self.path, self.line, f"{where} {message}")

    def of(self, mapping, key) -> At:
        """The place of one entry of a mapping value (its own line when known)."""
        return At(self.path, line_of(mapping, key) or self.line, self.key, key)


def _a(value) -> str:
    """The YAML name of a value's type, with its article, for error messages."""
    if value is None:
        return "an empty entry"
    names = {dict: "a mapping", list: "a list", str: "text", bool: "a boolean", int: "a number", float: "a number"}
    kind = next((n for t, n in names.items() if isinstance(value, t)), type(value).__name__)
    return f"{kind} ({value!r})" if not isinstance(value, (dict, list)) else kind


def text(x) -> str:
    """A word, phrase or code as text; a boolean, a date or an empty entry is an error."""
    if isinstance(x, bool) or not isinstance(x, (str, int, float)):
        raise ValueError(f"needs text, not {_a(x)}" + (QUOTE_HINT if isinstance(x, bool) else ""))
    return str(x)


def word(x) -> str:
    """A word as a lookup key (folded)."""
    return fold(text(x))


def lower(x) -> str:
    """A word in lower case, its punctuation kept (currency forms like 'us$')."""
    return text(x).lower()


def stem_word(x) -> str:
    """A word as its stem ('residents' → 'resident')."""
    return stem(word(x))


def heading(x) -> str:
    """A heading as a lookup key, without its final colon."""
    return word(x).rstrip(":")


def fraction(x) -> str:
    """A fraction word as a lookup key, hyphens read as spaces ('three-quarters')."""
    return word(x).replace("-", " ")


def whole(x) -> int:
    """A whole number."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    if isinstance(x, bool) or not isinstance(x, int):
        raise ValueError(f"needs a whole number, not {_a(x)}")
    return x


def number(x) -> float:
    """A number, whole or not."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise ValueError(f"needs a number, not {_a(x)}")
    return float(x)


def read(conv: Callable[[Any], Any], x, at: At):
    """``conv(x)``, its complaint raised as a RuleError at ``at``."""
    try:
        return conv(x)
    except ValueError as exc:
        raise at.error(str(exc)) from None


def _listed(value, at: At) -> list:
    """A mapping entry's list of words (none when empty); anything else is an error."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise at.error(f"needs a list, not {_a(value)}")
    return value


def compile_pattern(pattern: str, path: Path, line, months: str) -> re.Pattern:
    """A pack's regular expression, ``{month}`` replaced by the month names; a RuleError if invalid."""
    try:
        return re.compile(pattern.replace("{month}", months), re.IGNORECASE)
    except re.error as exc:
        raise RuleError(path, line, f"bad regular expression {pattern!r}: {exc}") from None


def _as_date(value, path: Path, line) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RuleError(path, line, f"'{value}' is not a date (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Kind:
    """How one key of a pack is read into the ``Knowledge`` field ``attr``. ``of`` is the YAML
    type its value must have, ``says`` names it in an error message; ``required`` keys must be
    in the pack of the first folder that has it."""

    attr: str
    of: type = field(default=list, kw_only=True)
    says: str = field(default="a list of words", kw_only=True)
    required: bool = field(default=False, kw_only=True)

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Add the value (already of the right shape) to the knowledge."""
        raise NotImplementedError


@dataclass(frozen=True)
class Words(Kind):
    """A list of words: a set field gains them, a list field is extended (or replaced)."""

    conv: Callable[[Any], Any] = word
    replace: bool = False

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Add the words to the field."""
        words = [read(self.conv, w, at) for w in value]
        target = getattr(kn, self.attr)
        if self.replace:
            setattr(kn, self.attr, words)
        elif isinstance(target, set):
            target.update(words)
        else:
            target.extend(words)


@dataclass(frozen=True)
class Map(Kind):
    """A mapping of word: value, updating a dict field."""

    of: type = field(default=dict, kw_only=True)
    says: str = field(default="a mapping of word: word", kw_only=True)
    key: Callable[[Any], Any] = word
    value: Callable[[Any], Any] = word

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Update the field with the converted entries."""
        target = getattr(kn, self.attr)
        for k, v in value.items():
            where = at.of(value, k)
            target[read(self.key, k, where)] = read(self.value, v, where)


@dataclass(frozen=True)
class Canon(Kind):
    """A mapping of canonical name: [words], each word (and the name, with ``itself``) looked up as the name."""

    of: type = field(default=dict, kw_only=True)
    says: str = field(default="a mapping of name: [words]", kw_only=True)
    key: Callable[[Any], Any] = word
    value: Callable[[Any], Any] = word
    itself: bool = False
    unique: bool = False

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Map each word to its canonical name in the field; with ``unique``, a word listed under
        two names of one file is an error (the later one would silently win)."""
        target = getattr(kn, self.attr)
        seen: dict = {}
        for canon, names in value.items():
            where = at.of(value, canon)
            names = _listed(names, where)
            c = read(self.value, canon, where)
            for n in [canon] * self.itself + names:
                k = read(self.key, n, where)
                if self.unique and seen.get(k, c) != c:
                    raise where.error(f"lists '{n}', which '{seen[k]}' lists already: a word names one kind")
                seen[k] = c
                target[k] = c


@dataclass(frozen=True)
class Groups(Kind):
    """A list of groups of words that mean one thing, the first word standing for the group."""

    says: str = field(default="a list of [word, words…] groups", kw_only=True)

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Map each word of each group to the group's first word."""
        target = getattr(kn, self.attr)
        for group in value:
            if not isinstance(group, list) or not group:
                raise at.error(f"each entry needs a list of words, not {_a(group)}")
            canon = read(word, group[0], at)
            for w in group:
                target[read(word, w, at)] = canon


@dataclass(frozen=True)
class Pairs(Kind):
    """A list of [word, word] pairs."""

    says: str = field(default="a list of [word, word] pairs", kw_only=True)

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Add the folded pairs to the list field."""
        for pair in value:
            if not isinstance(pair, list) or len(pair) != 2:
                raise at.error(f"each entry needs two words, not {_a(pair)}")
            getattr(kn, self.attr).append((read(word, pair[0], at), read(word, pair[1], at)))


@dataclass(frozen=True)
class ListMap(Kind):
    """A mapping of kind: [words], each kind's list extended."""

    of: type = field(default=dict, kw_only=True)
    says: str = field(default="a mapping of kind: [words]", kw_only=True)

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Extend each kind's list of words."""
        target = getattr(kn, self.attr)
        for kind, words in value.items():
            where = at.of(value, kind)
            target.setdefault(read(text, kind, where), []).extend(read(word, w, where) for w in _listed(words, where))


@dataclass(frozen=True)
class Regexes(Kind):
    """A list of regular expressions, compiled case-insensitive."""

    says: str = field(default="a list of regular expressions", kw_only=True)

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Compile each pattern onto the list field."""
        getattr(kn, self.attr).extend(compile_pattern(read(text, p, at), at.path, at.line, "") for p in value)


@dataclass(frozen=True)
class Scalar(Kind):
    """One value that a later folder overrides."""

    of: type = field(default=object, kw_only=True)
    says: str = field(default="a whole number", kw_only=True)
    conv: Callable[[Any], Any] = whole

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Set the field."""
        setattr(kn, self.attr, read(self.conv, value, at))


@dataclass(frozen=True)
class Custom(Kind):
    """A key read by its own function ``reader(kn, value, at)`` (which may fill more than ``attr``)."""

    reader: Callable[[Knowledge, Any, At], None]
    says: str = field(default="a list", kw_only=True)

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Run the reader."""
        self.reader(kn, value, at)


def _sorted_roles(roles) -> list[str]:
    return sorted({fold(r) for r in roles}, key=lambda r: (-len(r), r))


def _roles(kn: Knowledge, value, at: At) -> None:
    kn.roles = _sorted_roles(kn.roles + [read(text, r, at) for r in value])


def _role_aliases(kn: Knowledge, value, at: At) -> None:
    Canon("role_alias").apply(kn, value, at)
    names = [n for canon, names in value.items() for n in [canon] + _listed(names, at.of(value, canon))]
    kn.roles = _sorted_roles(kn.roles + [read(text, n, at) for n in names])


def _exclusive_roles(kn: Knowledge, value, at: At) -> None:
    for group in value:
        canon = [read(word, r, at) for r in _listed(group, at)]
        kn.exclusive_roles.update(frozenset((a, b)) for a in canon for b in canon if a != b)


def _qualifiers(kn: Knowledge, value, at: At) -> None:
    for qual, words in value.items():
        where = at.of(value, qual)
        for w in _listed(words, where):
            raw = read(text, w, where)
            kn.qualifier_of[fold(raw) or raw] = read(text, qual, where)
            if raw.endswith("-") and fold(raw):
                kn.qualifier_prefixes.add(fold(raw))
            if raw.startswith("-") and fold(raw):
                kn.qualifier_suffixes.add(fold(raw))


def _incompatible(kn: Knowledge, value, at: At) -> None:
    for pair in value:
        if not isinstance(pair, list) or len(pair) != 2:
            raise at.error(f"each entry needs two bodies, not {_a(pair)}")
        kn.incompatible.add(frozenset(kn.canon_portfolio(read(text, p, at)) for p in pair))


def _holders(kn: Knowledge, value, at: At) -> None:
    for entry in value:
        line = line_of(entry) or at.line
        for key in ("person", "role", "from"):
            if not isinstance(entry, dict) or key not in entry:
                raise RuleError(at.path, line, f"office holder entry is missing field '{key}'")
        where = At(at.path, line, at.key)
        role = read(word, entry["role"], where)
        kn.holders.append(Holder(
            person=str(entry["person"]), role=kn.role_alias.get(role, role),
            portfolio=read(word, entry["portfolio"], where) if entry.get("portfolio") else None,
            country=read(word, entry["country"], where) if entry.get("country") else None,
            start=_as_date(entry["from"], at.path, line),
            end=_as_date(entry["to"], at.path, line) if entry.get("to") else None))


def _pair_of(value, k, at: At, example: str) -> tuple[str, float]:
    entry = value[k]
    if not (isinstance(entry, list) and len(entry) == 2 and not isinstance(entry[1], bool)
            and isinstance(entry[1], (int, float))):
        raise at.of(value, k).error(f"needs {example}")
    return read(text, entry[0], at.of(value, k)), float(entry[1])


def _conversions(kn: Knowledge, value, at: At) -> None:
    for unit in value:
        base, factor = _pair_of(value, unit, at, "[BASE UNIT, FACTOR], e.g. [km, 1.609344]")
        kn.unit_base[read(word, unit, at.of(value, unit))] = (fold(base), factor)


def _minor_units(kn: Knowledge, value, at: At) -> None:
    for unit in value:
        currency, factor = _pair_of(value, unit, at, "[CURRENCY, FACTOR], e.g. [GBP, 0.01]")
        kn.currency_of[read(lower, unit, at.of(value, unit))] = currency
        kn.currency_factor[read(lower, unit, at.of(value, unit))] = factor


def _bases(kn: Knowledge, value, at: At) -> None:
    months = "(?:" + "|".join(kn.months or ["january"]) + ")"
    for basis, patterns in value.items():
        where = at.of(value, basis)
        for p in _listed(patterns, where):
            pattern = compile_pattern(read(text, p, where), at.path, where.line, months)
            kn.bases.append((read(text, basis, where), pattern))


NAMES = "a mapping of name: [words]"
WHOLES = "a mapping of word: whole number"
NUMBERS = "a mapping of word: number"

SCHEMA: dict[str, dict[str, Kind]] = {
    "english.yml": {
        "months": Words("months", replace=True, required=True),
        "object_words": Words("object_words"),
        "month_abbreviations": Map("month_abbr"),
        "weekdays": Words("weekdays", replace=True, required=True),
        "number_words": Map("number_words", value=whole, says=WHOLES, required=True),
        "ordinal_words": Map("ordinal_words", value=whole, says=WHOLES, required=True),
        "abbreviations": Words("abbreviations", required=True),
        "stopwords": Words("stopwords", required=True),
        "past_verbs": Words("past_verbs"),
        "future_markers": Words("future_markers"),
        "schedule_verbs": Words("schedule_verbs"),
        "plan_verbs": Words("plan_verbs"),
        "relative_days": Map("relative_days", value=whole, says=WHOLES),
    },
    "places.yml": {"places": Canon("place_of", itself=True, required=True)},
    "bodies.yml": {"bodies": Canon("body_of", itself=True, required=True)},
    "titles.yml": {
        "name_particles": Words("name_particles"),
        "name_suffixes": Words("name_suffixes"),
        "honorifics": Words("honorifics"),
        "transition_words": Words("transition_words"),
        "organisation_words": Words("organisation_words"),
        "descriptive_ranks": Words("descriptive_ranks"),
        "loose_roles": Words("loose_roles"),
        "role_aliases": Custom("role_alias", _role_aliases, of=dict, says=NAMES),
        "roles": Custom("roles", _roles, required=True),
        "exclusive_roles": Custom("exclusive_roles", _exclusive_roles, says="a list of [role, role…] groups"),
        "affiliations": Words("affiliations", conv=text, required=True),
        "ranks": Words("ranks"),
        "qualifiers": Custom("qualifier_of", _qualifiers, of=dict, says="a mapping of qualifier: [words]",
                             required=True),
        "equivalent": Groups("portfolio_canon", required=True),
        "incompatible": Custom("incompatible", _incompatible, says="a list of [body, body] pairs", required=True),
    },
    "office_holders.yml": {
        "holders": Custom("holders", _holders, says="a list of holder entries", required=True),
        "aliases": Canon("aliases", value=text),
    },
    "numbers.yml": {
        "point_fractions": Map("point_fractions", key=fraction, value=number, says=NUMBERS),
        "measures": Canon("measure_of", itself=True, required=True),
        "synonyms": Groups("synonym_of", required=True),
        "contrasts": Pairs("contrasts", required=True),
        "generic_modifiers": Words("generic_modifiers", required=True),
        "classifiers": Words("classifiers", required=True),
        "measure_units": Words("measure_units"),
        "units": Canon("unit_of", itself=True),
        "prefix_units": Words("prefix_units"),
        "unit_max_ratio": Map("unit_max_ratio", value=number, says=NUMBERS),
        "conversions": Custom("unit_base", _conversions, of=dict, says="a mapping of unit: [BASE UNIT, FACTOR]"),
        "dimension_words": Words("dimension_words"),
        "dimension_nouns": Words("dimension_nouns"),
        "compass_words": Words("compass_words"),
        "count_lead_words": Words("count_lead_words"),
        "additional_words": Words("additional_words"),
        "total_words": Words("total_words"),
        "each_words": Words("each_words"),
        "projection_words": Words("projection_words"),
        "demand_words": Words("demand_words"),
        "next_words": Words("next_words"),
        "projection_nouns": Words("projection_nouns"),
        "duration_lead_words": Words("duration_lead_words"),
        "period_adjectives": Map("period_adjectives"),
        "ordinal_periods": Words("ordinal_periods", conv=stem_word),
        "in_a_row_words": Words("in_a_row_words"),
        "naming_ordinals": Words("naming_ordinals"),
        "record_window_words": Words("record_window_words"),
        "count_subjects": Words("count_subjects", conv=stem_word),
        "count_classes": Canon("count_class"),
        "count_tolls": Canon("count_toll"),
        "verb_measures": Canon("verb_measure"),
        "per_unit_measures": Map("per_unit_measure"),
        "exclusion_words": Words("exclusion_words"),
        "range_words": Map("range_words"),
        "count_gap_words": Words("count_gap_words"),
        "place_prepositions": Words("place_prepositions"),
        "hedges": ListMap("hedges", required=True),
        "directions": Canon("direction_of", value=text, required=True),
    },
    "basis.yml": {"bases": Custom("bases", _bases, of=dict, says="a mapping of basis: [patterns]", required=True)},
    "money.yml": {
        "currencies": Canon("currency_of", key=lower, value=text, required=True),
        "prefix_words": Words("currency_prefixes", conv=lower),
        "hyphen_currencies": Map("hyphen_currencies", value=text),
        "priced_nouns": Words("priced_nouns"),
        "minor_units": Custom("currency_factor", _minor_units, of=dict, says="a mapping of unit: [CURRENCY, FACTOR]"),
        "scales": Map("scales", key=lower, value=whole, says=WHOLES, required=True),
    },
    "events.yml": {
        "reporting": Words("reporting_events"),
        "hearsay": Words("hearsay_events"),
        "recurring": Words("recurring_events"),
        "results_verbs": Words("results_verbs"),
        "deadline_words": Words("deadline_words"),
        "events": Canon("event_of", value=text, required=True, unique=True),
    },
    "furniture.yml": {
        "trailing_headings": Words("trailing_headings", conv=heading, required=True),
        "interruptions": Words("interruptions", conv=heading),
        "line_prefixes": Words("line_prefixes", conv=lower, required=True),
        "metadata_patterns": Regexes("metadata_patterns", required=True),
        "trailing_markers": Regexes("trailing_markers"),
        "max_metadata_list_words": Scalar("max_metadata_list_words"),
        "max_metadata_words": Scalar("max_metadata_words"),
    },
    "times.yml": {
        "zones": Map("zone_offset", value=whole, says=WHOLES, required=True),
        "families": Canon("zone_family", required=True),
        "hour_words": Map("hour_words", value=whole, says=WHOLES, required=True),
        "approx_minutes": Scalar("approx_minutes"),
    },
}

PACKS: dict[str, list[str]] = {pack: [key for key, kind in keys.items() if kind.required]
                               for pack, keys in SCHEMA.items()}


def check_keys(data: dict, known, path: Path) -> None:
    """Every key of a pack mapping must be one of ``known``; else a RuleError at its line naming the nearest."""
    for key in data:
        if key not in known:
            near = difflib.get_close_matches(str(key), [str(k) for k in known], n=1)
            hint = f"did you mean '{near[0]}'?" if near else f"the keys are {', '.join(known)}"
            raise RuleError(path, line_of(data, key), f"unknown key '{key}' ({hint})")


def require(pack: str, data, path: Path) -> None:
    """The pack of the first folder holding it must be a mapping with all its required keys."""
    keys = PACKS[pack]
    if not isinstance(data, dict):
        raise RuleError(path, line_of(data), f"{pack} must be a mapping with keys {', '.join(keys)}")
    for key in keys:
        if key not in data:
            raise RuleError(path, line_of(data), f"missing field '{key}'")


def apply_pack(kn: Knowledge, pack: str, data, path: Path) -> None:
    """Read one pack file into the knowledge, key by key in the schema's order (a key may use
    what an earlier one gave: incompatible bodies read through the equivalent ones)."""
    schema = SCHEMA[pack]
    if data is None:
        return
    if not isinstance(data, dict):
        raise RuleError(path, line_of(data), f"{pack} must be a mapping with keys such as {', '.join(schema)}")
    check_keys(data, schema, path)
    for key, kind in schema.items():
        value = data.get(key)
        if value is None:
            continue
        at = At(path, line_of(data, key), key)
        if not isinstance(value, kind.of):
            raise at.error(f"needs {kind.says}, not {_a(value)}")
        kind.apply(kn, value, at)


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
                     "additional_words", "demand_words", "count_subjects", "not_scales", "level_words",
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
            raise at.error(f"needs {shape.form}, not {_a(value)}")
        if shape.keys is not None and value:
            check_language_pack(value, path, shape.keys)
        elif shape.values is not None and value:
            for k, v in value.items():
                if not _fits(v, shape.values):
                    raise at.of(value, k).error(f"needs {shape.values.form}, not {_a(v)}")
