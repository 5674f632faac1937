"""An indexed store of a timeline's events, for views of 10^5–10^6 events that must not hold them all.

One SQLite file, built once from ``events.json`` (or from events in memory) and reused while the
file is unchanged:

* ``events``: each event's JSON by ``ord``, its rank in time order (start, end, date, id; undated
  last), so the events of a date range are near one another and "the first N by date" are the
  smallest ords; ``id`` is indexed for a lookup by id;
* ``documents``: each article's JSON by file, read one at a time when an event's sources are shown;
* ``columns``: per event, typed arrays (NumPy ``.npy`` bytes) of the day ordinals, scores and the
  codes of the caller's keys, which a reader loads in milliseconds and filters and counts as
  vectors: a filter over a million events is a few NumPy operations, not a table scan;
* ``words``: an FTS5 index of the folded titles and passages (rowid = ord), for a text filter.

Which keys are coded (tone, category, lanes ...) is the caller's: ``keys`` maps a name to a
function giving one value per event, ``sets`` to one giving several (actors, languages ...).
``stamp`` names the source file's state and the keys' definition; a reader asks ``is_fresh``.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import orjson

from extract.model import Document, Event
from extract.store import collector_paused, document_from_json, document_json, event_from_json
from extract.workspace import search

INDEX_VERSION = "2"
_BATCH = 20_000  # rows per executemany: bounded memory while a million are written
_IN_CHUNK = 500  # ords per "IN (...)" query, under SQLite's parameter limit
_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events (ord INTEGER PRIMARY KEY, id TEXT NOT NULL, body BLOB NOT NULL);
CREATE TABLE documents (file TEXT PRIMARY KEY, body BLOB NOT NULL);
CREATE TABLE columns (name TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE VIRTUAL TABLE words USING fts5(body, content='', tokenize='unicode61 remove_diacritics 0');
"""

Keys = Mapping[str, Callable[[Event], str]]
Sets = Mapping[str, Callable[[Event], Iterable[str]]]


def time_order(event: Event) -> tuple:
    """The order events are shown in: by date, undated last (as ``dashboard.filters``)."""
    return (event.start is None, event.start or "", event.end or "", event.date, event.id)


def _day(iso: str | None) -> int:
    return date.fromisoformat(iso).toordinal() if iso else 0


def _codes(values: list[int], distinct: int) -> np.ndarray:
    """Codes in the narrowest type that holds them: less to read when the page opens."""
    narrowest = np.uint8 if distinct <= 2**8 else np.uint16 if distinct <= 2**16 else np.int32
    return np.array(values, dtype=narrowest)


def _text(event: Event) -> str:
    """What the text filter reads: title, summary, passages and source titles, folded."""
    parts = [event.title, event.summary_en, *(s.passage for s in event.sources)]
    parts += [s.title or "" for s in event.sources]
    return search.folded(" ".join(parts))


def build(
    target: Path, documents: Iterable[dict], events: list[Event], keys: Keys, sets: Sets, stamp: str
) -> None:
    """Write the index of ``events`` (any order) and ``documents`` (``document_json`` form) to
    ``target``, replacing it in one step: a reader sees the old file or the whole new one."""
    events = sorted(events, key=time_order)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        with collector_paused(), sqlite3.connect(partial) as db:
            db.execute("PRAGMA journal_mode = OFF")  # a new file, renamed only when complete
            db.execute("PRAGMA synchronous = OFF")
            db.executescript(_SCHEMA)
            _write_rows(db, documents, events)
            _write_columns(db, events, keys, sets)
            meta = {"version": INDEX_VERSION, "stamp": stamp, "count": str(len(events))}
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            db.execute("CREATE UNIQUE INDEX events_id ON events (id)")
        db.close()
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def build_from_json(target: Path, events_json: Path, keys: Keys, sets: Sets, stamp: str) -> int:
    """``build`` from a saved timeline (read whole, once); returns the number of events."""
    with collector_paused():
        data = orjson.loads(events_json.read_bytes())
        events = [event_from_json(e) for e in data.pop("events")]
    build(target, data["documents"], events, keys, sets, stamp)
    return len(events)


