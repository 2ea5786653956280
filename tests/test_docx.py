"""Reading .docx: paragraphs, Word list numbers, footnotes, tables skipped, clear errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import docx
import pytest
from docx.oxml import parse_xml
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.compare import compare
from resdiff.errors import InputError
from resdiff.model import ParagraphKind
from resdiff.parse import parse_bytes, parse_file
from resdiff.parse.docx import docx_text, parse_docx
from resdiff.render import RenderOptions
from resdiff.render.docx import render
from resdiff.text import normalize

from conftest import CORPUS, SAMPLE

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

FOOTNOTES_XML = f"""<w:footnotes xmlns:w="{W}">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> A/49/765, annex I.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Resolution 2625 (XXV), annex.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def _with_footnotes(document) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                FOOTNOTES_XML.encode(), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)


def _reference(paragraph, footnote_id: int) -> None:
    paragraph._p.append(parse_xml(
        f'<w:r xmlns:w="{W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{footnote_id}"/></w:r>'))


def _numbered(paragraph, num_id: int, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _draft() -> bytes:
    """An English draft as delegates write it: list numbering, a typed number, footnotes, a table."""
    d = docx.Document()
    d.add_paragraph("A/C.2/99/L.7")
    d.add_paragraph("Territorial integrity")
    d.add_paragraph("The General Assembly,")
    p = d.add_paragraph("Recalling the Budapest Memorandum of 5 December 1994,")
    _reference(p, 1)
    p.add_run(" and the Declaration on Friendly Relations,")
    _reference(p, 2)
    d.add_paragraph("Noting the referendum,")
    d.add_table(rows=2, cols=2).cell(0, 0).text = "Vote: 100 in favour"
    d.add_paragraph("Affirms its commitment to sovereignty;", style="List Number")
    d.add_paragraph("Decides:", style="List Number")
    for text in ("to remain seized;", "to review;"):
        _numbered(d.add_paragraph(text, style="List Number"), 1, 1)
    d.add_paragraph("Calls upon all States to refrain;", style="List Number")
    _with_footnotes(d)
    return _save(d)


def test_docx_text_writes_numbers_and_footnotes_out():
    read = docx_text(_draft(), "draft.docx")
    assert read.tables == 1
    assert "Vote" not in read.text
    lines = [line for line in read.text.split("\n") if line]
    assert lines[3:] == [
        "Recalling the Budapest Memorandum of 5 December 1994,¹ and the Declaration on Friendly Relations,²",
        "¹ A/49/765, annex I.",
        "² Resolution 2625 (XXV), annex.",
        "Noting the referendum,",
        "1. Affirms its commitment to sovereignty;",
        "2. Decides:",
        "(a) to remain seized;",
        "(b) to review;",
        "3. Calls upon all States to refrain;",
    ]


def test_docx_parses_into_paragraphs_numbers_items_and_footnotes(caplog):
    document = parse_docx(_draft(), "draft.docx")[0]
    assert document.symbol == "A/C.2/99/L.7"
    assert document.counts() == (2, 3)
    pp1 = document.paragraph("PP1")
    assert pp1.footnotes == ("1", "2")
    assert "A/49/765" not in pp1.text and "¹" not in pp1.text
    assert [(f.mark, f.text) for f in document.footnotes] == [
        ("1", "A/49/765, annex I."), ("2", "Resolution 2625 (XXV), annex.")]
    op2 = document.paragraph("OP2")
    assert op2.number == 2 and op2.text == "Decides:"
    assert [(i.label, i.text) for i in op2.items] == [("a", "to remain seized;"), ("b", "to review;")]
    assert document.paragraph("OP3").number == 3
    assert "1 table skipped" in caplog.text


def test_typed_numbers_are_read_as_typed():
    d = docx.Document()
    for text in ("大会，", "回顾其决议，", "1. 请秘书长提交报告；", "2. 决定继续审议。"):
        d.add_paragraph(text)
    document = parse_bytes(_save(d), "typed.docx")[0]
    assert document.language == "zh"
    assert [(p.kind, p.number) for p in document.paragraphs] == [
        (ParagraphKind.PREAMBULAR, None), (ParagraphKind.OPERATIVE, 1), (ParagraphKind.OPERATIVE, 2)]


def test_tracked_changes_in_a_received_file_read_as_accepted():
    d = docx.Document()
    d.add_paragraph("The General Assembly,")
    p = d.add_paragraph("1. Decides ")
    p._p.append(parse_xml(f'<w:del xmlns:w="{W}" w:id="1" w:author="x" w:date="2020-01-01T00:00:00Z">'
                          '<w:r><w:delText>not </w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins xmlns:w="{W}" w:id="2" w:author="x" w:date="2020-01-01T00:00:00Z">'
                          '<w:r><w:t>to act;</w:t></w:r></w:ins>'))
    d.add_paragraph("2. Requests a report.")
    document = parse_bytes(_save(d), "x.docx")[0]
    assert document.paragraph("OP1").text == "Decides to act;"


def test_the_sample_round_trips_through_docx():
    """A draft written to Word and read back is the same draft."""
    documents = parse_file(str(SAMPLE))
    old, new = documents[0], documents[-1]
    same = render(compare(new, new), RenderOptions())
    back = parse_bytes(same, "L56.docx")[0]
    assert [normalize(p.body) for p in back.paragraphs] == [normalize(p.body) for p in new.paragraphs]
    assert [p.id for p in back.paragraphs] == [p.id for p in new.paragraphs]


def test_a_tracked_changes_file_reads_back_as_the_new_version():
    documents = parse_file(str(SAMPLE))
    old, new = documents[0], documents[-1]
    back = parse_bytes(render(compare(old, new), RenderOptions()), "changes.docx")[0]
    assert [normalize(p.body) for p in back.paragraphs] == [normalize(p.body) for p in new.paragraphs]
    # footnote references side by side (L.56 PP4 cites 2, 3, 4 and 5) stay four marks, not "234"
    assert [(p.id, p.all_footnotes()) for p in back.paragraphs] == [(p.id, p.all_footnotes()) for p in new.paragraphs]
    assert back.warnings == ()


@pytest.mark.parametrize("data", [
    b"PK\x03\x04" + b"\x00" * 100,
    None,  # a ZIP with word/ entries but no document
])
def test_a_corrupt_docx_is_a_clear_input_error(data, tmp_path):
    if data is None:
        import zipfile

        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("word/styles.xml", "<x/>")
        data = out.getvalue()
    with pytest.raises(InputError, match="not a readable Word document"):
        parse_bytes(data, "broken.docx")
    path = tmp_path / "broken.docx"
    path.write_bytes(data)
    run = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(path), str(SAMPLE)],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.startswith("resdiff: error: ") and "Traceback" not in run.stderr


