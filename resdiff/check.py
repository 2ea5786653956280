"""Whether two language versions of one document agree: ``resdiff check``.

Two language versions cannot be compared word for word, but much of a resolution survives
translation unchanged: its structure (paragraph kinds and numbers, sub-paragraph counts,
footnote marks) and what it cites (numbers, dates, document symbols such as "A/65/78" or
"64/187", years, percentages). This module pairs the paragraphs of the two versions by that
evidence (a global alignment in reading order, so that a paragraph missing from one version
leaves the others paired), then reports each pair, or unpaired paragraph, where the versions
disagree.

What a version cites is read after folding what differs only in the writing: Arabic-Indic and
full-width digits, the six languages' month names (a table), Chinese dates ("2010年12月20日"),
thousands and decimal separators by the language's custom, and a session's Roman numeral
("2625 (XXV)", Arabic "(د-25)"). A number cited in digits in one version and written out in
words in the other ("12 hours", "douze heures") is no disagreement, and neither is a footnote
mark that a PDF extraction glued to a word ("Declaration8"): each is a note on the pair.

When a ``diff`` makes little sense (``diff_warnings``: two versions in different languages, or
two documents that share little text) is told by ``resdiff.doubts``, which ``diff`` imports
without this module; its names are this module's too.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, partial

from .doubts import diff_warnings, language_name
from .i18n import N_, Message
from .lazypattern import lazy
from .model import Document, Paragraph, ParagraphKind
from .parse.patterns import operative_verbs

# A paragraph's kind as the messages name it.
_KIND_NAMES = {"preambular": N_("preambular"), "operative": N_("operative"), "annex": N_("annex"),
               "heading": N_("heading")}


# --- what a text cites ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cited:
    """A number, date or document symbol as one version prints it.

    ``value`` is the canonical form two languages share ("1500", "2010-12-20", "A/65/78");
    ``text`` is the text as printed and ``start``/``end`` where it stands in the text read (in
    a Pair: in the paragraph's ``body``).
    """

    kind: str  # "number", "date" or "symbol"
    value: str
    text: str
    start: int
    end: int


# Characters folded one for one (the text keeps its length, so positions stay those of the
# original): any decimal digit to ASCII, full-width forms, the Arabic separators and signs.
_FOLD = {"\u066b": ".", "\u066c": ",", "\u066a": "%", "\u060c": "،", "\u00a0": " ", "\u202f": " ",
         "\u2009": " ", "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2212": "-", "\uff0f": "/"}


def fold(text: str) -> str:
    """The text with every decimal digit in ASCII and full-width forms narrowed, one character
    for one, so that a position in it is a position in ``text``.

    >>> fold("٢٠١٠ ۲۰۱۰ ２０１０ Ａ／６５／７８")
    '2010 2010 2010 A/65/78'
    """
    out = []
    for ch in text:
        if ch in _FOLD:
            out.append(_FOLD[ch])
        elif ch.isascii():
            out.append(ch)
        elif unicodedata.category(ch) == "Nd":
            out.append(str(unicodedata.decimal(ch)))
        elif "\uff01" <= ch <= "\uff5e":
            out.append(chr(ord(ch) - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


# Month names of the six languages, lower case, by number. Russian by stem (its months
# inflect: "декабря", "декабре"); Arabic in both the Levantine and the Egyptian names, which
# UN texts print together ("كانون الأول/ديسمبر").
_MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"),
    "ru": (r"январ[ьяе]", r"феврал[ьяе]", r"март[ае]?", r"апрел[ьяе]", r"ма[йяе]", r"июн[ьяе]",
           r"июл[ьяе]", r"август[ае]?", r"сентябр[ьяе]", r"октябр[ьяе]", r"ноябр[ьяе]", r"декабр[ьяе]"),
    "ar": ("كانون الثاني|يناير", "شباط|فبراير", "آذار|مارس", "نيسان|أبريل|إبريل", "أيار|مايو",
           "حزيران|يونيه|يونيو", "تموز|يوليه|يوليو", "آب|أغسطس", "أيلول|سبتمبر", "تشرين الأول|أكتوبر",
           "تشرين الثاني|نوفمبر", "كانون الأول|ديسمبر"),
}
_MONTH_NUMBER: dict[str, int] = {}
_month_alternatives = []
for _names in _MONTHS.values():
    for _number, _name in enumerate(_names, 1):
        for _alternative in _name.split("|"):
            _month_alternatives.append((_alternative, _number))
# Longest first, so that "كانون الأول" is not read as a shorter name.
_month_alternatives.sort(key=lambda pair: -len(pair[0]))
_MONTH = lazy(r"(?<![^\W\d_])(" + "|".join(f"(?:{name})" for name, _ in _month_alternatives) + r")(?![^\W\d_])",
                    re.IGNORECASE)
_MONTH_PATTERNS = [(lazy(f"^(?:{name})$", re.IGNORECASE), number) for name, number in _month_alternatives]


def _month_number(word: str) -> int:
    for pattern, number in _MONTH_PATTERNS:
        if pattern.match(word):
            return number
    raise ValueError(word)


# A day before a month ("20 December", "1er mars", "20 de diciembre"), a year after it
# ("December 2010", "diciembre de 2010", "декабря 2010 года"), or an American day and year
# after it ("December 20, 2010").
_DAY_BEFORE = lazy(r"(?<!\d)(\d{1,2})(?:er|º|°)?\s*(?:de\s+)?$", re.IGNORECASE)
_YEAR_AFTER = lazy(r"^[\s/()]*(?:de(?:l)?\s+|,\s*)?(\d{4})(?!\d)", re.IGNORECASE)
_DAY_YEAR_AFTER = lazy(r"^\s*(\d{1,2}),?\s+(\d{4})(?!\d)")
# Arabic prints a month twice, in its two names: "كانون الأول/ديسمبر", "تشرين الأول (أكتوبر)".
_SECOND_NAME = lazy(r"\s*[/(]\s*")
_ZH_DATE = lazy(r"(?<!\d)(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_ZH_YEAR_MONTH_ONLY = lazy(r"(?<!\d)(\d{4})\s*年$")

# UN document symbols (A/65/78, S/RES/242, A/C.2/65/L.22, ST/AI/189/Add.9/Rev.2, S/Agenda/8979)
# and resolution numbers (64/187, ES-11/1, 377 A).
_SYMBOL = lazy(r"(?<![A-Za-z0-9/])[A-Z]{1,3}(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+(?<![.\-])")
_RESOLUTION = lazy(r"(?<![A-Za-z0-9/.])(?:ES-\d{1,2}|S-\d{1,2}|\d{1,3})/\d{1,4}(?![A-Za-z0-9/])")
# A session's number after a resolution's: "2625 (XXV)", "377 A (V)", Arabic "2625 (د-25)" and,
# with the part letter spelled as Arabic names it, "2200 ألف (د-21)" ("2200 A (XXI)": ألف, باء,
# جيم, دال … are A, B, C, D …).
_SESSION = lazy(r"(?<=\d)\s*(?:(?:[A-Z]|ألف|باء|جيم|دال|هاء|واو|زاي|حاء)\s*)?"
                r"\(\s*(?:([IVXLC]{1,7})|د\s*-\s*(\d{1,2}))\s*\)")
# Numbers by the language's custom: thousands by comma in English and Chinese (and Arabic, whose
# own separators are folded to them), by space or point in French, Spanish and Russian, whose
# decimal sign is the comma.
_NUMBER_COMMA_THOUSANDS = lazy(r"(?<!\d)(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+\.\d+|\d+)")
_NUMBER_SPACE_THOUSANDS = lazy(r"(?<!\d)(?:\d{1,3}(?:[ .]\d{3})+(?:,\d+)?(?![\d])|\d+,\d+|\d+)")
_SPACE_THOUSANDS = {"fr", "es", "ru"}
# A footnote mark a PDF extraction glued to a word of the Latin, Greek or Cyrillic script
# ("Declaration8", "Secretary-General;6"): their typesetting never glues a number to a word, as
# Chinese does, and Arabic with its prefixes ("بـ14": with 14).
_LETTER = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_GLUED_MARK = lazy(rf"(?:(?<=[{_LETTER}])|(?<=[{_LETTER}][;:.,)\]”’\"]))\d{{1,3}}(?![\d])(?![.,]\d)")
# Chinese percentages and counts written in Chinese numerals: "百分之二十".
_ZH_PERCENT = lazy(r"百分之([零〇一二两三四五六七八九十百千点]+)")


def _roman(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for index, ch in enumerate(numeral):
        value = values[ch]
        if index + 1 < len(numeral) and values[numeral[index + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _number_value(text: str, language: str) -> str:
    """The canonical form of a number as printed in ``language``: no group separators, a point
    for the decimal sign, no leading zeros.

    >>> [_number_value(t, l) for t, l in (("1,500", "en"), ("1 500", "fr"), ("2,5", "fr"), ("2.50", "en"), ("007", "en"))]
    ['1500', '1500', '2.5', '2.5', '7']
    """
    if language in _SPACE_THOUSANDS:
        digits = text.replace(" ", "").replace(".", "").replace(",", ".")
    else:
        digits = text.replace(",", "")
    whole, _, fraction = digits.partition(".")
    whole = whole.lstrip("0") or "0"
    fraction = fraction.rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_numeral_value(text: str) -> int | None:
    """The value of a Chinese numeral below ten thousand ('二十五' -> 25), None if it is not one.

    >>> chinese_numeral_value("十二"), chinese_numeral_value("二十"), chinese_numeral_value("一百零五")
    (12, 20, 105)
    """
    total = 0
    digit = None
    for ch in text:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            total += (1 if digit is None else digit) * _ZH_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def chinese_numeral(n: int) -> str:
    """A number below ten thousand in Chinese numerals.

    >>> [chinese_numeral(n) for n in (7, 12, 20, 105, 2010)]
    ['七', '十二', '二十', '一百零五', '二千零一十']
    """
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n - 10] if n > 10 else "")
    out: list[str] = []
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        value = n // unit % 10
        if value:
            if zero and out:
                out.append("零")
            out.append(digits[value] + name)
            zero = False
        elif out:
            zero = True
    return "".join(out)


# Ordinals written out in words: "sixty-second session", "soixante-deuxième session",
# "sexagésimo segundo período", "第六十二届会议" all cite 62, as "62nd session" does. A compound
# ordinal (eleventh and above) is cited wherever it stands; a small one ("second", "第二") only
# where it numbers a session or a meeting, since elsewhere translations say it their own way
# ("the Second World War", "第二次世界大战"; "at first", "首次").
_EN_UNITS = "one two three four five six seven eight nine".split()
_EN_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_EN_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_EN_ORDINAL = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
               "nine": "ninth", "twelve": "twelfth"}
_FR_CARDINALS = ("un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize "
                 "dix-sept dix-huit dix-neuf").split()
_FR_TENS = "vingt trente quarante cinquante soixante".split()
_ES_UNITS = "primero segundo tercero cuarto quinto sexto séptimo octavo noveno".split()
_ES_TENS = "décimo vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo septuagésimo octogésimo nonagésimo".split()


def _en_ordinal(word: str) -> str:
    last = word.rsplit("-", 1)[-1]
    head = word[:len(word) - len(last)]
    if last in _EN_ORDINAL:
        return head + _EN_ORDINAL[last]
    return head + (last[:-1] + "ieth" if last.endswith("y") else last + "th")


def _fr_cardinal(n: int) -> str:
    if n < 20:
        return _FR_CARDINALS[n - 1]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):
        base = "soixante" if tens == 7 else "quatre-vingt"
        return f"{base}{' et ' if n == 71 else '-'}{_FR_CARDINALS[10 + unit - 1]}"
    base = "quatre-vingt" if tens == 8 else _FR_TENS[tens - 2]
    if unit == 0:
        return base
    return f"{base}{' et ' if unit == 1 and tens != 8 else '-'}{_FR_CARDINALS[unit - 1]}"


def _fr_ordinals(n: int) -> list[str]:
    if n == 1:
        return ["premier", "première"]
    word = _fr_cardinal(n)
    if word.endswith("cinq"):
        return [word + "uième"]
    if word.endswith("neuf"):
        return [word[:-1] + "vième"]
    return [(word[:-1] if word.endswith("e") else word) + "ième"]


def _es_words(word: str) -> list[str]:
    """A Spanish ordinal word in both genders, and shortened ("primer", "tercer")."""
    if word in ("primero", "tercero"):
        return [word[:-1], word, word[:-1] + "a"]
    return [word, word[:-1] + "a"] if word.endswith("o") else [word]


def _es_ordinals(n: int) -> list[str]:
    tens, unit = divmod(n, 10)
    if tens == 1 and unit:
        unit_word = {1: "primero", 2: "segundo"}.get(unit, _ES_UNITS[unit - 1])
        alone = {1: "undécimo", 2: "duodécimo"}.get(unit)
        return [f"{a} {b}" for a in _es_words("décimo") for b in _es_words(unit_word)] + \
            [f"decimo{b}" for b in _es_words(unit_word)] + (_es_words(alone) if alone else [])
    words = ([_ES_TENS[tens - 1]] if tens else []) + ([_ES_UNITS[unit - 1]] if unit else [])
    forms = [""]
    for word in words:
        forms = [f"{form} {variant}".strip() for form in forms for variant in _es_words(word)]
    return forms


def _ordinal_key(text: str) -> str:
    """An ordinal as looked up: lower case, any hyphen or space one hyphen."""
    return re.sub(r"[-\u2010\u2011\s]+", "-", text.lower())


@cache
def _ordinal_table() -> dict[str, dict[str, int]]:
    """Every written form of the ordinals 1 to 99 in English, French and Spanish, by its key
    (made when first read: a diff never reads it)."""
    table: dict[str, dict[str, int]] = {"en": {}, "fr": {}, "es": {}}
    for n in range(1, 100):
        tens, unit = divmod(n, 10)
        cardinal = _EN_UNITS[n - 1] if n < 10 else _EN_TEENS[n - 10] if n < 20 else \
            _EN_TENS[tens - 2] + ("-" + _EN_UNITS[unit - 1] if unit else "")
        for language, forms in (("en", [_en_ordinal(cardinal)]), ("fr", _fr_ordinals(n)), ("es", _es_ordinals(n))):
            for form in forms:
                table[language][_ordinal_key(form)] = n
    return table


def _trie(forms: list[str]) -> str:
    """One regular expression for a set of keys, their shared beginnings written once (the
    engine then rejects a position after a character or two, not after trying every form);
    a hyphen in a key is any hyphen or white space in the text."""
    heads: dict[str, list[str]] = {}
    ends = False
    for form in forms:
        if form:
            heads.setdefault(form[0], []).append(form[1:])
        else:
            ends = True
    branches = [("[-\u2010\u2011\\s]+" if head == "-" else re.escape(head)) + _trie(rest)
                for head, rest in sorted(heads.items())]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _ordinal_pattern(language: str) -> str:
    """The pattern of a language's ordinals (written when first used: the trie takes a while)."""
    return r"(?<![^\W\d_])" + _trie(sorted(_ordinal_table()[language])) + r"(?![^\W\d_])"


# One pattern a language; longest forms first, since the trie tries a longer one before it stops.
_ORDINALS: dict[str, re.Pattern[str]] = {
    language: lazy(partial(_ordinal_pattern, language), re.IGNORECASE) for language in ("en", "fr", "es")}
_SESSION_AFTER = {"en": lazy(r"\s+(?:[^\W\d_]+\s+){0,3}(?:session|meeting)s?(?![^\W\d_])", re.IGNORECASE),
                  "fr": lazy(r"\s+(?:session|séance|réunion)s?(?![^\W\d_])", re.IGNORECASE),
                  "es": lazy(r"\s+(?:período|periodo|sesión|reunión)(?![^\W\d_])", re.IGNORECASE)}
# Russian ordinals inflect (шестьдесят второй, второго, второму …): a stem, the tens said as a
# cardinal before the last word of a compound ("шестьдесят второй"), and an adjective's ending.
_RU_STEMS = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8,
             "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14,
             "пятнадцат": 15, "шестнадцат": 16, "семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19,
             "двадцат": 20, "тридцат": 30, "сороков": 40, "пятидесят": 50, "шестидесят": 60, "семидесят": 70,
             "восьмидесят": 80, "девяност": 90}
