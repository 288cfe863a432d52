"""Readings that change with the hours (a storm's winds), conversions, years set before a
sentence, and names told apart by their numbers."""
from __future__ import annotations

from datetime import date

from factcheck.api import check_texts
from factcheck.names import near_spelling, numbered_apart, spelling_variant

from .helpers import claims_of

D = date(2025, 10, 29)


def _verdicts(ruleset, *texts):
    report = check_texts([(f"s{i}.txt", t, D) for i, t in enumerate(texts)], ruleset)
    return [(f.code, f.verdict) for f in report.findings], report


def test_a_reading_after_a_fall_against_a_higher_one_is_only_possibly_one_fact(ruleset):
    found, report = _verdicts(ruleset,
                              "The storm struck the coast with maximum sustained winds of 175 mph, forecasters said.",
                              "The storm weakened inland, and forecasters said its maximum sustained winds had "
                              "decreased to 125 mph.")
    assert found == []
    assert [(f.code, "level after a fall" in f.weak) for f in report.possible] == [("CNT004", True)]
    found, _ = _verdicts(ruleset,
                         "The storm struck the coast with maximum sustained winds of 175 mph, forecasters said.",
                         "The storm struck the coast with maximum sustained winds of 150 mph, forecasters said.")
    assert found == [("CNT004", "contradiction")]


def test_a_measure_converted_to_other_units_and_rounded_is_the_same_figure(ruleset):
    found, _ = _verdicts(ruleset, "The storm struck the coast with maximum sustained winds of 175 mph.",
                         "The storm struck the coast with maximum sustained winds of 280 km/h.")
    assert found == []
    found, _ = _verdicts(ruleset, "The storm struck the coast with maximum sustained winds of 175 mph.",
                         "The storm struck the coast with maximum sustained winds of 270 km/h.")
    assert found == [("CNT004", "contradiction")]


def test_a_wrong_conversion_in_brackets_contradicts_a_right_one(ruleset):
    found, _ = _verdicts(ruleset, "The storm moved north, packing maximum sustained winds of 90 mph (135 km/h).",
                         "The storm moved north, packing maximum sustained winds of 90 mph (145 km/h).")
    assert found == [("CNT004", "contradiction")]


def test_a_year_set_before_a_sentence_is_its_figures_period(kn):
    found = claims_of("In 2013, it took five rounds of voting to choose the chair.", kn, D, "count")
    assert [(c.value, c.period) for c in found] == [(5, "2013")]
    found = claims_of("In May, it took five rounds of voting to choose the chair.", kn, D, "count")
    assert [c.period for c in found] == [None]


def test_names_with_different_numbers_are_two_people():
    assert numbered_apart("Leo XIII", "Leo XIV") and numbered_apart("Henry VII", "Henry VIII")
    assert not numbered_apart("Charles III", "Charles") and not numbered_apart("Li Qiang", "Le Qiang")
    assert not spelling_variant("Pius XI", "Pius XII") and not near_spelling("Pope Pius XI", "Pope Pius XII")
    assert spelling_variant("Li Qiang", "Le Qiang")


def test_the_share_of_votes_counted_is_its_own_measure_and_makes_other_shares_of_the_moment(ruleset, kn):
    found = claims_of("With 94.4% of the votes counted, Park won 48.8% and Cho took 42.0%.", kn, D, "percent")
    assert [c.measure == "share counted" for c in found] == [True, False, False]
    found, report = _verdicts(ruleset,
                              "With 90% of the votes counted, Park won 48.4% of the vote, the commission said.",
                              "Park won 49.4% of the vote, the commission said after the count ended.")
    assert found == []
    assert [(f.code, "of the moment" in f.weak) for f in report.possible] == [("PCT001", True)]


def test_an_amount_in_brackets_in_the_outlets_own_dollars_is_not_read_as_us_dollars(kn):
    found = claims_of("The firm incurred $US800 million ($1.2b) in tariff costs in the quarter.", kn, D, "money")
    assert [(c.text, c.unit) for c in found] == [("$US800 million", "USD")]
    found = claims_of("The jewels are worth 88 million euros ($102.6 million).", kn, D, "money")
    assert [c.unit for c in found] == ["EUR", "USD"]


