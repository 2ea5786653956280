"""From the text of a report, draft or resolution to structured documents.

The steps, each a small function over lines:

1. find every chapeau ("大会，", "The General Assembly,"): each starts one document;
2. cut the document's body: to the closing quotation mark of a draft quoted in a report,
   to the plenary-meeting line or annex of an adopted text, or to the next document;
3. drop page furniture (symbols, job numbers, barcodes, page numbers, running headers) and
   take footnote bodies aside;
4. join lines into paragraphs (page breaks and wrapped lines), then classify them:
   numbered operative paragraphs, their (a)/(i) sub-paragraphs, unnumbered preambular ones;
5. read the symbol, title and date (the identity stage, `identity.py`; line patterns that
   several stages share are in `patterns.py`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..errors import ParseError
from ..model import Document, Footnote, Item, Paragraph, ParagraphKind
from ..text import SUPERSCRIPT_DIGITS, detect_language, has_cjk
from .identity import Span, _line_title, identify
from .patterns import (
    _BARCODE,
    _DISTR,
    _FURNITURE_LINE,
    _GLUED_SYMBOL,
    _JOB_NUMBER,
    _OPERATIVE,
    _SYMBOL,
    _TITLE_NUMBER,
)

# --- recognisers -----------------------------------------------------------------------------

_CHAPEAUS = ("大会", "大會", "The General Assembly", "L['’]Assemblée générale", "La Asamblea General",
             "Генеральная Ассамблея", "إن الجمعية العامة")
# Words of a chapeau may be set apart by several spaces (some extractions space out every word).
_CHAPEAU = re.compile(
    r"^\s*[“\"]?\s*(?:" + "|".join(c.replace(" ", r"\s+") for c in _CHAPEAUS) + r")\s*[，,、،]?\s*$"
)
# An operative number or a sub-paragraph label alone on its line, its text on the next (as many
# PDF extractions lay them out): the two lines are one.
_NUMBER_ALONE = re.compile(r"^(?:\d{1,4}\s?[.．]|[(（]\s*(?:[a-z]{1,3}|[ivxlc]{1,6})\s*[)）])$")
# A footnote mark alone on its line: extractions that keep the footnote area's two columns apart
# put the marks on lines of their own, before, between or after the bodies.
# What the printer puts at a page's foot: job number, barcode, print date code, recycling note.
_PRINT_MARKS = re.compile(r"^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?|\*\d{6,8}\*|\d{6}|Please recycle|请回收|請回收)\s*$")
_MARK_ALONE = re.compile(rf"^(?:\d{{1,3}}|[{SUPERSCRIPT_DIGITS}]{{1,3}})$")
_LABEL = re.compile(r"^[(（]\s*([a-z]{1,3}|[ivxlc]{1,6})\s*[)）]\s*(?=\S)")
_FURNITURE_EVIDENCE = re.compile(r"\d{2}-\d{5}|\*\d{6,8}\*|\d\s*/\s*\d{1,3}\s*$|^\d{1,3}\s*/\s*\d{1,3}\D")
# Spaces a PDF puts between words that are layout, not text (no-break, narrow, thin).
_ODD_SPACES = re.compile("[\u00a0\u2007\u2009\u200a\u202f]")
# "第 57/270 B 号、…" opens a line of Chinese text: only "第 3 页" alone is a page number.
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^\d{1,3}\s*/\s*\d{1,3}$|^(?:Page\s*\d+|第\s*\d+\s*页)\s*$")
_SEPARATOR = re.compile(r"^[_＿\-—]{5,}\s*$")
_MD_FOOTNOTE = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
_SUPER_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]+)\s*(\S.*)$")
_PLAIN_FOOTNOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
_END_OF_TEXT = re.compile(
    r"^(?:\d+(?:st|nd|rd|th) plenary meeting\b|第\s*\d+\s*次全体会议|[第]?[一二三四五六七八九十百]+次全体会议"
    r"|Annex(?:\s|$)|附件(?:\s|$)|---\s*$)"
)
_SUPER_MARK = re.compile(rf"\s*([{SUPERSCRIPT_DIGITS}]+)(\s*)")
_SUPER_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
# Endings after which a new paragraph may begin; a line ending otherwise is continued.
_TERMINAL = set(",;:.，；：。!?！？،؛")
# Openers of preambular paragraphs in line-wrapped text, where a line end is no evidence.
# Chinese openers in Simplified and in Traditional script (texts from Taiwan and Hong Kong
# sources, and some transcriptions, are printed in the latter).
_ZH_OPENERS = re.compile(
    r"^(?:又|还|還|并|並|进一步|進一步|深为|深為|深切|深感|严重|嚴重|极为|極為|再次|大力)?"
    r"(?:回顾|回顧|重申|注意到|表示注意到|认识到|認識到|确认|確認|承认|承認|强调|強調|关切|關切|关注|關注|"
    r"欢迎|歡迎|考虑到|考慮到|铭记|銘記|深信|意识到|意識到|申明|赞赏|讚賞|贊賞|认为|認為|重视|重視|感谢|感謝|"
    r"赞扬|讚揚|贊揚|鼓励|鼓勵|祝贺|祝賀|确信|確信|决心|決心|念及|指出|忆及|憶及|遗憾|遺憾|震惊|震驚|希望|"
    r"满意|滿意|赞同|贊同|支持|谴责|譴責|痛惜|感到)"
)
_EN_OPENER = re.compile(
    r"^(?:[A-Z][a-z]+ing|[A-Z][a-z]+ed|Mindful|Aware|Conscious|Cognizant|Convinced|Concerned|Deeply|"
    r"Gravely|Seriously|Alarmed|Determined|Guided|Having|Bearing|Desirous|Fully|Further|Also|Noting|"
    r"Taking|Recognizing|Reaffirming|Recalling|Welcoming|Emphasizing|Stressing|Underlining|Expressing|"
    r"Acknowledging|Affirming|Considering|Believing|Reiterating|Encouraging|Highlighting|Appreciating|"
    r"Regretting|Deploring|Condemning|Keeping|Being|Strongly|Firmly|Profoundly|Acting)\b"
)
_ROMAN = re.compile(r"^[ivxlc]+$")
_YAML_FIELD = re.compile(r'^(\w+):\s*"?(.*?)"?\s*$')





@dataclass
class _Block:
    """A document's stretch of lines and what the surrounding text says about it."""

    start: int  # index of the chapeau line
    end: int  # index after the last body line
    quoted: bool
    header: list[str] = field(default_factory=list)


