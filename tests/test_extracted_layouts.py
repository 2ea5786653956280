"""Texts laid out as a PDF's text extraction prints them, made by a generator that knows what it
made: every character is compared (a paragraph, the title, a footnote), listed as page furniture
or named in a warning, and the paragraphs and footnotes are the ones generated.

The layouts: English or Chinese; lines wrapped to a page's width (Chinese ones anywhere, even in
a number); operative numbers and sub-paragraph labels alone on their line or not; blank lines
between paragraphs or not; marks as digits or raised ("¹");
indents of spaces, a tab or full-width spaces; footnote marks run onto a word or after the last
punctuation; page breaks anywhere a page can break, each with the footnotes cited on the page
(under a rule of any kind, or under a drawn rule that left no text), the page's foot (page number
"2/4", "- 2 -", "2", job number) and the next page's running head; a form feed; CRLF line ends;
no-break, full-width spaces and tabs between words.
"""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest
from conftest import CORPUS, FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st
from test_conservation import accounted

from resdiff.errors import ParseError
from resdiff.parse import parse_file, parse_text
from resdiff.text import SUPERSCRIPT_DIGITS

EN_PP = ["Recalling its resolution 60/1 of 16 September 2005 on the World Summit Outcome,",
         "Reaffirming the purposes and principles of the Charter of the United Nations,",
         "Noting with concern the situation of small island developing States and their vulnerability,",
         "Welcoming the report of the Secretary-General on the implementation of the present resolution,",
         "Bearing in mind the Universal Declaration of Human Rights and the international covenants,"]
EN_OP = ["Takes note of the report of the Secretary-General;",
         "Calls upon all Member States to implement fully the relevant resolutions of the General Assembly;",
         "Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report on "
         "the implementation of the present resolution;",
         "Encourages the regional commissions to continue their work in close cooperation with the United Nations "
         "Development Programme;",
         "Decides to include in the provisional agenda of its eighty-first session the item entitled “Information and "
         "communications technologies for sustainable development”."]
ZH_PP = ["回顾其2005年9月16日关于世界首脑会议成果的第60/1号决议，", "重申《联合国宪章》的宗旨和原则，",
         "关切地注意到小岛屿发展中国家的处境及其脆弱性，", "欢迎秘书长关于本决议执行情况的报告，",
         "铭记《世界人权宣言》和各项国际人权公约，"]
ZH_OP = ["注意到秘书长的报告；", "吁请所有会员国充分执行大会的有关决议；",
         "请秘书长向大会第八十一届会议提交一份关于本决议执行情况的报告；",
         "鼓励各区域委员会继续与联合国开发计划署密切合作开展工作；",
         "决定将题为“信息和通信技术促进可持续发展”的项目列入大会第八十一届会议临时议程。"]
EN_NOTES = ["See resolution 60/1.",
            "Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 49 (A/79/49), vol. I.",
            "A/79/64-E/2024/12.", "United Nations, Treaty Series, vol. 1833, No. 31363."]
ZH_NOTES = ["见第60/1号决议。", "《大会正式记录，第七十九届会议，补编第49号》(A/79/49)，第一卷。", "A/79/64-E/2024/12。",
            "联合国，《条约汇编》，第1833卷，第31363号。"]
RULES = ["__________________", "_____", "———", "-----", "＿＿＿＿＿＿＿＿", "_______________", "___"]
SYMBOL = "A/RES/79/201"
TITLES = {True: "信息和通信技术促进可持续发展",
          False: "Information and communications technologies for sustainable development"}
_RAISED = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
FURNITURE = re.compile(rf"24-12345|(?<!\d)\d/4(?!\d)|{SYMBOL}|___|———|---|＿＿")


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _wrap(text: str, width: int, chinese: bool) -> list[str]:
    lines, line = [], ""
    for piece in (text if chinese else text.split(" ")):
        joined = line + piece if chinese else (line + " " + piece if line else piece)
        if line and _width(joined) > width:
            lines.append(line)
            line = piece
        else:
            line = joined
    return lines + [line] if line else lines


