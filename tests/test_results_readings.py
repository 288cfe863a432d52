"""How results stories, election lists and multi-day disaster coverage are read: what each
figure is of, whose it is, which basis and day it has. Texts written for this project."""
from __future__ import annotations

from datetime import date

from factcheck.api import check_texts

from .helpers import claims_of


def _by_text(text, kn, kind=None, published=date(2025, 7, 24)):
    return {c.text: c for c in claims_of(text, kn, published, kind)}


def test_earnings_per_share_is_its_own_measure_and_cents_a_share_are_money(kn):
    found = _by_text("Quarterly profit fell to $1.2 billion, or 31 cents a share, from $1.5 billion.", kn)
    assert found["$1.2 billion"].measure == "profit"
    assert (found["31 cents"].type, found["31 cents"].value, found["31 cents"].unit) == ("money", 0.31, "USD")
    assert found["31 cents"].measure == "earnings per share"
    assert found["$1.5 billion"].qualifiers.level == "previous"
    eps = _by_text("Adjusted earnings per share came in at $0.52.", kn, "money")["$0.52"]
    assert eps.measure == "earnings per share" and "adjusted" in eps.mods


def test_a_measure_right_before_of_is_its_figures_measure(kn):
    found = _by_text("Analysts were looking for adjusted EPS of $0.61 on revenue of $18.2 billion.", kn, "money")
    assert found["$0.61"].measure == "earnings per share"
    assert found["$18.2 billion"].measure == "revenue"


def test_expected_after_a_figure_is_that_figures(kn):
    found = _by_text("Revenue came to $18.05 billion vs. $18.2 billion expected and EPS of $0.61.", kn, "money")
    assert found["$18.05 billion"].qualifiers.level is None
    assert found["$18.2 billion"].qualifiers.level == "projected"
    assert found["$0.61"].qualifiers.level is None


def test_each_figure_takes_the_basis_nearest_it(kn):
    found = _by_text("Sales: $9.4B, YoY +21.5%, QoQ +3.2%; margin steady.", kn, "percent")
    assert found["21.5%"].qualifiers.basis == "year-on-year"
    assert found["3.2%"].qualifiers.basis == "quarter-on-quarter"


def test_a_figure_excluding_something_is_another_measure(kn):
    found = _by_text("Adjusted EPS rose 44% year over year excluding the litigation charge.", kn, "percent")
    assert "excluding" in found["44%"].mods


def test_counts_of_a_change_keep_the_old_level_apart(kn):
    found = _by_text("The carmaker delivered 212,480 vehicles, down 9% from 233,520 vehicles a year earlier.",
                     kn, "count")
    assert found["233,520 vehicles"].qualifiers.level == "previous"
    assert found["212,480 vehicles"].qualifiers.level is None


def test_a_decimal_comma_before_a_percent_sign_reads_for_sure(kn):
    found = _by_text("The Harbour Party won 31,4% of the vote.", kn, "percent")
    assert found["31,4%"].value == 31.4


def test_a_dateline_with_two_hyphens_is_not_an_event_day(kn):
    found = claims_of("July 5 (Wire) -- Rescuers searched the river banks on Saturday.", kn,
                      date(2025, 7, 5), "date")
    assert [c.text for c in found] == ["Saturday"]


def test_a_deadline_is_dated_as_one(kn):
    found = _by_text("The deal averts a threat to raise duties to 30% by August 1.", kn, "date")
    assert found["August 1"].event == "effect"


def test_briefings_on_different_days_are_possibly_one_fact_not_a_conflict(ruleset):
    texts = [("a.txt", "Sheriff Ana Ruiz said at a news conference on Friday that 14 people had died.",
              date(2025, 7, 5)),
             ("b.txt", "Sheriff Ana Ruiz told a news conference on Sunday that 31 people had died.",
              date(2025, 7, 7))]
    report = check_texts(texts, ruleset)
    assert not [f for f in report.findings if f.kind == "date"]
    assert [f.code for f in report.possible if f.kind == "date"] == ["DAT001"]


