"""The library behind the CLI: read articles, extract, align, check, report."""
from __future__ import annotations

import glob
import hashlib
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import articles as articles_mod
from . import baseline as baseline_mod
from . import progress as progress_mod
from .checks import CheckContext
from .config import Config, load_config
from .languages import language_code
from .rules import RuleSet, load_rules, load_ruleset
from .types import Article, Claim, Finding, Skipped
from .yamlio import RuleError, load_yaml

EXIT_OK, EXIT_CONFLICTS, EXIT_ERROR = 0, 1, 2
DEFAULT_FORMATS = ("md", "json", "csv")
ALL_FORMATS = ("md", "json", "csv", "claimreview", "html")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
# Verdicts that say the sources agree: figures that differ only by rounding corroborate each other.
CORROBORATING = ("agreement", "rounding")
_GLOB_CHARS = frozenset("*?[")


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
    possible: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    generator: dict = field(default_factory=dict)
    suppressed: list[Finding] = field(default_factory=list)
    baseline_entries: int | None = None

    def counts(self) -> dict[str, int]:
        """How many articles, claims, conflicts (new ones: a baseline's are counted as
        suppressed), corroborated facts and suppressed conflicts the run has."""
        return {"articles": len(self.articles), "claims": len(self.claims), "conflicts": len(self.findings),
                "agreements": len(self.agreements), "suppressed": len(self.suppressed)}

    def describe(self) -> str:
        """The run in one line: '5 articles, 95 claims, 6 conflicts, 12 corroborated facts'
        (and the conflicts a baseline suppressed, when one is in force)."""
        from .report.common import plural

        counts = self.counts()
        line = (f"{plural(counts['articles'], 'article')}, {plural(counts['claims'], 'claim')}, "
                f"{plural(counts['conflicts'], 'conflict')}, {plural(counts['agreements'], 'corroborated fact')}")
        if self.baseline_entries is not None:
            line += f", {counts['suppressed']} suppressed by baseline"
        return line

    def exit_code(self, min_severity: str = "info") -> int:
        """0 when no conflict at or above min_severity, 1 when there is one, 2 when nothing was checked."""
        return _exit_code(bool(self.articles), [f.severity for f in self.findings], min_severity)

    def summary(self) -> dict:
        """What a cached copy of this run needs to answer without the articles: counts, severities,
        what was skipped and the notes (plain JSON data)."""
        return {"counts": self.counts(), "severities": sorted({f.severity for f in self.findings}),
                "skipped": [[s.path, s.reason] for s in self.skipped], "notes": list(self.notes),
                "warnings": list(self.warnings), "facts": self.facts, "baseline_entries": self.baseline_entries}


def _exit_code(checked: bool, severities: list[str], min_severity: str) -> int:
    if not checked:
        return EXIT_ERROR
    floor = SEVERITY_RANK.get(min_severity, 0)
    return EXIT_CONFLICTS if any(SEVERITY_RANK.get(s, 1) >= floor for s in severities) else EXIT_OK


class CachedReport(Report):
    """The Report of a run whose inputs, rules and code match an earlier run kept in the store.

    Counts, exit code, notes and what was skipped come from the stored summary; the articles,
    claims and findings are rebuilt (through the claim store) the first time they are used.
    """

    _LAZY = ("articles", "claims", "findings", "agreements", "possible", "suppressed")

    def __init__(self, summary: dict, rebuild):
        self._summary = summary
        self._rebuild = rebuild
        self.skipped = [Skipped(path, reason) for path, reason in summary["skipped"]]
        self.notes = list(summary["notes"])
        self.warnings = list(summary["warnings"])
        self.facts = summary["facts"]
        self.baseline_entries = summary["baseline_entries"]
        self.timings = {}
        self.store_notes = []
        self.generator = {}

    def __getattr__(self, name: str):
        if name not in CachedReport._LAZY:
            raise AttributeError(name)
        full = self._rebuild()
        for lazy in CachedReport._LAZY:
            setattr(self, lazy, getattr(full, lazy))
        return getattr(full, name)

    def counts(self) -> dict[str, int]:
        """The counts of the earlier run."""
        return dict(self._summary["counts"])

    def exit_code(self, min_severity: str = "info") -> int:
        """As Report.exit_code, from the stored severities."""
        return _exit_code(self._summary["counts"]["articles"] > 0, self._summary["severities"], min_severity)


