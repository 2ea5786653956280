"""Text after the last operative paragraph, which ends the resolution with its full stop, is no
part of that paragraph: a web page's footer or notes ("© United Nations", "This page was last
edited on …", "Privacy policy") are listed with the page furniture and warned about, never
compared as the paragraph's words and never dropped. What a resolution does print there (a
quotation, sub-paragraphs, an unnumbered "Decides to remain seized of the matter.") stays.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import resdiff.parse.structure as structure
from resdiff.parse import parse_file, parse_text

from conftest import FIXTURES, ROOT


def _read(text: str):
    (document,) = parse_text(text, "page.txt")
    return ([(p.id, p.text) for p in document.paragraphs], [str(f) for f in document.furniture],
            [str(w) for w in document.warnings])


SC = ("The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to renew the measures;\n\n"
      "2. Decides to remain seized of the matter.\n\n")
EN_PARAGRAPHS = [("PP1", "Recalling its resolutions,"), ("OP1", "Decides to renew the measures;"),
                 ("OP2", "Decides to remain seized of the matter.")]
TAIL = ("follows the last operative paragraph, which ends the text with its full stop: read as no part of it "
        "(listed with the page furniture, not compared)")
TAILS = TAIL.replace("follows", "follow", 1)


def test_a_copyright_line_after_the_last_paragraph_is_furniture_and_warned():
    assert _read(SC + "© United Nations\n") == (
        EN_PARAGRAPHS, ["line 9: © United Nations"], [f"document: line 9: “© United Nations” {TAIL}"])


def test_a_web_pages_notes_after_the_last_paragraph_are_one_warning_naming_their_lines():
    text = SC + "This page was last edited on 3 May 2020.\n\nPrivacy policy\n\nShare this page\n"
    assert _read(text) == (
        EN_PARAGRAPHS,
        ["line 9: This page was last edited on 3 May 2020.", "line 11: Privacy policy", "line 13: Share this page"],
        [f"document: lines 9, 11, 13: “This page was last edited on 3 May 2020. Privacy policy Share this page” {TAILS}"])


def test_a_footer_after_the_footnote_area_is_furniture_and_the_footnote_the_texts():
    text = ("The General Assembly,\n\nRecalling its resolution 1/2,\n\n1. Decides to renew the measures;\n\n"
            "2. Requests a report.1\n\n__________________\n\n1 See A/1/2.\n\n© United Nations\n")
    (document,) = parse_text(text, "page.txt")
    assert [(p.id, p.text, p.footnotes) for p in document.paragraphs][-1] == ("OP2", "Requests a report.", ("1",))
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See A/1/2.")]
    assert [str(f) for f in document.furniture] == ["line 9: __________________", "line 13: © United Nations"]
    assert [str(w) for w in document.warnings] == [f"document: line 13: “© United Nations” {TAIL}"]


def test_a_footer_right_under_the_last_footnote_is_no_part_of_the_footnote():
    text = ("The General Assembly,\n\nRecalling its resolution 1/2,\n\n1. Decides to renew the measures;\n\n"
            "2. Requests a report.1\n\n__________________\n\n1 See A/1/2.\n© United Nations\n")
    (document,) = parse_text(text, "page.txt")
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See A/1/2.")]
    assert document.paragraphs[-1].text == "Requests a report."
    assert [str(f) for f in document.furniture] == ["line 9: __________________", "line 12: © United Nations"]
    assert [str(w) for w in document.warnings] == [f"document: line 12: “© United Nations” {TAIL}"]


def test_a_wrapped_footnote_goes_on_and_a_footer_under_it_is_cut():
    text = ("The Security Council,\nRecalling its resolutions on the situation in the region and the\n"
            "reports of the Secretary-General,1\n1. Decides to renew the measures imposed by paragraph 3 of its\n"
            "resolution 1/2;\n2. Decides to remain seized of the matter.\n__________________\n"
            "1 See S/2020/1, annex, and the reports of the Secretary-General on the\nsituation in the region.\n"
            "© United Nations\n")
    (document,) = parse_text(text, "page.txt")
    assert [(f.mark, f.text) for f in document.footnotes] == [
        ("1", "See S/2020/1, annex, and the reports of the Secretary-General on the situation in the region.")]
    assert document.paragraphs[-1].text == "Decides to remain seized of the matter."
    assert [str(f) for f in document.furniture] == ["line 7: __________________", "line 10: © United Nations"]


def test_markdown_a_footer_after_the_footnote_definitions():
    text = ("The General Assembly,\n\nRecalling its resolution 1/2,\n\n1. Decides to renew the measures;\n\n"
            "2. Requests a report.[^1]\n\n[^1]: See A/1/2.\n\n© United Nations\n")
    (document,) = parse_text(text, "page.md")
    assert document.paragraphs[-1].text == "Requests a report." and document.paragraphs[-1].footnotes == ("1",)
    assert [str(f) for f in document.furniture] == ["line 11: © United Nations"]
    assert [str(w) for w in document.warnings] == [f"document: line 11: “© United Nations” {TAIL}"]


def test_a_footer_run_onto_a_wrapped_texts_last_line_is_cut_where_that_line_ended_short():
    text = ("The Security Council,\nRecalling its resolutions on the situation in the region and the\n"
            "reports of the Secretary-General,\n1. Decides to renew the measures imposed by paragraph 3 of its\n"
            "resolution 1/2;\n2. Decides to remain seized of the matter.\n© United Nations\nPrivacy policy\n")
    paragraphs, furniture, warnings = _read(text)
    assert paragraphs[-1] == ("OP2", "Decides to remain seized of the matter.")
    assert furniture == ["line 7: © United Nations", "line 8: Privacy policy"]
    assert warnings == [f"document: lines 7, 8: “© United Nations Privacy policy” {TAILS}"]


def test_a_sentence_wrapped_at_its_full_stop_for_want_of_room_stays_in_the_paragraph():
    text = ("The Security Council,\nRecalling its resolutions on the situation in the region and the\n"
            "reports of the Secretary-General,\n1. Decides to renew the measures imposed by paragraph 3 of its\n"
            "resolution 1/2;\n2. Decides to remain seized of the matter, to review it at its next session.\n"
            "The Council will report to the General Assembly.\n")
    paragraphs, furniture, warnings = _read(text)
    assert paragraphs[-1] == ("OP2", "Decides to remain seized of the matter, to review it at its next session. "
                                     "The Council will report to the General Assembly.")
    assert furniture == [] and warnings == []


def test_a_last_paragraph_a_page_broke_after_a_full_stop_stays_whole():
    # blank lines set the paragraphs apart; the page broke the last one after a full-width line
    text = ("The Security Council,\n\nRecalling its resolutions on the situation in the region and the\n"
            "reports of the Secretary-General,\n\n1. Decides to renew the measures imposed by paragraph 3 of its\n"
            "resolution 1/2;\n\n2. Decides to remain seized of the matter and to consider it further on\n"
            "the basis of the reports of the Secretary-General requested in para 1.\n\n22-01234\n\n"
            "It further decides to review the measures in the light of those reports.\n")
    paragraphs, furniture, warnings = _read(text)
    assert paragraphs[-1] == ("OP2", "Decides to remain seized of the matter and to consider it further on the basis "
                                     "of the reports of the Secretary-General requested in para 1. It further decides "
                                     "to review the measures in the light of those reports.")
    assert furniture == ["line 12: 22-01234"] and warnings == []


def test_chinese():
    text = "安全理事会，\n\n回顾其以前的决议，\n\n1. 决定延长措施；\n\n2. 决定继续处理此案。\n\n© 联合国\n\n本页面最后修订于2020年5月3日。\n"
    assert _read(text) == (
        [("PP1", "回顾其以前的决议，"), ("OP1", "决定延长措施；"), ("OP2", "决定继续处理此案。")],
        ["line 9: © 联合国", "line 11: 本页面最后修订于2020年5月3日。"],
        [f"document: lines 9, 11: “© 联合国 本页面最后修订于2020年5月3日。” {TAILS}"])


def test_french():
    text = ("Le Conseil de sécurité,\n\nRappelant ses résolutions,\n\n1. Décide de proroger les mesures;\n\n"
            "2. Décide de demeurer saisi de la question.\n\n© Nations Unies\n\nPolitique de confidentialité\n")
    assert _read(text) == (
        [("PP1", "Rappelant ses résolutions,"), ("OP1", "Décide de proroger les mesures;"),
         ("OP2", "Décide de demeurer saisi de la question.")],
        ["line 9: © Nations Unies", "line 11: Politique de confidentialité"],
        [f"document: lines 9, 11: “© Nations Unies Politique de confidentialité” {TAILS}"])


def test_arabic():
    text = ("إن مجلس الأمن،\n\nإذ يشير إلى قراراته،\n\n1 - يقرر تمديد التدابير؛\n\n"
            "2 - يقرر أن يبقي المسألة قيد نظره.\n\n© الأمم المتحدة\n")
    assert _read(text) == (
        [("PP1", "إذ يشير إلى قراراته،"), ("OP1", "يقرر تمديد التدابير؛"), ("OP2", "يقرر أن يبقي المسألة قيد نظره.")],
        ["line 9: © الأمم المتحدة"],
        [f"document: line 9: “© الأمم المتحدة” {TAIL}"])


@pytest.mark.parametrize(("tail", "last"), [
    # an unnumbered operative paragraph a Security Council text ends with
    ("Decides to remain seized of the matter.", "Decides to act. Decides to remain seized of the matter."),
    # a quotation the paragraph carries on into
    ("“Article 1. The Parties agree.”", "Decides to act. “Article 1. The Parties agree.”"),
])
def test_what_a_resolution_prints_after_its_last_full_stop_stays_with_it(tail, last):
    text = f"The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to renew;\n\n2. Decides to act.\n\n{tail}\n"
    paragraphs, furniture, warnings = _read(text)
    assert paragraphs[-1] == ("OP2", last) and furniture == [] and warnings == []


REAL = sorted(p for root in (FIXTURES, ROOT / "samples") for p in root.rglob("*")
              if p.suffix in (".txt", ".md", ".pdf", ".docx") and p.is_file()
              and p.parent.name != "layouts")  # (made by hand with page text after the text)


def test_every_real_text_reads_as_it_did_before_the_rule(monkeypatch):
    """No real text of the suite ends with page text: the rule changes none of their parses."""
    assert len(REAL) >= 140
    def parses() -> dict[Path, object]:
        out: dict[Path, object] = {}
        for path in REAL:
            try:
                out[path] = parse_file(str(path))
            except Exception as error:  # noqa: BLE001  (a refused file stays refused alike)
                out[path] = str(error)
        return out
    with_rule = parses()
    monkeypatch.setattr(structure, "trailing_text", lambda chunks, quoted: len(chunks))
    assert parses() == with_rule


def test_the_warning_in_the_chinese_interface_lists_the_lines_as_chinese_does():
    from resdiff import i18n
    (document,) = parse_text(SC + "© United Nations\n\nPrivacy policy\n", "page.txt")
    i18n.use("zh")
    try:
        said = [i18n.tr(w) for w in document.warnings]
    finally:
        i18n.use("en")
    assert said == ["文档：第 9、11 行：“© United Nations Privacy policy”在以句号结束全文的最后一个执行段落之后，"
                    "不作为该段的一部分（列为页面附属内容，不比较）"]
