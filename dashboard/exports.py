"""Downloads of the events shown: CSV, JSON, TimelineJS JSON, standalone HTML and PNG."""

from __future__ import annotations

import html
import shutil
import warnings
from datetime import date

import orjson
import plotly.graph_objects as go

from extract.model import Event
from extract.store import events_csv

# TimelineJS date parts each precision can honestly fill.
_DAY_PARTS = ("year", "month", "day")
_MONTH_PARTS = ("year", "month")
_DATE_PARTS = {"day": _DAY_PARTS, "week": _DAY_PARTS, "month": _MONTH_PARTS, "quarter": _MONTH_PARTS}
_DATE_PARTS |= {"half": _MONTH_PARTS, "season": _MONTH_PARTS}


def csv_bytes(events: list[Event]) -> bytes:
    """UTF-8 with BOM so spreadsheet programs read Vietnamese."""
    return events_csv(events).encode("utf-8-sig")


def json_bytes(events: list[Event]) -> bytes:
    """UTF-8 JSON; orjson writes the dataclasses as they are (the dashboard prepares this file on
    every new view, and ``dataclasses.asdict`` took half a second at 10,000 events)."""
    return orjson.dumps({"events": events}, option=orjson.OPT_INDENT_2)


def _timelinejs_date(day: str, precision: str) -> dict:
    value = date.fromisoformat(day)
    parts = _DATE_PARTS.get(precision, ("year",))
    return {part: getattr(value, part) for part in parts}


def timelinejs(events: list[Event]) -> dict:
    """TimelineJS's JSON format; events without a known year cannot be placed there and are left out."""
    slides = []
    for event in events:
        if event.start is None or event.end is None:
            continue
        # TimelineJS renders text as HTML: article text is escaped to stay text.
        slide = {
            "start_date": _timelinejs_date(event.start, event.precision),
            "display_date": event.date,
            "text": {"headline": html.escape(event.title), "text": html.escape(event.sources[0].passage)},
            "group": event.category,
            "unique_id": event.id,
        }
        if event.precision not in ("day", "month") and event.end != event.start:
            slide["end_date"] = _timelinejs_date(event.end, event.precision)
        slides.append(slide)
    return {"events": slides}


def timelinejs_bytes(events: list[Event]) -> bytes:
    return orjson.dumps(timelinejs(events), option=orjson.OPT_INDENT_2)


def html_bytes(fig: go.Figure) -> bytes:
    """A standalone interactive page: plotly.js is inlined so it opens offline."""
    return fig.to_html(include_plotlyjs=True, full_html=True).encode("utf-8")


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def start_png_renderer() -> None:
    """Keep one Chromium open for kaleido so each later image takes a fraction of a second."""
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)


def png_bytes(fig: go.Figure) -> bytes:
    with warnings.catch_warnings():  # kaleido warns that per-call options are ignored by its server
        warnings.simplefilter("ignore", UserWarning)
        return fig.to_image(format="png")
