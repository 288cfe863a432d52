"""Building a claim with its evidence, the year a clause is about, and the spans already claimed."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..knowledge import Knowledge
from ..types import Article, Claim
from .slots import Slot
from .text import Sentence
from .text import alternation as _words

WHOLE_YEAR = "year"  # the period of a rate told of the whole of its article's year
RELATIVE_PERIOD = "year{:+d}"  # the period of 'next year' in an undated article: 'year+1'


def relative_period(offset: int) -> str:
    """The period of a year ``offset`` years from an undated article's own ('next year': 'year+1')."""
    return RELATIVE_PERIOD.format(offset)

_YEAR = r"(?P<year>(?:19|20)\d{2})\b(?!\s*(?:percent|%))"
_LIST_YEAR = r"^\W*(?P<listed>(?:19|20)\d{2})\s*:"


@dataclass(frozen=True)
class _YearPatterns:
    """The year a clause is about, as the language packs say it (english.yml)."""

    other: re.Pattern  # a count's or an amount's clause: after a word of period or of base
    period: re.Pattern  # a rate's clause: after a word of period only
    after: re.Pattern  # right after the figure ('2.4% in fiscal 2025'): the figure's own year
    when: re.Pattern  # 'since 2022, when …' right before the figure
    ago: re.Pattern  # 'three years earlier' right after the figure
    compared: re.Pattern  # a comparison just before a year


def _year_patterns(kn: Knowledge) -> _YearPatterns:
    def build() -> _YearPatterns:
        period, base = _words(kn.period_year_words), _words(kn.base_year_words)
        year = rf"(?:(?:{_words(kn.year_prefixes)})\s*)?{_YEAR}|(?P<rel>{_words(kn.relative_years)})\b"
        return _YearPatterns(
            other=re.compile(rf"\b(?:{period}|{base})\s+(?:{year})|{_LIST_YEAR}"),
            period=re.compile(rf"\b(?:{period})\s+(?:{year})|{_LIST_YEAR}"),
            # right after the figure, or after a word of its change ('1.5% growth for 2025'),
            # a year led in by a word of period, or a relative year on its own ('1.2% next year')
            after=re.compile(rf"(?:\s*+,)?(?:\s++(?:{_words(kn.direction_of)}))?\s*+(?:(?:{period})\s+(?:{year})"
                             rf"|(?P<bare>{_words(kn.relative_years)})\b)"),
            ago=re.compile(rf"\s*(?P<n>\d{{1,2}}|{_words(kn.number_words)})\s+(?:{_words(kn.years_back)})\b",
                           re.IGNORECASE),
            when=re.compile(rf"\b((?:19|20)\d{{2}}),?\s+(?:{_words(kn.year_when_words)})\b[^.;:]{{0,60}}$"),
            compared=re.compile(rf"(?<!\w)(?:{_words(kn.comparison_words)})(?!\w)[^,;]*$", re.IGNORECASE))
    return kn.derived("year_patterns", build)


def _relative_offset(m: re.Match, kn: Knowledge) -> int:
    """The years a matched relative year ('next year', 'last year') is from the article's own; 0
    for an absolute year."""
    relative = m.group("rel") or m.groupdict().get("bare")
    return kn.relative_years[re.sub(r"\s+", " ", relative)] if relative else 0


def _year_of(m: re.Match, published, kn: Knowledge) -> int:
    if m.group("rel") or m.groupdict().get("bare"):
        return published.year + _relative_offset(m, kn)
    return int(m.group("year") or m.group("listed"))


def other_year(clause: str, published, kn: Knowledge, of_rate: bool = False) -> str | None:
    """A year other than the article's that a clause is about ('since 2011, when a magnitude
    7.1 tremor killed 412 people', 'to 3.1% in 2027', 'for next year', a list item '2026: 3.4%'):
    the figures there are not this story's, nor the same year's as another year's. For a rate, a
    year after a word of base ('since 2021') is what it is compared with, not its period."""
    if published is None:
        return None
    years = _year_patterns(kn)
    for m in (years.period if of_rate else years.other).finditer(clause):
        year = _year_of(m, published, kn)
        if _OWN_YEAR_OF_FIGURE.search(clause, max(0, m.start() - 30), m.start()):
            continue  # 'from 19.46 percent in 2020, even as it contested 101 seats': the other figure's
        if year != published.year and not years.compared.search(clause, max(0, m.start() - 40), m.start()):
            return str(year)
    return None