def package_version() -> str:
    """The installed factcheck's version, from the package metadata ('0+unknown' when not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("factcheck")
    except PackageNotFoundError:
        return "0+unknown"


def parse_severity(value: str, what: str) -> str:
    """A severity threshold (error, warning or info) as given; anything else is a UsageError
    naming ``what`` (the option or key it came from)."""
    if value not in SEVERITY_RANK:
        raise UsageError(f"{what}: '{value}' is not a severity; use error, warning or info")
    return value


def generator_info(ruleset: RuleSet, config: Config, formats: tuple[str, ...] = DEFAULT_FORMATS,
                   select: list[str] | None = None, ignore: list[str] | None = None,
                   baseline: baseline_mod.Baseline | None = None, lang: str | None = None) -> dict:
    """What made a report: factcheck's version, the rule set's hash and the run's options.

    The options are the ones in force (command line over configuration), formats in their
    canonical order, so two runs asked for the same thing in another spelling say the same;
    ``baseline`` is the digest of the baseline's fingerprints (None without one), not its path.
    A forced language (``--lang``) is listed as ``lang``.
    """
    chosen, dropped = _selection(config, select, ignore)
    options = {"formats": [f for f in ALL_FORMATS if f in formats], "select": list(chosen),
               "ignore": list(dropped), "extend_select": list(config.extend_select),
               "severity": dict(sorted(config.severity.items())), "fail_on": config.min_severity,
               "baseline": baseline.digest if baseline else None}
    if lang:
        options["lang"] = lang
    return {"name": "factcheck", "version": package_version(), "rules_hash": ruleset.digest(), "options": options}


def load_baseline(path: Path) -> baseline_mod.Baseline:
    """The reviewed conflicts a baseline file (or an earlier conflicts.json) lists; a UsageError
    when it is missing, unreadable, not JSON or not a baseline."""
    try:
        return baseline_mod.load(path)
    except baseline_mod.BaselineError as exc:
        raise UsageError(str(exc)) from None


def apply_baseline(report: Report, base: baseline_mod.Baseline) -> Report:
    """Move the conflicts a baseline lists from ``report.findings`` to ``report.suppressed``
    (they no longer count for the exit code) and record how many the baseline lists."""
    kept: list[Finding] = []
    hidden: list[Finding] = []
    for f in report.findings:
        (hidden if baseline_mod.fingerprint(f) in base.fingerprints else kept).append(f)
    report.findings, report.suppressed = kept, hidden
    report.baseline_entries = len(base.fingerprints)
    return report


def write_baseline(report_path: Path, out: Path, ids: list[str] | None = None, merge: bool = False) -> int:
    """Write a baseline file ``out`` from a conflicts.json (all its conflicts, or those whose id
    starts with one of ``ids``); with ``merge``, the entries already in ``out`` are kept.
    Written atomically; returns how many conflicts the baseline lists. UsageError on bad input."""
    from .report import write_atomic

    try:
        data = baseline_mod.read_json(report_path, "report")
        keep = baseline_mod.entries_of(baseline_mod.read_json(out), out) if merge and Path(out).exists() else []
        doc = baseline_mod.document(data, report_path, ids, keep)
    except baseline_mod.BaselineError as exc:
        raise UsageError(str(exc)) from None
    write_atomic(Path(out), baseline_mod.render(doc))
    return len(doc["conflicts"])


def default_rules_dir() -> Path:
    """The built-in rule folder: ./rules when present, else the one shipped beside the package."""
    here = Path("rules")
    if (here / "knowledge").is_dir():
        return here
    return Path(__file__).resolve().parent.parent / "rules"


def collect_inputs(inputs: list[Path]) -> tuple[list[Path], list[Skipped]]:
    """Article files named by the inputs: files, folders (not following directory links) and glob
    patterns (``**`` for any depth of folders).

    A path that exists is taken as it is, even when its name holds a glob character. A pattern
    takes the article files (by suffix) and folders it matches; one that matches none is skipped
    with a reason, as a missing path is.
    """
    files: list[Path] = []
    skipped: list[Skipped] = []
    for item in inputs:
        if item.exists():
            files.extend(_article_files(item))
        elif _GLOB_CHARS.intersection(str(item)):
            matches = [Path(m) for m in sorted(glob.glob(str(item), recursive=True))]
            found = [f for m in matches if m.is_dir() or _is_article_file(m) for f in _article_files(m)]
            if found:
                files.extend(found)
            else:
                skipped.append(Skipped(str(item), "no article file matches this pattern" if matches
                                       else "no file or folder matches this pattern"))
        else:
            skipped.append(Skipped(str(item), "no such file or folder"))
    unique: dict[Path, Path] = {}
    for path in files:
        unique.setdefault(_absolute(path), path)
    return sorted(unique.values(), key=lambda p: (p.name, str(p))), skipped


def _is_article_file(path: Path) -> bool:
    return path.suffix.lower() in articles_mod.ARTICLE_SUFFIXES


def _article_files(item: Path) -> list[Path]:
    if not item.is_dir():
        return [item]
    found: list[Path] = []
    for root, dirs, names in os.walk(item, followlinks=False):
        dirs.sort()
        found.extend(Path(root) / name for name in sorted(names) if _is_article_file(Path(name)))
    return found


def expand_stdin(inputs: list[Path], stdin=None) -> list[Path]:
    """The inputs with ``-`` replaced by the paths listed on ``stdin`` (default: sys.stdin), one a
    line; blank lines are ignored. The list is read once, at the first ``-``.

    A UsageError when ``-`` was the only input and standard input lists no path.
    """
    out: list[Path] = []
    listed = None
    for item in inputs:
        if str(item) != "-":
            out.append(item)
        elif listed is None:
            stream = sys.stdin if stdin is None else stdin
            listed = [Path(line.strip()) for line in stream.read().splitlines() if line.strip()]
            out.extend(listed)
    if listed == [] and not out:
        raise UsageError("'-' reads the input paths from standard input, which lists none")
    return out


def _absolute(path: Path) -> Path:
    """The absolute, normalised form of a path ('..' and '.' resolved, links not followed)."""
    return Path(os.path.abspath(path))


def article_ids(files: list[Path]) -> dict[Path, str]:
    """The id of each article file of a run: its bare file name when no other file of the run
    has that name, else its path (with '/') relative to the folder all the run's files are in.

    Ids depend only on which files a run reads, not on the current folder or on how the inputs
    were spelled, so the same input always gives the same ids."""
    by_name = Counter(p.name for p in files)
    common = None
    if any(n > 1 for n in by_name.values()):
        try:
            common = Path(os.path.commonpath([str(_absolute(p).parent) for p in files]))
        except ValueError:  # files on different drives: their ids are absolute paths
            common = None

    def path_id(p: Path) -> str:
        return _absolute(p).relative_to(common).as_posix() if common else _absolute(p).as_posix()

    return {p: path_id(p) if by_name[p.name] > 1 else p.name for p in files}


_SOURCES_FILE = "sources.yaml"


def _input_folders(inputs: list[Path]) -> list[Path]:
    """The folders the inputs search (absolute): each input that is a folder, and for a glob
    pattern the folder its fixed part names ('corpus' for 'corpus/**/*.txt', '.' for '*.txt')."""
    folders = []
    for item in inputs:
        if not item.exists() and _GLOB_CHARS.intersection(str(item)):
            fixed = []
            for part in item.parts:
                if _GLOB_CHARS.intersection(part):
                    break
                fixed.append(part)
            item = Path(*fixed) if fixed else Path(".")
        if item.is_dir():
            folders.append(_absolute(item))
    return folders


def _source_places(inputs: list[Path], files: list[Path]) -> list[Path]:
    """Where a run looks for sources.yaml: the folder of each article and every folder between it
    and the input folder (or the fixed folder of the glob pattern) it was found in (whether or
    not a file is there)."""
    roots = _input_folders(inputs)
    places: dict[Path, Path] = {}
    for path in files:
        folder = path.parent
        while True:
            places.setdefault(_absolute(folder / _SOURCES_FILE), folder / _SOURCES_FILE)
            here = _absolute(folder)
            if not any(root in here.parents for root in roots):
                break
            folder = folder.parent
    return sorted(places.values(), key=str)


def find_sources(inputs: list[Path], files: list[Path], sources: Path | None = None) -> list[Path]:
    """The sources files of a run: ``sources`` when given, else every sources.yaml in the folder
    of an article or in a folder between it and its input folder."""
    if sources:
        return [sources]
    return [p for p in _source_places(inputs, files) if p.is_file()]


@dataclass(frozen=True)
class SourceEntry:
    """One entry of a sources file: the key as written, the file it names (absolute), and what
    it says about that file."""

    origin: Path
    key: str
    target: Path
    info: articles_mod.SourceInfo


def read_sources(paths: list[Path]) -> tuple[list[SourceEntry], list[Skipped], list[str]]:
    """Publication dates and outlets from sources.yaml files; problems are reported, not fatal.

    A key is a path relative to the folder of the sources file it is in (a bare file name is a
    file in that folder)."""
    entries: list[SourceEntry] = []
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
                    notes.append(f"{path}: '{published}' for {name} is not a date (YYYY-MM-DD); ignored")
                    published = None
            outlet = entry.get("outlet")
            entries.append(SourceEntry(path, str(name), _absolute(path.parent / str(name)),
                                       articles_mod.SourceInfo(str(outlet) if outlet else None, published,
                                                               language_code(entry.get("lang")))))
    return entries, skipped, notes


def match_sources(entries: list[SourceEntry], files: list[Path], ids: dict[Path, str],
                  explicit: bool = False) -> tuple[dict[Path, articles_mod.SourceInfo], list[str]]:
    """What the sources files say about each article file, and notes on entries that name none.

    An entry applies to the file its key names. Where two sources files name one article, the
    one in the deeper folder (nearer the article) wins. With ``explicit`` (a file given with
    --sources), a bare name that names no file beside it applies to the one input of that name,
    as it always has; when several inputs have that name it applies to none, with a note.
    """
    by_path = {_absolute(p): p for p in files}
    by_name: dict[str, list[Path]] = {}
    for p in files:
        by_name.setdefault(p.name, []).append(p)
    chosen: dict[Path, tuple[int, articles_mod.SourceInfo]] = {}
    notes: list[str] = []
    for entry in entries:
        path = by_path.get(entry.target)
        bare = "/" not in entry.key and os.sep not in entry.key
        if path is None and explicit and bare and len(by_name.get(entry.key, [])) > 1:
            notes.append(f"{entry.origin}: {entry.key} could be any of "
                         f"{', '.join(sorted(ids[p] for p in by_name[entry.key]))}; "
                         "write its path relative to the sources file's folder (ignored)")
            continue
        if path is None and explicit and bare and by_name.get(entry.key):
            path = by_name[entry.key][0]
        if path is None:
            notes.append(f"{entry.origin}: names {entry.key}, which is not among the inputs")
            continue
        depth = len(_absolute(entry.origin).parent.parts)
        if path not in chosen or depth > chosen[path][0]:
            chosen[path] = (depth, entry.info)
    return {p: info for p, (_, info) in chosen.items()}, notes


def extract_all(articles: list[Article], kn, jobs: int = 1, store=None, version: str = "",
                engine: str = "local", scheduler: str | None = None,
                failed_out: list[Skipped] | None = None) -> list[Claim]:
    """Claims of all articles: from the store when cached, else extracted (in a process pool when
    jobs > 1, or on Dask). The result is the same whatever the jobs and whatever the store holds."""
    from .engines import make_engine
    from .pipeline import Shared, extract

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
    from .engines import make_engine
    from .pipeline import Shared, align_and_check, extract

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
    rules = {r.code: r for r in ruleset.rules}
    findings: list[Finding] = []
    agreements: list[Finding] = []
    possible: list[Finding] = []
    for fact, verdict in judged:
        rule = rules[verdict.rule]
        if len({c.article for c in verdict.claims}) < rule.setting("min_sources"):
            continue
        finding = Finding(code=rule.code, kind=rule.kind, verdict=verdict.verdict, subject=fact.label,
                          attribute=_attribute(fact), message="", claims=sorted(verdict.claims, key=lambda c: c.key),
                          severity=rule.severity if verdict.verdict != "agreement" and not verdict.weak else "info",
                          majority=verdict.majority, outliers=verdict.outliers, weak=verdict.weak,
                          records=list(verdict.records), why=list(verdict.why))
        finding.message = rule.render(subject=fact.label, detail=verdict.detail, majority=verdict.majority or "",
                                      outliers=", ".join(verdict.outliers), code=rule.code, verdict=verdict.verdict)
        finding.id = _finding_id(finding)
        if verdict.weak:
            possible.append(finding)
        else:
            (agreements if verdict.verdict in CORROBORATING else findings).append(finding)
    findings.sort(key=lambda f: (-SEVERITY_RANK.get(f.severity, 1), f.code, f.subject, f.claims[0].key))
    agreements.sort(key=lambda f: (f.kind, f.subject, f.claims[0].key))
    possible.sort(key=lambda f: (f.kind, f.subject, f.claims[0].key))
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
    timings["check"] = time.perf_counter() - clock
    claims = sorted((c for batch in extraction.claims for c in batch), key=lambda c: c.key)
    return Report(articles, claims, findings, agreements, skipped, notes, possible=possible, warnings=warnings,
                  facts=sum(1 for f in facts if len({c.article for c in f.claims}) >= 2), timings=timings)


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


def rule_folders(rules_dirs: list[Path] | None, config: Config) -> list[Path]:
    """The rule folders of a run: the built-in rules, then the configuration's folders, then the
    command line's (``--rules``); a later folder adds rules and replaces those of the same code."""
    builtin = default_rules_dir()
    extra = [Path(p) for p in config.rules] + list(rules_dirs or [])
    return [builtin] + [f for f in extra if Path(f).resolve() != builtin.resolve()]


