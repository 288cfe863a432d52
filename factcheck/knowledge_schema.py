"""The schema of the knowledge packs: for each pack file, each key it may hold, how its value
is read (a kind of ``schema_kinds``) and the ``Knowledge`` field it fills. The language packs
have their own schema in ``language_schema``.

A key a pack does not declare, or a value of the wrong shape, is a ``RuleError`` naming the
file and the line. Later folders extend earlier ones: a set gains words, a mapping is updated,
a list is extended (or, for months and weekdays, replaced), a number is overridden.
"""
from __future__ import annotations

from pathlib import Path

from .knowledge import Holder, Knowledge, fold
from .schema_kinds import (
    At,
    Canon,
    Custom,
    Groups,
    Kind,
    ListMap,
    Map,
    Pairs,
    Regexes,
    Scalar,
    Words,
    as_date,
    check_keys,
    compile_pattern,
    day_range,
    described,
    fraction,
    heading,
    listed,
    lower,
    number,
    read,
    stem_word,
    text,
    whole,
    word,
)
from .yamlio import RuleError, line_of


def _sorted_roles(roles) -> list[str]:
    return sorted({fold(r) for r in roles}, key=lambda r: (-len(r), r))


def _roles(kn: Knowledge, value, at: At) -> None:
    kn.roles = _sorted_roles(kn.roles + [read(text, r, at) for r in value])


def _role_aliases(kn: Knowledge, value, at: At) -> None:
    Canon("role_alias").apply(kn, value, at)
    names = [n for canon, names in value.items() for n in [canon] + listed(names, at.of(value, canon))]
    kn.roles = _sorted_roles(kn.roles + [read(text, n, at) for n in names])


def _exclusive_roles(kn: Knowledge, value, at: At) -> None:
    for group in value:
        canon = [read(word, r, at) for r in listed(group, at)]
        kn.exclusive_roles.update(frozenset((a, b)) for a in canon for b in canon if a != b)


def _concurrent_roles(kn: Knowledge, value, at: At) -> None:
    for group in value:
        canon = [read(word, r, at) for r in listed(group, at)]
        kn.concurrent_roles.update(frozenset((a, b)) for a in canon for b in canon if a != b)


def _summer_time(kn: Knowledge, value, at: At) -> None:
    for family, zones in value.items():
        where = at.of(value, family)
        pair = [read(word, z, where) for z in listed(zones, where)]
        if len(pair) != 2:
            raise where.error("needs [SUMMER ZONE, WINTER ZONE]")
        kn.summer_time[word(family)] = (pair[0], pair[1])


def _summer_span(kn: Knowledge, value, at: At) -> None:
    days = [[read(whole, x, at) for x in listed(d, at)] for d in listed(value, at)]
    if len(days) != 2 or any(len(d) != 2 for d in days):
        raise at.error("needs [[MONTH, NTH SUNDAY], [MONTH, NTH SUNDAY]]")
    kn.summer_time_span = ((days[0][0], days[0][1]), (days[1][0], days[1][1]))


def _qualifiers(kn: Knowledge, value, at: At) -> None:
    for qual, words in value.items():
        where = at.of(value, qual)
        for w in listed(words, where):
            raw = read(text, w, where)
            kn.qualifier_of[fold(raw) or raw] = read(text, qual, where)
            if raw.endswith("-") and fold(raw):
                kn.qualifier_prefixes.add(fold(raw))
            if raw.startswith("-") and fold(raw):
                kn.qualifier_suffixes.add(fold(raw))


def _incompatible(kn: Knowledge, value, at: At) -> None:
    for pair in value:
        if not isinstance(pair, list) or len(pair) != 2:
            raise at.error(f"each entry needs two bodies, not {described(pair)}")
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
            start=as_date(entry["from"], at.path, line),
            end=as_date(entry["to"], at.path, line) if entry.get("to") else None))


def _pair_of(value, k, at: At, example: str) -> tuple[str, float]:
    entry = value[k]
    if not (isinstance(entry, list) and len(entry) == 2 and not isinstance(entry[1], bool)
            and isinstance(entry[1], (int, float))):
        raise at.of(value, k).error(f"needs {example}")
    return read(text, entry[0], at.of(value, k)), float(entry[1])


