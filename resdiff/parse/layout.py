"""Layout stage, first half: where in a text each document begins and ends.

From the text's lines (after the reading stage) to typed ``Block`` records: the front matter
and Markdown footnote definitions are taken out, every chapeau ("大会，", "The General
Assembly,") opens a document, and each document's body ends at the closing quotation mark of a
draft quoted in a report, at the plenary-meeting (adoption) line or annex of an adopted text, or
before the next document's title. What lies inside a block (page furniture, running heads,
footnote areas) is the business of ``pages``.
"""

from __future__ import annotations

import re

from ..i18n import N_, Message
from ..lazypattern import lazy
from ..model import Footnote
from ..text import has_cjk
from .identity import _MONTHS
from .lines import _ends_terminal
from .patterns import (
    _BARE_CHAPEAUS,
    _CHAPEAUS,
    _END_OF_TEXT,
    _OPERATIVE,
    _PLAIN_FOOTNOTE,
    _SEPARATOR,
    _SUPER_FOOTNOTE,
    _SUPER_TO_ASCII,
    _SYMBOL,
    _TERMINAL,
    INSERTED_OPENING,
    opens_operative,
    opens_preambular,
)
from .records import Block

# Words of a chapeau may be set apart by several spaces (some extractions space out every word).
# No two runs of white space touch: a line of spaces can split between them only one way.
# Its punctuation may be doubled or mistyped ("The General Assembly,,", "The General Assembly;"); a
# form printed without its article ("General Assembly,") is one only with it.
_CHAPEAU_END = r"[，,、،:：.;；]"
_CHAPEAU = re.compile(
    r"^\s*(?:[“\"]\s*)?(?:(?:" + "|".join(c.replace(" ", r"\s+") for c in _CHAPEAUS) + rf")\s*(?:{_CHAPEAU_END}\s*){{0,3}}"
    r"|(?:" + "|".join(c.replace(" ", r"\s+") for c in _BARE_CHAPEAUS) + rf")\s*(?:{_CHAPEAU_END}\s*){{1,3}})$",
    re.IGNORECASE,
)
_MD_FOOTNOTE = re.compile(r"^\[\^(\d+)\]:\s*(.*)$")
# A bullet a web page puts before a paragraph (wiki lists "- 1. 决定…", "* Recalling …").
WEB_BULLET = re.compile(r"^(\s*)[-•*·]\s+(?=\S)")
_YAML_FIELD = re.compile(r'^(\w+):\s*"?(.*?)"?\s*$')



# A decision printed as one sentence: "The General Assembly, recalling …, decides to …." or
# "大会回顾……，决定……。" The chapeau opens the line and the sentence runs on after it.
_INLINE_CHAPEAU = lazy(
    r"^\s*(?P<chapeau>" + "|".join(c.replace(" ", r"\s+") for c in _CHAPEAUS) + r")(?:\s*[,，]\s*|(?<=会)|(?<=會))"
    r"(?P<rest>\S.*[.。])\s*$"
)


def _decision_layout(lines: list[str]) -> tuple[list[str], list[int]]:
    """Lines with a one-sentence decision's chapeau set on a line of its own, and its index.

    Only the first such line counts, and only where the text has no chapeau of its own line.
    """
    for index, line in enumerate(lines):
        match = _INLINE_CHAPEAU.match(line)
        if match and (match.group("rest")[:1].islower() or has_cjk(match.group("rest")[:1])):
            chapeau = match.group("chapeau") + ("，" if has_cjk(match.group("chapeau")) else ",")
            return lines[:index] + [chapeau, match.group("rest")] + lines[index + 1:], [index]
    return lines, []


# A text a web page ran together: its paragraphs on one line, one after another, the chapeau
# among them, after the title ("53/166. 《…》的全面执行和后续行动 大会, 回顾其……, 又回顾……,").
_RUN_TOGETHER_CHAPEAU = lazy(
    r"(?:^|(?<=\s))(?P<chapeau>" + "|".join(c.replace(" ", r"\s+") for c in _CHAPEAUS) + r")\s*[,，]\s*(?=\S)"
)
# Where a paragraph may end in such a line: after a comma, semicolon or colon and white space.
_RUN_TOGETHER_BREAK = re.compile(r"(?<=[,，;；:：])\s+(?=\S)")


