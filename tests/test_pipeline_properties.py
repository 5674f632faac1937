"""The whole pipeline on arbitrary text and file names: it never raises, and offsets stay exact."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.model import Metadata
from extract.pipeline import build, process_text

# Words the stages react to (dates, actors, cues, boilerplate), letters that case-fold oddly
# (İ, ſ, ß, ﬁ), combining marks, and any other character.
_WORDS = st.sampled_from(
    [
        "Mỹ", "Iraq", "US", "Baghdad", "hôm", "ngày", "tháng", "năm", "Quý", "İ", "ſ", "Chriſtmas",
        "ß", "ﬁ", "Tết", "thứ Hai", "vừa", "sẽ", "không kích", "đàm phán", "said", "on", "Monday",
        "last", "night", "ago", "a century", "since", "after", "troops", "struck", "Tin liên quan",
        "Theo", "AP", "24/1", "3/1/2024", "31/2", "2024", "1990s", "Nov.", "3", "-", "—", ",", ".",
        "(", ")", "\n", "\n\n", " ", "\u0301", "\u0323", "\u200b", "\r", "\t",
    ]
)  # fmt: skip
_TEXT = st.lists(st.one_of(_WORDS, st.text(max_size=3)), max_size=60).map(" ".join)
_PUBLISHED = st.sampled_from([None, "2024", "2024-01", "2024-01-29", "0001-01-01", "9999-12-31"])


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, lang=st.sampled_from([None, "vi", "en", "fr"]), published=_PUBLISHED)
def test_any_text_gives_a_document_and_events_with_exact_offsets(text, lang, published):
    doc, events = process_text("a.txt", text, Metadata(published=published, language=lang))
    for event in events:
        assert event.date and event.title is not None
        for source in event.sources:
            assert doc.text[source.passage_start : source.passage_end] == source.passage
            assert doc.text[source.timex_start : source.timex_end] == source.timex_text


_NAME = st.text(
    st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)), min_size=1, max_size=40
).filter(lambda n: n not in (".", "..") and len(os.fsencode(n)) < 200)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(_NAME, min_size=1, max_size=3, unique=True), text=_TEXT)
def test_any_file_names_are_built_or_reported_never_raised(names, text):
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            Path(folder, name + ".txt").write_text(text + " Hôm 24/1/2024, Mỹ và Iraq đàm phán.", "utf-8")
        timeline = build([Path(folder)])
    assert len(timeline.documents) + len(timeline.errors) == len(names)
    for doc in timeline.documents:
        doc.file.encode("utf-8")  # shown and saved as valid Unicode
