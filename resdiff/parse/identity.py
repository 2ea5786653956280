"""Identity stage: a document's symbol, title and date, from its own header (the first page's
masthead, the numbered title line of an adopted text) or, for a draft quoted in a committee
report, from what the report says of it; never from a symbol cited in a footnote, in a paragraph
or in brackets (inside the text only a page's head or foot, the symbol alone on its line, counts).
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field

from ..lazypattern import lazy
from ..text import has_cjk
from .patterns import (
    _BARCODE,
    _DISTR,
    _END_OF_TEXT,
    _FURNITURE_LINE,
    _JOB_NUMBER,
    _OPERATIVE,
    _SEPARATOR,
    _SYMBOL,
    _TITLE_NUMBER,
    AGENDA,
    DRAFT_WORDS,
    MASTHEAD_LINES,
    NAVIGATION,
    ORGAN_NAME,
    RESOLUTION_PREFIX,
    glued_symbol,
)

# The months as mastheads print them in the languages that spell them out: English, French,
# Spanish, Russian (genitive: "20 октября 2025 года") and Arabic (the Syriac name and the
# Latin one: "20 تشرين الأول/أكتوبر 2025"); Chinese writes numbers ("2025年10月20日").
_MONTH_NAMES = (
    ("january", "janvier", "enero", "января", "كانون الثاني/يناير"),
    ("february", "février", "febrero", "февраля", "شباط/فبراير"),
    ("march", "mars", "marzo", "марта", "آذار/مارس"),
    ("april", "avril", "abril", "апреля", "نيسان/أبريل"),
    ("may", "mai", "mayo", "мая", "أيار/مايو"),
    ("june", "juin", "junio", "июня", "حزيران/يونيه"),
    ("july", "juillet", "julio", "июля", "تموز/يوليه"),
    ("august", "août", "agosto", "августа", "آب/أغسطس"),
    ("september", "septembre", "septiembre", "сентября", "أيلول/سبتمبر"),
    ("october", "octobre", "octubre", "октября", "تشرين الأول/أكتوبر"),
    ("november", "novembre", "noviembre", "ноября", "تشرين الثاني/نوفمبر"),
    ("december", "décembre", "diciembre", "декабря", "كانون الأول/ديسمبر"),
)
_MONTHS = {name.casefold(): i for i, names in enumerate(_MONTH_NAMES, 1) for name in names}
_MONTHS["setiembre"] = 9
# "20 October 2025", "20 octobre 2025", "1er juin 1970", "20 de octubre de 2025", "20 октября
# 2025 года", "20 تشرين الأول/أكتوبر 2025" (the Arabic month's two names perhaps spaced around
# the slash, its digits perhaps Arabic-Indic).
_EN_DATE = re.compile(
    r"(?<![\w/])([0-9\u0660-\u0669]{1,2})(?:er)? (?:de )?("
    + "|".join(re.escape(name).replace("/", r"\s?/\s?").replace(r"\ ", r"\s+") for name in sorted(_MONTHS, key=len, reverse=True))
    + r")(?: de)? ([0-9\u0660-\u0669]{4})(?!\w)", re.IGNORECASE)
_ZH_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def normalize_symbol(raw: str) -> str:
    """A symbol without the stray spaces reports print in it.

    >>> normalize_symbol("A/C. 2/65/L. 56")
    'A/C.2/65/L.56'
    """
    return re.sub(r"\s+", "", raw)


# --- identity: symbol, title, date ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """Where a document's lines lie: its chapeau line, the line after its body, and whether it is
    a draft quoted in a report."""

    start: int
    end: int
    quoted: bool


@dataclass(frozen=True, slots=True)
class Identity:
    """What a document says about itself: symbol, title and date (ISO), each None when unknown."""

    symbol: str | None
    title: str | None
    date: str | None
    # What a committee report's sentences call a recommended draft ("entitled …") when that is
    # not the title the draft prints (the printed one is its title): None when they agree.
    named: str | None = field(default=None, repr=False)


def identify(lines: list[str], span: Span, prev_end: int, meta: dict[str, str], report: bool,
             source: str | None, organ: str | None = None) -> Identity:
    """The symbol, title and date of the document at ``span``: from the report's account of it
    when ``report``, else from its own header (or the front matter ``meta``); the file name's
    symbol as a last resort.

    >>> lines = ["United Nations   A/RES/79/1", "", "79/1. A title", "", "The General Assembly,", "1. Decides;"]
    >>> identify(lines, Span(4, 6, False), 0, {}, False, None)
    Identity(symbol='A/RES/79/1', title='A title', date=None)
    """
    block = span
    preceding = "\n".join(lines[prev_end : max(block.start, 0)])
    symbol = None
    title = None
    date = None
    if report:
        symbol = _report_symbol(lines, block, preceding)
        # A recommended draft prints its own title above its chapeau: that is its title, what the
        # report's sentences call it ("entitled …") only stands in for a quoted draft, which
        # prints none.
        printed = None if block.quoted else _line_title(lines, block)
        named = _quoted_title(preceding)
        title = printed or named or _line_title(lines, block)
        if printed and named and _letters(printed) != _letters(named):
            return Identity(symbol or (symbol_from_filename(source) if source else None), title, date, named)
    else:
        # A document after another in the file with a masthead of its own (a draft and then its
        # revision, saved one after the other) is named by that masthead, not by the file's first.
        own = prev_end > 0 and _has_masthead(lines[prev_end : max(block.start, 0)])
        head_from = prev_end if own else 0
        symbol = (None if own else meta.get("symbol")) or _header_symbol(lines, block, head_from)
        adopted = _resolution_number(lines[max(0, block.start - 8) : max(block.start, 0)])
        if not adopted:
            cited = next((m for m in map(_LIBRARY_CITATION.match,
                                         (x.strip() for x in lines[max(0, block.start - 8) : max(block.start, 0)]
                                          if len(x) <= _CITATION_LINE))
                          if m), None)
            adopted = "A/RES/" + cited.group("number") if cited else None
        if adopted and (symbol is None or "/L." in symbol):
            # The header cites the draft ("A/68/L.39") but the text is the adopted resolution.
            symbol = adopted
        if symbol is None and organ in RESOLUTION_PREFIX:
            symbol = _numbered_resolution(lines[max(0, block.start - 12) : max(block.start, 0)], RESOLUTION_PREFIX[organ])
        title = _line_title(lines, block) or meta.get("title")
        date = (None if own else meta.get("date")) or _header_date(lines[head_from : max(block.start, 0)])
    if not symbol and source:
        symbol = symbol_from_filename(source)
    return Identity(symbol, title, date)


def _letters(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


# A resolution's number and year (or session) as its title or a web page names it, in the six
# languages: "Resolution 2446 (2018)", "Резолюция 1224 (1999)", "第1232(1999)号决议",
# "القرار 338 (1973)".
_NUMBERED_RESOLUTION = lazy(
    r"(?:Resolution|Résolution|Resolución|Резолюция|Резолюція|القرار|قرار)\s+(?:№\s*|No\.?\s*|n[°º]\s*|رقم\s+)?"
    r"(\d{1,4})\s*\(((?:19|20)\d\d|[IVXL]+)\)"
    r"|第\s*(\d{1,4})\s*[(（]((?:19|20)\d\d)[)）]\s*号决议",
    re.IGNORECASE,
)
# The year of a Council's resolution or the session of an early Assembly one, printed after
# its number: "S/RES/338 (1973)", "A/RES/2758 (XXVI)".
_YEAR_AFTER = re.compile(r"\s*\(\s*((?:19|20)\d\d|[IVXL]+)\s*\)")


def _numbered_resolution(lines: list[str], prefix: str) -> str | None:
    """The symbol of a resolution its heading names by number and year ('S/RES/1224 (1999)').

    >>> _numbered_resolution(["Резолюция 1224 (1999), принятая Советом Безопасности"], "S/RES/")
    'S/RES/1224 (1999)'
    """
    for line in lines:
        if "|" in line:
            continue  # a web page's bar of links to the resolutions before and after this one
        match = _NUMBERED_RESOLUTION.search(line)
        if match:
            number, year = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
            return f"{prefix}{number} ({year})"
    return None


def _resolution_number(lines: list[str]) -> str | None:
    """'A/RES/68/262' from an adopted text's numbered title line ('68/262. Territorial …'), and
    'A/RES/2758 (XXVI)' from an early one's ('2758 (XXVI). Restoration of …').

    >>> _resolution_number(["2758 (XXVI). Restoration of the lawful rights"]), _resolution_number(["68/262. Territorial"])
    ('A/RES/2758 (XXVI)', 'A/RES/68/262')
    >>> _resolution_number(["Resolution 80/99. Protection of journalists"])  # as a web page heads it
    'A/RES/80/99'

    A resolution adopted in parts keeps its part letter ("79/247 A."), or letters ("79/247 A–B.").

    >>> _resolution_number(["79/247 B. Budget appropriations"]), _resolution_number(["79/247 A–B. Questions"])
    ('A/RES/79/247 B', 'A/RES/79/247 A-B')
    """
    for line in lines:
        match = re.match(r"^\s*(?:(?:Resolution|Résolution|Resolución|Резолюция)\s+)?((?:ES-\d+|S-\d+|\d+)/\d+)"
                         r"(?:\s?([A-H](?:\s?[-–‑]\s?[A-H])?))?\s*\.\s+\S", line)
        if match:
            return "A/RES/" + match.group(1) + _part(match.group(2))
        match = re.match(r"^\s*(?:(?:Resolution|Résolution|Resolución|Резолюция)\s+)?(\d{1,4})\s*((?:[A-Z]\s*)?)"
                         r"\(([IVXL]+|E?S-[IVX]+)\)\s*(?:[A-Z]\s*)?\.\s+\S", line)
        if match:
            return f"A/RES/{match.group(1)}{(' ' + match.group(2).strip()) if match.group(2).strip() else ''} ({match.group(3)})"
    return None


def _report_symbol(lines, block, preceding: str) -> str | None:
    found = [normalize_symbol(m.group(1)) for m in _SYMBOL.finditer(preceding)]
    drafts = [s for s in found if "/L." in s]
    if block.quoted and drafts:
        return drafts[-1]
    account = _account(lines)
    # A recommended draft: the report names it where it says the draft was adopted ("see para. 12").
    where = bisect.bisect_left(account.numbered, max(block.start, 0)) - 1
    here = account.numbers[where] if where >= 0 else None
    text = account.text
    if here:
        # "… adopted draft resolution A/C.2/65/L.61, as orally revised (see para. 9)": the draft
        # is the last one named in the sentence that points to this paragraph.
        for start in account.pointers.get(here, ()):
            sentence = re.split(r"[。.;；]\s|\n", text[max(0, start - 400) : start])[-1]
            named = [normalize_symbol(m.group(1)) for m in _SYMBOL.finditer(sentence)]
            named = [symbol for symbol in named if "/L." in symbol]
            if named:
                return named[-1]
    if account.adopted:
        return account.adopted
    return drafts[-1] if drafts else None


@dataclass(frozen=True, slots=True)
class _Account:
    """What a report's whole text says, read once however many drafts it holds (reading it again
    for each would take time growing with the square of the report's length)."""

    text: str
    numbered: list[int]  # indices of the lines that open a numbered paragraph, ascending
    numbers: list[str]  # their numbers
    pointers: dict[str, list[int]]  # "see para. 12" / "见第12段": where each number is pointed to
    adopted: str | None  # the last draft the report says was adopted


