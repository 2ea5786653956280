"""Word-level differences inside a pair of matched texts.

Both texts are split into words (jieba for Chinese), each distinct normalised word is mapped to
one private character, and diff-match-patch diffs those character strings; a replaced phrase whose
characters largely agree is then refined character by character, so that one changed character
is shown as such and not as a replaced word. The spans rebuild both original texts exactly.

The search (Myers' algorithm, diff-match-patch's ``diff_main``) and the clean-up of character
differences (``diff_cleanupSemantic``) run in fast-diff-match-patch, the C++ implementation of
the same algorithms, where it is installed: the same differences (tests/test_inline_native.py
checks both equal on the sample, the corpus and generated pairs) in a fraction of the time, and
the Python module is then loaded only to count the steps of a comparison near its budget. Elsewhere, or with ``RESDIFF_DIFF=python``, the pure-Python
diff-match-patch searches. The budget of steps (below) is kept exactly either way.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from .model import Op, Span
from .text import LABEL_OPENING, has_cjk, normalize, tokenize

# typing is imported by type checkers only: the command starts without it
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_DMP_OPS = {0: Op.EQUAL, -1: Op.DELETE, 1: Op.INSERT}
_DMP_CODE = {op: code for code, op in _DMP_OPS.items()}
# Characters of the private mapping start past the surrogates, so every word gets a valid one.
_PRIVATE_BASE = 0xE000
# A replaced phrase is shown character by character when at least this share of its characters
# stays: below it, the characters in common are accidents and the phrase reads as replaced.
REFINE_SHARE = 0.5
# diff-match-patch without a timeout takes time proportional to length times edits: a pair of
# paragraphs with more word units than this together is diffed coarsely (common beginning and
# end, the rest replaced), and a replaced phrase longer than REFINE_CHARS is not refined by
# characters. Real paragraphs stay far below both; the limits only keep huge input bounded.
MAX_UNITS = 20_000
REFINE_CHARS = 4_000
# The search diff-match-patch makes (Myers' algorithm) costs up to the square of a pair's length
# when the texts share little in order: 10,000 shuffled words a side take about a minute. Every
# diff of one comparison draws on one budget of steps, each step of the search charged the
# length of the texts it searches; once the budget is spent, whatever is left is diffed
# coarsely (common beginning and end, the rest replaced) and the comparison says so. About 30 s
# of searching here; real comparisons spend a few per cent of it. It is counted, not timed, so
# that the result never depends on the machine's speed.
INLINE_STEPS = 250_000_000


class Budget:
    """Steps left for the word and character diffs of one comparison.

    A search made by the C++ implementation is not counted as it runs: it is owed, with an upper
    bound of what the pure-Python search would have charged (``_steps_bound``), and taken only
    while the bounds of everything owed fit in what is left, so that the budget could not have
    run out. Should they no longer fit, the owed searches are counted exactly (searched again in
    Python, as before) and the budget goes on from the exact figure: a comparison runs short at
    the same diff, and gives the same spans, whichever implementation searched.
    """

    def __init__(self, steps: int | None = None) -> None:
        self.left = INLINE_STEPS if steps is None else steps
        self.spent = False  # True once some diff was cut short
        self.owed: list[tuple[str, str]] = []  # searched natively, steps not yet counted
        self.owed_bound = 0  # at least the steps they would take

    def settle(self) -> None:
        """Count the steps of the searches owed, exactly, as the Python search charges them."""
        owed, self.owed, self.owed_bound = self.owed, [], 0
        for text1, text2 in owed:
            _python_diff(self).diff_main(text1, text2, False)


class _Steps:
    """Stands in for diff-match-patch's deadline: the search asks ``time.time() > deadline`` once
    a step, which Python turns into ``deadline < now``; each asking costs ``cost`` steps."""

    __slots__ = ("budget", "cost")

    def __init__(self, budget: Budget, cost: int) -> None:
        self.budget, self.cost = budget, cost

    def __lt__(self, now: object) -> bool:
        self.budget.left -= self.cost
        if self.budget.left < 0:
            self.budget.spent = True
            return True
        return False

    def __gt__(self, now: object) -> bool:
        return False


_bounded: Any = None


def _python_diff(budget: Budget) -> Any:
    """diff-match-patch's pure-Python search, bounded by ``budget``. Imported on first use: where
    the C++ search runs, only to count the steps of searches owed (which few comparisons need)."""
    global _bounded
    if _bounded is None:
        from diff_match_patch import diff_match_patch

        class _BoundedDiff(diff_match_patch):
            def __init__(self, budget: Budget) -> None:
                super().__init__()
                # No timeout (the result would depend on the machine's speed): the budget bounds it.
                self.Diff_Timeout = 0
                self.budget = budget

            def diff_bisect(self, text1, text2, deadline):
                return super().diff_bisect(text1, text2, _Steps(self.budget, len(text1) + len(text2) + 1))

        _bounded = _BoundedDiff
    return _bounded(budget)


# The budget of the comparison under way; diffs outside a comparison get one each.
_current: Budget | None = None


@contextmanager
def budget(steps: int | None = None) -> Iterator[Budget]:
    """One budget for every diff made inside the ``with`` block (one comparison)."""
    global _current
    outer, _current = _current, Budget(steps)
    try:
        yield _current
    finally:
        _current = outer


# The C++ search (fast-diff-match-patch): loaded on first use; False where it is not installed
# or RESDIFF_DIFF=python asks for the pure-Python one.
_native_diff: Any = None
_CODES = {"=": 0, "-": -1, "+": 1}


def _native():
    global _native_diff
    if _native_diff is None:
        _native_diff = False
        if os.environ.get("RESDIFF_DIFF", "").strip().lower() != "python":
            try:
                from fast_diff_match_patch import diff as _native_diff
            except ImportError:
                pass
    return _native_diff


def _steps_bound(text1: str, text2: str, edits: int) -> int:
    """At least the steps the Python search charges to diff these texts, from the number of
    characters their differences delete and insert (``edits``, D).

    Each bisection charges the length of its texts plus one per round, and finds the middle of
    an optimal path by round ceil(D'/2) for its own D' (Myers' lemma); its two halves have at
    most ceil(D'/2) edits each, so there are at most ceil(log2 D) levels of bisections, and those
    of one level share the texts and the D edits between them (D' ≥ 2 where a bisection runs:
    (ceil(D'/2) + 1) ≤ 1.25 D'). tests/test_inline_native.py checks it against the counted steps.
    """
    if edits < 2:
        return 0
    return (5 * edits * (len(text1) + len(text2) + 1) * (math.ceil(math.log2(edits)) + 1)) // 4 + 1


def _diff_main(text1: str, text2: str, semantic: bool = False) -> list[tuple[int, str]]:
    """diff-match-patch's ``diff_main`` (no line mode, no time limit) under the budget, then with
    ``semantic`` its ``diff_cleanupSemantic``."""
    budget = _current if _current is not None else Budget()
    native: Any = _native() if not budget.spent else False
    if native:
        try:
            # One C++ search, with the clean-up where asked (it asks the processor time, a system
            # call, at each round of its bisections: no second search for the bound). The search
            # finds the fewest edits; the clean-up only turns equal pieces into edits, so the
            # edits of its result are at least as many and bound the steps as well.
            counts = native(text1, text2, timelimit=0, checklines=False, cleanup="Semantic" if semantic else "No")
            bound = _steps_bound(text1, text2, sum(n for op, n in counts if op != "="))
            if budget.left - budget.owed_bound - bound < 0:
                budget.settle()
            if budget.left - budget.owed_bound - bound < 0:
                counts = None
        except Exception:  # e.g. characters its build cannot hold: the Python search instead
            counts = None
        if counts is not None:
            budget.owed.append((text1, text2))
            budget.owed_bound += bound
            diffs: list[tuple[int, str]] = []
            i = j = 0
            for op, n in counts:
                if op == "=":
                    diffs.append((0, text1[i : i + n]))
                    i += n
                    j += n
                elif op == "-":
                    diffs.append((-1, text1[i : i + n]))
                    i += n
                else:
                    diffs.append((1, text2[j : j + n]))
                    j += n
            return diffs
    budget.settle()  # the Python search counts from the exact figure
    python = _python_diff(budget)
    diffs = python.diff_main(text1, text2, False)
    if semantic:
        python.diff_cleanupSemantic(diffs)
    return diffs


@lru_cache(maxsize=65536)
def _token_key(token: str) -> str:
    """A word's normalised form; words repeat so much across drafts that caching pays."""
    return normalize(token) or token


def _units(text: str) -> tuple[list[str], list[str]]:
    """Words with the white space that follows them attached, and their normalised keys."""
    units: list[str] = []
    words: list[str] = []
    for token in tokenize(text):
        if units and token.isspace():
            units[-1] += token
        else:
            units.append(token)
            words.append(token)
    keys = list(map(_token_key, words))
    if words and words[0].isspace():
        keys[0] = ""  # white space before the first word: a unit of its own, with no key
    return units, keys


def _encode(keys: list[str], table: dict[str, str]) -> str:
    out = []
    for key in keys:
        char = table.get(key)
        if char is None:
            code = _PRIVATE_BASE + len(table)
            if code >= 0xF900:  # past the private use area: continue in the supplementary planes
                code = 0xF0000 + (code - 0xF900)
            char = chr(code)
            table[key] = char
        out.append(char)
    return "".join(out)


def _char_diff(old: str, new: str) -> list[tuple[Op, str]]:
    diffs = _diff_main(old, new, semantic=True)
    return [(_DMP_OPS[op], text) for op, text in diffs]


def _equal_share(pieces: list[tuple[Op, str]], old: str, new: str) -> float:
    same = sum(len(text) for op, text in pieces if op is Op.EQUAL)
    return same / max(len(old), len(new), 1)


def _refine(old: str, new: str) -> list[tuple[Op, str]]:
    """A replaced phrase, by characters where most of them stay, else as a whole."""
    if not old or not new:
        return [(Op.DELETE, old)] if old else [(Op.INSERT, new)]
    if len(old) + len(new) > REFINE_CHARS:
        return [(Op.DELETE, old), (Op.INSERT, new)]
    pieces = _char_diff(old, new)
    if _equal_share(pieces, old, new) >= REFINE_SHARE and not _splits_a_word(pieces):
        return pieces
    return [(Op.DELETE, old), (Op.INSERT, new)]


def _is_letter(ch: str) -> bool:
    return ch.isalnum() and not has_cjk(ch)


def _splits_a_word(pieces: list[tuple[Op, str]]) -> bool:
    """True if a span boundary falls inside a word of an alphabetic script ('resolution|s').

    Han characters are words' parts of their own and may be split; Latin words are shown whole.
    """
    old_side = [(op, t) for op, t in pieces if op is not Op.INSERT]
    new_side = [(op, t) for op, t in pieces if op is not Op.DELETE]
    for side in (old_side, new_side):
        for (_, left), (_, right) in zip(side, side[1:]):
            if left and right and _is_letter(left[-1]) and _is_letter(right[0]):
                return True
    for (_op_a, left), (_op_b, right) in zip(pieces, pieces[1:]):
        if left and right and _is_letter(left[-1]) and _is_letter(right[0]):
            return True
    return False


def diff_texts(old: str, new: str) -> tuple[Span, ...]:
    """Spans of equal, deleted and inserted text that turn ``old`` into ``new``.

    >>> [(s.op.value, s.text) for s in diff_texts("Recalling its resolution", "Recalling also its resolutions")]
    [('equal', 'Recalling '), ('insert', 'also '), ('equal', 'its '), ('delete', 'resolution'), ('insert', 'resolutions')]
    """
    if old == new:
        return (Span(Op.EQUAL, old),) if old else ()
    if old > new:
        # One direction is computed and the other is its mirror, so that comparing B with A
        # gives exactly the spans (and so the similarity) of A with B, deletions and
        # insertions swapped (made so at once: ``mirror`` of the spans of new to old).
        return _diff_texts(new, old, mirrored=True)
    return _diff_texts(old, new)


def mirror(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """The spans that turn the new text into the old: deletions and insertions swapped, a
    replacement's deletion still before its insertion.

    >>> [(s.op.value, s.text) for s in mirror(diff_texts("its resolution", "its resolutions"))]
    [('equal', 'its '), ('delete', 'resolutions'), ('insert', 'resolution')]
    """
    swap = {Op.DELETE: Op.INSERT, Op.INSERT: Op.DELETE, Op.EQUAL: Op.EQUAL}
    out = [Span(swap[s.op], s.text) for s in spans]
    k = 0
    while k < len(out) - 1:
        if out[k].op is Op.INSERT and out[k + 1].op is Op.DELETE:
            out[k], out[k + 1] = out[k + 1], out[k]
            k += 2
        else:
            k += 1
    return tuple(out)


def _diff_texts(old: str, new: str, mirrored: bool = False) -> tuple[Span, ...]:
    old_units, old_keys = _units(old)
    new_units, new_keys = _units(new)
    diffs: Sequence[tuple[int, Sequence[str]]]
    if len(old_keys) + len(new_keys) > MAX_UNITS:
        # compared on the words themselves: no table of codes, which past about 137,000
        # distinct words would run out of Unicode
        diffs = _coarse(old_keys, new_keys)
    else:
        table: dict[str, str] = {}
        diffs = _diff_main(_encode(old_keys, table), _encode(new_keys, table))

    # Back from word codes to the texts, then clean up by the texts' own lengths: a one-word
    # equality such as "its " between two edits is kept, a lone "的" between long edits is not.
    raw: list[tuple[int, str]] = []
    i = j = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 0:
            old_raw = "".join(old_units[i : i + n])
            new_raw = "".join(new_units[j : j + n])
            if old_raw == new_raw:
                raw.append((0, old_raw))
            elif len(old_raw) + len(new_raw) > REFINE_CHARS:
                # A long run: compare word by word, so that the cost stays linear.
                for k in range(n):
                    raw.extend((_DMP_CODE[o], t) for o, t in
                               _char_diff(old_units[i + k], new_units[j + k]))
            else:
                # Same words, other spacing or width: show exactly what differs.
                raw.extend((_DMP_CODE[o], t) for o, t in _char_diff(old_raw, new_raw))
            i += n
            j += n
        elif op == -1:
            raw.append((-1, "".join(old_units[i : i + n])))
            i += n
        else:
            raw.append((1, "".join(new_units[j : j + n])))
            j += n
    raw = _cleanup(raw)

    pieces: list[tuple[Op, str]] = []
    pending_old: list[str] = []
    pending_new: list[str] = []
    for op, text in raw:
        if op == 0:
            if pending_old or pending_new:
                pieces.extend(_refine("".join(pending_old), "".join(pending_new)))
                pending_old.clear()
                pending_new.clear()
            pieces.append((Op.EQUAL, text))
        elif op == -1:
            pending_old.append(text)
        else:
            pending_new.append(text)
    if pending_old or pending_new:
        pieces.extend(_refine("".join(pending_old), "".join(pending_new)))
    return _coalesce(pieces, mirrored)


def _coarse(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, Sequence[str]]]:
    """A diff in linear time: the common beginning and end equal, the middle replaced."""
    start = 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    end = 0
    while end < limit - start and a[len(a) - 1 - end] == b[len(b) - 1 - end]:
        end += 1
    diffs = [(0, a[:start]), (-1, a[start:len(a) - end]), (1, b[start:len(b) - end]), (0, a[len(a) - end:])]
    return [(op, text) for op, text in diffs if text]


# An equality between two edits is folded into them when the edits on both sides are at least
# this many times longer: a lone "的" or "," between long rewrites is noise, "its " is not.
CHAFF_RATIO = 4


def _cleanup(raw: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Fold short equalities between larger edits into the edits, until none is left.

    The first equality that qualifies, from the start, is folded each time; after a fold only
    the equality just before the grown edit has a new neighbour, so the search goes on from
    there (those before it had the same neighbours when they did not qualify).
    """
    runs: list[list] = []  # [kind, deleted, inserted] with kind "eq" or "ed"
    for op, text in raw:
        if op == 0:
            runs.append(["eq", text, text])
        elif runs and runs[-1][0] == "ed":
            runs[-1][1 if op == -1 else 2] += text
        else:
            runs.append(["ed", text if op == -1 else "", text if op == 1 else ""])
    k = 1
    while k < len(runs) - 1:
        left, mid, right = runs[k - 1], runs[k], runs[k + 1]
        if mid[0] == "eq" and left[0] == "ed" and right[0] == "ed":
            size = len(normalize(mid[1]))
            if size * CHAFF_RATIO <= min(len(left[1]) + len(left[2]), len(right[1]) + len(right[2])):
                runs[k - 1 : k + 2] = [["ed", left[1] + mid[1] + right[1], left[2] + mid[2] + right[2]]]
                k = max(1, k - 2)
                continue
        k += 1
    raw = []
    for kind, deleted, inserted in runs:
        if kind == "eq":
            raw.append((0, deleted))
        else:
            if deleted:
                raw.append((-1, deleted))
            if inserted:
                raw.append((1, inserted))
    return raw


def _coalesce(pieces: list[tuple[Op, str]], mirrored: bool = False) -> tuple[Span, ...]:
    """Merge neighbours of one kind; within a replacement, deletions come before insertions.
    ``mirrored``: the spans that turn the pieces' new text into their old (``mirror`` of the
    result), made at once."""
    merged: list[list] = []
    for op, text in pieces:
        if not text:
            continue
        if merged and merged[-1][0] is op:
            merged[-1][1] += text
        else:
            merged.append([op, text])
    # Put each run of non-equal spans in the order delete, insert.
    result: list[Span] = []
    k = 0
    while k < len(merged):
        if merged[k][0] is Op.EQUAL:
            result.append(Span(Op.EQUAL, merged[k][1]))
            k += 1
            continue
        deleted: list[str] = []
        inserted: list[str] = []
        while k < len(merged) and merged[k][0] is not Op.EQUAL:
            (deleted if merged[k][0] is Op.DELETE else inserted).append(merged[k][1])
            k += 1
        if mirrored:
            deleted, inserted = inserted, deleted
        if deleted:
            result.append(Span(Op.DELETE, "".join(deleted)))
        if inserted:
            result.append(Span(Op.INSERT, "".join(inserted)))
    return tuple(result)


def kept_share(spans: tuple[Span, ...]) -> float:
    """How much of the two texts is kept: twice the equal characters over both lengths.

    Counted on normalised text, so width and spacing do not count as change.

    >>> round(kept_share(diff_texts("Decides to continue;", "Decides to stop;")), 2)
    0.61
    """
    equal = sum(len(normalize(s.text)) for s in spans if s.op is Op.EQUAL)
    old, new = rebuild(spans)
    total = len(normalize(old)) + len(normalize(new))
    return 2 * equal / total if total else 1.0


def rebuild(spans: tuple[Span, ...]) -> tuple[str, str]:
    """The old and new texts that a sequence of spans describes."""
    old = "".join(s.text for s in spans if s.op is not Op.INSERT)
    new = "".join(s.text for s in spans if s.op is not Op.DELETE)
    return old, new


@dataclass(frozen=True, slots=True)
class Shown:
    """A span as a reader sees it; ``layout`` marks a difference of width or spacing alone.

    A comma that became a full-width comma, or a space dropped beside a Chinese character, is a
    real difference in the text, shown so that both texts stay whole, but not one a delegate
    negotiates: renderers may show it more quietly than a change of wording.
    """

    op: Op
    text: str
    layout: bool = False


def for_display(spans: tuple[Span, ...]) -> tuple[Shown, ...]:
    """Spans for a reader: the same text, with width- and spacing-only differences flagged.

    Nothing is folded away: the equal and deleted spans still read the old text, the equal and
    inserted spans the new one.

    >>> [(s.op.value, s.text, s.layout) for s in for_display(diff_texts("维护, 将", "维护，将"))]
    [('equal', '维护', False), ('delete', ', ', True), ('insert', '，', True), ('equal', '将', False)]
    """
    out: list[Shown] = []
    k = 0
    while k < len(spans):
        span = spans[k]
        if span.op is Op.DELETE:
            following = spans[k + 1] if k + 1 < len(spans) else None
            if following is not None and following.op is Op.INSERT:
                layout = normalize(span.text) == normalize(following.text)
                out.append(Shown(Op.DELETE, span.text, layout))
                out.append(Shown(Op.INSERT, following.text, layout))
                k += 2
                continue
            out.append(Shown(Op.DELETE, span.text, not normalize(span.text) or _label_bracket(spans, k)))
        elif span.op is Op.INSERT:
            out.append(Shown(Op.INSERT, span.text, not normalize(span.text) or _label_bracket(spans, k)))
        else:
            out.append(Shown(Op.EQUAL, span.text))
        k += 1
    merged: list[Shown] = []
    for shown in out:
        if merged and merged[-1].op is shown.op and merged[-1].layout == shown.layout:
            merged[-1] = Shown(shown.op, merged[-1].text + shown.text, shown.layout)
        else:
            merged.append(shown)
    return tuple(merged)


def _label_bracket(spans: tuple[Span, ...], k: int) -> bool:
    """Whether ``spans[k]`` is only the opening bracket of a sub-paragraph's label, the rest of
    the label kept after it: "(a)" printed "a)" or back, a difference of form, as of width.

    >>> [s.layout for s in for_display(diff_texts("Demande :\\n(a) De prendre ;", "Demande :\\na) De prendre ;"))]
    [False, True, False]
    """
    span = spans[k]
    before = next((s.text for s in reversed(spans[:k]) if s.op is Op.EQUAL), "")
    after = spans[k + 1].text if k + 1 < len(spans) and spans[k + 1].op is Op.EQUAL else ""
    return span.text in {"(", "（"} and (k == 0 or before.endswith("\n")) \
        and bool(LABEL_OPENING.match("(" + after))
