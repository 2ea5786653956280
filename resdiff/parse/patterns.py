"""Line patterns that more than one parsing stage recognises: symbols, operative numbers and the
marks a printer leaves at a page's head or foot (the layout stage drops them, the identity stage
reads the document's symbol from them), and the per-language tables the stages read (the
openers of preambular paragraphs): a new language is a new row here, not a new branch in a stage.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lazypattern import lazy
from ..text import SUPERSCRIPT_DIGITS, has_cjk

# A UN document symbol, tolerant of the stray spaces reports print ("A/C. 2/65/L. 56").
_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/])([A-Z]{1,2}(?:\s?/\s?(?:[A-Z][A-Za-z]{0,3}\.\s?\d+|[A-Z0-9][A-Z0-9\-]*)){2,6})"
    r"(?![A-Za-z0-9])"
)
# "1." as printed; "1、" as Chinese web and news copies number them (the enumeration comma);
# "1-" / "1 –" as Arabic texts and some web pages number them ("1- يدعو"), in
# any digits Python reads as decimal (Arabic-Indic "١-" too). Up to five digits: a document may
# hold up to model.MAX_PARAGRAPHS (20,000) paragraphs, and "10000." must not run into "9999.".
_OPERATIVE = re.compile(r"^(\d{1,5})\s?(?:[.．、]|[-–](?=\s|[\u0600-\u06ff]))\s*(?=\S)")
# A paragraph negotiators insert after another without renumbering the rest: "2 bis.", "2bis.",
# "2 ter.", "OP2bis", "2 之二." (after paragraph 2, before 3). Group 1 is the number it follows,
# group 2 its Latin ordinal or Chinese 之二/之三…; without the "OP" label the ordinal is followed by
# the number's punctuation.
_BIS_ORDINALS = {"bis": "bis", "ter": "ter", "quater": "quater", "quinquies": "quinquies", "sexies": "sexies",
                 "septies": "septies", "octies": "octies", "novies": "novies", "decies": "decies",
                 "之二": "bis", "之三": "ter", "之四": "quater", "之五": "quinquies", "之六": "sexies",
                 "之七": "septies", "之八": "octies", "之九": "novies", "之十": "decies",
                 # Russian "2 бис." / "2-бис.", "2 тер."; Arabic "2 مكررا -" (repeated), with its
                 # tanwin or without
                 "бис": "bis", "тер": "ter", "مكرر": "bis", "مكررا": "bis", "مكرراً": "bis", "مكررًا": "bis"}
_BIS_ORDINAL = (r"(?i:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|бис|тер)(?![^\W\d_])"
                r"|之[二三四五六七八九十]|مكرر(?:ا\u064b?|\u064bا)?(?![\u0600-\u06ff])")
# Between the number and its ordinal: a space, nothing, or a hyphen ("2-бис.").
_BIS_JOIN = r"(?:\s?|-)"
BIS_NUMBER = re.compile(
    rf"^(?:OP\s?(\d{{1,3}})\s?({_BIS_ORDINAL})\s*[.．:–—)-]?|(\d{{1,3}}){_BIS_JOIN}({_BIS_ORDINAL})\s*[.．:–—)-])\s*(?=\S)"
)

# A line that opens with an inserted paragraph's number ("2 bis.", "2bis.", "2 之二.", and "2 bis "
# without its punctuation): a paragraph's form, never a footnote's mark and body ("footnote 2,
# 'bis. …'"), even where footnote 2 exists.
INSERTED_OPENING = lazy(rf"^\d{{1,3}}{_BIS_JOIN}(?:{_BIS_ORDINAL})")


# A paragraph negotiators offer as an alternative to another: "[2. alt Decides …]", "[OP2 alt]
# Decides …", "OP2 alt: …", "OP2 (alt) …", "2 alt. …", a second one "2 alt 2. …". In brackets the number
# needs nothing after "alt"; bare, the number's punctuation follows it, so that "2. Alternative
# development …" stays operative paragraph 2. Groups: the number it stands for, then the
# alternative's own number, for each of the three forms.
_ALT = r"\(?(?i:alt(?:ernative)?)(?![^\W\d_])\)?(?:\s?(\d)(?=\s*[.．:\]］)–—-]))?"
# a bracketed label's end: "[2 alt]", "[2 alt.]", "[2 alt]:", "［2 alt］" (full width, as Chinese texts print it)
_CLOSED = r"(?:[.．]?\s?[\]］][.．:：–—-]?|[.．:–—)-])?"
ALT_NUMBER = re.compile(
    rf"^(?:[\[［]\s?(?:OP\s?)?(\d{{1,3}})\.?\s?{_ALT}\s*{_CLOSED}"
    rf"|OP\s?(\d{{1,3}})\.?\s?{_ALT}\s*[.．:–—)-]?"
    rf"|(\d{{1,3}})\.?\s?{_ALT}\s*[.．:–—)-])\s*(?=\S)"
)

# An alternative to a preambular paragraph, labelled by the paragraph it stands for: "[PP2 alt]
# Noting …", "PP2 alt: …". Group 1 is that paragraph's number.
PP_ALT = re.compile(rf"^(?:[\[［]\s?PP\s?(\d{{1,3}})\.?\s?{_ALT}\s*{_CLOSED}|PP\s?(\d{{1,3}})\.?\s?{_ALT}\s*[.．:–—)-])\s*(?=\S)")


def preambular_alternative(text: str) -> tuple[re.Match[str], str] | None:
    """The match of a preambular alternative's label and its id ("PP2alt"), None for any other text.

    >>> [preambular_alternative(t)[1] for t in ("[PP2 alt] Noting z,", "PP2 alt: Noting z,", "[PP 3 alt 2] Noting")]
    ['PP2alt', 'PP2alt', 'PP3alt2']
    >>> preambular_alternative("PP2 Noting"), preambular_alternative("[PP2] Noting")
    (None, None)
    """
    match = PP_ALT.match(text)
    if not match:
        return None
    groups = match.groups()
    number, second = next((groups[k], groups[k + 1]) for k in (0, 2) if groups[k])
    return match, f"PP{int(number)}alt{second or ''}"


def bis_number(text: str) -> tuple[re.Match[str], str] | None:
    """The match of an inserted or alternative paragraph's number and its id ("OP2bis",
    "OP2alt"), None for any other text.

    >>> [bis_number(t)[1] for t in ("2 bis. Decides", "2bis. Decides", "OP2ter Decides", "2 之二. 决定", "3 Ter. Décide")]
    ['OP2bis', 'OP2bis', 'OP2ter', 'OP2bis', 'OP3ter']
    >>> [bis_number(t)[1] for t in ("2 бис. предлагает", "2-бис. предлагает", "2 тер. просит", "2 مكررا - تدعو", "2 مكرراً - تدعو")]
    ['OP2bis', 'OP2bis', 'OP2ter', 'OP2bis', 'OP2bis']
    >>> [bis_number(t)[1] for t in ("[2. alt Decides", "[OP2 alt] Decides", "OP2 alt: Decides", "2 alt. Decides",
    ...                             "[2 alt 2. Decides", "2. Alt. Decides", "[2. alternative Decides", "OP2 (alt) Decides")]
    ['OP2alt', 'OP2alt', 'OP2alt', 'OP2alt', 'OP2alt2', 'OP2alt', 'OP2alt', 'OP2alt']
    >>> bis_number("2 bisected areas."), bis_number("2 bis of the Convention"), bis_number("2. Decides")
    (None, None, None)
    >>> bis_number("2. Alternative development is"), bis_number("2. Alternatively, decides"), bis_number("2 alto")
    (None, None, None)
    """
    match = BIS_NUMBER.match(text)
    if not match:
        alt = ALT_NUMBER.match(text)
        if not alt:
            return None
        groups = alt.groups()
        number, second = next((groups[k], groups[k + 1]) for k in (0, 2, 4) if groups[k])
        return alt, f"OP{int(number)}alt{second or ''}"
    number = match.group(1) or match.group(3)
    ordinal = (match.group(2) or match.group(4)).lower()
    return match, f"OP{int(number)}{_BIS_ORDINALS[ordinal]}"


_JOB_NUMBER = re.compile(r"^\d{2}-\d{5}\s*(?:\(\w\))?(?:\s+\d{6})?(?:\s+\d+/\d+)?\s*$|^\d{2}-\d{5}\s+\d+/\d+\s*$")
# A page's head or foot as PDF text extraction leaves it: job number, print date, page number,
# barcode and symbol in any order, often glued together ("2/9 23-21227A/C.3/78/L.41").
# A symbol never ends just before another's "A/" or "AB/": two glued symbols read as one, so
# that a run of them ("AA/AA/AA/…") splits one way only, not in exponentially many.
_FURNITURE_TOKEN = (r"(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?|\d{6}|\d{1,3}\s*/\s*\d{1,3}|\*\d{6,8}\*"
                    r"|Please recycle|[A-Z]{1,2}/[A-Za-z0-9.\-]+(?:/[A-Za-z0-9.\-]+)+(?![A-Za-z]{0,2}/))")
_FURNITURE_LINE = re.compile(rf"^(?:{_FURNITURE_TOKEN}\s*)+$")
# A symbol ending a line; the lookahead bounds a match to the line's last 64 characters (an
# unbounded one would rescan the rest of the line from every capital letter), and
# glued_symbol() starts the search there.
_GLUED_SYMBOL = re.compile(r"(?=[A-Za-z0-9.\-/]{4,64}\s*$)([A-Z]{1,2}/[A-Za-z0-9.\-]+(?:/[A-Za-z0-9.\-]+)+)\s*$")


def glued_symbol(line: str) -> re.Match[str] | None:
    """``_GLUED_SYMBOL.search(line)``, begun where a match can first start: at most 64
    characters before the line's trailing white space. The same match; on a long line of
    words, none of the lookahead's scans of every word from each of its letters."""
    return _GLUED_SYMBOL.search(line, max(0, len(line.rstrip()) - 64))
