"""Percentages: value, change direction, basis (year-on-year, month-on-month…) and hedges."""
from __future__ import annotations

import re
from dataclasses import replace

from ..knowledge import Knowledge, fold
from ..types import Article, Claim, Qualifiers
from .build import has_own_year
from .common import (
    PersonIndex,
    Sentence,
    hedge_of,
    level_of,
    make_claim,
    modifier_terms,
    noun_run,
    number_slot,
    of_own_month,
    range_low,
)
from .qualifiers import TALLY_MEASURE, tally_share
from .text import CURRENCY_SIGNS

PERCENT = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?:[ \u00a0]|-(?=[a-z]))?(%|percent\b|per cent\b|pct\b|pc\b|"
    r"percentage[ -]points?\b|basis[ -]points?\b|bps\b|bp\b)",
    re.IGNORECASE)


def percent_pattern(kn: Knowledge) -> re.Pattern:
    """Percentages in figures: English words, or the percent words of the article's language
    ('Prozent', 'points de pourcentage', 'puntos básicos')."""
    if kn.lang == "en" or not kn.percent_units:
        return PERCENT

    def build() -> re.Pattern:
        words = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s") for w in kn.percent_units if w != "%"),
                                key=len, reverse=True))
        return re.compile(
            rf"(?<![\w.])(\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?)(?:[ \u00a0]|-(?=[^\W\d_]))?(%|(?:{words})(?!\w))",
            re.IGNORECASE)
    return kn.derived("language_percent", build)


def word_points_pattern(kn: Knowledge) -> re.Pattern:
    """Percentage points written in words: 'a quarter of a percentage point', 'a half-point',
    'two percentage points' (fractions from numbers.yml, whole numbers from english.yml)."""
    def build():
        fractions = "|".join(sorted({re.escape(w).replace("\\ ", "[ -]") for w in kn.point_fractions},
                                    key=len, reverse=True))
        wholes = "|".join(sorted((re.escape(w) for w in kn.number_words), key=len, reverse=True))
        return re.compile(
            rf"(?<![\w-])(?:(?:a|one)[ -])?(?P<fraction>{fractions or '(?!)'})(?:[ -]of)?(?:[ -]an?)?"
            rf"[ -](?:percentage[ -])?points?\b"
            rf"|(?<![\w-])(?P<whole>{wholes or '(?!)'}|a full|a)[ -]percentage[ -]points?\b",
            re.IGNORECASE)
    return kn.derived("word_points", build)


def _word_points_value(m: re.Match, kn: Knowledge) -> float:
    if m.group("fraction"):
        return kn.point_fractions[fold(m.group("fraction")).replace("-", " ")]
    whole = fold(m.group("whole"))
    return float(kn.number_words.get(whole, 1))


def _unit_and_value(number: str, word: str) -> tuple[str, float, str]:
    """('%' or 'pp', the value, how to show it); basis points are hundredths of a point."""
    value = float(number.replace(",", ""))
    word = word.lower()
    if word.startswith("percentage"):
        return "pp", value, f"{number} pp"
    if word.startswith("b"):
        return "pp", value / 100, f"{number} bp"
    return "%", value, f"{number}%"


def basis_of(clause: str, kn: Knowledge, figure: tuple[int, int] | None = None,
             others: tuple[int, ...] = ()) -> tuple[str | None, tuple[int, int] | None]:
    """The basis a change is measured against, and where the basis phrase sits in the clause:
    the phrase nearest the figure at ``figure`` (offsets in the clause), else the first one
    ('YoY +69.18%, QoQ +12.03%' gives each figure its own basis). A phrase after the figure
    with another percentage (at ``others``) between them is that one's ('rose 0.2% and were up
    3.6% from a year ago': the 0.2% has no basis told)."""
    best = None
    for basis, pattern in kn.bases:
        for m in pattern.finditer(clause):
            if figure and any(figure[1] <= x < m.start() for x in others):
                continue
            gap = m.start() if figure is None else \
                figure[0] - m.end() if m.end() <= figure[0] else max(0, m.start() - figure[1])
            rank = (gap, m.start(), m.start() - m.end())  # at one place, the longest phrase
            if best is None or rank < best[0]:
                best = (rank, basis, (m.start(), m.end()))
    return (best[1], best[2]) if best else (None, None)


