"""Sub-paragraphs that change place within their list ((a) and (b) swapped, the letters kept in
order) are moved, as paragraphs are: one of them moved and relettered, the other relettered, in
every view; the Word view makes the moved one a Word move."""

from __future__ import annotations

import json
import re

import jsonschema
from conftest import ROOT
from test_tracked_changes import _assert_accept_reject, _document_xml
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.compare import compare
from resdiff.model import ChangeKind, ItemChange
from resdiff.parse import parse_bytes
from resdiff.render import RenderOptions
from resdiff.render.docx import render as render_docx

runner = CliRunner()
REPORT = "To submit a report on the implementation of the present resolution to the General Assembly at its eightieth session;"
MEETING = "To convene an expert group meeting on the financing of development in the least developed countries;"
HEAD = "The General Assembly,\n1. Decides to convene a high-level meeting;\n2. Requests the Secretary-General:\n"
OLD = HEAD + f"(a) {REPORT}\n(b) {MEETING}\n(c) To keep the matter under review.\n"
NEW = HEAD + f"(a) {MEETING}\n(b) {REPORT}\n(c) To keep the matter under review.\n"
SCHEMA = json.loads((ROOT / "resdiff" / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))


def comparison(old: str = OLD, new: str = NEW):
    return compare(parse_bytes(old.encode(), "old.txt")[0], parse_bytes(new.encode(), "new.txt")[0])


def files(tmp_path, new: str = NEW):
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.txt").write_text(new, encoding="utf-8")
    return str(tmp_path / "old.txt"), str(tmp_path / "new.txt")


def test_swapped_sub_paragraphs_are_one_moved_and_one_relettered():
    change = comparison().changes[1]
    assert change.items == (
        ItemChange(ChangeKind.UNCHANGED, "OP2(b)", "OP2(a)", relettered=True, similarity=1.0),
        ItemChange(ChangeKind.UNCHANGED, "OP2(a)", "OP2(b)", relettered=True, moved=True, similarity=1.0),
        ItemChange(ChangeKind.UNCHANGED, "OP2(c)", "OP2(c)", similarity=1.0),
    )
    # the spans still rebuild both texts: the moved line deleted where it stood, inserted where it stands
    from resdiff.inline import rebuild

    assert rebuild(change.inline) == (comparison().old.paragraph("OP2").body, comparison().new.paragraph("OP2").body)


def test_a_moved_sub_paragraph_reworded_on_the_way_is_moved_relettered_and_modified():
    change = comparison(new=NEW.replace("eightieth session;", "eightieth session, with recommendations;")).changes[1]
    assert [(i.kind, i.old, i.new, i.relettered, i.moved) for i in change.items] == [
        (ChangeKind.UNCHANGED, "OP2(b)", "OP2(a)", True, False),
        (ChangeKind.MODIFIED, "OP2(a)", "OP2(b)", True, True),
        (ChangeKind.UNCHANGED, "OP2(c)", "OP2(c)", False, False),
    ]
    assert change.items[1].similarity == 0.917
    # the paragraph is as alike as its words: the moved line's words are kept
    assert change.similarity == 0.951
    assert comparison().changes[1].similarity == 0.986


def test_terminal(tmp_path):
    result = runner.invoke(app, ["diff", *files(tmp_path), "--color", "never"])
    lines = result.stdout.splitlines()
    at = lines.index("[modified]  old.txt OP2 → new.txt OP2  (98% alike)")
    assert lines[at + 1:at + 7] == [
        "Sub-paragraphs: OP2(b) → OP2(a) relettered; OP2(a) → OP2(b) moved and relettered",
        "Requests the Secretary-General:",
        f"[-(a) {REPORT}",
        f"-]([-b-]{{+a+}}) {MEETING}",
        f"{{+(b) {REPORT}",
        "+}(c) To keep the matter under review.",
    ]
    result = runner.invoke(app, ["diff", *files(tmp_path, NEW.replace("eightieth session;", "eightieth session, with "
                                                                       "recommendations;")), "--color", "never"])
    assert "Sub-paragraphs: OP2(b) → OP2(a) relettered; OP2(a) → OP2(b) moved, relettered and modified" in \
        result.stdout.splitlines()


