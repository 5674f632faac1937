"""Curation: an analyst's corrections kept in an embedded SQLite workspace that survives rebuilds.

The dashboard's API, in full::

    from extract.workspace import Workspace, DecisionError, curation

    ws = Workspace.open(Path("data/workspace.sqlite"), events_json=Path("data/events.json"))
    documents, events = ws.timeline()            # curated; the same types as extract.store.load
    ws.edit(event.id, "Lan", date="2024-01", title="...", actors=["US", "Iraq"], category="negotiate")
    ws.hide(event.id, "Lan"); ws.unhide(...); ws.not_about_us_iraq(...)
    ws.merge([a.id, b.id], "Lan"); ws.split(event.id, 1, "Lan")   # source index 1 on its own
    ws.note(event.id, "text", "Lan"); ws.bookmark(...); ws.unbookmark(...); ws.review(...)
    ws.undo(decision.seq, "Lan")                 # any decision of ws.log()
    curation(event)                              # reviewed, edited, hidden, bookmarked, notes
    ws.search("dam phan")                        # [Hit(event_id, field, index, text, spans)]
    ws.orphans()                                 # decisions whose sources vanished in a rebuild
    ws.add([AddedFile(name, documents, events, "Lan")])   # an uploaded article, kept through rebuilds
    ws.additions()                               # the uploaded files, listed
    ws.take_extraction(documents, events)        # a rebuild: every decision re-applied
    export_workspace(ws) / import_workspace(ws, data)   # one JSON file for a colleague

Each decision is checked (``DecisionError`` says what is wrong), logged with its author and time,
and committed in its own transaction before the call returns.
"""

from extract.workspace.additions import Added, AddedFile, Addition
from extract.workspace.decisions import Curated, Decision, DecisionError, curation
from extract.workspace.search import Hit
from extract.workspace.workspace import DEFAULT_PATH, RebuildReport, Workspace

__all__ = [
    "DEFAULT_PATH",
    "Added",
    "AddedFile",
    "Addition",
    "Curated",
    "Decision",
    "DecisionError",
    "Hit",
    "RebuildReport",
    "Workspace",
    "curation",
]
