"""The data resdiff passes between its stages: documents, paragraphs, changes, comparisons.

Every record is frozen; sequences are tuples, so a value built by one stage can be shared by
the next without copying or defensive checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .lazypattern import lazy

# The most paragraphs a document may have: the longest omnibus resolutions have a few hundred;
# far beyond this the input is not a resolution (a file split on every line), and aligning it
# would only take minutes. The parser refuses a longer document as soon as it has counted its
# paragraphs, before their footnote marks are read; compare() refuses one built otherwise.
MAX_PARAGRAPHS = 20_000
# The id of an operative paragraph a draft inserts after another without renumbering the rest
# ("2 bis.", "2 之二." read as OP2bis), or offers as an alternative to another ("[2. alt …]" read as
# OP2alt): the number it follows or stands for, and its Latin ordinal or "alt"; in a part of a
# multi-part resolution after the part's label ("B.OP2bis").
INSERTED_ID = re.compile(r"^(?:[^.\s]+\.)*OP(\d+)(bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|alt\d?)$")

class ParagraphKind(str, Enum):
    """Where a paragraph sits in a resolution."""

    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    # A paragraph of an annex (numbered as the annex numbers it, or not numbered at all).
    ANNEX = "annex"
    # A heading inside the text: an annex's label and title, a section heading "A. …".
    HEADING = "heading"


class ChangeKind(str, Enum):
    """What became of one or more paragraphs between two versions."""

    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    ADDED = "added"
    REMOVED = "removed"
    MERGED = "merged"
    SPLIT = "split"


class Op(str, Enum):
    """One kind of inline span."""

    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True, slots=True)
class Item:
    """A sub-paragraph such as (a) or (ii) of an operative paragraph.

    ``parent`` is the label of the item it sits under ("c" for (c)(ii)), None at the top level.
    """

    label: str
    text: str
    footnotes: tuple[str, ...] = ()
    parent: str | None = None
    # How the text closes its label in brackets: "()" for "(a)", the English form; ")" for "a)",
    # the form French, Spanish and Russian texts print.
    brackets: str = "()"
    # Where each footnote mark stands: its offset in ``text`` (right after the word or punctuation
    # it is set on), one for each of ``footnotes``; () where not known (each read at the end).
    marks_at: tuple[int, ...] = ()

    @property
    def marked(self) -> str:
        """The label as the text prints it, brackets and all: "(a)", "a)", "(b bis)".

        >>> Item("a", "x;").marked, Item("a", "x;", brackets=")").marked, Item("b bis", "y;").marked
        ('(a)', 'a)', '(b bis)')
        """
        return f"{self.printed})" if self.brackets == ")" else f"({self.printed})"

    @property
    def printed(self) -> str:
        """The label as the text prints it: "b bis" (inserted after (b)) is "b 之二" in Chinese.

        >>> Item("b bis", "A timetable;").printed, Item("b bis", "一份时间表；").printed, Item("c", "x").printed
        ('b bis', 'b 之二', 'c')
        """
        base, _, ordinal = self.label.partition(" ")
        if ordinal in _CJK_ORDINALS and _HAN.match(self.text):
            return f"{base} 之{_CJK_ORDINALS[ordinal]}"
        return self.label


# The Chinese ordinal of each Latin one ("之二" for bis), as a Chinese text prints an inserted number.
_CJK_ORDINALS = {"bis": "二", "ter": "三", "quater": "四", "quinquies": "五", "sexies": "六", "septies": "七",
                 "octies": "八", "novies": "九", "decies": "十"}
_HAN = lazy(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One preambular or operative paragraph, as printed, minus what is not resolution text.

    ``text`` is the paragraph's own wording (chapeau of its sub-paragraphs, if any);
    ``items`` are its sub-paragraphs; ``footnotes`` the marks it carries, in order.
    """

    id: str
    kind: ParagraphKind
    number: int | None
    text: str
    items: tuple[Item, ...] = ()
    footnotes: tuple[str, ...] = ()
    # Where each of ``footnotes`` stands: its offset in ``text``; () where not known (at the end).
    marks_at: tuple[int, ...] = ()

    @property
    def body(self) -> str:
        """The whole paragraph as one string: its text, then each sub-paragraph on a line.

        This is the text resdiff compares and the text inline spans rebuild.

        >>> Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides:", (Item("a", "x;"),)).body
        'Decides:\\n(a) x;'
        """
        if not self.items:
            return self.text
        lines = [self.text] if self.text else []
        lines.extend(f"{item.marked} {item.text}" for item in self.items)
        return "\n".join(lines)

    def all_footnotes(self) -> tuple[str, ...]:
        """Footnote marks of the paragraph and its sub-paragraphs, in reading order."""
        marks = list(self.footnotes)
        for item in self.items:
            marks.extend(item.footnotes)
        return tuple(marks)

    @property
    def marks_placed(self) -> bool:
        """Whether the place of every footnote mark of the paragraph is known."""
        return len(self.marks_at) == len(self.footnotes) and all(len(i.marks_at) == len(i.footnotes) for i in self.items)

    def mark_places(self) -> tuple[int, ...]:
        """Where each of ``all_footnotes()`` stands in ``body``: the paragraph's own marks at their
        offsets in its text, each sub-paragraph's in its line; a mark whose place is not known at
        the end of the text it belongs to.

        >>> Paragraph("PP1", ParagraphKind.PREAMBULAR, None, "Recalling A, B and C,", (), ("1", "2"), (11, 14)).mark_places()
        (11, 14)
        >>> Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides:", (Item("a", "x; y;", ("3",), marks_at=(2,)),), ("1",)).mark_places()
        (8, 15)
        """
        places = list(_places(self.text, self.footnotes, self.marks_at, 0))
        base = len(self.text) + 1 if self.text else 0
        for item in self.items:
            start = base + len(item.marked) + 1
            places.extend(_places(item.text, item.footnotes, item.marks_at, start))
            base = start + len(item.text) + 1
        return tuple(places)


