"""Renderers: a finished Comparison (or parsed documents) in, text or bytes out.

Each output format is a module with a ``render(comparison, options) -> str | bytes`` function;
``FORMATS`` maps the names the CLI accepts to those modules, imported only when used.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from enum import Enum

from ..i18n import N_, _, ngettext
from ..model import MarkChange, whole_report

# typing is imported by type checkers only: the command starts without it
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


class DiffFormat(str, Enum):
    """Output formats of ``resdiff diff``."""

    TERMINAL = "terminal"
    JSON = "json"
    HTML = "html"
    MARKDOWN = "markdown"
    DOCX = "docx"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How a comparison is shown; built once by the CLI."""

    only_changes: bool = False
    width: int | None = None
    color: bool | None = None
    author: str = "resdiff"
    date: str | None = None
    furniture: bool = False  # list the lines each version left out as page furniture


_MODULES = {
    DiffFormat.TERMINAL: "resdiff.render.terminal",
    DiffFormat.JSON: "resdiff.render.json",
    DiffFormat.HTML: "resdiff.render.html",
    DiffFormat.MARKDOWN: "resdiff.render.markdown",
    DiffFormat.DOCX: "resdiff.render.docx",
}


# The names a user may give --format (any case), and the file endings that name a format.
FORMAT_NAMES = {
    "terminal": DiffFormat.TERMINAL, "text": DiffFormat.TERMINAL, "txt": DiffFormat.TERMINAL,
    "json": DiffFormat.JSON,
    "html": DiffFormat.HTML, "htm": DiffFormat.HTML,
    "markdown": DiffFormat.MARKDOWN, "md": DiffFormat.MARKDOWN,
    "docx": DiffFormat.DOCX, "word": DiffFormat.DOCX,
}
FORMAT_SUFFIXES = {
    ".txt": DiffFormat.TERMINAL, ".json": DiffFormat.JSON, ".html": DiffFormat.HTML, ".htm": DiffFormat.HTML,
    ".md": DiffFormat.MARKDOWN, ".markdown": DiffFormat.MARKDOWN, ".docx": DiffFormat.DOCX,
}


def choose_format(name: str | None, output: str | None) -> DiffFormat:
    """The output format: ``--format`` if given (aliases and any case), else the ending of the
    ``-o`` file's name, else the terminal view. A ValueError says why when the two disagree.

    >>> choose_format(None, "report.DOCX"), choose_format("MD", None), choose_format(None, "notes")
    (<DiffFormat.DOCX: 'docx'>, <DiffFormat.MARKDOWN: 'markdown'>, <DiffFormat.TERMINAL: 'terminal'>)
    >>> choose_format("json", "r.html")
    Traceback (most recent call last):
    ValueError: --format json does not match the file name r.html (which says html): drop one, or make them agree
    >>> choose_format(None, "changes.pdf")
    Traceback (most recent call last):
    ValueError: resdiff does not write .pdf files: name the file .txt, .json, .html, .htm, .md or .docx, or give --format
    """
    by_name = None
    if name is not None:
        by_name = FORMAT_NAMES.get(name.strip().lower())
        if by_name is None:
            raise ValueError(_("unknown format {name!r}: choose one of {names}").format(name=name, names=_(", ").join(sorted(FORMAT_NAMES))))
    by_file = None
    if output is not None:
        ending = os.path.splitext(output)[1].lower()
        by_file = FORMAT_SUFFIXES.get(ending)
        if by_file is None and ending and by_name is None:
            # A name that says another format (a .pdf, a .doc) would hold text that no program
            # opens as it says: refused rather than written so.
            raise ValueError(_("resdiff does not write {ending} files: name the file .txt, .json, .html, .htm, .md "
                               "or .docx, or give --format").format(ending=ending))
    if by_name is not None and by_file is not None and by_name is not by_file:
        raise ValueError(_("--format {name} does not match the file name {output} (which says {format}): "
                           "drop one, or make them agree").format(name=name, output=output, format=by_file.value))
    return by_name or by_file or DiffFormat.TERMINAL