def _territories(kn: Knowledge, value, at: At) -> None:
    """Every country and territory CLDR names in a locale (Babel), as a place of its own name,
    unless a place of the packs already takes the name or ``except`` lists it (names that are
    also common words or given names: 'Jersey', 'Chad')."""
    from babel import Locale, UnknownLocaleError

    if not isinstance(value, dict) or "locale" not in value:
        raise at.error("needs a mapping with 'locale' (and maybe 'except' and 'skip_codes')")
    try:
        names = Locale.parse(read(text, value["locale"], at)).territories
    except (ValueError, UnknownLocaleError) as exc:
        raise at.error(f"unknown locale: {exc}") from None
    skipped = {read(word, w, at) for w in listed(value.get("except"), at)}
    codes = {str(c).upper() for c in listed(value.get("skip_codes"), at)}
    for code, name in sorted(names.items()):
        key = fold(name)
        if len(code) == 2 and code.isalpha() and code not in codes and key not in skipped and key not in kn.place_of:
            kn.place_of[key] = key


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
        for p in listed(patterns, where):
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
        "month_parts": Map("month_parts", key=text, value=day_range, says="a mapping of words: [first day, last day]"),
        "time_units": Words("time_units"),
        "not_duration_after": Words("not_duration_after"),
        "interval_words": Map("interval_words"),
        "earlier_value_words": Words("earlier_value_words"),
        "earlier_period_owners": Words("earlier_period_owners", conv=text),
        "compared_with_words": Words("compared_with_words", conv=text),
        "respectively_words": Words("respectively_words"),
        "list_links": Words("list_links"),
        "change_of_words": Words("change_of_words"),
        "clause_conjunctions": Words("clause_conjunctions"),
        "split_conjunctions": Words("split_conjunctions"),
        "period_year_words": Words("period_year_words"),
        "base_year_words": Words("base_year_words"),
        "comparison_words": Words("comparison_words"),
        "attribution_words": Words("attribution_words"),
        "auxiliary_words": Words("auxiliary_words"),
        "fiscal_words": Words("fiscal_words"),
        "relative_pronouns": Words("relative_pronouns"),
        "share_verbs": Words("share_verbs", conv=text),
        "part_nouns": Words("part_nouns"),
        "comparative_links": Words("comparative_links"),
        "locative_openers": Words("locative_openers"),
        "record_words": Words("record_words"),
        "year_prefixes": Words("year_prefixes"),
        "years_back": Words("years_back"),
        "relative_years": Map("relative_years", key=text, value=whole, says=WHOLES),
        "year_when_words": Words("year_when_words"),
    },
    "places.yml": {"places": Canon("place_of", itself=True, required=True),
                   "territories": Custom("place_of", _territories, of=dict,
                                         says="a mapping with locale, except and skip_codes"),
                   "settlement_words": Words("settlement_words")},
    "bodies.yml": {"bodies": Canon("body_of", itself=True, required=True)},
    "titles.yml": {
        "name_particles": Words("name_particles"),
        "romanisations": Pairs("romanisations"),
        "name_suffixes": Words("name_suffixes"),
        "honorifics": Words("honorifics"),
        "transition_words": Words("transition_words"),
        "organisation_words": Words("organisation_words"),
        "descriptive_ranks": Words("descriptive_ranks"),
        "loose_roles": Words("loose_roles"),
        "role_aliases": Custom("role_alias", _role_aliases, of=dict, says=NAMES),
        "role_plurals": Canon("role_plural"),
        "roles": Custom("roles", _roles, required=True),
        "exclusive_roles": Custom("exclusive_roles", _exclusive_roles, says="a list of [role, role…] groups"),
        "concurrent_roles": Custom("concurrent_roles", _concurrent_roles, says="a list of [role, role…] groups"),
        "affiliations": Words("affiliations", conv=text, required=True),
        "ranks": Words("ranks"),
        "qualifiers": Custom("qualifier_of", _qualifiers, of=dict, says="a mapping of qualifier: [words]",
                             required=True),
        "past_qualifiers": Words("past_qualifiers", conv=text),
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
        "target_nouns": Words("target_nouns"),
        "approx_below": Words("approx_below"),
        "approx_above": Words("approx_above"),
        "number_of_words": Words("number_of_words"),
        "analyst_words": Words("analyst_words"),
        "guidance_words": Words("guidance_words"),
        "contribution_words": Words("contribution_words"),
        "next_words": Words("next_words"),
        "projection_nouns": Words("projection_nouns"),
        "market_measures": Words("market_measures", conv=stem_word),
        "damage_words": Words("damage_words"),
        "interim_words": Words("interim_words"),
        "beat_words": Words("beat_words"),
        "market_indexes": Canon("index_of", key=text, value=text, itself=True),
        "whole_words": Words("whole_words"),
        "snapshot_words": Words("snapshot_words", conv=text),
        "tally_nouns": Words("tally_nouns"),
        "since_words": Words("since_words"),
        "cumulative_words": Words("cumulative_words"),
        "annual_words": Words("annual_words"),
        "ongoing_words": Words("ongoing_words"),
        "consequence_words": Words("consequence_words", conv=text),
        "tally_verbs": Words("tally_verbs"),
        "as_of_words": Words("as_of_words", conv=text),
        "part_links": Words("part_links"),
        "quarter_nouns": Words("quarter_nouns"),
        "coming_period_words": Words("coming_period_words"),
        "half_nouns": Words("half_nouns"),
        "split_words": Words("split_words"),
        "anaphoric_heads": Words("anaphoric_heads", conv=stem_word),
        "count_verbs": Canon("count_verb_of", value=text, unique=True),
        "duration_lead_words": Words("duration_lead_words"),
        "period_span_words": Words("period_span_words", conv=text),
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
        "unspecific": Words("unspecific_events"),
        "with_participants": Words("participant_events"),
        "single": Words("single_events", conv=text),
        "not_paired_alone": Words("unpaired_events"),
        "results_verbs": Words("results_verbs"),
        "deadline_words": Words("deadline_words"),
        "events": Canon("event_of", value=text, required=True, unique=True),
        "hazards": Canon("hazard_of", value=text, unique=True),
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
        "hour_suffixes": Words("hour_suffixes"),
        "time_deadline_words": Words("time_deadline_words"),
        "approx_minutes": Scalar("approx_minutes"),
        "summer_time": Custom("summer_time", _summer_time, of=dict, says="a mapping of family: [summer zone, winter zone]"),
        "summer_time_span": Custom("summer_time_span", _summer_span, says="[[month, nth Sunday], [month, nth Sunday]]"),
    },
}

PACKS: dict[str, list[str]] = {pack: [key for key, kind in keys.items() if kind.required]
                               for pack, keys in SCHEMA.items()}


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
            raise at.error(f"needs {kind.says}, not {described(value)}")
        kind.apply(kn, value, at)
