"""Running a check: read the inputs, extract, align and check on an engine (with the claim store
when there is one), turn verdicts into a Report, write the reports; and the run cache, which
writes an unchanged run's reports again without checking anything."""
from __future__ import annotations

import hashlib
import time
from datetime import date
from pathlib import Path

from . import articles as articles_mod
from . import progress as progress_mod
from . import report as report_mod
from .checks import CheckContext
from .config import Config, load_config
from .engines import make_engine
from .errors import UsageError
from .inputs import collect_inputs, expand_stdin, read_inputs, source_places
from .knowledge import Knowledge
from .options import DEFAULT_FORMATS, forced_language, generator_info, load_rules_for, parse_severity, rule_folders
from .pipeline import Shared, align_and_check, extract
from .report.common import claim_resolved, claim_value
from .reportfiles import load_baseline
from .results import CachedReport, Report, apply_baseline, findings_of
from .rules import RuleSet
from .store import ClaimStore, aligner_version, extractor_version, run_key, run_version
from .types import Article, Claim, Skipped


def run(inputs: list[Path], out: Path | None = Path("reports"), sources: Path | None = None,
        rules_dirs: list[Path] | None = None, formats: tuple[str, ...] = DEFAULT_FORMATS,
        select: list[str] | None = None, ignore: list[str] | None = None,
        config: Config | None = None, jobs: int = 1, store_path: Path | None = None,
        engine: str = "local", scheduler: str | None = None,
        progress: progress_mod.ProgressFn | None = None, reuse_reports: bool = True, stdin=None,
        baseline: Path | None = None, lang: str | None = None) -> Report:
    """The whole job: read inputs, check them, write the reports; returns the Report.

    Inputs are files, folders or glob patterns (see collect_inputs); ``-`` stands for the paths
    listed on ``stdin`` (default: sys.stdin). ``config.min_severity`` is the run's threshold for
    exit 1 (recorded with the other options in the report's ``generator`` header).

    ``progress(stage, done, total)`` is told how far each stage is (the CLI shows it on a
    terminal): articles read, names found, claims extracted, blocks aligned, with ``total``
    None for a stage without a count (see factcheck.progress).

    With ``store_path``, claims are cached in an SQLite store and only new or changed articles
    are extracted again; problems with the store are reported in the run's notes on stderr only.
    When every input file, the rules, the formats and the code are those of an earlier run kept
    in the store, its reports are written again as they were and a CachedReport is returned
    (``reuse_reports=False`` always runs the whole job).

    ``baseline`` names a baseline file (or an earlier conflicts.json): the conflicts it lists are
    reported as suppressed, not as conflicts, and do not set exit 1. It is read before anything
    else; a missing or broken one is a UsageError and no report is written.
    """
    base = load_baseline(baseline) if baseline is not None else None
    inputs = expand_stdin(inputs, stdin)
    config = config or load_config(Path.cwd())
    parse_severity(config.min_severity, "min-severity")
    ruleset = load_rules_for(rules_dirs, config, select, ignore)
    folders = rule_folders(rules_dirs, config)
    lang = forced_language(lang, ruleset)
    header = generator_info(ruleset, config, formats, select, ignore, base, lang)
    store = ClaimStore(store_path) if store_path else None
    try:
        key = None
        if store and reuse_reports and out is not None:
            clock = time.perf_counter()
            key = _run_key(inputs, sources, formats, ruleset, folders, header)
            earlier = store.get_run(key)
            if earlier is not None:
                return _reuse(earlier, out, header, store, clock, progress, lambda: run(
                    inputs, None, sources, rules_dirs, formats, select, ignore, config, jobs, store_path,
                    engine, scheduler, reuse_reports=False, baseline=baseline, lang=lang))
        report = _read_and_check(inputs, sources, ruleset, folders, store, jobs, engine, scheduler, progress, lang)
        report.generator = header
        if base is not None:
            apply_baseline(report, base)
        _write(report, out, formats, ruleset, progress, store, key)
        if store:
            report.store_notes = store.notes + [store.summary()]
    finally:
        if store:
            store.close()
    return report


