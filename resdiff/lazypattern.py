"""Regular expressions compiled the first time they are used.

Compiling a pattern costs far more than the lookup of an already compiled one, and a first
run (before ``regexcache`` keeps them) compiles every pattern a module defines as it is
imported: those of the languages the texts are not in, of committee reports when the text is a
draft, of ``resdiff check`` in ``resdiff diff``. ``lazy(pattern, flags)`` stands for
``re.compile(pattern, flags)`` and compiles it (through ``re.compile``, so ``regexcache`` keeps
it as any other) when one of its methods or attributes is first read; from then on they are the
compiled pattern's own, read as fast as a compiled pattern's. A pattern that takes work to write
(one built from a table of words) is given as a function that writes it, called then too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# What a compiled pattern offers; each is copied onto the lazy pattern once it is compiled.
_ATTRIBUTES = ("match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split", "scanner",
               "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled on first use."""

    def __init__(self, pattern: str | Callable[[], str], flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str):
        # Only reached while the pattern is not compiled yet (or for a name no pattern has).
        pattern, flags = self._source
        compiled = re.compile(pattern() if callable(pattern) else pattern, flags)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r}, {self._source[1]!r})"


def lazy(pattern: str | Callable[[], str], flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used; ``pattern`` may be a function
    that writes the pattern, called then.

    >>> words = lazy(r"\\w+")
    >>> words.findall("two words"), words.pattern
    (['two', 'words'], '\\\\w+')
    >>> lazy(lambda: "|".join(["one", "two"])).findall("one, two, three")
    ['one', 'two']
    """
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
