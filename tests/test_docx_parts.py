"""A resolution in parts, written to Word and copied from the HTML report, reads as printed:
part A's label, its title, the chapeau, then its paragraphs; each later part's label and title
on lines of their own. Read back, the Word file is the same one document."""

from __future__ import annotations

from pathlib import Path

from helpers import TWO_PARTS
from test_tracked_changes import _document_xml, _resolve
from typer.testing import CliRunner

from resdiff.cli import app
from resdiff.compare import compare
from resdiff.parse import parse_file
from resdiff.render.html import clean_text

OLD = TWO_PARTS
NEW = (OLD.replace("Information in the service", "Information at the service")
       .replace("public information policies", "public information policy")
       .replace("2. Requests a report.", "2. Requests a written report."))
PRINTED_NEW = [
    "A/RES/78/999", "Questions relating to information", "A", "Information at the service of humanity",
    "The General Assembly,", "Taking note of the report of the Committee,", "1. Urges all countries to cooperate;",
    "2. Requests a written report.", "B", "United Nations public information policy and activities",
    "The General Assembly,", "Emphasizing the role of the Department of Global Communications,",
    "1. Reaffirms the central role of the Committee on Information;",
    "2. Requests the Department to continue its work.",
]


def _files(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def test_word_file_of_a_resolution_in_parts_reads_back_as_one_document(tmp_path):
    old, _ = _files(tmp_path)
    out = tmp_path / "same.docx"
    assert CliRunner().invoke(app, ["diff", str(old), str(old), "-o", str(out)]).exit_code == 0
    result = CliRunner().invoke(app, ["diff", str(old), str(out), "--stat"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:3] == [
        "A/RES/78/999 → A/RES/78/999", "Questions relating to information",
        "9 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered"]
    (text,) = parse_file(str(old))
    (read,) = parse_file(str(out))
    assert (read.title, read.chapeau, read.paragraphs) == (text.title, text.chapeau, text.paragraphs)


def test_accepting_all_gives_the_new_text_in_its_printed_order(tmp_path):
    old, new = _files(tmp_path)
    (a,), (b,) = parse_file(str(old)), parse_file(str(new))
    out = tmp_path / "changes.docx"
    assert CliRunner().invoke(app, ["diff", str(old), str(new), "-o", str(out)]).exit_code == 0
    xml = _document_xml(out.read_bytes())
    assert _resolve(xml, accept=True) == PRINTED_NEW
    assert _resolve(xml, accept=False) == [line.replace("at the service", "in the service")
                                           .replace("policy and", "policies and")
                                           .replace("a written report", "a report") for line in PRINTED_NEW]
    # accepted and read back: the new text, paragraph for paragraph
    accepted = tmp_path / "accepted.txt"
    accepted.write_text("\n\n".join(_resolve(xml, accept=True)) + "\n", encoding="utf-8")
    (read,) = parse_file(str(accepted))
    assert (read.title, read.chapeau, read.paragraphs) == (b.title, b.chapeau, b.paragraphs)
    assert compare(a, b).changes  # (the versions differ)


def test_copied_text_of_the_html_report_is_in_printed_order(tmp_path):
    _, new = _files(tmp_path)
    (b,) = parse_file(str(new))
    assert clean_text(b).splitlines() == PRINTED_NEW[1:]