def make(seed: int) -> tuple[str, dict]:
    """A text and what it holds: its language, how many preambular and operative paragraphs,
    the footnote marks it cites, whether its footnote areas are ruled in the text."""
    r = random.Random(seed)
    chinese = r.random() < 0.5
    preambular, operative = list(ZH_PP if chinese else EN_PP), list(ZH_OP if chinese else EN_OP)
    r.shuffle(preambular)
    r.shuffle(operative)
    preambular, operative = preambular[: r.randint(1, 5)], operative[: r.randint(2, 5)]
    notes = ZH_NOTES if chinese else EN_NOTES
    width = r.choice([40, 60, 80, 90])
    marks: list[int] = []
    superscript = r.random() < 0.3  # marks printed raised ("¹"), in the text and the footnote area
    paragraphs = []
    for number, text in [(None, p) for p in preambular] + [(k + 1, p) for k, p in enumerate(operative)]:
        if r.random() < 0.35 and len(marks) < len(notes):
            marks.append(len(marks) + 1)
            # (a Chinese text prints its marks after the punctuation)
            mark = str(marks[-1]).translate(_RAISED if superscript else {})
            text = text[:-1] + mark + text[-1] if r.random() < 0.5 and not chinese else text + mark
            paragraphs.append((number, text, marks[-1]))
        else:
            paragraphs.append((number, text, None))
    if r.random() < 0.5:
        # an operative paragraph with lettered sub-paragraphs
        k = r.randrange(len(paragraphs))
        if paragraphs[k][0] is not None and paragraphs[k][2] is None:
            items = ["(a) 加强合作；", "(b) 提供援助；"] if chinese else ["(a) To strengthen cooperation;",
                                                                      "(b) To provide assistance;"]
            paragraphs[k] = (paragraphs[k][0], paragraphs[k][1][:-1] + ("：" if chinese else ":"), None, items)
    number_alone, blank_between, label_alone = r.random() < 0.4, r.random() < 0.6, r.random() < 0.3
    indent = r.choice(["", "", "    ", "\t", "\u3000\u3000"])
    body: list[str] = []
    cited_at: dict[int, int] = {}  # mark: the body line it is printed on (its paragraph's last)
    for number, text, mark, *items in paragraphs:
        if number is not None and number_alone:
            body.append(f"{indent}{number}.")
            lines = _wrap(text, width, chinese)
        elif number is not None:
            lines = _wrap(f"{number}." + (" " if not chinese or r.random() < 0.5 else "") + text, width, chinese)
        else:
            lines = _wrap(text, width, chinese)
        lines[0] = indent + lines[0]
        body += lines
        for item in items[0] if items else []:
            body += [indent + item[:3]] + _wrap(item[4:], width, chinese) if label_alone else _wrap(item, width, chinese)
        if mark is not None:
            cited_at[mark] = len(body) - 1
        if blank_between:
            body.append("")
    ruled = r.random() < 0.85
    out = [SYMBOL, "", TITLES[chinese], "", "大会，" if chinese else "The General Assembly,", ""]
    # (a page never breaks between a number alone and its text, nor before a mark wrapped alone
    # onto a line: they stand on one baseline)
    breaks = [k for k in range(1, len(body)) if not re.match(r"^\s*(?:\d+\.|\([a-z]\))$", body[k - 1])
              and not re.match(r"^\d+$", body[k])]
    pending, start, page = list(marks), 0, 1
    for cut in sorted(r.sample(breaks, k=min(len(breaks), r.randint(0, 2)))) + [len(body)]:
        out += body[start:cut]
        here = [m for m in pending if cited_at[m] < cut]
        if here and ruled:
            out.append(r.choice(RULES))
        for m in here:
            out += _wrap(f"{str(m).translate(_RAISED if superscript else {})} {notes[m - 1]}", width, chinese)
            pending.remove(m)
        if cut < len(body):
            foot = r.choice([[f"{page}/4", "24-12345"], [f"24-12345 {page}/4"], [str(page)], [f"- {page} -"]])
            head = r.choice([[SYMBOL, TITLES[chinese]], [f"{TITLES[chinese]} {SYMBOL}"], []])
            out += ["\f" + foot[0]] + foot[1:] if r.random() < 0.3 else foot
            out += head
            page += 1
        start = cut
    text = "\n".join(out) + "\n"
    if r.random() < 0.3:
        text = text.replace("\n", "\r\n")
    if r.random() < 0.3 and not chinese:
        spaces = [k for k, ch in enumerate(text) if ch == " "]
        for k in r.sample(spaces, k=min(5, len(spaces))):
            text = text[:k] + r.choice(["\u00a0", "\u3000", "\t"]) + text[k + 1:]
    return text, {"chinese": chinese, "preambular": len(preambular), "operative": len(operative), "marks": marks,
                  "ruled": ruled}


