"""The Chinese interface says each thing in Chinese, whole: parser warnings with their words
(document, annex) inside the message, 文档 for a document and 文件 for a file on disk, a
full-width colon after a file's name in a Chinese message and an ASCII one in English."""

from __future__ import annotations

import pytest

from conftest import ROOT
from test_i18n import run

DRAFT = """The General Assembly,

Recalling its resolution 1,

1. Decides to do something;

3. Requests the Secretary-General to report;

Annex

1. First annex paragraph.

3. Third annex paragraph.
"""

SEVERAL_ANNEXES = DRAFT.replace("\nAnnex\n", "\nAnnex II\n") + "\nAnnex III\n\n2. Second paragraph.\n"


def test_numbering_warnings_say_document_and_annex_in_the_interface_language(tmp_path):
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    english = run("parse", str(tmp_path / "draft.txt"), "--ui-lang", "en")
    chinese = run("parse", str(tmp_path / "draft.txt"), "--ui-lang", "zh")
    source = tmp_path / "draft.txt"
    assert english.stderr.splitlines() == [
        f"resdiff: warning: {source}: document: operative paragraph 3 follows 1 (after OP1): "
        "a paragraph may be missing or misread",
        f"resdiff: warning: {source}: document: Annex paragraph 3 follows 1 (after Annex 1): "
        "a paragraph may be missing or misread"]
    assert chinese.stderr.splitlines() == [
        f"resdiff：警告：{source}：文档：执行部分第 3 段紧接第 1 段（在 OP1 之后）：可能缺少段落或误读",
        f"resdiff：警告：{source}：文档：附件第 3 段紧接第 1 段（在 Annex 1 之后）：可能缺少段落或误读"]


def test_warnings_of_several_annexes_name_the_annex(tmp_path):
    (tmp_path / "d.txt").write_text(SEVERAL_ANNEXES, encoding="utf-8")
    english = run("parse", str(tmp_path / "d.txt"), "--ui-lang", "en").stderr.splitlines()
    chinese = run("parse", str(tmp_path / "d.txt"), "--ui-lang", "zh").stderr.splitlines()
    source = tmp_path / "d.txt"
    assert english[1:] == [
        f"resdiff: warning: {source}: document: Annex II paragraph 3 follows 1 (after Annex II 1): "
        "a paragraph may be missing or misread",
        f"resdiff: warning: {source}: document: Annex III paragraph 2 follows nothing (at the start): "
        "a paragraph may be missing or misread"]
    assert chinese[1:] == [
        f"resdiff：警告：{source}：文档：附件 II 第 3 段紧接第 1 段（在 Annex II 1 之后）：可能缺少段落或误读",
        f"resdiff：警告：{source}：文档：附件 III 第 2 段之前没有段落（位于开头）：可能缺少段落或误读"]


def test_a_file_holding_one_document_is_a_document_in_chinese(tmp_path):
    (tmp_path / "one.txt").write_text("The General Assembly,\n\n1. Decides to do something;\n", encoding="utf-8")
    english = run("diff", "one.txt", "--ui-lang", "en", cwd=tmp_path)
    chinese = run("diff", "one.txt", "--ui-lang", "zh", cwd=tmp_path)
    assert (english.returncode, english.stderr) == (
        2, "resdiff: error: one.txt holds one document (one.txt); give a second file to compare it with\n")
    assert (chinese.returncode, chinese.stderr) == (2, "resdiff：错误：one.txt 中只有一份文档（one.txt）；请再提供一个文件与之比较\n")


@pytest.mark.parametrize("command", [["parse", "nofile.txt"], ["add", "nofile.txt", "--store", "s.db"],
                                     ["diff", "nofile.txt", "nofile.txt", "--store", "s.db"]])
def test_a_colon_after_a_file_name_is_full_width_in_chinese_and_ascii_in_english(tmp_path, command):
    english = run(*command, "--ui-lang", "en", cwd=tmp_path)
    chinese = run(*command, "--ui-lang", "zh", cwd=tmp_path)
    assert english.returncode == chinese.returncode == 2
    assert english.stderr.startswith("resdiff: error: nofile.txt: no such file"), english.stderr
    assert chinese.stderr.startswith("resdiff：错误：nofile.txt：没有此文件"), chinese.stderr
    assert ": " not in chinese.stderr and "：" not in english.stderr


