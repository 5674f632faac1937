"""The dashboard's page under its title (``dashboard/app.py`` sends the title first, then runs this)."""

from __future__ import annotations

import calendar
import gc
import hashlib
import os
import sys
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# Every module a page needs is imported here, once, before any session draws, never on first use:
# Plotly reads pandas from sys.modules when it serialises a figure, and while one session was
# still importing pandas on its first table, another session's figure met a partially
# initialised module (issue 9; benchmarks/bench_load.py). A session arriving while these
# imports run waits for them (``first_paint.page``).
import pandas  # noqa: F401
import plotly.graph_objects as go
import plotly.io
import pyarrow  # noqa: F401  (Streamlit's tables, imported by it on first use)
import streamlit as st
from streamlit.components.v1 import declare_component

import dashboard.curation as curation  # (the analyst's workspace)
import dashboard.curation_ui as curation_ui
import dashboard.overview as overview  # (timelines too large to hold in memory)
from dashboard import chart, data_file, exports, keydates_view, panel, state, story, uploads
from dashboard.filters import Filters, Options, is_context, options, split_context
from dashboard.first_paint import Slots
from dashboard.safe_text import html_text, one_line
from extract.merge import merge
from extract.model import SHOWN_BY_DEFAULT, Document, Event
from extract.store import collector_paused, load
from extract.workspace import AddedFile

ROOT = Path(__file__).resolve().parent.parent
UPLOAD_TYPES = ["txt", "md", "html", "htm", "csv", "json"]
# Streamlit refuses a file over server.maxUploadSize in the browser with only a red icon; that limit
# (config.toml) is set higher, and this one is checked here, where the visitor gets a sentence.
UPLOAD_LIMIT_MB = 5
PANEL_HEIGHT = 460  # px: a fixed height, so opening or changing the panel never moves the page
_view_sync = declare_component("view_sync", path=str(Path(__file__).with_name("view_sync")))
# Upload messages carry file names and reasons from the files: an HTML block of escaped text, never
# Markdown (whose autolinks turn a URL in a name into a link even when it is escaped).
_NOTICE_COLOURS = {"success": ("#e8f5e9", "#1b5e20"), "warning": ("#fff8e1", "#7a5300")}
_NOTICE_COLOURS["error"] = ("#ffebee", "#b71c1c")
_FILTER_KEYS = ("f_actors", "f_categories", "f_tones", "f_languages", "f_outlets")
_PHONE_AGENTS = ("Mobi", "Android", "iPhone")  # the first page's guess, until the browser says its width
TABLE_ROWS = 300  # a table sends every row it holds to the browser; the CSV download has them all


@dataclass(frozen=True)
class Timeline:
    """The extractor's output with what every view of it needs, worked out once."""

    key: str  # names this data in the caches shared by sessions
    documents: list[Document]
    events: list[Event]
    options: Options = field(init=False)
    by_id: dict[str, Event] = field(init=False)
    by_file: dict[str, Document] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", options(self.events))
        object.__setattr__(self, "by_id", {e.id: e for e in self.events})
        object.__setattr__(self, "by_file", {d.file: d for d in self.documents})


DEFAULT_DATA = ROOT / "data" / "events.json"


def data_path() -> Path:
    given = Path(os.environ.get("TIMELINE_DATA", DEFAULT_DATA))
    return given / "events.json" if given.is_dir() else given


@st.cache_resource(show_spinner=False, max_entries=2)
def _load(path: str, mtime: float | str) -> Timeline:
    """Shared by every session and never modified; reloaded when the curated timeline changes
    (``curation.version``: a decision, a rebuilt file, or the file's mtime without a workspace)."""
    # Meanwhile the server sends a new browser Streamlit's and Plotly's scripts (megabytes). At
    # Python's 5 ms turns this busy thread starves the sending one (each socket write waits a
    # turn); at 0.5 ms a cold page with 10,000 events is drawn about half a second sooner.
    default_turn = sys.getswitchinterval()
    sys.setswitchinterval(0.0005)
    try:
        with collector_paused():
            timeline = Timeline(f"{path}@{mtime}", *curation.read(Path(path)))  # the curated timeline
            # Kept while the server runs, and free of reference cycles: out of the collector's
            # sight, no later collection walks its hundreds of thousands of objects.
            gc.freeze()
        return timeline
    finally:
        sys.setswitchinterval(default_turn)


