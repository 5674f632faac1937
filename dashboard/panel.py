"""The source panel: where an event was read, passage by passage, with its time expression marked.

Everything taken from an article, a manifest or a file name goes through ``safe_text`` before it
reaches ``unsafe_allow_html``: it is shown as text, never run as HTML or read as Markdown, and the
only link is the article's own http(s) URL.
"""

from __future__ import annotations

import streamlit as st

from dashboard.chart import date_label, tone_colour
from dashboard.safe_text import html_text, http_url
from extract.model import Document, Event, Source
from extract.sentences import split

PANEL_CSS = """
<style>
.src-card {border-left: 4px solid #90a4ae; padding: 0.2rem 0.8rem; margin: 0.4rem 0 0.8rem 0;}
.src-head {font-size: 0.9rem; color: #455a64;}
.src-text {font-size: 1rem; line-height: 1.55;}
.src-context {color: #78909c;}
.src-text mark {background: #ffe082; padding: 0 0.15rem; border-radius: 0.2rem;}
h3.src-event {font-size: 1.25rem; line-height: 1.35; padding: 0.2rem 0;}
</style>
"""


def _esc(text: str | None) -> str:
    """One line of article text inside the panel's HTML."""
    return html_text(text)


def _esc_lines(text: str) -> str:
    """Article text whose line breaks are kept, as ``<br>``."""
    return html_text(text, lines=True)


def passage_html(source: Source) -> str:
    """The passage, escaped, with the time expression wrapped in ``<mark>``."""
    start = source.timex_start - source.passage_start
    end = source.timex_end - source.passage_start
    text = source.passage
    if not (0 <= start < end <= len(text)):
        return _esc_lines(text)
    return f"{_esc_lines(text[:start])}<mark>{_esc_lines(text[start:end])}</mark>{_esc_lines(text[end:])}"


def context(document: Document | None, source: Source) -> tuple[str, str]:
    """The sentence before and the sentence after the passage in its article ('' where none)."""
    if document is None or document.text[source.passage_start : source.passage_end] != source.passage:
        return "", ""
    sentences = split(document)
    before = [s.text for s in sentences if s.end <= source.passage_start]
    after = [s.text for s in sentences if s.start >= source.passage_end]
    return (before[-1] if before else ""), (after[0] if after else "")


def _link(url: str | None) -> str:
    """A link to the article's own page, only for an http(s) URL; nothing else ever becomes a link."""
    href = http_url(url)
    if href is None:
        return ""
    return f' · <a href="{href}" target="_blank" rel="noopener noreferrer">open article</a>'


def source_html(source: Source, document: Document | None) -> str:
    """One source as an HTML card built only from escaped text."""
    head = " · ".join(
        _esc(part)
        for part in (source.outlet or "unknown outlet", source.published or "date unknown", source.file)
    )
    before, after = context(document, source)
    body = passage_html(source)
    if before:
        body = f'<span class="src-context">{_esc_lines(before)}</span> {body}'
    if after:
        body = f'{body} <span class="src-context">{_esc_lines(after)}</span>'
    title = _esc(source.title or source.file)
    return (
        f'<div class="src-card"><div class="src-head"><b>{title}</b><br>{head}{_link(source.url)}</div>'
        f'<div class="src-text">{body}</div></div>'
    )


def render(event: Event, documents: dict[str, Document]) -> None:
    """The panel for one event: what it is, then every source that tells it."""
    st.markdown(PANEL_CSS, unsafe_allow_html=True)
    facts = " · ".join(
        _esc(part)
        for part in (date_label(event), event.category, ", ".join(event.actors) or "no actor named")
    )
    tone = f'<b style="color:{tone_colour(event.tone)}">{_esc(event.tone)}</b>'
    st.markdown(
        f'<h3 class="src-event">{_esc(event.title)}</h3>'
        f"<div>{facts} · {tone} (Goldstein {event.goldstein:+.1f})</div>",
        unsafe_allow_html=True,
    )
    st.caption(f"{len(event.sources)} source(s)")
    # The event's English gloss sits once beside the first passage in another language.
    glossed = (
        next((s for s in event.sources if s.language not in (None, "en")), None) if event.summary_en else None
    )
    for source in event.sources:
        card = source_html(source, documents.get(source.file))
        if source is glossed:
            left, right = st.columns([3, 2])
            left.markdown(card, unsafe_allow_html=True)
            right.markdown(f"<div><b>In English:</b> {_esc(event.summary_en)}</div>", unsafe_allow_html=True)
        else:
            st.markdown(card, unsafe_allow_html=True)
