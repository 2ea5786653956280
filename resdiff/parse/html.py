"""Web pages saved as HTML read as the text a browser shows: block elements end lines, scripts,
styles and the head are not text, and a footnote mark set as ``<sup>1</sup>`` becomes the
superscript digit the text stage reads as a mark. What the page prints around the resolution
(menus, licence notes) is then page furniture, as in text pasted from a web page."""

from __future__ import annotations

import re

from ..errors import InputError
from ..i18n import _

# Elements whose start and end break a line, as a browser lays them out.
_BLOCKS = frozenset(
    "address article aside blockquote body br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split())
# Elements whose content is not shown.
_HIDDEN = frozenset("head script style template noscript svg".split())
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def is_html(text: str) -> bool:
    """True if ``text`` is an HTML page (it opens with a doctype or an ``<html>`` element).

    >>> is_html("<!DOCTYPE html>\\n<html>"), is_html("  <html lang='fr'>"), is_html("The General Assembly,")
    (True, True, False)
    """
    return bool(_HTML_START.match(text[:4096]))


class _TextHandlers:
    """What the page's text is made of, for ``HTMLParser`` (``_text_parser``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # type: ignore[call-arg]
        self.out: list[str] = []
        self.hidden = 0
        self.sup = 0
        self.generator = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and (dict(attrs).get("name") or "").lower() == "generator":
            self.generator = dict(attrs).get("content") or ""
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.out.append("\n")
        elif tag == "sup":
            self.sup += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _HIDDEN:
            self.hidden -= 1
        elif tag == "sup":
            self.sup -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.out.append("\n")
        elif tag == "sup":
            self.sup = max(0, self.sup - 1)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.sup and data.strip().isdigit():
            data = data.strip().translate(_SUPERSCRIPT)
        self.out.append(data)


def _text_parser() -> _TextHandlers:
    """A parser of a page's text: ``html.parser`` is imported only when a page is read (most
    inputs are text, and the parser's module and its entities table cost a run a few
    milliseconds)."""
    global _Text
    if _Text is None:
        from html.parser import HTMLParser

        _Text = type("_Text", (_TextHandlers, HTMLParser), {"__doc__": _TextHandlers.__doc__})
    return _Text()


_Text: type | None = None


def html_text(page: str, path: str | None = None) -> str:
    """The text a browser shows of ``page``, one line per block, white space inside a block folded.

    >>> html_text("<html><head><title>t</title></head><body><p>The General Assembly,</p>"
    ...           "<p>1. <i>Decides</i> to act;<sup>2</sup></p><script>x()</script></body></html>")
    'The General Assembly,\\n\\n1. Decides to act;²\\n'
    """
    parser = _text_parser()
    parser.feed(page)  # type: ignore[attr-defined]
    parser.close()  # type: ignore[attr-defined]
    if parser.generator.strip().lower() == "resdiff":
        raise InputError(_("a comparison written by resdiff, not a document: compare the documents it was made "
                           "from"), path=path)
    lines: list[str] = []
    for line in "".join(parser.out).split("\n"):
        line = re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip()
        if line or (lines and lines[-1]):
            lines.append(line)
    return "\n".join(lines).strip("\n") + "\n"
