"""Classification stage: paragraphs of text into preambular and operative paragraphs with ids.

Numbered paragraphs are operative, their (a)/(i) labels sub-paragraphs (nested by context),
unnumbered ones before the operative part preambular; footnote marks are taken out of the text
(``_take_marks``); ids are PP1…, OP1… . Also the checks a reader should make by hand
(numbering gaps, paragraphs that ran together, marks without bodies): ``_warnings``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace

from ..errors import ParseError
from ..i18n import N_, Message, _
from ..lazypattern import lazy
from ..model import INSERTED_ID, MAX_PARAGRAPHS, Footnote, Item, Paragraph, ParagraphKind
from ..text import has_cjk
from .lines import _join, _join_all, ends_with_full_stop
from .patterns import (
    _BIS_JOIN,
    _BIS_ORDINAL,
    _LABEL,
    _OPERATIVE,
    _SUPER_TO_ASCII,
    CHAPEAU_LINE,
    bis_number,
    drop_super_marks,
    item_label,
    label_brackets,
    opens_operative,
    opens_preambular,
    preambular_alternative,
    section_heading,
)

_ROMAN = re.compile(r"^[ivxlc]+$")


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
# Every alternative begins with "[", "(", a digit, or a space and a digit or "(": the lookahead in front
# says so once, so that the engine passes over other characters (and the spaces between words)
# without trying each alternative there.
_PLAIN_MARK = re.compile(
    r"(?=[\[\d(]| [\d(])(?:"
    r"\[\^?(?P<md>\d{1,3})\]"  # Markdown or wiki reference ("[^1]", "[1]"): always a mark
    # in brackets run into the word or its punctuation, as Arabic texts print marks:
    # "الإنسان(1)،", "Rights,(1)", "(١)"
    r"|(?<=[^\W\d_]|[,;:.،؛”’\"])\((?P<paren>\d{1,3})\)(?=[\s,;:.)”،؛]|$)"
    r"|(?<=[^\W\d_]|[,;:.،؛”’\"]) \((?P<sparen>\d{1,3})\)(?=[,;:.)”،؛]|$)"  # set apart: "الإنسان (1)،"
    r"|(?<=\d/)(?P<slash>\d{4,5})(?=[\s,;:.)”]|$)"  # "resolution 77/2285": 77/228 and mark 5
    r"|(?<![\d/.,])(?P<year>(?:19|20)\d{3,4})(?=[\s,;:.)”]|$)"  # "of 19881 and": 1988 and mark 1
    # "Declaration4", "Rules),9", "الإنسان1،" (before the Arabic comma or semicolon), "« Droit à
    # l'alimentation »1," (after the guillemet that closes a title French and Russian quote)
    r"|(?<=[^\W\d_]|[)”’\"\]»])(?P<glued>\d{1,3})(?=[\s,;:.)”،؛]|$)"
    r"|(?<=[,;:.،؛])(?P<punct>\d{1,3})(?=[\s,;:.)”،؛]|$)"  # "session,1", "1995,2", "الإنسان،1"
    # "《行动纲领》2执行情况", "的报告；6": Chinese text never runs a number into a closing mark
    # and on into the next word, except counts ("，25个"), whose measure words are excluded.
    rf"|(?<=[》；。，、）”：])(?P<cjk>\d{{1,8}})(?=[{_CJK_RANGES}](?<![个项名次年月日号条岁种])|$)"
    r"|(?<=[\w)”’,;.]) (?P<spaced>\d{1,3})(?= {2,}|$)"  # "1949 2  and": PDF text keeps the gap
    r"|(?<=[,;]) (?P<capital>\d{1,3})(?= [A-Z])"  # "Rarotonga, 3 Bangkok"
    r"|(?<=[^\W\d_],|[^\W\d_]”) (?P<comma>\d{1,2})(?= [a-z])"  # "Rights, 1 the"
    r"|(?<=[^\W\d_]) (?P<lone>\d{1,2})(?= [a-z]|[,;:]|$)"  # "the Convention 1 and"
    r"|(?:(?<=(?:19|20)\d\d)|(?<=(?:19|20)\d\d,)|(?<=(?:19|20) \d\d)) (?P<afteryear>\d{1,2})(?= [a-z]|[,;:]|$)"  # "of 1949 2 and", "1994, 1 the"
    r")"
)
# Words that a number follows as part of the text ("paragraph 3 of", "Goal 4 and").
_COUNTED = lazy(
    r"(?:paragraphs?|articles?|sections?|chapters?|items?|annex(?:es)?|goals?|targets?|protocols?|phases?|"
    r"groups?|rules?|principles?|actions?|vol|volumes?|no|nos|pages?|parts?|category|categories|levels?|"
    r"resolutions?|decisions?|options?|steps?|stages?|tables?|figures?|boxes?|days?|years?|cycles?|tiers?|"
    r"pillars?|objectives?|recommendations?|modules?|schedules?|clusters?|amendments?|appendix|class|"
    r"indicators?|rounds?|from|to|and|or|of|between|by|than|over|under|with|per|at|about|some|all|only|"
    r"first|last|nearly|almost|approximately|the|its|their|these|those|within|in|on|for|as)$",
    re.I,
)


def unique_id(pid: str, used: set[str]) -> str:
    """``pid``, or ``pid.2``, ``pid.3``… where a text numbers two paragraphs alike; noted in
    ``used``.

    >>> used = {"OP1"}
    >>> unique_id("OP1", used), unique_id("OP1", used), unique_id("OP2", used)
    ('OP1.2', 'OP1.3', 'OP2')
    """
    base, k = pid, 2
    while pid in used:
        pid = f"{base}.{k}"
        k += 1
    used.add(pid)
    return pid


def _take_marks(text: str, known: set[str], state: list[int],
                keep_superscripts: bool = False) -> tuple[str, tuple[str, ...]]:
    """Remove footnote marks from paragraph text; return the text and the marks, in order
    (``_take_marks_at`` without their places).

    >>> _take_marks("Recalling the Charter,1 and the Rules2  of 1955", set(), [0])
    ('Recalling the Charter, and the Rules of 1955', ('1', '2'))
    """
    text, marks, _ = _take_marks_at(text, known, state, keep_superscripts)
    return text, marks


# Where a mark stood while the text is read (a private-use character: never in a text).
_AT = "\ue001"


def _take_marks_at(text: str, known: set[str], state: list[int],
                   keep_superscripts: bool = False) -> tuple[str, tuple[str, ...], tuple[int, ...]]:
    """Remove footnote marks from paragraph text; return the text, the marks, in order, and
    where each stood: its offset in the text returned, right after the word or punctuation it
    is set on.

    ``state`` holds the highest mark taken so far in the document, shared across paragraphs.
    ``keep_superscripts``: the document has no footnote at all, so a superscript digit ("km²",
    "10⁶") is the text's own, kept as printed.

    >>> _take_marks_at("Recalling the Charter,1 and the Rules2  of 1955", set(), [0])
    ('Recalling the Charter, and the Rules of 1955', ('1', '2'), (22, 36))
    >>> _take_marks_at("Recalling the Charter,¹ the Declaration² and the Rules ³ of", set(), [0])
    ('Recalling the Charter, the Declaration and the Rules of', ('1', '2', '3'), (22, 38, 52))
    >>> _take_marks_at("回顾《宪章》，1以及《规则》2", {"1", "2"}, [0])
    ('回顾《宪章》，以及《规则》', ('1', '2'), (7, 13))
    """
    marks: list[str] = []

    def superscript(match: re.Match[str]) -> str:
        if keep_superscripts:
            return match.group(0)
        mark = match.group(1).translate(_SUPER_TO_ASCII)
        marks.append(mark)
        state[0] = max(state[0], int(mark))
        start, end = match.span()
        after = text[end : end + 1]
        before = text[start - 1 : start] if start else ""
        if not after or has_cjk(after) or after in "，。；：、）》”,;:.)" or has_cjk(before) or before in "，。；：、（《“":
            return _AT
        return _AT + " "

    text = drop_super_marks(text, superscript)

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
        glued = ""
        kind = match.lastgroup
        assert kind is not None  # every alternative of _PLAIN_MARK is a named group
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
                # (a year is four digits: "203412" after "2024–" is 2034 and mark 12, never 20341 and 2)
                if (len(keep) == 4 if kind == "year" else head <= len(keep) <= 3) and acceptable(mark, False):
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
            if kind == "paren" and mark not in known:
                return match.group(0)  # "Protocol I(1)", "rule X(2)": no footnote (1), (2) is printed
            if kind == "glued" and has_cjk(before[-1:]) and _CJK_UNIT.match(text, match.end(kind)):
                return match.group(0)  # "2010 年5 月17 日": a date, its numbers spaced from the units
            if kind in {"glued", "punct"}:
                code = _CODE_WORD.search(text[max(0, start - 12) : start])
                if code and (code.group("part") or code.group("caps") or int(mark) != state[0] + 1):
                    # "Rev.1", "Corr.2": a document's part; "P5", "E3", "G7", "CO2", "SDG3": a name
                    # of capitals and a number; "UNEP3", "Res1" out of the marks' sequence: the
                    # name's number, never a mark ("Life at Sea86", in sequence, is a mark)
                    return match.group(0)
                if code and not _ends_a_title(text[max(0, start - 60) : start]):
                    glued = code.group(0)  # in sequence, a mark; said, as the name's number it may be
            if kind in {"lone", "comma", "afteryear", "sparen"}:
                # A number set apart by spaces is text unless everything says otherwise: the
                # bodies are known, it is the very next mark, and no counting word precedes it.
                # the word before, from the last hundred characters (a search of all the
                # text before each number would take time growing with its square)
                word = re.search(r"(\w+)\W*$", text[max(0, start - 100):start])
                # An excerpt of a volume whose notes are numbered on through it may start at
                # any mark: the first taken need only be one of the known bodies.
                in_sequence = int(mark) == state[0] + 1 or (state[0] == 0 and mark in known)
                if not known or not in_sequence or (word and _COUNTED.match(word.group(1))):
                    return match.group(0)
                if kind == "lone" and not (word and word.group(1)[:1].isupper()):
                    return match.group(0)
            # a number set apart that passed the checks above is a mark (in sequence, known)
            # "…for the Decade 2001-2010,2 adopted …": a number never runs on from "2010," (a
            # thousands group has three digits), so a mark already used or the next will do.
            loose = kind in {"glued", "paren", "lone", "comma", "afteryear"} or (kind == "punct" and not after_digit) \
                or (kind == "punct" and before[1:] == "," and len(digits) <= 2)
            if kind == "punct" and not after_digit and not text[match.end():].strip():
                # After a paragraph's last punctuation ("…of the Secretary-General;6"), as in
                # Chinese text's "…的报告；6": the position is the evidence, so no sequence is
                # asked for (an excerpt may start at any mark); a known mark where bodies are.
                if known and mark not in known:
                    return match.group(0)
            elif kind == "cjk":
                # The position itself is the evidence, so no sequence is asked for: an
                # excerpt may start at any mark. Marks set side by side ("，2345") run
                # together in plain text: they are consecutive known marks, or not marks.
                if len(digits) > 2 or (known and digits not in known and len(digits) == 2):
                    run = _consecutive_marks(digits, known)
                    if run is None:
                        return match.group(0)
                    marks.extend(run)
                    state[0] = max(state[0], int(run[-1]))
                    return keep + _AT * len(run)
                if known and mark not in known:
                    return match.group(0)
            elif not acceptable(mark, loose):
                return match.group(0)
        state[0] = max(state[0], int(mark))
        marks.append(mark)
        noted = _GLUED_MARKS.get()
        if glued and noted is not None:
            noted.append((glued + digits, glued, mark))
        return keep + _AT

    text = sub_marks(plain, text)
    if not marks:
        if "  " in text or "\t" in text:  # (two spaces or tabs in a row hold one of these)
            text = _GAPS.sub(" ", text)
        return text.strip(), (), ()
    pieces = text.split(_AT)
    places: list[int] = []
    size = 0
    for piece in pieces[:-1]:
        size += len(piece)
        places.append(size)
    text = "".join(pieces)
    if "  " in text or "\t" in text:
        # a mark inside a gap made one space stands before it, after its word
        gaps = [(gap.start(), gap.end()) for gap in _GAPS.finditer(text)]
        text = _GAPS.sub(" ", text)
        moved = []
        for place in places:
            shift = sum(end - start - 1 for start, end in gaps if end <= place)
            inside = next((start for start, end in gaps if start < place < end), None)
            moved.append((inside if inside is not None else place) - shift)
        places = moved
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    places = [min(max(0, place - lead), len(text)) for place in places]
    return text, tuple(marks), tuple(places) if len(places) == len(marks) else ()


_GAPS = re.compile(r"[ \t]{2,}")


def _ends_a_title(before: str) -> bool:
    """Whether the text ``before`` a number glued to a short word ends with a capitalised name
    of several words, as a footnote cites an instrument ("… the Safety of Life at Sea86"): the
    number is the mark, not the word's own; a short word alone ("see Res1") or four capitals
    ("UNEP3") may carry a number of its own.

    >>> _ends_a_title("for the Safety of Life at Sea"), _ends_a_title("see Res"), _ends_a_title("work of UNEP")
    (True, False, False)
    """
    words = re.findall(r"[^\W\d_]+", before)[-3:]
    if len(words) < 2 or not words[-1][:1].isupper() or words[-1].isupper():
        return False
    previous = words[-2]
    if previous in _TITLE_WORDS and len(words) == 3:
        previous = words[-3]
    return previous[:1].isupper()


# The small words inside a capitalised name ("Safety of Life at Sea", "Law of the Sea").
_TITLE_WORDS = frozenset("a an and at for in of on the to".split())


# The marks read off the short word or four capitals they are glued to, in sequence ("UNEP3",
# "see Res1"; not at the end of a capitalised name, "Life at Sea86"), which may as well be the
# word's own number: (as printed, the word, the mark),
# gathered while a document's paragraphs are read (``noting_glued_marks``) for a warning.
_GLUED_MARKS: ContextVar[list[tuple[str, str, str]] | None] = ContextVar("glued_marks", default=None)


@contextmanager
def noting_glued_marks() -> Iterator[list[tuple[str, str, str]]]:
    """The marks ``_take_marks`` reads off a word they are glued to, while the block runs."""
    found: list[tuple[str, str, str]] = []
    token = _GLUED_MARKS.set(found)
    try:
        yield found
    finally:
        _GLUED_MARKS.reset(token)


def glued_mark_warnings(found: list[tuple[str, str, str]], symbol: str | None) -> list[str]:
    """One warning for each mark read off a word it is glued to (``noting_glued_marks``)."""
    return [Message(N_("{name}: “{printed}” is read as “{word}” and footnote mark {mark} (the next mark, and "
                       "footnote {mark} exists): if {printed} is a name with its number, that number is no mark"),
                    name=symbol or Message(N_("document")), printed=printed, word=word, mark=mark)
            for printed, word, mark in dict.fromkeys(found)]


# Where a match of _PLAIN_MARK can start: at "[" or "(", at the first digit of a run of digits
# (every alternative's lookbehind refuses a digit right before the number) or at the space right
# before that digit. _MARK_START finds the first three (a character class first: the engine
# scans for it without trying the pattern at each character); the space is looked at by hand.
_MARK_START = re.compile(r"[\[(\d](?<!\d\d)")


def sub_marks(replace: Callable[[re.Match[str]], str], text: str) -> str:
    """``_PLAIN_MARK.sub(replace, text)``, the same matches in the same order, the pattern tried
    only where a match can start: a paragraph of Chinese has a few numbers in a hundred
    characters, at each of which the pattern's lookahead was tried before.

    >>> sub_marks(lambda match: "{" + match.lastgroup + "}", "the Declaration4 of 19881 and 《纲领》2执行 the Convention 1 and")
    'the Declaration{glued} of {year} and 《纲领》{cjk}执行 the Convention{lone} and'
    """
    pieces: list[str] = []
    search, match = _MARK_START.search, _PLAIN_MARK.match
    done = position = 0
    while (found := search(text, position)) is not None:
        start = found.start()
        marked = None
        if start > position and text[start - 1] == " ":
            marked = match(text, start - 1)
        if marked is None:
            marked = match(text, start)
        if marked is None:
            position = start + 1
            continue
        pieces.append(text[done:marked.start()])
        pieces.append(replace(marked))
        done = position = marked.end()
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


# What a number runs into as part of a name: a word of one to three capitals ("P5", "SDG3",
# "CO2"), a short word ("UNEP3", "Res1", "Sea86"), or a document's part ("Rev.1", "Corr.2").
# (Read from the last twelve characters before the number: a longer word is no name.)
_CODE_WORD = re.compile(r"(?:(?<![^\W\d_])(?:(?P<caps>[A-Z]{1,3})|[A-Z]{4}|[A-Za-z][a-z]{0,2})"
                        r"|(?P<part>\b(?i:Rev|Corr|Add|Amend|Suppl)\.))\Z")
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


def _roles(chunks: list[str], quoted: bool) -> list[tuple[str, str, re.Match[str] | None]]:
    """Each non-empty chunk's text, its role and the match that gave it: "operative" (numbered),
    "item" (a labelled sub-paragraph), "continued" (unnumbered text after the operative part,
    continuing the paragraph before it) or "preambular". Only the start of each chunk is read,
    so the paragraphs are counted before any footnote mark is taken."""
    roles: list[tuple[str, str, re.Match[str] | None]] = []
    seen_paragraph = seen_operative = numbered = False
    heading_open = False  # the chunk before is a heading
    for chunk in chunks:
        text = _strip_quotes(chunk) if quoted else chunk.strip()
        if not text:
            continue
        alternative = preambular_alternative(text)
        if alternative:
            # "[PP2 alt] Noting …": offered instead of PP2, a preambular paragraph of its own
            seen_paragraph = True
            roles.append(("preambular alternative", text, alternative[0]))
            continue
        inserted = bis_number(text)
        number = None if inserted else _OPERATIVE.match(text)
        if inserted:
            # "2 bis.": a paragraph inserted after OP2, "[2. alt …]" one offered instead of OP2: an
            # operative paragraph of its own
            seen_operative = seen_paragraph = numbered = True
            roles.append(("inserted", text, inserted[0]))
            continue
        if not number and CHAPEAU_LINE.match(text):
            # a part's own chapeau ("The General Assembly,") under the part's heading
            roles.append(("heading", text, None))
            heading_open = False
            seen_operative = False
            continue
        if not number and len(text) <= 160 and (section_heading(text) is not None or (
                section_heading(text.split(" ", 1)[0]) == "label" and not _ends_paragraph(text))):
            # a section's heading ("一、总则", "II General"): neither preambular nor operative. What
            # follows it is its title's wrapped rest, or the section's paragraphs: a part of a
            # multi-part resolution ("B United Nations global communications …") may open with a
            # preamble of its own, which is no operative paragraph's continuation
            roles.append(("heading", text, None))
            heading_open = True
            continue
        if heading_open:
            heading_open = False
            if not number and not _LABEL.match(text) and not _ends_paragraph(text) and len(text) <= 160:
                # the heading's title wrapped onto a line the layout set apart ("… the State of the" /
                # "Marine Environment, including Socioeconomic Aspects")
                roles.append(("continued", text, None))
                heading_open = True
                continue
            seen_operative = False
        if number:
            seen_operative = seen_paragraph = numbered = True
            roles.append(("operative", text, number))
            continue
        label = _LABEL.match(text)
        if label and seen_paragraph:
            roles.append(("item", text, label))
        elif not numbered and _unnumbered_operative(text, seen_operative):
            # An operative paragraph the text leaves unnumbered ("Decide restituir …", each of
            # a web page's bulleted "يدعو …"), or the "Decides:" that opens lettered ones.
            seen_operative = seen_paragraph = True
            roles.append(("unnumbered", text, None))
        elif seen_operative and seen_paragraph:
            roles.append(("continued", text, None))
        else:
            seen_paragraph = True
            roles.append(("preambular", text, None))
    return roles


# What opens a quotation the paragraph before carries on into ("“Article 1 …”", «…», 「…」).
_QUOTE_OPENERS = "“\"«„‘'「『‹"


def trailing_text(chunks: list[str], quoted: bool) -> int:
    """Where text that is no part of the resolution begins among a body's paragraph texts: the
    index of the first chunk after the last operative paragraph, where that paragraph ends the
    text with its full stop, or ``len(chunks)`` when there is none.

    Operative paragraphs before the last end with ";" or ":" and the last with a full stop, so
    unnumbered text after it (a web page's "© United Nations", "Privacy policy", "This page was
    last edited on …") is not its continuation. The continuations a resolution does print there
    stay with it: a quotation (it opens with a quotation mark), lettered sub-paragraphs, and an
    unnumbered operative paragraph ("Decides to remain seized of the matter."). Drafts quoted in
    a report are cut at their closing quotation mark already.

    >>> trailing_text(["Recalling x,", "1. Decides y;", "2. Decides z.", "© United Nations", "Privacy"], False)
    3
    >>> trailing_text(["Recalling x,", "1. Decides y.", "Decides to remain seized of the matter."], False)
    3
    >>> trailing_text(["回顾,", "1. 决定继续处理此案。", "© 联合国"], False)
    2
    """
    if quoted:
        return len(chunks)
    roles = _roles(chunks, quoted)
    kept = [k for k, chunk in enumerate(chunks) if chunk.strip()]  # the chunk each role reads
    for n, (role, text, _match) in enumerate(roles):
        if role != "continued" or n == 0 or not ends_with_full_stop(roles[n - 1][1]):
            continue
        if text[:1] in _QUOTE_OPENERS or (opens_operative(text) and not opens_preambular(text)):
            continue
        if all(later in ("continued", "item", "heading") for later, _, _ in roles[n + 1 :]):
            return kept[n]
    return len(chunks)


def _unnumbered_operative(text: str, after_operative: bool = False) -> bool:
    """Whether an unnumbered paragraph is operative, where the operative part is not numbered: it
    opens with an operative verb, not as a preambular paragraph does, and ends as an operative
    one does (a full stop, a semicolon or the colon before its sub-paragraphs). A Chinese verb
    opens either part ("欢迎", "重申", "鼓励" are "Welcoming" and "Welcomes"): after an operative
    paragraph the end tells them apart, a preambular paragraph ending with "，" (before the first,
    a preambular paragraph a text ends with "；" by mistake stays preambular).

    >>> [_unnumbered_operative(t, True) for t in ("鼓励各国合作；", "欢迎秘书长的报告。", "鼓励各国合作，", "呼吁各国援助；")]
    [True, True, False, True]
    >>> _unnumbered_operative("欢迎各国的努力；"), _unnumbered_operative("呼吁各国援助；")
    (False, True)
    """
    end = text.rstrip()[-1:]
    if after_operative and end in "。；：" and has_cjk(text[:1]):
        return opens_operative(text) or opens_preambular(text)
    return end in ".;:。；：؛" and opens_operative(text) and not opens_preambular(text)


def check_paragraph_count(count: int, source: str | None) -> None:
    """Refuse a document of more paragraphs than resdiff compares (``model.MAX_PARAGRAPHS``)."""
    if count > MAX_PARAGRAPHS:
        raise ParseError(_("a document in the file has {count:,} paragraphs; resdiff reads documents of up to "
                           "{limit:,} (a resolution has a few hundred): check that the file holds "
                           "resolutions").format(count=count, limit=MAX_PARAGRAPHS), path=source)


def _classify(chunks: list[str], quoted: bool, known_marks: set[str], source: str | None = None) -> list[Paragraph]:
    roles = _roles(chunks, quoted)
    check_paragraph_count(sum(role in ("operative", "inserted", "unnumbered", "preambular") for role, _, _ in roles), source)
    paragraphs: list[dict] = []
    state = [0]
    for role, text, match in roles:
        if role == "operative":
            assert match is not None
            body, marks, at = _take_marks_at(text[match.end():], known_marks, state, not known_marks)
            paragraphs.append({"kind": ParagraphKind.OPERATIVE, "number": int(match.group(1)),
                               "text": body, "items": [], "marks": marks, "at": at})
        elif role == "inserted":
            assert match is not None
            body, marks, at = _labelled(text, match, known_marks, state, not known_marks)
            found = bis_number(text)
            assert found is not None
            paragraphs.append({"kind": ParagraphKind.OPERATIVE, "number": None, "text": body,
                               "items": [], "marks": marks, "at": at, "id": found[1]})
        elif role == "preambular alternative":
            assert match is not None
            body, marks, at = _labelled(text, match, known_marks, state)
            found_pp = preambular_alternative(text)
            assert found_pp is not None
            paragraphs.append({"kind": ParagraphKind.PREAMBULAR, "number": None, "text": body,
                               "items": [], "marks": marks, "at": at, "id": found_pp[1]})
        elif role == "heading":
            paragraphs.append({"kind": ParagraphKind.HEADING, "number": None, "text": text, "items": [], "marks": (), "at": ()})
        elif role == "unnumbered":
            body, marks, at = _take_marks_at(text, known_marks, state, not known_marks)
            paragraphs.append({"kind": ParagraphKind.OPERATIVE, "number": None, "text": body,
                               "items": [], "marks": marks, "at": at})
        elif role == "item":
            assert match is not None
            body, marks, at = _take_marks_at(text[match.end():], known_marks, state, not known_marks)
            items = paragraphs[-1]["items"]
            printed, parent = _label(item_label(match), items)
            items.append(Item(printed, body, marks, parent, label_brackets(match), at))
        elif role == "continued":
            body, marks, at = _take_marks_at(text, known_marks, state, not known_marks)
            last = paragraphs[-1]
            if last["items"]:
                item = last["items"][-1]
                joined = _join(item.text, body)
                last["items"][-1] = replace(item, text=joined, footnotes=item.footnotes + marks,
                                            marks_at=_joined_places(item.text, item.marks_at, body, at, joined))
            else:
                last.setdefault("continued", []).append((body, at))
                last["marks"] = last["marks"] + marks
        else:
            body, marks, at = _take_marks_at(text, known_marks, state, not known_marks)
            paragraphs.append({"kind": ParagraphKind.PREAMBULAR, "number": None, "text": body,
                               "items": [], "marks": marks, "at": at})
    for paragraph in paragraphs:
        if "continued" in paragraph:
            continued = paragraph.pop("continued")
            joined = _join_all([paragraph["text"]] + [text for text, _ in continued])
            # where each piece's marks stand in the whole: the pieces, joined one by one, end so
            # (a hyphen taken out where a word was broken changes the piece before)
            text, at = paragraph["text"], paragraph["at"]
            for piece, places in continued:
                whole = _join(text, piece)
                text, at = whole, _joined_places(text, at, piece, places, whole)
            paragraph["text"] = joined
            paragraph["at"] = at if text == joined else ()
    _single_operative(paragraphs)
    return _with_ids(paragraphs)


def _joined_places(left: str, left_at: tuple[int, ...], right: str, right_at: tuple[int, ...],
                   joined: str) -> tuple[int, ...]:
    """Where the marks of two pieces of text stand once ``joined`` (``_join``): the right piece's
    shifted by what comes before it; () where the join changed the right piece's text.

    >>> _joined_places("Recalling A,", (12,), "and B,", (6,), "Recalling A, and B,")
    (12, 19)
    """
    if not joined.endswith(right) or len(left_at) + len(right_at) == 0:
        return ()
    shift = len(joined) - len(right)
    return tuple(min(a, shift) for a in left_at) + tuple(a + shift for a in right_at)


def bracketed_label(number: re.Match[str]) -> str:
    """The label of an alternative printed in square brackets alone ("[OP2 alt] Decides c;",
    "[PP1 alt] 又回顾…", "[2 alt.] Requests …"), as printed with the space after it, to head the paragraph's
    text: the brackets say it is not agreed, and taking them off (or putting them on) is a change
    negotiators compare, as for a paragraph bracketed whole; "" for a label printed otherwise
    ("OP2 alt:", "2 alt.", "[2. alt Decides c;]", which keeps its brackets in its text).

    >>> from resdiff.parse.patterns import ALT_NUMBER, PP_ALT
    >>> [bracketed_label(ALT_NUMBER.match(t)) for t in ("[OP2 alt] Decides c;", "[2 alt.] Decides c;", "OP2 alt: Decides",
    ...                                                 "[2. alt Decides c;]")]
    ['[OP2 alt] ', '[2 alt.] ', '', '']
    >>> bracketed_label(PP_ALT.match("[PP1 alt] 又回顾其第 61/1 号决议，")), bracketed_label(PP_ALT.match("［PP1 alt］又回顾"))
    ('[PP1 alt] ', '［PP1 alt］')
    """
    label = number.group(0)
    return label if label.startswith(("[", "［")) and ("]" in label or "］" in label) else ""


def _labelled(text: str, number: re.Match[str], known: set[str], state: list[int],
              keep_superscripts: bool = False) -> tuple[str, tuple[str, ...], tuple[int, ...]]:
    """An inserted or alternative paragraph's text, marks and their places (``_take_marks_at``),
    its label kept at its head where it is bracketed alone ("[PP1 alt] "), the places moved on."""
    body, marks, at = _take_marks_at(_unbracketed(text, number), known, state, keep_superscripts)
    label = bracketed_label(number)
    return label + body, marks, tuple(a + len(label) for a in at)


def _unbracketed(text: str, number: re.Match[str]) -> str:
    """The text of an inserted or alternative paragraph after its number; one printed in brackets
    whole, its number inside them ("[2. alt Decides c;]"), keeps them: the brackets say it is not
    agreed, and taking them off (or putting them on) is a change negotiators compare. A label
    bracketed alone ("[OP2 alt] Decides c;") is left out here, and kept by ``bracketed_label``.

    >>> from resdiff.parse.patterns import ALT_NUMBER
    >>> [_unbracketed(t, ALT_NUMBER.match(t)) for t in ("[2. alt Decides c;]", "[2. alt Decides [d];", "2 alt. Decides c;]",
    ...                                                  "[OP2 alt] Decides c;", "［2. alt 决定其他；］")]
    ['[Decides c;]', 'Decides [d];', 'Decides c;]', 'Decides c;', '［决定其他；］']
    """
    body = text[number.end():]
    opening = text[:1]
    closing = {"[": "]", "［": "］"}.get(opening)
    if closing is not None and closing not in number.group(0) and body.rstrip().endswith(closing) \
            and body.count(closing) > body.count(opening):
        return opening + body
    return body


def _ends_paragraph(text: str) -> bool:
    return text.rstrip()[-1:] in ".;:,。；：，،؛"


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
    base, _, ordinal = raw.partition(" ")
    if ordinal:
        # "(b bis)", inserted after (b): where (b) sits
        after = next((item for item in reversed(items) if item.label == base), items[-1])
        return raw, after.parent
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
            return item.label.partition(" ")[0]  # (c) follows (b bis) as it follows (b)
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
    if end.endswith((".", "。")) or (end.endswith((";", "；")) and not opens_preambular(end)):
        last["kind"] = ParagraphKind.OPERATIVE


def _section_level(label: str) -> str:
    """The kind of a section's label, one kind a level: "letter" (the parts A, B … of a
    multi-part resolution), "roman" (sections I, II …), "zh" (一、二 …).

    >>> [_section_level(x) for x in ("A", "C", "IV", "I", "三")]
    ['letter', 'letter', 'roman', 'roman', 'zh']
    """
    if label[:1] in "一二三四五六七八九十":
        return "zh"
    return "roman" if re.fullmatch(r"[IVXL]+", label) else "letter"


def _section_label(text: str) -> str | None:
    """A section heading's label ("B" of "B United Nations …", "IV" of "IV. The Area", "二" of
    "二、…"), None for a heading that has none."""
    match = _SECTION_LABEL.match(text)
    return match.group(1) if match else None


_SECTION_LABEL = lazy(r"^((?:[IVXLC]{1,6}|[A-H])|[一二三四五六七八九十]{1,3})(?:[.．、]|\s|$)")


def _restarting_levels(raw: list[dict]) -> list[str]:
    """The levels of section headings that start a text anew: after operative paragraphs, the
    operative numbering starts again under them ("1." after "5." with the heading "B …" between),
    or a preamble or a chapeau of its own follows them. Those are the parts of a multi-part
    resolution, each numbered from 1, or each a resolution of its own. In the order the levels
    first appear; empty where the numbering runs on through the sections (the sections of
    A/RES/79/144) or the text has none."""
    order: list[str] = []
    restarting: set[str] = set()
    last: int | None = None
    between: list[str] = []  # the levels of the headings since the last operative paragraph
    operative = False  # an operative paragraph came before
    for entry in raw:
        if entry["kind"] is ParagraphKind.HEADING:
            label = _section_label(entry["text"])
            if label is not None:
                level = _section_level(label)
                between.append(level)
                if level not in order:
                    order.append(level)
            elif operative and CHAPEAU_LINE.match(entry["text"]):
                restarting.update(between)  # a part's own chapeau
        elif entry["kind"] is ParagraphKind.PREAMBULAR:
            if operative:
                restarting.update(between)  # a part's own preamble
        elif entry["kind"] is ParagraphKind.OPERATIVE and "id" not in entry:
            if entry["number"] is not None:
                if last is not None and entry["number"] <= last:
                    restarting.update(between)
                last = entry["number"]
            operative, between = True, []
    return [level for level in order if level in restarting]


def _with_ids(raw: list[dict]) -> list[Paragraph]:
    """Ids in reading order: PP1…, OP and the printed number, H1… for headings; in a multi-part
    resolution whose parts number their paragraphs from 1 again, each part's paragraphs after the
    label of its part ("A.PP1", "A.OP1", "B.OP1"; "B.II.OP1" in section II of part B)."""
    paragraphs = []
    used: set[str] = set()
    levels = _restarting_levels(raw)
    current: dict[str, str] = {}  # the label of the section each level is in
    pps: dict[str, int] = {}
    ops: dict[str, int] = {}
    heading = 0
    for entry in raw:
        prefix = "".join(f"{current[level]}." for level in levels if level in current)
        if entry["kind"] is ParagraphKind.PREAMBULAR and "id" in entry:
            pid = prefix + entry["id"]  # "PP2alt", offered instead of PP2: the count goes on without it
        elif entry["kind"] is ParagraphKind.PREAMBULAR:
            pps[prefix] = pps.get(prefix, 0) + 1
            pid = f"{prefix}PP{pps[prefix]}"
        elif entry["kind"] is ParagraphKind.HEADING:
            heading += 1
            pid = f"H{heading}"
            label = _section_label(entry["text"]) if levels else None
            if label is not None and _section_level(label) in levels:
                level = _section_level(label)
                current[level] = label
                for inner in levels[levels.index(level) + 1 :]:
                    current.pop(inner, None)  # a new part starts outside the sections of the last
        elif "id" in entry:
            pid = prefix + entry["id"]  # "OP2bis", inserted after OP2 and numbered after it; "OP2alt"
        else:
            ops[prefix] = ops.get(prefix, 0) + 1
            pid = f"{prefix}OP{entry['number'] if entry['number'] is not None else ops[prefix]}"
        pid = unique_id(pid, used)
        paragraphs.append(
            Paragraph(
                id=pid,
                kind=entry["kind"],
                number=entry["number"],
                text=entry["text"],
                items=tuple(entry["items"]),
                footnotes=tuple(entry["marks"]),
                marks_at=tuple(entry.get("at", ())) if len(entry.get("at", ())) == len(entry["marks"]) else (),
            )
        )
    return paragraphs


# Longer than any paragraph of a real resolution (the longest in the corpus run to about 2,500
# characters): paragraphs have probably run together.
LONGEST_PARAGRAPH = 6000


def _annex_gap(name: str, series: str, number: int, last: int) -> Message:
    """The warning that an annex's numbering breaks, the word "annex" inside the message (so a
    translation says 附件 in its own order): ``series`` is "Annex", or "Annex II" where the text
    has several annexes."""
    annex = series.partition(" ")[2]
    if annex and last:
        return Message(N_("{name}: Annex {annex} paragraph {number} follows {last} (after Annex {annex} {last}): "
                          "a paragraph may be missing or misread"), name=name, annex=annex, number=number, last=last)
    if annex:
        return Message(N_("{name}: Annex {annex} paragraph {number} follows nothing (at the start): "
                          "a paragraph may be missing or misread"), name=name, annex=annex, number=number)
    if last:
        return Message(N_("{name}: Annex paragraph {number} follows {last} (after Annex {last}): "
                          "a paragraph may be missing or misread"), name=name, number=number, last=last)
    return Message(N_("{name}: Annex paragraph {number} follows nothing (at the start): "
                      "a paragraph may be missing or misread"), name=name, number=number)


# What opens a paragraph a draft inserts or offers as an alternative, where the parser did not read
# it as a paragraph of its own ("2 bis Decides" without the full stop, "[2. alt …]"): after the end
# of a sentence inside a paragraph's text, it is a paragraph that ran into the one before.
_GLUED_INSERTED = re.compile(
    rf"(?<=[;:.；。：؛])\s?\[?(?P<number>(?:OP\s?)?\d{{1,3}}{_BIS_JOIN}(?:{_BIS_ORDINAL})\.?"
    r"|(?<=\[)\d{1,3}\.?\s?alt(?:ernative)?(?![^\W\d_])\.?"
    r"|OP\s?\d{1,3}\.?\s?\(?alt(?:ernative)?(?![^\W\d_])\)?)",
    re.I,
)


def _glued_inserted(paragraph: Paragraph) -> list[str]:
    """The numbers of inserted or alternative paragraphs ("2 bis", "[2. alt") read as part of
    ``paragraph``'s text or of its sub-paragraphs'.

    >>> _glued_inserted(Paragraph("OP2", ParagraphKind.OPERATIVE, 2, "Decides b; 2 bis Decides new; [2. alt Decides c;]"))
    ['2 bis', '2. alt']
    >>> _glued_inserted(Paragraph("OP2", ParagraphKind.OPERATIVE, 2, "Recalls article 2 bis of the Convention;"))
    []
    >>> _glued_inserted(Paragraph("OP2", ParagraphKind.OPERATIVE, 2, "просит; 2-бис предлагает; تطلب؛ 2 مكررا تدعو"))
    ['2-бис', '2 مكررا']
    """
    texts = [paragraph.text, *(item.text for item in paragraph.items)]
    return [match.group("number") for text in texts for match in _GLUED_INSERTED.finditer(text)]


def _announces(text: str, number: int) -> bool:
    """Whether an annex's unnumbered paragraph announces a paragraph of another text by its number,
    quoted after it as amended ("Amend paragraph 8 to read:"): that number is no gap.

    >>> _announces("Amend paragraph 8 to read:", 8), _announces("Amend paragraph 18 to read:", 8), _announces("Notes 8.", 8)
    (True, False, False)
    """
    return text.rstrip().endswith((":", "：")) and re.search(rf"(?<!\d){number}(?!\d)", text) is not None


def _warnings(paragraphs: list[Paragraph], footnotes: list[Footnote], symbol: str | None) -> list[str]:
    """What a reader should check by hand: breaks in the numbering of operative paragraphs and
    of sub-paragraphs, paragraphs far longer than any real one, footnote marks without bodies."""
    name = symbol or Message(N_("document"))
    found: list[str] = []
    previous: dict[str, int] = {}
    announced = ""  # the unnumbered annex paragraph last read, since the last numbered one
    for paragraph in paragraphs:
        inserted = INSERTED_ID.match(paragraph.id) if paragraph.kind is ParagraphKind.OPERATIVE else None
        part = paragraph.id[: paragraph.id.rfind("OP")] if paragraph.kind is ParagraphKind.OPERATIVE else ""
        if inserted and int(inserted.group(1)) != previous.get(part + "OP", 0):
            # "5 bis." inserted after OP2, or before any operative paragraph
            last = previous.get(part + "OP", 0)
            if last:
                found.append(Message(N_("{name}: {id} follows OP{last}, not OP{number}: "
                                        "a paragraph may be missing or misread"),
                                     name=name, id=paragraph.id, last=last, number=int(inserted.group(1))))
            else:
                found.append(Message(N_("{name}: {id} follows nothing (at the start), not OP{number}: "
                                        "a paragraph may be missing or misread"),
                                     name=name, id=paragraph.id, number=int(inserted.group(1))))
        if paragraph.number is None:
            if paragraph.kind is ParagraphKind.ANNEX:
                announced = paragraph.text
            continue
        # each series numbers on its own: the operative paragraphs, each annex's paragraphs
        # (each part of a multi-part resolution numbers its own: "B.OP1" after "A.OP5")
        series = part + "OP" if paragraph.kind is ParagraphKind.OPERATIVE else paragraph.id.rsplit(" ", 1)[0] + " "
        last = previous.get(series, 0)
        quoted = paragraph.kind is ParagraphKind.ANNEX and _announces(announced, paragraph.number)
        announced = ""
        if paragraph.number != last + 1 and not quoted:
            if part and last:
                # in a part of a multi-part resolution ("B.OP3" after "B.OP1")
                found.append(Message(N_("{name}: operative paragraph {number} of part {part} follows {last} "
                                        "(after {part}.OP{last}): a paragraph may be missing or misread"),
                                     name=name, number=paragraph.number, last=last, part=part.rstrip(".")))
            elif part and series.endswith("OP"):
                found.append(Message(N_("{name}: operative paragraph {number} of part {part} follows nothing (at the "
                                        "part's start): a paragraph may be missing or misread"),
                                     name=name, number=paragraph.number, part=part.rstrip(".")))
            elif series.endswith("OP") and last:
                found.append(Message(N_("{name}: operative paragraph {number} follows {last} (after OP{last}): "
                                        "a paragraph may be missing or misread"),
                                     name=name, number=paragraph.number, last=last))
            elif series.endswith("OP"):
                found.append(Message(N_("{name}: operative paragraph {number} follows nothing (at the start): "
                                        "a paragraph may be missing or misread"), name=name, number=paragraph.number))
            else:
                found.append(_annex_gap(name, series.strip(), paragraph.number, last))
        previous[series] = paragraph.number
    for paragraph in paragraphs:
        top = [item.label for item in paragraph.items if item.parent is None]
        missing = _labels_before(top[0].partition(" ")[0]) if top else []
        if missing:
            # the list's first labels lost (read into the paragraph's text) or misread
            found.append(Message(N_("{name}: {id}'s sub-paragraphs start at ({first}): {missing} may be missing "
                                    "or misread"), name=name, id=paragraph.id, first=top[0],
                                 missing=(", ".join(f"({label})" for label in missing) if len(missing) <= 3
                                          else f"({missing[0]})–({missing[-1]})")))
        for before, after in zip(top, top[1:]):
            base, _, ordinal = after.partition(" ")
            if ordinal:
                # "(b bis)" follows (b) (or "(b ter)" "(b bis)"); elsewhere it is out of place
                if before.partition(" ")[0] != base:
                    found.append(Message(N_("{name}: {id} has sub-paragraph ({after}) after ({before}), not after "
                                            "({base}): a sub-paragraph may be missing or misread"),
                                         name=name, id=paragraph.id, after=after, before=before, base=base))
                continue
            expected = _label_gap(before.partition(" ")[0], after)
            if expected is not None:
                found.append(Message(N_("{name}: {id} has sub-paragraph ({after}) after ({before}): "
                                        "({expected}) may be missing or misread"),
                                     name=name, id=paragraph.id, after=after, before=before, expected=expected))
        if paragraph.kind is ParagraphKind.OPERATIVE:
            for number in _glued_inserted(paragraph):
                found.append(Message(N_("{name}: a paragraph numbered “{number}” is read as part of {id}: "
                                        "check it by hand"), name=name, number=number, id=paragraph.id))
        if len(paragraph.body) > LONGEST_PARAGRAPH:
            found.append(Message(N_("{name}: {id} is {length} characters long, longer than any real paragraph: "
                                    "several paragraphs may have run together"),
                                 name=name, id=paragraph.id, length=f"{len(paragraph.body):,}"))
    bodies = {f.mark for f in footnotes}
    cited = sorted({mark for paragraph in paragraphs for mark in paragraph.all_footnotes()},
                   key=lambda mark: (len(mark), mark))
    if len(cited) == 1 and not bodies:
        found.append(Message(N_("{name}: footnote mark {mark} is cited but no footnote was found: "
                                "a footnote printed without its rule may have been read as text"),
                             name=name, mark=cited[0]))
    elif cited and not bodies:
        found.append(Message(N_("{name}: footnote marks {marks} are cited but no footnote was found: "
                                "footnotes printed without their rule may have been read as text"),
                             name=name, marks=", ".join(cited)))
    if bodies:
        # a footnote no paragraph cites: its mark lost in editing or misread as text (every
        # footnote when no paragraph cites any: all their marks lost or misread)
        uncited = sorted((m for m in bodies - set(cited) if m.isdigit()), key=lambda mark: (len(mark), mark))
        if len(uncited) == 1:
            found.append(Message(N_("{name}: footnote {mark} is cited by no paragraph: its mark may be missing "
                                    "or misread"), name=name, mark=uncited[0]))
        elif uncited:
            found.append(Message(N_("{name}: footnotes {marks} are cited by no paragraph: their marks may be "
                                    "missing or misread"), name=name, marks=", ".join(uncited)))
    if bodies:
        for paragraph in paragraphs:
            for mark in paragraph.all_footnotes():
                if mark not in bodies:
                    found.append(Message(N_("{name}: {id} carries footnote mark {mark}, whose footnote was not found"),
                                         name=name, id=paragraph.id, mark=mark))
    return found


def _to_roman(value: int) -> str:
    numerals = ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for size, numeral in numerals:
        while value >= size:
            out += numeral
            value -= size
    return out


def _labels_before(first: str) -> list[str]:
    """The labels a list of sub-paragraphs lacks before its first one: none where it starts at
    (a) or (i).

    >>> _labels_before("a"), _labels_before("i"), _labels_before("c"), _labels_before("iii"), _labels_before("A")
    ([], [], ['a', 'b'], ['i', 'ii'], [])
    """
    number = _roman(first)
    if number is not None and len(first) > 1:
        return [_to_roman(n) for n in range(1, number)]
    if len(first) == 1 and "a" <= first <= "z" and first != "i":
        return [chr(c) for c in range(ord("a"), ord(first))]
    return []


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
