"""Whose figure a figure is (a segment named before a bracketed aside, a place named after a
count, the sector that added jobs), counts of an election (seats run for, won, led in), tallies
of damage and sums of a span. Texts written for this project."""
from __future__ import annotations

from datetime import date

from factcheck.api import check_texts

from .helpers import claims_of

DAY = date(2025, 11, 6)


def _codes(report):
    return sorted((f.code, f.verdict) for f in report.findings)


def _one(found, text):
    return next(c for c in found if c.text == text)


def test_a_bracketed_aside_does_not_give_the_figure_its_measure(kn):
    found = claims_of("- Cloud revenues (21.4% of total sales) rose 18.2% to $31 billion.", kn, DAY, "money")
    assert _one(found, "$31 billion").measure == "revenue"
    assert "cloud" in _one(found, "$31 billion").mods


def test_the_verb_before_a_measure_is_no_modifier_of_it(kn):
    found = claims_of("The cloud unit saw revenue climb 19% to $31.02 billion.", kn, DAY, "money")
    assert "saw" not in _one(found, "$31.02 billion").mods


def test_the_figure_analysts_had_predicted_is_an_expectation(kn):
    found = claims_of("Sales rose to $31.02 billion, above the $30.41 billion analysts had predicted.", kn, DAY, "money")
    assert [(c.text, c.qualifiers.level) for c in found] == [("$31.02 billion", None), ("$30.41 billion", "projected")]


def test_deaths_count_the_dead(kn):
    found = claims_of("Officials said 16 deaths were recorded in the valley.", kn, DAY, "count")
    assert [(c.value, c.measure) for c in found] == [(16, "dead")]


def test_a_place_named_after_each_count_of_a_list_holds_it(kn):
    found = claims_of("Most of the confirmed fatalities, including 15 in Varosk, 8 in Tellin and 9 in Amber City, "
                      "were in the north.", kn, DAY, "count")
    assert [(c.value, c.qualifiers.holder) for c in found] == [(15, "varosk"), (8, "tellin"), (9, "amber")]


def test_counts_of_one_place_are_one_fact_and_of_two_places_two(ruleset):
    a = ("a.txt", "The agency said 16 deaths were recorded in Varosk, 12 in Amber City and nine in Tellin City.", DAY)
    b = ("b.txt", "Most of the dead were found in the hills, including 15 in Varosk, 8 in Tellin and 12 in Amber.", DAY)
    report = check_texts([a, b], ruleset)
    values = sorted(tuple(sorted(c.text for c in f.claims)) for f in report.findings if f.code == "CNT001")
    assert values == [("15", "16 deaths"), ("8", "nine")]


def test_two_figures_of_two_places_in_one_sentence_are_no_evidence_of_two_facts(ruleset):
    a = ("a.txt", "The agency said 16 deaths were recorded in Varosk, 12 in Amber and nine in Tellin.", DAY)
    b = ("b.txt", "Most of the dead were found in the hills, including 15 in Varosk, 8 in Tellin and 9 in Amber.", DAY)
    report = check_texts([a, b], ruleset)
    assert ("CNT001", "contradiction") in _codes(report)
    assert not any("side by side" in p.weak for p in report.possible)


def test_a_day_after_since_is_when_something_began_not_its_day(kn):
    found = claims_of("Heavy rain has fallen across the province since Saturday, the agency said.", kn, DAY, "date")
    assert [c.event for c in found] == [None]


def test_a_tally_of_damage_from_another_day_is_only_possibly_the_same_fact(ruleset):
    a = ("a.txt", "Nearly 6,000 hectares of rice were flooded, the ministry said.", DAY)
    b = ("b.txt", "Over 10,000 hectares of rice were flooded, the ministry said.", None)
    report = check_texts([a, b], ruleset)
    assert not [f for f in report.findings if f.code == "CNT004"] and report.possible
    report = check_texts([a, (b[0], b[1], DAY)], ruleset)
    assert ("CNT004", "contradiction") in _codes(report)


def test_seats_run_for_are_not_seats_won(ruleset):
    a = ("a.txt", "The Harbour Party contested 101 seats in the election.", DAY)
    b = ("b.txt", "The Harbour Party won 89 seats in the election.", DAY)
    assert _codes(check_texts([a, b], ruleset)) == []
    c = ("c.txt", "The Harbour Party won 85 seats in the election.", DAY)
    assert ("CNT001", "contradiction") in _codes(check_texts([b, c], ruleset))


