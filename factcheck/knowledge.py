"""World and language knowledge, read from the YAML packs in ``rules/knowledge/``.

Nothing here knows about any particular story: every name, office, basis word or
currency comes from the packs, so a newsroom extends the checker by editing YAML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case- and punctuation-folded form of a word or phrase used as a lookup key."""
    if not isinstance(word, str):
        raise TypeError(f"expected text, got {word!r} (quote it in YAML: yes/no/on/off are booleans there)")
    word = word.lower().replace("’", "'").replace("‘", "'")
    word = re.sub(r"'s\b", "", word)
    word = word.replace(".", "")
    return re.sub(r"\s+", " ", word).strip(" -'\"")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude plural/verb-ending stem, enough to match 'tariffs' with 'tariff'."""
    w = fold(word)
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """A crude verb lemma: 'killing', 'killed' → 'kill'; 'injured' → 'injur'."""
    w = fold(word)
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2]:
                w = w[:-1]
            return w.rstrip("e")
    return w


@dataclass(frozen=True)
class Holder:
    """One person holding one office over a period."""

    person: str
    role: str
    portfolio: str | None
    country: str | None
    start: date
    end: date | None

    def holds_on(self, day: date) -> bool:
        """True when the office was held on that day."""
        return self.start <= day and (self.end is None or day < self.end)

    def office(self) -> str:
        """The office as a title is read canonically: 'premier [china]',
        'director of national economic council [united states]'."""
        return self.role + (f" of {self.portfolio}" if self.portfolio else "") + (f" [{self.country}]" if self.country else "")

    def cited(self) -> dict:
        """The record entry as a report cites it: holder, office, since and until (None while held)."""
        return {"holder": self.person, "office": self.office(), "since": self.start.isoformat(),
                "until": self.end.isoformat() if self.end else None}


@dataclass
class Knowledge:
    """Everything the extractors and checks know about the world, loaded from YAML."""

    months: list[str] = field(default_factory=list)
    month_abbr: dict[str, str] = field(default_factory=dict)
    weekdays: list[str] = field(default_factory=list)
    relative_days: dict[str, int] = field(default_factory=dict)
    month_parts: dict[str, tuple[int, int]] = field(default_factory=dict)
    time_units: set[str] = field(default_factory=set)
    not_duration_after: set[str] = field(default_factory=set)
    interval_words: dict[str, str] = field(default_factory=dict)
    earlier_value_words: set[str] = field(default_factory=set)
    earlier_period_owners: set[str] = field(default_factory=set)
    compared_with_words: set[str] = field(default_factory=set)
    respectively_words: set[str] = field(default_factory=set)
    list_links: set[str] = field(default_factory=set)
    change_of_words: set[str] = field(default_factory=set)
    clause_conjunctions: set[str] = field(default_factory=set)
    split_conjunctions: set[str] = field(default_factory=set)
    period_year_words: set[str] = field(default_factory=set)
    base_year_words: set[str] = field(default_factory=set)
    comparison_words: set[str] = field(default_factory=set)
    year_prefixes: set[str] = field(default_factory=set)
    years_back: set[str] = field(default_factory=set)
    relative_years: dict[str, int] = field(default_factory=dict)
    year_when_words: set[str] = field(default_factory=set)
    past_verbs: set[str] = field(default_factory=set)
    future_markers: set[str] = field(default_factory=set)
    schedule_verbs: set[str] = field(default_factory=set)
    plan_verbs: set[str] = field(default_factory=set)
    number_words: dict[str, int] = field(default_factory=dict)
    point_fractions: dict[str, float] = field(default_factory=dict)
    ordinal_words: dict[str, int] = field(default_factory=dict)
    abbreviations: set[str] = field(default_factory=set)
    stopwords: set[str] = field(default_factory=set)
    place_of: dict[str, str] = field(default_factory=dict)
    body_of: dict[str, str] = field(default_factory=dict)
    roles: list[str] = field(default_factory=list)
    ranks: set[str] = field(default_factory=set)
    affiliations: list[str] = field(default_factory=list)
    qualifier_of: dict[str, str] = field(default_factory=dict)
    past_qualifiers: set[str] = field(default_factory=set)
    qualifier_prefixes: set[str] = field(default_factory=set)
    role_alias: dict[str, str] = field(default_factory=dict)
    role_plural: dict[str, str] = field(default_factory=dict)
    name_particles: set[str] = field(default_factory=set)
    romanisations: list[tuple[str, str]] = field(default_factory=list)
    name_suffixes: set[str] = field(default_factory=set)
    honorifics: set[str] = field(default_factory=set)
    transition_words: set[str] = field(default_factory=set)
    organisation_words: set[str] = field(default_factory=set)
    descriptive_ranks: set[str] = field(default_factory=set)
    loose_roles: set[str] = field(default_factory=set)
    exclusive_roles: set[frozenset[str]] = field(default_factory=set)
    concurrent_roles: set[frozenset[str]] = field(default_factory=set)
    qualifier_suffixes: set[str] = field(default_factory=set)
    portfolio_canon: dict[str, str] = field(default_factory=dict)
    incompatible: set[frozenset[str]] = field(default_factory=set)
    holders: list[Holder] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    measure_of: dict[str, str] = field(default_factory=dict)
    synonym_of: dict[str, str] = field(default_factory=dict)
    contrasts: list[tuple[str, str]] = field(default_factory=list)
    generic_modifiers: set[str] = field(default_factory=set)
    classifiers: set[str] = field(default_factory=set)
    measure_units: set[str] = field(default_factory=set)
    unit_of: dict[str, str] = field(default_factory=dict)
    unit_base: dict[str, tuple[str, float]] = field(default_factory=dict)
    prefix_units: set[str] = field(default_factory=set)
    unit_max_ratio: dict[str, float] = field(default_factory=dict)
    dimension_words: set[str] = field(default_factory=set)
    dimension_nouns: set[str] = field(default_factory=set)
    compass_words: set[str] = field(default_factory=set)
    hedges: dict[str, list[str]] = field(default_factory=dict)
    direction_of: dict[str, str] = field(default_factory=dict)
    bases: list[tuple[str, re.Pattern]] = field(default_factory=list)
    currency_of: dict[str, str] = field(default_factory=dict)
    currency_prefixes: set[str] = field(default_factory=set)
    hyphen_currencies: dict[str, str] = field(default_factory=dict)
    priced_nouns: set[str] = field(default_factory=set)
    currency_factor: dict[str, float] = field(default_factory=dict)
    verb_measure: dict[str, str] = field(default_factory=dict)
    count_lead_words: set[str] = field(default_factory=set)
    additional_words: set[str] = field(default_factory=set)
    total_words: set[str] = field(default_factory=set)
    each_words: set[str] = field(default_factory=set)
    projection_words: set[str] = field(default_factory=set)
    demand_words: set[str] = field(default_factory=set)
    target_nouns: set[str] = field(default_factory=set)
    settlement_words: set[str] = field(default_factory=set)
    approx_below: set[str] = field(default_factory=set)
    approx_above: set[str] = field(default_factory=set)
    number_of_words: set[str] = field(default_factory=set)
    analyst_words: set[str] = field(default_factory=set)
    guidance_words: set[str] = field(default_factory=set)
    contribution_words: set[str] = field(default_factory=set)
    next_words: set[str] = field(default_factory=set)
    projection_nouns: set[str] = field(default_factory=set)
    duration_lead_words: set[str] = field(default_factory=set)
    period_span_words: set[str] = field(default_factory=set)
    period_adjectives: dict[str, str] = field(default_factory=dict)
    ordinal_periods: set[str] = field(default_factory=set)
    in_a_row_words: set[str] = field(default_factory=set)
    naming_ordinals: set[str] = field(default_factory=set)
    record_window_words: set[str] = field(default_factory=set)
    count_subjects: set[str] = field(default_factory=set)
    market_measures: set[str] = field(default_factory=set)
    damage_words: set[str] = field(default_factory=set)
    interim_words: set[str] = field(default_factory=set)
    beat_words: set[str] = field(default_factory=set)
    attribution_words: set[str] = field(default_factory=set)
    auxiliary_words: set[str] = field(default_factory=set)
    fiscal_words: set[str] = field(default_factory=set)
    relative_pronouns: set[str] = field(default_factory=set)
    share_verbs: set[str] = field(default_factory=set)
    part_nouns: set[str] = field(default_factory=set)
    comparative_links: set[str] = field(default_factory=set)
    locative_openers: set[str] = field(default_factory=set)
    record_words: set[str] = field(default_factory=set)
    index_of: dict[str, str] = field(default_factory=dict)
    whole_words: set[str] = field(default_factory=set)
    snapshot_words: set[str] = field(default_factory=set)
    tally_nouns: set[str] = field(default_factory=set)
    since_words: set[str] = field(default_factory=set)
    cumulative_words: set[str] = field(default_factory=set)
    annual_words: set[str] = field(default_factory=set)
    ongoing_words: set[str] = field(default_factory=set)
    consequence_words: set[str] = field(default_factory=set)
    single_events: set[str] = field(default_factory=set)
    tally_verbs: set[str] = field(default_factory=set)
    as_of_words: set[str] = field(default_factory=set)
    part_links: set[str] = field(default_factory=set)
    quarter_nouns: set[str] = field(default_factory=set)
    coming_period_words: set[str] = field(default_factory=set)
    half_nouns: set[str] = field(default_factory=set)
    split_words: set[str] = field(default_factory=set)
    anaphoric_heads: set[str] = field(default_factory=set)
    count_verb_of: dict[str, str] = field(default_factory=dict)
    count_class: dict[str, str] = field(default_factory=dict)
    count_toll: dict[str, str] = field(default_factory=dict)
    scales: dict[str, int] = field(default_factory=dict)
    event_of: dict[str, str] = field(default_factory=dict)
    hazard_of: dict[str, str] = field(default_factory=dict)
    reporting_events: set[str] = field(default_factory=set)
    unspecific_events: set[str] = field(default_factory=set)
    participant_events: set[str] = field(default_factory=set)
    unpaired_events: set[str] = field(default_factory=set)
    hearsay_events: set[str] = field(default_factory=set)
    deadline_words: set[str] = field(default_factory=set)
    object_words: set[str] = field(default_factory=set)
    recurring_events: set[str] = field(default_factory=set)
    per_unit_measure: dict[str, str] = field(default_factory=dict)
    exclusion_words: set[str] = field(default_factory=set)
    range_words: dict[str, str] = field(default_factory=dict)
    count_gap_words: set[str] = field(default_factory=set)
    place_prepositions: set[str] = field(default_factory=set)
    zone_offset: dict[str, int] = field(default_factory=dict)
    zone_family: dict[str, str] = field(default_factory=dict)
    summer_time: dict[str, tuple[str, str]] = field(default_factory=dict)
    summer_time_span: tuple[tuple[int, int], tuple[int, int]] | None = None
    hour_words: dict[str, int] = field(default_factory=dict)
    hour_suffixes: set[str] = field(default_factory=set)
    time_deadline_words: set[str] = field(default_factory=set)
    approx_minutes: int = 15
    results_verbs: set[str] = field(default_factory=set)
    trailing_headings: set[str] = field(default_factory=set)
    interruptions: set[str] = field(default_factory=set)
    line_prefixes: list[str] = field(default_factory=list)
    metadata_patterns: list[re.Pattern] = field(default_factory=list)
    trailing_markers: list[re.Pattern] = field(default_factory=list)
    max_metadata_list_words: int = 4
    max_metadata_words: int = 12
    lang: str = "en"
    language_packs: dict[str, list[tuple[str, dict]]] = field(default_factory=dict, repr=False)
    derived_languages: dict = field(default_factory=dict, repr=False, compare=False)
    past_endings: tuple[str, ...] = ("ed",)
    adjective_endings: tuple[str, ...] = ("al", "ic", "ive", "ous", "ary", "ful", "ible", "able")
    future_endings: tuple[str, ...] = ()
    period_preps: tuple[str, ...] = ("in", "for", "of", "during")
    percent_units: dict[str, str] = field(default_factory=dict)
    lang_words: dict = field(default_factory=dict)
    weekday_relations: dict[str, str] = field(default_factory=dict)
    role_portfolio: dict[str, str] = field(default_factory=dict)
    joined_prefixes: dict[str, str] = field(default_factory=dict)
    nouns_capitalised: bool = False
    level_words: frozenset[str] = frozenset({"to"})
    pp_preps: tuple[str, ...] = ("on", "for", "to", "from", "by", "of", "against")
    pp_articles: tuple[str, ...] = ("the", "a", "an", "of")

    def derived(self, key, build):
        """A value computed from this knowledge by ``build()`` once and kept on this object.

        Caches of patterns and indexes built from the packs live here rather than in module
        dicts keyed by ``id()``: they go with the object, so a new Knowledge that happens to get
        a freed one's address never sees its answers. They are not pickled; a worker builds its own.
        """
        memo = self.__dict__.setdefault("_derived", {})
        if key not in memo:
            memo[key] = build()
        return memo[key]

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_derived", None)
        return state

    @cached_property
    def phrase_starts(self) -> frozenset[str]:
        """First words of the multi-word places, measures and synonyms: where a phrase can begin."""
        keys = list(self.place_of) + list(self.measure_of) + list(self.synonym_of) + list(self.body_of)
        return frozenset(k.split()[0] for k in keys if " " in k)

    @cached_property
    def story_skip(self) -> frozenset[str]:
        """Capitalised words that say nothing about which story an article tells (in a language
        that capitalises its nouns, also the words of its pack: measures, events, directions)."""
        skip = frozenset(self.stopwords | self.month_words | set(self.weekdays) | self.role_words)
        if self.lang != "en":
            skip |= frozenset(self.currency_of) | frozenset(self.scales)
        if self.nouns_capitalised:
            skip |= self.lexicon_words
        return skip

    @cached_property
    def month_words(self) -> frozenset[str]:
        """Month names as folded words (in another language, also its own names and abbreviations)."""
        return frozenset(self.months) | (frozenset(self.month_abbr) if self.lang != "en" else frozenset())

    @cached_property
    def lexicon_words(self) -> frozenset[str]:
        """Common words the packs know (measures, synonyms, events, directions, counted classes):
        never a proper name, even capitalised."""
        return frozenset(self.measure_of) | frozenset(self.synonym_of) | frozenset(self.event_of) | \
            frozenset(self.direction_of) | frozenset(self.count_class) | frozenset(self.count_toll) | \
            frozenset(self.verb_measure) | frozenset(self.measure_units)

    @cached_property
    def hedge_words(self) -> frozenset[str]:
        """Every word of every hedge ('more', 'than', 'nearly', 'up', 'to'…)."""
        return frozenset(w for phrases in self.hedges.values() for p in phrases for w in p.split())

    @cached_property
    def role_words(self) -> frozenset[str]:
        """Every word of every title ('prime', 'minister', 'secretary'…) and rank."""
        return frozenset(w for r in self.roles for w in r.split()) | frozenset(self.ranks)

    def canon_place(self, word: str) -> str | None:
        """The country a word names ('U.S.', 'Chinese' → 'united states', 'china')."""
        return self.place_of.get(fold(word))

    def canon_portfolio(self, words: str) -> str:
        """Canonical form of a portfolio or body ('Department of Commerce' → 'commerce')."""
        key = fold(words)
        key = re.sub(r"^(?:the|of|for)\s+", "", key)
        return self.portfolio_canon.get(key, key)

    def canon_term(self, word: str) -> str:
        """A modifier or measure word mapped to its synonym class."""
        key = fold(word)
        if key in self.synonym_of:
            return self.synonym_of[key]
        if key in self.measure_of:
            return self.measure_of[key]
        s = stem(key)
        return self.synonym_of.get(s, self.measure_of.get(s, s))

    def is_contrast(self, a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
        """True when one side names a term the other excludes (exports vs imports)."""
        for x, y in self.contrasts:
            if (x in a and y in b and y not in a and x not in b) or \
                    (y in a and x in b and x not in a and y not in b):
                return True
        return False

    def holders_of(self, role: str, portfolio: str | None, country: str | None, on: date) -> list[Holder]:
        """Office-holders of a role (and portfolio, country when given) on a day."""
        found = []
        for h in self.holders:
            if h.role != role or not h.holds_on(on):
                continue
            if country and h.country and h.country != country:
                continue
            if (portfolio or None) != (h.portfolio or None):
                if not (portfolio and h.portfolio and self.canon_portfolio(portfolio) == self.canon_portfolio(h.portfolio)):
                    continue
            found.append(h)
        return found

    def canonical_person(self, name: str) -> str:
        """The record's spelling of a person named by a known alias, else the name itself."""
        return self.aliases.get(fold(name), name)

    @property
    def languages(self) -> list[str]:
        """The languages factcheck reads: English and those with a language pack."""
        return ["en"] + sorted(self.language_packs)
