"""claimreview.jsonld: schema.org ClaimReview records, the fact-checking ecosystem's exchange format."""
from __future__ import annotations

import json

RATING = {"contradiction": (1, "Contradicted by other sources"),
          "basis_mismatch": (3, "Different basis: both figures can be true"),
          "rounding": (4, "Differs only by rounding"),
          "possible_misspelling": (2, "Possibly misspelled name")}


def _record(f, report) -> dict:
    published = {a.id: a for a in report.articles}
    reviewed = [c for c in f.claims if c.article in f.outliers] or f.claims[:1]
    value, name = RATING.get(f.verdict, (3, f.verdict))
    appearances = []
    for c in f.claims:
        art = published.get(c.article)
        item = {"@type": "CreativeWork", "name": c.article, "text": c.text, "position": c.line}
        if art and art.outlet:
            item["publisher"] = {"@type": "Organization", "name": art.outlet}
        if art and art.published:
            item["datePublished"] = art.published.isoformat()
        if art:
            item["inLanguage"] = art.lang
        appearances.append(item)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f.id,
        "claimReviewed": reviewed[0].text,
        "reviewBody": f.message,
        "author": {"@type": "Organization", "name": "factcheck"},
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 5, "worstRating": 1,
                         "alternateName": name},
        "itemReviewed": {"@type": "Claim", "appearance": appearances},
        "keywords": [f.code, f.verdict],
    }


def render(report, ruleset=None) -> str:
    """A JSON-LD array with one ClaimReview per conflict."""
    return json.dumps([_record(f, report) for f in report.findings], indent=2, ensure_ascii=False) + "\n"
