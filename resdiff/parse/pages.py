"""Layout stage, second half: a document's body read page by page.

Lines of page furniture (symbols, job numbers, barcodes, page numbers, distribution lines,
running heads that repeat the title) are dropped and recorded; footnote areas (under a
separator rule, under a drawn rule, or with their marks on lines of their own) are taken aside
as footnotes; an operative number or sub-paragraph label alone on its line is joined to its
text. The result is a ``Layout`` record: the body's lines of text with the layout evidence
segmentation needs (blank line before, indented), and the footnotes.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher

from ..i18n import N_, Message
from ..lazypattern import lazy
from ..model import Footnote
from ..text import SUPERSCRIPT_DIGITS
from .identity import _line_title
from .lines import PAGE_COLUMNS, _ends_terminal, _join, ended_short, page_width, runs_on, width
from .patterns import (
    _BARCODE,
    _DISTR,
    _FURNITURE_LINE,
    _FURNITURE_TOKEN,
    _JOB_NUMBER,
    _LABEL,
    _OPERATIVE,
    _PLAIN_FOOTNOTE,
    _SEPARATOR,
    _SUPER_FOOTNOTE,
    _SUPER_TO_ASCII,
    _SYMBOL,
    _TERMINAL,
    _TITLE_NUMBER,
    INSERTED_OPENING,
    MASTHEAD_LINES,
    NAVIGATION,
    RULE,
    STAR_FOOTNOTE,
    bis_number,
    glued_symbol,
    opens_operative,
    opens_preambular,
    section_heading,
    star_notes,
)
from .records import Block, Layout, Line

# PDF extractions lay them out): the two lines are one.
_NUMBER_ALONE = re.compile(r"^(?:\d{1,5}\s?[.．、]|[(（]\s*(?:[a-z]{1,3}|[ivxlc]{1,6})\s*[)）])$")
# A footnote mark alone on its line: extractions that keep the footnote area's two columns apart
# put the marks on lines of their own, before, between or after the bodies.
# What the printer puts at a page's foot: job number, barcode, print date code, recycling note.
_PRINT_MARKS = re.compile(r"^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?|\*\d{6,8}\*|\d{6}|Please recycle|请回收|請回收)\s*$")
_MARK_ALONE = re.compile(rf"^(?:\d{{1,3}}|[{SUPERSCRIPT_DIGITS}]{{1,3}})$")
_FURNITURE_EVIDENCE = re.compile(r"\d{2}-\d{5}|\*\d{6,8}\*|\d\s*/\s*\d{1,3}\s*$|^\d{1,3}\s*/\s*\d{1,3}\D")
# "第 57/270 B 号、…" opens a line of Chinese text: only "第 3 页" alone is a page number.
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^\d{1,3}\s*/\s*\d{1,3}$|^(?:Page\s*\d+|第\s*\d+\s*页)\s*$")


def _titles(lines: list[str], block: Block, meta: dict[str, str]) -> list[str]:
    """Keys of what the document may be titled: running headers repeat one of them."""
    found = [meta.get("title") or "", _line_title(lines, block) or ""]
    for line in lines[max(0, block.start - 6) : max(block.start, 0)]:
        found.append(_TITLE_NUMBER.sub("", line.strip()))
    keys = []
    for title in found:
        key = _key(title)
        if _size(key) >= 8 and key not in keys:
            keys.append(key)
    return keys


_TERMINAL_BUT_COLON = _TERMINAL - {":"}


def _key(text: str) -> str:
    """Letters and digits only, case-folded: how a running header is matched to a title."""
    return re.sub(r"\W+", "", text).casefold()


def _size(key: str) -> int:
    """How much a key says, for the thresholds that tell a running head from a stray word: a
    Chinese character says as much as a short word ("侵略乌克兰", five characters, is a title)."""
    return len(key) + 2 * len(_CJK.findall(key))


_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


# The distribution line itself, not a word of it alone ("General", "Limited").
_DISTR_LINE = re.compile(r"^(?:Distr|Original|分发)", re.I)


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
    if line in MASTHEAD_LINES:
        return True
    # A running header: the title, perhaps cut short or split over lines, beside the symbol.
    if line.rstrip()[-1:] in _TERMINAL_BUT_COLON:  # a sentence's end: text, whatever its words
        return False
    trailing = glued_symbol(line)
    key = _key(line[: trailing.start()] if trailing else line)
    if _size(key) < 8:
        return False
    for title in titles:
        if key == title or (_size(key) >= 12 and title.startswith(key)):
            return True
        if after_furniture and _size(key) >= 12 and key in title:
            return True
    return False


def lay_out(body: list[str], quoted: bool, titles: list[str], symbols: frozenset[str] = frozenset(),
            floor: int = 0, stars: frozenset[str] = frozenset()) -> Layout:
    """A document body's lines of text and its footnotes, furniture dropped.

    ``titles`` are the keys of what the document may be titled (``_titles``): running heads
    repeat one of them. ``symbols`` are those the masthead prints: a running head carries one.
    ``floor``: the last footnote mark of the text before (an annex's footnotes number on from
    its resolution's), so that a page's footnotes printed without their rule open with the next.
    ``stars``: the asterisk marks the masthead above cites ("Iraq:* draft resolution"), whose
    footnotes may follow the text with no rule above them (``star_notes``).
    """
    body, numbers, text_before = _feet_apart(body, quoted)
    heads = _Heads(body, titles, symbols)
    layout = Layout()
    furniture = layout.furniture
    problems = layout.problems
    for position, (foot, text) in text_before.items():
        problems.append((position, Message(N_("the page furniture “{furniture}” has text before it, “{text}”, "
                                              "read with what comes before it"), furniture=foot, text=text)))
    footnotes = layout.footnotes
    after_furniture = False
    kept = layout.lines
    in_footnotes = False
    blank = True
    alone: Line | None = None  # a number or label waiting for its text
    skip_to = -1
    page_start = 0  # where in ``kept`` the lines since the last furniture begin
    last_number = 0  # the number of the last operative paragraph begun
    # The text's own left margin: a layout-keeping extraction sets every line in from the page's
    # edge, so a line is indented (a paragraph's first line) only when it starts further in
    # than most lines do.
    indents = Counter(_indent(raw) for raw in body if raw.strip())
    margin = indents.most_common(1)[0][0] if indents else 0
    wrapped_to = page_width(body)
    last_operative = max((k for k, raw in enumerate(body) if _OPERATIVE.match(raw.strip())), default=-1)
    # A text with a blank line after every line (copied from a PDF viewer or a web page): one
    # blank line there says nothing, and a footnote's wrapped line is still the footnote's.
    double = _double_spaced(body)
    starred = star_notes(body, stars)
    # (and, its lines no wider than a page's, wrapped: not one paragraph a line, as a Markdown
    # extraction prints it, where a line alone between blank lines is a page's running head)
    wrapped_double = double and all(width(raw) <= PAGE_COLUMNS for raw in body)
    for position, raw in enumerate(body):
        if position < skip_to:
            continue
        line = raw.strip()
        if not line:
            blank = True
            continue
        if _SEPARATOR.match(line):
            furniture.append((position, line))  # the rule itself: listed, as the page's other furniture
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
        if RULE.match(line):
            # A rule too short for a footnote area's separator ("___", "---"): no words of the
            # text, never run into a paragraph; listed. A footnote printed under it ("1 See …")
            # opens a footnote area as under a separator.
            furniture.append((position, line))
            following = _following(body, position)
            if following and (_PLAIN_FOOTNOTE.match(following) and not _OPERATIVE.match(following)
                              or _SUPER_FOOTNOTE.match(following)):
                in_footnotes = True
            continue
        if not quoted and len(line) <= 3 and line.isascii() and line.isdigit() and not in_footnotes and kept:
            block = _marks_block(body, position, titles, kept[page_start:], footnotes, floor)
            if block is not None:
                # the marks of a page's footnotes in a column of their own, with no rule above
                # them (the PDF drew it): "1" "2" then "A/49/765, annex I." … before the page's foot
                found, skip_to = block
                footnotes.extend(found)
                furniture.extend((k, body[k].strip()) for k in range(position, skip_to)
                                 if _PRINT_MARKS.match(body[k].strip()))
                blank = True
                continue
        if not quoted and _NUMBER_ALONE.match(line) and alone is None:
            alone = Line(line, blank, _indent(raw) > margin, position)
            blank = False
            continue
        if alone is not None:
            if _is_furniture(line, titles, after_furniture):
                after_furniture = True
                furniture.append((position, line))
                continue
            kept.append(Line(_join(alone.text, line), alone.blank_before, alone.indented, alone.at))
            alone = None
            blank = False
            continue
        if (line.isdigit() and len(line) <= 2 and kept and not after_furniture and not in_footnotes
                and _ends_terminal(kept[-1].text) and not _PLAIN_FOOTNOTE.match(kept[-1].text)
                and _next_is_text(body, position + 1, titles)
                and not _spaced_footnotes(list(kept), footnotes, page_start, floor)):
            # (under a page's footnotes, "1 See …" then "1", it is the page's number)
            # A footnote mark that an extraction set on a line of its own after the paragraph
            # carrying it ("…信息社会，" then "1"), with text, not furniture, around it.
            last = kept[-1]
            kept[-1] = Line(last.text + line, last.blank_before, last.indented, last.at)
            continue
        if kept and not in_footnotes and section_heading(kept[-1].text.strip()) == "label" \
                and _DISTR.match(line) and not _DISTR_LINE.match(line):
            # "I" / "General", "A" / "General": the title of a section under its numeral, not the
            # masthead's distribution line
            kept.append(Line(line, blank, _indent(raw) > margin, position))
            blank = False
            continue
        if line in MASTHEAD_LINES and kept and not blank and not after_furniture and not in_footnotes \
                and runs_on(kept[-1].text, _following(body, position), capitals=True):
            # "…to report to the" / "General Assembly" / "at its next session;": the words of
            # the paragraph wrapped onto a line of their own, not the masthead
            kept.append(Line(line, False, False, position))
            continue
        if (_is_furniture(line, titles, after_furniture) or heads.is_head(position, kept)) \
                and not _title_words_in_sentence(body, position, kept, after_furniture or in_footnotes or (
                    blank and not (wrapped_double and position >= 2 and body[position - 2].strip())), heads,
                    wrapped_double):
            in_footnotes = False
            after_furniture = True
            furniture.append((position, line))
            footnotes.extend(_page_notes(kept, footnotes, page_start, floor, not quoted, problems))
            page_start = len(kept)
            continue
        glued = _FOOT_AND_TEXT.match(line)
        if glued and _JOB_NUMBER_IN.search(glued.group("foot")) and not quoted:
            # A page's foot with text after it, on one line (an extraction joined them, or the
            # text was typed there): the foot is furniture and ends the page's footnote area;
            # the text is read as text, and said, never taken into a footnote.
            foot, text = glued.group("foot").strip(), glued.group("text").strip()
            in_footnotes = False
            after_furniture = True
            furniture.append((position, foot))
            footnotes.extend(_page_notes(kept, footnotes, page_start, floor, False))
            page_start = len(kept)
            problems.append((position, Message(N_("the page furniture “{furniture}” has text after it, “{text}”, "
                                                  "read as the text's"), furniture=foot, text=text)))
            kept.append(Line(text, blank, False, position))
            blank = False
            continue
        after_furniture = False
        sup = _SUPER_FOOTNOTE.match(line)
        if sup and not quoted or (sup and not line.startswith("“")):
            footnotes.append(Footnote(sup.group(1).translate(_SUPER_TO_ASCII), sup.group(2).strip()))
            in_footnotes = True
            blank = False  # the body may wrap onto the next line ("…补编第" / "49号》…，第一卷。")
            continue
        if position in starred and not quoted:
            # an asterisk footnote ("* On behalf of …"), under the rule or after the text
            star = STAR_FOOTNOTE.match(line)
            assert star is not None
            footnotes.append(Footnote(star.group(1), star.group(2).strip()))
            in_footnotes = True
            blank = False  # the body may wrap onto the next line
            continue
        if in_footnotes and NAVIGATION.search(line) and line[-1:] not in _TERMINAL:
            # a web page's links under the rule that ends its text ("Home || Treaties || …")
            furniture.append((position, line))
            continue
        if in_footnotes:
            if blank and double and position >= 2 and body[position - 2].strip() and footnotes \
                    and footnotes[-1].text.rstrip()[-1:] not in _TERMINAL:
                # the one blank line every line of a double-spaced text has, inside a footnote
                # left unfinished: its wrapped line
                blank = False
                above = position - 2
            else:
                above = position - 1
            plain = _PLAIN_FOOTNOTE.match(line)
            if plain and footnotes and not blank and _wraps_on(footnotes, plain.group(1), plain.group(2).strip()):
                # "15 See Report of the World Summit …, Johannesburg, South Africa," then
                # "26 August–4 September 2002 …": a date that opens the wrapped line of a
                # footnote left unfinished, not footnote 26 (which is printed pages later).
                note = footnotes[-1]
                footnotes[-1] = Footnote(note.mark, _join(note.text, line))
                continue
            if plain and not _OPERATIVE.match(line) and not INSERTED_OPENING.match(line):
                footnotes.append(Footnote(plain.group(1), plain.group(2).strip()))
                blank = False  # the body may wrap onto the next line
                continue
            number = _OPERATIVE.match(line)
            if number and int(number.group(1)) == last_number + 1 or bis_number(line):
                # The next operative paragraph: the footnote area ended (a PDF's reading order
                # may put the page's furniture elsewhere, or a text none), and the paragraph is
                # read as one, never as the footnote's text; so is an inserted one ("1 bis. …").
                in_footnotes = False
            elif footnotes and not blank:
                if position < last_operative or not ended_short(body[above], line, wrapped_to):
                    note = footnotes[-1]
                    footnotes[-1] = Footnote(note.mark, _join(note.text, line))
                    continue
                # A line after a footnote's last line that ended short with its full stop, below
                # the last operative paragraph, is not its body's (a web page's text after the
                # text): read as text, set apart from what comes before as after a blank line.
                blank = True
            in_footnotes = False
        number = _OPERATIVE.match(line)
        if number:
            last_number = int(number.group(1))
        if quoted and kept and not line.startswith(("“", '"')) and _ends_terminal(kept[-1].text) \
                and (_OPERATIVE.match(line) or _LABEL.match(line) or opens_preambular(line) or opens_operative(line)):
            # A quoted draft opens each paragraph with a quotation mark: a line that opens a
            # paragraph after one that ends one, its mark lost, is read as a paragraph of its own
            # (the mark, given back here, is taken off with the others), and said.
            problems.append((position, Message(N_("a line of the quoted draft opens without its quotation mark: "
                                                  "read as a paragraph of its own"))))
            line = "“" + line
        kept.append(Line(line, blank, _indent(raw) > margin, position))
        blank = False
    if alone is not None:
        kept.append(alone)
    # (the last page's footnotes, with no furniture under them: the text ends there)
    footnotes.extend(_page_notes(kept, footnotes, page_start, floor, not quoted, problems, footed=False))
    if text_before:  # back to the body's own line numbers
        layout.furniture[:] = [(numbers[k], text) for k, text in layout.furniture]
        layout.problems[:] = sorted((numbers[k], text) for k, text in layout.problems)
    return layout



def _title_words_in_sentence(body: list[str], position: int, kept: list[Line], apart: bool, heads: _Heads,
                             double: bool = False) -> bool:
    """Whether a line that reads as the title (and as nothing else of a page's furniture) is a
    paragraph's own words wrapped onto a line of their own: "…the sub-item entitled" /
    "Situation of human rights in Somewhere" / "under the item entitled …". A running head
    stands where a page begins, after a page's foot, a page break or a blank line; a line right
    under unfinished text, the line after it going on with the sentence (no capital, number or
    label opens it), with no page furniture near, is text. In a wrapped text with a blank line
    after every line (``double``), that one blank line sets nothing apart.
    """
    line = body[position].strip()
    if apart or not kept or _is_furniture(line, []) or "\f" in body[position] or "\f" in body[position - 1]:
        return False
    following = _following(body, position)
    if following is None and double and position + 2 < len(body) and "\f" not in body[position + 1]:
        following = _following(body, position + 1)
    if following is None or following[:1].isupper() or heads.beside_furniture(position):
        return False
    return runs_on(kept[-1].text, following)


# Text and then a page's foot (a job number and more furniture) on one line.
_TEXT_AND_FOOT = re.compile(rf"(?:^|\s)(?P<foot>(?:{_FURNITURE_TOKEN}\s*){{2,}})$")


def _feet_apart(body: list[str], quoted: bool) -> tuple[list[str], list[int], dict[int, tuple[str, str]]]:
    """The body with each line that holds text and then a page's foot ("… annex. 8/9
    23-21227A/C.3/78/L.41") made two lines, the text then the foot, so that the text is read with
    what comes before it and the foot as furniture; the body line each line came from; and, by
    the index of the text's line, each such foot and text."""
    found: dict[int, tuple[str, str]] = {}
    lines: list[str] = []
    numbers: list[int] = []
    for number, raw in enumerate(body):
        line = raw.rstrip()
        tail = line[-80:]  # (a page's foot is short: the search never scans a long line)
        match = None if quoted or len(line) < 12 else _TEXT_AND_FOOT.search(tail)
        if match and _JOB_NUMBER_IN.search(match.group("foot")) and re.search(r"\d\s*/\s*\d", match.group("foot")):
            text = line[: len(line) - len(tail) + match.start("foot")].rstrip()
            if text.strip() and not _FURNITURE_LINE.match(text.strip()):
                found[len(lines)] = (match.group("foot").strip(), text.strip())
                lines += [text, match.group("foot").strip()]
                numbers += [number, number]
                continue
        lines.append(raw)
        numbers.append(number)
    return (lines, numbers, found) if found else (body, list(range(len(body))), found)


class _Heads:
    """Running heads told by where they stand and what they carry, not only by reading as the
    title: a text whose title line was changed still prints its old running heads, and one whose
    running heads were changed still prints its title.

    A running head is a line that does not end a sentence and

    - carries at its end a symbol the page furniture carries (the masthead's, or one a line of
      furniture opens with), beside a line of page furniture ("Aggression against Ukraine
      A/RES/ES-11/1" above "3/4 22-04067"); or
    - repeats, without its symbol, what such a head says; or
    - stands alone between blank lines (a Markdown extraction's page break) or beside a page's
      foot, in the middle of a sentence, the paragraph before it unfinished, and reads nearly as
      one of the titles.
    """

    def __init__(self, body: list[str], titles: list[str], symbols: frozenset[str]) -> None:
        self.body = body
        self.titles = titles
        self.symbols = set(symbols)
        self.said: set[str] = set()  # what the heads known by their symbol say, as keys
        for raw in body:
            line = raw.strip()
            if not line or line[-1:] in _TERMINAL - {":"}:
                continue
            leading = _SYMBOL.match(line)
            if leading and _is_furniture(line, titles):
                self.symbols.add(_bare(leading.group(1)))
        for raw in body:
            text = self._text_beside_symbol(raw.strip())
            if text is not None and _size(_key(text)) >= 8:
                self.said.add(_key(text))

    def _text_beside_symbol(self, line: str) -> str | None:
        """The words of a line that opens or ends with one of the symbols, without it."""
        if not line or line[-1:] in _TERMINAL - {":"}:
            return None
        leading = _SYMBOL.match(line)
        if leading and _bare(leading.group(1)) in self.symbols:
            return line[leading.end():].strip()
        trailing = glued_symbol(line)
        if trailing and _bare(trailing.group(1)) in self.symbols:
            return line[: trailing.start()].strip()
        return None

    def is_head(self, position: int, kept: list[Line]) -> bool:
        line = self.body[position].strip()
        if not line or line[-1:] in _TERMINAL - {":"} or _SEPARATOR.match(line):
            return False
        text = self._text_beside_symbol(line)
        if text is not None and _size(_key(text)) >= 8 and self.beside_furniture(position):
            return True
        key = _key(line if text is None else text)
        if _size(key) < 8:
            return False
        if text is not None and key in self.said:
            return True
        if not kept or _ends_terminal(kept[-1].text) or not (self._alone(position) or self.beside_furniture(position)):
            return False
        if key in self.said:
            return True
        # (a line holding a whole title and more is text citing it: "entitled “…”, and")
        return _size(key) >= 12 and any(_similar(key, title) and title not in key for title in self.titles)

    def beside_furniture(self, position: int) -> bool:
        for step in (1, -1):
            k = position + step
            while 0 <= k < len(self.body) and abs(k - position) <= 3 and not self.body[k].strip():
                k += step
            if 0 <= k < len(self.body) and abs(k - position) <= 3:
                neighbour = self.body[k].strip()
                if _JOB_NUMBER.match(neighbour) or _PAGE_NUMBER.match(neighbour) or _PRINT_MARKS.match(neighbour) \
                        or (_FURNITURE_LINE.match(neighbour) and _FURNITURE_EVIDENCE.search(neighbour)):
                    return True
        return False

    def _alone(self, position: int) -> bool:
        before = position == 0 or not self.body[position - 1].strip()
        after = position + 1 >= len(self.body) or not self.body[position + 1].strip()
        return before and after


def _bare(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol)


def _similar(key: str, title: str) -> bool:
    """Whether a line reads nearly as a title (a word or two changed), both as keys."""
    if not title or len(key) > 400 or not 0.7 <= len(key) / len(title) <= 1.4:  # (a title is a line or three)
        return False
    return SequenceMatcher(None, key, title, autojunk=False).ratio() >= 0.8


# Page furniture (a job number among its tokens) with text after it on the same line.
_FOOT_AND_TEXT = re.compile(rf"^(?P<foot>(?:{_FURNITURE_TOKEN}\s*){{2,}})(?P<text>\S.*)$")
_JOB_NUMBER_IN = re.compile(r"(?<!\d)\d{2}-\d{5}(?!\d)")


def _double_spaced(body: list[str]) -> bool:
    """Whether nearly no line of text follows another right under it, and most follow one blank
    line (more between paragraphs)."""
    gaps: Counter[int] = Counter()
    run = -1  # blank lines since the last line of text (-1: none yet)
    for raw in body:
        if raw.strip():
            if run >= 0:
                gaps[min(run, 2)] += 1
            run = 0
        elif run >= 0:
            run += 1
    total = sum(gaps.values())
    return total >= 8 and gaps[0] <= 0.05 * total and gaps[1] >= 0.5 * total


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" \t\u3000"))


