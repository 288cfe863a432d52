"""Large blocks and facts (one story told by many sources): the near-linear paths give what the
small paths give, the report summarises a fact of many claims, and a split block is judged as
the whole block is."""
from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tabulate import tabulate

from factcheck import api, pipeline
from factcheck.align import AlignParams, blocks_of, collapse, facts_of, group_block
from factcheck.checks import JUDGES, CheckContext, judge_large
from factcheck.engines import LocalEngine
from factcheck.report import csvout, markdown
from factcheck.report.common import claim_resolved, claim_value
from factcheck.stories import Stories, everyone_related

from .conftest import RULES, SEEDS

DATA = Path(__file__).parent / "data"
CLUSTERS = sorted(p for p in DATA.iterdir() if (p / "gold.yaml").is_file())


def _claims(folder: Path, ruleset) -> list:
    articles, _, _ = api.read_inputs([folder], None, ruleset)
    return api.check_articles(articles, ruleset).claims


def _copies(claims: list, k: int) -> list:
    """The claims of k copies of every article (the first copy is the article itself)."""
    return [c if n == 0 else replace(c, article=f"{c.article}~{n:03d}") for c in claims for n in range(k)]


@pytest.mark.parametrize("folder", [SEEDS] + CLUSTERS, ids=lambda p: p.name)
def test_large_block_path_groups_as_the_small_path_on_copied_articles(folder, ruleset):
    """Each block of a cluster, its articles copied until the block is just above the threshold:
    the large path (units of one signature) groups it as complete-link over every claim does."""
    kn, params = ruleset.knowledge, AlignParams()
    small_only = replace(params, large_block=10 ** 9)
    checked = 0
    for key, block in blocks_of(_claims(folder, ruleset)):
        if key == ("title",) or len(block) < 2:
            continue
        k = math.ceil((params.large_block + 1) / len(block))
        dup = [b for dkey, b in blocks_of(_copies(block, k)) if dkey == key][0]
        assert params.large_block < len(dup) <= params.max_bucket
        large = group_block(key, dup, kn, params)
        assert {frozenset(g) for g in large} == {frozenset(g) for g in group_block(key, dup, kn, small_only)}, key
        assert len(collapse(dup, kn, params, everyone_related())) <= len(block)
        checked += 1
    assert checked


def _dedupe(verdicts) -> list:
    seen, out = set(), []
    for v in verdicts:
        key = (v.check, v.verdict, tuple(id(c) for c in v.claims), v.detail)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def _as_set(verdicts) -> set:
    return {(v.check, v.verdict, tuple(sorted(id(c) for c in v.claims)), v.detail, v.majority,
             tuple(v.outliers), v.weak) for v in verdicts}


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    """A generated corpus of one story told by 150 outlets."""
    from bench.story import write_story_corpus

    folder = tmp_path_factory.mktemp("story")
    write_story_corpus(folder, 150, seed=5)
    return folder


def _judged_facts(folder: Path, ruleset, k: int = 1):
    """(fact, context) for every fact of a folder's claims, each article copied k times."""
    articles, _, _ = api.read_inputs([folder], None, ruleset)
    claims = _copies(api.check_articles(articles, ruleset).claims, k)
    dates = {a.id: a.published for a in articles}
    published = {c.article: dates[c.article.split("~")[0]] for c in claims}
    ctx = CheckContext(ruleset.knowledge, published, {r.check: r.params for r in ruleset.rules})
    for key, block in blocks_of(claims):
        per_article = Counter(c.article for c in block)
        bctx = replace(ctx, alone=frozenset(id(c) for c in block if per_article[c.article] == 1))
        for fact in facts_of(block, group_block(key, block, ruleset.knowledge), ruleset.knowledge):
            yield fact, bctx


def test_large_facts_judged_through_representatives_get_the_full_verdicts(story, ruleset):
    large = 0
    for folder, k in ((story, 1), (DATA / "quake", 20), (DATA / "chinatrade", 20), (SEEDS, 12)):
        for fact, ctx in _judged_facts(folder, ruleset, k):
            full = _dedupe(JUDGES[fact.type](fact, ctx))
            assert _as_set(judge_large(fact, ctx)) == _as_set(full), fact.label
            large += len(fact.claims) > 64
    assert large >= 5


