"""Safety: a killed process loses nothing committed and never damages the file; two sessions or
processes editing at once both keep their changes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from workspace_timeline import timeline

from extract.workspace import Workspace, curation
from extract.workspace.transfer import export_workspace, import_workspace

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent

# A child that makes two decisions, then stops inside the transaction of a third (or of a new
# extraction), says so on stdout and waits there to be killed.
_CHILD = """
import sys, time
sys.path[:0] = [{root!r}, {tests!r}]
from pathlib import Path
import extract.workspace.workspace as module
from extract.workspace import Workspace
from workspace_timeline import timeline

ws = Workspace(Path({path!r}))
ws.edit("talks", "child", title="committed one")
ws.hide("strike", "child")

def stop(*args, **kwargs):
    print("inside the transaction", flush=True)
    time.sleep(600)

if {where!r} == "edit":
    module.Workspace._index_decision = stop  # runs after the log row is written, before COMMIT
    ws.edit("attack", "child", title="never committed")
else:
    module.set_meta = stop  # runs after the new extraction is written, before COMMIT
    documents, events = timeline()
    ws.take_extraction(documents, events[:1])
"""


@pytest.mark.parametrize("where", ["edit", "extraction"])
def test_a_process_killed_mid_transaction_loses_nothing_committed(tmp_path: Path, where: str) -> None:
    path = tmp_path / "workspace.sqlite"
    with Workspace(path) as ws:
        ws.take_extraction(*timeline())
    code = _CHILD.format(root=str(ROOT), tests=str(TESTS), path=str(path), where=where)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "inside the transaction"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Workspace(path) as ws:
        assert [(d.author, d.action) for d in ws.log()] == [("child", "edit"), ("child", "hide")]
        events = {e.id: e for e in ws.timeline(include_hidden=True)[1]}
        assert len(events) == 4  # the extraction cut off by the kill never showed
        assert events["talks"].title == "committed one"
        assert events["attack"].title == "Căn cứ ở Anbar bị tấn công"
        assert curation(events["strike"])["hidden"]
        ws.edit("attack", "parent", title="after the crash")  # the file takes new work
        assert {e.id: e for e in ws.timeline()[1]}["attack"].title == "after the crash"


_EDITOR = """
import sys
sys.path[:0] = [{root!r}]
from pathlib import Path
from extract.workspace import Workspace

ws = Workspace(Path({path!r}))
print("ready", flush=True)
sys.stdin.readline()  # both start together
for n in range({count}):
    ws.note(["talks", "attack", "sudani", "strike"][n % 4], f"{name} {{n}}", {name!r})
    if n % 5 == 0:
        ws.edit("talks", {name!r}, title=f"{name} title {{n}}")
"""


def test_two_processes_editing_at_once_both_keep_their_changes(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    with Workspace(path) as ws:
        ws.take_extraction(*timeline())
    count = 40
    editors = [
        subprocess.Popen(
            [sys.executable, "-c", _EDITOR.format(root=str(ROOT), path=str(path), count=count, name=name)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for name in ("Lan", "Minh")
    ]
    for editor in editors:
        assert editor.stdout is not None and editor.stdout.readline().strip() == "ready"
    for editor in editors:
        assert editor.stdin is not None
        editor.stdin.write("go\n")
        editor.stdin.flush()
    for editor in editors:
        assert editor.wait(timeout=120) == 0
    with Workspace(path) as ws:
        notes = {n["text"] for e in ws.timeline()[1] for n in curation(e)["notes"]}
        assert notes == {f"{name} {n}" for name in ("Lan", "Minh") for n in range(count)}
        assert sum(d.action == "edit" for d in ws.log()) == 2 * len(range(0, count, 5))


def test_two_sessions_of_one_server_see_each_others_changes(tmp_path: Path) -> None:
    path = tmp_path / "workspace.sqlite"
    first, second = Workspace(path), Workspace(path)
    try:
        first.take_extraction(*timeline())
        assert len(second.timeline()[1]) == 4
        first.edit("talks", "Lan", date="2024-01")
        second.edit("attack", "Minh", date="2024-01-22")  # its view is brought up to date first
        second.merge(["talks", "sudani"], "Minh")
        for ws in (first, second):
            events = {e.id: e for e in ws.timeline()[1]}
            assert (events["talks"].date, events["attack"].date) == ("2024-01", "2024-01-22")
            assert "sudani" not in events
    finally:
        first.close()
        second.close()


def test_threads_sharing_one_workspace(tmp_path: Path) -> None:
    with Workspace(tmp_path / "workspace.sqlite") as ws:
        ws.take_extraction(*timeline())

        def work(name: str) -> None:
            for n in range(15):
                ws.note("strike", f"{name} {n}", name)
                ws.timeline()

        threads = [threading.Thread(target=work, args=(f"t{k}",)) for k in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        notes = curation(ws.event("strike"))["notes"]
        assert len(notes) == 60 and len({n["text"] for n in notes}) == 60


class _Recording:
    """A connection that notes the SQL text of every statement, its bound values apart."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.statements: list[str] = []

    def execute(self, sql: str, *values: object) -> sqlite3.Cursor:
        self.statements.append(sql)
        return self.connection.execute(sql, *values)

    def executemany(self, sql: str, values: object) -> sqlite3.Cursor:
        self.statements.append(sql)
        return self.connection.executemany(sql, values)

    def close(self) -> None:
        self.connection.close()


def test_no_text_from_articles_or_analysts_ever_enters_an_sql_statement(tmp_path: Path) -> None:
    marker = "Zq9marker"  # in an article, a title, a note, an author, a search
    documents, events = timeline()
    documents[0] = replace(documents[0], text=documents[0].text + marker)
    with Workspace(tmp_path / "workspace.sqlite") as ws:
        recording = _Recording(ws._connection)
        ws._connection = recording  # type: ignore[assignment]
        ws.take_extraction(documents, events)
        ws.edit("talks", marker, title=marker + "'; --")
        ws.note("talks", marker, marker)
        assert ws.search(marker)
        ws.undo(ws.log()[0].seq, marker)
        import_workspace(ws, export_workspace(ws))
    assert len(recording.statements) > 10
    assert not [s for s in recording.statements if marker.casefold() in s.casefold()]