_ACCOUNTS: dict[int, tuple[list[str], _Account]] = {}


def _account(lines: list[str]) -> _Account:
    entry = _ACCOUNTS.get(id(lines))
    if entry is not None and entry[0] is lines:
        return entry[1]
    text = "\n".join(lines)
    numbered, numbers = [], []
    for index, line in enumerate(lines):
        match = re.match(r"^\s*(\d{1,3})\s?[.．]\s", line)
        if match:
            numbered.append(index)
            numbers.append(match.group(1))
    pointers: dict[str, list[int]] = {}
    for match in re.finditer(r"(?:见第|see para(?:graph)?\.?)\s*(\d+)", text):
        pointers.setdefault(match.group(1), []).append(match.start())
    adopted = None
    for match in re.finditer(r"通过了决议草案|adopted draft resolution", text):
        symbol = _SYMBOL.search(text[match.end() : match.end() + 80])
        if symbol:
            adopted = normalize_symbol(symbol.group(1))
    account = _Account(text, numbered, numbers, pointers, adopted)
    _ACCOUNTS.clear()  # one text at a time: the lines are kept with it, so its id stays theirs
    _ACCOUNTS[id(lines)] = (lines, account)
    return account


def _quoted_title(preceding: str) -> str | None:
    found = re.findall(r"题为[“\"]([^”\"]+)[”\"]的决议草案|entitled [“\"]([^”\"]+)[”\"]", preceding)
    for zh, en in reversed(found):
        return (zh or en).strip().rstrip(",")
    return None


