"""Search: accent-insensitive (đ too), alias-aware, with the offsets of the matched words."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from workspace_timeline import timeline

from extract.workspace import Workspace
from extract.workspace.search import fold, terms


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    workspace = Workspace(tmp_path / "workspace.sqlite")
    workspace.take_extraction(*timeline())
    yield workspace
    workspace.close()


def matched(hits: list, event_id: str | None = None) -> set[str]:
    """The matched words, as written in the text, of every hit (of one event)."""
    return {h.text[a:b] for h in hits if event_id in (None, h.event_id) for a, b in h.spans}


def test_fold_removes_accents_and_d_stroke() -> None:
    assert fold("Đàm PHÁN") == "dam phan"
    assert fold("đường Hoa Kỳ") == "duong hoa ky"
    assert fold(unicodedata.normalize("NFD", "Bát-đa")) == "bat-da"


def test_dam_phan_finds_dam_phan_with_offsets(ws: Workspace) -> None:
    hits = ws.search("dam phan")
    assert {h.event_id for h in hits} == {"talks"}
    assert matched(hits) == {"đàm", "phán"}
    title = next(h for h in hits if h.field == "title")
    assert title.text == "Hoa Kỳ và Iraq bắt đầu đàm phán"
    passage = next(h for h in hits if h.field == "passage" and h.index == 1)
    source = ws.event("talks").sources[1]
    document = next(d for d in ws.timeline()[0] if d.file == source.file)
    for a, b in passage.spans:  # the panel highlights the document's own characters
        assert document.text[source.passage_start + a : source.passage_start + b] in ("đàm", "phán")
    assert len(passage.spans) == 2


def test_every_word_must_match(ws: Workspace) -> None:
    assert ws.search("dam phan Anbar") == []
    assert {h.event_id for h in ws.search("tan cong Anbar")} == {"attack"}


def test_decomposed_text_is_found_and_highlighted_whole(ws: Workspace) -> None:
    ws.edit("attack", "Lan", title=unicodedata.normalize("NFD", "Căn cứ bị tấn công"))
    hit = next(h for h in ws.search("TAN CONG") if h.field == "title")
    assert [unicodedata.normalize("NFC", hit.text[a:b]) for a, b in hit.spans] == ["tấn", "công"]


def test_an_actor_finds_its_aliases(ws: Workspace) -> None:
    hits = ws.search("Mỹ")  # US: Hoa Kỳ, Washington, US in the English article
    assert {h.event_id for h in hits} == {"talks", "strike"}
    assert {"Hoa Kỳ", "Washington", "US"} <= matched(hits)
    assert "Baghdad" in matched(ws.search("Iraq"))
    (baghdad,) = terms("Baghdad")  # one term: every name of Iraq, in every language
    assert {("bat", "da"), ("i", "rac"), ("iraqi",)} <= {phrase.words for phrase in baghdad}


def test_a_person_finds_the_other_spellings_of_the_name(ws: Workspace) -> None:
    hits = ws.search("Sudani")
    assert {h.event_id for h in hits} == {"sudani"}
    assert matched(hits) >= {"al-Sudani"}


def test_capital_aliases_keep_their_case(ws: Workspace) -> None:
    ws.note("attack", "IS is suspected", "Minh")
    ws.note("sudani", "Daesh đã nhận trách nhiệm", "Minh")
    assert {h.event_id for h in ws.search("ISIS")} == {"attack", "sudani"}
    assert matched(ws.search("ISIS")) == {"IS", "Daesh"}  # not the word 'is'
    assert matched(ws.search("Nhà nước Hồi giáo")) == {"IS", "Daesh"}
    assert {h.event_id for h in ws.search("is")} == {"attack"}  # the word, not the Islamic State


def test_notes_and_edited_titles_are_searched_and_undone_ones_are_not(ws: Workspace) -> None:
    note = ws.note("strike", "Cần đối chiếu với nguồn Đức", "Minh")
    ws.edit("sudani", "Lan", title="Thủ tướng đòi liên quân rút")
    assert [(h.event_id, h.field) for h in ws.search("doi chieu duc")] == [("strike", "note")]
    assert ("sudani", "title") in {(h.event_id, h.field) for h in ws.search("rut")}
    ws.undo(note.seq, "Minh")
    assert ws.search("doi chieu duc") == []


def test_search_follows_merges(ws: Workspace) -> None:
    ws.merge(["talks", "attack"], "Lan")
    assert {h.event_id for h in ws.search("Anbar")} == {"talks"}


@pytest.mark.parametrize(
    "query",
    ['"', "dam AND", "NEAR(", "* OR 1=1", "'); DROP TABLE log; --", "phan*", "^", "-", "", "   ", "a" * 5000],
)
def test_any_query_text_is_safe(ws: Workspace, query: str) -> None:
    ws.search(query)  # no FTS5 syntax error, no SQL
    assert len(ws.log()) == 0 and len(ws.timeline()[1]) == 4
