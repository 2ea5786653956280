"""What the commands do, apart from the command-line framework: reading documents (parser
warnings on standard error), choosing one of several, writing output safely, turning errors into
exit statuses, and ``resdiff diff`` itself.

``cli`` builds the command line (typer) on these. The commonest call, ``resdiff diff`` of files
with plain options, is also run from here directly (``quick_diff``), without importing the
command-line framework: a comparison of the sample then starts in well under half the time.
Anything else it leaves to ``cli``, so that help, completion and every usage error stay the
framework's.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from .errors import ResdiffError, SelectionError
from .i18n import N_, Message, _, language_label, language_labels, ngettext, os_reason, tr

# typing and pathlib are imported by type checkers only: the command starts without them
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from .model import Document
    from .render import DiffFormat

_state = {"traceback": False}


# --- shared helpers ------------------------------------------------------------------------------


def read_documents(path: str, strict: bool = False) -> tuple[Document, ...]:
    """Every document in a file (a report gives several); each parser warning is one line on
    standard error, and with ``strict`` the warnings make an error."""
    from .parse import parse_file

    documents = parse_file(path)
    from .text import presegment

    presegment(p.body for d in documents for p in d.paragraphs)  # (where the command started a helper)
    warnings = [w for d in documents for w in d.warnings]
    for warning in warnings:
        print(_("resdiff: warning: {path}: {message}").format(path=path, message=tr(warning)), file=sys.stderr)
    if strict and warnings:
        raise ResdiffError(ngettext("{path}: {n} warning and --strict: check the text, or parse without --strict",
                                    "{path}: {n} warnings and --strict: check the text, or parse without --strict",
                                    len(warnings)).format(path=path, n=len(warnings)))
    return documents


def select(documents: tuple[Document, ...], wanted: str, where: str) -> Document:
    """The one document whose symbol is ``wanted`` or ends with it ('L.22')."""
    key = wanted.replace(" ", "").upper()
    exact = [d for d in documents if d.symbol and d.symbol.upper() == key]
    if exact:
        return exact[0]
    # A tail counts from a boundary of the symbol: 'L.22' or '22' name A/C.2/65/L.22, '2' does not.
    matches = [d for d in documents
               if d.symbol and (d.symbol.upper().endswith("/" + key) or d.symbol.upper().endswith("." + key))]
    if len(matches) == 1:
        return matches[0]
    symbols = ", ".join(d.symbol or "(no symbol)" for d in documents)
    if not matches:
        raise SelectionError(_("no draft {wanted!r} in {where} (it holds: {symbols})").format(
            wanted=wanted, where=where, symbols=symbols))
    raise SelectionError(_("{wanted!r} matches several drafts in {where} ({symbols}); give more of the symbol").format(
        wanted=wanted, where=where, symbols=symbols))


def _silence_stdout() -> None:
    """Point standard output at the null device, so that nothing left in its buffer fails again
    when the interpreter ends."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
    except OSError:
        pass


def check_output(output: Path | None, inputs: tuple[str | None, ...]) -> None:
    """Refuse an -o file that is one of the inputs: the report would overwrite what it reports on."""
    if output is None:
        return
    try:
        if not output.exists():
            return
    except OSError as exc:  # a name too long, a loop of links: nothing can be written there
        raise ResdiffError(_("cannot write {output}: {reason}").format(output=output, reason=os_reason(exc))) \
            from None
    for name in inputs:
        if name and name != "-" and os.path.exists(name):
            try:
                same = os.path.samefile(output, name)
            except OSError:
                continue
            if same:
                raise ResdiffError(_("-o {output} is an input: resdiff never writes over its input; "
                                     "give another output file").format(output=output))


def unwritable_text(exc: UnicodeEncodeError) -> ResdiffError:
    """The error for text standard output's encoding cannot carry (a locale that is not UTF-8):
    nothing is written rather than text with characters lost."""
    encoding = getattr(sys.stdout, "encoding", None) or exc.encoding
    return ResdiffError(_("standard output takes {encoding}, which cannot carry this text ({character}): "
                          "use a UTF-8 locale (LANG=C.UTF-8) or set PYTHONIOENCODING=utf-8").format(
        encoding=encoding, character=ascii(exc.object[exc.start])))


