"""What a committee report records: who introduced, revised, adopted or withdrew which draft, when.

Pure functions over text. ``proceedings(text)`` reads the numbered narrative paragraphs of a
Second or Third Committee report (Chinese or English) into a timeline of events;
``header_links(text)`` reads the bracket under an adopted resolution's heading
("[on the report of the Second Committee (A/65/433)]", "[without reference to a Main Committee
(A/ES-11/L.1 and …)]"), which names the draft or report the resolution came from.

>>> events = proceedings("5. At its 27th meeting, on 4 November 2010, the representative of "
...                      "Yemen introduced draft resolution A/C.2/65/L.22.").events
>>> events[0].kind.value, events[0].date, events[0].meeting, events[0].speakers[0].name
('introduced', '2010-11-04', 27, 'Yemen')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ..lazypattern import lazy
from .identity import normalize_symbol
from .patterns import _SEPARATOR

__all__ = [
    "EventKind", "Speaker", "Event", "Proceedings", "Link",
    "proceedings", "links", "header_links", "agenda_item", "report_symbol", "session_of",
]


class EventKind(str, Enum):
    """A step in the life of a draft, in the words reports use."""

    INTRODUCED = "introduced"
    SUBMITTED = "submitted"
    REVISED = "revised"
    STATEMENT = "statement"
    ADOPTED = "adopted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who spoke or acted, as the report names them (a country, or an officer with a role)."""

    name: str
    on_behalf_of: str | None = None
    also: bool = False  # "also on behalf of": the speaker's own country as well
    role: str | None = None  # Vice-Chair, Chair, Rapporteur (副主席 …)


@dataclass(frozen=True, slots=True)
class Event:
    """One step of the proceedings, with the report paragraph that records it."""

    kind: EventKind
    paragraph: int
    symbol: str | None
    date: str | None = None
    meeting: int | None = None
    speakers: tuple[Speaker, ...] = ()
    basis: str | None = None  # the draft whose informal consultations produced this one
    timing: str | None = None  # for statements: "before" or "after" the action
    detail: str | None = None  # how: "without a vote", "recorded vote 120-8-45", "as orally revised"


@dataclass(frozen=True, slots=True)
class Proceedings:
    """The timeline a report records, and the report's own identity."""

    symbol: str | None
    agenda_item: str | None
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """``successor`` is a later version of ``predecessor``; ``reason`` says how we know."""

    predecessor: str
    successor: str
    reason: str


# A draft's symbol as reports print it, stray spaces included: A/C. 2/65/L. 22, A/ES-11/L.1/Rev.1.
# Each part reads one way only ("C. 2", "C 2", "65"): a part that could split its digits in many
# ways would take time growing with the square of a long run of digits.
DRAFT = (r"A\s*/\s*(?:[A-Z0-9\-]+(?:\s*\.\s*\d*|\s+\d+)?\s*/\s*){1,3}L\s*\.\s*\d+"
         r"(?:\s*/\s*(?:Rev|Add|Corr)\s*\.\s*\d+)*")
_DRAFT = lazy(DRAFT)
_REPORT_SYMBOL = lazy(r"\bA\s*/\s*(\d{1,3})\s*/\s*(\d{1,4})(?:\s*/\s*Add\s*\.\s*\d+)?\b")

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]
_MONTH = "(" + "|".join(m.capitalize() for m in _MONTHS) + ")"
# Meeting numbers of at most four digits: they are read as numbers (a run of thousands of
# digits is no number Python converts).
_ORDINAL = r"(\d{1,4})(?:st|nd|rd|th)"

_WHITE = lazy(r"\s+")
_PARAGRAPH = lazy(r"^\s*(\d{1,3})\s?[.．]\s+(\S.*)$")
_HEADING = lazy(r"^\s*(?:[IVX]{1,5}|[一二三四五六七八九十]{1,3})\s?[.．、]\s*\S")
_TERMINAL = ("。", ".", ":", "：", ";", "；")

