"""Percentages and money in phrasings other outlets use."""
from __future__ import annotations

import pytest

from .helpers import claims_of, one


@pytest.mark.parametrize("text,value,basis,direction", [
    ("Industrial output grew 7.5 per cent year on year in October.", 7.5, "year-on-year", "rise"),
    ("Factory orders were down 2.1% from the previous month in July.", 2.1, "month-on-month", "fall"),
    ("Shipments abroad rose 12.7% in May compared with April.", 12.7, "month-on-month", "rise"),
    ("Car sales slumped 9 percent from a year earlier in April.", 9.0, "year-on-year", "fall"),
    ("GDP expanded at a 2.8% annualized pace in the third quarter.", 2.8, "annualised", "rise"),
])
def test_percent_value_basis_direction(kn, text, value, basis, direction):
    c = one(text, kn, "percent")
    assert c.value == value
    assert c.qualifiers.basis == basis
    assert c.qualifiers.direction == direction


def test_percentage_points_are_not_percent(kn):
    c = one("The central bank cut rates by 0.25 percentage points on Wednesday.", kn, "percent")
    assert c.unit == "pp" and c.value == 0.25


def test_level_after_to_is_not_a_change(kn):
    c = one("Some duties have risen to 50% this year.", kn, "percent")
    assert c.qualifiers.direction is None


@pytest.mark.parametrize("text,hedge", [
    ("Inflation ran at about 3% in September.", "approx"),
    ("Levies as high as 40% apply to some steel products.", "upper"),
    ("Turnout was at least 60% in most districts.", "lower"),
])
def test_hedges(kn, text, hedge):
    assert one(text, kn, "percent").qualifiers.hedge == hedge


def test_percent_measure_and_modifiers(kn):
    c = one("Brussels imposed a 17% duty on Chinese electric vehicles.", kn, "percent")
    assert c.measure == "tariff"
    assert {"china", "auto"} <= set(c.mods)


@pytest.mark.parametrize("text,amount,currency", [
    ("The deal is worth US$4.7bn, the company said.", 4.7e9, "USD"),
    ("Exports reached 28.8 billion dollars in May.", 28.8e9, "USD"),
    ("The city borrowed €300 million for the tram.", 300e6, "EUR"),
    ("The review will allocate over £2 trillion.", 2e12, "GBP"),
    ("The fine came to $1,250,000 in total.", 1.25e6, "USD"),
    ("Tokyo set aside ¥5 trillion for the stimulus.", 5e12, "JPY"),
    ("The plant cost 12 billion yuan to build.", 12e9, "CNY"),
    ("The state pledged Rs 5,000 crore for flood relief.", 5e10, "INR"),
    ("The bank raised HK$2.5bn from the sale.", 2.5e9, "HKD"),
    ("The club paid EUR 45m for the striker.", 45e6, "EUR"),
])
def test_money_amount_scale_currency(kn, text, amount, currency):
    c = one(text, kn, "money")
    assert c.value == pytest.approx(amount)
    assert c.unit == currency


def test_won_as_a_verb_is_not_money(kn):
    assert claims_of("The party won 42 seats in the election.", kn, kind="money") == []


def test_basis_points_are_hundredths_of_a_point(kn):
    c = one("The central bank raised its key rate by 50 basis points.", kn, "percent")
    assert (c.value, c.unit) == (0.5, "pp")


def test_money_hedge(kn):
    c = one("The surplus reached nearly $29 billion in January.", kn, "money")
    assert c.qualifiers.hedge == "approx"


def test_a_basis_before_to_is_not_a_hedge_on_the_new_level(kn):
    c = one("Sales at the cloud unit rose 9% year over year to $12.4 billion.", kn, "money")
    assert c.qualifiers.hedge is None
    c = one("The backlog more than doubled to $8 billion.", kn, "money")
    assert c.qualifiers.hedge == "lower"


