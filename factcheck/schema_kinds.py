"""How a knowledge pack's values are read: converters for one value (a word, a stem, a whole
number, a date) and the kinds of key (words, maps, canonical maps, groups, pairs, patterns,
scalars, custom readers), each checking its value's shape and filling a ``Knowledge`` field.
A value of the wrong shape is a ``RuleError`` naming the file and the line."""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .knowledge import Knowledge, fold, stem
from .yamlio import RuleError, line_of

QUOTE_HINT = " (quote it in YAML: yes/no/on/off are booleans there)"


@dataclass(frozen=True)
class At:
    """Where a value was read: the file, the line of its key and the key (and entry) it is under."""

    path: Path
    line: int | None
    key: str
    entry: object = None

    def error(self, message: str) -> RuleError:
        """A RuleError about this value, at its file and line."""
        where = f"{self.key}: '{self.entry}'" if self.entry is not None else f"{self.key}:"
        return RuleError(self.path, self.line, f"{where} {message}")

    def of(self, mapping, key) -> At:
        """The place of one entry of a mapping value (its own line when known)."""
        return At(self.path, line_of(mapping, key) or self.line, self.key, key)


def described(value) -> str:
    """The YAML name of a value's type, with its article, for error messages."""
    if value is None:
        return "an empty entry"
    names = {dict: "a mapping", list: "a list", str: "text", bool: "a boolean", int: "a number", float: "a number"}
    kind = next((n for t, n in names.items() if isinstance(value, t)), type(value).__name__)
    return f"{kind} ({value!r})" if not isinstance(value, (dict, list)) else kind


def text(x) -> str:
    """A word, phrase or code as text; a boolean, a date or an empty entry is an error."""
    if isinstance(x, bool) or not isinstance(x, (str, int, float)):
        raise ValueError(f"needs text, not {described(x)}" + (QUOTE_HINT if isinstance(x, bool) else ""))
    return str(x)


def word(x) -> str:
    """A word as a lookup key (folded)."""
    return fold(text(x))


def lower(x) -> str:
    """A word in lower case, its punctuation kept (currency forms like 'us$')."""
    return text(x).lower()


def stem_word(x) -> str:
    """A word as its stem ('residents' → 'resident')."""
    return stem(word(x))


def heading(x) -> str:
    """A heading as a lookup key, without its final colon."""
    return word(x).rstrip(":")


def fraction(x) -> str:
    """A fraction word as a lookup key, hyphens read as spaces ('three-quarters')."""
    return word(x).replace("-", " ")


def whole(x) -> int:
    """A whole number."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    if isinstance(x, bool) or not isinstance(x, int):
        raise ValueError(f"needs a whole number, not {described(x)}")
    return x


def number(x) -> float:
    """A number, whole or not."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise ValueError(f"needs a number, not {described(x)}")
    return float(x)


def day_range(x) -> tuple[int, int]:
    """[first day, last day] of a part of a month: two whole numbers from 1 to 31, in order."""
    if not isinstance(x, list) or len(x) != 2:
        raise ValueError(f"needs [first day, last day], not {described(x)}")
    first, last = whole(x[0]), whole(x[1])
    if not 1 <= first <= last <= 31:
        raise ValueError(f"needs days from 1 to 31, the first not after the last, not {x}")
    return first, last


def read(conv: Callable[[Any], Any], x, at: At):
    """``conv(x)``, its complaint raised as a RuleError at ``at``."""
    try:
        return conv(x)
    except ValueError as exc:
        raise at.error(str(exc)) from None


def listed(value, at: At) -> list:
    """A mapping entry's list of words (none when empty); anything else is an error."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise at.error(f"needs a list, not {described(value)}")
    return value


def compile_pattern(pattern: str, path: Path, line, months: str) -> re.Pattern:
    """A pack's regular expression, ``{month}`` replaced by the month names; a RuleError if invalid."""
    try:
        return re.compile(pattern.replace("{month}", months), re.IGNORECASE)
    except re.error as exc:
        raise RuleError(path, line, f"bad regular expression {pattern!r}: {exc}") from None


def as_date(value, path: Path, line) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise RuleError(path, line, f"'{value}' is not a date (YYYY-MM-DD)") from None


@dataclass(frozen=True)
class Kind:
    """How one key of a pack is read into the ``Knowledge`` field ``attr``. ``of`` is the YAML
    type its value must have, ``says`` names it in an error message; ``required`` keys must be
    in the pack of the first folder that has it."""

    attr: str
    of: type = field(default=list, kw_only=True)
    says: str = field(default="a list of words", kw_only=True)
    required: bool = field(default=False, kw_only=True)

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Add the value (already of the right shape) to the knowledge."""
        raise NotImplementedError


@dataclass(frozen=True)
class Words(Kind):
    """A list of words: a set field gains them, a list field is extended (or replaced)."""

    conv: Callable[[Any], Any] = word
    replace: bool = False

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Add the words to the field."""
        words = [read(self.conv, w, at) for w in value]
        target = getattr(kn, self.attr)
        if self.replace:
            setattr(kn, self.attr, words)
        elif isinstance(target, set):
            target.update(words)
        else:
            target.extend(words)


