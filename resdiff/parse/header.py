"""Header stage: what a text prints above its first paragraph besides its symbol and title.

A draft's first page carries the agenda item it is submitted under ("Agenda item 119 (b)" and
the item's name, "议程项目 17") and the sponsors line ("South Africa:* draft resolution",
"南非：决议草案"); every version opens with the chapeau ("The General Assembly,", "大会，").
Delegates read these as part of the text: a sponsor added, an agenda item corrected or a chapeau
changed is a change. The rest of the masthead (distribution, dates, job numbers, session and
committee lines) is page furniture, listed as such.

The patterns are tables, one row per language; a language without a row is read without its
agenda item or sponsors, which then stay in the furniture list, never silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lazypattern import lazy
from ..text import has_cjk
from .patterns import AGENDA, DRAFT_WORDS

# The line that ends a sponsors list: "South Africa:* draft resolution", "…: revised draft
# resolution", "南非：决议草案", "Afrique du Sud : projet de résolution", and the forms naming who
# submitted it ("Draft resolution submitted by the Chair …").
_SPONSORS_END = re.compile(rf"[:：]\s*\**\s*(?:{DRAFT_WORDS})\s*\**\s*$", re.I)
_SUBMITTED = re.compile(r"^(?:(?:Revised\s+)?draft\s+(?:resolution|decision)\s+submitted\s+by\b|\S.{0,80}提交的(?:决议|决定)草案$)",
                        re.I)
# The draft words alone on a line, the sponsors list having broken before them ("…and Canada:" /
# "draft resolution", "…和加拿大：" / "决议草案"), as a full line of a PDF breaks it.
_DRAFT_ALONE = re.compile(rf"^\**\s*(?:{DRAFT_WORDS})\s*\**$", re.I)
_ENDS_WITH_COLON = re.compile(r"[:：]\s*\**\s*$")
# A line a sponsors list goes on after: it ends in a comma or a conjunction.
_CONTINUED = lazy(r"(?:[,，、،]|\band|\bet|\by|\bи|\bو|和|及)\s*$")


@dataclass(frozen=True, slots=True)
class Header:
    """A document's chapeau, agenda item and sponsors line as printed (None when absent), and
    the indices of the lines they were read from."""

    chapeau: str | None = None
    agenda_item: str | None = None
    sponsors: str | None = None
    used: frozenset[int] = frozenset()
    # What shares a line with the agenda item ("Sixty-eighth session Agenda item 33 (b)", as PDF
    # extraction joins them): (line index, text), page furniture.
    leftover: tuple[tuple[int, str], ...] = ()


def read_header(lines: list[str], begin: int, chapeau_at: int, chapeau: bool) -> Header:
    """The header of the text whose chapeau line is ``lines[chapeau_at]`` (``chapeau`` says
    whether that line is one: a text may start at its first operative paragraph), read from
    the lines between ``begin`` and it.

    >>> lines = ["Agenda item 119 (b)", "Human rights questions", "South Africa:* draft resolution",
    ...          "The right to development", "The General Assembly,"]
    >>> read_header(lines, 0, 4, True)
    Header(chapeau='The General Assembly,', agenda_item='Agenda item 119 (b) Human rights questions', sponsors='South Africa:* draft resolution', used=frozenset({0, 1, 2, 4}), leftover=())
    """
    used: set[int] = set()
    leftover: list[tuple[int, str]] = []
    said = lines[chapeau_at].strip() if chapeau and 0 <= chapeau_at < len(lines) else None
    if said:
        used.add(chapeau_at)
    region = range(max(begin, chapeau_at - 60, 0), max(chapeau_at, 0))
    agenda_at = next((k for k in reversed(region) if AGENDA.search(lines[k].strip()[:300])), None)
    sponsors_end = next((k for k in reversed(region) if (_is_sponsors_end(lines[k].strip())
                                                         or _broken_before(lines, k, region.start) is not None)
                         and (agenda_at is None or k > agenda_at)), None)
    sponsors = None
    sponsors_start = None
    if sponsors_end is not None:
        sponsors_start = sponsors_end
        broken = _broken_before(lines, sponsors_end, region.start)
        if broken is not None and (agenda_at is None or broken > agenda_at):
            sponsors_start = broken
        floor = agenda_at + 1 if agenda_at is not None else region.start
        while sponsors_start - 1 > floor and _CONTINUED.search(lines[sponsors_start - 1].strip()):
            sponsors_start -= 1
        taken = [lines[k].strip() for k in range(sponsors_start, sponsors_end + 1) if lines[k].strip()]
        sponsors = _joined(taken)
        used.update(range(sponsors_start, sponsors_end + 1))
    agenda = None
    if agenda_at is not None:
        # The item's name runs from the line after the number to the sponsors line, or to the
        # first blank line when there is none (the title follows it).
        stop = sponsors_start if sponsors_start is not None else _blank_after(lines, agenda_at, chapeau_at)
        first = lines[agenda_at].strip()
        match = AGENDA.search(first[:300])
        assert match is not None
        if match.start():
            leftover.append((agenda_at, first[: match.start()].strip()))
        taken = [first[match.start():]] + [lines[k].strip() for k in range(agenda_at + 1, stop) if lines[k].strip()]
        agenda = _joined(taken)
        used.update(range(agenda_at, stop))
    return Header(said, agenda, sponsors, frozenset(used), tuple(leftover))


def _is_sponsors_end(line: str) -> bool:
    return bool(line) and len(line) < 2000 and bool(_SPONSORS_END.search(line) or _SUBMITTED.match(line))


def _broken_before(lines: list[str], k: int, floor: int) -> int | None:
    """The index of the line a sponsors list ends on when ``lines[k]`` holds only the draft words
    that close it ("…and Canada:" / "draft resolution"); None when it is no such line.

    >>> _broken_before(["Albania and Canada:", "draft resolution"], 1, 0)
    0
    >>> _broken_before(["阿尔巴尼亚和加拿大：", "", "决议草案"], 2, 0)
    0
    >>> _broken_before(["Human rights questions", "draft resolution"], 1, 0) is None
    True

    The list may break inside the draft words too ("…and Canada: revised draft" / "resolution",
    "…和加拿大：订正" / "决议草案"): the line is then their tail, the line before holding the colon.

    >>> _broken_before(["Albania and Canada: revised draft", "resolution"], 1, 0)
    0
    >>> _broken_before(["阿尔巴尼亚和加拿大：订正", "决议草案"], 1, 0)
    0
    >>> _broken_before(["Albania: draft resolution", "decision"], 1, 0) is None, _broken_before(["a: draft", "resolution b"], 1, 0)
    (True, None)
    """
    line = lines[k].strip()
    alone = _DRAFT_ALONE.match(line)
    if not alone and not (0 < len(line) <= 40 and ":" not in line and "：" not in line):
        return None
    before = k - 1
    if before >= floor and not lines[before].strip():
        before -= 1
    if before < floor:
        return None
    previous = lines[before].strip()
    if len(previous) >= 2000:
        return None
    if alone and _ENDS_WITH_COLON.search(previous):
        return before
    if not _SPONSORS_END.search(previous) and _SPONSORS_END.search(_joined([previous, line])):
        return before  # broken inside the draft words: "…: revised draft" / "resolution"
    return None


def _blank_after(lines: list[str], start: int, limit: int) -> int:
    for k in range(start + 1, limit):
        if not lines[k].strip():
            return k
    return start + 1


def _wide(char: str) -> bool:
    """A Han character or a full-width punctuation mark ("：", "、"): Chinese lines join with no space."""
    return has_cjk(char) or "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef"


def _joined(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if text and not (_wide(text[-1]) and _wide(part[:1])):
            text += " "
        text += part
    return text
