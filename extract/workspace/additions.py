"""Articles added to a workspace from outside the build (uploaded in the dashboard): kept in the
file, merged into every extraction the workspace takes, and listed.

An addition is one uploaded file as the extractor read it: its documents and events. The
workspace's timeline is the extraction (``events.json``) with every addition's events merged in,
as ``extract build`` merges articles, so a happening an upload tells again joins the event already
there. A rebuild replaces the extraction and keeps the additions; decisions about their events
are re-applied like any other (they are anchored to the upload's passages).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

import orjson

from extract.model import Document, Event
from extract.store import timeline_json


@dataclass(frozen=True)
class AddedFile:
    """One uploaded file as the extractor read it, to be added (``Workspace.add``)."""

    name: str  # as the browser gave it
    documents: list[Document]
    events: list[Event]
    author: str = ""  # may be empty: an upload needs no name
    at: str | None = None  # when it was first added (an imported workspace's); None: now


@dataclass(frozen=True)
class Addition:
    """One uploaded file in the workspace, as listed."""

    seq: int
    name: str  # as the browser gave it: any text, shown only after escaping
    at: str  # ISO time, UTC
    author: str  # may be empty: an upload needs no name
    files: list[str]  # its documents' names in the workspace, which their events' sources give
    events: int


@dataclass(frozen=True)
class Added:
    """What ``Workspace.add`` did with one upload."""

    addition: Addition | None  # None: the same documents and events were added before
    renamed: dict[str, str]  # document files renamed because another document had the name


def digest(documents: list[Document], events: list[Event]) -> str:
    """The content of an upload: the same file uploaded twice has the same digest."""
    data = orjson.dumps(timeline_json(documents, events), option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(data).hexdigest()


def fitted(
    documents: list[Document], events: list[Event], texts: dict[str, str]
) -> tuple[list[Document], list[Event], dict[str, str]]:
    """The upload fitted to a workspace whose documents are ``texts`` (file -> text): a document
    already there with the same text is left out (its events still come), one whose name another
    text holds is renamed (``a.txt`` -> ``a (2).txt``, its sources too), and the state an exported
    curated timeline carries in ``extra['curation']`` is dropped: only the edit log says what an
    analyst decided."""
    renamed: dict[str, str] = {}
    taken = dict(texts)
    kept = []
    for document in documents:
        if taken.get(document.file) == document.text:
            continue
        name = document.file
        n = 1
        while name in taken:
            n += 1
            path = PurePosixPath(document.file)
            name = str(path.with_name(f"{path.stem} ({n}){path.suffix}"))
        if name != document.file:
            renamed[document.file] = name
            document = replace(document, file=name)
        taken[name] = document.text
        kept.append(document)
    fitted_events = []
    for event in events:
        sources = [replace(s, file=renamed[s.file]) if s.file in renamed else s for s in event.sources]
        extra = {k: v for k, v in event.extra.items() if k != "curation"}
        fitted_events.append(replace(event, sources=sources, extra=extra))
    return kept, fitted_events, renamed


def merged_in(events: list[Event], added: list[Event]) -> list[Event]:
    """The ``added`` events merged into ``events`` (a happening told again joins its event), each
    with an id of its own: an uploaded timeline's ids are any text and may repeat another's."""
    if not added:
        return events
    from extract.merge import merge  # scipy: loaded on the first upload only

    out, seen = [], set()
    for event in merge(events + added):
        if event.id in seen:
            n = 2
            while f"{event.id}-{n}" in seen:
                n += 1
            event = replace(event, id=f"{event.id}-{n}")
        seen.add(event.id)
        out.append(event)
    return out
