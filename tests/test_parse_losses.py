"""Text that a parse once lost or misplaced in silence, each case as a user met it: the exact
paragraphs read, and the warning that says what resdiff could not place."""

from __future__ import annotations

from resdiff.parse import parse_text

from conftest import CORPUS, SAMPLE


def _rows(document) -> list[tuple[str, str, str]]:
    return [(p.id, p.kind.value, p.text) for p in document.paragraphs]


def test_operative_paragraphs_numbered_past_9999_stay_paragraphs_of_their_own():
    # "10000." was not read as a number (four digits at most): the paragraph ran into OP9999.
    text = "The General Assembly,\n\nRecalling x,\n\n9999. Decides a;\n\n10000. Decides b;\n\n10001. Decides c.\n"
    (document,) = parse_text(text, "d5.txt")
    assert _rows(document) == [("PP1", "preambular", "Recalling x,"), ("OP9999", "operative", "Decides a;"),
                               ("OP10000", "operative", "Decides b;"), ("OP10001", "operative", "Decides c.")]
    assert document.warnings == ("document: operative paragraph 9999 follows nothing (at the start): "
                                 "a paragraph may be missing or misread",)
    # and a whole text numbered to 10000, as a user generated it, page-wrapped lines and all
    body = "".join(f"{k}. Decides item\n{k};\n\n" for k in range(1, 10001))
    (document,) = parse_text("The General Assembly,\n\n" + body, "d5.txt")
    assert [p.id for p in document.paragraphs[-2:]] == ["OP9999", "OP10000"]
    assert document.paragraphs[-1].text == "Decides item 10000;" and document.warnings == ()


def _same_reading(a, b) -> None:
    assert [(d.symbol, d.title, d.chapeau, d.agenda_item, d.sponsors, _rows(d), d.footnotes) for d in a] == \
        [(d.symbol, d.title, d.chapeau, d.agenda_item, d.sponsors, _rows(d), d.footnotes) for d in b]


def test_an_invisible_character_changes_nothing_but_is_said(sample_documents):
    # A zero width space before the chapeau of the recommended draft hid that draft: only
    # L.22 was found, and a diff compared L.56 with L.22.
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    at = lines.index("大会，")
    lines[at] = "\u200b" + lines[at]
    documents = parse_text("\n".join(lines), "zw.txt")
    _same_reading(documents, sample_documents)
    assert documents[0].warnings == ("1 invisible character (U+200B ZERO WIDTH SPACE) on line 158 taken out: "
                                     "it is not compared",) + sample_documents[0].warnings
    assert documents[1].warnings == sample_documents[1].warnings
    # Before the first line (the whole English draft read from its first operative paragraph,
    # its preamble taken for the title) and as a stray byte-order mark.
    original = (CORPUS / "en" / "A_C.3_78_L.41.en.txt").read_text(encoding="utf-8")
    for stray in ("\u200b", "\ufeff", "\u2060", "\u200d", "\ufeff\u200b"):
        documents = parse_text(stray + original, "z.txt")
        _same_reading(documents, parse_text(original, "L.41.txt"))
        assert len(documents[0].warnings) == 1 and "on line 1 taken out" in documents[0].warnings[0]
    assert parse_text("\u200b\u00ad" + original, "z.txt")[0].warnings == (
        "2 invisible characters (U+200B ZERO WIDTH SPACE, U+00AD SOFT HYPHEN) on line 1 taken out: "
        "they are not compared",)


def test_invisible_characters_inside_numbers_openers_and_words():
    text = ("The Gen\u00aderal Assembly,\n\n\u200eRecalling\u2060 x,\n\n1\u200b. Decides a;\n\n"
            "\u200d2. Decides b;\n\n3. Decides c.\u200b\n")
    (document,) = parse_text(text, "soft.txt")
    assert document.chapeau == "The General Assembly,"
    assert _rows(document) == [("PP1", "preambular", "Recalling x,"), ("OP1", "operative", "Decides a;"),
                               ("OP2", "operative", "Decides b;"), ("OP3", "operative", "Decides c.")]
    assert document.warnings == (
        "6 invisible characters (U+00AD SOFT HYPHEN, U+200E LEFT-TO-RIGHT MARK, U+2060 WORD JOINER, "
        "U+200B ZERO WIDTH SPACE ×2, U+200D ZERO WIDTH JOINER) on lines 1, 3, 5, 7, 9 taken out: they are not compared",)
    # where a joiner shapes or spells a word it stays, and nothing is said
    (document,) = parse_text("The General Assembly,\n\n1. Decides می\u200cخواهم and 👩\u200d💻.\n", "fa.txt")
    assert document.paragraphs[0].text == "Decides می\u200cخواهم and 👩\u200d💻." and document.warnings == ()


