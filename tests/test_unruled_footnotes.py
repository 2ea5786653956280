"""A footnote's body printed as a line of text with no separator rule above it ("1 See
resolution 60/1.", "[1] See …", "⁽¹⁾ See …"), where the text cites the mark and prints no
footnote of that mark yet, is that footnote: after the last operative paragraph it is neither
page furniture nor the last paragraph's continuation, and in the preamble, right after the
paragraph that ends with its mark, it is no preambular paragraph. A changed footnote is a
change."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse import parse_text

runner = CliRunner()


def _read(text: str):
    (document,) = parse_text(text, "page.txt")
    return ([(p.id, p.text, p.footnotes) for p in document.paragraphs],
            [(f.mark, f.text) for f in document.footnotes],
            [str(f) for f in document.furniture], [str(w) for w in document.warnings])


EN = "The General Assembly,\n\nRecalling its resolution 60/1,1\n\n1. Decides to continue;\n\n2. Requests a report{end}\n\n"
EN_PARAGRAPHS = [("PP1", "Recalling its resolution 60/1,", ("1",)), ("OP1", "Decides to continue;", ()),
                 ("OP2", "Requests a report.", ())]
ZH = "大会，\n\n回顾其第 60/1 号决议，1\n\n1. 决定继续审议该问题；\n\n2. 请秘书长提交报告{end}\n\n"
ZH_PARAGRAPHS = [("PP1", "回顾其第 60/1 号决议，", ("1",)), ("OP1", "决定继续审议该问题；", ()),
                 ("OP2", "请秘书长提交报告。", ())]


@pytest.mark.parametrize("note", ["1 See resolution 60/1.", "[1] See resolution 60/1.", "⁽¹⁾ See resolution 60/1.",
                                  "⁽1⁾ See resolution 60/1."])
def test_a_footnote_after_the_last_paragraph_without_a_rule_is_read_as_the_footnote(note):
    assert _read(EN.format(end=".") + note + "\n") == (EN_PARAGRAPHS, [("1", "See resolution 60/1.")], [], [])


@pytest.mark.parametrize("note", ["1 见第 60/1 号决议。", "[1] 见第 60/1 号决议。", "⁽¹⁾见第 60/1 号决议。"])
def test_a_chinese_footnote_after_the_last_paragraph_without_a_rule_is_read_as_the_footnote(note):
    assert _read(ZH.format(end="。") + note + "\n") == (ZH_PARAGRAPHS, [("1", "见第 60/1 号决议。")], [], [])


def test_a_footnote_after_a_last_paragraph_ending_with_a_semicolon_is_not_joined_to_it():
    paragraphs, notes, furniture, _ = _read(EN.format(end=";") + "1 See resolution 60/1.\n")
    assert paragraphs[-1] == ("OP2", "Requests a report;", ())
    assert (notes, furniture) == ([("1", "See resolution 60/1.")], [])
    paragraphs, notes, furniture, _ = _read(ZH.format(end="；") + "1 见第 60/1 号决议。\n")
    assert paragraphs[-1] == ("OP2", "请秘书长提交报告；", ())
    assert (notes, furniture) == ([("1", "见第 60/1 号决议。")], [])


def test_a_wrapped_footnote_body_and_a_page_footer_after_it():
    paragraphs, notes, furniture, warnings = _read(
        EN.format(end=".") + "1 See resolution 60/1 and the report of the\nSecretary-General (A/60/1).\n\n"
        "© United Nations\n")
    assert (paragraphs, notes) == (EN_PARAGRAPHS, [("1", "See resolution 60/1 and the report of the "
                                                          "Secretary-General (A/60/1).")])
    assert furniture == ["line 12: © United Nations"]
    assert len(warnings) == 1 and "“© United Nations”" in warnings[0]


def test_a_number_the_text_does_not_cite_or_already_defines_is_not_taken():
    # no mark 2 in the text: page text, listed and warned as before
    paragraphs, notes, furniture, _ = _read(EN.format(end=".") + "2 See resolution 60/1.\n")
    assert (paragraphs, notes, furniture) == (EN_PARAGRAPHS, [], ["line 9: 2 See resolution 60/1."])
    # footnote 1 printed under its rule: the line after it is not a second footnote 1
    paragraphs, notes, furniture, _ = _read(EN.format(end=".") + "__________\n1 See resolution 60/1.\n\n"
                                            "1 Page text.\n")
    assert (paragraphs, notes) == (EN_PARAGRAPHS, [("1", "See resolution 60/1.")])


def test_a_footnote_in_the_preamble_after_the_paragraph_carrying_its_mark():
    assert _read("大会，\n\n回顾其第 60/1 号决议，1\n\n1 见第 60/1 号决议。\n\n又回顾《突尼斯议程》，\n\n"
                 "1. 决定继续审议该问题；\n\n2. 请秘书长提交报告。\n") == (
        [("PP1", "回顾其第 60/1 号决议，", ("1",)), ("PP2", "又回顾《突尼斯议程》，", ()),
         ("OP1", "决定继续审议该问题；", ()), ("OP2", "请秘书长提交报告。", ())],
        [("1", "见第 60/1 号决议。")], [], [])
    assert _read("The General Assembly,\n\nRecalling its resolution 60/1,1\n\n1 See resolution 60/1.\n\n"
                 "Also recalling the Tunis Agenda,\n\n1. Decides to continue;\n\n2. Requests a report.\n") == (
        [("PP1", "Recalling its resolution 60/1,", ("1",)), ("PP2", "Also recalling the Tunis Agenda,", ()),
         ("OP1", "Decides to continue;", ()), ("OP2", "Requests a report.", ())],
        [("1", "See resolution 60/1.")], [], [])


def test_a_changed_unruled_footnote_is_a_change(tmp_path):
    old, new = tmp_path / "fe5.txt", tmp_path / "fe5b.txt"
    old.write_text(EN.format(end=".") + "1 See resolution 60/1.\n", encoding="utf-8")
    new.write_text(EN.format(end=".") + "1 See resolution 60/2.\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(old), str(new), "--exit-code", "--only-changes", "--color", "never"])
    assert result.exit_code == 1
    assert result.stdout.endswith("Footnotes: 0 unchanged  1 modified  0 added  0 removed  0 renumbered\n\n"
                                  "[modified]  fe5.txt footnote 1 → fe5b.txt footnote 1  (95% alike)\n"
                                  "See resolution 60/[-1-]{+2+}.\n")


def test_a_footnote_under_a_short_rule_between_two_operative_paragraphs():
    text = ("The General Assembly,\n\nRecalling its resolution 60/1,1\n\n1. Decides to continue;\n___\n"
            "1 See resolution 60/1.\n\n2. Requests a report.\n")
    assert _read(text) == (EN_PARAGRAPHS, [("1", "See resolution 60/1.")], ["line 6: ___"], [])
    assert _read("大会，\n\n回顾其第 60/1 号决议，1\n\n1. 决定继续审议该问题；\n___\n1 见第 60/1 号决议。\n\n"
                 "2. 请秘书长提交报告。\n") == (ZH_PARAGRAPHS, [("1", "见第 60/1 号决议。")], ["line 6: ___"], [])
