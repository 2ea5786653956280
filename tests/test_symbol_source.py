"""A document's symbol comes from its masthead, heading or title line, or from a page's head or
foot: never from a footnote or a paragraph that cites another document's symbol."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse import parse_bytes

runner = CliRunner()

BODY = ("The General Assembly,\n"
        "Recalling the 2005 World Summit Outcome,1\n"
        "1. Decides to convene a high-level meeting;\n"
        "2. Requests the Secretary-General to report.\n")


def symbol(text: str) -> str | None:
    (document,) = parse_bytes(text.encode(), "draft.txt")
    return document.symbol


@pytest.mark.parametrize("text", [
    BODY + "__________\n1 A/RES/60/1.\n",                                  # a footnote citing it
    BODY + "__________\n1 See A/RES/60/1, para. 3.\n",
    BODY + "__________\n1 A/RES/60/1\n",
    BODY.replace("Outcome,1", "Outcome (A/RES/60/1),"),                    # a paragraph, in brackets
    BODY.replace("Recalling the 2005 World Summit Outcome,1", "Recalling resolution A/RES/60/1,"),
    "Draft resolution\n" + BODY + "__________\n1 A/RES/60/1.\n",
    "大会，\n回顾2005年世界首脑会议成果，1\n1. 决定召开高级别会议；\n__________\n1 A/RES/60/1。\n",
])
def test_a_symbol_cited_in_a_footnote_or_a_paragraph_is_not_the_documents(text):
    assert symbol(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("United Nations   A/RES/61/1\n" + BODY + "__________\n1 A/RES/60/1.\n", "A/RES/61/1"),  # the masthead
    ("A/68/L.39*\n" + BODY, "A/68/L.39"),                                                   # the heading area
    ("61/1. A title\n" + BODY + "__________\n1 A/RES/60/1.\n", "A/RES/61/1"),             # the title line
    (BODY.replace("1. Decides", "A/RES/61/1\n1. Decides") + "__________\n1 A/RES/60/1.\n", "A/RES/61/1"),  # a page's head
    # page 1's footnote, its foot, then page 2's head: the symbol of the head and foot
    (BODY.replace("2. Requests", "__________\n1 A/RES/60/1.\n23-21227 (E) 131123\n*2321227*\nA/RES/61/1\n2. Requests"),
     "A/RES/61/1"),
])
def test_the_masthead_heading_and_page_heads_still_name_it(text, expected):
    assert symbol(text) == expected


def test_parse_prints_no_symbol_taken_from_a_footnote(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(BODY + "__________\n1 A/RES/60/1.\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == ["draft.txt", "language en · 1 preambular · 2 operative · 1 footnote"]