@st.cache_resource(show_spinner=False, max_entries=32)
def _view(
    key: str, filters: Filters, _timeline: Timeline
) -> tuple[list[Event], list[Event], list[Event], int]:
    """The events shown, those of them with a place on the date axis, the others, and the number of
    context events the switch hides."""
    shown, hidden = split_context(_timeline.events, filters)
    dated = [e for e in shown if chart.is_dated(e)]
    return shown, dated, [e for e in shown if not chart.is_dated(e)], hidden


@st.cache_resource(show_spinner=False, max_entries=16)  # up to ~6 MB each at 10,000 events
def _figure(
    key: str,
    filters: Filters,
    lane_mode: str,
    look: tuple,
    _dated: list[Event],
    key_days: tuple[str, ...] = (),
) -> go.Figure:
    """Shared, never modified: a filter set again, or another session, reuses the figure. ``look``
    is (selected id, viewport width, zoom, hidden tones, revision), the keywords of build_figure."""
    selected, viewport, x_range, hidden, revision = look
    return chart.build_figure(
        _dated,
        lane_mode,
        selected=selected,
        viewport=viewport,
        x_range=x_range,
        hidden=hidden,
        revision=revision,
        key_days=key_days,
    )


@st.cache_resource(show_spinner=False)
def _png_renderer() -> None:
    exports.start_png_renderer()


@st.cache_data(show_spinner=False, max_entries=8)
def _png(figure_json: str, scale: float) -> bytes:
    return exports.png_bytes(plotly.io.from_json(figure_json), scale)


@st.cache_resource(show_spinner=False, max_entries=4)  # ~20 MB each at 10,000 events
def _export_files(
    key: str,
    filters: Filters,
    lane_mode: str,
    _shown: list[Event],
    _dated: list[Event],
    _timeline: Timeline | overview.LargeTimeline,
) -> dict[str, bytes]:
    """Each download's bytes, made once per view and shared by sessions. Prepared bytes keep one
    address however often the page reruns; a deferred file's address changes on every rerun, so a
    second click while the first one's rerun ran fetched a file already gone (issue 9). They are
    made only once the visitor opens the downloads (a first page does not wait for them)."""
    about = exports.provenance(_shown)
    return {
        "csv": exports.csv_bytes(_shown),
        "json": exports.json_bytes(_shown, _timeline.by_file),
        "timelinejs": exports.timelinejs_bytes(_shown, lane_mode),
        "html": exports.html_bytes(chart.build_figure(_dated, lane_mode), _dated, about),
    }


def _shared_timeline(placeholder) -> Timeline:
    """The shared timeline, or a message saying what is wrong with its file in place of the chart's
    ``placeholder`` (and the page stops)."""
    path = data_path()
    try:
        return _load(str(path), curation.version(path))
    except Exception as error:  # a missing, empty, cut-off or foreign file: a message, not a traceback
        placeholder.error(data_file.problem(path, error, default=path == DEFAULT_DATA))
        st.stop()
        raise  # st.stop() raises; this keeps the type checker sure nothing is returned


def _timeline(placeholder) -> Timeline | overview.LargeTimeline:
    """The timeline held in memory, or for a large data file its index (``dashboard/overview.py``)."""
    path = data_path()
    try:
        large = overview.large_timeline(path)
    except Exception as error:  # a cut-off or foreign file found while indexing it
        placeholder.error(data_file.problem(path, error, default=path == DEFAULT_DATA))
        st.stop()
        raise
    return large or _with_uploads(_shared_timeline(placeholder))


def _with_uploads(shared: Timeline) -> Timeline:
    """The shared timeline merged with this session's uploads, once per change, for this session only."""
    uploaded = st.session_state.get("uploaded")
    if not uploaded:
        return shared
    key = (shared.key, len(uploaded[0]), len(uploaded[1]))
    merged = st.session_state.get("merged")
    if not merged or merged[0] != key:
        events = merge(shared.events + uploaded[1])
        merged = (key, Timeline(f"upload:{uuid.uuid4().hex}", shared.documents + uploaded[0], events))
        st.session_state["merged"] = merged
    return merged[1]