# zh: 在 11 月 4 日第 27 次会议上 / 又在第 31 次会议上 / 在同次会议上
_ZH_MEETING = lazy(r"在\s*(?:(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*)?(?:的\s*)?第\s*(\d{1,4})\s*次(?:全体)?会议上")
_ZH_SAME = lazy(r"在同次会议上|在同一次会议上")
_EN_MEETING = lazy(rf"\bAt (?:its|the) {_ORDINAL} (?:plenary )?meeting,? on (\d{{1,2}}) {_MONTH}(?: (\d{{4}}))?")
_EN_MEETING_ONLY = lazy(rf"\bAt (?:its|the) {_ORDINAL} (?:plenary )?meeting\b")
_EN_SAME = lazy(r"\bAt the same meeting\b", re.I)


def session_of(symbol: str) -> str | None:
    """The session a symbol belongs to: '65' for A/C.2/65/L.22, 'ES-11' for A/ES-11/L.1.

    >>> session_of("A/RES/65/141"), session_of("A/ES-11/L.1"), session_of("A/80/L.11")
    ('65', 'ES-11', '80')
    """
    for part in symbol.split("/")[1:]:
        if re.fullmatch(r"\d{1,3}|ES-\d+", part):
            return part
    return None


def report_symbol(text: str) -> str | None:
    """The report's own symbol from its first lines (A/65/433), if printed there: as the masthead
    prints it, not cited in brackets or in a footnote.

    >>> report_symbol("United Nations A/65/433\\nGeneral Assembly Distr.: General")
    'A/65/433'
    >>> report_symbol("The General Assembly,\\nGuided by the Charter,1\\n__________\\n1 See A/78/53, chap. III.")
    >>> report_symbol("Recalling x,\\n(A/78/53), chap. III.")
    """
    notes = False
    for line in text.split("\n")[:20]:
        stripped = " ".join(line.split())
        notes = notes or bool(_SEPARATOR.match(stripped))  # below a footnote rule: footnotes
        if notes or len(stripped) > 60:
            continue  # a sentence citing other documents, not the symbol in the header
        match = _REPORT_SYMBOL.search(stripped)
        if match and stripped[: match.start()].count("(") <= stripped[: match.start()].count(")"):
            return normalize_symbol(match.group(0))
    return None


def agenda_item(text: str) -> str | None:
    """The agenda item named at the head of a report or resolution ('17', '33 (b)')."""
    head = "\n".join(text.split("\n")[:40])
    match = re.search(r"(?:Agenda item|议程项目|議程項目)\s*(\d+)(?:\s*\(\s*([a-z])\s*\))?", head)
    if not match:
        return None
    return match.group(1) + (f" ({match.group(2)})" if match.group(2) else "")


def header_links(text: str) -> tuple[tuple[str, str], ...]:
    """What an adopted resolution says it came from: ('draft', symbol) or ('report', symbol).

    >>> header_links("[without reference to a Main Committee (A/ES-11/L.1 and A/ES-11/L.1/Add.1)]")
    (('draft', 'A/ES-11/L.1'),)
    >>> header_links("[on the report of the Second Committee (A/65/433)]")
    (('report', 'A/65/433'),)
    """
    head = "\n".join(text.split("\n")[:60])
    found: list[tuple[str, str]] = []
    for bracket in re.findall(r"\[([^\[\]]{0,300})\]", head):
        flat = " ".join(bracket.split())
        if not re.search(r"Main Committee|report of|委员会|报告|報告", flat):
            continue
        for match in _DRAFT.finditer(flat):
            symbol = normalize_symbol(match.group(0))
            if re.search(r"/(?:Add|Corr)\.\d+$", symbol):
                continue  # addenda list sponsors; the text is the main document's
            found.append(("draft", symbol))
        if not found:
            report = _REPORT_SYMBOL.search(flat)
            if report:
                found.append(("report", normalize_symbol(report.group(0))))
    return tuple(dict.fromkeys(found))


