"""Annexes: where each annex of an adopted text lies, and its paragraphs and headings.

An adopted resolution often adopts a text printed as its annex (a declaration, a programme of
action), with its own numbered paragraphs, sub-paragraphs, headings and footnotes. The layout
stage ends the resolution's body at the "Annex" (附件) line; here the lines from that line to
the next annex or the next document are read by the same stages as a body (page furniture,
footnotes, segmentation), then classified for an annex:

- a numbered paragraph "12. …" is annex paragraph ``Annex 12`` (``Annex I 12`` where the text
  has several annexes), its sub-paragraphs ``Annex 12(b)``;
- the annex's label and title, and section headings ("A. Poverty eradication", "一、…"), short
  lines that end without the punctuation that ends a paragraph, are headings ``Annex H1``…;
- other unnumbered text is an unnumbered annex paragraph ``Annex ¶1``…, or, where the paragraph
  before it has not ended (no closing punctuation), that paragraph's continuation.
"""

from __future__ import annotations

from dataclasses import replace

from ..lazypattern import lazy
from ..model import Item, Paragraph, ParagraphKind
from .classification import _joined_places, _label, _take_marks_at, _unbracketed, bracketed_label, unique_id
from .lines import _join
from .patterns import _LABEL, _OPERATIVE, ANNEX_WORDS, bis_number, item_label, label_brackets

# "Annex", "Annex II", "ANNEX", "Appendix", "Enclosure", "附件", "附件二", and the other words of
# ``ANNEX_WORDS`` ("Annexes", "Attachment", "Apéndice", "Приложение", "المرفق").
ANNEX_LINE = lazy(
    rf"^\s*(?:Annex|ANNEX|Appendix|APPENDIX|Enclosure|附件|附录|(?i:{ANNEX_WORDS}))"
    r"(?:\s*(?P<label>[IVXLC]{1,6}|\d{1,2}|[一二三四五六七八九十]{1,3}|[A-Z]))?\s*$")
# The annex's label and its title on one line, as a Markdown extraction flattens them ("Annex
# 2025 Political Declaration on …"): a heading, short and not ending as a paragraph does.
_ANNEX_TITLED = lazy(r"^\s*(?:Annex|ANNEX|Appendix|APPENDIX|附件)\s+(?=[A-Z0-9“«\u4e00-\u9fff])\S.{0,200}$")
# A heading is short and does not end as a paragraph does.
HEADING_LENGTH = 200
_ENDS_PARAGRAPH = lazy(r"[.;:,。；：，]\s*[”’\"']?\s*$")


def annex_starts(lines: list[str], begin: int, end: int) -> list[tuple[int, str | None]]:
    """The annex lines in ``lines[begin:end]``: (index, label such as "I" or None)."""
    found: list[tuple[int, str | None]] = []
    for index in range(begin, end):
        match = ANNEX_LINE.match(lines[index])
        if match:
            found.append((index, match.group("label")))
        elif _ANNEX_TITLED.match(lines[index]) and not _ENDS_PARAGRAPH.search(lines[index]):
            found.append((index, None))
    return found


def _is_heading(text: str) -> bool:
    if _ROMAN_HEADING.match(text):
        return True  # a section's label alone on its line ("I."), its title on the next
    return len(text) <= HEADING_LENGTH and not _ENDS_PARAGRAPH.search(text) and not _OPERATIVE.match(text)


def classify_annex(chunks: list[str], prefix: str, heading_line: str,
                   known_marks: set[str], state: list[int]) -> list[Paragraph]:
    """An annex's paragraphs and headings, with ids under ``prefix`` ("Annex", "Annex I").

    ``heading_line`` is the annex's own label line ("Annex", "附件"), kept as its first heading.
    """
    raw: list[dict] = [{"kind": ParagraphKind.HEADING, "number": None, "text": heading_line.strip(),
                        "items": [], "marks": ()}]
    for text in _unglued(chunks):
        number = _OPERATIVE.match(text)
        label = _LABEL.match(text)
        previous = raw[-1]
        inserted = None if number else bis_number(text)
        if inserted:
            # "2 bis.", "2 之二.", "[2. alt …]": a paragraph inserted after annex paragraph 2 (or
            # offered instead of it), id "Annex 2bis" as the body's is "OP2bis"
            body, marks, at = _take_marks_at(_unbracketed(text, inserted[0]), known_marks, state, not known_marks)
            bracket = bracketed_label(inserted[0])
            body, at = bracket + body, tuple(a + len(bracket) for a in at)
            raw.append({"kind": ParagraphKind.ANNEX, "number": None, "text": body, "items": [], "marks": marks, "at": at,
                        "id": inserted[1].removeprefix("OP")})
        elif number:
            body, marks, at = _take_marks_at(text[number.end():], known_marks, state, not known_marks)
            raw.append({"kind": ParagraphKind.ANNEX, "number": int(number.group(1)), "text": body,
                        "items": [], "marks": marks, "at": at})
        elif label and previous["kind"] is ParagraphKind.ANNEX:
            body, marks, at = _take_marks_at(text[label.end():], known_marks, state, not known_marks)
            printed, parent = _label(item_label(label), previous["items"])
            previous["items"].append(Item(printed, body, marks, parent, label_brackets(label), at))
        elif _is_heading(text):
            # a footnote mark may end a heading, run onto its last word: the annex's title "… Trust
            # Fund170" (a number after a space is the heading's own: "Article 1")
            body, marks, at = _take_marks_at(text, known_marks, state, not known_marks) if _MARKED_HEADING.search(text) else (text, (), ())
            raw.append({"kind": ParagraphKind.HEADING, "number": None, "text": body, "items": [],
                        "marks": marks, "at": at})
        else:
            body, marks, at = _take_marks_at(text, known_marks, state, not known_marks)
            last_text = previous["items"][-1].text if previous["items"] else previous["text"]
            if previous["kind"] is ParagraphKind.ANNEX and not _ENDS_PARAGRAPH.search(last_text):
                # the paragraph before has not ended: this is the rest of it
                if previous["items"]:
                    item = previous["items"][-1]
                    joined = _join(item.text, body)
                    previous["items"][-1] = replace(item, text=joined, footnotes=item.footnotes + marks,
                                                    marks_at=_joined_places(item.text, item.marks_at, body, at, joined))
                else:
                    joined = _join(previous["text"], body)
                    previous["at"] = _joined_places(previous["text"], previous.get("at", ()), body, at, joined)
                    previous["text"] = joined
                    previous["marks"] = previous["marks"] + marks
            else:
                raw.append({"kind": ParagraphKind.ANNEX, "number": None, "text": body, "items": [],
                            "marks": marks, "at": at})
    return _with_ids(raw, prefix)


