"""Issue 15's test on real texts: one recurring resolution in consecutive sessions, in English
(A/RES/48/125, 49/181 and 50/174, 1993-1995) and in Chinese (A/RES/52/148 and 53/166, 1997-1998),
as public web pages print them (tests/fixtures/sessions/README.md says where each comes from).

The store is built as a user would (``resdiff add``); the families must come out as the texts say
(53/166 cites 52/148; 48/125 and 50/174 share a title; 49/181, which as copied shows neither, is
added with ``--follows``), and each paragraph's precedent must be the counterpart a reader finds
by hand (``expected_precedents.json``), new language finding none.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resdiff.cli import app

SESSIONS = Path(__file__).parent / "fixtures" / "sessions"
EXPECTED = json.loads((SESSIONS / "expected_precedents.json").read_text(encoding="utf-8"))


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("sessions") / "store.db")
    en = SESSIONS / "en"
    assert run("add", str(en / "A_RES_48_125.en.txt"), "--store", path) == "added A/RES/48/125 (5 PP, 0 OP)\n"
    assert run("add", str(en / "A_RES_49_181.en.txt"), "--follows", "48/125", "--store", path) == \
        "added A/RES/49/181 (4 PP, 0 OP)\n"
    assert run("add", str(en / "A_RES_50_174.en.txt"), str(SESSIONS / "zh"), "--store", path).splitlines() == [
        "added A/RES/50/174 (2 PP, 0 OP)", "added A/RES/52/148 (8 PP, 0 OP)", "added A/RES/53/166 (8 PP, 0 OP)",
        "3 files: 3 added, 0 revised, 0 unchanged, 0 failed"]
    return path


def test_each_resolution_is_one_family_across_its_sessions(store):
    data = json.loads(run("log", "--format", "json", "--store", store))
    families: dict[int, list[str]] = {}
    for version in data["versions"]:
        families.setdefault(version["family"], []).append(version["symbol"])
    assert sorted(families.values()) == [["A/RES/48/125", "A/RES/49/181", "A/RES/50/174"],
                                         ["A/RES/52/148", "A/RES/53/166"]]
    text = run("log", "53/166", "--store", store)
    assert text.splitlines()[0] == "《维也纳宣言和行动纲领》的全面执行和后续行动"
    assert [line.split()[1] for line in text.splitlines()[1:]] == ["A/RES/52/148", "A/RES/53/166"]


@pytest.mark.parametrize("later", ["A/RES/49/181", "A/RES/50/174", "A/RES/53/166"])
def test_each_paragraph_finds_its_counterpart_in_the_earlier_session(store, later):
    expected = EXPECTED[later]
    data = json.loads(run("precedent", later, "--format", "json", "--store", store))
    assert [p["id"] for p in data["paragraphs"]] == list(expected["paragraphs"])
    for paragraph in data["paragraphs"]:
        want = expected["paragraphs"][paragraph["id"]]["from"]
        earlier = [p["id"] for p in paragraph["precedents"] if p["symbol"] == expected["earlier"]]
        assert earlier == want, (paragraph["id"], paragraph["precedents"])
        if not want:
            # New language: nothing stored keeps half of it, in any session.
            assert paragraph["status"] == "new" and paragraph["precedents"] == []


def test_latest_versions_have_their_predecessor_first(store):
    """No later session is stored: the best precedent of each paragraph is its counterpart."""
    for later in ("A/RES/50/174", "A/RES/53/166"):
        expected = EXPECTED[later]
        data = json.loads(run("precedent", later, "--format", "json", "--store", store))
        for paragraph in data["paragraphs"]:
            want = expected["paragraphs"][paragraph["id"]]["from"]
            if want:
                best = paragraph["precedents"][0]
                assert (best["symbol"], best["id"], best["family"]) == (expected["earlier"], want[0], True)


def test_terminal_view_of_the_chinese_session(store):
    lines = run("precedent", "53/166", "--top", "1", "--store", store).splitlines()
    assert lines[0] == ("Precedents of A/RES/53/166 among 8 stored paragraphs (zh); "
                        "kept share 0.50 or more, best 1")
    assert [line.split("  ")[0] for line in lines[1:-1]] == [f"PP{n}" for n in range(1, 9)]
    assert lines[5] == "PP5  identical to A/RES/52/148 PP3"
    assert lines[3] == "PP3  no precedent: new language"
    assert lines[1].startswith("PP1  A/RES/52/148 PP1, 0.82 kept: 回顾其1993年12月20日第48/121号决议,其中{+大会+}赞同")
    assert lines[-1] == "1 identical to a precedent, 3 changed from one, 4 new"


def test_no_english_precedent_for_chinese_unless_asked(store):
    assert "among 8 stored paragraphs (zh)" in run("precedent", "53/166", "--store", store)
    every = json.loads(run("precedent", "53/166", "--language", "all", "--min", "0", "--format", "json",
                           "--store", store))
    assert every["search"]["stored_paragraphs"] == 19 and every["search"]["languages"] is None
    english = json.loads(run("precedent", "50/174", "--language", "zh", "--format", "json", "--store", store))
    assert english["summary"] == {"identical": 0, "changed": 0, "new": 2}


def test_since_leaves_earlier_sessions_out(store):
    assert run("precedent", "50/174", "--since", "50", "--store", store).splitlines()[-1] == \
        "0 identical to a precedent, 0 changed from one, 2 new"
    data = json.loads(run("precedent", "50/174", "--since", "49", "--format", "json", "--store", store))
    assert {p["symbol"] for q in data["paragraphs"] for p in q["precedents"]} == {"A/RES/49/181"}


def test_blame_goes_back_to_the_session_that_wrote_each_paragraph(store):
    data = json.loads(run("blame", "50/174", "--format", "json", "--store", store))
    assert [v["symbol"] for v in data["versions"]] == ["A/RES/48/125", "A/RES/49/181", "A/RES/50/174"]
    lines = run("blame", "50/174", "--store", store).splitlines()
    assert lines[1:] == ["  PP1  48/125 PP1      49/181 modified (from PP1)",
                         "  PP2  48/125 PP2+PP3  49/181 merged (from PP2+PP3)"]
    added = [line.split()[0] for line in run("blame", "53/166", "--store", store).splitlines()[1:]
             if line.endswith("53/166 added")]
    assert added == [pid for pid, p in EXPECTED["A/RES/53/166"]["paragraphs"].items() if not p["from"]]


def test_diff_of_two_sessions_by_symbol(store):
    out = run("diff", "52/148", "53/166", "--stat", "--store", store)
    assert "A/RES/52/148" in out and "A/RES/53/166" in out


TITLE_EN = ("Strengthening of United Nations action in the human rights field through the promotion of "
            "international cooperation and the importance of non-selectivity, impartiality and objectivity")


@pytest.mark.parametrize("name, symbol, title, preambular", [
    # The Human Rights Library's heading: the title before ", G.A. res. 48/125, … (1993)."
    ("en/A_RES_48_125.en.txt", "A/RES/48/125", TITLE_EN, 5),
    ("en/A_RES_49_181.en.txt", "A/RES/49/181", None, 4),
    # A numbered title on five indented lines, all of them read.
    ("en/A_RES_50_174.en.txt", "A/RES/50/174", TITLE_EN, 2),
    ("zh/A_RES_52_148.zh.txt", "A/RES/52/148", "《维也纳宣言和行动纲领》的全面执行和后续行动", 8),
    # Title, chapeau and paragraphs run together on one line, one paragraph opening "但是,深为关切".
    ("zh/A_RES_53_166.zh.txt", "A/RES/53/166", "《维也纳宣言和行动纲领》的全面执行和后续行动", 8),
])
def test_each_page_reads_as_its_resolution(name, symbol, title, preambular):
    from resdiff.parse import parse_text

    path = SESSIONS / name
    (document,) = parse_text(path.read_text(encoding="utf-8"), str(path))
    assert (document.symbol, document.title) == (symbol, title)
    assert [p.id for p in document.paragraphs] == [f"PP{n}" for n in range(1, preambular + 1)]
    assert not document.warnings
    # Every character of the page's paragraphs is in a paragraph (white space aside).
    body = "".join(p.body for p in document.paragraphs)
    assert "".join(body.split()) in "".join(path.read_text(encoding="utf-8").split())


def test_the_readme_session_replays_word_for_word(tmp_path):
    """README's agreed-language session, run as a user runs it (the installed command, a shell,
    the repository's folder), prints what the README says it prints."""
    import os
    import subprocess
    import sys

    root = SESSIONS.parent.parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    start = readme.index("A session to replay from the repository's folder, on real texts of consecutive sessions")
    block = readme[readme.index("```\n", start) + 4: readme.index("\n```", readme.index("```\n", start) + 4)]
    commands, expected = [], []
    for line in block.split("\n"):
        if line.startswith("$ "):
            commands.append(line[2:])
            expected.append([])
        else:
            expected[-1].append(line)
    store = str(tmp_path / "agreed.db")
    separator = "@@ next command @@"
    script = "".join(f"echo '{separator}'\n{command.replace('/tmp/agreed.db', store)}\n" for command in commands)
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"],
               COLUMNS="200")
    env.pop("RESDIFF_STORE", None)
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=root, env=env,
                         timeout=120).stdout
    printed = [part.rstrip("\n").split("\n") if part.strip() else [] for part in out.split(separator + "\n")[1:]]
    assert len(printed) == len(commands)
    for command, want, got in zip(commands, expected, printed):
        assert got == want, command


def test_a_language_no_stored_text_is_in_is_said_not_silent(store, capsys):
    from resdiff.cli import main

    main(["precedent", "53/166", "--language", "fr", "--store", store])
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == "0 identical to a precedent, 0 changed from one, 8 new"
    assert err == ("resdiff: note: no stored text is in fr (the store holds en, zh): "
                   "every paragraph comes out new\n")
    # Codes are read in either case.
    assert "among 8 stored paragraphs (zh)" in run("precedent", "53/166", "--language", "ZH", "--store", store)