def _start_view(timeline: Timeline | overview.LargeTimeline) -> None:
    """Once per session: the widgets start from the URL's query parameters; what a link asked for
    and could not get is kept as notes for the page to show."""
    if "view_started" in st.session_state:
        return
    opts = timeline.options
    notes: list[str] = []
    view = state.from_query({k: st.query_params.get_all(k) for k in st.query_params}, opts, notes)
    if view.selected and view.selected not in timeline.by_id:
        notes.append(
            "The event in this link is not in this timeline: it may have been merged into another since, "
            "or come from an article uploaded in another visit"
            + (
                "."
                if curation.workspace() is not None
                else " (without a workspace, uploads stay with the visit that made them); upload it again."
            )
        )
    f = view.filters
    st.session_state.update(
        f_dates=(f.date_from or opts.first, f.date_to or opts.last),
        f_actors=list(f.actors),
        f_categories=list(f.categories),
        f_tones=list(f.tones),
        f_languages=list(f.languages),
        f_outlets=list(f.outlets),
        f_text=f.text,
        f_context=f.context,
        f_relevance=f.min_relevance,
        lanes=view.lane_mode,
        selected=view.selected if view.selected in timeline.by_id else None,
        zoom=view.x_range,
        hidden=view.hidden,
        figure_zoom=view.x_range,
        figure_hidden=view.hidden,
        link_notes=notes,
        viewport=_guessed_viewport(),
        view_started=True,
    )


def _guessed_viewport() -> int | None:
    """A phone's first page is laid out for a phone before its browser reports its width."""
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return 390 if any(word in agent for word in _PHONE_AGENTS) else None


def _fit_dates(opts: Options) -> None:
    """Keep the date widget inside the data's range; a range left whole grows with uploads."""
    dates = tuple(st.session_state.get("f_dates") or ())
    whole = (opts.first, opts.last)
    if dates == st.session_state.get("f_dates_whole", whole):
        dates = whole
    kept = tuple(min(max(d, opts.first), opts.last) for d in dates if isinstance(d, date))
    st.session_state["f_dates"] = kept or whole
    st.session_state["f_dates_whole"] = whole


def _sidebar(opts: Options, large: bool = False) -> Filters:
    with st.sidebar:
        st.header("Filters")
        st.toggle(
            "Show context events",
            key="f_context",
            help=f"Dated happenings not (surely) about US–Iraq relations: relevance under "
            f"{SHOWN_BY_DEFAULT}. They are drawn fainter.",
        )
        st.slider("Minimum relevance", 0.0, 1.0, step=0.05, key="f_relevance")
        if opts.first and opts.last:
            _fit_dates(opts)
            st.date_input(
                "Dates", min_value=opts.first, max_value=opts.last, key="f_dates", format="YYYY-MM-DD"
            )
        st.text_input("Search titles and passages", key="f_text", placeholder="e.g. troops, đàm phán")
        st.multiselect("Actors", opts.actors, key="f_actors")
        st.multiselect("Categories", opts.categories, key="f_categories")
        st.multiselect("Tone", opts.tones, key="f_tones")
        st.multiselect("Language", opts.languages, key="f_languages")
        st.multiselect("Outlet", opts.outlets, key="f_outlets", format_func=one_line)
        st.radio(
            "Lanes", list(chart.LANE_MODES), format_func=chart.LANE_MODES.get, key="lanes", horizontal=True
        )
        if not large:
            curation_ui.sidebar_filter()
        st.button("Clear filters", on_click=_clear_filters)
        if large:  # the review filter, uploads and curation need the whole timeline in memory
            st.caption(
                "A large timeline, read from its index: review, curation and adding articles work on "
                f"timelines under {overview.LARGE_FROM_MB:g} MB."
            )
        else:
            _upload_form()
            curation_ui.sidebar_workspace()
    dates = tuple(st.session_state.get("f_dates") or ())
    return Filters(
        date_from=dates[0] if dates else None,
        date_to=dates[1] if len(dates) > 1 else None,
        actors=tuple(st.session_state["f_actors"]),
        categories=tuple(st.session_state["f_categories"]),
        tones=tuple(st.session_state["f_tones"]),
        languages=tuple(st.session_state["f_languages"]),
        outlets=tuple(st.session_state["f_outlets"]),
        text=st.session_state["f_text"].strip(),
        context=bool(st.session_state["f_context"]),
        min_relevance=float(st.session_state["f_relevance"]),
    )


