"""Dashboard speed: server time to build the page, size of the figure sent, time until it is drawn.

For each size (1,000 and 10,000 generated events by default, ``dashboard.sample.generated_timeline``):

* server time (AppTest, in this process, with ``?context=1`` so that every event is shown): the
  first run of a new session that loads events.json (a large one: that opens its index),
  a rerun with nothing changed, and each change of the search box, the tone filter, the lane
  mode and the zoom (to a month and to a year, as the browser reports it; set, then cleared), the
  median of ``--repeats`` runs; beside them, AppTest's own cost of a new session, measured on a
  one-line app, which a real server does not spend on the page;
* a large timeline (``dashboard/overview.py``: 100,000 events and more): the one-off build of its
  index from events.json, wall and CPU time and peak memory, in a process of its own;
* the figure (timelines read whole): ``len(fig.to_json())`` of the timeline figure the app draws
  with no filter set, and the time ``chart.build_figure`` takes;
* in headless Chromium (Debian's, driven by Playwright; skipped with a note without it), on
  ``--repeats`` newly started servers: time from ``page.goto`` in a fresh browser context (nothing
  cached) until the chart is drawn, for the server's first visitor (cold: the server imports the
  page on that visit) and for a second fresh context (a new visitor of a running server), and
  until the rest of that page is drawn too (filters, tables); then the page opened again in that
  context (warm), and from a click on the chart's "1 month" button until that month's events are
  drawn (a large timeline: until the counts give way to the events); the server's peak memory
  (VmHWM); the same on the bundled ``data/events.json``.

Targets (issue 5): build < 0.5 s and drawn < 4 s at 10,000 events, each filter change < 0.3 s;
(issue 15) at 1,000,000 events: first run < 1 s, drawn < 4 s, a zoom or filter change < 0.5 s.
Run: ``python benchmarks/bench_dashboard.py [--events 1000 10000 100000 1000000] [--repeats 5]
[--no-browser] [--data-dir DIR] [--json]`` (``--data-dir`` keeps the generated timelines and
their indexes for the next run: a million events take minutes to generate and index).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
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

import orjson  # noqa: E402

from dashboard import chart, overview  # noqa: E402
from dashboard.filters import Filters, apply  # noqa: E402
from dashboard.sample import generated_timeline  # noqa: E402
from extract.store import document_json, load  # noqa: E402

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
# The whole page drawn: its last large element, the table of events, too.
COMPLETE = "() => !!document.querySelector('.st-key-events_table [data-testid=\"stDataFrame\"]')"
WAIT_MS = 120_000  # how long to wait for the app before giving up, not a target
TARGETS = {"build_s": 0.5, "filter_s": 0.3, "drawn_s": 4.0}
LARGE_TARGETS = {"build_s": 1.0, "filter_s": 0.5, "drawn_s": 4.0}  # issue 15, at 10^6 events
ZOOMS = {"zoom month": ("2013-03-01", "2013-03-31"), "zoom year": ("2013-01-01", "2013-12-31")}
VIEW_SYNCED = "() => document.querySelector('.js-plotly-plot')?.__viewSync"  # zoom reported from now
# Until the "1 month" button's events are drawn: the counts' legend gone and the points drawn.
EVENTS_DRAWN = f"""() => {{
  const plot = document.querySelector('.js-plotly-plot');
  const notes = (plot?.layout?.annotations || []).map((a) => a.text || '');
  if (!plot || notes.some((text) => text.includes('Counts per'))) return false;
  return ({SVG_DRAWN})() || ({GL_DRAWN})();
}}"""


def _seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _wall_and_cpu(action: Callable[[], object]) -> tuple[float, float]:
    """Wall seconds and this process's CPU seconds (every thread: the page runs in one of its own)."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def _medians(timed: list[tuple[float, float]]) -> tuple[float, float]:
    return round(statistics.median(t[0] for t in timed), 3), round(statistics.median(t[1] for t in timed), 3)


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


