"""compare(old, new) -> Comparison: the one entry point of resdiff's core."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from .align import Alignment, Group, _tie, align
from .i18n import N_, Message
from .inline import budget, diff_texts, kept_share
from .items import compose, has_items, item_id, mark_moves
from .model import (
    INSERTED_ID,
    AlignOptions,
    Change,
    ChangeKind,
    Comparison,
    Document,
    HeaderChange,
    ItemChange,
    Op,
    Paragraph,
    ParagraphKind,
    Span,
)
from .text import normalize, prefetch, same_wording


def compare(old: Document, new: Document, options: AlignOptions = AlignOptions()) -> Comparison:
    """Compare two versions of a resolution paragraph by paragraph.

    Changes come in the new version's reading order; a removed paragraph stands after the
    change of the paragraph it followed in the old version.
    """
    with _no_cycle_collection():
        return _compare(old, new, options)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused for a comparison: it builds hundreds of thousands of
    tuples, lists and dicts (words, counts, spans), none of them in a cycle, and every
    collection of the older generations walks them all again (2% of the instructions of a
    2,000-paragraph comparison). Reference counting frees them as ever; the collector runs again
    afterwards, as it was."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compare(old: Document, new: Document, options: AlignOptions) -> Comparison:
    from .footnotes import compare_footnotes, mark_changes

    # The stored segmentations, in one query: of each text once (most paragraphs of a revised
    # draft stand in both versions, and most normalise to themselves).
    texts = {p.body for document in (old, new) for p in document.paragraphs}
    texts.update([normalize(text) for text in texts])
    prefetch(texts)
    alignment = align(old, new, options)
    with budget() as spent:
        # Pairs are diffed in an order that is the same whichever version is called old, so that
        # should the budget run out, the same pairs are diffed coarsely both ways round.
        changes_by_group = {group: _change(old, new, group) for group in sorted(
            alignment.groups, key=lambda g: _tie(_join([old.paragraphs[i] for i in g.old]),
                                                 _join([new.paragraphs[j] for j in g.new])))}
        changes = _with_moved_items(old, new, _ordered(old, new, alignment, changes_by_group))
        old_title, new_title = old.title or "", new.title or ""
        title = ((Span(Op.EQUAL, new_title),) if old_title == new_title else diff_texts(old_title, new_title)) \
            if old_title or new_title else ()
        footnotes = compare_footnotes(old, new, changes)
        header = compare_header(old, new)
    notes = (COARSE_NOTE,) if spent.spent else ()
    return Comparison(old=old, new=new, changes=changes, options=options, footnotes=footnotes,
                      marks=mark_changes(old, new, changes, footnotes), title=title, notes=notes, header=header)


# Said when the word diffs of one comparison ran out of their budget (inline.INLINE_STEPS).
COARSE_NOTE = Message(N_("the texts differ in too many places to be compared word by word within resdiff's "
                         "bound: some changed paragraphs are shown replaced from their first difference to "
                         "their last"))


def compare_header(old: Document, new: Document) -> tuple[HeaderChange, ...]:
    """The agenda item, sponsors line and chapeau of the two versions, in the order a text prints
    them, where either version prints them."""
    changes = []
    for part, attribute in (("agenda item", "agenda_item"), ("sponsors", "sponsors"), ("chapeau", "chapeau")):
        before, after = getattr(old, attribute), getattr(new, attribute)
        if before is None and after is None:
            continue
        spans: tuple[Span, ...]
        if before is None:
            kind, spans = ChangeKind.ADDED, (Span(Op.INSERT, after),)
        elif after is None:
            kind, spans = ChangeKind.REMOVED, (Span(Op.DELETE, before),)
        elif before == after:
            kind, spans = ChangeKind.UNCHANGED, (Span(Op.EQUAL, after),)
        else:
            kind = ChangeKind.UNCHANGED if normalize(before) == normalize(after) else ChangeKind.MODIFIED
            spans = diff_texts(before, after)
        changes.append(HeaderChange(part, kind, before, after, spans))
    return tuple(changes)


def _join(paragraphs: list[Paragraph]) -> str:
    return "\n".join(p.body for p in paragraphs)


_NUMBERED = (ParagraphKind.OPERATIVE, ParagraphKind.ANNEX)


def _printed_number(paragraph: Paragraph) -> int | str | None:
    """A paragraph's number as printed: 3, or "OP2bis" for one a draft inserts as "2 bis."; None
    when unnumbered."""
    if paragraph.number is not None:
        return paragraph.number
    return paragraph.id if INSERTED_ID.match(paragraph.id) else None


def _renumbered(olds: list[Paragraph], news: list[Paragraph]) -> bool:
    # numbered paragraphs of one series (operative, or annex) whose number changed ("2 bis." → "3." too)
    if not all(p.kind in _NUMBERED and p.kind is olds[0].kind and _printed_number(p) is not None for p in olds + news):
        return False
    return _printed_number(olds[0]) != _printed_number(news[0])


def _change(old: Document, new: Document, group: Group) -> Change:
    olds = [old.paragraphs[i] for i in group.old]
    news = [new.paragraphs[j] for j in group.new]
    old_text, new_text = _join(olds), _join(news)
    if len(olds) > 1:
        kind = ChangeKind.MERGED
    elif len(news) > 1:
        kind = ChangeKind.SPLIT
    elif same_wording(old_text, new_text):
        kind = ChangeKind.UNCHANGED
    else:
        kind = ChangeKind.MODIFIED
    items: tuple[ItemChange, ...] = ()
    if kind is ChangeKind.UNCHANGED:
        # Equal once normalised, yet maybe not byte for byte (a full-width comma): the spans
        # must still rebuild both texts, and renderers hide such differences (for_display).
        inline: tuple[Span, ...] = ((Span(Op.EQUAL, new_text),) if old_text == new_text
                                    else diff_texts(old_text, new_text))
        similarity = 1.0
        if has_items(olds + news):
            items = compose(olds, news)[1]
    elif has_items(olds) and has_items(news):
        # Sub-paragraphs as units: an (a) inserted is one added line, not a smeared list.
        inline, items = compose(olds, news)
        similarity = round(kept_share(inline) + _moved_share(olds, news, items, old_text, new_text), 3)
    elif has_items(olds + news):
        # A list turned into prose or prose into a list: the text is diffed whole, and the
        # sub-paragraphs of the side that has them are listed as removed or added.
        inline = diff_texts(old_text, new_text)
        similarity = round(kept_share(inline), 3)
        items = compose(olds, news)[1]
    else:
        inline = diff_texts(old_text, new_text)
        similarity = round(kept_share(inline), 3)
    return Change(
        kind=kind,
        old=tuple(p.id for p in olds),
        new=tuple(p.id for p in news),
        moved=group.moved,
        renumbered=_renumbered(olds, news),
        similarity=similarity,
        inline=inline,
        items=items,
    )


def _moved_share(olds: list[Paragraph], news: list[Paragraph], items: tuple[ItemChange, ...],
                 old_text: str, new_text: str) -> float:
    """What the sub-paragraphs moved within their list keep, as a share of both texts: their
    lines are deleted where they stood and inserted where they stand in the spans, yet their
    words are kept, as a moved paragraph's are ((a) and (b) swapped: the paragraph is as alike
    as its words say, not half)."""
    moved = [item for item in items if item.moved and item.old and item.new]
    if not moved:
        return 0.0
    old_items = {item_id(p.id, i): i.text for p in olds for i in p.items}
    new_items = {item_id(p.id, i): i.text for p in news for i in p.items}
    kept = 0
    for item in moved:
        a, b = old_items.get(item.old or ""), new_items.get(item.new or "")
        if a is None or b is None:
            continue
        spans = (Span(Op.EQUAL, b),) if normalize(a) == normalize(b) else diff_texts(a, b)
        kept += sum(len(normalize(span.text)) for span in spans if span.op is Op.EQUAL)
    total = len(normalize(old_text)) + len(normalize(new_text))
    return 2 * kept / total if total else 0.0


def _whole(paragraph: Paragraph, kind: ChangeKind) -> tuple[ItemChange, ...]:
    """The sub-paragraphs of a wholly added or removed paragraph, each added or removed."""
    return tuple(ItemChange(kind, None if kind is ChangeKind.ADDED else item_id(paragraph.id, item),
                            item_id(paragraph.id, item) if kind is ChangeKind.ADDED else None)
                 for item in paragraph.items)


def _with_moved_items(old: Document, new: Document, changes: tuple[Change, ...]) -> tuple[Change, ...]:
    """Sub-paragraphs removed from one paragraph and added to another, marked moved."""
    if not any(p.items for p in old.paragraphs) or not any(p.items for p in new.paragraphs):
        return changes
    old_text = {item_id(p.id, i): i.text for p in old.paragraphs for i in p.items}
    new_text = {item_id(p.id, i): i.text for p in new.paragraphs for i in p.items}
    marked = mark_moves([c.items for c in changes], old_text, new_text)
    return tuple(c if c.items == items else replace(c, items=items) for c, items in zip(changes, marked))


def _ordered(old: Document, new: Document, alignment: Alignment, changes: dict[Group, Change]) -> tuple[Change, ...]:
    # Where each removed paragraph stood: after the last old paragraph before it that stayed
    # in place (a moved one has left that spot), or at the very start.
    anchor_of_old: dict[int, Group] = {}
    for group in alignment.groups:
        if not group.moved:
            for i in group.old:
                anchor_of_old[i] = group
    after: dict[Group | None, list[int]] = {}
    for i in alignment.removed:
        anchor = None
        for k in range(i - 1, -1, -1):
            if k in anchor_of_old:
                anchor = anchor_of_old[k]
                break
        after.setdefault(anchor, []).append(i)

    def removed(i: int) -> Change:
        paragraph = old.paragraphs[i]
        return Change(kind=ChangeKind.REMOVED, old=(paragraph.id,), new=(),
                      inline=(Span(Op.DELETE, paragraph.body),),
                      items=_whole(paragraph, ChangeKind.REMOVED))

    ordered: list[Change] = [removed(i) for i in after.get(None, [])]
    group_at = {group.new[0]: group for group in alignment.groups}
    added = set(alignment.added)
    for j, paragraph in enumerate(new.paragraphs):
        if j in added:
            ordered.append(Change(kind=ChangeKind.ADDED, old=(), new=(paragraph.id,),
                                  inline=(Span(Op.INSERT, paragraph.body),),
                                  items=_whole(paragraph, ChangeKind.ADDED)))
            continue
        found = group_at.get(j)
        if found is None:
            continue  # a later paragraph of a split, shown with its first
        ordered.append(changes[found])
        ordered.extend(removed(i) for i in after.get(found, []))
    return tuple(ordered)
