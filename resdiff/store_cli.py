"""Version-store commands (add, log, blame, history, precedent), registered on the app of ``cli_app``.

``cli`` imports this module so that its commands join the app; it imports ``cli_app``, never
``cli`` (see .importlinter).
"""

from __future__ import annotations

import os
import re
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from . import i18n
from .cli_app import app, check_output, read_documents, write_output
from .errors import ResdiffError, StoreError
from .i18n import N_, _, language_label, language_labels


def cell_len(text: str) -> int:
    """Columns ``text`` takes in a terminal (rich, imported when a store command prints)."""
    from rich.cells import cell_len as columns

    return columns(text)


def dumps(data) -> str:
    from .render.json import dumps as json_dumps

    return json_dumps(data)


def symbol_from_filename(source: str):
    from .parse import symbol_from_filename as from_filename

    return from_filename(source)


if TYPE_CHECKING:
    from .history import Proceedings
    from .model import Document
    from .store import Incoming, Store, Version


def _store():
    """The store module, imported when a store command runs: ``resdiff diff`` never pays for it."""
    from . import store

    return store


def _history():
    """The report-narrative module, imported when needed."""
    from . import history

    return history

LOG_SCHEMA = "resdiff.log/1"
BLAME_SCHEMA = "resdiff.blame/1"
HISTORY_SCHEMA = "resdiff.history/1"

_STORE_HELP = N_("The version store (default .resdiff/store.db here, or $RESDIFF_STORE).")


def _format_option(format: str) -> None:
    if format not in {"text", "json"}:
        raise typer.BadParameter(_("choose text or json"), param_hint="--format")


def _read_text(path: str) -> str:
    """A file's text for the narrative rules, whatever its format (text, Word, Word 97-2003, PDF)."""
    from .parse import document_text
    from .parse.reading import read_bytes

    return document_text(read_bytes(path), _shown(path))


def _shown(path: str) -> str:
    """A file name as outputs and the store can carry it (bytes that are not UTF-8 as U+FFFD)."""
    from .parse.reading import shown_path

    return shown_path(path)


def _open_for_reading(store: str | None) -> Store:
    path = _store().store_path(store)
    opened = _store().Store.open(path, create=False)
    if opened is None or not opened.versions():
        if opened is not None:
            opened.close()
        raise StoreError(_("nothing is stored in {path} yet: run 'resdiff add FILE' first "
                           "(or give --store PATH / set RESDIFF_STORE to another store)").format(path=path))
    return opened


# --- add -----------------------------------------------------------------------------------------


def _incoming(path: str, follows: str | None) -> list[Incoming]:
    return incoming_from(read_documents(path), _read_text(path), _shown(path), follows)


def incoming_from(documents: tuple[Document, ...], text: str, source: str,
                  follows: str | None = None) -> list[Incoming]:
    """What to store of a file's documents, with what its narrative says (dates, links, report)."""
    record = _history().proceedings(text)
    found_links = _history().links(record.events)
    report = None
    if record.events or len(documents) > 1:
        report = record.symbol or symbol_from_filename(source)
    origins = _history().header_links(text)
    agenda = record.agenda_item
    incoming = []
    for n, document in enumerate(documents):
        incoming.append(_store().Incoming(
            document=document,  # a report's drafts come dated from its account (parse_text)
            report=report,
            agenda_item=agenda,
            links=tuple(link for link in found_links if link.successor == document.symbol),
            origins=origins if "/RES/" in (document.symbol or "") else (),
            follows=follows if n == 0 else None,
        ))
    return incoming


def added_line(result) -> str:
    """One line for what ``add`` (or ``fetch``) did with a document."""
    version = result.version
    pp, op, annex = version.counts
    # (an annex's paragraphs counted apart, as parse counts them: they are no operative paragraphs)
    if result.status == "added":
        if annex:
            return _("added {symbol} ({pp} PP, {op} OP, {annex} annex)").format(
                symbol=version.symbol, pp=pp, op=op, annex=annex)
        return _("added {symbol} ({pp} PP, {op} OP)").format(symbol=version.symbol, pp=pp, op=op)
    if result.status == "revised" and getattr(result, "text_of", None):
        return _("revised {symbol} (revision {revision}, the text of revision {earlier})").format(
            symbol=version.symbol, revision=version.revision, earlier=result.text_of)
    if result.status == "revised":
        if annex:
            return _("revised {symbol} (revision {revision}, {pp} PP, {op} OP, {annex} annex)").format(
                symbol=version.symbol, revision=version.revision, pp=pp, op=op, annex=annex)
        return _("revised {symbol} (revision {revision}, {pp} PP, {op} OP)").format(
            symbol=version.symbol, revision=version.revision, pp=pp, op=op)
    return _("unchanged {symbol} (already stored as revision {revision})").format(
        symbol=version.symbol, revision=version.revision)


# Files a folder given to ``add`` contributes (recursively; hidden folders and files skipped).
IMPORTABLE = (".txt", ".md", ".docx", ".doc", ".pdf")
# From this many files on, they are read in parallel processes (starting them costs about a second).
PARALLEL_FROM = 8
# Files written in one transaction; when one of them cannot be stored, each is written alone.
WRITE_BATCH = 100


def _expand(paths: list[str]) -> list[str]:
    """Each FILE as given, and each folder's importable files, recursively, in name order."""
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            root = Path(path)
            out.extend(sorted(
                str(p) for p in root.rglob("*")
                if p.suffix.lower() in IMPORTABLE and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(root).parts)))
        else:
            out.append(path)
    return list(dict.fromkeys(out))


