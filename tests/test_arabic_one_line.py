"""An Arabic resolution flattened onto one line with unnumbered operative paragraphs: the first
operative paragraph, after the last preambular one's comma, is a paragraph of its own, as in the
English twin (Arabic has no capital letter to mark it)."""

from __future__ import annotations

from resdiff.parse import parse_text


def test_the_first_unnumbered_operative_paragraph_is_set_apart():
    text = ("إن مجلس الأمن، إذ يشير إلى قراراته السابقة، وإذ يلاحظ مع القلق تدهور الحالة، يدين جميع الهجمات؛ "
            "يطالب جميع الأطراف بوقف الأعمال العدائية؛ يقرر أن يبقي المسألة قيد نظره.\n")
    (document,) = parse_text(text, "x.txt")
    assert [(p.id, p.text) for p in document.paragraphs] == [
        ("PP1", "إذ يشير إلى قراراته السابقة،"),
        ("PP2", "وإذ يلاحظ مع القلق تدهور الحالة،"),
        ("OP1", "يدين جميع الهجمات؛"),
        ("OP2", "يطالب جميع الأطراف بوقف الأعمال العدائية؛"),
        ("OP3", "يقرر أن يبقي المسألة قيد نظره."),
    ]
    assert document.warnings == ()