def test_terminal_in_chinese(tmp_path, monkeypatch):
    monkeypatch.setenv("RESDIFF_UI_LANG", "zh")
    result = runner.invoke(app, ["diff", *files(tmp_path), "--color", "never"])
    assert "分段：OP2(b) → OP2(a) 重新编号；OP2(a) → OP2(b) 移动并重新编号" in result.stdout.splitlines()


def test_json(tmp_path):
    result = runner.invoke(app, ["diff", *files(tmp_path), "--format", "json"])
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["changes"][1]["items"] == [
        {"kind": "unchanged", "old": "OP2(b)", "new": "OP2(a)", "relettered": True, "moved": False, "similarity": 1.0},
        {"kind": "unchanged", "old": "OP2(a)", "new": "OP2(b)", "relettered": True, "moved": True, "similarity": 1.0},
        {"kind": "unchanged", "old": "OP2(c)", "new": "OP2(c)", "relettered": False, "moved": False, "similarity": 1.0},
    ]


def test_markdown(tmp_path):
    # the moved line marked as moved where it stood and where it stands, as the note says
    result = runner.invoke(app, ["diff", *files(tmp_path), "--format", "markdown"])
    lines = result.stdout.splitlines()
    at = lines.index("### old.txt OP2 → new.txt OP2 (modified) — 98% alike")
    moved = 'class="moved" title="OP2(a) → OP2(b) moved and relettered"'
    assert lines[at + 2:at + 9] == [
        "Sub-paragraphs: OP2(b) → OP2(a) relettered; OP2(a) → OP2(b) moved and relettered.",
        "",
        "Requests the Secretary-General:  ",
        f"<del {moved}>(a) {REPORT}¶  ",
        f"</del>(~~b~~**a**) {MEETING}  ",
        f"<ins {moved}>(b) {REPORT}  ",
        "</ins>(c) To keep the matter under review.",
    ]


