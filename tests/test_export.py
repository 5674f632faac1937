"""Downloads of the events shown: CSV, JSON, TimelineJS, HTML, and PNG through kaleido, each
carrying the sources of its events."""

from __future__ import annotations

import csv
import io
import json
import struct

import pytest

from dashboard import chart, exports
from dashboard.sample import fixture_timeline
from extract.store import load


@pytest.fixture
def timeline():
    return fixture_timeline()


@pytest.fixture
def events(timeline):
    return timeline[1]


def _by_date(events, value):
    return next(e for e in events if e.date == value)


def _rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_has_a_bom_one_row_per_event_and_no_formulas(events):
    events[0].title = "=HYPERLINK(1)"
    data = exports.csv_bytes(events)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = _rows(data)
    assert len(rows) == len(events)
    assert rows[0]["title"] == "'=HYPERLINK(1)"


def test_csv_rows_carry_the_event_id_and_every_source(events):
    talks = _by_date(events, "2024-01-24")  # told by an English and a Vietnamese article
    (row,) = [r for r in _rows(exports.csv_bytes(events)) if r["id"] == talks.id]
    assert row["sources"] == "2"
    assert row["source_files"] == "en.txt | vi.txt"
    assert row["source_outlets"] == "Example News | Báo Mẫu"
    assert row["source_headlines"] == "US and Iraq <b>talks</b> | Mỹ và Iraq đàm phán"
    assert row["source_published"] == "2024-01-25 | 2024-01-25"
    assert row["source_urls"] == "https://example.org/talks | "
    assert "Ngày 24/1/2024" in row["passages"] and "24 January 2024" in row["passages"]


def test_csv_rows_tell_a_scheduled_event_from_one_that_happened(events):
    events[0].status = "scheduled"
    rows = _rows(exports.csv_bytes(events))
    assert [r["status"] for r in rows] == ["scheduled"] + ["happened"] * (len(events) - 1)


def test_json_export_opens_again_as_a_timeline_with_its_articles(timeline, tmp_path):
    documents, events = timeline
    shown = [e for e in events if e.date != "2020-01"]
    path = tmp_path / "timeline.json"
    path.write_bytes(exports.json_bytes(shown, {d.file: d for d in documents}))
    docs, loaded = load(path)
    assert [e.id for e in loaded] == [e.id for e in shown]
    assert loaded[0].sources[0].passage == shown[0].sources[0].passage
    assert sorted(d.file for d in docs) == ["en.txt", "vi.txt"]  # the cited articles, for the panel
    assert docs[0].text[loaded[0].sources[0].passage_start : loaded[0].sources[0].passage_end] == (
        loaded[0].sources[0].passage
    )


# The TimelineJS3 JSON format (timeline.knightlab.com/docs/json-format.html): what each object may hold.
_SLIDE_KEYS = {"start_date", "end_date", "text", "media", "group", "display_date", "background", "autolink"}
_SLIDE_KEYS |= {"unique_id"}
_DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"}


def _check_timelinejs_date(value: dict) -> None:
    assert set(value) <= _DATE_KEYS and isinstance(value["year"], int)
    assert 1 <= value.get("month", 1) <= 12 and 1 <= value.get("day", 1) <= 31
    assert all(isinstance(value[k], int) for k in value if k != "display_date")


def check_timelinejs(document: dict) -> None:
    """Fails unless ``document`` follows the TimelineJS3 JSON format."""
    assert set(document) <= {"events", "title", "eras", "scale"} and isinstance(document["events"], list)
    slides = [document["title"], *document["events"]] if "title" in document else document["events"]
    for slide in slides:
        assert set(slide) <= _SLIDE_KEYS, slide.keys()
        if slide is not document.get("title"):
            _check_timelinejs_date(slide["start_date"])
        if "end_date" in slide:
            _check_timelinejs_date(slide["end_date"])
        assert set(slide.get("text", {})) <= {"headline", "text"}
        assert all(isinstance(v, str) for v in slide.get("text", {}).values())
    ids = [s["unique_id"] for s in slides if "unique_id" in s]
    assert len(ids) == len(set(ids)) and all(i.replace("-", "").isalnum() for i in ids)


