"""Patterns written to compile faster match as before.

The operative verbs' patterns look for a word's end without IGNORECASE (a class of no cased
letter: the same code, but the Han range is no longer case-folded code point by code point as it
compiles); and the command optimizes each distinct character set once per process
(regexcache._share_charsets). Both are checked against the patterns as they were: the same
compiled code, and the same matches on every line of the samples, cases, fixtures and corpus
and on made-up text mixing Latin of both cases, Han, Cyrillic and Arabic."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import resdiff
from resdiff import regexcache
from resdiff.lazypattern import LazyPattern
from resdiff.parse import patterns

ROOT = Path(__file__).resolve().parent.parent
OLD_END = r"(?![^\W\d_\u3400-\u9fff])"
NEW_END = r"(?-i:(?![^\W\d_\u3400-\u9fff]))"


def _code(pattern: str, flags: int) -> list[int]:
    """The engine's code for a pattern, as re.compile makes it."""
    return re._compiler._code(re._parser.parse(pattern, flags), flags)  # type: ignore[attr-defined]


def _operative_pairs() -> list[tuple[str, re.Pattern, re.Pattern]]:
    pairs = []
    for name, lazy_pattern in patterns._OPERATIVE_VERB_TABLE:
        source, flags = lazy_pattern._source  # type: ignore[attr-defined]
        assert source.endswith(NEW_END) and flags == re.IGNORECASE
        old = source[: -len(NEW_END)] + OLD_END
        pairs.append((name, re.compile(old, flags), re.compile(source, flags)))
    return pairs


PAIRS = _operative_pairs()


def _same_matches(text: str) -> None:
    for name, old, new in PAIRS:
        before, after = old.match(text), new.match(text)
        assert (before and (before.span(), before.groups())) == (after and (after.span(), after.groups())), (name, text)
        assert [(m.span(), m.groups()) for m in old.finditer(text)] == [(m.span(), m.groups()) for m in new.finditer(text)]


def test_operative_verbs_compile_to_the_same_code() -> None:
    assert len(PAIRS) == len(patterns.OPERATIVE_VERBS) > 10
    for name, old, new in PAIRS:
        assert _code(old.pattern, old.flags) == _code(new.pattern, new.flags), name


