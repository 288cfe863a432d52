"""Reports: Markdown for people, JSON and CSV for tools. Every file is written atomically."""
from __future__ import annotations

import importlib
import os
import tempfile
from pathlib import Path

FILES = {"md": ("report.md", "markdown"), "json": ("conflicts.json", "jsonout"), "csv": ("claims.csv", "csvout"),
         "claimreview": ("claimreview.jsonld", "claimreview"), "html": ("report.html", "html")}


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, text: str) -> None:
    """Write text to a temporary file beside path, then rename it over path.

    The file gets the usual permissions for a new file (0666 less the umask), not the
    owner-only mode of the temporary file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def render_reports(report, formats, ruleset) -> dict[str, str]:
    """Every requested format rendered, by file name (renderers are imported only when needed)."""
    rendered = {}
    for fmt in formats:
        name, module = FILES[fmt]
        rendered[name] = importlib.import_module(f"{__name__}.{module}").render(report, ruleset)
    return rendered


def write_rendered(out: Path, rendered: dict[str, str]) -> list[Path]:
    """Write rendered reports (file name → text) into out, each file atomically."""
    paths = []
    for name, text in rendered.items():
        write_atomic(Path(out) / name, text)
        paths.append(Path(out) / name)
    return paths