_BARCODE = re.compile(r"^\*\d{6,8}\*")
_DISTR = re.compile(r"^(?:Distr\.|Original:|Distr\s*[.:：]|分发|Limited$|General$)", re.I)
# The number before an adopted resolution's title: "68/262. ", "ES-11/1. ", and the early
# Assembly's number and session, as the title line or a web page prints it: "2758 (XXVI). ",
# "377 A (V). ", "Résolution 2758 (XXVI). ".
_TITLE_NUMBER = re.compile(
    r"^(?:(?:(?:Resolution|Résolution|Resolución|Резолюция)\s+)?(?:[A-Z]{0,3}-?\d+/\d+\s*(?:[A-Z]\s?[-–‑]\s?)?[A-Z]?\s*\.|\d+/\d+\s*\.)"
    r"|(?:(?:Resolution|Résolution|Resolución|Резолюция)\s+)?\d{1,4}\s*(?:[A-Z]\s*)?\((?:[IVXL]+|E?S-[IVX]+)\)\s*(?:[A-Z]\s*)?\."
    # the same in the Chinese numerals of the early Chinese volumes: "二七五八 (二十六). "
    r"|[〇○零一二三四五六七八九]{1,4}\s*[(（][一二三四五六七八九十]+[)）]\s*[.．、])\s*")


# --- shared by the layout, segmentation and classification stages ---------------------------------

# A sub-paragraph's label: "(a)", "(iv)", and as the other languages print them, "a)" (French,
# Spanish), Cyrillic "а)" / "(б)", Arabic letters "(أ)" "(ب)" "(هـ)" (in the abjad order the
# texts use); without the opening bracket only a single letter or a short numeral.
_LABEL = re.compile(
    r"^(?=[(（]|(?:[a-zа-яё]|[\u0621-\u064a]ـ?)\s?[)）]|[ivx]{1,4}\s?[)）])"
    r"[(（]?\s*([a-z]{1,3}|[ivxlc]{1,6}|[а-яё]|[\u0621-\u064a]ـ?)"
    rf"(?:\s?({_BIS_ORDINAL}))?\s*[)）]\s*(?=\S)"
)


