"""Downloads of the events shown, each carrying its sources: CSV, JSON, TimelineJS, HTML and PNG.

* CSV: one row per event, the event's id and every source joined in its columns (`` | ``).
* JSON: the extractor's own ``events.json`` shape with the articles the events cite, so the
  dashboard (and ``extract.store.load``) opens it again.
* TimelineJS: the TimelineJS3 JSON format (a title slide, one slide per dated event with links to
  its sources, groups named as the dashboard's lanes).
* HTML: the chart and a source panel that work offline; article text stays text.
* PNG: the view on screen (zoom, hidden tones) at a chosen size, with title, date range and source note.
* Key dates (``keydates.json``): CSV, and TimelineJS with a title slide on the collection.
"""

from __future__ import annotations

import html
import shutil
import warnings
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import orjson
import plotly.graph_objects as go

from dashboard import chart
from dashboard.keydates_data import Collection, KeyDate
from dashboard.safe_text import http_url, one_line
from extract.model import Document, Event
from extract.store import csv_text, document_json

APP_TITLE = "US–Iraq relations in the news"
SEPARATOR = " | "  # between the sources of one event in a CSV cell
CSV_COLUMNS = (
    "id",
    "date",
    "start",
    "end",
    "precision",
    "status",
    "title",
    "summary_en",
    "actors",
    "category",
    "tone",
    "goldstein",
    "relevance",
    "sources",
    "source_files",
    "source_outlets",
    "source_headlines",
    "source_published",
    "source_urls",
    "passages",
)

# TimelineJS date parts each precision can honestly fill.
_DAY_PARTS = ("year", "month", "day")
_MONTH_PARTS = ("year", "month")
_DATE_PARTS = {"day": _DAY_PARTS, "week": _DAY_PARTS, "month": _MONTH_PARTS, "quarter": _MONTH_PARTS}
_DATE_PARTS |= {"half": _MONTH_PARTS, "season": _MONTH_PARTS}


@dataclass(frozen=True)
class Provenance:
    """What a PNG or HTML export says about itself: the view's dates and where its events come from."""

    first: str  # ISO days of the range shown
    last: str
    events: int
    articles: int
    outlets: tuple[str, ...]

    @property
    def range_text(self) -> str:
        return f"{self.first} to {self.last}"

    @property
    def note(self) -> str:
        names = ", ".join(self.outlets[:4]) + (
            f" and {len(self.outlets) - 4} more" if len(self.outlets) > 4 else ""
        )
        return (
            f"{self.events} events from {self.articles} article(s) ({names or 'unknown outlets'}); "
            f"dates and passages extracted by us-iraq-timeline, exported {date.today().isoformat()}"
        )


def provenance(events: list[Event], x_range: tuple[str, str] | None = None) -> Provenance:
    dated = [e for e in events if chart.is_dated(e)]
    if x_range:
        first, last = x_range
    elif dated:
        first, last = min(e.start for e in dated), max(e.end for e in dated)
    else:
        first = last = "unknown"
    sources = [s for e in events for s in e.sources]
    outlets = sorted({one_line(s.outlet or "unknown outlet") for s in sources})
    return Provenance(first, last, len(events), len({s.file for s in sources}), tuple(outlets))


def _joined(values) -> str:
    return SEPARATOR.join(one_line(v or "") for v in values)


def csv_row(event: Event) -> dict:
    sources = event.sources
    return {
        "id": event.id,
        "date": event.date,
        "start": event.start or "",
        "end": event.end or "",
        "precision": event.precision,
        "status": event.status,
        "title": event.title,
        "summary_en": event.summary_en,
        "actors": "; ".join(event.actors),
        "category": event.category,
        "tone": event.tone,
        "goldstein": event.goldstein,
        "relevance": event.relevance,
        "sources": len(sources),
        "source_files": _joined(s.file for s in sources),
        "source_outlets": _joined(s.outlet for s in sources),
        "source_headlines": _joined(s.title for s in sources),
        "source_published": _joined(s.published for s in sources),
        "source_urls": _joined(s.url for s in sources),
        "passages": _joined(s.passage for s in sources),
    }


def csv_bytes(events: list[Event]) -> bytes:
    """One row per event with every source; UTF-8 with BOM so spreadsheet programs read Vietnamese."""
    return csv_text(CSV_COLUMNS, map(csv_row, events)).encode("utf-8-sig")


def json_bytes(events: list[Event], documents: dict[str, Document]) -> bytes:
    """``events.json`` of the events shown and the articles they cite, which the app opens again.
    orjson writes the dataclasses as they are (``dataclasses.asdict`` took half a second at 10,000)."""
    cited = dict.fromkeys(s.file for e in events for s in e.sources)
    docs = [document_json(documents[f]) for f in cited if f in documents]
    return orjson.dumps({"documents": docs, "events": events}, option=orjson.OPT_INDENT_2)


