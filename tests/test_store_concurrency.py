"""Two writers at once lose nothing; a writer killed mid-transaction leaves the store as it was."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

from conftest import FIXTURES, SAMPLE

CORPUS = FIXTURES / "corpus" / "en"


def _rows(path):
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return connection.execute("SELECT symbol, revision, content_hash FROM documents ORDER BY symbol, revision").fetchall()
    finally:
        connection.close()


def test_concurrent_adds_lose_nothing(tmp_path):
    store = tmp_path / "store.db"
    files = [CORPUS / f"A_RES_80_{n}.md" for n in range(1, 9)]
    # every process adds its own file and the shared sample, all at the same moment
    processes = [subprocess.Popen([sys.executable, "-m", "resdiff", "add", str(f), str(SAMPLE), "--store", str(store)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    outputs = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0] * len(files), [o[1] for o in outputs]
    rows = _rows(store)
    symbols = [r[0] for r in rows]
    assert sorted(symbols) == sorted([f"A/RES/80/{n}" for n in range(1, 9)] + ["A/C.2/65/L.22", "A/C.2/65/L.56"])
    assert all(r[1] == 1 for r in rows)  # the shared sample was stored once, not as revisions
    added = sum(o[0].count("added A/C.2/65/L.22") for o in outputs)
    unchanged = sum(o[0].count("unchanged A/C.2/65/L.22") for o in outputs)
    assert (added, unchanged) == (1, len(files) - 1)


KILLED_WRITER = textwrap.dedent("""
    import sys, time
    from resdiff import store as store_module
    from resdiff.parse import parse_file

    original = store_module.Store._insert_document

    def insert_then_hang(self, item, digest, revision):
        row = original(self, item, digest, revision)
        print("inserted", flush=True)
        time.sleep(60)
        return row

    store_module.Store._insert_document = insert_then_hang
    incoming = [store_module.Incoming(d) for d in parse_file(sys.argv[2])]
    with store_module.Store.open(sys.argv[1], create=True) as opened:
        opened.add(incoming)
""")


def test_a_writer_killed_mid_transaction_leaves_the_store_as_it_was(tmp_path):
    store = tmp_path / "store.db"
    subprocess.run([sys.executable, "-m", "resdiff", "add", str(SAMPLE), "--store", str(store)], check=True,
                   capture_output=True)
    before = _rows(store)
    corrected = tmp_path / "corrected.txt"
    corrected.write_text(SAMPLE.read_text(encoding="utf-8").replace("承认数字鸿沟中存在性别鸿沟", "承认数字鸿沟中仍存在性别鸿沟"),
                         encoding="utf-8")
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(store), str(corrected)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "inserted"
        # the new revision is written inside the open transaction, not yet committed
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == -signal.SIGKILL
    assert _rows(store) == before
    # and the store still takes writes: the same revision goes in cleanly afterwards
    result = subprocess.run([sys.executable, "-m", "resdiff", "add", str(corrected), "--store", str(store)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "revised A/C.2/65/L.56 (revision 2" in result.stdout
    assert len(_rows(store)) == len(before) + 1


def test_a_writer_waits_for_another_writers_transaction(tmp_path):
    store = tmp_path / "store.db"
    subprocess.run([sys.executable, "-m", "resdiff", "add", str(SAMPLE), "--store", str(store)], check=True,
                   capture_output=True)
    holder = sqlite3.connect(store, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    started = time.monotonic()
    writer = subprocess.Popen([sys.executable, "-m", "resdiff", "add", str(CORPUS / "A_RES_80_3.md"), "--store", str(store)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)
    assert writer.poll() is None  # still waiting for the lock
    holder.execute("COMMIT")
    holder.close()
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert out.startswith("added A/RES/80/3 (")
    assert time.monotonic() - started >= 1.5


def _open_new_store(path, barrier):
    from resdiff.errors import StoreError
    from resdiff.store import Store

    barrier.wait()
    try:
        Store.open(path, create=True).close()
    except StoreError as exc:
        return str(exc)
    return None


def test_eight_openers_of_a_new_store_all_see_a_resdiff_store(tmp_path):
    # Before the version and the tables were read in one transaction, about one opener in
    # thirty saw the tables another process had just created under schema version 0, and took
    # the new store for a foreign database.
    import multiprocessing

    context = multiprocessing.get_context("fork")
    errors = []
    with context.Manager() as manager, context.Pool(8) as pool:
        for round_ in range(12):
            barrier = manager.Barrier(8)
            path = tmp_path / f"store{round_}.db"
            errors += [e for e in pool.starmap(_open_new_store, [(path, barrier)] * 8) if e]
    assert errors == []
