"""World and language knowledge, read from the YAML packs in ``rules/knowledge/``.

Nothing here knows about any particular story: every name, office, basis word or
currency comes from the packs, so a newsroom extends the checker by editing YAML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from .yamlio import RuleError, line_of, load_yaml

PACKS = {
    "english.yml": ["months", "weekdays", "number_words", "ordinal_words", "abbreviations", "stopwords"],
    "places.yml": ["places"],
    "bodies.yml": ["bodies"],
    "titles.yml": ["roles", "affiliations", "qualifiers", "equivalent", "incompatible"],
    "office_holders.yml": ["holders"],
    "numbers.yml": ["measures", "synonyms", "contrasts", "generic_modifiers", "classifiers", "hedges", "directions"],
    "basis.yml": ["bases"],
    "money.yml": ["currencies", "scales"],
    "events.yml": ["events"],
    "furniture.yml": ["trailing_headings", "line_prefixes", "metadata_patterns"],
    "times.yml": ["zones", "families", "hour_words"],
}


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
            return w.rstrip("e") if suffix == "ed" else w.rstrip("e")
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
    qualifier_prefixes: set[str] = field(default_factory=set)
    role_alias: dict[str, str] = field(default_factory=dict)
    name_particles: set[str] = field(default_factory=set)
    name_suffixes: set[str] = field(default_factory=set)
    honorifics: set[str] = field(default_factory=set)
    transition_words: set[str] = field(default_factory=set)
    organisation_words: set[str] = field(default_factory=set)
    descriptive_ranks: set[str] = field(default_factory=set)
    loose_roles: set[str] = field(default_factory=set)
    exclusive_roles: set[frozenset[str]] = field(default_factory=set)
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
    next_words: set[str] = field(default_factory=set)
    projection_nouns: set[str] = field(default_factory=set)
    duration_lead_words: set[str] = field(default_factory=set)
    period_adjectives: dict[str, str] = field(default_factory=dict)
    ordinal_periods: set[str] = field(default_factory=set)
    in_a_row_words: set[str] = field(default_factory=set)
    naming_ordinals: set[str] = field(default_factory=set)
    record_window_words: set[str] = field(default_factory=set)
    count_subjects: set[str] = field(default_factory=set)
    count_class: dict[str, str] = field(default_factory=dict)
    count_toll: dict[str, str] = field(default_factory=dict)
    scales: dict[str, int] = field(default_factory=dict)
    event_of: dict[str, str] = field(default_factory=dict)
    reporting_events: set[str] = field(default_factory=set)
    hearsay_events: set[str] = field(default_factory=set)
    zone_offset: dict[str, int] = field(default_factory=dict)
    zone_family: dict[str, str] = field(default_factory=dict)
    hour_words: dict[str, int] = field(default_factory=dict)
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

    def for_language(self, lang: str | None) -> Knowledge:
        """The knowledge to read an article of a language with (itself for English or a
        language without a pack); built once from CLDR data and the language's pack."""
        if not lang or lang == self.lang or lang not in self.language_packs:
            return self
        if lang not in self.derived_languages:
            from .languages import derive  # languages imports knowledge: a cycle at import time

            self.derived_languages[lang] = derive(self, lang)
        return self.derived_languages[lang]


def _require(data, pack: str, keys: list[str], path: Path) -> None:
    if not isinstance(data, dict):
        raise RuleError(path, line_of(data), f"{pack} must be a mapping with keys {', '.join(keys)}")
    for key in keys:
        if key not in data:
            raise RuleError(path, line_of(data), f"missing field '{key}'")


def _as_date(value, path: Path, line) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RuleError(path, line, f"'{value}' is not a date (YYYY-MM-DD)") from None


def _compile(pattern: str, path: Path, line, months: str) -> re.Pattern:
    try:
        return re.compile(pattern.replace("{month}", months), re.IGNORECASE)
    except re.error as exc:
        raise RuleError(path, line, f"bad regular expression {pattern!r}: {exc}") from None


