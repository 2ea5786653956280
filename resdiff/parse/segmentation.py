"""Segmentation stage: a document's lines of text into paragraphs.

Lines are joined into paragraphs on layout evidence (a blank line before, an indent, the end
of the line before, an operative number in sequence, a sub-paragraph label, a preambular
opener from the per-language tables of ``patterns``); page breaks and wrapped lines are
undone. Quoted drafts start a paragraph at each opening quotation mark.
"""

from __future__ import annotations

from ..text import has_cjk
from .lines import _ends_terminal, _join_all, width
from .patterns import (
    _LABEL,
    _OPERATIVE,
    CHAPEAU_LINE,
    GLUED_PREAMBULAR,
    bis_number,
    opens_operative,
    opens_preambular,
    preambular_alternative,
    section_heading,
)
from .records import Line


def _block_mode(body: list[str]) -> bool | str:
    """True where blank lines set paragraphs apart, "lines" where each line is one (``_line_mode``)."""
    nonblank = sum(1 for line in body if line.strip())
    blank = len(body) - nonblank
    if nonblank > 0 and blank * 2 >= nonblank:
        return True
    return "lines" if _line_mode(body) else False


def _line_mode(body: list[str]) -> bool:
    """Whether the body prints one paragraph a line, as web pages do: no blank lines, and nearly
    every line ends as a paragraph does (a wrapped text ends most lines mid-sentence).

    >>> _line_mode(["回顾其以前所有有关决议,", "根据《宪章》第七章采取行动", "1. 决定继续处理此案。"])
    False
    >>> _line_mode(["Recordando los principios de la Carta de las Naciones Unidas,",
    ...   "Considerando que la restitución de los legítimos derechos de la República Popular de China es indispensable "
    ...   "para salvaguardar la Carta de las Naciones,",
    ...   "Reconociendo que los representantes del Gobierno de la República Popular de China son los únicos "
    ...   "representantes legítimos de China en las Naciones Unidas,",
    ...   "Decide restituir a la República Popular de China todos sus derechos y reconocer a los representantes de su Gobierno."])
    True
    """
    lines = [line for line in body if line.strip()]
    inner = "\n".join(body).strip("\n\t ").split("\n")
    if len(lines) < 4 or len(lines) != len(inner):
        return False
    # a wrapped text's lines are as wide as its page (some 90 columns, a Chinese character two);
    # a web page's paragraphs run longer on average
    width = sum(len(line) + sum(1 for ch in line if has_cjk(ch)) for line in lines) / len(lines)
    return width >= 100 and sum(_ends_terminal(line) for line in lines) >= 0.8 * len(lines)


def _starts_paragraph(line: str, previous: str, blank: bool, indented: bool, quoted: bool, block_mode: bool | str,
                      expected: int) -> bool:
    if quoted:
        return line.startswith(("“", '"'))
    if section_heading(previous) == "titled":
        return True  # the paragraph after a section's heading ("一、总则")
    if section_heading(line) and _ends_terminal(previous):
        return True
    number = _OPERATIVE.match(line)
    if number:
        value = int(number.group(1))
        if value == expected or (value == expected + 1 and _ends_terminal(previous)):
            return True
    # (a paragraph a draft offers in brackets ends with its punctuation and the bracket: "… c;]")
    terminal = _ends_terminal(previous) or _closes_bracket(previous)
    if terminal and (bis_number(line) or preambular_alternative(line)):
        return True  # "2 bis. …", a paragraph inserted after OP2; "[2. alt …]" one offered instead
    if _LABEL.match(line) and terminal:
        return True
    if not terminal:
        return False
    if line[:1].islower() and line[:1] < "\u0250":
        # A Latin-script paragraph opens with a capital; a lower-case line continues one cut by a
        # page. (Russian preambular paragraphs do open in lower case: "ссылаясь на …".)
        return False
    if (block_mode and blank) or block_mode == "lines":
        return True
    if indented and line[:1].isupper() and not has_cjk(line[:1]):
        return True
    # (a paragraph not yet agreed, in square brackets: "[Noting …,]", "[注意到…，]")
    opened = line[1:].lstrip() if line[:1] in "[［" else line
    return opens_preambular(opened) or opens_operative(opened)