# --- entry point -------------------------------------------------------------------------------


def parse_text(text: str, source: str | None = None) -> tuple[Document, ...]:
    """Every resolution document in ``text``, in reading order.

    Raises ParseError when there is none.
    """
    meta, lines, md_footnotes = _front_matter(_ODD_SPACES.sub(" ", text).split("\n"))
    chapeaus = [i for i, line in enumerate(lines) if _CHAPEAU.match(line)]
    if not chapeaus:
        lines, chapeaus = _decision_layout(lines)
    if not chapeaus:
        first = _first_operative(lines)
        if first is None:
            raise ParseError(
                "no resolution text found: no chapeau such as '大会，' or 'The General Assembly,' "
                "and no numbered operative paragraphs",
                path=source,
            )
        chapeaus = [first - 1]
    blocks = _blocks(lines, chapeaus)
    documents = []
    report = _is_report(lines, blocks)
    for index, block in enumerate(blocks):
        body = lines[block.start + 1 : block.end]
        if not block.quoted:
            following = blocks[index + 1].start if index + 1 < len(blocks) else len(lines)
            body = body + _trailing_footnotes(lines[block.end : following])
        dropped: list[tuple[int, str]] = []
        problems: list[tuple[int, str]] = []
        paragraphs, footnotes = _paragraphs(body, block.quoted, _titles(lines, block, meta),
                                            {f.mark for f in md_footnotes}, dropped, problems)
        if not paragraphs:
            continue
        if md_footnotes and not footnotes:
            footnotes = md_footnotes
        identity = identify(lines, Span(block.start, block.end, block.quoted),
                            blocks[index - 1].end if index else 0, meta, report, source)
        symbol, title, date = identity.symbol, identity.title, identity.date
        language = detect_language("\n".join(p.body for p in paragraphs))
        documents.append(
            Document(
                symbol=symbol,
                title=title,
                language=language,
                paragraphs=tuple(paragraphs),
                footnotes=tuple(footnotes),
                source=source,
                date=date,
                warnings=tuple(_warnings(paragraphs, footnotes, symbol)
                               + [f"{symbol or 'document'}: line {block.start + 2 + k}: {text}" for k, text in problems]),
                furniture=tuple(f"line {block.start + 2 + k}: {text}" for k, text in dropped),
            )
        )
    if not documents:
        raise ParseError("no resolution paragraphs found after the chapeau", path=source)
    if report and any(d.date is None for d in documents):
        documents = _dates_from_account(text, documents)
    return tuple(documents)


# A decision printed as one sentence: "The General Assembly, recalling …, decides to …." or
# "大会回顾……，决定……。" The chapeau opens the line and the sentence runs on after it.
_INLINE_CHAPEAU = re.compile(
    r"^\s*(?P<chapeau>" + "|".join(c.replace(" ", r"\s+") for c in _CHAPEAUS) + r")(?:\s*[,，]\s*|(?<=会)|(?<=會))"
    r"(?P<rest>\S.*[.。])\s*$"
)


def _decision_layout(lines: list[str]) -> tuple[list[str], list[int]]:
    """Lines with a one-sentence decision's chapeau set on a line of its own, and its index.

    Only the first such line counts, and only where the text has no chapeau of its own line.
    """
    for index, line in enumerate(lines):
        match = _INLINE_CHAPEAU.match(line)
        if match and (match.group("rest")[:1].islower() or has_cjk(match.group("rest")[:1])):
            chapeau = match.group("chapeau") + ("，" if has_cjk(match.group("chapeau")) else ",")
            return lines[:index] + [chapeau, match.group("rest")] + lines[index + 1:], [index]
    return lines, []


def _trailing_footnotes(tail: list[str]) -> list[str]:
    """The footnote area printed after a text's last line (its adoption line and date): from
    the separator rule through the footnote bodies, or nothing when no rule follows closely."""
    start = next((k for k, line in enumerate(tail[:10]) if _SEPARATOR.match(line.strip())), None)
    if start is None:
        return []
    taken = [tail[start]]
    in_note = False
    for line in tail[start + 1:]:
        stripped = line.strip()
        if not stripped:
            in_note = False
            taken.append(line)
        elif _PLAIN_FOOTNOTE.match(stripped) or _SUPER_FOOTNOTE.match(stripped):
            in_note = True
            taken.append(line)
        elif in_note and not _CHAPEAU.match(stripped):
            taken.append(line)
        else:
            break
    return taken


def _dates_from_account(text: str, documents: list[Document]) -> list[Document]:
    """Drafts quoted in a report, dated as the report's account of the proceedings dates them
    (the day a draft was introduced or submitted)."""
    from dataclasses import replace

    from ..history import draft_dates, proceedings

    dates = draft_dates(proceedings(text))
    return [replace(d, date=dates[d.symbol]) if d.date is None and d.symbol in dates else d
            for d in documents]


# --- front matter and blocks ---------------------------------------------------------------------


