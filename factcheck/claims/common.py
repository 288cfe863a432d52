"""What every extractor shares: sentences, tokens, clauses and the slot words of a claim."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..knowledge import Knowledge, fold, stem
from ..types import Article, Claim

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|[^\W_][\w'’\-]*|[$€£¥₩₹%]|[^\w\s]")
_SENT_BREAK = re.compile(r"[.!?][\"'”’)]*\s+")
_CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|,\s+(?:while|whereas|but|although|though|yet)\b|\s(?:while|whereas)\s|\sbut\s", re.IGNORECASE)
# A line break before a list item ('- Revenue: …', '• 2026: 3.4%') ends a sentence: list items
# are written without a full stop.
_ITEM_BREAK = re.compile(r"\n(?=[ \t]*(?:[-•*▪·–]\s|(?:19|20)\d{2}\s?:))")


class Token:
    """A word, number or mark with its offsets in the article's text."""

    __slots__ = ("text", "start", "end", "_folded", "is_capitalised")

    def __init__(self, text: str, start: int, end: int):
        self.text, self.start, self.end = text, start, end
        self._folded: str | None = None
        self.is_capitalised = text[:1].isupper()

    @property
    def folded(self) -> str:
        """Lower-cased, punctuation-folded form."""
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def __eq__(self, other) -> bool:
        return isinstance(other, Token) and (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self) -> int:
        return hash((self.text, self.start, self.end))

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


WINDOW = 40  # tokens on each side of a value that can describe it
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
    _terms: dict = field(default_factory=dict, repr=False)
    proper: frozenset[str] = frozenset()

    def __post_init__(self):
        self.quote = self.quote or self.text.strip()
        self._starts = [t.start for t in self.tokens]
        self._ends = [t.end for t in self.tokens]

    def clause_bounds(self, offset: int) -> tuple[int, int]:
        """Offsets of the clause around an offset (split at ';', dashes, 'while', 'but'),
        narrowed to WINDOW tokens on each side so that work per value stays bounded."""
        if self._cuts is None:
            self._cuts = [(self.start + m.start(), self.start + m.end()) for m in _CLAUSE_BREAK.finditer(self.text)]
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
        cut = 0
        for end, nxt in sorted(breaks):
            if end <= cut:
                continue
            out.extend(_pieces(article, block.start + cut, block.start + end, block.kind, pattern, kn))
            cut = nxt
        if text[cut:].strip():
            out.extend(_pieces(article, block.start + cut, block.end, block.kind, pattern, kn))
    return [s for s in out if s.quote]


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
    proper = frozenset(t.folded for s in sents for t in s.tokens[1:] if t.is_capitalised)
    for s in sents:
        s.proper = proper


def _sentence(article: Article, start: int, end: int, kind: str, pattern: re.Pattern = TOKEN,
              kn: Knowledge | None = None) -> Sentence:
    text = article.norm[start:end]
    tokens = tokenize(text, start, pattern)
    if kn is not None and kn.nouns_capitalised:
        tokens = split_compounds(tokens, kn)
    return Sentence(start, end, text, kind == "heading", tokens)


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


def _hedge_patterns(kn: Knowledge) -> list[tuple[str, re.Pattern]]:
    return kn.derived("hedge_patterns", lambda: [
        (kind, re.compile(r"\b(?:" + "|".join(re.escape(p) for p in kn.hedges.get(kind, [])) +
                          r")(?:(?: have| has| had)? [a-z]+ to)? $"))
        for kind in ("upper", "lower", "approx") if kn.hedges.get(kind)])


def hedge_of(before: str, kn: Knowledge) -> str | None:
    """'approx', 'upper' or 'lower' when the words right before a figure hedge it."""
    tail = " " + fold(before[-60:])[-40:] + " "
    for kind, pattern in _hedge_patterns(kn):
        if pattern.search(tail):
            return kind
    return None


