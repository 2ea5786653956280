"""A comparison as a Word document whose revisions are real tracked changes.

The document is the new version; every difference from the old one is a ``w:ins`` or ``w:del``
revision by ``options.author``, so a delegate can accept or reject each one in Word:

- a paragraph kept in place is written from the comparison's inline spans, word by word; a
  paragraph break that one side lacks is an inserted or deleted paragraph mark;
- an added paragraph is inserted whole, its paragraph marks too; a removed one deleted whole;
- a moved paragraph is deleted where it stood and inserted where it now stands; merged and
  split paragraphs are deleted and inserted whole, each at its own place;
- operative numbers are those of the new version, a renumbering being a revision of the number.

Accepting every revision gives the new version's text; rejecting every one gives the old's.
The output is deterministic: revision dates come from the options or the new document, never
the clock, and the ZIP entries carry a fixed time.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

from ..model import ChangeKind, Comparison, Document, Op, Paragraph, ParagraphKind, Span
from . import RenderOptions

__all__ = ["render", "paragraph_lines", "chapeau"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Revisions need a date; without one from the documents, this fixed one keeps output stable.
FIXED_DATE = "2000-01-01T00:00:00Z"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CHAPEAUS = {"zh": "大会，", "en": "The General Assembly,", "fr": "L’Assemblée générale,",
             "es": "La Asamblea General,", "ru": "Генеральная Ассамблея,", "ar": "إن الجمعية العامة،"}


def chapeau(document: Document) -> str:
    """The chapeau a document opens with, in its language."""
    return _CHAPEAUS.get(document.language, _CHAPEAUS["en"])


def paragraph_lines(paragraph: Paragraph) -> list[str]:
    """A paragraph as printed, one line per Word paragraph: "3. text", then "(a) text"...

    >>> from resdiff.model import Item
    >>> paragraph_lines(Paragraph("OP3", ParagraphKind.OPERATIVE, 3, "Decides:", (Item("a", "x;"),)))
    ['3. Decides:', '(a) x;']
    """
    lines = paragraph.body.split("\n")
    return [_prefix(paragraph) + lines[0]] + lines[1:]


def _prefix(paragraph: Paragraph) -> str:
    if paragraph.kind is ParagraphKind.OPERATIVE and paragraph.number is not None:
        return f"{paragraph.number}. "
    return ""


# --- what goes where -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Slot:
    """One paragraph of the output: spans to write; ``whole`` marks every break with that op."""

    spans: tuple[Span, ...]
    whole: Op | None = None


def _slots(comparison: Comparison) -> list[_Slot]:
    """The output paragraphs in an order that keeps both versions' reading order."""
    old, new = comparison.old, comparison.new
    old_index = {p.id: i for i, p in enumerate(old.paragraphs)}
    new_index = {p.id: i for i, p in enumerate(new.paragraphs)}
    # Paragraphs rewritten in place: one old, one new, not moved, in the same order on both sides.
    anchors = []
    last_old = -1
    in_place = sorted(
        (c for c in comparison.changes
         if len(c.old) == 1 and len(c.new) == 1 and not c.moved),
        key=lambda c: new_index[c.new[0]],
    )
    for change in in_place:
        if old_index[change.old[0]] > last_old:
            anchors.append(change)
            last_old = old_index[change.old[0]]
    anchored_old = {c.old[0] for c in anchors}
    anchored_new = {c.new[0] for c in anchors}
    old_anchor_at = sorted(old_index[c.old[0]] for c in anchors)
    new_anchor_at = sorted(new_index[c.new[0]] for c in anchors)

    def gap(position: int, anchor_positions: list[int]) -> int:
        # Index of the anchor this paragraph follows: -1 before the first one.
        k = -1
        for n, at in enumerate(anchor_positions):
            if at < position:
                k = n
        return k

    deleted: dict[int, list[Paragraph]] = {}
    inserted: dict[int, list[Paragraph]] = {}
    for paragraph in old.paragraphs:
        if paragraph.id not in anchored_old:
            deleted.setdefault(gap(old_index[paragraph.id], old_anchor_at), []).append(paragraph)
    for paragraph in new.paragraphs:
        if paragraph.id not in anchored_new:
            inserted.setdefault(gap(new_index[paragraph.id], new_anchor_at), []).append(paragraph)

    slots: list[_Slot] = []
    for k in range(-1, len(anchors)):
        if k >= 0:
            change = anchors[k]
            slots.append(_Slot(_in_place(old.paragraph(change.old[0]), new.paragraph(change.new[0]),
                                         change.inline)))
        for paragraph in deleted.get(k, []):
            slots.append(_Slot((Span(Op.DELETE, "\n".join(paragraph_lines(paragraph))),), Op.DELETE))
        for paragraph in inserted.get(k, []):
            slots.append(_Slot((Span(Op.INSERT, "\n".join(paragraph_lines(paragraph))),), Op.INSERT))
    return slots


