"""Timelines too large to hold in memory (10^5–10^6 events): read from an index, drawn as counts
when zoomed out and as events when zoomed in.

A data file of ``LARGE_FROM_MB`` or more is indexed once (``extract/event_index.py``, a file beside
it, rebuilt when the data file or the lanes change) and the page never parses it again: a filter
is a few vector operations over the index's columns, and only the events drawn or listed are read.
While more than ``POINTS_UP_TO`` events are in view the chart shows, per period and lane, a circle
sized by how many there are and coloured by their mean tone, with the period (day, week, month,
quarter, year) chosen from the visible range; zoomed in or filtered to fewer, the events
themselves (``chart.build_figure``). The text filter matches whole words (accents folded, an
actor's aliases too), as the workspace's search does, not parts of longer words.

Build an index ahead of the first visit: ``python -m dashboard.overview data/events.json``.
"""

from __future__ import annotations

import hashlib
import html
import os
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from dashboard import chart, filters
from dashboard.filters import Filters, Options
from dashboard.note import note_figure
from dashboard.safe_text import one_line
from extract.event_index import EventIndex, build_from_json
from extract.model import SHOWN_BY_DEFAULT, Document, Event

LARGE_FROM_MB = float(os.environ.get("TIMELINE_INDEX_FROM_MB", "24"))  # ~25,000 generated events
POINTS_UP_TO = 4000  # events in view drawn one by one; past this, counts per period and lane
MAX_PERIODS = 90  # periods across the visible range: the shortest period that keeps to this many
PERIODS = {"day": 1, "week": 7, "month": 30.44, "quarter": 91.31, "year": 365.25}  # days, about
DAYS_PREFIX = "days:"  # customdata of a circle or bar: "days:FIRST/LAST", the period it counts
KEYS = {
    "tone": lambda e: e.tone,
    "category": lambda e: e.category,
    **{f"lane:{mode}": (lambda e, mode=mode: chart.lane_of(e, mode)) for mode in chart.LANE_MODES},
}
SETS = {"actors": lambda e: e.actors, "languages": filters.languages, "outlets": filters.outlets}
_EPOCH = date(1970, 1, 1).toordinal()
_TONE_SCALE = [
    [0.0, chart.TONE_COLOURS["conflict"]],
    [0.5, "#bdbdbd"],
    [1.0, chart.TONE_COLOURS["cooperation"]],
]
_TONE_RANGE = 5.0  # mean Goldstein scores beyond ±this are drawn at the scale's ends
_CIRCLE_PX = 26  # the largest circle's diameter


def is_large(events_json: Path) -> bool:
    try:
        return events_json.stat().st_size >= LARGE_FROM_MB * 2**20
    except OSError:
        return False  # the page explains a missing file on its usual path


