"""Sub-paragraphs compared as units inside a matched paragraph (or merge or split).

A paragraph's body is its own text (the chapeau of its list) and one line per sub-paragraph,
"(a) …". Diffing the bodies as one text smears an inserted (a) across the whole list: every
later sub-paragraph seems rewritten. Here the lines of both sides are aligned first, in order,
each sub-paragraph with the one it reads most like (a word overlap over the threshold, the
nearer position on ties); then each matched pair is diffed on its own, and the unmatched lines
are whole deletions or insertions. The spans so composed still rebuild both bodies exactly.

Every sub-paragraph of both sides is in exactly one :class:`ItemChange`: unchanged, modified
(relettered where its label changed), added or removed. One that changed place within the list
((a) and (b) swapped) is a removed line where it stood and an added one where it stands in the
spans, and one change, moved (and relettered), in the list of changes, where it now stands. A
removed sub-paragraph whose text turns up as an added one in another paragraph is then marked
moved, on both ends.
"""

from __future__ import annotations

from collections import Counter

from .inline import _coalesce, diff_texts, kept_share
from .model import ChangeKind, Item, ItemChange, Op, Paragraph, Span
from .text import fold, normalize, same_wording, words

# A sub-paragraph is the same one reworded when this share of its words (weighted Dice over
# both lines) is shared; below it, one is removed and another added.
ITEM_MATCH = 0.5
# A removed and an added sub-paragraph in different paragraphs are one that moved from this share.
MOVE_MATCH = 0.6


class _Unit:
    """One line of a body: a paragraph's own text (``item`` None) or one sub-paragraph."""

    __slots__ = ("pid", "item", "line", "counts")

    def __init__(self, pid: str, item: Item | None, line: str) -> None:
        self.pid, self.item, self.line = pid, item, line
        self.counts = Counter(words(item.text if item else line))

    @property
    def id(self) -> str:
        return item_id(self.pid, self.item) if self.item else self.pid


def item_id(pid: str, item: Item) -> str:
    """How negotiators name a sub-paragraph: OP5(b), OP5(c)(ii).

    >>> item_id("OP5", Item("ii", "x", parent="c"))
    'OP5(c)(ii)'
    """
    return f"{pid}({item.parent})({item.label})" if item.parent else f"{pid}({item.label})"


def _units(paragraphs: list[Paragraph]) -> list[_Unit]:
    units = []
    for paragraph in paragraphs:
        if not paragraph.items or paragraph.text:
            units.append(_Unit(paragraph.id, None, paragraph.text))
        units.extend(_Unit(paragraph.id, item, f"{item.marked} {item.text}") for item in paragraph.items)
    return units


def has_items(paragraphs: list[Paragraph]) -> bool:
    return any(p.items for p in paragraphs)


def _dice(a: Counter[str], b: Counter[str]) -> float:
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 1.0
    shared = sum(min(c, b[w]) for w, c in a.items() if w in b)
    return 2 * shared / total