# --- report narrative ----------------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """The report's own numbered paragraphs, in order; quoted draft text is left out.

    A report's paragraphs are numbered 1, 2, 3 … without gaps, so a line numbered otherwise is an
    operative paragraph of a quoted or recommended draft.
    """
    out: list[tuple[int, list[str]]] = []
    expected = 1
    current: list[str] | None = None
    for line in text.split("\n"):
        stripped = line.strip()
        match = _PARAGRAPH.match(line)
        if match and (int(match.group(1)) == expected or not out) and not stripped.startswith(("“", '"')):
            # The first one may be any number, so that an excerpt of a report reads too.
            expected = int(match.group(1))
            current = [match.group(2).strip()]
            out.append((expected, current))
            expected += 1
            continue
        if current is None:
            continue
        if not stripped:
            if current[-1].endswith(_TERMINAL):
                current = None
            continue
        if stripped.startswith(("“", '"', "”")) or _HEADING.match(line) or match:
            current = None
            continue
        current.append(stripped)
    return [(n, _join_lines(lines)) for n, lines in out]


def _closes_up(char: str) -> bool:
    """Chinese text and its punctuation join the next line without a space."""
    return "\u3000" <= char <= "\u9fff" or char in "（）“”，。；："


def _join_lines(lines: list[str]) -> str:
    """One paragraph of the report's lines, each run of white space one space.

    The rules below read a paragraph with ``\\s*`` between words: with every run one space long,
    no rule spends more than a step on white space wherever it starts.
    """
    pieces: list[str] = []
    for line in lines:
        if pieces and not (_closes_up(pieces[-1][-1]) or _closes_up(line[0])):
            pieces.append(" ")
        pieces.append(line)
    return _WHITE.sub(" ", "".join(pieces))


def _year_of(text: str) -> int | None:
    """The calendar year the session opened, for dates printed without a year."""
    match = re.search(r"(\d{4})\s*年\s*\d{1,2}\s*月|\b\d{1,2} " + _MONTH + r" (\d{4})\b", text)
    if match:
        year = int(match.group(1) or match.group(3))
        month = None
        if match.group(2):
            month = _MONTHS.index(match.group(2).lower()) + 1
        else:
            found = re.match(r"\d{4}\s*年\s*(\d{1,2})", match.group(0))
            month = int(found.group(1)) if found else 9
        return year if month >= 9 else year - 1
    match = _DRAFT.search(text)
    if match:
        session = session_of(normalize_symbol(match.group(0)))
        if session and session.isdigit():
            return 1945 + int(session)
    return None


def _iso(year: int | None, month: int, day: int, explicit_year: str | None = None) -> str | None:
    if explicit_year:
        return f"{int(explicit_year):04d}-{month:02d}-{day:02d}"
    if year is None:
        return None
    # A session opens in September and runs into the next year.
    return f"{year + (1 if month < 9 else 0):04d}-{month:02d}-{day:02d}"


def draft_dates(record: Proceedings) -> dict[str, str]:
    """The day each draft was introduced or submitted, as the report's account gives it."""
    dates: dict[str, str] = {}
    for event in record.events:
        if event.kind.value in ("introduced", "submitted") and event.symbol and event.date:
            dates.setdefault(event.symbol, event.date)
    return dates


def proceedings(text: str) -> Proceedings:
    """The timeline of a committee report: introduced, submitted, revised, statements, adopted, withdrawn."""
    year = _year_of(text)
    events: list[Event] = []
    meeting: int | None = None
    date: str | None = None
    dates: dict[int, str] = {}
    mentioned: str | None = None  # the draft last named: "the draft resolution" means it
    for number, paragraph in _paragraphs(text):
        zh = bool(re.search(r"[\u4e00-\u9fff]", paragraph))
        # The meeting this paragraph speaks of: named, "the same", or else the last one named.
        match = _ZH_MEETING.search(paragraph) if zh else _EN_MEETING.search(paragraph)
        if match and zh:
            meeting = int(match.group(3))
            if match.group(1):
                date = _iso(year, int(match.group(1)), int(match.group(2)))
            else:
                date = dates.get(meeting, date)
        elif match:
            meeting = int(match.group(1))
            date = _iso(year, _MONTHS.index(match.group(3).lower()) + 1, int(match.group(2)), match.group(4))
        elif not zh and (found := _EN_MEETING_ONLY.search(paragraph)):
            meeting = int(found.group(1))
            date = dates.get(meeting, date)
        if meeting is not None and date is not None:
            dates.setdefault(meeting, date)
        found_events = _zh_events(paragraph) if zh else _en_events(paragraph, mentioned)
        acted_on = [e.symbol for e in found_events if e.symbol and e.kind is not EventKind.STATEMENT]
        mentioned = (acted_on[-1] if acted_on else None) or _last_symbol(paragraph) or mentioned
        for event in found_events:
            events.append(Event(kind=event.kind, paragraph=number, symbol=event.symbol, date=date,
                                meeting=meeting, speakers=event.speakers, basis=event.basis,
                                timing=event.timing, detail=event.detail))
    return Proceedings(symbol=report_symbol(text), agenda_item=agenda_item(text),
                       events=_timeline(events))


