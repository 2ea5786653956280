"""Structure resdiff used to misread: an annex's title run into its first paragraph, the annex of
the omnibus A/RES/79/144 read as one paragraph, parts and sections of multi-part resolutions.
Exact readings of real texts (tests/fixtures) and of generated ones."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import ROOT
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
    assert document.warnings == ()
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