_RU_TENS = {"двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
            "восемьдесят": 80, "девяносто": 90}
_RU_ORDINAL = lazy(lambda: r"(?<![^\W\d_])(?:(" + _trie(sorted(_RU_TENS)) + r")\s+)?(" + _trie(sorted(_RU_STEMS))
                   + r")(?:ь(?:его|ему|ей|ем|ею|ья|ье|ью|и|их|им|ими)|ий|ый|ой|ая|ое|ого|ому|ом|ую|ые|ых|ым|ыми)"
                   r"(?![^\W\d_])", re.IGNORECASE)
_RU_SESSION_AFTER = lazy(r"\s+(?:[^\W\d_]+\s+){0,2}(?:сесси|заседани|совещани)", re.IGNORECASE)
# Arabic ordinals, masculine and feminine, with the article: "الثانية والستين" (sixty-second),
# "الحادية عشرة" (eleventh), "الستين" (sixtieth); a small one only after the session or meeting it
# numbers ("الدورة الثانية").
_AR_UNITS = {1: ("الأول", "الاول", "الأولى", "الاولى"), 2: ("الثاني", "الثانية"), 3: ("الثالث", "الثالثة"),
             4: ("الرابع", "الرابعة"), 5: ("الخامس", "الخامسة"), 6: ("السادس", "السادسة"), 7: ("السابع", "السابعة"),
             8: ("الثامن", "الثامنة"), 9: ("التاسع", "التاسعة"), 10: ("العاشر", "العاشرة")}