def write_output(text: str | bytes, output: Path | None) -> None:
    """Write to the file named by -o, or to standard output.

    A file is written whole to a temporary file beside it and renamed into place, so that a full
    disk or an interruption never leaves a truncated report (or a damaged older one).
    """
    if output is None:
        if sys.stdout is None or _state.get("stdout_closed"):
            raise ResdiffError(_("standard output is closed: give -o FILE"))
        try:
            if isinstance(text, bytes):
                sys.stdout.buffer.write(text)
            else:
                sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            _silence_stdout()
            raise ResdiffError(_("cannot write to standard output: {reason}").format(reason=os_reason(exc))) from None
        except UnicodeEncodeError as exc:
            raise unwritable_text(exc) from None
        return
    import tempfile

    data = text if isinstance(text, bytes) else text.encode("utf-8")
    target = os.path.realpath(output)
    temporary = None
    try:
        if os.path.isdir(output):
            raise IsADirectoryError(21, "is a directory")
        if os.path.exists(output) and not os.path.isfile(output):
            # a device or a pipe (-o /dev/stdout): written to as it is, never replaced
            with open(output, "wb") as handle:
                handle.write(data)
            return
        fd, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=".resdiff-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        raise ResdiffError(_("cannot write {output}: {reason}").format(output=output, reason=os_reason(exc))) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


# --- errors --------------------------------------------------------------------------------------


def open_stdout() -> None:
    """Started with standard output closed (>&-): writes go nowhere, and writing to it is an error."""
    if sys.stdout is None:
        _state["stdout_closed"] = True
        sys.stdout = open(os.devnull, "w", encoding="utf-8")


@contextmanager
def errors_as_exits() -> Iterator[None]:
    """An error a user can act on becomes one line on stderr and exit status 2; a closed pipe
    ends quietly; Ctrl-C ends with status 130."""
    try:
        yield
    except ResdiffError as exc:
        if _state["traceback"]:
            raise
        message = str(exc).replace("\n", " ")
        print(_("resdiff: error: {message}").format(message=message), file=sys.stderr)
        sys.exit(2)
    except BrokenPipeError:
        # The reader went away (resdiff … | head): end quietly, as other filters do.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)  # 128 + SIGINT
    except UnicodeEncodeError as exc:
        # text printed to a standard output whose locale is not UTF-8
        if _state["traceback"] or exc.encoding.replace("-", "").replace("_", "").lower() == "utf8":
            raise
        print(_("resdiff: error: {message}").format(message=unwritable_text(exc)), file=sys.stderr)
        sys.exit(2)


# --- diff ----------------------------------------------------------------------------------------


