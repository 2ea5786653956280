"""Web pages saved as HTML read as the text a browser shows: block elements end lines, scripts,
styles and the head are not text, a numbered list's items open with the numbers a browser
shows before them, and a footnote mark set as ``<sup>1</sup>`` becomes the superscript digit
the text stage reads as a mark; a numbered list of the footnotes (``<ol class="footnotes">``,
or whose items the marks link to) is read under a separator rule, each item "1 text". What the page prints around the resolution
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


# A numbered list of footnotes, as wikis and most sites print them under the text.
_NOTES_LIST = re.compile(r"foot|endnote|notes|references|fn", re.IGNORECASE)
_SEPARATOR = "__________"


class _List:
    """An open list: numbered (``ol``) or not, the number of its next item, its numbering type,
    and whether it holds the page's footnotes."""

    def __init__(self, numbered: bool, start: int, kind: str, notes: bool) -> None:
        self.numbered, self.next, self.kind, self.notes = numbered, start, kind, notes


class _TextHandlers:
    """What the page's text is made of, for ``HTMLParser`` (``_text_parser``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # type: ignore[call-arg]
        self.out: list[str] = []
        self.hidden = 0
        self.sup = 0
        self.generator = ""
        self.lists: list[_List] = []
        self.targets: set[str] = set()  # what the marks link to ("#fn1"): the footnotes' ids
        self.ruled = False  # a footnote list's separator is written

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        if tag == "meta" and (named.get("name") or "").lower() == "generator":
            self.generator = named.get("content") or ""
        if tag == "a" and self.sup and (named.get("href") or "").startswith("#"):
            self.targets.add((named.get("href") or "")[1:])
        if tag in ("ol", "ul") and not self.hidden:
            start = named.get("start") or "1"
            notes = tag == "ol" and bool(_NOTES_LIST.search(f"{named.get('class') or ''} {named.get('id') or ''}"))
            self.lists.append(_List(tag == "ol", int(start) if start.strip().lstrip("-").isdigit() else 1,
                                    (named.get("type") or "1"), notes))
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.out.append("\n")
            if tag == "li" and not self.hidden and self.lists and self.lists[-1].numbered:
                self._number(self.lists[-1], named)
        elif tag == "sup":
            self.sup += 1

    def _number(self, items: _List, named: dict[str, str | None]) -> None:
        """The number a browser shows before a numbered list's item, written out: "1. ", "(a) " for
        a list in letters or small roman numerals (as a resolution labels its sub-paragraphs), or
        the footnote's mark, "1 ", under a separator, where the list holds the page's footnotes."""
        value = named.get("value") or ""
        if value.strip().lstrip("-").isdigit():
            items.next = int(value)
        number, items.next = items.next, items.next + 1
        if (named.get("id") or "") in self.targets and named.get("id"):
            items.notes = True
        if items.notes and items.kind == "1":
            if not self.ruled:
                self.out.append(f"{_SEPARATOR}\n")
                self.ruled = True
            self.out.append(f"{number} ")
        elif items.kind in ("a", "i"):
            self.out.append(f"({_list_label(number, items.kind)}) ")  # a sub-paragraph's label, "(a)"
        else:
            self.out.append(f"{_list_label(number, items.kind)}. ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _HIDDEN:
            self.hidden -= 1
        elif tag == "sup":
            self.sup -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("ol", "ul") and not self.hidden and self.lists:
            self.lists.pop()
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


def _list_label(number: int, kind: str) -> str:
    """A list item's number as ``<ol type=…>`` shows it.

    >>> [_list_label(n, k) for n, k in [(3, "1"), (2, "a"), (28, "a"), (4, "i"), (9, "I"), (2, "A")]]
    ['3', 'b', 'ab', 'iv', 'IX', 'B']
    """
    if kind in ("a", "A") and number > 0:
        label = ""
        while number:
            number, rest = divmod(number - 1, 26)
            label = chr(ord("a") + rest) + label
        return label.upper() if kind == "A" else label
    if kind in ("i", "I") and 0 < number < 4000:
        numerals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
        label = ""
        for size, numeral in numerals:
            while number >= size:
                label += numeral
                number -= size
        return label.upper() if kind == "I" else label
    return str(number)


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
