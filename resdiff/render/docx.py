"""A comparison as a Word document whose revisions are real tracked changes.

The document is the new version; every difference from the old one is a revision by
``options.author``, so that a delegate can accept or reject each one in Word:

- a paragraph is written from the comparison's inline spans, word by word (``w:ins``/``w:del``);
  a paragraph break that one side lacks is an inserted or deleted paragraph mark, so merged and
  split paragraphs are revised word by word too;
- a moved paragraph is a Word move: ``w:moveFrom`` where it stood and ``w:moveTo`` where it now
  stands, the two ranges carrying one move name; words reworded on the way are ``w:ins`` and
  ``w:del`` inside the moved copy, so a paragraph moved with one word dropped does not read as new;
- an added paragraph is inserted whole, its paragraph marks too; a removed one deleted whole;
- operative numbers are those of the new version, a renumbering being a revision of the number;
- a difference of width or spacing alone (the comparison's ``layout`` flag: a full-width comma, a
  space beside a Chinese character) is a revision like any other, so that no character differs
  unmarked;
- footnotes are Word footnotes, one per footnote, referenced where the paragraph (or
  sub-paragraph) that cites them ends; an added footnote's reference is inserted, a removed one's
  deleted, a reworded footnote revised word by word inside it; a footnote cited again is a
  ``NOTEREF`` cross-reference to the first citation, as Word makes it;
- a footnote no paragraph cites (so no place among Word's footnotes, which stand at their marks)
  is listed after the text under a heading of its own, numbered as in the text, revised like a
  paragraph; no mark is invented for it, and the footnotes after it keep their numbers (written
  out after their references, as Word writes a custom mark, where Word would count otherwise).

Accepting every revision gives the new version's text exactly; rejecting every one gives the
old version's exactly.
The output is deterministic: revision dates come from the options or the new document, never
the clock, and the ZIP entries carry a fixed time.
"""

from __future__ import annotations

import difflib
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any
from xml.sax.saxutils import escape

from ..i18n import _
from ..inline import diff_texts, rebuild
from ..items import item_id
from ..model import INSERTED_ID, Change, Comparison, Document, Op, Paragraph, ParagraphKind, Span
from ..text import direction, has_cjk, has_rtl, rtl_flags
from . import RenderOptions, document_direction

