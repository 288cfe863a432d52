"""An article's bytes as text: UTF-8, then the usual encodings of web pages, then
charset-normalizer's guess, with a doubt recorded when the guess is weak; garbled text is an
``InputError`` with the reason."""
from __future__ import annotations

import re
from dataclasses import dataclass

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b")


class InputError(Exception):
    """An input that cannot be read as an article; the message is the one-line reason."""



@dataclass(frozen=True)
class Decoded:
    """An article's text, the encoding its bytes were read in, and, when that encoding is a weak
    guess, why (``doubt``)."""

    text: str
    encoding: str
    doubt: str | None = None


# The usual encodings of web pages and office files after UTF-8, in the order they are tried;
# the first that reads a file cleanly is taken (name, Python codec).
WEB_ENCODINGS = (("windows-1252", "cp1252"), ("iso-8859-1", "latin-1"), ("iso-8859-15", "iso8859_15"))
CLEAN_MESS = 0.2  # charset-normalizer's mess ratio above which a decoding is garbled
WEAK_MESS = 0.1  # ... and above which it is accepted only with a warning
WEAK_COHERENCE = 0.1  # charset-normalizer's language coherence under which no language fits
_C1_CONTROLS = re.compile("[\x80-\x9f]")


def decode(raw: bytes) -> str:
    """Decode article bytes (see ``read_text``)."""
    return read_text(raw).text


def read_text(raw: bytes) -> Decoded:
    """Decode article bytes: UTF-8 (with or without BOM), else the first of WEB_ENCODINGS that
    reads them cleanly, else the encoding charset-normalizer finds. InputError when the bytes
    are empty, binary or read cleanly in no encoding."""
    if not raw.strip():
        raise InputError("empty file")
    if raw.startswith(_BINARY_MAGIC) or raw.count(b"\x00") > max(8, len(raw) // 100):
        if not (raw.startswith((b"\xff\xfe", b"\xfe\xff"))):
            raise InputError("binary file, not text")
    for bom, codec, name in ((b"\xef\xbb\xbf", "utf-8-sig", "utf-8"), (b"\xff\xfe", "utf-16", "utf-16"),
                             (b"\xfe\xff", "utf-16", "utf-16")):
        if raw.startswith(bom):
            try:
                return Decoded(raw.decode(codec), name)
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable {codec} text at byte {exc.start}") from None
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        bad_byte = utf8_error.start
    return _web_encoding(raw) or _detected_encoding(raw, bad_byte)


def _mess(text: str) -> float:
    return 1.0 if _C1_CONTROLS.search(text) else mess_ratio(text, CLEAN_MESS)


def _web_encoding(raw: bytes) -> Decoded | None:
    """The first of WEB_ENCODINGS that decodes the bytes cleanly, with a doubt when another one
    also does and reads them differently, or when the text looks partly garbled."""
    clean: list[tuple[str, str, float]] = []
    for name, codec in WEB_ENCODINGS:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        mess = _mess(text)
        if mess < CLEAN_MESS:
            clean.append((name, text, mess))
    if not clean:
        return None
    name, text, mess = clean[0]
    if name == "windows-1252" and any(n == "iso-8859-1" and t == text for n, t, _ in clean):
        name = "iso-8859-1"
    doubts = []
    for other, other_text, _ in clean[1:]:
        if other_text != text:
            differ = [(a, b) for a, b in zip(text, other_text) if a != b]
            doubts.append(f"{other} reads {len(differ)} character{'s' * (len(differ) != 1)} differently "
                          f"({differ[0][0]!r} as {differ[0][1]!r})")
            break
    if mess >= WEAK_MESS:
        doubts.append(f"parts of it read as garbled (mess ratio {mess:.2f})")
    return Decoded(text, name, "; ".join(doubts) or None)


def _detected_encoding(raw: bytes, bad_byte: int) -> Decoded:
    """The encoding charset-normalizer finds best, with a doubt when no language fits the text,
    parts of it look garbled or another encoding fits about as well and reads it differently."""
    matches = list(from_bytes(raw))
    best = matches[0] if matches else None
    if best is None or best.encoding is None:
        raise InputError(f"not text: no encoding reads it cleanly (not UTF-8 at byte {bad_byte})")
    text = str(best)
    doubts = []
    if best.coherence < WEAK_COHERENCE:
        doubts.append("no language fits the text")
    if best.chaos >= WEAK_MESS:
        doubts.append(f"parts of it read as garbled (mess ratio {best.chaos:.2f})")
    rival = next((m for m in matches[1:] if m.chaos <= best.chaos + 0.01
                  and m.coherence >= best.coherence - 0.05 and str(m) != text), None)
    if rival is not None:
        doubts.append(f"{rival.encoding} fits about as well and reads it differently")
    return Decoded(text, best.encoding, "; ".join(doubts) or None)