# What the views call the kinds of change and their flags (the JSON keeps these English words).
KIND_NAMES = {
    "unchanged": N_("unchanged"), "modified": N_("modified"), "added": N_("added"), "removed": N_("removed"),
    "merged": N_("merged"), "split": N_("split"), "moved": N_("moved"), "renumbered": N_("renumbered"),
}
# A count of changes of one kind: "36 modified".
COUNTED = {
    "unchanged": N_("{n} unchanged"), "modified": N_("{n} modified"), "added": N_("{n} added"),
    "removed": N_("{n} removed"), "merged": N_("{n} merged"), "split": N_("{n} split"), "moved": N_("{n} moved"),
    "renumbered": N_("{n} renumbered"),
}
# What the parse view calls the kinds of paragraph.
PARAGRAPH_KIND_NAMES = {"preambular": N_("preambular"), "operative": N_("operative"), "annex": N_("annex"),
                        "heading": N_("heading")}


def kind_name(key: str) -> str:
    """A kind of change or a flag ("modified", "moved") in the interface language."""
    return _(KIND_NAMES[key]) if key in KIND_NAMES else key


def counted(key: str, n: int) -> str:
    """How many changes of a kind, "36 modified", in the interface language."""
    return _(COUNTED[key]).format(n=n) if key in COUNTED else f"{n} {key}"


def paragraph_kind_name(key: str) -> str:
    """A kind of paragraph ("preambular") in the interface language."""
    return _(PARAGRAPH_KIND_NAMES[key]) if key in PARAGRAPH_KIND_NAMES else key


def alike(similarity: float) -> str:
    """A similarity as a whole percentage, rounded down: a reworded paragraph never reads 100%.

    >>> alike(0.996), alike(0.5), alike(1.0)
    ('99%', '50%', '100%')
    """
    return f"{int(similarity * 100 + 1e-9)}%"


def form_note(change) -> str | None:
    """What an unchanged paragraph whose printed text still differs is said to differ in: its
    marks show full-width against half-width forms or spacing, which reading does not change."""
    from ..model import ChangeKind, Op

    if change.kind is ChangeKind.UNCHANGED and any(span.op is not Op.EQUAL for span in change.inline):
        return _("width or spacing only")
    return None


def opening_words(text: str, cells: int = 36) -> str:
    """The start of a paragraph, at most ``cells`` terminal cells wide (Chinese characters take
    two), cut at a word's end in scripts that space their words, with "…" when cut.

    >>> opening_words("Recalling its resolution 56/183 of 21 December 2001", 24)
    'Recalling its resolution…'
    >>> opening_words("回顾其 2001 年 12 月 21 日第 56/183 号决议", 16)
    '回顾其 2001 年…'
    """
    from rich.cells import cell_len

    text = " ".join(text.split())
    if cell_len(text) <= cells:
        return text
    out = []
    used = 0
    for ch in text:
        used += cell_len(ch)
        if used > cells:
            break
        out.append(ch)
    head = "".join(out)
    rest = text[len(head):]
    if head and rest and head[-1].isascii() and head[-1].isalnum() and rest[0].isalnum() and " " in head:
        head = head[: head.rindex(" ")]  # a Latin word or a number is not cut in two
    return head.rstrip() + "…"


