"""The command line in the reader's language: the help of every command and the command-line
parser's complaints in Chinese under --ui-lang zh, and in English exactly as before.

Regenerate the help goldens with ``pytest --update-golden`` when a help text or its translation
changes on purpose.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len
from typer.main import get_command
from typer.testing import CliRunner

from resdiff import cli_locale, i18n
from resdiff.cli import app, main

from conftest import ROOT, SAMPLE

COMMANDS = ["parse", "diff", "check", "fetch", "add", "log", "blame", "history", "precedent"]


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The installed entry point, in a terminal 80 columns wide."""
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"RESDIFF_UI_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}}
    environment.update({"COLUMNS": "80"}, **(env or {}))
    return subprocess.run([sys.executable, "-m", "resdiff", *args], capture_output=True, text=True,
                          env=environment, cwd=ROOT, timeout=120)


def help_page(language: str, command: list[str], monkeypatch) -> str:
    monkeypatch.setenv("COLUMNS", "80")
    result = CliRunner().invoke(app, ["--ui-lang", language, *command, "--help"])
    assert result.exit_code == 0, result.output
    return result.output


# --- the help ------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [[], ["diff"], ["parse"]], ids=lambda c: c[0] if c else "resdiff")
@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_help_page_through_the_command(command, language, golden):
    result = run("--ui-lang", language, *command, "--help")
    assert (result.returncode, result.stderr) == (0, "")
    golden(f"help/{language}.{command[0] if command else 'resdiff'}.txt", result.stdout)


def test_the_english_help_is_what_typer_writes_itself(monkeypatch):
    """English help goes through typer's own help writer, untouched: the goldens above pin it."""
    monkeypatch.setenv("COLUMNS", "80")
    for command in [[], *([c] for c in COMMANDS)]:
        english = help_page("en", command, monkeypatch)
        assert english.startswith("Usage: resdiff") and "\nOptions:\n" in english, command


def _help_strings(command) -> list[str]:
    """Every help text of a command: its help, its epilog and each parameter's help."""
    from typer import _click

    context = _click.Context(command, info_name=command.name)
    texts = [command.help, command.epilog]
    texts += [param.help for param in command.get_params(context) if getattr(param, "help", None)]
    return [t for t in texts if t]


def test_every_help_text_of_every_command_has_a_chinese_translation():
    root = get_command(app)
    commands = [root, *(root.commands[name] for name in COMMANDS)]
    assert set(root.commands) == set(COMMANDS), "a new command: add it to COMMANDS"
    i18n.use("zh")
    untranslated = [(command.name, text) for command in commands for text in _help_strings(command)
                    if i18n._(text) == text]
    assert not untranslated


# Words that may stand in Chinese help: command and parameter names, option values, formats, names.
CODE_WORDS = {"resdiff", *COMMANDS, "shell", "auto", "always", "never", "text", "json", "html", "htm", "markdown", "md",
              "docx", "doc", "pdf", "txt", "terminal", "all", "zh", "en", "fr", "es", "ru", "ar", "Word", "LibreOffice",
              "Python", "x"}  # x: the value in a range, "[x>=20]"


def english_words(page: str, names: set[str]) -> list[str]:
    """The words of a help page that are neither code (options, placeholders, symbols, file names,
    environment variables, the words above) nor the names of parameters: English left untranslated."""
    page = re.sub(r"'[^']*'|\"[^\"]*\"", " ", page)                                   # quoted values
    page = re.sub(r"(?<![\w-])--?[\w-]+|\{[^}]*\}", " ", page)   # options, arguments in the usage line
    left = []
    for word in re.findall(r"[A-Za-z][\w./@$-]*", page):
        if word in CODE_WORDS or word.rstrip(".") in names or re.search(r"[\d./@$_]", word) or word.isupper():
            continue
        left.append(word)
    return left


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)], ids=lambda c: c[0] if c else "resdiff")
def test_every_chinese_help_page_has_no_english_left_and_fits_the_terminal(command, monkeypatch):
    page = help_page("zh", command, monkeypatch)
    root = get_command(app)
    names = {p.name for c in (root, *root.commands.values()) for p in c.params if p.name}
    assert english_words(page, names) == [], page
    assert page.startswith("用法：resdiff") and "\n选项：\n" in page
    # as wide as the English help, in terminal cells (a Chinese character takes two): typer's
    # test runner sets it to 80 columns
    too_wide = [line for line in page.splitlines() if cell_len(line) > 80]
    assert not too_wide, too_wide
    # a note such as "[默认值：auto]" or "[必需]" is never split between two lines
    assert [line for line in page.splitlines() if line.count("[") != line.count("]")] == []


