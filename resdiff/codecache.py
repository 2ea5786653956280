"""The compiled methods of resdiff's record classes, kept between runs of the command.

``dataclasses`` writes the methods of every record class (``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, a frozen class's ``__setattr__`` …) as source text and compiles it, in
each process: compiling them was a seventh of a warm comparison's time. The command
(``resdiff.__main__``) calls ``load()`` first: from then on, ``dataclasses`` finds the code of a
text it compiled in an earlier run in this file, stored under that exact text, and at exit the
texts this process compiled anew are added.

Nothing else changes: the text is the key, so a method is built from the code ``compile`` makes
of the very text ``dataclasses`` wrote (compiled as ``exec`` compiles it: the same file name,
no inherited future flags), run as ``dataclasses`` runs it. The file is named by the
interpreter's exact version (its bytecode changes with it), carries a checksum, and is read
only when both match; ``RESDIFF_CACHE=0`` turns it off with the other caches. Where any of this is missing (an
unwritable folder, a damaged file), the methods compile as usual. The library never calls
``load()``: only the command keeps this cache.
"""

from __future__ import annotations

import builtins
import os
import sys
import types

# At most this many compiled texts are kept; past it the file starts afresh.
MAX_ENTRIES = 4000
_FORMAT = 1
_codes: dict[str, object] = {}
_new: dict[str, object] = {}
_path: str | None = None


def cache_path() -> str | None:
    """The cache file for this interpreter, or None when caching is off."""
    if os.environ.get("RESDIFF_CACHE", "1").strip().lower() in {"0", "no", "off", "false"}:
        return None
    if sys.implementation.name != "cpython":
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}"
    return os.path.join(base, "resdiff", f"code-v{_FORMAT}-{tag}.marshal")


def _exec(source, globals=None, locals=None, /, **options):
    """``exec`` as ``dataclasses`` calls it, taking the code of a text compiled before."""
    if isinstance(source, str) and not options:
        code = _codes.get(source)
        if code is None:
            code = compile(source, "<string>", "exec", dont_inherit=True)
            _codes[source] = _new[source] = code
        source = code
    return builtins.exec(source, globals, locals, **options)


def load() -> None:
    """Give ``dataclasses`` the stored code, and store at exit what this process compiles."""
    global _path
    _path = cache_path()
    if _path is None:
        return
    import atexit

    _import_dataclasses()
    import dataclasses

    try:
        with open(_path, "rb") as handle:
            _codes.update(_decode(handle.read()))
    except OSError:
        pass
    # Only the module's own name ``exec`` is bound: every other caller of exec is left alone.
    dataclasses.exec = _exec  # type: ignore[attr-defined]
    atexit.register(save)


class _Deferred(types.ModuleType):
    """Stands for a module of the standard library in one module's names until one of its own
    names is used, then hands over the real module's."""

    def __getattr__(self, name: str):
        import importlib

        return getattr(importlib.import_module(self.__name__), name)


def _import_dataclasses() -> None:
    """Import ``dataclasses`` without ``inspect``: it imports ``inspect`` (with ``ast``, ``dis``
    and ``tokenize``, a twentieth of a warm comparison) for one call, the signature it writes
    into a record class that has no docstring. Its name ``inspect`` is given a stand-in that
    imports the real module should that call come; every other module imports ``inspect`` as
    usual."""
    if "dataclasses" in sys.modules or "inspect" in sys.modules:
        return
    stand_in = _Deferred("inspect")
    sys.modules["inspect"] = stand_in
    try:
        import dataclasses  # noqa: F401
    finally:
        if sys.modules.get("inspect") is stand_in:
            del sys.modules["inspect"]


def _decode(data: bytes) -> dict[str, object]:
    from types import CodeType

    from .checkedfile import load

    entries = load(data)
    if not isinstance(entries, dict):
        return {}
    return {text: code for text, code in entries.items() if isinstance(text, str) and isinstance(code, CodeType)}


def save() -> None:
    """Add the code this process compiled to the file (written whole, then renamed into place);
    never raise."""
    if _path is None or not _new:
        return
    from .checkedfile import store

    try:
        with open(_path, "rb") as handle:
            entries = _decode(handle.read())
    except OSError:
        entries = {}
    entries.update(_new)
    if len(entries) > MAX_ENTRIES:
        entries = dict(_new)
    store(_path, entries)