_FIGURE_WORDS = {"%", "percent", "per", "cent", "pct", "percentage", "point", "points", "bps", "bp", "basis"}


def direction_near(sentence: Sentence, start: int, kn: Knowledge) -> tuple[str | None, bool]:
    """Direction of change of a figure, and whether the figure is a change: the noun right
    after it ('an 11% rise', whatever fell before), else a word right before it.

    'fell 34.5 percent' is a fall of 34.5; 'have risen to 50%' is a level of 50, not a change.
    """
    after = [t.folded for t in sentence.after(start, 5)][1:]
    while after and after[0] in _FIGURE_WORDS:
        after = after[1:]
    if after and kn.direction_of.get(after[0]):
        return kn.direction_of[after[0]], True
    before = sentence.before(start, 4)
    words = [t.folded for t in before]
    for i in range(len(words) - 1, -1, -1):
        d = kn.direction_of.get(words[i])
        if d and i + 1 < len(words) and words[i + 1] in kn.comparative_links:
            continue  # 'higher than expected at 46%': a comparison, not the figure's change
        if d:
            between = words[i + 1:]
            return d, not kn.level_words.intersection(between)
    after = [t.folded for t in sentence.after(start, kn.lang_words.get("direction_after", 4))]
    for w in after[1:]:
        if w in (",", ";") and kn.lang != "en":
            break
        d = kn.direction_of.get(w)
        if d:
            return d, True
    return None, False


def _came_to(sentence: Sentence, end: int, kn: Knowledge) -> str | None:
    """The amount a change came to, written right after it ('rose 18% to $30.87 billion')."""
    after = sentence.after(end, 10)
    i = next((k for k, t in enumerate(after[:5]) if t.folded in kn.level_words), None)
    if i is None:
        return None
    rest = after[i + 1:]
    j = next((k for k, t in enumerate(rest[:3]) if t.text[:1].isdigit()), None)
    if not j:
        return None
    prefix = "".join(t.text for t in rest[:j])
    if not (prefix[-1] in CURRENCY_SIGNS or prefix.lower() in kn.currency_of):
        return None
    try:
        value = float(rest[j].text.replace(",", ""))
    except ValueError:
        return None
    scale = kn.scales.get(rest[j + 1].folded, 1) if len(rest) > j + 1 else 1
    return repr(value * scale)


SHARE = "share"  # the level of a part's share of a whole ('accounting for 57% of revenue')


def _share(sentence: Sentence, start: int, kn: Knowledge) -> str | None:
    """SHARE for a figure right after a verb of a part's share (english.yml share_verbs)."""
    return SHARE if sentence.phrase_before(start, kn.share_verbs) else None


SHARE_HOLDER_WORDS = 6  # words before a verb of share where the part it names is read


def _share_holder(sentence: Sentence, start: int, kn: Knowledge) -> frozenset[str]:
    """The modifiers of the part a share is of: the words of its clause before the verb of
    share ('shipments of 3-nanometer accounted for 23%' → 3-nanometer, shipment)."""
    lo, _ = sentence.clause_bounds(start)
    before = [t for t in sentence.before(start, SHARE_HOLDER_WORDS + 3) if t.start >= lo]
    cut = next((k for k in range(len(before)) if any(
        " ".join(t.folded for t in before[k:k + n]) in kn.share_verbs for n in (1, 2, 3))), len(before))
    words = [t for t in before[:cut][-SHARE_HOLDER_WORDS:] if t.folded not in kn.stopwords]
    return frozenset(modifier_terms(words, kn))