def test_timelinejs_follows_the_format_with_a_title_slide_links_and_lane_names(events):
    document = json.loads(exports.timelinejs_bytes(events))
    check_timelinejs(document)
    assert "US–Iraq relations" in document["title"]["text"]["headline"]
    assert "2020-01-01 to 2024-12-31" in document["title"]["text"]["text"]
    slides = {s["display_date"]: s for s in document["events"]}
    talks = slides["2024-01-24"]["text"]["text"]
    assert '<a href="https://example.org/talks"' in talks and "Báo Mẫu" in talks  # both sources
    assert {s["group"] for s in document["events"]} == {"Diplomacy", "Military", "Pressure & protest"}
    by_actors = json.loads(exports.timelinejs_bytes(events, "actors"))
    assert "Iraq – United States" in {s["group"] for s in by_actors["events"]}


def test_timelinejs_dates_say_only_what_is_known(events):
    slides = {s["display_date"]: s for s in exports.timelinejs(events)["events"]}
    assert "XXXX-01-03" not in slides  # no year, no place on a TimelineJS axis
    assert slides["2024-01-24"]["start_date"] == {"year": 2024, "month": 1, "day": 24}
    assert slides["2020-01"]["start_date"] == {"year": 2020, "month": 1}
    assert slides["2021/2024"]["start_date"] == {"year": 2021}
    assert slides["2021/2024"]["end_date"] == {"year": 2024}
    text = slides["2024-01-24"]["text"]
    assert text["headline"] == events[0].title
    assert "&lt;script&gt;" in text["text"] and "<script>" not in text["text"]


def test_html_page_is_standalone_with_a_title_and_the_sources_of_its_points(events):
    dated = [e for e in events if chart.is_dated(e)]
    page = exports.html_bytes(chart.build_figure(dated), dated, exports.provenance(dated)).decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script src=" not in page  # plotly.js inlined
    assert "<title>US–Iraq relations in the news (2020-01-01 to 2024-12-31)</title>" in page
    assert "<h1>US–Iraq relations in the news</h1>" in page and 'id="panel"' in page
    data = page.split('<script type="application/json" id="events">')[1].split("</script>")[0]
    panel = json.loads(data)
    assert [p["title"] for p in panel] == [e.title for e in dated]  # in the order of the points' customdata
    assert "<" not in data  # article text cannot end the script element
    assert (
        panel[dated.index(_by_date(dated, "2024-01-24"))]["sources"][0]["url"] == "https://example.org/talks"
    )


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_has_the_chosen_size_and_scale_and_no_buttons(chromium, events):
    dated = [e for e in events if chart.is_dated(e)]
    fig = exports.print_figure(chart.build_figure(dated), exports.provenance(dated), 900, 500)
    assert not fig.layout.xaxis.rangeselector.visible and not fig.layout.xaxis2.rangeslider.visible
    title = fig.layout.title.text
    assert "US–Iraq relations" in title and "2020-01-01 to 2024-12-31" in title
    assert "5 events from 2 article(s) (Báo Mẫu, Example News)" in fig.layout.annotations[-1].text
    exports.start_png_renderer()
    assert _png_size(exports.png_bytes(fig)) == (900, 500)
    assert _png_size(exports.png_bytes(fig, scale=2)) == (1800, 1000)


def test_the_picture_keeps_the_zoom_and_the_hidden_tones_of_the_view(events):
    dated = [e for e in events if chart.is_dated(e)]
    view = chart.build_figure(dated, x_range=("2021-01-01", "2022-06-30"), hidden=("conflict",))
    fig = exports.print_figure(view, exports.provenance(dated, ("2021-01-01", "2022-06-30")), 1200, 800)
    assert tuple(fig.layout.xaxis.range) == ("2021-01-01", "2022-06-30")
    assert "2021-01-01 to 2022-06-30" in fig.layout.title.text
    conflict = [t for t in fig.data if t.legendgroup == "conflict"]
    assert conflict and all(t.visible == "legendonly" for t in conflict)
    assert all(
        t.visible is not False and t.visible != "legendonly"
        for t in fig.data
        if t.legendgroup == "cooperation"
    )
