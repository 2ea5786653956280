"""Word 97-2003 documents (.doc): converted to .docx by LibreOffice, then read as Word is read.

A .doc file is an OLE2 compound file (the same container as old Excel and PowerPoint files);
resdiff tells it by its first eight bytes and by the ``WordDocument`` stream every Word file
holds, never by its name. Python has no faithful reader of the binary Word format (footnotes,
list numbers and tracked changes are all stored apart from the text), so the conversion is
LibreOffice's: ``soffice --headless --convert-to docx``, run in a private folder with a private
profile, so that it neither disturbs nor waits for a LibreOffice the user has open.
"""

from __future__ import annotations

import os

from ..errors import InputError
from ..i18n import _, os_reason

__all__ = ["OLE2_MAGIC", "is_ole2", "is_word97", "doc_to_docx", "soffice"]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The name of the stream that holds a Word document's text, as the OLE2 directory spells it.
_WORD_STREAM = "WordDocument".encode("utf-16-le")
# A conversion of a long report takes a few seconds; a hung LibreOffice is stopped after this.
TIMEOUT = 180.0


def is_ole2(data: bytes) -> bool:
    """Whether ``data`` is an OLE2 compound file (Word 97-2003, old Excel, PowerPoint, Outlook)."""
    return data.startswith(OLE2_MAGIC)


def is_word97(data: bytes) -> bool:
    """Whether ``data`` is a Word 97-2003 document: an OLE2 file holding a WordDocument stream."""
    return is_ole2(data) and _WORD_STREAM in data


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    import shutil  # only when a .doc is read: a text or Word file never needs it

    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return None


# Conversions made in this process, by the .doc file's SHA-256: `add` reads a file twice (its
# documents, then its narrative), and LibreOffice is slow to start.
_converted: dict[str, bytes] = {}


def doc_to_docx(data: bytes, source: str | None = None) -> bytes:
    """The .docx LibreOffice makes of a Word 97-2003 document, or an InputError that says what
    to install or what went wrong."""
    import hashlib  # here, not at import: every parse imports this module for OLE2_MAGIC

    key = hashlib.sha256(data).hexdigest()
    if key not in _converted:
        _converted.clear()  # one at a time: a document is a few hundred kilobytes
        _converted[key] = _convert(data, source)
    return _converted[key]


def _convert(data: bytes, source: str | None) -> bytes:
    if not is_word97(data):
        raise InputError(_("an OLE2 file (Excel, PowerPoint or Outlook) that is not a Word document; "
                           "give a Word, PDF or text file"), path=source)
    program = soffice()
    if program is None:
        raise InputError(_("a Word 97-2003 document (.doc): reading it needs LibreOffice, which is not "
                           "installed (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; "
                           "macOS: brew install --cask libreoffice), or save it as .docx in Word"),
                         path=source)
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="resdiff-doc-") as folder:
        original = os.path.join(folder, "document.doc")
        with open(original, "wb") as handle:
            handle.write(data)
        out = os.path.join(folder, "out")
        command = [program, "--headless", "--norestore",
                   f"-env:UserInstallation=file://{os.path.join(folder, 'profile')}",
                   "--convert-to", "docx:MS Word 2007 XML", "--outdir", out, original]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                                 stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise InputError(_("LibreOffice did not convert this Word 97-2003 document within "
                               "{seconds} s; save it as .docx in Word").format(seconds=f"{TIMEOUT:.0f}"),
                             path=source) from None
        except OSError as exc:
            raise InputError(_("cannot run LibreOffice ({program}): {reason}").format(
                program=program, reason=os_reason(exc)), path=source) from None
        converted = os.path.join(out, "document.docx")
        if run.returncode != 0 or not os.path.exists(converted):
            said = " ".join((run.stderr or run.stdout or "").split())[:200]
            raise InputError((_("LibreOffice could not convert this Word 97-2003 document ({said}); is it damaged?")
                              if said else _("LibreOffice could not convert this Word 97-2003 document; is it damaged?"))
                             .format(said=said), path=source)
        with open(converted, "rb") as handle:
            return handle.read()