def _run_together_layout(lines: list[str]) -> tuple[list[str], list[int]]:
    """Lines with a run-together text laid out again: its title, its chapeau and each of its
    paragraphs on lines of their own, blank lines between, and the chapeau's index.

    A paragraph starts after a comma, semicolon or colon and white space where the words that
    follow open a paragraph: a preambular opener of the per-language tables or an operative
    number. Only the first such line counts, and only where the text has no chapeau of its own line.

    >>> _run_together_layout(["1/2. A title The General Assembly, Recalling X, Noting Y, 1. Decides Z;"])[0]
    ['1/2. A title', '', 'The General Assembly,', '', 'Recalling X,', '', 'Noting Y,', '', '1. Decides Z;']
    """
    for index, line in enumerate(lines):
        for match in _RUN_TOGETHER_CHAPEAU.finditer(line):
            rest = line[match.end():]
            if not (opens_preambular(rest) or _OPERATIVE.match(rest)):
                continue
            cuts = [0] + [m.end() for m in _RUN_TOGETHER_BREAK.finditer(rest)
                          if opens_preambular(rest[m.end():]) or _OPERATIVE.match(rest[m.end():])]
            if len(cuts) < 2:
                continue
            paragraphs = [rest[a:b].rstrip() for a, b in zip(cuts, cuts[1:] + [len(rest)])]
            chapeau = match.group("chapeau") + ("，" if has_cjk(match.group("chapeau")) else ",")
            head = line[:match.start()].rstrip()
            laid = ([head, ""] if head else []) + [chapeau]
            for paragraph in paragraphs:
                laid += ["", paragraph]
            at = index + (2 if head else 0)
            return lines[:index] + laid + lines[index + 1:], [at]
    return lines, []


# A chapeau with the text run on after it on the same line, as some web pages print a whole
# resolution: "The Security Council, Recalling …, Taking note …, 1. Decides …; 2. Decides …".
_RUN_ON_CHAPEAU = re.compile(
    r"^\s*(?P<chapeau>(?:" + "|".join(c.replace(" ", r"\s+") for c in _CHAPEAUS) + r"))\s*[,，،:：]\s*(?P<rest>\S.{79,})$",
    re.IGNORECASE,
)
# Where a run-on text may break into paragraphs: after a comma, semicolon or full stop (in any
# of the scripts) and the white space that follows it.
_RUN_ON_BREAK = re.compile(r"(?<=[,;.:،؛，；。：])\s+(?=\S)")


def _first_letters(forms: tuple[str, ...]) -> str:
    """A lookahead for the characters the chapeaus (patterns) can begin with, so that a search
    tries their alternatives only there and not after every space of a long line; an empty
    string where a form begins otherwise than with a letter or an optional "إن "."""
    letters: set[str] = set()
    for form in forms:
        bare = form.removeprefix("(?:إن )?")
        if bare != form:
            letters.add("إ")
        if not bare or not bare[0].isalpha():
            return ""
        letters.add(bare[0])
    return "(?=[" + "".join(sorted(letters)) + "])"


# The same chapeau after the masthead on that line, as a flattened PDF prints it: "S/RES/2351
# (2017)* Nations Unies Conseil de sécurité Distr. générale … Le Conseil de sécurité, Rappelant …".
_RUN_ON_INSIDE = re.compile(
    r"(?<=\s)" + _first_letters(_CHAPEAUS)
    + r"(?P<chapeau>(?:" + "|".join(c.replace(" ", r"\s+") for c in _CHAPEAUS) + r"))\s*[,，،]\s*(?=\S)"
)


def _run_on_layout(lines: list[str]) -> list[str]:
    """Lines with a resolution printed on one line (after its chapeau, or with the chapeau in
    it) set out one paragraph a line, as the official layout prints it. Only a line that breaks
    into paragraphs by the evidence of its own numbers and openers is set out; the rest stay."""
    out: list[str] = []
    after_chapeau = False
    for line in lines:
        match = _RUN_ON_CHAPEAU.match(line)
        inside = _RUN_ON_INSIDE.search(line) if not match and len(line) >= 200 else None
        if inside:
            pieces = _run_on_pieces(line[inside.end():].strip())
            if len(pieces) > 1:
                chapeau = inside.group("chapeau").strip()
                out.append(line[: inside.start()].rstrip())
                out.append(chapeau + ("，" if has_cjk(chapeau) else "،" if "\u0600" <= chapeau[-1:] <= "\u06ff" else ","))
                out.extend(_after_the_text(pieces))
                after_chapeau = False
                continue
        if match:
            pieces = _run_on_pieces(match.group("rest"))
            if len(pieces) > 1:
                chapeau = match.group("chapeau").strip()
                out.append(chapeau + ("，" if has_cjk(chapeau) else "،" if "\u0600" <= chapeau[-1:] <= "\u06ff" else ","))
                out.extend(_after_the_text(pieces))
                after_chapeau = False
                continue
        if after_chapeau and len(line) >= 200:
            pieces = _run_on_pieces(line.strip())
            if len(pieces) > 1:
                out.extend(_after_the_text(pieces))
                after_chapeau = False
                continue
        if line.strip():
            after_chapeau = bool(_CHAPEAU.match(line))
        out.append(line)
    return out


