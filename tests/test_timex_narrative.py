"""Reference time that follows the story: bare days and months take the year the narrative is telling."""

from __future__ import annotations

from extract.timex import tag


def values(text: str, published: str, lang: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, published=published, lang=lang)}


def test_a_flashback_year_anchors_the_next_sentence_s_bare_date() -> None:
    text = "The mill changed hands in early 2017. On March 9, its new owner laid off forty workers."
    assert values(text, "2022-10-04", "en")["March 9"] == "2017-03-09"


def test_a_new_paragraph_returns_to_the_publication_year() -> None:
    text = "The mill changed hands in early 2017.\nOn March 9, its owner opened a second site."
    assert values(text, "2022-10-04", "en")["March 9"] == "2022-03-09"


def test_a_year_that_does_not_frame_the_story_leaves_bare_dates_to_publication() -> None:
    since = "Prices have climbed since 2015. On March 9, the board raised them again."
    assert values(since, "2022-10-04", "en")["March 9"] == "2022-03-09"
    modifier = "Fans recall the 2015 final. On March 9, the club sold every seat."
    assert values(modifier, "2022-10-04", "en")["March 9"] == "2022-03-09"


def test_a_month_of_that_year_is_the_year_the_story_named() -> None:
    text = "The canal deal was sealed in April 2012 and the digging began in October of that year."
    assert values(text, "2020-01-15", "en")["October of that year"] == "2012-10"
    later = "The plant opened in 1994 and shut in May of the following year."
    assert values(later, "2020-01-15", "en")["May of the following year"] == "1995-05"


def test_vietnamese_next_year_follows_the_narrative_year() -> None:
    text = "Năm 2010, hai thành phố bắt đầu đàm phán. Hiệp định được ký ngày 1/2 năm sau."
    assert values(text, "2023-06-01", "vi")["ngày 1/2 năm sau"] == "2011-02-01"


def test_an_aside_s_year_does_not_move_the_story_s_dated_narrative() -> None:
    text = (
        "Ngày 5/1/2019, đội cứu hộ tới thị trấn.\n\n"
        "Một người dân nhắc lại trận lũ năm 2015.\n\n"
        "Sáng 7/2, đội cứu hộ rút đi."
    )
    assert values(text, "2023-06-01", "vi")["Sáng 7/2"] == "2019-02-07TMO"
