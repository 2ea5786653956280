"""Text normalisation for matching, and tokenising into words (Chinese through rjieba or jieba).

The normalised form is only ever used to decide what matches; users always see the original.
"""

from __future__ import annotations

import os
import re
import stat
import threading
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from itertools import chain, repeat

from .segmenters import SEGMENTERS, Helper

# Han ideographs and the CJK punctuation that sits among them.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_HAN_RUN = re.compile(f"[{_CJK}]+")
# White space matters only between two letters or digits of an alphabetic script
# ("General Assembly"); next to a Han character or a punctuation mark it is layout.
# (Both alternatives begin with white space: the lookahead lets the engine skip the rest fast.)
_LAYOUT_SPACE = re.compile(rf"(?=\s)(?:(?<![^\W{_CJK}])\s+|\s+(?![^\W{_CJK}]))")
_SPACES = re.compile(r"\s+")
# The opening bracket of a sub-paragraph's label at a line's start ("(a) ", "(ii) ", "(б) ",
# "(b bis) "): the label is the same without it ("a) "), as French, Spanish and Russian print it.
LABEL_OPENING = re.compile(r"(?:^|(?<=\n))\(\s*(?=(?:[a-z]{1,3}|[ivxlc]{1,6}|[а-яё]|[\u0621-\u064a]\u0640?)"
                           r"(?:\s?(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|бис|тер))?\s*\)(?:\s|$))")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "「": '"', "」": '"',
                         "‘": "'", "’": "'", "『": '"', "』": '"', "〝": '"', "〞": '"'})
# Dashes: an en or em dash for a hyphen is a change of character an editor checks, as is a curly
# quote for a straight one; both are folded only where versions are matched (fold), never where a
# change is decided (normalize).
_DASHES = str.maketrans({"—": "-", "–": "-"})
# Punctuation whose full-width and ASCII forms are one and the same mark to a reader; so are the
# Arabic comma, semicolon and question mark and the Latin ones that some Arabic transcriptions use,
# and the non-breaking hyphen (a hyphen that only keeps its line together, as a no-break space does).
_WIDTH = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?",
                        "،": ",", "؛": ";", "؟": "?",
                        "\u3000": " ", "－": "-", "‑": "-"})
# Quotes and dashes in one pass: no mark is in both tables.
_TYPOGRAPHY = {**_QUOTES, **_DASHES}


def _replacer(table: dict[int, str]) -> Callable[[str], str]:
    """``str.translate(table)`` for a table of single characters each put for one other that
    is no key of it, as one ``str.replace`` a character: the same text, in a tenth of the time
    for text beyond Latin-1 (Chinese), which ``translate`` looks up in the table character by
    character. Any other table is left to ``translate``.

    >>> _replacer(_WIDTH)("决定，（a）") == "决定，（a）".translate(_WIDTH)
    True
    """
    pairs = tuple((chr(key), value) for key, value in table.items())
    if not all(isinstance(value, str) and len(value) == 1 and ord(value) not in table for _, value in pairs):
        return lambda text: text.translate(table)

    def replace(text: str) -> str:
        for old, new in pairs:
            text = text.replace(old, new)  # the same string, not a copy, when ``old`` is not in it
        return text

    return replace


_fold_width = _replacer(_WIDTH)
_fold_typography = _replacer(_TYPOGRAPHY)
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

