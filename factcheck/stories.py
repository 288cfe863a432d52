"""Which articles tell the same story: TF-IDF cosine over the proper names they use.

Claims of different stories are never one fact, however alike their wording: the death toll
of one earthquake is not that of another. A folder of fewer than ``min_articles`` articles is
taken as one story: there, names are too few to tell stories apart reliably, and the reports
of one event may share only a name or two.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter


class Stories:
    """The story relation between articles, from each article's proper names."""

    def __init__(self, words: dict[str, set[str]], threshold: float = 0.1, min_articles: int = 12):
        self.threshold = threshold if len(words) >= min_articles else 0.0
        df = Counter(w for ws in words.values() for w in ws)
        n = len(words)
        self.common = frozenset(w for w, c in df.items() if c >= 3 and c > n / 2)
        idf = {w: round(math.log((1 + n) / (1 + c)) + 1, 1) for w, c in df.items()}
        self.vectors = {a: {w: idf[w] for w in ws} for a, ws in words.items()}
        self.norms = {a: math.sqrt(sum(x * x for x in v.values())) for a, v in self.vectors.items()}
        self._memo: dict[tuple[str, str], bool] = {}

    common: frozenset[str]
    """Names more than half of the articles use (at least three): what the story is about, which
    says nothing about which of its facts a sentence gives."""

    def related(self, a: str, b: str) -> bool:
        """True when two articles may tell the same story (always, when either names nothing)."""
        if a == b:
            return True
        key = (a, b) if a < b else (b, a)
        if key not in self._memo:
            self._memo[key] = self.similarity(a, b) >= self.threshold
        return self._memo[key]

    def mentions(self, article: str, words) -> bool:
        """True when an article uses one of these proper names somewhere (False when unknown)."""
        vector = self.vectors.get(article)
        return bool(vector) and any(w in vector for w in words)

    def similarity(self, a: str, b: str) -> float:
        """Cosine similarity of two articles' name vectors (1.0 when either has none)."""
        va, vb = self.vectors.get(a), self.vectors.get(b)
        if not va or not vb:
            return 1.0
        dot = sum(va[w] * vb[w] for w in va.keys() & vb.keys())
        return dot / (self.norms[a] * self.norms[b])

    def signature(self, articles: list[str]) -> str:
        """A digest of what the relation between these articles depends on (for cache keys)."""
        h = hashlib.sha256(repr(self.threshold).encode())
        for a in sorted(articles):
            h.update(repr((a, sorted(self.vectors.get(a, {}).items()))).encode())
        return h.hexdigest()


def everyone_related() -> Stories:
    """A relation in which every article may tell the same story (no corpus information)."""
    return Stories({})