def _in_place(old: Paragraph, new: Paragraph, inline: tuple[Span, ...]) -> tuple[Span, ...]:
    """The spans of a paragraph kept in place, its number first (a revision if renumbered)."""
    before, after = _prefix(old), _prefix(new)
    spans: list[Span] = []
    if before == after:
        if before:
            spans.append(Span(Op.EQUAL, before))
    else:
        if before:
            spans.append(Span(Op.DELETE, before))
        if after:
            spans.append(Span(Op.INSERT, after))
    if not inline:
        inline = (Span(Op.EQUAL, new.body),) if old.body == new.body else (
            Span(Op.DELETE, old.body), Span(Op.INSERT, new.body))
    spans.extend(inline)
    return tuple(spans)


# --- WordprocessingML ------------------------------------------------------------------------------


class _Writer:
    def __init__(self, author: str, date: str, chinese: bool) -> None:
        self.author = escape(author, {'"': "&quot;"})
        self.date = date
        self.next_id = 1
        lang = '<w:lang w:val="en-GB" w:eastAsia="zh-CN"/>' if chinese else '<w:lang w:val="en-GB"/>'
        self.run_props = ('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
                          'w:eastAsia="SimSun" w:cs="Times New Roman"/>' + lang)

    def revision(self, kind: str) -> str:
        rid = self.next_id
        self.next_id += 1
        return f'w:id="{rid}" w:author="{self.author}" w:date="{self.date}"'

    def run(self, text: str, op: Op, bold: bool = False) -> str:
        text = _CONTROL.sub("", text)
        if not text:
            return ""
        props = f"<w:rPr>{'<w:b/>' if bold else ''}{self.run_props}</w:rPr>"
        if op is Op.DELETE:
            return (f"<w:del {self.revision('del')}><w:r>{props}"
                    f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')
        body = f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        if op is Op.INSERT:
            return f"<w:ins {self.revision('ins')}>{body}</w:ins>"
        return body

    def paragraph(self, runs: str, mark: Op, style: str = "") -> str:
        """A paragraph whose mark is inserted, deleted or kept (``mark``)."""
        tracked = ""
        if mark is Op.INSERT:
            tracked = f"<w:ins {self.revision('ins')}/>"
        elif mark is Op.DELETE:
            tracked = f"<w:del {self.revision('del')}/>"
        return f"<w:p><w:pPr>{style}<w:rPr>{tracked}{self.run_props}</w:rPr></w:pPr>{runs}</w:p>"

    def spans(self, spans: tuple[Span, ...], whole: Op | None, last: bool) -> list[str]:
        """Word paragraphs for spans; a newline inside a span is a paragraph mark of its op."""
        paragraphs: list[str] = []
        runs: list[str] = []
        first_line = True

        def style() -> str:
            # First line of a resolution paragraph indented; sub-paragraphs indented further.
            return ('<w:spacing w:after="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/>'
                    if first_line else
                    '<w:spacing w:after="120"/><w:ind w:left="567" w:firstLine="567"/><w:jc w:val="both"/>')

        for span in spans:
            pieces = span.text.split("\n")
            for n, piece in enumerate(pieces):
                if n > 0:
                    paragraphs.append(self.paragraph("".join(runs), span.op, style()))
                    runs = []
                    first_line = False
                runs.append(self.run(piece, span.op))
        # The paragraph's own final mark: a whole insertion or deletion takes it along, except
        # at the very end of the document, where Word keeps one paragraph mark it cannot delete.
        final = whole if whole is not None and not last else Op.EQUAL
        paragraphs.append(self.paragraph("".join(runs), final, style()))
        return paragraphs


def _tracked_line(writer: _Writer, old: str, new: str, style: str, bold: bool) -> str:
    runs = writer.run(new, Op.EQUAL, bold) if old == new else (
        writer.run(old, Op.DELETE, bold) + writer.run(new, Op.INSERT, bold))
    return writer.paragraph(runs, Op.EQUAL, style)


def _revision_date(comparison: Comparison, options: RenderOptions) -> str:
    date = options.date or comparison.new.date
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return f"{date}T00:00:00Z"
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}T[\d:]{8}Z", date):
        return date
    return FIXED_DATE


