"""The diff reports carry what reading each file left out or could not vouch for: the notes and
warnings said on standard error appear in the HTML, Markdown and JSON reports too."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys

import docx
import jsonschema
import pytest

from helpers import ROOT

SCHEMA = json.loads((ROOT / "resdiff" / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))
TABLE = "1 table skipped (resdiff compares paragraphs, not tables)"
GAP = "document: operative paragraph 4 follows 2 (after OP2): a paragraph may be missing or misread"


def _run(tmp_path, *args, lang="en"):
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}}
    environment["RESDIFF_UI_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "resdiff", *args], capture_output=True, text=True,
                          env=environment, cwd=tmp_path, timeout=120)


@pytest.fixture
def tabled(tmp_path):
    """A Word draft whose operative paragraph 3 is in a table, which resdiff skips."""
    d = docx.Document()
    for text in ("The General Assembly,", "Recalling its resolution 60/1,", "1. Decides to act;", "2. Requests a report;"):
        d.add_paragraph(text)
    d.add_table(rows=1, cols=1).cell(0, 0).text = "3. Decides to fund the mission;"
    d.add_paragraph("4. Decides to remain seized of the matter.")
    d.save(tmp_path / "tb.docx")
    (tmp_path / "plain.txt").write_text("The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act;\n\n"
                                        "2. Requests a report;\n\n3. Decides to remain seized of the matter.\n",
                                        encoding="utf-8")
    return tmp_path


def test_json_lists_each_sides_reading_warnings(tabled):
    result = _run(tabled, "diff", "plain.txt", "tb.docx", "--format", "json")
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["old"]["warnings"] == []
    assert data["new"]["warnings"] == [TABLE, GAP]
    # the same lines as on standard error, in the same order
    said = [line.split("tb.docx: ", 1)[1] for line in result.stderr.splitlines() if "tb.docx: " in line]
    assert said == [TABLE, GAP]


def test_html_shows_the_warnings_near_the_top(tabled):
    _run(tabled, "diff", "tb.docx", "plain.txt", "-o", "r.html")
    page = (tabled / "r.html").read_text(encoding="utf-8")
    section = re.search(r'<section class="reading-warnings".*?</section>', page, re.S)
    assert section is not None
    assert page.index('class="reading-warnings"') < page.index('class="summary"')
    text = html.unescape(re.sub(r"<[^>]+>", "\n", section.group(0)))
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines == ["Warnings from reading the files",
                     "resdiff could not vouch for these parts of the text, or left them out: check them by hand.",
                     "Reading the old version (tb.docx)", TABLE, GAP]


def test_markdown_lists_the_warnings_in_chinese(tabled):
    result = _run(tabled, "diff", "plain.txt", "tb.docx", "--format", "markdown", lang="zh")
    text = result.stdout
    start = text.index("## 读取文件时的警告")
    block = text[start:text.index("## ", start + 3)]
    assert "**读取新版本（tb.docx）**" in block and "读取旧版本" not in block
    assert "- 跳过了 1 个表格（resdiff 比较段落，不比较表格）" in block
    assert block.count("\n- ") == 2


def test_no_section_when_the_readings_are_in_order(tabled):
    result = _run(tabled, "diff", "plain.txt", "plain.txt", "--format", "markdown")
    assert "Warnings from reading" not in result.stdout
    _run(tabled, "diff", "plain.txt", "plain.txt", "-o", "r.html")
    assert "reading-warnings\"" not in (tabled / "r.html").read_text(encoding="utf-8").split("<body", 1)[1]
