"""Reading articles: offsets, wrapped lines, page furniture by general cues, bad input."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.articles import InputError, SourceInfo, parse_article, read_article
from factcheck.decoding import decode

BODY = ("The finance ministry said on Tuesday that the budget deficit narrowed to 3.1% of output in the "
        "second quarter, helped by higher tax receipts.")


def _article(text, kn):
    return parse_article(text, "a.txt", SourceInfo(), kn)


def _kept(article) -> str:
    return " ".join(article.norm[b.start:b.end] for b in article.blocks)


def test_trailing_related_block_is_dropped_to_the_end(kn):
    text = f"Budget gap narrows\n{BODY}\nMore stories\nMinister resigns after 12 days in office\nComments (4)\n"
    a = _article(text, kn)
    assert "Minister resigns" not in _kept(a)
    assert a.dropped[-1].first_line == 3 and a.dropped[-1].last_line == 6


def test_an_ad_slot_in_the_body_drops_one_line_not_the_rest(kn):
    later = "Tax receipts rose 6% in the quarter, the ministry added in a statement on Wednesday."
    a = _article(f"Budget gap narrows\n{BODY}\nAdvertisement\n{later}\nShare this article\n", kn)
    assert "Tax receipts rose 6%" in _kept(a)
    assert [(d.first_line, d.last_line) for d in a.dropped] == [(3, 3), (5, 5)]


def test_nav_bar_timestamp_and_counters_are_dropped(kn):
    text = (f"Home | World | Business | Markets\nBudget gap narrows\nJune 2, 2025 10:42 AM\n12 Comments\n"
            f"{BODY}\nReply · 4 Likes\n")
    a = _article(text, kn)
    assert [d.first_line for d in a.dropped] == [1, 3, 4, 6]
    assert "finance ministry" in _kept(a)


def test_heading_at_the_top_is_not_a_trailing_block(kn):
    a = _article(f"Related\n{BODY}\n", kn)
    assert "finance ministry" in _kept(a)


def test_byline_reading_time_and_dateline_are_dropped(kn):
    text = f"Budget gap narrows\n- Jane Doe\n- 4 min read\nREUTERS - 3 hours ago | Markets\n{BODY}\n"
    a = _article(text, kn)
    assert [d.first_line for d in a.dropped] == [2, 3, 4]


def test_read_more_teaser_line_is_dropped(kn):
    a = _article(f"{BODY}\nREAD MORE: Ten things to know about the 2026 budget\n{BODY}\n", kn)
    assert "Ten things" not in _kept(a)


def test_related_article_cards_without_a_heading_are_dropped_to_the_end(kn):
    later = "Tax receipts rose 6% in the quarter, the ministry added in a statement on Wednesday."
    text = (f"Budget gap narrows\n{BODY}\nListen to this article\n{later}\n\nWire\n2 hours ago\n- Wire\n"
            f"Rupee hits record low of 88.8 per dollar\nThe rupee fell 0.4% on Monday.\n")
    a = _article(text, kn)
    assert "Tax receipts rose 6%" in _kept(a) and "Rupee" not in _kept(a)
    assert [(d.first_line, d.last_line) for d in a.dropped] == [(3, 3), (6, 11)]


def test_a_teaser_with_a_heading_word_and_a_colon_is_one_line(kn):
    later = "Tax receipts rose 6% in the quarter, the ministry added in a statement on Wednesday."
    a = _article(f"{BODY}\nMost read: Gold tops $3,700 an ounce\n{later}\n", kn)
    assert "Gold tops" not in _kept(a) and "Tax receipts" in _kept(a)


def test_list_in_the_body_is_kept(kn):
    a = _article(f"{BODY}\n- Deficit: 3.1%\n- Debt: 61%\n", kn)
    assert "Debt: 61%" in _kept(a)


def test_wrapped_line_is_joined_but_offsets_and_lines_stay_original(kn):
    text = "Officials said talks between President\nDonald Trump and aides went well.\n"
    a = _article(text, kn)
    assert len(a.blocks) == 1
    assert a.norm.rstrip().replace(" ", "") == text.rstrip().replace("\n", "").replace(" ", "")
    assert len(a.norm) == len(text)
    assert a.line_of(text.index("Donald")) == 2


def test_heading_is_not_joined_to_the_next_paragraph(kn):
    a = _article(f"London Talks to Expand on Tariff Pause\n{BODY}\n", kn)
    assert [b.kind for b in a.blocks] == ["heading", "paragraph"]


def test_windows_line_endings_keep_offsets(kn):
    text = f"{BODY}\r\n{BODY}\r\n"
    a = _article(text, kn)
    assert len(a.norm) == len(text) and a.line_of(len(BODY) + 3) == 2


@pytest.mark.parametrize("raw,reason", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
    (b"\x00\x01\x02" * 100, "binary file"),
])
def test_unusable_bytes_get_a_reason(raw, reason):
    with pytest.raises(InputError, match=reason):
        decode(raw)


def test_utf8_bom_and_latin1_decode():
    assert decode("\ufeffCafé".encode("utf-8")) == "Café"
    assert "Café" in decode(("Le Café de la Paix a fermé ses portes après trente ans. " * 3).encode("latin-1"))


def test_too_large_file_is_refused(tmp_path, kn):
    path = tmp_path / "big.txt"
    path.write_text(BODY * 10, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        read_article(path, "big.txt", SourceInfo(), kn, max_bytes=100)


def test_only_furniture_is_reported(kn):
    with pytest.raises(InputError, match="no article text"):
        _article("- Jane Doe\n- 4 min read\n", kn)


def test_a_file_without_read_permission_is_reported_unless_the_user_may_read_anything(tmp_path, kn):
    """As root (CI) the file is read; as anyone else it is refused with the reason (the refusal
    as root is covered by the next test, which makes the read fail)."""
    path = tmp_path / "x.txt"
    path.write_text(BODY, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            assert read_article(path, "x.txt", SourceInfo(), kn).text.startswith(BODY[:20])
        else:
            with pytest.raises(InputError, match="permission denied"):
                read_article(path, "x.txt", SourceInfo(), kn)
    finally:
        path.chmod(0o644)


def test_missing_file_is_reported(kn):
    with pytest.raises(InputError, match="cannot read"):
        read_article(Path("/nonexistent/x.txt"), "x.txt", SourceInfo(), kn)


def test_permission_error_is_reported_even_as_root(tmp_path, kn, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(BODY, encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(InputError, match="permission denied"):
        read_article(path, "locked.txt", SourceInfo(), kn)


def test_publication_date_printed_in_the_header_is_used_when_none_is_given(kn):
    from datetime import date

    a = _article(f"Budget gap narrows\nBy Jane Doe\nJune 2, 2025 10:42 AM\n{BODY}\n", kn)
    assert a.published == date(2025, 6, 2)
    b = parse_article(f"Budget gap narrows\nJune 2, 2025 10:42 AM\n{BODY}\n", "b.txt", SourceInfo(None, date(2025, 6, 3)), kn)
    assert b.published == date(2025, 6, 3)
    c = _article(f"Budget gap narrows\n{BODY}\n", kn)
    assert c.published is None


def test_a_links_heading_inside_the_story_drops_one_line_when_prose_goes_on(kn):
    more = ("The ministry said on Wednesday that spending on pensions rose 4% in the same quarter, less than "
            "planned, and that the target for the year still held.")
    last = ("Opposition lawmakers said on Wednesday that the narrower deficit owed more to one-off receipts "
            "than to lasting savings, and asked for a full audit.")
    a = _article(f"Budget gap narrows\n{BODY}\nRelated News\n{more}\n{last}\n", kn)
    assert "pensions rose 4%" in _kept(a) and "full audit" in _kept(a)
    assert [(d.first_line, d.last_line) for d in a.dropped] == [(3, 3)]
    b = _article(f"Budget gap narrows\n{BODY}\nRelated News\nMinister resigns after 12 days in office\n"
                 "Storm closes schools\n", kn)
    assert "Minister resigns" not in _kept(b)
