"""Parallel extraction and the claim store give the same report as a plain run."""
from __future__ import annotations

import sqlite3

from bench.corpus import write_corpus
from factcheck import api

from .conftest import RULES, SEEDS


def _outputs(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_jobs_give_byte_identical_reports(tmp_path, monkeypatch):
    from factcheck import pipeline

    monkeypatch.setattr(pipeline, "SMALL_TEXT", 0)
    monkeypatch.setattr(pipeline, "SMALL_CLAIMS", 0)
    api.run([SEEDS], tmp_path / "one", rules_dirs=[RULES], jobs=1)
    api.run([SEEDS], tmp_path / "two", rules_dirs=[RULES], jobs=2)
    assert _outputs(tmp_path / "one") == _outputs(tmp_path / "two")


def test_store_rerun_uses_cache_and_changes_nothing(tmp_path):
    store = tmp_path / "claims.sqlite"
    plain = api.run([SEEDS], tmp_path / "plain", rules_dirs=[RULES])
    first = api.run([SEEDS], tmp_path / "first", rules_dirs=[RULES], store_path=store)
    second = api.run([SEEDS], tmp_path / "second", rules_dirs=[RULES], store_path=store, reuse_reports=False)
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
    assert any("not a factcheck store" in n for n in report.store_notes)
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


def test_store_with_new_articles_matches_a_plain_run_and_extracts_only_what_is_new(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 60, seed=5)
    articles = sorted(corpus.glob("*.txt"))
    early = tmp_path / "early"
    early.mkdir()
    for p in articles[:40]:
        (early / p.name).write_bytes(p.read_bytes())
    (early / "sources.yaml").write_bytes((corpus / "sources.yaml").read_bytes())
    store = tmp_path / "claims.sqlite"
    api.run([early], None, rules_dirs=[RULES], store_path=store)
    stored = api.run([corpus], tmp_path / "stored", rules_dirs=[RULES], store_path=store)
    api.run([corpus], tmp_path / "plain", rules_dirs=[RULES])
    assert _outputs(tmp_path / "stored") == _outputs(tmp_path / "plain")
    cached, extracted = (int(x) for x in stored.store_notes[-1].split(":")[1].split(";")[0].split()[::2])
    assert extracted >= 20 and cached >= 20, stored.store_notes
    assert "articles 40 cached, 20 read" in stored.store_notes[-1]


def test_a_new_article_about_someone_else_keeps_the_cache(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "sources.yaml").write_bytes((SEEDS / "sources.yaml").read_bytes())
    store = tmp_path / "claims.sqlite"
    api.run([folder], None, rules_dirs=[RULES], store_path=store)
    (folder / "zz-new.txt").write_text("Finance Minister Quillon Vexbridge said on Monday that exports rose 4%.\n",
                                       encoding="utf-8")
    again = api.run([folder], tmp_path / "again", rules_dirs=[RULES], store_path=store)
    assert again.store_notes[-1].startswith(f"claim store: {len(list(SEEDS.glob('*.txt')))} cached, 1 extracted")
    api.run([folder], tmp_path / "plain", rules_dirs=[RULES])
    assert _outputs(tmp_path / "again") == _outputs(tmp_path / "plain")


def test_rerun_takes_parsed_articles_and_groups_from_the_store(tmp_path, monkeypatch):
    from factcheck import articles, pipeline

    store = tmp_path / "claims.sqlite"
    api.run([SEEDS], tmp_path / "first", rules_dirs=[RULES], store_path=store)

    def refuse(*args, **kwargs):
        raise AssertionError("should have come from the store")

    monkeypatch.setattr(articles, "article_from_bytes", refuse)
    monkeypatch.setattr(pipeline, "group_block", refuse)
    monkeypatch.setattr(pipeline, "extract_claims", refuse)
    second = api.run([SEEDS], tmp_path / "second", rules_dirs=[RULES], store_path=store, reuse_reports=False)
    assert _outputs(tmp_path / "first") == _outputs(tmp_path / "second")
    assert "aligned" in second.store_notes[-1] and ", 0 aligned" in second.store_notes[-1]


def test_unchanged_rerun_writes_the_earlier_reports_without_checking_again(tmp_path, monkeypatch):
    from factcheck import articles, pipeline, report

    store = tmp_path / "claims.sqlite"
    first = api.run([SEEDS], tmp_path / "first", rules_dirs=[RULES], store_path=store)

    def refuse(*args, **kwargs):
        raise AssertionError("should have come from the store")

    for module, name in ((articles, "article_from_bytes"), (pipeline, "group_block"),
                         (pipeline, "extract_claims"), (report, "render_reports")):
        monkeypatch.setattr(module, name, refuse)
    second = api.run([SEEDS], tmp_path / "second", rules_dirs=[RULES], store_path=store)
    assert "reports were reused" in second.store_notes[-1]
    assert _outputs(tmp_path / "first") == _outputs(tmp_path / "second")
    assert second.counts() == first.counts() and second.counts()["conflicts"] > 0
    assert [second.exit_code(s) for s in ("info", "error")] == [first.exit_code(s) for s in ("info", "error")]
    assert (second.skipped, second.notes, second.facts) == (first.skipped, first.notes, first.facts)
    assert [f.id for f in second.findings] == [f.id for f in first.findings]
    assert [c.key for c in second.claims] == [c.key for c in first.claims]


def test_a_changed_article_rule_selection_or_format_is_not_served_from_earlier_reports(tmp_path):
    import shutil

    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    store = tmp_path / "claims.sqlite"
    api.run([folder], tmp_path / "first", rules_dirs=[RULES], store_path=store)
    article = sorted(folder.glob("*.txt"))[0]
    article.write_text(article.read_text(encoding="utf-8") + "\nThe talks lasted 90 minutes.\n", encoding="utf-8")
    changed = api.run([folder], tmp_path / "changed", rules_dirs=[RULES], store_path=store)
    api.run([folder], tmp_path / "plain", rules_dirs=[RULES])
    assert "reused" not in changed.store_notes[-1] and "1 extracted" in changed.store_notes[-1]
    assert _outputs(tmp_path / "changed") == _outputs(tmp_path / "plain")
    fewer = api.run([folder], tmp_path / "fewer", rules_dirs=[RULES], store_path=store, ignore=["TTL"])
    assert "reused" not in fewer.store_notes[-1]
    assert not any(f.code.startswith("TTL") for f in fewer.findings)
    json_only = api.run([folder], tmp_path / "json", rules_dirs=[RULES], store_path=store, formats=("json",))
    assert "reused" not in json_only.store_notes[-1]
    assert sorted(p.name for p in (tmp_path / "json").iterdir()) == ["conflicts.json"]


def test_a_damaged_earlier_run_is_not_trusted(tmp_path):
    store = tmp_path / "claims.sqlite"
    api.run([SEEDS], tmp_path / "first", rules_dirs=[RULES], store_path=store)
    db = sqlite3.connect(store)
    db.execute("UPDATE runs SET outputs = x'00ff'")
    db.commit()
    db.close()
    again = api.run([SEEDS], tmp_path / "again", rules_dirs=[RULES], store_path=store)
    assert "reused" not in again.store_notes[-1]
    assert _outputs(tmp_path / "first") == _outputs(tmp_path / "again")