def load_rules_for(rules_dirs: list[Path] | None, config: Config, select: list[str] | None = None,
                   ignore: list[str] | None = None) -> RuleSet:
    """The rule set a run uses (folders as rule_folders gives them), filtered by select/ignore."""
    folders = rule_folders(rules_dirs, config)
    chosen, dropped = _selection(config, select, ignore)
    return load_ruleset(folders, chosen, dropped, config.extend_select, config.severity)


def _selection(config: Config, select: list[str] | None, ignore: list[str] | None) -> tuple[list[str], list[str]]:
    return (select or config.select), (ignore if ignore is not None else config.ignore)


def read_inputs(inputs: list[Path], sources: Path | None, ruleset: RuleSet,
                max_bytes: int = articles_mod.MAX_BYTES, store=None, version: str = "",
                progress: progress_mod.ProgressFn | None = None,
                lang: str | None = None) -> tuple[list[Article], list[Skipped], list[str]]:
    """Read every article the inputs name, with sources.yaml metadata; bad files are skipped with a reason.

    ``lang`` forces every article's language (else: sources.yaml, front matter, the HTML
    ``lang`` attribute, then detection).

    With a ``store``, an article whose file, metadata and reader ``version`` were seen before is
    taken parsed from it. ``progress(stage, done, total)`` is told how many files have been read.
    """
    files, skipped = collect_inputs(inputs)
    stage = progress_mod.Stage(progress, progress_mod.READ, len(files))
    source_files = find_sources(inputs, files, sources)
    notes: list[str] = []
    if sources and not sources.is_file():
        skipped.append(Skipped(str(sources), "sources file not found"))
        source_files = []
    entries, bad_sources, source_notes = read_sources(source_files)
    skipped += bad_sources
    notes += source_notes
    if not source_files:
        notes.append("no sources.yaml found: outlets and publication dates unknown")
    ids = article_ids(files)
    info, match_notes = match_sources(entries, files, ids, explicit=sources is not None)
    notes += match_notes
    loaded: list[tuple[Path, str, str, bytes, articles_mod.SourceInfo]] = []
    for path in files:
        try:
            raw = articles_mod.read_bytes(path, max_bytes)
        except articles_mod.InputError as exc:
            skipped.append(Skipped(str(path), str(exc)))
            stage.advance()
            continue
        loaded.append((path, ids[path], articles_mod.input_kind(path), raw, info.get(path, articles_mod.SourceInfo())))
    arts, skipped = _parse_all(loaded, ruleset, store, version, skipped, stage, lang)
    stated = {article_id: src.published for _, article_id, _, _, src in loaded}
    for a in arts:
        if a.published and not stated.get(a.id):
            notes.append(f"{a.id}: publication date {a.published.isoformat()} taken from the article itself "
                         "(none in sources.yaml)")
    return arts, skipped, notes


