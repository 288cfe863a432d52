"""Claims: one extractor module per claim type, all producing the shared Claim dataclass."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..knowledge import Knowledge, fold, stem
from ..languages import for_language, reading_text
from ..types import Article, Claim
from . import (
    counts,
    dates,
    durations,
    enumerations,
    labels,
    measures,
    mentions,
    money,
    ordinals,
    percent,
    respectively,
    times,
    titles,
)
from .common import PersonIndex, Spans, mark_proper_names, sentences
from .qualifiers import came_by, hedge_start

_TITLES_KEPT = 20000


def _titles(article: Article, kn: Knowledge, keep: bool, sents=None) -> list[Claim]:
    """Title claims of an article; the first pass keeps them (on ``kn``) for the second."""
    kept = kn.derived("first_pass_titles", dict)
    key = (article.id, article.text)
    if not keep and key in kept:
        return kept.pop(key)
    found = [c for s in (sents or sentences(article, kn)) for c in titles.extract(article, s, kn)]
    if keep:
        if len(kept) > _TITLES_KEPT:
            kept.clear()
        kept[key] = found
    return list(found)


def capitalised_words(sents) -> set[str]:
    """Folded forms of the capitalised words of an article's sentences: where a known name can
    be used (page furniture left out)."""
    return {t.folded for sent in sents for t in sent.tokens if t.is_capitalised}


_SENTENCES_KEPT = 256


def _read_sentences(article: Article, kn: Knowledge, keep: bool) -> list:
    """An article's sentences; the first pass keeps the most recent ones (on ``kn``) for the
    second pass (with their per-sentence memos cleared), so that they are read once."""
    kept = kn.derived("first_pass_sentences", dict)
    key = (article.id, article.text)
    if not keep and key in kept:
        sents = kept.pop(key)
        for sent in sents:
            sent._terms.clear()
        return sents
    sents = sentences(article, kn)
    if keep:
        while len(kept) >= _SENTENCES_KEPT:
            kept.pop(next(iter(kept)))
        kept[key] = sents
    return sents


_READINGS_KEPT = 256
# A decimal comma before a percent sign ('28,5%', '4,97 %'): one or two digits after the comma
# cannot group thousands, so the figure reads for sure even in English prose.
_PERCENT_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d{1,3}),(\d{1,2})(?=[ \u00a0]?%)")


def reading(article: Article, kn: Knowledge) -> tuple[Article, Knowledge]:
    """The article as its language's extractors read it, and the knowledge to read it with.

    English articles are read as they are. In another language the numbers are rewritten in
    the English form, offsets kept ('34,5 %' as '34.5 %'), and those its rules do not read
    for sure are masked (see languages.reading_text)."""
    lkn = for_language(kn, article.lang)
    if lkn is kn:
        if _PERCENT_DECIMAL_COMMA.search(article.norm):
            return replace(article, norm=_PERCENT_DECIMAL_COMMA.sub(r"\1.\2", article.norm)), kn
        return article, kn
    readings = lkn.derived("readings", dict)
    key = (article.id, article.norm)
    found = readings.get(key)
    if found is None:
        if len(readings) > _READINGS_KEPT:
            readings.clear()
        found = readings[key] = replace(article, norm=reading_text(article.norm, lkn))
    return found, lkn


def first_pass(article: Article, kn: Knowledge) -> tuple[set[str], set[str], set[str]]:
    """What the run needs to know of an article before extracting claims: the people it gives a
    title to, its capitalised words, and its story words (one reading of its sentences)."""
    article, kn = reading(article, kn)
    sents = _read_sentences(article, kn, keep=True)
    named = titles.person_names(_titles(article, kn, keep=True, sents=sents))
    return named, capitalised_words(sents), story_words(article, kn, sents)


def story_words(article: Article, kn: Knowledge, sents=None) -> set[str]:
    """The proper names an article uses (capitalised words inside sentences, places made canonical).

    They say which story an article tells: reports of one event share them, other stories
    rarely do. Common words, months, weekdays and titles are left out.
    """
    skip = kn.story_skip
    out = set()
    for s in (sents or sentences(article, kn)):
        tokens = s.tokens
        i = 1
        while i < len(tokens):
            t = tokens[i]
            place = None
            for n in ((3, 2) if t.folded in kn.phrase_starts else ()):
                place = kn.canon_place(" ".join(x.text for x in tokens[i:i + n])) if i + n <= len(tokens) else None
                if place:
                    out.add(place)
                    i += n
                    break
            if place:
                continue
            i += 1
            if not t.is_capitalised or len(t.text) < 2 or not t.text[:1].isalpha():
                continue
            f = t.folded
            if f and f not in skip:
                place = kn.canon_place(t.text)
                if place or not (kn.nouns_capitalised and _common_noun(tokens, i - 1, kn)):
                    out.add(place or f)
    return out


def _common_noun(tokens, i: int, kn: Knowledge) -> bool:
    """In a language that capitalises its nouns, a capitalised word after an article ('die
    Regierung', 'im Wert') or an inflected adjective ('deutschen Exporte') is a common noun, not
    a name (the pack's ``noun_markers`` and ``adjective_endings``)."""
    if i == 0:
        return False
    before = tokens[i - 1]
    f = before.folded
    if f in kn.lang_words.get("noun_markers", ()):
        return True
    return before.text.islower() and len(f) > 3 and f.endswith(tuple(kn.lang_words.get("adjective_endings", ())))


def people_by_word(people: frozenset[str] | set[str], kn: Knowledge) -> dict[str, list[str]]:
    """Titled people by the word they are found by (the surname)."""
    index: dict[str, list[str]] = {}
    for p in sorted(people):
        for w in PersonIndex.index_words(p, kn):
            index.setdefault(w, []).append(p)
    return index


def people_used(by_word: dict[str, list[str]], words: set[str]) -> list[str]:
    """The titled people (from ``people_by_word``) whose surname an article uses, sorted.

    An article's claims depend on the run's titled people only through these: extraction
    looks people up by capitalised words of the article.
    """
    return sorted({p for w in words & by_word.keys() for p in by_word[w]})


def _last_built(kn: Knowledge, kind: str, names: frozenset[str], build):
    """The index of the last set of names asked for (each article of a run asks for the same
    one), kept on ``kn`` with the names it was built from."""
    last = kn.derived(kind, dict)
    if last.get("names") != names:
        last.clear()
        last.update(names=names, index=build(set(names), kn))
    return last["index"]


def _people_index(names: frozenset[str], kn: Knowledge) -> PersonIndex:
    return _last_built(kn, "people_index", names, PersonIndex)


def _known_names(names: frozenset[str], kn: Knowledge) -> mentions.KnownNames:
    return _last_built(kn, "known_names", names, mentions.KnownNames)


_EVERYONE: dict[tuple[int, int], tuple] = {}


def _with_holders(known_people: frozenset[str] | set[str], kn: Knowledge) -> frozenset[str]:
    """The run's titled people and the office-holders of the record, built once for the set of
    people a run extracts with (not once per article: that set grows with the corpus)."""
    key = (id(kn), id(known_people))
    found = _EVERYONE.get(key)
    if found is None or found[0] is not known_people or found[1] is not kn:
        _EVERYONE.clear()
        found = _EVERYONE[key] = (known_people, kn, frozenset(known_people) | frozenset(h.person for h in kn.holders))
    return found[2]


def extract_claims(article: Article, kn: Knowledge, known_people: frozenset[str] | set[str] = frozenset()) -> list[Claim]:
    """Every claim of an article, in text order.

    ``known_people`` are names titled in other articles of the run, so that a bare 'Xi' or
    'Lind' here is still recognised as a person. An article in another language is read in
    it; its claims quote the article as written.
    """
    original, english = article, kn
    article, kn = reading(article, kn)
    sents = _read_sentences(article, kn, keep=False)
    mark_proper_names(sents)
    title_claims = _titles(article, kn, keep=False, sents=sents)
    everyone = _with_holders(known_people, kn)
    own = titles.person_names(title_claims) - frozenset(known_people)
    people = _people_index(everyone, kn)
    if own:
        people = people.extended(own, kn)
    out: list[Claim] = list(title_claims)
    known = _known_names(everyone, kn)
    if own:
        known = known.with_own(own)
    taken = [(c.start, c.end) for c in title_claims]
    for s in sents:
        out.extend(mentions.extract(article, s, kn, known, taken))
        found = percent.extract(article, s, kn, people) + money.extract(article, s, kn, people)
        found += dates.extract(article, s, kn, people)
        found += times.extract(article, s, kn, people, Spans((c.start, c.end) for c in found))
        found += durations.extract(article, s, kn, people)
        found += measures.extract(article, s, kn, people, Spans((c.start, c.end) for c in found))
        found += ordinals.extract(article, s, kn, people, Spans((c.start, c.end) for c in found))
        found += counts.extract(article, s, kn, people, Spans((c.start, c.end) for c in found))
        found += enumerations.gapped_counts(article, s, found, kn, people)
        enumerations.give_holders(found, s, kn, people)
        enumerations.give_owners(found, s, kn)
        enumerations.give_fronted_places(found, s, kn)
        enumerations.mark_sides(found, s, kn)
        respectively.pair_items(found, s, kn)
        _mark_levels_came_to(found, s, kn)
        _mark_annual(found, s, kn)
        _mark_indexes(found, s, kn)
        _quote_hedges(found, s, article, kn)
        out.extend(found)
    labels.read_labels(out, article, kn)
    _changes_of_priced(out)
    if kn is english:
        out = _without_unreadable_numbers(out, article)
    out = _without_table_cells(out, article)
    if article is not original:
        _quote_as_written(out, sents, article, original)
    out.sort(key=lambda c: c.key)
    return out


_READINGS = ("count", "measure")


def _mark_levels_came_to(claims: list[Claim], sentence, kn: Knowledge) -> None:
    """Counts and measures that are the level a change came to ('decreased to 130 mph') say which
    way it went. (A rate or an amount that a change came to has its own reading: ``reached``.)"""
    for c in claims:
        if c.type in _READINGS:
            way = came_by(sentence, c.start, kn)
            if way:
                c.qualifiers = replace(c.qualifiers, came_by=way)


ANNUAL = "year"  # the period of a whole year's figure ('annual revenue')
ANNUAL_REACH = 2  # words after a figure where 'annually' makes it a year's


def _mark_annual(claims: list[Claim], sentence, kn: Knowledge) -> None:
    """A figure said to be a whole year's ('$75 billion in annual revenue', '$111 billion
    annually') has the year as its period, unless it names its own. A change that says its basis
    ('annual food price inflation decreased to 4.3%': a year-on-year rate) is not a year's figure."""
    for c in claims:
        if c.type == "percent" and c.qualifiers.basis:
            c.mods = c.mods - kn.annual_words
            continue
        if c.type in ("money", "percent", "count") and not c.period and (
                c.mods & kn.annual_words or any(t.folded in kn.annual_words for t in sentence.after(c.end, ANNUAL_REACH))):
            c.period = ANNUAL
            c.mods = c.mods - kn.annual_words


INDEX_MEASURE = "index"  # the measure of a stock index's move or level


def _index_pattern(kn: Knowledge) -> re.Pattern:
    def build() -> re.Pattern:
        names = sorted({re.sub(r"^the ", "", n) for n in kn.index_of}, key=len, reverse=True)
        return re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w&])") if names \
            else re.compile("(?!)")
    return kn.derived("index_pattern", build)