def _front_matter(lines: list[str]) -> tuple[dict[str, str], list[str], list[Footnote]]:
    """YAML front matter fields and Markdown footnote definitions, taken out of the lines."""
    meta: dict[str, str] = {}
    if lines and lines[0].strip() == "---":
        for end in range(1, min(len(lines), 60)):
            if lines[end].strip() == "---":
                for line in lines[1:end]:
                    match = _YAML_FIELD.match(line.strip())
                    if match:
                        meta[match.group(1)] = match.group(2).replace('\\"', '"')
                lines = [""] * (end + 1) + lines[end + 1 :]
                break
    footnotes: list[Footnote] = []
    kept: list[str] = []
    in_definition = False
    for line in lines:
        match = _MD_FOOTNOTE.match(line.strip())
        if match:
            footnotes.append(Footnote(match.group(1), match.group(2).strip()))
            in_definition = True
            kept.append("")
        elif in_definition and line.strip():
            # A wrapped footnote definition continues until a blank line.
            last = footnotes[-1]
            footnotes[-1] = Footnote(last.mark, (last.text + " " + line.strip()).strip())
            kept.append("")
        else:
            in_definition = False
            kept.append(line)
    return meta, kept, footnotes


def _first_operative(lines: list[str]) -> int | None:
    for i, line in enumerate(lines):
        match = _OPERATIVE.match(line.strip().lstrip("“\""))
        if match and match.group(1) == "1":
            numbers = {m.group(1) for m in (_OPERATIVE.match(x.strip().lstrip("“\"")) for x in lines[i:]) if m}
            if "2" in numbers:
                return i
    return None


def _blocks(lines: list[str], chapeaus: list[int]) -> list[_Block]:
    blocks = []
    for k, start in enumerate(chapeaus):
        limit = chapeaus[k + 1] if k + 1 < len(chapeaus) else len(lines)
        quoted = lines[start].strip().startswith(("“", '"')) if start >= 0 else False
        if quoted:
            end = _end_of_quote(lines, start + 1, limit)
        else:
            end = _end_of_text(lines, start + 1, limit)
        if k + 1 < len(chapeaus) and end == limit:
            end = _before_next_header(lines, start + 1, limit)
        blocks.append(_Block(start=max(start, -1), end=end, quoted=quoted))
    return blocks


def _end_of_quote(lines: list[str], begin: int, limit: int) -> int:
    """The index after the line whose closing quotation mark ends a quoted draft."""
    depth_text: list[str] = []
    for i in range(begin, limit):
        stripped = lines[i].strip()
        if not stripped:
            continue
        if stripped.startswith(("“", '"')) or not depth_text:
            depth_text = [stripped]
        else:
            depth_text.append(stripped)
        paragraph = "".join(depth_text)
        opens = paragraph.count("“")
        closes = paragraph.count("”")
        if paragraph.startswith("“") and closes >= opens and paragraph.rstrip().endswith("”"):
            return i + 1
        if _is_report_paragraph(stripped) and not stripped.startswith("“"):
            return i
    return limit


def _is_report_paragraph(line: str) -> bool:
    return bool(re.match(r"^\d{1,3}\s?[.．]\s", line)) and bool(_SYMBOL.search(line) or "委员会" in line or "Committee" in line)


def _end_of_text(lines: list[str], begin: int, limit: int) -> int:
    for i in range(begin, limit):
        if _END_OF_TEXT.match(lines[i].strip()):
            return i
    return limit


def _before_next_header(lines: list[str], begin: int, limit: int) -> int:
    """Leave the next document's title lines (unterminated, short) to that document."""
    end = limit
    while end > begin:
        line = lines[end - 1].strip()
        if not line:
            end -= 1
            continue
        if len(line) < 120 and line[-1] not in _TERMINAL and not _OPERATIVE.match(line):
            end -= 1
            continue
        break
    return end


def _is_report(lines: list[str], blocks: list[_Block]) -> bool:
    return any(b.quoted for b in blocks) or any(
        re.search(r"建议大会通过|recommends to the General Assembly|recommends that the General Assembly", l)
        for l in lines
    )


# --- furniture, footnotes, paragraphs --------------------------------------------------------------


def _titles(lines: list[str], block: _Block, meta: dict[str, str]) -> list[str]:
    """Keys of what the document may be titled: running headers repeat one of them."""
    found = [meta.get("title") or "", _line_title(lines, block) or ""]
    for line in lines[max(0, block.start - 6) : max(block.start, 0)]:
        found.append(_TITLE_NUMBER.sub("", line.strip()))
    keys = []
    for title in found:
        key = _key(title)
        if len(key) >= 8 and key not in keys:
            keys.append(key)
    return keys


def _key(text: str) -> str:
    """Letters and digits only, case-folded: how a running header is matched to a title."""
    return re.sub(r"\W+", "", text).casefold()


def _is_furniture(line: str, titles: list[str], after_furniture: bool = False) -> bool:
    """True for a line of page furniture: symbols, job numbers, barcodes, page numbers,
    distribution lines and running headers that repeat the title (with or without the symbol)."""
    if _JOB_NUMBER.match(line) or _BARCODE.match(line) or _PAGE_NUMBER.match(line) or _DISTR.match(line) \
            or _PRINT_MARKS.match(line):
        return True
    if _FURNITURE_LINE.match(line) and _FURNITURE_EVIDENCE.search(line):
        return True
    if _SEPARATOR.match(line):
        return False
    symbol = _SYMBOL.match(line)
    if symbol:
        rest = line[symbol.end():].strip()
        if not rest or not rest[0].isdigit() and rest[-1:] not in _TERMINAL:
            return True
    if line in {"United Nations", "General Assembly", "联合国", "大会"}:
        return True
    # A running header: the title, perhaps cut short or split over lines, beside the symbol.
    trailing = _GLUED_SYMBOL.search(line)
    key = _key(line[: trailing.start()] if trailing else line)
    if len(key) < 8 or line.rstrip()[-1:] in _TERMINAL - {":"}:
        return False
    for title in titles:
        if key == title or (len(key) >= 12 and title.startswith(key)):
            return True
        if after_furniture and len(key) >= 12 and key in title:
            return True
    return False


