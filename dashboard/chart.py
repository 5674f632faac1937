"""The timeline figure: events on a date axis in lanes, with the relationship's temperature under it.

A period (month, quarter, year, span ...) is drawn as a translucent bar over the days it covers
with its marker in the middle, never as a fake day. Events whose year is unknown have no place
on a date axis and are left out of the figure (the app lists them apart).
"""

from __future__ import annotations

import html
import tomllib
from calendar import monthrange
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from statistics import fmean
from typing import NamedTuple

import numpy as np
import plotly.graph_objects as go

from dashboard.filters import is_context
from dashboard.note import note_figure
from dashboard.safe_text import one_line
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
_FIRST_LOOK = 20 * LABELS  # candidates for a label sorted first: most labels that would overlap are passed
_ROWS_PER_LANE = 5
_ROW_STEP = 0.16
_SPAN_WIDTH = 9
_RANGESLIDER = 0.06  # of the plot's height
_HOVER_CHARS = 90
_POINT_TEXTS = 1 << 16  # texts kept (~400 bytes each): 10,000 events and their edits many times over
CONTEXT_OPACITY = 0.35  # context events (relevance under the default threshold) are drawn fainter
COMPACT_BELOW = 700  # px of viewport: narrower screens get lane names inside the plot, legend below
_WIDE_PLOT_PX = 750  # the plot's width when the viewport is unknown (a desktop's sidebar beside it)
_EPOCH = date(1970, 1, 1).toordinal()
_DAY_MS = 86_400_000
_MONTH_FILL = 0.9  # of its month a temperature bar covers, leaving a gap between months


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
    return _category_lane(event.category, mode)


def _category_lane(category: str, mode: str) -> str:
    """The lane of a category (lanes by category or by group of categories)."""
    if mode == "group" and (group := category_groups().get(category)):
        return group
    return category.replace("-", " ").capitalize() or "Other"


def _lanes_of(events: list[Event], mode: str) -> list[str]:
    """Each event's lane; by category (or group), a lane worked out once per category."""
    if mode == "actors":
        return [lane_of(e, mode) for e in events]
    categories = [e.category for e in events]
    lane = {category: _category_lane(category, mode) for category in set(categories)}
    return [lane[category] for category in categories]


def _as_given(day: str, mod: str | None, status: str = "happened") -> str:
    given = day if not mod else f"{day} ({mod.lower()})"
    return given if status == "happened" else f"{given} · {status}"  # 'scheduled': told before the day came


def _precision_note(precision: str) -> str:
    return "" if precision == "day" else f" · {precision}"


def date_label(event: Event) -> str:
    """The date as the source gives it, with its precision when it is not a day."""
    return _as_given(event.date, event.mod, event.status) + _precision_note(event.precision)


def is_dated(event: Event) -> bool:
    return event.start is not None and event.end is not None


