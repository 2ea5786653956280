"""Reading PDF files: the text layer in reading order, without page furniture, into Documents.

pypdf reads the text (see the README for why pypdf and not pdfplumber). Its visitor tells
where each piece of text sits on the page and in what size, and that decides what the piece is:

- page furniture is what sits in the top or bottom band of a page: running headers (symbol and
  title) on every page after the first, page numbers, job numbers, barcodes, "Please recycle";
  the first page's masthead (symbol, date, session) is kept for the text parser to read;
- footnote bodies are the lines below the footnote separator rule (``____``);
- footnote marks are small raised digits, written out as superscript digits (``¹``);
- a paragraph ends where the line spacing widens or the next line is indented, on a page or
  across a page break, and where a line ends well short of the measure (a single-spaced text
  saved as PDF: one paragraph a line, no space between), also a line atop a page after one that
  ended short at the foot of the page before.

The result is the plain text ``parse_text`` reads: one paragraph a line, blank lines between,
footnote bodies as "¹ text" lines after the paragraph that carries their mark.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from ..errors import InputError, ParseError
from ..i18n import N_, Message, _
from ..model import Document
from ..text import SUPERSCRIPT_DIGITS, has_cjk
from .lines import wrapped_number
from .patterns import INSERTED_OPENING, opens_preambular
from .structure import parse_text, place_furniture

__all__ = ["parse_pdf", "pdf_text"]

_TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
# Share of the page height, at the top and at the bottom, where only furniture is printed.
# UN documents print body text from about 10 % below the top edge to 8 % above the bottom one.
_TOP_BAND = 0.085
_BOTTOM_BAND = 0.14
_SEPARATOR = re.compile(r"^[_＿]{5,}$")
_JOB_NUMBER = re.compile(r"^\d{2}-\d{5}\b")
_BARCODE = re.compile(r"^\*\d{6,8}\*")
_PAGE = re.compile(r"^(?:\d{1,3}/\d{1,3}|\d{1,3}|-\s*\d{1,3}\s*-)$")
_FURNITURE_WORDS = re.compile(r"Please recycle|请回收|請回收|^\d{2}-\d{5}|\*\d{6,8}\*")
# (a quoted draft's line opens with its quotation mark: "“2. Calls upon …")
_NUMBERED = re.compile(r"^[“\"]?(?:\d{1,3}\s?[.．]|[(（][a-z]{1,3}[)）]|[(（][ivxlc]{1,6}[)）])")


@dataclass
class _Line:
    """One printed line: its text pieces in order, where its baseline sits, how big it is."""

    y: float
    x: float
    size: float
    parts: list[str] = field(default_factory=list)
    lead_space: bool = False  # the first visible piece begins with a space: an indent
    # its first visible piece's font: the width of each character in ems where the font is of
    # fixed pitch (0.0 where not), and how much wider than ``_ems`` reckons its letters run
    pitch: float = 0.0
    scale: float = 1.0

    @property
    def text(self) -> str:
        return "".join(self.parts)


def parse_pdf(data: bytes, source: str) -> tuple[Document, ...]:
    """Every resolution document in a PDF's text layer.

    Raises InputError for a file that is not a readable PDF, ParseError for one without text
    (a scan) or without a resolution. The lines the reading left out (running heads, page
    numbers, job numbers, the footnote rule) are listed by page with the furniture of the
    document whose text their page's place holds (a committee report quoting several drafts: the
    draft's; outside every draft, the whole report's, once), and the lines the text's parser
    lists are named by page and printed line ("page 2, line 5: …"), as a reader counts them.
    """
    text, dropped, places = _pdf_text(data, source)
    documents = parse_text(text, source)

    def relabel(line: int, text: str) -> Message:
        entry = (line - 1) // 2  # (the text read holds one paragraph a line, a blank line between)
        if not 0 <= entry < len(places):
            return Message(N_("line {line}: {text}"), line=line, text=text)
        page, printed = places[entry]
        return Message(N_("page {page}, line {line}: {text}"), page=page, line=printed, text=text)

    def where(line: int) -> Message | None:
        entry = (line - 1) // 2
        if not 0 <= entry < len(places):
            return None
        return Message(N_("page {page}, line {line}"), page=places[entry][0], line=places[entry][1])

    listed: list[tuple[int | None, Message, Message]] = [(2 * entry + 1, Message(N_("page {page}: {text}"), page=page, text=line),
               Message(N_("report, page {page}: {text}"), page=page, text=line)) for page, line, entry in dropped]
    return place_furniture(documents, listed, relabel, where)


def pdf_text(data: bytes, source: str | None = None) -> str:
    """The PDF's text as ``parse_text`` reads it: furniture removed, paragraphs one a line."""
    return _pdf_text(data, source)[0]


