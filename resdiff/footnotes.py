"""Footnotes compared as units: matched across versions by what they say, not by their number.

A footnote keeps its wording while its number shifts (a footnote inserted before it renumbers
it), so the footnotes of two versions are paired by content: equal texts first (white space and
width aside), then the most alike pairs, best first, down to a share of text kept, then a footnote
that stands at the same place in a paragraph and the paragraph it became (the third mark of OP5
in both) with the one there, however much it was reworded (a web address changed). Each old and
new footnote is in exactly one change: unchanged, modified (with its inline diff), added or
removed, flagged renumbered where its mark changed. Then each paragraph pair whose footnote
references changed is named: a mark added, removed, or pointing at another footnote.
"""

from __future__ import annotations

from collections import Counter

from .inline import diff_texts, kept_share
from .model import Change, ChangeKind, Document, Footnote, FootnoteChange, MarkChange, Op, Paragraph, Span
from .text import fold, normalize, tokenize

# Two footnotes are one that was reworded when at least this share of their text stays.
MATCH_SHARE = 0.5
# Pairs whose words overlap less than this are not diffed at all: they cannot reach MATCH_SHARE.
_WORD_OVERLAP = 0.25


def compare_footnotes(old: Document, new: Document,
                      paragraphs: tuple[Change, ...] = ()) -> tuple[FootnoteChange, ...]:
    """Every footnote of both versions in one change, in the new version's order, each removed
    footnote after the change of the footnote before it in the old version. ``changes`` are the
    paragraph changes, whose pairs place footnotes the texts alone do not pair."""
    olds, news = _unique(old.footnotes), _unique(new.footnotes)
    pairs = _pairs(olds, news, _places(old, new, paragraphs, olds, news))
    _pair_by_place(old, new, paragraphs, olds, news, pairs)
    of_new = {j: i for i, j in pairs.items()}
    changes: list[FootnoteChange] = []
    placed: set[int] = set()

    def removed_after(i: int) -> None:
        # the removed footnotes that followed old footnote i (or stood first, for i = -1)
        k = i + 1
        while k < len(olds) and k not in pairs:
            if k not in placed:
                placed.add(k)
                changes.append(_removed(olds[k]))
            k += 1

    removed_after(-1)
    for j, footnote in enumerate(news):
        i = of_new.get(j)
        if i is None:
            changes.append(FootnoteChange(ChangeKind.ADDED, None, footnote.mark, inline=(Span(Op.INSERT, footnote.text),)))
            continue
        changes.append(_matched(olds[i], footnote))
        removed_after(i)
    for i in range(len(olds)):
        if i not in pairs and i not in placed:
            changes.append(_removed(olds[i]))
    return tuple(changes)


def mark_changes(old: Document, new: Document, changes: tuple[Change, ...],
                 footnotes: tuple[FootnoteChange, ...]) -> tuple[MarkChange, ...]:
    """The paragraph changes whose footnote references differ once renumbering is allowed for:
    old marks are read as the new marks of the footnotes they became."""
    renumber = {f.old: f.new for f in footnotes if f.old is not None and f.new is not None}
    # A mark whose footnote body the old text does not hold (an excerpt, a page cut before the
    # footnote area) can only be compared as printed; a mark of a removed footnote never matches.
    bodies = {f.mark for f in old.footnotes}
    for mark in {m for p in old.paragraphs for m in p.all_footnotes()} - bodies:
        renumber.setdefault(mark, mark)
    found = []
    for change in changes:
        if not change.old or not change.new:
            continue
        before = tuple(m for pid in change.old for m in old.paragraph(pid).all_footnotes())
        after = tuple(m for pid in change.new for m in new.paragraph(pid).all_footnotes())
        if tuple(renumber.get(m, f"({m})") for m in before) != after:
            found.append(MarkChange(change.old, change.new, before, after))
        elif before and len(change.old) == 1 and len(change.new) == 1:
            moved = _moved(old.paragraph(change.old[0]), new.paragraph(change.new[0]), change.inline)
            if moved is not None:
                found.append(MarkChange(change.old, change.new, before, after, *moved))
    return tuple(found)


def _moved(old: Paragraph, new: Paragraph, inline: tuple[Span, ...]
           ) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...], tuple[str, ...]] | None:
    """Where the marks of a paragraph stand in both versions, and the words each is set on,
    when one of them stands elsewhere in the text: its old place, carried through the words
    kept (``inline``), is not its new one. None when every mark stands where it stood, or a
    place is not known (a mark set on words deleted is shown with them)."""
    if not old.marks_placed or not new.marks_placed:
        return None
    old_body, new_body = old.body, new.body
    spans = inline or (Span(Op.EQUAL, new_body),)
    if "".join(s.text for s in spans if s.op is not Op.INSERT) != old_body \
            or "".join(s.text for s in spans if s.op is not Op.DELETE) != new_body:
        return None
    kept = []  # (old start, new start, length) of each stretch of equal text
    at_old = at_new = 0
    for span in spans:
        if span.op is Op.EQUAL:
            kept.append((at_old, at_new, len(span.text)))
        if span.op is not Op.INSERT:
            at_old += len(span.text)
        if span.op is not Op.DELETE:
            at_new += len(span.text)
    before, after = old.mark_places(), new.mark_places()
    moved = False
    for place, now in zip(before, after, strict=True):
        inside = next((n + place - o for o, n, size in kept if o < place < o + size), None)
        if inside is not None:
            moved = moved or now != inside
            continue
        # at the edge of a stretch kept: anywhere between the stretches on either side
        low = next((n + size for o, n, size in reversed(kept) if o + size == place), 0 if place == 0 else None)
        high = next((n for o, n, size in kept if o == place), len(new_body) if place == len(old_body) else None)
        if low is None and high is None:
            continue  # set on words deleted
        low = low if low is not None else high
        high = high if high is not None else low
        assert low is not None and high is not None
        moved = moved or not low <= now <= high
    if not moved:
        return None
    return before, after, tuple(_words(old_body, k) for k in before), tuple(_words(new_body, k) for k in after)


