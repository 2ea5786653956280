"""Paragraph alignment: which paragraphs of one version became which of the other.

Matching is by content, never by position or number:

1. paragraphs whose normalised text is identical are paired first;
2. every other pair that shares distinctive words is scored by a weighted Dice coefficient over
   words (jieba for Chinese), each word weighted by its rarity across both versions, so that the
   boilerplate of a resolution ("信息和通信技术", "Member States") counts for little; pairs over
   the threshold are taken best first;
3. a paragraph left over whose words are mostly contained in a matched paragraph of the other
   version joins it: merged (several old into one new) or split (one old into several new);
   then a pair left over on both sides whose shorter paragraph is wholly contained in the longer
   and opens with the same words (a paragraph cut to a third of its length keeps its subject) is
   paired, though its score is low;
4. of the matched groups, the largest order-preserving set stays in place; the rest moved.

Every step treats the two versions alike, so aligning B with A gives exactly the mirror image of
aligning A with B.
"""

from __future__ import annotations

import math
from collections import Counter, _count_elements, defaultdict  # type: ignore[attr-defined]
from collections.abc import Collection
from dataclasses import dataclass, replace
from itertools import chain, compress
from operator import mul, neg

from . import i18n
from .errors import ResdiffError
from .model import MAX_PARAGRAPHS, AlignOptions, Document
from .text import fold, words

# Above this many candidate pairs, only pairs that share some of their rarest words are scored.
ALL_PAIRS_LIMIT = 250_000
COMMON_DF = 40
# How many of its rarest words a paragraph uses to find candidate partners in long texts.
KEY_WORDS = 12
# A paragraph with fewer rare words than this also uses its rarest words above COMMON_DF.
MIN_KEY_WORDS = 6
# A word in more paragraphs than this never finds partners, however long the texts (a twentieth
# of both texts' paragraphs up to this: the value at MAX_PARAGRAPHS a side).
MAX_POSTINGS = 2000
# A paragraph's key words together lead to at most this many paragraphs of the other version
# (its rarest word always counts): finding candidates costs at most this much per paragraph.
KEY_POSTINGS = 4000
# A link between kinds (preambular and operative, body and annex, heading and paragraph) needs
# stronger evidence than one within a kind: real ones (a "Noting" turned "Notes") keep most of
# their words, while unrelated paragraphs of long texts reach 0.46-0.61 by shared boilerplate.
CROSS_KIND_THRESHOLD = 0.65
CROSS_KIND_CONTAINMENT = 0.75
# Weight of relative position when ranking pairs of near-equal similarity (never for the threshold).
POSITION_WEIGHT = 0.02
# A paragraph cut short (or one grown to several times its length) still matches when the shorter
# text is this much contained in the longer, by weight, and both open with the same words: at
# least OPENING_WORDS of them (all of the shorter's when it has fewer), the words that say what
# the paragraph is about.
CUT_CONTAINMENT = 0.9
# How many partners each paragraph left unmatched by the first search looks at in the second.
LEFTOVER_CANDIDATES = 24
NEIGHBOURS = (-2, -1, 1, 2)
WIDER_THRESHOLD = 0.5
# A pair scoring under PIECE_SCORE whose two paragraphs each lie (PIECE_CONTAINMENT, by weight)
# within another paragraph of the other version is two pieces of a merge and a split, not a
# rewording of one paragraph.
PIECE_SCORE = 0.6
PIECE_CONTAINMENT = 0.8
OPENING_WORDS = 6


