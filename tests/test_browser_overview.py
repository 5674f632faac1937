"""A large timeline in a real browser: counts when zoomed out, the events after a zoom."""

from __future__ import annotations

import re

import pytest
from test_browser import CHROMIUM_ARGS, WAIT_MS, _serving

from dashboard import overview
from dashboard.sample import generated_timeline
from extract.store import save

pytestmark = pytest.mark.browser
playwright = pytest.importorskip("playwright.sync_api")
expect = playwright.expect
EVENTS = overview.POINTS_UP_TO + 2000  # more than are drawn one by one: counts first


@pytest.fixture(scope="module")
def app_url(tmp_path_factory, chromium):
    data = tmp_path_factory.mktemp("large")
    save(data, *generated_timeline(EVENTS))
    overview.ensure_index(data / "events.json")  # as ``python -m dashboard.overview`` does
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TIMELINE_INDEX_FROM_MB", "0")  # this file read from its index
        with _serving(data) as url:
            yield url


@pytest.fixture
def page(chromium, app_url):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(WAIT_MS)
        yield page
        browser.close()


def _annotations(page) -> list[str]:
    return page.evaluate(
        "() => (document.querySelector('.js-plotly-plot')?.layout?.annotations || []).map((a) => a.text)"
    )


def _zoom_to_a_month(page) -> None:
    """A click on "1 month", again if a rerun that was under way (the page reporting its width)
    drew the chart anew before the zoom was reported; the URL says when the server has it. On a
    loaded machine reruns come late and several may follow one another: five tries."""
    for _ in range(5):
        page.wait_for_function("() => document.querySelector('.js-plotly-plot')?.__viewSync")
        page.locator(".js-plotly-plot g.rangeselector g.button", has_text="1 month").click()
        try:
            page.wait_for_url(re.compile("x0="), timeout=WAIT_MS / 3)
            return
        except playwright.TimeoutError:
            continue
    raise AssertionError("the zoom never reached the server")


def test_counts_give_way_to_the_events_when_zoomed_in(page, app_url):
    page.goto(app_url)
    counts = page.locator(".js-plotly-plot .annotation-text", has_text="Counts per")
    expect(counts).to_have_text(re.compile("Counts per quarter and lane"))
    expect(page.get_by_text(f" of {EVENTS:,} events shown", exact=False)).to_be_visible()
    _zoom_to_a_month(page)
    expect(counts).to_have_count(0)  # the view reached the server, which drew the events
    expect(page.locator(".js-plotly-plot .scatterlayer path.point").first).to_be_attached()
    assert not any("Counts per" in (text or "") for text in _annotations(page))
    assert "x0=" in page.url and "x1=" in page.url
    expect(page.get_by_text("click an event or a table row", exact=False)).to_be_visible()
