"""Precedent search over texts stored in several languages: revisions named as log and diff
count them, and the HTML report of a right-to-left draft laid out as the diff report is."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from resdiff.cli import app

FRENCH = ("Nations Unies A/C.3/80/L.15\nAssemblée générale Distr. limitée\n20 octobre 2025\nTroisième Commission\n"
          "Point 71 b) de l'ordre du jour\nPromotion et protection des droits humains\n"
          "Belgique, France et Luxembourg : projet de résolution\nDroit à l'alimentation\nL'Assemblée générale,\n"
          "Rappelant sa résolution 79/166,\n1. Réaffirme que la faim est un outrage ;\n"
          "2. Décide de poursuivre l'examen de la question.\n")
ARABIC = ("إن الجمعية العامة،\nإذ تشير إلى قرارها 79/166،\n1 - تؤكد من جديد أن الجوع انتهاك للكرامة الإنسانية؛\n"
          "2 - تقرر مواصلة النظر في هذه المسألة.\n")


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def store(tmp_path):
    """A/C.3/80/L.15 in French, then in Arabic: each its revision 1, as log says."""
    path = str(tmp_path / "store.db")
    french, arabic = tmp_path / "fr.txt", tmp_path / "ar15.txt"
    french.write_text(FRENCH, encoding="utf-8")
    arabic.write_text("United Nations A/C.3/80/L.15\n" + ARABIC, encoding="utf-8")
    assert run("add", str(french), str(arabic), "--store", path).exit_code == 0
    return path


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "ar20.txt"
    path.write_text("United Nations A/C.3/81/L.20\n" + ARABIC, encoding="utf-8")
    return path


def test_a_text_in_a_second_language_is_named_by_its_revision_in_that_language(store, draft):
    log = json.loads(run("log", "--format", "json", "--store", store).output)
    assert [(v["language"], v["revision"]) for v in log["versions"]] == [("fr", 1), ("ar", 1)]
    text = run("precedent", str(draft), "--store", store)
    assert text.output.splitlines()[1:4] == ["PP1  identical to A/C.3/80/L.15 PP1",
                                             "OP1  identical to A/C.3/80/L.15 OP1",
                                             "OP2  identical to A/C.3/80/L.15 OP2"]
    data = json.loads(run("precedent", str(draft), "--store", store, "--format", "json").output)
    assert {(q["symbol"], q["revision"], q["language"]) for p in data["paragraphs"] for q in p["precedents"]} == \
        {("A/C.3/80/L.15", 1, "ar")}
    # the revision named is the one diff finds
    assert run("diff", "L.15@1", str(draft), "--lang", "ar", "--store", store, "--offline").exit_code == 0


def test_html_of_an_arabic_draft_is_right_to_left_in_a_page_of_the_interface_language(store, draft, tmp_path):
    page = run("precedent", str(draft), "--store", store, "--format", "html").output
    assert page.count('<html lang="en">') == 1
    assert page.count('<p class="text" lang="ar" dir="rtl">') == 3 == page.count('<p class="text"')
    assert '<p class="text" lang="ar" dir="rtl">إذ تشير إلى قرارها 79/166،</p>' in page
    assert "<h1>Precedents of A/C.3/81/L.20</h1>" in page
    # -o as for diff and check: the same page, the format from the file's ending
    target = tmp_path / "pr.html"
    written = run("precedent", str(draft), "--store", store, "-o", str(target))
    assert (written.exit_code, written.output) == (0, "")
    assert target.read_text(encoding="utf-8") == page
    as_json = tmp_path / "pr.json"
    run("precedent", str(draft), "--store", store, "--output", str(as_json))
    assert json.loads(as_json.read_text(encoding="utf-8"))["schema"] == "resdiff.precedent/1"
    refused = run("precedent", str(draft), "--store", store, "-o", str(draft))
    assert refused.exit_code != 0 and draft.read_text(encoding="utf-8").startswith("United Nations A/C.3/81/L.20")


def test_html_in_the_chinese_interface_says_so_and_keeps_each_text_in_its_language(store, draft):
    page = run("--ui-lang", "zh", "precedent", str(draft), "--store", store, "--format", "html").output
    assert '<html lang="zh">' in page and page.count('lang="ar" dir="rtl"') == 3


def test_html_of_a_left_to_right_draft_marks_no_direction(store, tmp_path):
    french = tmp_path / "fr2.txt"
    french.write_text(FRENCH.replace("A/C.3/80/L.15", "A/C.3/81/L.9").replace("outrage", "grave outrage"),
                      encoding="utf-8")
    page = run("precedent", str(french), "--store", store, "--format", "html").output
    assert "dir=" not in page and page.count('<p class="text" lang="fr">') == 3
    assert "<del>" not in page and "<ins>grave </ins>" in page