def _mark_indexes(claims: list[Claim], sentence, kn: Knowledge) -> None:
    """A move or a level in points or per cent that says no measure of its own, after a stock
    index's name in its sentence ('The Dow rose 1,160.72 points, or 2.81%'), is that index's."""
    if not kn.index_of:
        return
    found = list(_index_pattern(kn).finditer(sentence.text))
    if not found:
        return
    named = [(m.start(), m.group(0)) for m in found]
    spans = [(sentence.start + m.start(), sentence.start + m.end()) for m in found]
    claims[:] = [c for c in claims if not any(lo <= c.start < hi for lo, hi in spans)]  # the 500 of 'S&P 500'
    for c in claims:
        if not ((c.type == "percent" and (c.measure is None or stem(c.measure) in kn.market_measures))
                or (c.type == "measure" and c.unit == "point")):
            continue
        before = [name for at, name in named if at < c.start - sentence.start]
        if before:
            index = kn.index_of.get(before[-1]) or kn.index_of.get("the " + before[-1])
            if index:
                # a level it came to or stands at ('to 42,410.10 points') is not a move
                level = c.type == "measure" and (c.qualifiers.came_by or _after_at(sentence, c.start))
                c.measure, c.mods = INDEX_MEASURE, frozenset({fold(index)} | ({"level"} if level else set()))


