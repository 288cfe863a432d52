"""Helpers to extract claims from short texts in tests."""
from __future__ import annotations

from datetime import date

from factcheck.articles import SourceInfo, parse_article
from factcheck.claims import extract_claims


def claims_of(text: str, kn, published: date | None = date(2025, 6, 10), kind: str | None = None):
    """Claims extracted from one text (optionally of one type)."""
    article = parse_article(text, "t.txt", SourceInfo(None, published), kn)
    found = extract_claims(article, kn)
    return [c for c in found if kind is None or c.type == kind]


def one(text: str, kn, kind: str, published: date | None = date(2025, 6, 10)):
    """The single claim of a type in a text."""
    found = claims_of(text, kn, published, kind)
    assert len(found) == 1, [(c.type, c.text) for c in found]
    return found[0]
