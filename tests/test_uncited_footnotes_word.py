"""A footnote no paragraph cites in the Word output: Word holds a footnote only at a mark, so it
is left out, and the command says so in one note. Before, it was referenced at the end of the
last paragraph, a mark neither version has: accepting and rejecting every change both gave
"2. Requests a report.²", and reading the file back gave "[footnote references] OP2: none → 2"."""

from __future__ import annotations

import io
import re
import zipfile

from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.compare import compare
from resdiff.parse import parse_text
from resdiff.render.docx import render
from test_tracked_changes import _assert_accept_reject

runner = CliRunner()

EN = ("The General Assembly,\n\nRecalling its resolution 60/1,1\n\n1. Decides to act;\n\n2. Requests a report.\n\n"
      "__________\n1 See A/60/1.\n2 See A/61/1.\n")
ZH = "大会，\n\n回顾其第 60/1 号决议，1\n\n1. 决定采取行动；\n\n2. 请提交报告。\n\n__________\n1 见 A/60/1。\n2 见 A/61/1。\n"


def _xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def test_an_uncited_footnote_gets_no_mark_and_accept_reject_give_the_texts():
    old = parse_text(EN, "a.txt")[0]
    new = parse_text(EN.replace("See A/60/1.", "See A/60/2."), "b.txt")[0]
    comparison = compare(old, new)
    data = render(comparison)
    document = _xml(data, "word/document.xml")
    assert re.findall(r'<w:footnoteReference w:id="(\d+)"/>', document) == ["1"]
    assert "See A/61/1" not in _xml(data, "word/footnotes.xml")
    _assert_accept_reject(comparison, data)


def test_the_command_says_which_footnote_the_word_file_leaves_out(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN.replace("60/1,1", "60/1,"), encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "en", "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                 "-o", str(tmp_path / "d.docx")])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"resdiff: warning: {tmp_path / 'a.txt'}: document: footnote 2 is cited by no paragraph: its mark may be "
        "missing or misread",
        "resdiff: note: footnote 1 of b.txt is cited by no paragraph: the Word file leaves it out rather than "
        "give it a mark the text does not have",
        "resdiff: note: footnote 2 of a.txt, b.txt is cited by no paragraph: the Word file leaves it out rather "
        "than give it a mark the text does not have",
    ]
    (tmp_path / "z.txt").write_text(ZH, encoding="utf-8")
    chinese = runner.invoke(app, ["--ui-lang", "zh", "diff", str(tmp_path / "z.txt"), str(tmp_path / "z.txt"),
                                  "-o", str(tmp_path / "z.docx")])
    warning = f"resdiff：警告：{tmp_path / 'z.txt'}：文档：没有任何段落引用脚注 2：其标记可能缺失或被误读"
    assert chinese.stderr.splitlines() == [warning, warning,  # (the reading's, of each side)
        "resdiff：注意：z.txt 的脚注 2 没有任何段落引用：Word 文件不收录该脚注，而不为其添加文本中没有的脚注标记"]
    # other views and a text whose footnotes are all cited: no note
    assert "note:" not in runner.invoke(app, ["diff", str(tmp_path / "a.txt"), str(tmp_path / "a.txt"),
                                              "-o", str(tmp_path / "d.html")]).stderr
    (tmp_path / "c.txt").write_text(EN.replace("\n2 See A/61/1.", ""), encoding="utf-8")
    assert runner.invoke(app, ["diff", str(tmp_path / "c.txt"), str(tmp_path / "c.txt"),
                               "-o", str(tmp_path / "c.docx")]).stderr == ""


def test_read_back_the_word_file_cites_nothing_new(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    runner.invoke(app, ["diff", str(tmp_path / "a.txt"), str(tmp_path / "a.txt"), "-o", str(tmp_path / "a.docx")])
    result = runner.invoke(app, ["--ui-lang", "en", "diff", str(tmp_path / "a.txt"), str(tmp_path / "a.docx"),
                                 "--only-changes"])
    assert "[footnote references]" not in result.stdout
    assert "[removed]  a.txt footnote 2\n[-See A/61/1.-]\n" in result.stdout
