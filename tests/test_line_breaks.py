"""Line breaks other than LF, CR and CRLF: a vertical tab (Word's manual line break in text it
pastes or saves as plain text), NEL (U+0085), the line and paragraph separators (U+2028,
U+2029), and Word's manual line break <w:br/> (Shift+Enter, one a line in a PDF text pasted into
Word). Before, each ran the whole text into a few long lines: L.41 read 20 operative paragraphs
instead of 35 ("8 merged, 12 modified"), its 13 footnotes read into the text, symbol lost."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse import parse_text
from resdiff.parse.docx import docx_text
from resdiff.parse.reading import decode
from conftest import CORPUS

runner = CliRunner()
L41 = CORPUS / "en" / "A_C.3_78_L.41.en.txt"
STAT = "38 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered"


def shape(document):
    return (document.symbol, document.title, [(p.id, p.text) for p in document.paragraphs],
            [(f.mark, f.text) for f in document.footnotes])


@pytest.mark.parametrize("line_break", ["\x0b", "\x85", "\u2028", "\u2029", "\r"])
def test_each_line_break_reads_as_a_newline(line_break):
    text = L41.read_text(encoding="utf-8")
    broken = decode(text.replace("\n", line_break).encode("utf-8"))
    assert broken == text
    assert shape(parse_text(broken)[0]) == shape(parse_text(text)[0])


def test_vertical_tabs_diff_unchanged(tmp_path):
    (tmp_path / "vt.txt").write_bytes(L41.read_text(encoding="utf-8").replace("\n", "\x0b").encode("utf-8"))
    result = runner.invoke(app, ["--ui-lang", "en", "diff", str(L41), str(tmp_path / "vt.txt"), "--stat"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == STAT
    assert result.stderr == ""


def _one_paragraph_with_breaks(lines: list[str]) -> bytes:
    import io

    import docx

    document = docx.Document()
    run = document.add_paragraph().add_run()
    for line in lines:
        run.add_text(line)
        run.add_break()
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def test_word_manual_line_breaks_are_line_breaks(tmp_path):
    text = L41.read_text(encoding="utf-8")
    data = _one_paragraph_with_breaks(text.split("\n"))
    assert docx_text(data).text == text.rstrip("\n") + "\n"
    (tmp_path / "br.docx").write_bytes(data)
    result = runner.invoke(app, ["--ui-lang", "en", "diff", str(L41), str(tmp_path / "br.docx"), "--stat"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == STAT


def test_a_line_break_in_a_word_footnote_is_a_space():
    from lxml import etree

    from resdiff.parse.docx import _footnote_texts

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    notes = etree.fromstring(f'<w:footnotes xmlns:w="{w}"><w:footnote w:id="1"><w:p><w:r><w:t>See</w:t><w:br/>'
                             f'<w:t>A/60/1.</w:t></w:r></w:p></w:footnote></w:footnotes>')
    assert _footnote_texts(notes) == {"1": "See A/60/1."}
