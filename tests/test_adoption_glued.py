"""An adoption line glued onto the last paragraph's own line, as some web copies print it ("2.
Requests a report. 77th plenary meeting 18 December 2023", "…报告。2023 年 12 月 18 日第 77 次全体
会议"), is set apart as the adoption line and listed with the page furniture, under the number of
the line it was printed on: never read as the last operative paragraph's words."""

from __future__ import annotations

import pytest

from resdiff.compare import compare
from resdiff.parse import parse_text

TEXTS = {
    "en": "The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act;\n\n2. Requests a report.{g}\n",
    "zh": "大会，\n\n回顾其第 60/1 号决议，\n\n1. 决定采取行动；\n\n2. 请提交报告。{g}\n",
    "fr": ("L'Assemblée générale,\n\nRappelant sa résolution 60/1,\n\n1. Décide d'agir ;\n\n"
           "2. Prie le Secrétaire général de lui faire rapport.{g}\n"),
    "es": "La Asamblea General,\n\nRecordando su resolución 60/1,\n\n1. Decide actuar;\n\n2. Solicita un informe.{g}\n",
    "ru": ("Генеральная Ассамблея,\n\nссылаясь на свою резолюцию 60/1,\n\n1. постановляет действовать;\n\n"
           "2. просит представить доклад.{g}\n"),
    "ar": "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 60/1،\n\n1. تقرر أن تتصرف؛\n\n2. تطلب تقديم تقرير.{g}\n",
}
LAST = {"en": "Requests a report.", "zh": "请提交报告。", "fr": "Prie le Secrétaire général de lui faire rapport.",
        "es": "Solicita un informe.", "ru": "просит представить доклад.", "ar": "تطلب تقديم تقرير."}


def _read(text: str):
    (document,) = parse_text(text, "g.txt")
    last = document.paragraphs[-1]
    return (last.id, last.text), [str(f) for f in document.furniture], [str(w) for w in document.warnings]


@pytest.mark.parametrize(("language", "glued"), [
    # Before: OP2 "Requests a report. 77th plenary meeting 18 December 2023", no furniture
    ("en", " 77th plenary meeting 18 December 2023"),
    ("en", " 18 December 2023 77th plenary meeting"),
    ("en", " 77th plenary meeting, 18 December 2023."),
    ("en", " Adopted by the Security Council at its 8401st meeting, on 15 November 2018"),
    # Before: OP2 "请提交报告。2023 年 12 月 18 日第 77 次全体会议"
    ("zh", "2023 年 12 月 18 日第 77 次全体会议"),
    ("zh", "第 77 次全体会议 2023 年 12 月 18 日"),
    ("zh", "2023年12月18日，第77次全体会议。"),
    ("zh", "第4044次会议一致通过。"),
    ("fr", " 77e séance plénière 18 décembre 2023"),
    ("fr", " Adoptée à la 1748e séance par 14 voix contre 0"),
    ("es", " 1967.ª sesión plenaria, 25 de octubre de 1971"),
    ("ru", " 77-е пленарное заседание 18 декабря 2023 года"),
    ("ru", " Принята единогласно на 3971-м заседании"),
    ("ar", " الجلسة العامة 77 18 كانون الأول/ديسمبر 2023"),
])
def test_an_adoption_line_glued_onto_the_last_paragraph_is_set_apart(language, glued):
    text = TEXTS[language]
    assert _read(text.format(g=glued)) == (("OP2", LAST[language]), [f"line 7: {glued.strip()}"], [])
    # the same as the adoption line printed on its own line: nothing compared differs
    (old,) = parse_text(text.format(g="\n\n" + glued.strip()), "a.txt")
    (new,) = parse_text(text.format(g=glued), "b.txt")
    assert {c.kind.value for c in compare(old, new).changes} == {"unchanged"}
    assert [str(f) for f in old.furniture] == [f"line 9: {glued.strip()}"]


def test_the_lines_after_a_glued_adoption_line_keep_their_numbers():
    text = ("The General Assembly,\n\nRecalling its resolution 60/1,1\n\n1. Decides to act;\n\n"
            "2. Requests the Secretary-General to report on the matter to the General Assembly at its next\n"
            "session.2 77th plenary meeting 18 December 2023\n\n__________\n1 See A/60/1.\n2 See A/61/1.\n\n"
            "Annex\n\nDeclaration\n\n1. We commit;\n\n2. We act.\n\n23-12345\n")
    (document,) = parse_text(text, "g.txt")
    assert [(p.id, p.text, p.footnotes) for p in document.paragraphs][2] == (
        "OP2", "Requests the Secretary-General to report on the matter to the General Assembly at its next session.",
        ("2",))
    assert [str(f) for f in document.furniture] == [
        "line 8: 77th plenary meeting 18 December 2023", "line 10: __________", "line 22: 23-12345"]
    assert [(f.mark, f.text) for f in document.footnotes] == [("1", "See A/60/1."), ("2", "See A/61/1.")]
    assert document.warnings == ()


@pytest.mark.parametrize("text", [
    "2. Recalls its decision taken at the 77th plenary meeting on 1 May 2023.",
    "2. Recalls its decision. 77th plenary meeting decisions are final.",
    "2. 回顾其决定。第 77 次全体会议的决定为最终决定。",
])
def test_a_sentence_naming_a_meeting_stays_the_paragraphs_text(text):
    body = text.removeprefix("2. ")
    chapeau = "大会，\n\n回顾其第 60/1 号决议，\n\n1. 决定采取行动；\n\n" if "回顾" in text else \
        "The General Assembly,\n\nRecalling its resolution 60/1,\n\n1. Decides to act;\n\n"
    assert _read(chapeau + text + "\n") == (("OP2", body), [], [])


@pytest.mark.parametrize(("language", "glued", "below"), [
    # Before: OP2 "Requests a report. 18 December 2023", only the meeting line listed
    ("en", " 18 December 2023", "77th plenary meeting"),
    ("en", " 77th plenary meeting", "18 December 2023"),
    # Before: OP2 "请提交报告。2023 年 12 月 18 日"
    ("zh", "2023 年 12 月 18 日", "第 77 次全体会议"),
    ("zh", "第 77 次全体会议", "2023 年 12 月 18 日"),
])
def test_the_first_line_of_the_adoption_block_glued_onto_the_last_paragraph(language, glued, below):
    assert _read(TEXTS[language].format(g=f"{glued}\n{below}")) == (
        ("OP2", LAST[language]), [f"line 7: {glued.strip()}", f"line 8: {below}"], [])


def test_a_date_ending_the_last_paragraphs_sentence_stays_its_text():
    text = TEXTS["en"].replace("Requests a report.", "Decides to meet on").format(g=" 18 December 2023\n77th plenary meeting")
    assert _read(text) == (("OP2", "Decides to meet on 18 December 2023"), ["line 8: 77th plenary meeting"], [])