def _reached(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """True for a level a change came to: a level word right before the figure and a word of
    direction before it in its clause ('raised its policy rate to 0.5%')."""
    before = sentence.before(start, 8)
    if not before or before[-1].folded not in kn.level_words:
        return False
    lo, _ = sentence.clause_bounds(start)
    return any(kn.direction_of.get(t.folded) for t in before[:-1] if t.start >= lo)


def _language_unit(number: str, word: str, kn: Knowledge) -> tuple[str, float, str]:
    """('%' or 'pp', the value, how to show it) of a percentage in another language's words."""
    value = float(number.replace(",", ""))
    unit = kn.percent_units.get(fold(word), "%")
    if unit == "pp":
        return "pp", value, f"{number} pp"
    if unit == "bp":
        return "pp", value / 100, f"{number} bp"
    return "%", value, f"{number}%"


def _figures(sentence: Sentence, kn: Knowledge):
    """(match, unit, value, shown) of every percentage in a sentence, in figures or in words."""
    pattern = percent_pattern(kn)
    for m in pattern.finditer(sentence.text):
        if pattern is PERCENT:
            yield (m, *_unit_and_value(m.group(1), m.group(2)))
        else:
            yield (m, *_language_unit(m.group(1), m.group(2), kn))
    for m in word_points_pattern(kn).finditer(sentence.text):
        yield m, "pp", _word_points_value(m, kn), m.group(0)


def extract(article: Article, sentence: Sentence, kn: Knowledge, people: PersonIndex) -> list[Claim]:
    """Percentage claims in one sentence."""
    claims = []
    figures = list(_figures(sentence, kn))
    for m, unit, value, shown in figures:
        start, end = sentence.start + m.start(), sentence.start + m.end()
        lo, hi = sentence.clause_bounds(start)
        clause = article.norm[lo:hi]
        others = tuple(sentence.start + o.start() - lo for o, *_ in figures if o is not m)
        basis, where = basis_of(clause, kn, (start - lo, end - lo), others)
        skip = (lo + where[0], lo + where[1]) if where else None
        slot = number_slot(sentence, start, end, kn, people, skip, share=True)
        if tally_share(sentence, end, kn):
            slot = replace(slot, head=TALLY_MEASURE, mods=frozenset())
        direction, is_change = direction_near(sentence, start, kn)
        follow = noun_run(sentence.after(end, 6), kn)
        heads = [t for t in follow if slot.head and kn.canon_term(t.folded) == slot.head]
        quote_end = heads[0].end if heads else end
        level = level_of(sentence, start, end, kn) or _share(sentence, start, kn)
        if level == SHARE:  # '3-nanometer chips accounted for 23%': the part is what it is a share of
            slot = replace(slot, mods=slot.mods | (_share_holder(sentence, start, kn) - {slot.head}))
        if level == "projected":
            slot = slot.with_sources()
        previous = level == "previous"
        if previous and (of_own_month(sentence, end, kn) or has_own_year(sentence, end, kn)):
            level = None  # 'slow from 3.25% in 2025 to around 3% in 2026': 2025's figure, not an old one
        qualifiers = {"basis": basis if is_change or basis else None,
                      "direction": direction if is_change and not previous else None,
                      "hedge": hedge_of(sentence.text[max(0, m.start() - 60):m.start()], kn),
                      "level": level,
                      "reached": not previous and _reached(sentence, start, kn),
                      "came_to": _came_to(sentence, end, kn) if is_change else None}
        low = range_low(sentence, start, kn)
        if low is not None and low < value and not qualifiers["hedge"]:
            qualifiers["hedge"], qualifiers["low"] = "range", repr(low)
        claims.append(make_claim(article, "percent", start, quote_end, value, slot, sentence, kn, unit=unit,
                                 qualifiers=Qualifiers.of(**qualifiers),
                                 display=shown))
    return claims