def _after_the_text(pieces: list[str]) -> list[str]:
    """``pieces`` of a text on one line, what follows its adoption line laid out in turn (a page
    that prints the text in two languages, one after the other, on one line)."""
    ends = [k for k, piece in enumerate(pieces) if _END_OF_TEXT.match(piece)]
    if not ends or ends[-1] + 1 >= len(pieces):
        return pieces
    return pieces[: ends[-1] + 1] + _run_on_layout(pieces[ends[-1] + 1 :])


def _run_on_pieces(text: str) -> list[str]:
    """``text`` cut where a paragraph begins: at the operative number expected next, or (before
    the first) at a preambular opener; a text with no operative number is left whole.

    >>> _run_on_pieces("Recalling its resolutions, in particular 2121 (2013), Acting under Chapter VII, "
    ...                "1. Decides to extend the mandate; 2. Decides to remain seized of the matter")
    ['Recalling its resolutions, in particular 2121 (2013),', 'Acting under Chapter VII,', \
'1. Decides to extend the mandate;', '2. Decides to remain seized of the matter']

    The text ends at its adoption line: what the line goes on with after it is not cut here.
    """
    apart = _adoption_apart(text)
    if len(apart) > 1:
        return _paragraph_pieces(apart[0]) + apart[1:]
    return _paragraph_pieces(text)


def _caseless(char: str) -> bool:
    """Whether ``char`` is a letter of a script without capitals (Arabic; not Chinese, whose
    verbs run on unspaced and are read otherwise).

    >>> _caseless("ي"), _caseless("D"), _caseless("d"), _caseless("决")
    (True, False, False, False)
    """
    return char.isalpha() and not char.isupper() and not char.islower() and not has_cjk(char)


def _paragraph_pieces(text: str) -> list[str]:
    starts = [0]
    expected = 1
    for found in _RUN_ON_BREAK.finditer(text):
        after = text[found.end():]
        number = _OPERATIVE.match(after)
        if number:
            if int(number.group(1)) == expected:
                starts.append(found.end())
                expected += 1
            continue
        if expected == 1 and opens_preambular(after) and not after.startswith("United ") \
                and (after[:1].isupper() or not after[:1].isalpha() or ord(after[0]) >= 0x0400):
            starts.append(found.end())
        elif expected == 1 and opens_operative(after) and (text[found.start() - 1] in ";.؛；。" or (
                # an unnumbered operative paragraph after the last preambular one's comma:
                # "…of the Security Council, Decides to restore …", "…之一, 決定:恢復…"
                text[found.start() - 1] in ",，،" and (after[:1].isupper() or re.match(r"\S{1,4}[：:]", after)
                                                       # (a script without capitals: "…، يدين …")
                                                       or _caseless(after[:1]) and not opens_preambular(after)))):
            starts.append(found.end())
    if expected == 1 and len(starts) < 4:
        # no operative number and few openers: no evidence of a text set out on one line
        return [text]
    starts.append(len(text))
    return [text[a:b].strip() for a, b in zip(starts, starts[1:]) if text[a:b].strip()]


# The adoption date printed before the plenary-meeting line: "18 December 2023 77th plenary
# meeting", "2023 年 12 月 18 日 第 77 次全体会议".
_DATE_FIRST = re.compile(r"(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[〇○零一二三四五六七八九\d]{4}\s*年\s*[一二三四五六七八九十\d]{1,3}\s*月"
                         r"\s*[一二三四五六七八九十\d]{1,3}\s*日)[,，]?\s+")