def test_a_money_amount_is_not_a_count_or_a_date(kn):
    found = claims_of("The firm paid $12 million in May 2024.", kn)
    assert sorted(c.type for c in found) == ["date", "money"]


def test_the_old_value_of_a_change_is_marked_previous(kn):
    found = claims_of("Washington will cut tariffs on Chinese goods from 145% to 30%.", kn, kind="percent")
    levels = {c.value: c.qualifiers.level for c in found}
    assert levels == {145.0: "previous", 30.0: None}


def test_tariffs_on_imports_are_tariffs(kn):
    c = one("The U.S. agreed to cut its tariffs on Chinese imports to 40%.", kn, "percent")
    assert c.measure == "tariff"


def test_a_verb_names_what_a_money_figure_is(kn):
    assert one("The Commission pledged €2.5 billion of the total.", kn, "money").measure == "pledges"
    assert one("Harlow agreed to be bought by Vesta for $4.2 billion.", kn, "money").measure == "deal value"


def test_pence_are_hundredths_of_a_pound(kn):
    c = one("The offer of 310 pence per share was accepted.", kn, "money")
    assert (c.value, c.unit) == (pytest.approx(3.10), "GBP")


@pytest.mark.parametrize("text,value", [
    ("The bank lowered its policy rate by a quarter of a percentage point.", 0.25),
    ("The bank cut its policy rate by half a percentage point.", 0.5),
    ("Officials delivered a half-point cut to the policy rate.", 0.5),
    ("The bank raised its policy rate by three-quarters of a percentage point.", 0.75),
    ("The bank raised its policy rate by two percentage points.", 2.0),
    ("One member voted for a 50-basis-point cut in the policy rate.", 0.5),
])
def test_percentage_points_in_words(kn, text, value):
    c = one(text, kn, "percent")
    assert (c.unit, c.value) == ("pp", value)


def test_figures_on_top_of_others_and_projections_are_their_own_level(kn):
    more = one("Officials expect two further quarter-point cuts in the policy rate.", kn, "percent")
    assert more.qualifiers.level == "additional"
    extra = one("The ministry will spend an additional $5 billion on roads.", kn, "money")
    assert extra.qualifiers.level == "additional"
    forecast = one("Experts said the death toll could exceed 10,000.", kn, "count")
    assert forecast.qualifiers.level == "projected"
    said = one("Trump said Japan would invest $500 billion in the U.S.", kn, "money")
    assert said.qualifiers.level is None
    month = one("Exports fell 12.7% in May, to $28.8 billion.", kn, "money")
    assert month.qualifiers.level is None


@pytest.mark.parametrize("text,basis", [
    ("Exports rose 5.1% compared with the same period a year ago.", "year-on-year"),
    ("Output rose 1.2% on the month.", "month-on-month"),
    ("Wages rose 4.5% on the year.", "year-on-year"),
    ("Orders fell 4% year to date.", "year-to-date"),
    ("Sales are up 8% so far this year.", "year-to-date"),
])
def test_more_ways_of_stating_a_basis(kn, text, basis):
    assert one(text, kn, "percent").qualifiers.basis == basis


def test_a_span_of_months_is_a_period_not_a_basis(kn):
    span = one("After a jump from January through March, imports plunged 30.2% in the next three months.", kn, "percent")
    assert span.qualifiers.basis is None
    assert one("Sales rose 2% from March, the agency said.", kn, "percent").qualifiers.basis == "month-on-month"


def test_forecasts_targets_and_last_months_figure_are_apart(kn):
    text = "Exports grew 4.8% in May, below the 5% forecast and down from April's 8.1% rise."
    found = {c.text.split()[0]: c for c in claims_of(text, kn, kind="percent")}
    assert found["5%"].qualifiers.level == "projected"
    assert found["8.1%"].period == "april" and found["4.8%"].period == "may"
    other = one("Imports shrank 3.4%, leaving a surplus of $103.2 billion, up from $96.2 billion in April.",
                kn, "percent")
    assert other.period is None


