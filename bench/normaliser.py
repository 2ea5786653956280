"""Does a light normaliser help alignment in Russian, Arabic, Spanish and French? A measurement.

The aligner (resdiff.align) links paragraphs by the words they share (idf-weighted Dice over
``resdiff.text.words``: case-folded tokens, no stemming). Inflecting languages change word forms
between versions ("приветствуя" → "приветствует", "الاطراف" → "الأطراف"); a Snowball stemmer
(package ``snowballstemmer``, pure Python) would fold them. This script measures, on the real
version pairs in tests/fixtures/languages with links written by hand from reading them:

- links: how many of the hand-made links the aligner finds, and how many links it makes that
  the reader would not (all pairs are short; a wrong link is a paragraph joined to another);
- dice: the mean similarity of the true pairs, and the margin between the weakest true pair and
  the strongest false candidate (a wider margin is a safer decision),

with the words as plain case-folded tokens (the aligner before any normaliser), as resdiff reads
them now (Arabic spelling folded: hamza and alef forms, alef maqsura, tatweel, short vowels), and
stemmed by Snowball. Run: ``.venv/bin/python bench/normaliser.py``
(needs ``pip install snowballstemmer``; resdiff itself does not depend on it).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import resdiff.align as align_module  # noqa: E402
from resdiff.compare import compare  # noqa: E402
from resdiff.model import ChangeKind  # noqa: E402
from resdiff.parse import parse_file  # noqa: E402
from resdiff.text import has_cjk, normalize, tokenize, words  # noqa: E402


def plain(text: str) -> list[str]:
    """The words as the aligner read them before any normaliser: case-folded tokens."""
    return [t.casefold() for t in tokenize(normalize(text)) if t[0].isalnum() or has_cjk(t[0])]

FIXTURES = ROOT / "tests" / "fixtures" / "languages"

# (language, old, new, links a reader makes: old id -> new id)
PAIRS = [
    ("arabic", "web/S_RES_338_1973__marefa.ar.txt", "S_RES_338_1973__aljazeera.ar.txt",
     {"OP1": "OP1", "OP2": "OP2", "OP3": "OP3"}),
    ("russian", "S_RES_1263_1999__lica.ru.excerpt.txt", "S_RES_1282_1999__lica.ru.excerpt.txt",
     {"PP1": "PP1", "PP2": "PP2", "OP1": "OP1"}),
    ("russian", "web/S_RES_1224_1999__iplex360.ru.txt", "S_RES_1263_1999__lica.ru.excerpt.txt",
     {"PP1": "PP1", "OP1": "OP1"}),
    ("french", "S_RES_1754_2007__aujourdhui.fr.excerpt.txt", "S_RES_2351_2017__girlsrightsplatform.fr.excerpt.txt",
     {"PP1": "PP1", "PP2": "PP2", "PP3": "PP3", "PP4": "PP4"}),
    ("spanish", "S_2025_WesternSahara_draft_2025-10-17__moroccomail.es.excerpt.txt",
     "S_2025_WesternSahara_draft_2025-10-30__moroccomail.es.excerpt.txt",
     {"PP1": "PP1", "PP2": "PP2", "PP3": "PP3", "PP4": "PP4", "PP5": "PP5"}),
    ("spanish", "S_RES_1675_2006__spsrasd.es.excerpt.txt",
     "S_2025_WesternSahara_draft_2025-10-30__moroccomail.es.excerpt.txt",
     {"PP1": "PP1", "PP2": "PP3"}),
]


def _links(old, new) -> set[tuple[str, str]]:
    comparison = compare(old, new)
    return {(o, n) for change in comparison.changes if change.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED)
            for o in change.old for n in change.new}


def _dice(old, new, stem) -> tuple[dict[tuple[str, str], float], float]:
    side_old, side_new = align_module._Side(old), align_module._Side(new)
    scorer = align_module._Scorer(side_old, side_new)
    return {(old.paragraphs[i].id, new.paragraphs[j].id): scorer.dice(i, j)
            for i in range(side_old.size) for j in range(side_new.size)}, 0.0


def measure(language: str, old_name: str, new_name: str, truth: dict[str, str], stemmer) -> dict:
    old, new = parse_file(FIXTURES / old_name)[-1], parse_file(FIXTURES / new_name)[-1]
    if stemmer is None:
        align_module.words = plain
    elif stemmer == "resdiff":
        align_module.words = words
    else:
        align_module.words = lambda text: stemmer.stemWords(plain(text))
    try:
        found = _links(old, new)
        scores, _ = _dice(old, new, stemmer)
    finally:
        align_module.words = words
    gold = set(truth.items())
    true_scores = [scores[pair] for pair in gold]
    false_scores = [score for pair, score in scores.items() if pair not in gold
                    and (pair[0] in truth or pair[1] in truth.values())]
    return {"found": len(found & gold), "gold": len(gold), "wrong": len(found - gold),
            "mean": sum(true_scores) / len(true_scores),
            "margin": min(true_scores) - max(false_scores, default=0.0)}


def main() -> int:
    try:
        import snowballstemmer
    except ImportError:
        print("needs: pip install snowballstemmer", file=sys.stderr)
        return 2
    print(f"{'language':8} {'pair':58} {'':9} {'links':>7} {'wrong':>5} {'mean dice':>9} {'margin':>7}")
    for language, old_name, new_name, truth in PAIRS:
        for label, stemmer in (("plain", None), ("resdiff", "resdiff"), ("stemmed", snowballstemmer.stemmer(language))):
            row = measure(language, old_name, new_name, truth, stemmer)
            pair = f"{old_name.split('/')[-1][:27]} → {new_name[:27]}"
            print(f"{language:8} {pair:58} {label:9} {row['found']:>3}/{row['gold']:<3} {row['wrong']:>5} "
                  f"{row['mean']:>9.3f} {row['margin']:>7.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
