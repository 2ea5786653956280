"""Operative numbers typed without their full stop ("1 Decides …", "1<TAB>Decides …", "1 决定…"),
as a Word list pasted as text or a web copy gives them: operative paragraphs, never a footnote's
body. Before, with a footnote mark 1 cited, "1 Decides to continue;" was read as footnote 1, the
footnote "1 See resolution 60/1." as OP1 and "2 Requests a report." as preambular PP2; without
footnotes "1 Decides …" was PP2, no warning."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse import parse_text

runner = CliRunner()


def rows(text: str):
    document = parse_text(text)[0]
    assert document.warnings == ()
    return ([(p.id, p.number, p.text, p.footnotes) for p in document.paragraphs],
            [(f.mark, f.text) for f in document.footnotes])


@pytest.mark.parametrize("gap", [" ", "\t", "  ", "\u3000"])
def test_english_numbers_without_full_stop_and_a_footnote_one(gap):
    text = (f"The General Assembly,\n\nRecalling its resolution 60/1,1\n\n1{gap}Decides to continue;\n\n"
            f"2{gap}Requests a report.\n\n1 See resolution 60/1.\n")
    assert rows(text) == (
        [("PP1", None, "Recalling its resolution 60/1,", ("1",)), ("OP1", 1, "Decides to continue;", ()),
         ("OP2", 2, "Requests a report.", ())],
        [("1", "See resolution 60/1.")],
    )


def test_chinese_numbers_without_full_stop():
    text = "大会，\n\n回顾其第 60/1 号决议，1\n\n1 决定继续审议该问题；\n\n2 请秘书长提交报告。\n\n1 见第 60/1 号决议。\n"
    assert rows(text) == (
        [("PP1", None, "回顾其第 60/1 号决议，", ("1",)), ("OP1", 1, "决定继续审议该问题；", ()),
         ("OP2", 2, "请秘书长提交报告。", ())],
        [("1", "见第 60/1 号决议。")],
    )


def test_without_footnotes_and_mixed_with_typed_numbers():
    text = ("The General Assembly,\n\nRecalling its resolution 60/1,\n\n1 Decides to continue;\n\n"
            "2. Requests a report;\n\n3 Decides to remain seized of the matter.\n")
    assert rows(text)[0] == [
        ("PP1", None, "Recalling its resolution 60/1,", ()), ("OP1", 1, "Decides to continue;", ()),
        ("OP2", 2, "Requests a report;", ()), ("OP3", 3, "Decides to remain seized of the matter.", ()),
    ]


def test_a_number_out_of_sequence_or_without_a_verb_stays_text():
    # "5 Requests" after OP1 is not the next number; "2 December" no verb: neither is a number
    text = ("The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act on\n"
            "5 Requests made in 2020 and on\n2 December 2023 to continue.\n")
    assert rows(text)[0] == [
        ("PP1", None, "Recalling its resolution 60/1,", ()),
        ("OP1", 1, "Decides to act on 5 Requests made in 2020 and on 2 December 2023 to continue.", ()),
    ]


def test_parse_prints_them_as_operative(tmp_path):
    (tmp_path / "fe6.txt").write_text("The General Assembly,\n\nRecalling its resolution 60/1,1\n\n1 Decides to continue;"
                                      "\n\n2 Requests a report.\n\n1 See resolution 60/1.\n", encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "en", "parse", str(tmp_path / "fe6.txt")])
    assert result.exit_code == 0, result.output
    assert result.stdout.replace(str(tmp_path) + "/", "") == (
        "fe6.txt\n"
        "language en · 1 preambular · 2 operative · 1 footnote\n"
        "The General Assembly,\n"
        "id   kind        text                            notes\n"
        "PP1  preambular  Recalling its resolution 60/1,  fn 1 \n"
        "OP1  operative   Decides to continue;                 \n"
        "OP2  operative   Requests a report.                   \n"
        "  [1] See resolution 60/1.\n"
    )


WARNED = ("{name}: line {line}: “{text}” looks like operative paragraph {number} but follows {previous}: read as "
          "text, not as a paragraph (a number without its full stop is read only in sequence)")


@pytest.mark.parametrize("blank", ["\n", ""])
def test_a_number_out_of_sequence_after_a_paragraphs_end_is_warned(blank):
    # Before: "5 Decides …" read into OP2 as its words, no warning
    english = parse_text(f"The General Assembly,\n{blank}Recalling its resolution 60/1,\n{blank}1 Decides to continue;\n"
                         f"{blank}2 Requests a report;\n{blank}5 Decides to remain seized of the matter.\n")[0]
    line = 9 if blank else 5
    assert [(p.id, p.text) for p in english.paragraphs][-1] == (
        "OP2", "Requests a report; 5 Decides to remain seized of the matter.")
    assert [str(w) for w in english.warnings] == [WARNED.format(
        name="document", line=line, text="5 Decides to remain seized of the matter…", number=5, previous="OP2")]
    chinese = parse_text(f"大会，\n{blank}回顾其第 60/1 号决议，\n{blank}1 决定继续审议该问题；\n{blank}2 请秘书长提交报告；\n"
                         f"{blank}5 决定继续处理此案。\n")[0]
    assert [(p.id, p.text) for p in chinese.paragraphs][-1] == ("OP2", "请秘书长提交报告；5 决定继续处理此案。")
    assert [str(w) for w in chinese.warnings] == [WARNED.format(
        name="document", line=line, text="5 决定继续处理此案。", number=5, previous="OP2")]


def test_a_number_out_of_sequence_right_after_the_preamble_is_warned(tmp_path):
    (tmp_path / "p.txt").write_text("大会，\n\n回顾其第 60/1 号决议，\n\n3 决定继续审议该问题；\n\n4. 请秘书长提交报告。\n",
                                    encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "zh", "parse", str(tmp_path / "p.txt")])
    assert result.exit_code == 0, result.output
    assert result.stderr.replace(str(tmp_path) + "/", "") == (
        "resdiff：警告：p.txt：文档：执行部分第 4 段之前没有段落（位于开头）：可能缺少段落或误读\n"
        "resdiff：警告：p.txt：文档：第 5 行：“3 决定继续审议该问题；”看似执行部分第 3 段，但位于序言之后：作为文字读取，"
        "不作为单独段落（不带句点的编号只在顺序相接时读作段号）\n")
    result = runner.invoke(app, ["--ui-lang", "en", "parse", str(tmp_path / "p.txt")])
    assert result.stderr.replace(str(tmp_path) + "/", "").split("\n")[1] == "resdiff: warning: p.txt: " + WARNED.format(
        name="document", line=5, text="3 决定继续审议该问题；", number=3, previous="the preamble")
