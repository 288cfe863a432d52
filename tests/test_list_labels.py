"""Figures of a list take what they are of from their labels and the list's lead-in."""
from __future__ import annotations

from datetime import date

from factcheck.api import check_texts

from .helpers import claims_of

D = date(2025, 7, 31)
LIST = ("Here is how the quarter's revenue split by product line.\n"
        "- Tablets: $6.1 billion\n"
        "- Laptops: $8 billion\n")
HEADINGS = ("### Breakdown by segment:\n"
            "– **Cloud Revenue**:\n"
            "– $27.4 billion, up 13% from $24.2 billion.\n")


def test_a_label_before_a_figure_names_what_it_is_of_and_the_lead_in_its_measure(kn):
    found = claims_of(LIST, kn, D, "money")
    assert [(c.measure, sorted(c.mods)) for c in found] == [("revenue", ["tablet"]), ("revenue", ["laptop"])]


def test_a_heading_over_a_list_item_is_its_label(kn):
    found = claims_of(HEADINGS, kn, D, "money")
    assert (found[0].measure, sorted(found[0].mods)) == ("revenue", ["cloud"])


def test_a_labelled_figure_is_compared_with_the_same_figure_in_prose(ruleset):
    report = check_texts([("a.txt", LIST, D),
                          ("b.txt", "Laptop revenue rose 15% to $8.05 billion in the quarter.", D)], ruleset)
    rounded = [a for a in report.agreements if a.verdict == "rounding"] + \
        [f for f in report.findings if f.verdict == "rounding"]
    assert len(rounded) == 1 and {c.text for c in rounded[0].claims} >= {"$8 billion", "$8.05 billion"}
