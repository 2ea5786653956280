"""Every English resolution of the corpus, written to Word (`resdiff diff X X -o X.docx`), reads
back from that file as it was read (`resdiff diff X X.docx` says "No changes")."""

from __future__ import annotations

from conftest import CORPUS, FIXTURES

from resdiff.compare import compare
from resdiff.parse import parse_bytes, parse_file, parse_text
from resdiff.render import RenderOptions, no_changes_line
from resdiff.render.docx import render

ENGLISH = sorted(p for p in (CORPUS / "en").iterdir() if p.name.startswith("A_RES_"))


def test_every_english_resolution_reads_back_from_its_word_file_unchanged():
    assert len(ENGLISH) >= 30
    changed = []
    for path in ENGLISH:
        document = parse_file(str(path))[0]
        back = parse_bytes(render(compare(document, document), RenderOptions()), "back.docx")[0]
        line = no_changes_line(compare(document, back))
        if line != "No changes: the two versions read the same.":
            changed.append((path.name, line))
    assert changed == []


def test_a_title_that_ends_with_a_session_is_the_title_not_the_mastheads_session():
    text = ("A/RES/80/1\n\nEightieth session\n\nAgenda item 7 Organization of work\n\n"
            "Participation by the State of Palestine during the eightieth session\n\nThe General Assembly,\n\n"
            "Recalling its resolutions,\n\n1. Decides that;\n\n2. Decides also.\n")
    document = parse_text(text)[0]
    assert document.title == "Participation by the State of Palestine during the eightieth session"
    assert [str(f) for f in document.furniture][:2] == ["line 1: A/RES/80/1", "line 3: Eightieth session"]
    # the masthead's session, set right above the chapeau, is no title
    assert parse_text(text.replace("Participation by the State of Palestine during the eightieth session\n\n",
                                   "Tenth emergency special session\n\n"))[0].title is None


def test_a_symbol_with_its_year_or_session_alone_above_the_chapeau_is_no_title():
    for symbol in ("S/RES/338 (1973)", "A/RES/2758 (XXVI)", "A/RES/80/1"):
        document = parse_text(f"{symbol}\n\nThe General Assembly,\n\nRecalling its resolution 1/1,\n\n"
                              "1. Decides to act;\n\n2. Requests a report.\n")[0]
        assert (document.symbol, document.title) == (symbol, None)


WEB = [FIXTURES / "languages" / "web" / name for name in ("A_RES_2758_XXVI__mondiplo.es.txt",
                                                           "S_RES_338_1973__monbalagan.fr.txt")]
WEB.append(FIXTURES / "rtl" / "S_RES_338_1973.ar.old.txt")


def test_web_copies_headed_by_their_symbol_read_back_from_word_unchanged():
    for path in WEB:
        document = parse_file(str(path))[0]
        assert document.title is None
        back = parse_bytes(render(compare(document, document), RenderOptions()), "back.docx")[0]
        assert no_changes_line(compare(document, back)) == "No changes: the two versions read the same."