class PersonIndex:
    """Names of people known in an article (from its titled mentions and the office record)."""

    def __init__(self, names: set[str], kn: Knowledge):
        self.by_token: dict[str, str] = {}
        for name in sorted(names):
            self._add(name, kn)
        for alias, person in sorted(kn.aliases.items()):
            if " " not in alias and alias not in kn.stopwords:
                self.by_token.setdefault(alias, fold(person))

    @staticmethod
    def index_words(name: str, kn: Knowledge) -> set[str]:
        """The words a name is found by: its surname, the last word but a suffix such as 'Jr.'
        (a family name written first, as in 'Xi Jinping', is found through the record's aliases)."""
        parts = [p for p in fold(name).split() if p not in kn.stopwords and p.rstrip(".") not in kn.name_suffixes]
        return set(parts[-1:])

    def _add(self, name: str, kn: Knowledge) -> None:
        """Index a name by its surname; a fuller form of a name already there replaces it
        ('Scott Bessent' over 'Bessent')."""
        full = fold(name)
        for p in sorted(self.index_words(name, kn)):
            known = self.by_token.get(p)
            if known is None or (len(full) > len(known) and set(known.split()) < set(full.split())):
                self.by_token[p] = full

    def extended(self, names: set[str], kn: Knowledge) -> PersonIndex:
        """A copy that also knows some more names."""
        copy = PersonIndex(set(), kn)
        copy.by_token = dict(self.by_token)
        for name in sorted(names):
            copy._add(name, kn)
        return copy

    def persons_between(self, sentence: Sentence, lo: int, hi: int) -> frozenset[str]:
        """The people named in a span of a sentence (cached per span)."""
        return sentence.memo(("persons", self, lo, hi), lambda: self.persons_in(sentence.tokens_between(lo, hi)))

    def names_between(self, sentence: Sentence, lo: int, hi: int, kn: Knowledge) -> frozenset[str]:
        """Proper names in a span that are not people: places, bodies, firms ('Elbonia', 'Varos')."""
        def compute():
            out = set()
            tokens = sentence.tokens_between(lo, hi)
            skip_until = -1
            for i, t in enumerate(tokens):
                if t.start < skip_until:
                    continue
                for n in ((4, 3, 2) if t.folded in kn.phrase_starts else ()):
                    if i + n > len(tokens):
                        continue
                    phrase = fold(" ".join(x.text for x in tokens[i:i + n]))
                    known = kn.body_of.get(phrase) or kn.place_of.get(phrase)
                    if known:
                        out.add(known)
                        skip_until = tokens[i + n - 1].end
                        break
                if t.start < skip_until:
                    continue
                f = t.folded
                known = (kn.canon_place(t.text) or kn.body_of.get(f)) if t.is_capitalised else None
                if known:
                    out.add(known)
                    continue
                first = t.start == sentence.start and not t.text.endswith(("'s", "’s")) and f not in sentence.proper
                if first or not t.is_capitalised or len(f) < 3 or not f[:1].isalpha():
                    continue
                if kn.nouns_capitalised and not t.text.isupper():
                    continue
                if f in kn.stopwords or f in kn.months or f in kn.month_abbr or f in kn.weekdays or f in kn.roles \
                        or f in self.by_token or f in kn.zone_offset or f in kn.zone_family:
                    continue
                if i + 1 < len(tokens) and (tokens[i + 1].folded in kn.roles or self._surname_follows(tokens, i + 1, kn)):
                    continue
                out.add(kn.canon_place(t.text) or stem(f))
            return frozenset(out)
        return sentence.memo(("names", self, lo, hi), compute)

    def _surname_follows(self, tokens: list[Token], j: int, kn: Knowledge) -> bool:
        """True when a known surname comes next, maybe after name particles ('Ursula von der Leyen')."""
        while j < len(tokens) and tokens[j].text.islower() and tokens[j].folded in kn.name_particles:
            j += 1
        return j < len(tokens) and tokens[j].is_capitalised and tokens[j].folded in self.by_token

    def persons_in(self, tokens: list[Token]) -> frozenset[str]:
        """The people named by capitalised words among the tokens."""
        found = set()
        for t in tokens:
            if t.is_capitalised and t.folded in self.by_token:
                found.add(self.by_token[t.folded])
        return frozenset(found)


@dataclass
class Slot:
    """The words that say what a value is about."""

    head: str | None
    mods: frozenset[str]
    context: frozenset[str]
    period: str | None
    persons: frozenset[str]
    clause: str
    names: frozenset[str] = frozenset()