def _zoomed(at, zoom: tuple[str, str] | None):
    """The session as after the browser reported a zoom (``dashboard/view_sync``)."""
    at.session_state["zoom"] = zoom
    return at.run()


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
    """Median seconds (wall, and CPU) of a first run, a rerun and each filter change (set, then
    cleared again)."""
    _checked(_fresh_app(data).run())  # warm-up: imports, so the first run below measures the page only
    firsts = []
    for _ in range(repeats):
        at = _fresh_app(data)
        firsts.append(_wall_and_cpu(at.run))
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
    for name, zoom in ZOOMS.items():
        changes[name] = (lambda zoom=zoom: _zoomed(at, zoom), lambda: _zoomed(at, None))
    filters, filters_cpu, first_change = {}, {}, {}
    for name, (narrow, clear) in changes.items():
        timed = [(_wall_and_cpu(narrow), _wall_and_cpu(clear)) for _ in range(repeats)]  # each a real change
        first_change[name] = [round(t, 3) for t in timed[0][0]]  # the first: nothing of it cached yet
        for step, n in (("set", 0), ("cleared", 1)):
            wall, cpu = _medians([t[n] for t in timed])
            filters[f"{name} {step}"], filters_cpu[f"{name} {step}"] = wall, cpu
        _checked(at)
    first, first_cpu = _medians(firsts)
    rerun, rerun_cpu = _medians([_wall_and_cpu(at.run) for _ in range(repeats)])
    return {
        "first_run_s": first,
        "first_run_cpu_s": first_cpu,
        "rerun_s": rerun,
        "rerun_cpu_s": rerun_cpu,
        "filter_change_s": filters,
        "filter_change_cpu_s": filters_cpu,
        "first_change_s": first_change,
    }


def fresh_server_times(data: Path, repeats: int) -> dict:
    """``server_times`` in a process of its own, as a new server: what AppTest keeps from the runs
    of an earlier size would otherwise slow this size's first run (by ~0.1 s at 10,000 events)."""
    arguments = ("--server-times-of", str(data), "--repeats", str(repeats))
    return json_of(Path(__file__), *arguments, what=f"server times of {data.name} events")


# --- the data ---------------------------------------------------------------------------------------


def write_timeline(folder: Path, count: int) -> Path:
    """``count`` generated events saved as events.json (kept when already there); orjson writes the
    dataclasses as ``extract.store.save`` does, in a second at 10^6 events rather than minutes."""
    path = folder / "events.json"
    if path.is_file():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    documents, events = generated_timeline(count)
    timeline = {"documents": [document_json(d) for d in documents], "events": events}
    del documents
    path.write_bytes(orjson.dumps(timeline))
    return folder


def index_build(path: Path) -> dict:
    """The one-off index of a large events.json, timed (wall, CPU) with its peak memory."""
    import resource

    reused = overview.EventIndex.is_fresh(overview.index_path(path), overview.stamp(path))
    wall, cpu = time.perf_counter(), time.process_time()
    built = overview.ensure_index(path)
    return {
        "index_reused": reused,
        "index_s": round(time.perf_counter() - wall, 1),
        "index_cpu_s": round(time.process_time() - cpu, 1),
        "index_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "index_mb": round(built.stat().st_size / 2**20),
        "json_mb": round(path.stat().st_size / 2**20),
    }


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


def _zoom_seconds(page) -> float:
    """From a click on the chart's "1 month" button until that month's events are drawn. A click
    while a rerun was under way (the page reporting its width) may be lost when that rerun draws
    the chart anew: then the URL gets no zoom, and the click is made again (and timed again)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    button = page.locator(".js-plotly-plot g.rangeselector g.button", has_text="1 month")
    for _ in range(3):
        page.wait_for_function(VIEW_SYNCED, timeout=WAIT_MS)
        started = time.perf_counter()
        button.click()
        try:
            page.wait_for_url(re.compile("x0="), timeout=10_000)
        except PlaywrightTimeout:
            continue
        page.wait_for_function(EVENTS_DRAWN, timeout=WAIT_MS)
        return time.perf_counter() - started
    raise SystemExit("the zoom never reached the server")


def _cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of a process so far (/proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _fresh_visit(browser, url: str, server_pid: int, drawn: str) -> dict[str, float]:
    """From ``page.goto`` in a new browser context: seconds until the chart is drawn, the server's
    CPU seconds and the page's main-thread busy seconds (Chromium's TaskDuration) meanwhile, and
    seconds until the rest of the page is drawn."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Performance.enable")
    try:
        started, server_cpu = time.perf_counter(), _cpu_seconds(server_pid)
        page.goto(f"{url}/?context=1", wait_until="commit")  # every event, as in the server times
        page.wait_for_function(drawn, timeout=WAIT_MS)
        visit = {"drawn": time.perf_counter() - started, "server_cpu": _cpu_seconds(server_pid) - server_cpu}
        metrics = devtools.send("Performance.getMetrics")["metrics"]
        visit["page_busy"] = next(m["value"] for m in metrics if m["name"] == "TaskDuration")
        page.wait_for_function(COMPLETE, timeout=WAIT_MS)
        return visit | {"complete": time.perf_counter() - started}
    finally:
        context.close()


