"""The version store: every version of a resolution a user has added, in one SQLite file.

The store lives in ``.resdiff/store.db`` under the current folder unless ``--store PATH`` or the
``RESDIFF_STORE`` variable say otherwise. Writes create it; reads never do. Every write is one
``BEGIN IMMEDIATE`` transaction, so two ``resdiff add`` at once queue up instead of losing
anything, and a process killed mid-write leaves the store as it was.

Versions of one resolution form a *family*, learnt from what the documents say (a report's
"submitted on the basis of informal consultations held on draft resolution …", a resolution's
"[without reference to a Main Committee (A/80/L.11)]"), from the same title in the same session,
from Rev.N symbols, and from ``resdiff add --follows``.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import os
import re
import sqlite3
import stat
import zlib
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal, overload

from .errors import StoreError
from .history import Link, session_of
from .i18n import N_, Message, _, os_reason
from .model import Document, Footnote, Item, Paragraph, ParagraphKind
from .text import fold, normalize

__all__ = [
    "SCHEMA_VERSION", "DEFAULT_PATH", "Incoming", "Version", "Added", "Store",
    "store_path", "content_hash", "resolver", "repeated_texts", "stored_languages",
]

SCHEMA_VERSION = 5
DEFAULT_PATH = Path(".resdiff") / "store.db"
# How long a writer waits for another writer's transaction before giving up, in seconds.
BUSY_TIMEOUT = 60.0

_SQLITE_MAGIC = b"SQLite format 3\x00"

# Version 1: documents and the links between them.
_SCHEMA_V1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    revision INTEGER NOT NULL,
    title TEXT,
    language TEXT NOT NULL,
    date TEXT,
    source TEXT,
    content_hash TEXT NOT NULL,
    content TEXT NOT NULL,
    UNIQUE (symbol, revision)
);
CREATE TABLE links (
    predecessor TEXT NOT NULL,
    successor TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (predecessor, successor)
);
"""

# Version 2: where a document came from (session, agenda item, the report that carried it), so
# that versions with the same title in one session, and resolutions adopted "on the report of"
# a committee, find their family.
_MIGRATE_V1_V2 = """
ALTER TABLE documents ADD COLUMN session TEXT;
ALTER TABLE documents ADD COLUMN agenda_item TEXT;
ALTER TABLE documents ADD COLUMN report TEXT;
CREATE INDEX documents_symbol ON documents (symbol);
"""


# Version 3 (additive): documents fetched by symbol keep the file as downloaded and where and
# when it came from; the Digital Library's record of a symbol (title, date, agenda item, vote);
# and revisions counted within a language (a symbol's Chinese and English texts are each
# revision 1 of their language; `revision` stays unique per symbol, as before).
_MIGRATE_V2_V3 = """
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    symbol TEXT NOT NULL,
    language TEXT NOT NULL,
    kind TEXT NOT NULL,
    url TEXT NOT NULL,
    final_url TEXT,
    content_type TEXT,
    fetched_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL
);
CREATE TABLE records (
    symbol TEXT PRIMARY KEY,
    title TEXT,
    date TEXT,
    agenda TEXT,
    votes_for INTEGER,
    votes_against INTEGER,
    votes_abstaining INTEGER,
    url TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
ALTER TABLE documents ADD COLUMN file INTEGER REFERENCES files (id);
ALTER TABLE documents ADD COLUMN edition INTEGER;
CREATE INDEX documents_file ON documents (file);
"""

# Version 4 (additive): every stored paragraph in a table of its own, with an index of its
# shingles for precedent search (see precedent.py), and the resolutions each document cites
# ("Recalling its resolution 77/171 …"), which tie the sessions of a recurring resolution into
# one family. (The first stores of version 4 kept a trigram full-text index instead: version 5
# drops it and builds the sketches.)
_MIGRATE_V3_V4 = """
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents (id),
    pid TEXT NOT NULL,
    position INTEGER NOT NULL,
    language TEXT NOT NULL,
    session INTEGER,
    text TEXT NOT NULL
);
CREATE INDEX paragraphs_document ON paragraphs (document);
CREATE TABLE IF NOT EXISTS paragraph_sketches (
    hash INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    PRIMARY KEY (hash, paragraph)
) WITHOUT ROWID;
CREATE TABLE citations (
    document INTEGER NOT NULL REFERENCES documents (id),
    cited TEXT NOT NULL,
    PRIMARY KEY (document, cited)
) WITHOUT ROWID;
"""

# Version 5: the trigram index gives way to a sketch index of the paragraphs (bottom-k MinHash
# of their shingles), which finds candidates in a large store many times faster; see precedent.py.
_MIGRATE_V4_V5 = """
DROP TABLE IF EXISTS paragraph_terms;
DROP TABLE IF EXISTS paragraph_index;
CREATE TABLE IF NOT EXISTS paragraph_sketches (
    hash INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    PRIMARY KEY (hash, paragraph)
) WITHOUT ROWID;
"""

# A resolution cited in a text: 77/171, ES-11/1 (not the tail of a symbol such as A/79/123).
_CITATION = re.compile(r"(?<![/\w.\-])(\d{1,3}|ES-\d{1,2})/(\d{1,4})(?![/\w])")


def citations(document: Document) -> list[str]:
    """The General Assembly resolutions a document's paragraphs cite, as symbols, in order.

    >>> from .model import Paragraph, ParagraphKind
    >>> citations(Document(symbol="A/RES/80/27", title=None, language="en", paragraphs=(
    ...     Paragraph("PP1", ParagraphKind.PREAMBULAR, 1,
    ...               "Recalling its resolutions 78/36 of 4 December 2023 and 79/25 (A/79/123),"),)))
    ['A/RES/78/36', 'A/RES/79/25']
    """
    found: list[str] = []
    for paragraph in document.paragraphs:
        for session, number in _CITATION.findall(paragraph.body):
            symbol = f"A/RES/{session}/{int(number)}"
            if symbol != document.symbol and symbol not in found:
                found.append(symbol)
    return found


