"""Alignment quality and invariants on generated pairs of drafts with known changes.

The generator (tests/generator.py) rewords, inserts, deletes, moves, merges and splits real
paragraphs, so it knows which old paragraph became which new one. Sizes 20 to 500 run here;
1,000 and 2,000 paragraphs are measured by ``make bench``.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from generator import GeneratedPair, generate, links_of, scores
from resdiff.compare import compare
from resdiff.inline import rebuild
from resdiff.model import ChangeKind

MIRROR = {
    ChangeKind.MERGED: ChangeKind.SPLIT,
    ChangeKind.SPLIT: ChangeKind.MERGED,
    ChangeKind.ADDED: ChangeKind.REMOVED,
    ChangeKind.REMOVED: ChangeKind.ADDED,
    ChangeKind.UNCHANGED: ChangeKind.UNCHANGED,
    ChangeKind.MODIFIED: ChangeKind.MODIFIED,
}

CASES = [(size, language, seed) for language in ("en", "zh")
         for size, seeds in ((20, 4), (100, 3), (500, 1)) for seed in range(seeds)]


@pytest.fixture(scope="module", params=CASES, ids=lambda c: f"{c[1]}-{c[0]}-seed{c[2]}")
def case(request):
    size, language, seed = request.param
    pair = generate(size, language, seed)
    return pair, compare(pair.old, pair.new)


def test_alignment_f1_is_at_least_099(case):
    pair, comparison = case
    precision, recall, f1 = scores(links_of(comparison), pair.links)
    assert f1 >= 0.99, f"precision {precision:.4f}, recall {recall:.4f}"


def test_every_paragraph_is_in_exactly_one_change(case):
    pair, comparison = case
    olds = Counter(pid for change in comparison.changes for pid in change.old)
    news = Counter(pid for change in comparison.changes for pid in change.new)
    assert olds == Counter(p.id for p in pair.old.paragraphs)
    assert news == Counter(p.id for p in pair.new.paragraphs)


def test_inline_spans_rebuild_both_texts(case):
    pair, comparison = case
    for change in comparison.changes:
        old_text = "\n".join(pair.old.paragraph(pid).body for pid in change.old)
        new_text = "\n".join(pair.new.paragraph(pid).body for pid in change.new)
        assert rebuild(change.inline) == (old_text, new_text), change


def test_a_draft_compared_with_itself_is_unchanged(case):
    pair, _ = case
    comparison = compare(pair.new, pair.new)
    assert {c.kind for c in comparison.changes} == {ChangeKind.UNCHANGED}
    assert all(c.old == c.new and not c.moved and not c.renumbered for c in comparison.changes)
    assert len(comparison.changes) == len(pair.new.paragraphs)


def test_comparing_the_other_way_round_mirrors_the_result(case):
    pair, comparison = case
    backwards = compare(pair.new, pair.old)
    forward = {(c.old, c.new): c.kind for c in comparison.changes}
    mirrored = {(c.new, c.old): MIRROR[c.kind] for c in backwards.changes}
    assert forward == mirrored
    assert links_of(backwards) == frozenset((o, n) for n, o in links_of(comparison))


def test_the_generator_is_deterministic_and_its_truth_covers_every_paragraph():
    for language in ("en", "zh"):
        pair = generate(100, language, seed=7)
        again = generate(100, language, seed=7)
        assert pair == again
        assert generate(100, language, seed=8) != pair
        assert _covered(pair)
        kinds = {c.kind for c in pair.changes}
        assert {"unchanged", "modified", "added", "removed", "merged", "split"} <= kinds


def test_generated_drafts_are_numbered_like_resolutions():
    pair = generate(100, "zh", seed=3)
    for document in (pair.old, pair.new):
        kinds = [p.kind.value for p in document.paragraphs]
        assert kinds == sorted(kinds, key=lambda k: k != "preambular")
        operative = [p for p in document.paragraphs if p.kind.value == "operative"]
        assert [p.number for p in operative] == list(range(1, len(operative) + 1))
        assert [p.id for p in operative] == [f"OP{n}" for n in range(1, len(operative) + 1)]
        assert len({p.body for p in document.paragraphs}) == len(document.paragraphs)
    # Width and spacing noise is part of the pairs: some paragraphs differ only by it.
    unchanged = [c for c in pair.changes if c.kind == "unchanged"]
    assert any(pair.old.paragraph(c.old[0]).body != pair.new.paragraph(c.new[0]).body for c in unchanged)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_hard_cases_are_generated_and_found(language):
    # Splits whose second piece repeats the opening words, and paragraphs cut to a third of
    # their length that keep their opening: each is in the truth and each is found.
    pair = generate(500, language, seed=0)
    comparison = compare(pair.old, pair.new)
    found = {(c.old, c.new): c.kind.value for c in comparison.changes}
    again = "又" if language == "zh" else "Also "
    repeating = [c for c in pair.changes if c.kind == "split" and pair.new.paragraph(c.new[1]).body.startswith(again)]
    cut = [c for c in pair.changes if c.kind == "modified"
           and len(pair.new.paragraph(c.new[0]).body) * 2 <= len(pair.old.paragraph(c.old[0]).body)]
    assert len(repeating) >= 3 and len(cut) >= 3, (len(repeating), len(cut))
    assert [found.get((c.old, c.new)) for c in repeating] == ["split"] * len(repeating)
    assert [found.get((c.old, c.new)) for c in cut] == ["modified"] * len(cut)
    # The other way round, the same pieces are a merge of two paragraphs that both carry the opening.
    backwards = {(c.old, c.new): c.kind.value for c in compare(pair.new, pair.old).changes}
    assert [backwards.get((c.new, c.old)) for c in repeating] == ["merged"] * len(repeating)


def test_scores_count_found_and_missed_links():
    truth = frozenset({("PP1", "PP1"), ("OP1", "OP1"), ("OP2", "OP1")})
    assert scores(truth, truth) == (1.0, 1.0, 1.0)
    precision, recall, f1 = scores(frozenset({("PP1", "PP1"), ("OP1", "OP2")}), truth)
    assert (precision, round(recall, 4), round(f1, 4)) == (0.5, 0.3333, 0.4)


def _covered(pair: GeneratedPair) -> bool:
    olds = Counter(pid for c in pair.changes for pid in c.old)
    news = Counter(pid for c in pair.changes for pid in c.new)
    return (olds == Counter(p.id for p in pair.old.paragraphs)
            and news == Counter(p.id for p in pair.new.paragraphs))


@pytest.mark.parametrize("language", ["en", "zh"])
def test_generated_drafts_written_as_text_read_back_as_the_same_paragraphs(language):
    # The bench compares the generated drafts as text files through the command: each must read
    # back as the paragraphs the generator made (none joined to its neighbour, none lost), or
    # the bench would time other texts than the ones it names.
    from generator import as_text
    from resdiff.parse import parse_text
    from resdiff.text import normalize

    pair = generate(500, language, seed=0)
    for document in (pair.old, pair.new):
        (read,) = parse_text(as_text(document))
        assert [(p.id, p.kind) for p in read.paragraphs] == [(p.id, p.kind) for p in document.paragraphs]
        # Digits aside: a footnote mark a real source carries flattened into its text ("2034¹",
        # "20341" once flattened) is read back as a mark, as it should be.
        def text(body: str) -> str:
            return re.sub(r"[\d\s]", "", normalize(body))

        assert [text(p.body) for p in read.paragraphs] == [text(p.body) for p in document.paragraphs]
