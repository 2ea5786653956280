"""A masthead or front-matter date that is no day of the calendar ("31 February 2025", a
misprint or a misread) is no date: the reading has none, and the Word output, which dates its
revisions by the new version's date, is written all the same (it stopped with a traceback)."""

from __future__ import annotations

import pytest
from helpers import run_command

from resdiff.parse import parse_text

MASTHEAD = ("United Nations A/C.3/80/L.5\nGeneral Assembly Distr.: Limited\n{date}\n\nOriginal: English\n\n"
            "Eightieth session\nThird Committee\n\nThe General Assembly,\n\nRecalling its resolution 1/1,\n\n"
            "1. Decides to act;\n\n2. Requests a report.\n")


@pytest.mark.parametrize("date, read", [
    ("31 February 2025", None),
    ("31 février 2025", None),
    ("30 de febrero de 2025", None),
    ("0 декабря 2025 года", None),
    ("2025 年 2 月 30 日", None),
    ("29 February 2024", "2024-02-29"),
    ("1er décembre 2025", "2025-12-01"),
])
def test_a_masthead_date_is_read_only_when_it_is_a_day_of_the_calendar(date, read):
    assert parse_text(MASTHEAD.format(date=date))[0].date == read


@pytest.mark.parametrize("name, text", [
    ("draft.txt", MASTHEAD.format(date="31 February 2025")),
    ("draft.md", "---\nsymbol: A/C.3/80/L.5\ndate: \"2025-02-31\"\n---\n\n" + MASTHEAD.format(date="")),
])
def test_the_word_output_of_a_text_dated_no_day_is_written(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out.docx"
    result = run_command("diff", str(path), str(path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_bytes()[:2] == b"PK"