# The heading a resolution's own text carries above its chapeau, naming it by number, in the six
# languages and as web pages title it: "Resolution 2446 (2018)", "Résolution 2351 (2017)",
# "Резолюция 1263,", "UN Security Council Resolution 338", "القرار رقم 338", "قرار مجلس الأمن
# رقم 381 بتاريخ …", "联合国安理会第1232号决议". A page's own label ("Резолюція" alone, a menu item)
# names no number and is no heading.
_HEADING = re.compile(
    r"^(?:(?:UN|U\.N\.|United Nations)\s+)?(?:(?:Security Council|General Assembly)\s+)?"
    r"(?:Resolution|Résolution|Resolución|Резолюция|Резолюція|القرار|قرار)"
    r"(?:\s+(?:مجلس الأمن(?:\s+الدولي)?|الأمم المتحدة))?\s+(?:№\s*|No\.?\s*|n[°º]\s*|رقم\s+)?\d{1,4}\b"
    r"|^\S{0,12}第\s*\d{1,4}\s*(?:[(（](?:19|20)\d\d[)）])?\s*[号號]\s*(?:决议|決議)$",
    re.IGNORECASE,
)
# The same heading inside a masthead flattened onto one line, after its distribution line
# ("S/RES/2351 (2017)* Nations Unies Conseil de sécurité Distr. générale 28 avril 2017 Résolution 2351 …").
_FLATTENED_HEADING = re.compile(
    r"\bDistr\.\s.*?\s(?=(?:Resolution|Résolution|Resolución|Резолюция)\s+\d{1,4}\s*\((?:19|20)\d\d\))")
