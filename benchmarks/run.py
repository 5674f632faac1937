"""Run every benchmark (each in its own process) and print a Markdown table for the README.

Run: ``python benchmarks/run.py`` (about a minute or two; on demand, never in the test suite).
"""

from __future__ import annotations

import json
import platform
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def bench(name: str, *options: str) -> dict:
    done = subprocess.run(
        [sys.executable, str(HERE / name), "--json", *options], capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"{name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(tagger: dict, pipeline: dict) -> str:
    one, two = pipeline["runs"]
    rows = [
        (
            "Tagger throughput, one core",
            f"{tagger['ours_mb_s']} MB/s on {tagger['corpus_mb']} MB ({tagger['sources']})",
        ),
        (
            "`search_dates` throughput",
            f"{tagger['dateparser_mb_s']} MB/s on a {tagger['dateparser_sample_mb']} MB sample",
        ),
        ("Tagger vs `search_dates`", f"{tagger['ratio']}x"),
        ("Pipeline, 1 process", f"{one['articles_per_s']} articles/s, peak {one['peak_mb']} MB"),
        (
            "Pipeline, 2 processes",
            f"{two['articles_per_s']} articles/s, peak {two['peak_mb']} MB "
            f"(largest worker {two['worker_peak_mb']} MB)",
        ),
        (
            "Same output with 1 and 2 processes",
            f"{'yes' if pipeline['identical_outputs'] else 'NO'} ({pipeline['articles']} generated articles, "
            f"{one['events']} events)",
        ),
    ]
    lines = ["| benchmark | result |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows]
    lines.append(
        f"\nMeasured with `python benchmarks/run.py` on {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}."
    )
    return "\n".join(lines)


def main() -> None:
    print(table(bench("bench_tagger.py"), bench("bench_pipeline.py")))


if __name__ == "__main__":
    main()
