"""Caches that cannot answer for another object, a store version that covers the code, and
first-pass failures that are reported rather than swallowed."""
from __future__ import annotations

import gc
import pickle
from datetime import date

import pytest

from factcheck import api, articles, pipeline, store
from factcheck.checks.titles import holders_named
from factcheck.claims import counts, money
from factcheck.claims.common import hedge_of
from factcheck.knowledge import Holder, Knowledge

from .conftest import RULES

WORDS = ["roughly", "nearly", "about", "around", "almost", "circa", "approximately", "some"]
CACHED = {
    "hedge": (lambda w: Knowledge(hedges={"approx": [w]}),
              lambda kn, w: hedge_of(f"it cost {w} ", kn) == "approx"),
    "currency": (lambda w: Knowledge(currency_of={w: w[:3].upper()}),
                 lambda kn, w: money.patterns(kn)[1].search(f"paid 5 {w} for it") is not None),
    "scale word": (lambda w: Knowledge(scales={w: 1000}),
                   lambda kn, w: counts._scaled(kn).search(f"paid 5 {w} for it") is not None),
    "office holder": (lambda w: Knowledge(holders=[Holder(f"Anna {w}", "president", None, None, date(2020, 1, 1), None)]),
                      lambda kn, w: [h.person for h in holders_named(f"Anna {w}", kn)] == [f"Anna {w}"]),
}


@pytest.mark.parametrize("what", sorted(CACHED))
def test_a_knowledge_built_after_another_is_freed_knows_its_own_words(what):
    build, knows = CACHED[what]
    misses = []
    for i in range(64):
        word = WORDS[i % len(WORDS)]
        kn = build(word)
        if not knows(kn, word):
            misses.append((i, word))
        del kn
        gc.collect()
    assert misses == []


def test_derived_caches_stay_behind_when_knowledge_is_sent_to_a_worker():
    kn = Knowledge(hedges={"approx": ["roughly"]})
    assert hedge_of("it cost roughly ", kn) == "approx"
    copy = pickle.loads(pickle.dumps(kn))
    assert "_derived" in kn.__dict__ and "_derived" not in copy.__dict__
    assert hedge_of("it cost roughly ", copy) == "approx"


def test_extraction_modules_are_found_from_the_imports():
    modules = store.modules_behind(store._EXTRACTION)
    assert {"articles.py", "names.py", "knowledge.py", "types.py", "claims/mentions.py"} <= set(modules)
    assert "cli.py" not in modules and not any(m.startswith("report/") for m in modules)
    behind = set(store.modules_behind(store._ALIGNMENT))
    assert {"align/__init__.py", "align/grouping.py", "names.py", "stories.py", "values.py"} <= behind


def test_version_hash_changes_when_names_py_changes(monkeypatch):
    before = store.extractor_version([RULES]), store.aligner_version([RULES]), store.run_version([RULES])
    read = store._source
    monkeypatch.setattr(store, "_source", lambda path: read(path) + (b"\n# edited\n" if path.name == "names.py" else b""))
    after = store.extractor_version([RULES]), store.aligner_version([RULES]), store.run_version([RULES])
    assert all(b != a for b, a in zip(before, after))


def _first_pass_failing_on(article_id: str, monkeypatch):
    """Make the first pass raise on one article; returns the real first pass."""
    real = pipeline.first_pass

    def failing(article, kn):
        if article.id == article_id:
            raise RuntimeError("tokenizer broke")
        return real(article, kn)

    monkeypatch.setattr(pipeline, "first_pass", failing)
    return real


def test_an_unexpected_error_in_the_first_pass_skips_that_article_with_its_reason(ruleset, monkeypatch, tmp_path):
    real = _first_pass_failing_on("b.txt", monkeypatch)
    texts = [(name, "Exports to Canada fell 3.2% in June, customs data showed on Tuesday.", date(2025, 7, 10))
             for name in ("a.txt", "b.txt", "c.txt")]
    arts = [articles.parse_article(text, name, articles.SourceInfo(None, day), ruleset.knowledge)
            for name, text, day in texts]
    with store.ClaimStore(tmp_path / "claims.sqlite") as claim_store:
        report = api.check_articles(arts, ruleset, store=claim_store, version="v")
        monkeypatch.setattr(pipeline, "first_pass", real)
        again = api.check_articles(arts, ruleset, store=claim_store, version="v")
    assert [(s.path, s.reason) for s in report.skipped] == [("b.txt", "reading failed: RuntimeError: tokenizer broke")]
    assert {c.article for c in report.claims} == {"a.txt", "c.txt"}
    assert again.skipped == [] and {c.article for c in again.claims} == {"a.txt", "b.txt", "c.txt"}


def test_an_article_skipped_in_the_first_pass_still_counts_in_the_progress_of_both_passes(ruleset, monkeypatch):
    from factcheck import progress

    _first_pass_failing_on("b.txt", monkeypatch)
    arts = [articles.parse_article("Exports to Canada fell 3.2% in June.", name,
                                  articles.SourceInfo(None, date(2025, 7, 10)), ruleset.knowledge)
            for name in ("a.txt", "b.txt", "c.txt")]
    calls = []
    report = api.check_articles(arts, ruleset, progress=lambda *args: calls.append(args))
    assert [s.path for s in report.skipped] == ["b.txt"]
    for stage in (progress.NAMES, progress.EXTRACT):
        mine = [(done, total) for name, done, total in calls if name == stage]
        assert mine[0] == (0, 3) and mine[-1] == (3, 3)
