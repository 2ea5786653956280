"""Web pages saved as HTML are read as the text a browser shows: a page holding a real text
parses as the text itself, and resdiff's own report is refused, not read as a resolution."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest
from conftest import CORPUS, FIXTURES, SAMPLE
from helpers import run_command

from resdiff.errors import ParseError
from resdiff.parse import parse_bytes
from resdiff.parse.html import html_text, is_html


def _page(text: str) -> str:
    """``text`` as a web page prints it: a paragraph element for each block of lines, a line
    break between its lines, and a head, style and script that are not text."""
    blocks = re.split(r"\n\s*\n", text.strip("\n"))
    body = "".join("<p>" + "<br>".join(html.escape(line) for line in block.split("\n")) + "</p>\n" for block in blocks)
    return ("<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>Resolution</title><style>p{margin:0}</style>"
            "<script>var shown = '<p>1. Decides</p>';</script></head><body>\n" + body + "</body></html>\n")


def _read(data: bytes, name: str):
    # Line numbers of furniture and warnings count the lines of the text the page shows.
    return tuple(replace(d, source=None, furniture=(), warnings=()) for d in parse_bytes(data, name))


def test_real_texts_saved_as_web_pages_parse_as_the_texts():
    paths = sorted([*(FIXTURES / "languages").rglob("*.txt"), *(CORPUS / "en").glob("*.txt"),
                    *(CORPUS / "zh").glob("*.txt"), SAMPLE])
    compared = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        try:
            expected = _read(text.encode("utf-8"), path.name)
        except ParseError:  # an excerpt holding no resolution text: the page holds none either
            with pytest.raises(ParseError):
                _read(_page(text).encode("utf-8"), path.name)
            continue
        assert _read(_page(text).encode("utf-8"), path.name) == expected, path.name
        compared += 1
    assert compared >= 40


def test_a_page_shows_its_blocks_not_its_markup():
    page = ("<!DOCTYPE html><html><head><title>S/RES/2446</title></head><body>"
            "<nav><ul><li><a href='/'>Home</a></li><li>Documents</li></ul></nav>"
            "<h1>Resolution 2446 (2018)</h1><p><i>The Security Council</i>,</p>"
            "<p><i>Recalling</i> its previous resolutions on the situation in Somalia,<sup>1</sup></p>"
            "<p>1.&nbsp;<i>Decides</i> to renew the measures &amp; to remain seized of the matter.</p>"
            "<hr><p><sup>1</sup> S/RES/2444 (2018).</p></body></html>")
    assert is_html(page)
    assert html_text(page) == ("Home\n\nDocuments\n\nResolution 2446 (2018)\n\nThe Security Council,\n\n"
                               "Recalling its previous resolutions on the situation in Somalia,¹\n\n"
                               "1. Decides to renew the measures & to remain seized of the matter.\n\n"
                               "¹ S/RES/2444 (2018).\n")
    (document,) = parse_bytes(page.encode("utf-8"), "page.html")
    assert (document.title, document.chapeau) == ("Resolution 2446 (2018)", "The Security Council,")
    assert [(p.id, p.text, p.footnotes) for p in document.paragraphs] == [
        ("PP1", "Recalling its previous resolutions on the situation in Somalia,", ("1",)),
        ("OP1", "Decides to renew the measures & to remain seized of the matter.", ())]
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "S/RES/2444 (2018).")]
    assert [line.split(": ", 1)[1] for line in document.furniture] == ["Home", "Documents"]


def test_resdiffs_own_report_is_refused_with_one_line(tmp_path):
    report = tmp_path / "changes.html"
    made = run_command("diff", str(SAMPLE), "--format", "html", "-o", str(report))
    assert made.returncode == 0, made.stderr
    refused = run_command("parse", str(report))
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr == (f"resdiff: error: {report}: a comparison written by resdiff, not a document: "
                              "compare the documents it was made from\n")
