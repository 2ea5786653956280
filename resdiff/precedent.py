"""Precedent search: where each paragraph of a draft was said before, in every stored text.

Negotiators build drafts from "agreed language": wording already adopted, usually in last
session's version of the same resolution. For each paragraph of a draft this finds the closest
stored paragraphs of other documents and scores them exactly as ``resdiff diff`` does (the share
of text kept by the word diff), so that a reader sees "identical to 79/25 PP1", "79/25 OP7 with
two words changed" or "no precedent: new language".

Two steps, so that a store of a million paragraphs answers a 100-paragraph draft in about a
second:

1. Candidates from the store's sketch index: every stored paragraph is kept there by a bottom-k
   MinHash sketch, the SKETCH smallest hashes of its shingles (three words; three characters in
   Chinese). Each shingle of a draft paragraph is looked up, and the stored paragraphs whose
   sketches hold many of them are the candidates. A shingle in the sketches of more than COMMON
   paragraphs ("of the United Nations") is passed over: it picks nothing out, and would cost the
   most. A stored paragraph that keeps half of a draft paragraph's shingles has about one chance in
   4,000 of having none of them in its sketch (0.5 ** 12).
2. The candidates are ranked by the Dice coefficient of their character trigrams with the draft
   paragraph, and the best of them scored by resdiff's word diff (``inline.diff_texts`` and
   ``kept_share``): the share shown.

Why not SQLite FTS5 with the trigram tokenizer (tried first): English has few distinct character
trigrams, so even the rarest trigrams of a paragraph are common in a large store. On a generated
store of 100,000 English paragraphs the rarest trigram chosen from each stretch of a paragraph
was held by 2,100 paragraphs on average, and gathering the candidates of a 100-paragraph draft
took 2.4 s (FTS5's own OR query ranked by bm25) to 3.5 s (posting lists read into Python), ten
times the target before growing with the store; the index doubled the store's size. The sketch
index answers the same draft in 0.15 s at that size with every true precedent among the
candidates (bench/precedent.py).
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass

from .inline import diff_texts, kept_share, rebuild
from .model import Document, Span
from .store import Store, citations, content_hash, index_text, shingles
from .text import normalize

__all__ = ["Precedent", "Found", "Search", "find_precedents", "trigrams", "DEFAULT_TOP", "DEFAULT_MIN"]

DEFAULT_TOP = 3
DEFAULT_MIN = 0.5
# A shingle held by more stored sketches than this is passed over (see above).
COMMON = 1000
# Candidates kept from the index, and of those the ones the word diff scores (the rest are ranked
# by trigram overlap alone).
CANDIDATES = 30
# Candidates are filtered (language, session, the draft itself) from this many times as many.
FILTER_MARGIN = 4
SCORED = 10
# The word diff's share of kept text is at most this much above the trigram Dice coefficient
# (measured on every pair of paragraphs of the test corpus, English and Chinese: the largest
# excess was 0.19, in pairs of Dice 0.3 to 0.5); a candidate whose Dice is lower than the share
# it would need by more than this is not scored. The word diff of dissimilar texts is also the
# slowest (up to 0.1 s a pair), so this bound is most of the search's speed.
MARGIN = 0.2
# Of the candidates whose Dice is below the share asked for (the doubtful ones: the test corpus
# has 900 such pairs for 9 that reach 0.5), only this many are scored for one paragraph.
DOUBTFUL = 2


@dataclass(frozen=True, slots=True)
class Precedent:
    """A stored paragraph close to a draft paragraph, and the word diff from it to the draft."""

    symbol: str
    revision: int
    id: str
    date: str | None
    session: int | None
    language: str
    title: str | None
    similarity: float
    spans: tuple[Span, ...]
    family: bool  # a text the draft cites, or one of its title in another session

    @property
    def identical(self) -> bool:
        """The same text once width and spacing are set aside, as ``resdiff diff`` calls a
        paragraph unchanged (its spans may still show a full-width comma for a half-width one)."""
        old, new = rebuild(self.spans)
        return normalize(old) == normalize(new)


@dataclass(frozen=True, slots=True)
class Found:
    """One draft paragraph and its precedents, best first (none: new language)."""

    id: str
    kind: str
    text: str
    precedents: tuple[Precedent, ...]


@dataclass(frozen=True, slots=True)
class Search:
    """A whole search: the draft, what was searched, and each paragraph's precedents."""

    document: Document
    languages: tuple[str, ...] | None  # None: every language
    since: int | None
    top: int
    min_share: float
    stored: int  # stored paragraphs searched (in the chosen languages)
    paragraphs: tuple[Found, ...]