def session_number(symbol: str | None, date: str | None) -> int | None:
    """A session as a number: 65 for A/RES/65/141; for an emergency special session, the
    regular session under way at its date (ES-11 in March 2022: 76)."""
    session = session_of(symbol) if symbol else None
    if session and session.isdigit():
        return int(session)
    if date and date[:4].isdigit():
        year, month = int(date[:4]), date[5:7]
        return year - 1945 - (1 if month.isdigit() and int(month) < 9 else 0)
    return None


# Sketches: a paragraph's shingles are its runs of SHINGLE words (Chinese characters count as
# words), hashed; its sketch is the SKETCH smallest hashes (a bottom-k MinHash).
SHINGLE = 3
SKETCH = 12
_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+")


def shingles(text: str) -> set[int]:
    """The hashed shingles of a text: CRC-32 of each run of SHINGLE words, normalised and case-folded.

    >>> len(shingles("Decides to remain seized of the matter;"))
    5
    """
    tokens = _TOKEN.findall(fold(text).casefold())
    if len(tokens) < SHINGLE:
        return {zlib.crc32(" ".join(tokens).encode("utf-8"))} if tokens else set()
    return {zlib.crc32(" ".join(tokens[k:k + SHINGLE]).encode("utf-8")) for k in range(len(tokens) - SHINGLE + 1)}


def sketch(text: str) -> list[int]:
    """The SKETCH smallest shingle hashes of a text: what the store's sketch index keeps of it."""
    return heapq.nsmallest(SKETCH, shingles(text))


def index_text(text: str) -> str:
    """A paragraph's text as the trigram index holds it: normalised width and spacing."""
    return fold(text)


def store_path(store: str | os.PathLike | None = None) -> Path:
    """The store file: ``store`` if given, else $RESDIFF_STORE, else .resdiff/store.db here."""
    if store:
        return Path(store)
    env = os.environ.get("RESDIFF_STORE")
    return Path(env) if env else DEFAULT_PATH


# --- documents as stored -------------------------------------------------------------------------


def _content(document: Document) -> dict:
    return {
        "paragraphs": [
            {"id": p.id, "kind": p.kind.value, "number": p.number, "text": p.text,
             "items": [{"label": i.label, "text": i.text, "footnotes": list(i.footnotes),
                        **({"brackets": i.brackets} if i.brackets != "()" else {})} for i in p.items],
             "footnotes": list(p.footnotes)}
            for p in document.paragraphs
        ],
        "footnotes": [{"mark": f.mark, "text": f.text} for f in document.footnotes],
    }


def _stored(document: Document) -> dict:
    """What a version's row holds: its paragraphs and footnotes (which its hash covers) and the
    parts of its header it prints (which a later file of the same text may print otherwise: a
    draft's sponsors line is not part of its wording)."""
    data = _content(document)
    # where each paragraph's footnote marks stand (not covered by the hash, so that versions
    # stored before marks had places still match their texts); absent in stores written before
    for row, paragraph in zip(data["paragraphs"], document.paragraphs, strict=True):
        if paragraph.footnotes and len(paragraph.marks_at) == len(paragraph.footnotes):
            row["marks_at"] = list(paragraph.marks_at)
        for item_row, item in zip(row["items"], paragraph.items, strict=True):
            if item.footnotes and len(item.marks_at) == len(item.footnotes):
                item_row["marks_at"] = list(item.marks_at)
            if item.parent is not None:
                # the item it sits under ("c" for (c)(ii)); not covered by the hash either, as
                # versions stored before kept no parent
                item_row["parent"] = item.parent
    header = {key: value for key, value in (("chapeau", document.chapeau), ("agenda_item", document.agenda_item),
                                            ("sponsors", document.sponsors)) if value is not None}
    if header:
        data["header"] = header
    if document.furniture:
        # the lines the file left out as page furniture, so that a comparison of stored versions
        # accounts for them as one of the files does
        data["furniture"] = [_furniture_row(line) for line in document.furniture]
    return data


def _furniture_row(line: str) -> dict | str:
    """A furniture line as stored: a message's template and arguments ("line {line}: {text}",
    "page {page}: {text}", "table {table}, row {row}: {text}"), so that it reads back in the
    interface's language; plain text as it is."""
    arguments = getattr(line, "arguments", None)
    if arguments is not None and all(isinstance(v, (str, int)) for v in arguments.values()):
        return {"template": line.template, "arguments": dict(arguments)}  # type: ignore[attr-defined]
    return str(line)


def _furniture_line(row: dict | list | str) -> str:
    if isinstance(row, dict):
        return Message(str(row["template"]), **row["arguments"])
    if isinstance(row, list):  # [line number, text], as the first stores of furniture kept it
        number, text = row
        return str(text) if number is None else Message(N_("line {line}: {text}"), line=int(number), text=str(text))
    return str(row)


