"""The small cache files of resdiff (compiled patterns, compiled record methods): a value written
with ``marshal`` behind a CRC-32 of its bytes, written whole and renamed into place, so that a
file cut short, damaged or written by another version is read as empty, never wrongly."""

from __future__ import annotations

import os


def load(data: bytes) -> object | None:
    """The value stored in ``data``, or None when its checksum or content does not hold.

    >>> load(dump_bytes([1, "a"])), load(b"\\x00\\x00\\x00\\x00junk"), load(b"")
    ([1, 'a'], None, None)
    """
    import marshal
    from binascii import crc32

    if len(data) < 4 or int.from_bytes(data[:4], "little") != crc32(data[4:]):
        return None
    try:
        return marshal.loads(data[4:])
    except (EOFError, ValueError, TypeError):
        return None


def dump_bytes(value: object) -> bytes:
    """``value`` marshalled behind its checksum."""
    import marshal
    from binascii import crc32

    payload = marshal.dumps(value)  # type: ignore[arg-type]  # lists, dicts, code objects
    return crc32(payload).to_bytes(4, "little") + payload


def store(path: str, value: object) -> None:
    """Write ``value`` to ``path`` through a temporary file renamed into place; never raise (a
    cache that cannot be written only makes resdiff slower)."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        data = dump_bytes(value)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except (OSError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass
