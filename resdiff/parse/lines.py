"""Joining lines and reading their ends: what the layout, segmentation and classification stages
all do to text broken over lines (no knowledge of documents or paragraphs here)."""

from __future__ import annotations

import re

from ..text import han_count, has_cjk
from .patterns import _LABEL, _OPERATIVE, _TERMINAL, drop_super_marks, opens_operative, opens_preambular


def _join(left: str, right: str) -> str:
    if not left:
        return right
    if has_cjk(left[-1:]) or has_cjk(right[:1]) or left[-1:] in "，。；：、（《“" or right[:1] in "，。；：、）》”":
        return left + right
    if wrapped_number(left, right):
        return left + right
    if _HYPHEN_BREAK.search(left[-2:]) and right[:1].isalnum() and not _SUSPENDED.match(right):
        return left + right  # "Secretary-" / "General": a hyphenated word broken at its hyphen
    return left + " " + right


# A line ending with a hyphen right after a letter or digit ("Secretary-", "follow-", "2021-"): a
# UN text breaks a line at a hyphen only inside a hyphenated word ("Secretary-General",
# "capacity-building", "ro-ro"; it never hyphenates a word to break it: every such break in the
# corpus texts, 27 of them, is in a word printed with its hyphen elsewhere), so the line after
# goes on with the word, hyphen kept, without a space. A hyphen after a space is a dash (" -").
_HYPHEN_BREAK = re.compile(r"[^\W_][-‐‑]$")
# ... except a hyphen left hanging before "and" / "or" ("age- and gender-sensitive", "confidence-
# and security-building"), printed so in the corpus texts: the space after it is the text's.
_SUSPENDED = re.compile(r"(?:and|or|et|ou|y|o|и|или)(?!\w)")


def wrapped_number(left: str, right: str) -> bool:
    """Whether a line break falls inside a number of Chinese text: Chinese is printed without
    spaces, so a line may end in the middle of "19" or "2008", where English breaks only between
    words. Read from the last few characters before the break and the first after it.

    >>> wrapped_number("2007 年 12 月 1", "9 日第 62/182 号"), wrapped_number("resolution 64/1", "87 of 2009")
    (True, False)
    """
    return (left[-1:].isdigit() and right[:1].isdigit()
            and (has_cjk(left[-WRAP_CONTEXT:]) or has_cjk(right[:WRAP_CONTEXT])))


# How many characters either side of a line break tell whether the text around it is Chinese.
WRAP_CONTEXT = 6
_TRAILING_BRACKET_MARK = re.compile(r"\[\^?\d{1,3}\]\s*$")


def _ends_terminal(text: str) -> bool:
    tail = text.rstrip()
    if tail[-1:] in _TERMINAL:
        return True  # (what follows takes marks off the end: here there are none to take)
    # A footnote mark may follow the paragraph's last punctuation: "…的命令,[1]", "…Charter,1".
    stripped = drop_super_marks(_TRAILING_BRACKET_MARK.sub("", text)).rstrip(" ”\"’)0123456789")
    return bool(stripped) and stripped[-1] in _TERMINAL


def _join_all(lines: list[str]) -> str:
    """Lines joined as _join joins two, in one pass."""
    pieces = [lines[0]]
    tail = lines[0][-WRAP_CONTEXT:]  # _join looks at no more of its left side than this
    for right in lines[1:]:
        added = _join(tail, right)[len(tail):] if tail else right
        pieces.append(added)
        tail = (tail + added)[-WRAP_CONTEXT:]
    return "".join(pieces)


