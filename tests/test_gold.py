"""Acceptance: the seeds against the project's own answer key (tests/golden/seeds.gold.yaml),
scored by factcheck.evaluate; where ../shared is beside the checkout, also against its gold
with its scorer (an added check, never a needed one)."""
from __future__ import annotations

import importlib.util
import json

import pytest
import yaml

from factcheck import api
from factcheck.evaluate import score

from .conftest import ROOT, SEEDS, SHARED

GOLD = ROOT / "tests" / "golden" / "seeds.gold.yaml"
SHARED_SCORER = SHARED / "tools" / "score_gold.py"
SHARED_GOLD = SHARED / "gold" / "seeds.yaml"


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    report = api.run([SEEDS], out)
    data = json.loads((out / "conflicts.json").read_text(encoding="utf-8"))
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return report, data, score(data, gold).as_dict()


def test_nothing_reported_beyond_the_answer_key(scored):
    _, _, result = scored
    assert result["unmatched"] == []
    assert result["reported"] == 6


def _shared_score(data):
    spec = importlib.util.spec_from_file_location("score_gold", SHARED_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score(data, yaml.safe_load(SHARED_GOLD.read_text(encoding="utf-8")))


def test_the_shared_gold_adds_its_checks_where_it_is_present(scored):
    """../shared is optional: with it, its scorer on its gold must agree; without it, ours stands."""
    _, data, result = scored
    assert result["recall"] == 1.0
    if SHARED_SCORER.is_file() and SHARED_GOLD.is_file():
        shared = _shared_score(data)
        assert shared["missed"] == [] and shared["wrong_verdict"] == []
        assert shared["trap_hits"] == [] and shared["agreement_hits"] == [] and shared["furniture_hits"] == []


def test_all_gold_conflicts_found_with_gold_verdict(scored):
    _, _, result = scored
    assert result["missed"] == [] and result["wrong_verdict"] == []
    assert result["recall"] == 1.0


def test_no_trap_or_agreement_flagged_as_contradiction(scored):
    _, _, result = scored
    assert result["trap_hits"] == []
    assert result["agreement_hits"] == []


def test_no_claim_quoted_from_page_furniture(scored):
    _, _, result = scored
    assert result["furniture_hits"] == []


def test_every_conflict_carries_evidence_and_a_rule_code(scored):
    _, data, _ = scored
    assert data["conflicts"]
    for conflict in data["conflicts"]:
        assert conflict["code"] and conflict["verdict"] and conflict["message"]
        for claim in conflict["claims"]:
            assert set(claim) >= {"source", "line", "start", "end", "text", "value", "resolved"}
            seed = (SEEDS / claim["source"]).read_text(encoding="utf-8")
            quoted = " ".join(seed[claim["start"]:claim["end"]].split())
            assert quoted == claim["text"]
            assert seed[:claim["start"]].count("\n") + 1 == claim["line"]