def _paragraphs(body: list[str], quoted: bool, titles: list[str],
                known_marks: set[str] = frozenset(),
                furniture: list[tuple[int, str]] | None = None,
                problems: list[tuple[int, str]] | None = None) -> tuple[list[Paragraph], list[Footnote]]:
    """The paragraphs and footnotes of a document body, furniture dropped.

    ``known_marks`` are footnote marks defined elsewhere (Markdown definitions at the end);
    the lines dropped as furniture are added to ``furniture`` with their index in ``body``.
    """
    if furniture is None:
        furniture = []
    footnotes: list[Footnote] = []
    after_furniture = False
    kept: list[tuple[str, bool, bool]] = []  # (text, blank_before, indented)
    in_footnotes = False
    blank = True
    alone: tuple[str, bool, bool] | None = None  # a number or label waiting for its text
    skip_to = -1
    page_start = 0  # where in ``kept`` the lines since the last furniture begin
    # The text's own left margin: a layout-keeping extraction sets every line in from the page's
    # edge, so a line is indented (a paragraph's first line) only when it starts further in
    # than most lines do.
    indents = Counter(_indent(raw) for raw in body if raw.strip())
    margin = indents.most_common(1)[0][0] if indents else 0
    for position, raw in enumerate(body):
        if position < skip_to:
            continue
        line = raw.strip()
        if not line:
            blank = True
            continue
        if _SEPARATOR.match(line):
            block = _split_footnote_block(body, position + 1, titles, problems)
            if block is not None:
                found, skip_to = block
                footnotes.extend(found)
                furniture.extend((k, body[k].strip()) for k in range(position + 1, skip_to)
                                 if _PRINT_MARKS.match(body[k].strip()))
                blank = True
                continue
            in_footnotes = True
            continue
        if not quoted and _NUMBER_ALONE.match(line) and alone is None:
            alone = (line, blank, _indent(raw) > margin)
            blank = False
            continue
        if alone is not None:
            if _is_furniture(line, titles, after_furniture):
                after_furniture = True
                furniture.append((position, line))
                continue
            kept.append((_join(alone[0], line), alone[1], alone[2]))
            alone = None
            blank = False
            continue
        if (line.isdigit() and len(line) <= 2 and kept and not after_furniture and not in_footnotes
                and _ends_terminal(kept[-1][0]) and _next_is_text(body, position + 1, titles)):
            # A footnote mark that an extraction set on a line of its own after the paragraph
            # carrying it ("…信息社会，" then "1"), with text, not furniture, around it.
            last = kept[-1]
            kept[-1] = (last[0] + line, last[1], last[2])
            continue
        if _is_furniture(line, titles, after_furniture):
            in_footnotes = False
            after_furniture = True
            furniture.append((position, line))
            footnotes.extend(_unruled_footnotes(kept, footnotes, page_start))
            page_start = len(kept)
            continue
        after_furniture = False
        sup = _SUPER_FOOTNOTE.match(line)
        if sup and not quoted or (sup and not line.startswith("“")):
            footnotes.append(Footnote(sup.group(1).translate(_SUPER_TO_ASCII), sup.group(2).strip()))
            in_footnotes = True
            blank = True
            continue
        if in_footnotes:
            plain = _PLAIN_FOOTNOTE.match(line)
            if plain and not _OPERATIVE.match(line):
                footnotes.append(Footnote(plain.group(1), plain.group(2).strip()))
                blank = False  # the body may wrap onto the next line
                continue
            if footnotes and not blank:
                last = footnotes[-1]
                footnotes[-1] = Footnote(last.mark, _join(last.text, line))
                continue
            in_footnotes = False
        kept.append((line, blank, _indent(raw) > margin))
        blank = False
    if alone is not None:
        kept.append((alone[0], alone[1], alone[2]))
    footnotes.extend(_unruled_footnotes(kept, footnotes, page_start))
    block_mode = _block_mode(body)
    chunks = _join_lines(kept, quoted, block_mode)
    marks = {f.mark for f in footnotes} | set(known_marks)
    return _classify(chunks, quoted, marks), _unique_footnotes(footnotes)


# Longer than any paragraph of a real resolution (the longest in the corpus run to about 2,500
# characters): paragraphs have probably run together.
LONGEST_PARAGRAPH = 6000


def _warnings(paragraphs: list[Paragraph], footnotes: list[Footnote], symbol: str | None) -> list[str]:
    """What a reader should check by hand: breaks in the numbering of operative paragraphs and
    of sub-paragraphs, paragraphs far longer than any real one, footnote marks without bodies."""
    name = symbol or "document"
    found = []
    previous = 0
    for paragraph in paragraphs:
        if paragraph.number is None:
            continue
        if paragraph.number != previous + 1:
            where = f"after OP{previous}" if previous else "at the start"
            found.append(f"{name}: operative paragraph {paragraph.number} follows {previous or 'nothing'} "
                         f"({where}): a paragraph may be missing or misread")
        previous = paragraph.number
    for paragraph in paragraphs:
        top = [item.label for item in paragraph.items if item.parent is None]
        for before, after in zip(top, top[1:]):
            expected = _label_gap(before, after)
            if expected is not None:
                found.append(f"{name}: {paragraph.id} has sub-paragraph ({after}) after ({before}): "
                             f"({expected}) may be missing or misread")
        if len(paragraph.body) > LONGEST_PARAGRAPH:
            found.append(f"{name}: {paragraph.id} is {len(paragraph.body):,} characters long, longer than any "
                         "real paragraph: several paragraphs may have run together")
    bodies = {f.mark for f in footnotes}
    if bodies:
        for paragraph in paragraphs:
            for mark in paragraph.all_footnotes():
                if mark not in bodies:
                    found.append(f"{name}: {paragraph.id} carries footnote mark {mark}, whose footnote was not found")
    return found


def _to_roman(value: int) -> str:
    numerals = ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for size, numeral in numerals:
        while value >= size:
            out += numeral
            value -= size
    return out


