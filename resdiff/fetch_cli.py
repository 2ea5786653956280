"""``resdiff fetch``, and the fetching ``diff`` does for symbols that are neither files nor stored."""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING

import typer

from .cli_app import app, write_output
from .errors import InputError, ResdiffError
from .i18n import N_, _, language_label, tr

if TYPE_CHECKING:
    from .fetch import Download, Record

DEFAULT_LANGUAGE = "zh"
_KINDS = ("auto", "pdf", "doc")
_LANG_HELP = N_("The language of the document: zh, en, fr, es, ru or ar.")
_STORE_HELP = N_("The version store (default .resdiff/store.db here, or $RESDIFF_STORE).")


def check_language(language: str | None, hint: str = "--lang") -> str | None:
    """``language`` in lower case, or a usage error naming the six."""
    if language is None:
        return None
    from .fetch import LANGUAGES  # only now: diff without --lang never imports the fetcher
    value = language.strip().lower()
    if value not in LANGUAGES:
        raise typer.BadParameter(_("choose one of {languages}").format(languages=_(", ").join(LANGUAGES)), param_hint=hint)
    return value


def offline_from_environment() -> bool:
    """Whether $RESDIFF_OFFLINE asks never to touch the network (1, true, yes)."""
    return os.environ.get("RESDIFF_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


# A full UN symbol: a series letter, then parts parted by slashes (A/C.2/65/L.22, S/RES/2758(2024)).
_SYMBOL = re.compile(r"^[A-Z][A-Z0-9]*(?:/[A-Za-z0-9.()\-]+)+$")
_FILE_ENDING = re.compile(r"\.(?:txt|md|text|pdf|docx?|json|html?|db)$", re.I)


def looks_like_symbol(arg: str) -> bool:
    """Whether ``arg`` is a whole UN symbol that could be fetched (not a file name, not a tail).

    >>> looks_like_symbol("A/C.2/65/L.22"), looks_like_symbol("L.22"), looks_like_symbol("drafts/L22.txt")
    (True, False, False)
    """
    symbol = re.sub(r"\s+", "", arg)
    return bool(_SYMBOL.match(symbol)) and not _FILE_ENDING.search(symbol) and "@" not in symbol


def _host(url: str) -> str:
    from .fetch import _host as host

    return host(url)


def _size(n: int) -> str:
    return _("{n} bytes").format(n=n) if n < 1024 else f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1048576:.1f} MB"


_FORMAT_NAMES = {"pdf": "PDF", "doc": "Word 97-2003", "docx": "Word"}


def _documents_of(download: Download):
    """The documents in a downloaded file, its narrative text, and the parser's warnings printed."""
    from .parse import document_text, parse_bytes

    documents = parse_bytes(download.data, download.source)
    for document in documents:
        for warning in document.warnings:
            print(_("resdiff: warning: {path}: {message}").format(path=download.source, message=tr(warning)),
                  file=sys.stderr)
    symbols = [d.symbol for d in documents]
    if len(documents) == 1 and documents[0].symbol != download.symbol:
        # The document system said which document this is; the text may print its symbol oddly.
        import dataclasses

        documents = (dataclasses.replace(documents[0], symbol=download.symbol),)
    elif download.symbol not in symbols and len(documents) > 1 and not any(symbols):
        raise ResdiffError(_("{symbol}: the file fetched holds {count} documents and names "
                             "none of them: add it from a file with 'resdiff add'").format(
            symbol=download.symbol, count=len(documents)))
    return documents, document_text(download.data, download.source)


def fetch_symbols(symbols: list[str], language: str, kind: str, store: str | None,
                  announce: str | None = None) -> list[tuple[Download, Record | None, list]]:
    """Fetch each symbol's file and record, read them, and keep them in the store.

    Every download is made and read before anything is written, so a failure stores nothing.
    ``announce`` is a line for standard error before each download (diff's "fetching …").
    """
    from . import fetch as fetching
    from .parse import normalize_symbol
    from .store import Store, store_path
    from .store_cli import incoming_from

    fetched = []
    with fetching.Client() as client:
        for raw in symbols:
            symbol = normalize_symbol(raw)
            if announce:
                print(announce.format(symbol=symbol, language=language_label(language),
                                      host=fetching._host(fetching.documents_url())), file=sys.stderr)
            download = client.document(symbol, language, kind)
            try:
                documents, text = _documents_of(download)
            except InputError as exc:
                if kind != "auto" or download.kind != "doc":
                    raise
                # a Word file LibreOffice cannot read: the PDF of the same document may do
                print(_("resdiff: warning: {message}").format(message=_("{error}; fetching the PDF instead").format(error=exc)),
                      file=sys.stderr)
                download = client.document(symbol, language, "pdf")
                documents, text = _documents_of(download)
            try:
                record = client.record(symbol)
            except fetching.FetchError as exc:
                print(_("resdiff: warning: {message}").format(
                    message=_("{error}; stored without the Digital Library's record").format(error=exc)), file=sys.stderr)
                record = None
            fetched.append((download, record, incoming_from(documents, text, download.source)))
    results = []
    with Store.open(store_path(store), create=True) as opened:
        for download, record, incoming in fetched:
            results.append((download, record, opened.add(incoming, download=download, record=record)))
    return results


