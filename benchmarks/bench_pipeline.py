"""Pipeline throughput: the timeline of 2,000 generated articles on one process and on two.

Articles are recombined from the sentences of the seeds and the dev set (same language, fixed
seed), each with its years shifted and its own publication date, written to a temporary folder
with a manifest. Each run is a fresh process, so its peak memory (max RSS) is its own; the two
outputs must be byte-identical. Run: ``python benchmarks/bench_pipeline.py [--articles 2000] [--json]``.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import json
import random
import re
import resource
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from own_process import json_of
from sources import load_sources, sentences

_YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")
_OUTPUTS = ("events.json", "timeline.csv")


def generate(folder: Path, count: int, seed: int = 0) -> Path:
    """Write ``count`` articles and their manifest into ``folder``; return the manifest's path."""
    rng = random.Random(seed)
    sources, _ = load_sources(with_tempeval=False)
    pool: dict[str, list[str]] = defaultdict(list)
    for s in sources:
        pool[s.lang] += sentences(s.text)
    langs = sorted(pool)
    rows = []
    for n in range(count):
        lang = rng.choice(langs)
        shift = rng.randint(-6, 6)
        published = date(2003, 1, 1) + timedelta(days=rng.randrange(8000))

        def shifted(sentence: str, shift: int = shift) -> str:
            return _YEAR.sub(lambda m: str(int(m[1]) + shift), sentence)

        title = shifted(rng.choice(pool[lang]))[:120]
        paragraphs = [
            " ".join(shifted(rng.choice(pool[lang])) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(5, 12))
        ]
        name = f"article_{n:04d}.txt"
        (folder / name).write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        rows.append([name, title, "Generated", "", published.isoformat(), lang])
    manifest = folder.parent / "manifest.csv"
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "title", "outlet", "url", "published", "language"])
        writer.writerows(rows)
    return manifest


def build_once(articles: Path, manifest: Path, jobs: int, out: Path) -> dict:
    """One timeline build in this process: seconds, counts and peak memory."""
    from extract.manifest import read_manifest
    from extract.pipeline import build
    from extract.store import save

    started = time.perf_counter()
    timeline = build([articles], read_manifest(manifest), jobs=jobs)
    save(out, timeline.documents, timeline.events)
    seconds = time.perf_counter() - started
    return {
        "jobs": jobs,
        "seconds": round(seconds, 2),
        "articles": len(timeline.documents),
        "events": len(timeline.events),
        "errors": len(timeline.errors),
        "articles_per_s": round(len(timeline.documents) / seconds, 1),
        # ru_maxrss is in KiB on Linux; children: the largest worker
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }


def run(count: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench_pipeline_") as tmp:
        articles = Path(tmp) / "articles"
        articles.mkdir()
        manifest = generate(articles, count)
        size = sum(p.stat().st_size for p in articles.iterdir())
        runs = []
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}"
            arguments = ("--build", str(articles), str(manifest), str(jobs), str(out))
            runs.append(json_of(Path(__file__), *arguments, what=f"jobs={jobs} build"))
        same = all(
            filecmp.cmp(Path(tmp) / "out1" / f, Path(tmp) / "out2" / f, shallow=False) for f in _OUTPUTS
        )
    return {
        "articles": count,
        "input_mb": round(size / 1_000_000, 2),
        "runs": runs,
        "identical_outputs": same,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--build", nargs=4, metavar=("ARTICLES", "MANIFEST", "JOBS", "OUT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.build:
        articles, manifest, jobs, out = args.build
        print(json.dumps(build_once(Path(articles), Path(manifest), int(jobs), Path(out))))
        return
    result = run(args.articles)
    if args.json:
        print(json.dumps(result))
        return
    print(f"{result['articles']} generated articles, {result['input_mb']} MB")
    for r in result["runs"]:
        print(
            f"jobs={r['jobs']}: {r['articles_per_s']} articles/s ({r['seconds']} s, {r['events']} events), "
            f"peak memory {r['peak_mb']} MB (largest worker {r['worker_peak_mb']} MB)"
        )
    print("outputs identical" if result["identical_outputs"] else "OUTPUTS DIFFER between jobs=1 and jobs=2")


if __name__ == "__main__":
    main()