def trigrams(text: str) -> list[str]:
    """The character trigrams of a text as the store's index holds them (normalised, case-folded).

    >>> trigrams("Decides, ")
    ['dec', 'eci', 'cid', 'ide', 'des', 'es,']
    """
    folded = index_text(text).lower()
    return [folded[k:k + 3] for k in range(len(folded) - 2)]


class _Index:
    """Look-ups of the store's sketch index for one search, each shingle's postings read once."""

    def __init__(self, store: Store, languages: tuple[str, ...] | None, since: int | None,
                 excluded: set[int]) -> None:
        self.db = store._db
        self.filters: list[str] = []
        self.arguments: list = []
        self.languages = set(languages) if languages else None
        self.since = since
        self.excluded = excluded
        if languages:
            self.filters.append(f"p.language IN ({', '.join('?' * len(languages))})")
            self.arguments.extend(languages)
        if since is not None:
            self.filters.append("p.session >= ?")
            self.arguments.append(since)
        if excluded:
            self.filters.append(f"p.document NOT IN ({', '.join('?' * len(excluded))})")
            self.arguments.extend(sorted(excluded))
        # Postings are read bare (a join per row to test the filters would cost three times as
        # much) and the filters applied to the best-voted candidates; see candidates().
        self.sql = f"SELECT paragraph FROM paragraph_sketches WHERE hash = ? LIMIT {COMMON + 1}"
        self.meta: dict[int, bool] = {}
        self.cache: dict[int, list[int]] = {}

    def postings(self, shingle: int) -> list[int]:
        """The stored paragraphs whose sketch holds ``shingle``; none if more than COMMON do."""
        if shingle not in self.cache:
            ids = [r[0] for r in self.db.execute(self.sql, (shingle,))]
            self.cache[shingle] = ids if len(ids) <= COMMON else []
        return self.cache[shingle]

    def candidates(self, votes: Counter[int]) -> list[int]:
        """The CANDIDATES best-voted paragraphs that pass the filters (language, session, not
        the draft itself), from the best FILTER_MARGIN times as many."""
        best = [pid for pid, _ in heapq.nsmallest(CANDIDATES * FILTER_MARGIN, votes.items(),
                                                   key=lambda kv: (-kv[1], -kv[0]))]
        unknown = [pid for pid in best if pid not in self.meta]
        for k in range(0, len(unknown), 500):
            chunk = unknown[k:k + 500]
            for pid, language, session, document in self.db.execute(
                    f"SELECT id, language, session, document FROM paragraphs WHERE id IN ({', '.join('?' * len(chunk))})",
                    chunk):
                self.meta[pid] = ((self.languages is None or language in self.languages)
                                  and (self.since is None or (session or 0) >= self.since)
                                  and document not in self.excluded)
        return [pid for pid in best if self.meta.get(pid)][:CANDIDATES]


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def find_precedents(store: Store, document: Document, *, top: int = DEFAULT_TOP,
                    min_share: float = DEFAULT_MIN, since: int | None = None,
                    languages: tuple[str, ...] | None = (), draft_id: int | None = None) -> Search:
    """Each paragraph of ``document`` with its ``top`` closest stored paragraphs of other
    documents, and of the earlier revisions of its own symbol, whose share of kept text is at
    least ``min_share``.

    ``languages``: () for the draft's own language, None for every language, else those codes.
    ``since``: only texts of that session or later.
    ``draft_id``: the stored version the draft is, when it was taken from the store: it and the
    revisions after it are left out. A draft from a file leaves out the stored versions of its
    symbol with its very paragraphs and footnotes (itself, stored).
    """
    db = store._db
    if languages == ():
        languages = (document.language,)
    excluded, own = _own_versions(store, document, draft_id)
    index = _Index(store, languages, since, excluded)
    family_documents = _family_documents(store, document, languages, since, excluded, own)
    family_paragraphs = set()
    if family_documents:
        family_paragraphs = {r[0] for r in db.execute(
            f"SELECT id FROM paragraphs WHERE document IN ({', '.join('?' * len(family_documents))})",
            sorted(family_documents))}
    count_filter, count_args = "", []
    if index.filters:
        count_filter = " WHERE " + " AND ".join(index.filters)
        count_args = index.arguments
    stored = db.execute(f"SELECT COUNT(*) FROM paragraphs p{count_filter}", count_args).fetchone()[0]
    rows_cache: dict[int, tuple] = {}
    found = []
    for paragraph in document.paragraphs:
        body = paragraph.body
        votes: Counter[int] = Counter()
        for shingle in shingles(body):
            votes.update(index.postings(shingle))
        candidates = index.candidates(votes)
        if votes:
            # The family's paragraphs that share many of the looked-up shingles stay candidates
            # even when a thousand identical copies elsewhere outnumber them.
            least = max(votes.values()) / 2
            listed = set(candidates)
            candidates.extend(sorted(pid for pid in family_paragraphs & votes.keys()
                                     if votes[pid] >= least and pid not in listed))
        _fetch(db, [c for c in candidates if c not in rows_cache], rows_cache)
        mine = set(trigrams(body))
        overlap = {c: _dice(mine, rows_cache[c][-1]) for c in candidates}
        ranked = sorted(candidates, key=lambda c: (-overlap[c], -c))
        precedents: list[Precedent] = []
        scored: dict[str, tuple] = {}  # stored texts repeated session after session: scored once
        doubtful = 0
        for pid in ranked[:SCORED]:
            if overlap[pid] + MARGIN < min_share:
                break  # nothing further down can keep that much: see MARGIN
            if overlap[pid] < min_share:
                doubtful += 1
                if doubtful > DOUBTFUL:
                    break
            if len(precedents) >= top:
                kth = sorted((p.similarity for p in precedents), reverse=True)[top - 1]
                if min(1.0, overlap[pid] + MARGIN) < kth:
                    break  # none further down can do better than the ones found
            row = rows_cache[pid]
            if row[6] not in scored:
                spans = diff_texts(row[6], body)
                # the similarity `resdiff diff` gives the pair: 1 where only width and spacing differ
                same = normalize(row[6]) == normalize(body)
                scored[row[6]] = (spans, 1.0 if same else round(kept_share(spans), 3))
            spans, similarity = scored[row[6]]
            if similarity < min_share:
                continue
            precedents.append(Precedent(
                symbol=row[0], revision=row[1], id=row[2], date=row[3], session=row[4], language=row[5],
                title=row[7], similarity=similarity, spans=spans, family=pid in family_paragraphs))
        precedents.sort(key=lambda p: (-p.similarity, not p.family, -(p.session or 0), p.symbol, p.revision,
                                       p.id))
        found.append(Found(paragraph.id, paragraph.kind.value, body, tuple(precedents[:top])))
    return Search(document, languages, since, top, min_share, stored, tuple(found))