def _canonical(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_hash(document: Document) -> str:
    """SHA-256 of a document's paragraphs and footnotes: equal texts, equal hashes."""
    return hashlib.sha256(_canonical(_content(document)).encode("utf-8")).hexdigest()


def _header_differs(row: sqlite3.Row, document: Document) -> bool:
    """True when a stored version of the same wording differs from ``document`` where `diff` would
    count a change: the title, or the agenda item, sponsors line or chapeau both print, beyond width
    and spacing; or the date both carry."""
    if normalize(row["title"] or "") != normalize(document.title or ""):
        return True
    if row["date"] and document.date and row["date"] != document.date:
        return True
    try:
        header = json.loads(row["content"]).get("header", {})
    except (ValueError, AttributeError):
        return False
    for key in ("agenda_item", "sponsors", "chapeau"):
        before, after = header.get(key), getattr(document, key)
        if before is not None and after is not None and normalize(before) != normalize(after):
            return True
    return False


def _marks_moved(row: sqlite3.Row, document: Document) -> bool:
    """True when a stored version of the same wording sets a footnote mark on other words than
    ``document`` does (a change `diff` counts), where both know their marks' places (the hash
    leaves the places out, so that versions stored before marks had places still match)."""
    try:
        stored = json.loads(row["content"])["paragraphs"]
    except (ValueError, KeyError, TypeError):
        return False
    if len(stored) != len(document.paragraphs):
        return False
    for entry, paragraph in zip(stored, document.paragraphs, strict=True):
        pairs = [(entry, paragraph)] + list(zip(entry.get("items", ()), paragraph.items, strict=False))
        for before, now in pairs:
            places = before.get("marks_at") if isinstance(before, dict) else None
            if places is not None and len(now.marks_at) == len(now.footnotes) and list(now.marks_at) != places:
                return True
    return False


class _DamagedRecord(Exception):
    """A stored row whose content cannot be read back (damaged JSON, a truncated record)."""


def _record_name(row: sqlite3.Row) -> str:
    try:
        return f"{row['symbol']} revision {row['revision']}"
    except (IndexError, KeyError):  # pragma: no cover - every row has them
        return "a record"


def _document(row: sqlite3.Row) -> Document:
    try:
        return _read_document(row)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _DamagedRecord(f"{_record_name(row)}: {type(exc).__name__}") from None


def _read_document(row: sqlite3.Row) -> Document:
    data = json.loads(row["content"])
    paragraphs = tuple(
        Paragraph(
            id=p["id"], kind=ParagraphKind(p["kind"]), number=p["number"], text=p["text"],
            items=tuple(Item(i["label"], i["text"], tuple(i["footnotes"]), parent=i.get("parent"),
                             brackets=i.get("brackets", "()"), marks_at=tuple(i.get("marks_at", ())))
                        for i in p["items"]),
            footnotes=tuple(p["footnotes"]),
            marks_at=tuple(p.get("marks_at", ())),
        )
        for p in data["paragraphs"]
    )
    footnotes = tuple(Footnote(f["mark"], f["text"]) for f in data["footnotes"])
    header = data.get("header", {})
    return Document(symbol=row["symbol"], title=row["title"], language=row["language"],
                    paragraphs=paragraphs, footnotes=footnotes, source=row["source"], date=row["date"],
                    chapeau=header.get("chapeau"), agenda_item=header.get("agenda_item"),
                    sponsors=header.get("sponsors"),
                    furniture=tuple(_furniture_line(row) for row in data.get("furniture", ())))


@dataclass(frozen=True, slots=True)
class Incoming:
    """A document to add, with what its file says about where it came from."""

    document: Document
    report: str | None = None
    agenda_item: str | None = None
    links: tuple[Link, ...] = ()
    # ('draft', symbol) or ('report', symbol): what an adopted resolution says it came from
    origins: tuple[tuple[str, str], ...] = ()
    follows: str | None = None


@dataclass(frozen=True, slots=True)
class Version:
    """One stored version: a symbol at one revision."""

    id: int
    symbol: str
    revision: int
    title: str | None
    language: str
    date: str | None
    source: str | None
    content_hash: str
    session: str | None
    agenda_item: str | None
    report: str | None
    counts: tuple[int, int, int]  # preambular, operative, annex paragraphs (as parse counts them)

    @property
    def label(self) -> str:
        """The symbol, with the revision when there is more than one ('A/C.2/65/L.56 rev 2')."""
        return self.symbol if self.revision == 1 else f"{self.symbol} rev {self.revision}"


@dataclass(frozen=True, slots=True)
class Added:
    """What ``add`` did with one document: 'added', 'revised' or 'unchanged'."""

    status: str
    version: Version
    # a new revision whose text is that of an earlier revision of its language (an oral revision
    # withdrawn): that revision's number
    text_of: int | None = None


def _natural(symbol: str) -> tuple:
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"(\d+)", symbol.upper()))


def _report_key(symbol: str | None) -> str | None:
    """The session/number tail that identifies a report however its symbol is printed (65/433)."""
    if not symbol:
        return None
    numbers = re.findall(r"/(\d+)(?=/|$)", symbol.split("/Add.")[0])
    return "/".join(numbers[-2:]) if len(numbers) >= 2 else None


def _title_key(title: str | None) -> str | None:
    if not title:
        return None
    key = re.sub(r"[\W_]+", "", fold(title).casefold())
    return key or None


def _title_overlap(a: str | None, b: str | None) -> float:
    """Shared words of two titles over the words of either (0 when one is missing)."""
    wa, wb = (set(re.findall(r"\w+", fold(t or "").casefold())) for t in (a, b))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


# --- the store -----------------------------------------------------------------------------------


