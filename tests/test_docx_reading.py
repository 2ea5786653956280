"""What a received Word file holds beyond its plain runs is read or said: a character inserted
with Insert > Symbol (w:sym) is read as the character it shows, and pending tracked changes,
read as accepted, are counted in a note on standard error and in the document's notes."""

from __future__ import annotations

import io
import logging

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse.docx import _symbol, parse_docx

runner = CliRunner()


def _with_symbol(font: str, char: str) -> bytes:
    d = docx.Document()
    for text in ("The General Assembly,", "Recalling its resolution 60/1,"):
        d.add_paragraph(text)
    p = d.add_paragraph("1. Decides that the share shall be ")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:sym w:font="{font}" w:char="{char}"/>'
                          '<w:t xml:space="preserve"> 10 per cent;</w:t></w:r>'))
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("font", "char", "shown"), [
    ("Symbol", "F0B3", "≥"), ("Symbol", "F0A3", "≤"), ("Symbol", "F0B1", "±"), ("Symbol", "F0B4", "×"),
    ("Symbol", "F061", "α"), ("Symbol", "B3", "≥"),
    ("Wingdings", "F0FC", "\uf0fc"),  # no Unicode table: the code point Word stores, compared
])
def test_a_word_symbol_is_read_as_its_character(font, char, shown):
    (document,) = parse_docx(_with_symbol(font, char), "sym.docx")
    assert document.paragraphs[-1].text == f"Decides that the share shall be {shown} 10 per cent;"


def test_a_symbol_without_a_code_is_a_replacement_character():
    assert (_symbol("Symbol", None), _symbol("Symbol", "zz"), _symbol(None, "2265")) == ("\ufffd", "\ufffd", "≥")


def _tracked(tmp_path, new: str):
    old = tmp_path / "tc0.txt"
    old.write_text("The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act;\n\n"
                   "2. Requests a report.\n", encoding="utf-8")
    (tmp_path / "tc1.txt").write_text(old.read_text(encoding="utf-8").replace("Decides to act", new),
                                      encoding="utf-8")
    result = runner.invoke(app, ["diff", str(old), str(tmp_path / "tc1.txt"), "-o", str(tmp_path / "tc.docx")])
    assert result.exit_code == 0
    return tmp_path / "tc.docx"


def test_pending_tracked_changes_are_counted_in_a_note(tmp_path, caplog):
    path = _tracked(tmp_path, "Decides not to act")
    with caplog.at_level(logging.WARNING):
        (document,) = parse_docx(path.read_bytes(), "tc.docx")
    assert document.paragraphs[1].text == "Decides not to act;"
    note = ("tracked changes read as accepted (inserted text kept, deleted text left out): 1 inserted, 0 deleted, "
            "by resdiff")
    assert [str(n) for n in document.notes] == [note]
    assert caplog.messages == [f"resdiff: note: tc.docx: {note}"]


def test_insertions_and_deletions_are_both_counted(tmp_path):
    path = _tracked(tmp_path, "Resolves firmly to act")
    (document,) = parse_docx(path.read_bytes(), "tc.docx")
    assert document.paragraphs[1].text == "Resolves firmly to act;"
    assert [str(n) for n in document.notes] == [
        "tracked changes read as accepted (inserted text kept, deleted text left out): 1 inserted, 1 deleted, "
        "by resdiff"]


def test_a_word_file_without_tracked_changes_has_no_note(tmp_path):
    (document,) = parse_docx(_with_symbol("Symbol", "F0B3"), "sym.docx")
    assert document.notes == ()


def _hidden_words() -> bytes:
    """A draft whose OP1 holds words formatted as hidden (Font > Hidden), and a run marked not
    hidden (w:vanish w:val="0"), which is text."""
    document = docx.Document()
    for text in ("The General Assembly,", "Recalling its resolution 60/1,"):
        document.add_paragraph(text)
    paragraph = document.add_paragraph("1. Decides to act")
    paragraph.add_run(" immediately and without delay").font.hidden = True
    paragraph.add_run(";")
    paragraph = document.add_paragraph("2. Requests a report")
    paragraph.add_run(" soon").font.hidden = False
    paragraph.add_run(".")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_hidden_text_is_left_out_with_a_note_and_listed(caplog):
    # Word shows and prints "Decides to act;": the hidden words are not compared, but said and
    # listed with the page furniture, so every character of the file is accounted for.
    with caplog.at_level(logging.WARNING):
        (document,) = parse_docx(_hidden_words(), "hid.docx")
    assert [p.text for p in document.paragraphs] == [
        "Recalling its resolution 60/1,", "Decides to act;", "Requests a report soon."]
    note = "30 hidden characters left out of paragraph 3 (hidden text: Word neither shows nor prints it)"
    assert [str(n) for n in document.notes] == [note]
    assert caplog.messages == [f"resdiff: note: hid.docx: {note}"]
    assert [str(f) for f in document.furniture] == ["paragraph 3, hidden text: “ immediately and without delay”"]


def test_hidden_text_note_in_chinese(tmp_path):
    path = tmp_path / "hid.docx"
    path.write_bytes(_hidden_words())
    result = CliRunner().invoke(app, ["--ui-lang", "zh", "parse", str(path), "--show-furniture"])
    assert result.exit_code == 0, result.output
    assert "第 3 段，隐藏文字：“ immediately and without delay”" in result.output
