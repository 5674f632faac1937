"""Named dates: events called by their date keep the event's day, whatever the publication year."""

from __future__ import annotations

import pytest

from extract.timex import tag


def tagged(text: str, lang: str, published: str = "2024-10-01") -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, published=published, lang=lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Airport checks grew stricter after 9/11, the pilot recalled.", "en", [("9/11", "2001-09-11")]),
        ("Airport checks grew stricter after the 9/11/01 attacks.", "en", [("9/11/01", "2001-09-11")]),
        ("A memorial lists the Sept. 11 victims by name.", "en", [("Sept. 11", "2001-09-11")]),
        ("Planners feared a September 11-style strike on the port.", "en", [("September 11", "2001-09-11")]),
        ("Sau sự kiện 11/9, hai nước siết chặt an ninh hàng không.", "vi", [("11/9", "2001-09-11")]),
        ("Nhiều gia đình vẫn nhớ vụ khủng bố 11/9.", "vi", [("11/9", "2001-09-11")]),
    ],
)
def test_named_dates_keep_the_event_s_day(text: str, lang: str, expected: list[tuple[str, str]]) -> None:
    assert tagged(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The Sept. 11 board meeting approved the budget.", "en", [("Sept. 11", "2024-09-11")]),
        ("Ngày 11/9 hội đồng họp thường kỳ.", "vi", [("Ngày 11/9", "2024-09-11")]),
        ("Đội khách thắng với tỷ số 11/9 sau hiệp phụ.", "vi", []),
    ],
)
def test_the_same_day_without_the_event_is_an_ordinary_date(
    text: str, lang: str, expected: list[tuple[str, str]]
) -> None:
    assert tagged(text, lang) == expected
