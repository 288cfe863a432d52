"""Several input folders in one run: each sources.yaml speaks for its own folder, ids are consistent."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from factcheck import api

from .conftest import RULES

TEXT = "Officials met on Thursday in Oslo to sign the accord, the ministry said.\n"


def _write(folder, files: dict[str, str], sources: str | None = None):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    if sources is not None:
        (folder / "sources.yaml").write_text(sources, encoding="utf-8")
    return folder


def _two_folders(tmp_path):
    one = _write(tmp_path / "one", {"a.txt": TEXT, "solo.txt": TEXT}, "a.txt: {outlet: One, published: 2025-06-10}\n")
    two = _write(tmp_path / "two", {"a.txt": TEXT}, "a.txt: {outlet: Two, published: 2025-07-15}\n")
    return one, two


def test_each_folder_gets_its_own_publication_dates_and_outlets(tmp_path):
    report = api.run(list(_two_folders(tmp_path)), None, rules_dirs=[RULES])
    by_id = {a.id: (a.outlet, a.published) for a in report.articles}
    assert by_id == {"one/a.txt": ("One", date(2025, 6, 10)), "two/a.txt": ("Two", date(2025, 7, 15)),
                     "solo.txt": (None, None)}
    thursdays = {c.article: c.value for c in report.claims if c.text == "Thursday"}
    assert thursdays == {"one/a.txt": ("2025-06-05", "2025-06-05"), "two/a.txt": ("2025-07-10", "2025-07-10"),
                         "solo.txt": None}


def test_a_folder_without_sources_yaml_does_not_take_another_folders_entries(tmp_path):
    one = _write(tmp_path / "one", {"a.txt": TEXT}, "a.txt: {outlet: One, published: 2025-06-10}\n")
    two = _write(tmp_path / "two", {"a.txt": TEXT})
    report = api.run([one, two], None, rules_dirs=[RULES])
    assert {a.id: a.published for a in report.articles} == {"one/a.txt": date(2025, 6, 10), "two/a.txt": None}


def test_ids_and_reports_do_not_depend_on_how_the_inputs_are_spelled(tmp_path, monkeypatch):
    one, two = _two_folders(tmp_path)
    absolute = api.run([two, one], tmp_path / "out-absolute", rules_dirs=[RULES])
    monkeypatch.chdir(tmp_path / "one")
    relative = api.run([tmp_path / "one", Path("../two")], tmp_path / "out-relative", rules_dirs=[RULES])
    assert [a.id for a in relative.articles] == [a.id for a in absolute.articles] == \
        ["one/a.txt", "solo.txt", "two/a.txt"]
    for name in ("report.md", "conflicts.json", "claims.csv"):
        assert (tmp_path / "out-relative" / name).read_bytes() == (tmp_path / "out-absolute" / name).read_bytes()


def test_article_ids_are_bare_names_when_unique_else_paths_below_the_common_folder(tmp_path):
    files = [tmp_path / "in" / "x" / "a.txt", tmp_path / "in" / "y" / "deep" / "a.txt", tmp_path / "in" / "b.txt"]
    assert api.article_ids(files) == {files[0]: "x/a.txt", files[1]: "y/deep/a.txt", files[2]: "b.txt"}
    assert api.article_ids(files[1:]) == {files[1]: "a.txt", files[2]: "b.txt"}


def test_a_sources_file_keys_paths_relative_to_its_folder_and_the_nearer_entry_wins(tmp_path):
    root = _write(tmp_path / "in", {"sub/a.txt": TEXT, "sub/b.txt": TEXT},
                  "sub/a.txt: {outlet: Parent, published: 2025-06-10}\nsub/b.txt: {outlet: Parent, published: 2025-06-10}\n")
    _write(root / "sub", {}, "b.txt: {outlet: Child, published: 2025-07-15}\n")
    report = api.run([root], None, rules_dirs=[RULES])
    assert {a.id: (a.outlet, a.published) for a in report.articles} == {
        "a.txt": ("Parent", date(2025, 6, 10)), "b.txt": ("Child", date(2025, 7, 15))}


def test_sources_option_keys_are_relative_to_its_folder_and_bare_names_still_work(tmp_path):
    one, two = _two_folders(tmp_path)
    meta = tmp_path / "meta"
    meta.mkdir()
    (meta / "sources.yaml").write_text(
        "../one/a.txt: {outlet: First, published: 2025-06-10}\n"
        "../two/a.txt: {outlet: Second, published: 2025-07-15}\n"
        "solo.txt: {outlet: Solo, published: 2025-08-20}\n", encoding="utf-8")
    report = api.run([one, two], None, sources=meta / "sources.yaml", rules_dirs=[RULES])
    assert {a.id: (a.outlet, a.published) for a in report.articles} == {
        "one/a.txt": ("First", date(2025, 6, 10)), "two/a.txt": ("Second", date(2025, 7, 15)),
        "solo.txt": ("Solo", date(2025, 8, 20))}


def test_a_bare_name_in_a_sources_option_that_fits_several_inputs_applies_to_none(tmp_path):
    one, two = _two_folders(tmp_path)
    given = tmp_path / "given.yaml"
    given.write_text("a.txt: {outlet: Which, published: 2025-06-10}\n", encoding="utf-8")
    report = api.run([one, two], None, sources=given, rules_dirs=[RULES])
    assert {a.id: a.published for a in report.articles} == {"one/a.txt": None, "two/a.txt": None, "solo.txt": None}
    assert f"{given}: a.txt could be any of one/a.txt, two/a.txt; write its path relative to the sources " \
        "file's folder (ignored)" in report.notes


def test_an_entry_naming_no_input_is_noted_with_its_sources_file(tmp_path):
    one, two = _two_folders(tmp_path)
    with open(two / "sources.yaml", "a", encoding="utf-8") as fh:
        fh.write("solo.txt: {outlet: Ghost, published: 2025-06-01}\n")
    report = api.run([one, two], None, rules_dirs=[RULES])
    assert f"{two / 'sources.yaml'}: names solo.txt, which is not among the inputs" in report.notes
    assert {a.id: a.outlet for a in report.articles}["solo.txt"] is None


def test_a_glob_pattern_finds_sources_yaml_up_to_its_fixed_folder(tmp_path, monkeypatch):
    root = _write(tmp_path / "in", {"one/a.txt": TEXT, "two/a.txt": TEXT},
                  "one/a.txt: {outlet: Parent, published: 2025-06-10}\n")
    _write(root / "two", {}, "a.txt: {outlet: Child, published: 2025-07-15}\n")
    monkeypatch.chdir(tmp_path)
    report = api.run([Path("in/**/*.txt")], None, rules_dirs=[RULES])
    assert {a.id: (a.outlet, a.published) for a in report.articles} == {
        "one/a.txt": ("Parent", date(2025, 6, 10)), "two/a.txt": ("Child", date(2025, 7, 15))}
    assert report.articles == api.run([root], None, rules_dirs=[RULES]).articles


def test_a_file_named_by_a_folder_a_pattern_and_stdin_is_read_once_with_one_id(tmp_path, monkeypatch):
    import io

    one, two = _two_folders(tmp_path)
    monkeypatch.chdir(tmp_path)
    listed = io.StringIO(f"{one / 'a.txt'}\none/../one/solo.txt\n")
    report = api.run([one, Path("two/*.txt"), Path("-")], None, rules_dirs=[RULES], stdin=listed)
    assert [a.id for a in report.articles] == ["one/a.txt", "solo.txt", "two/a.txt"]
