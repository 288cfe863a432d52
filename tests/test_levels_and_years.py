"""Levels against changes, the year a figure names, the month nearest it, wholes of a count and
times told to the hour: how real reports word figures. Texts written for this project."""
from __future__ import annotations

from datetime import date

from factcheck.api import check_texts

from .helpers import claims_of

DAY = date(2025, 1, 24)


def _codes(report):
    return sorted((f.code, f.verdict) for f in report.findings)


def test_each_figure_of_a_list_takes_the_year_right_after_it(kn):
    found = claims_of("The board now sees core prices rising 2.9% in fiscal 2024, 2.3% in fiscal 2025 and 1.8% "
                      "in fiscal 2026.", kn, DAY, "percent")
    assert [(c.text, c.period) for c in found] == [("2.9%", "2024"), ("2.3%", None), ("1.8%", "2026")]


def test_next_year_after_a_word_of_period_is_the_year_after_publication(kn):
    found = claims_of("Its core price forecast for next year is 1.8%.", kn, DAY, "percent")
    assert [c.period for c in found] == ["2026"]


def test_forecasts_for_different_years_are_not_one_fact(ruleset):
    texts = [("a.txt", "The board expects core prices to rise 2.9% in fiscal 2024, the central bank said.", DAY),
             ("b.txt", "The central bank's core price forecast for next year is 1.8%.", DAY)]
    assert [f for f in check_texts(texts, ruleset).findings if f.verdict == "contradiction"] == []


