"""A line's end read at once where it ends with its punctuation (lines._ends_terminal,
lines.ends_with_full_stop): the same answer as reading it with its marks taken off, on every
line of the samples, cases and corpus and on made-up ones."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.parse import lines
from resdiff.parse.patterns import _TERMINAL, drop_super_marks

ROOT = Path(__file__).resolve().parent.parent


def _ends_terminal_read_whole(text: str) -> bool:
    stripped = drop_super_marks(lines._TRAILING_BRACKET_MARK.sub("", text)).rstrip(" ”\"’)0123456789")
    return bool(stripped) and (stripped[-1] in _TERMINAL or text.rstrip()[-1:] in _TERMINAL)


def _full_stop_read_whole(text: str) -> bool:
    stripped = drop_super_marks(lines._TRAILING_BRACKET_MARK.sub("", text)).rstrip()
    return lines._MARK_AFTER_STOP.sub("", stripped).rstrip(" ”\"’»)")[-1:] in lines._FULL_STOPS


def _same(text: str) -> None:
    assert lines._ends_terminal(text) == _ends_terminal_read_whole(text), text
    assert lines.ends_with_full_stop(text) == _full_stop_read_whole(text), text


def test_every_line_of_the_samples_cases_and_corpus() -> None:
    texts = [line for folder in (ROOT / "samples", ROOT / "tests" / "cases", Path("/work/shared/corpus"))
             if folder.is_dir() for path in sorted(folder.rglob("*.txt"))
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    assert len(texts) > 100
    for text in texts:
        _same(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab。.．,;:，；：!?！？،؛؟ \t\n\u3000”\"’)»[]^0123456789¹²³⁰", max_size=10))
def test_made_up_line_ends(text: str) -> None:
    _same(text)