def _read_one(path: str) -> tuple[str, list[Incoming] | None, str | None]:
    """A file's documents to store, or why it cannot be read (never an exception: one file's
    failure must not stop the others)."""
    try:
        return path, _incoming(path, None), None
    except ResdiffError as exc:
        return path, None, str(exc)
    except Exception as exc:  # noqa: BLE001 - reported as that file's failure, with its kind
        return path, None, f"cannot be read ({type(exc).__name__}: {exc})"


def _progress(total: int, label: str):
    """A progress bar on standard error, with the count of files done and the time left; shown
    on a terminal only, and only for more than one file."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=console, disable=not (console.is_terminal and total > 1), transient=True)


def _reader_start(language: str = i18n.SOURCE_LANGUAGE, command: int | None = None) -> None:
    """A reading process ignores Ctrl-C (the command that started it ends it), speaks the
    command's interface language (however it was started), and ends when the command is gone
    however it ended (a SIGTERM from `timeout` or a cancelled job, a kill): it would otherwise
    wait on its queue for ever."""
    i18n.use(language)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    import threading

    # The command's process id as the command gave it: one that ended before this reader got
    # here has already handed it to another parent.
    threading.Thread(target=_end_with, args=(command if command is not None else os.getppid(),),
                     name="resdiff-parent", daemon=True).start()


def _end_with(parent: int, every: float = 0.25) -> None:
    """Watch the command's process; once it is gone (this process is handed to another
    parent), end this one at once."""
    import time

    while os.getppid() == parent:
        time.sleep(every)
    os._exit(0)


def _read_all(paths: list[str]) -> list[tuple[str, list[Incoming] | None, str | None]]:
    """Every file read, in parallel processes for many files, with a progress bar on a terminal."""
    results: dict[str, tuple] = {}
    stopped = False
    try:
        with _progress(len(paths), _("reading")) as progress:
            task = progress.add_task("read", total=len(paths))
            if len(paths) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
                from concurrent.futures import ProcessPoolExecutor, as_completed

                # Ctrl-C reaches every process of the command; the readers leave it to this one,
                # which stops them. They are started with SIGINT blocked, so that none is
                # interrupted before it has set it aside (its traceback would be printed).
                blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
                try:
                    pool = ProcessPoolExecutor(max_workers=min(4, os.cpu_count() or 1), initializer=_reader_start,
                                               initargs=(i18n.current(), os.getpid()))
                    futures = [pool.submit(_read_one, path) for path in paths]
                finally:
                    signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
                try:
                    for future in as_completed(futures):
                        path, incoming, error = future.result()
                        results[path] = (path, incoming, error)
                        progress.advance(task)
                except BaseException:
                    for process in list((getattr(pool, "_processes", None) or {}).values()):
                        process.terminate()
                    stopped = True
                    raise
                pool.shutdown()
            else:
                for path in paths:
                    results[path] = _read_one(path)
                    progress.advance(task)
    except KeyboardInterrupt:
        if stopped:
            # Nothing is stored yet and the progress bar is closed; Python's own shutdown of the
            # pool would write to the stopped readers and print what failed.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(130)
        raise
    return [results[path] for path in paths]


@app.command(short_help=N_("Store the documents of files as versions."),
             help=N_("Store every document found in FILE… as a version; the same text again changes nothing.\n\n"
                     "Each file is stored whole or not at all; a file that cannot be read or stored is reported "
                     "(resdiff: error: FILE: why) and the others are stored all the same. With several files a "
                     "summary ends the list, and the exit status is 2 if any failed."),
             epilog=N_("Examples: resdiff add report.txt;  resdiff add drafts/;  resdiff add L.56.docx --follows A/C.2/65/L.22.  "
                         "Environment: RESDIFF_STORE (version store)."))
def add(
    files: list[str] = typer.Argument(..., help=N_("Reports, drafts or resolutions, or folders of them (read "
                                                   "recursively): every document in them is stored.")),
    follows: str | None = typer.Option(None, "--follows", help=N_("The symbol the (first) document of each FILE succeeds.")),
    store: str | None = typer.Option(None, "--store", help=_STORE_HELP),
) -> None:
    paths = _expand(files)
    if not paths:
        raise StoreError(_("no {kinds} file in {files}").format(kinds=", ".join(IMPORTABLE), files=", ".join(files)))
    read = _read_all(paths)
    single = len(paths) == 1 and not os.path.isdir(files[0])
    if single and read[0][2] is not None:
        raise ResdiffError(read[0][2])
    failed: list[tuple[str, str]] = [(path, error) for path, _, error in read if error is not None]
    ready = [(path, incoming) for path, incoming, error in read if incoming is not None]
    results: list = []
    # Writing is the longer part of a large import (the sketches): it has its bar too.
    with _store().Store.open(_store().store_path(store), create=True) as opened, \
            _progress(len(ready), _("storing")) as progress:
        stored = progress.add_task("store", total=len(ready))
        if follows:
            found = opened.find(follows)
            if found:
                follows = found[0].symbol
            elif "/" in follows:
                from .parse import normalize_symbol

                follows = normalize_symbol(follows)
            else:
                raise StoreError(_("--follows {symbol}: no stored symbol ends with it; give the full symbol").format(
                    symbol=repr(follows)))
            ready = [(path, [_store().Incoming(i.document, i.report, i.agenda_item, i.links, i.origins,
                                               follows if n == 0 else None) for n, i in enumerate(batch)])
                     for path, batch in ready]
        # a symbol's several texts in one command are its history, added again where stored
        several = _store().repeated_texts(i for _, batch in ready for i in batch)
        for k in range(0, len(ready), WRITE_BATCH):
            chunk = ready[k:k + WRITE_BATCH]
            try:
                results.extend(opened.add([i for _, batch in chunk for i in batch], several=several))
                progress.advance(stored, len(chunk))
                continue
            except StoreError:
                if single:
                    raise
            for path, batch in chunk:  # one of them cannot be stored: each alone, to find which
                try:
                    results.extend(opened.add(batch, several=several))
                except StoreError as exc:
                    failed.append((path, str(exc)))
                progress.advance(stored)
    lines = [added_line(result) for result in results]
    if len(paths) > 1:
        counts = {status: sum(1 for r in results if r.status == status) for status in ("added", "revised", "unchanged")}
        lines.append(_("{files} files: {added} added, {revised} revised, {unchanged} unchanged, {failed} failed").format(
            files=len(paths), added=counts["added"], revised=counts["revised"], unchanged=counts["unchanged"],
            failed=len(failed)))
    write_output("".join(line + "\n" for line in lines), None)
    if failed:
        for path, error in sorted(failed, key=lambda f: paths.index(f[0])):
            message = error if error.startswith(path) else _("{name}: ").format(name=path) + error
            print(_("resdiff: error: {message}").format(message=message), file=sys.stderr)
        raise typer.Exit(2)


# --- log -----------------------------------------------------------------------------------------


def _select_families(opened: Store, query: str | None) -> list[list[Version]]:
    families = opened.families()
    if not query:
        return families
    found = opened.find(query)
    if found:
        return [opened.family(found[-1])]
    key = title_key(query)
    chosen = [f for f in families if key and any(key in title_key(v.title or "") for v in f)]
    if not chosen:
        raise StoreError(_("no stored symbol or title matches {query}: 'resdiff log' lists what is stored").format(
            query=repr(query)))
    return chosen


def title_key(text: str) -> str:
    """A title as `log TEXT` matches it: quotes and dashes set aside (’ for ', « » for "), width,
    spacing and case folded, and accents left out ("droit a l'alimentation" finds "Droit à
    l’alimentation", "alimentacion" finds "alimentación")."""
    import unicodedata

    from .text import fold

    split = unicodedata.normalize("NFD", fold(text).casefold())
    return unicodedata.normalize("NFC", "".join(c for c in split if not unicodedata.combining(c)))


def _log_data(opened: Store, families: list[list[Version]]) -> dict:
    from .compare import compare

    versions = []
    for number, family in enumerate(families, 1):
        # each version against the one before it in its own language: a translation is no change
        previous_in: dict[str, Document] = {}
        earlier_in: dict[str, list[tuple[Version, Document]]] = {}
        for version in family:
            document = opened.document(version)
            previous = previous_in.get(version.language)
            comparison = compare(previous, document) if previous is not None else None
            summary = comparison.summary() if comparison is not None else None
            # what changed beside the paragraphs: a revision may be its title or sponsors alone
            heading = _heading_changes(comparison) if comparison is not None else []
            text_of = _text_of(version, document, earlier_in.get(version.language, [])) \
                if comparison is not None and comparison.differs else None
            earlier_in.setdefault(version.language, []).append((version, document))
            pp, op, annex = version.counts
            versions.append({
                "family": number,
                "symbol": version.symbol,
                "revision": version.revision,
                "date": version.date,
                "title": version.title,
                "language": version.language,
                "source": version.source,
                "counts": {"preambular": pp, "operative": op, "annex": annex},
                "changes": summary,
                "summary": (_store().change_summary(summary) + (" · changed: " + ", ".join(heading) if heading else ""))
                if summary else None,
                "header_changed": heading,
                "text_of": text_of,
                "record": record.as_json() if (record := opened.record(version.symbol)) else None,
            })
            previous_in[version.language] = document
    return {"schema": LOG_SCHEMA, "versions": versions}


def _text_of(version: Version, document: Document, earlier: list[tuple[Version, Document]]) -> int | None:
    """The earlier revision (not the one just before) whose text and header ``version`` gives
    again, as `add` stores a text gone back to an earlier wording; None if there is none."""
    from .compare import compare

    for before, stored in reversed(earlier[:-1]):
        if before.content_hash == version.content_hash and before.date == version.date:
            if not compare(stored, document).differs:
                return before.revision
    return None


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - cell_len(text))


def _counts(counts: dict) -> str:
    """A version's paragraphs as log prints them: "2 PP 7 OP", "0 PP 1 OP 31 annex"."""
    text = f"{counts['preambular']} PP {counts['operative']} OP"
    return text + (" " + _("{n} annex").format(n=counts["annex"]) if counts.get("annex") else "")


def _render_log(data: dict) -> str:
    lines: list[str] = []
    family = None
    rows = data["versions"]
    # a family kept in several languages names each version's language
    languages: dict[int, set[str]] = {}
    for row in rows:
        languages.setdefault(row["family"], set()).add(row["language"])
    # (its code in English, "[zh]"; its name in Chinese, "[中文]")
    width = max((cell_len(_label(r) + (f" [{language_label(r['language'])}]" if len(languages[r["family"]]) > 1
                                       else "")) for r in rows), default=0)
    counted = max([12] + [cell_len(_counts(r["counts"])) for r in rows])
    for row in rows:
        if len(languages[row["family"]]) > 1:
            row = row | {"symbol": f"{row['symbol']} [{language_label(row['language'])}]"}
        if row["family"] != family:
            family = row["family"]
            if lines:
                lines.append("")
            lines.append(row["title"] or _("(untitled)"))
        counts = _counts(row["counts"])
        summary = _change_summary(row["changes"]) if row["changes"] else _("first version")
        if row.get("header_changed"):
            summary += " · " + _("changed: {parts}").format(
                parts=_(", ").join(_(_HEADING_PARTS[part]) for part in row["header_changed"]))
        if row.get("text_of"):
            summary += " · " + _("the text of rev {revision}").format(revision=row["text_of"])
        lines.append(f"  {row['date'] or '----------':10}  {_pad(_label(row), width)}  {' ' * (counted - cell_len(counts))}{counts}  {summary}")
        known = _known(row.get("record"))
        if known:
            lines.append(f"  {'':10}  {known}")
    return "\n".join(lines) + "\n"


# The parts of a version beside its paragraphs that log names when they changed, as diff counts them.
_HEADING_PARTS = {"title": N_("title"), "agenda item": N_("agenda item"), "sponsors": N_("sponsors"),
                  "chapeau": N_("chapeau")}


def _heading_changes(comparison) -> list[str]:
    """The title and header parts whose wording changed ('title', 'sponsors'), in printed order;
    like a header part, the title only where both versions print one (one read without its title
    is no retitling)."""
    both = bool(comparison.old.title and comparison.new.title)
    parts = ["title"] if both and comparison.title_changed else []
    return parts + [part.part for part in comparison.header_changed]


def _change_summary(summary: dict[str, int]) -> str:
    """``store.change_summary`` (what the JSON keeps) in the interface language: '+3 −3 ~36 合并 2'."""
    from .render import kind_name

    parts = [f"+{summary['added']}", f"\u2212{summary['removed']}", f"~{summary['modified']}"]
    parts.extend(f"{kind_name(name)} {summary[name]}" for name in ("merged", "split", "moved", "renumbered")
                 if summary.get(name))
    return " ".join(parts)


def _revision(symbol: str, revision: int) -> str:
    """A stored revision after the first: 'A/C.2/65/L.56 rev 2'."""
    return _("{symbol} rev {revision}").format(symbol=symbol, revision=revision)


def _known(record: dict | None) -> str | None:
    """The vote and agenda item of a record as JSON gives it, in one line; None when neither is known."""
    if not record:
        return None
    from .fetch import Record

    votes = record["votes"]
    return Record(symbol=record["symbol"], title=record["title"], date=record["date"], agenda=record["agenda"],
                  votes=(votes["in_favour"], votes["against"], votes["abstaining"]) if votes else None,
                  url=record["url"], fetched_at=record["fetched_at"]).known()


def _label(row: dict) -> str:
    return row["symbol"] if row["revision"] == 1 else _revision(row["symbol"], row["revision"])


@app.command(short_help=N_("List a resolution's stored versions."),
             help=N_("The versions of a resolution in order, each with what changed since the one before."),
             epilog=N_("Examples: resdiff log;  resdiff log L.22;  resdiff log 信息和通信技术 --format json.  "
                         "Environment: RESDIFF_STORE (version store)."))
def log(
    query: str | None = typer.Argument(None, help=N_("A stored symbol ('L.22' is enough) or words of a title.")),
    format: str = typer.Option("text", "--format", "-f", help=N_("text or json.")),
    store: str | None = typer.Option(None, "--store", help=_STORE_HELP),
) -> None:
    _format_option(format)
    with _open_for_reading(store) as opened:
        data = _log_data(opened, _select_families(opened, query))
    write_output(dumps(data) if format == "json" else _render_log(data), None)


# --- blame ---------------------------------------------------------------------------------------


def _blame_data(opened: Store, symbol: str) -> dict:
    from .compare import compare

    found = opened.find(symbol)
    if not found:
        raise StoreError(_("no stored symbol matches {symbol}: 'resdiff log' lists what is stored").format(
            symbol=repr(symbol)))
    target = found[-1]
    family = [v for v in opened.family(target) if v.language == target.language]
    chain = family[: [v.id for v in family].index(target.id) + 1]
    documents = [opened.document(v) for v in chain]
    comparisons = [compare(a, b) for a, b in zip(documents, documents[1:])]
    paragraphs = []
    for entry in _store().blame(documents, comparisons):
        paragraph = documents[-1].paragraph(entry.id)
        origin = chain[entry.origin]
        paragraphs.append({
            "id": entry.id,
            "kind": paragraph.kind.value,
            "origin": {"symbol": origin.symbol, "revision": origin.revision, "id": entry.origin_ids[0],
                       "ids": list(entry.origin_ids)},
            "history": [
                {"symbol": chain[step.version].symbol, "revision": chain[step.version].revision,
                 "id": step.id, "kind": step.kind, "previous": list(step.previous),
                 "moved": step.moved, "renumbered": step.renumbered}
                for step in entry.steps
            ],
            "text": paragraph.body,
        })
    return {
        "schema": BLAME_SCHEMA,
        "symbol": target.symbol,
        "revision": target.revision,
        "versions": [{"symbol": v.symbol, "revision": v.revision, "date": v.date} for v in chain],
        "paragraphs": paragraphs,
    }


def _short(symbol: str, revision: int) -> str:
    from .model import Document

    tail = Document(symbol=symbol, title=None, language="", paragraphs=()).short_symbol
    return tail if revision == 1 else _revision(tail, revision)


def _render_blame(data: dict) -> str:
    from .render import kind_name

    chain = " → ".join(_short(v["symbol"], v["revision"]) for v in data["versions"])
    lines = [_("{symbol}: where each paragraph comes from ({chain})").format(symbol=data["symbol"], chain=chain)]
    rows = []
    for p in data["paragraphs"]:
        origin = p["origin"]
        source = f"{_short(origin['symbol'], origin['revision'])} {'+'.join(origin['ids'])}"
        changes = []
        for step in p["history"]:
            if step["kind"] == "original":
                continue
            where = _short(step["symbol"], step["revision"])
            if step["kind"] == "added":
                changes.append(_("{where} added").format(where=where))
                continue
            flags = [kind_name(step["kind"])] + [kind_name(f) for f in ("moved", "renumbered") if step[f]]
            changes.append(_("{where} {flags} (from {previous})").format(
                where=where, flags=_(", ").join(flags), previous="+".join(step["previous"])))
        rows.append((p["id"], source, _("; ").join(changes) or kind_name("unchanged")))
    width_id = max((cell_len(r[0]) for r in rows), default=0)
    width_source = max((cell_len(r[1]) for r in rows), default=0)
    for pid, source, summary in rows:
        lines.append(f"  {_pad(pid, width_id)}  {_pad(source, width_source)}  {summary}")
    return "\n".join(lines) + "\n"


@app.command("blame",
             short_help=N_("Trace each paragraph to the version that introduced it."),
             help=N_("For each paragraph, the earliest version it or a predecessor appears in, and each change since."),
             epilog=N_("Examples: resdiff blame L.56;  resdiff blame L.56@2 --format json.  "
                       "Environment: RESDIFF_STORE (version store)."))
def blame_command(
    symbol: str = typer.Argument(..., help=N_("A stored symbol ('L.56' is enough; 'L.56@2' for a revision).")),
    format: str = typer.Option("text", "--format", "-f", help=N_("text or json.")),
    store: str | None = typer.Option(None, "--store", help=_STORE_HELP),
) -> None:
    _format_option(format)
    with _open_for_reading(store) as opened:
        data = _blame_data(opened, symbol)
    write_output(dumps(data) if format == "json" else _render_blame(data), None)


# --- history -------------------------------------------------------------------------------------


def _history_data(path: str, record: Proceedings, records: dict | None = None) -> dict:
    return {
        "schema": HISTORY_SCHEMA,
        "source": _shown(path),
        "report": record.symbol,
        "agenda_item": record.agenda_item,
        "events": [
            {
                "kind": e.kind.value,
                "paragraph": e.paragraph,
                "date": e.date,
                "meeting": e.meeting,
                "symbol": e.symbol,
                "speakers": [{"name": s.name, "on_behalf_of": s.on_behalf_of, "also": s.also, "role": s.role}
                             for s in e.speakers],
                "basis": e.basis,
                "timing": e.timing,
                "detail": e.detail,
            }
            for e in record.events
        ],
        "records": records or {},
    }


def _speaker_text(speaker: dict) -> str:
    text = f"{speaker['role']} {speaker['name']}" if speaker["role"] else speaker["name"]
    if speaker["on_behalf_of"]:
        text += (_(" (also on behalf of {group})") if speaker["also"] else _(" (on behalf of {group})")).format(
            group=speaker["on_behalf_of"])
    return text


# The steps of a draft's life as the history shows them (the JSON keeps the English words).
_EVENT_NAMES = {"introduced": N_("introduced"), "submitted": N_("submitted"), "revised": N_("revised"),
                "statement": N_("statement"), "adopted": N_("adopted"), "rejected": N_("rejected"),
                "withdrawn": N_("withdrawn")}
_STATEMENT_NAMES = {"before": N_("statement before"), "after": N_("statement after")}
# How a draft was acted on, as the English reader records it (a Chinese report's own words,
# "未经表决", "经口头订正", are the report's text and shown as they are).
_DETAILS = {"as orally revised": N_("as orally revised"), "without a vote": N_("without a vote"),
            "orally revised": N_("orally revised"), "orally corrected": N_("orally corrected")}


def _detail_text(detail: str) -> str:
    """An event's detail in the interface language: 'as orally revised, recorded vote 150-1-3'."""
    shown = []
    for part in detail.split(", "):
        vote = re.fullmatch(r"recorded vote (\d+)-(\d+)-(\d+)", part)
        if vote:
            shown.append(_("recorded vote {in_favour}-{against}-{abstaining}").format(
                in_favour=vote.group(1), against=vote.group(2), abstaining=vote.group(3)))
        else:
            shown.append(_(_DETAILS[part]) if part in _DETAILS else part)
    return _(", ").join(shown) if len(shown) > 1 else "".join(shown)


def _render_history(data: dict) -> str:
    if data["report"] and data["agenda_item"]:
        head = _("Proceedings of {report}, agenda item {item}").format(report=data["report"], item=data["agenda_item"])
    elif data["report"]:
        head = _("Proceedings of {report}").format(report=data["report"])
    elif data["agenda_item"]:
        head = _("Proceedings, agenda item {item}").format(item=data["agenda_item"])
    else:
        head = _("Proceedings")
    lines = [head]
    if not data["events"]:
        lines.append("  " + _("(no introduction, revision, statement, adoption or withdrawal found)"))
    for e in data["events"]:
        meeting = _("meeting {number}").format(number=e["meeting"]) if e["meeting"] else ""
        when = f"{e['date'] or '----------':10}  {_pad(meeting, 11)}"
        what = _(_EVENT_NAMES[e["kind"]]) if e["kind"] in _EVENT_NAMES else e["kind"]
        if e["kind"] == "statement" and e["timing"]:
            what = _(_STATEMENT_NAMES[e["timing"]]) if e["timing"] in _STATEMENT_NAMES else f"{what} {e['timing']}"
        line = f"  {when}  {_pad(what, 16)}  {e['symbol'] or ''}"
        speakers = _("; ").join(_speaker_text(s) for s in e["speakers"])
        if speakers:
            line += "  " + _("by {speakers}").format(speakers=speakers)
        if e["basis"]:
            line += _(", on the basis of informal consultations on {basis}").format(basis=e["basis"])
        if e["detail"]:
            line += _(" ({detail})").format(detail=_detail_text(e["detail"]))
        lines.append(line.rstrip())
        known = _known(data.get("records", {}).get(e["symbol"] or ""))
        if known and e["kind"] in {"adopted", "rejected"}:
            lines.append(f"  {'':10}  {'':11}  {'':16}  {known}")
    return "\n".join(lines) + "\n"


def _records(store: str | None, symbols: list[str]) -> dict:
    """The Digital Library records the store holds for ``symbols`` (never creating a store)."""
    path = _store().store_path(store)
    try:
        if not symbols or not path.is_file():
            return {}
    except OSError:
        pass  # a name too long, a loop of links: opening it names the problem
    opened = _store().Store.open(path, create=False)
    if opened is None:
        return {}
    with opened:
        found = {s: opened.record(s) for s in dict.fromkeys(symbols)}
    return {s: r.as_json() for s, r in sorted(found.items()) if r is not None}


@app.command(short_help=N_("Read the proceedings a committee report records."),
             help=N_("The proceedings a committee report records: introduced, revised, statements, adopted, "
                     "withdrawn; with the vote and agenda item the UN Digital Library gives, for symbols fetched into "
                     "the store."),
             epilog=N_("Examples: resdiff history report.txt;  resdiff history report.pdf --format json.  "
                         "Environment: RESDIFF_STORE (version store)."))
def history(
    file: str = typer.Argument(..., help=N_("A committee report: .txt in any common encoding, .docx, .doc or .pdf.")),
    format: str = typer.Option("text", "--format", "-f", help=N_("text or json.")),
    store: str | None = typer.Option(None, "--store", help=N_("The version store (default .resdiff/store.db here, or "
                                                              "$RESDIFF_STORE). Votes and agenda items fetched from "
                                                              "the UN Digital Library are shown from it.")),
) -> None:
    _format_option(format)
    text = _read_text(file)
    proceedings = _history().proceedings(text)
    if not proceedings.events and proceedings.symbol is None:
        # not a committee report: an error, naming a resolution or draft given instead
        from .errors import ParseError
        from .parse import parse_text

        try:
            documents = parse_text(text, file)
        except ParseError:
            raise StoreError(_("{file}: no committee report found in it (no report symbol, and no introduction, "
                               "revision, statement, adoption or withdrawal)").format(file=file)) from None
        raise StoreError(_("{file} reads as a resolution text ({symbol}), not a committee report: history needs a "
                           "committee report quoting drafts, with the narrative of their introduction, revision and "
                           "adoption").format(file=file, symbol=documents[-1].symbol or _("untitled")))
    data = _history_data(file, proceedings, _records(store, [e.symbol for e in proceedings.events if e.symbol]))
    write_output(dumps(data) if format == "json" else _render_history(data), None)




# --- precedent -----------------------------------------------------------------------------------

PRECEDENT_SCHEMA = "resdiff.precedent/1"


def _precedent_draft(opened: Store, draft: str) -> tuple[Document, int | None]:
    """The draft to search for: a file (its last document, for a report), or a stored symbol;
    and the stored version it is (None for a file)."""
    if os.path.exists(draft):
        documents = read_documents(draft)
        if not documents:
            raise StoreError(_("{draft}: no resolution text found in it").format(draft=draft))
        if len(documents) > 1:
            import sys

            note = _("{draft} holds {n} texts; searching for the last, {symbol}").format(
                draft=draft, n=len(documents), symbol=documents[-1].symbol or _("untitled"))
            print(_("resdiff: note: {message}").format(message=note), file=sys.stderr)
        return documents[-1], None
    found = opened.find(draft)
    if not found:
        raise StoreError(_("{draft} is neither a file nor a stored symbol: give a draft file, or a symbol "
                           "'resdiff log' lists").format(draft=repr(draft)))
    return opened.document(found[-1]), found[-1].id


def _status(precedents) -> str:
    if not precedents:
        return "new"
    return "identical" if precedents[0].identical else "changed"


def _precedent_data(search) -> dict:
    paragraphs = []
    counts = {"identical": 0, "changed": 0, "new": 0}
    for found in search.paragraphs:
        status = _status(found.precedents)
        counts[status] += 1
        paragraphs.append({
            "id": found.id,
            "kind": found.kind,
            "text": found.text,
            "status": status,
            "precedents": [
                {"symbol": p.symbol, "revision": p.revision, "id": p.id, "date": p.date, "session": p.session,
                 "language": p.language, "title": p.title, "similarity": p.similarity,
                 "identical": p.identical, "family": p.family,
                 "spans": [{"op": s.op.value, "text": s.text} for s in p.spans]}
                for p in found.precedents
            ],
        })
    document = search.document
    return {
        "schema": PRECEDENT_SCHEMA,
        "draft": {"symbol": document.symbol, "title": document.title, "language": document.language,
                  "date": document.date, "source": document.source},
        "search": {"languages": list(search.languages) if search.languages else None, "since": search.since,
                   "top": search.top, "min_share": search.min_share, "stored_paragraphs": search.stored},
        "summary": counts,
        "paragraphs": paragraphs,
    }


def _word_diff(spans: list[dict]) -> str:
    """The diff from precedent to draft on one line: [-removed-] and {+added+}, as git's word diff."""
    out = []
    for span in spans:
        text = " ".join(span["text"].split("\n"))
        if span["op"] == "equal":
            out.append(text)
        elif span["op"] == "delete":
            out.append(f"[-{text}-]")
        else:
            out.append(f"{{+{text}+}}")
    return "".join(out)


def _render_precedent(data: dict) -> str:
    draft, search = data["draft"], data["search"]
    languages = language_labels(search["languages"]) if search["languages"] else _("every language")
    since = _(", session {since} on").format(since=search["since"]) if search["since"] is not None else ""
    lines = [_("Precedents of {draft} among {stored} stored paragraphs ({languages}{since}); "
               "kept share {share} or more, best {top}").format(
        draft=draft["symbol"] or draft["source"] or _("the draft"), stored=f"{search['stored_paragraphs']:,}",
        languages=languages, since=since, share=f"{search['min_share']:.2f}", top=search["top"])]
    width = max((cell_len(p["id"]) for p in data["paragraphs"]), default=0)
    for paragraph in data["paragraphs"]:
        head = _pad(paragraph["id"], width)
        indent = " " * (width + 2)
        if not paragraph["precedents"]:
            lines.append(f"{head}  " + _("no precedent: new language"))
            continue
        for n, p in enumerate(paragraph["precedents"]):
            # an earlier revision of the draft's own symbol is named by its revision, rev 1 too
            revised = p["revision"] != 1 or p["symbol"] == draft["symbol"]
            where = f"{_revision(p['symbol'], p['revision']) if revised else p['symbol']} {p['id']}"
            when = _(" ({date})").format(date=p["date"]) if p["date"] else ""
            lead = head if n == 0 else indent
            if p["identical"]:
                lines.append(f"{lead}  " + _("identical to {where}").format(where=where + when))
            else:
                lines.append(f"{lead}  " + _("{where}, {share} kept: {diff}").format(
                    where=where + when, share=_share(p["similarity"]), diff=_word_diff(p["spans"])))
    summary = data["summary"]
    lines.append(_("{identical} identical to a precedent, {changed} changed from one, {new} new").format(
        identical=summary["identical"], changed=summary["changed"], new=summary["new"]))
    return "\n".join(lines) + "\n"


_PRECEDENT_CSS = """
body { font-family: system-ui, "Noto Sans CJK SC", sans-serif; max-width: 60rem; margin: 2rem auto; line-height: 1.5; }
section { border-left: 0.4rem solid #bbb; padding: 0.2rem 0.8rem; margin: 0.8rem 0; }
section.identical { border-color: #2e7d32; } section.changed { border-color: #f9a825; } section.new { border-color: #c62828; }
.head { font-weight: 600; } .status { font-variant: small-caps; margin-left: 0.5rem; }
p.text { white-space: pre-wrap; margin: 0.3rem 0; }
del { background: #fdd; color: #900; } ins { background: #dfd; color: #060; text-decoration: none; }
ul.sources { margin: 0.2rem 0 0.4rem 1rem; font-size: 0.9rem; color: #333; }
"""


def _render_precedent_html(data: dict) -> str:
    """The draft's text, each paragraph marked identical (agreed language), changed or new, with
    the word diff from its best precedent (deleted words struck, added words marked) and its sources."""
    from html import escape

    from .text import direction

    draft = data["draft"]
    name = draft["symbol"] or draft["source"] or _("draft")
    summary = data["summary"]
    # The page's words (title, labels, sources) are in the interface's language, and the page
    # says so; each paragraph of the draft carries the draft's language where that is another,
    # and the direction of its letters where that is not the page's (an Arabic paragraph, right
    # to left, as in the diff report). A paragraph with no letters takes the whole draft's.
    text_lang = f' lang="{escape(draft["language"])}"' if draft["language"] not in (None, i18n.current()) else ""
    whole = direction(" ".join(p["text"] for p in data["paragraphs"])) or "ltr"

    def text_attributes(text: str) -> str:
        found = direction(text) or whole
        return text_lang + (' dir="rtl"' if found == "rtl" else "")

    shown_name = f"<bdi>{escape(name)}</bdi>" if direction(name) == "rtl" else escape(name)
    plain_title = escape(_("Precedents of {draft}").format(draft=name))
    title = escape(_("Precedents of {draft}").format(draft="\x00")).replace("\x00", shown_name)
    out = ["<!DOCTYPE html>", '<html lang="' + escape(i18n.current()) + '">', "<head>",
           '<meta charset="utf-8">', f"<title>{plain_title}</title>",
           f"<style>{_PRECEDENT_CSS}</style>", "</head>", "<body>",
           f"<h1>{title}</h1>",
           "<p>" + escape(_("{identical} identical to a precedent (agreed language), {changed} changed from one, "
                            "{new} new; {stored} stored paragraphs searched, kept share {share} or more.").format(
               identical=summary["identical"], changed=summary["changed"], new=summary["new"],
               stored=f"{data['search']['stored_paragraphs']:,}", share=f"{data['search']['min_share']:.2f}"))
           + "</p>"]
    labels = {"identical": N_("agreed language"), "changed": N_("changed"), "new": N_("new language")}
    for paragraph in data["paragraphs"]:
        status = paragraph["status"]
        out.append(f'<section class="{status}" id="{escape(paragraph["id"])}">')
        label = escape(_(labels[status]))
        out.append(f'<div class="head">{escape(paragraph["id"])}<span class="status">{label}</span></div>')
        if status == "changed":
            pieces = []
            for span in paragraph["precedents"][0]["spans"]:
                text = escape(span["text"])
                pieces.append(text if span["op"] == "equal" else
                              f"<del>{text}</del>" if span["op"] == "delete" else f"<ins>{text}</ins>")
            shown = "".join(span["text"] for span in paragraph["precedents"][0]["spans"] if span["op"] != "delete")
            out.append(f'<p class="text"{text_attributes(shown)}>{"".join(pieces)}</p>')
        else:
            out.append(f'<p class="text"{text_attributes(paragraph["text"])}>{escape(paragraph["text"])}</p>')
        if paragraph["precedents"]:
            out.append('<ul class="sources">')
            for p in paragraph["precedents"]:
                when = _(" ({date})").format(date=p["date"]) if p["date"] else ""
                what = _("identical") if p["identical"] else _("{share} kept").format(share=_share(p["similarity"]))
                source = _("{where}: {what}").format(where=f"{p['symbol']} {p['id']}{when}", what=what)
                out.append(f"<li>{escape(source)}</li>")
            out.append("</ul>")
        out.append("</section>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"


@app.command(short_help=N_("Find where a draft's paragraphs were said before."),
             help=N_("For each paragraph of DRAFT, where it was said before: the closest stored paragraphs of other "
                     "texts, with the share kept and the word diff from each to the draft, or 'new language'."),
             epilog=N_("Examples: resdiff precedent draft.docx;  resdiff precedent L.22 --top 1 --format html > precedents.html.  "
                         "Environment: RESDIFF_STORE (version store)."))
def precedent(
    draft: str = typer.Argument(..., help=N_("A draft: a file (.txt, .docx, .doc, .pdf) or a stored symbol.")),
    top: int = typer.Option(3, "--top", min=1, help=N_("Precedents shown for each paragraph, best first.")),
    min_share: float = typer.Option(0.5, "--min", min=0.0, max=1.0,
                                    help=N_("Least share of text kept for a stored paragraph to count as a precedent.")),
    since: str | None = typer.Option(None, "--since", help=N_("Only texts of this session or later (79).")),
    language: str | None = typer.Option(None, "--language",
                                           help=N_("Search texts in this language (zh, en, …) or 'all'; default: the draft's.")),
    format: str | None = typer.Option(None, "--format", "-f", help=N_(
        "text, json or html. Default: from the -o file's ending (.json .html .htm), else text.")),
    output: Path | None = typer.Option(None, "--output", "-o", help=N_("Write to this file instead of standard output.")),
    store: str | None = typer.Option(None, "--store", help=_STORE_HELP),
) -> None:
    if format is None:
        suffix = output.suffix.lower() if output is not None else ""
        format = {".json": "json", ".html": "html", ".htm": "html"}.get(suffix, "text")
    if format not in {"text", "json", "html"}:
        raise typer.BadParameter(_("choose text, json or html"), param_hint="--format")
    check_output(output, (draft, store))
    session = None
    if since is not None:
        if not re.fullmatch(r"[0-9]{1,4}", since.strip()):
            raise typer.BadParameter(_("give a session number, such as 79"), param_hint="--since")
        session = int(since)
    languages: tuple[str, ...] | None = ()
    if language:
        languages = None if language.strip().lower() == "all" else _precedent_languages(language)
    from .precedent import find_precedents

    with _open_for_reading(store) as opened:
        document, draft_id = _precedent_draft(opened, draft)
        search = find_precedents(opened, document, top=top, min_share=min_share, since=session, languages=languages,
                                 draft_id=draft_id)
        if languages and not search.stored:
            # Nothing to search in: said, not left to a list of "new language" to tell.
            stored = sorted({v.language for v in opened.versions()})
            note = _("no stored text is in {languages} (the store holds {stored}): every paragraph comes out new").format(
                languages=language_labels(search.languages or ()), stored=language_labels(stored))
            print(_("resdiff: note: {message}").format(message=note), file=sys.stderr)
    data = _precedent_data(search)
    rendered = {"json": dumps, "html": _render_precedent_html}.get(format, _render_precedent)(data)
    write_output(rendered, output)


def _precedent_languages(given: str) -> tuple[str, ...]:
    """The language codes of ``--language`` (several joined by commas), in lower case: an
    unknown code is a usage error, as it is for fetch, diff and check's --lang."""
    from .fetch import LANGUAGES

    codes = tuple(x.strip().lower() for x in given.split(",") if x.strip())
    if not codes or any(code not in LANGUAGES for code in codes):
        raise typer.BadParameter(_("choose one of {languages} (several joined by commas), or all").format(
            languages=_(", ").join(LANGUAGES)), param_hint="--language")
    return codes


def _share(similarity: float) -> str:
    """A share kept with two decimals, rounded down as ``resdiff diff`` rounds its percentages
    (0.848 is 0.84 here and 84% there; a changed paragraph never reads 1.00).

    >>> _share(0.848), _share(0.999), _share(1.0)
    ('0.84', '0.99', '1.00')
    """
    return f"{int(similarity * 100 + 1e-9) / 100:.2f}"
