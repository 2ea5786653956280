"""Reading files into text: encodings detected without options, line ends folded."""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import unicodedata
from collections import Counter

from ..errors import InputError
from ..i18n import N_, Message, _, listed, os_reason
from ..lazypattern import lazy

# typing is imported by type checkers only: the command starts without it
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO

# Refuse what cannot be a resolution before trying to decode it; a long omnibus text
# is well under a megabyte, a whole session's worth of reports a few.
MAX_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# Standard input is read once and kept: `add -` reads its argument twice (documents, narrative).
_stdin: list[bytes] = []
# So is a named pipe (a FIFO: the shell's process substitution `<(pdftotext old.pdf -)` is one):
# it can be read only once, by path.
_fifos: dict[str, bytes] = {}
# How long a named pipe's writer is waited for, in seconds.
FIFO_WAIT = 5


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in a user's words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return N_("a directory")
    if stat.S_ISFIFO(mode):
        return N_("a pipe (FIFO)")
    if stat.S_ISCHR(mode):
        return N_("a character device")
    if stat.S_ISBLK(mode):
        return N_("a block device")
    if stat.S_ISSOCK(mode):
        return N_("a socket")
    return N_("not a regular file")


def shown_path(path: str) -> str:
    r"""A path as text every output can carry: the bytes of a file name that are not UTF-8 (which
    Python keeps as lone surrogates, unwritable as UTF-8) shown as U+FFFD.

    >>> shown_path("report\udcff.txt") == "report\ufffd.txt"
    True
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _too_big(path: str) -> InputError:
    return InputError(_("file is over {limit} MB; resdiff reads documents up to "
                        "{limit} MB (split the file by document)").format(limit=MAX_BYTES // (1024 * 1024)),
                      path=path)


def _read_limited(handle: BinaryIO, path: str) -> bytes:
    """At most MAX_BYTES bytes, checked while reading: a file that grows or a stream that never
    ends is refused once it passes the limit, not after."""
    data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_big(path)
    return data


def read_bytes(path: str) -> bytes:
    """The bytes of a file, or an InputError a user can act on.

    Only regular files are read, so that a pipe, a device or a directory is refused at once
    instead of hanging or filling memory; ``-`` is standard input, read up to the same limit.
    """
    if path == "-":
        if not _stdin:
            stream = getattr(sys.stdin, "buffer", None)
            if stream is None:
                raise InputError(_("standard input is closed"), path="-")
            try:
                _stdin.append(_read_limited(stream, "-"))
            except OSError as exc:
                raise InputError(_("cannot be read ({reason})").format(reason=os_reason(exc)), path="-") from None
        data = _stdin[0]
        if not data.strip():
            raise InputError(_("standard input is empty") if not data else
                             _("standard input holds no text: only blank lines and spaces"), path="-")
        return data
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError(_("no such file"), path=path) from None
    except PermissionError:
        raise InputError(_("permission denied"), path=path) from None
    except (OSError, ValueError) as exc:
        raise InputError(_("cannot be read ({reason})").format(reason=os_reason(exc)), path=path) from None
    kind = file_kind(mode)
    if kind == "a directory":
        raise InputError(_("is a directory, not a document"), path=path)
    if stat.S_ISFIFO(mode):
        return _read_fifo(path)
    if kind is not None:
        raise InputError(_("is {kind}, not a document: give a regular file (or - for standard input)").format(
            kind=_(kind)), path=path)
    try:
        # O_NONBLOCK: should the name be swapped for a FIFO after the check, opening it does not
        # wait for a writer; the kind is checked again on the open file.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if file_kind(os.fstat(handle.fileno()).st_mode) is not None:
                raise InputError(_("is not a regular file, not a document"), path=path)
            if os.fstat(handle.fileno()).st_size > MAX_BYTES:
                raise _too_big(path)
            data = _read_limited(handle, path)
    except PermissionError:
        raise InputError(_("permission denied"), path=path) from None
    except OSError as exc:
        raise InputError(_("cannot be read ({reason})").format(reason=os_reason(exc)), path=path) from None
    if not data.strip():
        raise _no_text(data, path)
    return data


def _read_fifo(path: str) -> bytes:
    """A pipe's bytes, read once and kept: the shell's ``<(…)``, or a FIFO another program writes.
    A FIFO by name is waited for FIFO_WAIT seconds at most, so that a pipe nothing will ever write
    to is an error, not a command that never ends."""
    import select

    if path not in _fifos:
        try:
            # O_NONBLOCK: opening a FIFO for reading does not wait for a writer; poll() does, bounded.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as handle:
                if not stat.S_ISFIFO(os.fstat(fd).st_mode):
                    raise InputError(_("is not a regular file, not a document"), path=path)
                poller = select.poll()
                poller.register(fd, select.POLLIN | select.POLLHUP)
                # An anonymous pipe (/dev/fd/63 of `<(…)`) has its writer from the start, however
                # long that writer takes: waited for as standard input is. A named one may have none.
                if not _anonymous_pipe(path) and not poller.poll(FIFO_WAIT * 1000):
                    raise InputError(_("is a pipe (FIFO) that nothing wrote to in {seconds} seconds: write the "
                                       "document to it, or give a regular file (or - for standard input)").format(
                        seconds=FIFO_WAIT), path=path)
                os.set_blocking(fd, True)
                _fifos[path] = _read_limited(handle, path)
        except PermissionError:
            raise InputError(_("permission denied"), path=path) from None
        except OSError as exc:
            raise InputError(_("cannot be read ({reason})").format(reason=os_reason(exc)), path=path) from None
    data = _fifos[path]
    if not data.strip():
        raise _no_text(data, path)
    return data


def _anonymous_pipe(path: str) -> bool:
    """True for a pipe made by the shell (``/dev/fd/63`` links to ``pipe:[…]``), not a FIFO by name."""
    try:
        return os.readlink(path).startswith("pipe:")
    except (OSError, ValueError):
        return False


# Line breaks as other writers make them, read as the line breaks they are: a carriage return
# alone, a vertical tab (Word's manual line break in text it pastes or saves as plain text), next
# line (U+0085, NEL), the line and paragraph separators (U+2028, U+2029). A form feed stays: it
# is a page's end, which the page reading knows.
# (str.replace, which is fast on a long Chinese text where str.translate is not)
_LINE_BREAKS = ("\r", "\x0b", "\x85", "\u2028", "\u2029")


def decode(data: bytes, path: str | None = None) -> str:
    """The text of ``data`` (see :func:`decode_report`), without the warnings."""
    return decode_report(data, path)[0]


def decode_report(data: bytes, path: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Text from bytes in UTF-8 (BOM or not), UTF-16/32 with BOM, GB18030/GBK, Big5, the Cyrillic and
    Arabic legacy encodings, or cp1252.

    Line ends become ``\\n`` (a vertical tab, NEL, U+2028 and U+2029 too); a byte-order mark is dropped.

    >>> decode("大会，\\r\\n".encode("gb18030")), decode("a\\x0bb\\u2028c\\u2029d\\x85e".encode()), decode(b"a\\rb")
    ('大会，\\n', 'a\\nb\\nc\\nd\\ne', 'a\\nb')
    """
    text = None
    warnings: tuple[str, ...] = ()
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(_("not valid {encoding} text").format(encoding=encoding.upper()), path=path) from None
            break
    if text is None:
        mostly = _mostly_utf8(data)
        if mostly is not None:
            text, warnings = mostly
        else:
            text, warnings = _decode_without_bom(data, path)
    text = text.replace("\r\n", "\n")
    for line_break in _LINE_BREAKS:
        if line_break in text:
            text = text.replace(line_break, "\n")
    _refuse_binary(text, path)
    return text, warnings


