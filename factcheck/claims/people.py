"""The people and other proper names of an article, found in the spans of its sentences."""
from __future__ import annotations

from ..knowledge import Knowledge, fold, stem
from .text import Sentence, Token


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
        """Proper names in a span that are not people: places, bodies, firms ('Elbonia', 'Varos');
        a hyphenated name also by its parts ('LDP-Komeito' names the LDP and Komeito)."""
        def compute():
            out = set()
            tokens = sentence.tokens_between(lo, hi)
            opening = sentence.tokens[sentence.opening].start if sentence.tokens else sentence.start
            skip_until = -1
            for i, t in enumerate(tokens):
                if t.start < skip_until:
                    continue
                for n in ((4, 3, 2) if t.folded in kn.phrase_starts else ()):
                    if i + n > len(tokens) or not all(any(ch.isalnum() for ch in x.text) for x in tokens[i:i + n]):
                        continue  # 'all of us" on Saturday' names no 'US'
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
                first = t.start == opening and not t.text.endswith(("'s", "’s")) and f not in sentence.proper \
                    and not _acronym(t.text)
                if first or not t.is_capitalised or len(f) < 3 or not f[:1].isalpha():
                    continue
                if kn.nouns_capitalised and not t.text.isupper():
                    continue
                if f in kn.stopwords or f in kn.months or f in kn.month_abbr or f in kn.weekdays or f in kn.roles \
                        or f in self.by_token or f in kn.zone_offset or f in kn.zone_family or f in kn.settlement_words:
                    continue
                if i + 1 < len(tokens) and (tokens[i + 1].folded in kn.roles or self._surname_follows(tokens, i + 1, kn)):
                    continue
                out.add(kn.canon_place(t.text) or stem(f))
                if "-" in f:
                    out.update(stem(part) for part in f.split("-") if len(part) >= 3 and part[:1].isalpha()
                               and part not in kn.stopwords)
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


def _acronym(text: str) -> bool:
    """True for a word in capitals ('BJP', 'NASA'): a name wherever it stands, the first word of
    a sentence too."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)
