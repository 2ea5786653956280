"""From the text of a report, draft or resolution to structured documents: the parser's pipeline.

Each stage is a module with one job, and typed records (``records``) pass between them:

1. layout (``layout``): find every chapeau ("大会，", "The General Assembly,"), each the start of
   one document, and cut the document's body (``Block``): to the closing quotation mark of a
   draft quoted in a report, to the plenary-meeting line or annex of an adopted text, or to the
   next document;
2. layout within the body (``pages``): drop page furniture (symbols, job numbers, barcodes, page
   numbers, running heads) and take footnote bodies aside (``Layout`` of ``Line`` records);
3. segmentation (``segmentation``): join lines into paragraphs (page breaks and wrapped lines);
4. classification (``classification``): numbered operative paragraphs, their (a)/(i)
   sub-paragraphs, unnumbered preambular ones, footnote marks, ids;
5. identity (``identity``): the symbol, title and date; drafts quoted in a committee report
   are dated from the report's account of its proceedings (``reports``).

Line patterns and per-language tables that several stages share are in ``patterns``; joining
lines is ``lines``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..errors import ParseError
from ..i18n import N_, Message, _, listed
from ..model import Document, Footnote, Paragraph, ParagraphKind
from ..text import SUPERSCRIPT_DIGITS, detect_language, has_cjk
from .annex import ANNEX_LINE, annex_starts, classify_annex
from .classification import _classify, _label, _take_marks, _warnings, check_paragraph_count, glued_mark_warnings, noting_glued_marks, trailing_text  # noqa: F401  (_label: tests read it here)
from .header import Header, read_header
from .identity import Span, identify, normalize_symbol, title_lines
from .layout import (
    _CHAPEAU,
    _END_OF_TEXT,
    WEB_BULLET,
    _blocks,
    _decision_layout,
    _first_operative,
    _front_matter,
    _is_report,
    _run_on_layout,
    _run_together_layout,
    _trailing_footnotes,
    ends_text_at,
    footnote_area_start,
    glued_adoption,
)
from .lines import _ends_terminal, _join, _join_all, ended_short, page_width, runs_on, single_spaced, width  # noqa: F401  (tests read _join, _join_all here)
from .pages import _double_spaced, _is_furniture, _titles, _unique_footnotes, lay_out, repeated_otherwise
from .patterns import (
    _ARTICLE,
    _LABEL,
    _OPERATIVE,
    _SEPARATOR,
    _SUPER_TO_ASCII,
    _SYMBOL,
    _TERMINAL,
    _TITLE_NUMBER,
    ALT_NUMBER,
    BIS_NUMBER,
    DRAFT_LABEL,
    INSERTED_OPENING,
    ORGAN_NAME,
    RULE,
    glued_symbol,
    opens_operative,
    opens_preambular,
    organ_of,
    section_heading,
    star_marks,
    star_notes,
)
from .reading import take_out_invisible
from .records import Layout, Line
from .reports import draft_dates, proceedings
from .segmentation import _block_mode, _join_lines

# --- multi-part resolutions ---------------------------------------------------------------------

# A part's label alone on its line ("A", "B."), or before the part's title ("A. Information in the
# service of humanity").
_PART_LABEL = re.compile(r"^\s*([A-H]|[IVX]{1,5})\.?\s*$")
_PART_TITLED = re.compile(r"^\s*([A-H]|[IVX]{1,5})\.\s+\S.{0,150}$")
_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
           "XVI", "XVII", "XVIII", "XIX", "XX"]
_PART_TITLE = 150  # the longest line of a part's title
_PART_TITLE_LINES = 3


def _part_above(lines: list[str], chapeau: int) -> tuple[int, str] | None:
    """The line and letter of the part label ("A", "B") printed above a chapeau, its title between
    them (a few short lines that do not end as a paragraph does); None where there is none."""
    titles = 0
    for k in range(chapeau - 1, max(chapeau - 12, -1), -1):
        text = lines[k].strip().lstrip("“\"")  # (a draft quoted in a report opens each line with a quotation mark)
        if not text:
            continue
        label = _PART_LABEL.match(text) or _PART_TITLED.match(text)
        if label and not _TERMINAL_END.search(text):
            return k, label.group(1)
        titles += 1
        if titles > _PART_TITLE_LINES or len(text) > _PART_TITLE or _TERMINAL_END.search(text):
            return None
    return None


_TERMINAL_END = re.compile(r"[.;:,。；：，]\s*$")


def _parts(lines: list[str], chapeaus: list[int]) -> tuple[list[str], list[int]]:
    """A resolution adopted in parts ("A", "B", each with its title), one document: where a part
    label stands above the chapeau ("A" / "Information in the service of humanity" / "The General
    Assembly,") and the next parts follow, each with its chapeau again or without one, the
    chapeaus of the later parts are no documents' starts (classification reads each as a heading
    of its part), and the first chapeau is read as standing above part A's label, so that the
    label and title are the part's heading and the lines above them the resolution's title. The
    sections of a part may repeat the chapeau too, under their numerals ("B. Individual
    Territories", "I. American Samoa" / "The General Assembly,", "II. Anguilla" / …); a text in
    sections I, II … alone is read so as well.

    >>> _parts(["Questions", "A", "Info", "The General Assembly,", "1. Urges;", "B", "Policies",
    ...         "The General Assembly,", "1. Reaffirms."], [3, 7])
    (['Questions', 'The General Assembly,', 'A', 'Info', '1. Urges;', 'B', 'Policies', 'The General Assembly,', '1. Reaffirms.'], [1])
    >>> _parts(["A", "Info", "The General Assembly,", "1. Urges."], [2])
    (['A', 'Info', 'The General Assembly,', '1. Urges.'], [2])
    """
    kept: list[int] = []
    lines = list(lines)
    k = 0
    while k < len(chapeaus):
        start = chapeaus[k]
        found = _part_above(lines, start) if 0 <= start else None
        if found is None or found[1] not in ("A", "I"):
            kept.append(start)
            k += 1
            continue
        # the later parts: each chapeau after it with the next letter above it, or the next
        # numeral of a section (from I again in each part)
        run, letter, roman = k + 1, ("B" if found[1] == "A" else None), (1 if found[1] == "I" else 0)
        while run < len(chapeaus):
            later = _part_above(lines, chapeaus[run])
            if later is not None and letter is not None and later[1] == letter:
                run, letter, roman = run + 1, chr(ord(letter) + 1), 0
            elif later is not None and roman < len(_ROMANS) and later[1] == _ROMANS[roman]:
                run, roman = run + 1, roman + 1
            else:
                break
        following = chapeaus[run] if run < len(chapeaus) else len(lines)
        second = "B" if found[1] == "A" else "II"
        if run == k + 1 and not any(_PART_LABEL.match(line.strip().lstrip("“\"")) and
                                    line.strip().lstrip("“\"").rstrip(".") == second
                                    for line in lines[start + 1 : following]):
            kept.append(start)  # a part A alone: no multi-part resolution
            k += 1
            continue
        label = found[0]
        lines[label : start + 1] = [lines[start]] + lines[label:start]
        kept.append(label)
        k = run
    return lines, kept


# --- entry point -------------------------------------------------------------------------------


def parse_text(text: str, source: str | None = None) -> tuple[Document, ...]:
    """Every resolution document in ``text``, in reading order.

    Raises ParseError when there is none.
    """
    text, invisible = take_out_invisible(text)
    # a double-spaced copy is read as the text it was copied from, its lines named as in the copy
    single, origin = single_spaced(text.split("\n"))
    documents = _read_text("\n".join(single), source) if origin else _read_text(text, source)
    if origin:
        documents = [_renumbered(document, origin) for document in documents]
    if invisible:
        # said once, with the first document, as the reading's own warnings are
        documents[0] = replace(documents[0], warnings=invisible + documents[0].warnings)
    return tuple(documents)


def place_furniture(documents: tuple[Document, ...], listed: list[tuple[int | None, Message, Message]],
                    relabel=None, where=None) -> tuple[Document, ...]:
    """The documents read from a PDF's or Word file's text, given what the file's reading left out
    as page furniture (``listed``: for each line, the line of the text read it stands at or None
    where it has no place, as a Word page header; what it is called inside a draft; what it is
    called as the whole report's).

    Each line goes to the document whose span (``Document.span``) holds its place; a line outside
    every document's span is the whole report's, listed once, with the first document, under its
    second name; in a file of one document, every line is that document's. ``relabel`` (a line
    of the text read, its text → a Message) names again the lines the text's parser listed
    ("line {line}: {text}", a line of the text read, which a reader of the file cannot count);
    ``where`` (a line of the text read → where it is in the file, a Message; None where not
    known) says, after a warning that names a line of the text read, where that line is.
    """
    furniture = [[relabel(m.arguments["line"], m.arguments["text"])
                  if relabel is not None and isinstance(m, Message) and m.template == _LINE_FURNITURE else m
                  for m in document.furniture] for document in documents]
    whole: list[Message] = []
    for line, inside, outside in listed:
        owner = 0 if len(documents) == 1 else next(
            (k for k, d in enumerate(documents) if line is not None and d.span and d.span[0] <= line <= d.span[1]), None)
        if owner is None:
            whole.append(outside)
        else:
            furniture[owner].append(inside)
    furniture[0] += whole

    def placed(warning: str) -> str:
        line = getattr(warning, "arguments", {}).get("line")
        found = where(line) if where is not None and isinstance(line, int) else None
        if found is None:
            return warning
        return Message(N_("{warning} (line {line} of the text read from the file is {where})"),
                       warning=warning, line=line, where=found)

    return tuple(replace(d, furniture=tuple(lines), warnings=tuple(placed(w) for w in d.warnings))
                 for d, lines in zip(documents, furniture))


_LINE_FURNITURE = "line {line}: {text}"


def _renumbered(document: Document, origin: list[int]) -> Document:
    """A document read from a text made single-spaced, its furniture and warnings naming the
    lines of the text as given (``origin``: the given line of each line read, 1-based)."""

    def lines_of(value, numbers: bool = False):
        if isinstance(value, Message):
            return Message(value.template, **{key: lines_of(argument, numbers or key in ("line", "lines"))
                                              for key, argument in value.arguments.items()})
        if numbers and isinstance(value, int) and 0 < value <= len(origin):
            return origin[value - 1]
        if numbers and isinstance(value, str) and value.isdigit() and 0 < int(value) <= len(origin):
            return str(origin[int(value) - 1])
        return value

    span = document.span
    if span is not None:
        span = (lines_of(span[0], True), lines_of(span[1], True))
    return replace(document, furniture=tuple(lines_of(f) for f in document.furniture),
                   warnings=tuple(lines_of(w) for w in document.warnings), span=span)


# The chapeau the error for a text without one names, in the text's language (Chinese and
# English: both, as the message has always named them).
_EXAMPLE_CHAPEAUS = {"fr": "'L'Assemblée générale,'", "es": "'La Asamblea General,'",
                     "ru": "'Генеральная Ассамблея,'", "ar": "'إن الجمعية العامة،'"}


def _read_text(text: str, source: str | None) -> list[Document]:
    md_problems: list[tuple[int, Message]] = []  # (the Markdown footnote definitions' problems)
    meta, lines, md_footnotes = _front_matter(text.split("\n"), md_problems)
    front = _front_matter_lines(text.split("\n"), lines)
    # A web page's list bullets ("- 1. 决定…") are its layout, as a PDF's indents are.
    # (a bullet is looked for only on a line whose first visible character can be one)
    starred = star_notes(lines)
    lines = [_bracketed_number(_draft_label(WEB_BULLET.sub(r"\1", line) if line.lstrip()[:1] in _BULLETS
                                            and not _DASHED_PAGE.match(line) and k not in starred else line))
             for k, line in enumerate(lines)]
    lines = _unstopped_numbers(lines)
    drafted = next((k for k, line in enumerate(lines) if line.startswith(_PP1)), None)
    count = len(lines)
    lines = _run_on_layout([line.replace(_PP1, "", 1) for line in lines])
    if len(lines) != count:
        drafted = None
    lines, origin = glued_adoption(lines)
    if drafted is not None:
        drafted = origin.index(drafted)
    chapeaus = [i for i, line in enumerate(lines) if _CHAPEAU.match(line) and not _wrapped_words(lines, i)]
    if not chapeaus and drafted is not None:
        chapeaus = [drafted - 1]  # a draft without its chapeau, its paragraphs labelled "PP1" …
    # chapeaus resdiff does not know, and what it says about where a text without one starts,
    # by the line the text starts after
    unknown_chapeaus: set[int] = set()
    said: dict[int, Message] = {}
    for k in _unknown_quoted_chapeaus(lines):
        unknown_chapeaus.add(k)
        said[k] = _unknown_chapeau_message(lines, k)
    chapeaus = sorted(set(chapeaus) | unknown_chapeaus)
    if not chapeaus:
        lines, chapeaus = _decision_layout(lines)
    if not chapeaus:
        lines, chapeaus = _run_together_layout(lines)
    if not chapeaus:
        first = _first_operative(lines)
        shaped = _unknown_chapeau(lines) if first is None else None
        if shaped is not None:
            chapeaus = [shaped]
            unknown_chapeaus.add(shaped)
            said[shaped] = _unknown_chapeau_message(lines, shaped)
        elif first is None:
            language = detect_language("\n".join(lines))
            if language in _EXAMPLE_CHAPEAUS:
                # (named in the text's own language: an Arabic user is shown the Arabic chapeau)
                raise ParseError(
                    _("no resolution text found: no chapeau such as {chapeau} and no numbered operative "
                      "paragraphs").format(chapeau=_EXAMPLE_CHAPEAUS[language]),
                    path=source,
                )
            raise ParseError(
                _("no resolution text found: no chapeau such as '大会，' or 'The General Assembly,' "
                  "and no numbered operative paragraphs"),
                path=source,
            )
        else:
            start, unknown = _preamble_start(lines, first)
            chapeaus = [start]
            if unknown is not None:
                said[start] = unknown
                if unknown.template == _UNKNOWN_CHAPEAU:
                    unknown_chapeaus.add(start)
    lines, chapeaus = _parts(lines, chapeaus)
    blocks = _blocks(lines, chapeaus)
    symbols = _masthead_symbols(lines, meta)
    double = _double_spaced(lines)  # (a double-spaced text made single-spaced is no more)
    documents: list[Document] = []
    # a draft an operative paragraph of the text recommends to another organ ("2. Recommends to
    # the General Assembly … the following draft resolution:"): that paragraph's quoted text,
    # read into the text that recommends it, which is no committee report
    recommended = _recommended_drafts(lines, blocks, unknown_chapeaus)
    if recommended:
        inside = {k for j in recommended for k in range(max(blocks[j - 1].start, 0), blocks[j].end)}
        report = _is_report([line if k not in inside else "" for k, line in enumerate(lines)],
                            [b for j, b in enumerate(blocks) if j not in recommended])
    else:
        report = _is_report(lines, blocks)
    read_as: dict[int, int] = {}  # block → the document read from it
    report_agenda = _report_agenda(lines, blocks[0].start) if report else None
    listed_until = 0  # the last line (1-based) the text before listed as its furniture
    read_until = 0  # where the last text read into a document ends (a block read into none, as a
    # masthead's "大会" taken for a chapeau, leaves its lines to the next text's masthead)
    for index, block in enumerate(blocks):
        previous_listed, listed_until = listed_until, 0
        # A draft quoted in a report quotes its annex too, each line opening with a quotation
        # mark: the annex is read as an adopted text's is, from the quoted lines unquoted.
        quoted_annex = _quoted_annex(lines, block) if block.quoted else None
        body = lines[block.start + 1 : quoted_annex[0] if quoted_annex else block.end]
        # the line (1-based) each line of the body is, None for none (a rule given back)
        numbers: list[int | None] = list(range(block.start + 2, block.start + 2 + len(body)))
        if not block.quoted or index in recommended:
            following = blocks[index + 1].start if index + 1 < len(blocks) else len(lines)
            noted = _trailing_area(lines, block.end, following, "\n".join(body))
            body = body + [line for _, line in noted]
            numbers += [k for k, _ in noted]
        layout = lay_out(body, block.quoted, _titles(lines, block, meta), symbols,
                         stars=star_marks(lines[read_until : block.start + 1]))
        if not block.quoted or index in recommended:
            _unruled_notes(layout, {f.mark for f in md_footnotes}, double)
        with noting_glued_marks() as glued:
            paragraphs, footnotes, trailing = _paragraphs(body, block.quoted, layout, {f.mark for f in md_footnotes},
                                                          source)
        twice = repeated_otherwise(layout.footnotes, [])
        dropped: list[tuple[int, str]] = sorted(
            [(at, text) for k, text in (*layout.furniture, *trailing) if (at := numbers[k]) is not None])
        if not report and (not block.quoted or index in recommended):
            outside = _outside(lines, blocks, index)
            if block.quoted and not outside:
                # after a recommended draft's closing quotation mark: the adoption line and
                # whatever follows up to the next text, but for a footnote area read as the text's
                following = blocks[index + 1].start if index + 1 < len(blocks) else len(lines)
                in_notes = {k for k, _ in noted}
                outside = [(k + 1, lines[k].strip()) for k in range(block.end, following)
                           if lines[k].strip() and k + 1 not in in_notes]
            dropped = sorted(outside + dropped)
            listed_until = max((k for k, _ in outside), default=0)  # 1-based: lines the next text need not list
        problems = [(numbers[k] or block.end + 1, text) for k, text in layout.problems]
        with noting_glued_marks() as glued_in_annex:
            if not block.quoted and paragraphs:
                following = blocks[index + 1].start if index + 1 < len(blocks) else len(lines)
                _annexes(lines, block.end, following, meta, block, paragraphs, footnotes,
                         {f.mark for f in md_footnotes}, dropped, problems,
                         "\n".join(lines[block.start + 1 : block.end]), twice)
            elif quoted_annex and paragraphs:
                _annexes(quoted_annex[1], quoted_annex[0], block.end, meta, block, paragraphs, footnotes,
                         {f.mark for f in md_footnotes}, dropped, problems)
        dropped.sort(key=lambda entry: entry[0])  # (a footnote area's rule before an annex among the lines above it)
        check_paragraph_count(len(paragraphs), source)
        if not paragraphs:
            continue
        if md_footnotes and not footnotes:
            footnotes = md_footnotes
        identity = identify(lines, Span(block.start, block.end, block.quoted),
                            blocks[index - 1].end if index else 0, meta, report, source,
                            organ_of(lines[block.start]) if block.start >= 0 else None)
        symbol, title, date = identity.symbol, identity.title, identity.date
        begin = max(read_until, previous_listed) if index else 0
        is_chapeau = 0 <= block.start < len(lines) and bool(_CHAPEAU.match(lines[block.start])
                                                                  or block.start in unknown_chapeaus)
        if report:
            # A draft quoted in a report: the report's account around it is not the draft's
            # header; the agenda item is the report's.
            header = Header(chapeau=lines[block.start].strip().lstrip("“\"").strip() if is_chapeau else None,
                            agenda_item=report_agenda)
            # The report's own lines before the draft (its masthead, its account of the
            # proceedings): listed with the furniture of the draft they precede, but for the
            # agenda item compared and the recommended draft's own title line.
            masthead = read_header(lines, 0, max(blocks[0].start, 0), False) if index == 0 else Header()
            titled = set() if block.quoted else set(title_lines(lines, block))
            dropped = _masthead(lines, begin, block.start + (0 if is_chapeau else 1), masthead,
                                title if titled else None, titled) + dropped
            if index == len(blocks) - 1 and (block.quoted or not annex_starts(lines, block.end, len(lines))):
                # and the report's lines after its last draft (an annex of its own is read
                # as one, a footnote area after the text as the text's)
                tail = lines[block.end:]
                notes = [] if block.quoted else _trailing_footnotes(tail, "\n".join(lines[block.start + 1 : block.end]))
                area = footnote_area_start(tail, "\n".join(lines[block.start + 1 : block.end])) if notes else None
                covered = range(0) if area is None else \
                    range(area, area + len(notes) - (0 if _SEPARATOR.match(tail[area].strip()) else 1))
                dropped += [(block.end + k + 1, line.strip()) for k, line in enumerate(tail)
                            if line.strip() and k not in covered]
        else:
            header = read_header(lines, begin, block.start, is_chapeau)
            # the line the text starts after is the masthead's when it is no chapeau
            dropped = _masthead(lines, begin, block.start + (0 if is_chapeau else 1), header, title,
                                set(title_lines(lines, block))) + dropped
        if not documents:
            # The front matter served identity only (the printed title is the one compared):
            # its lines are listed with the furniture, never dropped unseen.
            dropped = front + dropped
        language = detect_language("\n".join([header.chapeau or ""] + [p.body for p in paragraphs]))
        read_until = block.end
        read_as[index] = len(documents)
        documents.append(
            Document(
                symbol=symbol,
                title=title,
                language=language,
                paragraphs=tuple(paragraphs),
                footnotes=tuple(footnotes),
                source=source,
                date=date,
                chapeau=header.chapeau,
                agenda_item=header.agenda_item,
                sponsors=header.sponsors,
                warnings=tuple(([said[block.start]] if block.start in said else [])
                               + _warnings(paragraphs, footnotes, symbol)
                               + _named_otherwise(symbol, identity.named, title)
                               + [Message(N_("{name}: footnote {mark} is printed again with other text, “{text}”: "
                                             "only its first text is compared"),
                                          name=symbol or Message(N_("document")), mark=f.mark, text=f.text)
                                  for f in twice]
                               + [Message(N_("{name}: line {line}: {problem}"), name=symbol or Message(N_("document")),
                                          line=k, problem=text)
                                  for k, text in problems + ([] if documents else md_problems)]
                               + _numbered_furniture([] if report else dropped, symbol)
                               + _unstopped_out_of_sequence(lines, block.start, block.end, footnotes, symbol)
                               + glued_mark_warnings(glued + glued_in_annex, symbol)
                               + _trailing_warning(symbol, [(numbers[k] or block.end + 1, text) for k, text in trailing])),
                furniture=tuple(Message(N_("line {line}: {text}"), line=k, text=text) for k, text in dropped),
                span=(block.start + 1, _span_end(lines, blocks, index)),
            )
        )
    if not documents:
        raise ParseError(_("no resolution paragraphs found after the chapeau"), path=source)
    if recommended:
        documents = _with_recommended(documents, read_as, recommended)
    if report and any(d.date is None for d in documents):
        documents = _dates_from_account(text, documents)
    if len(origin) != len(set(origin)):
        documents = [_numbered_as_read(document, origin) for document in documents]
    return documents


def _recommended_drafts(lines: list[str], blocks: list, unknown: set[int]) -> set[int]:
    """The blocks that are a draft which the text before recommends to another organ: its last
    paragraph, an operative paragraph of a text read from its own chapeau, ends with a colon
    ("2. Recommends to the General Assembly the approval of the following draft resolution:"),
    and the draft's chapeau follows, under at most a few title lines. A committee report's
    drafts are introduced by the report's account, which has no chapeau: they are no such
    blocks.

    >>> from .records import Block
    >>> text = ["The Human Rights Council,", "1. Welcomes;", "2. Recommends the following draft resolution:",
    ...         "“The General Assembly,", "“1. Requests.”"]
    >>> _recommended_drafts(text, [Block(0, 3, False), Block(3, 5, True)], set())
    {1}
    """
    found: set[int] = set()
    for j in range(1, len(blocks)):
        before, block = blocks[j - 1], blocks[j]
        if before.start < 0 or before.quoted and j - 1 not in found or not (
                _CHAPEAU.match(lines[before.start]) or before.start in unknown):
            continue
        last = next((k for k in range(min(before.end, block.start) - 1, before.start, -1) if lines[k].strip()), None)
        if last is None or not lines[last].strip().rstrip("”’\"'").endswith((":", "：")):
            continue
        opening = next((k for k in range(last, before.start, -1) if _OPERATIVE.match(lines[k].strip().lstrip("“\""))
                        or not lines[k - 1].strip()), last)
        text = lines[opening].strip().lstrip("“\"")
        number = _OPERATIVE.match(text)
        if not opens_operative(text[number.end():] if number else text):
            continue  # (a report's account: "9. The Second Committee recommends …")
        between = [line.strip() for line in lines[last + 1 : block.start] if line.strip()]
        if len(between) <= _PART_TITLE_LINES and not any(len(t) > _PART_TITLE or _TERMINAL_END.search(t)
                                                         for t in between):
            found.add(j)
    return found


def _with_recommended(documents: list[Document], read_as: dict[int, int], recommended: set[int]) -> list[Document]:
    """The documents, each draft an operative paragraph recommends read into the document that
    recommends it: its title and chapeau as headings, its paragraphs under the recommending
    paragraph's id ("OP2 draft", "OP2 draft PP1", "OP2 draft OP1"), its footnotes, furniture and
    warnings the document's."""
    merged = list(documents)
    into: dict[int, int] = {}  # a document → the document it is read into
    for j in sorted(recommended):
        if j not in read_as or j - 1 not in read_as:
            continue
        draft, owner = read_as[j], read_as[j - 1]
        owner = into.get(owner, owner)
        into[draft] = owner
        host, quoted = merged[owner], merged[draft]
        operative = [p for p in host.paragraphs if p.kind is ParagraphKind.OPERATIVE]
        prefix = (operative[-1].id if operative else host.paragraphs[-1].id) + " draft"
        # (a draft read into a draft read into the text: its paragraphs after those of the first)
        heads = [Paragraph(f"{prefix} title", ParagraphKind.HEADING, None, quoted.title.lstrip("“\"").strip())] \
            if quoted.title else []
        heads += [Paragraph(prefix, ParagraphKind.HEADING, None, quoted.chapeau.lstrip("“\"").strip())] if quoted.chapeau else []
        marks = {f.mark: f for f in host.footnotes}
        twice = [f for f in quoted.footnotes if f.mark in marks and marks[f.mark].text != f.text]
        merged[owner] = replace(
            host,
            paragraphs=host.paragraphs + tuple(heads) + tuple(replace(p, id=f"{prefix} {p.id}") for p in quoted.paragraphs),
            footnotes=host.footnotes + tuple(f for f in quoted.footnotes if f.mark not in marks),
            warnings=host.warnings + quoted.warnings + tuple(
                Message(N_("{name}: footnote {mark} is printed again with other text, “{text}”: "
                           "only its first text is compared"),
                        name=host.symbol or Message(N_("document")), mark=f.mark, text=f.text) for f in twice),
            furniture=host.furniture + quoted.furniture,
            span=(host.span[0], quoted.span[1]) if host.span and quoted.span else host.span,
        )
    return [d for k, d in enumerate(merged) if k not in into]


def _numbered_as_read(document: Document, origin: list[int]) -> Document:
    """The document with the line numbers its furniture and warnings name (``line {line}``) made
    the file's again, where lines were set apart (``glued_adoption``): ``origin`` holds, for each
    line read, the index of the file's line it came from."""

    def renumbered(message: str) -> str:
        if not isinstance(message, Message):
            return message
        line = message.arguments.get("line")
        if not isinstance(line, int) or not 1 <= line <= len(origin):
            return message
        return Message(message.template, **{**message.arguments, "line": origin[line - 1] + 1})

    span = document.span
    if span is not None:
        span = (origin[min(span[0], len(origin)) - 1] + 1, origin[min(span[1], len(origin)) - 1] + 1)
    return replace(document, furniture=tuple(renumbered(m) for m in document.furniture),
                   warnings=tuple(renumbered(m) for m in document.warnings), span=span)


def _span_end(lines: list[str], blocks: list, index: int) -> int:
    """The last line (1-based) of the text of ``blocks[index]``: its last paragraph's, or its
    annexes' up to the next text."""
    block = blocks[index]
    following = blocks[index + 1].start if index + 1 < len(blocks) else len(lines)
    if not block.quoted and annex_starts(lines, block.end, following):
        return max(following, block.end)
    return max(block.end, block.start + 1)


def _trailing_area(lines: list[str], end: int, following: int, body: str) -> list[tuple[int | None, str]]:
    """The footnote area printed after a text that ends at line index ``end`` (before the line
    ``following``), its lines with their numbers (1-based): the rule that a web page or an OCR
    lost, given back by ``_trailing_footnotes``, numbered None."""
    tail = lines[end:following]
    notes = _trailing_footnotes(tail, body)
    if not notes:
        return []
    area = footnote_area_start(tail, body)
    assert area is not None
    if _SEPARATOR.match(tail[area].strip()):
        return [(end + area + 1 + j, line) for j, line in enumerate(notes)]
    return [(None, notes[0])] + [(end + area + 1 + j, line) for j, line in enumerate(notes[1:])]


def _numbered_furniture(dropped: list[tuple[int, str]], symbol: str | None) -> list[str]:
    """A warning when lines left out as page furniture read as numbered paragraphs ("1. We,
    the States Members …"): no page furniture does, and a text whose layout was not understood
    (an annex not recognised, say) would otherwise lose them in silence. A report's own
    numbered paragraphs, its account, are not asked about."""
    numbered = [(k, text) for k, text in dropped
                if len(text) > 30 and _OPERATIVE.match(text) and not _END_OF_TEXT.match(text)]
    # one short numbered line may be a web page's own list (a licence's "1. 官方纪录…;")
    if not numbered or (len(numbered) == 1 and len(numbered[0][1]) < 80):
        return []
    if len(numbered) == 1:
        return [Message(N_("{name}: line {line} reads as a numbered paragraph but is left out as page furniture, not "
                           "compared (--show-furniture lists it)"), name=symbol or Message(N_("document")),
                        line=numbered[0][0])]
    where = listed([k for k, _ in numbered], most=10)
    return [Message(N_("{name}: lines {where} read as numbered paragraphs but are left out as page furniture, not "
                       "compared (--show-furniture lists them)"), name=symbol or Message(N_("document")), where=where)]


def _preamble_start(lines: list[str], first: int) -> tuple[int, Message | None]:
    """Where a text that opens with no chapeau resdiff knows begins, read back from its first
    operative paragraph (line ``first``): the index of the line it starts after, and what is
    said about it.

    Going up from operative paragraph 1, each paragraph above that ends as a preambular one
    does (a comma, a semicolon…) and opens with a preambular opener of the per-language tables
    (or opens otherwise but runs over several lines) is part of the preamble; a short line of
    its own above it (after a blank line or the text's start), ending with a chapeau's comma, is
    the chapeau ("The Conference of the Parties,"), said in a warning; anything else ends the preamble (the title, the header), and
    the warning says from which line the text is read. Page furniture is passed over.
    """
    # the lines of text above it: blank lines, page furniture and running heads passed over (a
    # page may break inside a paragraph), and an adoption line printed above a text is none
    text = [j for j in range(first) if lines[j].strip() and not _is_furniture(lines[j].strip(), [])
            and not _running_head(lines[j]) and not _END_OF_TEXT.match(lines[j].strip())]
    start = first
    i = len(text) - 1
    while i >= 0 and _ends_terminal(lines[text[i]]):
        # the paragraph whose last line is text[i]: up to a line that ends one
        top = i
        while top > 0 and not _ends_terminal(lines[text[top - 1]]) and not opens_preambular(lines[text[top]].strip()):
            top -= 1
        head = lines[text[top]].strip()
        if opens_preambular(head):
            start, i = text[top], top - 1
            continue
        if _chapeau_shaped(lines[text[i]].strip()) and (top == i or not head[:1].islower()):
            return text[i], _unknown_chapeau_message(lines, text[i])
        if top == i:
            break
        start, i = text[top], top - 1
    if start == first:
        # No preamble: the text opens with its operative part. Text above it that ends as a
        # paragraph does is more than a title and a masthead: say where the text is read from.
        above = next((j for j in range(first) if lines[j].strip() and _ends_terminal(lines[j])
                      and not _is_furniture(lines[j].strip(), []) and not _running_head(lines[j])), None)
        if above is None:
            return first - 1, None
        return first - 1, Message(N_("line {line}: no chapeau found: the text is read from this line, its first "
                                     "operative paragraph; the lines above it are its title and masthead"),
                                  line=first + 1)
    return start - 1, Message(N_("line {line}: no chapeau found: the text is read from this line, its first "
                                 "preambular paragraph; the lines above it are its title and masthead"), line=start + 1)


_UNKNOWN_CHAPEAU = N_("line {line}: “{text}” is read as the chapeau, though it is no chapeau resdiff knows")


def _unknown_chapeau_message(lines: list[str], at: int) -> Message:
    return Message(_UNKNOWN_CHAPEAU, line=at + 1, text=lines[at].strip().lstrip("“\"").strip())


def _next_text(lines: list[str], at: int) -> str:
    """The first line with anything on it after line ``at`` (within three), stripped; "" if none."""
    return next((line.strip() for line in lines[at + 1 : at + 4] if line.strip()), "")


def _opens_text(line: str) -> bool:
    return bool(opens_preambular(line) or _OPERATIVE.match(line))


def _unknown_chapeau(lines: list[str]) -> int | None:
    """In a text with no chapeau resdiff knows and no numbered operative paragraphs: the first
    line shaped as a chapeau (``_chapeau_shaped``), or naming an organ without the chapeau's
    article or comma ("Asamblea General"), that a preambular paragraph follows, or None."""
    for k, line in enumerate(lines):
        if (_chapeau_shaped(line.strip()) or ORGAN_NAME.fullmatch(line.strip())) and opens_preambular(_next_text(lines, k)):
            return k
    return None


def _unknown_quoted_chapeaus(lines: list[str]) -> list[int]:
    """The chapeaus resdiff does not know of drafts quoted in a report: a quoted line shaped as
    a chapeau, after a blank line, that a quoted preambular or operative paragraph follows."""
    found = []
    for k, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith(("“", '"')) or (k and lines[k - 1].strip()) or _CHAPEAU.match(stripped):
            continue
        following = _next_text(lines, k)
        if _chapeau_shaped(stripped[1:].strip()) and following.startswith(("“", '"')) \
                and _opens_text(following[1:].strip()):
            found.append(k)
    return found


def _running_head(line: str) -> bool:
    """A page's running head as a PDF's text leaves it: words, then the symbol glued on
    ("Aggression against Ukraine A/RES/ES-11/1"), ending as no paragraph does."""
    stripped = line.strip()
    return len(stripped) <= 160 and not _ends_terminal(stripped[:-1] if stripped.endswith(".") else stripped) \
        and glued_symbol(stripped) is not None


def _chapeau_shaped(line: str) -> bool:
    """Whether a line reads as a chapeau does, whatever organ it names: short, opening as no
    paragraph does, ending with a chapeau's comma (or colon, or semicolon).

    >>> _chapeau_shaped("The Conference of the Parties,"), _chapeau_shaped("缔约方会议，"), _chapeau_shaped("Recalling x,")
    (True, True, False)
    >>> _chapeau_shaped(""), _chapeau_shaped("other instruments,")
    (False, False)
    """
    width = len(line) + sum(1 for ch in line if has_cjk(ch))
    return (bool(line) and width <= 100 and line[-1:] in ",，、،:：;；" and not line[:1].islower() and not line[:1].isdigit()
            and not opens_preambular(line) and not opens_operative(line))


def _wrapped_words(lines: list[str], index: int) -> bool:
    """Whether a chapeau's words alone on a line, without the chapeau's comma ("大会",
    "The General Assembly"), are a paragraph's words wrapped onto a line of their own: the line
    before goes on into them and the line after goes on from them (``runs_on``), or the line
    before is a paragraph's that has not ended.

    >>> _wrapped_words(["“回顾…通过并经", "大会", "赞同的《原则宣言》"], 1), _wrapped_words(["信息和通信技术促进发展", "大会", "回顾其决议，"], 1)
    (True, False)
    """
    line = lines[index].strip()
    above = lines[index - 1].strip() if index else ""
    if above and not _ends_terminal(above) and (line[:1].islower() or line[-1:] in ".;:。；：" and not re.match(_ARTICLE, line)):
        # "… the relevant resolutions of" over "the General Assembly;" or "General Assembly;": a
        # paragraph's words wrapped there (a chapeau opens with a capital, the article before its
        # organ, and ends with its comma)
        return True
    if line[-1:] in _TERMINAL or index == 0 or index + 1 >= len(lines):
        return False
    previous, following = lines[index - 1].strip(), lines[index + 1].strip()
    return runs_on(previous or None, following or None, line=line)


# Marks the first preambular paragraph of a draft labelled "PP1", until the document's start is
# known (a private-use character: never in a text).
_PP1 = "\ue000"


# The characters WEB_BULLET takes for a bullet.
_BULLETS = frozenset("-•*·")
# A page number between dashes ("- 2 -"), page furniture: its dash is no bullet.
_DASHED_PAGE = re.compile(r"^\s*-\s*\d{1,3}\s*-\s*$")


def _draft_label(line: str) -> str:
    """A line with a negotiator's paragraph label read as the official layout prints it: "OP3."
    as the operative number "3.", "PP2–" as nothing (preambular paragraphs are unnumbered).

    >>> _draft_label("PP2– Expresando su pleno apoyo"), _draft_label("OP3. Decides to act;")
    ('Expresando su pleno apoyo', '3. Decides to act;')
    """
    match = DRAFT_LABEL.match(line)
    if not match:
        return line
    rest = line[match.end():]
    if match.group(2) == "OP":
        return f"{match.group(1)}{match.group(3)}. {rest}"
    return match.group(1) + (_PP1 if match.group(3) == "1" else "") + rest


# A paragraph or sub-paragraph a negotiating draft prints in square brackets, its number or label
# inside them ("[2. Requests a report;]", "[(b) A plan;]", "［2. 请提交报告；］"): not yet agreed.
_BRACKETED_NUMBER = re.compile(r"^(\s*)([\[［])\s?(?=\d{1,3}\s?[.．]|\d{1,3}\s?(?:bis|ter|quater)\b|[(（])")


def _bracketed_number(line: str) -> str:
    """A line opening a paragraph in square brackets read with its number (or sub-paragraph label)
    first, the bracket after it: "[2. Requests a report;]" as "2. [Requests a report;]", so that
    it is operative paragraph 2 whose text keeps both brackets (taking one off when the paragraph
    is agreed is a change). An alternative ("[2. alt …]", "[PP2 alt] …") keeps its form.

    >>> _bracketed_number("[2. Requests a report;]"), _bracketed_number("[(b) A plan;]")
    ('2. [Requests a report;]', '(b) [A plan;]')
    >>> _bracketed_number("［2．请提交报告；］"), _bracketed_number("[2 bis. Invites;]")
    ('2．［请提交报告；］', '2 bis. [Invites;]')
    >>> _bracketed_number("[2. alt Requests;]"), _bracketed_number("[2020. A year]"), _bracketed_number("[(A/78/L.1)]")
    ('[2. alt Requests;]', '[2020. A year]', '[(A/78/L.1)]')
    """
    match = _BRACKETED_NUMBER.match(line)
    if not match or ALT_NUMBER.match(line[match.end(1):]):
        return line
    rest = line[match.end():]
    number = _OPERATIVE.match(rest) or BIS_NUMBER.match(rest) or _LABEL.match(rest)
    if not number or (number.re is _OPERATIVE and len(number.group(1)) > 3):
        return line
    return f"{match.group(1)}{number.group(0)}{match.group(2)}{rest[number.end():]}"


# An operative number typed without its full stop, as a Word list pasted as text or a web copy
# gives it: "1 Decides …", "1\tDecides …", "1 决定…". Group 2 is the number.
_UNSTOPPED_NUMBER = re.compile(r"^(\s*)(\d{1,3})[ \t\u3000]+(?=\S)")


def _unstopped_numbers(lines: list[str]) -> list[str]:
    """The lines with each operative number typed without its full stop given one, where an
    operative verb follows and the number is the next one (1 after the preamble or where a part
    starts again, else the last operative number + 1): "1 Decides to continue;" is operative
    paragraph 1, never footnote 1's body even where a mark 1 is cited, and "1 See resolution
    60/1." (no verb) stays the footnote.

    >>> _unstopped_numbers(["Recalling x,1", "1 Decides to continue;", "2\tRequests a report.", "1 See A/60/1."])
    ['Recalling x,1', '1. Decides to continue;', '2. Requests a report.', '1 See A/60/1.']
    >>> _unstopped_numbers(["1. Decides a;", "2 决定继续；", "4 Requests b.", "2 December 2023"])
    ['1. Decides a;', '2. 决定继续；', '4 Requests b.', '2 December 2023']
    """
    last = 0
    out = []
    for line in lines:
        typed = _OPERATIVE.match(line.lstrip())
        if typed and len(typed.group(1)) <= 3:
            last = int(typed.group(1))
        else:
            match = _UNSTOPPED_NUMBER.match(line)
            rest = line[match.end():] if match else ""
            if match and int(match.group(2)) in (1, last + 1) and opens_operative(rest) and not rest.startswith(("请参", "请见")):
                last = int(match.group(2))
                line = f"{match.group(1)}{match.group(2)}. {rest}"
        out.append(line)
    return out


def _unstopped_out_of_sequence(lines: list[str], start: int, end: int, footnotes: list[Footnote],
                               symbol: str | None) -> list[str]:
    """A warning for each line of a text (``lines[start:end]``) that opens with a number typed
    without its full stop and an operative verb, left as text because the number is not the next
    one (``_unstopped_numbers``): "5 Decides …" after OP2 may be operative paragraph 5 whose full
    stop was lost, or a number of the paragraph's own words, and only the reader can tell. (A line
    right after one that does not end a paragraph goes on with it and is not said.)"""
    said: list[str] = []
    last = 0
    bodies = {(f.mark, f.text[:40]) for f in footnotes}
    for k in range(max(start + 1, 0), end):
        line = lines[k]
        if not line.lstrip()[:1].isdigit():
            continue  # (both numbers open with a digit)
        typed = _OPERATIVE.match(line.lstrip())
        if typed and len(typed.group(1)) <= 3:
            last = int(typed.group(1))
            continue
        match = _UNSTOPPED_NUMBER.match(line)
        rest = line[match.end():].strip() if match else ""
        if not match or not opens_operative(rest) or rest.startswith(("请参", "请见")) \
                or (match.group(2), rest[:40]) in bodies:
            continue
        before = next((lines[j].strip() for j in range(k - 1, start, -1) if lines[j].strip()), "")
        if before and lines[k - 1].strip() and not _ends_terminal(before):
            continue  # a line of a paragraph that has not ended: "… to act on" / "5 Requests made in 2020 …"
        text = line.strip()
        said.append(Message(
            N_("{name}: line {line}: “{text}” looks like operative paragraph {number} but follows {previous}: "
               "read as text, not as a paragraph (a number without its full stop is read only in sequence)"),
            name=symbol or Message(N_("document")), line=k + 1,
            text=text if len(text) <= 40 else text[:40].rstrip() + "…", number=int(match.group(2)),
            previous=f"OP{last}" if last else Message(N_("the preamble"))))
    return said


def _masthead_symbols(lines: list[str], meta: dict[str, str]) -> frozenset[str]:
    """The symbols a file's first page prints at its top (and its front matter names): those
    its running heads carry."""
    found = {normalize_symbol(meta["symbol"])} if meta.get("symbol") else set()
    top = [line for line in lines[:60] if line.strip()][:12]
    found.update(normalize_symbol(m.group(1)) for line in top for m in _SYMBOL.finditer(line)
                 if not line.strip().startswith("["))  # "[without reference … (A/ES-11/L.1)]" cites
    return frozenset(found)


def _named_otherwise(symbol: str | None, named: str | None, title: str | None) -> list[str]:
    """The warning that a committee report calls a recommended draft otherwise than the title
    the draft prints: the printed title is the one compared, the report's name is said here."""
    if not named:
        return []
    return [Message(N_("{name}: the report calls this draft “{named}”, its own title line reads “{title}”: "
                       "the title line is the one compared"), name=symbol or Message(N_("document")), named=named, title=title)]


def _front_matter_lines(original: list[str], lines: list[str]) -> list[tuple[int, str]]:
    """The lines of a Markdown file's YAML front matter (``---`` to ``---``), as (line number,
    text): ``_front_matter`` read them into fields and blanked them."""
    if not original or original[0].strip() != "---" or lines[:1] != [""]:
        return []
    end = next((k for k in range(1, min(len(original), 60)) if original[k].strip() == "---"), None)
    if end is None:
        return []
    return [(k + 1, original[k].strip()) for k in range(end + 1) if original[k].strip()]


def _outside(lines: list[str], blocks, index: int) -> list[tuple[int, str]]:
    """The lines of a web page after a text that are not the text: its adoption line and what
    follows it up to the next document (licence notes, "read the full text" links), as (line
    number, text); the lines above the text are the masthead's (``_masthead``). A footnote area
    or annex after the text is left to be read as such."""
    block = blocks[index]
    found: list[tuple[int, str]] = []
    following = blocks[index + 1].start if index + 1 < len(blocks) else len(lines)
    if block.end < following and ends_text_at(lines, block.end) \
            and not annex_starts(lines, block.end, following):
        end = following
        if index + 1 < len(blocks):
            end = next((k for k in range(block.end + 1, following) if not lines[k].strip()), following)
        # the footnote area is read as the text's (what follows it, not footnotes, is listed)
        notes = {k for k, _ in _trailing_area(lines, block.end, following, "\n".join(lines[block.start + 1 : block.end]))}
        if index + 1 < len(blocks):
            # the next text's title, when no blank line sets it apart (a page printing two
            # language versions on one line): that text's, not furniture of this one
            end = min([end] + [k for k in title_lines(lines, blocks[index + 1]) if k > block.end])
        found.extend((k + 1, lines[k].strip()) for k in range(block.end, end) if lines[k].strip() and k + 1 not in notes)
    return found


def _paragraphs(body: list[str], quoted: bool, layout: Layout, known_marks: set[str],
                source: str | None = None) -> tuple[list[Paragraph], list[Footnote], list[tuple[int, str]]]:
    """Segmentation and classification of a laid-out body: its paragraphs, its footnotes, and the
    lines (index in the body, text) after its last operative paragraph that are no part of it
    (``trailing_text``).

    ``known_marks`` are footnote marks defined elsewhere (Markdown definitions at the end). A
    document of more paragraphs than resdiff reads is refused once they are counted. In a text
    with a blank line before every line (read as given: too short, or not wrapped enough, to be
    read as a double-spaced copy), a Chinese line going on from a full line ending with "，"
    across that blank line is read as the paragraph's, and named in a warning.
    """
    _set_apart_stray_lines(layout)
    gone_on: list[Line] = []
    double = len(layout.lines) >= 3 and all(line.blank_before for line in layout.lines[1:])
    after_semicolon: list[Line] = []
    chunks = _join_lines(layout.lines, quoted, _block_mode(body), gone_on=gone_on if double else None,
                         after_semicolon=after_semicolon)
    layout.problems.extend(
        (line.at, Message(N_("“{text}” is read as part of the operative paragraph above, whose line before it ends "
                             "with “{end}”: if it opens an operative paragraph of its own (with a verb resdiff does not "
                             "know), that paragraph is misread"),
                          text=line.text.strip(), end=previous.text.strip()[-1]))
        for line, previous in ((line, layout.lines[layout.lines.index(line) - 1]) for line in after_semicolon))
    layout.problems.extend(
        (line.at, Message(N_("“{text}” is read as part of the paragraph above: the line before it is a full line "
                             "ending with “{end}”, and in a text with a blank line after every line the blank line "
                             "between them sets nothing apart; if it opens a paragraph of its own, this paragraph is "
                             "misread"), text=line.text.strip(), end=previous.text.strip()[-1]))
        for line, previous in ((line, layout.lines[layout.lines.index(line) - 1]) for line in gone_on))
    marks = {f.mark for f in layout.footnotes} | set(known_marks)
    cut = trailing_text(chunks, quoted)
    if cut < len(chunks) and _broken_by_room(chunks[cut:], layout.lines):
        cut = len(chunks)
    if not quoted and cut:
        chunks, cut = _wrapped_trailing(chunks, cut, layout.lines)
    trailing = [(line.at, line.text) for line in _lines_of(chunks[cut:], layout.lines)]
    return _classify(chunks[:cut], quoted, marks, source), _unique_footnotes(layout.footnotes), trailing


_STRAY_LENGTH = 60  # the longest stray line between two numbered paragraphs


def _set_apart_stray_lines(layout: Layout) -> None:
    """A short line standing alone between two numbered paragraphs, the first ended with a
    semicolon, the second numbered next (a web copy's "Advertisement", "Publicité", "Read more"):
    no sentence of either paragraph, so it is listed with the furniture and named in a warning
    (a heading of the resolution printed so is then not compared, but never read into the
    paragraph before)."""
    lines = layout.lines
    stray: list[int] = []
    last = None  # the number of the last numbered paragraph
    # text left on a line of page furniture is read as the text's, and said so, already
    split = {at for at, _ in layout.furniture}
    for k, line in enumerate(lines):
        text = line.text.strip()
        number = _OPERATIVE.match(text)
        if number:
            last = int(number.group(1))
            continue
        if (last is None or k == 0 or k + 1 >= len(lines) or line.at in split
                or not lines[k - 1].text.rstrip().endswith((";", "؛", "；"))):
            continue
        following = _OPERATIVE.match(lines[k + 1].text.strip())
        if (following and int(following.group(1)) == last + 1 and 0 < len(text) <= _STRAY_LENGTH
                and not _TERMINAL_END.search(text) and text[-1:] not in "؛،" and not _LABEL.match(text)
                # a bracketed paragraph or alternative ("[2 alt. …]") or a number's form ("2 bis …")
                and text[:1] not in "[［(（" and not text[:1].isdigit()
                and not (text[:1].islower() and text[:1] < "\u0250") and section_heading(text) is None
                and not opens_preambular(text) and not opens_operative(text)):
            stray.append(k)
    for k in reversed(stray):
        line = lines.pop(k)
        layout.furniture.append((line.at, line.text.strip()))
        layout.problems.append((line.at, Message(
            N_("“{text}” stands alone between two numbered paragraphs and is no sentence of either: left out as "
               "page furniture (if it is a heading of the text, it is not compared)"), text=line.text.strip())))


# A footnote's body printed as text, with no rule above it: "1 See …", "[1] See …", "⁽¹⁾ See …".
_NOTE_LINE = re.compile(rf"^(?:\[(?P<bracket>\d{{1,3}})\]|⁽(?P<paren>\d{{1,3}}|[{SUPERSCRIPT_DIGITS}]{{1,3}})⁾|(?P<plain>\d{{1,3}}))"
                        r"\s*(?P<text>\S.*)$")
_ASCII_TO_SUPER = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)


