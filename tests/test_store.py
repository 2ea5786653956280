"""The version store: add, log, diff by symbol, families, errors, schema migration."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.errors import StoreError
from resdiff.parse import parse_file
from resdiff.store import SCHEMA_VERSION, Store, content_hash, resolver

from conftest import FIXTURES, ROOT, SAMPLE

SCHEMAS = ROOT / "resdiff" / "schemas"
EN_REPORT = FIXTURES / "reports" / "second_committee_report_made_by_hand_en.txt"


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    return result


def adopted_resolution(tmp_path: Path) -> Path:
    """A/RES/65/141: the recommended draft of the sample, adopted with one paragraph reworded."""
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("12. "))
    body = "\n".join(lines[start + 1:]).replace("承认数字鸿沟中存在性别鸿沟", "承认数字鸿沟中依然存在性别鸿沟")
    head = ("联合国\nA/RES/65/141\n大会\n第六十五届会议\n议程项目 17\n\n2010 年 12 月 20 日大会决议\n\n"
            "[根据第二委员会的报告(A/65/433)通过]\n\n65/141. ")
    path = tmp_path / "A_RES_65_141.zh.txt"
    path.write_text(head + body.lstrip(), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path):
    return str(tmp_path / "s" / "store.db")


def test_add_stores_both_drafts_of_a_report_then_says_unchanged(store):
    first = run("add", str(SAMPLE), "--store", store)
    assert first.exit_code == 0, first.output
    assert first.output == "added A/C.2/65/L.22 (25 PP, 26 OP)\nadded A/C.2/65/L.56 (25 PP, 24 OP)\n"
    again = run("add", str(SAMPLE), "--store", store)
    assert again.output.splitlines() == ["unchanged A/C.2/65/L.22 (already stored as revision 1)",
                                         "unchanged A/C.2/65/L.56 (already stored as revision 1)"]
    with Store.open(store, create=False) as opened:
        versions = opened.versions()
    assert [(v.symbol, v.revision, v.date) for v in versions] == [
        ("A/C.2/65/L.22", 1, "2010-11-04"), ("A/C.2/65/L.56", 1, "2010-11-24")]


def test_stored_document_rebuilds_the_parsed_one_exactly(store):
    run("add", str(SAMPLE), "--store", store)
    parsed = parse_file(str(SAMPLE))
    for document in parsed:
        stored = resolver(store)(document.short_symbol)
        assert stored is not None
        assert stored[0].paragraphs == document.paragraphs
        assert stored[0].footnotes == document.footnotes
        assert content_hash(stored[0]) == content_hash(document)


def test_nested_sub_paragraphs_come_back_under_their_parent(store, tmp_path):
    # (c)(ii) is read back as (c)(ii), not as a top-level (ii)
    path = tmp_path / "nested.txt"
    path.write_text("United Nations A/C.3/80/L.99\n\nThe General Assembly,\n\nRecalling x,\n\n1. Requests:\n"
                    "(a) A report;\n(b) A budget, including:\n(i) Staff costs;\n(ii) Travel costs;\n\n"
                    "2. Decides to remain seized of the matter.\n", encoding="utf-8")
    run("add", str(path), "--store", store)
    document = parse_file(str(path))[0]
    assert [(i.parent, i.label) for i in document.paragraph("OP1").items] == [
        (None, "a"), (None, "b"), ("b", "i"), ("b", "ii")]
    stored = resolver(store)("L.99")
    assert stored is not None and stored[0].paragraphs == document.paragraphs


def test_new_text_under_a_known_symbol_is_a_revision(store, tmp_path):
    run("add", str(SAMPLE), "--store", store)
    text = SAMPLE.read_text(encoding="utf-8").replace("承认数字鸿沟中存在性别鸿沟", "承认数字鸿沟中仍存在性别鸿沟")
    corrected = tmp_path / "A_C.2_65_433_corrected.txt"
    corrected.write_text(text, encoding="utf-8")
    result = run("add", str(corrected), "--store", store)
    assert result.output.splitlines() == ["unchanged A/C.2/65/L.22 (already stored as revision 1)",
                                          "revised A/C.2/65/L.56 (revision 2, 25 PP, 24 OP)"]
    log = json.loads(run("log", "L.56", "--format", "json", "--store", store).output)
    assert [(v["symbol"], v["revision"]) for v in log["versions"]] == [
        ("A/C.2/65/L.22", 1), ("A/C.2/65/L.56", 1), ("A/C.2/65/L.56", 2)]
    assert log["versions"][2]["changes"]["modified"] == 1
    assert log["versions"][2]["summary"] == "+0 −0 ~1"
    # an old revision stays reachable
    assert resolver(store)("L.56@1")[0].paragraphs != resolver(store)("L.56@2")[0].paragraphs


def test_log_orders_a_family_built_from_several_files(store, tmp_path):
    resolution = adopted_resolution(tmp_path)
    # added out of order: the adopted text first
    assert run("add", str(resolution), "--store", store).output == "added A/RES/65/141 (25 PP, 24 OP)\n"
    run("add", str(SAMPLE), "--store", store)
    result = run("log", "信息和通信", "--store", store)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "信息和通信技术促进发展"
    assert [line.split()[1] for line in lines[1:]] == ["A/C.2/65/L.22", "A/C.2/65/L.56", "A/RES/65/141"]
    assert "first version" in lines[1]
    assert lines[3].endswith("+0 −0 ~1")
    data = json.loads(run("log", "65/141", "--format", "json", "--store", store).output)
    jsonschema.validate(data, json.loads((SCHEMAS / "log.schema.json").read_text()))
    assert data["schema"] == "resdiff.log/1"
    assert [v["date"] for v in data["versions"]] == ["2010-11-04", "2010-11-24", "2010-12-20"]
    assert data["versions"][1]["changes"]["merged"] == 2


def test_follows_links_versions_with_different_titles(store, tmp_path):
    run("add", str(SAMPLE), "--store", store)
    draft = tmp_path / "A_C.2_66_L.9.txt"
    draft.write_text("A/C.2/66/L.9\n\nInformation technologies\n\nThe General Assembly,\n\nRecalling its resolution 65/141,\n\n"
                     "1. Decides to continue the work;\n", encoding="utf-8")
    assert isinstance(run("log", "L.9", "--store", store).exception, StoreError)
    assert run("add", str(draft), "--follows", "L.56", "--store", store).exit_code == 0
    data = json.loads(run("log", "L.9", "--format", "json", "--store", store).output)
    assert [v["symbol"] for v in data["versions"]] == ["A/C.2/65/L.22", "A/C.2/65/L.56", "A/C.2/66/L.9"]


def test_english_report_family_and_adopted_resolution(store, tmp_path):
    run("add", str(EN_REPORT), "--store", store)
    text = EN_REPORT.read_text(encoding="utf-8")
    body = text[text.index("     The General Assembly,", text.index("III. Recommendation")):]
    resolution = tmp_path / "A_RES_65_172.en.txt"
    resolution.write_text(
        "United Nations A/RES/65/172\nGeneral Assembly\nSixty-fifth session\nAgenda item 23\n\n"
        "Resolution adopted by the General Assembly on 20 December 2010\n\n"
        "[on the report of the Second Committee (A/65/440)]\n\n"
        "65/172. Specific actions related to the particular needs and problems of landlocked developing countries\n\n"
        + body.replace("Welcoming the work", "Welcoming with appreciation the work"), encoding="utf-8")
    assert run("add", str(resolution), "--store", store).output.startswith("added A/RES/65/172")
    data = json.loads(run("log", "landlocked", "--format", "json", "--store", store).output)
    assert [v["symbol"] for v in data["versions"]] == ["A/C.2/65/L.30", "A/C.2/65/L.61", "A/RES/65/172"]
    assert data["versions"][2]["changes"]["modified"] == 1


def test_english_corpus_resolutions_are_their_own_families(store):
    corpus = FIXTURES / "corpus" / "en"
    files = [corpus / "A_RES_80_1.md", corpus / "A_RES_80_2.md", corpus / "A_RES_68_262.en.txt"]
    result = run("add", *map(str, files), "--store", store)
    assert result.exit_code == 0, result.output
    assert result.output.count("added ") == 3
    data = json.loads(run("log", "--format", "json", "--store", store).output)
    assert len({v["family"] for v in data["versions"]}) == 3
    assert all(v["changes"] is None for v in data["versions"])
    with Store.open(store, create=False) as opened:
        links = opened.links()
    # 80/1 was adopted without reference to a Main Committee on draft A/80/L.2/Rev.1
    assert ("A/80/L.2/Rev.1", "A/RES/80/1", "adopted text") in links
    assert ("A/68/L.39", "A/RES/68/262", "adopted text") in links


def test_diff_by_symbols_and_mixed_with_a_file(store, tmp_path):
    run("add", str(SAMPLE), "--store", store)
    by_symbol = run("diff", "L.22", "L.56", "--format", "json", "--store", store)
    assert by_symbol.exit_code == 0, by_symbol.output
    from_file = run("diff", str(SAMPLE), "--format", "json")
    assert json.loads(by_symbol.output)["changes"] == json.loads(from_file.output)["changes"]
    mixed = run("diff", "A/C.2/65/L.22", str(adopted_resolution(tmp_path)), "--format", "json", "--store", store)
    assert mixed.exit_code == 0, mixed.output
    assert json.loads(mixed.output)["new"]["symbol"] == "A/RES/65/141"


def test_diff_of_two_files_never_creates_a_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = subprocess.run([sys.executable, "-m", "resdiff", "diff", str(SAMPLE), "--format", "json"],
                            capture_output=True, cwd=tmp_path)
    assert result.returncode == 0
    missing = subprocess.run([sys.executable, "-m", "resdiff", "diff", "L.22", "L.56"],
                             capture_output=True, text=True, cwd=tmp_path)
    assert missing.returncode == 2
    assert "resdiff: error:" in missing.stderr and "Traceback" not in missing.stderr
    assert not (tmp_path / ".resdiff").exists()
    assert list(tmp_path.iterdir()) == []


def test_read_commands_on_a_missing_store_create_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["log"], ["log", "L.22"], ["blame", "L.56"]):
        result = subprocess.run([sys.executable, "-m", "resdiff", *args], capture_output=True, text=True, cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr.startswith("resdiff: error: nothing is stored in .resdiff/store.db yet")
    assert list(tmp_path.iterdir()) == []


def test_env_variable_and_default_location(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RESDIFF_STORE", str(tmp_path / "env.db"))
    assert run("add", str(SAMPLE)).exit_code == 0
    assert (tmp_path / "env.db").exists() and not (tmp_path / ".resdiff").exists()
    monkeypatch.delenv("RESDIFF_STORE")
    assert run("add", str(SAMPLE)).exit_code == 0
    assert (tmp_path / ".resdiff" / "store.db").exists()


@pytest.mark.parametrize("case", ["unknown", "ambiguous", "not-a-store", "corrupt", "foreign", "unwritable", "folder"])
def test_bad_input_is_one_error_line(tmp_path, case):
    store = tmp_path / "store.db"
    args = ["log", "L.99"]
    if case in ("unknown", "ambiguous"):
        run("add", str(SAMPLE), "--store", str(store))
        args = ["blame", "L.99"] if case == "unknown" else ["log", "L."]
    elif case == "not-a-store":
        store.write_text("just some notes\n", encoding="utf-8")
    elif case == "corrupt":
        run("add", str(SAMPLE), "--store", str(store))
        data = bytearray(store.read_bytes())
        data[100:4096] = b"\xff" * (4096 - 100)
        store.write_bytes(bytes(data))
    elif case == "foreign":
        connection = sqlite3.connect(store)
        connection.execute("CREATE TABLE notes (x)")
        connection.commit()
        connection.close()
    elif case == "unwritable":
        blocker = tmp_path / "file"
        blocker.write_text("x")
        store = blocker / "sub" / "store.db"
        args = ["add", str(SAMPLE)]
    elif case == "folder":
        store = tmp_path
        args = ["add", str(SAMPLE)]
    result = subprocess.run([sys.executable, "-m", "resdiff", *args, "--store", str(store)],
                            capture_output=True, text=True)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith("resdiff: error: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""


# The store as version 1 wrote it: documents and links, no session, agenda item or report.
V1_SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, revision INTEGER NOT NULL, title TEXT,
    language TEXT NOT NULL, date TEXT, source TEXT, content_hash TEXT NOT NULL, content TEXT NOT NULL,
    UNIQUE (symbol, revision));
CREATE TABLE links (predecessor TEXT NOT NULL, successor TEXT NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (predecessor, successor));
PRAGMA user_version = 1;
"""