def _places(text: str, marks: tuple[str, ...], at: tuple[int, ...], start: int) -> tuple[int, ...]:
    """Offsets of ``marks`` in a text that begins at ``start``: ``at`` where known and sound."""
    if len(at) != len(marks) or any(not 0 <= a <= len(text) for a in at):
        return tuple(start + len(text) for _ in marks)
    return tuple(start + a for a in at)


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote body and the mark that refers to it."""

    mark: str
    text: str


# Documents' paragraphs by id, for paragraph(): a lookup per change stays constant as drafts grow.
_PARAGRAPH_INDEX: dict[int, tuple[tuple, dict]] = {}


# A line of page furniture that is no one draft's but the whole committee report's (a PDF's or
# Word file's page head or foot outside every draft the report quotes): its message opens so
# ("report, page 3: A/65/440"), and it is listed once, with the report's first draft.
WHOLE_REPORT = "report, "


def whole_report(line: str) -> bool:
    """Whether a line of a document's furniture is the whole report's (``WHOLE_REPORT``).

    >>> whole_report("report, page 1: A/65/440"), whole_report("page 2: A/65/440")
    (True, False)
    """
    return str(getattr(line, "template", line)).startswith(WHOLE_REPORT)


@dataclass(frozen=True, slots=True)
class Document:
    """One version of a resolution: a draft, a revised draft or an adopted text."""

    symbol: str | None
    title: str | None
    language: str
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...] = ()
    source: str | None = None
    date: str | None = None
    # The header as printed (parse.header): the chapeau line, the agenda item with its name, the
    # sponsors line of a draft; None where the text has none.
    chapeau: str | None = None
    agenda_item: str | None = None
    sponsors: str | None = None
    # What the parser could not vouch for (a break in numbering, a paragraph longer than any
    # real one, footnotes it could not pair), and the lines it left out as page furniture.
    warnings: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()
    # What reading the file left out on purpose and says so (a Word table skipped): said on
    # standard error as a note while reading, and carried into every report with the warnings.
    notes: tuple[str, ...] = ()
    # The short name the views give this version beside the other, where the two short symbols
    # would read the same (render.distinct_sides); None: the short symbol itself. Not data.
    shown_as: str | None = field(default=None, compare=False, repr=False)
    # The stored revision this version is, where the store holds several of its symbol (set by
    # store.resolver): the views name it "A/C.3/78/L.41 rev 2". None for a file. Not data.
    revision: int | None = field(default=None, compare=False, repr=False)
    # The language the views name beside the label, where the two versions compared are one symbol
    # in two languages ("A/C.3/80/L.15 [ru]"); None: not named. Not data.
    shown_language: str | None = field(default=None, compare=False, repr=False)
    # The lines of the text it was read from that the document spans (1-based, first and last:
    # from its chapeau through its last paragraph or annex), where the parser knows them: what
    # a PDF's or Word file's page furniture is placed by (parse.structure.place_furniture).
    # None otherwise. Not data.
    span: tuple[int, int] | None = field(default=None, compare=False, repr=False)

    @property
    def label(self) -> str:
        """A short name for the document: its symbol (with the stored revision, where there are
        several: 'A/C.3/78/L.41 rev 2'), else its file name, else 'document'."""
        if self.symbol:
            return self.symbol + self._revision_suffix + (f" [{self.shown_language}]" if self.shown_language else "")
        if self.source:
            return self.source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return "document"

    @property
    def _revision_suffix(self) -> str:
        return f" rev {self.revision}" if self.revision is not None else ""
        if self.source:
            return self.source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        return "document"

    @property
    def short_symbol(self) -> str:
        """The distinguishing tail of the symbol, as delegates say it.

        >>> [Document(s, None, "en", ()).short_symbol for s in ("A/C.2/65/L.22", "A/RES/ES-11/3", "A/C.3/78/L.41/Rev.1")]
        ['L.22', 'ES-11/3', 'L.41/Rev.1']
        >>> Document("A/C.3/78/L.41", None, "en", (), revision=2).short_symbol
        'L.41 rev 2'
        """
        if self.shown_as:
            return self.shown_as
        if not self.symbol:
            return self.label
        return self._short_symbol + self._revision_suffix

    @property
    def _short_symbol(self) -> str:
        assert self.symbol
        parts = self.symbol.split("/")
        if "RES" in parts[:-1]:
            return "/".join(parts[parts.index("RES") + 1 :])
        for index in range(len(parts) - 1, -1, -1):
            if parts[index].startswith("L."):
                return "/".join(parts[index:])
        return parts[-1]

    def paragraph(self, pid: str) -> Paragraph:
        """The paragraph with id ``pid`` (the first, should two share it); KeyError if there is none."""
        paragraphs = self.paragraphs
        entry = _PARAGRAPH_INDEX.get(id(paragraphs))
        if entry is None or entry[0] is not paragraphs:
            index: dict[str, Paragraph] = {}
            for paragraph in paragraphs:
                index.setdefault(paragraph.id, paragraph)
            if len(_PARAGRAPH_INDEX) >= 256:
                _PARAGRAPH_INDEX.clear()
            # The tuple is kept with its index, so that its id is not another tuple's meanwhile.
            entry = _PARAGRAPH_INDEX[id(paragraphs)] = (paragraphs, index)
        try:
            return entry[1][pid]
        except KeyError:
            raise KeyError(pid) from None

    def counts(self) -> tuple[int, int]:
        """(preambular, operative) paragraph counts; annex paragraphs and headings apart."""
        pp = sum(1 for p in self.paragraphs if p.kind is ParagraphKind.PREAMBULAR)
        op = sum(1 for p in self.paragraphs if p.kind is ParagraphKind.OPERATIVE)
        return pp, op

    def annex_counts(self) -> tuple[int, int]:
        """(annex paragraphs, headings)."""
        annex = sum(1 for p in self.paragraphs if p.kind is ParagraphKind.ANNEX)
        return annex, sum(1 for p in self.paragraphs if p.kind is ParagraphKind.HEADING)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text that is equal on both sides, only in the old, or only in the new."""

    op: Op
    text: str


