"""Durations: '90-day truce', 'a 90-minute call', 'for a period of 90 days'."""
from __future__ import annotations

import re

from ..knowledge import Knowledge, stem
from ..types import DAYS_PER_UNIT, Article, Claim, Qualifiers
from .common import PersonIndex, Sentence, clause_slot, hedge_of, make_claim, noun_run
from .events import triggers
from .quantities import counted_head

_UNITS = r"(second|minute|hour|day|week|month|year)s?"


def _patterns(kn: Knowledge) -> tuple[re.Pattern, re.Pattern]:
    """A number (in figures or words) and a unit of time; and 'a'/'an' with a unit after a word
    that introduces a length of time ('about an hour', 'lasted a day'), which is one, where
    elsewhere 'a day' is a rate ('548,000 barrels a day'). The lead words are in numbers.yml."""
    return kn.derived("duration_patterns", lambda: _build_patterns(kn))


def _build_patterns(kn: Knowledge) -> tuple[re.Pattern, re.Pattern]:
    words = "|".join(sorted(kn.number_words, key=len, reverse=True))
    leads = "|".join(re.escape(w) for w in sorted(kn.duration_lead_words, key=len, reverse=True)) or "(?!)"
    not_after = "|".join(re.escape(w) for w in sorted(kn.not_duration_after, key=len, reverse=True)) or "(?!)"
    tail = rf"(?:-|\s)(?:{_UNITS})\b(?![\s-]+(?:{not_after})\b)"
    return (re.compile(rf"(?<![\w.,/])(\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{words})(\s+and\s+a\s+half|\s1/2|\s?½)?{tail}",
                       re.IGNORECASE),
            re.compile(rf"\b(?:{leads})\s+(an?){tail}", re.IGNORECASE))


_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)


def _matches(sentence: Sentence, kn: Knowledge):
    """(start, end, number, unit word, and a half) of each duration in a sentence, in text
    order ('two and a half hours', 'an hour and a half')."""
    figures, single = _patterns(kn)
    found = [(m.start(), m.end(), m.group(1), m.group(3), bool(m.group(2))) for m in figures.finditer(sentence.text)]
    found += [(m.start(1), m.end(), m.group(1), m.group(2), False) for m in single.finditer(sentence.text)]
    out = []
    for lo, hi, number, unit, half in sorted(found):
        after = _AND_A_HALF.match(sentence.text, hi)
        if after and not half:
            half, hi = True, after.end()
        out.append((lo, hi, number, unit, half))
    return out


_JOINED = re.compile(r",?\s+and\s+$", re.IGNORECASE)


def _joined(sentence: Sentence, matches: list, kn: Knowledge) -> list:
    """Matches with a length told in two units joined into one ('27 years and three months' is
    27.25 years, '2 hours and 30 minutes' 2.5 hours): (start, end, number, unit, half, extra,
    step), the extra and the step of its last written digit (a month: 1/12) in the first unit."""
    out = []
    i = 0
    while i < len(matches):
        lo, hi, number, unit, half = matches[i]
        extra, step = 0.0, None
        if i + 1 < len(matches):
            nlo, nhi, nnumber, nunit, nhalf = matches[i + 1]
            big, small = DAYS_PER_UNIT.get(stem(unit).lower()), DAYS_PER_UNIT.get(stem(nunit).lower())
            if big and small and small < big and _JOINED.match(sentence.text[hi:nlo]):
                extra = (_number(nnumber, kn) + (0.5 if nhalf else 0.0)) * small / big
                step, hi = small / big, nhi
                i += 1
        out.append((lo, hi, number, unit, half, extra, step))
        i += 1
    return out


def _number(number: str, kn: Knowledge) -> float:
    if number.lower() in ("a", "an"):
        return 1.0
    return float(number.replace(",", "")) if number[0].isdigit() else float(kn.number_words[number.lower()])


def _clause_event(sentence: Sentence, start: int, kn: Knowledge) -> str | None:
    """The nearest event word earlier in the figure's clause ('The fourth round of talks
    between the two countries took about four hours' is the length of a meeting)."""
    lo, _ = sentence.clause_bounds(start)
    for t in reversed(sentence.tokens_between(lo, start)):
        if t.folded in kn.event_of:
            return kn.event_of[t.folded]
    return None


def _interval(sentence: Sentence, end: int, kn: Knowledge) -> set[str] | None:
    """The events a length of time runs between, when a word of interval ties it to an event
    just after it ('30 seconds after takeoff, the plane crashed', '36 seconds from take-off to
    impact'): the kinds of event its sentence names, or 'from'/'to' the one kind it names. Such
    a length is an interval (its head); those kinds, together, its one modifier, so that an
    interval between a takeoff and a crash is not the one between a takeoff and a mayday."""
    after = sentence.after(end, 8)
    link = None
    for i, t in enumerate(after[:5]):
        if t.text in ",.;:":
            return None
        if t.folded in kn.interval_words:
            link = i
            break
    if link is None:
        return None
    found = triggers(sentence, kn)
    window = after[link + 1:link + 4]
    if not any(t_start == t.start for t in window for t_start, _, _ in found):
        return None
    kinds = sorted({kind for _, _, kind in found if kind not in kn.unspecific_events})
    if len(kinds) == 1:
        return {f"{kn.interval_words[after[link].folded]} {kinds[0]}"}
    return {" and ".join(kinds)} if kinds else None


def extract(article: Article, sentence: Sentence, kn: Knowledge, people: PersonIndex) -> list[Claim]:
    """Duration claims in one sentence."""
    claims = []
    for lo, hi, number, unit_word, half, extra, step in _joined(sentence, _matches(sentence, kn), kn):
        start, end = sentence.start + lo, sentence.start + hi
        value = _number(number, kn) + (0.5 if half else 0.0) + extra
        unit = stem(unit_word)
        if sentence.phrase_before(start, kn.period_span_words):
            continue
        after = sentence.after(end, 8)
        hyphenated = "-" in sentence.text[lo:hi]
        if hyphenated and after and after[0].folded in kn.record_window_words:
            continue
        if hyphenated:
            head, mods, span = counted_head(after, kn)
        elif after and after[0].folded == "of":
            head, mods, span = counted_head(after[1:], kn)
            span = span + 1 if head else 0
        else:
            between = _interval(sentence, end, kn)
            head, mods, span = ("interval", between, 0) if between else (None, set(), 0)
        if head is None:
            before = sentence.before(start, 6)
            event = next((kn.event_of.get(t.folded) or kn.synonym_of[t.folded] for t in reversed(before)
                          if t.folded in kn.event_of or t.folded in kn.synonym_of), None)
            if event is None:
                event = _clause_event(sentence, start, kn)
            run = noun_run(list(reversed([t for t in before if t.folded not in ("of", "for", "a", "the")])), kn)
            head = event or (kn.canon_term(run[0].folded) if run else None)
        slot = clause_slot(article, sentence, start, head, set(mods), kn, people)
        quote_end = after[span - 1].end if span else end
        hedge = hedge_of(sentence.text[max(0, lo - 60):lo], kn)
        qualifiers = {"hedge": hedge} if hedge else {}
        if not step and half:
            step = 0.5
        elif not step and not number[:1].isdigit():
            step = 1.0
        if step:
            qualifiers["step"] = repr(step)
        claims.append(make_claim(article, "duration", start, quote_end, value, slot, sentence, unit=unit,
                                 qualifiers=Qualifiers.of(**qualifiers), display=sentence.text[lo:hi]))
    return claims
