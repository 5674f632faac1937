"""A whole workspace as one JSON file, handed to a colleague."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from workspace_timeline import timeline

from extract.workspace import DecisionError, Workspace, curation
from extract.workspace.cli import main as workspace_cli
from extract.workspace.transfer import export_workspace, import_workspace, load_export, save_export


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace(tmp_path / "mine.sqlite")
    workspace.take_extraction(*timeline())
    yield workspace
    workspace.close()


def curated(workspace: Workspace) -> list:
    return workspace.timeline(include_hidden=True)[1]


def test_a_colleague_gets_the_same_curated_timeline(ws: Workspace, tmp_path: Path) -> None:
    ws.edit("talks", "Lan", date="2024-01", category="agreement", tone="neutral")
    ws.merge(["attack", "sudani"], "Lan")
    ws.split("talks", 1, "Lan")
    ws.note("strike", "Nguồn: Reuters", "Lan")
    undone = ws.hide("strike", "Lan")
    ws.undo(undone.seq, "Lan")
    save_export(ws, tmp_path / "work.json")
    with Workspace(tmp_path / "colleague.sqlite") as colleague:
        report = load_export(colleague, tmp_path / "work.json")
        assert (report.decisions_added, report.decisions_known, report.extraction_taken) == (6, 0, True)
        assert curated(colleague) == curated(ws)
        assert [(d.uid, d.author, d.at) for d in colleague.log()] == [
            (d.uid, d.author, d.at) for d in ws.log()
        ]
        assert [h.event_id for h in colleague.search("Reuters")] == ["strike"]
        again = load_export(colleague, tmp_path / "work.json")  # importing twice adds nothing
        assert (again.decisions_added, again.decisions_known, again.extraction_taken) == (0, 6, False)


def test_import_joins_the_colleagues_work_to_mine(ws: Workspace, tmp_path: Path) -> None:
    with Workspace(tmp_path / "colleague.sqlite") as colleague:
        colleague.take_extraction(*timeline())
        colleague.note("talks", "theirs", "Minh")
        data = export_workspace(colleague)
    ws.note("talks", "mine", "Lan")
    report = import_workspace(ws, data)
    assert (report.decisions_added, report.extraction_taken) == (1, False)
    assert [n["text"] for n in curation(ws.event("talks"))["notes"]] == ["mine", "theirs"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(format="something else"),
        lambda d: d.update(version=99),
        lambda d: d["log"][0].update(action="drop"),
        lambda d: d["log"][0].update(author=""),
        lambda d: d["log"][0]["payload"]["fields"].update(date="yesterday"),
        lambda d: d["log"][0]["anchors"][0][0].update(passage_start="0"),
        lambda d: d["log"][0].update(anchors="talks"),
        lambda d: d["log"][1].update(undoes=None),
    ],
)
def test_a_damaged_export_is_refused_whole(ws: Workspace, damage) -> None:
    decision = ws.edit("talks", "Lan", date="2024-01")
    ws.undo(decision.seq, "Lan")
    data = orjson.loads(orjson.dumps(export_workspace(ws)))
    damage(data)
    with Workspace(ws.path.with_name("other.sqlite")) as other:
        other.take_extraction(*timeline())
        with pytest.raises(DecisionError):
            import_workspace(other, data)
        assert other.log() == []


def test_command_line_export_import(
    ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws.edit("talks", "Lan", title="Đàm phán")
    ws.close()
    assert workspace_cli(["--workspace", str(ws.path), "export", str(tmp_path / "w.json")]) == 0
    colleague = tmp_path / "colleague.sqlite"
    assert workspace_cli(["--workspace", str(colleague), "import", str(tmp_path / "w.json")]) == 0
    assert "1 decisions added" in capsys.readouterr().out
    assert workspace_cli(["--workspace", str(colleague), "search", "dam phan"]) == 0
    assert '"event_id": "talks"' in capsys.readouterr().out
    assert workspace_cli(["--workspace", str(tmp_path / "none.sqlite"), "log"]) == 2
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert workspace_cli(["--workspace", str(colleague), "import", str(tmp_path / "bad.json")]) == 2


def test_backup_while_another_session_edits(ws: Workspace, tmp_path: Path) -> None:
    ws.edit("talks", "Lan", title="Before the backup")
    with Workspace(ws.path) as other:
        other.note("talks", "also before", "Minh")
        assert workspace_cli(["--workspace", str(ws.path), "backup", str(tmp_path / "copy.sqlite")]) == 0
        other.note("talks", "after", "Minh")
    with Workspace(tmp_path / "copy.sqlite") as copy:
        talks = copy.event("talks")
        assert talks.title == "Before the backup"
        assert [n["text"] for n in curation(talks)["notes"]] == ["also before"]