def test_each_figure_of_a_party_list_is_held_by_its_party(kn):
    found = _by_text("The Harbour Party took 31.4% of the vote, the Green Front 22.7% and the Farmers' League 12.1%.",
                     kn, "percent")
    assert {t: c.qualifiers.holder for t, c in found.items()} == \
        {"31.4%": "harbour", "22.7%": "front/green", "12.1%": "farmer/league"}
    seats = _by_text("The Harbour Party will hold 71 seats, the Green Front 52 and the Liberal Union 19.", kn, "count")
    assert {c.value: (c.measure, c.qualifiers.holder) for c in seats.values()} == \
        {71: ("seat", "harbour"), 52: ("seat", "front/green"), 19: ("seat", "liberal/union")}


def test_a_year_before_a_word_is_not_a_clock_time(kn):
    found = _by_text("Revenue for Q2 2025 was $9.4 billion. The talks began at 1530 GMT.", kn, "time")
    assert list(found) == ["1530 GMT"]


def test_the_first_word_of_a_list_item_is_not_a_holder(kn):
    found = _by_text("Results - Adjusted EPS fell 23% to $0.40. - Energy storage revenue fell 7%. "
                     "- Gross margin was 17.2%.", kn, "percent")
    assert not [c for c in found.values() if c.qualifiers.holder]


def test_two_times_of_one_take_off_minutes_apart_are_one_fact(ruleset):
    texts = [("a.txt", "The jet took off at 9:41 a.m. local time and came down in a field near the runway.",
              date(2025, 3, 4)),
             ("b.txt", "Witnesses said flight 802 took off at 9:42 am before it lost height.", date(2025, 3, 4))]
    report = check_texts(texts, ruleset)
    assert [(f.code, f.verdict) for f in report.findings] == [("DAT002", "contradiction")]


def test_a_length_told_in_two_units_is_one_duration(kn):
    found = _by_text("She was sentenced to 12 years and nine months in prison; the hearing took 2 hours and 30 minutes.",
                     kn, "duration")
    assert {t: (c.value, c.unit) for t, c in found.items()} == \
        {"12 years and nine months": (12.75, "year"), "2 hours and 30 minutes": (2.5, "hour")}


def test_a_count_ends_before_a_past_verb_and_its_object(kn):
    found = _by_text("Three judges found him guilty on Tuesday.", kn, "count")
    assert found["Three judges"].measure == "judge"


def test_a_bare_dateline_is_not_an_event_day(kn):
    found = claims_of("Ostburg, Sep 25 The weather office lowered its storm signal on Wednesday.", kn,
                      date(2025, 9, 25), "date")
    assert [c.text for c in found] == ["Wednesday"]


def test_a_time_after_by_is_a_tally_time_not_a_deadline(kn):
    found = _by_text("By 9 am, reports of 350 fallen trees had come in.", kn, "time")
    assert found["9 am"].event != "effect"


def test_a_measure_that_could_come_is_apart_from_one_measured(kn):
    found = _by_text("The city could see winds reaching 230 kilometres per hour.", kn, "measure")
    assert found["230 kilometres per hour"].qualifiers.level == "projected"
    flights = _by_text("About 1,000 flights expected to land on Thursday.", kn, "count")
    assert flights["About 1,000 flights"].qualifiers.level == "projected"


def test_times_hours_apart_are_two_events(ruleset):
    texts = [("a.txt", "The observatory raised the storm signal at 2.20pm as the storm neared.", date(2025, 9, 24)),
             ("b.txt", "The observatory lowered the storm signal at 8.20pm as the storm moved away.",
              date(2025, 9, 24))]
    report = check_texts(texts, ruleset)
    assert not [f for f in report.findings + report.possible if f.code == "DAT002"]


