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

import sys as _sys
import types as _types


class _Package(_types.ModuleType):
    """The ``resdiff`` module. ``compare``, the function, shares its name with its module: the
    name stays the function's, imported on first use, so that ``resdiff --help`` and the
    commands that compare nothing never load the aligner."""

    @property
    def compare(self):
        value = self.__dict__.get("_compare")
        if value is None:
            from .compare import compare as value

            self.__dict__["_compare"] = value
        return value

    @compare.setter
    def compare(self, value) -> None:
        # The import system binds the module here once it is loaded: the name keeps the function.
        if not isinstance(value, _types.ModuleType):
            self.__dict__["_compare"] = value


_sys.modules[__name__].__class__ = _Package

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