def test_a_version_1_store_opens_and_migrates(tmp_path):
    from resdiff.store import _canonical, _content

    path = tmp_path / "old.db"
    connection = sqlite3.connect(path)
    connection.executescript(V1_SCHEMA)
    for document in parse_file(str(SAMPLE)):
        connection.execute(
            "INSERT INTO documents (symbol, revision, title, language, date, source, content_hash, content) "
            "VALUES (?, 1, ?, ?, ?, ?, ?, ?)",
            (document.symbol, document.title, document.language, None, document.source,
             content_hash(document), _canonical(_content(document))))
    connection.execute("INSERT INTO links VALUES ('A/C.2/65/L.22', 'A/C.2/65/L.56', 'informal consultations')")
    connection.commit()
    connection.close()
    result = run("log", "--format", "json", "--store", str(path))
    assert result.exit_code == 0, result.output
    assert [v["symbol"] for v in json.loads(result.output)["versions"]] == ["A/C.2/65/L.22", "A/C.2/65/L.56"]
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
    assert connection.execute("SELECT DISTINCT session FROM documents").fetchall() == [("65",)]
    # version 3: revisions counted within a language, and the tables for fetched files and records
    assert connection.execute("SELECT DISTINCT edition FROM documents").fetchall() == [(1,)]
    assert connection.execute("SELECT count(*) FROM files").fetchone()[0] == 0
    assert connection.execute("SELECT count(*) FROM records").fetchone()[0] == 0
    # The paragraphs of the texts stored before the index existed are indexed by the migration.
    assert connection.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0] == 25 + 26 + 25 + 24
    assert connection.execute("SELECT COUNT(DISTINCT paragraph) FROM paragraph_sketches").fetchone()[0] == 100
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    assert run("add", str(SAMPLE), "--store", str(path)).output.count("unchanged") == 2


