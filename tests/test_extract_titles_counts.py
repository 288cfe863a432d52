"""People with titles, counts, ordinals and durations."""
from __future__ import annotations

import pytest

from .helpers import claims_of, one


@pytest.mark.parametrize("text,person,role,portfolio,country,qualifier,quote", [
    ("Talks included former U.S. President Donald Trump.", "Donald Trump", "president", None, "united states",
     "former", "former U.S. President Donald Trump"),
    ("Secretary of State Marco Rubio flew to Manila.", "Marco Rubio", "secretary", "foreign affairs", None, None,
     "Secretary of State Marco Rubio"),
    ("The plan came from Ana Ruiz, the finance minister, on Monday.", "Ana Ruiz", "minister", "treasury", None,
     None, "Ana Ruiz, the finance minister"),
    ("Germany's Chancellor Friedrich Merz arrived late.", "Friedrich Merz", "chancellor", None, "germany", None,
     "Germany's Chancellor Friedrich Merz"),
    ("Kevin Hassett, director of the National Economic Council, spoke.", "Kevin Hassett", "director",
     "national economic council", None, None, "Kevin Hassett, director of the National Economic Council"),
    ("Minister for Digital Affairs, Taro Kono, resigned.", "Taro Kono", "minister", "digital affairs", None, None,
     "Minister for Digital Affairs, Taro Kono"),
    ("South Korean President Lee Jae-myung took office.", "Lee Jae-myung", "president", None, "south korea", None,
     "South Korean President Lee Jae-myung"),
    ("President-elect Lee Jae-myung named his cabinet.", "Lee Jae-myung", "president", None, None, "incoming",
     "President-elect Lee Jae-myung"),
    ("Ex-Chancellor Olaf Brandt spoke in Hamburg.", "Olaf Brandt", "chancellor", None, None, "former",
     "Ex-Chancellor Olaf Brandt"),
    ("Saudi Energy Minister Abdulaziz bin Salman spoke.", "Abdulaziz bin Salman", "minister", "energy",
     "saudi arabia", None, "Saudi Energy Minister Abdulaziz bin Salman"),
    ("CFO Petra Albers told reporters.", "Petra Albers", "chief financial officer", None, None, None,
     "CFO Petra Albers"),
    ("Housing and Urban Development Secretary Dana P. Whitlock Jr. spoke.", "Dana P. Whitlock Jr.", "secretary",
     "housing and urban development", None, None,
     "Housing and Urban Development Secretary Dana P. Whitlock Jr."),
    ("Indian Finance Minister R. Venkat Rao spoke.", "R. Venkat Rao", "minister", "treasury", "india", None,
     "Indian Finance Minister R. Venkat Rao"),
    ("Kenyan Defense Minister Israel Varga spoke.", "Israel Varga", "minister", "defense", "kenya", None,
     "Kenyan Defense Minister Israel Varga"),
    ("Lin Zhou and Defense Secretary Ada Moss spoke.", "Ada Moss", "secretary", "defense", None, None,
     "Defense Secretary Ada Moss"),
])
def test_title_reading(kn, text, person, role, portfolio, country, qualifier, quote):
    c = one(text, kn, "title")
    q = c.qualifiers
    assert (q.person, q.role, q.portfolio, q.country, q.qualifier) == \
        (person, role, portfolio, country, qualifier)
    assert c.text == quote


def test_title_wrapped_over_two_lines_is_joined(kn):
    c = one("Reports said that communication between President\nDonald Trump and aides was poor.", kn, "title")
    assert c.text == "President Donald Trump" and c.line == 1


def test_equivalent_titles_read_the_same(kn):
    a = one("Commerce Secretary Howard Lutnick spoke.", kn, "title")
    b = one("Secretary of Commerce Lutnick spoke.", kn, "title")
    assert (a.qualifiers.role, a.qualifiers.portfolio) == (b.qualifiers.role, b.qualifiers.portfolio)


def test_lowercase_role_without_a_name_is_not_a_claim(kn):
    assert claims_of("The president said the minister would resign.", kn, kind="title") == []


@pytest.mark.parametrize("text,kind,value,unit,head", [
    ("Beijing restricted exports of seven types of rare-earth minerals.", "count", 7, "mineral", "mineral"),
    ("Rescuers found 23 survivors under the rubble.", "count", 23, "survivor", "survivor"),
    ("It was the 12th round of talks this year.", "ordinal", 12, "meeting", "meeting"),
    ("Envoys opened a fifth round of negotiations.", "ordinal", 5, "meeting", "meeting"),
    ("The two sides agreed a 90-day truce in Geneva.", "duration", 90.0, "day", "truce"),
    ("Trump and Xi held a 90-minute phone conversation.", "duration", 90.0, "minute", "call"),
    ("The delegation began a three-day visit to Jakarta.", "duration", 3.0, "day", "visit"),
])
def test_counts_ordinals_durations(kn, text, kind, value, unit, head):
    c = one(text, kn, kind)
    assert (c.value, c.unit, c.measure) == (value, unit, head)