def runs_on(previous: str | None, following: str | None, capitals: bool = False, line: str = "") -> bool:
    """Whether a line printed between ``previous`` and ``following`` (the lines right before
    and after it, None across a blank line) is inside a running paragraph: the line before does
    not end a paragraph and the line after goes on with it (neither a number, a label, an
    opener of the per-language tables nor a capital opens it). Such a line is the paragraph's
    text whatever it reads ("General Assembly", "大会" wrapped onto a line of their own), never
    a masthead or a chapeau. With ``capitals``, a line after it that opens with a capital but
    opens no paragraph goes on with it too (a name: "United Nations" / "High Commissioner for
    Human Rights"); where a chapeau may stand, a capital is taken for a paragraph's start.

    >>> runs_on("1. Requests the Secretary-General to report to the", "at its next session;")
    True
    >>> runs_on("1. 请秘书长向", "第八十届会议提交报告；"), runs_on("信息和通信技术促进发展", "回顾其决议，")
    (True, False)
    >>> runs_on("“回顾…通过并经", "赞同的《原则宣言》"), runs_on("“信息和通信技术促进发展", "“回顾其决议，", line="“大会")
    (True, False)
    >>> runs_on("Recalling its resolutions,", "at its next session;"), runs_on(None, "at its next session;")
    (False, False)
    >>> runs_on("with the Office of the", "High Commissioner;"), runs_on("with the Office of the", "High Commissioner;", True)
    (False, True)
    """
    if not previous or not following or _ends_terminal(previous) or following.startswith(("“", '"')):
        return False  # (a line opening with a quotation mark opens a quoted draft's paragraph)
    if (
            # the line before opened a paragraph that has not ended: a quoted one (a quoted
            # draft's chapeau, ``line``, opens with its own quotation mark), a numbered one, or,
            # in Chinese, one with a preambular opener (a title has none; the line after may open
            # with a word the openers' table holds: "经" / "大会" / "赞同的《原则宣言》")
            (previous.startswith(("“", '"')) and not line.startswith(("“", '"')))
            or _OPERATIVE.match(previous.lstrip("“\"")) or (has_cjk(previous[:1]) and opens_preambular(previous))):
        return True
    first = following[:1]
    if (first.isupper() and not capitals) or _OPERATIVE.match(following) or _LABEL.match(following):
        return False
    return not (opens_preambular(following) or opens_operative(following))


# The full stops that end a resolution's last operative paragraph (Latin, Cyrillic and Arabic
# scripts print ".", Chinese "。", full-width "．"); paragraphs before it end with ";" or ":".
_FULL_STOPS = ".。．"


def ends_with_full_stop(text: str) -> bool:
    """Whether a paragraph's text ends with a full stop, a footnote mark or closing quotation mark
    after it allowed ("…of the matter.", "…此案。", "…matter.5", "…matter.[^5]", "…the Charter.”").

    >>> [ends_with_full_stop(t) for t in ("of the matter.[^5]", "此案。[1]", "the Charter.”", "matter.5", "No. 27")]
    [True, True, True, True, False]
    """
    if text.rstrip()[-1:] in _FULL_STOPS:
        return True  # (what follows takes marks and quotation marks off the end: here there are none)
    stripped = drop_super_marks(_TRAILING_BRACKET_MARK.sub("", text)).rstrip()
    stripped = _MARK_AFTER_STOP.sub("", stripped).rstrip(" ”\"’»)")
    return stripped[-1:] in _FULL_STOPS


# a footnote mark printed right after a paragraph's last punctuation ("…matter.5"), not a
# number of its own ("Supplement No. 27")
_MARK_AFTER_STOP = re.compile(r"(?<=[.。．”\"’»)])\d{1,3}$")


def page_width(lines: list[str]) -> int:
    """The width a text is wrapped to: that of its widest line broken mid-sentence with the
    sentence going on on the next line (a line broken for want of room). A text with no such
    line is not wrapped (one paragraph a line, as web pages print): any width fits.

    >>> page_width(["Recalling its resolutions on the", "region,", "", "1. Decides to act."]), page_width(["a.", "b."])
    (32, 1000000)
    """
    widths = [width(line) for line, after in zip(lines, lines[1:])
              if line.strip() and after.strip() and not _ends_terminal(line)]
    return max(widths, default=1_000_000)


def width(text: str) -> int:
    """A line's width in columns: a Chinese character takes two."""
    text = text.strip()
    return len(text) + han_count(text)


def ended_short(before: str, after: str, page_width: int) -> bool:
    """Whether the line ``before`` ends with a full stop and the first word of the line ``after``
    (a Chinese text's first character) would have fitted onto it within ``page_width``: the
    line did not break for want of room, so what it ends ended there.

    >>> ended_short("Decides to remain seized of the matter.", "© United Nations", 70)
    True
    >>> ended_short("Decides that the measures shall remain in force until the year 2030.", "It further", 70)
    False
    """
    after = after.strip()
    if not after or not ends_with_full_stop(before) or after[:1].isdigit() or after[:1] in "(（[" \
            or (after[:1].islower() and after[:1] < "\u0250"):
        return False  # a number, a bracket or a small Latin letter goes on after an abbreviation ("No.")
    word = after[:1] if has_cjk(after[:1]) else after.split()[0]
    return width(before) + 1 + width(word) <= page_width