# The lines that carry on a heading: its adoption line ("Adopted by the Security Council at its
# 4044th meeting", "принятая Советом Безопасности …", "…安全理事会第8401次会议通过") and the date
# after a comma.
_ADOPTION = re.compile(r"^(?:Adopted|Adoptée|Aprobada|Adoptada|Принята|الذي اتخذه|اتخذه)\b|(?:通过|通過)。?$", re.IGNORECASE)
# A page's prose about the text (an introduction of several sentences), never its title.
_PROSE = re.compile(r"[.!?]\s+[A-ZÀ-ÝА-ЯЁ\u0600-\u06FF]")


# A page's words about the text it prints ("Texte intégral de la résolution …", "نص القرار").
_ABOUT_THE_TEXT = re.compile(r"\b(?:texte intégral|texto completo|full text|полный текст|повний текст)\b|^نص القرار", re.IGNORECASE)


def _reads_as_prose(line: str) -> bool:
    line = _TITLE_NUMBER.sub("", line)  # "ES-11/3. Suspension of …" is a numbered title
    return len(line) > 80 and bool(_PROSE.search(line.replace("U.N. Doc.", "UN Doc")))


def _ends_a_text(line: str) -> bool:
    """Whether ``line`` is the line a text before this one ends with ("1976th plenary meeting, …"),
    not the adoption line a heading carries ("Adopted by the Security Council at its …")."""
    return bool(_END_OF_TEXT.match(line)) and not _ADOPTION.search(line)