def distinct_sides(comparison):
    """The comparison with its two versions named apart wherever a view names them by their short
    symbols (a paragraph's "L.22 OP1 → L.56 OP1", the columns, the buttons "as in L.56").

    The short symbol is the symbol's tail as delegates say it ("L.22", "61/211", "338 (1973)"):
    without its organ it still reads as one document (a General Assembly number, session/number;
    a Security Council one, number (year)), but two versions can share it. Where the symbols
    differ and only their tails agree (A/C.2/65/L.22 and A/C.3/65/L.22), each is named by its whole
    symbol; where the symbols, or the file names of texts without one, are the same, the tail is
    marked old and new ("L.41 (old)", "L.41（旧）" in Chinese). Otherwise the comparison is returned
    as it is.

    >>> from resdiff.model import Comparison, Document
    >>> def sides(a, b):
    ...     c = distinct_sides(Comparison(Document(a, None, "en", ()), Document(b, None, "en", ()), ()))
    ...     return c.old.short_symbol, c.new.short_symbol
    >>> sides("A/C.2/65/L.22", "A/C.2/65/L.56"), sides("A/C.2/65/L.22", "A/C.3/65/L.22")
    (('L.22', 'L.56'), ('A/C.2/65/L.22', 'A/C.3/65/L.22'))
    >>> sides("S/RES/338 (1973)", "S/RES/338 (1973)")
    ('338 (1973) (old)', '338 (1973) (new)')
    """
    from dataclasses import replace

    old, new = comparison.old, comparison.new
    if old.short_symbol != new.short_symbol:
        return comparison
    if old.symbol and new.symbol and old.symbol != new.symbol:
        names = old.symbol, new.symbol
    else:
        names = (_("{name} (old)").format(name=old.short_symbol), _("{name} (new)").format(name=new.short_symbol))
    return replace(comparison, old=replace(old, shown_as=names[0]), new=replace(new, shown_as=names[1]))


def renderer(fmt: DiffFormat):
    """The ``render`` function of an output format."""
    return importlib.import_module(_MODULES[DiffFormat(fmt)]).render


def item_notes(change) -> list[str]:
    """The phrases of ``marked_item_notes``."""
    return [note for note, _moved in marked_item_notes(change)]


def marked_item_notes(change) -> list[tuple[str, bool]]:
    """One phrase per sub-paragraph of a change that did not stay as it was, in reading order,
    each with whether it says a move (which HTML and Markdown mark as such):
    added, removed, modified, relettered, moved. Of a wholly added or removed paragraph, only
    the sub-paragraphs that moved (the rest is said by the paragraph's own kind).

    >>> from resdiff.model import Change, ChangeKind as K, ItemChange as I
    >>> item_notes(Change(K.MODIFIED, ("OP5",), ("OP5",), items=(I(K.ADDED, None, "OP5(a)"),
    ...     I(K.UNCHANGED, "OP5(a)", "OP5(b)", relettered=True), I(K.MODIFIED, "OP5(b)", "OP5(c)", relettered=True),
    ...     I(K.REMOVED, "OP5(e)", None, moved=True, elsewhere="OP21(e)"))))
    ['OP5(a) added', 'OP5(a) → OP5(b) relettered', 'OP5(b) → OP5(c) relettered and modified', 'OP5(e) moved to OP21(e)']
    >>> item_notes(Change(K.MODIFIED, ("OP5",), ("OP5",), items=(I(K.UNCHANGED, "OP5(b)", "OP5(a)", relettered=True),
    ...     I(K.UNCHANGED, "OP5(a)", "OP5(b)", relettered=True, moved=True))))
    ['OP5(b) → OP5(a) relettered', 'OP5(a) → OP5(b) moved and relettered']
    >>> item_notes(Change(K.MODIFIED, ("OP2",), ("OP1",), items=(I(K.MODIFIED, "OP2(b)", "OP1(b)"),)))
    ['OP2(b) → OP1(b) modified']
    >>> item_notes(Change(K.MODIFIED, ("OP19",), ("OP19",), items=(I(K.REMOVED, "OP19(a)", None), I(K.REMOVED, "OP19(b)", None))))
    ["OP19(a), OP19(b) run into the paragraph's text"]
    """
    from ..model import ChangeKind

    notes = []
    whole = not change.old or not change.new
    items = change.item_changes
    # (every sub-paragraph of the pair, not only the changed ones: one added to a list that was
    # there is "added")
    if not whole and items and all(i.kind is ChangeKind.REMOVED and not i.moved for i in change.items):
        # The list was run into the paragraph's text (or the other way round): its text is in
        # the paragraph's word diff, not gone.
        return [(_("{items} run into the paragraph's text")
                 .format(items=_(", ").join(i.old for i in items)), False)]
    if not whole and items and all(i.kind is ChangeKind.ADDED and not i.moved for i in change.items):
        return [(_("{items} set out from the paragraph's text")
                 .format(items=_(", ").join(i.new for i in items)), False)]
    for item in change.item_changes:
        if whole and not item.moved:
            continue
        if item.moved:
            notes.append((move_note(item), True))
        elif item.kind is ChangeKind.ADDED:
            notes.append((_("{item} added").format(item=item.new), False))
        elif item.kind is ChangeKind.REMOVED:
            notes.append((_("{item} removed").format(item=item.old), False))
        elif item.relettered:
            if item.kind is ChangeKind.MODIFIED:
                notes.append((_("{old} → {new} relettered and modified").format(old=item.old, new=item.new), False))
            else:
                notes.append((_("{old} → {new} relettered").format(old=item.old, new=item.new), False))
        elif item.old != item.new:
            # its paragraph renumbered: old → new, as every other phrase names it
            notes.append((_("{old} → {new} modified").format(old=item.old, new=item.new), False))
        else:
            notes.append((_("{item} modified").format(item=item.new), False))
    return notes


