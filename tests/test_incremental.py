"""The incremental merge: a rebuild that only adds articles merges the new events into the saved
state; it gives the full merge's output where that is pinned, and falls back to the full merge."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest
from test_merge import events_of

from extract import incremental, pipeline
from extract.cli import main
from extract.incremental import MERGE_STATE, merge_articles, read_state
from extract.manifest import read_manifest
from extract.merge import merge
from extract.model import Metadata

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _manifest(shared: Path | None = None) -> dict[str, Metadata]:
    manifest = read_manifest(SEEDS / "manifest.csv")
    if shared is not None:
        manifest.update(read_manifest(shared / "dev" / "manifest.csv"))
    return manifest


def _build(articles: Path, out: Path, manifest: dict[str, Metadata], **options) -> pipeline.Timeline:
    """A build with the cache and the merge state in ``out``, the state saved as the command saves it."""
    timeline = pipeline.build(
        [articles], manifest, cache_dir=out / ".cache", merge_state=out / MERGE_STATE, **options
    )
    (out / MERGE_STATE).write_bytes(incremental.state_bytes(timeline.merge_state))  # type: ignore[arg-type]
    return timeline


def _full(articles: Path, manifest: dict[str, Metadata]) -> bytes:
    return orjson.dumps(pipeline.build([articles], manifest).events)


def _merges(monkeypatch) -> list[str]:
    """'full' or 'incremental' for each merge of the collection."""
    seen: list[str] = []
    real = incremental._incremental

    def spy(*args):
        seen.append("incremental")
        return real(*args)

    monkeypatch.setattr(incremental, "_incremental", spy)
    real_clusters = incremental.clusters

    def full(events, *rest):
        if not rest:
            seen.append("full")
        return real_clusters(events, *rest)

    monkeypatch.setattr(incremental, "clusters", full)
    return seen


def _seed_files(shared: Path) -> list[Path]:
    return sorted((shared / "dev" / "articles").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


def test_articles_added_one_at_a_time_give_the_full_merge_on_seeds_and_dev(tmp_path, shared, monkeypatch):
    manifest = _manifest(shared)
    articles, out = tmp_path / "articles", tmp_path / "out"
    articles.mkdir()
    monkeypatch.setattr(incremental, "FULL_MERGE_GROWTH", 10**9)  # a small collection grows fast
    merges = _merges(monkeypatch)
    files = _seed_files(shared)
    for path in files:
        shutil.copy(path, articles / path.name)
        timeline = _build(articles, out, manifest)
        assert orjson.dumps(timeline.events) == _full(articles, manifest), path.name
    assert merges == ["full"] + ["incremental"] * (len(files) - 1)


def test_a_rebuild_with_nothing_new_writes_the_same_output(tmp_path):
    articles, out = tmp_path / "articles", tmp_path / "out"
    shutil.copytree(SEEDS, articles, ignore=shutil.ignore_patterns("manifest.csv"))
    first = orjson.dumps(_build(articles, out, _manifest()).events)
    assert orjson.dumps(_build(articles, out, _manifest()).events) == first


@pytest.mark.parametrize("change", ["changed", "removed"])
def test_a_changed_or_removed_article_merges_in_full(tmp_path, monkeypatch, change):
    articles, out = tmp_path / "articles", tmp_path / "out"
    shutil.copytree(SEEDS, articles, ignore=shutil.ignore_patterns("manifest.csv"))
    (articles / "new.txt").write_text(
        "Ngày 3/5/2030, Mỹ và Iraq ký thỏa thuận an ninh mới.\n", encoding="utf-8"
    )
    _build(articles, out, _manifest())
    first = sorted(articles.glob("0*.txt"))[0]
    if change == "changed":
        first.write_text(
            first.read_text(encoding="utf-8") + "\nNgày 4/5/2030, Iraq đón phái đoàn Mỹ.\n", encoding="utf-8"
        )
    else:
        first.unlink()
    merges = _merges(monkeypatch)
    timeline = _build(articles, out, _manifest())
    assert merges == ["full"]
    assert orjson.dumps(timeline.events) == _full(articles, _manifest())


def test_another_extractor_version_merges_in_full(tmp_path, monkeypatch):
    articles, out = tmp_path / "articles", tmp_path / "out"
    shutil.copytree(SEEDS, articles, ignore=shutil.ignore_patterns("manifest.csv"))
    _build(articles, out, _manifest())
    state = read_state(out / MERGE_STATE)
    assert state is not None
    events = [e for told in _article_events(articles) for e in told]
    # the same articles under another version: the state is not built on
    keyed = [(key, told) for (key, _), told in zip(state.articles, _article_events(articles), strict=True)]
    merges = _merges(monkeypatch)
    merged_events, _ = merge_articles(keyed, "another version", state)
    assert merges == ["full"]
    assert orjson.dumps(merged_events) == orjson.dumps(merge(events))


def _article_events(articles: Path) -> list[list]:
    return [
        pipeline.process_file(path, path.name, _manifest().get(path.name))[1]
        for path in sorted(articles.glob("*.txt"))
    ]


def test_no_cache_ignores_the_saved_state(tmp_path):
    out = tmp_path / "out"
    command = ["build", str(SEEDS), "--manifest", str(SEEDS / "manifest.csv"), "--out", str(out)]
    assert main(command) == 0
    full = (out / "events.json").read_bytes()
    # a state that claims every event is one happening: were it read, the output would show it
    state = read_state(out / MERGE_STATE)
    assert state is not None
    events = sum(count for _, count in state.articles)
    bogus = state._replace(groups=[list(range(events))])
    (out / MERGE_STATE).write_bytes(incremental.state_bytes(bogus))
    assert main([*command, "--no-cache"]) == 0
    assert (out / "events.json").read_bytes() == full
    assert read_state(out / MERGE_STATE) == bogus  # neither read nor written
    # the same state is built on by a build with the cache (nothing new: its groups are kept)
    assert main(command) == 0
    assert (out / "events.json").read_bytes() != full


def test_an_interrupted_build_leaves_the_merge_state_usable(tmp_path, monkeypatch):
    articles, out = tmp_path / "articles", tmp_path / "out"
    shutil.copytree(SEEDS, articles, ignore=shutil.ignore_patterns("manifest.csv"))
    command = ["build", str(articles), "--manifest", str(SEEDS / "manifest.csv"), "--out", str(out)]
    assert main(command) == 0
    state = (out / MERGE_STATE).read_bytes()
    (articles / "new.txt").write_text(
        "Ngày 3/5/2030, Mỹ và Iraq ký thỏa thuận an ninh mới.\n", encoding="utf-8"
    )
    real = incremental.state_bytes

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(incremental, "state_bytes", interrupted)  # the output written, the state not
    assert main(command) == 130
    monkeypatch.setattr(incremental, "state_bytes", real)
    assert (out / MERGE_STATE).read_bytes() == state
    assert not list(out.glob(".*.tmp"))
    # the older state still describes its own articles: the next build adds the new one to it
    assert main(command) == 0
    assert orjson.loads((out / "events.json").read_bytes())["events"] == orjson.loads(
        _full(articles, _manifest())
    )
    assert read_state(out / MERGE_STATE) is not None


def test_a_damaged_state_is_no_state(tmp_path):
    (tmp_path / MERGE_STATE).write_bytes(b'{"version": ')
    assert read_state(tmp_path / MERGE_STATE) is None
    assert read_state(tmp_path / "absent.json") is None


# What the incremental merge leaves out, pinned on made-up events (tests/test_merge.py's).

STRIKE_DAY = events_of(
    "new.txt",
    "Ngày 3/5/2030, máy bay Mỹ không kích một căn cứ của dân quân ở miền tây Iraq, khiến 12 người chết.",
    [("Ngày 3/5/2030", "2030-05-03")],
)
STRIKE_YEAR = events_of(
    "old.txt",
    "Năm 2030, máy bay Mỹ không kích một căn cứ của dân quân ở miền tây Iraq, khiến 12 người chết.",
    [("Năm 2030", "2030")],
)
STRIKE_MONTH = events_of(
    "old.txt",
    "Trong tháng 5/2030, máy bay Mỹ không kích căn cứ của dân quân ở miền tây Iraq, khiến 12 người chết.",
    [("tháng 5/2030", "2030-05")],
)


def _added(old: list, new: list) -> tuple[list, list]:
    """The merge of ``old`` then ``new`` added incrementally, and the full merge of both."""
    _, state = merge_articles([("old", old)], "v")
    state = state._replace(fully_merged=10**6)  # no full merge for growth
    events, _ = merge_articles([("old", old), ("new", new)], "v", state)
    return events, merge([*old, *new])


def test_a_new_day_meets_an_old_month_that_holds_it():
    incremental_events, full = _added(STRIKE_MONTH, STRIKE_DAY)
    assert orjson.dumps(incremental_events) == orjson.dumps(full)
    assert len(full) == 1


def test_a_new_day_is_not_compared_with_an_old_year_that_holds_it():
    # the accepted difference: a full merge makes them one happening, the incremental one does not
    incremental_events, full = _added(STRIKE_YEAR, STRIKE_DAY)
    assert len(full) == 1
    assert len(incremental_events) == 2
    assert {e.date for e in incremental_events} == {"2030", "2030-05-03"}


def test_growth_past_a_tenth_since_the_last_full_merge_merges_in_full(monkeypatch):
    _, state = merge_articles([("old", STRIKE_YEAR)], "v")
    merges = _merges(monkeypatch)
    events, next_state = merge_articles([("old", STRIKE_YEAR), ("new", STRIKE_DAY)], "v", state)
    assert merges == ["full"]
    assert next_state.fully_merged == len(STRIKE_YEAR) + len(STRIKE_DAY)
    assert orjson.dumps(events) == orjson.dumps(merge([*STRIKE_YEAR, *STRIKE_DAY]))
