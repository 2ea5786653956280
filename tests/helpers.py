"""Building small documents for tests, and running the command as a user does."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from resdiff.model import Document, Paragraph, ParagraphKind

SMALL = Path(__file__).resolve().parent / "fixtures" / "small" / "documents.py"
ROOT = Path(__file__).resolve().parent.parent

# A resolution in two parts, each with its label, title and chapeau, as the Assembly prints one.
TWO_PARTS = (
    "78/999. Questions relating to information\n\nA\nInformation in the service of humanity\n\n"
    "The General Assembly,\n\nTaking note of the report of the Committee,\n\n"
    "1. Urges all countries to cooperate;\n\n2. Requests a report.\n\n"
    "B\nUnited Nations public information policies and activities\n\nThe General Assembly,\n\n"
    "Emphasizing the role of the Department of Global Communications,\n\n"
    "1. Reaffirms the central role of the Committee on Information;\n\n"
    "2. Requests the Department to continue its work.\n"
)


def run_command(*args: str) -> subprocess.CompletedProcess:
    """``python -m resdiff ARGS`` from the repository's folder, in an environment without the
    variables that change how output looks (colour, width)."""
    environment = {k: v for k, v in os.environ.items() if k not in {"NO_COLOR", "FORCE_COLOR", "COLUMNS"}}
    return subprocess.run([sys.executable, "-m", "resdiff", *args], capture_output=True, text=True,
                          env=environment, cwd=ROOT, timeout=120)


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
