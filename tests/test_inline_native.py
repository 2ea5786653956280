"""The C++ search (fast-diff-match-patch) and the pure-Python one (diff-match-patch) give the same
differences, and the same after their semantic clean-up, and the budget of steps is kept exactly
whichever searched.

resdiff searches with the C++ implementation where it installs and with the Python one elsewhere
(or with RESDIFF_DIFF=python); a comparison must not depend on which one a machine has.
"""

from __future__ import annotations

import random

import pytest
from conftest import ROOT, SAMPLE
from generator import generate

from resdiff import inline
from resdiff.compare import compare
from resdiff.parse import parse_file
from resdiff.render import RenderOptions
from resdiff.render.json import render as render_json

native_diff = pytest.importorskip("fast_diff_match_patch").diff


def _pairs():
    """The sample's drafts, the scenario folders, neighbouring real texts of the corpus, and
    generated pairs of both languages."""
    sample = parse_file(str(SAMPLE))
    pairs = [(sample[0], sample[-1])]
    for case in sorted(p for p in (ROOT / "tests" / "cases").iterdir() if p.is_dir()):
        pairs.append((parse_file(str(case / "old.txt"))[-1], parse_file(str(case / "new.txt"))[-1]))
    english = sorted((ROOT / "tests" / "fixtures" / "corpus" / "en").glob("A_RES_80_*.md"))
    for old, new in zip(english[::2], english[1::2]):
        pairs.append((parse_file(str(old))[-1], parse_file(str(new))[-1]))
    for language in ("en", "zh"):
        for size, seed in ((20, 1), (100, 0), (200, 0)):
            pair = generate(size, language, seed)
            pairs.append((pair.old, pair.new))
    return pairs


@pytest.fixture(scope="module")
def searches():
    """Every pair of strings the comparisons of ``_pairs`` search, in both directions."""
    seen: dict[tuple[str, str], None] = {}
    original = inline._diff_main

    def recording(text1, text2, semantic=False):
        seen[(text1, text2)] = None
        return original(text1, text2, semantic)

    inline._diff_main = recording
    try:
        for old, new in _pairs():
            compare(old, new)
            compare(new, old)
    finally:
        inline._diff_main = original
    return list(seen)


def _python_search(text1: str, text2: str) -> tuple[list[tuple[int, str]], int]:
    """diff_main by the pure-Python search, and the steps it counts."""
    budget = inline.Budget()
    diffs = inline._python_diff(budget).diff_main(text1, text2, False)
    return diffs, inline.INLINE_STEPS - budget.left


def _native_search(text1: str, text2: str, cleanup: str = "No") -> list[tuple[int, str]]:
    counts = native_diff(text1, text2, timelimit=0, checklines=False, cleanup=cleanup)
    out, i, j = [], 0, 0
    for op, n in counts:
        source, start = (text2, j) if op == "+" else (text1, i)
        out.append((inline._CODES[op], source[start:start + n]))
        i += n if op != "+" else 0
        j += n if op != "-" else 0
    return out


def _edits(diffs) -> int:
    return sum(len(text) for op, text in diffs if op != 0)


def test_both_searches_give_the_same_differences_on_the_sample_corpus_and_generated_pairs(searches):
    from diff_match_patch import diff_match_patch

    cleaner = diff_match_patch()
    assert len(searches) > 1000
    different = []
    for text1, text2 in searches:
        python, _ = _python_search(text1, text2)
        native = _native_search(text1, text2)
        if native != python:
            different.append((text1, text2))
        # the clean-up of a character diff: the Python one, and the C++ one resdiff uses with it
        cleaner.diff_cleanupSemantic(python)
        if _native_search(text1, text2, "Semantic") != python:
            different.append((text1, text2, "Semantic"))
    assert different == []


