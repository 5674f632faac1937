"""The timeline figure: events on a date axis in lanes, with the relationship's temperature under it.

A period (month, quarter, year, span ...) is drawn as a translucent bar over the days it covers
with its marker in the middle, never as a fake day. Events whose year is unknown have no place
on a date axis and are left out of the figure (the app lists them apart).
"""

from __future__ import annotations

import html
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from statistics import fmean

import numpy as np
import plotly.graph_objects as go

from extract.model import Event

TONE_COLOURS = {"cooperation": "#2e7d32", "conflict": "#c62828", "neutral": "#6d6d6d"}
PRECISION_SYMBOLS = {
    "day": "circle",
    "week": "hexagon",
    "month": "square",
    "quarter": "diamond",
    "half": "diamond-wide",
    "season": "pentagon",
    "year": "triangle-up",
    "decade": "star",
    "century": "star-square",
    "span": "hourglass",
}
LANE_MODES = {"group": "Category group", "category": "Category", "actors": "Actor pair"}
DEFAULT_LANES = "group"
WEBGL_FROM = 2000  # SVG draws one element per point; past this many, WebGL stays fluid
LABELS = 10  # only the most important events get a label; the rest are on hover
_ROWS_PER_LANE = 5
_ROW_STEP = 0.16
_SPAN_WIDTH = 9
_EVENT_HOVER = "<b>%{customdata[1]}</b><br>%{customdata[2]}<br>%{customdata[3]} source(s)<extra></extra>"


def tone_colour(tone: str) -> str:
    return TONE_COLOURS.get(tone, TONE_COLOURS["neutral"])


@cache
def category_groups() -> dict[str, str]:
    """Category -> the group whose lane it goes in (``lanes.toml``)."""
    groups = tomllib.loads((Path(__file__).with_name("lanes.toml")).read_text(encoding="utf-8"))["groups"]
    return {category: group for group, members in groups.items() for category in members}


def lane_of(event: Event, mode: str) -> str:
    if mode == "actors":
        return " – ".join(sorted(event.actors[:2])) or "no actor named"
    name = event.category.replace("-", " ").capitalize() or "Other"
    return category_groups().get(event.category, name) if mode == "group" else name


def date_label(event: Event) -> str:
    """The date as the source gives it, with its precision when it is not a day."""
    text = event.date if not event.mod else f"{event.date} ({event.mod.lower()})"
    return text if event.precision == "day" else f"{text} · {event.precision}"


def is_dated(event: Event) -> bool:
    return event.start is not None and event.end is not None


