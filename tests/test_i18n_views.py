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


def _html(comparison) -> str:
    from resdiff.render import RenderOptions
    from resdiff.render.html import render

    i18n.use("zh")
    return render(comparison, RenderOptions())


def test_html_captions_and_buttons_in_chinese(sample_comparison):
    page = _html(sample_comparison)
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh" class="no-js">')
    for said in ('<p class="eyebrow">两个版本的比较</p>',
                 '<section class="doc" aria-label="旧版本"><h2>旧版本</h2>',
                 "日期 2010-11-04 · 序言部分 25 段，执行部分 26 段 · 语文 中文",
                 '<button type="button" data-view="inline" aria-pressed="true">行内显示</button>',
                 '<button type="button" data-view="sbs" aria-pressed="false">并排显示</button>',
                 '<input type="checkbox" id="only-changes"> 只显示有改动的段落</label>',
                 '<button type="button" class="copy" id="copy-new">复制 L.56 的案文</button>',
                 '<h2 id="corr-title">段落对应</h2>', '<th scope="col">改动</th><th scope="col">相似度</th>',
                 '<span class="badge k-modified">修改</span> <span class="badge k-moved">移动</span>',
                 '<span class="sim">相似度 84%</span>',
                 "L.22 PP15 和 L.22 PP20 合并为 L.56 PP19。",
                 "<li><span class=\"sw k-modified\" aria-hidden=\"true\"></span>修改 <b>36</b></li>",
                 '<h2 id="footnotes-title">脚注</h2>', "改动涉及：正文段落 49 段、分段 3 个、脚注 11 个",
                 "content:\" [插入开始] \"", "'显示 ' + count + ' 项，共 ' + items.length + ' 项'",
                 "copied.textContent = '已复制'", "由 resdiff 生成。"):
        assert said in page, said
    # the page's words are Chinese; the documents' classes, ids and data stay as they were
    for english in (">Inline<", ">Side by side<", "Only changed paragraphs", " alike<", ">modified<", "Footnotes"):
        assert english not in page, english
    assert 'data-kind="modified"' in page and 'class="change k-modified"' in page


def test_chinese_html_page_runs_its_script_in_chromium(sample_comparison, tmp_path):
    """The translated script and style still match the page's Content-Security-Policy hashes."""
    from test_browser import CHROMIUM, FLAGS

    from playwright.sync_api import sync_playwright

    report = tmp_path / "report.zh.html"
    report.write_text(_html(sample_comparison), encoding="utf-8")
    changes = len(sample_comparison.changes)
    changed = sum(1 for c in sample_comparison.changes if c.kind.value != "unchanged" or c.moved or c.renumbered)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        try:
            page = browser.new_page()
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type in {"error", "warning"} else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(report.as_uri())
            assert page.get_attribute("html", "class") == "js"
            assert page.text_content("#shown-count") == f"显示 {changes} 项，共 {changes} 项"
            page.check("#only-changes")
            assert page.text_content("#shown-count") == f"显示 {changed} 项，共 {changes} 项"
            assert page.evaluate("getComputedStyle(document.querySelector('ins'), '::before').content") == '" [插入开始] "'
            assert problems == []
        finally:
            browser.close()


def test_parser_warnings_in_chinese_on_stderr_and_english_in_the_json(chinese, tmp_path):
    """A warning is data too: the JSON keeps it in English, standard error says it in Chinese."""
    draft = tmp_path / "gap.txt"
    draft.write_text("The General Assembly,\n\n1. Decides to continue;\n\n3. Requests a report.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", str(draft)])
    assert result.exit_code == 0
    assert result.stderr == (f"resdiff：警告：{draft}：文档：执行部分第 3 段紧接第 1 段（在 OP1 之后）："
                             "可能缺少段落或误读\n")
    data = json.loads(CliRunner().invoke(app, ["parse", str(draft), "--format", "json"]).stdout)
    assert data["documents"][0]["warnings"] == [
        "document: operative paragraph 3 follows 1 (after OP1): a paragraph may be missing or misread"]
    strict = CliRunner().invoke(app, ["parse", str(draft), "--strict"])
    assert strict.exit_code == 1 and "有 1 条警告且使用了 --strict" in str(strict.exception)


def test_add_and_precedent_summaries_in_chinese(chinese, tmp_path):
    store = str(tmp_path / "store.db")
    added = run("add", ARG, "--store", store)
    assert added.splitlines()[0] == "已添加 A/C.2/65/L.22（PP 25 段，OP 26 段）"
    assert run("add", ARG, "--store", store).splitlines()[0] == "未改动 A/C.2/65/L.22（已存储为第 1 版）"
    precedent = run("precedent", "L.56", "--store", store)
    assert precedent.startswith("A/C.2/65/L.56 的先例，检索范围为已存储的")
    assert "无先例：新措辞" in precedent or "与 A/C.2/65/L.22" in precedent
    assert precedent.splitlines()[-1].startswith("与先例相同 ")


def test_the_word_file_describes_itself_in_chinese(sample_comparison, tmp_path):
    import docx

    from resdiff.render import RenderOptions
    from resdiff.render.docx import render

    i18n.use("zh")
    path = tmp_path / "changes.docx"
    path.write_bytes(render(sample_comparison, RenderOptions()))
    assert docx.Document(str(path)).core_properties.comments == "由 resdiff 生成的修订标记"