# An adoption line glued onto the last paragraph's own line, as some web copies print it ("2.
# Requests a report. 77th plenary meeting 18 December 2023", "…报告。2023 年 12 月 18 日第 77 次全体
#会议"): the Assembly's plenary-meeting line in the six languages, its date before or after it,
# and the Councils' adoption lines that name their meeting ("第3990次会议一致通过。", "Adopted
# by the Security Council at its 8401st meeting, on 15 November 2018"). The whole rest of the
# line must be that line: a sentence that merely names a meeting goes on otherwise.
_MEETING = (r"(?:\d+(?:st|nd|rd|th)\s+plenary\s+meeting|第\s*[〇○零一二三四五六七八九十百千\d]+\s*次全[体體][会會][议議]"
            r"|\d+\s*(?:e|ème)\s+séance(?:\s+plénière)?|\d+\.?\s*(?:ª|a\.)\s+sesión(?:\s+plenaria)?"
            r"|\d+-(?:е|м)\s+(?:пленарн\w+\s+)?заседани\w*|الجلسة\s+العامة\s+\d+)")
_ANY_DATE = (r"(?:\d{1,2}(?:er)?\.?\s+(?:de\s+)?[^\W\d_]+(?:[ /][^\W\d_]+){0,2}\s+(?:de\s+)?\d{4}(?:\s*(?:года|г\.))?"
             r"|[〇○零一二三四五六七八九\d]{4}\s*年\s*[一二三四五六七八九十\d]{1,3}\s*月\s*[一二三四五六七八九十\d]{1,3}\s*日)")
_COUNCIL_ADOPTION = (r"(?:Adopted\s+(?:by|with|unanimously|without|at|on)\b[^.。]{0,120}\bmeeting\b[^.。]{0,60}"
                     r"|Adopt[ée]e?\s+(?:à|par|sans)\b[^.]{0,120}\bséance\b[^.]{0,60}"
                     r"|Aprobad[ao]\s+(?:por|en|sin)\b[^.]{0,120}\bsesión\b[^.]{0,60}"
                     r"|Принят[аоы]?\s[^.]{0,120}заседани[^.]{0,60}"
                     r"|(?:اتخذ|اُتخذ|اعتمد)(?:ت|ه)?\s[^.]{0,120}الجلسة[^.]{0,60}"
                     r"|第\s*\d+\s*次[会會][议議][^。]{0,20}通[过過])")
_GLUED_ADOPTION = lazy(
    rf"(?<=[.。．])(?P<mark>[”’\"»)]*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]{{1,3}}|\d{{1,3}}(?=\s)|\[\^?\d{{1,3}}\])?)\s*"
    rf"(?P<adoption>(?:(?:{_ANY_DATE}[,，]?\s*)?{_MEETING}(?:[,，]?\s*{_ANY_DATE})?|{_COUNCIL_ADOPTION})\s*[.。]?)\s*$")
# the words one of those lines holds: only a line with one of them is searched
_ADOPTION_TAIL = 240
# How those lines end: a number (the date's year, a vote), a full stop, or one of these.
_ADOPTION_LAST = ".。日议議过過"
_ADOPTION_ENDINGS = ("meeting", "plénière", "séance", "plenaria", "sesión", "года", "заседании", "заседание")
_MEETING_WORD = lazy(r"plenary|meeting|全[体體]|[会會][议議]|séance|sesión|заседани|الجلسة")


_GLUED_DATE = lazy(rf"(?<=[.。．])(?P<mark>[”’\"»)]*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]{{1,3}}|\d{{1,3}}(?=\s)|\[\^?\d{{1,3}}\])?)\s*"
                   rf"(?P<adoption>{_ANY_DATE}\s*[.。]?)\s*$")


def _meeting_follows(lines: list[str], k: int) -> bool:
    """Whether the next line with text after ``lines[k]`` (a blank line between allowed) is a
    plenary-meeting or adoption line naming its meeting."""
    following = next((line.strip() for line in lines[k + 1 : k + 3] if line.strip()), "")
    return bool(following) and _adoption_line(following) and bool(_MEETING_WORD.search(following))


