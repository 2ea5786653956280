"""The sample report's L.22 → L.56 comparison, checked against a hand-made reference."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from resdiff.compare import compare
from resdiff.inline import rebuild
from resdiff.model import ChangeKind
from resdiff.render.json import comparison_dict, render

from conftest import FIXTURES

REFERENCE = json.loads((FIXTURES / "reference" / "sample_alignment.json").read_text(encoding="utf-8"))


def _as_rows(comparison):
    return [[list(c.old), list(c.new), c.kind.value, c.moved, c.renumbered] for c in comparison.changes]


def test_reproduces_the_reference_alignment_exactly(sample_comparison):
    assert sample_comparison.old.symbol == REFERENCE["old"]
    assert sample_comparison.new.symbol == REFERENCE["new"]
    assert _as_rows(sample_comparison) == REFERENCE["links"]


def test_the_cases_named_by_delegates(sample_comparison):
    by_new = {c.new: c for c in sample_comparison.changes if c.new}
    assert by_new[("PP10",)].old == ("PP19",) and by_new[("PP10",)].moved
    assert by_new[("OP17",)].old == ("OP15",) and by_new[("OP17",)].renumbered
    assert not by_new[("OP17",)].moved
    assert by_new[("OP21",)].kind is ChangeKind.MERGED and by_new[("OP21",)].old == ("OP20", "OP21")
    assert by_new[("OP3",)].kind is ChangeKind.ADDED and by_new[("OP4",)].kind is ChangeKind.ADDED
    # Heavily reworded (under half its characters kept) and still matched.
    assert by_new[("PP13",)].old == ("PP10",) and by_new[("PP13",)].kind is ChangeKind.MODIFIED


def test_summary_counts(sample_comparison):
    assert sample_comparison.summary() == {
        "unchanged": 8, "modified": 36, "added": 3, "removed": 3, "merged": 2, "split": 0,
        "moved": 5, "renumbered": 17,
    }


def test_every_paragraph_in_exactly_one_change(sample_comparison):
    old_ids = [pid for c in sample_comparison.changes for pid in c.old]
    new_ids = [pid for c in sample_comparison.changes for pid in c.new]
    assert sorted(old_ids) == sorted(p.id for p in sample_comparison.old.paragraphs)
    assert sorted(new_ids) == sorted(p.id for p in sample_comparison.new.paragraphs)
    assert len(set(old_ids)) == len(old_ids) and len(set(new_ids)) == len(new_ids)


def test_inline_spans_rebuild_both_texts(sample_comparison):
    old, new = sample_comparison.old, sample_comparison.new
    for change in sample_comparison.changes:
        old_text = "\n".join(old.paragraph(pid).body for pid in change.old)
        new_text = "\n".join(new.paragraph(pid).body for pid in change.new)
        rebuilt_old, rebuilt_new = rebuild(change.inline)
        assert rebuilt_new == new_text, change
        if change.kind is not ChangeKind.UNCHANGED:
            assert rebuilt_old == old_text, change


def test_changes_follow_the_new_reading_order(sample_comparison):
    order = [p.id for p in sample_comparison.new.paragraphs]
    seen = [c.new[0] for c in sample_comparison.changes if c.new]
    assert seen == [pid for pid in order if pid in set(seen)]
    # A removed paragraph stands right after the paragraph it followed in the old version.
    rows = _as_rows(sample_comparison)
    index = rows.index([["OP17"], [], "removed", False, False])
    assert rows[index - 1][0] == ["OP15"]


def test_comparing_a_version_with_itself_changes_nothing(sample_documents):
    for document in sample_documents:
        comparison = compare(document, document)
        assert all(c.kind is ChangeKind.UNCHANGED and not c.moved and not c.renumbered
                   for c in comparison.changes)
        assert len(comparison.changes) == len(document.paragraphs)
        assert not comparison.differs


def _links(comparison):
    return {(o, n) for c in comparison.changes for o in c.old for n in c.new}


def test_backwards_comparison_mirrors_forwards(sample_documents):
    a, b = sample_documents
    forward, backward = compare(a, b), compare(b, a)
    assert {(n, o) for o, n in _links(forward)} == _links(backward)
    mirror = {"merged": "split", "split": "merged", "added": "removed", "removed": "added"}
    kinds_forward = sorted((sorted(c.old), sorted(c.new), mirror.get(c.kind.value, c.kind.value), c.moved, c.renumbered)
                           for c in forward.changes)
    kinds_backward = sorted((sorted(c.new), sorted(c.old), c.kind.value, c.moved, c.renumbered)
                            for c in backward.changes)
    assert kinds_forward == kinds_backward


def test_deterministic(sample_documents):
    a, b = sample_documents
    assert render(compare(a, b)) == render(compare(a, b))


def test_json_validates_against_the_shipped_schema_and_round_trips(sample_comparison):
    schema = json.loads(resources.files("resdiff").joinpath("schemas/diff.schema.json").read_text())
    text = render(sample_comparison)
    data = json.loads(text)
    jsonschema.validate(data, schema)
    assert data == comparison_dict(sample_comparison)
    assert json.dumps(data, ensure_ascii=False, indent=2) + "\n" == text
    assert data["old"]["paragraphs"] == 51 and data["new"]["paragraphs"] == 49


def test_json_similarity_is_null_only_for_added_and_removed(sample_comparison):
    for change in comparison_dict(sample_comparison)["changes"]:
        if change["kind"] in {"added", "removed"}:
            assert change["similarity"] is None
        else:
            assert 0 < change["similarity"] <= 1


def test_inline_marks_the_actual_words(sample_comparison):
    change = next(c for c in sample_comparison.changes if c.new == ("OP17",))
    spans = [(s.op.value, s.text) for s in change.inline]
    assert ("delete", "范畴") in spans and ("insert", "对话挂钩") in spans
    assert ("delete", "纳入") in spans and ("insert", "与") in spans
    assert ("equal", "更广泛的") in spans
    change = next(c for c in sample_comparison.changes if c.new == ("PP4",))
    assert [t for op, t in ((s.op.value, s.text) for s in change.inline) if op == "insert"][:2] == ["核可", "，"]
