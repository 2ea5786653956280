"""resdiff: compare versions of a United Nations resolution paragraph by paragraph.

The public API (``compare`` is imported with the package; the rest when first used):

- ``parse_file(path)`` / ``parse_text(text, source)``: the resolution documents in a file or a
  text (a committee report gives several), as ``Document`` records;
- ``compare(old, new)``: a ``Comparison`` of two documents, its ``changes`` in the new
  version's reading order, each a ``Change`` of a ``ChangeKind`` with inline ``Span`` records;
- ``Document``, ``Paragraph``, ``Item``, ``Footnote``, ``ParagraphKind``, ``Change``,
  ``ChangeKind``, ``Span``, ``Op``, ``Comparison``, ``AlignOptions``: the records themselves;
- ``ResdiffError``: the base of every error a user can act on.

>>> import resdiff
>>> old = resdiff.parse_text("The General Assembly,\\n\\n1. Decides to continue;\\n\\n2. Requests a report.\\n")[0]
>>> new = resdiff.parse_text("The General Assembly,\\n\\n1. Requests a report.\\n")[0]
>>> [(c.kind.value, c.old, c.new) for c in resdiff.compare(old, new).changes]
[('removed', ('OP1',), ()), ('unchanged', ('OP2',), ('OP1',))]
"""

from __future__ import annotations

__all__ = [
    "AlignOptions",
    "Change",
    "ChangeKind",
    "Comparison",
    "Document",
    "Footnote",
    "Item",
    "Op",
    "Paragraph",
    "ParagraphKind",
    "ResdiffError",
    "Span",
    "compare",
    "parse_file",
    "parse_text",
]

# The function shares its name with its module; importing it here, once, makes the name mean
# the function for good (a later import of the module finds it loaded and rebinds nothing).
try:
    from .compare import compare  # noqa: E402
except KeyboardInterrupt:
    # Ctrl-C while the ``resdiff`` command is still importing: end quietly as the command does
    # (status 130), not with a traceback. A program importing resdiff gets the interrupt.
    import os as _os
    import sys as _sys

    if _os.path.basename(_sys.argv[0] if _sys.argv else "") in {"resdiff", "__main__.py"}:
        raise SystemExit(130) from None
    raise

_WHERE = {
    "parse_file": "resdiff.parse",
    "parse_text": "resdiff.parse",
    "ResdiffError": "resdiff.errors",
}


def __getattr__(name: str):
    if name not in __all__:
        raise AttributeError(f"module 'resdiff' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_WHERE.get(name, "resdiff.model")), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