class BadArgument(Exception):
    """An option's value the command cannot use with the others; the command line reports it as
    a usage error naming the option (``hint``)."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def refuse_stdin_twice(*arguments: str | None) -> None:
    """Standard input given for both versions is read once: the same text compared with itself
    would say "No changes" of anything. An error, exit 2."""
    if sum(1 for argument in arguments if argument == "-") > 1:
        raise ResdiffError(_("- is given twice: standard input can be read once; give the other version as a file"))


def load_pair(old: str, new: str | None, old_symbol: str | None, new_symbol: str | None,
              resolve=None) -> tuple[Document, Document, tuple[str, ...]]:
    """The two documents to compare, from one file holding several drafts or from two files, and
    the warnings said about the choice (other documents both files hold that differ).

    ``resolve`` turns an argument that is not a file into documents (the version store).
    """
    def stored(arg: str) -> bool:
        return resolve is not None and arg != "-" and not os.path.exists(arg)

    read: dict[str, tuple[Document, ...]] = {}

    def documents(arg: str, language: str | None = None) -> tuple[Document, ...]:
        if arg in read:
            return read[arg]
        if stored(arg):
            found = resolve.in_language(arg, language) if language else resolve(arg)
            if found is not None:
                if "@" not in arg and found and found[-1].revision is not None:
                    # the symbol alone is the latest of several stored revisions: said, not silent
                    print(_("resdiff: note: {message}").format(message=_(
                        "{arg} is {label}, the latest stored revision ({arg}@1 names the first)").format(
                            arg=arg, label=found[-1].label)), file=sys.stderr)
                return found
            where = getattr(resolve, "where", None)
            if where is not None:
                raise ResdiffError(_("{arg}: no such file, nor a symbol stored in {where} "
                                     "(give a file's path, or add the file with 'resdiff add')").format(arg=arg, where=where()))
        read[arg] = read_documents(arg)
        return read[arg]

    refuse_stdin_twice(old, new)
    chosen = _same_language(old, new, stored, documents, resolve) if new is not None else {}
    first = documents(old, chosen.get(old))
    if new is None:
        if old_symbol or new_symbol:
            a = select(first, old_symbol, old) if old_symbol else first[0]
            b = select(first, new_symbol, old) if new_symbol else first[-1]
        else:
            if len(first) < 2:
                raise SelectionError(
                    _("{file} holds one document ({label}); give a second file to compare it with").format(
                        file=old, label=first[0].label))
            a, b = first[0], first[-1]
        return a, b, ()
    second = documents(new, chosen.get(new))
    a = select(first, old_symbol, old) if old_symbol else first[0] if len(first) == 1 else first[-1]
    b = select(second, new_symbol, new) if new_symbol else second[-1]
    said: list[str] = []
    if not old_symbol and not new_symbol:
        for label in _also_differ(first, second, a, b):
            said.append(Message(N_("both files also hold {label}, which differs between them; only {compared} is "
                                   "compared here (give --old {label} --new {label} to compare it)"),
                                label=label, compared=a.label if a.label == b.label else f"{a.label} → {b.label}"))
            print(_("resdiff: warning: {message}").format(message=tr(said[-1])), file=sys.stderr)
    if a.language != b.language and a.symbol and a.symbol == b.symbol and not (old in read and new in read):
        from dataclasses import replace

        # one symbol in two languages, one of them taken from the store (files are named by the
        # user): the headings name each side's ("L.15 [en] → L.15 rev 2 [ru]")
        a, b = replace(a, shown_language=language_label(a.language)), replace(b, shown_language=language_label(b.language))
    return a, b, tuple(said)


def _same_language(old: str, new: str, stored, documents, resolve) -> dict[str, str]:
    """The language each stored symbol of a pair is taken in, where the store holds it in several
    and --lang chose none: both sides in one language, so that two revisions of a symbol are
    compared in the same language (``L.15@1 L.15@2``: the language holding both), and a symbol
    beside a file in the file's language. Said in a note; {} where there is nothing to choose
    (one language each side, none in common: the comparison warns of two languages)."""
    languages_of = getattr(resolve, "stored_languages", None)
    if languages_of is None or stored(old) == stored(new) and not stored(old):
        return {}

    def note(message: str) -> None:
        print(_("resdiff: note: {message}").format(message=message), file=sys.stderr)

    if stored(old) and stored(new):
        held = languages_of(old), languages_of(new)
        if len(held[0]) <= 1 and len(held[1]) <= 1:
            return {}
        # (the language whose text of either was stored last, at the end)
        common = sorted((language for language in held[1] if language in held[0]),
                        key=lambda language: max(held[0][language], held[1][language]))
        if not common:
            return {}
        language = common[-1]
        if len(common) > 1:
            note(_("{old} and {new} are both stored in {languages}: the texts in {language} are compared, "
                   "the language stored last (--lang picks another)").format(
                old=old, new=new, languages=language_labels(common), language=language_label(language)))
        else:
            note(_("the texts in {language} are compared, the one language both {old} and {new} are stored in").format(
                old=old, new=new, language=language_label(language)))
        return {old: language, new: language}
    symbol, file = (old, new) if stored(old) else (new, old)
    held = languages_of(symbol)
    if len(held) <= 1:
        return {}
    language = documents(file)[-1].language
    if language not in held:
        return {}
    note(_("{symbol} is stored in {languages}: its text in {language} is compared, the language of {file} "
           "(--lang picks another)").format(symbol=symbol, languages=language_labels(held),
                                            language=language_label(language), file=file))
    return {symbol: language}


def _also_differ(first: tuple[Document, ...], second: tuple[Document, ...], a: Document, b: Document) -> list[str]:
    """The labels of the other documents both files hold (by symbol) whose text differs: a
    committee report edited in the draft it quotes first, when its recommended draft is compared.
    """
    def text(document: Document) -> tuple:
        return (document.title, document.chapeau, document.agenda_item, document.sponsors, document.paragraphs,
                document.footnotes)

    others = {d.symbol: d for d in second if d is not b and d.symbol}
    return [d.label for d in first if d is not a and d.symbol in others and text(d) != text(others[d.symbol])]


def bidi_note(output: Path | None, *documents: Document) -> None:
    """One line on standard error when text written right to left is shown on a terminal."""
    from .render.terminal import bidi_note as note_for

    note = note_for(*documents) if output is None else None
    if note:
        print(_("resdiff: note: {message}").format(message=note), file=sys.stderr)


def diff_pair(a: Document, b: Document, format: DiffFormat, output: Path | None, *, only_changes: bool,
              width: int | None, color: str, stat: bool, exit_code: bool, show_furniture: bool = False,
              warnings: tuple[str, ...] = ()) -> int:
    """Compare two documents and write the view asked for; the exit status (1: they differ and
    ``exit_code`` asks to say so). ``warnings``: what was said about the choice of the two (said
    already); the reports list them with the comparison's own doubts."""
    from .compare import compare
    from .render import DiffFormat, RenderOptions, renderer

    comparison = compare(a, b)
    from .doubts import diff_warnings

    doubts = diff_warnings(comparison)
    for warning in doubts:
        print(_("resdiff: warning: {message}").format(message=tr(warning)), file=sys.stderr)
    if warnings or doubts:
        from dataclasses import replace

        comparison = replace(comparison, warnings=tuple(warnings) + tuple(doubts))
    for note in comparison.notes:
        print(_("resdiff: note: {message}").format(message=tr(note)), file=sys.stderr)
    options = RenderOptions(only_changes=only_changes, width=width,
                            color={"auto": None, "always": True, "never": False}[color], furniture=show_furniture)
    if only_changes and format is DiffFormat.DOCX:
        # A tracked-changes document must hold the whole text: accepting every change has to
        # give the new version and rejecting every change the old one.
        raise BadArgument(_("a Word document with tracked changes holds the whole text; "
                            "--only-changes has no docx form"), "--only-changes")
    if show_furniture and format is DiffFormat.DOCX:
        # The tracked-changes document holds the resolution's text, and nothing that is not in it.
        raise BadArgument(_("a Word document with tracked changes holds the resolution's text alone; "
                            "--show-furniture has no docx form (the HTML and JSON views list the furniture)"),
                          "--show-furniture")
    differs = 1 if exit_code and comparison.differs else 0
    if stat:
        if format is not DiffFormat.TERMINAL:
            raise BadArgument(_("--stat is a terminal view; it has no {format} form").format(format=format.value), "--stat")
        from .render.terminal import render_stat

        write_output(render_stat(comparison, options, to_terminal=output is None), output)
        return differs
    if format is DiffFormat.TERMINAL:
        from .render.terminal import render as render_terminal

        text: str | bytes = render_terminal(comparison, options, to_terminal=output is None)
        bidi_note(output, comparison.old, comparison.new)
    else:
        if format is DiffFormat.DOCX and output is None and sys.stdout.isatty():
            raise ResdiffError(_("a Word document is binary: give -o FILE.docx"))
        text = renderer(format)(comparison, options)
        if format is DiffFormat.DOCX:
            from .render.docx import uncited_footnotes

            for mark, labels in uncited_footnotes(comparison):
                # Word holds a footnote where a mark cites it: none is invented, the footnote listed
                print(_("resdiff: note: {message}").format(message=_(
                    "footnote {mark} of {labels} is cited by no paragraph: the Word file lists it after the text, "
                    "under a heading of its own, rather than give it a mark the text does not have").format(
                        mark=mark, labels=", ".join(labels))), file=sys.stderr)
    write_output(text, output)
    return differs


