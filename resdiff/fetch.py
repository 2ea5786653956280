"""Fetching UN documents by symbol: the file from the UN document system, the record (title, date,
agenda item, vote) from the UN Digital Library.

Where each comes from (both base URLs can be changed, for a mirror or a test server):

- the document: ``$RESDIFF_DOCUMENTS_URL/api/symbol/access?s=SYMBOL&l=LANG&t=pdf`` (or ``t=doc``),
  which redirects to the file; default base ``https://documents.un.org``;
- the record: ``$RESDIFF_LIBRARY_URL/search?p=SYMBOL&of=xm&rg=50…``, MARC XML, where 191$a is
  the symbol, 245$a the title, 269$a the date, 991$d (or $e) the agenda item and 996$b/$c/$d the
  votes in favour, against and abstaining; default base ``https://digitallibrary.un.org``.

The HTTP client is httpx: a timeout on every connection and read, retries with growing waits on
429 and 5xx answers (honouring Retry-After), a user agent that names resdiff, and a progress
bar on standard error for a download that takes more than a moment. Every failure is a
FetchError whose message says what happened and what to do; nothing is kept of a download that
did not complete.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TextIO
from urllib.parse import urlsplit

from .errors import ResdiffError
from .i18n import N_, _, language_label

__all__ = [
    "LANGUAGES", "DEFAULT_DOCUMENTS_URL", "DEFAULT_LIBRARY_URL", "FetchError", "Download", "Record",
    "Client", "documents_url", "library_url", "parse_marc", "user_agent",
]

LANGUAGES = ("zh", "en", "fr", "es", "ru", "ar")
DEFAULT_DOCUMENTS_URL = "https://documents.un.org"
DEFAULT_LIBRARY_URL = "https://digitallibrary.un.org"
# Seconds to wait for a connection, and for each piece of an answer ($RESDIFF_TIMEOUT).
TIMEOUT = 30.0
CONNECT_TIMEOUT = 10.0
# Answers that mean "try again later": each is retried up to RETRIES times, waiting
# BACKOFF, 2×BACKOFF, 4×BACKOFF seconds, or what the server's Retry-After says (up to MAX_WAIT).
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
RETRIES = 3
BACKOFF = 1.0
MAX_WAIT = 60.0
# A download still running after this many seconds shows a progress bar (on a terminal).
PROGRESS_AFTER = 0.5
# The largest file resdiff reads (the same limit as for files on disk).
MAX_BYTES = 20 * 1024 * 1024


class FetchError(ResdiffError):
    """A document or record could not be fetched; nothing of it was kept."""


@dataclass(frozen=True, slots=True)
class Download:
    """A file as the document system served it, and where and when it came from."""

    symbol: str
    language: str
    kind: str  # what was asked for: 'pdf' or 'doc'
    url: str  # the address asked
    final_url: str  # where the redirects led
    content_type: str | None
    data: bytes
    fetched_at: str  # UTC, ISO 8601

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def source(self) -> str:
        """A name for messages and for the stored versions: host, symbol, language, format."""
        ext = {"pdf": "pdf"}.get(self.format, self.format)
        return f"{urlsplit(self.url).netloc}/{self.symbol.replace('/', '_')}-{self.language.upper()}.{ext}"

    @property
    def format(self) -> str:
        """What the bytes are: 'pdf', 'doc' (Word 97-2003) or 'docx'."""
        if self.data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
            return "doc"
        if self.data.startswith(b"PK\x03\x04"):
            return "docx"
        return "pdf"


@dataclass(frozen=True, slots=True)
class Record:
    """What the Digital Library's catalogue record says about a symbol."""

    symbol: str
    title: str | None
    date: str | None
    agenda: str | None
    votes: tuple[int | None, int | None, int | None] | None  # in favour, against, abstaining
    url: str
    fetched_at: str

    def as_json(self) -> dict:
        """The record as log and history give it in JSON."""
        votes = None
        if self.votes is not None:
            votes = dict(zip(("in_favour", "against", "abstaining"), self.votes))
        return {"symbol": self.symbol, "title": self.title, "date": self.date, "agenda": self.agenda,
                "votes": votes, "url": self.url, "fetched_at": self.fetched_at}

    def known(self) -> str | None:
        """The vote and the agenda item in one line ('vote: 120 in favour, …; agenda: …'), or None."""
        parts = []
        if self.vote_text:
            parts.append(_("vote: {vote}").format(vote=self.vote_text))
        if self.agenda:
            parts.append(_("agenda: {agenda}").format(agenda=self.agenda))
        return _("; ").join(parts) or None

    @property
    def vote_text(self) -> str | None:
        """'120 in favour, 8 against, 45 abstaining', or None when the record has no vote."""
        if self.votes is None:
            return None
        names = (N_("{n} in favour"), N_("{n} against"), N_("{n} abstaining"))
        return _(", ").join(_(name).format(n=n) for n, name in zip(self.votes, names) if n is not None) or None


