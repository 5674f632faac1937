"""Store stage: the timeline as ``events.json`` and ``timeline.csv``, and back."""

from __future__ import annotations

import csv
import gc
import io
import itertools
import os
import tempfile
from collections.abc import Iterable, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import orjson

from extract.model import Document, Event, Metadata, Source

CSV_COLUMNS = (
    "date",
    "start",
    "end",
    "precision",
    "mod",
    "status",
    "title",
    "summary_en",
    "actors",
    "category",
    "tone",
    "goldstein",
    "sources",
    "source_file",
    "url",
    "passage",
    "passage_start",
    "passage_end",
    "timex",
    "timex_start",
    "timex_end",
)
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def document_json(doc: Document) -> dict:
    return {
        "file": doc.file,
        **vars(doc.meta),  # its fields in order, without asdict's deep copies
        "body_end": doc.body_end,
        "regions": [list(r) for r in doc.regions],
        "captions": [list(c) for c in doc.captions],
        "text": doc.text,
    }


def timeline_json(documents: list[Document], events: list[Event]) -> dict:
    return {"documents": [document_json(d) for d in documents], "events": [asdict(e) for e in events]}


def timeline_bytes(documents: list[Document], events: list[Event]) -> bytes:
    """``timeline_json`` as JSON and a newline: orjson writes the events' dataclasses as they are,
    the same bytes without ``asdict``'s deep copies (half of a rebuild's time at 100,000 events),
    and the newline without copying them all again."""
    data = {"documents": [document_json(d) for d in documents], "events": events}
    return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def event_from_json(data: dict) -> Event:
    fields = dict(data)
    fields["sources"] = [Source(**s) for s in data["sources"]]
    return Event(**fields)


def document_from_json(data: dict) -> Document:
    meta = Metadata(
        title=data.get("title"),
        outlet=data.get("outlet"),
        url=data.get("url"),
        published=data.get("published"),
        language=data.get("language"),
        attribution=tuple(data.get("attribution") or ()),
    )
    regions = tuple(map(tuple, data.get("regions", ())))
    captions = tuple(map(tuple, data.get("captions", ())))
    return Document(data["file"], data["text"], meta, regions, int(data["body_end"]), captions)


@contextmanager
def collector_paused():
    """Made objects are all kept: a collection while making them (hundreds of thousands at 10,000
    events) only walks the heap, and in a long-running server more than doubles the load time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load(path: Path) -> tuple[list[Document], list[Event]]:
    """The timeline saved by ``save``; the dashboard's first page waits on this."""
    with collector_paused():
        data = orjson.loads(path.read_bytes())  # several times faster than json on megabytes
        documents = [document_from_json(d) for d in data["documents"]]
        return documents, [event_from_json(e) for e in data["events"]]


def _csv_cells(event: Event) -> tuple:
    """An event's cells, in the order of ``CSV_COLUMNS``."""
    first = event.sources[0]
    return (
        event.date,
        event.start or "",
        event.end or "",
        event.precision,
        event.mod or "",
        event.status,
        event.title,
        event.summary_en,
        "; ".join(event.actors),
        event.category,
        event.tone,
        event.goldstein,
        len(event.sources),
        first.file,
        first.url or "",
        first.passage,
        first.passage_start,
        first.passage_end,
        first.timex_text,
        first.timex_start,
        first.timex_end,
    )


def csv_row(event: Event) -> dict:
    return dict(zip(CSV_COLUMNS, _csv_cells(event), strict=True))


def _table(columns: Sequence[str], rows: Iterable[Iterable]) -> str:
    """CSV text of ``rows`` (cells in the order of ``columns``) under a header of ``columns``; a
    cell that spreadsheet programs would run as a formula gets a leading quote, which makes it
    text (tested inline: a function call per cell was a third of the CSV's time)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(
        ["'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_PREFIXES) else cell for cell in row]
        for row in rows
    )
    return out.getvalue()


def csv_text(columns: Sequence[str], rows: Iterable[dict]) -> str:
    """CSV text of ``rows`` under a header of ``columns``, as csv.DictWriter writes them (a missing
    cell blank) without its checks on every row, formula-like cells neutralised."""
    return _table(columns, (map(row.get, columns, itertools.repeat("")) for row in rows))


def events_csv(events: list[Event]) -> str:
    """CSV text, one row per event, formula-like cells neutralised."""
    return _table(CSV_COLUMNS, map(_csv_cells, events))


def write_atomic(files: dict[Path, bytes]) -> None:
    """Each path holds either its old content or all of its new bytes, never a part: the bytes go
    to temporary files in the same folder, which then replace the paths, one step each, together."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            staged.append((temporary, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temporary, 0o644)  # mkstemp's files are private; an output file is to be read
        for temporary, path in staged:
            os.replace(temporary, path)
    except BaseException:  # an interrupt too: the old files stay, the partial ones go
        for temporary, _ in staged:
            Path(temporary).unlink(missing_ok=True)
        raise


def save(out_dir: Path, documents: list[Document], events: list[Event]) -> None:
    """``events.json`` and ``timeline.csv`` in ``out_dir``, each replaced whole or not at all."""
    out_dir.mkdir(parents=True, exist_ok=True)
    payload = timeline_bytes(documents, events)
    # UTF-8 with BOM so spreadsheet programs read Vietnamese.
    table = events_csv(events).encode("utf-8-sig")
    write_atomic({out_dir / "timeline.csv": table, out_dir / "events.json": payload})
