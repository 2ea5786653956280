"""The footnote-mark scan of paragraph text (classification.sub_marks) finds exactly the matches
of the pattern it stands for, in the same order, on real texts and on made-up ones."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.parse.classification import _PLAIN_MARK, sub_marks

ROOT = Path(__file__).resolve().parent.parent


def _scanned(scan, text: str) -> tuple[list[tuple[int, int, str | None]], str]:
    """The matches a scan hands to its replacement (where, of which kind) and the text it makes."""
    found: list[tuple[int, int, str | None]] = []

    def note(match) -> str:
        found.append((match.start(), match.end(), match.lastgroup))
        return "<" + match.group(0) + ">"  # unlike the match, so that a misplaced piece shows

    return found, scan(note, text)


def _same(text: str) -> None:
    assert _scanned(sub_marks, text) == _scanned(_PLAIN_MARK.sub, text), text


def _texts() -> list[str]:
    folders = [ROOT / "samples", ROOT / "tests" / "cases", Path("/work/shared/corpus")]
    lines: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.txt")):
            lines.extend(line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip())
    return lines


def test_every_line_of_the_samples_cases_and_corpus() -> None:
    lines = _texts()
    assert len(lines) > 100
    for line in lines:
        _same(line)


def test_the_kinds_of_marks() -> None:
    for text in ("Recalling the Charter,1 and the Rules2 of 1955", "resolution 77/2285 of 19881 and [^3] [12]",
                 "《行动纲领》2执行情况的报告；6", "1949 2  and", "Rarotonga, 3 Bangkok", "Rights, 1 the",
                 "the Convention 1 and", "of 1949 2 and", "1994, 1 the", "[19881 ", " 5", "5", "", "[", " [1]",
                 "2010 年5 月17 日", "a  1  2  3", "12 34 [5] 6,7;8", "الإنسان(1)،", "Rights,(1)", "(١)", "x (19881) (2)"):
        _same(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="[]()^ 0123456789١aA,;:.”’\"/》；。，،年个\t-", max_size=40))
def test_made_up_texts(text: str) -> None:
    _same(text)
