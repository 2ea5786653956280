"""Reading Word documents (.docx) into Documents.

The document is turned into the plain text ``parse_text`` reads, faithfully:

- one paragraph a line, blank lines between;
- Word list numbers written out as Word shows them ("1.", "(a)"), computed from
  ``word/numbering.xml`` (python-docx does not compute them): each list level counts on from
  its start value and restarts when a shallower level moves on; typed numbers stay as typed;
- footnote marks as superscript digits where the reference stands, numbered in order of
  reference as Word numbers them, and each footnote's text as a "¹ text" line after the
  paragraph that refers to it;
- tracked changes read as if accepted (inserted and moved-in text kept, deleted and moved-away
  text dropped, a paragraph whose mark is deleted run on into the next), which is the text the
  sender sees with markup hidden; a superscript number alone in its run (a footnote cited again
  through a NOTEREF field) is a footnote mark;
- endnotes read as footnotes are, numbered on in the same order of reference;
- footnote numbers start where the section says (``w:numStart``); a reference whose mark is
  written out after it (``w:customMarkFollows``, digits) has that mark and is not counted, as
  Word numbers them;
- the footnotes no paragraph cites, which resdiff's own Word output lists after the text under a
  heading with the bookmark ``UNCITED_BOOKMARK``, read as footnotes ("¹³ text" lines), the
  heading listed with the page furniture;
- content controls (``w:sdt``) and custom XML around paragraphs read through;
- hidden text (Font > Hidden, ``w:vanish``: words Word neither shows nor prints) left out of
  paragraphs and footnotes, with a note naming how many characters in which paragraph, and the
  words listed with the page furniture, so that no word of them goes unseen;
- tables skipped: resolutions carry no operative text in tables; their number is logged and
  their rows listed with the page furniture, so that no word of them goes unseen;
- page headers and footers (the symbol, the job number) are page furniture: listed.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, replace

from ..errors import InputError
from ..i18n import N_, Message, _, ngettext
from ..lazypattern import lazy
from ..model import Document
from ..text import SUPERSCRIPT_DIGITS
from .structure import parse_text, place_furniture

__all__ = ["parse_docx", "docx_text", "UNCITED_BOOKMARK"]

log = logging.getLogger(__name__)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
# Runs inside these are not in the document as it now reads (rejected text, moved-away text).
_SKIPPED = {_W + "del", _W + "moveFrom", _W + "delText", _W + "instrText", _W + "fldSimple_skip"}
# The hidden bookmark on the heading above the footnotes no paragraph cites, as resdiff's Word
# output lists them after the text (resdiff/render/docx.py).
UNCITED_BOOKMARK = "_ResdiffUncitedFootnotes"
_LISTED_FOOTNOTE = re.compile(r"(\d{1,4}) (.*)", re.S)


@dataclass(frozen=True, slots=True)
class DocxText:
    """A Word document as text ``parse_text`` reads, and what was left out of it: how many
    tables, and their rows (table number, row number, the cells' text)."""

    text: str
    tables: int
    insertions: int = 0  # tracked changes read as accepted: insertions (and moves in)
    deletions: int = 0  # and deletions (and moves away)
    authors: tuple[str, ...] = ()  # who made them, in order of first change
    rows: tuple[tuple[int, int, str], ...] = ()
    margins: tuple[tuple[str, str], ...] = ()  # ("header" or "footer", a line of it)
    uncited_heading: str = ""  # resdiff's heading above the footnotes no paragraph cites
    # Where things stand: for each line of ``text`` with words (a paragraph, a footnote), the
    # Word paragraph it is or follows (counted from 1, as the body holds them, empty ones too);
    # for each table row, how many lines of ``text`` come before its table; and for the heading
    # above the uncited footnotes, how many come before it.
    paragraphs: tuple[int, ...] = ()
    row_places: tuple[int, ...] = ()
    heading_place: int = 0
    # the hidden text left out: (the Word paragraph it is in or whose footnote holds it, the
    # footnote's mark or "" for the paragraph itself, the text), and for each, how many lines of
    # ``text`` come before the paragraph's line
    hidden: tuple[tuple[int, str, str], ...] = ()
    hidden_places: tuple[int, ...] = ()


def parse_docx(data: bytes, source: str) -> tuple[Document, ...]:
    """Every resolution document in a Word file.

    Raises InputError for a file that is not a readable Word document.
    """
    read = docx_text(data, source)
    said: list[Message] = []
    if read.tables:
        note = ngettext("{source}: {n} table skipped (resdiff compares paragraphs, not tables)",
                        "{source}: {n} tables skipped (resdiff compares paragraphs, not tables)",
                        read.tables).format(source=source, n=read.tables)
        log.warning("%s", _("resdiff: note: {message}").format(message=note))
        said.append(Message(N_("1 table skipped (resdiff compares paragraphs, not tables)") if read.tables == 1 else
                            N_("{n} tables skipped (resdiff compares paragraphs, not tables)"), n=read.tables))
    if read.insertions or read.deletions:
        # The sender's proposals still under negotiation are compared as settled text: said.
        tracked = Message(N_("tracked changes read as accepted (inserted text kept, deleted text left out): "
                             "{insertions} inserted, {deletions} deleted, by {authors}"),
                          insertions=read.insertions, deletions=read.deletions,
                          authors=", ".join(read.authors) or "?")
        log.warning("%s", _("resdiff: note: {message}").format(message=f"{source}: {tracked}"))
        said.append(tracked)
    for paragraph, mark, text in read.hidden:
        n = len(text)
        hidden = (Message(N_("{n} hidden character left out of paragraph {paragraph} (hidden text: Word neither "
                             "shows nor prints it)") if n == 1 else
                          N_("{n} hidden characters left out of paragraph {paragraph} (hidden text: Word neither "
                             "shows nor prints it)"), n=n, paragraph=paragraph) if not mark else
                  Message(N_("{n} hidden character left out of footnote {mark} of paragraph {paragraph} (hidden "
                             "text: Word neither shows nor prints it)") if n == 1 else
                          N_("{n} hidden characters left out of footnote {mark} of paragraph {paragraph} (hidden "
                             "text: Word neither shows nor prints it)"), n=n, mark=mark, paragraph=paragraph))
        log.warning("%s", _("resdiff: note: {message}").format(message=f"{source}: {hidden}"))
        said.append(hidden)
    documents = parse_text(read.text, source)
    if said:
        documents = tuple(replace(d, notes=d.notes + tuple(said)) for d in documents)

    def relabel(line: int, text: str) -> Message:
        # (the text read holds one paragraph a line, a blank line between)
        entry = (line - 1) // 2
        if not 0 <= entry < len(read.paragraphs):
            return Message(N_("line {line}: {text}"), line=line, text=text)
        return Message(N_("paragraph {paragraph}: {text}"), paragraph=read.paragraphs[entry], text=text)

    def where(line: int) -> Message | None:
        entry = (line - 1) // 2
        if not 0 <= entry < len(read.paragraphs):
            return None
        return Message(N_("paragraph {paragraph}"), paragraph=read.paragraphs[entry])

    # The page headers and footers (a section's, printed on every page: the whole file's), the
    # rows of the tables skipped (where the table stands) and resdiff's heading above the
    # footnotes no paragraph cites, listed with the furniture.
    listed: list[tuple[int | None, Message, Message]] = [
        (None, Message(N_("page header: {text}") if kind == "header" else N_("page footer: {text}"), text=text),
         Message(N_("report, page header: {text}") if kind == "header" else N_("report, page footer: {text}"),
                 text=text)) for kind, text in read.margins]
    listed += [(2 * entry - 1, Message(N_("table {table}, row {row}: {text}"), table=table, row=row, text=text),
                Message(N_("report, table {table}, row {row}: {text}"), table=table, row=row, text=text))
               for (table, row, text), entry in zip(read.rows, read.row_places)]
    listed += [(2 * entry + 1, Message(N_("paragraph {paragraph}, hidden text: “{text}”"), paragraph=paragraph, text=text)
                if not mark else Message(N_("footnote {mark} of paragraph {paragraph}, hidden text: “{text}”"),
                                         mark=mark, paragraph=paragraph, text=text),
                Message(N_("report, paragraph {paragraph}, hidden text: “{text}”"), paragraph=paragraph, text=text)
                if not mark else Message(N_("report, footnote {mark} of paragraph {paragraph}, hidden text: “{text}”"),
                                         mark=mark, paragraph=paragraph, text=text))
               for (paragraph, mark, text), entry in zip(read.hidden, read.hidden_places)]
    if read.uncited_heading:
        heading = Message(N_("heading above the footnotes no paragraph cites: {text}"), text=read.uncited_heading)
        listed.append((2 * read.heading_place - 1, heading, heading))
    return place_furniture(documents, listed, relabel, where)


def docx_text(data: bytes, source: str | None = None) -> DocxText:
    """The Word document's text: paragraphs, list numbers, footnote marks and bodies."""
    body, numbering, footnotes, margins, hidden_notes = _open(data, source)
    numbers = _Numbering(numbering)
    out: list[str] = []
    tables = 0
    rows: list[tuple[int, int, str]] = []
    order = _Marks(_first_number(body))
    listing = False  # in the footnotes no paragraph cites, listed after the text
    heading = ""
    # a paragraph whose mark is deleted runs on into the next
    joined = ""
    joined_refs: list[str] = []
    paragraphs: list[int] = []  # for each entry of ``out``, the Word paragraph it is or follows
    starred: list[tuple[str, int, str]] = []  # the asterisk footnotes, written after the text
    row_places: list[int] = []
    heading_place = 0
    hidden: list[tuple[int, str, str]] = []
    hidden_places: list[int] = []
    count = 0  # the body's paragraphs so far
    for element in _blocks(body):
        if element.tag == _W + "tbl":
            tables += 1
            found = _table_rows(element)
            rows += [(tables, k, text) for k, text in found]
            row_places += [len(out)] * len(found)
            continue
        if element.tag != _W + "p":
            continue
        count += 1
        unseen: list[str] = []
        text, refs = _paragraph_text(element, order, unseen)
        if "".join(unseen):
            hidden.append((count, "", "".join(unseen)))
            hidden_places.append(len(out))
        if element.find(f"{_W}bookmarkStart[@{_W}name='{UNCITED_BOOKMARK}']") is not None:
            listing, heading = True, heading or " ".join(text.split())
            heading_place = len(out)
            continue
        mark = element.find(f"{_W}pPr/{_W}rPr")
        if mark is not None and (mark.find(_W + "del") is not None or mark.find(_W + "moveFrom") is not None):
            joined, joined_refs = joined + text, joined_refs + refs
            continue
        text, refs, joined, joined_refs = joined + text, joined_refs + refs, "", []
        label = numbers.label(element)
        if not text.strip() and not refs:
            continue
        line = f"{label} {text.strip()}" if label else text.strip()
        if listing and (listed := _LISTED_FOOTNOTE.fullmatch(line)):
            line = f"{listed.group(1).translate(_TO_SUPERSCRIPT)} {listed.group(2)}"
        out.append(line)
        paragraphs.append(count)
        for ref in refs:
            note = footnotes.get(ref, "")
            if not order.of[ref].isdigit():
                # an asterisk footnote, as a plain text prints it after the text ("* On behalf of …"),
                # its body's own mark written once
                mark = order.of[ref]
                starred.append((f"{mark} {note.removeprefix(mark).strip()}".rstrip(), count, ref))
                continue
            if hidden_notes.get(ref):
                hidden.append((count, order.of[ref], hidden_notes[ref]))
                hidden_places.append(len(out))
            out.append(f"{order.of[ref].translate(_TO_SUPERSCRIPT)} {note}".rstrip())
            paragraphs.append(count)
    for line, place, ref in starred:
        if hidden_notes.get(ref):
            hidden.append((place, order.of[ref], hidden_notes[ref]))
            hidden_places.append(len(out))
        out.append(line)
        paragraphs.append(place)
    insertions = deletions = 0
    authors: dict[str, None] = {}
    for element in body:
        for change in element.iter(_W + "ins", _W + "moveTo", _W + "del", _W + "moveFrom"):
            if change.getparent().tag == _W + "rPr":
                continue  # a paragraph mark inserted or deleted: its text is counted where it stands
            if change.tag in (_W + "ins", _W + "moveTo"):
                insertions += 1
            else:
                deletions += 1
            authors.setdefault((change.get(_W + "author") or "").strip() or "?", None)
    return DocxText("\n\n".join(out) + "\n", tables, insertions, deletions, tuple(authors), tuple(rows), tuple(margins),
                    heading, tuple(paragraphs), tuple(row_places), heading_place, tuple(hidden), tuple(hidden_places))


class _Marks:
    """Footnote marks by reference id: Word's numbers, counted on from ``next`` in order of
    first reference, or the mark written out after a reference (``w:customMarkFollows``)."""

    def __init__(self, start: int) -> None:
        self.next = start
        self.of: dict[str, str] = {}

    def number(self, ref: str) -> str:
        if ref not in self.of:
            self.of[ref] = str(self.next)
            self.next += 1
        return self.of[ref]


def _first_number(body) -> int:
    """The number the document's footnotes start from (its last section's ``w:numStart``)."""
    section = next((e for e in reversed(body) if e.tag == _W + "sectPr"), None)
    start = section.find(f"{_W}footnotePr/{_W}numStart") if section is not None else None
    value = start.get(_W + "val") if start is not None else None
    return int(value) if value is not None and value.isdigit() and 0 < int(value) < 10_000 else 1


def _blocks(elements):
    """The body's paragraphs and tables, read through the content controls (``w:sdt``) and
    custom XML that wrap them (a template's fields): their words are the document's."""
    for element in elements:
        if element.tag == _W + "sdt":
            content = element.find(_W + "sdtContent")
            if content is not None:
                yield from _blocks(content)
        elif element.tag == _W + "customXml":
            yield from _blocks(element)
        else:
            yield element


def _table_rows(table) -> list[tuple[int, str]]:
    """A table's rows with text in them, numbered from 1: the cells' paragraphs, " | " between
    cells (a table inside a cell is read into its cell)."""
    found = []
    for number, row in enumerate(table.iter(_W + "tr"), 1):
        if row.getparent() is not table:
            continue
        cells = []
        for cell in row.findall(_W + "tc"):
            words = [_paragraph_text(p, None)[0].strip() for p in cell.iter(_W + "p")]
            cells.append(" ".join(w for w in words if w))
        text = " | ".join(cells).strip(" |")
        if text:
            found.append((number, text))
    return found


# --- the package ---------------------------------------------------------------------------------


def _open(data: bytes, source: str | None):
    """The body element, numbering.xml root (or None), footnote texts by id, the lines of the
    page headers and footers, and the hidden text left out of each footnote, by id."""
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from lxml import etree
    except ImportError as exc:  # pragma: no cover - a broken installation
        raise InputError(_("reading Word documents needs python-docx ({reason}); reinstall resdiff").format(reason=exc),
                         path=source) from None
    import zipfile
    import zlib

    try:
        _check_archive(data, source)
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        if body is None:
            raise ValueError(_("the document has no body"))
        body = list(body)
        style_numbers = _style_numbering(document.styles.element)
        numbering = None
        footnotes: dict[str, str] = {}
        hidden: dict[str, str] = {}  # the hidden text left out of each footnote
        margins: list[tuple[str, str]] = []  # the page headers' and footers' lines, each once
        for rel in sorted(document.part.rels.values(),
                          key=lambda rel: (not rel.reltype.endswith("/header"), str(getattr(rel, "target_ref", "")))):
            if rel.is_external:
                continue
            if rel.reltype.endswith("/numbering"):
                numbering = etree.fromstring(rel.target_part.blob)
            elif rel.reltype.endswith("/footnotes"):
                footnotes.update(_footnote_texts(etree.fromstring(rel.target_part.blob), hidden=hidden))
            elif rel.reltype.endswith(("/header", "/footer")):
                kind = rel.reltype.rsplit("/", 1)[1]
                for paragraph in etree.fromstring(rel.target_part.blob).iter(_W + "p"):
                    line = _paragraph_text(paragraph, None)[0].strip()
                    if line and (kind, line) not in margins:
                        margins.append((kind, line))
            elif rel.reltype.endswith("/endnotes"):
                footnotes.update(_footnote_texts(etree.fromstring(rel.target_part.blob), "endnote", hidden))
    except InputError:
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError,
            KeyError, ValueError, etree.XMLSyntaxError,
            AttributeError, TypeError, OSError, EOFError) as exc:
        raise InputError(
            _("not a readable Word document ({error}: {reason}). "
              "To fix: open it in Word or LibreOffice and save it again as .docx").format(
                error=type(exc).__name__, reason=exc),
            path=source,
        ) from None
    return body, (numbering, style_numbers), footnotes, margins, hidden


