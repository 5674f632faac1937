"""Cost of one dense article, 0.1 to 5 MB: every sentence dated, with actors and an action.

The worst case for the event stage (a sentence with a date is a candidate event). Each size is
built by ``extract.pipeline.build`` in a fresh process (its peak memory is its own); the cost per
MB must stay flat, and 5 MB must build in under 10 s on one core. ``--one-line`` builds the same
article with no line breaks, as a page that lost them gives it: its cost must not grow faster.
CPU time is reported beside wall time: on a shared machine it shows the cost apart from the waiting.
The start-up of a process (reading and compiling the language resources) is paid by a 2 KB article
first and reported apart: the cost per MB is the build's own. Run: ``python benchmarks/bench_dense.py
[--sizes 0.1 0.5 1 2 5] [--one-line] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from pathlib import Path

from own_process import json_of

HERE = Path(__file__).resolve()
_EN_MONTHS = ["January", "March", "April", "May", "June", "July", "August", "October", "December"]
_EN_WHO = ["US forces", "Iraqi officials", "The Pentagon", "Baghdad", "US diplomats", "Iraq's parliament"]
_EN_DID = ["struck a militia depot", "met the envoy", "signed an accord", "withdrew troops", "held talks"]
_VI_WHO = ["Quân đội Mỹ", "Chính phủ Iraq", "Lầu Năm Góc", "Đại sứ quán Mỹ tại Baghdad", "Quốc hội Iraq"]
_VI_DID = ["không kích một kho vũ khí", "gặp đặc phái viên", "ký một thỏa thuận", "rút quân", "đàm phán"]
_PLACES = ["Mosul", "Basra", "Erbil", "Najaf", "Kirkuk"]


def sentence(rng: random.Random) -> str:
    year, day, place = rng.randint(1990, 2024), rng.randint(1, 28), rng.choice(_PLACES)
    site = rng.randrange(10**6)  # no two sentences alike: a repeated line is not article text
    if rng.random() < 0.5:
        who, did, month = rng.choice(_EN_WHO), rng.choice(_EN_DID), rng.choice(_EN_MONTHS)
        if rng.random() < 0.5:  # a date inside the sentence: its title drops it with its lead-in words
            return f"{who} {did} on {month} {day}, {year} near {place} (site {site})."
        return f"On {month} {day}, {year}, {who} {did} near {place} (site {site})."
    who, did, month = rng.choice(_VI_WHO), rng.choice(_VI_DID), rng.randint(1, 12)
    return f"Ngày {day}/{month}/{year}, {who} {did} gần {place} (điểm {site})."


def article(size: int, seed: int = 0, one_line: bool = False) -> str:
    """About ``size`` characters: paragraphs of four dated sentences (all on one line with
    ``one_line``, as a page that lost its line breaks gives them)."""
    rng = random.Random(seed)
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(sentence(rng) for _ in range(4))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return (" " if one_line else "\n\n").join(paragraphs) + "\n"


def one(mb: float, one_line: bool = False) -> dict:
    """Build one article of ``mb`` MB in this process, after a 2 KB one that pays the start-up
    (reading and compiling the language resources, once a process), which is reported apart."""
    from extract.pipeline import build

    with tempfile.TemporaryDirectory() as folder:
        warm_up = Path(folder) / "warm_up.txt"
        warm_up.write_text(article(2000, seed=1), encoding="utf-8")
        start = time.process_time()
        build([warm_up])
        startup = time.process_time() - start
        path = Path(folder) / "dense.txt"
        path.write_text(article(int(mb * 1e6), one_line=one_line), encoding="utf-8")
        size = path.stat().st_size
        start, cpu = time.perf_counter(), time.process_time()
        timeline = build([path])
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert not timeline.errors, timeline.errors
    return {
        "mb": round(size / 1e6, 2),
        "seconds": round(seconds, 2),
        "s_per_mb": round(seconds / (size / 1e6), 2),
        "cpu_seconds": round(cpu, 2),  # less sensitive than wall time to a shared machine's load
        "cpu_s_per_mb": round(cpu / (size / 1e6), 2),
        "events": len(timeline.events),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "startup_cpu_seconds": round(startup, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 0.5, 1, 2, 5])
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--one-line", action="store_true", help="the whole article on one line")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.one_line)))
        return
    line = ["--one-line"] if args.one_line else []
    rows = [json_of(HERE, "--one", str(mb), *line, what=f"dense article of {mb} MB") for mb in args.sizes]
    if args.json:
        print(json.dumps({"sizes": rows}))
        return
    for row in rows:
        print(
            f"{row['mb']:>5} MB: {row['seconds']:>6} s ({row['cpu_seconds']} s CPU), "
            f"{row['s_per_mb']} s/MB ({row['cpu_s_per_mb']} CPU), {row['events']} events, "
            f"peak {row['peak_mb']} MB (start-up before it: {row['startup_cpu_seconds']} s CPU)"
        )


if __name__ == "__main__":
    main()
