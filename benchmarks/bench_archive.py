"""An archive's builds: 20,000 real articles built with 1 and 2 processes and on a 2-worker Dask
cluster, then rebuilt after 1 % new articles were added.

The articles are T17's real English news (``../shared/t17``, 2,581 articles of 2009–2011),
replicated with their dates shifted back by four years per copy (their publication dates in the
manifest and every year written in their text alike; four years keep leap days) until there are
enough. Each build is ``python -m extract build`` in a process of its own, timed from outside
(wall time, and the CPU time of the build and every process it started, Dask's workers included);
each starts with an empty cache, as a first build of the archive does. The rebuild is the
two-process build's folder, its cache and merge state included, with 1 % more articles and their
manifest rows; its events are then compared with a full merge of the same articles (a build from
the same cache into a folder without a merge state), as the incremental merge may differ there.
Run: ``python benchmarks/bench_archive.py [--articles 20000] [--json] [--keep DIR]`` (about
an hour at full size on two cores).
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
T17 = ROOT.parent / "shared" / "t17"
YEARS_PER_COPY = 4
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-3]\d)\b")
_DATE = re.compile(r"^(\d{4})")


def _t17_articles() -> list[tuple[Path, dict[str, str]]]:
    """Each T17 article with its manifest row, topic by topic."""
    found = []
    for topic in sorted(p for p in T17.iterdir() if (p / "manifest.csv").is_file()):
        with (topic / "manifest.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                found.append((topic / "articles" / row["file"], row))
    return found


def write_archive(folder: Path, count: int, added: int) -> tuple[Path, Path, list[Path]]:
    """``count`` articles in ``folder/articles``, ``added`` more in ``folder/added`` to be moved in
    for the rebuild, and one manifest of them all."""
    originals = _t17_articles()
    articles, later = folder / "articles", folder / "added"
    articles.mkdir(parents=True)
    later.mkdir()
    rows, pending = [], []
    for n in range(count + added):
        copy = n // len(originals)
        path, row = originals[n % len(originals)]
        shift = -YEARS_PER_COPY * copy

        def shifted(text: str, shift: int = shift, pattern: re.Pattern = _YEAR) -> str:
            return pattern.sub(lambda m: str(int(m[1]) + shift), text)

        name = f"c{copy}_{row['file']}"
        target = (articles if n < count else later) / name
        target.write_text(shifted(path.read_text(encoding="utf-8")), encoding="utf-8")
        if n >= count:
            pending.append(target)
        published = shifted(row["published"], pattern=_DATE)
        rows.append([name, row["title"], row["outlet"], row["url"], published, row["language"]])
    manifest = folder / "manifest.csv"
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "title", "outlet", "url", "published", "language"])
        writer.writerows(rows)
    return articles, manifest, pending


def timed_build(articles: Path, manifest: Path, out: Path, *options: str) -> dict:
    """One build in its own process: wall and CPU seconds (the build's and its children's)."""
    command = [sys.executable, "-m", "extract", "build", str(articles), "--manifest", str(manifest)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([*command, "--out", str(out), *options], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 3):  # 3: written, some files skipped
        raise SystemExit(f"build {' '.join(options)} failed:\n{done.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result = {"options": " ".join(options), "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
              "summary": done.stderr.strip().splitlines()[-1]}  # fmt: skip
    print(json.dumps(result), file=sys.stderr, flush=True)  # a long run interrupted keeps its steps
    return result


def _unlike(path: Path, other: Path) -> int:
    """Events of ``path`` that ``other`` does not hold, as many times (a multiset difference)."""
    import orjson

    def events(file: Path) -> Counter:
        return Counter(orjson.dumps(e) for e in orjson.loads(file.read_bytes())["events"])

    return sum((events(path) - events(other)).values())


def run(count: int, folder: Path) -> dict:
    added = max(1, count // 100)
    articles, manifest, pending = write_archive(folder, count, added)
    builds = {
        "jobs 1": timed_build(articles, manifest, folder / "jobs1", "--jobs", "1"),
        "jobs 2": timed_build(articles, manifest, folder / "jobs2", "--jobs", "2"),
        "dask": timed_build(articles, manifest, folder / "dask", "--engine", "dask", "--jobs", "2"),
    }
    for build in builds.values():
        build["articles_per_s_wall"] = round(count / build["wall_s"], 1)
        build["articles_per_s_cpu"] = round(count / build["cpu_s"], 1)
    same = all(
        filecmp.cmp(folder / "jobs1" / name, folder / other / name, shallow=False)
        for name in ("events.json", "timeline.csv")
        for other in ("jobs2", "dask")
    )
    for path in pending:
        path.rename(articles / path.name)
    rebuild = timed_build(articles, manifest, folder / "jobs2", "--jobs", "2")
    full_merge = folder / "full_merge"
    timed_build(articles, manifest, full_merge, "--jobs", "2", "--cache", str(folder / "jobs2" / ".cache"))
    unlike = _unlike(folder / "jobs2" / "events.json", full_merge / "events.json")
    rebuild["events_unlike_full_merge"] = unlike
    full = builds["jobs 2"]
    rebuild["share_of_full_wall"] = round(rebuild["wall_s"] / full["wall_s"], 4)
    rebuild["share_of_full_cpu"] = round(rebuild["cpu_s"] / full["cpu_s"], 4)
    return {"articles": count, "added": added, "builds": builds, "identical_outputs": same,
            "rebuild": rebuild}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", type=Path, help="build in this (new) folder and leave it there")
    args = parser.parse_args()
    if not T17.is_dir():
        raise SystemExit(f"{T17} is absent: the archive is made of its articles")
    if args.keep:
        result = run(args.articles, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="archive_") as folder:
            result = run(args.articles, Path(folder))
    if args.json:
        print(json.dumps(result))
        return
    for name, build in result["builds"].items():
        print(
            f"{name}: {result['articles']:,} articles in {build['wall_s']} s wall, {build['cpu_s']} s CPU "
            f"({build['articles_per_s_wall']} articles/s wall, {build['articles_per_s_cpu']} per CPU s)"
        )
    rebuild = result["rebuild"]
    print(
        f"identical outputs: {result['identical_outputs']}; rebuild with {result['added']} new articles: "
        f"{rebuild['wall_s']} s wall ({rebuild['share_of_full_wall']:.1%} of the full build), "
        f"{rebuild['cpu_s']} s CPU ({rebuild['share_of_full_cpu']:.1%}); "
        f"{rebuild['events_unlike_full_merge']} events unlike a full merge's"
    )


if __name__ == "__main__":
    main()
