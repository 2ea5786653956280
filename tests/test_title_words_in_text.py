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


LONG = ("United Nations A/C.3/80/L.12\nGeneral Assembly Distr.: Limited\nAlbania and Canada: draft resolution\n"
        "Situation of human rights in Somewhere\nThe General Assembly,\nGuided by the Charter,\n"
        "Recalling its resolutions on the situation of human rights in the country,\n"
        "Noting with concern the reports of the Special Rapporteur,\n1. Decides to act;\n"
        "2. Requests the Secretary-General to report on the situation to the General\n"
        "Assembly at its next session;\n"
        + OP2.replace("2. ", "3. ").format(middle="Situation of human rights in Somewhere\n"))


def test_in_a_wrapped_text_with_a_blank_line_after_every_line_too():
    (single,) = parse_text(LONG, "rh.txt")
    (double,) = parse_text(LONG.replace("\n", "\n\n"), "rh.txt")
    assert [(p.id, p.text) for p in double.paragraphs] == [(p.id, p.text) for p in single.paragraphs]
    assert double.paragraphs[-1].text == (
        "Decides to include in the provisional agenda of its eighty-first session the sub-item entitled "
        "Situation of human rights in Somewhere under the item entitled \"Promotion and protection of human rights\".")
    assert [str(f) for f in double.furniture] == ["line 1: United Nations A/C.3/80/L.12",
                                                  "line 3: General Assembly Distr.: Limited"]


def test_a_running_head_alone_between_paragraph_long_lines_stays_furniture():
    # a Markdown extraction: one paragraph a line, a page's running head alone between blank
    # lines in the middle of a sentence
    text = ("# Situation of human rights in Somewhere\n\nThe General Assembly,\n\nGuided by the Charter,\n\n"
            "1. Requests the Secretary-General to provide the necessary support to the Special Rapporteur, "
            "including the staff and resources that the mandate requires, in order to\n\n"
            "Situation of human rights in Somewhere\n\n"
            "ensure a smooth transition from the previous arrangements;\n\n2. Decides to remain seized of the matter.\n")
    (document,) = parse_text(text, "rh.md")
    assert document.paragraphs[1].text == (
        "Requests the Secretary-General to provide the necessary support to the Special Rapporteur, including the "
        "staff and resources that the mandate requires, in order to ensure a smooth transition from the previous "
        "arrangements;")
    assert "line 9: Situation of human rights in Somewhere" in [str(f) for f in document.furniture]