# Tokens: a run of Han characters (segmented further by rjieba or jieba), a Latin word or number,
# white space, or any single other character.
_TOKEN = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+(?:['’][^\W_{_CJK}]+)*|\s+|.", re.UNICODE)


def has_cjk(text: str) -> bool:
    """True if the text contains a Han character.

    >>> has_cjk("大会"), has_cjk("The General Assembly")
    (True, False)
    """
    return _CJK_CHAR.search(text) is not None


def han_count(text: str) -> int:
    """How many Han characters the text holds, counted a run at a time (not a search a character).

    >>> han_count("2007 年 12 月 1 日第 62/182 号"), han_count("General Assembly")
    (5, 0)
    """
    return sum(map(len, _HAN_RUN.findall(text)))


def detect_language(text: str) -> str:
    """A UN language code guessed from the text: by script for Chinese, Arabic and Russian;
    for English, French and Spanish by the words resolutions are made of (the organs' names
    of the chapeau, the verbs that open paragraphs: "Recalling", "Rappelant", "Recordando";
    "Decides", "Décide", "Decide"), the commonest small words, the elisions and the accented
    letters of each, so that a line or two is enough.

    >>> [detect_language(t) for t in ("大会，回顾其决议，", "Recalling its resolution on the right to development,",
    ...  "Rappelant sa résolution sur le droit au développement,", "Recordando su resolución sobre el derecho al desarrollo,")]
    ['zh', 'en', 'fr', 'es']
    >>> [detect_language(t) for t in ("Condemns Al-Shabaab and Al-Qaida", "L'Assemblée générale,", "La Asamblea General,",
    ...  "Décide de rester saisi de la question.", "Decide seguir ocupándose de la cuestión.")]
    ['en', 'fr', 'es', 'fr', 'es']
    """
    sample = text[:20000]
    han = len(sample) - len(_CJK_CHAR.sub("", sample))  # each match is one character
    letters = sum(map(str.isalpha, sample)) or 1
    if han / letters > 0.3:
        return "zh"
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in sample)
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in sample)
    if arabic / letters > 0.3:
        return "ar"
    if cyrillic / letters > 0.3:
        return "ru"
    # Latin script: a resolution's own words weigh most, then each language's small words,
    # elisions ("l'Assemblée") and letters that only one of the three writes.
    lower = sample.lower()
    scores = {language: 0.0 for language in _FUNCTION_WORDS}
    for word in _LATIN_WORD.findall(lower):
        for language in scores:
            if word in _UN_WORDS[language]:
                scores[language] += 3
            elif word in _FUNCTION_WORDS[language]:
                scores[language] += 1
        if word in _ROMANCE_WORDS:
            scores["fr"] += 0.5
            scores["es"] += 0.5
        elif len(word) > 5 and word.endswith(("ando", "iendo", "yendo")):
            scores["es"] += 2  # a Spanish gerund: "Recordando", "Pidiendo"
    scores["fr"] += 2 * len(_FR_ELISION.findall(lower)) + len(_FR_LETTERS.findall(lower))
    scores["es"] += len(_ES_LETTERS.findall(lower))
    accented = lower.count("é")  # French and Spanish, never English
    scores["fr"] += accented
    scores["es"] += accented
    best = max(scores, key=lambda language: (scores[language], language == "en"))
    return best if scores[best] else "en"


