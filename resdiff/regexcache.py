"""Compiled regular expressions kept between runs of the command.

Python compiles every regular expression anew in each process, and resdiff's parser and text
module hold well over a hundred, some over the whole Han range: a fifth of a warm comparison's
time went into compiling them. The command (``resdiff.__main__``) calls ``load()`` first: it
puts the patterns a previous run compiled straight into the ``re`` module's own cache, built
from their stored compiled form, and at exit stores those this process compiled anew.

Nothing else changes: the patterns are the ``re`` module's own objects, made by the same
internal constructor ``re.compile`` calls, from the code ``re.compile`` makes; each is checked
equal (flags, code, groups) to a fresh compilation before it is stored. The file is named by the
interpreter's version and the regular expression engine's, carries a checksum, and is read
only when both match; ``RESDIFF_CACHE=0`` turns it off with the segmentation cache. Where any of
this is missing (another interpreter, an unwritable folder), patterns compile as usual.
The library never calls ``load()``: only the command keeps this cache.
"""

from __future__ import annotations

import importlib
import os
import re
import sys

# At most this many patterns are kept; past it the file starts afresh.
MAX_PATTERNS = 2000
_FORMAT = 1
_loaded: set[tuple] = set()
_path: str | None = None
# What the engine's constructor was given for each pattern compiled in this process, by the
# compiled pattern: its stored form, without parsing and compiling the pattern again at exit.
_made: dict = {}
_constructor = None  # the engine's own constructor, where _record replaced it


def _engine():
    """The ``re`` internals this cache relies on, or None where they differ (another
    interpreter or version): then there is no cache."""
    try:
        # the regular expression engine's C module, which ``re`` has loaded already
        sre = importlib.import_module("_sre")
        compiler, parser = re._compiler, re._parser
    except (ImportError, AttributeError):
        return None
    if sys.implementation.name != "cpython" or not isinstance(getattr(re, "_cache", None), dict):
        return None
    return sre, compiler, parser


def cache_path() -> str | None:
    """The cache file for this interpreter, or None when caching is off."""
    if os.environ.get("RESDIFF_CACHE", "1").strip().lower() in {"0", "no", "off", "false"}:
        return None
    engine = _engine()
    if engine is None:
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{engine[0].MAGIC}-{sys.maxsize.bit_length()}"
    return os.path.join(base, "resdiff", f"regex-v{_FORMAT}-{tag}.marshal")


def load() -> None:
    """Fill the ``re`` module's cache from the file, and store at exit what this process adds."""
    global _path
    _share_charsets()
    _path = cache_path()
    if _path is None:
        return
    import atexit

    atexit.register(save)
    engine = _engine()
    assert engine is not None
    sre = engine[0]
    _record(sre)
    try:
        with open(_path, "rb") as handle:
            data = handle.read()
    except OSError:
        return
    entries = _decode(data)
    cache = re._cache  # type: ignore[attr-defined]
    for kind, pattern, flags, final_flags, code, groups, groupindex, indexgroup in entries:
        key = (bytes if kind else str, pattern, flags)
        try:
            cache[key] = sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
        except Exception:  # a stored form this engine refuses: compiled anew when used
            continue
        _loaded.add(key)


def _share_charsets() -> None:
    """Optimize each distinct character set once in this process, however many patterns hold it.

    ``re`` turns a class such as the Han range ``[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]``
    into its compiled form by marking its 28,000 code points one by one in Python, for each
    pattern that holds it (twice when a pattern opens with it): a comparison of Chinese drafts
    did that 14 times, two fifths of all the work of compiling its patterns on a first run,
    before this module keeps them. The optimizer (``re._compiler._optimize_charset``) is a
    function of its arguments only, and what it returns is only read: its answer for a set it
    has seen, with the same case-folding functions, is kept and given again; and a set without
    case folding is optimized as ``_optimize_plain`` does it, the same answer, a range marked at
    once. Every pattern compiles to the same code as before (tests/test_pattern_compile.py
    compares them all, and the two optimizers on made-up sets). Where ``re`` has no such
    function (another interpreter or version), nothing changes."""
    compiler = getattr(re, "_compiler", None)
    optimize = getattr(compiler, "_optimize_charset", None)
    if optimize is None or getattr(optimize, "_resdiff_shares", False):
        return
    known: dict = {}
    # The optimizer these versions have (the same text from 3.10 to 3.13), which _optimize_plain follows.
    plain = sys.version_info[:2] in {(3, 11), (3, 12), (3, 13)}

    def shared(charset, iscased=None, fixup=None, fixes=None):
        try:
            key = (tuple(charset), iscased, fixup, fixes is not None)
            found = known.get(key)
        except TypeError:  # pragma: no cover - the parser gives sets of hashable items
            return optimize(charset, iscased, fixup, fixes)
        if found is None:
            if fixup is None and plain:
                found = known[key] = _optimize_plain(compiler, charset)
            else:
                found = known[key] = optimize(charset, iscased, fixup, fixes)
        return list(found[0]), found[1]

    shared._resdiff_shares = True  # type: ignore[attr-defined]
    shared.__wrapped__ = optimize  # type: ignore[attr-defined]
    compiler._optimize_charset = shared  # type: ignore[union-attr]


