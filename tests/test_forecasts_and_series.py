"""Expectations from different polls, runs against totals, romanised names and market moves:
figures alike on the surface that a fact-checker does not call a contradiction. Texts written
for this project."""
from __future__ import annotations

from datetime import date

from factcheck.api import check_texts
from factcheck.checks.base import CheckContext
from factcheck.checks.numbers import weak_evidence

from .helpers import claims_of

DAY = date(2025, 10, 23)


def _codes(report):
    return sorted((f.code, f.verdict) for f in report.findings)


def test_estimates_of_two_named_polls_are_possible_matches_not_contradictions(ruleset):
    kn = ruleset.knowledge
    said = "Orbis posted revenue of $12.9 billion, above the {} expected by analysts polled by {}."
    a = claims_of(said.format("$12.36 billion", "Northgate Research"), kn, DAY, "money")[1]
    b = claims_of(said.format("$12.31 billion", "Quillon"), kn, DAY, "money")[1]
    b.article = "b.txt"
    ctx = CheckContext(kn, {a.article: DAY, b.article: DAY}, {r.check: r.params for r in ruleset.rules})
    assert a.qualifiers.level == b.qualifiers.level == "projected"
    assert "forecasters and polls of analysts differ" in weak_evidence(a, b, ctx)
    texts = [("a.txt", said.format("$12.36 billion", "Northgate Research"), DAY),
             ("b.txt", said.format("$12.31 billion", "Quillon"), DAY)]
    assert _codes(check_texts(texts, ruleset)) == []


def test_estimates_of_one_poll_that_differ_are_a_contradiction(ruleset):
    said = "Orbis posted revenue of $12.9 billion, above the {} expected by analysts polled by Northgate Research."
    texts = [("a.txt", said.format("$12.36 billion"), DAY), ("b.txt", said.format("$12.31 billion"), DAY)]
    assert _codes(check_texts(texts, ruleset)) == [("MON001", "contradiction")]


def test_a_run_in_a_row_and_a_count_of_all_times_are_two_series(ruleset):
    texts = [("a.txt", "The central bank made its seventh consecutive rate cut on Thursday.", DAY),
             ("b.txt", "The central bank made its eighth rate cut since last June on Thursday.", DAY)]
    report = check_texts(texts, ruleset)
    assert not [f for f in report.findings if f.kind == "count"]
    texts[1] = ("b.txt", "The central bank made its eighth consecutive rate cut on Thursday.", DAY)
    assert ("CNT002", "contradiction") in _codes(check_texts(texts, ruleset))


def test_another_romanisation_of_an_office_holders_name_is_not_a_misspelling(ruleset):
    said = "Russian Foreign Minister {} met the envoy in Moscow."
    assert _codes(check_texts([("a.txt", said.format("Sergey Lavrov"), DAY)], ruleset)) == []
    assert _codes(check_texts([("a.txt", said.format("Sergei Lavrov"), DAY)], ruleset)) == []
    assert _codes(check_texts([("a.txt", said.format("Sergei Lavrev"), DAY)], ruleset)) == \
        [("NAM001", "possible_misspelling")]


def test_moves_of_a_share_price_are_possible_matches_not_contradictions(ruleset):
    texts = [("a.txt", "Shares of the lender rose 4% in extended trading after the results.", DAY),
             ("b.txt", "Shares of the lender rose 6% in extended trading after the results.", DAY)]
    report = check_texts(texts, ruleset)
    assert _codes(report) == []
    assert [(f.code, "trading session" in f.weak) for f in report.possible] == [("PCT001", True)]


def test_days_of_two_kinds_of_incident_are_two_facts(ruleset):
    texts = [("a.txt", "The earthquake struck the valley late on Sunday, officials said.", date(2025, 9, 1)),
             ("b.txt", "The valley was also hit by flooding on Friday, officials said.", date(2025, 9, 1))]
    assert not [f for f in check_texts(texts, ruleset).findings if f.kind == "date"]
    texts[1] = ("b.txt", "The earthquake struck the valley on Friday, officials said.", date(2025, 9, 1))
    assert ("DAT001", "contradiction") in _codes(check_texts(texts, ruleset))


def test_a_day_after_the_other_report_came_out_is_possibly_a_later_event(ruleset):
    texts = [("a.txt", "The earthquake struck the valley late on Sunday, officials said.", date(2025, 9, 1)),
             ("b.txt", "An earthquake struck the valley on Tuesday, officials said.", date(2025, 9, 3))]
    report = check_texts(texts, ruleset)
    assert not [f for f in report.findings if f.kind == "date"]
    assert [f.code for f in report.possible if f.kind == "date"] == ["DAT001"]


