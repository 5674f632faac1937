"""Uploaded articles in the workspace: merged into the timeline for every session, listed, kept
through rebuilds and colleagues' imports, decisions about them re-applied like any other."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from workspace_timeline import VI_A, VI_B, document, event, source, timeline

from extract.model import Document, Event
from extract.store import save
from extract.workspace import AddedFile, Workspace, curation
from extract.workspace.transfer import export_workspace, import_workspace

NEW_TEXT = "Ngày 11/2/2024, Iraq và Mỹ mở vòng đàm phán thứ hai ở Washington.\n"


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace(tmp_path / "workspace.sqlite")
    workspace.take_extraction(*timeline())
    yield workspace
    workspace.close()


def uploaded(name: str = "vòng hai.txt", text: str = NEW_TEXT, author: str = "Lan") -> AddedFile:
    """An article as the dashboard's upload extracts it: one document under upload/, its events."""
    doc = document(f"upload/{name}", text, "vi")
    found = event(
        "second-round", "2024-02-11", "Vòng đàm phán thứ hai", [source(doc, text.strip(), "Ngày 11/2/2024")]
    )
    return AddedFile(name, [doc], [found], author)


def by_date(workspace: Workspace) -> dict[str, Event]:
    return {e.date: e for e in workspace.timeline(include_hidden=True)[1]}


def test_an_upload_joins_the_timeline_of_every_session_and_is_listed(ws: Workspace, tmp_path: Path) -> None:
    (added,) = ws.add([uploaded()])
    assert added.addition is not None and added.renamed == {}
    assert by_date(ws)["2024-02-11"].title == "Vòng đàm phán thứ hai"
    with Workspace(tmp_path / "workspace.sqlite") as other:  # another session, or another server
        assert by_date(other)["2024-02-11"].sources[0].file == "upload/vòng hai.txt"
        (listed,) = other.additions()
    assert (listed.name, listed.author, listed.files, listed.events) == (
        "vòng hai.txt",
        "Lan",
        ["upload/vòng hai.txt"],
        1,
    )
    assert ws.add([uploaded(author="Minh")]) == [type(added)(None, {})]  # the same file again: known
    assert len(ws.timeline()[1]) == len(timeline()[1]) + 1 and len(ws.additions()) == 1


def test_an_upload_telling_a_happening_already_there_merges_into_it(ws: Workspace) -> None:
    again = document("upload/b.txt", VI_B, "vi")  # the talks of 24/1, told by another copy
    told = event("u", "2024-01-24", "Washington xác nhận", [source(again, VI_B.strip(), "Ngày 24/1/2024")])
    ws.add([AddedFile("b.txt", [again], [told])])
    talks = by_date(ws)["2024-01-24"]
    assert {s.file for s in talks.sources} == {"a.txt", "b.txt", "upload/b.txt"}
    assert len(ws.timeline()[1]) == len(timeline()[1])


def test_uploads_and_decisions_about_them_survive_a_rebuild(ws: Workspace, tmp_path: Path) -> None:
    ws.add([uploaded()])
    new = by_date(ws)["2024-02-11"]
    ws.edit(new.id, "Lan", title="Vòng hai, ở Washington", date="2024-02")
    ws.note(new.id, "Nguồn: bài tải lên", "Minh")
    # A rebuild: the extractor wrote events.json again, with one article changed (its passages moved).
    shifted = "Bài viết được cập nhật.\n\n" + VI_A
    save(tmp_path / "out", *timeline(shifted))
    report = ws.follow(tmp_path / "out" / "events.json")
    assert report is not None and report.orphans == []
    kept = next(e for e in ws.timeline()[1] if e.sources[0].file == "upload/vòng hai.txt")
    assert (kept.title, kept.date, kept.precision) == ("Vòng hai, ở Washington", "2024-02", "month")
    assert [n["text"] for n in curation(kept)["notes"]] == ["Nguồn: bài tải lên"]
    assert len(ws.additions()) == 1
    assert any(d.file == "upload/vòng hai.txt" for d in ws.timeline()[0])


