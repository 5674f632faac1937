"""Key-date ranking speed: the key dates of 2,000 articles' events, on one core.

The articles are 2,000 of T17's real English news (``../shared/t17``, all seven topics, a fixed
random sample), or, without ``../shared``, 2,000 articles generated from the seeds as the pipeline
benchmark makes them. They are built once (not timed) and their day mentions tagged once (timed
apart: ``write_key_dates`` does it when the build kept none); then ``extract.keydates.key_dates``
ranks every day of their events, best of five runs, with K from the collection's size and with
K = 100.
Run: ``python benchmarks/bench_keydates.py [--articles 2000] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from bench_pipeline import generate
from sources import SHARED

from extract.manifest import read_manifest
from extract.model import Metadata

RUNS = 5


def _t17_articles(count: int, seed: int = 0) -> tuple[list[Path], dict[str, Metadata]] | None:
    topics = SHARED / "t17"
    if not topics.is_dir():
        return None
    manifest: dict[str, Metadata] = {}
    paths: list[Path] = []
    for topic in sorted(p for p in topics.iterdir() if (p / "manifest.csv").is_file()):
        manifest |= read_manifest(topic / "manifest.csv")
        paths += sorted((topic / "articles").glob("*.txt"))
    if len(paths) < count:
        return None
    return sorted(random.Random(seed).sample(paths, count)), manifest


def _best(function) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def run(count: int) -> dict:
    from extract.keydates import day_mentions, key_dates
    from extract.pipeline import build

    with tempfile.TemporaryDirectory(prefix="bench_keydates_") as tmp:
        found = _t17_articles(count)
        if found:
            paths, manifest = found
            corpus = f"{count} T17 articles (real English news)"
        else:
            folder = Path(tmp) / "articles"
            folder.mkdir()
            manifest = read_manifest(generate(folder, count))
            paths = sorted(folder.iterdir())
            corpus = f"{count} articles generated from the seeds ({SHARED / 't17'} is absent)"
        timeline = build(paths, manifest, jobs=1)
    published = [d.meta.published for d in timeline.documents]
    started = time.perf_counter()
    mentions = day_mentions(timeline.documents)
    tagging_s = time.perf_counter() - started
    default_s, default_found = _best(lambda: key_dates(timeline.events, published, mentions=mentions))
    hundred_s, _ = _best(lambda: key_dates(timeline.events, published, 100, mentions=mentions))
    return {
        "corpus": corpus,
        "articles": len(timeline.documents),
        "events": len(timeline.events),
        "k_default": len(default_found),  # type: ignore[arg-type]
        "seconds_default_k": round(default_s, 3),
        "seconds_k100": round(hundred_s, 3),
        "seconds_tagging_mentions": round(tagging_s, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.articles)
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"{result['corpus']}: {result['events']} events; key dates ranked in "
        f"{result['seconds_default_k']} s (K={result['k_default']}), {result['seconds_k100']} s (K=100), "
        f"best of {RUNS}; day mentions tagged in {result['seconds_tagging_mentions']} s (once)"
    )


if __name__ == "__main__":
    main()
