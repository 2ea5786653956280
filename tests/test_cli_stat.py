"""`resdiff diff --stat`, `--version`, the help's examples and environment, and the error for an
argument that is neither a file nor a stored symbol."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from rich.cells import cell_len

from resdiff.compare import compare
from resdiff.render import RenderOptions, alike
from resdiff.render.terminal import render_stat

from conftest import ROOT, SAMPLE


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "resdiff", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=120)


def test_stat_is_the_correspondence_table_without_the_texts(sample_comparison):
    out = render_stat(sample_comparison, RenderOptions(color=False))
    lines = out.splitlines()
    assert lines[0] == "A/C.2/65/L.22 (2010-11-04) → A/C.2/65/L.56 (2010-11-24)"
    table = lines[lines.index("") + 1:]
    assert re.split(r"\s+", table[0]) == ["L.22", "L.56", "change", "kept", "opening", "words"]
    rows = table[1:]
    assert len(rows) == len(sample_comparison.changes)
    # The opening words start at one column in every row, Chinese or not.
    column = cell_len(table[0][: table[0].index("opening")])
    for change, row in zip(sample_comparison.changes, rows):
        fields = row.split()
        assert fields[0] == (" + ".join(change.old).split(" + ")[0] if change.old else "—")
        assert change.kind.value in row
        document, ids = (sample_comparison.new, change.new) if change.new else (sample_comparison.old, change.old)
        body = document.paragraph(ids[0]).body
        opening = row[[i for i in range(len(row)) if cell_len(row[:i]) == column][0]:]
        assert body.startswith(opening.rstrip("…")[:6]), (row, body[:20])
        assert cell_len(opening) <= 41 and (opening == body or opening.endswith("…"))  # not the text
    merged = next(r for r, c in zip(rows, sample_comparison.changes) if c.kind.value == "merged")
    assert re.match(r"PP15 \+ PP20 +→ +PP19 +merged +63%", merged)


@pytest.mark.parametrize("width", [20, 30, 40, 50, 60, 80])
def test_a_narrow_terminal_never_cuts_a_rows_ids_change_or_share_kept(sample_comparison, width):
    """Only the opening words (a preview) give way to the width: the ids, every flag of the change
    and the share kept are whole in every row, wrapped if need be; no line is wider than asked."""
    out = render_stat(sample_comparison, RenderOptions(color=False, width=width))
    assert all(cell_len(line) <= max(width, 20) for line in out.splitlines())
    table = " ".join(out[out.index("\n\n") + 2:].split())
    for change in sample_comparison.changes:
        flags = [change.kind.value] + [flag for flag in ("moved", "renumbered") if getattr(change, flag)]
        kept = alike(change.similarity) if change.similarity is not None else ""
        row = " ".join([" + ".join(change.old) or "—", "→", " + ".join(change.new) or "—", *flags, kept]).strip()
        assert row in table, (width, row)


def test_stat_from_the_command_line_and_only_changes(sample_comparison):
    result = run("diff", str(SAMPLE), "--stat", "--only-changes")
    assert result.returncode == 0, result.stderr
    changed = sum(1 for c in sample_comparison.changes
                  if c.kind.value != "unchanged" or c.moved or c.renumbered)
    # header, title, summary, the line of parts changed (the sample's footnotes), the width-only
    # paragraphs, the lines left out, blank, table head
    assert result.stdout.splitlines()[3] == ("Changed: 49 body paragraphs, 3 sub-paragraphs, 11 footnotes, "
                                             "14 paragraphs' footnote references")
    assert result.stdout.splitlines()[4] == "Width or spacing only: 2 paragraphs"
    assert result.stdout.splitlines()[5] == ("Left out as page furniture: 15 lines of L.22, 8 lines of L.56 "
                                             "(--show-furniture lists them)")
    assert len(result.stdout.splitlines()) == 3 + 1 + 1 + 1 + 1 + 1 + changed
    refused = run("diff", str(SAMPLE), "--stat", "--format", "json")
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1 and "--stat" in refused.stderr


def test_version_help_and_unknown_argument(tmp_path):
    version = run("--version")
    assert version.returncode == 0 and re.fullmatch(r"resdiff \d+\.\d+\.\d+\S*\n", version.stdout)
    for args, variables in ((["--help"], ("NO_COLOR", "FORCE_COLOR", "RESDIFF_STORE")),
                            (["diff", "--help"], ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "RESDIFF_STORE")),
                            (["parse", "--help"], ("NO_COLOR", "FORCE_COLOR", "COLUMNS")),
                            (["fetch", "--help"], ("RESDIFF_DOCUMENTS_URL", "RESDIFF_OFFLINE", "RESDIFF_STORE")),
                            *(([command, "--help"], ("RESDIFF_STORE",)) for command in
                              ("add", "log", "blame", "history", "precedent"))):
        text = " ".join(run(*args).stdout.split())
        assert "Example" in text and f"resdiff {args[0] if args[0] != '--help' else 'diff'} " in text
        for variable in variables:
            assert variable in text
    missing = run("diff", "L.99", str(SAMPLE), cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == ("resdiff: error: L.99: no such file, nor a symbol stored in .resdiff/store.db "
                              "(give a file's path, or add the file with 'resdiff add')\n")


def test_shell_completion_installs_and_completes(tmp_path):
    import os

    environment = {**os.environ, "HOME": str(tmp_path), "SHELL": "/bin/bash"}
    installed = subprocess.run([sys.executable, "-m", "resdiff", "--install-completion", "bash"],
                               capture_output=True, text=True, env=environment, timeout=120)
    assert installed.returncode == 0, installed.stderr
    script = (tmp_path / ".bash_completions/resdiff.sh").read_text()
    assert "complete -o default -F _resdiff_completion resdiff" in script
    assert "resdiff.sh" in (tmp_path / ".bashrc").read_text()
    completed = subprocess.run([sys.executable, "-m", "resdiff"], capture_output=True, text=True, timeout=120,
                               env={**environment, "_RESDIFF_COMPLETE": "complete_bash",
                                    "COMP_WORDS": "resdiff diff --st", "COMP_CWORD": "2"})
    assert completed.stdout.split() == ["--stat", "--store"]


def test_a_dash_reads_standard_input_for_diff():
    # `cat report.txt | resdiff diff -` reads as `resdiff diff report.txt`, in any format.
    for args in (["--stat"], ["--only-changes"], ["--format", "json"]):
        with open(SAMPLE, "rb") as stream:
            piped = subprocess.run([sys.executable, "-m", "resdiff", "diff", "-", *args], stdin=stream,
                                   capture_output=True, cwd=ROOT, timeout=120)
        direct = run("diff", str(SAMPLE), *args)
        assert piped.returncode == direct.returncode == 0, piped.stderr
        # (JSON names its source: "-" for standard input)
        assert piped.stdout.decode() == direct.stdout.replace(f'"{SAMPLE}"', '"-"'), args
