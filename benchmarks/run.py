"""Run every benchmark (each in its own process) and print a Markdown table for the README.

Run: ``python benchmarks/run.py [--full]`` (a few minutes; on demand, never in the test suite).
By default the merge and the archive run small (200,000 events, 2,000 articles); ``--full`` runs
them at the issue's sizes (1,000,000 events, 20,000 articles: about an hour on two cores).
"""

from __future__ import annotations

import argparse
import platform
from collections.abc import Callable
from pathlib import Path

from own_process import json_of

HERE = Path(__file__).resolve().parent


def bench(name: str, *options: str) -> dict:
    return json_of(HERE / name, "--json", *options, what=name)


def dashboard_rows(dashboard: dict) -> list[tuple[str, str]]:
    """One row per measure, each giving every size measured (and the bundled data when a browser ran)."""
    sizes = dashboard["sizes"]

    def each(describe: Callable[[dict], str]) -> str:
        return "; ".join(f"{row['events']:,} events: {describe(row)}" for row in sizes)

    rows = [
        (
            f"Dashboard, server time (AppTest; its own new session takes {dashboard['harness_s']} s)",
            each(
                lambda r: (
                    f"first run {r['first_run_s']} s, rerun {r['rerun_s']} s, "
                    f"slowest filter change {max(r['filter_change_s'].values())} s"
                )
            ),
        ),
        (
            "Dashboard, figure sent",
            each(lambda r: f"{r['figure_bytes'] / 1e6:.2f} MB ({'WebGL' if r['webgl'] else 'SVG'})"),
        ),
    ]
    if "cold" in sizes[0]:
        drawn = each(
            lambda r: (
                f"cold {r['cold']['drawn']} s, a new visitor {r['new_visitor']['drawn']} s, "
                f"warm {r['drawn_warm_s']} s"
            )
        )
        rows.append(("Dashboard, drawn in headless Chromium", drawn))
    if bundled := dashboard.get("bundled"):
        rows.append(
            (
                "Dashboard server, peak memory",
                f"{bundled['server_peak_mb']} MB on the bundled data ({bundled['events']} events, drawn "
                f"in {bundled['drawn_warm_s']} s); " + each(lambda r: f"{r['server_peak_mb']} MB"),
            )
        )
    if note := dashboard.get("browser_note"):
        rows.append(("Dashboard in a browser", note))
    return rows


def load_row(load: dict) -> tuple[str, str]:
    at_once = load["sessions"] // load["rounds"]
    return (
        f"Dashboard, {at_once} sessions opened at once on a fresh server",
        f"{load['sessions_with_error']} of {load['sessions']} showed an error ({load['rounds']} new "
        f"servers, runs started within {load['spread_s']} s); first run median {load['median_s']} s, "
        f"slowest {load['slowest_s']} s",
    )


def merge_row(merge: dict) -> tuple[str, str]:
    return (
        f"Merge of {merge['events']:,} synthetic events, one core",
        f"{merge['cpu_seconds']} s CPU ({merge['seconds']} s wall), peak {merge['peak_mb']} MB, "
        f"{merge['merged']:,} events out",
    )


def archive_rows(archive: dict) -> list[tuple[str, str]]:
    count = archive["articles"]
    rows = [
        (
            f"Build of {count:,} T17 articles, {name}",
            f"{b['articles_per_s_wall']} articles/s wall ({b['wall_s']} s), "
            f"{b['articles_per_s_cpu']} per CPU s ({b['cpu_s']} s CPU)",
        )
        for name, b in archive["builds"].items()
    ]
    rebuild = archive["rebuild"]
    rows.append(
        (
            f"Rebuild after {archive['added']} new articles (2 processes, cache, incremental merge)",
            f"{rebuild['wall_s']} s wall ({rebuild['share_of_full_wall']:.1%} of the full build), "
            f"{rebuild['cpu_s']} s CPU ({rebuild['share_of_full_cpu']:.1%}), "
            f"{rebuild['events_unlike_full_merge']} events unlike a full merge's; same output on every "
            f"engine: {'yes' if archive['identical_outputs'] else 'NO'}",
        )
    )
    return rows


def table(
    tagger: dict, pipeline: dict, dashboard: dict, keydates: dict, load: dict, merge: dict, archive: dict
) -> str:
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
        *dashboard_rows(dashboard),
        load_row(load),
        (
            "Key dates ranked, one core",
            f"{keydates['seconds_default_k']} s (K={keydates['k_default']}), "
            f"{keydates['seconds_k100']} s (K=100) for {keydates['events']} events of {keydates['corpus']}",
        ),
        merge_row(merge),
        *archive_rows(archive),
    ]
    lines = ["| benchmark | result |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows]
    lines.append(
        f"\nMeasured with `python benchmarks/run.py` on {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}."
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="merge and archive at the issue's sizes")
    full = parser.parse_args().full
    print(
        table(
            bench("bench_tagger.py"),
            bench("bench_pipeline.py"),
            bench("bench_dashboard.py"),
            bench("bench_keydates.py"),
            bench("bench_load.py"),
            bench("bench_merge.py", "--events", "1000000" if full else "200000"),
            bench("bench_archive.py", "--articles", "20000" if full else "2000"),
        )
    )


if __name__ == "__main__":
    main()