class Store:
    """An open version store. Use ``Store.open(path, create=…)`` and close it (or use ``with``)."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    # opening ------------------------------------------------------------------------------------

    @overload
    @classmethod
    def open(cls, path: str | os.PathLike, *, create: Literal[True]) -> Store: ...

    @overload
    @classmethod
    def open(cls, path: str | os.PathLike, *, create: bool) -> Store | None: ...

    @classmethod
    def open(cls, path: str | os.PathLike, *, create: bool) -> Store | None:
        """Open the store at ``path``; None if it does not exist and ``create`` is false."""
        path = Path(path)
        try:
            mode: int | None = path.stat().st_mode
        except (FileNotFoundError, NotADirectoryError):
            mode = None
        except OSError as exc:  # a name too long, a loop of links, no permission
            raise StoreError(_("cannot open the store {path}: {reason}; give --store PATH "
                               "(or set RESDIFF_STORE) to another store").format(
                path=path, reason=os_reason(exc))) from None
        if mode is not None and stat.S_ISDIR(mode):
            raise StoreError(_("{path} is a folder, not a store file: give --store a file path such as {example}").format(
                path=path, example=path / "store.db"))
        if mode is not None and not stat.S_ISREG(mode):
            # SQLite would wait on a pipe for ever, and read or write a device
            from .parse.reading import file_kind

            raise StoreError(_("the store {path} is {kind}, not a store file: give --store the path "
                               "of a store, or a new file name to start one").format(path=path, kind=_(file_kind(mode) or N_("not a regular file"))))
        if mode is None:
            if not create:
                return None
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(_("cannot create the store folder {folder}: {reason}; "
                                   "give --store PATH (or set RESDIFF_STORE) somewhere writable").format(
                    folder=path.parent, reason=os_reason(exc))) from None
        else:
            cls._check_header(path)
        try:
            connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(_("cannot open the store {path}: {reason}; give --store PATH (or set RESDIFF_STORE) "
                               "somewhere writable").format(path=path, reason=exc)) from None
        connection.row_factory = sqlite3.Row
        store = cls(path, connection)
        try:
            store._prepare(create)
        except BaseException:
            connection.close()
            raise
        return store

    @staticmethod
    def _check_header(path: Path) -> None:
        try:
            with open(path, "rb") as handle:
                head = handle.read(16)
        except OSError as exc:
            raise StoreError(_("cannot read the store {path}: {reason}").format(path=path, reason=os_reason(exc))) \
                from None
        if head and head != _SQLITE_MAGIC:
            raise StoreError(_("{path} is not a resdiff store (not an SQLite database): "
                               "give --store the path of a store, or a new file name to start one").format(path=path))

    def _prepare(self, create: bool) -> None:
        with self._errors():
            self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
            self._db.execute("PRAGMA foreign_keys = ON")
            version, tables = self._snapshot()
            if version == SCHEMA_VERSION:
                return
            if version > SCHEMA_VERSION:
                raise StoreError(_("the store {path} was written by a newer resdiff (schema {version}, "
                                   "this one knows {known}): upgrade resdiff").format(
                    path=self.path, version=version, known=SCHEMA_VERSION))
            if version == 0 and tables:
                raise StoreError(_("{path} is an SQLite database but not a resdiff store "
                                   "(it holds tables {tables}): give --store another path").format(
                    path=self.path, tables=", ".join(sorted(tables))))
            if version == 0 and not create:
                return  # an empty file: nothing stored, and a read must not write
            self._write(self._migrate)

    def _snapshot(self) -> tuple[int, set[str]]:
        """The schema version and the tables, read in one transaction.

        Read apart, another process creating the store between the two reads shows its tables
        under the version 0 read before: a new store would look like a foreign database.
        """
        self._db.execute("BEGIN")
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            self._db.execute("COMMIT")
        return version, tables

    def _tables(self) -> set[str]:
        with self._errors():
            return {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def _migrate(self) -> None:
        # Re-read inside the transaction: another process may have migrated meanwhile.
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            for statement in _statements(_SCHEMA_V1):
                self._db.execute(statement)
            version = 1
        if version == 1:
            for statement in _statements(_MIGRATE_V1_V2):
                self._db.execute(statement)
            rows = self._db.execute("SELECT id, symbol FROM documents").fetchall()
            for row in rows:
                self._db.execute("UPDATE documents SET session = ? WHERE id = ?",
                                 (session_of(row["symbol"]), row["id"]))
            version = 2
        if version == 2:
            for statement in _statements(_MIGRATE_V2_V3):
                self._db.execute(statement)
            counts: dict[tuple[str, str], int] = {}
            for row in self._db.execute("SELECT id, symbol, language FROM documents ORDER BY id").fetchall():
                key = (row["symbol"], row["language"])
                counts[key] = counts.get(key, 0) + 1
                self._db.execute("UPDATE documents SET edition = ? WHERE id = ?", (counts[key], row["id"]))
            version = 3
        if version == 3:
            for statement in _statements(_MIGRATE_V3_V4):
                self._db.execute(statement)
            for row in self._db.execute("SELECT * FROM documents ORDER BY id").fetchall():
                try:
                    document = _document(row)
                except _DamagedRecord:
                    continue  # reads of it say so; the index leaves it out
                self._index_document(row["id"], document)
            version = 4
        if version == 4:
            for statement in _statements(_MIGRATE_V4_V5):
                self._db.execute(statement)
            for row in self._db.execute("SELECT id, text FROM paragraphs ORDER BY id").fetchall():
                self._db.executemany("INSERT OR IGNORE INTO paragraph_sketches (hash, paragraph) VALUES (?, ?)",
                                     [(h, row["id"]) for h in sketch(row["text"])])
            version = 5
        self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # transactions and errors --------------------------------------------------------------------

    def _errors(self):
        store = self

        class _Guard:
            def __enter__(self):
                return None

            def __exit__(self, kind, exc, tb):
                if isinstance(exc, _DamagedRecord):
                    raise StoreError(_("the store {path} holds a damaged record ({reason}): restore it "
                                       "from a backup, or move it aside and add the files again").format(
                        path=store.path, reason=exc)) from None
                if exc is None or not isinstance(exc, sqlite3.Error):
                    return False
                message = str(exc)
                if isinstance(exc, sqlite3.OperationalError) and "locked" in message:
                    raise StoreError(_("the store {path} stayed locked by another resdiff for "
                                       "{seconds} s: try again when it has finished").format(
                        path=store.path, seconds=f"{BUSY_TIMEOUT:.0f}")) from None
                if isinstance(exc, sqlite3.OperationalError) and "readonly" in message.replace(" ", "").lower():
                    raise StoreError(_("the store {path} is read-only: give --store PATH (or set "
                                       "RESDIFF_STORE) to a store you can write").format(path=store.path)) from None
                if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError) \
                        or "malformed" in message or "not a database" in message:
                    raise StoreError(_("the store {path} is damaged ({reason}): restore it from a "
                                       "backup, or move it aside to start a new one").format(
                        path=store.path, reason=message)) from None
                raise StoreError(_("the store {path} cannot do this: {reason}").format(path=store.path, reason=message)) \
                    from None

        return _Guard()

    def _write(self, work: Callable[[], object]):
        """Run ``work`` in one immediate transaction: all of it is stored, or none."""
        with self._errors():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                result = work()
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            return result

    def _stored(self) -> bool:
        return "documents" in self._tables()

    # writing ------------------------------------------------------------------------------------

    def add(self, incoming: Iterable[Incoming], *, download=None, record=None,
            several: Collection[tuple[str | None, str]] | None = None) -> list[Added]:
        """Store documents in one transaction; each is added, a new revision, or unchanged.

        A text equal to the latest revision of its symbol and language is unchanged; one equal to
        an earlier revision is a new revision (the text has gone back to that wording), unless the
        same command gives several texts of that symbol and language: they are its history added
        again, and a text already stored is unchanged. ``several`` names those (symbol, language)
        pairs for a command that stores its files in more than one call; by default, the pairs
        this batch holds more than once.

        ``download`` (a fetch.Download) is the file the documents were read from, kept with them;
        ``record`` (a fetch.Record) is the Digital Library's record of the symbol fetched.
        """
        batch = list(incoming)
        if several is None:
            several = repeated_texts(batch)

        def work() -> list[Added]:
            file_id = self._insert_file(download) if download is not None else None
            if record is not None:
                self._put_record(record)
            return [self._add_one(item, file_id, replay=(item.document.symbol, item.document.language) in several)
                    for item in batch]

        return self._write(work)

    def _insert_file(self, download) -> int:
        cursor = self._db.execute(
            "INSERT INTO files (symbol, language, kind, url, final_url, content_type, fetched_at, sha256, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (download.symbol, download.language, download.kind, download.url, download.final_url,
             download.content_type, download.fetched_at, download.sha256, download.data))
        return _row_id(cursor)

    def _put_record(self, record) -> None:
        votes = record.votes or (None, None, None)
        self._db.execute(
            "INSERT OR REPLACE INTO records (symbol, title, date, agenda, votes_for, votes_against, "
            "votes_abstaining, url, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record.symbol, record.title, record.date, record.agenda, *votes, record.url, record.fetched_at))

    def _add_one(self, item: Incoming, file_id: int | None = None, *, replay: bool = False) -> Added:
        document = item.document
        if not document.symbol and not document.title:
            raise StoreError(_("{source}: no symbol found (and no title); name the file after its symbol "
                               "(A_C.2_65_L.22.txt)").format(source=document.source or _("a document")))
        if not document.symbol:
            raise StoreError(_("{source}: no symbol found for a document titled {title}; name the file after "
                               "its symbol (A_C.2_65_L.22.txt)").format(
                source=document.source or _("a document"), title=repr(document.title)))
        digest = content_hash(document)
        rows = self._db.execute("SELECT * FROM documents WHERE symbol = ? ORDER BY revision",
                                (document.symbol,)).fetchall()
        # Revisions are counted within a language: the English text of a Chinese draft is no revision of it.
        in_language = [r for r in rows if r["language"] == document.language]
        # The same wording, and the same title, date and header as far as a comparison would tell
        # them apart: a new sponsors line, title or date is a new revision, as `diff` counts it a change.
        same = [r for r in in_language
                if r["content_hash"] == digest and not _header_differs(r, document) and not _marks_moved(r, document)]
        text_of = None
        if same and (same[-1]["id"] == in_language[-1]["id"] or replay):
            # the latest revision again, or (a command adding a symbol's history again) any stored one
            row = same[-1]
            # Learn what a later file says about a known text (a date, a report), without a new revision.
            self._db.execute(
                "UPDATE documents SET date = COALESCE(date, ?), agenda_item = COALESCE(agenda_item, ?), "
                "report = COALESCE(report, ?), file = COALESCE(?, file) WHERE id = ?",
                (document.date, item.agenda_item, item.report, file_id, row["id"]))
            status = "unchanged"
            version_id = row["id"]
        else:
            # a new text, or the text of an earlier revision come back (an oral revision withdrawn):
            # the store's latest revision is always the text last given
            if same:
                text_of = _version(same[-1]).revision
            status = "revised" if in_language else "added"
            revision = max((r["revision"] for r in rows), default=0) + 1
            version_id = self._insert_document(item, digest, revision)
            self._db.execute("UPDATE documents SET edition = ?, file = ? WHERE id = ?",
                             (len(in_language) + 1, file_id, version_id))
        for link in item.links:
            self._link(link.predecessor, link.successor, link.reason)
        for kind, symbol in item.origins:
            prefix = "report:" if kind == "report" else ""
            self._link(prefix + symbol, document.symbol, "adopted text" if kind == "draft" else "report")
        if item.follows:
            self._link(item.follows, document.symbol, "--follows")
        row = self._db.execute("SELECT * FROM documents WHERE id = ?", (version_id,)).fetchone()
        return Added(status, _version(row), text_of)

    def _insert_document(self, item: Incoming, digest: str, revision: int) -> int:
        document = item.document
        cursor = self._db.execute(
            "INSERT INTO documents (symbol, revision, title, language, date, source, content_hash, content, "
            "session, agenda_item, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (document.symbol, revision, document.title, document.language, document.date, document.source,
             digest, _canonical(_stored(document)), session_of(document.symbol) if document.symbol else None, item.agenda_item, item.report))
        document_id = _row_id(cursor)
        self._index_document(document_id, document)
        return document_id

    def _index_document(self, document_id: int, document: Document) -> None:
        """The document's paragraphs in the paragraph table and the trigram index, and its citations."""
        session = session_number(document.symbol, document.date)
        start = self._db.execute("SELECT COALESCE(MAX(id), 0) FROM paragraphs").fetchone()[0] + 1
        rows = [(start + n, document_id, p.id, n, document.language, session, p.body)
                for n, p in enumerate(document.paragraphs)]
        self._db.executemany(
            "INSERT INTO paragraphs (id, document, pid, position, language, session, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        self._db.executemany("INSERT OR IGNORE INTO paragraph_sketches (hash, paragraph) VALUES (?, ?)",
                             [(h, row[0]) for row in rows for h in sketch(row[6])])
        self._db.executemany("INSERT OR IGNORE INTO citations (document, cited) VALUES (?, ?)",
                             [(document_id, cited) for cited in citations(document)])

    def _link(self, predecessor: str, successor: str, reason: str) -> None:
        if predecessor == successor:
            return
        self._db.execute("INSERT OR IGNORE INTO links (predecessor, successor, reason) VALUES (?, ?, ?)",
                         (predecessor, successor, reason))

    # reading ------------------------------------------------------------------------------------

    def versions(self) -> list[Version]:
        """Every stored version, in the order they were added."""
        if not self._stored():
            return []
        with self._errors():
            return [_version(r) for r in self._db.execute("SELECT * FROM documents ORDER BY id")]

    def document(self, version: Version) -> Document:
        """The stored document of ``version``, exactly as it was parsed."""
        with self._errors():
            row = self._db.execute("SELECT * FROM documents WHERE id = ?", (version.id,)).fetchone()
            return _document(row)

    def record(self, symbol: str):
        """The Digital Library's record of ``symbol`` (a fetch.Record), or None."""
        if "records" not in self._tables():
            return None
        with self._errors():
            row = self._db.execute("SELECT * FROM records WHERE symbol = ?", (symbol,)).fetchone()
        if row is None:
            return None
        from .fetch import Record

        votes = (row["votes_for"], row["votes_against"], row["votes_abstaining"])
        return Record(symbol=row["symbol"], title=row["title"], date=row["date"], agenda=row["agenda"],
                      votes=votes if any(v is not None for v in votes) else None,
                      url=row["url"], fetched_at=row["fetched_at"])

    def file(self, version: Version) -> dict | None:
        """The file ``version`` was fetched from: url, final_url, content_type, fetched_at,
        sha256, kind, size and data; None for a version added from a file on disk."""
        if "files" not in self._tables():
            return None
        with self._errors():
            row = self._db.execute(
                "SELECT files.* FROM files JOIN documents ON documents.file = files.id WHERE documents.id = ?",
                (version.id,)).fetchone()
        if row is None:
            return None
        return {"url": row["url"], "final_url": row["final_url"], "content_type": row["content_type"],
                "fetched_at": row["fetched_at"], "sha256": row["sha256"], "kind": row["kind"],
                "size": len(row["data"]), "data": bytes(row["data"])}

    def links(self) -> list[tuple[str, str, str]]:
        """Every (predecessor, successor, reason) the store has learnt."""
        if not self._stored():
            return []
        with self._errors():
            return [(r[0], r[1], r[2]) for r in self._db.execute(
                "SELECT predecessor, successor, reason FROM links ORDER BY predecessor, successor")]

    def find(self, wanted: str, language: str | None = None) -> list[Version]:
        """Versions of the one symbol ``wanted`` names ('L.22' is enough; 'L.56@2' picks a revision),
        in ``language`` when it is given.

        Raises StoreError if it names several symbols; an empty list if none.
        """
        versions = self.versions()
        if language is not None:
            versions = [v for v in versions if v.language == language]
        key, _at, revision = wanted.strip().partition("@")
        key = re.sub(r"\s+", "", key).upper()
        symbols = list(dict.fromkeys(v.symbol for v in versions))
        # (compared without spaces, as the key is: "A/RES/79/247 B" is found by "247 B" and "247B";
        # "79/247" names the parts A and B of a resolution adopted in parts, and so several symbols)
        squeezed = {s: re.sub(r"\s+", "", s).upper() for s in symbols}
        exact = [s for s in symbols if squeezed[s] == key]
        matches = exact or [s for s in symbols if squeezed[s].endswith("/" + key)] or \
            [s for s in symbols if squeezed[s].endswith(key)] or \
            [s for s in symbols if re.sub(r"\s+", "", re.sub(r"\s[A-H](?:-[A-H])?$", "", s)).upper().endswith(("/" + key, key))]
        if len(matches) > 1:
            raise StoreError(_("{wanted} names several stored symbols ({symbols}): give more of the symbol").format(
                wanted=repr(wanted), symbols=", ".join(sorted(matches))))
        if not matches:
            return []
        found = [v for v in versions if v.symbol == matches[0]]
        if revision:
            if not revision.isdigit():
                raise StoreError(_("{wanted}: after @ give a revision number, such as {example}").format(
                    wanted=repr(wanted), example=f"{matches[0]}@2"))
            found = [v for v in found if v.revision == int(revision)]
            if not found:
                raise StoreError(_("{symbol} has no revision {revision} (it has {revisions})").format(
                    symbol=matches[0], revision=revision,
                    revisions=", ".join(str(v.revision) for v in self.find(matches[0], language))))
        return found

    def families(self) -> list[list[Version]]:
        """Every family, each in order from first version to last; families by their first version."""
        versions = self.versions()
        if not versions:
            return []
        by_symbol: dict[str, list[Version]] = {}
        for version in versions:
            by_symbol.setdefault(version.symbol, []).append(version)
        symbols = sorted(by_symbol)
        first = {s: by_symbol[s][0] for s in symbols}
        edges = self._edges(by_symbol)
        parent = {s: s for s in symbols}

        def root(s: str) -> str:
            while parent[s] != s:
                parent[s] = parent[parent[s]]
                s = parent[s]
            return s

        def union(a: str, b: str) -> None:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        for a, b in edges:
            union(a, b)
        # Same title, same session, same agenda item (where both name one): one resolution's versions.
        groups: dict[tuple, list[str]] = {}
        for s in symbols:
            v = first[s]
            title = _title_key(v.title)
            if title and v.session:
                groups.setdefault((v.session, v.language, title), []).append(s)
        for members in groups.values():
            for a in members[1:]:
                va, vb = first[members[0]], first[a]
                if va.agenda_item and vb.agenda_item and va.agenda_item != vb.agenda_item:
                    continue
                union(members[0], a)
        sessions = self._session_edges(by_symbol)
        for a, b in sessions:
            union(a, b)
        edges = sorted(set(edges) | set(sessions))
        components: dict[str, list[str]] = {}
        for s in symbols:
            components.setdefault(root(s), []).append(s)
        families = []
        for members in components.values():
            ordered = _order(members, [(a, b) for a, b in edges if a in members], first)
            families.append([v for s in ordered for v in by_symbol[s]])
        families.sort(key=lambda f: _sort_key(f[0]))
        return families

    def family(self, version: Version) -> list[Version]:
        """The versions of ``version``'s family, in order."""
        for members in self.families():
            if any(v.id == version.id for v in members):
                return members
        return [version]

    def _session_edges(self, by_symbol: dict[str, list[Version]]) -> list[tuple[str, str]]:
        """Year-over-year succession: (earlier, later) for a text that cites an earlier resolution
        of nearly the same title, and for the same title in an earlier session (same language)."""
        edges = []
        with self._errors():
            tables = self._tables()
            rows = self._db.execute(
                "SELECT d.symbol, c.cited FROM citations c JOIN documents d ON d.id = c.document"
            ).fetchall() if "citations" in tables else []
        for citing, cited in rows:
            if citing not in by_symbol or cited not in by_symbol:
                continue
            a, b = by_symbol[cited][0], by_symbol[citing][0]
            if a.language == b.language and _sort_key(a)[0] < _sort_key(b)[0] \
                    and _title_overlap(a.title, b.title) >= 0.5:
                edges.append((cited, citing))
        by_title: dict[tuple, list[Version]] = {}
        for versions in by_symbol.values():
            key = _title_key(versions[0].title)
            if key:
                by_title.setdefault((versions[0].language, key), []).append(versions[0])
        for members in by_title.values():
            members.sort(key=_sort_key)
            for a, b in zip(members, members[1:]):
                if _sort_key(a)[0] < _sort_key(b)[0]:
                    edges.append((a.symbol, b.symbol))
        return sorted(set(edges))

    def _edges(self, by_symbol: dict[str, list[Version]]) -> list[tuple[str, str]]:
        edges = []
        for predecessor, successor, _reason in self.links():
            if successor not in by_symbol:
                continue
            if predecessor.startswith("report:"):
                key = _report_key(predecessor[len("report:"):])
                carried = [s for s, vs in by_symbol.items() if _report_key(vs[0].report) == key and s != successor]
                # The report's recommended draft is the last one it records.
                if carried:
                    edges.append((max(carried, key=lambda s: _sort_key(by_symbol[s][0])), successor))
            elif predecessor in by_symbol:
                edges.append((predecessor, successor))
        for symbol in by_symbol:
            match = re.match(r"^(.*)/Rev\.(\d+)$", symbol)
            if match:
                base, n = match.group(1), int(match.group(2))
                earlier = [f"{base}/Rev.{k}" for k in range(n - 1, 0, -1)] + [base]
                for candidate in earlier:
                    if candidate in by_symbol:
                        edges.append((candidate, symbol))
                        break
        return sorted(set(edges))