@dataclass(frozen=True, slots=True)
class ItemChange:
    """What became of one sub-paragraph of a matched paragraph (or merge or split).

    ``old`` and ``new`` are sub-paragraph ids such as "OP5(b)" (None where it is not in that
    version). Kinds: unchanged, modified, added, removed. ``relettered`` where its label changed;
    ``moved`` where a removed sub-paragraph turns up in another paragraph (or an added one came
    from another paragraph), ``elsewhere`` naming that other end.
    """

    kind: ChangeKind
    old: str | None
    new: str | None
    relettered: bool = False
    moved: bool = False
    similarity: float | None = None
    elsewhere: str | None = None


@dataclass(frozen=True, slots=True)
class Change:
    """What became of a group of old paragraphs: the new paragraphs they correspond to.

    ``old`` and ``new`` are paragraph ids in reading order. ``inline`` rebuilds the old side's
    bodies joined by newlines from its equal and delete spans, and the new side's from its
    equal and insert spans.
    """

    kind: ChangeKind
    old: tuple[str, ...]
    new: tuple[str, ...]
    moved: bool = False
    renumbered: bool = False
    similarity: float | None = None
    inline: tuple[Span, ...] = ()
    # The sub-paragraphs' fates, where the paragraphs have any (see resdiff.items).
    items: tuple[ItemChange, ...] = ()

    @property
    def item_changes(self) -> tuple[ItemChange, ...]:
        """The sub-paragraphs that did not stay as they were: added, removed, modified,
        relettered or moved."""
        return tuple(c for c in self.items
                     if c.kind is not ChangeKind.UNCHANGED or c.relettered or c.moved)


