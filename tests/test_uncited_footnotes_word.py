"""A footnote no paragraph cites in the Word output. Word holds a footnote only at a mark, so
such a footnote is listed after the text under a heading of its own, numbered as in the text,
revised like a paragraph; no mark is invented, and the footnotes after it keep their numbers.
Before, it was left out of the file (with a note): accepting every change lost it and the later
footnotes were renumbered (A/RES/80/9: footnote 14 read back as 13); before that, it was
referenced at the end of the last paragraph, a mark neither version has."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree
from typer.testing import CliRunner

from conftest import CORPUS
from resdiff.cli import app
from resdiff.compare import compare
from resdiff.parse import parse_file, parse_text
from resdiff.parse.docx import parse_docx
from resdiff.render.docx import render
from test_tracked_changes import (
    GAP,
    GAP_CITED,
    GAP_RENUMBERED,
    UNCITED_HEADING,
    _assert_accept_reject,
    _document_xml,
    _resolve,
)

runner = CliRunner()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

EN = ("The General Assembly,\n\nRecalling its resolution 60/1,1\n\n1. Decides to act;\n\n2. Requests a report.\n\n"
      "__________\n1 See A/60/1.\n2 See A/61/1.\n")
ZH = "大会，\n\n回顾其第 60/1 号决议，1\n\n1. 决定采取行动；\n\n2. 请提交报告。\n\n__________\n1 见 A/60/1。\n2 见 A/61/1。\n"


def _xml(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def _settled(data: bytes, accept: bool) -> bytes:
    """The Word file with every revision accepted (or rejected), as Word leaves it: revised text
    kept or dropped, a dropped paragraph mark joining its paragraph to the next."""
    gone = {W + "del", W + "moveFrom"} if accept else {W + "ins", W + "moveTo"}
    kept = {W + "ins", W + "moveTo"} if accept else {W + "del", W + "moveFrom"}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename in ("word/document.xml", "word/footnotes.xml"):
                root = etree.fromstring(content)
                for p in list(root.iter(W + "p")):
                    marks = p.find(f"{W}pPr/{W}rPr")
                    revised = [m for m in marks if m.tag in gone | kept] if marks is not None else []
                    for m in revised:
                        marks.remove(m)
                    following = p.getnext()
                    if any(m.tag in gone for m in revised) and following is not None and following.tag == W + "p":
                        at = 1 if following.find(W + "pPr") is not None else 0
                        for n, child in enumerate([c for c in p if c.tag != W + "pPr"]):
                            following.insert(at + n, child)
                        p.getparent().remove(p)
                for element in [e for e in root.iter(*gone)]:
                    element.getparent().remove(element)
                for element in [e for e in root.iter(*kept)]:
                    parent, at = element.getparent(), element.getparent().index(element)
                    for n, child in enumerate(list(element)):
                        parent.insert(at + n, child)
                    parent.remove(element)
                for element in root.iter(W + "delText"):
                    element.tag = W + "t"
                for element in root.iter(W + "delInstrText"):
                    element.tag = W + "instrText"
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, content)
    return out.getvalue()


def _read_back(data: bytes, accept: bool) -> list[tuple[str, str]]:
    """The footnotes (mark, text) resdiff reads from the file once every revision is accepted
    or rejected."""
    document = parse_docx(_settled(data, accept), "x.docx")[0]
    return [(f.mark, f.text) for f in document.footnotes]


def test_an_uncited_footnote_is_listed_after_the_text_and_accept_reject_give_the_texts():
    old = parse_text(EN, "a.txt")[0]
    new = parse_text(EN.replace("See A/60/1.", "See A/60/2.").replace("See A/61/1.", "See A/61/2."), "b.txt")[0]
    comparison = compare(old, new)
    data = render(comparison)
    document = _xml(data, "word/document.xml")
    assert re.findall(r'<w:footnoteReference w:id="(\d+)"/>', document) == ["1"]  # no mark invented
    assert "See A/61/" not in _xml(data, "word/footnotes.xml")
    xml = _document_xml(data)
    assert _resolve(xml, accept=True)[-3:] == ["2. Requests a report.", UNCITED_HEADING, "2 See A/61/2."]
    assert _resolve(xml, accept=False)[-3:] == ["2. Requests a report.", UNCITED_HEADING, "2 See A/61/1."]
    _assert_accept_reject(comparison, data)
    assert _read_back(data, accept=True) == [("1", "See A/60/2."), ("2", "See A/61/2.")]
    assert _read_back(data, accept=False) == [("1", "See A/60/1."), ("2", "See A/61/1.")]


def test_footnotes_after_an_uncited_one_keep_their_numbers_on_both_sides():
    """Old: footnote 2 cited by no paragraph, 3 cited by OP2; new: OP1 cites 2. Word numbers
    3 as 2 in the old text unless its mark is written out: rejecting gives 3, accepting 3."""
    old = parse_text(GAP, "a.txt")[0]
    new = parse_text(GAP_CITED, "b.txt")[0]
    comparison = compare(old, new)
    data = render(comparison)
    document = _xml(data, "word/document.xml")
    assert re.findall(r'<w:footnoteReference( w:customMarkFollows="1")? w:id="(\d+)"/>', document) == [
        ("", "1"), ("", "2"), (' w:customMarkFollows="1"', "3")]
    _assert_accept_reject(comparison, data)
    assert _resolve(_document_xml(data), accept=True)[-1] == "2. Requests a report."
    assert _resolve(_document_xml(data), accept=False)[-2:] == [UNCITED_HEADING, "2 See A/61/1."]
    assert _read_back(data, accept=True) == [("1", "See A/60/1."), ("2", "See A/61/1."), ("3", "See A/62/1.")]
    assert _read_back(data, accept=False) == [("1", "See A/60/1."), ("3", "See A/62/1."), ("2", "See A/61/1.")]
    cited = parse_docx(_settled(data, accept=False), "x.docx")[0]
    assert [(p.id, p.all_footnotes()) for p in cited.paragraphs] == [("PP1", ("1",)), ("OP1", ()), ("OP2", ("3",))]


def test_a_footnote_both_versions_cite_with_other_marks_after_an_uncited_one_is_two_word_footnotes():
    """Old: footnote 3 after the uncited 2; new: another uncited footnote 3, so the same footnote
    is 4. Word would count both as 2: one reference deleted (mark 3) and one inserted (mark 4),
    each in its own run, as office suites read a mark written out."""
    comparison = compare(parse_text(GAP, "a.txt")[0], parse_text(GAP_RENUMBERED, "b.txt")[0])
    data = render(comparison)
    document = _xml(data, "word/document.xml")
    assert re.findall(r'<w:(del|ins) [^>]*><w:r><w:rPr>.*?</w:rPr><w:footnoteReference w:customMarkFollows="1" '
                      r'w:id="(\d+)"/><w:(?:t|delText) xml:space="preserve">(\d+)</w:(?:t|delText)></w:r></w:\1>',
                      document) == [("del", "2", "3"), ("ins", "3", "4")]
    _assert_accept_reject(comparison, data)
    assert _read_back(data, accept=True) == [("1", "See A/60/1."), ("4", "See A/62/1."), ("2", "See A/61/1."),
                                             ("3", "See A/63/1.")]
    assert _read_back(data, accept=False) == [("1", "See A/60/1."), ("3", "See A/62/1."), ("2", "See A/61/1.")]


def test_a_resolution_with_an_uncited_footnote_reads_back_with_every_footnote_numbered_as_printed(tmp_path):
    """A/RES/80/9: footnote 13 is cited by no paragraph; 14 and 15 are cited after it."""
    source = CORPUS / "en" / "A_RES_80_9.md"
    old = parse_file(str(source))[0]
    edited = tmp_path / "A_RES_80_9.md"
    edited.write_text(source.read_text(encoding="utf-8").replace("[^13]: Resolution 48/134, annex.",
                                                                   "[^13]: Resolution 48/134."), encoding="utf-8")
    new = parse_file(str(edited))[0]
    comparison = compare(old, new)
    data = render(comparison)
    _assert_accept_reject(comparison, data)
    assert _resolve(_document_xml(data), accept=True)[-2:] == [UNCITED_HEADING, "13 Resolution 48/134."]
    assert _resolve(_document_xml(data), accept=False)[-2:] == [UNCITED_HEADING, "13 Resolution 48/134, annex."]
    marks = [str(n) for n in range(1, 13)] + ["14", "15", "13"]  # (13 read where it is listed: last)
    assert [m for m, _ in _read_back(data, accept=True)] == marks
    assert _read_back(data, accept=True) == [(f.mark, f.text) for f in sorted(new.footnotes, key=lambda f: marks.index(f.mark))]
    assert _read_back(data, accept=False) == [(f.mark, f.text) for f in sorted(old.footnotes, key=lambda f: marks.index(f.mark))]
    # the file against the text it was made from: the same text, every footnote in place
    (tmp_path / "r9.docx").write_bytes(data)
    result = runner.invoke(app, ["--ui-lang", "en", "diff", str(edited), str(tmp_path / "r9.docx"), "--stat"])
    assert result.stdout.splitlines()[2:4] == [
        "33 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered",
        "Left out as page furniture: 17 lines of 80/9 (old), 2 lines of 80/9 (new) (--show-furniture lists them)"]
    changes = runner.invoke(app, ["--ui-lang", "en", "diff", str(edited), str(tmp_path / "r9.docx"), "--only-changes"])
    assert "Changed:" not in changes.stdout  # (before: "Changed: 3 footnotes", 13 removed, 14 and 15 renumbered)
    assert changes.stdout.endswith("No changes: the two versions read the same.\n")


def test_the_command_says_where_the_word_file_lists_an_uncited_footnote(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN.replace("60/1,1", "60/1,"), encoding="utf-8")
    result = runner.invoke(app, ["--ui-lang", "en", "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                 "-o", str(tmp_path / "d.docx")])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"resdiff: warning: {tmp_path / 'a.txt'}: document: footnote 2 is cited by no paragraph: its mark may be "
        "missing or misread",
        f"resdiff: warning: {tmp_path / 'b.txt'}: document: footnotes 1, 2 are cited by no paragraph: their marks may "
        "be missing or misread",
        "resdiff: note: footnote 1 of b.txt is cited by no paragraph: the Word file lists it after the text, under "
        "a heading of its own, rather than give it a mark the text does not have",
        "resdiff: note: footnote 2 of a.txt, b.txt is cited by no paragraph: the Word file lists it after the text, "
        "under a heading of its own, rather than give it a mark the text does not have",
    ]
    assert _resolve(_document_xml((tmp_path / "d.docx").read_bytes()), accept=True)[-3:] == [
        UNCITED_HEADING, "1 See A/60/1.", "2 See A/61/1."]
    (tmp_path / "z.txt").write_text(ZH, encoding="utf-8")
    chinese = runner.invoke(app, ["--ui-lang", "zh", "diff", str(tmp_path / "z.txt"), str(tmp_path / "z.txt"),
                                  "-o", str(tmp_path / "z.docx")])
    warning = f"resdiff：警告：{tmp_path / 'z.txt'}：文档：没有任何段落引用脚注 2：其标记可能缺失或被误读"
    assert chinese.stderr.splitlines() == [warning,  # (one file given twice: its reading warned about once)
        "resdiff：注意：z.txt 的脚注 2 没有任何段落引用：Word 文件将其列在正文之后的单独标题下，而不为其添加文本中没有的脚注标记"]
    assert _resolve(_document_xml((tmp_path / "z.docx").read_bytes()), accept=True)[-3:] == [
        "2. 请提交报告。", "没有任何段落引用的脚注（编号同原文，正文中没有其标记）", "2 见 A/61/1。"]
    # other views and a text whose footnotes are all cited: no note
    assert "note:" not in runner.invoke(app, ["diff", str(tmp_path / "a.txt"), str(tmp_path / "a.txt"),
                                              "-o", str(tmp_path / "d.html")]).stderr
    (tmp_path / "c.txt").write_text(EN.replace("\n2 See A/61/1.", ""), encoding="utf-8")
    assert runner.invoke(app, ["diff", str(tmp_path / "c.txt"), str(tmp_path / "c.txt"),
                               "-o", str(tmp_path / "c.docx")]).stderr == ""
    assert UNCITED_HEADING not in _xml((tmp_path / "c.docx").read_bytes(), "word/document.xml")


def test_read_back_the_word_file_reads_as_the_text(tmp_path):
    """The listed footnote is footnote 2 again, uncited; the heading is listed as furniture."""
    for name, text in (("a.txt", EN), ("z.txt", ZH)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        runner.invoke(app, ["diff", str(tmp_path / name), str(tmp_path / name), "-o", str(tmp_path / f"{name}.docx")])
        result = runner.invoke(app, ["--ui-lang", "en", "diff", str(tmp_path / name), str(tmp_path / f"{name}.docx"),
                                     "--only-changes", "--exit-code"])
        assert result.exit_code == 0, result.output
        assert result.stdout.endswith("No changes: the two versions read the same.\n")
    shown = runner.invoke(app, ["--ui-lang", "en", "parse", str(tmp_path / "a.txt.docx"), "--show-furniture"])
    assert ("heading above the footnotes no paragraph cites: Footnotes that no paragraph cites (numbered as in the "
            "text, which has no mark for them)") in shown.stdout
