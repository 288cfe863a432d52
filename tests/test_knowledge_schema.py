"""Knowledge packs are read by a schema: an unknown key or a value of the wrong shape is an error
naming the file, the line and (for a key) the nearest valid one; later folders extend earlier ones."""
from __future__ import annotations

import dataclasses
import shutil

import pytest

from factcheck.knowledge import Knowledge
from factcheck.knowledge_schema import PACKS, SCHEMA
from factcheck.language_schema import LANGUAGE_PACK
from factcheck.packs import load_knowledge
from factcheck.rules import load_ruleset
from factcheck.yamlio import RuleError

from .conftest import RULES


def _user_pack(tmp_path, name: str, text: str):
    """A user rules folder holding one knowledge pack, behind the built-in ones."""
    path = tmp_path / "mine" / "knowledge" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return [RULES, tmp_path / "mine"]


@pytest.mark.parametrize("name,text,line,near", [
    ("english.yml", "# typo\nstopwords: [zz]\nmonts: [january]\n", 3, "months"),
    ("numbers.yml", "measures: {}\n\nsynonym: [[a, b]]\n", 3, "synonyms"),
    ("titles.yml", "role_alias:\n  minister: [secretary]\n", 1, "role_aliases"),
    ("lang/de.yml", "language: de\nstopword: [und]\n", 2, "stopwords"),
])
def test_an_unknown_key_names_the_file_the_line_and_the_nearest_key(tmp_path, name, text, line, near):
    folders = _user_pack(tmp_path, name, text)
    with pytest.raises(RuleError) as err:
        load_ruleset(folders)
    assert f"{name}:{line}:" in str(err.value)
    assert f"did you mean '{near}'?" in str(err.value)
    assert err.value.path.endswith(name) and err.value.line == line


def test_an_unknown_key_in_a_built_in_pack_is_an_error(tmp_path):
    copy = tmp_path / "rules"
    shutil.copytree(RULES / "knowledge", copy / "knowledge")
    pack = copy / "knowledge" / "times.yml"
    lines = pack.read_text(encoding="utf-8").count("\n")
    pack.write_text(pack.read_text(encoding="utf-8") + "aprox_minutes: 10\n", encoding="utf-8")
    with pytest.raises(RuleError, match=rf"times\.yml:{lines + 1}: unknown key 'aprox_minutes' "
                                        r"\(did you mean 'approx_minutes'\?\)"):
        load_knowledge([copy / "knowledge"])


def test_a_key_with_nothing_near_lists_the_keys_of_its_pack(tmp_path):
    with pytest.raises(RuleError, match=r"times\.yml:1: unknown key 'colour' \(the keys are zones, families"):
        load_ruleset(_user_pack(tmp_path, "times.yml", "colour: red\n"))


@pytest.mark.parametrize("name,text,line,words", [
    ("english.yml", "number_words: [one, two]\n", 1, "number_words: needs a mapping"),
    ("english.yml", "stopwords:\n  a: b\n", 1, "stopwords: needs a list of words, not a mapping"),
    ("english.yml", "\nnumber_words:\n  one: 1\n  two: zwei\n", 4, "'two' needs a whole number"),
    ("english.yml", "stopwords: [zz, yes]\n", 1, "quote it in YAML"),
    ("places.yml", "places:\n  china: chinese\n", 2, "'china' needs a list"),
    ("numbers.yml", "unit_max_ratio: {magnitude: big}\n", 1, "'magnitude' needs a number"),
    ("numbers.yml", "conversions:\n  mile: km\n", 2, "'mile' needs [BASE UNIT, FACTOR]"),
    ("furniture.yml", "max_metadata_words: many\n", 1, "max_metadata_words: needs a whole number"),
    ("times.yml", "zones: {gmt: 0}\napprox_minutes: [15]\n", 2, "approx_minutes: needs a whole number"),
    ("titles.yml", "incompatible:\n  - [a, b, c]\n", 1, "incompatible: each entry needs two bodies"),
    ("lang/de.yml", "language: de\nmeasures: [exports]\n", 2, "measures: needs a mapping of name: [words]"),
    ("lang/de.yml", "language: de\nnumber_words:\n  zwei: two\n", 3, "'zwei' needs a whole number"),
    ("lang/de.yml", "language: de\ndates:\n  day_sufixes: ['.']\n", 3, "did you mean 'day_suffixes'?"),
    ("lang/de.yml", "language: de\nnouns_capitalised: ja\n", 2, "needs true or false"),
])
def test_a_value_of_the_wrong_type_names_the_file_and_the_line(tmp_path, name, text, line, words):
    with pytest.raises(RuleError) as err:
        load_ruleset(_user_pack(tmp_path, name, text))
    assert f"{name}:{line}:" in str(err.value)
    assert words in str(err.value)