_AR_TENS = {20: "عشر", 30: "ثلاث", 40: "أربع", 50: "خمس", 60: "ست", 70: "سبع", 80: "ثمان", 90: "تسع"}


@cache
def _arabic_ordinals() -> dict[str, int]:
    forms: dict[str, int] = {}
    for n, words in _AR_UNITS.items():
        for word in words:
            forms[word] = n
    for unit in range(1, 10):
        units = ("الحادي", "الحادية") if unit == 1 else _AR_UNITS[unit]
        for word in units:
            forms[f"{word} عشر"] = forms[f"{word} عشرة"] = 10 + unit
    for tens, stem in _AR_TENS.items():
        for ending in ("ين", "ون"):
            forms[f"ال{stem}{ending}"] = tens
            for unit in range(1, 10):
                for word in (("الحادي", "الحادية") if unit == 1 else _AR_UNITS[unit]):
                    forms[f"{word} وال{stem}{ending}"] = tens + unit
    return forms


@cache
def _arabic_ordinal_keys() -> dict[str, int]:
    """The Arabic ordinals by their keys (made when first read)."""
    return {_ordinal_key(form): value for form, value in _arabic_ordinals().items()}


_AR_ORDINAL = lazy(lambda: r"(?<![^\W\d_])" + _trie(sorted(_ordinal_key(form) for form in _arabic_ordinals()))
                   + r"(?![^\W\d_])")
_AR_SESSION_BEFORE = lazy(r"(?:دور|جلس|اجتماع)[^\W\d_]*(?:\s+[^\W\d_]+){0,2}\s+$")
_ZH_ORDINAL = lazy(r"第([零〇一二两三四五六七八九十百千]+)(?=(届|屆|次(?:[^\W\d_]{0,4})?(?:会议|會議))?)")


def _ordinals(folded: str, language: str, add, free) -> None:
    """Ordinals written out in words (see _ordinal_table), each cited as the number it says; a
    small one (up to tenth) only before a session or a meeting."""
    if language == "zh":
        for match in _ZH_ORDINAL.finditer(folded):
            value = chinese_numeral_value(match.group(1))
            if value and (value > 10 or match.group(2)) and free(match.start(), match.end()):
                add("number", str(value), match.start(), match.end())
        return
    if language == "ar":
        for match in _AR_ORDINAL.finditer(folded):
            value = _arabic_ordinal_keys().get(_ordinal_key(match.group()))
            if value is None or (value <= 10 and not _AR_SESSION_BEFORE.search(folded, max(0, match.start() - 48),
                                                                                 match.start())):
                continue
            if free(match.start(), match.end()):
                add("number", str(value), match.start(), match.end())
        return
    if language == "ru":
        for match in _RU_ORDINAL.finditer(folded):
            tens, stem = match.group(1), match.group(2).lower()
            value = _RU_STEMS[stem] + (_RU_TENS[tens.lower()] if tens else 0)
            if tens and _RU_STEMS[stem] >= 10:
                continue  # "двадцать десятый" is no ordinal
            if value <= 10 and not _RU_SESSION_AFTER.match(folded, match.end()):
                continue
            if free(match.start(), match.end()):
                add("number", str(value), match.start(), match.end())
        return
    pattern = _ORDINALS.get(language)
    if pattern is None:
        return
    values = _ordinal_table()[language]
    for match in pattern.finditer(folded):
        value = values.get(_ordinal_key(match.group()))
        if value is None or (value <= 10 and not _SESSION_AFTER[language].match(folded, match.end())):
            continue
        if free(match.start(), match.end()):
            add("number", str(value), match.start(), match.end())


