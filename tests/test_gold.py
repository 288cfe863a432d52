"""Acceptance: the seeds against ../shared/gold/seeds.yaml, scored by the shared scorer."""
from __future__ import annotations

import importlib.util
import json

import pytest
import yaml

from factcheck import api

from .conftest import SEEDS, SHARED

SCORER = SHARED / "tools" / "score_gold.py"
GOLD = SHARED / "gold" / "seeds.yaml"

pytestmark = pytest.mark.skipif(not (SCORER.is_file() and GOLD.is_file()),
                                reason="../shared (gold file and scorer) is not beside this checkout")


def _scorer():
    spec = importlib.util.spec_from_file_location("score_gold", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    report = api.run([SEEDS], out)
    data = json.loads((out / "conflicts.json").read_text(encoding="utf-8"))
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return report, data, _scorer().score(data, gold)


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