def _label_gap(before: str, after: str) -> str | None:
    """The label missing between two consecutive sub-paragraph labels, None when they follow.

    >>> _label_gap("a", "b"), _label_gap("b", "d"), _label_gap("ii", "iii"), _label_gap("iii", "v"), _label_gap("h", "i")
    (None, 'c', None, 'iv', None)
    """
    if len(before) == 1 and len(after) == 1 and ord(after) == ord(before) + 1:
        return None
    first, second = _roman(before), _roman(after)
    if first is not None and second is not None and second == first + 1:
        return None
    if first is not None and second is not None and (len(before) > 1 or len(after) > 1):
        return _to_roman(first + 1)
    if len(before) == 1 and "a" <= before < "z":
        return chr(ord(before) + 1)
    return None


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" \t\u3000"))


def _next_is_text(body: list[str], begin: int, titles: list[str]) -> bool:
    """Whether the next line with anything on it is text, not furniture."""
    for line in body[begin : begin + 3]:
        if line.strip():
            return not _is_furniture(line.strip(), titles) and not _SEPARATOR.match(line.strip())
    return False


_GLUED_NOTE = re.compile(rf"^(\d{{1,3}})(?=[^\W\d_]|[《“(（])|^([{SUPERSCRIPT_DIGITS}]{{1,3}})\s*(?=\S)")


def _unruled_footnotes(kept: list[tuple[str, bool, bool]], footnotes: list[Footnote],
                       start: int) -> list[Footnote]:
    """Footnotes at the foot of a page whose separator was a drawn rule, not text.

    Such a page's text ends with the footnote bodies, each opening with its mark run into the
    text ("1联合国教育……", "2见 A/C.2/95/3，附件。"): a final run of lines whose first opens
    with the next mark after those already read, each mark one more than the last. The run is
    taken out of ``kept`` and returned as footnotes; nothing is taken when the lines do not
    read so.
    """
    expected = max((int(f.mark) for f in footnotes), default=0) + 1
    for begin in range(start, len(kept)):
        match = _GLUED_NOTE.match(kept[begin][0])
        if not match or _mark_value(match) != expected or begin == start:
            continue
        notes: list[list[str]] = []
        value = expected
        seen = {f.mark for f in footnotes}
        for line, _, _ in kept[begin:]:
            match = _GLUED_NOTE.match(line)
            if match and _mark_value(match) == value:
                notes.append([str(value), line[match.end():].strip()])
                seen.add(str(value))
                value += 1
            elif match and str(_mark_value(match)) in seen:
                # a footnote printed again under a later page (the same mark, the same body)
                notes.append([str(_mark_value(match)), line[match.end():].strip()])
            elif match or line[:1].isdigit():
                break
            else:
                notes[-1][1] = _join(notes[-1][1], line)
        else:
            del kept[begin:]
            return [Footnote(mark, text) for mark, text in notes]
    return []


def _mark_value(match: re.Match[str]) -> int:
    return int((match.group(1) or match.group(2)).translate(_SUPER_TO_ASCII))


def _split_footnote_block(body: list[str], begin: int, titles: list[str],
                          problems: list[tuple[int, str]] | None = None) -> tuple[list[Footnote], int] | None:
    """Footnotes whose marks stand on lines of their own, apart from their bodies.

    Extractions that keep the footnote area's two columns apart write the marks before each
    body ("1", "A/49/765, annex I.", "2", …), all before the bodies, or all after them. The
    block runs from the separator to the next line of page furniture (or a blank line after
    the last body); the bodies are paired with the marks in reading order when a mark came
    before each body, else in the order of the marks' numbers. None when the block is not
    laid out so (the line-by-line reading then applies).
    """
    marks: list[tuple[str, int]] = []  # (mark, how many bodies had begun before it)
    bodies: list[str] = []
    end = begin
    limit = min(len(body), begin + 60)
    while end < limit:
        line = body[end].strip()
        if line and _PRINT_MARKS.match(line):
            end += 1  # a job number or barcode printed between the marks and the bodies
            continue
        if line and (_is_furniture(line, titles) and not _MARK_ALONE.match(line)):
            break
        if line and _OPERATIVE.match(line) and bodies:
            break
        if _MARK_ALONE.match(line):
            marks.append((line.translate(_SUPER_TO_ASCII), len(bodies)))
        elif line:
            starts_new = not bodies or _ends_terminal(bodies[-1]) or (marks and marks[-1][1] == len(bodies))
            if starts_new:
                bodies.append(line)
            else:
                bodies[-1] = _join(bodies[-1], line)
        end += 1
    if not marks:
        return None
    if len(marks) != len(bodies):
        if problems is not None:
            problems.append((begin, f"the footnote area has {len(marks)} marks on lines of their own and "
                                    f"{len(bodies)} bodies, which could not be paired"))
        return None
    if all(before == index for index, (_, before) in enumerate(marks)):
        ordered = [mark for mark, _ in marks]  # each mark just before its body
    else:
        ordered = sorted((mark for mark, _ in marks), key=int)
    return [Footnote(mark, text) for mark, text in zip(ordered, bodies)], end


def _unique_footnotes(footnotes: list[Footnote]) -> list[Footnote]:
    seen: set[str] = set()
    unique = []
    for footnote in footnotes:
        if footnote.mark not in seen:
            seen.add(footnote.mark)
            unique.append(footnote)
    return unique


def _block_mode(body: list[str]) -> bool:
    nonblank = sum(1 for line in body if line.strip())
    blank = len(body) - nonblank
    return nonblank > 0 and blank * 2 >= nonblank


def _join(left: str, right: str) -> str:
    if not left:
        return right
    if has_cjk(left[-1:]) or has_cjk(right[:1]) or left[-1:] in "，。；：、（《“" or right[:1] in "，。；：、）》”":
        return left + right
    if left.endswith("-") and not left.endswith(" -") and right[:1].islower() and False:
        return left + right
    return left + " " + right


_TRAILING_BRACKET_MARK = re.compile(r"\[\^?\d{1,3}\]\s*$")


