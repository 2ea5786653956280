"""Renderers: a finished Comparison (or parsed documents) in, text or bytes out.

Each output format is a module with a ``render(comparison, options) -> str | bytes`` function;
``FORMATS`` maps the names the CLI accepts to those modules, imported only when used.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import Enum


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


_MODULES = {
    DiffFormat.TERMINAL: "resdiff.render.terminal",
    DiffFormat.JSON: "resdiff.render.json",
    DiffFormat.HTML: "resdiff.render.html",
    DiffFormat.MARKDOWN: "resdiff.render.markdown",
    DiffFormat.DOCX: "resdiff.render.docx",
}


def alike(similarity: float) -> str:
    """A similarity as a whole percentage, rounded down: a reworded paragraph never reads 100%.

    >>> alike(0.996), alike(0.5), alike(1.0)
    ('99%', '50%', '100%')
    """
    return f"{int(similarity * 100 + 1e-9)}%"


def renderer(fmt: DiffFormat):
    """The ``render`` function of an output format."""
    return importlib.import_module(_MODULES[DiffFormat(fmt)]).render
