"""Line breaking in the terminal view: UAX #14 (ICU) with the Chinese rules on top.

Checked on the sample, a scenario case in English and generated pairs, at several widths:
wrapping only inserts line breaks; no line is wider than the width; none starts with closing
punctuation or ends with opening punctuation (reading through the change marks); no number is
split from itself or from its unit; no change mark is split.
"""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from resdiff.compare import compare
from resdiff.parse import parse_file
from resdiff.render import RenderOptions, terminal
from resdiff.render.linebreak import CLOSING, OPENING, allowed, uax14_breaks, wrap

from conftest import ROOT
from generator import generate

_MARKS = re.compile(r"\[-|-\]|\{\+|\+\}")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _logical(out: str, flat: str) -> list[list[str]]:
    """The wrapped lines grouped by the unwrapped line they came from, checking that wrapping
    only broke lines, a line break standing for the spaces where it breaks."""
    groups: list[list[str]] = []
    wrapped = out.split("\n")
    at = 0
    for whole in flat.split("\n"):
        group: list[str] = []
        position = 0
        while True:
            line = wrapped[at]
            at += 1
            assert whole[position:position + len(line)] == line, (whole, line)
            group.append(line)
            position += len(line)
            if position == len(whole):
                break
            if not wrapped[at].startswith(" "):
                while whole[position] == " ":
                    position += 1
        groups.append(group)
    assert at == len(wrapped)
    return groups


def _check_lines(out: str, width: int, flat: str) -> None:
    for group in _logical(out, flat):
        _check_group(group, width)


def _check_group(lines: list[str], width: int) -> None:
    for index, line in enumerate(lines):
        assert cell_len(line.rstrip(" ")) <= width, line
        bare = _MARKS.sub("", line)
        if bare.strip() and index:
            assert bare.lstrip(" ")[0] not in CLOSING - set(".,;:?!)]}%"), line
        if bare.strip() and index + 1 < len(lines):
            assert bare.rstrip(" ")[-1] not in OPENING - set("([{"), line
        # A mark is whole and never alone at the edge of a line that wrapping made (a
        # deleted newline of merged paragraphs is the text's own line end).
        if index + 1 < len(lines):
            assert not re.search(r"(\[-|\{\+)$", line.rstrip(" ")), line
            assert not line.rstrip(" ").endswith(("[", "{")), line
        if index:
            assert not re.match(r"(-\]|\+\}|\]|\})", line), line
        if index + 1 < len(lines) and lines[index + 1]:
            before, after = _MARKS.sub("", line).rstrip(" "), _MARKS.sub("", lines[index + 1])
            if before and after:
                assert not (before[-1].isdigit() and (after[0].isalnum() or after[0] in "%％")), (line, lines[index + 1])
                assert not (before[-1] == "第" and after[0].isdigit()), (line, lines[index + 1])


def _comparisons():
    sample = parse_file(str(ROOT / "samples/A_C.2_65_433_second_committee_report_ict_zh.txt"))
    yield "sample", compare(sample[0], sample[-1])
    old = parse_file(str(ROOT / "tests/cases/en_revision/old.txt"))[-1]
    new = parse_file(str(ROOT / "tests/cases/en_revision/new.txt"))[-1]
    yield "en_revision", compare(old, new)
    for language, seed in (("zh", 5), ("en", 6)):
        pair = generate(25, language, seed=seed)
        yield f"generated-{language}", compare(pair.old, pair.new)


COMPARISONS = dict(_comparisons())


@pytest.mark.parametrize("name", sorted(COMPARISONS))
@pytest.mark.parametrize("width", [20, 37, 60, 100])
def test_wrapped_view_keeps_the_rules_and_only_breaks_lines(name, width):
    comparison = COMPARISONS[name]
    flat = terminal.render(comparison, RenderOptions(color=False))
    out = terminal.render(comparison, RenderOptions(color=False, width=width))
    assert out.count("\n") > flat.count("\n")
    _check_lines(out, width, flat)


@pytest.mark.parametrize("width", [24, 60])
def test_colour_view_wraps_at_the_width_too(width):
    out = terminal.render(COMPARISONS["sample"], RenderOptions(color=True, width=width))
    plain = _ANSI.sub("", out)
    flat = _ANSI.sub("", terminal.render(COMPARISONS["sample"], RenderOptions(color=True)))
    _check_lines(plain, width, flat)


def test_the_cases_the_old_wrapping_got_wrong():
    # rich broke only at spaces: "12 ⏎日", "第 72 ⏎段", lines starting with "，" or "》",
    # "[-, ⏎-]", "2010" cut in two at 60 columns.
    text = "回顾其 2001 年 12 月 21 日第 56/183 号决议，《信息社会》第 72 段"
    for width in range(12, 40):  # the longest unbreakable run, "第 56/183 号", is 12 cells
        lines = [text[a:b] for a, b in wrap(text, width)]
        assert "".join(lines) == text
        for line, following in zip(lines, lines[1:]):
            assert following[0] not in "，》", lines
            assert line.rstrip()[-1] not in "《", lines
            assert not (line.rstrip()[-1].isdigit() and following[0] not in " "), lines
            assert not line.rstrip().endswith("第"), lines


def test_break_opportunities_follow_uax14():
    assert uax14_breaks("决议，《信息社会》") == [1, 3, 5, 6, 7]
    assert uax14_breaks("Recalling its resolution 56/183,") == [10, 14, 25]
    # A character past the Basic Multilingual Plane counts as one index, not two UTF-16 units.
    assert uax14_breaks("𠀀𠀀𠀀") == [1, 2]
    assert not allowed("2010 年", 5) and not allowed("A/C.2/65/L.56", 9) and allowed("年 12", 2)


def test_a_word_wider_than_the_line_is_cut_by_cells():
    text = "x" * 25 + " 信息社会世界首脑会议"
    lines = [text[a:b] for a, b in wrap(text, 10)]
    assert "".join(lines) == text
    assert all(cell_len(line.rstrip()) <= 10 for line in lines)