def _unruled_notes(layout: Layout, known_marks: set[str], double: bool = False) -> None:
    """Footnote bodies printed as lines of text, with no separator rule above them, taken out of
    ``layout.lines`` into ``layout.footnotes``: a line "N text" ("[N] text", "⁽N⁾ text") where N
    is a footnote mark the text cites and no footnote N is printed, after the last operative
    paragraph (a line set apart: after a blank line or a line that ends its sentence), or
    right after the paragraph whose last line ends with the mark N. Such a line is neither page
    furniture nor a paragraph of the text, nor the last paragraph's continuation. In a text with
    a blank line after every line (``double``), that blank line does not end a footnote's body."""
    lines = layout.lines
    candidates = [k for k, line in enumerate(lines) if _NOTE_LINE.match(line.text) and not _OPERATIVE.match(line.text)
                  and not INSERTED_OPENING.match(line.text)]
    if not candidates:
        return
    defined = {f.mark for f in layout.footnotes} | set(known_marks)
    last_operative = max((k for k, line in enumerate(lines) if _OPERATIVE.match(line.text)), default=-1)
    state = [0]
    cited: list[tuple[str, ...]] = []  # each line's marks, read as classification reads them
    for line in lines:
        cited.append(_take_marks(line.text, set(), state)[1])
    cited_marks = {mark for marks in cited for mark in marks}
    taken: dict[int, Footnote] = {}
    rules = [at for at, text in layout.furniture if RULE.match(text) and not _SEPARATOR.match(text)]
    k = area_end = 0
    while k < len(lines):
        match = _NOTE_LINE.match(lines[k].text) if k in candidates else None
        if match is None or k == 0:
            k += 1
            continue
        mark = (match.group("bracket") or match.group("paren") or match.group("plain")).translate(_SUPER_TO_ASCII)
        text = match.group("text").strip()
        before = lines[k - 1]
        set_apart = before.blank_before or lines[k].blank_before or _ends_terminal(before.text)
        cites = any(mark in marks for marks in cited[:k] if marks)
        after_text = k > last_operative and lines[k].blank_before or k > last_operative and _ends_terminal(before.text)
        after_mark = bool(cited[k - 1]) and cited[k - 1][-1] == mark and before.text.rstrip(" ]⁾").endswith(
            (mark, mark.translate(_ASCII_TO_SUPER))) and lines[k].blank_before \
            and not opens_preambular(text) and not opens_operative(text)
        # under a short rule ("___", too short for a footnote area's separator, listed with the
        # furniture by ``lay_out``) between two paragraphs, as a page's foot between them prints
        # it, or after such a footnote
        ruled = any(before.at < at < lines[k].at for at in rules) or k == area_end
        if mark in defined or not cites or not (set_apart or ruled) or not (after_text or after_mark or ruled):
            k += 1
            continue
        end = k + 1
        # its body wraps onto the lines after it, up to a blank line, a line of its own kind or an
        # operative paragraph (below the last one, or under a rule: in the text a paragraph may follow)
        while end < len(lines) and (k > last_operative or ruled) and (double or not lines[end].blank_before) \
                and not _opens_note(lines[end].text, cited_marks) and not _OPERATIVE.match(lines[end].text) \
                and lines[end - 1].text.rstrip(" ”\"’")[-1:] not in ".。!?！？":  # ("… Session," and "… No. 49" go on)
            text = _join(text, lines[end].text)
            end += 1
        taken[k] = Footnote(mark, text)
        defined.add(mark)
        for j in range(k + 1, end):
            taken[j] = None  # type: ignore[assignment]
        k = area_end = end
    if not taken:
        return
    layout.footnotes.extend(note for note in taken.values() if note is not None)
    kept = [line for j, line in enumerate(lines) if j not in taken]
    for j in sorted(taken):
        # the line after a footnote's body opens a paragraph, as after a blank line
        following = next((i for i, line in enumerate(kept) if line.at > lines[j].at), None)
        if following is not None and not kept[following].blank_before and taken.get(j) is not None:
            kept[following] = kept[following]._replace(blank_before=True)
    lines[:] = kept