def label_brackets(match: re.Match[str]) -> str:
    """The brackets a ``_LABEL`` match prints its label in: "()" for "(a)" (and the full-width
    "（a）", whose width is folded as everywhere), ")" for "a)".

    >>> [label_brackets(_LABEL.match(t)) for t in ("(a) x", "a) x", "（b）x", "ii) x", "б) x")]
    ['()', ')', '()', ')', ')']
    """
    return "()" if match.group(0).lstrip().startswith(("(", "（")) else ")"


def item_label(match: re.Match[str]) -> str:
    """A sub-paragraph's label from a ``_LABEL`` match: "b", or "b bis" for one a draft inserts
    after (b) ("(b bis)", "(b之二)", "（b 之二）"), the ordinal in Latin as in "OP2bis".

    >>> [item_label(_LABEL.match(t)) for t in ("(b) x", "(b bis) x", "(c Ter) x", "（b 之二）x", "(ii bis) x")]
    ['b', 'b bis', 'c ter', 'b bis', 'ii bis']
    >>> _LABEL.match("(bistro) x"), _LABEL.match("(b bisque) x")
    (None, None)
    """
    ordinal = match.group(2)
    return f"{match.group(1)} {_BIS_ORDINALS[ordinal.lower()]}" if ordinal else match.group(1)
# A footnote area's separator rule as a text extraction prints it: five underscores or hyphens
# or more ("__________", "-----", "＿＿＿＿＿"), or three dashes or box rules or more ("———": an
# em dash is two hyphens wide), perhaps spaced ("_ _ _ _ _").
_SEPARATOR = re.compile(r"^(?:[_＿\-－‐‑–](?: ?[_＿\-－‐‑–—―─━]){4,}|[—―─━](?: ?[_＿\-－‐‑–—―─━]){2,})\s*$")
# Any line that is a rule and nothing else, however short ("___", "---"): never a resolution's
# words; listed with the page furniture (a footnote under a short rule is read as one).
RULE = re.compile(r"^[_＿\-－‐‑–—―─━](?: ?[_＿\-－‐‑–—―─━]){2,}\s*$")
# Marks of at most three digits (no text has a thousand footnotes): a mark is read as a number,
# and a run of thousands of digits is no number Python converts (nor in linear time).
_SUPER_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]{{1,3}})\s*(\S.*)$")
# A footnote opening with its mark in digits ("1 See …", "١ القرار …"), or in brackets, the
# form Arabic texts print ("(1) القرار …", "(١) …"): group 1 is the mark, group 2 the text.
_PLAIN_FOOTNOTE = re.compile(r"^(?=\(?(\d{1,3}))(?:\(\d{1,3}\)\s*|\d{1,3}\s+)(\S.*)$")
# A footnote marked with asterisks, as a draft's sponsors line ("Iraq:* draft resolution" / "* On
# behalf of the States Members … of the Group of 77 and China.") or its symbol ("A/80/L.5**" /
# "** Reissued for technical reasons …") cites one: group 1 the mark, group 2 the text (never a
# printer's barcode, "*2519873*").
STAR_FOOTNOTE = lazy(r"^(\*{1,3})(?!\d{6,8}\*)\s*([^\s*].*)$")
# An asterisk mark as a text cites it: run onto a word, a colon or the symbol ("Iraq:*", "L.30**").
_STAR_MARK = lazy(r"(?<=[^\s*])(\*{1,3})(?!\*)")


def star_notes(lines: list[str], cited: set[str] | frozenset[str] = frozenset()) -> set[int]:
    """The lines that are asterisk footnotes (``STAR_FOOTNOTE``): under a footnote area's rule
    (until the next numbered paragraph), or after the last operative paragraph where a line
    above (or ``cited``, the marks the masthead above cites) cites their mark ("Iraq:* draft
    resolution" … "* On behalf of …"). Their asterisk is no web page's list bullet.

    >>> sorted(star_notes(["1. Decides;", "* Recalling", "__________", "* On behalf of …", "1 A/1.", "2. Acts;"]))
    [3]
    >>> sorted(star_notes(["Iraq:* draft resolution", "1. Decides;", "* On behalf of …", "** Reissued"]))
    [2]

    A web page's list of paragraphs, each bulleted "* ", ends where its last numbered one does:
    >>> sorted(star_notes(["A/80/L.5*", "* Recalling,", "* 1. Decides;", "* 2. Acts.", "* Reissued"]))
    [4]
    """
    found: set[int] = set()
    if not any("*" in line for line in lines):
        return found  # (most texts: no line to look at)
    stripped = [line.strip() for line in lines]
    last = max((k for k, line in enumerate(stripped) if _OPERATIVE.match(line)
                or line[:2] == "* " and _OPERATIVE.match(line[2:].lstrip())), default=-1)
    cited = set(cited)
    under = False
    for k, line in enumerate(stripped):
        star = STAR_FOOTNOTE.match(line)
        if _SEPARATOR.match(line):
            under = True
        elif under and (_OPERATIVE.match(line) or _LABEL.match(line)):
            under = False
        elif star and (under or (k > last and star.group(1) in cited)):
            found.add(k)
        elif "*" in line and not _BARCODE.match(line):  # (a line without one cites none: not searched)
            cited.update(_STAR_MARK.findall(line))
    return found


def star_marks(lines: list[str]) -> frozenset[str]:
    """The asterisk marks ``lines`` cite ("Iraq:* draft resolution": "*").

    >>> sorted(star_marks(["A/80/L.5*", "Iraq:** draft resolution", "*2519873*"]))
    ['*', '**']
    """
    return frozenset(m for line in lines if "*" in line and not _BARCODE.match(line.strip())
                     for m in _STAR_MARK.findall(line))


# The white space before a mark is taken from where it starts only: a search from every place
# inside a long run would rescan the rest of it each time.
# (A match begins with white space or a superscript digit: the lookahead lets the engine pass
# over everything else at once.)
_SUPER_MARK = lazy(rf"(?=[\s{SUPERSCRIPT_DIGITS}])(?:(?<!\s)\s+)?([{SUPERSCRIPT_DIGITS}]{{1,3}})(\s*)")
_SUPER_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
# A superscript digit: every match of _SUPER_MARK holds one, and a text without any (most
# paragraphs) is left as it is without trying the pattern (its lookahead) at each character.
_SUPER_DIGIT = re.compile(f"[{SUPERSCRIPT_DIGITS}]")


