"""Chinese operative numbers written with the enumeration comma ("1、决定…", as Chinese web and
news copies of resolutions print them) are operative numbers, as "1." is."""

from __future__ import annotations

from resdiff.compare import compare
from resdiff.parse import parse_text

DOT = "大会，\n\n回顾其第 60/1 号决议，\n\n1. 决定设立工作组；\n\n2. 请秘书长提交报告；\n\n3. 决定继续审议该问题。\n"
COMMA = DOT.replace(". ", "、")


def _read(text: str):
    (document,) = parse_text(text, "dun.txt")
    return ([(p.id, p.kind.value, p.text) for p in document.paragraphs], [str(w) for w in document.warnings])


def test_numbers_with_the_enumeration_comma_are_operative():
    assert _read(COMMA) == ([
        ("PP1", "preambular", "回顾其第 60/1 号决议，"), ("OP1", "operative", "决定设立工作组；"),
        ("OP2", "operative", "请秘书长提交报告；"), ("OP3", "operative", "决定继续审议该问题。")], [])


def test_full_width_digits_and_a_number_alone_on_its_line_too():
    assert _read(COMMA.replace("1、", "１、").replace("2、", "2、\n"))[0][1:3] == [
        ("OP1", "operative", "决定设立工作组；"), ("OP2", "operative", "请秘书长提交报告；")]


def test_against_the_official_layout_every_paragraph_is_unchanged():
    (old,) = parse_text(DOT, "dot.txt")
    (new,) = parse_text(COMMA, "dun.txt")
    assert [(c.old, c.new, c.kind.value) for c in compare(old, new).changes] == [
        (("PP1",), ("PP1",), "unchanged"), (("OP1",), ("OP1",), "unchanged"),
        (("OP2",), ("OP2",), "unchanged"), (("OP3",), ("OP3",), "unchanged")]


def test_a_number_and_comma_inside_a_line_is_text():
    text = "大会，\n\n回顾其决议，\n\n1. 决定设立以下机构：1、工作组；2、专家组。\n"
    assert _read(text)[0][-1] == ("OP1", "operative", "决定设立以下机构：1、工作组；2、专家组。")
