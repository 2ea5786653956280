"""The Chinese interface of the reports beyond ``diff``: ``check``, ``history`` and ``precedent``,
pinned by golden files on real texts; and the same commands in English, byte for byte as before.

The documents' own text, paragraph ids and the JSON (keys and values) are never translated.
Regenerate with ``pytest --update-golden`` when a label or its translation changes on purpose.
"""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from resdiff.cli import app

CHECK = "tests/fixtures/check"
ZH_61_211_PLANTED = f"{CHECK}/A_RES_61_211.ops1-19.zh.planted.txt"  # OP9 dropped, a year changed, a mark lost
EN_61_211 = "tests/fixtures/corpus/zh/A_RES_61_211.ops1-19.en.txt"
EN_338 = f"{CHECK}/S_RES_338_1973__lexicorient.en.txt"
FR_338_PLANTED = f"{CHECK}/S_RES_338_1973__monbalagan.fr.planted.txt"


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    for name in ("RESDIFF_UI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def run(*args: str, code: int = 0) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, result.output
    return result.stdout


# --- check ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_terminal_report(lang, golden):
    golden(f"ui/check_61_211.{lang}.terminal.txt",
           run("--ui-lang", lang, "check", ZH_61_211_PLANTED, EN_61_211, "--width", "100"))
    golden(f"ui/check_338.{lang}.terminal.txt",
           run("--ui-lang", lang, "check", EN_338, FR_338_PLANTED, "--width", "100"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_html_report(lang, golden):
    golden(f"ui/check_61_211.{lang}.html", run("--ui-lang", lang, "check", ZH_61_211_PLANTED, EN_61_211,
                                              "--format", "html"))


def test_check_in_chinese_says_each_planted_disagreement():
    text = run("--ui-lang", "zh", "check", ZH_61_211_PLANTED, EN_61_211, "--width", "100")
    assert "✗ —    ↔ OP9   英文本的 OP9 在中文本中没有对应段落\n" in text
    assert "✗ OP4  ↔ OP4   数字 2011 见于中文本，不见于英文本\n" in text
    assert "脚注标记 8 见于英文本，不见于中文本" in text
    assert text.endswith("两个版本不一致：仅见于一个版本的段落 1 段、脚注 1 个、数字 2 个。\n")
    for english in ("agree", "note:", "paired", "The versions", "English", "Chinese"):
        assert english not in text


def test_check_json_stays_english_in_the_chinese_interface():
    chinese = json.loads(run("--ui-lang", "zh", "check", ZH_61_211_PLANTED, EN_61_211, "--format", "json"))
    english = json.loads(run("--ui-lang", "en", "check", ZH_61_211_PLANTED, EN_61_211, "--format", "json"))
    assert chinese == english
    messages = [i["message"] for p in chinese["pairs"] for i in p["disagreements"]]
    assert "OP9 of English has no counterpart in Chinese" in messages
    assert "number 2011 in Chinese, not in English" in messages


def test_dates_are_said_the_chinese_way():
    from resdiff import i18n
    from resdiff.check import shown_value

    i18n.use("zh")
    try:
        assert [i18n.tr(shown_value("date", v)) for v in ("2010-12-20", "--10-22", "2010-03")] == \
            ["2010年12月20日", "10月22日", "2010年3月"]
    finally:
        i18n.use("en")
    assert shown_value("date", "2010-12-20") == "20 December 2010"


# --- history -------------------------------------------------------------------------------------

SAMPLE = "samples/A_C.2_65_433_second_committee_report_ict_zh.txt"  # the real report A/65/433
EN_REPORT = "tests/fixtures/reports/second_committee_report_made_by_hand_en.txt"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_history_of_a_real_report(lang, golden):
    golden(f"ui/history_sample.{lang}.txt", run("--ui-lang", lang, "history", SAMPLE))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_history_with_revisions_and_a_recorded_vote(lang, golden):
    golden(f"ui/history_made_by_hand_en.{lang}.txt", run("--ui-lang", lang, "history", EN_REPORT))


def test_history_in_chinese_translates_the_steps_not_the_report():
    text = run("--ui-lang", "zh", "history", EN_REPORT)
    assert text.startswith("A/65/440 所载议事情况，议程项目 23\n")
    assert "  2010-11-24  第31次会议   通过              A/C.2/65/L.61（经口头订正、记录表决：150票赞成、1票反对、" \
           "3票弃权）\n" in text
    # who spoke is the report's text, in the report's language
    assert "由 Belgium（代表European Union）；Canada（并代表Australia and New Zealand）" in text
    chinese = json.loads(run("--ui-lang", "zh", "history", EN_REPORT, "--format", "json"))
    assert chinese == json.loads(run("--ui-lang", "en", "history", EN_REPORT, "--format", "json"))
    assert [e["kind"] for e in chinese["events"]][:3] == ["introduced", "submitted", "revised"]


def test_the_digital_library_record_under_an_adoption_in_chinese():
    from resdiff import i18n
    from resdiff.fetch import Record
    from resdiff.fetch_cli import record_line

    record = Record(symbol="A/RES/65/141", title="Information and communications technologies for development",
                    date="2010-12-20", agenda="Information and communications technologies for development",
                    votes=(150, 1, 3), url="https://digitallibrary.un.org/record/1", fetched_at="2026-11-29T00:00:00Z")
    assert record.known() == ("vote: 150 in favour, 1 against, 3 abstaining; "
                              "agenda: Information and communications technologies for development")
    i18n.use("zh")
    try:
        assert record.known() == "表决：150票赞成、1票反对、3票弃权；议程：Information and communications technologies for development"
        assert record_line(None) == "记录：联合国数字图书馆中没有此文档的记录"
        assert record_line(record).startswith("记录：Information and communications technologies for development；2010-12-20；")
    finally:
        i18n.use("en")


# --- precedent -----------------------------------------------------------------------------------

EN = "tests/fixtures/corpus/en"


@pytest.fixture(scope="module")
def precedent_store(tmp_path_factory):
    """68/262 (2014) and ES-11/1 to ES-11/3 (2022), English: where ES-11/4's language was said before."""
    path = str(tmp_path_factory.mktemp("precedent") / "store.db")
    files = [f"{EN}/A_RES_68_262.en.txt", *(f"{EN}/A_RES_ES-11_{n}.en.txt" for n in (1, 2, 3))]
    result = CliRunner().invoke(app, ["--ui-lang", "en", "add", *(str(ROOT / f) for f in files), "--store", path])
    assert result.exit_code == 0, result.output
    return path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_precedent_html_page(lang, precedent_store, golden):
    golden(f"ui/precedent_es_11_4.{lang}.html", run("--ui-lang", lang, "precedent", f"{EN}/A_RES_ES-11_4.en.txt",
                                                    "--store", precedent_store, "--top", "2", "--format", "html"))


def test_the_chinese_precedent_page_labels_in_chinese_and_the_texts_in_their_language(precedent_store):
    page = run("--ui-lang", "zh", "precedent", f"{EN}/A_RES_ES-11_4.en.txt", "--store", precedent_store,
               "--format", "html")
    assert '<html lang="zh">' in page and "<h1>A/RES/ES-11/4 的先例</h1>" in page
    assert '<div class="head">OP1<span class="status">商定措辞</span></div>\n<p class="text" lang="en">' in page
    assert "<li>A/RES/ES-11/1 OP1（2022-03-18）：相同</li>" in page
    assert "与先例相同（商定措辞）2 段，由先例修改而来 3 段，新措辞 10 段" in page
    english = run("--ui-lang", "en", "precedent", f"{EN}/A_RES_ES-11_4.en.txt", "--store", precedent_store,
                  "--format", "html")
    assert '<html lang="en">' in english and '<p class="text">' in english and 'lang="en">' not in english.split("<body>")[1]


@pytest.mark.parametrize("command", [
    f"resdiff check {ZH_61_211_PLANTED} {EN_61_211} --ui-lang zh",
    f"resdiff history {SAMPLE} --ui-lang zh",
])
def test_the_readme_shows_the_chinese_reports_as_they_are(command):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    import os
    import subprocess
    import sys

    environment = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS"}}
    done = subprocess.run([sys.executable, "-m", "resdiff", *command.split()[1:]], capture_output=True, text=True,
                          cwd=ROOT, timeout=60, env=environment)
    assert (done.returncode, done.stdout) == (0, block)


# --- log and blame -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def revised_store(tmp_path_factory):
    """The real report A/65/433 (L.22, L.56), then a copy with one word of L.56 changed: L.56 rev 2."""
    folder = tmp_path_factory.mktemp("log")
    text = (ROOT / SAMPLE).read_text(encoding="utf-8")
    at = text.rindex("信息和通信技术")
    (folder / "A_C.2_65_433_changed.txt").write_text(text[:at] + "信息通信技术" + text[at + len("信息和通信技术"):],
                                                      encoding="utf-8")
    path = str(folder / "store.db")
    result = CliRunner().invoke(app, ["--ui-lang", "en", "add", str(ROOT / SAMPLE), str(folder / "A_C.2_65_433_changed.txt"),
                                      "--store", path])
    assert result.exit_code == 0, result.output
    return path


def test_log_and_blame_in_chinese_name_the_changes_and_revisions_in_chinese(revised_store):
    log = run("--ui-lang", "zh", "log", "--store", revised_store)
    assert log.splitlines()[2:] == ["  2010-11-24  A/C.2/65/L.56           25 PP 24 OP  +3 −3 ~36 合并 2 移动 5 重新编号 17",
                                    "  2010-11-24  A/C.2/65/L.56 第 2 版   25 PP 24 OP  +0 −0 ~1"]
    blame = run("--ui-lang", "zh", "blame", "L.56", "--store", revised_store)
    assert blame.startswith("A/C.2/65/L.56：各段落的来源（L.22 → L.56 → L.56 第 2 版）\n")
    assert "\n  PP2   L.22 PP2        未改动\n" in blame
    english = run("--ui-lang", "en", "log", "--store", revised_store)
    assert english.splitlines()[2:] == [
        "  2010-11-24  A/C.2/65/L.56         25 PP 24 OP  +3 −3 ~36 merged 2 moved 5 renumbered 17",
        "  2010-11-24  A/C.2/65/L.56 rev 2   25 PP 24 OP  +0 −0 ~1"]
    assert "\n  PP2   L.22 PP2        unchanged\n" in run("--ui-lang", "en", "blame", "L.56", "--store", revised_store)
    data = json.loads(run("--ui-lang", "zh", "log", "--store", revised_store, "--format", "json"))
    assert data["versions"][1]["summary"] == "+3 −3 ~36 merged 2 moved 5 renumbered 17"
