"""The command line in the reader's language: the help of every command and option, and the
command-line parser's own words ("Usage:", "Options", "No such option", "Missing argument").

typer, and the click it carries inside it, write their words in English with no catalogue to
translate them, so resdiff translates them where they are shown, from its own catalogue:

- the help: the commands' and options' help texts are marked ``N_()`` where they are written and
  looked up when the help is shown, by ``Formatter``, the help page's writer in any language but
  English. It translates the headings, the usage line's placeholders and the notes after an
  option's help ("[default: auto]"), and wraps lines by terminal cells (a Chinese character
  takes two) where the parser would break the same after every character, as it does in
  English;
- the complaints about the arguments: ``message()`` reads the English sentence the parser wrote
  against the parser's sentences (``PARSER``) and writes it again in the interface language.

In English nothing here is used (the parser's own help writer, the parser's own words), so the
English help and errors are byte for byte what they were.
"""

from __future__ import annotations

import inspect
import re
from functools import cache
from typing import Any

from typer import _click
from typer.core import TyperGroup

from . import i18n
from .i18n import N_, _

# What typer and its click write about resdiff's arguments, in the order they are tried: a
# sentence is matched whole, with its final full stop optional (resdiff's error line drops it),
# each field standing for any text; a field named "message" is itself a sentence of the parser,
# translated in turn. tests/test_i18n_help.py makes the parser write each of them, so that an
# upgrade of typer that rewords one is noticed.
PARSER = (
    N_("{message} (Possible options: {options})"),
    N_("{message}. Did you mean {suggestions}?"),
    N_("No such option: {option}"),
    N_("No such command {name}."),
    N_("Missing command."),
    N_("Missing argument {name}."),
    N_("Invalid value for {name}: {message}"),
    N_("Got unexpected extra argument(s) ({arguments})"),
    N_("Option {name} requires an argument."),
    N_("Option {name} does not take a value."),
    N_("{value} is not in the range {range}."),
    N_("{value} is not a valid {type}."),
)
# The parser's names of the kinds of value an option takes ("'x' is not a valid int").
TYPES = (N_("int"), N_("int range"), N_("float"), N_("float range"))

# Words of the help page: headings, the usage line's placeholders, the notes after an option's
# help, and the help of the options typer and click add to every command.
HELP = (
    N_("Usage: "),
    N_("{heading}:"),
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("[OPTIONS]"),
    N_("COMMAND [ARGS]..."),
    N_("default: {default}"),
    N_("required"),
    N_("; "),
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
)

# The kinds of value an option takes, as the help's placeholders name them ("--width <int range>").
PLACEHOLDERS = (N_("str"), N_("path"), N_("int"), N_("int range"), N_("float"), N_("float range"))

# Where the line of a short help is cut ("Show the documents, paragraphs…" in the list of commands).
ELLIPSIS = N_("...")


