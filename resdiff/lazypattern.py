"""Regular expressions compiled the first time they are used.

Compiling a pattern costs far more than the lookup of an already compiled one, and a first
run (before ``regexcache`` keeps them) compiles every pattern a module defines as it is
imported: those of the languages the texts are not in, of committee reports when the text is a
draft, of ``resdiff check`` in ``resdiff diff``. ``lazy(pattern, flags)`` stands for
``re.compile(pattern, flags)`` and compiles it (through ``re.compile``, so ``regexcache`` keeps
it as any other) when one of its methods or attributes is first read; from then on they are the
compiled pattern's own, read as fast as a compiled pattern's.
"""

from __future__ import annotations

import re

# What a compiled pattern offers; each is copied onto the lazy pattern once it is compiled.
_ATTRIBUTES = ("match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split", "scanner",
               "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled on first use."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        # Only reached while the pattern is not compiled yet (or for a name no pattern has).
        compiled = re.compile(*self._source)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r}, {self._source[1]!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used.

    >>> words = lazy(r"\\w+")
    >>> words.findall("two words"), words.pattern
    (['two', 'words'], '\\\\w+')
    """
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
