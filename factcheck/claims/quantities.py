"""Shared reading of counted things: 'seven types of rare-earth minerals', 'fifth round of talks'."""
from __future__ import annotations

from ..knowledge import Knowledge, fold, stem
from .common import Token, modifier_terms, noun_run


def counted_head(after: list[Token], kn: Knowledge) -> tuple[str | None, set[str], int]:
    """Head noun of what follows a number, its modifiers, and how many tokens the phrase spans.

    Classifier words are skipped: the head of 'seven types of rare-earth minerals' is
    'minerals', of 'a three-day period of mourning' and 'a five-day mourning period' 'mourning'.
    """
    lead = 0
    while lead < len(after) - 1 and lead < 2 and after[lead].folded in kn.count_lead_words:
        lead += 1
    head, mods, span = _counted_head(after[lead:], kn)
    return head, mods, span + lead if span else 0


def _counted_head(after: list[Token], kn: Knowledge) -> tuple[str | None, set[str], int]:
    run = noun_run(after, kn)
    while run and not run[-1].folded[:1].isalpha():
        run.pop()
    if not run:
        return None, set(), 0
    span = len(run)
    last = run[-1]
    if last.folded in kn.classifiers and span < len(after) and after[span].folded == "of":
        rest = noun_run(after[span + 1:], kn)
        if rest:
            mods = modifier_terms(run[:-1] + rest[:-1], kn)
            return _head_term(rest[-1].folded, kn), mods, span + 1 + len(rest)
    if last.folded in kn.classifiers and span >= 2 and not run[-2].folded.endswith(kn.adjective_endings):
        run = run[:-1]  # 'five tank units' counts tanks; 'nearly 2,000 residential units' counts units
    if len(run) >= 2:
        pair = fold(run[-2].text + " " + run[-1].text)
        if pair in kn.synonym_of or pair in kn.measure_of:
            return kn.synonym_of.get(pair) or kn.measure_of[pair], modifier_terms(run[:-2], kn), len(run)
    head_at = len(run) - 1
    if not _known(run[-1].folded, kn):
        known = [i for i, t in enumerate(run[:-1]) if _known(t.folded, kn)]
        if known:
            head_at = known[-1]
    return _head_term(run[head_at].folded, kn), modifier_terms(run[:head_at], kn), head_at + 1


def _known(word: str, kn: Knowledge) -> bool:
    return bool(kn.event_of.get(word) or kn.measure_of.get(word) or kn.synonym_of.get(word)
                or kn.measure_of.get(stem(word)) or kn.synonym_of.get(stem(word)))


def _head_term(word: str, kn: Knowledge) -> str:
    """A head noun in canonical form: its synonym class, measure, or event kind (in another
    language, also the class of what happened to the people counted: 'muertos' are the dead)."""
    if kn.lang != "en" and word in kn.count_class:
        return kn.count_class[word]
    for key in (word, stem(word)):
        if key in kn.synonym_of:
            return kn.synonym_of[key]
        if key in kn.measure_of:
            return kn.measure_of[key]
    return kn.event_of.get(word, stem(word))