def test_a_newer_store_is_refused(tmp_path):
    path = tmp_path / "new.db"
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    result = subprocess.run([sys.executable, "-m", "resdiff", "log", "--store", str(path)], capture_output=True, text=True)
    assert result.returncode == 2 and "newer resdiff" in result.stderr


def test_a_version_4_store_with_the_trigram_index_gets_sketches(tmp_path):
    """The first stores of schema 4 kept an FTS5 trigram index; opening one drops it and builds
    the sketches that precedent search reads."""
    path = tmp_path / "v4.db"
    assert run("add", str(SAMPLE), "--store", str(path)).exit_code == 0
    connection = sqlite3.connect(path)
    connection.executescript("""
        DROP TABLE paragraph_sketches;
        CREATE VIRTUAL TABLE paragraph_index USING fts5 (text, content='', tokenize='trigram', detail='none');
        CREATE VIRTUAL TABLE paragraph_terms USING fts5vocab (paragraph_index, 'row');
        PRAGMA user_version = 4;
    """)
    connection.close()
    result = run("precedent", "L.56", "--store", str(path), "--format", "json", "--top", "1")
    assert result.exit_code == 0, result.output
    # (two paragraphs differ from their precedent in width and spacing only: identical)
    assert json.loads(result.output)["summary"] == {"identical": 8, "changed": 34, "new": 7}
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "paragraph_index" not in tables and "paragraph_terms" not in tables
    assert connection.execute("SELECT COUNT(DISTINCT paragraph) FROM paragraph_sketches").fetchone()[0] == 100
    connection.close()