def _after_at(sentence, start: int) -> bool:
    before = sentence.before(start, 1)
    return bool(before) and before[-1].folded in ("at", "to")


def _quote_hedges(claims: list[Claim], sentence, article: Article, kn: Knowledge) -> None:
    """A hedged figure quotes its hedge with it ('over 8%', 'nearly $90 million'): that is what
    the source claims, and what a reader looks for in it."""
    for c in claims:
        if c.qualifiers.hedge and c.type != "title":
            at = hedge_start(sentence, c.start, kn)
            if at is not None and article.line_of(at) == c.line:
                c.start = at
                c.text = article.norm[at:c.end].strip()


def _quote_as_written(claims: list[Claim], sents, read: Article, original: Article) -> None:
    """Claims read from an article's reading text quote the article as written ('34,5 %'), and
    say its language."""
    quotes = {s.quote: original.norm[s.start:s.end].strip() for s in sents}
    for c in claims:
        c.lang = original.lang
        c.text = original.norm[c.start:c.end].strip()
        c.sentence = quotes.get(c.sentence, c.sentence)
        if c.display:
            at = read.norm.find(c.display, max(0, c.start - 200), c.end + 200)
            if at >= 0:
                c.display = original.norm[at:at + len(c.display)]


# Numbers English prose does not write, whose reading is a guess: a decimal comma ('34,5 %'),
# thousands in groups of three after spaces ('1 234,5'), a day, a word and a year in another
# language ('9 juin 2025').
_UNREADABLE = re.compile(r"(?<![\d,.])\d+,\d{1,2}(?![\d,])|(?<![\d,.])\d{1,3}(?: \d{3})+(?:,\d+)?(?![\d,.])"
                         r"|(?<![\d,.])\d{1,2} [a-zéû]+\.? (?:19|20)\d{2}\b")


