"""Read articles: decode (``decoding``), keep offsets, join wrapped lines, drop page furniture."""
from __future__ import annotations

import bisect
import html as html_mod
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import yaml

from .decoding import InputError, read_text
from .detection import detect, html_lang, language_code
from .knowledge import Knowledge, fold
from .languages import for_language
from .types import Article, Block, Dropped

ARTICLE_SUFFIXES = {".txt", ".md", ".text", ".markdown", ".html", ".htm"}
HTML_SUFFIXES = {".html", ".htm"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
MAX_BYTES = 10 * 1024 * 1024
MAX_FIGURES = 20_000  # numbers in one article: past this it is a table or a dump, not a report
_FIGURE = re.compile(r"\d+")
_TERMINAL = tuple('.!?:;"”’)»…')
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_LIST_MARK = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")


@dataclass(frozen=True)
class SourceInfo:
    """What sources.yaml (or front matter) says about one article."""

    outlet: str | None = None
    published: date | None = None
    lang: str | None = None


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of an article file; InputError with a one-line reason when it cannot be read."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB limit)")
        return path.read_bytes()
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from None


def input_kind(path: Path) -> str:
    """How a file is read: 'html' for web pages, else 'text' (plain text or Markdown)."""
    return "html" if path.suffix.lower() in HTML_SUFFIXES else "text"


def article_from_bytes(raw: bytes, kind: str, article_id: str, info: SourceInfo, kn: Knowledge,
                       lang: str | None = None) -> Article:
    """Decode and parse an article's bytes (kind 'html' or 'text'); InputError when unusable.

    ``lang`` forces the article's language; else it is the one the source or the file declares,
    else the one detected. The article keeps the encoding it was read in, and the doubt about it
    when it was a weak guess.
    """
    decoded = read_text(raw)
    if lang:
        info = replace(info, lang=lang)
    if kind == "html":
        article = parse_html(decoded.text, article_id, info, kn)
    else:
        text, info = front_matter(decoded.text, info)
        article = parse_article(text, article_id, info, kn)
    article.encoding, article.encoding_doubt = decoded.encoding, decoded.doubt
    return article


def read_article(path: Path, article_id: str, info: SourceInfo, kn: Knowledge,
                 max_bytes: int = MAX_BYTES, lang: str | None = None) -> Article:
    """Read one article file; raise InputError with a one-line reason when it cannot be used."""
    return article_from_bytes(read_bytes(path, max_bytes), input_kind(path), article_id, info, kn, lang)


def front_matter(text: str, info: SourceInfo) -> tuple[str, SourceInfo]:
    """Read 'published:', 'outlet:' and 'lang:' from Markdown front matter; blank it out,
    keeping offsets."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, info
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError:
        meta = {}
    if isinstance(meta, dict):
        published = info.published or _as_date(meta.get("published") or meta.get("date"))
        outlet = info.outlet or (str(meta["outlet"]) if meta.get("outlet") else None)
        info = SourceInfo(outlet, published, info.lang or language_code(meta.get("lang") or meta.get("language")))
    blank = "".join(ch if ch == "\n" else " " for ch in m.group(0))
    return blank + text[m.end():], info


def _as_date(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def parse_html(html: str, article_id: str, info: SourceInfo, kn: Knowledge) -> Article:
    """Extract an article from an HTML page (trafilatura), with its date and outlet when printed.

    Claims keep the line of the page where their paragraph was found.
    """
    try:  # trafilatura takes ~0.25 s to import and only HTML input needs it
        import trafilatura
    except ImportError:  # pragma: no cover - a dependency, but say so plainly if missing
        raise InputError("HTML input needs the trafilatura package") from None
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    text = (getattr(doc, "text", None) if doc is not None else "") or ""
    if not text.strip():
        raise InputError("no article text found in the HTML page")
    published = info.published or _as_date(getattr(doc, "date", None))
    outlet = info.outlet or getattr(doc, "sitename", None)
    lang = info.lang or html_lang(html)
    article = parse_article(text, article_id, SourceInfo(outlet, published, lang), kn)
    article.line_map = _html_line_map(text, html)
    return article


def _html_line_map(text: str, html: str) -> list[int]:
    """For each extracted line, the 1-based line of the HTML page it came from (searched in order)."""
    page = html_mod.unescape(html)
    page_line_starts = [0] + [m.end() for m in re.finditer("\n", page)]
    out, cursor, last = [], 0, 1
    for line in text.split("\n"):
        probe = " ".join(line.split())[:40]
        pos = page.find(probe, cursor) if probe else -1
        if pos < 0 and probe:
            pos = page.find(probe)
        if pos >= 0:
            last = bisect.bisect_right(page_line_starts, pos)
            cursor = pos
        out.append(last)
    return out


def _check_figure_count(text: str) -> None:
    """Refuse a text with more numbers than any report holds, before reading its claims."""
    for n, _ in enumerate(_FIGURE.finditer(text), 1):
        if n > MAX_FIGURES:
            raise InputError(f"more than {MAX_FIGURES:,} numbers: a table or a data dump, not an article")


_HYPHENS = "\u2010\u2011"  # hyphen and non-breaking hyphen, read as '-' (offsets unchanged)


def parse_article(text: str, article_id: str, info: SourceInfo, kn: Knowledge) -> Article:
    """Build an Article from decoded text: line map, blocks, dropped furniture."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch in "\r\t\x00\u00a0\u2009\u202f\u200b\ufeff":
            chars[i] = " "
        elif ch in _HYPHENS:  # 'non‑cash' with a non-breaking hyphen is 'non-cash'
            chars[i] = "-"
    lines = _lines(text, line_starts)
    kinds, dropped = _classify(lines, kn)
    blocks = _blocks(lines, kinds, chars)
    if not blocks:
        raise InputError("no article text (everything is page furniture or blank)")
    _check_figure_count(text)
    norm = "".join(chars)
    lang = info.lang or detect(" ".join(norm[b.start:b.end] for b in blocks), kn)
    published = info.published or printed_date(lines, dropped, for_language(kn, lang))
    return Article(id=article_id, text=text, norm=norm, outlet=info.outlet,
                   published=published, blocks=blocks, dropped=dropped, line_starts=line_starts, lang=lang)