_OWN_YEAR_OF_FIGURE = re.compile(r"\d(?:[\d.,]*\d)?\s?(?:%|per ?cent|percent)(?:\s+(?:in|of|for))?\s*$")


def has_own_year(sentence: Sentence, end: int, kn: Knowledge) -> bool:
    """True when a year is written right after a figure ending at ``end`` ('from 3.25% in 2025 to
    around 3% in 2026'): the figure is of that year."""
    return _year_patterns(kn).after.match(sentence.text, end - sentence.start) is not None


def _fronted_year(sentence: Sentence, start: int, years: _YearPatterns) -> re.Match | None:
    """The year set before a sentence and a comma, ahead of the figure ('In 2013, it took five
    rounds of voting'): the year of all of the sentence."""
    m = years.other.match(sentence.text.lower())
    ok = m and sentence.text[m.end():m.end() + 1] == "," and m.end() < start - sentence.start
    return m if ok else None


def _year_of_figure(article: Article, sentence: Sentence, start: int, end: int, type_: str,
                    kn: Knowledge) -> str | None:
    published = article.published
    years = _year_patterns(kn)
    fronted = _fronted_year(sentence, start, years)
    own = years.after.match(sentence.text, end - sentence.start)
    if published is None:
        # An undated article: only a year it writes is sure, the figure's own or the sentence's
        # (that year may be the article's own: alignment reads it so, see align/undated.py).
        for m in (own, fronted):
            if m and m.group("year"):
                return m.group("year")
            offset = _relative_offset(m, kn) if m else 0
            if offset:  # 'next year': read against the run's year in align/undated.py
                return relative_period(offset)
        return None
    if own:  # '2.7% in fiscal 2024, 2.4% in fiscal 2025': each figure its year, the article's too
        year = _year_of(own, published, kn)
        if year == published.year and own.groupdict().get("bare") and type_ not in ("count", "measure"):
            return WHOLE_YEAR  # 'projects GDP to grow 1.2 percent this year': the year's, not a quarter's
        return str(year) if year != published.year else None
    when = years.when.search(sentence.text, 0, start - sentence.start)
    if when and int(when.group(1)) != published.year:
        return when.group(1)
    ago = years.ago.match(sentence.text, end - sentence.start)
    if ago:  # '32.5 per cent three years earlier'
        n = ago.group("n")
        back = int(n) if n.isdigit() else kn.number_words.get(n.lower())
        if back:
            return str(published.year - back)
    if fronted:
        year = _year_of(fronted, published, kn)
        if year != published.year:
            return str(year)
    lo, _ = sentence.clause_bounds(start)
    before = sentence.text[lo - sentence.start:start - sentence.start]
    # A year after the figure in its clause ('82 seats, five more than at the 2022 election') is
    # what it is compared with; only one right after it is its own (above).
    return other_year(before, published, kn,
                      of_rate=type_ not in ("count", "measure"))


def make_claim(article: Article, type_: str, start: int, end: int, value, slot: Slot | None,
               sentence: Sentence, kn: Knowledge | None = None, **extra) -> Claim:
    """Build a Claim with its evidence (line, offsets, quoted text) from an article span.

    A figure in a clause about another year gets that year as its period (read with ``kn``,
    which a figure with a slot needs)."""
    claim = Claim(article=article.id, type=type_, line=article.line_of(start), start=start, end=end,
                  text=article.norm[start:end].strip(), value=value, sentence=sentence.quote, **extra)
    if slot is not None:
        if type_ in ("date", "time"):
            claim.event = slot.head
        else:
            claim.measure = slot.head
        claim.mods, claim.context = slot.mods, slot.context
        claim.period, claim.persons, claim.names = slot.period, slot.persons, slot.names
        if type_ in ("count", "measure", "percent", "money") and not claim.period:
            if kn is None:
                raise ValueError(f"make_claim: a {type_} with a slot needs the knowledge to read its year")
            claim.period = _year_of_figure(article, sentence, start, end, type_, kn)
    return claim


class Spans:
    """Non-overlapping spans already claimed, with a fast overlap test."""

    def __init__(self, spans=()):
        self._spans: list[tuple[int, int]] = sorted(spans)

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a span already taken."""
        i = bisect.bisect_left(self._spans, (start, start))
        for j in (i - 1, i):
            if 0 <= j < len(self._spans):
                a, b = self._spans[j]
                if a < end and start < b:
                    return True
        return False

    def add(self, start: int, end: int) -> None:
        """Take a span."""
        bisect.insort(self._spans, (start, end))
