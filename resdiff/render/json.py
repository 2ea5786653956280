"""JSON output: the contracts other tools rely on (schemas in resdiff/schemas/)."""

from __future__ import annotations

import json

from ..model import ChangeKind, Comparison, Document, Op, Paragraph, Span
from . import RenderOptions, reading_warnings

# typing is imported by type checkers only: the command starts without it
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

PARSE_SCHEMA = "resdiff.parse/1"
DIFF_SCHEMA = "resdiff.diff/1"


def dumps(data: object) -> str:
    """Deterministic JSON text: UTF-8 characters as they are, two-space indent, final newline.

    Byte for byte ``json.dumps(data, ensure_ascii=False, indent=2)``, written by ``_encode``:
    the standard library encodes indented JSON in pure Python through layers of generators,
    three times slower. Anything ``_encode`` does not know (a key that is not a string, a value
    of another type) goes to ``json.dumps`` itself.
    """
    parts: list[str] = []
    try:
        _encode(data, parts, "\n")
    except _Unusual:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    parts.append("\n")
    return "".join(parts)


class _Unusual(Exception):
    """A value ``_encode`` leaves to the json module."""


_string = json.encoder.encode_basestring  # the C function where the interpreter has it
_float_repr = float.__repr__
_int_repr = int.__repr__


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == float("-inf"):
        return "-Infinity"
    return _float_repr(value)


