"""The Key dates view and story mode: reading keydates.json, cards, slider, slides, exports, escaping."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import chart, exports, story
from dashboard.keydates_data import (
    Article,
    Collection,
    KeyDate,
    Passage,
    collection,
    day_label,
    path_beside,
    problem,
    read,
)
from dashboard.keydates_view import card_html
from dashboard.sample import generated_timeline
from extract.keydates import write_key_dates
from extract.model import Document, Event, Metadata
from extract.store import save

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
K = 8


def keydates_timeline() -> tuple[list[Document], list[Event]]:
    """Thirty generated articles with outlets and links, most telling an event of a known day."""
    documents, events = generated_timeline(30, seed=7)

    def url(file: str) -> str:
        return f"https://example.org/news/{file.removeprefix('gen/').removesuffix('.txt')}"

    def outlet(file: str) -> str:
        return f"Outlet {int(file[4:9]) % 3}"

    documents = [
        dataclasses.replace(d, meta=dataclasses.replace(d.meta, url=url(d.file), outlet=outlet(d.file)))
        for d in documents
    ]
    for event in events:
        event.sources = [
            dataclasses.replace(s, url=url(s.file), outlet=outlet(s.file)) for s in event.sources
        ]
    return documents, events


def write_timeline(folder: Path, k: int | None = K) -> tuple[list[Document], list[Event]]:
    """events.json and, unless ``k`` is None, keydates.json ranked by the extractor."""
    documents, events = keydates_timeline()
    save(folder, documents, events)
    if k is not None:
        write_key_dates(folder, documents, events, k)
    return documents, events


@pytest.fixture
def data(tmp_path, monkeypatch):
    write_timeline(tmp_path)
    monkeypatch.setenv("TIMELINE_DATA", str(tmp_path))
    return tmp_path


def _app(view: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["view"] = view
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def _cards(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown if 'class="kd-card"' in m.value]


def _slide(at: AppTest) -> str:
    """The slide's text (its HTML with the escapes undone)."""
    return html.unescape(next(m.value for m in at.markdown if 'class="story-slide"' in m.value))


def _count(at: AppTest) -> str:
    return next(m.value for m in at.markdown if 'class="story-count"' in m.value)


