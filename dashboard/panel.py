"""The source panel: where an event was read, passage by passage, with its time expression marked.

Everything taken from an article, a manifest or a file name goes through ``safe_text`` before it
reaches ``unsafe_allow_html``: it is shown as text, never run as HTML or read as Markdown, and the
only link is the article's own http(s) URL.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

from dashboard.chart import date_label, tone_colour
from dashboard.safe_text import html_text, http_url
from extract.model import Document, Event, Source
from extract.sentences import split

Spans = Sequence[tuple[int, int]]  # offsets of the words a search found

PANEL_CSS = """
<style>
.src-card {border-left: 4px solid #90a4ae; padding: 0.2rem 0.8rem; margin: 0.4rem 0 0.8rem 0;}
.src-head {font-size: 0.9rem; color: #455a64;}
.src-text {font-size: 1rem; line-height: 1.55;}
.src-context {color: #78909c;}
.src-text mark {background: #ffe082; padding: 0 0.15rem; border-radius: 0.2rem;}
mark.hit {background: #b3e5fc; padding: 0 0.1rem; border-radius: 0.2rem;}
h3.src-event {font-size: 1.25rem; line-height: 1.35; padding: 0.2rem 0;}
</style>
"""


def _esc(text: str | None) -> str:
    """One line of article text inside the panel's HTML."""
    return html_text(text)


def _esc_lines(text: str) -> str:
    """Article text whose line breaks are kept, as ``<br>``."""
    return html_text(text, lines=True)


def passage_html(source: Source, hits: Spans = ()) -> str:
    """The passage, escaped, with the time expression wrapped in ``<mark>`` and the words a search
    found (``hits``, offsets in the passage) in ``<mark class="hit">``."""
    start = source.timex_start - source.passage_start
    end = source.timex_end - source.passage_start
    text = source.passage
    if not (0 <= start < end <= len(text)):
        return marked_html(text, hits, lines=True)
    return (
        f"{marked_html(text[:start], _shifted(hits, 0, start), lines=True)}"
        f"<mark>{marked_html(text[start:end], _shifted(hits, start, end), lines=True)}</mark>"
        f"{marked_html(text[end:], _shifted(hits, end, len(text)), lines=True)}"
    )


def marked_html(text: str, hits: Spans = (), *, lines: bool = False) -> str:
    """``text`` escaped, each span of ``hits`` in ``<mark class="hit">`` (overlaps joined)."""
    spans = _joined(hits, len(text))
    if not spans:
        return html_text(text, lines=lines)

    def piece(part: str) -> str:  # not stripped, as one_line would: the spaces around a mark stay
        escaped = html_text(part, lines=True)
        return escaped if lines else escaped.replace("<br>", " ")

    out, at = [], 0
    for start, end in spans:
        out.append(f'{piece(text[at:start])}<mark class="hit">{piece(text[start:end])}</mark>')
        at = end
    out.append(piece(text[at:]))
    return "".join(out)


def _joined(spans: Spans, size: int) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for start, end in sorted((max(0, a), min(size, b)) for a, b in spans):
        if start >= end:
            continue
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _shifted(spans: Spans, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``spans`` inside [start, end), counted from ``start``."""
    return [(max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start]


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


def source_html(source: Source, document: Document | None, hits: Spans = ()) -> str:
    """One source as an HTML card built only from escaped text."""
    head = " · ".join(
        _esc(part)
        for part in (source.outlet or "unknown outlet", source.published or "date unknown", source.file)
    )
    before, after = context(document, source)
    body = passage_html(source, hits)
    if before:
        body = f'<span class="src-context">{_esc_lines(before)}</span> {body}'
    if after:
        body = f'{body} <span class="src-context">{_esc_lines(after)}</span>'
    title = _esc(source.title or source.file)
    return (
        f'<div class="src-card"><div class="src-head"><b>{title}</b><br>{head}{_link(source.url)}</div>'
        f'<div class="src-text">{body}</div></div>'
    )


def render(event: Event, documents: dict[str, Document], marks: Mapping[str, Spans] | None = None) -> None:
    """The panel for one event: what it is, then every source that tells it; ``marks`` are the
    words a search found, by field ("title", "passage:<index of the source>")."""
    marks = marks or {}
    st.markdown(PANEL_CSS, unsafe_allow_html=True)
    facts = " · ".join(
        _esc(part)
        for part in (date_label(event), event.category, ", ".join(event.actors) or "no actor named")
    )
    tone = f'<b style="color:{tone_colour(event.tone)}">{_esc(event.tone)}</b>'
    st.markdown(
        f'<h3 class="src-event">{marked_html(event.title, marks.get("title", ()))}</h3>'
        f"<div>{facts} · {tone} (Goldstein {event.goldstein:+.1f})</div>",
        unsafe_allow_html=True,
    )
    st.caption(f"{len(event.sources)} source(s)")
    # The event's English gloss sits once beside the first passage in another language.
    glossed = (
        next((s for s in event.sources if s.language not in (None, "en")), None) if event.summary_en else None
    )
    for index, source in enumerate(event.sources):
        card = source_html(source, documents.get(source.file), marks.get(f"passage:{index}", ()))
        if source is glossed:
            left, right = st.columns([3, 2])
            left.markdown(card, unsafe_allow_html=True)
            right.markdown(f"<div><b>In English:</b> {_esc(event.summary_en)}</div>", unsafe_allow_html=True)
        else:
            st.markdown(card, unsafe_allow_html=True)