def _opens_note(text: str, cited: set[str]) -> bool:
    """Whether a line opens a footnote whose mark the text cites ("2 Official Records …"), not
    a footnote's words wrapped onto a line that opens with a number ("49号》(A/79/49)，第一卷。")."""
    match = _NOTE_LINE.match(text)
    return match is not None and (match.group("bracket") or match.group("paren") or match.group("plain")
                                  ).translate(_SUPER_TO_ASCII) in cited


def _trailing_warning(symbol: str | None, trailing: list[tuple[int, str]]) -> list[str | Message]:
    """What is said of the lines after the last operative paragraph that are no part of it: one
    warning naming them (they are listed with the page furniture)."""
    if not trailing:
        return []
    numbers = [k for k, _ in trailing]
    if len(numbers) == 1:
        return [Message(N_("{name}: line {line}: “{text}” follows the last operative paragraph, which ends the text "
                           "with its full stop: read as no part of it (listed with the page furniture, not compared)"),
                        name=symbol or Message(N_("document")), line=numbers[0], text=trailing[0][1])]
    return [Message(N_("{name}: lines {lines}: “{text}” follow the last operative paragraph, which ends the text "
                       "with its full stop: read as no part of it (listed with the page furniture, not compared)"),
                    name=symbol or Message(N_("document")), lines=listed(numbers),
                    text=" ".join(text for _, text in trailing))]


