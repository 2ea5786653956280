"""Sub-paragraphs compared as units inside a matched paragraph (resdiff.items)."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.compare import compare
from resdiff.inline import rebuild
from resdiff.items import compose
from resdiff.model import ChangeKind, Item, ItemChange, Paragraph, ParagraphKind
from resdiff.parse import parse_file
from resdiff.render import item_notes

from conftest import ROOT

K = ChangeKind


def _case():
    os.chdir(ROOT)
    old = parse_file("tests/cases/en_subparagraphs/old.txt")[-1]
    new = parse_file("tests/cases/en_subparagraphs/new.txt")[-1]
    return old, new


def test_an_inserted_subparagraph_is_added_and_the_rest_relettered_on_a_real_draft():
    old, new = _case()
    change = next(c for c in compare(old, new).changes if c.old == ("OP5",))
    assert [(i.kind, i.old, i.new, i.relettered, i.moved, i.elsewhere) for i in change.items] == [
        (K.ADDED, None, "OP5(a)", False, False, None),
        (K.UNCHANGED, "OP5(a)", "OP5(b)", True, False, None),
        (K.UNCHANGED, "OP5(b)", "OP5(c)", True, False, None),
        (K.MODIFIED, "OP5(c)", "OP5(d)", True, False, None),
        (K.UNCHANGED, "OP5(d)", "OP5(e)", True, False, None),
        (K.REMOVED, "OP5(e)", None, False, True, "OP21(e)"),
        (K.UNCHANGED, "OP5(f)", "OP5(f)", False, False, None),
    ]
    # not a word diff smeared across the list: each line's changes stay on its line
    changed = [s.text for s in change.inline if s.op.value != "equal"]
    assert changed == ["(a) The experience of the least developed countries with poverty reduction strategies;\n",
                       "a", "b", "b", "c", "c", "d", "and subregional ", "d", "e",
                       "(e) The need to address and remedy the national and international dimensions of corruption;\n"]


def test_a_subparagraph_moved_to_another_paragraph_is_found_at_both_ends():
    old, new = _case()
    changes = {c.old: c for c in compare(old, new).changes}
    assert item_notes(changes[("OP21",)]) == ["OP21(e) moved from OP5(e)"]
    assert item_notes(changes[("OP5",)])[-1] == "OP5(e) moved to OP21(e)"


def test_the_mirror_reads_the_same_sub_paragraphs_the_other_way():
    old, new = _case()
    forward = {c.old: c for c in compare(old, new).changes}[("OP5",)]
    backward = {c.new: c for c in compare(new, old).changes}[("OP5",)]
    swap = {K.ADDED: K.REMOVED, K.REMOVED: K.ADDED}
    assert [(swap.get(i.kind, i.kind), i.new, i.old, i.relettered, i.moved, i.elsewhere)
            for i in forward.items] == [
        (i.kind, i.old, i.new, i.relettered, i.moved, i.elsewhere) for i in backward.items]


def test_unchanged_lists_carry_unchanged_items_and_no_notes():
    old, _ = _case()
    for change in compare(old, old).changes:
        assert all(i.kind is K.UNCHANGED and not i.relettered for i in change.items)
        assert item_notes(change) == []


_line = st.text(alphabet="abc de,;", min_size=0, max_size=12)
_items = st.lists(st.tuples(st.sampled_from("abcdefgh"), _line), max_size=5)


def _paragraph(pid: str, text: str, items) -> Paragraph:
    return Paragraph(pid, ParagraphKind.OPERATIVE, 1, text,
                     tuple(Item(label, body) for label, body in items))


@settings(max_examples=150, deadline=None)
@given(_line, _items, _line, _items)
def test_composed_spans_rebuild_both_bodies_exactly(old_text, old_items, new_text, new_items):
    old = [_paragraph("OP1", old_text, old_items)]
    new = [_paragraph("OP1", new_text, new_items)]
    spans, items = compose(old, new)
    assert rebuild(spans) == (old[0].body, new[0].body)
    # every sub-paragraph of either side is in exactly one item change
    assert len([i for i in items if i.old]) == len(old_items)
    assert len([i for i in items if i.new]) == len(new_items)


def test_merged_paragraphs_with_lists_rebuild_both_sides():
    a = _paragraph("OP1", "Decides:", [("a", "to act;"), ("b", "to report;")])
    b = _paragraph("OP2", "Requests:", [("a", "a study;")])
    c = _paragraph("OP1", "Decides:", [("a", "to act;"), ("b", "to report;"), ("c", "a study;")])
    spans, items = compose([a, b], [c])
    assert rebuild(spans) == (a.body + "\n" + b.body, c.body)
    assert ItemChange(K.UNCHANGED, "OP2(a)", "OP1(c)", relettered=True, similarity=1.0) in items


def test_a_list_run_into_the_text_is_said_so(sample_comparison):
    # L.22 OP19 sets out (a), (b), (c); L.56 OP19 runs them into its text. Their words are in the
    # paragraph's diff, so the note says where they went rather than "removed".
    from resdiff.render import item_notes

    change = next(c for c in sample_comparison.changes if c.old == ("OP19",))
    assert item_notes(change) == [
        "OP19(a), OP19(b), OP19(c) run into the paragraph's text"]
    backwards = next(c for c in compare(sample_comparison.new, sample_comparison.old).changes if c.new == ("OP19",))
    assert item_notes(backwards) == [
        "OP19(a), OP19(b), OP19(c) set out from the paragraph's text"]