def glued_adoption(lines: list[str]) -> tuple[list[str], list[int]]:
    """The lines with an adoption line glued onto the end of a paragraph's line (``_GLUED_ADOPTION``)
    set on a line of its own after it, where the text then ends; and for each line the index of
    the line it was read from (the lines' numbers in what resdiff lists stay the file's).

    >>> glued_adoption(["2. Requests a report. 77th plenary meeting 18 December 2023", "1 See A/1."])
    (['2. Requests a report.', '77th plenary meeting 18 December 2023', '1 See A/1.'], [0, 0, 1])
    >>> glued_adoption(["2. 请提交报告。2023 年 12 月 18 日第 77 次全体会议"])[0]
    ['2. 请提交报告。', '2023 年 12 月 18 日第 77 次全体会议']
    >>> glued_adoption(["2. Recalls its decision taken at the 77th plenary meeting on 1 May 2023."])[0]
    ['2. Recalls its decision taken at the 77th plenary meeting on 1 May 2023.']

    The date alone is set apart where the plenary-meeting line follows it on the next line:

    >>> glued_adoption(["2. 请提交报告。2023 年 12 月 18 日", "第 77 次全体会议"])[0]
    ['2. 请提交报告。', '2023 年 12 月 18 日', '第 77 次全体会议']
    """
    out: list[str] = []
    origin: list[int] = []
    for k, line in enumerate(lines):
        # (the adoption line is short: only a line's last characters are searched for it, and
        # only where the line ends as one does)
        end = line[-16:].rstrip()
        if not (end[-1:].isdigit() or end[-1:] in _ADOPTION_LAST or end.endswith(_ADOPTION_ENDINGS)):
            out.append(line)
            origin.append(k)
            continue
        at = max(0, len(line) - _ADOPTION_TAIL)
        tail = line[at:]
        found = _GLUED_ADOPTION.search(tail) if _MEETING_WORD.search(tail) else None
        if found is None and _meeting_follows(lines, k):
            found = _GLUED_DATE.search(tail)  # the date, the meeting line below it
        if found and line[: at + found.start()].strip() and not _adoption_line(line.strip()):
            out += [line[: at + found.end("mark")].rstrip(), found.group("adoption").strip()]
            origin += [k, k]
        else:
            out.append(line)
            origin.append(k)
    return out, origin


def _adoption_apart(piece: str) -> list[str]:
    """The last paragraph of a text on one line, its adoption line after it set apart, and what
    the page prints after that (another text, a note) on a line of its own.

    >>> _adoption_apart("Decides to restore all its rights. 1976th plenary meeting, 25 October 1971. 二七五八 (二十六). 恢復")
    ['Decides to restore all its rights.', '1976th plenary meeting, 25 October 1971.', '二七五八 (二十六). 恢復']
    """
    for found in re.finditer(r"(?<=[.。;；])\s+(?=\S)", piece):
        rest = piece[found.end():]
        if _adoption_line(rest):
            end = re.search(r"[.。](?=\s|$)", rest)
            tail = [rest[: end.end()].strip(), rest[end.end():].strip()] if end else [rest.strip()]
            return [piece[: found.start()].strip()] + [t for t in tail if t]
    return [piece]


def _trailing_footnotes(tail: list[str], body: str = "") -> list[str]:
    """The footnote area printed after a text's last line (its adoption line and date): from
    the separator rule through the footnote bodies, or nothing when no footnote area follows
    closely. A web page or an OCR of a printed volume loses the rule: footnotes right after the
    adoption line ("33 Ibid., document S/9814.") are read as such when the text ``body`` cites
    their mark; the rule the page lost is then given back as the area's first line.

    >>> _trailing_footnotes(["Adoptée à l'unanimité", "33 Ibid., document S/9814."], "en date du 1er juin 1970 33, la")
    ['__________', '33 Ibid., document S/9814.']
    >>> _trailing_footnotes(["Adoptée à la 1542e séance par", "11 voix contre zéro"], "le 11 août 1964, 11,")
    []
    """
    start = next((k for k, line in enumerate(tail[:10]) if _SEPARATOR.match(line.strip())), None)
    if start is None:
        start = _unruled_area(tail, body)
        if start is None:
            return []
        taken = [_LOST_RULE]
    else:
        taken = [tail[start]]
        start += 1
    in_note = False
    for line in tail[start:]:
        stripped = line.strip()
        if not stripped:
            in_note = False
            taken.append(line)
        elif INSERTED_OPENING.match(stripped):
            break  # "2 bis. …": a paragraph, not footnote 2
        elif _PLAIN_FOOTNOTE.match(stripped) or _SUPER_FOOTNOTE.match(stripped):
            in_note = True
            taken.append(line)
        elif in_note and not _CHAPEAU.match(stripped):
            taken.append(line)
        else:
            break
    return taken


# The rule given back to a footnote area that a web page or an OCR lost (see _trailing_footnotes).
_LOST_RULE = "_" * 10


