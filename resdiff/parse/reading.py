"""Reading files into text: encodings detected without options, line ends folded."""

from __future__ import annotations

import codecs
import os

from ..errors import InputError

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


def read_bytes(path: str) -> bytes:
    """The bytes of a file, or an InputError a user can act on."""
    if not os.path.exists(path):
        raise InputError("no such file", path=path)
    if os.path.isdir(path):
        raise InputError("is a directory, not a document", path=path)
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:
            raise InputError(
                f"file is {size // (1024 * 1024)} MB; resdiff reads documents up to "
                f"{MAX_BYTES // (1024 * 1024)} MB (split the file by document)",
                path=path,
            )
        with open(path, "rb") as handle:
            data = handle.read()
    except PermissionError:
        raise InputError("permission denied", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc})", path=path) from None
    if not data.strip():
        raise InputError("file is empty", path=path)
    return data


def decode(data: bytes, path: str | None = None) -> str:
    """Text from bytes in UTF-8 (BOM or not), UTF-16/32 with BOM, GB18030/GBK or cp1252.

    Line ends become ``\\n``; a byte-order mark is dropped.

    >>> decode("大会，\\r\\n".encode("gb18030"))
    '大会，\\n'
    """
    text = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise InputError(f"not valid {encoding.upper()} text", path=path) from None
            break
    if text is None:
        text = _decode_without_bom(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_binary(text, path)
    return text


def _decode_without_bom(data: bytes, path: str | None) -> str:
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM: every other byte of ASCII text is NUL.
        even = data[0:4096:2].count(0)
        odd = data[1:4096:2].count(0)
        if odd > even * 4 and odd > len(data[:4096]) // 8:
            return _try(data, "utf-16-le", path)
        if even > odd * 4 and even > len(data[:4096]) // 8:
            return _try(data, "utf-16-be", path)
        raise InputError("binary file, not a text document (give .txt, .docx or .pdf)", path=path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        chinese = data.decode("gb18030")
    except UnicodeDecodeError:
        chinese = None
    # Nearly any run of Western accented letters is also valid GB18030 ("é" and the letter after
    # it make one Han character), so GB18030 is refused where it yields Han characters alone or
    # in pairs among Latin letters; Chinese text, and English with GB-encoded quotation marks, pass.
    if chinese is not None and not _stray_han(chinese):
        return chinese
    return data.decode("cp1252", errors="replace")


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
        raise InputError("binary file, not a text document (give .txt, .docx or .pdf)", path=path) from None


def _refuse_binary(text: str, path: str | None) -> None:
    sample = text[:8192]
    if not sample:
        raise InputError("file is empty", path=path)
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\f\v")
    replacement = sample.count("\ufffd")
    if control > len(sample) // 50 or replacement > len(sample) // 20 or "\x00" in sample:
        raise InputError("binary file, not a text document (give .txt, .docx or .pdf)", path=path)


def read_text(path: str) -> str:
    """The decoded text of a plain-text file."""
    text = decode(read_bytes(path), path)
    if not text.strip():
        raise InputError("file is empty", path=path)
    return text
