"""Every printed line of a text is placed: compared, or listed as furniture, or a warning.

Regressions for lines that vanished: a recommended draft's own title line in a committee report,
the printed title of a Markdown file with front matter, an adoption line before an annex, a
running head that no longer reads as the title, page furniture with text after it, a footnote
mark after a paragraph's last punctuation. Then the property: changing a title line, a running
head or an adoption line always shows as a change or as listed furniture.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from resdiff.compare import compare
from resdiff.errors import ParseError
from resdiff.model import ChangeKind
from resdiff.parse import parse_file, parse_text

from conftest import CORPUS, FIXTURES, ROOT, SAMPLE

REPORT_EN = FIXTURES / "reports" / "second_committee_report_made_by_hand_en.txt"


def run(*args: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS"}}
    return subprocess.run([sys.executable, "-m", "resdiff", *args], capture_output=True, text=True,
                          env=environment, cwd=ROOT, timeout=120)


def _edited(tmp_path: Path, source: Path, line: int, old: str, new: str, name: str | None = None) -> Path:
    """``source`` with ``old`` replaced by ``new`` on its line ``line`` (1-based), written to tmp_path."""
    lines = source.read_text(encoding="utf-8").split("\n")
    assert old in lines[line - 1], (line, lines[line - 1])
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path = tmp_path / (name or source.name)
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _changed_parts(old, new) -> list[str]:
    comparison = compare(old, new)
    parts = [f"{'/'.join(c.old)}→{'/'.join(c.new)} {c.kind.value}" for c in comparison.changes
             if c.kind is not ChangeKind.UNCHANGED]
    if comparison.title_changed:
        parts.append("title")
    return parts


# --- A3: the title compared is the one the text prints --------------------------------------


def test_a_recommended_drafts_own_title_line_is_its_title_in_a_chinese_report(tmp_path):
    edited = _edited(tmp_path, SAMPLE, 156, "促进发展", "促进可持续发展")
    old, new = parse_file(str(SAMPLE))[-1], parse_file(str(edited))[-1]
    assert (old.symbol, old.title) == ("A/C.2/65/L.56", "信息和通信技术促进发展")
    assert (new.symbol, new.title) == ("A/C.2/65/L.56", "信息和通信技术促进可持续发展")
    assert old.warnings == ()
    assert new.warnings == (
        "A/C.2/65/L.56: the report calls this draft “信息和通信技术促进发展”, its own title line reads "
        "“信息和通信技术促进可持续发展”: the title line is the one compared",)
    assert _changed_parts(old, new) == ["title"]
    result = run("diff", str(SAMPLE), str(edited), "--exit-code")
    assert result.returncode == 1
    assert result.stdout.split("\n")[2] == "信息和通信技术促进{+可持续+}发展"
    # the draft quoted earlier in the report prints no title: the report's name for it stands
    assert parse_file(str(edited))[0].title == "信息和通信技术促进发展"


def test_a_recommended_drafts_own_title_line_is_its_title_in_an_english_report(tmp_path):
    edited = _edited(tmp_path, REPORT_EN, 44, "landlocked developing", "landlocked and small island developing")
    old, new = parse_file(str(REPORT_EN))[-1], parse_file(str(edited))[-1]
    assert new.title == ("Specific actions related to the particular needs and problems of landlocked and small "
                         "island developing countries")
    assert _changed_parts(old, new) == ["title"]
    assert len(new.warnings) == 1 and "the title line is the one compared" in new.warnings[0]
    result = run("diff", str(REPORT_EN), str(edited), "--exit-code")
    assert result.returncode == 1
    assert "landlocked {+and small island +}developing countries" in result.stdout


def test_a_markdown_files_printed_title_is_compared_and_its_front_matter_listed(tmp_path):
    source = CORPUS / "en" / "A_RES_80_1.md"
    document = parse_file(str(source))[0]
    # "… during the eightieth session" ends as a session line does, yet it is the numbered title
    assert document.title == "Participation by the State of Palestine during the eightieth session"
    assert document.furniture[:10] == (
        "line 1: ---", "line 2: symbol: A/RES/80/1", 'line 3: record_id: "4089279"',
        'line 4: title: "Participation by the State of Palestine during the 80th session :"',
        'line 5: date: "2025-09-19"', "line 6: language: EN",
        "line 7: source_pdf: https://digitallibrary.un.org/record/4089279/files/A_RES_80_1-EN.pdf",
        'line 8: extract_version: "1.3.0"', 'line 9: extracted_at: "2026-02-28T19:07:16Z"', "line 10: ---")
    assert "line 22: 80/1. Participation by the State of Palestine during the eightieth session" \
        not in document.furniture
    edited = _edited(tmp_path, source, 22, "by the State", "by the Observer State")
    new = parse_file(str(edited))[0]
    assert new.title == "Participation by the Observer State of Palestine during the eightieth session"
    assert _changed_parts(document, new) == ["title"]


# --- A5: the adoption line before an annex ---------------------------------------------------

ANNEXED = ("The General Assembly,\n\nRecalling x,\n\n1. Decides to act.\n\n3rd plenary meeting\n18 December 2025\n\n"
           "Annex\n\nDeclaration\n\n1. We agree.\n")


def test_the_adoption_line_before_an_annex_is_listed_as_furniture():
    document = parse_text(ANNEXED)[0]
    assert [p.id for p in document.paragraphs] == ["PP1", "OP1", "Annex H1", "Annex H2", "Annex 1"]
    assert document.furniture == ("line 7: 3rd plenary meeting", "line 8: 18 December 2025")
    assert document.warnings == ()
    # a footnote area between the adoption line and the annex is read as footnotes, its rule listed
    noted = ANNEXED.replace("Recalling x,", "Recalling x,1").replace("2025\n\n", "2025\n__________\n1 A note.\n\n")
    document = parse_text(noted)[0]
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "A note.")]
    assert document.furniture == ("line 7: 3rd plenary meeting", "line 8: 18 December 2025", "line 9: __________")


def test_the_adoption_lines_of_real_annexed_resolutions_are_listed():
    awaza = parse_file(str(FIXTURES / "annex" / "A_RES_80_3.md"))[0]
    assert "line 32: 18th plenary meeting 14 October 2025" in awaza.furniture
    assert awaza.furniture[-1] == "line 82: ---"
    doha = parse_file(str(CORPUS / "en" / "A_RES_80_5.md"))[0]
    assert doha.furniture[-2:] == ("line 28: 28th plenary meeting 4 November 2025", "line 351: ---")
    # the annex's own title repeats the resolution's: the annex's heading, compared
    assert doha.paragraph("Annex H2").text == ("Doha Political Declaration of the “World Social Summit” under the "
                                               "title “the Second World Summit for Social Development”")


# --- A6: running heads told by place and symbol ----------------------------------------------

ES_11_1 = CORPUS / "en" / "A_RES_ES-11_1.en.txt"


def test_a_running_head_that_no_longer_reads_as_the_changed_title_stays_furniture(tmp_path):
    edited = _edited(tmp_path, ES_11_1, 25, "against Ukraine", "against the Ukraine")
    old, new = parse_file(str(ES_11_1))[0], parse_file(str(edited))[0]
    assert new.title == "Aggression against the Ukraine"
    assert _changed_parts(old, new) == ["title"]
    heads = [line for line in new.furniture if "Aggression against Ukraine" in line]
    assert heads == ["line 51: A/RES/ES-11/1 Aggression against Ukraine",
                     "line 101: Aggression against Ukraine A/RES/ES-11/1",
                     "line 153: A/RES/ES-11/1 Aggression against Ukraine"]
    result = run("diff", str(ES_11_1), str(edited), "--only-changes")
    assert "Aggression against Ukraine A/RES/ES-11/1" not in result.stdout


def test_a_changed_running_head_is_listed_as_furniture(tmp_path):
    edited = _edited(tmp_path, ES_11_1, 101, "Aggression against Ukraine", "Aggression on Ukraine")
    old, new = parse_file(str(ES_11_1))[0], parse_file(str(edited))[0]
    assert _changed_parts(old, new) == []
    assert "line 101: Aggression on Ukraine A/RES/ES-11/1" in new.furniture
    # a Markdown extraction's running head, alone in the middle of a sentence, a word changed
    source = CORPUS / "en" / "A_RES_80_1.md"
    edited = _edited(tmp_path, source, 40, "during the eightieth", "during its eightieth")
    old, new = parse_file(str(source))[0], parse_file(str(edited))[0]
    assert _changed_parts(old, new) == []
    assert "line 40: Participation by the State of Palestine during its eightieth session" in new.furniture


# --- A9: page furniture with text after it ----------------------------------------------------

L41 = CORPUS / "en" / "A_C.3_78_L.41.en.txt"


def test_text_after_page_furniture_is_read_as_text_and_said_never_taken_into_a_footnote(tmp_path):
    edited = _edited(tmp_path, L41, 390, "8/9 23-21227A/C.3/78/L.41", "8/9 23-21227A/C.3/78/L.41 Iran shall pay")
    old, new = parse_file(str(L41))[0], parse_file(str(edited))[0]
    assert [p.id for p in new.paragraphs] == [p.id for p in old.paragraphs]
    assert new.footnotes == old.footnotes
    assert new.paragraph("OP35").body == old.paragraph("OP35").body
    assert new.paragraph("OP34").body == old.paragraph("OP34").body + " Iran shall pay"
    assert new.warnings == ("A/C.3/78/L.41: line 390: the page furniture “8/9 23-21227A/C.3/78/L.41” has text "
                            "after it, “Iran shall pay”, read as the text's",)
    assert "line 390: 8/9 23-21227A/C.3/78/L.41" in new.furniture
    assert _changed_parts(old, new) == ["OP34→OP34 modified"]


def test_a_footnote_area_never_runs_into_the_next_operative_paragraph(tmp_path):
    lines = L41.read_text(encoding="utf-8").split("\n")
    assert lines[389] == "8/9 23-21227A/C.3/78/L.41"
    path = tmp_path / L41.name
    path.write_text("\n".join(lines[:389] + lines[390:]), encoding="utf-8")  # the page's foot left out
    old, new = parse_file(str(L41))[0], parse_file(str(path))[0]
    assert new.paragraph("OP35").body == old.paragraph("OP35").body
    assert new.footnotes == old.footnotes
    assert _changed_parts(old, new) == []


# --- D6: parse and check read the same footnote marks ------------------------------------------

EN_61_211 = CORPUS / "zh" / "A_RES_61_211.ops1-19.en.txt"
ZH_61_211 = CORPUS / "zh" / "A_RES_61_211.ops1-19.zh.txt"


def test_a_mark_after_a_paragraphs_last_punctuation_is_read_in_every_language():
    english, chinese = parse_file(str(EN_61_211))[0], parse_file(str(ZH_61_211))[0]
    assert english.paragraph("OP1").body == "Takes note of the report of the Secretary-General;"
    assert english.paragraph("OP1").footnotes == chinese.paragraph("OP1").footnotes == ("6",)
    assert [(p.id, p.all_footnotes()) for p in english.paragraphs if p.all_footnotes()] == \
        [(p.id, p.all_footnotes()) for p in chinese.paragraphs if p.all_footnotes()] == \
        [("OP1", ("6",)), ("OP2", ("2", "7")), ("OP3", ("8",)), ("OP13", ("1",))]
    result = run("check", str(ZH_61_211), str(EN_61_211))
    assert result.returncode == 0 and "note:" not in result.stdout
    assert result.stdout.endswith("The versions agree.\n")
    # where bodies are known, only one of their marks is taken
    text = "The General Assembly,\n\n1. Takes note of the report;6\n\n2. Decides to act.{}\n"
    assert parse_text(text.format(""))[0].paragraph("OP1").footnotes == ("6",)
    assert parse_text(text.format("\n__________\n1 See A/1."))[0].paragraph("OP1").body == \
        "Takes note of the report;6"


def test_a_mark_only_the_other_language_vouches_for_is_still_a_note_of_check(tmp_path):
    # "Declaration8" opens no sequence ("G20" reads the same): parse keeps it as text, and check,
    # seeing mark 8 in the Chinese, reads it as a mark and says so.
    zh, en = tmp_path / "zh.txt", tmp_path / "en.txt"
    zh.write_text("大会，\n\n1. 重申其对《宣言》8的承诺；\n\n2. 决定继续审议。\n", encoding="utf-8")
    en.write_text("The General Assembly,\n\n1. Reaffirms its commitment to the Declaration8 adopted at the meeting;\n\n"
                  "2. Decides to continue its consideration.\n", encoding="utf-8")
    assert parse_file(str(zh))[0].paragraph("OP1").footnotes == ("8",)
    assert parse_file(str(en))[0].paragraph("OP1").footnotes == ()
    result = run("--ui-lang", "zh", "check", str(zh), str(en))
    assert "注：英文本中的脚注标记 8 读自 'Declaration8'，与正文粘连\n" in result.stdout


# --- the property: a changed title line, running head or adoption line is never silent ------------

TOKEN = "Zyxwv"
PLACED_TEXTS = [CORPUS / "en" / "A_RES_ES-11_1.en.txt", CORPUS / "en" / "A_RES_80_1.md",
                FIXTURES / "annex" / "A_RES_80_3.md", L41, SAMPLE, REPORT_EN,
                FIXTURES / "layouts" / "ruled_page_feet.en.txt"]


def _accounted(documents) -> str:
    """Every text the documents compare or list (paragraphs, sub-paragraphs, footnotes, title,
    header, furniture, warnings), white space taken out."""
    parts: list[str] = []
    for d in documents:
        parts += [d.title or "", d.chapeau or "", d.agenda_item or "", d.sponsors or ""]
        for p in d.paragraphs:
            parts += [p.text, *(i.text for i in p.items)]
        parts += [f.text for f in d.footnotes] + list(d.furniture) + list(d.warnings)
    return "".join("".join(parts).split())


def _with_token(line: str) -> str:
    """The line with a new word in its middle (at its end where it has no space)."""
    text = line.rstrip()
    at = text.find(" ", len(text) // 2)
    return text + " " + TOKEN if at < 0 else text[:at] + " " + TOKEN + text[at:]


def _shows(path: Path, number: int) -> None:
    """Putting a word into line ``number`` (1-based) of ``path``: the word is compared or
    listed, and where it is compared the comparison shows a change."""
    lines = path.read_text(encoding="utf-8").split("\n")
    edited = "\n".join(lines[: number - 1] + [_with_token(lines[number - 1])] + lines[number:])
    old = parse_text("\n".join(lines), str(path))
    try:
        new = parse_text(edited, str(path))
    except ParseError:
        return  # refused, and said: "--- Zyxwv" no longer closes a front matter
    assert TOKEN in _accounted(new), (path.name, number, lines[number - 1])
    holder = next(d for d in new if TOKEN in _accounted([d]))
    if TOKEN in "".join(holder.furniture) + "".join(holder.warnings):
        return
    before = next((d for d in old if d.symbol == holder.symbol), old[-1])
    comparison = compare(before, holder)
    assert comparison.title_changed or comparison.header_changed or any(
        c.kind is not ChangeKind.UNCHANGED for c in (*comparison.changes, *comparison.footnotes)), \
        (path.name, number, lines[number - 1])


def _title_and_furniture_lines(path: Path) -> list[int]:
    """The lines a text's titles are read from and the lines listed as its furniture below its
    chapeau: running heads, page feet, adoption lines, rules."""
    documents = parse_file(str(path))
    lines = path.read_text(encoding="utf-8").split("\n")
    found = set()
    for d in documents:
        key = "".join((d.title or "").split())
        found |= {k + 1 for k, line in enumerate(lines)
                  if len("".join(line.split())) >= 6 and "".join(line.split()).split(".", 1)[-1] in key}
        found |= {int(entry.split(":", 1)[0].split()[1]) for entry in d.furniture}
    chapeau = next(k for k, line in enumerate(lines) if line.strip() in {"The General Assembly,", "大会，", "“大会,"})
    return sorted(n for n in found if n > chapeau - 12)


def test_a_word_put_into_a_title_line_running_head_or_adoption_line_always_shows():
    checked = 0
    for path in PLACED_TEXTS:
        for number in _title_and_furniture_lines(path):
            _shows(path, number)
            checked += 1
    assert checked >= 60


@settings(max_examples=40)
@given(st.sampled_from(PLACED_TEXTS), st.integers(min_value=0, max_value=10_000))
def test_a_word_put_into_any_line_is_compared_or_listed(path, pick):
    lines = path.read_text(encoding="utf-8").split("\n")
    numbered = [k + 1 for k, line in enumerate(lines) if line.strip()
                and line.strip().lstrip("“\"") not in {"The General Assembly,", "大会，", "大会,"}]  # (chapeaus: A2)
    _shows(path, numbered[pick % len(numbered)])


def test_a_reports_own_lines_are_listed_with_the_drafts_they_precede():
    quoted, recommended = parse_file(str(SAMPLE))
    assert quoted.furniture[:5] == ("line 5: 第六十五届会议", "line 9: 信息和通信技术促进发展", "line 11: 第二委员会的报告",
                                    "line 13: 报告员：保罗·洛索科·埃方贝·昂波雷先生(刚果民主共和国)", "line 15: 一. 引言")
    assert len(quoted.furniture) == 15
    assert recommended.furniture[-2:] == ("line 152: 三. 第二委员会的建议", "line 154: 12. 第二委员会建议大会通过以下决议草案：")
    # the recommended draft's title line is its title, not furniture
    assert not any("line 156:" in line for line in recommended.furniture)
    last = parse_file(str(FIXTURES / "annex" / "report_quoting_annexes_made_by_hand.zh.txt"))[-1]
    assert last.furniture[-1] == "line 52: 4. 在同次会议上，委员会通过了决议草案 A/C.2/80/L.9(见第 6 段)。"


def test_a_footnote_printed_again_with_other_text_is_said(tmp_path):
    edited = _edited(tmp_path, ES_11_1, 175, "2 March 2022", "2 March the 2022")
    document = parse_file(str(edited))[0]
    assert document.warnings == ("A/RES/ES-11/1: footnote 2 is printed again with other text, “March the 2022”: "
                                 "only its first text is compared",)
    assert parse_file(str(ES_11_1))[0].warnings == ()


ZH_PAGES = """联合国 A/RES/ES-11/1

