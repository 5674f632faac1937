"""The curation workspace at scale: 10,000 events and 1,000 decisions.

Measures, on a workspace in a temporary folder:

- *take*: the extraction written into a new workspace (first use, or a rebuild);
- *decide*: each of the 1,000 decisions (edits of title, date, actors, category; hides, notes,
  bookmarks, merges, splits, undos), each its own committed transaction;
- *load*: the curated timeline in a new process, the way a dashboard's first run gets it (open the
  file, read the extraction and the log, apply every decision), imports not counted;
- *round trip*: one decision and the updated timeline back, in a session that has loaded it (what
  a click on save costs the server before the chart is redrawn), and the same seen from another
  session of the same file;
- *search*: a Vietnamese phrase without accents and an actor with its aliases.

Targets (issue 14): the dashboard's first run under 0.6 s overall, so the load well under 0.3 s;
a round trip under 0.2 s. Run: ``python benchmarks/bench_workspace.py [--events 10000]
[--decisions 1000] [--json]``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from own_process import json_of
from sources import ROOT

sys.path.insert(0, str(ROOT))

from dashboard.sample import generated_timeline  # noqa: E402
from extract.workspace import Workspace  # noqa: E402

HERE = Path(__file__).resolve()
ROUND_TRIPS = 40


def decide(ws: Workspace, rng: random.Random, count: int) -> list[float]:
    """``count`` decisions of every kind on random events; the seconds each took."""
    seconds = []
    authors = ["Lan", "Minh", "Hùng"]
    for n in range(count):
        events = ws.timeline(include_hidden=True)[1]
        event = rng.choice(events)
        author = rng.choice(authors)
        kind = n % 10
        started = time.perf_counter()
        if kind in (0, 1, 2):
            ws.edit(event.id, author, title=f"Sửa tiêu đề {n}", date=event.date if event.start else "2010")
        elif kind == 3:
            ws.edit(event.id, author, actors=["US", "Iraq"], category="negotiate")
        elif kind == 4:
            ws.hide(event.id, author)
        elif kind == 5:
            ws.note(event.id, f"Ghi chú {n}: cần kiểm tra nguồn", author)
        elif kind == 6:
            ws.bookmark(event.id, author)
        elif kind == 7:
            ws.merge([event.id, rng.choice(events).id, rng.choice(events).id], author)
        elif kind == 8 and len(event.sources) > 1:
            ws.split(event.id, len(event.sources) - 1, author)
        else:
            last = ws.log()[-1]
            ws.undo(last.seq, author)
        seconds.append(time.perf_counter() - started)
    return seconds


def load_once(path: Path) -> dict:
    """A new process's first look at the workspace (run with --load)."""
    started, cpu = time.perf_counter(), time.process_time()
    with Workspace(path) as ws:
        documents, events = ws.timeline()
    return {
        "load_s": time.perf_counter() - started,
        "load_cpu_s": time.process_time() - cpu,
        "events_shown": len(events),
        "documents": len(documents),
    }


def round_trips(ws: Workspace, other: Workspace, rng: random.Random) -> dict:
    mine, mine_cpu, seen_elsewhere = [], [], []
    for n in range(ROUND_TRIPS):
        event = rng.choice(ws.timeline()[1])
        started, cpu = time.perf_counter(), time.process_time()
        if n % 2:
            ws.edit(event.id, "Lan", title=f"Vòng {n}", date="2015-06")
        else:
            ws.hide(event.id, "Lan")
        events = ws.timeline()[1]
        mine.append(time.perf_counter() - started)
        mine_cpu.append(time.process_time() - cpu)
        assert all(e.id != event.id for e in events) or any(e.title == f"Vòng {n}" for e in events)
        started = time.perf_counter()
        other.timeline()
        seen_elsewhere.append(time.perf_counter() - started)
    return {
        "round_trip_median_s": statistics.median(mine),
        "round_trip_max_s": max(mine),
        "round_trip_cpu_median_s": statistics.median(mine_cpu),
        "seen_by_another_session_median_s": statistics.median(seen_elsewhere),
    }


def run(count: int, decisions: int) -> dict:
    rng = random.Random(0)
    documents, events = generated_timeline(count)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "workspace.sqlite"
        with Workspace(path) as ws:
            started = time.perf_counter()
            ws.take_extraction(documents, events)
            take = time.perf_counter() - started
            each = decide(ws, rng, decisions)
        loads = [json_of(HERE, "--load", str(path), what="load") for _ in range(3)]
        with Workspace(path) as ws, Workspace(path) as other:
            ws.timeline()
            other.timeline()
            trips = round_trips(ws, other, rng)
            searches = {}
            for query in ("first search (reads the alias tables)", "dam phan", "Sua tieu de 10", "Hoa Kỳ"):
                started, cpu = time.perf_counter(), time.process_time()
                hits = ws.search(query.partition(" (")[0])
                wall, cpu = time.perf_counter() - started, time.process_time() - cpu
                searches[query] = {"s": round(wall, 4), "cpu_s": round(cpu, 4), "hits": len(hits)}
            size = path.stat().st_size
    return {
        "events": count,
        "decisions": decisions,
        "take_s": round(take, 3),
        "decide_median_s": round(statistics.median(each), 4),
        "decide_max_s": round(max(each), 4),
        "load_s": round(min(r["load_s"] for r in loads), 3),
        "load_runs_s": [round(r["load_s"], 3) for r in loads],
        "load_cpu_s": round(min(r["load_cpu_s"] for r in loads), 3),
        "events_shown": loads[0]["events_shown"],
        **{k: round(v, 4) for k, v in trips.items()},
        "search": searches,
        "file_mb": round(size / 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--decisions", type=int, default=1_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--load", type=Path, help=argparse.SUPPRESS)  # the child of a load measure
    args = parser.parse_args()
    if args.load:
        print(json.dumps(load_once(args.load)))
        return
    result = run(args.events, args.decisions)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return
    for key, value in result.items():
        print(f"{key:36} {value}")


if __name__ == "__main__":
    main()