def test_a_hyphenated_currency_is_money_only_before_something_priced(kn):
    flat = one("She bought an 800,000-pound flat in Hove.", kn, "money")
    assert (flat.value, flat.unit) == (800000.0, "GBP")
    assert claims_of("A 500-pound bomb fell on the depot.", kn, kind="money") == []
    deal = one("It was a $2-billion deal for the port.", kn, "money")
    assert (deal.value, deal.unit) == (2e9, "USD")


def test_numbers_written_in_other_conventions_are_not_claims_unless_certain(kn):
    """'34,5 %' can only be a decimal comma (one or two digits after it cannot group thousands):
    it reads as 34.5, never as 5; '1 234,5 millions' and 'le 9 juin 2025' are not read."""
    from datetime import date

    from factcheck.articles import SourceInfo, parse_article
    from factcheck.claims import extract_claims

    text = ("Exports fell 34,5 % in May. Revenue was 1 234,5 millions d'euros. It happened le 9 juin 2025. "
            "Exports fell 34.5% in May, and 1,234 units were sold.")
    article = parse_article(text, "fr.txt", SourceInfo(None, date(2025, 6, 10)), kn)
    figures = sorted((c.type, c.text) for c in extract_claims(article, kn) if c.type in ("percent", "money", "count"))
    assert figures == [("count", "1,234 units"), ("percent", "34,5 %"), ("percent", "34.5%")]
    assert {c.value for c in extract_claims(article, kn) if c.type == "percent"} == {34.5}


def test_a_year_in_the_clause_or_a_list_item_is_the_figure_period(kn):
    assert one("Rates are seen falling to 3.1% in 2027.", kn, "percent").period == "2027"
    assert one("Fed funds rate:\n2026: 3.4% (unchanged)\n", kn, "percent").period == "2026"
    assert one("Rates are seen falling to 3.1% in 2025.", kn, "percent").period is None


def test_a_named_policy_rate_is_its_measure_whatever_follows(kn):
    found = claims_of("The committee cut the repo rate by 50 basis points to 5.50 percent to propel economic growth.",
                      kn, kind="percent")
    assert [c.measure for c in found] == ["repo rate", "repo rate"]


def test_a_figure_a_quarter_is_to_break_is_a_bound_and_a_month_quarter_is_a_period(kn):
    assert one("Apple is about to enter an era where it breaks $100 billion in revenue every quarter.", kn,
               "money").qualifiers.hedge == "lower"
    assert one("Apple forecast growth to $98 billion in revenue in the September quarter.", kn, "money").period == \
        "september quarter"


def test_the_noun_right_after_a_figure_gives_its_direction(kn):
    c = one("This sharp fall offset an 11% rise in exports to other countries.", kn, "percent")
    assert c.qualifiers.direction == "rise"
    assert one("Exports fell 34.5 percent in May.", kn, "percent").qualifiers.direction == "fall"


def test_a_figure_after_from_is_an_old_level_only_in_a_change(kn):
    found = claims_of("A total of 133 delegates from 70 countries took part.", kn, kind="count")
    assert [c.qualifiers.level for c in found] == [None, None]
    assert one("That marks a sharp increase from the 115 delegates of the last summit.", kn,
               "count").qualifiers.level == "previous"
    assert [c.qualifiers.level for c in claims_of("Unemployment was 4.1%, up from 3.9%.", kn, kind="percent")] \
        == [None, "previous"]


def test_a_hedged_figure_quotes_its_hedge_and_a_verb_of_going_up_is_no_hedge(kn):
    assert one("Shares of the carrier rose by over 8% on Monday.", kn, "percent").text == "over 8%"
    c = one("Spending growth sped up to 1.4% in the quarter.", kn, "percent")
    assert (c.text, c.qualifiers.hedge) == ("1.4%", None)
