"""The dashboard's logic: figure building, filters, URL state, and the app through AppTest."""

from __future__ import annotations

import copy
import dataclasses
import gc
import html
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import app as dashboard_app
from dashboard import chart, state
from dashboard.filters import Filters, apply, options
from dashboard.panel import context, passage_html
from dashboard.sample import fixture_timeline, generated_timeline
from extract.store import save

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


@pytest.fixture
def timeline():
    return fixture_timeline()


def _by_date(events, value):
    return next(e for e in events if e.date == value)


def _traces(fig, mode):
    return [t for t in fig.data if getattr(t, "mode", None) == mode]


def _marker_traces(fig):
    return [t for t in _traces(fig, "markers") if t.customdata is not None]  # not the legend's shapes


def _labels(fig) -> list[str]:
    return [label for trace in _traces(fig, "text") for label in trace.text]


def _marker_ids(fig, events) -> list[str]:
    """A marker's customdata is the index of its event in the events drawn."""
    return [events[i].id for t in _marker_traces(fig) for i in t.customdata]


def _days(xs) -> list[str]:
    """A date axis's milliseconds as ISO days."""
    return [str(np.datetime64(int(x), "ms").astype("datetime64[D]")) for x in xs]


# --- figure ---


def test_month_event_is_a_span_over_its_month_with_the_marker_inside(timeline):
    _, events = timeline
    month = _by_date(events, "2020-01")
    fig = chart.build_figure([month])
    (line,) = _traces(fig, "lines")
    assert _days(line.x[:2]) == ["2020-01-01", "2020-01-31"] and np.isnan(line.x[2])  # a gap ends it
    (marker,) = _marker_traces(fig)
    assert "2020-01-01" < _days(marker.x)[0] < "2020-01-31"
    assert marker.marker.symbol == chart.PRECISION_SYMBOLS["month"]
    assert "· month" in marker.hovertemplate


def test_the_axis_ends_weeks_not_years_beyond_the_events(timeline):
    _, events = timeline
    axis = chart.build_figure(events).layout.xaxis.autorangeoptions
    first, last = _days([axis.clipmin, axis.clipmax])
    assert "2019-11-01" < first < "2020-01-01" and "2024-12-31" < last < "2025-03-01"


def test_a_day_event_has_no_span(timeline):
    _, events = timeline
    fig = chart.build_figure([_by_date(events, "2024-01-24")])
    assert not _traces(fig, "lines")
    assert _days(_marker_traces(fig)[0].x) == ["2024-01-24"]


def test_a_span_value_is_drawn_over_both_years(timeline):
    _, events = timeline
    fig = chart.build_figure([_by_date(events, "2021/2024")])
    (line,) = _traces(fig, "lines")
    assert _days(line.x[:2]) == ["2021-01-01", "2024-12-31"]


def test_undated_events_stay_off_the_date_axis(timeline):
    _, events = timeline
    undated = _by_date(events, "XXXX-01-03")
    fig = chart.build_figure(events)
    ids = _marker_ids(fig, events)
    assert undated.id not in ids
    assert sorted(ids) == sorted(e.id for e in events if e is not undated)


def test_colour_follows_tone(timeline):
    _, events = timeline
    fig = chart.build_figure(events)
    for trace in _marker_traces(fig):
        tones = {events[i].tone for i in trace.customdata}
        assert len(tones) == 1
        assert trace.marker.color == chart.TONE_COLOURS[tones.pop()]


def test_hover_shows_date_and_escaped_title(timeline):
    _, events = timeline
    event = _by_date(events, "2024-01-24")
    event.title = "Talks <img src=x onerror=alert(1)>"
    fig = chart.build_figure([event])
    (trace,) = _marker_traces(fig)
    assert "%{text}" in trace.hovertemplate and "%{hovertext}" in trace.hovertemplate
    assert list(trace.text) == ["2024-01-24"]
    assert trace.hovertext[0] == "Talks &lt;img src=x onerror=alert(1)&gt;<br>2 sources"  # merged
    assert [label.strip() for label in _labels(fig)] == ["Talks &lt;img src=x onerror=alert(1)&gt;"]


def test_lanes_follow_the_toggle(timeline):
    _, events = timeline
    by_group = chart.build_figure(events, "group").layout.yaxis.ticktext
    by_category = chart.build_figure(events, "category").layout.yaxis.ticktext
    by_actors = chart.build_figure(events, "actors").layout.yaxis.ticktext
    assert set(by_group) == {"Diplomacy", "Military", "Pressure &amp; protest"}
    assert set(by_category) == {"Negotiate", "Demand", "Consult", "Reduce military", "Withdraw"}
    assert "Iraq – United States" in by_actors


