"""An alternative whose label alone is in square brackets ("[PP1 alt] 又回顾…", "[2 alt.] Requests
…", "[OP2 alt] …"): the label as printed heads the paragraph's text, so that taking the brackets
off when the alternative is agreed (or putting them on) is a change in every view, as for a
paragraph bracketed whole ("[2 alt. Requests …;]"). Before, the bracketed label was read as the
label's form and thrown away: "No changes", exit status 0, and the Word file printed "2 alt."
without brackets on both sides."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.compare import compare
from resdiff.parse import parse_text
from resdiff.render.docx import render
from test_tracked_changes import _document_xml, _resolve

runner = CliRunner()

EN = ("The General Assembly,\n\nRecalling x,\n\n1. Decides to act;\n\n2. Requests a report;\n\n"
      "[2 alt.] Requests an oral report;\n\n3. Decides to remain seized of the matter.\n")
EN_AGREED = EN.replace("[2 alt.] Requests", "2 alt. Requests")
ZH = "大会，\n\n回顾其第 60/1 号决议，\n\n[PP1 alt] 又回顾其第 61/1 号决议，\n\n1. 决定采取行动；\n\n2. 请提交报告。\n"
ZH_AGREED = ZH.replace("[PP1 alt] ", "PP1 alt: ")


def _diff(tmp_path, old: str, new: str, *options: str, ui: str = "en"):
    (tmp_path / "a.txt").write_text(old, encoding="utf-8")
    (tmp_path / "b.txt").write_text(new, encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", ui, "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                 "--exit-code", "--width", "100", *options])
    return result.exit_code, result.stdout.replace(str(tmp_path) + "/", "")


def test_the_bracketed_label_heads_the_text():
    assert [(p.id, p.text) for p in parse_text(EN)[0].paragraphs][3] == ("OP2alt", "[2 alt.] Requests an oral report;")
    assert [(p.id, p.text) for p in parse_text(EN_AGREED)[0].paragraphs][3] == ("OP2alt", "Requests an oral report;")
    assert [(p.id, p.text) for p in parse_text(ZH)[0].paragraphs][1] == ("PP1alt", "[PP1 alt] 又回顾其第 61/1 号决议，")
    assert [(p.id, p.text) for p in parse_text(ZH_AGREED)[0].paragraphs][1] == ("PP1alt", "又回顾其第 61/1 号决议，")
    for form in ("[OP2 alt] Requests an oral report;", "[OP2 alt]: Requests an oral report;",
                 "[2 alt] Requests an oral report;"):
        document = parse_text(EN.replace("[2 alt.] Requests an oral report;", form))[0]
        assert (document.paragraphs[3].id, document.paragraphs[3].text, document.warnings) == ("OP2alt", form, ())


def test_full_width_brackets_and_the_space_after_the_label_as_printed():
    """Chinese texts print the brackets full width ("［PP1 alt］"); the label is kept as printed,
    the space after it too or none, so that a space put in or taken out is compared."""
    text = ZH.replace("[PP1 alt] ", "［PP1 alt］")
    assert [(p.id, p.text) for p in parse_text(text)[0].paragraphs] == [
        ("PP1", "回顾其第 60/1 号决议，"), ("PP1alt", "［PP1 alt］又回顾其第 61/1 号决议，"), ("OP1", "决定采取行动；"),
        ("OP2", "请提交报告。")]
    operative = "大会，\n\n回顾其第 60/1 号决议，\n\n1. 决定采取行动；\n\n{alt}\n\n2. 请提交报告。\n"
    for alt, read in (("［1 alt.］ 决定其他；", "［1 alt.］ 决定其他；"), ("［OP1 alt］决定其他；", "［OP1 alt］决定其他；"),
                      ("[1 alt.]决定其他；", "[1 alt.]决定其他；"), ("［1. alt 决定其他；］", "［决定其他；］")):
        document = parse_text(operative.format(alt=alt))[0]
        assert [(p.id, p.text) for p in document.paragraphs][2:] == [("OP1alt", read), ("OP2", "请提交报告。")], alt
        assert document.warnings == ()
    # (before: "［1. alt …］" was a second OP1 with a warning, "［1 alt.］ …" run into OP1)


def test_taking_the_brackets_off_is_a_change_in_english_and_chinese(tmp_path):
    assert _diff(tmp_path, EN, EN_AGREED, "--only-changes") == (1, (
        "a.txt → b.txt\n"
        "4 unchanged  1 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered\n"
        "\n"
        "[modified]  a.txt OP2alt → b.txt OP2alt  (85% alike)\n"
        "[-[2 alt.] -]Requests an oral report;\n"))
    assert _diff(tmp_path, ZH, ZH_AGREED, "--only-changes") == (1, (
        "a.txt → b.txt\n"
        "3 unchanged  1 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered\n"
        "\n"
        "[modified]  a.txt PP1alt → b.txt PP1alt  (74% alike)\n"
        "[-[PP1 alt] -]又回顾其第 61/1 号决议，\n"))
    assert _diff(tmp_path, ZH_AGREED, ZH, "--only-changes", ui="zh") == (1, (
        "a.txt → b.txt\n"
        "未改动 3  修改 1  新增 0  删除 0  合并 0  拆分 0  移动 0  重新编号 0\n"
        "\n"
        "[修改]  a.txt PP1alt → b.txt PP1alt  （相似度 74%）\n"
        "{+[PP1 alt] +}又回顾其第 61/1 号决议，\n"))


def test_every_view_shows_the_brackets_taken_off(tmp_path):
    code, stat = _diff(tmp_path, ZH, ZH_AGREED, "--stat")
    assert code == 1
    assert stat.splitlines()[1:2] + stat.splitlines()[5:6] == [
        "3 unchanged  1 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered",
        "PP1alt →  PP1alt  modified    74%  又回顾其第 61/1 号决议，"]
    code, markdown = _diff(tmp_path, EN, EN_AGREED, "--format", "markdown")
    assert code == 1
    assert ("### a.txt OP2alt → b.txt OP2alt (modified) — 85% alike\n\n"
            "<del>\\[2 alt.\\] </del>Requests an oral report;\n") in markdown
    code, html = _diff(tmp_path, EN, EN_AGREED, "--format", "html")
    assert code == 1
    assert '<p class="text" lang="en"><del>[2 alt.] </del>Requests an oral report;</p>' in html
    code, out = _diff(tmp_path, EN, EN_AGREED, "--format", "json")
    assert code == 1
    changed = [c for c in json.loads(out)["changes"] if c["kind"] != "unchanged"]
    assert [(c["kind"], c["old"], c["new"], c["inline"]) for c in changed] == [
        ("modified", ["OP2alt"], ["OP2alt"],
         [{"op": "delete", "text": "[2 alt.] "}, {"op": "equal", "text": "Requests an oral report;"}])]


def test_word_prints_the_brackets_as_the_text_does():
    for old, new, printed_old, printed_new, at in (
            (EN, EN_AGREED, "[2 alt.] Requests an oral report;", "2 alt. Requests an oral report;", 4),
            (ZH, ZH_AGREED, "[PP1 alt] 又回顾其第 61/1 号决议，", "PP1 alt: 又回顾其第 61/1 号决议，", 2)):
        for a, b, shown_a, shown_b in ((old, new, printed_old, printed_new), (new, old, printed_new, printed_old)):
            xml = _document_xml(render(compare(parse_text(a, "a.txt")[0], parse_text(b, "b.txt")[0])))
            assert _resolve(xml, accept=True)[at] == shown_b
            assert _resolve(xml, accept=False)[at] == shown_a
