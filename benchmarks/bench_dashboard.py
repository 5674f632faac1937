"""Dashboard speed: server time to build the page, size of the figure sent, time until it is drawn.

For each size (1,000 and 10,000 generated events by default, ``dashboard.sample.generated_timeline``):

* server time (AppTest, in this process, with ``?context=1`` so that every event is shown): the
  first run of a new session that loads events.json,
  a rerun with nothing changed, and each change of the search box, the tone filter and the lane
  mode (set, then cleared), the median of ``--repeats`` runs; beside them, AppTest's own cost of a
  new session, measured on a one-line app, which a real server does not spend on the page;
* the figure: ``len(fig.to_json())`` of the timeline figure the app draws with no filter set, and
  the time ``chart.build_figure`` takes;
* in headless Chromium (Debian's, driven by Playwright; skipped with a note without it): time from
  ``page.goto`` until the chart's points are drawn, on a freshly started server (cold) and on
  reloads (warm), and the server's peak memory (VmHWM); the same on the bundled ``data/events.json``.

Targets (issue 5): build < 0.5 s and drawn < 4 s at 10,000 events, each filter change < 0.3 s.
Run: ``python benchmarks/bench_dashboard.py [--events 1000 10000] [--repeats 5] [--no-browser] [--json]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from own_process import json_of
from sources import ROOT

sys.path.insert(0, str(ROOT))

from dashboard import chart  # noqa: E402
from dashboard.filters import Filters, apply  # noqa: E402
from dashboard.sample import generated_timeline  # noqa: E402
from extract.store import load, save  # noqa: E402

APP = str(ROOT / "dashboard" / "app.py")
BUNDLED = ROOT / "data" / "events.json"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Drawn: an SVG chart has one path per point; a WebGL one has drawn when Plotly's scene of the
# timeline (subplot xy) is no longer dirty and its canvas is in the page.
SVG_DRAWN = "() => !!document.querySelector('.js-plotly-plot .scatterlayer .points path')"
GL_DRAWN = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const scene = plot?._fullLayout?._plots?.xy?._scene;
  return !!(scene && scene.dirty === false && plot.querySelector('.gl-container canvas'));
}"""
WAIT_MS = 120_000  # how long to wait for the app before giving up, not a target
TARGETS = {"build_s": 0.5, "filter_s": 0.3, "drawn_s": 4.0}


def _seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    return round(statistics.median(_seconds(action) for _ in range(repeats)), 3)


# --- server time (AppTest) -------------------------------------------------------------------------


def _fresh_app(data: Path):
    """A new session on ``data`` as the first one of a newly started server: nothing cached, and
    no earlier timeline left to free (which only a rebuild of events.json would cost)."""
    import streamlit as st
    import streamlit.logger
    from streamlit.testing.v1 import AppTest

    streamlit.logger.set_log_level("error")  # quiet "missing ScriptRunContext" (AppTest, harmless)
    os.environ["TIMELINE_DATA"] = str(data)
    st.cache_resource.clear()
    st.cache_data.clear()
    gc.collect()
    at = AppTest.from_file(APP, default_timeout=120)
    # Context events shown too: every generated event is in play (by default a tenth are hidden).
    at.query_params["context"] = "1"
    return at


def _checked(at) -> None:
    if at.exception:
        raise SystemExit(f"the app failed: {at.exception[0].message}")


def harness_seconds(repeats: int) -> float:
    """AppTest's first run of a new session on a one-line app: the harness, not the page."""
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory(prefix="bench_dashboard_") as tmp:
        script = Path(tmp) / "one_line.py"
        script.write_text('import streamlit as st\n\nst.write("one line")\n', encoding="utf-8")
        _checked(AppTest.from_file(str(script)).run())  # warm-up
        return median_seconds(lambda: _checked(AppTest.from_file(str(script)).run()), repeats)


