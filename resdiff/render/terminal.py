"""The terminal view (rich): a header with the summary, then each change with its badge,
ids on both sides and the inline diff. Without colour, deletions read ``[-…-]`` and
insertions ``{+…+}``, so nothing is lost in a pipe, a log file or a monochrome terminal.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from typing import Protocol

from rich.console import Console
from rich.text import Text

from ..i18n import _, language_label, ngettext, tr
from ..inline import for_display
from ..model import Change, ChangeKind, Comparison, Document, Op, Span
from ..text import has_rtl
from . import (
    RenderOptions,
    alike,
    counted,
    distinct_sides,
    form_note,
    furniture_heading,
    furniture_line,
    header_label,
    item_notes,
    kind_name,
    layout_line,
    marks_shown,
    no_changes_line,
    paragraph_kind_name,
    parts_line,
)

_BADGE_STYLE = {
    ChangeKind.UNCHANGED: "dim",
    ChangeKind.MODIFIED: "bold yellow",
    ChangeKind.ADDED: "bold green",
    ChangeKind.REMOVED: "bold red",
    ChangeKind.MERGED: "bold magenta",
    ChangeKind.SPLIT: "bold magenta",
}
# The width of a "line" that never wraps, for output that is not a terminal.
UNWRAPPED = 1_000_000
SUMMARY_ORDER = ("unchanged", "modified", "added", "removed", "merged", "split", "moved", "renumbered")


def bidi_note(*documents: Document) -> str | None:
    """The note said when text written right to left goes to a terminal, else None.

    The terminal view prints text in logical order, as it is stored, and reorders nothing:
    measured on the Arabic fixture pair, mlterm 3.9 lays it out right to left and joins its
    letters, xterm.js (its DOM renderer) joins them and orders each line, and xterm 379 shows the
    letters one by one from the left. Text put in visual order beforehand would read backwards
    in the first two, and in any pipe, file or search.
    """
    for document in documents:
        if has_rtl(document.title or "") or any(has_rtl(p.body) for p in document.paragraphs):
            return _("text written right to left is printed in logical order: a terminal that lays out "
                     "bidirectional text (mlterm, for one) shows it right to left, others (xterm) letter by "
                     "letter from the left; --format html shows it as written")
    return None


def _use_color(options: RenderOptions, to_terminal: bool) -> bool:
    if options.color is not None:
        return options.color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return to_terminal and sys.stdout.isatty()


def _console(options: RenderOptions, to_terminal: bool) -> tuple[Console, bool]:
    color = _use_color(options, to_terminal)
    width = options.width
    if width is None:
        if to_terminal and sys.stdout.isatty():
            width = shutil.get_terminal_size((100, 24)).columns
        else:
            # Written to a file or a pipe, a paragraph stays on one line: pasted into Word or an
            # e-mail, it must not carry line breaks the text does not have.
            width = UNWRAPPED
    console = Console(
        file=io.StringIO(),
        width=max(width, 20),
        color_system="truecolor" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        soft_wrap=False,
    )
    return console, color



def _printed(console: Console) -> str:
    """What has been printed to a console made by ``_console`` (it prints to a string)."""
    buffer = console.file
    assert isinstance(buffer, io.StringIO)
    return buffer.getvalue()


class _Spans(Protocol):
    """What ``_inline`` reads: a paragraph's, a footnote's or the title's change."""

    @property
    def kind(self) -> ChangeKind: ...

    @property
    def inline(self) -> tuple[Span, ...]: ...


def _dated(document: Document) -> str:
    return f"{document.label} ({document.date})" if document.date else document.label


def _ids(document: Document, ids: tuple[str, ...]) -> str:
    return f"{document.short_symbol} {' + '.join(ids)}" if ids else "—"


def _heading(change: Change, comparison: Comparison, color: bool) -> Text:
    text = Text()
    text.append(f"[{kind_name(change.kind.value)}]", style=_BADGE_STYLE[change.kind] if color else None)
    for flag in ("moved", "renumbered"):
        if getattr(change, flag):
            text.append(" ")
            text.append(f"[{kind_name(flag)}]", style="bold cyan" if color else None)
    text.append("  ")
    old = _ids(comparison.old, change.old) if change.old else None
    new = _ids(comparison.new, change.new) if change.new else None
    if old and new:
        text.append(f"{old} → {new}", style="bold" if color else None)
    else:
        text.append(old or new or "", style="bold" if color else None)
    if change.similarity is not None and change.kind is not ChangeKind.UNCHANGED:
        text.append("  " + _("({percent} alike)").format(percent=alike(change.similarity)), style="dim" if color else None)
    note = form_note(change)
    if note:
        text.append("  " + _("({note})").format(note=note), style="dim" if color else None)
    return text