_FULL_DATE = re.compile(r"\b(?:(?P<mon>[A-Za-z]{3,9})\.? (?P<day>\d{1,2}),? (?P<year>(?:19|20)\d\d)"
                        r"|(?P<day2>\d{1,2}) (?P<mon2>[A-Za-z]{3,9}) (?P<year2>(?:19|20)\d\d)"
                        r"|(?P<iso>(?:19|20)\d\d-\d\d-\d\d))\b")


def printed_date(lines, dropped: list[Dropped], kn: Knowledge) -> date | None:
    """The publication date a page prints in its header metadata ('June 2, 2025 10:42 AM',
    'Published 2 June 2025'), used when sources.yaml and front matter give none."""
    for d in dropped:
        if d.reason != "byline, date or reading time" or d.first_line > 12:
            continue
        for _, _, line in lines[d.first_line - 1:d.last_line]:
            m = _FULL_DATE.search(line)
            if not m:
                continue
            if m.group("iso"):
                found = _as_date(m.group("iso"))
            else:
                month = fold(m.group("mon") or m.group("mon2"))
                month = kn.month_abbr.get(month, month)
                if month not in kn.months:
                    continue
                try:
                    found = date(int(m.group("year") or m.group("year2")), kn.months.index(month) + 1,
                                 int(m.group("day") or m.group("day2")))
                except ValueError:
                    continue
            if found:
                return found
    return None


def _lines(text: str, line_starts: list[int]) -> list[tuple[int, int, str]]:
    out = []
    for i, start in enumerate(line_starts):
        end = line_starts[i + 1] - 1 if i + 1 < len(line_starts) else len(text)
        out.append((start, end, text[start:end].replace("\r", "")))
    return out


def is_heading(line: str) -> bool:
    """A short, title-cased line without sentence punctuation (a headline or subhead)."""
    stripped = line.strip()
    if not stripped or stripped.endswith((".", "!", "?", ",", ";")):
        return False
    words = _WORD.findall(stripped)
    if not words or len(words) > 16:
        return False
    long_words = [w for w in words if len(w) > 3]
    if not long_words:
        return len(words) <= 4
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised / len(long_words) >= 0.75


def _is_title_line(lines, idx: int, kn: Knowledge) -> bool:
    """The first non-blank line of a file is its headline when it is short, has no sentence
    punctuation and does not stop mid-phrase (on 'the', 'between', a title like 'President')."""
    if any(line.strip() for _, _, line in lines[:idx]):
        return False
    text = lines[idx][2].strip()
    words = _WORD.findall(text)
    if not words or len(words) > 16 or text.endswith(_TERMINAL + (",",)):
        return False
    last = fold(words[-1])
    return last not in kn.stopwords and last not in kn.roles


_AMOUNT_SIGN = re.compile(r"[$€£¥₹%]\s?\d|\d\s?%")  # a list item with an amount is a figure, not metadata ('- Mac: $8 billion')
_COUNTER = re.compile(r"\s*\(?\d{1,6}\)?$")


