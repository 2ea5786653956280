"""``resdiff check``: whether two language versions of one document agree."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from .cli_app import app, check_output, read_documents, write_output
from .command import refuse_stdin_twice
from .errors import ResdiffError
from .i18n import N_, _
from .model import Document
from .render import DiffFormat, RenderOptions

_FORMATS = (DiffFormat.TERMINAL, DiffFormat.JSON, DiffFormat.HTML)


def _documents(arg: str, resolve) -> tuple[Document, ...]:
    """The documents a file holds, or those stored (or fetched) under a symbol."""
    if arg != "-" and not os.path.exists(arg):
        found = resolve(arg)
        if found is not None:
            return found
        raise ResdiffError(_("{arg}: no such file, nor a symbol stored in {where} "
                             "(give a file's path, or add the file with 'resdiff add')").format(
            arg=arg, where=resolve.where()))
    return read_documents(arg)


@app.command(short_help=N_("Check that two language versions of a document agree."),
             help=N_("Check that two language versions of one document agree, paragraph by paragraph.\n\n"
                     "The versions are paired by structure (paragraph kinds and numbers, sub-paragraphs, footnote "
                     "marks) and by what survives translation (numbers, dates, symbols such as A/65/78 or 64/187). "
                     "Each paragraph in one version only, each sub-paragraph count or footnote that differs, and each "
                     "number, date or symbol cited in one version and not the other is reported."),
             epilog=N_("Examples: resdiff check A_RES_61_211.zh.txt A_RES_61_211.en.txt;  "
                        "resdiff check A/RES/61/211 --lang zh --lang en -o check.html;  "
                        "resdiff check a.ar.txt a.fr.txt --format json --exit-code.  Environment: NO_COLOR, "
                        "FORCE_COLOR (colour), COLUMNS (terminal width), RESDIFF_STORE (version store for symbols), "
                        "RESDIFF_OFFLINE (fetching symbols)."))
def check(
    first: str = typer.Argument(..., help=N_("One language version: a file, or a stored (or fetched) symbol.")),
    second: str | None = typer.Argument(
        None, help=N_("The other language version. Omit it to check one symbol in the two languages of --lang.")),
    format: str | None = typer.Option(
        None, "--format", "-f",
        help=N_("Output format: terminal (or text), json, html. Default: from the -o file's ending "
                "(.txt .json .html .htm), else terminal.")),
    output: Path | None = typer.Option(None, "--output", "-o", help=N_("Write to this file instead of standard output.")),
    width: int | None = typer.Option(None, "--width", min=20,
                                     help=N_("Terminal width. Default: the terminal's; no wrapping when not a terminal.")),
    color: str = typer.Option("auto", "--color", help=N_("auto, always or never.")),
    exit_code: bool = typer.Option(False, "--exit-code", help=N_("Exit with status 1 when the versions disagree.")),
    store: str | None = typer.Option(None, "--store", help=N_("Version store for symbols given instead of files.")),
    lang: list[str] = typer.Option(
        [], "--lang", "-l",
        help=N_("For symbols: the language of the first version, then (given again) of the second "
                "(zh, en, fr, es, ru, ar).")),
    offline: bool = typer.Option(False, "--offline", help=N_("Never touch the network: symbols must be stored.")),
) -> None:
    from .render import choose_format

    try:
        chosen = choose_format(format, str(output) if output is not None else None)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--format" if format is not None else "-o") from None
    if chosen not in _FORMATS:
        raise typer.BadParameter(_("check has no {format} form: choose terminal, json or html").format(format=chosen.value),
                                 param_hint="--format")
    if color not in {"auto", "always", "never"}:
        raise typer.BadParameter(_("choose auto, always or never"), param_hint="--color")
    if len(lang) > 2:
        raise typer.BadParameter(_("give at most two languages: the first version's, then the second's"),
                                 param_hint="--lang")
    from .fetch_cli import check_language, fetching_resolver, offline_from_environment

    languages = [check_language(value) for value in lang]
    if second is None:
        if len(languages) != 2:
            raise ResdiffError(_("give two versions to check, or one symbol and its two languages "
                                 "(resdiff check A/RES/61/211 --lang zh --lang en)"))
        second = first
    refuse_stdin_twice(first, second)
    check_output(output, (first, second, store))
    never = offline or offline_from_environment()
    first_language = languages[0] if languages else None
    second_language = languages[-1] if languages else None
    a = _documents(first, fetching_resolver(store, first_language, never))[-1]
    b = _documents(second, fetching_resolver(store, second_language, never))[-1]
    from .check import check as check_versions
    from .render.check import render_html, render_json, render_terminal

    result = check_versions(a, b)
    options = RenderOptions(width=width, color={"auto": None, "always": True, "never": False}[color])
    if chosen is DiffFormat.TERMINAL:
        text = render_terminal(result, options, to_terminal=output is None)
    elif chosen is DiffFormat.JSON:
        text = render_json(result, options)
    else:
        text = render_html(result, options)
    write_output(text, output)
    if exit_code and result.disagrees:
        raise typer.Exit(1)