# A paragraph number run into the text before it: after the end of a sentence ("… Development.
# 2. We acknowledge …") or after a heading ("Global context and shared commitments 3. We …"),
# as some extractions print a declaration's paragraphs.
_INLINE_NUMBER = lazy(r"\s(\d{1,3})[.．]\s+(?=[A-Z“\"\u4e00-\u9fff])")
# A sentence's end, maybe with a closing quote and a footnote mark after it ("annexes.7").
_SENTENCE_END = lazy(r"[.;。；][”’\"']?\s?(?:\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})?$")
_TRAILING_HEADING = lazy(r"\s(?:(?:[IVXLC]{1,6}|[A-Z])[.．]\s+)?[A-Z][^.;:。；：]{2,150}$")
_MARKED_HEADING = lazy(r"[^\W\d_][”’\"')]?(?:\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})$")
_ROMAN_HEADING = lazy(r"^(?:[IVXLC]{1,6}|[A-Z])[.．]$")


def _unglued(chunks: list[str]) -> list[str]:
    """The annex's paragraph texts, each numbered paragraph that an extraction ran into the text
    before it set apart. Only the number that comes next in the annex's count is taken, and only
    after a sentence's end or after a heading, so that "paragraph 7. The" in a sentence stays."""
    out: list[str] = []
    expected = 1
    for chunk in chunks:
        text = chunk.strip()
        if not text:
            continue
        number = _OPERATIVE.match(text)
        if number:
            expected = int(number.group(1)) + 1
        start = 0
        for match in _INLINE_NUMBER.finditer(text):
            value = int(match.group(1))
            if value not in (expected, expected + 1):
                continue  # the next number, or the one after where an extraction lost one
            before = text[start:match.start()].rstrip()
            opened = _OPERATIVE.match(before)
            after_sentence = bool(_SENTENCE_END.search(before)) and bool(opened or out)
            after_heading = not opened and _is_heading(before)
            if not (after_sentence or after_heading):
                # a heading between a sentence's end and the number: "… Development. I. Global
                # context and shared commitments 3. We gather …"
                tail = _TRAILING_HEADING.search(before)
                if not tail or not _SENTENCE_END.search(before[:tail.start()].rstrip()):
                    continue
                out.append(before[:tail.start()].rstrip())
                before = tail.group(0).strip()
            out.append(before)
            start = match.start() + 1
            expected = value + 1
        out.append(text[start:].strip())
    return [piece for piece in out if piece]


def _with_ids(raw: list[dict], prefix: str) -> list[Paragraph]:
    paragraphs = []
    used: set[str] = set()
    headings = unnumbered = 0
    for entry in raw:
        if entry["kind"] is ParagraphKind.HEADING:
            headings += 1
            pid = f"{prefix} H{headings}"
        elif entry.get("id"):
            pid = f"{prefix} {entry['id']}"
        elif entry["number"] is None:
            unnumbered += 1
            pid = f"{prefix} ¶{unnumbered}"
        else:
            pid = f"{prefix} {entry['number']}"
        pid = unique_id(pid, used)
        paragraphs.append(Paragraph(id=pid, kind=entry["kind"], number=entry["number"], text=entry["text"],
                                    items=tuple(entry["items"]), footnotes=tuple(entry["marks"]),
                                    marks_at=tuple(entry.get("at", ())) if len(entry.get("at", ())) == len(entry["marks"])
                                    else ()))
    return paragraphs
