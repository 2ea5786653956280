"""Pairs of realistic drafts with a known alignment, made from real resolution text.

A generated pair is an old draft and a new one built from it the way negotiations change a text:
paragraphs reworded, inserted, deleted, moved, merged and split (the second piece of a split
sometimes repeating the opening words, "Also requests the Secretary-General to …"), cut to a third
of their length, operative paragraphs renumbered as a result, and width and spacing changed where nobody negotiated anything (a full-width comma,
a space between a Chinese character and a digit). Because the generator made every change, it
knows the true alignment: the links (old paragraph id, new paragraph id) each change implies.

Source paragraphs are real: the English corpus under tests/fixtures/corpus/en, and the Chinese
sample report with the operative paragraphs of A/RES/61/211. When a draft needs more paragraphs
than the source holds, English paragraphs are drawn again and made distinct by changing their
words and numbers, as the paragraphs of a long omnibus text differ from each other. Chinese
paragraphs are made from real clauses instead (a paragraph's opening clause, with the clauses of
other paragraphs after it, numbers changed), so that a draft of 2,000 paragraphs still reads as
resolution text: a Chinese word put in another word's place reads as scrambled text, where
English still reads as a sentence. Two paragraphs share at most one clause after the opening.

Everything is seeded: the same (size, language, seed) gives the same pair, byte for byte.
Used by tests/test_generated.py and bench/run.py.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from resdiff.model import Comparison, Document, Paragraph, ParagraphKind
from resdiff.text import has_cjk, normalize, tokenize, words

ROOT = Path(__file__).resolve().parent.parent
CORPUS_EN = ROOT / "tests" / "fixtures" / "corpus" / "en"
SAMPLE_ZH = ROOT / "samples" / "A_C.2_65_433_second_committee_report_ict_zh.txt"
CORPUS_ZH = (ROOT / "tests" / "fixtures" / "corpus" / "zh" / "A_RES_61_211.ops1-19.zh.txt",)

# Shares of the old paragraphs that each change touches; the rest stay as they were.
REWORD = 0.22
DELETE = 0.05
MOVE = 0.05
MERGE = 0.03
SPLIT = 0.03
INSERT = 0.05
NOISE = 0.30
# The changes aligners find hardest, drawn among the paragraphs kept as they were: a paragraph cut
# to about a third of its length that keeps its opening, and a split whose second piece repeats
# the opening words ("Requests the Secretary-General to …" + "Also requests the Secretary-General
# to …"; compared the other way round, a merge of two pieces that both carry them).
CUT = 0.015
SPLIT_REPEATING = 0.02
# Share of the words of a reworded paragraph that change: a real amendment touches a phrase or two.
REWORD_WORDS = 0.15
# Share of the words replaced to make a redrawn paragraph distinct from its source.
VARIANT_WORDS = 0.45
INSERTED_VARIANT_WORDS = 0.7
# A source paragraph shorter than this many words is a heading or a fragment, not a paragraph.
MIN_WORDS = 8
# Sources too alike (share of words) are two versions of one paragraph; only one is kept.
SOURCE_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class TrueChange:
    """One change the generator made: its kind and the old and new paragraph ids it joins."""

    kind: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    moved: bool = False


@dataclass(frozen=True, slots=True)
class GeneratedPair:
    """An old and a new draft, and the changes that turned one into the other."""

    old: Document
    new: Document
    changes: tuple[TrueChange, ...]

    @property
    def links(self) -> frozenset[tuple[str, str]]:
        """The true links: every (old id, new id) pair that a change joins."""
        return frozenset((o, n) for c in self.changes for o in c.old for n in c.new)


def links_of(comparison: Comparison) -> frozenset[tuple[str, str]]:
    """The links (old id, new id) that a comparison found."""
    return frozenset((o, n) for c in comparison.changes for o in c.old for n in c.new)


def scores(found: frozenset, truth: frozenset) -> tuple[float, float, float]:
    """Precision, recall and F1 of found links against the true ones (1.0 when both are empty)."""
    hits = len(found & truth)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(truth) if truth else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# --- sources -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Source:
    tokens: tuple[str, ...]
    kind: ParagraphKind


def _flatten(paragraph: Paragraph) -> str:
    # Sub-paragraphs are joined into one line: generated paragraphs carry their text only.
    parts = [paragraph.text] + [f"({item.label}) {item.text}" for item in paragraph.items]
    joiner = "" if has_cjk(paragraph.text) else " "
    return joiner.join(p.strip() for p in parts if p.strip())


@lru_cache(maxsize=None)
def sources(language: str) -> tuple[_Source, ...]:
    """Distinct real paragraphs of one language ('en' or 'zh'), in a fixed order."""
    from resdiff.parse import parse_file

    if language == "en":
        files = sorted(list(CORPUS_EN.glob("*.md")) + list(CORPUS_EN.glob("*.txt")))
    elif language == "zh":
        files = [SAMPLE_ZH, *CORPUS_ZH]
    else:
        raise ValueError(f"no source text for language {language!r}")
    kept: list[_Source] = []
    seen: list[set[str]] = []
    index: dict[str, list[int]] = {}
    for path in files:
        for document in parse_file(str(path)):
            for paragraph in document.paragraphs:
                text = _flatten(paragraph)
                vocabulary = set(words(text))
                if len(vocabulary) < MIN_WORDS:
                    continue
                near = {k for w in vocabulary for k in index.get(w, ())}
                if any(len(vocabulary & seen[k]) > SOURCE_OVERLAP * min(len(vocabulary), len(seen[k]))
                       for k in near):
                    continue
                for w in vocabulary:
                    index.setdefault(w, []).append(len(kept))
                seen.append(vocabulary)
                kept.append(_Source(tuple(tokenize(text)), paragraph.kind))
    return tuple(kept)


@lru_cache(maxsize=None)
def vocabulary(language: str) -> tuple[str, ...]:
    """The distinct content words of a language's sources, in a fixed order."""
    found: dict[str, None] = {}
    for source in sources(language):
        for token in source.tokens:
            if _is_word(token) and not token.isdigit():
                found.setdefault(token, None)
    return tuple(found)