def drop_super_marks(text: str, replace: str | Callable[[re.Match[str]], str] = "") -> str:
    """``_SUPER_MARK.sub(replace, text)``, the pattern tried only where the text has a
    superscript digit.

    >>> drop_super_marks("the Charter,¹ and the Rules ²³ of"), drop_super_marks("of 1955")
    ('the Charter,and the Rulesof', 'of 1955')
    """
    if _SUPER_DIGIT.search(text) is None:
        return text
    return _SUPER_MARK.sub(replace, text)
# Endings after which a new paragraph may begin; a line ending otherwise is continued.
_TERMINAL = set(",;:.，；：。!?！？،؛؟")


# The words that label an annex, besides "Annex" and "附件": in the six languages, singular and
# plural ("Annexes"), and the other names an annexed text goes by (appendix, attachment,
# enclosure).
ANNEX_WORDS = (r"Annexes|Appendix|Appendices|Attachment|Enclosure|Annexe|Appendice|Pièce jointe|Apéndice|Anexos?"
               r"|Приложение|Добавление|المرفق|مرفق|附件|附录|附錄")


# Where a text ends: its plenary-meeting or adoption line, its annex, a web page's link to the rest
# of the site (what layout cuts the text at; identity stops a title above a text there).
_END_OF_TEXT = re.compile(
    # Never a line opening with a small letter: that is a paragraph's text wrapped onto the line
    # ("… the Declaration\nadopted by the Council of Ministers …", "… as contained in the\nannex
    # to …"), and ending the text there would lose the rest of it.
    r"^(?-i:(?![a-zà-ÿа-яё]))(?:\d+(?:st|nd|rd|th) plenary meeting\b|第\s*\d+\s*次全[体體][会會][议議]"
    r"|[第]?[〇一二三四五六七八九十百]+次全[体體][会會][议議]"
    # the date before the meeting, in Chinese numerals as the early volumes print it:
    # "一九七一年十月二十五日, 第一九七六次全體會議。"
    r"|[〇○零一二三四五六七八九\d]{4}\s*年\s*[一二三四五六七八九十\d]{1,3}\s*月\s*[一二三四五六七八九十\d]{1,3}\s*日\s*[,，]?\s*第\s*[〇○零一二三四五六七八九十百千\d]+\s*次全[体體][会會][议議]"
    r"|Annex(?:\s|$)|附件(?:\s|$)|---\s*$"
    # the other labels of an annex, alone on their line or with its number ("Appendix", "Annexes",
    # "Enclosure II", "Apéndice", "Приложение", "المرفق", "附录", "附件一")
    rf"|(?:{ANNEX_WORDS})(?:\s*(?:[IVXLC]{{1,6}}|\d{{1,2}}|[A-Z]|[一二三四五六七八九十]{{1,3}}))?\s*$"
    # adoption lines of the Councils and the plenary-meeting lines of the Assembly in the other
    # languages: "Adopted by 14 votes …", "第4044次会议一致通过。", "Adoptée à l'unanimité …",
    # "1967.ª sesión plenaria", "Принята единогласно …", "اتخذ بالإجماع …", "تبنى المجلس هذا القرار …"
    r"|Adopted\s+(?:by|with|unanimously|without|at|on)\b|Adopt[ée]e?\s+(?:à|par|sans)\b"
    # "Adoptée d l'unanimité à la 1564e séance." as an OCR reads the yearbook's line
    r"|Adopt[ée]e\s.{0,40}\bséance\b"
    r"|\d+\s*(?:e|ème)\s+séance(?:\s+plénière)?\b|Aprobad[ao]\s+(?:por|en|sin)\b"
    r"|\d+\.?\s*(?:ª|a\.)\s+sesión(?:\s+plenaria)?\b|Принят[аоы]?\s+(?:на|без|единогласно|\d)"
    r"|\d+-(?:е|м)\s+(?:пленарн\w+\s+)?заседани"
    r"|第\s*\d+\s*次会议.{0,20}通过|第\s*\d+\s*次會議.{0,20}通過"
    r"|(?:اتخذ|اُتخذ|اعتمد)(?:ت|ه)?\s|تبنى\s+المجلس|الجلسة\s+العامة\s+\d+"
    # a web page's link to the rest of its site, printed right after the text
    r"|(?:Перейти|Read more|Lire la suite|Leer más|阅读全文|閱讀全文)\b)",
    re.IGNORECASE,
)


# A line of a web page's navigation: a bar of links ("← | … |"), a menu entry, a share button;
# only lines before the chapeau are read for it.
NAVIGATION = re.compile(r"\||^[←→↑]|^(?:外观|外觀|Appearance|Menu|Меню|Bookmark and Share)$"
                        r"|^(?:Tags|Étiquettes|Etiquetas|Mots-clés|Метки|Теги)\s*:")  # a blog's tags above a text


# The labels negotiators put before a draft's paragraphs ("PP1–", "PP2.", "OP3."), in every
# language's drafts alike.
DRAFT_LABEL = re.compile(r"^(\s*)(PP|OP)\s?(\d{1,3})\s*[.–—:)-]\s*(?=\S)")


# A section heading inside a text: a roman numeral or capital letter, alone ("I", "II.") or before
# its title ("A. General considerations"); in Chinese a numeral with the enumeration comma
# ("一、总则") or alone ("一"). A title never ends as a paragraph does.
_SECTION = re.compile(
    r"^(?:(?:[IVXLC]{1,6}|[A-H])\.?(?:\s+(?P<title>[^\W\d_].{0,150}))?"
    r"|[一二三四五六七八九十]{1,3}(?:[、．]\s*(?P<zh>\S.{0,60}))?)$"
)


def section_heading(text: str) -> str | None:
    """"titled" for a section heading with its title, "label" for a section's label alone on its
    line (its title follows), None for anything else.

    >>> [section_heading(t) for t in ("一、总则", "II", "A. General considerations", "一步加强合作，", "I. Decides;")]
    ['titled', 'label', 'titled', None, None]
    """
    match = _SECTION.match(text.strip())
    if not match:
        return None
    title = match.group("title") or match.group("zh")
    if title is None:
        return "label"
    return None if title.rstrip()[-1:] in _TERMINAL else "titled"