def _fetch(db, ids: list[int], cache: dict[int, tuple]) -> None:
    for k in range(0, len(ids), 500):
        chunk = ids[k:k + 500]
        rows = db.execute(
            # the revision counted within its language, as log and diff count it (a symbol's
            # French and Arabic texts are each its revision 1)
            "SELECT p.id, d.symbol, COALESCE(d.edition, d.revision), p.pid, d.date, p.session, p.language, p.text, "
            "d.title "
            f"FROM paragraphs p JOIN documents d ON d.id = p.document WHERE p.id IN ({', '.join('?' * len(chunk))})",
            chunk)
        for row in rows:
            cache[row[0]] = (row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], set(trigrams(row[7])))


def _title_key(title: str | None) -> str | None:
    if not title:
        return None
    return re.sub(r"[\W_]+", "", index_text(title).casefold()) or None


def _linked(store: Store, documents: set[int]) -> set[int]:
    """Stored documents reached from ``documents`` along the links the store has learnt (``add
    --follows``, a report's "on the basis of", an adopted text's draft), either way. Not the whole
    of ``Store.families``: that compares every stored title and takes seconds at 10,000 texts."""
    db = store._db
    symbols = {r[0] for r in db.execute(
        f"SELECT symbol FROM documents WHERE id IN ({', '.join('?' * len(documents))})", sorted(documents))}
    neighbours: dict[str, set[str]] = {}
    for predecessor, successor, _reason in store.links():
        if not predecessor.startswith("report:"):
            neighbours.setdefault(predecessor, set()).add(successor)
            neighbours.setdefault(successor, set()).add(predecessor)
    reached, frontier = set(symbols), list(symbols)
    while frontier:
        for other in neighbours.get(frontier.pop(), ()):
            if other not in reached:
                reached.add(other)
                frontier.append(other)
    found: set[int] = set()
    ordered = sorted(reached - symbols)
    for k in range(0, len(ordered), 500):
        chunk = ordered[k:k + 500]
        found.update(r[0] for r in db.execute(
            f"SELECT id FROM documents WHERE symbol IN ({', '.join('?' * len(chunk))})", chunk))
    return found


