"""The on-disk cache of Chinese word segmentations: faster, never needed, never wrong."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLE


def _diff(env: dict) -> subprocess.CompletedProcess:
    environment = dict(os.environ)
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "resdiff", "diff", str(SAMPLE), "--format", "json"],
                          capture_output=True, text=True, env=environment, cwd=ROOT, timeout=120)


def _cache_files(folder):
    return sorted(p.name for p in (folder / "resdiff").glob("*.sqlite3")) if (folder / "resdiff").exists() else []


def test_output_is_the_same_without_with_a_cold_and_with_a_warm_cache(tmp_path):
    off = _diff({"RESDIFF_CACHE": "0", "XDG_CACHE_HOME": str(tmp_path)})
    assert _cache_files(tmp_path) == []
    cold = _diff({"XDG_CACHE_HOME": str(tmp_path)})
    assert len(_cache_files(tmp_path)) == 1
    warm = _diff({"XDG_CACHE_HOME": str(tmp_path)})
    assert off.returncode == cold.returncode == warm.returncode == 0
    assert off.stdout == cold.stdout == warm.stdout
    assert off.stderr == cold.stderr == warm.stderr == ""


def test_a_damaged_cache_is_replaced_and_changes_nothing(tmp_path):
    reference = _diff({"RESDIFF_CACHE": "0", "XDG_CACHE_HOME": str(tmp_path)}).stdout
    _diff({"XDG_CACHE_HOME": str(tmp_path)})
    (name,) = _cache_files(tmp_path)
    (tmp_path / "resdiff" / name).write_bytes(b"not a database at all\x00" * 100)
    damaged = _diff({"XDG_CACHE_HOME": str(tmp_path)})
    assert damaged.returncode == 0 and damaged.stdout == reference and damaged.stderr == ""
    again = _diff({"XDG_CACHE_HOME": str(tmp_path)})
    assert again.stdout == reference
    assert (tmp_path / "resdiff" / name).read_bytes().startswith(b"SQLite format 3")


def test_a_wrong_segmentation_in_the_cache_is_never_used(tmp_path):
    import sqlite3

    reference = _diff({"RESDIFF_CACHE": "0", "XDG_CACHE_HOME": str(tmp_path)}).stdout
    _diff({"XDG_CACHE_HOME": str(tmp_path)})
    (name,) = _cache_files(tmp_path)
    connection = sqlite3.connect(tmp_path / "resdiff" / name)
    with connection:
        connection.execute("UPDATE segment SET words = '错 误'")
    connection.close()
    assert _diff({"XDG_CACHE_HOME": str(tmp_path)}).stdout == reference


def test_an_unwritable_cache_folder_only_costs_time(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go")
    result = _diff({"XDG_CACHE_HOME": str(blocked)})
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout == _diff({"RESDIFF_CACHE": "0"}).stdout


def test_each_segmenter_keeps_its_own_cache_and_the_output_is_the_same(tmp_path):
    pytest.importorskip("rjieba")
    first = _diff({"XDG_CACHE_HOME": str(tmp_path)})
    reference = _diff({"XDG_CACHE_HOME": str(tmp_path), "RESDIFF_SEGMENTER": "jieba"})
    names = _cache_files(tmp_path)
    assert [name.split("-")[0] for name in names] == ["jieba", "rjieba"]
    assert first.stdout == reference.stdout and first.stderr == reference.stderr == ""
