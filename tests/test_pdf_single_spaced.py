"""A single-spaced text saved as PDF (LibreOffice's "Export as PDF" of a draft typed one paragraph
a line, no space between paragraphs) reads as its text does: a line that ends well short of the
measure ends its paragraph. The PDFs were made with ``soffice --headless --convert-to pdf`` from
the .txt beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdiff.parse import parse_file
from resdiff.parse.pdf import pdf_text

HERE = Path(__file__).parent / "fixtures" / "single-spaced"


def test_masthead_title_chapeau_and_paragraphs_each_a_paragraph():
    assert pdf_text((HERE / "single_spaced_masthead.en.pdf").read_bytes()) == (
        "United Nations A/C.3/80/L.15\n\nGeneral Assembly Distr.: Limited\n\n20 October 2025\n\nThird Committee\n\n"
        "Agenda item 71 (b)\n\nPromotion and protection of human rights\n\nBelgium and France: draft resolution\n\n"
        "The right to food\n\nThe General Assembly,\n\nRecalling the Universal Declaration of Human Rights,\n\n"
        "1. Reaffirms that hunger is an outrage;\n\n2. Decides to continue its consideration of the question.\n")


def test_french_sub_paragraph_lines_are_not_glued():
    assert pdf_text((HERE / "single_spaced_subparagraphs.fr.pdf").read_bytes()) == (
        "L'Assemblée générale,\n\nRappelant sa résolution 60/1,\n\n1. Demande aux États :\n\na) D'agir ;\n\n"
        "b) De coopérer ;\n\n2. Décide de rester saisie de la question.\n")


def test_chinese_chapeau_and_preambular_lines_apart():
    assert pdf_text((HERE / "single_spaced.zh.pdf").read_bytes()) == (
        "大会，\n\n回顾其第60/1 号决议，\n\n又回顾《世界人权宣言》，\n\n1. 请各国：\n\n(a) 采取行动；\n\n(b) 开展合作；\n\n"
        "2. 决定继续处理此案。\n")


@pytest.mark.parametrize("name", ["single_spaced_masthead.en", "single_spaced_subparagraphs.fr"])
def test_the_pdf_reads_as_its_text(name):
    (text,) = parse_file(HERE / f"{name}.txt")
    (pdf,) = parse_file(HERE / f"{name}.pdf")
    assert (pdf.symbol, pdf.title, pdf.chapeau) == (text.symbol, text.title, text.chapeau)
    assert [(p.id, p.body) for p in pdf.paragraphs] == [(p.id, p.body) for p in text.paragraphs]
    assert pdf.warnings == text.warnings == ()


def test_a_resolution_text_saved_as_pdf_reads_all_its_paragraphs():
    # A/RES/68/262 as pdftotext gives it (tests/fixtures/corpus), saved as PDF by LibreOffice:
    # its typed footnote rule stands mid-page with the text going on below the notes, and the
    # masthead's lines, the adoption line and the title each end short of the measure.
    (text,) = parse_file(Path(__file__).parent / "fixtures" / "corpus" / "en" / "A_RES_68_262.en.txt")
    (pdf,) = parse_file(HERE / "A_RES_68_262.en.libreoffice.pdf")
    assert len(pdf.paragraphs) == 13
    assert (pdf.symbol, pdf.title, pdf.date, pdf.chapeau) == (
        "A/RES/68/262", "Territorial integrity of Ukraine", "2014-04-01", "The General Assembly ,")
    assert [(p.id, p.body) for p in pdf.paragraphs] == [(p.id, p.body) for p in text.paragraphs]
    assert [(f.mark, f.text) for f in pdf.footnotes] == [(f.mark, f.text) for f in text.footnotes] == [
        ("1", "A/49/765, annex I."), ("2", "A/52/174, annex I.")]


def test_a_heading_atop_a_page_is_not_run_into_the_paragraph_ending_short_before_the_break():
    # Word draft (python-docx, a page break after paragraph 3) saved as PDF by LibreOffice
    assert pdf_text((HERE / "heading_after_page_break.pdf").read_bytes()).split("\n\n")[-3:] == [
        "3. The Committee considered the item at its 10th meeting and took note of the report before it.",
        "III. Recommendation", "4. The Committee recommends the adoption of the draft resolution.\n"]
