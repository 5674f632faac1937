"""Curation in the dashboard through AppTest: every decision kind from the editor, undo from the
log, the review filter, the workspace search with its highlights, exports and the read-only
fallback."""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import orjson
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest
from workspace_timeline import timeline

from dashboard import curation
from dashboard.curation_ui import import_file
from dashboard.panel import marked_html, passage_html
from extract.store import save
from extract.workspace import Workspace
from extract.workspace import curation as state_of

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    save(tmp_path, *timeline())
    monkeypatch.setenv("TIMELINE_DATA", str(tmp_path))
    monkeypatch.delenv("TIMELINE_WORKSPACE", raising=False)
    return tmp_path


@pytest.fixture
def app(data) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    at.text_input(key="author").set_value("Lan")
    return at


def _open(at: AppTest, event_id: str) -> AppTest:
    at.session_state["selected"] = event_id
    return at.run()


def _titles(at: AppTest) -> list[str]:
    return list(next(d for d in at.dataframe if d.key == "events_table").value["title"])


def _saved(data: Path) -> Workspace:
    return Workspace(data / "workspace.sqlite")


def _event(data: Path, event_id: str):
    with _saved(data) as ws:
        return ws.event(event_id)


def _notices(at: AppTest) -> str:
    return "\n".join(html.unescape(m.value) for m in at.markdown)


def test_the_workspace_is_made_beside_the_data_file_and_shows_the_same_timeline(data):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert (data / "workspace.sqlite").is_file()
    assert sorted(_titles(at)) == sorted(e.title for e in timeline()[1])


def test_an_edit_of_every_field_shows_at_once_and_marks_the_event_reviewed(app, data):
    _open(app, "attack")
    app.text_input(key="ed_title").set_value("Căn cứ Ain al-Asad bị tấn công")
    app.text_input(key="ed_date").set_value("2024-01-22")
    app.text_input(key="ed_actors").set_value("Iraq, Kataib Hezbollah")
    app.selectbox(key="ed_category").set_value("attack-on-us")
    app.selectbox(key="ed_status").set_value("scheduled")
    app.number_input(key="ed_relevance").set_value(0.8)
    _submit(app)
    assert not app.exception
    assert "Căn cứ Ain al-Asad bị tấn công" in _titles(app)
    table = next(d for d in app.dataframe if d.key == "events_table").value
    row = table[table["title"] == "Căn cứ Ain al-Asad bị tấn công"].iloc[0]
    assert row["date"] == "2024-01-22 · scheduled" and row["actors"] == "Iraq, Kataib Hezbollah"
    assert row["category"] == "attack-on-us" and row["relevance"] == 0.8
    event = _event(data, "attack")
    assert event.precision == "day" and state_of(event)["reviewed"] and state_of(event)["edited"]
    assert "Saved: #1" in _notices(app)


def _hover_texts(at: AppTest) -> list[str]:
    """The hover text of every event marker of the chart the page drew."""
    spec = json.loads(at.get("plotly_chart")[-1].proto.spec)
    return [text for trace in spec["data"] for text in trace.get("hovertext") or ()]


def test_the_chart_redrawn_after_an_edit_or_a_merge_shows_the_new_text(app, data):
    _open(app, "attack")
    assert "Căn cứ ở Anbar bị tấn công" in _hover_texts(app)  # the texts of every marker made once
    app.text_input(key="ed_title").set_value("Căn cứ <b>Ain al-Asad</b> bị tấn công")
    _submit(app)
    hovers = _hover_texts(app)
    assert "Căn cứ &lt;b&gt;Ain al-Asad&lt;/b&gt; bị tấn công" in hovers  # the edited title, escaped
    assert "Căn cứ ở Anbar bị tấn công" not in hovers
    _open(app, "talks")
    app.text_input(key="cur_merge_ids").set_value("sudani")
    app.button(key="cur_merge").click().run()
    assert "Hoa Kỳ và Iraq bắt đầu đàm phán<br>3 sources" in _hover_texts(app)


def _submit(at: AppTest) -> AppTest:
    submit = next(b for b in at.button if b.key and b.key.startswith("FormSubmitter"))
    return submit.click().run()


def test_a_date_that_is_no_timex3_value_is_refused_inline_and_nothing_is_saved(app, data):
    _open(app, "attack")
    app.text_input(key="ed_date").set_value("2024-13-45")
    _submit(app)
    assert not app.exception
    assert "is not a TIMEX3 date value" in _notices(app)
    with _saved(data) as ws:
        assert ws.log() == []


def test_an_edit_without_an_author_asks_for_one(data):
    at = AppTest.from_file(APP, default_timeout=60).run()
    _open(at, "attack")
    at.button(key="cur_hide").click().run()
    assert "Type your name" in _notices(at)
    assert "Căn cứ ở Anbar bị tấn công" in _titles(at)


