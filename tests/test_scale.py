"""Parallel extraction and the claim store give the same report as a plain run."""
from __future__ import annotations

import sqlite3

from bench.corpus import write_corpus
from factcheck import api

from .conftest import RULES, SEEDS


def _outputs(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_jobs_give_byte_identical_reports(tmp_path):
    api.run([SEEDS], tmp_path / "one", rules_dirs=[RULES], jobs=1)
    api.run([SEEDS], tmp_path / "two", rules_dirs=[RULES], jobs=2)
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")


def test_store_rerun_uses_cache_and_changes_nothing(tmp_path):
    store = tmp_path / "claims.sqlite"
    plain = api.run([SEEDS], tmp_path / "plain", rules_dirs=[RULES])
    first = api.run([SEEDS], tmp_path / "first", rules_dirs=[RULES], store_path=store)
    second = api.run([SEEDS], tmp_path / "second", rules_dirs=[RULES], store_path=store)
    assert _outputs(tmp_path / "plain") == _outputs(tmp_path / "first") == _outputs(tmp_path / "second")
    assert "5 cached, 0 extracted" in second.store_notes[-1]
    assert "0 cached, 5 extracted" in first.store_notes[-1]
    assert [f.id for f in plain.findings] == [f.id for f in second.findings]


def test_corrupt_or_foreign_store_is_reported_and_rebuilt(tmp_path):
    store = tmp_path / "claims.sqlite"
    store.write_bytes(b"this is not a database" * 100)
    report = api.run([SEEDS], None, rules_dirs=[RULES], store_path=store)
    assert any("unusable" in n for n in report.store_notes)
    foreign = tmp_path / "foreign.sqlite"
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('app', 'something-else')")
    db.commit()
    db.close()
    report = api.run([SEEDS], None, rules_dirs=[RULES], store_path=foreign)
    assert any("foreign" in n for n in report.store_notes)
    assert report.findings


def test_corpus_generator_is_deterministic_and_its_gold_is_found(tmp_path):
    gold_a = write_corpus(tmp_path / "a", 40, seed=11)
    gold_b = write_corpus(tmp_path / "b", 40, seed=11)
    assert gold_a == gold_b
    names = sorted(p.name for p in (tmp_path / "a").glob("*.txt"))
    assert len(names) == 40
    assert all((tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes() for n in names)
    report = api.run([tmp_path / "a"], None, rules_dirs=[RULES])
    found = {(c.article, c.line) for f in report.findings for c in f.claims}
    planted = [g for g in gold_a["conflicts"]]
    hit = sum(1 for g in planted if all((c["source"], c["line"]) in found for c in g["claims"]))
    assert planted and hit / len(planted) >= 0.8