def _words(body: str, place: int, most: int = 3) -> str:
    """The last few words before ``place`` in ``body``, the words a mark there is set on.

    >>> _words("Guided by the Universal Declaration of Human Rights, the Covenants", 52)
    'of Human Rights,'
    """
    line = body[:place].rsplit("\n", 1)[-1]
    words = line.split()
    return " ".join(words[-most:]) if words else ""


def _unique(footnotes: tuple[Footnote, ...]) -> list[Footnote]:
    seen: set[str] = set()
    out = []
    for footnote in footnotes:
        if footnote.mark not in seen:
            seen.add(footnote.mark)
            out.append(footnote)
    return out


def _places(old: Document, new: Document, changes: tuple[Change, ...],
            olds: list[Footnote], news: list[Footnote]) -> tuple[list[set[str]], list[set[str]]]:
    """Where each footnote is cited, in the new version's paragraph ids: for a new footnote the
    paragraphs that cite it, for an old one the paragraphs that those citing it became."""
    became: dict[str, tuple[str, ...]] = {}
    for change in changes:
        if change.old and change.new:
            for pid in change.old:
                became[pid] = change.new
    cite_old: dict[str, set[str]] = {}
    for paragraph in old.paragraphs:
        for mark in paragraph.all_footnotes():
            cite_old.setdefault(mark, set()).update(became.get(paragraph.id, ()))
    cite_new: dict[str, set[str]] = {}
    for paragraph in new.paragraphs:
        for mark in paragraph.all_footnotes():
            cite_new.setdefault(mark, set()).add(paragraph.id)
    return [cite_old.get(f.mark, set()) for f in olds], [cite_new.get(f.mark, set()) for f in news]


def _pairs(olds: list[Footnote], news: list[Footnote],
           places: tuple[list[set[str]], list[set[str]]] | None = None) -> dict[int, int]:
    """Old footnote index → new footnote index. Footnotes that read the same are paired first;
    where several do (two footnotes "See resolution 2200 A (XXI), annex."), each goes with the
    one cited where it was cited (the paragraph citing it and the paragraph that became), then
    in reading order."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    by_text: dict[str, list[int]] = {}
    for j, footnote in enumerate(news):
        by_text.setdefault(fold(footnote.text), []).append(j)
    same: list[tuple[int, int, int]] = []
    for i, footnote in enumerate(olds):
        for j in by_text.get(fold(footnote.text), []):
            shared = len(places[0][i] & places[1][j]) if places else 0
            same.append((-shared, i, j))
    for _, i, j in sorted(same):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    words_old = {i: set(tokenize(fold(f.text))) for i, f in enumerate(olds) if i not in pairs}
    words_new = {j: set(tokenize(fold(f.text))) for j, f in enumerate(news) if j not in taken}
    scored = []
    for i, a in words_old.items():
        for j, b in words_new.items():
            overlap = len(a & b) / max(1, len(a | b))
            if overlap < _WORD_OVERLAP:
                continue
            share = kept_share(diff_texts(olds[i].text, news[j].text))
            if share >= MATCH_SHARE:
                # best first; ties go to the nearer position, then to reading order
                scored.append((-share, abs(i - j), i, j))
    for _, _, i, j in sorted(scored):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def _pair_by_place(old: Document, new: Document, changes: tuple[Change, ...],
                   olds: list[Footnote], news: list[Footnote], pairs: dict[int, int]) -> None:
    """Pair the footnotes left over that a paragraph and the paragraph it became cite at the same
    place (the k-th mark of both). A pair is taken only where neither footnote has another such
    candidate, so the pairing is the same whichever version is called old."""
    index_old = {f.mark: i for i, f in enumerate(olds)}
    index_new = {f.mark: j for j, f in enumerate(news)}
    taken = set(pairs.values())
    candidates: set[tuple[int, int]] = set()
    for change in changes:
        if not change.old or not change.new:
            continue
        before = [m for pid in change.old for m in old.paragraph(pid).all_footnotes()]
        after = [m for pid in change.new for m in new.paragraph(pid).all_footnotes()]
        if len(before) != len(after):
            continue
        for a, b in zip(before, after):
            i, j = index_old.get(a), index_new.get(b)
            if i is not None and j is not None and i not in pairs and j not in taken:
                candidates.add((i, j))
    of_old = Counter(i for i, _ in candidates)
    of_new = Counter(j for _, j in candidates)
    for i, j in candidates:
        if of_old[i] == 1 and of_new[j] == 1:
            pairs[i] = j


def _removed(footnote: Footnote) -> FootnoteChange:
    return FootnoteChange(ChangeKind.REMOVED, footnote.mark, None, inline=(Span(Op.DELETE, footnote.text),))


def _matched(old: Footnote, new: Footnote) -> FootnoteChange:
    if old.text == new.text:
        inline: tuple[Span, ...] = (Span(Op.EQUAL, new.text),)
    else:
        inline = diff_texts(old.text, new.text)
    same = normalize(old.text) == normalize(new.text)
    return FootnoteChange(ChangeKind.UNCHANGED if same else ChangeKind.MODIFIED, old.mark, new.mark,
                          renumbered=old.mark != new.mark,
                          similarity=1.0 if same else round(kept_share(inline), 3), inline=inline)