def repeated_texts(batch: Iterable[Incoming]) -> set[tuple[str | None, str]]:
    """The (symbol, language) pairs of which ``batch`` holds more than one text."""
    seen: set[tuple[str | None, str]] = set()
    repeated: set[tuple[str | None, str]] = set()
    for item in batch:
        key = (item.document.symbol, item.document.language)
        (repeated if key in seen else seen).add(key)
    return repeated


def _row_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT has just added."""
    rowid = cursor.lastrowid
    assert rowid is not None  # set by every INSERT
    return rowid


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _version(row: sqlite3.Row) -> Version:
    try:
        return _read_version(row)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _DamagedRecord(f"{_record_name(row)}: {type(exc).__name__}") from None


def _read_version(row: sqlite3.Row) -> Version:
    content = json.loads(row["content"])
    pp = sum(1 for p in content["paragraphs"] if p["kind"] == ParagraphKind.PREAMBULAR.value)
    # (a part's or annex's headings and an annex's paragraphs are neither)
    op = sum(1 for p in content["paragraphs"] if p["kind"] == ParagraphKind.OPERATIVE.value)
    annex = sum(1 for p in content["paragraphs"] if p["kind"] == ParagraphKind.ANNEX.value)
    edition = row["edition"] if "edition" in row.keys() else None
    return Version(id=row["id"], symbol=row["symbol"], revision=edition or row["revision"], title=row["title"],
                   language=row["language"], date=row["date"], source=row["source"],
                   content_hash=row["content_hash"], session=row["session"],
                   agenda_item=row["agenda_item"], report=row["report"],
                   counts=(pp, op, annex))


def _sort_key(version: Version) -> tuple:
    """Drafts of a session, then its resolutions, then the next session; by date, then symbol."""
    session = version.session or ""
    if session.isdigit():
        session_key = int(session)
    elif version.date:
        session_key = int(version.date[:4]) - 1945
    else:
        session_key = 0
    adopted = 1 if "/RES/" in version.symbol.upper() else 0
    return (session_key, adopted, version.date or "", _natural(version.symbol))


def _order(members: list[str], edges: list[tuple[str, str]], first: dict[str, Version]) -> list[str]:
    """Members in succession order: predecessors first, else by session, date and symbol."""
    incoming = {s: 0 for s in members}
    out: dict[str, list[str]] = {s: [] for s in members}
    for a, b in set(edges):
        if a in incoming and b in incoming:
            incoming[b] += 1
            out[a].append(b)
    remaining = set(members)
    ordered = []
    while remaining:
        ready = [s for s in remaining if incoming[s] == 0] or list(remaining)  # a cycle: break it
        chosen = min(ready, key=lambda s: _sort_key(first[s]))
        ordered.append(chosen)
        remaining.discard(chosen)
        for b in out[chosen]:
            incoming[b] -= 1
    return ordered


# --- diff's view of the store --------------------------------------------------------------------


def resolver(store_path_arg: str | os.PathLike | None,
             language: str | None = None) -> Callable[[str], tuple[Document, ...] | None]:
    """A function from a symbol to its stored document (None when nothing is stored under it),
    in ``language`` when it is given.

    The store is opened only when the function is called, and never created.
    """
    def resolve(arg: str) -> tuple[Document, ...] | None:
        path = store_path(store_path_arg)
        try:
            if not path.exists() or path.is_dir():
                return None
        except OSError:
            pass  # a name too long, a loop of links: opening it names the problem
        store = Store.open(path, create=False)
        if store is None:
            return None
        with store:
            found = store.find(arg, language)
            if not found:
                return None
            chosen = found[-1]
            document = store.document(chosen)
            # Where the store holds several revisions of the symbol (in the version's language),
            # the views name the one taken: "L.41 rev 1 → L.41 rev 2".
            revisions = [v for v in store.find(chosen.symbol, chosen.language) if v.symbol == chosen.symbol]
            if len(revisions) > 1:
                document = replace(document, revision=chosen.revision)
            return (document,)

    return resolve


def stored_languages(store_path_arg: str | os.PathLike | None, wanted: str) -> dict[str, int]:
    """The languages in which the store holds what ``wanted`` names ('L.15', 'L.15@2': that
    revision of its language), each with when its version was stored (a number that grows),
    the language stored last at the end; {} when nothing is stored under it. The store is never
    created."""
    path = store_path(store_path_arg)
    try:
        if not path.exists() or path.is_dir():
            return {}
    except OSError:
        return {}
    store = Store.open(path, create=False)
    if store is None:
        return {}
    with store:
        try:
            found = store.find(wanted)
        except StoreError:
            return {}  # (several symbols, no such revision: the reading says so)
    last: dict[str, int] = {}
    for version in found:
        last[version.language] = version.id
    return dict(sorted(last.items(), key=lambda item: item[1]))


# --- lineage: pure functions over the documents of a family --------------------------------------


def change_summary(summary: dict[str, int]) -> str:
    """A comparison's counts in one line, as log shows them: '+2 −3 ~21 merged 2 moved 5'.

    >>> change_summary({"added": 2, "removed": 3, "modified": 21, "merged": 0, "split": 0,
    ...                 "moved": 5, "renumbered": 1, "unchanged": 4})
    '+2 −3 ~21 moved 5 renumbered 1'
    """
    parts = [f"+{summary['added']}", f"\u2212{summary['removed']}", f"~{summary['modified']}"]
    for name in ("merged", "split", "moved", "renumbered"):
        if summary.get(name):
            parts.append(f"{name} {summary[name]}")
    return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Step:
    """What became of a paragraph's text in one version of its family."""

    version: int  # index into the family's versions
    id: str  # the paragraph's id in that version
    kind: str  # 'original', 'added', or a change kind (modified, merged, split)
    previous: tuple[str, ...] = ()  # its ids in the version before
    moved: bool = False
    renumbered: bool = False


