"""Footnotes at a page's foot read however the text was copied, and digits that are the text's
own kept as text: a copy without the typed "____" rule (the PDF drew it), a copy with a blank
line after every line (a PDF viewer, a web page, a text pasted into Word line by line), names
that end with a number ("P5", "CO2", "Rev.1") and superscript digits in a text without
footnotes ("km²"). What cannot be read so is said: marks cited with no footnote found."""

from __future__ import annotations

import re

import docx
import pytest
from conftest import CORPUS, FIXTURES
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse import parse_file, parse_text

runner = CliRunner()
L41 = CORPUS / "en" / "A_C.3_78_L.41.en.txt"
RULE = re.compile(r"(?m)^_{5,}[ \t]*\n")


def _reading(documents):
    return [([(p.id, p.text, p.all_footnotes()) for p in d.paragraphs], [(f.mark, f.text) for f in d.footnotes])
            for d in documents]


# Texts whose footnotes stand under a typed rule, one mark and body to a line: without the rule
# (and, separately, with a blank line after every line) each reads exactly as printed.
NO_RULE = [CORPUS / "en" / "A_C.3_78_L.41.en.txt", CORPUS / "en" / "A_RES_68_262.en.txt",
           CORPUS / "en" / "A_RES_ES-11_1.en.txt", CORPUS / "en" / "A_RES_ES-11_2.en.txt",
           CORPUS / "en-pymupdf" / "A_RES_80_10.txt", CORPUS / "en-pymupdf" / "A_RES_80_7.txt",
           *(FIXTURES / "extractions" / name for name in (
               "A_RES_68_262-EN.pdfplumber.txt", "A_RES_68_262-EN.pymupdf.txt", "A_RES_68_262-EN.pypdf.txt",
               "A_RES_ES-11_1-EN.pdfplumber.txt", "A_RES_ES-11_1-EN.pymupdf.txt", "A_RES_ES-11_1-EN.pypdf.txt",
               "A_RES_ES-11_2-EN.pdfplumber.txt", "A_RES_ES-11_2-EN.pymupdf.txt", "A_RES_ES-11_2-EN.pypdf.txt",
               # marks in a column of their own, before the bodies
               "A_RES_68_262-EN.pdftotext.txt", "A_RES_ES-11_2-EN.pdftotext.txt"))]
DOUBLE = [path for path in NO_RULE if path.name != "A_RES_80_7.txt"] + [
    FIXTURES / "extractions" / "A_RES_ES-11_1-EN.pdftotext.txt"]


@pytest.mark.parametrize("path", NO_RULE, ids=lambda p: p.name)
def test_footnotes_without_their_typed_rule_read_as_with_it(path):
    text = path.read_text(encoding="utf-8")
    assert RULE.search(text)
    printed = _reading(parse_text(text, path.name))
    assert any(notes for _, notes in printed)
    assert _reading(parse_text(RULE.sub("", text), path.name)) == printed


@pytest.mark.parametrize("path", DOUBLE, ids=lambda p: p.name)
def test_a_blank_line_after_every_line_changes_no_reading(path):
    text = path.read_text(encoding="utf-8")
    printed = _reading(parse_text(text, path.name))
    assert _reading(parse_text(text.replace("\n", "\n\n"), path.name)) == printed


def test_l41_without_rules_diffs_as_no_change(tmp_path):
    norule = tmp_path / "norule.txt"
    norule.write_text(RULE.sub("", L41.read_text(encoding="utf-8")), encoding="utf-8")
    result = runner.invoke(app, ["diff", str(L41), str(norule), "--only-changes"])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "No changes: the two versions read the same."


PAGE = ("The General Assembly,\n\nRecalling its resolution 60/1,1 and the Charter,2\n\n"
        "1. Decides to act on the report of the\n{foot}"
        "23-12345 (E) 010124\n*2312345*A/C.3/80/L.1\n"
        "Secretary-General;\n\n2. Requests a report.\n")


def test_a_page_foot_without_a_rule_exact_reading():
    documents = parse_text(PAGE.format(foot="1 See resolution 60/1.\n2 Charter of the\nUnited Nations.\n"))
    assert _reading(documents) == [(
        [("PP1", "Recalling its resolution 60/1, and the Charter,", ("1", "2")),
         ("OP1", "Decides to act on the report of the Secretary-General;", ()),
         ("OP2", "Requests a report.", ())],
        [("1", "See resolution 60/1."), ("2", "Charter of the United Nations.")])]
    assert documents[0].warnings == ()


