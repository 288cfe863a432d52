"""Formatting shared by the report writers."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..types import Claim

_MD_SPECIAL = re.compile(r"[\\`*_\[\]<>#|~]")
_SPACE_RUN = re.compile(r"\s+")
_BACKTICKS = re.compile(r"`+")
_UNKNOWN_OUTLETS = {"", "unknown"}


def plural(n: int, one: str, many: str | None = None) -> str:
    """A count with its noun in the right number: '1 conflict', '2 conflicts', '1 basis difference'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _escape_char(match: re.Match) -> str:
    ch, at, text = match.group(0), match.start(), match.string
    if ch == "_" and 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum():
        return ch
    if ch == "#" and text[:at].strip():
        return ch
    return "\\" + ch


def md_escape(text: str, strip: bool = True) -> str:
    """Quoted text made inert in Markdown (and in Markdown tables): no markup, links, HTML or pipes.

    An underscore inside a word ('003_e603.txt', 'year_on_year') and a '#' after the first
    character ('Reuters #2') are left as they are: Markdown reads neither as markup there, and
    the raw text stays readable."""
    text = _SPACE_RUN.sub(" ", str(text))
    text = text.strip() if strip else text
    return _MD_SPECIAL.sub(_escape_char, text) if _MD_SPECIAL.search(text) else text


def code_span(text: str, table: bool = True) -> str:
    """Text (a file name, a path) as a Markdown code span: shown as written, with no escapes.

    The fence is one backtick longer than any run of backticks in the text. In a table cell
    (``table``) a pipe is written ``\\|``, which GitHub-flavoured tables read as a pipe even
    inside a code span."""
    text = _SPACE_RUN.sub(" ", str(text)).strip()
    if table:
        text = text.replace("|", "\\|")
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def is_unknown_outlet(outlet) -> bool:
    """True when sources.yaml gives no outlet, or literally 'unknown'."""
    return outlet is None or str(outlet).strip().lower() in _UNKNOWN_OUTLETS


def source_labels(report) -> dict[str, str]:
    """A name for each source: its outlet, or its file name when the outlet is unknown; names
    that would still read the same get ' #1', ' #2'… in the order of the sources."""
    labels = {a.id: (a.id if is_unknown_outlet(a.outlet) else str(a.outlet).strip()) for a in report.articles}
    counts = Counter(labels.values())
    seen: Counter = Counter()
    for a in report.articles:
        label = labels[a.id]
        if counts[label] > 1:
            seen[label] += 1
            labels[a.id] = f"{label} #{seen[label]}"
    return labels


def mark_key(claim: Claim, kind: str) -> str:
    """What to mark in a claim's sentence: the title and name as written for a title fact
    ('former U.S. President Donald Trump'), the name for a name fact, else the figure as written."""
    if claim.type == "title":
        return str(claim.qualifiers.person or "") if kind == "name" else claim.text
    return claim.display if claim.display and claim.display in claim.text else claim.text


def sentence_parts(claim: Claim, kind: str, norm: str | None = None) -> tuple[str, str, str] | None:
    """A claim's sentence split around what to mark (see mark_key): (before, marked, after),
    or None when the mark cannot be placed in it.

    ``norm`` (the article's text) places the sentence, so that the figure is marked where the
    claim was found even when the sentence repeats it; without it the first occurrence is marked."""
    sentence = claim.sentence or claim.text
    text_at = sentence.find(claim.text)
    if norm is not None:
        found = norm.find(claim.text, claim.start, claim.end)
        begin = norm.rfind(sentence, 0, found + len(sentence)) if found >= 0 else -1
        if begin >= 0 and found + len(claim.text) <= begin + len(sentence):
            text_at = found - begin
    key = mark_key(claim, kind)
    key_at = claim.text.find(key) if key else -1
    if text_at < 0 or key_at < 0:
        return None
    lo = text_at + key_at
    return sentence[:lo], key, sentence[lo + len(key):]


def bold_sentence(claim: Claim, kind: str, norm: str | None = None) -> str:
    """The claim's sentence for Markdown: escaped, with the figure (see mark_key) in bold."""
    parts = sentence_parts(claim, kind, norm)
    if parts is None:
        return md_escape(claim.sentence or claim.text)
    before, key, after = parts
    return (md_escape(before, False).lstrip() + "**" + md_escape(key) + "**" + md_escape(after, False).rstrip())


def record_text(entry: dict) -> str:
    """An office-holder record entry in words: 'Donald Trump, president [united states], since 2025-01-20'."""
    held = f"since {entry['since']}" + (f" until {entry['until']}" if entry.get("until") else "")
    return f"{entry['holder']}, {entry['office']}, {held}"


def named_sources(text: str, ids, name, plain=lambda part: part) -> str:
    """A message with each source's file name (one of ``ids``) written as ``name(id)`` and the
    rest as ``plain(part)``, in one pass: the longest name first at each place, and only where
    it stands as a whole ('a.txt' is not found inside 'data/a.txt' or 'ba.txt'). Only the ids
    the text holds go into the pattern, found through its words, so that a message costs the
    same whatever the number of sources in the run."""
    ids = _ids_in(text, ids)
    if not ids:
        return plain(text)
    pattern = re.compile(r"(?<![\w./-])(" + "|".join(re.escape(i) for i in ids) + r")(?!\w|[./-]\w)")
    out, at = [], 0
    for m in pattern.finditer(text):
        out += [plain(text[at:m.start()]), name(m.group(1))]
        at = m.end()
    return "".join(out + [plain(text[at:])])


