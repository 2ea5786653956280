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


# A sponsors line broken before the draft words, as a full line of a PDF breaks it.
BROKEN_ZH = ("联合国 A/C.3/80/L.12\n大会 Distr.: Limited\n2025 年 10 月 20 日\n第八十届会议\n第三委员会\n"
             "议程项目 71(c)\n阿尔巴尼亚、安道尔、澳大利亚和加拿大：\n决议草案\n某地人权状况\n大会，\n"
             "遵循《联合国宪章》，\n1. 决定采取行动；\n2. 请提交报告。\n")
BROKEN_EN = ("United Nations A/C.3/80/L.12\nGeneral Assembly Distr.: Limited\n20 October 2025\n"
             "Eightieth session\nThird Committee\nAgenda item 71 (c)\nPromotion and protection of human rights\n"
             "Albania, Andorra and Canada:\ndraft resolution\nSituation of human rights in Somewhere\n"
             "The General Assembly,\nGuided by the Charter,\n1. Decides to act;\n2. Requests a report.\n")


def test_a_sponsors_line_broken_before_the_draft_words_is_read_whole():
    zh = parse_text(BROKEN_ZH)[0]
    assert (zh.agenda_item, zh.sponsors, zh.title, zh.chapeau) == (
        "议程项目 71(c)", "阿尔巴尼亚、安道尔、澳大利亚和加拿大：决议草案", "某地人权状况", "大会，")
    en = parse_text(BROKEN_EN)[0]
    assert (en.agenda_item, en.sponsors, en.title) == (
        "Agenda item 71 (c) Promotion and protection of human rights",
        "Albania, Andorra and Canada: draft resolution", "Situation of human rights in Somewhere")
    # Nothing of the header is furniture any more but the masthead.
    assert en.furniture == (
        "line 1: United Nations A/C.3/80/L.12", "line 2: General Assembly Distr.: Limited", "line 3: 20 October 2025",
        "line 4: Eightieth session", "line 5: Third Committee")
    # The real draft with its sponsors line broken (and a blank line between) reads the same.
    text = DRAFT.read_text(encoding="utf-8")
    broken = parse_text(_edited(text, [("South Africa:* draft resolution", "South Africa:*\n\ndraft resolution")]))[0]
    assert broken.sponsors == "South Africa:* draft resolution"
    assert broken.agenda_item == parse_text(text)[0].agenda_item


@pytest.mark.parametrize(("lines", "sponsors"), [
    ("Afrique du Sud et Canada :\nprojet de résolution", "Afrique du Sud et Canada : projet de résolution"),
    ("Sudáfrica y Canadá:\nproyecto de resolución", "Sudáfrica y Canadá: proyecto de resolución"),
    ("Южная Африка и Канада:\nпроект резолюции", "Южная Африка и Канада: проект резолюции"),
    ("جنوب أفريقيا وكندا:\nمشروع قرار", "جنوب أفريقيا وكندا: مشروع قرار"),
    ("Albania and Canada:*\nrevised draft resolution", "Albania and Canada:* revised draft resolution"),
])
def test_broken_sponsors_lines_in_the_other_languages(lines, sponsors):
    document = parse_text(f"Agenda item 71\n\n{lines}\n\nA title\n\nThe General Assembly,\n\n1. Decides to act.\n")[0]
    assert document.sponsors == sponsors


def test_a_title_line_ending_in_a_colon_is_no_sponsors_list():
    # Only the draft words alone on the next line make the line before a sponsors list.
    document = parse_text("Agenda item 71\n\nHuman rights questions:\n\nA title\n\nThe General Assembly,\n\n"
                          "1. Decides to act.\n")[0]
    assert document.sponsors is None


def test_a_sponsor_added_to_a_broken_sponsors_line_is_a_change(tmp_path):
    old, new = tmp_path / "hz0.txt", tmp_path / "hz1.txt"
    old.write_text(BROKEN_ZH, encoding="utf-8")
    new.write_text(BROKEN_ZH.replace("澳大利亚和加拿大", "澳大利亚、智利和加拿大"), encoding="utf-8")
    result = run_command("diff", str(old), str(new), "--exit-code", "--only-changes")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "A/C.3/80/L.12 (2025-10-20) → A/C.3/80/L.12 (2025-10-20)",
        "阿尔巴尼亚、安道尔、澳大利亚{+、智利+}和加拿大：决议草案",
        "某地人权状况",
        "3 unchanged  0 modified  0 added  0 removed  0 merged  0 split  0 moved  0 renumbered",
        "Changed: 1 part of the header",
        "Left out as page furniture: 5 lines of L.12 (old), 5 lines of L.12 (new) (--show-furniture lists them)",
        "",
        "The paragraphs and footnotes read the same.",
    ]
    old.write_text(BROKEN_EN, encoding="utf-8")
    new.write_text(BROKEN_EN.replace("Andorra and", "Andorra, Chile and"), encoding="utf-8")
    result = run_command("diff", str(old), str(new), "--exit-code", "--only-changes")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "A/C.3/80/L.12 (2025-10-20) → A/C.3/80/L.12 (2025-10-20)",
        "Albania, Andorra[- -]{+, Chile +}and Canada: draft resolution",
    ]