def move_note(item) -> str:
    """The phrase for a sub-paragraph that moved: to or from another paragraph ("OP1(b) moved to
    OP2(a)"), or within its list ((a) and (b) swapped: "OP2(a) → OP2(b) moved and relettered")."""
    from ..model import ChangeKind

    if item.kind is ChangeKind.ADDED:
        return _("{item} moved from {elsewhere}").format(item=item.new, elsewhere=item.elsewhere)
    if item.kind is ChangeKind.REMOVED:
        return _("{item} moved to {elsewhere}").format(item=item.old, elsewhere=item.elsewhere)
    # moved within its list ((a) and (b) swapped), as a paragraph moves
    if item.relettered:
        return (_("{old} → {new} moved, relettered and modified").format(old=item.old, new=item.new)
                if item.kind is ChangeKind.MODIFIED
                else _("{old} → {new} moved and relettered").format(old=item.old, new=item.new))
    return (_("{old} → {new} moved and modified").format(old=item.old, new=item.new)
            if item.kind is ChangeKind.MODIFIED else _("{old} → {new} moved").format(old=item.old, new=item.new))


def moved_item_spans(change, comparison) -> list[tuple[Any, str | None]]:
    """The change's spans as shown (``for_display``), each with the phrase of the sub-paragraph
    move it shows, None for the rest: the line of a moved sub-paragraph deleted where it stood
    ("OP1(b) moved to OP2(a)") and inserted where it stands ("OP2(a) moved from OP1(b)"), its
    line breaks with it; a span reaching beyond such a line is cut where the line ends. HTML and
    Markdown mark those pieces as moved, as the "Sub-paragraphs:" line says.

    >>> from resdiff.parse import parse_text
    >>> from resdiff.compare import compare
    >>> old = "The General Assembly,\\n\\n1. Requests:\\n(a) A report;\\n(b) A plan;\\n\\n2. Decides:\\n(a) To act.\\n"
    >>> new = "The General Assembly,\\n\\n1. Requests:\\n(a) A report;\\n\\n2. Decides:\\n(a) A plan;\\n(b) To act.\\n"
    >>> c = compare(parse_text(old)[0], parse_text(new)[0])
    >>> [(s.op.value, s.text, note) for s, note in moved_item_spans(c.changes[0], c) if note]
    [('delete', '\\n(b) A plan;', 'OP1(b) moved to OP2(a)')]
    >>> [(s.op.value, s.text, note) for s, note in moved_item_spans(c.changes[1], c) if note]
    [('insert', '(a) A plan;\\n', 'OP2(a) moved from OP1(b)')]
    """
    from ..inline import Shown, for_display
    from ..items import item_id
    from ..model import ChangeKind, Op

    shown = for_display(change.inline)
    moves = [item for item in change.item_changes if item.moved]
    if not moves:
        return [(span, None) for span in shown]

    def lines(document, ids) -> dict[str, tuple[int, int]]:
        # where each sub-paragraph's line starts and ends in the paragraphs' bodies joined by newlines
        found: dict[str, tuple[int, int]] = {}
        at = 0
        for pid in ids:
            paragraph = document.paragraph(pid)
            first = 1 if paragraph.text or not paragraph.items else 0
            for k, line in enumerate(paragraph.body.split("\n")):
                if first <= k < first + len(paragraph.items):
                    found[item_id(paragraph.id, paragraph.items[k - first])] = (at, at + len(line))
                at += len(line) + 1
        return found

    old_lines, new_lines = lines(comparison.old, change.old), lines(comparison.new, change.new)
    ranges: dict[Any, list[tuple[int, int, str]]] = {Op.DELETE: [], Op.INSERT: []}
    for item in moves:
        note = move_note(item)
        if item.kind is not ChangeKind.ADDED and item.old in old_lines:
            start, end = old_lines[item.old]
            ranges[Op.DELETE].append((start - 1, end + 1, note))  # with the line breaks around it
        if item.kind is not ChangeKind.REMOVED and item.new in new_lines:
            start, end = new_lines[item.new]
            ranges[Op.INSERT].append((start - 1, end + 1, note))
    out: list[tuple[Any, str | None]] = []
    at = {Op.DELETE: 0, Op.INSERT: 0}
    for span in shown:
        if span.op is Op.EQUAL:
            out.append((span, None))
            at[Op.DELETE] += len(span.text)
            at[Op.INSERT] += len(span.text)
            continue
        start = at[span.op]
        end = start + len(span.text)
        cuts = sorted({start, end} | {c for a, b, _note in ranges[span.op] for c in (a, b) if start < c < end})
        for x, y in zip(cuts, cuts[1:]):
            said = next((n for a, b, n in ranges[span.op] if a <= x and y <= b), None)
            out.append((Shown(span.op, span.text[x - start:y - start], span.layout), said))
        at[span.op] = end
    return out


