"""Languages other than English: the knowledge to read an article of one (which language an
article is in is told by ``detection``).

Month and day names, the decimal and grouping marks, scale words ('Millionen', 'milliards',
'mil millones') and the words for yesterday, today and tomorrow come from CLDR through Babel.
What CLDR lacks (stop words, percent words, basis, measure, title and event words) comes from
the language packs ``rules/knowledge/lang/*.yml``, whose words map to the English keys of the
other packs, so that a claim read in German is compared with one read in English.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError, numbers

from .knowledge import Knowledge, fold, stem
from .schema_kinds import compile_pattern
from .yamlio import RuleError, line_of

_NUMBER_RUN: dict[str, re.Pattern] = {}


def _number_run(spaces: bool) -> re.Pattern:
    key = "s" if spaces else "-"
    if key not in _NUMBER_RUN:
        grouped = r"\d{1,3}(?: \d{3}(?!\d))+(?:[.,]\d+)*|" if spaces else ""
        _NUMBER_RUN[key] = re.compile(rf"(?<![\w.,])(?:{grouped}\d+(?:[.,](?=\d)\d+)*)")
    return _NUMBER_RUN[key]


def english_form(number: str, decimal: str, groups: str) -> str | None:
    """A number written in a language's form rewritten in the English one, of the same length
    ('1.234,5' → '1,234.5' where the decimal mark is a comma), or None when the language's
    rules do not read it for sure ('3.5' where '.' only groups thousands, '1,234.5')."""
    parts = re.split(r"([., ])", number)
    digits, marks = parts[0::2], parts[1::2]
    if not marks:
        return number
    if marks[-1] == decimal:
        whole, tail, marks = digits[:-1], digits[-1], marks[:-1]
    else:
        whole, tail = digits, None
    if marks:
        if len(set(marks)) != 1 or marks[0] not in groups or not 1 <= len(whole[0]) <= 3 \
                or any(len(g) != 3 for g in whole[1:]) or whole[0].startswith("0"):
            return None
    out = ",".join(whole)
    return out + ("." + tail if tail is not None else "")


def reading_text(norm: str, kn: Knowledge) -> str:
    """An article's text with its numbers in the English form, offsets kept: '34,5 %' reads
    as '34.5 %'. A number its language does not read for sure is masked ('#'), so that no
    claim is read from it."""
    decimal, groups = kn.lang_words.get("decimal", ","), kn.lang_words.get("groups", ".")
    pattern = _number_run(" " in groups)
    out = []
    last = 0
    for m in pattern.finditer(norm):
        text = m.group()
        if not any(ch in text for ch in ".,  "):
            continue
        english = english_form(text, decimal, groups)
        out.append(norm[last:m.start()])
        out.append(english if english is not None else re.sub(r"\d", "#", text))
        last = m.end()
    if not out:
        return norm
    out.append(norm[last:])
    return "".join(out)


def _folded(words) -> set[str]:
    return {fold(str(w)) for w in words or [] if fold(str(w))}


def _babel_locale(lang: str, path: str):
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        raise RuleError(Path(path), None, f"'{lang}' is not a language CLDR knows") from None


def _month_forms(locale, english: list[str]) -> dict[str, str]:
    """Month names of a locale (wide, and abbreviations written with a full stop or of four
    letters or more), each with the English name it stands for (``english``: the months of
    english.yml, in order)."""
    out = {}
    for context in ("format", "stand-alone"):
        for n, name in locale.months[context]["wide"].items():
            out[fold(name)] = english[n - 1]
        for n, name in locale.months[context]["abbreviated"].items():
            if "." in name or len(name) >= 4:
                out[fold(name)] = english[n - 1]
    return out


def _scale_words(locale) -> dict[str, int]:
    """Scale words of a locale's compact number forms ('0 Millionen' → 10⁶, '0 Mio.' → 10⁶)."""
    out: dict[str, int] = {}
    for style in ("long", "short"):
        forms = locale.compact_decimal_formats.get(style) or {}
        for plural in forms:
            for magnitude, pattern in forms[plural].items():
                text = str(getattr(pattern, "pattern", pattern)).replace("'", "").replace("\xa0", " ")
                zeros = text.count("0")
                word = re.sub(r"\s+", " ", text.replace("0", "")).strip()
                letters = sum(ch.isalpha() for ch in word)
                if not zeros or not word or (style == "short" and letters < 3) \
                        or not re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*\.?", word):
                    continue
                out.setdefault(fold(word), int(magnitude) // 10 ** (zeros - 1))
    return out


def _currency_names(locale, codes: set[str]) -> dict[str, str]:
    """How a locale names the currencies of the money pack ('US-Dollar', 'euros')."""
    out = {}
    plural = locale._data.get("currency_names_plural", {})
    for code in sorted(codes):
        names = [locale.currencies.get(code)] + list((plural.get(code) or {}).values())
        for name in names:
            if name:
                out[str(name).lower()] = code
        symbol = locale.currency_symbols.get(code)
        if symbol and not symbol.isalpha():
            out[symbol.lower()] = code
    return out


def _merge_map(target: dict, entries, path: str, data: dict, key: str, canon_ok=None, value=fold) -> None:
    """Words of a pack map (canonical key → words) into a lookup dict, checking the keys."""
    for canon, words in (entries or {}).items():
        c = fold(str(canon))
        if canon_ok is not None and c not in canon_ok:
            raise RuleError(Path(path), line_of(data, key),
                            f"{key}: '{canon}' is not a key of the English packs")
        for w in [canon] * (canon_ok is None) + list(words or []):
            target[fold(str(w))] = value(str(canon))


def derive(kn: Knowledge, lang: str) -> Knowledge:
    """The knowledge to read a language with: the shared packs, CLDR's names and number forms
    for the language, and its language pack."""
    packs = kn.language_packs[lang]
    locale = _babel_locale(lang, packs[0][0])
    decimal = numbers.get_decimal_symbol(locale)
    group = numbers.get_group_symbol(locale)
    groups = "".join(sorted({" " if group in "\u00a0\u202f\u2009 " else group}))
    month_abbr = dict(kn.month_abbr)
    month_abbr.update(_month_forms(locale, kn.months))
    weekdays = [fold(locale.days["format"]["wide"][i]) for i in range(7)]
    relative_field = locale._data["date_fields"]["day"].get("relative", {})
    relative = {fold(str(w)): int(k) for k, w in relative_field.items() if abs(int(k)) <= 2}
    scales = _scale_words(locale)
    currency_of = dict(kn.currency_of)
    currency_of.update(_currency_names(locale, set(kn.currency_of.values())))
    d: dict[str, Any] = dict(
        lang=lang, language_packs=kn.language_packs, derived_languages={}, past_endings=(), future_endings=(),
        month_abbr=month_abbr, weekdays=weekdays, relative_days=relative, scales=scales,
        currency_of=currency_of, stopwords=set(), number_words={}, ordinal_words={},
        abbreviations=set(kn.abbreviations), past_verbs=set(), future_markers=set(), schedule_verbs=set(),
        plan_verbs=set(), measure_of=dict(kn.measure_of), synonym_of=dict(kn.synonym_of),
        place_of=dict(kn.place_of), body_of=dict(kn.body_of), direction_of=dict(kn.direction_of),
        hedges={k: list(v) for k, v in kn.hedges.items()}, bases=[], roles=list(kn.roles),
        role_alias=dict(kn.role_alias), qualifier_of=dict(kn.qualifier_of),
        qualifier_prefixes=set(kn.qualifier_prefixes), event_of=dict(kn.event_of),
        count_class=dict(kn.count_class), count_toll=dict(kn.count_toll), count_subjects=set(kn.count_subjects),
        verb_measure=dict(kn.verb_measure), generic_modifiers=set(kn.generic_modifiers),
        measure_units=set(kn.measure_units), projection_words=set(kn.projection_words),
        projection_nouns=set(kn.projection_nouns), additional_words=set(kn.additional_words),
        demand_words=set(kn.demand_words), target_nouns=set(kn.target_nouns), percent_units={}, weekday_relations={}, role_portfolio={},
        joined_prefixes={}, period_preps=(),
        lang_words={"decimal": decimal, "groups": groups, "months": sorted(_month_forms(locale, kn.months))},
        nouns_capitalised=False, portfolio_canon=dict(kn.portfolio_canon), level_words=frozenset(),
        pp_preps=(), pp_articles=(),
    )
    measures = set(kn.measure_of.values())
    for path, data in packs:
        _apply_pack(d, data, path, measures, locale)
    d["roles"] = sorted(set(d["roles"]), key=lambda r: (-len(r), r))
    if d["lang_words"].get("elisions"):
        for key in ("measure_of", "synonym_of", "place_of", "body_of", "event_of", "role_alias"):
            d[key].update({_elided(k): v for k, v in list(d[key].items()) if "'" in k})
        d["roles"] = sorted(set(d["roles"]) | {_elided(r) for r in d["roles"] if "'" in r}, key=lambda r: (-len(r), r))
    return replace(kn, **d)


def _elided(phrase: str) -> str:
    """A phrase as its tokens read once an elided article is split off ("chiffre d'affaires" →
    'chiffre d affaires')."""
    return re.sub(r"\s+", " ", phrase.replace("'", "' ")).replace("' ", " ")


_SETS = ("stopwords", "abbreviations", "past_verbs", "future_markers", "schedule_verbs", "plan_verbs",
         "generic_modifiers", "measure_units", "projection_words", "projection_nouns", "additional_words",
         "demand_words", "target_nouns")


def _apply_pack(d: dict, data: dict, path: str, measures: set[str], locale) -> None:
    """One language pack's entries, on top of what CLDR gave."""
    # Long on purpose: one flat read per key of language_schema.LANGUAGE_PACK, in its order, so
    # that the reading of a key is found by its name; split, the keys would be scattered.
    for key in _SETS:
        d[key] |= _folded(data.get(key))
    d["count_subjects"] |= {stem(w) for w in _folded(data.get("count_subjects"))}
    d["nouns_capitalised"] = bool(data.get("nouns_capitalised", d["nouns_capitalised"]))
    d["number_words"].update({fold(k): int(v) for k, v in (data.get("number_words") or {}).items()})
    d["ordinal_words"].update({fold(k): int(v) for k, v in (data.get("ordinal_words") or {}).items()})
    d["scales"].update({fold(str(k)): int(v) for k, v in (data.get("scales") or {}).items()})
    for word in data.get("not_scales") or []:
        d["scales"].pop(fold(str(word)), None)
    for word, unit in (data.get("percent") or {}).items():
        if str(unit) not in ("%", "pp", "bp"):
            raise RuleError(Path(path), line_of(data, "percent"), f"percent: '{word}' must be %, pp or bp")
        d["percent_units"][fold(str(word))] = str(unit)
    for code, names in (data.get("currencies") or {}).items():
        for n in names or []:
            form = str(n).lower()
            d["currency_of"][form] = str(code)
            d["currency_of"][form.replace("'", "’")] = str(code)
    _merge_map(d["measure_of"], data.get("measures"), path, data, "measures", canon_ok=measures)
    _merge_map(d["synonym_of"], data.get("synonyms"), path, data, "synonyms")
    _merge_map(d["place_of"], data.get("places"), path, data, "places")
    genitive = str(data.get("genitive_suffix") or "")
    if genitive:
        for name, place in list(d["place_of"].items()):
            if name[-1:].isalpha() and not name.endswith(("s", "x", "z", genitive)) and " " not in name:
                d["place_of"].setdefault(name + genitive, place)
    _merge_map(d["body_of"], data.get("bodies"), path, data, "bodies")
    _merge_map(d["event_of"], data.get("events"), path, data, "events", value=str)
    _merge_map(d["count_class"], data.get("count_classes"), path, data, "count_classes")
    _merge_map(d["count_toll"], data.get("count_tolls"), path, data, "count_tolls")
    _merge_map(d["verb_measure"], data.get("verb_measures"), path, data, "verb_measures")
    for kind, words in (data.get("directions") or {}).items():
        for w in words or []:
            d["direction_of"][fold(str(w))] = str(kind)
    for kind, words in (data.get("hedges") or {}).items():
        d["hedges"].setdefault(str(kind), []).extend(_folded(words))
    for basis, patterns in (data.get("bases") or {}).items():
        for p in patterns or []:
            pattern = compile_pattern(str(p), Path(path), line_of(data, "bases"), _months_alternation(d))
            d["bases"].append((str(basis), pattern))
    for role, words in (data.get("roles") or {}).items():
        for w in words or []:
            d["roles"].append(fold(str(w)))
            d["role_alias"][fold(str(w))] = fold(str(role))
    for word, entry in (data.get("portfolio_roles") or {}).items():
        if not (isinstance(entry, list) and len(entry) == 2):
            raise RuleError(Path(path), line_of(data, "portfolio_roles"),
                            f"portfolio_roles: '{word}' needs [ROLE, PORTFOLIO], e.g. [minister, foreign]")
        d["roles"].append(fold(str(word)))
        d["role_alias"][fold(str(word))] = fold(str(entry[0]))
        d["role_portfolio"][fold(str(word))] = fold(str(entry[1]))
    for canon, words in (data.get("portfolios") or {}).items():
        english = d["portfolio_canon"].get(fold(str(canon)), fold(str(canon)))
        for w in words or []:
            d["portfolio_canon"][fold(str(w))] = english
    for qual, words in (data.get("qualifiers") or {}).items():
        for w in words or []:
            d["qualifier_of"][fold(str(w)) or str(w)] = str(qual)
            if str(w).endswith("-") and fold(str(w)):
                d["qualifier_prefixes"].add(fold(str(w)))
    d["level_words"] = d["level_words"] | _folded(data.get("level_words"))
    d["past_endings"] = tuple(d["past_endings"]) + tuple(sorted(_folded(data.get("past_endings"))))
    d["future_endings"] = tuple(d["future_endings"]) + tuple(sorted(_folded(data.get("future_endings"))))
    d["pp_preps"] = tuple(d["pp_preps"]) + tuple(sorted(_folded(data.get("prepositions"))))
    d["pp_articles"] = tuple(d["pp_articles"]) + tuple(sorted(_folded(data.get("articles"))))
    for prefix, qual in (data.get("joined_qualifiers") or {}).items():
        d["joined_prefixes"][fold(str(prefix))] = str(qual)
        d["qualifier_of"][fold(str(prefix))] = str(qual)
    dates = data.get("dates") or {}
    words = d["lang_words"]
    words["portfolio_links"] = tuple(words.get("portfolio_links", ())) + tuple(sorted(_folded(data.get("portfolio_links"))))
    words["noun_markers"] = tuple(words.get("noun_markers", ())) + tuple(sorted(_folded(data.get("noun_markers"))))
    words["adjective_endings"] = tuple(words.get("adjective_endings", ())) + tuple(sorted(_folded(data.get("adjective_endings"))))
    words["per_words"] = tuple(words.get("per_words", ())) + tuple(sorted(_folded(data.get("per_words"))))
    words["price_links"] = tuple(words.get("price_links", ())) + tuple(sorted(_folded(data.get("price_links"))))
    if data.get("direction_after"):
        words["direction_after"] = int(data["direction_after"])
    words["elisions"] = list(words.get("elisions", [])) + [str(w) for w in data.get("elisions") or []]
    for key in ("day_suffixes", "day_links", "year_links", "range_words", "weekday_suffixes"):
        words[key] = list(words.get(key, [])) + [str(w) for w in dates.get(key) or []]
    for key in ("month_preps", "parts", "weekday_before", "weekday_after"):
        words[key] = {**words.get(key, {}), **{fold(str(k)): str(v) for k, v in (dates.get(key) or {}).items()}}
    d["weekday_relations"].update(words["weekday_before"])
    d["weekday_relations"].update(words["weekday_after"])
    d["period_preps"] = tuple(d["period_preps"]) + tuple(fold(str(w)) for w in dates.get("period_preps") or [])
    for word in dates.get("not_relative") or []:
        d["relative_days"].pop(fold(str(word)), None)
    extra = "".join(" " if str(g).isspace() else str(g) for g in data.get("group_marks") or [])
    words["groups"] = "".join(sorted(set(words["groups"]) | set(extra)))


def _months_alternation(d: dict) -> str:
    return "(?:" + "|".join(sorted({re.escape(m) for m in d["month_abbr"]}, key=len, reverse=True)) + ")"


def shared_terms(kn: Knowledge) -> frozenset[str]:
    """The words a claim's slot is read into whatever its language: measure keys, synonym
    classes, places and bodies (the English keys the language packs map their words to)."""
    cached = kn.derived_languages.get("__shared__")
    if cached is None:
        cached = frozenset(kn.measure_of.values()) | frozenset(kn.synonym_of.values()) | \
            frozenset(kn.place_of.values()) | frozenset(kn.body_of.values())
        for packs in kn.language_packs.values():
            for _, data in packs:
                for key in ("synonyms", "places", "bodies"):
                    cached |= frozenset(fold(str(k)) for k in (data.get(key) or {}))
        kn.derived_languages["__shared__"] = cached
    return cached


def for_language(kn: Knowledge, lang: str | None) -> Knowledge:
    """The knowledge to read an article of a language with (``kn`` itself for English or a
    language without a pack); built once from CLDR data and the language's pack, and kept in
    ``kn.derived_languages``."""
    if not lang or lang == kn.lang or lang not in kn.language_packs:
        return kn
    if lang not in kn.derived_languages:
        kn.derived_languages[lang] = derive(kn, lang)
    return kn.derived_languages[lang]