def test_html(tmp_path):
    out = tmp_path / "diff.html"
    runner.invoke(app, ["diff", *files(tmp_path), "--format", "html", "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    moved = 'class="moved" title="OP2(a) → OP2(b) moved and relettered"'
    assert ('<p class="items">Sub-paragraphs: OP2(b) → OP2(a) relettered; <span class="item-moved">OP2(a) → OP2(b) '
            'moved and relettered</span>.</p><div class="inline"><p class="text" lang="en">Requests the '
            f'Secretary-General:\n<del {moved}>(a) {REPORT}<span class="pilcrow" aria-label="paragraph break">¶</span>'
            f'</del>(<del>b</del><ins>a</ins>) {MEETING}\n<ins {moved}>(b) {REPORT}\n</ins>(c) To keep the matter under '
            'review.</p></div>') in page
    assert "ins.moved,del.moved{outline:1px dashed var(--k-moved);outline-offset:1px}" in page


# A sub-paragraph moved to another paragraph: OP1(b) becomes OP2(a).
ACROSS_OLD = ("The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Requests the Secretary-General:\n"
              "(a) To submit a report on the financing of the mission;\n(b) To prepare a plan for the withdrawal of "
              "troops;\n\n2. Decides:\n(a) To establish a working group;\n(b) To remain seized of the matter.\n")
ACROSS_NEW = ("The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Requests the Secretary-General:\n"
              "(a) To submit a report on the financing of the mission;\n\n2. Decides:\n(a) To prepare a plan for the "
              "withdrawal of troops;\n(b) To establish a working group;\n(c) To remain seized of the matter.\n")


def test_a_sub_paragraph_moved_to_another_paragraph_is_marked_in_markdown_and_html(tmp_path):
    (tmp_path / "s0.txt").write_text(ACROSS_OLD, encoding="utf-8")
    (tmp_path / "s1.txt").write_text(ACROSS_NEW, encoding="utf-8")
    paths = [str(tmp_path / "s0.txt"), str(tmp_path / "s1.txt")]
    terminal = runner.invoke(app, ["--ui-lang", "en", "diff", *paths, "--only-changes", "--color", "never"]).stdout
    assert "Sub-paragraphs: OP1(b) moved to OP2(a)\n" in terminal
    assert "Sub-paragraphs: OP2(a) moved from OP1(b); OP2(a) → OP2(b) relettered; OP2(b) → OP2(c) relettered\n" in terminal
    markdown = runner.invoke(app, ["--ui-lang", "en", "diff", *paths, "--only-changes", "--format", "markdown"]).stdout
    assert markdown.split("## Changes\n\n")[1].split("\n", 2)[2] == (
        "### s0.txt OP1 → s1.txt OP1 (modified) — 77% alike\n\n"
        "Sub-paragraphs: OP1(b) moved to OP2(a).\n\n"
        "Requests the Secretary-General:  \n"
        "(a) To submit a report on the financing of the mission;"
        '<del class="moved" title="OP1(b) moved to OP2(a)">¶  \n'
        "(b) To prepare a plan for the withdrawal of troops;</del>\n\n"
        "### s0.txt OP2 → s1.txt OP2 (modified) — 72% alike\n\n"
        "Sub-paragraphs: OP2(a) moved from OP1(b); OP2(a) → OP2(b) relettered; OP2(b) → OP2(c) relettered.\n\n"
        "Decides:  \n"
        '<ins class="moved" title="OP2(a) moved from OP1(b)">(a) To prepare a plan for the withdrawal of troops;  \n'
        "</ins>(~~a~~**b**) To establish a working group;  \n"
        "(~~b~~**c**) To remain seized of the matter.\n")
    out = tmp_path / "s.html"
    runner.invoke(app, ["--ui-lang", "en", "diff", *paths, "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    assert ('<p class="items">Sub-paragraphs: <span class="item-moved">OP1(b) moved to OP2(a)</span>.</p>'
            '<div class="inline"><p class="text" lang="en">Requests the Secretary-General:\n(a) To submit a report on '
            'the financing of the mission;<del class="moved" title="OP1(b) moved to OP2(a)"><span class="pilcrow" '
            'aria-label="paragraph break">¶</span>(b) To prepare a plan for the withdrawal of troops;</del></p></div>'
            ) in page
    assert ('<p class="items">Sub-paragraphs: <span class="item-moved">OP2(a) moved from OP1(b)</span>; OP2(a) → '
            'OP2(b) relettered; OP2(b) → OP2(c) relettered.</p><div class="inline"><p class="text" lang="en">Decides:\n'
            '<ins class="moved" title="OP2(a) moved from OP1(b)">(a) To prepare a plan for the withdrawal of troops;\n'
            '</ins>(<del>a</del><ins>b</ins>) To establish a working group;\n(<del>b</del><ins>c</ins>) To remain '
            'seized of the matter.</p></div>') in page


def test_a_moved_sub_paragraph_is_marked_in_chinese_too(tmp_path):
    old = "大会，\n\n回顾其第 60/1 号决议，\n\n1. 请秘书长：\n(a) 提交关于特派团经费筹措的报告；\n(b) 制定部队撤离计划；\n\n2. 决定：\n(a) 设立工作组；\n(b) 继续审议该问题。\n"
    new = "大会，\n\n回顾其第 60/1 号决议，\n\n1. 请秘书长：\n(a) 提交关于特派团经费筹措的报告；\n\n2. 决定：\n(a) 制定部队撤离计划；\n(b) 设立工作组；\n(c) 继续审议该问题。\n"
    (tmp_path / "z0.txt").write_text(old, encoding="utf-8")
    (tmp_path / "z1.txt").write_text(new, encoding="utf-8")
    paths = [str(tmp_path / "z0.txt"), str(tmp_path / "z1.txt")]
    markdown = runner.invoke(app, ["--ui-lang", "zh", "diff", *paths, "--format", "markdown"]).stdout
    assert '<del class="moved" title="OP1(b) 移至 OP2(a)">¶  \n(b) 制定部队撤离计划；</del>\n' in markdown
    assert '<ins class="moved" title="OP2(a) 从 OP1(b) 移来">(a) 制定部队撤离计划；  \n</ins>' in markdown
    out = tmp_path / "z.html"
    runner.invoke(app, ["--ui-lang", "zh", "diff", *paths, "-o", str(out)])
    assert '<span class="item-moved">OP1(b) 移至 OP2(a)</span>' in out.read_text(encoding="utf-8")


def test_word_makes_the_moved_sub_paragraph_a_word_move():
    c = comparison()
    data = render_docx(c, RenderOptions())
    _assert_accept_reject(c, data, libreoffice=True)
    xml = _document_xml(data).decode()
    assert re.findall(r'<w:moveFromRangeStart [^>]*w:name="(move\d+)"', xml) == ["move1"]
    assert re.findall(r'<w:moveToRangeStart [^>]*w:name="(move\d+)"', xml) == ["move1"]

    def texts(kind: str) -> str:
        return "".join(re.findall(rf"<w:{kind} [^>]*>(?:<w:r>.*?<w:(?:t|delText) [^>]*>(.*?)</w:(?:t|delText)></w:r>)</w:{kind}>", xml))

    # where it stood the line moves away but for its old letter, deleted; where it stands it
    # moves in with its new letter inserted
    assert texts("moveFrom") == texts("moveTo") == "() " + REPORT
    assert re.findall(r"<w:del [^>]*><w:r>.*?<w:delText [^>]*>(.*?)</w:delText>", xml)[:2] == ["a", "b"]


def test_word_with_a_moved_sub_paragraph_reworded_accepts_and_rejects():
    c = comparison(new=NEW.replace("eightieth session;", "eightieth session, with recommendations;"))
    _assert_accept_reject(c, render_docx(c, RenderOptions()), libreoffice=True)


def test_word_moves_with_a_footnote_nested_and_in_chinese_accept_and_reject():
    cases = [
        (OLD.replace("eightieth session;", "eightieth session;1") + "__________\n1 See A/79/1.\n",
         NEW.replace("eightieth session;", "eightieth session;1") + "__________\n1 See A/79/1.\n"),
        ("大会，\n1. 请秘书长：\n(a) 向大会第八十届会议提交关于本决议执行情况的报告；\n(b) 召开关于最不发达国家发展筹资问题的专家组会议；\n"
         "(c) 继续审查此事。\n",
         "大会，\n1. 请秘书长：\n(a) 召开关于最不发达国家发展筹资问题的专家组会议；\n(b) 向大会第八十届会议提交关于本决议执行情况的报告；\n"
         "(c) 继续审查此事。\n"),
        ("The General Assembly,\n1. Requests the Secretary-General:\n(a) To report:\n(i) On the implementation of the "
         "present resolution;\n(ii) On the financing of development in the least developed countries;\n(b) To act.\n",
         "The General Assembly,\n1. Requests the Secretary-General:\n(a) To report:\n(i) On the financing of "
         "development in the least developed countries;\n(ii) On the implementation of the present resolution;\n(b) To act.\n"),
    ]
    notes = []
    for old, new in cases:
        c = comparison(old, new)
        data = render_docx(c, RenderOptions())
        _assert_accept_reject(c, data, libreoffice=True)
        assert len(re.findall("<w:moveToRangeStart ", _document_xml(data).decode())) == 1
        notes.append([(i.old, i.new, i.moved) for i in c.changes[-1].item_changes])
    assert notes == [[("OP2(b)", "OP2(a)", False), ("OP2(a)", "OP2(b)", True)],
                     [("OP1(b)", "OP1(a)", False), ("OP1(a)", "OP1(b)", True)],
                     [("OP1(a)(ii)", "OP1(a)(i)", False), ("OP1(a)(i)", "OP1(a)(ii)", True)]]