@dataclass(frozen=True, slots=True)
class FootnoteChange:
    """What became of one footnote: ``old`` and ``new`` are its marks (None where it is not in
    that version); ``inline`` rebuilds the old body from its equal and delete spans and the new
    body from its equal and insert spans. Kinds: unchanged, modified, added, removed."""

    kind: ChangeKind
    old: str | None
    new: str | None
    renumbered: bool = False
    similarity: float | None = None
    inline: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class HeaderChange:
    """One part of the header compared: ``part`` is "agenda item", "sponsors" or "chapeau";
    ``old`` and ``new`` as printed (None where that version does not print it); ``inline``
    rebuilds the old from its equal and delete spans and the new from its equal and insert
    spans. Kind unchanged, modified, or added/removed when only one version prints the part
    (a draft's sponsors line, which the adopted text no longer carries): shown, but no change
    of wording, since there is nothing on the other side to compare it with."""

    part: str
    kind: ChangeKind
    old: str | None
    new: str | None
    inline: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class MarkChange:
    """A paragraph (or merge or split) whose footnote references changed: a mark added,
    removed, pointing at another footnote, or set on other words. ``old_marks`` and ``new_marks``
    as printed; where a mark moved within its paragraph, ``old_at`` and ``new_at`` are where each
    stands (its offset in the paragraph's ``body``), and ``old_words`` and ``new_words`` the words
    it is set on; () otherwise."""

    old: tuple[str, ...]
    new: tuple[str, ...]
    old_marks: tuple[str, ...]
    new_marks: tuple[str, ...]
    old_at: tuple[int, ...] = ()
    new_at: tuple[int, ...] = ()
    old_words: tuple[str, ...] = ()
    new_words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AlignOptions:
    """Knobs of the paragraph alignment; the defaults are tuned on real negotiated text."""

    threshold: float = 0.30
    merge_containment: float = 0.50
    candidates: int = 8


