"""Property tests: the parser and the comparer never fail with anything but a ResdiffError.

Random Unicode, random paragraph structures, truncated and concatenated documents, mixed
scripts. Example counts stay modest (the settings profile in conftest.py) so that the suite stays fast.
"""

from __future__ import annotations

from hypothesis import given, strategies as st

from resdiff.compare import compare
from resdiff.errors import ResdiffError
from resdiff.inline import rebuild
from resdiff.model import ChangeKind
from resdiff.parse import parse_text

HEAD = "Draft resolution A/C.2/65/L.{n}\n\n信息和通信技术促进发展\n\n大会，\n\n"
WORDS = ["回顾", "大会", "信息和通信技术", "发展", "2010 年", "第 64/187 号决议", "，", "；", "、",
         "Recalling", "the", "General Assembly", "resolution", "Member States", ",", ";", "(a)",
         "1.", "2.", "\u3000", " ", "“", "”", "¹", "\t", "—", "Ё", "ة", "😀"]

sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map("".join)
paragraph = st.one_of(sentence, st.builds(lambda n, s: f"{n}. {s}", st.integers(0, 200), sentence))
structure = st.lists(paragraph, min_size=1, max_size=12).map("\n\n".join)
noise = st.text(min_size=0, max_size=400)


def _parse(text: str):
    try:
        return parse_text(text, "generated.txt")
    except ResdiffError:
        return None


@given(noise)
def test_random_unicode_parses_or_is_refused(text):
    _parse(text)


@given(st.integers(1, 99), structure, structure, st.integers(0, 2000))
def test_drafts_parse_and_compare_whatever_their_structure(n, first, second, cut):
    text = HEAD.format(n=n) + first + "\n\n" + HEAD.format(n=n + 1) + second
    for candidate in (text, text[:cut], text + "\n" + text, first + second):
        documents = _parse(candidate)
        if not documents:
            continue
        old, new = documents[0], documents[-1]
        comparison = compare(old, new)
        for change in comparison.changes:
            olds = "\n".join(old.paragraph(p).body for p in change.old)
            news = "\n".join(new.paragraph(p).body for p in change.new)
            assert rebuild(change.inline) == (olds, news)
        assert {c.kind for c in compare(new, new).changes} <= {ChangeKind.UNCHANGED}


@given(structure, noise)
def test_mixed_scripts_and_stray_characters_in_a_draft(body, stray):
    text = HEAD.format(n=1) + body + stray + "\n\n" + HEAD.format(n=2) + stray + body
    documents = _parse(text)
    if documents:
        compare(documents[0], documents[-1])
