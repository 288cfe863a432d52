"""An embedded SQLite store: parsed articles, claims and fact groups cached by content.

A re-run over a corpus with a few new articles only reads, extracts and aligns what is new:

- ``articles``: the parsed article, keyed by the file's bytes, its metadata and the reader version;
- ``people``: the names an article gives a title to, the capitalised words it uses, and the
  proper names that say which story it tells;
- ``claims``: an article's claims, keyed by its content and by the titled people of the run
  whose names it actually uses (a new article about someone else does not invalidate it);
- ``groups``: how the claims of one alignment block were grouped, keyed by the claims in it;
- ``runs``: the rendered reports of the last few runs, keyed by every input file's bytes, the
  rules in force, the formats and the code, so that a run over unchanged inputs only writes them.

The store is versioned; a corrupt or foreign file is reported and rebuilt, never trusted.
Everything is stored as JSON (not pickle), so a store file cannot run code.
"""
from __future__ import annotations

import ast
import hashlib
import json
import sqlite3
import zlib
from dataclasses import asdict
from datetime import date
from pathlib import Path

from babel import __version__ as cldr_version

from .types import Article, Block, Claim, Dropped, Qualifiers

SCHEMA = 4
_APP = "factcheck-claim-store"
_TABLES = ("articles", "people", "claims", "groups", "runs")
_RUNS_KEPT = 8
_BATCH = 500
_PACKAGE = Path(__file__).resolve().parent
_EXTRACTION = ("articles.py", "claims/__init__.py")
_ALIGNMENT = ("align/__init__.py", "stories.py")


def _source(path: Path) -> bytes:
    return path.read_bytes()


def _module_file(parts: list[str]) -> list[Path]:
    """The files that importing package module ``parts`` runs: the module and the __init__ of
    each package on the way to it (none when it is not a module of the package)."""
    found = [_PACKAGE.joinpath(*parts[:k], "__init__.py") for k in range(1, len(parts) + 1)]
    if parts:
        found.append(_PACKAGE.joinpath(*parts[:-1], parts[-1] + ".py"))
    return [p for p in found if p.is_file()]


def _imports_of(path: Path) -> set[Path]:
    """The package's own modules that a module imports, at the top or inside a function."""
    package = list(path.relative_to(_PACKAGE).parent.parts)
    out: set[Path] = set()
    for node in ast.walk(ast.parse(_source(path), str(path))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1] + (node.module.split(".") if node.module else [])
            elif node.module and node.module.split(".")[0] == _PACKAGE.name:
                base = node.module.split(".")[1:]
            else:
                continue
            for parts in [base] + [base + [alias.name] for alias in node.names]:
                out.update(_module_file(parts))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == _PACKAGE.name:
                    out.update(_module_file(alias.name.split(".")[1:]))
    return out


def modules_behind(roots: tuple[str, ...]) -> list[str]:
    """The package's modules (paths inside the package) whose code runs when ``roots`` do: the
    roots and everything they import from the package, directly or through each other."""
    todo = [_PACKAGE / r for r in roots]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo.extend(_imports_of(path) - seen)
    return sorted(p.relative_to(_PACKAGE).as_posix() for p in seen)