@pytest.mark.parametrize("command, option", [(["precedent", "draft.txt", "--language", "xx"], "--language"),
                                             (["precedent", "draft.txt", "--language", "zh,xx"], "--language"),
                                             (["fetch", "A/RES/61/211", "--lang", "xx"], "--lang"),
                                             (["diff", "a.txt", "b.txt", "--lang", "xx"], "--lang"),
                                             (["check", "a.txt", "b.txt", "--lang", "xx"], "--lang")])
def test_an_unknown_language_code_is_a_usage_error_in_every_command(tmp_path, command, option):
    """Before any file or store is opened: one line, exit 2, in both interface languages."""
    english = run(*command, "--store", str(tmp_path / "s.db"), "--ui-lang", "en", cwd=tmp_path)
    chinese = run(*command, "--store", str(tmp_path / "s.db"), "--ui-lang", "zh", cwd=tmp_path)
    name = command[0]
    if option == "--language":
        assert english.stderr == ("resdiff: error: Invalid value for --language: choose one of zh, en, fr, es, ru, ar "
                                  "(several joined by commas), or all (see 'resdiff precedent --help')\n")
        assert chinese.stderr == ("resdiff：错误：--language 的值无效：请从以下选择其一：zh、en、fr、es、ru、ar"
                                  "（多种语文以逗号分隔），或 all（参见 'resdiff precedent --help'）\n")
    else:
        assert english.stderr == (f"resdiff: error: Invalid value for --lang: choose one of zh, en, fr, es, ru, ar "
                                  f"(see 'resdiff {name} --help')\n")
        assert chinese.stderr == f"resdiff：错误：--lang 的值无效：请从以下选择其一：zh、en、fr、es、ru、ar（参见 'resdiff {name} --help'）\n"
    assert english.returncode == chinese.returncode == 2 and english.stdout == chinese.stdout == ""


WEB = ROOT / "tests" / "fixtures" / "languages" / "web"


@pytest.mark.parametrize("name, code, chinese", [
    ("S_RES_1232_1999__zhwikisource.zh.txt", "zh", "中文"), ("S_RES_338_1973__lexicorient.en.txt", "en", "英文"),
    ("S_RES_338_1973__monbalagan.fr.txt", "fr", "法文"), ("A_RES_2758_XXVI__mondiplo.es.txt", "es", "西班牙文"),
    ("S_RES_1224_1999__iplex360.ru.txt", "ru", "俄文"), ("S_RES_338_1973__marefa.ar.txt", "ar", "阿拉伯文")])
def test_a_text_s_language_is_named_in_chinese_and_a_code_in_english(name, code, chinese):
    english = run("parse", str(WEB / name), "--ui-lang", "en").stdout.splitlines()
    named = run("parse", str(WEB / name), "--ui-lang", "zh").stdout.splitlines()
    assert [line.split(" · ")[0] for line in english if line.startswith("language ")] == [f"language {code}"]
    assert [line.split(" · ")[0] for line in named if line.startswith("语文 ")] == [f"语文 {chinese}"]
    data = run("parse", str(WEB / name), "--ui-lang", "zh", "--format", "json").stdout
    assert f'"language": "{code}"' in data


def test_the_html_cards_name_the_language_in_chinese(tmp_path):
    pair = [str(WEB / "S_RES_338_1973__lexicorient.en.txt"), str(WEB / "S_RES_338_1973__monbalagan.fr.txt")]
    for command in (["check", *pair], ["diff", pair[0], pair[0]]):
        run(*command, "-o", str(tmp_path / "zh.html"), "--ui-lang", "zh")
        run(*command, "-o", str(tmp_path / "en.html"), "--ui-lang", "en")
        chinese, english = ((tmp_path / f"{x}.html").read_text(encoding="utf-8") for x in ("zh", "en"))
        assert "语文 英文" in chinese and "语文 en" not in chinese and "language en" in english
        assert ("语文 法文" in chinese) == (command[0] == "check")


