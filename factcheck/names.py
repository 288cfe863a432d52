"""Comparing people's names: the same person, a variant spelling, or someone else."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import OSA

from .knowledge import fold


@lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Folded tokens of a name, accents dropped ('Lee Jae-myung' → ('lee', 'jae-myung'),
    'Maroš Šefčovič' → ('maros', 'sefcovic'))."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", fold(name)) if not unicodedata.combining(ch))
    return tuple(plain.replace("-", " - ").replace(" - ", "-").split())


@lru_cache(maxsize=262144)
def same_person(a: str, b: str) -> bool:
    """True when one name is the other or a part of it ('Trump' / 'Donald Trump')."""
    ta, tb = set(name_tokens(a)), set(name_tokens(b))
    return bool(ta and tb) and (ta <= tb or tb <= ta)


@lru_cache(maxsize=262144)
def spelling_variant(a: str, b: str, max_edits: int = 2) -> bool:
    """True when two names differ only by a small misspelling in one of their words.

    Same number of words, all equal but one, and that one within one edit (``max_edits``
    for words of eight letters or more). A swap of two letters is one edit, and so is a
    doubled letter written once ('Olsen' / 'Olsson' differ by one edit beyond the doubling).
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if len(ta) != len(tb) or ta == tb or numbered_apart(a, b):
        return False
    diff = [(x, y) for x, y in zip(ta, tb) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    limit = max_edits if min(len(x), len(y)) >= 8 else 1
    distance = min(OSA.distance(x, y), OSA.distance(_single(x), _single(y)))
    return distance <= limit and x[:1].isalpha() and x[:1] == y[:1]


_ROMAN = re.compile(r"(?=[MDCLXVI])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")


def numbered_apart(a: str, b: str) -> bool:
    """True when two names carry different regnal or dynastic numbers ('Leo XIII' / 'Leo XIV',
    'Henry VII' / 'Henry VIII'): two people, however alike the rest is."""
    def numerals(name: str) -> set[str]:
        return {w for w in name.replace(".", " ").split() if w.isupper() and _ROMAN.fullmatch(w)}
    na, nb = numerals(a), numerals(b)
    return bool(na) and bool(nb) and na != nb


NEAR_OTHER_INITIAL = 5  # letters a surname needs before a slip in its first letter is read as one ('Sundar' / 'Kunder')


@lru_cache(maxsize=262144)
def near_spelling(a: str, b: str) -> bool:
    """A transliteration or a slip of two letters in one word of a name ('Piyush Goel' /
    'Piyush Goyal'): as spelling_variant, with two edits allowed in words of four letters or more,
    the first letter included in words of five or more ('Clive Sundar' / 'Clive Kunder'). Callers
    link such names only for people given one office in one story."""
    ta, tb = name_tokens(a), name_tokens(b)
    if len(ta) != len(tb) or len(ta) < 2 or ta == tb or numbered_apart(a, b):
        return False
    diff = [(x, y) for x, y in zip(ta, tb) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if x[:1] != y[:1]:
        return min(len(x), len(y)) >= NEAR_OTHER_INITIAL and OSA.distance(x, y) <= 2
    return min(len(x), len(y)) >= 4 and OSA.distance(x, y) <= 2



_DOUBLED = re.compile(r"(\w)\1+")


def _single(word: str) -> str:
    return _DOUBLED.sub(r"\1", word)


def _alike(x: str, y: str) -> bool:
    return same_person(x, y) or spelling_variant(x, y)


def person_sets_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two sets of people name the same people (same name, part of it, or a near spelling;
    'Scott Bessant' and 'Scott Bessent' found in one clause count as one person)."""
    return all(any(_alike(x, y) for y in b) for x in a) and all(any(_alike(y, x) for x in a) for y in b)
