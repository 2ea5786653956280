"""Paragraph forms a negotiated text uses that must never be read as something else: "N bis."
after footnote N is a paragraph, not footnote N printed again (in a Word file, a .doc, a PDF).
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import CORPUS, ROOT
from helpers import run_command

from resdiff.parse import parse_file, parse_text, pdf

BIS_AFTER_NOTE = ("The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act;1\n\n"
                  "1 bis. Invites States to cooperate;\n\n2. Decides to remain seized of the matter.\n\n"
                  "__________\n1 See A/60/1.\n")
BIS_AFTER_NOTE_ZH = ("大会，\n\n回顾其第 60/1 号决议，\n\n1. 决定采取行动；1\n\n1 之二. 请各国合作；\n\n"
                     "2. 决定继续处理此案。\n\n__________\n1 见 A/60/1。\n")


def _rows(document):
    return [(p.id, p.text, tuple(p.footnotes)) for p in document.paragraphs]


@pytest.mark.parametrize(("text", "rows"), [
    (BIS_AFTER_NOTE, [("PP1", "Recalling its resolution 60/1,", ()), ("OP1", "Decides to act;", ("1",)),
                      ("OP1bis", "Invites States to cooperate;", ()),
                      ("OP2", "Decides to remain seized of the matter.", ())]),
    (BIS_AFTER_NOTE_ZH, [("PP1", "回顾其第 60/1 号决议，", ()), ("OP1", "决定采取行动；", ("1",)),
                         ("OP1bis", "请各国合作；", ()), ("OP2", "决定继续处理此案。", ())]),
])
def test_an_inserted_paragraph_after_its_footnote_is_no_footnote_in_word(tmp_path, text, rows):
    source = tmp_path / "fb3.txt"
    source.write_text(text, encoding="utf-8")
    # resdiff's own Word report of the text against itself: the footnote's body is printed right
    # after OP1, just above "1 bis."
    result = run_command("diff", str(source), str(source), "-o", str(tmp_path / "fb3.docx"))
    assert result.returncode == 0, result.stderr
    from_text = parse_text(text)[0]
    from_word = parse_file(str(tmp_path / "fb3.docx"))[0]
    assert _rows(from_text) == _rows(from_word) == rows
    assert [(f.mark, f.text) for f in from_word.footnotes] == [(f.mark, f.text) for f in from_text.footnotes]
    assert from_word.warnings == ()
    stat = run_command("diff", str(source), str(tmp_path / "fb3.docx"), "--stat", "--exit-code")
    assert stat.returncode == 0, stat.stdout + stat.stderr
    assert stat.stderr == ""
    # the Word report of the paragraph's insertion (a tracked insertion), read back
    before = tmp_path / "fb0.txt"
    before.write_text("\n\n".join(chunk for chunk in text.split("\n\n") if not chunk.startswith("1 ")), encoding="utf-8")
    assert run_command("diff", str(before), str(source), "-o", str(tmp_path / "tracked.docx")).returncode == 0
    assert _rows(parse_file(str(tmp_path / "tracked.docx"))[0]) == rows


def test_bis_lines_under_footnotes_in_the_text_forms():
    # footnote lines printed as Word writes them out ("¹ See …"), then "1 bis." with and without
    # its full stop, and "1bis."
    for bis, pid in (("1 bis. Invites States;", "OP1bis"), ("1bis. Invites States;", "OP1bis")):
        text = (f"The General Assembly,\n\nRecalling x,\n\n1. Decides to act;¹\n\n¹ See A/60/1.\n\n{bis}\n\n"
                "2. Decides to remain seized of the matter.\n")
        document = parse_text(text)[0]
        assert [p.id for p in document.paragraphs] == ["PP1", "OP1", pid, "OP2"], bis
        assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See A/60/1.")]
    # without its full stop it is still no footnote: read into OP1 (as in any text), and said
    text = ("The General Assembly,\n\nRecalling x,\n\n1. Decides to act;¹\n\n¹ See A/60/1.\n\n"
            "1 bis Invites States;\n\n2. Decides to remain seized of the matter.\n")
    document = parse_text(text)[0]
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See A/60/1.")]
    assert "Invites States;" in " ".join(p.text for p in document.paragraphs)
    assert any("1 bis" in str(w) for w in document.warnings)


def test_the_real_draft_with_an_inserted_paragraph_read_back_from_word(tmp_path):
    lines = (CORPUS / "en/A_C.3_78_L.41.en.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index("12. Calls upon the Islamic Republic of Iran to ensure, in law and in practice,")
    lines[at:at] = ["11 bis. Urges the release of all those arbitrarily detained;", ""]
    source = tmp_path / "l41b.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    result = run_command("diff", str(source), str(source), "-o", str(tmp_path / "l41b.docx"))
    assert result.returncode == 0, result.stderr
    word = parse_file(str(tmp_path / "l41b.docx"))[0]
    assert [p.id for p in word.paragraphs if p.id.startswith("OP11")] == ["OP11", "OP11bis"]
    assert len(word.footnotes) == 13
    stat = run_command("diff", str(source), str(tmp_path / "l41b.docx"), "--exit-code", "--only-changes")
    assert stat.returncode == 0, stat.stdout + stat.stderr


def test_the_pdf_reading_of_the_word_file_keeps_the_inserted_paragraph():
    # A PDF of the Word file (LibreOffice's) reads as this text: the footnote, printed at the
    # page's foot with no rule, after the last paragraph; "1 bis." opens a printed line and a
    # paragraph, right after the paragraph ending with mark 1.
    assert pdf._starts_paragraph(pdf._Line(0, 72, 12, ["1 bis. Invites States to cooperate;"]),
                                 "1 bis. Invites States to cooperate;", 72)
    text = ("The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act;¹\n\n"
            "1 bis. Invites States to cooperate;\n\n2. Decides to remain seized of the matter.\n\n1 See A/60/1.\n")
    document = parse_text(text)[0]
    assert _rows(document) == [("PP1", "Recalling its resolution 60/1,", ()), ("OP1", "Decides to act;", ("1",)),
                               ("OP1bis", "Invites States to cooperate;", ()),
                               ("OP2", "Decides to remain seized of the matter.", ())]
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See A/60/1.")]


# --- "(b bis)": a sub-paragraph inserted after (b) ------------------------------------------------

ITEMS = "The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Requests:\n(a) A report;\n(b) A plan;\n{bis}(c) A budget.\n"
ITEMS_ZH = "大会，\n\n回顾其第 60/1 号决议，\n\n1. 请：\n(a) 一份报告；\n(b) 一项计划；\n{bis}(c) 一份预算。\n"


def test_a_bis_sub_paragraph_is_its_own():
    document = parse_text(ITEMS.format(bis="(b bis) A timetable;\n(b ter) A list;\n"))[0]
    assert [(i.label, i.text, i.parent) for i in document.paragraphs[1].items] == [
        ("a", "A report;", None), ("b", "A plan;", None), ("b bis", "A timetable;", None),
        ("b ter", "A list;", None), ("c", "A budget.", None)]
    assert document.warnings == ()
    zh = parse_text(ITEMS_ZH.format(bis="（b 之二）一份时间表；\n"))[0]
    assert [(i.label, i.printed) for i in zh.paragraphs[1].items] == [
        ("a", "a"), ("b", "b"), ("b bis", "b 之二"), ("c", "c")]
    assert zh.paragraphs[1].body == "请：\n(a) 一份报告；\n(b) 一项计划；\n(b 之二) 一份时间表；\n(c) 一份预算。"
    assert zh.warnings == ()
    # nested: "(ii bis)" sits where (ii) does
    nested = parse_text("The General Assembly,\n\nRecalling x,\n\n1. Requests:\n(a) A report on:\n(i) costs;\n"
                        "(ii) staff;\n(ii bis) travel;\n(b) A plan.\n")[0]
    assert [(i.label, i.parent) for i in nested.paragraphs[1].items] == [
        ("a", None), ("i", "a"), ("ii", "a"), ("ii bis", "a"), ("b", None)]


def test_a_diff_shows_the_bis_sub_paragraph_added(tmp_path):
    for text, bis, alike, body in (
            (ITEMS, "(b bis) A timetable;\n", "81%",
             ["Requests:", "(a) A report;", "(b) A plan;", "{+(b bis) A timetable;", "+}(c) A budget."]),
            (ITEMS_ZH, "（b 之二）一份时间表；\n", "82%",
             ["请：", "(a) 一份报告；", "(b) 一项计划；", "{+(b 之二) 一份时间表；", "+}(c) 一份预算。"])):
        (tmp_path / "cb0.txt").write_text(text.format(bis=""), encoding="utf-8")
        (tmp_path / "cb1.txt").write_text(text.format(bis=bis), encoding="utf-8")
        result = run_command("diff", str(tmp_path / "cb0.txt"), str(tmp_path / "cb1.txt"), "--only-changes")
        assert result.stderr == ""
        assert result.stdout.split("\n")[1:] == [
            "1 unchanged  1 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered",
            "Changed: 1 body paragraph, 1 sub-paragraph",
            "",
            f"[modified]  cb0.txt OP1 → cb1.txt OP1  ({alike} alike)",
            "Sub-paragraphs: OP1(b bis) added",
            *body, ""]


def test_a_bis_sub_paragraph_out_of_place_is_a_warning():
    document = parse_text("The General Assembly,\n\nRecalling x,\n\n1. Requests:\n(a) A report;\n(c bis) A plan;\n")[0]
    assert [str(w) for w in document.warnings] == [
        "document: OP1 has sub-paragraph (c bis) after (a), not after (c): a sub-paragraph may be missing or misread"]



# --- annexes under other labels ------------------------------------------------------------------

APPENDIX = ("The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Adopts the terms of reference annexed hereto;\n\n"
            "2. Requests a report.\n\n{label}\n\nTerms of reference of the panel\n\n"
            "1. The panel shall consist of five experts.\n\n2. The panel shall meet twice a year.\n")


@pytest.mark.parametrize("label", ["Appendix", "Annexes", "Attachment", "Enclosure", "ENCLOSURE", "Appendix II",
                                   "Appendice", "Apéndice", "Anexo", "Приложение", "المرفق", "مرفق", "附录", "附件一"])
def test_an_annex_under_another_label_is_an_annex(label):
    document = parse_text(APPENDIX.format(label=label))[0]
    assert [(p.id, p.text) for p in document.paragraphs] == [
        ("PP1", "Recalling its resolution 60/1,"), ("OP1", "Adopts the terms of reference annexed hereto;"),
        ("OP2", "Requests a report."), ("Annex H1", label), ("Annex H2", "Terms of reference of the panel"),
        ("Annex 1", "The panel shall consist of five experts."), ("Annex 2", "The panel shall meet twice a year.")]
    assert document.warnings == ()


def test_an_appendix_in_chinese():
    text = ("大会，\n\n回顾其第 60/1 号决议，\n\n1. 通过本决议所附职权范围；\n\n2. 请提交报告。\n\n附录\n\n小组职权范围\n\n"
            "1. 小组由五名专家组成。\n\n2. 小组每年举行两次会议。\n")
    document = parse_text(text)[0]
    assert [p.id for p in document.paragraphs] == ["PP1", "OP1", "OP2", "Annex H1", "Annex H2", "Annex 1", "Annex 2"]
    assert document.paragraphs[2].text == "请提交报告。"
    assert document.warnings == ()


def test_the_words_in_running_text_stay_text():
    # a paragraph's line wrapped before the word is no annex
    text = ("The General Assembly,\n\nRecalling x,\n\n1. Adopts the terms of reference contained in the\n"
            "Appendix to the report of the panel;\n\n2. Requests a report.\n")
    document = parse_text(text)[0]
    assert [(p.id, p.text) for p in document.paragraphs] == [
        ("PP1", "Recalling x,"),
        ("OP1", "Adopts the terms of reference contained in the Appendix to the report of the panel;"),
        ("OP2", "Requests a report.")]


# --- "2 bis." in an annex -----------------------------------------------------------------------

ANNEX_BIS = ("The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Adopts the principles annexed hereto.\n\n"
             "Annex\n\nPrinciples\n\n1. States shall respect human rights.\n\n2. States shall cooperate.\n\n"
             "{bis}3. States shall report.\n")


def test_an_inserted_annex_paragraph_is_its_own(tmp_path):
    document = parse_text(ANNEX_BIS.format(bis="2 bis. States shall share data.\n\n"))[0]
    assert [(p.id, p.number, p.text) for p in document.paragraphs[2:]] == [
        ("Annex H1", None, "Annex"), ("Annex H2", None, "Principles"),
        ("Annex 1", 1, "States shall respect human rights."), ("Annex 2", 2, "States shall cooperate."),
        ("Annex 2bis", None, "States shall share data."), ("Annex 3", 3, "States shall report.")]
    assert document.warnings == ()
    zh = parse_text("大会，\n\n回顾其第 60/1 号决议，\n\n1. 通过所附原则。\n\n附件\n\n原则\n\n1. 各国应尊重人权。\n\n"
                    "2. 各国应合作。\n\n2 之二. 各国应分享数据。\n\n3. 各国应报告。\n")[0]
    assert [(p.id, p.text) for p in zh.paragraphs[-2:]] == [("Annex 2bis", "各国应分享数据。"), ("Annex 3", "各国应报告。")]
    (tmp_path / "ana.txt").write_text(ANNEX_BIS.format(bis=""), encoding="utf-8")
    (tmp_path / "anb.txt").write_text(ANNEX_BIS.format(bis="2 bis. States shall share data.\n\n"), encoding="utf-8")
    result = run_command("diff", str(tmp_path / "ana.txt"), str(tmp_path / "anb.txt"), "--only-changes")
    assert result.stderr == ""
    assert result.stdout.split("\n")[1:] == [
        "7 unchanged  0 modified  1 added  0 removed  0 merged  0 split  0 moved  0 renumbered",
        "Changed: 1 annex paragraph", "", "[added]  anb.txt Annex 2bis", "{+States shall share data.+}", ""]
    result = run_command("parse", str(tmp_path / "anb.txt"), "--format", "json")
    assert result.returncode == 0
    assert '"id": "Annex 2bis"' in result.stdout
    jsonschema.validate(json.loads(result.stdout), json.loads((ROOT / "resdiff/schemas/parse.schema.json").read_text()))


# --- two drafts in one file, each with its masthead ----------------------------------------------

L12 = ("United Nations A/C.3/80/L.12\nGeneral Assembly Distr.: Limited\n20 October 2025\nThird Committee\n"
       "Agenda item 71 (c)\nAlbania and Canada: draft resolution\nSituation of human rights in Somewhere\n"
       "The General Assembly,\nGuided by the Charter,\n1. Decides to act;\n2. Requests a report.\n")
L12_ZH = ("联合国 A/C.3/80/L.12\n大会 Distr.: Limited\n2025 年 10 月 20 日\n第三委员会\n议程项目 71(c)\n"
          "阿尔巴尼亚和加拿大：决议草案\n某地人权状况\n大会，\n遵循《联合国宪章》，\n1. 决定采取行动；\n2. 请提交报告。\n")


def test_a_second_draft_with_its_own_masthead_is_named_by_it(tmp_path):
    rev1 = L12.replace("A/C.3/80/L.12", "A/C.3/80/L.12/Rev.1").replace("20 October", "27 October").replace(
        "Decides to act", "Decides firmly to act")
    both = parse_text(L12 + rev1)
    assert [(d.symbol, d.date, d.paragraphs[1].text) for d in both] == [
        ("A/C.3/80/L.12", "2025-10-20", "Decides to act;"), ("A/C.3/80/L.12/Rev.1", "2025-10-27", "Decides firmly to act;")]
    assert [d.furniture for d in both] == [
        ("line 1: United Nations A/C.3/80/L.12", "line 2: General Assembly Distr.: Limited", "line 3: 20 October 2025",
         "line 4: Third Committee"),
        ("line 12: United Nations A/C.3/80/L.12/Rev.1", "line 13: General Assembly Distr.: Limited",
         "line 14: 27 October 2025", "line 15: Third Committee")]
    zh = parse_text(L12_ZH + L12_ZH.replace("A/C.3/80/L.12", "A/C.3/80/L.12/Rev.1"))
    assert [d.symbol for d in zh] == ["A/C.3/80/L.12", "A/C.3/80/L.12/Rev.1"]
    (tmp_path / "both.txt").write_text(L12 + rev1, encoding="utf-8")
    result = run_command("diff", str(tmp_path / "both.txt"), "--old", "L.12", "--new", "Rev.1", "--only-changes")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == "A/C.3/80/L.12 (2025-10-20) → A/C.3/80/L.12/Rev.1 (2025-10-27)"
    assert "[modified]  L.12 OP1 → L.12/Rev.1 OP1  (75% alike)\nDecides {+firmly +}to act;" in result.stdout


def test_a_second_text_without_a_masthead_keeps_the_files_symbol():
    # two texts under one masthead (the second with no masthead of its own) both bear its symbol
    text = L12 + "\nThe General Assembly,\nNoting x,\n1. Decides to act;\n2. Requests a report.\n"
    assert [d.symbol for d in parse_text(text)] == ["A/C.3/80/L.12", "A/C.3/80/L.12"]