def header_label(part, comparison) -> str:
    """What a view prints before a part of the header: nothing where both versions print it
    (an agenda item, a sponsors line and a chapeau name themselves), else which one does.

    >>> from resdiff.model import ChangeKind, HeaderChange, Document, Comparison
    >>> c = Comparison(Document("A/C.3/56/L.22", None, "en", ()), Document("A/C.3/56/L.22/Rev.1", None, "en", ()), ())
    >>> header_label(HeaderChange("sponsors", ChangeKind.REMOVED, "X: draft resolution", None), c)
    'Only in L.22: '
    """
    from ..model import ChangeKind

    if part.kind is ChangeKind.REMOVED:
        return _("Only in {symbol}: ").format(symbol=comparison.old.short_symbol)
    if part.kind is ChangeKind.ADDED:
        return _("Only in {symbol}: ").format(symbol=comparison.new.short_symbol)
    return ""


def header_name(part, old, new) -> str:
    """How the Markdown and HTML reports name a part of the header: "Agenda item",
    "Sponsors changed", "Chapeau (only in L.22)".

    >>> from resdiff.model import ChangeKind, HeaderChange, Document
    >>> old, new = Document("A/C.3/56/L.22", None, "en", ()), Document("A/RES/56/150", None, "en", ())
    >>> header_name(HeaderChange("sponsors", ChangeKind.REMOVED, "X: draft resolution", None), old, new)
    'Sponsors (only in L.22)'
    """
    from ..model import ChangeKind

    name = {"agenda item": N_("Agenda item"), "sponsors": N_("Sponsors"), "chapeau": N_("Chapeau")}[part.part]
    if part.kind is ChangeKind.MODIFIED:
        return _("{part} changed").format(part=_(name))
    if part.kind is ChangeKind.REMOVED:
        return _("{part} (only in {symbol})").format(part=_(name), symbol=old.short_symbol)
    if part.kind is ChangeKind.ADDED:
        return _("{part} (only in {symbol})").format(part=_(name), symbol=new.short_symbol)
    return _(name)


