"""Times of day: '1:39 pm', '12.50 pm local time', '0700 GMT', 'midnight Pacific time'.

The value is minutes after midnight in the zone as written; ``unit`` holds the zone
('gmt', 'pdt', a family such as 'pacific', or 'local'), and the event the time is of is read
as for dates. Zones and hour words are in rules/knowledge/times.yml.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..knowledge import Knowledge, fold
from ..types import Article, Claim, Qualifiers
from .common import PersonIndex, Sentence, Spans, clause_slot, hedge_of, make_claim
from .events import event_of

_MERIDIEM = r"(?P<mer>[ap])\.?\s?m\b\.?"
_CLOCK = re.compile(
    r"(?<![\w.:,])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s?" + _MERIDIEM
    + r"|(?<![\w.:,])(?P<h24>[01]\d|2[0-3])(?P<colon>:?)(?P<m24>[0-5]\d)(?![\d:])(?=\s*\(?[A-Za-z]|(?<=:\d\d))",
    re.IGNORECASE)
# A 24-hour time written without a colon ('1530 GMT', '0800 hours') is one only before 'hours' or a
# known zone: 'Q2 2025 was' and '2024 EPS' are years. With a colon, an hour from 13 on is one
# anywhere ('closer to 22:00 the plane landed'); an earlier one needs the zone or 'hours' too.
_ZONE_REACH = 24  # characters after a time where its zone may be written ('1:30 p.m. local time')


_PATTERNS: dict[int, tuple[Knowledge, re.Pattern, re.Pattern | None, re.Pattern]] = {}


def _patterns(kn: Knowledge) -> tuple[re.Pattern, re.Pattern | None, re.Pattern]:
    """The zone, hour-word and hour-suffix ('1530 hours') patterns of a knowledge pack, built
    once (the entry keeps the pack, so that its id is not reused while the entry lives)."""
    found = _PATTERNS.get(id(kn))
    if found is None or found[0] is not kn:
        names = sorted(set(kn.zone_offset) | set(kn.zone_family), key=len, reverse=True)
        zones = re.compile(r"^\W{0,3}(" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)
        hours = re.compile(r"\b(" + "|".join(sorted(map(re.escape, kn.hour_words), key=len, reverse=True)) + r")\b",
                           re.IGNORECASE) if kn.hour_words else None
        if len(_PATTERNS) > 8:
            _PATTERNS.clear()
        suffixes = "|".join(sorted(map(re.escape, kn.hour_suffixes), key=len, reverse=True)) or "(?!)"
        found = _PATTERNS[id(kn)] = (kn, zones, hours, re.compile(rf"\s*(?:{suffixes})\b", re.IGNORECASE))
    return found[1], found[2], found[3]


def _zone_after(text: str, kn: Knowledge, pattern: re.Pattern) -> tuple[str | None, int]:
    m = pattern.match(text[:_ZONE_REACH])
    if not m:
        return None, 0
    name = fold(m.group(1))
    if name == "z" and not text.startswith("Z"):
        return None, 0
    return (name if name in kn.zone_offset else kn.zone_family.get(name, name)), m.end()


def _converts(between: str) -> bool:
    """True when a time comes in brackets right after another, as its conversion to another zone."""
    return len(between) <= 4 and between.strip() in ("(", ",", "/", "or")


def _dated_zone(zone: str | None, published, kn: Knowledge) -> str | None:
    """The zone of a family that keeps summer time on the publication date ('Eastern' in May is
    EDT), so that it converts through UTC; other zones as written."""
    family = kn.zone_family.get(zone or "", zone)
    if published is None or family not in kn.summer_time or kn.summer_time_span is None:
        return zone
    (m1, n1), (m2, n2) = kn.summer_time_span
    summer, winter = kn.summer_time[family]
    return summer if _nth_sunday(published.year, m1, n1) <= published < _nth_sunday(published.year, m2, n2) \
        else winter


def _nth_sunday(year: int, month: int, n: int):
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def extract(article: Article, sentence: Sentence, kn: Knowledge, people: PersonIndex, taken: Spans) -> list[Claim]:
    """Time-of-day claims in one sentence."""
    zones, words, hours_word = _patterns(kn)
    found = []
    for m in _CLOCK.finditer(sentence.text):
        if m.group("h") is not None:
            hour = int(m.group("h")) % 12 + (12 if m.group("mer").lower() == "p" else 0)
            minute = int(m.group("m") or 0)
        else:
            hour, minute = int(m.group("h24")), int(m.group("m24"))
            if not (m.group("colon") and hour >= 13) and not hours_word.match(sentence.text, m.end()) \
                    and _zone_after(sentence.text[m.end():], kn, zones)[0] is None:
                continue
        found.append((m.start(), m.end(), hour * 60 + minute, m.group()))
    for m in (words.finditer(sentence.text) if words else ()):
        found.append((m.start(), m.end(), kn.hour_words[fold(m.group())], m.group()))
    claims: list[Claim] = []
    for lo, hi, minutes, shown in sorted(found):
        start, end = sentence.start + lo, sentence.start + hi
        if taken.overlaps(start, end):
            continue
        zone, extra = _zone_after(sentence.text[hi:], kn, zones)
        end_quote = end + extra if zone else end
        head = event_of(sentence, start, end, kn)
        slot = clause_slot(article, sentence, start, head, set(), kn, people)
        qualifiers = {"zone": zone}
        hedge = hedge_of(sentence.text[max(0, lo - 60):lo], kn)
        if not hedge and claims and _converts(sentence.text[claims[-1].end - sentence.start:lo]):
            hedge = claims[-1].qualifiers.hedge  # 'around 1:30 p.m. local time (2:30 a.m. ET)'
        if hedge or fold(shown) in kn.hour_words:
            qualifiers["hedge"] = hedge or "approx"
        if sentence.phrase_before(start, kn.time_deadline_words):  # 'confirmed by 8 pm': then or before
            qualifiers["hedge"] = "upper"
        claims.append(make_claim(article, "time", start, end_quote, minutes, slot, sentence,
                                 unit=_dated_zone(zone, article.published, kn),
                                 qualifiers=Qualifiers.of(**qualifiers), display=sentence.text[lo:hi + (extra if zone else 0)].strip()))
    return claims