def cited(text: str, language: str) -> list[Cited]:
    """What ``text`` cites, in reading order: symbols, dates, numbers (the numbers a date or a
    symbol is made of are not counted again), and footnote marks glued to a word ("mark").

    >>> [(c.kind, c.value) for c in cited("Recalling resolution 64/187 of 21 December 2009 and A/65/78, 15 per cent", "en")]
    [('symbol', '64/187'), ('date', '2009-12-21'), ('symbol', 'A/65/78'), ('number', '15')]
    >>> [(c.kind, c.value) for c in cited("回顾2009年12月21日第64/187号决议和A/65/78,百分之十五", "zh")]
    [('date', '2009-12-21'), ('symbol', '64/187'), ('symbol', 'A/65/78'), ('number', '15')]
    >>> [(c.kind, c.value) for c in cited("Rappelant sa résolution 2625 (XXV) du 24 octobre 1970", "fr")]
    [('number', '2625'), ('number', 'session 25'), ('date', '1970-10-24')]
    """
    folded = fold(text)
    taken = bytearray(len(folded))
    found: list[Cited] = []

    def add(kind: str, value: str, start: int, end: int) -> None:
        found.append(Cited(kind, value, text[start:end], start, end))
        taken[start:end] = b"\x01" * (end - start)

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    for match in _SYMBOL.finditer(folded):
        value = re.sub(r"\s+", "", match.group()).upper()
        if "/" in value:
            add("symbol", value, match.start(), match.end())
    for match in _RESOLUTION.finditer(folded):
        if free(match.start(), match.end()):
            add("symbol", match.group().upper(), match.start(), match.end())
    for match in _SESSION.finditer(folded):
        if free(match.start(), match.end()):
            session = _roman(match.group(1)) if match.group(1) else int(match.group(2))
            add("number", f"session {session}", match.start(), match.end())
    _dates(folded, add, free)
    for match in _GLUED_MARK.finditer(folded):
        if free(match.start(), match.end()):
            add("mark", match.group(), match.start(), match.end())
    _ordinals(folded, language, add, free)
    if language == "zh":
        for match in _ZH_PERCENT.finditer(folded):
            percent = chinese_numeral_value(match.group(1))
            if percent is not None and free(match.start(), match.end()):
                add("number", str(percent), match.start(), match.end())
    pattern = _NUMBER_SPACE_THOUSANDS if language in _SPACE_THOUSANDS else _NUMBER_COMMA_THOUSANDS
    for match in pattern.finditer(folded):
        if free(match.start(), match.end()):
            add("number", _number_value(match.group(), language), match.start(), match.end())
    found.sort(key=lambda c: c.start)
    return found


def _dates(folded: str, add, free) -> None:
    """Dates in the text: Chinese "2010年12月20日", and a month name of any of the six languages
    with a day before it or a year after it."""
    for match in _ZH_DATE.finditer(folded):
        year, month, day = match.group(1), int(match.group(2)), match.group(3)
        if not 1 <= month <= 12 or not (year or day):
            continue
        add("date", _date_value(year, month, day), match.start(), match.end())
    position = 0
    while True:
        found = _MONTH.search(folded, position)
        if found is None:
            break
        match = found
        position = match.end()
        if not free(match.start(), match.end()):
            continue
        month = _month_number(match.group(1))
        start, end = match.start(), match.end()
        # the same month in its second name ("كانون الأول/ديسمبر")
        second = _SECOND_NAME.match(folded, end)
        if second:
            again = _MONTH.match(folded, second.end())
            if again and _month_number(again.group(1)) == month:
                end = again.end()
                closing = re.match(r"\s*\)", folded[end:])
                if closing and "(" in folded[match.end():again.start()]:
                    end += closing.end()
        day = year = None
        before = _DAY_BEFORE.search(folded[max(0, start - 12):start])
        if before:
            day = before.group(1)
            start -= len(before.group())
        after = _DAY_YEAR_AFTER.match(folded[end:end + 16]) if day is None else None
        if after:
            day, year = after.group(1), after.group(2)
            end += after.end()
        else:
            later = _YEAR_AFTER.match(folded[end:end + 16])
            if later:
                year = later.group(1)
                end += later.end()
                tail = re.match(r"\s*(?:года|г\.|год[ау]?|\))", folded[end:end + 8])
                if tail and not tail.group().strip() == ")":
                    end += tail.end()
        if (day is None and year is None) or (day is not None and not 1 <= int(day) <= 31):
            continue
        if not free(start, end):
            continue
        add("date", _date_value(year, month, day), start, end)
        position = end


def _date_value(year: str | None, month: int, day: str | None) -> str:
    """'2010-12-20'; '2010-12' without a day; '--12-20' without a year."""
    if year and day:
        return f"{int(year):04d}-{month:02d}-{int(day):02d}"
    if year:
        return f"{int(year):04d}-{month:02d}"
    return f"--{month:02d}-{int(day or 0):02d}"


_MONTH_EN = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
             N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))


def shown_value(kind: str, value: str) -> str:
    """A canonical value as a reader says it: dates in words ('20 December 2010'; a ``Message``,
    '2010年12月20日' in the Chinese interface).

    >>> shown_value("date", "2010-12-20"), shown_value("date", "--10-22"), shown_value("number", "1500")
    ('20 December 2010', '22 October', '1500')
    """
    if kind != "date":
        return value
    if value.startswith("--"):
        month, day = value[2:].split("-")
        return Message(N_("{day} {month}"), day=int(day), month=Message(_MONTH_EN[int(month) - 1]))
    parts = value.split("-")
    if len(parts) == 2:
        return Message(N_("{month} {year}"), month=Message(_MONTH_EN[int(parts[1]) - 1]), year=parts[0])
    return Message(N_("{day} {month} {year}"), day=int(parts[2]), month=Message(_MONTH_EN[int(parts[1]) - 1]),
                   year=parts[0])