def test_the_english_word_finder_finds_english():
    assert english_words("  --color <str>  auto, always or never. auto colours a terminal only  [default: auto]",
                         set()) == ["str", "or", "colours", "a", "only", "default"]
    assert english_words("用法：resdiff diff [选项] {old} [new]\n  old  旧版本：FILE、A/C.2/65/L.22", {"old", "new"}) == []


def test_a_long_line_breaks_between_chinese_characters_never_inside_an_option():
    lines = cli_locale._wrap("终端视图按 N 列换行。默认为终端的宽度；输出不是终端时不换行（每段一行）；"
                             "与 --only-changes 同用时只显示改动。", 30)
    assert [cell_len(line) <= 30 for line in lines] == [True] * len(lines)
    assert "".join(lines).replace(" ", "") == ("终端视图按N列换行。默认为终端的宽度；输出不是终端时不换行（每段一行）；"
                                               "与--only-changes同用时只显示改动。")
    assert any("--only-changes" in line for line in lines)
    assert not any(line.startswith(("，", "。", "；", "）")) for line in lines)


def test_the_list_of_commands_gives_each_short_help_whole(monkeypatch):
    # Each command's line is a sentence of its own, never cut ("Show the documents, paragraphs,
    # sub-paragraphs and footnotes..." before), in both languages.
    for language, heading, end in (("zh", "命令：\n", "。"), ("en", "Commands:\n", ".")):
        page = help_page(language, [], monkeypatch)
        commands = page[page.index(heading):].split("\n\n")[0].splitlines()[1:]
        assert sorted(line.split()[0] for line in commands) == sorted(COMMANDS)  # in the order they were imported
        assert all(line.endswith(end) and not line.endswith(("...", "……")) and cell_len(line) <= 78
                   for line in commands), commands
    assert "  diff       Compare two versions of a resolution." in commands


def test_no_arguments_shows_the_help_in_the_language_of_the_environment():
    result = run(env={"RESDIFF_UI_LANG": "zh"})
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith("用法：resdiff [选项] 命令 [参数]...\n")
    result = run(env={"LANG": "zh_CN.UTF-8"}, *["diff", "--help"])
    assert result.returncode == 0 and result.stdout.startswith("用法：resdiff diff [选项] {old} [new]\n")


# --- the parser's complaints ---------------------------------------------------------------------

# A command line the parser refuses, then its one error line in English and in Chinese.
SAMPLE_ARG = str(SAMPLE.relative_to(ROOT))
REFUSED = [
    (["parse", "a.txt", "b.txt", "c.txt"],
     "Got unexpected extra argument(s) (b.txt c.txt) (see 'resdiff parse --help')",
     "多余的参数（b.txt c.txt）（参见 'resdiff parse --help'）"),
    (["diff", SAMPLE_ARG, "--width", "5"],
     "Invalid value for '--width': 5 is not in the range x>=20 (see 'resdiff diff --help')",
     "'--width' 的值无效：5 不在 x>=20 范围内（参见 'resdiff diff --help'）"),
    (["diff", SAMPLE_ARG, "--width", "wide"],
     "Invalid value for '--width': 'wide' is not a valid int range (see 'resdiff diff --help')",
     "'--width' 的值无效：'wide' 不是有效的整数（参见 'resdiff diff --help'）"),
    (["precedent", SAMPLE_ARG, "--min", "half"],
     "Invalid value for '--min': 'half' is not a valid float range (see 'resdiff precedent --help')",
     "'--min' 的值无效：'half' 不是有效的数字（参见 'resdiff precedent --help'）"),
    (["diff", SAMPLE_ARG, "--widht", "60"],
     "No such option: --widht (Possible options: --width) (see 'resdiff diff --help')",
     "没有选项 --widht（可用的选项：--width）（参见 'resdiff diff --help'）"),
    (["diff", SAMPLE_ARG, "--bogus"],
     "No such option: --bogus (see 'resdiff diff --help')",
     "没有选项 --bogus（参见 'resdiff diff --help'）"),
    (["dif", SAMPLE_ARG],
     "No such command 'dif'. Did you mean 'diff'? (see 'resdiff --help')",
     "没有命令 'dif'；是否指 'diff'？（参见 'resdiff --help'）"),
    (["frobnicate"],
     "No such command 'frobnicate' (see 'resdiff --help')",
     "没有命令 'frobnicate'（参见 'resdiff --help'）"),
    ([],
     "Missing command (see 'resdiff --help')",
     "缺少命令（参见 'resdiff --help'）"),
    (["diff"],
     "Missing argument 'old' (see 'resdiff diff --help')",
     "缺少参数 'old'（参见 'resdiff diff --help'）"),
    (["diff", SAMPLE_ARG, "--width"],
     "Option '--width' requires an argument (see 'resdiff diff --help')",
     "选项 '--width' 需要一个值（参见 'resdiff diff --help'）"),
    (["diff", SAMPLE_ARG, "--only-changes=yes"],
     "Option '--only-changes' does not take a value (see 'resdiff diff --help')",
     "选项 '--only-changes' 不接受值（参见 'resdiff diff --help'）"),
]


