"""Lengths of time between two events ('41 seconds after takeoff', 'airborne for 47 seconds
before it crashed'): one fact across wordings, never the length of one of the events. Texts
written for this project."""
from __future__ import annotations

from datetime import date

from factcheck.api import check_texts

from .helpers import one

DAY = date(2025, 3, 2)
AFTER = "The cargo plane crashed 41 seconds after takeoff on Saturday, the airport said."
BEFORE = "The cargo plane was airborne for 47 seconds before it crashed on Saturday, the airline said."


def test_a_length_tied_to_an_event_is_the_interval_between_the_events_of_its_sentence(kn):
    after, before = one(AFTER, kn, "duration", DAY), one(BEFORE, kn, "duration", DAY)
    assert after.measure == before.measure == "interval"
    assert after.mods == before.mods == {"incident and takeoff"}


def test_a_length_tied_to_one_event_says_which_end_it_is(kn):
    from_call = one("Two days after the call the ministers wrote again.", kn, "duration", DAY)
    assert (from_call.measure, from_call.mods) == ("interval", {"from call"})
    to_vote = one("The ministers wrote again two days before the vote.", kn, "duration", DAY)
    assert (to_vote.measure, to_vote.mods) == ("interval", {"to election"})


def test_two_wordings_of_one_interval_that_disagree_are_a_contradiction(ruleset):
    report = check_texts([("a.txt", AFTER, DAY), ("b.txt", BEFORE, DAY)], ruleset)
    assert [(f.verdict, sorted(c.text for c in f.claims)) for f in report.findings] == \
        [("contradiction", ["41 seconds", "47 seconds"])]


def test_a_delay_after_a_call_is_not_the_length_of_the_call(ruleset):
    texts = [("a.txt", "The leaders held a 90-minute call on Thursday, the ministry said.", DAY),
             ("b.txt", "Two days after the call on Thursday, the ministry said, the leaders wrote again.", DAY)]
    assert check_texts(texts, ruleset).findings == []


def test_intervals_between_other_events_are_not_one_fact(ruleset):
    texts = [("a.txt", AFTER, DAY),
             ("b.txt", "The cargo plane's crew sent a mayday call 47 seconds after takeoff on Saturday, the airline said.",
              DAY)]
    assert check_texts(texts, ruleset).findings == []
