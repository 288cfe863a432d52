"""The Dask engine gives the same report as the local engine (LocalCluster, 2 workers)."""
from __future__ import annotations

import pytest

from factcheck import api

from .conftest import RULES, SEEDS

pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.mark.parametrize("corpus", ["seeds", "generated"])
def test_dask_engine_output_is_byte_identical(tmp_path, corpus):
    folder = SEEDS
    if corpus == "generated":
        from bench.corpus import write_corpus

        folder = tmp_path / "corpus"
        write_corpus(folder, 90, seed=3)
    local = api.run([folder], tmp_path / "local", rules_dirs=[RULES])
    api.run([folder], tmp_path / "dask", rules_dirs=[RULES], engine="dask")
    assert local.findings
    for name in ("report.md", "conflicts.json", "claims.csv"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes()


def test_dask_splits_a_large_block_and_gives_the_local_report(tmp_path, monkeypatch):
    """One story told by 150 outlets, blocks above a lowered split size: a block's facts are
    judged as separate Dask jobs, and the report is that of the local engine without a split."""
    from bench.story import write_story_corpus
    from factcheck import pipeline

    folder = tmp_path / "story"
    write_story_corpus(folder, 150, seed=4)
    api.run([folder], tmp_path / "local", rules_dirs=[RULES])
    split = []
    original = pipeline.judge_split

    def counting(block, groups, engine, shared, limit):
        split.append(len(pipeline.fact_chunks(block, groups, limit)))
        return original(block, groups, engine, shared, limit)

    monkeypatch.setattr(pipeline, "SPLIT_CLAIMS", 60)
    monkeypatch.setattr(pipeline, "SMALL_TEXT", 0)
    monkeypatch.setattr(pipeline, "SMALL_CLAIMS", 0)
    monkeypatch.setattr(pipeline, "judge_split", counting)
    api.run([folder], tmp_path / "dask", rules_dirs=[RULES], engine="dask")
    api.run([folder], tmp_path / "pool", rules_dirs=[RULES], jobs=2)
    assert split and max(split) > 1
    for name in ("report.md", "conflicts.json", "claims.csv"):
        local = (tmp_path / "local" / name).read_bytes()
        assert local == (tmp_path / "dask" / name).read_bytes() == (tmp_path / "pool" / name).read_bytes()