def _warm_and_zoom(browser, url: str, drawn: str) -> tuple[float, float]:
    """In one context: the page opened, then opened again until its chart is drawn (warm), and
    "1 month" clicked once the whole page is there."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    shown = f"{url}/?context=1"
    try:
        page.goto(shown, wait_until="commit")
        page.wait_for_function(COMPLETE, timeout=WAIT_MS)
        # The URL as first opened (a reload would open the zoom of the click before).
        warm = _seconds_until_drawn(page, lambda: page.goto(shown, wait_until="commit"), drawn)
        page.wait_for_function(COMPLETE, timeout=WAIT_MS)
        return warm, _zoom_seconds(page)
    finally:
        context.close()


def _visit_medians(visits: list[dict[str, float]]) -> dict:
    medians = {what: round(statistics.median(v[what] for v in visits), 2) for what in visits[0]}
    return medians | {"drawn_runs": [round(v["drawn"], 2) for v in visits]}


def browser_times(browser, data: Path, webgl: bool, repeats: int) -> dict:
    """On each of ``repeats`` new servers: the first visitor's draw (cold), a second new visitor's,
    then that page opened again (warm) and "1 month" clicked; medians, and the server's peak memory."""
    drawn = GL_DRAWN if webgl else SVG_DRAWN
    cold: list[dict[str, float]] = []
    new_visitor: list[dict[str, float]] = []
    warm, zoom, peak = [], [], 0.0
    for _ in range(repeats):
        with running_app(data) as (url, proc):
            cold.append(_fresh_visit(browser, url, proc.pid, drawn))
            new_visitor.append(_fresh_visit(browser, url, proc.pid, drawn))
            warm_drawn, zoom_drawn = _warm_and_zoom(browser, url, drawn)
            warm.append(warm_drawn)
            zoom.append(zoom_drawn)
            peak = max(peak, _peak_rss_mb(proc.pid))
    return {
        "cold": _visit_medians(cold),
        "new_visitor": _visit_medians(new_visitor),
        "drawn_warm_s": round(statistics.median(warm), 2),
        "zoom_drawn_s": round(statistics.median(zoom), 2),
        "server_peak_mb": peak,
        "load_average": [round(x, 2) for x in os.getloadavg()],
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


def run(sizes: list[int], repeats: int, with_browser: bool, data_dir: Path | None = None) -> dict:
    with_browser = with_browser and CHROMIUM.is_file()
    result: dict = {"targets": TARGETS, "sizes": [], "harness_s": harness_seconds(repeats)}
    if not with_browser:
        result["browser_note"] = f"no browser run ({CHROMIUM} absent or --no-browser): drawing not timed"
    with tempfile.TemporaryDirectory(prefix="bench_dashboard_") as tmp, chromium(with_browser) as browser:
        for count in sizes:
            data = write_timeline((data_dir or Path(tmp)) / str(count), count)
            if overview.is_large(data / "events.json"):  # read from an index, never whole
                built = json_of(Path(__file__), "--index-of", str(data), what=f"index of {count} events")
                row = {"events": count, "large": True, "webgl": False, **built}
            else:
                row = {"events": count, "large": False, **figure_size(data, repeats)}
            row |= fresh_server_times(data, repeats)
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


def _drawn_line(row: dict, target: float) -> str:
    def visits(name: str, what: str) -> str:
        v = row[name]
        return (
            f"{what} {v['drawn']} s, median of {v['drawn_runs']} ({_check(v['drawn'], target)}; server "
            f"{v['server_cpu']} s CPU, page main thread busy {v['page_busy']} s), "
            f"the whole page {v['complete']} s"
        )

    return (
        f"{visits('cold', 'cold (a new server, its first visitor)')}; "
        f"{visits('new_visitor', 'a new visitor of the running server')}; "
        f'warm {row["drawn_warm_s"]} s; "1 month" drawn {row["zoom_drawn_s"]} s after the click; '
        f"server peak {row['server_peak_mb']} MB; load average {row['load_average']} at the end"
    )


def report(result: dict) -> None:
    harness = result["harness_s"]
    print(f"AppTest's own new session (one-line app): {harness} s, part of each first run below")
    for row in result["sizes"]:
        changes = row["filter_change_s"]
        targets = LARGE_TARGETS if row["large"] else TARGETS
        if row["large"]:
            print(f"\n{row['events']:,} events, {row['json_mb']:,} MB of events.json, read from its index")
            if row["index_reused"]:
                print(f"  index: built by an earlier run (--data-dir), {row['index_mb']:,} MB on disk")
            else:
                print(
                    f"  index (once): {row['index_s']} s wall, {row['index_cpu_s']} s CPU, peak "
                    f"{row['index_peak_mb']:,} MB; {row['index_mb']:,} MB on disk"
                )
        else:
            print(
                f"\n{row['events']:,} events ({row['points']:,} dated, {'WebGL' if row['webgl'] else 'SVG'})"
            )
            print(f"  figure: built in {row['figure_build_s']} s, {row['figure_bytes'] / 1e6:.2f} MB of JSON")
        page = round(row["first_run_s"] - harness, 3)
        print(
            f"  server: first run {row['first_run_s']} s ({row['first_run_cpu_s']} s CPU), the page {page} s "
            f"without AppTest's {harness} s ({_check(page, targets['build_s'])}), "
            f"rerun {row['rerun_s']} s ({row['rerun_cpu_s']} s CPU; "
            f"{_check(row['rerun_s'], targets['build_s'])})"
        )
        cpu = row["filter_change_cpu_s"]
        print(
            "  filter and zoom changes (wall / CPU): "
            + ", ".join(f"{name} {seconds} / {cpu[name]} s" for name, seconds in changes.items())
            + f" (slowest {_check(max(changes.values()), targets['filter_s'])}, CPU {max(cpu.values())} s)"
        )
        first = row["first_change_s"]
        print(
            "  each change the first time, nothing cached (wall / CPU): "
            + ", ".join(f"{name} {wall} / {cpu} s" for name, (wall, cpu) in first.items())
            + f" (slowest {_check(max(w for w, _ in first.values()), targets['filter_s'])})"
        )
        if "cold" in row:
            print(f"  drawn in Chromium: {_drawn_line(row, targets['drawn_s'])}")
    if "bundled" in result:
        b = result["bundled"]
        print(
            f"\nbundled data/events.json ({b['events']} events): {_drawn_line(b, TARGETS['drawn_s'])}; "
            "server peak limit 1024 MB"
        )
    if "browser_note" in result:
        print(f"\n{result['browser_note']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true", help="skip the headless Chromium part")
    parser.add_argument("--data-dir", type=Path, help="keep the generated timelines here for later runs")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--server-times-of", type=Path, help=argparse.SUPPRESS)  # one size's process
    parser.add_argument("--index-of", type=Path, help=argparse.SUPPRESS)  # one size's process
    args = parser.parse_args()
    if args.server_times_of:
        print(json.dumps(server_times(args.server_times_of, args.repeats)))
        return
    if args.index_of:
        print(json.dumps(index_build(args.index_of / "events.json")))
        return
    result = run(args.events, args.repeats, not args.no_browser, args.data_dir)
    if args.json:
        print(json.dumps(result))
        return
    report(result)


if __name__ == "__main__":
    main()