@dataclass(frozen=True, slots=True)
class Blame:
    """Where one paragraph of the last version came from, and each version that changed it."""

    id: str
    origin: int  # index of the earliest version holding it or a predecessor
    origin_ids: tuple[str, ...]
    steps: tuple[Step, ...]


def blame(documents: list[Document], comparisons: list) -> tuple[Blame, ...]:
    """Trace each paragraph of ``documents[-1]`` back through ``comparisons`` (one per consecutive pair).

    ``comparisons[k]`` compares ``documents[k]`` with ``documents[k + 1]``.
    """
    target = documents[-1]
    by_new = []
    for comparison in comparisons:
        index = {}
        for change in comparison.changes:
            for pid in change.new:
                index[pid] = change
        by_new.append(index)
    result = []
    for paragraph in target.paragraphs:
        ids: tuple[str, ...] = (paragraph.id,)
        steps: list[Step] = []
        origin = 0
        k = len(documents) - 1
        while k > 0:
            changes = [by_new[k - 1][pid] for pid in ids if pid in by_new[k - 1]]
            change = changes[0] if changes else None
            here = ids[0]
            if change is None or change.kind.value == "added":
                steps.append(Step(k, here, "added"))
                origin = k
                break
            if change.kind.value != "unchanged" or change.moved or change.renumbered:
                steps.append(Step(k, here, change.kind.value, change.old, change.moved, change.renumbered))
            olds: list[str] = []
            for c in changes:
                olds.extend(pid for pid in c.old if pid not in olds)
            order = {p.id: n for n, p in enumerate(documents[k - 1].paragraphs)}
            ids = tuple(sorted(olds, key=lambda pid: order.get(pid, 0)))
            k -= 1
        else:
            steps.append(Step(0, ids[0], "original"))
            origin = 0
        result.append(Blame(id=paragraph.id, origin=origin, origin_ids=ids, steps=tuple(reversed(steps))))
    return tuple(result)