# A Word file of the 20 MB input limit holds far less than this once inflated (text compresses
# about ten to one); a "zip bomb" of a few MB that inflates to gigabytes is refused before any
# part is parsed, as is an archive of more parts than any document has. The text itself
# (word/document.xml) is bounded more tightly, in size and in paragraphs, because its parsed
# tree takes about twenty times its size in memory: a long omnibus resolution is a few MB of XML
# and a few thousand paragraphs.
MAX_INFLATED = 200 * 1024 * 1024
MAX_PARTS = 2000
MAX_TEXT_PART = 40 * 1024 * 1024
MAX_WORD_PARAGRAPHS = 100_000


def _check_archive(data: bytes, source: str | None) -> None:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise InputError(_("the Word file has {parts:,} parts; resdiff reads Word files of up to "
                               "{limit:,} (it may be damaged or built to exhaust memory)").format(
                parts=len(infos), limit=MAX_PARTS), path=source)
        inflated = sum(info.file_size for info in infos)
        if inflated > MAX_INFLATED:
            raise InputError(_("the Word file inflates to {size:,} MB; resdiff reads Word files of up to "
                               "{limit} MB inflated (it may be damaged or built to exhaust memory)").format(
                size=inflated // (1024 * 1024), limit=MAX_INFLATED // (1024 * 1024)), path=source)
        for info in infos:
            if info.filename.endswith(".xml") and info.file_size > MAX_TEXT_PART:
                raise InputError(_("{part} in the Word file inflates to {size:,} MB; resdiff reads parts of up to "
                                   "{limit} MB (it may be damaged or built to exhaust memory)").format(
                    part=info.filename, size=info.file_size // (1024 * 1024), limit=MAX_TEXT_PART // (1024 * 1024)),
                                 path=source)
        if "word/document.xml" in archive.namelist():
            text = archive.read("word/document.xml")
            paragraphs = text.count(b"<w:p>") + text.count(b"<w:p ")
            if paragraphs > MAX_WORD_PARAGRAPHS:
                raise InputError(_("the Word file has {paragraphs:,} paragraphs; resdiff reads Word files of up to "
                                   "{limit:,}").format(paragraphs=paragraphs, limit=MAX_WORD_PARAGRAPHS), path=source)


def _style_numbering(styles) -> dict[str, tuple[str | None, str | None]]:
    """(numId, ilvl) of each paragraph style that numbers its paragraphs ("List Number")."""
    own: dict[str, tuple[str | None, str | None]] = {}
    based: dict[str, str] = {}
    for style in styles.iter(_W + "style"):
        style_id = style.get(_W + "styleId")
        num_pr = style.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            own[style_id] = (_val(num_pr, "numId"), _val(num_pr, "ilvl"))
        parent = _val(style, "basedOn")
        if parent:
            based[style_id] = parent
    resolved = {}
    for style_id in set(own) | set(based):
        seen: set[str] = set()
        current: str | None = style_id
        while current and current not in own and current not in seen:
            seen.add(current)
            current = based.get(current)
        if current in own:
            resolved[style_id] = own[current]
    return resolved


def _footnote_texts(root, kind: str = "footnote", hidden: dict[str, str] | None = None) -> dict[str, str]:
    """Each footnote's (endnote's) text by its id (an endnote's id marked "e"); the hidden text
    left out of each, into ``hidden``."""
    texts = {}
    for note in root.iter(_W + kind):
        if note.get(_W + "type") in {"separator", "continuationSeparator", "continuationNotice"}:
            continue
        parts: list[str] = []
        unseen: list[str] = []
        for paragraph in note.iter(_W + "p"):
            text, _ = _paragraph_text(paragraph, None, unseen)
            text = " ".join(text.split("\n"))  # a footnote is one line of its own
            if text.strip():
                parts.append(text.strip())
        key = ("e" if kind == "endnote" else "") + (note.get(_W + "id") or "")
        texts[key] = " ".join(parts)
        if hidden is not None and "".join(unseen):
            hidden[key] = "".join(unseen)
    return texts


# --- paragraphs ----------------------------------------------------------------------------------


def _paragraph_text(paragraph, order: _Marks | None, hidden: list[str] | None = None) -> tuple[str, list[str]]:
    """A paragraph's text as it reads, and the ids of the footnotes it refers to, in order.

    ``order`` numbers footnotes on first reference; None inside a footnote, whose own mark
    (w:footnoteRef) is left out. With ``hidden`` a list, hidden text (``w:vanish``) is left out
    and its characters put there; without, read as text (a page header's, a table's: listed).
    """
    pieces: list[str] = []
    refs: list[str] = []
    pending: list[tuple[str, int]] = []  # a reference whose mark is written out after it, awaited

    def mark_piece(mark: str, at: int) -> str:
        # two references side by side ("²³"): 2 and 3, not 23
        return " " + mark if at and pieces[at - 1][-1:] in SUPERSCRIPT_DIGITS else mark

    def settle(written: str | None) -> None:
        """The awaited reference's mark: the digits written after it, else Word's number."""
        ref, at = pending.pop()
        assert order is not None
        if written is not None and ref not in order.of:
            order.of[ref] = written
        pieces[at] = mark_piece(order.number(ref).translate(_TO_SUPERSCRIPT), at)

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _W + "pPr" or tag == _W + "rPr":
                continue
            if hidden is not None and tag == _W + "r" and _hidden(child):
                # hidden text: what Word shows and prints is without it; its references kept
                for part in child.iter(_W + "t", _W + "tab", _W + "br", _W + "cr", _W + "noBreakHyphen"):
                    hidden.append(part.text or "" if part.tag == _W + "t" else
                                  "-" if part.tag == _W + "noBreakHyphen" else " ")
                for part in child.iter(_W + "footnoteReference", _W + "endnoteReference"):
                    walk([part])
                continue
            if tag == _W + "t":
                if pending and (child.text or "").isdigit():
                    settle(child.text)  # a custom mark in the reference's own run, as Word writes it
                    continue
                if pending and (child.text or "")[:1] == "*" and (star := _STAR_MARK.match(child.text or "")):
                    # an asterisk mark ("Iraq:* draft resolution", the "On behalf of …" note): its own
                    # mark, never numbered, kept in the text as printed
                    settle(star.group(0))
                    pieces.append(child.text[star.end():])
                    continue
                if pending and child.text:
                    settle(None)
                pieces.append(child.text or "")
            elif tag == _W + "tab":
                pieces.append(" ")
            elif tag in (_W + "br", _W + "cr"):
                # a manual line break (Shift+Enter, as a text pasted into Word gets one a line): a
                # line break, as the same text in a plain file has, read by the same rules
                pieces.append("\n")
            elif tag == _W + "noBreakHyphen":
                pieces.append("-")
            elif tag == _W + "sym":
                # a character inserted with Insert > Symbol ("≥" in the Symbol font)
                pieces.append(_symbol(child.get(_W + "font"), child.get(_W + "char")))
            elif tag == _W + "r" and (cited := _superscript_number(child)) is not None:
                if pending:
                    settle(cited)  # the mark written out after its reference
                    continue
                # a footnote mark cited again (the shown result of a NOTEREF field)
                cited = cited.translate(_TO_SUPERSCRIPT)
                pieces.append(" " + cited if pieces and pieces[-1][-1:] in SUPERSCRIPT_DIGITS else cited)
            elif tag in (_W + "footnoteReference", _W + "endnoteReference") and order is not None:
                ref = ("e" if tag == _W + "endnoteReference" else "") + (child.get(_W + "id") or "")
                refs.append(ref)
                if pending:
                    settle(None)
                if child.get(_W + "customMarkFollows") in ("1", "true", "on") and ref not in order.of:
                    pending.append((ref, len(pieces)))
                    pieces.append("")
                    continue
                pieces.append(mark_piece(order.number(ref).translate(_TO_SUPERSCRIPT), len(pieces)))
            else:
                walk(child)

    walk(paragraph)
    if pending:
        settle(None)
    return re.sub(r" +\n", "\n", re.sub(r"[ \t]{2,}", " ", "".join(pieces))), refs


# The asterisks Word writes after a reference with a custom mark ("*", "**").
_STAR_MARK = lazy(r"^\*{1,3}(?!\*)")


# The Symbol font's characters (Adobe's Symbol encoding, 0x20-0xFE) as Unicode.
_SYMBOL_FONT = dict(zip(range(0x20, 0x7F), (
    " !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_‾αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼"),
    strict=True))
_SYMBOL_FONT.update(zip(range(0xA0, 0xF0), (
    "€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪"), strict=True))
_SYMBOL_FONT.update(zip(range(0xF1, 0xFF), "〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭", strict=True))


def _symbol(font: str | None, char: str | None) -> str:
    """The character of a w:sym: a Symbol-font character as Unicode ("F0B3" is "≥"); another
    font's (Wingdings…) as the code point Word stores, so that it is compared, never dropped."""
    try:
        code = int(char or "", 16)
    except ValueError:
        return "\ufffd"
    if (font or "").strip().lower() == "symbol":
        mapped = _SYMBOL_FONT.get(code - 0xF000 if 0xF000 <= code <= 0xF0FF else code)
        if mapped is not None:
            return mapped
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"


def _hidden(run) -> bool:
    """Whether a run is hidden text (Font > Hidden: ``w:vanish`` in its own formatting)."""
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W + "val") not in ("0", "false", "off")


def _superscript_number(run) -> str | None:
    """The digits of a superscript run holding nothing else, else None."""
    align = run.find(f"{_W}rPr/{_W}vertAlign")
    if align is None or align.get(_W + "val") != "superscript":
        return None
    texts = run.findall(_W + "t")
    if len(texts) != 1 or len(run) != 2 or not (texts[0].text or "").isdigit():
        return None
    return texts[0].text


class _Numbering:
    """Word list numbers, computed as Word shows them."""

    def __init__(self, parts) -> None:
        root, self._styles = parts
        self._abstract: dict[str, dict[int, tuple[str, str, int]]] = {}  # id -> level -> (fmt, text, start)
        self._instance: dict[str, str] = {}  # numId -> abstractNumId
        self._overrides: dict[tuple[str, int], int] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iter(_W + "abstractNum"):
            levels = {}
            for lvl in abstract.iter(_W + "lvl"):
                level = _int(lvl.get(_W + "ilvl"), 0, 8)
                fmt = _val(lvl, "numFmt") or "decimal"
                text = _val(lvl, "lvlText")
                start = _int(_val(lvl, "start"), 1, _MAX_START)
                levels[level] = (fmt, text if text is not None else f"%{level + 1}.", start)
            self._abstract[abstract.get(_W + "abstractNumId")] = levels
        for num in root.iter(_W + "num"):
            num_id = num.get(_W + "numId")
            abstract_id = _val(num, "abstractNumId")
            if abstract_id is not None:
                self._instance[num_id] = abstract_id
            for override in num.iter(_W + "lvlOverride"):
                restart = _val(override, "startOverride")
                if restart is not None:
                    self._overrides[(num_id, _int(override.get(_W + "ilvl"), 0, 8))] = _int(restart, 1, _MAX_START)

    def label(self, paragraph) -> str:
        """The number Word shows before ``paragraph`` ("1.", "(a)"), or "" if it has none."""
        num_pr = paragraph.find(f"{_W}pPr/{_W}numPr")
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        from_style = self._styles.get(style.get(_W + "val")) if style is not None else None
        if num_pr is None and from_style is None:
            return ""
        # The paragraph's own numPr overrides its style's, each part separately.
        num_id = _val(num_pr, "numId") if num_pr is not None else None
        ilvl = _val(num_pr, "ilvl") if num_pr is not None else None
        if from_style is not None:
            num_id = num_id or from_style[0]
            ilvl = ilvl or from_style[1]
        level = _int(ilvl, 0, 8)
        if num_id in (None, "0") or num_id not in self._instance:
            return ""
        levels = self._abstract.get(self._instance[num_id], {})
        fmt, text, _ = levels.get(level, (_DEFAULT_FORMATS[min(level, 2)], _DEFAULT_TEXTS[min(level, 2)], 1))
        if fmt in {"bullet", "none"}:
            return ""
        # Lists that share an abstract definition continue one numbering, as Word does.
        counters = self._counters.setdefault(self._instance[num_id], {})
        start = self._overrides.get((num_id, level), levels.get(level, ("", "", 1))[2])
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            k_fmt = levels.get(k, (_DEFAULT_FORMATS[min(k, 2)], "", 1))[0]
            k_start = self._overrides.get((num_id, k), levels.get(k, ("", "", 1))[2])
            return _format(counters.get(k, k_start), k_fmt)

        return re.sub(r"%(\d)", number, text).strip()


_DEFAULT_FORMATS = ("decimal", "lowerLetter", "lowerRoman")
_DEFAULT_TEXTS = ("%1.", "(%2)", "(%3)")


# Word itself takes list levels 0 to 8 and start values up to 32767.
_MAX_START = 32767


def _int(value: str | None, default: int, highest: int) -> int:
    """A numbering attribute as Word would take it: a damaged or absurd value falls back or is
    capped, so that it neither fails nor makes a number of millions of letters.

    >>> _int("2", 0, 8), _int("x", 0, 8), _int(None, 1, 32767), _int("99999999999", 1, 32767)
    (2, 0, 1, 32767)
    """
    try:
        number = int((value or "").strip())
    except ValueError:
        return default
    return max(0, min(number, highest))


def _val(element, name: str) -> str | None:
    child = element.find(_W + name)
    return None if child is None else child.get(_W + "val")


def _format(value: int, fmt: str) -> str:
    """A counter in a Word number format ('decimal' 3 -> '3', 'lowerLetter' 3 -> 'c')."""
    if fmt in {"lowerLetter", "upperLetter"}:
        letters = ""
        n = value
        # Word repeats the letter past z: aa, bb, ...
        letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in {"lowerRoman", "upperRoman"}:
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "chineseCounting" or fmt == "chineseCountingThousand" or fmt == "ideographTraditional":
        return _chinese(value)
    return str(value)


def _roman(value: int) -> str:
    out = ""
    for number, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= number:
            out += letters
            value -= number
    return out


def _chinese(value: int) -> str:
    digits = "零一二三四五六七八九"
    if value < 10:
        return digits[value]
    if value < 20:
        return "十" + (digits[value % 10] if value % 10 else "")
    if value < 100:
        return digits[value // 10] + "十" + (digits[value % 10] if value % 10 else "")
    return str(value)
