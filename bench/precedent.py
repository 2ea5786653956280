"""Precedent search at scale: a generated store of recurring resolutions, a draft, the truth.

Run by ``make bench`` at 10^5 paragraphs, and at the issue's 10^6 with
``bench/run.py --precedent-paragraphs 1000000`` (about ten minutes to build on the build machine).

The store is built the way a user builds one, through Store.add: families of resolutions
revised session after session (each version keeps most paragraphs, rewords some by a few words,
drops a few and adds new ones), about 100 paragraphs each, written in the words of real
resolutions by a word chain learnt from the English test corpus, so that common trigrams are as
common as in real text. The draft is the next session's version of one family: its paragraphs
are kept, reworded or new, and the generator knows each one's source paragraph.

Recall counts a draft paragraph found when the best precedent listed keeps at least as much text
as its true source does (the source itself, or an older identical copy of it).
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from resdiff.inline import diff_texts, kept_share  # noqa: E402
from resdiff.model import Document, Paragraph, ParagraphKind  # noqa: E402
from resdiff.store import Incoming, Store  # noqa: E402

CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "en"
PARAGRAPHS_PER_VERSION = 100
SESSIONS = 10
FIRST_SESSION = 70
DRAFT_PARAGRAPHS = 100
TARGET_SECONDS = 2.0
TARGET_RECALL = 0.98
OPENINGS_PP = ["Recalling", "Reaffirming", "Recognizing", "Noting with concern", "Welcoming", "Stressing",
               "Bearing in mind", "Expressing concern", "Acknowledging", "Emphasizing"]
OPENINGS_OP = ["Decides", "Requests the Secretary-General", "Calls upon all States", "Urges Member States",
               "Encourages", "Invites", "Reaffirms", "Stresses", "Welcomes", "Notes"]


class Chain:
    """A word chain (order 2) learnt from the English corpus: text in the words of resolutions."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.next: dict[tuple[str, str], list[str]] = {}
        for path in sorted(CORPUS.glob("*")):
            text = path.read_text(encoding="utf-8", errors="replace")
            words = re.findall(r"[A-Za-z][A-Za-z'-]*|\d+(?:/\d+)?|[,;]", text)
            for a, b, c in zip(words, words[1:], words[2:]):
                self.next.setdefault((a, b), []).append(c)
        self.keys = sorted(self.next)
        self.numbers = [str(n) for n in range(1, 200)]

    def words(self, n: int) -> list[str]:
        r = self.random
        key = r.choice(self.keys)
        out = list(key)
        while len(out) < n:
            options = self.next.get(key)
            if not options or r.random() < 0.03:
                key = r.choice(self.keys)
                out.extend(key)
                continue
            word = r.choice(options)
            if word.isdigit() and r.random() < 0.5:
                word = r.choice(self.numbers)
            out.append(word)
            key = (key[1], word)
        return out[:n]

    def paragraph(self, operative: bool) -> str:
        r = self.random
        opening = r.choice(OPENINGS_OP if operative else OPENINGS_PP)
        body = " ".join(self.words(r.randint(15, 70))).replace(" ,", ",").replace(" ;", ";")
        return f"{opening} {body}{';' if operative else ','}"

    def reword(self, text: str) -> str:
        """A few words replaced, inserted or removed, as a negotiated revision does."""
        r = self.random
        words = text.split(" ")
        for _ in range(r.randint(1, 4)):
            k = r.randrange(1, len(words))
            action = r.random()
            if action < 0.4:
                words[k] = self.words(1)[0]
            elif action < 0.7:
                words[k:k] = self.words(r.randint(1, 3))
            elif len(words) > 6:
                del words[k]
        return " ".join(words)


def _document(symbol: str, title: str, session: int, texts: list[str]) -> Document:
    paragraphs = []
    pp = sum(1 for t in texts if t.endswith(","))
    for n, text in enumerate(texts):
        operative = not text.endswith(",")
        number = n - pp + 1 if operative else n + 1
        paragraphs.append(Paragraph(f"{'OP' if operative else 'PP'}{number}",
                                    ParagraphKind.OPERATIVE if operative else ParagraphKind.PREAMBULAR,
                                    number if operative else None, text))
    return Document(symbol=symbol, title=title, language="en", paragraphs=tuple(paragraphs),
                    date=f"{1945 + session}-12-{1 + session % 20:02d}")


def _revise(chain: Chain, texts: list[str]) -> list[str]:
    r = chain.random
    out = []
    for text in texts:
        roll = r.random()
        if roll < 0.03:
            continue  # dropped
        out.append(chain.reword(text) if roll < 0.18 else text)
        if r.random() < 0.03:
            out.append(chain.paragraph(operative=not text.endswith(",")))
    pps = [t for t in out if t.endswith(",")]
    return pps + [t for t in out if not t.endswith(",")]


