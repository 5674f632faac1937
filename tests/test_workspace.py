"""The workspace store: decisions, the edit log, undo, and the curated timeline they make."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from workspace_timeline import timeline

from extract.model import Document, Event
from extract.store import load, save
from extract.workspace import DecisionError, Workspace, curation


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace(tmp_path / "workspace.sqlite")
    workspace.take_extraction(*timeline())
    yield workspace
    workspace.close()


def by_id(workspace: Workspace, include_hidden: bool = False) -> dict[str, Event]:
    return {e.id: e for e in workspace.timeline(include_hidden=include_hidden)[1]}


def test_created_from_events_json_and_following_it(tmp_path: Path) -> None:
    documents, events = timeline()
    save(tmp_path / "out", documents, events[1:])
    path = tmp_path / "workspace.sqlite"
    with Workspace.open(path, tmp_path / "out" / "events.json") as workspace:
        got_documents, got_events = workspace.timeline()
        workspace.edit("attack", "Lan", title="Đàm phán Mỹ – Iraq")
    assert got_documents == documents
    assert got_events == load(tmp_path / "out" / "events.json")[1]
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Workspace.open(path, tmp_path / "out" / "events.json") as again:  # the same file: not taken again
        assert again.follow(tmp_path / "out" / "events.json") is None
    save(tmp_path / "out", documents, events)  # the extractor ran again: one more event
    with Workspace.open(path, tmp_path / "out" / "events.json") as again:
        assert [e.id for e in again.timeline()[1]] == ["talks", "attack", "sudani", "strike"]
        assert by_id(again)["attack"].title == "Đàm phán Mỹ – Iraq"


def test_untouched_timeline_is_the_extraction(ws: Workspace) -> None:
    documents, events = ws.timeline()
    assert (documents, events) == timeline()
    assert all(isinstance(d, Document) for d in documents)
    assert curation(events[0]) == {
        "reviewed": False,
        "edited": False,
        "hidden": False,
        "bookmarked": False,
        "notes": [],
        "decisions": [],
    }


def test_edit_fields_with_date_precision_derived(ws: Workspace) -> None:
    ws.edit("talks", "Lan", date="2024-Q1", title="  Talks   begin ", actors=["US", "Iraq", "UN", "US"])
    ws.edit("attack", "Minh", category="agreement")
    ws.edit("strike", "Minh", category="agreement", tone="conflict", relevance=0.2, status="scheduled")
    events = by_id(ws)
    talks = events["talks"]
    assert (talks.date, talks.precision, talks.start, talks.end) == (
        "2024-Q1",
        "quarter",
        "2024-01-01",
        "2024-03-31",
    )
    assert talks.title == "Talks begin"
    assert talks.actors == ["US", "Iraq", "UN"]
    assert curation(talks)["edited"] and curation(talks)["reviewed"]
    assert (events["attack"].category, events["attack"].tone, events["attack"].goldstein) == (
        "agreement",
        "cooperation",
        6.0,
    )
    assert (events["strike"].tone, events["strike"].relevance, events["strike"].status) == (
        "conflict",
        0.2,
        "scheduled",
    )
    assert not curation(events["sudani"])["reviewed"]


def test_unknown_year_date_and_span_accepted(ws: Workspace) -> None:
    ws.edit("talks", "Lan", date="XXXX-01-24")
    ws.edit("attack", "Lan", date="2021/2024", mod="APPROX")
    events = by_id(ws)
    assert (events["talks"].precision, events["talks"].start) == ("day", None)
    assert (events["attack"].precision, events["attack"].end, events["attack"].mod) == (
        "span",
        "2024-12-31",
        "APPROX",
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"date": "24/1/2024"},
        {"date": "2024-02-30"},
        {"date": "P3Y"},
        {"date": "2024-01", "precision": "day"},
        {"precision": "year"},
        {"category": "war"},
        {"tone": "happy"},
        {"status": "planned"},
        {"relevance": 1.5},
        {"relevance": True},
        {"relevance": float("nan")},
        {"title": "   "},
        {"actors": "US"},
        {"summary_en": "x"},
        {},
    ],
)
def test_bad_edits_are_refused_and_not_logged(ws: Workspace, fields: dict) -> None:
    with pytest.raises(DecisionError):
        ws.edit("talks", "Lan", **fields)
    assert ws.log() == []


def test_a_decision_needs_an_author_and_an_event(ws: Workspace) -> None:
    with pytest.raises(DecisionError, match="author"):
        ws.hide("talks", "  ")
    with pytest.raises(DecisionError, match="no event"):
        ws.hide("nope", "Lan")
    assert ws.log() == []


def test_hide_unhide_and_not_about_us_iraq(ws: Workspace) -> None:
    ws.hide("attack", "Lan")
    assert "attack" not in by_id(ws)
    hidden = by_id(ws, include_hidden=True)["attack"]
    assert curation(hidden)["hidden"] and not curation(hidden)["edited"] and curation(hidden)["reviewed"]
    ws.unhide("attack", "Lan")
    assert "attack" in by_id(ws)
    ws.not_about_us_iraq("strike", "Lan")
    assert by_id(ws)["strike"].relevance == 0.0


def test_merge_joins_sources_and_keeps_first_fields(ws: Workspace) -> None:
    ws.edit("attack", "Lan", title="Attack on Anbar")
    ws.note("sudani", "Check the date", "Minh")
    ws.merge(["attack", "sudani", "strike"], "Lan")
    events = by_id(ws)
    assert set(events) == {"talks", "attack"}
    merged = events["attack"]
    assert merged.title == "Attack on Anbar" and merged.date == "2024-01-23"
    assert [s.file for s in merged.sources] == ["a.txt", "a.txt", "c.txt"]
    assert merged.extra["articles"] == 2
    assert [n["text"] for n in curation(merged)["notes"]] == ["Check the date"]
    ws.edit("attack", "Lan", date="2024-01")  # the merged event is edited as one
    assert by_id(ws)["attack"].date == "2024-01"
    with pytest.raises(DecisionError, match="two or more"):
        ws.merge(["talks", "talks"], "Lan")


def test_a_scheduled_event_keeps_its_status_and_merged_with_its_telling_as_done_is_done(
    tmp_path: Path,
) -> None:
    documents, events = timeline()
    events = [replace(e, status="scheduled") if e.id in ("attack", "sudani") else e for e in events]
    with Workspace(tmp_path / "workspace.sqlite") as ws:
        ws.take_extraction(documents, events)
        assert {e.id: e.status for e in ws.timeline()[1]}["attack"] == "scheduled"
        ws.merge(["attack", "sudani"], "Lan")  # two schedules: still one
        assert by_id(ws)["attack"].status == "scheduled"
        ws.merge(["attack", "strike"], "Lan")  # ... and a telling of it done
        assert by_id(ws)["attack"].status == "happened"


def test_a_workspace_made_before_statuses_gets_them(tmp_path: Path) -> None:
    documents, events = timeline()
    save(tmp_path / "out", documents, [replace(events[0], status="scheduled"), *events[1:]])
    path, events_json = tmp_path / "old.sqlite", tmp_path / "out" / "events.json"
    with Workspace.open(path, events_json) as ws:
        assert ws.timeline()[1][0].status == "scheduled"
    with sqlite3.connect(path) as raw:  # as a file made before statuses holds the same extraction
        raw.execute("ALTER TABLE events DROP COLUMN status")
        raw.execute("PRAGMA user_version = 2")
    with Workspace(path) as ws:
        assert {e.status for e in ws.timeline()[1]} == {"happened"}
    with Workspace.open(path, events_json) as ws:  # the same events.json, taken again for its statuses
        assert ws.timeline()[1][0].status == "scheduled"


def test_split_makes_a_source_its_own_event(ws: Workspace) -> None:
    ws.split("talks", 1, "Lan")
    events = ws.timeline()[1]
    assert events[0].id == "talks"
    alone = events[1]  # right after the event it came from
    assert alone.id.startswith("split-") and [s.file for s in alone.sources] == ["b.txt"]
    assert [s.file for s in by_id(ws)["talks"].sources] == ["a.txt"]
    assert curation(alone)["edited"] and curation(by_id(ws)["talks"])["edited"]
    ws.edit(alone.id, "Lan", date="2024-01-25")
    assert by_id(ws)[alone.id].date == "2024-01-25" and by_id(ws)["talks"].date == "2024-01-24"
    with pytest.raises(DecisionError, match="nothing to split"):
        ws.split("attack", 0, "Lan")
    with pytest.raises(DecisionError, match="no source 5"):
        ws.split("talks", 5, "Lan")


def test_notes_and_bookmarks(ws: Workspace) -> None:
    ws.note("talks", "Nguồn thứ hai cần xác minh", "Minh")
    ws.bookmark("talks", "Minh")
    state = curation(by_id(ws)["talks"])
    assert state["bookmarked"] and not state["edited"] and state["reviewed"]
    assert [(n["author"], n["text"]) for n in state["notes"]] == [("Minh", "Nguồn thứ hai cần xác minh")]
    ws.unbookmark("talks", "Minh")
    assert not curation(by_id(ws)["talks"])["bookmarked"]
    ws.review("strike", "Minh")
    assert curation(by_id(ws)["strike"])["reviewed"] and not curation(by_id(ws)["strike"])["edited"]


def test_log_records_author_time_and_undo_of_any_decision(ws: Workspace) -> None:
    first = ws.edit("talks", "Lan", title="One")
    second = ws.hide("attack", "Minh")
    ws.edit("talks", "Lan", date="2024-01")
    log = ws.log()
    assert [(d.seq, d.author, d.action) for d in log] == [
        (first.seq, "Lan", "edit"),
        (second.seq, "Minh", "hide"),
        (log[2].seq, "Lan", "edit"),
    ]
    assert all(d.at.endswith("+00:00") for d in log)
    undo = ws.undo(first.seq, "Minh")  # not the last one
    events = by_id(ws)
    assert events["talks"].title == "Hoa Kỳ và Iraq bắt đầu đàm phán" and events["talks"].date == "2024-01"
    assert "attack" not in events
    with pytest.raises(DecisionError, match="already undone"):
        ws.undo(first.seq, "Minh")
    ws.undo(undo.seq, "Lan")  # undoing the undo redoes
    assert by_id(ws)["talks"].title == "One"
    assert len(ws.log()) == 5
    with pytest.raises(DecisionError, match="no decision"):
        ws.undo(999, "Lan")


def test_undo_a_merge_brings_the_events_back(ws: Workspace) -> None:
    merge = ws.merge(["talks", "strike"], "Lan")
    ws.undo(merge.seq, "Lan")
    assert set(by_id(ws)) == {"talks", "attack", "sudani", "strike"}
    assert not curation(by_id(ws)["strike"])["reviewed"]


def test_log_is_append_only_in_the_file(ws: Workspace) -> None:
    ws.hide("talks", "Lan")
    with sqlite3.connect(ws.path) as raw:
        for statement in ("UPDATE log SET author = 'X'", "DELETE FROM log"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                raw.execute(statement)
    assert [d.author for d in ws.log()] == ["Lan"]


def test_text_that_looks_like_sql_is_kept_verbatim(ws: Workspace) -> None:
    evil = "x'); DROP TABLE log; -- \" OR 1=1 <script>"
    ws.edit("talks", evil, title=evil)
    ws.note("talks", evil, evil)
    with Workspace(ws.path) as reopened:
        talks = by_id(reopened)["talks"]
        assert talks.title == evil
        assert curation(talks)["notes"][0]["text"] == evil
        assert [d.author for d in reopened.log()] == [evil, evil]


def test_decisions_persist_across_reopen(ws: Workspace) -> None:
    ws.edit("talks", "Lan", title="Kept")
    ws.close()
    with Workspace(ws.path) as reopened:
        assert by_id(reopened)["talks"].title == "Kept"


def test_decisions_applied_one_by_one_make_what_the_whole_log_makes(tmp_path: Path) -> None:
    """A session applies each new decision on top of the timeline it has; a new session applies the
    whole log at once: after every kind of decision, undos among them, both timelines are the same."""
    from dashboard.sample import generated_timeline

    rng = random.Random(7)
    path = tmp_path / "workspace.sqlite"
    with Workspace(path) as session:
        session.take_extraction(*generated_timeline(200))
        for n in range(160):
            events = session.timeline(include_hidden=True)[1]
            event = rng.choice(events)
            kind = n % 8
            if kind == 0:
                session.edit(event.id, "Lan", title=f"Sửa {n}", date="2015-06")
            elif kind == 1:
                session.merge([event.id, *(e.id for e in rng.sample(events, 2))], "Minh")
            elif kind == 2 and len(event.sources) > 1:
                session.split(event.id, rng.randrange(len(event.sources)), "Lan")
            elif kind == 3:
                session.hide(event.id, "Lan")
            elif kind == 4:
                session.note(event.id, f"ghi chú {n}", "Minh")
            elif kind == 5:
                session.bookmark(event.id, "Lan")
            else:
                undone = {d.undoes for d in session.log()}
                session.undo(rng.choice([d.seq for d in session.log() if d.uid not in undone]), "Minh")
            if n % 20 == 19:
                with Workspace(path) as fresh:
                    assert fresh.timeline(include_hidden=True) == session.timeline(include_hidden=True)
                    assert fresh.curated().orphans == session.curated().orphans
                    assert fresh.curated().applied_to == session.curated().applied_to
        assert sum(d.action == "undo" for d in session.log()) >= 40
        assert any(len(e.sources) > 1 for e in session.timeline()[1])