def _timeline(events: list[Event]) -> tuple[Event, ...]:
    """Events in the order they happened: a statement made before an action goes before it."""
    ordered = list(events)
    for event in events:
        if event.kind is not EventKind.STATEMENT or event.timing != "before":
            continue
        for k, other in enumerate(ordered):
            if (other.kind in (EventKind.ADOPTED, EventKind.REJECTED) and other.meeting == event.meeting
                    and (event.symbol is None or other.symbol == event.symbol)
                    and ordered.index(event) > k):
                ordered.remove(event)
                ordered.insert(k, event)
                break
    return tuple(ordered)


def _symbols(text: str) -> list[str]:
    return [normalize_symbol(m.group(0)) for m in _DRAFT.finditer(text)]


def _last_symbol(text: str) -> str | None:
    found = _symbols(text)
    return found[-1] if found else None


# --- Chinese rules -------------------------------------------------------------------------------

# Every rule runs in time linear in the paragraph: white space is one space (_join_lines), and
# what stands between two phrases (a speaker, a title) is at most NAME characters, or, where
# unbounded, found by a plain search, never by a wildcard that would rescan the rest of the
# paragraph from every place the first phrase occurs.
NAME = 300
_ZH_INTRODUCED = lazy(r"决议草案\s*[(（]?\s*(" + DRAFT + ")")
# Submitted: an officer, within NAME characters before "根据就决议草案 …".
_ZH_OFFICER = lazy(r"副主席|主席|报告员|協調員|协调员")
_ZH_SUBMITTED = lazy(r"根据就决议草案\s*(" + DRAFT + rf")\s*进行的非正式协商提出的.{{0,{NAME}}}?决议草案\s*[(（]\s*("
                           + DRAFT + ")")
# Revised: who, in the 40 characters before "代表 … 口头订正".
_ZH_REVISED = lazy(rf"代表\s*(?:[(（][^()（）]{{0,{NAME}}}[)）])?\s*口头订正了?\s*(?:决议草案\s*(" + DRAFT + "))?")
# Adopted: "通过了(经口头订正的)决议草案 X", and how, just before it: "未经表决", or "以记录表决"
# and at most NAME characters without a comma (the vote). The phrase is found first and the
# manner looked for behind it: a pattern starting with the optional manner would scan NAME
# characters from every "以记录表决" of a paragraph that adopts nothing.
_ZH_ADOPTED = lazy(r"通过了?(经口头订正的)?决议草案\s*(" + DRAFT + ")")
_ZH_WITHDRAWN = lazy(r"决议草案\s*(" + DRAFT + r")\s*(?:由其提案国|被|已)?撤回")
_ZH_SAID = lazy(r"发了言|作了发言|发言解释")
_ZH_SPEAKER = lazy(rf"代表\s*(?:[(（]([^()（）]{{0,{NAME}}})[)）])?")


def _zh_speakers(segment: str) -> tuple[Speaker, ...]:
    """比利时代表(代表欧洲联盟…)和加拿大代表(还代表澳大利亚和新西兰) -> two speakers."""
    speakers = []
    start = 0
    for match in _ZH_SPEAKER.finditer(segment):
        name = segment[start:match.start()]
        start = match.end()
        name = re.sub(r"^[\s，,、；;]*(?:以及|和|及)?\s*", "", name).strip()
        name = re.sub(r"^.*?[，,]\s*", "", name)  # drop a leading clause (该决议草案通过后，…)
        if not name:
            continue
        behalf = match.group(1)
        also = False
        if behalf:
            also = behalf.startswith("还代表") or behalf.startswith("也代表")
            behalf = re.sub(r"^(?:还|也)?代表\s*", "", behalf).strip()
        speakers.append(Speaker(name=name, on_behalf_of=behalf or None, also=also))
    return tuple(speakers)


