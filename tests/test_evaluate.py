"""The project's own scorer (factcheck.evaluate) and `factcheck score`."""
from __future__ import annotations

import importlib.util
import json

import yaml
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.evaluate import covered, score

from .conftest import SHARED


def _claim(source, line, text):
    return {"source": source, "line": line, "text": text}


GOLD = {
    "conflicts": [
        {"id": "toll", "verdict": "contradiction",
         "claims": [{"source": "a.txt", "line": 3, "value": "41 dead"}, {"source": "b.txt", "line": 5, "value": "44 dead"}]},
        {"id": "share", "verdict": "rounding",
         "claims": [{"source": "a.txt", "line": 7, "value": "35%"}, {"source": "b.txt", "line": 8, "value": "34.6%"}]},
        {"id": "spelling", "verdict": "possible_misspelling",
         "claims": [{"source": "c.txt", "line": 2, "value": "Minister Jon Smiht"}, {"source": "a.txt", "line": 2, "value": "Jon Smith"}]},
        {"id": "hard", "verdict": "contradiction", "stretch": True,
         "claims": [{"source": "a.txt", "line": 9, "value": "Tuesday"}, {"source": "b.txt", "line": 9, "value": "May 3"}]},
    ],
    "agreements": [{"id": "same-day", "claims": [{"source": "a.txt", "line": 1, "value": "May 4"},
                                                 {"source": "b.txt", "line": 1, "value": "May 4"}]}],
    "traps": [{"id": "days-not-minutes", "claims": [{"source": "a.txt", "line": 4, "value": "90-day"},
                                                    {"source": "b.txt", "line": 4, "value": "90-minute"}]}],
    "boilerplate": [{"source": "b.txt", "lines": "20-30"}],
}


def test_a_conflict_is_found_when_its_claims_are_quoted_with_its_verdict():
    report = {"conflicts": [{"id": "X1", "verdict": "contradiction",
                             "claims": [_claim("a.txt", 4, "41 dead on Monday"), _claim("b.txt", 5, "44 dead")]}]}
    result = score(report, GOLD)
    assert result.found == ["toll"]
    assert set(result.missed) == {"share", "spelling"}
    assert result.unmatched == [] and result.recall == round(1 / 3, 3) and result.precision == 1.0


def test_the_wrong_verdict_is_not_a_find_and_an_extra_conflict_is_unmatched():
    report = {"conflicts": [
        {"id": "X1", "verdict": "basis_mismatch", "claims": [_claim("a.txt", 3, "41 dead"), _claim("b.txt", 5, "44 dead")]},
        {"id": "X2", "verdict": "contradiction", "claims": [_claim("a.txt", 30, "12"), _claim("b.txt", 31, "13")]},
    ]}
    result = score(report, GOLD)
    assert result.found == [] and result.wrong_verdict[0].startswith("toll")
    assert result.unmatched == ["X2"] and result.precision == 0.5 and not result.clean


def test_rounding_may_be_listed_among_agreements_and_a_record_finding_quotes_the_outlier_alone():
    report = {"conflicts": [{"id": "N1", "verdict": "possible_misspelling",
                             "claims": [_claim("c.txt", 2, "Minister Jon Smiht")]}],
              "agreements": [{"id": "A1", "verdict": "rounding",
                              "claims": [_claim("a.txt", 7, "35%"), _claim("b.txt", 8, "34.6%")]}]}
    result = score(report, GOLD)
    assert set(result.found) == {"share", "spelling"} and result.unmatched == []


def test_stretch_entries_count_only_when_asked():
    assert "hard" not in score({"conflicts": []}, GOLD).missed
    assert "hard" in score({"conflicts": []}, GOLD, include_stretch=True).missed


def test_traps_agreements_and_furniture_are_hits_only_for_contradictions():
    claims = [_claim("a.txt", 4, "a 90-day truce"), _claim("b.txt", 4, "90-minute call")]
    flagged = score({"conflicts": [{"id": "T", "verdict": "contradiction", "claims": claims}]}, GOLD)
    assert flagged.trap_hits == ["days-not-minutes (reported as T)"]
    as_basis = score({"conflicts": [{"id": "T", "verdict": "basis_mismatch", "claims": claims}]}, GOLD)
    assert as_basis.trap_hits == []
    furniture = score({"conflicts": [{"id": "F", "verdict": "contradiction",
                                      "claims": [_claim("b.txt", 25, "9"), _claim("a.txt", 1, "May 4")]}]}, GOLD)
    assert furniture.furniture_hits == ["b.txt:25 in F"]


def test_one_reported_claim_cannot_stand_for_two_gold_claims():
    gold_claims = [{"source": "a.txt", "line": 3, "value": "41"}, {"source": "a.txt", "line": 3, "value": "41 dead"}]
    assert covered({"claims": [_claim("a.txt", 3, "41 dead")]}, gold_claims) == {0}
    assert covered({"claims": [_claim("a.txt", 3, "41 dead"), _claim("a.txt", 3, "41")]}, gold_claims) == {0, 1}


def test_the_score_command_prints_and_exits_by_the_result(tmp_path):
    gold = tmp_path / "gold.yaml"
    gold.write_text(yaml.safe_dump(GOLD), encoding="utf-8")
    report = tmp_path / "conflicts.json"
    report.write_text(json.dumps({"conflicts": []}), encoding="utf-8")
    result = CliRunner().invoke(app, ["score", str(report), str(gold)])
    assert result.exit_code == 1 and "missed: toll" in result.output and "found 0/3" in result.output
    as_json = CliRunner().invoke(app, ["score", str(report), str(gold), "--json"])
    assert json.loads(as_json.output)["missed"] == ["toll", "share", "spelling"]
    broken = CliRunner().invoke(app, ["score", str(tmp_path / "none.json"), str(gold)])
    assert broken.exit_code == 2 and "no readable report" in broken.output


def test_the_scorer_agrees_with_the_shared_one_where_it_is_present(tmp_path):
    """On every case above, and ../shared's scorer when it is beside the checkout."""
    path = SHARED / "tools" / "score_gold.py"
    reports = [{"conflicts": []},
               {"conflicts": [{"id": "X", "verdict": "contradiction",
                               "claims": [_claim("a.txt", 3, "41 dead"), _claim("b.txt", 5, "44 dead"),
                                          _claim("a.txt", 4, "90-day"), _claim("b.txt", 4, "90-minute")]}],
                "agreements": [{"id": "A", "verdict": "rounding",
                                "claims": [_claim("a.txt", 7, "35%"), _claim("b.txt", 8, "34.6%")]}]}]
    ours = [score(r, GOLD).as_dict() for r in reports]
    assert ours[1]["found"] == ["toll", "share"] and ours[1]["trap_hits"]
    if path.is_file():
        spec = importlib.util.spec_from_file_location("score_gold", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for report, mine in zip(reports, ours):
            theirs = module.score(report, GOLD)
            assert {k: theirs[k] for k in mine if k != "precision"} == {k: v for k, v in mine.items() if k != "precision"}