def _broken_by_room(tail: list[str], lines: list[Line]) -> bool:
    """Whether the paragraph texts ``tail`` (the last of ``lines``) go on from the line before
    them, broken off it for want of room: that line is as wide as the text is wrapped to (a
    page may break a paragraph after a sentence's full stop, and a blank line stand there)."""
    first = len(lines) - len(_lines_of(tail, lines))
    if first <= 0:
        return False
    before, after = lines[first - 1].text, lines[first].text.strip()
    word = after[:1] if has_cjk(after[:1]) else (after.split() or [""])[0]
    # (the width the text's own lines are wrapped to: a page's text after it, "© United Nations"
    # over "This page was last edited …", wraps to a width of its own)
    return width(before) + 1 + width(word) > _wrap_width(lines[:first])


def _wrap_width(lines: list[Line]) -> int:
    """``page_width`` of a layout's lines, its blank lines given back."""
    return page_width([text for line in lines for text in (["", line.text] if line.blank_before else [line.text])])


def _wrapped_trailing(chunks: list[str], cut: int, lines: list[Line]) -> tuple[list[str], int]:
    """``trailing_text`` where text after the last operative paragraph (``chunks[cut - 1]``) was
    run onto it by segmentation, as in a text wrapped to its page's width (no blank line sets
    its paragraphs apart): the paragraph is cut after a line that ends with a full stop and that
    the next line's first word would have fitted onto (the line did not break for want of room:
    its paragraph ended there), when what follows is no continuation ``trailing_text`` knows.
    The chunks (the paragraph cut in two or not) and the index of the first that is no part
    of the text."""
    pool = lines[: len(lines) - len(_lines_of(chunks[cut:], lines))]
    last = _lines_of(chunks[cut - 1 : cut], pool)
    if len(last) < 2 or sum(len("".join(line.text.split())) for line in last) != len("".join(chunks[cut - 1].split())):
        return chunks, cut
    # (the width the text's own lines are wrapped to: page text run onto the paragraph, "© United
    # Nations" over "This page was last edited …", wraps to a width of its own)
    wrapped_to = _wrap_width(pool[: len(pool) - len(last)])
    for j in range(1, len(last)):
        if not ended_short(last[j - 1].text, last[j].text, wrapped_to):
            continue  # the line broke for want of room (or ends otherwise): its paragraph may go on
        split = chunks[: cut - 1] + [_join_all([line.text for line in last[:j]]),
                                     _join_all([line.text for line in last[j:]])] + chunks[cut:]
        if trailing_text(split, False) == cut:
            return split, cut
    return chunks, cut