_BAD_BYTES: list[tuple[int, int]] = []


def _record_bad_bytes(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)  # registered for decoding only
    _BAD_BYTES.append((error.start, error.end))
    return "\ufffd", error.end


codecs.register_error("resdiff-record", _record_bad_bytes)


def _decode_recording(data: bytes, encoding: str) -> tuple[str, list[tuple[int, int]]]:
    """``data`` decoded, each byte ``encoding`` does not decode shown as U+FFFD, and where those
    bytes are (start, end)."""
    _BAD_BYTES.clear()
    try:
        return data.decode(encoding, errors="resdiff-record"), list(_BAD_BYTES)
    finally:
        _BAD_BYTES.clear()


def _mostly_utf8(data: bytes) -> tuple[str, tuple[str, ...]] | None:
    """UTF-8 with a few bad bytes replaced, and a warning naming their lines; None unless the
    file is plainly UTF-8 apart from them (many more valid multi-byte characters than bad
    sequences), so that one stray byte never turns a whole file into another encoding.

    >>> _mostly_utf8("大会，回顾".encode() + b"\\xff\\n")
    ('大会，回顾\ufffd\\n', ('1 byte that is not UTF-8, on line 1, shown as \ufffd',))
    """
    text, bad = _decode_recording(data, "utf-8")
    if not bad:
        return None
    valid = sum(1 for ch in text if ord(ch) > 127) - len(bad)
    if valid < 4 * len(bad) or len(bad) > 1000:
        return None
    return text, (_bad_bytes_warning(data, bad, "UTF-8"),)