def _pairs(olds: list[_Unit], news: list[_Unit]) -> list[tuple[int, int]]:
    """The order-preserving pairing of lines with the largest total similarity.

    Own texts pair only with own texts, always, and sub-paragraphs with sub-paragraphs over
    ITEM_MATCH. A tiny cost for
    the distance between positions settles ties the same way whichever side is called old.
    """
    n, m = len(olds), len(news)
    score = [[0.0] * m for _ in range(n)]
    for i, a in enumerate(olds):
        for j, b in enumerate(news):
            if (a.item is None) != (b.item is None):
                continue
            if fold(a.line) == fold(b.line):
                similarity = 2.0  # identical lines pair before any merely similar ones
            elif a.item is None:
                # the paragraphs' own texts: the paragraphs were matched, so their texts are
                # counterparts whatever their overlap (in a merge, the most alike pair)
                similarity = 0.5 + _dice(a.counts, b.counts)
            else:
                similarity = _dice(a.counts, b.counts)
                if similarity < ITEM_MATCH:
                    continue
            score[i][j] = similarity - 1e-6 * abs(i - j)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(m - 1, -1, -1):
            value = max(below[j], row[j + 1])
            if score[i][j] > 0:
                value = max(value, score[i][j] + below[j + 1])
            row[j] = value
    pairs = []
    i = j = 0
    while i < n and j < m:
        if score[i][j] > 0 and best[i][j] == score[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i += 1
            j += 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def compose(olds: list[Paragraph], news: list[Paragraph]) -> tuple[tuple[Span, ...], tuple[ItemChange, ...]]:
    """Spans that rebuild the joined bodies of ``olds`` and ``news``, composed line by line,
    and what became of each sub-paragraph."""
    old_units, new_units = _units(olds), _units(news)
    pairs = _pairs(old_units, new_units)
    moved = _moved_within(old_units, new_units, pairs)
    moved_from = {n: o for o, n in moved.items()}
    units_by_id = {id(unit): unit for unit in old_units}
    pieces: list[Span] = []
    changes: list[ItemChange] = []
    had_old = had_new = False

    def emit(a: _Unit | None, b: _Unit | None) -> None:
        nonlocal had_old, had_new
        sep_old, sep_new = a is not None and had_old, b is not None and had_new
        if sep_old and sep_new:
            pieces.append(Span(Op.EQUAL, "\n"))
        elif sep_old:
            pieces.append(Span(Op.DELETE, "\n"))
        elif sep_new:
            pieces.append(Span(Op.INSERT, "\n"))
        if a is not None and b is not None:
            spans = (Span(Op.EQUAL, b.line),) if a.line == b.line else diff_texts(a.line, b.line)
            pieces.extend(spans)
            if a.item or b.item:
                same = same_wording(a.line, b.line)
                relettered = bool(a.item and b.item and a.item.label != b.item.label)
                same_text = bool(a.item and b.item and normalize(a.item.text) == normalize(b.item.text))
                changes.append(ItemChange(
                    ChangeKind.UNCHANGED if same or (relettered and same_text) else ChangeKind.MODIFIED,
                    a.id, b.id, relettered=relettered,
                    similarity=1.0 if same or same_text else round(kept_share(spans), 3)))
        elif a is not None:
            if a.line:
                pieces.append(Span(Op.DELETE, a.line))
            if a.item and id(a) not in moved:
                changes.append(ItemChange(ChangeKind.REMOVED, a.id, None))
        elif b is not None:
            if b.line:
                pieces.append(Span(Op.INSERT, b.line))
            if b.item and id(b) in moved_from:
                # moved within the list: said once, where it now stands
                changes.append(_moved_change(units_by_id[moved_from[id(b)]], b))
            elif b.item:
                changes.append(ItemChange(ChangeKind.ADDED, None, b.id))
        had_old = had_old or a is not None
        had_new = had_new or b is not None

    i = j = 0
    for pi, pj in pairs + [(len(old_units), len(new_units))]:
        # between two matched lines: the old side's unmatched lines, then the new side's
        while i < pi:
            emit(old_units[i], None)
            i += 1
        while j < pj:
            emit(None, new_units[j])
            j += 1
        if pi < len(old_units):
            emit(old_units[pi], new_units[pj])
            i, j = pi + 1, pj + 1
    return tuple(_line_ends(list(_coalesce([(span.op, span.text) for span in pieces])))), tuple(changes)


def _moved_within(olds: list[_Unit], news: list[_Unit], pairs: list[tuple[int, int]]) -> dict[int, int]:
    """Sub-paragraphs the in-order pairing left out on both sides that read alike (MOVE_MATCH,
    best first): one that changed place in the list ((a) and (b) swapped), by ``id`` of the old
    unit: ``id`` of the new one."""
    paired_old = {i for i, _ in pairs}
    paired_new = {j for _, j in pairs}
    left_old = [u for i, u in enumerate(olds) if i not in paired_old and u.item is not None]
    left_new = [u for j, u in enumerate(news) if j not in paired_new and u.item is not None]
    scored = []
    for i, a in enumerate(left_old):
        for j, b in enumerate(left_new):
            share = 2.0 if fold(a.item.text) == fold(b.item.text) else _dice(a.counts, b.counts)  # type: ignore[union-attr]
            if share >= MOVE_MATCH:
                scored.append((-share, i, j))
    moved: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in sorted(scored):
        if id(left_old[i]) not in moved and j not in taken:
            moved[id(left_old[i])] = id(left_new[j])
            taken.add(j)
    return moved


def _moved_change(a: _Unit, b: _Unit) -> ItemChange:
    """What became of a sub-paragraph moved within its list: unchanged or modified, relettered
    where its label changed, and moved."""
    assert a.item is not None and b.item is not None
    same = normalize(a.item.text) == normalize(b.item.text)
    spans = () if same else diff_texts(a.item.text, b.item.text)
    return ItemChange(ChangeKind.UNCHANGED if same else ChangeKind.MODIFIED, a.id, b.id,
                      relettered=a.item.label != b.item.label or a.item.parent != b.item.parent, moved=True,
                      similarity=1.0 if same else round(kept_share(spans), 3))


def _line_ends(spans: list[Span]) -> list[Span]:
    """Whole lines added or removed between unchanged lines end with their line break instead of
    starting with it ("…mind:\n" + "{+(a) …;\n+}" + "(b) …"), the same texts either way, so that
    a view marks the added line and not the break before it."""
    out = list(spans)
    k = 1
    while k < len(out):
        end = k
        while end < len(out) and out[end].op is not Op.EQUAL:
            end += 1
        run = out[k:end]
        if (run and end < len(out) and out[k - 1].op is Op.EQUAL
                and out[end].text.startswith("\n") and len(out[end].text) > 1
                and all(span.text.startswith("\n") for span in run)):
            out[k - 1] = Span(Op.EQUAL, out[k - 1].text + "\n")
            out[k:end] = [Span(span.op, span.text[1:] + "\n") for span in run]
            out[end] = Span(Op.EQUAL, out[end].text[1:])
        k = end + 1
    return out


def mark_moves(item_changes: list[tuple[ItemChange, ...]], old_text: dict[str, str],
               new_text: dict[str, str]) -> list[tuple[ItemChange, ...]]:
    """Pair sub-paragraphs removed from one paragraph with ones added to another paragraph
    that read alike (best first), and mark both ends moved, each naming the other."""
    removed = [(c.old, k) for k, changes in enumerate(item_changes) for c in changes
               if c.kind is ChangeKind.REMOVED and c.old is not None]
    added = [(c.new, k) for k, changes in enumerate(item_changes) for c in changes
             if c.kind is ChangeKind.ADDED and c.new is not None]
    scored = []
    for old_id, rk in removed:
        a = Counter(words(old_text[old_id]))
        for new_id, xk in added:
            if rk == xk:
                continue  # within one paragraph's list it is simply removed and added
            share = _dice(a, Counter(words(new_text[new_id])))
            if share >= MOVE_MATCH:
                scored.append((-share, old_id, new_id))
    to: dict[str, str] = {}
    came: dict[str, str] = {}
    for _, o, n in sorted(scored):
        if o not in to and n not in came:
            to[o], came[n] = n, o
    if not to:
        return item_changes

    def moved(c: ItemChange) -> ItemChange:
        if c.kind is ChangeKind.REMOVED and c.old is not None and c.old in to:
            return ItemChange(c.kind, c.old, c.new, c.relettered, True, c.similarity, to[c.old])
        if c.kind is ChangeKind.ADDED and c.new is not None and c.new in came:
            return ItemChange(c.kind, c.old, c.new, c.relettered, True, c.similarity, came[c.new])
        return c

    return [tuple(moved(c) for c in changes) for changes in item_changes]
