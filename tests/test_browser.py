"""The running app in a real browser: Debian's Chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import re
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from dashboard import chart
from dashboard.filters import Filters, apply
from dashboard.sample import fixture_timeline
from extract.store import save

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect

ROOT = Path(__file__).resolve().parent.parent
POINTS = ".scatterlayer .points path"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 30_000  # how long to wait for the app, not a speed requirement
expect.set_options(timeout=WAIT_MS)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen) -> None:
    for _ in range(240):
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError("streamlit did not start")


@pytest.fixture(scope="module")
def fixture_events():
    return fixture_timeline()[1]


@contextmanager
def _serving(data: Path):
    """The dashboard on ``data`` on a free port of 127.0.0.1, stopped at the end."""
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true"]
    command += ["--server.port", str(port), "--browser.gatherUsageStats", "false"]
    env = {**os.environ, "TIMELINE_DATA": str(data)}
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, chromium):
    data = tmp_path_factory.mktemp("timeline")
    save(data, *fixture_timeline())
    with _serving(data) as url:
        yield url


@pytest.fixture
def own_url(tmp_path, chromium):
    """A server of the test's own: what it uploads is kept in its workspace, for every visitor of
    that server, and stays out of the timeline the other tests count."""
    data = tmp_path / "timeline"
    data.mkdir()
    save(data, *fixture_timeline())
    with _serving(data) as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium):
    with playwright.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    yield page
    context.close()


def _open(page, url: str):
    page.goto(url)
    page.wait_for_selector(POINTS)
    return page.locator(POINTS)


def _submit_upload(page, files: list) -> None:
    """Give the upload form ``files`` and press Extract once every file is listed and no run is under
    way: a click during a rerun (after typing a name, say) or before the browser has sent a file can
    be lost, and the test would wait for a message that never comes."""
    page.locator("input[type=file]").set_input_files(files)
    expect(page.get_by_role("button", name=re.compile(r"^Remove "))).to_have_count(len(files))
    expect(page.get_by_test_id("stStatusWidget")).to_be_hidden()
    page.get_by_role("button", name="Extract").click()


def _dated(events):
    return [e for e in events if chart.is_dated(e)]


def test_clicking_an_event_shows_its_passage(page, app_url):
    points = _open(page, app_url)
    expect(points).to_have_count(5)
    conflict = page.locator(".scatterlayer .trace").filter(has=page.locator("path.point")).first
    conflict.locator("path.point").first.click(force=True)
    card = page.locator(".src-card").first
    expect(card.locator("mark")).to_have_text("January 2020")
    expect(card).to_contain_text("Iraq's parliament voted to expel US troops")
    assert "event=" in page.url


def test_a_filter_changes_the_points_shown(page, app_url):
    points = _open(page, app_url)
    expect(points).to_have_count(5)
    search = page.get_by_label("Search titles and passages")
    search.fill("coalition")
    search.press("Enter")
    expect(points).to_have_count(2)  # the talks "on the coalition" and "Coalition shrinks"
    assert "q=coalition" in page.url


def test_a_copied_url_reopens_the_view(page, app_url, fixture_events):
    event = next(e for e in fixture_events if e.date == "2024-01-24")
    points = _open(page, f"{app_url}/?category=negotiate&category=consult&event={event.id}")
    expect(points).to_have_count(2)
    expect(page.locator(".src-card mark").first).to_have_text("24 January 2024")
    expect(page.locator(".src-card").first).to_contain_text("<script>alert('x')</script>")  # shown as text


def _prepare_downloads(page) -> None:
    page.get_by_text("Prepare downloads").click()
    expect(page.get_by_role("button", name="CSV", exact=True)).to_be_visible()


def test_csv_download_arrives_and_parses(page, app_url, fixture_events):
    _open(page, app_url)
    _prepare_downloads(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="CSV", exact=True).click()
    data = Path(download.value.path()).read_bytes()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert data.startswith(b"\xef\xbb\xbf") and len(rows) == len(fixture_events)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _choose(page, label: str, option: str) -> None:
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_png_download_has_the_chosen_size_and_a_title(page, app_url):
    from PIL import Image

    _open(page, app_url)
    _prepare_downloads(page)
    _choose(page, "PNG size (px)", "800 × 600")
    _choose(page, "Scale", "2")
    page.get_by_role("button", name="Render PNG").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="PNG", exact=True).click()
    path = Path(download.value.path())
    assert _png_size(path.read_bytes()) == (1600, 1200)
    image = Image.open(path).convert("L")
    title_band = image.crop((0, 0, 800, 80))  # the title and date range, drawn dark on white
    assert title_band.getextrema()[0] < 100


def test_an_uploaded_article_adds_its_events(page, own_url, fixture_events, tmp_path):
    article = tmp_path / "upload.txt"
    article.write_text(
        "Iraq and the United States sign a new security agreement\n\n"
        "On 5 March 2019, the United States and Iraq signed a security agreement in Baghdad.\n",
        encoding="utf-8",
    )
    _open(page, own_url)
    page.get_by_text("Add articles").click()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    _submit_upload(page, [str(article), str(empty)])
    expect(page.locator(".upload-success").filter(has_text="upload.txt:")).to_contain_text("1 event(s) found")
    expect(page.get_by_text("new event(s) on the timeline")).to_contain_text("1 new event(s)")
    expect(page.get_by_text("empty.txt")).to_contain_text("rejected")  # one message per rejected file
    added = len(fixture_events) + 1
    expect(page.get_by_text(f"{added} of {added} events shown")).to_be_visible()


def test_clicking_a_temperature_bar_narrows_the_timeline_to_its_month(page, app_url):
    points = _open(page, app_url)
    expect(points).to_have_count(5)
    page.locator(".barlayer .point path").first.click(force=True)  # January 2020, the earliest month
    expect(points).to_have_count(1)  # only the parliament vote of January 2020 overlaps it
    assert "to=2020-01-31" in page.url  # "from" is the first day of the data, a default left out


def test_selecting_a_table_row_shows_its_passage(page, app_url):
    _open(page, app_url)
    table = page.locator(".st-key-events_table [data-testid='stDataFrame']")
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + 35 + 17)  # the selection box of the first row (by date)
    expect(page.locator(".src-card mark").first).to_have_text("January 2020")


HOSTILE = "![x](https://example.org/beacon.png) [a](data:text/html,x) <script>"
EXPORTS = {
    "CSV": "timeline.csv",
    "JSON": "timeline.json",
    "TimelineJS": "timelinejs.json",
    "HTML": "timeline.html",
}


def test_downloads_clicked_300_ms_apart_all_arrive_and_stay_enabled(page, app_url, fixture_events):
    _open(page, app_url)
    _prepare_downloads(page)
    page.get_by_role("button", name="Render PNG").click()
    labels = [*EXPORTS, "PNG"]
    buttons = [page.get_by_role("button", name=label, exact=True) for label in labels]
    expect(buttons[-1]).to_be_visible()
    arrived = []
    page.on("download", lambda download: arrived.append(download))
    for button in buttons:
        button.click()
        page.wait_for_timeout(300)
    deadline = time.monotonic() + WAIT_MS / 1000
    while len(arrived) < len(labels) and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    files = {d.suggested_filename: Path(d.path()).read_bytes() for d in arrived}
    assert sorted(files) == sorted([*EXPORTS.values(), "timeline.png"])
    assert len(json.loads(files["timeline.json"])["events"]) == len(fixture_events)
    assert files["timeline.png"][:8] == b"\x89PNG\r\n\x1a\n" and b"plotly" in files["timeline.html"]
    for button in buttons:
        expect(button).to_be_enabled()


def test_a_hostile_file_name_in_an_upload_message_stays_text(page, app_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    _open(page, app_url)
    page.get_by_text("Add articles").click()
    name = f"evil{HOSTILE}.txt"
    empty = {"name": name, "mimeType": "text/plain", "buffer": b""}
    _submit_upload(page, [empty])
    notice = page.locator(".upload-warning").filter(has_text="evil")
    expect(notice).to_contain_text(f"{name}: rejected")  # the name as typed, Markdown and all
    assert notice.locator("img, a").count() == 0
    assert not [url for url in requested if "example.org" in url]


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory, chromium):
    """A timeline whose source metadata (title, outlet, file name, link) is hostile."""
    documents, events = fixture_timeline()
    event = next(e for e in events if e.date == "2024-01-24")
    hostile = dict(title=f"Talks\r\r{HOSTILE}", outlet=f"Outlet\u2028{HOSTILE}", file=f"vi\r\r{HOSTILE}.txt")
    second = dataclasses.replace(event.sources[1], **hostile, url="data:text/html,x")
    event.sources = [event.sources[0], second]
    data = tmp_path_factory.mktemp("hostile")
    save(data, documents, events)
    with _serving(data) as url:
        yield f"{url}/?event={event.id}"


def test_hostile_metadata_renders_as_inert_text_in_the_source_panel(page, hostile_url):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    _open(page, hostile_url)
    cards = page.locator(".src-card")
    expect(cards).to_have_count(2)
    expect(cards.nth(1)).to_contain_text(f"Talks {HOSTILE}")
    expect(cards.nth(1)).to_contain_text(f"Outlet {HOSTILE}")
    assert cards.locator("img").count() == 0 and page.locator("img[src*='example.org']").count() == 0
    links = [a.get_attribute("href") for a in cards.locator("a").all()]
    assert links == ["https://example.org/talks"]  # the first source's own article, nothing else
    assert page.locator("a[href^='data:'], a[href*='beacon']").count() == 0
    assert not [url for url in requested if "example.org" in url]


# --- issue 13: a phone, one selection everywhere, exports opened, links with zoom ---

PHONE = dict(
    viewport={"width": 390, "height": 844},
    device_scale_factor=2,
    is_mobile=True,
    has_touch=True,
    user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
)
# Each drawn event point: its centre on screen and its customdata (the index among the events drawn).
POINT_CENTRES = """() => Array.from(document.querySelectorAll('.st-key-chart .scatterlayer .trace'))
.flatMap(t => {
  const trace = t.__data__[0].trace;
  return Array.from(t.querySelectorAll('path.point')).map(p => {
    const r = p.getBoundingClientRect();
    const index = trace.customdata ? trace.customdata[p.__data__.i] : null;
    return {x: r.x + r.width / 2, y: r.y + r.height / 2, index: index};
  });
}).filter(p => typeof p.index === 'number' && p.x > 0)"""
PLOT = "document.querySelector('.st-key-chart .js-plotly-plot')"
RING_DAY = f"() => ({PLOT}.layout.shapes || []).find(s => s.name === 'selected')?.xanchor ?? null"
X_RANGE = f"() => {PLOT}._fullLayout.xaxis.range.map(v => String(v).slice(0, 10))"


def _drawn_in_order(events):
    """The events drawn, in the order the chart's customdata counts them (the app's, by date)."""
    return _dated(apply(events, Filters()))


def _ring_day(page) -> str | None:
    value = page.evaluate(RING_DAY)
    return None if value is None else str(value)[:10]


def _middle_day(event) -> str:
    """Where the chart places an event: the middle day of the days it covers."""
    first, last = (date.fromisoformat(day).toordinal() for day in (event.start, event.end))
    return date.fromordinal((first + last) // 2).isoformat()


def _ticked_rows(page, table: str) -> list[str]:
    """Titles in the rows the table shows ticked (its accessible grid marks them aria-selected)."""
    rows = page.locator(f".st-key-{table} tr[aria-selected='true'] td:nth-child(3)")
    return [text.strip() for text in rows.all_inner_texts()]


def test_on_a_phone_the_plot_is_wide_and_a_tap_opens_the_event_tapped(browser, app_url, fixture_events):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    try:
        _open(page, app_url)
        page.wait_for_function(f"() => {PLOT}._fullLayout.margin.l < 20")  # laid out for its width
        page.wait_for_function(f"() => {PLOT}.__viewSync === true")  # the page's touch handling is on
        assert page.evaluate(f"() => {PLOT}._fullLayout._size.w") >= 300
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 390  # nothing runs off
        drawn = _drawn_in_order(fixture_events)
        points = page.evaluate(POINT_CENTRES)
        for point in (points[0], points[-1]):  # each tap opens that point's event, the first one too
            page.touchscreen.tap(point["x"], point["y"])
            expect(page.locator(".st-key-source_panel h3")).to_have_text(drawn[point["index"]].title)
            expect(page.locator(".src-card mark").first).to_be_visible()
    finally:
        context.close()


def test_a_chart_click_ticks_the_table_row_and_a_row_click_rings_the_point(page, app_url, fixture_events):
    _open(page, app_url)
    drawn = _drawn_in_order(fixture_events)
    point = next(p for p in page.evaluate(POINT_CENTRES) if drawn[p["index"]].date == "2023-Q3")
    page.mouse.click(point["x"], point["y"])
    expect(page.locator(".st-key-source_panel h3")).to_have_text("Joint commission meets in Baghdad")
    page.wait_for_function(f"() => ({RING_DAY})() !== null")
    assert _ring_day(page) == _middle_day(drawn[point["index"]])
    expect(page.locator(".st-key-events_table tr[aria-selected='true']")).to_have_count(1)
    assert _ticked_rows(page, "events_table") == ["Joint commission meets in Baghdad"]
    # A row clicked in the table: the panel and the ring follow, and the page does not move.
    table = page.locator(".st-key-events_table [data-testid='stDataFrame']")
    table.scroll_into_view_if_needed()
    scrolled = page.evaluate(
        "() => document.querySelector('[data-testid=stMain]')?.scrollTop ?? window.scrollY"
    )
    box = table.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + 35 + 17)  # the first row (by date): the parliament vote
    expect(page.locator(".st-key-source_panel h3")).to_have_text("Iraqi parliament votes to expel US troops")
    page.wait_for_function(f"() => ({RING_DAY})() === '{_middle_day(drawn[0])}'")
    expect(page.locator(".st-key-events_table tr[aria-selected='true'] td").nth(2)).to_contain_text(
        "Iraqi parliament"
    )
    assert (
        page.evaluate("() => document.querySelector('[data-testid=stMain]')?.scrollTop ?? window.scrollY")
        == scrolled
    )
    page.get_by_role("button", name="Next ▶").click()
    expect(page.locator(".st-key-source_panel h3")).to_have_text(drawn[1].title)
    page.get_by_role("button", name="✕ Close").click()
    expect(page.locator(".st-key-source_panel .src-card")).to_have_count(0)
    assert "event=" not in page.url


def test_an_event_link_rings_its_point(page, app_url, fixture_events):
    event = next(e for e in fixture_events if e.date == "2021")
    _open(page, f"{app_url}/?event={event.id}")
    page.wait_for_function(f"() => ({RING_DAY})() !== null")
    assert _ring_day(page) == _middle_day(event)
    ticked = page.locator(".st-key-events_table tr[aria-selected='true']")
    expect(ticked).to_have_count(1)
    expect(ticked.locator("td").nth(2)).to_have_text(event.title)


def test_a_zoomed_view_reopens_from_its_link_at_the_same_range(page, browser, app_url):
    _open(page, app_url)
    plot = page.locator(".st-key-chart .nsewdrag").first
    box = plot.bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.7, y)  # drag mode is pan: the range moves with the mouse
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.4, y, steps=8)
    page.mouse.up()
    page.wait_for_function("() => location.search.includes('x0=')")
    shown = page.evaluate(X_RANGE)
    link = page.url
    assert f"x0={shown[0]}" in link and f"x1={shown[1]}" in link
    again = page.context.new_page()
    _open(again, link)
    again.wait_for_function(f"() => ({X_RANGE})()[0] === '{shown[0]}'")
    assert again.evaluate(X_RANGE) == shown


def test_a_tone_hidden_from_the_legend_stays_hidden_through_its_link(page, app_url):
    _open(page, app_url)
    page.locator(".st-key-chart .legend .traces").filter(has_text="Conflict").click()
    page.wait_for_function("() => location.search.includes('hide=conflict')")
    again = page.context.new_page()
    _open(again, page.url)
    hidden = f"() => {PLOT}.data.filter(t => t.legendgroup === 'conflict').map(t => t.visible)"
    assert set(again.evaluate(hidden)) == {"legendonly"}


def test_a_link_value_that_cannot_be_applied_is_said_on_the_page(page, app_url):
    _open(page, f"{app_url}/?to=2099-01-01&x0=soon")
    notice = page.get_by_text("Part of this link could not be applied")
    expect(notice).to_be_visible()
    expect(page.locator("[data-testid=stAlert]").first).to_contain_text(
        "'to=2099-01-01' is outside the timeline"
    )


def test_each_export_opened_keeps_its_sources(page, browser, app_url, fixture_events, tmp_path):
    _open(page, app_url)
    _prepare_downloads(page)
    files = {}
    for label in ("CSV", "JSON", "HTML"):
        with page.expect_download() as download:
            page.get_by_role("button", name=label, exact=True).click()
        files[label] = Path(download.value.path()).read_bytes()
    rows = list(csv.DictReader(io.StringIO(files["CSV"].decode("utf-8-sig"))))
    talks = next(r for r in rows if r["date"] == "2024-01-24")
    assert talks["source_outlets"] == "Example News | Báo Mẫu" and talks["id"]
    # The HTML page, offline: a click on an event fills its source panel.
    html_path = tmp_path / "timeline.html"
    html_path.write_bytes(files["HTML"])
    offline = browser.new_context(offline=True)
    try:
        exported = offline.new_page()
        exported.goto(html_path.as_uri())
        expect(exported.locator("h1")).to_have_text("US–Iraq relations in the news")
        exported.wait_for_selector(POINTS)
        exported.locator(".scatterlayer .trace path.point").first.click(force=True)
        expect(exported.locator("#panel mark").first).to_be_visible()
        expect(exported.locator("#panel .src")).not_to_have_count(0)
    finally:
        offline.close()
    # The JSON opens again in the app.
    json_path = tmp_path / "reopened.json"
    json_path.write_bytes(files["JSON"])
    page.get_by_text("Add articles").click()
    _submit_upload(page, [str(json_path)])
    # Perhaps the server's first upload: it starts the extractor's child and loads the merge's libraries.
    expect(page.locator(".upload-success").filter(has_text="reopened.json:")).to_contain_text(
        f"timeline of {len(fixture_events)} event(s) opened", timeout=4 * WAIT_MS
    )
    # Its events are the page's own: merged with them, none new.
    expect(page.get_by_text(f"{len(fixture_events)} of {len(fixture_events)} events shown")).to_be_visible()


def test_a_file_over_the_limit_and_one_uploaded_twice_are_said(page, own_url, tmp_path):
    _open(page, own_url)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (6 * 1024 * 1024))
    article = tmp_path / "twice.txt"
    article.write_text("On 5 March 2019, the United States and Iraq signed a security agreement.\n")
    page.get_by_text("Add articles").click()
    _submit_upload(page, [str(big), str(article)])
    expect(page.locator(".upload-error").filter(has_text="big.txt")).to_contain_text("over the 5 MB limit")
    _submit_upload(page, [str(article)])
    expect(page.locator(".upload-warning").filter(has_text="twice.txt")).to_contain_text("already added")
