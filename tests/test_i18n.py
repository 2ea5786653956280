"""The interface in the reader's language: the catalogues, the choice of language, and the
English interface left exactly as it was.

The Chinese views of the sample are pinned in tests/test_i18n_views.py.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from resdiff import i18n
from resdiff.cli import app

from conftest import ROOT, SAMPLE

LOCALE = ROOT / "resdiff" / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/resdiff.po"))
RESDIFF = [sys.executable, "-m", "resdiff"]


def run(*args: str, env: dict | None = None, cwd=ROOT) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"RESDIFF_UI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}}
    environment.update(env or {})
    return subprocess.run(RESDIFF + list(args), capture_output=True, text=True, env=environment, cwd=cwd,
                          timeout=120)


def read_catalogue(path: Path):
    with open(path, "rb") as handle:
        return read_po(handle, locale=path.parent.parent.name)


def code_messages() -> dict[str, str]:
    """Every string the code marks for translation (``_``, ``N_``, ``ngettext``), with where."""
    found: dict[str, str] = {}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
            str(ROOT / "resdiff"), method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS):
        for text in message if isinstance(message, tuple) else (message,):
            if text:
                found.setdefault(text, filename)
    return found


def fields(text: str) -> list[str]:
    """The replacement fields of a brace-format string, in order of their names."""
    return sorted(re.findall(r"\{([^{}]*)\}", text))


def test_there_is_a_chinese_catalogue():
    assert [p.parent.parent.name for p in CATALOGUES] == ["zh"]
    assert i18n.languages() == ("en", "zh")


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_each_committed_mo_is_its_po_compiled(po):
    """resdiff reads the .mo: a .po edited without `make messages` would be ignored in silence."""
    buffer = io.BytesIO()
    write_mo(buffer, read_catalogue(po))
    assert po.with_suffix(".mo").read_bytes() == buffer.getvalue(), "run make messages"


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_every_string_in_the_code_is_translated(po):
    catalogue = read_catalogue(po)
    missing, fuzzy, mismatched = [], [], []
    for text, where in sorted(code_messages().items()):
        entry = catalogue.get(text)
        if entry is None:
            # the plural of an ngettext pair is looked up through its singular
            entry = next((m for m in catalogue if isinstance(m.id, tuple) and text in m.id), None)
        if entry is None or not all(entry.string if isinstance(entry.string, tuple) else (entry.string,)):
            missing.append(f"{where}: {text!r}")
            continue
        if entry.fuzzy:
            fuzzy.append(text)
        for translation in entry.string if isinstance(entry.string, tuple) else (entry.string,):
            if "{" in text and fields(translation) != fields(text):
                mismatched.append(f"{text!r} -> {translation!r}")
    assert not missing, "untranslated (run make messages and translate):\n" + "\n".join(missing)
    assert not fuzzy, f"fuzzy (guessed) translations: {fuzzy}"
    assert not mismatched, "replacement fields differ:\n" + "\n".join(mismatched)


def test_the_catalogue_holds_no_string_the_code_no_longer_has():
    code = set(code_messages())
    for po in CATALOGUES:
        stale = [m.id for m in read_catalogue(po) if m.id and not ({m.id} if isinstance(m.id, str) else set(m.id)) & code]
        assert not stale, f"{po}: strings no longer in the code (run make messages): {stale}"


# --- choosing the language -----------------------------------------------------------------------


def test_an_unknown_ui_lang_is_a_one_line_error():
    result = run("diff", str(SAMPLE), "--ui-lang", "xx")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "resdiff: error: unknown interface language 'xx' for --ui-lang: choose en or zh\n"


def test_an_unknown_language_in_the_environment_is_a_one_line_error_too():
    result = run("parse", str(SAMPLE), env={"RESDIFF_UI_LANG": "klingon"})
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "resdiff: error: unknown interface language 'klingon' for RESDIFF_UI_LANG: choose en or zh\n"


def test_ui_lang_anywhere_on_the_line_option_over_environment_over_locale():
    missing = "no-such-file.txt"
    chinese = "resdiff：错误：no-such-file.txt：没有此文件\n"
    for args, env in ((("--ui-lang", "zh", "parse", missing), {}),
                      (("parse", missing, "--ui-lang", "zh"), {"RESDIFF_UI_LANG": "en"}),
                      (("parse", missing, "--ui-lang=zh_CN"), {}),
                      (("parse", missing), {"RESDIFF_UI_LANG": "zh"}),
                      (("parse", missing), {"LANG": "zh_CN.UTF-8"}),
                      (("parse", missing), {"LANGUAGE": "fr:zh", "LANG": "en_US.UTF-8"}),
                      (("parse", missing), {"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"})):
        result = run(*args, env=env)
        assert result.returncode == 2 and result.stderr.startswith(chinese), (args, env, result.stderr)
    for args, env in ((("parse", missing, "--ui-lang", "en"), {"LANG": "zh_CN.UTF-8"}),
                      (("parse", missing), {"RESDIFF_UI_LANG": "en", "LANG": "zh_CN.UTF-8"}),
                      (("parse", missing), {"LANG": "fr_FR.UTF-8"}),
                      (("parse", missing), {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}),
                      (("parse", missing), {})):
        result = run(*args, env=env)
        assert result.returncode == 2 and result.stderr.startswith("resdiff: error: no-such-file.txt: "), (args, env)


def test_choose_reads_option_environment_then_locale():
    assert i18n.choose("zh", {}) == "zh"
    assert i18n.choose(None, {"RESDIFF_UI_LANG": "zh-Hans"}) == "zh"
    assert i18n.choose(None, {"RESDIFF_UI_LANG": " ", "LANG": "zh_CN.GB18030"}) == "zh"
    assert i18n.choose(None, {"LC_MESSAGES": "zh_HK", "LANG": "en_US"}) == "zh"
    assert i18n.choose(None, {"LANGUAGE": "de:fr", "LANG": "zh_CN"}) == "en"  # as gettext reads them
    assert i18n.choose(None, {}) == "en"
    with pytest.raises(ValueError, match="unknown interface language 'C'"):
        i18n.choose("C", {})


def test_messages_that_are_data_stay_english_and_show_translated():
    message = i18n.Message("resdiff: error: {message}", message="x")
    assert message == "resdiff: error: x"
    import pickle

    again = pickle.loads(pickle.dumps(message))
    assert (again, again.template, again.arguments) == (message, message.template, {"message": "x"})
    i18n.use("zh")
    try:
        assert i18n.tr(message) == "resdiff：错误：x"
        assert str(message) == "resdiff: error: x"
    finally:
        i18n.use("en")


# --- English as it was ---------------------------------------------------------------------------


def _case_names() -> list[str]:
    return sorted(p.name for p in (ROOT / "tests" / "cases").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", _case_names())
def test_ui_lang_en_gives_the_golden_terminal_view_byte_for_byte(case, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")  # the option wins over the locale
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["--ui-lang", "en", "diff", f"tests/cases/{case}/old.txt",
                                      f"tests/cases/{case}/new.txt", "--width", "80"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == (ROOT / "tests" / "golden" / "cases" / f"{case}.terminal.txt").read_bytes()


def test_ui_lang_en_gives_the_golden_parse_json_byte_for_byte(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(app, ["--ui-lang", "en", "parse", str(SAMPLE.relative_to(ROOT)), "--format", "json"])
    assert result.exit_code == 0
    assert result.stdout_bytes == (ROOT / "tests" / "golden" / "parse_sample.json").read_bytes()


def test_ui_lang_en_gives_the_golden_markdown_and_html_byte_for_byte():
    from helpers import small_comparison

    from resdiff.render import RenderOptions
    from resdiff.render.html import render as html
    from resdiff.render.markdown import render as markdown

    i18n.use("zh")
    i18n.use(i18n.choose("en", {"LANG": "zh_CN.UTF-8"}))
    comparison = small_comparison()
    golden = ROOT / "tests" / "golden"
    assert markdown(comparison, RenderOptions()).encode() == (golden / "small.md").read_bytes()
    assert html(comparison, RenderOptions()).encode() == (golden / "small.html").read_bytes()


def test_no_translated_string_hides_inside_an_f_string():
    """Babel (on Python before 3.12) reads an f-string as one token: a _() inside one would be
    neither extracted nor translated, and the completeness test above would not see it."""
    import ast

    hidden = []
    for path in sorted((ROOT / "resdiff").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name)
                            and inner.func.id in {"_", "N_", "ngettext"}):
                        hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert not hidden, f"_() inside an f-string (write it outside): {hidden}"