def _heading_lines(lines, block) -> list[int] | None:
    """The lines of the heading that names the resolution (see ``_HEADING``) and of its adoption
    line, nearest above the chapeau; None when the text carries no such heading."""
    start = max(block.start, 0)
    for k in range(start - 1, max(0, start - 12) - 1, -1):
        stripped = lines[k].strip()
        if not stripped or NAVIGATION.search(stripped):
            continue
        if _TITLE_NUMBER.match(stripped) or _OPERATIVE.match(stripped) or stripped[-1] in ";；。" \
                or _ends_a_text(stripped):
            return None  # an adopted text's numbered title, or the text before this one
        if _reads_as_prose(stripped) or not (_HEADING.search(stripped) or _FLATTENED_HEADING.search(stripped)):
            continue
        found, previous = [k], stripped
        for j in range(k + 1, start):
            following = lines[j].strip()
            if not following or NAVIGATION.search(following):
                continue
            if not (_ADOPTION.search(following) or following[0].islower() or previous.endswith(",")):
                break
            found.append(j)
            previous = following
        return found
    return None


def title_lines(lines, block) -> list[int]:
    """The indices of the lines the title above the chapeau is read from (see ``_line_title``):
    the heading that names the resolution when there is one, else the lines just above."""
    heading = _heading_lines(lines, block)
    if heading:
        return heading
    candidates: list[int] = []
    for k in range(max(block.start, 0) - 1, max(0, block.start - 8) - 1, -1):
        stripped = lines[k].strip()
        if not stripped:
            if candidates:
                break
            continue
        if NAVIGATION.search(stripped):
            continue  # a web page's menu or bar of links around the title
        if (_is_header_line(stripped) and not _TITLE_NUMBER.match(stripped)) or _ends_a_text(stripped):
            # a header line, or the adoption line of the text before this one (a numbered
            # title is the title, whatever it ends with: "… eightieth session")
            break
        candidates.insert(0, k)
    numbered = [n for n, k in enumerate(candidates) if _TITLE_NUMBER.match(lines[k].strip())]
    return candidates[numbered[-1]:] if numbered else candidates[-3:]


def _line_title(lines, block) -> str | None:
    """The title printed above the chapeau: its last three lines, or all of them from the
    numbered title line ("50/174.  Strengthening of United Nations action" and four more)."""
    candidates = [lines[k].strip() for k in title_lines(lines, block)]
    if not candidates:
        return None
    flattened = _FLATTENED_HEADING.search(candidates[0])
    if flattened:
        candidates[0] = candidates[0][flattened.end():]
    # a library's citation after the heading ("…, U.N. Doc. S/RES/1263 (1999).")
    candidates = [line if _LIBRARY_CITATION.match(line[:_CITATION_LINE]) else re.sub(r",\s+U\.N\. Doc\. \S.*$", "", line)
                  for line in candidates]
    title = " ".join(candidates) if not has_cjk(candidates[0]) else "".join(candidates)
    title = _TITLE_NUMBER.sub("", title).strip()
    cited = _LIBRARY_CITATION.match(title) if len(title) <= _CITATION_LINE else None
    if cited:
        title = cited.group("title")
    return title or None


# Longest line read as such a heading (the pattern backtracks; a heading is a sentence long).
_CITATION_LINE = 600
# How the University of Minnesota Human Rights Library heads the resolutions it transcribes:
# "Title, G.A. res. 48/125, 48 U.N. GAOR Supp. (No. 49) at 244, U.N. Doc. A/48/49 (1993)."
_LIBRARY_CITATION = re.compile(
    r"^(?P<title>.+?),\s+G\.A\.\s+res\.\s+(?P<number>(?:ES-\d+|S-\d+|\d+)/\d+)\b.*\(\d{4}\)\.?$")


# The label a committee report prints above each draft it recommends, in the six languages:
# "Draft resolution I", "Projet de décision II", "决议草案一", "مشروع القرار الأول" …
_DRAFT_HEADING = re.compile(
    r"^(?:Draft (?:resolution|decision)|Projet de (?:résolution|décision)|Proyecto de (?:resolución|decisión)"
    r"|Проект (?:резолюции|решения)|مشروع (?:القرار|المقرر)|(?:决议|決議|决定|決定)草案)"
    r"(?:\s*(?:[IVXLC]{1,6}|\d{1,3}|[一二三四五六七八九十]{1,3}|[\u0600-\u06ff]{2,12}))?$",
    re.IGNORECASE,
)