def _parse_all(loaded, ruleset: RuleSet, store, version: str, skipped: list[Skipped], stage: progress_mod.Stage,
               lang: str | None = None):
    from .store import file_key

    keys = [file_key(raw, article_id, kind, src.outlet, src.published, version + f":{lang or src.lang}")
            for _, article_id, kind, raw, src in loaded] if store else []
    cached = store.get_many("articles", keys) if store else [None] * len(loaded)
    arts: list[Article] = []
    fresh = []
    for n, ((path, article_id, kind, raw, src), article) in enumerate(zip(loaded, cached)):
        if article is None:
            try:
                article = articles_mod.article_from_bytes(raw, kind, article_id, src, ruleset.knowledge, lang)
            except articles_mod.InputError as exc:
                skipped.append(Skipped(str(path), str(exc)))
                stage.advance()
                continue
            except Exception as exc:
                skipped.append(Skipped(str(path), f"could not be read: {type(exc).__name__}: {exc}"))
                stage.advance()
                continue
            if store:
                fresh.append((keys[n], article))
        arts.append(article)
        stage.advance()
    if store:
        store.put_many("articles", fresh)
    return arts, skipped


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
    from .report import render_reports, write_rendered
    from .store import ClaimStore, aligner_version, extractor_version

    base = load_baseline(baseline) if baseline is not None else None
    inputs = expand_stdin(inputs, stdin)
    config = config or load_config(Path.cwd())
    parse_severity(config.min_severity, "min-severity")
    ruleset = load_rules_for(rules_dirs, config, select, ignore)
    folders = rule_folders(rules_dirs, config)
    lang = _forced_language(lang, ruleset)
    header = generator_info(ruleset, config, formats, select, ignore, base, lang)
    store = ClaimStore(store_path) if store_path else None
    try:
        run_key = None
        if store and reuse_reports and out is not None:
            clock = time.perf_counter()
            run_key = _run_key(inputs, sources, formats, ruleset, folders, header)
            earlier = store.get_run(run_key)
            if earlier is not None:
                summary, outputs = earlier
                progress_mod.announce(progress, progress_mod.REUSE)
                read_time = time.perf_counter() - clock
                write_rendered(out, outputs)
                report: Report = CachedReport(summary, lambda: run(
                    inputs, None, sources, rules_dirs, formats, select, ignore, config, jobs, store_path,
                    engine, scheduler, reuse_reports=False, baseline=baseline, lang=lang))
                report.generator = header
                report.timings = {"read": read_time, "report": time.perf_counter() - clock - read_time}
                report.store_notes = store.notes + [store.summary()]
                return report
        version = extractor_version(folders) if store else ""
        clock = time.perf_counter()
        arts, skipped, notes = read_inputs(inputs, sources, ruleset, store=store, version=version, progress=progress,
                                           lang=lang)
        read_time = time.perf_counter() - clock
        report = check_articles(arts, ruleset, skipped, notes, jobs=jobs, store=store, version=version,
                                engine=engine, scheduler=scheduler,
                                align_version=aligner_version(folders) if store else "", progress=progress)
        report.generator = header
        report.timings = {"read": read_time, **report.timings}
        if base is not None:
            apply_baseline(report, base)
        if out is not None and not report.articles:
            report.notes.append(f"nothing could be checked: the reports in {out} are left as they were")
        elif out is not None:
            progress_mod.announce(progress, progress_mod.WRITE)
            clock = time.perf_counter()
            rendered = render_reports(report, formats, ruleset)
            write_rendered(out, rendered)
            if run_key is not None and report.articles:
                store.put_run(run_key, report.summary(), rendered)
            report.timings["report"] = time.perf_counter() - clock
        if store:
            report.store_notes = store.notes + [store.summary()]
    finally:
        if store:
            store.close()
    return report


