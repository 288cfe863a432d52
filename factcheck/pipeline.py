"""The stages after reading, as jobs an engine can run anywhere: people, claims, blocks.

- people: the names each article gives a title to (first pass, shared by the run);
- claims: each article's claims, knowing the run's titled people;
- blocks: each alignment block grouped into facts and judged by the checks; a block of more
  than SPLIT_CLAIMS claims is grouped as one job and its facts judged in several.

Jobs read what they share (knowledge, check context) from ``set_shared``, which an engine
calls once per worker. With a store, every stage reuses what an earlier run computed from
the same content, so a re-run only works on what changed.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .align import AlignParams, blocks_of, facts_of, group_block, sole_in_article, sort_facts, why_same_fact
from .align.undated import reference_year, undated_years_read
from .checks import CheckContext, Verdict, judge_facts
from .checks.base import stated_values, told_together
from .claims import extract_claims, first_pass, people_by_word, people_used
from .knowledge import Knowledge
from .progress import ALIGN, EXTRACT, NAMES, ProgressFn, Stage
from .store import article_key, claims_key, group_key
from .stories import Stories, everyone_related
from .types import Article, Claim, Fact, Skipped


@dataclass
class Shared:
    """What every job needs, sent once to each worker."""

    kn: Knowledge
    ctx: CheckContext | None = None
    align: AlignParams = field(default_factory=AlignParams)
    stories: Stories = field(default_factory=everyone_related)


_SHARED: Shared | None = None


def set_shared(shared: Shared) -> None:
    """Make ``shared`` what jobs in this process use."""
    global _SHARED
    _SHARED = shared


def people_job(article: Article) -> tuple[set[str], set[str], set[str]] | str:
    """The names an article gives a title to, its capitalised words (where names can occur), and
    the proper names that say which story it tells; or, when reading it fails, the one-line
    reason, so that the article is reported as skipped rather than read as naming no one."""
    try:
        return first_pass(article, _SHARED.kn)
    except Exception as exc:
        return f"reading failed: {type(exc).__name__}: {exc}"


def claims_job(job: tuple[Article, frozenset[str]]) -> list[Claim] | str:
    """Claims of one article, or the one-line reason it could not be read (never an exception)."""
    article, people = job
    try:
        return extract_claims(article, _SHARED.kn, people)
    except Exception as exc:
        return f"extraction failed: {type(exc).__name__}: {exc}"


Compact = tuple[int, str, str, list[int], str, "str | None", list[str], str, list[dict], list[str], str]
"""A verdict by position: fact, check, verdict, claims, detail, majority, outliers, weak, records, why, rule."""
# Verdicts that are not conflicts: no need to say why their claims are one fact.
_NOT_CONFLICTS = ("agreement", "rounding")
SPLIT_CLAIMS = 1500
SMALL_CLAIMS = 4000
SMALL_TEXT = 250_000
"""Work below these (claims to align, characters to extract from) is not worth other processes."""


def _judged(claims: list[Claim], groups: list[list[int]], alone: set[int]) -> list[Compact]:
    """The verdicts on the facts these groups make of these claims, by position (fact, claims);
    ``alone`` holds the positions of claims that are the only one of their article in the block."""
    position = {id(c): i for i, c in enumerate(claims)}
    facts = facts_of(claims, groups, _SHARED.kn)
    index = {id(f): n for n, f in enumerate(facts)}
    ctx = replace(_SHARED.ctx, alone=frozenset(id(claims[i]) for i in alone))
    verdicts: list[Compact] = []
    for fact, v in judge_facts(facts, ctx):
        why = [] if v.verdict in _NOT_CONFLICTS or v.weak else \
            why_same_fact(v.claims, ctx.kn, ctx.common_names, ctx.alone, ctx.firm_score)
        verdicts.append((index[id(fact)], v.check, v.verdict, [position[id(c)] for c in v.claims], v.detail,
                         v.majority, list(v.outliers), v.weak, list(v.records), why, v.rule))
    return verdicts


def _alone(block: list[Claim]) -> set[int]:
    return {i for i, sole in enumerate(sole_in_article(block)) if sole}


def block_job(job: tuple[tuple, list[Claim], list[list[int]] | None]) -> tuple[list[list[int]], list[Compact]]:
    """Group one block into facts (unless the groups are known) and judge them.

    Verdicts come back by position (fact, claims in the block), not as objects, so that little
    travels back from a worker; each conflict with the reasons its claims were taken as one fact.
    """
    key, block, groups = job
    if groups is None:
        groups = group_block(key, block, _SHARED.kn, _SHARED.align, _SHARED.stories)
    return groups, _judged(block, groups, _alone(block))


def group_job(job: tuple[tuple, list[Claim]]) -> list[list[int]]:
    """How one (large) block groups into facts, without judging them."""
    key, block = job
    return group_block(key, block, _SHARED.kn, _SHARED.align, _SHARED.stories)


def facts_job(job: tuple[list[Claim], list[list[int]], set[int]]) -> list[Compact]:
    """Verdicts on some facts of a large block: their claims, their groups over those claims, and
    which of the claims are the only one of their article in the whole block."""
    return _judged(*job)


def fact_chunks(block: list[Claim], groups: list[list[int]], limit: int = SPLIT_CLAIMS) -> list[list[int]]:
    """The facts of a block (by group number, in order) in runs of at most ``limit`` claims each
    (a fact of more claims is a run by itself)."""
    chunks: list[list[int]] = []
    size = 0
    for n, g in enumerate(groups):
        if not chunks or size + len(g) > limit:
            chunks.append([])
            size = 0
        chunks[-1].append(n)
        size += len(g)
    return chunks


def _split_jobs(block: list[Claim], groups: list[list[int]], limit: int = SPLIT_CLAIMS) -> list[tuple[list[int], tuple]]:
    """For each run of facts of a large block: the block positions of its claims, and its facts_job."""
    alone = _alone(block)
    jobs = []
    for chunk in fact_chunks(block, groups, limit):
        positions = [i for n in chunk for i in groups[n]]
        local = {i: k for k, i in enumerate(positions)}
        sub_groups = [[local[i] for i in groups[n]] for n in chunk]
        jobs.append((positions, ([block[i] for i in positions], sub_groups,
                                 {local[i] for i in positions if i in alone})))
    return jobs


@dataclass
class Extraction:
    """Claims per article (in article order), their cache keys, and the articles that failed."""

    claims: list[list[Claim]]
    keys: list[str | None]
    failed: list[Skipped]
    cached: int = 0
    story_words: dict[str, set[str]] = field(default_factory=dict)


def extract(articles: list[Article], engine, shared: Shared, store=None, version: str = "",
            progress: ProgressFn | None = None) -> Extraction:
    """Claims of all articles: from the store when cached, else extracted by the engine.

    The result is the same whatever the engine and whatever the store holds. ``progress`` is told
    how many articles have gone through each of the two passes (names, then claims).
    """
    n = len(articles)
    akeys = [article_key(a, version) for a in articles] if store else [None] * n
    named = store.get_many("people", akeys) if store else [None] * n
    todo = [i for i in range(n) if named[i] is None]
    unread: dict[int, str] = {}
    stage = Stage(progress, NAMES, n)
    stage.advance(n - len(todo))
    small = sum(len(articles[i].text) for i in todo) < SMALL_TEXT
    for i, found in zip(todo, engine.map(people_job, [articles[i] for i in todo], shared, tick=stage.advance,
                                         small=small)):
        if isinstance(found, str):
            unread[i] = found
            found = (set(), set(), set())
        named[i] = found
    if store:
        store.put_many("people", [(akeys[i], named[i]) for i in todo if i not in unread])
    people = frozenset().union(*(found[0] for found in named)) if named else frozenset()
    ckeys: list[str | None] = [None] * n
    if store:
        by_word = people_by_word(people, shared.kn)
        ckeys = [None if i in unread else claims_key(akeys[i], people_used(by_word, named[i][1]))
                 for i in range(n)]
    readable = [i for i in range(n) if i not in unread]
    claims: list = [[] if i in unread else None for i in range(n)]
    if store:
        for i, found in zip(readable, store.get_many("claims", [ckeys[i] for i in readable])):
            claims[i] = found
    failed = [Skipped(articles[i].id, unread[i]) for i in sorted(unread)]
    todo = [i for i in range(n) if claims[i] is None]
    stage = Stage(progress, EXTRACT, n)
    stage.advance(n - len(todo))
    small = sum(len(articles[i].text) for i in todo) < SMALL_TEXT
    for i, found in zip(todo, engine.map(claims_job, [(articles[i], people) for i in todo], shared,
                                         tick=stage.advance, small=small)):
        if isinstance(found, str):
            failed.append(Skipped(articles[i].id, found))
            found = []
            ckeys[i] = None
        claims[i] = found
    if store:
        store.put_many("claims", [(ckeys[i], claims[i]) for i in todo if ckeys[i] is not None])
    return Extraction(claims, ckeys, failed, cached=len(readable) - len(todo),
                      story_words={a.id: found[2] for a, found in zip(articles, named)})


def judge_split(block: list[Claim], groups: list[list[int]], engine, shared: Shared,
                limit: int = SPLIT_CLAIMS) -> tuple[list[list[int]], list[Compact]]:
    """A large block's facts judged as several jobs (runs of at most ``limit`` claims), the
    verdicts put back as block_job gives them."""
    jobs = _split_jobs(block, groups, limit)
    verdicts: list[Compact] = []
    first = 0
    for (positions, job), part in zip(jobs, engine.map(facts_job, [job for _, job in jobs], shared, batch=1)):
        verdicts += [(n + first, check, verdict, [positions[i] for i in claims], detail, majority, outliers, weak,
                      records, why, rule)
                     for n, check, verdict, claims, detail, majority, outliers, weak, records, why, rule in part]
        first += len(job[1])
    return groups, verdicts


def align_and_check(extraction: Extraction, articles: list[Article], engine, shared: Shared, store=None,
                    version: str = "", progress: ProgressFn | None = None) -> tuple[list[Fact], list[tuple[Fact, Verdict]]]:
    """Facts (in report order) and the checks' verdicts on them, block by block.

    With a store, a block whose claims all come from articles seen before with the same
    content keeps its cached grouping; only the checks run again. ``progress`` is told how
    many blocks are done.
    """
    stories = Stories(extraction.story_words, shared.align.story_min, shared.align.story_min_articles)
    year = reference_year(articles)
    claims = undated_years_read([c for batch in extraction.claims for c in batch], articles, year)
    ctx = replace(shared.ctx, common_names=stories.common, together=told_together(claims),
                  stated=stated_values(claims)) if shared.ctx else None
    shared = replace(shared, stories=stories, ctx=ctx)
    key_of = {a.id: k for a, k in zip(articles, extraction.keys)}
    blocks = blocks_of(claims)
    gkeys: list[str | None] = [None] * len(blocks)
    if store:
        for b, (key, block) in enumerate(blocks):
            sources = {key_of.get(c.article) for c in block}
            if None not in sources:
                story = shared.stories.signature(sorted({c.article for c in block}))
                gkeys[b] = group_key(key, sorted(sources), version + repr(shared.align) + story + (year or ""))
    known = store.get_many("groups", [k or "" for k in gkeys]) if store else [None] * len(blocks)
    todo = [b for b in range(len(blocks)) if known[b] is None and len(blocks[b][1]) <= SPLIT_CLAIMS]
    large = [b for b in range(len(blocks)) if known[b] is None and len(blocks[b][1]) > SPLIT_CLAIMS]
    results: list = [None] * len(blocks)
    stage = Stage(progress, ALIGN, len(blocks))
    for b, result in zip(todo, engine.map(block_job, [blocks[b] + (None,) for b in todo], shared, batch=1,
                                          tick=stage.advance,
                                          small=sum(len(blocks[b][1]) for b in todo) < SMALL_CLAIMS)):
        results[b] = result
    for b, groups in zip(large, engine.map(group_job, [blocks[b] for b in large], shared, batch=1)):
        results[b] = judge_split(blocks[b][1], groups, engine, shared, SPLIT_CLAIMS)
        stage.advance()
    set_shared(shared)
    for b in range(len(blocks)):
        if results[b] is None:
            results[b] = block_job(blocks[b] + (known[b],))
            stage.advance()
    if store:
        store.put_many("groups", [(gkeys[b], results[b][0]) for b in range(len(blocks))
                                  if gkeys[b] and known[b] is None])
    facts, judged = [], []
    for (_key, block), (groups, verdicts) in zip(blocks, results):
        block_facts = facts_of(block, groups, shared.kn)
        facts += block_facts
        for n, check, verdict, positions, detail, majority, outliers, weak, records, why, rule in verdicts:
            fact = block_facts[n]
            judged.append((fact, Verdict(check, verdict, [block[i] for i in positions], detail, majority,
                                         list(outliers), weak, list(records), list(why), rule)))
    facts = sort_facts(facts)
    order = {id(f): i for i, f in enumerate(facts)}
    judged.sort(key=lambda fv: order[id(fv[0])])
    return facts, judged
