"""Word 97-2003 (.doc) files, and reports in every format for history.

The .doc, .docx and .pdf files are made at test time by LibreOffice from the sample report and
from corpus texts (binary twins are not kept in the repository): each .doc must parse exactly as
its .docx twin and its text original.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from resdiff.cli import app, main
from resdiff.parse import doc as doc_module
from resdiff.parse import parse_file

from conftest import CORPUS, SAMPLE

SOURCES = {
    "A_C.2_65_433_report_zh": SAMPLE,
    "A_RES_68_262": CORPUS / "en" / "A_RES_68_262.en.txt",
    "A_RES_61_211": CORPUS / "zh" / "A_RES_61_211.ops1-19.zh.txt",
}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Each source as .txt, and as .doc, .docx and .pdf converted by LibreOffice (one run a format)."""
    soffice = doc_module.soffice()
    assert soffice, "LibreOffice is missing: run make system-deps"
    folder = tmp_path_factory.mktemp("word97")
    texts = []
    for stem, source in SOURCES.items():
        target = folder / f"{stem}.txt"
        shutil.copyfile(source, target)
        texts.append(str(target))
    for kind in ("doc", "docx", "pdf"):
        run = subprocess.run(
            [soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile",
             "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", kind, "--outdir", str(folder), *texts],
            capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
    return folder


def _bare(documents, warnings: bool = True):
    return [dataclasses.replace(d, source=None, **({} if warnings else {"warnings": (), "furniture": ()})) for d in documents]


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command as users do (errors mapped to status 2): status, stdout, stderr."""
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("stem", sorted(SOURCES))
def test_a_doc_file_parses_as_its_docx_twin_and_its_text(made, stem):
    doc = made / f"{stem}.doc"
    assert doc.read_bytes().startswith(doc_module.OLE2_MAGIC)
    from_doc = _bare(parse_file(str(doc)))
    assert from_doc == _bare(parse_file(str(made / f"{stem}.docx")))
    # the same paragraphs as the text; a warning names a line, and Word's lines are paragraphs
    assert _bare(from_doc, warnings=False) == _bare(parse_file(str(made / f"{stem}.txt")), warnings=False)
    assert sum(len(d.paragraphs) for d in from_doc) > 10


def test_a_doc_file_is_told_by_its_content_not_its_name(made, tmp_path):
    renamed = tmp_path / "A_C.2_65_433_report_zh.bin"
    shutil.copyfile(made / "A_C.2_65_433_report_zh.doc", renamed)
    result = CliRunner().invoke(app, ["diff", str(renamed), "--stat"])
    expected = CliRunner().invoke(app, ["diff", str(made / "A_C.2_65_433_report_zh.txt"), "--stat"])
    assert result.exit_code == 0, result.output
    assert result.stdout == expected.stdout
    assert "A/C.2/65/L.22" in result.stdout and "A/C.2/65/L.56" in result.stdout


def test_without_libreoffice_a_doc_file_is_one_error_naming_what_to_install(made, monkeypatch, capsys):
    monkeypatch.setattr(doc_module, "soffice", lambda: None)
    doc_module._converted.clear()
    path = made / "A_RES_68_262.doc"
    code, out, err = cli(capsys, "parse", str(path))
    assert (code, out) == (2, "")
    assert err == (f"resdiff: error: {path}: a Word 97-2003 document (.doc): reading it needs LibreOffice, "
                   "which is not installed (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; macOS: "
                   "brew install --cask libreoffice), or save it as .docx in Word\n")


def test_an_ole2_file_that_is_not_word_is_refused(tmp_path, capsys):
    sheet = tmp_path / "book.doc"
    sheet.write_bytes(doc_module.OLE2_MAGIC + b"\x00" * 4096 + "Workbook".encode("utf-16-le") + b"\x00" * 512)
    code, out, err = cli(capsys, "parse", str(sheet))
    assert (code, out) == (2, "")
    assert err == (f"resdiff: error: {sheet}: an OLE2 file (Excel, PowerPoint or Outlook) that is "
                             "not a Word document; give a Word, PDF or text file\n")


@pytest.mark.parametrize("kind", ["doc", "docx", "pdf"])
def test_history_reads_pdf_and_word_reports_as_it_reads_text(made, kind):
    expected = CliRunner().invoke(app, ["history", str(made / "A_C.2_65_433_report_zh.txt"), "--format", "json"])
    result = CliRunner().invoke(app, ["history", str(made / f"A_C.2_65_433_report_zh.{kind}"), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert expected.exit_code == 0
    strip = lambda text: text.replace(f"A_C.2_65_433_report_zh.{kind}", "SOURCE").replace(
        "A_C.2_65_433_report_zh.txt", "SOURCE")
    assert strip(result.stdout) == strip(expected.stdout)
    assert '"kind": "adopted"' in result.stdout and '"agenda_item": "17"' in result.stdout


def test_add_keeps_a_doc_report_with_what_its_narrative_says(made, tmp_path):
    logs = []
    for kind in ("txt", "doc"):
        store = tmp_path / f"{kind}.db"
        result = CliRunner().invoke(app, ["add", str(made / f"A_C.2_65_433_report_zh.{kind}"), "--store", str(store)])
        assert result.exit_code == 0, result.output
        assert result.stdout == "added A/C.2/65/L.22 (25 PP, 26 OP)\nadded A/C.2/65/L.56 (25 PP, 24 OP)\n"
        logs.append(CliRunner().invoke(app, ["log", "--store", str(store)]).stdout)
    # the narrative's dates and succession came through the Word 97 file as through the text
    assert logs[0] == logs[1]
    assert "2010-11-24  A/C.2/65/L.56" in logs[1]


def test_a_pdf_twin_reads_the_line_atop_each_page_as_text(made):
    # LibreOffice sets a plain text's first line on each page inside the band where a UN PDF
    # prints its running head: it was left out as the head of pages 2, 3, 7, 8 and 9 of the
    # sample ("page 2: 宣言》在内的已达成共识的…"), losing words of L.22's paragraphs. A line there
    # in the text's own size, with no symbol, atop no other page, is text.
    for stem in SOURCES:
        documents = parse_file(str(made / f"{stem}.pdf"))
        left_out = [str(f) for d in documents for f in d.furniture if re.match(r"page \d+: ", f)]
        assert [line for line in left_out if not set(line.split(": ", 1)[1]) <= {"_"}] == [], stem
    draft = parse_file(str(made / "A_C.2_65_433_report_zh.pdf"))[0]
    assert any("宣言》在内的已达成共识的联合国相关文件" in p.text for p in draft.paragraphs)