def _clear_filters() -> None:
    for key in _FILTER_KEYS:
        st.session_state[key] = []
    st.session_state["f_text"] = ""
    st.session_state["f_context"] = False
    st.session_state["f_relevance"] = 0.0
    st.session_state.pop("f_dates", None)


def _upload_form() -> None:
    with st.expander("Add articles", expanded=bool(st.session_state.get("upload_messages"))):
        for level, message in st.session_state.pop("upload_messages", []):
            st.markdown(_notice_html(level, message), unsafe_allow_html=True)
        with st.form("upload", clear_on_submit=True):
            files = st.file_uploader(
                f"Articles (.txt, .md, .html, up to {UPLOAD_LIMIT_MB} MB each), an optional manifest.csv, "
                "or a timeline .json exported from this page",
                type=UPLOAD_TYPES,
                accept_multiple_files=True,
            )
            if st.form_submit_button("Extract"):
                if files:
                    st.session_state["upload_messages"] = _extract_uploads(files)
                else:
                    st.session_state["upload_messages"] = [("warning", "No file chosen: nothing to extract.")]
                st.rerun()  # the timeline above was drawn before the upload: draw it again


def _notice_html(level: str, message: str) -> str:
    level = level if level in _NOTICE_COLOURS else "warning"
    background, colour = _NOTICE_COLOURS[level]
    style = f"background:{background};color:{colour};padding:0.5rem 0.75rem;border-radius:0.5rem;margin:4px 0"
    return f'<div class="upload-{level}" style="{style}">{html_text(message)}</div>'


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_timeline_json(name: str, data: bytes) -> tuple[list[Document], list[Event]] | str:
    """A timeline exported as JSON (or an events.json), or the reason it cannot be opened."""
    with tempfile.TemporaryDirectory(prefix="timeline_json_") as tmp:
        path = Path(tmp) / "events.json"
        path.write_bytes(data)
        try:
            return load(path)
        except Exception as error:
            return (
                data_file.problem(path, error, default=False)
                .split(" Rebuild")[0]
                .replace("The timeline file `events.json`", "it")
            )


def _extract_uploads(files: list) -> list[tuple[str, str]]:
    """Run the extractor on uploaded files in a child process and add what it read to the workspace,
    for every session and every rebuild (without a workspace: to this visit only); returns one
    (level, message) per file."""
    limit = UPLOAD_LIMIT_MB * 1024 * 1024  # megabytes of 2**20 bytes, as Streamlit counts them
    shared_uploads = curation.workspace() is not None
    seen: set[str] = st.session_state.setdefault("uploaded_digests", set())
    messages: list[tuple[str, str]] = []
    fits, timelines = [], []
    for f in files:
        name = one_line(f.name) or "(no name)"
        if f.size > limit:  # not even read: its size says enough
            messages.append(("error", uploads.too_big(f.name, f.size, limit)))
            continue
        data = f.getvalue()
        if not shared_uploads and _digest(data) in seen:  # the workspace knows its own
            messages.append(("warning", f"{name}: already added in this visit; nothing new"))
        elif f.name.lower().endswith(".json"):
            timelines.append((f.name, data))
        else:
            fits.append((f, data))
    shared = _shared_or_none()
    before = len(_with_uploads(shared).events) if shared else 0
    read: list[AddedFile] = []
    for given, data in timelines:
        name = one_line(given) or "(no name)"
        opened = _read_timeline_json(name, data)
        if isinstance(opened, str):
            messages.append(("error", f"{name}: not a timeline this page can open ({opened})"))
            continue
        seen.add(_digest(data))
        read.append(AddedFile(given, *opened))
        messages.append(("success", f"{name}: timeline of {len(opened[1])} event(s) opened"))
    articles = max(1, sum(not f.name.lower().endswith(uploads.MANIFEST_SUFFIX) for f, _ in fits))
    progress = st.progress(0.0, text="Extracting…")

    def on_file(index: int, name: str) -> None:  # the name is not shown: progress text is Markdown
        progress.progress(index / articles, text=f"Extracting article {index + 1} of {articles}")

    batch = [uploads.Upload(f.name, data) for f, data in fits]
    outcome = uploads.extract_uploads(batch, limit_bytes=limit, on_file=on_file)
    names = {file.name for file in outcome.read}
    seen.update(_digest(data) for f, data in fits if f.name in names)
    read += outcome.read
    messages += outcome.messages
    if shared_uploads:
        said, read = curation.add_uploads(read, st.session_state.get("author") or "")
        messages += said
    else:
        documents, events = st.session_state.get("uploaded", ([], []))
        documents = documents + [d for file in read for d in file.documents]
        st.session_state["uploaded"] = (documents, events + [e for file in read for e in file.events])
    found = sum(len(file.events) for file in read)
    shared = _shared_or_none()
    if found and shared:  # an event told again (re-uploaded, or in the timeline already) merges: no new dot
        added = len(_with_uploads(shared).events) - before
        merged = f"; {found - added} merged with events already there" if found > added else ""
        messages.append(("success", f"{added} new event(s) on the timeline{merged}"))
    return messages