def reading_warnings(document) -> tuple[str, ...]:
    """What reading a version's file left out or could not vouch for, one sentence each (English
    ``Message`` values: ``tr()`` shows them in the interface language), in the order ``resdiff diff``
    says them on standard error: the notes (a Word table skipped), then the parser's warnings."""
    return tuple(document.notes) + tuple(document.warnings)


def warnings_heading(document, role: str) -> str:
    """The name of a version's list of reading warnings ('old' or 'new' ``role``): 'Reading the old
    version (tb.docx)'."""
    name = document.source or document.symbol or document.label
    if role == "old":
        return _("Reading the old version ({source})").format(source=name)
    return _("Reading the new version ({source})").format(source=name)


def parts_line(comparison) -> str:
    """What changed beyond the body's paragraphs, in words; empty when nothing did.

    Says "Changed: 3 body paragraphs, 2 annex paragraphs, 1 heading, 1 footnote" and the like, so
    that a change in an annex, a heading, a footnote, the title or the header (chapeau, agenda
    item, sponsors) is never only in the details.
    """
    counts = comparison.changed_parts()
    if not any(counts[key] for key in counts if key != "body"):
        return ""
    said = [_part(key, counts[key]) for key in ("body", "annex", "headings", "sub-paragraphs", "footnotes",
                                                 "references", "title", "header") if counts[key]]
    return _("Changed: {parts}").format(parts=_(", ").join(said))


def layout_counts(comparison) -> tuple[int, int]:
    """How many paragraphs (changes) and footnotes are unchanged in wording but differ in width
    or spacing (a half-width "," in Chinese text, "（" for "(", a space dropped)."""
    paragraphs = sum(1 for change in comparison.changes if form_note(change))
    footnotes = sum(1 for change in comparison.footnotes if form_note(change))
    return paragraphs, footnotes


def layout_line(comparison) -> str:
    """What differs in width or spacing alone, counted, so that no view says two versions read
    the same where a character differs; empty when nothing does.

    >>> from resdiff.model import Change, ChangeKind, Comparison, Document, Op, Span
    >>> spans = (Span(Op.EQUAL, "决定采取行动"), Span(Op.DELETE, "；"), Span(Op.INSERT, ";"))
    >>> doc = Document("A/C.2/65/L.22", None, "zh", ())
    >>> layout_line(Comparison(doc, doc, (Change(ChangeKind.UNCHANGED, ("OP1",), ("OP1",), inline=spans),)))
    'Width or spacing only: 1 paragraph'
    """
    paragraphs, footnotes = layout_counts(comparison)
    said = []
    if paragraphs:
        said.append(ngettext("{n} paragraph", "{n} paragraphs", paragraphs).format(n=paragraphs))
    if footnotes:
        said.append(ngettext("{n} footnote", "{n} footnotes", footnotes).format(n=footnotes))
    if not said:
        return ""
    return _("Width or spacing only: {parts}").format(parts=_(", ").join(said))


def no_changes_line(comparison) -> str:
    """What a view says when it shows no change: that the versions read the same only where no
    character differs; where widths or spacing do, that the wording is the same."""
    if comparison.differs:
        return _("The paragraphs and footnotes read the same.")
    if any(layout_counts(comparison)):
        return _("No changes in wording: the versions differ in width or spacing only (shown without --only-changes).")
    return _("No changes: the two versions read the same.")


