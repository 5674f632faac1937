"""The workspace file: an SQLite database in WAL mode, its schema and its connections.

Every statement binds its values as parameters; no text from an article or an analyst is ever
part of an SQL string. The edit log is append-only: triggers refuse to change or delete a row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA_VERSION = 3  # 2: additions; 3: an event's status (an older file gets what it lacks when first opened)
BUSY_TIMEOUT_MS = 15_000  # another session's write waits its turn instead of failing

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    file TEXT PRIMARY KEY,
    title TEXT, outlet TEXT, url TEXT, published TEXT, language TEXT,
    attribution TEXT NOT NULL,  -- JSON list
    regions TEXT NOT NULL,      -- JSON list of [start, end]
    body_end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    ord INTEGER PRIMARY KEY,    -- the extractor's order
    id TEXT NOT NULL,
    date TEXT NOT NULL, precision TEXT NOT NULL, start TEXT, "end" TEXT, mod TEXT,
    title TEXT NOT NULL, summary_en TEXT NOT NULL,
    actors TEXT NOT NULL,       -- JSON list
    category TEXT NOT NULL, tone TEXT NOT NULL, goldstein REAL NOT NULL, relevance REAL NOT NULL,
    extra TEXT NOT NULL,        -- JSON object
    status TEXT NOT NULL DEFAULT 'happened'  -- last: the column an older file is given
);
CREATE TABLE IF NOT EXISTS sources (
    event_ord INTEGER NOT NULL REFERENCES events(ord) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    file TEXT NOT NULL, title TEXT, outlet TEXT, url TEXT, published TEXT, language TEXT,
    passage_start INTEGER NOT NULL, passage_end INTEGER NOT NULL, passage TEXT NOT NULL,
    passage_hash TEXT NOT NULL,
    timex_start INTEGER NOT NULL, timex_end INTEGER NOT NULL, timex_text TEXT NOT NULL,
    PRIMARY KEY (event_ord, ord)
);
CREATE TABLE IF NOT EXISTS log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,   -- the same decision in two workspaces (a colleague's import)
    at TEXT NOT NULL,           -- ISO time, UTC
    author TEXT NOT NULL,
    action TEXT NOT NULL,
    anchors TEXT NOT NULL,      -- JSON: the sources the decision concerns (extract/workspace/anchors.py)
    payload TEXT NOT NULL,      -- JSON object
    undoes TEXT                 -- uid of the decision an 'undo' cancels
);
-- Articles uploaded in the app (extract/workspace/additions.py): kept through every rebuild.
CREATE TABLE IF NOT EXISTS additions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    digest TEXT NOT NULL UNIQUE,  -- of its documents and events: the same upload is added once
    name TEXT NOT NULL,           -- the file's name as given
    at TEXT NOT NULL,
    author TEXT NOT NULL,
    documents TEXT NOT NULL,      -- JSON list, with the names they have in the workspace
    events TEXT NOT NULL          -- JSON list
);
CREATE TRIGGER IF NOT EXISTS log_no_update BEFORE UPDATE ON log
BEGIN SELECT RAISE(ABORT, 'the edit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS log_no_delete BEFORE DELETE ON log
BEGIN SELECT RAISE(ABORT, 'the edit log is append-only'); END;
-- Search: text already folded (extract/workspace/search.py), one row per title, passage or note.
-- kind: 'title' (ref = event ord), 'passage' (ref = event ord), 'note' (ref = log seq).
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    kind UNINDEXED, ref UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 0'
);
"""


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the workspace at ``path``, created with its schema when missing.

    Autocommit mode: each change is one explicit ``BEGIN IMMEDIATE`` transaction (``transaction``).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")  # a constant, not input
    connection.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on disk when the call returns, so even a power cut keeps it.
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    if connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        # Created here (or by another process at the same moment: IF NOT EXISTS makes that harmless).
        connection.executescript(
            f"BEGIN IMMEDIATE; {_SCHEMA} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
        )
        with transaction(connection):  # a file of version 2 or before: its events table lacks the status
            columns = {row[1] for row in connection.execute("PRAGMA table_info(events)")}
            if "status" not in columns:
                connection.execute("ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'happened'")
                # the extraction it holds was taken without statuses: the next ``follow`` takes it again
                connection.execute("DELETE FROM meta WHERE key IN ('events_json_stat', 'events_json_sha1')")
    return connection


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of it is committed, or none of it (an error or a killed
    process rolls it back). ``IMMEDIATE`` takes the write lock first, so two sessions queue."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def get_meta(connection: sqlite3.Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(connection: sqlite3.Connection, key: str, value: str) -> None:
    connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
