"""The dashboard's side of curation: the timeline read from the analyst's workspace.

The workspace (``extract/workspace``, an SQLite file) holds the extraction and the edit log; the
curated timeline is what the dashboard shows. It lives beside the data file
(``data/workspace.sqlite``, or ``TIMELINE_WORKSPACE``) and is created from ``events.json`` on
first use; a rebuilt ``events.json`` is taken on the next run with every decision re-applied.
When the folder cannot hold it (read-only, as on Streamlit Community Cloud) the page falls back to
``events.json`` as built, without curation, and says so.

Caching follows the app's: one ``Store`` per data file for the server's life, and a *version*
that changes only when the curated timeline does (a decision by any session, or a rebuild), so
the app's shared caches are keyed by it and a rerun with nothing new reuses them.
"""

from __future__ import annotations

import copy
import dataclasses
import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

import streamlit as st

from dashboard.filters import Filters, apply
from dashboard.safe_text import one_line
from extract.model import Document, Event
from extract.store import load
from extract.workspace import AddedFile, Curated, DecisionError, Workspace, curation
from extract.workspace import search as ws_search

WORKSPACE_NAME = "workspace.sqlite"
REVIEW_STATES = {  # the review filter: its values, and how the sidebar names them
    "all": "All (not hidden)",
    "reviewed": "Reviewed",
    "not reviewed": "Not reviewed",
    "edited": "Edited",
    "bookmarked": "Bookmarked",
    "hidden": "Hidden",
}
SEARCH_LIMIT = 100_000  # hits; the workspace reads at most its own number of candidates anyway
_STORE_KEY = "curation_store"  # session state: (data file, workspace file) of this page


@dataclass
class Store:
    """One data file and its workspace (None when the folder cannot hold one, ``note`` says why)."""

    events_json: Path
    workspace: Workspace | None
    note: str | None = None
    _seen: Curated | None = None  # the curated timeline the current version stands for
    _version: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def version(self) -> str:
        """Changes whenever the curated timeline does; a rerun with nothing new keeps it."""
        assert self.workspace is not None
        self.workspace.follow(self.events_json)  # a rebuilt events.json: decisions re-applied
        curated = self.workspace.curated()  # catches up with decisions of other sessions
        with self._lock:
            if curated is not self._seen:  # kept referenced, so identity cannot be reused
                self._seen = curated
                self._version += 1
            return f"workspace#{self._version}"


def workspace_path(events_json: Path) -> Path:
    given = os.environ.get("TIMELINE_WORKSPACE")
    return Path(given) if given else events_json.with_name(WORKSPACE_NAME)


@st.cache_resource(show_spinner=False, max_entries=8)
def _store(events_json: str, workspace_file: str) -> Store:
    """Shared by every session of the server (the workspace serves many threads)."""
    path = Path(workspace_file)
    folder = path.parent
    if not path.exists() and not os.access(folder, os.W_OK):
        return Store(Path(events_json), None, "Read-only data folder: showing events.json without curation.")
    try:
        workspace = Workspace(path)
    except (sqlite3.Error, OSError) as error:  # read-only file or folder, or not an SQLite file
        note = f"Workspace unavailable ({type(error).__name__}): showing events.json without curation."
        return Store(Path(events_json), None, note)
    return Store(Path(events_json), workspace)


def store_for(events_json: Path) -> Store:
    return _store(str(events_json), str(workspace_path(events_json)))


def current() -> Store | None:
    """This page's store (set by ``version`` on every run), or None before the data was read."""
    names = st.session_state.get(_STORE_KEY)
    return _store(*names) if names else None


def workspace() -> Workspace | None:
    store = current()
    return store.workspace if store else None


def version(events_json: Path) -> str:
    """The cache key of the timeline the page shows: a missing file raises as ``stat`` does, a
    damaged one as ``extract.store.load`` does, for the app to explain."""
    mtime = events_json.stat().st_mtime
    names = (str(events_json), str(workspace_path(events_json)))
    st.session_state[_STORE_KEY] = names
    store = _store(*names)
    if store.workspace is None:
        return f"file@{mtime}"
    try:
        return store.version()
    except sqlite3.OperationalError as error:  # e.g. the folder turned read-only under a running server
        store.note = f"Workspace unavailable ({error}): showing events.json without curation."
        store.workspace = None
        return f"file@{mtime}"


