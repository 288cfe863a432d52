"""Dates: absolute, partial, ranges and weekdays resolved against the publication date."""
from __future__ import annotations

from datetime import date

import pytest

from factcheck.claims.dates import resolve_weekday

from .helpers import claims_of, one

TUESDAY = date(2025, 6, 10)


@pytest.mark.parametrize("text,first,last", [
    ("The leaders spoke on Thursday about trade.", "2025-06-05", "2025-06-05"),
    ("Officials met last Tuesday in Oslo.", "2025-06-03", "2025-06-03"),
    ("The ministers will meet on Friday in Rome.", "2025-06-13", "2025-06-13"),
    ("The talks could also continue Tuesday, aides said.", "2025-06-10", "2025-06-10"),
    ("The summit opened on June 9, 2025 in London.", "2025-06-09", "2025-06-09"),
    ("The vote was held on 9 June in Dublin.", "2025-06-09", "2025-06-09"),
    ("The accord was reached in mid-May in Geneva.", "2025-05-11", "2025-05-20"),
    ("The tariffs expire in early July, officials said.", "2025-07-01", "2025-07-10"),
    ("He will visit Britain from June 8 to 13 for talks.", "2025-06-08", "2025-06-13"),
    ("The pact was signed on Dec. 30 in Paris.", "2024-12-30", "2024-12-30"),
    ("The two leaders spoke by phone yesterday.", "2025-06-09", "2025-06-09"),
    ("The board will vote tomorrow on the merger.", "2025-06-11", "2025-06-11"),
])
def test_date_resolution(kn, text, first, last):
    c = one(text, kn, "date", published=TUESDAY)
    assert c.value == (first, last)


def test_today_in_quoted_speech_is_the_speakers_day_not_a_date(kn):
    assert claims_of('"We reached a deal today," the envoy said.', kn, published=TUESDAY, kind="date") == []


def test_weekday_without_publication_date_stays_unresolved(kn):
    c = one("The leaders spoke on Thursday about trade.", kn, "date", published=None)
    assert c.value is None and "unresolved" in c.resolved


def test_resolve_weekday_same_day_counts_as_that_day():
    assert resolve_weekday(1, TUESDAY, None, future=False) == TUESDAY
    assert resolve_weekday(1, TUESDAY, "last", future=False) == date(2025, 6, 3)
    assert resolve_weekday(1, TUESDAY, "next", future=False) == date(2025, 6, 17)


def test_event_kind_of_a_date(kn):
    assert one("Xi and Lula held a phone call on Friday.", kn, "date").event == "call"
    assert one("The delegates met in Vienna on May 3.", kn, "date").event == "meeting"


def test_may_the_verb_is_not_a_month(kn):
    assert claims_of("Prices may 5 times rise, they may fall.", kn, kind="date") == []


def test_a_reporting_word_after_an_event_noun_dates_that_event(kn):
    c = one("Under the trade deal with Elbonia, announced on Monday, Norvia will cut tariffs.", kn, "date",
            published=TUESDAY)
    assert c.event == "agreement"
    d = one("The talks ended and officials said on Monday that progress was slow.", kn, "date", published=TUESDAY)
    assert d.event == "statement"


def test_a_reporting_verb_with_its_own_subject_dates_the_report(kn):
    c = one("Japan will offer a package during the negotiations, Nikkei Asia reported on Thursday.", kn, "date",
            published=TUESDAY)
    assert c.event == "statement"


def test_a_weekday_naming_an_explicit_date_is_not_a_second_date(kn):
    found = claims_of("Talks began on Monday, June 2, in Geneva.", kn, kind="date")
    assert [(c.text, c.value) for c in found] == [("June 2", ("2025-06-02", "2025-06-02"))]


def test_a_month_after_since_looks_back_and_after_next_looks_ahead(kn):
    since = one("It was the first cut since December.", kn, "date", published=date(2025, 9, 18))
    assert since.value == ("2024-12-01", "2024-12-31")
    ahead = one("The rules take effect next March.", kn, "date", published=date(2025, 9, 18))
    assert ahead.value == ("2026-03-01", "2026-03-31")


def test_results_reported_with_figures_date_a_release(kn):
    c = one("Nvidia on Wednesday reported revenue of $46.7 billion for the quarter.", kn, "date")
    assert c.event == "release"
    said = one("Nvidia said on Wednesday that demand was strong.", kn, "date")
    assert said.event == "statement"
    end = one("Revenue reached $46.7 billion in the quarter ended July 27.", kn, "date")
    assert end.event == "period end"