def test_a_figure_of_last_years_results_is_an_old_level(kn):
    found = claims_of("Phone sales reached $44.5 billion, beating expectations of $40 billion and last "
                      "year's results of $39.3 billion.", kn, D, "money")
    assert [c.qualifiers.level for c in found] == [None, "projected", "previous"]


def test_a_body_and_its_initials_are_one_office(ruleset):
    found, _ = _verdicts(ruleset, "Central Bank of Norvia governor Anna Berg spoke on Tuesday.",
                         "CBN Governor Anna Berg will speak again later today.")
    assert found == []


def test_a_change_told_before_from_makes_an_old_level(kn):
    found = claims_of("The central bank reduced its cash rate from 3.85%.", kn, D, "percent")
    assert [c.qualifiers.level for c in found] == ["previous"]


def test_a_first_in_a_while_is_not_a_place_in_the_series(ruleset):
    found, _ = _verdicts(ruleset, "The cut in February was the bank's first rate cut since October 2020.",
                         "Tuesday's move was the bank's third rate cut this year.")
    assert found == []
    found, _ = _verdicts(ruleset, "Tuesday's move was the bank's second rate cut this year.",
                         "Tuesday's move was the bank's third rate cut this year.")
    assert found == [("CNT002", "contradiction")]


def test_generic_owners_do_not_part_a_figure_from_the_same_one(ruleset):
    found, report = _verdicts(ruleset, "The tech firm's net income rose to $27.23 billion in the quarter.",
                              "Net income reached $27.2 billion in the quarter, the company said.")
    assert found == []
    assert [a.verdict for a in report.agreements] == ["rounding"]


def test_a_whole_years_figure_is_not_a_quarters(ruleset, kn):
    found = claims_of("The cloud unit passed $75 billion in annual revenue.", kn, D, "money")
    assert [c.period for c in found] == ["year"]
    found, _ = _verdicts(ruleset, "The cloud unit passed $75 billion in annual revenue, the firm said.",
                         "The cloud unit posted $76.4 billion in revenue, the firm said.")
    assert found == []


def test_the_figure_a_change_is_compared_with_is_an_old_level(kn):
    found = claims_of("Revenue was $76.4 billion, up 18% compared to the $64.7 billion of last time.", kn, D,
                      "money")
    assert [c.qualifiers.level for c in found] == [None, "previous"]
    found = claims_of("Revenue: $76.44 billion vs. $73.81 billion expected.", kn, D, "money")
    assert [c.qualifiers.level for c in found] == [None, "projected"]


def test_a_first_of_a_kind_is_not_a_place_in_the_whole_line(ruleset):
    found, _ = _verdicts(ruleset, "Mara Lind was sworn in as the 31st prime minister of Norvia on Tuesday.",
                         "Mara Lind became Norvia's first woman prime minister on Tuesday.")
    assert found == []
    found, _ = _verdicts(ruleset, "Mara Lind was sworn in as the 31st prime minister of Norvia on Tuesday.",
                         "Mara Lind was sworn in as the 32nd prime minister of Norvia on Tuesday.")
    assert found == [("CNT002", "contradiction")]


def test_a_near_spelling_of_a_party_head_and_leader_is_one_person(ruleset):
    report = check_texts([(f"s{i}.txt", t, D) for i, t in enumerate([
        "Tomasz Wielgosz, leader of the Green Party, conceded on Tuesday.",
        "Tomasz Wielgosz, leader of the Green Party, spoke on Tuesday.",
        "Tomasz Wielgos, head of the Green Party, spoke on Tuesday."])], ruleset)
    assert [(f.code, f.verdict) for f in report.findings] == [("NAM002", "possible_misspelling")]


def test_a_share_without_a_measure_after_one_with_it_is_of_that_measure(kn):
    found = claims_of("Park received 49.4 percent of votes while Cho secured 41.2 percent.", kn, D, "percent")
    assert [c.measure for c in found] == ["votes", "votes"]
    found = claims_of("With 100 percent of votes counted, Park received 49.4 percent of votes while Cho "
                      "secured 41.2 percent.", kn, D, "percent")
    assert [c.measure for c in found] == ["share counted", "votes", "votes"]