def _encode(value: object, parts: list[str], indent: str) -> None:
    """Append the JSON of ``value`` to ``parts``, its nested lines indented by ``indent``
    ("\\n" and two spaces a level), the types tested in the json module's order."""
    if isinstance(value, str):
        parts.append(_string(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(_int_repr(value))
    elif isinstance(value, float):
        parts.append(_float(value))
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = indent + "  "
        parts.append("[" + inner)
        separator = "," + inner
        first = True
        for item in value:
            if not first:
                parts.append(separator)
            first = False
            _encode(item, parts, inner)
        parts.append(indent + "]")
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = indent + "  "
        parts.append("{" + inner)
        separator = "," + inner
        first = True
        for key, item in value.items():
            if not isinstance(key, str):
                raise _Unusual
            if not first:
                parts.append(separator)
            first = False
            parts.append(_string(key))
            parts.append(": ")
            _encode(item, parts, inner)
        parts.append(indent + "}")
    else:
        raise _Unusual


def paragraph_dict(paragraph: Paragraph) -> dict:
    """A paragraph as the parse schema describes it."""
    return {
        "id": paragraph.id,
        "kind": paragraph.kind.value,
        "number": paragraph.number,
        "text": paragraph.text,
        "items": [
            {"label": item.label, "text": item.text, "footnotes": list(item.footnotes),
             **({"marks_at": list(item.marks_at)} if item.footnotes and len(item.marks_at) == len(item.footnotes) else {}),
             **({"parent": item.parent} if item.parent else {}),
             **({"printed": item.marked} if item.brackets != "()" else {})}
            for item in paragraph.items
        ],
        "footnotes": list(paragraph.footnotes),
        **({"marks_at": list(paragraph.marks_at)}
           if paragraph.footnotes and len(paragraph.marks_at) == len(paragraph.footnotes) else {}),
    }


def document_dict(document: Document, furniture: bool = False) -> dict:
    """A document as the parse schema describes it (with the furniture lines if asked)."""
    data = {
        "symbol": document.symbol,
        "title": document.title,
        "language": document.language,
        "date": document.date,
        "chapeau": document.chapeau,
        "agenda_item": document.agenda_item,
        "sponsors": document.sponsors,
        "paragraphs": [paragraph_dict(p) for p in document.paragraphs],
        "footnotes": [{"mark": f.mark, "text": f.text} for f in document.footnotes],
        "warnings": list(document.warnings),
    }
    if furniture:
        data["furniture"] = list(document.furniture)
    return data


def render_parse(documents: tuple[Document, ...], source: str, furniture: bool = False) -> str:
    """The ``resdiff parse --format json`` output."""
    return dumps({"schema": PARSE_SCHEMA, "source": source,
                  "documents": [document_dict(d, furniture) for d in documents]})


def _side(document: Document) -> dict:
    return {
        "symbol": document.symbol,
        "title": document.title,
        "language": document.language,
        "date": document.date,
        "source": document.source,
        "paragraphs": len(document.paragraphs),
        # what reading the file left out or could not vouch for, as said on standard error
        "warnings": list(reading_warnings(document)),
        "furniture": list(document.furniture),
        # the stored revision, where the store holds several of the symbol; absent otherwise
        **({"revision": document.revision} if document.revision is not None else {}),
    }


def _layout_only(kind: ChangeKind, inline: tuple[Span, ...]) -> dict:
    # An unchanged entry whose spans still differ: equal once widths and spaces are normalised
    # (a full-width comma, a doubled space), not byte for byte. Marked so that a reader of the
    # spans is not surprised by insert/delete spans under "unchanged"; absent otherwise, so the
    # entries of diff/1 readers keep their shape.
    if kind is ChangeKind.UNCHANGED and any(span.op is not Op.EQUAL for span in inline):
        return {"layout": True}
    return {}


def _items(change) -> dict:
    # What became of each sub-paragraph, for changes whose paragraphs have any; absent
    # otherwise, so that the entries of diff/1 readers keep their shape.
    if not change.items:
        return {}
    return {"items": [
        {"kind": item.kind.value, "old": item.old, "new": item.new, "relettered": item.relettered,
         "moved": item.moved, "similarity": item.similarity,
         **({"elsewhere": item.elsewhere} if item.elsewhere else {})}
        for item in change.items]}


def comparison_dict(comparison: Comparison, only_changes: bool = False) -> dict:
    """A comparison as the diff schema describes it; ``only_changes`` leaves out the unchanged
    paragraphs and footnotes (width-only ones included), keeping the summary whole."""
    def shown(kind: ChangeKind, *flags: bool) -> bool:
        return not only_changes or kind is not ChangeKind.UNCHANGED or any(flags)

    data: dict[str, Any] = {
        "schema": DIFF_SCHEMA,
        "old": _side(comparison.old),
        "new": _side(comparison.new),
        "summary": comparison.summary(),
        "changed_parts": comparison.changed_parts(),
        "changes": [
            {
                "kind": change.kind.value,
                "old": list(change.old),
                "new": list(change.new),
                "moved": change.moved,
                "renumbered": change.renumbered,
                "similarity": change.similarity,
                "inline": [{"op": span.op.value, "text": span.text} for span in change.inline],
                **_layout_only(change.kind, change.inline),
                **_items(change),
            }
            for change in comparison.changes
            if shown(change.kind, change.moved, change.renumbered)
        ],
        "footnotes": [
            {
                "kind": change.kind.value,
                "old": change.old,
                "new": change.new,
                "renumbered": change.renumbered,
                "similarity": change.similarity,
                "inline": [{"op": span.op.value, "text": span.text} for span in change.inline],
                **_layout_only(change.kind, change.inline),
            }
            for change in comparison.footnotes
            if shown(change.kind, change.renumbered)
        ],
        "title": {"changed": comparison.title_changed,
                  "inline": [{"op": span.op.value, "text": span.text} for span in comparison.title]},
        "header": [
            {"part": part.part, "kind": part.kind.value, "old": part.old, "new": part.new,
             "inline": [{"op": span.op.value, "text": span.text} for span in part.inline]}
            for part in comparison.header
            if shown(part.kind, False)
        ],
        "footnote_references": [
            {"old": list(mark.old), "new": list(mark.new), "old_marks": list(mark.old_marks),
             "new_marks": list(mark.new_marks),
             **({"old_at": list(mark.old_at), "new_at": list(mark.new_at), "old_words": list(mark.old_words),
                 "new_words": list(mark.new_words)} if mark.old_at else {})}
            for mark in comparison.marks
        ],
    }
    if only_changes:
        data["only_changes"] = True
    if comparison.warnings:
        # what makes the comparison doubtful, as said on standard error; absent otherwise
        data["warnings"] = list(comparison.warnings)
    if comparison.notes:
        # what was done coarsely to stay within resdiff's bounds; absent otherwise
        data["notes"] = list(comparison.notes)
    return data


def render(comparison: Comparison, options: RenderOptions | None = None) -> str:
    """The ``resdiff diff --format json`` output."""
    return dumps(comparison_dict(comparison, only_changes=bool(options and options.only_changes)))