def _forced_language(lang: str | None, ruleset: RuleSet) -> str | None:
    """A ``--lang`` value as a language code; a UsageError for one factcheck does not read."""
    if not lang:
        return None
    code = language_code(lang)
    known = ruleset.knowledge.languages
    if code not in known:
        raise UsageError(f"--lang: '{lang}' is not a language factcheck reads; use one of {', '.join(known)}")
    return code


def _run_key(inputs: list[Path], sources: Path | None, formats, ruleset: RuleSet, folders: list[Path],
             header: dict) -> str:
    """What a run's reports depend on: each input file's bytes (or why it cannot be read), the
    sources files, the rules in force, the formats, the code and rule files, and the report header
    (version and options)."""
    from .store import run_key, run_version

    files, missing = collect_inputs(inputs)
    source_files = [sources] if sources else _source_places(inputs, files)
    entries = [(s.path, "missing") for s in missing]
    for path in files + source_files:
        try:
            content = hashlib.sha256(articles_mod.read_bytes(path)).hexdigest()
        except articles_mod.InputError as exc:
            content = f"unreadable: {exc}"
        entries.append((str(path), content))
    settings = repr((sorted(formats), str(sources), ruleset.rules, header))
    return run_key(run_version(folders), entries, settings)


def example_holds(rule, example, ruleset: RuleSet) -> tuple[bool, Report]:
    """Run one rule example; True when the rule fires on a 'conflict' case and stays silent on an 'ok' one."""
    texts = []
    for i, (text, published) in enumerate(example.articles):
        day = date.fromisoformat(published) if published else None
        texts.append((f"example-{i + 1}.txt", text, day))
    report = check_texts(texts, ruleset)
    fired = any(f.code == rule.code and f.verdict == rule.verdict for f in report.findings + report.agreements)
    return fired == (example.expect == "conflict"), report


