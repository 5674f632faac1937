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

from dashboard import chart, state
from dashboard import page as dashboard_page
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


def test_a_scheduled_event_is_an_outline_dated_as_scheduled_everywhere(timeline):
    _, events = timeline
    day = next(e for e in events if e.precision == "day")
    scheduled = dataclasses.replace(day, status="scheduled")
    fig = chart.build_figure([scheduled, *[e for e in events if e is not day]])
    (trace,) = [t for t in _marker_traces(fig) if 0 in t.customdata]  # the scheduled event, drawn first
    assert list(trace.marker.symbol) == ["circle-open" if i == 0 else "circle" for i in trace.customdata]
    assert any(f"{day.date} · scheduled" in text for text in trace.text)
    assert chart.date_label(scheduled) == f"{day.date} · scheduled" and chart.date_label(day) == day.date
    assert any(t.name == "scheduled (outline)" for t in fig.data)
    assert not any(t.name == "scheduled (outline)" for t in chart.build_figure(events).data)


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
    save(tmp_path, *generated_timeline(dashboard_page.TABLE_ROWS + 60))
    monkeypatch.setenv("TIMELINE_DATA", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=60).run()
    table = _table(at, "events_table")
    assert len(table) == dashboard_page.TABLE_ROWS
    assert any(f"first {dashboard_page.TABLE_ROWS} of" in c.value for c in at.caption)


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
    dashboard_page._load.clear()
    loaded = dashboard_page._load(str(tmp_path / "events.json"), 0.0)
    assert [e.id for e in loaded.events] == [e.id for e in timeline[1]]
    assert gc.isenabled() and sys.getswitchinterval() == turn


# --- context events, relevance, link notes, selection ---


@pytest.fixture
def with_context(tmp_path, monkeypatch, timeline):
    """The fixture timeline where two events are context events (relevance under SHOWN_BY_DEFAULT)."""
    documents, events = timeline
    for event in events:
        if event.date in ("2021", "XXXX-01-03"):
            event.relevance = 0.3
    _by_date(events, "2023-Q3").relevance = 0.85
    save(tmp_path, documents, events)
    monkeypatch.setenv("TIMELINE_DATA", str(tmp_path))
    return AppTest.from_file(APP, default_timeout=60)


def _captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def test_context_events_are_hidden_by_default_and_counted(with_context):
    with_context.run()
    assert not with_context.exception
    titles = list(_table(with_context, "events_table")["title"])
    assert "Combat mission ends" not in titles and len(titles) == 4
    assert "4 of 6 events shown · 2 context events hidden" in _captions(with_context)
    assert not any(d.key == "undated_table" for d in with_context.dataframe)  # its only event is context
    assert "context" not in with_context.query_params


def test_the_switch_shows_context_events_and_goes_in_the_url(with_context):
    with_context.run()
    with_context.toggle(key="f_context").set_value(True).run()
    assert len(_table(with_context, "events_table")) == 6
    assert "context events hidden" not in _captions(with_context)
    assert with_context.query_params["context"] == "1"


def test_a_link_with_the_switch_opens_with_context_events_shown(with_context, timeline):
    with_context.query_params["context"] = "1"
    with_context.run()
    assert with_context.toggle(key="f_context").value is True
    assert len(_table(with_context, "events_table")) == 6


def test_the_relevance_filter_applies_to_every_event(with_context):
    with_context.query_params.update({"context": "1", "rel": "0.8"})
    with_context.run()
    assert with_context.slider(key="f_relevance").value == 0.8
    assert len(_table(with_context, "events_table")) == 4
    with_context.slider(key="f_relevance").set_value(0.9).run()
    assert "Joint commission meets in Baghdad" not in list(_table(with_context, "events_table")["title"])
    assert with_context.query_params["rel"] == "0.9"


