"""Downloads of the events shown: CSV, JSON, TimelineJS, HTML, and PNG through kaleido."""

from __future__ import annotations

import csv
import io
import json
import struct

import pytest

from dashboard import chart, exports
from dashboard.sample import fixture_timeline


@pytest.fixture
def events():
    return fixture_timeline()[1]


def test_csv_has_a_bom_one_row_per_event_and_no_formulas(events):
    events[0].title = "=HYPERLINK(1)"
    data = exports.csv_bytes(events)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == len(events)
    assert rows[0]["title"] == "'=HYPERLINK(1)"


def test_json_round_trips_every_event(events):
    data = json.loads(exports.json_bytes(events))
    assert [e["id"] for e in data["events"]] == [e.id for e in events]
    assert data["events"][0]["sources"][0]["passage"] == events[0].sources[0].passage


def test_timelinejs_dates_say_only_what_is_known(events):
    slides = {s["display_date"]: s for s in exports.timelinejs(events)["events"]}
    assert "XXXX-01-03" not in slides  # no year, no place on a TimelineJS axis
    assert slides["2024-01-24"]["start_date"] == {"year": 2024, "month": 1, "day": 24}
    assert slides["2020-01"]["start_date"] == {"year": 2020, "month": 1}
    assert slides["2021/2024"]["start_date"] == {"year": 2021}
    assert slides["2021/2024"]["end_date"] == {"year": 2024}
    text = slides["2024-01-24"]["text"]
    assert text["headline"] == events[0].title
    assert "&lt;script&gt;" in text["text"] and "<script>" not in text["text"]


def test_html_page_is_standalone(events):
    page = exports.html_bytes(chart.build_figure(events)).decode("utf-8")
    assert "<html>" in page[:100] and "<script src=" not in page  # plotly.js inlined, nothing fetched
    assert len(page) > 1_000_000 and events[0].title in page  # the events, in their hover text


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_has_the_figure_size(chromium, events):
    fig = chart.build_figure(events)
    fig.update_layout(width=900)
    assert _png_size(exports.png_bytes(fig)) == (900, fig.layout.height)