# --- per-language tables ----------------------------------------------------------------------------

# Openers of preambular paragraphs in line-wrapped text, where a line end is no evidence.
# Chinese openers in Simplified and in Traditional script (texts from Taiwan and Hong Kong
# sources, and some transcriptions, are printed in the latter).
_ZH_OPENERS = re.compile(
    r"^(?:但是[,，]?|但[,，])?(?:又|还|還|并|並|进一步|進一步|深为|深為|深切|深感|严重|嚴重|极为|極為|再次|大力)?"
    r"(?:回顾|回顧|重申|注意到|表示注意到|认识到|認識到|确认|確認|承认|承認|强调|強調|关切|關切|关注|關注|"
    r"欢迎|歡迎|考虑到|考慮到|铭记|銘記|深信|意识到|意識到|申明|赞赏|讚賞|贊賞|认为|認為|重视|重視|感谢|感謝|"
    r"赞扬|讚揚|贊揚|鼓励|鼓勵|祝贺|祝賀|确信|確信|决心|決心|念及|指出|忆及|憶及|遗憾|遺憾|震惊|震驚|希望|"
    r"满意|滿意|赞同|贊同|支持|谴责|譴責|痛惜|感到|审议了|審議了|根据|根據)"
)
_EN_OPENER = lazy(
    r"^(?:[A-Z][a-z]+ing|[A-Z][a-z]+ed|Mindful|Aware|Conscious|Cognizant|Convinced|Concerned|Deeply|"
    r"Gravely|Seriously|Alarmed|Determined|Guided|Having|Bearing|Desirous|Fully|Further|Also|Noting|"
    r"Taking|Recognizing|Reaffirming|Recalling|Welcoming|Emphasizing|Stressing|Underlining|Expressing|"
    r"Acknowledging|Affirming|Considering|Believing|Reiterating|Encouraging|Highlighting|Appreciating|"
    r"Regretting|Deploring|Condemning|Keeping|Being|Strongly|Firmly|Profoundly|Acting)\b"
)
# Openers of preambular paragraphs in French, Spanish, Russian and Arabic, as the texts in
# tests/fixtures/languages print them. French and Spanish preambles open with a participle or
# gerund ("Rappelant", "Prenant acte", "Recordando", "Habiendo examinado") or an adjective of state
# ("Conscient", "Profundamente preocupado"); Russian ones with an adverbial participle in lower
# case, perhaps after an adverb ("ссылаясь", "вновь подтверждая", "рассмотрев", "будучи"); Arabic
# ones with "إذ"/"وإذ" (while), "وقد" (having) or a verbal noun ("واقتناعا منه", "وإدراكا منها").
_FR_OPENER = lazy(
    r"^(?:(?:Se\s+|S['’])[a-zéèêàâîôûç]+ants?|[A-ZÉÈÀÂ][a-zéèêëàâîïôûùç]+ants?|Conscient|Convaincu|Profondément|Gravement|Vivement|"
    r"Sérieusement|Préoccupé|Alarmé|Résolu|Déterminé|Soucieux|Désireux|Guidé|Ayant|Tenant|Prenant|Notant|"
    r"Rappelant|Réaffirmant|Considérant|Reconnaissant|Soulignant|Constatant|Agissant|Gardant|Sachant|"
    r"Persuadé|Inquiet|Satisfait|Attaché|Pleinement|Fermement|Réitérant|Saluant|Exprimant)e?s?\b"
)
_ES_OPENER = lazy(
    r"^(?:[A-ZÁÉÍÓÚ][a-záéíóúñ]+(?:ando|iendo|yendo)(?:se)?|Consciente|Convencid[oa]|Profundamente|Gravemente|"
    r"Seriamente|Sumamente|Preocupad[oa]|Alarmad[oa]|Decidid[oa]|Resuelt[oa]|Deseos[oa]|Guiad[oa]|"
    r"Plenamente|Firmemente|Observando|Habiendo|Teniendo|Tomando|Poniendo)s?\b"
)
_RU_OPENER = lazy(
    r"^(?:(?:вновь|также|далее|глубоко|серьезно|серьёзно|особо|решительно|настоятельно|твердо|твёрдо|"
    r"с\s+\w+|в\s+\w+|по-прежнему)\s+)*"
    r"(?:будучи|памятуя|\w+(?:ая|яя|уя|ея|ясь|аясь|ав|яв|ев|ив|ённый|енный|анный|ённая|енная))\b",
    re.IGNORECASE,
)
_AR_OPENER = lazy(
    r"^(?:و?إذ|و?اذ|و?قد|و?حيث|و?اقتناعا|و?اقتناعاً|و?إدراكا|و?إدراكاً|و?تسليما|و?تسليماً|و?اعترافا|و?إقرارا|"
    r"و?تصميما|و?تصميماً|و?تأكيدا|و?رغبة|و?رغبةً|و?أخذا|و?اعتبارا|و?انطلاقا|و?تقديرا|و?اهتداء|و?اقتداء)(?=\s)"
)

# Where a transcription ran two preambular paragraphs together on one line, the second still
# shows where it begins, in the languages whose openers are unambiguous mid-line: an Arabic
# preambular paragraph opens with "وإذ"/"وقد" (and while / and having), which a sentence
# does not use after a closing bracket or full stop.
GLUED_PREAMBULAR = {"ar": lazy(r"(?<=[).؟])\s+(?=و(?:إذ|اذ|قد)\s)")}

