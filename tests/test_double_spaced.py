"""A double-spaced copy of a text (a blank line after every line: a PDF viewer's or a web page's
text pasted, a file run through ``sed 's/$/\\n/'``) reads as the text it was copied from: the
same paragraphs (ids and text), footnotes, title and header, and the same page furniture, listed
by the lines of the copy. Every extraction of the fixture PDFs, in every language present, and
every generated layout is read so, double-spaced with its own blank lines kept (tripled) and as
a copy that lost them (one blank line after every line, none more).
"""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS, FIXTURES, ROOT, SAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st
from test_extracted_layouts import make

from resdiff.i18n import Message
from resdiff.parse import parse_file, parse_text
from resdiff.parse.lines import single_spaced
from resdiff.parse.reading import decode

EXTRACTIONS = sorted((FIXTURES / "extractions").glob("*.txt"))


def _double(text: str) -> str:
    """``sed 's/$/\\n/'``: a blank line after every line."""
    return text.replace("\n", "\n\n")


def _without_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip() or "\f" in line) + "\n"


def _reading(documents, line=lambda k: k):
    """What a reading holds, the line numbers it names made ``line(k)``."""

    def renumbered(message: str) -> str:
        return re.sub(r"(?<=\bline )\d+", lambda m: str(line(int(m.group()))), message)

    return [(d.symbol, d.title, d.date, d.chapeau, d.agenda_item, d.sponsors,
             [(p.id, p.kind, p.body, p.footnotes) for p in d.paragraphs],
             [(f.mark, f.text) for f in d.footnotes],
             [renumbered(f) for f in d.furniture], [renumbered(w) for w in d.warnings]) for d in documents]


def _same_reading(single: str, double: str) -> None:
    """``double`` (``single`` with a blank line after every line) reads as ``single`` does, its
    lines named as the copy numbers them (line k of ``single`` is line 2k - 1 of ``double``)."""
    assert _reading(parse_text(double, "x")) == _reading(parse_text(single, "x"), lambda k: 2 * k - 1)


@pytest.mark.parametrize("path", EXTRACTIONS, ids=lambda p: p.name)
def test_a_double_spaced_extraction_reads_as_the_extraction(path):
    text = path.read_text(encoding="utf-8")
    _same_reading(text, _double(text))


@pytest.mark.parametrize("path", EXTRACTIONS, ids=lambda p: p.name)
def test_a_double_spaced_copy_without_the_extractions_blank_lines_reads_as_it(path):
    # (a PDF viewer's copy: a blank line after every line, paragraphs set apart by no more)
    text = _without_blank_lines(path.read_text(encoding="utf-8"))
    _same_reading(text, _double(text))


def test_the_furniture_of_a_double_spaced_copy_names_the_copys_lines():
    path = FIXTURES / "extractions" / "A_RES_ES-11_4-EN.pypdf.txt"
    copy = _double(path.read_text(encoding="utf-8")).split("\n")
    furniture = parse_text("\n".join(copy), "x")[0].furniture
    assert len(furniture) == 19
    for entry in furniture:
        assert isinstance(entry, Message) and copy[entry.arguments["line"] - 1].strip() == entry.arguments["text"]


def test_a_double_spaced_chinese_draft_keeps_its_preambular_paragraphs_whole(tmp_path):
    # a full-measure line ending with "，" goes on: no paragraph split there (L.56 read 29
    # preambular paragraphs double-spaced, PP4 the second half of PP3)
    path = FIXTURES / "extractions" / "A_C.2_65_L.56-ZH.pdftotext.txt"
    copy = tmp_path / "dblzh.txt"
    copy.write_bytes(_double(path.read_text(encoding="utf-8")).replace("\n", "\r\n").encode("utf-8"))
    document, = parse_file(str(copy))
    preambular = [p for p in document.paragraphs if p.id.startswith("PP")]
    assert len(preambular) == 25 and len(document.paragraphs) == 49
    assert "联合国相关文件，包括" in preambular[2].text
    assert not preambular[3].text.startswith("包括")


@pytest.mark.parametrize("name", ["A_RES_ES-11_4-EN.pypdf.txt", "A_RES_ES-11_4-EN.pymupdf.txt"])
def test_a_double_spaced_running_head_is_no_part_of_a_paragraph_nor_the_title(name):
    text = _double((FIXTURES / "extractions" / name).read_text(encoding="utf-8"))
    document, = parse_text(text, "x")
    assert document.title == ("Territorial integrity of Ukraine: defending the principles of the Charter of the "
                              "United Nations")
    assert document.agenda_item.startswith("Agenda item 5 Letter dated 28 February 2014")
    assert not any("Territorial integrity of Ukraine:" in p.text for p in document.paragraphs)


@pytest.mark.parametrize("name", ["A_RES_ES-11_3-EN.pypdf.txt", "A_RES_ES-11_3-EN.pymupdf.txt"])
def test_a_double_spaced_running_head_is_not_run_onto_the_last_paragraph(name):
    text = _double((FIXTURES / "extractions" / name).read_text(encoding="utf-8"))
    document, = parse_text(text, "x")
    assert document.title == "Suspension of the rights of membership of the Russian Federation in the Human Rights " \
                             "Council"
    assert document.paragraphs[-2].text == "Also decides to review the matter, as appropriate;"


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32))
def test_every_generated_layout_reads_alike_double_spaced(seed):
    text, _ = make(seed)
    _same_reading(text, _double(text))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32))
