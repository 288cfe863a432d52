"""Durations: '90-day truce', 'a 90-minute call', 'for a period of 90 days'."""
from __future__ import annotations

import re

from ..knowledge import Knowledge, stem
from ..types import Article, Claim
from .common import PersonIndex, Sentence, clause_slot, hedge_of, make_claim, noun_run
from .quantities import counted_head

_UNITS = r"(second|minute|hour|day|week|month|year)s?"


def _pattern(kn: Knowledge) -> re.Pattern:
    words = "|".join(sorted(kn.number_words, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(\d+(?:\.\d+)?|{words}|an?)(?:-|\s)(?:{_UNITS})\b(?!\s+(?:ago|earlier|later|old)\b)",
                      re.IGNORECASE)


def _single_unit_ok(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """'about an hour', 'lasted a day': 'a'/'an' counts as one only after a word that introduces a
    length of time (duration_lead_words), not in a rate ('548,000 barrels a day')."""
    before = sentence.before(start, 1)
    return bool(before) and before[-1].folded in kn.duration_lead_words


def _clause_event(sentence: Sentence, start: int, kn: Knowledge) -> str | None:
    """The nearest event word earlier in the figure's clause ('The fourth round of talks
    between the two countries took about four hours' is the length of a meeting)."""
    lo, _ = sentence.clause_bounds(start)
    for t in reversed(sentence.tokens_between(lo, start)):
        if t.folded in kn.event_of:
            return kn.event_of[t.folded]
    return None


def extract(article: Article, sentence: Sentence, kn: Knowledge, people: PersonIndex) -> list[Claim]:
    """Duration claims in one sentence."""
    claims = []
    for m in _pattern(kn).finditer(sentence.text):
        start, end = sentence.start + m.start(), sentence.start + m.end()
        number = m.group(1)
        if number.lower() in ("a", "an"):
            if not _single_unit_ok(sentence, start, kn):
                continue
            value = 1.0
        else:
            value = float(number) if number[0].isdigit() else float(kn.number_words[number.lower()])
        unit = stem(m.group(2))
        after = sentence.after(end, 8)
        hyphenated = "-" in m.group(0)
        if hyphenated:
            head, mods, span = counted_head(after, kn)
        elif after and after[0].folded == "of":
            head, mods, span = counted_head(after[1:], kn)
            span = span + 1 if head else 0
        else:
            head, mods, span = None, set(), 0
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
        hedge = hedge_of(sentence.text[max(0, m.start() - 60):m.start()], kn)
        claims.append(make_claim(article, "duration", start, quote_end, value, slot, sentence, unit=unit,
                                 qualifiers={"hedge": hedge} if hedge else {}, display=m.group(0)))
    return claims