_ID_RUN = re.compile(r"[\w./-]+")
_ID_CHARS = re.compile(r"[\w./-]+\Z")


@lru_cache(maxsize=8)
def _plain_ids(ids: frozenset[str]) -> bool:
    """True when every id is made of name characters only (letters, digits, '.', '/', '-')."""
    return all(_ID_CHARS.match(i) for i in ids)


def _ids_in(text: str, ids) -> list[str]:
    """The ids that occur in a text as a whole, longest first: each run of name characters with
    its trailing marks ('a.txt.' at the end of a sentence) taken off, looked up in ``ids``."""
    ids = frozenset(ids)
    if not _plain_ids(ids):
        found = {i for i in ids if i in text}
    else:
        found = {w for m in _ID_RUN.finditer(text) for w in (m.group(), m.group().rstrip("./-")) if w in ids}
    return sorted(found, key=lambda x: (-len(x), x))


def source_matrix(report) -> tuple[list[str], list[tuple[str, dict[str, str]]]]:
    """Facts × sources: for each conflict or corroborated fact, what each source does with it."""
    sources = [a.id for a in report.articles]
    words = {"agreement": "agrees", "outlier": "OUTLIER"}
    rows = []
    for f in report.findings + report.agreements:
        cells = {}
        for s in sources:
            verdict = cell_verdict(f, s)
            cells[s] = "—" if verdict is None else words.get(verdict, verdict.replace("_", " "))
        rows.append((f"{f.id}: {f.subject}", cells))
    return sources, rows


def cell_verdict(finding, source: str) -> str | None:
    """What one source does with a finding's fact: 'agreement', 'outlier', 'majority' (the side
    most sources take in a conflict with outliers), the finding's own verdict, or None when
    the source does not mention the fact."""
    if not any(c.article == source for c in finding.claims):
        return None
    if finding.verdict == "agreement":
        return "agreement"
    if source in finding.outliers:
        return "outlier"
    return "majority" if finding.outliers else finding.verdict


def per_source(report) -> list[list[str]]:
    """Per source: claims, facts it corroborates, conflicts it is the outlier in."""
    claims = Counter(c.article for c in report.claims)
    corroborated = Counter(s for f in report.agreements for s in {c.article for c in f.claims})
    involved = Counter(s for f in report.findings for s in {c.article for c in f.claims})
    outlier = Counter(s for f in report.findings for s in f.outliers)
    return [[a.id, a.outlet or "unknown", str(claims[a.id]), str(corroborated[a.id]), str(involved[a.id]),
             str(outlier[a.id])] for a in report.articles]


QUOTE_WORDS = 3  # words before a figure that its quote keeps ('climbed 6%')
_QUOTE_STOPS = frozenset(',;:()[]{}"“”«»|•')


def figure_quote(claim: Claim, text: str | None, floor: int = 0) -> str:
    """The figure with the words right before it on its line, as a reader would quote it
    ('climbed 6%', 'the new number of missing at 33'): up to QUOTE_WORDS words, not past
    punctuation, the end of a sentence, another figure or ``floor`` (where the claim before it
    ends). ``text`` is the article's text the claim's offsets are in; a title claim is quoted
    as it is."""
    if not text or claim.type == "title" or not 0 <= claim.start <= claim.end <= len(text):
        return claim.text
    begin = claim.start
    for n in range(QUOTE_WORDS):
        k = begin
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if n == 0 and claim.unit == "age" and k > 0 and text[k - 1] == ",":
            k -= 1  # an age after its person's name: 'Bayrou, 74'
        elif k == 0 or text[k - 1] in _QUOTE_STOPS or text[k - 1] in ".!?\n":
            break
        m = k
        while m > 0 and not text[m - 1].isspace() and text[m - 1] not in _QUOTE_STOPS:
            m -= 1
        if any(ch.isdigit() for ch in text[m:k]) or m < floor:
            break
        begin = m
    return " ".join(text[begin:claim.end].split())


def claim_value(claim: Claim) -> str:
    """The value a claim states, as a reader would write it."""
    if claim.type == "title":
        return f"{claim.qualifiers.person}: {claim.value}"
    if claim.type == "date":
        return claim.display
    return claim.display or str(claim.value)


def readable_amount(value: float) -> str:
    """A large amount as people write it: 2.88e10 → '28.8 billion', 40000 → '40,000'."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:.6g} {word}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"


def claim_resolved(claim: Claim) -> str:
    """The normalised value: an ISO date, a number with its unit, a canonical office."""
    if claim.type == "date":
        return claim.resolved or ""
    if claim.type == "title":
        return str(claim.value)
    if claim.type == "money":
        return f"{readable_amount(claim.value)} {claim.unit}"
    if claim.type == "time":
        hours, minutes = divmod(int(claim.value), 60)
        return f"{hours:02d}:{minutes:02d}" + (f" {claim.unit.upper()}" if claim.unit else "")
    if claim.type == "duration":
        return f"{claim.value:g} {claim.unit}"
    if claim.type == "measure":
        return f"{claim.value:,.10g} {claim.unit}"
    if claim.type == "percent":
        basis = claim.qualifiers.basis
        direction = claim.qualifiers.direction
        extra = ", ".join(x for x in (direction, basis) if x)
        return f"{claim.value:g}{'%' if claim.unit == '%' else ' pp'}" + (f" ({extra})" if extra else "")
    return f"{claim.value:g}" if isinstance(claim.value, float) else str(claim.value)
