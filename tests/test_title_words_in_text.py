"""A line of a paragraph that happens to read exactly as the title (an agenda sub-item named by
the resolution's title, wrapped onto a line of its own) is the paragraph's text, compared as its
words; a running head is told by where it stands: where a page begins, beside a page's foot.
"""

from __future__ import annotations

from resdiff.parse import parse_text

HEAD = ("United Nations A/C.3/80/L.12\nGeneral Assembly Distr.: Limited\nAlbania and Canada: draft resolution\n"
        "Situation of human rights in Somewhere\nThe General Assembly,\nGuided by the Charter,\n1. Decides to act;\n")
OP2 = ("2. Decides to include in the provisional agenda of its eighty-first session the sub-item entitled\n"
       "{middle}under the item entitled \"Promotion and protection of human rights\".\n")
MASTHEAD = ["line 1: United Nations A/C.3/80/L.12", "line 2: General Assembly Distr.: Limited"]


def _read(text: str):
    (document,) = parse_text(text, "rh.txt")
    return ([(p.id, p.text) for p in document.paragraphs], [str(f) for f in document.furniture],
            [str(w) for w in document.warnings])


def test_a_wrapped_line_reading_as_the_title_inside_a_sentence_is_text():
    paragraphs, furniture, warnings = _read(HEAD + OP2.format(middle="Situation of human rights in Somewhere\n"))
    assert paragraphs == [
        ("PP1", "Guided by the Charter,"), ("OP1", "Decides to act;"),
        ("OP2", "Decides to include in the provisional agenda of its eighty-first session the sub-item entitled "
                "Situation of human rights in Somewhere under the item entitled "
                "\"Promotion and protection of human rights\".")]
    assert furniture == MASTHEAD
    assert warnings == []


def test_a_change_to_those_words_is_compared():
    from resdiff.compare import compare

    (old,) = parse_text(HEAD + OP2.format(middle="Situation of human rights in Somewhere\n"), "old.txt")
    (new,) = parse_text(HEAD + OP2.format(middle="Situation of human rights in Elsewhere\n"), "new.txt")
    changed = [c for c in compare(old, new).changes if c.kind.value != "unchanged"]
    assert [(c.old, c.new, c.kind.value) for c in changed] == [(("OP2",), ("OP2",), "modified")]
    assert [(s.op.value, s.text) for s in changed[0].inline if s.op.value != "equal"] == [
        ("delete", "Somewhere "), ("insert", "Elsewhere ")]


def test_the_same_line_beside_a_pages_foot_is_a_running_head():
    paragraphs, furniture, warnings = _read(
        HEAD + OP2.format(middle="2/3 25-12345\nSituation of human rights in Somewhere\n"))
    assert paragraphs[-1] == (
        "OP2", "Decides to include in the provisional agenda of its eighty-first session the sub-item entitled "
               "under the item entitled \"Promotion and protection of human rights\".")
    assert furniture == MASTHEAD + ["line 9: 2/3 25-12345", "line 10: Situation of human rights in Somewhere"]
    assert warnings == []


def test_the_same_line_after_a_page_break_is_a_running_head():
    paragraphs, furniture, _ = _read(HEAD + OP2.format(middle="\fSituation of human rights in Somewhere\n"))
    assert paragraphs[-1][1].endswith("sub-item entitled under the item entitled "
                                      "\"Promotion and protection of human rights\".")
    assert furniture == MASTHEAD + ["line 9: Situation of human rights in Somewhere"]


def test_the_same_line_before_a_capital_is_still_read_as_a_running_head():
    # (the line after it opens as a new sentence or a name might: no evidence it goes on)
    _, furniture, _ = _read(HEAD + OP2.format(middle="Situation of human rights in Somewhere\n").replace(
        "under the item", "Under the item"))
    assert furniture == MASTHEAD + ["line 9: Situation of human rights in Somewhere"]