# Number words, to explain a number one version prints in digits and the other in words.
# By value: a regular expression per language (Russian and Arabic by their inflected forms).
_WORDS: dict[str, dict[int, str]] = {
    "en": dict(enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                         "fifteen sixteen seventeen eighteen nineteen twenty".split()))
    | {30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety",
       100: "(?:one )?hundred", 1000: "(?:one )?thousand"},
    "fr": dict(enumerate("zéro un(?:e)? deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
                         "quinze seize dix-sept dix-huit dix-neuf vingt".split()))
    | {30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante", 70: "soixante-dix", 80: "quatre-vingts?",
       90: "quatre-vingt-dix", 100: "cent", 1000: "mille"},
    "es": dict(enumerate("cero un[oa]? dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce "
                         "quince dieciséis diecisiete dieciocho diecinueve veinte".split()))
    | {30: "treinta", 40: "cuarenta", 50: "cincuenta", 60: "sesenta", 70: "setenta", 80: "ochenta",
       90: "noventa", 100: "cien(?:to)?", 1000: "mil"},
    "ru": {1: "од(?:ин|на|но|ного|ной|ному|ним|ном|ну)", 2: "дв(?:а|е|ух|ум|умя)", 3: "тр(?:и|ех|ёх|ем|ём|емя)",
           4: "четыр(?:е|ех|ёх|ем|ём|ьмя)", 5: "пят(?:ь|и|ью)", 6: "шест(?:ь|и|ью)", 7: "сем(?:ь|и|ью)",
           8: "вос(?:емь|ьми|емью|ьмью)", 9: "девят(?:ь|и|ью)", 10: "десят(?:ь|и|ью)",
           11: "одиннадцат(?:ь|и|ью)", 12: "двенадцат(?:ь|и|ью)", 13: "тринадцат(?:ь|и|ью)",
           14: "четырнадцат(?:ь|и|ью)", 15: "пятнадцат(?:ь|и|ью)", 16: "шестнадцат(?:ь|и|ью)",
           17: "семнадцат(?:ь|и|ью)", 18: "восемнадцат(?:ь|и|ью)", 19: "девятнадцат(?:ь|и|ью)",
           20: "двадцат(?:ь|и|ью)", 30: "тридцат(?:ь|и|ью)", 40: "сорок(?:а)?", 50: "пят(?:ьдесят|идесяти)",
           60: "шест(?:ьдесят|идесяти)", 70: "сем(?:ьдесят|идесяти)", 80: "вос(?:емьдесят|ьмидесяти)",
           90: "девяност(?:о|а)", 100: "ст(?:о|а)", 1000: "тысяч(?:а|и|у|ей|ью)?"},
    "ar": {1: "واحدة?", 2: "(?:اثن|إثن)(?:ان|ين|تان|تين)", 3: "ثلاثة?", 4: "أربعة?", 5: "خمسة?", 6: "ستة?",
           7: "سبعة?", 8: "ثماني?ة?", 9: "تسعة?", 10: "عشرة?", 11: "(?:أحد|إحدى) عشرة?",
           12: "(?:اثن|إثن)(?:ا|ي|تا|تي) عشرة?", 20: "عشر(?:ون|ين)", 30: "ثلاث(?:ون|ين)", 40: "أربع(?:ون|ين)",
           50: "خمس(?:ون|ين)", 60: "ست(?:ون|ين)", 70: "سبع(?:ون|ين)", 80: "ثماني?(?:ون|ين)", 90: "تسع(?:ون|ين)",
           100: "(?:مائة|مئة)", 1000: "ألف"},
}
for _unit, _word in ((3, "ثلاثة?"), (4, "أربعة?"), (5, "خمسة?"), (6, "ستة?"), (7, "سبعة?"), (8, "ثماني?ة?"),
                     (9, "تسعة?")):
    _WORDS["ar"][10 + _unit] = f"{_word} عشرة?"


def in_words(value: str, language: str, text: str) -> str | None:
    """Where ``text`` says the number ``value`` in words of ``language`` (the words as printed),
    else None.

    >>> in_words("12", "fr", "douze heures au plus tard"), in_words("12", "zh", "在十二小时内"), in_words("3", "en", "three")
    ('douze', '十二', 'three')
    """
    if not value.isdigit():
        return None
    number = int(value)
    if language == "zh":
        if number >= 10000:
            return None
        numeral = chinese_numeral(number)
        index = text.find(numeral)
        # "十二" is no twelve inside "二十二" (22) or "一百十二"
        while index >= 0:
            before = text[index - 1:index]
            after = text[index + len(numeral):index + len(numeral) + 1]
            if not (before and before in "零〇一二两三四五六七八九十百千") and not (after and after in "零〇一二两三四五六七八九十百千"):
                return numeral
            index = text.find(numeral, index + 1)
        return None
    word = _WORDS.get(language, {}).get(number)
    if word is None:
        return None
    prefix = "(?:[وبل]?(?:ال)?)" if language == "ar" else ""
    match = re.search(rf"(?<![^\W\d_]){prefix}(?:{word})(?![^\W\d_])", text, re.IGNORECASE)
    return match.group() if match else None


# --- the units compared and their alignment -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Issue:
    """One disagreement between the two versions.

    ``kind``: "paragraph" (in one version only), "sub-paragraphs" (counts differ), "footnote"
    (a mark, or a footnote, in one version only), "number", "date", "symbol" (cited in one
    version only), "kind" (preambular in one, operative in the other), "numbering".
    ``side`` is "a" or "b": the version that has what the other lacks (None when both have
    something, as with counts). ``where`` is the paragraph, sub-paragraph or footnote it is in.
    """

    kind: str
    side: str | None
    where: str
    value: str | None
    text: str | None
    message: str


@dataclass(frozen=True, slots=True)
class Pair:
    """A paragraph of version A and its counterpart in version B (either None when unpaired),
    what each cites, what disagrees, and what was reconciled (notes)."""

    a: str | None
    b: str | None
    issues: tuple[Issue, ...] = ()
    notes: tuple[str, ...] = ()
    cited_a: tuple[Cited, ...] = ()
    cited_b: tuple[Cited, ...] = ()
    unmatched_a: frozenset[int] = frozenset()  # indexes into cited_a cited in A only
    unmatched_b: frozenset[int] = frozenset()

    @property
    def agrees(self) -> bool:
        return not self.issues


