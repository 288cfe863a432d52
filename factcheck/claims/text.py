"""What every extractor reads: tokens and sentences (with their clauses), compounds read in
two, and the canonical terms of some tokens."""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

from ..knowledge import Knowledge, fold
from ..types import Article

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|[^\W_][\w'’\-]*|[^\w\s]")
CURRENCY_SIGNS = "".join(ch for ch in map(chr, range(0x10000)) if unicodedata.category(ch) == "Sc")
"""Every currency sign of Unicode ($, €, £, ¥, ₩, ₹…): a number right after one is money."""
SIGNS = re.escape(CURRENCY_SIGNS)
"""The currency signs, escaped for a regex character class."""


def alternation(words, space: str = r"\s+") -> str:
    """A regex alternation of words, longest first, a space in a phrase matching ``space``; a
    pattern that matches nothing when there are no words."""
    items = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", space) for w in items) or "(?!)"
_SENT_BREAK = re.compile(r"[.!?][\"'”’)]*\s+")
_PUNCT_BREAK = r";|\s[—–]\s"
_PUNCT_CLAUSE_BREAK = re.compile(_PUNCT_BREAK)
# A line break before a list item ('- Revenue: …', '• 2026: 3.4%') ends a sentence: list items
# are written without a full stop.
# A list flattened into one line ('… rose two per cent * Housing (5.6 per cent)'): a star between
# spaces before a capital starts an item.
_INLINE_ITEM = re.compile(r"\s\*\s+(?=[A-Z])")
# Hyphens between spaces before a capital do so too, when a paragraph has at least
# INLINE_HYPHEN_ITEMS of them ('… higher expenses [1] - The company earned $2.71 billion … - Analysts
# had expected …'); one or two are dashes of prose.
_INLINE_HYPHEN = re.compile(r"\s-\s+(?=[A-Z])")
INLINE_HYPHEN_ITEMS = 3
# In a block written a paragraph to a line (a line longer than WRAPPED_LINE characters: no
# hard-wrapped prose), a line break before a capital ends a sentence, stop or not ('Photograph:
# Niall Carson' above 'Spoiled votes came in at almost 13 per cent').
_LINE_BREAK = re.compile(r"\n\s*+(?=[A-Z\"“‘'])")
WRAPPED_LINE = 100
_ITEM_BREAK = re.compile(r"\n(?=[ \t]*(?:[-•*▪·–]\s|(?:19|20)\d{2}\s?:))")


class Token:
    """A word, number or mark with its offsets in the article's text."""

    __slots__ = ("text", "start", "end", "folded", "is_capitalised")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self.folded = fold(text)
        self.is_capitalised = text[:1].isupper()

    def __eq__(self, other) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


WINDOW = 40  # tokens on each side of a value that can describe it
PHRASE_WORDS = 3  # words of the longest phrase ``Sentence.phrase_before`` looks for
MAX_SENTENCE = 1500  # characters: a longer run without a sentence break is read in pieces


@dataclass
class Sentence:
    """A sentence of an article (or a heading), in offsets of the article text."""

    start: int
    end: int
    text: str
    heading: bool = False
    tokens: list[Token] = field(default_factory=list)
    quote: str = ""
    _starts: list[int] = field(default_factory=list, repr=False)
    _ends: list[int] = field(default_factory=list, repr=False)
    _cuts: list[tuple[int, int]] | None = field(default=None, repr=False)
    clause_break: re.Pattern = field(default=_PUNCT_CLAUSE_BREAK, repr=False)
    _terms: dict = field(default_factory=dict, repr=False)
    proper: frozenset[str] = frozenset()

    def __post_init__(self):
        self.quote = self.quote or self.text.strip()
        self._starts = [t.start for t in self.tokens]
        self._ends = [t.end for t in self.tokens]

    @property
    def opening(self) -> int:
        """The index of the sentence's first word or number, after a list's bullet or a quote mark."""
        return next((i for i, t in enumerate(self.tokens) if t.text[:1].isalnum()), 0)

    def clause_bounds(self, offset: int) -> tuple[int, int]:
        """Offsets of the clause around an offset (split at ';', dashes and the language's clause
        conjunctions: 'while', 'but'),
        narrowed to WINDOW tokens on each side so that work per value stays bounded."""
        if self._cuts is None:
            self._cuts = [(self.start + m.start(), self.start + m.end()) for m in self.clause_break.finditer(self.text)]
        lo, hi = self.start, self.end
        i = bisect.bisect_right([c[1] for c in self._cuts], offset) if self._cuts else 0
        if i > 0:
            lo = self._cuts[i - 1][1]
        if i < len(self._cuts) and self._cuts[i][0] >= offset:
            hi = self._cuts[i][0]
        k = bisect.bisect_left(self._starts, offset) // WINDOW
        first, last = (k - 1) * WINDOW, (k + 2) * WINDOW
        if first > 0:
            lo = max(lo, self._starts[first])
        if last < len(self._ends):
            hi = min(hi, self._ends[last])
        return lo, hi

    def tokens_between(self, lo: int, hi: int) -> list[Token]:
        """Tokens wholly inside [lo, hi)."""
        i = bisect.bisect_left(self._starts, lo)
        j = bisect.bisect_right(self._ends, hi)
        return self.tokens[i:j] if j > i else []

    def after(self, offset: int, n: int) -> list[Token]:
        """Up to n tokens starting at or after an offset."""
        i = bisect.bisect_left(self._starts, offset)
        return self.tokens[i:i + n]

    def before(self, offset: int, n: int) -> list[Token]:
        """Up to n tokens ending at or before an offset."""
        j = bisect.bisect_right(self._ends, offset)
        return self.tokens[max(0, j - n):j]

    def phrase_before(self, offset: int, phrases) -> bool:
        """True when the one, two or three words right before an offset are one of ``phrases``
        (folded, a space between words: 'by', 'no later than', 'accounted for')."""
        words = [t.folded for t in self.before(offset, PHRASE_WORDS)]
        return any(" ".join(words[-n:]) in phrases for n in range(1, len(words) + 1))

    def memo(self, key, compute):
        """A value computed once per sentence (event triggers, people in a clause…)."""
        if key not in self._terms:
            self._terms[key] = compute()
        return self._terms[key]

    def terms(self, lo: int, hi: int, kn: Knowledge) -> frozenset[str]:
        """Content words of a span (cached: many values share a clause)."""
        key = (lo, hi)
        if key not in self._terms:
            self._terms[key] = frozenset(content_words(self.tokens_between(lo, hi), kn))
        return self._terms[key]


def tokenize(text: str, offset: int = 0, pattern: re.Pattern = TOKEN) -> list[Token]:
    """Split text into tokens that keep their offsets (initialisms like 'U.S.' stay whole)."""
    return [Token(m.group(), offset + m.start(), offset + m.end()) for m in pattern.finditer(text)]


COMPOUND_MIN = 3  # letters of each part of a compound word that is read in two


def split_compounds(tokens: list[Token], kn: Knowledge) -> list[Token]:
    """In a language that writes compounds as one word, a word the packs do not know that is
    a known word followed by a known measure or modifier ('Autoexporte', 'Stahlzölle',
    'US-Zölle') reads as the two words, offsets kept."""
    out: list[Token] = []
    for t in tokens:
        cut = _compound_cut(t.text, kn) if t.text[:1].isalpha() and len(t.text) >= 2 * COMPOUND_MIN else 0
        if cut:
            first = t.text[:cut].rstrip("-")
            out += [Token(first, t.start, t.start + len(first)), Token(t.text[cut:], t.start + cut, t.end)]
        else:
            out.append(t)
    return out


_CUTS_KEPT = 100000


def _compound_cut(word: str, kn: Knowledge) -> int:
    """Where a compound splits (see ``_find_cut``), kept on ``kn`` per word."""
    cuts = kn.derived("compound_cuts", dict)
    if word not in cuts:
        if len(cuts) > _CUTS_KEPT:
            cuts.clear()
        cuts[word] = _find_cut(word, kn)
    return cuts[word]


def _find_cut(word: str, kn: Knowledge) -> int:
    """Where a compound splits into a known first word (a modifier, measure or place, maybe
    with a linking 's' or a hyphen) and a known measure or modifier; 0 when it does not."""
    folded = fold(word)
    if folded in kn.lexicon_words or folded in kn.stopwords or kn.canon_place(word):
        return 0
    for cut in range(len(word) - COMPOUND_MIN, COMPOUND_MIN - 1, -1):
        rest = fold(word[cut:])
        if rest not in kn.measure_of and rest not in kn.synonym_of:
            continue
        first = word[:cut].rstrip("-")
        for head in (first, first[:-1] if first.endswith("s") else None):
            if head and len(head) >= 2 and (fold(head) in kn.synonym_of or fold(head) in kn.measure_of
                                            or kn.canon_place(head)):
                return cut
    return 0


def token_pattern(kn: Knowledge) -> re.Pattern:
    """How a language's text splits into tokens: as English; in another language also with
    initialisms of doubled letters whole ('EE.UU.') and elided articles ('l'', 'd'') as tokens
    of their own where the language pack lists them."""
    if kn.lang == "en":
        return TOKEN

    def build() -> re.Pattern:
        elisions = kn.lang_words.get("elisions")
        words = "|".join(sorted((re.escape(w) for w in elisions or []), key=len, reverse=True))
        elided = rf"(?i:\b(?:{words}))['’](?=[^\W\d_])|" if words else ""
        return re.compile(r"(?:[A-Z]{2}\.){2,}|" + elided + TOKEN.pattern)
    return kn.derived("token_pattern", build)


def sentences(article: Article, kn: Knowledge) -> list[Sentence]:
    """The sentences of an article's kept blocks, with their tokens."""
    out = []
    pattern = token_pattern(kn)
    for block in article.blocks:
        text = article.norm[block.start:block.end]
        breaks = [(m.start() + 1, m.end()) for m in _SENT_BREAK.finditer(text) if _ends_sentence(text, m, kn)]
        breaks += [(m.start() - block.start, m.end() - block.start)
                   for m in _ITEM_BREAK.finditer(article.text, block.start, block.end)]
        breaks += [(m.start(), m.end()) for m in _INLINE_ITEM.finditer(text)]
        hyphens = [(m.start(), m.end()) for m in _INLINE_HYPHEN.finditer(text)]
        breaks += hyphens if len(hyphens) >= INLINE_HYPHEN_ITEMS else []
        raw = article.text[block.start:block.end]
        if "\n" in raw and max(len(line) for line in raw.split("\n")) > WRAPPED_LINE:
            breaks += [(m.start(), m.end()) for m in _LINE_BREAK.finditer(raw)
                       if not _runs_on(raw, m.start(), m.end(), kn)]
        cut = 0
        for end, nxt in sorted(breaks):
            if end <= cut:
                continue
            out.extend(_pieces(article, block.start + cut, block.start + end, block.kind, pattern, kn))
            cut = nxt
        if text[cut:].strip():
            out.extend(_pieces(article, block.start + cut, block.end, block.kind, pattern, kn))
    return [s for s in out if s.quote]


_FIRST_WORD = re.compile(r"[^\W_][\w'’-]*")


def _runs_on(text: str, end: int, start: int, kn: Knowledge) -> bool:
    """True when the line ending at ``end`` stops on a word a sentence goes on from (a title,
    'the', 'of': 'talks between President' above 'Donald Trump and President Xi'), or on the
    first word of a name the next line, from ``start``, ends ('the United' above 'States')."""
    last = text[max(0, end - 40):end].split()
    word = fold(last[-1]) if last else ""
    following = _FIRST_WORD.match(text, start)
    joined = f"{word} {fold(following.group())}" if following else word
    return word in kn.stopwords or word in kn.role_words or bool(kn.place_of.get(joined) or kn.body_of.get(joined))


def _pieces(article: Article, start: int, end: int, kind: str, pattern: re.Pattern = TOKEN,
            kn: Knowledge | None = None) -> list[Sentence]:
    """A sentence, or pieces of at most MAX_SENTENCE characters cut at a space when a run of
    text has no sentence break (a table, a list, hostile input): work per figure stays bounded."""
    out = []
    while end - start > MAX_SENTENCE:
        cut = article.norm.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        out.append(_sentence(article, start, cut, kind, pattern, kn))
        start = cut
    out.append(_sentence(article, start, end, kind, pattern, kn))
    return out


def mark_proper_names(sents: list[Sentence]) -> None:
    """Tell each sentence which words its article capitalises inside sentences (its proper names),
    so that such a word is a name at the start of a sentence too."""
    proper = frozenset(t.folded for s in sents for t in s.tokens[s.opening + 1:] if t.is_capitalised)
    for s in sents:
        s.proper = proper


def _sentence(article: Article, start: int, end: int, kind: str, pattern: re.Pattern = TOKEN,
              kn: Knowledge | None = None) -> Sentence:
    text = article.norm[start:end]
    tokens = tokenize(text, start, pattern)
    if kn is not None and kn.nouns_capitalised:
        tokens = split_compounds(tokens, kn)
    if kn is None:
        return Sentence(start, end, text, kind == "heading", tokens)
    return Sentence(start, end, text, kind == "heading", tokens, clause_break=clause_break(kn))


def clause_break(kn: Knowledge) -> re.Pattern:
    """Where a sentence splits into clauses: ';', a spaced dash, or a clause conjunction after a
    comma ('…, while imports fell'), or one that splits without a comma too ('but')."""
    def build() -> re.Pattern:
        words = sorted(kn.clause_conjunctions, key=len, reverse=True)
        if not words:
            return _PUNCT_CLAUSE_BREAK
        alt = "|".join(map(re.escape, words))
        bare = "|".join(re.escape(w) for w in sorted(kn.split_conjunctions, key=len, reverse=True))
        return re.compile(_PUNCT_BREAK + rf"|,\s+(?:{alt})\b" + (rf"|\s(?:{bare})\s" if bare else ""), re.IGNORECASE)
    return kn.derived("clause_break", build)


def _ends_sentence(text: str, m: re.Match, kn: Knowledge) -> bool:
    nxt = text[m.end():m.end() + 1]
    if not nxt or not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘("):
        return False
    before = text[max(0, m.start() - 40):m.start() + 1]
    word = re.search(r"(?<!\S)(\S{1,39})\.$", before)
    if word:
        w = word.group(1)
        if fold(w) in kn.abbreviations or re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", w):
            return False
        if kn.lang != "en" and w.isdigit() and len(w) <= 2 and _next_word(text, m.end()) in kn.month_words:
            return False
    return True


_LETTERS = re.compile(r"[^\W\d_]+")


def _next_word(text: str, at: int) -> str:
    """The folded word that starts at an offset ('Juni' in '9. Juni 2025')."""
    m = _LETTERS.match(text, at)
    return fold(m.group()) if m else ""


def phrase_terms(tokens: list[Token], kn: Knowledge, skip=None) -> list[str]:
    """Canonical terms of tokens, reading multi-word places and measures as one term.

    ``skip(folded_word)`` may reject single words (stopwords are always rejected).
    """
    out: list[str] = []
    starts = kn.phrase_starts
    i = 0
    while i < len(tokens):
        for n in ((3, 2) if tokens[i].folded in starts else ()):
            if i + n <= len(tokens):
                phrase = fold(" ".join(t.text for t in tokens[i:i + n]))
                canon = kn.place_of.get(phrase) or kn.measure_of.get(phrase) or kn.synonym_of.get(phrase)
                if canon:
                    out.append(canon)
                    i += n
                    break
        else:
            t = tokens[i]
            i += 1
            f = t.folded
            if t.is_capitalised and kn.canon_place(t.text):
                out.append(kn.canon_place(t.text))
                continue
            if not f or not f[0].isalpha() or f in kn.stopwords or f in kn.month_words or f in kn.weekdays:
                continue
            if skip and skip(f):
                continue
            place = kn.canon_place(t.text)
            out.append(place if place else kn.canon_term(f))
    return out


def content_words(tokens: list[Token], kn: Knowledge) -> set[str]:
    """Canonical content words of some tokens: no stopwords, numbers (in digits or words) or punctuation."""
    return set(phrase_terms(tokens, kn, skip=lambda f: f in kn.number_words or f in kn.ordinal_words))