def furniture_line(comparison, listed: bool = False) -> str:
    """How many lines each version left out as page furniture (symbol lines, page numbers,
    running heads, a report's own account), so that a view accounts for every line of both
    texts: each is compared or counted here. Empty when neither version left any out; ``listed``:
    the lines themselves follow (``furniture_heading``), else the option that lists them is named.

    >>> from resdiff.model import Comparison, Document
    >>> old = Document("A/C.2/65/L.22", None, "en", (), furniture=("line 1: 10-12345",))
    >>> furniture_line(Comparison(old, Document("A/C.2/65/L.56", None, "en", ()), ()))
    'Left out as page furniture: 1 line of L.22, 0 lines of L.56 (--show-furniture lists them)'
    >>> report = Document("A/C.2/65/L.30", None, "en", (), furniture=("page 2: 10-67890", "report, page 1: A/65/440"))
    >>> furniture_line(Comparison(report, Document("A/C.2/65/L.61", None, "en", ()), ()), listed=True)
    'Left out as page furniture: 1 line of L.30, 0 lines of L.61, 1 line of the report as a whole'
    """
    old, new = comparison.old, comparison.new
    if not old.furniture and not new.furniture:
        return ""
    # (a committee report's page heads and feet outside every draft: counted once, as its own)
    whole = sum(1 for d in (old, new) for line in d.furniture if whole_report(line))
    owned = [len(d.furniture) - sum(1 for line in d.furniture if whole_report(line)) for d in (old, new)]
    counts = _(", ").join(
        [ngettext("{n} line of {symbol}", "{n} lines of {symbol}", n).format(n=n, symbol=d.short_symbol)
         for d, n in zip((old, new), owned)]
        + ([ngettext("{n} line of the report as a whole", "{n} lines of the report as a whole", whole).format(n=whole)]
           if whole else []))
    if listed:
        return _("Left out as page furniture: {counts}").format(counts=counts)
    return _("Left out as page furniture: {counts} (--show-furniture lists them)").format(counts=counts)


def furniture_heading(document) -> str:
    """What heads the list of one version's page furniture.

    >>> from resdiff.model import Document
    >>> furniture_heading(Document("A/C.2/65/L.22", None, "en", (), furniture=("line 1: 10-12345",)))
    'Left out as page furniture in L.22 (1 line):'
    """
    n = len(document.furniture)
    return ngettext("Left out as page furniture in {symbol} ({n} line):",
                    "Left out as page furniture in {symbol} ({n} lines):", n).format(symbol=document.short_symbol, n=n)


def _part(key: str, n: int) -> str:
    """How many of one part changed, as ``parts_line`` says it."""
    if key == "body":
        text = ngettext("{n} body paragraph", "{n} body paragraphs", n)
    elif key == "annex":
        text = ngettext("{n} annex paragraph", "{n} annex paragraphs", n)
    elif key == "headings":
        text = ngettext("{n} heading", "{n} headings", n)
    elif key == "sub-paragraphs":
        text = ngettext("{n} sub-paragraph", "{n} sub-paragraphs", n)
    elif key == "footnotes":
        text = ngettext("{n} footnote", "{n} footnotes", n)
    elif key == "references":
        text = ngettext("{n} paragraph's footnote references", "{n} paragraphs' footnote references", n)
    elif key == "header":
        text = ngettext("{n} part of the header", "{n} parts of the header", n)
    else:
        return _("the title")
    return text.format(n=n)


_DIRECTIONS: dict[int, tuple[Any, str | None]] = {}


def document_direction(document) -> str | None:
    """The direction of a document's text as a whole (its title and paragraphs: text.direction), read
    once per document."""
    from ..text import direction

    known = _DIRECTIONS.get(id(document))
    if known is None or known[0] is not document:
        sample = [document.title or ""]
        size = 0
        for paragraph in document.paragraphs:
            sample.append(paragraph.body)
            size += len(paragraph.body)
            if size > 20000:
                break
        if len(_DIRECTIONS) > 64:
            _DIRECTIONS.clear()
        known = _DIRECTIONS[id(document)] = (document, direction("\n".join(sample)))
    return known[1]


def marks_shown(mark: MarkChange, new: bool) -> str:
    """A paragraph's footnote marks as a change of references shows them: "1, 2"; where a mark
    moved within its paragraph, each with the words it is set on ("2 after “Human Rights”")."""
    marks = mark.new_marks if new else mark.old_marks
    words = mark.new_words if new else mark.old_words
    if not marks:
        return _("none")
    if len(words) != len(marks):
        return ", ".join(marks)
    return ", ".join(_("{mark} after “{words}”").format(mark=m, words=w) if w else m for m, w in zip(marks, words))