def test_times_of_one_earthquake_meet_through_the_kind_of_incident(ruleset):
    said = [("a.txt", "The earthquake struck at 11:50pm (19:20 GMT) on Sunday, shaking the hill towns of Orvella.", DAY),
            ("b.txt", "The quake struck at 1850 GMT on Sunday at a depth of 9 km, the survey agency said.", DAY)]
    assert _codes(check_texts(said, ruleset)) == [("DAT002", "contradiction")]
    said[1] = ("b.txt", "The earthquake struck at around midnight on Sunday, the agency said.", DAY)
    report = check_texts(said, ruleset)
    assert _codes(report) == [] and ("DAT003", "rounding") in [(f.code, f.verdict) for f in report.agreements]
    said[1] = ("b.txt", "The aftershock struck at 1850 GMT on Sunday, the survey agency said.", DAY)
    assert _codes(check_texts(said, ruleset)) == []


def test_a_rise_and_a_fall_of_one_measure_pair_by_direction(ruleset):
    texts = [("a.txt", "After surging nearly 38% from January through March, imports plummeted 30.2% in the "
                       "following three months, the agency said.", DAY),
             ("b.txt", "Imports fell 30.3%, after a 37.9% surge in Q1, according to the report.", DAY)]
    report = check_texts(texts, ruleset)
    assert _codes(report) == [("PCT001", "contradiction")]
    assert {c.text for c in report.findings[0].claims} == {"30.2%", "30.3%"}
    assert ("PCT003", "rounding") in [(f.code, f.verdict) for f in report.agreements]


def test_counts_of_two_kinds_in_one_sentence_are_not_sides_without_a_split(kn):
    found = claims_of("Divers have recovered 27 people from the jet and one from the helicopter, the chief said.",
                      kn, DAY, "count")
    assert [(c.text, c.measure, c.qualifiers.side) for c in found] == [("27 people", "recovered", False)]
    vote = claims_of("Five members voted for the cut and four to hold, the minutes showed.", kn, DAY, "count")
    assert [(c.text, c.qualifiers.side) for c in vote] == [("Five members", True)]


def test_others_after_a_count_are_of_its_noun_and_lives_claimed_are_the_dead(kn):
    found = claims_of("The fire destroyed 6,837 structures and damaged 1,017 others, and claimed 12 lives.",
                      kn, DAY, "count")
    assert {c.text: c.measure for c in found} == \
        {"6,837 structures": "building", "1,017 others": "building", "12 lives": "dead"}


def test_a_figure_without_a_measure_meets_the_one_its_value_tells(ruleset):
    texts = [("a.txt", "The devices unit posted $13.45 billion, the company said.", DAY),
             ("b.txt", "Its devices business brought in $13.5 billion in revenue over the quarter.", DAY)]
    report = check_texts(texts, ruleset)
    assert ("MON002", "rounding") in [(f.code, f.verdict) for f in report.agreements]
    texts[1] = ("b.txt", "Its devices business brought in $13.9 billion in revenue over the quarter.", DAY)
    assert check_texts(texts, ruleset).findings == []


def test_verbs_of_one_kind_of_loss_count_one_fact(kn):
    found = claims_of("The blaze razed 9,418 structures; the other fire destroyed 6,837 structures and damaged "
                      "1,017 others.", kn, DAY, "count")
    verbs = {c.text: c.action for c in found}
    assert verbs["9,418 structures"] == verbs["6,837 structures"] == "destroy" != verbs["1,017 others"]


def test_twenty_four_hour_times_with_a_colon_and_city_zones(kn):
    def times(text):
        return [(c.text, c.value, c.unit) for c in claims_of(text, kn, DAY, "time")]
    assert times("At around 22:40 Moscow time, the talks began.") == [("around 22:40 Moscow time", 1360, "moscow time")]
    assert times("Closer to 22:00 the plane landed.") == [("22:00", 1320, None)]
    assert times("The score was 10:30 at the break.") == []


def test_a_half_written_as_a_fraction_is_part_of_a_length(kn):
    found = claims_of("After about 2 1/2 hours of talks, and a 2½-hour dinner, they left.", kn, DAY, "duration")
    assert [(c.value, c.unit) for c in found] == [(2.5, "hour"), (2.5, "hour")]


