"""`resdiff check` pairs paragraphs by what they say, not by their numbers, when one version
lacks a paragraph and numbers the rest on; and ordinals written out in words ("sixty-second
session", "第六十二届") are numbers it compares."""

from __future__ import annotations

import re
from dataclasses import replace

from conftest import CORPUS
from typer.testing import CliRunner

from resdiff.check import check, cited
from resdiff.cli import app
from resdiff.model import Document
from resdiff.parse import parse_file
from resdiff.parse.patterns import operative_verbs

runner = CliRunner()
ZH = CORPUS / "zh" / "A_RES_61_211.ops1-19.zh.txt"
EN = CORPUS / "zh" / "A_RES_61_211.ops1-19.en.txt"


def one(path) -> Document:
    return parse_file(str(path))[-1]


def dropped(text: str, number: int) -> str:
    """The text without operative paragraph ``number``, those after it numbered one less."""
    out, skip = [], False
    for line in text.split("\n"):
        match = re.match(r"(\d+)\. ", line)
        if match:
            n = int(match.group(1))
            skip = n == number
            if n > number:
                line = f"{n - 1}. " + line[match.end():]
        if not skip:
            out.append(line)
    return "\n".join(out)


def renumbered_without(document: Document, index: int) -> Document:
    gone = document.paragraphs[index]
    paragraphs = []
    for p in document.paragraphs[:index] + document.paragraphs[index + 1:]:
        if p.number is not None and gone.number is not None and p.number > gone.number:
            p = replace(p, number=p.number - 1, id=f"OP{p.number - 1}")
        paragraphs.append(p)
    return replace(document, paragraphs=tuple(paragraphs))


def issues(result):
    return [(pair.a, pair.b, issue.kind, issue.side, issue.value) for pair in result.pairs for issue in pair.issues] \
        + [(f.a, f.b, issue.kind, issue.side, issue.value) for f in result.footnotes for issue in f.issues]


def test_a_paragraph_missing_and_the_rest_renumbered_is_reported_once(tmp_path):
    path = tmp_path / "zh.txt"
    path.write_text(dropped(ZH.read_text(encoding="utf-8"), 9), encoding="utf-8")
    result = check(one(path), one(EN))
    assert [(p.a, p.b) for p in result.pairs] == \
        [(f"OP{n}", f"OP{n}") for n in range(1, 9)] + [(None, "OP9")] + [(f"OP{n - 1}", f"OP{n}") for n in range(10, 20)]
    assert issues(result) == [(None, "OP9", "paragraph", "b", None)]
    out = runner.invoke(app, ["check", str(path), str(EN)])
    lines = out.stdout.splitlines()
    assert lines[2] == "18 paragraphs paired: 18 agree, 0 disagree; 0 in Chinese only, 1 in English only"
    assert lines[11:16] == ["  OP8  ↔ OP8   agree",
                            "✗ —    ↔ OP9   OP9 of English has no counterpart in Chinese",
                            "               “Urges the least developed countries to strengthen the…”",
                            "  OP9  ↔ OP10  agree",
                            "  OP10 ↔ OP11  agree"]
    assert lines[-1] == "The versions disagree: 1 paragraph in one version only."


def test_any_paragraph_of_either_version_missing_leaves_the_others_paired():
    zh, en = one(ZH), one(EN)
    for side in (0, 1):
        for k in range(19):
            versions = [zh, en]
            versions[side] = renumbered_without(versions[side], k)
            result = check(*versions)
            expected = []
            for x in range(19):
                if x == k:
                    expected.append((None, f"OP{x + 1}") if side == 0 else (f"OP{x + 1}", None))
                else:
                    short = f"OP{x + (x < k)}"
                    expected.append((short, f"OP{x + 1}") if side == 0 else (f"OP{x + 1}", short))
            assert [(p.a, p.b) for p in result.pairs] == expected, (side, k)
            assert [i[2] for i in issues(result)] == ["paragraph"], (side, k)


def test_a_gap_in_the_numbers_still_pairs_by_number():
    # OP9 dropped, the others keep their numbers: equal numbers remain evidence
    zh = one(ZH)
    gapped = replace(zh, paragraphs=zh.paragraphs[:8] + zh.paragraphs[9:])
    result = check(gapped, one(EN))
    assert issues(result) == [(None, "OP9", "paragraph", "b", None)]
    assert ("OP10", "OP10") in [(p.a, p.b) for p in result.pairs]


