"""`resdiff check`: two language versions of one document, paired and checked for agreement.

Real multilingual texts (A/RES/61/211 in Chinese and English, S/RES/338 (1973) in English,
French and Arabic, the start of A/RES/68/262 in Chinese and English) must agree, or disagree
only where the texts themselves do (each such place is explained below); copies with a
paragraph dropped, a number changed and a footnote removed in one language must have every
planted disagreement found, and nothing else.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from conftest import CORPUS, FIXTURES, ROOT, SAMPLE
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from resdiff.check import check, chinese_numeral, cited, diff_warnings, fold, in_words
from resdiff.cli import app
from resdiff.compare import compare
from resdiff.model import Document, Paragraph, ParagraphKind
from resdiff.parse import parse_file
from resdiff.text import detect_language

runner = CliRunner()
HERE = FIXTURES / "check"
ZH_61_211 = CORPUS / "zh" / "A_RES_61_211.ops1-19.zh.txt"
EN_61_211 = CORPUS / "zh" / "A_RES_61_211.ops1-19.en.txt"
EN_338 = HERE / "S_RES_338_1973__lexicorient.en.txt"
FR_338 = HERE / "S_RES_338_1973__monbalagan.fr.txt"
AR_338 = HERE / "S_RES_338_1973__marefa.ar.txt"
SCHEMA = json.loads((ROOT / "resdiff" / "schemas" / "check.schema.json").read_text(encoding="utf-8"))


def one(path: Path) -> Document:
    return parse_file(str(path))[-1]


def issues(result) -> list[tuple[str | None, str | None, str, str | None, str | None]]:
    """Every disagreement as (A id, B id, kind, side, value)."""
    return [(pair.a, pair.b, issue.kind, issue.side, issue.value) for pair in result.pairs for issue in pair.issues] \
        + [(f.a, f.b, issue.kind, issue.side, issue.value) for f in result.footnotes for issue in f.issues]


# --- what survives translation ---------------------------------------------------------------------


def values(text: str, language: str) -> list[tuple[str, str]]:
    return [(c.kind, c.value) for c in cited(text, language)]


def test_digits_of_every_script_fold_to_ascii_one_for_one():
    text = "٢٤٢ (١٩٦٧) ۲۰۱۰ ２０１０年 Ａ／６５／７８"
    assert fold(text) == "242 (1967) 2010 2010年 A/65/78"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Recalling its resolution 64/187 of 20 December 2010 and document A/65/78,"),
    ("fr", "Rappelant sa résolution 64/187 du 20 décembre 2010 et le document A/65/78,"),
    ("es", "Recordando su resolución 64/187, de 20 de diciembre de 2010, y el documento A/65/78,"),
    ("ru", "ссылаясь на свою резолюцию 64/187 от 20 декабря 2010 года и документ A/65/78,"),
    ("ar", "إذ تشير إلى قرارها 64/187 المؤرخ 20 كانون الأول/ديسمبر 2010 والوثيقة A/65/78،"),
    ("ar", "إذ تشير إلى قرارها ٦٤/١٨٧ المؤرخ ٢٠ كانون الأول/ديسمبر ٢٠١٠ والوثيقة A/65/78،"),
    ("zh", "回顾其2010年12月20日第64/187号决议和A/65/78号文件,"),
    ("zh", "回顾其２０１０年１２月２０日第６４／１８７号决议和Ａ／６５／７８号文件，"),
])
def test_one_preambular_paragraph_cites_the_same_in_the_six_languages(language, text):
    assert sorted(values(text, language)) == [("date", "2010-12-20"), ("symbol", "64/187"), ("symbol", "A/65/78")]


def test_numbers_by_each_languages_separators_and_session_numerals():
    assert values("some 1,500 persons, 2.5 per cent", "en") == [("number", "1500"), ("number", "2.5")]
    assert values("quelque 1 500 personnes, 2,5 %", "fr") == [("number", "1500"), ("number", "2.5")]
    assert values("unas 1.500 personas, el 2,5 por ciento", "es") == [("number", "1500"), ("number", "2.5")]
    assert values("около 1 500 человек, 2,5 процента", "ru") == [("number", "1500"), ("number", "2.5")]
    assert values("نحو ١٬٥٠٠ شخص، ٢٫٥ في المائة", "ar") == [("number", "1500"), ("number", "2.5")]
    assert values("约1,500人,百分之二十", "zh") == [("number", "1500"), ("number", "20")]
    # a session's Roman numeral, and the Arabic texts' "(د-25)"
    assert values("resolution 2625 (XXV)", "en") == values("القرار 2625 (د-25)", "ar") == \
        [("number", "2625"), ("number", "session 25")]
    # with its part letter, which Arabic spells out: "2200 A (XXI)" is "2200 ألف (د-21)"
    assert values("resolutions 2200 A (XXI) and 217 B (III)", "en") == \
        values("القرارين 2200 ألف (د-21) و 217 باء (د-3)", "ar") == \
        [("number", "2200"), ("number", "session 21"), ("number", "217"), ("number", "session 3")]


def test_month_names_need_a_day_or_a_year_to_be_a_date():
    assert values("The Assembly may decide", "en") == []
    assert values("in May 2011 and on 3 May", "en") == [("date", "2011-05"), ("date", "--05-03")]
    assert values("December 20, 2010", "en") == [("date", "2010-12-20")]
    assert values("le 1er mars 2012", "fr") == [("date", "2012-03-01")]
    assert values("22 تشرين الأول (أكتوبر) 1973", "ar") == [("date", "1973-10-22")]
    assert values("в декабре 2010 года", "ru") == [("date", "2010-12")]


def test_footnote_marks_glued_to_a_word_are_marks_not_numbers():
    assert values("adopted the Declaration8 by consensus;6", "en") == [("mark", "8"), ("mark", "6")]
    assert values("доклада Генерального секретаря3", "ru") == [("mark", "3")]
    # Chinese glues its numbers to words, Arabic its prefixes: "第2条", "بـ14 صوتاً" (with 14 votes)
    assert values("第2条", "zh") == [("number", "2")]
    assert values("بـ14 صوتاً", "ar") == [("number", "14")]


def test_numbers_in_words_of_the_six_languages():
    assert chinese_numeral(12) == "十二" and chinese_numeral(2010) == "二千零一十"
    assert in_words("12", "fr", "douze heures") == "douze"
    assert in_words("12", "ru", "не позднее чем через двенадцать часов") == "двенадцать"
    assert in_words("12", "ar", "خلال اثنتي عشرة ساعة") == "اثنتي عشرة"
    assert in_words("12", "es", "doce horas") == "doce"
    assert in_words("2", "zh", "《宪章》第二条") == "二"
    assert in_words("2", "zh", "二十二") is None  # twenty-two holds no two of its own
    assert in_words("13", "en", "twelve") is None


@pytest.mark.parametrize(("path", "language"), [
    (EN_338, "en"), (FR_338, "fr"), (AR_338, "ar"), (ZH_61_211, "zh"),
    (CORPUS / "zh" / "A_RES_ES-11_6.zh-Hant.excerpt_start.txt", "zh"),
])
def test_the_language_of_each_real_text_is_told_by_script_and_small_words(path, language):
    assert detect_language(path.read_text(encoding="utf-8")) == language


def test_spanish_and_russian_web_texts_are_told_apart_too():
    web = Path("/work/shared/corpus/web")
    texts = {"es": HERE / "A_RES_2758_XXVI__mondiplo.es.txt", "ru": HERE / "S_RES_1224_1999__iplex360.ru.txt"}
    for language, path in texts.items():
        if not path.exists():
            path = web / path.name
        if path.exists():
            assert detect_language(path.read_text(encoding="utf-8")) == language
    assert detect_language("Recordando los principios de la Carta de las Naciones Unidas,") == "es"
    assert detect_language("ссылаясь на все свои предыдущие резолюции по вопросу о Западной Сахаре,") == "ru"


# --- real multilingual sets ------------------------------------------------------------------------


def test_a_res_61_211_in_chinese_and_english_agree():
    result = check(one(ZH_61_211), one(EN_61_211))
    assert [(p.a, p.b) for p in result.pairs] == [(f"OP{n}", f"OP{n}") for n in range(1, 20)]
    assert issues(result) == []
    # The English PDF text glues footnote marks to the words they follow ("Secretary-General;6",
    # "2001-2010,2", "2001-20107", "Declaration8"): the parser reads each as a mark, as the
    # Chinese one does "的报告；6", so check has nothing left to reconcile and both agree.
    marks = {p.id: p.all_footnotes() for p in one(EN_61_211).paragraphs if p.all_footnotes()}
    assert marks == {p.id: p.all_footnotes() for p in one(ZH_61_211).paragraphs if p.all_footnotes()}
    assert marks == {"OP1": ("6",), "OP2": ("2", "7"), "OP3": ("8",), "OP13": ("1",)}
    assert {p.a: p.notes for p in result.pairs if p.notes} == {}


def test_every_planted_disagreement_in_a_res_61_211_is_found_and_nothing_else():
    result = check(one(HERE / "A_RES_61_211.ops1-19.zh.planted.txt"), one(EN_61_211))
    assert issues(result) == [
        ("OP3", "OP3", "footnote", "b", "8"),       # footnote mark 8 removed from the Chinese
        ("OP4", "OP4", "number", "a", "2011"),      # "2001-2010" changed to "2001-2011"
        ("OP4", "OP4", "number", "b", "2010"),
        (None, "OP9", "paragraph", "b", None),      # paragraph 9 dropped from the Chinese
    ]
    messages = [i.message for p in result.pairs for i in p.issues]
    assert messages == ["footnote mark 8 in English, not in Chinese",
                        "number 2011 in Chinese, not in English", "number 2010 in English, not in Chinese",
                        "OP9 of English has no counterpart in Chinese"]
    # the paragraphs after the gap stay paired with their own
    assert ("OP10", "OP10") in [(p.a, p.b) for p in result.pairs]


def test_s_res_338_in_english_and_french_disagree_only_where_the_pages_do():
    result = check(one(EN_338), one(FR_338))
    by_pair = {(p.a, p.b): p for p in result.pairs}
    assert list(by_pair) == [("OP1", "OP1"), ("OP2", "OP2"), ("OP3", "OP3")]
    # "12 hours" is "douze heures": no disagreement
    assert by_pair["OP1", "OP1"].agrees
    assert by_pair["OP1", "OP1"].notes == ("12 (English) is written out in French: 'douze'",)
    # The French page adds the date of resolution 242 (1967), which the English does not give.
    assert [(i.kind, i.side, i.value, i.text) for i in by_pair["OP2", "OP2"].issues] == \
        [("date", "b", "1967-11-22", "22 novembre 1967")]
    # Each page ends paragraph 3 with its own adoption line, read as part of the paragraph:
    # "Adopted with 14 votes" against "Adoptée à la 1748e séance par 14 voix contre 0 … (1)".
    # Whatever of them is reported is a number of the French adoption line, nothing else.
    french = one(FR_338).paragraph("OP3").body
    adoption = french[french.index("Adoptée"):] if "Adoptée" in french else ""
    for issue in by_pair["OP3", "OP3"].issues:
        assert issue.kind == "number" and issue.side == "b" and issue.text in adoption


def test_every_planted_disagreement_in_s_res_338_is_found():
    result = check(one(EN_338), one(HERE / "S_RES_338_1973__monbalagan.fr.planted.txt"))
    found = [i for i in issues(result) if i[:2] != ("OP3", "OP2")]  # the adoption lines, as above
    assert found == [("OP1", "OP1", "number", "a", "12"),  # "douze" became "vingt-quatre"
                     ("OP2", None, "paragraph", "a", None)]  # paragraph 2 dropped, 3 renumbered 2
    assert not [i for i in result.pairs if i.a == "OP3" and any(x.kind == "numbering" for x in i.issues)]


def _operative_lines(path: Path, bullet: str) -> list[str]:
    """The operative paragraphs of a web page, one a line, read as a careful reader reads them."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [re.sub(bullet, "", line).strip() for line in lines if re.match(bullet, line)]


