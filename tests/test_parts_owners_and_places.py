"""What sets two figures apart, or makes them one, in real coverage: a basis told of the next
figure, an aside before the verb, the period of 'the first nine months', a year after a change
noun, a deadline time, a segment against the company, a share against a change, a possessive
owner, a district a sentence opens on, a transposed pair of digits, a flattened list, one
disagreement told twice. Texts written for this project."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from factcheck.align.undated import reference_year, undated_years_read
from factcheck.api import check_texts
from factcheck.types import Article

from .helpers import claims_of

DAY = date(2025, 11, 6)


def _codes(report):
    return sorted((f.code, f.verdict) for f in report.findings)


def _one(found, text):
    return next(c for c in found if c.text == text)


def test_a_basis_phrase_past_another_figure_is_that_figures(kn):
    found = claims_of("Rents rose just 0.4% and were up 3.2% from a year ago.", kn, DAY, "percent")
    assert _one(found, "0.4%").qualifiers.basis is None
    assert _one(found, "3.2%").qualifiers.basis == "year-on-year"


def test_a_relative_clause_is_no_measure_of_the_figure_after_it(kn):
    found = claims_of("Rents, which make up a third of the weight in the CPI, rose 0.4% last month.", kn, DAY,
                      "percent")
    assert _one(found, "0.4%").measure != "inflation"


def test_the_first_months_of_a_year_are_a_period_not_a_length(kn):
    found = claims_of("Home sales fell 11.2% in the first nine months of the year.", kn, DAY)
    assert not [c for c in found if c.type == "duration"]


def test_a_year_after_a_change_noun_is_the_figures_own(kn):
    growth = claims_of("The bank now forecasts 1.5% growth for 2026.", kn, DAY, "percent")
    assert growth[0].period == "2026"
    bare = claims_of("The economy is seen growing just 1.2% next year.", kn, DAY, "percent")
    assert bare[0].period == "2026"


def test_forecasts_for_this_year_and_next_are_not_one_fact(ruleset):
    texts = [("a.txt", "The Bank of Elbonia now forecasts 1.5% economic growth for 2025.", DAY),
             ("b.txt", "The Bank of Elbonia expects the economy to grow just 1.2% next year.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == []


def test_next_year_in_an_undated_article_is_read_against_the_runs_year(kn):
    found = claims_of("The Bank now expects the Elbonian economy to grow just 1.2% next year.", kn, None, "percent")
    assert found[0].period == "year+1"
    undated = replace(found[0], article="c.txt")
    dated = [Article(id="a.txt", text="", norm="", published=DAY), Article(id="c.txt", text="", norm="", published=None)]
    assert undated_years_read([undated], dated, reference_year(dated))[0].period == "2026"


def test_a_time_after_by_is_a_deadline_the_event_may_come_before(ruleset):
    texts = [("a.txt", 'Police Commissioner Ravi Sen confirmed the incident, saying, "Today at 6.52 pm a car '
                      'stopped at the red light."', DAY),
             ("b.txt", "The death toll rose quickly, with six fatalities confirmed by 8 pm.", DAY)]
    assert [f.code for f in check_texts(texts, ruleset).findings] == []


def test_an_aside_on_what_a_crash_left_does_not_make_its_time_a_departure(kn):
    found = claims_of("The derailment, which left 19 people injured, happened at around 6pm on Tuesday.", kn, DAY,
                      "time")
    assert found[0].event == "incident"


def test_gas_and_gasoline_prices_are_one_measure(ruleset):
    texts = [("a.txt", "The rise was driven by a 4.3% surge in gas prices in October.", DAY),
             ("b.txt", "A 4.1% increase in gasoline prices led the rise in October.", DAY)]
    assert ("PCT001", "contradiction") in _codes(check_texts(texts, ruleset))


def test_a_storms_landfall_is_not_the_day_it_left(ruleset):
    texts = [("a.txt", "Cyclone Orla, which made landfall on Friday, has killed 20 people.", DAY),
             ("b.txt", "Cyclone Orla on Saturday exited Elbonia, leaving 20 dead.", DAY)]
    assert [f for f in check_texts(texts, ruleset).findings if f.kind == "date"] == []


def test_people_who_suffered_injuries_are_counted_injured(kn):
    found = claims_of("A further 17 people suffered injuries in the derailment.", kn, DAY, "count")
    assert _one(found, "17 people").measure == "injured"


def test_one_disagreement_told_in_a_headline_and_a_paragraph_is_one_conflict(ruleset):
    texts = [("a.txt", "Cyclone Orla kills 46 in Elbonia, leaves 23 missing\n\nOfficial figures from the relief "
                      "centre confirm a toll of 46 fatalities.", DAY),
             ("b.txt", "Aid flows to Elbonia as Cyclone Orla leaves 56 dead\n\nAccording to the relief centre, "
                      "the cyclone has resulted in 56 fatalities.", DAY)]
    dead = [f for f in check_texts(texts, ruleset).findings if f.kind == "count"]
    assert len(dead) == 1 and len(dead[0].claims) == 4


def test_a_measure_from_one_place_is_not_one_from_nowhere(ruleset):
    texts = [("a.txt", "The quake, in waters off the town of Arlo in the province of East Varos, triggered a "
                      "tsunami alert for coasts within 300 km of the epicentre.", DAY),
             ("b.txt", "The quake hit off the coast of East Varos province, about 1,000 kilometers south of "
                      "Varos City.", DAY)]
    assert [f.code for f in check_texts(texts, ruleset).findings] == []


def test_a_flattened_hyphen_list_is_read_as_items(kn):
    text = ("Key points - Vesta earned $2.71 billion in the quarter [1] - The company forecasts revenue "
            "for the current quarter of $56 billion [2] - Revenue rose 26% to $51.42 billion [3]")
    found = claims_of(text, kn, DAY, "money")
    assert _one(found, "$51.42 billion").period is None


def test_milestone_passed_does_not_take_a_figure_from_its_fact(ruleset):
    texts = [("a.txt", "Vesta reported revenue of $51.24 billion. Its revenue crossed $50 billion for the first time.",
              DAY),
             ("b.txt", "Vesta reported quarterly revenue of $51.24 billion on Wednesday.", DAY),
             ("c.txt", "Vesta said revenue rose 26% to $51.42 billion in the quarter.", DAY)]
    money = [f for f in check_texts(texts, ruleset).findings if f.kind == "money"]
    assert money and {c.text for c in money[0].claims} >= {"$51.24 billion", "$51.42 billion"}


def test_a_banks_net_interest_income_is_not_its_revenue(kn):
    found = claims_of("• Net interest income: $24.1 billion, up 2%; noninterest revenue: $23.0 billion.", kn, DAY,
                      "money")
    assert _one(found, "$24.1 billion").measure == "net interest income"
    assert _one(found, "$23.0 billion").measure == "noninterest revenue"


def test_a_parts_share_is_no_change_of_the_whole(ruleset):
    texts = [("a.txt", "Orbis said its revenue rose 30.3% in the third quarter.", DAY),
             ("b.txt", "Orbis said its cloud chips made up 57% of revenue in the third quarter.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == []


def test_a_segments_revenue_is_not_the_companys(ruleset):
    texts = [("a.txt", "In the quarter, Vesta posted revenue of $51.24 billion.", DAY),
             ("b.txt", "The segment pulled in $50.8 billion in revenue for the quarter.", DAY)]
    report = check_texts(texts, ruleset)
    assert _codes(report) == [] and report.possible == []


def test_transposed_digits_tell_one_figure(ruleset):
    texts = [("a.txt", "Vesta reported its third-quarter results, posting revenue of $51.24 billion, a 26% "
                      "increase.", DAY),
             ("b.txt", "The company earned $2.71 billion, or $1.05 per share, with revenue rising 26% to "
                      "$51.42 billion.", DAY)]
    assert ("MON001", "contradiction") in _codes(check_texts(texts, ruleset))


def test_an_aftershocks_magnitude_is_not_the_quakes(ruleset):
    texts = [("a.txt", "A strong aftershock of magnitude 6.9 struck at around 7 p.m., with the agency Varsis "
                      "warning of possible tsunami waves.", DAY),
             ("b.txt", "Varsis logged the earthquake when it struck at 7.6 magnitude.", DAY)]
    assert [f.code for f in check_texts(texts, ruleset).findings] == []


def test_a_quote_ending_in_us_names_no_country(kn):
    found = claims_of('Ms Varga, who won 29.46 percent, said she would be "a president for all of us" on Saturday.',
                      kn, DAY, "percent")
    assert "united states" not in found[0].names


def test_a_figure_owned_by_another_name_is_not_the_winners(ruleset):
    texts = [("a.txt", "Independent politician Anna Varga has won the presidential election and will serve as "
                      "the country's 10th president after receiving 63.36 percent of the vote.", DAY),
             ("b.txt", "Independent Anna Varga may come away with the largest win in presidential history, if "
                      "she can surpass Karl Oster's 56.3 per cent of the vote.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == []


def test_a_figure_of_a_district_a_sentence_opens_on_is_not_the_countrys(ruleset):
    texts = [("a.txt", "The total number of votes cast was 1,656,436, a turnout of just 45.8%.", DAY),
             ("b.txt", "In Varos North-West, final tallies indicated Ms Varga secured 56 per cent of the votes "
                      "cast, on a turnout of 42 per cent.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == []


def test_a_known_country_a_sentence_opens_on_is_left_to_the_places_named(ruleset):
    texts = [("a.txt", "By Friday night 732 people had been injured in the quake in Elbonia.", DAY),
             ("b.txt", "In Elbonia, 144 people have been confirmed dead and 725 injured.", DAY)]
    assert ("CNT001", "contradiction") in _codes(check_texts(texts, ruleset))


def test_a_line_of_a_paragraph_a_line_text_ends_its_sentence_stop_or_not(kn):
    text = ("Our reporter takes us through the three points that decided the vote and its outcome. "
            "Photograph: Lena Brandt\n"
            "Spoiled votes came in at almost 13 per cent, several times the usual level, as voters "
            "expressed dissatisfaction with the choice.")
    found = claims_of(text, kn, DAY, "percent")
    assert "brandt" not in found[0].mods and "photograph" not in found[0].context


def test_a_line_that_stops_on_a_title_runs_on(kn):
    text = ("Reports indicated that the call between President\n"
            "Anna Varga and President Karl Oster on June 6 was described as very positive by both sides.")
    found = claims_of(text, kn, DAY, "date")
    assert found[0].event == "call"


def test_higher_than_expected_is_no_projection_nor_a_rise(kn):
    found = claims_of("Turnout was higher than expected at 46 per cent, officials said.", kn, DAY, "percent")
    assert found[0].qualifiers.level is None and found[0].qualifiers.direction is None


def test_a_record_of_the_past_is_another_level(kn):
    found = claims_of("Turnout may fail to surpass the record low of 43.8% from the last election.", kn, DAY,
                      "percent")
    assert found[0].qualifiers.level == "record"


def test_spoiled_and_spoilt_votes_are_one_measure(kn):
    spoilt = claims_of("The large number of spoilt votes (13%) is attributable to the field.", kn, DAY, "percent")
    spoiled = claims_of("The number of spoiled votes was 12.9%, the count showed.", kn, DAY, "percent")
    assert spoilt[0].mods == spoiled[0].mods == frozenset({"spoiled"})


def test_a_level_beside_a_change_is_its_articles_only_level(ruleset):
    texts = [("a.txt", "The total number of votes cast was 1,656,436, a turnout of just 45.8%.", DAY),
             ("b.txt", "Turnout was higher than expected at 46 per cent, exceeding the last election.", DAY),
             ("c.txt", "The turnout was just under 46%, an increase of 2% on the last election.", DAY)]
    rounded = [f for f in check_texts(texts, ruleset).agreements if f.verdict == "rounding"]
    assert rounded and {c.article for c in rounded[0].claims} == {"a.txt", "b.txt", "c.txt"}


def test_a_hyphenated_run_in_a_row_is_the_spaced_one(ruleset):
    texts = [("a.txt", "The central bank kept its benchmark rate unchanged for a sixth-straight month.", DAY),
             ("b.txt", "The central bank left its benchmark rates unchanged for the fifth straight month.", DAY)]
    assert ("CNT002", "contradiction") in _codes(check_texts(texts, ruleset))


def test_the_first_three_quarters_are_no_rank(kn):
    assert claims_of("Output rose 5.2% in the first three quarters of the year.", kn, DAY, "ordinal") == []


def test_the_second_of_two_roles_after_a_name_is_the_names_too(kn):
    found = claims_of("Lin Bao, president and chief economist at Orbis Capital, said growth would slow.", kn, DAY,
                      "title")
    assert {c.qualifiers.role for c in found} == {"president", "chief economist"}


def test_a_ticker_one_letter_short_is_the_same_body(ruleset):
    said = "ORBC CEO Ana Lind highlighted strong demand for chips."
    texts = [("a.txt", said, DAY), ("c.txt", said.replace("highlighted", "stressed"), DAY),
             ("b.txt", "“Demand is strong,” said ORB CEO Ana Lind, Bloomberg News reported.", DAY)]
    assert [f.code for f in check_texts(texts, ruleset).findings] == []


def test_shares_of_parts_the_sentences_do_not_name_are_not_compared(ruleset):
    texts = [("a.txt", "Chips of 3-nanometer accounted for 23% of total wafer revenue, the company said.", DAY),
             ("b.txt", "Its advanced technologies — critical for cloud uses — accounted for 74% of total wafer "
                      "revenue.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == []


def test_rates_kept_unchanged_date_a_decision(kn):
    found = claims_of("The Bank of Elbonia on Thursday kept interest rates unchanged at 4%.", kn, DAY, "date")
    assert found[0].event == "decision"


def test_half_a_dozen_is_six(kn):
    found = claims_of("Half a dozen other vehicles also caught fire, officials said.", kn, DAY, "count")
    assert [c.value for c in found] == [6]


def test_a_tax_charge_is_its_own_measure(kn):
    found = claims_of("Vesta booked a one-time, non-cash income tax charge of $15.93 billion.", kn, DAY, "money")
    assert found[0].measure == "tax charge"


def test_a_non_breaking_hyphen_is_a_hyphen(kn):
    found = claims_of("Vesta booked a one‑time, non‑cash income tax charge of $15.93 billion.", kn, DAY, "money")
    assert "non-cash" in found[0].mods


def test_a_part_named_by_one_source_only_is_a_possible_match(ruleset):
    texts = [("a.txt", "Markets revenue jumped 25% to a record $8.9 billion in the quarter, Orbis Bank said.", DAY),
             ("b.txt", "At Orbis Bank, fixed-income markets revenue jumped 21% to $5.6 billion in the quarter.", DAY)]
    report = check_texts(texts, ruleset)
    assert [f for f in report.findings if f.kind == "money"] == [] and report.possible


def test_a_sentence_opening_on_a_firm_counts_no_place(kn):
    found = claims_of("At Orbis Bank, markets revenue jumped 21% to $5.6 billion in the quarter.", kn, DAY, "money")
    assert found[0].qualifiers.where is None


def test_one_disagreement_merged_is_of_one_subject(ruleset):
    texts = [("a.txt", "Unemployment in Elbonia was 4.1% in October. Inflation in Elbonia was 4.1% in October.", DAY),
             ("b.txt", "Unemployment in Elbonia was 4.3% in October. Inflation in Elbonia was 4.3% in October.", DAY)]
    subjects = {f.subject for f in check_texts(texts, ruleset).findings if f.code == "PCT001"}
    assert len(subjects) == 2


def test_a_possessive_month_or_country_owns_no_figure(kn):
    found = claims_of("After October's 2.4% rise, Britain's 3.2% inflation rate surprised economists.", kn, DAY,
                      "percent")
    assert [c.qualifiers.owner for c in found] == [None, None]


def test_a_fronted_quarter_is_no_place(kn):
    found = claims_of("In Q3, Vesta's revenue rose 12% to $51.24 billion.", kn, DAY, "money")
    assert found[0].qualifiers.where is None


def test_a_low_a_figure_fell_to_is_no_record(kn):
    found = claims_of("Unemployment fell to a low of 3.4% in October.", kn, DAY, "percent")
    assert found[0].qualifiers.level != "record"


def test_open_until_a_time_is_no_deadline(kn):
    found = claims_of("Polling stations stayed open until 10 pm on Thursday.", kn, DAY, "time")
    assert found[0].qualifiers.hedge != "upper"


def test_a_unit_sold_is_not_the_figures_part(kn):
    found = claims_of("Orbis sold its chip unit and reported quarterly revenue of $51.2 billion.", kn, DAY, "money")
    assert "segment" not in found[0].mods


def test_the_past_years_someone_led_a_firm_are_a_length(kn):
    found = claims_of("She has led Orbis for the past 12 years.", kn, DAY, "duration")
    assert [c.value for c in found] == [12]


def test_hostile_runs_of_spaces_are_read_in_linear_time(kn):
    text = "Revenue rose 5%" + " " * 20000 + "y\nZeta fell 3%" + (" " * 1400 + "growth for 2026") * 3
    assert claims_of(text, kn, DAY, "percent")


def test_next_year_of_undated_pages_only_is_told_as_such(ruleset):
    texts = [("a.txt", "The Bank of Elbonia expects the economy to grow 1.2% next year, its governor said.", None),
             ("b.txt", "The Bank of Elbonia expects the economy to grow 1.6% next year, its governor said.", None)]
    subjects = [f.subject for f in check_texts(texts, ruleset).findings + check_texts(texts, ruleset).possible]
    assert subjects and all("year+1" not in s for s in subjects)
    assert any("the year after the article's" in s for s in subjects)


def test_a_line_that_stops_inside_a_place_name_runs_on(kn):
    text = ("Exporters said shipments were held up for days at the border in a dispute over paperwork with the United\n"
            "States, before sales rose 8% in the spring.")
    found = claims_of(text, kn, DAY, "percent")
    assert found and "united states" in found[0].names | found[0].context


def test_global_growth_is_not_the_countrys(kn):
    found = claims_of("The bank expects global growth of 3.2% in 2025 and GDP growth of 2.1%.", kn, DAY, "percent")
    assert [c.measure for c in found] == ["global growth", "gdp"]


def test_the_from_figure_of_its_own_year_is_no_old_value(kn):
    found = claims_of("The bank sees global growth slowing from 3.25% in 2025 to around 3% in 2026.", kn, DAY,
                      "percent")
    assert found[0].qualifiers.level is None and found[0].period is None and found[1].period == "2026"


def test_a_rate_this_year_is_the_whole_years_not_a_quarters(ruleset):
    texts = [("a.txt", "In its latest forecast, the bank projects GDP growth of 0.5% in the third quarter.", DAY),
             ("b.txt", "In its report, the bank projects GDP to grow 1.2 percent this year.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == []


def test_the_three_months_ended_are_neither_a_length_nor_a_modifier(kn):
    text = "Net revenue for the three months ended September 27 was $13,653 million, up 2.8%."
    assert claims_of(text, kn, DAY, "duration") == []
    assert "three" not in claims_of(text, kn, DAY, "money")[0].mods
