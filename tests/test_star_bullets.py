"""A web copy whose paragraphs are bulleted "* " (a Markdown list) under a symbol with its
asterisk ("A/C.3/80/L.5*") keeps its paragraphs: the bullets after the preamble are no asterisk
footnotes (its operative paragraphs were read as footnote "*", or the text as none at all)."""

from __future__ import annotations

from resdiff.parse import parse_text

BULLETED = ("A/C.3/80/L.5*\n\nThe General Assembly,\n\n* Recalling its resolution 1/1,\n\n* Noting the report,\n\n"
            "* 1. Decides to act;\n\n* 2. Requests a report.\n")


def test_bulleted_paragraphs_under_a_starred_symbol_are_paragraphs():
    document = parse_text(BULLETED)[0]
    assert [(p.id, p.body) for p in document.paragraphs] == [
        ("PP1", "Recalling its resolution 1/1,"), ("PP2", "Noting the report,"),
        ("OP1", "Decides to act;"), ("OP2", "Requests a report.")]
    assert document.footnotes == ()


def test_the_asterisk_note_after_the_last_bulleted_paragraph_is_the_footnote():
    document = parse_text(BULLETED + "\n* Reissued for technical reasons on 5 November 2025.\n")[0]
    assert [p.id for p in document.paragraphs] == ["PP1", "PP2", "OP1", "OP2"]
    assert [(f.mark, f.text) for f in document.footnotes] == [("*", "Reissued for technical reasons on 5 November 2025.")]
    assert document.warnings == ()
