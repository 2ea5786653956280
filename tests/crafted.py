"""Crafted hostile inputs, made here rather than committed as binaries.

Each maker returns the bytes of one file. ``python tests/crafted.py DIR`` writes them all to DIR,
to try the installed command by hand.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def draft_docx() -> bytes:
    """A small Word draft with list numbering: two numbered levels."""
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    for line in ("A/C.2/99/L.7", "Territorial integrity", "The General Assembly,", "Noting the referendum,"):
        d.add_paragraph(line)
    d.add_paragraph("Decides:", style="List Number")
    for text in ("to remain seized;", "to review;"):
        p = d.add_paragraph(text, style="List Number")
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>'))
    d.add_paragraph("Calls upon all States to refrain;", style="List Number")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def rewrite(data: bytes, changes: dict[str, object]) -> bytes:
    """The archive with parts changed: a callable takes the part's text and gives the new text,
    bytes replace the part, None removes it."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            change = changes.get(info.filename, ...)
            if change is None:
                continue
            content = source.read(info.filename)
            if callable(change):
                content = change(content.decode("utf-8")).encode("utf-8")
            elif isinstance(change, bytes):
                content = change
            target.writestr(info.filename, content)
    return out.getvalue()


def docx_without_body() -> bytes:
    return rewrite(draft_docx(), {"word/document.xml": lambda x: re.sub(r"<w:body>.*</w:body>", "", x, flags=re.S)})


def docx_with_level(value: str) -> bytes:
    return rewrite(draft_docx(), {"word/document.xml": lambda x: x.replace('<w:ilvl w:val="1"/>',
                                                                            f'<w:ilvl w:val="{value}"/>')})


def docx_with_start(value: str, fmt: str = "lowerRoman") -> bytes:
    """Every list level starting at ``value`` and counting in ``fmt``."""
    def change(xml: str) -> str:
        xml = re.sub(r'<w:start w:val="[^"]*"/>', f'<w:start w:val="{value}"/>', xml)
        return re.sub(r'<w:numFmt w:val="[^"]*"/>', f'<w:numFmt w:val="{fmt}"/>', xml)

    return rewrite(draft_docx(), {"word/numbering.xml": change})


def docx_bomb(inflated: int) -> bytes:
    """A Word file with a part of ``inflated`` zero bytes (it packs about a thousand to one)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(draft_docx())) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        with target.open("word/media/zeros.bin", "w", force_zip64=True) as handle:
            chunk = bytes(1 << 20)
            for _ in range(inflated >> 20):
                handle.write(chunk)
    return out.getvalue()


def docx_many_parts(count: int) -> bytes:
    return rewrite(draft_docx(), {}) if count <= 0 else _with_parts(count)


def _with_parts(count: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(draft_docx())) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        for k in range(count):
            target.writestr(f"extra/part{k}.xml", "<a/>")
    return out.getvalue()


def docx_paragraphs(count: int) -> bytes:
    """A Word file of ``count`` short paragraphs (they pack about a thousand to one)."""
    body = '<w:p><w:r><w:t>Decides;</w:t></w:r></w:p>' * count
    return rewrite(draft_docx(), {"word/document.xml": lambda x: x.replace("<w:body>", "<w:body>" + body, 1)})


def pdf_pages(count: int) -> bytes:
    """A PDF of ``count`` blank pages."""
    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


MAKERS = {
    "no-body.docx": docx_without_body,
    "level-x.docx": lambda: docx_with_level("x"),
    "start-x.docx": lambda: docx_with_start("abc"),
    "start-huge.docx": lambda: docx_with_start("999999999"),
    "bomb.docx": lambda: docx_bomb(256 << 20),
    "parts.docx": lambda: docx_many_parts(3000),
    "paragraphs.docx": lambda: docx_paragraphs(200_000),
    "pages.pdf": lambda: pdf_pages(600),
}


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in MAKERS.items():
        (folder / name).write_bytes(make())
        print(folder / name)
