"""Clusters written for this project (not the seeds): planted conflicts, agreements and traps."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from factcheck import api

from .conftest import RULES, SHARED

DATA = Path(__file__).parent / "data"
CLUSTERS = sorted(p for p in DATA.iterdir() if (p / "gold.yaml").is_file())


def _scorer():
    spec = importlib.util.spec_from_file_location("score_gold", SHARED / "tools" / "score_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (SHARED / "tools" / "score_gold.py").is_file(), reason="../shared scorer not present")
@pytest.mark.parametrize("cluster", CLUSTERS, ids=lambda p: p.name)
def test_cluster_scores_full_recall_without_false_contradictions(cluster, tmp_path):
    api.run([cluster], tmp_path, rules_dirs=[RULES])
    data = json.loads((tmp_path / "conflicts.json").read_text(encoding="utf-8"))
    gold = yaml.safe_load((cluster / "gold.yaml").read_text(encoding="utf-8"))
    result = _scorer().score(data, gold)
    assert result["missed"] == [] and result["wrong_verdict"] == []
    assert result["trap_hits"] == [] and result["agreement_hits"] == [] and result["furniture_hits"] == []
    assert result["unmatched"] == []