def _ends_terminal(text: str) -> bool:
    # A footnote mark may follow the paragraph's last punctuation: "…的命令,[1]", "…Charter,1".
    stripped = _SUPER_MARK.sub("", _TRAILING_BRACKET_MARK.sub("", text)).rstrip(" ”\"’)0123456789")
    tail = text.rstrip()
    return bool(stripped) and (stripped[-1] in _TERMINAL or tail[-1:] in _TERMINAL)


def _starts_paragraph(line: str, previous: str, blank: bool, indented: bool, quoted: bool, block_mode: bool, expected: int) -> bool:
    if quoted:
        return line.startswith(("“", '"'))
    number = _OPERATIVE.match(line)
    if number:
        value = int(number.group(1))
        if value == expected or (value == expected + 1 and _ends_terminal(previous)):
            return True
    terminal = _ends_terminal(previous)
    if _LABEL.match(line) and terminal:
        return True
    if not terminal:
        return False
    if line[:1].islower() and line[:1] < "\u0250":
        # A Latin-script paragraph opens with a capital; a lower-case line continues one cut by a
        # page. (Russian preambular paragraphs do open in lower case: "ссылаясь на …".)
        return False
    if block_mode and blank:
        return True
    if has_cjk(line[:1]):
        return bool(_ZH_OPENERS.match(line))
    if indented and line[:1].isupper():
        return True
    return bool(_EN_OPENER.match(line))


def _join_lines(kept: list[tuple[str, bool, bool]], quoted: bool, block_mode: bool) -> list[str]:
    # Each paragraph is gathered as a list of its lines and joined once at the end: joining
    # line by line would copy a long paragraph again for every line it has.
    chunks: list[list[str]] = []
    expected = 1
    for line, blank, indented in kept:
        # Only the end of the paragraph so far matters to the decision, and that is its last line.
        if not chunks or _starts_paragraph(line, _last_words(chunks[-1]), blank, indented, quoted, block_mode,
                                           expected):
            chunks.append([line])
            number = _OPERATIVE.match(line.lstrip("“\""))
            if number and int(number.group(1)) >= expected:
                expected = int(number.group(1)) + 1
        else:
            chunks[-1].append(line)
    return [_join_all(lines) for lines in chunks]


def _last_words(lines: list[str]) -> str:
    """A paragraph's last line of words: footnote marks alone on a line after it do not count."""
    for line in reversed(lines):
        if not line.isdigit():
            return line
    return lines[-1]


def _join_all(lines: list[str]) -> str:
    """Lines joined as _join joins two, in one pass."""
    pieces = [lines[0]]
    tail = lines[0][-2:]  # _join looks at no more of its left side than this
    for right in lines[1:]:
        added = _join(tail, right)[len(tail):] if tail else right
        pieces.append(added)
        tail = (tail + added)[-2:]
    return "".join(pieces)


def _strip_quotes(chunk: str) -> str:
    """A quoted paragraph without the report's quotation marks: the opening one, and the
    closing one that ends the last paragraph of the draft (the one left unbalanced).

    >>> _strip_quotes("“26. 决定将题为“信息”的项目列入议程。”"), _strip_quotes('"4. Requests a "report"."')
    ('26. 决定将题为“信息”的项目列入议程。', '4. Requests a "report".')
    """
    if chunk.startswith("“"):
        chunk = chunk[1:]
        if chunk.endswith("”") and chunk.count("“") < chunk.count("”"):
            chunk = chunk[:-1]
    elif chunk.startswith('"'):
        chunk = chunk[1:]
        if chunk.endswith('"') and chunk.count('"') % 2 == 1:
            chunk = chunk[:-1]
    return chunk.strip()


# Footnote marks as plain digits, the way text extraction leaves superscripts. Each is taken
# only if it is the next mark in sequence (or repeats an earlier one) and, where the document's
# footnote bodies are known, one of their marks; digits that are part of the text stay.
_CJK_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_PLAIN_MARK = re.compile(
    r"\[\^?(?P<md>\d{1,3})\]"  # Markdown or wiki reference ("[^1]", "[1]"): always a mark
    r"|(?<=\d/)(?P<slash>\d{4,5})(?=[\s,;:.)”]|$)"  # "resolution 77/2285": 77/228 and mark 5
    r"|(?<![\d/.,])(?P<year>(?:19|20)\d{3,4})(?=[\s,;:.)”]|$)"  # "of 19881 and": 1988 and mark 1
    r"|(?<=[^\W\d_]|[)”’\"\]])(?P<glued>\d{1,3})(?=[\s,;:.)”]|$)"  # "Declaration4", "Rules),9"
    r"|(?<=[,;:.])(?P<punct>\d{1,3})(?=[\s,;:.)”]|$)"  # "session,1", "1995,2"
    # "《行动纲领》2执行情况", "的报告；6": Chinese text never runs a number into a closing mark
    # and on into the next word, except counts ("，25个"), whose measure words are excluded.
    rf"|(?<=[》；。，、）”：])(?P<cjk>\d{{1,8}})(?=[{_CJK_RANGES}](?<![个项名次年月日号条岁种])|$)"
    r"|(?<=[\w)”’,;.]) (?P<spaced>\d{1,3})(?= {2,}|$)"  # "1949 2  and": PDF text keeps the gap
    r"|(?<=[,;]) (?P<capital>\d{1,3})(?= [A-Z])"  # "Rarotonga, 3 Bangkok"
    r"|(?<=[^\W\d_],|[^\W\d_]”) (?P<comma>\d{1,2})(?= [a-z])"  # "Rights, 1 the"
    r"|(?<=[^\W\d_]) (?P<lone>\d{1,2})(?= [a-z]|[,;:]|$)"  # "the Convention 1 and"
    r"|(?:(?<=(?:19|20)\d\d)|(?<=(?:19|20)\d\d,)|(?<=(?:19|20) \d\d)) (?P<afteryear>\d{1,2})(?= [a-z]|[,;:]|$)"  # "of 1949 2 and", "1994, 1 the"
)
# Words that a number follows as part of the text ("paragraph 3 of", "Goal 4 and").
_COUNTED = re.compile(
    r"(?:paragraphs?|articles?|sections?|chapters?|items?|annex(?:es)?|goals?|targets?|protocols?|phases?|"
    r"groups?|rules?|principles?|actions?|vol|volumes?|no|nos|pages?|parts?|category|categories|levels?|"
    r"resolutions?|decisions?|options?|steps?|stages?|tables?|figures?|boxes?|days?|years?|cycles?|tiers?|"
    r"pillars?|objectives?|recommendations?|modules?|schedules?|clusters?|amendments?|appendix|class|"
    r"indicators?|rounds?|from|to|and|or|of|between|by|than|over|under|with|per|at|about|some|all|only|"
    r"first|last|nearly|almost|approximately|the|its|their|these|those|within|in|on|for|as)$",
    re.I,
)


