"""Shared data types that flow through the pipeline (articles → claims → facts → findings)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

NUMBER_TYPES = ("percent", "money", "count", "ordinal", "duration", "measure")
"""Claim types whose value is a number, judged by one number check."""
CLAIM_TYPES = ("title", "date", "time") + NUMBER_TYPES
"""Every claim type an extractor may give."""
DAYS_PER_UNIT = {"second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
                 "month": 30.4375, "year": 365.25}
"""How many days each unit of a duration lasts (a month and a year on average)."""


@dataclass(frozen=True)
class Dropped:
    """Lines removed as page furniture, with the reason."""

    first_line: int
    last_line: int
    reason: str


@dataclass(frozen=True)
class Block:
    """A paragraph or heading of an article after line-wrap joining."""

    start: int
    end: int
    kind: str  # "paragraph" or "heading"


@dataclass
class Article:
    """One input article: its text, where it came from, and what was dropped from it."""

    id: str
    text: str
    norm: str
    outlet: str | None = None
    published: date | None = None
    blocks: list[Block] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    line_map: list[int] | None = None
    lang: str = "en"
    encoding: str | None = None  # how the file's bytes were decoded; None for text given as such
    encoding_doubt: str | None = None  # why that encoding is a weak guess, when it is one

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset, in the original file.

        For HTML the text is what was extracted from the page; ``line_map`` gives, for each
        extracted line, the line of the page it was found on.
        """
        line = bisect.bisect_right(self.line_starts, offset)
        if self.line_map:
            return self.line_map[min(line, len(self.line_map)) - 1]
        return line


@dataclass(frozen=True)
class Skipped:
    """An input that could not be checked, with a one-line reason."""

    path: str
    reason: str


@dataclass(frozen=True)
class Qualifiers:
    """What a claim's sentence says about its value beyond what it measures: how exact it is,
    on what basis, whose it is, and for a title, whose office it names. Unset fields are None."""

    hedge: str | None = None
    """How exact the value is: 'approx', 'lower' (more than), 'upper' (nearly), 'range', ..."""
    low: str | None = None
    """The low end of a range (a repr of the number) when ``hedge`` is 'range'."""
    basis: str | None = None
    """What a percentage change is measured against: 'year-on-year', 'month-on-month', ..."""
    direction: str | None = None
    """Which way a change goes: 'rise' or 'fall'."""
    level: str | None = None
    """Which level of the figure it is: 'previous', 'projected', 'additional', 'target', ..."""
    future: bool = False
    """The sentence speaks of the figure or day as yet to come."""
    reached: bool = False
    """A level a change came to ('raised its rate to 0.5%'), not the size of the change."""
    misnamed_day: str | None = None
    """For a date written with its weekday ('Wednesday, February 14'), the weekday, when the date
    falls on another one."""
    came_by: str | None = None
    """For a level a change came to ('weakened to Category 4', 'decreased to 130 mph'), which way
    the change went ('rise', 'fall'): the figure is of after the change."""
    came_to: str | None = None
    """For a change, the amount it came to, in its currency's units (a repr): 'climbed 18% to
    $30.87 billion' is a change of something worth $30.87 billion."""
    holder: str | None = None
    """The name a figure of a list belongs to ('the AfD 152')."""
    where: str | None = None
    """The place a listed figure was counted in, when the list says it."""
    listed: str | None = None
    """The holders of the list a figure is one item of, joined with '|'."""
    owner: str | None = None
    """For a figure right after a possessive name ('surpass de Valera's 56.3%'), that name,
    folded: the figure is its."""
    side: bool = False
    """A count of one side of a split: its sentence gives other counts of the same measure, for
    no named holder ('four members backed a cut, four wanted to hold, and one ...')."""
    step: str | None = None
    """The finest unit a joined duration was given in, in days (a repr)."""
    form: str | None = None
    """How a date was written: 'weekday', 'relative', 'numeric', ..."""
    written_unit: str | None = None
    """The unit a measure was written in, before conversion to its base unit."""
    zone: str | None = None
    """The time zone a time of day was given in."""
    person: str | None = None
    """For a title or a name: the person, as the record or the article spells them."""
    role: str | None = None
    """For a title: the office ('president', 'prime minister'); '' for a bare name."""
    portfolio: str | None = None
    """For a title: the ministry or body the office is of."""
    country: str | None = None
    """For a title: the country the office is of."""
    qualifier: str | None = None
    """For a title: 'former', 'acting', 'incoming', ..."""
    transition: bool = False
    """For a title: the sentence speaks of a change of office (a firing, a resignation)."""

    def items(self) -> list[tuple[str, object]]:
        """The set fields as (name, value) pairs, by name."""
        return sorted((f.name, getattr(self, f.name)) for f in fields(self)
                      if getattr(self, f.name) not in (None, False))

    @classmethod
    def of(cls, **given) -> Qualifiers:
        """Qualifiers from keyword values, leaving out the empty ones (None, '', False)."""
        return cls(**{k: v for k, v in given.items() if v})


@dataclass
class Claim:
    """A checkable statement found in one article.

    ``value`` is the normalised value (a number, an ISO date or range, a canonical office).
    What the value is about is one of three fields, by type: ``measure`` for a figure (the noun
    it measures: 'revenue', 'dead', 'tariff'), ``event`` for a date or a time (the kind of event:
    'call', 'meeting', 'release'), ``person`` for a title (the folded name of whose title it
    is); ``topic`` gives whichever applies. ``mods``, ``context``, ``period``, ``persons`` and
    ``names`` are the other words of its slot, used for alignment; ``action`` is the verb that
    governs a count, as a lemma ('killed 64 people': kill), which sets counts apart.
    """

    article: str
    type: str
    line: int
    start: int
    end: int
    text: str
    value: Any
    unit: str | None = None
    qualifiers: Qualifiers = Qualifiers()
    measure: str | None = None
    event: str | None = None
    person: str | None = None
    mods: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    period: str | None = None
    persons: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    action: str | None = None
    sentence: str = ""
    resolved: str | None = None
    display: str = ""
    lang: str = "en"

    @property
    def topic(self) -> str | None:
        """What the claim is about, whatever its type: its measure, its event or its person."""
        return self.measure or self.event or self.person

    @property
    def key(self) -> tuple:
        """A total order for deterministic output."""
        return (self.article, self.start, self.end, self.type, str(self.value))


@dataclass
class Fact:
    """A group of claims from different articles that speak of one thing."""

    type: str
    label: str
    claims: list[Claim]


@dataclass
class Finding:
    """A fact with a verdict, the rule that produced it and the evidence.

    ``records`` are the office-holder record entries that bear on it (holder, office, since,
    until); ``why`` says why its claims were taken as one fact (filled for conflicts).
    """

    code: str
    kind: str
    verdict: str
    subject: str
    attribute: str
    message: str
    claims: list[Claim]
    severity: str = "warning"
    majority: str | None = None
    outliers: list[str] = field(default_factory=list)
    id: str = ""
    weak: str = ""
    records: list[dict] = field(default_factory=list)
    why: list[str] = field(default_factory=list)
