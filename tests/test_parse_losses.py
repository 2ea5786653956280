"""Text that a parse once lost or misplaced in silence, each case as a user met it: the exact
paragraphs read, and the warning that says what resdiff could not place."""

from __future__ import annotations

from resdiff.parse import parse_text


def _rows(document) -> list[tuple[str, str, str]]:
    return [(p.id, p.kind.value, p.text) for p in document.paragraphs]


def test_operative_paragraphs_numbered_past_9999_stay_paragraphs_of_their_own():
    # "10000." was not read as a number (four digits at most): the paragraph ran into OP9999.
    text = "The General Assembly,\n\nRecalling x,\n\n9999. Decides a;\n\n10000. Decides b;\n\n10001. Decides c.\n"
    (document,) = parse_text(text, "d5.txt")
    assert _rows(document) == [("PP1", "preambular", "Recalling x,"), ("OP9999", "operative", "Decides a;"),
                               ("OP10000", "operative", "Decides b;"), ("OP10001", "operative", "Decides c.")]
    assert document.warnings == ("document: operative paragraph 9999 follows nothing (at the start): "
                                 "a paragraph may be missing or misread",)
    # and a whole text numbered to 10000, as a user generated it, page-wrapped lines and all
    body = "".join(f"{k}. Decides item\n{k};\n\n" for k in range(1, 10001))
    (document,) = parse_text("The General Assembly,\n\n" + body, "d5.txt")
    assert [p.id for p in document.paragraphs[-2:]] == ["OP9999", "OP10000"]
    assert document.paragraphs[-1].text == "Decides item 10000;" and document.warnings == ()