def _inline(change: _Spans, color: bool) -> tuple[Text, frozenset[int], frozenset[int]]:
    """The change's text, whole: equal and deleted spans read the old text, equal and inserted
    spans the new one. Differences of width or spacing alone are marked like any other (dimmed
    in colour), so that neither text loses a character.

    Also the offsets where a line must not break (inside a change mark, after an opening mark
    and before a closing one, so that a mark is never split from what it marks) and those of
    the marks' characters, which the Chinese rules of line breaking read through."""
    text = Text()
    forbidden: set[int] = set()
    marks: set[int] = set()
    quiet = change.kind is ChangeKind.UNCHANGED
    for span in for_display(change.inline):
        if span.op is Op.EQUAL:
            text.append(span.text, style="dim" if color and quiet else None)
        elif color:
            if span.op is Op.DELETE:
                text.append(span.text, style="dim strike" if span.layout or quiet else "red strike")
            else:
                text.append(span.text, style="dim underline" if span.layout or quiet else "green underline")
        else:
            opening, closing = ("[-", "-]") if span.op is Op.DELETE else ("{+", "+}")
            start = len(text)
            text.append(f"{opening}{span.text}{closing}")
            end = len(text)
            lead = len(span.text) - len(span.text.lstrip(" "))
            forbidden.update(range(start + 1, start + len(opening) + lead + 1))
            forbidden.update(range(end - len(closing), end))
            marks.update(range(start, start + len(opening)))
            marks.update(range(end - len(closing), end))
            if span.op is Op.INSERT and text.plain[start - 2:start] == "-]":
                forbidden.add(start)  # a replacement's deletion and insertion stay together
    return text, frozenset(forbidden), frozenset(marks)


# Characters a terminal would act on instead of showing: C0 and C1 controls (an escape sequence
# can recolour the screen or retitle the window) and DEL become their Unicode control pictures
# or a replacement sign; bidirectional controls (which can reorder what a reader sees) become ⇄.
# Each is one character for one, so that styles and line breaks keep their offsets.
_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_VISIBLE = {code: 0x2400 + code for code in range(0x20) if code not in (0x09, 0x0A)}
_VISIBLE.update({0x7F: 0x2421, **{code: 0xFFFD for code in range(0x80, 0xA0)}})
_VISIBLE.update({ord(ch): 0x21C4 for ch in _BIDI_CONTROLS})


def visible(text: str) -> str:
    """``text`` with control, escape and bidirectional control characters shown, not obeyed.

    >>> visible("a\x1b[31mb\u202ec")
    'a␛[31mb⇄c'
    """
    return text.translate(_VISIBLE)


def _print_wrapped(console: Console, text: Text, forbidden: frozenset[int] = frozenset(),
                   marks: frozenset[int] = frozenset()) -> None:
    """Print ``text`` broken into lines by UAX #14 and the Chinese rules (see linebreak);
    unwrapped when the output is not a terminal."""
    shown = visible(text.plain)
    if shown != text.plain:
        text = text.copy()
        text.plain = shown
    if console.width >= UNWRAPPED:
        console.print(text, soft_wrap=True)
        return
    from .linebreak import wrap  # PyICU, loaded only when a line is wrapped

    lines = wrap(text.plain, console.width, forbidden, marks)
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if index + 1 < len(lines) and lines[index + 1][0] == end:
            line.rstrip()  # the line break stands for the spaces where it breaks
        console.print(line, soft_wrap=True)


def _summary_line(comparison: Comparison, color: bool) -> Text:
    summary = comparison.summary()
    text = Text()
    for index, key in enumerate(SUMMARY_ORDER):
        if index:
            text.append("  ")
        text.append(counted(key, summary[key]), style=("dim" if summary[key] == 0 else "bold") if color else None)
    return text


