"""Footnotes and titles compared as units, on a real text (A/RES/ES-11/1) edited as drafts are: a footnote
reworded, one inserted before the others (which renumbers them), a mark removed from a
paragraph. Before footnotes were compared, each of these read 'No changes'."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace

import pytest

from resdiff.compare import compare
from resdiff.inline import rebuild
from resdiff.model import ChangeKind, Footnote, MarkChange
from resdiff.parse import parse_file

from conftest import CORPUS, ROOT

SOURCE = CORPUS / "en" / "A_RES_ES-11_1.en.txt"


@pytest.fixture(scope="module")
def document():
    return parse_file(str(SOURCE))[0]


def run(*args: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS"}}
    return subprocess.run([sys.executable, "-m", "resdiff", *args], capture_output=True, text=True,
                          env=environment, cwd=ROOT, timeout=120)


def test_a_reworded_footnote_in_a_real_file_is_a_change(tmp_path):
    text = SOURCE.read_text(encoding="utf-8")
    assert text.count("Treaty Series, vol. 75,") == 1
    edited = tmp_path / "A_RES_ES-11_1.edited.txt"
    edited.write_text(text.replace("Treaty Series, vol. 75,", "Treaty Series, vol. 76,"), encoding="utf-8")
    result = run("diff", str(SOURCE), str(edited), "--exit-code", "--only-changes")
    assert result.returncode == 1
    assert "No changes" not in result.stdout
    assert result.stdout.split("\n\n", 1)[1] == (
        "Footnotes: 2 unchanged  1 modified  0 added  0 removed  0 renumbered\n\n"
        "[modified]  ES-11/1 (old) footnote 2 → ES-11/1 (new) footnote 2  (95% alike)\n"
        "United Nations, Treaty Series, vol. [-75-]{+76+}, Nos. 970–973.\n")
    data = json.loads(run("diff", str(SOURCE), str(edited), "--format", "json").stdout)
    assert [(f["kind"], f["old"], f["new"]) for f in data["footnotes"]] == [
        ("unchanged", "1", "1"), ("modified", "2", "2"), ("unchanged", "3", "3")]
    assert data["footnotes"][1]["inline"] == [
        {"op": "equal", "text": "United Nations, Treaty Series, vol. "}, {"op": "delete", "text": "75"},
        {"op": "insert", "text": "76"}, {"op": "equal", "text": ", Nos. 970–973."}]


def test_footnotes_are_matched_by_content_not_number(document):
    # A footnote inserted first renumbers the others: they are renumbered, not rewritten.
    new_note = Footnote("1", "See A/ES-11/L.1.")
    shifted = tuple(Footnote(str(int(f.mark) + 1), f.text) for f in document.footnotes)
    paragraphs = tuple(replace(p, footnotes=tuple(str(int(m) + 1) for m in p.footnotes)) for p in document.paragraphs)
    new = replace(document, footnotes=(new_note, *shifted), paragraphs=paragraphs)
    comparison = compare(document, new)
    assert [(f.kind.value, f.old, f.new, f.renumbered) for f in comparison.footnotes] == [
        ("added", None, "1", False), ("unchanged", "1", "2", True), ("unchanged", "2", "3", True),
        ("unchanged", "3", "4", True)]
    assert comparison.marks == ()  # every paragraph still cites the same footnotes
    assert comparison.differs


def test_a_mark_removed_from_a_paragraph_is_shown(document):
    paragraphs = tuple(replace(p, footnotes=("2",)) if p.id == "OP11" else p for p in document.paragraphs)
    comparison = compare(document, replace(document, paragraphs=paragraphs))
    assert all(c.kind is ChangeKind.UNCHANGED for c in comparison.changes)
    assert comparison.marks == (MarkChange(("OP11",), ("OP11",), ("2", "3"), ("2",)),)
    assert comparison.differs
    assert "[footnote references]  ES-11/1 (old) OP11 → ES-11/1 (new) OP11: 2, 3 → 2" in __import__(
        "resdiff.render.terminal", fromlist=["render"]).render(comparison)


def test_every_footnote_of_both_versions_is_in_exactly_one_change_and_rebuilds(document):
    notes = list(document.footnotes)
    new = replace(document, footnotes=(Footnote("1", notes[0].text + " See also A/ES-11/L.1."),
                                       Footnote("2", "An entirely new note on the Charter.")))
    comparison = compare(document, new)
    olds = [f.old for f in comparison.footnotes if f.old is not None]
    news = [f.new for f in comparison.footnotes if f.new is not None]
    assert sorted(olds) == [f.mark for f in document.footnotes]
    assert sorted(news) == [f.mark for f in new.footnotes]
    old_text = {f.mark: f.text for f in document.footnotes}
    new_text = {f.mark: f.text for f in new.footnotes}
    for change in comparison.footnotes:
        before, after = rebuild(change.inline)
        assert before == old_text.get(change.old, "") and after == new_text.get(change.new, "")


def test_the_same_text_compares_with_no_footnote_change(document):
    comparison = compare(document, document)
    assert not comparison.differs
    assert all(f.kind is ChangeKind.UNCHANGED and not f.renumbered for f in comparison.footnotes)


def test_a_changed_title_is_a_change(document):
    retitled = replace(document, title=document.title.replace("against", "upon"))
    comparison = compare(document, retitled)
    assert comparison.title_changed and comparison.differs
    assert all(c.kind is ChangeKind.UNCHANGED for c in comparison.changes)
    assert rebuild(comparison.title) == (document.title, retitled.title)
    from resdiff.render import json as json_render
    from resdiff.render import terminal

    assert "\nAggression [-against -]{+upon +}Ukraine\n" in terminal.render(comparison)
    assert json.loads(json_render.render(comparison))["title"]["changed"] is True
    assert not compare(document, document).title_changed


def test_marks_without_footnote_bodies_compare_as_printed():
    # An excerpt (A/RES/61/211, operative paragraphs 1–19) carries marks 6, 2, 7, 8, 1 but not
    # the footnote area: the same text twice is no change, a mark taken away is one.
    excerpt = parse_file(str(CORPUS / "zh" / "A_RES_61_211.ops1-19.zh.txt"))[0]
    assert excerpt.footnotes == () and excerpt.paragraph("OP2").footnotes == ("2", "7")
    same = compare(excerpt, excerpt)
    assert same.marks == () and not same.differs
    op2 = excerpt.paragraph("OP2")
    edited = replace(excerpt, paragraphs=tuple(replace(p, footnotes=("2",)) if p is op2 else p
                                               for p in excerpt.paragraphs))
    assert compare(excerpt, edited).marks == (MarkChange(("OP2",), ("OP2",), ("2", "7"), ("2",)),)


def test_a_footnote_reworded_past_the_share_at_the_same_place_is_modified_both_ways():
    # A web address shortened: too little text stays for the footnotes to pair by content, but the
    # same paragraph cites both at the same place, so it is one footnote reworded, and the
    # paragraph's reference to it did not change (before: removed + added, and 'PP8: 9 → 9').
    report = ROOT / "samples" / "A_C.2_65_433_second_committee_report_ict_zh.txt"
    old = parse_file(str(report))[1]
    text = {f.mark: f.text for f in old.footnotes}
    assert text["9"] == "可查阅 www.broadbandcommission.org。"
    new = replace(old, footnotes=tuple(replace(f, text="可查阅 www.broadband.org。") if f.mark == "9" else f
                                       for f in old.footnotes))
    for a, b in ((old, new), (new, old)):
        comparison = compare(a, b)
        changed = [(f.kind.value, f.old, f.new) for f in comparison.footnotes if f.kind is not ChangeKind.UNCHANGED]
        assert changed == [("modified", "9", "9")]
        assert comparison.marks == ()
        assert [rebuild(f.inline) for f in comparison.footnotes if f.old == "9"] == [
            ({f.mark: f.text for f in a.footnotes}["9"], {f.mark: f.text for f in b.footnotes}["9"])]


def test_footnotes_at_different_places_are_not_paired_by_place(document):
    # The old footnote 1 is cited by one paragraph; a new, unrelated footnote is cited by another:
    # nothing places them together, so one is removed and the other added.
    first = document.footnotes[0]
    citing = [p.id for p in document.paragraphs if first.mark in p.footnotes]
    other = next(p.id for p in document.paragraphs if not p.footnotes and p.id not in citing)
    paragraphs = tuple(replace(p, footnotes=tuple(m for m in p.footnotes if m != first.mark)) if p.id in citing
                       else replace(p, footnotes=("9",)) if p.id == other else p for p in document.paragraphs)
    new = replace(document, paragraphs=paragraphs,
                  footnotes=(*document.footnotes[1:], Footnote("9", "An entirely new note on the Charter.")))
    kinds = sorted((f.kind.value, f.old, f.new) for f in compare(document, new).footnotes
                   if f.kind is not ChangeKind.UNCHANGED)
    assert kinds == [("added", None, "9"), ("removed", first.mark, None)]


def test_only_a_changed_title_never_reads_no_changes(document):
    # With only changed paragraphs shown, a comparison whose title alone changed said "Changed: the
    # title" and then "No changes: the two versions read the same."
    from resdiff.render import RenderOptions, markdown, terminal

    retitled = replace(document, title=document.title.replace("against", "upon"))
    options = RenderOptions(only_changes=True)
    for text in (terminal.render(compare(document, retitled), options),
                 markdown.render(compare(document, retitled), options)):
        assert "No changes" not in text
        assert text.rstrip().endswith("The paragraphs and footnotes read the same.")
    for render in (terminal.render, markdown.render):
        assert render(compare(document, document), options).rstrip().endswith("No changes: the two versions read the same.")