def test_precedent_names_the_languages_it_searched_in_chinese(tmp_path):
    store = str(tmp_path / "s.db")
    run("add", str(WEB / "S_RES_338_1973__lexicorient.en.txt"), "--store", store)
    english = run("precedent", str(WEB / "S_RES_338_1973__monbalagan.fr.txt"), "--language", "fr,ar",
                  "--store", store, "--ui-lang", "en")
    chinese = run("precedent", str(WEB / "S_RES_338_1973__monbalagan.fr.txt"), "--language", "fr,ar",
                  "--store", store, "--ui-lang", "zh")
    assert english.stderr == ("resdiff: note: no stored text is in fr, ar (the store holds en): "
                              "every paragraph comes out new\n")
    assert chinese.stderr == "resdiff：注意：已存储的案文中没有法文、阿拉伯文文本（存储中有英文）：每个段落都将列为新措辞\n"


# --- two versions that share a symbol are named apart ------------------------------------------


def _pair(old_symbol, new_symbol):
    from resdiff.compare import compare
    from resdiff.model import Document, Paragraph, ParagraphKind

    def document(symbol, text):
        return Document(symbol, None, "en", (Paragraph("OP1", ParagraphKind.OPERATIVE, 1, text),))
    return compare(document(old_symbol, "Decides to act;"), document(new_symbol, "Decides to act now;"))


@pytest.mark.parametrize("language, old, new", [("en", "L.41 (old)", "L.41 (new)"), ("zh", "L.41（旧）", "L.41（新）")])
def test_versions_with_one_symbol_are_named_old_and_new_in_every_view(language, old, new):
    from resdiff import i18n
    from resdiff.render import RenderOptions
    from resdiff.render.html import render as html
    from resdiff.render.markdown import render as markdown
    from resdiff.render.terminal import render as terminal, render_stat

    comparison = _pair("A/C.3/78/L.41", "A/C.3/78/L.41")
    options = RenderOptions(width=200, color=False)
    i18n.use(language)
    try:
        text, stat = terminal(comparison, options), render_stat(comparison, options)
        page, md = html(comparison, options), markdown(comparison, options)
        as_in = i18n._("as in {symbol}")
    finally:
        i18n.use("en")
    assert f"{old} OP1 → {new} OP1" in text
    columns = next(line for line in stat.splitlines() if line.startswith(old))
    assert columns.split(old, 1)[1].split()[0] == new.split()[0] and new in columns
    assert f"| {old} | {new} |" in md
    assert as_in.format(symbol=old) in page and as_in.format(symbol=new) in page
    assert "L.41 OP1" not in text + stat + md + page
    assert comparison.old.short_symbol == comparison.new.short_symbol == "L.41"  # the data is as it was


def test_versions_whose_symbols_share_only_a_tail_are_named_by_their_whole_symbols():
    from resdiff.render import RenderOptions
    from resdiff.render.markdown import render as markdown
    from resdiff.render.terminal import render as terminal

    comparison = _pair("A/C.2/65/L.22", "A/C.3/65/L.22")
    assert "A/C.2/65/L.22 OP1 → A/C.3/65/L.22 OP1" in terminal(comparison, RenderOptions(width=200, color=False))
    assert "| A/C.2/65/L.22 | A/C.3/65/L.22 | change |" in markdown(comparison, RenderOptions())
    distinct = _pair("A/C.2/65/L.22", "A/C.2/65/L.56")
    assert "L.22 OP1 → L.56 OP1" in terminal(distinct, RenderOptions(width=200, color=False))


def test_log_names_the_language_of_each_version_of_a_family_kept_in_several(tmp_path):
    store = str(tmp_path / "s.db")
    run("add", str(WEB / "S_RES_338_1973__lexicorient.en.txt"), str(WEB / "S_RES_338_1973__monbalagan.fr.txt"),
        "--store", store)
    assert run("log", "--store", store, "--ui-lang", "en").stdout.splitlines()[1:] == [
        "  ----------  S/RES/338 (1973) [en]     0 PP 3 OP  first version",
        # the French page prints the adoption date ("le 22 octobre 1973"), the English one none
        "  1973-10-22  S/RES/338 (1973) [fr]     0 PP 3 OP  first version"]
    assert run("log", "--store", store, "--ui-lang", "zh").stdout.splitlines()[1:] == [
        "  ----------  S/RES/338 (1973) [英文]     0 PP 3 OP  第一版",
        "  1973-10-22  S/RES/338 (1973) [法文]     0 PP 3 OP  第一版"]
