"""The dashboard against bad input: a broken data file, hostile text in metadata and file names,
and uploads that are too big, too slow or too hungry."""

from __future__ import annotations

import dataclasses
import html
import multiprocessing
import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import data_file
from dashboard.safe_text import html_text, http_url, markdown_code, one_line, text_block
from dashboard.sample import fixture_timeline
from dashboard.uploads import Upload, extract_uploads
from extract.pipeline import process_file
from extract.store import save

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")
HOSTILE = "\r\r![x](https://example.org/beacon.png) [a](data:text/html,x) <script>"
ARTICLE = (
    b"Washington and Baghdad renew their talks\n\n"
    b"On 12 May 2021, envoys of the United States and Iraq met in Baghdad to renew their talks.\n"
)


# --- safe text -------------------------------------------------------------------------------------


def test_line_breaks_of_every_kind_and_control_characters_are_normalised():
    assert text_block("one\r\ntwo\rthree\u2028four\x85five") == "one\ntwo\nthree\nfour\nfive"
    assert one_line("Tin\x00 tức\t\u202eabc\r\rmới ") == "Tin tức abc mới"


def test_html_text_writes_every_markdown_and_html_character_as_an_entity():
    shown = html_text(HOSTILE)
    for raw in ("<", ">", "[", "]", "(", "!", ":", "\r", "\n"):
        assert raw not in shown
    assert html.unescape(shown) == one_line(HOSTILE)  # the same text, only written safely


def test_a_markdown_code_span_holds_any_name_whole():
    name = "Giá $5 ![x](https://example.org/x.png)"
    assert markdown_code(f"{name}\r\r") == f"` {name} `"
    assert markdown_code("a``b`") == "``` a``b` ```"  # a longer fence than any run of backticks inside


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://news.example.org/a?id=1&p=2", "https://news.example.org/a?id=1&amp;p=2"),
        ("http://example.org/tin-tức", "http://example.org/tin-t%E1%BB%A9c"),
        ('https://example.org/"><script>', "https://example.org/%22%3E%3Cscript%3E"),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("https://example.org/a\r\rb", None),
        ("//example.org/no-scheme", None),
        ("https:///no-host", None),
    ],
)
def test_only_http_urls_with_a_host_become_links(url, kept):
    assert http_url(url) == kept


# --- the data file ---------------------------------------------------------------------------------


def _run(tmp_path, monkeypatch, target: Path) -> AppTest:
    monkeypatch.setenv("TIMELINE_DATA", str(target))
    return AppTest.from_file(APP, default_timeout=60).run()


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (None, "is missing"),
        (b"", "is empty (0 bytes)"),
        (b'{"documents": [], "events": [{"id": "a", "da', "is not valid JSON"),
        (b"\x00\xff\xfe binary \x89PNG", "is not valid JSON"),
        (b'["a list", "not a timeline"]', "does not hold a timeline"),
        (b'{"documents": [], "events": [{"id": "only an id"}]}', "does not hold a timeline"),
    ],
)
def test_a_broken_data_file_gives_a_message_with_the_rebuild_command(tmp_path, monkeypatch, content, said):
    target = tmp_path / "events.json"
    if content is not None:
        target.write_bytes(content)
    at = _run(tmp_path, monkeypatch, target)
    assert not at.exception
    (message,) = [e.value for e in at.error]
    assert said in message and "` events.json `" in message
    assert data_file.OTHER_REBUILD in message  # not the bundled file: the generic command
    assert str(tmp_path) not in message and "Traceback" not in message


def test_the_bundled_file_gets_the_command_that_rebuilds_it(tmp_path):
    message = data_file.problem(tmp_path / "events.json", FileNotFoundError(), default=True)
    assert "`python -m extract build seeds --out data`" in message


def test_an_empty_timeline_is_shown_not_an_error(tmp_path, monkeypatch):
    save(tmp_path, [], [])
    at = _run(tmp_path, monkeypatch, tmp_path)
    assert not at.exception and not at.error
    assert at.caption[0].value.startswith("0 of 0 events shown")


# --- hostile metadata in the source panel ----------------------------------------------------------


