"""Moves and levels of stock indexes."""
from __future__ import annotations

from datetime import date

from factcheck.api import check_texts

from .helpers import claims_of

D = date(2025, 5, 12)


def test_a_move_in_points_or_per_cent_is_its_index_s_and_a_level_is_not_a_move(kn):
    found = claims_of("The Dow Jones Industrial Average rose 1,160.72 points, or 2.81%, to 42,410.10 points. "
                      "The S&P 500 rose 3.3%.", kn, D)
    assert [(c.text, c.measure, sorted(c.mods)) for c in found if c.type in ("measure", "percent")] == [
        ("1,160.72 points", "index", ["dow jones industrial average"]),
        ("2.81%", "index", ["dow jones industrial average"]),
        ("42,410.10 points", "index", ["dow jones industrial average", "level"]),
        ("3.3%", "index", ["s&p 500"])]
    assert not [c for c in found if c.type == "count"]


def test_index_moves_round_and_two_indexes_are_two_facts(ruleset):
    report = check_texts([("a.txt", "The Dow rose 1,160 points, or 2.8%, on Monday.", D),
                          ("b.txt", "The Dow Jones Industrial Average rose 1,160.72 points, or 2.81%, on Monday.", D),
                          ("c.txt", "The Nasdaq rose 4.35% on Monday.", D)], ruleset)
    assert report.findings == []
    assert sorted(a.verdict for a in report.agreements if a.verdict == "rounding") == ["rounding", "rounding"]
