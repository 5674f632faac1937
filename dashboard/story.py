"""Story mode, as TimelineJS tells a timeline: a title slide on the collection, then one slide per key
date in time order (headline, summary, the passage highlighted in its article, the source link),
with previous/next buttons, the left and right arrow keys, and the slide in the URL
(``?view=story&slide=3``: slide 0 is the title, slide n the n-th key date in time order).

Every text from the articles goes through ``safe_text`` before it reaches ``unsafe_allow_html``.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard import exports, keydates_view
from dashboard.keydates_data import KeyDate, KeyDates, Passage, collection, day_label
from dashboard.safe_text import html_text, http_url
from extract.model import Document, Event
from extract.sentences import split

STORY_CSS = """
<style>
.story-slide {max-width: 52rem; margin: 0.5rem auto 1rem auto; padding: 1.2rem 1.4rem;
  border-top: 4px solid #f9a825; background: #fffdf5; border-radius: 0.3rem;}
.story-date {font-size: 1rem; font-weight: 600; color: #8d6e00; letter-spacing: 0.02em;}
h2.story-headline {font-size: 1.6rem; line-height: 1.3; margin: 0.3rem 0 0.7rem 0; padding: 0;}
.story-summary {font-size: 1.1rem; line-height: 1.6;}
.story-passage {font-size: 0.98rem; line-height: 1.6; border-left: 4px solid #90a4ae;
  padding: 0.3rem 0.8rem; margin: 0.9rem 0 0.3rem 0;}
.story-passage mark {background: #ffe082; padding: 0 0.15rem; border-radius: 0.2rem;}
.story-context {color: #78909c;}
.story-source {font-size: 0.9rem; color: #455a64;}
.story-list {font-size: 0.95rem; line-height: 1.6;}
.story-count {text-align: center; color: #455a64; padding-top: 0.4rem;}
@media (max-width: 640px) {
  .story-slide {padding: 0.8rem 0.8rem;} h2.story-headline {font-size: 1.3rem;}
  .story-summary {font-size: 1rem;}
}
</style>
"""
SLIDE_KEY = keydates_view.SLIDE_KEY


def _context(document: Document, first: Passage, last: Passage) -> tuple[str, str, list[str]]:
    """The sentence before ``first``, the one after ``last``, and the sentences between them."""
    sentences = split(document)
    before = [s.text for s in sentences if s.end <= first.start]
    after = [s.text for s in sentences if s.start >= last.end]
    between = [s.text for s in sentences if first.end <= s.start and s.end <= last.start]
    return (before[-1] if before else ""), (after[0] if after else ""), between


def _source_line(passage: Passage) -> str:
    name = html_text(passage.title or passage.file)
    facts = " · ".join(
        html_text(p) for p in (passage.outlet or "unknown outlet", passage.published or "date unknown")
    )
    href = http_url(passage.url)
    link = (
        f' · <a class="story-link" href="{href}" target="_blank" rel="noopener noreferrer">open article</a>'
        if href
        else " · no link to the article"
    )
    return f'<div class="story-source"><b>{name}</b> · {facts}{link}</div>'


def _marked(passage: Passage) -> str:
    return f"<mark>{html_text(passage.text, lines=True)}</mark>"


def _quiet(text: str) -> str:
    return f'<span class="story-context">{html_text(text, lines=True)}</span>' if text.strip() else ""


def passage_html(passages: list[Passage], document: Document | None) -> str:
    """One article's summary sentences marked among the sentences around them, and its source: two
    sentences of one article read as one passage, with what lies between them (a sentence at most)."""
    ordered = sorted(passages, key=lambda p: p.start)
    exact = document is not None and all(document.text[p.start : p.end] == p.text for p in ordered)
    if not exact or any(a.end > b.start for a, b in zip(ordered, ordered[1:], strict=False)):
        body = " … ".join(_marked(p) for p in ordered)  # offsets that do not fit: no context
    else:
        before, after, _ = _context(document, ordered[0], ordered[-1])
        parts = [_quiet(before), _marked(ordered[0])]
        for previous, passage in zip(ordered, ordered[1:], strict=False):
            _, _, between = _context(document, previous, passage)
            parts.append(_quiet(" ".join(between)) if len(between) <= 1 else "…")
            parts.append(_marked(passage))
        parts.append(_quiet(after))
        body = " ".join(part for part in parts if part)
    return f'<div class="story-passage">{body}</div>{_source_line(ordered[0])}'


def slide_html(kd: KeyDate, documents: dict[str, Document]) -> str:
    """A key date's slide: date, headline, summary, then its sentences marked in their articles."""
    by_file: dict[str, list[Passage]] = {}
    for passage in kd.passages:
        by_file.setdefault(passage.file, []).append(passage)
    passages = "".join(passage_html(group, documents.get(file)) for file, group in by_file.items())
    more = len(kd.sources) - len(by_file)
    others = f'<div class="story-source">{more} more article(s) tell this day.</div>' if more > 0 else ""
    return (
        f'<div class="story-slide"><div class="story-date">{html_text(day_label(kd.date))}</div>'
        f'<h2 class="story-headline">{html_text(kd.title)}</h2>'
        f'<div class="story-summary">{html_text(kd.summary)}</div>{passages}{others}</div>'
    )


def title_html(slides: list[KeyDate], documents: list[Document]) -> str:
    """The title slide: what the collection holds, the span of the key dates, and their list."""
    about = exports.collection_text(collection(documents), len(slides))
    span = (
        f"From {day_label(slides[0].date)} to {day_label(slides[-1].date)}."
        if slides
        else "No key date was found."
    )
    items = "".join(f"<li>{html_text(day_label(kd.date))}: {html_text(kd.title)}</li>" for kd in slides)
    return (
        '<div class="story-slide"><div class="story-date">Key dates</div>'
        f'<h2 class="story-headline">{html_text(exports.APP_TITLE)}</h2>'
        f'<div class="story-summary">{html_text(about)}. {html_text(span)} '
        "Press → or Next to begin.</div>"
        f'<ol class="story-list">{items}</ol></div>'
    )


def _go(slide: int) -> None:
    st.session_state[SLIDE_KEY] = slide


def _current(count: int) -> int:
    """The slide shown: the session's, else the link's (once), kept within 0..count."""
    if SLIDE_KEY not in st.session_state:
        st.session_state[SLIDE_KEY] = st.session_state.pop("kd_link_slide", 0)
    slide = st.session_state[SLIDE_KEY]
    if not 0 <= slide <= count:
        st.warning(f"This link's slide {slide} is past the last key date ({count}): the last one is shown.")
        slide = st.session_state[SLIDE_KEY] = count
    return slide


def _show_on_timeline(event_id: str, select: Callable[[str | None], None]) -> None:
    select(event_id)
    st.session_state[keydates_view.MODE_KEY] = "keydates"


def _nav(slide: int, count: int) -> None:
    """Previous / where we are / next, on one row (a phone's too); the arrow keys press the buttons."""
    with st.container(
        horizontal=True, horizontal_alignment="center", vertical_alignment="center", key="story_nav"
    ):
        st.button(
            "◀ Previous",
            key="story_previous",
            on_click=_go,
            args=(slide - 1,),
            disabled=slide == 0,
            shortcut="Left",
        )
        where = "Title" if slide == 0 else f"Key date {slide} of {count}"
        st.markdown(f'<div class="story-count">{where}</div>', unsafe_allow_html=True)
        st.button(
            "Next ▶",
            key="story_next",
            on_click=_go,
            args=(slide + 1,),
            disabled=slide >= count,
            shortcut="Right",
        )


def render(
    found: KeyDates | str,
    by_file: dict[str, Document],
    by_id: dict[str, Event],
    select: Callable[[str | None], None],
) -> None:
    """The story page in place of the chart; it writes the view (and slide) in the URL."""
    if isinstance(found, str):
        st.info(found)
        st.query_params.from_dict(keydates_view.query("story", found))
        return
    keydates_view.link_notes()
    slides = found.story(keydates_view.chosen_k(found))
    slide = _current(len(slides))
    st.markdown(STORY_CSS, unsafe_allow_html=True)
    _nav(slide, len(slides))
    if slide == 0:
        st.markdown(title_html(slides, list(by_file.values())), unsafe_allow_html=True)
    else:
        kd = slides[slide - 1]
        st.markdown(slide_html(kd, by_file), unsafe_allow_html=True)
        st.button(
            "Show on the timeline",
            key="story_timeline",
            on_click=_show_on_timeline,
            args=(kd.event_id, select),
            disabled=kd.event_id not in by_id,
            help="The Key dates view, with this day's event and its sources opened",
        )
    st.query_params.from_dict(keydates_view.query("story", found))
