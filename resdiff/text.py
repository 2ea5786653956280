"""Text normalisation for matching, and tokenising into words (Chinese through jieba).

The normalised form is only ever used to decide what matches; users always see the original.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

# Han ideographs and the CJK punctuation that sits among them.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
# White space matters only between two letters or digits of an alphabetic script
# ("General Assembly"); next to a Han character or a punctuation mark it is layout.
_LAYOUT_SPACE = re.compile(rf"(?<![^\W{_CJK}])\s+|\s+(?![^\W{_CJK}])")
_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "「": '"', "」": '"',
                         "‘": "'", "’": "'", "『": '"', "』": '"', "〝": '"', "〞": '"'})
# Punctuation whose full-width and ASCII forms are one and the same mark to a reader.
_WIDTH = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?",
                        "\u3000": " ", "－": "-", "—": "-", "–": "-", "‑": "-"})
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPERSCRIPT = re.compile(f"[{SUPERSCRIPT_DIGITS}]+")

# Tokens: a run of Han characters (segmented further by jieba), a Latin word or number,
# white space, or any single other character.
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W_]+(?:['’][^\W_]+)*|\s+|.", re.UNICODE)


def has_cjk(text: str) -> bool:
    """True if the text contains a Han character.

    >>> has_cjk("大会"), has_cjk("The General Assembly")
    (True, False)
    """
    return _CJK_CHAR.search(text) is not None


def detect_language(text: str) -> str:
    """A language code guessed from the script: 'zh' where Han characters dominate, else 'en'.

    Other UN languages are recognised by script where it is unambiguous (Arabic 'ar',
    Cyrillic 'ru'); Latin-script text is 'en' unless French or Spanish openers are frequent.
    """
    sample = text[:20000]
    han = len(_CJK_CHAR.findall(sample))
    letters = sum(ch.isalpha() for ch in sample) or 1
    if han / letters > 0.3:
        return "zh"
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in sample)
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in sample)
    if arabic / letters > 0.3:
        return "ar"
    if cyrillic / letters > 0.3:
        return "ru"
    lowered = sample.lower()
    if "l'assemblée générale" in lowered or "l’assemblée générale" in lowered:
        return "fr"
    if "la asamblea general" in lowered:
        return "es"
    return "en"


def normalize(text: str) -> str:
    """The form two texts are compared in: width, quotes, spacing and footnote marks folded.

    >>> normalize("2010 年，“信息”") == normalize("2010年, \\"信息\\"")
    True
    >>> normalize("The  General\\u00a0Assembly ,")
    'The General Assembly,'
    """
    text = _SUPERSCRIPT.sub("", text)
    text = text.translate(_QUOTES).translate(_WIDTH)
    text = unicodedata.normalize("NFKC", text)
    text = _SPACES.sub(" ", text).strip()
    text = _LAYOUT_SPACE.sub("", text)
    return text


def _split_basic(text: str) -> list[str]:
    return _TOKEN.findall(text)


class _Segmenter:
    """jieba, loaded on first use into a private Tokenizer with its logging silenced."""

    def __init__(self) -> None:
        self._tokenizer = None
        self._lock = threading.Lock()

    def _load(self):
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        logging.getLogger("jieba").setLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        return tokenizer

    def cut(self, run: str) -> list[str]:
        if self._tokenizer is None:
            with self._lock:
                if self._tokenizer is None:
                    self._tokenizer = self._load()
        return list(self._tokenizer.cut(run, HMM=True))


_SEGMENTER = _Segmenter()


@lru_cache(maxsize=65536)
def _cut_han(run: str) -> tuple[str, ...]:
    if len(run) == 1:
        return (run,)
    return tuple(_SEGMENTER.cut(run))


def tokenize(text: str) -> list[str]:
    """Split text into word tokens whose concatenation is exactly ``text``.

    Han runs are segmented with jieba; Latin words, numbers, spaces and each other
    character are tokens of their own.

    >>> tokenize("Recalling its resolution 64/187,")
    ['Recalling', ' ', 'its', ' ', 'resolution', ' ', '64', '/', '187', ',']
    """
    tokens: list[str] = []
    for token in _split_basic(text):
        if len(token) > 1 and _CJK_CHAR.match(token):
            tokens.extend(_cut_han(token))
        else:
            tokens.append(token)
    return tokens


def words(text: str) -> list[str]:
    """The word tokens of normalised text that carry meaning: no spaces or punctuation.

    >>> words("Recalling its resolution, and")
    ['recalling', 'its', 'resolution', 'and']
    """
    return [t.casefold() for t in tokenize(normalize(text)) if t[0].isalnum() or has_cjk(t[0])]
