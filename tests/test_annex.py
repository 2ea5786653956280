"""Annexes and headings parsed, compared and counted; links between kinds need more evidence;
every part of both texts accounted for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resdiff.align import align
from resdiff.compare import compare
from resdiff.inline import rebuild
from resdiff.model import ChangeKind, Document, Paragraph, ParagraphKind
from resdiff.parse import parse_file, parse_text
from resdiff.render import parts_line

from conftest import ROOT

K = ChangeKind


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "resdiff", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def _case(name: str):
    os.chdir(ROOT)
    return (parse_file(f"tests/cases/{name}/old.txt")[-1], parse_file(f"tests/cases/{name}/new.txt")[-1])


def test_the_doha_declaration_is_read_as_the_annex_of_a_res_80_5():
    old, _ = _case("en_annex")
    assert old.counts() == (0, 1)
    # (148: "… 2015– 2030;15" then "Ensuring that education …" are mark 15 and the third sub-item of
    # Annex 37, read since a year glued to a mark is four digits; 147 had run that sub-item into ¶71)
    assert old.annex_counts() == (148, 4)
    annex = [p for p in old.paragraphs if p.kind is ParagraphKind.ANNEX and p.number is not None]
    assert [p.number for p in annex] == list(range(1, 45))
    assert [p.id for p in annex][:3] == ["Annex 1", "Annex 2", "Annex 3"]
    # the annex's own title repeats the resolution's: it is the annex's heading, not a running head
    assert [p.text for p in old.paragraphs if p.kind is ParagraphKind.HEADING] == [
        "Annex", "Doha Political Declaration of the “World Social Summit” under the title “the Second World "
        "Summit for Social Development”", "A call to action", "Follow-up"]
    # the web copy lost the labels (a)–(l) of four lists, read into the paragraphs: said
    assert old.warnings == tuple(
        f"A/RES/80/5: Annex ¶{n}'s sub-paragraphs start at ({first}): (a)–({last}) may be missing or misread"
        for n, first, last in ((20, "m", "l"), (30, "m", "l"), (32, "p", "o"), (41, "m", "l")))


def test_headings_run_into_a_paragraph_are_set_apart_in_a_res_80_3():
    document = parse_text((ROOT / "tests/fixtures/annex/A_RES_80_3.md").read_text(encoding="utf-8"))[-1]
    headings = [p.text for p in document.paragraphs if p.kind is ParagraphKind.HEADING]
    assert headings[:3] == ["Annex", "I. Global context and shared commitments",
                            "II. Implementation of the Awaza Programme of Action for Landlocked Developing "
                            "Countries for the Decade 2024–2034"]
    assert document.paragraph("Annex 3").text.startswith("We gather at a critical juncture")
    assert [item.label for item in document.paragraph("Annex 13").items] == ["a", "b", "c", "d", "e"]


def test_an_annex_paragraph_and_a_heading_changed_are_changes():
    old, new = _case("en_annex")
    comparison = compare(old, new)
    changed = [(c.kind, c.old, c.new) for c in comparison.changes if c.kind is not K.UNCHANGED]
    assert changed == [(K.MODIFIED, ("Annex 12",), ("Annex 12",)), (K.MODIFIED, ("Annex H3",), ("Annex H3",)),
                       (K.ADDED, (), ("Annex 45",))]
    assert parts_line(comparison) == "Changed: 2 annex paragraphs, 1 heading"
    result = run("diff", "tests/cases/en_annex/old.txt", "tests/cases/en_annex/new.txt", "--exit-code", "--stat")
    assert result.returncode == 1


def test_several_annexes_are_named_by_their_labels():
    text = ("The General Assembly,\n\n1. Adopts the texts annexed to the present resolution.\n\n"
            "Annex I\n\nFirst text\n\n1. We agree on the first point.\n\n2. We agree on the second point.\n\n"
            "Annex II\n\nSecond text\n\n1. We agree on another point.\n")
    document = parse_text(text)[0]
    assert [(p.id, p.kind.value) for p in document.paragraphs] == [
        ("OP1", "operative"), ("Annex I H1", "heading"), ("Annex I H2", "heading"), ("Annex I 1", "annex"),
        ("Annex I 2", "annex"), ("Annex II H1", "heading"), ("Annex II H2", "heading"), ("Annex II 1", "annex")]


def test_a_chinese_annex_is_read_the_same_way():
    # made by hand in the layout of the Chinese resolutions (附件 line, numbered paragraphs)
    text = ("大会，\n\n1．通过本决议所附宣言。\n\n附件\n\n宣言\n\n1．我们重申对社会发展的承诺。\n\n"
            "2．我们决心消除一切形式的贫困。\n")
    document = parse_text(text)[0]
    assert [(p.id, p.text) for p in document.paragraphs] == [
        ("OP1", "通过本决议所附宣言。"), ("Annex H1", "附件"), ("Annex H2", "宣言"),
        ("Annex 1", "我们重申对社会发展的承诺。"), ("Annex 2", "我们决心消除一切形式的贫困。")]


def _doc(*paragraphs: tuple[str, ParagraphKind, str]) -> Document:
    return Document(None, None, "en", tuple(
        Paragraph(pid, kind, int(pid[2:]) if kind is ParagraphKind.OPERATIVE else None, text)
        for pid, kind, text in paragraphs))


def test_a_link_between_kinds_needs_stronger_evidence():
    pp, op = ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE
    old = _doc(("PP1", pp, "Noting with appreciation the report of the Secretary-General on oceans and the law of the sea,"),
               ("OP1", op, "Calls upon States to cooperate on fisheries management in the high seas;"))
    # the preambular paragraph turned operative keeps most of its words: linked
    new = _doc(("OP1", op, "Notes with appreciation the report of the Secretary-General on oceans and the law of the sea;"),
               ("PP1", pp, "Recalling that States should cooperate on fisheries in the high seas,"))
    links = {(old.paragraphs[i].id, new.paragraphs[j].id) for g in align(old, new).groups for i in g.old for j in g.new}
    assert ("PP1", "OP1") in links
    # an operative paragraph and an unrelated preambular one that share some words: not linked
    assert ("OP1", "PP1") not in links


def _all_parts_accounted(old: Document, new: Document) -> None:
    comparison = compare(old, new)
    seen_old = [pid for c in comparison.changes for pid in c.old]
    seen_new = [pid for c in comparison.changes for pid in c.new]
    assert sorted(seen_old) == sorted(p.id for p in old.paragraphs)
    assert sorted(seen_new) == sorted(p.id for p in new.paragraphs)
    for change in comparison.changes:
        before, after = rebuild(change.inline)
        assert before == "\n".join(old.paragraph(pid).body for pid in change.old)
        assert after == "\n".join(new.paragraph(pid).body for pid in change.new)
        if change.old and change.new:
            items_old = sorted(i.old for i in change.items if i.old)
            items_new = sorted(i.new for i in change.items if i.new)
            assert len(items_old) == sum(len(old.paragraph(pid).items) for pid in change.old)
            assert len(items_new) == sum(len(new.paragraph(pid).items) for pid in change.new)
    for footnote in comparison.footnotes:
        before, after = rebuild(footnote.inline)
        if footnote.old is not None:
            assert before == next(f.text for f in old.footnotes if f.mark == footnote.old)
        if footnote.new is not None:
            assert after == next(f.text for f in new.footnotes if f.mark == footnote.new)
    assert len([f for f in comparison.footnotes if f.old is not None]) == len({f.mark for f in old.footnotes})
    assert len([f for f in comparison.footnotes if f.new is not None]) == len({f.mark for f in new.footnotes})
    if old.title or new.title:
        assert rebuild(comparison.title) == (old.title or "", new.title or "")
    # The header: each part either version prints is in one entry and rebuilds exactly.
    for part, attribute in (("agenda item", "agenda_item"), ("sponsors", "sponsors"), ("chapeau", "chapeau")):
        before, after = getattr(old, attribute), getattr(new, attribute)
        entries = [h for h in comparison.header if h.part == part]
        assert len(entries) == (0 if before is None and after is None else 1), part
        if entries:
            assert rebuild(entries[0].inline) == (before or "", after or "")


@pytest.mark.parametrize("case", sorted(p.name for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir()))
def test_every_part_of_both_texts_is_accounted_for_in_the_cases(case):
    _all_parts_accounted(*_case(case))


def test_every_part_is_accounted_for_between_corpus_texts_with_annexes():
    texts = [parse_file(str(ROOT / "tests/fixtures/annex" / name))[-1] for name in ("A_RES_80_3.md",)]
    texts += [_case("en_annex")[0]]
    # and texts whose headers differ: a draft with agenda item and sponsors, an adopted text,
    # a draft quoted in a committee report
    texts += [parse_file(str(ROOT / "tests/fixtures/corpus/en/UN_01-66657_draft_right_to_development_56th_C3.en.txt"))[0],
              parse_file(str(ROOT / "tests/fixtures/annex/report_quoting_annexes_made_by_hand.zh.txt"))[-1]]
    for a in texts:
        for b in texts:
            _all_parts_accounted(a, b)


def test_the_annex_of_a_draft_quoted_in_a_report_is_read_and_compared():
    # Made by hand in the layout of a report: each quoted line opens with "“". Before, the
    # annex's label and title ran into OP2 and its paragraphs read as operative ones.
    path = ROOT / "tests/fixtures/annex/report_quoting_annexes_made_by_hand.zh.txt"
    first, last = parse_file(str(path))
    assert [(p.id, p.kind.value, p.text) for p in first.paragraphs] == [
        ("PP1", "preambular", "回顾其以往各项决议，"),
        ("OP1", "operative", "通过本决议附件所载的宣言；"),
        ("OP2", "operative", "决定继续审议该问题。"),
        ("Annex H1", "heading", "附件"),
        ("Annex H2", "heading", "宣言"),
        ("Annex 1", "annex", "我们重申承诺；"),
        ("Annex 2", "annex", "我们决心采取行动。"),
    ]
    assert first.warnings == ()
    changes = [c for c in compare(first, last).changes if c.kind is not ChangeKind.UNCHANGED]
    assert [(c.old, c.new, c.kind.value) for c in changes] == [(("Annex 2",), ("Annex 2",), "modified")]
    result = run("diff", str(path), "--exit-code")
    assert result.returncode == 1 and "Changed: 1 annex paragraph" in result.stdout