def _following(body: list[str], position: int) -> str | None:
    """The line right after ``body[position]``, None when it is blank or there is none."""
    following = body[position + 1].strip() if position + 1 < len(body) else ""
    return following or None


def _next_is_text(body: list[str], begin: int, titles: list[str]) -> bool:
    """Whether the next line with anything on it is text, not furniture."""
    for line in body[begin : begin + 3]:
        if line.strip():
            return not _is_furniture(line.strip(), titles) and not _SEPARATOR.match(line.strip())
    return False


_GLUED_NOTE = re.compile(rf"^(\d{{1,3}})(?=[^\W\d_]|[《“(（])|^([{SUPERSCRIPT_DIGITS}]{{1,3}})\s*(?=\S)")


def _page_notes(kept: list[Line], footnotes: list[Footnote], start: int, floor: int, spaced: bool,
                problems: list[tuple[int, str]] | None = None, footed: bool = True) -> list[Footnote]:
    """The footnotes printed without their rule at the foot of the page whose text is
    ``kept[start:]`` (``_unruled_footnotes``, and ``_spaced_footnotes`` when ``spaced``), taken
    out of ``kept``. An annex's first footnotes number on from its resolution's (``floor``) or,
    failing that, from 1. What reads nearly as such footnotes but was left as text is said in
    ``problems`` (once a line)."""
    lows = (floor, 0) if floor and not footnotes else (floor,)
    for low in lows:
        doubts: list[tuple[int, Message]] = []
        found = _unruled_footnotes(kept, footnotes, start, low) \
            or (_spaced_footnotes(kept, footnotes, start, low, doubts, footed) if spaced else [])
        if problems is not None and low == lows[-1]:
            problems.extend(doubt for doubt in doubts if doubt not in problems)
        if found:
            return found
    return []