# The widest a wrapped line of a page is, in columns (a Chinese character takes two): a line wider
# is a paragraph printed on one line (a web page, a Word file), not a line of a page.
PAGE_COLUMNS = 130


def single_spaced(lines: list[str]) -> tuple[list[str], list[int] | None]:
    """A text with a blank line after every line (a double-spaced copy: a PDF viewer's or a web
    page's text pasted, a file run through ``sed 's/$/\\n/'``) as it was before: each run of
    ``n`` blank lines after a line of text made ``n // 2``, so that lines right under each other
    join as wrapped lines and the blank lines that set paragraphs apart stay; with, for each line
    kept, the line (1-based) of the given text it is. ``lines`` and None for a text that is not so.

    A text is taken for double-spaced when no line of text follows another right under it (but
    one in twenty) and either
    - every run of blank lines is odd, three or more in some (the blank line after every line of
      a text that had blank lines of its own: undoing it gives that text back as it was), and,
      where more than three runs in four are one blank line, the lines before those that end
      mid-sentence are broken for want of room (a quarter of them or more as wide as most
      lines, all no wider than a page's but one in twenty; a heading or a title ends without
      punctuation too: a text of one paragraph a line with a blank line after each and three
      before a heading keeps its blank lines); or
    - most runs are one blank line, and a third or more of the lines before those end
      mid-sentence, broken for want of room.

    >>> text = ["Recalling its resolutions on the", "", "region,", "", "", "", "1. Decides to act.", "", "", ""] * 4
    >>> single_spaced(text)[0][:5], single_spaced(text)[1][:5]
    (['Recalling its resolutions on the', 'region,', '', '1. Decides to act.', ''], [1, 3, 4, 7, 8])
    >>> single_spaced(["The General Assembly,", "", "Recalling x,", "", "1. Decides y;", ""] * 4)[1] is None
    True
    """
    runs: list[int] = []  # blank lines after each line of text but the last
    before: list[str] = []  # the lines followed by one blank line
    run, previous = -1, ""
    for raw in lines:
        if raw.strip() or "\f" in raw:  # (a form feed alone on its line is a page break, kept)
            if run >= 0:
                runs.append(run)
                if run == 1:
                    before.append(previous)
            run, previous = 0, raw
        elif run >= 0:
            run += 1
    if len(runs) < 8 or runs.count(0) > 0.05 * len(runs):
        return lines, None
    ones = runs.count(1)
    # the widths of those broken mid-sentence
    broken = [width(raw) for raw in before if not _ends_terminal(raw.strip())]
    widths = sorted(width(raw) for raw in lines if raw.strip())
    paged = widths[int(0.95 * (len(widths) - 1))] <= PAGE_COLUMNS
    # (a page's furniture is short and ends mid-sentence too: a quarter of those lines will do)
    measure = widths[int(0.9 * (len(widths) - 1))]
    full = paged and sum(1 for w in broken if w >= 0.75 * measure) >= max(2, len(broken) / 4)
    undone = runs.count(0) == 0 and all(n % 2 for n in runs) and any(n >= 3 for n in runs) and (
        ones <= len(runs) * 3 / 4 or full)
    wrapped = ones > len(runs) / 2 and full and len(broken) >= ones / 3
    if not (undone or wrapped):
        return lines, None
    kept: list[str] = []
    origin: list[int] = []
    blank: list[int] = []  # the blank lines since the last line of text, by index
    for k, raw in enumerate(lines):
        if raw.strip() or "\f" in raw:
            keep = blank[: len(blank) // 2] if kept else blank  # (blank lines opening the text stay)
            kept += [lines[b] for b in keep] + [raw]
            origin += [b + 1 for b in keep] + [k + 1]
            blank = []
        else:
            blank.append(k)
    kept += [lines[b] for b in blank]  # (those closing it too)
    origin += [b + 1 for b in blank]
    return kept, origin