def _zh_officer(body: str, end: int) -> tuple[str, str] | None:
    """The first officer named within NAME characters before ``end``, with the name that follows."""
    for found in _ZH_OFFICER.finditer(body, max(0, end - NAME - 8), end):
        name = body[found.end():end].strip()
        if 0 < len(name) <= NAME:
            return found.group(0), name
    return None


def _zh_manner(body: str, start: int, end: int) -> str | None:
    """How a draft was adopted, written just before "通过" at ``end`` (and after ``start``):
    "未经表决", or the first "以记录表决" followed by at most NAME characters and no comma,
    before an optional comma; None when neither.

    >>> _zh_manner("委员会以记录表决（150票对2票）， 通过", 0, 19), _zh_manner("，未经表决通过", 0, 5)
    ('以记录表决（150票对2票）', '未经表决')
    """
    stop = end
    while stop > start and body[stop - 1].isspace():
        stop -= 1
    if stop > start and body[stop - 1] in "，,":
        stop -= 1
        while stop > start and body[stop - 1].isspace():
            stop -= 1
    comma = max(body.rfind("，", start, stop), body.rfind(",", start, stop))
    vote = body.find("以记录表决", max(start, comma + 1, stop - len("以记录表决") - NAME), stop)
    if vote >= 0:
        return body[vote:stop]
    return "未经表决" if stop - start >= 4 and body.startswith("未经表决", stop - 4) else None


def _zh_events(paragraph: str) -> list[Event]:
    events: list[Event] = []
    body = _ZH_MEETING.sub("", _ZH_SAME.sub("", paragraph))
    body = re.sub(r"^\s*又\s*[，,]?\s*", "", body)
    # Who introduced: all before the first 介绍了; what: the first draft named after it.
    introduced = body.find("介绍了", 1)
    match = _ZH_INTRODUCED.search(body, introduced + 3) if introduced > 0 else None
    if match:
        events.append(Event(EventKind.INTRODUCED, 0, normalize_symbol(match.group(1)),
                            speakers=_zh_speakers(body[:introduced])))
    for match in _ZH_SUBMITTED.finditer(body):
        officer = _zh_officer(body, match.start())
        if officer:
            events.append(Event(EventKind.SUBMITTED, 0, normalize_symbol(match.group(2)),
                                speakers=(Speaker(name=officer[1], role=officer[0]),),
                                basis=normalize_symbol(match.group(1))))
            break
    last = _last_symbol(body)  # once: each event below may name it
    start = 0
    while match := _ZH_REVISED.search(body, start):
        who = body[max(start, match.start() - 40):match.start()]
        events.append(Event(EventKind.REVISED, 0, normalize_symbol(match.group(1)) if match.group(1) else last,
                            speakers=_zh_speakers(who + "代表"), detail="orally revised"))
        start = match.end()
    previous = 0
    for match in _ZH_ADOPTED.finditer(body):
        detail = ", ".join(d for d in (_zh_manner(body, previous, match.start()),
                                       "经口头订正" if match.group(1) else None) if d) or None
        events.append(Event(EventKind.ADOPTED, 0, normalize_symbol(match.group(2)), detail=detail))
        previous = match.end()
    for match in _ZH_WITHDRAWN.finditer(body):
        events.append(Event(EventKind.WITHDRAWN, 0, normalize_symbol(match.group(1))))
    if _ZH_SAID.search(body):
        for clause in re.split(r"[；;。]", body):
            said = _ZH_SAID.search(clause)
            if not said:
                continue
            head = clause[:said.start()]
            timing = None
            when = re.search(r"(通过|表决)(前|之前|后|之后)", head)
            if when:
                timing = "before" if "前" in when.group(2) else "after"
            symbol = _last_symbol(head) or last
            speakers = _zh_speakers(head[when.end():] if when else head)
            if speakers:
                events.append(Event(EventKind.STATEMENT, 0, symbol, speakers=speakers, timing=timing))
    return events