def _shared_or_none() -> Timeline | None:
    """The shared timeline, or None when its file cannot be read (the page says so where the chart goes)."""
    path = data_path()
    try:
        return _load(str(path), curation.version(path))
    except Exception:
        return None


def _select(event_id: str | None) -> None:
    st.session_state["selected"] = event_id


def _on_chart_select() -> None:
    """A click on an event selects it; a click on a temperature bar narrows the dates to its month."""
    points = st.session_state["chart"].selection.points
    custom = points[0].get("customdata") if points else None
    if isinstance(custom, list) and str(custom[0]).startswith("month:"):
        first = date.fromisoformat(str(custom[0]).removeprefix("month:") + "-01")
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        st.session_state["f_dates"] = (first, last)
    elif isinstance(custom, list) and (days := overview.days_of(str(custom[0]))):  # a count's period
        st.session_state["f_dates"] = days
    elif isinstance(custom, int | float):  # an event marker: its index among the events drawn
        ids = st.session_state.get("chart_ids", [])
        if 0 <= int(custom) < len(ids):
            _select(ids[int(custom)])


def _on_table_select(table: str) -> None:
    rows = st.session_state[table].selection.rows
    ids = st.session_state.get(f"{table}_ids", [])
    if rows and rows[0] < len(ids):
        _select(ids[rows[0]])
    # A click on the ticked row unticks it; the selection stays (Close in the panel ends it).


def _on_view_sync() -> None:
    """The browser reported the chart's zoom, hidden tones or the window's width."""
    reported = st.session_state.get("view_sync") or {}
    zoom = reported.get("zoom")
    st.session_state["zoom"] = tuple(zoom) if isinstance(zoom, list) and len(zoom) == 2 else None
    st.session_state["hidden"] = tuple(str(h) for h in reported.get("hidden") or ())
    width = reported.get("width")
    if (
        isinstance(width, int | float)
        and width > 0
        and _relayout(st.session_state.get("viewport"), int(width))
    ):
        st.session_state["viewport"] = int(width)


def _drawn_for() -> dict:
    """What the chart was drawn for, told to the browser so it reports only what differs: the zoom,
    the hidden tones and the window widths that keep this layout."""
    viewport = st.session_state.get("viewport")
    same = [width for width in range(240, 4001, 20) if not _relayout(viewport, width)]
    zoom = st.session_state.get("zoom")
    return {
        "zoom": list(zoom) if zoom else None,
        "hidden": sorted(st.session_state.get("hidden") or ()),
        "widths": [min(same), max(same)] if same else [0, 0],
    }


def _relayout(old: int | None, new: int) -> bool:
    """Whether a window ``new`` px wide needs another figure than one laid out for ``old`` (None: a
    desktop). A few pixels more or less keep the figure: drawing it again while the visitor taps
    would lose the tap."""
    compact = new < chart.COMPACT_BELOW
    if compact != (old is not None and old < chart.COMPACT_BELOW):
        return True
    return abs(chart.plot_width(new) - chart.plot_width(old)) > 150