def test_later_folders_extend_earlier_ones(tmp_path):
    base = load_ruleset([RULES]).knowledge
    folders = _user_pack(tmp_path, "times.yml", "zones: {xyz: 90}\napprox_minutes: 5\n")
    _user_pack(tmp_path, "english.yml", "stopwords: [zzword]\nnumber_words: {umpteen: 99}\n")
    _user_pack(tmp_path, "numbers.yml", "hedges: {lower: [well over]}\n")
    _user_pack(tmp_path, "places.yml", "")
    kn = load_ruleset(folders).knowledge
    assert kn.stopwords == base.stopwords | {"zzword"}
    assert kn.number_words == {**base.number_words, "umpteen": 99}
    assert kn.zone_offset == {**base.zone_offset, "xyz": 90}
    assert kn.approx_minutes == 5 and base.approx_minutes == 15
    assert kn.hedges["lower"] == base.hedges["lower"] + ["well over"]
    assert kn.place_of == base.place_of


def test_the_required_keys_are_those_of_the_packs():
    assert PACKS == {
        "english.yml": ["months", "weekdays", "number_words", "ordinal_words", "abbreviations", "stopwords"],
        "places.yml": ["places"],
        "bodies.yml": ["bodies"],
        "titles.yml": ["roles", "affiliations", "qualifiers", "equivalent", "incompatible"],
        "office_holders.yml": ["holders"],
        "numbers.yml": ["measures", "synonyms", "contrasts", "generic_modifiers", "classifiers", "hedges",
                        "directions"],
        "basis.yml": ["bases"],
        "money.yml": ["currencies", "scales"],
        "events.yml": ["events"],
        "furniture.yml": ["trailing_headings", "line_prefixes", "metadata_patterns"],
        "times.yml": ["zones", "families", "hour_words"],
    }


def test_a_required_key_missing_from_the_first_folder_is_still_an_error(tmp_path):
    copy = tmp_path / "knowledge"
    shutil.copytree(RULES / "knowledge", copy)
    (copy / "basis.yml").write_text("# nothing\n", encoding="utf-8")
    with pytest.raises(RuleError, match="basis.yml"):
        load_knowledge([copy])
    (copy / "basis.yml").unlink()
    with pytest.raises(RuleError, match="basis.yml: knowledge pack missing"):
        load_knowledge([copy])


def test_every_schema_entry_fills_a_knowledge_field():
    fields = {f.name for f in dataclasses.fields(Knowledge)}
    assert {kind.attr for keys in SCHEMA.values() for kind in keys.values()} <= fields


def test_the_built_in_packs_use_only_known_keys():
    from factcheck.yamlio import load_yaml

    for pack, keys in SCHEMA.items():
        assert set(load_yaml(RULES / "knowledge" / pack)) <= set(keys), pack
    for path in (RULES / "knowledge" / "lang").glob("*.yml"):
        assert set(load_yaml(path)) <= set(LANGUAGE_PACK), path.name


def test_a_word_under_two_kinds_of_event_is_an_error(tmp_path):
    folders = _user_pack(tmp_path, "events.yml", "events:\n  meeting: [talks, commenced]\n  start: [began, commenced]\n")
    with pytest.raises(RuleError) as err:
        load_ruleset(folders)
    assert "events.yml:3:" in str(err.value) and "'commenced'" in str(err.value) and "meeting" in str(err.value)