def load_knowledge(folders: list[Path]) -> Knowledge:
    """Load every knowledge pack found in the given folders; later folders extend earlier ones."""
    kn = Knowledge()
    raw: dict[str, list[tuple[Path, dict]]] = {}
    for folder in folders:
        for pack in PACKS:
            path = Path(folder) / pack
            if path.is_file():
                data = load_yaml(path)
                raw.setdefault(pack, []).append((path, data))
    for pack, keys in PACKS.items():
        if pack not in raw:
            raise RuleError(Path(folders[0]) / pack if folders else Path(pack), None, "knowledge pack missing")
        _require(raw[pack][0][1], pack, keys, raw[pack][0][0])
    for pack, entries in raw.items():
        for path, data in entries:
            _apply(kn, pack, data or {}, path)
    for path in language_pack_files(folders):
        data = load_yaml(path) or {}
        if not isinstance(data, dict):
            raise RuleError(path, line_of(data), "a language pack must be a mapping")
        code = str(data.get("language") or path.stem).lower()
        kn.language_packs.setdefault(code, []).append((str(path), data))
    return kn


def language_pack_files(folders: list[Path]) -> list[Path]:
    """The language packs (``lang/*.yml``) of knowledge folders, in load order."""
    return [p for folder in folders for p in sorted((Path(folder) / "lang").glob("*.yml"))]


