"""The checks factcheck can run: for each, the kind of rule that configures it, the verdicts it
gives, its typed parameters and the fields its message may use.

Every other list of checks (the ids a rule may name, the parameters it may set, the judge of
each claim type) is built from this one, so that a check is declared in one place. A rule file
names one of these checks; several rules may name the same check with other parameters.
The judges that run the checks, one per claim type, are in ``checks/__init__.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

MESSAGE_FIELDS = ("subject", "detail", "majority", "outliers", "code", "verdict")
"""What a rule's message template may name: the fact, the check's explanation of this finding,
the value most sources give, the sources that give another, the rule code and the verdict."""

@dataclass(frozen=True)
class Param:
    """A parameter a rule may set for a check: its type, its default and what it changes."""

    type: type
    default: float | int | str
    help: str

    def parse(self, value) -> float | int | str:
        """The value as this parameter's type; ValueError when it is not one."""
        if self.type is str:
            if not isinstance(value, str):
                raise ValueError(f"expected text, got {value!r}")
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"expected a number, got {value!r}")
        if self.type is int and int(value) != value:
            raise ValueError(f"expected a whole number, got {value!r}")
        return self.type(value)


MIN_SOURCES = Param(int, 1, "report a finding only when its claims come from at least this many sources")


@dataclass(frozen=True)
class Check:
    """One check: its id, the rule kind that configures it, the verdict it gives (besides
    'agreement' for value checks) and the parameters it reads."""

    id: str
    kind: str
    verdict: str
    params: dict[str, Param] = field(default_factory=dict)
    agrees: bool = False

    @property
    def verdicts(self) -> tuple[str, ...]:
        """Every verdict the check can give."""
        return (self.verdict, "agreement") if self.agrees else (self.verdict,)

    def all_params(self) -> dict[str, Param]:
        """The check's own parameters and those every check takes."""
        return {"min_sources": MIN_SOURCES, **self.params}


_APPROX = Param(float, 0.05, "largest relative gap between an approximate figure ('nearly 50') and a precise one")
_BOUND = Param(float, 0.1, "largest relative distance of a figure beyond a bound ('more than 200') read as rounding")
_ROUNDING = {"approx_tolerance": _APPROX, "bound_tolerance": _BOUND}

CHECKS: dict[str, Check] = {c.id: c for c in (
    Check("title.former_vs_sitting", "title", "contradiction"),
    Check("title.different_office", "title", "contradiction"),
    Check("title.former_per_record", "title", "contradiction"),
    Check("title.office_per_record", "title", "contradiction"),
    Check("name.misspelled_holder", "name", "possible_misspelling", {
        "min_similarity": Param(float, 80, "how alike (0-100) a name must be to an office holder's to be a misspelling")}),
    Check("name.spelling_differs", "name", "possible_misspelling"),
    Check("percent.value", "percent", "contradiction", {
        "basis_gap_ratio": Param(float, 5, "how many times larger one change must be than another, when only one "
                                           "says its basis, to be read as possibly of another basis")},
        agrees=True),
    Check("percent.basis", "percent", "basis_mismatch"),
    Check("percent.rounding", "percent", "rounding", _ROUNDING),
    Check("percent.direction", "percent", "contradiction"),
    Check("money.value", "money", "contradiction", agrees=True),
    Check("money.rounding", "money", "rounding", _ROUNDING),
    Check("date.value", "date", "contradiction", agrees=True),
    Check("count.value", "count", "contradiction", agrees=True),
    Check("ordinal.value", "count", "contradiction", {
        "series_gap_days": Param(float, 3, "reports this many days apart may number two events of a series")},
        agrees=True),
    Check("duration.value", "count", "contradiction", agrees=True),
    Check("measure.value", "count", "contradiction", agrees=True),
    Check("count.rounding", "count", "rounding", _ROUNDING),
    Check("measure.rounding", "count", "rounding", _ROUNDING),
    Check("duration.rounding", "count", "rounding", _ROUNDING),
    Check("time.value", "date", "contradiction", agrees=True),
    Check("time.rounding", "date", "rounding"),
)}

CHECK_IDS = tuple(CHECKS)


_DEFAULTS = {(c.id, name): p.default for c in CHECKS.values() for name, p in c.all_params().items()}


def default(check: str, name: str):
    """A check parameter's default value."""
    return _DEFAULTS[(check, name)]