def test_a_lead_in_a_count_under_way_is_not_the_result(kn, ruleset):
    found = claims_of("Early data showed the Harbour Party leading in 133 seats.", kn, DAY, "count")
    assert [c.qualifiers.level for c in found] == ["interim"]
    a = ("a.txt", "Early data showed the Harbour Party leading in 133 seats.", DAY)
    b = ("b.txt", "The Harbour Party won 89 seats in the election.", DAY)
    assert _codes(check_texts([a, b], ruleset)) == []


def test_a_list_of_seats_gives_its_verb_and_holders_to_every_item(kn):
    found = claims_of("HPX won 68 seats, JD(U) 50, LJP 12 and the Greens 2.", kn, DAY, "count")
    assert [(c.value, c.qualifiers.holder, c.action) for c in found] == [
        (68, "hpx", "win"), (50, "jd", "win"), (12, "ljp", "win"), (2, "green", "win")]


def test_the_sector_that_added_jobs_is_whose_count_it_is(kn):
    found = claims_of("Retail and construction firms added more than 57,000 jobs in September.", kn, DAY, "count")
    assert "construction" in _one(found, "more than 57,000 jobs").mods
    found = claims_of("There were an extra 37,000 jobs for bars and restaurants.", kn, DAY, "count")
    assert "bar" in _one(found, "37,000 jobs").mods


def test_a_count_of_the_year_so_far_is_a_total(kn):
    found = claims_of("Factories cut 25,000 jobs, a decline of 97,000 jobs on the year so far.", kn, DAY, "count")
    assert [(c.value, c.qualifiers.level) for c in found] == [(25000, None), (97000, "total")]


def test_the_third_fiscal_quarter_is_a_period_not_a_modifier(kn):
    found = claims_of("The firm's third fiscal quarter revenue was $51.2 billion.", kn, DAY, "money")
    assert [(c.period, "third" in c.mods) for c in found] == [("q3", False)]
    found = claims_of("Third-quarter revenue was $57.01 billion.", kn, DAY, "money")
    assert [(c.period, set(c.mods)) for c in found] == [("q3", set())]


def test_an_expectation_that_was_beaten_does_not_govern_the_outcome(kn):
    found = claims_of("The report exceeded Wall Street expectations, with adjusted earnings of $1.30 per share "
                      "and revenue of $57 billion, topping estimates of $55.4 billion in revenue and $1.25 in "
                      "earnings per share.", kn, DAY, "money")
    assert [(c.text, c.qualifiers.level) for c in found] == [
        ("$1.30", None), ("$57 billion", None), ("$55.4 billion", "projected"), ("$1.25", "projected")]


def test_an_outcome_compared_with_an_expectation_is_no_expectation(kn):
    found = claims_of("The firm beat forecasts, with EPS of $3.72 topping estimates of $3.67 and revenue rising to "
                      "$77.67 billion versus expectations of $75.55 billion.", kn, DAY, "money")
    assert [(c.text, c.qualifiers.level) for c in found] == [
        ("$3.72", None), ("$3.67", "projected"), ("$77.67 billion", None), ("$75.55 billion", "projected")]


def test_a_figure_passed_is_a_bound(kn):
    found = claims_of("Quarterly revenue was strong, surpassing $100 billion for the first time.", kn, DAY, "money")
    assert [(c.value, c.qualifiers.hedge) for c in found] == [(100e9, "lower")]


def test_a_figure_rounded_joins_its_fact_before_a_figure_of_another_segment(ruleset):
    a = ("a.txt", "The cloud unit, the company's fastest-growing arm, saw revenue climb 20% to $33.01 billion.", DAY)
    b = ("b.txt", "- Cloud revenues (18.3% of total sales) rose 20.2% to $33 billion, and retail revenues rose "
                  "14% to $40.8 billion.", DAY)
    report = check_texts([a, b], ruleset)
    assert not [f for f in report.findings if f.verdict == "contradiction" and f.code == "MON001"]


def test_one_slip_in_the_surname_of_one_first_name_and_role_is_one_person_of_any_body(ruleset):
    a = ("a.txt", "Harbour Fed President Jeffrey Schmidt wanted no rate cut.", DAY)
    b = ("b.txt", "Lakeside Fed President Jeffrey Schmid wanted to hold the rate steady.", DAY)
    assert ("NAM002", "possible_misspelling") in _codes(check_texts([a, b], ruleset))
    c = ("c.txt", "Lakeside Fed President Joanna Schmid wanted to hold the rate steady.", DAY)
    assert not [f for f in check_texts([a, c], ruleset).findings if f.code == "NAM002"]