def _table(
    events: list[Event], key: str, selected: str | None, height: int | str = "auto", total: int | None = None
) -> None:
    """Events as a table, the first ``TABLE_ROWS`` by date, whose row selection opens the source
    panel; the selected event's row is ticked, wherever it was selected. ``total``: how many there
    are when ``events`` holds only the first of them (a large timeline)."""
    whole = total is None or total == len(events)
    total = len(events) if total is None else total
    if total > TABLE_ROWS:
        downloads = "the CSV download holds them all" if whole else "zoom in to download the events in view"
        st.caption(
            f"The first {TABLE_ROWS} of {total:,} by date: narrow the filters or search to reach "
            f"the others; {downloads}."
        )
        events = events[:TABLE_ROWS]
    ids = [e.id for e in events]
    st.session_state[f"{key}_ids"] = ids
    rows = [ids.index(selected)] if selected in ids else []
    st.session_state[key] = {"selection": {"rows": rows, "columns": [], "cells": []}}
    # A plain dict, which Streamlit makes a frame of; cells are shown as text, one line each.
    columns = {
        "date": [chart.date_label(e) for e in events],
        "title": [one_line(e.title) for e in events],
        "in English": [one_line(e.summary_en) for e in events],
        "actors": [", ".join(e.actors) for e in events],
        "category": [e.category for e in events],
        "tone": [e.tone for e in events],
        "sources": [len(e.sources) for e in events],
        "relevance": [round(e.relevance, 2) for e in events],
    }
    st.dataframe(
        columns,
        key=key,
        on_select=lambda: _on_table_select(key),
        selection_mode="single-row",
        hide_index=True,
        height=height,
        column_config={
            "title": st.column_config.TextColumn(width="large"),
            "in English": st.column_config.TextColumn(width="medium"),
        },
    )


def _panel(selected: Event | None, shown: list[Event], timeline: Timeline | overview.LargeTimeline) -> None:
    """The selected event's sources in a box of fixed height, with previous/next (in the order of
    the events shown) and close."""
    with st.container(border=True, height=PANEL_HEIGHT, key="source_panel"):
        if not selected:
            st.info("Click an event in the chart or a row in a table to see its sources.")
            return
        ids = [e.id for e in shown]
        at = ids.index(selected.id) if selected.id in ids else None
        previous = ids[at - 1] if at else None
        following = ids[at + 1] if at is not None and at + 1 < len(ids) else None
        with st.container(horizontal=True, key="panel_buttons"):  # one row, on a phone too
            st.button(
                "◀ Previous", key="panel_previous", on_click=_select, args=(previous,), disabled=not previous
            )
            st.button("Next ▶", key="panel_next", on_click=_select, args=(following,), disabled=not following)
            st.button("✕ Close", key="panel_close", on_click=_select, args=(None,))
        if is_context(selected):
            st.caption(
                f"A context event (relevance {selected.relevance:.2f}): not surely about US–Iraq relations."
            )
        panel.render(selected, timeline.by_file, curation.marks(selected, st.session_state.get("f_text", "")))


_DOWNLOADS = (  # export, button, file name, media type
    ("csv", "CSV", "timeline.csv", "text/csv"),
    ("json", "JSON", "timeline.json", "application/json"),
    ("timelinejs", "TimelineJS", "timelinejs.json", "application/json"),
    ("html", "HTML", "timeline.html", "text/html"),
)
_PNG_SIZES = {"1600 × 900 (slides)": (1600, 900), "1200 × 800": (1200, 800), "800 × 600": (800, 600)}


@st.fragment
def _downloads(
    timeline: Timeline | overview.LargeTimeline,
    filters: Filters,
    lane_mode: str,
    shown: list[Event],
    dated: list[Event],
    key: str | None = None,
) -> None:
    """Buttons that only download ("ignore": no rerun), so clicks in quick succession each get their
    file. Their files are made once the visitor asks (a fragment: only this part runs again).
    ``key`` names the events shown in the caches (the timeline's by default)."""
    st.subheader("Download this view", anchor=False)
    # A switch, not a button: its state outlives a rerun of the whole page that starts meanwhile.
    if not st.toggle("Prepare downloads", key="exports_open"):
        st.caption("CSV, JSON, TimelineJS, HTML and PNG of the events shown, with their sources.")
        return
    files = _export_files(key or timeline.key, filters, lane_mode, shown, dated, timeline)
    cols = st.columns(len(_DOWNLOADS))
    for col, (export, label, name, mime) in zip(cols, _DOWNLOADS, strict=True):
        col.download_button(label, files[export], name, mime, key=f"dl_{export}", on_click="ignore")
    _png_download(shown, dated, lane_mode)