def test_context_events_are_drawn_fainter(timeline):
    _, events = timeline
    context = _by_date(events, "2021")
    context.relevance = 0.2
    fig = chart.build_figure(events)
    for trace in _marker_traces(fig):
        drawn = {events[i].id for i in trace.customdata}
        assert trace.opacity == (chart.CONTEXT_OPACITY if drawn == {context.id} else 1.0)
    assert any("context event (relevance 0.20)" in t for tr in _marker_traces(fig) for t in tr.hovertext)


def test_link_values_that_cannot_be_applied_are_said(app):
    app.query_params.update({"to": "2099-01-01", "actor": "Nobody", "lanes": "sideways", "event": "gone"})
    app.run()
    (warning,) = app.warning
    assert (
        "'to=2099-01-01' is outside the timeline (2020-01-01 to 2024-12-31): 2024-12-31 is used"
        in warning.value
    )
    assert "'actor=Nobody' is not in this timeline" in warning.value
    assert "'lanes=sideways' is not a lane mode" in warning.value
    assert "The event in this link is not in this timeline" in warning.value
    app.button(key="dismiss_notes").click().run()
    assert not app.warning


def test_a_zoom_and_hidden_tones_in_a_link_draw_the_figure_so_and_stay_in_the_url(app):
    app.query_params.update({"x0": "2021-01-01", "x1": "2022-06-30", "hide": "conflict"})
    app.run()
    assert not app.warning
    fig = app.get("plotly_chart")[0].proto.spec
    assert '"range":["2021-01-01","2022-06-30"]' in fig.replace(" ", "")
    assert app.query_params["x0"] == "2021-01-01" and app.query_params["hide"] == "conflict"


def test_a_selection_ticks_its_row_rings_its_point_and_the_panel_steps_through_the_events(app, timeline):
    app.run()
    shown = apply(timeline[1], Filters())
    second = shown[1]
    app.session_state["selected"] = second.id
    app.run()
    assert app.session_state["events_table"]["selection"]["rows"] == [1]
    spec = app.get("plotly_chart")[0].proto.spec.replace(" ", "")
    middle = date.fromordinal(
        (date.fromisoformat(second.start).toordinal() + date(2021, 12, 31).toordinal()) // 2
    )
    assert second.date == "2021" and '"name":"selected"' in spec and f'"xanchor":"{middle}"' in spec
    app.button(key="panel_next").click().run()
    assert app.query_params["event"] == shown[2].id
    assert app.session_state["events_table"]["selection"]["rows"] == [2]
    app.button(key="panel_previous").click().run()
    app.button(key="panel_previous").click().run()
    assert app.query_params["event"] == shown[0].id and app.button(key="panel_previous").disabled
    app.button(key="panel_close").click().run()
    assert "event" not in app.query_params
    assert app.session_state["events_table"]["selection"]["rows"] == []


def test_a_phone_gets_lane_names_inside_the_plot_and_the_legend_under_it(timeline):
    _, events = timeline
    phone = chart.build_figure(events, viewport=390).layout
    assert phone.yaxis.showticklabels is False and phone.margin.l < 20 and phone.margin.r < 20
    assert {a.text for a in phone.annotations} == {"Diplomacy", "Military", "Pressure &amp; protest"}
    assert phone.legend.orientation == "h"
    wide = chart.build_figure(events, viewport=1440).layout
    assert wide.yaxis.showticklabels is not False and wide.legend.orientation != "h"


def test_temperature_bars_are_as_wide_as_their_month_however_sparse(timeline):
    _, events = timeline
    for drawn in (events, [_by_date(events, "2024-01-24")]):  # months years apart, and a lone month
        (bars,) = [t for t in chart.build_figure(drawn).data if t.type == "bar"]
        days = [w / 86_400_000 for w in bars.width]
        assert all(0.8 * 28 <= d <= 31 for d in days)
    (bars,) = [t for t in chart.build_figure([_by_date(events, "2024-01-24")]).data if t.type == "bar"]
    assert bars.width[0] == pytest.approx(0.9 * 31 * 86_400_000)
