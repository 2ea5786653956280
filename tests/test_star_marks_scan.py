"""Asterisk marks are looked for only in lines that hold an asterisk (patterns.star_notes,
star_marks): the same answers as searching every line, on the samples, cases, fixtures and
corpus and on made-up lines."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.parse import patterns
from resdiff.parse.patterns import star_marks, star_notes

ROOT = Path(__file__).resolve().parent.parent


def _star_notes_every_line(lines: list[str], cited: frozenset[str] = frozenset()) -> set[int]:
    found: set[int] = set()
    stripped = [line.strip() for line in lines]
    last = max((k for k, line in enumerate(stripped) if patterns._OPERATIVE.match(line)), default=-1)
    marks = set(cited)
    under = False
    for k, line in enumerate(stripped):
        star = patterns.STAR_FOOTNOTE.match(line)
        if patterns._SEPARATOR.match(line):
            under = True
        elif under and (patterns._OPERATIVE.match(line) or patterns._LABEL.match(line)):
            under = False
        elif star and (under or (k > last and star.group(1) in marks)):
            found.add(k)
        elif not patterns._BARCODE.match(line):
            marks.update(patterns._STAR_MARK.findall(line))
    return found


def _star_marks_every_line(lines: list[str]) -> frozenset[str]:
    return frozenset(m for line in lines if not patterns._BARCODE.match(line.strip())
                     for m in patterns._STAR_MARK.findall(line))


def _same(lines: list[str]) -> None:
    assert star_notes(lines) == _star_notes_every_line(lines)
    assert star_notes(lines, frozenset({"*"})) == _star_notes_every_line(lines, frozenset({"*"}))
    assert star_marks(lines) == _star_marks_every_line(lines)


def test_every_text_of_the_samples_cases_fixtures_and_corpus() -> None:
    folders = (ROOT / "samples", ROOT / "tests" / "cases", ROOT / "tests" / "fixtures", Path("/work/shared/corpus"))
    paths = [path for folder in folders if folder.is_dir() for path in sorted(folder.rglob("*.txt"))]
    assert len(paths) > 20
    starred = 0
    for path in paths:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        _same(lines)
        starred += bool(star_marks(lines)) + bool(star_notes(lines, frozenset({"*"})))
    assert starred > 0


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1. Decides;", "2. Requests", "* On behalf of the Group", "** Reissued",
                                 "Iraq:* draft resolution", "A/80/L.5**", "*2519873*", "__________", "(a) text",
                                 "大会，", "又回顾*", "", "  * note"]), max_size=10))
def test_made_up_lines(lines: list[str]) -> None:
    _same(lines)