def measure_head(tokens: list[Token], kn: Knowledge, from_end: bool = False) -> tuple[str | None, int | None]:
    """The measure noun nearest the start (or the end) of tokens, and the index of its first token."""
    found = []
    i = 0
    while i < len(tokens):
        for n in ((3, 2, 1) if tokens[i].folded in kn.phrase_starts else (1,)):
            phrase = " ".join(x.folded for x in tokens[i:i + n])
            if len(tokens[i:i + n]) == n and phrase in kn.measure_of:
                found.append((kn.measure_of[phrase], i, n))
                i += n - 1
                break
        i += 1
        if found and not from_end:
            break
    if not found:
        return None, None
    if from_end:
        outer = [f for f in found if not _in_object_phrase(tokens, f[1], kn)]
        head, idx, _ = (outer or found)[-1]
    else:
        head, idx, _ = found[0]
    return head, idx


_OBJECT_PREPOSITIONS = ("on", "against", "for", "of")


def _measure_right_before_of(before: list[Token], kn: Knowledge) -> tuple[str, int] | None:
    """The measure named right before 'of' and the figure ('revenue of $43.25 billion',
    'EPS of $0.75'): that figure's measure, whatever other measure the clause names earlier."""
    if len(before) < 2 or before[-1].folded != "of":
        return None
    for n in (3, 2, 1):
        if len(before) > n:
            phrase = " ".join(t.folded for t in before[-1 - n:-1])
            if phrase in kn.measure_of:
                return kn.measure_of[phrase], len(before) - 1 - n
    return None


def _in_object_phrase(tokens: list[Token], i: int, kn: Knowledge) -> bool:
    """True when the measure word at i is the object of an earlier one ('tariffs on Chinese
    imports': imports is what the tariff is on), so the earlier one is the head."""
    for t in reversed(tokens[max(0, i - 3):i]):
        if t.folded in _OBJECT_PREPOSITIONS:
            return any(kn.measure_of.get(x.folded) for x in tokens[:tokens.index(t)])
        if t.folded in kn.stopwords and t.folded not in ("the", "a", "an", "its", "their"):
            return False
    return False


_OBJECT_WORDS = frozenset({"him", "her", "them", "it", "the", "a", "an", "his", "their", "its"})


def noun_run(tokens: list[Token], kn: Knowledge) -> list[Token]:
    """The run of non-stopword words at the start of tokens (a noun phrase, roughly); it ends
    before a participle ('fell', 'raised'), an '-ing' word after a plural ('people sheltering')
    or a past verb with its object ('justices found him guilty')."""
    run: list[Token] = []
    for n, t in enumerate(tokens):
        f = t.folded
        if run and f in kn.past_verbs and t.text.islower() and n + 1 < len(tokens) and \
                (tokens[n + 1].is_capitalised or tokens[n + 1].folded in _OBJECT_WORDS):
            break
        if not f or not (f[0].isalpha() or f[0].isdigit()) or f in kn.stopwords or (run and f.isdigit()):
            break
        if run and (kn.direction_of.get(f) or (f.endswith("ed") and t.text.islower() and f not in kn.synonym_of)):
            break
        if run and f.endswith("ing") and t.text.islower() and (run[-1].folded in kn.count_subjects
                                                               or run[-1].folded.endswith("s")):
            break
        run.append(t)
    return run


def _not_modifier(f: str, kn: Knowledge) -> bool:
    return (f in kn.generic_modifiers or f in kn.direction_of
            or (f.endswith(("ing", "ed", "ly")) and f not in kn.synonym_of and f not in kn.measure_of
                and not kn.canon_place(f)))


def modifier_terms(tokens: list[Token], kn: Knowledge) -> set[str]:
    """Specific modifier words ('auto', 'baseline', 'Korean') in a noun phrase."""
    return set(phrase_terms(tokens, kn, skip=lambda f: _not_modifier(f, kn)))


def period_of(tokens: list[Token], kn: Knowledge, skip: tuple[int, int] | None = None,
              figure: tuple[int, int] | None = None) -> str | None:
    """The month (and year) a clause is about ('in May' → 'may', 'in the September quarter' →
    'september'), outside a basis phrase.

    With ``figure`` (its offsets), a month that another figure stands between is that
    figure's ('Imports shrank 3.4%, leaving a surplus of $103.2 billion, up from $96.2 billion
    in April': April is not the month of the 3.4%)."""
    figures = [t.start for t in tokens if t.text[:1].isdigit()]
    for i, t in enumerate(tokens):
        if skip and skip[0] <= t.start < skip[1]:
            continue
        f = t.folded
        month = kn.month_abbr.get(f, f) if f in kn.months or f in kn.month_abbr else None
        preceding = tokens[i - 1].folded if i else ""
        if preceding == "the" and i > 1 and i + 1 < len(tokens) and tokens[i + 1].folded in ("quarter", "half"):
            preceding = tokens[i - 2].folded
        if month and month in kn.months and (i == 0 or preceding in kn.period_preps):
            if figure and any(min(figure[1], t.start) <= x < max(figure[0], t.end) for x in figures
                              if not figure[0] <= x < figure[1]):
                continue
            return month
    return None


