"""GitHub-flavoured Markdown: the comparison for pasting into issues, wikis and e-mails.

A summary table, the correspondence of paragraph ids, then each change with its ids and the
text of the new version: deletions ``~~struck~~``, insertions ``**bold**``. Where GFM would not
take a ``**`` or ``~~`` as a delimiter (a Chinese insertion that starts with "，" right after a
Han character, for one), the span is written ``<del>…</del>`` or ``<ins>…</ins>`` instead, so
every change stays marked when rendered and readable as plain text.
"""

from __future__ import annotations

import html
import re
import unicodedata

from ..i18n import _, tr
from ..inline import Shown, for_display
from ..model import Change, ChangeKind, Comparison, Document, Op
from ..text import has_rtl
from . import (
    RenderOptions,
    alike,
    counted,
    distinct_sides,
    form_note,
    furniture_heading,
    furniture_line,
    header_name,
    item_notes,
    kind_name,
    layout_line,
    marks_shown,
    moved_item_spans,
    no_changes_line,
    parts_line,
    reading_warnings,
    warnings_heading,
)

SUMMARY_ORDER = ("modified", "added", "removed", "merged", "split", "moved", "renumbered", "unchanged")
# ASCII punctuation that is Markdown syntax anywhere in a line ('&' starts an entity); a
# backslash makes each literal. Parentheses, dots and dashes are left alone there, so that text
# stays readable as plain text: they are syntax only at a line's start (handled below) or after
# a ']', which is escaped.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+[.)])", re.MULTILINE)


def escape_markdown(text: str) -> str:
    r"""Text with Markdown syntax escaped, newlines kept as hard breaks.

    >>> escape_markdown("a*b* [c](d) <x> & 1. #")
    'a\\*b\\* \\[c\\](d) \\<x\\> \\& 1. #'
    >>> escape_markdown("- not a list\n1. nor this")
    '\\- not a list  \n1\\. nor this'
    """
    escaped = _SPECIAL.sub(r"\\\1", text)
    escaped = _LINE_START.sub(_escape_line_start, escaped)
    return escaped.replace("\n", "  \n")


def _escape_line_start(match: re.Match) -> str:
    indent, mark = match.group(1), match.group(2)
    if mark[0].isdigit():
        return f"{indent}{mark[:-1]}\\{mark[-1]}"
    return f"{indent}\\{mark}"


def isolated(text: str) -> str:
    """A name or title written right to left, set inside a line of the report's own words:
    wrapped in the invisible Unicode isolates FSI … PDI, so that it cannot pull the numbers and
    words beside it into its own order ("· 0 preambular" after an Arabic title). Markdown has no
    markup of its own for this; every renderer that follows Unicode's bidirectional algorithm
    honours the isolates. Text without right-to-left letters is left as it is.

    >>> isolated("إن مجلس الأمن") == "\u2068إن مجلس الأمن\u2069", isolated("S/RES/338 (1973)")
    (True, 'S/RES/338 (1973)')
    """
    return f"\u2068{text}\u2069" if has_rtl(text) else text


def _cell(text: str) -> str:
    """Text for a table cell, where a line break would end the row."""
    return escape_markdown(text.replace("\n", " "))


