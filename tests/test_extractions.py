"""Every extraction of a PDF reads the same: the text that pypdf, PyMuPDF, pdfplumber and
poppler's pdftotext (default and -layout) make of each corpus PDF parses to the paragraphs,
sub-paragraphs, footnotes and symbol that resdiff reads from the PDF itself.

The Chinese PDFs are the sample's two drafts typeset in the UN layout by make_zh_pdf.py (no
Chinese PDF of a resolution is in the corpus). The extractions are committed (tests/fixtures/extractions/make.py made them; its docstring says
how), so the tests need none of those tools. They cover the layouts that broke the first
release: operative numbers and labels alone on their line, paragraphs hard-wrapped with no
blank line or indentation between them, footnote marks and bodies in separate columns, page
furniture between the marks and the bodies, symbols cited in the header's agenda line.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resdiff.parse import parse_file

from conftest import CORPUS, FIXTURES

EXTRACTIONS = FIXTURES / "extractions"
PDFS = sorted((CORPUS / "pdf").glob("*.pdf")) + sorted(EXTRACTIONS.glob("*.pdf"))
TOOLS = ("pypdf", "pymupdf", "pdfplumber", "pdftotext", "pdftotext-layout")


def _reading(path: Path):
    document = parse_file(str(path))[-1]
    squeeze = lambda text: re.sub(r"\s+", "", text)  # noqa: E731  white space aside
    return {
        "symbol": document.symbol,
        "paragraphs": [(p.id, p.kind.value, squeeze(p.text), p.footnotes) for p in document.paragraphs],
        "items": [(p.id, i.label, i.parent, squeeze(i.text), i.footnotes) for p in document.paragraphs for i in p.items],
        "footnotes": [(f.mark, squeeze(f.text)) for f in document.footnotes],
    }


@pytest.mark.parametrize("draft", ["A/C.2/65/L.22", "A/C.2/65/L.56"])
def test_chinese_pdf_reads_like_the_text_it_was_typeset_from(sample_documents, draft):
    # make_zh_pdf.py typeset the sample's drafts in the UN layout: footnotes under a drawn rule
    # (no "____" line of text), marks side by side, a running header, a job number below.
    pdf = EXTRACTIONS / (draft.replace("/", "_") + "-ZH.pdf")
    text = next(d for d in sample_documents if d.symbol == draft)
    document = parse_file(str(pdf))[0]
    assert (document.symbol, document.title, document.date, document.language) == \
        (text.symbol, text.title, text.date, "zh")
    squeeze = lambda t: re.sub(r"\s+", "", t)  # noqa: E731
    assert [(p.id, squeeze(p.body), p.all_footnotes()) for p in document.paragraphs] == \
        [(p.id, squeeze(p.body), p.all_footnotes()) for p in text.paragraphs]
    assert [(f.mark, squeeze(f.text)) for f in document.footnotes] == \
        [(f.mark, squeeze(f.text)) for f in text.footnotes]
    assert document.warnings == ()


@pytest.mark.parametrize("draft, date", [("A_C.2_65_L.22", "2010 年 11 月 4 日"), ("A_C.2_65_L.56", "2010 年 11 月 24 日")])
def test_the_agenda_item_of_a_chinese_pdf_masthead_read_as_one_line(draft, date):
    # The PDF's masthead lines sit closer than a paragraph break: read as one line, "…第六十五届会议"
    # and "议程项目 17" with no space between. Before, the agenda item went to the furniture with
    # the rest, and the PDF against its own extraction showed "Only in …: {+议程项目 17+}".
    from resdiff.compare import compare

    pdf = parse_file(str(EXTRACTIONS / f"{draft}-ZH.pdf"))[0]
    assert pdf.agenda_item == "议程项目 17"
    assert [str(line) for line in pdf.furniture[:2]] == [
        f"page 1, line 1: {draft.replace('_', '/')}联合国 {draft.replace('_', '/')}",
        f"page 1, line 3: 大会Distr.: Limited {date}第六十五届会议"]
    text = parse_file(str(EXTRACTIONS / f"{draft}-ZH.pdftotext.txt"))[0]
    assert text.agenda_item == "议程项目 17"
    assert [(h.part, h.kind.value) for h in compare(pdf, text).header] == [("agenda item", "unchanged"), ("chapeau", "unchanged")]


@pytest.mark.parametrize("masthead, agenda, left", [
    ("大会Distr.: Limited 2010 年 11 月 24 日第六十五届会议议程项目 17", "议程项目 17",
     "大会Distr.: Limited 2010 年 11 月 24 日第六十五届会议"),
    ("大會Distr.: Limited 2010 年 11 月 24 日第六十五屆會議議程項目 17", "議程項目 17",
     "大會Distr.: Limited 2010 年 11 月 24 日第六十五屆會議"),
    ("General Assembly Distr.: Limited 24 November 2010 Sixty-fifth session Agenda item 17", "Agenda item 17",
     "General Assembly Distr.: Limited 24 November 2010 Sixty-fifth session"),
], ids=["zh", "zh-hant", "en"])
def test_an_agenda_item_run_onto_the_masthead_line_is_read(masthead, agenda, left):
    from resdiff.parse import parse_text

    chinese = not masthead.startswith("General")
    body = ("信息和通信技术促进发展\n\n大会，\n\n回顾其决议，\n\n1. 决定继续审议该问题。\n" if chinese else
            "Information technologies\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n"
            "1. Decides to remain seized of the matter.\n")
    document = parse_text(f"United Nations A/C.2/65/L.56\n\n{masthead}\n\n{body}")[0]
    assert (document.agenda_item, document.date) == (agenda, "2010-11-24")
    assert [str(line) for line in document.furniture] == ["line 1: United Nations A/C.2/65/L.56", f"line 3: {left}"]
    assert document.warnings == ()


def test_every_pdf_has_all_its_extractions():
    names = {p.name for p in EXTRACTIONS.glob("*.txt")}
    assert names == {f"{pdf.stem}.{tool}.txt" for pdf in PDFS for tool in TOOLS}


@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_extraction_reads_like_the_pdf(pdf, tool):
    expected = _reading(pdf)
    assert _reading(EXTRACTIONS / f"{pdf.stem}.{tool}.txt") == expected


@pytest.mark.parametrize("tool", TOOLS)
def test_no_paragraph_of_an_extraction_is_a_run_of_several(tool):
    # The first release read the operative part of pdftotext's output as one paragraph.
    for pdf in PDFS:
        document = parse_file(str(EXTRACTIONS / f"{pdf.stem}.{tool}.txt"))[-1]
        assert max(len(p.body) for p in document.paragraphs) < 2000, pdf.stem
        numbers = [p.number for p in document.paragraphs if p.number is not None]
        assert numbers == list(range(1, len(numbers) + 1)), pdf.stem


def test_the_extractions_pin_the_counts_read_from_the_pdfs():
    counts = {}
    for pdf in PDFS:
        document = parse_file(str(pdf))[-1]
        pp, op = document.counts()
        counts[pdf.stem] = (pp, op, sum(len(p.items) for p in document.paragraphs), len(document.footnotes))
    assert counts == {
        "A_RES_68_262-EN": (7, 6, 0, 2),
        "A_RES_ES-11_1-EN": (18, 16, 0, 3),
        "A_RES_ES-11_2-EN": (19, 14, 0, 2),
        "A_RES_ES-11_3-EN": (4, 3, 0, 0),
        "A_RES_ES-11_4-EN": (7, 8, 0, 0),
        "A_C.2_65_L.22-ZH": (25, 26, 3, 0),
        "A_C.2_65_L.56-ZH": (25, 24, 0, 11),
    }


# Raw PyMuPDF text of adopted resolutions as another project keeps it (numbers alone on their
# line, footnote areas mid-text and after the adoption line), beside the Markdown made from the
# same PDFs (tests/fixtures/corpus/en): both must read alike.
PYMUPDF = sorted((CORPUS / "en-pymupdf").glob("*.txt"))


@pytest.mark.parametrize("text", PYMUPDF, ids=lambda p: p.stem)
def test_raw_pymupdf_text_reads_like_the_markdown_of_the_same_pdf(text):
    raw = _reading(text)
    markdown = _reading(CORPUS / "en" / f"{text.stem}.md")
    assert raw["symbol"] == markdown["symbol"]
    assert raw["paragraphs"] == markdown["paragraphs"]
    assert raw["items"] == markdown["items"]
    # (A/RES/80/10's Markdown splits footnote 10 at its wrapped year, "[^1994]: (United Nations
    # publication …": read into footnote 10, as the raw text keeps it whole)
    assert raw["footnotes"] == markdown["footnotes"]


def test_raw_pymupdf_texts_pin_their_counts():
    counts = {}
    for text in PYMUPDF:
        document = parse_file(str(text))[-1]
        counts[text.stem] = (*document.counts(), len(document.footnotes), document.warnings)
    # footnotes whose marks the texts lack (the Markdown copies lack them too): said
    assert counts == {
        "A_RES_80_10": (11, 3, 13, ("A/RES/80/10: footnotes 8, 9 are cited by no paragraph: their marks may be "
                                    "missing or misread",)),
        "A_RES_80_7": (4, 5, 3, ("A/RES/80/7: footnote 3 is cited by no paragraph: its mark may be missing or "
                                 "misread",))}


@pytest.mark.parametrize("source", ["pdf"] + [f"{tool}.txt" for tool in TOOLS])
@pytest.mark.parametrize("draft", ["A/C.2/65/L.22", "A/C.2/65/L.56"])
def test_chinese_pdf_readings_compare_unchanged_with_the_text(sample_documents, draft, source):
    # Chinese lines break anywhere, inside numbers too ("… 12 月 1" / "9 日"): joined with a
    # space, "19" read "1 9" and a comparison with the text showed a change that is not there.
    from resdiff.compare import compare

    text = next(d for d in sample_documents if d.symbol == draft)
    reading = parse_file(str(EXTRACTIONS / f"{draft.replace('/', '_')}-ZH.{source}"))[0]
    comparison = compare(text, reading)
    assert [(c.old, c.new) for c in comparison.changes if c.kind.value != "unchanged" or c.moved] == []
    assert not re.search(r"\d \d", " ".join(p.body for p in reading.paragraphs))