def _timelinejs_date(day: str, precision: str) -> dict:
    value = date.fromisoformat(day)
    parts = _DATE_PARTS.get(precision, ("year",))
    return {part: getattr(value, part) for part in parts}  # numbers, as the TimelineJS3 format asks


def _sources_html(event: Event) -> str:
    """The passages and a link to each source's article (only an http(s) URL becomes a link)."""
    items = []
    for source in event.sources:
        head = " · ".join(
            html.escape(one_line(p))
            for p in (source.outlet or "unknown outlet", source.published or "date unknown")
        )
        title = html.escape(one_line(source.title or source.file))
        href = http_url(source.url)
        title = f'<a href="{html.escape(href)}" target="_blank" rel="noopener">{title}</a>' if href else title
        items.append(f"<p>{html.escape(source.passage)}</p><p><small>{title} · {head}</small></p>")
    return "".join(items)


def timelinejs(
    events: list[Event], provenance_: Provenance | None = None, lane_mode: str = chart.DEFAULT_LANES
) -> dict:
    """TimelineJS3's JSON format: a title slide, then one slide per event with a known year (the
    others cannot be placed on its axis); groups are the dashboard's lane names."""
    slides = []
    for event in events:
        if event.start is None or event.end is None:
            continue
        # TimelineJS renders text as HTML: article text is escaped to stay text.
        slide = {
            "start_date": _timelinejs_date(event.start, event.precision),
            "display_date": event.date,
            "text": {"headline": html.escape(event.title), "text": _sources_html(event)},
            "group": chart.lane_of(event, lane_mode),
            "unique_id": _slide_id(event.id),
        }
        if event.precision not in ("day", "month") and event.end != event.start:
            slide["end_date"] = _timelinejs_date(event.end, event.precision)
        slides.append(slide)
    about = provenance_ or provenance(events)
    title = {
        "text": {
            "headline": html.escape(APP_TITLE),
            "text": html.escape(f"{about.range_text}. {about.note}."),
        },
        "unique_id": "title",
    }
    return {"title": title, "events": slides}


def _slide_id(event_id: str) -> str:
    """TimelineJS uses unique_id in the page's URL hash and as an element id: letters, digits, dashes."""
    return "e-" + "".join(c if c.isalnum() else "-" for c in event_id)


def timelinejs_bytes(events: list[Event], lane_mode: str = chart.DEFAULT_LANES) -> bytes:
    return orjson.dumps(timelinejs(events, lane_mode=lane_mode), option=orjson.OPT_INDENT_2)


def _panel_data(dated: list[Event]) -> bytes:
    """What the HTML page's source panel shows, per point index; ``<`` is written as ``\\u003c``
    so no text can end the script element that holds it."""
    data = [
        {
            "title": one_line(e.title),
            "date": chart.date_label(e),
            "facts": f"{e.category} · {', '.join(e.actors) or 'no actor named'} · {e.tone}",
            "sources": [
                {
                    "head": f"{one_line(s.title or s.file)} · {one_line(s.outlet or 'unknown outlet')} · "
                    f"{s.published or 'date unknown'}",
                    "url": http_url(s.url),
                    "passage": s.passage,
                    "mark": [s.timex_start - s.passage_start, s.timex_end - s.passage_start],
                }
                for s in e.sources
            ],
        }
        for e in dated
    ]
    return orjson.dumps(data).replace(b"<", b"\\u003c")


_PAGE_SCRIPT = (Path(__file__).with_name("export_page.js")).read_text(encoding="utf-8")


def html_bytes(fig: go.Figure, dated: list[Event], about: Provenance) -> bytes:
    """A standalone page: title, heading, the chart with plotly.js inlined (it opens offline) and a
    source panel that a click on an event fills; ``dated`` are the events drawn, in figure order."""
    plot = fig.to_html(include_plotlyjs=True, full_html=False, div_id="timeline", config={"responsive": True})
    title = html.escape(APP_TITLE)
    page = f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} ({html.escape(about.range_text)})</title>
