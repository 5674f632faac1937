"""The view in the URL: filters, lane mode, zoom, hidden legend items and selected event, and back.

A copied link reopens the same view. A value the data cannot show (an unknown actor, a date out of
the data's range, a malformed number) is not applied, and ``from_query`` says so in a note the
page shows, rather than silently changing the view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from dashboard.chart import DEFAULT_LANES, LANE_MODES
from dashboard.filters import Filters, Options

# Filters field -> query parameter, for the multi-valued filters.
_LISTS = {
    "actors": "actor",
    "categories": "category",
    "tones": "tone",
    "languages": "lang",
    "outlets": "outlet",
}
_TRUE = ("1", "true", "yes", "on")


@dataclass(frozen=True)
class View:
    filters: Filters
    lane_mode: str = DEFAULT_LANES
    selected: str | None = None
    x_range: tuple[str, str] | None = None  # the zoom of the time axis, ISO days
    hidden: tuple[str, ...] = ()  # legend groups (tones) hidden by a click on the legend


def _day(values: list[str], name: str, notes: list[str]) -> date | None:
    if not values:
        return None
    try:
        return date.fromisoformat(values[-1])
    except ValueError:
        notes.append(f"'{name}={values[-1]}' is not a date (YYYY-MM-DD): ignored.")
        return None


def _clamped(day: date | None, options: Options, name: str, notes: list[str]) -> date | None:
    """A date of the link inside the data's range; one outside it is moved to the edge, with a note."""
    if day is None or options.first is None or options.last is None:
        return None
    kept = min(max(day, options.first), options.last)
    if kept != day:
        notes.append(
            f"'{name}={day}' is outside the timeline ({options.first} to {options.last}): {kept} is used."
        )
    return kept


def _relevance(values: list[str], notes: list[str]) -> float:
    if not values:
        return 0.0
    try:
        value = float(values[-1])
    except ValueError:
        value = -1.0
    if 0.0 <= value <= 1.0:
        return value
    notes.append(f"'rel={values[-1]}' is not a relevance between 0 and 1: ignored.")
    return 0.0


def _zoom(params: Mapping[str, list[str]], notes: list[str]) -> tuple[str, str] | None:
    given = params.get("x0", []), params.get("x1", [])
    if not any(given):
        return None
    try:
        first, last = (date.fromisoformat(values[-1]) for values in given)
    except (ValueError, IndexError):
        notes.append("The link's zoom (x0, x1) is not two dates (YYYY-MM-DD): the whole timeline is shown.")
        return None
    if first >= last:
        notes.append(
            f"The link's zoom ends ({last}) before it starts ({first}): the whole timeline is shown."
        )
        return None
    return first.isoformat(), last.isoformat()


def from_query(params: Mapping[str, list[str]], options: Options, notes: list[str] | None = None) -> View:
    """The view a URL describes, keeping only what the data can show; what it could not apply is
    added to ``notes``, one sentence each."""
    notes = [] if notes is None else notes
    lists = {}
    for field, name in _LISTS.items():
        offered = getattr(options, field)
        given = params.get(name, [])
        lists[field] = tuple(v for v in given if v in offered)
        notes += [f"'{name}={v}' is not in this timeline: ignored." for v in given if v not in offered]
    first = _clamped(_day(params.get("from", []), "from", notes), options, "from", notes)
    last = _clamped(_day(params.get("to", []), "to", notes), options, "to", notes)
    filters = Filters(
        date_from=first,
        date_to=last,
        text=" ".join(params.get("q", [])),
        context=params.get("context", [""])[-1].lower() in _TRUE,
        min_relevance=_relevance(params.get("rel", []), notes),
        **lists,
    )
    lanes = params.get("lanes", [DEFAULT_LANES])[-1]
    if lanes not in LANE_MODES:
        notes.append(
            f"'lanes={lanes}' is not a lane mode ({', '.join(LANE_MODES)}): {DEFAULT_LANES} is used."
        )
        lanes = DEFAULT_LANES
    hidden = tuple(v for v in params.get("hide", []) if v in options.tones)
    notes += [
        f"'hide={v}' is not a tone of this timeline: ignored."
        for v in params.get("hide", [])
        if v not in hidden
    ]
    event = params.get("event", [])
    return View(filters, lanes, event[-1] if event else None, _zoom(params, notes), hidden)


def to_query(view: View, options: Options) -> dict[str, str | list[str]]:
    """Query parameters for the view; defaults are left out so links stay short."""
    params: dict[str, str | list[str]] = {}
    filters = view.filters
    if filters.date_from and filters.date_from != options.first:
        params["from"] = filters.date_from.isoformat()
    if filters.date_to and filters.date_to != options.last:
        params["to"] = filters.date_to.isoformat()
    for field, name in _LISTS.items():
        if values := getattr(filters, field):
            params[name] = list(values)
    if filters.text:
        params["q"] = filters.text
    if filters.context:
        params["context"] = "1"
    if filters.min_relevance:
        params["rel"] = f"{filters.min_relevance:g}"
    if view.lane_mode != DEFAULT_LANES:
        params["lanes"] = view.lane_mode
    if view.x_range:
        params["x0"], params["x1"] = view.x_range
    if view.hidden:
        params["hide"] = list(view.hidden)
    if view.selected:
        params["event"] = view.selected
    return params