# The options ``quick_diff`` takes (any other leaves the command to the command line), by the
# parameter of ``diff`` they set: each takes a value, or is a flag.
_VALUE_OPTIONS = {"--old": "old_symbol", "--new": "new_symbol", "--format": "format", "-f": "format",
                  "--output": "output", "-o": "output", "--width": "width", "--color": "color"}
_FLAGS = {"--only-changes": "only_changes", "--exit-code": "exit_code", "--stat": "stat", "--offline": "offline",
          "--show-furniture": "show_furniture"}


def _quick_arguments(argv: list[str]) -> dict | None:
    """``diff``'s arguments when they are files and plain options the command line would take
    as they are; None for anything else (help, symbols, a usage error, an unusual spelling)."""
    if any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ):
        return None  # shell completion asks the command line
    values: dict = {}
    files: list[str] = []
    arguments = iter(argv)
    for arg in arguments:
        if not arg.startswith("-") or arg == "-":
            files.append(arg)
            continue
        name, equals, attached = arg.partition("=")
        value: str | bool | None
        if name in _FLAGS and not equals:
            key, value = _FLAGS[name], True
        elif name in _VALUE_OPTIONS and (not equals or name.startswith("--")):
            key = _VALUE_OPTIONS[name]
            value = attached if equals else next(arguments, None)
            if value is None:
                return None
        else:
            return None
        if key in values:
            return None
        values[key] = value
    if not 1 <= len(files) <= 2 or not all(f == "-" or os.path.exists(f) for f in files):
        return None  # symbols are resolved (the store, fetching) by the command line
    width = values.get("width")
    if width is not None:
        if not (width.isascii() and width.isdigit() and int(width) >= 20):
            return None
        values["width"] = int(width)
    if values.get("color", "auto") not in {"auto", "always", "never"} or values.get("output") == "":
        return None
    from .render import DiffFormat, choose_format

    try:
        chosen = choose_format(values.get("format"), values.get("output"))
    except ValueError:
        return None
    if ((values.get("only_changes") or values.get("show_furniture")) and chosen is DiffFormat.DOCX) or \
            (values.get("stat") and chosen is not DiffFormat.TERMINAL):
        return None
    from . import i18n

    try:
        values["ui_lang"] = i18n.choose(None)
    except ValueError:
        return None  # the command line reports it
    values["format"] = chosen
    values["old"], values["new"] = files[0], files[1] if len(files) == 2 else None
    return values