def _bad_bytes_warning(data: bytes, bad: list[tuple[int, int]], encoding: str) -> Message:
    """The warning naming the lines of the bytes ``encoding`` does not decode (shown as U+FFFD)."""
    lines = sorted({data.count(b"\n", 0, start) + 1 for start, _ in bad})
    where = listed(lines, most=10)
    count = sum(end - start for start, end in bad)
    if count == 1:
        template = N_("{count} byte that is not {encoding}, on line {where}, shown as \ufffd")
    elif len(lines) == 1:
        template = N_("{count} bytes that are not {encoding}, on line {where}, shown as \ufffd")
    else:
        template = N_("{count} bytes that are not {encoding}, on lines {where}, shown as \ufffd")
    return Message(template, count=count, where=where, encoding=encoding)


def _windows_1252(data: bytes) -> tuple[str, tuple[str, ...]]:
    """``data`` read as Windows-1252; the five bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90,
    0x9D) are shown as U+FFFD with a warning naming their lines, as a stray byte in UTF-8 is.

    >>> _windows_1252(b"caf\\xe9\\n\\x81")
    ('café\\n\ufffd', ('1 byte that is not Windows-1252, on line 2, shown as \ufffd',))
    """
    text, bad = _decode_recording(data, "cp1252")
    warnings = (_bad_bytes_warning(data, bad, "Windows-1252"),) if bad else ()
    return text, warnings + _implausible_1252(text)


# Letters and signs Windows-1252 gives a text in another single-byte encoding inside its words:
# a French text from an old Mac (Mac Roman) reads "rŽsolution", "ˆ"; a Russian one in the DOS
# code page (when not told apart as such) "ƒ¥­¥à «ì­ ï". No UN language writes them within a word.
_IMPLAUSIBLE_1252 = lazy(r"(?<=[A-Za-z])[ŽžˆƒŸ‡™]|[ŽžˆƒŸ‡™](?=[a-z])")