def _middle(start: date, end: date) -> date:
    """Where a period's marker goes: its middle day."""
    return date.fromordinal((start.toordinal() + end.toordinal()) // 2)


@dataclass(frozen=True)
class _Placed:
    event: Event
    start: date
    end: date
    mid: date
    lane: int
    y: float


def _place(events: list[Event], lane_mode: str) -> tuple[list[_Placed], list[str]]:
    """Lanes (busiest first) and, inside each, rows so that close events do not cover each other."""
    by_lane: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        by_lane[lane_of(event, lane_mode)].append(event)
    lanes = sorted(by_lane, key=lambda lane: (-len(by_lane[lane]), lane))
    days = [date.fromisoformat(d) for e in events for d in (e.start, e.end)]
    gap = max(1, (max(days) - min(days)).days // 90)
    placed = []
    for index, lane in enumerate(lanes):
        row_free_from: list[int] = []  # per row, the first day ordinal not yet taken
        for event in sorted(by_lane[lane], key=lambda e: (e.start, e.end, e.id)):
            start, end = date.fromisoformat(event.start), date.fromisoformat(event.end)
            row = next((r for r, free in enumerate(row_free_from) if start.toordinal() >= free), None)
            if row is None and len(row_free_from) < _ROWS_PER_LANE:
                row_free_from.append(0)
                row = len(row_free_from) - 1
            elif row is None:  # lane full: share the row that frees first
                row = min(range(len(row_free_from)), key=row_free_from.__getitem__)
            row_free_from[row] = end.toordinal() + gap
            placed.append(_Placed(event, start, end, _middle(start, end), index, index + row * _ROW_STEP))
    return placed, lanes


def _importance(event: Event) -> tuple:
    return (event.relevance, len(event.sources), abs(event.goldstein), event.id)


def _text(value: str) -> str:
    """Plotly reads a few tags in its text (not quote entities): escape the tags, keep the quotes."""
    return html.escape(value, quote=False)


def _short(title: str, size: int = 34) -> str:
    return title if len(title) <= size else title[: size - 1].rstrip() + "…"


def _label_position(item: _Placed, first_day: date, plot_days: int) -> str:
    """Labels near either end of the axis grow inwards so they are not cut off."""
    where = (item.mid - first_day).days / plot_days
    return "top right" if where < 0.2 else "top left" if where > 0.8 else "top center"


def _label_text(item: _Placed, first_day: date, plot_days: int) -> str:
    """The label, padded on the marker's side: a text-only trace does not know the marker's size."""
    pad = "\u00a0\u00a0"
    position = _label_position(item, first_day, plot_days)
    label = _text(_short(item.event.title))
    return pad + label if position == "top right" else label + pad if position == "top left" else label


def _label_extent(item: _Placed, first_day: date, plot_days: int) -> tuple[float, float]:
    """The days a label covers, for a plot about 750 px wide and 6.5 px per character."""
    width = len(_short(item.event.title)) * 6.5 / 750 * plot_days
    mid = (item.mid - first_day).days
    position = _label_position(item, first_day, plot_days)
    if position == "top right":
        return mid, mid + width
    if position == "top left":
        return mid - width, mid
    return mid - width / 2, mid + width / 2


def _labelled(placed: list[_Placed], first_day: date, plot_days: int) -> set[str]:
    """The ids of the most important events whose labels do not run into one another."""
    taken: list[tuple[int, float, float]] = []  # lane, first and last day of each label kept
    ids: list[str] = []
    top_rows = [p for p in placed if p.y == p.lane]  # a label above a lower row would cover the rows above
    for item in sorted(top_rows, key=lambda p: _importance(p.event), reverse=True):
        if len(taken) == LABELS:
            break
        start, end = _label_extent(item, first_day, plot_days)
        if all(lane != item.lane or end < first or start > last for lane, first, last in taken):
            taken.append((item.lane, start, end))
            ids.append(item.event.id)
    return set(ids)


def monthly_temperature(events: list[Event]) -> list[tuple[date, float, int]]:
    """Per month (of each event's middle day): the mean Goldstein-like score and the event count."""
    scores: dict[date, list[float]] = defaultdict(list)
    for event in events:
        if is_dated(event):
            mid = _middle(date.fromisoformat(event.start), date.fromisoformat(event.end))
            scores[mid.replace(day=1)].append(event.goldstein)
    return [(month, fmean(values), len(values)) for month, values in sorted(scores.items())]


def _rows_layout(height: int) -> dict:
    """Two rows sharing one time axis: the timeline on top, the temperature under it."""
    return dict(
        height=height,
        xaxis=dict(anchor="y", matches="x2", showticklabels=False, type="date"),
        yaxis=dict(anchor="x", domain=[0.25, 1.0]),
        xaxis2=dict(anchor="y2", type="date"),
        yaxis2=dict(anchor="x2", domain=[0.0, 0.2]),
    )


def _array(values: list) -> np.ndarray:
    """Object arrays: Plotly takes them without checking each element (lists cost ~1 s at 10,000 events)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _event_traces(placed: list[_Placed], kind: str) -> list[dict]:
    first_day = min(p.start for p in placed)
    plot_days = (max(p.end for p in placed) - first_day).days or 1
    labelled = _labelled(placed, first_day, plot_days)
    first_tone = min(p.event.tone for p in placed)
    traces = []
    for tone in sorted({p.event.tone for p in placed}):
        items = [p for p in placed if p.event.tone == tone]
        periods = [p for p in items if p.start != p.end]
        if periods:  # one trace of gap-separated segments is far cheaper than a shape per period
            traces.append(
                dict(
                    type=kind,
                    x=_array([d for p in periods for d in (p.start.isoformat(), p.end.isoformat(), None)]),
                    y=_array([y for p in periods for y in (p.y, p.y, None)]),
                    mode="lines",
                    line=dict(color=tone_colour(tone), width=_SPAN_WIDTH),
                    opacity=0.3,
                    hoverinfo="skip",
                    showlegend=False,
                    legendgroup=tone,
                )
            )
        customdata = np.empty((len(items), 4), dtype=object)
        customdata[:] = [
            [p.event.id, _text(date_label(p.event)), _text(p.event.title), len(p.event.sources)]
            for p in items
        ]
        traces.append(
            dict(
                type=kind,
                x=_array([p.mid.isoformat() for p in items]),
                y=np.array([p.y for p in items]),
                mode="markers",
                name=tone.capitalize(),
                legendgroup=tone,
                legendgrouptitle=dict(text="Tone" if tone == first_tone else ""),
                marker=dict(
                    color=tone_colour(tone),
                    symbol=_array([PRECISION_SYMBOLS.get(p.event.precision, "circle") for p in items]),
                    size=11,
                    line=dict(color="white", width=1),
                ),
                customdata=customdata,
                hovertemplate=_EVENT_HOVER,
            )
        )
    labels = [p for p in placed if p.event.id in labelled]
    traces.append(  # few labels in SVG: WebGL text for every point would slow drawing down
        dict(
            type="scatter",
            x=[p.mid.isoformat() for p in labels],
            y=[p.y for p in labels],
            mode="text",
            text=[_label_text(p, first_day, plot_days) for p in labels],
            textposition=[_label_position(p, first_day, plot_days) for p in labels],
            textfont=dict(size=11, color="#333"),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for precision in [p for p in PRECISION_SYMBOLS if any(e.event.precision == p for e in placed)]:
        traces.append(  # legend entries only: which marker shape means which precision
            dict(
                type="scatter",
                x=[None],
                y=[None],
                mode="markers",
                name=precision,
                legendgroup="precision",
                legendgrouptitle=dict(text="Date precision"),
                marker=dict(symbol=PRECISION_SYMBOLS[precision], color="#9e9e9e", size=10),
            )
        )
    return traces


def _temperature_trace(events: list[Event]) -> dict:
    months = monthly_temperature(events)
    return dict(
        type="bar",
        x=[m.isoformat() for m, _, _ in months],
        y=[score for _, score, _ in months],
        xaxis="x2",
        yaxis="y2",
        xperiod="M1",
        xperiodalignment="middle",
        marker=dict(
            color=[
                tone_colour("cooperation" if s > 0 else "conflict" if s < 0 else "neutral")
                for _, s, _ in months
            ]
        ),
        customdata=[[f"month:{m:%Y-%m}", count] for m, _, count in months],
        hovertemplate="%{x|%b %Y}<br>mean Goldstein %{y:.1f}<br>%{customdata[1]} event(s)<extra></extra>",
        showlegend=False,
    )


_QUICK_RANGES = [
    dict(count=1, label="1 month", step="month", stepmode="backward"),
    dict(count=1, label="1 year", step="year", stepmode="backward"),
    dict(count=5, label="5 years", step="year", stepmode="backward"),
    dict(label="all", step="all"),
]


def build_figure(events: list[Event], lane_mode: str = DEFAULT_LANES) -> go.Figure:
    """Timeline (row 1) and monthly temperature (row 2) sharing the time axis.

    Every event marker carries ``customdata[0] = event id``; temperature bars carry
    ``customdata[0] = "month:YYYY-MM"`` so a click on either can be told apart.
    """
    dated = [e for e in events if is_dated(e)]
    if not dated:
        fig = go.Figure(layout=dict(height=260, margin=dict(l=10, r=10, t=10, b=10)))
        fig.add_annotation(text="No dated event matches the filters", showarrow=False, x=0.5, y=0.5)
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return fig
    placed, lanes = _place(dated, lane_mode)
    kind = "scattergl" if len(placed) >= WEBGL_FROM else "scatter"
    layout = _rows_layout(height=max(420, 70 * len(lanes) + 300))
    layout["yaxis"].update(
        tickvals=list(range(len(lanes))),
        ticktext=[_text(_short(lane, 24)) for lane in lanes],
        range=[max(p.y for p in placed) + 0.5, -0.6],  # first lane on top
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    layout["yaxis2"].update(
        title=dict(text="Temperature", font=dict(size=11)), zeroline=True, fixedrange=True
    )
    layout["xaxis"]["rangeselector"] = dict(buttons=_QUICK_RANGES, y=1.02, x=0, yanchor="bottom")
    layout["xaxis2"]["rangeslider"] = dict(visible=True, thickness=0.06)
    layout.update(
        margin=dict(l=10, r=10, t=36, b=10),
        legend=dict(yanchor="top", y=1, xanchor="left", x=1.01, groupclick="toggleitem", tracegroupgap=12),
        hovermode="closest",
        clickmode="event+select",
        dragmode="pan",
        plot_bgcolor="white",
        bargap=0.1,
    )
    traces = [*_event_traces(placed, kind), _temperature_trace(dated)]
    # Built from plain data this module controls; Plotly's per-element validation would cost ~1 s here.
    return go.Figure(data=traces, layout=layout, _validate=False)
