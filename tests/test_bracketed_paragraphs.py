"""A paragraph a negotiating draft prints in square brackets, number and all ("[2. Requests a
report;]", "[(b) A plan;]", "[Recalling …,]", "［2. 请提交报告；］"): not yet agreed, and a
paragraph of its own whose text keeps both brackets (taking them off when it is agreed is a
change). Before, "[2. …]" was read into OP1 and took OP3 with it in Chinese."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse import parse_text

runner = CliRunner()

EN = ("The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act;\n\n{op2}\n\n"
      "3. Decides to remain seized of the matter.\n")
ZH = "大会，\n\n回顾其第 60/1 号决议，\n\n1. 决定采取行动；\n\n{op2}\n\n3. 决定继续审议该问题。\n"


def rows(text: str) -> list[tuple]:
    document = parse_text(text)[0]
    assert document.warnings == ()
    return [(p.id, p.text, [(i.label, i.text) for i in p.items]) for p in document.paragraphs]


@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_a_bracketed_operative_paragraph_is_op2_with_its_brackets(separator):
    assert rows(EN.format(op2="[2. Requests a report;]").replace("\n\n", separator)) == [
        ("PP1", "Recalling its resolution 60/1,", []), ("OP1", "Decides to act;", []),
        ("OP2", "[Requests a report;]", []), ("OP3", "Decides to remain seized of the matter.", []),
    ]


@pytest.mark.parametrize("op2, text", [
    ("[2. 请秘书长提交报告；]", "[请秘书长提交报告；]"),
    ("［2. 请秘书长提交报告；］", "［请秘书长提交报告；］"),
    ("［2．请秘书长提交报告；］", "［请秘书长提交报告；］"),
])
def test_chinese_bracketed_paragraphs(op2, text):
    assert rows(ZH.format(op2=op2)) == [
        ("PP1", "回顾其第 60/1 号决议，", []), ("OP1", "决定采取行动；", []), ("OP2", text, []),
        ("OP3", "决定继续审议该问题。", []),
    ]


@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_bracketed_preambular_paragraph_and_sub_paragraph(separator):
    text = ("The General Assembly,\n\nRecalling its resolution 60/1,\n\n[Noting its resolution 61/1,]\n\n"
            "［Noting also x,］\n\nWelcoming y,\n\n1. Requests:\n(a) A report;\n[(b) A plan\nfor the years ahead;]\n"
            "(c) A budget.\n\n2. Decides to remain seized of the matter.\n").replace("\n\n", separator)
    assert rows(text) == [
        ("PP1", "Recalling its resolution 60/1,", []), ("PP2", "[Noting its resolution 61/1,]", []),
        ("PP3", "［Noting also x,］", []), ("PP4", "Welcoming y,", []),
        ("OP1", "Requests:", [("a", "A report;"), ("b", "[A plan for the years ahead;]"), ("c", "A budget.")]),
        ("OP2", "Decides to remain seized of the matter.", []),
    ]


def test_a_bracketed_inserted_paragraph_and_alternatives_keep_their_forms():
    assert rows(EN.format(op2="2. Requests a report;\n\n[2 bis. Invites States;]\n\n[2. alt Requests a study;]"))[2:] == [
        ("OP2", "Requests a report;", []), ("OP2bis", "[Invites States;]", []),
        ("OP2alt", "[Requests a study;]", []), ("OP3", "Decides to remain seized of the matter.", []),
    ]


def test_agreeing_the_paragraph_shows_its_brackets_removed(tmp_path):
    (tmp_path / "a.txt").write_text(EN.format(op2="[2. Requests a report;]"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN.format(op2="2. Requests a report;"), encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "en", "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                 "--only-changes", "--exit-code", "--width", "100"])
    assert result.exit_code == 1, result.output
    assert result.stdout.replace(str(tmp_path) + "/", "") == (
        "a.txt → b.txt\n"
        "3 unchanged  1 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered\n"
        "\n"
        "[modified]  a.txt OP2 → b.txt OP2  (94% alike)\n"
        "[-[-]Requests a report;[-]-]\n"
    )


@pytest.mark.parametrize("old, new, shown", [
    ("[2 alt. Requests an oral report;]", "2 alt. Requests an oral report;", "[-[-]Requests an oral report;[-]-]"),
    ("2 alt. Requests an oral report;", "[2. alt Requests an oral report;]", "{+[+}Requests an oral report;{+]+}"),
])
def test_agreeing_an_alternative_shows_its_brackets_removed(tmp_path, old, new, shown):
    # before: the brackets went with the label "2 alt.", and taking them off was "No changes"
    (tmp_path / "a.txt").write_text(EN.format(op2="2. Requests a report;\n\n" + old), encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN.format(op2="2. Requests a report;\n\n" + new), encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "en", "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                 "--only-changes", "--exit-code", "--width", "100"])
    assert result.exit_code == 1, result.output
    assert result.stdout.replace(str(tmp_path) + "/", "").split("\n")[3:5] == [
        "[modified]  a.txt OP2alt → b.txt OP2alt  (96% alike)", shown]


def test_word_prints_a_bracketed_alternative_with_its_brackets():
    from resdiff.render.docx import _prefix
    paragraph = parse_text(ZH.format(op2="2. 请提交报告；\n\n[2 alt. 请提交口头报告；]"))[0].paragraphs[3]
    assert (paragraph.id, _prefix(paragraph) + paragraph.text) == ("OP2alt", "2 alt. [请提交口头报告；]")
