"""The workspace: the extraction and the analyst's edit log in one SQLite file, and the curated
timeline they make.

One ``Workspace`` may serve many threads (a lock guards its connection); several processes may
open the same file at once (SQLite's WAL: readers never wait, writers queue). Each decision is one
transaction that only appends a row to the log, so two sessions editing at once both keep theirs.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import uuid
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from extract.model import Document, Event, Metadata, Source
from extract.store import collector_paused, document_from_json, document_json, event_from_json
from extract.workspace import search
from extract.workspace.additions import Added, AddedFile, Addition, digest, fitted, merged_in
from extract.workspace.anchors import SourceIndex, anchor, passage_hash, source_key
from extract.workspace.db import connect, get_meta, set_meta, transaction
from extract.workspace.decisions import (
    ACTIONS,
    Curated,
    Decision,
    DecisionError,
    Folding,
    checked_fields,
    checked_note,
    curation,
    in_force,
)

DEFAULT_PATH = Path("data/workspace.sqlite")
SEARCH_CANDIDATES = 2000  # FTS5 rows read for one search, best ranked first
MAX_AUTHOR = 200
_LOG_COLUMNS = "seq, uid, at, author, action, anchors, payload, undoes"  # a constant, never input
_ADDITION_COLUMNS = "seq, name, at, author, documents, events"
_DOCUMENT_COLUMNS = "file, title, outlet, url, published, language, attribution, regions, body_end, text"
_EVENT_COLUMNS = (
    'ord, id, date, precision, start, "end", mod, title, summary_en, actors, category, tone, goldstein, '
    "relevance, extra, status"
)


@dataclass(frozen=True)
class RebuildReport:
    """What became of the decisions when a new extraction was taken."""

    decisions: int  # in force
    moved: list[Decision]  # re-applied to a passage found by its content at new offsets
    orphans: list[Decision]  # kept in the log, but no source they name is in the extraction


@dataclass
class _Extraction:
    generation: str
    documents: list[Document]
    events: list[Event]
    index: SourceIndex


class Workspace:
    """An analyst's workspace at ``path`` (created on first use).

    Reading: ``timeline()``, ``log()``, ``orphans()``, ``search()``, ``additions()``. Deciding
    (each returns the ``Decision`` logged): ``edit``, ``hide``, ``unhide``, ``merge``, ``split``,
    ``note``, ``bookmark``, ``unbookmark``, ``review``, ``undo``. Events are named by the ``id`` of
    the curated timeline's ``Event``; every decision takes its ``author`` (free text). Uploaded
    articles join with ``add``.
    """

    def __init__(self, path: Path = DEFAULT_PATH) -> None:
        self.path = Path(path)
        self._connection = connect(self.path)
        self._lock = threading.RLock()
        self._extraction: _Extraction | None = None
        self._decisions: list[Decision] = []
        self._folding: Folding | None = None  # the decisions in force applied to the extraction
        self._curated: Curated | None = None

    @classmethod
    def open(cls, path: Path = DEFAULT_PATH, events_json: Path | None = None) -> Workspace:
        """The workspace at ``path``, following ``events_json``: created from it on first use, and
        whenever the extractor has written a different one since, it takes the new extraction
        (every decision re-applied, as with ``build --workspace``)."""
        workspace = cls(path)
        if events_json is not None:
            workspace.follow(events_json)
        return workspace

    def follow(self, events_json: Path) -> RebuildReport | None:
        """Take the extraction in ``events_json`` unless it is the one taken last (same size and
        time, or else same content); the report when it was taken, None when nothing changed."""
        from extract.store import load

        stat = events_json.stat()
        seen = f"{stat.st_size}:{stat.st_mtime_ns}"
        with self._lock:
            if self.has_extraction() and get_meta(self._connection, "events_json_stat") == seen:
                return None
            digest = hashlib.sha1(events_json.read_bytes()).hexdigest()
            if self.has_extraction() and get_meta(self._connection, "events_json_sha1") == digest:
                report = None  # the same file copied or checked out again
            else:
                report = self.take_extraction(*load(events_json))
            with transaction(self._connection):
                set_meta(self._connection, "events_json_stat", seen)
                set_meta(self._connection, "events_json_sha1", digest)
            return report

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # Reading ---------------------------------------------------------------------------------

    def has_extraction(self) -> bool:
        with self._lock:
            return get_meta(self._connection, "generation") is not None

    def timeline(self, *, include_hidden: bool = False) -> tuple[list[Document], list[Event]]:
        """The curated timeline as the extractor's types; hidden events only on request (their
        ``extra['curation']['hidden']`` is True). Treat the objects as read-only: they are shared."""
        with self._lock:
            curated = self.curated()
            extraction = self._extraction
        assert extraction is not None
        events = curated.events if include_hidden else [e for e in curated.events if not _hidden(e)]
        return extraction.documents, events

    def curated(self) -> Curated:
        """The curated timeline with how each decision fared, brought up to date with the file."""
        with self._lock:
            self._refresh()
            assert self._curated is not None
            return self._curated

    def event(self, event_id: str) -> Event:
        """The curated event ``event_id``, hidden or not; DecisionError when there is none."""
        for event in self.curated().events:
            if event.id == event_id:
                return event
        raise DecisionError(f"no event {event_id!r} in the workspace")

    def log(self) -> list[Decision]:
        """Every decision ever logged, undos too, oldest first."""
        with self._lock:
            self._refresh()
            return list(self._decisions)

    def orphans(self) -> list[Decision]:
        """Decisions in force whose sources are all missing from the current extraction."""
        return list(self.curated().orphans)

    def search(self, query: str, limit: int = 100) -> list[search.Hit]:
        """Titles, passages and notes of the curated timeline (hidden events too) that match
        every word of ``query``, best first, each with the offsets of the matched words."""
        with collector_paused():  # a map of every source: a full collection would cost more
            return self._search(query, limit)

    def _search(self, query: str, limit: int) -> list[search.Hit]:
        query_terms = search.terms(query)
        if not query_terms:
            return []
        with self._lock:
            curated = self.curated()
            extraction = self._extraction
            assert extraction is not None
            rows = self._connection.execute(
                "SELECT kind, ref FROM search WHERE search MATCH ? ORDER BY rank LIMIT ?",
                (search.fts_query(query_terms), SEARCH_CANDIDATES),
            ).fetchall()
        by_source = {source_key(s): e for e in curated.events for s in e.sources}
        by_id = {e.id: e for e in curated.events}
        candidates: dict[str, Event] = {}
        for kind, ref in rows:
            if kind == "note":
                event = by_id.get(curated.applied_to.get(int(ref), ""))
            else:
                e, s = (int(n) for n in ref.split("/"))
                event = by_source.get(source_key(extraction.events[e].sources[s]))
            if event is not None:
                candidates.setdefault(event.id, event)
        hits: list[search.Hit] = []
        for event in candidates.values():
            hits.extend(_hits(event, query_terms))
            if len(hits) >= limit:
                break
        return hits[:limit]

    def extraction(self) -> tuple[list[Document], list[Event]]:
        """The extraction as it was taken, without any decision."""
        with self._lock:
            self._refresh()
            assert self._extraction is not None
            return self._extraction.documents, self._extraction.events

    def additions(self) -> list[Addition]:
        """The uploaded files the timeline holds, oldest first (their texts are not read)."""
        with self._lock:
            rows = self._connection.execute(
                "SELECT seq, name, at, author, (SELECT json_group_array(json_extract(value, '$.file')) "
                "FROM json_each(documents)), json_array_length(events) FROM additions ORDER BY seq"
            ).fetchall()
        return [
            Addition(seq, name, at, author, orjson.loads(files), n)
            for seq, name, at, author, files, n in rows
        ]

    def stored_additions(self) -> list[tuple[Addition, list[Document], list[Event]]]:
        """Each uploaded file with its documents and events as added."""
        with self._lock:
            return self._read_additions()

    def backup(self, target: Path) -> None:
        """A consistent copy of the whole file at ``target``, taken while others may be editing
        (SQLite's online backup; copying the file alone could miss what its -wal file holds)."""
        with self._lock, closing(sqlite3.connect(target)) as copy:
            self._connection.backup(copy)

    # Deciding --------------------------------------------------------------------------------

    def edit(self, event_id: str, author: str, **fields: Any) -> Decision:
        """Change any of title, date (a TIMEX3 value; precision follows from it, and if given must
        agree), mod, actors, category (its tone and score come with it), tone, relevance."""
        return self._decide("edit", [event_id], author, {"fields": checked_fields(fields)})

    def not_about_us_iraq(self, event_id: str, author: str) -> Decision:
        return self.edit(event_id, author, relevance=0.0)

    def hide(self, event_id: str, author: str) -> Decision:
        return self._decide("hide", [event_id], author)

    def unhide(self, event_id: str, author: str) -> Decision:
        return self._decide("unhide", [event_id], author)

    def merge(self, event_ids: list[str], author: str) -> Decision:
        """One event of two or more: the first keeps its fields, all sources and actors join it."""
        if len(dict.fromkeys(event_ids)) < 2:
            raise DecisionError("a merge needs two or more different events")
        return self._decide("merge", list(dict.fromkeys(event_ids)), author)

    def split(self, event_id: str, source: int | Source, author: str) -> Decision:
        """The ``source`` (its index in the event's sources, or itself) becomes its own event."""
        return self._decide("split", [event_id], author, split=source)

    def note(self, event_id: str, text: str, author: str) -> Decision:
        return self._decide("note", [event_id], author, {"text": checked_note(text)})

    def bookmark(self, event_id: str, author: str) -> Decision:
        return self._decide("bookmark", [event_id], author)

    def unbookmark(self, event_id: str, author: str) -> Decision:
        return self._decide("unbookmark", [event_id], author)

    def review(self, event_id: str, author: str) -> Decision:
        """Marks the event reviewed without changing it (every other decision does so too)."""
        return self._decide("review", [event_id], author)

    def undo(self, seq: int, author: str) -> Decision:
        """Cancels decision ``seq`` (any one, not only the last); undoing an undo redoes."""
        with self._lock, transaction(self._connection):
            self._refresh()
            target = next((d for d in self._decisions if d.seq == seq), None)
            if target is None:
                raise DecisionError(f"no decision {seq} in the log")
            if target.uid in {d.undoes for d in in_force(self._decisions, undos=True)}:
                raise DecisionError(f"decision {seq} is already undone")
            return self._append("undo", author, [], {}, undoes=target.uid)

    def adopt(self, decisions: list[Decision]) -> int:
        """Append another workspace's decisions (checked by the caller) with their own author, time
        and uid, skipping those already here; one transaction. Returns how many were added."""
        with self._lock, transaction(self._connection):
            known = {uid for (uid,) in self._connection.execute("SELECT uid FROM log")}
            added = 0
            for d in decisions:
                if d.uid in known:
                    continue
                known.add(d.uid)
                row = (d.uid, d.at, d.author, d.action, _json(d.anchors), _json(d.payload), d.undoes)
                seq = self._connection.execute(
                    "INSERT INTO log (uid, at, author, action, anchors, payload, undoes) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    row,
                ).lastrowid
                self._index_decision(seq, d.action, d.payload)
                added += 1
            return added

    def add(self, files: list[AddedFile]) -> list[Added]:
        """Uploaded files added to the timeline for every session and every rebuild to come: their
        events merged in as a build merges articles, in one transaction; a file added before (the
        same documents and events) is not added again. The merge (seconds at 10,000 events) runs
        outside any lock, other sessions reading and deciding meanwhile; if the timeline was
        replaced in the while (another upload, a rebuild), it is merged again."""
        while True:
            with self._lock:
                self._refresh()
                extraction = self._extraction
                assert extraction is not None
                known = {d for (d,) in self._connection.execute("SELECT digest FROM additions")}
            texts = {d.file: d.text for d in extraction.documents}
            planned: list[tuple[str, AddedFile, list[Document], list[Event], dict[str, str]] | None] = []
            for file in files:
                key = digest(file.documents, file.events)
                if key in known:
                    planned.append(None)
                    continue
                known.add(key)
                kept, kept_events, renamed = fitted(file.documents, file.events, texts)
                texts.update((d.file, d.text) for d in kept)
                planned.append((key, file, kept, kept_events, renamed))
            documents = [d for plan in planned if plan for d in plan[2]]
            events = [e for plan in planned if plan for e in plan[3]]
            merged = merged_in(extraction.events, events)
            with self._lock, transaction(self._connection):
                if get_meta(self._connection, "generation") == extraction.generation:
                    report = [
                        Added(self._insert_addition(*plan[:4]), plan[4]) if plan else Added(None, {})
                        for plan in planned
                    ]
                    if documents or events:
                        self._write_extraction(extraction.documents + documents, merged)
                    return report

    # Extraction ------------------------------------------------------------------------------

    def take_extraction(self, documents: list[Document], events: list[Event]) -> RebuildReport:
        """Replace the extraction (a rebuild), with the uploaded files merged in again, and
        re-apply every decision to the events it concerns; the log is kept whole, and what could
        not be re-applied is reported."""
        with self._lock:
            with transaction(self._connection):
                texts = {d.file: d.text for d in documents}
                added_documents, added_events = [], []
                for _, stored_documents, stored_events in self._read_additions():
                    kept, kept_events, _ = fitted(stored_documents, stored_events, texts)
                    texts.update((d.file, d.text) for d in kept)
                    added_documents += kept
                    added_events += kept_events
                self._write_extraction(documents + added_documents, merged_in(events, added_events))
            curated = self.curated()
            return RebuildReport(len(in_force(self._decisions)), curated.moved, curated.orphans)

    def _insert_addition(
        self, key: str, file: AddedFile, documents: list[Document], events: list[Event]
    ) -> Addition:
        name, at = str(file.name), file.at or _now()
        author = " ".join(str(file.author).split())[:MAX_AUTHOR]
        row = (key, name, at, author, _json([document_json(d) for d in documents]), _json(events))
        seq = self._connection.execute(
            "INSERT INTO additions (digest, name, at, author, documents, events) VALUES (?, ?, ?, ?, ?, ?)",
            row,
        ).lastrowid
        assert seq is not None
        return Addition(seq, name, at, author, [d.file for d in documents], len(events))

    def _read_additions(self) -> list[tuple[Addition, list[Document], list[Event]]]:
        out = []
        for seq, name, at, author, documents, events in self._connection.execute(
            f"SELECT {_ADDITION_COLUMNS} FROM additions ORDER BY seq"
        ):
            docs = [document_from_json(d) for d in orjson.loads(documents)]
            evs = [event_from_json(e) for e in orjson.loads(events)]
            out.append((Addition(seq, name, at, author, [d.file for d in docs], len(evs)), docs, evs))
        return out

    def _write_extraction(self, documents: list[Document], events: list[Event]) -> None:
        db = self._connection
        db.execute("DELETE FROM sources")
        db.execute("DELETE FROM events")
        db.execute("DELETE FROM documents")
        db.execute("DELETE FROM search WHERE kind IN ('title', 'passage')")
        db.executemany(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    d.file,
                    d.meta.title,
                    d.meta.outlet,
                    d.meta.url,
                    d.meta.published,
                    d.meta.language,
                    orjson.dumps(list(d.meta.attribution)).decode(),
                    orjson.dumps([list(r) for r in d.regions]).decode(),
                    d.body_end,
                    d.text,
                )
                for d in documents
            ],
        )
        db.executemany(
            "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    n,
                    e.id,
                    e.date,
                    e.precision,
                    e.start,
                    e.end,
                    e.mod,
                    e.title,
                    e.summary_en,
                    orjson.dumps(e.actors).decode(),
                    e.category,
                    e.tone,
                    e.goldstein,
                    e.relevance,
                    orjson.dumps(e.extra).decode(),
                    e.status,
                )
                for n, e in enumerate(events)
            ],
        )
        db.executemany(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(n, k, *_source_row(s)) for n, e in enumerate(events) for k, s in enumerate(e.sources)],
        )
        db.executemany(
            "INSERT INTO search (kind, ref, body) VALUES (?, ?, ?)",
            [("title", f"{n}/0", search.folded(e.title)) for n, e in enumerate(events)]
            + [
                ("passage", f"{n}/{k}", search.folded(s.passage))
                for n, e in enumerate(events)
                for k, s in enumerate(e.sources)
            ],
        )
        set_meta(db, "generation", uuid.uuid4().hex)
        set_meta(db, "taken_at", _now())

    # Internals -------------------------------------------------------------------------------

    def _decide(
        self,
        action: str,
        event_ids: list[str],
        author: str,
        payload: dict | None = None,
        split: int | Source | None = None,
    ) -> Decision:
        with self._lock, transaction(self._connection):
            self._refresh()  # under the write lock: the events as every session has left them
            assert self._curated is not None and self._extraction is not None
            by_id = {e.id: e for e in self._curated.events}
            missing = [i for i in event_ids if i not in by_id]
            if missing:
                raise DecisionError(f"no event {missing[0]!r} in the workspace")
            hashes = self._extraction.index.hash_of
            anchors = [[anchor(s, hashes.get(source_key(s))) for s in by_id[i].sources] for i in event_ids]
            if split is not None:
                sources = by_id[event_ids[0]].sources
                chosen = _chosen_source(sources, split)
                if len(sources) < 2:
                    raise DecisionError("an event of one source has nothing to split off")
                anchors = [[anchor(chosen, hashes.get(source_key(chosen)))]]
            decision = self._append(action, author, anchors, payload or {})
            self._index_decision(decision.seq, action, decision.payload)
            return decision

    def _index_decision(self, seq: int | None, action: str, payload: dict) -> None:
        """A note, or an edited title, is searched through the event its decision concerns."""
        text = payload.get("text") if action == "note" else payload.get("fields", {}).get("title")
        if text and seq is not None:
            self._connection.execute(
                "INSERT INTO search (kind, ref, body) VALUES ('note', ?, ?)", (str(seq), search.folded(text))
            )

    def _append(
        self, action: str, author: str, anchors: list, payload: dict, undoes: str | None = None
    ) -> Decision:
        assert action in ACTIONS
        author = " ".join(str(author).split())[:MAX_AUTHOR]
        if not author:
            raise DecisionError("every decision needs its author's name")
        row = (uuid.uuid4().hex, _now(), author, action, _json(anchors), _json(payload), undoes)
        cursor = self._connection.execute(
            "INSERT INTO log (uid, at, author, action, anchors, payload, undoes) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            row,
        )
        assert cursor.lastrowid is not None
        return Decision(cursor.lastrowid, row[0], row[1], author, action, anchors, payload, undoes)

    def _refresh(self) -> None:
        """Catch up with the file: a new extraction or decisions logged by any session."""
        with collector_paused():  # tens of thousands of objects made at once (extract/store.py)
            self._catch_up()

    def _catch_up(self) -> None:
        db = self._connection
        generation = get_meta(db, "generation")
        if generation is None:
            raise DecisionError(f"the workspace {self.path.name} holds no extraction yet")
        if self._extraction is None or self._extraction.generation != generation:
            self._extraction = _read_extraction(db, generation)
            self._folding = None
        last = self._decisions[-1].seq if self._decisions else 0
        rows = db.execute(
            f"SELECT {_LOG_COLUMNS} FROM log WHERE seq > ? ORDER BY seq",
            (last,),
        ).fetchall()
        new = [_decision(row) for row in rows]
        self._decisions.extend(new)
        if self._folding is None or any(d.action == "undo" for d in new):
            # An undo changes what is in force before it: the whole log is applied again.
            self._folding = Folding(self._extraction.events, self._extraction.index)
            new = in_force(self._decisions)
        elif not new and self._curated is not None:
            return
        for decision in new:
            self._folding.apply(decision)
        self._curated = self._folding.curated()


