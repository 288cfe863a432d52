"""Names written without a title that look like a misspelling of a known person's name.

'Trade chief Maros Sefcovich said…' gives no title the extractor reads, yet the name is one
letter away from 'Maros Sefcovic', titled in another article of the run or kept in the office
record. Such a mention becomes a title claim with no role, so that it joins that person's fact
and the name checks see it. Correctly spelled untitled mentions make no claim.
"""
from __future__ import annotations

from collections import defaultdict

from ..knowledge import Knowledge, fold
from ..names import name_tokens, spelling_variant
from ..types import Article, Claim, Qualifiers
from .common import Sentence, Token, make_claim
from .person_names import name_run_at

NO_TITLE = "(named without a title)"


class KnownNames:
    """Known people's names, indexed so that a near spelling is found without comparing all."""

    def __init__(self, names: set[str], kn: Knowledge):
        self.exact = {fold(n) for n in names} | set(kn.aliases)
        self.by_word: dict[tuple[int, int, str], list[str]] = defaultdict(list)
        self.words: set[str] = set()
        self.own: list[str] = []
        self.own_exact: set[str] = set()
        self.own_words: set[str] = set()
        for name in sorted(names | set(kn.aliases.values()) | set(kn.aliases)):
            self._index(name)

    def _index(self, name: str) -> None:
        tokens = name_tokens(name)
        self.words.update(tokens)
        for position, word in enumerate(tokens):
            self.by_word[(len(tokens), position, word)].append(name)

    def may_name_someone(self, tokens: list[Token]) -> bool:
        """True when some capitalised word is a word of a known name (a near spelling of a name
        of two or more words keeps all its words but one)."""
        for t in tokens:
            if t.is_capitalised:
                words = name_tokens(t.text)
                if words and (words[0] in self.words or words[0] in self.own_words):
                    return True
        return False

    def with_own(self, names: set[str]) -> KnownNames:
        """A view that also knows an article's own titled names (without copying the index)."""
        view = KnownNames.__new__(KnownNames)
        view.exact, view.by_word, view.words = self.exact, self.by_word, self.words
        view.own = sorted(names)
        view.own_exact = {fold(n) for n in names}
        view.own_words = {w for n in names for w in name_tokens(n)}
        return view

    def near(self, name: str) -> str | None:
        """The known name this one is a near spelling of (None when it is known, or near none)."""
        if fold(name) in self.exact or fold(name) in self.own_exact:
            return None
        for known in self.own:
            if spelling_variant(name, known):
                return known
        tokens = name_tokens(name)
        seen: set[str] = set()
        for position, word in enumerate(tokens):
            for known in self.by_word.get((len(tokens), position, word), ()):
                if known not in seen:
                    seen.add(known)
                    if spelling_variant(name, known):
                        return known
        return None


def extract(article: Article, sentence: Sentence, kn: Knowledge, known: KnownNames,
            taken: list[tuple[int, int]]) -> list[Claim]:
    """Mentions in one sentence of a near spelling of a known name, outside title claims."""
    tokens = sentence.tokens
    claims: list[Claim] = []
    if not known.may_name_someone(tokens):
        return claims
    i = 0
    while i < len(tokens):
        run = name_run_at(tokens, i, kn)
        if len(run) < 2:
            i += max(1, len(run))
            continue
        i = tokens.index(run[-1]) + 1
        start, end = run[0].start, run[-1].end
        if any(s < end and start < e for s, e in taken):
            continue
        person = " ".join(article.text[start:end].split())
        if known.near(person) is None:
            continue
        claim = make_claim(article, "title", start, end, NO_TITLE, None, sentence, display=person)
        claim.qualifiers = Qualifiers(person=person, role="")
        claim.person = fold(person)
        claims.append(claim)
    return claims


__all__ = ["KnownNames", "NO_TITLE", "extract", "Token"]
