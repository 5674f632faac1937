"""The running app in a real browser: Debian's Chromium driven by Playwright (never `playwright install`)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import socket
import struct
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboard import chart
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


def test_csv_download_arrives_and_parses(page, app_url, fixture_events):
    _open(page, app_url)
    with page.expect_download() as download:
        page.get_by_role("button", name="CSV", exact=True).click()
    data = Path(download.value.path()).read_bytes()
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert data.startswith(b"\xef\xbb\xbf") and len(rows) == len(fixture_events)


def test_png_download_has_the_chart_size(page, app_url, fixture_events):
    _open(page, app_url)
    page.get_by_role("button", name="Render PNG").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="PNG", exact=True).click()
    data = Path(download.value.path()).read_bytes()
    height = chart.build_figure(_dated(fixture_events)).layout.height
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (700, height)  # kaleido's default width, the figure's height


def test_an_uploaded_article_adds_its_events(page, app_url, fixture_events, tmp_path):
    article = tmp_path / "upload.txt"
    article.write_text(
        "Iraq and the United States sign a new security agreement\n\n"
        "On 5 March 2019, the United States and Iraq signed a security agreement in Baghdad.\n",
        encoding="utf-8",
    )
    _open(page, app_url)
    page.get_by_text("Add articles").click()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    page.locator("input[type=file]").set_input_files([str(article), str(empty)])
    page.get_by_role("button", name="Extract").click()
    expect(page.get_by_text("upload.txt:")).to_contain_text("event(s) added")
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
    page.locator("input[type=file]").set_input_files([empty])
    page.get_by_role("button", name="Extract").click()
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
