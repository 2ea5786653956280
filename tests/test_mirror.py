"""Comparing B with A is exactly the mirror of A with B: links, kinds, similarity and spans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resdiff.compare import compare
from resdiff.inline import diff_texts, mirror, rebuild
from resdiff.model import ChangeKind
from resdiff.parse import parse_file

from conftest import SAMPLE

MIRROR_KIND = {ChangeKind.MERGED: ChangeKind.SPLIT, ChangeKind.SPLIT: ChangeKind.MERGED,
               ChangeKind.ADDED: ChangeKind.REMOVED, ChangeKind.REMOVED: ChangeKind.ADDED}

WORDS = st.sampled_from(["Recalls ", "its ", "resolution ", "65/141", "，", "大会", "回顾", "信息", "的", " ", "2010年",
                         "Decides", ";", "(a)", "发展中国家", "States "])


@given(st.lists(WORDS, max_size=30).map("".join), st.lists(WORDS, max_size=30).map("".join))
def test_the_inline_diff_the_other_way_round_is_its_mirror(a, b):
    forward = diff_texts(a, b)
    assert rebuild(forward) == (a, b)
    assert diff_texts(b, a) == mirror(forward)
    assert mirror(mirror(forward)) == forward


def test_the_sample_compared_backwards_is_the_exact_mirror_including_similarity_and_spans():
    documents = parse_file(str(SAMPLE))
    old, new = documents[0], documents[-1]
    forward = {(c.old, c.new): c for c in compare(old, new).changes}
    backward = {(c.new, c.old): c for c in compare(new, old).changes}
    assert forward.keys() == backward.keys()
    for key, change in forward.items():
        other = backward[key]
        assert other.kind is MIRROR_KIND.get(change.kind, change.kind)
        assert (other.moved, other.renumbered) == (change.moved, change.renumbered)
        assert other.similarity == change.similarity, key
        assert other.inline == mirror(change.inline), key