def test_an_organ_name_wrapped_onto_a_line_of_its_own_is_paragraph_text():
    # The line was taken for the masthead ("report to the at its next session") or, in
    # Chinese, for a chapeau opening a second document.
    (document,) = parse_text("The General Assembly,\n\n1. Requests the Secretary-General to report to the\n"
                             "General Assembly\nat its next session;\n", "g.txt")
    assert _rows(document) == [("OP1", "operative",
                                "Requests the Secretary-General to report to the General Assembly at its next session;")]
    assert document.furniture == () and document.warnings == ()
    (document,) = parse_text("大会，\n\n回顾其决议，\n\n1. 请秘书长向\n大会\n第八十届会议提交报告；\n\n"
                             "2. 又请秘书长与\n联合国\n各机构合作。\n", "gz.txt")
    assert _rows(document) == [("PP1", "preambular", "回顾其决议，"), ("OP1", "operative", "请秘书长向大会第八十届会议提交报告；"),
                               ("OP2", "operative", "又请秘书长与联合国各机构合作。")]
    assert document.furniture == () and document.warnings == ()
    (document,) = parse_text("L'Assemblée générale,\n\n1. Prie le Secrétaire général de coopérer avec\n"
                             "Nations Unies\net ses organes;\n", "fr.txt")
    assert document.paragraphs[0].text == "Prie le Secrétaire général de coopérer avec Nations Unies et ses organes;"
    # The masthead at a page's head stays furniture: after the page's foot, or between blank lines.
    (document,) = parse_text("The General Assembly,\n\n1. Requests the Secretary-General to report to the\n"
                             "23-21227 (E) 131123\nGeneral Assembly\nat its next session;\n", "g.txt")
    assert document.paragraphs[0].text == "Requests the Secretary-General to report to the at its next session;"
    assert document.furniture == ("line 4: 23-21227 (E) 131123", "line 5: General Assembly")
    (document,) = parse_text("The General Assembly,\n\n1. Decides to act;\n\nGeneral Assembly\n\n2. Decides to stay.\n",
                             "g.txt")
    assert [p.text for p in document.paragraphs] == ["Decides to act;", "Decides to stay."]
    assert document.furniture == ("line 5: General Assembly",)


L41 = CORPUS / "en" / "A_C.3_78_L.41.en.txt"


def _with_first_line(line: str) -> str:
    lines = L41.read_text(encoding="utf-8").split("\n")
    return "\n".join([line] + lines[1:])


def test_a_chapeau_mistyped_or_unknown_still_opens_the_preamble():
    # The preamble was taken for the masthead (PP1–PP3 "removed", half of PP3 the title, the
    # mark of footnote 5 glued to "77/228"), in silence.
    original = parse_text(L41.read_text(encoding="utf-8"), "L.41.txt")
    expected = [(d.symbol, d.title, _rows(d), d.footnotes) for d in original]
    for chapeau in ("General Assembly,", "The General Assembly;", "The General Assembly,,", "The Conference of the Parties,"):
        documents = parse_text(_with_first_line(chapeau), "ga.txt")
        assert [(d.symbol, d.title, _rows(d), d.footnotes) for d in documents] == expected, chapeau
        assert documents[0].chapeau == chapeau
        assert documents[0].furniture == original[0].furniture
        warned = () if chapeau.startswith(("General", "The General")) else (
            "line 1: “The Conference of the Parties,” is read as the chapeau, though it is no chapeau resdiff knows",)
        assert documents[0].warnings == warned + original[0].warnings
    # No chapeau at all: read from the first preambular paragraph, the line above in the
    # furniture list, and a warning.
    for first in ("The Conference of the Parties", "Situation of human rights in the Islamic Republic of Iran"):
        (document,) = parse_text(_with_first_line(first) , "none.txt")
        assert _rows(document) == _rows(original[0]) and document.chapeau is None
        assert document.furniture == (f"line 1: {first}",) + original[0].furniture
        assert document.warnings == ("line 2: no chapeau found: the text is read from this line, its first preambular "
                                     "paragraph; the lines above it are its title and masthead",)


def test_an_unknown_chapeau_in_other_layouts_and_languages():
    text = ("Decision 1/CP.28\n\nGlobal stocktake\n\nThe Conference of the Parties serving as the meeting of the Parties "
            "to the Paris Agreement,\n\nRecalling Article 14,\n\nNoting with concern the findings,\n\n1. Welcomes the report;\n\n"
            "2. Decides to act.\n")
    (document,) = parse_text(text, "cp.txt")
    assert document.chapeau == "The Conference of the Parties serving as the meeting of the Parties to the Paris Agreement,"
    assert _rows(document) == [("PP1", "preambular", "Recalling Article 14,"),
                               ("PP2", "preambular", "Noting with concern the findings,"),
                               ("OP1", "operative", "Welcomes the report;"), ("OP2", "operative", "Decides to act.")]
    assert document.title == "Global stocktake"
    assert document.warnings == ("line 5: “The Conference of the Parties serving as the meeting of the Parties to the Paris "
                                 "Agreement,” is read as the chapeau, though it is no chapeau resdiff knows",)
    (document,) = parse_text("全球盘点\n\n缔约方会议，\n\n回顾第 14 条，\n\n又回顾其决定，\n\n1. 欢迎报告；\n\n2. 决定采取行动。\n", "cp.zh.txt")
    assert document.chapeau == "缔约方会议，" and document.title == "全球盘点"
    assert [p.id for p in document.paragraphs] == ["PP1", "PP2", "OP1", "OP2"]
    assert document.warnings == ("line 3: “缔约方会议，” is read as the chapeau, though it is no chapeau resdiff knows",)