def _pdf_text(data: bytes, source: str | None) -> tuple[str, list[tuple[int, str, int]], list[tuple[int, int]]]:
    """``pdf_text``; the lines left out of it: (page, text, the paragraph of the text read, counted
    from 0, being read where the line stands); and for each paragraph of the text read (and
    footnote line), the page and printed line (counted from 1, the page's furniture included) it
    begins on."""
    pages, rules, widths = _read_pages(data, source)
    if not any(line.text.strip() for page in pages for line in page[1]):
        raise ParseError(
            _("this PDF has no text layer (a scanned image?): resdiff reads text, not pictures. "
              "To fix: get the Word or text version from documents.un.org, or run OCR on the PDF first"),
            path=source,
        )
    body_size = _body_size(pages)
    heads = _repeated_heads(pages)
    out: list[str] = []  # paragraphs and footnote lines, separated by blank lines
    footnotes: list[str] = []
    paragraph: list[str] = []
    # The text margin: where most body lines begin (wrapped lines outnumber first lines).
    starts: Counter[float] = Counter(
        round(line.x) for _height, lines in pages for line in lines
        if line.text.strip() and abs(line.size - body_size) < 1.0
    )
    margin = float(starts.most_common(1)[0][0]) if starts else 0.0
    # The line pitch most body lines keep: a paragraph's break is a wider gap than that. Fonts
    # differ (a CJK font sets lines half again as far apart as a Latin one of the same size).
    gaps: Counter[float] = Counter()
    for _height, lines in pages:
        body_lines = [line for line in lines if line.text.strip() and abs(line.size - body_size) < 1.0]
        for above, below in zip(body_lines, body_lines[1:]):
            gap = round(above.y - below.y, 1)
            if 0 < gap < 3 * body_size:
                gaps[gap] += 1
    pitch = gaps.most_common(1)[0][0] if gaps else 0.0
    measure = _measure(pages, widths, margin, body_size)

    places: list[tuple[int, int]] = []  # each entry of ``out``: where it begins
    begins: tuple[int, int] = (1, 1)  # where the paragraph being read begins
    note_places: list[tuple[int, int]] = []

    def flush() -> None:
        if paragraph:
            out.append(_join_lines(paragraph))
            places.append(begins)
            paragraph.clear()
        if footnotes:
            out.extend(footnotes)
            places.extend(note_places)
            footnotes.clear()
            note_places.clear()

    dropped: list[tuple[int, str, int]] = []
    last: _Line | None = None  # the last line of text read on the pages before
    for number, (height, lines) in enumerate(pages):
        printed = {id(line): k for k, line in enumerate((line for line in lines if line.text.strip()), 1)}
        kept = [line for line in lines if not _is_furniture(line, number, height, body_size, heads)]
        at_top = -1  # the paragraph the page's first line of text is read into
        left = [line for line in lines if line.text.strip() and _is_furniture(line, number, height, body_size, heads)]
        separator = next((i for i, line in enumerate(kept) if _SEPARATOR.match(line.text.strip())), None)
        if separator is not None and _text_goes_on(kept[separator + 1 :], body_size):
            # a typed rule with the text going on under its notes (a text file saved as PDF, its
            # pages not the PDF's): read on as text, whose parser finds the notes under the rule
            separator = None
            body, notes = kept, []
        elif separator is not None:
            body, notes = kept[:separator], kept[separator + 1 :]
        else:
            first_note = _notes_under_a_drawn_rule(kept, body_size)
            if first_note == len(kept):
                first_note = _notes_under_a_drawn_line(kept, rules[number])
            body, notes = kept[:first_note], kept[first_note:]
        previous: _Line | None = None
        for line in body:
            text = line.text.strip()
            if not text:
                continue
            opens = (
                previous is None and (
                    _starts_paragraph(line, text, margin)
                    # a heading atop a page, after a paragraph that ended short at the foot of the last
                    or last is not None and _ends_short(last, line, measure, margin, body_size))
                or previous is not None and (
                    previous.y - line.y > max(1.4 * max(line.size, previous.size), 1.15 * pitch)
                    or abs(line.size - body_size) < 1.0 and _starts_paragraph(line, text, margin)
                    or _ends_short(previous, line, measure, margin, body_size)
                )
            )
            if opens and paragraph:
                out.append(_join_lines(paragraph))
                places.append(begins)
                paragraph.clear()
                if footnotes:
                    out.extend(footnotes)
                    places.extend(note_places)
                    footnotes.clear()
                    note_places.clear()
            if not paragraph:
                begins = (number + 1, printed.get(id(line), 1))
            paragraph.append(text)
            previous = last = line
            if at_top < 0:
                at_top = len(out)
        page_notes, unplaced = _footnotes(notes)
        footnotes.extend(page_notes)
        area = next((line for line in notes if line.text.strip()), None)  # (where the page's notes begin)
        note_places.extend([(number + 1, printed.get(id(area), 1))] * len(page_notes))
        at_foot = len(out)  # the paragraph being read where the page ends
        # a line of furniture stands where the paragraph read at its end of the page does: the
        # page's head with the paragraph the page begins with, its foot with the one it ends with
        dropped += [(number + 1, re.sub(r"\s+", " ", line.text).strip(),
                     at_top if line.y > height / 2 and at_top >= 0 else at_foot) for line in left]
        if separator is not None:
            dropped.append((number + 1, kept[separator].text.strip(), at_foot))
        dropped += [(number + 1, text, at_foot) for text in unplaced]
    flush()
    return "\n\n".join(out) + "\n", sorted(dropped, key=lambda entry: entry[0]), places


