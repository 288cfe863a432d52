"""Years of undated pages, aims, cumulative changes, fronted exclusions, figures a third report
gives side by side, and the measures of company results and of a GDP release's sectors. Texts
written for this project."""
from __future__ import annotations

from datetime import date

from factcheck.align.undated import reference_year
from factcheck.api import check_texts
from factcheck.articles import SourceInfo, parse_article
from factcheck.checks.base import CheckContext, stated_values
from factcheck.checks.numbers import weak_evidence
from factcheck.report.jsonout import to_dict

from .helpers import claims_of

DAY = date(2025, 6, 6)


def _codes(report):
    return sorted((f.code, f.verdict) for f in report.findings)


def _values(findings):
    return sorted(tuple(sorted(c.text for c in f.claims)) for f in findings)


def test_an_undated_page_keeps_the_year_it_writes_a_dated_one_drops_its_own(kn):
    said = "The bank expects inflation at 2.4% in 2025 and 1.9% in 2026."
    undated = claims_of(said, kn, None, "percent")
    dated = claims_of(said, kn, DAY, "percent")
    assert [(c.text, c.period) for c in undated] == [("2.4%", "2025"), ("1.9%", "2026")]
    assert [(c.text, c.period) for c in dated] == [("2.4%", None), ("1.9%", "2026")]


def test_undated_pages_are_of_the_year_of_the_dated_ones(ruleset):
    kn = ruleset.knowledge
    arts = [parse_article("x", name, SourceInfo(None, day), kn)
            for name, day in (("a", DAY), ("b", date(2025, 6, 7)), ("c", None))]
    assert reference_year(arts) == "2025"
    apart = arts[:1] + [parse_article("x", "d", SourceInfo(None, date(2024, 1, 2)), kn)] + arts[2:]
    assert reference_year(apart) is None
    texts = [("a.txt", "Staff projections see inflation averaging 2.0% in 2025 and 1.6% in 2026.", DAY),
             ("b.txt", "Staff projections see inflation averaging 2.4% in 2025 and 1.9% in 2026.", None)]
    report = check_texts(texts, ruleset)
    assert _codes(report) == [("PCT001", "contradiction"), ("PCT001", "contradiction")]
    assert _values(report.findings) == [("1.6%", "1.9%"), ("2.0%", "2.4%")]


def test_the_opening_word_of_a_list_item_is_not_a_name(kn):
    found = claims_of("The bank published its forecasts.\n- Inflation projections: 2.0% in 2025\n"
                      "- Growth: 0.9% in 2025.", kn, DAY, "percent")
    assert [(c.text, c.names) for c in found] == [("2.0%", frozenset()), ("0.9%", frozenset())]


