"""Real-world input: HTML pages, Markdown front matter, other encodings, partial sources.yaml."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from factcheck import api

from .conftest import RULES

DATA = Path(__file__).parent / "data"


def test_html_page_gives_text_date_outlet_and_page_lines(tmp_path):
    report = api.run([DATA / "html" / "page.html"], None, rules_dirs=[RULES])
    [article] = report.articles
    assert article.outlet == "Elbonia Daily" and article.published == date(2025, 3, 12)
    kept = " ".join(article.norm[b.start:b.end] for b in article.blocks)
    assert "Storm kills 12" not in kept and "Home" not in kept
    tuesday = next(c for c in report.claims if c.text == "Tuesday")
    assert tuesday.resolved == "Tuesday → 2025-03-11"
    page_lines = (DATA / "html" / "page.html").read_text(encoding="utf-8").splitlines()
    assert "Tuesday" in page_lines[tuesday.line - 1]


def test_mixed_folder_with_front_matter_and_other_encodings(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(DATA / "html" / "page.html", folder / "a.html")
    (folder / "b.md").write_text(
        "---\npublished: 2025-03-13\noutlet: Blog\n---\n"
        "The 6.8 magnitude earthquake that hit Elbonia on Monday evening has killed 64 people, officials say.\n",
        encoding="utf-8")
    (folder / "c.txt").write_bytes(
        ("Prime Minister Joran Vell, visiting Varos, said the café on the square had collapsed. " * 2)
        .encode("cp1252"))
    (folder / "d.txt").write_bytes(b"\xef\xbb\xbfInterior Minister Petra Lund spoke in Varos.\r\nShe said 1,500 rescuers "
                                   b"were at work.\r\n")
    report = api.run([folder], None, rules_dirs=[RULES])
    by_id = {a.id: a for a in report.articles}
    assert set(by_id) == {"a.html", "b.md", "c.txt", "d.txt"}
    assert by_id["b.md"].published == date(2025, 3, 13) and by_id["b.md"].outlet == "Blog"
    assert "café" in by_id["c.txt"].text
    monday = next(c for c in report.claims if c.article == "b.md" and c.text == "Monday")
    assert monday.line == 5 and monday.resolved == "Monday → 2025-03-10"
    assert any(f.code == "DAT001" for f in report.findings)
    assert any("c.txt" in n and "d.txt" in n for n in report.notes)


def test_sources_yaml_covering_some_files_leaves_the_rest_unresolved(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials met on Thursday in Oslo to sign the accord.", encoding="utf-8")
    (folder / "b.txt").write_text("Officials met on Thursday in Oslo to sign the accord.", encoding="utf-8")
    (folder / "sources.yaml").write_text("a.txt: {outlet: A, published: 2025-06-10}\n", encoding="utf-8")
    report = api.run([folder], None, rules_dirs=[RULES])
    values = {c.article: c.value for c in report.claims if c.type == "date"}
    assert values["a.txt"] == ("2025-06-05", "2025-06-05") and values["b.txt"] is None
    assert any("b.txt" in n and "unresolved" in n for n in report.notes)