def test_taking_office_and_the_vote_are_two_days(ruleset):
    texts = [("a.txt", "Mayor Ana Soler was sworn in on Wednesday, two days after her victory.", date(2025, 6, 6)),
             ("b.txt", "Ana Soler was elected mayor in a June 2 vote.", date(2025, 6, 6))]
    report = check_texts(texts, ruleset)
    assert not [f for f in report.findings if f.kind == "date"]


def test_figures_of_a_list_without_a_measure_are_compared_by_holder(ruleset):
    texts = [("a.txt", "The Harbour Party won 31.4% of the vote, the Green Front 22.7%.", date(2026, 3, 9)),
             ("b.txt", "Final count: Harbour Party — 31.4%, Green Front — 24.7%.", date(2026, 3, 9))]
    report = check_texts(texts, ruleset)
    values = sorted(c.text for f in report.findings for c in f.claims)
    assert [f.code for f in report.findings] == ["PCT001"] and values == ["22.7%", "24.7%"]


def test_a_holders_figure_in_one_region_is_not_its_national_one(ruleset):
    texts = [("a.txt", "The Harbour Party won 31.4% of the vote, the Green Front 22.7%.", date(2026, 3, 9)),
             ("b.txt", "In Nordland, the Harbour Party took 33.1%, the Green Front 20.2%.",
              date(2026, 3, 9))]
    report = check_texts(texts, ruleset)
    assert not [f for f in report.findings if any(c.text == "33.1%" for c in f.claims)]


def test_a_range_holds_the_figures_inside_it(ruleset):
    inside = [("a.txt", "Pollsters had the Green Front on 21-23% of the vote.", date(2026, 3, 8)),
              ("b.txt", "The Green Front won 22.4% of the vote.", date(2026, 3, 9))]
    outside = [inside[0], ("b.txt", "The Green Front won 25.4% of the vote.", date(2026, 3, 9))]
    assert not check_texts(inside, ruleset).findings
    assert [f.verdict for f in check_texts(outside, ruleset).findings] == ["contradiction"]


def test_a_bare_number_takes_the_class_its_verb_gives_after_it(kn):
    found = _by_text("Officials said almost a dozen are still missing and two were killed.", kn, "count")
    assert (found["dozen"].value, found["dozen"].measure, found["dozen"].qualifiers.hedge) == (12, "missing", "approx")
    assert found["two"].measure == "dead"


def test_a_weekday_the_day_after_publication_is_possibly_that_next_day(ruleset):
    texts = [("a.txt", "A strong earthquake struck off the coast of Norvania on Wednesday, officials said.",
              date(2025, 3, 11)),
             ("b.txt", "The earthquake struck off the coast of Norvania on Wednesday, the agency said.",
              date(2025, 3, 12))]
    report = check_texts(texts, ruleset)
    assert not [f for f in report.findings if f.kind == "date"]
    assert [f.code for f in report.possible if f.kind == "date"] == ["DAT001"]
    far = [texts[0], ("b.txt", texts[1][1].replace("Wednesday", "Monday"), date(2025, 3, 13))]
    assert [f.code for f in check_texts(far, ruleset).findings if f.kind == "date"] == ["DAT001"]


def test_the_sides_of_a_split_vote_are_possible_matches_not_contradictions(ruleset):
    texts = [("a.txt", "Six members of the board voted for the rise and three to hold, the minutes showed.",
              date(2025, 4, 3)),
             ("b.txt", "Five members of the board backed a rise at first, while four wanted to hold.",
              date(2025, 4, 3))]
    report = check_texts(texts, ruleset)
    assert not [f for f in report.findings if f.kind == "count"]
    assert [f.code for f in report.possible if f.kind == "count"] == ["CNT001"]
    lone = [("a.txt", "Six members of the board voted for the rise.", date(2025, 4, 3)),
            ("b.txt", "Five members of the board voted for the rise.", date(2025, 4, 3))]
    assert [f.code for f in check_texts(lone, ruleset).findings if f.kind == "count"] == ["CNT001"]