def _optimize_plain(compiler, charset: list) -> tuple[list, bool]:
    """``re._compiler._optimize_charset(charset)`` of Python 3.11 to 3.13, without case folding,
    the same answer, but a range's code points marked at once, not one by one in a loop."""
    LITERAL, RANGE, NEGATE = compiler.LITERAL, compiler.RANGE, compiler.NEGATE
    out: list = []
    tail: list = []
    charmap = bytearray(256)
    for op, av in charset:
        if op is LITERAL or op is RANGE:
            low, high = (av, av) if op is LITERAL else av
            if high >= 256 and len(charmap) == 256:  # a code point past Latin-1: the whole BMP's map
                charmap += b"\0" * 0xFF00
            if low <= 0xFFFF:
                top = min(high, 0xFFFF)
                charmap[low:top + 1] = b"\1" * (top + 1 - low)
            if high > 0xFFFF:  # past the BMP: kept as it is (a range, once its BMP part is marked)
                tail.append((op, av))
        elif op is NEGATE:
            out.append((op, av))
        else:
            tail.append((op, av))
    # What follows is the optimizer's own: the map as at most two runs, a bitmap, or chunks.
    runs: list | None = []
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        if len(runs) >= 2:  # type: ignore[arg-type]
            runs = None
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))  # type: ignore[union-attr]
            break
        runs.append((p, q))  # type: ignore[union-attr]
    if runs is not None:
        for p, q in runs:
            out.append((LITERAL, p) if q - p == 1 else (RANGE, (p, q - 1)))
        out += tail
        return (out, False) if len(out) < len(charset) else (charset, False)
    if len(charmap) == 256:
        out.append((compiler.CHARSET, compiler._mk_bitmap(charmap)))
        out += tail
        return out, False
    whole = bytes(charmap)
    comps: dict = {}
    mapping = bytearray(256)
    block = 0
    data = bytearray()
    for i in range(0, 65536, 256):
        chunk = whole[i: i + 256]
        if chunk in comps:
            mapping[i // 256] = comps[chunk]
        else:
            mapping[i // 256] = comps[chunk] = block
            block += 1
            data += chunk
    bitmap = compiler._mk_bitmap(data)
    bitmap[0:0] = [block] + compiler._bytes_to_codes(mapping)
    out.append((compiler.BIGCHARSET, bitmap))
    out += tail
    return out, False


def _record(sre) -> None:
    """Note what ``re`` gives the engine's constructor for each pattern it compiles from now on
    (the pattern, its final flags, its code, groups and group names): the stored form ``_entry``
    would otherwise make by parsing and compiling every new pattern a second time at exit,
    which on a first run cost as much as compiling them."""
    global _constructor
    constructor = sre.compile
    if getattr(constructor, "_resdiff_records", False):
        return
    _constructor = constructor

    def compile(pattern, flags, code, groups, groupindex, indexgroup):
        compiled = constructor(pattern, flags, code, groups, groupindex, indexgroup)
        try:
            _made[compiled] = (flags, code, groups, groupindex, indexgroup)
        except TypeError:  # pragma: no cover - a pattern object is always hashable
            pass
        return compiled

    compile._resdiff_records = True  # type: ignore[attr-defined]
    sre.compile = compile


def _recorded(key: tuple, compiled: re.Pattern) -> tuple | None:
    """The stored form of a pattern compiled after ``load()``, from what its constructor was
    given, if rebuilding it from that gives the same pattern; None otherwise."""
    made = _made.get(compiled)
    engine = _engine()
    if made is None or engine is None:
        return None
    kind, pattern, flags = key
    if kind not in (str, bytes) or not isinstance(flags, int):
        return None
    final_flags, code, groups, groupindex, indexgroup = made
    try:
        entry = (kind is bytes, pattern, flags, int(final_flags), [int(c) for c in code], int(groups),
                 dict(groupindex), tuple(indexgroup))
        rebuilt = (_constructor or engine[0].compile)(pattern, *entry[3:])
    except Exception:
        return None
    if rebuilt != compiled or rebuilt.groupindex != compiled.groupindex or rebuilt.groups != compiled.groups:
        return None
    return entry


def _decode(data: bytes) -> list:
    from .checkedfile import load

    entries = load(data)
    return entries if isinstance(entries, list) else []


def _entry(key: tuple, compiled: re.Pattern) -> tuple | None:
    """The stored form of one compiled pattern, if rebuilding it gives the same pattern."""
    engine = _engine()
    if engine is None:
        return None
    sre, compiler, parser = engine
    kind, pattern, flags = key
    if kind not in (str, bytes) or not isinstance(flags, int):
        return None
    try:
        parsed = parser.parse(pattern, flags)
        code = compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (kind is bytes, pattern, flags, int(flags | parsed.state.flags), [int(c) for c in code],
                 parsed.state.groups - 1, groupindex, tuple(indexgroup))
        rebuilt = sre.compile(pattern, *entry[3:])
    except Exception:
        return None
    if rebuilt != compiled or rebuilt.groupindex != compiled.groupindex or rebuilt.groups != compiled.groups:
        return None
    return entry


def save() -> None:
    """Add the patterns this process compiled to the file (written whole, then renamed into
    place); never raise."""
    if _path is None:
        return
    cache = getattr(re, "_cache", {})
    new = [(key, compiled) for key, compiled in list(cache.items()) if key not in _loaded]
    if not new:
        return
    from .checkedfile import store

    try:
        with open(_path, "rb") as handle:
            entries = _decode(handle.read())
    except OSError:
        entries = []
    known = {(e[0], e[1], e[2]) for e in entries}
    for key, compiled in new:
        if (key[0] is bytes, key[1], key[2]) in known:
            continue
        entry = _recorded(key, compiled) or _entry(key, compiled)
        if entry is not None:
            entries.append(entry)
    if len(entries) > MAX_PATTERNS:
        entries = entries[-MAX_PATTERNS // 2:]
    store(_path, entries)
