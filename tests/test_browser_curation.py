"""Curation in a real browser (Debian's Chromium through Playwright): decisions kept across a
reload and a rebuild, and the workspace search of the seeds."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from test_browser import CHROMIUM_ARGS, WAIT_MS, _serving

from extract.store import load

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect

ROOT = Path(__file__).resolve().parent.parent
# The seeds' events by date and category: their ids may change when data/ is rebuilt.
_SEEDS = {(e.date, e.category): e.id for e in load(ROOT / "data" / "events.json")[1]}
NEGOTIATION = _SEEDS["2024-01-24", "negotiate"]  # the seeds' 24/1/2024 talks, told in Vietnamese
REDATED = _SEEDS["2024-01-23", "military-action"]  # the attack of 23/1
ABSORBED = _SEEDS["2024-01", "statement"]  # al-Sudani's statement, merged into the talks
HIDDEN = _SEEDS["2021", "reduce-military"]  # the end of combat in 2021


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seeds")
    shutil.copy(ROOT / "data" / "events.json", folder / "events.json")
    return folder


@pytest.fixture(scope="module")
def app_url(data, chromium):
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
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    yield page
    context.close()


def _open(page, url: str, event: str | None = None, query: str = "") -> None:
    page.goto(f"{url}/?context=1{query}" + (f"&event={event}" if event else ""))
    expect(page.locator(".js-plotly-plot")).to_be_visible()


def _sign(page) -> None:
    author = page.get_by_label("Your name (signs your edits)")
    author.fill("Lan")
    author.press("Enter")


def _saved(page) -> None:
    expect(page.locator(".curation-success")).to_contain_text("Saved")


def _facts(page):
    """The source panel: its facts line gives the event's date and category."""
    return page.locator(".st-key-source_panel")


def _shown(page):
    return page.get_by_text("events shown").first


def test_redate_merge_hide_are_kept_across_a_reload_and_a_rebuild(page, app_url, data):
    _open(page, app_url, REDATED)
    seeds = len(load(data / "events.json")[1])
    expect(_shown(page)).to_contain_text(f"{seeds} of {seeds} events shown")
    _sign(page)
    date = page.get_by_role("textbox", name="Date (TIMEX3 value)")
    date.fill("2024-13")  # no month 13: refused where it was typed
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".curation-error")).to_contain_text("is not a TIMEX3 date value")
    page.get_by_role("textbox", name="Date (TIMEX3 value)").fill("2024-01-22")
    page.get_by_role("button", name="Save").click()
    _saved(page)
    expect(_facts(page)).to_contain_text("2024-01-22")

    page.goto(page.url.replace(REDATED, NEGOTIATION))  # a new session: the name is asked again
    _sign(page)
    page.get_by_role("tab", name="Merge").click()
    page.get_by_label("…or their ids (comma or space separated)").fill(ABSORBED)
    page.get_by_role("button", name="Merge into this event").click()
    _saved(page)
    expect(page.locator(".st-key-source_panel")).to_contain_text("3 source(s)")

    page.goto(page.url.replace(NEGOTIATION, HIDDEN))
    _sign(page)
    page.get_by_role("button", name="Hide", exact=True).click()
    _saved(page)
    expect(_shown(page)).to_contain_text(f"{seeds - 2} of {seeds - 2} events shown")  # merged, hidden

    for reopen in ("reload", "rebuild"):
        if reopen == "rebuild":  # the seeds and one more article: events.json written anew
            article = ROOT / "tests" / "workspace_articles"
            build = [sys.executable, "-m", "extract", "build", "seeds", str(article)]
            build += ["--manifest", "seeds/manifest.csv", "--out", str(data)]
            subprocess.run(build, cwd=ROOT, check=True, capture_output=True)
        _open(page, app_url, REDATED)
        extracted = len(load(data / "events.json")[1])
        expect(_shown(page)).to_contain_text(f"{extracted - 2} of {extracted - 2} events shown")
        expect(_facts(page)).to_contain_text("2024-01-22")
        _open(page, app_url, NEGOTIATION)
        expect(page.locator(".st-key-source_panel")).to_contain_text("3 source(s)")
        _open(page, app_url, HIDDEN)  # a hidden event still opens from a link, to be unhidden
        expect(page.get_by_role("button", name="Unhide")).to_be_visible()
    assert extracted > seeds  # the rebuild brought the new article's events


def test_searching_dam_phan_finds_the_vietnamese_negotiation_and_marks_the_words(page, app_url):
    _open(page, app_url)
    search = page.get_by_label("Search titles and passages")
    search.fill("dam phan")
    search.press("Enter")
    page.wait_for_url(re.compile(r"q=dam(\+|%20)phan"))
    # Only the passages saying "đàm phán" (talks) are left: the seeds' two, the new article's one.
    expect(_shown(page)).to_contain_text(re.compile(r"\b([1-3]) of \1 events shown"))
    _open(page, app_url, NEGOTIATION, "&q=" + quote("dam phan"))
    marked = page.locator(".st-key-source_panel mark.hit")
    expect(marked.first).to_have_text("đàm")
    expect(marked.nth(1)).to_have_text("phán")
    expect(_facts(page)).to_contain_text("negotiate")
