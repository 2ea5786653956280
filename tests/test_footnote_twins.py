"""Two footnotes that read the same (A/C.3/78/L.41's 7 and 12, both "See resolution 2200 A (XXI),
annex.") are told apart by where their marks stand: deleting footnote 7 (cited in OP10) is
"[removed] footnote 7", and old 12, still cited in OP30, became 11."""

from __future__ import annotations

from conftest import CORPUS
from helpers import run_command

L41 = CORPUS / "en/A_C.3_78_L.41.en.txt"
# footnote 7 and its mark in OP10 deleted, the marks and footnotes after it renumbered
EDITS = [("Political Rights;7 expresses", "Political Rights; expresses"), ("7 See resolution 2200 A (XXI), annex.\n", ""),
         ("Child,8", "Child,7"), ("Rules),9", "Rules),8"),
         ("8 United Nations, Treaty Series, vol. 1577", "7 United Nations, Treaty Series, vol. 1577"),
         ("9 Resolution 70/175", "8 Resolution 70/175"),
         ("10 United Nations, Treaty Series, vol. 596", "9 United Nations, Treaty Series, vol. 596"),
         ("Relations10 in", "Relations9 in"), ("Discrimination11", "Discrimination10"), ("Rights12 and", "Rights11 and"),
         ("Principles),13", "Principles),12"), ("11 Ibid., vol. 660", "10 Ibid., vol. 660"),
         ("12 See resolution 2200", "11 See resolution 2200"),
         ("13 General Assembly resolution 48/134", "12 General Assembly resolution 48/134")]


def _edited() -> str:
    text = L41.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def test_deleting_one_of_two_identical_footnotes_names_the_one_deleted(tmp_path):
    new = tmp_path / "fn7.txt"
    new.write_text(_edited(), encoding="utf-8")
    result = run_command("diff", str(L41), str(new), "--only-changes", "--exit-code")
    assert result.returncode == 1, result.stderr
    assert result.stdout.split("\n")[2:9] == [
        "Changed: 7 footnotes, 1 paragraph's footnote references",
        "Left out as page furniture: 15 lines of L.41 (old), 15 lines of L.41 (new) (--show-furniture lists them)",
        "",
        "Footnotes: 12 unchanged  0 modified  0 added  1 removed  6 renumbered",
        "",
        "[removed]  L.41 (old) footnote 7",
        "[-See resolution 2200 A (XXI), annex.-]",
    ]
    assert "[unchanged] [renumbered]  L.41 (old) footnote 12 → L.41 (new) footnote 11" in result.stdout
    # OP30 cites the same footnote as before: only OP10 lost a mark
    assert result.stdout.rstrip("\n").endswith("[footnote references]  L.41 (old) OP10 → L.41 (new) OP10: 7 → none")
    assert result.stdout.count("[footnote references]") == 1


def test_the_other_way_round_the_footnote_is_added_where_it_is_cited(tmp_path):
    new = tmp_path / "fn7.txt"
    new.write_text(_edited(), encoding="utf-8")
    result = run_command("diff", str(new), str(L41), "--only-changes")
    assert "[added]  L.41 (new) footnote 7" in result.stdout
    assert "[unchanged] [renumbered]  L.41 (old) footnote 11 → L.41 (new) footnote 12" in result.stdout
    assert result.stdout.count("[footnote references]") == 1