def problems(seed: int) -> list[str]:
    text, made = make(seed)
    documents = parse_text(text, "extracted.txt")
    found = []
    lost = Counter(ch for ch in text if not ch.isspace()) - accounted(documents)
    # by design: the operative numbers' full stops, the labels' brackets, raised marks read as digits
    lost["."] -= made["operative"]
    lost["("] -= text.count("(a)") + text.count("(b)")
    lost[")"] -= text.count("(a)") + text.count("(b)")
    lost.update({ch: -lost[ch] for ch in SUPERSCRIPT_DIGITS})
    if +lost:
        found.append(f"lost {dict(+lost)}")
    ids = [p.id for d in documents for p in d.paragraphs]
    if ids != [f"PP{k + 1}" for k in range(made["preambular"])] + [f"OP{k + 1}" for k in range(made["operative"])]:
        found.append(f"paragraphs {ids}")
    if sorted(int(f.mark) for d in documents for f in d.footnotes) != made["marks"]:
        found.append(f"footnotes {[f.mark for d in documents for f in d.footnotes]} for marks {made['marks']}")
    found += [f"furniture in {p.id}: {p.text[-50:]!r}" for d in documents for p in d.paragraphs
              if FURNITURE.search(p.text)]
    found += [f"furniture in footnote {f.mark}: {f.text!r}" for d in documents for f in d.footnotes
              if FURNITURE.search(f.text)]
    return found


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 2**32))
def test_every_character_of_an_extracted_layout_is_placed_and_read_as_made(seed):
    assert problems(seed) == [], (seed, make(seed)[0])


def test_the_generator_makes_every_layout():
    made = [make(seed) for seed in range(200)]
    texts = [text for text, _ in made]
    assert sum(info["chinese"] for _, info in made) > 60 and sum(not info["ruled"] for _, info in made) > 15
    for shape in ("\f", "\r\n", "\u00a0", "\u3000", "\t", "- 2 -", "24-12345", "———", "___\n", f"{SYMBOL}\n", "¹ ",
                  "(a) ", "(b)\n"):
        assert any(shape in text for text in texts), shape
    assert any(re.search(r"^\s*\d\.$", text, re.M) for text in texts)  # numbers alone


def test_a_thousand_layouts_read_as_made():
    assert [(seed, found) for seed in range(1000) if (found := problems(seed))] == []


# --- what the generator found, one by one -------------------------------------------------------


def _read(text: str):
    documents = parse_text(text, "x")
    return ([(d.chapeau, [(p.id, p.text) for p in d.paragraphs]) for d in documents],
            [(f.mark, f.text) for d in documents for f in d.footnotes], [str(f) for d in documents for f in d.furniture])