def _punctuation(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "PS"


def _flanks(before: str, inner: str, after: str) -> bool:
    """True if delimiters around ``inner`` open and close in GFM, given the characters beside them.

    CommonMark's rule: an opener must not be followed by white space, and if followed by a
    punctuation mark it must follow white space or punctuation; a closer symmetrically.
    """
    first, last = inner[0], inner[-1]
    if first.isspace() or last.isspace():
        return False
    if _punctuation(first) and before and not (before.isspace() or _punctuation(before)):
        return False
    if _punctuation(last) and after and not (after.isspace() or _punctuation(after)):
        return False
    return True


def _pilcrows(text: str) -> str:
    """A paragraph break that was removed (paragraphs merged) shows as a pilcrow."""
    return text.replace("  \n", "¶  \n")


def _joins_a_space(pieces: list[tuple[Op, str]], index: int) -> bool:
    """Whether white space at the edge of piece ``index`` would meet white space of an unchanged
    neighbour if it stood outside the marks (a run of spaces, which a rendered page shows as one)."""
    before = pieces[index - 1] if index else None
    after = pieces[index + 1] if index + 1 < len(pieces) else None
    return bool((before and before[0] is Op.EQUAL and before[1][-1:].isspace())
                or (after and after[0] is Op.EQUAL and after[1][:1].isspace()))


def _mark(spans: tuple[Shown, ...], moves: list[str | None] | None = None) -> str:
    """The spans as Markdown, deletions and insertions marked.

    White space at the edges of a change goes outside the delimiters, where GFM wants it (a
    rendered page shows one space for a run of them anyway); a change of white space alone is
    marked with HTML tags, which can hold it, so that it is seen. ``moves``, one a span: the
    phrase of the sub-paragraph move a span shows (``moved_item_spans``), marked with HTML tags
    of class "moved" whose title is the phrase.
    """
    said = moves if moves is not None else [None] * len(spans)
    pieces = [(span.op, escape_markdown(span.text)) for span in spans if span.text]
    notes = [move for span, move in zip(spans, said) if span.text]
    out = []
    for index, (op, text) in enumerate(pieces):
        if op is Op.EQUAL:
            out.append(text)
            continue
        tag = "del" if op is Op.DELETE else "ins"
        if notes[index] is not None:
            title = html.escape(notes[index] or "", quote=True)
            out.append(f'<{tag} class="moved" title="{title}">{_pilcrows(text) if op is Op.DELETE else text}</{tag}>')
            continue
        core = text.strip()
        if not core:
            out.append(f"<{tag}>{text}</{tag}>")
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        if (lead or trail) and (not _joins_a_space(pieces, index) or "\n" in lead + trail):
            # Put outside, this white space would show on the other side too, where there is none
            # (a line break most of all: a whole line added or removed keeps its break inside).
            out.append(f"<{tag}>{_pilcrows(text) if op is Op.DELETE else text}</{tag}>")
            continue
        before = lead[-1:] or (pieces[index - 1][1][-1:] if index else "")
        after = trail[:1] or (pieces[index + 1][1][:1] if index + 1 < len(pieces) else "")
        # A neighbouring delimiter counts as punctuation, which is what GFM sees.
        if index and pieces[index - 1][0] is not Op.EQUAL and not lead:
            before = "~" if pieces[index - 1][0] is Op.DELETE else "*"
        if index + 1 < len(pieces) and pieces[index + 1][0] is not Op.EQUAL and not trail:
            after = "*" if pieces[index + 1][0] is Op.INSERT else "~"
        if op is Op.DELETE:
            # A paragraph break that was removed (paragraphs merged) shows as a pilcrow.
            core = _pilcrows(core)
        delimiter = "~~" if op is Op.DELETE else "**"
        if _flanks(before, core, after):
            out.append(f"{lead}{delimiter}{core}{delimiter}{trail}")
        else:
            out.append(f"{lead}<{tag}>{core}</{tag}>{trail}")
    return "".join(out)


def _ids(document: Document, ids: tuple[str, ...]) -> str:
    return f"{isolated(document.short_symbol)} {' + '.join(ids)}"


def _flags(change: Change) -> str:
    """The change's kind and flags, "modified, moved"."""
    flags = [kind_name(change.kind.value)] + [kind_name(flag) for flag in ("moved", "renumbered") if getattr(change, flag)]
    return _(", ").join(flags)


def _heading(change: Change, comparison: Comparison) -> str:
    old, new = comparison.old, comparison.new
    if change.old and change.new:
        ids = f"{_ids(old, change.old)} → {_ids(new, change.new)}"
    elif change.old:
        ids = _ids(old, change.old)
    else:
        ids = _ids(new, change.new)
    line = f"### {escape_markdown(ids)} ({_flags(change)})"
    if change.similarity is not None and change.kind is not ChangeKind.UNCHANGED:
        line += " — " + _("{percent} alike").format(percent=alike(change.similarity))
    note = form_note(change)
    if note:
        line += " — " + note
    return line


def _is_changed(change: Change) -> bool:
    return change.kind is not ChangeKind.UNCHANGED or change.moved or change.renumbered


def _document_line(role: str, document: Document) -> str:
    parts = [f"**{role}** {isolated(escape_markdown(document.label))}"]
    if document.title:
        parts.append(isolated(escape_markdown(document.title)))
    if document.date:
        parts.append(_("dated {date}").format(date=escape_markdown(document.date)))
    pp, op = document.counts()
    parts.append(_("{pp} preambular, {op} operative paragraphs").format(pp=pp, op=op))
    return "- " + " · ".join(parts)


def _warnings_lines(comparison: Comparison) -> list[str]:
    """What reading each version's file left out or could not vouch for, as said on standard
    error while reading; nothing when both readings were in order."""
    lines: list[str] = []
    if comparison.warnings:
        lines += ["**" + escape_markdown(_("Comparing the two versions")) + "**", ""]
        lines += [f"- {escape_markdown(tr(w))}" for w in comparison.warnings] + [""]
    for role, document in (("old", comparison.old), ("new", comparison.new)):
        said = reading_warnings(document)
        if said:
            lines += [f"**{escape_markdown(warnings_heading(document, role))}**", ""]
            lines += [f"- {escape_markdown(tr(w))}" for w in said] + [""]
    if not lines:
        return []
    return ["## " + _("Warnings from reading the files"), "",
            _("resdiff could not vouch for these parts of the text, or left them out: check them by hand."), "",
            *lines]


def render(comparison: Comparison, options: RenderOptions | None = None) -> str:
    """The comparison as GitHub-flavoured Markdown."""
    options = options or RenderOptions()
    comparison = distinct_sides(comparison)
    old, new = comparison.old, comparison.new
    lines = [f"# {isolated(escape_markdown(old.label))} → {isolated(escape_markdown(new.label))}", ""]
    lines += [_document_line(_("Old:"), old), _document_line(_("New:"), new), ""]

    if comparison.title_changed:
        lines += ["**" + _("Title changed:") + "** " + _mark(for_display(comparison.title)), ""]
    header = [part for part in comparison.header
              if not (options.only_changes and part.kind is ChangeKind.UNCHANGED)]
    for part in header:
        label = _("{part}:").format(part=escape_markdown(header_name(part, old, new)))
        lines.append(f"- **{label}** {_mark(for_display(part.inline))}")
    if header:
        lines.append("")
    lines += _warnings_lines(comparison)
    summary = comparison.summary()
    lines += ["## " + _("Summary"), "", "| " + " | ".join(kind_name(key) for key in SUMMARY_ORDER) + " |",
              "|" + "---:|" * len(SUMMARY_ORDER),
              "| " + " | ".join(str(summary[key]) for key in SUMMARY_ORDER) + " |", ""]
    if parts_line(comparison):
        lines += [escape_markdown(parts_line(comparison)) + _("."), ""]
    for counted_line in (layout_line(comparison), furniture_line(comparison, listed=options.furniture)):
        if counted_line:
            lines += [escape_markdown(counted_line) + _("."), ""]

    lines += ["## " + _("Correspondence"), "",
              f"| {isolated(_cell(old.short_symbol))} | {isolated(_cell(new.short_symbol))} | " + _("change") + " |",
              "|---|---|---|"]
    for change in comparison.changes:
        if options.only_changes and not _is_changed(change):
            continue
        lines.append(f"| {_cell(' + '.join(change.old)) or '—'} | {_cell(' + '.join(change.new)) or '—'} "
                     f"| {_flags(change)} |")
    lines.append("")

    lines += ["## " + _("Changes"), "",
              _("Text of {symbol} in reading order; ~~struck~~ text was deleted, **bold** text inserted.").format(
                  symbol=isolated(escape_markdown(new.short_symbol))), ""]
    shown = 0
    for change in comparison.changes:
        if options.only_changes and not _is_changed(change):
            continue
        shown += 1
        lines += [_heading(change, comparison), ""]
        if change.kind is ChangeKind.MERGED:
            lines += [_("Merges {ids}.").format(ids=escape_markdown(_(" and ").join(_ids(old, (p,)) for p in change.old))), ""]
        elif change.kind is ChangeKind.SPLIT:
            lines += [_("Splits into {ids}.").format(ids=escape_markdown(_(" and ").join(_ids(new, (p,)) for p in change.new))), ""]
        notes = item_notes(change)
        if notes:
            lines += [_("Sub-paragraphs: {notes}").format(notes=escape_markdown(_("; ").join(notes))) + _("."), ""]
        pairs = moved_item_spans(change, comparison)
        text = _mark(tuple(span for span, _move in pairs), [move for _span, move in pairs])
        lines += [text, ""]
    footnotes = [f for f in comparison.footnotes
                 if not (options.only_changes and f.kind is ChangeKind.UNCHANGED and not f.renumbered)]
    if footnotes or comparison.marks:
        summary = comparison.footnote_summary()
        lines += ["## " + _("Footnotes"), "", " · ".join(counted(key, summary[key]) for key in
                                                         ("unchanged", "modified", "added", "removed", "renumbered")), ""]
        for note in footnotes:
            sides = [_("{symbol} footnote {mark}").format(symbol=isolated(document.short_symbol), mark=mark)
                     for document, mark in ((old, note.old), (new, note.new)) if mark is not None]
            flags = [kind_name(note.kind.value)] + ([kind_name("renumbered")] if note.renumbered else [])
            heading = f"### {escape_markdown(' → '.join(sides))} (" + _(", ").join(flags) + ")"
            if note.kind is ChangeKind.MODIFIED and note.similarity is not None:
                heading += " — " + _("{percent} alike").format(percent=alike(note.similarity))
            lines += [heading, "", _mark(for_display(note.inline)), ""]
        for mark in comparison.marks:
            lines += ["- " + _("Footnote references of {old} → {new}: {old_marks} → {new_marks}").format(
                old=escape_markdown(_ids(old, mark.old)), new=escape_markdown(_ids(new, mark.new)),
                old_marks=marks_shown(mark, False), new_marks=marks_shown(mark, True))]
        if comparison.marks:
            lines.append("")
        shown += len(footnotes) + len(comparison.marks)
    if shown == 0:
        lines += [no_changes_line(comparison), ""]
    if options.furniture and (old.furniture or new.furniture):
        lines += ["## " + _("Page furniture"), ""]
        for document in (old, new):
            if document.furniture:
                lines += [escape_markdown(furniture_heading(document)), ""]
                lines += ["- " + escape_markdown(tr(line)) for line in document.furniture]
                lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