# The longest resolutions and committee reports run to a few hundred pages; reading a page costs
# about 50 ms, so past this a PDF would take minutes and hundreds of MB.
MAX_PAGES = 500


def _read_pages(data: bytes, source: str | None) -> tuple[list[tuple[float, list[_Line]]], list[list[float]], list[float]]:
    """Each page's height and lines, text pieces grouped by baseline in pypdf's reading order;
    the heights of the thin horizontal rules drawn on each page (``_page_lines``); and each
    page's width."""
    try:
        import pypdf
        from pypdf.errors import PyPdfError
    except ImportError as exc:  # pragma: no cover - a broken installation
        raise InputError(_("reading PDF needs pypdf ({reason}); reinstall resdiff").format(reason=exc),
                         path=source) from None
    # pypdf reports recoverable damage through logging; resdiff reports what it cannot recover.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(_("this PDF is password-protected; save an unprotected copy first"), path=source)
        if len(reader.pages) > MAX_PAGES:
            raise InputError(_("the PDF has {pages:,} pages; resdiff reads PDFs of up to "
                               "{limit:,} pages (split it, or give the text)").format(
                pages=len(reader.pages), limit=MAX_PAGES), path=source)
        pages = []
        rules = []
        widths = []
        for page in reader.pages:
            box = page.mediabox
            lines, drawn = _page_lines(page, float(box.bottom))
            pages.append((float(box.height), lines))
            rules.append(drawn)
            widths.append(float(box.width))
    except InputError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError,
            RecursionError, NotImplementedError, ZeroDivisionError) as exc:
        raise InputError(
            _("not a readable PDF ({error}: {reason}). To fix: check the download; "
              "open it in a PDF reader and save it again").format(error=type(exc).__name__, reason=exc),
            path=source,
        ) from None
    return pages, rules, widths