# --- English rules -------------------------------------------------------------------------------


def _split_top(text: str, separators: str) -> list[str]:
    """Split on ``separators`` (a regex) outside parentheses."""
    parts, depth, start, i = [], 0, 0, 0
    pattern = re.compile(separators)
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            match = pattern.match(text, i)
            if match:
                parts.append(text[start:i])
                start = i = match.end()
                continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


# The English rules, bounded as the Chinese ones are (NAME characters between two phrases).
_EN_BEHALF_BRACKET = lazy(rf"^(.{{0,{NAME}}}?)\s*\(\s*(also )?on behalf of\s+(.*)\)\s*$", re.S)
_EN_BEHALF = lazy(rf"^(.{{0,{NAME}}}?),\s*(also )?on behalf of\s+(.*)$", re.S)
_EN_INTRODUCED = lazy(rf"\b[Tt]he representative of (.{{1,{NAME}}}?),?\s+introduced (?:a |the )?(?:revised )?"
                            r"draft resolution")
_EN_INTRODUCED_BY = lazy(r"draft resolution (" + DRAFT + rf")\s*(?:,[^,]{{0,{NAME}}},\s*)?was introduced by "
                               rf"(.{{1,{NAME}}}?)(?:\.|$)")
# Read in the last few NAMEs of text before "on the basis of informal consultations" only.
_EN_OFFICER = lazy(r"\b(Vice-Chair|Vice-Chairman|Vice-Chairperson|Chair|Chairman|Chairperson|Rapporteur|"
                         r"Facilitator)(?: of the Committee)?,\s*((?:[^,()]|\([^)]*\))+?),")
_EN_REVISED = lazy(rf"\b[Tt]he representative of (.{{1,{NAME}}}?) orally (revised|corrected)")
_EN_STATEMENTS = lazy(r"\bstatements? (?:was|were) made by (?=.)")


def _en_speaker(entry: str) -> Speaker:
    entry = re.sub(r"^(?:the )?representatives? of\s+", "", entry.strip())
    entry = re.sub(r"^the\s+(?=[A-Z])", "", entry)
    match = _EN_BEHALF_BRACKET.match(entry)
    if match:
        return Speaker(name=match.group(1).strip(), on_behalf_of=re.sub(r"^the\s+", "", match.group(3).strip()),
                       also=bool(match.group(2)))
    match = _EN_BEHALF.match(entry)
    if match:
        return Speaker(name=match.group(1).strip(), on_behalf_of=re.sub(r"^the\s+", "", match.group(3).strip()),
                       also=bool(match.group(2)))
    return Speaker(name=entry.rstrip(",. "))


# Member States whose names contain "and": a list of speakers must not be split inside them.
_AND_NAMES = ("Antigua and Barbuda", "Bosnia and Herzegovina", "Saint Kitts and Nevis",
              "Saint Vincent and the Grenadines", "Sao Tome and Principe", "Trinidad and Tobago",
              "United Kingdom of Great Britain and Northern Ireland")
_AND_MARK = "\u0000"


def _en_speakers(text: str) -> tuple[Speaker, ...]:
    text = re.sub(r"\s*\(see A/C\.\s*\d/\d+/SR\.\s*\d+\)", "", text).strip().rstrip(".")
    for name in _AND_NAMES:
        text = text.replace(name, name.replace(" and ", _AND_MARK))
    entries = _split_top(text, r",\s*(?:and\s+)?")
    if entries:
        # "A, B and C": only the last entry holds the final "and".
        last = _split_top(entries[-1], r"\s+and\s+(?=(?:the )?representatives? of|[A-Z])")
        entries[-1:] = last[:1] + ([" and ".join(last[1:])] if len(last) > 1 else [])
    return tuple(_en_speaker(e.replace(_AND_MARK, " and ")) for e in entries if e.strip())


def _sentences(paragraph: str) -> list[str]:
    # A full stop ends a sentence unless it sits inside a symbol (L.22) or an abbreviation (para.).
    return [s for s in re.split(r"(?<!\bpara)(?<!\bparas)(?<!\bNo)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<![A-Z])\.\s+(?=[A-Z])", paragraph) if s.strip()]


