"""The command-line application every command registers on, and what the commands share:
reading documents (parser warnings on standard error), choosing one of several, and writing
output safely. ``cli`` (parse, diff, the entry point), ``store_cli`` and other command modules
import it; it imports none of them, so commands can live in modules of their own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from .errors import ResdiffError, SelectionError
from .model import Document

app = typer.Typer(
    name="resdiff",
    help="Compare versions of a UN resolution: moved, merged, split, renumbered and reworded paragraphs.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_state = {"traceback": False}


# --- shared helpers ------------------------------------------------------------------------------


def read_documents(path: str, strict: bool = False) -> tuple[Document, ...]:
    """Every document in a file (a report gives several); each parser warning is one line on
    standard error, and with ``strict`` the warnings make an error."""
    from .parse import parse_file

    documents = parse_file(path)
    warnings = [w for d in documents for w in d.warnings]
    for warning in warnings:
        print(f"resdiff: warning: {path}: {warning}", file=sys.stderr)
    if strict and warnings:
        raise ResdiffError(f"{path}: {len(warnings)} warning{'s' if len(warnings) > 1 else ''} "
                           "and --strict: check the text, or parse without --strict")
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
        raise SelectionError(f"no draft {wanted!r} in {where} (it holds: {symbols})")
    raise SelectionError(f"{wanted!r} matches several drafts in {where} ({symbols}); give more of the symbol")


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
    if output is None or not output.exists():
        return
    for name in inputs:
        if name and name != "-" and os.path.exists(name):
            try:
                same = os.path.samefile(output, name)
            except OSError:
                continue
            if same:
                raise ResdiffError(f"-o {output} is an input: resdiff never writes over its input; "
                                   "give another output file")


def write_output(text: str | bytes, output: Path | None) -> None:
    """Write to the file named by -o, or to standard output.

    A file is written whole to a temporary file beside it and renamed into place, so that a full
    disk or an interruption never leaves a truncated report (or a damaged older one).
    """
    if output is None:
        if sys.stdout is None or _state.get("stdout_closed"):
            raise ResdiffError("standard output is closed: give -o FILE")
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
            raise ResdiffError(f"cannot write to standard output: {exc.strerror or exc}") from None
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
        raise ResdiffError(f"cannot write {output}: {exc.strerror or exc}") from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass
