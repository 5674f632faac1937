"""A whole workspace as one JSON file, to hand an analyst's work to a colleague.

The file holds the extraction the work was done on and the full edit log (undos too), each
decision with its author, time and uid. Importing appends the decisions the receiving workspace
does not have yet (by uid, so importing twice adds nothing) after its own, and takes the file's
extraction only when asked or when the workspace has none; the decisions then find their events
by their anchors as after any rebuild. Every imported decision is checked as if made here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from extract.model import Document, Event
from extract.store import document_from_json, event_from_json, timeline_json, write_atomic
from extract.workspace.additions import AddedFile
from extract.workspace.decisions import (
    ACTIONS,
    EDITABLE,
    Decision,
    DecisionError,
    checked_fields,
    checked_note,
)
from extract.workspace.workspace import Workspace

FORMAT = "us-iraq-timeline workspace"
VERSION = 1
_ANCHOR_FIELDS = {
    "file": str,
    "passage_start": int,
    "passage_end": int,
    "timex_start": int,
    "timex_end": int,
    "timex_text": str,
    "hash": str,
}
_DERIVED = ("precision", "start", "end", "goldstein")  # recomputed from the date and the category


@dataclass(frozen=True)
class ImportReport:
    decisions_added: int
    decisions_known: int  # already in the workspace
    extraction_taken: bool
    files_added: int = 0  # uploaded files new to the workspace


def export_workspace(workspace: Workspace) -> dict[str, Any]:
    documents, events = workspace.extraction()
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "extraction": timeline_json(documents, events),
        "log": [asdict(d) for d in workspace.log()],
        "additions": [
            {"name": a.name, "at": a.at, "author": a.author, **timeline_json(docs, evs)}
            for a, docs, evs in workspace.stored_additions()
        ],
    }


def save_export(workspace: Workspace, path: Path) -> None:
    """The export written whole or not at all."""
    write_atomic({path: orjson.dumps(export_workspace(workspace), option=orjson.OPT_INDENT_2)})


def import_workspace(
    workspace: Workspace, data: dict[str, Any], *, take_extraction: bool | None = None
) -> ImportReport:
    """Add an export's decisions to ``workspace``; ``take_extraction``: None takes the file's
    extraction only when the workspace has none. DecisionError when the file is not an export."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DecisionError("not a workspace export (its 'format' is not " + repr(FORMAT) + ")")
    if data.get("version") != VERSION:
        raise DecisionError(f"workspace export version {data.get('version')!r}; this reads {VERSION}")
    decisions = [_checked_decision(row, n) for n, row in enumerate(data.get("log") or [])]
    files = [_checked_file(row, n) for n, row in enumerate(data.get("additions") or [])]
    take = (not workspace.has_extraction()) if take_extraction is None else take_extraction
    if take:
        documents, events = _timeline(data.get("extraction"), "the export's extraction")
        workspace.take_extraction(documents, events)
    added_files = sum(added.addition is not None for added in workspace.add(files)) if files else 0
    added = workspace.adopt(decisions)
    return ImportReport(added, len(decisions) - added, take, added_files)


def _timeline(data: Any, what: str) -> tuple[list[Document], list[Event]]:
    try:
        documents = [document_from_json(d) for d in data["documents"]]
        events = [event_from_json(e) for e in data["events"]]
    except (KeyError, TypeError, ValueError) as error:
        raise DecisionError(f"{what} is damaged ({type(error).__name__})") from error
    return documents, events


def _checked_file(row: Any, n: int) -> AddedFile:
    what = f"uploaded file {n + 1}"
    if not isinstance(row, dict) or not all(isinstance(row.get(k), str) for k in ("name", "at", "author")):
        raise DecisionError(f"{what} lacks its name, time or author")
    documents, events = _timeline(row, what)
    return AddedFile(row["name"], documents, events, row["author"], row["at"])


def load_export(workspace: Workspace, path: Path, *, take_extraction: bool | None = None) -> ImportReport:
    try:
        data = orjson.loads(path.read_bytes())
    except orjson.JSONDecodeError as error:
        raise DecisionError(f"{path.name} is not JSON: {error}") from error
    return import_workspace(workspace, data, take_extraction=take_extraction)


def _checked_decision(row: Any, n: int) -> Decision:
    try:
        if not isinstance(row, dict):
            raise DecisionError("not an object")
        action = row.get("action")
        if action not in ACTIONS:
            raise DecisionError(f"unknown action {action!r}")
        for name in ("uid", "at", "author"):
            if not isinstance(row.get(name), str) or not row[name].strip():
                raise DecisionError(f"no {name}")
        anchors = row.get("anchors")
        if not isinstance(anchors, list) or not all(isinstance(group, list) for group in anchors):
            raise DecisionError("anchors must be a list of lists")
        for item in (a for group in anchors for a in group):
            if not isinstance(item, dict) or any(
                not isinstance(item.get(k), t) or isinstance(item.get(k), bool)
                for k, t in _ANCHOR_FIELDS.items()
            ):
                raise DecisionError("an anchor lacks a field or has a wrong type")
        payload = _checked_payload(action, row.get("payload") or {})
        undoes = row.get("undoes")
        if (action == "undo") != isinstance(undoes, str):
            raise DecisionError("an undo names the uid it undoes, and only an undo does")
        if action != "undo" and not anchors:
            raise DecisionError("no anchors")
        return Decision(0, row["uid"], row["at"], row["author"][:200], action, anchors, payload, undoes)
    except DecisionError as error:
        raise DecisionError(f"log entry {n + 1}: {error}") from None


def _is_anchor(item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    return all(type(item.get(name)) is kind for name, kind in _ANCHOR_FIELDS.items())  # bool is no int


def _checked_payload(action: str, payload: Any) -> dict:
    if not isinstance(payload, dict):
        raise DecisionError("payload must be an object")
    if action == "edit":
        fields = payload.get("fields")
        if not isinstance(fields, dict):
            raise DecisionError("an edit has no fields")
        given = {k: v for k, v in fields.items() if k in EDITABLE and k not in _DERIVED}
        return {"fields": checked_fields(given)}
    if action == "note":
        return {"text": checked_note(payload.get("text"))}
    return {}