def _possessive_month(before: list[Token], kn: Knowledge) -> str | None:
    """The month of a figure written after it in the possessive ('April's 8.1% rise')."""
    for t in before:
        if t.text.endswith(("'s", "’s")):
            month = kn.month_abbr.get(t.folded, t.folded)
            if month in kn.months:
                return month
    return None


def number_slot(sentence: Sentence, start: int, end: int, kn: Knowledge, people: PersonIndex,
                skip: tuple[int, int] | None = None, share: bool = False) -> Slot:
    """Slot words of a figure at [start, end): the measure it belongs to and its modifiers.

    With ``share`` (percentages), a figure followed by 'of' is a share of what follows:
    '60% of their level' is about the level, whatever came before."""
    lo, hi = sentence.clause_bounds(start)
    clause_tokens = sentence.tokens_between(lo, hi)
    before = [t for t in clause_tokens if t.end <= start]
    after = [t for t in clause_tokens if t.start >= end]
    mods: set[str] = set()
    head = None
    follow = noun_run(after, kn)
    if follow:
        run_head, idx = measure_head(follow, kn)
        if run_head:
            head = run_head
            mods |= modifier_terms(follow[:idx], kn)
            mods |= _pp_terms(after[len(follow):], kn)
    if head is None:
        head = _verb_right_before(before, kn)
        if head:
            mods |= _pp_terms(after, kn)
    if head is None and after and after[0].folded in ("on", "against") :
        mods |= _pp_terms(after, kn)
    share_of = share and bool(after) and after[0].folded == "of"
    if head is None and share_of:
        head, _ = measure_head(after[:8], kn)
        if head is None:
            noun = noun_run([t for t in after[1:4] if t.folded not in ("the", "a", "an", "their", "its", "his", "her")], kn)
            head = stem(noun[0].folded) if noun else None
    if head is None:
        back_head, pos = _measure_right_before_of(before, kn) or measure_head(before, kn, from_end=True)
        if back_head:
            head = back_head
            pre = noun_run(list(reversed(before[:pos])), kn)
            mods |= modifier_terms(pre, kn)
            span = next(n for n in (3, 2, 1) if " ".join(t.folded for t in before[pos:pos + n]) in kn.measure_of)
            mods |= _pp_terms(before[pos + span:], kn, stop_at_verb=True)
            if kn.lang != "en":
                mods |= _pp_terms(after, kn)
    if head is None:
        after_head, aidx = measure_head(after[:8], kn)
        head = after_head
    if head is None:
        head = _verb_head(before, kn)
    if head is None and follow:
        head = stem(follow[-1].folded)
        mods |= modifier_terms(follow[:-1], kn)
    if head is None and after and after[0].folded in ("for", "in"):
        mods |= _pp_terms([Token("on", 0, 0)] + after[1:], kn)
    mods.discard(head or "")
    if _excluding(after, kn):
        mods.add("excluding")
    return Slot(head=head, mods=frozenset(mods), context=sentence.terms(lo, hi, kn),
                period=_possessive_month(sentence.before(start, 2), kn)
                or period_of(clause_tokens, kn, skip, (start, end)),
                persons=people.persons_between(sentence, lo, hi),
                names=people.names_between(sentence, lo, hi, kn),
                clause=sentence.text[lo - sentence.start:hi - sentence.start])


EXCLUSION_REACH = 8  # tokens after a figure where a word of exclusion bears on it


def _excluding(after: list[Token], kn: Knowledge) -> bool:
    """True when a word of exclusion follows a figure in its clause ('57% excluding the H20
    charge'): the figure leaves something out, so it is of another measure."""
    words = [t.folded for t in after[:EXCLUSION_REACH]]
    return any(" ".join(words[i:i + n]) in kn.exclusion_words for i in range(len(words)) for n in (1, 2, 3))


