"""The view in the URL: filters, lane mode and selected event as query parameters and back.

A copied link reopens the same view; values the data does not offer are dropped, not errors.
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


@dataclass(frozen=True)
class View:
    filters: Filters
    lane_mode: str = DEFAULT_LANES
    selected: str | None = None


def _day(values: list[str]) -> date | None:
    try:
        return date.fromisoformat(values[-1]) if values else None
    except ValueError:
        return None


def from_query(params: Mapping[str, list[str]], options: Options) -> View:
    """The view a URL describes, keeping only what the data can show."""
    lists = {
        field: tuple(v for v in params.get(name, []) if v in getattr(options, field))
        for field, name in _LISTS.items()
    }
    first, last = _day(params.get("from", [])), _day(params.get("to", []))
    filters = Filters(
        date_from=max(first, options.first) if first and options.first else None,
        date_to=min(last, options.last) if last and options.last else None,
        text=" ".join(params.get("q", [])),
        **lists,
    )
    lanes = params.get("lanes", [DEFAULT_LANES])[-1]
    event = params.get("event", [])
    return View(filters, lanes if lanes in LANE_MODES else DEFAULT_LANES, event[-1] if event else None)


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
    if view.lane_mode != DEFAULT_LANES:
        params["lanes"] = view.lane_mode
    if view.selected:
        params["event"] = view.selected
    return params