def index_path(events_json: Path) -> Path:
    """Beside the data file; in the temporary folder when the data folder is read-only."""
    beside = events_json.with_name(f"{events_json.stem}.index.sqlite")
    if os.access(events_json.parent, os.W_OK):
        return beside
    name = hashlib.sha1(str(events_json.resolve()).encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"timeline-index-{name}.sqlite"


def stamp(events_json: Path) -> str:
    """The data file's state and the lanes' definition: an index made for another is stale."""
    stat = events_json.stat()
    lanes = hashlib.sha1(Path(chart.__file__).with_name("lanes.toml").read_bytes()).hexdigest()[:12]
    return f"{stat.st_size}:{stat.st_mtime_ns}:{lanes}"


def ensure_index(events_json: Path) -> Path:
    """The index of ``events_json``, built first when missing or stale (minutes at 10^6 events)."""
    target, wanted = index_path(events_json), stamp(events_json)
    if not EventIndex.is_fresh(target, wanted):
        build_from_json(target, events_json, KEYS, SETS, wanted)
    return target


class _Lookup(Mapping):
    """``by_id`` or ``by_file`` read from the index one key at a time (never listed whole)."""

    def __init__(self, get, count: int) -> None:
        self._get, self._count = get, count

    def __getitem__(self, key: str):
        found = self._get(key) if isinstance(key, str) else None
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        raise TypeError("an index lookup is not listed whole")

    def __len__(self) -> int:
        return self._count


@dataclass(frozen=True)
class LargeTimeline:
    """What the page needs of an indexed timeline: the options of the filters, and each event or
    document by its key, read when asked."""

    key: str
    index: EventIndex
    options: Options
    by_id: Mapping[str, Event]
    by_file: Mapping[str, Document]
    middle: np.ndarray  # each event's middle day (ordinal), where its marker goes


def _options(index: EventIndex) -> Options:
    first = int(index.start_day[index.dated].min()) if index.dated.any() else 0
    last = int(index.end_day[index.dated].max()) if index.dated.any() else 0
    return Options(
        first=date.fromordinal(first) if first else None,
        last=date.fromordinal(last) if last else None,
        actors=sorted(index.sets["actors"].values),
        categories=sorted(index.keys["category"].values),
        tones=sorted(index.keys["tone"].values),
        languages=sorted(index.sets["languages"].values),
        outlets=sorted(index.sets["outlets"].values),
    )


def open_timeline(events_json: Path) -> LargeTimeline:
    index = EventIndex(ensure_index(events_json))
    key = f"index:{index.path}@{index.meta['stamp']}"
    by_id, by_file = _Lookup(index.event, index.count), _Lookup(index.document, index.count)
    middle = (index.start_day.astype(np.int64) + index.end_day) // 2
    return LargeTimeline(key, index, _options(index), by_id, by_file, middle)


@st.cache_resource(show_spinner="Indexing the timeline (once; minutes for a million events)…", max_entries=2)
def _shared(path: str, file_stamp: str) -> LargeTimeline:
    return open_timeline(Path(path))


def large_timeline(events_json: Path) -> LargeTimeline | None:
    """The indexed timeline of ``events_json``, shared by sessions; None for a file small enough
    to be read whole (or missing: the page says so as it does for any timeline)."""
    if not is_large(events_json):
        return None
    return _shared(str(events_json), stamp(events_json))


# --- filters ---------------------------------------------------------------------------------------


def shown_mask(index: EventIndex, f: Filters) -> tuple[np.ndarray, int]:
    """Which events the filters show, and how many context events the switch hides: the same as
    ``filters.split_context`` on the events themselves."""
    passed = index.relevance >= np.float32(f.min_relevance)
    if f.date_from or f.date_to:
        first = f.date_from.toordinal() if f.date_from else 0
        last = f.date_to.toordinal() if f.date_to else date.max.toordinal()
        passed &= ~index.dated | ((index.end_day >= first) & (index.start_day <= last))
    if f.categories:
        passed &= index.keys["category"].of(f.categories)
    if f.tones:
        passed &= index.keys["tone"].of(f.tones)
    for name, wanted in (("actors", f.actors), ("languages", f.languages), ("outlets", f.outlets)):
        if wanted:
            passed &= index.sets[name].of(wanted)
    if f.text.strip():
        passed &= index.matching(f.text)
    shown = passed if f.context else passed & (index.relevance >= np.float32(SHOWN_BY_DEFAULT))
    return shown, int(passed.sum() - shown.sum())


@st.cache_resource(show_spinner=False, max_entries=16)  # a million booleans (1 MB) each
def _shown(key: str, f: Filters, _index: EventIndex) -> tuple[np.ndarray, int]:
    return shown_mask(_index, f)


def shown(timeline: LargeTimeline, f: Filters) -> tuple[np.ndarray, int]:
    """``shown_mask``, shared by sessions (never modified)."""
    return _shown(timeline.key, f, timeline.index)


def first_events(timeline: LargeTimeline, mask: np.ndarray, limit: int) -> list[Event]:
    """The first ``limit`` events of ``mask`` by date (an index's order is the order by date)."""
    return timeline.index.events(np.flatnonzero(mask)[:limit])


def undated(timeline: LargeTimeline) -> np.ndarray:
    return ~timeline.index.dated


# --- periods ---------------------------------------------------------------------------------------


def period_for(first_day: int, last_day: int) -> str:
    """The shortest period that cuts the days from ``first_day`` to ``last_day`` in at most
    ``MAX_PERIODS`` parts."""
    span = max(1, last_day - first_day + 1)
    return next((name for name, days in PERIODS.items() if span / days <= MAX_PERIODS), "year")


def period_codes(days: np.ndarray, period: str) -> np.ndarray:
    """Each day ordinal's period, as a number that grows with time."""
    if period == "day":
        return days.astype(np.int64)
    if period == "week":
        return (days.astype(np.int64) - 1) // 7  # ordinal 1 is a Monday: weeks start on Mondays
    if not len(days):
        return days.astype(np.int64)
    # Months since 1970 of each day in the range, looked up: thousands of days, not a million dates.
    lowest = int(days.min())
    span = np.arange(lowest, int(days.max()) + 1)
    table = (span - _EPOCH).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    months = table[days - lowest]
    return months if period == "month" else months // 3 if period == "quarter" else months // 12


def period_days(code: int, period: str) -> tuple[date, date]:
    """The first and last day of period ``code``."""
    if period == "day":
        return date.fromordinal(code), date.fromordinal(code)
    if period == "week":
        first = date.fromordinal(code * 7 + 1)
        return first, first + timedelta(days=6)
    months = {"month": 1, "quarter": 3, "year": 12}[period]
    start = code * months
    first = date(1970 + start // 12, start % 12 + 1, 1)
    end = start + months
    return first, date(1970 + end // 12, end % 12 + 1, 1) - timedelta(days=1)


def days_of(custom: str) -> tuple[date, date] | None:
    """The period a ``days:FIRST/LAST`` customdata names."""
    try:
        first, last = custom.removeprefix(DAYS_PREFIX).split("/")
        return date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        return None


# --- the chart -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Drawn:
    """The figure for a view, and the events drawn in it one by one (none when counted)."""

    figure: go.Figure
    events: list[Event]
    in_view: int  # events of the visible range
    period: str | None  # the period of the counts, None when events are drawn


def _ordinal(iso: str) -> int:
    return date.fromisoformat(iso[:10]).toordinal()


def draw(
    timeline: LargeTimeline,
    shown: np.ndarray,
    lane_mode: str,
    zoom: tuple[str, str] | None,
    *,
    selected: str | None = None,
    viewport: int | None = None,
    hidden: tuple[str, ...] = (),
    revision: str = "",
) -> Drawn:
    """The chart of the events ``shown`` (a mask) in the range ``zoom`` (ISO days; None: all)."""
    index = timeline.index
    dated = shown & index.dated
    if not dated.any():
        return Drawn(note_figure("No dated event matches the filters"), [], 0, None)
    # An event is in view when its marker is: a period's middle day (a year's events, tens of
    # thousands at 10^6, would otherwise be in the view of every day of their year).
    middle = timeline.middle
    if zoom:
        first, last = _ordinal(zoom[0]), _ordinal(zoom[1])
    else:
        first, last = int(middle[dated].min()), int(middle[dated].max())
    visible = dated & (middle >= first) & (middle <= last)
    in_view = int(visible.sum())
    ords = np.flatnonzero(visible)
    if zoom:  # a quarter of a view more on either side, so that a small pan still shows events
        pad = (last - first) // 4
        around = np.flatnonzero(dated & (middle >= first - pad) & (middle <= last + pad))
        ords = around if len(around) <= 1.5 * POINTS_UP_TO else ords
    # Nothing near: still a chart of this range (a note in its place would lose the zoom).
    if in_view > POINTS_UP_TO or not len(ords):
        period = period_for(first, last)
        figure = _counts_figure(timeline, dated, lane_mode, period, first, last, zoom, viewport, revision)
        return Drawn(figure, [], in_view, period)
    events = index.events(ords)
    figure = chart.build_figure(
        events,
        lane_mode,
        selected=selected,
        viewport=viewport,
        x_range=zoom,
        hidden=hidden,
        revision=revision,
    )
    return Drawn(figure, events, in_view, None)


@st.cache_resource(show_spinner=False, max_entries=16)
def _drawn(
    key: str, f: Filters, lane_mode: str, zoom: tuple | None, look: tuple, _timeline: LargeTimeline
) -> Drawn:
    selected, viewport, hidden, revision = look
    mask, _ = shown(_timeline, f)
    return draw(
        _timeline,
        mask,
        lane_mode,
        zoom,
        selected=selected,
        viewport=viewport,
        hidden=hidden,
        revision=revision,
    )


def drawn(timeline: LargeTimeline, f: Filters, lane_mode: str, zoom: tuple | None, look: tuple) -> Drawn:
    """``draw`` of the events the filters show, shared by sessions (never modified); ``look`` is
    (selected id, viewport width, hidden tones, revision), the keywords of ``draw``."""
    return _drawn(timeline.key, f, lane_mode, zoom, look, timeline)


def _counts_figure(
    timeline: LargeTimeline,
    dated: np.ndarray,
    lane_mode: str,
    period: str,
    first: int,
    last: int,
    zoom: tuple[str, str] | None,
    viewport: int | None,
    revision: str,
) -> go.Figure:
    index = timeline.index
    lanes_of = index.keys[f"lane:{lane_mode}"]
    # Lanes in the order of the whole view (busiest first), so that they stay put while zooming.
    per_lane = np.bincount(lanes_of.codes[dated], minlength=len(lanes_of.values))
    order = sorted(np.flatnonzero(per_lane), key=lambda c: (-per_lane[c], lanes_of.values[c]))
    rank = np.full(len(lanes_of.values), -1, dtype=np.int64)
    rank[order] = np.arange(len(order))
    width = last - first
    middle = timeline.middle
    near = dated & (middle >= first - width) & (middle <= last + width)  # the view, and a view each side
    codes = period_codes(middle[near], period)
    lowest = int(codes.min()) if len(codes) else 0
    column = codes - lowest
    periods = int(column.max()) + 1 if len(codes) else 0
    cell = column * len(order) + rank[lanes_of.codes[near]]
    size = periods * len(order)
    scores = np.bincount(cell, weights=index.goldstein[near], minlength=size)
    tones = index.keys["tone"]
    # Per cell and tone in one pass; a cell's count is the sum of its tones'.
    by_tone = np.bincount(cell * len(tones.values) + tones.codes[near], minlength=size * len(tones.values))
    by_tone = by_tone.reshape(size, len(tones.values))
    counts = by_tone.sum(axis=1)
    filled = np.flatnonzero(counts)
    bounds = [period_days(lowest + int(c) // len(order), period) for c in filled]
    mids = [(a.toordinal() + b.toordinal()) // 2 for a, b in bounds]
    means = scores[filled] / counts[filled]
    names = [html.escape(one_line(lanes_of.values[code]), quote=False) for code in order]
    hover = [
        f"{_period_label(a, b, period)} · {names[int(c) % len(order)]}"
        f"<br>{counts[c]:,} events, mean tone {m:+.1f}<br>"
        + ", ".join(f"{tone} {n:,}" for tone, n in zip(tones.values, by_tone[c], strict=True) if n)
        for c, (a, b), m in zip(filled, bounds, means, strict=True)
    ]
    circles = dict(
        type="scatter",
        x=chart.epoch_ms(mids),
        y=(filled % len(order)).astype(np.float32),
        mode="markers",
        marker=dict(
            size=counts[filled],
            sizemode="area",
            sizeref=2.0 * max(1, counts.max(initial=0)) / _CIRCLE_PX**2,
            sizemin=3,
            color=means,
            colorscale=_TONE_SCALE,
            cmin=-_TONE_RANGE,
            cmax=_TONE_RANGE,
            colorbar=dict(
                title=dict(text="mean tone", side="right"), len=0.6, y=1, yanchor="top", thickness=12
            ),
            line=dict(color="white", width=0.5),
        ),
        customdata=[
            [f"{DAYS_PREFIX}{a}/{b}", int(counts[c])] for c, (a, b) in zip(filled, bounds, strict=True)
        ],
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False,
    )
    return _counts_layout(
        circles,
        _temperature(
            counts.reshape(periods, len(order)).sum(axis=1),
            scores.reshape(periods, len(order)).sum(axis=1),
            lowest,
            period,
        ),
        order,
        lanes_of.values,
        period,
        (first, last),
        zoom,
        viewport,
        revision,
    )


def _temperature(counts: np.ndarray, sums: np.ndarray, lowest: int, period: str) -> dict:
    """The mean tone per period (events and their scores summed per period from ``lowest``), under
    the circles, as the event chart's monthly temperature."""
    filled = np.flatnonzero(counts)
    bounds = [period_days(lowest + int(c), period) for c in filled]
    means = sums[filled] / counts[filled]
    return dict(
        type="bar",
        x=chart.epoch_ms([(a.toordinal() + b.toordinal()) // 2 for a, b in bounds]),
        y=means,
        width=[0.9 * ((b - a).days + 1) * 86_400_000 for a, b in bounds],
        xaxis="x2",
        yaxis="y2",
        marker=dict(
            color=[
                chart.tone_colour("cooperation" if m > 0 else "conflict" if m < 0 else "neutral")
                for m in means
            ]
        ),
        customdata=[
            [f"{DAYS_PREFIX}{a}/{b}", int(counts[c])] for c, (a, b) in zip(filled, bounds, strict=True)
        ],
        hovertemplate="%{x|%d %b %Y}<br>mean Goldstein %{y:.1f}<br>%{customdata[1]} event(s)<extra></extra>",
        showlegend=False,
    )


def _period_label(first: date, last: date, period: str) -> str:
    if period == "day":
        return f"{first:%d %b %Y}"
    if period == "week":
        return f"week of {first:%d %b %Y}"
    if period == "month":
        return f"{first:%b %Y}"
    if period == "quarter":
        return f"Q{(first.month - 1) // 3 + 1} {first.year}"
    return str(first.year)


def _counts_layout(
    circles: dict,
    temperature: dict,
    order: list[int],
    lane_names: list[str],
    period: str,
    extent: tuple[int, int],
    zoom: tuple[str, str] | None,
    viewport: int | None,
    revision: str,
) -> go.Figure:
    """``extent``: the first and last day of the view (of the data when not zoomed)."""
    first, last = extent
    compact = viewport is not None and viewport < chart.COMPACT_BELOW
    labels = [one_line(lane_names[c])[:24] for c in order]
    height = max(420, 50 * len(order) + 220)
    ticks = dict(tickvals=list(range(len(order))), ticktext=[html.escape(t, quote=False) for t in labels])
    # Autorange pads for the circles' size: by years on a long axis, where "1 month" (back from
    # the axis's end) would show none of the data. Two weeks of margin, circles cut at the ends.
    margin = 14
    clip = dict(
        clipmin=float(chart.epoch_ms([first - margin])[0]), clipmax=float(chart.epoch_ms([last + margin])[0])
    )
    x_axis = dict(type="date", range=list(zoom) if zoom else None, autorangeoptions=clip)
    layout = dict(
        height=height,
        xaxis=x_axis | dict(anchor="y", matches="x2", showticklabels=False, rangeselector=_QUICK_RANGES),
        yaxis=dict(
            anchor="x",
            domain=[0.22, 1.0],
            range=[len(order) - 0.5, -0.6],
            fixedrange=True,
            showgrid=False,
            zeroline=False,
            showticklabels=not compact,
            **ticks,
        ),
        xaxis2=x_axis | dict(anchor="y2"),
        yaxis2=dict(
            anchor="x2",
            domain=[0.0, 0.17],
            fixedrange=True,
            zeroline=True,
            title=dict(text="" if compact else "Temperature", font=dict(size=11)),
        ),
        margin=dict(
            l=8 if compact else max(70, 7 * max(map(len, labels), default=0) + 16),
            r=90,
            t=56,
            b=40,
            autoexpand=False,
        ),
        hovermode="closest",
        clickmode="event+select",
        dragmode="zoom",
        plot_bgcolor="white",
        uirevision=revision or "timeline",
        annotations=[
            dict(
                text=f"<b>Counts per {period} and lane</b> (circle: events; colour: mean tone) · "
                f"zoom in to under {POINTS_UP_TO:,} events to see each event",
                xref="paper",
                yref="paper",
                x=1,
                y=1,
                yshift=30,
                xanchor="right",
                yanchor="bottom",
                showarrow=False,
                font=dict(size=12, color="#37474f"),
            )
        ],
    )
    return go.Figure(data=[circles, temperature], layout=layout, _validate=False)


# The event chart's buttons (1 month, 1 year, 5 years, all): the same zoom steps in either figure.
_QUICK_RANGES = dict(buttons=chart._QUICK_RANGES, y=1, x=0, yanchor="bottom", font=dict(size=11))


def main() -> None:
    """``python -m dashboard.overview EVENTS_JSON``: build (or check) the index ahead of a visit."""
    for given in sys.argv[1:] or ["data/events.json"]:
        path = Path(given) / "events.json" if Path(given).is_dir() else Path(given)
        print(f"{path}: index {ensure_index(path)}")


if __name__ == "__main__":
    main()