def test_a_line_wrapped_onto_the_assemblys_name_is_no_second_chapeau():
    for wrapped in ("the General Assembly;", "General Assembly;", "General Assembly:"):
        text = ("The General Assembly,\n\nRecalling x,\n\n1. Takes note of the report;\n\n2. Calls upon all Member "
                f"States to implement the resolutions of\n{wrapped}\n\n3. Decides to remain seized of the matter.\n")
        documents, _, _ = _read(text)
        assert documents == [("The General Assembly,", [
            ("PP1", "Recalling x,"), ("OP1", "Takes note of the report;"),
            ("OP2", f"Calls upon all Member States to implement the resolutions of {wrapped}"),
            ("OP3", "Decides to remain seized of the matter.")])], wrapped


def test_a_page_number_between_dashes_keeps_its_dashes():
    text = "The General Assembly,\n\nRecalling x\n- 2 -\nand y,\n\n1. Decides z.\n"
    documents, _, furniture = _read(text)
    assert documents[0][1] == [("PP1", "Recalling x and y,"), ("OP1", "Decides z.")]
    assert furniture == ["line 4: - 2 -"]


def test_a_page_number_under_a_footnote_is_the_pages():
    for rule in ("_____\n", ""):
        text = ("The General Assembly,\n\nRecalling x,1\n\n1. Decides to include in the agenda of its session the\n"
                f"{rule}1 See resolution 60/1.\n1\nitem entitled “Information”;\n\n2. Decides z.\n")
        documents, footnotes, furniture = _read(text)
        assert documents[0][1] == [("PP1", "Recalling x,"),
                                   ("OP1", "Decides to include in the agenda of its session the item entitled "
                                           "“Information”;"), ("OP2", "Decides z.")], rule
        assert footnotes == [("1", "See resolution 60/1.")], rule
        assert furniture == ([f"line 6: {rule.strip()}"] if rule else []) + [f"line {8 if rule else 7}: 1"]


def test_footnotes_under_a_drawn_rule_above_the_pages_foot_are_read():
    # the rule was drawn, not printed: the footnotes open with their marks and a space
    text = ("The General Assembly,\n\nReaffirming the Charter of the United Nations,1\n\nRecalling resolution 60/1,2\n\n"
            "1. Encourages the "
            "commissions to continue their work in close cooperation with\n1 See resolution 60/1.\n"
            "2 Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 49\n(A/79/49), vol. I.\n"
            "1/4\n24-12345\nthe United Nations Development Programme;\n\n2. Decides z.\n")
    documents, footnotes, furniture = _read(text)
    assert documents[0][1][2] == ("OP1", "Encourages the commissions to continue their work in close cooperation with "
                                         "the United Nations Development Programme;")
    assert footnotes == [("1", "See resolution 60/1."), ("2", "Official Records of the General Assembly, Seventy-ninth "
                                                              "Session, Supplement No. 49 (A/79/49), vol. I.")]
    assert furniture == ["line 11: 1/4", "line 12: 24-12345"]
    # a date opening a page's last line is no footnote, though the text cites a mark 2 before it
    dated = text.replace("1 See resolution 60/1.\n2 Official Records of the General Assembly, Seventy-ninth Session, "
                         "Supplement No. 49\n(A/79/49), vol. I.\n", "2 March 2022,\n")
    documents, footnotes, _ = _read(dated)
    assert footnotes == [] and "with 2 March 2022, the United Nations" in documents[0][1][2][1]


def test_a_footnote_after_the_last_paragraph_wraps_over_a_comma_and_a_number():
    for note, wrapped in ((["2 Official Records of the General Assembly,", "Seventy-ninth Session, Supplement No. 49",
                            "(A/79/49), vol. I."],
                           "Official Records of the General Assembly, Seventy-ninth Session, Supplement No. 49 "
                           "(A/79/49), vol. I."),
                          (["2 《大会正式记录，第七十九届会议，补编第", "49号》(A/79/49)，第一卷。"],
                           "《大会正式记录，第七十九届会议，补编第49号》(A/79/49)，第一卷。")):
        text = "The General Assembly,\n\nRecalling x,1\n\n1. Decides y;2\n\n2. Decides z.\n\n1 See A/1.\n" + \
            "\n".join(note) + "\n"
        documents, footnotes, furniture = _read(text)
        assert documents[0][1][-1] == ("OP2", "Decides z.")
        assert footnotes == [("1", "See A/1."), ("2", wrapped)] and furniture == []