def _implausible_1252(text: str) -> tuple[str, ...]:
    """A warning when a text read as Windows-1252 has letters within its words that no language
    it serves writes there: it is most likely in another encoding, its letters misread.

    >>> _implausible_1252("L'AssemblŽe gŽnŽrale,\\nRappelant sa rŽsolution 79/166,")
    ("4 letters no language writes within a word (Ž) on lines 1, 2, as text in another encoding (such as Mac Roman) read as Windows-1252 gives: check the file's encoding",)
    >>> _implausible_1252("L'Assemblée générale, Škoda ™"), _implausible_1252("rŽsolution, ŽlŽments")[0][:56]
    ((), '3 letters no language writes within a word (Ž) on line 1')
    """
    found = [match for match in _IMPLAUSIBLE_1252.finditer(text[:200_000])]
    if len(found) < 3:
        return ()
    lines = sorted({text.count("\n", 0, match.start()) + 1 for match in found})
    signs = "".join(sorted({match.group() for match in found}))
    if len(lines) == 1:
        template = N_("{count} letters no language writes within a word ({signs}) on line {where}, as text in another "
                      "encoding (such as Mac Roman) read as Windows-1252 gives: check the file's encoding")
    else:
        template = N_("{count} letters no language writes within a word ({signs}) on lines {where}, as text in "
                      "another encoding (such as Mac Roman) read as Windows-1252 gives: check the file's encoding")
    return (Message(template, count=len(found), signs=signs, where=listed(lines, most=10)),)


def _decode_without_bom(data: bytes, path: str | None) -> tuple[str, tuple[str, ...]]:
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        even = data[0:4096:2].count(0)
        odd = data[1:4096:2].count(0)
        if odd > even * 4 and odd > len(data[:4096]) // 8:
            return _try(data, "utf-16-le", path), ()
        if even > odd * 4 and even > len(data[:4096]) // 8:
            return _try(data, "utf-16-be", path), ()
        raise _binary(path)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    other = _other_script(data)
    if other is not None:
        return other, ()
    try:
        chinese = data.decode("gb18030")
    except UnicodeDecodeError:
        chinese = None
    # Nearly any run of Western accented letters is also valid GB18030 ("é" and the letter after
    # it make one Han character), so GB18030 is refused where it yields Han characters alone or
    # in pairs among Latin letters; Chinese text, and English with GB-encoded quotation marks, pass.
    if chinese is not None and not _stray_han(chinese):
        return chinese, ()
    return _windows_1252(data)


# The legacy encodings of the UN languages' other scripts: Traditional Chinese (Big5 and its
# Windows and Hong Kong forms), Cyrillic (Windows-1251, KOI8-R, ISO 8859-5, Mac) and Arabic
# (Windows-1256, ISO 8859-6). charset-normalizer names the encoding by which decoding reads most
# like a language; its guess is taken only when it is one of these, because among the Western
# single-byte encodings it often names Windows-1250 for French or Spanish where Windows-1252 is
# meant, and GB18030 is told apart from Western text by the rule below. A few words are too few
# to tell (they are read as before); a resolution's paragraph is enough.
_OTHER_SCRIPTS = {"big5", "cp950", "big5hkscs", "cp1251", "koi8_r", "koi8_u", "iso8859_5", "mac_cyrillic",
                  "cp866", "cp1125", "cp1256", "iso8859_6"}
# Russian in the DOS code page (CP866) is named CP1125, the Ukrainian DOS code page, which differs
# from it only in six letters (Ґ, Є, І, Ї) a Russian text has none of: it is read as CP866.
_RUSSIAN_DOS = "cp866"


