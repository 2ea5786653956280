"""Every failure a user can cause is one 'resdiff: error: …' line with exit status 2; reading is
bounded; nothing is damaged silently. Each test here failed before its fix."""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import crafted
import pytest

from resdiff import inline

from resdiff.errors import ParseError
from resdiff.parse import docx, parse_bytes, parse_text, pdf, reading
from resdiff.parse.docx import docx_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "A_C.2_65_433_second_committee_report_ict_zh.txt"
RESDIFF = Path(sys.executable).parent / "resdiff"
ENV = dict(os.environ, RESDIFF_CACHE="0")


def _sigint_default() -> None:
    """In the child, before resdiff starts: Ctrl-C as in a terminal (the default action), not
    ignored as it is when the tests run in a shell's background job."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run(*args, **kwargs):
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("timeout", 60)
    return subprocess.run([str(RESDIFF), *map(str, args)], text=True, env=ENV, **kwargs)


def one_error_line(done, *fragments):
    assert done.returncode == 2, (done.returncode, done.stderr)
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("resdiff: error: "), done.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


# --- bounded reading ---------------------------------------------------------------------------


def test_a_fifo_nothing_writes_to_is_an_error_after_a_bounded_wait(tmp_path):
    from resdiff.parse.reading import FIFO_WAIT

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    one_error_line(run("diff", fifo, SAMPLE, timeout=FIFO_WAIT + 20),
                   f"{fifo}: is a pipe (FIFO) that nothing wrote to in {FIFO_WAIT} seconds")


def test_process_substitution_is_read_once_like_standard_input(tmp_path):
    """`resdiff diff <(…) <(…)`: each pipe read once, whatever reads it twice (add), however late
    its writer starts."""
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    new.write_text(SAMPLE.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    exe = shlex.quote(str(RESDIFF))

    def shell(command: str):
        return subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=ENV, timeout=120)

    piped = shell(f"{exe} diff <(cat {old}) <(sleep 1; cat {new}) --format json")
    plain = run("diff", old, new, "--format", "json")
    assert piped.returncode == plain.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["summary"] == json.loads(plain.stdout)["summary"]
    added = shell(f"{exe} add <(cat {old}) --store {tmp_path / 's.db'}")
    assert added.returncode == 0 and added.stdout.startswith("added "), added.stderr
    one_error_line(shell(f"{exe} diff <(true) {old}"), "file is empty")


def test_devices_are_refused_with_their_kind_named():
    one_error_line(run("parse", "/dev/zero", timeout=20), "/dev/zero: is a character device, not a document")
    one_error_line(run("parse", "/dev/urandom", timeout=20), "is a character device")


def test_a_directory_is_refused(tmp_path):
    one_error_line(run("parse", tmp_path), "is a directory")


def test_dash_reads_standard_input():
    done = run("parse", "-", stdin=open(SAMPLE, "rb"))
    assert done.returncode == 0, done.stderr
    assert done.stdout == run("parse", SAMPLE).stdout


def test_add_dash_stores_standard_input(tmp_path):
    done = run("add", "-", "--store", tmp_path / "s.db", stdin=open(SAMPLE, "rb"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["added A/C.2/65/L.22 (25 PP, 26 OP)", "added A/C.2/65/L.56 (25 PP, 24 OP)"]


def test_standard_input_is_refused_past_the_limit_while_reading():
    # an endless stream: the limit must be checked while reading, not after
    producer = subprocess.Popen(["yes", "Recalling its resolutions"], stdout=subprocess.PIPE)
    try:
        done = run("parse", "-", stdin=producer.stdout, timeout=60)
    finally:
        producer.kill()
        producer.wait()
    one_error_line(done, "-: file is over 20 MB")


def test_empty_standard_input_is_an_error():
    one_error_line(run("parse", "-", input=""), "standard input is empty")


def test_standard_input_given_for_both_versions_is_an_error(tmp_path):
    """`diff - -` read standard input once and compared it with itself: "No changes", exit 0."""
    text = SAMPLE.read_text(encoding="utf-8")
    said = "resdiff: error: - is given twice: standard input can be read once; give the other version as a file\n"
    for command in (["diff", "-", "-", "--exit-code"], ["diff", "-", "-", "--stat", "--store", tmp_path / "s.db"],
                    ["check", "-", "-"]):
        done = run(*command, input=text)
        assert (done.returncode, done.stdout, done.stderr) == (2, "", said), command
    assert not (tmp_path / "s.db").exists()
    # one of the two from standard input is read as ever
    assert run("diff", "-", SAMPLE, "--exit-code", input=text).returncode == 0


def test_a_file_of_blank_lines_holds_no_text_and_is_not_called_empty(tmp_path):
    blank, empty = tmp_path / "blank.txt", tmp_path / "empty.txt"
    blank.write_text("\n\n  \n", encoding="utf-8")
    empty.write_bytes(b"")
    assert run("parse", blank).stderr == f"resdiff: error: {blank}: file holds no text: only blank lines and spaces\n"
    assert run("parse", empty).stderr == f"resdiff: error: {empty}: file is empty\n"
    assert run("parse", "-", input=" \n\t\n").stderr == \
        "resdiff: error: -: standard input holds no text: only blank lines and spaces\n"
    one_error_line(run("diff", SAMPLE, blank), f"{blank}: file holds no text: only blank lines and spaces")


def test_a_file_name_starting_with_a_dash_is_read_after_double_dash(tmp_path):
    dashed = tmp_path / "-draft.txt"
    dashed.write_bytes(SAMPLE.read_bytes())
    done = run("parse", "--", dashed.name, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("A/C.2/65/L.22  信息和通信技术促进发展\n")
    # without --, one line that says what to do
    one_error_line(run("parse", dashed.name, cwd=tmp_path), "No such option", "put -- before it")


def test_a_document_over_the_paragraph_limit_is_refused_once_counted_before_its_marks_are_read(monkeypatch):
    from resdiff.model import MAX_PARAGRAPHS
    from resdiff.parse import classification

    text = "The General Assembly,\n\n" + "".join(f"Recalling its resolution {k},\n\n" for k in range(MAX_PARAGRAPHS + 1))
    read = []
    monkeypatch.setattr(classification, "_take_marks", lambda *args: read.append(1) or ("", ()))
    with pytest.raises(ParseError) as refused:
        parse_text(text, "long.txt")
    assert str(refused.value) == ("long.txt: a document in the file has 20,001 paragraphs; resdiff reads documents "
                                  "of up to 20,000 (a resolution has a few hundred): check that the file holds "
                                  "resolutions")
    assert read == []  # refused on the count alone: the costliest part of classifying never ran


def test_diff_refuses_a_file_over_the_paragraph_limit_before_reading_the_other(tmp_path):
    from resdiff.model import MAX_PARAGRAPHS

    long = tmp_path / "long.txt"
    long.write_text("The General Assembly,\n\n" + "Decides;\n\n" * (MAX_PARAGRAPHS * 2), encoding="utf-8")
    fifo = tmp_path / "never-read"
    os.mkfifo(fifo)  # reading it would be refused: the refusal of the first file comes first
    one_error_line(run("diff", long, fifo), f"{long}: a document in the file has 40,000 paragraphs")


# --- output errors -----------------------------------------------------------------------------


def test_standard_output_on_a_full_device_is_one_error_line():
    with open("/dev/full", "w") as full:
        done = run("diff", SAMPLE, stdout=full, stderr=subprocess.PIPE, capture_output=False)
    one_error_line(done, "cannot write to standard output: No space left on device")


def test_closed_standard_output_is_one_error_line():
    done = subprocess.run(f"'{RESDIFF}' diff '{SAMPLE}' >&-", shell=True, capture_output=True, text=True,
                          env=ENV, timeout=60)
    one_error_line(done, "standard output is closed")


def test_minus_o_never_overwrites_an_input(tmp_path):
    copy = tmp_path / "report.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    one_error_line(run("diff", copy, "-o", copy), "is an input", "never writes over its input")
    one_error_line(run("parse", copy, "-o", tmp_path / "." / "report.txt"), "is an input")
    assert copy.read_bytes() == SAMPLE.read_bytes()


def test_minus_o_writes_through_a_temporary_file_renamed_into_place(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old report")
    done = run("diff", SAMPLE, "-o", target)
    assert done.returncode == 0, done.stderr
    assert target.read_text(encoding="utf-8").startswith("{\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary file left
    # a failed write leaves nothing half-written behind
    one_error_line(run("diff", SAMPLE, "-o", tmp_path / "missing" / "out.json"), "cannot write")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]


def test_minus_o_to_a_device_writes_to_it_and_never_replaces_it():
    one_error_line(run("diff", SAMPLE, "-o", "/dev/full"), "cannot write /dev/full: No space left on device")
    assert Path("/dev/full").is_char_device()


# --- no silent damage --------------------------------------------------------------------------


def test_mostly_utf8_with_a_stray_byte_is_read_as_utf8_with_a_warning_naming_the_line(tmp_path):
    data = SAMPLE.read_bytes()
    cut = data.index(b"\n", 2000)
    line = data.count(b"\n", 0, cut) + 1
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(data[:cut] + b"\xff" + data[cut:])
    done = run("parse", damaged)
    assert done.returncode == 0, done.stderr
    assert done.stdout == run("parse", SAMPLE).stdout.replace(str(SAMPLE), str(damaged))
    assert done.stderr == f"resdiff: warning: {damaged}: 1 byte that is not UTF-8, on line {line}, shown as \ufffd\n"


def test_a_byte_windows_1252_leaves_undefined_is_warned_about_naming_its_line(tmp_path):
    # Before, a French text read as Windows-1252 lost the byte 0x81 (one of the five it leaves
    # undefined) as "\ufffd" with no word, where the same byte in UTF-8 text is warned about.
    text = ("L'Assemblée générale,\nRappelant sa résolution 79/166,\n"
            "1. Réaffirme que la faim constitue un outrage ;\n2. Décide de poursuivre l'examen de la question.\n")
    damaged = tmp_path / "bad1252.txt"
    damaged.write_bytes(text.encode("cp1252").replace(b"faim constitue", b"faim \x81constitue")
                        .replace(b"examen", b"\x8d\x8fexamen"))
    done = run("parse", damaged)
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"resdiff: warning: {damaged}: 3 bytes that are not Windows-1252, on lines 3, 4, shown as \ufffd\n"
    assert "OP1  operative   Réaffirme que la faim \ufffdconstitue un outrage ;" in done.stdout
    strict = run("parse", damaged, "--strict")
    assert strict.returncode == 2
    one = tmp_path / "one.txt"
    one.write_bytes(text.encode("cp1252").replace(b"faim constitue", b"faim \x90constitue"))
    assert parse_bytes(one.read_bytes(), "one.txt")[0].warnings == (
        "1 byte that is not Windows-1252, on line 3, shown as \ufffd",)
    # A clean Windows-1252 text has no warning.
    assert parse_bytes(text.encode("cp1252"), "fr.txt")[0].warnings == ()


def test_a_french_text_from_an_old_mac_read_as_windows_1252_is_warned_about():
    # Before, Mac Roman French read as Windows-1252 ("L'AssemblŽe gŽnŽrale,") gave no warning.
    text = ("L'Assemblée générale,\nRappelant sa résolution 79/166,\n"
            "1. Réaffirme que la faim constitue un outrage ;\n2. Décide de poursuivre l'examen de la question.\n")
    (document,) = parse_bytes(text.encode("mac_roman"), "frmac.txt")
    assert document.warnings[0] == (
        "6 letters no language writes within a word (Ž) on lines 1, 2, 3, 4, as text in another encoding "
        "(such as Mac Roman) read as Windows-1252 gives: check the file's encoding")
    assert not any("Windows-1252" in w for w in parse_bytes(text.encode("cp1252"), "fr.txt")[0].warnings)


def test_a_windows_1252_byte_in_utf8_chinese_is_not_mojibake():
    data = SAMPLE.read_bytes()
    cut = data.index(b"\n", 3000)
    documents = parse_bytes(data[:cut] + b"\x93" + data[cut:], "x.txt")
    assert documents[0].title == "信息和通信技术促进发展"
    assert documents[0].warnings[0].startswith("1 byte that is not UTF-8, on line ")


def test_a_file_in_one_legacy_encoding_is_still_read_whole_in_it():
    text = SAMPLE.read_text(encoding="utf-8")
    assert reading.decode(text.encode("gb18030")) == text
    french = "L'Assemblée générale, rappelant sa résolution\n"
    assert reading.decode(french.encode("cp1252")) == french


# --- Word and PDF: damaged or hostile files ----------------------------------------------------


def _parse_docx(data, tmp_path, name="crafted.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    return run("parse", path)


def test_a_word_file_without_a_body_is_one_error_line(tmp_path):
    one_error_line(_parse_docx(crafted.docx_without_body(), tmp_path), "not a readable Word document",
                   "the document has no body")


def test_non_numeric_list_levels_and_starts_read_as_word_reads_them():
    assert docx_text(crafted.docx_with_level("x")).text == docx_text(crafted.docx_with_level("0")).text
    assert docx_text(crafted.docx_with_start("abc")).text == docx_text(crafted.docx_with_start("1")).text


def test_a_huge_list_start_is_capped_as_word_caps_it(tmp_path):
    started = time.monotonic()
    text = docx_text(crafted.docx_with_start("999999999")).text
    assert time.monotonic() - started < 5
    assert "\nmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmdcclxvii. Decides:" in text  # 32767, Word's highest start


def test_a_word_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    done = _parse_docx(crafted.docx_bomb(docx.MAX_INFLATED + (8 << 20)), tmp_path)
    one_error_line(done, "the Word file inflates to 208 MB", "up to 200 MB inflated")


def test_a_word_file_of_too_many_parts_or_paragraphs_is_refused(tmp_path):
    one_error_line(_parse_docx(crafted.docx_many_parts(docx.MAX_PARTS), tmp_path), "parts; resdiff reads",
                   "up to 2,000")
    one_error_line(_parse_docx(crafted.docx_paragraphs(docx.MAX_WORD_PARAGRAPHS + 1), tmp_path),
                   "the Word file has 100,009 paragraphs")  # and the draft's own 8


def test_a_pdf_of_too_many_pages_is_refused_before_its_pages_are_read(tmp_path):
    one_error_line(_parse_docx(crafted.pdf_pages(pdf.MAX_PAGES + 1), tmp_path, "long.pdf"),
                   "the PDF has 501 pages; resdiff reads PDFs of up to 500 pages")


# --- tracebacks no more ------------------------------------------------------------------------


def _store_with_damage(tmp_path, content_sql):
    path = tmp_path / "store.db"
    assert run("add", SAMPLE, "--store", path).returncode == 0
    connection = sqlite3.connect(path)
    connection.execute(f"UPDATE documents SET content = {content_sql} WHERE symbol = 'A/C.2/65/L.56'")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize("damage", ["substr(content, 1, 100)", "'{\"paragraphs\": 5}'", "x'00ff'"])
def test_a_damaged_store_record_is_one_error_line_naming_the_store(tmp_path, damage):
    path = _store_with_damage(tmp_path, damage)
    for command in (["log"], ["blame", "L.56"], ["diff", "L.22", "L.56"]):
        one_error_line(run(*command, "--store", path), f"the store {path} holds a damaged record (A/C.2/65/L.56 "
                       "revision 1", "restore it from a backup, or move it aside")


def test_a_pair_of_140000_distinct_words_is_diffed_coarsely_without_running_out_of_unicode():
    old = " ".join(f"alpha{k}" for k in range(70_000))
    new = " ".join(f"beta{k}" for k in range(70_000))
    spans = inline.diff_texts(old, new)
    assert inline.rebuild(spans) == (old, new)


def test_an_unwritable_segmentation_cache_degrades_silently(tmp_path):
    (tmp_path / "jieba.cache").mkdir()  # jieba cannot write its cache over a directory
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    env = dict(os.environ, TMPDIR=str(tmp_path), XDG_CACHE_HOME=str(blocked))
    env.pop("RESDIFF_CACHE", None)
    done = subprocess.run([str(RESDIFF), "diff", SAMPLE, "--format", "json"], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout == run("diff", SAMPLE, "--format", "json").stdout


def test_the_word_writer_takes_a_very_long_title_and_odd_characters(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    odd = tmp_path / "odd.txt"
    odd.write_text(text.replace("信息和通信技术促进发展", "信息和通信\x01技术\ufffe促进发展" + "信息和通信技术促进发展" * 30)
                   .replace("承认数字鸿沟", "承认\x0b数字\x07鸿沟\U0010ffff"), encoding="utf-8")
    out = tmp_path / "out.docx"
    done = run("diff", odd, "-o", out)
    assert done.returncode == 0, done.stderr[-500:]
    import docx as python_docx

    title = python_docx.Document(str(out)).core_properties.title
    assert len(title) == 255 and title.startswith("信息和通信技术促进发展信息和通信技术") and title.endswith("…")


@pytest.mark.parametrize("store", ["fifo", "/dev/null"])
def test_a_store_that_is_a_pipe_or_a_device_is_refused_at_once_with_its_kind_named(tmp_path, store):
    if store == "fifo":
        store = tmp_path / "fifo"
        os.mkfifo(store)  # SQLite waited on it for ever
    kind = "a pipe (FIFO)" if store != "/dev/null" else "a character device"
    for command in (["log"], ["blame", "L.22"], ["add", SAMPLE], ["diff", "L.22", "L.56", "--offline"],
                    ["precedent", SAMPLE]):
        one_error_line(run(*command, "--store", store, timeout=20), f"the store {store} is {kind}, not a store file")


def test_names_too_long_for_the_system_are_one_error_line(tmp_path):
    long = tmp_path / ("a" * 5000)
    one_error_line(run("diff", SAMPLE, "-o", long), "cannot write", "File name too long")
    for command in (["log"], ["add", SAMPLE], ["diff", "L.22", "L.56"], ["history", SAMPLE]):
        one_error_line(run(*command, "--store", long), "cannot open the store", "File name too long")


def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement_character(tmp_path):
    name = os.fsdecode(b"draft\xff.txt")
    (tmp_path / name).write_bytes(SAMPLE.read_bytes())
    env = dict(ENV, PYTHONIOENCODING="utf-8")  # a strict standard output, as in a UTF-8 locale
    done = subprocess.run([str(RESDIFF), "diff", name, "--format", "json", "-o", "out.json"], cwd=tmp_path,
                          capture_output=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["old"]["source"] == "draft\ufffd.txt"
    done = subprocess.run([str(RESDIFF), "add", name, "--store", "s.db"], cwd=tmp_path, capture_output=True, env=env,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([str(RESDIFF), "log", "--store", "s.db", "--format", "json"], cwd=tmp_path,
                          capture_output=True, env=env, timeout=60)
    assert done.returncode == 0 and "draft\ufffd.txt" in done.stdout.decode("utf-8"), done.stderr


def test_a_standard_output_that_cannot_carry_the_text_is_one_error_line(tmp_path):
    store = tmp_path / "s.db"
    assert run("add", SAMPLE, "--store", store).returncode == 0
    env = dict(ENV, PYTHONIOENCODING="ascii")  # as a locale that is not UTF-8
    for command in (["parse", SAMPLE], ["diff", SAMPLE, "--format", "json"], ["log", "--store", store],
                    ["history", SAMPLE], ["precedent", SAMPLE, "--store", store]):
        done = subprocess.run([str(RESDIFF), *map(str, command)], capture_output=True, text=True, env=env, timeout=60)
        # (precedent notes first which of the sample's two drafts it searches for)
        done.stderr = "".join(line for line in done.stderr.splitlines(True) if not line.startswith("resdiff: note: "))
        one_error_line(done, "standard output takes ascii, which cannot carry this text", "LANG=C.UTF-8")
        assert done.stdout == ""  # nothing half written


@pytest.mark.parametrize("since", ["99999999999999999999", "²", "٣"])
def test_a_session_that_is_no_number_resdiff_can_use_is_a_usage_error(tmp_path, since):
    store = tmp_path / "s.db"
    assert run("add", SAMPLE, "--store", store).returncode == 0
    one_error_line(run("precedent", SAMPLE, "--store", store, "--since", since), "Invalid value for --since")


def test_ctrl_c_while_add_reads_many_files_in_parallel_prints_no_traceback(tmp_path):
    if (os.cpu_count() or 1) < 2:
        pytest.skip("files are read in parallel only with two processors or more")
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(4):  # enough reading that the readers are still at work when interrupted
        for path in sorted((ROOT / "tests" / "fixtures" / "corpus" / "en").glob("A_RES_80_*.md")):
            (folder / f"{copy}-{path.name}").write_bytes(path.read_bytes())
    for delay in (0, 0.02, 0.1):
        # the terminal sends Ctrl-C to every process of the command: its readers too
        process = subprocess.Popen([str(RESDIFF), "add", str(folder), "--store", str(tmp_path / f"{delay}.db")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV,
                                   start_new_session=True, preexec_fn=_sigint_default)
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
        deadline = time.monotonic() + 60
        while process.poll() is None and not children.read_text().split() and time.monotonic() < deadline:
            time.sleep(0.005)
        assert process.poll() is None, "add ended before its readers started"
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        assert "Traceback" not in stderr, (delay, stderr[-1500:])
        assert process.returncode == 130, (delay, process.returncode, stderr[-400:])


def test_a_reader_whose_command_ended_before_it_started_ends_at_once():
    # The command's id is handed to the reader: one killed while its readers were still being
    # made has given them to another parent already, and they end instead of watching that one.
    done = subprocess.run([sys.executable, "-c", "import os, time; from resdiff.store_cli import _reader_start; "
                           "_reader_start('en', os.getppid() + 1); time.sleep(20); print('outlived the command')"],
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout) == (0, "")


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_readers_end_with_add_when_it_is_terminated_or_killed(tmp_path, how):
    """`timeout`, a cancelled job or a kill ends only the command's own process: its readers see
    it gone and end too, instead of waiting on their queue for ever."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("files are read in parallel only with two processors or more")
    folder = tmp_path / "many"
    folder.mkdir()
    for copy in range(4):
        for path in sorted((ROOT / "tests" / "fixtures" / "corpus" / "en").glob("A_RES_80_*.md")):
            (folder / f"{copy}-{path.name}").write_bytes(path.read_bytes())
    process = subprocess.Popen([str(RESDIFF), "add", str(folder), "--store", str(tmp_path / "s.db")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV, start_new_session=True)
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + 60
    readers: list[str] = []
    while process.poll() is None and len(readers) < 2 and time.monotonic() < deadline:
        readers = children.read_text().split()
        time.sleep(0.005)
    assert process.poll() is None and readers, "add ended before its readers started"
    process.send_signal(how)  # to the command alone, as `timeout` and `kill` send it
    process.wait(timeout=60)

    def running(pid: str) -> bool:
        # An ended reader is gone, or a zombie until whichever process adopted it reaps it.
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except (OSError, IndexError):
            return False

    deadline = time.monotonic() + 30
    while any(running(pid) for pid in readers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(running(pid) for pid in readers), "readers outlived the command"


# --- what the terminal and the browser are given ----------------------------------------------

HOSTILE = "承认\x1b[31m数字\x1b]0;pwned\x07鸿沟\u202eabc"


def _hostile(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8").replace("承认数字鸿沟", HOSTILE), encoding="utf-8")
    return path


def test_escape_and_bidirectional_controls_are_shown_not_obeyed_in_the_terminal(tmp_path):
    path = _hostile(tmp_path)
    for args in (["diff", path], ["diff", path, "--color", "always"], ["parse", path], ["diff", path, "--width", "60"]):
        done = run(*args)
        assert done.returncode == 0, done.stderr
        plain = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout)  # the colours resdiff itself asked for
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", plain), args
    shown = run("diff", path, "--only-changes").stdout
    assert "承认␛[31m数字␛]0;pwned" in shown and "鸿沟⇄abc" in shown


def _bidi_closed(fragment: str) -> bool:
    """Whether every embedding, override and isolate opened in ``fragment`` is closed in it."""
    stack = []
    for ch in fragment:
        if ch in "\u202a\u202b\u202d\u202e":
            stack.append("embedding")
        elif ch == "\u202c" and stack and stack[-1] == "embedding":
            stack.pop()
        elif ch in "\u2066\u2067\u2068":
            stack.append("isolate")
        elif ch == "\u2069":
            while stack and stack.pop() != "isolate":
                pass
    return not stack


def test_bidirectional_overrides_are_isolated_in_html(tmp_path):
    done = run("diff", _hostile(tmp_path), "--format", "html")
    assert done.returncode == 0, done.stderr
    assert "\u202eabc" in done.stdout  # kept, for a right-to-left text may need it
    for fragment in re.split(r"<[^>]*>", done.stdout):
        assert _bidi_closed(fragment), repr(fragment[:80])


def test_ctrl_c_while_the_command_is_starting_prints_no_traceback():
    # Interrupts from the moment resdiff's entry point runs to well into its imports and work.
    # The test waits for that moment, not for a time guessed from an earlier run (on a loaded
    # machine a guess fell inside the interpreter's own start): with PYTHONVERBOSE, Python
    # reports each import as it completes, and the console script calls run() right after
    # importing resdiff.__main__. Before it, an interrupt falls in the interpreter's start
    # (site, the script pip writes) and Python itself reports it; nothing of resdiff has run.
    for delay in (0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.04, 0.08, 0.16, 0.32):
        process = subprocess.Popen([str(RESDIFF), "diff", str(SAMPLE)], preexec_fn=_sigint_default,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                   env=dict(ENV, PYTHONVERBOSE="1"))
        lines: list[str] = []
        running = threading.Event()

        def read(stream=process.stderr, lines=lines, running=running):
            for line in stream:  # drained to the end: a full pipe would stall the command
                lines.append(line)
                if line.startswith("import 'resdiff.__main__'"):
                    running.set()
            running.set()

        reader = threading.Thread(target=read)
        reader.start()
        assert running.wait(60)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
        reader.join(timeout=60)
        stderr = "".join(lines)
        assert "import 'resdiff.__main__'" in stderr, stderr[-400:]
        assert "Traceback" not in stderr, (delay, stderr[-1200:])
        # 130, or 0 when the comparison was done first; or the signal's own death when it came
        # as the interpreter ended, its handlers already reset (the work done, nothing printed)
        assert process.returncode in (130, 0, -signal.SIGINT), (delay, process.returncode)