# A sponsors line broken inside its draft words ("…, Chile and Canada: revised draft" /
# "resolution", "…和加拿大：订正" / "决议草案", "… : projet de" / "résolution", "…: مشروع" /
# "قرار"), either piece: no part of the title below it.
_BROKEN_DRAFT_WORDS = re.compile(r"[:：]\s*\**\s*(?:revised(?:\s+draft)?|draft|订正|訂正|projet(?:\s+de)?|proyecto(?:\s+de)?"
                                 r"|(?:пересмотренный\s+)?проект|مشروع)\s*$"
                                 r"|^\**\s*(?:(?:revised\s+)?(?:draft\s+)?(?:resolution|decision)|(?:决议|決議|决定|決定)?草案"
                                 r"|(?:de\s+)?(?:résolution|décision)(?:\s+révisé)?|(?:de\s+)?(?:resolución|decisión)(?:\s+revisado)?"
                                 r"|резолюции|решения|(?:قرار|مقرر)(?:\s+منقح)?)"
                                 r"\s*\**$", re.IGNORECASE)
# A sponsors line, ending in the draft words in any of the six languages ("…: draft resolution",
# "… : projet de résolution", "…: proyecto de resolución", "…: проект резолюции", "…: مشروع قرار",
# "…：决议草案").
_ENDS_WITH_DRAFT_WORDS = re.compile(rf"(?:{DRAFT_WORDS})\s*\**$", re.IGNORECASE)


def _is_header_line(line: str) -> bool:
    """
    >>> [_is_header_line(t) for t in ("Albania and Canada: revised draft", "resolution", "阿尔巴尼亚和加拿大：订正")]
    [True, True, True]
    >>> _is_header_line("Situation of human rights in Somewhere"), _is_header_line("Draft resolutions on oceans")
    (False, False)
    """
    if _TITLE_NUMBER.match(line) and not _OPERATIVE.match(line):
        return False  # a numbered title, even one a page ends with a full stop
    return bool(
        _DRAFT_HEADING.match(line)
        or _JOB_NUMBER.match(line) or _BARCODE.match(line) or _DISTR.match(line)
        or line.startswith("[") or bool(_ENDS_WITH_DRAFT_WORDS.search(line))
        or bool(_BROKEN_DRAFT_WORDS.search(line))
        or re.search(r"Resolution adopted by|通过的决议|大会决议|届会议$|Agenda item|议程项目", line)
        # the masthead's session ("Eightieth session", "Tenth emergency special session"), not a
        # title that ends with one ("Participation by the State of Palestine during the eightieth session")
        or (line.endswith("session") and len(line.split()) <= 4)
        or bool(AGENDA.search(line[:300]))
        or _OPERATIVE.match(line) or line[-1] in "。;；"
        # a web page's prose before the text ("… la resolución 2758 estipula:"), not a title
        or bool(re.fullmatch(r"[A-Z]{1,2}/\S+(?:\s*\((?:(?:19|20)\d\d|[IVXL]+)\))?\*?", line))  # the symbol alone
        or (len(line) > 80 and line[-1] in ".:" and not (len(line) <= _CITATION_LINE and _LIBRARY_CITATION.match(line)))
        or (_reads_as_prose(line) and not _LIBRARY_CITATION.match(line[:_CITATION_LINE]))
        or bool(ORGAN_NAME.fullmatch(line))
        or bool(_ABOUT_THE_TEXT.search(line))
    )


# A symbol alone on its line, as a page's head or foot prints it ("A/RES/60/1", "A/68/L.39*",
# "S/RES/2446 (2018)"), perhaps with the page's number after it ("A/RES/60/1 Page 2"; a number
# before it would be a footnote's: "1 A/RES/60/1").
_RUNNING_SYMBOL = re.compile(r"[A-Z]{1,2}/[A-Za-z0-9./\-]*[A-Za-z0-9](?:\s*\((?:(?:19|20)\d\d|[IVXL]+)\))?\*?"
                             r"(?:\s+(?:Page|Página|第)\s*\d{1,3}\s*页?|\s+\d{1,3}(?:/\d{1,3})?)?")


