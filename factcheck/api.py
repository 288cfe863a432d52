"""The library behind the CLI: read articles, extract, align, check, report."""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import articles as articles_mod
from .align import align
from .checks import CheckContext, judge_facts
from .claims import extract_claims, people_named
from .config import Config, load_config
from .rules import RuleSet, load_ruleset
from .types import Article, Claim, Finding, Skipped
from .yamlio import RuleError, load_yaml

EXIT_OK, EXIT_CONFLICTS, EXIT_ERROR = 0, 1, 2
DEFAULT_FORMATS = ("md", "json", "csv")
ALL_FORMATS = ("md", "json", "csv", "claimreview", "html")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class UsageError(Exception):
    """The command itself is wrong (a bad option, no input at all); exit code 2."""


@dataclass
class Report:
    """Everything one run found: articles, claims, conflicts, agreements and what was skipped."""

    articles: list[Article]
    claims: list[Claim]
    findings: list[Finding]
    agreements: list[Finding]
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    facts: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    store_notes: list[str] = field(default_factory=list)

    def exit_code(self, min_severity: str = "info") -> int:
        """0 when no conflict at or above min_severity, 1 when there is one, 2 when nothing was checked."""
        if not self.articles:
            return EXIT_ERROR
        floor = SEVERITY_RANK.get(min_severity, 0)
        if any(SEVERITY_RANK.get(f.severity, 1) >= floor for f in self.findings):
            return EXIT_CONFLICTS
        return EXIT_OK


def default_rules_dir() -> Path:
    """The built-in rule folder: ./rules when present, else the one shipped beside the package."""
    here = Path("rules")
    if (here / "knowledge").is_dir():
        return here
    return Path(__file__).resolve().parent.parent / "rules"


