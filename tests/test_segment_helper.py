"""The helper process that loads the segmenter while the command parses: the same words, started
only for Chinese files new to the cache, and never needed (anything wrong, the command segments)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from importlib.util import find_spec

import pytest

from conftest import ROOT, SAMPLE
from resdiff import text
from resdiff.segmenters import SEGMENTERS, Helper

pytestmark = pytest.mark.skipif(not hasattr(os, "posix_spawn") or len(os.sched_getaffinity(0)) < 2,
                                reason="a helper is started only where processes can be spawned, with two processors")


def _runs() -> list[str]:
    return sorted({run for run in text._HAN_RUN.findall(SAMPLE.read_text(encoding="utf-8")) if len(run) > 1})


def test_the_helper_gives_the_words_this_process_gives():
    name = text.segmenter_name()
    helper = Helper(name, find_spec(name).origin)
    try:
        runs = _runs()
        assert len(runs) > 100
        cut = SEGMENTERS[name]()
        assert helper.cut_many(runs[:50]) == {run: list(cut(run)) for run in runs[:50]}
        # batches sent ahead, without waiting, are answered with the next
        assert helper.send(runs[50:100], wait=False) and helper.send(runs[100:150], wait=False)
        assert len(helper.pending) == 2
        assert helper.cut_many(runs[150:]) == {run: list(cut(run)) for run in runs[50:]}
        assert helper.pending == []
        # a batch the pipe would not hold beside the others is not sent ahead
        assert not helper.send(["决定" * 300_000], wait=False) and helper.pending == []
    finally:
        helper.stop()
    assert helper.pid is None


def test_a_helper_that_loaded_another_file_is_not_used():
    name = text.segmenter_name()
    helper = Helper(name, "/elsewhere/" + name + "/__init__.py")
    assert helper.pid is not None
    assert helper.cut_many(["大会决定"]) is None
    assert helper.pid is None  # stopped
    assert helper.cut_many(["大会决定"]) is None


def test_when_the_helper_fails_this_process_segments(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    segmenter = text._Segmenter()
    chinese = tmp_path / "zh.txt"
    chinese.write_text("大会，\n\n1. 决定继续审议该问题。\n", encoding="utf-8")
    segmenter.start_helper([str(chinese)])
    assert segmenter._helper is not None
    segmenter._helper.origin = "/elsewhere"  # as if it loaded another segmenter
    runs = _runs()[:40]
    segmenter.prefetch(runs)
    cut = SEGMENTERS[text.segmenter_name()]()
    assert [segmenter.cut(run) for run in runs] == [list(cut(run)) for run in runs]
    assert segmenter._helper is None and segmenter._cut is not None


def test_paragraphs_sent_ahead_are_segmented_by_the_helper(monkeypatch, tmp_path):
    monkeypatch.setenv("RESDIFF_CACHE", "0")
    segmenter = text._Segmenter()
    chinese = tmp_path / "zh.txt"
    chinese.write_text("大会，\n\n1. 决定继续审议该问题。\n", encoding="utf-8")
    segmenter.start_helper([str(chinese)])
    paragraphs = ["回顾其 2010 年 12 月 20 日第 65/141 号决议，", "又回顾其各项决议，"]
    segmenter.presegment(paragraphs)
    assert len(segmenter._helper.pending) == 1 and "回顾其" in segmenter._sent
    runs = [run for p in paragraphs for run in text._HAN_RUN.findall(text.normalize(p))]
    segmenter.prefetch(runs)
    cut = SEGMENTERS[text.segmenter_name()]()
    assert {run: segmenter.cut(run) for run in runs} == {run: list(cut(run)) for run in runs}
    assert segmenter._cut is None and segmenter._helper.pending == []  # all from the helper
    segmenter._helper.stop()


def test_started_for_chinese_files_the_cache_has_not_noted(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    english, chinese, pipe = tmp_path / "en.txt", tmp_path / "zh.txt", tmp_path / "pipe"
    english.write_text("The General Assembly,\n\n1. Decides to continue;\n", encoding="utf-8")
    chinese.write_text("大会，\n\n1. 决定继续审议该问题。\n", encoding="utf-8")
    os.mkfifo(pipe)  # never opened: it would wait for a writer, and its text is the parser's

    assert not _started(english, english)
    assert not _started(pipe, tmp_path / "missing.txt")
    assert _started(english, chinese)
    # A run of the command on them stores their words and notes both files: no helper next time.
    segmenter = text._Segmenter()
    segmenter.start_helper([str(english), str(chinese)])
    segmenter.prefetch(["决定继续审议该问题"])
    segmenter._helper.stop()
    segmenter.cache.save()
    assert not _started(english, chinese)
    again = text._Segmenter()
    again.start_helper([str(english), str(chinese)])
    assert again._inputs == []  # known files: nothing to note, the cache is not written
    assert _started(chinese, tmp_path / "other.txt") is False  # a missing file is no file to note
    os.utime(chinese, ns=(0, 0))  # changed since: new to the cache
    assert _started(english, chinese)


def _started(*paths) -> bool:
    segmenter = text._Segmenter()
    segmenter.start_helper([str(p) for p in paths])
    helper = segmenter._helper
    if helper is not None:
        helper.stop()
    return helper is not None


def _word(path, body: str):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                         f'2006/main"><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:body></w:document>')
    return path


def test_started_for_word_documents_and_pdfs_that_may_be_chinese(monkeypatch, tmp_path):
    # A Word document keeps its text compressed: its body's start is read to see Han
    # characters; a PDF's text is read by its parser alone, so any PDF may be Chinese.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    chinese = _word(tmp_path / "zh.docx", "大会，决定继续审议该问题。")
    english = _word(tmp_path / "en.docx", "The General Assembly, Decides to continue;")
    damaged = tmp_path / "damaged.docx"
    damaged.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("notes.txt", "大会")
    pdf = ROOT / "tests" / "fixtures" / "extractions" / "A_C.2_65_L.56-ZH.pdf"
    assert _started(chinese) and _started(english, chinese) and _started(pdf)
    assert not _started(english) and not _started(damaged) and not _started(other)


def _diff(*preexec) -> subprocess.CompletedProcess:
    environment = dict(os.environ, RESDIFF_CACHE="0")
    return subprocess.run([sys.executable, "-m", "resdiff", "diff", str(SAMPLE), "--format", "json"],
                          capture_output=True, text=True, env=environment, cwd=ROOT, timeout=120,
                          preexec_fn=preexec[0] if preexec else None)


def test_the_command_gives_the_same_output_with_and_without_a_helper():
    with_helper = _diff()
    one_processor = _diff(lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}))  # no helper
    assert with_helper.returncode == one_processor.returncode == 0
    assert with_helper.stdout == one_processor.stdout and with_helper.stderr == one_processor.stderr == ""
