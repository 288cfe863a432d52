"""Loading knowledge folders: every pack read by its schema (``knowledge_schema``), and the
language packs listed for ``languages`` to derive from."""
from __future__ import annotations

from pathlib import Path

from .knowledge import Knowledge
from .knowledge_schema import PACKS, apply_pack, require
from .language_schema import check_language_pack
from .yamlio import RuleError, line_of, load_yaml


def load_knowledge(folders: list[Path]) -> Knowledge:
    """Load every knowledge pack found in the given folders, each read by its schema
    (``knowledge_schema``); later folders extend earlier ones."""
    kn = Knowledge()
    raw: dict[str, list[tuple[Path, dict]]] = {}
    for folder in folders:
        for pack in PACKS:
            path = Path(folder) / pack
            if path.is_file():
                data = load_yaml(path)
                raw.setdefault(pack, []).append((path, data))
    for pack in PACKS:
        if pack not in raw:
            raise RuleError(Path(folders[0]) / pack if folders else Path(pack), None, "knowledge pack missing")
        require(pack, raw[pack][0][1], raw[pack][0][0])
    for pack, entries in raw.items():
        for path, data in entries:
            apply_pack(kn, pack, data, path)
    for path in language_pack_files(folders):
        data = load_yaml(path) or {}
        if not isinstance(data, dict):
            raise RuleError(path, line_of(data), "a language pack must be a mapping")
        check_language_pack(data, path)
        code = str(data.get("language") or path.stem).lower()
        kn.language_packs.setdefault(code, []).append((str(path), data))
    return kn


def language_pack_files(folders: list[Path]) -> list[Path]:
    """The language packs (``lang/*.yml``) of knowledge folders, in load order."""
    return [p for folder in folders for p in sorted((Path(folder) / "lang").glob("*.yml"))]
