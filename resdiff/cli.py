"""The ``resdiff`` command: read inputs, call the core, pick a renderer, map errors to exits.

The command modules (this one, ``cli_app``, ``store_cli``, ``fetch_cli``) and the version
store are the only ones that touch files, streams and exit codes; everything below them (the
comparison, the parser, the views) takes values and returns values. This module is the top of
the layers (README, "How resdiff is built"): command modules register on ``cli_app.app`` and
are imported at its end.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Protocol, TypeGuard

import typer

from . import cli_locale
from .cli_app import _state, app, check_output, read_documents, write_output
from .command import BadArgument, bidi_note, diff_pair, errors_as_exits, load_pair, open_stdout
from .command import select as select  # named here too, as before
from .errors import ResdiffError
from .i18n import N_, _
from .render import RenderOptions


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("resdiff")
        except PackageNotFoundError:
            number = "unknown"
        typer.echo(f"resdiff {number}")
        raise typer.Exit()


@app.callback(epilog=N_("Example: resdiff diff report.txt --only-changes. "
                        "Environment: NO_COLOR, FORCE_COLOR (colour), COLUMNS (terminal width), "
                        "RESDIFF_STORE (version store), RESDIFF_UI_LANG (interface language)."))
def _root(
    traceback: bool = typer.Option(False, "--traceback", help=N_("Show the Python traceback of an error (for developers).")),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help=N_("Print resdiff's version and exit.")),
    ui_lang: str | None = typer.Option(
        None, "--ui-lang", is_eager=True, callback=lambda value: _choose_language(value),
        metavar="en|zh",
        help=N_("The language of resdiff's labels and messages: en or zh (any command, anywhere on the line). "
                "Default: RESDIFF_UI_LANG, else the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else en. "
                "The JSON stays in English.")),
) -> None:
    _state["traceback"] = traceback
    _choose_language(ui_lang)


def _choose_language(option: str | None) -> str | None:
    """Speak the interface language asked for (``option`` is given back); one that resdiff does
    not speak is an error. Called first by the entry point and then by the option itself,
    eagerly, so that a help page asked for on the same line is in that language."""
    from . import i18n

    try:
        i18n.use(i18n.choose(option))
    except ValueError as exc:
        raise ResdiffError(str(exc)) from None
    return option


def _ui_lang_first(argv: list[str]) -> list[str]:
    """The arguments with every ``--ui-lang X`` moved before the command, where the application
    reads it, so that it may be given anywhere on the line (never after ``--``).

    >>> _ui_lang_first(["diff", "a.txt", "--ui-lang", "zh", "--", "--ui-lang=x"])
    ['--ui-lang', 'zh', 'diff', 'a.txt', '--', '--ui-lang=x']
    """
    front: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(argv):
        argument = argv[index]
        if argument == "--":
            rest.extend(argv[index:])
            break
        if argument == "--ui-lang" and index + 1 < len(argv):
            front.extend(argv[index:index + 2])
            index += 2
            continue
        if argument.startswith("--ui-lang="):
            front.append(argument)
        else:
            rest.append(argument)
        index += 1
    return front + rest


# --- parse ---------------------------------------------------------------------------------------


@app.command(short_help=N_("Show the paragraphs and footnotes read in FILE."),
             help=N_("Show the documents, paragraphs, sub-paragraphs and footnotes found in FILE.\n\n"
                     "A break in the numbering, a skipped sub-paragraph letter, a paragraph longer than any real one "
                     "or a footnote mark without its footnote is a 'resdiff: warning: …' line on standard error (and "
                     "a \"warnings\" list in the JSON); --strict makes them an error."),
             epilog=N_("Examples: resdiff parse report.txt;  resdiff parse draft.pdf --format json -o draft.json.  "
                        "Environment: NO_COLOR, FORCE_COLOR (colour), COLUMNS (terminal width)."))
def parse(
    file: str = typer.Argument(..., help=N_("A report, draft or resolution (.txt in any common encoding, .docx, .pdf).")),
    format: str = typer.Option("text", "--format", "-f", help=N_("text or json.")),
    output: Path | None = typer.Option(None, "--output", "-o", help=N_("Write to this file instead of standard output.")),
    strict: bool = typer.Option(False, "--strict", help=N_("Treat parser warnings as an error (exit status 2).")),
    show_furniture: bool = typer.Option(
        False, "--show-furniture",
        help=N_("Also list the lines left out as page furniture (symbols, job numbers, page numbers, running heads).")),
) -> None:
    if format not in {"text", "json"}:
        raise typer.BadParameter(_("choose text or json"), param_hint="--format")
    check_output(output, (file,))
    documents = read_documents(file, strict=strict)
    if format == "json":
        from .render.json import render_parse

        write_output(render_parse(documents, file, furniture=show_furniture), output)
        return
    from .render.terminal import render_documents

    write_output(render_documents(documents, RenderOptions(), to_terminal=output is None,
                                  furniture=show_furniture), output)
    bidi_note(output, *documents)


# --- diff ----------------------------------------------------------------------------------------


@app.command(short_help=N_("Compare two versions of a resolution."),
             help=N_("Compare two versions of a resolution, paragraph by paragraph and word by word.\n\n"
                     "OLD and NEW may be files, stored symbols, or UN symbols to fetch: resdiff diff A/C.2/65/L.22 "
                     "A/C.2/65/L.56 --lang zh downloads what is not stored yet (a line on standard error says so)."),
             epilog=N_("Examples: resdiff diff report.txt --only-changes;  resdiff diff old.docx new.docx -o changes.docx;  "
                        "resdiff diff report.txt --stat.  Environment: NO_COLOR, FORCE_COLOR (colour), "
                        "COLUMNS (terminal width), RESDIFF_STORE (version store for symbols), RESDIFF_DOCUMENTS_URL, "
                        "RESDIFF_LIBRARY_URL, RESDIFF_TIMEOUT, RESDIFF_OFFLINE (fetching symbols)."))
def diff(
    old: str = typer.Argument(..., help=N_("The old version: a file, or a file holding several drafts (a committee report).")),
    new: str | None = typer.Argument(None, help=N_("The new version. Omit it to compare the first and last drafts of OLD.")),
    old_symbol: str | None = typer.Option(None, "--old", help=N_("Pick the old draft by symbol ('L.22' is enough).")),
    new_symbol: str | None = typer.Option(None, "--new", help=N_("Pick the new draft by symbol.")),
    format: str | None = typer.Option(
        None, "--format", "-f",
        help=N_("Output format: terminal (or text), json, html, markdown (or md), docx. "
                "Default: from the -o file's ending (.txt .json .html .htm .md .docx), else terminal.")),
    output: Path | None = typer.Option(None, "--output", "-o", help=N_("Write to this file instead of standard output.")),
    only_changes: bool = typer.Option(False, "--only-changes", help=N_("Hide unchanged paragraphs.")),
    show_furniture: bool = typer.Option(
        False, "--show-furniture",
        help=N_("Also list the lines each version left out as page furniture (symbols, job numbers, page numbers, "
                "running heads); the views count them always, the HTML and JSON list them always.")),
    width: int | None = typer.Option(
        None, "--width", min=20,
        help=N_("Wrap the terminal view at N columns. Default: the terminal's width; no wrapping (one "
                "paragraph a line) when the output is not a terminal.")),
    color: str = typer.Option(
        "auto", "--color",
        help=N_("auto, always or never. auto colours a terminal only; NO_COLOR turns it off, FORCE_COLOR on.")),
    exit_code: bool = typer.Option(False, "--exit-code", help=N_("Exit with status 1 when the versions differ.")),
    stat: bool = typer.Option(False, "--stat", help=N_("Only the correspondence table: old id → new id, kind, share kept, "
                                                       "opening words (terminal view).")),
    store: str | None = typer.Option(None, "--store", help=N_("Version store for symbols given instead of files.")),
    lang: str | None = typer.Option(
        None, "--lang", "-l",
        help=N_("For symbols: the language (zh, en, fr, es, ru, ar). A symbol neither a file nor stored in it "
                "is fetched from the UN document system first (default zh).")),
    offline: bool = typer.Option(False, "--offline", help=N_("Never touch the network: symbols must be stored.")),
) -> None:
    from .render import choose_format

    try:
        chosen = choose_format(format, str(output) if output is not None else None)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--format" if format is not None else "-o") from None
    if color not in {"auto", "always", "never"}:
        raise typer.BadParameter(_("choose auto, always or never"), param_hint="--color")
    check_output(output, (old, new, store))
    from .fetch_cli import check_language, fetching_resolver, offline_from_environment

    resolve = fetching_resolver(store, check_language(lang), offline or offline_from_environment())
    a, b, said = load_pair(old, new, old_symbol, new_symbol, resolve)
    try:
        status = diff_pair(a, b, chosen, output, only_changes=only_changes, width=width, color=color,
                           stat=stat, exit_code=exit_code, show_furniture=show_furniture, warnings=said)
    except BadArgument as exc:
        raise typer.BadParameter(str(exc), param_hint=exc.hint) from None
    if status:
        raise typer.Exit(status)


# --- entry point ---------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    """Run the command line; errors become one line on stderr and exit status 2."""
    open_stdout()
    argv = _ui_lang_first(sys.argv[1:] if argv is None else list(argv))
    try:
        with errors_as_exits():
            # Chosen before the application runs too, so that its complaints about the arguments
            # are in the same language as everything else (the root callback chooses again).
            ui_lang = [a.split("=", 1)[1] if "=" in a else b for a, b in zip(argv, argv[1:] + [""])
                       if a == "--ui-lang" or a.startswith("--ui-lang=")]
            _choose_language(ui_lang[-1] if ui_lang else None)
            status = app(args=argv, prog_name="resdiff", standalone_mode=False)
    except Exception as exc:
        if not _is_usage_error(exc):
            raise
        if type(exc).__name__ == "NoArgsIsHelpError":
            print(exc.format_message(), file=sys.stderr)  # the help text, asked for by no arguments
            sys.exit(2)
        # One line, like every other error, and the way to the help; in the interface language.
        english = " ".join(exc.format_message().split())
        message = cli_locale.message(english).rstrip(".")
        if english.startswith("No such option") and argv_has_dash_name(argv, english):
            message += _(" (a file whose name starts with '-': put -- before it, as in 'resdiff diff -- -old.txt new.txt')")
        command = getattr(getattr(exc, "ctx", None), "command_path", None) or _command_path(argv)
        message = _("{message} (see '{command} --help')").format(message=message, command=command)
        print(_("resdiff: error: {message}").format(message=message), file=sys.stderr)
        sys.exit(2)
    if isinstance(status, int) and status:
        sys.exit(status)


def _command_path(argv: list[str]) -> str:
    """The command a usage error without its context is about ("resdiff diff" for an option
    given no value), from the first argument that names one; "resdiff" when none does."""
    import typer

    commands = getattr(typer.main.get_command(app), "commands", {})
    name = next((a for a in argv if a in commands), None)
    return f"resdiff {name}" if name else "resdiff"


def argv_has_dash_name(argv: list[str] | None, message: str) -> bool:
    """Whether an argument taken for an unknown option names a file (its name starts with '-')."""
    arguments = sys.argv[1:] if argv is None else argv
    return any(a.startswith("-") and a != "-" and os.path.exists(a) for a in arguments)


class _UsageError(Protocol):
    def format_message(self) -> str: ...


def _is_usage_error(exc: BaseException) -> TypeGuard[_UsageError]:
    """Whether ``exc`` is the command line parser's complaint about the arguments (bad option,
    missing argument, bad value), which typer raises from its vendored click."""
    return any(c.__name__ == "ClickException" for c in type(exc).__mro__) and hasattr(exc, "format_message")


# Commands that live in their own modules join the app when this module is imported, so that
# the installed command and tests driving ``app`` see the same commands.
from . import check_cli, fetch_cli, store_cli  # noqa: E402,F401  (check; fetch; add, log, blame, history)
