"""Reports: Markdown for people, JSON and CSV for tools. Every file is written atomically."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from . import claimreview, csvout, html, jsonout, markdown

WRITERS = {"md": ("report.md", markdown.render), "json": ("conflicts.json", jsonout.render),
           "csv": ("claims.csv", csvout.render), "claimreview": ("claimreview.jsonld", claimreview.render),
           "html": ("report.html", html.render)}


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


def write_reports(report, out: Path, formats, ruleset) -> list[Path]:
    """Render every requested format first, then write each file atomically."""
    rendered = []
    for fmt in formats:
        name, render = WRITERS[fmt]
        rendered.append((Path(out) / name, render(report, ruleset)))
    for path, text in rendered:
        write_atomic(path, text)
    return [p for p, _ in rendered]