def _lines_of(chunks: list[str], lines: list[Line]) -> list[Line]:
    """The lines that the paragraph texts ``chunks``, the last of those ``lines`` were joined
    into, were: counted back from the last line by their characters, white space aside
    (joining lines only adds or drops spaces)."""
    need = sum(len("".join(chunk.split())) for chunk in chunks)
    found: list[Line] = []
    for line in reversed(lines):
        if need <= 0:
            break
        found.append(line)
        need -= len("".join(line.text.split()))
    return found[::-1]


def _annexes(lines: list[str], begin: int, end: int, meta: dict[str, str], block, paragraphs: list[Paragraph],
             footnotes: list[Footnote], known_marks: set[str], dropped: list[tuple[int, str]],
             problems: list[tuple[int, str]], cited: str = "", twice: list[Footnote] | None = None) -> None:
    """The annexes printed after a text (between its end and the next document), read as bodies
    are and classified as annexes (``annex``): their paragraphs and headings are appended to
    ``paragraphs``, their footnotes to ``footnotes``, what was dropped to ``dropped``."""
    starts = annex_starts(lines, begin, end)
    if not starts:
        return
    # Between the text's end and its annex: the adoption line ("3rd plenary meeting", its date),
    # listed with the furniture as it is when no annex follows (``_outside``); a footnote area
    # there is the text's own, read with it (``_trailing_footnotes``).
    tail = lines[begin : starts[0][0]]
    notes = _trailing_footnotes(tail, cited)
    area = footnote_area_start(tail, cited) if notes else None
    if area is None:
        area, notes = len(tail), []
    elif not _SEPARATOR.match(tail[area].strip()):
        notes = notes[1:]  # the rule the page lost, given back: no line of the tail
    dropped.extend((begin + k + 1, line.strip()) for k, line in enumerate(tail)
                   if line.strip() and not area <= k < area + len(notes))
    state = [max((int(m) for p in paragraphs for m in p.all_footnotes() if m.isdigit()), default=0)]
    marks = {f.mark for f in footnotes} | known_marks
    for number, (start, label) in enumerate(starts):
        stop = starts[number + 1][0] if number + 1 < len(starts) else end
        ruled = next((k for k in range(start + 1, stop) if _MARKDOWN_RULE.match(lines[k])), stop)
        # a Markdown rule ends the annex: it and what follows it (not footnotes) are listed
        after_rule = [(k + 1, lines[k].strip()) for k in range(ruled, stop) if lines[k].strip()]
        stop = ruled
        region = lines[start + 1 : stop]
        titles = _titles(lines, block, meta)
        # The annex's own title, first under its label, often repeats the resolution's: it is
        # the annex's heading, not a running head ("Doha Political Declaration …").
        first = next((k for k, line in enumerate(region) if line.strip()), None)
        own_title = None
        if first is not None and _is_furniture(region[first].strip(), titles) \
                and not _is_furniture(region[first].strip(), []):
            own_title = region[first].strip()
            region = region[:first] + [""] + region[first + 1 :]
        layout = lay_out(region, False, titles, _masthead_symbols(lines, meta),
                         max([0, *(int(f.mark) for f in footnotes if f.mark.isdigit())]))
        prefix = "Annex" if len(starts) == 1 else f"Annex {label or _ordinal(number + 1)}"
        chunks = ([own_title] if own_title else []) + _join_lines(layout.lines, False, _block_mode(region), annex=True)
        found = {f.mark for f in layout.footnotes} | marks
        paragraphs.extend(classify_annex(chunks, prefix, lines[start], found, state))
        known = {f.mark for f in footnotes}
        if twice is not None:
            twice.extend(repeated_otherwise(layout.footnotes, footnotes))
        footnotes.extend(f for f in _unique_footnotes(layout.footnotes) if f.mark not in known)
        dropped.extend((start + 2 + k, text) for k, text in layout.furniture)
        dropped.extend(after_rule)
        problems.extend((start + 2 + k, text) for k, text in layout.problems)