def test_cli_parse_and_diff_read_docx_like_text(tmp_path):
    runner = CliRunner()
    twin = CORPUS / "en" / "A_RES_68_262.en.txt"
    text_doc = parse_file(str(twin))[0]
    d = docx.Document()
    d.add_paragraph(text_doc.symbol)
    d.add_paragraph(text_doc.title)
    d.add_paragraph("The General Assembly,")
    for p in text_doc.paragraphs:
        d.add_paragraph(p.body) if p.kind is ParagraphKind.PREAMBULAR else \
            d.add_paragraph(p.body, style="List Number")
    path = tmp_path / "68_262.docx"
    path.write_bytes(_save(d))
    parsed = runner.invoke(app, ["parse", str(path), "--format", "json"])
    assert parsed.exit_code == 0, parsed.output
    assert "Affirms its commitment" in parsed.stdout
    same = runner.invoke(app, ["diff", str(twin), str(path), "--format", "json"])
    assert same.exit_code == 0, same.output
    summary = json.loads(same.stdout)["summary"]
    assert summary["modified"] == summary["added"] == summary["removed"] == 0
    assert summary["unchanged"] == len(text_doc.paragraphs)


# --- every word of a Word file is compared or listed -------------------------------------------

ENDNOTES_XML = f"""<w:endnotes xmlns:w="{W}">
<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>
<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:endnote>
<w:endnote w:id="1"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space="preserve"> See resolution 60/1.</w:t></w:r></w:p></w:endnote>
</w:endnotes>"""


def _with_endnotes(document) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(PackURI("/word/endnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml",
                ENDNOTES_XML.encode(), document.part.package)
    document.part.relate_to(part, RT.ENDNOTES)


def _template() -> bytes:
    """A draft from a template: a paragraph inside a content control, an endnote, a table."""
    d = docx.Document()
    d.add_paragraph("The General Assembly,")
    d.add_paragraph("Recalling the Charter,")
    d.element.body.insert(len(d.element.body) - 1, parse_xml(
        f'<w:sdt xmlns:w="{W}"><w:sdtContent><w:p><w:r><w:t>Welcoming the report,</w:t></w:r>'
        f'<w:r><w:endnoteReference w:id="1"/></w:r></w:p></w:sdtContent></w:sdt>'))
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "In favour"
    table.cell(0, 1).text = "100"
    table.cell(1, 1).text = "Against: 5"
    d.add_paragraph("Decides to act.", style="List Number")
    _with_endnotes(d)
    return _save(d)


def test_a_paragraph_in_a_content_control_and_an_endnote_are_read(caplog):
    (document,) = parse_docx(_template(), "template.docx")
    assert [(p.id, p.text, p.footnotes) for p in document.paragraphs] == [
        ("PP1", "Recalling the Charter,", ()), ("PP2", "Welcoming the report,", ("1",)),
        ("OP1", "Decides to act.", ())]
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See resolution 60/1.")]


def test_a_tables_rows_are_listed_with_the_furniture(caplog):
    (document,) = parse_docx(_template(), "template.docx")
    assert [str(f) for f in document.furniture] == ["table 1, row 1: In favour | 100", "table 1, row 2: Against: 5"]
    assert "1 table skipped" in caplog.text
    read = docx_text(_template())
    assert (read.tables, read.rows) == (1, ((1, 1, "In favour | 100"), (1, 2, "Against: 5")))


def test_a_word_files_page_headers_and_footers_are_listed_with_the_furniture():
    d = docx.Document()
    for text in ("The General Assembly,", "Recalling the Charter,"):
        d.add_paragraph(text)
    d.add_paragraph("Decides to act.", style="List Number")
    section = d.sections[0]
    section.header.paragraphs[0].text = "A/C.2/99/L.7"
    section.footer.paragraphs[0].text = "24-12345 (E)"
    (document,) = parse_docx(_save(d), "headed.docx")
    assert [str(f) for f in document.furniture] == ["page header: A/C.2/99/L.7", "page footer: 24-12345 (E)"]
    assert [p.id for p in document.paragraphs] == ["PP1", "OP1"]