# Path operators that add points, and those that paint the path (n ends it unpainted).
_PATH_POINTS = {b"m", b"l"}
_PAINT = {b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*"}


def _page_lines(page, bottom: float) -> tuple[list[_Line], list[float]]:
    """A page's lines, and where the thin horizontal rules drawn on it stand (a footnote
    separator that Word or LibreOffice draws, not types: a stroked line, or a filled rectangle
    half a point high), as heights in the lines' coordinates."""
    pieces: list[tuple[str, float, float, float, tuple[float, float]]] = []  # text, x, y, size, font widths
    rules: list[float] = []
    path: list[tuple[float, float]] = []
    fonts: dict[int, tuple[float, float]] = {}

    def visit(text, cm, tm, font, font_size) -> None:
        if not text:
            return
        matrix = _multiply(tm, cm)
        scale = (matrix[2] ** 2 + matrix[3] ** 2) ** 0.5 or 1.0
        if id(font) not in fonts:
            fonts[id(font)] = _font_widths(font)
        pieces.append((text, matrix[4], matrix[5] - bottom, (font_size or 0) * scale, fonts[id(font)]))

    def draw(operator, operands, cm, tm) -> None:
        try:
            if operator in _PATH_POINTS and len(operands) == 2:
                path.append(_point(cm, float(operands[0]), float(operands[1])))
            elif operator == b"re" and len(operands) == 4:
                x, y, width, height = (float(value) for value in operands)
                path.extend((_point(cm, x, y), _point(cm, x + width, y + height)))
            elif operator in _PAINT or operator == b"n":
                if operator != b"n" and path:
                    xs, ys = [x for x, _ in path], [y for _, y in path]
                    if max(ys) - min(ys) <= 2.0 and max(xs) - min(xs) >= 30.0:
                        rules.append((max(ys) + min(ys)) / 2 - bottom)
                path.clear()
        except (TypeError, ValueError):
            path.clear()

    page.extract_text(visitor_text=visit, visitor_operand_before=draw)
    lines: list[_Line] = []
    current: _Line | None = None
    for text, x, y, size, widths in pieces:
        segments = text.split("\n")
        for k, segment in enumerate(segments):
            if k > 0:
                current = None
            if not segment:
                continue
            if current is None:
                current = _Line(y, x, size, lead_space=segment[:1].isspace() and bool(segment.strip()),
                                pitch=widths[0], scale=widths[1])
                lines.append(current)
            elif segment.strip() and _is_mark(segment, size, y, current):
                segment = segment.strip().translate(_TO_SUPERSCRIPT)
                if current.parts and current.parts[-1][-1:] in SUPERSCRIPT_DIGITS:
                    segment = " " + segment  # two marks side by side ("²³"): 2 and 3, not 23
            elif segment.strip() and not current.text.strip():
                # The line's first visible piece decides where the line is and how big.
                current.y, current.x, current.size = y, x, size
                current.pitch, current.scale = widths
                current.lead_space = segment[:1].isspace()
            elif segment.strip() and _is_mark(current.text, current.size, current.y, _Line(y, x, size)):
                # A footnote body's number, printed small and raised before the body's text.
                current.parts = [current.text.strip().translate(_TO_SUPERSCRIPT)]
                current.y, current.size = y, size
            current.parts.append(segment)
    return lines, rules


def _font_widths(font) -> tuple[float, float]:
    """A font's fixed pitch in ems (0.0 for a proportional font), and how much wider than
    ``_ems`` reckons its letters are (the mean of the widths it lists, against half an em;
    1.0 where it lists none)."""
    try:
        widths = [float(w) for w in font.get("/Widths") or () if float(w) > 0]
        flags = int((font.get("/FontDescriptor") or {}).get("/Flags") or 0)
    except (TypeError, ValueError, AttributeError):
        return 0.0, 1.0
    if not widths:
        return 0.0, 1.0
    narrow = [w for w in widths if w < 900] or widths  # (a CJK font's full-width characters aside)
    if (flags & 1 or max(widths) - min(widths) < 1) and max(widths) < 800:  # FixedPitch
        return max(widths) / 1000, 1.0
    return 0.0, min(1.3, max(0.85, sum(narrow) / len(narrow) / 500))


def _point(cm, x: float, y: float) -> tuple[float, float]:
    return x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]


def _is_mark(segment: str, size: float, y: float, line: _Line) -> bool:
    """A footnote mark: digits, clearly smaller than the line's text and raised above it."""
    return segment.strip().isdigit() and size < 0.8 * line.size and y > line.y + 0.5


def _multiply(m, n) -> tuple[float, ...]:
    return (
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    )