@dataclass(frozen=True)
class Map(Kind):
    """A mapping of word: value, updating a dict field."""

    of: type = field(default=dict, kw_only=True)
    says: str = field(default="a mapping of word: word", kw_only=True)
    key: Callable[[Any], Any] = word
    value: Callable[[Any], Any] = word

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Update the field with the converted entries."""
        target = getattr(kn, self.attr)
        for k, v in value.items():
            where = at.of(value, k)
            target[read(self.key, k, where)] = read(self.value, v, where)


@dataclass(frozen=True)
class Canon(Kind):
    """A mapping of canonical name: [words], each word (and the name, with ``itself``) looked up as the name."""

    of: type = field(default=dict, kw_only=True)
    says: str = field(default="a mapping of name: [words]", kw_only=True)
    key: Callable[[Any], Any] = word
    value: Callable[[Any], Any] = word
    itself: bool = False
    unique: bool = False

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Map each word to its canonical name in the field; with ``unique``, a word listed under
        two names of one file is an error (the later one would silently win)."""
        target = getattr(kn, self.attr)
        seen: dict = {}
        for canon, names in value.items():
            where = at.of(value, canon)
            names = listed(names, where)
            c = read(self.value, canon, where)
            for n in [canon] * self.itself + names:
                k = read(self.key, n, where)
                if self.unique and seen.get(k, c) != c:
                    raise where.error(f"lists '{n}', which '{seen[k]}' lists already: a word names one kind")
                seen[k] = c
                target[k] = c


@dataclass(frozen=True)
class Groups(Kind):
    """A list of groups of words that mean one thing, the first word standing for the group."""

    says: str = field(default="a list of [word, words…] groups", kw_only=True)

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Map each word of each group to the group's first word."""
        target = getattr(kn, self.attr)
        for group in value:
            if not isinstance(group, list) or not group:
                raise at.error(f"each entry needs a list of words, not {described(group)}")
            canon = read(word, group[0], at)
            for w in group:
                target[read(word, w, at)] = canon


@dataclass(frozen=True)
class Pairs(Kind):
    """A list of [word, word] pairs."""

    says: str = field(default="a list of [word, word] pairs", kw_only=True)

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Add the folded pairs to the list field."""
        for pair in value:
            if not isinstance(pair, list) or len(pair) != 2:
                raise at.error(f"each entry needs two words, not {described(pair)}")
            getattr(kn, self.attr).append((read(word, pair[0], at), read(word, pair[1], at)))


@dataclass(frozen=True)
class ListMap(Kind):
    """A mapping of kind: [words], each kind's list extended."""

    of: type = field(default=dict, kw_only=True)
    says: str = field(default="a mapping of kind: [words]", kw_only=True)

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Extend each kind's list of words."""
        target = getattr(kn, self.attr)
        for kind, words in value.items():
            where = at.of(value, kind)
            target.setdefault(read(text, kind, where), []).extend(read(word, w, where) for w in listed(words, where))


@dataclass(frozen=True)
class Regexes(Kind):
    """A list of regular expressions, compiled case-insensitive."""

    says: str = field(default="a list of regular expressions", kw_only=True)

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Compile each pattern onto the list field."""
        getattr(kn, self.attr).extend(compile_pattern(read(text, p, at), at.path, at.line, "") for p in value)


@dataclass(frozen=True)
class Scalar(Kind):
    """One value that a later folder overrides."""

    of: type = field(default=object, kw_only=True)
    says: str = field(default="a whole number", kw_only=True)
    conv: Callable[[Any], Any] = whole

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Set the field."""
        setattr(kn, self.attr, read(self.conv, value, at))


@dataclass(frozen=True)
class Custom(Kind):
    """A key read by its own function ``reader(kn, value, at)`` (which may fill more than ``attr``)."""

    reader: Callable[[Knowledge, Any, At], None]
    says: str = field(default="a list", kw_only=True)

    def apply(self, kn: Knowledge, value, at: At) -> None:
        """Run the reader."""
        self.reader(kn, value, at)


def check_keys(data: dict, known, path: Path) -> None:
    """Every key of a pack mapping must be one of ``known``; else a RuleError at its line naming the nearest."""
    for key in data:
        if key not in known:
            near = difflib.get_close_matches(str(key), [str(k) for k in known], n=1)
            hint = f"did you mean '{near[0]}'?" if near else f"the keys are {', '.join(known)}"
            raise RuleError(path, line_of(data, key), f"unknown key '{key}' ({hint})")