def test_chinese_operative_verbs_are_read_though_no_space_follows_them():
    assert [sorted(operative_verbs(t)) for t in ("注意到秘书长的报告；", "又敦促发展伙伴", "着重指出各项", "请尚未这样做的",
                                                  "Underscores that", "Also urges development partners")] == \
        [["note"], ["urge"], ["stress"], ["invite", "request"], ["stress"], ["urge"]]
    assert operative_verbs("Decidedly") == frozenset()


# --- ordinals in words ------------------------------------------------------------------------------


def values(text: str, language: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.value, c.text) for c in cited(text, language)]


def test_spelled_ordinals_are_numbers_in_four_languages():
    assert values("提交大会第六十二届会议", "zh") == [("number", "62", "第六十二")]
    assert values("第六十二", "zh") == [("number", "62", "第六十二")]
    assert values("在其第十届紧急特别会议和第1747次会议上", "zh") == [("number", "10", "第十"), ("number", "1747", "1747")]
    assert values("to the General Assembly at its sixty-second session", "en") == [("number", "62", "sixty-second")]
    assert values("its tenth emergency special session and the twenty-first century", "en") == \
        [("number", "10", "tenth"), ("number", "21", "twenty-first")]
    assert values("à sa soixante-deuxième session, à la soixante et onzième et quatre-vingt-dixième séance", "fr") == \
        [("number", "62", "soixante-deuxième"), ("number", "71", "soixante et onzième"),
         ("number", "90", "quatre-vingt-dixième")]
    assert values("en su sexagésimo segundo período de sesiones y su sexagésima tercera sesión", "es") == \
        [("number", "62", "sexagésimo segundo"), ("number", "63", "sexagésima tercera")]
    assert values("vigésimo primer período; undécima sesión", "es") == [("number", "21", "vigésimo primer"),
                                                                        ("number", "11", "undécima")]


def test_russian_ordinals_in_every_case_are_numbers():
    assert values("на своей шестьдесят второй сессии и на сорок пятой сессии", "ru") == \
        [("number", "62", "шестьдесят второй"), ("number", "45", "сорок пятой")]
    assert values("пятидесятой сессии; в двадцать первом веке; пятнадцатая", "ru") == \
        [("number", "50", "пятидесятой"), ("number", "21", "двадцать первом"), ("number", "15", "пятнадцатая")]
    assert values("на второй сессии, третьего заседания", "ru") == [("number", "2", "второй"), ("number", "3", "третьего")]
    assert values("второй раз, в пятый раз, пятидесяти государств, шестьдесят", "ru") == []


def test_arabic_ordinals_are_numbers():
    assert values("في دورتها الثانية والستين، الدورة الحادية والعشرين، الحادية عشرة، الدورة الستون", "ar") == \
        [("number", "62", "الثانية والستين"), ("number", "21", "الحادية والعشرين"), ("number", "11", "الحادية عشرة"),
         ("number", "60", "الستون")]
    assert values("في الدورة الاستثنائية الطارئة العاشرة", "ar") == [("number", "10", "العاشرة")]
    assert values("للمرة الثانية", "ar") == []


def test_small_ordinals_are_numbers_only_where_they_number_a_session_or_meeting():
    assert values("第二次世界大战，《宪章》第二条", "zh") == []
    assert values("the Second World War, for the first time", "en") == []
    assert values("la deuxième guerre mondiale; la primera vez", "fr") == []
    assert values("its second session", "en") == [("number", "2", "second")]
    assert values("第二届会议", "zh") == [("number", "2", "第二")]


def test_a_session_number_changed_in_words_is_a_disagreement(tmp_path):
    path = tmp_path / "en.txt"
    path.write_text(EN.read_text(encoding="utf-8").replace("sixty-second session", "sixty-third session"),
                    encoding="utf-8")
    result = check(one(ZH), one(path))
    assert issues(result) == [("OP18", "OP18", "number", "a", "62"), ("OP18", "OP18", "number", "b", "63")]
    assert [i.message for p in result.pairs for i in p.issues] == \
        ["number 62 (第六十二) in Chinese, not in English", "number 63 (sixty-third) in English, not in Chinese"]
    # and the true texts agree: 第六十二届 is the sixty-second session
    assert issues(check(one(ZH), one(EN))) == []
