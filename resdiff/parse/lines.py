"""Joining lines and reading their ends: what the layout, segmentation and classification stages
all do to text broken over lines (no knowledge of documents or paragraphs here)."""

from __future__ import annotations

import re

from ..text import has_cjk
from .patterns import _SUPER_MARK, _TERMINAL


def _join(left: str, right: str) -> str:
    if not left:
        return right
    if has_cjk(left[-1:]) or has_cjk(right[:1]) or left[-1:] in "，。；：、（《“" or right[:1] in "，。；：、）》”":
        return left + right
    if left.endswith("-") and not left.endswith(" -") and right[:1].islower() and False:
        return left + right
    return left + " " + right


_TRAILING_BRACKET_MARK = re.compile(r"\[\^?\d{1,3}\]\s*$")


def _ends_terminal(text: str) -> bool:
    # A footnote mark may follow the paragraph's last punctuation: "…的命令,[1]", "…Charter,1".
    stripped = _SUPER_MARK.sub("", _TRAILING_BRACKET_MARK.sub("", text)).rstrip(" ”\"’)0123456789")
    tail = text.rstrip()
    return bool(stripped) and (stripped[-1] in _TERMINAL or tail[-1:] in _TERMINAL)


def _join_all(lines: list[str]) -> str:
    """Lines joined as _join joins two, in one pass."""
    pieces = [lines[0]]
    tail = lines[0][-2:]  # _join looks at no more of its left side than this
    for right in lines[1:]:
        added = _join(tail, right)[len(tail):] if tail else right
        pieces.append(added)
        tail = (tail + added)[-2:]
    return "".join(pieces)