def quick_diff(argv: list[str]) -> int | None:
    """Run ``resdiff diff`` with these arguments if they are files and plain options (the exit
    status), or None, having done nothing, for the command line to run."""
    arguments = _quick_arguments(argv)
    if arguments is None:
        return None
    from . import i18n

    i18n.use(arguments["ui_lang"])
    output = None
    if arguments.get("output") is not None:
        from pathlib import Path

        output = Path(arguments["output"])
    open_stdout()
    # The cyclic garbage collector paused for the whole command, as compare() pauses it for the
    # comparison: reading two long drafts and writing their comparison build hundreds of
    # thousands of objects (lines, words, spans), none in a cycle, and each collection of the
    # older generations walks them all again; reference counting frees them as ever.
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        with errors_as_exits():
            check_output(output, (arguments["old"], arguments["new"]))
            from .text import start_segmenter

            start_segmenter([arguments["old"]] + ([arguments["new"]] if arguments["new"] else []))
            a, b, said = load_pair(arguments["old"], arguments["new"], arguments.get("old_symbol"),
                                   arguments.get("new_symbol"))
            return diff_pair(a, b, arguments["format"], output, only_changes=bool(arguments.get("only_changes")),
                             width=arguments.get("width"), color=arguments.get("color", "auto"),
                             stat=bool(arguments.get("stat")), exit_code=bool(arguments.get("exit_code")),
                             show_furniture=bool(arguments.get("show_furniture")), warnings=said)
    finally:
        if collecting:
            gc.enable()
    return None  # not reached: errors_as_exits exits
