"""The Dask engine: the same per-article function on a cluster gives the local output, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.manifest import read_manifest
from extract.pipeline import build
from extract.store import save

pytest.importorskip("dask.distributed", reason="the dask extra is not installed")

ROOT = Path(__file__).resolve().parent.parent


def _output(inputs, manifest, out: Path, **options) -> tuple[bytes, list[str]]:
    timeline = build(inputs, manifest, **options)
    save(out, timeline.documents, timeline.events)
    return (out / "events.json").read_bytes() + (out / "timeline.csv").read_bytes(), timeline.errors


def test_dask_output_equals_local_output_on_the_seeds_with_failures_reported_alike(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", articles, ignore=shutil.ignore_patterns("manifest.csv"))
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(bytes(range(256)) * 4)
    manifest = read_manifest(ROOT / "seeds" / "manifest.csv")
    local = _output([articles], manifest, tmp_path / "local")
    on_dask = _output([articles], manifest, tmp_path / "dask", engine="dask")
    assert on_dask == local
    assert len(local[1]) == 2
    # inputs given as fsspec URLs are read by the workers, with the same result
    url = articles.resolve().as_uri()
    assert _output([url], manifest, tmp_path / "url", engine="dask") == local


@pytest.mark.shared
def test_dask_output_equals_local_output_on_seeds_and_dev(shared, tmp_path):
    manifest = read_manifest(ROOT / "seeds" / "manifest.csv")
    manifest.update(read_manifest(shared / "dev" / "manifest.csv"))
    inputs = [ROOT / "seeds", shared / "dev" / "articles"]
    local = _output(inputs, manifest, tmp_path / "local", jobs=2)
    assert _output(inputs, manifest, tmp_path / "dask", engine="dask") == local
