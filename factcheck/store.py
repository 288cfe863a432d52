"""An embedded SQLite claim store: claims cached by article content and extractor version.

A re-run over a corpus with a few new articles only extracts the new ones. The store is
versioned; a corrupt or foreign file is reported and rebuilt, never trusted. Claims are
stored as JSON (not pickle), so a store file cannot run code.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict
from pathlib import Path

from .types import Article, Claim

SCHEMA = 1
_APP = "factcheck-claim-store"


def extractor_version(rule_folders: list[Path]) -> str:
    """A hash of the extraction code and the knowledge packs: any change invalidates the cache."""
    h = hashlib.sha256(f"{_APP}:{SCHEMA}".encode())
    here = Path(__file__).resolve().parent
    for path in sorted([here / "articles.py", here / "knowledge.py", here / "types.py"] +
                       list((here / "claims").glob("*.py"))):
        h.update(path.read_bytes())
    for folder in rule_folders:
        for path in sorted(Path(folder).glob("knowledge/*.yml")):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def article_key(article: Article, people: frozenset[str], version: str) -> str:
    """Cache key: the article's text, metadata, the people known in the run, the extractor version."""
    h = hashlib.sha256()
    for part in (version, article.id, article.text, str(article.published), str(article.outlet),
                 "\x1f".join(sorted(people)), json.dumps(article.line_map)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def _to_json(claim: Claim) -> dict:
    data = asdict(claim)
    for key in ("mods", "context", "persons", "names"):
        data[key] = sorted(data[key])
    return data


def _from_json(data: dict) -> Claim:
    for key in ("mods", "context", "persons", "names"):
        data[key] = frozenset(data[key])
    if data["type"] == "date" and data["value"] is not None:
        data["value"] = tuple(data["value"])
    return Claim(**data)


class ClaimStore:
    """Cached claims per article key. Use as a context manager."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.notes: list[str] = []
        self.hits = self.misses = 0
        self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(self.path)
            self._check(db)
            return db
        except sqlite3.DatabaseError as exc:
            self.notes.append(f"claim store {self.path} was unusable ({exc}); rebuilt")
            try:
                db.close()
            except Exception:  # noqa: BLE001 - closing a broken handle
                pass
            self.path.unlink(missing_ok=True)
            db = sqlite3.connect(self.path)
            self._check(db)
            return db

    def _check(self, db: sqlite3.Connection) -> None:
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        found = dict(db.execute("SELECT key, value FROM meta").fetchall())
        if found and (found.get("app") != _APP or found.get("schema") != str(SCHEMA)):
            raise sqlite3.DatabaseError(f"foreign or old store (app={found.get('app')}, schema={found.get('schema')})")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('app', ?), ('schema', ?)", (_APP, str(SCHEMA)))
        db.execute("CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, body TEXT NOT NULL)")
        db.commit()

    def get(self, key: str) -> list[Claim] | None:
        """Cached claims for a key, or None."""
        row = self.db.execute("SELECT body FROM claims WHERE key = ?", (key,)).fetchone()
        if row is None:
            self.misses += 1
            return None
        try:
            claims = [_from_json(d) for d in json.loads(row[0])]
        except (ValueError, TypeError, KeyError):
            self.misses += 1
            return None
        self.hits += 1
        return claims

    def get_names(self, key: str) -> set[str] | None:
        """Cached names of titled people for a key, or None."""
        row = self.db.execute("SELECT body FROM claims WHERE key = ?", ("people:" + key,)).fetchone()
        try:
            return set(json.loads(row[0])) if row else None
        except ValueError:
            return None

    def put_names(self, items: list[tuple[str, set[str]]]) -> None:
        """Store names of titled people for several keys."""
        self.db.executemany("INSERT OR REPLACE INTO claims VALUES (?, ?)",
                            [("people:" + k, json.dumps(sorted(v), ensure_ascii=False)) for k, v in items])
        self.db.commit()

    def put_many(self, items: list[tuple[str, list[Claim]]]) -> None:
        """Store claims for several keys in one transaction."""
        self.db.executemany("INSERT OR REPLACE INTO claims VALUES (?, ?)",
                            [(k, json.dumps([_to_json(c) for c in claims], ensure_ascii=False)) for k, claims in items])
        self.db.commit()

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