# resdiff's own checks of the values given, which the parser reports the same way.
REFUSED += [
    (["log", "--format", "xml"],
     "Invalid value for --format: choose text or json (see 'resdiff log --help')",
     "--format 的值无效：请选择 text 或 json（参见 'resdiff log --help'）"),
    (["diff", SAMPLE_ARG, "--color", "red"],
     "Invalid value for --color: choose auto, always or never (see 'resdiff diff --help')",
     "--color 的值无效：请选择 auto、always 或 never（参见 'resdiff diff --help'）"),
    (["diff", SAMPLE_ARG, "-o", "changes.pdf"],
     "Invalid value for -o: resdiff does not write .pdf files: name the file .txt, .json, .html, .htm, .md or .docx, "
     "or give --format (see 'resdiff diff --help')",
     "-o 的值无效：resdiff 不写 .pdf 文件：请将文件命名为 .txt、.json、.html、.htm、.md 或 .docx，或给出 --format"
     "（参见 'resdiff diff --help'）"),
    (["diff", SAMPLE_ARG, "-f", "json", "-o", "changes.html"],
     "Invalid value for --format: --format json does not match the file name changes.html (which says html): drop one, "
     "or make them agree (see 'resdiff diff --help')",
     "--format 的值无效：--format json 与文件名 changes.html（表示 html）不一致：请去掉其中之一，或使两者一致"
     "（参见 'resdiff diff --help'）"),
    (["fetch", "A/RES/61/211", "--lang", "de"],
     "Invalid value for --lang: choose one of zh, en, fr, es, ru, ar (see 'resdiff fetch --help')",
     "--lang 的值无效：请从以下选择其一：zh、en、fr、es、ru、ar（参见 'resdiff fetch --help'）"),
    (["precedent", SAMPLE_ARG, "--since", "last"],
     "Invalid value for --since: give a session number, such as 79 (see 'resdiff precedent --help')",
     "--since 的值无效：请给出届会编号，如 79（参见 'resdiff precedent --help'）"),
]


def refusal(args: list[str], language: str, capsys) -> tuple[int, str, str]:
    """The command line run in this process: its exit status, standard output and error."""
    with pytest.raises(SystemExit) as exit:
        main(["--ui-lang", language, *args])
    out, err = capsys.readouterr()
    return exit.value.code, out, err


@pytest.mark.parametrize(("args", "english", "chinese"), REFUSED, ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_a_refused_command_line_is_one_line_in_the_interface_language(args, english, chinese, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert refusal(args, "en", capsys) == (2, "", f"resdiff: error: {english}\n")
    assert refusal(args, "zh", capsys) == (2, "", f"resdiff：错误：{chinese}\n")


def test_each_sentence_of_the_parser_resdiff_translates_is_one_the_parser_writes(capsys, monkeypatch):
    """Each template of cli_locale.PARSER matches a complaint the parser really writes (above): a
    template typer no longer writes would leave its new wording in English."""
    monkeypatch.chdir(ROOT)
    used = set()
    for args, _english, _chinese in REFUSED:
        with pytest.raises(SystemExit):
            main(["--ui-lang", "en", *args])
        line = capsys.readouterr().err.removeprefix("resdiff: error: ")
        sentence = re.sub(r" \(see '[^']*'\)\n$", "", line)
        pending = [sentence]
        while pending:
            text = pending.pop()
            for template in cli_locale.PARSER:
                found = cli_locale._pattern(template)[0].fullmatch(text)
                if found:
                    used.add(template)
                    pending.extend(v for k, v in found.groupdict().items() if k == "message")
                    break
    assert used == set(cli_locale.PARSER)


def test_a_file_named_like_an_option_gets_the_hint_in_chinese_too(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-x.txt").write_text("x", encoding="utf-8")
    code, out, err = refusal(["diff", "-x.txt", "new.txt"], "zh", capsys)
    assert code == 2 and out == ""
    assert err == ("resdiff：错误：没有选项 -x（文件名以“-”开头：请在其前加 --，例如 'resdiff diff -- -old.txt new.txt'）"
                   "（参见 'resdiff diff --help'）\n")