def _read_and_check(inputs: list[Path], sources: Path | None, ruleset: RuleSet, folders: list[Path],
                    store: ClaimStore | None, jobs: int, engine: str, scheduler: str | None,
                    progress: progress_mod.ProgressFn | None, lang: str | None) -> Report:
    """The Report of the inputs, read and checked (the store keyed by the code of the rule folders)."""
    version = extractor_version(folders) if store else ""
    clock = time.perf_counter()
    arts, skipped, notes = read_inputs(inputs, sources, ruleset, store=store, version=version, progress=progress,
                                       lang=lang)
    read_time = time.perf_counter() - clock
    report = check_articles(arts, ruleset, skipped, notes, jobs=jobs, store=store, version=version,
                            engine=engine, scheduler=scheduler,
                            align_version=aligner_version(folders) if store else "", progress=progress)
    report.timings = {"read": read_time, **report.timings}
    return report


def _write(report: Report, out: Path | None, formats: tuple[str, ...], ruleset: RuleSet,
           progress: progress_mod.ProgressFn | None, store: ClaimStore | None, key: str | None) -> None:
    """Write the reports into ``out`` (unless it is None or nothing could be checked); with the
    run's ``key``, keep them in the store for an unchanged rerun."""
    if out is None:
        return
    if not report.articles:
        report.notes.append(f"nothing could be checked: the reports in {out} are left as they were")
        return
    progress_mod.announce(progress, progress_mod.WRITE)
    clock = time.perf_counter()
    rendered = report_mod.render_reports(report, formats, ruleset)
    report_mod.write_rendered(out, rendered)
    if key is not None:
        store.put_run(key, report.summary(), rendered)
    report.timings["report"] = time.perf_counter() - clock


def _reuse(earlier: tuple[dict, dict[str, str]], out: Path, header: dict, store: ClaimStore, clock: float,
           progress: progress_mod.ProgressFn | None, rebuild) -> Report:
    """Write the reports of an earlier, identical run (its summary and rendered files) into ``out``
    again; its CachedReport, whose articles and findings ``rebuild`` makes when asked for."""
    summary, outputs = earlier
    progress_mod.announce(progress, progress_mod.REUSE)
    read_time = time.perf_counter() - clock
    report_mod.write_rendered(out, outputs)
    report = CachedReport(summary, rebuild)
    report.generator = header
    report.timings = {"read": read_time, "report": time.perf_counter() - clock - read_time}
    report.store_notes = store.notes + [store.summary()]
    return report


def _run_key(inputs: list[Path], sources: Path | None, formats, ruleset: RuleSet, folders: list[Path],
             header: dict) -> str:
    """What a run's reports depend on: each input file's bytes (or why it cannot be read), the
    sources files, the rules in force, the formats, the code and rule files, and the report header
    (version and options)."""
    files, missing = collect_inputs(inputs)
    source_files = [sources] if sources else source_places(inputs, files)
    entries = [(s.path, "missing") for s in missing]
    for path in files + source_files:
        try:
            content = hashlib.sha256(articles_mod.read_bytes(path)).hexdigest()
        except articles_mod.InputError as exc:
            content = f"unreadable: {exc}"
        entries.append((str(path), content))
    settings = repr((sorted(formats), str(sources), ruleset.rules, header))
    return run_key(run_version(folders), entries, settings)


def extract_all(articles: list[Article], kn, jobs: int = 1, store=None, version: str = "",
                engine: str = "local", scheduler: str | None = None,
                failed_out: list[Skipped] | None = None) -> list[Claim]:
    """Claims of all articles: from the store when cached, else extracted (in a process pool when
    jobs > 1, or on Dask). The result is the same whatever the jobs and whatever the store holds."""
    runner = make_engine(engine, jobs, scheduler)
    try:
        extraction = extract(articles, runner, Shared(kn), store, version)
    finally:
        runner.close()
    if failed_out is not None:
        failed_out.extend(extraction.failed)
    return [c for batch in extraction.claims for c in batch]