def validate_rules(folder: Path) -> int:
    """Validate a rule folder: every file parses and every example holds. Returns the rule count."""
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


def list_claims(inputs: list[Path], sources: Path | None = None, rules_dirs: list[Path] | None = None,
                skipped_out: list[Skipped] | None = None, warnings_out: list[str] | None = None,
                stdin=None, lang: str | None = None) -> list[dict]:
    """Claims extracted from some articles, as rows (source, line, type, value, resolved, text).

    Inputs are as for run (``-`` reads paths from ``stdin``). Inputs that could not be read are
    appended to ``skipped_out`` when it is given, and warnings about the inputs (an encoding that
    was a weak guess) to ``warnings_out``."""
    from .report.common import claim_resolved, claim_value

    ruleset = load_rules_for(rules_dirs, load_config(Path.cwd()))
    arts, skipped, _ = read_inputs(expand_stdin(inputs, stdin), sources, ruleset,
                                   lang=_forced_language(lang, ruleset))
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


def show_conflict(out: Path, conflict_id: str) -> str:
    """One conflict of the last report in `out`, as text for a terminal."""
    import json

    path = Path(out) / "conflicts.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"no readable report at {path}: {exc}") from None
    listed = [(c, "") for c in data.get("conflicts", [])] + [(c, "  [suppressed by baseline]")
                                                              for c in data.get("suppressed", [])]
    matches = [(c, mark) for c, mark in listed if c["id"].lower().startswith(conflict_id.lower())]
    if len(matches) != 1:
        raise UsageError(f"{len(matches) or 'no'} conflicts match '{conflict_id}' in {path}")
    c, mark = matches[0]
    lines = [f"{c['id']}  {c['verdict']}  ({c['code']}, {c['severity']}){mark}", c["message"], ""]
    for cl in c["claims"]:
        mark = "  <- outlier" if cl["source"] in c.get("outliers", []) else ""
        lines.append(f"  {cl['source']}:{cl['line']} [{cl['start']}-{cl['end']}] {cl['text']!r} = {cl['resolved']}{mark}")
    return "\n".join(lines)


def score_report(report_path: Path, gold_path: Path, prefix: str = "", include_stretch: bool = False):
    """Score a conflicts.json against a gold annotation file (factcheck.evaluate's rules)."""
    import json

    import yaml

    from .evaluate import score

    try:
        data = json.loads(Path(report_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"no readable report at {report_path}: {exc}") from None
    try:
        gold = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"no readable gold file at {gold_path}: {exc}") from None
    if not isinstance(data, dict) or not isinstance(gold, dict):
        raise UsageError("a report is a JSON object and a gold file a YAML mapping")
    try:
        return score(data, gold, prefix=prefix, include_stretch=include_stretch)
    except (KeyError, TypeError, ValueError) as exc:
        raise UsageError(f"{gold_path}: an entry lacks what scoring needs ({type(exc).__name__}: {exc})") from None