def test_a_masthead_whose_organ_line_reads_as_a_chapeau_is_still_listed():
    # "大会" alone in the masthead opens a text of no paragraphs: the lines above it were lost
    text = ("A/C.2/65/L.22\n联合国 A/C.2/65/L.22\n大会\nDistr.: Limited\n2010 年 11 月 4 日\n第六十五届会议\n"
            "议程项目 17\n信息和通信技术促进发展\n大会，\n回顾其决议，\n1. 决定继续审议。\n")
    documents, _, furniture = _read(text)
    assert documents == [("大会，", [("PP1", "回顾其决议，"), ("OP1", "决定继续审议。")])]
    assert furniture == ["line 1: A/C.2/65/L.22", "line 2: 联合国 A/C.2/65/L.22", "line 3: 大会", "line 4: Distr.: Limited",
                         "line 5: 2010 年 11 月 4 日", "line 6: 第六十五届会议"]


# Real extractions: every tool's text of the fixture PDFs, and the corpus texts.
EXTRACTED = sorted((FIXTURES / "extractions").glob("*.txt")) + sorted(CORPUS.glob("*/*.txt"))


@pytest.mark.parametrize("path", EXTRACTED, ids=lambda p: p.name)
def test_no_character_of_a_real_extraction_is_lost_but_by_design(path):
    try:
        documents = parse_file(str(path))
    except ParseError:
        return  # (an excerpt of no chapeau nor numbered paragraph is refused, and said)
    lost = Counter(ch for ch in path.read_text(encoding="utf-8") if not ch.isspace()) - accounted(documents)
    # by design: an operative number's full stop, the brackets of a label or of a bracketed
    # mark, the quotation marks of a quoted draft, a web list's bullets
    assert set(lost) <= set(".()[]“”\"-•*·"), (path.name, lost)


def test_a_raised_footnote_wraps_on_and_a_page_number_under_it_is_the_pages():
    text = ("大会，\n\n欢迎秘书长的报告，²\n———\n² 《大会正式记录，第七十九届会议，补编第\n49号》(A/79/49)，第一卷。\n"
            "24-12345 1/4\n\n铭记《世界人权宣言》，\n\n1. 注意到秘书长的报告。\n")
    documents, footnotes, furniture = _read(text)
    assert documents[0][1] == [("PP1", "欢迎秘书长的报告，"), ("PP2", "铭记《世界人权宣言》，"), ("OP1", "注意到秘书长的报告。")]
    assert footnotes == [("2", "《大会正式记录，第七十九届会议，补编第49号》(A/79/49)，第一卷。")]
    assert furniture == ["line 4: ———", "line 7: 24-12345 1/4"]
    # a page number alone under it, the next page's text after it
    text = ("The General Assembly,\n\n1. Encourages the commissions;¹\n\n2. Requests the Secretary-General to\n"
            "———\n¹ See resolution 60/1.\n2\nsubmit a report;\n\n3. Decides z.\n")
    documents, footnotes, furniture = _read(text)
    assert documents[0][1][1] == ("OP2", "Requests the Secretary-General to submit a report;")
    assert footnotes == [("1", "See resolution 60/1.")]
    assert furniture == ["line 6: ———", "line 8: 2"]


def test_a_raised_mark_alone_on_its_line_is_no_crash():
    # "¹".isdigit() is true: the column of marks on lines of their own read "¹" as a number
    text = "The General Assembly,\n\nRecalling x,¹\n\n1. Decides y;\n¹\nSee A/1.\n24-12345 1/4\n2. Decides z.\n"
    documents = parse_text(text, "x")
    assert [p.id for p in documents[0].paragraphs] == ["PP1", "OP1", "OP2"]
    assert Counter(ch for ch in text if not ch.isspace()) - accounted(documents) <= Counter({".": 2, "¹": 2})