def _shortened(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _unruled_footnotes(kept: list[Line], footnotes: list[Footnote],
                       start: int, floor: int = 0) -> list[Footnote]:
    """Footnotes at the foot of a page whose separator was a drawn rule, not text.

    Such a page's text ends with the footnote bodies, each opening with its mark run into the
    text ("1联合国教育……", "2见 A/C.2/95/3，附件。"): a final run of lines whose first opens
    with the next mark after those already read, each mark one more than the last. The run is
    taken out of ``kept`` and returned as footnotes; nothing is taken when the lines do not
    read so.
    """
    expected = max([floor, *(int(f.mark) for f in footnotes if f.mark.isdigit())]) + 1
    for begin in range(start, len(kept)):
        match = _GLUED_NOTE.match(kept[begin].text)
        if not match or INSERTED_OPENING.match(kept[begin].text) or _mark_value(match) != expected or begin == start:
            continue
        notes: list[list[str]] = []
        value = expected
        seen = {f.mark for f in footnotes}
        for line, *_ in kept[begin:]:
            match = None if INSERTED_OPENING.match(line) else _GLUED_NOTE.match(line)
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


# A footnote's first line as a page prints it under a drawn rule, its mark set apart ("1 See
# resolution 60/1.", "2 A/79/64-E/2024/12.", "3 《大会正式记录…》"), and how it opens: it cites.
_SPACED_NOTE = re.compile(r"^(\d{1,3})\s+(?=\S)")
_CITES = lazy(r"(?:See|Ibid\.?|Official Records|United Nations|Resolution|General Assembly|Voir|Véase|"
                    r"Report|International|Intergovernmental|Decision|Declaration|Convention|Agreement|From|"
                    r"Documents officiels|Documentos Oficiales|Там же|См\.|见|見|同上|联合国|聯合國|大会|大會|《|"
                    r"[A-Z]{1,6}(?:\([A-Z]+\))?/[A-Z0-9])")
# A date opening a line ("2 March 2022 …"); a word that cites is no month ("22 See 2012 Guidelines …").
_DATED = re.compile(r"^\d{1,2}\.?\s+(?!See\b|Voir\b|Véase\b|Ibid\b)[^\W\d_]+\.?\s+(?:de\s+)?(?:1[89]|20)\d\d\b")


def _spaced_footnotes(kept: list[Line], footnotes: list[Footnote], start: int, floor: int = 0,
                      doubts: list[tuple[int, Message]] | None = None, footed: bool = True) -> list[Footnote]:
    """Footnotes at the foot of a page under a drawn rule (no rule in the text), each opening
    with its mark and a space ("1 See resolution 60/1."), right above the page's furniture.

    The page's text ends with a run of lines whose first opens with the next mark after those
    already read (or after ``floor``, the last mark of the text before) and cites (``_CITES``),
    or opens with a capital under a page that cites its mark ("169 This replaces …"); each later
    mark is one more than the last; every mark is one the text before cites (run onto a word or
    a punctuation mark: "…Outcome2,"); a line opening otherwise goes on with the footnote above
    it. The run is taken out of ``kept`` and returned; nothing is taken when the lines do not
    read so (a date: "2 March 2022 …").
    ``footed``: the page's furniture follows the run; without (the text's last page, where what
    follows may be no footnote), a line set apart by a blank line goes on with no footnote.
    What could be read either way is added to ``doubts`` (where, and what was made of it), when
    given: a first line that cites as a footnote does, the lines under it reading as its footnote
    to the page's foot, whose mark the text above does not cite (left as text); a line in the run
    that opens with the next mark, which the text above does not cite (read with the footnote
    above it).
    """
    expected = max([floor, *(int(f.mark) for f in footnotes if f.mark.isdigit())]) + 1
    for begin in range(start + 1, len(kept)):
        match = _SPACED_NOTE.match(kept[begin].text)
        if not match or int(match.group(1)) != expected or _DATED.match(kept[begin].text) \
                or _OPERATIVE.match(kept[begin].text):
            continue
        rest = kept[begin].text[match.end():]
        if not _CITES.match(rest) and not (rest[:1].isupper() and _is_cited(
                "\n".join(line.text for line in kept[start:begin]), expected)):
            # (a footnote that cites nothing, "169 This replaces …", is one when the page above
            # it cites its mark)
            continue
        cited = "\n".join(line.text for line in kept[:begin])
        notes: list[list[str]] = []
        value = expected
        joined: list[tuple[int, Message]] = []
        for line in kept[begin:]:
            match = _SPACED_NOTE.match(line.text)
            if match and int(match.group(1)) == value and _is_cited(cited, value) and not _DATED.match(line.text):
                notes.append([str(value), line.text[match.end():].strip()])
                value += 1
            elif notes and notes[0] and not _OPERATIVE.match(line.text) and not _LABEL.match(line.text) \
                    and not (line.blank_before and not footed):
                if match and int(match.group(1)) == value and not _DATED.match(line.text) and line.at >= 0:
                    joined.append((line.at, Message(
                        N_("“{text}” opens with the next footnote's mark, {mark}, but the text above cites no "
                           "such mark: read as the end of footnote {previous}"),
                        text=_shortened(line.text), mark=value, previous=notes[-1][0])))
                notes[-1][1] = _join(notes[-1][1], line.text)
            else:
                break
        else:
            if notes:
                del kept[begin:]
                if doubts is not None:
                    doubts.extend(joined)
                return [Footnote(mark, text) for mark, text in notes]
        if doubts is not None and not notes and _CITES.match(rest) and len(kept) - begin <= _FOOT_LINES \
                and kept[begin].at >= 0 and not any(_OPERATIVE.match(line.text) or _LABEL.match(line.text)
                                                   for line in kept[begin + 1:]):
            doubts.append((kept[begin].at, Message(
                N_("“{text}”, at a page's foot, opens with the next footnote's mark, {mark}, but the text above "
                   "cites no such mark: read as text, not as a footnote printed without its rule"),
                text=_shortened(kept[begin].text), mark=expected)))
        return []
    return []


# The most lines a page's footnotes, read without their rule, are taken to fill.
_FOOT_LINES = 12


def _is_cited(text: str, mark: int) -> bool:
    """Whether ``text`` cites the footnote mark ``mark`` as a mark is printed: run onto a word
    or a closing punctuation mark ("Outcome2,", "resolution,1", "原则1，"); run onto a number
    as an extraction leaves it ("resolution 77/2285 and": 77/228 and mark 5, "of 19491 and":
    1949 and mark 1), or set apart by spaces before a word in lower case, the line's end or a
    name after a comma, or by the gap a PDF leaves ("of 31 May 1997 2 and", "1994, 1 the", "Agenda 21, 6", "1997 2  and"),
    or at a line's start, the gap after it, under a line that ends mid-sentence ("…5 November
    2014," then "162  following the …")."""
    return re.search(rf"(?:[^\W\d_]|[,，;；:：.。)）”’\"]){mark}(?!\d)", text) is not None or re.search(
        rf"(?:(?<=\d/)\d{{2,3}}|(?<![\d/.,])(?:19|20)\d\d){mark}(?=[\s,;:.)”]|$)"
        rf"|(?<=[\w)”’,;.]) {mark}(?= {{2,}}| [a-z]|[ \t]*$)|(?<=[,;]) {mark}(?= [A-Z])"
        rf"|(?<=[\w)”’,;.]\n){mark}(?= {{2,}}\S| [a-z])", text, re.M) is not None


def _wraps_on(footnotes: list[Footnote], number: str, rest: str) -> bool:
    """Whether a line "``number`` ``rest``", just under the line of the last footnote read, is the
    rest of that footnote: it stops mid-sentence ("…, South Africa,", "…1 August 2015–", no
    punctuation at all), the number is not the mark that follows its own, and the line is no
    footnote printed again (an earlier one under that mark, with the same words)."""
    note = footnotes[-1]
    if not (note.mark.isdigit() and number.isdigit()) or int(number) == int(note.mark) + 1:
        return False
    end = note.text.rstrip()[-1:]
    if not (end in ",–—-/" or end.isalnum()):
        return False
    return not any(f.mark == number and f.text.startswith(rest[:20]) for f in footnotes)


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
    if bodies and (all(_opens_with_mark(text) for text in bodies) or _opens_with_mark(bodies[0]) and marks[0][1]):
        # the bodies open with their own marks ("1 See …"): a number alone after them is the
        # page's number, no mark; the line-by-line reading applies
        return None
    if len(marks) != len(bodies):
        if problems is not None:
            problems.append((begin, Message(N_("the footnote area has {marks} marks on lines of their own and "
                                               "{bodies} bodies, which could not be paired"),
                                            marks=len(marks), bodies=len(bodies))))
        return None
    if all(before == index for index, (_, before) in enumerate(marks)):
        ordered = [mark for mark, _ in marks]  # each mark just before its body
    else:
        ordered = sorted((mark for mark, _ in marks), key=int)
    return [Footnote(mark, text) for mark, text in zip(ordered, bodies)], end


def _marks_block(body: list[str], begin: int, titles: list[str], page: list[Line],
                 footnotes: list[Footnote], floor: int = 0) -> tuple[list[Footnote], int] | None:
    """A page's footnotes with their marks on lines of their own and no rule above them,
    from ``body[begin]``, a mark alone on its line: read as under a rule (``_split_footnote_block``)
    when the marks are the next ones, one after the other, the page's text (``page``) cites each,
    and the block ends at the page's furniture. None otherwise."""
    expected = max([floor, *(int(f.mark) for f in footnotes if f.mark.isdigit())]) + 1
    if int(body[begin].strip().translate(_SUPER_TO_ASCII)) != expected:  # ("¹" is a digit too)
        return None
    block = _split_footnote_block(body, begin, titles)
    if block is None:
        return None
    found, end = block
    following = next((body[k].strip() for k in range(end, min(len(body), end + 4)) if body[k].strip()), None)
    if following is None or not (_is_furniture(following, titles) or _PRINT_MARKS.match(following)):
        return None
    text = "\n".join(line.text for line in page)
    if [f.mark for f in found] != [str(expected + k) for k in range(len(found))] \
            or not all(_is_cited(text, int(f.mark)) for f in found):
        return None
    return found, end


def _opens_with_mark(text: str) -> bool:
    """Whether a footnote area's line opens with its own mark ("1 See …", "¹ See …")."""
    return bool(_PLAIN_FOOTNOTE.match(text) or _SUPER_FOOTNOTE.match(text))


def _unique_footnotes(footnotes: list[Footnote]) -> list[Footnote]:
    seen: set[str] = set()
    unique = []
    for footnote in footnotes:
        if footnote.mark not in seen:
            seen.add(footnote.mark)
            unique.append(footnote)
    return unique


def repeated_otherwise(footnotes: list[Footnote], earlier: list[Footnote]) -> list[Footnote]:
    """The footnotes read again under a mark already read (in ``earlier``, or before in
    ``footnotes``) with other text: a page prints a footnote again with the same text, so
    another text under the same mark is no repeat, and ``_unique_footnotes`` keeps only the
    first; these are what it set aside, to be said."""
    seen = {f.mark: _key(f.text) for f in earlier}
    found = []
    for footnote in footnotes:
        if footnote.mark in seen:
            if seen[footnote.mark] != _key(footnote.text):
                found.append(footnote)
        else:
            seen[footnote.mark] = _key(footnote.text)
    return found