def _code_hash(modules: list[str], rule_folders: list[Path], extra: str = "") -> str:
    h = hashlib.sha256(f"{_APP}:{SCHEMA}{extra}".encode())
    for name in modules:
        h.update(name.encode())
        h.update(_source(_PACKAGE / name))
    for folder in rule_folders:
        for path in sorted(Path(folder).glob("knowledge/*.yml")) + sorted(Path(folder).glob("knowledge/lang/*.yml")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def run_version(rule_folders: list[Path]) -> str:
    """A hash of all the package's code and of every file in the rule folders."""
    h = hashlib.sha256(f"{_APP}:{SCHEMA}:run".encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        h.update(path.relative_to(_PACKAGE).as_posix().encode())
        h.update(_source(path))
    for folder in rule_folders:
        for path in sorted(Path(folder).rglob("*.y*ml")):
            h.update(str(path.relative_to(folder)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def extractor_version(rule_folders: list[Path]) -> str:
    """A hash of the reading and extraction code (every module it imports, found from the
    source), the knowledge packs and the CLDR data (Babel's version) the languages are read
    with: a change invalidates cached articles and claims."""
    return _code_hash(modules_behind(_EXTRACTION), rule_folders, ":babel " + cldr_version)


def aligner_version(rule_folders: list[Path]) -> str:
    """A hash of the alignment code (and every module it imports): a change invalidates cached groups."""
    return _code_hash(modules_behind(_ALIGNMENT), rule_folders)


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def file_key(raw: bytes, article_id: str, kind: str, outlet: str | None, published: date | None,
             version: str) -> str:
    """Cache key of a parsed article: the file's bytes, how it is read and what sources.yaml says."""
    return _digest(version, article_id, kind, str(outlet), str(published), hashlib.sha256(raw).hexdigest())


def article_key(article: Article, version: str) -> str:
    """Cache key of an article's content: text, metadata and line map, with the extractor version."""
    return _digest(version, article.id, article.text, str(article.published), str(article.outlet),
                   json.dumps(article.line_map), article.lang)


def claims_key(article_key_: str, people: list[str]) -> str:
    """Cache key of an article's claims: its content and the run's titled people it names."""
    return _digest(article_key_, "\x1f".join(sorted(people)))


def group_key(block: tuple, claim_keys: list[str], version: str) -> str:
    """Cache key of one alignment block: its name and the claims (by article claims key) in it."""
    return _digest(version, json.dumps([str(x) for x in block]), "\x1f".join(sorted(claim_keys)))


def run_key(version: str, inputs: list[tuple[str, str]], settings: str) -> str:
    """Cache key of a whole run: the code and rules ``version``, each input as (name, content
    hash or the reason it cannot be read), and the run's other ``settings``."""
    return _digest(version, settings, *(f"{name}\x1f{content}" for name, content in inputs))


def _claim_json(claim: Claim) -> dict:
    data = asdict(claim)
    for key in ("mods", "context", "persons", "names"):
        data[key] = sorted(data[key])
    return data


def _claim_from(data: dict) -> Claim:
    for key in ("mods", "context", "persons", "names"):
        data[key] = frozenset(data[key])
    if data["type"] == "date" and data["value"] is not None:
        data["value"] = tuple(data["value"])
    data["qualifiers"] = Qualifiers(**data["qualifiers"])
    return Claim(**data)


def _article_json(a: Article) -> dict:
    return {"id": a.id, "text": a.text, "norm": a.norm, "outlet": a.outlet,
            "published": a.published.isoformat() if a.published else None,
            "blocks": [[b.start, b.end, b.kind] for b in a.blocks],
            "dropped": [[d.first_line, d.last_line, d.reason] for d in a.dropped],
            "line_starts": a.line_starts, "line_map": a.line_map, "encoding": a.encoding,
            "encoding_doubt": a.encoding_doubt, "lang": a.lang}


def _article_from(d: dict) -> Article:
    return Article(id=d["id"], text=d["text"], norm=d["norm"], outlet=d["outlet"],
                   published=date.fromisoformat(d["published"]) if d["published"] else None,
                   blocks=[Block(*b) for b in d["blocks"]], dropped=[Dropped(*x) for x in d["dropped"]],
                   line_starts=d["line_starts"], line_map=d["line_map"], encoding=d["encoding"],
                   encoding_doubt=d["encoding_doubt"], lang=d.get("lang", "en"))


_DECODE = {"articles": _article_from, "claims": lambda rows: [_claim_from(r) for r in rows],
           "people": lambda d: (set(d[0]), set(d[1]), set(d[2])), "groups": lambda d: d}
_ENCODE = {"articles": _article_json, "claims": lambda claims: [_claim_json(c) for c in claims],
           "people": lambda v: [sorted(v[0]), sorted(v[1]), sorted(v[2])], "groups": lambda d: d}


class ClaimStore:
    """Cached articles, claims and groups by key. Use as a context manager."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.notes: list[str] = []
        self.hits = self.misses = 0
        self.counts: dict[str, list[int]] = {t: [0, 0] for t in _TABLES}
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = None
        try:
            db = sqlite3.connect(self.path)
            self._check(db)
            return db
        except sqlite3.DatabaseError as exc:
            self.notes.append(f"claim store {self.path} was unusable ({exc}); rebuilt")
            try:
                if db is not None:
                    db.close()
            except Exception:
                pass
            self.path.unlink(missing_ok=True)
            db = sqlite3.connect(self.path)
            self._check(db)
            return db

    def _check(self, db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        found = dict(db.execute("SELECT key, value FROM meta").fetchall())
        if found and found.get("app") != _APP:
            raise sqlite3.DatabaseError(f"not a factcheck store (app={found.get('app')})")
        if found and found.get("schema") != str(SCHEMA):
            raise sqlite3.DatabaseError(f"store schema {found.get('schema')}, this version uses {SCHEMA}")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('app', ?), ('schema', ?)", (_APP, str(SCHEMA)))
        for table in _TABLES[:-1]:
            db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, body TEXT NOT NULL)")
        db.execute("CREATE TABLE IF NOT EXISTS runs (key TEXT PRIMARY KEY, summary TEXT NOT NULL, outputs BLOB NOT NULL)")
        db.commit()

    def get_many(self, table: str, keys: list[str]) -> list:
        """Cached values for keys (None where missing or unreadable), in the order of keys."""
        found: dict[str, str] = {}
        unique = sorted(set(keys))
        for i in range(0, len(unique), _BATCH):
            chunk = unique[i:i + _BATCH]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(f"SELECT key, body FROM {table} WHERE key IN ({marks})", chunk).fetchall())
        out = []
        for key in keys:
            value = None
            if key in found:
                try:
                    value = _DECODE[table](json.loads(found[key]))
                except (ValueError, TypeError, KeyError, IndexError):
                    value = None
            self.counts[table][value is None] += 1
            out.append(value)
        self.hits, self.misses = self.counts["claims"]
        return out

    def get_run(self, key: str) -> tuple[dict, dict[str, str]] | None:
        """The summary and rendered reports (file name → text) of an identical earlier run, or None."""
        row = self.db.execute("SELECT summary, outputs FROM runs WHERE key = ?", (key,)).fetchone()
        found = None
        if row:
            try:
                summary, outputs = json.loads(row[0]), json.loads(zlib.decompress(row[1]))
                if isinstance(summary, dict) and isinstance(outputs, dict):
                    found = summary, outputs
            except (ValueError, TypeError, zlib.error):
                found = None
        self.counts["runs"][found is None] += 1
        return found

    def put_run(self, key: str, summary: dict, outputs: dict[str, str]) -> None:
        """Keep a run's summary and rendered reports; only the most recent runs are kept."""
        packed = zlib.compress(json.dumps(outputs, ensure_ascii=False, sort_keys=True).encode("utf-8"), 1)
        self.db.execute("INSERT OR REPLACE INTO runs VALUES (?, ?, ?)",
                        (key, json.dumps(summary, ensure_ascii=False, sort_keys=True), packed))
        self.db.execute("DELETE FROM runs WHERE rowid NOT IN (SELECT rowid FROM runs ORDER BY rowid DESC LIMIT ?)",
                        (_RUNS_KEPT,))
        self.db.commit()

    def summary(self) -> str:
        """What this run took from the store and what it computed again."""
        a, c, g = self.counts["articles"], self.counts["claims"], self.counts["groups"]
        if self.counts["runs"][0]:
            return "claim store: same articles, rules and code as an earlier run; its reports were reused"
        return (f"claim store: {c[0]} cached, {c[1]} extracted; articles {a[0]} cached, {a[1]} read; "
                f"alignment blocks {g[0]} cached, {g[1]} aligned")

    def put_many(self, table: str, items: list[tuple[str, object]]) -> None:
        """Store several values in one transaction."""
        if not items:
            return
        self.db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)",
                            [(k, json.dumps(_ENCODE[table](v), ensure_ascii=False, separators=(",", ":")))
                             for k, v in items])
        self.db.commit()

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
