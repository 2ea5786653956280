"""Two reading gaps said as warnings: a footnote no paragraph cites (its mark lost in editing or
misread), and a list of sub-paragraphs whose first label is not (a) or (i)."""

from __future__ import annotations

from helpers import run_command as run

UNCITED = ("The General Assembly,\n\nRecalling its resolution 60/1,1\n\n1. Decides to act;\n\n2. Requests a report.\n\n"
           "__________\n1 See A/60/1.\n2 See A/61/1.\n")
LATE_LIST = ("The General Assembly,\n\nRecalling x,\n\n1. Requests:\n\nA report on the mission;\n\nA plan for the troops;"
             "\n\n(c) A budget.\n\n2. Decides to remain seized of the matter.\n")


def test_a_footnote_no_paragraph_cites_is_said(tmp_path):
    source = tmp_path / "fnu.txt"
    source.write_text(UNCITED, encoding="utf-8")
    result = run("parse", str(source), "--strict")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"resdiff: warning: {source}: document: footnote 2 is cited by no paragraph: its mark may be missing or "
        "misread",
        f"resdiff: error: {source}: 1 warning and --strict: check the text, or parse without --strict"]
    several = tmp_path / "fnu3.txt"
    several.write_text(UNCITED + "3 See A/62/1.\n", encoding="utf-8")
    assert run("parse", str(several)).stderr == (
        f"resdiff: warning: {several}: document: footnotes 2, 3 are cited by no paragraph: their marks may be "
        "missing or misread\n")
    cited = tmp_path / "cited.txt"
    cited.write_text(UNCITED.replace("report.", "report.2"), encoding="utf-8")
    assert run("parse", str(cited), "--strict").stderr == ""


def test_a_list_starting_after_a_is_said_in_english_and_chinese(tmp_path):
    source = tmp_path / "sf.txt"
    source.write_text(LATE_LIST, encoding="utf-8")
    result = run("parse", str(source))
    assert result.returncode == 0
    assert result.stderr == (f"resdiff: warning: {source}: document: OP1's sub-paragraphs start at (c): (a), (b) "
                             "may be missing or misread\n")
    chinese = run("--ui-lang", "zh", "parse", str(source))
    assert chinese.stderr == f"resdiff：警告：{source}：文档：OP1 的分段从 (c) 开始：(a), (b) 可能缺失或被误读\n"
    whole = tmp_path / "whole.txt"
    whole.write_text(LATE_LIST.replace("\n\nA report", "\n(a) A report").replace("\n\nA plan", "\n(b) A plan")
                     .replace("\n\n(c)", "\n(c)"), encoding="utf-8")
    assert run("parse", str(whole), "--strict").stderr == ""