def _operative(texts: list[str], language: str) -> Document:
    return Document("S/RES/338 (1973)", None, language, tuple(
        Paragraph(f"OP{n}", ParagraphKind.OPERATIVE, n, text) for n, text in enumerate(texts, 1)))


def test_s_res_338_in_arabic_agrees_with_the_english_in_any_digits():
    english = _operative(_operative_lines(EN_338, r"^\s*\d\.\s"), "en")
    arabic_lines = _operative_lines(AR_338, r"^- ")
    assert len(arabic_lines) == 3
    arabic = _operative(arabic_lines, "ar")
    assert issues(check(english, arabic)) == []
    # Arabic-Indic digits, as official Arabic texts may print them, change nothing
    indic = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
    assert issues(check(english, _operative([t.translate(indic) for t in arabic_lines], "ar"))) == []
    # a resolution number changed in the Arabic is found
    planted = [arabic_lines[0], arabic_lines[1].replace("242", "243"), arabic_lines[2]]
    assert issues(check(english, _operative(planted, "ar"))) == [
        ("OP2", "OP2", "number", "a", "242"), ("OP2", "OP2", "number", "b", "243")]


def test_the_start_of_68_262_in_chinese_pairs_with_the_english_and_the_cut_is_reported():
    result = check(one(CORPUS / "zh" / "A_RES_68_262.zh-Hans.excerpt_start.txt"), one(CORPUS / "en" / "A_RES_68_262.en.txt"))
    pairs = [(p.a, p.b) for p in result.pairs]
    assert pairs[:6] == [(f"PP{n}", f"PP{n}") for n in range(1, 7)]
    assert all(p.agrees for p in result.pairs[:6])
    # "Article 2 of the Charter" is "《宪章》第二条" in the Chinese
    assert "2 (English) is written out in Chinese: '二'" in result.pairs[1].notes
    # The Chinese excerpt stops in the middle of the seventh preambular paragraph: everything
    # after it, and the English footnotes, are in the English only.
    english = one(CORPUS / "en" / "A_RES_68_262.en.txt")
    rest = [p.id for p in english.paragraphs][6:]
    assert [(p.a, p.b) for p in result.pairs[6:]] == [(None, pid) for pid in rest]
    assert {(f.a, f.b) for f in result.footnotes} == {(None, f.mark) for f in english.footnotes}


