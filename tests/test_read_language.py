"""Language guess and the per-language resource loader."""

from __future__ import annotations

from extract import language


def test_detect_vietnamese_and_english() -> None:
    assert language.detect("Quân đội Mỹ sẽ rút khỏi Iraq trong năm nay.") == "vi"
    assert language.detect("US troops will leave Iraq this year, the Pentagon said.") == "en"
    # A few borrowed Vietnamese names do not make an English text Vietnamese.
    assert (
        language.detect("Prime Minister Phạm Minh Chính met the US ambassador in Hanoi on Tuesday " * 3)
        == "en"
    )
    assert language.detect("") == "en"


def test_page_resources_of_every_language_are_merged() -> None:
    assert {"en", "vi"} <= set(language.languages("page"))
    abbreviations = language.merged("page", "sentences", "abbreviations")
    assert "TP." in abbreviations and "Gen." in abbreviations
    assert language.resource("xx", "page") == {}