def test_hostile_title_outlet_and_file_name_render_as_inert_text(tmp_path, monkeypatch):
    documents, events = fixture_timeline()
    event = next(e for e in events if e.date == "2024-01-24")
    hostile = dict(title=f"Talks{HOSTILE}", outlet=f"Outlet{HOSTILE}", file=f"a{HOSTILE}.txt")
    event.sources = [
        dataclasses.replace(s, **hostile, url="javascript:alert(1)") if i == 1 else s
        for i, s in enumerate(event.sources)
    ]
    event.title = f"Event{HOSTILE}"
    save(tmp_path, documents, events)
    monkeypatch.setenv("TIMELINE_DATA", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.session_state["selected"] = event.id
    at.run()
    assert not at.exception
    blocks = [m.value for m in at.markdown if m.value.startswith(("<div", "<h3"))]
    panel = " ".join(blocks)
    assert "Talks" in panel and "Outlet" in panel
    for raw in ("\r", "\n", "\u2028", "![", "](", "<script", "data:", "javascript:"):
        assert raw not in panel  # no block can end early, nothing reads as Markdown or runs
    assert html.unescape(panel).count("![x](https://example.org/beacon.png)") == 4  # as text, 4 fields
    hrefs = [part.split('"')[0] for part in panel.split('href="')[1:]]
    assert hrefs == ["https://example.org/talks"]  # only the first source's own article link


def test_upload_messages_are_never_markdown(tmp_path, monkeypatch):
    save(tmp_path, *fixture_timeline())
    monkeypatch.setenv("TIMELINE_DATA", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["upload_messages"] = [("warning", f"x{HOSTILE}.txt: rejected (empty file)")]
    at.run()
    (notice,) = [m.value for m in at.markdown if "upload-warning" in m.value]
    assert notice.startswith('<div class="upload-warning"') and not at.warning  # HTML, not a Markdown alert
    assert "![" not in notice and "](" not in notice and "<script" not in notice and "\r" not in notice
    assert html.unescape(notice).endswith(f"{one_line(HOSTILE)}.txt: rejected (empty file)</div>")


# --- uploads: size, time and memory ----------------------------------------------------------------


def slow_on_purpose(path: Path, name: str, given):
    """Stands for an article the extractor takes minutes on."""
    if "slow" in name:
        time.sleep(120)
    return process_file(path, name, given)


def hungry_on_purpose(path: Path, name: str, given):
    """Stands for an article whose parse takes gigabytes."""
    if "hungry" in name:
        hoard = bytearray(4 * 1024**3)
        return hoard
    return process_file(path, name, given)


def test_an_article_over_its_time_is_stopped_and_the_batch_goes_on():
    batch = [Upload("slow.txt", ARTICLE), Upload("quick.txt", ARTICLE)]
    started = time.monotonic()
    # 15 s: room for the quick one to start a process and import the extractor on a loaded machine
    outcome = extract_uploads(batch, limit_bytes=10**6, seconds_per_file=15, extract=slow_on_purpose)
    assert time.monotonic() - started < 80  # not the 120 s the slow one wanted
    assert outcome.messages[0] == ("warning", "slow.txt: stopped after 15 s; not added")
    assert outcome.messages[1] == ("success", "quick.txt: 1 event(s) found")
    assert [d.file for d in outcome.documents] == ["upload/quick.txt"]
    assert not multiprocessing.active_children()  # the child is gone, its memory with it


def test_an_article_over_the_memory_limit_is_refused_and_the_batch_goes_on():
    batch = [Upload("hungry.txt", ARTICLE), Upload("fine.txt", ARTICLE)]
    outcome = extract_uploads(batch, limit_bytes=10**6, memory_mb=1024, extract=hungry_on_purpose)
    assert outcome.messages == [
        ("warning", "hungry.txt: rejected (over the memory limit)"),
        ("success", "fine.txt: 1 event(s) found"),
    ]


def test_files_over_the_size_limit_and_unreadable_ones_get_a_message_each():
    batch = [
        Upload("big.txt", ARTICLE * 200),
        Upload("empty.txt", b""),
        Upload(f"odd{HOSTILE}.txt", ARTICLE),
        Upload("../../escape.txt", ARTICLE),
        Upload("manifest.csv", b"file,title,published\nescape.txt,From the manifest,\nx.txt,,2021-02-30\n"),
    ]
    outcome = extract_uploads(batch, limit_bytes=len(ARTICLE) * 10)
    texts = [m for _, m in outcome.messages]
    assert texts[0].startswith("big.txt: ") and " MB limit; not read" in texts[0]
    assert "empty.txt: rejected (empty file)" in texts
    assert f"{one_line(f'odd{HOSTILE}.txt')}: 1 event(s) found" in texts
    assert "../../escape.txt: 1 event(s) found" in texts  # written inside the batch's own folder
    assert {d.file: d.meta.title for d in outcome.documents}["upload/escape.txt"] == "From the manifest"
    assert any(m.startswith("manifest.csv line 3") for m in texts)  # a bad row is the visitor's to see


def test_a_bad_manifest_is_reported_under_the_name_it_was_uploaded_with():
    long_name = "m" * 300 + ".csv"  # too long for the file system: written under another name
    batch = [
        Upload(long_name, b"title,url\nx,y\n"),
        Upload("rows.csv", b"file,published\na.txt,2021-02-30\n"),
    ]
    texts = [m for _, m in extract_uploads(batch, limit_bytes=10**6).messages]
    assert texts[0].startswith(long_name + ": manifest not used (the manifest has no 'file' column")
    assert texts[1].startswith("rows.csv line 2: published")
    assert not any("upload.csv" in t for t in texts)


def test_a_json_upload_that_is_not_a_timeline_says_why(tmp_path):
    from dashboard.page import _read_timeline_json

    assert "is not valid JSON" in _read_timeline_json("cut.json", b'{"events": [')
    assert "does not hold a timeline" in _read_timeline_json("other.json", b'{"rows": []}')
    documents, events = fixture_timeline()
    save(tmp_path, documents, events)
    opened = _read_timeline_json("events.json", (tmp_path / "events.json").read_bytes())
    assert [e.id for e in opened[1]] == [e.id for e in events]
