"""The per-article cache: a rebuild re-extracts only new or changed articles, same output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract import pipeline
from extract.cache import ArticleCache, version_of
from extract.manifest import read_manifest
from extract.store import save

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _build(articles: Path, out: Path, **options):
    timeline = pipeline.build(
        [articles], read_manifest(SEEDS / "manifest.csv"), cache_dir=out / ".cache", **options
    )
    save(out, timeline.documents, timeline.events)
    return timeline


def _counting(monkeypatch) -> list[str]:
    """Names of the articles actually extracted (not read from the cache)."""
    extracted: list[str] = []
    real = pipeline._safe_process

    def spy(job):
        extracted.append(job[1])
        return real(job)

    monkeypatch.setattr(pipeline, "_safe_process", spy)
    return extracted


def test_a_rebuild_extracts_only_new_or_changed_articles_with_the_same_output(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles, ignore=shutil.ignore_patterns("manifest.csv"))
    _build(articles, tmp_path / "cached")
    first = (tmp_path / "cached" / "events.json").read_bytes()
    extracted = _counting(monkeypatch)
    _build(articles, tmp_path / "cached")
    assert extracted == []
    assert (tmp_path / "cached" / "events.json").read_bytes() == first
    # one article changed: only it is extracted again
    changed = sorted(articles.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nMột câu thêm.\n", encoding="utf-8")
    _build(articles, tmp_path / "cached")
    assert extracted == [changed.name]
    # and the output is the one a build without any cache gives
    timeline = pipeline.build([articles], read_manifest(SEEDS / "manifest.csv"))
    save(tmp_path / "fresh", timeline.documents, timeline.events)
    fresh = (tmp_path / "fresh" / "events.json").read_bytes()
    assert (tmp_path / "cached" / "events.json").read_bytes() == fresh


def test_a_changed_language_resource_is_another_version(tmp_path):
    package = tmp_path / "extract"
    shutil.copytree(ROOT / "extract", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = version_of(package)
    assert version_of(package) == before  # stable
    resource = package / "lang" / "vi" / "events.toml"
    resource.write_text(resource.read_text(encoding="utf-8") + "\n# a new line\n", encoding="utf-8")
    assert version_of(package) != before
    # the evaluation never shapes an article's events: no new version
    after = version_of(package)
    (package / "evaluate" / "report.py").write_text("# changed\n", encoding="utf-8")
    assert version_of(package) == after


def test_entries_of_another_version_miss_and_are_pruned(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles, ignore=shutil.ignore_patterns("manifest.csv"))
    _build(articles, tmp_path / "out")
    old = {p.name for p in (tmp_path / "out" / ".cache").iterdir() if p.is_dir()}
    monkeypatch.setattr("extract.cache.extractor_version", lambda: "f" * 64)
    extracted = _counting(monkeypatch)
    _build(articles, tmp_path / "out")
    assert sorted(extracted) == sorted(p.name for p in articles.glob("*.txt"))
    assert {p.name for p in (tmp_path / "out" / ".cache").iterdir() if p.is_dir()} == {"f" * 32}
    assert old != {"f" * 32}


def test_an_interrupted_build_leaves_the_cache_and_the_previous_output_usable(tmp_path, monkeypatch):
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles, ignore=shutil.ignore_patterns("manifest.csv"))
    out = tmp_path / "out"
    _build(articles, out)
    previous = (out / "events.json").read_bytes()
    # a new article, and the build interrupted while writing an entry: nothing is half-written
    (articles / "new.txt").write_text(
        "Ngày 3/5/2030, Mỹ và Iraq ký thỏa thuận an ninh mới.\n", encoding="utf-8"
    )

    def interrupted(self, key, *entry):
        raise KeyboardInterrupt

    monkeypatch.setattr(ArticleCache, "put", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _build(articles, out)
    monkeypatch.undo()
    assert (out / "events.json").read_bytes() == previous
    assert not list((out / ".cache").rglob("*.tmp"))
    # a damaged entry is a miss, not a failure
    entry = next((out / ".cache").rglob("*.json"))
    entry.write_bytes(b'{"document": ')
    extracted = _counting(monkeypatch)
    timeline = _build(articles, out)
    assert "new.txt" in extracted and len(extracted) == 2
    assert len(timeline.documents) == 3


def test_the_cache_folder_keeps_itself_out_of_git(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(SEEDS, articles, ignore=shutil.ignore_patterns("manifest.csv"))
    _build(articles, tmp_path / "out")
    assert (tmp_path / "out" / ".cache" / ".gitignore").read_text(encoding="utf-8") == "*\n"


def test_no_cache_writes_none(tmp_path):
    from extract.cli import main

    code = main(
        ["build", str(SEEDS), "--manifest", str(SEEDS / "manifest.csv"), "--out", str(tmp_path), "--no-cache"]
    )
    assert code == 0
    assert not (tmp_path / ".cache").exists()


def test_key_dates_from_the_days_kept_with_each_article_equal_those_of_tagging_again(tmp_path):
    from extract.cli import main

    out = tmp_path / "out"
    command = ["build", str(SEEDS), "--manifest", str(SEEDS / "manifest.csv"), "--out", str(out)]
    assert main(command) == 0
    assert main(command) == 0  # every article from the cache, with the days it names
    kept = (out / "keydates.json").read_bytes()
    assert main(["keydates", str(out)]) == 0  # the documents tagged again
    assert (out / "keydates.json").read_bytes() == kept