# Openers of operative paragraphs, read where a text leaves its operative paragraphs unnumbered
# ("Decides to restore …", "- يدعو جميع الأطراف …"): the verbs of the operative part, third
# person present (Arabic: masculine for the Councils, feminine for the Assembly). A verb alone on
# its line opens no paragraph: "Notes" over a web page's footnotes is a heading.
_EN_OPERATIVE = lazy(
    r"^(?:(?:Also|Further|Again|Strongly)\s+(?i:{verbs})|(?:{verbs}))\b(?!\s*$)".format(verbs=
    r"Decides|Requests|Calls (?:upon|on)|Urges|Invites|Encourages|"
    r"Demands|Condemns|Approves|Adopts|Endorses|Authorizes|Takes note|Welcomes|Reaffirms|Expresses|Proclaims|"
    r"Recommends|Declares|Appeals|Emphasizes|Stresses|Underlines|Commends|Designates|Elects|Appoints|Deplores|"
    r"Notes|Recalls|Recognizes|Recognises|Reiterates|Considers|Acknowledges|Supports|Affirms|Highlights|"
    r"Underscores|Pays tribute|Looks forward|Expects|Believes|Regrets|Thanks|Calls for|Draws attention|"
    r"Emphasises|Observes|Insists|Agrees|Confirms")
)
_FR_OPERATIVE = lazy(
    r"^(?:Décide|Prie|Demande|Invite|Engage|Exhorte|Encourage|Exige|Condamne|Approuve|Adopte|Fait sienne?|"
    r"Autorise|Prend (?:note|acte)|Se félicite|Accueille|Réaffirme|Exprime|Proclame|Recommande|Déclare|"
    r"Lance un appel|Souligne|Charge|Appuie|Salue|Déplore|Note|Rappelle|Réitère|Constate|Estime|Considère|"
    r"Remercie|Rend hommage|Insiste|Reconnaît|Reconnait|Affirme|Observe|Attend avec intérêt|Sait gré|Regrette|"
    r"Met l['’]accent|Juge|Confirme)\b(?!\s*$)"
)
_ES_OPERATIVE = lazy(
    r"^(?:Decide|Pide|Solicita|Insta|Exhorta|Invita|Alienta|Exige|Condena|Aprueba|Hace suy[oa]s?|Autoriza|"
    r"Toma nota|Acoge con beneplácito|Celebra|Reafirma|Expresa|Proclama|Recomienda|Declara|"
    r"Hace un llamamiento|Subraya|Encarga|Deplora|Reconoce|Observa|Recuerda|Reitera|Pone de relieve|"
    r"Hace hincapié|Destaca|Señala|Acoge|Considera|Afirma|Apoya|Rinde homenaje|Espera con interés|Agradece|"
    r"Lamenta|Confirma|Estima)\b(?!\s*$)"
)
_RU_OPERATIVE = lazy(
    r"^(?:(?:вновь|также|далее|настоятельно|решительно|особо|высоко|с\s+(?:удовлетворением|признательностью|"
    r"озабоченностью|обеспокоенностью|интересом|сожалением))\s+)*(?:постановляет|просит|призывает|предлагает|рекомендует|"
    r"требует|осуждает|одобряет|утверждает|принимает к сведению|приветствует|подтверждает|выражает|"
    r"провозглашает|заявляет|подчеркивает|подчёркивает|поручает|санкционирует|уполномочивает|"
    r"отмечает|напоминает|признает|признаёт|считает|оценивает|благодарит|поддерживает|сожалеет|"
    r"обращает внимание|констатирует|с нетерпением ожидает)\b(?!\s*$)",
    re.IGNORECASE,
)
_AR_OPERATIVE = lazy(
    r"^(?:[يت](?:قرر|طلب|دعو|حث|رحب|ؤكد|عيد|دين|عرب|شجع|هيب|ناشد|حيط|طالب|عتمد|ؤيد|كرر|لاحظ|شدد|وافق|"
    r"مدد|أذن|وصي|علن|ناشد|أسف|شجب|قر|شير|سلم|عترف|رى|ثني|برز|تطلع|شكر|دعم|شيد|عتبر|نوه))(?=[\s،:])"
)
_ZH_OPERATIVE = re.compile(r"^(?:又|还|還|并|並|再次|进一步|進一步)?(?:决定|決定|请|請|吁请|籲請|促请|促請|敦促|要求|核准|授权|授權|"
                           r"呼吁|呼籲|邀请|邀請|建议|建議|认可|認可|表示)")

# The operative verbs translators render one by one, by what they do, in the six languages: an
# operative paragraph's verb is evidence of which paragraph of another language version it is
# ("Decides" is "Décide", "Decide", "постановляет", "决定", "يقرر"). Some verbs do two duties
# ("Demande" calls upon and requests): a paragraph may belong to several.
OPERATIVE_VERBS: dict[str, tuple[str, ...]] = {
    "decide": (r"Decides", r"Décide", r"Decide", r"постановляет", r"(?:又|还|並|并)?(?:决定|決定)", r"[يت]قرر"),
    "call": (r"Calls (?:upon|on)", r"Demande", r"Engage", r"Exhorte", r"(?:Pide|Exhorta|Insta)", r"призывает",
             r"(?:吁请|籲請|促请|促請|呼吁|呼籲)", r"[يت](?:دعو|هيب|حث|ناشد)"),
    "request": (r"Requests", r"(?:Prie|Demande)", r"(?:Pide|Solicita)", r"просит", r"(?:请|請)", r"[يت]طلب"),
    "welcome": (r"Welcomes", r"(?:Se félicite|Accueille(?: avec satisfaction)?|Salue)", r"(?:Acoge|Celebra)",
                r"приветствует", r"(?:欢迎|歡迎)", r"[يت]رحب"),
    "reaffirm": (r"Reaffirms", r"Réaffirme", r"Reafirma", r"(?:вновь )?подтверждает", r"重申", r"[يت]ؤكد من جديد"),
    "urge": (r"Urges", r"(?:Prie instamment|Exhorte|Engage vivement)", r"Insta", r"настоятельно призывает",
             r"(?:敦促|促请)", r"[يت]حث"),
    "condemn": (r"Condemns", r"Condamne", r"Condena", r"осуждает", r"(?:谴责|譴責)", r"[يت]دين"),
    "encourage": (r"Encourages", r"Encourage", r"Alienta", r"(?:рекомендует|призывает)", r"(?:鼓励|鼓勵)", r"[يت]شجع"),
    "note": (r"Takes note|Notes", r"Prend (?:note|acte)", r"Toma nota", r"принимает к сведению|отмечает",
             r"(?:表示)?注意到", r"[يت]حيط علما"),
    "stress": (r"Stresses|Emphasizes|Underscores|Underlines", r"(?:Souligne|Insiste)", r"(?:Subraya|Destaca|Recalca|Pone de relieve)",
               r"подч[её]ркивает", r"(?:强调|強調|着重指出|著重指出)", r"[يت](?:شدد|ؤكد)(?! من جديد)"),
    "invite": (r"Invites", r"Invite", r"Invita", r"предлагает", r"(?:邀请|邀請|请|請)", r"[يت]دعو"),
    "recognize": (r"Recognizes|Acknowledges", r"(?:Reconnaît|Prend acte)", r"(?:Reconoce)", r"признает",
                  r"(?:确认|確認|承认|承認)", r"[يت](?:سلم|عترف|قر)"),
    "reiterate": (r"Reiterates", r"Réitère", r"Reitera", r"(?:вновь )?(?:повторяет|подтверждает)", r"(?:重申|再次)",
                  r"[يت](?:كرر|ؤكد من جديد)"),
}
# (A Chinese verb runs on into the next word unspaced: only a Latin, Cyrillic or Arabic one
# must end where a word ends; Chinese "also", 又, comes right before the verb. The word's end is
# looked for without IGNORECASE, which changes nothing there, no letter of the class having a
# case, but spares compiling the Han range case-folded, code point by code point.)
_OPERATIVE_VERB_TABLE = [(name, lazy(r"^(?:(?:Also|Further|Again|Strongly|also|further|вновь|также|далее)\s+|"
                                           r"(?:又|还|還|并|並|再次|进一步|進一步)(?=\S))?(?:"
                                           + "|".join(forms) + r")(?-i:(?![^\W\d_\u3400-\u9fff]))", re.IGNORECASE))
                         for name, forms in OPERATIVE_VERBS.items()]