def _base(variable: str, default: str) -> str:
    value = os.environ.get(variable, "").strip()
    if not value:
        return default
    if not re.match(r"^https?://[^/\s]+", value):
        raise FetchError(_("${variable} is {value}: give a base URL such as {default} (no trailing slash)").format(
            variable=variable, value=repr(value), default=default))
    return value.rstrip("/")


def documents_url() -> str:
    """The document system's base URL: $RESDIFF_DOCUMENTS_URL, else https://documents.un.org."""
    return _base("RESDIFF_DOCUMENTS_URL", DEFAULT_DOCUMENTS_URL)


def library_url() -> str:
    """The Digital Library's base URL: $RESDIFF_LIBRARY_URL, else https://digitallibrary.un.org."""
    return _base("RESDIFF_LIBRARY_URL", DEFAULT_LIBRARY_URL)


def timeout() -> float:
    """Seconds to wait for each piece of an answer: $RESDIFF_TIMEOUT, else 30."""
    value = os.environ.get("RESDIFF_TIMEOUT", "").strip()
    if not value:
        return TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not seconds > 0:
        raise FetchError(_("$RESDIFF_TIMEOUT is {value}: give a number of seconds, such as 60").format(value=repr(value)))
    return seconds


def user_agent() -> str:
    """'resdiff/0.1.0 (+comparing UN resolutions) httpx/0.28.1'."""
    from importlib.metadata import PackageNotFoundError, version

    import httpx

    try:
        number = version("resdiff")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        number = "unknown"
    return f"resdiff/{number} (compares versions of UN resolutions) httpx/{httpx.__version__}"


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number of seconds; an HTTP date counts as BACKOFF)."""
    if not value:
        return None
    try:
        return max(0.0, float(value.strip()))
    except ValueError:
        return None


def _page_title(data: bytes) -> str | None:
    match = re.search(rb"<title[^>]*>(.*?)</title>", data[:20000], re.I | re.S)
    if not match:
        return None
    title = " ".join(html.unescape(match.group(1).decode("utf-8", "replace")).split())
    return title[:80] or None


class Client:
    """An HTTP session for fetching; close it (or use ``with``)."""

    def __init__(self, *, progress: bool | None = None, stream: TextIO | None = None) -> None:
        import httpx

        self._httpx = httpx
        self.timeout = timeout()
        self.stream = stream if stream is not None else sys.stderr
        # A bar only where someone watches: standard error is a terminal (or a test asks).
        self.progress = progress if progress is not None else bool(getattr(self.stream, "isatty", lambda: False)())
        self.http = httpx.Client(
            headers={"User-Agent": user_agent()},
            timeout=httpx.Timeout(self.timeout, connect=min(CONNECT_TIMEOUT, self.timeout)),
            follow_redirects=True,
            max_redirects=10,
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # documents ----------------------------------------------------------------------------------

    def document(self, symbol: str, language: str, kind: str = "auto") -> Download:
        """The file of ``symbol`` in ``language``: 'pdf', 'doc', or 'auto' (the Word file when
        LibreOffice can read it, else the PDF; the PDF too when there is no Word file)."""
        if kind == "auto":
            from .parse.doc import soffice

            if soffice() is None:
                return self._document(symbol, language, "pdf")
            try:
                return self._document(symbol, language, "doc")
            except _NoFile:
                return self._document(symbol, language, "pdf")
        return self._document(symbol, language, kind)

    def _document(self, symbol: str, language: str, kind: str) -> Download:
        base = documents_url()
        url = f"{base}/api/symbol/access"
        params = {"s": symbol, "l": language, "t": kind}
        what = f"{symbol} ({language}, {kind.upper()})"
        response, data = self._get(url, params, what, missing=lambda: _NoFile(
            _("{symbol}: the UN document system ({host}) has no {kind} of it in {language} (HTTP 404): "
              "check the symbol and --lang").format(symbol=symbol, host=_host(base), kind=kind.upper(), language=language_label(language))))
        content_type = response.headers.get("content-type")
        _check_document(data, content_type, kind, what, _host(str(response.url)))
        return Download(symbol=symbol, language=language, kind=kind, url=str(response.request.url) if not
                        response.history else str(response.history[0].request.url),
                        final_url=str(response.url), content_type=content_type, data=data, fetched_at=_now())

    # records ------------------------------------------------------------------------------------

    def record(self, symbol: str) -> Record | None:
        """The Digital Library's record of ``symbol``; None when it has none."""
        base = library_url()
        url = f"{base}/search"
        params = {"ln": "en", "p": symbol, "f": "", "rg": "50", "so": "d", "of": "xm"}
        what = _("{symbol} (Digital Library record)").format(symbol=symbol)
        response, data = self._get(url, params, what, missing=lambda: None)
        if response is None:
            return None
        stripped = data.lstrip()
        if not stripped.startswith(b"<?xml") and not stripped.startswith(b"<collection"):
            title = _page_title(data)
            raise FetchError((_("{what}: {host} answered with a web page, not MARC XML ({title}): try again later, "
                                "or set RESDIFF_LIBRARY_URL to a mirror") if title else
                              _("{what}: {host} answered with a web page, not MARC XML: try again later, "
                                "or set RESDIFF_LIBRARY_URL to a mirror")).format(
                what=what, host=_host(base), title=repr(title)))
        return parse_marc(data, symbol, str(response.url), _now())

    # the one way to GET -------------------------------------------------------------------------

    def _get(self, url: str, params: dict[str, str], what: str, missing):
        httpx = self._httpx
        host = _host(url)
        attempt = 0
        while True:
            try:
                with self.http.stream("GET", url, params=params) as response:
                    status = response.status_code
                    if status in RETRY_STATUSES and attempt < RETRIES:
                        wait = _retry_after(response.headers.get("retry-after"))
                        wait = BACKOFF * 2 ** attempt if wait is None else wait
                        attempt += 1
                        response.close()
                        time.sleep(min(wait, MAX_WAIT))
                        continue
                    if status == 404:
                        found = missing()
                        if isinstance(found, Exception):
                            raise found
                        return None, b""
                    if status >= 400:
                        answer = f"HTTP {status} {response.reason_phrase or ''}".rstrip()
                        raise FetchError((_("{what}: {host} answered {answer} after {tries} tries: try again later")
                                          if attempt else _("{what}: {host} answered {answer}: try again later")).format(
                            what=what, host=host, answer=answer, tries=attempt + 1))
                    data = self._body(response, what, host)
                    return response, data
            except httpx.TimeoutException:
                raise FetchError(_("{what}: no answer from {host} within {seconds} s: try again "
                                   "later, or set RESDIFF_TIMEOUT=SECONDS to wait longer").format(
                    what=what, host=host, seconds=f"{self.timeout:g}")) from None
            except httpx.TooManyRedirects:
                raise FetchError(_("{what}: {host} redirects in a loop: try again later").format(what=what, host=host)) \
                    from None
            except httpx.RemoteProtocolError as exc:
                raise FetchError(_("{what}: the download from {host} broke off ({reason}); nothing "
                                   "was stored: try again").format(what=what, host=host, reason=_short(exc))) from None
            except httpx.ConnectError as exc:
                raise FetchError(_("{what}: cannot reach {host} ({reason}): check the network, or "
                                   "use --offline with what is stored").format(what=what, host=host, reason=_short(exc))) \
                    from None
            except httpx.HTTPError as exc:
                raise FetchError(_("{name}: ").format(name=what) + _("{name}: ").format(name=host) + _short(exc)) from None

    def _body(self, response, what: str, host: str) -> bytes:
        declared = response.headers.get("content-length")
        total = int(declared) if declared and declared.isdigit() else None
        if total is not None and total > MAX_BYTES:
            raise FetchError(_("{what}: {host} offers {size} MB; resdiff reads documents up to {limit} MB").format(
                what=what, host=host, size=total // (1024 * 1024), limit=MAX_BYTES // (1024 * 1024)))
        chunks: list[bytes] = []
        size = 0
        started = time.monotonic()
        bar = None
        try:
            for chunk in _guarded(response.iter_bytes(), self._httpx, lambda: _broke_off(what, host, size, total)):  # noqa: B023  (the size so far, when called)
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_BYTES:
                    raise FetchError(_("{what}: {host} sends more than {limit} MB; resdiff reads documents up to that")
                                     .format(what=what, host=host, limit=MAX_BYTES // (1024 * 1024)))
                if bar is None and self.progress and time.monotonic() - started > PROGRESS_AFTER:
                    bar = _Bar(self.stream, what, total)
                if bar is not None:
                    bar.update(size)
        finally:
            if bar is not None:
                bar.close()
        data = b"".join(chunks)
        if total is not None and size != total:  # pragma: no cover - httpx raises first
            raise _broke_off(what, host, size, total)
        return data


def _guarded(chunks, httpx, error):
    """``chunks``, with a connection that closes before the end turned into ``error()``."""
    try:
        yield from chunks
    except httpx.RemoteProtocolError:
        raise error() from None


def _broke_off(what: str, host: str, size: int, total: int | None) -> FetchError:
    if total is not None:
        message = _("{what}: the download from {host} broke off after {size} of {total} bytes; nothing was "
                    "stored: try again")
    else:
        message = _("{what}: the download from {host} broke off after {size} bytes; nothing was stored: try again")
    return FetchError(message.format(what=what, host=host, size=size, total=total))


class _NoFile(FetchError):
    """The document system has no file of this kind (the Word file of a PDF-only document)."""


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]


class _Bar:
    """A transient progress bar on standard error: bytes so far, of how many, how fast."""

    def __init__(self, stream: TextIO, what: str, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

        console = Console(file=stream, force_terminal=True, width=100) if not stream.isatty() \
            else Console(file=stream)
        self.progress = Progress(TextColumn(_("downloading {what}").format(what="{task.description}")), BarColumn(),
                                 DownloadColumn(),
                                 TransferSpeedColumn(), console=console, transient=True)
        self.progress.start()
        self.task = self.progress.add_task(what, total=total)

    def update(self, size: int) -> None:
        self.progress.update(self.task, completed=size)

    def close(self) -> None:
        self.progress.stop()


def _check_document(data: bytes, content_type: str | None, kind: str, what: str, host: str) -> None:
    """Refuse what is not the document: a web page, an empty answer, a cut-off PDF."""
    head = data[:1024]
    if b"%PDF" in head:
        if b"%%EOF" not in data[-2048:]:
            raise FetchError(_("{what}: the PDF from {host} stops before its end (no %%EOF marker): the "
                               "download broke off; nothing was stored: try again").format(what=what, host=host))
        return
    if data.startswith((b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"PK\x03\x04")):
        return
    declared = (content_type or "").split(";")[0].strip()
    if not data.strip():
        raise _NoFile(_("{what}: {host} answered with an empty file: try again later").format(what=what, host=host))
    if b"<html" in head.lower() or b"<!doctype" in head.lower() or declared == "text/html":
        title = _page_title(data)
        shown = declared or _("no content type")
        page = f"{shown}, {title!r}" if title else shown
        raise _NoFile(_("{what}: {host} answered with a web page ({page}) instead of the {kind}: check the "
                        "symbol and --lang, or try again later").format(what=what, host=host, page=page, kind=kind.upper()))
    raise _NoFile(_("{what}: {host} answered with something that is neither a PDF nor a Word file "
                    "({declared}): check the symbol and --lang").format(
        what=what, host=host, declared=declared or _("no content type")))


# --- MARC XML --------------------------------------------------------------------------------------


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _subfields(field: ET.Element) -> list[tuple[str, str]]:
    return [(sub.get("code") or "", (sub.text or "").strip()) for sub in field if _local(sub.tag) == "subfield"]


def _first(fields: list[ET.Element], code: str) -> str | None:
    for field in fields:
        for sub_code, value in _subfields(field):
            if sub_code == code and value:
                return value
    return None


def _date(value: str | None) -> str | None:
    """269$a as ISO 8601: the library writes YYYY, YYYY-MM or YYYY-MM-DD, with or without hyphens.

    >>> _date("20101220"), _date("2010-12"), _date("2010"), _date("20 December 2010")
    ('2010-12-20', '2010-12', '2010', None)
    """
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?", value.strip())
    if not match:
        return None
    return "-".join(part for part in match.groups() if part)


def _number(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _key(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).upper()


def parse_marc(data: bytes, symbol: str, url: str, fetched_at: str) -> Record | None:
    """The record for ``symbol`` in a MARC XML answer: the one whose 191$a is the symbol.

    >>> xml = b'''<collection xmlns="http://www.loc.gov/MARC21/slim"><record>
    ... <datafield tag="191" ind1=" " ind2=" "><subfield code="a">A/RES/65/141</subfield></datafield>
    ... <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Information and communications
    ... technologies for development :</subfield><subfield code="b">resolution</subfield></datafield>
    ... <datafield tag="269" ind1=" " ind2=" "><subfield code="a">2010-12-20</subfield></datafield>
    ... <datafield tag="991" ind1=" " ind2=" "><subfield code="a">A/65/251</subfield><subfield code="b">17</subfield>
    ... <subfield code="d">Information and communication technologies for development.</subfield></datafield>
    ... <datafield tag="996" ind1=" " ind2=" "><subfield code="b">120</subfield><subfield code="c">8</subfield>
    ... <subfield code="d">45</subfield></datafield></record></collection>'''
    >>> record = parse_marc(xml, "A/RES/65/141", "u", "t")
    >>> record.title, record.date, record.agenda, record.vote_text
    ('Information and communications technologies for development', '2010-12-20', 'Information and communication technologies for development.', '120 in favour, 8 against, 45 abstaining')
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise FetchError(_("{symbol} (Digital Library record): the MARC XML from {host} cannot be "
                           "read ({reason}): try again later").format(symbol=symbol, host=_host(url), reason=exc)) from None
    wanted = _key(symbol)
    for record in root.iter():
        if _local(record.tag) != "record":
            continue
        fields: dict[str, list[ET.Element]] = {}
        for field in record:
            if _local(field.tag) == "datafield":
                fields.setdefault(field.get("tag") or "", []).append(field)
        symbols = [value for field in fields.get("191", []) for code, value in _subfields(field) if code == "a"]
        if wanted not in {_key(s) for s in symbols}:
            continue
        title = _first(fields.get("245", []), "a")
        if title:
            title = re.sub(r"\s*[:/;]\s*$", "", " ".join(title.split())) or None
        date = _date(_first(fields.get("269", []), "a"))
        agenda = _first(fields.get("991", []), "d") or _first(fields.get("991", []), "e")
        agenda = " ".join(agenda.split()) if agenda else None
        vote_fields = fields.get("996", [])
        votes = tuple(_number(_first(vote_fields, code)) for code in "bcd")
        return Record(symbol=symbol, title=title, date=date, agenda=agenda,
                      votes=votes if any(v is not None for v in votes) else None,  # type: ignore[arg-type]
                      url=url, fetched_at=fetched_at)
    return None
