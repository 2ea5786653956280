"""The fast paths of the text module give exactly what the plain loops they stand for give.

tokenize, the aligner's words and normalize run on every paragraph of both versions (hundreds of
thousands of tokens in a long draft), so they run as C loops over cached pieces; these tests hold
them to the straightforward definitions, on real texts in six languages and on made-up strings.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, SAMPLE
from resdiff import text


def plain_tokenize(value: str) -> list[str]:
    tokens: list[str] = []
    for token in text._TOKEN.findall(value):
        if len(token) > 1 and text._CJK_CHAR.match(token):
            tokens.extend(text._cut_han(token))
        else:
            tokens.append(token)
    return tokens


def plain_words(value: str) -> tuple[str, ...]:
    return tuple(t.casefold().translate(text._ARABIC_FOLD) for t in plain_tokenize(text.fold(value))
                 if t[0].isalnum() or text.has_cjk(t[0]))


def plain_normalize(value: str) -> str:
    import unicodedata

    value = value.translate(text._WIDTH)
    value = unicodedata.normalize("NFKC", value)
    value = text._SPACES.sub(" ", value).strip()
    return text._LAYOUT_SPACE.sub("", value)


def plain_fold(value: str) -> str:
    return plain_normalize(value).translate(text._QUOTES).translate(text._DASHES)


def _real_lines() -> list[str]:
    files = [SAMPLE] + sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".txt", ".md"}
                              and p.stat().st_size < 2_000_000)
    lines: list[str] = []
    for path in files:
        lines.extend(line for line in path.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip())
    return lines


def test_tokens_words_and_normal_forms_of_every_real_line_are_those_of_the_plain_loops():
    lines = _real_lines()
    assert len(lines) > 5000
    assert [text.tokenize(line) for line in lines] == [plain_tokenize(line) for line in lines]
    assert [text.words(line) for line in lines] == [list(plain_words(line)) for line in lines]
    assert [text.normalize(line) for line in lines] == [plain_normalize(line) for line in lines]
    assert [text.fold(line) for line in lines] == [plain_fold(line) for line in lines]


def test_the_two_folding_tables_are_one_pass():
    # No mark is in both, and neither table turns a mark into one the other folds.
    assert not text._QUOTES.keys() & text._DASHES.keys()
    assert not {ord(c) for c in text._QUOTES.values()} & text._DASHES.keys()
    assert not {ord(c) for c in text._DASHES.values()} & text._QUOTES.keys()


def test_quotes_and_dashes_are_a_change_width_and_spacing_are_not():
    # an editor checks “…” for "…", ’ for ', — or – for -: normalize keeps them apart
    for a, b in (("“Special Committee”", '"Special Committee"'), ("prisoner’s", "prisoner's"),
                 ("drug-related", "drug—related"), ("2020-2025", "2020–2025"), ("«texte»", '"texte"'),
                 ("「信息」", "“信息”")):
        assert text.normalize(a) != text.normalize(b)
        assert text.fold(a) == text.fold(b)
    # full- and half-width forms, white space, a non-breaking hyphen: the same text
    for a, b in (("决议，并", "决议, 并"), ("（a）", "(a)"), ("A  B", "A\u00a0B"), ("2020－2025", "2020-2025"),
                 ("non\u2011State", "non-State"), ("＂信息＂", '"信息"')):
        assert text.normalize(a) == text.normalize(b)


_ALPHABET = st.sampled_from(list(
    "aZé ß İ ﬁ'’_-.,;:()“”「」，；：（）、。\u3000\u00a0\t\n\x1c\x85\u2028\u200b\u2009\r\f0123456789١٢٣¹²³"
    "大会回顾决定请秘书长的和在中国信息通信技术𠀀𠀁𪜀"
    "الأطرافإآٱىـ\u064b\u064e\u0650\u0651\u0670кириллица"))


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_tokens_words_and_normal_forms_of_any_string_are_those_of_the_plain_loops(value):
    assert text.tokenize(value) == plain_tokenize(value)
    assert "".join(text.tokenize(value)) == value
    assert tuple(text.words(value)) == plain_words(value)
    assert text.normalize(value) == plain_normalize(value)
    assert text.fold(value) == plain_fold(value)


def test_no_character_casefolds_to_itself_followed_by_more():
    # words() skips casefolding each word of a text that casefolding leaves unchanged: sound
    # because casefolding maps character by character and none maps to itself and more, so an
    # unchanged text has every character, and so every word, unchanged.
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        folded = char.casefold()
        assert len(folded) == 1 or folded[0] != char, hex(code)
