"""Layouts that text extractors and paste produce, each read to the paragraphs it prints.

The texts here are written by hand in the layout each extractor makes (the real extractions
are in tests/fixtures/extractions and test_extractions.py); each case is one layout.
"""

from __future__ import annotations

import pytest

from resdiff.errors import ParseError
from resdiff.parse import parse_text


def shape(text: str):
    document = parse_text(text)[-1]
    return [(p.id, p.text, tuple((i.label, i.text) for i in p.items), p.footnotes) for p in document.paragraphs]


EXPECTED = [
    ("PP1", "Recalling its resolution 1/1 of 1 January 2020 on the subject of this text,", (), ()),
    ("OP1", "Decides to act;", (), ()),
    ("OP2", "Requests the Secretary-General:", (("a", "to report;"), ("b", "to plan;")), ()),
    ("OP3", "Decides to remain seized of the matter.", (), ()),
]


@pytest.mark.parametrize("text", [
    # numbers and labels alone on their line, no blank lines (pdftotext, PyMuPDF)
    "The General Assembly,\nRecalling its resolution 1/1 of 1 January 2020\non the subject of this text,\n1.\n"
    "Decides to act;\n2.\nRequests the Secretary-General:\n(a)\nto report;\n(b)\nto plan;\n3.\n"
    "Decides to remain seized of the matter.\n",
    # hard-wrapped with trailing spaces and blank lines between paragraphs
    "The General Assembly,  \n\nRecalling its resolution 1/1 of 1 January 2020  \non the subject of this text,  \n\n"
    "1. Decides to act;  \n\n2. Requests the Secretary-General:  \n\n(a) to report;  \n\n(b) to plan;  \n\n"
    "3. Decides to remain seized  \nof the matter.  \n",
    # indented first lines, as pdftotext -layout keeps them
    "      The General Assembly,\n      Recalling its resolution 1/1 of 1 January 2020 on the\nsubject of this text,\n"
    "      1.    Decides to act;\n      2.    Requests the Secretary-General:\n      (a)   to report;\n"
    "      (b)   to plan;\n      3.    Decides to remain seized of the matter.\n",
])
def test_layouts_read_alike(text):
    assert shape(text) == EXPECTED


def test_four_digit_operative_numbers_are_paragraphs_of_their_own():
    body = "".join(f"{n}. Decides item {n};\n\n" for n in range(1, 1003))
    document = parse_text("The General Assembly,\n\n" + body)[0]
    assert [p.id for p in document.paragraphs][-4:] == ["OP999", "OP1000", "OP1001", "OP1002"]
    assert document.paragraphs[-1].text == "Decides item 1002;"
    assert document.warnings == ()


def test_one_paragraph_resolution_is_one_operative_paragraph():
    for end in (".", ";"):
        text = f"The General Assembly,\nTakes note of the report of the Secretary-General on the work of the Organization{end}\n"
        assert [(p.id, p.kind.value) for p in parse_text(text)[0].paragraphs] == [("OP1", "operative")]


@pytest.mark.parametrize("text,body", [
    ("The General Assembly, recalling its resolution 78/1 of 2 October 2023, decides to include in the provisional "
     "agenda of its eightieth session the item entitled “Oceans and the law of the sea”.\n",
     "recalling its resolution 78/1 of 2 October 2023, decides to include in the provisional agenda of its eightieth "
     "session the item entitled “Oceans and the law of the sea”."),
    ("大会回顾其2023年10月2日第78/1号决议，决定将题为“海洋和海洋法”的项目列入第八十届会议临时议程。\n",
     "回顾其2023年10月2日第78/1号决议，决定将题为“海洋和海洋法”的项目列入第八十届会议临时议程。"),
])
def test_a_decision_in_one_sentence_is_one_operative_paragraph(text, body):
    paragraphs = parse_text(text)[0].paragraphs
    assert [(p.id, p.kind.value, p.text) for p in paragraphs] == [("OP1", "operative", body)]


def test_preambular_text_alone_stays_preambular():
    paragraphs = parse_text("The General Assembly,\nRecalling its resolution 1/1,\n")[0].paragraphs
    assert [(p.id, p.kind.value) for p in paragraphs] == [("PP1", "preambular")]


def test_the_symbol_comes_from_the_masthead_not_a_cited_one():
    text = ("United Nations                                   A/RES/79/183\n"
            "General Assembly                                 Distr.: General\n\n"
            "Agenda item 71 (b)\n[on the report of the Third Committee (A/79/509)]\n\n"
            "The General Assembly,\n\nRecalling its resolution 78/1,1\n\n1. Decides to act.\n\n"
            "__________\n1 A/79/509, annex.\n")
    assert parse_text(text)[0].symbol == "A/RES/79/183"


def test_a_letter_is_still_an_error():
    with pytest.raises(ParseError, match="no resolution text found"):
        parse_text("Letter dated 1 May 2024 from the Permanent Representative\n\nI have the honour to transmit.\n")


@pytest.mark.parametrize("text", [
    # pdftotext -layout: every line set in from the page's edge, first lines further in
    "      The General Assembly,\n            Recalling its resolutions on the matter, and the report of the Group of\n"
    "      Friends of the Secretary-General, the Declaration of the Heads of State,\n"
    "      Member States and observers,\n            Noting the report,\n            1.   Decides to act.\n",
    # pdftotext default: no indentation, no blank lines
    "The General Assembly,\nRecalling its resolutions on the matter, and the report of the Group of\n"
    "Friends of the Secretary-General, the Declaration of the Heads of State,\n"
    "Member States and observers,\nNoting the report,\n1.\nDecides to act.\n",
])
def test_a_capitalised_line_after_a_comma_continues_the_paragraph_unless_it_opens_one(text):
    # "Member States" after a line ending in a comma is no preambular opener, nor set in further
    # than the text around it: it continues the paragraph. "Noting" opens one.
    assert [(p.id, p.text[-28:]) for p in parse_text(text)[0].paragraphs] == [
        ("PP1", "Member States and observers,"), ("PP2", "Noting the report,"), ("OP1", "Decides to act.")]