HEADED = ("United Nations A/C.3/80/L.12\nGeneral Assembly Distr.: Limited\n20 October 2025\nThird Committee\n"
          "Agenda item 71 (c)\nPromotion and protection of human rights\nAlbania, Andorra and Canada: draft resolution\n"
          "Situation of human rights in Somewhere\nThe General Assembly,\nGuided by the Charter,\n1. Decides to act;\n"
          "2. Requests a report.\n")


@pytest.mark.parametrize("edit", [
    ("Andorra and", "Andorra, Chile and"),  # sponsors line
    ("20 October", "22 October"),  # date
    ("in Somewhere", "in Elsewhere"),  # title
    ("Agenda item 71 (c)", "Agenda item 72 (c)"),  # agenda item
])
def test_add_stores_a_new_revision_when_only_the_title_header_or_date_changed(tmp_path, edit):
    path = tmp_path / "store.db"
    first, second = tmp_path / "h0.txt", tmp_path / "h1.txt"
    first.write_text(HEADED, encoding="utf-8")
    second.write_text(HEADED.replace(*edit), encoding="utf-8")
    assert run("add", str(first), "--store", str(path)).output == "added A/C.3/80/L.12 (1 PP, 2 OP)\n"
    assert run("add", str(second), "--store", str(path)).output == \
        "revised A/C.3/80/L.12 (revision 2, 1 PP, 2 OP)\n"
    # the same files again are what is stored, and both revisions read back as their files
    assert run("add", str(second), str(first), "--store", str(path)).output.splitlines() == [
        "unchanged A/C.3/80/L.12 (already stored as revision 2)",
        "unchanged A/C.3/80/L.12 (already stored as revision 1)",
        "2 files: 0 added, 0 revised, 2 unchanged, 0 failed"]
    with Store.open(path, create=False) as opened:
        stored = [opened.document(v) for v in opened.versions()]
    for document, source in zip(stored, (first, second)):
        (parsed,) = parse_file(source)
        assert (document.title, document.date, document.agenda_item, document.sponsors, document.paragraphs) == \
            (parsed.title, parsed.date, parsed.agenda_item, parsed.sponsors, parsed.paragraphs)
    differs = run("diff", "L.12@1", "L.12@2", "--store", str(path), "--exit-code")
    # `diff` counts the title and header a change; a new date alone it shows in the heading
    assert differs.exit_code == (0 if edit[0] == "20 October" else 1)
    assert "(2025-10-20) → A/C.3/80/L.12" in differs.output or edit[0] != "20 October"