def server_times(data: Path, repeats: int) -> dict:
    """Median seconds of a first run, a rerun and each filter change (set, then cleared again)."""
    _checked(_fresh_app(data).run())  # warm-up: imports, so the first run below measures the page only
    firsts = []
    for _ in range(repeats):
        at = _fresh_app(data)
        firsts.append(_seconds(at.run))
        _checked(at)
    changes: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "search": (
            lambda: at.text_input(key="f_text").set_value("Iran").run(),
            lambda: at.text_input(key="f_text").set_value("").run(),
        ),
        "tone": (
            lambda: at.multiselect(key="f_tones").set_value(["conflict"]).run(),
            lambda: at.multiselect(key="f_tones").set_value([]).run(),
        ),
        "lanes": (
            lambda: at.radio(key="lanes").set_value("actors").run(),
            lambda: at.radio(key="lanes").set_value(chart.DEFAULT_LANES).run(),
        ),
    }
    filters = {}
    for name, (narrow, clear) in changes.items():
        timed = [(_seconds(narrow), _seconds(clear)) for _ in range(repeats)]  # each run a real change
        filters[f"{name} set"] = round(statistics.median(t[0] for t in timed), 3)
        filters[f"{name} cleared"] = round(statistics.median(t[1] for t in timed), 3)
        _checked(at)
    return {
        "first_run_s": round(statistics.median(firsts), 3),
        "rerun_s": median_seconds(at.run, repeats),
        "filter_change_s": filters,
    }


def fresh_server_times(data: Path, repeats: int) -> dict:
    """``server_times`` in a process of its own, as a new server: what AppTest keeps from the runs
    of an earlier size would otherwise slow this size's first run (by ~0.1 s at 10,000 events)."""
    arguments = ("--server-times-of", str(data), "--repeats", str(repeats))
    return json_of(Path(__file__), *arguments, what=f"server times of {data.name} events")


# --- the figure ------------------------------------------------------------------------------------


def figure_size(data: Path, repeats: int) -> dict:
    """The timeline figure the app draws with no filter set: build time and JSON size."""
    _, events = load(data / "events.json")
    dated = [e for e in apply(events, Filters(context=True)) if chart.is_dated(e)]
    fig = chart.build_figure(dated, chart.DEFAULT_LANES)  # warm-up, and the figure measured
    return {
        "figure_build_s": median_seconds(lambda: chart.build_figure(dated, chart.DEFAULT_LANES), repeats),
        "figure_bytes": len(fig.to_json()),
        "points": len(dated),
        "webgl": len(dated) >= chart.WEBGL_FROM,
    }


# --- the running app in headless Chromium ----------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM, in kB in /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


