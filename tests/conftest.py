"""Shared fixtures: the built-in rule set, loaded once."""
from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.rules import load_ruleset

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def ruleset():
    """All built-in rules and knowledge."""
    return load_ruleset([RULES])


@pytest.fixture(scope="session")
def kn(ruleset):
    """The built-in knowledge packs."""
    return ruleset.knowledge


from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("soak", max_examples=2000, deadline=None)


@pytest.fixture(autouse=True)
def _claim_store_in_tmp(tmp_path_factory, monkeypatch):
    """CLI runs in tests keep their claim cache in a temporary folder of its own."""
    monkeypatch.setenv("FACTCHECK_STORE", str(tmp_path_factory.mktemp("store") / "claims.sqlite"))