def _without_unreadable_numbers(claims: list[Claim], article: Article) -> list[Claim]:
    """Claims that do not read a figure out of a number written in a form that cannot be read
    with certainty (a figure that cannot be read for sure is not a claim)."""
    spans = [(m.start(), m.end()) for m in _UNREADABLE.finditer(article.norm)]
    if not spans:
        return claims
    starts = [s for s, _ in spans]
    kept = []
    for c in claims:
        if c.type != "title":
            i = bisect.bisect_right(starts, c.start) - 1
            if 0 <= i < len(spans) and spans[i][0] <= c.start < spans[i][1]:
                continue
            if i + 1 < len(spans) and spans[i + 1][0] < c.end and c.type in ("percent", "money", "count"):
                continue
        kept.append(c)
    return kept


_FIGURE = re.compile(r"\d")
TABLE_TYPES = ("percent", "money", "count", "measure", "duration")


def _row_of(article: Article, offset: int) -> str:
    lo = article.norm.rfind("\n", 0, offset) + 1
    hi = article.norm.find("\n", offset)
    return article.norm[lo:hi if hi >= 0 else len(article.norm)]


def _without_table_cells(claims: list[Claim], article: Article) -> list[Claim]:
    """Claims without the figures of table rows that hold two figures or more ('Revenue |
    $26.04 billion | $44.06 billion | 69%'): each is of its column (a year ago, this quarter,
    the change), which a row does not say, so none is read as a claim."""
    kept = []
    rows: dict[int, bool] = {}
    for c in claims:
        if c.type in TABLE_TYPES:
            lo = article.norm.rfind("\n", 0, c.start) + 1
            if lo not in rows:
                row = _row_of(article, c.start)
                cells = [x for x in row.split("|") if x.strip()]
                rows[lo] = row.count("|") >= 2 and sum(1 for x in cells if _FIGURE.search(x)) >= 2
            if rows[lo]:
                continue
        kept.append(c)
    return kept


def _changes_of_priced(claims: list[Claim]) -> None:
    """A percentage change with nothing to say what changed takes the measure of the price in its
    sentence ('Brent fell 0.5% to $68.30 a barrel' is a change in the price of a barrel)."""
    priced = {}
    for c in claims:
        if c.type == "money" and c.measure and c.mods and c.sentence not in priced:
            priced[c.sentence] = c
    for c in claims:
        if c.type == "percent" and c.measure is None and c.qualifiers.direction and c.sentence in priced:
            price = priced[c.sentence]
            c.measure, c.mods = price.measure, price.mods