def _other_script(data: bytes) -> str | None:
    """``data`` decoded, if it is Traditional Chinese, Cyrillic or Arabic in a legacy encoding.

    >>> _other_script("大會，\\n\\n回顧其關於資訊和通信技術促進發展的各項決議，\\n\\n1. 決定繼續審議這個問題；".encode("big5"))
    '大會，\\n\\n回顧其關於資訊和通信技術促進發展的各項決議，\\n\\n1. 決定繼續審議這個問題；'
    >>> _other_script("Совет Безопасности,".encode("cp1251"))
    'Совет Безопасности,'
    >>> _other_script("Генеральная Ассамблея, ссылаясь на свою резолюцию 79/166, постановляет продолжить рассмотрение этого вопроса.".encode("cp866"))
    'Генеральная Ассамблея, ссылаясь на свою резолюцию 79/166, постановляет продолжить рассмотрение этого вопроса.'
    >>> _other_script("إن مجلس الأمن، يدعو جميع الأطراف إلى وقف إطلاق النار فورا؛".encode("cp1256"))
    'إن مجلس الأمن، يدعو جميع الأطراف إلى وقف إطلاق النار فورا؛'
    >>> _other_script("大会，回顾其决议，".encode("gb18030")) is None
    True
    """
    from charset_normalizer import from_bytes  # only for text that is not UTF-8

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding not in _OTHER_SCRIPTS:
        return None
    try:
        return data.decode(_RUSSIAN_DOS if best.encoding == "cp1125" else best.encoding)
    except UnicodeDecodeError:
        return None


def _stray_han(text: str) -> bool:
    """True if many Han characters in ``text`` stand alone among other letters, as no Chinese
    text has them.

    >>> _stray_han("大会，回顾其决议"), _stray_han("L'Assembl閑 g閚閞ale, rappelant sa r閟olution")
    (False, True)
    >>> _stray_han("“Recalling”")
    False
    """
    han = in_runs = run = 0
    for ch in text[:20000] + " ":
        if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff":
            run += 1
            continue
        han += run
        if run >= 2:
            in_runs += run
        run = 0
    return han > 0 and in_runs < 0.6 * han


def _try(data: bytes, encoding: str, path: str | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise _binary(path) from None


def _binary(path: str | None) -> InputError:
    """The error for bytes that are no text: where the name says a Word or PDF document, that the
    content is not one (a damaged or incomplete download), not that a text was expected.

    >>> str(_binary("draft.pdf")), str(_binary("draft.txt"))
    ('draft.pdf: named .pdf, but the content is not a PDF (nor text): the file is damaged or incomplete; check the download', 'draft.txt: binary file, not a text document (give .txt, .docx or .pdf)')
    """
    suffix = os.path.splitext(path or "")[1].lower()
    kinds = {".pdf": N_("a PDF"), ".docx": N_("a Word document"), ".doc": N_("a Word document")}
    if suffix in kinds:
        return InputError(_("named {suffix}, but the content is not {kind} (nor text): the file is damaged or "
                            "incomplete; check the download").format(suffix=suffix, kind=_(kinds[suffix])), path=path)
    return InputError(_("binary file, not a text document (give .txt, .docx or .pdf)"), path=path)


# Control characters a text file does not hold: below U+0020 but for tab, line feed, vertical
# tab and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0d-\x1f]")


def _refuse_binary(text: str, path: str | None) -> None:
    sample = text[:8192]
    if not sample:
        raise InputError(_("file is empty"), path=path)
    control = len(_CONTROL.findall(sample))
    replacement = sample.count("\ufffd")
    if control > len(sample) // 50 or replacement > len(sample) // 20 or "\x00" in sample:
        raise _binary(path)


def read_text(path: str) -> str:
    """The decoded text of a plain-text file."""
    text = decode(read_bytes(path), path)
    if not text.strip():
        raise _no_text(text, path)
    return text


def _no_text(content: bytes | str, path: str | None) -> InputError:
    """A file with nothing to read: empty, or (a thing to say apart) only blank lines and spaces."""
    if not content:
        return InputError(_("file is empty"), path=path)
    return InputError(_("file holds no text: only blank lines and spaces"), path=path)


# Format characters that print nothing and say nothing about the words: zero width space, word
# joiner, byte-order mark inside the text (zero width no-break space), soft hyphen, the
# direction marks (left-to-right, right-to-left, Arabic letter mark) and the invisible
# mathematical operators. A copy from a web page or a word processor leaves them anywhere; read
# as text they hide a chapeau ("\u200b大会，") or an operative number from every rule.
# Zero width joiner and non-joiner (U+200C, U+200D) are meaningful between two letters of a
# joining script (Arabic shapes by them, Persian spells with the non-joiner) and inside an emoji
# sequence; anywhere else (a line's start or end, beside a space, a digit, a punctuation mark, a
# Latin, Cyrillic or Chinese letter) they are as invisible as the rest.
_INVISIBLE = re.compile("[\u00ad\u061c\u200b-\u200f\u2060-\u2064\ufeff]")


# The scripts whose letters join or form conjuncts by the zero width joiner and non-joiner:
# Arabic (and Persian, Urdu), Syriac, Thaana, N'Ko, the Indic scripts, Mongolian.
_JOINING = lazy("[\u0600-\u08ff\u0900-\u0dff\u1800-\u18af\ufb50-\ufdff\ufe70-\ufeff]")


def _joiner_meaningful(before: str, after: str) -> bool:
    def joins(ch: str) -> bool:
        if not ch:
            return False
        category = unicodedata.category(ch)
        if category[0] in "LM":
            return bool(_JOINING.match(ch))
        return category == "So" or ch == "\ufe0f"

    return joins(before) and joins(after)


# A soft hyphen ending a line: the word was broken there ("develop\u00ad" / "ment of …"). Its
# second half is moved up to the first, so that the word reads whole; the lines stay as many
# (a line that held only the second half is left blank).
_SOFT_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])\u00ad\n([^\W\d_]+\S*)(?:[ \t]+(?=\S)|[ \t]*(?=\n|$))")