def _batches(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for row in rows:
        batch.append(row)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_rows(db: sqlite3.Connection, documents: Iterable[dict], events: list[Event]) -> None:
    for batch in _batches((d["file"], orjson.dumps(d)) for d in documents):
        db.executemany("INSERT OR REPLACE INTO documents VALUES (?, ?)", batch)
    for batch in _batches((n, e.id, orjson.dumps(e)) for n, e in enumerate(events)):
        db.executemany("INSERT INTO events VALUES (?, ?, ?)", batch)
    for batch in _batches((n, _text(e)) for n, e in enumerate(events)):
        db.executemany("INSERT INTO words (rowid, body) VALUES (?, ?)", batch)


def _write_columns(db: sqlite3.Connection, events: list[Event], keys: Keys, sets: Sets) -> None:
    columns: dict[str, np.ndarray] = {
        "start_day": np.array([_day(e.start) for e in events], dtype=np.int32),
        "end_day": np.array([_day(e.end) for e in events], dtype=np.int32),
        "relevance": np.array([e.relevance for e in events], dtype=np.float32),
        "goldstein": np.array([e.goldstein for e in events], dtype=np.float32),
    }
    values: dict[str, list[str]] = {}
    for name, value_of in keys.items():
        codes: dict[str, int] = {}
        coded = [codes.setdefault(value_of(e), len(codes)) for e in events]
        columns[f"key:{name}"] = _codes(coded, len(codes))
        values[name] = list(codes)
    for name, values_of in sets.items():
        codes = {}
        pairs = [
            (n, codes.setdefault(v, len(codes))) for n, e in enumerate(events) for v in set(values_of(e))
        ]
        columns[f"set:{name}:event"] = np.array([n for n, _ in pairs], dtype=np.int32)
        columns[f"set:{name}:value"] = _codes([code for _, code in pairs], len(codes))
        values[name] = list(codes)
    # Raw bytes, their type in "types": a reader takes them as they are (np.frombuffer, no copy).
    rows = [(name, array.tobytes()) for name, array in columns.items()]
    rows.append(("types", orjson.dumps({name: array.dtype.str for name, array in columns.items()})))
    rows.append(("values", orjson.dumps(values)))
    db.executemany("INSERT INTO columns VALUES (?, ?)", rows)


@dataclass(frozen=True)
class Coded:
    """One coded key: a code per event, and the value each code stands for."""

    codes: np.ndarray
    values: list[str]

    def of(self, wanted: Iterable[str]) -> np.ndarray:
        """Which events have one of the ``wanted`` values."""
        chosen = [n for n, v in enumerate(self.values) if v in set(wanted)]
        return np.isin(self.codes, chosen)


@dataclass(frozen=True)
class CodedSet:
    """A key with several values per event, as (event, value code) pairs."""

    count: int  # events
    events: np.ndarray
    codes: np.ndarray
    values: list[str]

    def of(self, wanted: Iterable[str]) -> np.ndarray:
        """Which events have at least one of the ``wanted`` values."""
        chosen = [n for n, v in enumerate(self.values) if v in set(wanted)]
        found = np.zeros(self.count, dtype=bool)
        found[self.events[np.isin(self.codes, chosen)]] = True
        return found


class EventIndex:
    """A built index, read-only, shared by threads (a lock guards its one connection)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self.meta = dict(self._db.execute("SELECT key, value FROM meta"))
        self.count = int(self.meta["count"])
        arrays = {name: data for name, data in self._db.execute("SELECT name, data FROM columns")}
        values, types = orjson.loads(arrays.pop("values")), orjson.loads(arrays.pop("types"))
        loaded = {name: np.frombuffer(data, dtype=types[name]) for name, data in arrays.items()}
        self.start_day: np.ndarray = loaded["start_day"]
        self.end_day: np.ndarray = loaded["end_day"]
        self.relevance: np.ndarray = loaded["relevance"]
        self.goldstein: np.ndarray = loaded["goldstein"]
        self.dated: np.ndarray = (self.start_day > 0) & (self.end_day > 0)
        self.keys = {
            name.removeprefix("key:"): Coded(array, values[name.removeprefix("key:")])
            for name, array in loaded.items()
            if name.startswith("key:")
        }
        self.sets = {
            name: CodedSet(self.count, loaded[f"set:{name}:event"], loaded[f"set:{name}:value"], values[name])
            for name in values
            if f"set:{name}:event" in loaded
        }

    @staticmethod
    def is_fresh(path: Path, stamp: str) -> bool:
        """Whether ``path`` holds a complete index made for ``stamp``."""
        if not path.is_file():
            return False
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
                meta = dict(db.execute("SELECT key, value FROM meta"))
            db.close()
        except sqlite3.Error:
            return False
        return meta.get("version") == INDEX_VERSION and meta.get("stamp") == stamp

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def events(self, ords: Iterable[int]) -> list[Event]:
        """The events of ``ords``, in time order."""
        wanted = sorted(int(n) for n in ords)
        bodies: list[bytes] = []
        with self._lock, collector_paused():
            for at in range(0, len(wanted), _IN_CHUNK):
                chunk = wanted[at : at + _IN_CHUNK]
                marks = ",".join("?" * len(chunk))
                query = (
                    f"SELECT body FROM events WHERE ord IN ({marks}) ORDER BY ord"  # marks: "?,?", not input
                )
                bodies += [body for (body,) in self._db.execute(query, chunk)]
            return [event_from_json(orjson.loads(body)) for body in bodies]

    def event(self, event_id: str) -> Event | None:
        with self._lock:
            row = self._db.execute("SELECT body FROM events WHERE id = ?", (event_id,)).fetchone()
        return event_from_json(orjson.loads(row[0])) if row else None

    def document(self, file: str) -> Document | None:
        with self._lock:
            row = self._db.execute("SELECT body FROM documents WHERE file = ?", (file,)).fetchone()
        return document_from_json(orjson.loads(row[0])) if row else None

    def matching(self, query: str) -> np.ndarray:
        """Which events hold every word of ``query`` (folded, actors' aliases too) in their title,
        summary, passages or source titles."""
        found = np.zeros(self.count, dtype=bool)
        query_terms = search.terms(query)
        if not query_terms:  # no word in it (punctuation only): no text filter
            return ~found
        with self._lock:
            rows = self._db.execute(
                "SELECT rowid FROM words WHERE words MATCH ?", (search.fts_query(query_terms),)
            )
            found[np.fromiter((n for (n,) in rows), dtype=np.int64)] = True
        return found


def document_rows(documents: Iterable[Document]) -> Iterator[dict]:
    """Documents in the form ``build`` takes."""
    return (document_json(d) for d in documents)
