"""Line patterns that more than one parsing stage recognises: symbols, operative numbers and the
marks a printer leaves at a page's head or foot (the layout stage drops them, the identity stage
reads the document's symbol from them), and the per-language tables the stages read (the
openers of preambular paragraphs): a new language is a new row here, not a new branch in a stage.
"""

from __future__ import annotations

import re

from ..text import SUPERSCRIPT_DIGITS, has_cjk

# A UN document symbol, tolerant of the stray spaces reports print ("A/C. 2/65/L. 56").
_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/])([A-Z]{1,2}(?:\s?/\s?(?:[A-Z][A-Za-z]{0,3}\.\s?\d+|[A-Z0-9][A-Z0-9\-]*)){2,6})"
    r"(?![A-Za-z0-9])"
)
# "1." as most languages number operative paragraphs, "1 -" as Arabic texts do.
_OPERATIVE = re.compile(r"^(\d{1,4})\s?(?:[.．]|-(?=\s))\s*(?=\S)")
_JOB_NUMBER = re.compile(r"^\d{2}-\d{5}\s*(?:\(\w\))?(?:\s+\d{6})?(?:\s+\d+/\d+)?\s*$|^\d{2}-\d{5}\s+\d+/\d+\s*$")
# A page's head or foot as PDF text extraction leaves it: job number, print date, page number,
# barcode and symbol in any order, often glued together ("2/9 23-21227A/C.3/78/L.41").
# A symbol never ends just before another's "A/" or "AB/": two glued symbols read as one, so
# that a run of them ("AA/AA/AA/…") splits one way only, not in exponentially many.
_FURNITURE_TOKEN = (r"(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?|\d{6}|\d{1,3}\s*/\s*\d{1,3}|\*\d{6,8}\*"
                    r"|Please recycle|[A-Z]{1,2}/[A-Za-z0-9.\-]+(?:/[A-Za-z0-9.\-]+)+(?![A-Za-z]{0,2}/))")
_FURNITURE_LINE = re.compile(rf"^(?:{_FURNITURE_TOKEN}\s*)+$")
# A symbol ending a line; the lookahead lets a search try only the line's last 64 characters,
# where an unbounded one would rescan the rest of the line from every capital letter.
_GLUED_SYMBOL = re.compile(r"(?=[A-Za-z0-9.\-/]{4,64}\s*$)([A-Z]{1,2}/[A-Za-z0-9.\-]+(?:/[A-Za-z0-9.\-]+)+)\s*$")
_BARCODE = re.compile(r"^\*\d{6,8}\*")
_DISTR = re.compile(r"^(?:Distr\.|Original:|Distr\s*[.:：]|分发|Limited$|General$)", re.I)
_TITLE_NUMBER = re.compile(r"^(?:[A-Z]{0,3}-?\d+/\d+\s*[A-Z]?\s*\.|\d+/\d+\s*\.)\s*")


# --- shared by the layout, segmentation and classification stages ---------------------------------

_LABEL = re.compile(r"^[(（]\s*([a-z]{1,3}|[ivxlc]{1,6})\s*[)）]\s*(?=\S)")
_SEPARATOR = re.compile(r"^[_＿\-—]{5,}\s*$")
# Marks of at most three digits (no text has a thousand footnotes): a mark is read as a number,
# and a run of thousands of digits is no number Python converts (nor in linear time).
_SUPER_FOOTNOTE = re.compile(rf"^([{SUPERSCRIPT_DIGITS}]{{1,3}})\s*(\S.*)$")
_PLAIN_FOOTNOTE = re.compile(r"^(\d{1,3})\s+(\S.*)$")
# The white space before a mark is taken from where it starts only: a search from every place
# inside a long run would rescan the rest of it each time.
# (A match begins with white space or a superscript digit: the lookahead lets the engine pass
# over everything else at once.)
_SUPER_MARK = re.compile(rf"(?=[\s{SUPERSCRIPT_DIGITS}])(?:(?<!\s)\s+)?([{SUPERSCRIPT_DIGITS}]{{1,3}})(\s*)")
_SUPER_TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
# Endings after which a new paragraph may begin; a line ending otherwise is continued.
_TERMINAL = set(",;:.，；：。!?！？،؛")


# --- per-language tables ----------------------------------------------------------------------------

# Openers of preambular paragraphs in line-wrapped text, where a line end is no evidence.
# Chinese openers in Simplified and in Traditional script (texts from Taiwan and Hong Kong
# sources, and some transcriptions, are printed in the latter).
_ZH_OPENERS = re.compile(
    r"^(?:但是[,，]?|但[,，])?(?:又|还|還|并|並|进一步|進一步|深为|深為|深切|深感|严重|嚴重|极为|極為|再次|大力)?"
    r"(?:回顾|回顧|重申|注意到|表示注意到|认识到|認識到|确认|確認|承认|承認|强调|強調|关切|關切|关注|關注|"
    r"欢迎|歡迎|考虑到|考慮到|铭记|銘記|深信|意识到|意識到|申明|赞赏|讚賞|贊賞|认为|認為|重视|重視|感谢|感謝|"
    r"赞扬|讚揚|贊揚|鼓励|鼓勵|祝贺|祝賀|确信|確信|决心|決心|念及|指出|忆及|憶及|遗憾|遺憾|震惊|震驚|希望|"
    r"满意|滿意|赞同|贊同|支持|谴责|譴責|痛惜|感到)"
)
_EN_OPENER = re.compile(
    r"^(?:[A-Z][a-z]+ing|[A-Z][a-z]+ed|Mindful|Aware|Conscious|Cognizant|Convinced|Concerned|Deeply|"
    r"Gravely|Seriously|Alarmed|Determined|Guided|Having|Bearing|Desirous|Fully|Further|Also|Noting|"
    r"Taking|Recognizing|Reaffirming|Recalling|Welcoming|Emphasizing|Stressing|Underlining|Expressing|"
    r"Acknowledging|Affirming|Considering|Believing|Reiterating|Encouraging|Highlighting|Appreciating|"
    r"Regretting|Deploring|Condemning|Keeping|Being|Strongly|Firmly|Profoundly|Acting)\b"
)
# How the General Assembly's resolutions open, in the six languages (Chinese in both scripts).
_CHAPEAUS = ("大会", "大會", "The General Assembly", "L['’]Assemblée générale", "La Asamblea General",
             "Генеральная Ассамблея", "إن الجمعية العامة", "إن مجلس الأمن")

# Which table reads a paragraph's opening, by its script: the first character tells.
PREAMBULAR_OPENERS = {"zh": _ZH_OPENERS, "en": _EN_OPENER}


def opens_preambular(text: str) -> bool:
    """Whether ``text`` opens as a preambular paragraph does, by the table of its script.

    >>> opens_preambular("又回顾其各项决议，"), opens_preambular("Recalling its resolutions,"), opens_preambular("决定")
    (True, True, False)
    """
    return bool(PREAMBULAR_OPENERS["zh" if has_cjk(text[:1]) else "en"].match(text))