def collect_inputs(inputs: list[Path]) -> tuple[list[Path], list[Skipped]]:
    """Article files named by the inputs (files or folders, not following directory links)."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    for item in inputs:
        if not item.exists():
            skipped.append(Skipped(str(item), "no such file or folder"))
        elif item.is_dir():
            found = []
            for root, dirs, names in os.walk(item, followlinks=False):
                dirs.sort()
                for name in sorted(names):
                    path = Path(root) / name
                    if path.suffix.lower() in articles_mod.ARTICLE_SUFFIXES:
                        found.append(path)
            files.extend(found)
        else:
            files.append(item)
    unique = sorted(set(files), key=lambda p: (p.name, str(p)))
    return unique, skipped


def read_sources(paths: list[Path]) -> tuple[dict[str, articles_mod.SourceInfo], list[Skipped], list[str]]:
    """Publication dates and outlets from sources.yaml files; problems are reported, not fatal."""
    info: dict[str, articles_mod.SourceInfo] = {}
    skipped: list[Skipped] = []
    notes: list[str] = []
    for path in paths:
        try:
            data = load_yaml(path)
        except RuleError as exc:
            skipped.append(Skipped(str(path), f"sources file unusable: {exc.detail} (line {exc.line})"))
            continue
        if not isinstance(data, dict):
            skipped.append(Skipped(str(path), "sources file unusable: expected a mapping of file name to outlet/published"))
            continue
        for name, entry in sorted(data.items(), key=lambda kv: str(kv[0])):
            entry = entry if isinstance(entry, dict) else {}
            published = entry.get("published")
            if published is not None and not isinstance(published, date):
                try:
                    published = date.fromisoformat(str(published))
                except ValueError:
                    notes.append(f"{path.name}: '{published}' for {name} is not a date (YYYY-MM-DD); ignored")
                    published = None
            outlet = entry.get("outlet")
            info[str(name)] = articles_mod.SourceInfo(str(outlet) if outlet else None, published)
    return info, skipped, notes


def _article_id(path: Path, taken: set[str]) -> str:
    name = path.name
    if name in taken:
        name = str(path)
    taken.add(name)
    return name


_WORKER_KN = None


def _init_worker(kn) -> None:
    global _WORKER_KN
    _WORKER_KN = kn


def _worker_people(article: Article) -> set[str]:
    try:
        return people_named(article, _WORKER_KN)
    except Exception:  # noqa: BLE001 - the claims pass reports the article
        return set()


def _worker_claims(job: tuple[Article, frozenset[str]]) -> list[Claim] | str:
    """Claims of one article, or the one-line reason it could not be read (never an exception)."""
    article, people = job
    try:
        return extract_claims(article, _WORKER_KN, people)
    except Exception as exc:  # noqa: BLE001 - one bad article never stops the run
        return f"extraction failed: {type(exc).__name__}: {exc}"


def _pool_map(fn, items: list, jobs: int, kn, engine: str = "local", scheduler: str | None = None) -> list:
    """fn over items: on a Dask cluster, or in a process pool when it pays (results in input order)."""
    if engine == "dask":
        from .engines import dask_map

        return dask_map(fn.__name__, items, kn, scheduler)
    if jobs <= 1 or len(items) < 2 * jobs:
        _init_worker(kn)
        return [fn(x) for x in items]
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(items) // (jobs * 8))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(kn,)) as pool:
        return list(pool.map(fn, items, chunksize=chunk))


def extract_all(articles: list[Article], kn, jobs: int = 1, store=None, version: str = "",
                engine: str = "local", scheduler: str | None = None,
                failed_out: list[Skipped] | None = None) -> list[Claim]:
    """Claims of all articles: from the store when cached, else extracted (in a process pool when
    jobs > 1). The result is the same whatever the jobs and whatever the store holds."""
    from .store import article_key

    none: frozenset[str] = frozenset()
    name_keys = [article_key(a, none, version) for a in articles]
    named = [store.get_names(k) if store else None for k in name_keys]
    todo = [i for i, n in enumerate(named) if n is None]
    for i, found in zip(todo, _pool_map(_worker_people, [articles[i] for i in todo], jobs, kn, engine, scheduler)):
        named[i] = found
    if store and todo:
        store.put_names([(name_keys[i], named[i]) for i in todo])
    people = frozenset(set().union(*named)) if named else none
    keys = [article_key(a, people, version) for a in articles]
    cached = [store.get(k) if store else None for k in keys]
    todo = [i for i, c in enumerate(cached) if c is None]
    fresh = _pool_map(_worker_claims, [(articles[i], people) for i in todo], jobs, kn, engine, scheduler)
    failed = []
    for i, claims in zip(todo, fresh):
        if isinstance(claims, str):
            failed.append(Skipped(articles[i].id, claims))
            claims = []
        cached[i] = claims
    if store and todo:
        store.put_many([(keys[i], cached[i]) for i in todo if not any(f.path == articles[i].id for f in failed)])
    if failed_out is not None:
        failed_out.extend(failed)
    return [c for batch in cached for c in batch]


def check_articles(articles: list[Article], ruleset: RuleSet, skipped: list[Skipped] | None = None,
                   notes: list[str] | None = None, jobs: int = 1, store=None, version: str = "",
                   engine: str = "local", scheduler: str | None = None) -> Report:
    """Extract, align and check already-read articles."""
    kn = ruleset.knowledge
    articles = sorted(articles, key=lambda a: a.id)
    clock = time.perf_counter()
    skipped = list(skipped or [])
    claims = extract_all(articles, kn, jobs, store, version, engine, scheduler, failed_out=skipped)
    timings = {"extract": time.perf_counter() - clock}
    clock = time.perf_counter()
    facts = align(claims, kn)
    timings["align"] = time.perf_counter() - clock
    clock = time.perf_counter()
    rules = ruleset.by_check()
    ctx = CheckContext(kn, {a.id: a.published for a in articles}, {r.check: r.params for r in ruleset.rules})
    findings, agreements = [], []
    for fact, verdict in judge_facts(facts, ctx):
        rule = rules.get(verdict.check)
        if rule is None:
            continue
        finding = Finding(code=rule.code, kind=rule.kind, verdict=verdict.verdict, subject=fact.label,
                          attribute=_attribute(fact), message="", claims=sorted(verdict.claims, key=lambda c: c.key),
                          severity=rule.severity if verdict.verdict != "agreement" else "info",
                          majority=verdict.majority, outliers=verdict.outliers)
        finding.message = rule.render(subject=fact.label, detail=verdict.detail, majority=verdict.majority or "",
                                      outliers=", ".join(verdict.outliers), code=rule.code, verdict=verdict.verdict)
        finding.id = _finding_id(finding)
        (agreements if verdict.verdict == "agreement" else findings).append(finding)
    findings.sort(key=lambda f: (-SEVERITY_RANK.get(f.severity, 1), f.code, f.subject, f.claims[0].key))
    agreements.sort(key=lambda f: (f.kind, f.subject, f.claims[0].key))
    notes = list(notes or [])
    undated = sorted(a.id for a in articles if a.published is None)
    if undated:
        notes.append("no publication date for " + ", ".join(undated) +
                     ": weekdays and dates without a year in them are left unresolved")
    timings["check"] = time.perf_counter() - clock
    return Report(articles, sorted(claims, key=lambda c: c.key), findings, agreements, skipped, notes,
                  facts=sum(1 for f in facts if len({c.article for c in f.claims}) >= 2), timings=timings)


def _attribute(fact) -> str:
    return {"title": "office", "date": "date"}.get(fact.type, fact.type)


def _finding_id(finding: Finding) -> str:
    basis = finding.code + "|" + "|".join(f"{c.article}:{c.start}:{c.end}" for c in finding.claims)
    return f"{finding.code}-{hashlib.sha1(basis.encode()).hexdigest()[:8]}"


def check_texts(texts: list[tuple[str, str, date | None]], ruleset: RuleSet) -> Report:
    """Check articles given as (id, text, publication date) — the library entry for tests and notebooks."""
    arts = []
    skipped = []
    for article_id, text, published in texts:
        try:
            arts.append(articles_mod.parse_article(text, article_id, articles_mod.SourceInfo(None, published),
                                                   ruleset.knowledge))
        except articles_mod.InputError as exc:
            skipped.append(Skipped(article_id, str(exc)))
    return check_articles(arts, ruleset, skipped)


def load_rules_for(rules_dirs: list[Path] | None, config: Config, select: list[str] | None = None,
                   ignore: list[str] | None = None) -> RuleSet:
    """The rule set a run uses: built-in rules, then config and CLI folders, filtered by select/ignore."""
    folders = list(rules_dirs or [default_rules_dir()]) + [Path(p) for p in config.rules]
    return load_ruleset(folders, select or config.select, ignore if ignore is not None else config.ignore,
                        config.extend_select, config.severity)


def read_inputs(inputs: list[Path], sources: Path | None, ruleset: RuleSet,
                max_bytes: int = articles_mod.MAX_BYTES) -> tuple[list[Article], list[Skipped], list[str]]:
    """Read every article the inputs name, with sources.yaml metadata; bad files are skipped with a reason."""
    files, skipped = collect_inputs(inputs)
    source_files = [sources] if sources else sorted({p.parent / "sources.yaml" for p in files
                                                     if (p.parent / "sources.yaml").is_file()})
    notes: list[str] = []
    if sources and not sources.is_file():
        skipped.append(Skipped(str(sources), "sources file not found"))
        source_files = []
    info, bad_sources, source_notes = read_sources(source_files)
    skipped += bad_sources
    notes += source_notes
    if not source_files:
        notes.append("no sources.yaml found: outlets and publication dates unknown")
    names = {p.name for p in files}
    for name in sorted(info):
        if name not in names:
            notes.append(f"sources.yaml names {name}, which is not among the inputs")
    arts: list[Article] = []
    taken: set[str] = set()
    for path in files:
        article_id = _article_id(path, taken)
        try:
            arts.append(articles_mod.read_article(path, article_id, info.get(path.name, articles_mod.SourceInfo()),
                                                  ruleset.knowledge, max_bytes))
        except articles_mod.InputError as exc:
            skipped.append(Skipped(str(path), str(exc)))
        except Exception as exc:  # noqa: BLE001 - one bad article never stops the run
            skipped.append(Skipped(str(path), f"could not be read: {type(exc).__name__}: {exc}"))
    return arts, skipped, notes


def run(inputs: list[Path], out: Path | None = Path("reports"), sources: Path | None = None,
        rules_dirs: list[Path] | None = None, formats: tuple[str, ...] = DEFAULT_FORMATS,
        select: list[str] | None = None, ignore: list[str] | None = None,
        config: Config | None = None, jobs: int = 1, store_path: Path | None = None,
        engine: str = "local", scheduler: str | None = None, progress=None) -> Report:
    """The whole job: read inputs, check them, write the reports; returns the Report.

    ``progress(stage)`` is called as each stage starts (the CLI shows it on a terminal).

    With ``store_path``, claims are cached in an SQLite store and only new or changed articles
    are extracted again; problems with the store are reported in the run's notes on stderr only.
    """
    from .report import write_reports
    from .store import ClaimStore, extractor_version

    config = config or load_config(Path.cwd())
    ruleset = load_rules_for(rules_dirs, config, select, ignore)
    say = progress or (lambda stage: None)
    say("reading articles")
    clock = time.perf_counter()
    arts, skipped, notes = read_inputs(inputs, sources, ruleset)
    read_time = time.perf_counter() - clock
    say(f"extracting, aligning and checking {len(arts)} articles")
    folders = list(rules_dirs or [default_rules_dir()]) + [Path(p) for p in config.rules]
    store = ClaimStore(store_path) if store_path else None
    try:
        report = check_articles(arts, ruleset, skipped, notes, jobs=jobs, store=store,
                                version=extractor_version(folders) if store else "", engine=engine,
                                scheduler=scheduler)
    finally:
        if store:
            store.close()
    report.timings = {"read": read_time, **report.timings}
    if store:
        report.store_notes = store.notes + [f"claim store: {store.hits} cached, {store.misses} extracted"]
    if out is not None:
        say("writing reports")
        clock = time.perf_counter()
        write_reports(report, out, formats, ruleset)
        report.timings["report"] = time.perf_counter() - clock
    return report


def example_holds(rule, example, ruleset: RuleSet) -> tuple[bool, Report]:
    """Run one rule example; True when the rule fires on a 'conflict' case and stays silent on an 'ok' one."""
    texts = []
    for i, (text, published) in enumerate(example.articles):
        day = date.fromisoformat(published) if published else None
        texts.append((f"example-{i + 1}.txt", text, day))
    report = check_texts(texts, ruleset)
    fired = any(f.code == rule.code for f in report.findings)
    return fired == (example.expect == "conflict"), report


def validate_rules(folder: Path) -> int:
    """Validate a rule folder: every file parses and every example holds. Returns the rule count."""
    from .rules import load_rules

    ruleset = load_ruleset([default_rules_dir(), folder] if Path(folder).resolve() != default_rules_dir().resolve()
                           else [folder])
    own = load_rules([folder])
    for rule in own:
        for example in rule.examples:
            ok, _ = example_holds(rule, example, ruleset)
            if not ok:
                raise RuleError(rule.path, example.line,
                                f"example ({example.expect}) does not hold: the rule "
                                f"{'did not fire' if example.expect == 'conflict' else 'fired'}")
    return len(own)


def explain_rule(rule) -> str:
    """A rule's explanation and examples as plain text (for `factcheck rule CODE`)."""
    lines = [f"{rule.code} {rule.name}", f"kind: {rule.kind}   verdict: {rule.verdict}   severity: {rule.severity}",
             f"file: {rule.path}", "", rule.explanation, "", f"message: {rule.message}"]
    if rule.params:
        lines += ["", "parameters:"] + [f"  {k}: {v}" for k, v in sorted(rule.params.items())]
    for expect in ("conflict", "ok"):
        lines += ["", f"{'flags' if expect == 'conflict' else 'does not flag'}:"]
        for ex in rule.examples:
            if ex.expect != expect:
                continue
            for text, published in ex.articles:
                lines.append(f"  [{published or 'no date'}] {text.strip()}")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def list_claims(inputs: list[Path], sources: Path | None = None, rules_dirs: list[Path] | None = None) -> list[dict]:
    """Claims extracted from some articles, as rows (source, line, type, value, resolved, text)."""
    from .report.common import claim_resolved, claim_value

    ruleset = load_rules_for(rules_dirs, load_config(Path.cwd()))
    arts, skipped, _ = read_inputs(inputs, sources, ruleset)
    if not arts:
        raise UsageError("no article could be read: " + "; ".join(f"{s.path}: {s.reason}" for s in skipped))
    report = check_articles(arts, ruleset, skipped)
    return [{"source": c.article, "line": c.line, "start": c.start, "end": c.end, "type": c.type,
             "value": claim_value(c), "resolved": claim_resolved(c), "text": c.text} for c in report.claims]


def show_conflict(out: Path, conflict_id: str) -> str:
    """One conflict of the last report in `out`, as text for a terminal."""
    import json

    path = Path(out) / "conflicts.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"no readable report at {path}: {exc}") from None
    matches = [c for c in data.get("conflicts", []) if c["id"].lower().startswith(conflict_id.lower())]
    if len(matches) != 1:
        raise UsageError(f"{len(matches)} conflicts match '{conflict_id}' in {path}")
    c = matches[0]
    lines = [f"{c['id']}  {c['verdict']}  ({c['code']}, {c['severity']})", c["message"], ""]
    for cl in c["claims"]:
        mark = "  <- outlier" if cl["source"] in c.get("outliers", []) else ""
        lines.append(f"  {cl['source']}:{cl['line']} [{cl['start']}-{cl['end']}] {cl['text']!r} = {cl['resolved']}{mark}")
    return "\n".join(lines)
