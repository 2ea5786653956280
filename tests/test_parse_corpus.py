"""Real UN texts from the corpus: paragraph counts a careful reader confirms, and no furniture.

The counts were taken by reading each text: preambular paragraphs from the chapeau to the first
numbered paragraph (a paragraph broken by a page or a running header counts once), operative
paragraphs by their printed numbers.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from conftest import CORPUS, ROOT
from resdiff.model import ParagraphKind
from resdiff.parse import parse_file, parse_text
from resdiff.render.json import render_parse

EN = CORPUS / "en"
OMNIBUS = ROOT / "tests" / "fixtures" / "omnibus" / "A_RES_79_144.en.txt"
ZH = CORPUS / "zh"
SCHEMA = json.loads((ROOT / "resdiff" / "schemas" / "parse.schema.json").read_text(encoding="utf-8"))

# file: (symbol, preambular, operative, footnote bodies)
COUNTS = {
    "A_C.3_78_L.41.en.txt": ("A/C.3/78/L.41", 3, 35, 13),
    "A_RES_68_262.en.txt": ("A/RES/68/262", 7, 6, 2),
    "A_RES_ES-11_1.en.txt": ("A/RES/ES-11/1", 18, 16, 3),
    "A_RES_ES-11_2.en.txt": ("A/RES/ES-11/2", 19, 14, 2),
    "A_RES_ES-11_3.en.txt": ("A/RES/ES-11/3", 4, 3, 0),
    "A_RES_ES-11_4.en.txt": ("A/RES/ES-11/4", 7, 8, 0),
    "UN_01-66657_draft_right_to_development_56th_C3.en.txt": (None, 14, 25, 0),
    "A_RES_80_4.md": ("A/RES/80/4", 8, 5, 1),
    "A_RES_80_6.md": ("A/RES/80/6", 14, 32, 10),  # (footnote 9 wraps to "2013 (S/INF/68).")
    "A_RES_80_12.md": ("A/RES/80/12", 14, 10, 5),
    "A_RES_80_13.md": ("A/RES/80/13", 8, 5, 3),
    "A_RES_80_15.md": ("A/RES/80/15", 15, 6, 10),
    "A_RES_80_17.md": ("A/RES/80/17", 12, 12, 4),
    "A_RES_80_19.md": ("A/RES/80/19", 24, 9, 6),
    "A_RES_80_21.md": ("A/RES/80/21", 13, 11, 8),
    "A_RES_80_22.md": ("A/RES/80/22", 12, 7, 4),
    "A_RES_80_23.md": ("A/RES/80/23", 9, 4, 1),
    "A_RES_80_24.md": ("A/RES/80/24", 35, 23, 20),
    "A_RES_80_27.md": ("A/RES/80/27", 9, 6, 2),
    "A_RES_80_28.md": ("A/RES/80/28", 10, 12, 9),
    "A_RES_80_29.md": ("A/RES/80/29", 9, 4, 0),
}

# Page furniture that must never reach a paragraph: job numbers, running symbols, page numbers
# beside a job number, barcodes.
FURNITURE = re.compile(r"\b\d{2}-\d{5}\b|A/RES/\d|A/C\.\d/\d+/L|\*\d{7}\*|\b\d{1,2}/\d{1,2} \d{2}-|Please recycle")


def texts(document):
    for paragraph in document.paragraphs:
        yield paragraph.id, paragraph.text
        for item in paragraph.items:
            yield f"{paragraph.id}({item.label})", item.text


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_counts(name):
    symbol, pp, op, notes = COUNTS[name]
    documents = parse_file(str(EN / name))
    assert len(documents) == 1
    document = documents[0]
    assert (document.symbol, *document.counts(), len(document.footnotes)) == (symbol, pp, op, notes)
    numbers = [p.number for p in document.paragraphs if p.number is not None]
    assert numbers == list(range(1, op + 1))


@pytest.mark.parametrize("path", sorted(EN.iterdir()), ids=lambda p: p.name)
def test_every_english_text_parses_without_furniture(path):
    documents = parse_file(str(path))
    assert len(documents) == 1
    jsonschema.validate(json.loads(render_parse(documents, str(path))), SCHEMA)
    for pid, text in texts(documents[0]):
        assert not FURNITURE.search(text), (pid, text)
        assert text == text.strip() and "  " not in text, (pid, text)


@pytest.mark.parametrize("path", sorted(EN.iterdir()), ids=lambda p: p.name)
def test_footnote_bodies_are_not_paragraph_text(path):
    document = parse_file(str(path))[0]
    bodies = [f.text for f in document.footnotes if len(f.text) > 25]
    for pid, text in texts(document):
        for body in bodies:
            assert body not in text, (pid, body)


def test_the_omnibus_oceans_resolution():
    """A/RES/79/144, 59 pages: its own numbering is the count (the last operative paragraph is 381)."""
    documents = parse_file(str(OMNIBUS))
    assert len(documents) == 1
    document = documents[0]
    assert (document.symbol, document.title, document.date) == (
        "A/RES/79/144", "Oceans and the law of the sea", "2024-12-16")
    assert (*document.counts(), len(document.footnotes)) == (38, 381, 170)
    assert [p.number for p in document.paragraphs if p.kind is ParagraphKind.OPERATIVE] == list(range(1, 382))
    assert [f.mark for f in document.footnotes] == [str(i) for i in range(1, 171)]
    assert document.paragraph("PP1").text.startswith("Reaffirming its annual resolutions on the law of the sea")
    assert document.paragraph("PP38").text.startswith("Reaffirming also the importance of the work of the International Tribunal")
    assert document.paragraph("OP381").text == (
        "Decides to include in the provisional agenda of its eightieth session the item entitled "
        "\u201cOceans and the law of the sea\u201d.")
    headings = [p for p in document.paragraphs if p.kind is ParagraphKind.HEADING]
    sections = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI".split()
    assert [h.text.split(" ", 1)[0] for h in headings[:16]] == sections
    assert [h.id for h in headings] == [f"H{i}" for i in range(1, 17)] + ["Annex H1", "Annex H2", "Annex H3"]
    assert headings[1].text == "II Capacity-building"
    # Each section heading stands before the first paragraph of its section.
    ids = [p.id for p in document.paragraphs]
    assert ids[ids.index("H1") - 1: ids.index("H1") + 2] == ["PP38", "H1", "OP1"]
    assert ids[ids.index("H16") - 1: ids.index("H16") + 2] == ["OP376", "H16", "OP377"]
    # Footnote lines that wrap onto a line opening with a date are read as the same footnote:
    # "…, South Africa," / "26 August–4 September 2002 …" is footnote 15, not a second 26.
    notes = {f.mark: f.text for f in document.footnotes}
    assert notes["15"].endswith("Johannesburg, South Africa, 26 August\u20134 September 2002 (United Nations "
                                "publication, Sales No. E.03.II.A.1 and corrigendum), chap. I, resolution 2, annex.")
    assert notes["26"].startswith("See the terms of reference, guidelines and rules of the voluntary trust fund")
    assert notes["31"] == "Resolution 52/251, annex."
    assert notes["66"].endswith("1 August 2015\u2013 31 December 2016 (S/INF/71).")
    # marks the extraction printed apart from their word ("rules of procedure 27 and") are read as
    # text: their footnotes are cited by no paragraph, and said so
    assert document.warnings == (
        "A/RES/79/144: footnotes 24, 27, 40, 56, 57, 104, 107, 109, 111, 114, 118, 128, 129, 130, 131, 137, 140, "
        "142, 147, 148, 149, 155, 166, 168, 169 are cited by no paragraph: their marks may be missing or misread",)
    annex = [p for p in document.paragraphs if p.kind is ParagraphKind.ANNEX]
    assert [p.id for p in annex] == ["Annex ¶1", "Annex 8"] and annex[0].text == "Amend paragraph 8 to read:"
    jsonschema.validate(json.loads(render_parse(documents, str(OMNIBUS))), SCHEMA)
    bodies = [f.text for f in document.footnotes if len(f.text) > 25]
    for pid, text in texts(document):
        assert not FURNITURE.search(text), (pid, text)
        assert text == text.strip() and "  " not in text, (pid, text)
        for body in bodies:
            assert body not in text, (pid, body)


WRAPPED_NOTES = """United Nations A/RES/99/1
General Assembly Distr.: General
1 January 2030