def test_a_time_on_a_five_minute_mark_may_be_a_nearer_time_rounded(ruleset):
    a = ("a.txt", "The accident occurred at 03:50 local time on the northern runway.", DAY)
    b = ("b.txt", "The freighter veered off the runway at 3:53 a.m. local time, the authority said.", DAY)
    report = check_texts([a, b], ruleset)
    assert ("DAT002", "contradiction") not in _codes(report)
    assert any(f.verdict == "rounding" for f in report.agreements)
    c = ("c.txt", "The accident occurred at 03:35 local time on the northern runway.", DAY)
    assert ("DAT002", "contradiction") in _codes(check_texts([b, c], ruleset))
    d = ("d.txt", "The freighter veered off the runway at 3:46 a.m. local time, the authority said.", DAY)
    assert ("DAT002", "contradiction") in _codes(check_texts([a, d], ruleset))  # 3:46 rounds to 3:45


def test_a_name_before_the_speaker_of_a_list_holds_none_of_it(kn):
    found = claims_of("According to a report seen by Harbour Times earlier today, Varosk reported 37 deaths, "
                      "Tellin 23 and Amber 22.", kn, DAY, "count")
    assert _one(found, "37 deaths").qualifiers.holder is None
    assert [c.qualifiers.holder for c in found if c.text != "37 deaths"] == ["tellin", "amber"]


def test_an_annual_rate_has_a_basis_not_a_year_for_its_period(kn):
    found = claims_of("Annual food price inflation decreased to 4.3 per cent last month.", kn, DAY, "percent")
    assert [(c.qualifiers.basis, c.period) for c in found] == [("year-on-year", None)]


def test_a_year_right_after_another_figure_is_that_figures(kn):
    found = claims_of("Its vote share rose to 20.07 percent from 19.46 percent in 2020, even as it contested 101 "
                      "seats in these elections compared to 110 constituencies in the last polls.", kn, DAY, "count")
    assert [(c.value, c.period, c.qualifiers.level) for c in found] == [(101, None, None), (110, None, "previous")]


def test_figures_within_rounding_are_one_rounded_half_up_or_cut():
    from factcheck.align.grouping import _within_rounding
    from factcheck.types import Claim, Qualifiers

    def money(text, value):
        return Claim(article="a", type="money", line=1, start=0, end=1, text=text, value=value, unit="USD",
                     qualifiers=Qualifiers(), display=text)
    assert _within_rounding(money("$33 billion", 33e9), money("$33.01 billion", 33.01e9))
    assert _within_rounding(money("$33 billion", 33e9), money("$32.61 billion", 32.61e9))
    assert not _within_rounding(money("$33 billion", 33e9), money("$32.01 billion", 32.01e9))


def test_a_country_initial_more_is_the_same_body(ruleset):
    a = ("a.txt", "RBA Governor Michele Bullock warned on Monday.", DAY)
    b = ("b.txt", "Governor of the Reserve Bank Michele Bullock warned on Monday.", DAY)
    assert not [f for f in check_texts([a, b], ruleset).findings if f.code == "TTL002"]


def test_a_list_flattened_into_one_line_is_read_item_by_item(kn):
    found = claims_of("* Fuel prices rose two per cent * Housing (5.6 per cent) and food (3.1 per cent) rose most",
                      kn, DAY, "percent")
    assert [(c.text, c.measure) for c in found if c.text == "5.6 per cent"] == [("5.6 per cent", None)]


def test_a_peak_in_late_2022_is_of_2022(kn):
    found = claims_of("The annual pace rose to 3.0%, the first increase since a peak of 6.8% in late 2022.", kn, DAY,
                      "percent")
    assert [(c.text, c.period) for c in found] == [("3.0%", None), ("6.8%", "2022")]


def test_a_verb_after_its_subject_is_no_modifier_of_the_measure(kn):
    found = claims_of("The EV giant reported revenue of $28.1 billion. Its reported EPS was $0.39.", kn, DAY, "money")
    assert [(c.text, "gaap" in c.mods) for c in found] == [("$28.1 billion", False), ("$0.39", True)]


def test_the_source_of_an_outcome_is_not_what_it_is_of_but_sets_forecasts_apart(kn):
    found = claims_of("Revenue was $28.1 billion, beating analysts' expectations of $26.37 billion, according to "
                      "LSEG data.", kn, DAY, "money")
    assert [(c.text, "lseg" in c.names) for c in found] == [("$28.1 billion", False), ("$26.37 billion", True)]


def test_the_september_quarter_is_not_september(kn):
    found = claims_of("Headline CPI jumped 1.3% in the September quarter.", kn, DAY, "percent")
    assert [c.period for c in found] == ["september quarter"]