def test_the_size_of_a_rate_rise_is_not_the_level_it_came_to(kn, ruleset):
    by, to = (claims_of(t, kn, DAY, "percent")[0] for t in (
        "The central bank raised rates by 0.25% on Friday.",
        "The central bank raised its policy rate to 0.5% on Friday."))
    assert by.qualifiers.direction == "rise" and not by.qualifiers.reached
    assert to.qualifiers.reached and to.qualifiers.direction is None
    texts = [("a.txt", "The central bank raised rates by 0.25% on Friday.", DAY),
             ("b.txt", "The central bank raised its policy rate to 0.5% on Friday.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == []
    texts[0] = ("a.txt", "The central bank raised its policy rate to 0.75% on Friday.", DAY)
    assert ("PCT001", "contradiction") in _codes(check_texts(texts, ruleset))


def test_the_month_nearest_a_figure_is_its_period(kn):
    found = claims_of("The bank scrapped negative rates in March and last lifted its rate in July to 0.25%.",
                      kn, DAY, "percent")
    assert [(c.text, c.period) for c in found] == [("0.25%", "july")]


def test_all_but_two_of_a_number_is_a_whole_not_the_dead(kn, ruleset):
    found = claims_of("All but two of the 150 people on board died when the jet crashed on Sunday.", kn,
                      date(2024, 12, 29), "count")
    assert [c.qualifiers.level for c in found if c.value == 150] == ["total"]
    texts = [("a.txt", "All but two of 150 passengers and crew died when the jet crashed on Sunday.",
              date(2024, 12, 29)),
             ("b.txt", "The jet crash on Sunday killed 148 people, and two crew members survived.",
              date(2024, 12, 29))]
    assert [f for f in check_texts(texts, ruleset).findings if f.verdict == "contradiction"] == []


def test_a_time_told_to_the_hour_is_a_rounding_of_one_minutes_after(ruleset):
    day = date(2024, 12, 29)
    texts = [("a.txt", "The airliner crashed at 9:04 a.m. local time on Sunday.", day),
             ("b.txt", "The airliner crashed at 9 a.m. local time on Sunday.", day)]
    report = check_texts(texts, ruleset)
    assert ("DAT003", "rounding") in [(f.code, f.verdict) for f in report.agreements]
    assert report.findings == []
    texts[1] = ("b.txt", "The airliner crashed at 9:40 a.m. local time on Sunday.", day)
    assert ("DAT002", "contradiction") in _codes(check_texts(texts, ruleset))


def test_a_mayday_has_its_own_time(kn):
    found = claims_of("The pilot declared a mayday at 8:59 a.m., and the jet crashed at 9:03 a.m.", kn,
                      date(2024, 12, 29), "time")
    assert [(c.text, c.event) for c in found] == [("8:59 a.m.", "distress"), ("9:03 a.m.", "incident")]


def test_changes_that_came_to_amounts_far_apart_are_of_different_things(ruleset):
    day = date(2025, 7, 31)
    texts = [("a.txt", "The company's cloud unit saw its revenue climb 19% to $31.2 billion in the quarter.", day),
             ("b.txt", "In the quarter, revenue jumped 12% to $171.4 billion, the company said.", day)]
    assert [f for f in check_texts(texts, ruleset).findings if f.verdict == "contradiction"] == []


def test_share_prices_of_two_sessions_are_possible_matches(ruleset):
    day = date(2025, 8, 1)
    texts = [("a.txt", "Orbis stock closed the regular session up 1.7% at $231.50.", day),
             ("b.txt", "Orbis stock fell to $212.40 in premarket trading.", day)]
    report = check_texts(texts, ruleset)
    assert [f for f in report.findings if f.code == "MON001"] == []


def test_an_ordinal_with_words_before_its_noun_counts_another_series(ruleset):
    day = date(2025, 4, 21)
    texts = [("a.txt", "He was introduced to the world in 2013 as the 266th pope.", day),
             ("b.txt", "He was the first Jesuit pope, elected in 2013.", day)]
    assert [f for f in check_texts(texts, ruleset).findings if f.verdict == "contradiction"] == []


def test_figures_as_of_other_days_are_possible_matches(ruleset):
    day = date(2025, 4, 29)
    texts = [("a.txt", "The grid operator had restored 58% of electricity demand by late Monday.", day),
             ("b.txt", "The grid operator had restored 93% of electricity demand by 6 a.m. Tuesday.", day)]
    report = check_texts(texts, ruleset)
    assert [f for f in report.findings if f.verdict == "contradiction"] == []
    assert report.possible


def test_a_whole_is_not_the_part_of_it(kn):
    found = claims_of("The operator restored power to 77 of the 81 substations; all of the 81 substations were back by "
                      "night, and 77 out of 81 depots reopened.", kn, date(2025, 4, 29), "count")
    assert [(c.value, c.qualifiers.level) for c in found if c.value == 81] == [(81, "total")] * 3
    assert "total" not in [c.qualifiers.level for c in claims_of(
        "The crash killed all 242 people on board.", kn, date(2025, 6, 12), "count")]


def test_a_date_named_with_the_wrong_weekday_is_flagged_against_the_others(ruleset):
    day = date(2025, 4, 21)
    texts = [("a.txt", "The pontiff had been in hospital since he was admitted on Wednesday, February 14.", day),
             ("b.txt", "The pontiff was admitted to hospital on Feb. 14 with bronchitis.", day)]
    report = check_texts(texts, ruleset)
    found = [f for f in report.findings if f.code == "DAT001"]
    assert found and "a Wednesday; it is a Friday" in found[0].message
    texts[0] = ("a.txt", "The pontiff had been in hospital since he was admitted on Friday, February 14.", day)
    assert [f for f in check_texts(texts, ruleset).findings if f.code == "DAT001"] == []


def test_a_cardinal_is_a_title_whose_name_is_checked(ruleset):
    day = date(2025, 4, 21)
    texts = [("a.txt", "Cardinal Kevin Ferrell announced the death on Vatican television.", day),
             ("b.txt", "The death was announced by Cardinal Kevin Farrell on Vatican television.", day)]
    assert ("NAM002", "possible_misspelling") in _codes(check_texts(texts, ruleset))


def test_a_figure_some_years_earlier_is_of_that_year_and_a_later_year_is_a_base(kn):
    found = claims_of("The party won 35 per cent of the vote, above its 31.5 per cent three years earlier.", kn,
                      date(2025, 5, 3), "percent")
    assert [(c.text, c.period) for c in found] == [("35 per cent", None), ("31.5 per cent", "2022")]
    counts = claims_of("The party held 84 of the 150 seats, up six seats from the 2022 election.", kn,
                       date(2025, 5, 3), "count")
    assert [c.period for c in counts if c.value == 84] == [None]


def test_a_family_zone_is_read_in_summer_or_winter_time_by_the_publication_date(kn):
    def unit(day):
        return claims_of("The truce took effect at 7:00 a.m. Eastern time.", kn, day, "time")[0].unit
    assert unit(date(2025, 5, 10)) == "edt"
    assert unit(date(2025, 1, 10)) == "est"
    assert unit(date(2025, 3, 8)) == "est" and unit(date(2025, 3, 9)) == "edt"  # the 2nd Sunday of March


def test_a_time_converted_in_brackets_shares_the_hedge_of_the_time_it_converts(kn):
    found = claims_of("The quake struck around 1:30 p.m. local time (2:30 a.m. ET) on Friday.", kn,
                      date(2025, 3, 28), "time")
    assert [(c.text, c.qualifiers.hedge) for c in found] == [("around 1:30 p.m. local time", "approx"),
                                                            ("2:30 a.m. ET", "approx")]


def test_eastern_time_in_summer_converts_through_utc(ruleset):
    day = date(2025, 5, 10)
    texts = [("a.txt", "The truce took effect at 7:00 a.m. Eastern time on Saturday.", day),
             ("b.txt", "The truce took effect at 1130 GMT on Saturday.", day)]
    assert ("DAT002", "contradiction") in _codes(check_texts(texts, ruleset))
    texts[0] = ("a.txt", "The truce took effect at 7:30 a.m. Eastern time on Saturday.", day)
    assert _codes(check_texts(texts, ruleset)) == []


def test_a_figure_after_an_election_of_another_year_is_of_that_year(kn):
    found = claims_of("The previous landslide came after the 1975 election, when the coalition held 91 of the "
                      "127 seats.", kn, date(2025, 5, 3), "count")
    assert [(c.value, c.period) for c in found] == [(91, "1975"), (127, "1975")]


def test_a_tally_of_the_moment_is_a_possible_match(ruleset):
    day = date(2025, 5, 3)
    texts = [("a.txt", "At the time of writing, Labor held 81 seats in the House of Representatives.", day),
             ("b.txt", "Labor has won 87 seats in the House of Representatives, the commission said.", day)]
    report = check_texts(texts, ruleset)
    assert [f for f in report.findings if f.code == "CNT001"] == [] and report.possible
    texts[0] = ("a.txt", "Labor won 81 seats in the House of Representatives, the commission said.", day)
    assert ("CNT001", "contradiction") in _codes(check_texts(texts, ruleset))


def test_a_figure_owned_by_a_name_the_other_does_not_give_is_a_possible_match(ruleset):
    day = date(2025, 7, 31)
    texts = [("a.txt", "The company's cloud unit saw its revenue climb 19% in the quarter, Orbis said.", day),
             ("b.txt", "Rivals did better: Quillon's cloud revenue climbed 31% in the quarter, Orbis said.", day)]
    report = check_texts(texts, ruleset)
    assert [f for f in report.findings if f.code == "PCT001"] == [] and report.possible


def test_the_old_value_of_a_revision_is_a_previous_level(kn):
    found = claims_of("The bank's governor said the inflation forecast is revised down to 3.1% from an earlier 3.6%.",
                      kn, DAY, "percent")
    assert [(c.text, c.qualifiers.level) for c in found] == [("3.1%", "projected"), ("3.6%", "previous")]


def test_the_month_right_after_a_figure_is_its_own_even_when_another_ends_just_before(kn):
    found = claims_of("Retail inflation in Elbonia eased to 2.1 per cent in May from 2.6 per cent in April.",
                      kn, DAY, "percent")
    assert [(c.text, c.measure, c.period) for c in found] == [("2.1 per cent", "inflation", "may"),
                                                              ("2.6 per cent", "inflation", "april")]


def test_a_model_number_before_a_verb_is_not_a_count(kn):
    assert claims_of("The A350 made its first commercial flight in 2015, and the 787 made its debut earlier.",
                     kn, DAY, "count") == []


def test_names_told_apart_do_not_part_figures_of_one_month_and_the_same_places(ruleset):
    may = date(2025, 6, 9)
    texts = [("a.txt", "Japan's exports to Canada fell 21.4% in May, Bloomberg reported, citing official data.", may),
             ("b.txt", "Japan's exports to Canada fell 21.5% in May, the sharpest drop since the Covid slump, "
                       "customs data showed.", may)]
    assert _codes(check_texts(texts, ruleset)) == [("PCT001", "contradiction")]
    texts[1] = ("b.txt", "Japan's exports to Mexico fell 21.5% in May, the sharpest drop since the Covid slump, "
                         "customs data showed.", may)
    assert _codes(check_texts(texts, ruleset)) == []


def test_a_noun_of_change_takes_the_measure_it_names(kn):
    found = claims_of("Imports from Chile fell 12%, leading to a 30.25% reduction in the trade deficit with Chile.",
                      kn, DAY, "percent")
    assert [(c.text, c.measure, c.qualifiers.direction) for c in found] == [
        ("12%", "imports", "fall"), ("30.25%", "trade deficit", "fall")]
