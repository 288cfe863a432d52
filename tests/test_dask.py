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