def _awkward_strings(count: int) -> list[tuple[str, str]]:
    """Random texts over small alphabets (many equal characters in no order), their edits, and
    shuffled words: the searches that take the most steps for their length."""
    rng = random.Random(7)
    pairs = []
    for _ in range(count):
        alphabet = "ab" if rng.random() < 0.3 else "abcdefghij"[:rng.randint(2, 10)]
        a = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 200)))
        if rng.random() < 0.5:
            b = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 200)))
        else:
            chars = list(a)
            for _ in range(rng.randint(1, 25)):
                k = rng.randrange(len(chars) + 1)
                if rng.random() < 0.5 or not chars:
                    chars.insert(k, rng.choice(alphabet))
                else:
                    del chars[min(k, len(chars) - 1)]
            b = "".join(chars)
        pairs.append((a, b))
    for n in (10, 60, 300):
        words = [chr(0xE000 + k) for k in range(n)]
        shuffled = words[:]
        rng.shuffle(shuffled)
        pairs.append(("".join(words), "".join(shuffled)))
    # characters past the Basic Multilingual Plane, NUL and lone surrogates
    pairs += [("x\U00020000y\x00", "x\U00020001y\x00"), ("a\ud800b", "a\udc00b"), ("", "a"), ("a", ""), ("", "")]
    return pairs


def test_the_bound_of_steps_holds_for_every_search(searches):
    """The steps the Python search counts never exceed the bound resdiff reserves for a native
    search (from the lengths and the edits of the result)."""
    for text1, text2 in searches + _awkward_strings(1500):
        diffs, steps = _python_search(text1, text2)
        assert diffs == _native_search(text1, text2)
        assert steps <= inline._steps_bound(text1, text2, _edits(diffs)), (text1, text2)
        # the bound a character diff takes, from the edits of the cleaned-up result: never fewer
        assert _edits(_native_search(text1, text2, "Semantic")) >= _edits(diffs)


def _comparison_json(old, new) -> str:
    return render_json(compare(old, new), RenderOptions())


@pytest.mark.parametrize("steps", [None, 200_000, 2_000_000, 0])
def test_a_comparison_is_the_same_whichever_searched_even_when_its_budget_runs_out(monkeypatch, steps):
    """Same JSON, notes included, with the native search or the Python one: with the whole
    budget, and with budgets that run out early, part way or at once (the owed native searches
    are then counted exactly before the budget goes on)."""
    from test_robustness import _shuffled_pair

    if steps is not None:
        monkeypatch.setattr(inline, "INLINE_STEPS", steps)
    pair = generate(100, "zh", 2)
    cases = [(pair.old, pair.new), _shuffled_pair(400)]
    monkeypatch.setattr(inline, "_native_diff", False)
    python = [_comparison_json(old, new) for old, new in cases]
    monkeypatch.setattr(inline, "_native_diff", native_diff)
    native = [_comparison_json(old, new) for old, new in cases]
    assert native == python
    if steps == 200_000:
        assert compare(*cases[1]).notes  # the budget did run out here


def test_the_budget_left_is_exact_after_a_native_comparison(monkeypatch):
    """Once settled, the steps counted for native searches equal the Python search's own."""
    pair = generate(20, "en", 3)

    def spent(native) -> int:
        monkeypatch.setattr(inline, "_native_diff", native)
        with inline.budget() as budget:
            for old, new in zip(pair.old.paragraphs, pair.new.paragraphs):
                inline.diff_texts(old.body, new.body)
            budget.settle()
            return budget.left

    assert spent(native_diff) == spent(False) < inline.INLINE_STEPS


def test_resdiff_diff_python_chooses_the_pure_python_search(monkeypatch):
    monkeypatch.setattr(inline, "_native_diff", None)
    monkeypatch.setenv("RESDIFF_DIFF", "python")
    assert inline._native() is False
    monkeypatch.setattr(inline, "_native_diff", None)
    monkeypatch.delenv("RESDIFF_DIFF")
    assert inline._native() is native_diff


def test_the_sample_report_is_the_same_whichever_searched(monkeypatch):
    sample = parse_file(str(SAMPLE))
    monkeypatch.setattr(inline, "_native_diff", False)
    python = _comparison_json(sample[0], sample[-1])
    monkeypatch.setattr(inline, "_native_diff", native_diff)
    assert _comparison_json(sample[0], sample[-1]) == python

