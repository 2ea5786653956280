"""resdiff diff --format docx: a Word document whose tracked changes turn the old text into the new."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from dataclasses import replace

import docx
import pytest
from lxml import etree
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.compare import compare
from resdiff.model import ParagraphKind
from resdiff.parse import parse_file
from resdiff.render import RenderOptions
from resdiff.render.docx import render

from conftest import CORPUS, SAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _printed(document) -> list[str]:
    """The document as delegates read it: title, chapeau, then each paragraph line by line."""
    chapeau = "大会，" if document.language == "zh" else "The General Assembly,"
    lines = [line for line in (document.symbol, document.title) if line] + [chapeau]
    for p in document.paragraphs:
        number = f"{p.number}. " if p.kind is ParagraphKind.OPERATIVE else ""
        first, *rest = p.body.split("\n")
        lines.append(number + first)
        lines.extend(rest)
    return lines


def _resolve(xml: bytes, accept: bool) -> list[str]:
    """Paragraph texts after accepting (or rejecting) every tracked change, as Word would."""
    root = etree.fromstring(xml)
    gone, kept = (f"{W}del", f"{W}ins") if accept else (f"{W}ins", f"{W}del")
    paragraphs = []
    pending = ""
    for p in root.iter(f"{W}p"):
        text = pending
        for node in p.iter(f"{W}t", f"{W}delText"):
            inside = {a.tag for a in node.iterancestors()}
            if gone in inside:
                continue
            text += node.text or ""
        mark = p.find(f"{W}pPr/{W}rPr")
        mark_gone = mark is not None and mark.find(gone) is not None
        if mark_gone:
            pending = text  # the paragraph mark goes: this text joins the next paragraph
            continue
        pending = ""
        paragraphs.append(text)
    if pending:
        paragraphs.append(pending)
    return [t for t in paragraphs if t.strip()]


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read("word/document.xml")


@pytest.fixture(scope="module")
def sample():
    documents = parse_file(str(SAMPLE))
    old, new = documents[0], documents[-1]
    assert old.symbol.endswith("L.22") and new.symbol.endswith("L.56")
    comparison = compare(old, new)
    return comparison, render(comparison, RenderOptions())


def test_accepting_all_changes_gives_l56_and_rejecting_gives_l22(sample):
    comparison, data = sample
    xml = _document_xml(data)
    assert _resolve(xml, accept=True) == _printed(comparison.new)
    assert _resolve(xml, accept=False) == _printed(comparison.old)


def test_revisions_are_real_tracked_changes_by_resdiff(sample):
    comparison, data = sample
    root = etree.fromstring(_document_xml(data))
    ins, dels = list(root.iter(f"{W}ins")), list(root.iter(f"{W}del"))
    assert ins and dels
    assert {e.get(f"{W}author") for e in ins + dels} == {"resdiff"}
    assert all(e.get(f"{W}date") for e in ins + dels)
    ids = [e.get(f"{W}id") for e in ins + dels]
    assert len(ids) == len(set(ids))
    # Deleted text is delText, never plain text.
    assert all(t.getparent().getparent().tag != f"{W}del" for t in root.iter(f"{W}t"))
    # Word-level: some paragraph holds equal text and revisions side by side.
    mixed = [p for p in root.iter(f"{W}p")
             if p.find(f"{W}r") is not None and (p.find(f"{W}ins") is not None or p.find(f"{W}del") is not None)]
    assert mixed


def test_added_paragraph_marks_its_paragraph_mark_as_inserted(sample):
    comparison, data = sample
    root = etree.fromstring(_document_xml(data))
    added = [c for c in comparison.changes if c.kind.value == "added"]
    assert added
    marks = [p for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None]
    texts = ["".join(t.text for t in p.iter(f"{W}t")) for p in marks]
    opening = comparison.new.paragraph(added[0].new[0]).body.split("\n")[0]
    assert any(opening in t for t in texts)


def test_moved_paragraph_is_deleted_at_its_old_place_and_inserted_at_its_new(sample):
    comparison, data = sample
    moved = next(c for c in comparison.changes if c.moved and c.kind.value == "unchanged")
    body = comparison.new.paragraph(moved.new[0]).body
    root = etree.fromstring(_document_xml(data))
    deleted = ["".join(t.text for t in p.iter(f"{W}delText")) for p in root.iter(f"{W}p")]
    inserted = ["".join(t.text for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]
    assert body in deleted and body in inserted
    assert deleted.index(body) != inserted.index(body)


def test_chinese_runs_carry_an_east_asian_font_and_language(sample):
    _, data = sample
    root = etree.fromstring(_document_xml(data))
    runs = list(root.iter(f"{W}r"))
    assert runs
    for run in runs:
        assert run.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "SimSun"
        assert run.find(f"{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN"


def test_output_is_byte_identical_across_runs_and_dated_from_the_document(sample):
    comparison, data = sample
    assert render(comparison, RenderOptions()) == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    dated = render(comparison, replace(RenderOptions(), date="2010-12-08"))
    assert b'w:date="2010-12-08T00:00:00Z"' in _document_xml(dated)


def test_renumbered_operative_paragraph_shows_old_and_new_number(sample):
    comparison, data = sample
    change = next(c for c in comparison.changes if c.renumbered and not c.moved and len(c.old) == 1)
    old_number = comparison.old.paragraph(change.old[0]).number
    new_number = comparison.new.paragraph(change.new[0]).number
    root = etree.fromstring(_document_xml(data))
    for p in root.iter(f"{W}p"):
        dels = [t.text for t in p.iter(f"{W}delText")]
        ins = [t.text for e in p.iter(f"{W}ins") for t in e.iter(f"{W}t")]
        if f"{old_number}. " in dels and f"{new_number}. " in ins:
            break
    else:
        pytest.fail("no paragraph revises its number")


def test_english_pdfs_accept_and_reject(tmp_path):
    old = parse_file(str(CORPUS / "pdf" / "A_RES_68_262-EN.pdf"))[0]
    new = parse_file(str(CORPUS / "pdf" / "A_RES_ES-11_4-EN.pdf"))[0]
    comparison = compare(old, new)
    xml = _document_xml(render(comparison, RenderOptions()))
    assert _resolve(xml, accept=True) == _printed(new)
    assert _resolve(xml, accept=False) == _printed(old)
    assert b"zh-CN" not in xml


def test_python_docx_loads_the_file_and_cli_writes_it(tmp_path):
    out = tmp_path / "changes.docx"
    result = CliRunner().invoke(app, ["diff", str(SAMPLE), "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert "大会，" in texts
    assert document.settings.element.find(f"{W}trackRevisions") is not None


def test_libreoffice_converts_the_file_without_error(tmp_path, sample):
    # Must not skip: the Makefile's system-deps target installs LibreOffice.
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is missing: run make system-deps"
    _, data = sample
    source = tmp_path / "changes.docx"
    source.write_bytes(data)
    run = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=180,
    )
    assert run.returncode == 0, run.stderr
    pdf = tmp_path / "changes.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000
    # The converted PDF reads back: LibreOffice shows the new text with the changes marked.
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(str(pdf)).pages)
    assert "信息和通信技术" in text.replace(" ", "")
