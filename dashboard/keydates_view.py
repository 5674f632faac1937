"""The "Key dates" view: the top K dates marked on the chart, K from a slider, a card for each with
its extractive summary and sources, and the key-date downloads; plus the view's state in the URL
(``view``, ``k``; the story adds ``slide``).

The key dates are read from ``keydates.json`` (``extract/keydates.py`` ranks them); nothing is
ranked here. Every text from the articles is escaped (``safe_text``) before it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from dashboard import exports
from dashboard.keydates_data import KeyDate, KeyDates, collection, day_label, path_beside, problem, read
from dashboard.safe_text import html_text, http_url, markdown_code
from extract.model import Document, Event

MODES = {"timeline": "Timeline", "keydates": "Key dates", "story": "Story"}
CARDS_HEIGHT = 560  # px: the cards scroll inside a box, so the source panel stays close under them
CARD_CSS = """
<style>
.kd-head {font-size: 0.85rem; color: #6d4c00;}
.kd-title {font-size: 1.05rem; font-weight: 600; line-height: 1.35; margin: 0.15rem 0 0.3rem 0;}
.kd-summary {font-size: 0.95rem; line-height: 1.5;}
.kd-source {font-size: 0.85rem; color: #455a64; margin-top: 0.3rem;}
</style>
"""
# Session state: the chosen view, K (the slider, kept while the view is not shown) and the slide.
MODE_KEY, K_KEY, SLIDE_KEY = "kd_mode", "kd_k", "kd_slide"


def start() -> None:
    """Once per session: the view, K and the story's slide come from the link when it names them."""
    if "kd_started" in st.session_state:
        return
    params = st.query_params
    view = params.get("view", "timeline")
    st.session_state[MODE_KEY] = view if view in MODES else "timeline"
    notes = []
    for name, key in (("k", "kd_link_k"), ("slide", "kd_link_slide")):
        value = params.get(name)
        if value is not None and value.isdigit():
            st.session_state[key] = int(value)
        elif value is not None:  # the link's text, shown as code: never Markdown or a link
            notes.append(f"{markdown_code(f'{name}={value}')} in this link is not a number: ignored.")
    st.session_state["kd_link_notes"] = notes
    st.session_state["kd_started"] = True


def link_notes() -> None:
    """What the link asked for and could not get, said once."""
    for note in st.session_state.pop("kd_link_notes", []):
        st.warning(note)


def mode_picker() -> str:
    """The views, side by side under the title; returns the one chosen."""
    start()
    st.segmented_control(
        "View", list(MODES), format_func=MODES.get, key=MODE_KEY, required=True, label_visibility="collapsed"
    )
    return st.session_state.get(MODE_KEY) or "timeline"


@st.cache_resource(show_spinner=False, max_entries=2)
def _read(path: str, mtime: float) -> KeyDates:
    return read(Path(path))  # shared, never modified; read again when the file changes


def load(events_path: Path, *, default: bool) -> KeyDates | str:
    """The key dates beside ``events_path``, or what to tell the visitor (Markdown) when there are none."""
    path = path_beside(events_path)
    try:
        return _read(str(path), path.stat().st_mtime)
    except Exception as error:  # missing (an older folder), damaged: a message, not a traceback
        return problem(path, error, default=default)


def chosen_k(found: KeyDates) -> int:
    """K: the slider's value, else the link's, else the extractor's choice; within 1..the dates ranked."""
    given = st.session_state.get(K_KEY) or st.session_state.get("kd_link_k") or found.default_k
    return min(max(1, int(given)), max(1, len(found.dates)))


def highlighted_days(found: KeyDates | str | None) -> tuple[str, ...]:
    """The days to mark on the chart (time order), none when there are no key dates."""
    if not isinstance(found, KeyDates):
        return ()
    return tuple(sorted(kd.date for kd in found.top(chosen_k(found))))


def query(mode: str, found: KeyDates | str | None) -> dict[str, str]:
    """The view's query parameters (the defaults left out so links stay short)."""
    if mode not in MODES or mode == "timeline":
        return {}
    params = {"view": mode}
    if isinstance(found, KeyDates) and (k := chosen_k(found)) != found.default_k:
        params["k"] = str(k)
    if mode == "story" and (slide := st.session_state.get(SLIDE_KEY)):
        params["slide"] = str(slide)
    return params


def _slider(found: KeyDates) -> None:
    if len(found.dates) < 2:  # a slider needs two values
        return
    st.session_state[K_KEY] = chosen_k(found)  # within range when the file now holds fewer dates
    st.slider(
        "Key dates shown (K)",
        1,
        len(found.dates),
        key=K_KEY,
        persist_state="session",
        help=f"The extractor chose {found.default_k} for {found.articles} articles; "
        "the dates are those scored best across the whole collection.",
    )


def _link(url: str | None, label: str) -> str:
    """A link to an article's own page, only for an http(s) URL; its label is escaped text."""
    href = http_url(url)
    return (
        f'<a href="{href}" target="_blank" rel="noopener noreferrer">{html_text(label)}</a>' if href else ""
    )


def card_html(kd: KeyDate) -> str:
    """A key date's card: rank, date, headline, summary, and the articles its summary comes from."""
    articles = f"{len(kd.sources)} article(s)"
    head = f"★ #{kd.rank} · {html_text(day_label(kd.date))} · score {kd.score:.2f} · {articles}"
    cited = dict.fromkeys((p.file, p.title, p.outlet, p.published, p.url) for p in kd.passages)
    sources = []
    for file, title, outlet, published, url in cited:
        parts = " · ".join(html_text(p) for p in (outlet or "unknown outlet", published or "date unknown"))
        name = title or file
        sources.append(f"{_link(url, name) or html_text(name)} · {parts}")
    return (
        f'<div class="kd-card"><div class="kd-head">{head}</div>'
        f'<div class="kd-title">{html_text(kd.title)}</div>'
        f'<div class="kd-summary">{html_text(kd.summary)}</div>'
        f'<div class="kd-source">From: {"<br>".join(sources) or "no passage"}</div></div>'
    )


def _card(kd: KeyDate, by_id: dict[str, Event], select: Callable[[str | None], None]) -> None:
    with st.container(border=True, key=f"kd_card_{kd.rank}"):
        st.markdown(card_html(kd), unsafe_allow_html=True)
        known = kd.event_id in by_id
        st.button(
            "Open sources",
            key=f"kd_open_{kd.rank}",
            on_click=select,
            args=(kd.event_id,),
            disabled=not known,
            help="Show the day's event and every passage that tells it in the source panel below"
            if known
            else "This event is not in the timeline loaded (keydates.json is older than events.json)",
        )


def _downloads(shown: list[KeyDate], documents: list[Document]) -> None:
    about = collection(documents)
    row = st.container(horizontal=True, key="kd_downloads")  # side by side, on a phone too
    row.download_button(
        "Key dates CSV",
        exports.keydates_csv_bytes(shown),
        "keydates.csv",
        "text/csv",
        key="kd_dl_csv",
        on_click="ignore",
    )
    row.download_button(
        "Key dates TimelineJS",
        exports.keydates_timelinejs_bytes(shown, about),
        "keydates-timelinejs.json",
        "application/json",
        key="kd_dl_timelinejs",
        on_click="ignore",
    )


def section(
    found: KeyDates | str,
    by_id: dict[str, Event],
    documents: list[Document],
    select: Callable[[str | None], None],
) -> None:
    """The key-date section under the chart: slider, downloads and one card per date, in time order."""
    st.subheader("Key dates", anchor=False)
    link_notes()
    if isinstance(found, str):
        st.info(found)
        return
    if not found.dates:
        st.info("The extractor found no key date in this collection (no day told by a dated report).")
        return
    _slider(found)
    k = chosen_k(found)
    st.caption(
        f"The {k} best-scored of {len(found.dates)} dates ranked across the whole collection (the "
        "filters do not change them), marked ★ on the chart, in time order. Each summary is sentences "
        "taken from the articles; Open sources shows them in context."
    )
    _downloads(found.top(k), documents)
    st.markdown(CARD_CSS, unsafe_allow_html=True)
    with st.container(height=CARDS_HEIGHT, key="kd_cards"):
        for kd in found.story(k):
            _card(kd, by_id, select)
