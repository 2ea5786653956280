"""Digits glued to a short word or to four capitals, the next footnote mark in sequence, are
read as the mark ("Life at Sea86") but may be the word's own number (a name with its number,
"UNEP3"): unless the word ends a capitalised name, as an instrument's title a footnote cites
does, the reading says which word it read a mark off. Out of sequence they stay text (T3)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse import parse_text

runner = CliRunner()
EN = ("The General Assembly,\n\nRecalling its resolution 60/1,1\n\n1. Welcomes {words};\n\n2. Requests a report.\n\n"
      "__________\n1 See A/60/1.\n2 See A/61/2.\n")
ZH = "大会，\n\n回顾其第 60/1 号决议，1\n\n1. 欢迎{words}；\n\n2. 请提交报告。\n\n__________\n1 见 A/60/1。\n2 见 A/61/2。\n"
WARNED = ("document: “{printed}” is read as “{word}” and footnote mark 2 (the next mark, and footnote 2 exists): "
          "if {printed} is a name with its number, that number is no mark")


def _read(text: str):
    (document,) = parse_text(text)
    op1 = document.paragraphs[1]
    return (op1.text, op1.footnotes), [str(w) for w in document.warnings]


@pytest.mark.parametrize(("template", "words", "text", "printed", "word"), [
    # Before: the same reading, no warning
    (EN, "the work of UNEP2 and of UNDP", "Welcomes the work of UNEP and of UNDP;", "UNEP2", "UNEP"),
    (EN, "the plan, see Res2 of the Board", "Welcomes the plan, see Res of the Board;", "Res2", "Res"),
    (ZH, " UNEP2 的工作", "欢迎 UNEP 的工作；", "UNEP2", "UNEP"),
])
def test_a_mark_read_off_a_name_like_word_is_warned(template, words, text, printed, word):
    assert _read(template.format(words=words)) == ((text, ("2",)), [WARNED.format(printed=printed, word=word)])


def test_a_mark_at_the_end_of_a_capitalised_name_is_read_without_a_warning():
    # as A/RES/79/144 prints it: "… Convention for the Safety of Life at Sea86 relating to …"
    text = EN.format(words="the International Convention for the Safety of Life at Sea2 relating to rescue")
    assert _read(text) == (("Welcomes the International Convention for the Safety of Life at Sea relating to rescue;",
                            ("2",)), [])


def test_out_of_sequence_or_capitals_the_number_stays_the_names():
    # mark 3 is no footnote's and not the next; "P5", "SDG2" are names of one to three capitals
    for words, text in (("UNEP3 and UNDP", "Welcomes UNEP3 and UNDP;"), ("the P5 and SDG2", "Welcomes the P5 and SDG2;")):
        (document,) = parse_text(EN.format(words=words))
        assert (document.paragraphs[1].text, document.paragraphs[1].footnotes) == (text, ())


def test_the_warning_in_chinese(tmp_path):
    (tmp_path / "g.txt").write_text(ZH.format(words=" UNEP2 的工作"), encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "zh", "parse", str(tmp_path / "g.txt")])
    assert result.exit_code == 0, result.output
    assert result.stderr.replace(str(tmp_path) + "/", "") == (
        "resdiff：警告：g.txt：文档：“UNEP2”读作“UNEP”加脚注标记 2（按顺序是下一个标记，且有脚注 2）：如果 UNEP2 是名称连同其"
        "编号，该数字就不是脚注标记\n")