def test_a_text_gone_back_to_an_earlier_revision_is_stored_as_the_latest(tmp_path):
    """An oral revision withdrawn: the text of revision 2 given again after revision 3 is the
    text now on the table, stored as revision 4; the symbol alone names it, log marks it."""
    path = str(tmp_path / "store.db")
    texts = {name: tmp_path / f"{name}.txt" for name in ("r1", "r2", "r3")}
    texts["r1"].write_text(HEADED, encoding="utf-8")
    texts["r2"].write_text(HEADED.replace("Decides to act;", "Decides to act now;"), encoding="utf-8")
    texts["r3"].write_text(HEADED.replace("Decides to act;", "Decides to act at once;"), encoding="utf-8")
    outputs = [run("add", str(texts[name]), "--store", path).output for name in ("r1", "r2", "r3", "r2", "r2")]
    assert outputs == ["added A/C.3/80/L.12 (1 PP, 2 OP)\n",
                       "revised A/C.3/80/L.12 (revision 2, 1 PP, 2 OP)\n",
                       "revised A/C.3/80/L.12 (revision 3, 1 PP, 2 OP)\n",
                       "revised A/C.3/80/L.12 (revision 4, the text of revision 2)\n",
                       "unchanged A/C.3/80/L.12 (already stored as revision 4)\n"]
    log = run("log", "L.12", "--store", path).output
    assert log.splitlines()[-2:] == [
        "  2025-10-20  A/C.3/80/L.12 rev 3     1 PP 2 OP  +0 −0 ~1",
        "  2025-10-20  A/C.3/80/L.12 rev 4     1 PP 2 OP  +0 −0 ~1 · the text of rev 2"]
    data = json.loads(run("log", "L.12", "--format", "json", "--store", path).output)
    jsonschema.validate(data, json.loads((SCHEMAS / "log.schema.json").read_text(encoding="utf-8")))
    assert [(v["revision"], v["text_of"]) for v in data["versions"]] == [(1, None), (2, None), (3, None), (4, 2)]
    # the symbol alone is the text given last; every revision stored still reads back
    assert run("diff", "L.12", str(texts["r2"]), "--store", path, "--exit-code").exit_code == 0
    assert run("diff", "L.12@3", str(texts["r3"]), "--store", path, "--exit-code").exit_code == 0
    # one add giving a symbol's several texts (a folder of its drafts) stores none of them again
    again = run("add", str(texts["r1"]), str(texts["r2"]), str(texts["r3"]), "--store", path).output
    assert again.splitlines() == ["unchanged A/C.3/80/L.12 (already stored as revision 1)",
                                  "unchanged A/C.3/80/L.12 (already stored as revision 4)",
                                  "unchanged A/C.3/80/L.12 (already stored as revision 3)",
                                  "3 files: 0 added, 0 revised, 3 unchanged, 0 failed"]
    with Store.open(path, create=False) as opened:
        assert [v.revision for v in opened.versions()] == [1, 2, 3, 4]


