"""`resdiff diff` as a user runs it: arguments, formats, exit codes, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from resdiff.cli import app

from conftest import ROOT, SAMPLE

runner = CliRunner()
RESDIFF = [sys.executable, "-m", "resdiff"]


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS"}}
    environment.update(env or {})
    return subprocess.run(RESDIFF + list(args), capture_output=True, text=True, env=environment, cwd=ROOT, timeout=120)


def test_one_report_compares_its_first_and_last_drafts():
    result = runner.invoke(app, ["diff", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["old"]["symbol"], data["new"]["symbol"]) == ("A/C.2/65/L.22", "A/C.2/65/L.56")
    assert data["old"]["source"] == data["new"]["source"] == str(SAMPLE)


def test_symbols_pick_drafts_and_a_suffix_is_enough():
    forward = json.loads(runner.invoke(app, ["diff", str(SAMPLE), "--format", "json"]).stdout)
    result = runner.invoke(app, ["diff", str(SAMPLE), "--old", "L.56", "--new", "L.22", "--format", "json"])
    assert result.exit_code == 0, result.output
    backward = json.loads(result.stdout)
    assert (backward["old"]["symbol"], backward["new"]["symbol"]) == ("A/C.2/65/L.56", "A/C.2/65/L.22")
    assert backward["summary"]["added"] == forward["summary"]["removed"]
    assert backward["summary"]["merged"] == forward["summary"]["split"]
    assert backward["summary"]["split"] == forward["summary"]["merged"]
    full = runner.invoke(app, ["diff", str(SAMPLE), "--old", "A/C.2/65/L.22", "--new", "a/c.2/65/l.56", "--format", "json"])
    assert json.loads(full.stdout) == forward


def test_two_files(tmp_path):
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text("The General Assembly,\n\nRecalling its resolution 64/187,\n\n1. Decides to continue;\n\n2. Requests a report.\n", encoding="utf-8")
    new.write_text("The General Assembly,\n\nRecalling its resolution 64/187,\n\n1. Decides to continue its work;\n\n2. Requests a report.\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["modified"] == 1 and data["summary"]["unchanged"] == 2
    modified = next(c for c in data["changes"] if c["kind"] == "modified")
    assert modified["inline"] == [
        {"op": "equal", "text": "Decides to continue"},
        {"op": "insert", "text": " its work"},
        {"op": "equal", "text": ";"},
    ]


def test_output_file_and_exit_code(tmp_path):
    target = tmp_path / "out.json"
    result = runner.invoke(app, ["diff", str(SAMPLE), "--format", "json", "-o", str(target), "--exit-code"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "resdiff.diff/1"
    same = runner.invoke(app, ["diff", str(SAMPLE), "--old", "L.22", "--new", "L.22", "--exit-code"])
    assert same.exit_code == 0


def test_without_colour_insertions_and_deletions_stay_visible():
    result = runner.invoke(app, ["diff", str(SAMPLE), "--only-changes"])
    assert result.exit_code == 0
    text = result.stdout
    assert "\x1b[" not in text
    assert "[-范畴-]{+对话挂钩+}" in text
    assert "[modified] [renumbered]  L.22 OP15 → L.56 OP17" in text
    assert "[merged] [renumbered]  L.22 OP20 + OP21 → L.56 OP21" in text
    assert "[unchanged] [moved]  L.22 PP19 → L.56 PP10" in text
    assert "[unchanged]  L.22 PP2 → L.56 PP2" not in text
    full = runner.invoke(app, ["diff", str(SAMPLE)]).stdout
    assert "[unchanged]  L.22 PP2 → L.56 PP2" in full


def test_colour_when_forced_and_never_with_no_color():
    coloured = run("diff", str(SAMPLE), env={"FORCE_COLOR": "1"})
    assert "\x1b[" in coloured.stdout and "[-" not in coloured.stdout
    plain = run("diff", str(SAMPLE), env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert "\x1b[" not in plain.stdout and "{+" in plain.stdout


def test_chinese_lines_wrap_by_cell_width():
    from rich.cells import cell_len

    # Not a terminal: one paragraph a line, whatever COLUMNS says, so that text pasted into Word
    # or an e-mail carries no line breaks of its own; --width asks for wrapping.
    result = run("diff", str(SAMPLE), env={"COLUMNS": "60"})
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) > 600
    assert len(lines) == len(run("diff", str(SAMPLE), "--width", "100000").stdout.splitlines())
    wrapped = run("diff", str(SAMPLE), "--width", "60").stdout.splitlines()
    assert max(cell_len(line) for line in wrapped) <= 60 and len(wrapped) > 3 * len(lines) // 2
    from resdiff.compare import compare
    from resdiff.parse import parse_file
    from resdiff.render import RenderOptions
    from resdiff.render.terminal import render

    docs = parse_file(str(SAMPLE))
    for width in (20, 40, 72):
        text = render(compare(docs[0], docs[1]), RenderOptions(width=width))
        assert max(cell_len(line) for line in text.splitlines()) <= width


@pytest.mark.parametrize("args, message", [
    (["diff", "missing.txt"], "missing.txt: no such file"),
    (["diff", "tests"], "tests: is a directory"),
    (["diff", str(SAMPLE), "--old", "L.99"], "no draft 'L.99'"),
])
def test_errors_are_one_line_with_status_2(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("resdiff: error: ") and message in lines[0]
    assert "Traceback" not in result.stderr


def test_an_ambiguous_suffix_names_the_candidates():
    from resdiff.cli import select
    from resdiff.errors import SelectionError

    from helpers import document

    docs = (document(["Recalling,"], [], symbol="A/C.2/78/L.41"), document(["Recalling,"], [], symbol="A/C.3/78/L.41"))
    with pytest.raises(SelectionError, match="matches several drafts"):
        select(docs, "L.41", "two.txt")
    assert select(docs, "C.3/78/L.41", "two.txt").symbol == "A/C.3/78/L.41"
    with pytest.raises(SelectionError, match="no draft '1'"):
        select(docs, "1", "two.txt")  # a tail counts from a boundary: '41' would, '1' does not


def test_one_document_alone_asks_for_a_second(tmp_path):
    single = tmp_path / "single.txt"
    single.write_text("The General Assembly,\n\n1. Decides to continue;\n\n2. Requests a report.\n", encoding="utf-8")
    result = run("diff", str(single))
    assert result.returncode == 2 and "give a second file" in result.stderr


def test_unknown_format_is_a_usage_error():
    result = run("diff", str(SAMPLE), "--format", "pdf")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_installed_command_and_module_entry_point_agree():
    module = run("diff", str(SAMPLE), "--format", "json")
    installed = subprocess.run([str(ROOT / ".venv" / "bin" / "resdiff"), "diff", str(SAMPLE), "--format", "json"],
                               capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert module.returncode == installed.returncode == 0
    assert module.stdout == installed.stdout
    assert installed.stderr == ""


@pytest.mark.parametrize("name,magic", [("r.docx", b"PK\x03\x04"), ("r.HTML", b"<!DOCTYPE html>"), ("r.htm", b"<!DOCTYPE html>"),
                                        ("r.json", b"{"), ("r.md", b"# A/C.2/65/L.22"), ("r.txt", b"A/C.2/65/L.22 (")])
def test_output_format_follows_the_file_name(tmp_path, name, magic):
    target = tmp_path / name
    result = run("diff", str(SAMPLE), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(magic)


def test_format_and_file_name_that_disagree_is_one_error_line(tmp_path):
    result = run("diff", str(SAMPLE), "-o", str(tmp_path / "r.json"), "--format", "html")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"resdiff: error: Invalid value for --format: --format html does not match the file name "
        f"{tmp_path / 'r.json'} (which says json): drop one, or make them agree (see 'resdiff diff --help')"]
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize("name", ["changes.pdf", "changes.doc"])
def test_a_file_name_that_says_a_format_resdiff_does_not_write_is_an_error(tmp_path, name):
    # A "changes.pdf" holding plain text would be sent on as a PDF that no reader opens.
    result = run("diff", str(SAMPLE), "-o", str(tmp_path / name))
    assert result.returncode == 2
    ending = name.rsplit(".", 1)[1]
    assert result.stderr.splitlines() == [
        f"resdiff: error: Invalid value for -o: resdiff does not write .{ending} files: name the file .txt, .json, "
        ".html, .htm, .md or .docx, or give --format (see 'resdiff diff --help')"]
    assert not (tmp_path / name).exists()
    # said outright, the format wins; a name without an ending is the terminal view
    assert run("diff", str(SAMPLE), "-o", str(tmp_path / "changes.log"), "--format", "text").returncode == 0
    assert run("diff", str(SAMPLE), "-o", str(tmp_path / "changes")).returncode == 0
    assert (tmp_path / "changes").read_text(encoding="utf-8").startswith("A/C.2/65/L.22 (")


@pytest.mark.parametrize("alias,expected", [("text", "terminal"), ("TERMINAL", "terminal"), ("md", "markdown"),
                                            ("Markdown", "markdown"), ("JSON", "json"), ("htm", "html")])
def test_format_aliases_in_any_case(alias, expected):
    assert run("diff", str(SAMPLE), "-f", alias).stdout == run("diff", str(SAMPLE), "-f", expected).stdout


def test_usage_errors_are_one_line():
    for args in (["diff"], ["diff", str(SAMPLE), "--color", "sometimes"], ["nonsense"], ["diff", str(SAMPLE), "--bogus"]):
        result = run(*args)
        assert result.returncode == 2
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("resdiff: error: ") and "--help" in lines[0], lines


def test_color_always_never_and_environment():
    plain = run("diff", str(SAMPLE), "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in plain
    assert "\x1b[" in run("diff", str(SAMPLE), "--color", "always", env={"NO_COLOR": "1"}).stdout
    assert "\x1b[" in run("diff", str(SAMPLE), env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run("diff", str(SAMPLE)).stdout


def test_right_to_left_text_goes_to_the_terminal_in_logical_order_with_a_note(tmp_path):
    # Terminals differ (mlterm lays Arabic out right to left, xterm shows it letter by letter
    # from the left): resdiff prints the text as stored and says so in one line.
    rtl = ROOT / "tests/fixtures/rtl"
    old, new = str(rtl / "S_RES_338_1973.ar.old.txt"), str(rtl / "S_RES_338_1973.ar.edited.txt")
    result = run("diff", old, new, env={"NO_COLOR": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "resdiff: note: text written right to left is printed in logical order: a terminal that lays out "
        "bidirectional text (mlterm, for one) shows it right to left, others (xterm) letter by letter from "
        "the left; --format html shows it as written"]
    assert "\n{+يقرر أن يبقي المسألة قيد نظره الفعلي.+}\n" in result.stdout  # as stored, nothing reordered
    assert "(1967) {+(S/RES/242 (1967)) +}بجميع" in result.stdout
    chinese = run("parse", new, env={"RESDIFF_UI_LANG": "zh"})
    assert chinese.stderr.startswith("resdiff：注意：从右向左书写的文字按逻辑顺序输出")
    # Written to a file, or a text with no right-to-left letters: no note.
    assert run("diff", old, new, "-o", str(tmp_path / "d.txt")).stderr == ""
    assert run("diff", str(SAMPLE)).stderr == ""


def test_a_change_in_another_document_both_files_hold_is_warned(tmp_path):
    # Two copies of the committee report, the first draft it quotes (L.22) edited: resdiff
    # compares the recommended drafts (L.56), which agree; before, the edit went unmentioned.
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count("表示注意到经济及社会理事会关于评估") == 2
    edited = tmp_path / "report.txt"
    edited.write_text(text.replace("表示注意到经济及社会理事会关于评估", "表示欢迎经济及社会理事会关于评估", 1),
                      encoding="utf-8")
    from helpers import run_command

    result = run_command("diff", str(SAMPLE), str(edited), "--stat")
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == "A/C.2/65/L.56 (2010-11-24) → A/C.2/65/L.56 (2010-11-24)"
    assert result.stderr == ("resdiff: warning: both files also hold A/C.2/65/L.22, which differs between them; "
                             "only A/C.2/65/L.56 is compared here (give --old A/C.2/65/L.22 --new A/C.2/65/L.22 "
                             "to compare it)\n")
    chosen = run_command("diff", str(SAMPLE), str(edited), "--old", "L.22", "--new", "L.22", "--stat")
    assert chosen.stderr == "" and "1 modified" in chosen.stdout
    same = run_command("diff", str(SAMPLE), str(SAMPLE), "--stat")
    assert same.stderr == ""


FOOTNOTED = ("The General Assembly,\n\nGuided by the Universal Declaration of Human Rights,{a} the International "
             "Covenants on Human Rights{b} and other instruments,\n\n1. Decides to act;\n\n2. Requests a report.\n\n"
             "__________\n1 {first}\n2 {second}\n")


def test_footnotes_only_renumbered_are_a_change_for_exit_code_in_every_view(tmp_path):
    """The summary says "Changed: 2 footnotes": --exit-code says so too, whatever the format."""
    udhr, covenants = "Resolution 217 A (III).", "Resolution 2200 A (XXI), annex."
    old, new = tmp_path / "fm0.txt", tmp_path / "fm1.txt"
    old.write_text(FOOTNOTED.format(a=1, b=2, first=udhr, second=covenants), encoding="utf-8")
    new.write_text(FOOTNOTED.format(a=2, b=1, first=covenants, second=udhr), encoding="utf-8")
    text = runner.invoke(app, ["diff", str(old), str(new), "--exit-code", "--only-changes"])
    assert text.exit_code == 1
    assert text.stdout.splitlines()[1:3] == [
        "3 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered",
        "Changed: 2 footnotes"]
    assert "[unchanged] [renumbered]  fm0.txt footnote 2 → fm1.txt footnote 1" in text.stdout
    for view in (["--format", "json"], ["--format", "markdown"], ["--format", "html"], ["--stat"]):
        assert runner.invoke(app, ["diff", str(old), str(new), "--exit-code", *view]).exit_code == 1, view
    # the HTML report's "No changes" note stays hidden: something changed
    html = runner.invoke(app, ["diff", str(old), str(new), "--format", "html"]).stdout
    assert "none-changed" not in html.split("<main>")[1]
    # the same footnotes in the same order: no change, exit 0
    same = runner.invoke(app, ["diff", str(old), str(old), "--exit-code", "--only-changes"])
    assert same.exit_code == 0 and "No changes: the two versions read the same." in same.stdout
