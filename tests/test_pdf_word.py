"""A PDF saved from Word: the footnotes at a page's foot, in the text's own size under a
separator that is drawn (a thin filled rectangle), not typed, are read as the footnotes, as from
the text the PDF was made from, in English and Chinese (they were glued into the paragraph the
page broke, or read as preambular paragraphs, with no warning)."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from resdiff.parse import parse_file
from resdiff.parse.pdf import _Line, _notes_under_a_drawn_line
from resdiff.text import normalize

WORD = FIXTURES / "pdf-word"


def _reading(path):
    """Each document's paragraphs and footnotes, their texts as compared (a PDF's text layer
    spaces Chinese numbers otherwise: "3 月", "3月"), and its warnings."""
    return [([(p.id, normalize(p.text), p.all_footnotes()) for p in d.paragraphs],
             [(f.mark, normalize(f.text)) for f in d.footnotes], d.warnings) for d in parse_file(str(path))]


@pytest.mark.parametrize("name", ["L41_first_pages.en", "L56_preamble.zh"])
def test_a_pdf_saved_from_word_reads_as_its_text(name):
    printed = _reading(WORD / f"{name}.pdf")
    assert printed == _reading(WORD / f"{name}.txt")
    assert printed[0][2] == ()


def test_the_footnotes_of_l41_under_the_drawn_rule():
    (document,) = parse_file(str(WORD / "L41_first_pages.en.pdf"))
    assert [(f.mark, f.text) for f in document.footnotes] == [
        ("1", "Resolution 217 A (III)."), ("2", "Resolution 2200 A (XXI), annex."),
        ("3", "See Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 53 (A/78/53), "
              "chap. III."),
        ("4", "Ibid., chap. V., sect. A."), ("5", "A/78/511.")]
    assert [(p.id, p.all_footnotes()) for p in document.paragraphs][:4] == [
        ("PP1", ("1", "2")), ("PP2", ()), ("PP3", ("3", "4")), ("OP1", ("5",))]


def _line(y: float, text: str) -> _Line:
    return _Line(y, 90.0, 11.0, [text])


def test_only_lines_opening_with_a_mark_under_a_drawn_rule_are_footnotes():
    lines = [_line(200, "1. Takes note of the report;"), _line(185, "2. Decides to act."),
             _line(160, "1 Resolution 217 A (III)."), _line(145, "2 See A/78/1.")]
    assert _notes_under_a_drawn_line(lines, [175.9]) == 2
    assert _notes_under_a_drawn_line(lines, []) == 4  # no rule drawn
    assert _notes_under_a_drawn_line(lines, [190.0]) == 4  # "2. Decides": a paragraph, not a note
    assert _notes_under_a_drawn_line(lines, [100.0]) == 4  # nothing under the rule
    assert _notes_under_a_drawn_line(lines[2:], [175.9]) == 2  # nothing above it: no separator