def _png_download(shown: list[Event], dated: list[Event], lane_mode: str) -> None:
    if not exports.chromium_path():
        st.caption("PNG: use the chart's camera button (no Chromium on this server).")
        return
    size_col, scale_col, button_col = st.columns([2, 1, 2])
    size = size_col.selectbox("PNG size (px)", list(_PNG_SIZES), key="png_size")
    scale = scale_col.selectbox("Scale", [1, 2, 3], key="png_scale")
    zoom, hidden = st.session_state.get("zoom"), tuple(st.session_state.get("hidden") or ())
    with button_col:
        if st.button("Render PNG", key="png_render") or st.session_state.get("png_ready"):
            width, height = _PNG_SIZES[size]
            fig = chart.build_figure(
                dated, lane_mode, x_range=zoom, hidden=hidden
            )  # a fresh figure: changed below
            about = exports.provenance([e for e in shown if e.tone not in hidden], zoom)
            try:
                _png_renderer()
                image = _png(exports.print_figure(fig, about, width, height).to_json(), float(scale))
            except Exception as error:  # kaleido and Chromium fail in many ways; the camera button remains
                st.caption(f"PNG failed ({type(error).__name__}); use the chart's camera button.")
            else:
                st.session_state["png_ready"] = True
                st.download_button("PNG", image, "timeline.png", "image/png", key="dl_png", on_click="ignore")


def _revision(filters: Filters, lane_mode: str) -> str:
    return hashlib.sha1(repr((filters, lane_mode)).encode()).hexdigest()[:12]


def _follow_revision(revision: str) -> None:
    """New filters or lanes draw the whole range again: the zoom of the old view no longer applies,
    and the tones hidden from the legend stay hidden in the new figure."""
    if st.session_state.get("revision", revision) != revision:
        st.session_state["zoom"] = st.session_state["figure_zoom"] = None
        st.session_state["figure_hidden"] = tuple(st.session_state.get("hidden") or ())
    st.session_state["revision"] = revision


def main(slots: Slots) -> None:
    """The page in the places ``first_paint.begin`` made under the title."""
    with slots.mode.container():
        mode = keydates_view.mode_picker()  # Timeline, Key dates or Story (dashboard/keydates_view.py)
    notes, caption, chart_slot = slots.notes, slots.caption, slots.chart
    timeline = _timeline(chart_slot)
    opts = timeline.options
    _start_view(timeline)
    if link_notes := st.session_state.get("link_notes"):
        with notes.container():
            st.warning(
                "Part of this link could not be applied:\n\n" + "\n".join(f"- {n}" for n in link_notes)
            )
            st.button(
                "Dismiss", key="dismiss_notes", on_click=st.session_state.pop, args=("link_notes", None)
            )
    large = isinstance(timeline, overview.LargeTimeline)
    filters = _sidebar(opts, large)
    if large:
        _large_view(timeline, filters, mode, caption, chart_slot)
        return
    key_dates = (
        keydates_view.load(data_path(), default=data_path() == DEFAULT_DATA) if mode != "timeline" else None
    )
    if mode == "story":  # the key dates told slide by slide, in the chart's place (dashboard/story.py)
        caption.empty()
        with chart_slot.container():
            story.render(key_dates, timeline.by_file, timeline.by_id, _select)
        return
    timeline, view_filters = curation.narrowed(timeline, filters)  # review filter, workspace search
    shown, dated, undated, context_hidden = _view(timeline.key, view_filters, timeline)
    lane_mode = st.session_state["lanes"]
    revision = _revision(filters, lane_mode)
    _follow_revision(revision)

    hidden_note = (
        f" · {context_hidden} context events hidden (switch on “Show context events”)"
        if context_hidden
        else ""
    )
    faint = " · fainter markers are context events" if filters.context else ""
    caption.caption(
        f"{len(shown)} of {len(timeline.events)} events shown{hidden_note} · {len(undated)} without a "
        f"known year{faint} · click an event or a table row for its sources; click a temperature bar to "
        "zoom to its month"
    )
    selected = timeline.by_id.get(st.session_state.get("selected") or "")
    drawn = selected.id if selected and chart.is_dated(selected) else None
    look = (
        drawn,
        st.session_state.get("viewport"),
        st.session_state.get("figure_zoom"),
        tuple(st.session_state.get("figure_hidden") or ()),
        revision,
    )
    fig = _figure(timeline.key, filters, lane_mode, look, dated, keydates_view.highlighted_days(key_dates))
    st.session_state["chart_ids"] = [e.id for e in dated]  # a click gives the index of its event here
    _draw_chart(chart_slot, fig)
    if key_dates is not None:
        keydates_view.section(key_dates, timeline.by_id, timeline.documents, _select)
    _panel(selected, shown, timeline)
    curation_ui.editor(selected, shown)
    if undated:
        st.markdown(f"**Year unknown** ({len(undated)}): dates the articles give without a year")
        _table(undated, "undated_table", st.session_state.get("selected"))
    st.subheader("Events shown", anchor=False)
    _table(shown, "events_table", st.session_state.get("selected"), height=min(420, 38 + 35 * len(shown)))
    _downloads(timeline, filters, lane_mode, shown, dated)
    _link(filters, lane_mode, selected, opts, keydates_view.query(mode, key_dates))


