"""Clusters written for this project (not the seeds): planted conflicts, agreements and traps."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from factcheck import api
from factcheck.evaluate import score

from .conftest import RULES

DATA = Path(__file__).parent / "data"
CLUSTERS = sorted(p for p in DATA.iterdir() if (p / "gold.yaml").is_file())


@pytest.mark.parametrize("cluster", CLUSTERS, ids=lambda p: p.name)
def test_cluster_scores_full_recall_without_false_contradictions(cluster, tmp_path):
    api.run([cluster], tmp_path, rules_dirs=[RULES])
    data = json.loads((tmp_path / "conflicts.json").read_text(encoding="utf-8"))
    gold = yaml.safe_load((cluster / "gold.yaml").read_text(encoding="utf-8"))
    result = score(data, gold).as_dict()
    assert result["missed"] == [] and result["wrong_verdict"] == []
    assert result["trap_hits"] == [] and result["agreement_hits"] == [] and result["furniture_hits"] == []
    assert result["unmatched"] == []