@dataclass(frozen=True, slots=True)
class FootnotePair:
    """A footnote of A and of B with the same mark (either None when it is in one only)."""

    a: str | None
    b: str | None
    issues: tuple[Issue, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Two language versions, their paragraphs paired, and every disagreement found."""

    a: Document
    b: Document
    pairs: tuple[Pair, ...]
    footnotes: tuple[FootnotePair, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def issues(self) -> tuple[Issue, ...]:
        return tuple(i for p in self.pairs for i in p.issues) + tuple(i for f in self.footnotes for i in f.issues)

    @property
    def disagrees(self) -> bool:
        return bool(self.issues)

    def summary(self) -> dict[str, int]:
        """Counts: paragraphs paired, agreeing and disagreeing, in A only, in B only; footnotes
        disagreeing; and the disagreements by kind."""
        counts = {"paired": 0, "agree": 0, "disagree": 0, "only_a": 0, "only_b": 0, "footnotes_disagree": 0}
        for pair in self.pairs:
            if pair.a and pair.b:
                counts["paired"] += 1
                counts["agree" if pair.agrees else "disagree"] += 1
            elif pair.a:
                counts["only_a"] += 1
            else:
                counts["only_b"] += 1
        counts["footnotes_disagree"] = sum(1 for f in self.footnotes if f.issues)
        for kind in ISSUE_KINDS:
            counts[kind] = sum(1 for issue in self.issues if issue.kind == kind)
        return counts


ISSUE_KINDS = ("paragraph", "kind", "numbering", "sub-paragraphs", "footnote", "number", "date", "symbol")


@dataclass(slots=True)
class _Profile:
    """What the alignment weighs of one paragraph."""

    paragraph: Paragraph
    values: frozenset[str]
    marks: frozenset[str]
    share: float
    verbs: frozenset[str] = frozenset()
    # whether its number is evidence of its counterpart (see _renumbered_kinds)
    numbered: bool = True


def _marks(marks: Iterable[str]) -> list[str]:
    return [m.translate(_SUPERSCRIPT) for m in marks]


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _profiles(document: Document) -> list[_Profile]:
    total = sum(len(p.body) for p in document.paragraphs) or 1
    profiles = []
    for p in document.paragraphs:
        found = cited(p.body, document.language)
        values = frozenset(c.kind + ":" + c.value for c in found if c.kind != "mark")
        marks = frozenset(_marks(p.all_footnotes())) | {c.value for c in found if c.kind == "mark"}
        verbs = operative_verbs(p.body) if p.kind is ParagraphKind.OPERATIVE else frozenset()
        profiles.append(_Profile(p, values, marks, max(len(p.body), 1) / total, verbs))
    return profiles


GAP = -1.5


def _score(a: _Profile, b: _Profile) -> float:
    """How well two paragraphs of the two versions match; above 2 × GAP they may be paired."""
    pa, pb = a.paragraph, b.paragraph
    score = 1.0 if pa.kind is pb.kind else -1.0
    if pa.number is not None and pb.number is not None and a.numbered and b.numbered:
        score += 3.0 if pa.number == pb.number else -1.0
    shared = len(a.values & b.values)
    score += min(2.0 * shared - 0.75 * len(a.values ^ b.values), 6.0)
    score += 1.0 * len(a.marks & b.marks) - 0.5 * len(a.marks ^ b.marks)
    if pa.items or pb.items:
        score += 1.0 if len(pa.items) == len(pb.items) else -0.5 * min(abs(len(pa.items) - len(pb.items)), 4)
    if a.verbs and b.verbs:
        # the operative verb survives translation ("Decides", "Décide", "يقرر"): strong evidence
        # where numbers say nothing ("douze" against "12", a paragraph dropped in one version)
        score += 2.5 if a.verbs & b.verbs else -1.0
    ratio = abs(math.log(a.share / b.share))
    score += max(1.0 - 2.0 * ratio, -3.0)
    return score


def _renumbered_kinds(a: Document, b: Document) -> set[ParagraphKind]:
    """The kinds of numbered paragraph whose numbers say nothing of which paragraph is which:
    both versions number them 1, 2, 3 … without a gap, yet one has more of them. A paragraph is
    then missing from one version and those after it renumbered, and equal numbers pair each
    paragraph after the gap with the wrong one (OP10 of one version is OP9 of the other); the
    alignment goes by what the paragraphs cite, their footnote marks, verbs and lengths instead.
    Where one version leaves a gap in its numbers ("8.", "10."), numbers stay evidence."""
    kinds = set()
    for kind in (ParagraphKind.OPERATIVE, ParagraphKind.ANNEX):
        numbers = [[p.number for p in d.paragraphs if p.kind is kind and p.number is not None] for d in (a, b)]
        if all(numbers) and len(numbers[0]) != len(numbers[1]) and \
                all(ns == list(range(ns[0], ns[0] + len(ns))) for ns in numbers):
            kinds.add(kind)
    return kinds


def align(a: list[_Profile], b: list[_Profile]) -> list[tuple[int | None, int | None]]:
    """The pairs of a global alignment in reading order (indexes; None on the side without one),
    within a band around the diagonal wide enough for the difference in counts."""
    n, m = len(a), len(b)
    band = max(60, abs(n - m) + 60)
    minus = float("-inf")
    best = [[minus] * (m + 1) for _ in range(n + 1)]
    step = [[0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        centre = i * m // n if n else 0
        low, high = max(0, centre - band), min(m, centre + band)
        for j in range(low, high + 1):
            if i == j == 0:
                continue
            here = minus
            move = 0
            if i and j and best[i - 1][j - 1] > minus:
                here = best[i - 1][j - 1] + _score(a[i - 1], b[j - 1])
                move = 1
            if i and best[i - 1][j] > minus and best[i - 1][j] + GAP > here:
                here, move = best[i - 1][j] + GAP, 2
            if j and best[i][j - 1] > minus and best[i][j - 1] + GAP > here:
                here, move = best[i][j - 1] + GAP, 3
            best[i][j], step[i][j] = here, move
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i or j:
        move = step[i][j]
        if move == 1:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif move == 2 or (move == 0 and i):
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs.reverse()
    return pairs


# --- comparing a pair -----------------------------------------------------------------------------


def _units(paragraph: Paragraph, other: Paragraph) -> list[tuple[str, str, int]]:
    """(where, text, offset in the body) units of a paragraph compared one for one with the
    other version's: the chapeau and each sub-paragraph when both have as many, else the whole
    paragraph. The offsets are those of ``Paragraph.body``."""
    if paragraph.items and len(paragraph.items) == len(other.items):
        units = [(paragraph.id, paragraph.text, 0)]
        position = len(paragraph.text) + 1 if paragraph.text else 0
        for item in paragraph.items:
            prefix = f"{item.marked} "
            units.append((f"{paragraph.id}({item.label})", item.text, position + len(prefix)))
            position += len(prefix) + len(item.text) + 1
        return units
    return [(paragraph.id, paragraph.body, 0)]


def _shifted(items: list[Cited], offset: int) -> list[Cited]:
    return [Cited(c.kind, c.value, c.text, c.start + offset, c.end + offset) for c in items]


def _compare_units(where_a: str, text_a: str, where_b: str, text_b: str, la: str, lb: str,
                   marks_a: set[str], marks_b: set[str], names: tuple[str, str]) -> _Units:
    """The disagreements between one unit of A and its counterpart in B (``marks_a`` and
    ``marks_b``: the footnote marks the parser found in each paragraph)."""
    ca, cb = cited(text_a, la), cited(text_b, lb)
    result = _Units(ca, cb)
    notes = result.notes
    only_a = result.only_a = _unmatched(ca, cb)
    only_b = result.only_b = _unmatched(cb, ca)
    result.glued_a = {c.value: _word_at(text_a, c) for c in ca if c.kind == "mark"}
    result.glued_b = {c.value: _word_at(text_b, c) for c in cb if c.kind == "mark"}
    # Partial dates: a version may leave out a year said earlier in the sentence, or a day.
    for i in sorted(only_a):
        for j in sorted(only_b):
            if ca[i].kind == cb[j].kind == "date" and _compatible_dates(ca[i].value, cb[j].value):
                only_a.discard(i)
                only_b.discard(j)
                notes.append(Message(N_("{text_a} ({name_a}) and {text_b} ({name_b}) read as one date"),
                                     text_a=ca[i].text, name_a=names[0], text_b=cb[j].text, name_b=names[1]))
                break
    # Footnote marks that a PDF extraction glued to a number: the mark the other version has is
    # the number here ("2001-2010,2"), or ends it ("2001-20107" for "2001-2010" and mark 7).
    for own, own_text, other_cited, own_only, marks_other, explained in (
            (ca, text_a, cb, only_a, marks_b | set(result.glued_b), result.explained_a),
            (cb, text_b, ca, only_b, marks_a | set(result.glued_a), result.explained_b)):
        values_other = {c.value for c in other_cited}
        for i in sorted(own_only):
            c = own[i]
            if c.kind != "number":
                continue
            for mark in sorted(marks_other):
                if c.value == mark or (c.value.endswith(mark) and c.value[:-len(mark)] in values_other):
                    own_only.discard(i)
                    explained[mark] = _word_at(own_text, c)
                    break
    # A number in digits in one version and in words in the other.
    for own, other_text, other_language, own_only, name, other_name in (
            (ca, text_b, lb, only_a, names[0], names[1]), (cb, text_a, la, only_b, names[1], names[0])):
        for i in sorted(own_only):
            c = own[i]
            if c.kind != "number":
                continue
            words = in_words(c.value, other_language, other_text)
            if words:
                own_only.discard(i)
                notes.append(Message(N_("{text} ({name}) is written out in {other}: {words}"),
                                     text=c.text, name=name, other=other_name, words=repr(words)))
    for side, own, own_only, where, name, other_name in (("a", ca, only_a, where_a, names[0], names[1]),
                                                        ("b", cb, only_b, where_b, names[1], names[0])):
        for i in sorted(own_only):
            c = own[i]
            shown = shown_value(c.kind, c.value)
            printed = Message(N_(" ({text})"), text=c.text.strip()) if c.text.strip() != shown else ""
            result.issues.append(Issue(c.kind, side, where, c.value, c.text,
                                       Message(_CITED_ONLY[c.kind], value=shown, printed=printed,
                                               name=name, other=other_name)))
    return result


_CITED_ONLY = {"number": N_("number {value}{printed} in {name}, not in {other}"),
               "date": N_("date {value}{printed} in {name}, not in {other}"),
               "symbol": N_("symbol {value}{printed} in {name}, not in {other}")}


@dataclass(slots=True)
class _Units:
    """What comparing one unit of each version found."""

    cited_a: list[Cited]
    cited_b: list[Cited]
    issues: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    only_a: set[int] = field(default_factory=set)
    only_b: set[int] = field(default_factory=set)
    # footnote marks glued to a word ("Declaration8"), by mark: the word
    glued_a: dict[str, str] = field(default_factory=dict)
    glued_b: dict[str, str] = field(default_factory=dict)
    # marks of the other version read from a number here ("2001-20107"), by mark: the word
    explained_a: dict[str, str] = field(default_factory=dict)
    explained_b: dict[str, str] = field(default_factory=dict)


def _word_at(text: str, c: Cited) -> str:
    """The printed word a cited number stands in ("Secretary-General;6")."""
    start, end = c.start, c.end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


def _unmatched(own: list[Cited], other: list[Cited]) -> set[int]:
    """Indexes of the numbers, dates and symbols of ``own`` whose value ``other`` never cites
    (each value counted once: a translation may say a number again, or refer back to it in
    words). Footnote marks are compared apart."""
    values = {(c.kind, c.value) for c in other}
    return {i for i, c in enumerate(own) if c.kind != "mark" and (c.kind, c.value) not in values}


def _compatible_dates(x: str, y: str) -> bool:
    """Whether two dates can be one: equal where both say something ('2010-12-20', '--12-20')."""
    def parts(value: str) -> tuple[str | None, str, str | None]:
        if value.startswith("--"):
            month, day = value[2:].split("-")
            return None, month, day
        pieces = value.split("-")
        return pieces[0], pieces[1], pieces[2] if len(pieces) > 2 else None

    (ya, ma, da), (yb, mb, db) = parts(x), parts(y)
    return ma == mb and (ya is None or yb is None or ya == yb) and (da is None or db is None or da == db)


def _pair(pa: Paragraph, pb: Paragraph, a: Document, b: Document, names: tuple[str, str],
          offset: int | None) -> Pair:
    """What disagrees between two paired paragraphs. ``offset`` is the difference of operative
    numbers expected (0 at first; None after an unpaired paragraph: any shift is explained)."""
    issues: list[Issue] = []
    notes: list[str] = []
    if pa.kind is not pb.kind:
        issues.append(Issue("kind", None, pa.id, None, None,
                            Message(N_("{kind_a} in {name_a} ({id_a}), {kind_b} in {name_b} ({id_b})"),
                                    kind_a=_kind_name(pa.kind), name_a=names[0], id_a=pa.id,
                                    kind_b=_kind_name(pb.kind), name_b=names[1], id_b=pb.id)))
    if pa.number is not None and pb.number is not None and offset is not None and pa.number - pb.number != offset:
        issues.append(Issue("numbering", None, pa.id, None, None,
                            Message(N_("numbered {number_a} in {name_a}, {number_b} in {name_b}"),
                                    number_a=pa.number, name_a=names[0], number_b=pb.number, name_b=names[1])))
    if len(pa.items) != len(pb.items):
        template = N_("{count_a} sub-paragraph in {name_a}, {count_b} in {name_b}") if len(pa.items) == 1 else \
            N_("{count_a} sub-paragraphs in {name_a}, {count_b} in {name_b}")
        issues.append(Issue("sub-paragraphs", None, pa.id, None, None,
                            Message(template, count_a=len(pa.items), name_a=names[0], count_b=len(pb.items),
                                    name_b=names[1])))
    elif [item.parent is None for item in pa.items] != [item.parent is None for item in pb.items]:
        issues.append(Issue("sub-paragraphs", None, pa.id, None, None,
                            Message(N_("sub-paragraphs nested differently: {shape_a} in {name_a}, {shape_b} in {name_b}"),
                                    shape_a=_shape(pa), name_a=names[0], shape_b=_shape(pb), name_b=names[1])))
    marks_a, marks_b = set(_marks(pa.all_footnotes())), set(_marks(pb.all_footnotes()))
    units_a, units_b = _units(pa, pb), _units(pb, pa)
    cited_a: list[Cited] = []
    cited_b: list[Cited] = []
    unmatched_a: set[int] = set()
    unmatched_b: set[int] = set()
    glued_a: dict[str, str] = {}
    glued_b: dict[str, str] = {}
    for (where_a, text_a, offset_a), (where_b, text_b, offset_b) in zip(units_a, units_b):
        found = _compare_units(where_a, text_a, where_b, text_b, a.language, b.language, marks_a, marks_b, names)
        issues.extend(found.issues)
        notes.extend(found.notes)
        glued_a.update(found.glued_a | found.explained_a)
        glued_b.update(found.glued_b | found.explained_b)
        unmatched_a |= {len(cited_a) + i for i in found.only_a}
        unmatched_b |= {len(cited_b) + i for i in found.only_b}
        cited_a.extend(_shifted(found.cited_a, offset_a))
        cited_b.extend(_shifted(found.cited_b, offset_b))
    # Footnote marks: those the parser found, and those read from a word or a number they
    # were glued to.
    all_a, all_b = marks_a | set(glued_a), marks_b | set(glued_b)
    for side, own, other, parsed, glued, paragraph, name, other_name in (
            ("a", all_a, all_b, marks_a, glued_a, pa, names[0], names[1]),
            ("b", all_b, all_a, marks_b, glued_b, pb, names[1], names[0])):
        for mark in sorted(own, key=_mark_order):
            word = None if mark in parsed else glued.get(mark)
            if mark in other:
                if word:
                    notes.append(Message(N_("footnote mark {mark} read from {word}, glued to the text in {name}"),
                                         mark=mark, word=repr(word), name=name))
                continue
            read = Message(N_(" (read from {word})"), word=repr(word)) if word else ""
            issues.append(Issue("footnote", side, paragraph.id, mark, word,
                                Message(N_("footnote mark {mark}{read} in {name}, not in {other}"),
                                        mark=mark, read=read, name=name, other=other_name)))
    # a glued mark the other version lacks is unmatched too
    missing = {(issue.side, issue.value) for issue in issues if issue.kind == "footnote"}
    unmatched_a |= {i for i, c in enumerate(cited_a) if c.kind == "mark" and ("a", c.value) in missing}
    unmatched_b |= {i for i, c in enumerate(cited_b) if c.kind == "mark" and ("b", c.value) in missing}
    return Pair(pa.id, pb.id, tuple(issues), tuple(dict.fromkeys(notes)), tuple(cited_a), tuple(cited_b),
                frozenset(unmatched_a), frozenset(unmatched_b))


def _kind_name(kind: ParagraphKind) -> str:
    return Message(_KIND_NAMES[kind.value]) if kind.value in _KIND_NAMES else kind.value


def _shape(paragraph: Paragraph) -> str:
    """The sub-paragraphs' labels, nested ones after their parent's: '(a) (a)(i) (a)(ii) (b)'."""
    return " ".join(f"({item.parent})({item.label})" if item.parent else f"({item.label})" for item in paragraph.items)


def _mark_order(mark: str) -> tuple[int, str]:
    return (int(mark), mark) if mark.isdigit() else (10 ** 6, mark)


def _footnote_pairs(a: Document, b: Document, names: tuple[str, str]) -> list[FootnotePair]:
    """Footnotes paired by mark (a mark printed twice pairs in order); each one in one version
    only, or citing what the other's does not, is a disagreement."""
    waiting: dict[str, list] = {}
    for footnote in b.footnotes:
        waiting.setdefault(_marks([footnote.mark])[0], []).append(footnote)
    pairs = []
    for footnote in a.footnotes:
        mark = _marks([footnote.mark])[0]
        others = waiting.get(mark)
        if not others:
            pairs.append(FootnotePair(mark, None, (Issue("footnote", "a", f"footnote {mark}", mark, None,
                                                          _footnote_only(mark, names[0], names[1])),)))
            continue
        other = others.pop(0)
        found = _compare_units(f"footnote {mark}", footnote.text, f"footnote {mark}", other.text,
                               a.language, b.language, set(), set(), names)
        pairs.append(FootnotePair(mark, mark, tuple(found.issues), tuple(found.notes)))
    for footnote in b.footnotes:
        mark = _marks([footnote.mark])[0]
        if any(other is footnote for other in waiting.get(mark, ())):
            pairs.append(FootnotePair(None, mark, (Issue("footnote", "b", f"footnote {mark}", mark, None,
                                                          _footnote_only(mark, names[1], names[0])),)))
    return pairs


def _footnote_only(mark: str, name: str, other: str) -> Message:
    return Message(N_("footnote {mark} in {name}, not in {other}"), mark=mark, name=name, other=other)


def same_symbol(x: str, y: str) -> bool:
    """Whether two symbols name one document, as sites print them: with or without the year of a
    Security Council resolution, in brackets or after a slash.

    >>> same_symbol("S/RES/338 (1973)", "S/RES/338/1973"), same_symbol("S/RES/338", "S/RES/338 (1973)")
    (True, True)
    >>> same_symbol("A/RES/61/211", "A/RES/61/21")
    False
    """
    def key(symbol: str) -> str:
        return re.sub(r"\s+", "", symbol.replace("(", "/").replace(")", "")).upper().replace("//", "/").rstrip("/")

    kx, ky = key(x), key(y)
    return kx == ky or kx.startswith(ky + "/") or ky.startswith(kx + "/")


def version_name(document: Document, other: Document) -> str:
    """How a report names a version: its language, or its label when both share one."""
    if document.language and document.language != other.language:
        return language_name(document.language)
    return document.label


def first_and_second(names: tuple[str, str]) -> tuple[str, str]:
    """Two versions' names when they are the same one: 'English (first)', 'English (second)'."""
    return Message(N_("{name} (first)"), name=names[0]), Message(N_("{name} (second)"), name=names[1])


def check(a: Document, b: Document) -> CheckResult:
    """Pair the paragraphs of two language versions and report where they disagree."""
    names = (version_name(a, b), version_name(b, a))
    if names[0] == names[1]:
        names = first_and_second(names)
    notes: list[str] = []
    if a.language == b.language:
        notes.append(Message(N_("both versions are in {language}: check compares language versions "
                                "of one document ('resdiff diff' compares two versions in one language)"),
                             language=language_name(a.language)))
    if a.symbol and b.symbol and not same_symbol(a.symbol, b.symbol):
        notes.append(Message(N_("the versions carry different symbols ({symbol_a}, {symbol_b}): are they one document?"),
                             symbol_a=a.symbol, symbol_b=b.symbol))
    pa, pb = _profiles(a), _profiles(b)
    renumbered = _renumbered_kinds(a, b)
    for profile in pa + pb:
        profile.numbered = profile.paragraph.kind not in renumbered
    pairs: list[Pair] = []
    # The difference of operative numbers between paired paragraphs: a paragraph in one version
    # only may shift the numbers after it (when the other version renumbered), so only a shift
    # between two pairs with no unpaired paragraph between them is a numbering disagreement.
    offset: int | None = 0
    for i, j in align(pa, pb):
        if i is not None and j is not None:
            pairs.append(_pair(pa[i].paragraph, pb[j].paragraph, a, b, names, offset))
            number_a, number_b = pa[i].paragraph.number, pb[j].paragraph.number
            if number_a is not None and number_b is not None:
                offset = number_a - number_b
        elif i is not None:
            p = pa[i].paragraph
            offset = None
            pairs.append(Pair(p.id, None, (Issue("paragraph", "a", p.id, None, None, _no_counterpart(p.id, names[0], names[1])),),
                              cited_a=tuple(cited(p.body, a.language))))
        else:
            assert j is not None
            p = pb[j].paragraph
            offset = None
            pairs.append(Pair(None, p.id, (Issue("paragraph", "b", p.id, None, None, _no_counterpart(p.id, names[1], names[0])),),
                              cited_b=tuple(cited(p.body, b.language))))
    return CheckResult(a, b, tuple(pairs), tuple(_footnote_pairs(a, b, names)), tuple(notes))


def _no_counterpart(pid: str, name: str, other: str) -> Message:
    return Message(N_("{id} of {name} has no counterpart in {other}"), id=pid, name=name, other=other)


__all__ = ["Cited", "CheckResult", "FootnotePair", "Issue", "Pair", "check", "cited", "diff_warnings",
           "fold", "in_words", "language_name", "ParagraphKind"]