@dataclass(frozen=True, slots=True)
class Group:
    """Indices of old and new paragraphs that correspond, with their similarity."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    score: float
    moved: bool = False


@dataclass(frozen=True, slots=True)
class Alignment:
    """Matched groups in no particular order, and the paragraphs left on either side."""

    groups: tuple[Group, ...]
    removed: tuple[int, ...]
    added: tuple[int, ...]


def _counted(listed: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    _count_elements(counts, listed)
    return counts


class _Side:
    """The normalised text and weighted word counts of one version's paragraphs.

    A paragraph's words depend on its normalised text alone: paragraphs of the same normalised
    text (one version's paragraph and its unchanged partner in the other, passed in ``known``)
    share one list of words and one count, made once.
    """

    def __init__(self, document: Document, known: dict[str, tuple[list[str], dict[str, int]]] | None = None) -> None:
        self.keys = [fold(p.body) for p in document.paragraphs]
        self.kinds = [p.kind for p in document.paragraphs]
        if known is None:
            known = {}
        listed: list[list[str]] = []
        # Plain dicts, counted by the C loop Counter itself uses (without Counter's own checks a
        # paragraph): Python indexes a dict faster than a Counter, and the scorer reads them as they are.
        self.counts: list[dict[str, int]] = []
        for paragraph, key in zip(document.paragraphs, self.keys):
            made = known.get(key)
            if made is None:
                found = words(paragraph.body)
                made = known[key] = (found, _counted(found))
            listed.append(made[0])
            self.counts.append(made[1])
        self.openings = [tuple(w[:OPENING_WORDS]) for w in listed]
        self.size = len(self.keys)


def _document_frequencies(old: _Side, new: _Side) -> Counter[str]:
    """In how many paragraphs of both versions each word stands (counted in one pass)."""
    df: Counter[str] = Counter()
    df.update(chain.from_iterable(counts.keys() for counts in old.counts + new.counts))
    return df


def _idf(df: Counter[str], total: int) -> dict[str, float]:
    return {word: math.log((total + 1) / n) for word, n in df.items()}


class _Masses(dict):
    """Each paragraph's weighted word count, made when first asked for: only the paragraphs
    not paired with their identical text ever are (a long revised draft keeps most as they were)."""

    def __init__(self, counts: list[dict[str, int]], idf: dict[str, float]) -> None:
        super().__init__()
        self.counts, self.idf = counts, idf

    def __missing__(self, index: int) -> float:
        value = self[index] = _mass(self.counts[index], self.idf)
        return value


# The weighted sums below run as C loops (map), term by term in the order of the Python loops
# they stand for (count times weight, in the first text's word order), so every sum is the same
# to the last bit.


def _mass(counts: dict[str, int], idf: dict[str, float]) -> float:
    return sum(map(mul, counts.values(), map(idf.__getitem__, counts)))


def _shared(a: dict[str, int], b: dict[str, int], idf: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    common = list(filter(b.__contains__, a))
    return sum(map(mul, map(min, map(a.__getitem__, common), map(b.__getitem__, common)),
                   map(idf.__getitem__, common)))


try:  # the same BLAKE2 as hashlib's, without loading OpenSSL's library at every start
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover
    from hashlib import blake2b as _blake2b


def _tie(a: str, b: str) -> str:
    """A key that is the same for (a, b) and (b, a), to order equal scores the same both ways."""
    low, high = (a, b) if a <= b else (b, a)
    return _blake2b(f"{low}\x00{high}".encode(), digest_size=8).hexdigest()


class _Scorer:
    def __init__(self, old: _Side, new: _Side) -> None:
        self.old, self.new = old, new
        self.df = _document_frequencies(old, new)
        self.idf = _idf(self.df, old.size + new.size)
        self.old_mass = _Masses(old.counts, self.idf)
        self.new_mass = _Masses(new.counts, self.idf)
        self._shared: dict[tuple[int, int], float] = {}
        self._df: tuple[Counter[str], frozenset[str]] | None = None
        self._postings_of: dict[bool, dict[str, list[int]]] = {}
        self._old_counts, self._new_counts = old.counts, new.counts

    def shared(self, i: int, j: int) -> float:
        """``_shared`` of two paragraphs: the same terms added in the same order (so the same
        float), in the form Python runs fastest for the few dozen words of a paragraph, as every
        pair of a short text is scored."""
        key = (i, j)
        value = self._shared.get(key)
        if value is None:
            a, b, idf = self._old_counts[i], self._new_counts[j], self.idf
            if len(a) > len(b):
                a, b = b, a
            value = sum([(c if c <= b[w] else b[w]) * idf[w] for w, c in a.items() if w in b])
            self._shared[key] = value
        return value

    def dice(self, i: int, j: int) -> float:
        total = self.old_mass[i] + self.new_mass[j]
        return 2 * self.shared(i, j) / total if total else 0.0

    def candidates(self, k: int, skip_old=(), skip_new=()) -> Collection[tuple[int, int]]:
        """Pairs worth scoring: all of them for short texts, else those sharing rare words,
        found from the paragraphs not in ``skip_old`` and ``skip_new`` (those already paired
        with their identical text look for no partner)."""
        old, new = self.old, self.new
        if self.every_pair:
            return [(i, j) for i in range(old.size) for j in range(new.size)]
        df, usable_words = self._frequencies()
        by_df = df.__getitem__

        def keys(counts: dict[str, int]) -> list[str]:
            # Sorted by (frequency, word): by word, then (stably) by frequency.
            usable = sorted(filter(usable_words.__contains__, counts))
            usable.sort(key=by_df)
            # Rare words first; more common ones only while a paragraph has too few rare ones.
            rare = [w for w in usable[:KEY_WORDS] if df[w] <= COMMON_DF]
            chosen = rare if len(rare) >= MIN_KEY_WORDS else usable[:MIN_KEY_WORDS]
            total = 0
            for count, word in enumerate(chosen):
                total += df[word]
                if total > KEY_POSTINGS and count:
                    return chosen[:count]
            return chosen

        # Each paragraph looks for partners through its own rarest words, on both sides alike;
        # only its best k are kept, so that memory stays proportional to the paragraphs.
        pairs: set[tuple[int, int]] = set()
        new_postings = self._postings(new)
        for i, counts in enumerate(old.counts):
            if i not in skip_old:
                pairs.update((i, j) for j in self._best(keys(counts), new_postings, k))
        old_postings = self._postings(old)
        for j, counts in enumerate(new.counts):
            if j not in skip_new:
                pairs.update((i, j) for i in self._best(keys(counts), old_postings, k))
        return pairs  # in no order: every use of the candidates is independent of their order

    @property
    def every_pair(self) -> bool:
        return self.old.size * self.new.size <= ALL_PAIRS_LIMIT

    def leftover_candidates(self, olds: list[int], news: list[int], k: int) -> set[tuple[int, int]]:
        """More partners for the paragraphs left unmatched (a few in a hundred): found through
        all their words under the frequency limit, not only the rarest, and more of them. A piece
        of a split or a paragraph cut short keeps few of its rare words."""
        if self.every_pair:
            return set()
        pairs: set[tuple[int, int]] = set()
        if olds:
            new_postings = self._postings(self.new)
            for i in olds:
                usable = list(filter(new_postings.__contains__, self.old.counts[i]))
                pairs.update((i, j) for j in self._best(usable, new_postings, k))
        if news:
            old_postings = self._postings(self.old)
            for j in news:
                usable = list(filter(old_postings.__contains__, self.new.counts[j]))
                pairs.update((i, j) for i in self._best(usable, old_postings, k))
        return pairs

    def _frequencies(self) -> tuple[Counter[str], frozenset[str]]:
        """Each word's document frequency, and the words under the frequency limit."""
        if self._df is None:
            df = self.df
            # Words in more paragraphs than this say little about which paragraph is which, and
            # their postings are long; a paragraph's rarest words below it find its partners.
            limit = min(max(COMMON_DF, (self.old.size + self.new.size) // 20), MAX_POSTINGS)
            self._df = df, frozenset(word for word, n in df.items() if n <= limit)
        return self._df

    def _postings(self, side: _Side) -> dict[str, list[int]]:
        """For each word under the frequency limit, the paragraphs of ``side`` that hold it
        (made once a side: the second search reads them again)."""
        found = self._postings_of.get(side is self.old)
        if found is None:
            found = self._postings_of[side is self.old] = self._make_postings(side)
        return found

    def _make_postings(self, side: _Side) -> dict[str, list[int]]:
        _, usable = self._frequencies()
        found: dict[str, list[int]] = {}
        for index, counts in enumerate(side.counts):
            for word in filter(usable.__contains__, counts):
                postings = found.get(word)
                if postings is None:
                    found[word] = [index]
                else:
                    postings.append(index)
        return found

    def _best(self, keys: list[str], other_postings: dict[str, list[int]], k: int) -> list[int]:
        """The k paragraphs of the other side that share most of these words, by weight (ties:
        the first in reading order)."""
        # Each word's weight added to the paragraphs it is in, in the order of ``keys`` (so the
        # sums are the same to the last bit, whatever the paragraphs), by C loops: this is the
        # inner loop of the alignment of long texts.
        acc: dict[int, float] = {}
        idf = self.idf
        for word in keys:
            postings = other_postings.get(word)
            if postings:
                weight = idf[word]
                if not acc:  # 0.0 + weight is weight: the first word's paragraphs at once
                    acc = dict.fromkeys(postings, weight)
                    get = acc.get
                    continue
                # A plain loop: Python runs it faster than the same in map and zip.
                for index in postings:
                    acc[index] = get(index, 0.0) + weight
        if len(acc) <= k:
            return [index for _, index in sorted(zip(map(neg, acc.values()), acc))]
        # The k largest sums, ties by index: only the sums at least the k-th largest can be.
        # Sorted by index, then (stably: equal sums keep that order) by sum, largest first,
        # without a pair made for each (sums tie often, as where one common word alone finds
        # a paragraph).
        floor = sorted(acc.values())[-k]
        near = list(compress(acc, map(floor.__le__, acc.values())))
        near.sort()
        near.sort(key=acc.__getitem__, reverse=True)
        return near[:k]


def _position(i: int, n: int) -> float:
    return (i + 0.5) / n if n else 0.0


def align(old_doc: Document, new_doc: Document, options: AlignOptions = AlignOptions()) -> Alignment:
    """Align the paragraphs of two documents; see the module docstring for the method."""
    for document in (old_doc, new_doc):
        if len(document.paragraphs) > MAX_PARAGRAPHS:
            raise ResdiffError(
                i18n._("{label} has {count:,} paragraphs; resdiff compares documents of up to {limit:,} "
                  "(a resolution has a few hundred): check that the file holds one resolution").format(
                    label=document.label, count=len(document.paragraphs), limit=MAX_PARAGRAPHS))
    known: dict[str, tuple[list[str], dict[str, int]]] = {}
    old, new = _Side(old_doc, known), _Side(new_doc, known)
    scorer = _Scorer(old, new)
    match_old: dict[int, int] = {}
    match_new: dict[int, int] = {}
    scores: dict[tuple[int, int], float] = {}

    # 1. Identical normalised text; repeated paragraphs pair in reading order.
    by_key: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(new.keys):
        by_key[key].append(j)
    for i, key in enumerate(old.keys):
        slots = by_key.get(key)
        if slots:
            j = slots.pop(0)
            match_old[i], match_new[j] = j, i
            scores[(i, j)] = 1.0

    # 2. Best similar pairs first.
    candidates = scorer.candidates(options.candidates, match_old, match_new)
    _best_pairs(scorer, options, candidates, match_old, match_new, scores)
    if not scorer.every_pair:
        # For the paragraphs still left, a wider search: a piece of a split or a paragraph cut
        # short keeps few of its rare words. Pairs found so are taken on stronger evidence
        # (WIDER_THRESHOLD) or through the containment tests below.
        left_old = [i for i in range(old.size) if i not in match_old]
        left_new = [j for j in range(new.size) if j not in match_new]
        wider = scorer.leftover_candidates(left_old, left_new, LEFTOVER_CANDIDATES)
        # And the paragraphs matched to a left-over paragraph's neighbours: the second piece of
        # a split follows the first, the pieces of a merge stood together.
        wider.update((i, match_old[i + d]) for i in left_old for d in NEIGHBOURS if i + d in match_old)
        wider.update((match_new[j + d], j) for j in left_new for d in NEIGHBOURS if j + d in match_new)
        _best_pairs(scorer, replace(options, threshold=max(options.threshold, WIDER_THRESHOLD)), wider,
                    match_old, match_new, scores)
        candidates = wider.union(candidates)

    # 3. Merges and splits: a leftover paragraph contained in a matched one of the other version.
    groups = {i: ([i], [j]) for i, j in match_old.items()}  # keyed by the first old index
    owner_old = {i: i for i in match_old}
    owner_new = {j: i for i, j in match_old.items()}
    taken: dict[str, set[int]] = {"old": set(), "new": set()}
    for *_, side, leftover, host in _absorptions(scorer, options, candidates, match_old, match_new):
        if leftover in taken[side]:
            continue
        olds, news = groups[owner_new[host] if side == "old" else owner_old[host]]
        grown, other = (olds, news) if side == "old" else (news, olds)
        if len(other) > 1:
            continue  # a merge takes no split and a split no merge: never many to many
        after_olds, after_news = (olds + [leftover], news) if side == "old" else (olds, news + [leftover])
        if not _improves(scorer, after_olds, after_news, olds, news):
            continue
        grown.append(leftover)
        taken[side].add(leftover)

    # 4. A paragraph cut short (or lengthened) among those still left: contained and opening
    # alike, though its score is low.
    spare_old = {i for i in range(old.size) if i not in match_old and i not in taken["old"]}
    spare_new = {j for j in range(new.size) if j not in match_new and j not in taken["new"]}
    for *_, i, j, score in _cut_pairs(scorer, candidates, spare_old, spare_new):
        if i not in spare_old or j not in spare_new:
            continue
        spare_old.discard(i)
        spare_new.discard(j)
        groups[i] = ([i], [j])
        scores[(i, j)] = score

    result = []
    for olds, news in groups.values():
        olds_t, news_t = tuple(sorted(olds)), tuple(sorted(news))
        if len(olds_t) == 1 and len(news_t) == 1:
            score = scores[(olds_t[0], news_t[0])]
        else:
            score = _group_dice(scorer, olds_t, news_t)
        result.append(Group(olds_t, news_t, score))
    matched_old = {i for g in result for i in g.old}
    matched_new = {j for g in result for j in g.new}
    result = _mark_moves(result, old, new)
    return Alignment(
        groups=tuple(sorted(result, key=lambda g: (g.new[0], g.old[0]))),
        removed=tuple(i for i in range(old.size) if i not in matched_old),
        added=tuple(j for j in range(new.size) if j not in matched_new),
    )


def _best_pairs(scorer: _Scorer, options: AlignOptions, candidates, match_old: dict[int, int],
                match_new: dict[int, int], scores: dict[tuple[int, int], float]) -> None:
    """Pairs over the threshold among ``candidates`` not yet matched, taken best first."""
    old, new = scorer.old, scorer.new
    partners: dict[str, dict[int, list[int]]] = {"old": defaultdict(list), "new": defaultdict(list)}
    for i, j in candidates:
        partners["old"][i].append(j)
        partners["new"][j].append(i)

    def contained_elsewhere(i: int, j: int) -> bool:
        # Both are pieces of other paragraphs (one merged away, the other split off): each
        # lies within a paragraph of the other version that is not its partner here.
        old_piece = any(scorer.shared(i, h) >= PIECE_CONTAINMENT * scorer.old_mass[i]
                        for h in partners["old"][i] if h != j)
        return old_piece and any(scorer.shared(h, j) >= PIECE_CONTAINMENT * scorer.new_mass[j]
                                 for h in partners["new"][j] if h != i)

    ranked = []
    for i, j in candidates:
        if i in match_old or j in match_new:
            continue
        score = scorer.dice(i, j)
        if score < options.threshold:
            continue
        if old.kinds[i] is not new.kinds[j] and score < CROSS_KIND_THRESHOLD:
            continue  # a preambular paragraph become operative (or an annex one) needs more evidence
        if score < PIECE_SCORE and contained_elsewhere(i, j):
            continue  # left to the merges and splits of step 3
        nearness = 1 - abs(_position(i, old.size) - _position(j, new.size))
        ranked.append((-(score + POSITION_WEIGHT * nearness), _tie(old.keys[i], new.keys[j]),
                       min(i, j), max(i, j), i, j, score))
    ranked.sort()
    for *_, i, j, score in ranked:
        if i in match_old or j in match_new:
            continue
        match_old[i], match_new[j] = j, i
        scores[(i, j)] = score


def _cut_pairs(scorer: _Scorer, candidates, left_old: set[int], left_new: set[int]) -> list[tuple]:
    """Pairs of left-over paragraphs (``left_old``, ``left_new``) of one kind where the shorter
    is contained in the longer (``CUT_CONTAINMENT``) and both open with the same words; best
    score first, ties broken by keys that read the same whichever version is called old."""
    old, new = scorer.old, scorer.new
    # Left-over paragraphs opening with the same words pair up, however common those words.
    by_opening: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for j in sorted(left_new):
        if len(new.openings[j]) == OPENING_WORDS:
            by_opening[new.openings[j]].append(j)
    alike = {(i, j) for i in left_old for j in by_opening.get(old.openings[i], ())}
    alike.update(pair for pair in candidates if pair[0] in left_old and pair[1] in left_new)
    found = []
    for i, j in alike:  # in no order: ``found`` is sorted by keys that tell every pair apart
        if old.kinds[i] is not new.kinds[j]:
            continue
        a, b = old.openings[i], new.openings[j]
        if not a or not b or a[: len(b)] != b[: len(a)]:
            continue
        shorter = min(scorer.old_mass[i], scorer.new_mass[j])
        if not shorter or scorer.shared(i, j) / shorter < CUT_CONTAINMENT:
            continue
        score = scorer.dice(i, j)
        found.append((-score, _tie(old.keys[i], new.keys[j]), min(i, j), max(i, j), i, j, score))
    return sorted(found)


def _absorptions(scorer: _Scorer, options: AlignOptions, candidates, match_old, match_new) -> list[tuple]:
    """Left-over paragraphs mostly contained in a matched paragraph of the other version.

    Each entry ends with (side of the left-over, its index, the host's index); entries are
    sorted by containment, then by keys that read the same whichever version is called old.
    Candidates hold every pair for short texts, and the pairs worth scoring for long ones.
    """
    partners: dict[str, dict[int, list[int]]] = {"old": defaultdict(list), "new": defaultdict(list)}
    for i, j in candidates:
        partners["old"][i].append(j)
        partners["new"][j].append(i)
    old, new = scorer.old, scorer.new
    found = []
    for side, size, matched, hosts, mass in (("old", old.size, match_old, match_new, scorer.old_mass),
                                             ("new", new.size, match_new, match_old, scorer.new_mass)):
        for leftover in range(size):
            if leftover in matched or not mass[leftover]:
                continue
            for host in partners[side].get(leftover, ()):
                if host not in hosts:
                    continue
                i, j = (leftover, host) if side == "old" else (host, leftover)
                share = scorer.shared(i, j) / mass[leftover]
                needed = options.merge_containment if old.kinds[i] is new.kinds[j] else CROSS_KIND_CONTAINMENT
                if share >= needed:
                    found.append((-share, _tie(old.keys[i], new.keys[j]), min(i, j), max(i, j), side, leftover, host))
    return sorted(found)


def _group_counts(side: _Side, indices) -> dict[str, int]:
    """The word counts of these paragraphs together, words in the order they first come (as
    Counter.update adds them); a paragraph's own counts when it is alone."""
    first, *rest = indices
    if not rest:
        return side.counts[first]
    total = dict(side.counts[first])
    get = total.get
    for index in rest:
        for word, count in side.counts[index].items():
            total[word] = count + get(word, 0)
    return total


def _group_dice(scorer: _Scorer, olds, news) -> float:
    a = _group_counts(scorer.old, olds)
    b = _group_counts(scorer.new, news)
    total = _mass(a, scorer.idf) + _mass(b, scorer.idf)
    return 2 * _shared(a, b, scorer.idf) / total if total else 0.0


def _improves(scorer: _Scorer, olds, news, before_olds, before_news) -> bool:
    return _group_dice(scorer, olds, news) > _group_dice(scorer, before_olds, before_news)


def _mark_moves(groups: list[Group], old: _Side, new: _Side) -> list[Group]:
    """Flag as moved every group outside the largest order-preserving set of groups.

    Largest by count, then by the length of text kept in place, then by a key that is the same
    both ways round; found with a Fenwick tree over new positions in O(n log n).
    """
    items = []
    for index, group in enumerate(groups):
        weight = sum(len(old.keys[i]) for i in group.old) + sum(len(new.keys[j]) for j in group.new)
        tie = int(_tie("\n".join(old.keys[i] for i in group.old), "\n".join(new.keys[j] for j in group.new)), 16)
        items.append((group.old[0], group.new[0], (1, weight, tie), index))
    items.sort()
    size = new.size + 1
    tree: list[tuple] = [((0, 0, 0), -1)] * (size + 1)
    best_prev: dict[int, int] = {}
    best_value: dict[int, tuple] = {}

    def query(pos: int):
        best = ((0, 0, 0), -1)
        while pos > 0:
            if tree[pos][0] > best[0]:
                best = tree[pos]
            pos -= pos & -pos
        return best

    def update(pos: int, entry) -> None:
        while pos <= size:
            if entry[0] > tree[pos][0]:
                tree[pos] = entry
            pos += pos & -pos

    for _, new_pos, value, index in items:
        prev_value, prev_index = query(new_pos)  # strictly smaller new positions
        total = (prev_value[0] + value[0], prev_value[1] + value[1], prev_value[2] + value[2])
        best_value[index] = total
        best_prev[index] = prev_index
        update(new_pos + 1, (total, index))
    stay: set[int] = set()
    if items:
        end = max(best_value, key=best_value.__getitem__)
        while end != -1:
            stay.add(end)
            end = best_prev[end]
    return [
        Group(g.old, g.new, g.score, moved=index not in stay) for index, g in enumerate(groups)
    ]
