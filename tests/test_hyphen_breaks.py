"""A line broken at the hyphen of a hyphenated word ("Secretary-" / "General", "follow-" / "up",
"Director-" / "General") joins without a space, hyphen kept: a UN text breaks a line at a hyphen
only inside a word printed with it (every such break in the corpus texts is). Before, the
omnibus A/RES/79/144 read "Secretary- General" in annex paragraph 8 and OP101, and a text
broken there differed from the same text broken elsewhere."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse import parse_file, parse_text
from resdiff.parse.lines import _join, _join_all

OMNIBUS = ROOT / "tests" / "fixtures" / "omnibus" / "A_RES_79_144.en.txt"


@pytest.mark.parametrize("left, right, joined", [
    ("to the Secretary-", "General", "to the Secretary-General"),
    ("ensure follow-", "up", "ensure follow-up"),
    ("the Director-", "General", "the Director-General"),
    ("the decade 2021-", "2030", "the decade 2021-2030"),
    ("the non‑", "governmental", "the non‑governmental"),
    ("the State -", "and", "the State - and"),  # a dash after a space
    ("age-", "and gender-sensitive", "age- and gender-sensitive"),  # a hyphen left hanging before "and"
    ("confidence-", "or security-building", "confidence- or security-building"),
    ("hand-", "andante", "hand-andante"),
    ("Member States-", "(a)", "Member States- (a)"),
    ("Decides to act", "now", "Decides to act now"),
])
def test_join(left, right, joined):
    assert _join(left, right) == joined
    assert _join_all([left, right]) == joined


def test_a_paragraph_broken_at_hyphens_reads_as_one_broken_elsewhere(tmp_path):
    head = "The General Assembly,\n\nRecalling its resolution 60/1,\n\n"
    broken = head + "1. Requests the Secretary-\nGeneral to ensure the follow-\nup to the capacity-\nbuilding programme.\n"
    whole = head + "1. Requests the Secretary-General to ensure\nthe follow-up to the capacity-building\nprogramme.\n"
    assert parse_text(broken)[0].paragraphs[1].text == (
        "Requests the Secretary-General to ensure the follow-up to the capacity-building programme.")
    (tmp_path / "a.txt").write_text(broken, encoding="utf-8")
    (tmp_path / "b.txt").write_text(whole, encoding="utf-8")
    result = CliRunner().invoke(app, ["--ui-lang", "en", "diff", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                                      "--exit-code", "--only-changes"])
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("No changes: the two versions read the same.\n")


def test_the_omnibus_reads_secretary_general_whole():
    document = parse_file(str(OMNIBUS))[0]
    texts = {p.id: p.text for p in document.paragraphs}
    assert "independent panel to examine applications and to recommend to the Secretary-General the amount of the financial assistance" in texts["Annex 8"]
    assert texts["OP101"].startswith("Approves the convening by the Secretary-General of the sixty-third, sixty-fourth "
                                     "and sixty-fifth sessions")
    assert "also approves the convening by the Secretary-General of the sixty-sixth" in texts["OP101"]
    # no word anywhere is read with a hyphen and a space inside it
    texts_all = [p.text for p in document.paragraphs] + [i.text for p in document.paragraphs for i in p.items]
    assert [m.group(0) for t in texts_all for m in re.finditer(r"\w+- \w+", t)] == []