def _body_size(pages) -> float:
    """The size most text is printed in."""
    sizes: Counter[float] = Counter()
    for _height, lines in pages:
        for line in lines:
            sizes[round(line.size, 1)] += len(line.text.strip())
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _is_furniture(line: _Line, page: int, height: float, body_size: float | None = None,
                  heads: frozenset[str] = frozenset()) -> bool:
    """Whether a printed line is page furniture, by where it sits and what it is. A line at the
    top of a page after the first is a running head (symbol and title), but for a line of the
    text's own size that carries no symbol and stands atop no other page (``heads``: what the
    tops of two pages or more print): a PDF with narrow margins (LibreOffice's, a plain text
    saved as PDF) sets its text there."""
    text = re.sub(r"\s+", " ", line.text).strip()
    if not text:
        return True
    top = line.y > height * (1 - _TOP_BAND)
    bottom = line.y < height * _BOTTOM_BAND
    if page > 0 and top:
        return body_size is None or abs(line.size - body_size) >= 1.0 or _head_key(text) in heads \
            or bool(_HEAD_SYMBOL.search(text))  # running header: symbol and title
    if not (top or bottom):
        return False
    if _FURNITURE_WORDS.search(text) or _BARCODE.match(text) or _PAGE.match(text):
        return True
    # "2/4 22-04067": page number and job number printed on one baseline.
    return bool(re.fullmatch(r"[\d/()\sA-Z\-]+", text)) and bool(re.search(r"\d{2}-\d{5}|\d+/\d+", text))


# A document symbol, as running heads carry one ("A/RES/ES-11/1", "A/C.2/65/L.22").
_HEAD_SYMBOL = re.compile(r"\b[A-Z]{1,2}/(?:[A-Z0-9.\-]+/)*[A-Z0-9.\-]+")


def _head_key(text: str) -> str:
    """A page top's words without its digits (page numbers), as repeated heads are matched."""
    return re.sub(r"[\d\s]+", "", text)


def _repeated_heads(pages: list[tuple[float, list[_Line]]]) -> frozenset[str]:
    """What the tops of two pages or more print (``_head_key``): running heads."""
    seen: Counter[str] = Counter()
    for number, (height, lines) in enumerate(pages):
        seen.update({_head_key(line.text) for line in lines
                     if number > 0 and line.text.strip() and line.y > height * (1 - _TOP_BAND)})
    return frozenset(key for key, count in seen.items() if count >= 2)


def _notes_under_a_drawn_rule(lines: list[_Line], body_size: float) -> int:
    """Where a page's footnotes begin when the separator is a drawn rule, not a line of text:
    the first of the small lines at the page's foot, opening with a mark; ``len(lines)`` when
    the page has none."""
    start = None
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line.text.strip():
            continue
        if line.size >= 0.9 * body_size:
            break
        if re.match(rf"^[{SUPERSCRIPT_DIGITS}]|^\d{{1,3}}(?!\d)", line.text.strip()):
            start = index
    return len(lines) if start is None else start


def _notes_under_a_drawn_line(lines: list[_Line], rules: list[float]) -> int:
    """Where a page's footnotes begin under a separator drawn as a line (a PDF saved from Word:
    the footnotes in the text's own size): the first line below the lowest drawn rule that has
    text above it, when that line opens with a mark; ``len(lines)`` when there is none."""
    for rule in sorted(rules):
        below = [index for index, line in enumerate(lines) if line.text.strip() and line.y < rule]
        above = [line for line in lines if line.text.strip() and line.y > rule]
        if not below or not above or below != list(range(below[0], below[0] + len(below))):
            continue
        first = lines[below[0]].text.strip()
        if re.match(rf"^[{SUPERSCRIPT_DIGITS}]|^\d{{1,3}}(?!\d)", first) and not _NUMBERED.match(first):
            return below[0]
    return len(lines)


# How wide a character prints, in ems, roughly (pypdf gives where a piece of text begins, not
# where it ends): a Han or full-width character a full em; a Latin capital two thirds; a space a
# quarter; the rest about half.
def _ems(text: str) -> float:
    total = 0.0
    for char in text:
        if char == " ":
            total += 0.25
        elif char in ".,;:'’()[]!|ilfjt":
            total += 0.3
        elif char.isupper():
            total += 0.68
        elif _wide(char):
            total += 1.0
        else:
            total += 0.47
    return total


def _wide(char: str) -> bool:
    """A character set a full em wide: Han, kana, hangul, full-width forms, CJK punctuation."""
    return has_cjk(char) or "\uff00" <= char <= "\uffef" or "\u3000" <= char <= "\u303f"



