"""The "Sub-paragraphs:" note names each sub-paragraph unambiguously: old → new where its
paragraph was renumbered, never the new id in one phrase and the old in another."""

from __future__ import annotations

from typer.testing import CliRunner

from resdiff.cli import app

OLD = ("大会，\n\n回顾其第 60/1 号决议，\n\n1. 请秘书长：\n(a) 提交关于特派团经费筹措的报告；\n(b) 制定部队撤离计划；\n"
       "(c) 编制下一个两年期预算；\n\n2. 决定：\n(a) 设立工作组；\n(b) 继续审议该问题。\n")
NEW = ("大会，\n\n回顾其第 60/1 号决议，\n\n1. 决定：\n(a) 设立工作组；\n(b) 继续审议该问题；\n\n2. 鼓励会员国：\n"
       "(a) 制定部队撤离计划；\n(b) 加强合作；\n\n3. 请秘书长：\n(a) 提交关于特派团经费筹措的报告；\n(b) 编制下一个两年期预算。\n")


def _notes(tmp_path, *env: str) -> list[str]:
    old, new = tmp_path / "zs0.txt", tmp_path / "zs2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    result = CliRunner().invoke(app, ["diff", str(old), str(new), "--only-changes"],
                                env=dict(e.split("=") for e in env))
    assert result.exit_code == 0, result.output
    return [line for line in result.stdout.splitlines() if line.startswith(("Sub-paragraphs:", "分段："))]


def test_sub_paragraphs_of_a_renumbered_paragraph_are_named_old_to_new(tmp_path):
    assert _notes(tmp_path) == [
        "Sub-paragraphs: OP2(b) → OP1(b) modified",
        "Sub-paragraphs: OP2(a) moved from OP1(b)",
        "Sub-paragraphs: OP1(b) moved to OP2(a); OP1(c) → OP3(b) relettered and modified",
    ]


def test_the_chinese_note_names_them_so_too(tmp_path):
    assert _notes(tmp_path, "RESDIFF_UI_LANG=zh")[0] == "分段：修改 OP2(b) → OP1(b)"