def test_margins_are_fixed_and_hold_the_longest_lane_name_and_the_range_slider(timeline):
    _, events = timeline
    group, actors = (chart.build_figure(events, mode).layout for mode in ("group", "actors"))
    assert group.margin.autoexpand is False  # else Plotly draws every point twice
    assert actors.margin.l > group.margin.l  # "Iraq – United States" is longer than "Pressure & protest"
    for layout in (group, actors):
        assert layout.margin.l >= 6.5 * max(len(html.unescape(name)) for name in layout.yaxis.ticktext)
        slider = layout.xaxis2.rangeslider.thickness * (layout.height - layout.margin.t - layout.margin.b)
        assert layout.margin.b >= slider + 40  # two lines of date ticks above the slider


def test_temperature_is_the_monthly_mean_with_counts(timeline):
    _, events = timeline
    day, month = _by_date(events, "2024-01-24"), _by_date(events, "2020-01")
    assert chart.monthly_temperature([day, month]) == [
        (date(2020, 1, 1), -4.0, 1),
        (date(2024, 1, 1), 3.5, 1),
    ]
    (bars,) = [t for t in chart.build_figure([day, month]).data if t.type == "bar"]
    assert [c[0] for c in bars.customdata] == ["month:2020-01", "month:2024-01"]


def test_many_events_switch_to_webgl_and_few_labels():
    _, events = generated_timeline(chart.WEBGL_FROM + 300)  # a twentieth have no year
    fig = chart.build_figure(events)
    assert {t.type for t in _marker_traces(fig)} == {"scattergl"}
    assert 0 < len(_labels(fig)) <= chart.LABELS


def test_no_dated_event_gives_an_empty_figure_with_a_note(timeline):
    _, events = timeline
    fig = chart.build_figure([])
    assert not fig.data and "No dated event" in fig.layout.annotations[0].text


# --- filters, panel, URL ---


def test_date_range_keeps_periods_that_overlap_it_and_undated_events(timeline):
    _, events = timeline
    shown = apply(events, Filters(date_from=date(2020, 1, 15), date_to=date(2020, 2, 1)))
    assert {e.date for e in shown} == {"2020-01", "XXXX-01-03"}


def test_text_search_reads_passages_case_insensitively(timeline):
    _, events = timeline
    assert [e.date for e in apply(events, Filters(text="ĐÀM PHÁN"))] == ["2024-01-24"]
    assert [e.date for e in apply(events, Filters(text="parliament voted"))] == ["2020-01"]


def test_language_and_outlet_filters_use_every_source(timeline):
    _, events = timeline
    assert [e.date for e in apply(events, Filters(languages=("vi",)))] == ["2024-01-24"]
    assert len(apply(events, Filters(outlets=("Example News",)))) == len(events)


def test_passage_is_escaped_with_the_time_expression_marked(timeline):
    _, events = timeline
    source = _by_date(events, "2024-01-24").sources[0]
    shown = passage_html(source)
    assert "<script" not in shown and "<script>alert" in html.unescape(shown)  # shown as text
    assert "<mark>24 January 2024</mark>" in shown


def test_context_is_the_sentence_before_and_after(timeline):
    documents, events = timeline
    source = _by_date(events, "2023-Q3").sources[0]
    before, after = context(documents[0], source)
    assert before.startswith("In January 2020") and after.startswith("From 2021 to 2024")


def test_url_round_trip_keeps_the_view_and_drops_unknown_values(timeline):
    _, events = timeline
    opts = options(events)
    view = state.View(
        Filters(date_from=date(2021, 1, 1), categories=("withdraw",), text="troops"), "actors", "x"
    )
    params = state.to_query(view, opts)
    as_lists = {k: v if isinstance(v, list) else [v] for k, v in params.items()}
    assert state.from_query(as_lists, opts) == view
    assert state.from_query({"category": ["nope"], "lanes": ["bad"]}, opts) == state.View(Filters())


# --- the app ---


@pytest.fixture
def app(tmp_path, monkeypatch, timeline):
    save(tmp_path, *timeline)
    monkeypatch.setenv("TIMELINE_DATA", str(tmp_path))
    return AppTest.from_file(APP, default_timeout=60)


def _table(at, key):
    return next(d for d in at.dataframe if d.key == key).value


def test_app_renders_the_timeline_and_the_undated_strip(app):
    app.run()
    assert not app.exception
    assert len(app.get("plotly_chart")) == 1
    assert len(_table(app, "events_table")) == 6
    assert list(_table(app, "undated_table")["date"]) == ["XXXX-01-03"]


