"""Merge at scale: 1,000,000 synthetic events merged on one core, time and peak memory.

Happenings are drawn over 30 years, each told one to four times (by different articles, on the
same or the next day, in reworded passages: words dropped and added), with actors, a category
and words from a Zipf-like vocabulary, so the merge has real work: blocking, the index of rare
words, TF-IDF similarity and clustering. The merge runs in a process of its own (its peak
memory is its own, the events it is given included). Run:
``python benchmarks/bench_merge.py [--events 1000000] [--json]``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import resource
import time
from datetime import date, timedelta
from pathlib import Path

from own_process import json_of

ACTORS = ["US", "Iraq", "Iran", "UN", "UK", "Kuwait", "Syria", "Turkey"]
VOCABULARY = 40_000


def synthetic_events(count: int, seed: int = 0) -> list:
    from extract.categories import categories
    from extract.model import Event, Source

    rng = random.Random(seed)
    kinds = sorted(categories())
    words = [f"w{n}" for n in range(VOCABULARY)]
    # cumulative once: ``choices`` given plain weights sums all 40,000 of them on every call
    weights = list(itertools.accumulate(1 / (n + 10) for n in range(VOCABULARY)))
    first = date(1995, 1, 1)
    events: list = []
    happening = 0
    while len(events) < count:
        happening += 1
        day = first + timedelta(days=rng.randrange(30 * 365))
        actors = rng.sample(ACTORS, rng.randint(1, 2))
        category = rng.choice(kinds)
        story = rng.choices(words, cum_weights=weights, k=rng.randint(8, 30))
        for telling in range(min(rng.choice((1, 1, 1, 2, 2, 3, 4)), count - len(events))):
            told = [w for w in story if rng.random() > 0.2]
            told += rng.choices(words, cum_weights=weights, k=rng.randint(0, 6))
            passage = "On the day " + " ".join(told) + "."
            when = (day + timedelta(days=rng.random() < 0.15)).isoformat()
            value, precision, end = when, "day", when
            if rng.random() < 0.1:  # told at month precision ('in May')
                value, precision, end = when[:7], "month", when[:8] + "28"
            file = f"article_{happening}_{telling}.txt"
            source = Source(
                file, None, f"outlet{telling}", None, when, "en", 0, len(passage), passage, 3, 10, "the day"
            )
            events.append(
                Event(f"e{happening}-{telling}", value, precision, value, end, passage[:60], actors, category,
                      "neutral", 0.0, [source], relevance=1.0)
            )  # fmt: skip
    return events


def run_here(count: int) -> dict:
    from extract.merge import merge

    events = synthetic_events(count)
    started, cpu = time.perf_counter(), time.process_time()
    merged = merge(events)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "events": count,
        "merged": len(merged),
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),  # the wall time on a shared machine counts others' work too
        "events_per_s": round(count / seconds),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--here", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.here:
        print(json.dumps(run_here(args.events)))
        return
    result = json_of(Path(__file__), "--here", "--events", str(args.events), what="merge")
    if args.json:
        print(json.dumps(result))
        return
    print(
        f"{result['events']:,} events -> {result['merged']:,} in {result['seconds']} s on one core "
        f"({result['cpu_seconds']} s of CPU) "
        f"({result['events_per_s']:,} events/s), peak memory {result['peak_mb']} MB"
    )


if __name__ == "__main__":
    main()