def record_line(record: Record | None) -> str:
    """What the Digital Library says, in one line (for fetch)."""
    if record is None:
        return _("record: none in the UN Digital Library")
    parts = [record.title or _("(no title)")]
    if record.date:
        parts.append(record.date)
    if record.agenda:
        parts.append(_("agenda: {agenda}").format(agenda=record.agenda))
    if record.vote_text:
        parts.append(_("vote: {vote}").format(vote=record.vote_text))
    return _("record: {record}").format(record=_("; ").join(parts))


@app.command(short_help=N_("Download documents by UN symbol into the store."),
             help=N_("Download documents by symbol from the UN document system, with their UN Digital Library record "
                     "(title, date, agenda item, vote), and keep them in the version store."),
             epilog=N_("Examples: resdiff fetch A/C.2/65/L.22 A/C.2/65/L.56 --lang zh;  "
                        "resdiff fetch A/RES/65/141 --lang en --type pdf.  Environment: RESDIFF_DOCUMENTS_URL, "
                        "RESDIFF_LIBRARY_URL (mirrors), RESDIFF_TIMEOUT (seconds), RESDIFF_OFFLINE, RESDIFF_STORE."))
def fetch(
    symbols: list[str] = typer.Argument(..., help=N_("UN document symbols, such as A/C.2/65/L.22.")),
    lang: str = typer.Option(DEFAULT_LANGUAGE, "--lang", "-l", help=_LANG_HELP),
    kind: str = typer.Option("auto", "--type", "-t",
                             help=N_("pdf, doc (Word 97-2003), or auto: the Word file when LibreOffice is "
                                     "installed, else (and when there is none) the PDF.")),
    offline: bool = typer.Option(False, "--offline", help=N_("Never touch the network (here: refuse to run).")),
    store: str | None = typer.Option(None, "--store", help=_STORE_HELP),
) -> None:
    language = check_language(lang) or DEFAULT_LANGUAGE
    if kind not in _KINDS:
        raise typer.BadParameter(_("choose auto, pdf or doc"), param_hint="--type")
    if offline or offline_from_environment():
        raise ResdiffError(_("fetch downloads documents, and --offline (or RESDIFF_OFFLINE) forbids the network: "
                             "'resdiff log' lists what is stored"))
    bad = [s for s in symbols if not looks_like_symbol(s)]
    if bad:
        raise ResdiffError(_("{symbol} is not a whole UN symbol: give it in full, such as A/C.2/65/L.22").format(
            symbol=repr(bad[0])))
    from .store_cli import added_line

    lines = []
    for download, record, results in fetch_symbols(symbols, language, kind, store):
        form = _FORMAT_NAMES.get(download.format, download.format)
        lines.append(_("fetched {symbol} in {language} ({form}, {size}) from {host}").format(
            symbol=download.symbol, language=language_label(download.language), form=form, size=_size(len(download.data)),
            host=_host(download.url)))
        lines.extend("  " + added_line(result) for result in results)
        lines.append("  " + record_line(record))
    write_output("\n".join(lines) + "\n", None)


def fetching_resolver(store: str | None, language: str | None, offline: bool):
    """diff's resolver: a stored symbol, else (a whole symbol, online) the symbol fetched first."""

    def resolve(arg: str):
        from .store import resolver, store_path

        found = resolver(store, language)(arg)
        if found is not None:
            return found
        if not looks_like_symbol(arg):
            return None
        where = store_path(store)
        if offline:
            raise ResdiffError((_("{arg}: no such file, nor stored in {where} in {language}, and --offline forbids "
                                  "fetching it: fetch it first with 'resdiff fetch'") if language else
                                _("{arg}: no such file, nor stored in {where}, and --offline forbids "
                                  "fetching it: fetch it first with 'resdiff fetch'")).format(
                arg=arg, where=where, language=language_label(language) if language else language))
        wanted = language or DEFAULT_LANGUAGE
        fetch_symbols([arg], wanted, "auto", store,
                      announce=_("resdiff: fetching {symbol} ({language}) from {host}: not a file, nor stored in {where}")
                      .replace("{where}", str(where)))
        found = resolver(store, wanted)(arg)
        if found is None:
            raise ResdiffError(_("{arg}: the file fetched holds no document of that symbol").format(arg=arg))
        return found

    def where() -> str:
        from .store import store_path

        return str(store_path(store))

    resolve.where = where  # type: ignore[attr-defined]
    if language is None:
        # with no language asked for, diff chooses one for both sides (command.load_pair)
        def stored_languages(arg: str) -> dict[str, int]:
            from .store import stored_languages

            return stored_languages(store, arg)

        def in_language(arg: str, chosen: str):
            from .store import resolver

            return resolver(store, chosen)(arg)

        resolve.stored_languages = stored_languages  # type: ignore[attr-defined]
        resolve.in_language = in_language  # type: ignore[attr-defined]
    return resolve