# Arabic, Hebrew and the like: a right-to-left line begins at the right.
_RIGHT_TO_LEFT = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def _measure(pages, widths: list[float], margin: float, body_size: float) -> float:
    """Where the text's lines end at the right, about (in the rough width ``_ems`` gives): where
    its longest lines end (the 95th in a hundred), and at least most of the way to a right margin
    as wide as the left one (a text whose lines all end short: one paragraph a line)."""
    ends = sorted(_end(line, line.text.strip()) for _height, lines in pages for line in lines
                  if line.text.strip() and abs(line.size - body_size) < 1.0)
    if not ends or not widths:
        return 0.0
    return min(max(ends[min(len(ends) - 1, int(0.95 * len(ends)))], 0.85 * (min(widths) - margin)),
               min(widths) - margin)  # (the right margin at least as wide as the left)


def _ends_short(previous: _Line, line: _Line, measure: float, margin: float, body_size: float) -> bool:
    """Whether the line before ``line`` ended well short of the measure: the next line's first
    word would have fitted on it with room to spare, so the line did not wrap: it ended its
    paragraph (a single-spaced text saved as PDF, one paragraph a line, no space between). Only
    for lines of the body's size set from its margin on (a masthead's narrower column, left of
    it, keeps its own measure)."""
    before, text = previous.text.strip(), line.text.strip()
    if not measure or abs(previous.size - body_size) >= 1.0 or abs(line.size - body_size) >= 1.0 \
            or min(previous.x, line.x) < margin - 2 or _RIGHT_TO_LEFT.search(before + text):
        return False
    if before[-1:] in ",;" and text[:1].isupper() and opens_preambular(text):
        return True  # "…thereon," / "Welcoming the commitment …": a preambular paragraph's opener
    if (has_cjk(before[-1:]) or has_cjk(text[:1])) and before[-1:] not in "，。；：,;:.":
        return False  # (Chinese wraps anywhere, in lines of mixed fonts: only after a clause's end)
    word = text.split()[0] if not has_cjk(text[:1]) else text[:2]
    # (a font of fixed pitch is measured exactly; another's width is reckoned, with room to spare)
    return _end(previous, f"{before} {word}") < (0.97 if previous.pitch else 0.85) * measure


def _end(line: _Line, text: str) -> float:
    """Where ``text`` set from the line's start would end, about."""
    if line.pitch:  # (a Han or full-width character comes from another font, a full em wide)
        return line.x + sum(1.0 if _wide(char) else line.pitch for char in text) * line.size
    return line.x + sum(1.0 if _wide(char) else _ems(char) * line.scale for char in text) * line.size


def _text_goes_on(lines: list[_Line], body_size: float) -> bool:
    """Whether the text goes on below a typed footnote rule: a line there in the text's size
    that opens a paragraph as no footnote does (set in by a space, numbered "1." or "(a)", or a
    preambular opener)."""
    for line in lines:
        text = line.text.strip()
        if text and abs(line.size - body_size) < 1.0 and (
                line.lead_space or _NUMBERED.match(text) or text[:1].isupper() and opens_preambular(text)):
            return True
    return False


def _starts_paragraph(line: _Line, text: str, margin: float) -> bool:
    """A line that opens a paragraph: indented from the text margin, or numbered."""
    return line.x > margin + 6 or line.lead_space or bool(_NUMBERED.match(text) or INSERTED_OPENING.match(text))


def _footnotes(lines: list[_Line]) -> tuple[list[str], list[str]]:
    """Footnote bodies below a page's separator, one "¹ text" line each; and the lines there
    before the first mark, which no footnote holds."""
    notes: list[str] = []
    unplaced: list[str] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        match = re.match(rf"^([{SUPERSCRIPT_DIGITS}]+|\d{{1,3}}(?=\s)|\d{{1,3}}(?=[^\W\d_]))\s*(.*)$", text)
        if match:
            mark = match.group(1).translate(_TO_SUPERSCRIPT)
            notes.append(f"{mark} {match.group(2)}")
        elif notes:
            notes[-1] = _join_lines([notes[-1], text])
        else:
            unplaced.append(re.sub(r"\s+", " ", text))
    return notes, unplaced


def _join_lines(lines: list[str]) -> str:
    """Printed lines into one paragraph: a space between words, none between Han characters."""
    text = ""
    for line in lines:
        line = re.sub(r"[ \t]{2,}", " ", line.strip())
        if not text:
            text = line
        elif has_cjk(text[-1:]) or has_cjk(line[:1]) or text[-1:] in "，。；：、（《“" or line[:1] in "，。；：、）》”" \
                or wrapped_number(text, line):
            text += line
        else:
            text += " " + line
    return text