def test_a_year_set_before_a_sentence_counts_in_an_undated_article(kn):
    found = claims_of("In 2013, it took five rounds of voting to choose the chair.", kn, None, "count")
    assert [c.period for c in found] == ["2013"]


def test_a_state_still_going_on_reported_on_other_days_is_a_possible_match(ruleset):
    report = check_texts([("a.txt", "About 77% of the island was without power after the storm, officials said.",
                           date(2025, 10, 28)),
                          ("b.txt", "Some 72% of the island is still without power after the storm, officials said.",
                           date(2025, 10, 31))], ruleset)
    assert report.findings == []
    assert [(f.code, "state of the moment" in f.weak) for f in report.possible] == [("PCT001", True)]


def test_a_consequence_supposed_is_a_projection(kn):
    found = claims_of("Traders expect two more cuts, which would bring the cash rate down to 3.1%.", kn, D,
                      "percent")
    assert [c.qualifiers.level for c in found] == ["projected"]


def test_a_capitalised_noun_counted_is_not_a_name_two_counts_share(ruleset):
    found, _ = _verdicts(ruleset, "Six Democrats, Reps. Ann Lind and Karl Berg among them, voted in support.",
                         "The Senate vote passed with seven Democrats joining Republicans.")
    assert found == []


def test_two_places_of_a_series_each_told_by_several_reports_are_possibly_both_right(ruleset):
    texts = ["The leader failed in the first round of voting in parliament.",
             "A bombshell: the leader failed in the first round of voting in parliament.",
             "The leader won the second round of voting in parliament on Tuesday.",
             "Later the leader won an emergency second round of voting in parliament."]
    report = check_texts([(f"s{i}.txt", t, D) for i, t in enumerate(texts)], ruleset)
    assert report.findings == []
    assert [f.code for f in report.possible] == ["CNT002"]


def test_a_measure_that_is_the_subject_of_what_follows_is_the_figures(kn):
    found = claims_of("It expects revenue to rise, and for gross margin to be between 46% and 47%.", kn, D,
                      "percent")
    assert [c.measure for c in found] == ["gross margin", "gross margin"]


def test_a_measure_with_its_own_figure_does_not_take_the_one_after_on(kn):
    found = claims_of("Analysts expected EPS of $2.17 on revenue ex-TAC of $79.6 billion.", kn, D, "money")
    assert [c.measure for c in found] == ["earnings per share", "revenue"]


def test_two_times_of_a_story_s_one_takeoff_are_one_event_however_far_apart(ruleset):
    found, _ = _verdicts(ruleset, "The cargo jet crashed just after lifting off around 6:00 a.m., the safety board said.",
                         "The cargo jet took off at 5:15 p.m. local time from the city's airport.")
    assert found == [("DAT002", "contradiction")]


def test_an_arrest_is_an_event_whose_day_reports_can_contradict(ruleset):
    report = check_texts([("a.txt", "Two suspects were arrested on Saturday evening, prosecutors said.", date(2025, 10, 27)),
                          ("b.txt", "The pair, arrested on Sunday, were questioned by detectives.", date(2025, 10, 27))],
                         ruleset)
    assert [(f.code, f.verdict) for f in report.findings] == [("DAT001", "contradiction")]


def test_a_mayor_called_governor_is_given_two_offices(ruleset):
    report = check_texts([("a.txt", "City Mayor Dan Halvor said the runway would reopen.", D),
                          ("b.txt", "Governor Halvor said the runway would reopen soon.", D)], ruleset)
    assert [(f.code, f.verdict) for f in report.findings] == [("TTL002", "contradiction")]


def test_a_half_year_and_a_quarters_span_of_months_are_periods(ruleset, kn):
    found = claims_of("Output grew 1.2% in the first half of the year.", kn, D, "percent")
    assert [c.period for c in found] == ["h1"]
    found = claims_of("Output grew at a rate of 3% over the April-June period.", kn, D, "percent")
    assert [c.period for c in found] == ["q2"]
    found, _ = _verdicts(ruleset, "Output grew 1.2% in the first half of the year, the office said.",
                         "Output grew 3% over the April-June period, the office said.")
    assert found == []