def _middle(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Where a period's marker goes: its middle day (day ordinals)."""
    return (start + end) // 2


def epoch_ms(days: Sequence[int] | np.ndarray) -> np.ndarray:
    """Day ordinals as milliseconds since 1970: a date axis reads numbers so, and numeric arrays
    travel to the browser as compact typed arrays rather than one date string per point."""
    return (np.asarray(days, dtype=np.float64) - _EPOCH) * _DAY_MS


class _Placed(NamedTuple):  # one point, made only for the few that get a label or the ring
    index: int  # in the events given to build_figure
    event: Event
    start: int  # day ordinals
    end: int
    mid: int
    lane: int
    y: float


@dataclass(frozen=True)
class _Placement:
    """The dated events placed, as columns in drawing order: lanes busiest first, each by time.
    Columns, not a tuple per point: split by tone and precision with masks, and handed to Plotly
    as arrays, 10,000 points cost a few milliseconds rather than tens."""

    events: list[Event]
    index: np.ndarray  # in the events given to build_figure
    start: np.ndarray  # day ordinals
    end: np.ndarray
    mid: np.ndarray
    lane: np.ndarray
    row: np.ndarray  # in the lane, 0 on top
    y: np.ndarray

    def __len__(self) -> int:
        return len(self.events)

    def item(self, k: int) -> _Placed:
        return _Placed(
            int(self.index[k]),
            self.events[k],
            int(self.start[k]),
            int(self.end[k]),
            int(self.mid[k]),
            int(self.lane[k]),
            float(self.y[k]),
        )


def _codes(values: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """Each value (a point's tone, precision ...) as a number, and the values the numbers stand for."""
    numbers: dict[str, int] = {}
    coded = np.array([numbers.setdefault(v, len(numbers)) for v in values], dtype=np.int64)
    return coded, list(numbers)


def _ordinals(days: Sequence[str]) -> np.ndarray:
    """ISO days as day ordinals (NumPy parses them in one call)."""
    return np.array(days, dtype="datetime64[D]").astype(np.int64) + _EPOCH


def _rows(lane: list[int], start: list[int], end: list[int], lanes: int, gap: int) -> list[int]:
    """Each event's row in its lane, events given in order of time: the first row free on its start
    day, a new row while the lane has fewer than ``_ROWS_PER_LANE``, else the row that frees first.
    Sequential by nature, so a plain loop over plain lists."""
    free_by_lane: list[list[int]] = [[] for _ in range(lanes)]  # per row, the first day not yet taken
    rows = []
    for lane_k, day, last in zip(lane, start, end, strict=True):
        row_free_from = free_by_lane[lane_k]
        for row, free in enumerate(row_free_from):  # noqa: B007 (the row found is used after the loop)
            if day >= free:
                break
        else:
            if len(row_free_from) < _ROWS_PER_LANE:
                row_free_from.append(0)
                row = len(row_free_from) - 1
            else:  # lane full: share the row that frees first
                row = row_free_from.index(min(row_free_from))
        row_free_from[row] = last + gap
        rows.append(row)
    return rows


def _place(events: list[Event], lane_mode: str) -> tuple[_Placement, list[str]]:
    """Lanes (busiest first) and, inside each, rows so that close events do not cover each other;
    events whose year is unknown are left out."""
    dated = [e for e in events if is_dated(e)]
    if len(dated) == len(events):  # as the app gives them
        index = np.arange(len(events))
    else:
        index = np.array([i for i, event in enumerate(events) if is_dated(event)], dtype=np.int64)
    start, end = _ordinals([e.start for e in dated]), _ordinals([e.end for e in dated])
    names = _lanes_of(dated, lane_mode)
    counts = Counter(names)
    lanes = sorted(counts, key=lambda lane: (-counts[lane], lane))
    lane_number = {lane: n for n, lane in enumerate(lanes)}
    lane = np.array([lane_number[name] for name in names], dtype=np.int64)
    by_time = np.lexsort((np.array([e.id for e in dated]), end, start))
    gap = max(1, int(end.max() - start.min()) // 90)
    row = np.empty(len(dated), dtype=np.int64)
    in_time = (lane[by_time].tolist(), start[by_time].tolist(), end[by_time].tolist())
    row[by_time] = _rows(*in_time, len(lanes), gap)
    drawn = by_time[np.argsort(lane[by_time], kind="stable")]  # each lane in order of time
    placement = _Placement(
        events=[dated[k] for k in drawn.tolist()],
        index=index[drawn],
        start=start[drawn],
        end=end[drawn],
        mid=_middle(start[drawn], end[drawn]),
        lane=lane[drawn],
        row=row[drawn],
        y=lane[drawn] + row[drawn] * _ROW_STEP,
    )
    return placement, lanes


def _importance(event: Event) -> tuple:
    return (event.relevance, len(event.sources), abs(event.goldstein), event.id)


def _text(value: str) -> str:
    """Plotly reads a few tags in its text (``<a href>`` among them, not quote entities): escape
    the tags, keep the quotes; a control character or line break of the source is a space."""
    return html.escape(one_line(value), quote=False)


def _short(title: str, size: int = 34) -> str:
    title = one_line(title)
    return title if len(title) <= size else title[: size - 1].rstrip() + "…"


def _point_texts(event: Event) -> tuple[str, str]:
    """A marker's escaped date as given and hover text, from the values they are made of: a rerun,
    or a new curated timeline in which most events did not change, finds them made already, and an
    edited event (another title, date, number of sources, relevance) gets its own."""
    context = event.relevance if is_context(event) else None
    return _made_point_texts(event.date, event.mod, event.status, event.title, len(event.sources), context)


@lru_cache(maxsize=_POINT_TEXTS)
def _made_point_texts(
    day: str, mod: str | None, status: str, title: str, sources: int, context: float | None
) -> tuple[str, str]:
    given = _text(_as_given(day, mod, status))
    # The title, short, and the sources when merged (the trace's template adds the date).
    hover = _text(_short(title, _HOVER_CHARS))
    if sources > 1:
        hover += f"<br>{sources} sources"
    if context is not None:
        hover += f"<br>context event (relevance {context:.2f})"
    return given, hover


def _label_position(item: _Placed, first_day: int, plot_days: int) -> str:
    """Labels near either end of the axis grow inwards so they are not cut off."""
    where = (item.mid - first_day) / plot_days
    return "top right" if where < 0.2 else "top left" if where > 0.8 else "top center"


def _label_text(item: _Placed, first_day: int, plot_days: int) -> str:
    """The label, padded on the marker's side: a text-only trace does not know the marker's size."""
    pad = "\u00a0\u00a0"
    position = _label_position(item, first_day, plot_days)
    label = _text(_short(item.event.title))
    return pad + label if position == "top right" else label + pad if position == "top left" else label


def _label_extent(item: _Placed, first_day: int, plot_days: int, plot_px: int) -> tuple[float, float]:
    """The days a label covers, for a plot ``plot_px`` wide and 6.5 px per character."""
    width = len(_short(item.event.title)) * 6.5 / plot_px * plot_days
    mid = item.mid - first_day
    position = _label_position(item, first_day, plot_days)
    if position == "top right":
        return mid, mid + width
    if position == "top left":
        return mid - width, mid
    return mid - width / 2, mid + width / 2


def _by_importance(placed: _Placement, candidates: np.ndarray) -> Iterator[_Placed]:
    """The points at ``candidates`` (positions), most important first. Only the first few are ever
    looked at: those of the highest relevance are sorted first, the others only if they run out."""
    parts = [candidates]
    if len(candidates) > _FIRST_LOOK:
        relevance = np.array([placed.events[k].relevance for k in candidates.tolist()], dtype=np.float64)
        first = relevance >= np.partition(relevance, -_FIRST_LOOK)[-_FIRST_LOOK]
        parts = [candidates[first], candidates[~first]]
    for part in parts:
        yield from sorted(
            (placed.item(k) for k in part.tolist()), key=lambda p: _importance(p.event), reverse=True
        )


def _labelled(
    placed: _Placement, shown: np.ndarray, first_day: int, plot_days: int, plot_px: int
) -> list[_Placed]:
    """The most important events (of those ``shown``, a mask) whose labels do not run into one another."""
    taken: list[tuple[int, float, float]] = []  # lane, first and last day of each label kept
    kept: list[_Placed] = []
    # a label above a lower row would cover the rows above
    top_rows = np.flatnonzero(shown & (placed.row == 0))
    for item in _by_importance(placed, top_rows):
        if len(taken) == LABELS:
            break
        start, end = _label_extent(item, first_day, plot_days, plot_px)
        if all(lane != item.lane or end < first or start > last for lane, first, last in taken):
            taken.append((item.lane, start, end))
            kept.append(item)
    return kept


def monthly_temperature(events: list[Event]) -> list[tuple[date, float, int]]:
    """Per month (of each event's middle day): the mean Goldstein-like score and the event count."""
    dated = [e for e in events if is_dated(e)]
    middles = _middle(_ordinals([e.start for e in dated]), _ordinals([e.end for e in dated]))
    return _months(middles, np.array([e.goldstein for e in dated], dtype=np.float64))


def _months(middles: np.ndarray, scores: np.ndarray) -> list[tuple[date, float, int]]:
    if not len(middles):
        return []
    months = (middles - _EPOCH).astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    order = np.argsort(months, kind="stable")
    months, scores = months[order], scores[order]  # months counted from 1970-01
    bounds = np.flatnonzero(np.diff(months)) + 1
    firsts = months[np.r_[0, bounds]].tolist()
    groups = [group.tolist() for group in np.split(scores, bounds)]
    # fmean sums exactly (fsum): the same mean in any order
    return [
        (date(1970 + month // 12, month % 12 + 1, 1), fmean(values), len(values))
        for month, values in zip(firsts, groups, strict=True)
    ]


def _rows_layout(height: int) -> dict:
    """Two rows sharing one time axis: the timeline on top, the temperature under it."""
    return dict(
        height=height,
        xaxis=dict(anchor="y", matches="x2", showticklabels=False, type="date"),
        yaxis=dict(anchor="x", domain=[0.25, 1.0]),
        xaxis2=dict(anchor="y2", type="date"),
        yaxis2=dict(anchor="x2", domain=[0.0, 0.2]),
    )


def _legend_entry(name: str, group: str, title: str, symbol: str, colour: str) -> dict:
    """A legend entry alone: clicking it shows or hides its whole group of traces."""
    return dict(
        type="scatter",
        x=[None],
        y=[None],
        mode="markers",
        name=name,
        legendgroup=group,
        legendgrouptitle=dict(text=title),
        marker=dict(symbol=symbol, color=colour, size=10),
    )


def _span_trace(placed: _Placement, periods: np.ndarray, kind: str, tone: str) -> dict:
    """Every period of one tone (``periods``: positions) as one trace of segments split by gaps
    (NaN), not a shape each."""
    days = np.zeros(3 * len(periods), dtype=np.int64)
    days[0::3], days[1::3] = placed.start[periods], placed.end[periods]
    x = epoch_ms(days)
    x[2::3] = np.nan
    y = np.repeat(placed.y[periods].astype(np.float32), 3)
    y[2::3] = np.nan
    line = dict(color=tone_colour(tone), width=_SPAN_WIDTH)
    return dict(type=kind, x=x, y=y, mode="lines", line=line, opacity=0.3, hoverinfo="skip")


class _Texts(list):
    """A trace's texts, never changed once made. Plotly deep-copies a figure's data when the figure
    is made and again on its way to the browser, a list of strings string by string (~20,000 of
    them at 10,000 events, ~5 ms a copy); a deep copy of these is the list itself."""

    def __deepcopy__(self, memo: dict) -> _Texts:
        return self


def _marker_trace(
    placed: _Placement,
    given: np.ndarray,
    hover: np.ndarray,
    shown: np.ndarray,
    kind: str,
    tone: str,
    precision: str,
    context: bool,
) -> dict:
    """One tone at one date precision (``shown``: positions): colour, shape and the hover's
    precision are the trace's; a scheduled event's marker is the shape's outline.

    ``customdata`` is each point's index in the events drawn, which tells a click's event; the
    hover's markup is in the template, once, not in each point's text."""
    symbol = PRECISION_SYMBOLS.get(precision, "circle")
    scheduled = [placed.events[k].status == "scheduled" for k in shown.tolist()]
    marker = dict(
        color=tone_colour(tone),
        symbol=[f"{symbol}-open" if s else symbol for s in scheduled] if any(scheduled) else symbol,
        size=11,
        line=dict(color="white", width=1),
    )
    # Text as lists, numbers as arrays: on its way out Plotly turns the arrays into typed-array
    # strings, and with no NumPy text left the JSON encoder takes the figure in one pass.
    return dict(
        type=kind,
        x=epoch_ms(placed.mid[shown]),
        y=placed.y[shown].astype(np.float32),
        mode="markers",
        marker=marker,
        opacity=CONTEXT_OPACITY if context else 1.0,
        customdata=placed.index[shown].astype(np.int32),
        text=_Texts(given[shown].tolist()),
        hovertext=_Texts(hover[shown].tolist()),
        hovertemplate=f"<b>%{{text}}{_precision_note(precision)}</b><br>%{{hovertext}}<extra></extra>",
    )


def _event_traces(
    placed: _Placement, kind: str, plot_px: int, hidden: frozenset[str], compact: bool = False
) -> list[dict]:
    first_day = int(placed.start.min())
    plot_days = (int(placed.end.max()) - first_day) or 1
    traces = []
    tone, tone_names = _codes([e.tone for e in placed.events])
    precision, precision_names = _codes([e.precision for e in placed.events])
    context = np.array([is_context(e) for e in placed.events], dtype=bool)
    # each point's date as given and hover text, in arrays that give a trace's texts at once
    texts = [_point_texts(e) for e in placed.events]
    given = np.array([given for given, _ in texts], dtype=object)
    hover = np.array([hover for _, hover in texts], dtype=object)
    precisions = [p for p in PRECISION_SYMBOLS if p in precision_names]
    tones = sorted(tone_names)
    for name in tones:
        items = np.flatnonzero(tone == tone_names.index(name))
        group = dict(legendgroup=name, showlegend=False, visible="legendonly" if name in hidden else True)
        if len(periods := items[placed.start[items] != placed.end[items]]):
            traces.append(_span_trace(placed, periods, kind, name) | group)
        # one trace per precision and context, in the order they first come
        kinds = precision[items] * 2 + context[items]
        values, first = np.unique(kinds, return_index=True)
        for value in values[np.argsort(first)].tolist():
            shown = items[kinds == value]
            trace = _marker_trace(
                placed, given, hover, shown, kind, name, precision_names[value // 2], bool(value % 2)
            )
            traces.append(trace | group)
    shown = ~np.isin(tone, [tone_names.index(name) for name in hidden if name in tone_names])
    labels = _labelled(placed, shown, first_day, plot_days, plot_px)
    traces.append(  # few labels in SVG: WebGL text for every point would slow drawing down
        dict(
            type="scatter",
            x=epoch_ms([p.mid for p in labels]).tolist(),
            y=[p.y for p in labels],
            mode="text",
            text=[_label_text(p, first_day, plot_days) for p in labels],
            textposition=[_label_position(p, first_day, plot_days) for p in labels],
            textfont=dict(size=11, color="#333"),
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for name in tones:
        title = "Tone" if name == tones[0] and not compact else ""
        entry = _legend_entry(name.capitalize(), name, title, "circle", tone_colour(name))
        traces.append(entry | dict(visible="legendonly" if name in hidden else True))
    for name in [] if compact else precisions:  # which shape means which precision (hover says it too)
        traces.append(_legend_entry(name, "precision", "Date precision", PRECISION_SYMBOLS[name], "#9e9e9e"))
    if not compact and any(e.status == "scheduled" for e in placed.events):
        traces.append(_legend_entry("scheduled (outline)", "precision", "", "circle-open", "#9e9e9e"))
    return traces


def _temperature_trace(placed: _Placement) -> dict:
    months = _months(placed.mid, np.array([e.goldstein for e in placed.events], dtype=np.float64))
    return dict(
        type="bar",
        x=[m.isoformat() for m, _, _ in months],
        y=[score for _, score, _ in months],
        xaxis="x2",
        yaxis="y2",
        xperiod="M1",
        xperiodalignment="middle",
        # Each bar as wide as its month: left to Plotly, the width follows the closest pair of bars
        # (months wide when data is sparse, a hairline for a lone month after zooming).
        width=[_MONTH_FILL * monthrange(m.year, m.month)[1] * _DAY_MS for m, _, _ in months],
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


def _margins(lane_labels: list[str], height: int, compact: bool) -> dict:
    """Margins that hold the lane names, the legend, the quick ranges and the range slider, fixed.

    Left to grow (``autoexpand``), Plotly draws the whole figure, then widens the margins to what
    these need and draws it all again: at 10,000 points in the dashboard that second drawing costs
    more than half a second. Sizes are for the 12 px font: ~7 px a character, the legend's longest
    entry ("Date precision") with its symbol, a button row, two lines of date ticks. A compact
    (phone) figure has its lane names inside the plot and its legend under it, so its sides are thin
    and its top leaves the toolbar a row of its own above the quick ranges."""
    top, ticks, pad = (62, 44, 20) if compact else (34, 44, 20)
    legend = _COMPACT_LEGEND_PX if compact else 0
    # Plotly makes the slider (height - top - bottom) * thickness tall, under the axis's ticks.
    bottom = (_RANGESLIDER * (height - top - legend) + ticks + pad + legend) / (1 + _RANGESLIDER)
    if compact:
        return dict(l=8, r=8, t=top, b=round(bottom), autoexpand=False)
    left = 7 * max(map(len, lane_labels)) + 16
    return dict(l=max(left, 70), r=150, t=top, b=round(bottom), autoexpand=False)


_COMPACT_LEGEND_PX = 40  # a row of tones under the range slider (shapes are explained on hover)


def plot_width(viewport: int | None) -> int:
    """The plot's width in px for a browser window ``viewport`` px wide (None: unknown, a desktop)."""
    if viewport is None:
        return _WIDE_PLOT_PX
    if viewport < COMPACT_BELOW:
        return max(120, viewport - 2 * 16 - 16)  # the page's padding and the compact margins
    return max(300, min(viewport - 340, 1400) - 250)  # the sidebar, then lane names and legend


def _ring(item: _Placed) -> dict:
    """A ring around the selected event, the same in every view of the selection: a shape sized in
    pixels at the event's place, not a trace (which would count as one more point)."""
    return dict(
        type="circle",
        xref="x",
        yref="y",
        xsizemode="pixel",
        ysizemode="pixel",
        xanchor=date.fromordinal(item.mid).isoformat(),
        yanchor=item.y,
        x0=-12,
        x1=12,
        y0=-12,
        y1=12,
        line=dict(color="#1565c0", width=3),
        layer="above",
        name="selected",
    )


def _lane_names(lanes: list[str]) -> list[dict]:
    """Lane names written inside a compact plot, above each lane's first row."""
    return [
        dict(
            text=_text(_short(lane, 30)),
            x=0,
            xref="paper",
            y=index - 0.3,
            yref="y",
            xanchor="left",
            yanchor="bottom",
            showarrow=False,
            font=dict(size=11, color="#546e7a"),
        )
        for index, lane in enumerate(lanes)
    ]


KEY_DATE_COLOUR = "#f9a825"


def _key_day_marks(key_days: tuple[str, ...]) -> tuple[list[dict], list[dict]]:
    """A dotted line across the timeline at each key day (ISO) and a star above it that names it."""
    lines = [
        dict(
            type="line",
            xref="x",
            yref="y domain",
            x0=day,
            x1=day,
            y0=0,
            y1=1,
            line=dict(color=KEY_DATE_COLOUR, width=2, dash="dot"),
            layer="below",
            name="key date",
        )
        for day in key_days
    ]
    stars = [
        dict(
            text="★",
            x=day,
            xref="x",
            y=1,
            yref="y domain",
            yanchor="top",
            showarrow=False,
            font=dict(size=14, color=KEY_DATE_COLOUR),
            hovertext=f"key date {day}",
        )
        for day in key_days
    ]
    return lines, stars


def build_figure(
    events: list[Event],
    lane_mode: str = DEFAULT_LANES,
    *,
    selected: str | None = None,
    viewport: int | None = None,
    x_range: tuple[str, str] | None = None,
    hidden: tuple[str, ...] = (),
    revision: str = "",
    key_days: tuple[str, ...] = (),
) -> go.Figure:
    """Timeline (row 1) and monthly temperature (row 2) sharing the time axis.

    Every event marker carries its index in ``events`` as ``customdata`` (a number); temperature
    bars carry ``customdata[0] = "month:YYYY-MM"`` so a click on either can be told apart.
    ``selected`` is ringed; ``viewport`` (the browser window's width, px) sizes margins, labels and
    legend, compact below ``COMPACT_BELOW``; ``x_range`` (ISO days) is the zoom; ``hidden`` names the
    legend groups (tones) hidden; ``revision`` keeps the visitor's zoom while it stays the same;
    ``key_days`` (ISO days) are marked with a dotted line and a star.
    """
    if not any(is_dated(e) for e in events):
        return note_figure("No dated event matches the filters")
    compact = viewport is not None and viewport < COMPACT_BELOW
    placed, lanes = _place(events, lane_mode)
    kind = "scattergl" if len(placed) >= WEBGL_FROM else "scatter"
    lane_px = 60 if compact else 70
    height = max(380 if compact else 420, lane_px * len(lanes) + (330 if compact else 300))
    layout = _rows_layout(height)
    lane_labels = [_short(lane, 24) for lane in lanes]
    layout["yaxis"].update(
        tickvals=list(range(len(lanes))),
        ticktext=[_text(label) for label in lane_labels],
        showticklabels=not compact,
        range=[float(placed.y.max()) + 0.5, -0.6],  # first lane on top
        showgrid=False,
        zeroline=False,
        fixedrange=True,
    )
    layout["yaxis2"].update(
        title=dict(text="" if compact else "Temperature", font=dict(size=11)), zeroline=True, fixedrange=True
    )
    buttons = _QUICK_RANGES[1:] if compact else _QUICK_RANGES
    layout["xaxis"]["rangeselector"] = dict(buttons=buttons, y=1, x=0, yanchor="bottom", font=dict(size=11))
    layout["xaxis2"]["rangeslider"] = dict(visible=True, thickness=_RANGESLIDER)
    # Plotly pads markers by a twentieth of the range: years of empty axis on a long timeline, where
    # "1 year" (back from the axis end) would show nothing. A few weeks of margin are enough.
    first, last = int(placed.start.min()), int(placed.end.max())
    # ... and room for half a marker (~8 px) at either end, which on a phone is more than that.
    margin = max(14, (last - first) // 100, 8 * (last - first) // plot_width(viewport))
    clip = dict(clipmin=float(epoch_ms([first - margin])[0]), clipmax=float(epoch_ms([last + margin])[0]))
    for axis in ("xaxis", "xaxis2"):
        layout[axis]["autorangeoptions"] = clip
        if x_range:
            layout[axis]["range"] = list(x_range)
    legend = dict(yanchor="top", y=1, xanchor="left", x=1.01, groupclick="togglegroup", tracegroupgap=12)
    if compact:
        legend = dict(  # under the range slider, in the figure's bottom margin
            orientation="h",
            yref="container",
            y=0,
            yanchor="bottom",
            x=0,
            groupclick="togglegroup",
            font=dict(size=11),
            grouptitlefont=dict(size=11),
        )
    layout.update(
        margin=_margins(lane_labels, height, compact),
        legend=legend,
        hovermode="closest",
        clickmode="event+select",
        dragmode="pan",
        plot_bgcolor="white",
        bargap=0.1,
        uirevision=revision or "timeline",
    )
    if compact:
        layout["annotations"] = _lane_names(lanes)
    traces = [
        *_event_traces(placed, kind, plot_width(viewport), frozenset(hidden), compact),
        _temperature_trace(placed),
    ]
    lines, stars = _key_day_marks(key_days)
    if stars:
        layout["annotations"] = layout.get("annotations", []) + stars
    if (chosen := next((k for k, e in enumerate(placed.events) if e.id == selected), None)) is not None:
        lines.append(_ring(placed.item(chosen)))
    if lines:
        layout["shapes"] = lines
    # Built from plain data this module controls; Plotly's per-element validation would cost ~1 s here.
    return go.Figure(data=traces, layout=layout, _validate=False)