def test_an_aim_is_neither_an_outcome_nor_a_forecast(ruleset):
    kn = ruleset.knowledge
    levels = [(c.text, c.qualifiers.level) for text in (
        "Inflation is close to its 2% target, the bank said.",
        "The bank has a goal of 3% for inflation.",
        "Inflation is expected at 2.3% next year.",
        "Inflation eased to 1.9% in May.") for c in claims_of(text, kn, DAY, "percent")]
    assert levels == [("2%", "target"), ("3%", "target"), ("2.3%", "projected"), ("1.9%", None)]
    texts = [("a.txt", "Inflation stands at 1.9%, the bank said.", DAY),
             ("b.txt", "Inflation stands close to the bank's 2% target.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == []


def test_a_change_since_a_date_is_the_sum_of_a_span_not_one_step(ruleset):
    kn = ruleset.knowledge
    [total] = claims_of("The bank has lowered borrowing costs by 2 percentage points since last June.",
                        kn, DAY, "percent")
    assert (total.measure, total.qualifiers.level) == ("interest rate", "total")
    texts = [("a.txt", "The bank has lowered borrowing costs by 2 percentage points since last June.", DAY),
             ("b.txt", "The bank announced a quarter-point cut in borrowing costs on Thursday.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == []


def test_a_sentence_that_opens_on_an_exclusion_leaves_it_out_of_all_its_figures(kn):
    found = claims_of("Excluding food and energy, inflation is seen at 2.4% in 2025 and 1.9% in 2026.",
                      kn, DAY, "percent")
    assert [("excluding" in c.mods) for c in found] == [True, True]
    plain = claims_of("Inflation, excluding nothing, is seen at 2.4% in 2025.", kn, DAY, "percent")
    assert ["excluding" in c.mods for c in plain] == [False]


def test_a_measure_named_after_and_in_the_next_clause_is_not_the_figures(kn):
    [growth] = claims_of("The bank left its growth forecast unchanged at 0.9 percent, and noted inflation "
                         "was near its goal.", kn, DAY, "percent")
    assert growth.measure != "inflation"
    [fronted] = claims_of("After surging nearly 38% in the first quarter, imports plummeted.", kn, DAY, "percent")
    assert fronted.measure == "imports"


def test_figures_a_third_report_gives_side_by_side_are_possibly_two_facts(ruleset):
    texts = [("a.txt", "Adjusted earnings per share were $0.81, or $0.96 excluding the charge.", DAY),
             ("b.txt", "Adjusted earnings per share came in at $0.81, the company said.", DAY),
             ("c.txt", "The company said adjusted earnings per share were 96 cents.", DAY)]
    report = check_texts(texts, ruleset)
    assert _codes(report) == []
    [possible] = [p for p in report.possible if "c.txt" in {c.article for c in p.claims}]
    assert "a.txt gives both figures side by side" in possible.weak
    alone = check_texts(texts[1:], ruleset)
    assert _codes(alone) == [("MON001", "contradiction")]


def test_results_name_their_parts_and_uses_of_money(kn):
    text = ("Capital expenditures totaled $17 billion. The firm generated $25.56 billion in cash flow from "
            "operations and $8.55 billion of free cash flow, and ended with $47.07 billion in cash. "
            "Advertising revenue reached $46.5 billion.")
    assert [(c.text, c.measure) for c in claims_of(text, kn, DAY, "money")] == [
        ("$17 billion", "capital expenditure"), ("$25.56 billion", "operating cash flow"),
        ("$8.55 billion", "free cash flow"), ("$47.07 billion", "cash"),
        ("$46.5 billion", "advertising revenue")]


def test_the_sectors_of_a_gdp_release_are_measures(kn):
    text = "- Manufacturing grew 7.7%.\n- Mining and quarrying contracted by 3.1%.\n- The farm sector rose 3.7%."
    assert [(c.text, c.measure) for c in claims_of(text, kn, DAY, "percent")] == [
        ("7.7%", "manufacturing"), ("3.1%", "mining"), ("3.7%", "agriculture")]


def test_a_report_that_also_states_the_others_figure_agrees_with_it(ruleset):
    kn = ruleset.knowledge
    a_total, a_part = claims_of("Orbis revenue reached $22.5 billion; car revenue came to $16.7 billion.", kn, DAY,
                                "money")
    [b] = claims_of("Revenue came to $22.5 billion in the quarter.", kn, DAY, "money")
    b.article = "b.txt"
    ctx = CheckContext(kn, {"t.txt": DAY, "b.txt": DAY}, {r.check: r.params for r in ruleset.rules},
                       stated=stated_values([a_total, a_part, b]))
    assert "t.txt also gives $22.5 billion as a figure of revenue" in weak_evidence(a_part, b, ctx)
    [levy] = claims_of("Japan suspended its 24% retaliatory tariff.", kn, DAY, "percent")
    [auto] = claims_of("A 24% auto tariff takes effect in July.", kn, DAY, "percent")
    [cars] = claims_of("The US keeps a 25% tariff on auto imports.", kn, DAY, "percent")
    cars.article = levy.article = "c.txt"
    ctx = CheckContext(kn, {"t.txt": DAY, "c.txt": DAY}, {}, stated=stated_values([levy, cars]))
    assert "also gives" not in weak_evidence(cars, auto, ctx)  # a retaliatory 24% is not the auto tariff


def test_total_before_a_measure_is_its_label_not_a_sum(kn):
    levels = [(c.text, c.qualifiers.level) for text in (
        "Total revenue: $22.5 billion.", "The aid reached a total of $5 billion.",
        "The bank has cut rates by a cumulative 100 basis points.")
        for c in claims_of(text, kn, DAY) if c.type in ("money", "percent")]
    assert levels == [("$22.5 billion", None), ("$5 billion", "total"), ("100 basis points", "total")]


def test_what_a_poll_expected_a_bank_would_do_is_a_projection_what_it_did_by_cutting_is_not(kn):
    [polled] = claims_of("Most economists polled had forecast the Reserve Bank of Elbonia would cut the official cash "
                         "rate by 25 basis points.", kn, DAY, "percent")
    assert polled.qualifiers.level == "projected"
    done = claims_of("The bank said the economy needs more help than it had forecast by cutting its cash rate by "
                     "50 basis points to 2.5%.", kn, DAY, "percent")
    assert [(c.text, c.qualifiers.level) for c in done] == [("50 basis points", None), ("2.5%", None)]


def test_an_adjective_of_strength_says_nothing_about_what_a_figure_is_of(kn):
    [weak] = claims_of("- Weak Q2 GDP contracted 1.1% year-on-year.", kn, DAY, "percent")
    assert "weak" not in weak.mods


def test_guidance_for_the_current_quarter_is_not_of_the_results_quarter(ruleset):
    kn = ruleset.knowledge
    guided = claims_of("The company projected current quarter sales of $206 billion to $213 billion and operating "
                       "income between $21 billion and $26 billion.", kn, DAY, "money")
    assert {c.period for c in guided} == {"next quarter"}
    texts = [("a.txt", "Orbis expects current quarter operating income of $21 billion to $26 billion.", DAY),
             ("b.txt", "Orbis reported operating income of $17.4 billion for the quarter.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == []


def test_a_contribution_to_growth_is_not_the_growth_of_a_sector(ruleset):
    kn = ruleset.knowledge
    parts = claims_of("Services contributed about 0.25%, production 0.08%, and construction 0.02% to growth.",
                      kn, DAY, "percent")
    assert [(c.measure, c.qualifiers.level) for c in parts] == [
        ("services", "contribution"), ("output", "contribution"), ("construction", "contribution")]
    texts = [("a.txt", "Services contributed about 0.25% to growth in the quarter.", DAY),
             ("b.txt", "Services output increased by 0.4% in the quarter.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == []


def test_a_basis_after_a_figure_is_not_its_measure_and_on_month_is_a_basis(kn):
    found = claims_of("Growth of 0.1% on-quarter had been expected. UK monthly GDP rose by 0.4%.", kn, DAY, "percent")
    assert [(c.text, c.measure, c.qualifiers.basis) for c in found] == [
        ("0.1%", None, "quarter-on-quarter"), ("0.4%", "gdp", "month-on-month")]
    [sector] = claims_of("Output grew on increases of 0.4% in services.", kn, DAY, "percent")
    assert sector.measure == "services"


def test_a_net_margin_is_its_own_measure(kn):
    [margin] = claims_of("Net income came to $18.8 billion, a net margin of 42.6%.", kn, DAY, "percent")
    assert margin.measure == "net margin"


def test_north_america_is_a_place_not_the_united_states(kn):
    assert kn.canon_place("North America") == "north america"
    assert kn.canon_place("America") == "united states"


def test_a_floor_is_named_by_its_ordinal_not_counted(kn):
    assert claims_of("Water rose as high as the second floor of a house.", kn, DAY, "ordinal") == []


def test_words_of_what_remains_say_nothing_about_what_a_count_is_of(kn):
    [left] = claims_of("Officials said 22 people remain missing after the flood.", kn, DAY, "count")
    assert not left.mods & {"remain", "remains", "remaining", "still"}


def test_analysts_expectation_and_the_companys_guidance_are_two_expectations(ruleset):
    texts = [("a.txt", "Orbis sales beat the $177.8 billion analysts had expected.", DAY),
             ("b.txt", "Orbis sales beat management's guidance of $179.5 billion.", DAY)]
    report = check_texts(texts, ruleset)
    assert _codes(report) == []
    assert any("company's own guidance" in p.weak for p in report.possible)
    same_kind = [("a.txt", "Orbis sales beat the $177.8 billion analysts had expected.", DAY),
                 ("b.txt", "Orbis sales beat the $179.5 billion analysts had expected.", DAY)]
    assert _codes(check_texts(same_kind, ruleset)) == [("MON001", "contradiction")]


def test_a_figure_rounded_to_one_digit_fewer_meets_the_precise_one_however_worded(ruleset):
    texts = [("a.txt", "Net income surged 38.2% to $21.19 billion, while earnings per share came in at $1.95.", DAY),
             ("b.txt", "The Seattle-based company reported a net income of $21.2 billion for the third quarter.", DAY)]
    report = check_texts(texts, ruleset)
    assert [(f.verdict, sorted(c.text for c in f.claims)) for f in report.agreements
            if f.kind == "money"] == [("rounding", ["$21.19 billion", "$21.2 billion"])]


def test_a_number_in_a_products_name_is_not_a_count(kn):
    assert claims_of("Meta plans the rollout of its Llama 4 model this year.", kn, DAY, "count") == []
    kept = claims_of("Final figures give the Harbour Party 71 seats, the Green Front 52 and the Farmers' League 27.",
                     kn, DAY, "count")
    assert [c.value for c in kept] == [71, 52, 27]


def test_a_claim_is_quoted_with_the_words_right_before_it_up_to_the_claim_before(ruleset):
    texts = [("a.txt", "Daily active users climbed 6% year-over-year. The storm struck on Monday as a Category 4 storm.", DAY),
             ("b.txt", "Daily active users rose 7% year-over-year. The storm struck on Monday as a Category 5 storm.", DAY)]
    data = to_dict(check_texts(texts, ruleset))
    quotes = {(c["source"], c["text"]): c["quote"] for f in data["conflicts"] for c in f["claims"]}
    assert quotes[("a.txt", "6%")] == "active users climbed 6%"  # three words at most
    assert quotes[("a.txt", "Category 4 storm")] == "as a Category 4 storm"  # not back past 'Monday'


def test_others_whose_fate_is_told_after_them_are_counted_by_it(kn):
    found = claims_of("The agency said 64 people have been confirmed dead and 65 others are still unaccounted for.",
                      kn, DAY, "count")
    assert [(c.value, c.measure) for c in found] == [(64, "dead"), (65, "missing")]


def test_a_yearly_rate_against_the_previous_quarter_is_annualised(kn):
    [capex] = claims_of("Investment rose by 5.5pc on an annual basis against the previous quarter.", kn, DAY, "percent")
    assert capex.qualifiers.basis == "annualised"
    [yearly] = claims_of("Exports rose 3% on an annual basis.", kn, DAY, "percent")
    assert yearly.qualifiers.basis == "year-on-year"


def test_the_number_of_something_before_a_bare_number_says_what_it_counts(kn):
    said = {text: [(c.value, c.measure) for c in claims_of(text, kn, DAY, "count")] for text in (
        "Officials put the number of damaged homes at 100,000.",
        "The number of missing people rose to 65.",
        "The number of injured stood at 236.")}
    assert list(said.values()) == [[(100000, "home")], [(65, "missing")], [(236, "injured")]]


def test_the_age_of_a_thing_and_almost_against_more_than(ruleset):
    kn = ruleset.knowledge
    [age] = claims_of("The plane was almost 50 years old.", kn, DAY, "count")
    assert (age.value, age.measure, age.qualifiers.hedge) == (50, "age", "approx")
    texts = [("a.txt", "The An-24 plane that crashed on Thursday was more than 50 years old, officials said.", DAY),
             ("b.txt", "The An-24 plane that crashed on Thursday was almost 50 years old, officials said.", DAY)]
    assert _codes(check_texts(texts, ruleset)) == [("CNT001", "contradiction")]
    alike = [("a.txt", "The An-24 plane that crashed on Thursday was more than 50 years old, officials said.", DAY),
             ("b.txt", "The An-24 plane that crashed on Thursday was about 52 years old, officials said.", DAY)]
    assert _codes(check_texts(alike, ruleset)) == []


def test_a_change_far_from_one_that_says_its_basis_is_possibly_of_another_basis(ruleset):
    texts = [("a.txt", "Core inflation rose 2.9% year-on-year in June, the bureau said.", DAY),
             ("b.txt", "Core inflation rose 0.2% in June, the bureau said.", DAY)]
    report = check_texts(texts, ruleset)
    assert _codes(report) == []
    assert any("likely of another basis" in p.weak for p in report.possible)
    close = [("a.txt", "Core inflation rose 2.9% year-on-year in June, the bureau said.", DAY),
             ("b.txt", "Core inflation rose 2.7% in June, the bureau said.", DAY)]
    assert _codes(check_texts(close, ruleset)) == [("PCT001", "contradiction")]


def test_an_age_is_quoted_with_the_name_before_it(ruleset):
    texts = [("a.txt", "Prime Minister Francois Bayrou lost the vote. Bayrou, 74, said he would resign.", DAY),
             ("b.txt", "Prime Minister Francois Bayrou lost the vote. Bayrou, 72, said he would resign.", DAY)]
    data = to_dict(check_texts(texts, ruleset))
    assert sorted(c["quote"] for f in data["conflicts"] for c in f["claims"] if f["kind"] == "count") == \
        ["Bayrou, 72", "Bayrou, 74"]


def test_a_month_with_its_year_is_a_period_however_it_is_led_in(kn):
    [july] = claims_of("The July 2025 inflation figures are still stubbornly at 3.1%.", kn, DAY, "percent")
    assert july.period == "july"
