"""What event a date or a time of day is of: the trigger word nearest it in its clause ('the
call on Thursday', 'signed on June 6'), with datelines, subordinate clauses and deadlines told
apart. Read by the extractors of dates and of times."""
from __future__ import annotations

import re

from ..knowledge import Knowledge, fold
from .common import SIGNS, Sentence

FIGURE = re.compile(rf"\d\s?(?:%|percent\b|per cent\b)|[{SIGNS}]\s?\d|\d\s?(?:billion|million)\b")
"""A figure of a statistic: a percentage, an amount of money, billions or millions."""

_SUBORDINATE = re.compile(r"\b(?:after|before|since|following|when|while|as|amid|because|ahead of|until)\b",
                         re.IGNORECASE)


def _triggers(sentence: Sentence, kn: Knowledge) -> list[tuple[int, int, str]]:
    tokens = sentence.tokens
    found = []
    for i, t in enumerate(tokens):
        words = [(t.folded, t.end)] + ([(t.folded + " " + tokens[i + 1].folded, tokens[i + 1].end)]
                                       if i + 1 < len(tokens) else [])
        for w, w_end in words:
            kind = kn.event_of.get(w)
            if kind:
                found.append((t.start, w_end, kind))
    return found


def triggers(sentence: Sentence, kn: Knowledge) -> list[tuple[int, int, str]]:
    """The event words of a sentence: (start, end, kind), in text order, read once per sentence."""
    return sentence.memo(("events", kn.derived("identity", object)), lambda: _triggers(sentence, kn))


_PHRASE_LINKS = {"with", "between", "for", "of", "on", "to", "the", "a", "an", "and"}


def _noun_phrase_tail(gap: str) -> bool:
    """True when the words between an event noun and a reporting word still belong to the noun
    phrase ('deal with Elbonia,'): at most three, names or linking words, then the comma before
    the participle. ('talks, Nikkei Asia reported' is a subject and its verb, not a participle.)"""
    if gap.strip() and not gap.rstrip().endswith(","):
        return False
    words = gap.replace(",", " ").split()
    return len(words) <= 3 and all(w[:1].isupper() or w.lower() in _PHRASE_LINKS for w in words) and \
        not (words and words[-1].lower() == "and")


def event_of(sentence: Sentence, start: int, end: int, kn: Knowledge, deadlines: bool = False) -> str | None:
    """The kind of event a date is the date of (call, meeting, visit…), read in its clause.

    A trigger right after the date wins ('a May 12 agreement'); else the nearest one before it
    (the governing verb usually comes first); else the nearest one after it, unless a
    subordinating word ('after', 'since', 'amid') puts that event in another clause. A
    reporting word just after an event noun dates that event ('the deal with Elbonia, announced
    on Monday'). A results verb with a figure in its clause ('reported revenue of $46.7 billion
    on Wednesday') dates a release of figures, not a statement. With ``deadlines`` (days, not
    times of day: 'by 9 am, 350 trees had fallen' is a tally's time), a word of time limit right
    before the date makes it the date of a deadline ('by August 1').
    """
    lo, hi = sentence.clause_bounds(start)
    if deadlines and after_deadline_word(sentence, start, kn):
        return "effect"
    following = sentence.after(end, 2)
    before = after = None
    previous = None
    asides = [(a, b) for a, b in relative_asides(sentence, lo, hi, kn) if not a <= start < b]
    for t_start, t_end, kind in triggers(sentence, kn):
        if t_start < lo or t_end > hi or any(a <= t_start < b for a, b in asides):
            continue
        if following and t_start == following[0].start:
            return _results_or(kind, sentence, t_start, t_end, lo, hi, kn)
        if t_end <= start and (before is None or start - t_end < before[0]):
            dated = kind
            gap = sentence.text[previous[1] - sentence.start:t_start - sentence.start] if previous else ""
            if kind in kn.reporting_events and previous and previous[2] not in kn.reporting_events and \
                    _noun_phrase_tail(gap):
                dated = previous[2]
            before = (start - t_end, dated, t_start, t_end)
        elif t_start >= end and (after is None or t_start - end < after[0]) and not _SUBORDINATE.search(
                sentence.text[end - sentence.start:t_start - sentence.start]):
            after = (t_start - end, kind, t_start, t_end)
        previous = (t_start, t_end, kind)
    chosen = before or after
    if chosen is None:
        return None
    return _results_or(chosen[1], sentence, chosen[2], chosen[3], lo, hi, kn)


def relative_asides(sentence: Sentence, lo: int, hi: int, kn: Knowledge) -> list[tuple[int, int]]:
    """The spans of the relative clauses set off by commas between offsets lo and hi ('The crash,
    which left 22 people injured, happened at around 6pm': what the aside tells is not what the
    time is of)."""
    tokens = sentence.tokens_between(lo, hi)
    spans = []
    for i, t in enumerate(tokens[:-1]):
        if t.text == "," and tokens[i + 1].folded in kn.relative_pronouns:
            close = next((u for u in tokens[i + 2:] if u.text == ","), None)
            if close is not None:
                spans.append((t.start, close.end))
    return spans


def after_deadline_word(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """True when a word of time limit (events.yml) comes right before a date ('by August 1')."""
    return sentence.phrase_before(start, kn.deadline_words)


def _results_or(kind: str, sentence: Sentence, t_start: int, t_end: int, lo: int, hi: int, kn: Knowledge) -> str:
    """'release' for a results verb with a figure in its clause, else the trigger's kind."""
    word = fold(sentence.text[t_start - sentence.start:t_end - sentence.start])
    if word in kn.results_verbs and FIGURE.search(sentence.text[lo - sentence.start:hi - sentence.start]):
        return "release"
    return kind