def _is_word(token: str) -> bool:
    return bool(token) and (token[0].isalnum() or has_cjk(token[0]))


_NUMBER = re.compile(r"\d+")
# Marks after which a Chinese paragraph's clause ends.
_CLAUSE_ENDS = frozenset({",", "，", ";", "；"})


def _clauses(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A paragraph's clauses: its tokens cut after each comma or semicolon, spaces kept."""
    out: list[tuple[str, ...]] = []
    start = 0
    for k, token in enumerate(tokens):
        if token in _CLAUSE_ENDS:
            out.append(tokens[start : k + 1])
            start = k + 1
    if start < len(tokens):
        out.append(tokens[start:])
    return [c for c in out if any(_is_word(t) for t in c)]


def _fits(source: ParagraphKind, kind: ParagraphKind | None) -> bool:
    """Whether a source paragraph of one kind can stand as a paragraph of ``kind``: a preambular
    paragraph only as one ("Recalling …,"), an operative or annex paragraph (a declaration's
    "We commit …") as an operative one. A source drawn into the other part would read as that
    part's paragraph, and the parser, rightly, would join it to its neighbours."""
    if kind is None:
        return True
    return (source is ParagraphKind.PREAMBULAR) == (kind is ParagraphKind.PREAMBULAR)


@dataclass(frozen=True, slots=True)
class _ClauseBank:
    """The clauses of the Chinese sources: openings (a paragraph's first clause, its verb) by
    kind of paragraph, and the rest."""

    clauses: tuple[tuple[str, ...], ...]
    openings: dict
    rest: tuple[int, ...]


# Parts of speech (jieba's tags) whose words a Chinese variant changes: nouns of every kind and
# verbal nouns. Put in place of a noun, another noun keeps the sentence a sentence.
_NOUN_TAGS = ("n", "nr", "ns", "nt", "nz", "vn")


@lru_cache(maxsize=None)
def nouns(language: str) -> dict:
    """The nouns of a language's sources by tag, and each noun's tag: (by_tag, tag_of)."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.CRITICAL + 1)
    seen: set[str] = set()
    tag_of: dict[str, str] = {}
    for source in sources(language):
        for token in source.tokens:
            if has_cjk(token) and token not in seen:
                seen.add(token)
    for token in sorted(seen):
        tagged = list(jieba.posseg.cut(token))
        if len(tagged) == 1 and tagged[0].flag in _NOUN_TAGS:
            tag_of[token] = tagged[0].flag
    by_tag: dict[str, list[str]] = {}
    for word, tag in sorted(tag_of.items()):
        by_tag.setdefault(tag, []).append(word)
    return {"by_tag": {k: tuple(v) for k, v in by_tag.items()}, "tag_of": tag_of}


@lru_cache(maxsize=None)
def clause_bank(language: str) -> _ClauseBank:
    clauses: dict[tuple[str, ...], int] = {}
    openings: dict[ParagraphKind, list[int]] = {ParagraphKind.PREAMBULAR: [], ParagraphKind.OPERATIVE: []}
    rest: list[int] = []
    for source in sources(language):
        parts = _clauses(source.tokens)
        if len(parts) < 2:
            continue
        ids = [clauses.setdefault(_body(part), len(clauses)) for part in parts]
        openings[source.kind].append(ids[0])
        rest.extend(ids[1:])
    return _ClauseBank(tuple(clauses), {k: tuple(dict.fromkeys(v)) for k, v in openings.items()},
                       tuple(k for k in dict.fromkeys(rest) if all(k not in v for v in openings.values())))


def _body(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A clause without the spaces before it and the mark after it."""
    out = list(tokens)
    while out and out[0].isspace():
        del out[0]
    while out and (out[-1].isspace() or out[-1] in _CLAUSE_ENDS or out[-1] in {"。", "."}):
        del out[-1]
    return tuple(out)


# --- building drafts -----------------------------------------------------------------------------


class _Maker:
    def __init__(self, language: str, rng: random.Random) -> None:
        self.language = language
        self.rng = rng
        self.sources = sources(language)
        self.vocabulary = vocabulary(language)
        self.joiner = "" if language == "zh" else " "
        self.unused = list(range(len(self.sources)))
        rng.shuffle(self.unused)
        self.keys: set[str] = set()
        # Pairs of clauses that some paragraph already holds: no two paragraphs share two clauses.
        self.together: set[tuple[int, int]] = set()

    def word(self) -> str:
        return self.rng.choice(self.vocabulary)

    def number(self, like: str) -> str:
        low = 10 ** (len(like) - 1) if len(like) > 1 else 1
        return str(self.rng.randrange(low, 10 ** len(like)))

    def replace_words(self, tokens: list[str], share: float) -> list[str]:
        """A variant: a share of the words and numbers replaced, the opening word kept (the verb
        that says what kind of paragraph it is: "Recalling", "Requests")."""
        out = list(tokens)
        opening = next((k for k, t in enumerate(out) if _is_word(t)), -1)
        for k, token in enumerate(out):
            if token.isdigit():
                if self.rng.random() < share:
                    out[k] = self.number(token)
            elif _is_word(token) and k != opening and self.rng.random() < share:
                out[k] = self.word()
        return out

    def composed(self, kind: ParagraphKind, share: float) -> list[str] | None:
        """A Chinese paragraph of real clauses: an opening and two to four others, as the sample's
        paragraphs have."""
        bank = clause_bank(self.language)
        rng = self.rng
        for _ in range(50):
            ids = [rng.choice(bank.openings[kind] or bank.openings[ParagraphKind.PREAMBULAR])]
            ids += rng.sample(bank.rest, rng.randrange(2, 5))
            # The opening is shared freely (paragraphs begin alike); the clauses after it not.
            pairs = {(min(a, b), max(a, b)) for k, a in enumerate(ids[1:], 1) for b in ids[k + 1 :]}
            if pairs & self.together:
                continue
            self.together |= pairs
            # Clauses joined by the full-width comma; a preambular paragraph ends with a comma,
            # an operative one with a semicolon.
            tokens: list[str] = []
            for clause in ids:
                tokens.extend(bank.clauses[clause])
                tokens.append("，")
            tokens[-1] = "，" if kind is ParagraphKind.PREAMBULAR else "；"
            return self.replace_nouns(tokens, share)
        return None

    def replace_nouns(self, tokens: list[str], share: float) -> list[str]:
        """A Chinese variant: a share of the nouns and numbers replaced, each noun by another
        noun of the same kind (a place by a place, an organisation by an organisation)."""
        table = nouns(self.language)
        out = list(tokens)
        for k, token in enumerate(out):
            if token.isdigit():
                if self.rng.random() < share:
                    out[k] = self.number(token)
            elif (tag := table["tag_of"].get(token)) and self.rng.random() < share * 2:
                out[k] = self.rng.choice(table["by_tag"][tag])
        return out

    def remember(self, tokens) -> None:
        """Note which clauses a source paragraph holds together (Chinese only)."""
        if self.language != "zh":
            return
        bank = clause_bank(self.language)
        index = {c: k for k, c in enumerate(bank.clauses)}
        ids = [index[c] for c in (_body(p) for p in _clauses(tuple(tokens))) if c in index]
        self.together |= {(min(a, b), max(a, b)) for k, a in enumerate(ids) for b in ids[k + 1 :]}

    def take_unused(self, kind: ParagraphKind | None) -> int | None:
        """A source not drawn yet whose kind fits ``kind`` (the last such in the shuffled order)."""
        for k in range(len(self.unused) - 1, -1, -1):
            if _fits(self.sources[self.unused[k]].kind, kind):
                return self.unused.pop(k)
        return None

    def paragraph(self, kind: ParagraphKind | None = None,
                  share: float = VARIANT_WORDS) -> tuple[list[str], ParagraphKind]:
        """Tokens of a paragraph unlike any made so far: a source unused yet, else a variant."""
        for _ in range(100):
            if (unused := self.take_unused(kind)) is not None:
                source = self.sources[unused]
                tokens = list(source.tokens)
                self.remember(tokens)
            elif self.language == "zh" and (made := self.composed(kind or ParagraphKind.PREAMBULAR, share)) is not None:
                tokens, source = made, _Source((), kind or ParagraphKind.PREAMBULAR)
            else:
                source = self.rng.choice([s for s in self.sources if _fits(s.kind, kind)] or self.sources)
                tokens = self.replace_words(list(source.tokens), share)
            key = normalize("".join(tokens))
            if key not in self.keys:
                self.keys.add(key)
                return tokens, kind or source.kind
        raise RuntimeError("cannot make a distinct paragraph")  # pragma: no cover

    def reword(self, tokens: list[str]) -> list[str]:
        """An amendment: a few phrases replaced, inserted or deleted; the opening word stays."""
        out = list(tokens)
        positions = [k for k, t in enumerate(out) if _is_word(t)]
        edits = max(1, round(len(positions) * REWORD_WORDS))
        for _ in range(edits):
            positions = [k for k, t in enumerate(out) if _is_word(t)][1:]
            if not positions:
                break
            k = self.rng.choice(positions)
            action = self.rng.random()
            if action < 0.45:
                out[k] = self.word()
            elif action < 0.75:
                out[k:k] = [self.word(), self.joiner] if self.joiner else [self.word()]
            else:
                del out[k]
                if self.joiner and k < len(out) and out[k] == self.joiner and (k == 0 or out[k - 1] == self.joiner):
                    del out[k]
        return out

    def noise(self, text: str) -> str:
        """Width and spacing changes a reader does not see as changes of the text."""
        rng = self.rng
        if self.language == "zh":
            choice = rng.randrange(3)
            if choice == 0:
                return text.replace("，", ", ") if "，" in text else text.replace(", ", "，")
            if choice == 1:
                return re.sub(r"(?<=[\u4e00-\u9fff])(\d)", r" \1", text)
            return re.sub(r"(?<=\d) (?=[\u4e00-\u9fff])", "", text).replace("；", ";")
        choice = rng.randrange(3)
        if choice == 0:
            return text.replace(", ", "， ", 1).replace(";", "；")
        if choice == 1:
            return text.replace(" ", "  ", 2)
        return text.replace(" ", "\u00a0", 1)

    def split_point(self, tokens: list[str]) -> int | None:
        """Where a paragraph divides into two that each still read as a paragraph."""
        marks = {",", ";", "，", "；"}  # not "、": a list of items does not end a paragraph
        count = len(tokens)
        candidates = [k + 1 for k, t in enumerate(tokens) if t in marks and count * 0.3 <= k <= count * 0.7]
        if self.language == "zh":
            # Each part keeps at least two clauses of its own: a lone clause is a fragment, and
            # made of shared clauses it could be any paragraph's.
            ends = [k for k, t in enumerate(tokens) if t in _CLAUSE_ENDS]
            candidates = [c for c in candidates if sum(k < c - 1 for k in ends) >= 1
                          and sum(k >= c for k in ends[:-1] if k < count - 1) >= 1]
        if not candidates:
            return None
        return self.rng.choice(candidates)

    def text(self, tokens: list[str]) -> str:
        return "".join(tokens).strip()

    def opening(self, tokens: list[str]) -> list[str]:
        """The words a paragraph opens with, up to its subject: three words (English) or two
        (Chinese), with what lies between them."""
        wanted, count = (2 if self.language == "zh" else 3), 0
        for k, token in enumerate(tokens):
            if _is_word(token):
                count += 1
                if count == wanted:
                    return tokens[: k + 1]
        return []

    def second_piece(self, rest: list[str]) -> list[str]:
        """The second paragraph of a split, standing as a paragraph: without the conjunction
        that joined it to the first, and opening with a capital ("and urging States …" becomes
        "Urging States …"); a paragraph opening with a small letter would be read, rightly, as
        the first one's text wrapped onto a new line."""
        rest = list(rest)
        while rest and (not rest[0].strip() or rest[0].strip().lower() in {"and", "并", "并且", "以及", "和"}):
            rest.pop(0)
        if rest and self.language != "zh":
            rest[0] = rest[0][:1].upper() + rest[0][1:]
        return rest

    def repeating(self, opening: list[str], rest: list[str]) -> list[str]:
        """The second piece of a split, saying the opening again: "Also requests the
        Secretary-General to …", "又请秘书长……"."""
        rest = list(rest)
        while rest and (not rest[0].strip() or rest[0].strip().lower() in {"and", "并", "并且", "以及", "和"}):
            rest.pop(0)
        if self.language == "zh":
            return ["又", *opening, *rest]
        first = opening[0]
        return ["Also", " ", first[:1].lower() + first[1:], *opening[1:], " ", *rest]

    def cut(self, tokens: list[str]) -> list[str] | None:
        """The paragraph cut at a clause end to a quarter to a half of its words, its opening
        kept; None where no clause ends there. A Chinese paragraph keeps a clause after its
        opening one: the generator's paragraphs share their opening clauses freely, so that
        clause alone would say nothing of which paragraph it was."""
        ends = {",", ";", "，", "；"}
        total = sum(_is_word(t) for t in tokens)
        count = clauses = 0
        for k, token in enumerate(tokens):
            count += _is_word(token)
            if token in ends:
                clauses += 1
                if total * 0.25 <= count <= total * 0.5 and count >= 6 and (clauses >= 2 or self.language != "zh"):
                    return tokens[: k + 1]
        return None


def generate(size: int, language: str = "en", seed: int = 0) -> GeneratedPair:
    """A pair of drafts whose old version has ``size`` paragraphs, with its true changes.

    >>> pair = generate(20, "en", seed=1)
    >>> len(pair.old.paragraphs), pair == generate(20, "en", seed=1)
    (20, True)
    """
    rng = random.Random(f"resdiff-generator/{language}/{size}/{seed}")
    maker = _Maker(language, rng)
    preambular = max(1, round(size * 0.3))
    old_units: list[tuple[ParagraphKind, list[str]]] = []
    for k in range(size):
        kind = ParagraphKind.PREAMBULAR if k < preambular else ParagraphKind.OPERATIVE
        tokens, _ = maker.paragraph(kind)
        old_units.append((kind, tokens))
    old_ids = _ids([kind for kind, _ in old_units])
    old_doc = _document([(i, kind, maker.text(t)) for i, (kind, t) in zip(old_ids, old_units)], language, "L.1")
    return _revised(old_doc, old_units, old_ids, maker, rng)


def revise(document: Document, seed: int = 0) -> GeneratedPair:
    """A real document (its paragraphs, sub-paragraphs joined in) and a revision of it made the
    way ``generate`` makes its new drafts: the largest real texts at hand, as a pair.

    >>> from resdiff.parse import parse_text
    >>> doc = parse_text("The General Assembly,\\n\\nRecalling its resolution 64/187 on the right to development,\\n\\n"
    ...                  "1. Decides to continue its consideration of the question at its next session;\\n")[0]
    >>> pair = revise(doc)
    >>> len(pair.old.paragraphs), pair.old.paragraphs[1].body[:7]
    (2, 'Decides')
    """
    language = "zh" if document.language == "zh" else "en"
    rng = random.Random(f"resdiff-generator/revise/{document.symbol}/{seed}")
    maker = _Maker(language, rng)
    # The generator knows two series: an annex's paragraphs and headings, after the operative
    # part, are revised as operative paragraphs are.
    old_units = [(p.kind if p.kind is ParagraphKind.PREAMBULAR else ParagraphKind.OPERATIVE, tokenize(_flatten(p)))
                 for p in document.paragraphs]
    for _, tokens in old_units:
        maker.keys.add(normalize("".join(tokens)))
    old_ids = _ids([kind for kind, _ in old_units])
    old_doc = _document([(i, kind, maker.text(t)) for i, (kind, t) in zip(old_ids, old_units)], language, "L.1")
    return _revised(old_doc, old_units, old_ids, maker, rng)


def as_text(document: Document) -> str:
    """A generated document as the plain text of a draft: symbol, title, the opening words,
    preambular paragraphs, numbered operative paragraphs."""
    zh = document.language == "zh"
    lines = [document.symbol, "", document.title, "", "大会，" if zh else "The General Assembly,", ""]
    for paragraph in document.paragraphs:
        number = f"{paragraph.number}. " if paragraph.kind is ParagraphKind.OPERATIVE else ""
        lines += [number + paragraph.body, ""]
    return "\n".join(lines)


def _revised(old_doc: Document, old_units: list, old_ids: list[str], maker: "_Maker",
             rng: random.Random) -> GeneratedPair:
    language, size = maker.language, len(old_units)

    # Decide each old paragraph's fate, section by section (a paragraph stays in its section).
    sections: dict[ParagraphKind, list] = {ParagraphKind.PREAMBULAR: [], ParagraphKind.OPERATIVE: []}
    removed: list[str] = []
    k = 0
    while k < size:
        kind, tokens = old_units[k]
        oid = old_ids[k]
        roll = rng.random()
        section = sections[kind]
        if roll < DELETE:
            removed.append(oid)
        elif roll < DELETE + MERGE and k + 1 < size and old_units[k + 1][0] is kind:
            joined = tokens + ([] if language == "zh" else [" "]) + old_units[k + 1][1]
            section.append({"old": (oid, old_ids[k + 1]), "tokens": joined, "kind": "merged"})
            k += 1
        elif roll < DELETE + MERGE + SPLIT and (cut := maker.split_point(tokens)) is not None:
            section.append({"old": (oid,), "tokens": tokens[:cut], "kind": "split", "rest": maker.second_piece(tokens[cut:])})
        elif roll < DELETE + MERGE + SPLIT + REWORD:
            section.append({"old": (oid,), "tokens": maker.reword(tokens), "kind": "modified"})
        else:
            section.append({"old": (oid,), "tokens": list(tokens), "kind": "kept"})
        k += 1

    # The hard cases, among the paragraphs left as they were (drawn from a stream of their own).
    hard = random.Random(rng.random())
    # A cut drawn for a paragraph with no clause end to cut at passes to the next that has one,
    # so that each text holds its share of cuts however its paragraphs are punctuated.
    pending = 0
    for section in sections.values():
        for unit in list(section):
            if unit["kind"] != "kept":
                continue
            roll = hard.random()
            if (roll < CUT or pending) and (cut := maker.cut(unit["tokens"])) is not None:
                pending -= roll >= CUT
                unit["tokens"], unit["kind"] = cut, "modified"
                continue
            pending += roll < CUT
            if roll < CUT + SPLIT_REPEATING and (at := maker.split_point(unit["tokens"])) is not None \
                    and (opening := maker.opening(unit["tokens"])):
                tokens = unit["tokens"]
                unit.update(tokens=tokens[:at], kind="split", rest=maker.repeating(opening, tokens[at:]))

    for kind, section in sections.items():
        # Moves: a paragraph taken out and put back at least two places away.
        movable = [u for u in section if u["kind"] in {"kept", "modified"}]
        for unit in movable:
            if rng.random() < MOVE and len(section) > 3:
                section.remove(unit)
                here = rng.randrange(len(section) + 1)
                unit["moved"] = True
                section.insert(here, unit)
        # Insertions, anywhere in the section; a redrawn one is changed more than the old
        # draft's paragraphs, so that it reads as new text rather than as a rewrite of one of them.
        for _ in range(sum(rng.random() < INSERT for _ in range(len(section)))):
            tokens, _ = maker.paragraph(kind, share=INSERTED_VARIANT_WORDS)
            section.insert(rng.randrange(len(section) + 1), {"old": (), "tokens": tokens, "kind": "added"})

    new_units = []
    for kind in (ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE):
        for unit in sections[kind]:
            new_units.append((kind, unit))
            if "rest" in unit:  # the second part of a split follows the first
                new_units.append((kind, {"old": unit["old"], "tokens": unit["rest"], "kind": "split"}))
    new_ids = _ids([kind for kind, _ in new_units])
    rows = []
    new_of: dict[tuple[str, ...], list[str]] = {}
    for nid, (kind, unit) in zip(new_ids, new_units):
        text = maker.text(unit["tokens"])
        if text and rng.random() < NOISE:
            text = maker.noise(text)
        unit["text"] = text
        unit["id"] = nid
        rows.append((nid, kind, text))
        if unit["old"]:
            new_of.setdefault(unit["old"], []).append(nid)
    new_doc = _document(rows, language, "L.2")

    old_text = {p.id: p.body for p in old_doc.paragraphs}
    changes: list[TrueChange] = []
    done: set[tuple[str, ...]] = set()
    for kind, unit in new_units:
        olds = unit["old"]
        if not olds:
            changes.append(TrueChange("added", (), (unit["id"],)))
            continue
        if olds in done:
            continue
        done.add(olds)
        news = tuple(new_of[olds])
        if unit["kind"] in {"merged", "split"}:
            name = unit["kind"]
        elif normalize(old_text[olds[0]]) == normalize(unit["text"]):
            name = "unchanged"
        else:
            name = "modified"
        changes.append(TrueChange(name, olds, news, moved=unit.get("moved", False)))
    changes.extend(TrueChange("removed", (oid,), ()) for oid in removed)
    return GeneratedPair(old_doc, new_doc, tuple(changes))


def _ids(kinds: list[ParagraphKind]) -> list[str]:
    ids, pp, op = [], 0, 0
    for kind in kinds:
        if kind is ParagraphKind.PREAMBULAR:
            pp += 1
            ids.append(f"PP{pp}")
        else:
            op += 1
            ids.append(f"OP{op}")
    return ids


def _document(rows, language: str, tail: str) -> Document:
    paragraphs = tuple(
        Paragraph(pid, kind, int(pid[2:]) if kind is ParagraphKind.OPERATIVE else None, text)
        for pid, kind, text in rows
    )
    return Document(symbol=f"A/GEN/{language.upper()}/{tail}", title="Generated resolution",
                    language=language, paragraphs=paragraphs, source="generated")