def _quoted_annex(lines: list[str], block) -> tuple[int, list[str]] | None:
    """Where the annex of a quoted draft begins (the quoted "Annex" / "附件" line), and the lines
    with the quotation marks that open each quoted line, and the one that closes the quotation,
    taken off; None when the draft has no annex."""
    unquoted = None
    for index in range(block.start + 1, block.end):
        line = lines[index].strip()
        if line.startswith(("“", '"')) and ANNEX_LINE.match(line[1:]):
            unquoted = list(lines)
            for k in range(index, block.end):
                text = unquoted[k].strip()
                if text.startswith(("“", '"')):
                    text = text[1:]
                if k == block.end - 1 and text.endswith(("”", '"')):
                    text = text[:-1]
                unquoted[k] = text
            return index, unquoted
    return None


def _report_agenda(lines: list[str], first: int) -> str | None:
    """The agenda item a committee report is issued under, from the lines before its first
    draft: every draft it quotes was submitted under it."""
    header = read_header(lines, 0, max(first, 0), False)
    return header.agenda_item


def _masthead(lines: list[str], begin: int, chapeau_at: int, header: Header, title: str | None,
              titled: set[int]) -> list[tuple[int, str]]:
    """The lines above a text that are neither its title (read from the lines ``titled``) nor its
    header (distribution, dates, job numbers, session and committee lines): page furniture,
    with their line numbers. A masthead line whose words stand in the title ("General Assembly")
    is still furniture: only the title's own lines are taken as read."""
    dropped: list[tuple[int, str]] = []
    for k in range(max(begin, 0), max(chapeau_at, 0)):
        stripped = lines[k].strip()
        if not stripped:
            continue
        dropped.extend((k + 1, text) for at, text in header.leftover if at == k)
        bare = _TITLE_NUMBER.sub("", stripped).strip()
        if k in header.used:
            continue
        if title and bare and k in titled:
            outside = _outside_title(bare, title)
            if outside:
                dropped.append((k + 1, outside))
            continue
        dropped.append((k + 1, stripped))
    return dropped


