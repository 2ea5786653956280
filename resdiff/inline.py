"""Word-level differences inside a pair of matched texts.

Both texts are split into words (jieba for Chinese), each distinct normalised word is mapped to
one private character, and diff-match-patch diffs those character strings; a replaced phrase whose
characters largely agree is then refined character by character, so that one changed character
is shown as such and not as a replaced word. The spans rebuild both original texts exactly.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch

from .model import Op, Span
from .text import normalize, tokenize

_DMP_OPS = {0: Op.EQUAL, -1: Op.DELETE, 1: Op.INSERT}
# Characters of the private mapping start past the surrogates, so every word gets a valid one.
_PRIVATE_BASE = 0xE000
# A replaced phrase is shown character by character when at least this share of its characters
# stays: below it, the characters in common are accidents and the phrase reads as replaced.
REFINE_SHARE = 0.5


def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    # Without this the result depends on the machine's speed (the default is one second).
    dmp.Diff_Timeout = 0
    return dmp


def _units(text: str) -> tuple[list[str], list[str]]:
    """Words with the white space that follows them attached, and their normalised keys."""
    units: list[str] = []
    keys: list[str] = []
    for token in tokenize(text):
        if token.isspace():
            if units:
                units[-1] += token
            else:
                units.append(token)
                keys.append("")
            continue
        units.append(token)
        keys.append(normalize(token).casefold() or token)
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
    dmp = _dmp()
    diffs = dmp.diff_main(old, new, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(_DMP_OPS[op], text) for op, text in diffs]


def _equal_share(pieces: list[tuple[Op, str]], old: str, new: str) -> float:
    same = sum(len(text) for op, text in pieces if op is Op.EQUAL)
    return same / max(len(old), len(new), 1)


def _refine(old: str, new: str) -> list[tuple[Op, str]]:
    """A replaced phrase, by characters where most of them stay, else as a whole."""
    if not old or not new:
        return [(Op.DELETE, old)] if old else [(Op.INSERT, new)]
    pieces = _char_diff(old, new)
    if _equal_share(pieces, old, new) >= REFINE_SHARE:
        return pieces
    return [(Op.DELETE, old), (Op.INSERT, new)]


def diff_texts(old: str, new: str) -> tuple[Span, ...]:
    """Spans of equal, deleted and inserted text that turn ``old`` into ``new``.

    >>> [(s.op.value, s.text) for s in diff_texts("Recalling its resolution", "Recalling also its resolutions")]
    [('equal', 'Recalling '), ('insert', 'also '), ('equal', 'its '), ('delete', 'resolution'), ('insert', 'resolutions')]
    """
    if old == new:
        return (Span(Op.EQUAL, old),) if old else ()
    old_units, old_keys = _units(old)
    new_units, new_keys = _units(new)
    table: dict[str, str] = {}
    a = _encode(old_keys, table)
    b = _encode(new_keys, table)
    dmp = _dmp()
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)

    pieces: list[tuple[Op, str]] = []
    i = j = 0
    pending_old: list[str] = []
    pending_new: list[str] = []

    def flush() -> None:
        if pending_old or pending_new:
            pieces.extend(_refine("".join(pending_old), "".join(pending_new)))
            pending_old.clear()
            pending_new.clear()

    for op, chars in diffs:
        n = len(chars)
        if op == 0:
            flush()
            old_raw = "".join(old_units[i : i + n])
            new_raw = "".join(new_units[j : j + n])
            if old_raw == new_raw:
                pieces.append((Op.EQUAL, old_raw))
            else:
                # Same words, other spacing or width: show exactly what differs.
                pieces.extend(_char_diff(old_raw, new_raw))
            i += n
            j += n
        elif op == -1:
            pending_old.extend(old_units[i : i + n])
            i += n
        else:
            pending_new.extend(new_units[j : j + n])
            j += n
    flush()
    return _coalesce(pieces)


def _coalesce(pieces: list[tuple[Op, str]]) -> tuple[Span, ...]:
    """Merge neighbours of one kind; within a replacement, deletions come before insertions."""
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
        deleted = []
        inserted = []
        while k < len(merged) and merged[k][0] is not Op.EQUAL:
            (deleted if merged[k][0] is Op.DELETE else inserted).append(merged[k][1])
            k += 1
        if deleted:
            result.append(Span(Op.DELETE, "".join(deleted)))
        if inserted:
            result.append(Span(Op.INSERT, "".join(inserted)))
    return tuple(result)


def rebuild(spans: tuple[Span, ...]) -> tuple[str, str]:
    """The old and new texts that a sequence of spans describes."""
    old = "".join(s.text for s in spans if s.op is not Op.INSERT)
    new = "".join(s.text for s in spans if s.op is not Op.DELETE)
    return old, new
