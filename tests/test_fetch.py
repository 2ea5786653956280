"""Fetching by symbol, against a real HTTP server on this machine that stands in for the UN
document system and the UN Digital Library (tests/unserver.py).

The client under test is the one users run: the server is reached over TCP, with redirects,
content types, errors and slow answers as the real services give them.
"""

from __future__ import annotations

import io
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from resdiff import fetch as fetch_module
from resdiff.cli import main
from resdiff.parse import doc as doc_module

from conftest import CORPUS, FIXTURES, SAMPLE
from unserver import Served, Server, marc

L22_PDF = FIXTURES / "extractions" / "A_C.2_65_L.22-ZH.pdf"
L56_PDF = FIXTURES / "extractions" / "A_C.2_65_L.56-ZH.pdf"
RES_PDF = CORPUS / "pdf" / "A_RES_68_262-EN.pdf"
AGENDA = "Information and communication technologies for development."


@pytest.fixture(scope="module")
def res_doc(tmp_path_factory) -> bytes:
    """A/RES/68/262 as a Word 97-2003 file, made by LibreOffice from the corpus text."""
    folder = tmp_path_factory.mktemp("res-doc")
    text = folder / "A_RES_68_262.en.txt"
    shutil.copyfile(CORPUS / "en" / "A_RES_68_262.en.txt", text)
    run = subprocess.run([doc_module.soffice(), "--headless", f"-env:UserInstallation=file://{folder}/profile",
                          "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "doc", "--outdir", str(folder),
                          str(text)], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr
    return (folder / "A_RES_68_262.en.doc").read_bytes()


@pytest.fixture
def served(res_doc) -> Served:
    served = Served()
    served.files[("A/C.2/65/L.22", "zh", "pdf")] = L22_PDF.read_bytes()
    served.files[("A/C.2/65/L.56", "zh", "pdf")] = L56_PDF.read_bytes()
    served.files[("A/RES/68/262", "en", "pdf")] = RES_PDF.read_bytes()
    served.files[("A/RES/68/262", "en", "doc")] = res_doc
    served.files[("A/TEST/429", "en", "pdf")] = RES_PDF.read_bytes()
    served.records["A/C.2/65/L.22"] = marc("A/C.2/65/L.22", "Information and communication technologies for "
                                           "development", "2010-10-26", AGENDA)
    served.records["A/C.2/65/L.56"] = marc("A/C.2/65/L.56", "Information and communication technologies for "
                                           "development", "2010-11-22", AGENDA)
    served.records["A/RES/68/262"] = marc("A/RES/68/262", "Territorial integrity of Ukraine", "2014-03-27",
                                          "Prevention of armed conflict.", (100, 11, 58))
    return served


@pytest.fixture
def server(served, monkeypatch):
    with Server(served) as running:
        monkeypatch.setenv("RESDIFF_DOCUMENTS_URL", running.url)
        monkeypatch.setenv("RESDIFF_LIBRARY_URL", running.url)
        monkeypatch.setenv("RESDIFF_TIMEOUT", "1")
        monkeypatch.delenv("RESDIFF_OFFLINE", raising=False)
        monkeypatch.setattr(fetch_module, "BACKOFF", 0.01)
        yield running


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command as users do (errors mapped to status 2): status, stdout, stderr."""
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def host(server) -> str:
    return server.url.split("//")[1]


# --- the comparison a user who knows two symbols asks for ----------------------------------------


def test_diff_of_two_symbols_fetches_both_then_compares(server, tmp_path, capsys):
    store = tmp_path / "store.db"
    code, out, err = cli(capsys, "diff", "A/C.2/65/L.22", "A/C.2/65/L.56", "--lang", "zh", "--store", str(store),
                         "--stat", "--width", "100")
    assert code == 0, err
    assert err == (f"resdiff: fetching A/C.2/65/L.22 (zh) from {host(server)}: not a file, nor stored in {store}\n"
                   f"resdiff: fetching A/C.2/65/L.56 (zh) from {host(server)}: not a file, nor stored in {store}\n")
    # the same comparison as of the two files on disk
    expected = cli(capsys, "diff", str(L22_PDF), str(L56_PDF), "--stat", "--width", "100")
    assert expected[0] == 0
    assert out == expected[1]
    assert "A/C.2/65/L.22" in out and "A/C.2/65/L.56" in out
    # LibreOffice is installed: the Word file is asked for first, and the PDF when there is none
    asked = [(q["s"], q["t"]) for path, q in server.served.requests if path == "/api/symbol/access"]
    assert asked == [("A/C.2/65/L.22", "doc"), ("A/C.2/65/L.22", "pdf"),
                     ("A/C.2/65/L.56", "doc"), ("A/C.2/65/L.56", "pdf")]
    # stored now: the same command touches the network no more, and works offline
    before = len(server.served.requests)
    again = cli(capsys, "diff", "A/C.2/65/L.22", "A/C.2/65/L.56", "--lang", "zh", "--store", str(store),
                "--stat", "--width", "100", "--offline")
    assert again == (0, out, "")
    assert len(server.served.requests) == before


def test_fetch_keeps_the_file_where_it_came_from_and_the_record(server, tmp_path, capsys, res_doc):
    store = tmp_path / "store.db"
    code, out, err = cli(capsys, "fetch", "A/RES/68/262", "--lang", "en", "--store", str(store))
    assert (code, err) == (0, "")
    assert out == (f"fetched A/RES/68/262 in en (Word 97-2003, {len(res_doc) // 1024} KB) from {host(server)}\n"
                   "  added A/RES/68/262 (7 PP, 6 OP)\n"
                   "  record: Territorial integrity of Ukraine; 2014-03-27; agenda: Prevention of armed conflict.; "
                   "vote: 100 in favour, 11 against, 58 abstaining\n")
    connection = sqlite3.connect(store)
    row = connection.execute("SELECT symbol, language, kind, url, final_url, content_type, fetched_at, sha256, data "
                             "FROM files").fetchone()
    assert row[:3] == ("A/RES/68/262", "en", "doc")
    assert row[3] == f"{server.url}/api/symbol/access?s=A%2FRES%2F68%2F262&l=en&t=doc"
    assert row[4] == f"{server.url}/files/A_RES_68_262-EN.doc"
    assert row[5] == "application/msword"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", row[6])
    assert bytes(row[8]) == res_doc and len(row[7]) == 64
    assert connection.execute("SELECT d.symbol FROM documents d JOIN files f ON d.file = f.id").fetchall() == \
        [("A/RES/68/262",)]
    assert connection.execute("SELECT votes_for, votes_against, votes_abstaining, agenda FROM records").fetchall() == \
        [(100, 11, 58, "Prevention of armed conflict.")]
    connection.close()
    # log shows the vote and the agenda item under the version
    code, out, _ = cli(capsys, "log", "--store", str(store))
    assert out == ("Territorial integrity of Ukraine\n"
                   "  2014-04-01  A/RES/68/262     7 PP 6 OP  first version\n"
                   "              vote: 100 in favour, 11 against, 58 abstaining; agenda: Prevention of armed conflict.\n")
    # the PDF of the same text is the same version: nothing new but the file
    code, out, _ = cli(capsys, "fetch", "A/RES/68/262", "--lang", "en", "--type", "pdf", "--store", str(store))
    assert code == 0
    assert "  unchanged A/RES/68/262 (already stored as revision 1)\n" in out
    assert "(PDF, " in out


def test_log_json_carries_the_record(server, tmp_path, capsys):
    import json

    import jsonschema

    store = tmp_path / "store.db"
    assert cli(capsys, "fetch", "A/RES/68/262", "--lang", "en", "--type", "pdf", "--store", str(store))[0] == 0
    code, out, _ = cli(capsys, "log", "--format", "json", "--store", str(store))
    data = json.loads(out)
    schema = json.loads((Path(fetch_module.__file__).parent / "schemas" / "log.schema.json").read_text())
    jsonschema.validate(data, schema)
    record = data["versions"][0]["record"]
    assert record["votes"] == {"in_favour": 100, "against": 11, "abstaining": 58}
    assert record["url"].startswith(f"{server.url}/search?") and "of=xm" in record["url"]


def test_history_shows_the_vote_of_an_adopted_draft(server, tmp_path, capsys):
    store = tmp_path / "store.db"
    server.served.records["A/C.2/65/L.56"] = marc("A/C.2/65/L.56", "ICT for development", "2010-11-22", AGENDA,
                                                  (120, 8, 45))
    assert cli(capsys, "fetch", "A/C.2/65/L.56", "--type", "pdf", "--store", str(store))[0] == 0
    code, out, err = cli(capsys, "history", str(SAMPLE), "--store", str(store))
    assert (code, err) == (0, "")
    lines = out.split("\n")
    adopted = next(i for i, line in enumerate(lines) if " adopted " in line)
    assert lines[adopted + 1].strip() == ("vote: 120 in favour, 8 against, 45 abstaining; agenda: "
                                          "Information and communication technologies for development.")
    assert sum("vote:" in line for line in lines) == 1


def test_429_is_retried_after_the_wait_the_server_asks(server, tmp_path, capsys):
    code, out, err = cli(capsys, "fetch", "A/TEST/429", "--lang", "en", "--type", "pdf", "--store",
                         str(tmp_path / "s.db"))
    assert (code, err) == (0, "")
    assert "  added A/TEST/429 (7 PP, 6 OP)\n" in out
    assert server.served.counts["A/TEST/429"] == 2


def test_the_user_agent_names_resdiff(server, tmp_path, capsys):
    agent = fetch_module.user_agent()
    assert re.fullmatch(r"resdiff/\S+ \(compares versions of UN resolutions\) httpx/\S+", agent)
    assert cli(capsys, "fetch", "A/C.2/65/L.22", "--type", "pdf", "--store", str(tmp_path / "s.db"))[0] == 0
    # the access request, the redirected file and the record search
    assert server.served.agents == [agent] * 3


# --- failures: one line, status 2, nothing stored --------------------------------------------------


FAILURES = [
    ("A/TEST/MISSING", "A/TEST/MISSING: the UN document system ({host}) has no PDF of it in en (HTTP 404): "
                       "check the symbol and --lang"),
    ("A/TEST/503", "A/TEST/503 (en, PDF): {host} answered HTTP 503 Service Unavailable after 4 tries: "
                   "try again later"),
    ("A/TEST/SLOW", "A/TEST/SLOW (en, PDF): no answer from {host} within 1 s: try again later, or set "
                    "RESDIFF_TIMEOUT=SECONDS to wait longer"),
    ("A/TEST/TRUNCATED", "A/TEST/TRUNCATED (en, PDF): the download from {host} broke off after 3000 of 20000 "
                         "bytes; nothing was stored: try again"),
    ("A/TEST/CUT", "A/TEST/CUT (en, PDF): the PDF from {host} stops before its end (no %%EOF marker): the "
                   "download broke off; nothing was stored: try again"),
    ("A/TEST/HTML", "A/TEST/HTML (en, PDF): {host} answered with a web page (text/html, 'Document not "
                    "available') instead of the PDF: check the symbol and --lang, or try again later"),
    ("A/TEST/LOOP", "A/TEST/LOOP (en, PDF): {host} redirects in a loop: try again later"),
]


@pytest.mark.parametrize("symbol,message", FAILURES, ids=[f[0].split("/")[-1] for f in FAILURES])
@pytest.mark.parametrize("command", ["fetch", "diff"])
def test_each_failure_is_one_error_line_and_nothing_is_stored(server, tmp_path, capsys, symbol, message, command):
    store = tmp_path / "store.db"
    if command == "fetch":
        args = ["fetch", "A/RES/68/262", symbol, "--lang", "en", "--type", "pdf", "--store", str(store)]
    else:
        args = ["diff", str(L22_PDF), symbol, "--lang", "en", "--store", str(store)]
    code, out, err = cli(capsys, *args)
    assert code == 2 and out == ""
    lines = err.splitlines()
    if command == "diff":
        assert lines[0] == (f"resdiff: fetching {symbol} (en) from {host(server)}: not a file, nor stored in {store}")
        lines = lines[1:]
    if command == "diff" and symbol not in {"A/TEST/MISSING", "A/TEST/HTML"}:
        # diff asks for the Word file first, and these fail on it before the PDF is asked for; a
        # missing Word file or a web page instead of it sends diff on to the PDF
        message = message.replace("(en, PDF)", "(en, DOC)")
    assert lines == ["resdiff: error: " + message.format(host=host(server))]
    # nothing stored: not even A/RES/68/262, downloaded before the failure
    assert not store.exists() or sqlite3.connect(store).execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_offline_diff_never_touches_the_network(server, tmp_path, capsys, monkeypatch):
    store = tmp_path / "store.db"
    code, out, err = cli(capsys, "diff", "A/C.2/65/L.22", "A/C.2/65/L.56", "--offline", "--store", str(store))
    assert (code, out) == (2, "")
    assert err == (f"resdiff: error: A/C.2/65/L.22: no such file, nor stored in {store}, and --offline forbids "
                   "fetching it: fetch it first with 'resdiff fetch'\n")
    monkeypatch.setenv("RESDIFF_OFFLINE", "1")
    assert cli(capsys, "diff", "A/C.2/65/L.22", "A/C.2/65/L.56", "--store", str(store))[0] == 2
    assert cli(capsys, "fetch", "A/C.2/65/L.22", "--store", str(store))[2] == (
        "resdiff: error: fetch downloads documents, and --offline (or RESDIFF_OFFLINE) forbids the network: "
        "'resdiff log' lists what is stored\n")
    assert server.served.requests == []
    assert not store.exists()


def test_base_urls_must_be_urls(server, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RESDIFF_DOCUMENTS_URL", "documents.example")
    code, out, err = cli(capsys, "fetch", "A/C.2/65/L.22", "--store", str(tmp_path / "s.db"))
    assert (code, out) == (2, "")
    assert err == ("resdiff: error: $RESDIFF_DOCUMENTS_URL is 'documents.example': give a base URL such as "
                   "https://documents.un.org (no trailing slash)\n")


def test_a_missing_record_is_a_warning_and_the_document_is_stored(server, tmp_path, capsys):
    server.served.records.clear()
    code, out, err = cli(capsys, "fetch", "A/C.2/65/L.22", "--type", "pdf", "--store", str(tmp_path / "s.db"))
    assert (code, err) == (0, "")
    assert out.endswith("  added A/C.2/65/L.22 (25 PP, 26 OP)\n  record: none in the UN Digital Library\n")


def test_the_progress_bar_shows_for_a_slow_download(server, monkeypatch):
    monkeypatch.setattr(fetch_module, "PROGRESS_AFTER", 0.0)
    shown = io.StringIO()
    with fetch_module.Client(progress=True, stream=shown) as client:
        download = client.document("A/C.2/65/L.22", "zh", "pdf")
    assert download.data == L22_PDF.read_bytes()
    assert "downloading A/C.2/65/L.22 (zh, PDF)" in shown.getvalue()
    quiet = io.StringIO()
    with fetch_module.Client(stream=quiet) as client:  # not a terminal: no bar
        client.document("A/C.2/65/L.22", "zh", "pdf")
    assert quiet.getvalue() == ""


def test_languages_are_versions_of_their_own(tmp_path):
    from helpers import document
    from resdiff.store import Incoming, Store

    zh = document(["回顾其决议，"], ["决定继续审议。"], symbol="A/TEST/L.1", language="zh")
    en = document(["Recalling its resolutions,"], ["Decides to continue."], symbol="A/TEST/L.1", language="en")
    with Store.open(tmp_path / "s.db", create=True) as opened:
        results = opened.add([Incoming(zh), Incoming(en)])
        assert [(r.status, r.version.language, r.version.revision) for r in results] == \
            [("added", "zh", 1), ("added", "en", 1)]
        assert [v.language for v in opened.find("L.1", "en")] == ["en"]
        assert [v.language for v in opened.find("L.1", "zh")] == ["zh"]


def test_an_unreachable_server_is_one_error_line(tmp_path, capsys):
    # the suite points both base URLs at a closed local port (conftest)
    store = tmp_path / "store.db"
    code, out, err = cli(capsys, "fetch", "A/C.2/65/L.22", "--type", "pdf", "--store", str(store))
    assert (code, out) == (2, "")
    assert err.startswith("resdiff: error: A/C.2/65/L.22 (zh, PDF): cannot reach 127.0.0.1:9 (")
    assert err.endswith("): check the network, or use --offline with what is stored\n") and err.count("\n") == 1
    assert not store.exists()


def test_log_and_blame_compare_each_version_with_the_one_before_in_its_language(tmp_path, capsys):
    from helpers import document
    from resdiff.store import Incoming, Store

    store = tmp_path / "s.db"
    zh1 = document(["回顾其决议，"], ["决定继续审议。"], symbol="A/TEST/L.1", language="zh", title="测试")
    zh2 = document(["回顾其决议，"], ["决定继续审议。", "请秘书长提交报告。"], symbol="A/TEST/L.2", language="zh",
                   title="测试")
    en1 = document(["Recalling its resolutions,"], ["Decides to continue."], symbol="A/TEST/L.1", language="en",
                   title="测试")
    with Store.open(store, create=True) as opened:
        opened.add([Incoming(zh1), Incoming(en1), Incoming(zh2, follows="A/TEST/L.1")])
    code, out, err = cli(capsys, "log", "--store", str(store))
    assert (code, err) == (0, "")
    assert out == ("测试\n"
                   "  ----------  A/TEST/L.1 [zh]     1 PP 1 OP  first version\n"
                   "  ----------  A/TEST/L.1 [en]     1 PP 1 OP  first version\n"
                   "  ----------  A/TEST/L.2 [zh]     1 PP 2 OP  +1 −0 ~0\n")
    code, out, err = cli(capsys, "blame", "L.2", "--store", str(store))
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "A/TEST/L.2: where each paragraph comes from (L.1 → L.2)"


def test_a_word_file_that_cannot_be_read_sends_auto_on_to_the_pdf(server, tmp_path, capsys):
    damaged = doc_module.OLE2_MAGIC + b"\x00" * 2048 + "WordDocument".encode("utf-16-le") + b"\x01" * 4096
    server.served.files[("A/RES/68/262", "en", "doc")] = damaged
    store = tmp_path / "s.db"
    code, out, err = cli(capsys, "fetch", "A/RES/68/262", "--lang", "en", "--store", str(store))
    assert code == 0
    assert err.startswith(f"resdiff: warning: {host(server)}/A_RES_68_262-EN.doc: LibreOffice could not convert "
                          "this Word 97-2003 document")
    assert err.endswith("; is it damaged?; fetching the PDF instead\n") and err.count("\n") == 1
    assert out.startswith(f"fetched A/RES/68/262 in en (PDF, ")
    assert sqlite3.connect(store).execute("SELECT kind FROM files").fetchall() == [("pdf",)]


def test_the_installed_command_fetches_through_the_environment_variables(server, tmp_path):
    import os
    import sys

    env = dict(os.environ)  # the server fixture set RESDIFF_DOCUMENTS_URL and RESDIFF_LIBRARY_URL
    done = subprocess.run([sys.executable, "-m", "resdiff", "diff", "A/C.2/65/L.22", "A/C.2/65/L.56", "--stat"],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == (f"resdiff: fetching A/C.2/65/L.22 (zh) from {host(server)}: not a file, nor stored in "
                           ".resdiff/store.db\n"
                           f"resdiff: fetching A/C.2/65/L.56 (zh) from {host(server)}: not a file, nor stored in "
                           ".resdiff/store.db\n")
    assert "8 unchanged  36 modified  3 added  3 removed  2 merged" in done.stdout
    assert (tmp_path / ".resdiff" / "store.db").is_file()
