"""Invariants: order does not matter, runs are deterministic, pairwise checks are symmetric,
unrelated articles never remove conflicts, extractors stay linear on hostile input."""
from __future__ import annotations

import sys
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from factcheck import api
from factcheck.align import AlignParams, block_key, compatible
from factcheck.articles import InputError, SourceInfo, parse_article
from factcheck.claims import extract_claims
from factcheck.claims.common import MAX_SENTENCE, sentences
from factcheck.report import jsonout, markdown

from .conftest import SEEDS

SEED_TEXTS = sorted((p.name, p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt"))
PUBLISHED = {name: date(2025, 6, 6 + i) for i, (name, _) in enumerate(SEED_TEXTS)}


def _check(ruleset, items):
    return api.check_texts([(n, t, PUBLISHED.get(n, date(2025, 6, 8))) for n, t in items], ruleset)


def _render(report, ruleset):
    return jsonout.render(report, ruleset), markdown.render(report, ruleset)


@pytest.fixture(scope="module")
def baseline(ruleset):
    report = _check(ruleset, SEED_TEXTS)
    return report, _render(report, ruleset)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.permutations(SEED_TEXTS))
def test_input_order_does_not_change_the_report(ruleset, baseline, order):
    assert _render(_check(ruleset, order), ruleset) == baseline[1]


def test_a_run_is_deterministic(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    api.run([SEEDS], first)
    api.run([SEEDS], second)
    for name in ("report.md", "conflicts.json", "claims.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_alignment_compatibility_is_symmetric(ruleset, baseline):
    claims = baseline[0].claims
    kn, params = ruleset.knowledge, AlignParams()
    checked = 0
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            if a.type == "title" or block_key(a) is None or block_key(a) != block_key(b):
                continue
            s_ab = fuzz.token_sort_ratio(" ".join(sorted(a.context)), " ".join(sorted(b.context)))
            s_ba = fuzz.token_sort_ratio(" ".join(sorted(b.context)), " ".join(sorted(a.context)))
            assert s_ab == s_ba
            assert compatible(a, b, s_ab, kn, params) == compatible(b, a, s_ba, kn, params)
            checked += 1
    assert checked > 10


UNRELATED = st.lists(st.sampled_from([
    "The city council voted to extend the tram line by four stations.",
    "Heavy rain closed 12 schools in the northern district on Monday.",
    "The museum said 40% of its visitors came from abroad last year.",
    "Mayor Lena Holm opened the new library, which cost $3 million.",
    "A local football club won its third title in a row.",
    "Farmers expect a 5% rise in wheat yields this season.",
]), min_size=1, max_size=5)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(UNRELATED)
def test_an_unrelated_article_never_removes_a_conflict(ruleset, baseline, sentences):
    report = _check(ruleset, SEED_TEXTS + [("zz_unrelated.txt", " ".join(sentences))])
    before = {f.id for f in baseline[0].findings}
    assert before <= {f.id for f in report.findings}


HOSTILE = st.lists(st.sampled_from(list("0123456789 ,.-%$€/:'\n") + [
    "President ", "Secretary ", "of ", "the ", "former ", "June ", "May ", "Thursday ", "mid-", "billion ",
    "percent ", "year-on-year ", "U.S. ", "Vice ", "Premier ", "seven ", "fifth ", "90-day ", "A", "Z"]),
    min_size=0, max_size=400).map("".join)


@settings(max_examples=60, deadline=None)
@given(HOSTILE)
def test_extractors_survive_hostile_text(kn, text):
    try:
        article = parse_article("Lead sentence of the piece.\n" + text * 5, "h.txt",
                                SourceInfo(None, date(2025, 6, 10)), kn)
    except InputError:
        return
    for claim in extract_claims(article, kn):
        assert 0 <= claim.start <= claim.end <= len(article.text)
        assert claim.line >= 1
        assert len(claim.sentence) <= MAX_SENTENCE


def _extract_calls(kn, unit: str, size: int) -> int:
    """Function calls (Python and C) made to read and extract a text: a count of work that,
    unlike seconds, is the same on every machine and every run."""
    text = ("Officials said the talks went well. " + unit * (size // (len(unit) * 40) + 1) + "\n") * 40
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        article = parse_article(text[:size], "p.txt", SourceInfo(None, date(2025, 6, 10)), kn)
        extract_claims(article, kn)
    except InputError:
        pass
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("unit", ["1" * 50 + " ", "9,999," * 20, "President " * 30, "June 9, " * 30,
                                  "- " * 60, "$1.1.1.1.1. " * 20, "former U.S. Vice " * 25, "(((" * 40 + " ",
                                  "$1.1.1.1.1. " * 5000])
def test_pathological_text_costs_work_linear_in_its_size(kn, unit):
    quarter = _extract_calls(kn, unit, 25_000)
    full = _extract_calls(kn, unit, 100_000)
    assert full < 5 * quarter + 1000, (quarter, full)


@pytest.mark.parametrize("unit,times", [("$1.1.1.1.1. ", 3_000), ("President of the ", 20_000), ("June 9, ", 5_000)])
def test_a_run_of_text_without_sentence_breaks_is_read_in_bounded_pieces(kn, unit, times):
    article = parse_article(unit * times, "p.txt", SourceInfo(None, date(2025, 6, 10)), kn)
    pieces = sentences(article, kn)
    assert len(pieces) > 1
    assert max(s.end - s.start for s in pieces) <= MAX_SENTENCE
    assert "".join(article.norm[s.start:s.end] for s in pieces).strip() == article.norm.strip()


COPIES = st.tuples(st.integers(0, len(SEED_TEXTS) - 1), st.floats(0.2, 1.0))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(COPIES)
def test_an_article_repeating_a_source_never_removes_a_conflict(ruleset, baseline, copy):
    """A wire copy, or an early version that stops after its first paragraphs, published the
    same day as the source it repeats."""
    source, share = copy
    name, text = SEED_TEXTS[source]
    lines = text.splitlines()
    repeated = "\n".join(lines[:max(1, round(len(lines) * share))])
    items = [(n, t, PUBLISHED.get(n)) for n, t in SEED_TEXTS] + [("zz_copy.txt", repeated, PUBLISHED[name])]
    report = api.check_texts(items, ruleset)

    def spans(f):
        return {(c.article, c.start, c.end) for c in f.claims}

    for before in baseline[0].findings:
        assert any(f.code == before.code and spans(before) <= spans(f) for f in report.findings), before.id


def test_a_pair_with_weak_evidence_is_listed_apart_not_as_a_conflict(ruleset, tmp_path):
    report = api.check_texts([
        ("a.txt", "Tesla said automotive revenue fell 16% to $16.7 billion in the quarter.", date(2025, 7, 24)),
        ("b.txt", "Tesla said revenue fell 12% to $22.5 billion in the quarter.", date(2025, 7, 24))], ruleset)
    assert report.findings == []
    assert report.possible and all(f.weak and f.severity == "info" for f in report.possible)
    assert "(auto)" in report.possible[0].weak
    doc = jsonout.to_dict(report)
    assert doc["conflicts"] == [] and doc["possible"][0]["why_uncertain"] == report.possible[0].weak
    assert "## Possibly the same fact" in markdown.render(report, ruleset)
    assert report.exit_code() == 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="0123456789.,  %aZ-", max_size=60))
def test_reading_text_keeps_offsets_and_letters(kn, text):
    """Rewriting numbers in the English form moves no character: digits stay or are masked,
    marks stay marks, everything else is left alone."""
    from factcheck.languages import for_language, reading_text

    for lang in ("de", "fr", "es"):
        read = reading_text(text, for_language(kn, lang))
        assert len(read) == len(text)
        for was, now in zip(text, read):
            if was.isdigit():
                assert now in (was, "#")
            elif was in ".,  ":
                assert now in ".,  "
            else:
                assert now == was
