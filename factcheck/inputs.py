"""A run's inputs: the article files that paths, folders, glob patterns and ``-`` (paths on
standard input) name, the id of each, the sources.yaml files that say each one's outlet,
publication date and language, and the reading of the files into Articles (through the store)."""
from __future__ import annotations

import glob
import os
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import articles as articles_mod
from . import progress as progress_mod
from .detection import language_code
from .errors import UsageError
from .rules import RuleSet
from .store import file_key
from .types import Article, Skipped
from .yamlio import RuleError, load_yaml

_GLOB_CHARS = frozenset("*?[")
_SOURCES_FILE = "sources.yaml"


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


def source_places(inputs: list[Path], files: list[Path]) -> list[Path]:
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
    return [p for p in source_places(inputs, files) if p.is_file()]


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
    """The articles of the loaded files (path, id, kind, bytes, source info): from the store when
    it has them, else parsed (and put in the store); a file that cannot be parsed is skipped."""
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