def _hidden(event: Event) -> bool:
    state = event.extra.get("curation")
    return bool(state and state["hidden"])


def _hits(event: Event, query_terms: list[search.Term]) -> list[search.Hit]:
    hits = []
    fields = [("title", 0, event.title)]
    fields += [("passage", k, s.passage) for k, s in enumerate(event.sources)]
    fields += [("note", k, n["text"]) for k, n in enumerate(curation(event)["notes"])]
    for name, index, text in fields:
        found = search.spans(text, query_terms)
        if found:
            hits.append(search.Hit(event.id, name, index, text, found))
    return hits


def _chosen_source(sources: list[Source], split: int | Source) -> Source:
    if isinstance(split, int):
        if not 0 <= split < len(sources):
            raise DecisionError(f"the event has no source {split}")
        return sources[split]
    if split not in sources:
        raise DecisionError("that source is not one of the event's")
    return split


def _source_row(s: Source) -> tuple:
    return (
        s.file,
        s.title,
        s.outlet,
        s.url,
        s.published,
        s.language,
        s.passage_start,
        s.passage_end,
        s.passage,
        passage_hash(s.passage),
        s.timex_start,
        s.timex_end,
        s.timex_text,
    )


def _read_extraction(db: sqlite3.Connection, generation: str) -> _Extraction:
    rows = db.execute(f"SELECT {_DOCUMENT_COLUMNS} FROM documents ORDER BY rowid")
    documents = [_document(row) for row in rows]
    sources: dict[int, list[Source]] = {}
    hashes = {}
    for row in db.execute(
        "SELECT event_ord, file, title, outlet, url, published, language, passage_start, passage_end, "
        "passage, timex_start, timex_end, timex_text, passage_hash FROM sources ORDER BY event_ord, ord"
    ):
        source = Source(*row[1:13])
        sources.setdefault(row[0], []).append(source)
        hashes[source_key(source)] = row[13]
    rows = db.execute(f"SELECT {_EVENT_COLUMNS} FROM events ORDER BY ord")
    events = [_event(row, sources.get(row[0], [])) for row in rows]
    index = SourceIndex(events, hashes)
    return _Extraction(generation, documents, events, index)


def _document(row: tuple) -> Document:
    file, title, outlet, url, published, language, attribution, regions, body_end, text = row
    meta = Metadata(title, outlet, url, published, language, tuple(orjson.loads(attribution)))
    return Document(file, text, meta, tuple(tuple(r) for r in orjson.loads(regions)), body_end)


def _event(row: tuple, sources: list[Source]) -> Event:
    (
        _,
        id_,
        date,
        precision,
        start,
        end,
        mod,
        title,
        summary_en,
        actors,
        category,
        tone,
        score,
        relevance,
        extra,
        status,
    ) = row
    return Event(
        id=id_,
        date=date,
        precision=precision,
        start=start,
        end=end,
        title=title,
        actors=orjson.loads(actors),
        category=category,
        tone=tone,
        goldstein=score,
        sources=sources,
        mod=mod,
        summary_en=summary_en,
        relevance=relevance,
        status=status,
        extra=orjson.loads(extra),
    )


def _decision(row: tuple) -> Decision:
    seq, uid, at, author, action, anchors, payload, undoes = row
    return Decision(seq, uid, at, author, action, orjson.loads(anchors), orjson.loads(payload), undoes)


def _json(value: object) -> str:
    return orjson.dumps(value).decode()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