@cache
def _pattern(template: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A template of ``PARSER`` as a pattern matching the sentences it writes (final stop optional)."""
    names: list[str] = []
    parts = re.split(r"(\{\w+\})", template.rstrip("."))
    regex = []
    for part in parts:
        if re.fullmatch(r"\{\w+\}", part):
            names.append(part[1:-1])
            regex.append(f"(?P<{part[1:-1]}>.+?)")
        else:
            regex.append(re.escape(part))
    return re.compile("".join(regex) + r"\.?", re.DOTALL), tuple(names)


def message(text: str) -> str:
    """A sentence of the command-line parser in the interface language (as it is in English, or
    when it is none of the parser's known sentences).

    >>> i18n.use("zh"); message("No such option: --widht (Possible options: --width)")
    '没有选项 --widht（可用的选项：--width）'
    >>> message("Invalid value for '--width': 'x' is not a valid int range.")
    "'--width' 的值无效：'x' 不是有效的整数"
    >>> i18n.use("en"); message("Missing argument 'OLD'.")
    "Missing argument 'OLD'."
    """
    if i18n.current() == i18n.SOURCE_LANGUAGE:
        return text
    for template in PARSER:
        pattern, names = _pattern(template)
        found = pattern.fullmatch(text)
        if found is None:
            continue
        values: dict[str, Any] = dict(found.groupdict())
        if "message" in values:
            values["message"] = message(values["message"])
            if "{message}." in template:  # the sentence's own stop is the template's
                values["message"] = values["message"].rstrip(".")
        if "type" in values and values["type"] in TYPES:
            values["type"] = _(values["type"])
        return _(template).format(**values)
    return text


# --- the help ------------------------------------------------------------------------------------


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _wrap(text: str, width: int, initial: str = "", subsequent: str = "") -> list[str]:
    """``text`` (one paragraph) in lines at most ``width`` cells wide, the first led by
    ``initial``, the others by ``subsequent`` (as wide as ``initial``): lines break where UAX #14
    and the Chinese rules allow, never inside a run of Latin characters (an option such as
    --only-changes, a file name, a symbol) nor inside a short note in brackets ("[必需]"),
    unless it is wider than the line.

    >>> _wrap("仅显示有改动的段落（--only-changes）。", 30)
    ['仅显示有改动的段落', '（--only-changes）。']
    """
    from .render.linebreak import wrap

    text = " ".join(text.split())
    forbidden = {i for run in re.finditer(r"\[[^\[\]]{1,20}\]|[!-~]+", text) for i in range(run.start() + 1, run.end())}
    lines = [text[start:end].rstrip(" ") for start, end in wrap(text, max(width - _cells(initial), 10), forbidden)]
    return [(initial if n == 0 else subsequent) + line for n, line in enumerate(lines)] or [initial.rstrip()]


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text.expandtabs()) if p.strip()]


class Formatter(_click.HelpFormatter):
    """The help page in an interface language other than English: every text looked up in the
    catalogue, lines wrapped by terminal cells."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        for placeholder in ("[OPTIONS]", "COMMAND [ARGS]..."):
            args = args.replace(placeholder, _(placeholder))
        prefix = _(prefix or "Usage: ")
        lead = f"{prefix:>{self.current_indent}}{prog} "
        width = self.width - self.current_indent
        self.write("\n".join(_wrap(args, width, lead, " " * _cells(lead))) + "\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}" + _("{heading}:").format(heading=_(heading)) + "\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        text = _(text)
        self.write("\n\n".join("\n".join(_wrap(p, self.width, indent, indent)) for p in _paragraphs(text)))
        self.write("\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(placeholders(first), option_help(second)) for first, second in rows]
        first_width = min(max((_cells(first) for first, _second in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if _cells(first) <= first_width - col_spacing:
                self.write(" " * (first_width - _cells(first)))
            else:
                self.write("\n" + " " * (first_width + self.current_indent))
            width = max(self.width - first_width - 2, 10)
            lines = [line for p in _paragraphs(second) for line in _wrap(p, width)]
            margin = " " * (first_width + self.current_indent)
            self.write("\n".join([lines[0], *(margin + line for line in lines[1:])]) + "\n")


def placeholders(options: str) -> str:
    """An option's names with the placeholder of its value in the interface language.

    >>> i18n.use("zh"); placeholders("-o, --output <path>"), placeholders("--width <int range>")
    ('-o, --output <路径>', '--width <整数>')
    >>> i18n.use("en")
    """
    return re.sub(r"<([^<>]+)>", lambda m: "<" + (_(m.group(1)) if m.group(1) in PLACEHOLDERS else m.group(1)) + ">",
                  options)


def option_help(text: str) -> str:
    """An option's help in the interface language, with the notes typer puts after it:
    "[default: auto]", "[required]", a range such as "[x>=20]".

    >>> i18n.use("zh"); option_help("Precedents shown for each paragraph, best first.  [default: 3; x>=1]")
    '每段显示的先例数，最接近的在前。[默认值：3；x>=1]'
    >>> i18n.use("en")
    """
    notes = re.fullmatch(r"(?s)(.*?)(?:  )?\[([^\[\]]*)\]", text)
    if notes is None or not notes.group(2):
        return _(text)
    body, found = notes.groups()
    translated = []
    for note in found.split("; "):
        default = re.fullmatch(r"default: (.*)", note, re.DOTALL)
        translated.append(_("default: {default}").format(default=default.group(1)) if default else _(note))
    notes_text = "[" + _("; ").join(translated) + "]"
    if not body:
        return notes_text
    body = _(body)
    return body + ("  " if body[-1:].isascii() else "") + notes_text


def short_help(command: _click.Command, limit: int) -> str:
    """A command's line in the list of commands: the first sentence of its help in the
    interface language, cut to ``limit`` cells where it is longer."""
    if command.short_help:
        return _(command.short_help)
    text = _paragraphs(_(inspect.cleandoc(command.help or "")))
    first = " ".join(text[0].split()) if text else ""
    end = first.find("。")
    if end != -1:
        first = first[:end + 1]
    if _cells(first) <= limit:
        return first
    ellipsis = _(ELLIPSIS)
    from .render.linebreak import wrap

    start, cut = wrap(first, max(limit - _cells(ellipsis), 1))[0]
    return first[start:cut].rstrip(" ，、；：") + ellipsis


class Context(_click.Context):
    """A command's context, whose help is written by ``Formatter`` outside English."""

    def make_formatter(self) -> _click.HelpFormatter:
        if i18n.current() == i18n.SOURCE_LANGUAGE:
            return super().make_formatter()
        return Formatter(width=self.terminal_width, max_width=self.max_content_width)


class Group(TyperGroup):
    """resdiff's group of commands: its help, and each command's, in the interface language."""

    context_class = Context

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None and command.context_class is _click.Context:
            command.context_class = Context
        return command

    def format_commands(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        if i18n.current() == i18n.SOURCE_LANGUAGE:
            return super().format_commands(ctx, formatter)
        commands = [(name, command) for name in self.list_commands(ctx)
                    if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _command in commands)
            with formatter.section("Commands"):
                formatter.write_dl([(name, short_help(command, limit)) for name, command in commands])
        return None