def test_collapse_keeps_every_claim_once_and_groups_the_same_words(story, ruleset):
    claims = _claims(story, ruleset)
    kn, params = ruleset.knowledge, AlignParams()
    for key, block in blocks_of(claims):
        if key == ("title",) or len(block) <= params.large_block:
            continue
        units = collapse(block, kn, params, everyone_related())
        members = sorted(i for u in units for i in u.members)
        assert members == list(range(len(block)))
        assert len(units) < len(block) / 4
        for u in units:
            assert len({(c.context, repr(c.value), c.mods) for c in (block[i] for i in u.members)}) == 1


def test_a_split_block_is_judged_as_the_whole_block(story, ruleset):
    articles, _, _ = api.read_inputs([story], None, ruleset)
    articles = sorted(articles, key=lambda a: a.id)
    ctx = CheckContext(ruleset.knowledge, {a.id: a.published for a in articles},
                       {r.check: r.params for r in ruleset.rules})
    shared = pipeline.Shared(ruleset.knowledge, ctx)
    engine = LocalEngine(1)
    extraction = pipeline.extract(articles, engine, shared)
    stories = Stories(extraction.story_words)
    shared = replace(shared, stories=stories, ctx=replace(ctx, common_names=stories.common))
    pipeline.set_shared(shared)
    split = 0
    for key, block in blocks_of([c for batch in extraction.claims for c in batch]):
        groups, verdicts = pipeline.block_job((key, block, None))
        for limit in (1, 60):
            assert pipeline.judge_split(block, groups, engine, shared, limit) == (groups, verdicts)
        split += len(pipeline.fact_chunks(block, groups, 1)) > 1
    assert split


def test_a_fact_of_many_sources_is_summarised_by_value_in_the_report(story, tmp_path):
    report = api.run([story], tmp_path, rules_dirs=[RULES])
    big = [f for f in report.findings if len(f.claims) > markdown.MAX_ROWS]
    assert big
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    data = json.loads((tmp_path / "conflicts.json").read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in data["conflicts"]}
    for f in big:
        section = text.split(f'<a id="{f.id.lower()}"></a>')[1].split('<a id="')[0].split("\n## ")[0]
        values = {(claim_value(c), claim_resolved(c)) for c in f.claims}
        rows = [line for line in section.splitlines() if line.startswith("| ") and "Value" not in line]
        assert len(rows) <= markdown.QUOTES_PER_VALUE * len(values) < len(f.claims)
        assert f"{len(f.claims):,} claims from" in section
        assert len(by_id[f.id]["claims"]) == len(f.claims)


def test_the_story_corpus_is_deterministic_and_its_gold_is_found(tmp_path):
    from bench.story import write_story_corpus
    from factcheck.evaluate import score

    gold = write_story_corpus(tmp_path / "a", 120, seed=9)
    assert gold == write_story_corpus(tmp_path / "b", 120, seed=9)
    names = sorted(p.name for p in (tmp_path / "a").glob("*.txt"))
    assert len(names) == 120
    assert all((tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes() for n in names)
    api.run([tmp_path / "a"], tmp_path / "out", rules_dirs=[RULES])
    result = score(json.loads((tmp_path / "out" / "conflicts.json").read_text(encoding="utf-8")), gold)
    assert len(gold["conflicts"]) >= 16 and result.recall == 1.0
    assert result.trap_hits == [] and result.unmatched == []


CELLS = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12).map(
    lambda t: " ".join(t.split()))


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4).flatmap(lambda n: st.tuples(st.lists(CELLS, min_size=n, max_size=n),
                                                     st.lists(st.lists(CELLS, min_size=n, max_size=n), max_size=5))))
def test_markdown_tables_are_written_as_tabulate_writes_them(table):
    headers, rows = table
    assert markdown._table(rows, headers) == tabulate(rows, headers=headers, tablefmt="github",
                                                      disable_numparse=True)


def test_claims_csv_is_what_pandas_wrote(ruleset, tmp_path):
    report = api.run([SEEDS, DATA / "chinatrade"], None, rules_dirs=[RULES])
    assert csvout.render(report) == csvout.frame(report).to_csv(index=False, lineterminator="\n")