大会 Distr.: General
2022年3月18日

第十一届紧急特别会议
议程项目 5

ES-11/1. 侵略乌克兰

大会，
重申《联合国宪章》在促进各国之间法治方面的极端重要性，
回顾所有国家都有义务在其国际关系中不以武力威胁或使用武力侵害任何国家的领土完整或政治独立，并以和平方式
A/RES/ES-11/1
侵略乌克兰
22-04067 2/4
解决其国际争端，
1. 重申对乌克兰主权、独立、统一和领土完整的承诺；
2. 决定暂时休会。
"""


def test_a_short_chinese_running_head_is_furniture_and_stays_so_when_the_title_changes():
    # five characters say as much as an English title: the head "侵略乌克兰" ran into PP2
    old = parse_text(ZH_PAGES)[0]
    assert old.paragraph("PP2").text.endswith("并以和平方式解决其国际争端，")
    assert old.furniture[-3:] == ("line 14: A/RES/ES-11/1", "line 15: 侵略乌克兰", "line 16: 22-04067 2/4")
    new = parse_text(ZH_PAGES.replace("ES-11/1. 侵略乌克兰", "ES-11/1. 侵略整个乌克兰"))[0]
    assert new.title == "侵略整个乌克兰"
    assert _changed_parts(old, new) == ["title"]
    assert "line 15: 侵略乌克兰" in new.furniture
    # and a head changed beside the page's foot is listed, not run into the paragraph
    changed = parse_text(ZH_PAGES.replace("\n侵略乌克兰\n", "\n侵略了乌克兰\n"))[0]
    assert _changed_parts(old, changed) == [] and "line 15: 侵略了乌克兰" in changed.furniture


def test_a_reports_label_above_a_recommended_draft_is_no_part_of_its_title(tmp_path):
    title = "Specific actions related to the particular needs and problems of landlocked developing countries"
    text = REPORT_EN.read_text(encoding="utf-8")
    assert f"          {title}\n" in text
    for label, gap in (("Draft resolution I", "\n"), ("Draft resolution II", ""), ("Projet de résolution III", "")):
        path = tmp_path / "report.txt"
        path.write_text(text.replace(f"          {title}\n", f"{label}\n{gap}          {title}\n"), encoding="utf-8")
        document = parse_file(str(path))[-1]
        assert document.title == title and document.warnings == ()
        assert f"line 44: {label}" in document.furniture
    assert parse_text("决议草案一\n信息和通信技术促进发展\n\n大会，\n\n1. 决定采取行动。\n")[0].title == "信息和通信技术促进发展"


def test_text_before_page_furniture_is_read_with_what_comes_before_it_and_said(tmp_path):
    edited = _edited(tmp_path, L41, 390, "8/9 23-21227A/C.3/78/L.41", "Iran shall pay 8/9 23-21227A/C.3/78/L.41")
    old, new = parse_file(str(L41))[0], parse_file(str(edited))[0]
    assert new.warnings == ("A/C.3/78/L.41: line 390: the page furniture “8/9 23-21227A/C.3/78/L.41” has text "
                            "before it, “Iran shall pay”, read with what comes before it",)
    assert "line 390: 8/9 23-21227A/C.3/78/L.41" in new.furniture
    assert [f.text for f in new.footnotes if f.mark == "13"] == ["General Assembly resolution 48/134, annex. Iran shall pay"]
    assert new.paragraph("OP35").body == old.paragraph("OP35").body
    assert _changed_parts(old, new) == []  # the footnote changed: compare's footnotes say so
    assert [(f.old, f.kind.value) for f in compare(old, new).footnotes if f.kind is not ChangeKind.UNCHANGED] == \
        [("13", "modified")]