def _closes_bracket(text: str) -> bool:
    """Whether a paragraph ends as a bracketed one offered as an alternative does ("… other;]")."""
    text = text.rstrip()
    return len(text) >= 2 and text[-1] in "]］" and text[-2] in ".;:,。；：，"


# An annex's title or heading is at most this long (``annex.HEADING_LENGTH``); a heading on a
# line of its own inside an annex, a few words ("Independent panel"), at most this long.
_HEADING_LENGTH = 200
_LINE_HEADING_LENGTH = 100
_LINE_HEADING_WORDS = 12


# The words a line cut mid-sentence ends with and a title never does.
_GOES_ON = frozenset("a an and as at by for from in into of on or the to with".split())


def _heading_ends(chunk: list[str], line: str, wrapped_to: int) -> bool:
    """Whether ``chunk``, the lines of an annex's paragraph so far, is a title or heading that
    ends before ``line``, a blank line between them: short, not numbered, not ended as a
    paragraph is (a footnote mark may end it: "… Trust Fund170"), its last line ended short (the
    first word of ``line`` would have fitted onto it within the text's width ``wrapped_to``: it
    did not break for want of room, as a paragraph cut by a page does), and ``line`` opens as a
    paragraph or a heading does (a capital, a number, a quotation mark, a Chinese character).

    >>> _heading_ends(["Declaration on the Right to Development"], "The General Assembly,", 80)
    True
    >>> _heading_ends(["We recognize that the contributions of all Member States to the work of the"],
    ...               "United Nations are essential;", 80)
    False
    >>> _heading_ends(["2. We recognize"], "Member States", 80), _heading_ends(["Recalling x,"], "Noting y,", 80)
    (False, False)
    >>> _heading_ends(["The States Members, recalling the principles proclaimed in the"], "Charter,", 10**6)
    False
    """
    text = " ".join(part.strip() for part in chunk)
    first = line.strip()[:1]
    if len(text) > _HEADING_LENGTH or not first or _OPERATIVE.match(text) or _LABEL.match(text) \
            or bis_number(text) or _ends_terminal(text) or text.rsplit(" ", 1)[-1] in _GOES_ON:
        return False
    if not (first.isupper() or first.isdigit() or first in "“\"«[" or has_cjk(first)):
        return False
    word = first if has_cjk(first) else line.split()[0]
    return width(chunk[-1]) + 1 + width(word) <= wrapped_to


# How many columns shorter than the text's width a title's last line must end where no blank
# line follows it: lines of a proportional font hold some characters more or fewer.
_UNRULED_SLACK = 8