def _take_marks(text: str, known: set[str], state: list[int]) -> tuple[str, tuple[str, ...]]:
    """Remove footnote marks from paragraph text; return the text and the marks, in order.

    ``state`` holds the highest mark taken so far in the document, shared across paragraphs.

    >>> _take_marks("Recalling the Charter,1 and the Rules2  of 1955", set(), [0])
    ('Recalling the Charter, and the Rules of 1955', ('1', '2'))
    """
    marks: list[str] = []

    def superscript(match: re.Match[str]) -> str:
        mark = match.group(1).translate(_SUPER_TO_ASCII)
        marks.append(mark)
        state[0] = max(state[0], int(mark))
        start, end = match.span()
        after = text[end : end + 1]
        before = text[start - 1 : start] if start else ""
        if not after or has_cjk(after) or after in "，。；：、）》”,;:.)" or has_cjk(before) or before in "，。；：、（《“":
            return ""
        return " "

    text = _SUPER_MARK.sub(superscript, text)

    def acceptable(mark: str, loose: bool) -> bool:
        if mark.startswith("0"):
            return False
        value = int(mark)
        if not known:
            # Without the bodies only the next mark, or one already used, will do.
            return value <= state[0] + 1 if loose else value == state[0] + 1
        if mark not in known:
            return False
        # Where digits are as likely text as a mark, the mark must come about in sequence
        # (one mark lost to the extraction is forgiven).
        return loose or value <= state[0] + 2

    def plain(match: re.Match[str]) -> str:
        kind = match.lastgroup
        digits = match.group(kind)
        keep = ""
        if kind == "md":
            mark = digits
        elif kind in {"slash", "year"}:
            # The printed number (a resolution number of at most three digits, a year of
            # four) runs into the mark.
            head = 4 if kind == "year" else 1
            for size in (1, 2):
                mark, keep = digits[-size:], digits[:-size]
                if len(keep) >= head and (kind == "year" or len(keep) <= 3) and acceptable(mark, False):
                    break
            else:
                return match.group(0)
        else:
            start = match.start(kind)
            before = text[max(0, start - 2) : start]
            after_digit = before[:1].isdigit()
            if kind == "punct" and after_digit and (before[1:] == "." or len(digits) == 3):
                return match.group(0)  # "4.5 million", "22,000 prisoners"
            if kind == "punct" and before[1:] == "." and before[:1].isupper() \
                    and text[start - 3 : start - 2] in {" ", "(", "/", ""}:
                return match.group(0)  # "GC(69)/RES/9 A.2": a part's number, not a mark
            mark = digits
            if kind == "glued" and has_cjk(before[-1:]) and _CJK_UNIT.match(text, match.end(kind)):
                return match.group(0)  # "2010 年5 月17 日": a date, its numbers spaced from the units
            if kind in {"lone", "comma", "afteryear"}:
                # A number set apart by spaces is text unless everything says otherwise: the
                # bodies are known, it is the very next mark, and no counting word precedes it.
                word = re.search(r"(\w+)\W*$", text[:start])
                if not known or int(mark) != state[0] + 1 or (word and _COUNTED.match(word.group(1))):
                    return match.group(0)
                if kind == "lone" and not word.group(1)[:1].isupper():
                    return match.group(0)
            loose = kind == "glued" or (kind == "punct" and not after_digit)
            if kind == "cjk":
                # The position itself is the evidence, so no sequence is asked for: an
                # excerpt may start at any mark. Marks set side by side ("，2345") run
                # together in plain text: they are consecutive known marks, or not marks.
                if len(digits) > 2 or (known and digits not in known and len(digits) == 2):
                    run = _consecutive_marks(digits, known)
                    if run is None:
                        return match.group(0)
                    marks.extend(run)
                    state[0] = max(state[0], int(run[-1]))
                    return keep
                if known and mark not in known:
                    return match.group(0)
            elif not acceptable(mark, loose):
                return match.group(0)
        state[0] = max(state[0], int(mark))
        marks.append(mark)
        return keep

    text = _PLAIN_MARK.sub(plain, text)
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    return text, tuple(marks)


# A unit a Chinese number is counted in: a number before it is text, never a footnote mark.
_CJK_UNIT = re.compile(r"\s*[年月日号条个项次届段名岁种]")


def _consecutive_marks(digits: str, known: set[str]) -> list[str] | None:
    """``digits`` read as consecutive footnote marks, each known: "2345" → 2, 3, 4, 5.

    >>> _consecutive_marks("2345", {"1", "2", "3", "4", "5"}), _consecutive_marks("91011", {"9", "10", "11"})
    (['2', '3', '4', '5'], ['9', '10', '11'])
    >>> _consecutive_marks("2010", {"2", "3"}) is None, _consecutive_marks("35", {"3", "5"})
    (True, ['3', '5'])
    """
    for size in (1, 2):
        first = int(digits[:size])
        run, rest, value = [], digits, first
        while rest and rest.startswith(str(value)):
            run.append(str(value))
            rest = rest[len(str(value)):]
            value += 1
        if not rest and len(run) > 1 and all(mark in known for mark in run):
            return run
    if digits not in known and len(digits) <= 4 and all(d in known for d in digits):
        return list(digits)  # marks cited again side by side: "；35" is 3 and 5
    return None