def _verb_head(before: list[Token], kn: Knowledge) -> str | None:
    """The measure a verb gives a figure: right before it ('pledged more than €10 billion'), or
    before 'for' ('bought by Vesta for $4.2 billion')."""
    if before and (before[-1].folded == "for" or (kn.lang != "en" and _price_link_before(before, kn))):
        return next((kn.verb_measure[t.folded] for t in reversed(before) if t.folded in kn.verb_measure), None)
    return _verb_right_before(before, kn)


def _price_link_before(before: list[Token], kn: Knowledge) -> bool:
    """True when the words right before a figure say what was paid for ('pour', 'por valor de',
    'im Wert von'), from the language pack."""
    words = [t.folded for t in before[-3:]]
    return any(" ".join(words[-n:]) in kn.lang_words.get("price_links", ()) for n in (1, 2, 3) if len(words) >= n)


def _verb_right_before(before: list[Token], kn: Knowledge) -> str | None:
    """The measure of a verb right before a figure, hedges between ('pledged more than €10 billion')."""
    for t in reversed(before[-4:]):
        if t.folded in kn.verb_measure:
            return kn.verb_measure[t.folded]
        if t.folded not in kn.stopwords and t.folded not in kn.hedge_words:
            break
    return None


def clause_slot(article: Article, sentence: Sentence, start: int, head: str | None, mods: set[str],
                kn: Knowledge, people: PersonIndex) -> Slot:
    """The slot of a value whose head and modifiers are already read: the clause's words and names."""
    lo, hi = sentence.clause_bounds(start)
    return Slot(head=head, mods=frozenset(mods), context=sentence.terms(lo, hi, kn), period=None,
                persons=people.persons_between(sentence, lo, hi), clause=article.norm[lo:hi],
                names=people.names_between(sentence, lo, hi, kn))


def _pp_terms(tokens: list[Token], kn: Knowledge, stop_at_verb: bool = False) -> set[str]:
    """Terms of a prepositional phrase right after a head ('on car imports', 'to the U.S.')."""
    if not tokens or tokens[0].folded not in kn.pp_preps:
        return set()
    phrase: list[Token] = []
    for t in tokens[1:7]:
        f = t.folded
        is_place = t.is_capitalised and kn.canon_place(t.text)
        if t.text in ",.;:" or (f in kn.stopwords and f not in kn.pp_articles and not is_place):
            break
        if stop_at_verb and (f in kn.direction_of or (f.endswith("ed") and t.text.islower())):
            break
        if f[:1].isdigit():
            break
        phrase.append(t)
    return modifier_terms(phrase, kn)


def is_previous_level(sentence: Sentence, start: int, end: int) -> bool:
    """True for the old value of a change: '145%' in 'from 145% to 30%', 'to 30% from 145%' and
    'was 74.5%, up from 71.9%'."""
    before = sentence.before(start, 1)
    if not before or before[-1].folded != "from":
        return False
    lo, hi = sentence.clause_bounds(start)
    tokens = sentence.tokens_between(lo, hi)
    figure = [t.text[:1].isdigit() or t.text[:1] in "$€£¥₩₹" for t in tokens]
    new_value = any(t.folded == "to" and i + 1 < len(tokens) and figure[i + 1] for i, t in enumerate(tokens))
    earlier_figure = any(f for t, f in zip(tokens, figure) if t.end <= before[-1].start)
    return new_value or earlier_figure


def level_of(sentence: Sentence, start: int, end: int, kn: Knowledge) -> str | None:
    """'previous' for the old value of a change, 'additional' for a figure on top of another
    ('two further quarter-point cuts', 'an additional $5 billion'), 'total' for a sum ('a
    cumulative 100 bps cut'), 'each' for a part of one ('four tranches of 25 bps each'),
    'projected' for a figure
    that may come ('could exceed 10,000'), else None."""
    if is_previous_level(sentence, start, end):
        return "previous"
    before = sentence.before(start, 1)
    if before and before[-1].folded in kn.additional_words:
        return "additional"
    if any(t.folded in kn.total_words for t in sentence.before(start, 3)):
        return "total"
    if any(t.folded in kn.each_words for t in sentence.after(end, 3)):
        return "each"
    if is_projection(sentence, start, kn) or projection_noun_after(sentence, end, kn):
        return "projected"
    if _demanded(sentence, start, kn):
        return "demanded"
    return None


