"""Every message resdiff shows a user is marked for translation: an AST scan of the package.

A string literal (or f-string, or a concatenation or ``.format()`` of one) handed straight to
an error, a usage error, a warning, ``typer.echo`` or a ``print`` to a file would be shown in
English in the Chinese interface, and ``make messages`` would never see it. The scan finds
each such call; what must stay English is listed below, with why.
"""

from __future__ import annotations

import ast
import re

import pytest
from conftest import ROOT, SAMPLE

# Callables whose first argument (or ``message=``) a user reads.
SHOWN = {"BadParameter", "UsageError", "BadArgumentUsage", "echo", "secho", "warn", "warning", "Exit", "Message"}

# (file, opening of the string): strings shown as they are, in every interface language.
ALLOWED = {
    # Python's own module protocol (``from resdiff import nothing``), not a user's message
    ("resdiff/__init__.py", "module 'resdiff' has no attribute"),
    # the version line: the program's name and a number
    ("resdiff/cli.py", "resdiff "),
    # internal invariants: a Word template resdiff ships, the HTML page's table of words
    ("resdiff/render/docx.py", "word/document.xml without <w:body>"),
    ("resdiff/render/html.py", " is not in _PAGE_WORDS"),
}


def _name(node: ast.AST) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _words(text: str) -> bool:
    """Whether a text holds words (a "%s" or "{}" alone is no message)."""
    return any(c.isalpha() for c in re.sub(r"%[-#0 +]*[0-9]*(?:[.][0-9]+)?[sdrfgx%]", "", text))


