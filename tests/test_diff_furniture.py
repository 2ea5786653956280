"""What a comparison left out as page furniture, in every view of `resdiff diff`: each view
counts the lines each version left out, `--show-furniture` lists them (the HTML and the JSON
always do), so that every line of both files is compared or accounted for."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape

from typer.testing import CliRunner

from resdiff.cli import app

from conftest import CORPUS, ROOT, SAMPLE

runner = CliRunner()


def _parsed_furniture(path) -> list[list[str]]:
    result = runner.invoke(app, ["parse", str(path), "--format", "json", "--show-furniture"])
    assert result.exit_code == 0, result.output
    return [d["furniture"] for d in json.loads(result.stdout)["documents"]]


def test_terminal_counts_the_lines_left_out_and_lists_them_when_asked():
    first, *_, last = _parsed_furniture(SAMPLE)
    assert (len(first), len(last)) == (15, 8)
    counted = runner.invoke(app, ["diff", str(SAMPLE), "--only-changes"])
    assert counted.exit_code == 0, counted.output
    assert counted.stdout.splitlines()[4] == "Width or spacing only: 2 paragraphs"  # L.22 PP2, PP5: a comma
    assert counted.stdout.splitlines()[5] == ("Left out as page furniture: 15 lines of L.22, 8 lines of L.56 "
                                              "(--show-furniture lists them)")
    assert "line 5: 第六十五届会议" not in counted.stdout
    listed = runner.invoke(app, ["diff", str(SAMPLE), "--only-changes", "--show-furniture"])
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    assert lines[5] == "Left out as page furniture: 15 lines of L.22, 8 lines of L.56"
    at = lines.index("Left out as page furniture in L.22 (15 lines):")
    assert lines[at + 1:at + 16] == ["  " + line for line in first]
    assert lines[at + 16:] == ["", "Left out as page furniture in L.56 (8 lines):"] + ["  " + line for line in last]
    # The rest of the view is the view without the listing.
    assert "\n".join(lines[:at - 1]) == "\n".join(counted.stdout.splitlines()).replace(
        " (--show-furniture lists them)", "")


def test_chinese_interface_names_the_lines_its_way():
    listed = runner.invoke(app, ["--ui-lang", "zh", "diff", str(SAMPLE), "--only-changes", "--show-furniture"])
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    assert lines[4:6] == ["仅宽度或空格不同：2 段", "作为版面元素略去：L.22 15 行、L.56 8 行"]
    at = lines.index("L.56 作为版面元素略去的行（8 行）：")
    assert lines[at + 1] == "  第 145 行：6. 在 11 月 24 日第 31 次会议上，委员会面前有委员会副主席让·克洛迪·皮埃尔(海地)" \
                            "根据就决议草案 A/C. 2/65/L. 22 进行的非正式协商提出的题为“信息和通信技术促进发展”的决议草案" \
                            "(A/C. 2/65/L. 56)。"


def test_json_html_and_markdown_hold_every_line_left_out():
    expected = _parsed_furniture(SAMPLE)
    data = json.loads(runner.invoke(app, ["diff", str(SAMPLE), "--format", "json"]).stdout)
    assert [data["old"]["furniture"], data["new"]["furniture"]] == [expected[0], expected[-1]]
    page = runner.invoke(app, ["diff", str(SAMPLE), "--format", "html"]).stdout
    section = page.split('<section id="furniture"', 1)[1].split("</section>", 1)[0]
    listed = [unescape(item) for item in re.findall(r"<li[^>]*>(.*?)</li>", section)]
    assert listed == expected[0] + expected[-1]
    assert '<a href="#furniture">Left out as page furniture: 15 lines of L.22, 8 lines of L.56</a>' in page
    markdown = runner.invoke(app, ["diff", str(SAMPLE), "--format", "md", "--show-furniture"]).stdout
    part = markdown.split("## Page furniture\n", 1)[1]
    assert part.count("\n- ") == 23
    assert "- line 17: 1. 大会 2010 年 9 月 17 日第 2 次全体会议" in part
    plain = runner.invoke(app, ["diff", str(SAMPLE), "--format", "md"]).stdout
    assert "## Page furniture" not in plain
    assert "Left out as page furniture: 15 lines of L.22, 8 lines of L.56 (--show-furniture lists them)." in plain


def test_nothing_left_out_says_nothing():
    path = ROOT / "tests/cases/zh_revision/old.txt"
    assert _parsed_furniture(path) == [[]]
    out = runner.invoke(app, ["diff", str(path), str(path)]).stdout
    assert "furniture" not in out
    data = json.loads(runner.invoke(app, ["diff", str(path), str(path), "--format", "json"]).stdout)
    assert data["old"]["furniture"] == data["new"]["furniture"] == []


def test_word_output_refuses_the_listing_in_one_line(tmp_path):
    out = tmp_path / "changes.docx"
    result = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(SAMPLE), "--show-furniture", "-o", str(out)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 2 and not out.exists()
    assert result.stderr.count("\n") == 1 and "--show-furniture has no docx form" in result.stderr


def test_stored_versions_keep_what_their_files_left_out(tmp_path):
    store = tmp_path / "store.db"
    pdf = CORPUS / "pdf" / "A_RES_68_262-EN.pdf"
    assert runner.invoke(app, ["add", str(pdf), "--store", str(store)]).exit_code == 0
    from_file = json.loads(runner.invoke(app, ["diff", str(pdf), str(pdf), "--format", "json"]).stdout)
    from_store = json.loads(runner.invoke(app, ["diff", "A/RES/68/262", "A/RES/68/262", "--store", str(store),
                                                "--offline", "--format", "json"]).stdout)
    assert from_file["old"]["furniture"] and from_store["old"]["furniture"] == from_file["old"]["furniture"]
    shown = runner.invoke(app, ["--ui-lang", "zh", "diff", "A/RES/68/262", "A/RES/68/262", "--store", str(store),
                                "--offline", "--show-furniture"]).stdout
    assert "第 " in shown and "行：" in shown  # read back as lines the interface names
    assert "  第 2 页：2/2" in shown.splitlines()  # a PDF's page furniture too, not its English