def test_years_and_relative_times_are_not_counts_or_durations(kn):
    found = claims_of("In 2024 the rule changed, and 17 hours ago officials said it would change again.", kn)
    assert [c.type for c in found if c.type in ("count", "duration")] == []


def test_the_window_of_a_record_is_not_a_duration(kn):
    found = claims_of("Retail inflation fell to a 42-month low in April, the lowest since a six-year high.", kn)
    assert [c.text for c in found if c.type == "duration"] == []
    assert [c.text for c in claims_of("The 90-day truce held.", kn) if c.type == "duration"] == ["90-day truce"]


@pytest.mark.parametrize("text,quote,qualifier", [
    ("The deal was signed by ex-President Jair Bolsonaro in 2019.", "ex-President Jair Bolsonaro", "former"),
    ("It was then-Secretary of State Mike Pompeo who agreed.", "then-Secretary of State Mike Pompeo", "then"),
])
def test_hyphenated_time_qualifiers(kn, text, quote, qualifier):
    c = one(text, kn, "title")
    assert c.text == quote and c.qualifiers.qualifier == qualifier


def test_count_past_more_and_additional(kn):
    a = one("Berlin would send two more Patriot systems.", kn, "count")
    b = one("Merz promised two additional Patriot air-defence systems.", kn, "count")
    assert (a.value, a.measure) == (2, "system") and (b.value, b.measure) == (2, "system")


def test_a_count_ends_at_a_preposition(kn):
    found = claims_of("The group has 12,000 employees across 14 countries.", kn, kind="count")
    assert {(c.value, c.measure) for c in found} == {(12000, "employee"), (14, "country")}


def test_counts_with_a_scale_word(kn):
    c = one("More than 1.2 million people were displaced by the floods.", kn, "count")
    assert (c.value, c.measure, c.qualifiers.hedge) == (1200000, "evacuated", "lower")


@pytest.mark.parametrize("text,value", [
    ("The death toll from the floods rose to 64 on Tuesday.", 64),
    ("At least 71 people have died in the floods.", 71),
    ("Floods have killed 64 people in the north.", 64),
])
def test_deaths_are_one_kind_of_count_however_they_are_worded(kn, text, value):
    c = one(text, kn, "count")
    assert (c.value, c.measure) == (value, "dead")


@pytest.mark.parametrize("text,value,unit,mods", [
    ("A magnitude 7.7 earthquake struck the region on Friday.", 7.7, "magnitude", {"earthquake"}),
    ("A 6.4 magnitude aftershock followed minutes later.", 6.4, "magnitude", {"aftershock"}),
    ("A 30-story building under construction collapsed.", 30.0, "storey", {"building"}),
    ("The tower, 33 storeys tall, came down.", 33.0, "storey", set()),
    ("The quake struck at a depth of 10 kilometres.", 10.0, "km", {"depth"}),
    ("The epicentre was 16 km northwest of Sagaing city.", 16.0, "km", {"from:sagaing"}),
])
def test_measures(kn, text, value, unit, mods):
    c = one(text, kn, "measure")
    assert (c.value, c.unit, c.measure) == (value, unit, unit)
    assert set(c.mods) == mods
    assert not [x for x in claims_of(text, kn, kind="count") if x.start == c.start]


@pytest.mark.parametrize("text,value,head", [
    ("The quake killed at least 1,002 people and injured 2,376, officials said.", 2376, "injured"),
    ("The death toll from the quake that hit the region on Friday has risen to 1,002.", 1002, "dead"),
    ("Rescuers said the number of dead stood at 64.", 64, "dead"),
])
def test_bare_counts_take_their_class_from_a_verb_or_a_toll(kn, text, value, head):
    found = [c for c in claims_of(text, kn, kind="count") if c.value == value]
    assert len(found) == 1 and found[0].measure == head


def test_a_count_in_a_clause_about_another_year_carries_that_year(kn):
    text = "It is the deadliest quake since 2011, when a tremor killed 412 people."
    c = one(text, kn, "count")
    assert c.period == "2011"
    now = one("A tremor killed 64 people in 2025.", kn, "count")
    assert now.period is None


def test_an_untitled_near_spelling_of_a_known_name_is_a_claim(kn):
    found = claims_of("Trade chief Maros Sefcovich said the deal brought stability.", kn, kind="title")
    assert [(c.qualifiers.person, c.qualifiers.role) for c in found] == [("Maros Sefcovich", "")]
    assert claims_of("Trade chief Maros Sefcovic said the deal brought stability.", kn, kind="title") == []


def test_ages_of_named_people(kn):
    text = "Former President Jair Bolsonaro was sentenced. Bolsonaro, 70, is under house arrest."
    ages = [c for c in claims_of(text, kn, kind="count") if c.measure == "age"]
    assert [(c.value, sorted(c.persons)) for c in ages] == [(70, ["jair bolsonaro"])]
    assert [c for c in claims_of("The victim, 34, was a nurse.", kn, kind="count") if c.measure == "age"] == []
    assert claims_of("A 70-year-old man was hurt.", kn, kind="duration") == []


