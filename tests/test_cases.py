"""Scenario folders under tests/cases/: an old and a new text, with golden outputs.

Regenerate the golden files with ``pytest --update-golden`` and review them as a diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from resdiff.compare import compare
from resdiff.inline import rebuild
from resdiff.model import ChangeKind
from resdiff.parse import parse_file
from resdiff.render import RenderOptions
from resdiff.render import json as json_render
from resdiff.render import terminal

from conftest import ROOT

CASES = sorted(p.name for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())


def load(case: str):
    os.chdir(ROOT)
    old = parse_file(f"tests/cases/{case}/old.txt")[-1]
    new = parse_file(f"tests/cases/{case}/new.txt")[-1]
    return old, new


@pytest.mark.parametrize("case", CASES)
def test_terminal_golden(case, golden):
    old, new = load(case)
    golden(f"cases/{case}.terminal.txt", terminal.render(compare(old, new), RenderOptions(width=80)))


@pytest.mark.parametrize("case", CASES)
def test_json_golden(case, golden):
    old, new = load(case)
    golden(f"cases/{case}.json", json_render.render(compare(old, new)))


@pytest.mark.parametrize("case", CASES)
def test_invariants(case):
    old, new = load(case)
    forward = compare(old, new)
    for change in forward.changes:
        old_text = "\n".join(old.paragraph(pid).body for pid in change.old)
        new_text = "\n".join(new.paragraph(pid).body for pid in change.new)
        rebuilt = rebuild(change.inline)
        assert rebuilt[1] == new_text
        if change.kind is not ChangeKind.UNCHANGED:
            assert rebuilt[0] == old_text
    backward = compare(new, old)
    links = lambda c: {(o, n) for ch in c.changes for o in ch.old for n in ch.new}
    assert {(n, o) for o, n in links(forward)} == links(backward)
    assert [c.kind for c in compare(old, old).changes] == [ChangeKind.UNCHANGED] * len(old.paragraphs)
    assert json.loads(json_render.render(forward)) == json_render.comparison_dict(forward)
    for width in (20, 33):
        terminal.render(forward, RenderOptions(width=width))


@pytest.mark.parametrize("case", [c for c in CASES if (Path(__file__).parent / "cases" / c / "reference.json").exists()])
def test_alignment_matches_the_hand_made_reference(case):
    # The alignment written by hand from reading the texts, both ways round.
    old, new = load(case)
    reference = json.loads((Path(__file__).parent / "cases" / case / "reference.json").read_text(encoding="utf-8"))
    expected = sorted((tuple(o), tuple(n), kind) for o, n, kind in reference["changes"])
    assert sorted((c.old, c.new, c.kind.value) for c in compare(old, new).changes) == expected
    mirror = {"merged": "split", "split": "merged", "added": "removed", "removed": "added"}
    assert sorted((c.new, c.old, mirror.get(c.kind.value, c.kind.value)) for c in compare(new, old).changes) == expected