def check_articles(articles: list[Article], ruleset: RuleSet, skipped: list[Skipped] | None = None,
                   notes: list[str] | None = None, jobs: int = 1, store=None, version: str = "",
                   engine: str = "local", scheduler: str | None = None, align_version: str = "",
                   progress: progress_mod.ProgressFn | None = None) -> Report:
    """Extract, align and check already-read articles.

    ``store`` (a ClaimStore) caches claims under ``version`` and block groupings under
    ``align_version``; ``engine`` and ``jobs`` say where the work runs. None of them changes the result.
    ``progress(stage, done, total)`` is told how far extraction and alignment are.
    """
    kn = ruleset.knowledge
    articles = sorted(articles, key=lambda a: a.id)
    profiles = ruleset.profiles()
    ctx = CheckContext(kn, {a.id: a.published for a in articles}, profiles[0].params, profiles=profiles)
    shared = Shared(kn, ctx)
    runner = make_engine(engine, jobs, scheduler)
    skipped = list(skipped or [])
    try:
        clock = time.perf_counter()
        extraction = extract(articles, runner, shared, store, version, progress)
        skipped += extraction.failed
        timings = {"extract": time.perf_counter() - clock}
        clock = time.perf_counter()
        facts, judged = align_and_check(extraction, articles, runner, shared, store, align_version, progress)
        timings["align"] = time.perf_counter() - clock
    finally:
        runner.close()
    clock = time.perf_counter()
    findings, agreements, possible = findings_of(judged, ruleset.rules)
    notes, warnings = _article_notes(articles, kn, notes)
    timings["check"] = time.perf_counter() - clock
    claims = sorted((c for batch in extraction.claims for c in batch), key=lambda c: c.key)
    return Report(articles, claims, findings, agreements, skipped, notes, possible=possible, warnings=warnings,
                  facts=sum(1 for f in facts if len({c.article for c in f.claims}) >= 2), timings=timings)


def _article_notes(articles: list[Article], kn: Knowledge, notes: list[str] | None) -> tuple[list[str], list[str]]:
    """The run's notes (``notes`` first) with those on the articles: encodings, missing
    publication dates, languages without a pack; and the warnings among them."""
    notes = list(notes or [])
    encodings, warnings = encoding_notes(articles)
    notes += encodings
    undated = sorted(a.id for a in articles if a.published is None)
    if undated:
        notes.append("no publication date for " + ", ".join(undated) +
                     ": weekdays and dates without a year in them are left unresolved")
    unread = sorted(f"{a.id} ({a.lang})" for a in articles if a.lang not in kn.languages)
    if unread:
        notes.append("no language pack for " + ", ".join(unread) + ": read as English, whose number forms they may not share")
    return notes, warnings


def encoding_notes(articles: list[Article]) -> tuple[list[str], list[str]]:
    """Notes naming the encoding of each article not read as UTF-8, and the warnings among them
    (an encoding that was a weak guess, whose quotes may be misread)."""
    notes, warnings = [], []
    for a in sorted(articles, key=lambda a: a.id):
        if a.encoding in (None, "utf-8"):
            continue
        if a.encoding_doubt:
            note = (f"{a.id}: not UTF-8; read as {a.encoding}, a weak guess ({a.encoding_doubt}): "
                    "check its quotes, or save it as UTF-8")
            warnings.append(note)
        else:
            note = f"{a.id}: not UTF-8; read as {a.encoding}"
        notes.append(note)
    return notes, warnings


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


def list_claims(inputs: list[Path], sources: Path | None = None, rules_dirs: list[Path] | None = None,
                skipped_out: list[Skipped] | None = None, warnings_out: list[str] | None = None,
                stdin=None, lang: str | None = None) -> list[dict]:
    """Claims extracted from some articles, as rows (source, line, type, value, resolved, text).

    Inputs are as for run (``-`` reads paths from ``stdin``). Inputs that could not be read are
    appended to ``skipped_out`` when it is given, and warnings about the inputs (an encoding that
    was a weak guess) to ``warnings_out``."""
    ruleset = load_rules_for(rules_dirs, load_config(Path.cwd()))
    arts, skipped, _ = read_inputs(expand_stdin(inputs, stdin), sources, ruleset,
                                   lang=forced_language(lang, ruleset))
    if not arts:
        raise UsageError("no article could be read: " + "; ".join(f"{s.path}: {s.reason}" for s in skipped))
    report = check_articles(arts, ruleset, skipped)
    if skipped_out is not None:
        skipped_out.extend(report.skipped)
    if warnings_out is not None:
        warnings_out.extend(report.warnings)
    return [{"source": c.article, "line": c.line, "start": c.start, "end": c.end, "type": c.type,
             "value": claim_value(c), "resolved": claim_resolved(c), "text": c.text, "lang": c.lang}
            for c in report.claims]
