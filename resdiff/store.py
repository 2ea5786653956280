"""The SQLite version store."""

from __future__ import annotations


def resolver(store_path):
    """A function from a symbol to stored documents (None when nothing is stored under it)."""
    return None
