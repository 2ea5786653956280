"""Versions that differ in width or spacing alone are never said to read the same: the views
count such paragraphs and footnotes, and a view that shows no change says the wording is the
same, not the text."""

from __future__ import annotations

from typer.testing import CliRunner

from resdiff.cli import app

runner = CliRunner()
OLD = "大会，\n\n回顾其第 60/1 号决议（A/60/1），\n\n1. 决定采取行动；\n\n2. 请提交报告。\n"


def _pair(tmp_path):
    old, new = tmp_path / "w0.txt", tmp_path / "w1.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(OLD.replace("（A/60/1）", "(A/60/1)").replace("行动；", "行动;"), encoding="utf-8")
    return str(old), str(new)


def test_only_changes_counts_width_only_paragraphs_and_says_the_wording_is_the_same(tmp_path):
    old, new = _pair(tmp_path)
    result = runner.invoke(app, ["diff", old, new, "--only-changes", "--exit-code"])
    assert result.exit_code == 0  # --exit-code goes by the wording
    assert result.stdout.splitlines()[1:] == [
        "3 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered",
        "Width or spacing only: 2 paragraphs",
        "",
        "No changes in wording: the versions differ in width or spacing only (shown without --only-changes).",
    ]
    stat = runner.invoke(app, ["diff", old, new, "--stat"]).stdout.splitlines()
    assert stat[2] == "Width or spacing only: 2 paragraphs"
    chinese = runner.invoke(app, ["--ui-lang", "zh", "diff", old, new, "--only-changes"]).stdout.splitlines()
    assert chinese[2:] == ["仅宽度或空格不同：2 段", "",
                           "措辞没有改动：两个版本仅宽度或空格不同（不加 --only-changes 即可看到）。"]


def test_reports_count_them_too(tmp_path):
    old, new = _pair(tmp_path)
    markdown = runner.invoke(app, ["diff", old, new, "--format", "md", "--only-changes"]).stdout
    assert "Width or spacing only: 2 paragraphs.\n" in markdown
    assert markdown.rstrip().endswith("No changes in wording: the versions differ in width or spacing only "
                                      "(shown without --only-changes).")
    page = runner.invoke(app, ["diff", old, new, "--format", "html"]).stdout
    assert '<p class="caption layout">Width or spacing only: 2 paragraphs.</p>' in page
    assert "No changes: the two versions read the same." not in page


def test_the_same_text_still_reads_the_same(tmp_path):
    old, _ = _pair(tmp_path)
    result = runner.invoke(app, ["diff", old, old, "--only-changes"])
    assert "Width or spacing" not in result.stdout
    assert result.stdout.splitlines()[-1] == "No changes: the two versions read the same."
