"""Files not in UTF-8: the usual web encodings first, the encoding named, a weak guess warned of."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from factcheck import api
from factcheck.cli import app
from factcheck.decoding import InputError, read_text

from .conftest import RULES

LATIN1 = "Jérôme Dupont, the finance minister, said on Tuesday that exports rose 3.2% in June.\n"
CP1252 = "“We will invest €5 billion,” Jérôme Martin said on Tuesday; exports rose 3.4% in June.\n"
ISO_8859_15 = "Le ministre a annoncé un prix de 5 € le kilo pour l'Œuvre; exports rose 3.2% in June.\n"


@pytest.mark.parametrize("text,codec,name", [
    (LATIN1, "latin-1", "iso-8859-1"),
    (LATIN1 * 20, "latin-1", "iso-8859-1"),
    (CP1252, "cp1252", "windows-1252"),
    (CP1252 * 20, "cp1252", "windows-1252"),
    ("Jérôme", "latin-1", "iso-8859-1"),
])
def test_latin1_and_windows_1252_are_read_as_such_not_guessed(text, codec, name):
    decoded = read_text(text.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.doubt) == (text, name, None)


def test_utf8_is_named_utf8_with_or_without_bom():
    assert read_text(CP1252.encode("utf-8")).encoding == "utf-8"
    assert read_text(b"\xef\xbb\xbf" + CP1252.encode("utf-8")) == read_text(CP1252.encode("utf-8"))


def test_another_encoding_is_still_detected_when_no_web_encoding_reads_the_file_cleanly():
    text = "Президент заявил во вторник, что экспорт вырос на 3,2% в июне. " * 5
    decoded = read_text(text.encode("cp1251"))
    assert (decoded.text, decoded.encoding) == (text, "cp1251")


def test_two_web_encodings_that_read_a_file_differently_make_a_weak_guess():
    decoded = read_text(ISO_8859_15.encode("iso8859_15"))
    assert decoded.encoding == "iso-8859-1"
    assert "iso-8859-15 reads 2 characters differently ('¤' as '€')" in decoded.doubt


@pytest.mark.parametrize("raw", [bytes(range(256)) * 16, bytes(range(1, 256)) * 16,
                                 bytes((i * 97 + 13) % 256 for i in range(1, 4096) if (i * 97 + 13) % 256)])
def test_bytes_no_encoding_reads_cleanly_are_not_text(raw):
    with pytest.raises(InputError, match="not text"):
        read_text(raw)


def _folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(LATIN1.encode("latin-1"))
    (folder / "b.txt").write_bytes(CP1252.encode("cp1252"))
    (folder / "c.txt").write_bytes(bytes(range(256)) * 16)
    (folder / "d.txt").write_text(LATIN1, encoding="utf-8")
    return folder


def test_run_keeps_the_accents_and_names_each_encoding_in_the_report(tmp_path):
    report = api.run([_folder(tmp_path)], tmp_path / "out", rules_dirs=[RULES])
    by_id = {a.id: a for a in report.articles}
    assert sorted(by_id) == ["a.txt", "b.txt", "d.txt"]
    assert (by_id["a.txt"].encoding, by_id["b.txt"].encoding, by_id["d.txt"].encoding) == \
        ("iso-8859-1", "windows-1252", "utf-8")
    sentences = {c.article: c.sentence for c in report.claims if c.type == "percent"}
    assert "Jérôme Dupont" in sentences["a.txt"] and "“We will invest €5 billion,” Jérôme" in sentences["b.txt"]
    assert sentences["a.txt"] == sentences["d.txt"]
    assert [s.path.endswith("c.txt") and s.reason.startswith("not text") for s in report.skipped] == [True]
    assert "a.txt: not UTF-8; read as iso-8859-1" in report.notes
    assert "b.txt: not UTF-8; read as windows-1252" in report.notes
    assert not any(n.startswith("d.txt:") and "UTF-8" in n for n in report.notes)
    assert report.warnings == []
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "read as iso-8859-1" in md and "read as windows-1252" in md


def test_a_weak_guess_is_a_warning_in_the_report_and_on_stderr_every_run(tmp_path):
    folder = _folder(tmp_path)
    (folder / "e.txt").write_bytes(ISO_8859_15.encode("iso8859_15"))
    args = ["run", str(folder), "--out", str(tmp_path / "out"), "--rules", str(RULES)]
    first = CliRunner().invoke(app, args)
    again = CliRunner().invoke(app, args)
    for result in (first, again):
        assert result.exit_code in (0, 1), result.output
        assert "warning: e.txt: not UTF-8; read as iso-8859-1, a weak guess (iso-8859-15 reads" in result.output
    assert "identical earlier run" not in first.output
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "`e.txt`: not UTF-8; read as iso-8859-1, a weak guess" in md
