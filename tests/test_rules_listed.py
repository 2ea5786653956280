"""A rule printed as text ("_____", "———", "-----", "___") is no resolution's words: it is listed
with the page furniture (``--show-furniture``, the views' furniture listing) and counted as it
is, never dropped unseen and never run into a paragraph; a footnote printed under it is read as
the footnote. A Markdown footnote definition goes on only on indented lines: page text at the
margin right under it is none of it, and is listed and warned about.
"""

from __future__ import annotations

import json

import pytest

from resdiff.parse import parse_text

from helpers import run_command

RULED = ("The General Assembly,\n\nRecalling x,1\n\n1. Decides a;\n\n2. Decides b.\n{rule}\n"
         "1 See resolution 60/1.\n")


@pytest.mark.parametrize("rule", ["_____", "__________________", "———", "-----", "＿＿＿＿＿＿", "_ _ _ _ _"])
def test_a_footnote_areas_rule_is_listed_as_furniture(tmp_path, rule):
    path = tmp_path / "ruled.txt"
    path.write_text(RULED.format(rule=rule), encoding="utf-8")
    result = run_command("parse", str(path), "--show-furniture")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.split("\n")[3:] == [
        "id   kind        text          notes",
        "PP1  preambular  Recalling x,  fn 1 ",
        "OP1  operative   Decides a;         ",
        "OP2  operative   Decides b.         ",
        "  [1] See resolution 60/1.",
        "left out as page furniture: 1 line",
        f"  line 8: {rule}",
        ""]
    # counted as the other furniture is, in the JSON too
    result = run_command("parse", str(path), "--format", "json", "--show-furniture")
    (document,) = json.loads(result.stdout)["documents"]
    assert document["furniture"] == [f"line 8: {rule}"]


def test_an_em_dash_rule_was_run_into_the_paragraph_and_its_footnote_lost():
    # "———" (three em dashes, as wide as a rule of six) opens the footnote area as "______" does
    (document,) = parse_text(RULED.format(rule="———"))
    assert document.paragraph("OP2").text == "Decides b."
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See resolution 60/1.")]


LONE = "The General Assembly,\n\nRecalling x,\n\n1. Decides a;\n\n{rule}\n\n2. Decides b.\n"


@pytest.mark.parametrize("rule", ["___", "____", "———", "─────", "-----"])
def test_a_lone_rule_between_paragraphs_is_listed_never_glued_into_the_one_before(tmp_path, rule):
    path = tmp_path / "lone.txt"
    path.write_text(LONE.format(rule=rule), encoding="utf-8")
    result = run_command("parse", str(path), "--show-furniture")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.split("\n")[3:] == [
        "id   kind        text          notes",
        "PP1  preambular  Recalling x,       ",
        "OP1  operative   Decides a;         ",
        "OP2  operative   Decides b.         ",
        "left out as page furniture: 1 line",
        f"  line 7: {rule}",
        ""]
    # the same without blank lines around it
    (document,) = parse_text(LONE.format(rule=rule).replace("\n\n" + rule + "\n\n", "\n" + rule + "\n"))
    assert [(p.id, p.text) for p in document.paragraphs] == [
        ("PP1", "Recalling x,"), ("OP1", "Decides a;"), ("OP2", "Decides b.")]
    assert [str(f) for f in document.furniture] == [f"line 6: {rule}"]


def test_a_footnote_under_a_short_rule_between_paragraphs_is_still_read():
    text = "The General Assembly,\n\nRecalling x,1\n\n1. Decides a;\n___\n1 See A/1.\n\n2. Decides b.\n"
    (document,) = parse_text(text)
    assert [(p.id, p.text) for p in document.paragraphs] == [
        ("PP1", "Recalling x,"), ("OP1", "Decides a;"), ("OP2", "Decides b.")]
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See A/1.")]
    assert [str(f) for f in document.furniture] == ["line 6: ___"]


MARKDOWN = ("The General Assembly,\n\nRecalling x,[^1]\n\n1. Decides a;\n\n2. Decides b.\n\n"
            "[^1]: See resolution 60/1.\n{after}\n")
EDITED = "This page was last edited on 3 May 2020."


def test_page_text_at_the_margin_under_a_markdown_footnote_is_listed_and_warned(tmp_path):
    path = tmp_path / "page.md"
    path.write_text(MARKDOWN.format(after=EDITED), encoding="utf-8")
    result = run_command("parse", str(path), "--show-furniture")
    assert result.returncode == 0
    assert result.stdout.split("\n")[3:] == [
        "id   kind        text          notes",
        "PP1  preambular  Recalling x,  fn 1 ",
        "OP1  operative   Decides a;         ",
        "OP2  operative   Decides b.         ",
        "  [1] See resolution 60/1.",
        "left out as page furniture: 1 line",
        f"  line 10: {EDITED}",
        ""]
    assert result.stderr == (f"resdiff: warning: {path}: document: line 10: “{EDITED}” follows the last operative "
                             "paragraph, which ends the text with its full stop: read as no part of it (listed with "
                             "the page furniture, not compared)\n")


def test_an_indented_line_under_a_markdown_footnote_goes_on_with_it():
    (document,) = parse_text(MARKDOWN.format(after="    annex, para. 2."))
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See resolution 60/1. annex, para. 2.")]
    assert document.furniture == () and document.warnings == ()


def test_page_text_after_a_web_pages_footer_is_never_run_into_the_last_paragraph():
    # "© United Nations" over "This page was last edited …" wraps to a width of its own: the
    # text's lines, not the page's, tell whether the paragraph broke there for want of room
    text = ("The Security Council,\n\nRecalling x,\n\n1. Decides a;\n\n2. Decides to remain seized of the matter.\n\n"
            "\n© United Nations\nThis page was last edited on 3 May 2020, at 10:15.\n")
    (document,) = parse_text(text)
    assert document.paragraph("OP2").text == "Decides to remain seized of the matter."
    assert [str(f) for f in document.furniture] == [
        "line 10: © United Nations", "line 11: This page was last edited on 3 May 2020, at 10:15."]


def test_text_after_a_rule_under_the_adoption_line_is_listed_not_taken_for_footnotes():
    text = ("The General Assembly,\n\nRecalling x,\n\n1. Decides a.\n\n1976th plenary meeting\n25 October 1971\n"
            "_____\nResolutions and decisions adopted by the General Assembly\n\nA/RES/2758(XXVI)\n")
    (document,) = parse_text(text)
    assert [str(f) for f in document.furniture] == [
        "line 7: 1976th plenary meeting", "line 8: 25 October 1971", "line 9: _____",
        "line 10: Resolutions and decisions adopted by the General Assembly", "line 12: A/RES/2758(XXVI)"]
