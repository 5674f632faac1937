"""Decisions survive rebuilds: re-applied to the events they concern, found by their sources."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from workspace_timeline import VI_A, timeline

from extract.cli import main as cli
from extract.model import Event
from extract.workspace import Workspace, curation

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace(tmp_path / "workspace.sqlite")
    workspace.take_extraction(*timeline())
    yield workspace
    workspace.close()


def by_id(workspace: Workspace) -> dict[str, Event]:
    return {e.id: e for e in workspace.timeline(include_hidden=True)[1]}


def test_unchanged_source_keeps_every_decision(ws: Workspace) -> None:
    ws.edit("talks", "Lan", date="2024-01-25")
    ws.hide("strike", "Lan")
    report = ws.take_extraction(*timeline())
    assert (report.decisions, report.moved, report.orphans) == (2, [], [])
    assert by_id(ws)["talks"].date == "2024-01-25"
    assert curation(by_id(ws)["strike"])["hidden"]


def test_moved_passage_is_found_by_its_content(ws: Workspace) -> None:
    retitle = ws.edit("attack", "Lan", title="Anbar base attacked")
    merge = ws.merge(["sudani", "strike"], "Lan")
    shifted = "Cập nhật lúc 9 giờ: bài viết có thêm đoạn mở đầu.\n\n" + VI_A  # every offset in a.txt moves
    report = ws.take_extraction(*timeline(shifted))
    assert {d.seq for d in report.moved} == {retitle.seq, merge.seq}
    assert report.orphans == []
    events = by_id(ws)
    attack = events["attack"]
    assert attack.title == "Anbar base attacked"
    assert attack.sources[0].passage_start == shifted.index("Hôm 23/1")
    assert {s.file for s in events["sudani"].sources} == {"a.txt", "c.txt"} and "strike" not in events


def test_new_event_ids_do_not_matter(ws: Workspace) -> None:
    ws.edit("talks", "Lan", title="Kept")
    documents, events = timeline()
    ws.take_extraction(documents, [replace(e, id=e.id + "-v2") for e in events])
    assert by_id(ws)["talks-v2"].title == "Kept"


def test_deleted_file_lists_its_decisions_and_keeps_them(ws: Workspace) -> None:
    note = ws.note("strike", "Soleimani", "Minh")
    ws.edit("talks", "Lan", title="Talks")  # its sources are in a.txt and b.txt
    documents, events = timeline()
    gone = [d for d in documents if d.file != "c.txt"], [e for e in events if e.id != "strike"]
    report = ws.take_extraction(*gone)
    assert [d.seq for d in report.orphans] == [note.seq] == [d.seq for d in ws.orphans()]
    assert note in ws.log()
    assert by_id(ws)["talks"].title == "Talks"
    ws.take_extraction(documents, events)  # the file is back: so is its note
    assert ws.orphans() == []
    assert curation(by_id(ws)["strike"])["notes"][0]["text"] == "Soleimani"


def test_one_surviving_source_is_enough(ws: Workspace) -> None:
    ws.edit("talks", "Lan", title="Talks")
    report = ws.take_extraction(*timeline(with_b=False))  # b.txt, the second source, is gone
    assert report.orphans == []
    assert by_id(ws)["talks"].title == "Talks"


def test_rewritten_passage_is_an_orphan(ws: Workspace) -> None:
    edit = ws.edit("attack", "Lan", title="Attack")
    rewritten = VI_A.replace("bị tấn công", "bị tập kích bằng rocket")
    report = ws.take_extraction(*timeline(rewritten))
    assert [d.seq for d in report.orphans] == [edit.seq]
    assert by_id(ws)["attack"].title == "Căn cứ ở Anbar bị tấn công"


def test_merge_with_a_vanished_member_is_listed(ws: Workspace) -> None:
    merge = ws.merge(["talks", "strike"], "Lan")
    documents, events = timeline()
    report = ws.take_extraction(
        [d for d in documents if d.file != "c.txt"], [e for e in events if e.id != "strike"]
    )
    assert [d.seq for d in report.orphans] == [merge.seq]
    assert {s.file for s in by_id(ws)["talks"].sources} == {"a.txt", "b.txt"}


def _build(articles: list[Path], out: Path, workspace: Path) -> int:
    args = ["build", *map(str, articles), "--manifest", str(ROOT / "seeds" / "manifest.csv")]
    return cli([*args, "--out", str(out), "--workspace", str(workspace)])


def test_rebuild_from_the_seeds_plus_one_article_keeps_the_edits(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds, ignore=shutil.ignore_patterns("manifest.csv"))
    path = tmp_path / "workspace.sqlite"
    assert _build([seeds], tmp_path / "out", path) == 0
    with Workspace(path) as ws:
        events = ws.timeline()[1]
        talks = next(e for e in events if e.date == "2024-01-24")
        strike = next(e for e in events if e.date == "2020-01-03")
        attack = next(e for e in events if e.date == "2024-01-23")
        ultimatum = next(e for e in events if e.date == "2020-02")
        ws.edit(strike.id, "Lan", date="2020-01-02", title="Không kích tướng Soleimani")
        ws.merge([talks.id, attack.id], "Lan")
        ws.hide(ultimatum.id, "Minh")
    # More articles, and a seed changed: a line added at its top moves every passage.
    seed = seeds / "001_b42aa4ae9a39e79e.txt"
    seed.write_text("Bài viết được cập nhật.\n\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    assert _build([seeds, ROOT / "tests" / "workspace_articles"], tmp_path / "out", path) == 0
    with Workspace(path) as ws:
        assert ws.orphans() == []
        events = ws.timeline()[1]
        assert any(e.date == "2024-02-11" for e in events)  # the new article's event
        redated = next(e for e in events if e.title == "Không kích tướng Soleimani")
        assert redated.date == "2020-01-02" and redated.id == strike.id
        # The extractor's ids of a moved passage change (they hash its offsets): find events by passage.
        merged = [e for e in events if {s.passage for s in e.sources} & {s.passage for s in attack.sources}]
        assert len(merged) == 1
        assert {s.passage for s in merged[0].sources} == {s.passage for s in talks.sources + attack.sources}
        assert merged[0].date == talks.date
        assert ultimatum.id not in {e.id for e in events}
        hidden = {e.id for e in ws.timeline(include_hidden=True)[1] if curation(e)["hidden"]}
        assert hidden == {ultimatum.id}


def test_build_lists_decisions_whose_file_is_gone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds, ignore=shutil.ignore_patterns("manifest.csv"))
    path = tmp_path / "workspace.sqlite"
    _build([seeds], tmp_path / "out", path)
    with Workspace(path) as ws:
        strike = next(e for e in ws.timeline()[1] if e.date == "2020-01-03")
        ws.note(strike.id, "Ngày 3/1 theo giờ Baghdad", "Minh")
    (seeds / "000_16a87874902828e2.txt").unlink()
    capsys.readouterr()
    _build([seeds], tmp_path / "out", path)
    err = capsys.readouterr().err
    assert "1 decisions whose sources are gone" in err
    assert "Minh: note 000_16a87874902828e2.txt" in err