@dataclass(frozen=True, slots=True)
class Comparison:
    """The full result of comparing two documents."""

    old: Document
    new: Document
    changes: tuple[Change, ...]
    options: AlignOptions = field(default_factory=AlignOptions)
    footnotes: tuple[FootnoteChange, ...] = ()
    marks: tuple[MarkChange, ...] = ()
    # The titles' inline spans (equal+delete rebuild the old title, equal+insert the new).
    title: tuple[Span, ...] = ()
    # What the comparison did coarsely to stay within its bounds (compare.COARSE_NOTE).
    notes: tuple[str, ...] = ()
    # The agenda item, sponsors line and chapeau, in that order, where either version prints them.
    header: tuple[HeaderChange, ...] = ()
    # What makes the comparison doubtful, said on standard error and listed by the reports
    # (Message values): versions in two languages, documents that share little text, other
    # documents both files hold that differ.
    warnings: tuple[str, ...] = ()

    @property
    def header_changed(self) -> tuple[HeaderChange, ...]:
        """The header parts whose wording differs (beyond width and spacing) in both versions."""
        return tuple(h for h in self.header if h.kind is ChangeKind.MODIFIED)

    @property
    def title_changed(self) -> bool:
        """True when the titles differ beyond width and spacing."""
        from .text import normalize

        return normalize(self.old.title or "") != normalize(self.new.title or "")

    def summary(self) -> dict[str, int]:
        """Counts of each change kind and of the moved and renumbered flags."""
        counts = {kind.value: 0 for kind in ChangeKind}
        counts["moved"] = 0
        counts["renumbered"] = 0
        for change in self.changes:
            counts[change.kind.value] += 1
            counts["moved"] += change.moved
            counts["renumbered"] += change.renumbered
        return counts

    def changed_parts(self) -> dict[str, int]:
        """How many entries of each part of the text changed (not unchanged, or flagged): body
        paragraphs (preambular and operative), annex paragraphs, headings, sub-paragraphs,
        footnotes and footnote references; and 1 for the title when it changed."""
        def part(change: Change) -> str:
            ids = change.new or change.old
            doc = self.new if change.new else self.old
            kind = doc.paragraph(ids[0]).kind
            return {ParagraphKind.ANNEX: "annex", ParagraphKind.HEADING: "headings"}.get(kind, "body")

        counts = dict.fromkeys(("body", "annex", "headings", "sub-paragraphs", "footnotes", "references", "title",
                                "header"), 0)
        for change in self.changes:
            if change.kind is not ChangeKind.UNCHANGED or change.moved or change.renumbered:
                counts[part(change)] += 1
            counts["sub-paragraphs"] += len(change.item_changes) if change.old and change.new else 0
        counts["footnotes"] = sum(1 for f in self.footnotes if f.kind is not ChangeKind.UNCHANGED or f.renumbered)
        counts["references"] = len(self.marks)
        counts["title"] = int(self.title_changed)
        counts["header"] = len(self.header_changed)
        return counts

    def footnote_summary(self) -> dict[str, int]:
        """Counts of the footnote changes by kind, renumbered footnotes, and paragraphs whose
        footnote references changed."""
        counts = {kind: 0 for kind in ("unchanged", "modified", "added", "removed", "renumbered")}
        for change in self.footnotes:
            counts[change.kind.value] += 1
            counts["renumbered"] += change.renumbered
        counts["references"] = len(self.marks)
        return counts

    @property
    def differs(self) -> bool:
        """True when any paragraph or footnote change is not 'unchanged' or carries a flag (a
        footnote only renumbered is a change, as the summary counts it), a paragraph's footnote
        references changed, or the title or a part of the header changed."""
        return any(
            c.kind is not ChangeKind.UNCHANGED or c.moved or c.renumbered for c in self.changes
        ) or any(f.kind is not ChangeKind.UNCHANGED or f.renumbered for f in self.footnotes) or bool(self.marks) \
            or self.title_changed or bool(self.header_changed)