def render(comparison: Comparison, options: RenderOptions | None = None, to_terminal: bool = False) -> str:
    """The comparison as terminal text (ANSI colour only when writing to a colour terminal)."""
    options = options or RenderOptions()
    comparison = distinct_sides(comparison)
    console, color = _console(options, to_terminal)
    old, new = comparison.old, comparison.new
    head = Text()
    head.append(f"{_dated(old)} → {_dated(new)}", style="bold" if color else None)
    _print_wrapped(console, head)
    # The header and the titles whole, in the order a text prints them, marked where they differ
    # (a changed title, agenda item, sponsors line or chapeau is a change).
    for part in comparison.header:
        if part.part == "chapeau" and comparison.title:
            _print_wrapped(console, *_inline(_TitleChange(comparison), color))
        if not (options.only_changes and part.kind is ChangeKind.UNCHANGED):
            _print_wrapped(console, *_labelled(header_label(part, comparison), _inline(part, color), color))
    if comparison.title and not any(part.part == "chapeau" for part in comparison.header):
        _print_wrapped(console, *_inline(_TitleChange(comparison), color))
    _print_wrapped(console, _summary_line(comparison, color))
    parts = parts_line(comparison)
    if parts:
        _print_wrapped(console, Text(parts, style="bold" if color else ""))
    _count_lines(console, comparison, options, color)
    shown = 0
    for change in comparison.changes:
        if options.only_changes and change.kind is ChangeKind.UNCHANGED and not change.moved and not change.renumbered:
            continue
        shown += 1
        console.print()
        _print_wrapped(console, _heading(change, comparison, color))
        notes = item_notes(change)
        if notes:
            _print_wrapped(console, Text(_("Sub-paragraphs: {notes}").format(notes=_("; ").join(notes)),
                                         style="dim" if color else ""))
        _print_wrapped(console, *_inline(change, color))
    shown += _footnotes(console, comparison, options, color)
    if shown == 0:
        console.print()
        _print_wrapped(console, Text(no_changes_line(comparison)))
    _furniture(console, comparison, options)
    return _printed(console)


def _count_lines(console: Console, comparison: Comparison, options: RenderOptions, color: bool) -> None:
    """Under the summary: how many paragraphs differ in width or spacing only, and how many lines
    each version left out as page furniture."""
    layout = layout_line(comparison)
    if layout:
        _print_wrapped(console, Text(layout, style="dim" if color else ""))
    line = furniture_line(comparison, listed=options.furniture)
    if line:
        _print_wrapped(console, Text(line, style="dim" if color else ""))


def _furniture(console: Console, comparison: Comparison, options: RenderOptions) -> None:
    """With --show-furniture: each version's lines left out, one a line, unwrapped."""
    if not options.furniture:
        return
    for document in (comparison.old, comparison.new):
        if document.furniture:
            console.print()
            console.print(Text(furniture_heading(document)), soft_wrap=True)
            for line in document.furniture:
                console.print(Text("  " + visible(tr(line))), soft_wrap=True)


def _labelled(label: str, inline: tuple[Text, frozenset[int], frozenset[int]],
              color: bool) -> tuple[Text, frozenset[int], frozenset[int]]:
    """``_inline``'s text after a label, its offsets moved along."""
    text, forbidden, marks = inline
    shift = len(label)
    labelled = Text(label, style="dim" if color else "")
    labelled.append_text(text)
    return (labelled, frozenset(k + shift for k in forbidden), frozenset(k + shift for k in marks))


class _TitleChange:
    """The titles' spans as ``_inline`` reads a change."""

    def __init__(self, comparison: Comparison) -> None:
        self.inline = comparison.title
        self.kind = ChangeKind.MODIFIED if comparison.title_changed else ChangeKind.UNCHANGED


FOOTNOTE_ORDER = ("unchanged", "modified", "added", "removed", "renumbered")