@pytest.mark.parametrize("foot", [
    "3 See resolution 60/1.\n",  # no mark 3 cited: text
    "2 Charter of the United Nations.\n",  # not the next mark (1 has no footnote yet)
])
def test_numbered_lines_at_a_page_foot_that_are_no_footnotes_stay_text(foot):
    (document,) = parse_text(PAGE.format(foot=foot))
    assert document.footnotes == ()
    assert any(foot.splitlines()[0] in p.text for p in document.paragraphs)
    assert document.warnings[0] == ("A/C.3/80/L.1: footnote marks 1, 2 are cited but no footnote was found: "
                                    "footnotes printed without their rule may have been read as text")


def test_a_text_pasted_into_word_line_by_line_reads_as_the_text(tmp_path):
    word = docx.Document()
    for line in L41.read_text(encoding="utf-8").splitlines():
        word.add_paragraph(line)
    word.save(tmp_path / "pasted.docx")
    assert _reading(parse_file(str(tmp_path / "pasted.docx"))) == _reading(parse_file(str(L41)))


def test_a_name_ending_with_a_number_keeps_its_number(tmp_path):
    text = L41.read_text(encoding="utf-8").replace(
        "2. Welcomes the continuing efforts", "2. Welcomes the talks with the P5 and continuing efforts")
    old, new = tmp_path / "p5a.txt", tmp_path / "p5b.txt"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("the P5 and", "the E3 and"), encoding="utf-8")
    (document,) = parse_file(str(old))
    op2 = next(p for p in document.paragraphs if p.id == "OP2")
    assert op2.text.startswith("Welcomes the talks with the P5 and continuing efforts")
    assert op2.footnotes == ()
    result = runner.invoke(app, ["diff", str(old), str(new), "--only-changes"])
    assert "Welcomes the talks with the [-P5 -]{+E3 +}and continuing" in result.output
    assert "footnote references" not in result.output


@pytest.mark.parametrize(("name", "mark"), [("CO2", ()), ("SDG1", ()), ("Res1", ()), ("A/78/L.1/Rev.1", ()),
                                            ("SDG3", ()), ("P3", ()), ("UNEP1", ()),
                                            ("Rights3", ("3",)), ("UNEP3", ("3",)), ("Sea3", ("3",))])
def test_names_that_end_with_a_number(name, mark):
    # Marks 1 and 2 cited: a name's 1 or 2 is out of sequence; 3 is the next mark, yet never after
    # one to three capitals ("SDG3"), a name of capitals and a number.
    text = (f"The General Assembly,\n\nRecalling the Charter,1 and the Covenant,2\n\n1. Notes {name} and more;\n\n"
            "2. Requests a report.\n\n"
            "__________\n1 Charter.\n2 Covenant.\n3 Protocol.\n")
    (document,) = parse_text(text)
    op1 = document.paragraphs[1]
    assert (op1.text, op1.footnotes) == (f"Notes {name if not mark else name[:-1]} and more;", mark)


def test_superscript_digits_in_a_text_without_footnotes_are_text(tmp_path):
    text = ("The General Assembly,\n\nRecalling its resolution 60/1,\n\n"
            "1. Decides that the area shall be 500 km² and the ceiling 10⁶ tonnes;\n\n2. Requests a report.\n")
    (document,) = parse_text(text)
    assert [(p.id, p.text, p.footnotes) for p in document.paragraphs][1] == (
        "OP1", "Decides that the area shall be 500 km² and the ceiling 10⁶ tonnes;", ())
    assert document.warnings == ()
    old, new = tmp_path / "sq0.txt", tmp_path / "sq1.txt"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("km²", "km").replace("10⁶", "10"), encoding="utf-8")
    result = runner.invoke(app, ["diff", str(old), str(new), "--only-changes"])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == (
        "Decides that the area shall be 500 [-km² -]{+km +}and the ceiling [-10⁶ -]{+10 +}tonnes;")


def test_marks_cited_without_any_footnote_are_a_warning():
    (document,) = parse_text("The General Assembly,\n\nRecalling the Charter,1\n\n1. Decides to act.\n")
    assert document.warnings == ("document: footnote mark 1 is cited but no footnote was found: a footnote "
                                 "printed without its rule may have been read as text",)


@pytest.mark.parametrize("line", ["¹", "²³", "1" * 5000])
def test_a_line_of_digits_that_is_no_mark_column_is_read_as_before(line):
    (document,) = parse_text(f"The General Assembly,\n\nRecalling its resolution 60/1,\n\n{line}\n\n1. Decides to act.\n")
    assert document.paragraphs[-1].text == "Decides to act."