def _classify(chunks: list[str], quoted: bool, known_marks: set[str]) -> list[Paragraph]:
    paragraphs: list[dict] = []
    state = [0]
    seen_operative = False
    for chunk in chunks:
        text = _strip_quotes(chunk) if quoted else chunk.strip()
        if not text:
            continue
        number = _OPERATIVE.match(text)
        label = _LABEL.match(text)
        if number:
            seen_operative = True
            body, marks = _take_marks(text[number.end():], known_marks, state)
            paragraphs.append({"kind": ParagraphKind.OPERATIVE, "number": int(number.group(1)),
                               "text": body, "items": [], "marks": marks})
            continue
        if label and paragraphs:
            body, marks = _take_marks(text[label.end():], known_marks, state)
            items = paragraphs[-1]["items"]
            printed, parent = _label(label.group(1), items)
            items.append(Item(printed, body, marks, parent))
            continue
        body, marks = _take_marks(text, known_marks, state)
        if seen_operative and paragraphs:
            # Unnumbered text after the operative part continues the paragraph before it.
            last = paragraphs[-1]
            if last["items"]:
                item = last["items"][-1]
                last["items"][-1] = Item(item.label, _join(item.text, body), item.footnotes + marks)
            else:
                last.setdefault("continued", []).append(body)
                last["marks"] = last["marks"] + marks
            continue
        paragraphs.append({"kind": ParagraphKind.PREAMBULAR, "number": None, "text": body,
                           "items": [], "marks": marks})
    for paragraph in paragraphs:
        if "continued" in paragraph:
            paragraph["text"] = _join_all([paragraph["text"]] + paragraph.pop("continued"))
    _single_operative(paragraphs)
    return _with_ids(paragraphs)


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _roman(label: str) -> int | None:
    """The value of a lower-case roman numeral, None if the label is not one.

    >>> _roman("iv"), _roman("xii"), _roman("b")
    (4, 12, None)
    """
    if not label or not _ROMAN.match(label):
        return None
    total = 0
    for index, char in enumerate(label):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[label[index + 1]] if index + 1 < len(label) else 0
        total += -value if value < following else value
    return total if total > 0 else None


def _next_letter(label: str) -> str | None:
    return chr(ord(label) + 1) if len(label) == 1 and "a" <= label < "z" else None


def _label(raw: str, items: list[Item]) -> tuple[str, str | None]:
    """A sub-paragraph's label as printed and the label of the item it sits under, if any.

    By context: '(i)' after '(h)' is the letter i and '(c)' after '(b)' the letter c, while
    '(i)' after any other lettered item opens numerals nested under that item, and '(ii)'
    after '(i)' continues whichever list '(i)' belongs to.

    >>> _label("i", [Item("a", ""), Item("h", "")]), _label("i", [Item("a", ""), Item("c", "")])
    (('i', None), ('i', 'c'))
    >>> _label("ii", [Item("a", ""), Item("i", "", (), "a")])
    ('ii', 'a')
    """
    if not items:
        return raw, None
    last = items[-1]
    value = _roman(raw)
    continues_numerals = value is not None and _roman(last.label) == value - 1
    letters = _is_letter_list(items)
    if letters and _next_letter(_top_letter(items) or "") == raw:
        # '(v)' after '(iv)' nested under '(u)' is the fifth numeral, not the letter v.
        if last.parent is not None and continues_numerals:
            return raw, last.parent
        return raw, None
    if continues_numerals:
        return raw, last.parent
    if raw == "i" and letters and last.parent is None:
        return raw, last.label
    return raw, None


def _top_letter(items: list[Item]) -> str | None:
    for item in reversed(items):
        if item.parent is None:
            return item.label
    return None


def _is_letter_list(items: list[Item]) -> bool:
    """True when the top-level items run a, b, c …; a list that starts with (i) is numerals."""
    top = [item.label for item in items if item.parent is None]
    return bool(top) and top[0] == "a"


def _single_operative(paragraphs: list[dict]) -> None:
    """A resolution of one unnumbered paragraph ("Adopts …") is operative, not preambular."""
    if any(p["kind"] is ParagraphKind.OPERATIVE for p in paragraphs) or not paragraphs:
        return
    last = paragraphs[-1]
    # The sentence that ends the text is operative: it ends with a full stop, or with a
    # semicolon where it does not open as a preambular paragraph does ("Takes note of …;").
    # A text cut short mid-sentence (an excerpt) stays as it is.
    end = last["text"].rstrip()
    if end.endswith((".", "。")) or (end.endswith((";", "；")) and not _opens_preambular(end)):
        last["kind"] = ParagraphKind.OPERATIVE


def _opens_preambular(text: str) -> bool:
    return bool(_ZH_OPENERS.match(text) if has_cjk(text[:1]) else _EN_OPENER.match(text))


def _with_ids(raw: list[dict]) -> list[Paragraph]:
    paragraphs = []
    used: set[str] = set()
    pp = 0
    op = 0
    for entry in raw:
        if entry["kind"] is ParagraphKind.PREAMBULAR:
            pp += 1
            pid = f"PP{pp}"
        else:
            op += 1
            pid = f"OP{entry['number'] if entry['number'] is not None else op}"
        base, k = pid, 2
        while pid in used:
            pid = f"{base}.{k}"
            k += 1
        used.add(pid)
        paragraphs.append(
            Paragraph(
                id=pid,
                kind=entry["kind"],
                number=entry["number"],
                text=entry["text"],
                items=tuple(entry["items"]),
                footnotes=tuple(entry["marks"]),
            )
        )
    return paragraphs