def _footnotes(console: Console, comparison: Comparison, options: RenderOptions, color: bool) -> int:
    """The footnotes' changes after the paragraphs': each footnote whole, as paragraphs are, then
    the paragraphs whose footnote references changed. How many were shown."""
    listed = [f for f in comparison.footnotes
              if not (options.only_changes and f.kind is ChangeKind.UNCHANGED and not f.renumbered)]
    if not listed and not comparison.marks:
        return 0
    old, new = comparison.old, comparison.new
    console.print()
    summary = comparison.footnote_summary()
    line = Text(_("Footnotes: "), style="bold" if color else "")
    line.append("  ".join(counted(key, summary[key]) for key in FOOTNOTE_ORDER))
    _print_wrapped(console, line)
    for change in listed:
        heading = Text()
        heading.append(f"[{kind_name(change.kind.value)}]", style=_BADGE_STYLE[change.kind] if color else None)
        if change.renumbered:
            heading.append(" ")
            heading.append(f"[{kind_name('renumbered')}]", style="bold cyan" if color else None)
        sides = [_("{symbol} footnote {mark}").format(symbol=document.short_symbol, mark=mark)
                 for document, mark in ((old, change.old), (new, change.new)) if mark is not None]
        heading.append("  " + " → ".join(sides), style="bold" if color else None)
        if change.similarity is not None and change.kind is ChangeKind.MODIFIED:
            heading.append("  " + _("({percent} alike)").format(percent=alike(change.similarity)),
                           style="dim" if color else None)
        console.print()
        _print_wrapped(console, heading)
        _print_wrapped(console, *_inline(change, color))
    for mark in comparison.marks:
        text = Text()
        text.append("[" + _("footnote references") + "]", style="bold yellow" if color else None)
        text.append("  " + _("{old} → {new}: {old_marks} → {new_marks}").format(
            old=_ids(old, mark.old), new=_ids(new, mark.new),
            old_marks=marks_shown(mark, False), new_marks=marks_shown(mark, True)))
        console.print()
        _print_wrapped(console, text)
    return len(listed) + len(comparison.marks)


def render_documents(documents: tuple[Document, ...], options: RenderOptions | None = None,
                     to_terminal: bool = False, furniture: bool = False) -> str:
    """``resdiff parse`` text view: each document, then a row per paragraph."""
    from rich.cells import cell_len
    from rich.table import Table

    options = options or RenderOptions()
    console, color = _console(options, to_terminal)
    unwrapped = console.width == UNWRAPPED
    if unwrapped:
        # An overview table, clipped to a readable width: the JSON view has every paragraph whole.
        # The lines under it (header, footnotes, furniture) stay one a line, unwrapped.
        console.width = 100
    for index, document in enumerate(documents):
        if index:
            console.print()
        pp, op = document.counts()
        console.print(Text(visible(f"{document.label}  {document.title or ''}".rstrip()),
                           style="bold" if color else ""))
        annex, headings = document.annex_counts()
        extra = (ngettext("{n} annex paragraph", "{n} annex paragraphs", annex).format(n=annex) + " · "
                 + ngettext("{n} heading", "{n} headings", headings).format(n=headings) + " · "
                 if annex or headings else "")
        notes = ngettext("{n} footnote", "{n} footnotes", len(document.footnotes)).format(n=len(document.footnotes))
        console.print(Text(_("language {language} · {pp} preambular · {op} operative · {extra}{footnotes}").format(
            language=language_label(document.language), pp=pp, op=op, extra=extra, footnotes=notes)))
        for part in (document.agenda_item, document.sponsors, document.chapeau):
            if part:
                console.print(Text(visible(part)), soft_wrap=unwrapped)
        table = Table(show_header=True, header_style="bold" if color else None, box=None, pad_edge=False,
                      expand=False)
        table.add_column(_("id"), no_wrap=True)
        table.add_column(_("kind"), no_wrap=True)
        table.add_column(_("text"), overflow="fold")
        table.add_column(_("notes"), no_wrap=True)
        limit = max(console.width - 40, 16)
        for paragraph in document.paragraphs:
            table.add_row(visible(paragraph.id), paragraph_kind_name(paragraph.kind.value), _clip(visible(paragraph.text), limit, cell_len),
                          _notes(paragraph.all_footnotes()))
            for item in paragraph.items:
                address = f"({item.parent})({item.label})" if item.parent else f"({item.label})"
                table.add_row(visible(f"{paragraph.id}{address}"), "", _clip(visible(item.text), limit, cell_len),
                              _notes(item.footnotes))
        console.print(table)
        for footnote in document.footnotes:
            console.print(Text(visible(f"  [{footnote.mark}] {footnote.text}")), soft_wrap=unwrapped)
        if furniture:
            console.print(Text(ngettext("left out as page furniture: {n} line", "left out as page furniture: {n} lines",
                                        len(document.furniture)).format(n=len(document.furniture))))
            for line in document.furniture:
                console.print(Text("  " + visible(tr(line))), soft_wrap=unwrapped)
    return _printed(console)


