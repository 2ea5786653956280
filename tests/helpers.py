"""Building small documents for tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from resdiff.model import Document, Paragraph, ParagraphKind

SMALL = Path(__file__).resolve().parent / "fixtures" / "small" / "documents.py"


def document(preambular: list[str], operative: list[str], symbol: str = "A/TEST/L.1",
             language: str = "en", title: str = "Test resolution") -> Document:
    """A document with the given preambular and operative texts, numbered in order."""
    paragraphs = [Paragraph(f"PP{i}", ParagraphKind.PREAMBULAR, None, text)
                  for i, text in enumerate(preambular, 1)]
    paragraphs += [Paragraph(f"OP{i}", ParagraphKind.OPERATIVE, i, text)
                   for i, text in enumerate(operative, 1)]
    return Document(symbol=symbol, title=title, language=language, paragraphs=tuple(paragraphs))


def rows(comparison) -> list[tuple]:
    """Each change as (old ids, new ids, kind, moved, renumbered)."""
    return [(c.old, c.new, c.kind.value, c.moved, c.renumbered) for c in comparison.changes]


def small_comparison():
    """The small case that pins the HTML and Markdown golden files (tests/fixtures/small)."""
    spec = importlib.util.spec_from_file_location("small_documents", SMALL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.comparison()