def _furniture_reason(line: str, in_header: bool, kn: Knowledge) -> str | None:
    low = line.strip().lower()
    if any(low.startswith(p) for p in kn.line_prefixes):
        return "teaser or promotion line"
    label, colon, rest = low.partition(":")
    if colon and rest.strip() and fold(label).strip() in kn.trailing_headings | kn.interruptions:
        return "teaser or promotion line"
    if len(_WORD.findall(line)) <= kn.max_metadata_words:
        for pattern in kn.metadata_patterns:
            if pattern.search(line):
                return "byline, date or reading time"
    if in_header and _LIST_MARK.match(line):
        body = _LIST_MARK.sub("", line)
        if len(_WORD.findall(body)) <= kn.max_metadata_list_words and not _SENTENCE_END.search(body) \
                and not _AMOUNT_SIGN.search(body):
            return "metadata list item"
    return None


def _card_start(lines, idx: int, kinds: list[str]) -> int:
    """Where a related-article card begins: the short line (the outlet's name) just before its
    'N hours ago' line, when there is one, else that line itself."""
    k = idx - 1
    while k >= 0 and kinds[k] == "blank":
        k -= 1
    if k >= 0 and len(_WORD.findall(lines[k][2])) <= 4 and not _SENTENCE_END.search(lines[k][2]):
        return k
    return idx


def _prose_goes_on(lines, idx: int) -> bool:
    """True when a heading of links has the story's own prose after it: of the next two lines with
    words, one is a sentence of 20 words or more, and another such sentence follows."""
    long = [bool(len(_WORD.findall(x)) >= 20 and _SENTENCE_END.search(x)) for _, _, x in lines[idx + 1:] if x.strip()]
    return any(long[:2]) and sum(long) >= 2


def _classify(lines, kn: Knowledge) -> tuple[list[str], list[Dropped]]:
    kinds: list[str] = []
    dropped: list[Dropped] = []
    seen_body = False
    body_lines = 0
    trailing_from = None
    for idx, (_, _, line) in enumerate(lines):
        if not line.strip():
            kinds.append("blank")
            continue
        folded = _COUNTER.sub("", fold(line).rstrip(":").strip())
        if folded in kn.interruptions:
            kinds.append("furniture")
            dropped.append(Dropped(idx + 1, idx + 1, f"page furniture: {line.strip()[:40]!r}"))
            continue
        if seen_body and folded in kn.trailing_headings:
            if not _prose_goes_on(lines, idx):
                trailing_from = idx
                break
            kinds.append("furniture")  # a related-links box inside the story: the story goes on after it
            dropped.append(Dropped(idx + 1, idx + 1, f"page furniture: {line.strip()[:40]!r}"))
            continue
        if seen_body and any(p.search(line) for p in kn.trailing_markers):
            trailing_from = _card_start(lines, idx, kinds)
            kinds = kinds[:trailing_from]
            dropped = [d for d in dropped if d.first_line <= trailing_from]
            break
        reason = _furniture_reason(line, not seen_body, kn)
        if reason:
            kinds.append("furniture")
            dropped.append(Dropped(idx + 1, idx + 1, reason))
            continue
        kind = "heading" if is_heading(line) or _is_title_line(lines, idx, kn) else "text"
        kinds.append(kind)
        if kind == "text":
            body_lines += 1
            if len(_WORD.findall(line)) >= 12 or body_lines >= 2:
                seen_body = True
    if trailing_from is not None:
        kinds += ["furniture"] * (len(lines) - trailing_from)
        heading = lines[trailing_from][2].strip()
        dropped.append(Dropped(trailing_from + 1, len(lines),
                               f"page furniture after the heading {heading[:40]!r}"))
    return kinds, dropped


def _blocks(lines, kinds: list[str], chars: list[str]) -> list[Block]:
    blocks: list[Block] = []
    open_block: list[int] | None = None
    for idx, kind in enumerate(kinds):
        start, end, line = lines[idx]
        if kind in ("blank", "furniture"):
            open_block = None
            continue
        if kind == "heading":
            blocks.append(Block(start, end, "heading"))
            open_block = None
            continue
        if open_block is not None and _LIST_MARK.match(line):
            open_block = None  # a new list item ('- Laptops: $8 billion') is not the last one wrapped
        if open_block is not None:
            prev_end = blocks[-1].end
            for j in range(prev_end, start):
                if chars[j] in "\n\r":
                    chars[j] = " "
            blocks[-1] = Block(blocks[-1].start, end, "paragraph")
        else:
            blocks.append(Block(start, end, "paragraph"))
        stripped = line.rstrip()
        open_block = None if stripped.endswith(_TERMINAL) else [idx]
    return blocks