def test_a_name_another_text_holds_is_renamed_and_an_exported_state_is_not_taken(ws: Workspace) -> None:
    first, second = uploaded(), uploaded(text=NEW_TEXT.replace("Washington", "Baghdad"))
    second.events[0].extra["curation"] = {"hidden": True, "reviewed": True}  # from a curated export
    added = ws.add([first, second])
    assert added[1].renamed == {"upload/vòng hai.txt": "upload/vòng hai (2).txt"}
    events = [e for e in ws.timeline()[1] if e.date == "2024-02-11"]
    passages = {s.file: s.passage for e in events for s in e.sources}
    assert passages["upload/vòng hai (2).txt"].endswith("ở Baghdad.")
    assert passages["upload/vòng hai.txt"].endswith("ở Washington.")
    assert not any(curation(e)["hidden"] or curation(e)["reviewed"] for e in events)


def test_an_uploaded_timeline_whose_ids_repeat_gets_ids_of_its_own(ws: Workspace) -> None:
    doc = document("upload/other.txt", NEW_TEXT, "vi")
    clash = event("talks", "2024-02-11", "Vòng hai", [source(doc, NEW_TEXT.strip(), "Ngày 11/2/2024")])
    ws.add([AddedFile("timeline.json", [doc], [clash])])
    ids = [e.id for e in ws.timeline()[1]]
    assert len(ids) == len(set(ids)) == len(timeline()[1]) + 1


def test_a_colleague_gets_the_uploads_with_the_workspace(ws: Workspace, tmp_path: Path) -> None:
    ws.add([uploaded()])
    ws.hide(by_date(ws)["2024-02-11"].id, "Lan")
    data = export_workspace(ws)
    with Workspace(tmp_path / "colleague.sqlite") as theirs:
        theirs.take_extraction(*timeline())  # their own build of the same articles
        report = import_workspace(theirs, data)
        assert report.files_added == 1 and report.decisions_added == 1
        (listed,) = theirs.additions()
        assert (listed.name, listed.author) == ("vòng hai.txt", "Lan")
        hidden = by_date(theirs)["2024-02-11"]
        assert curation(hidden)["hidden"] and hidden not in theirs.timeline()[1]


def test_a_workspace_made_before_uploads_were_kept_gets_their_table(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    with Workspace(path) as ws:
        ws.take_extraction(*timeline())
    with sqlite3.connect(path) as raw:
        raw.execute("DROP TABLE additions")
        raw.execute("PRAGMA user_version = 1")
    with Workspace(path) as ws:
        assert ws.additions() == []
        ws.add([uploaded()])
        assert len(ws.additions()) == 1


def test_documents_of_an_upload_already_in_the_extraction_are_not_doubled(ws: Workspace) -> None:
    documents, _ = timeline()
    same = next(d for d in documents if d.file == "b.txt")
    ws.add([AddedFile("events.json", [same], [])])
    files = [d.file for d in ws.timeline()[0]]
    assert files.count("b.txt") == 1 and all(isinstance(d, Document) for d in ws.timeline()[0])


def test_the_command_line_lists_the_uploads(ws: Workspace, capsys: pytest.CaptureFixture[str]) -> None:
    from extract.workspace.cli import main

    ws.add([uploaded()])
    assert main(["--workspace", str(ws.path), "uploads"]) == 0
    assert "Lan: 'vòng hai.txt' 1 events ['upload/vòng hai.txt']" in capsys.readouterr().out


def test_an_upload_landing_while_another_is_merged_is_kept_with_it(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    import extract.workspace.workspace as module

    merged_in = module.merged_in
    other = Workspace(ws.path)  # another session of the same file
    elsewhere = uploaded("khác.txt", NEW_TEXT.replace("Washington", "Baghdad"), "Minh")

    landed: list[bool] = []

    def meanwhile(events: list[Event], added: list[Event]) -> list[Event]:
        if not landed:
            landed.append(True)
            other.add([elsewhere])  # lands while this session merges its own
        return merged_in(events, added)

    monkeypatch.setattr(module, "merged_in", meanwhile)
    ws.add([uploaded()])
    other.close()
    assert [a.name for a in ws.additions()] == ["khác.txt", "vòng hai.txt"]
    files = {s.file for e in ws.timeline()[1] for s in e.sources}
    assert {"upload/khác.txt", "upload/vòng hai.txt"} <= files
