"""Lists paired item by item with 'respectively', and old values dated by their own month.
Texts written for this project."""
from __future__ import annotations

from datetime import date

from factcheck.api import check_texts

from .helpers import claims_of

DAY = date(2025, 6, 12)


def test_each_figure_of_a_respectively_list_takes_its_own_month(kn):
    found = claims_of("Elbonian consumer price inflation was 4.1%, 3.6% and 3.2% in February, March and April, "
                      "respectively.", kn, DAY, "percent")
    assert [(c.text, c.period) for c in found] == [("4.1%", "february"), ("3.6%", "march"), ("3.2%", "april")]


def test_each_figure_of_a_respectively_list_takes_its_own_name(kn):
    found = claims_of("Exports to Japan and the EU rose 9% and 4%, respectively, while sales to Brazil fell 2%.",
                      kn, DAY, "percent")
    assert [(c.text, sorted(c.mods)) for c in found][:2] == [("9%", ["japan"]), ("4%", ["european union"])]


def test_a_list_that_does_not_fit_its_figures_is_left_as_read(kn):
    text = "In February and April the bank cut its rate by 25 basis points{}."
    found = claims_of(text.format(", respectively"), kn, DAY, "percent")
    assert [c.period for c in found] == [c.period for c in claims_of(text.format(""), kn, DAY, "percent")]


def test_an_old_value_with_its_own_month_is_that_months_level(kn, ruleset):
    old = claims_of("Inflation in Elbonia eased to 2.1% in May from 2.6% in April.", kn, DAY, "percent")[1]
    assert (old.period, old.qualifiers.level, old.qualifiers.direction) == ("april", None, None)
    texts = [("a.txt", "Inflation in India eased to 2.1% in May from 2.6% in April, the statistics office said.", DAY),
             ("b.txt", "Indian inflation was 2.9%, 2.7% and 2.5% in February, March and April, respectively, "
                       "the statistics office said.", DAY)]
    found = [(f.verdict, sorted(c.text for c in f.claims)) for f in check_texts(texts, ruleset).findings]
    assert found == [("contradiction", ["2.5%", "2.6%"])]