def build(path: Path, paragraphs: int, seed: int = 1) -> dict:
    """A store of about ``paragraphs`` paragraphs; the families' last texts, for drafts."""
    chain = Chain(seed)
    families = max(1, paragraphs // (PARAGRAPHS_PER_VERSION * SESSIONS))
    latest = {}
    started = time.perf_counter()
    stored = 0
    generated_seconds = 0.0
    with Store.open(path, create=True) as store:
        store._db.execute("PRAGMA journal_mode = WAL")
        for family in range(1, families + 1):
            t = time.perf_counter()
            title = " ".join(chain.words(6)).capitalize()
            pp = [chain.paragraph(False) for _ in range(PARAGRAPHS_PER_VERSION * 3 // 10)]
            op = [chain.paragraph(True) for _ in range(PARAGRAPHS_PER_VERSION - len(pp))]
            texts = pp + op
            batch = []
            for s in range(SESSIONS):
                session = FIRST_SESSION + s
                if s:
                    texts = _revise(chain, texts)
                batch.append(Incoming(_document(f"A/RES/{session}/{family}", title, session, texts)))
                stored += len(texts)
            generated_seconds += time.perf_counter() - t
            store.add(batch)
            latest[family] = (title, texts)
            if family % 100 == 0:
                rate = stored / (time.perf_counter() - started)
                print(f"  {stored:,} paragraphs stored, {rate:,.0f}/s", file=sys.stderr)
    seconds = time.perf_counter() - started
    return {"families": families, "documents": families * SESSIONS, "paragraphs": stored,
            "import_seconds": round(seconds, 1), "generation_seconds": round(generated_seconds, 1),
            "paragraphs_per_second": round(stored / (seconds - generated_seconds)),
            "bytes": os.path.getsize(path) + sum(os.path.getsize(p) for p in path.parent.glob(path.name + "-*")),
            "latest": latest, "chain": chain}


def draft(built: dict, family: int, seed: int) -> tuple[Document, dict]:
    """The next session's draft of ``family``: 60% kept, 30% reworded, 10% new; the truth."""
    chain = built["chain"]
    r = random.Random(seed)
    title, texts = built["latest"][family]
    chosen = r.sample(range(len(texts)), min(DRAFT_PARAGRAPHS, len(texts)))
    chosen.sort()
    out, truth = [], []
    for k in chosen[:int(DRAFT_PARAGRAPHS * 0.9)]:
        text = texts[k]
        if r.random() < 0.33:
            text = chain.reword(text)
        out.append(text)
        truth.append(texts[k])
    while len(out) < DRAFT_PARAGRAPHS:
        operative = r.random() < 0.7
        out.append(chain.paragraph(operative))
        truth.append(None)
    session = FIRST_SESSION + SESSIONS
    document = _document(f"A/C.1/{session}/L.{family}", title, session, out)
    return document, dict(zip([p.id for p in document.paragraphs], truth))


def measure(path: Path, built: dict, drafts: int = 5) -> dict:
    from resdiff.precedent import find_precedents

    seconds, found, total, new_right, new_total, first = [], 0, 0, 0, 0, None
    families = sorted(built["latest"])
    rng = random.Random(7)
    with Store.open(path, create=False) as store:
        for n in range(drafts):
            family = rng.choice(families)
            document, truth = draft(built, family, seed=n)
            started = time.perf_counter()
            search = find_precedents(store, document, top=3, min_share=0.5)
            elapsed = time.perf_counter() - started
            if first is None:
                first = elapsed  # the first search reads the index from disk
            seconds.append(elapsed)
            for paragraph in search.paragraphs:
                source = truth[paragraph.id]
                if source is None:
                    new_total += 1
                    new_right += not paragraph.precedents
                    continue
                expected = round(kept_share(diff_texts(source, paragraph.text)), 3)
                if expected < 0.5:
                    continue
                total += 1
                best = paragraph.precedents[0].similarity if paragraph.precedents else 0.0
                found += best >= expected
    seconds.sort()
    return {"drafts": drafts, "draft_paragraphs": DRAFT_PARAGRAPHS, "first_seconds": round(first, 2),
            "median_seconds": round(seconds[len(seconds) // 2], 2), "max_seconds": round(seconds[-1], 2),
            "recall": round(found / total, 4) if total else None, "with_precedent": total,
            "new_reported_new": f"{new_right}/{new_total}"}


def run(paragraphs: int, folder: Path | None = None) -> dict:
    import tempfile

    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        path = Path(tmp) / "store.db"
        built = build(path, paragraphs)
        result = measure(path, built)
    summary = {k: v for k, v in built.items() if k not in ("latest", "chain")}
    summary.update(result)
    summary["verdicts"] = {"seconds": result["max_seconds"] <= TARGET_SECONDS,
                           "recall": (result["recall"] or 0) >= TARGET_RECALL}
    return summary


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(json.dumps(run(count), indent=2))