def _has_masthead(lines: list[str]) -> bool:
    """Whether the lines hold a document's masthead: the organization's or organ's name with a
    symbol after it ("United Nations A/C.3/80/L.12/Rev.1", "联合国 A/C.3/80/L.12"), or the
    distribution line ("General Assembly Distr.: Limited").

    >>> _has_masthead(["United Nations A/C.3/80/L.12/Rev.1", "General Assembly Distr.: Limited"])
    True
    >>> _has_masthead(["1 A/RES/60/1.", "77th plenary meeting"])
    False
    """
    for line in lines:
        stripped = line.strip()
        if _DISTR_IN.search(stripped) and len(stripped) <= 80:
            return True
        if any(stripped.startswith(name) for name in MASTHEAD_LINES) and _SYMBOL.search(stripped) and len(stripped) <= 80:
            return True
    return False


_DISTR_IN = re.compile(r"\bDistr\s*[.:：]|分发\s*[:：]")


def _header_symbol(lines, block, begin: int = 0) -> str | None:
    counts: dict[str, int] = {}
    order: list[str] = []
    masthead = 0  # the first page's top lines: "United Nations   A/RES/ES-11/1"
    letter = ""  # a symbol's first letter, set larger, that an extraction put on a line of its own
    head = lines[begin : max(block.start, 0) + 1]
    notes = False  # below a footnote rule inside the text
    for index, line in enumerate(head + lines[block.start + 1 : block.end]):
        stripped = line.strip()
        if index >= len(head):
            # Inside the text only a page's head or foot names the document (the symbol with the
            # page's job number and barcode, or alone on its line above any footnote rule): a
            # footnote or a paragraph that cites a symbol ("1 A/RES/60/1.", "(A/RES/60/1)")
            # is citing another document.
            notes = notes or bool(_SEPARATOR.match(stripped))
            foot = bool(_BARCODE.match(stripped) or (_FURNITURE_LINE.match(stripped) and glued_symbol(stripped)))
            if not (foot or (not notes and _RUNNING_SYMBOL.fullmatch(stripped))):
                continue
            notes = notes and not foot  # a page's foot ends its footnotes
        if masthead < 3 and stripped in {"A", "S", "E"}:
            letter = stripped
            continue
        if letter and masthead < 3:
            stripped = re.sub(r"(^|\s)/(?=[A-Z])", rf"\g<1>{letter}/", stripped, count=1)
            letter = ""
        if not stripped or (len(stripped) > 80 and not _BARCODE.match(stripped)
                            and not (masthead < 3 and glued_symbol(stripped))):
            continue
        masthead += 1
        # A symbol in brackets is cited ("(S/2014/136)", "[… (A/ES-11/L.1 …)]"), not this document's.
        cited = {m.start() for m in _SYMBOL.finditer(stripped) if stripped[: m.start()].count("(")
                 > stripped[: m.start()].count(")") or stripped[: m.start()].count("[") > stripped[: m.start()].count("]")}
        found = [(_with_year(normalize_symbol(m.group(1)), stripped, m.end()), 1)
                 for m in _SYMBOL.finditer(stripped) if m.start() not in cited]
        glued = glued_symbol(stripped)
        if masthead <= 3 and glued and glued.start() > 0 and not found[:-1]:
            found = [(normalize_symbol(glued.group(1)), 5)]
        glued = glued_symbol(stripped)
        if glued and (_BARCODE.match(stripped) or _FURNITURE_LINE.match(stripped)):
            # The symbol a page's head or foot carries names the document; a symbol cited
            # in a footnote does not, however often it recurs.
            found = [(normalize_symbol(glued.group(1)), 3)]
        for symbol, weight in found:
            if symbol.count("/") < 2:
                continue
            if symbol not in counts:
                order.append(symbol)
            counts[symbol] = counts.get(symbol, 0) + weight
    if not counts:
        return None
    return max(order, key=lambda s: (counts[s], -order.index(s)))


# The part letter (or letters) a resolution adopted in parts prints after its symbol, last on
# the masthead's line or before the next column: "A/RES/79/247 A", "A/RES/79/247 A-B".
_PART_AFTER = re.compile(r"\s([A-H](?:\s?[-–‑]\s?[A-H])?)(?=\s*$|\s{2,})")


