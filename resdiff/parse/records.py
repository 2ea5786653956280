"""The typed records the parser's stages pass to one another (see ``structure``).

``Block``: where one document lies in the text (layout) → ``Layout``: its body's lines of text
with their layout evidence, and its footnotes (pages) → paragraph texts (segmentation) →
``model.Paragraph`` (classification).
"""

from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass, field

from ..model import Footnote

# typing is imported by type checkers only: the command starts without it
TYPE_CHECKING = False


@dataclass
class Block:
    """A document's stretch of lines and what the surrounding text says about it."""

    start: int  # index of the chapeau line
    end: int  # index after the last body line
    quoted: bool


if TYPE_CHECKING:
    from typing import NamedTuple

    class Line(NamedTuple):
        text: str
        blank_before: bool
        indented: bool
        at: int = -1
else:  # the same named tuple, made without typing
    Line = namedtuple("Line", ("text", "blank_before", "indented", "at"), defaults=(-1,))
Line.__doc__ = """A line of a document's text, page furniture and footnotes gone, with the layout
evidence segmentation weighs: whether a blank line came before it and whether it is indented
further than the text's own margin; ``at``: its index in the body (its first line's, where lines
were joined), -1 where not known."""


@dataclass
class Layout:
    """A document body read page by page: its lines of text and its footnotes (in the order
    read, repeats included), what was dropped as furniture and what could not be read, each
    with its index in the body."""

    lines: list[Line] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    furniture: list[tuple[int, str]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
