"""Reading documents: files in any common encoding (and Word, PDF) into structured Documents.

The parser is a pipeline of stages, each a module with one job (see ``structure``, and README,
"How resdiff is built"): reading (``reading``, ``docx``, ``doc``, ``pdf``: bytes to text lines)
→ layout (``layout``: where each document begins and ends; ``pages``: page furniture, running
heads, footnote areas) → segmentation (``segmentation``: paragraph boundaries) →
classification (``classification``: kinds, numbers, sub-paragraphs, footnote marks, ids) →
identity (``identity``: symbol, title, date). ``reports`` reads a committee report's account of
its proceedings. The package imports only ``text``, ``model`` and ``errors`` from the rest of
resdiff: everything else builds on it.
"""

from __future__ import annotations

import dataclasses
import os

from ..errors import InputError
from ..i18n import _
from ..model import Document
from .doc import OLE2_MAGIC
from .html import html_text, is_html
from .identity import normalize_symbol, symbol_from_filename
from .reading import decode, decode_report, read_bytes, shown_path
from .structure import parse_text

__all__ = ["parse_file", "parse_text", "parse_bytes", "document_text", "normalize_symbol",
           "symbol_from_filename"]


def parse_bytes(data: bytes, source: str) -> tuple[Document, ...]:
    """Documents from a file's bytes; the format is told by the content, not the name (text, a web
    page saved as HTML, Word 97-2003, Word, PDF)."""
    if data.startswith(b"%PDF"):
        from .pdf import parse_pdf  # imported on demand: the PDF library is heavy

        return parse_pdf(data, source)
    if data.startswith(b"PK\x03\x04"):
        if source.lower().endswith((".docx", ".docm", ".dotx")) or b"word/" in data[:4096]:
            from .docx import parse_docx

            return parse_docx(data, source)
        raise InputError(_("a ZIP archive that is not a Word document"), path=source)
    if data.startswith(OLE2_MAGIC):
        from .doc import doc_to_docx
        from .docx import parse_docx

        return parse_docx(doc_to_docx(data, source), source)
    text, warnings = decode_report(data, source)
    if is_html(text):
        text = html_text(text, source)
    documents = parse_text(text, source)
    if warnings and documents:
        # what the reading could not vouch for is said once, with the first document
        first = dataclasses.replace(documents[0], warnings=warnings + documents[0].warnings)
        documents = (first, *documents[1:])
    return documents


def document_text(data: bytes, source: str) -> str:
    """The text of a file as the parser reads it, whatever its format (text, Word 97-2003, Word,
    PDF): what the report-narrative rules of ``history`` read."""
    if data.startswith(b"%PDF"):
        from .pdf import pdf_text

        return pdf_text(data, source)
    converted = data.startswith(OLE2_MAGIC)
    if converted:
        from .doc import doc_to_docx

        data = doc_to_docx(data, source)
    if data.startswith(b"PK\x03\x04"):
        if converted or source.lower().endswith((".docx", ".docm", ".dotx")) or b"word/" in data[:4096]:
            from .docx import docx_text

            return docx_text(data, source).text
        raise InputError(_("a ZIP archive that is not a Word document"), path=source)
    text = decode(data, source)
    return html_text(text, source) if is_html(text) else text


def parse_file(path: str) -> tuple[Document, ...]:
    """Every resolution document in the file at ``path`` (a report gives several)."""
    return parse_bytes(read_bytes(path), shown_path(os.fspath(path)))