def operative_verbs(text: str) -> frozenset[str]:
    """What an operative paragraph's opening verb does, in any of the six languages.

    >>> sorted(operative_verbs("Décide que, immédiatement …")), sorted(operative_verbs("Demande aux parties"))
    (['decide'], ['call', 'request'])
    >>> sorted(operative_verbs("يقرر أن تبدأ")), sorted(operative_verbs("Recalling its resolutions"))
    (['decide'], [])
    """
    return frozenset(name for name, pattern in _OPERATIVE_VERB_TABLE if pattern.match(text))


# How each organ's resolutions and decisions open, in the six languages (Chinese in both
# scripts; Arabic with and without the particle "إن" and with the hamza some sites drop). Each
# entry is a regular expression for one printed form; a new organ or language is a new entry.
CHAPEAUS: dict[str, dict[str, tuple[str, ...]]] = {
    "General Assembly": {
        "zh": ("大会", "大會"), "en": ("The General Assembly",), "fr": ("L['’]Assemblée générale",),
        "es": ("La Asamblea General",), "ru": ("Генеральная Ассамблея",), "ar": ("(?:إن )?الجمعية العامة",),
    },
    "Security Council": {
        "zh": ("安全理事会", "安全理事會", "安理会"), "en": ("The Security Council",),
        "fr": ("Le Conseil de sécurité",), "es": ("El Consejo de Seguridad",), "ru": ("Совет Безопасности",),
        "ar": ("(?:إن )?مجلس ال[أا]من",),
    },
    "Economic and Social Council": {
        "zh": ("经济及社会理事会", "經濟及社會理事會"), "en": ("The Economic and Social Council",),
        "fr": ("Le Conseil économique et social",), "es": ("El Consejo Económico y Social",),
        "ru": ("Экономический и Социальный Совет",), "ar": ("(?:إن )?المجلس الاقتصادي والاجتماعي",),
    },
    "Human Rights Council": {
        "zh": ("人权理事会", "人權理事會"), "en": ("The Human Rights Council",),
        "fr": ("Le Conseil des droits de l['’]homme",), "es": ("El Consejo de Derechos Humanos",),
        "ru": ("Совет по правам человека",), "ar": ("(?:إن )?مجلس حقوق الإنسان",),
    },
    "Trusteeship Council": {
        "zh": ("托管理事会",), "en": ("The Trusteeship Council",), "fr": ("Le Conseil de tutelle",),
        "es": ("El Consejo de Administración Fiduciaria",), "ru": ("Совет по Опеке",), "ar": ("(?:إن )?مجلس الوصاية",),
    },
    "Commission on Human Rights": {
        "zh": ("人权委员会",), "en": ("The Commission on Human Rights",),
        "fr": ("La Commission des droits de l['’]homme",), "es": ("La Comisión de Derechos Humanos",),
        "ru": ("Комиссия по правам человека",), "ar": ("(?:إن )?لجنة حقوق الإنسان",),
    },
}
_CHAPEAUS = tuple(form for table in CHAPEAUS.values() for forms in table.values() for form in forms)
# A chapeau on a line of its own inside a text: that of a part of a multi-part resolution ("B" /
# its title / "The General Assembly,"), read as a heading of the part.
CHAPEAU_LINE = re.compile(r"^(?:" + "|".join(form.replace(" ", r"\s+") for form in _CHAPEAUS) + r")\s*[,，、:：]?$",
                          re.IGNORECASE)
# The article some languages print before the organ's name ("The", "Le", "La", "El", "L'").
_ARTICLE = r"^(?:The |Le |La |El |L\['’\])"
# The forms that open with an article, without it ("General Assembly,", "Conseil de sécurité,"):
# a chapeau as a careless copy prints it, read as one only with its comma (a masthead prints the
# organ's name alone).
_BARE_CHAPEAUS = tuple(re.sub(_ARTICLE, "", form) for form in _CHAPEAUS if re.match(_ARTICLE, form))
# An organ's name alone, as a masthead prints it above a draft ("Consejo de Seguridad",
# "Security Council", "Генеральная Ассамблея"): a header line, never a title.
ORGAN_NAME = re.compile(
    "(?:" + "|".join(re.sub(r"^(?:The |Le |La |El |L\['’\]|\(\?:إن \)\?)", "", form) for form in _CHAPEAUS) + ")",
    re.IGNORECASE)
