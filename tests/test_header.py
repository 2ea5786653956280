"""The header is compared: agenda item, sponsors line, chapeau (and the title, as before).

Real text: the draft resolution on the right to development (Third Committee, 56th session,
tests/fixtures/corpus/en), and a copy of it edited as a revised draft would be: a sponsor added
and the draft marked revised, the agenda item's sub-item corrected. The body is left alone, so
that the header is the only thing that differs.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from conftest import FIXTURES
from helpers import run_command

from resdiff.compare import compare
from resdiff.model import ChangeKind
from resdiff.parse import parse_text
from resdiff.render import RenderOptions, terminal
from resdiff.render import html as html_render
from resdiff.render import json as json_render
from resdiff.render import markdown as markdown_render

DRAFT = FIXTURES / "corpus/en/UN_01-66657_draft_right_to_development_56th_C3.en.txt"
# (old, new) pairs applied to the real draft: each must occur exactly once.
EDITS = [
    ("South Africa:* draft resolution", "South Africa and Brazil:* revised draft resolution"),
    ("Agenda item 119 (b)", "Agenda item 119 (c)"),
]


def _edited(text: str, edits=EDITS) -> str:
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def pair():
    text = DRAFT.read_text(encoding="utf-8")
    return parse_text(text, "old.txt")[0], parse_text(_edited(text), "new.txt")[0]


def test_the_header_is_read_from_the_first_page(pair):
    old, _ = pair
    assert old.agenda_item == ("Agenda item 119 (b) Human rights questions: human rights questions, including "
                               "alternative approaches for improving the effective enjoyment of human rights and "
                               "fundamental freedoms")
    assert old.sponsors == "South Africa:* draft resolution"
    assert old.chapeau == "The General Assembly,"
    assert old.title == "The right to development"


def test_a_changed_header_is_a_change_though_no_paragraph_changed(pair):
    comparison = compare(*pair)
    assert all(c.kind is ChangeKind.UNCHANGED and not c.moved for c in comparison.changes)
    assert [(h.part, h.kind.value) for h in comparison.header] == [
        ("agenda item", "modified"), ("sponsors", "modified"), ("chapeau", "unchanged")]
    assert comparison.differs
    assert comparison.changed_parts()["header"] == 2
    # Each part rebuilds exactly: equal+delete the old, equal+insert the new.
    for part in comparison.header:
        old = "".join(s.text for s in part.inline if s.op.value != "insert")
        new = "".join(s.text for s in part.inline if s.op.value != "delete")
        assert (old, new) == (part.old, part.new)


def test_every_view_shows_the_header_changes(pair):
    comparison = compare(*pair)
    plain = terminal.render(comparison, RenderOptions(width=1_000_000, color=False))
    assert plain.splitlines()[1:5] == [
        "Agenda item 119 ([-b-]{+c+}) Human rights questions: human rights questions, including alternative "
        "approaches for improving the effective enjoyment of human rights and fundamental freedoms",
        "South Africa[-:* -]{+ and Brazil:* revised +}draft resolution",
        "The right to development",
        "The General Assembly,",
    ]
    assert "Changed: 2 parts of the header" in plain
    assert "No changes" not in plain
    markdown = markdown_render.render(comparison, RenderOptions())
    assert "- **Sponsors changed:** South Africa" in markdown and "- **Agenda item changed:** Agenda item 119" in markdown
    assert "- **Chapeau:** The General Assembly," in markdown
    page = html_render.render(comparison, RenderOptions())
    section = re.search(r'<section class="heading-parts".*?</section>', page).group(0)
    assert "<dt>Sponsors changed</dt><dd lang=\"en\">South Africa<del>:* </del><ins> and Brazil:* revised </ins>draft resolution</dd>" in section
    assert "<dt>Agenda item changed</dt>" in section
    data = json.loads(json_render.render(comparison))
    assert [(h["part"], h["kind"], h["old"], h["new"]) for h in data["header"]] == [
        (h.part, h.kind.value, h.old, h.new) for h in comparison.header]
    assert data["changed_parts"]["header"] == 2


def test_word_tracks_the_header_changes(pair):
    from test_tracked_changes import _assert_accept_reject

    from resdiff.render import docx as docx_render

    comparison = compare(*pair)
    _assert_accept_reject(comparison, docx_render.render(comparison, RenderOptions()))


def test_a_part_only_one_version_prints_is_shown_but_is_no_change_of_wording(pair):
    # The adopted text carries no sponsors line; the draft quoted in a report carries none either.
    old, _ = pair
    comparison = compare(old, replace(old, sponsors=None))
    assert [(h.part, h.kind.value) for h in comparison.header][1] == ("sponsors", "removed")
    assert not comparison.differs
    plain = terminal.render(comparison, RenderOptions(width=1_000_000, color=False))
    # both versions are the same file, old.txt: the views mark which is which
    assert "Only in old.txt (old): [-South Africa:* draft resolution-]" in plain


def test_a_changed_chapeau_is_a_change(pair):
    old, _ = pair
    comparison = compare(old, replace(old, chapeau="The Economic and Social Council,"))
    assert [(h.part, h.kind.value) for h in comparison.header][-1] == ("chapeau", "modified")
    assert comparison.differs


def test_width_only_differences_in_the_chapeau_are_no_change(sample_comparison):
    # The sample's L.22 prints "大会," and L.56 "大会，".
    chapeau = sample_comparison.header[-1]
    assert (chapeau.part, chapeau.kind.value, chapeau.old, chapeau.new) == ("chapeau", "unchanged", "大会,", "大会，")
    assert sample_comparison.header[0].old == sample_comparison.header[0].new == "议程项目 17"


def test_exit_code_is_1_when_only_the_sponsors_changed(tmp_path):
    text = DRAFT.read_text(encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text(_edited(text, EDITS[:1]), encoding="utf-8")
    result = run_command("diff", str(DRAFT), str(new), "--exit-code")
    assert result.returncode == 1, result.stderr
    assert "South Africa[-:* -]{+ and Brazil:* revised +}draft resolution" in result.stdout
    same = run_command("diff", str(DRAFT), str(DRAFT), "--exit-code")
    assert same.returncode == 0, same.stderr


def test_sponsors_lists_wrapped_over_lines_and_other_languages():
    text = ("Agenda item 69\nPromotion and protection of human rights\n\nArgentina, Brazil, Chile,\n"
            "Mexico and Uruguay: draft resolution\n\nA title\n\nThe General Assembly,\n\n1. Decides to act.\n")
    document = parse_text(text)[0]
    assert document.sponsors == "Argentina, Brazil, Chile, Mexico and Uruguay: draft resolution"
    assert document.agenda_item == "Agenda item 69 Promotion and protection of human rights"
    zh = "议程项目 17\n信息和通信技术促进发展\n\n南非：决议草案\n\n发展权\n\n大会，\n\n1. 决定采取行动。\n"
    document = parse_text(zh)[0]
    assert (document.agenda_item, document.sponsors, document.title, document.chapeau) == (
        "议程项目 17 信息和通信技术促进发展", "南非：决议草案", "发展权", "大会，")
    fr = ("Point 69 de l'ordre du jour\nPromotion et protection des droits de l'homme\n\n"
          "Afrique du Sud : projet de résolution\n\nLe droit au développement\n\nL'Assemblée générale,\n\n"
          "1. Décide d'agir.\n")
    document = parse_text(fr)[0]
    assert (document.agenda_item, document.sponsors) == (
        "Point 69 de l'ordre du jour Promotion et protection des droits de l'homme",
        "Afrique du Sud : projet de résolution")


def test_parse_shows_the_header_and_keeps_long_lines_whole_when_not_a_terminal():
    result = run_command("parse", str(DRAFT))
    lines = result.stdout.splitlines()
    assert lines[2:5] == [
        "Agenda item 119 (b) Human rights questions: human rights questions, including alternative approaches "
        "for improving the effective enjoyment of human rights and fundamental freedoms",
        "South Africa:* draft resolution",
        "The General Assembly,",
    ]
    # A footnote longer than the table's width stays on one line (a pipe or file is not a terminal).
    sample = run_command("parse", "samples/A_C.2_65_433_second_committee_report_ict_zh.txt").stdout.splitlines()
    assert "  [1] 联合国教育、科学及文化组织，《大会记录，第三十一届会议，2001 年 10 月 15 日至 11 月 3 日，巴黎》，" \
           "第一卷和更正，《决议》，第五章，决议 25，附件一。" in sample


def test_the_header_speaks_chinese_in_the_chinese_interface(pair):
    from resdiff.i18n import use

    comparison = compare(pair[0], replace(pair[0], sponsors=None))
    use("zh")
    try:
        plain = terminal.render(comparison, RenderOptions(width=1_000_000, color=False))
        markdown = markdown_render.render(comparison, RenderOptions())
    finally:
        use("en")
    assert pair[0].short_symbol == "old.txt"  # no symbol: the file name stands for it
    assert "仅见于 old.txt（旧）：[-South Africa:* draft resolution-]" in plain
    assert "- **开头语：** The General Assembly," in markdown


def test_a_masthead_line_whose_words_stand_in_the_title_is_still_listed():
    # "General Assembly" is in the title "Revitalization of the work of the General Assembly", but
    # it is a line of the masthead: listed as furniture, not taken for part of the title.
    text = ("United Nations\nGeneral Assembly\nDistr.: Limited\n\nAgenda item 12\n\n"
            "Revitalization of the work of the General Assembly\n\nThe General Assembly,\n\n1. Decides to act.\n")
    document = parse_text(text)[0]
    assert document.title == "Revitalization of the work of the General Assembly"
    assert document.furniture == ("line 1: United Nations", "line 2: General Assembly", "line 3: Distr.: Limited")