def _word_rejoined(match: re.Match[str]) -> str:
    return "\u00ad" + match.group(1) + "\n"


def take_out_invisible(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` without the invisible format characters that would change how it is read, and a
    warning saying which were taken out and on which lines (they are not compared).

    >>> take_out_invisible("\\u200b大会，\\n回顾\\u00ad，")
    ('大会，\\n回顾，', ('2 invisible characters (U+200B ZERO WIDTH SPACE, U+00AD SOFT HYPHEN) on lines 1, 2 taken out: they are not compared',))
    >>> take_out_invisible("می\\u200cخواهم \\u200d1.")
    ('می\\u200cخواهم 1.', ('1 invisible character (U+200D ZERO WIDTH JOINER) on line 1 taken out: it is not compared',))
    >>> take_out_invisible("The General Assembly,")
    ('The General Assembly,', ())
    >>> take_out_invisible("T\u200dhe Gen\u200ceral Assembly,")[0]
    'The General Assembly,'
    >>> take_out_invisible("1. Decides on the develop\\u00ad\\nment of the plan;")[0]
    '1. Decides on the development\\nof the plan;'

    """
    if not _INVISIBLE.search(text):
        return text, ()
    if "\u00ad\n" in text:
        text = _SOFT_HYPHEN_BREAK.sub(_word_rejoined, text)
    found: Counter[str] = Counter()
    lines: set[int] = set()

    def out(match: re.Match[str]) -> str:
        start = match.start()
        ch = match.group()
        if ch in "\u200c\u200d" and _joiner_meaningful(text[start - 1 : start], text[start + 1 : start + 2]):
            return ch
        found[ch] += 1
        lines.add(text.count("\n", 0, start) + 1)
        return ""

    cleaned = _INVISIBLE.sub(out, text)
    if not found:
        return text, ()
    count = sum(found.values())
    names = ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, '')}" + (f" ×{n}" if n > 1 else "")
                      for ch, n in found.items())
    shown = sorted(lines)
    where = listed(shown, most=10)
    if count == 1:
        template = N_("{count} invisible character ({names}) on line {where} taken out: it is not compared")
    elif len(shown) == 1:
        template = N_("{count} invisible characters ({names}) on line {where} taken out: they are not compared")
    else:
        template = N_("{count} invisible characters ({names}) on lines {where} taken out: they are not compared")
    return cleaned, (Message(template, count=count, names=names, where=where),)