def _outside_title(line: str, title: str) -> str | None:
    """What a title line holds besides the title: the masthead flattened before it, a library's
    citation after it ("…, U.N. Doc. S/RES/1263 (1999)."); None when the line is all title.

    >>> _outside_title("S/RES/2351 (2017)* Distr. générale Résolution 2351 (2017)", "Résolution 2351 (2017) Adoptée")
    'S/RES/2351 (2017)* Distr. générale'
    """
    if line in title:
        return None
    at = line.find(title[:30])
    if at < 0:
        at = next((line.find(title[:n]) for n in range(min(len(title), 30), 0, -1) if line.endswith(title[:n])), -1)
        if at < 0:
            return line
    end = at
    while end < len(line) and end - at < len(title) and line[end] == title[end - at]:
        end += 1
    return (line[:at].rstrip() + " " + line[end:].lstrip()).strip() or None


def _ordinal(value: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][value - 1] if value <= 10 else str(value)


_MARKDOWN_RULE = re.compile(r"^---\s*$")


def _dates_from_account(text: str, documents: list[Document]) -> list[Document]:
    """Drafts quoted in a report, dated as the report's account of the proceedings dates them
    (the day a draft was introduced or submitted)."""
    dates = draft_dates(proceedings(text))
    return [replace(d, date=dates[d.symbol]) if d.date is None and d.symbol in dates else d
            for d in documents]

