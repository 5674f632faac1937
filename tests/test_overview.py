"""Large timelines: the event index, its filters and counts, and the page drawn from it."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import chart, overview
from dashboard.filters import Filters, split_context
from dashboard.sample import fixture_timeline, generated_timeline
from extract.event_index import EventIndex
from extract.store import save

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    """1,200 generated events and the fixture's (every date precision, a span, an unknown year, a
    merged event of two languages), saved and indexed."""
    folder = tmp_path_factory.mktemp("large")
    documents, events = generated_timeline(1200, seed=3)
    fixture_documents, fixture_events = fixture_timeline()
    save(folder, documents + fixture_documents, events + fixture_events)
    overview.ensure_index(folder / "events.json")
    return folder


@pytest.fixture(scope="module")
def timeline(data):
    return overview.open_timeline(data / "events.json")


@pytest.fixture(scope="module")
def events(data):
    from extract.store import load

    return load(data / "events.json")[1]


FILTERS = [
    Filters(),
    Filters(context=True),
    Filters(min_relevance=0.9, context=True),
    Filters(date_from=date(2010, 1, 1), date_to=date(2012, 6, 30)),
    Filters(date_from=date(2021, 6, 1), date_to=date(2022, 1, 1), context=True),  # inside the span
    Filters(actors=("Iran", "Coalition")),
    Filters(categories=("negotiate", "withdraw"), tones=("cooperation",)),
    Filters(languages=("vi",), context=True),
    Filters(outlets=("Báo Mẫu", "Example News")),
    Filters(text="Iran"),
    Filters(text="parliament votes", context=True),
    Filters(text="đàm phán"),  # accents folded: the Vietnamese source's passage
]


def _ids(timeline, mask) -> list[str]:
    return [e.id for e in timeline.index.events(np.flatnonzero(mask))]


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_the_index_shows_the_events_the_filters_show(timeline, events, filters):
    expected, hidden = split_context(events, filters)
    mask, context_hidden = overview.shown_mask(timeline.index, filters)
    assert _ids(timeline, mask) == [e.id for e in expected]  # the same events, in the same order
    assert context_hidden == hidden


def test_options_are_those_of_the_events(timeline, events):
    from dashboard.filters import options

    assert timeline.options == options(events)


def test_events_and_documents_are_read_back_by_key(timeline, events, data):
    merged = next(e for e in events if len(e.sources) == 2)
    assert timeline.by_id[merged.id] == merged
    assert "no such id" not in timeline.by_id
    assert timeline.by_file["vi.txt"].meta.language == "vi"
    assert timeline.by_file.get("missing.txt") is None


def test_an_index_is_rebuilt_when_its_data_file_changes(tmp_path):
    save(tmp_path, *fixture_timeline())
    path = tmp_path / "events.json"
    built = overview.ensure_index(path)
    assert EventIndex.is_fresh(built, overview.stamp(path))
    documents, events = fixture_timeline()
    save(tmp_path, documents, events[:2])
    assert not EventIndex.is_fresh(built, overview.stamp(path))
    overview.ensure_index(path)
    assert EventIndex(built).count == 2


def test_each_day_falls_in_the_period_its_code_names():
    rng = random.Random(1)
    days = np.array([date(1990, 1, 1).toordinal() + rng.randrange(15000) for _ in range(500)])
    for period in overview.PERIODS:
        codes = overview.period_codes(days, period)
        assert np.all(np.diff(codes[np.argsort(days)]) >= 0)  # later days, later periods
        for day, code in zip(days[:60], codes[:60], strict=True):
            first, last = overview.period_days(int(code), period)
            assert first <= date.fromordinal(int(day)) <= last


def test_the_period_fits_the_visible_range():
    first = date(2003, 1, 1).toordinal()
    assert overview.period_for(first, first + 60) == "day"
    assert overview.period_for(first, first + 365) == "week"
    assert overview.period_for(first, first + 5 * 365) == "month"
    assert overview.period_for(first, first + 20 * 365) == "quarter"
    assert overview.period_for(first, first + 40 * 365) == "year"


def _middle(event) -> int:
    return (date.fromisoformat(event.start).toordinal() + date.fromisoformat(event.end).toordinal()) // 2


def _circles(figure):
    return next(t for t in figure.data if t.type == "scatter" and t.mode == "markers")


def test_zoomed_out_the_counts_add_up_to_the_events_in_view(timeline, events, monkeypatch):
    monkeypatch.setattr(overview, "POINTS_UP_TO", 100)
    filters = Filters(tones=("conflict",))
    mask, _ = overview.shown_mask(timeline.index, filters)
    drawn = overview.draw(timeline, mask, "category", None)
    dated = [e for e in split_context(events, filters)[0] if chart.is_dated(e)]
    assert drawn.events == [] and drawn.period == "quarter" and drawn.in_view == len(dated)
    circles = _circles(drawn.figure)
    assert sum(count for _, count in circles.customdata) == len(dated)
    bars = next(t for t in drawn.figure.data if t.type == "bar")
    assert sum(count for _, count in bars.customdata) == len(dated)
    # Each circle: the events of its lane whose middle day is in its period.
    lanes = list(drawn.figure.layout.yaxis.ticktext)
    for (days, count), y in zip(circles.customdata, circles.y, strict=True):
        first, last = overview.days_of(days)
        lane = lanes[int(y)]
        inside = [
            e
            for e in dated
            if chart.lane_of(e, "category") == lane and first.toordinal() <= _middle(e) <= last.toordinal()
        ]
        assert count == len(inside)
    assert "zoom in to under 100 events" in drawn.figure.layout.annotations[0].text


def test_zoomed_in_the_events_themselves_are_drawn(timeline, events, monkeypatch):
    monkeypatch.setattr(overview, "POINTS_UP_TO", 100)
    mask, _ = overview.shown_mask(timeline.index, Filters(context=True))
    zoom = ("2010-03-01", "2010-05-31")
    drawn = overview.draw(timeline, mask, "group", zoom)
    first, last = date(2010, 3, 1).toordinal(), date(2010, 5, 31).toordinal()
    in_view = [e for e in events if chart.is_dated(e) and first <= _middle(e) <= last]
    assert drawn.period is None and drawn.in_view == len(in_view) <= 100
    assert {e.id for e in in_view} <= {e.id for e in drawn.events}  # and a quarter of a view either side
    assert list(drawn.figure.layout.xaxis.range) == list(zoom)
    markers = [t for t in drawn.figure.data if t.customdata is not None and t.type.startswith("scatter")]
    assert sum(len(t.customdata) for t in markers) == len(drawn.events)


# --- the page ---


def _figure(at) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_the_page_of_a_large_timeline_counts_then_shows_events_zoomed_in(data, monkeypatch):
    monkeypatch.setattr(overview, "LARGE_FROM_MB", 0)  # this small file read as a large one
    monkeypatch.setattr(overview, "POINTS_UP_TO", 100)
    monkeypatch.setenv("TIMELINE_DATA", str(data))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert any("counts per quarter and lane" in c.value for c in at.caption)
    figure = _figure(at)
    assert "Counts per quarter and lane" in figure["layout"]["annotations"][0]["text"]
    assert len(next(d for d in at.dataframe if d.key == "events_table").value) == 300
    at.session_state["zoom"] = ("2010-03-01", "2010-05-31")  # as the browser reports a zoom
    at.run()
    assert not at.exception
    assert any("click an event" in c.value for c in at.caption)
    figure = _figure(at)
    assert figure["layout"]["xaxis"]["range"] == ["2010-03-01", "2010-05-31"]
    assert not figure["layout"].get("annotations")  # no counts' legend: the events are drawn
    assert at.session_state["chart_ids"]  # a click on a point selects its event
    at.multiselect(key="f_tones").set_value(["conflict"]).run()  # a filter: the whole range again
    assert at.session_state["zoom"] is None
    assert at.query_params["tone"] == "conflict"