def test_a_quarter_named_by_an_ordinal_is_a_period_not_a_series(kn):
    def ordinals(text):
        return [c.text for c in claims_of(text, kn, DAY, "ordinal")]
    assert ordinals("Firms put their first-quarter imports to work after the second quarter began.") == []
    assert ordinals("Output fell for the third straight quarter.") == ["third straight quarter"]


def test_a_figure_after_from_and_a_possessive_is_the_old_level(kn):
    found = claims_of("Spending growth sped up to 1.4% from the first quarter's 0.5% pace.", kn, DAY, "percent")
    assert {c.text: c.qualifiers.level for c in found} == {"1.4%": None, "0.5%": "previous"}


def test_a_figure_of_the_quarter_before_is_a_possible_match_against_one_without_a_period(ruleset):
    day = date(2025, 7, 30)
    texts = [("a.txt", "Consumer spending grew 0.5% in the first quarter, the report showed.", day),
             ("b.txt", "Consumer spending grew 1.4%, the report showed.", day)]
    report = check_texts(texts, ruleset)
    assert _codes(report) == [] and [f.code for f in report.possible] == ["PCT001"]


def test_people_named_by_where_they_are_from_are_counted_as_people(kn):
    found = claims_of("The storm struck the town and 75 Kansans lost their lives.", kn, DAY, "count")
    assert [(c.text, c.measure) for c in found] == [("75 Kansans", "dead")]


def test_a_hyphenated_name_names_its_parts(ruleset):
    texts = [("a.txt", "The Orda-Velt alliance won only 41 of 125 contested seats, the commission said.", DAY),
             ("b.txt", "Orda and Velt won 47 seats between them in the vote, the commission said.", DAY)]
    assert ("CNT001", "contradiction") in _codes(check_texts(texts, ruleset))


def test_countries_cldr_names_are_places_and_hold_their_bracketed_figures(kn, ruleset):
    assert (kn.canon_place("Slovakia"), kn.canon_place("Estonia"), kn.canon_place("Jersey")) == \
        ("slovakia", "estonia", None)
    found = claims_of("Prices rose fastest in Estonia (5.2%), followed by Slovakia (4.6%).", kn, DAY, "percent")
    assert {c.text: c.qualifiers.holder for c in found} == {"5.2%": "estonia", "4.6%": "slovakia"}
    texts = [("a.txt", "Spain's inflation rose to 2.2% in June, the statistics office said.", DAY),
             ("b.txt", "Inflation was highest in Estonia (5.2%), followed by Slovakia (2.6%), the office said.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == []


def test_others_with_no_count_before_them_are_people_by_what_happened_to_them(kn):
    found = claims_of("Eleven people were killed and 47 others injured.", kn, DAY, "count")
    assert {c.text: c.measure for c in found} == {"Eleven people": "dead", "47 others": "injured"}


def test_the_old_level_of_a_listed_figure_is_held_by_the_same_holder(kn):
    found = claims_of("Prices rose fastest in Estonia (5.2% from 4.6%), followed by Slovakia (4.6% from 4.3%).",
                      kn, DAY, "percent")
    assert [(c.text, c.qualifiers.holder, c.qualifiers.level) for c in found] == [
        ("5.2%", "estonia", None), ("4.6%", "estonia", "previous"),
        ("4.6%", "slovakia", None), ("4.3%", "slovakia", "previous")]


def test_a_length_in_words_is_as_precise_as_its_unit(ruleset):
    texts = [("a.txt", "The president then gave an eight-minute speech, the agency said.", DAY),
             ("b.txt", "The president's opening statement lasted eight and a half minutes, the agency said.", DAY)]
    report = check_texts(texts, ruleset)
    assert _codes(report) == [] and ("CNT007", "rounding") in [(f.code, f.verdict) for f in report.agreements]


def test_a_share_voted_is_of_the_vote(kn):
    found = claims_of("About 3,200 members voted 68 percent in favor of the deal.", kn, DAY, "percent")
    assert [(c.text, c.measure) for c in found] == [("68 percent", "votes")]


def test_operating_income_is_not_the_profit(kn):
    found = claims_of("Operating income grew 23% to $34.3 billion and net income stood at $27.2 billion.",
                      kn, DAY, "money")
    assert {c.text: c.measure for c in found} == {"$34.3 billion": "operating income", "$27.2 billion": "profit"}