def add_uploads(files: list[AddedFile], author: str) -> tuple[list[tuple[str, str]], list[AddedFile]]:
    """Uploaded files added to this page's workspace, where every session sees them and rebuilds
    keep them: a (level, message) for each file not simply added, and the files that were."""
    ws = workspace()
    assert ws is not None
    signed = [dataclasses.replace(file, author=author) for file in files]
    try:
        report = ws.add(signed)
    except (sqlite3.Error, DecisionError) as error:
        return [("error", f"The articles could not be kept in the workspace ({type(error).__name__}).")], []
    messages: list[tuple[str, str]] = []
    for file, added in zip(files, report, strict=True):
        name = one_line(file.name) or "(no name)"
        if added.addition is None:
            messages.append(("warning", f"{name}: already added to the workspace; nothing new"))
        for old, new in added.renamed.items():
            messages.append(("warning", f"{name}: kept as {new}, since {old} holds another text"))
    return messages, [file for file, added in zip(files, report, strict=True) if added.addition is not None]


def read(events_json: Path) -> tuple[list[Document], list[Event]]:
    """The curated timeline, hidden events too (the review filter shows them on request)."""
    store = store_for(events_json)
    if store.workspace is None:
        return load(events_json)
    store.workspace.follow(events_json)  # taken already by ``version`` unless read alone
    return store.workspace.timeline(include_hidden=True)


# --- the view: review filter and search -------------------------------------------------------


class _Timeline(Protocol):
    key: str
    events: list[Event]


T = TypeVar("T", bound=_Timeline)


_UNTOUCHED = frozenset({"all", "not reviewed"})  # the review states of an event no decision concerns


def review_state(event: Event) -> frozenset[str]:
    if "curation" not in event.extra:
        return _UNTOUCHED  # most events: no state to read, no set to make
    state = curation(event)
    if state["hidden"]:
        return frozenset({"hidden"})  # a hidden event shows only under "Hidden"
    found = {"all", "reviewed" if state["reviewed"] else "not reviewed"}
    if state["edited"]:
        found.add("edited")
    if state["bookmarked"]:
        found.add("bookmarked")
    return frozenset(found)


def narrowed(timeline: T, filters: Filters) -> tuple[T, Filters]:
    """The timeline of the events the review filter and, with a workspace, its search keep, and
    the filters left for the app to apply. The copy keeps the whole timeline's options and
    events by id, so a selected event stays open while a filter leaves it out."""
    review = st.session_state.get("f_review", "all")
    review = review if review in REVIEW_STATES else "all"
    store = current()
    ws = store.workspace if store else None
    query = filters.text if ws is not None else ""
    view = _narrowed(timeline.key, review, query, timeline, ws)
    return view, (dataclasses.replace(filters, text="") if query else filters)


@st.cache_resource(show_spinner=False, max_entries=32)
def _narrowed(key: str, review: str, query: str, _timeline: T, _ws: Workspace | None) -> T:
    events = _timeline.events
    if query:
        found = _search_ids(_ws, query) | {e.id for e in apply(events, Filters(text=query, context=True))}
        events = [e for e in events if e.id in found]
    kept = [e for e in events if review in review_state(e)]
    if len(kept) == len(_timeline.events):
        return _timeline
    view = copy.copy(_timeline)  # options, by_id, by_file shared with the whole timeline
    object.__setattr__(view, "events", kept)
    object.__setattr__(view, "key", f"{key}|{review}|{query}")
    return view


def _search_ids(ws: Workspace | None, query: str) -> set[str]:
    """Events whose title, passages or notes hold every word (accents and aliases folded)."""
    if ws is None:
        return set()
    try:
        return {hit.event_id for hit in ws.search(query, limit=SEARCH_LIMIT)}
    except sqlite3.Error:  # the substring search of the filters still answers
        return set()


Marks = dict[str, list[tuple[int, int]]]  # "title", "passage:<index>", "note:<index>" -> spans


def marks(event: Event, query: str) -> Marks:
    """Where the words of ``query`` are in the event's title, passages and notes, each word
    found alone (accent-insensitive, alias-aware, as the workspace's search)."""
    terms = ws_search.terms(query or "")
    if not terms:
        return {}
    texts = {"title": event.title}
    texts |= {f"passage:{k}": s.passage for k, s in enumerate(event.sources)}
    texts |= {f"note:{k}": n["text"] for k, n in enumerate(curation(event)["notes"])}
    found: Marks = {}
    for name, text in texts.items():
        spans = sorted({span for term in terms for span in ws_search.spans(text, [term]) or ()})
        if spans:
            found[name] = spans
    return found
