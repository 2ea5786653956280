"""Word-level inline differences."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.inline import diff_texts, for_display, rebuild
from resdiff.model import Op


def spans(old, new):
    return [(s.op.value, s.text) for s in diff_texts(old, new)]


def test_english_is_diffed_by_whole_words():
    assert spans("Recalling its resolution", "Recalling also its resolutions") == [
        ("equal", "Recalling "), ("insert", "also "), ("equal", "its "),
        ("delete", "resolution"), ("insert", "resolutions"),
    ]


def test_one_changed_chinese_character_is_shown_as_one_character():
    assert spans("2008 年在印度海德拉巴", "2008 年在印度海得拉巴") == [
        ("equal", "2008 年在印度海"), ("delete", "德"), ("insert", "得"), ("equal", "拉巴"),
    ]


def test_a_replaced_chinese_phrase_stays_whole():
    assert spans("同时确认必须从多方面改进论坛", "同时确认必须改进该论坛") == [
        ("equal", "同时确认必须"), ("delete", "从多方面"), ("equal", "改进"), ("insert", "该"), ("equal", "论坛"),
    ]


def test_a_lone_particle_between_long_rewrites_is_not_kept_as_equal():
    result = spans("关切当前的金融危机和经济危机对传播产生消极影响", "关切世界金融和经济危机对传播方面的积极趋势产生的影响")
    assert ("equal", "的") not in result


def test_identical_and_empty_texts():
    assert spans("同一段落。", "同一段落。") == [("equal", "同一段落。")]
    assert spans("", "新增。") == [("insert", "新增。")]
    assert spans("删除。", "") == [("delete", "删除。")]
    assert spans("", "") == []


def test_width_and_spacing_changes_are_shown_whole_and_flagged_as_layout():
    raw = diff_texts("维护, 将进一步丰富 2010 年", "维护，将进一步丰富2010年")
    assert rebuild(raw) == ("维护, 将进一步丰富 2010 年", "维护，将进一步丰富2010年")
    shown = for_display(raw)
    assert [(s.op.value, s.text, s.layout) for s in shown] == [
        ("equal", "维护", False), ("delete", ", ", True), ("insert", "，", True), ("equal", "将进一步丰富", False),
        ("delete", " ", True), ("equal", "2010", False), ("delete", " ", True), ("equal", "年", False)]
    # nothing folded away: each side still reads its own text
    assert "".join(s.text for s in shown if s.op is not Op.INSERT) == "维护, 将进一步丰富 2010 年"
    assert "".join(s.text for s in shown if s.op is not Op.DELETE) == "维护，将进一步丰富2010年"


def test_display_keeps_real_changes():
    raw = diff_texts("大会赞同的宣言, 以及", "大会核可的宣言，以及")
    shown = [(s.op.value, s.text, s.layout) for s in for_display(raw)]
    assert ("delete", "赞同", False) in shown and ("insert", "核可", False) in shown
    assert [s for s in shown if s[0] != "equal" and s[2]] == [("delete", ", ", True), ("insert", "，", True)]


def test_deletions_come_before_insertions_and_neighbours_are_merged():
    for old, new in [("a b c d", "a x y d"), ("第一段第二段", "第三段第四段"), ("1. Decides;", "2. Decides;")]:
        result = diff_texts(old, new)
        for left, right in zip(result, result[1:]):
            assert left.op is not right.op
            assert not (left.op is Op.INSERT and right.op is Op.DELETE)


TEXT = st.text(alphabet=st.sampled_from(list("大会回顾注意到认识确认的，。、；“”() 2010年abc Recalling,;.\n")), max_size=60)


@settings(max_examples=150, deadline=None)
@given(TEXT, TEXT)
def test_spans_always_rebuild_both_texts(old, new):
    result = diff_texts(old, new)
    assert rebuild(result) == (old, new)
    assert all(s.text for s in result)
    assert diff_texts(old, new) == result


def _units_by_token(text):
    """Words with their following white space attached, and their keys, one token at a time."""
    from resdiff.inline import _token_key
    from resdiff.text import tokenize

    units, keys = [], []
    for token in tokenize(text):
        if token.isspace():
            if units:
                units[-1] += token
            else:
                units.append(token)
                keys.append("")
            continue
        units.append(token)
        keys.append(_token_key(token))
    return units, keys


@settings(max_examples=200)
@given(st.lists(st.sampled_from(list("ab 1,\u3000\t\n，的大会Ｒ") + ["  ", "决议"]), max_size=30).map("".join))
def test_a_text_splits_into_the_units_and_keys_of_its_tokens(text):
    from resdiff.inline import _units

    assert _units(text) == _units_by_token(text)