def test_sub_paragraphs_nested_differently_are_reported():
    from resdiff.model import Item

    a = Document(None, None, "en", (Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides:", (
        Item("a", "to meet;"), Item("i", "in 2011;", parent="a"), Item("b", "to report."))),))
    b = Document(None, None, "ru", (Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "постановляет:", (
        Item("а", "собраться;"), Item("б", "в 2011 году;"), Item("в", "представить доклад."))),))
    result = check(a, b)
    assert [i.message for p in result.pairs for i in p.issues] == [
        "sub-paragraphs nested differently: (a) (a)(i) (b) in English, (а) (б) (в) in Russian"]


def test_a_paragraph_of_another_kind_and_a_sub_paragraph_count_are_reported():
    a = Document(None, None, "en", (
        Paragraph("PP1", ParagraphKind.PREAMBULAR, None, "Recalling resolution 64/187,"),
        Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Decides:", (
            __import__("resdiff.model").model.Item("a", "to meet in 2011;"),
            __import__("resdiff.model").model.Item("b", "to report;"))),
    ))
    b = Document(None, None, "fr", (
        Paragraph("OP1", ParagraphKind.OPERATIVE, 1, "Rappelle la résolution 64/187,"),
        Paragraph("OP2", ParagraphKind.OPERATIVE, 2, "Décide de se réunir en 2011 et de faire rapport ;"),
    ))
    result = check(a, b)
    assert issues(result) == [("PP1", "OP1", "kind", None, None), ("OP1", "OP2", "numbering", None, None),
                              ("OP1", "OP2", "sub-paragraphs", None, None)]