def test_diff_names_the_stored_revisions_it_compares(tmp_path):
    path = tmp_path / "store.db"
    first, second = tmp_path / "h0.txt", tmp_path / "h1.txt"
    first.write_text(HEADED, encoding="utf-8")
    second.write_text(HEADED.replace("Decides to act", "Decides firmly to act"), encoding="utf-8")
    run("add", str(first), str(second), "--store", str(path))
    stat = run("diff", "L.12@1", "L.12@2", "--store", str(path), "--stat").output.splitlines()
    assert stat[0] == "A/C.3/80/L.12 rev 1 (2025-10-20) → A/C.3/80/L.12 rev 2 (2025-10-20)"
    # the symbol alone is the latest revision: the heading and a note say so
    latest = run("diff", "L.12", "L.12@2", "--store", str(path), "--stat")
    assert latest.output.splitlines()[0] == "A/C.3/80/L.12 rev 2 (2025-10-20) → A/C.3/80/L.12 rev 2 (2025-10-20)"
    assert latest.stderr == ("resdiff: note: L.12 is A/C.3/80/L.12 rev 2, the latest stored revision "
                             "(L.12@1 names the first)\n")
    changes = run("diff", "L.12@1", str(second), "--store", str(path), "--only-changes", "--color", "never").output
    assert "[modified]  L.12 rev 1 OP1 → L.12 OP1" in changes
    markdown = run("diff", "L.12@1", "L.12@2", "--store", str(path), "--format", "markdown").output
    assert markdown.startswith("# A/C.3/80/L.12 rev 1 → A/C.3/80/L.12 rev 2\n")
    data = json.loads(run("diff", "L.12@1", str(second), "--store", str(path), "--format", "json").output)
    jsonschema.validate(data, json.loads((SCHEMAS / "diff.schema.json").read_text(encoding="utf-8")))
    assert (data["old"]["symbol"], data["old"]["revision"], "revision" in data["new"]) == ("A/C.3/80/L.12", 1, False)
    # one stored revision: no revision named
    single = tmp_path / "single.db"
    run("add", str(first), "--store", str(single))
    assert run("diff", "L.12", str(second), "--store", str(single), "--stat").output.splitlines()[0] == \
        "A/C.3/80/L.12 (2025-10-20) → A/C.3/80/L.12 (2025-10-20)"


