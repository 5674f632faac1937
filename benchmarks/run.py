"""Run every benchmark (each in its own process) and print a Markdown table for the README.

Run: ``python benchmarks/run.py`` (a few minutes; on demand, never in the test suite).
"""

from __future__ import annotations

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
    if "drawn_cold_s" in sizes[0]:
        drawn = each(lambda r: f"cold {r['drawn_cold_s']} s, warm {r['drawn_warm_s']} s")
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


def table(tagger: dict, pipeline: dict, dashboard: dict, keydates: dict, load: dict) -> str:
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
    ]
    lines = ["| benchmark | result |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows]
    lines.append(
        f"\nMeasured with `python benchmarks/run.py` on {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.machine()}."
    )
    return "\n".join(lines)


def main() -> None:
    print(
        table(
            bench("bench_tagger.py"),
            bench("bench_pipeline.py"),
            bench("bench_dashboard.py"),
            bench("bench_keydates.py"),
            bench("bench_load.py"),
        )
    )


if __name__ == "__main__":
    main()
