"""Curation in a real browser (Debian's Chromium through Playwright): decisions kept across a
reload and a rebuild, the workspace search of the seeds, and an upload seen through a shared link."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from test_browser import CHROMIUM_ARGS, WAIT_MS, _serving, _submit_upload

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


UPLOAD = (  # a second round of talks, in an article none of the seeds is
    "Iraq và Mỹ mở vòng đàm phán thứ hai\n\n"
    "Ngày 11/2/2024, Iraq và Mỹ đã mở vòng đàm phán thứ hai về tương lai của liên quân tại Washington.\n"
)
HOSTILE_NAME = "vòng hai <img src=x onerror=alert(1)> [a](https://example.org).txt"


@pytest.fixture
def own_data(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copy(ROOT / "data" / "events.json", folder / "events.json")
    return folder


def test_an_upload_is_seen_through_a_shared_link_and_kept_through_a_rebuild(browser, own_data, tmp_path):
    with _serving(own_data) as url:
        uploader = browser.new_context(viewport={"width": 1400, "height": 1200})
        page = uploader.new_page()
        page.set_default_timeout(WAIT_MS)
        _open(page, url)
        _sign(page)
        page.get_by_text("Add articles").click()
        upload = {"name": HOSTILE_NAME, "mimeType": "text/plain", "buffer": UPLOAD.encode("utf-8")}
        _submit_upload(page, [upload])
        # The first upload of a server starts the extractor's child and loads the merge's libraries.
        expect(page.locator(".upload-success").filter(has_text="new event(s)")).to_contain_text(
            "1 new event(s)", timeout=4 * WAIT_MS
        )
        link = page.url
        uploader.close()

        for visit in ("a shared link", "a rebuild"):
            if visit == "a rebuild":  # the seeds but one built again: the upload is none of them, and stays
                articles = tmp_path / "articles"
                shutil.copytree(ROOT / "seeds", articles, ignore=shutil.ignore_patterns("manifest.csv"))
                (articles / "000_16a87874902828e2.txt").unlink()
                build = [sys.executable, "-m", "extract", "build", str(articles), "--out", str(own_data)]
                build += ["--manifest", "seeds/manifest.csv"]
                subprocess.run(build, cwd=ROOT, check=True, capture_output=True)
            other = browser.new_context(viewport={"width": 1400, "height": 1200})  # another visitor
            page = other.new_page()
            page.set_default_timeout(WAIT_MS)
            requested = []
            page.on("request", lambda request, seen=requested: seen.append(request.url))
            page.goto(link)
            expect(page.locator(".js-plotly-plot")).to_be_visible()
            total = len(load(own_data / "events.json")[1]) + 1
            expect(_shown(page)).to_contain_text(f"{total} of {total} events shown")
            page.get_by_text("Uploaded files (1)").click()
            listed = page.locator(".cur-log").filter(has_text="1 event(s), added")
            expect(listed).to_contain_text(HOSTILE_NAME + ": 1 event(s), added")  # the name as text
            expect(listed).to_contain_text("by Lan")
            assert listed.locator("img, a").count() == 0
            assert not [u for u in requested if "example.org" in u]
            search = page.get_by_label("Search titles and passages")
            search.fill("vong hai")
            search.press("Enter")
            expect(_shown(page)).to_contain_text("1 of 1 events shown")
            other.close()