Resolution adopted by the General Assembly on 1 January 2030

99/1. A test

The General Assembly,

Recalling the World Summit,1 its report2 and resolution 1/1,3

1. Decides to act;4
_______________

1 See Report of the World Summit, Johannesburg, South Africa,
26 August\u20134 September 2002, annex.

2 A/1/1, covering 1 August 2015\u2013
31 December 2016.

3 Resolution 1/1, annex

4 See A/2/2.
"""


def test_a_footnote_line_wrapping_onto_a_date_stays_that_footnote():
    document = parse_text(WRAPPED_NOTES, "test.txt")[0]
    assert [(f.mark, f.text) for f in document.footnotes] == [
        ("1", "See Report of the World Summit, Johannesburg, South Africa, 26 August\u20134 September 2002, annex."),
        ("2", "A/1/1, covering 1 August 2015\u2013 31 December 2016."),
        ("3", "Resolution 1/1, annex"),
        ("4", "See A/2/2."),
    ]
    assert document.warnings == ()


def test_inline_footnote_numbers_become_marks():
    l41 = parse_file(str(EN / "A_C.3_78_L.41.en.txt"))[0]
    assert l41.paragraph("PP1").text == (
        "Guided by the Charter of the United Nations, as well as the Universal Declaration of Human "
        "Rights, the International Covenants on Human Rights and other international human rights instruments,")
    assert l41.paragraph("PP1").footnotes == ("1", "2")
    assert l41.paragraph("PP3").footnotes == ("3", "4")
    # "resolution 77/2285": resolution 77/228 and footnote 5.
    assert "pursuant to resolution 77/228 and the report" in l41.paragraph("OP1").text
    assert l41.paragraph("OP1").footnotes == ("5", "6")
    assert "approximately 4.5 million Afghan refugees" in l41.paragraph("OP2").text
    assert [(i.label, i.footnotes) for i in l41.paragraph("OP30").items] == [
        ("a", ()), ("b", ()), ("c", ()), ("d", ("11", "12")), ("e", ()), ("f", ()), ("g", ("13",))]
    used = sorted({m for p in l41.paragraphs for m in p.all_footnotes()}, key=int)
    assert used == [f.mark for f in l41.footnotes] == [str(i) for i in range(1, 14)]

    es = parse_file(str(EN / "A_RES_ES-11_1.en.txt"))[0]
    assert "the Geneva Conventions of 1949 and Additional Protocol I thereto of 1977, as applicable" in \
        es.paragraph("OP11").text
    assert es.paragraph("OP11").footnotes == ("2", "3")
    # the official text sets a narrow no-break space after "Deplores": read as printed
    assert es.paragraph("OP5").text.startswith("Deplores\u202fthe 21 February 2022 decision")

    md = parse_file(str(EN / "A_RES_80_15.md"))[0]
    assert "Tlatelolco, Rarotonga, Bangkok and Pelindaba and the Treaty" in md.paragraph("PP8").text
    assert md.paragraph("PP8").footnotes == ("3", "4", "5", "6", "7")


def test_running_headers_and_page_breaks():
    es4 = parse_file(str(EN / "A_RES_ES-11_4.en.txt"))[0]
    assert es4.title == "Territorial integrity of Ukraine: defending the principles of the Charter of the United Nations"
    assert es4.paragraph("PP4").text.endswith("independence and territorial integrity of Ukraine,")
    assert es4.paragraph("PP5").text.startswith("Noting also that the decisions of 21 February")
    es1 = parse_file(str(EN / "A_RES_ES-11_1.en.txt"))[0]
    assert es1.paragraph("PP18").text.endswith("and encouraging continued dialogue,")
    md = parse_file(str(EN / "A_RES_80_27.md"))[0]
    assert md.paragraph("PP5").text.startswith("Recalling the guidelines and recommendations")


def test_chinese_operative_paragraphs_with_raw_footnote_numbers():
    document = parse_file(str(ZH / "A_RES_61_211.ops1-19.zh.txt"))[0]
    assert document.symbol == "A/RES/61/211"
    assert document.language == "zh"
    assert [p.id for p in document.paragraphs] == [f"OP{i}" for i in range(1, 20)]
    assert document.paragraph("OP1").text == "注意到秘书长的报告；"
    assert document.paragraph("OP1").footnotes == ("6",)
    op2 = document.paragraph("OP2")
    assert "行动纲领》执行情况全球综合中期审查" in op2.text
    assert "科托努战略》，这是一项由最不发达国家掌控和主导的倡议；" in op2.text
    assert op2.footnotes == ("2", "7")
    assert document.paragraph("OP3").footnotes == ("8",)
    assert "2001-2010" in document.paragraph("OP4").text
    english = parse_file(str(ZH / "A_RES_61_211.ops1-19.en.txt"))[0]
    assert [p.id for p in english.paragraphs] == [p.id for p in document.paragraphs]


@pytest.mark.parametrize("name, counts", [
    ("A_RES_68_262.zh-Hans.excerpt_start.txt", (6, 0)),  # the sixth cut short mid-sentence
    ("A_ES-11_L.1.zh-Hant.excerpt_start.txt", (8, 0)),
])
def test_chinese_excerpts_of_preambles(name, counts):
    document = parse_file(str(ZH / name))[0]
    assert document.language == "zh"
    assert document.counts() == counts
    for pid, text in texts(document):
        assert not FURNITURE.search(text), (pid, text)


def test_adopted_chinese_text_takes_its_resolution_symbol_and_wiki_marks():
    document = parse_file(str(ZH / "A_RES_68_262.zh-Hans.excerpt_start.txt"))[0]
    assert document.symbol == "A/RES/68/262"
    assert document.paragraph("PP4").footnotes == ("1", "2")
    assert "[1]" not in document.paragraph("PP4").text


def test_traditional_script_excerpt_one_paragraph_a_line():
    """ES-11/6 in Traditional script, one paragraph a line, a wiki-style mark before an opener."""
    (document,) = parse_file(str(CORPUS / "zh" / "A_RES_ES-11_6.zh-Hant.excerpt_start.txt"))
    assert document.symbol == "A/RES/ES-11/6" and document.language == "zh"
    assert document.counts() == (8, 3)
    starts = [p.text[:4] for p in document.paragraphs]
    assert starts == ["回顧《聯", "又回顧所", "重申,不", "回顧其第", "強調指出", "回顧國際", "痛惜俄羅", "深為關切",
                      "特別指出", "歡迎並表", "促請會員"]
    assert document.paragraph("PP6").footnotes == ("1",)
    assert document.paragraph("PP6").text.endswith("命令,")