def _link(filters: Filters, lane_mode: str, selected: Event | None, opts: Options, extra: dict) -> None:
    """The view in the page's URL, so that a copied link reopens it."""
    view = state.View(
        filters,
        lane_mode,
        selected.id if selected else None,
        st.session_state.get("zoom"),
        tuple(h for h in st.session_state.get("hidden") or () if h in opts.tones),
    )
    st.query_params.from_dict(state.to_query(view, opts) | extra)


def _large_view(timeline: overview.LargeTimeline, filters: Filters, mode: str, caption, chart_slot) -> None:
    """The timeline view of an indexed timeline: counts per period and lane while many events are
    in view, the events themselves once few are; the tables list the first events by date."""
    if mode != "timeline":
        chart_slot.info(
            "Key dates and Story are shown for timelines read whole (data files under "
            f"{overview.LARGE_FROM_MB:g} MB); this one is read from its index."
        )
        return
    lane_mode = st.session_state["lanes"]
    revision = _revision(filters, lane_mode)
    _follow_revision(revision)
    shown, context_hidden = overview.shown(timeline, filters)
    selected = timeline.by_id.get(st.session_state.get("selected") or "")
    zoom = st.session_state.get("zoom")
    look = (
        selected.id if selected and chart.is_dated(selected) else None,
        st.session_state.get("viewport"),
        tuple(st.session_state.get("hidden") or ()),
        revision,
    )
    drawn = overview.drawn(timeline, filters, lane_mode, zoom, look)
    undated = shown & overview.undated(timeline)
    shown_count, undated_count = int(shown.sum()), int(undated.sum())
    hidden_note = f" · {context_hidden:,} context events hidden" if context_hidden else ""
    what = (
        f"counts per {drawn.period} and lane: zoom in or narrow the filters to under "
        f"{overview.POINTS_UP_TO:,} events in view to see each one"
        if drawn.period
        else "click an event or a table row for its sources"
    )
    caption.caption(
        f"{shown_count:,} of {timeline.index.count:,} events shown{hidden_note} · {undated_count:,} without "
        f"a known year · {drawn.in_view:,} in view: {what}"
    )
    st.session_state["chart_ids"] = [e.id for e in drawn.events]
    _draw_chart(chart_slot, drawn.figure)
    listed = overview.first_events(timeline, shown, TABLE_ROWS)
    _panel(selected, drawn.events or listed, timeline)
    if undated_count:
        st.markdown(f"**Year unknown** ({undated_count:,}): dates the articles give without a year")
        first_undated = overview.first_events(timeline, undated, TABLE_ROWS)
        _table(first_undated, "undated_table", st.session_state.get("selected"), total=undated_count)
    st.subheader("Events shown", anchor=False)
    height = min(420, 38 + 35 * len(listed))
    _table(listed, "events_table", st.session_state.get("selected"), height=height, total=shown_count)
    if drawn.events:  # the events in view, a few thousand at most
        view_key = f"{timeline.key}|{zoom}"
        _downloads(timeline, filters, lane_mode, drawn.events, drawn.events, key=view_key)
    else:
        st.caption(
            f"Downloads: zoom in or narrow the filters to under {overview.POINTS_UP_TO:,} events in view."
        )
    _link(filters, lane_mode, selected, timeline.options, {})


def _draw_chart(chart_slot, fig: go.Figure) -> None:
    """The chart in its place, and the component that tells the server its zoom."""
    chart_slot.plotly_chart(
        fig,
        key="chart",
        on_select=_on_chart_select,
        selection_mode="points",
        config={"toImageButtonOptions": {"format": "png", "filename": "timeline", "scale": 2}},
    )
    _view_sync(key="view_sync", default=None, on_change=_on_view_sync, assumed=_drawn_for())