<style>body{{font-family:sans-serif;margin:1rem}} #panel{{border-left:4px solid #90a4ae;padding:.3rem .8rem}}
#panel mark{{background:#ffe082}} .src{{margin:.6rem 0}} .head{{color:#455a64;font-size:.9rem}}</style></head>
<body><h1>{title}</h1><p>{html.escape(about.range_text)} · {html.escape(about.note)}</p>
{plot}
<section id="panel"><p>Click an event in the chart to see its sources.</p></section>
<script type="application/json" id="events">"""
    end = f"</script>\n<script>{_PAGE_SCRIPT}</script>\n</body></html>\n"
    return page.encode("utf-8") + _panel_data(dated) + end.encode("utf-8")


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def start_png_renderer() -> None:
    """Keep one Chromium open for kaleido so each later image takes a fraction of a second."""
    import kaleido

    kaleido.start_sync_server(silence_warnings=True)


def print_figure(fig: go.Figure, about: Provenance, width: int, height: int) -> go.Figure:
    """``fig`` (a fresh one: it is changed) made for a picture: title and date range on top, the
    source note under it, no quick-range buttons or range slider, ``width`` x ``height`` px."""
    fig.update_layout(
        width=width,
        height=height,
        title=dict(text=f"{html.escape(APP_TITLE)}<br><sup>{html.escape(about.range_text)}</sup>", x=0.01),
        margin=dict(t=80, b=90),
    )
    fig.update_xaxes(rangeselector=dict(visible=False))
    fig.update_layout(xaxis2_rangeslider_visible=False)
    fig.add_annotation(
        text=html.escape(about.note),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-75,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        font=dict(size=10, color="#546e7a"),
    )
    return fig


def png_bytes(fig: go.Figure, scale: float = 1.0) -> bytes:
    with warnings.catch_warnings():  # kaleido warns that per-call options are ignored by its server
        warnings.simplefilter("ignore", UserWarning)
        return fig.to_image(format="png", scale=scale)


# --- key dates (keydates.json, ranked by extract/keydates.py) ---

KEYDATE_CSV_COLUMNS = (
    "rank",
    "date",
    "score",
    "title",
    "summary",
    "event_id",
    "passages",
    "articles",
    "source_files",
    "source_outlets",
    "source_headlines",
    "source_published",
    "source_urls",
)


def keydate_csv_row(kd: KeyDate) -> dict:
    return {
        "rank": kd.rank,
        "date": kd.date,
        "score": kd.score,
        "title": kd.title,
        "summary": kd.summary,
        "event_id": kd.event_id,
        "passages": SEPARATOR.join(f"{one_line(p.file)}[{p.start}:{p.end}]" for p in kd.passages),
        "articles": len(kd.sources),
        "source_files": _joined(s.file for s in kd.sources),
        "source_outlets": _joined(s.outlet for s in kd.sources),
        "source_headlines": _joined(s.title for s in kd.sources),
        "source_published": _joined(s.published for s in kd.sources),
        "source_urls": _joined(s.url for s in kd.sources),
    }


def keydates_csv_bytes(key_dates: list[KeyDate]) -> bytes:
    """One row per key date, best first, with the offsets of its summary's sentences."""
    return csv_text(KEYDATE_CSV_COLUMNS, map(keydate_csv_row, key_dates)).encode("utf-8-sig")


def collection_text(about: Collection, key_dates: int) -> str:
    """The story's title line: how many key dates, from how many articles and outlets, when published."""
    outlets = len(about.outlets)
    text = f"{key_dates} key date(s) from {about.articles} article(s)"
    text += f" by {outlets} outlet(s)" if outlets else " (outlets unknown)"
    if about.first_published and about.last_published:
        text += f", published {about.first_published} to {about.last_published}"
    return text


def _keydate_sources_html(kd: KeyDate) -> str:
    """The summary's sentences, then each article telling the day, linked when its URL is http(s)."""
    items = [f"<p>{html.escape(one_line(kd.summary))}</p>"]
    for source in kd.sources:
        title = html.escape(one_line(source.title or source.file))
        href = http_url(source.url)
        title = f'<a href="{html.escape(href)}" target="_blank" rel="noopener">{title}</a>' if href else title
        head = " · ".join(
            html.escape(one_line(p))
            for p in (source.outlet or "unknown outlet", source.published or "date unknown")
        )
        items.append(f"<p><small>{title} · {head}</small></p>")
    return "".join(items)


def keydates_timelinejs(key_dates: list[KeyDate], about: Collection) -> dict:
    """TimelineJS3's JSON format: a title slide on the collection, one slide per key date."""
    slides = [
        {
            "start_date": _timelinejs_date(kd.date, "day"),
            "display_date": kd.date,
            "text": {"headline": html.escape(one_line(kd.title)), "text": _keydate_sources_html(kd)},
            "group": "Key dates",
            "unique_id": f"key-{kd.date}",
        }
        for kd in sorted(key_dates, key=lambda kd: kd.date)
    ]
    title = {
        "text": {
            "headline": html.escape(f"{APP_TITLE}: key dates"),
            "text": html.escape(collection_text(about, len(key_dates)) + "."),
        },
        "unique_id": "title",
    }
    return {"title": title, "events": slides}


def keydates_timelinejs_bytes(key_dates: list[KeyDate], about: Collection) -> bytes:
    return orjson.dumps(keydates_timelinejs(key_dates, about), option=orjson.OPT_INDENT_2)
