"""Which language an article is in: its page's ``lang`` attribute, a vote of the stop words of
the language packs, and the identifier of py3langid where the vote says little."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .knowledge import Knowledge, fold

_HTML_LANG = re.compile(r"<html\b[^>]{0,2000}?\blang\s*=\s*[\"']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
VOTE_CHARS = 6000
VOTE_MIN = 8
VOTE_RATIO = 2.0


def language_code(value) -> str | None:
    """A language tag read down to its language ('de-DE', 'fr_FR', 'ES' → 'de', 'fr', 'es')."""
    if not value:
        return None
    m = re.match(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$", str(value))
    return m.group(1).lower() if m else None


def html_lang(html: str) -> str | None:
    """The language an HTML page declares on its ``<html lang=…>`` element, if any."""
    m = _HTML_LANG.search(html[:20000])
    return m.group(1).lower() if m else None


def _votes(kn: Knowledge) -> dict[str, tuple[str, ...]]:
    """Each stop word of the languages read, with the languages that list it."""
    cached = kn.derived_languages.get("__votes__")
    if cached is None:
        lists = {"en": set(kn.stopwords)}
        for lang, packs in kn.language_packs.items():
            lists[lang] = {fold(w) for _, data in packs for w in data.get("stopwords") or []}
        cached = {}
        for lang in sorted(lists):
            for w in lists[lang]:
                if len(w) > 1:
                    cached[w] = cached.get(w, ()) + (lang,)
        kn.derived_languages["__votes__"] = cached
    return cached


def stopword_vote(text: str, kn: Knowledge) -> tuple[str | None, bool]:
    """The language whose stop words a text uses most (a word listed by several languages
    votes for each), and whether the vote is clear: enough words, well ahead of the next."""
    votes = _votes(kn)
    tally: Counter = Counter()
    best, clear = None, False
    sample = text[:VOTE_CHARS].lower()
    for lo, hi in ((0, VOTE_CHARS // 4), (VOTE_CHARS // 4, VOTE_CHARS)):
        for word in _WORD.findall(sample, lo, min(hi, len(sample))):
            for lang in votes.get(word, ()):
                tally[lang] += 1
        if tally:
            ranked = tally.most_common(2)
            best, n = ranked[0]
            runner = ranked[1][1] if len(ranked) > 1 else 0
            clear = n >= VOTE_MIN and n >= VOTE_RATIO * runner
        if clear or hi >= len(sample):
            break
    return best, clear


@lru_cache(maxsize=1)
def _identifier():
    # py3langid takes ~40 ms to import and is needed only when an article's language is detected
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


def detect(text: str, kn: Knowledge) -> str:
    """The language of an article's text: a clear stop-word vote among the languages read (the
    packs' stop words), else py3langid's model (shipped with the package, no download)."""
    best, clear = stopword_vote(text, kn)
    if clear:
        return best
    sample = text[:VOTE_CHARS]
    if not sample.strip():
        return best or "en"
    try:
        found, _ = _identifier().classify(sample)
    except Exception:
        return best or "en"
    return str(found)


# A run of digits and the marks between them ('1.234,5', '34,5'); where spaces group thousands,
# also one to three digits followed by groups of exactly three after spaces ('1 234,5'), so that
# 'im Jahr 2025 300 Menschen' stays two numbers.