def _apply(kn: Knowledge, pack: str, data: dict, path: Path) -> None:
    if pack == "english.yml":
        kn.months = [fold(m) for m in data.get("months", kn.months)]
        kn.month_abbr.update({fold(k): fold(v) for k, v in (data.get("month_abbreviations") or {}).items()})
        kn.weekdays = [fold(d) for d in data.get("weekdays", kn.weekdays)]
        kn.number_words.update({fold(k): int(v) for k, v in (data.get("number_words") or {}).items()})
        kn.ordinal_words.update({fold(k): int(v) for k, v in (data.get("ordinal_words") or {}).items()})
        kn.abbreviations.update(fold(a) for a in data.get("abbreviations") or [])
        kn.stopwords.update(fold(a) for a in data.get("stopwords") or [])
        kn.past_verbs.update(fold(w) for w in data.get("past_verbs") or [])
        kn.future_markers.update(fold(w) for w in data.get("future_markers") or [])
        kn.schedule_verbs.update(fold(w) for w in data.get("schedule_verbs") or [])
        kn.plan_verbs.update(fold(w) for w in data.get("plan_verbs") or [])
        for word, offset in (data.get("relative_days") or {}).items():
            if not isinstance(offset, int):
                raise RuleError(path, line_of(data, "relative_days"),
                                f"relative_days: '{word}' needs a whole number of days, not {offset!r}")
            kn.relative_days[fold(word)] = offset
    elif pack == "bodies.yml":
        for canon, names in (data.get("bodies") or {}).items():
            kn.body_of[fold(canon)] = fold(canon)
            for n in names or []:
                kn.body_of[fold(n)] = fold(canon)
    elif pack == "places.yml":
        for canon, names in (data.get("places") or {}).items():
            kn.place_of[fold(canon)] = fold(canon)
            for n in names or []:
                kn.place_of[fold(n)] = fold(canon)
    elif pack == "titles.yml":
        kn.name_particles.update(fold(w) for w in data.get("name_particles") or [])
        kn.name_suffixes.update(fold(w) for w in data.get("name_suffixes") or [])
        kn.honorifics.update(fold(w) for w in data.get("honorifics") or [])
        kn.transition_words.update(fold(w) for w in data.get("transition_words") or [])
        kn.organisation_words.update(fold(w) for w in data.get("organisation_words") or [])
        kn.descriptive_ranks.update(fold(w) for w in data.get("descriptive_ranks") or [])
        kn.loose_roles.update(fold(w) for w in data.get("loose_roles") or [])
        aliases = data.get("role_aliases") or {}
        for canon, names in aliases.items():
            for n in names or []:
                kn.role_alias[fold(n)] = fold(canon)
        extra = [str(r) for r in aliases] + [str(n) for names in aliases.values() for n in names or []]
        kn.roles = sorted({fold(r) for r in kn.roles + list(data.get("roles") or []) + extra}, key=lambda r: (-len(r), r))
        for group in data.get("exclusive_roles") or []:
            canon = [fold(r) for r in group or []]
            for a in canon:
                for b in canon:
                    if a != b:
                        kn.exclusive_roles.add(frozenset((a, b)))
        kn.affiliations += [str(a) for a in data.get("affiliations") or []]
        kn.ranks.update(fold(r) for r in data.get("ranks") or [])
        for qual, words in (data.get("qualifiers") or {}).items():
            for w in words or []:
                kn.qualifier_of[fold(w) or str(w)] = str(qual)
                if str(w).endswith("-") and fold(w):
                    kn.qualifier_prefixes.add(fold(w))
                if str(w).startswith("-") and fold(w):
                    kn.qualifier_suffixes.add(fold(w))
        for group in data.get("equivalent") or []:
            canon = fold(group[0])
            for w in group:
                kn.portfolio_canon[fold(w)] = canon
        for pair in data.get("incompatible") or []:
            if not isinstance(pair, list) or len(pair) != 2:
                raise RuleError(path, line_of(data, "incompatible"), "each 'incompatible' entry must list two bodies")
            kn.incompatible.add(frozenset(kn.canon_portfolio(p) for p in pair))
    elif pack == "office_holders.yml":
        for entry in data.get("holders") or []:
            line = line_of(entry)
            for key in ("person", "role", "from"):
                if not isinstance(entry, dict) or key not in entry:
                    raise RuleError(path, line, f"office holder entry is missing field '{key}'")
            kn.holders.append(Holder(
                person=str(entry["person"]), role=kn.role_alias.get(fold(entry["role"]), fold(entry["role"])),
                portfolio=fold(entry["portfolio"]) if entry.get("portfolio") else None,
                country=fold(entry["country"]) if entry.get("country") else None,
                start=_as_date(entry["from"], path, line),
                end=_as_date(entry["to"], path, line) if entry.get("to") else None))
        for person, names in (data.get("aliases") or {}).items():
            for n in names or []:
                kn.aliases[fold(n)] = str(person)
    elif pack == "numbers.yml":
        kn.point_fractions.update({fold(k).replace("-", " "): float(v)
                                   for k, v in (data.get("point_fractions") or {}).items()})
        for canon, words in (data.get("measures") or {}).items():
            for w in [canon] + list(words or []):
                kn.measure_of[fold(w)] = fold(canon)
        for group in data.get("synonyms") or []:
            canon = fold(group[0])
            for w in group:
                kn.synonym_of[fold(w)] = canon
        kn.contrasts += [(fold(a), fold(b)) for a, b in data.get("contrasts") or []]
        kn.generic_modifiers.update(fold(w) for w in data.get("generic_modifiers") or [])
        kn.classifiers.update(fold(w) for w in data.get("classifiers") or [])
        kn.measure_units.update(fold(w) for w in data.get("measure_units") or [])
        for canon, names in (data.get("units") or {}).items():
            for n in [canon] + list(names or []):
                kn.unit_of[fold(n)] = fold(canon)
        kn.prefix_units.update(fold(w) for w in data.get("prefix_units") or [])
        kn.unit_max_ratio.update({fold(k): float(v) for k, v in (data.get("unit_max_ratio") or {}).items()})
        for unit, entry in (data.get("conversions") or {}).items():
            if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], (int, float))):
                raise RuleError(path, line_of(data, "conversions"),
                                f"conversions: '{unit}' needs [BASE UNIT, FACTOR], e.g. [km, 1.609344]")
            kn.unit_base[fold(str(unit))] = (fold(str(entry[0])), float(entry[1]))
        kn.dimension_words.update(fold(w) for w in data.get("dimension_words") or [])
        kn.dimension_nouns.update(fold(w) for w in data.get("dimension_nouns") or [])
        kn.compass_words.update(fold(w) for w in data.get("compass_words") or [])
        kn.count_lead_words.update(fold(w) for w in data.get("count_lead_words") or [])
        kn.additional_words.update(fold(w) for w in data.get("additional_words") or [])
        kn.total_words.update(fold(w) for w in data.get("total_words") or [])
        kn.each_words.update(fold(w) for w in data.get("each_words") or [])
        kn.projection_words.update(fold(w) for w in data.get("projection_words") or [])
        kn.demand_words.update(fold(w) for w in data.get("demand_words") or [])
        kn.next_words.update(fold(w) for w in data.get("next_words") or [])
        kn.projection_nouns.update(fold(w) for w in data.get("projection_nouns") or [])
        kn.duration_lead_words.update(fold(w) for w in data.get("duration_lead_words") or [])
        kn.period_adjectives.update({fold(k): fold(v) for k, v in (data.get("period_adjectives") or {}).items()})
        kn.ordinal_periods.update(stem(fold(w)) for w in data.get("ordinal_periods") or [])
        kn.in_a_row_words.update(fold(w) for w in data.get("in_a_row_words") or [])
        kn.naming_ordinals.update(fold(w) for w in data.get("naming_ordinals") or [])
        kn.record_window_words.update(fold(w) for w in data.get("record_window_words") or [])
        kn.count_subjects.update(stem(fold(w)) for w in data.get("count_subjects") or [])
        for canon, words in (data.get("count_classes") or {}).items():
            for w in words or []:
                kn.count_class[fold(w)] = fold(canon)
        for canon, words in (data.get("count_tolls") or {}).items():
            for w in words or []:
                kn.count_toll[fold(w)] = fold(canon)
        for canon, words in (data.get("verb_measures") or {}).items():
            for w in words or []:
                kn.verb_measure[fold(w)] = fold(canon)
        for kind, words in (data.get("hedges") or {}).items():
            kn.hedges.setdefault(str(kind), []).extend(fold(w) for w in words or [])
        for kind, words in (data.get("directions") or {}).items():
            for w in words or []:
                kn.direction_of[fold(w)] = str(kind)
    elif pack == "basis.yml":
        months = "(?:" + "|".join(kn.months or ["january"]) + ")"
        for basis, patterns in (data.get("bases") or {}).items():
            for p in patterns or []:
                kn.bases.append((str(basis), _compile(str(p), path, line_of(data, "bases"), months)))
    elif pack == "money.yml":
        for code, names in (data.get("currencies") or {}).items():
            for n in names or []:
                kn.currency_of[str(n).lower()] = str(code)
        kn.currency_prefixes.update(str(w).lower() for w in data.get("prefix_words") or [])
        kn.hyphen_currencies.update({fold(k): str(v) for k, v in (data.get("hyphen_currencies") or {}).items()})
        kn.priced_nouns.update(fold(w) for w in data.get("priced_nouns") or [])
        for word, entry in (data.get("minor_units") or {}).items():
            if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[1], (int, float))):
                raise RuleError(path, line_of(data, "minor_units"),
                                f"minor_units: '{word}' needs [CURRENCY, FACTOR], e.g. [GBP, 0.01]")
            kn.currency_of[str(word).lower()] = str(entry[0])
            kn.currency_factor[str(word).lower()] = float(entry[1])
        kn.scales.update({str(k).lower(): int(v) for k, v in (data.get("scales") or {}).items()})
    elif pack == "events.yml":
        kn.reporting_events.update(fold(k) for k in data.get("reporting") or [])
        kn.hearsay_events.update(fold(k) for k in data.get("hearsay") or [])
        kn.results_verbs.update(fold(w) for w in data.get("results_verbs") or [])
        for kind, words in (data.get("events") or {}).items():
            for w in words or []:
                kn.event_of[fold(w)] = str(kind)
    elif pack == "times.yml":
        kn.zone_offset.update({fold(str(k)): int(v) for k, v in (data.get("zones") or {}).items()})
        for family, names in (data.get("families") or {}).items():
            for n in names or []:
                kn.zone_family[fold(str(n))] = fold(str(family))
        kn.hour_words.update({fold(str(k)): int(v) for k, v in (data.get("hour_words") or {}).items()})
        kn.approx_minutes = int(data.get("approx_minutes", kn.approx_minutes))
    elif pack == "furniture.yml":
        kn.trailing_headings.update(fold(h).rstrip(":") for h in data.get("trailing_headings") or [])
        kn.interruptions.update(fold(h).rstrip(":") for h in data.get("interruptions") or [])
        kn.line_prefixes += [str(p).lower() for p in data.get("line_prefixes") or []]
        for p in data.get("metadata_patterns") or []:
            kn.metadata_patterns.append(_compile(str(p), path, line_of(data, "metadata_patterns"), ""))
        for p in data.get("trailing_markers") or []:
            kn.trailing_markers.append(_compile(str(p), path, line_of(data, "trailing_markers"), ""))
        kn.max_metadata_list_words = int(data.get("max_metadata_list_words", kn.max_metadata_list_words))
        kn.max_metadata_words = int(data.get("max_metadata_words", kn.max_metadata_words))