def test_hide_then_unhide_from_the_review_filter(app, data):
    _open(app, "attack")
    app.button(key="cur_hide").click().run()
    assert "Căn cứ ở Anbar bị tấn công" not in _titles(app)
    assert app.button(key="cur_unhide")  # the panel stays open on the hidden event
    app.selectbox(key="f_review").set_value("hidden").run()
    assert _titles(app) == ["Căn cứ ở Anbar bị tấn công"]
    app.button(key="cur_unhide").click().run()
    app.selectbox(key="f_review").set_value("all").run()
    assert "Căn cứ ở Anbar bị tấn công" in _titles(app)


def test_not_about_us_iraq_makes_it_a_context_event(app, data):
    _open(app, "strike")
    app.button(key="cur_irrelevant").click().run()
    assert "US strike kills Soleimani" not in _titles(app)  # context events are hidden by default
    assert _event(data, "strike").relevance == 0.0


def test_merge_by_id_and_with_the_event_selected_before(app, data):
    _open(app, "sudani")
    _open(app, "talks")
    app.text_input(key="cur_merge_ids").set_value("attack")
    app.button(key="cur_merge").click().run()
    assert "Căn cứ ở Anbar bị tấn công" not in _titles(app)
    assert len(_event(data, "talks").sources) == 3
    app.button(key="cur_merge_previous").click().run()  # sudani, selected before talks
    assert "Al-Sudani: liên quân phải rời đi" not in _titles(app)
    assert len(_event(data, "talks").sources) == 4


def test_a_merge_of_one_event_is_refused_inline(app):
    _open(app, "talks")
    app.button(key="cur_merge").click().run()
    assert "Choose the events to merge" in _notices(app)
    app.text_input(key="cur_merge_ids").set_value("nosuch")
    app.button(key="cur_merge").click().run()
    assert "no event 'nosuch'" in _notices(app)


def test_split_a_source_off_into_its_own_event(app, data):
    _open(app, "talks")
    app.selectbox(key="cur_split_source").set_value(1)
    app.button(key="cur_split").click().run()
    assert _titles(app).count("Hoa Kỳ và Iraq bắt đầu đàm phán") == 2
    assert len(_event(data, "talks").sources) == 1


def test_a_note_and_a_bookmark_and_a_review_and_the_filter_of_each(app, data):
    _open(app, "sudani")
    app.text_area(key="cur_note").set_value("Kiểm tra lại <b>ngày</b>")
    app.button(key="cur_note_add").click().run()
    note_html = "\n".join(m.value for m in app.markdown if "cur-note" in m.value)
    assert "<b>" not in note_html and "Kiểm tra lại &#60;b&#62;ngày&#60;&#47;b&#62;" in note_html
    app.button(key="cur_bookmark").click().run()
    _open(app, "strike")
    app.button(key="cur_review").click().run()
    assert state_of(_event(data, "sudani"))["bookmarked"]
    app.selectbox(key="f_review").set_value("bookmarked").run()
    assert _titles(app) == ["Al-Sudani: liên quân phải rời đi"]
    app.selectbox(key="f_review").set_value("reviewed").run()
    assert sorted(_titles(app)) == ["Al-Sudani: liên quân phải rời đi", "US strike kills Soleimani"]
    app.selectbox(key="f_review").set_value("edited").run()
    assert _titles(app) == []  # a note, a bookmark and a review change no field
    app.selectbox(key="f_review").set_value("not reviewed").run()
    assert sorted(_titles(app)) == ["Căn cứ ở Anbar bị tấn công", "Hoa Kỳ và Iraq bắt đầu đàm phán"]


def test_unbookmark(app, data):
    _open(app, "sudani")
    app.button(key="cur_bookmark").click().run()
    app.button(key="cur_unbookmark").click().run()
    assert not state_of(_event(data, "sudani"))["bookmarked"]


def test_undo_from_the_log_and_redo(app, data):
    _open(app, "attack")
    app.button(key="cur_hide").click().run()
    assert "Căn cứ ở Anbar bị tấn công" not in _titles(app)
    app.button(key="undo_log_1").click().run()
    assert "Căn cứ ở Anbar bị tấn công" in _titles(app)
    assert any(c.value == "undone" for c in app.caption)
    app.button(key="undo_log_2").click().run()  # undoing the undo hides it again
    assert "Căn cứ ở Anbar bị tấn công" not in _titles(app)
    with _saved(data) as ws:
        assert [d.action for d in ws.log()] == ["hide", "undo", "undo"]


def test_search_folds_accents_and_aliases_and_the_panel_marks_the_words(app):
    app.text_input(key="f_text").set_value("dam phan").run()
    assert _titles(app) == ["Hoa Kỳ và Iraq bắt đầu đàm phán"]
    _open(app, "talks")
    shown = "\n".join(m.value for m in app.markdown)
    assert '<mark class="hit">đàm</mark> <mark class="hit">phán</mark>' in shown
    app.text_input(key="f_text").set_value("Hoa Kỳ").run()  # the US, by any of its names
    assert "US strike kills Soleimani" in _titles(app)