def test_names_of_bodies_are_not_people(kn):
    found = claims_of("The Justice Department declined to comment, and Judge Mary Lee adjourned.", kn,
                      kind="title")
    assert [(c.qualifiers.person, c.qualifiers.role) for c in found] == [("Mary Lee", "judge")]


@pytest.mark.parametrize("text,value", [
    ("Eighteen of the dead were in a school used as a shelter.", 18),
    ("Sixteen of them died when the school was hit.", 16),
    ("The dead included 18 people sheltering in a school.", 18),
])
def test_parts_of_a_toll_are_counts_of_the_dead(kn, text, value):
    found = [c for c in claims_of(text, kn, kind="count") if c.value == value]
    assert len(found) == 1 and found[0].measure == "dead"


def test_a_long_name_with_particles_is_read_whole(kn):
    c = one("Qatari Prime Minister Hamad bin Khalid Al Suwaidi spoke.", kn, "title")
    assert c.qualifiers.person == "Hamad bin Khalid Al Suwaidi"


def test_a_lowercase_title_names_the_person_only_in_a_closed_appositive(kn):
    c = one("The deal was signed by the prime minister, Omar Haddad, on Friday.", kn, "title")
    assert (c.qualifiers.person, c.qualifiers.role) == ("Omar Haddad", "prime minister")
    assert claims_of("He met the prime minister, Haddad said on Monday.", kn, kind="title") == []


def test_pilots_titles_by_copula_and_abbreviation(kn):
    from datetime import date

    from factcheck import api
    from factcheck.rules import load_ruleset

    from .conftest import RULES
    ruleset = load_ruleset([RULES])
    report = api.check_texts([
        ("a.txt", "The captain of the plane was Sumit Sabharwal and the first officer was Clive Sundar, he said. "
                  "The pilot had logged 8,200 hours.", date(2025, 6, 13)),
        ("b.txt", "The jet, piloted by Capt. Sumeet Sabharwal and FO Clive Kunder, issued a mayday call.",
         date(2025, 6, 13))], ruleset)
    titles = sorted((c.qualifiers.person, c.qualifiers.role) for c in report.claims if c.type == "title")
    assert titles == [("Clive Kunder", "first officer"), ("Clive Sundar", "first officer"),
                      ("Sumeet Sabharwal", "captain"), ("Sumit Sabharwal", "captain")]
    assert not [c for c in report.claims if c.type == "ordinal"]
    assert [c.value for c in report.claims if c.type == "duration"] == [8200.0]
    spelled = sorted(f.subject for f in report.findings if f.verdict == "possible_misspelling")
    assert len(spelled) == 2


def test_a_former_party_leader_elected_president_is_not_a_former_president(kn):
    found = claims_of("Lee, the former Democratic Party leader elected president last week, spoke first.", kn, kind="title")
    assert not [c for c in found if c.qualifiers.role == "president" and c.qualifiers.qualifier == "former"]


def test_and_a_half_is_half_a_unit_more(kn):
    assert [(c.value, c.unit) for c in claims_of("The call lasted about an hour and a half.", kn, kind="duration")] \
        == [(1.5, "hour")]
    assert [(c.value, c.unit) for c in claims_of("Talks took two and a half hours.", kn, kind="duration")] \
        == [(2.5, "hour")]


def test_an_ordinal_that_names_a_term_or_a_quarter_is_not_a_claim(kn):
    found = claims_of("Two appointees from his first term sat beside the first cut of Trump's second term.", kn, kind="ordinal")
    assert [c.text for c in found if "term" in c.text] == []
    assert [c.value for c in claims_of("It was the third round of talks.", kn, kind="ordinal")] == [3]


def test_a_figure_written_with_a_thousands_comma_is_never_a_year(kn):
    assert [c.value for c in claims_of("About 1,900 rescue workers joined the search.", kn, kind="count")] == [1900]
    assert [c.value for c in claims_of("In 1998 the dam broke.", kn, kind="count")] == []


def test_offices_told_together_give_each_name_its_own_office(kn):
    found = claims_of("Finance and Health Ministers Anna Berg and Karl Lind met the unions on Monday.", kn,
                      kind="title")
    assert [(c.display, c.qualifiers.role, c.qualifiers.portfolio) for c in found] == [
        ("Anna Berg", "minister", "treasury"), ("Karl Lind", "minister", "health and human services")]


def test_offices_told_together_are_not_read_without_a_name_for_each(kn):
    assert claims_of("Finance and Health Ministers met the unions on Monday.", kn, kind="title") == []


def test_a_classifier_after_an_adjective_is_what_is_counted(kn):
    c = one("The blaze spread across almost 2,000 residential units on Wednesday.", kn, "count")
    assert (c.measure, sorted(c.mods)) == ("unit", ["residential"])
