"""The views in the Chinese interface: golden files of the sample (terminal, --stat, parse,
Markdown) and spot checks of the HTML page. The documents' own text, the paragraph ids and the
JSON are never translated.

Regenerate with ``pytest --update-golden`` when a label or its translation changes on purpose.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from resdiff import i18n
from resdiff.cli import app

from conftest import ROOT, SAMPLE

ARG = str(SAMPLE.relative_to(ROOT))


@pytest.fixture
def chinese(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("RESDIFF_UI_LANG", "zh")


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_terminal_view_in_chinese(chinese, golden):
    golden("ui/sample.zh.terminal.txt", run("diff", ARG, "--width", "100"))


def test_stat_in_chinese(chinese, golden):
    golden("ui/sample.zh.stat.txt", run("diff", ARG, "--stat", "--width", "100"))


def test_parse_view_in_chinese(chinese, golden):
    golden("ui/sample.zh.parse.txt", run("parse", ARG))


def test_markdown_in_chinese(chinese, golden):
    golden("ui/sample.zh.md", run("diff", ARG, "--format", "md"))


def test_the_chinese_terminal_view_says_what_the_english_one_says(chinese):
    """Same lines, same paragraph ids and texts: only the labels differ."""
    chinese_view = run("diff", ARG, "--width", "100")
    english = run("--ui-lang", "en", "diff", ARG, "--width", "100")
    assert chinese_view.count("\n") == english.count("\n")
    assert "[修改]  L.22 PP1 → L.56 PP1  （相似度 84%）" in chinese_view
    assert "[modified]  L.22 PP1 → L.56 PP1  (84% alike)" in english
    assert "未改动 8  修改 36  新增 3  删除 3  合并 2  拆分 0  移动 5  重新编号 17" in chinese_view
    for label in ("[modified]", "alike", "unchanged", "Sub-paragraphs", "Footnotes"):
        assert label not in chinese_view


def test_json_stays_english_in_the_chinese_interface(chinese):
    data = json.loads(run("diff", ARG, "--format", "json"))
    english = json.loads(run("--ui-lang", "en", "diff", ARG, "--format", "json"))
    assert data == english
    assert data["changes"][0]["kind"] == "modified"


def test_no_changes_in_chinese(chinese):
    assert run("diff", ARG, ARG, "--only-changes").endswith("\n\n无改动：两个版本的案文相同。\n")
    assert run("diff", ARG, ARG, "--only-changes", "--format", "md").endswith("\n无改动：两个版本的案文相同。\n")