def footnote_area_start(tail: list[str], body: str = "") -> int | None:
    """Where in ``tail`` (the lines after a text's last paragraph) its footnote area begins:
    the separator rule, or the first footnote of an area that lost it; None without one."""
    start = next((k for k, line in enumerate(tail[:10]) if _SEPARATOR.match(line.strip())), None)
    return start if start is not None else _unruled_area(tail, body)


# A date on a line of its own, as an adoption line's second line prints it, in any of the
# alphabetic languages: "2 March 2022", "22 octobre 1973", "13 сентября 1999 года".
_VOTES = re.compile(r"^\d{1,2}\s+(?:voix|votes?|votos?|голос\w*|صوت)", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\d{1,2}\.?\s+[^\W\d_]+\.?\s+(?:de\s+)?(?:1[89]|20)\d\d\b")


# How a footnote of the official records opens, in the six languages: it cites a document.
_REFERENCE = lazy(r"(?:Ibid\.|Voir\b|See\b|Véase\b|Documents officiels\b|Official Records\b|"
                        r"Documentos Oficiales\b|Официальные отчеты\b|Там же\b|同上|见|見|انظر|المرجع نفسه)")


def _unruled_area(tail: list[str], body: str) -> int | None:
    """The first line, among the few after the adoption line, that is a footnote whose mark the
    text cites (" 33," after the date it documents), when the lines before it are not."""
    for k, line in enumerate(tail[1:6], 1):
        match = _PLAIN_FOOTNOTE.match(line.strip()) or _SUPER_FOOTNOTE.match(line.strip())
        if not match or INSERTED_OPENING.match(line.strip()):
            continue
        mark = match.group(1).translate(_SUPER_TO_ASCII)
        if _DATE_LINE.match(line.strip()):
            continue  # the adoption line's date ("2 March 2022"), not a footnote
        if _VOTES.match(line.strip()):
            continue  # the adoption line's count of votes ("11 voix contre zéro, avec 4 abstentions")
        # cited as a mark is: run into a word or a punctuation mark, or set after a year
        cited = re.search(rf"(?:(?<=[^\W\d_])|(?<=[,;:.)”’\"])|(?<=(?:19|20)\d\d ))(?<!\d){mark}(?=[\s,.;:)\]]|$)", body)
        if _OPERATIVE.match(line.strip()) or not (cited or _REFERENCE.match(match.group(2))):
            return None
        return k
    return None


# --- front matter and blocks ---------------------------------------------------------------------


def _front_matter(lines: list[str], problems: list[tuple[int, Message]] | None = None
                  ) -> tuple[dict[str, str], list[str], list[Footnote]]:
    """YAML front matter fields and Markdown footnote definitions, taken out of the lines.

    A definition whose number breaks the footnotes' sequence and is a year is the year the
    footnote above wraps to, misread as a mark when the text was converted to Markdown: right
    under a definition whose sentence the year goes on ("… 1 August 2012–31 July" / "[^2013]:
    (S/INF/68)."), it is read into that footnote; anywhere else it stays a footnote, and a
    problem (line, message), 1-based, is added to ``problems``.

    >>> _front_matter(["[^9]: Decisions, 1 August 2012–31 July", "[^2013]: (S/INF/68).", "", "[^10]: Ibid."])[2]
    [Footnote(mark='9', text='Decisions, 1 August 2012–31 July 2013 (S/INF/68).'), Footnote(mark='10', text='Ibid.')]
    """
    meta: dict[str, str] = {}
    if lines and lines[0].strip() == "---":
        for end in range(1, min(len(lines), 60)):
            if lines[end].strip() == "---":
                for line in lines[1:end]:
                    match = _YAML_FIELD.match(line.strip())
                    if match:
                        meta[match.group(1)] = match.group(2).replace('\\"', '"')
                lines = [""] * (end + 1) + lines[end + 1 :]
                break
    footnotes: list[Footnote] = []
    kept: list[str] = []
    in_definition = False
    right_under = False  # whether the line before is a definition's (no blank line between)
    for k, line in enumerate(lines):
        match = _MD_FOOTNOTE.match(line.strip())
        year = match is not None and _wrapped_year(footnotes, match.group(1), lines[k + 1 : k + 8])
        if match and year and right_under and _goes_on_with_year(footnotes[-1].text):
            last = footnotes[-1]
            footnotes[-1] = Footnote(last.mark, f"{last.text} {match.group(1)} {match.group(2).strip()}".strip())
            kept.append("")
        elif match:
            if year and problems is not None:
                problems.append((k + 1, Message(
                    N_("footnote {mark} breaks the footnotes' sequence after footnote {previous}: if it is a year "
                       "going on footnote {previous}'s text, the two are misread"),
                    mark=match.group(1), previous=footnotes[-1].mark)))
            footnotes.append(Footnote(match.group(1), match.group(2).strip()))
            in_definition = True
            kept.append("")
        elif in_definition and line.strip() and line[:1] in " \t\u3000":
            # A wrapped footnote definition continues on indented lines, as Markdown reads it: a
            # line at the margin right under one (a web page's own text, "This page was last
            # edited …") is no part of it, and is read as the text's next line.
            last = footnotes[-1]
            footnotes[-1] = Footnote(last.mark, (last.text + " " + line.strip()).strip())
            kept.append("")
        elif in_definition and not line.strip():
            # (and on indented lines after a blank line, as Markdown reads a footnote's next
            # paragraph and a double-spaced copy prints its wrapped lines)
            kept.append(line)
        else:
            in_definition = False
            kept.append(line)
        right_under = in_definition and bool(line.strip())
    return meta, kept, footnotes


_YEAR = lazy(r"^(?:1[6-9]|20)\d\d$")
# what a year goes on: a month ("31 July 2013"), a dash of a span ("1994–"), a preposition
_BEFORE_YEAR = lazy(lambda: r"(?:[–—-]|\b(?:of|in|de|en|du|del|" + "|".join(
    re.escape(name).replace("/", r"\s?/\s?") for name in sorted(_MONTHS, key=len, reverse=True)) + r"))$",
                    re.IGNORECASE)


def _wrapped_year(footnotes: list[Footnote], mark: str, after: list[str]) -> bool:
    """Whether the Markdown definition ``mark`` is a year breaking the footnotes' sequence:
    its number is no next one of the footnote above, and the next definition's is."""
    if not footnotes or not _YEAR.match(mark) or not footnotes[-1].mark.isdigit():
        return False
    previous = int(footnotes[-1].mark)
    if int(mark) == previous + 1:
        return False
    following = next((m.group(1) for m in map(_MD_FOOTNOTE.match, (x.strip() for x in after)) if m), None)
    return following is None or following == str(previous + 1)


def _goes_on_with_year(text: str) -> bool:
    """Whether a footnote's text is a sentence a year goes on ("… 1 August 2012–31 July")."""
    return bool(_BEFORE_YEAR.search(text.rstrip()))


def _first_operative(lines: list[str]) -> int | None:
    for i, line in enumerate(lines):
        match = _OPERATIVE.match(line.strip().lstrip("“\""))
        if match and match.group(1) == "1":
            numbers = {m.group(1) for m in (_OPERATIVE.match(x.strip().lstrip("“\"")) for x in lines[i:]) if m}
            if "2" in numbers:
                return i
    return None


def _blocks(lines: list[str], chapeaus: list[int]) -> list[Block]:
    blocks = []
    for k, start in enumerate(chapeaus):
        limit = chapeaus[k + 1] if k + 1 < len(chapeaus) else len(lines)
        # A draft quoted in a report opens each of its paragraphs with a quotation mark; a
        # newspaper quoting a whole text opens only the first ('"Le Conseil de sécurité.').
        quoted = start >= 0 and lines[start].strip().startswith(("“", '"')) and \
            next((line.strip() for line in lines[start + 1 : limit] if line.strip()), "").startswith(("“", '"'))
        if quoted:
            end = _end_of_quote(lines, start + 1, limit)
        else:
            end = _end_of_text(lines, start + 1, limit)
        if k + 1 < len(chapeaus) and end == limit:
            end = _before_next_header(lines, start + 1, limit)
        blocks.append(Block(start=max(start, -1), end=end, quoted=quoted))
    return blocks


def _end_of_quote(lines: list[str], begin: int, limit: int) -> int:
    """The index after the line whose closing quotation mark ends a quoted draft."""
    depth_text: list[str] = []
    last_number = 0  # the last operative number of the quoted draft
    for i in range(begin, limit):
        stripped = lines[i].strip()
        if not stripped:
            continue
        number = _OPERATIVE.match(stripped.lstrip("“\""))
        if stripped.startswith(("“", '"')) or not depth_text:
            depth_text = [stripped]
        else:
            depth_text.append(stripped)
        paragraph = "".join(depth_text)
        opens = paragraph.count("“")
        closes = paragraph.count("”")
        if paragraph.startswith("“") and closes >= opens and paragraph.rstrip().endswith("”"):
            return i + 1
        if _is_report_paragraph(stripped) and not stripped.startswith("“") \
                and not (number and last_number and int(number.group(1)) == last_number + 1):
            # (the draft's next operative paragraph, its quotation mark lost, is no report's)
            return i
        if number:
            last_number = int(number.group(1))
    return limit


def _is_report_paragraph(line: str) -> bool:
    return bool(re.match(r"^\d{1,3}\s?[.．]\s", line)) and bool(_SYMBOL.search(line) or "委员会" in line or "Committee" in line)


# A web page's link to the rest of its site ("Read more"): the text's end, unless a numbered
# paragraph follows it (a link set between two paragraphs, read with the page's furniture).
_WEB_LINK = re.compile(r"^(?:Перейти|Read more|Lire la suite|Leer más|阅读全文|閱讀全文)\b", re.IGNORECASE)


def _end_of_text(lines: list[str], begin: int, limit: int) -> int:
    for i in range(begin, limit):
        if _WEB_LINK.match(lines[i].strip()) and _OPERATIVE.match(
                next((line.strip() for line in lines[i + 1 : limit] if line.strip()), "")):
            continue
        if _adoption_line(lines[i].strip()):
            return _date_above(lines, begin, i)
    return limit


def _adoption_line(line: str) -> bool:
    """Whether a text ends at ``line`` (``_END_OF_TEXT``), its adoption date perhaps before the
    plenary-meeting line on the same line ("18 December 2023 77th plenary meeting")."""
    date = _DATE_FIRST.match(line)
    return bool(_END_OF_TEXT.match(line) or date and _END_OF_TEXT.match(line[date.end():]))


# A date alone on its line, as the adoption block prints it above or below the plenary-meeting
# line: "18 December 2023", "18 décembre 2023", "2023 年 12 月 18 日", "2023年12月18日".
_ZH_DATE_LINE = lazy(r"^[〇○零一二三四五六七八九\d]{4}\s*年\s*[一二三四五六七八九十\d]{1,3}\s*月"
                           r"\s*[一二三四五六七八九十\d]{1,3}\s*日[。.]?$")


def _is_date_line(line: str) -> bool:
    return bool(_ZH_DATE_LINE.match(line) or _DATE_LINE.match(line) and re.fullmatch(
        r"\d{1,2}\.?\s+[^\W\d_]+\.?\s+(?:de\s+)?\d{4}(?:\s*(?:г\.|года))?[.]?", line))


def ends_text_at(lines: list[str], k: int) -> bool:
    """Whether the line at ``k`` is where a text ends (``_END_OF_TEXT``): its plenary-meeting or
    adoption line, or the date printed on its own line right above that."""
    line = lines[k].strip()
    if _adoption_line(line):
        return True
    if not _is_date_line(line):
        return False
    following = next((other.strip() for other in lines[k + 1 : k + 4] if other.strip()), "")
    return bool(following) and bool(_END_OF_TEXT.match(following)) and not _is_date_line(following)


def _date_above(lines: list[str], begin: int, end: int) -> int:
    """Where the text ends when its plenary-meeting line is at ``end``: at the date printed on a
    line of its own right above it ("2023 年 12 月 18 日" / "第 77 次全体会议", "18 December 2023" /
    "77th plenary meeting"), which is the adoption block's, not the last paragraph's words, when the
    line above the date ends the paragraph ("…继续工作。")."""
    k = end - 1
    while k >= begin and not lines[k].strip():
        k -= 1
    if k <= begin or not _is_date_line(lines[k].strip()):
        return end
    above = k - 1
    while above >= begin and not lines[above].strip():
        above -= 1
    return k if above >= begin and _ends_terminal(lines[above].strip()) else end


def _before_next_header(lines: list[str], begin: int, limit: int) -> int:
    """Leave the next document's title lines (unterminated, short) to that document."""
    end = limit
    while end > begin:
        line = lines[end - 1].strip()
        if not line:
            end -= 1
            continue
        if len(line) < 120 and line[-1] not in _TERMINAL and not _OPERATIVE.match(line):
            end -= 1
            continue
        break
    return end


def _is_report(lines: list[str], blocks: list[Block]) -> bool:
    return any(b.quoted for b in blocks) or any(
        re.search(r"建议大会通过|recommends to the General Assembly|recommends that the General Assembly", line)
        for line in lines
    )
