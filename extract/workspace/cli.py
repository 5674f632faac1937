"""``python -m extract.workspace backup|export|import|orphans|log|search``, and the rebuild step of
``python -m extract build ... --workspace PATH``."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path

from extract.model import Document, Event
from extract.workspace.decisions import Decision, DecisionError
from extract.workspace.transfer import load_export, save_export
from extract.workspace.workspace import DEFAULT_PATH, Workspace


def rebuild(path: Path, documents: list[Document], events: list[Event], warn: Callable[[str], None]) -> None:
    """The workspace at ``path`` takes a new extraction; what became of its decisions is told.
    A workspace that cannot be written (damaged, not SQLite) is left as it was, and said so."""
    try:
        with Workspace(path) as workspace:
            report = workspace.take_extraction(documents, events)
    except sqlite3.DatabaseError as error:
        warn(f"workspace {path} left as it was: {error}")
        return
    moved = f" ({len(report.moved)} to passages found at new offsets)" if report.moved else ""
    warn(f"workspace {path}: {report.decisions - len(report.orphans)} decisions re-applied{moved}")
    if report.orphans:
        warn(f"{len(report.orphans)} decisions whose sources are gone, kept in the log:")
        for decision in report.orphans:
            warn("  " + describe(decision))


def describe(decision: Decision) -> str:
    """One line: number, time, author, action, and the first source it names."""
    head = f"#{decision.seq} {decision.at[:16]} {decision.author}: {decision.action}"
    first = next((a for group in decision.anchors for a in group), None)
    if first is None:
        return f"{head} {decision.undoes}"
    return f"{head} {first['file']} [{first['passage_start']}:{first['passage_end']}] {first['timex_text']!r}"


def main(argv: list[str] | None = None) -> int:
    top = argparse.ArgumentParser(prog="python -m extract.workspace", description=__doc__)
    top.add_argument("--workspace", type=Path, default=DEFAULT_PATH, help=f"default {DEFAULT_PATH}")
    sub = top.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export", help="write the whole workspace to one JSON file")
    export.add_argument("file", type=Path)
    load = sub.add_parser("import", help="add a colleague's exported decisions to this workspace")
    load.add_argument("file", type=Path)
    load.add_argument(
        "--take-extraction", action="store_true", help="also replace the extraction by the file's"
    )
    backup = sub.add_parser("backup", help="a consistent copy of the workspace file, even while it is in use")
    backup.add_argument("file", type=Path)
    sub.add_parser("orphans", help="list the decisions whose sources the extraction no longer has")
    sub.add_parser("log", help="list every decision")
    sub.add_parser("uploads", help="list the files uploaded in the dashboard, which rebuilds keep")
    find = sub.add_parser("search", help="search titles, passages and notes (one JSON object a line)")
    find.add_argument("query")
    args = top.parse_args(argv)
    if args.command != "import" and not args.workspace.exists():
        print(f"error: no workspace at {args.workspace}", file=sys.stderr)
        return 2
    try:
        with Workspace(args.workspace) as workspace:
            if args.command == "backup":
                workspace.backup(args.file)
            elif args.command == "export":
                save_export(workspace, args.file)
            elif args.command == "import":
                report = load_export(workspace, args.file, take_extraction=args.take_extraction or None)
                print(f"{report.decisions_added} decisions added, {report.decisions_known} already here")
            elif args.command == "uploads":
                for a in workspace.additions():
                    print(f"#{a.seq} {a.at[:16]} {a.author or '-'}: {a.name!r} {a.events} events {a.files}")
            elif args.command in ("orphans", "log"):
                for decision in workspace.orphans() if args.command == "orphans" else workspace.log():
                    print(describe(decision))
            else:
                for hit in workspace.search(args.query):
                    print(json.dumps(hit.__dict__, ensure_ascii=False))
    except (DecisionError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0