# --- the command -----------------------------------------------------------------------------------


def test_check_json_validates_against_its_schema_and_exit_code(tmp_path):
    planted = HERE / "A_RES_61_211.ops1-19.zh.planted.txt"
    result = runner.invoke(app, ["check", str(planted), str(EN_61_211), "--format", "json", "--exit-code"])
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["schema"] == "resdiff.check/1" and data["agree"] is False
    assert data["summary"]["paragraph"] == 1 and data["summary"]["footnote"] == 1 and data["summary"]["number"] == 2
    op4 = next(p for p in data["pairs"] if p["a"] == "OP4")
    unmatched = [c["text"] for c in op4["cited"]["a"] if not c["matched"]]
    assert unmatched == ["2011"]
    body = one(planted).paragraph("OP4").body
    assert all(body[c["start"]:c["end"]] == c["text"] for c in op4["cited"]["a"])
    agreeing = runner.invoke(app, ["check", str(ZH_61_211), str(EN_61_211), "-o", str(tmp_path / "c.json"),
                                   "--exit-code"])
    assert agreeing.exit_code == 0, agreeing.output
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["agree"] is True and data["summary"]["agree"] == 19


def test_check_html_is_one_self_contained_page(tmp_path):
    out = tmp_path / "check.html"
    result = runner.invoke(app, ["check", str(EN_338), str(HERE / "S_RES_338_1973__monbalagan.fr.planted.txt"),
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)
    assert "<script" not in page
    assert '<mark class="only" title="number 12">12</mark>' in page
    assert "OP2 of English has no counterpart in French" in page
    assert 'lang="fr"' in page


def test_check_terminal_output_names_each_pair(tmp_path):
    result = runner.invoke(app, ["check", str(HERE / "A_RES_61_211.ops1-19.zh.planted.txt"), str(EN_61_211),
                                 "--color", "never"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "18 paragraphs paired: 16 agree, 2 disagree; 0 in Chinese only, 1 in English only" in lines
    assert "✗ OP4  ↔ OP4   number 2011 in Chinese, not in English" in lines
    assert "✗ —    ↔ OP9   OP9 of English has no counterpart in Chinese" in lines
    assert lines[-1] == "The versions disagree: 1 paragraph in one version only, 1 footnote, 2 numbers."


def test_check_takes_stored_symbols_in_two_languages(tmp_path):
    store = tmp_path / "store.db"
    for path in (ZH_61_211, EN_61_211):
        added = runner.invoke(app, ["add", str(path), "--store", str(store)])
        assert added.exit_code == 0, added.output
    result = runner.invoke(app, ["check", "A/RES/61/211", "--lang", "zh", "--lang", "en", "--store", str(store),
                                 "--format", "json", "--offline"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["a"]["language"], data["b"]["language"]) == ("zh", "en") and data["agree"] is True


@pytest.mark.parametrize(("args", "message"), [
    (["check", "nothere.txt", str(EN_61_211)], "nothere.txt: no such file"),
    (["check", str(ZH_61_211), str(EN_61_211), "--format", "md"], "check has no markdown form"),
    (["check", str(ZH_61_211)], "give two versions to check"),
    (["check", "A/RES/61/211", "--lang", "zh", "--lang", "xx", "--offline"], "choose one of"),
])
def test_check_errors_are_one_line_and_exit_2(args, message):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "resdiff", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=60)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("resdiff: error:") and message in lines[0], done.stderr


# --- diff's warnings for comparisons that make no sense ----------------------------------------------


def test_diff_of_two_languages_warns_and_suggests_check():
    result = runner.invoke(app, ["diff", str(ZH_61_211), str(EN_61_211), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["schema"] == "resdiff.diff/1"  # the comparison still runs
    # (the excerpts were kept without their footnotes: each reading says so, then the languages)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("resdiff: warning:")
                and "are cited but no footnote was found" not in line]
    assert len(result.stderr.splitlines()) == 3
    assert warnings == ["resdiff: warning: A/RES/61/211 is in Chinese and A/RES/61/211 in English: diff compares "
                        "versions in one language; to see whether two language versions agree, run 'resdiff check' "
                        "on them"]


def test_diff_of_unrelated_documents_warns():
    a, b = CORPUS / "en" / "A_RES_80_1.md", CORPUS / "en" / "A_RES_80_2.md"
    result = runner.invoke(app, ["diff", str(a), str(b), "--stat"])
    assert result.exit_code == 0
    assert "resdiff: warning: A/RES/80/1 and A/RES/80/2 share little text (0%): they may be different documents " \
           "rather than two versions of one" in result.stderr.splitlines()
    assert result.stdout  # the comparison still runs


@pytest.mark.parametrize(("old", "new"), [
    (SAMPLE, None),  # the drafts L.22 and L.56 of the seed report: 73% shared
    (CORPUS / "en" / "A_RES_68_262.en.txt", CORPUS / "en" / "A_RES_ES-11_4.en.txt"),  # reworked: 21%
    (CORPUS / "en" / "A_RES_ES-11_1.en.txt", CORPUS / "en" / "A_RES_ES-11_2.en.txt"),  # 30%
])
def test_diff_of_versions_and_of_reworked_texts_gives_no_warning(old, new):
    documents = parse_file(str(old))
    a, b = (documents[0], documents[-1]) if new is None else (documents[-1], one(new))
    assert diff_warnings(compare(a, b)) == []


def test_the_readme_shows_checks_real_output():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = ("resdiff check tests/fixtures/check/A_RES_61_211.ops1-19.zh.planted.txt "
               "tests/fixtures/corpus/zh/A_RES_61_211.ops1-19.en.txt")
    block = readme.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "resdiff", *command.split()[1:]], capture_output=True, text=True,
                          cwd=ROOT, timeout=60, env={k: v for k, v in __import__("os").environ.items()
                                                     if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS"}})
    assert done.returncode == 0
    assert done.stdout == block


def test_every_real_text_agrees_with_itself():
    files = sorted([*CORPUS.glob("*/*.txt"), *CORPUS.glob("*/*.md"), SAMPLE])
    checked = 0
    for path in files:
        try:
            documents = parse_file(str(path))
        except Exception:  # the page excerpts that hold no whole paragraph
            continue
        for document in documents:
            result = check(document, document)
            assert issues(result) == [], path
            assert result.notes == (f"both versions are in {dict(zh='Chinese', en='English')[document.language]}: "
                                    "check compares language versions of one document ('resdiff diff' compares two "
                                    "versions in one language)",)
            checked += 1
    assert checked >= 40


@pytest.mark.parametrize(("a", "b"), [
    (HERE / "A_RES_61_211.ops1-19.zh.planted.txt", EN_61_211),
    (EN_338, HERE / "S_RES_338_1973__monbalagan.fr.planted.txt"),
    (CORPUS / "zh" / "A_RES_68_262.zh-Hans.excerpt_start.txt", CORPUS / "en" / "A_RES_68_262.en.txt"),
])
def test_checking_b_against_a_mirrors_a_against_b(a, b):
    forward, backward = check(one(a), one(b)), check(one(b), one(a))
    flip = {"a": "b", "b": "a", None: None}
    assert sorted(repr((y, x, kind, flip[side], value)) for x, y, kind, side, value in issues(backward)) == \
        sorted(repr((x, y, kind, side, value)) for x, y, kind, side, value in issues(forward))


_ALPHABET = list("0123456789٠١٢٣٤٥٦٧٨٩０１２ /.,-()年月日;:") + [
    " December ", " décembre ", " декабря ", " كانون الأول/ديسمبر ", " (XXV)", " A/65/78", " ES-11/1", " de ",
    "1er", "Declaration8", "百分之二十", " douze ", " twelve "]


_TEXT = st.lists(st.sampled_from(_ALPHABET), min_size=1, max_size=12).map("".join)


@given(st.lists(_TEXT, max_size=6), st.lists(_TEXT, max_size=6),
       st.sampled_from(["zh", "en", "fr", "es", "ru", "ar"]))
def test_every_paragraph_is_in_exactly_one_pair_and_what_is_cited_is_where_it_says(xs, ys, language):
    a = Document(None, None, "en", tuple(Paragraph(f"OP{n}", ParagraphKind.OPERATIVE, n, x) for n, x in enumerate(xs, 1)))
    b = Document(None, None, language, tuple(Paragraph(f"OP{n}", ParagraphKind.OPERATIVE, n, y)
                                             for n, y in enumerate(ys, 1)))
    result = check(a, b)
    assert [p.a for p in result.pairs if p.a] == [p.id for p in a.paragraphs]
    assert [p.b for p in result.pairs if p.b] == [p.id for p in b.paragraphs]
    for pair in result.pairs:
        for document, pid, found in ((a, pair.a, pair.cited_a), (b, pair.b, pair.cited_b)):
            for c in found:
                assert pid is not None and document.paragraph(pid).body[c.start:c.end] == c.text


LANGUAGES = FIXTURES / "languages"


@pytest.mark.parametrize("arabic", [AR_338, LANGUAGES / "S_RES_338_1973__aljazeera.ar.txt"])
def test_s_res_338_in_english_and_in_two_arabic_transcriptions_agree(arabic):
    result = check(one(EN_338), one(arabic))
    assert [(p.a, p.b) for p in result.pairs] == [("OP1", "OP1"), ("OP2", "OP2"), ("OP3", "OP3")]
    assert issues(result) == []


def test_s_res_1263_in_chinese_english_and_russian():
    zh = one(LANGUAGES / "S_RES_1263_1999__zhwikisource.zh.txt")
    en = one(LANGUAGES / "S_RES_1263_1999__hrlibrary.en.txt")
    ru = one(LANGUAGES / "S_RES_1263_1999__lica.ru.excerpt.txt")
    result = check(zh, en)
    assert [(p.a, p.b) for p in result.pairs] == [(f"PP{n}", f"PP{n}") for n in (1, 2, 3)] + \
        [(f"OP{n}", f"OP{n}") for n in (1, 2, 3, 4)]
    assert issues(result) == []
    # The Russian page is cut in operative paragraph 1 (languages/README.md): what follows is in
    # the other versions only, and the paragraphs before it agree.
    for other in (zh, en):
        assert issues(check(ru, other)) == [(None, f"OP{n}", "paragraph", "b", None) for n in (2, 3, 4)]