def document_xml(comparison: Comparison, options: RenderOptions = RenderOptions()) -> str:
    """The ``word/document.xml`` body content of the tracked-changes document."""
    old, new = comparison.old, comparison.new
    writer = _Writer(options.author, _revision_date(comparison, options), "zh" in (old.language, new.language))
    header = '<w:spacing w:after="240"/><w:jc w:val="center"/>'
    parts = []
    if old.symbol or new.symbol:
        parts.append(_tracked_line(writer, old.symbol or "", new.symbol or "", '<w:jc w:val="right"/>', False))
    if old.title or new.title:
        parts.append(_tracked_line(writer, old.title or "", new.title or "", header, True))
    parts.append(_tracked_line(writer, chapeau(old), chapeau(new), '<w:spacing w:after="120"/><w:ind w:firstLine="567"/>', False))
    slots = _slots(comparison)
    for n, slot in enumerate(slots):
        parts.extend(writer.spans(slot.spans, slot.whole, last=n == len(slots) - 1))
    return "".join(parts)


def render(comparison: Comparison, options: RenderOptions = RenderOptions()) -> bytes:
    """The new version as a .docx whose revisions against the old are tracked changes."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    body = document.element.body
    section = body.find(f"{{{W_NS}}}sectPr")
    for child in list(body):
        if child is not section:
            body.remove(child)
    content = parse_xml(f'<w:body xmlns:w="{W_NS}">{document_xml(comparison, options)}</w:body>')
    for child in list(content):
        section.addprevious(child)
    # Further edits by the reader are tracked too, as delegates expect of a revised draft.
    settings = document.settings.element
    if settings.find(f"{{{W_NS}}}trackRevisions") is None:
        settings.insert(0, parse_xml(f'<w:trackRevisions xmlns:w="{W_NS}"/>'))
    _fixed_properties(document, comparison, options)
    raw = io.BytesIO()
    document.save(raw)
    return _stable_zip(raw.getvalue())


def _fixed_properties(document, comparison: Comparison, options: RenderOptions) -> None:
    from datetime import datetime, timezone

    stamp = datetime.strptime(_revision_date(comparison, options), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    core = document.core_properties
    core.author = _property(options.author)
    core.last_modified_by = _property(options.author)
    core.created = stamp
    core.modified = stamp
    core.revision = 1
    core.title = _property(comparison.new.title or comparison.new.label)
    core.subject = _property(f"{comparison.old.label} → {comparison.new.label}")
    core.comments = "Tracked changes made by resdiff"


def _property(text: str) -> str:
    """A document property as Word takes it: no control characters, at most 255 characters."""
    text = " ".join(_CONTROL.sub("", text).split())
    return text if len(text) <= 255 else text[:254] + "…"


def _stable_zip(data: bytes) -> bytes:
    """The same ZIP with fixed entry times, so equal input gives byte-identical files."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