def _wrap_width(kept: list[Line]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The width a text's lines are wrapped to: that of its widest line broken mid-sentence, the
    sentence going on on the next line with no blank line between (``lines.page_width``, where a
    title above a blank line is no wrapped line). The widest two such lines, (width, index): in a
    text without blank lines a title is such a line too, and the text's width is read without it
    (``_width_without``)."""
    widths = sorted(((width(line.text), k) for k, (line, after) in enumerate(zip(kept, kept[1:]))
                     if not after.blank_before and not _ends_terminal(line.text)), reverse=True)
    unwrapped = (1_000_000, -1)
    return (widths + [unwrapped, unwrapped])[0], (widths[1:] + [unwrapped])[0]


def _width_without(widest: tuple[tuple[int, int], tuple[int, int]], k: int) -> int:
    """The text's wrap width (``_wrap_width``) read without its line ``k``."""
    return widest[1][0] if widest[0][1] == k else widest[0][0]


def _heading_line(kept: list[Line], k: int) -> bool:
    """Whether the line ``kept[k]``, after a blank line, is an annex's heading on a line of its
    own: short, not ended as a paragraph is, and a blank line or a numbered paragraph right after
    it ("Independent panel" above "8. The Secretary-General …")."""
    text = kept[k].text.strip()
    if len(text) > _LINE_HEADING_LENGTH or len(text.split()) > _LINE_HEADING_WORDS or _ends_terminal(text) \
            or _OPERATIVE.match(text) or _LABEL.match(text):
        return False  # (a longer line is a paragraph's first, cut by a page: "Reaffirm that the …")
    after = kept[k + 1] if k + 1 < len(kept) else None
    return after is not None and (after.blank_before or bool(_OPERATIVE.match(after.text.strip())))


def _join_lines(kept: list[Line], quoted: bool, block_mode: bool | str, annex: bool = False,
                gone_on: list[Line] | None = None, after_semicolon: list[Line] | None = None) -> list[str]:
    """The paragraph texts ``kept``'s lines make; in an ``annex``, its title and headings (short
    lines ended short, a blank line after them) apart from what follows, where a body reads a
    line that does not end as a paragraph does as going on after a page break.

    With ``gone_on`` (a list, for a text with a blank line after every line, read as given), a
    Chinese line after a full line ending with "，" or "、" goes on with it, the blank line between
    them notwithstanding, where it opens no paragraph (no opener, number or label): a wrapped
    line, as the single-spaced text reads it. Each such line is added to ``gone_on``, to be
    named in a warning (one paragraph a line would read it otherwise).

    With ``after_semicolon`` (a list), each line read as going on with an unnumbered operative
    paragraph that its line before ended with a semicolon, the line opening as a paragraph does
    (not in lower-case Latin), is added to it, to be named in a warning: an operative paragraph
    whose verb the tables lack would read so."""
    # Each paragraph is gathered as a list of its lines and joined once at the end: joining
    # line by line would copy a long paragraph again for every line it has.
    chunks: list[list[str]] = []
    full = _full_width(kept) if gone_on is not None and not quoted else None
    expected = 1
    widest = _wrap_width(kept) if annex else ((0, -1), (0, -1))
    heading = False  # the paragraph so far is an annex's heading on a line of its own
    titled = annex  # the paragraph so far is the annex's first, or follows a heading: a title may end
    part = False  # a section heading or a part's chapeau came since the last numbered paragraph
    for k, (line, blank, indented, _at) in enumerate(kept):
        # Only the end of the paragraph so far matters to the decision, and that is its last line.
        opens_heading = annex and blank and bool(chunks) and _ends_terminal(chunks[-1][-1]) and _heading_line(kept, k)
        # (in a text wrapped without blank lines, pdftotext's or a PDF viewer's, a title ends at a
        # line ended short too: "Declaration on the rights of peasants" / "The States Members …";
        # the width then the only evidence, short by more than a proportional font's lines differ)
        title_ends = titled and (blank or not block_mode) and bool(chunks) \
            and _heading_ends(chunks[-1], line, _width_without(widest, k - 1) - (0 if blank else _UNRULED_SLACK))
        number = _OPERATIVE.match(line.lstrip("“\""))
        # a part of a multi-part resolution numbers its paragraphs from 1 again
        restarts = part and number is not None and int(number.group(1)) == 1 and bool(chunks) \
            and _ends_terminal(_last_words(chunks[-1]))
        if full is not None and blank and chunks and not (heading or opens_heading or title_ends or restarts) \
                and _goes_on_full_line(chunks[-1][-1], line, full):
            chunks[-1].append(line)
            gone_on.append(kept[k])  # type: ignore[union-attr]
            continue
        # (in an annex, a section heading on its own line, "I. Commitments", opens a heading of its
        # own, also under the annex's title where no blank line sets them apart)
        sectioned = annex and bool(chunks) and section_heading(line.strip()) == "titled"
        if not chunks or heading or opens_heading or title_ends or restarts or sectioned or _starts_paragraph(
                line, _last_words(chunks[-1]), blank, indented, quoted, block_mode, expected):
            titled = annex and (not chunks or heading or title_ends or opens_heading)
            heading = opens_heading
            chunks.append([line])
            if restarts:
                expected = 1
            if number and int(number.group(1)) >= expected:
                expected = int(number.group(1)) + 1
            bare = line.strip().lstrip("“\"")
            if number:
                part = False
            elif section_heading(bare) is not None or CHAPEAU_LINE.match(bare):
                part = True
        elif len(chunks[-1]) == 1 and section_heading(chunks[-1][0]) == "label":
            # a section's label alone on its line and its title below: one heading, the line
            # break read as a space ("一 总则", "II Follow-up")
            chunks[-1][0] = chunks[-1][0] + " " + line
        else:
            if after_semicolon is not None and _after_semicolon(chunks[-1], line):
                after_semicolon.append(kept[k])
            chunks[-1].append(line)
    return [piece for lines in chunks for piece in _unglued(_join_all(lines))]


def _after_semicolon(paragraph: list[str], line: str) -> bool:
    """Whether ``line``, read as going on with ``paragraph``, may open an unnumbered operative
    paragraph of its own: the paragraph is one (it opens with an operative verb, no number), its
    last line ends with a semicolon, and ``line`` opens with a letter, not in lower-case Latin (a
    Russian paragraph opens in lower case).

    >>> _after_semicolon(["Takes note of the report;"], "Commends the parties;")
    True
    >>> _after_semicolon(["1. Takes note of the report;"], "Commends the parties;"), _after_semicolon(["Takes note of:"], "Africa;")
    (False, False)
    """
    text = line.strip()
    return (_last_words(paragraph).rstrip()[-1:] in ";؛；" and text[:1].isalpha()
            and not (text[:1].islower() and text[:1] < "\u0250") and not _OPERATIVE.match(paragraph[0].strip())
            and opens_operative(paragraph[0].strip()) and not opens_preambular(paragraph[0].strip()))


def _full_width(kept: list[Line]) -> int | None:
    """The width of a wrapped text's full lines: the middle width of its lines broken
    mid-sentence, where a quarter of its lines or more are (None: not wrapped, one paragraph a
    line)."""
    broken = sorted(width(line.text) for line in kept if not _ends_terminal(line.text.strip()))
    return broken[len(broken) // 2] if broken and len(broken) >= len(kept) / 4 else None


def _goes_on_full_line(previous: str, line: str, full: int) -> bool:
    """Whether the Chinese ``line`` goes on from ``previous``, a full line (three quarters of
    ``full`` or wider) ending with "，" or "、", though a blank line stands between them: it opens
    no paragraph.

    >>> _goes_on_full_line("指出文化多样性是人类共同财产，正如各方已商定的联合国相关文件，", "包括联合国教育、科学及文化组织", 60)
    True
    >>> _goes_on_full_line("指出文化多样性是人类共同财产，正如各方已商定的联合国相关文件，", "回顾其决议，", 60)
    False
    """
    previous, line = previous.strip(), line.strip()
    return (previous[-1:] in "，、" and has_cjk(previous[-2:-1]) and width(previous) >= 0.75 * full
            and (has_cjk(line[:1]) or line[:1] in "《“（") and not opens_preambular(line) and not opens_operative(line)
            and not _OPERATIVE.match(line) and not _LABEL.match(line) and section_heading(line) is None
            and not CHAPEAU_LINE.match(line))


def _unglued(paragraph: str) -> list[str]:
    """A paragraph cut where a second preambular paragraph was run onto it (``GLUED_PREAMBULAR``).

    >>> _unglued("وقد أحاط علما بالمباحثات (S/11883) وإذ يعرب عن قلقه,")
    ['وقد أحاط علما بالمباحثات (S/11883)', 'وإذ يعرب عن قلقه,']
    """
    if not opens_preambular(paragraph):
        return [paragraph]
    for pattern in GLUED_PREAMBULAR.values():
        parts = pattern.split(paragraph)
        if len(parts) > 1:
            return [part.strip() for part in parts if part.strip()]
    return [paragraph]


def _last_words(lines: list[str]) -> str:
    """A paragraph's last line of words: footnote marks alone on a line after it do not count."""
    for line in reversed(lines):
        if not line.isdigit():
            return line
    return lines[-1]

