"""Footnotes read the same with and without the rule printed above a page's footnote area.

A text copied from a web page or an OCR, or cleaned up by hand, often loses the separator rule
("_______________") that sets a page's footnotes apart; resdiff then reads the footnotes from
how they stand at the page's foot (each opening with its mark, right above the page's
furniture). For every real text here with footnotes under rules, the same text with the rules
removed must give the same paragraphs and footnotes, or say what it could not place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff.errors import ParseError
from resdiff.parse import parse_text
from resdiff.parse.patterns import _SEPARATOR

from conftest import FIXTURES, ROOT
from helpers import run_command

OMNIBUS = FIXTURES / "omnibus" / "A_RES_79_144.en.txt"


def _without_rules(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not _SEPARATOR.match(line.strip()))


def _ruled_texts() -> list[Path]:
    """The real texts here (fixtures, cases, samples) that print a footnote area under a rule, with
    the footnotes resdiff reads there."""
    found = []
    for folder in (FIXTURES, ROOT / "tests" / "cases", ROOT / "samples"):
        for path in sorted(folder.rglob("*")):
            if path.suffix not in {".txt", ".md"} or path.name.startswith("README"):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            if not any(_SEPARATOR.match(line.strip()) for line in text.split("\n")):
                continue
            try:
                documents = parse_text(text, path.name)
            except ParseError:  # a fixture of another kind: a fragment, a broken extraction
                continue
            if any(d.footnotes for d in documents):
                found.append(path)
    return found


def _reading(documents) -> list:
    return [([(p.id, p.text, p.all_footnotes(), [(i.label, i.text, i.footnotes) for i in p.items])
              for p in d.paragraphs], [(f.mark, f.text) for f in d.footnotes]) for d in documents]


@pytest.mark.parametrize("path", _ruled_texts(), ids=lambda path: str(path.relative_to(ROOT)))
def test_removing_the_rules_reads_the_same_or_warns(path):
    text = path.read_text(encoding="utf-8")
    ruled = parse_text(text, "ruled")
    bare = parse_text(_without_rules(text), "bare")
    if _reading(bare) == _reading(ruled):
        return
    said = {str(w) for d in ruled for w in d.warnings}
    assert [str(w) for d in bare for w in d.warnings if str(w) not in said], \
        f"{path.name}: read otherwise without its rules, and nothing said"


def test_the_omnibus_without_its_rules_compares_unchanged(tmp_path):
    # 79/144's 170 footnotes on 59 pages: without its 51 rules, 124 paragraphs read otherwise
    # ("22 See 2012 Guidelines …" taken for a date, "162  following …" for no mark, footnote 169
    # citing nothing, the annex's footnote 170 at the text's very end)
    bare = tmp_path / "norules.txt"
    bare.write_text(_without_rules(OMNIBUS.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_command("diff", str(OMNIBUS), str(bare), "--stat")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2] == \
        "440 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered"
    assert result.stdout.splitlines()[3] == ("Left out as page furniture: 296 lines of 79/144 (old), 245 lines of "
                                             "79/144 (new) (--show-furniture lists them)")


def _page(first: str, foot: list[str], second: str, end: str = "") -> str:
    """A two-page resolution: ``first`` ends page 1, above its footnote lines ``foot`` (no rule)
    and its furniture; ``second`` opens page 2."""
    return "\n".join([
        "United Nations", "A/RES/79/999", "", "General Assembly", "Distr.: General", "16 December 2024", "",
        "Resolution adopted by the General Assembly on 12 December 2024", "", "79/999. Oceans and the sea", "",
        "The General Assembly,", "", "Recalling its resolution 78/69 of 5 December 2023 and the Convention,1", "",
        first, "", *foot, "", "A/RES/79/999", "Oceans and the sea", "", "24-23832", "2/3", "",
        second, "", "52nd plenary meeting", "12 December 2024", "", end])


_OP1 = ("1. Recognizes the need to build the capacity of developing States to raise\n"
        "awareness of and support the implementation of improved waste management\n"
        "practices, in particular from land-based activities and marine debris;{mark}")
_OP2 = ("2. Emphasizes the need to address the particular challenges faced by\n"
        "developing middle-income countries through capacity-building;")
_NOTE1 = "1 United Nations, Treaty Series, vol. 1833, No. 31363."


def _footnotes(text: str) -> list[tuple[str, str]]:
    return [(f.mark, f.text) for f in parse_text(text, "t.txt")[0].footnotes]


def test_a_footnote_that_opens_with_see_and_a_year_is_no_date():
    # "22 See 2012 Guidelines …" read as "22 June 2012 …", a date: the footnote ran into the text
    text = _page(_OP1.format(mark="2"), [_NOTE1, "", "2 See 2012 Guidelines for the Development of a Regional "
                                         "Reception Facilities Plan."], _OP2)
    assert _footnotes(text) == [("1", "United Nations, Treaty Series, vol. 1833, No. 31363."),
                                ("2", "See 2012 Guidelines for the Development of a Regional Reception "
                                      "Facilities Plan.")]
    document = parse_text(text, "t.txt")[0]
    assert document.paragraphs[1].text.endswith("marine debris;")
    assert document.warnings == ()


def test_a_mark_alone_at_a_lines_start_is_cited():
    # "…5 November 2014," / "2  following the …": the mark the PDF set at the line's start
    first = ("1. Recalls the Vienna Programme of Action adopted in Vienna from 3 to\n5 November 2014,\n"
             "2  following the comprehensive review of its implementation;")
    text = _page(first, [_NOTE1, "", "2 Resolution 69/137, annex II."], _OP2)
    assert _footnotes(text) == [("1", "United Nations, Treaty Series, vol. 1833, No. 31363."),
                                ("2", "Resolution 69/137, annex II.")]
    assert parse_text(text, "t.txt")[0].paragraphs[1].all_footnotes() == ("2",)


def test_a_footnote_that_cites_nothing_is_read_when_its_page_cites_its_mark():
    # (a page break inside the paragraph: "…to report to the" / footnotes / "Assembly at …")
    first = "1. Requests the Secretary-General to publish the “Law of the Sea” 2 and to\nreport to the"
    text = _page(first, [_NOTE1, "", "2 This replaces the publication of a combined edition of the Convention",
                         "and the Agreement."], "Assembly at its next session;\n\n" + _OP2)
    assert _footnotes(text) == [("1", "United Nations, Treaty Series, vol. 1833, No. 31363."),
                                ("2", "This replaces the publication of a combined edition of the Convention "
                                      "and the Agreement.")]
    paragraph = parse_text(text, "t.txt")[0].paragraphs[1]
    assert (paragraph.text, paragraph.all_footnotes()) == (
        "Requests the Secretary-General to publish the “Law of the Sea” and to report to the Assembly at its "
        "next session;", ("2",))


def test_an_annexs_footnote_at_the_texts_end_numbers_on_from_the_resolutions():
    annex = "\n".join(["Annex", "", "Amendments to the terms of reference of the Trust Fund2", "",
                       "Amend paragraph 8 to read:", "", "8. The panel will be composed of the Chairs of the "
                       "regional groups.", "", "2  Resolution 55/7, annex I.", ""])
    text = _page(_OP1.format(mark=""), [_NOTE1], _OP2, annex)
    ruled = text.replace("2  Resolution 55/7", "_______________\n\n2  Resolution 55/7")
    assert _footnotes(text) == _footnotes(ruled) == [("1", "United Nations, Treaty Series, vol. 1833, No. 31363."),
                                                     ("2", "Resolution 55/7, annex I.")]
    assert _reading(parse_text(text, "t.txt")) == _reading(parse_text(ruled, "t.txt"))


def test_a_footnote_whose_mark_the_text_lost_is_said():
    # the text above no longer cites 1: its footnote is read as text, and said
    text = _page(_OP1.format(mark=""), [_NOTE1], _OP2).replace("the Convention,1", "the Convention,")
    document = parse_text(text, "t.txt")[0]
    assert document.footnotes == ()
    assert [str(w) for w in document.warnings] == [
        "A/RES/79/999: line 20: “1 United Nations, Treaty Series, vol. 1833, No. 31363.”, at a page's foot, opens "
        "with the next footnote's mark, 1, but the text above cites no such mark: read as text, not as a footnote "
        "printed without its rule"]


def test_a_next_mark_the_text_does_not_cite_is_said_when_read_into_a_footnote():
    text = _page(_OP1.format(mark=""), [_NOTE1, "", "2 See 2012 Guidelines for the Development of a Regional "
                                        "Reception Facilities Plan."], _OP2)
    document = parse_text(text, "t.txt")[0]
    assert [(f.mark, f.text) for f in document.footnotes] == [
        ("1", "United Nations, Treaty Series, vol. 1833, No. 31363. 2 See 2012 Guidelines for the Development "
              "of a Regional Reception Facilities Plan.")]
    assert [str(w) for w in document.warnings] == [
        "A/RES/79/999: line 22: “2 See 2012 Guidelines for the Development of a Regional Rec…” opens with the "
        "next footnote's mark, 2, but the text above cites no such mark: read as the end of footnote 1"]