def test_a_quoted_draft_line_without_its_opening_quotation_mark(sample_documents):
    # It ran into the paragraph before: an operative paragraph gave a numbering warning, a
    # preambular one nothing at all.
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    # "“表示注意到…" (PP2 of L.22), "“2. 关切…" (OP2), "“18. 邀请…委员会…" (OP18: it read as the
    # report's own paragraph 18 and ended the draft, OP18 to OP26 lost), "“(a) 应增加…" (an item)
    for at in (36, 88, 120, 124):
        changed = list(lines)
        assert changed[at].startswith("“")
        changed[at] = changed[at][1:]
        documents = parse_text("\n".join(changed), "q.txt")
        _same_reading(documents, sample_documents)
        assert documents[0].warnings == (f"A/C.2/65/L.22: line {at + 1}: a line of the quoted draft opens without its "
                                         "quotation mark: read as a paragraph of its own",)
        assert documents[1].warnings == sample_documents[1].warnings


def test_an_unknown_chapeau_of_a_quoted_draft_or_of_a_text_without_numbers(sample_documents):
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    assert lines[32] == "“大会,"
    lines[32] = "“缔约方会议，"
    documents = parse_text("\n".join(lines), "cop.txt")
    assert [(d.symbol, _rows(d)) for d in documents] == [(d.symbol, _rows(d)) for d in sample_documents]
    assert documents[0].chapeau == "缔约方会议，"
    assert documents[0].warnings == ("line 33: “缔约方会议，” is read as the chapeau, though it is no chapeau resdiff knows",)
    # unnumbered operative paragraphs: read from the chapeau's shape too
    (document,) = parse_text("A title\nThe Conference of the Parties,\nRecalling x,\nDecides to act.\n", "cop.txt")
    assert document.chapeau == "The Conference of the Parties," and document.title == "A title"
    assert _rows(document) == [("PP1", "preambular", "Recalling x,"), ("OP1", "operative", "Decides to act.")]
    assert document.warnings == ("line 2: “The Conference of the Parties,” is read as the chapeau, though it is no "
                                 "chapeau resdiff knows",)


def test_numbered_paragraphs_left_out_as_furniture_are_a_warning():
    # The annex of A/RES/80/9, its label and title on one line ("Annex 2025 Political
    # Declaration …"), was not read as an annex: its thirty-one paragraphs were listed as
    # furniture and nothing was said. It is read now; numbered lines that still end up in the
    # furniture list are a warning.
    (document,) = parse_text((CORPUS / "en" / "A_RES_80_9.md").read_text(encoding="utf-8"), "A_RES_80_9.md")
    annex = [p for p in document.paragraphs if p.id.startswith("Annex")]
    assert [p.id for p in annex] == ["Annex H1"] + [f"Annex {n}" for n in range(1, 32)]
    assert annex[0].text.startswith("Annex 2025 Political Declaration on the Implementation")
    assert annex[1].text.startswith("We, the States Members of the United Nations, welcome the fifteenth anniversary")
    # no numbered line in the furniture; what the Markdown copy lost is said (labels (a)–(e),
    # the mark of footnote 13)
    assert document.warnings == (
        "A/RES/80/9: Annex 18's sub-paragraphs start at (f): (a)–(e) may be missing or misread",
        "A/RES/80/9: footnote 13 is cited by no paragraph: its mark may be missing or misread")
    text = ("The General Assembly,\n\nRecalling x,\n\n1. Decides to act.\n\n3rd plenary meeting\n18 December 2025\n\n"
            "1. We agree to work together on the matters set out in this declaration, in good faith and in full.\n")
    (document,) = parse_text(text, "one.txt")
    assert document.warnings == ("document: line 10 reads as a numbered paragraph but is left out as page furniture, "
                                 "not compared (--show-furniture lists it)",)


def test_a_soft_hyphen_ending_a_line_joins_the_word_it_broke():
    text = "The General Assembly,\n\n1. Decides on the develop\u00ad\nment of the plan and the\nimple\u00ad\nmentation;\n"
    (document,) = parse_text(text, "shy.txt")
    assert _rows(document) == [("OP1", "operative", "Decides on the development of the plan and the implementation;")]
    assert document.warnings == ("2 invisible characters (U+00AD SOFT HYPHEN ×2) on lines 3, 5 taken out: "
                                 "they are not compared",)