# The lines of an Assembly document's masthead that may come back at a page's head, alone on
# their line: the Organization's name and the Assembly's, in the six languages (Chinese in both
# scripts). Page furniture, except where a paragraph runs on through them (``lines.runs_on``).
MASTHEAD_LINES = frozenset({
    "United Nations", "Nations Unies", "Naciones Unidas", "Организация Объединенных Наций", "الأمم المتحدة",
    "联合国", "聯合國", "General Assembly", "Assemblée générale", "Asamblea General", "Генеральная Ассамблея",
    "الجمعية العامة", "大会", "大會",
})
# The prefix of the symbols each organ gives its resolutions.
RESOLUTION_PREFIX = {"General Assembly": "A/RES/", "Security Council": "S/RES/", "Economic and Social Council": "E/RES/",
                     "Human Rights Council": "A/HRC/RES/"}


def organ_of(chapeau: str) -> str | None:
    """The organ whose chapeau ``chapeau`` is.

    >>> organ_of("安全理事会，"), organ_of("إن مجلس الأمن،"), organ_of("The General Assembly,"), organ_of("Conseil de sécurité,")
    ('Security Council', 'Security Council', 'General Assembly', 'Security Council')
    """
    text = chapeau.strip().lstrip("“\"").strip()
    for organ, table in CHAPEAUS.items():
        for forms in table.values():
            if any(re.match(_optional_article(form).replace(" ", r"\s+") + r"(?![^\W\d_])", text, re.IGNORECASE)
                   for form in forms):
                return organ
    return None


def _optional_article(form: str) -> str:
    """A chapeau's form with its article optional: "The General Assembly" also as "General Assembly"."""
    article = re.match(_ARTICLE, form)
    return f"(?:{article.group()})?{form[article.end():]}" if article else form


# Which tables read a paragraph's opening, by its script: the first character tells (Latin
# script is read by the English, French and Spanish tables alike).
PREAMBULAR_OPENERS = {"zh": (_ZH_OPENERS,), "en": (_EN_OPENER,), "fr": (_FR_OPENER,), "es": (_ES_OPENER,),
                      "ru": (_RU_OPENER,), "ar": (_AR_OPENER,)}
OPERATIVE_OPENERS = {"zh": (_ZH_OPERATIVE,), "en": (_EN_OPERATIVE,), "fr": (_FR_OPERATIVE,), "es": (_ES_OPERATIVE,),
                     "ru": (_RU_OPERATIVE,), "ar": (_AR_OPERATIVE,)}


def _scripts(text: str) -> tuple[str, ...]:
    """The languages whose tables may read ``text``, by the script of its first letter."""
    first = text.lstrip("“\"«(")[:1]
    if has_cjk(first):
        return ("zh",)
    if "\u0600" <= first <= "\u06ff":
        return ("ar",)
    if "\u0400" <= first <= "\u04ff":
        return ("ru",)
    return ("en", "fr", "es")


def opens_preambular(text: str) -> bool:
    """Whether ``text`` opens as a preambular paragraph does, by the table of its script.

    >>> opens_preambular("又回顾其各项决议，"), opens_preambular("Recalling its resolutions,"), opens_preambular("决定")
    (True, True, False)
    >>> [opens_preambular(t) for t in ("Rappelant ses résolutions", "Se félicitant du rapport", "Recordando los principios",
    ...  "ссылаясь на все свои", "вновь подтверждая", "وإذ يعرب عن قلقه", "وقد نظر في تقرير", "Décide", "постановляет")]
    [True, True, True, True, True, True, True, False, False]
    """
    return any(table.match(text) for language in _scripts(text) for table in PREAMBULAR_OPENERS[language])


def opens_operative(text: str) -> bool:
    """Whether ``text`` opens as an operative paragraph does (its verb), by the tables of its script.

    >>> [opens_operative(t) for t in ("Decide restituir a la República", "يقرر أن تبدأ", "постановляет продлить",
    ...  "决定继续处理此案。", "Décide de demeurer saisi", "Recalling its resolutions,")]
    [True, True, True, True, True, False]
    >>> [opens_operative(t) for t in ("Notes the report;", "Pays tribute to", "Rappelle que", "Rend hommage aux",
    ...  "Hace hincapié en", "Acoge con satisfacción", "особо отмечает важность", "с удовлетворением отмечает доклад", "высоко оценивает работу")]
    [True, True, True, True, True, True, True, True, True]
    >>> [opens_operative(t) for t in ("Noting the report,", "Rappelant que", "Recordando", "отмечая", "Notably", "Notes")]
    [False, False, False, False, False, False]
    """
    return any(table.match(text) for language in _scripts(text) for table in OPERATIVE_OPENERS[language])


# --- shared by the header and identity stages ---------------------------------------------------

# "Agenda item 119 (b)", "Agenda items 17 and 18", "议程项目 17", "Point 119 b) de l'ordre du jour",
# "Tema 119 b) del programa", "Пункт 119 b) повестки дня", "البند 119 (ب) من جدول الأعمال"; the
# Chinese item right after the session, as a PDF's masthead runs them into one line
# ("…第六十五届会议议程项目 17").
AGENDA = re.compile(
    r"(?:(?:^|(?<=\s)|(?<=届会议)|(?<=屆會議))(?:议程项目|議程項目)\s*\d"
    r"|(?:^|(?<=\s))(?:Agenda items?\s+\d|Points?\s+\d[^\n]{0,40}\bde l['’]ordre du jour"
    r"|Temas?\s+\d[^\n]{0,40}\bdel programa|Пункты?\s+\d[^\n]{0,40}\bповестки дня|البند(?:ان)?\s+\d))"
)
# The draft words that end a sponsors line, in the six languages (see header.py).
DRAFT_WORDS = (r"(?:revised\s+)?draft\s+(?:resolution|decision)|(?:订正|訂正)?(?:决议|決議|决定|決定)草案"
               r"|projet\s+de\s+(?:résolution|décision)(?:\s+révisé)?|proyecto\s+de\s+(?:resolución|decisión)"
               r"(?:\s+revisado)?|(?:пересмотренный\s+)?проект\s+(?:резолюции|решения)|مشروع\s+(?:قرار|مقرر)(?:\s+منقح)?")