DEMAND_REACH = 6  # tokens before a figure where a word of demand governs it


def _demanded(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """'the union had demanded 40%', 'sought a 40% raise': what one side asked for, not what
    was offered or agreed."""
    lo, _ = sentence.clause_bounds(start)
    return any(t.folded in kn.demand_words for t in sentence.before(start, DEMAND_REACH) if t.start >= lo)


def projection_noun_after(sentence: Sentence, end: int, kn: Knowledge) -> bool:
    """'the 5% forecast', 'a 2% target': the figure is what was expected, not what happened."""
    return any(t.folded in kn.projection_nouns for t in sentence.after(end, 2))


def is_projection(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """True when a word of projection ('could', 'forecast') comes before a figure in its clause,
    with no past-tense verb between them ('the toll could exceed 10,000')."""
    lo, _ = sentence.clause_bounds(start)
    window = [t for t in sentence.before(start, 12) if t.start >= lo]
    for i in range(len(window) - 1, -1, -1):
        t = window[i]
        if (t.folded in kn.projection_words or t.folded in kn.projection_nouns) and t.text.islower():
            if i and _ends_figure(window[i - 1], kn):
                return False
            return True
        if t.folded in kn.past_verbs:
            return False
    return False


def _ends_figure(token: Token, kn: Knowledge) -> bool:
    """True for the last word of a figure ('22.64', 'billion', '%'): a word of projection right
    after it ('$22.64 billion expected') is that figure's, not a later one's."""
    return token.text[-1:].isdigit() or token.text == "%" or token.folded in kn.scales


_YEAR = r"((?:19|20)\d{2})\b(?!\s*(?:percent|%))"
_OTHER_YEAR = re.compile(r"\b(?:in|since|of|from|during|until|before|for|through|by\s+the\s+end\s+of)\s+" + _YEAR
                         + r"|^\W*((?:19|20)\d{2})\s*:")
# For a rate or an amount, a year after 'since' or 'from' is what it is compared with ('the
# fastest growth since 2021'), not its period.
_PERIOD_YEAR = re.compile(r"\b(?:in|for|during|through|by\s+the\s+end\s+of)\s+" + _YEAR + r"|^\W*((?:19|20)\d{2})\s*:")
# '… since August 5, 2022, when it stood at 5.40%': the figure after 'when' is of that year.
_WHEN_YEAR = re.compile(r"\b((?:19|20)\d{2}),?\s+when\b[^.;:]{0,60}$")


# A year in a comparison ('compared to the same month in 2024', 'than in 2019') is the base of a
# change, not the period of the figures.
_COMPARED = re.compile(r"\b(?:compared|comparison|than|versus|vs\.?|against)\b[^,;]*$", re.IGNORECASE)


def other_year(clause: str, published, pattern: re.Pattern = _OTHER_YEAR) -> str | None:
    """A year other than the article's that a clause is about ('since 2011, when a magnitude
    7.1 tremor killed 412 people', 'to 3.1% in 2027', a list item '2026: 3.4%'): the figures
    there are not this story's, nor the same year's as another year's."""
    if published is None:
        return None
    for m in pattern.finditer(clause):
        year = m.group(1) or m.group(2)
        if int(year) != published.year and not _COMPARED.search(clause, max(0, m.start() - 40), m.start()):
            return year
    return None


def make_claim(article: Article, type_: str, start: int, end: int, value, slot: Slot | None,
               sentence: Sentence, **extra) -> Claim:
    """Build a Claim with its evidence (line, offsets, quoted text) from an article span.

    A figure in a clause about another year gets that year as its period."""
    claim = Claim(article=article.id, type=type_, line=article.line_of(start), start=start, end=end,
                  text=article.norm[start:end].strip(), value=value, sentence=sentence.quote, **extra)
    if slot is not None:
        claim.head, claim.mods, claim.context = slot.head, slot.mods, slot.context
        claim.period, claim.persons, claim.names = slot.period, slot.persons, slot.names
        if type_ in ("count", "measure", "percent", "money") and not claim.period:
            when = _WHEN_YEAR.search(sentence.text, 0, start - sentence.start)
            if when and article.published and int(when.group(1)) != article.published.year:
                claim.period = when.group(1)
            else:
                claim.period = other_year(slot.clause, article.published,
                                          _OTHER_YEAR if type_ in ("count", "measure") else _PERIOD_YEAR)
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