def test_log_names_a_revision_whose_title_or_sponsors_alone_changed(tmp_path):
    path = tmp_path / "store.db"
    first, second = tmp_path / "h0.txt", tmp_path / "h1.txt"
    first.write_text(HEADED, encoding="utf-8")
    second.write_text(HEADED.replace("Andorra and", "Andorra, Chile and").replace("in Somewhere", "in Elsewhere"),
                      encoding="utf-8")
    run("add", str(first), str(second), "--store", str(path))
    assert run("log", "--store", str(path)).output.splitlines()[1:] == [
        "  2025-10-20  A/C.3/80/L.12           1 PP 2 OP  first version",
        "  2025-10-20  A/C.3/80/L.12 rev 2     1 PP 2 OP  +0 −0 ~0 · changed: title, sponsors"]
    data = json.loads(run("log", "--store", str(path), "--format", "json").output)
    jsonschema.validate(data, json.loads((SCHEMAS / "log.schema.json").read_text(encoding="utf-8")))
    assert [v["header_changed"] for v in data["versions"]] == [[], ["title", "sponsors"]]
    assert data["versions"][1]["summary"] == "+0 −0 ~0 · changed: title, sponsors"


FRENCH = ("Nations Unies A/C.3/80/L.15\nAssemblée générale Distr. limitée\n20 octobre 2025\nTroisième Commission\n"
          "Point 71 b) de l'ordre du jour\nPromotion et protection des droits humains\n"
          "Belgique, France et Luxembourg : projet de résolution\nDroit à l'alimentation\nL'Assemblée générale,\n"
          "Rappelant sa résolution 79/166,\n1. Réaffirme que la faim est un outrage ;\n"
          "2. Décide de poursuivre l'examen de la question.\n")


@pytest.mark.parametrize("query", ["l'alimentation", "l’alimentation", "droit a l'alimentation",
                                   "DROIT À L’ALIMENTATION", "  Droit  à  ", "ALIMENTATION"])
def test_log_matches_titles_with_quotes_dashes_case_and_accents_folded(tmp_path, query):
    path = str(tmp_path / "store.db")
    french = tmp_path / "fr.txt"
    french.write_text(FRENCH, encoding="utf-8")
    dashed = tmp_path / "en.txt"
    dashed.write_text(HEADED.replace("Situation of human rights in Somewhere", "Follow-up to the Summit"),
                      encoding="utf-8")
    run("add", str(french), str(dashed), "--store", path)
    assert run("log", query, "--store", path).output == (
        "Droit à l'alimentation\n  2025-10-20  A/C.3/80/L.15     1 PP 2 OP  first version\n")
    for dash in ("follow–up", "FOLLOW—UP TO", "follow-up"):
        assert run("log", dash, "--store", path).output.splitlines()[0] == "Follow-up to the Summit"
    missing = run("log", "alimentations", "--store", path)
    assert isinstance(missing.exception, StoreError) and str(missing.exception) == (
        "no stored symbol or title matches 'alimentations': 'resdiff log' lists what is stored")