@contextmanager
def running_app(data: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """``streamlit run dashboard/app.py`` on ``data``, on a free port; always stopped at the end."""
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", APP, "--server.headless", "true"]
    command += ["--server.port", str(port), "--browser.gatherUsageStats", "false"]
    env = {**os.environ, "TIMELINE_DATA": str(data)}
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, proc)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_until_up(url: str, proc: subprocess.Popen) -> None:
    for _ in range(480):
        if proc.poll() is not None:
            raise SystemExit(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise SystemExit("streamlit did not start")


def _seconds_until_drawn(page, load: Callable[[], object], drawn: str) -> float:
    def load_and_wait() -> None:
        load()
        page.wait_for_function(drawn, timeout=WAIT_MS)

    return _seconds(load_and_wait)


def browser_times(browser, data: Path, webgl: bool, repeats: int) -> dict:
    """Seconds from ``page.goto`` until the points are drawn, on a new server (cold), then on reloads
    (warm); and the server's peak memory."""
    drawn = GL_DRAWN if webgl else SVG_DRAWN
    with running_app(data) as (url, proc):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        try:
            shown = f"{url}/?context=1"  # every event, as in the server times
            cold = _seconds_until_drawn(page, lambda: page.goto(shown, wait_until="commit"), drawn)
            warm = [
                _seconds_until_drawn(page, lambda: page.reload(wait_until="commit"), drawn)
                for _ in range(repeats)
            ]
        finally:
            context.close()
        return {
            "drawn_cold_s": round(cold, 2),
            "drawn_warm_s": round(statistics.median(warm), 2),
            "server_peak_mb": _peak_rss_mb(proc.pid),
        }


@contextmanager
def chromium(wanted: bool) -> Iterator[object | None]:
    """Debian's Chromium through Playwright (never ``playwright install``); None when not wanted."""
    if not wanted:
        yield None
        return
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# --- the whole run ---------------------------------------------------------------------------------


def run(sizes: list[int], repeats: int, with_browser: bool) -> dict:
    with_browser = with_browser and CHROMIUM.is_file()
    result: dict = {"targets": TARGETS, "sizes": [], "harness_s": harness_seconds(repeats)}
    if not with_browser:
        result["browser_note"] = f"no browser run ({CHROMIUM} absent or --no-browser): drawing not timed"
    with tempfile.TemporaryDirectory(prefix="bench_dashboard_") as tmp, chromium(with_browser) as browser:
        for count in sizes:
            data = Path(tmp) / str(count)
            save(data, *generated_timeline(count))
            row = {"events": count, **figure_size(data, repeats), **fresh_server_times(data, repeats)}
            if browser:
                row |= browser_times(browser, data, row["webgl"], repeats)
            result["sizes"].append(row)
        if browser and not BUNDLED.is_file():
            result["browser_note"] = f"{BUNDLED} absent: its peak memory not measured"
        elif browser:  # what the hosted app holds; its drawing time is the floor of the app's
            _, events = load(BUNDLED)
            webgl = sum(chart.is_dated(e) for e in events) >= chart.WEBGL_FROM
            result["bundled"] = {"events": len(events), **browser_times(browser, BUNDLED, webgl, repeats)}
    return result


def _check(value: float, target: float) -> str:
    return f"{'ok' if value < target else 'OVER'} < {target} s"


def report(result: dict) -> None:
    harness = result["harness_s"]
    print(f"AppTest's own new session (one-line app): {harness} s, part of each first run below")
    for row in result["sizes"]:
        changes = row["filter_change_s"]
        print(f"\n{row['events']:,} events ({row['points']:,} dated, {'WebGL' if row['webgl'] else 'SVG'})")
        print(f"  figure: built in {row['figure_build_s']} s, {row['figure_bytes'] / 1e6:.2f} MB of JSON")
        page = round(row["first_run_s"] - harness, 3)
        print(
            f"  server: first run {row['first_run_s']} s, the page {page} s without AppTest's "
            f"{harness} s ({_check(page, TARGETS['build_s'])}), "
            f"rerun {row['rerun_s']} s ({_check(row['rerun_s'], TARGETS['build_s'])})"
        )
        print(
            "  filter changes: "
            + ", ".join(f"{name} {seconds} s" for name, seconds in changes.items())
            + f" (slowest {_check(max(changes.values()), TARGETS['filter_s'])})"
        )
        if "drawn_cold_s" in row:
            print(
                f"  drawn in Chromium: cold {row['drawn_cold_s']} s "
                f"({_check(row['drawn_cold_s'], TARGETS['drawn_s'])}), warm {row['drawn_warm_s']} s "
                f"({_check(row['drawn_warm_s'], TARGETS['drawn_s'])}); server peak {row['server_peak_mb']} MB"
            )
    if "bundled" in result:
        b = result["bundled"]
        print(
            f"\nbundled data/events.json ({b['events']} events): drawn cold {b['drawn_cold_s']} s, "
            f"warm {b['drawn_warm_s']} s; server peak {b['server_peak_mb']} MB (limit 1024 MB)"
        )
    if "browser_note" in result:
        print(f"\n{result['browser_note']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true", help="skip the headless Chromium part")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--server-times-of", type=Path, help=argparse.SUPPRESS)  # one size's process
    args = parser.parse_args()
    if args.server_times_of:
        print(json.dumps(server_times(args.server_times_of, args.repeats)))
        return
    result = run(args.events, args.repeats, not args.no_browser)
    if args.json:
        print(json.dumps(result))
        return
    report(result)


if __name__ == "__main__":
    main()
