"""Structure resdiff used to misread: an annex's title run into its first paragraph, the annex of
the omnibus A/RES/79/144 read as one paragraph, parts and sections of multi-part resolutions.
Exact readings of real texts (tests/fixtures) and of generated ones."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.model import ParagraphKind
from resdiff.parse import parse_file, parse_text

runner = CliRunner()
OMNIBUS = ROOT / "tests" / "fixtures" / "omnibus" / "A_RES_79_144.en.txt"


def readings(document, start: int = 0):
    return [(p.id, p.kind.value, p.number, p.text, p.footnotes) for p in document.paragraphs[start:]]


def diff(tmp_path, old: str, new: str, *options: str) -> str:
    (tmp_path / "a.txt").write_text(old, encoding="utf-8")
    (tmp_path / "b.txt").write_text(new, encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "en", "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                   "--width", "100", *options])
    assert result.exit_code == 0, result.output
    return result.stdout.replace(str(tmp_path) + "/", "")


# --- the annex of A/RES/79/144 -------------------------------------------------------------------


def test_the_annex_of_the_omnibus_is_its_title_the_instruction_a_heading_and_paragraph_8():
    # Before: one annex paragraph "Amendments to the terms of reference … Trust Fund Amend
    # paragraph 8 to read: Independent panel 8. The Secretary-General, …": the title, the
    # instruction, the heading and the amended paragraph 8 run together.
    document = parse_file(str(OMNIBUS))[0]
    at = [p.id for p in document.paragraphs].index("Annex H1")
    assert readings(document, at)[:4] == [
        ("Annex H1", "heading", None, "Annex", ()),
        ("Annex H2", "heading", None, "Amendments to the terms of reference of the International Tribunal for the "
                                      "Law of the Sea Trust Fund", ("170",)),
        ("Annex ¶1", "annex", None, "Amend paragraph 8 to read:", ()),
        ("Annex H3", "heading", None, "Independent panel", ()),
    ]
    eight = document.paragraphs[at + 4]
    assert (eight.id, eight.kind, eight.number) == ("Annex 8", ParagraphKind.ANNEX, 8)
    assert eight.text.startswith("The Secretary-General, through the Division for Ocean Affairs and the Law of the Sea")
    assert eight.text.endswith("However, no person from a State with an application before the panel should "
                               "serve on this independent panel.")
    assert len(document.paragraphs) == at + 5
    # "Amend paragraph 8 to read:" announces the paragraph: its number 8 is no gap in a numbering
    # (the one warning: footnote marks the extraction printed apart from their word)
    assert [w for w in document.warnings if "cited by no paragraph" not in w] == []
    assert [f.text for f in document.footnotes if f.mark == "170"] == ["Resolution 55/7, annex I."]


# --- an annex's title, unnumbered, above the annex's first paragraph ------------------------------

RESOLUTION = ("The General Assembly,\n\nRecalling its resolution 1/1,\n\n"
              "1. Adopts the Declaration on the Rights of Peasants and Other People Working in Rural Areas, "
              "annexed to the present resolution;\n\n2. Decides to remain seized of the matter.\n\n"
              "70th plenary meeting\n17 December 2018\n\n")
ANNEX = ("Annex\n\n{title}\n\nThe States Members of the United Nations,\n\n"
         "Recalling the principles proclaimed in the Charter,\n\nHave agreed as follows:\n\nArticle 1\n\n"
         "1. For the purposes of this Declaration, a peasant is any person who engages in agriculture.\n")
TITLE = "Declaration on the Rights of Peasants and Other People Working in Rural Areas"


def test_an_annex_title_above_an_unnumbered_paragraph_is_a_heading_of_its_own():
    # Before: "Annex ¶1  Declaration on the Rights of Peasants … Rural Areas The States Members of
    # the United Nations,"
    document = parse_text(RESOLUTION + ANNEX.format(title=TITLE))[0]
    assert readings(document, 3) == [
        ("Annex H1", "heading", None, "Annex", ()),
        ("Annex H2", "heading", None, TITLE, ()),
        ("Annex ¶1", "annex", None, "The States Members of the United Nations,", ()),
        ("Annex ¶2", "annex", None, "Recalling the principles proclaimed in the Charter,", ()),
        ("Annex ¶3", "annex", None, "Have agreed as follows:", ()),
        ("Annex H3", "heading", None, "Article 1", ()),
        ("Annex 1", "annex", 1, "For the purposes of this Declaration, a peasant is any person who engages in "
                                "agriculture.", ()),
    ]
    assert document.warnings == ()


def test_a_title_wrapped_onto_two_lines_in_a_wrapped_text_and_a_chinese_title():
    wrapped = RESOLUTION + ANNEX.format(
        title="Declaration on the Rights of Peasants and Other People Working\nin Rural Areas").replace(
        "The States Members of the United Nations,\n\nRecalling the principles proclaimed in the Charter,",
        "The States Members of the United Nations, recalling the principles proclaimed\nin the Charter of the "
        "United Nations and the rights of peasants everywhere,")
    document = parse_text(wrapped)[0]
    assert readings(document, 3)[1:3] == [
        ("Annex H2", "heading", None, TITLE, ()),
        ("Annex ¶1", "annex", None, "The States Members of the United Nations, recalling the principles proclaimed "
                                    "in the Charter of the United Nations and the rights of peasants everywhere,", ()),
    ]
    chinese = parse_text("大会，\n\n回顾其第1/1号决议，\n\n1. 通过本决议所附《农民权利宣言》；\n\n2. 决定继续处理此案。\n\n"
                         "附件\n\n农民和农村地区其他劳动者权利宣言\n\n联合国会员国，\n\n回顾《宪章》宣布的各项原则，\n\n兹商定如下：\n")[0]
    assert readings(chinese, 3) == [
        ("Annex H1", "heading", None, "附件", ()),
        ("Annex H2", "heading", None, "农民和农村地区其他劳动者权利宣言", ()),
        ("Annex ¶1", "annex", None, "联合国会员国，", ()),
        ("Annex ¶2", "annex", None, "回顾《宪章》宣布的各项原则，", ()),
        ("Annex ¶3", "annex", None, "兹商定如下：", ()),
    ]


def test_a_paragraph_cut_by_a_page_stays_whole():
    # a line that ends a page mid-sentence, full width, is no title: the paragraph goes on after it
    text = RESOLUTION + ANNEX.format(title=TITLE).replace(
        "The States Members of the United Nations,",
        "The States Members of the United Nations, recalling the principles proclaimed in the\n\n"
        "Charter, and the rights of peasants everywhere, and the rights of rural women and men,")
    document = parse_text(text)[0]
    assert readings(document, 5)[0] == (
        "Annex ¶1", "annex", None, "The States Members of the United Nations, recalling the principles proclaimed "
                                   "in the Charter, and the rights of peasants everywhere, and the rights of rural "
                                   "women and men,", ())


def test_a_changed_annex_title_shows_as_a_changed_heading(tmp_path):
    old = RESOLUTION + ANNEX.format(title=TITLE)
    new = RESOLUTION + ANNEX.format(title=TITLE.replace("Other People", "Other Persons"))
    out = diff(tmp_path, old, new, "--only-changes")
    assert "[modified]  a.txt Annex H2 → b.txt Annex H2" in out
    assert "Declaration on the Rights of Peasants and Other [-People -]{+Persons +}Working in Rural Areas\n" in out
    assert "Annex ¶1" not in out  # the paragraph under it is unchanged



# wrapped text without blank lines (pdftotext's default output, a copy from a PDF viewer)
WRAPPED = ("The General Assembly,\nRecalling its resolution 60/1,\n"
           "1. Adopts the Declaration annexed to the present resolution.\nAnnex\n"
           "Declaration on the rights of peasants\nThe States Members of the United Nations, assembled on this day,\n"
           "reaffirm their commitment to the rights of peasants,\nand therefore:\n"
           "1. Commit to scale up efforts;\n2. Commit to cooperate.\n")
WRAPPED_ZH = ("大会，\n回顾其第 60/1 号决议，\n1. 通过本决议所附《宣言》。\n附件\n农民权利宣言\n"
              "联合国会员国今天在此集会，重申其对农民权利的承诺，并为此目的在各方面作\n出以下承诺：\n"
              "1. 承诺加大努力；\n2. 承诺开展合作。\n")


def test_an_annex_title_in_wrapped_text_without_blank_lines_is_a_heading():
    # Before: "Annex ¶1  Declaration on the rights of peasants The States Members of the United …"
    # (with blank lines between the lines, the same reading as below)
    for text in (WRAPPED, WRAPPED.replace("\n", "\n\n")):
        assert readings(parse_text(text)[0], 2) == [
            ("Annex H1", "heading", None, "Annex", ()),
            ("Annex H2", "heading", None, "Declaration on the rights of peasants", ()),
            ("Annex ¶1", "annex", None, "The States Members of the United Nations, assembled on this day, reaffirm "
                                        "their commitment to the rights of peasants, and therefore:", ()),
            ("Annex 1", "annex", 1, "Commit to scale up efforts;", ()),
            ("Annex 2", "annex", 2, "Commit to cooperate.", ()),
        ]
    assert readings(parse_text(WRAPPED_ZH)[0], 2) == [
        ("Annex H1", "heading", None, "附件", ()),
        ("Annex H2", "heading", None, "农民权利宣言", ()),
        ("Annex ¶1", "annex", None, "联合国会员国今天在此集会，重申其对农民权利的承诺，并为此目的在各方面作出以下承诺：", ()),
        ("Annex 1", "annex", 1, "承诺加大努力；", ()),
        ("Annex 2", "annex", 2, "承诺开展合作。", ()),
    ]
    # a title wrapped onto two lines, and a first paragraph whose first line breaks for want of room
    two = WRAPPED.replace("Declaration on the rights of peasants\n", "Declaration on the rights of peasants and other\n"
                          "people working in rural areas\n").replace(
        "assembled on this day,\nreaffirm", "assembled on this day, in the city\nof New York, reaffirm")
    assert readings(parse_text(two)[0], 3)[:2] == [
        ("Annex H2", "heading", None, "Declaration on the rights of peasants and other people working in rural areas",
         ()),
        ("Annex ¶1", "annex", None, "The States Members of the United Nations, assembled on this day, in the city of "
                                    "New York, reaffirm their commitment to the rights of peasants, and therefore:", ()),
    ]
    assert parse_text(WRAPPED)[0].warnings == parse_text(WRAPPED_ZH)[0].warnings == ()


def test_a_first_paragraph_line_broken_a_little_early_is_no_title_in_wrapped_text():
    # 75 columns and "States’" would fit in the 85 of the widest line: a proportional font's line
    # holds a few characters more or fewer, so only a line short by more than that ends a title
    first = "The States Members of the United Nations, assembled here, recall the Member"
    text = WRAPPED.replace("Declaration on the rights of peasants\nThe States Members of the United Nations, assembled "
                           "on this day,\nreaffirm their commitment to the rights of peasants,\n",
                           first + "\nStates’ commitment to the rights of peasants and of other people working in the "
                           "rural\nareas, ")
    assert readings(parse_text(text)[0], 2)[:2] == [
        ("Annex H1", "heading", None, "Annex", ()),
        ("Annex ¶1", "annex", None, first + " States’ commitment to the rights of peasants and of other people working "
                                            "in the rural areas, and therefore:", ()),
    ]


# --- multi-part resolutions ("A", "B", each with its title; each part numbered from 1) -------------
# Laid out as the General Assembly prints them (A/RES/50/31, "Questions relating to information":
# the resolution's title, then "A", the part's title, "The General Assembly," and the part's
# paragraphs; then "B", its title, the chapeau again, its paragraphs).

PART_A = ("A\n\nInformation in the service of humanity\n\n{chapeau}"
          "Taking note of the comprehensive and important report of the Committee on Information,\n\n"
          "1. Urges all countries to cooperate;\n\n2. Requests the Secretary-General to report.\n\n")
PART_B = ("B\n\nUnited Nations global communications policies and activities\n\n{chapeau}"
          "Emphasizing the role of the Department of Global Communications,\n\n"
          "1. Reaffirms the central role of the Committee on Information;\n\n"
          "2. Requests the Department to continue its work.\n")
CHAPEAU = "The General Assembly,\n\n"
EXPECTED_A = [
    ("H1", "heading", None, "A Information in the service of humanity", ()),
    ("A.PP1", "preambular", None, "Taking note of the comprehensive and important report of the Committee on "
                                  "Information,", ()),
    ("A.OP1", "operative", 1, "Urges all countries to cooperate;", ()),
    ("A.OP2", "operative", 2, "Requests the Secretary-General to report.", ()),
]
EXPECTED_B = [
    ("B.PP1", "preambular", None, "Emphasizing the role of the Department of Global Communications,", ()),
    ("B.OP1", "operative", 1, "Reaffirms the central role of the Committee on Information;", ()),
    ("B.OP2", "operative", 2, "Requests the Department to continue its work.", ()),
]
HEADING_B = ("H2", "heading", None, "B United Nations global communications policies and activities", ())


def test_parts_each_with_its_chapeau_are_one_resolution_with_a_heading_a_part():
    # Before: two documents, "A" and "B" listed as furniture, the parts' titles read as the two
    # documents' titles and compared as nothing, both documents' paragraphs OP1, OP2.
    text = "50/31. Questions relating to information\n\n" + PART_A.format(chapeau=CHAPEAU) + \
        PART_B.format(chapeau=CHAPEAU)
    documents = parse_text(text)
    assert len(documents) == 1
    document = documents[0]
    assert (document.title, document.chapeau) == ("Questions relating to information", "The General Assembly,")
    assert readings(document) == EXPECTED_A + [
        HEADING_B, ("H3", "heading", None, "The General Assembly,", ())] + EXPECTED_B
    assert document.warnings == () and document.furniture == ()


def test_parts_under_one_chapeau_each_with_its_preamble():
    # Before: "B United Nations … activities Emphasizing the role of the Department …" one heading
    # (the part's preamble run into it), ids OP1.2 and OP2.2, and the warning "operative
    # paragraph 1 follows 2".
    text = "Questions relating to information\n\n" + CHAPEAU + "Recalling its resolutions on information,\n\n" + \
        PART_A.format(chapeau="") + PART_B.format(chapeau="")
    document = parse_text(text)[0]
    assert readings(document) == [("PP1", "preambular", None, "Recalling its resolutions on information,", ())] + \
        EXPECTED_A + [HEADING_B] + EXPECTED_B
    assert document.warnings == ()
    only_a = parse_text("Questions relating to information\n\n" + PART_A.format(chapeau=CHAPEAU) +
                        PART_B.format(chapeau=""))[0]
    assert readings(only_a) == EXPECTED_A + [HEADING_B] + EXPECTED_B
    assert only_a.warnings == ()


def test_labels_with_their_titles_and_sections_numbered_anew_inside_a_part():
    text = ("Questions relating to information\n\nA. Information in the service of humanity\n\n" + CHAPEAU +
            "Taking note of the report of the Committee on Information,\n\n"
            "Urges all countries to cooperate and interact with a view to reducing disparities;\n\n"
            "B. United Nations global communications policies and activities\n\n" + CHAPEAU +
            "Emphasizing the role of the Department of Global Communications,\n\n"
            "I\n\nGeneral activities of the Department\n\n1. Reaffirms the role of the Committee;\n\n"
            "2. Requests the Department to continue its work;\n\nII\n\nMultilingualism\n\n"
            "1. Emphasizes the importance of all the official languages;\n\n2. Requests the Department to report.\n")
    document = parse_text(text)[0]
    assert [(p.id, p.text) for p in document.paragraphs] == [
        ("H1", "A. Information in the service of humanity"),
        ("A.PP1", "Taking note of the report of the Committee on Information,"),
        ("A.OP1", "Urges all countries to cooperate and interact with a view to reducing disparities;"),
        ("H2", "B. United Nations global communications policies and activities"),
        ("H3", "The General Assembly,"),
        ("B.PP1", "Emphasizing the role of the Department of Global Communications,"),
        ("H4", "I General activities of the Department"),
        ("B.I.OP1", "Reaffirms the role of the Committee;"),
        ("B.I.OP2", "Requests the Department to continue its work;"),
        ("H5", "II Multilingualism"),
        ("B.II.OP1", "Emphasizes the importance of all the official languages;"),
        ("B.II.OP2", "Requests the Department to report."),
    ]
    assert document.warnings == ()


def test_a_chinese_resolution_in_two_parts():
    text = ("78/100. 与新闻有关的问题\n\nA\n\n新闻为人类服务\n\n大会，\n\n注意到新闻委员会的全面重要报告，\n\n"
            "1. 敦促所有国家进行合作；\n\n2. 请秘书长提交报告。\n\nB\n\n联合国全球传播政策和活动\n\n大会，\n\n"
            "强调全球传播部的作用，\n\n1. 重申新闻委员会的核心作用；\n\n2. 请全球传播部继续开展工作。\n")
    document = parse_text(text)[0]
    assert document.title == "与新闻有关的问题"
    assert [(p.id, p.text) for p in document.paragraphs] == [
        ("H1", "A 新闻为人类服务"), ("A.PP1", "注意到新闻委员会的全面重要报告，"), ("A.OP1", "敦促所有国家进行合作；"),
        ("A.OP2", "请秘书长提交报告。"), ("H2", "B 联合国全球传播政策和活动"), ("H3", "大会，"),
        ("B.PP1", "强调全球传播部的作用，"), ("B.OP1", "重申新闻委员会的核心作用；"), ("B.OP2", "请全球传播部继续开展工作。"),
    ]
    assert document.warnings == ()


def test_a_diff_pairs_each_part_with_itself_and_shows_a_changed_part_heading(tmp_path):
    old = "Questions relating to information\n\n" + PART_A.format(chapeau=CHAPEAU) + PART_B.format(chapeau=CHAPEAU)
    new = old.replace("global communications policies", "communications policies").replace(
        "2. Requests the Department to continue its work.", "2. Requests the Department to continue and expand its work.")
    assert diff(tmp_path, old, new, "--only-changes") == (
        "a.txt → b.txt\n"
        "Questions relating to information\n"
        "7 unchanged  2 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered\n"
        "Changed: 1 body paragraph, 1 heading\n"
        "\n"
        "[modified]  a.txt H2 → b.txt H2  (92% alike)\n"
        "B United Nations [-global -]communications policies and activities\n"
        "\n"
        "[modified]  a.txt B.OP2 → b.txt B.OP2  (87% alike)\n"
        "Requests the Department to continue {+and expand +}its work.\n"
    )


def test_the_json_of_a_multi_part_resolution_meets_the_schema(tmp_path):
    import json

    import jsonschema

    text = "Questions relating to information\n\n" + PART_A.format(chapeau=CHAPEAU) + PART_B.format(chapeau=CHAPEAU)
    (tmp_path / "parts.txt").write_text(text, encoding="utf-8")
    # (a file, not standard input: the process keeps what it read there for the next command)
    result = runner.invoke(app, ["parse", "--format", "json", str(tmp_path / "parts.txt")])
    assert result.exit_code == 0, result.output
    schema = json.loads((ROOT / "resdiff" / "schemas" / "parse.schema.json").read_text(encoding="utf-8"))
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema)
    paragraphs = data["documents"][0]["paragraphs"] if "documents" in data else data[0]["paragraphs"]
    assert [p["id"] for p in paragraphs] == ["H1", "A.PP1", "A.OP1", "A.OP2", "H2", "H3", "B.PP1", "B.OP1", "B.OP2"]


def test_sections_numbered_on_through_the_omnibus_keep_their_ids():
    # A/RES/79/144's sections I to XVI number their paragraphs on (OP1 … OP381): no part labels
    document = parse_file(str(OMNIBUS))[0]
    ops = [p.id for p in document.paragraphs if p.kind is ParagraphKind.OPERATIVE]
    assert ops == [f"OP{n}" for n in range(1, 382)]
    assert [p.id for p in document.paragraphs if p.kind is ParagraphKind.PREAMBULAR] == [f"PP{n}" for n in range(1, 39)]
    assert document.paragraph("H12").text == ("XII Regular Process for Global Reporting and Assessment of the State "
                                              "of the Marine Environment, including Socioeconomic Aspects")


def test_sections_of_a_part_each_with_the_chapeau_again():
    # "Questions of American Samoa, Anguilla, …": part B's sections, one a Territory, each open
    # with "The General Assembly," again; before, each section was a document of its own
    text = ("Questions of American Samoa, Anguilla, Bermuda\n\nA. General\n\n" + CHAPEAU +
            "Having considered the questions of the Non-Self-Governing Territories,\n\n"
            "1. Reaffirms the inalienable right of the peoples of the Non-Self-Governing Territories;\n\n"
            "2. Requests the Special Committee to continue.\n\nB. Individual Territories\n\n" + CHAPEAU +
            "Referring to resolution A above,\n\nI. American Samoa\n\n" + CHAPEAU +
            "Taking note of the working paper prepared by the Secretariat on American Samoa,\n\n"
            "1. Reaffirms the inalienable right of the people of American Samoa;\n\n"
            "2. Requests the administering Power to assist.\n\nII. Anguilla\n\n" + CHAPEAU +
            "Taking note of the working paper on Anguilla,\n\n"
            "1. Reaffirms the inalienable right of the people of Anguilla.\n")
    documents = parse_text(text)
    assert len(documents) == 1
    assert [(p.id, p.text) for p in documents[0].paragraphs] == [
        ("H1", "A. General"),
        ("A.PP1", "Having considered the questions of the Non-Self-Governing Territories,"),
        ("A.OP1", "Reaffirms the inalienable right of the peoples of the Non-Self-Governing Territories;"),
        ("A.OP2", "Requests the Special Committee to continue."),
        ("H2", "B. Individual Territories"), ("H3", "The General Assembly,"),
        ("B.PP1", "Referring to resolution A above,"),
        ("H4", "I. American Samoa"), ("H5", "The General Assembly,"),
        ("B.I.PP1", "Taking note of the working paper prepared by the Secretariat on American Samoa,"),
        ("B.I.OP1", "Reaffirms the inalienable right of the people of American Samoa;"),
        ("B.I.OP2", "Requests the administering Power to assist."),
        ("H6", "II. Anguilla"), ("H7", "The General Assembly,"),
        ("B.II.PP1", "Taking note of the working paper on Anguilla,"),
        ("B.II.OP1", "Reaffirms the inalienable right of the people of Anguilla."),
    ]
    assert documents[0].warnings == () and documents[0].furniture == ()


def test_a_text_in_sections_each_with_the_chapeau():
    text = ("Special subjects relating to the proposed programme budget\n\nI\n\nCapital master plan\n\n" + CHAPEAU +
            "Recalling its resolution 57/292,\n\n1. Takes note of the report;\n\n2. Requests a report.\n\n"
            "II\n\nSafety and security\n\n" + CHAPEAU + "Recalling its resolution 59/276,\n\n"
            "1. Approves the proposals.\n")
    document = parse_text(text)[0]
    assert document.title == "Special subjects relating to the proposed programme budget"
    assert [p.id for p in document.paragraphs] == [
        "H1", "I.PP1", "I.OP1", "I.OP2", "H2", "H3", "II.PP1", "II.OP1"]
    assert (document.paragraph("H1").text, document.paragraph("H2").text) == (
        "I Capital master plan", "II Safety and security")


def test_a_gap_in_a_part_s_numbering_names_the_part(tmp_path):
    text = "Questions relating to information\n\n" + PART_A.format(chapeau=CHAPEAU) + \
        PART_B.format(chapeau=CHAPEAU).replace("2. Requests the Department", "3. Requests the Department")
    document = parse_text(text)[0]
    assert [p.id for p in document.paragraphs][-2:] == ["B.OP1", "B.OP3"]
    assert document.warnings == (
        "document: operative paragraph 3 of part B follows 1 (after B.OP1): a paragraph may be missing or misread",)
    (tmp_path / "parts.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "zh", "parse", str(tmp_path / "parts.txt")])
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"resdiff：警告：{tmp_path / 'parts.txt'}：文档：B 部分执行部分第 3 段紧接第 1 段"
                             "（在 B.OP1 之后）：可能缺少段落或误读\n")


def test_a_two_part_draft_quoted_in_a_report_is_one_draft():
    # Before: two drafts, titled "“Information in the service of humanity" and "“United Nations
    # global communications …", the "“A" and "“B" lines listed as furniture
    quoted = "\n\n".join("“" + block for block in (
        PART_A.format(chapeau=CHAPEAU) + PART_B.format(chapeau=CHAPEAU)).strip().split("\n\n")) + "”\n"
    text = ("Report of the Special Political and Decolonization Committee (Fourth Committee)\n\n"
            "5. The Fourth Committee recommends to the General Assembly the adoption of the following draft "
            "resolution:\n\nQuestions relating to information\n\n" + quoted)
    documents = parse_text(text)
    assert len(documents) == 1
    assert documents[0].title == "Questions relating to information"
    assert readings(documents[0]) == EXPECTED_A + [
        HEADING_B, ("H3", "heading", None, "The General Assembly,", ())] + EXPECTED_B


def _characters(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace())


@pytest.mark.parametrize("layout", ["chapeau in each part", "chapeau once", "sections"])
def test_every_character_of_a_multi_part_resolution_is_read(layout):
    # every character is in a paragraph, a heading, the title, the chapeau or the furniture, but
    # the operative numbers' full stops (the numbers are the paragraphs' ids)
    text = "Questions relating to information\n\n" + {
        "chapeau in each part": PART_A.format(chapeau=CHAPEAU) + PART_B.format(chapeau=CHAPEAU),
        "chapeau once": CHAPEAU + "Recalling its resolutions,\n\n" + PART_A.format(chapeau="") +
                        PART_B.format(chapeau=""),
        "sections": PART_A.format(chapeau=CHAPEAU).replace("A\n\n", "I\n\n", 1) +
                    PART_B.format(chapeau=CHAPEAU).replace("B\n\n", "II\n\n", 1),
    }[layout]
    document = parse_text(text)[0]
    read = [document.title or "", document.chapeau or "", *document.furniture]
    read += [f"{p.number or ''}{p.text}" for p in document.paragraphs]
    numbers = sum(1 for p in document.paragraphs if p.number is not None)
    assert _characters(text) - _characters("".join(read)) == Counter({".": numbers})
    assert _characters("".join(read)) - _characters(text) == Counter()


PDF_PARTS = """United Nations A/RES/78/100 A–B
General Assembly Distr.: General
14 December 2023
23-24967 (E) 141223
*2324967*
Seventy-eighth session
Agenda item 60
Resolutions adopted by the General Assembly on 7 December 2023
[on the report of the Special Political and Decolonization Committee
(Fourth Committee) (A/78/411)]
78/100. Questions relating to information
A
Information in the service of humanity
The General Assembly,
Taking note of the comprehensive and important report of the Committee on
Information,
1. Urges all countries, organizations of the United Nations system as a whole
and all others concerned to cooperate;
2. Requests the Secretary-General to report to the General Assembly at its
seventy-ninth session.
A/RES/78/100 A–B Questions relating to information
2/3 23-24967
B
United Nations global communications policies and activities
The General Assembly,
Emphasizing the role of the Department of Global Communications of the
Secretariat,
1. Reaffirms the central role of the Committee on Information in United Nations
public information policies and activities;
2. Requests the Department to continue its work in all the official languages.
46th plenary meeting
7 December 2023
"""


def test_parts_in_a_wrapped_pdf_text_with_a_page_break_between_them():
    # no blank lines: part B's "1." after its preamble starts a paragraph though the count of
    # the text had reached 3 (it was read into B.PP1)
    document = parse_text(PDF_PARTS)[0]
    assert (document.symbol, document.title) == ("A/RES/78/100 A-B", "Questions relating to information")
    assert [(p.id, p.text) for p in document.paragraphs] == [
        ("H1", "A Information in the service of humanity"),
        ("A.PP1", "Taking note of the comprehensive and important report of the Committee on Information,"),
        ("A.OP1", "Urges all countries, organizations of the United Nations system as a whole and all others "
                  "concerned to cooperate;"),
        ("A.OP2", "Requests the Secretary-General to report to the General Assembly at its seventy-ninth session."),
        ("H2", "B United Nations global communications policies and activities"),
        ("H3", "The General Assembly,"),
        ("B.PP1", "Emphasizing the role of the Department of Global Communications of the Secretariat,"),
        ("B.OP1", "Reaffirms the central role of the Committee on Information in United Nations public information "
                  "policies and activities;"),
        ("B.OP2", "Requests the Department to continue its work in all the official languages."),
    ]
    assert "line 21: A/RES/78/100 A–B Questions relating to information" in document.furniture
    assert "line 22: 2/3 23-24967" in document.furniture
    assert document.warnings == ()