def test_operative_verbs_match_as_before_on_every_line() -> None:
    folders = (ROOT / "samples", ROOT / "tests" / "cases", ROOT / "tests" / "fixtures", Path("/work/shared/corpus"))
    lines = [line for folder in folders if folder.is_dir() for path in sorted(folder.rglob("*.txt"))
             for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
    assert len(lines) > 1000
    matched = 0
    for line in lines:
        for text in (line, line.lstrip()):
            _same_matches(text)
        matched += bool(patterns.operative_verbs(line.lstrip()))
    assert matched > 100  # the lines hold operative paragraphs in several languages


# Words of the verbs' own forms (in every language), put together in any case with text around them.
_WORDS = sorted({word for forms in patterns.OPERATIVE_VERBS.values() for form in forms
                 for word in re.findall(r"[^\W\d_]+(?: [^\W\d_]+)*", form)})
_ALPHABET = "aAzZéÉйЙЖжبتي重申决定又㐀䶿鿿丶 ._-1'’İıſKßſ\u0130\u212a\u00b5\u03bc"


@st.composite
def _made_up(draw) -> str:
    prefix = draw(st.sampled_from(["", "Also ", "ALSO ", "further ", "又", "还", "Вновь ", "ТАКЖЕ ", " "]))
    word = draw(st.sampled_from(_WORDS))
    flips = draw(st.lists(st.booleans(), min_size=len(word), max_size=len(word)))
    word = "".join(ch.swapcase() if flip else ch for ch, flip in zip(word, flips))
    return prefix + word + draw(st.text(alphabet=_ALPHABET, max_size=4))


@settings(max_examples=400, deadline=None)
@given(st.one_of(_made_up(), st.text(alphabet=_ALPHABET, max_size=12)))
def test_operative_verbs_match_as_before_on_made_up_text(text: str) -> None:
    _same_matches(text)


def _every_pattern() -> list[tuple[str, int]]:
    """Every pattern the modules of resdiff define (lazy ones included), with its flags."""
    found: dict[tuple[str, int], None] = {}

    def visit(value, depth: int = 0) -> None:
        if isinstance(value, LazyPattern):
            source, flags = value._source  # type: ignore[attr-defined]
            found[(source() if callable(source) else source, flags)] = None
        elif isinstance(value, re.Pattern):
            if isinstance(value.pattern, str):
                found[(value.pattern, value.flags)] = None
        elif depth < 3 and isinstance(value, (list, tuple, dict)):
            for item in (value.values() if isinstance(value, dict) else value):
                visit(item, depth + 1)

    for module in pkgutil.walk_packages(resdiff.__path__, "resdiff."):
        if module.name == "resdiff.__main__":  # the command's entry point: it takes Ctrl-C as it is imported
            continue
        for value in list(vars(importlib.import_module(module.name)).values()):
            visit(value)
    return list(found)


def test_shared_charsets_compile_every_pattern_to_the_same_code(monkeypatch: pytest.MonkeyPatch) -> None:
    every = _every_pattern()
    assert len(every) > 200
    compiler = re._compiler  # type: ignore[attr-defined]
    original = getattr(compiler._optimize_charset, "__wrapped__", compiler._optimize_charset)
    monkeypatch.setattr(compiler, "_optimize_charset", original)  # and back as it was after the test
    before = [_code(pattern, flags) for pattern, flags in every]
    regexcache._share_charsets()
    shared = compiler._optimize_charset
    assert shared is not original and shared.__wrapped__ is original
    regexcache._share_charsets()  # once only
    assert compiler._optimize_charset is shared
    for _ in range(2):  # the second time, every set is one already seen
        assert [_code(pattern, flags) for pattern, flags in every] == before


_C = re._compiler  # type: ignore[attr-defined]
_CODE_POINTS = st.one_of(st.integers(0, 300), st.integers(0x3300, 0x3500), st.integers(0x9F00, 0xA100),
                         st.integers(0xFF00, 0x10100), st.integers(0x1FF00, 0x30100), st.integers(0, 0x10FFFF))


@st.composite
def _charset(draw) -> list:
    items: list = [(_C.NEGATE, None)] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["literal", "range", "range", "category"]))
        if kind == "literal":
            items.append((_C.LITERAL, draw(_CODE_POINTS)))
        elif kind == "range":
            low, high = sorted((draw(_CODE_POINTS), draw(_CODE_POINTS)))
            items.append((_C.RANGE, (low, high)))
        else:
            items.append((_C.CATEGORY, draw(st.sampled_from(
                [_C.CATEGORY_WORD, _C.CATEGORY_NOT_WORD, _C.CATEGORY_DIGIT, _C.CATEGORY_SPACE]))))
    return items


@settings(max_examples=300, deadline=None)
@given(_charset())
def test_plain_optimizer_gives_the_optimizers_answer(charset: list) -> None:
    original = getattr(_C._optimize_charset, "__wrapped__", _C._optimize_charset)
    assert regexcache._optimize_plain(_C, list(charset)) == original(list(charset))


def test_plain_optimizer_on_the_han_classes() -> None:
    original = getattr(_C._optimize_charset, "__wrapped__", _C._optimize_charset)
    for text in ("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]", "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]",
                 r"[^\W_\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]", "[a-z\u0600-\u06ff]", "[^ab]",
                 "[\u00e0-\u0101]", "[\U00010000-\U0001ffff]", r"[\w\u00ff-\u0100]"):
        (_, charset), = re._parser.parse(text, re.UNICODE).data  # type: ignore[attr-defined]
        assert regexcache._optimize_plain(_C, list(charset)) == original(list(charset)), text
