"""Lists paired item by item: '3.79%, 3.25% and 2.92% in February, March and April,
respectively' gives each figure its month; 'shipments to Southeast Asia and the EU rose 15% and
12%, respectively' gives each figure its own name, not the whole list's.

Only in a sentence with a word of pairing (``respectively_words``), for the figures of one kind
that come right before that word one after another, and only when a single list of the sentence
has as many items: otherwise which figure goes with which item is a guess, and the figures are
left as they are read.
"""
from __future__ import annotations

from dataclasses import replace

from ..knowledge import Knowledge
from ..types import Claim
from .common import Sentence, Token, modifier_terms

PAIRED_TYPES = ("percent", "money", "count", "measure", "duration")


def _lists(sentence: Sentence, kn: Knowledge) -> list[tuple[str, list[list[Token]]]]:
    """Lists of two or more items in a sentence, in text order: ('month', items) for months,
    ('name', items) for runs of capitalised words, each item its tokens. Items are set apart
    by commas and the words of ``list_links`` ('and', 'the')."""
    out: list[tuple[str, list[list[Token]]]] = []
    kind: str | None = None
    items: list[list[Token]] = []
    item: list[Token] = []

    def close() -> None:
        nonlocal kind, items, item
        if item:
            items.append(item)
        if kind and len(items) >= 2:
            out.append((kind, items))
        kind, items, item = None, [], []

    for i, t in enumerate(sentence.tokens):
        month = (t.folded in kn.months or t.folded in kn.month_abbr) and \
            not (t.text.islower() and (t.folded in kn.stopwords or t.folded in kn.month_abbr))
        this = "month" if month else "name" if t.is_capitalised and i > 0 else None
        if this is not None and (kind is None or kind == this):
            if kind == "month" and item:
                items.append(item)
                item = []
            kind = this
            item.append(t)
        elif kind and (t.text == "," or t.folded in kn.list_links):
            if item:
                items.append(item)
                item = []
        else:
            close()
            if this is not None:
                kind, item = this, [t]
    close()
    return out


def pair_items(claims: list[Claim], sentence: Sentence, kn: Knowledge) -> None:
    """Give each figure of a list its own item of a list told 'respectively' (see the module
    docstring): its month as its period, or its name in place of the list's names in its
    modifiers and holder."""
    pairing = next((t for t in sentence.tokens if t.folded in kn.respectively_words), None)
    if pairing is None:
        return
    lists = _lists(sentence, kn)
    if not lists:
        return
    by_kind: dict[tuple, list[Claim]] = {}
    for c in sorted(claims, key=lambda c: c.start):
        if c.type in PAIRED_TYPES and c.qualifiers.level != "previous" and c.end <= pairing.start:
            by_kind.setdefault((c.type, c.unit), []).append(c)
    for before in by_kind.values():
        fitting = [(kind, items) for kind, items in lists if len(items) <= len(before)
                   and _one_list(before[-len(items):], sentence)]
        if len(fitting) != 1:
            continue
        kind, items = fitting[0]
        same = before[-len(items):]
        if kind == "month":
            for c, item in zip(same, items):
                c.period = kn.month_abbr.get(item[0].folded, item[0].folded)
            continue
        terms = [modifier_terms(item, kn) for item in items]
        every = set().union(*terms)
        for c, own in zip(same, terms):
            c.mods = frozenset((c.mods - every) | own)
            if c.qualifiers.holder:
                c.qualifiers = replace(c.qualifiers, holder="/".join(sorted(own)) or None, listed=None)


LIST_GAP = 3  # tokens at most between two figures of one list ('15% and over 12%')


def _one_list(figures: list[Claim], sentence: Sentence) -> bool:
    """True when figures follow one another as the items of one list."""
    return all(len(sentence.tokens_between(a.end, b.start)) <= LIST_GAP for a, b in zip(figures, figures[1:]))
