"""The version store under stress: eight adds at once, and writers killed at random points.

Children are forked from this process (the modules are already imported), so that a round
costs milliseconds, not an interpreter start. ``make fuzz`` runs more rounds
(RESDIFF_FUZZ_SCALE multiplies them).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time

from conftest import FIXTURES, SAMPLE

from resdiff import cli, store  # noqa: F401  (imported before forking)
import resdiff.store_cli  # noqa: F401

SCALE = int(os.environ.get("RESDIFF_FUZZ_SCALE", "1"))
CORPUS = FIXTURES / "corpus" / "en"
FILES = [CORPUS / f"A_RES_80_{n}.md" for n in range(1, 9)]


def _rows(path):
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return set(connection.execute("SELECT symbol, revision, content_hash FROM documents").fetchall())
    finally:
        connection.close()


def _fork_add(path, *files, start_at: float | None = None) -> int:
    """A child process running ``resdiff add FILES --store PATH``; its pid."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 70
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            if start_at is not None:
                time.sleep(max(0.0, start_at - time.monotonic()))
            try:
                cli.main(["add", *map(str, files), "--store", str(path)])
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
        finally:
            os._exit(code)
    return pid


def _status(pid) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def _eight_at_once(path):
    start = time.monotonic() + 0.05
    pids = [_fork_add(path, f, start_at=start) for f in FILES]
    return [_status(p) for p in pids]


def test_eight_concurrent_adds_on_a_new_and_an_existing_store_lose_nothing(tmp_path):
    expected_symbols = {f"A/RES/80/{n}" for n in range(1, 9)}
    for round_ in range(3 * SCALE):
        new = tmp_path / f"new{round_}.db"
        assert _eight_at_once(new) == [0] * 8, f"round {round_}: an add failed on a new store"
        assert {r[0] for r in _rows(new)} == expected_symbols
        existing = tmp_path / f"existing{round_}.db"
        assert _status(_fork_add(existing, SAMPLE)) == 0
        before = _rows(existing)
        assert _eight_at_once(existing) == [0] * 8, f"round {round_}: an add failed on an existing store"
        after = _rows(existing)
        assert before <= after
        assert {r[0] for r in after} == expected_symbols | {"A/C.2/65/L.22", "A/C.2/65/L.56"}


def test_kill_9_at_random_points_of_add_loses_no_version(tmp_path):
    path = tmp_path / "store.db"
    assert _status(_fork_add(path, SAMPLE)) == 0
    text = SAMPLE.read_text(encoding="utf-8")
    # how long one add takes here, so that the kills fall all along it
    started = time.monotonic()
    variant = tmp_path / "v0.txt"
    variant.write_text(text.replace("承认数字鸿沟中存在性别鸿沟", "承认数字鸿沟中存在性别鸿沟0"), encoding="utf-8")
    assert _status(_fork_add(path, variant)) == 0
    duration = time.monotonic() - started
    rng = random.Random(int(os.environ.get("RESDIFF_FUZZ_SEED", "16")))
    rounds = mid_transaction = committed = 0
    while rounds < 30 * SCALE or (mid_transaction == 0 and rounds < 400 * SCALE):
        rounds += 1
        before = _rows(path)
        variant = tmp_path / f"v{rounds}.txt"
        variant.write_text(text.replace("承认数字鸿沟中存在性别鸿沟", f"承认数字鸿沟中存在性别鸿沟{rounds}"),
                           encoding="utf-8")
        pid = _fork_add(path, variant)
        # late in the add is where its transaction is: weigh the kills towards it
        time.sleep(duration * (0.5 + 0.7 * rng.random()) if rng.random() < 0.8 else duration * rng.random())
        os.kill(pid, signal.SIGKILL)
        status = _status(pid)
        journal = path.with_name(path.name + "-journal")
        if status == -signal.SIGKILL and journal.exists() and journal.stat().st_size > 0:
            mid_transaction += 1  # a hot journal: the writer died inside its transaction
        after = _rows(path)  # integrity_check, and SQLite rolls the hot journal back here
        assert before <= after, f"round {rounds}: a stored version was lost"
        grown = after - before
        assert len(grown) in (0, 1), f"round {rounds}: {grown}"
        committed += len(grown)
        if status == 0:
            assert len(grown) == 1
    assert mid_transaction >= 1, f"no kill of {rounds} landed inside a transaction"
    # the store still takes writes afterwards
    assert _status(_fork_add(path, FILES[0])) == 0
    print(f"{rounds} kills, {mid_transaction} inside a transaction, {committed} adds committed")