__all__ = ["render", "paragraph_lines", "chapeau", "uncited_footnotes", "part_cuts"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Revisions need a date; without one from the documents, this fixed one keeps output stable.
FIXED_DATE = "2000-01-01T00:00:00Z"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ITEM_LINE = re.compile(r"\(\w{1,8}\) ")
_CHAPEAUS = {"zh": "大会，", "en": "The General Assembly,", "fr": "L’Assemblée générale,",
             "es": "La Asamblea General,", "ru": "Генеральная Ассамблея,", "ar": "إن الجمعية العامة،"}
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
# Arabic letters (with their presentation forms); text holding them gets an Arabic font.
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
# The font Word sets Arabic in (its complex-script font): one that comes with Windows and Office.
ARABIC_FONT = "Simplified Arabic"


_COUNCIL_CHAPEAUS = {"zh": "安全理事会，", "en": "The Security Council,", "fr": "Le Conseil de sécurité,",
                     "es": "El Consejo de Seguridad,", "ru": "Совет Безопасности,", "ar": "إن مجلس الأمن،"}


def chapeau(document: Document) -> str:
    """The chapeau a document opens with: as it prints it, else the one of its language: the
    Security Council's for an S/ symbol, the General Assembly's otherwise.

    >>> from resdiff.model import Document
    >>> chapeau(Document("S/RES/338 (1973)", None, "fr", ())), chapeau(Document("A/RES/80/1", None, "zh", ()))
    ('Le Conseil de sécurité,', '大会，')
    """
    if document.chapeau:
        return document.chapeau
    table = _COUNCIL_CHAPEAUS if (document.symbol or "").startswith("S/") else _CHAPEAUS
    return table.get(document.language, table["en"])


def paragraph_lines(paragraph: Paragraph) -> list[str]:
    """A paragraph as printed, one line per Word paragraph: "3. text", then "(a) text"...

    >>> from resdiff.model import Item
    >>> paragraph_lines(Paragraph("OP3", ParagraphKind.OPERATIVE, 3, "Decides:", (Item("a", "x;"),)))
    ['3. Decides:', '(a) x;']
    """
    lines = paragraph.body.split("\n")
    return [_prefix(paragraph) + lines[0]] + lines[1:]


def _prefix(paragraph: Paragraph) -> str:
    """The printed number of a paragraph: "3. ", or "3 - " in text written right to left, as the
    United Nations numbers its Arabic texts.

    >>> _prefix(Paragraph("OP3", ParagraphKind.OPERATIVE, 3, "يقرر")), _prefix(Paragraph("OP3", ParagraphKind.OPERATIVE, 3, "Decides"))
    ('3 - ', '3. ')
    >>> _prefix(Paragraph("OP2bis", ParagraphKind.OPERATIVE, None, "Decides")), _prefix(Paragraph("OP2ter", ParagraphKind.OPERATIVE, None, "决定"))
    ('2 bis. ', '2 之三. ')
    >>> _prefix(Paragraph("OP2alt", ParagraphKind.OPERATIVE, None, "决定")), _prefix(Paragraph("PP2alt", ParagraphKind.PREAMBULAR, None, "Noting"))
    ('2 alt. ', 'PP2 alt: ')
    >>> _prefix(Paragraph("PP2alt", ParagraphKind.PREAMBULAR, None, "[PP2 alt] Noting")), _prefix(Paragraph("OP2alt", ParagraphKind.OPERATIVE, None, "[2 alt.] Decides"))
    ('', '')
    >>> _prefix(Paragraph("Annex 2bis", ParagraphKind.ANNEX, None, "States")), _prefix(Paragraph("Annex ¶1", ParagraphKind.ANNEX, None, "x"))
    ('2 bis. ', '')
    """
    if paragraph.kind in (ParagraphKind.OPERATIVE, ParagraphKind.ANNEX) and paragraph.number is not None:
        return f"{paragraph.number} - " if direction(paragraph.text or paragraph.body) == "rtl" else f"{paragraph.number}. "
    if _bracketed_label(paragraph):
        return ""  # a label in brackets alone ("[PP2 alt] Noting …"): its text prints it, brackets and all
    alternative = _PP_ALTERNATIVE.match(paragraph.id) if paragraph.kind is ParagraphKind.PREAMBULAR else None
    if alternative:
        return f"PP{alternative.group(1)} {alternative.group(2)}: "  # offered instead of PP2: "PP2 alt: "
    inserted = (INSERTED_ID.match(paragraph.id) if paragraph.kind is ParagraphKind.OPERATIVE
                else _ANNEX_INSERTED.search(paragraph.id) if paragraph.kind is ParagraphKind.ANNEX else None)
    if inserted:
        # "OP2bis", a paragraph a draft inserts after OP2: "2 bis. ", or "2 之二. " in Chinese
        number, ordinal = inserted.groups()
        if ordinal.startswith("alt"):
            return f"{number} {ordinal}. "  # "OP2alt", an alternative to OP2: "2 alt. " in every language
        if has_cjk((paragraph.text or paragraph.body)[:1]):
            return f"{number} 之{_CJK_ORDINALS[ordinal]}. "
        return f"{number} {ordinal}. "
    return ""


# The id of a preambular paragraph a draft offers instead of another ("[PP2 alt]" read as PP2alt).
def _bracketed_label(paragraph: Paragraph) -> bool:
    """Whether an alternative's text opens with its label in square brackets alone, as the
    parser keeps it ("[PP2 alt] Noting …", "[2 alt.] Decides …")."""
    if not paragraph.id.rpartition(".")[2].startswith(("PP", "OP", "Annex")) or "alt" not in paragraph.id \
            or not paragraph.text.startswith(("[", "［")):
        return False
    from ..parse.classification import bracketed_label
    from ..parse.patterns import bis_number, preambular_alternative

    found = preambular_alternative(paragraph.text) if paragraph.kind is ParagraphKind.PREAMBULAR else \
        bis_number(paragraph.text)
    return found is not None and bracketed_label(found[0]) != ""


_PP_ALTERNATIVE = re.compile(r"^(?:[^.\s]+\.)*PP(\d+)(alt\d?)$")
# An annex paragraph inserted after another ("Annex 2bis", "Annex I 2ter"), as INSERTED_ID in the body.
_ANNEX_INSERTED = re.compile(r" (\d+)(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|alt\d?)$")
# The Chinese ordinal of each Latin one of an inserted paragraph's id (model.INSERTED_ID).
_CJK_ORDINALS = {"bis": "二", "ter": "三", "quater": "四", "quinquies": "五", "sexies": "六", "septies": "七",
                 "octies": "八", "novies": "九", "decies": "十"}


def line_marks(paragraph: Paragraph) -> list[tuple[str, ...]]:
    """The footnote marks each printed line of a paragraph ends with."""
    marks = [item.footnotes for item in paragraph.items]
    if paragraph.kind is ParagraphKind.HEADING and "\n" in paragraph.text:
        return [()] * paragraph.text.count("\n") + [paragraph.footnotes]  # a part's label, then its title
    if paragraph.text or not paragraph.items:
        return [paragraph.footnotes] + marks
    return [paragraph.footnotes + marks[0]] + marks[1:]


def placed_marks(paragraph: Paragraph, body: str, placed: bool = True) -> list[list[tuple[int, tuple[str, ...]]]]:
    """For each line of ``body`` (the paragraph's, one line a sub-paragraph), the footnote marks
    set in it: (offset in the line, marks there), in order, the line's end last, with the marks
    there (none, most often). A mark stands where the text has it; where its place is not known,
    at the end of its line (``line_marks``), as every mark is without ``placed`` (a paragraph whose
    counterpart's places are not known: both written alike).

    >>> from resdiff.model import ParagraphKind
    >>> placed_marks(Paragraph("PP1", ParagraphKind.PREAMBULAR, None, "Recalling A, B and C,", (), ("1", "2"), (12, 21)),
    ...              "Recalling A, B and C,")
    [[(12, ('1',)), (21, ('2',))]]
    """
    lines = body.split("\n")
    if not placed or not paragraph.marks_placed or body != paragraph.body:
        ends = line_marks(paragraph) + [()] * len(lines)
        return [[(len(line), ends[n])] for n, line in enumerate(lines)]
    found: list[dict[int, tuple[str, ...]]] = [{} for _ in lines]
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    for mark, place in zip(paragraph.all_footnotes(), paragraph.mark_places(), strict=True):
        n = max(k for k, start in enumerate(starts) if start <= place)
        offset = min(place - starts[n], len(lines[n]))
        found[n][offset] = found[n].get(offset, ()) + (mark,)
    out = []
    for n, line in enumerate(lines):
        places = found[n]
        places.setdefault(len(line), ())
        out.append(sorted(places.items()))
    return out


def _item_lines(paragraphs: list[Paragraph], bodies: list[str]) -> dict[str, tuple[int, str]]:
    """Where each sub-paragraph's line starts in the paragraphs' bodies joined by newlines, and
    the line, by sub-paragraph id ("OP5(b)")."""
    found: dict[str, tuple[int, str]] = {}
    at = 0
    for paragraph, body in zip(paragraphs, bodies):
        lines = body.split("\n")
        first = 1 if paragraph.text or not paragraph.items else 0
        for k, line in enumerate(lines):
            if first <= k < first + len(paragraph.items):
                found[item_id(paragraph.id, paragraph.items[k - first])] = (at, line)
            at += len(line) + 1
    return found


def _moved_line(name: str, old_line: str, new_line: str, source: bool) -> list:
    """A sub-paragraph's line moved within its list, as a Word move: where it stood (``source``)
    what it keeps is moved away and what it loses deleted; where it stands, what it keeps is
    moved in and what it gains inserted (its new letter: "(a)" → "(b)")."""
    kind = "moveFrom" if source else "moveTo"
    out: list = [_Range(kind, True, name)]
    for span in ((Span(Op.EQUAL, old_line),) if old_line == new_line else diff_texts(old_line, new_line)):
        if span.op is Op.EQUAL:
            out.append(_Text(Op.EQUAL, "from" if source else "to", span.text))
        elif (span.op is Op.DELETE) == source:
            out.append(_Text(span.op, "", span.text))
    out.append(_Range(kind, False, name))
    return out


# --- what goes where -----------------------------------------------------------------------------
#
# The output is a flat list of segments per slot (one slot per paragraph or group of paragraphs):
# text (a newline in it is a paragraph mark of the same revision), footnote references, and
# the ends of move ranges. A segment's ``ctx`` says where it sits: "" in place, "from" in the
# old copy of a moved paragraph, "to" in its new copy.


@dataclass(slots=True)
class _Text:
    op: Op
    ctx: str
    text: str


@dataclass(slots=True)
class _Ref:
    op: Op
    ctx: str
    note: int  # index into comparison.footnotes
    mark: str  # the mark as printed on its side
    real: bool = True
    target: int = 0  # footnote id (real) or bookmark number (a NOTEREF)
    # the marks Word shows for a real reference (old, new; None on a side where it is not) when
    # its own numbering would show others (a footnote before it cited by no paragraph): written
    # out after the reference, as Word writes a custom mark
    custom: tuple[str | None, str | None] | None = None


@dataclass(slots=True)
class _Range:
    kind: str  # "moveFrom" or "moveTo"
    start: bool
    name: str
    rid: int = 0


@dataclass(slots=True)
class _Slot:
    segments: list
    final: tuple[Op, str] = (Op.EQUAL, "")


@dataclass
class _Notes:
    """Footnote marks of each side mapped to the comparison's footnote changes."""

    old: dict[str, int] = field(default_factory=dict)
    new: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, comparison: Comparison) -> _Notes:
        notes = cls()
        for index, change in enumerate(comparison.footnotes):
            if change.old is not None:
                notes.old.setdefault(change.old, index)
            if change.new is not None:
                notes.new.setdefault(change.new, index)
        return notes


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (the first found)."""
    import bisect

    tails: list[int] = []
    tail_at: list[int] = []
    parent = [-1] * len(values)
    for position, value in enumerate(values):
        k = bisect.bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(position)
        else:
            tails[k] = value
            tail_at[k] = position
        parent[position] = tail_at[k - 1] if k else -1
    chosen = set()
    position = tail_at[-1] if tail_at else -1
    while position >= 0:
        chosen.add(position)
        position = parent[position]
    return chosen


class _Planner:
    def __init__(self, comparison: Comparison) -> None:
        self.c = comparison
        self.notes = _Notes.of(comparison)
        self.old_body = {p.id: p.body for p in comparison.old.paragraphs}
        self.moves = 0
        self.sources: dict[str, list] = {}  # a moved paragraph's segments where it stood

    # slots ------------------------------------------------------------------------------------

    def slots(self) -> list[_Slot]:
        old, new = self.c.old, self.c.new
        oi = {p.id: i for i, p in enumerate(old.paragraphs)}
        ni = {p.id: j for j, p in enumerate(new.paragraphs)}
        groups: list[Change] = []
        apart: list[Change] = []
        for change in self.c.changes:
            if not (change.old and change.new):
                continue
            js = [ni[p] for p in change.new]
            # New pieces that are not side by side cannot be one stretch of the new text.
            (groups if js == list(range(js[0], js[0] + len(js))) else apart).append(change)
        groups.sort(key=lambda change: ni[change.new[0]])
        # The old paragraphs that stay in place: the most that read in the same order on both
        # sides, of groups the alignment did not call moved, one stretch per group.
        candidates = [(oi[p], change) for change in groups if not change.moved for p in change.old]
        chosen = _longest_increasing([i for i, _ in candidates])
        picked: dict[int, list[int]] = {}
        for position in sorted(chosen):
            i, change = candidates[position]
            picked.setdefault(id(change), []).append(i)
        in_place: set[int] = set()
        for indices in picked.values():
            runs: list[list[int]] = []
            for i in indices:
                if runs and i == runs[-1][-1] + 1:
                    runs[-1].append(i)
                else:
                    runs.append([i])
            longest: list[int] = max(runs, key=len)
            in_place.update(longest)
        move_name: dict[str, str] = {}
        for change in groups:
            for pid in change.old:
                if oi[pid] not in in_place:
                    self.moves += 1
                    move_name[pid] = f"move{self.moves}"
        # What stands only in the old text, by the in-place paragraph it follows.
        anchors = sorted(in_place)

        def gap(i: int) -> int:
            before = [a for a in anchors if a < i]
            return before[-1] if before else -1

        rendered = {id(change): self._group(change, move_name) for change in groups}
        old_only: dict[int, list[_Slot]] = {}
        for i, paragraph in enumerate(old.paragraphs):
            if i in in_place:
                continue
            if paragraph.id in move_name:
                slot = self._moved_from(paragraph, move_name[paragraph.id])
            else:
                slot = self._whole(paragraph, Op.DELETE, self.old_body[paragraph.id])
            old_only.setdefault(gap(i), []).append(slot)
        first_of = {ni[change.new[0]]: change for change in groups}
        grouped_new = {pid for change in groups for pid in change.new}
        slots = list(old_only.get(-1, []))
        for j, paragraph in enumerate(new.paragraphs):
            first = first_of.get(j)
            if first is not None:
                slots.append(rendered[id(first)])
                kept = [oi[p] for p in first.old if oi[p] in in_place]
                if kept:
                    slots.extend(old_only.get(max(kept), []))
            elif paragraph.id not in grouped_new:
                slots.append(self._whole(paragraph, Op.INSERT, paragraph.body))
        return slots

    # one slot ---------------------------------------------------------------------------------

    def _refs(self, marks: tuple[str, ...], op: Op, ctx: str, side: str) -> list[_Ref]:
        table = self.notes.old if side == "old" else self.notes.new
        return [_Ref(op, ctx, table[m], m) for m in marks if m in table]

    def _whole(self, paragraph: Paragraph, op: Op, body: str) -> _Slot:
        side = "old" if op is Op.DELETE else "new"
        segments: list = []
        lines = body.split("\n")
        for n, (line, places) in enumerate(zip(lines, placed_marks(paragraph, body))):
            done = 0
            for place, marks in places:
                text = ((_prefix(paragraph) if n == 0 else "\n") if done == 0 else "") + line[done:place]
                if text:
                    segments.append(_Text(op, "", text))
                segments.extend(self._refs(marks, op, "", side))
                done = place
        return _Slot(segments, (op, ""))

    def _moved_from(self, paragraph: Paragraph, name: str) -> _Slot:
        """A moved paragraph where it stood: what it keeps as moved away, what it loses deleted
        (the segments its group collected, see ``_group``)."""
        segments = list(self.sources.get(paragraph.id, []))
        final = (Op.EQUAL, "from")
        if segments and isinstance(segments[-1], _Text) and segments[-1].text == "\n":
            last = segments.pop()
            final = (last.op, last.ctx)
        return _Slot([_Range("moveFrom", True, name)] + segments + [_Range("moveFrom", False, name)], final)

    def _group(self, change, move_name: dict[str, str]) -> _Slot:
        """A matched group written from its spans, numbers and footnote references put in."""
        olds = [self.c.old.paragraph(p) for p in change.old]
        news = [self.c.new.paragraph(p) for p in change.new]
        spans = change.inline
        placed = all(p.marks_placed for p in olds + news)

        def events(paragraphs: list[Paragraph], bodies: list[str]):
            # (position, kind, paragraph index, payload): "start" with the number, "end" of a
            # line with its footnote marks.
            found: list[tuple[int, int, int, Any]] = []  # the payload: a str, or a tuple of marks
            at = 0
            for k, (paragraph, body) in enumerate(zip(paragraphs, bodies)):
                found.append((at, 0, k, _prefix(paragraph)))
                for line, places in zip(body.split("\n"), placed_marks(paragraph, body, placed)):
                    # the marks inside the line where they stand, then its end with the marks there
                    found.extend((at + place, 1, k, marks) for place, marks in places[:-1] if place > 0)
                    at += len(line)
                    found.append((at, 1, k, sum((marks for place, marks in places[:-1] if place == 0), ())
                                  + places[-1][1]))
                    at += 1
            return found

        old_events = events(olds, [self.old_body[p.id] for p in olds])
        new_events = events(news, [p.body for p in news])
        old_starts = [e[0] for e in old_events if e[1] == 0]

        def owner(position: int) -> int:
            k = 0
            for n, start in enumerate(old_starts):
                if start <= position:
                    k = n
            return k

        ctx_of = ["to" if p.id in move_name else "" for p in olds]
        old_cuts = sorted({e[0] for e in old_events} | {e[0] + 1 for e in old_events if e[1] == 1})
        new_cuts = sorted({e[0] for e in new_events} | {e[0] + 1 for e in new_events if e[1] == 1})

        # Spans cut at every event position of the side(s) they belong to.
        pieces: list[Span] = []
        po = pn = 0
        for span in spans:
            text = span.text
            while text:
                limit = len(text)
                if span.op is not Op.INSERT:
                    limit = min([c - po for c in old_cuts if c > po] + [limit])
                if span.op is not Op.DELETE:
                    limit = min([c - pn for c in new_cuts if c > pn] + [limit])
                part, text = text[:limit], text[limit:]
                pieces.append(Span(span.op, part))
                if span.op is not Op.INSERT:
                    po += len(part)
                if span.op is not Op.DELETE:
                    pn += len(part)

        # Sub-paragraphs moved within their list ((a) and (b) swapped): each a Word move of its
        # line, by the line's start on each side (not inside a paragraph moved whole).
        moved_old: dict[int, tuple[str, str, str]] = {}
        moved_new: dict[int, tuple[str, str, str]] = {}
        if not any(p.id in move_name for p in olds):
            old_lines = _item_lines(olds, [self.old_body[p.id] for p in olds])
            new_lines = _item_lines(news, [p.body for p in news])
            for item in change.items:
                if item.moved and item.old in old_lines and item.new in new_lines:
                    self.moves += 1
                    name = f"move{self.moves}"
                    (start_old, line_old), (start_new, line_new) = old_lines[item.old], new_lines[item.new]
                    moved_old[start_old] = (name, line_old, line_new)
                    moved_new[start_new] = (name, line_old, line_new)

        segments: list = []
        owners: list[int | None] = []  # the old paragraph each segment belongs to (moves)
        fired_old: set[int] = set()
        fired_new: set[int] = set()

        def pending(evs, fired, position):
            return [n for n, e in enumerate(evs) if e[0] == position and n not in fired]

        def emit(item, who):
            if who is not None and ctx_of[who] == "to":
                # A moved paragraph: what it keeps is moved (moveFrom there, moveTo here); what
                # it loses is deleted where it stood, so that rejecting the move restores it once.
                kept = item.op is Op.EQUAL
                if isinstance(item, _Text):
                    source = _Text(item.op, "from" if kept else "", item.text)
                else:
                    source = _Ref(item.op, "from" if kept else "", item.note, item.mark)
                self.sources.setdefault(olds[who].id, []).append(source)
                if not kept:
                    return
            segments.append(item)
            owners.append(who)

        def fire(o: list[int], n: list[int]) -> None:
            for kind in (1, 0):  # line ends before starts
                oe = [old_events[k] for k in o if old_events[k][1] == kind]
                ne = [new_events[k] for k in n if new_events[k][1] == kind]
                fired_old.update(k for k in o if old_events[k][1] == kind)
                fired_new.update(k for k in n if new_events[k][1] == kind)
                for pair in range(max(len(oe), len(ne))):
                    a = oe[pair] if pair < len(oe) else None
                    b = ne[pair] if pair < len(ne) else None
                    who = a[2] if a else None
                    ctx = ctx_of[a[2]] if a else ""
                    if kind == 0:
                        before, after = (a[3] if a else ""), (b[3] if b else "")
                        if a and b and before == after:
                            if before:
                                emit(_Text(Op.EQUAL, ctx, before), who)
                        else:
                            if before:
                                emit(_Text(Op.DELETE, ctx, before), who)
                            if after:
                                emit(_Text(Op.INSERT, "", after), None)
                        continue
                    olds_ = self._refs(a[3], Op.DELETE, ctx, "old") if a else []
                    news_ = self._refs(b[3], Op.INSERT, "", "new") if b else []
                    matcher = difflib.SequenceMatcher(a=[r.note for r in olds_], b=[r.note for r in news_],
                                                      autojunk=False)
                    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                        if tag == "equal":
                            for ref in news_[j1:j2]:
                                emit(_Ref(Op.EQUAL, ctx, ref.note, ref.mark), who)
                            continue
                        for ref in olds_[i1:i2]:
                            emit(ref, who)
                        for ref in news_[j1:j2]:
                            emit(ref, None)

        po = pn = 0
        for piece in pieces:
            o, n = pending(old_events, fired_old, po), pending(new_events, fired_new, pn)
            if o and n:
                fire(o, n)
            elif o and piece.op is not Op.INSERT:
                fire(o, [])
            elif n and piece.op is not Op.DELETE:
                fire([], n)
            move = moved_new.get(pn) if piece.op is Op.INSERT else moved_old.get(po) if piece.op is Op.DELETE else None
            if move and piece.text == move[1 if piece.op is Op.DELETE else 2]:
                who = None if piece.op is Op.INSERT else owner(po)
                for segment in _moved_line(*move, piece.op is Op.DELETE):
                    segments.append(segment)
                    owners.append(who)
            elif piece.op is Op.INSERT:
                emit(_Text(Op.INSERT, "", piece.text), None)
            else:
                who = owner(po)
                emit(_Text(piece.op, ctx_of[who], piece.text), who)
            if piece.op is not Op.INSERT:
                po += len(piece.text)
            if piece.op is not Op.DELETE:
                pn += len(piece.text)
        fire(pending(old_events, fired_old, po), pending(new_events, fired_new, pn))

        # Each moved paragraph's new copy is one move range, named as its old copy's.
        for k, paragraph in enumerate(olds):
            if paragraph.id not in move_name:
                continue
            mine = [n for n, who in enumerate(owners) if who == k]
            if not mine:
                continue
            first, last = mine[0], mine[-1]
            segments.insert(last + 1, _Range("moveTo", False, move_name[paragraph.id]))
            owners.insert(last + 1, k)
            segments.insert(first, _Range("moveTo", True, move_name[paragraph.id]))
            owners.insert(first, k)
        return _Slot(segments, (Op.EQUAL, ctx_of[-1]))


# --- paragraph marks beside footnote references -------------------------------------------------
#
# LibreOffice (7.4 and before) reads a footnote's text where its reference stands, and the
# footnote's own paragraph end takes the revision of the citing paragraph's mark: an inserted or
# deleted paragraph mark in a paragraph that holds a footnote reference is lost on opening, so
# accepting or rejecting everything there joins or leaves apart the wrong paragraphs. Word reads
# such a mark as written. So a paragraph with a reference ends with a mark both versions keep:
# where a paragraph that cites a footnote is merged, split, added or removed, the stretch between
# two kept marks is written again as one word-level revision of its old lines into its new ones,
# lines that cite footnotes ending on kept marks.


def _plain(mark: tuple[Op, str] | None) -> bool:
    return mark is None or mark == (Op.EQUAL, "")


def _as_lines(segments: list) -> list[tuple[list, tuple[Op, str] | None]]:
    """Word paragraphs: their segments and mark (None: the document's last, always kept)."""
    lines: list[tuple[list, tuple[Op, str] | None]] = []
    items: list = []
    for segment in segments:
        if isinstance(segment, _Text) and "\n" in segment.text:
            for n, piece in enumerate(segment.text.split("\n")):
                if n:
                    lines.append((items, (segment.op, segment.ctx)))
                    items = []
                if piece:
                    items.append(_Text(segment.op, segment.ctx, piece))
        else:
            items.append(segment)
    lines.append((items, None))
    return lines


def _side(lines: list, side: Op) -> list[tuple[str, list[_Ref]]] | None:
    """The lines one side reads in a stretch (``side`` the op it never sees): text and the
    references ending each line; None when a reference stands before text."""
    out: list[tuple[str, list[_Ref]]] = []
    text, refs = "", []
    for items, mark in lines:
        for item in items:
            if item.op is side:
                continue
            if isinstance(item, _Ref):
                refs.append(item)
            elif refs:
                return None
            else:
                text += item.text
        if mark is None or mark[0] is not side:
            out.append((text, refs))
            text, refs = "", []
    return out


def _pairs(old: list, new: list) -> list[tuple[int, int]] | None:
    """Old and new lines whose marks are kept, in order: every line citing a footnote among
    them, and the two last; None when there are not lines enough."""
    pairs: list[tuple[int, int]] = []
    ro = [i for i in range(len(old) - 1) if old[i][1]]
    rn = [j for j in range(len(new) - 1) if new[j][1]]
    i = j = 0
    while ro or rn:
        x = ro[0] if ro else i
        y = rn[0] if rn else j
        if ro and rn:
            ro.pop(0)
            rn.pop(0)
        elif ro:
            ro.pop(0)
        else:
            rn.pop(0)
        if x < i or y < j or x >= len(old) - 1 or y >= len(new) - 1:
            return None
        pairs.append((x, y))
        i, j = x + 1, y + 1
    pairs.append((len(old) - 1, len(new) - 1))
    return pairs


def _rewritten(old: list, new: list, pairs: list[tuple[int, int]], last: bool) -> list:
    from ..inline import diff_texts

    segments: list = []
    i = j = 0
    for x, y in pairs:
        spans = diff_texts("\n".join(t for t, _ in old[i:x + 1]), "\n".join(t for t, _ in new[j:y + 1]))
        segments.extend(_Text(span.op, "", span.text) for span in spans)
        olds, news = old[x][1], new[y][1]
        matcher = difflib.SequenceMatcher(a=[r.note for r in olds], b=[r.note for r in news], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                segments.extend(_Ref(Op.EQUAL, "", r.note, r.mark) for r in news[j1:j2])
                continue
            segments.extend(_Ref(Op.DELETE, "", r.note, r.mark) for r in olds[i1:i2])
            segments.extend(_Ref(Op.INSERT, "", r.note, r.mark) for r in news[j1:j2])
        if not (last and (x, y) == pairs[-1]):
            segments.append(_Text(Op.EQUAL, "", "\n"))
        i, j = x + 1, y + 1
    return segments


def _whole(line) -> bool:
    """Whether a line's mark is one version's alone and the other version reads nothing of the
    line: a paragraph added, removed or moved whole."""
    items, mark = line
    if mark is None:
        return False
    old_side, new_side = mark[0] is not Op.INSERT and mark[1] != "to", mark[0] is not Op.DELETE and mark[1] != "from"
    if old_side == new_side:
        return False
    for item in items:
        if isinstance(item, _Range):
            continue
        if isinstance(item, _Ref):
            shown = _visible(item)[0 if old_side else 1]
        elif old_side:
            shown = item.op is not Op.DELETE and item.ctx != "from"
        else:
            shown = item.op is not Op.INSERT and item.ctx != "to"
        if shown:
            return False
    return True


def _kept_marks_after_references(slots: list[_Slot]) -> tuple[list[_Slot], tuple[Op, str]]:
    """The slots as one, rewritten where a paragraph citing a footnote ends with a revised mark;
    and the mark of the opening line ("The General Assembly,") before them."""
    segments: list = []
    for n, slot in enumerate(slots):
        segments.extend(slot.segments)
        if n < len(slots) - 1:
            segments.append(_Text(slot.final[0], slot.final[1], "\n"))

    def wrong(line) -> bool:
        items, mark = line
        return not _plain(mark) and any(isinstance(item, _Ref) for item in items)

    # The opening line heads the lines, citing nothing, its mark kept (unless it takes over the
    # mark of the paragraph after it, below).
    lines: list[tuple[list, tuple[Op, str] | None]] = [([], (Op.EQUAL, ""))] + _as_lines(segments)

    def result(out: list[_Slot]) -> tuple[list[_Slot], tuple[Op, str]]:
        head = lines[0][1]
        assert head is not None
        return out, head

    def cites(line) -> bool:
        return any(isinstance(item, _Ref) for item in line[0])

    def side(items: list) -> tuple[Op, str] | None:
        """The mark of the one version that reads anything of these segments, if only one does."""
        for revised in ((Op.DELETE, ""), (Op.INSERT, "")):
            if items and _whole((items, revised)):
                return revised
        return None

    def hand_over(k: int, revised: tuple[Op, str]) -> bool:
        """Give the kept mark before line k, past whole lines of the same version citing
        nothing, the mark ``revised``; True if there was such a mark to give."""
        j = k - 1
        while j > 0 and lines[j][1] is not None and side(lines[j][0]) == revised and not cites(lines[j]) \
                and _whole(lines[j]):
            j -= 1
        kept = lines[j][1]
        if kept is None or not _plain(kept) or cites(lines[j]):
            return False
        lines[j] = (lines[j][0], revised)
        return True

    # The document's last paragraph mark stays whatever is accepted or rejected: where the last
    # paragraphs are one version's alone, the paragraph before them ends with that version's
    # mark instead, so that neither version ends with an empty paragraph.
    last = side(lines[-1][0]) if len(lines) > 1 else None
    if last is not None and hand_over(len(lines) - 1, last):
        slots = [_Slot(_joined(lines[1:]))]
    if not any(wrong(line) for line in lines):
        return result(slots)
    # A paragraph added, removed or moved whole ends with a mark its version alone has; that
    # mark can as well end the paragraph before it (or before the run of whole paragraphs of
    # that version it ends), one that cites nothing, the kept mark ending this one: the same
    # texts either way, and moves stay moves. Where there is no such paragraph, it is left as it
    # is: LibreOffice then shows an empty paragraph where the whole paragraph was, its text exact.
    # A moved paragraph's mark left so is written as its version's deleted or inserted mark, not
    # a move: LibreOffice 7.4 keeps a move's mark after a cross-reference to a footnote cited
    # again (a NOTEREF field), and honours a deleted or inserted one; the texts are the same.
    for k in range(1, len(lines)):
        items, mark = lines[k]
        if wrong(lines[k]) and _whole(lines[k]):
            assert mark is not None
            old_only = mark[0] is not Op.INSERT and mark[1] != "to"
            revised = (Op.DELETE if old_only else Op.INSERT, "")
            if hand_over(k, revised):
                lines[k] = (items, (Op.EQUAL, ""))
            elif mark[1]:
                lines[k] = (items, revised)

    def garbled(line) -> bool:
        return wrong(line) and not _whole(line)

    # A move with a copy (moved from or to) in a stretch to write again is written as a
    # deletion there and an insertion here instead.
    segments = _joined(lines[1:])
    unmove: set[str] = set()
    while True:
        body = _as_lines(_unmoved(segments, unmove) if unmove else segments)
        out, more = _rewrite_stretches(body, garbled)
        if not more - unmove:
            return result([_Slot(out)])
        unmove |= more


def _move_marks_after_revisions(slots: list[_Slot]) -> list[_Slot]:
    """The slots with the mark of each moved paragraph whose last run is no part of the move (a
    word lost or gained on the way, a reference deleted or inserted) written as its version's
    deleted or inserted mark. LibreOffice 7.4 keeps a move's mark there (accepting all left an
    empty paragraph where the paragraph was moved from, rejecting all where it was moved to) and
    honours a deleted or inserted one; the texts are the same either way, the move stays a move,
    and Word shows that one mark as deleted or inserted rather than moved."""
    segments: list = []
    for n, slot in enumerate(slots):
        segments.extend(slot.segments)
        if n < len(slots) - 1:
            segments.append(_Text(slot.final[0], slot.final[1], "\n"))
    lines = _as_lines(segments)
    changed = False
    for k, (items, mark) in enumerate(lines):
        # The marks written as moves (see _Writer.mark): moved from, or moved to and kept.
        if mark is None or not (mark[1] == "from" and mark[0] is not Op.INSERT or mark == (Op.EQUAL, "to")):
            continue
        runs = [item for item in items if not isinstance(item, _Range)]
        if runs and runs[-1].ctx == mark[1]:
            continue
        lines[k] = (items, (Op.DELETE if mark[1] == "from" else Op.INSERT, ""))
        changed = True
    return [_Slot(_joined(lines))] if changed else slots


def _rewrite_stretches(lines: list, garbled) -> tuple[list, set[str]]:
    """The segments with each stretch holding a garbled line written again; the names of the
    moves that stand in the way, if any. A stretch ends with a kept mark; one that cannot be
    written with kept marks where its lines cite footnotes takes in the stretches after it, and
    at the document's end those before it."""
    stretches: list[list] = []
    current: list = []
    for line in lines:
        current.append(line)
        if _plain(line[1]):
            stretches.append(current)
            current = []
    if current:
        stretches.append(current)
    done: list[tuple[int, list]] = []  # (first stretch, segments) of each group written
    blocking: set[str] = set()
    i = 0
    while i < len(stretches):
        if not any(garbled(line) for line in stretches[i]):
            done.append((i, _joined(stretches[i])))
            i += 1
            continue
        first, last = i, i
        while True:
            union = [line for stretch in stretches[first:last + 1] for line in stretch]
            names = {item.name for items, _ in union for item in items if isinstance(item, _Range)}
            moved = bool(names) or any(item.ctx for items, _ in union for item in items) or any(
                mark is not None and mark[1] for _, mark in union)
            old = new = pairs = None
            if not moved:
                old, new = _side(union, Op.INSERT), _side(union, Op.DELETE)
            if old is not None and new is not None:
                pairs = _pairs(old, new)
            if pairs is not None:
                assert old is not None and new is not None
                done.append((first, _rewritten(old, new, pairs, union[-1][1] is None)))
                break
            if moved or old is None or new is None:
                blocking |= names
                done.append((first, _joined(union)))  # left as it is
                break
            if last + 1 < len(stretches):
                last += 1
            elif done:
                first = done.pop()[0]
            else:
                done.append((first, _joined(union)))  # left as it is
                break
        i = last + 1
    return [segment for _, segments in done for segment in segments], blocking


def _unmoved(segments: list, names: set[str]) -> list:
    """The segments with the moves of these names written as deletions and insertions."""
    out: list = []
    open_: list[_Range] = []
    closed: dict[str, str] = {}
    for segment in segments:
        if isinstance(segment, _Range):
            if segment.start:
                open_.append(segment)
            else:
                open_ = [r for r in open_ if (r.kind, r.name) != (segment.kind, segment.name)]
                closed[segment.kind] = segment.name
            if segment.name not in names:
                out.append(segment)
            continue
        if not segment.ctx:
            out.append(segment)
            continue
        kind = "moveFrom" if segment.ctx == "from" else "moveTo"
        inside = [r.name for r in open_ if r.kind == kind]
        owner = inside[-1] if inside else closed.get(kind)
        if owner not in names:
            out.append(segment)
        elif segment.ctx == "from":
            out.append(replace(segment, op=Op.DELETE, ctx=""))
        elif segment.op is not Op.DELETE:  # a deletion inside a moved copy is in neither text
            out.append(replace(segment, op=Op.INSERT, ctx=""))
    return out


def _joined(lines: list) -> list:
    out: list = []
    for items, mark in lines:
        out.extend(items)
        if mark is not None:
            out.append(_Text(mark[0], mark[1], "\n"))
    return out


# --- WordprocessingML ------------------------------------------------------------------------------


# The language tag Word proofs a text's Latin or Cyrillic letters in, by the text's language: the
# United Nations spell English the British way; Chinese and Arabic texts' own letters have their
# own tags (w:eastAsia, w:bidi), and the Latin letters in them (symbols, names) are English.
_PROOFING = {"fr": "fr-FR", "es": "es-ES", "ru": "ru-RU"}


class _Writer:
    """Writes WordprocessingML. A line whose letters run right to left is a right-to-left
    paragraph (``w:bidi``); in any line, the runs written right to left carry ``w:rtl`` and
    ``w:cs`` (complex-script formatting: the Arabic font for their digits and punctuation too),
    the others not, so that a symbol such as "S/RES/242 (1967)" in Arabic text stays whole."""

    def __init__(self, author: str, date: str, chinese: bool, arabic: bool = False, base: str = "ltr",
                 latin: str = "en-GB") -> None:
        self.author = escape(author, {'"': "&quot;"})
        self.date = date
        self.next_id = 1
        # The language Word proofs the text in: that of the text's own script (w:val for Latin and
        # Cyrillic letters, w:eastAsia for Chinese, w:bidi for Arabic).
        lang = (f'<w:lang w:val="{latin}"' + (' w:eastAsia="zh-CN"' if chinese else "")
                + (' w:bidi="ar-SA"' if arabic else "") + "/>")
        fonts = ('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
                 f'w:eastAsia="SimSun" w:cs="{ARABIC_FONT if arabic else "Times New Roman"}"/>')
        self.run_props = fonts + lang
        self.rtl_props = fonts + "<w:rtl/><w:cs/>" + lang
        # The direction of a line without letters ("2010"): the document's.
        self.base = base
        self.range_ids: dict[tuple[str, str], int] = {}
        # Revisions of one paragraph and of the next are dated two minutes apart: LibreOffice
        # fuses revisions of one author and minute that meet at a paragraph end, and would then
        # accept or reject the paragraph break with them.
        self.dates = (date, _later(date, minutes=2))
        self.parity = 0

    def new_id(self) -> int:
        rid = self.next_id
        self.next_id += 1
        return rid

    def revision(self) -> str:
        return f'w:id="{self.new_id()}" w:author="{self.author}" w:date="{self.dates[self.parity]}"'

    def _wrap(self, run: str, deleted_run: str, op: Op, ctx: str) -> str:
        """A run inside the revisions its op and place call for."""
        if op is Op.INSERT:
            return f"<w:ins {self.revision()}>{run}</w:ins>"
        if ctx == "from":
            return f"<w:moveFrom {self.revision()}>{run}</w:moveFrom>"
        if ctx == "to":
            if op is Op.DELETE:
                return (f"<w:moveTo {self.revision()}><w:del {self.revision()}>{deleted_run}"
                        "</w:del></w:moveTo>")
            return f"<w:moveTo {self.revision()}>{run}</w:moveTo>"
        if op is Op.DELETE:
            return f"<w:del {self.revision()}>{deleted_run}</w:del>"
        return run

    def run(self, text: str, op: Op, ctx: str = "", bold: bool = False, extra: str = "", rtl: bool = False) -> str:
        text = _CONTROL.sub("", text)
        if not text:
            return ""
        weight = ("<w:b/><w:bCs/>" if rtl else "<w:b/>") if bold else ""
        props = f"<w:rPr>{weight}{extra}{self.rtl_props if rtl else self.run_props}</w:rPr>"
        return self._wrap(f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>',
                          f'<w:r>{props}<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r>',
                          op, ctx)

    def mark(self, op: Op, ctx: str) -> str:
        """The revisions of a paragraph mark."""
        if op is Op.INSERT:
            return f"<w:ins {self.revision()}/>"
        if ctx == "from":
            return f"<w:moveFrom {self.revision()}/>"
        if ctx == "to":
            deleted = f"<w:del {self.revision()}/>" if op is Op.DELETE else ""
            return f"{deleted}<w:moveTo {self.revision()}/>"
        if op is Op.DELETE:
            return f"<w:del {self.revision()}/>"
        return ""

    def line(self, items: list, bold: bool = False) -> tuple[str, bool]:
        """The runs of one Word paragraph from its pieces (``(text, op, ctx)``, or XML already
        written: a reference, a range mark), and whether the paragraph runs right to left."""
        text = "".join(item[0] for item in items if isinstance(item, tuple))
        base = direction(text) or self.base
        flags = rtl_flags(text, base) if base == "rtl" or has_rtl(text) else None
        out = []
        at = 0
        for item in items:
            if isinstance(item, str):
                out.append(item)
                continue
            piece, op, ctx = item
            if flags is None:
                out.append(self.run(piece, op, ctx, bold))
            else:
                start = 0
                for end in range(1, len(piece) + 1):  # one run per stretch of one direction
                    if end == len(piece) or flags[at + end] != flags[at + start]:
                        out.append(self.run(piece[start:end], op, ctx, bold, rtl=flags[at + start]))
                        start = end
            at += len(piece)
        return "".join(out), base == "rtl"

    def paragraph(self, runs: str, mark: tuple[Op, str], style: str = "", rtl: bool = False) -> str:
        props = self.rtl_props if rtl else self.run_props
        bidi = "<w:bidi/>" if rtl else ""
        xml = f"<w:p><w:pPr>{bidi}{style}<w:rPr>{self.mark(*mark)}{props}</w:rPr></w:pPr>{runs}</w:p>"
        self.parity ^= 1
        return xml

    def reference(self, ref: _Ref) -> str:
        superscript = '<w:vertAlign w:val="superscript"/>'
        if ref.real:
            props = f"<w:rPr>{superscript}{self.run_props}</w:rPr>"
            run = f'<w:r>{props}<w:footnoteReference w:id="{ref.target}"/></w:r>'
            deleted = run
            if ref.custom is not None:
                # the mark written out in the reference's own run, as Word writes a custom mark
                # (one version's mark, or both versions' where they are the same: _footnote_plan)
                old, new = ref.custom
                mark = escape(new if new is not None else old or "")
                run = (f'<w:r>{props}<w:footnoteReference w:customMarkFollows="1" w:id="{ref.target}"/>'
                       f'<w:t xml:space="preserve">{mark}</w:t></w:r>')
                deleted = run.replace("<w:t ", "<w:delText ").replace("</w:t>", "</w:delText>")
            bookmark = self.new_id()
            return (f'<w:bookmarkStart w:id="{bookmark}" w:name="_RefFn{ref.target}"/>'
                    f"{self._wrap(run, deleted, ref.op, ref.ctx)}<w:bookmarkEnd w:id=\"{bookmark}\"/>")
        # A footnote cited again: Word's cross-reference to the first citation's number, a
        # field whose shown result is the mark.
        def field(inner: str, deleted: str) -> str:
            return self._wrap(f"<w:r>{props}{inner}</w:r>", f"<w:r>{props}{deleted}</w:r>", ref.op, ref.ctx)

        props = f"<w:rPr>{superscript}{self.run_props}</w:rPr>"
        instruction = f" NOTEREF _RefFn{ref.target} \\f \\h "
        mark = escape(_CONTROL.sub("", ref.mark))
        return (field('<w:fldChar w:fldCharType="begin"/>', '<w:fldChar w:fldCharType="begin"/>')
                + field(f'<w:instrText xml:space="preserve">{instruction}</w:instrText>',
                        f'<w:delInstrText xml:space="preserve">{instruction}</w:delInstrText>')
                + field('<w:fldChar w:fldCharType="separate"/>', '<w:fldChar w:fldCharType="separate"/>')
                + field(f'<w:t xml:space="preserve">{mark}</w:t>', f'<w:delText xml:space="preserve">{mark}</w:delText>')
                + field('<w:fldChar w:fldCharType="end"/>', '<w:fldChar w:fldCharType="end"/>'))

    def listing(self, heading: Op, lines: list[tuple[Op, list[tuple[str, Op]]]]) -> list[str]:
        """The footnotes no paragraph cites, after the text under a heading of their own (with
        a hidden bookmark by which resdiff knows them when it reads the file back)."""
        from ..parse.docx import UNCITED_BOOKMARK

        bookmark = self.new_id()
        title = _("Footnotes that no paragraph cites (numbered as in the text, which has no mark for them)")
        runs, rtl = self.line([(title, heading, "")], bold=True)
        runs = (f'<w:bookmarkStart w:id="{bookmark}" w:name="{UNCITED_BOOKMARK}"/>{runs}'
                f'<w:bookmarkEnd w:id="{bookmark}"/>')
        out = [self.paragraph(runs, (heading, "") if lines else (Op.EQUAL, ""),
                              '<w:spacing w:before="240" w:after="120"/>', rtl)]
        for n, (mark, pieces) in enumerate(lines):
            runs, rtl = self.line([(text, op, "") for text, op in pieces])
            out.append(self.paragraph(runs, (Op.EQUAL, "") if n == len(lines) - 1 else (mark, ""),
                                      '<w:spacing w:after="60"/><w:jc w:val="both"/>', rtl))
        return out

    def range_mark(self, item: _Range) -> str:
        key = (item.kind, item.name)
        if item.start:
            rid = self.range_ids[key] = self.new_id()
            return (f'<w:{item.kind}RangeStart w:id="{rid}" w:author="{self.author}" '
                    f'w:date="{self.dates[self.parity]}" w:name="{item.name}"/>')
        return f'<w:{item.kind}RangeEnd w:id="{self.range_ids[key]}"/>'

    def slot(self, slot: _Slot, last: bool) -> list[str]:
        """Word paragraphs for one slot; its final mark is kept at the document's very end,
        where Word keeps one paragraph mark it cannot delete."""
        paragraphs: list[str] = []
        runs: list = []
        line = ""

        def style() -> str:
            # First line of a resolution paragraph indented; sub-paragraphs indented further.
            item = _ITEM_LINE.match(line) is not None
            return ('<w:spacing w:after="120"/><w:ind w:left="567" w:firstLine="567"/><w:jc w:val="both"/>'
                    if item else '<w:spacing w:after="120"/><w:ind w:firstLine="567"/><w:jc w:val="both"/>')

        previous = None
        for segment in _coalesced(slot.segments):
            if isinstance(segment, _Range):
                runs.append(self.range_mark(segment))
            elif isinstance(segment, _Ref):
                if isinstance(previous, _Ref) and (segment.op, segment.ctx) != (Op.EQUAL, ""):
                    # LibreOffice stretches the revision of a reference that directly follows
                    # another over the paragraph mark after it; an empty field between the two
                    # keeps it to the reference. Word shows nothing for it, nor after updating.
                    runs.append(_SEPARATOR)
                runs.append(self.reference(segment))
            else:
                for n, piece in enumerate(segment.text.split("\n")):
                    if n > 0:
                        xml, rtl = self.line(runs)
                        paragraphs.append(self.paragraph(xml, (segment.op, segment.ctx), style(), rtl))
                        runs, line = [], ""
                    runs.append((piece, segment.op, segment.ctx))
                    line += piece
            if not isinstance(segment, _Range):
                previous = segment
        final = (Op.EQUAL, "") if last else slot.final
        xml, rtl = self.line(runs)
        paragraphs.append(self.paragraph(xml, final, style(), rtl))
        return paragraphs

    def footnote(self, number: int, items: list) -> str:
        runs, rtl = self.line(items)
        # (a footnote whose reference has its mark written out shows that mark here too)
        reference = ('<w:r><w:rPr><w:vertAlign w:val="superscript"/>'
                     f'{self.run_props}</w:rPr><w:footnoteRef/></w:r>')
        return (f'<w:footnote w:id="{number}"><w:p><w:pPr>{"<w:bidi/>" if rtl else ""}<w:spacing w:after="0"/>'
                f'<w:jc w:val="both"/></w:pPr>{reference}{self.run(" ", Op.EQUAL)}{runs}</w:p></w:footnote>')


_SEPARATOR = '<w:fldSimple w:instr=" QUOTE &quot;&quot; "/>'


def _coalesced(segments: list) -> list:
    """Neighbouring texts of one revision as one, so that a run of kept or moved words is one
    revision rather than one per word."""
    out: list = []
    for segment in segments:
        if (isinstance(segment, _Text) and out and isinstance(out[-1], _Text)
                and (out[-1].op, out[-1].ctx) == (segment.op, segment.ctx)):
            out[-1] = _Text(segment.op, segment.ctx, out[-1].text + segment.text)
        else:
            out.append(segment)
    return out


def _tracked_line(writer: _Writer, spans: tuple[Span, ...], style: str, bold: bool,
                  mark: tuple[Op, str] = (Op.EQUAL, "")) -> str:
    runs, rtl = writer.line([(span.text, span.op, "") for span in spans], bold)
    return writer.paragraph(runs, mark, style, rtl)


def _line_spans(old: str, new: str) -> tuple[Span, ...]:
    from ..inline import diff_texts

    if old == new:
        return (Span(Op.EQUAL, new),) if new else ()
    return diff_texts(old, new)


def _later(date: str, minutes: int) -> str:
    from datetime import datetime, timedelta

    moment = datetime.strptime(date, "%Y-%m-%dT%H:%M:%SZ") + timedelta(minutes=minutes)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _revision_date(comparison: Comparison, options: RenderOptions) -> str:
    """The revisions' date: the new version's, where it is a day of the calendar (a front
    matter's "date: 2025-02-31" is none), else a fixed one.

    >>> from resdiff.model import Comparison, Document
    >>> [_revision_date(Comparison(None, Document("A/1", None, "en", (), date=d), ()), RenderOptions())
    ...  for d in ("2025-11-12", "2025-02-31", "2025-13-01T00:00:00Z")] == ["2025-11-12T00:00:00Z", FIXED_DATE, FIXED_DATE]
    True
    """
    from datetime import datetime

    date = options.date or comparison.new.date
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        date = f"{date}T00:00:00Z"
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}T[\d:]{8}Z", date):
        try:
            datetime.strptime(date, "%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            return FIXED_DATE
        return date
    return FIXED_DATE


def _visible(ref: _Ref) -> tuple[bool, bool]:
    """Whether a reference is there once every revision is accepted, and once rejected."""
    return ref.op is not Op.DELETE and ref.ctx != "from", ref.op is not Op.INSERT and ref.ctx != "to"


def _footnote_plan(comparison: Comparison, slots: list[_Slot], start: int = 1) -> list[_Ref]:
    """Which references are real footnotes (the rest cite one again), numbered in reading
    order. A footnote no paragraph cites has no reference, so no place among Word's footnotes,
    which stand at their marks: it is listed after the text (``_uncited_lines``) rather than
    given a mark neither version has, and the references after it keep their numbers as custom
    marks (``_custom_marks``)."""
    for slot in slots:
        slot.segments[:] = [s for s in slot.segments if not isinstance(s, _Ref) or any(_visible(s))]
    refs = [s for slot in slots for s in slot.segments if isinstance(s, _Ref)]

    def firsts(note: int) -> tuple[_Ref | None, _Ref | None]:
        mine = [r for r in refs if r.note == note]
        return (next((r for r in mine if _visible(r)[0]), None), next((r for r in mine if _visible(r)[1]), None))

    # A footnote is one real reference where it is first cited on both sides; otherwise (it is
    # first cited in one place in the new text and in another in the old) each reference kept
    # on both sides is taken as deleted and inserted, and each side has its own real reference.
    split = set()
    for note in {r.note for r in refs}:
        on_accept, on_reject = firsts(note)
        if on_accept is not on_reject:
            split.add(note)
    while True:
        if split:
            for slot in slots:
                segments = []
                for segment in slot.segments:
                    if isinstance(segment, _Ref) and segment.note in split and _visible(segment) == (True, True):
                        segments.append(_Ref(Op.DELETE, "", segment.note, segment.mark))
                        segments.append(_Ref(Op.INSERT, "", segment.note, segment.mark))
                    else:
                        segments.append(segment)
                slot.segments[:] = segments
            refs = [s for slot in slots for s in slot.segments if isinstance(s, _Ref)]
        real: dict[tuple[int, int], _Ref] = {}  # (note, side) -> the real reference
        for note in {r.note for r in refs}:
            for side, first in enumerate(firsts(note)):
                if first is not None:
                    real[(note, side)] = first
        chosen = {id(r) for r in real.values()}
        number = 0
        for ref in refs:  # footnotes are numbered in reading order, as Word numbers them
            ref.custom = None
            if id(ref) in chosen:
                number += 1
                ref.real, ref.target = True, number
        for ref in refs:
            if id(ref) not in chosen:
                # cited again: a cross-reference to the real reference seen on the same side
                side = 0 if _visible(ref)[0] else 1
                ref.real, ref.target = False, real[(ref.note, side)].target
        kept = [r for r in refs if r.real]
        _custom_marks(comparison, kept, start)
        # A reference both versions show, whose marks must be written out and differ (Word would
        # count them otherwise): one reference deleted and one inserted, each its version's
        # footnote with its own mark, as office suites read a custom mark only in its own run.
        twice = {r.note for r in kept if r.custom is not None and None not in r.custom and r.custom[0] != r.custom[1]}
        if not twice:
            return kept
        split = twice


def _custom_marks(comparison: Comparison, real: list[_Ref], start: int) -> None:
    """Word numbers its footnotes on from ``start`` in reading order, once every revision is
    accepted and once every one rejected; a reference whose number so counted is not its mark
    in that version (a footnote before it cited by no paragraph, so no Word footnote) gets its
    marks written out (``custom``), which Word leaves out of its count."""
    counted = [start, start]  # the next number Word gives on rejecting (old), on accepting (new)
    for ref in real:
        change = comparison.footnotes[ref.note]
        accept, reject = _visible(ref)
        wanted = (change.old if reject else None, change.new if accept else None)
        if all(mark is None or mark == str(counted[side]) for side, mark in enumerate(wanted)):
            for side, mark in enumerate(wanted):
                counted[side] += mark is not None
        else:
            ref.custom = wanted


def _uncited_lines(comparison: Comparison) -> tuple[Op, list[tuple[Op, list[tuple[str, Op]]]]]:
    """The footnotes no paragraph of their version cites, as the lines listed after the text:
    each (the op of its paragraph mark, its pieces), numbered as in the text, revised word by
    word where both versions hold it uncited, inserted or deleted whole where one does; and
    the op of their heading (kept, or inserted or deleted where only one version has such
    footnotes). No lines where every footnote is cited."""
    uncited = []
    for document in (comparison.old, comparison.new):
        cited = {m for p in document.paragraphs for m in p.all_footnotes()}
        uncited.append({f.mark for f in document.footnotes} - cited)
    lines: list[tuple[Op, list[tuple[str, Op]]]] = []
    seen: tuple[set, set] = (set(), set())
    for change in comparison.footnotes:
        old = change.old if change.old in uncited[0] and change.old not in seen[0] else None
        new = change.new if change.new in uncited[1] and change.new not in seen[1] else None
        if old is not None:
            seen[0].add(old)
        if new is not None:
            seen[1].add(new)
        before, after = rebuild(change.inline)
        if old is not None and new is not None:
            number = [(f"{new} ", Op.EQUAL)] if old == new else [(f"{old} ", Op.DELETE), (f"{new} ", Op.INSERT)]
            lines.append((Op.EQUAL, number + [(s.text, s.op) for s in change.inline]))
        elif old is not None:
            lines.append((Op.DELETE, [(f"{old} {before}", Op.DELETE)]))
        elif new is not None:
            lines.append((Op.INSERT, [(f"{new} {after}", Op.INSERT)]))
    heading = Op.EQUAL if uncited[0] and uncited[1] else Op.DELETE if uncited[0] else Op.INSERT
    return heading, lines




def uncited_footnotes(comparison: Comparison) -> list[tuple[str, tuple[str, ...]]]:
    """The footnotes the Word output lists after the text, since no paragraph of their version
    cites them: each mark with the labels of the versions where it is uncited.

    >>> from resdiff.parse import parse_text
    >>> from resdiff.compare import compare
    >>> text = "The General Assembly,\\n\\nRecalling x,1\\n\\n1. Decides.\\n\\n__________\\n1 See a.\\n2 See b.\\n"
    >>> uncited_footnotes(compare(parse_text(text, "a.txt")[0], parse_text(text.replace("x,1", "x,"), "b.txt")[0]))
    [('1', ('b.txt',)), ('2', ('a.txt', 'b.txt'))]
    """
    found: dict[str, list[str]] = {}
    for document in (comparison.old, comparison.new):
        cited = {m for p in document.paragraphs for m in p.all_footnotes()}
        for footnote in document.footnotes:
            if footnote.mark not in cited:
                labels = found.setdefault(footnote.mark, [])
                if document.label not in labels:
                    labels.append(document.label)
    return sorted(((mark, tuple(labels)) for mark, labels in found.items()),
                  key=lambda item: (not item[0].isdigit(), int(item[0]) if item[0].isdigit() else 0, item[0]))


def _footnotes_xml(writer: _Writer, comparison: Comparison, real: list[_Ref]) -> str:
    parts = [f'<w:footnotes xmlns:w="{W_NS}">',
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
             "<w:r><w:separator/></w:r></w:p></w:footnote>",
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/>'
             "</w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"]
    for ref in sorted(real, key=lambda r: r.target):
        change = comparison.footnotes[ref.note]
        spans = change.inline
        accept, reject = _visible(ref)
        if accept and reject:
            items = [(s.text, s.op, "") for s in spans]
        else:
            # Only one side holds this reference: its footnote reads as that side's text.
            items = [(rebuild(spans)[1 if accept else 0], Op.EQUAL, "")]
        parts.append(writer.footnote(ref.target, items))
    parts.append("</w:footnotes>")
    return "".join(parts)


class _Deflated:
    """Text written piece by piece and kept deflated, read back as UTF-8 a megabyte at a time.

    The body of a long comparison is large as XML (15,000 paragraphs: 30 MB of text, twice that
    as the list of its pieces and their join) and small deflated (3 MB); the footnotes are
    written after it and before the file, so it waits deflated.
    """

    STEP = 1 << 20

    def __init__(self) -> None:
        self._deflate = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)
        self._chunks: list[bytes] = []
        self._pending: list[str] = []
        self._size = 0

    def write(self, text: str) -> None:
        self._pending.append(text)
        self._size += len(text)
        if self._size >= self.STEP:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._chunks.append(self._deflate.compress("".join(self._pending).encode("utf-8")))
            self._pending, self._size = [], 0

    def pieces(self) -> Iterator[bytes]:
        """The text written, as UTF-8 bytes, in pieces of at most STEP bytes (once only)."""
        self._flush()
        self._chunks.append(self._deflate.flush())
        inflate = zlib.decompressobj(-zlib.MAX_WBITS)
        while self._chunks:
            data = self._chunks.pop(0)
            while data:
                piece = inflate.decompress(data, self.STEP)
                if piece:
                    yield piece
                data = inflate.unconsumed_tail
        rest = inflate.flush()
        if rest:
            yield rest


# A part's heading as the model holds it: its label, a space, its title ("A Information in the
# service of humanity"); the resolution prints the label and the title on lines of their own.
_PART_HEADING = re.compile(r"^([A-H]|[IVX]{1,5}) (?=\S)")


def part_cuts(document: Document) -> dict[str, int]:
    """Where the label of each part's heading ends (the space before its title), by paragraph
    id: a heading "B …" that the paragraphs of part B ("B.PP1") follow."""
    cuts: dict[str, int] = {}
    paragraphs = document.paragraphs
    for k, paragraph in enumerate(paragraphs):
        found = _PART_HEADING.match(paragraph.text) if paragraph.kind is ParagraphKind.HEADING else None
        if found is None or paragraph.items or "\n" in paragraph.text:
            continue
        after = next((p for p in paragraphs[k + 1:] if p.kind is not ParagraphKind.HEADING), None)
        if after is not None and after.id.startswith(found.group(1) + "."):
            cuts[paragraph.id] = found.end() - 1
    return cuts


def _cut_spans(spans: tuple[Span, ...], old_cuts: set[int], new_cuts: set[int]) -> tuple[Span, ...]:
    """The spans with the space at each cut (a position in the old text, in the new) made a
    line break, on that side alone where only one side has a cut there."""
    out: list[Span] = []
    po = pn = 0
    for span in spans:
        text, start = span.text, 0
        for k, char in enumerate(span.text):
            o = po + k if span.op is not Op.INSERT else None
            n = pn + k if span.op is not Op.DELETE else None
            at_old, at_new = o in old_cuts, n in new_cuts
            if char != " " or not (at_old or at_new):
                continue
            if start < k:
                out.append(Span(span.op, text[start:k]))
            start = k + 1
            if span.op is not Op.EQUAL or (at_old and at_new):
                out.append(Span(span.op, "\n"))
            else:
                out.extend([Span(Op.DELETE, "\n" if at_old else " "), Span(Op.INSERT, "\n" if at_new else " ")])
        if start < len(text):
            out.append(Span(span.op, text[start:]))
        if span.op is not Op.INSERT:
            po += len(text)
        if span.op is not Op.DELETE:
            pn += len(text)
    return tuple(out)


def _parts_apart(comparison: Comparison) -> Comparison:
    """The comparison with each part's label and title on lines of their own, as printed."""
    old_cuts, new_cuts = part_cuts(comparison.old), part_cuts(comparison.new)
    if not old_cuts and not new_cuts:
        return comparison

    def split(document: Document, cuts: dict[str, int]) -> Document:
        return replace(document, paragraphs=tuple(
            replace(p, text=p.text[:cuts[p.id]] + "\n" + p.text[cuts[p.id] + 1:]) if p.id in cuts else p
            for p in document.paragraphs))

    def positions(document: Document, ids: tuple[str, ...], cuts: dict[str, int]) -> set[int]:
        found, at = set(), 0
        for pid in ids:
            if pid in cuts:
                found.add(at + cuts[pid])
            at += len(document.paragraph(pid).body) + 1
        return found

    changes = tuple(
        replace(c, inline=_cut_spans(c.inline, positions(comparison.old, c.old, old_cuts),
                                     positions(comparison.new, c.new, new_cuts)))
        if any(p in old_cuts for p in c.old) or any(p in new_cuts for p in c.new) else c
        for c in comparison.changes)
    return replace(comparison, old=split(comparison.old, old_cuts), new=split(comparison.new, new_cuts),
                   changes=changes)


def _first_part(comparison: Comparison) -> tuple[Comparison, list[tuple[Span, ...]]]:
    """Part A's label and title, the lines the resolution prints above its chapeau, where both
    versions open with them (one heading matched with the other, citing no footnote); and the
    comparison without them. No lines where either version opens otherwise."""
    old, new = comparison.old, comparison.new
    if not old.paragraphs or not new.paragraphs:
        return comparison, []
    first_old, first_new = old.paragraphs[0], new.paragraphs[0]
    change = next((c for c in comparison.changes if c.old == (first_old.id,) and c.new == (first_new.id,)), None)
    if (change is None or change.moved or first_old.footnotes or first_new.footnotes
            or first_old.id not in part_cuts(old) or first_new.id not in part_cuts(new)):
        return comparison, []
    lines = [_line_spans(a, b) for a, b in zip(first_old.text.split(" ", 1), first_new.text.split(" ", 1))]
    rest = replace(comparison, old=replace(old, paragraphs=old.paragraphs[1:]),
                   new=replace(new, paragraphs=new.paragraphs[1:]),
                   changes=tuple(c for c in comparison.changes if c is not change))
    return rest, lines


def _build(comparison: Comparison, options: RenderOptions) -> tuple[_Deflated, str | None]:
    """The body content of ``word/document.xml``, kept deflated as it is written, and the
    ``word/footnotes.xml`` part (None when neither version has footnotes)."""
    old, new = comparison.old, comparison.new
    # Fonts and direction follow the script of the text, not the language code.
    arabic = any(_ARABIC.search(f"{d.title or ''}\n" + "\n".join(p.body for p in d.paragraphs[:200])) for d in (old, new))
    writer = _Writer(options.author, _revision_date(comparison, options), "zh" in (old.language, new.language),
                     arabic, document_direction(new) or document_direction(old) or "ltr",
                     _PROOFING.get((new.language or old.language or "").split("-")[0], "en-GB"))
    header = '<w:spacing w:after="240"/><w:jc w:val="center"/>'
    parts = _Deflated()
    if old.symbol or new.symbol:
        parts.write(_tracked_line(writer, _line_spans(old.symbol or "", new.symbol or ""),
                                   '<w:jc w:val="right"/>', False))
    for part in comparison.header:
        # The agenda item and the sponsors line as the first page prints them, above the title.
        if part.part != "chapeau":
            parts.write(_tracked_line(writer, part.inline, '<w:spacing w:after="120"/>', False))
    if old.title or new.title:
        title = comparison.title or _line_spans(old.title or "", new.title or "")
        parts.write(_tracked_line(writer, title, header, True))
    # Part A's label and title stand above the chapeau, as the resolution prints them; the
    # later parts' label and title on lines of their own too.
    comparison, first_part = _first_part(comparison)
    for line in first_part:
        parts.write(_tracked_line(writer, line, '<w:spacing w:after="120"/><w:jc w:val="center"/>', True))
    comparison = _parts_apart(comparison)
    slots, opening = _kept_marks_after_references(_Planner(comparison).slots())
    slots = _move_marks_after_revisions(slots)
    parts.write(_tracked_line(writer, _line_spans(chapeau(old), chapeau(new)),
                               '<w:spacing w:after="120"/><w:ind w:firstLine="567"/>', False, opening))
    real = _footnote_plan(comparison, slots, _first_mark(comparison.new))
    for n, slot in enumerate(slots):
        parts.write("".join(writer.slot(slot, last=n == len(slots) - 1)))
    heading, uncited = _uncited_lines(comparison)
    if uncited:
        parts.write("".join(writer.listing(heading, uncited)))
    notes = _footnotes_xml(writer, comparison, real) if real else None
    return parts, notes


def _first_mark(document: Document) -> int:
    """The number Word's footnotes start from: the new version's first, where a text excerpted
    from a longer one (a committee report quoting a draft) does not start at 1."""
    marks = [m for p in document.paragraphs for m in p.all_footnotes()] + [f.mark for f in document.footnotes]
    first = marks[0] if marks else "1"
    return int(first) if first.isdigit() and 0 < int(first) < 10_000 else 1


def document_xml(comparison: Comparison, options: RenderOptions = RenderOptions()) -> str:
    """The ``word/document.xml`` body content of the tracked-changes document."""
    return b"".join(_build(comparison, options)[0].pieces()).decode("utf-8")


def render(comparison: Comparison, options: RenderOptions = RenderOptions()) -> bytes:
    """The new version as a .docx whose revisions against the old are tracked changes."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    body_xml, notes = _build(comparison, options)
    document = docx.Document()
    body = document.element.body
    section = body.find(f"{{{W_NS}}}sectPr")
    for child in list(body):
        if child is not section:
            body.remove(child)
    if notes is not None:
        part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, notes.encode("utf-8"),
                    document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)
        section.insert(0, parse_xml(f'<w:footnotePr xmlns:w="{W_NS}"><w:numFmt w:val="decimal"/>'
                                    f'<w:numStart w:val="{_first_mark(comparison.new)}"/></w:footnotePr>'))
    # Further edits by the reader are tracked too, as delegates expect of a revised draft.
    settings = document.settings.element
    if settings.find(f"{{{W_NS}}}trackRevisions") is None:
        settings.insert(0, parse_xml(f'<w:trackRevisions xmlns:w="{W_NS}"/>'))
    _fixed_properties(document, comparison, options)
    # The template's picture of its own first page is no preview of this file: left out.
    package_rels = document.part.package.rels
    for key in [key for key, rel in package_rels.items() if rel.reltype == RT.THUMBNAIL]:
        del package_rels[key]
    raw = io.BytesIO()
    document.save(raw)
    # The body goes into word/document.xml as the text it already is, not parsed into a tree
    # first: 15,000 paragraphs took 570 MB that way, most of it the tree.
    del document
    return _stable_zip(raw.getvalue(), body_xml)


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
    core.comments = _("Tracked changes made by resdiff")


def _property(text: str) -> str:
    """A document property as Word takes it: no control characters, at most 255 characters."""
    text = " ".join(_CONTROL.sub("", text).split())
    return text if len(text) <= 255 else text[:254] + "…"


# The application properties: the program that wrote the file, and nothing counted (Word
# counts pages and words again when it opens it).
_APP_PROPERTIES = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
                   b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
                   b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                   b"<Application>resdiff</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
                   b"<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
                   b"<HyperlinksChanged>false</HyperlinksChanged></Properties>")


def _stable_zip(data: bytes, body: _Deflated | None = None) -> bytes:
    """The same ZIP with fixed entry times, so equal input gives byte-identical files; ``body``
    is put at the start of word/document.xml's body, before its section properties."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/app.xml":
                content = _APP_PROPERTIES  # the template's named another application
            if info.filename == "word/document.xml" and body is not None:
                head, opening, tail = content.partition(b"<w:body>")
                if not opening:
                    raise ValueError("word/document.xml without <w:body>")
                with target.open(entry, "w") as handle:
                    handle.write(head + opening)
                    for piece in body.pieces():
                        handle.write(piece)
                    handle.write(tail)
                continue
            target.writestr(entry, content)
    return out.getvalue()