def _en_events(paragraph: str, last_symbol: str | None = None) -> list[Event]:
    events: list[Event] = []
    for sentence in _sentences(paragraph):
        symbols = _symbols(sentence)
        sentence_symbol = symbols[-1] if symbols else last_symbol
        match = _EN_INTRODUCED.search(sentence)
        if match:
            subject = re.sub(r"^.*?meeting,? (?:on \d{1,2} \w+(?: \d{4})?,? )?", "", match.group(1))
            symbol = symbols[0] if symbols else last_symbol
            events.append(Event(EventKind.INTRODUCED, 0, symbol, speakers=(_en_speaker(subject),)))
        match = _EN_INTRODUCED_BY.search(sentence)
        if match:
            events.append(Event(EventKind.INTRODUCED, 0, normalize_symbol(match.group(1)),
                                speakers=(_en_speaker(match.group(2)),)))
        basis = re.search(r"on the basis of informal consultations (?:held )?on draft resolution (" + DRAFT + ")", sentence)
        if basis:
            before = sentence[: basis.start()]
            new = _symbols(before)
            officer = _EN_OFFICER.search(before[-4 * NAME:])
            speakers = (Speaker(name=officer.group(2).strip(), role=officer.group(1)),) if officer else ()
            if new:
                events.append(Event(EventKind.SUBMITTED, 0, new[-1], speakers=speakers,
                                    basis=normalize_symbol(basis.group(1))))
        match = _EN_REVISED.search(sentence) or \
            re.search(r"\b[Tt]he (Vice-Chair|Chair|Rapporteur|Facilitator)(?: of the Committee)?(?:, ([^,]+),)? orally (revised|corrected)", sentence)
        if match:
            if match.re.pattern.startswith("\\b[Tt]he representative"):
                subject = re.sub(r"^.*?meeting,? (?:on \d{1,2} \w+(?: \d{4})?,? )?", "", match.group(1))
                speaker = _en_speaker(subject)
                how = match.group(2)
            else:
                speaker = Speaker(name=match.group(2), role=match.group(1)) if match.group(2) else \
                    Speaker(name=match.group(1))
                how = match.group(3)
            events.append(Event(EventKind.REVISED, 0, sentence_symbol, speakers=(speaker,),
                                detail=f"orally {how}"))
        acted: list[str] | None = None  # how the drafts of this sentence were acted on: read once
        for match in re.finditer(r"\b(adopted|rejected) (?:the )?draft resolution (" + DRAFT + r")", sentence):
            if acted is None:
                acted = []
                if re.search(r"\bas orally (?:revised|corrected)", sentence):
                    acted.append("as orally revised")
                vote = re.search(r"recorded vote of (\d+) to (\d+),? with (\d+) abstentions?", sentence)
                if vote:
                    acted.append(f"recorded vote {vote.group(1)}-{vote.group(2)}-{vote.group(3)}")
                elif "without a vote" in sentence:
                    acted.append("without a vote")
            detail = list(acted)
            kind = EventKind.ADOPTED if match.group(1) == "adopted" else EventKind.REJECTED
            events.append(Event(kind, 0, normalize_symbol(match.group(2)), detail=", ".join(detail) or None))
        for match in re.finditer(r"draft resolution (" + DRAFT + r") was withdrawn", sentence):
            events.append(Event(EventKind.WITHDRAWN, 0, normalize_symbol(match.group(1))))
        match = _EN_STATEMENTS.search(sentence)
        if match:
            timing = None
            when = re.search(r"\b(Before|After|Prior to)\b", sentence)
            if when:
                timing = "after" if when.group(1) == "After" else "before"
            events.append(Event(EventKind.STATEMENT, 0, sentence_symbol, speakers=_en_speakers(sentence[match.end():]),
                                timing=timing))
        if symbols:
            last_symbol = symbols[-1]
    return events


def links(events: tuple[Event, ...]) -> tuple[Link, ...]:
    """Successions a report records: a draft submitted on the basis of consultations on another."""
    found = []
    for event in events:
        if event.basis and event.symbol and event.basis != event.symbol:
            found.append(Link(event.basis, event.symbol, "informal consultations"))
    return tuple(dict.fromkeys(found))