def _figure(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


# --- reading keydates.json ---


def test_the_extractors_file_reads_best_first_and_the_story_is_in_time_order(tmp_path):
    write_timeline(tmp_path)
    found = read(path_beside(tmp_path / "events.json"))
    assert found.default_k == K == len(found.dates) and found.articles == 30
    assert [kd.rank for kd in found.dates] == list(range(1, K + 1))
    assert [kd.score for kd in found.top(3)] == sorted((kd.score for kd in found.top(3)), reverse=True)
    story_days = [kd.date for kd in found.story(5)]
    assert story_days == sorted(kd.date for kd in found.top(5))
    first = found.dates[0]
    assert first.passages and first.summary.startswith(first.passages[0].text.split()[0])


def test_each_summary_passage_is_its_articles_text_at_its_offsets(tmp_path):
    documents, _ = write_timeline(tmp_path)
    by_file = {d.file: d for d in documents}
    for kd in read(tmp_path / "keydates.json").dates:
        for p in kd.passages:
            assert by_file[p.file].text[p.start : p.end] == p.text


def test_a_missing_file_says_which_command_makes_it(tmp_path):
    message = problem(tmp_path / "keydates.json", FileNotFoundError(), default=False)
    assert "`python -m extract keydates OUT_DIR`" in message and "missing" in message
    assert "`python -m extract keydates data`" in problem(
        tmp_path / "keydates.json", ValueError(), default=True
    )


def test_the_collection_counts_articles_outlets_and_publication_dates():
    documents, _ = keydates_timeline()
    documents[0] = dataclasses.replace(
        documents[0], meta=dataclasses.replace(documents[0].meta, published="2011-02")
    )
    documents[1] = dataclasses.replace(
        documents[1], meta=dataclasses.replace(documents[1].meta, published="2011-03-05")
    )
    about = collection(documents)
    assert about == Collection(30, ("Outlet 0", "Outlet 1", "Outlet 2"), "2011-02", "2011-03-05")
    assert exports.collection_text(about, 4) == (
        "4 key date(s) from 30 article(s) by 3 outlet(s), published 2011-02 to 2011-03-05"
    )
    assert day_label("2011-03-05") == "5 March 2011"


# --- what the views show, escaped ---

_HOSTILE = KeyDate(
    rank=1,
    date="2011-03-19",
    score=1.0,
    title="<script>alert('t')</script> strikes **begin**",
    summary="Jets struck <img src=x onerror=alert(1)> [a](javascript:alert(2)) on 19 March.",
    event_id="e1",
    event_ids=("e1",),
    passages=(
        Passage(
            "a.txt",
            10,
            40,
            "Jets struck <b>targets</b> on 19 March.",
            "<i>Head</i>",
            "Wire",
            "javascript:alert(3)",
        ),
    ),
    sources=(Article("a.txt", "<i>Head</i>", "Wire", "javascript:alert(3)", "2011-03-20"),),
)


@pytest.mark.parametrize("render", [card_html, lambda kd: story.slide_html(kd, {})])
def test_article_text_in_cards_and_slides_stays_text(render):
    shown = render(_HOSTILE)
    for raw in ("<script", "<img", "<b>targets", "<i>Head", "javascript:", "**begin**", "](", "href"):
        assert raw not in shown
    assert "&#60;script&#62;" in shown and "19 March 2011" in shown


def test_a_slide_marks_its_passage_among_the_sentences_around_it(tmp_path):
    documents, _ = write_timeline(tmp_path)
    kd = read(tmp_path / "keydates.json").dates[0]
    passage = kd.passages[0]
    shown = story.slide_html(kd, {d.file: d for d in documents})
    assert "<mark>" in shown and 'class="story-context"' in shown  # the next sentence of the article
    assert f'href="{passage.url}"' in shown and 'class="story-link"' in shown


# --- the chart ---


def test_key_days_are_dotted_lines_with_a_star_and_keep_the_selection_ring():
    documents, events = keydates_timeline()
    dated = [e for e in events if chart.is_dated(e)]
    fig = chart.build_figure(dated, key_days=("2010-01-02", "2012-05-06"), selected=dated[0].id)
    lines = [s for s in fig.layout.shapes if s.name == "key date"]
    assert [line.x0 for line in lines] == ["2010-01-02", "2012-05-06"]
    assert [s.name for s in fig.layout.shapes].count("selected") == 1
    assert [a.x for a in fig.layout.annotations if a.text == "★"] == ["2010-01-02", "2012-05-06"]
    assert not [s for s in chart.build_figure(dated).layout.shapes or () if s.name == "key date"]


# --- exports ---


def test_the_key_date_csv_has_a_row_per_date_with_offsets_and_neutralised_formulas(tmp_path):
    write_timeline(tmp_path)
    found = read(tmp_path / "keydates.json")
    formula = dataclasses.replace(found.dates[0], title='=HYPERLINK("http://x")')
    data = exports.keydates_csv_bytes([formula, *found.top(K)[1:]])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == K and rows[0]["title"].startswith("'=")
    p = found.dates[1].passages[0]
    assert f"{p.file}[{p.start}:{p.end}]" in rows[1]["passages"]
    assert rows[1]["source_urls"].startswith("https://example.org/news/")


def test_timelinejs_has_a_title_slide_on_the_collection_and_linked_slides_in_time_order(tmp_path):
    documents, _ = write_timeline(tmp_path)
    found = read(tmp_path / "keydates.json")
    made = exports.keydates_timelinejs([_HOSTILE, *found.top(4)], collection(documents))
    assert made["title"]["text"]["text"].startswith("5 key date(s) from 30 article(s) by 3 outlet(s)")
    days = [slide["display_date"] for slide in made["events"]]
    assert days == sorted(days) and len(days) == 5
    hostile = next(s for s in made["events"] if s["display_date"] == "2011-03-19")
    assert hostile["start_date"] == {"year": 2011, "month": 3, "day": 19}
    shown = json.dumps(hostile)
    assert "<script" not in shown and "<img" not in shown and "href" not in shown  # text, and no link
    other = next(s for s in made["events"] if s["display_date"] != "2011-03-19")
    assert '<a href="https://example.org/news/' in other["text"]["text"]


# --- the app (AppTest) ---


def test_the_key_dates_view_shows_a_card_per_date_and_marks_them_on_the_chart(data):
    at = _app("keydates")
    assert not at.exception
    found = read(data / "keydates.json")
    cards = _cards(at)
    assert len(cards) == K
    days = [day_label(kd.date) for kd in found.story(K)]
    assert [next(d for d in days if d in card) for card in cards] == days  # in time order
    assert all("https://example.org/news/" in card for card in cards)
    shapes = [s for s in _figure(at)["layout"]["shapes"] if s.get("name") == "key date"]
    assert sorted(s["x0"] for s in shapes) == sorted(kd.date for kd in found.dates)
    assert {b.label for b in at.get("download_button")} >= {"Key dates CSV", "Key dates TimelineJS"}


def test_the_slider_sets_how_many_dates_are_shown_and_the_link_keeps_it(data):
    at = _app("keydates")
    slider = at.slider(key="kd_k")
    assert slider.value == K and slider.max == K
    slider.set_value(3).run()
    found = read(data / "keydates.json")
    assert len(_cards(at)) == 3
    shapes = [s for s in _figure(at)["layout"]["shapes"] if s.get("name") == "key date"]
    assert sorted(s["x0"] for s in shapes) == sorted(kd.date for kd in found.top(3))
    assert at.query_params["view"] == "keydates" and at.query_params["k"] == "3"
    again = _app("keydates", k="3")  # a shared link opens with the same K
    assert again.slider(key="kd_k").value == 3 and len(_cards(again)) == 3


def test_open_sources_on_a_card_opens_the_source_panel(data):
    at = _app("keydates")
    found = read(data / "keydates.json")
    first = found.story(K)[0]
    at.button(key=f"kd_open_{first.rank}").click().run()
    assert at.session_state["selected"] == first.event_id
    assert any('class="src-event"' in m.value and "event" in m.value for m in at.markdown)
    assert at.query_params["event"] == first.event_id


@pytest.mark.parametrize("view", ["keydates", "story"])
def test_without_keydates_json_the_view_says_how_to_make_it(tmp_path, monkeypatch, view):
    write_timeline(tmp_path, k=None)
    monkeypatch.setenv("TIMELINE_DATA", str(tmp_path))
    at = _app(view)
    assert not at.exception
    (info,) = [i.value for i in at.info if "keydates" in i.value]
    assert "python -m extract keydates OUT_DIR" in info and "missing" in info
    assert _app("timeline").get("plotly_chart")  # the timeline itself is untouched


def test_a_story_link_opens_its_slide_and_next_moves_on(data):
    found = read(data / "keydates.json")
    slides = found.story(K)
    at = _app("story", slide="3")
    assert not at.exception
    assert f"Key date 3 of {K}" in _count(at) and day_label(slides[2].date) in _slide(at)
    at.button(key="story_next").click().run()
    assert f"Key date 4 of {K}" in _count(at) and day_label(slides[3].date) in _slide(at)
    assert at.query_params["slide"] == "4" and at.query_params["view"] == "story"
    at.button(key="story_previous").click().run().button(key="story_previous").click().run()
    assert at.query_params["slide"] == "2"


def test_the_title_slide_tells_the_collection_and_lists_the_dates(data):
    at = _app("story")
    assert "Title" in _count(at) and at.button(key="story_previous").disabled
    title = _slide(at)
    assert f"{K} key date(s) from 30 article(s) by 3 outlet(s)" in title
    assert title.count("<li>") == K


def test_a_slide_past_the_end_shows_the_last_and_says_so(data):
    at = _app("story", slide="99")
    assert f"Key date {K} of {K}" in _count(at) and at.button(key="story_next").disabled
    assert any("past the last key date" in w.value for w in at.warning)


def test_show_on_the_timeline_opens_the_key_dates_view_with_the_event_selected(data):
    found = read(data / "keydates.json")
    at = _app("story", slide="1")
    at.button(key="story_timeline").click().run()
    assert at.query_params["view"] == "keydates" and "slide" not in at.query_params
    assert at.session_state["selected"] == found.story(K)[0].event_id and len(_cards(at)) == K


def test_two_sentences_of_one_article_read_as_one_passage_in_its_context():
    text = "Talks began. Troops left on 1 May. The base closed that day. Aid resumed. Later news.\n"
    document = Document("a.txt", text, Metadata(title="A"), ((0, len(text)),), len(text))

    def sentence(words: str) -> Passage:
        start = text.index(words)
        return Passage("a.txt", start, start + len(words), words, "A", "Wire", None, "2011-05-02")

    first, second = sentence("Troops left on 1 May."), sentence("Aid resumed.")
    shown = story.passage_html([second, first], document)
    assert shown.count('class="story-passage"') == 1 and shown.count("<mark>") == 2
    assert html.unescape(re.sub("<[^>]+>", "", shown)).startswith(
        "Talks began. Troops left on 1 May. The base closed that day. Aid resumed. Later news."
    )
    assert "no link to the article" in shown
    moved = dataclasses.replace(first, start=first.start + 1)  # offsets that no longer fit the text
    assert 'class="story-context"' not in story.passage_html([moved], document)


def test_a_slide_that_is_no_number_is_ignored_and_said_as_text(data):
    at = _app("story", slide="**3**](javascript:x)")
    assert not at.exception and "Title" in _count(at)
    (note,) = [w.value for w in at.warning if "not a number" in w.value]
    assert note.startswith("` slide=**3**](javascript:x) `")  # a code span: shown as written