# Letters, and the letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana,
# N'Ko, Samaritan, Mandaic and their presentation forms).
_LETTER = re.compile(r"[^\W\d_]")
_RTL_LETTER = re.compile(r"(?=[^\W\d_])[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


def direction(text: str) -> str | None:
    """The direction a text is written in, from its letters: "rtl" when letters of right-to-left
    scripts (Arabic, Hebrew and the like) outnumber those written left to right, "ltr" when
    they do not, None when it has no letter (numbers and punctuation take their surroundings').

    Counted over the whole text rather than read from its first letter (as the Unicode
    algorithm and HTML's dir="auto" do), so that an Arabic paragraph opening with a symbol
    such as "A/RES/67/19" is still right to left.

    >>> direction("إن مجلس الأمن،"), direction("A/RES/67/19 تؤكد قرارها"), direction("OP3 (1967)"), direction("12 (1967)")
    ('rtl', 'rtl', 'ltr', None)
    """
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return None
    rtl = len(_RTL_LETTER.findall(sample))
    if not rtl:
        return "ltr"
    return "rtl" if rtl > letters - rtl else "ltr"


def has_rtl(text: str) -> bool:
    """True if the text holds a letter of a script written right to left.

    >>> has_rtl("OP3 يقرر"), has_rtl("OP3 decides")
    (True, False)
    """
    return _RTL_LETTER.search(text) is not None


_OPENERS, _CLOSERS = "([{«（", ")]}»）"


def _strong(ch: str) -> str | None:
    kind = unicodedata.bidirectional(ch)
    return "ltr" if kind == "L" else "rtl" if kind in ("R", "AL") else None


def rtl_flags(text: str, base: str) -> list[bool]:
    """For each character of a line whose direction is ``base``, whether it belongs to a run
    written right to left, as the Unicode bidirectional algorithm groups them: a run of the
    other direction goes from one of its letters to the last before a letter of the base
    direction, takes the numbers that follow it (with what joins them: "A/RES/67/19 of 2012"),
    and closes the brackets it opened; the rest (spaces, punctuation, numbers between) is the
    base direction's.

    For writers that mark direction run by run (Word's ``w:rtl``), not to reorder text.

    >>> flags = rtl_flags("رقم 242 (S/RES/242 (1967)) بجميع", "rtl")
    >>> "".join("R" if f else "L" for f in flags)
    'RRRRRRRRRLLLLLLLLLLLLLLLLRRRRRRR'
    """
    n = len(text)
    strong = [_strong(ch) for ch in text]
    other = "ltr" if base == "rtl" else "rtl"
    flags = [base == "rtl"] * n
    k = 0
    while k < n:
        if strong[k] != other:
            k += 1
            continue
        start = end = j = k
        while j < n and strong[j] != base:
            if strong[j] == other:
                end = j
            j += 1
        for m in range(end + 1, j):  # the numbers after the run's last letter
            if text[m].isdigit():
                end = m
        opened = 0
        for ch in text[start:end + 1]:
            if ch in _OPENERS:
                opened += 1
            elif ch in _CLOSERS and opened:
                opened -= 1
        while opened and end + 1 < n and text[end + 1] in _CLOSERS:
            opened -= 1
            end += 1
        for i in range(start, end + 1):
            flags[i] = other == "rtl"
        k = max(end + 1, j)
    return flags


# Words that say which Latin-script UN language a text is in (each list avoids the others').
# Small words of one of the three Latin-script languages only ("la", "de", "en", "que" are
# French and Spanish both; "son" is "his" in one and "are" in the other; "se" both).
_FUNCTION_WORDS = {
    "en": frozenset("the of and to in its that with for on by be as which are all has have this at from upon "
                    "their was were these those an or".split()),
    "fr": frozenset("le les des du et aux dans sur pour une qui est sa ses au par ne pas avec cette leur leurs "
                    "ces été sont".split()),
    "es": frozenset("el los las del y por para una con su sus al como lo este esta sobre entre fue han ha".split()),
}
# The words resolutions are made of, in one language only: the organs of the chapeau, the
# verbs and participles that open paragraphs, and what they commonly name.
_UN_WORDS = {
    "en": frozenset("""recalling reaffirming recognizing recognising noting welcoming emphasizing emphasising
        stressing expressing bearing mindful considering acknowledging taking acting having determined convinced
        concerned deeply gravely alarmed aware guided reiterating underlining commending decides requests urges
        calls invites encourages welcomes notes reaffirms emphasizes stresses expresses condemns demands
        authorizes endorses adopts approves affirms recommends underlines commends deplores declares proclaims
        appeals seized matter assembly council security secretary united resolution resolutions report states
        member rights development peace also further""".split()),
    "fr": frozenset("""rappelant réaffirmant reconnaissant notant prenant saluant soulignant exprimant considérant
        constatant agissant gardant convaincu convaincue préoccupé préoccupée profondément alarmé guidé
        réitérant ayant tenant compte décide prie demande prolonge exhorte réaffirme souligne exprime condamne autorise approuve adopte
        recommande félicite déplore déclare proclame saisi saisie assemblée conseil sécurité générale
        secrétaire unies résolution résolutions rapport états membres droits développement paix également
        outre""".split()),
    "es": frozenset("""recordando reafirmando reconociendo observando tomando acogiendo destacando subrayando
        expresando considerando actuando teniendo convencido convencida consciente preocupado preocupada
        profundamente alarmado guiado reiterando decide pide solicita insta exhorta invita alienta reafirma
        habiendo examinado compromete ruega subraya expresa condena autoriza aprueba recomienda acoge celebra deplora declara proclama ocupándose
        cuestión asamblea consejo seguridad secretario unidas naciones resolución resoluciones informe estados
        miembros derechos desarrollo paz también además""".split()),
}
# Small words French and Spanish share and English lacks: half a point to each.
_ROMANCE_WORDS = frozenset("la de en que".split())
_LATIN_WORD = re.compile(r"[^\W\d_]+")
_FR_ELISION = re.compile(r"(?<![^\W\d_])(?:l|d|qu|n|j|s|c)['’](?=[^\W\d_])")
_FR_LETTERS = re.compile("[àâçèêëîïôùûœ]")
_ES_LETTERS = re.compile("[áíóúñ¿¡]")


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """The form in which two texts are the same or not: width (full- and half-width forms) and
    spacing folded (a superscript digit left in the text, "km²", reads as its digit: footnote marks
    were taken out when parsing). Quotes and dashes are kept: “…” for "…", ’ for ', — or – for -
    are a change (``fold`` sets them aside, for matching versions).

    >>> normalize("2010 年，“信息”") == normalize("2010年, “信息”")
    True
    >>> normalize("“信息”") == normalize('"信息"'), normalize("drug-related") == normalize("drug—related")
    (False, False)
    >>> normalize("The  General\\u00a0Assembly ,")
    'The General Assembly,'
    """
    text = _fold_width(text)  # text.translate(_WIDTH)
    text = unicodedata.normalize("NFKC", text)
    # Runs of white space as one space, none at the ends: split() and strip() know the same
    # white space as the pattern \s (Py_UNICODE_ISSPACE), without a pattern scanning every character.
    text = " ".join(text.split())
    text = _LAYOUT_SPACE.sub("", text)
    return text


def same_wording(old: str, new: str) -> bool:
    """Whether two texts read the same once normalised (``normalize``), a sub-paragraph's label
    printed "(a)" in one and "a)" in the other (as English and as French, Spanish and Russian
    print it) counting as the same label: a difference of form, as of width.

    >>> same_wording("Demande :\\n(a) De prendre ;\\n(ii) x", "Demande :\\na) De prendre ;\\nii) x")
    True
    >>> same_wording("(see above) x", "see above) x"), same_wording("Decides (a) x", "Decides a) x")
    (False, False)
    """
    before, after = normalize(old), normalize(new)
    if before == after:
        return True
    if not (old.startswith(("(", "（")) or new.startswith(("(", "（")) or "\n(" in old + new or "\n（" in old + new):
        return False
    return normalize(LABEL_OPENING.sub("", _fold_width(old))) == normalize(LABEL_OPENING.sub("", _fold_width(new)))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """``normalize`` with curly and straight quotes, and hyphens and dashes, made one: the form in
    which versions are matched (paragraphs aligned, footnotes and sub-paragraphs paired, texts
    searched in the store), where a change of typography must not hide a paragraph's partner.

    >>> fold("the prisoner’s “Special Committee”") == fold("the prisoner's \\"Special Committee\\"")
    True
    """
    return _fold_typography(normalize(text))  # normalize(text).translate(_TYPOGRAPHY)


def _split_basic(text: str) -> list[str]:
    return _TOKEN.findall(text)


def segmenter_name() -> str:
    """The segmenter this process uses: ``RESDIFF_SEGMENTER`` if it names one, else the first
    of ``SEGMENTERS`` that is installed."""
    import os
    from importlib.util import find_spec

    wanted = os.environ.get("RESDIFF_SEGMENTER", "").strip().lower()
    for name in ([wanted] if wanted in SEGMENTERS else []) + list(SEGMENTERS):
        try:
            if find_spec(name) is not None:
                return name
        except (ImportError, ValueError):
            continue
    return "jieba"


def _may_hold_han(path: str, head: bytes) -> bool:
    """Whether a file the command reads may hold Chinese, from its first 64 KiB (``head``): a
    text file shows its Han characters there; a Word document (a ZIP archive) shows them in the
    start of its body (word/document.xml), read as far as 64 KiB; a PDF keeps its text
    compressed in streams that only its parser reads, so any PDF may."""
    if head.startswith(b"%PDF"):
        return True
    if head.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            with zipfile.ZipFile(path) as archive, archive.open("word/document.xml") as body:
                head = body.read(1 << 16)
        except Exception:  # not a Word document, or a damaged one: the parser says so
            return False
    return has_cjk(head.decode("utf-8", "ignore"))


class _Segmenter:
    """The segmenter (rjieba, else jieba), loaded on first use, or beforehand by a helper process.

    Loading a dictionary takes longer than comparing two drafts (jieba most of a second,
    rjieba about a tenth), so segmentations are also kept on disk (see ``_SegmentCache``): a
    text seen before, such as the paragraphs a revised draft keeps from the last one, is
    segmented without loading any dictionary. Where the command's files are Chinese and new to
    the cache, ``start_helper`` has a helper process load the dictionary (``segmenters.Helper``)
    while the command parses them, and the helper segments what the cache lacks.
    """

    def __init__(self) -> None:
        self._cut: Callable[[str], Iterable[str]] | None = None
        self._lock = threading.Lock()
        self.cache = _SegmentCache()
        self._known: dict[str, list[str]] = {}  # read from the cache ahead of need (prefetch)
        self._helper: Helper | None = None
        self._inputs: list[str] = []  # the command's files, as the cache notes them
        self._sent: set[str] = set()  # runs sent to the helper ahead of need (presegment)
        self._received: dict[str, list[str]] = {}  # and the words it gave
        self.runs_of: dict[str, list[str]] = {}  # the Han runs of the texts presegment read

    def start_helper(self, paths: Iterable[str]) -> None:
        """Start loading the segmenter in a helper process if these files will likely need it:
        one may hold Chinese (``_may_hold_han``: text or a Word document showing Han characters
        early on, or a PDF), and the cache has not noted them all (by
        path, size and time) as files whose segmentations it holds. Only where a process can be
        started (POSIX), with two processors or more, and before any segmenting."""
        if self._cut is not None or self._helper is not None or not hasattr(os, "posix_spawn"):
            return
        try:
            processors = len(os.sched_getaffinity(0))
        except AttributeError:  # pragma: no cover - not Linux
            processors = os.cpu_count() or 1
        if processors < 2:
            return  # no processor to load it beside this process: loaded here when needed
        han, keys = False, []
        for path in paths:
            try:
                info = os.stat(path)
                if not stat.S_ISREG(info.st_mode):
                    continue  # a pipe (<(…)) is read once, by the parser
                with open(path, "rb") as handle:
                    head = handle.read(1 << 16)
            except OSError:
                continue  # no file (standard input, a symbol of the store): the command says so
            han = han or _may_hold_han(path, head)
            keys.append(f"{os.path.realpath(path)}\0{info.st_size}\0{info.st_mtime_ns}")
        if not han:
            return
        if self.cache.seen(keys):
            return  # (and nothing to note again: the cache is not written)
        self._inputs = keys
        from importlib.util import find_spec

        name = self.cache.engine()
        try:
            spec = find_spec(name)
        except (ImportError, ValueError):
            return
        if spec is None or not spec.origin:
            return
        helper = Helper(name, spec.origin)
        if helper.pid is None:
            return
        import atexit

        atexit.register(helper.stop)
        self._helper = helper

    def prefetch(self, runs: Iterable[str]) -> None:
        """Know the words of all these runs: the stored ones read in one query, the others
        segmented at once (no lookup and no write a run)."""
        wanted = sorted(run for run in set(runs) if run not in self._known)
        if self._inputs:
            self.cache.note_inputs(self._inputs)
        if not wanted:
            return
        self._known.update(self.cache.get_many(wanted))
        missing = [run for run in wanted if run not in self._known]
        if missing:
            made = self._cut_many(missing)
            self._known.update(made)
            self.cache.put_many(made)

    def _segmenter(self) -> Callable[[str], Iterable[str]]:
        if self._cut is None:
            with self._lock:
                if self._cut is None:
                    self._cut = SEGMENTERS[self.cache.engine()]()
        return self._cut

    def presegment(self, texts: Iterable[str]) -> None:
        """Send the Han runs of these texts and of their normalised forms (a document's
        paragraphs, once it is parsed) to the helper, if one was started, without waiting for
        it: it segments them while this process goes on, and ``prefetch`` takes its words."""
        helper = self._helper
        if helper is None:
            return
        known, sent, runs_of, findall = self._known, self._sent, self.runs_of, _HAN_RUN.findall
        found = []
        for text in texts:
            for form in (text, normalize(text)):
                runs_in = runs_of.get(form)
                if runs_in is None:
                    runs_in = runs_of[form] = findall(form)
                found.append(runs_in)
        runs = sorted({run for runs_in in found for run in runs_in if len(run) > 1 and run not in known and run not in sent})
        if runs:
            with self._lock:
                if helper.send(runs, wait=False):
                    sent.update(runs)

    def _cut_many(self, runs: list[str]) -> dict[str, list[str]]:
        """The words of each run: from the helper where one was started (runs of Han characters
        only), else from the segmenter in this process."""
        helper = self._helper
        if helper is not None and all(map(_HAN_RUN.fullmatch, runs)):
            with self._lock:
                received = self._received
                if helper.pending:
                    words = helper.receive()
                    if words is not None:
                        received.update(words)
                rest = [run for run in runs if run not in received]
                words = helper.cut_many(rest) if rest and helper.pid is not None else {}
                if words is not None and helper.pid is not None:
                    received.update(words)
                    return {run: received[run] for run in runs}
            self._helper = None  # it stopped: this process segments from now on
        cut = self._segmenter()
        return {run: list(cut(run)) for run in runs}

    def cut(self, run: str) -> list[str]:
        cached = self._known.get(run)
        if cached is not None:
            return list(cached)
        cached = self.cache.get(run)
        if cached is not None:
            return cached
        tokens = self._cut_many([run])[run]
        self.cache.put(run, tokens)
        return tokens


# Runs looked up a query by ``get_many`` (SQLite takes at least 999 parameters).
_BATCH = 500
# Bound of the on-disk cache: past it, the oldest half of the segmentations is dropped.
CACHE_MAX_ENTRIES = 200_000
# Bound of the files it notes as segmented (start_helper reads them): past it, the oldest half.
CACHE_MAX_INPUTS = 500
_CACHE_FORMAT = 2
# The files whose size and time name a segmenter's cache: its code and dictionary (rjieba's
# dictionary is inside its compiled module, found by its suffix).
_ENGINE_FILES = {"jieba": ("__init__.py", "dict.txt", os.path.join("finalseg", "prob_emit.py")), "rjieba": ()}


class _SegmentCache:
    """Segmentations of Han runs, kept between runs in a small SQLite file.

    Each run is looked up by itself, so a process reads only the segmentations it needs,
    however many texts the cache holds. A stored segmentation is used only if its words join
    back into the run, so a damaged row cannot give a wrong answer. The file name carries the
    segmenter's name and the size and time of its dictionary and code, so another segmenter or
    version never reads this one's segmentations. New segmentations are written in one transaction when the process ends.
    ``RESDIFF_CACHE=0`` turns the cache off; a directory that cannot be written, a damaged or
    locked file only make resdiff slower: the cache is never needed for a correct result.
    """

    def __init__(self) -> None:
        self._connection = None
        self._opened = False
        self._new: dict[str, list[str]] = {}
        self._path: str | None = None
        self._registered = False
        self._lock = threading.Lock()
        self._engine: str | None = None
        self._inputs: list[str] = []

    def engine(self) -> str:
        """The segmenter whose words this cache holds (and that segments what it lacks)."""
        if self._engine is None:
            self._engine = segmenter_name()
        return self._engine

    def _locate(self) -> str | None:
        import os

        if os.environ.get("RESDIFF_CACHE", "1").strip().lower() in {"0", "no", "off", "false"}:
            return None
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        engine = self.engine()
        try:
            from importlib.util import find_spec

            spec = find_spec(engine)
            if spec is None or not spec.origin:
                return None
            package = os.path.dirname(spec.origin)
            files = _ENGINE_FILES[engine] or sorted(n for n in os.listdir(package) if n.endswith((".so", ".pyd")))
            stamp = []
            for name in files:
                info = os.stat(os.path.join(package, name))
                stamp.append(f"{info.st_size}-{int(info.st_mtime)}")
        except (OSError, ImportError, ValueError):
            return None
        return os.path.join(base, "resdiff", f"{engine}-v{_CACHE_FORMAT}-{'-'.join(stamp)}.sqlite3")

    def _open(self):
        """The cache's connection, or None where there is no usable cache."""
        if self._opened:
            return self._connection
        self._opened = True
        self._path = self._locate()
        if self._path is None:
            return None
        import os
        import sqlite3

        try:
            if not os.path.exists(self._path):
                return None  # created by save(), only when there is something to keep
            connection = sqlite3.connect(self._path, timeout=0.5, isolation_level=None)
            connection.execute("SELECT run, words FROM segment LIMIT 0")
            self._connection = connection
        except sqlite3.Error:
            self._connection = None
        return self._connection

    def get(self, run: str) -> list[str] | None:
        import sqlite3

        with self._lock:
            connection = self._open()
            if connection is None:
                return None
            try:
                row = connection.execute("SELECT words FROM segment WHERE run = ?", (run,)).fetchone()
            except sqlite3.Error:
                return None
        if row is None or not isinstance(row[0], str):
            return None
        tokens = row[0].split(" ")
        if "".join(tokens) != run or not all(tokens):
            return None
        return tokens

    def get_many(self, runs: list[str]) -> dict[str, list[str]]:
        """The stored segmentations of many runs, a few hundred a query; checked as ``get``
        checks one."""
        import sqlite3

        found: dict[str, list[str]] = {}
        with self._lock:
            connection = self._open()
            if connection is None:
                return found
            try:
                for start in range(0, len(runs), _BATCH):
                    chunk = runs[start:start + _BATCH]
                    rows = connection.execute("SELECT run, words FROM segment WHERE run IN "
                                              f"({','.join('?' * len(chunk))})", chunk).fetchall()
                    for run, words in rows:
                        if not isinstance(run, str) or not isinstance(words, str):
                            continue
                        tokens = words.split(" ")
                        if "".join(tokens) == run and all(tokens):
                            found[run] = tokens
            except sqlite3.Error:
                return found
        return found

    def seen(self, inputs: list[str]) -> bool:
        """Whether the cache noted all these files (``note_inputs``) as files whose
        segmentations it holds."""
        import sqlite3

        if not inputs:
            return False
        with self._lock:
            connection = self._open()
            if connection is None:
                return False
            try:
                (count,) = connection.execute(f"SELECT count(*) FROM input WHERE file IN ({','.join('?' * len(inputs))})",
                                              inputs).fetchone()
            except sqlite3.Error:  # a cache written before files were noted
                return False
        return count == len(set(inputs))

    def note_inputs(self, inputs: list[str]) -> None:
        """Note these files (path, size and time) as files whose segmentations the cache holds,
        with this process's segmentations when it ends."""
        with self._lock:
            self._open()
            if self._path is None:
                return
            self._inputs = list(inputs)
            self._register()

    def put(self, run: str, tokens: list[str]) -> None:
        self.put_many({run: tokens})

    def put_many(self, made: dict[str, list[str]]) -> None:
        """Keep these segmentations (run: words) for the file, written when the process ends."""
        with self._lock:
            self._open()
            if self._path is None:
                return
            fullmatch = _HAN_RUN.fullmatch
            self._new.update((run, list(tokens)) for run, tokens in made.items() if fullmatch(run))
            self._register()

    def _register(self) -> None:
        if not self._registered:
            import atexit

            atexit.register(self.save)
            self._registered = True

    def save(self) -> None:
        """Add what this process segmented to the file in one transaction; never raise."""
        import os
        import sqlite3

        with self._lock:
            if (not self._new and not self._inputs) or self._path is None:
                return
            new, self._new = self._new, {}
            inputs, self._inputs = self._inputs, []
            if self._connection is not None:
                self._connection.close()
                self._connection = None
            self._opened = False
            for attempt in (1, 2):
                try:
                    self._write(self._path, new, inputs)
                    return
                except sqlite3.DatabaseError:
                    # Not a database (damaged, or something else under our name): it held only
                    # a cache, so start it afresh, once.
                    if attempt == 2:
                        return
                    try:
                        os.unlink(self._path)
                    except OSError:
                        return
                except (OSError, sqlite3.Error):
                    return

    def _write(self, path: str, new: dict[str, list[str]], inputs: list[str] | None = None) -> None:
        import os
        import sqlite3

        os.makedirs(os.path.dirname(path), exist_ok=True)
        connection = sqlite3.connect(path, timeout=2, isolation_level=None)
        try:
            # A cache: losing the last write to a power cut is harmless, waiting for the disk is not.
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("CREATE TABLE IF NOT EXISTS segment (run TEXT PRIMARY KEY, words TEXT NOT NULL)")
            # The files whose segmentations are stored, so that the command starts no helper for
            # them (``_Segmenter.start_helper``): path, size and time.
            connection.execute("CREATE TABLE IF NOT EXISTS input (file TEXT PRIMARY KEY)")
            connection.execute("BEGIN IMMEDIATE")
            connection.executemany("INSERT OR REPLACE INTO segment (run, words) VALUES (?, ?)",
                                   ((run, " ".join(tokens)) for run, tokens in new.items()))
            (count,) = connection.execute("SELECT count(*) FROM segment").fetchone()
            if count > CACHE_MAX_ENTRIES:
                connection.execute("DELETE FROM segment WHERE rowid IN "
                                   "(SELECT rowid FROM segment ORDER BY rowid LIMIT ?)", (count // 2,))
                connection.execute("DELETE FROM input")  # their segmentations may be among the dropped
            elif inputs:
                connection.executemany("INSERT OR IGNORE INTO input (file) VALUES (?)", ((f,) for f in inputs))
                (files,) = connection.execute("SELECT count(*) FROM input").fetchone()
                if files > CACHE_MAX_INPUTS:
                    connection.execute("DELETE FROM input WHERE rowid IN "
                                       "(SELECT rowid FROM input ORDER BY rowid LIMIT ?)", (files // 2,))
            connection.execute("COMMIT")
        finally:
            connection.close()


_SEGMENTER = _Segmenter()


@lru_cache(maxsize=65536)
def _cut_han(run: str) -> tuple[str, ...]:
    if len(run) == 1:
        return (run,)
    return tuple(_SEGMENTER.cut(run))


def start_segmenter(paths: Iterable[str]) -> None:
    """Where these files (the command's) are Chinese and new to the segmentation cache, start
    loading the segmenter in a helper process now, while they are read and parsed; the words
    are the same either way. The library never calls it: only the command starts a helper."""
    _SEGMENTER.start_helper(paths)


def presegment(texts: Iterable[str]) -> None:
    """Have the helper (where ``start_segmenter`` started one) segment the Han runs of these
    texts while this process goes on; nothing without a helper."""
    _SEGMENTER.presegment(texts)


def prefetch(texts: Iterable[str]) -> None:
    """Know the words of every Han run in ``texts`` at once: the stored segmentations read in one
    query for a document instead of one a run, the others segmented in one loop.
    """
    runs_of = _SEGMENTER.runs_of  # (read already where presegment sent them to a helper)
    runs = [run for text in texts for run in (runs_of[text] if text in runs_of else _HAN_RUN.findall(text))
            if len(run) > 1]
    if runs:
        _SEGMENTER.prefetch(runs)


@lru_cache(maxsize=1 << 17)
def _pieces(token: str) -> tuple[str, ...]:
    """A token of ``_TOKEN`` as the tokens it gives: a Han run its words, anything else itself."""
    if len(token) > 1 and _CJK_CHAR.match(token):
        return _cut_han(token)
    return (token,)


def tokenize(text: str) -> list[str]:
    """Split text into word tokens whose concatenation is exactly ``text``.

    Han runs are segmented with rjieba or jieba; Latin words, numbers, spaces and each other
    character are tokens of their own.

    >>> tokenize("Recalling its resolution 64/187,")
    ['Recalling', ' ', 'its', ' ', 'resolution', ' ', '64', '/', '187', ',']
    """
    # map over a C-level cache: no Python loop a token (a long draft has hundreds of thousands)
    return list(chain.from_iterable(map(_pieces, _split_basic(text))))


def words(text: str) -> list[str]:
    """The word tokens of normalised text that carry meaning: no spaces or punctuation.

    >>> words("Recalling its resolution, and")
    ['recalling', 'its', 'resolution', 'and']
    >>> words("الأطراف") == words("الاطراف")
    True
    """
    return list(_words(text))


# Arabic spelling that transcriptions of one text vary: hamza on or under alef or none ("الأطراف",
# "الاطراف"), alef maqsura for ya, the tatweel that stretches a word, short vowels and tanwin.
# Folded in the words the aligner compares (never in the text shown): measured on the real
# Arabic version pair (bench/normaliser.py), the true pairs' similarity rises from 0.864 to 0.981
# and their margin over the best false candidate from 0.678 to 0.830, where a Snowball stemmer
# gives 0.960 and 0.788; in Russian and Spanish neither changes a link.
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ـ": None,
                              **{chr(code): None for code in range(0x064B, 0x0653)}, "\u0670": None})


# The letters _ARABIC_FOLD changes: a text without any is folded by casefold alone.
_ARABIC_FOLDED = re.compile("[" + "".join(chr(code) for code in _ARABIC_FOLD) + "]")
# The tokens of _TOKEN that are words: a Han run (its words are words) or a run of letters and
# digits; white space and the single other characters are left out.
_WORD = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+(?:['’][^\W_{_CJK}]+)*", re.UNICODE)


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> tuple[str, ...]:
    # The word tokens of tokenize(normalize(text)), casefolded and Arabic-folded: _WORD finds
    # exactly the tokens of _TOKEN that open with a letter, a digit or a Han character (the
    # others are each one character that can open none of them, or white space).
    normalized = fold(text)
    folded: Iterable[str] = chain.from_iterable(map(_pieces, _WORD.findall(normalized)))
    # Casefolding goes character by character, and no character folds to itself followed by
    # more: a text its casefolding leaves as it is (Chinese without capitals) has every word
    # casefolded already, and each is kept as the segmenter's cache gave it.
    if normalized.casefold() != normalized:
        folded = map(str.casefold, folded)
    if _ARABIC_FOLDED.search(normalized):
        folded = map(str.translate, folded, repeat(_ARABIC_FOLD))
    return tuple(folded)
