"""Segmentation stage: a document's lines of text into paragraphs.

Lines are joined into paragraphs on layout evidence (a blank line before, an indent, the end
of the line before, an operative number in sequence, a sub-paragraph label, a preambular
opener from the per-language tables of ``patterns``); page breaks and wrapped lines are
undone. Quoted drafts start a paragraph at each opening quotation mark.
"""

from __future__ import annotations

from ..text import has_cjk
from .lines import _ends_terminal, _join_all
from .patterns import _LABEL, _OPERATIVE, opens_preambular
from .records import Line


def _block_mode(body: list[str]) -> bool:
    nonblank = sum(1 for line in body if line.strip())
    blank = len(body) - nonblank
    return nonblank > 0 and blank * 2 >= nonblank


def _starts_paragraph(line: str, previous: str, blank: bool, indented: bool, quoted: bool, block_mode: bool, expected: int) -> bool:
    if quoted:
        return line.startswith(("“", '"'))
    number = _OPERATIVE.match(line)
    if number:
        value = int(number.group(1))
        if value == expected or (value == expected + 1 and _ends_terminal(previous)):
            return True
    terminal = _ends_terminal(previous)
    if _LABEL.match(line) and terminal:
        return True
    if not terminal:
        return False
    if line[:1].islower() and line[:1] < "\u0250":
        # A Latin-script paragraph opens with a capital; a lower-case line continues one cut by a
        # page. (Russian preambular paragraphs do open in lower case: "ссылаясь на …".)
        return False
    if block_mode and blank:
        return True
    if indented and line[:1].isupper() and not has_cjk(line[:1]):
        return True
    return opens_preambular(line)


def _join_lines(kept: list[Line], quoted: bool, block_mode: bool) -> list[str]:
    # Each paragraph is gathered as a list of its lines and joined once at the end: joining
    # line by line would copy a long paragraph again for every line it has.
    chunks: list[list[str]] = []
    expected = 1
    for line, blank, indented in kept:
        # Only the end of the paragraph so far matters to the decision, and that is its last line.
        if not chunks or _starts_paragraph(line, _last_words(chunks[-1]), blank, indented, quoted, block_mode,
                                           expected):
            chunks.append([line])
            number = _OPERATIVE.match(line.lstrip("“\""))
            if number and int(number.group(1)) >= expected:
                expected = int(number.group(1)) + 1
        else:
            chunks[-1].append(line)
    return [_join_all(lines) for lines in chunks]


def _last_words(lines: list[str]) -> str:
    """A paragraph's last line of words: footnote marks alone on a line after it do not count."""
    for line in reversed(lines):
        if not line.isdigit():
            return line
    return lines[-1]