def test_a_long_table_shows_its_first_rows_and_says_so(tmp_path, monkeypatch):
    save(tmp_path, *generated_timeline(dashboard_app.TABLE_ROWS + 60))
    monkeypatch.setenv("TIMELINE_DATA", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=60).run()
    table = _table(at, "events_table")
    assert len(table) == dashboard_app.TABLE_ROWS
    assert any(f"first {dashboard_app.TABLE_ROWS} of" in c.value for c in at.caption)


def test_filters_change_the_table(app):
    app.run()
    app.multiselect(key="f_categories").set_value(["withdraw", "reduce-military", "demand"]).run()
    assert sorted(_table(app, "events_table")["date"]) == [
        "2020-01 · month",
        "2021 · year",
        "2021/2024 · span",
    ]
    app.text_input(key="f_text").set_value("combat").run()
    assert list(_table(app, "events_table")["title"]) == ["Combat mission ends"]
    assert app.query_params["q"] == "combat"


def test_selected_event_shows_its_passages_escaped(app, timeline):
    app.run()
    event = _by_date(timeline[1], "2024-01-24")
    app.session_state["selected"] = event.id
    app.run()
    shown = "\n".join(m.value for m in app.markdown)
    assert "<mark>24 January 2024</mark>" in shown and "<mark>24&#47;1&#47;2024</mark>" in shown  # both
    assert "<script" not in shown and "<script>alert" in html.unescape(shown)
    assert "<b>talks" not in shown and "US and Iraq <b>talks</b>" in html.unescape(shown)
    assert app.query_params["event"] == event.id


def test_a_copied_link_reopens_the_view(app, timeline):
    event = _by_date(timeline[1], "2020-01")
    app.query_params.update({"category": "demand", "lanes": "actors", "event": event.id})
    app.run()
    assert not app.exception
    assert list(_table(app, "events_table")["title"]) == [event.title]
    assert app.radio(key="lanes").value == "actors"
    assert any("<mark>January 2020</mark>" in m.value for m in app.markdown)


def test_labels_of_one_lane_do_not_overlap(timeline):
    _, events = timeline
    first = _by_date(events, "2024-01-24")
    events = [first]
    for day in (26, 28, 30):  # same lane, same row, each label about two days wide on this axis
        twin = copy.deepcopy(first)
        twin.id = twin.start = twin.end = twin.date = f"2024-01-{day}"
        events.append(twin)
    assert (
        len(_labels(chart.build_figure(events))) == 2
    )  # the 24th's and the 28th's; the 26th's and 30th's would run into them


def test_the_cloud_entry_point_runs_the_same_app(tmp_path, monkeypatch, timeline):
    save(tmp_path, *timeline)
    monkeypatch.setenv("TIMELINE_DATA", str(tmp_path / "events.json"))
    at = AppTest.from_file(str(Path(APP).parent.parent / "streamlit_app.py"), default_timeout=60).run()
    assert not at.exception
    assert len(_table(at, "events_table")) == len(timeline[1])


def test_events_shown_are_sorted_by_date_with_undated_last(timeline):
    _, events = timeline
    assert [e.date for e in apply(reversed(events), Filters())] == [
        "2020-01",
        "2021",
        "2021/2024",
        "2023-Q3",
        "2024-01-24",
        "XXXX-01-03",
    ]


def test_a_passage_cannot_end_its_html_block_or_start_a_formula(timeline):
    _, events = timeline
    source = dataclasses.replace(
        events[0].sources[0], passage="On Monday\n\n[x](javascript:alert(1)) cost $5", passage_start=0
    )
    source = dataclasses.replace(source, timex_start=3, timex_end=9)
    shown = passage_html(source)
    assert shown.startswith("On <mark>Monday</mark><br><br>&#91;x&#93;")
    assert "\n" not in shown and "$" not in shown and "[" not in shown
    assert html.unescape(shown) == "On <mark>Monday</mark><br><br>[x](javascript:alert(1)) cost $5"


def test_loading_a_timeline_leaves_the_collector_and_thread_turns_as_they_were(tmp_path, timeline):
    save(tmp_path, *timeline)
    turn = sys.getswitchinterval()
    dashboard_app._load.clear()
    loaded = dashboard_app._load(str(tmp_path / "events.json"), 0.0)
    assert [e.id for e in loaded.events] == [e.id for e in timeline[1]]
    assert gc.isenabled() and sys.getswitchinterval() == turn