def _part(letters: str | None) -> str:
    """The part letters as a symbol carries them: " A", " A-B" (a hyphen, however printed)."""
    return " " + re.sub(r"\s?[-–‑]\s?", "-", letters) if letters else ""


def _with_year(symbol: str, line: str, end: int) -> str:
    """A resolution's symbol with the year or session the UN prints after its number, or the
    part letter of one adopted in parts (parts A and B are two resolutions, stored apart).

    >>> _with_year("S/RES/338", "S/RES/338 (1973)", 9), _with_year("A/RES/68/262", "A/RES/68/262 (2014)", 12)
    ('S/RES/338 (1973)', 'A/RES/68/262')
    >>> [_with_year("A/RES/79/247", line, 27) for line in ("United Nations A/RES/79/247 A", "United Nations A/RES/79/247 B  Distr.: General",
    ...                                                  "United Nations A/RES/79/247 A–B", "United Nations A/RES/79/247 A Decides")]
    ['A/RES/79/247 A', 'A/RES/79/247 B', 'A/RES/79/247 A-B', 'A/RES/79/247']
    """
    part = _PART_AFTER.match(line, end)
    if part and "/RES/" in symbol:
        return symbol + _part(part.group(1))
    year = _YEAR_AFTER.match(line, end)
    if year and re.fullmatch(r"[ASE]/RES/\d{1,4}", symbol):
        return f"{symbol} ({year.group(1)})"
    return symbol


def _header_date(lines) -> str | None:
    """The first date of the calendar the masthead prints, as YYYY-MM-DD: a day no month has
    ("31 February 2025", "0 декабря 2025 года", a misprint or a misread) is none.

    >>> _header_date(["Distr.: General", "31 février 2025", "2 de marzo de 2025"])
    '2025-03-02'
    >>> _header_date(["2025年2月30日"]) is None
    True
    """
    head = "\n".join(lines[:40])
    for match in _EN_DATE.finditer(head):
        month = _MONTHS[re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", match.group(2))).casefold()]
        day = _calendar_day(int(match.group(3)), month, int(match.group(1)))
        if day:
            return day
    for match in _ZH_DATE.finditer(head):
        day = _calendar_day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day:
            return day
    return None


def _calendar_day(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def symbol_from_filename(source: str) -> str | None:
    """The symbol a file name spells with underscores for slashes, if it spells one.

    >>> symbol_from_filename("corpus/A_C.3_78_L.41.en.txt"), symbol_from_filename("A_RES_68_262-EN.pdf")
    ('A/C.3/78/L.41', 'A/RES/68/262')
    >>> symbol_from_filename("UN_01-66657_draft_right_to_development.txt") is None
    True
    >>> symbol_from_filename("S_RES_338_1973__lexicorient.en.txt"), symbol_from_filename("A_RES_2758_XXVI.es.txt")
    ('S/RES/338 (1973)', 'A/RES/2758 (XXVI)')
    """
    name = re.split(r"[\\/]", source)[-1]
    # A dot that is not followed by a digit ends the symbol: "L.41" continues, ".en.txt" does not.
    stem = re.split(r"\.(?!\d)", name)[0]
    stem = re.sub(r"-(?:EN|ZH|FR|ES|RU|AR|en|zh|fr|es|ru|ar)$", "", stem)
    parts = []
    for part in stem.split("_"):
        if not re.fullmatch(r"[A-Z0-9][A-Z0-9.\-]*", part):
            break
        parts.append(part)
    if len(parts) < 3 or not re.fullmatch(r"[A-Z]{1,2}", parts[0]):
        return None
    if len(parts) == 4 and parts[0] in {"A", "S", "E"} and parts[1] == "RES" and parts[2].isdigit() \
            and re.fullmatch(r"(?:19|20)\d\d|[IVXL]+", parts[3]):
        # A Council's resolution by its year, an early Assembly's by its session, as the UN
        # writes them: "S/RES/338 (1973)", "A/RES/2758 (XXVI)".
        return f"{parts[0]}/RES/{parts[2]} ({parts[3]})"
    return "/".join(parts)
