"""claimreview.jsonld: schema.org ClaimReview records, the fact-checking ecosystem's exchange format.

The claim reviewed is the sentence that states it; the claim's author and each appearance's
publisher is the outlet (from sources.yaml; left out where it is unknown). The review itself is
written by factcheck.
"""
from __future__ import annotations

import json

from .common import is_unknown_outlet, named_sources, source_labels

RATING = {"contradiction": (1, "Contradicted by other sources"),
          "basis_mismatch": (3, "Different basis: both figures can be true"),
          "rounding": (4, "Differs only by rounding"),
          "possible_misspelling": (2, "Possibly misspelled name")}


def _organization(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def _sentence(claim) -> str:
    return " ".join((claim.sentence or claim.text).split())


def _record(f, report, labels: dict[str, str]) -> dict:
    articles = {a.id: a for a in report.articles}
    reviewed = [c for c in f.claims if c.article in f.outliers] or f.claims[:1]
    value, name = RATING.get(f.verdict, (3, f.verdict))
    appearances = []
    for c in f.claims:
        art = articles.get(c.article)
        item = {"@type": "CreativeWork", "name": c.article, "text": _sentence(c), "position": c.line}
        if art and not is_unknown_outlet(art.outlet):
            item["publisher"] = _organization(str(art.outlet).strip())
        if art and art.published:
            item["datePublished"] = art.published.isoformat()
        if art:
            item["inLanguage"] = art.lang
        appearances.append(item)
    claim: dict = {"@type": "Claim", "appearance": appearances}
    first = articles.get(reviewed[0].article)
    if first and not is_unknown_outlet(first.outlet):
        claim["author"] = _organization(str(first.outlet).strip())
    if first and first.published:
        claim["datePublished"] = first.published.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f.id,
        "claimReviewed": _sentence(reviewed[0]),
        "reviewBody": named_sources(f.message, labels, lambda i: labels[i]),
        "author": _organization("factcheck"),
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                         "alternateName": name},
        "itemReviewed": claim,
        "keywords": [f.code, f.verdict],
    }


def render(report, ruleset=None) -> str:
    """A JSON-LD array with one ClaimReview per conflict (those a baseline suppressed are left out)."""
    labels = source_labels(report)
    return json.dumps([_record(f, report, labels) for f in report.findings], indent=2, ensure_ascii=False) + "\n"
