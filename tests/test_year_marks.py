"""A footnote mark glued to a year ("the Decade 2024– 203412 and …", mark 12 after 11) is read off
the year's four digits: 2034 and mark 12. Before, "20341" stayed in the text with mark 2 (a
footnote that exists, cited out of sequence); in A/RES/80/5 marks 12–15 were misread and a
sub-paragraph was run into the one before it."""

from __future__ import annotations

from resdiff.parse import parse_text

PREAMBLE = "".join(f"Recalling its resolution {60 + n}/1,{n}\n\n" for n in range(1, 12))
FOOTNOTES = "".join(f"{n} See A/{60 + n}/1.\n" for n in range(1, 13))
TEXT = (f"The General Assembly,\n\n{PREAMBLE}1. Decides to act;\n\n"
        f"2. Requests a report on the Decade 2024– 203412 and on the years 2015– 2030.\n\n__________\n{FOOTNOTES}")


def test_a_mark_glued_to_a_year_is_read_off_its_four_digits():
    document = parse_text(TEXT)[0]
    assert document.warnings == ()
    assert [(p.id, p.text, p.footnotes) for p in document.paragraphs][-1] == (
        "OP2", "Requests a report on the Decade 2024– 2034 and on the years 2015– 2030.", ("12",))
    assert [p.footnotes for p in document.paragraphs][:11] == [(str(n),) for n in range(1, 12)]