def test_an_edited_title_is_found_by_the_search(app):
    _open(app, "strike")
    app.text_input(key="ed_title").set_value("Không kích giết Soleimani")
    _submit(app)
    app.text_input(key="f_text").set_value("khong kich").run()
    assert _titles(app) == ["Không kích giết Soleimani"]


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """The bytes of every download button, by the file id in its URL."""
    kept: dict[str, bytes] = {}
    real = MemoryMediaFileStorage.load_and_get_id

    def keep(self, path_or_data, mimetype, kind, filename=None):
        file_id = real(self, path_or_data, mimetype, kind, filename)
        kept[file_id] = path_or_data
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    return kept


def _download(at: AppTest, kept: dict[str, bytes], label: str) -> bytes:
    (button,) = [b for b in at.get("download_button") if b.proto.label == label]
    return kept[button.proto.url.rsplit("/", 1)[-1].split(".")[0]]


def test_exports_carry_the_curation_and_the_workspace_goes_to_a_colleague(app, data, downloads, tmp_path):
    _open(app, "attack")
    app.button(key="cur_hide").click().run()
    _open(app, "strike")
    app.text_input(key="ed_title").set_value("Không kích giết Soleimani")
    _submit(app)
    app.toggle(key="exports_open").set_value(True).run()
    exported = orjson.loads(_download(app, downloads, "JSON"))
    titles = {e["title"] for e in exported["events"]}
    assert "Không kích giết Soleimani" in titles and "Căn cứ ở Anbar bị tấn công" not in titles
    assert "Không kích giết Soleimani" in _download(app, downloads, "CSV").decode("utf-8-sig")
    app.toggle(key="ws_export_open").set_value(True).run()
    handed = _download(app, downloads, "Download workspace")
    with Workspace(tmp_path / "colleague.sqlite") as colleague:
        level, message = import_file(colleague, "w.json", len(handed), lambda: handed)
        assert level == "success" and message.startswith("2 decision(s) imported")
        assert "Không kích giết Soleimani" in {e.title for e in colleague.timeline()[1]}
        assert import_file(colleague, "w.json", len(handed), lambda: handed)[1].startswith("0 decision")
        assert import_file(colleague, "x.json", 2, lambda: b"{}")[0] == "error"
        assert import_file(colleague, "x.json", 3, lambda: b"{x")[1] == "x.json: not JSON, nothing imported."


def test_read_only_data_folder_falls_back_to_events_json(tmp_path, monkeypatch):
    save(tmp_path, *timeline())
    monkeypatch.setenv("TIMELINE_DATA", str(tmp_path))
    real_access = os.access
    # As on Streamlit Community Cloud (tests may run as root, whom chmod does not stop).
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == tmp_path else real_access(p, mode))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert len(_titles(at)) == 4
    notes = [html.unescape(c.value) for c in at.caption if "Read" in c.value]
    assert notes == ["Read-only data folder: showing events.json without curation."]
    assert not (tmp_path / "workspace.sqlite").exists()
    _open(at, "attack")
    assert all(b.key != "cur_hide" for b in at.button)  # no editor without a workspace


def test_marked_html_escapes_and_joins_overlapping_hits():
    assert marked_html("a <b> c", [(2, 5), (4, 7)]) == 'a <mark class="hit">&#60;b&#62; c</mark>'
    assert marked_html("plain", []) == "plain"


def test_a_hit_inside_the_time_expression_keeps_both_marks():
    (event,) = [e for e in timeline()[1] if e.id == "attack"]
    source = event.sources[0]
    start = source.timex_start - source.passage_start
    shown = passage_html(source, [(start, start + 3)])
    assert shown.count("<mark>") == 1 and '<mark class="hit">Hôm</mark>' in shown


def test_marks_cover_title_passages_and_notes():
    (event,) = [e for e in timeline()[1] if e.id == "talks"]
    found = curation.marks(event, "dam phan")
    assert set(found) == {"title", "passage:0", "passage:1"}
    assert curation.marks(event, "") == {}


def test_an_authors_name_and_a_note_with_markup_stay_text_in_the_log_and_the_notices(app):
    app.text_input(key="author").set_value("<img src=x onerror=alert(1)> **Lan**")
    _open(app, "sudani")
    app.text_area(key="cur_note").set_value("[link](javascript:alert(1)) <script>x</script>")
    app.button(key="cur_note_add").click().run()
    shown = "\n".join(m.value for m in app.markdown if "cur-" in m.value or "curation-" in m.value)
    assert "<img" not in shown and "<script" not in shown and "**" not in shown and "[link]" not in shown
    assert "<img src=x onerror=alert(1)> **Lan**" in html.unescape(shown)
