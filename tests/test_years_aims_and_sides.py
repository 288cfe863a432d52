"""Years of undated pages, aims, cumulative changes, fronted exclusions, figures a third report
gives side by side, and the measures of company results and of a GDP release's sectors. Texts
written for this project."""
from __future__ import annotations

from datetime import date

from factcheck.align.undated import reference_year
from factcheck.api import check_texts
from factcheck.articles import SourceInfo, parse_article

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
