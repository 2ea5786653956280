"""README's examples are real output: each example block that runs one `resdiff` command on files
of the repository (no pipe, no store) prints what README shows. A line "…" stands for any lines, a
line ending in "…" for a longer one, and an example may stop before the output does."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest

from helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _examples() -> list[tuple[str, list[str]]]:
    found = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", README, re.S):
        lines = block.rstrip("\n").split("\n")
        if not lines[0].startswith("$ resdiff ") or any(line.startswith("$ ") for line in lines[1:]):
            continue
        command = lines[0][2:]
        if any(c in command for c in "|<>;&$`") or "--store" in command:
            continue
        arguments = shlex.split(command)[1:]
        if all(a.startswith("-") or (ROOT / a).exists() or not re.search(r"[/.]", a) for a in arguments):
            found.append((command, lines[1:]))
    return found


def _matches(expected: list[str], actual: list[str]) -> bool:
    def at(i: int, j: int) -> bool:
        if i == len(expected):
            return True  # an example may stop before the output does
        line = expected[i]
        if line == "…":
            return any(at(i + 1, k) for k in range(j, len(actual) + 1))
        if j == len(actual):
            return False
        if line.endswith("…") and actual[j].startswith(line[:-1]):
            return at(i + 1, j + 1)
        return line == actual[j] and at(i + 1, j + 1)

    return at(0, 0)


EXAMPLES = _examples()


def test_readme_has_examples_to_check():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("command,expected", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_is_what_the_command_prints(command, expected):
    environment = {k: v for k, v in os.environ.items() if k not in {"FORCE_COLOR", "COLUMNS", "LANGUAGE", "LC_ALL",
                                                                     "LC_MESSAGES", "LANG", "RESDIFF_UI_LANG"}}
    environment.update(NO_COLOR="1", COLUMNS="100")
    done = subprocess.run([sys.executable, "-m", "resdiff", *shlex.split(command)[1:]], capture_output=True,
                          text=True, cwd=ROOT, env=environment, timeout=120)
    actual = [line.rstrip() for line in done.stdout.rstrip("\n").split("\n")]
    assert _matches(expected, actual), "README is stale for `" + command + "`; the command prints:\n" + done.stdout
