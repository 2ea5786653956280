"""The parser's rules, one by one, and the structure of the sample committee report."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SAMPLE
from resdiff.errors import ParseError
from resdiff.model import ParagraphKind
from resdiff.parse import normalize_symbol, parse_text
from resdiff.parse.structure import _label
from resdiff.model import Item
from resdiff.render.json import render_parse

SCHEMA = json.loads((ROOT / "resdiff" / "schemas" / "parse.schema.json").read_text(encoding="utf-8"))
SAMPLE_ARG = "samples/A_C.2_65_433_second_committee_report_ict_zh.txt"


def only(text: str):
    documents = parse_text(text, "test.txt")
    assert len(documents) == 1
    return documents[0]


# --- the sample -----------------------------------------------------------------------------------


def test_sample_holds_the_two_drafts(sample_documents):
    assert [d.symbol for d in sample_documents] == ["A/C.2/65/L.22", "A/C.2/65/L.56"]
    assert [d.title for d in sample_documents] == ["信息和通信技术促进发展"] * 2
    assert [d.counts() for d in sample_documents] == [(25, 26), (25, 24)]
    assert [len(d.footnotes) for d in sample_documents] == [0, 11]
    assert {d.language for d in sample_documents} == {"zh"}


def test_sample_ids_follow_reading_order_and_printed_numbers(sample_documents):
    for document in sample_documents:
        pp = [p.id for p in document.paragraphs if p.kind is ParagraphKind.PREAMBULAR]
        op = [p for p in document.paragraphs if p.kind is ParagraphKind.OPERATIVE]
        assert pp == [f"PP{i}" for i in range(1, 26)]
        assert [p.id for p in op] == [f"OP{i}" for i in range(1, len(op) + 1)]
        assert [p.number for p in op] == list(range(1, len(op) + 1))
        # The chapeau is not a paragraph, and no paragraph keeps its printed number.
        assert not any(p.text.startswith(("大会", "1.", "“")) for p in document.paragraphs)


def test_sample_sub_paragraphs(sample_documents):
    op19 = sample_documents[0].paragraph("OP19")
    assert [(i.label, i.parent) for i in op19.items] == [("a", None), ("b", None), ("c", None)]
    assert op19.items[0].text.startswith("应增加发展中国家的代表性和声音")
    assert op19.text.endswith("：")


def test_sample_page_break_is_joined(sample_documents):
    joined = [p for p in sample_documents[0].paragraphs if "维尔纽斯" in p.text]
    assert [p.id for p in joined] == ["PP18"]
    assert "2010 年在立陶宛维尔纽斯举行因特网治理论坛" in joined[0].text
    assert joined[0].text.startswith("欢迎各东道国做出努力")


def test_sample_footnotes_are_marks_and_bodies(sample_documents):
    l56 = sample_documents[1]
    assert [f.mark for f in l56.footnotes] == [str(i) for i in range(1, 12)]
    assert l56.footnotes[5].text == "见第 60/1 号决议。"
    used = [m for p in l56.paragraphs for m in p.all_footnotes()]
    assert sorted(set(used), key=int) == [str(i) for i in range(1, 12)]
    assert l56.paragraph("PP3").footnotes == ("1",)
    for paragraph in l56.paragraphs:
        assert not any(ch in paragraph.body for ch in "¹²³⁴⁵⁶⁷⁸⁹")
        assert "见第 60/1 号决议" not in paragraph.body


def test_sample_report_paragraphs_are_not_resolution_paragraphs(sample_documents):
    for document in sample_documents:
        for paragraph in document.paragraphs:
            assert "第二委员会" not in paragraph.text[:20]
            assert "决议草案" not in paragraph.text


def test_sample_golden_json(sample_documents, golden):
    output = render_parse(sample_documents, SAMPLE_ARG)
    jsonschema.validate(json.loads(output), SCHEMA)
    golden("parse_sample.json", output)


def test_sample_text_view_lists_every_paragraph(sample_documents):
    from resdiff.render import RenderOptions
    from resdiff.render.terminal import render_documents

    text = render_documents(sample_documents, RenderOptions(width=100, color=False))
    assert "A/C.2/65/L.56  信息和通信技术促进发展" in text
    assert "language zh · 25 preambular · 24 operative · 11 footnotes" in text
    assert "OP19(c)" in text
    assert "  [6] 见第 60/1 号决议。" in text


# --- symbols --------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw, symbol", [
    ("A/C. 2/65/L. 56", "A/C.2/65/L.56"),
    ("A/C.2/65/L.22", "A/C.2/65/L.22"),
    ("A/RES/ES-11/1", "A/RES/ES-11/1"),
    ("A / 68 / L. 39", "A/68/L.39"),
])
def test_normalize_symbol(raw, symbol):
    assert normalize_symbol(raw) == symbol


def test_symbol_from_running_furniture_not_from_footnotes():
    text = ("The General Assembly,\nRecalling its report,1\n1. Decides to act;\n__________\n"
            "1 A/78/53.\n23-21227 (E) 131123\n*2321227*A/C.3/78/L.41\n2. Requests a report;\n"
            "2/9 23-21227A/C.3/78/L.41\n3. Decides to continue.\n")
    document = only(text)
    assert document.symbol == "A/C.3/78/L.41"
    assert [p.text for p in document.paragraphs] == [
        "Recalling its report,", "Decides to act;", "Requests a report;", "Decides to continue."]
    assert document.paragraph("PP1").footnotes == ("1",)


# --- quotation marks --------------------------------------------------------------------------------


def test_report_quotation_marks_are_removed_but_inner_quotes_kept():
    text = ("1. The Committee adopted draft resolution A/C.2/99/L.1 (see para. 2).\n"
            "2. The Committee recommends to the General Assembly the adoption of the following draft:\n"
            "“The General Assembly,\n"
            "“Recalling its resolution entitled “Information”,\n"
            "“1. Decides to remain seized of the matter.”\n")
    document = only(text)
    assert [p.text for p in document.paragraphs] == [
        "Recalling its resolution entitled “Information”,", "Decides to remain seized of the matter."]
    assert [p.id for p in document.paragraphs] == ["PP1", "OP1"]


# --- page breaks ------------------------------------------------------------------------------------


def test_page_break_inside_a_paragraph_is_joined_and_furniture_dropped():
    text = ("A/RES/99/1\nDistr.: General\n1 January 2030\nResolution adopted by the General Assembly on 1 January 2030\n\n99/1. Test of joins\n\nThe General Assembly,\n"
            "Recalling the obligation of all States to refrain\n"
            "from the threat of force,\n"
            "1. Calls upon all States to desist from actions aimed at the\n"
            "A/RES/99/1 Test of joins\n"
            "2/2 30-00001\n"
            "*3000001*\n"
            "partial or total disruption of the national unity;\n"
            "2. Decides to remain seized of the matter.\n"
            "99th plenary meeting\n")
    document = only(text)
    assert document.symbol == "A/RES/99/1"
    assert document.title == "Test of joins"
    assert document.date == "2030-01-01"
    assert [p.text for p in document.paragraphs] == [
        "Recalling the obligation of all States to refrain from the threat of force,",
        "Calls upon all States to desist from actions aimed at the partial or total disruption of the "
        "national unity;",
        "Decides to remain seized of the matter.",
    ]


def test_a_wrapped_line_opening_like_an_adoption_line_or_annex_is_text():
    # Only a line opening with a capital ends the text ("Adopted by 14 votes", "Annex"): a
    # paragraph wrapped before "adopted by" or "annex to" goes on, and nothing after it is lost.
    text = ("A/RES/99/1\n\nTest\n\nThe General Assembly,\n\n"
            "Bearing in mind resolution CM/Res.1153 (XLVIII) on the Declaration\n"
            "adopted by the Council of Ministers of the Organization of African Unity,\n\n"
            "Noting the measures contained in the\nannex to resolution 60/1,\n\n"
            "1. Decides to continue;\n\n2. Requests a report.\n\nAdopted by 14 votes to none\n")
    document = only(text)
    assert [p.text for p in document.paragraphs] == [
        "Bearing in mind resolution CM/Res.1153 (XLVIII) on the Declaration adopted by the Council of "
        "Ministers of the Organization of African Unity,",
        "Noting the measures contained in the annex to resolution 60/1,",
        "Decides to continue;",
        "Requests a report.",
    ]


def test_chinese_page_break_joins_without_a_space():
    text = "大会，\n欢迎各东道国做出努力，2010 年\n10-12345 (C)\n在立陶宛维尔纽斯举行论坛，\n1. 决定继续审议。\n"
    document = only(text)
    assert document.paragraph("PP1").text == "欢迎各东道国做出努力，2010 年在立陶宛维尔纽斯举行论坛，"
    assert document.counts() == (1, 1)


# --- footnotes --------------------------------------------------------------------------------------


def test_plain_footnote_numbers_become_marks():
    text = ("The General Assembly,\n"
            "Guided by the Universal Declaration of Human Rights,1 the International Covenants2 and\n"
            "other instruments, and the Treaty of 31 May 1997 2  and the Alma-Ata Declaration,\n"
            "Recalling its resolution 77/2283 and the Declaration of 19884 and paragraph 5 of it,\n"
            "1. Takes note of the report of 4.5 million refugees and 22,000 prisoners;\n"
            "__________________\n"
            "1 Resolution 217 A (III).\n"
            "2 Resolution 2200 A (XXI), annex.\n"
            "3 A/78/511.\n"
            "4 A/43/1.\n")
    document = only(text)
    assert document.paragraph("PP1").text == (
        "Guided by the Universal Declaration of Human Rights, the International Covenants and other "
        "instruments, and the Treaty of 31 May 1997 and the Alma-Ata Declaration,")
    assert document.paragraph("PP1").footnotes == ("1", "2", "2")
    assert document.paragraph("PP2").text == (
        "Recalling its resolution 77/228 and the Declaration of 1988 and paragraph 5 of it,")
    assert document.paragraph("PP2").footnotes == ("3", "4")
    assert document.paragraph("OP1").text == "Takes note of the report of 4.5 million refugees and 22,000 prisoners;"
    assert [(f.mark, f.text) for f in document.footnotes] == [
        ("1", "Resolution 217 A (III)."), ("2", "Resolution 2200 A (XXI), annex."), ("3", "A/78/511."),
        ("4", "A/43/1.")]


def test_markdown_footnotes():
    text = ("---\nsymbol: A/RES/99/2\ntitle: \"Markdown test\"\n---\n\nThe General Assembly,\n\n"
            "Recalling the Charter[^1] and the Treaty,2\n\n1. Decides to act.\n\n---\n\n"
            "[^1]: Charter body.\n\n[^2]: Treaty body,\n    continued.\n")
    document = only(text)
    assert document.symbol == "A/RES/99/2"
    assert document.paragraph("PP1").text == "Recalling the Charter and the Treaty,"
    assert document.paragraph("PP1").footnotes == ("1", "2")
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "Charter body."), ("2", "Treaty body, continued.")]


def test_superscript_marks_and_bodies():
    text = "大会，\n回顾其决议，¹\n1. 决定继续审议。²\n¹ 见第 60/1 号决议。\n² 见 A/65/1。\n"
    document = only(text)
    assert document.paragraph("PP1").text == "回顾其决议，"
    assert document.paragraph("OP1").text == "决定继续审议。"
    assert document.paragraph("OP1").footnotes == ("2",)
    assert [f.text for f in document.footnotes] == ["见第 60/1 号决议。", "见 A/65/1。"]


def test_digits_that_are_text_stay():
    text = ("The General Assembly,\nRecalling article 2 of the Charter and paragraphs 2, 3 and 4 of "
            "resolution 60/1, from 3 to 7 March 2022,\n1. Decides to act.\n")
    document = only(text)
    assert document.paragraph("PP1").text.endswith("paragraphs 2, 3 and 4 of resolution 60/1, from 3 to 7 March 2022,")
    assert document.paragraph("PP1").footnotes == ()


# --- sub-paragraphs ---------------------------------------------------------------------------------


def test_letters_after_h_are_letters_not_numerals():
    letters = "abcdefghijk"
    lines = "".join(f"({c}) Item {c};\n" for c in letters)
    document = only(f"The General Assembly,\n1. Decides:\n{lines}2. Decides also.\n")
    op1 = document.paragraph("OP1")
    assert [(i.label, i.parent) for i in op1.items] == [(c, None) for c in letters]
    assert op1.items[8].text == "Item i;"


def test_numerals_nested_under_a_letter():
    text = ("The General Assembly,\n1. Requests:\n(a) To report;\n(b) To consider:\n(i) the first;\n"
            "(ii) the second;\n(iii) the third;\n(c) To continue;\n2. Decides also.\n")
    op1 = only(text).paragraph("OP1")
    assert [(i.label, i.parent) for i in op1.items] == [
        ("a", None), ("b", None), ("i", "b"), ("ii", "b"), ("iii", "b"), ("c", None)]
    assert op1.body.splitlines()[3] == "(i) the first;"


def test_a_list_of_numerals_stands_alone():
    text = "The General Assembly,\n1. Requests:\n(i) one;\n(ii) two;\n(iii) three;\n(iv) four;\n(v) five.\n"
    op1 = only(text).paragraph("OP1")
    assert [(i.label, i.parent) for i in op1.items] == [(x, None) for x in ("i", "ii", "iii", "iv", "v")]


@pytest.mark.parametrize("raw, labels, expected", [
    ("i", ["a", "h"], ("i", None)),
    ("v", ["a", "u"], ("v", None)),
    ("x", ["a", "w"], ("x", None)),
    ("c", ["a", "b"], ("c", None)),
    ("i", ["a", "c"], ("i", "c")),
    ("c", ["a", "b", ("i", "b"), ("ii", "b")], ("c", None)),
    ("v", ["a", "u", ("i", "u"), ("ii", "u"), ("iii", "u"), ("iv", "u")], ("v", "u")),
])
def test_label_by_context(raw, labels, expected):
    items = [Item(x, "") if isinstance(x, str) else Item(x[0], "", (), x[1]) for x in labels]
    assert _label(raw, items) == expected


# --- what is not a resolution -----------------------------------------------------------------------


def test_text_without_resolution_is_a_parse_error():
    with pytest.raises(ParseError, match="no resolution text found") as caught:
        parse_text("Minutes of the meeting.\nThe meeting rose at noon.\n", "minutes.txt")
    assert caught.value.path == "minutes.txt"


@pytest.mark.parametrize(("text", "chapeau"), [
    ("الأمم المتحدة\nهذا نص لا يحتوي على قرار\n", "'إن الجمعية العامة،'"),
    ("Ceci n'est pas une résolution : rien ici.\n", "'L'Assemblée générale,'"),
    ("Esto no es una resolución: nada aquí.\n", "'La Asamblea General,'"),
    ("Это не резолюция.\n", "'Генеральная Ассамблея,'"),
])
def test_the_error_names_the_chapeau_in_the_texts_own_language(text, chapeau):
    # an Arabic user is not told of '大会，' and 'The General Assembly,' only
    with pytest.raises(ParseError) as caught:
        parse_text(text, "x.txt")
    assert str(caught.value) == (
        f"x.txt: no resolution text found: no chapeau such as {chapeau} and no numbered operative paragraphs")


def test_the_error_for_chinese_or_english_names_both_chapeaus():
    with pytest.raises(ParseError) as caught:
        parse_text("Minutes of the meeting.\n", "x.txt")
    assert str(caught.value) == ("x.txt: no resolution text found: no chapeau such as '大会，' or "
                                         "'The General Assembly,' and no numbered operative paragraphs")


def test_a_recommended_draft_is_named_by_the_sentence_pointing_to_its_paragraph():
    from resdiff.parse import parse_file

    from conftest import FIXTURES

    path = FIXTURES / "reports" / "recommended_draft_named_before_see_para_made_by_hand_en.txt"
    (document,) = parse_file(str(path))
    # "adopted draft resolution A/C.2/65/L.61, as orally revised, without a vote (see para. 4)"
    assert document.symbol == "A/C.2/65/L.61"
    assert [p.id for p in document.paragraphs] == ["PP1", "OP1"]


def test_joining_lines_in_one_pass_matches_joining_them_two_at_a_time():
    from resdiff.parse.structure import _join, _join_all

    cases = [["Recalling its", "resolution 64/187,"], ["回顾其 2010 年", "在立陶宛维尔纽斯"], ["a", "", "b"],
             ["", "x", "y"], ["self-", "determination", "and"], ["“大会", "，", "决定"], ["", ""]]
    for lines in cases:
        expected = lines[0]
        for line in lines[1:]:
            expected = _join(expected, line)
        assert _join_all(lines) == expected, lines


def test_the_closing_straight_quote_of_a_draft_quoted_in_an_english_report_is_not_text():
    from resdiff.parse import parse_file

    from conftest import FIXTURES

    first = parse_file(str(FIXTURES / "reports" / "second_committee_report_made_by_hand_en.txt"))[0]
    last = first.paragraphs[-1]
    assert last.text.endswith("the implementation of the present resolution.")


@pytest.mark.parametrize("text, language, first, last", [
    ("L'Assemblée générale,\n\nRappelant sa résolution 64/187,\n\nConsciente de l'importance du sujet,\n\n"
     "1. Décide de poursuivre l'examen de la question.\n", "fr", "Rappelant sa résolution 64/187,",
     "Décide de poursuivre l'examen de la question."),
    ("La Asamblea General,\n\nRecordando su resolución 64/187,\n\nConsciente de la importancia del tema,\n\n"
     "1. Decide seguir examinando la cuestión.\n", "es", "Recordando su resolución 64/187,",
     "Decide seguir examinando la cuestión."),
    ("Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 64/187,\n\nсознавая важность вопроса,\n\n"
     "1. постановляет продолжить рассмотрение вопроса.\n", "ru", "ссылаясь на свою резолюцию 64/187,",
     "постановляет продолжить рассмотрение вопроса."),
    ("إن الجمعية العامة،\n\nإذ تشير إلى قرارها 64/187،\n\nوإذ تدرك أهمية المسألة،\n\n"
     "1. تقرر مواصلة النظر في المسألة.\n", "ar", "إذ تشير إلى قرارها 64/187،", "تقرر مواصلة النظر في المسألة."),
])
def test_the_other_un_languages_parse_by_the_same_rules(text, language, first, last):
    from resdiff.parse import parse_text

    (document,) = parse_text(text, "draft.txt")
    assert document.language == language
    assert document.counts() == (2, 1)
    assert document.paragraphs[0].text == first and document.paragraphs[-1].text == last


def test_drafts_quoted_in_a_report_are_dated_by_its_account(sample_documents):
    # "在 11 月 4 日第 27 次会议上 … 介绍了 … (A/C. 2/65/L. 22)"; "在 11 月 24 日第 31 次会议上 … (A/C. 2/65/L. 56)"
    assert [(d.symbol, d.date) for d in sample_documents] == [
        ("A/C.2/65/L.22", "2010-11-04"), ("A/C.2/65/L.56", "2010-11-24")]


def test_arabic_security_council_text_numbered_with_dashes():
    # Arabic texts number operative paragraphs "1 -"; the Council opens "إن مجلس الأمن،".
    document = only((ROOT / "tests/fixtures/rtl/S_RES_338_1973.ar.edited.txt").read_text(encoding="utf-8"))
    assert document.language == "ar"
    assert [p.id for p in document.paragraphs] == ["PP1", "OP1", "OP2", "OP3", "OP4"]
    assert document.paragraphs[0].body == "وإذ يشير إلى قراره 242 (1967)،"
    assert document.paragraphs[4].body == "يقرر أن يبقي المسألة قيد نظره الفعلي."
    # A dash after a number is a paragraph's number only when a space follows it.
    assert [p.id for p in only("The General Assembly,\n1. Decides 19-10268 stays;\n2 -Notes;\n").paragraphs] == ["OP1"]


# --- the parser's fast searches give exactly what the plain patterns give ------------------------

_LINE_ALPHABET = st.sampled_from(list("AaSZ/.-0123456789 \t,;:()[]^“”'’ELTé大会，。إالمСовет") + [
    "A/RES/80/5", " The General Assembly, ", "L'Assemblée générale,", " 大会，", " 1 ", " 19881 ", "[^2]",
    "77/2285 ", "Declaration4 ", "session,1 ", "Rights, 1 the", "of 1949 2 and", "إن الجمعية العامة،"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINE_ALPHABET, max_size=30).map("".join))
def test_fast_searches_of_the_parser_find_what_the_plain_patterns_find(line):
    import re

    from resdiff.parse import classification, layout, patterns

    def spans(found):
        return found and (found.span(), found.groups())

    assert spans(patterns.glued_symbol(line)) == spans(patterns._GLUED_SYMBOL.search(line))
    plain_inside = re.compile(layout._RUN_ON_INSIDE.pattern.replace(layout._first_letters(patterns._CHAPEAUS), "", 1))
    assert spans(layout._RUN_ON_INSIDE.search(line)) == spans(plain_inside.search(line))
    fast = classification._PLAIN_MARK.pattern
    plain_mark = re.compile(fast[fast.index("(?:"):])  # without the lookahead in front
    assert [m.groupdict() | {"at": m.span()} for m in classification._PLAIN_MARK.finditer(line)] == \
        [m.groupdict() | {"at": m.span()} for m in plain_mark.finditer(line)]
