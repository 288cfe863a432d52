"""Configuration from ``[tool.factcheck]`` in pyproject.toml or a ``factcheck.toml``."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .rules import SEVERITIES
from .yamlio import RuleError

KEYS = {"select", "ignore", "extend-select", "rules", "severity", "min-severity"}


@dataclass
class Config:
    """Rule selection and severity settings."""

    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    min_severity: str = "info"  # the lowest severity of conflict that sets exit 1 (`--fail-on` overrides it)


def _table(path: Path) -> dict | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(path, None, f"unreadable configuration: {exc}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("factcheck")
    return data.get("tool", {}).get("factcheck", data)


def load_config(folder: Path) -> Config:
    """Configuration found in a folder (factcheck.toml first, then pyproject.toml), or defaults."""
    for name in ("factcheck.toml", "pyproject.toml"):
        path = Path(folder) / name
        if path.is_file():
            table = _table(path)
            if table is not None:
                return parse_config(table, path)
    return Config()


def parse_config(table: dict, path: Path) -> Config:
    """Validate a [tool.factcheck] table."""
    unknown = set(table) - KEYS
    if unknown:
        raise RuleError(path, None, f"unknown [tool.factcheck] key(s): {', '.join(sorted(unknown))}")
    base = Path(path).parent
    threshold = str(table.get("min-severity", "info"))
    if threshold not in SEVERITIES:
        raise RuleError(path, None, f"min-severity: '{threshold}' is not one of {', '.join(SEVERITIES)}")
    return Config(select=list(table.get("select", ["ALL"])), ignore=list(table.get("ignore", [])),
                  extend_select=list(table.get("extend-select", [])),
                  rules=[str(base / p) for p in table.get("rules", [])],
                  severity=dict(table.get("severity", {})), min_severity=threshold)
