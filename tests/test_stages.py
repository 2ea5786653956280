"""The parser's stages one by one, each on the record the stage before it hands on
(see resdiff/parse/structure.py): layout → pages → segmentation → classification."""

from __future__ import annotations

import ast
import pathlib

from resdiff.model import Footnote, Item, ParagraphKind
from resdiff.parse.classification import _classify
from resdiff.parse.layout import _CHAPEAU, _blocks
from resdiff.parse.lines import _join, _join_all
from resdiff.parse.pages import lay_out
from resdiff.parse.records import Block, Layout, Line
from resdiff.parse.segmentation import _join_lines

PARSE = pathlib.Path(__file__).resolve().parent.parent / "resdiff" / "parse"


def test_layout_cuts_an_adopted_text_at_its_adoption_line():
    lines = ["A/RES/65/141", "", "大会，", "", "回顾其关于信息社会的决议，", "", "1. 决定继续审议；", "",
             "2. 请秘书长提交报告。", "", "第 65 次全体会议", "2010 年 12 月 20 日"]
    chapeaus = [i for i, line in enumerate(lines) if _CHAPEAU.match(line)]
    assert _blocks(lines, chapeaus) == [Block(start=2, end=10, quoted=False)]


def test_pages_drop_furniture_and_take_footnotes_aside():
    body = ["Recalling its resolution 64/187,1", "12-34567", "A/C.2/67/L.5", "and noting the report;",
            "1. Decides to act;", "__________", "1 See A/64/1."]
    assert lay_out(body, False, []) == Layout(
        lines=[Line("Recalling its resolution 64/187,1", True, False, 0), Line("and noting the report;", False, False, 3),
               Line("1. Decides to act;", False, False, 4)],
        footnotes=[Footnote("1", "See A/64/1.")],
        furniture=[(1, "12-34567"), (2, "A/C.2/67/L.5"), (5, "__________")],
    )


def test_segmentation_joins_wrapped_lines_and_starts_paragraphs_on_evidence():
    lines = [Line("Recalling its resolution,", True, False), Line("Noting the report,", False, False),
             Line("1. Decides to", True, False), Line("act;", False, False)]
    assert _join_lines(lines, False, True) == ["Recalling its resolution,", "Noting the report,", "1. Decides to act;"]


def test_classification_reads_kinds_numbers_items_and_marks():
    paragraphs = _classify(["Recalling its resolution 64/187,1", "1. Decides to:", "(a) act;", "(b) report."],
                           False, {"1"})
    assert [(p.id, p.kind, p.number, p.text, p.footnotes) for p in paragraphs] == [
        ("PP1", ParagraphKind.PREAMBULAR, None, "Recalling its resolution 64/187,", ("1",)),
        ("OP1", ParagraphKind.OPERATIVE, 1, "Decides to:", ()),
    ]
    assert paragraphs[1].items == (Item("a", "act;"), Item("b", "report."))


def test_lines_join_chinese_without_a_space_and_latin_with_one():
    assert _join("决定", "继续") == "决定继续"
    assert _join("Decides", "to act") == "Decides to act"
    assert _join_all(["Decides", "to", "act；", "继续"]) == "Decides to act；继续"


def test_the_parser_imports_nothing_above_it():
    """parse/ reads bytes into Documents: it may use text, model, errors and i18n (the words of
    its warnings and errors) and lazypattern (patterns compiled on first use, which imports
    nothing of resdiff), never the layers that build on it (history, store, compare, render,
    cli)."""
    allowed = {"text", "model", "errors", "i18n", "lazypattern"}
    for path in sorted(PARSE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 2:
                top = (node.module or "").split(".")[0]
                assert top in allowed, f"{path.name} imports resdiff.{top}"
