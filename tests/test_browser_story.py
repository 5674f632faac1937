"""Story mode in a real browser (Debian's Chromium driven by Playwright): a shared link opens its
slide, the arrow keys move through the key dates and the URL follows."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_dashboard_keydates import K, write_timeline

from dashboard.keydates_data import day_label, read
from dashboard.safe_text import one_line

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
WAIT_MS = 30_000  # how long to wait for the app, not a speed requirement


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _serving(data: Path):
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true"]
    command += ["--server.port", str(port), "--browser.gatherUsageStats", "false"]
    env = {**os.environ, "TIMELINE_DATA": str(data)}
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {proc.returncode}")
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def story_data(tmp_path_factory):
    data = tmp_path_factory.mktemp("story")
    write_timeline(data)
    return data


@pytest.fixture(scope="module")
def app_url(story_data, chromium):
    with _serving(story_data) as url:
        yield url


@pytest.fixture
def page(chromium, app_url):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(WAIT_MS)
        expect.set_options(timeout=WAIT_MS)
        yield page
        browser.close()


def _press(page, key: str, button: str, shows: str) -> None:
    """Press ``key`` once the button it stands for is on the page and enabled (the slide's count is
    drawn before the buttons that bind the arrow keys), and see the count become ``shows``."""
    expect(page.get_by_role("button", name=button)).to_be_enabled()
    page.wait_for_load_state("networkidle")
    page.keyboard.press(key)
    expect(page.locator(".story-count")).to_have_text(shows)


def test_a_shared_link_opens_slide_3_and_the_right_arrow_shows_slide_4(page, app_url, story_data):
    slides = read(story_data / "keydates.json").story(K)
    page.goto(f"{app_url}/?view=story&slide=3")
    slide = page.locator(".story-slide")
    expect(page.locator(".story-count")).to_have_text(f"Key date 3 of {K}")
    expect(slide.locator(".story-date")).to_have_text(day_label(slides[2].date))

    page.locator("h1").first.click()  # the page, not a field, has the focus
    _press(page, "ArrowRight", "Next ▶", f"Key date 4 of {K}")
    fourth = slides[3]
    expect(slide.locator(".story-summary")).to_have_text(one_line(fourth.summary))
    link = slide.locator("a.story-link").first
    expect(link).to_have_attribute("href", fourth.passages[0].url)
    expect(link).to_have_attribute("target", "_blank")
    page.wait_for_url("**slide=4**")

    _press(page, "ArrowLeft", "◀ Previous", f"Key date 3 of {K}")
    page.wait_for_url("**slide=3**")
