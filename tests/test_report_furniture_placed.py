"""A committee report read from PDF or Word: each line of page furniture belongs to the draft
whose text its place holds, or, outside every draft, to the report as a whole, listed once; and
what the text's reading left out is named as the file counts (page and printed line of a PDF, a
Word file's paragraph), not by the lines of the text resdiff made of it.

Before, every running head, page number and job number went to the report's first draft (a
draft quoted on pages 2 and 3 showed none, the recommended one on pages 3 and 4 none), and the
report's own lines read "line 29: …", a line of the converted text no reader can find.

The fixtures are the hand-made report (A/65/440's layout) written to Word and saved as PDF by
tests/fixtures/reports/make_word_pdf.py: the symbol as every page's header, a job number as its
footer, a page break inside the quoted draft L.30.
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.parse import parse_file

from conftest import FIXTURES

runner = CliRunner()
REPORT = FIXTURES / "reports" / "second_committee_report_made_by_hand_en"


def _page_furniture(documents) -> list[tuple[str, list[str]]]:
    """Each document's furniture that the file's reading left out (not its text's own lines)."""
    return [(d.symbol, [str(f) for f in d.furniture if ", line " not in f and not f.startswith("paragraph ")])
            for d in documents]


def test_a_pdf_reports_page_furniture_goes_to_the_draft_its_page_place_holds():
    documents = parse_file(str(REPORT) + ".pdf")
    assert _page_furniture(documents) == [
        # L.30, quoted from page 2 to page 3: page 2's foot and page 3's head stand inside it
        ("A/C.2/65/L.30", ["page 2: 10-67890", "page 3: A/65/440",
                           # the report's own pages, its account: listed once, as the report's
                           "report, page 1: A/65/440", "report, page 1: 10-67890", "report, page 2: A/65/440",
                           "report, page 3: 10-67890", "report, page 4: A/65/440"]),
        # L.61, recommended at the end of page 4
        ("A/C.2/65/L.61", ["page 4: 10-67890"])]
    assert all(d.warnings == () for d in documents)


def test_a_pdfs_own_lines_are_named_by_page_and_printed_line():
    first, second = parse_file(str(REPORT) + ".pdf")
    assert [str(f) for f in first.furniture[:5]] == [
        "page 1, line 2: United Nations A/65/440", "page 1, line 3: General Assembly Distr.: General",
        "page 1, line 4: 6 December 2010", "page 1, line 5: Original: English", "page 1, line 6: Sixty-fifth session"]
    assert str(second.furniture[0]).startswith("page 3, line 11: 4. At its 31st meeting, on 24 November")


def test_a_word_reports_headers_and_footers_are_the_whole_reports_and_its_lines_are_paragraphs():
    first, second = parse_file(str(REPORT) + ".docx")
    assert _page_furniture([first, second]) == [
        ("A/C.2/65/L.30", ["report, page header: A/65/440", "report, page footer: 10-67890"]),
        ("A/C.2/65/L.61", [])]
    assert [str(f) for f in first.furniture[:2]] == ["paragraph 1: United Nations A/65/440",
                                                     "paragraph 2: General Assembly Distr.: General"]
    assert str(second.furniture[0]).startswith("paragraph 23: 4. At its 31st meeting, on 24 November")


def test_the_count_line_counts_each_drafts_lines_and_the_reports_once():
    # (the PDF: "III. Recommendation of the Second Committee" atop page 4 is a line of its own, not run
    # into the report's paragraph 8 above it)
    for suffix, line in ((".pdf", "Left out as page furniture: 16 lines of L.30, 8 lines of L.61, 5 lines of the "
                                  "report as a whole (--show-furniture lists them)"),
                         (".docx", "Left out as page furniture: 14 lines of L.30, 7 lines of L.61, 2 lines of the "
                                   "report as a whole (--show-furniture lists them)")):
        result = runner.invoke(app, ["diff", str(REPORT) + suffix, "--stat"])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[3] == line


def test_json_html_and_the_store_list_the_same_lines(tmp_path):
    pdf = str(REPORT) + ".pdf"
    data = json.loads(runner.invoke(app, ["diff", pdf, "--format", "json"]).stdout)
    first, second = parse_file(pdf)
    assert data["old"]["furniture"] == [str(f) for f in first.furniture]
    assert data["new"]["furniture"] == [str(f) for f in second.furniture] == [
        "page 3, line 11: " + second.furniture[0].split(": ", 1)[1], *[str(f) for f in second.furniture[1:]]]
    page = runner.invoke(app, ["diff", pdf, "--format", "html"]).stdout
    assert "16 lines of L.30, 8 lines of L.61, 5 lines of the report as a whole" in page
    assert page.count("report, page 1: A/65/440") == 1
    store = tmp_path / "store.db"
    assert runner.invoke(app, ["add", pdf, "--store", str(store)]).exit_code == 0
    stored = json.loads(runner.invoke(app, ["diff", "A/C.2/65/L.30", "A/C.2/65/L.61", "--store", str(store),
                                            "--offline", "--format", "json"]).stdout)
    assert (stored["old"]["furniture"], stored["new"]["furniture"]) == (data["old"]["furniture"],
                                                                        data["new"]["furniture"])
    shown = runner.invoke(app, ["--ui-lang", "zh", "diff", "A/C.2/65/L.30", "A/C.2/65/L.61", "--store", str(store),
                                "--offline", "--show-furniture"]).stdout.splitlines()
    assert "  整份报告，第 1 页：A/65/440" in shown and "  第 4 页：10-67890" in shown
    assert any(line.startswith("  第 1 页第 2 行：United Nations") for line in shown)


def test_a_text_report_is_read_as_before():
    first, second = parse_file(str(REPORT) + ".txt")
    assert (len(first.furniture), len(second.furniture)) == (13, 7)
    assert not any(str(f).startswith("report, ") for f in (*first.furniture, *second.furniture))


def test_a_warning_that_names_a_line_of_a_word_files_text_says_where_it_is(tmp_path):
    from docx import Document

    word = Document()
    for text in ["United Nations A/RES/99/1", "Resolution adopted by the General Assembly", "99/1. Testing",
                 "The General Assembly,", "Recalling its resolution 60/1,", "1. Decides to continue;",
                 "2. Requests a report;", "5 Decides to remain seized of the matter."]:
        word.add_paragraph(text)
    path = tmp_path / "w.docx"
    word.save(path)
    assert [str(w) for w in parse_file(str(path))[0].warnings] == [
        "A/RES/99/1: line 15: “5 Decides to remain seized of the matter…” looks like operative paragraph 5 but "
        "follows OP2: read as text, not as a paragraph (a number without its full stop is read only in sequence) "
        "(line 15 of the text read from the file is paragraph 8)"]