def test_every_generated_layout_without_its_blank_lines_reads_alike_double_spaced(seed):
    text = _without_blank_lines(make(seed)[0].replace("\r\n", "\n"))
    _same_reading(text, _double(text))


def test_a_wrapped_footnote_after_the_last_paragraph_of_a_short_double_spaced_text_goes_on():
    # too few lines to tell a double-spaced copy by: read as given, the blank line after the
    # footnote's first line does not end it ("…第" / "一卷。" was run onto OP2)
    for text in ("A/RES/79/201\n信息和通信技术促进可持续发展\n大会，\n回顾其2005年9月16日关于世界首脑会议成果的第60/1号决议，\n"
                 "关切地注意到小岛屿发展中国家的处境及其脆弱性，1\n1. 注意到秘书长的报告；\n"
                 "2. 鼓励各区域委员会继续与联合国开发计划署密切合作开展工作；2\n1 见第60/1号决议。\n"
                 "2 《大会正式记录，第七十九届会议，补编第49号》(A/79/49)，第\n一卷。\n",
                 "A/RES/79/201\nInformation and communications technologies\nThe General Assembly,\nRecalling its resolution "
                 "60/1,\nNoting with concern the situation,1\n1. Takes note of the report;\n2. Decides to remain seized of "
                 "the matter;2\n1 See resolution 60/1.\n2 Official Records of the General Assembly, Seventy-ninth Session, "
                 "Supplement No. 49\n(A/79/49), vol. I.\n"):
        assert single_spaced(_double(text).split("\n"))[1] is None
        _same_reading(text, _double(text))
        assert parse_text(_double(text), "x")[0].footnotes[1].text.endswith(("第一卷。", "No. 49 (A/79/49), vol. I."))


def test_a_short_double_spaced_chinese_text_goes_on_after_a_full_line_ending_with_a_comma_and_says_so():
    # too short to be read as a double-spaced copy: read as given, a line that opens no
    # paragraph after a full line ending with "，" goes on with it, named in a warning (PP3 of
    # L.56, "…联合国相关文件，" / "包括联合国教育…", was split in two, silently)
    lines = (FIXTURES / "extractions" / "A_C.2_65_L.56-ZH.pdftotext.txt").read_text(encoding="utf-8").split("\n")
    text = "\n".join(["大会，", *lines[18:21], "1. 决定继续审议该问题。"]) + "\n"
    assert single_spaced(_double(text).split("\n"))[1] is None
    document, = parse_text(_double(text), "x")
    assert [(p.id, p.text) for p in document.paragraphs] == [(p.id, p.text) for p in parse_text(text, "x")[0].paragraphs]
    assert [p.id for p in document.paragraphs] == ["PP1", "OP1"]
    assert [w for w in document.warnings if "part of the paragraph above" in w] == [
        f"document: line 5: “{lines[19].strip()}” is read as part of the paragraph above: the line before it is a full "
        "line ending with “、”, and in a text with a blank line after every line the blank line between them sets "
        "nothing apart; if it opens a paragraph of its own, this paragraph is misread",
        f"document: line 7: “{lines[20].strip()}” is read as part of the paragraph above: the line before it is a full "
        "line ending with “，”, and in a text with a blank line after every line the blank line between them sets "
        "nothing apart; if it opens a paragraph of its own, this paragraph is misread"]
    # one paragraph a line with a blank line after each: its blank lines set paragraphs apart
    typed = "大会，\n\n回顾其第 60/1 号决议，\n\n包括其各项后续决议，\n\n1. 决定继续审议该问题。\n"
    assert [p.id for p in parse_text(typed, "x")[0].paragraphs] == ["PP1", "PP2", "OP1"]
    assert parse_text(typed, "x")[0].warnings == ()


def test_a_double_spaced_markdown_footnote_keeps_its_indented_line():
    text = (FIXTURES / "layouts" / "footnote_then_page_text.md").read_text(encoding="utf-8")
    _same_reading(text, _double(text))
    assert parse_text(_double(text), "x")[0].footnotes[0].text == "See resolution 60/1, para. 3."


def test_a_text_set_apart_by_blank_lines_is_read_as_given():
    # one paragraph a line with a blank line after each (a web page, a typed text), three before
    # a heading: its blank lines set its paragraphs apart and stay
    given = [*sorted(CORPUS.glob("*/*.txt")), *sorted(CORPUS.glob("*/*.md")), *sorted(FIXTURES.glob("*/*.txt")), *sorted(FIXTURES.glob("*/*/*.txt")),
             *sorted(FIXTURES.glob("*/*.md")), SAMPLE, *sorted((ROOT / "tests" / "cases").glob("*/*.txt"))]
    assert len(given) > 150
    taken = [p.name for p in given if single_spaced(decode(p.read_bytes(), p.name).split("\n"))[1]]
    assert taken == []
    typed = ["The General Assembly,", "", "Recalling its resolution 60/1,", "", "", "",
             "Annex", "", "Declaration", "", "1. Decides to act;", ""] * 3
    assert single_spaced(typed)[1] is None
