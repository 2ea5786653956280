"""Agreed language across sessions: families linked by what a text cites, precedent search and
blame over two sessions' versions of a recurring resolution, and bulk import of folders.

A/RES/80/27 "Regional disarmament" (2025) is a real adopted text (tests/fixtures/corpus). Its
predecessor A/RES/79/25 (2024) is not reachable from here; it is rebuilt from 80/27 the way this
perennial resolution changes from one session to the next: the symbol, dates and session, the
last resolution recalled (78/36 instead of 79/25) and the session the item is put on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resdiff.cli import app, main

from conftest import CORPUS

EN = CORPUS / "en"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def predecessor(folder: Path) -> Path:
    """A/RES/79/25, as the 79th session printed Regional disarmament."""
    text = (EN / "A_RES_80_27.md").read_text(encoding="utf-8")
    for old, new in [
        ("A/RES/80/27", "A/RES/79/25"), ("A_RES_80_27", "A_RES_79_25"), ("80/27. ", "79/25. "),
        ("5 December 2025", "4 December 2024"), ("2025-12-05", "2024-12-04"), ("1 December 2025", "2 December 2024"),
        ("Eightieth session", "Seventy-ninth session"), ("A/80/534", "A/79/408"),
        (", 78/36 of 4 December 2023 and 79/25 of 2 December 2024 on", " and 78/36 of 4 December 2023 on"),
        ("eighty-first session", "eightieth session"),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    path = folder / "A_RES_79_25.md"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sessions")
    (folder / "79").mkdir()
    (folder / "80").mkdir()
    predecessor(folder / "79")
    (folder / "80" / "A_RES_80_27.md").write_text((EN / "A_RES_80_27.md").read_text(encoding="utf-8"),
                                                  encoding="utf-8")
    (folder / "80" / "A_RES_80_26.md").write_text((EN / "A_RES_80_26.md").read_text(encoding="utf-8"),
                                                  encoding="utf-8")
    path = str(folder / "store.db")
    result = run("add", str(folder), "--store", path)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "added A/RES/79/25 (9 PP, 6 OP)", "added A/RES/80/26 (13 PP, 10 OP)", "added A/RES/80/27 (9 PP, 6 OP)",
        "3 files: 3 added, 0 revised, 0 unchanged, 0 failed"]
    return path


def test_the_two_sessions_are_one_family_linked_by_the_citation(store):
    data = json.loads(run("log", "--format", "json", "--store", store).output)
    families = {}
    for version in data["versions"]:
        families.setdefault(version["family"], []).append(version["symbol"])
    assert sorted(families.values()) == [["A/RES/79/25", "A/RES/80/27"], ["A/RES/80/26"]]
    later = next(v for v in data["versions"] if v["symbol"] == "A/RES/80/27")
    assert later["changes"]["modified"] == 2 and later["changes"]["unchanged"] == 13


def test_each_paragraph_of_the_later_session_has_its_counterpart_as_precedent(store):
    result = run("precedent", "A/RES/80/27", "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    firsts = {p["id"]: (p["precedents"][0]["symbol"], p["precedents"][0]["id"], p["status"])
              for p in data["paragraphs"]}
    assert all(symbol == "A/RES/79/25" and pid == own for own, (symbol, pid, _) in firsts.items())
    # The list of resolutions recalled gained 79/25; the next session named is the eighty-first.
    assert {own for own, (_, _, status) in firsts.items() if status == "changed"} == {"PP1", "OP6"}
    op6 = next(p for p in data["paragraphs"] if p["id"] == "OP6")["precedents"][0]
    assert [(s["op"], s["text"]) for s in op6["spans"] if s["op"] != "equal"] == [
        ("delete", "eightieth "), ("insert", "eighty-first ")]
    assert all(p["precedents"][0]["family"] for p in data["paragraphs"])


def test_blame_traces_the_paragraphs_back_to_the_earlier_session(store):
    data = json.loads(run("blame", "A/RES/80/27", "--store", store, "--format", "json").output)
    assert [v["symbol"] for v in data["versions"]] == ["A/RES/79/25", "A/RES/80/27"]
    changed = {p["id"] for p in data["paragraphs"] if any(s["kind"] == "modified" for s in p["history"])}
    assert changed == {"PP1", "OP6"}
    assert {p["origin"]["symbol"] for p in data["paragraphs"]} == {"A/RES/79/25"}


def test_diff_of_two_sessions_by_symbol(store):
    result = run("diff", "79/25", "80/27", "--store", store, "--stat")
    assert result.exit_code == 0, result.output
    assert "OP6" in result.output


def test_bulk_import_reports_each_failure_and_stores_the_rest(tmp_path, capsys):
    folder = tmp_path / "in"
    (folder / "deep").mkdir(parents=True)
    (folder / "deep" / "A_RES_80_26.md").write_text((EN / "A_RES_80_26.md").read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not a Word file")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "A_RES_80_27.md").write_text("ignored", encoding="utf-8")
    (folder / "notes.json").write_text("{}", encoding="utf-8")
    store = str(tmp_path / "store.db")
    with pytest.raises(SystemExit) as exit:
        main(["add", str(folder), "--store", store])
    assert exit.value.code == 2
    out, err = capsys.readouterr()
    assert out.splitlines() == ["added A/RES/80/26 (13 PP, 10 OP)", "2 files: 1 added, 0 revised, 0 unchanged, 1 failed"]
    assert err.startswith(f"resdiff: error: {folder / 'broken.docx'}") and err.count("\n") == 1
    assert "Traceback" not in err


def test_many_files_are_read_in_parallel_and_listed_in_name_order(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    names = [f"A_RES_80_{n}.md" for n in range(20, 29)]
    for name in names:
        (folder / name).write_text((EN / name).read_text(encoding="utf-8"), encoding="utf-8")
    result = run("add", str(folder), "--store", str(tmp_path / "store.db"))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split()[1] for line in lines[:-1]] == [f"A/RES/80/{n}" for n in range(20, 29)]
    assert lines[-1] == "9 files: 9 added, 0 revised, 0 unchanged, 0 failed"


def test_a_terminal_sees_the_files_counted_with_the_time_left_while_reading_and_storing(tmp_path):
    """Issue 15's progress bars: on a terminal (a pseudo-terminal here) ``add`` shows how many
    files are read, then stored, of how many, and the time left; the listing on standard output
    is the same as without a terminal."""
    import os
    import pty
    import re
    import subprocess
    import sys

    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(20, 29):
        (folder / f"A_RES_80_{n}.md").write_text((EN / f"A_RES_80_{n}.md").read_text(encoding="utf-8"),
                                                 encoding="utf-8")
    command = os.path.join(os.path.dirname(sys.executable), "resdiff")
    main_side, terminal = pty.openpty()
    env = dict(os.environ, TERM="xterm", COLUMNS="100",
               PYTHONPATH=str(Path(__file__).resolve().parent.parent))  # this checkout's resdiff
    env.pop("NO_COLOR", None)
    process = subprocess.Popen([command, "add", str(folder), "--store", str(tmp_path / "s.db")],
                               stdout=subprocess.PIPE, stderr=terminal, env=env)
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(main_side, 4096)
        except OSError:  # the terminal's other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    out = process.communicate(timeout=120)[0].decode()
    os.close(main_side)
    assert process.returncode == 0
    assert out.splitlines()[-1] == "9 files: 9 added, 0 revised, 0 unchanged, 0 failed"
    shown = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", b"".join(chunks).decode("utf-8", "replace"))
    assert re.search(r"reading\s.*\b9/9\b\s+(?:\d:\d\d:\d\d|-:--:--)", shown), shown[-500:]
    assert re.search(r"storing\s.*\b9/9\b", shown), shown[-500:]
    assert "Traceback" not in shown