def _notes(marks: tuple[str, ...]) -> str:
    return (_("fn {marks}").format(marks=",".join(marks))) if marks else ""


def _clip(text: str, cells: int, cell_len) -> str:
    """The start of ``text``, at most ``cells`` terminal cells wide (Chinese characters take two)."""
    if cell_len(text) <= cells:
        return text
    out = []
    used = 0
    for ch in text:
        width = cell_len(ch)
        if used + width > cells - 1:
            break
        out.append(ch)
        used += width
    return "".join(out) + "…"


# The least room the opening words of a --stat row are cut to; with less, they are left out.
_LEAST_WORDS = 8


def render_stat(comparison: Comparison, options: RenderOptions | None = None, to_terminal: bool = False) -> str:
    """``resdiff diff --stat``: the header, then one row per change (old ids → new ids, kind and
    flags, share kept, opening words), without the texts.

    Columns are padded by terminal cells, so Chinese opening words line up too.
    """
    comparison = distinct_sides(comparison)
    from rich.cells import cell_len

    from . import opening_words

    options = options or RenderOptions()
    console, color = _console(options, to_terminal)
    old, new = comparison.old, comparison.new
    _print_wrapped(console, Text(f"{_dated(old)} → {_dated(new)}", style="bold" if color else ""))
    if old.title or new.title:
        _print_wrapped(console, Text(old.title or "" if old.title == new.title else f"{old.title or '—'} → {new.title or '—'}"))
    _print_wrapped(console, _summary_line(comparison, color))
    parts = parts_line(comparison)
    if parts:
        _print_wrapped(console, Text(parts, style="bold" if color else ""))
    _count_lines(console, comparison, options, color)
    console.print()
    rows = [(old.short_symbol, "", new.short_symbol, _("change"), _("kept"), _("opening words"))]
    styles = []
    for change in comparison.changes:
        if options.only_changes and change.kind is ChangeKind.UNCHANGED and not change.moved and not change.renumbered:
            continue
        flags = [kind_name(change.kind.value)] + [kind_name(flag) for flag in ("moved", "renumbered") if getattr(change, flag)]
        kept = alike(change.similarity) if change.similarity is not None else ""
        document, ids = (new, change.new) if change.new else (old, change.old)
        try:
            words = opening_words(document.paragraph(ids[0]).body, 40)
        except (KeyError, IndexError):
            words = ""
        rows.append((" + ".join(change.old) or "—", "→", " + ".join(change.new) or "—", " ".join(flags), kept, words))
        styles.append(_BADGE_STYLE[change.kind])
    widths = [max(cell_len(row[column]) for row in rows) for column in range(5)]
    if sum(widths) + 2 * 4 + 1 > console.width:
        # Too narrow for the columns: the change and the share kept follow the ids unpadded, and
        # a row wraps between words rather than lose any.
        widths[3:5] = [0, 0]
    for index, row in enumerate(rows):
        line = Text()
        for column, cell in enumerate(row[:5]):
            pad = " " * max(widths[column] - cell_len(cell), 0)
            cell_text = pad + cell if column == 4 else cell + pad
            style = None
            if color and index == 0:
                style = "bold"
            elif color and column == 3:
                style = styles[index - 1]
            line.append(cell_text, style=style)
            line.append("  " if column != 0 else " ")
        # The ids, the change and the share kept are never cut: the opening words (a preview of
        # the text, which --stat leaves out) take what room is left on the line, if any; in a
        # terminal too narrow for the rest, the row wraps.
        room = console.width - line.cell_len
        preview = Text(row[5], style="dim" if color and index else "")
        if preview.cell_len > room:
            preview.truncate(max(room, 0), overflow="ellipsis")
        if preview.cell_len <= room and (room >= _LEAST_WORDS or preview.plain == row[5]):
            line.append_text(preview)
        else:
            line.rstrip()
        console.print(line, overflow="fold")
    _furniture(console, comparison, options)
    return _printed(console)
