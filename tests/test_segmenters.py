"""rjieba (jieba-rs) and jieba, the reference, give the same words on every real Chinese text.

resdiff segments with rjieba where it is installed and with jieba elsewhere; a comparison must
not depend on which one a machine has.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, SAMPLE
from resdiff import text

# The shared corpus the fixtures were copied from, where this checkout has it beside it.
SHARED = [p for p in (ROOT.parent / "shared" / "corpus", Path("/work/shared/corpus")) if p.is_dir()]


def _han_runs() -> list[str]:
    files = [SAMPLE] + sorted(p for p in FIXTURES.rglob("*.txt") if p.stat().st_size < 2_000_000)
    files += sorted(p for folder in SHARED[:1] for p in folder.rglob("*.txt") if p.stat().st_size < 2_000_000)
    runs: set[str] = set()
    for path in files:
        runs.update(text._HAN_RUN.findall(path.read_text(encoding="utf-8", errors="replace")))
    return sorted(run for run in runs if len(run) > 1)


def test_rjieba_and_jieba_give_the_same_words_on_every_han_run_of_the_sample_and_corpus():
    pytest.importorskip("rjieba")
    runs = _han_runs()
    assert len(runs) > 800  # the sample report alone has over 600 distinct runs
    rjieba_cut = text.SEGMENTERS["rjieba"]()
    jieba_cut = text.SEGMENTERS["jieba"]()
    different = [(run, jieba_cut(run), rjieba_cut(run)) for run in runs if jieba_cut(run) != rjieba_cut(run)]
    assert different == []


def test_the_segmenter_is_rjieba_where_installed_and_can_be_chosen(monkeypatch):
    pytest.importorskip("rjieba")
    monkeypatch.delenv("RESDIFF_SEGMENTER", raising=False)
    assert text.segmenter_name() == "rjieba"
    monkeypatch.setenv("RESDIFF_SEGMENTER", "jieba")
    assert text.segmenter_name() == "jieba"
    monkeypatch.setenv("RESDIFF_SEGMENTER", "no-such-segmenter")
    assert text.segmenter_name() == "rjieba"