def unmarked(node: ast.AST) -> str | None:
    """The opening of the literal text ``node`` shows without marking it, or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if _words(node.value) else None
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        return text if _words(text.replace("{}", "")) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return unmarked(node.left) or unmarked(node.right)
    if isinstance(node, ast.IfExp):
        return unmarked(node.body) or unmarked(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in {"format", "join", "rstrip", "strip"}:
        return unmarked(node.func.value) if node.func.attr != "join" else next(
            (found for found in map(unmarked, node.args) if found), None)
    return None


def _error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """The exception classes resdiff defines (``_NoFile`` is a FetchError by another name)."""
    known: set[str] = set()
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in known and any(
                        _name(b).endswith(("Error", "Exception")) or _name(b) in known for b in node.bases):
                    known.add(node.name)
                    grew = True
    return known


def scan(sources: dict[str, str]) -> list[tuple[str, int, str]]:
    """(file, line, opening) of each user-facing message not marked for translation."""
    trees = {path: ast.parse(text) for path, text in sources.items()}
    errors = _error_classes(trees)
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            shown = name in SHOWN or name in errors or name.endswith(("Error", "Exception")) or (
                name == "print" and any(k.arg == "file" for k in node.keywords))
            if not shown:
                continue
            for argument in node.args[:1] + [k.value for k in node.keywords if k.arg in {"message", "msg"}]:
                text = unmarked(argument)
                if text is not None and not any(path == f and opening in text for f, opening in ALLOWED):
                    found.append((path, node.lineno, text[:80]))
    return found


def _package() -> dict[str, str]:
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted((ROOT / "resdiff").rglob("*.py"))}


def test_every_error_and_warning_resdiff_shows_is_marked_for_translation():
    found = scan(_package())
    assert not found, "user-facing strings not wrapped in _() (mark them, run make messages, translate):\n" + \
        "\n".join(f"{path}:{line}: {text!r}" for path, line, text in found)


def test_the_allowed_english_strings_are_still_there():
    """An entry of the allow-list that matches nothing is stale: drop it."""
    sources = _package()
    for path, opening in ALLOWED:
        assert opening in sources[path], (path, opening)


def test_the_scan_finds_what_it_is_meant_to():
    source = '''
import typer
from .errors import StoreError
class _NoFile(StoreError): pass
def f(x, y):
    raise StoreError(f"cannot open {x}")
    raise _NoFile("empty file: " + y)
    raise typer.BadParameter("choose text or json", param_hint="--format")
    raise ValueError("bad {x}".format(x=x))
    print(f"resdiff: warning: {x}", file=sys.stderr)
    Message("numbering skips")
    raise StoreError(_("cannot open {x}").format(x=x))
    raise StoreError(x)
    raise StoreError(f"{x}: {y}")
    print(_("resdiff: note: {m}").format(m=x), file=sys.stderr)
    Message(N_("numbering skips {x}"), x=x)
'''
    assert [line for _path, line, _text in scan({"resdiff/x.py": source})] == [6, 7, 8, 9, 10, 11]


# --- the deep errors, in Chinese and (as before) in English ------------------------------------------


@pytest.fixture
def files(tmp_path, monkeypatch):
    for name in ("RESDIFF_UI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "RESDIFF_STORE", "RESDIFF_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "a.zip").write_bytes(b"PK\x03\x04not a word file")
    (tmp_path / "folder").mkdir()
    (tmp_path / "table.xls").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600)
    return tmp_path


CASES = [
    (["parse", "{tmp}/a.zip"],
     "{tmp}/a.zip: a ZIP archive that is not a Word document",
     "{tmp}/a.zip：是 ZIP 压缩文件，不是 Word 文档"),
    (["log", "--store", "{tmp}/folder"],
     "{tmp}/folder is a folder, not a store file: give --store a file path such as {tmp}/folder/store.db",
     "{tmp}/folder 是文件夹，不是存储文件：请为 --store 给出文件路径，例如 {tmp}/folder/store.db"),
    (["fetch", "A/C.2/65/L.22", "--offline"],
     "fetch downloads documents, and --offline (or RESDIFF_OFFLINE) forbids the network: 'resdiff log' lists what is stored",
     "fetch 需要下载文档，而 --offline（或 RESDIFF_OFFLINE）禁止访问网络：'resdiff log' 列出已存储的内容"),
    (["fetch", "L.22", "--offline"],
     "fetch downloads documents, and --offline (or RESDIFF_OFFLINE) forbids the network: 'resdiff log' lists what is stored",
     "fetch 需要下载文档，而 --offline（或 RESDIFF_OFFLINE）禁止访问网络：'resdiff log' 列出已存储的内容"),
    (["fetch", "L.22", "--store", "{tmp}/s.db"],
     "'L.22' is not a whole UN symbol: give it in full, such as A/C.2/65/L.22",
     "'L.22' 不是完整的联合国文号：请给出完整文号，例如 A/C.2/65/L.22"),
    (["check", "{tmp}/missing.txt"],
     "give two versions to check, or one symbol and its two languages (resdiff check A/RES/61/211 --lang zh --lang en)",
     "请给出要核对的两个版本，或一个文号及其两种语文（resdiff check A/RES/61/211 --lang zh --lang en）"),
]


@pytest.mark.parametrize("args, english, chinese", CASES, ids=[" ".join(c[0][:2]) for c in CASES])
def test_deep_errors_are_one_line_in_either_language(files, args, english, chinese):
    import subprocess
    import sys

    argv = [a.replace("{tmp}", str(files)) for a in args]
    for language, expected in (("en", "resdiff: error: " + english), ("zh", "resdiff：错误：" + chinese)):
        result = subprocess.run([sys.executable, "-m", "resdiff", *argv, "--ui-lang", language], capture_output=True,
                                text=True, cwd=ROOT, timeout=60)
        assert (result.returncode, result.stdout) == (2, ""), result.stderr
        assert result.stderr == expected.replace("{tmp}", str(files)) + "\n"


def test_the_timeout_setting_and_the_word_reader_in_chinese(files, monkeypatch):
    from resdiff import i18n
    from resdiff.errors import ResdiffError
    from resdiff.fetch import timeout
    from resdiff.parse import parse_file

    monkeypatch.setenv("RESDIFF_TIMEOUT", "abc")
    i18n.use("zh")
    try:
        with pytest.raises(ResdiffError) as raised:
            timeout()
        assert str(raised.value) == "$RESDIFF_TIMEOUT 为 'abc'：请给出秒数，例如 60"
        with pytest.raises(ResdiffError) as raised:
            parse_file(str(files / "table.xls"))
        assert str(raised.value).endswith("是 OLE2 文件（Excel、PowerPoint 或 Outlook），不是 Word 文档；请提供 Word、PDF 或文本文件")
    finally:
        i18n.use("en")


def test_furniture_lines_are_listed_in_chinese_and_kept_english_in_the_json(monkeypatch):
    from typer.testing import CliRunner

    from resdiff.cli import app

    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("RESDIFF_UI_LANG", raising=False)
    text = "tests/fixtures/corpus/en/A_RES_68_262.en.txt"
    chinese = CliRunner().invoke(app, ["--ui-lang", "zh", "parse", text, "--show-furniture"]).stdout
    assert "\n  第 78 行：80th plenary meeting\n" in chinese and "line 78" not in chinese
    for language in ("zh", "en"):
        data = CliRunner().invoke(app, ["--ui-lang", language, "parse", text, "--show-furniture", "--format", "json"]).stdout
        assert '"line 78: 80th plenary meeting"' in data


def test_every_warning_and_furniture_line_of_the_real_texts_can_be_shown_in_chinese():
    """What the parser reports about a document is a Message: English in the JSON, shown in the
    reader's language. Read over every text, Word file and PDF among the fixtures."""
    from resdiff.errors import ResdiffError
    from resdiff.i18n import Message
    from resdiff.parse import parse_file

    read = shown = 0
    paths = sorted(p for ext in ("txt", "md", "docx", "pdf") for p in (ROOT / "tests" / "fixtures").rglob(f"*.{ext}"))
    for path in paths + sorted((ROOT / "samples").iterdir()):
        try:
            documents = parse_file(str(path))
        except ResdiffError:
            continue
        read += 1
        for document in documents:
            plain = [x for x in document.warnings + document.furniture if not isinstance(x, Message)]
            assert not plain, (path, plain)
            shown += len(document.warnings) + len(document.furniture)
    assert read > 90 and shown > 500


def test_the_operating_systems_reason_is_said_in_the_interface_language(tmp_path):
    # The system's words ("No such file or directory") are English whatever the locale: the
    # usual reasons come from the catalogue in Chinese, and stay the system's own in English.
    from helpers import run_command

    missing = tmp_path / "nowhere" / "x.html"
    zh = run_command("--ui-lang", "zh", "diff", str(SAMPLE), "-o", str(missing))
    assert zh.returncode == 2 and zh.stderr == f"resdiff：错误：无法写入 {missing}：没有此文件或目录\n"
    en = run_command("diff", str(SAMPLE), "-o", str(missing))
    assert en.returncode == 2 and en.stderr == f"resdiff: error: cannot write {missing}: No such file or directory\n"
    directory = run_command("--ui-lang", "zh", "diff", str(SAMPLE), "-o", str(tmp_path))
    assert directory.returncode == 2 and directory.stderr.endswith("是目录\n"), directory.stderr
