"""A stand-in for the UN document system and the UN Digital Library, on this machine.

A real HTTP server (the standard library's, in a thread) that answers the paths resdiff asks
the real ones, with their behaviour: ``/api/symbol/access?s=&l=&t=`` redirects to the file,
``/search?p=…&of=xm`` answers MARC XML. Some symbols misbehave on purpose (see ``TROUBLE``).
Point resdiff at it with RESDIFF_DOCUMENTS_URL and RESDIFF_LIBRARY_URL.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit
from xml.sax.saxutils import escape

CONTENT_TYPES = {"pdf": "application/pdf", "doc": "application/msword",
                 "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}

# Symbols that misbehave, and how.
TROUBLE = {
    "A/TEST/429": "429 once, then the file",
    "A/TEST/503": "503 always",
    "A/TEST/SLOW": "no answer for 3 seconds",
    "A/TEST/TRUNCATED": "Content-Length 20000, 3000 bytes sent",
    "A/TEST/CUT": "a PDF cut short, no Content-Length",
    "A/TEST/HTML": "a web page (200, text/html) instead of the PDF",
    "A/TEST/LOOP": "redirects to itself",
}


@dataclass
class Served:
    """What the server holds: files by (symbol, language, kind), MARC records by symbol."""

    files: dict[tuple[str, str, str], bytes] = field(default_factory=dict)
    records: dict[str, dict] = field(default_factory=dict)
    # every request, as (path, query) in order
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    # the User-Agent header of every request
    agents: list[str] = field(default_factory=list)


def marc(symbol: str, title: str, date: str, agenda: str | None = None,
         votes: tuple[int, int, int] | None = None) -> str:
    """A MARC XML record as the Digital Library writes it (191 symbol, 245 title, 269 date,
    991 agenda, 996 votes)."""
    fields = [
        f'<datafield tag="191" ind1=" " ind2=" "><subfield code="a">{escape(symbol)}</subfield>'
        '<subfield code="b">A/</subfield></datafield>',
        f'<datafield tag="245" ind1="1" ind2="0"><subfield code="a">{escape(title)} :</subfield>'
        '<subfield code="b">draft resolution /</subfield></datafield>',
        f'<datafield tag="269" ind1=" " ind2=" "><subfield code="a">{date}</subfield></datafield>',
    ]
    if agenda:
        fields.append('<datafield tag="991" ind1=" " ind2=" "><subfield code="a">A/65/251</subfield>'
                      f'<subfield code="b">17</subfield><subfield code="d">{escape(agenda)}</subfield></datafield>')
    if votes:
        fields.append('<datafield tag="996" ind1=" " ind2=" "><subfield code="a">Voting Summary</subfield>'
                      f'<subfield code="b">{votes[0]}</subfield><subfield code="c">{votes[1]}</subfield>'
                      f'<subfield code="d">{votes[2]}</subfield></datafield>')
    return "<record>" + '<controlfield tag="001">123456</controlfield>' + "".join(fields) + "</record>"


class _Handler(BaseHTTPRequestHandler):
    served: Served  # set on the subclass the server makes
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        served = self.served
        served.requests.append((parts.path, query))
        served.agents.append(self.headers.get("User-Agent", ""))
        if parts.path == "/api/symbol/access":
            self._access(query)
        elif parts.path.startswith("/files/"):
            self._file(parts.path[len("/files/"):])
        elif parts.path == "/search":
            self._search(query)
        else:
            self._send(404, b"<html><title>Not Found</title></html>", "text/html")

    def _access(self, query: dict[str, str]) -> None:
        symbol, language, kind = query.get("s", ""), query.get("l", ""), query.get("t", "")
        served = self.served
        served.counts[symbol] = served.counts.get(symbol, 0) + 1
        if symbol == "A/TEST/429" and served.counts[symbol] == 1:
            self._send(429, b"Too Many Requests", "text/plain", {"Retry-After": "0"})
            return
        if symbol == "A/TEST/503":
            self._send(503, b"<html><title>Service Unavailable</title></html>", "text/html", {"Retry-After": "0"})
            return
        if symbol == "A/TEST/SLOW":
            time.sleep(3)
        if symbol == "A/TEST/HTML":
            self._send(200, b"<!DOCTYPE html><html><head><title>Document not available</title></head>"
                            b"<body>Sorry</body></html>", "text/html; charset=utf-8")
            return
        if symbol == "A/TEST/LOOP":
            self.send_response(302)
            self.send_header("Location", f"/api/symbol/access?s={quote(symbol)}&l={language}&t={kind}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if symbol == "A/TEST/TRUNCATED":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", "20000")
            self.end_headers()
            self.wfile.write(b"%PDF-1.7\n" + b"x" * 2991)
            self.wfile.flush()
            self.close_connection = True
            return
        if symbol == "A/TEST/CUT":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"%PDF-1.7\n" + b"x" * 5000)
            self.close_connection = True
            return
        if (symbol, language, kind) not in served.files:
            self._send(404, b"<html><title>Not Found</title></html>", "text/html")
            return
        name = f"{symbol.replace('/', '_')}-{language.upper()}.{kind}"
        self.send_response(302)
        self.send_header("Location", f"/files/{quote(name)}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _file(self, name: str) -> None:
        stem, _, kind = name.rpartition(".")
        symbol, _, language = stem.rpartition("-")
        key = (symbol.replace("_", "/"), language.lower(), kind)
        data = self.served.files.get(key)
        if data is None:
            self._send(404, b"<html><title>Not Found</title></html>", "text/html")
            return
        # the document system labels Word files application/msword and PDFs application/pdf
        self._send(200, data, CONTENT_TYPES.get(kind, "application/octet-stream"))

    def _search(self, query: dict[str, str]) -> None:
        symbol = query.get("p", "")
        if query.get("of") != "xm":
            self._send(200, b"<html><title>Search</title></html>", "text/html")
            return
        records = "".join(r for s, r in self.served.records.items() if s == symbol)
        body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                f'<collection xmlns="http://www.loc.gov/MARC21/slim">{records}</collection>')
        self._send(200, body.encode("utf-8"), "text/xml; charset=utf-8")


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up (a timeout, a broken-off download) is what these tests make


class Server:
    """The server, started on a free port of 127.0.0.1; ``url`` is its base URL."""

    def __init__(self, served: Served) -> None:
        handler = type("Handler", (_Handler,), {"served": served})
        self.served = served
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