def _own_versions(store: Store, document: Document, draft_id: int | None) -> tuple[set[int], set[int]]:
    """The stored versions of the draft's own symbol left out of the search (the draft itself,
    and, for a draft taken from the store, the revisions after it), and all of them."""
    if not document.symbol:
        return set(), set()
    rows = store._db.execute("SELECT id, revision, content_hash FROM documents WHERE symbol = ?",
                             (document.symbol,)).fetchall()
    own = {r[0] for r in rows}
    if draft_id is not None:
        at = next((r[1] for r in rows if r[0] == draft_id), None)
        return {r[0] for r in rows if at is None or r[1] >= at}, own
    digest = content_hash(document)
    return {r[0] for r in rows if r[2] == digest}, own


def _family_documents(store: Store, document: Document, languages, since, excluded: set[int],
                      own: set[int] = frozenset()) -> set[int]:  # type: ignore[assignment]
    """Stored documents of the draft's family in other sessions: those it cites, those of its title,
    the earlier revisions of its own symbol, and those linked to these or to the draft itself (a
    version added with ``--follows``, say, that neither names the other nor shares a title)."""
    db = store._db
    wanted: set[int] = set(own - excluded)
    cited = citations(document)
    for k in range(0, len(cited), 500):
        chunk = cited[k:k + 500]
        wanted.update(r[0] for r in db.execute(
            f"SELECT id FROM documents WHERE symbol IN ({', '.join('?' * len(chunk))})", chunk))
    key = _title_key(document.title)
    if key:
        # Titles are few beside paragraphs: compared in Python, with the store's own key.
        for row in db.execute("SELECT id, title FROM documents WHERE title IS NOT NULL"):
            if _title_key(row[1]) == key:
                wanted.add(row[0])
    if wanted or excluded or own:
        wanted.update(_linked(store, wanted | excluded | own))
    wanted -= excluded
    if not wanted:
        return wanted
    kept = set()
    for row in db.execute(f"SELECT id, language, symbol, date FROM documents WHERE id IN "
                          f"({', '.join('?' * len(wanted))})", sorted(wanted)):
        from .store import session_number

        if languages and row[1] not in languages:
            continue
        if since is not None and (session_number(row[2], row[3]) or 0) < since:
            continue
        kept.add(row[0])
    return kept
