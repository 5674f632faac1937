"""Time expression tagger: pattern families, anchoring, traps, normalisation forms, robustness."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.timex import tag
from extract.timex.resources import grammar
from extract.timex.timex3 import is_valid


def found(text: str, published: str | None = None, lang: str = "vi") -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in tag(text, published=published, lang=lang)]


def value_of(text: str, expression: str, published: str | None = None, lang: str = "vi") -> str:
    values = [t.value for t in tag(text, published=published, lang=lang) if t.text == expression]
    assert values, f"{expression!r} not tagged in {text!r}: {found(text, published, lang)}"
    return values[0]


# ---------------------------------------------------------------- Vietnamese pattern families


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Hội nghị khai mạc ngày 5/3/2019 tại Hà Nội.", "ngày 5/3/2019", "2019-03-05"),
        ("Vụ việc xảy ra 07-11-2015 ở ngoại ô.", "07-11-2015", "2015-11-07"),
        ("Thỏa thuận ký 12.6.2018 có hiệu lực ngay.", "12.6.2018", "2018-06-12"),
        ("Lễ ký diễn ra ngày 4 tháng 7 năm 2016.", "ngày 4 tháng 7 năm 2016", "2016-07-04"),
        ("Quân đội rút đi vào tháng 10/2009.", "tháng 10/2009", "2009-10"),
        ("Đến tháng Mười hai năm 2012 thì kết thúc.", "tháng Mười hai năm 2012", "2012-12"),
        ("Họ gặp nhau vào tháng Giêng năm 2005.", "tháng Giêng năm 2005", "2005-01"),
        ("Phiến quân chiếm thị trấn hồi tháng Năm năm 2014.", "tháng Năm năm 2014", "2014-05"),
        ("Chiến dịch bắt đầu năm 2003.", "năm 2003", "2003"),
        ("Doanh thu quý 2/2022 tăng mạnh.", "quý 2/2022", "2022-Q2"),
        ("Kết quả quý IV năm 2020 khả quan.", "quý IV năm 2020", "2020-Q4"),
        ("Trong thập niên 1970, quan hệ căng thẳng.", "thập niên 1970", "197"),
        ("Từ những năm 80, thành phố thay đổi.", "những năm 80", "198"),
        ("Đây là cuộc chiến lớn nhất thế kỷ 20.", "thế kỷ 20", "19"),
        ("Họ trở lại vào mùa thu năm 2011.", "mùa thu năm 2011", "2011-FA"),
        ("Gia đình sum họp dịp Tết Nguyên đán năm 2019.", "dịp Tết Nguyên đán năm 2019", "2019-02-05"),
    ],
)
def test_vietnamese_dates(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression) == value


@pytest.mark.parametrize(
    ("text", "expression", "value", "mod"),
    [
        ("Dự án hoàn tất cuối năm 2015.", "cuối năm 2015", "2015", "END"),
        ("Đầu tháng 4/2017, đoàn công tác lên đường.", "Đầu tháng 4/2017", "2017-04", "START"),
        ("Giữa năm 1998 giá dầu giảm.", "Giữa năm 1998", "1998", "MID"),
    ],
)
def test_vietnamese_parts_of_periods(text: str, expression: str, value: str, mod: str) -> None:
    assert (expression, value, mod) in found(text)


@pytest.mark.parametrize(
    ("text", "expression", "kind", "value", "mod"),
    [
        ("Cuộc đàm phán kéo dài 12 ngày.", "12 ngày", "DURATION", "P12D", None),
        ("Chuyến bay mất 30 giờ.", "30 giờ", "DURATION", "PT30H", None),
        ("Dự án cần vài năm nữa.", "vài năm", "DURATION", "PXY", None),
        ("Quân đội đã ở đó hơn 10 năm qua.", "hơn 10 năm qua", "DURATION", "P10Y", "MORE_THAN"),
        ("Cuộc xung đột kéo dài hàng thập kỷ.", "hàng thập kỷ", "DURATION", "PXDE", None),
        ("Cuộc vây hãm kéo dài chưa đầy hai tuần.", "chưa đầy hai tuần", "DURATION", "P2W", "LESS_THAN"),
        ("Cuộc đấu súng kéo dài khoảng ba giờ.", "khoảng ba giờ", "DURATION", "PT3H", "APPROX"),
        ("Hội chợ được tổ chức hằng năm.", "hằng năm", "SET", "P1Y", None),
        ("Trước đây hai nước từng là đồng minh.", "Trước đây", "DATE", "PAST_REF", None),
        ("Cuộc họp sắp tới sẽ bàn về việc này.", "sắp tới", "DATE", "FUTURE_REF", None),
    ],
)
def test_vietnamese_durations_sets_and_vague(
    text: str, expression: str, kind: str, value: str, mod: str | None
) -> None:
    tagged = [(t.text, t.type, t.value, t.mod) for t in tag(text)]
    assert (expression, kind, value, mod) in tagged


def test_vietnamese_times_and_timestamps() -> None:
    assert found("Chủ nhật, 05/07/2015 | 14:30 GMT+7")[0][1] == "2015-07-05T14:30"
    assert value_of("Vụ nổ xảy ra chiều 3/5/2012 tại chợ.", "chiều 3/5/2012") == "2012-05-03TAF"
    assert (
        value_of("Đoàn xe đến lúc 9 giờ 15 ngày 2/6/2013.", "lúc 9 giờ 15 ngày 2/6/2013")
        == "2013-06-02T09:15"
    )
    assert value_of("Tối 14/2/2020 trời mưa.", "Tối 14/2/2020") == "2020-02-14TEV"


def test_vietnamese_year_span_and_relative_day_with_its_date() -> None:
    assert value_of("Kế hoạch giai đoạn 2021 - 2025 được thông qua.", "giai đoạn 2021 - 2025") == "2021/2025"
    assert value_of("Sáng nay (3/6), đoàn khởi hành.", "Sáng nay (3/6)", "2019-06-03") == "2019-06-03TMO"


def test_vietnamese_upper_and_lower_case() -> None:
    assert value_of("NGÀY 9/9/2009 LÀ NGÀY ĐẸP.", "NGÀY 9/9/2009") == "2009-09-09"
    assert value_of("Hôm Thứ Hai (6/7) trời nắng.", "Hôm Thứ Hai (6/7)", "2015-07-10") == "2015-07-06"


# ---------------------------------------------------------------- anchoring


def test_deictic_forms_anchor_to_publication() -> None:
    published = "2018-05-16"  # a Wednesday, ISO week 20
    assert value_of("Hôm qua, đoàn đã tới.", "Hôm qua", published) == "2018-05-15"
    assert value_of("Ngày mai sẽ có kết quả.", "Ngày mai", published) == "2018-05-17"
    assert value_of("Tuần trước, phe đối lập biểu tình.", "Tuần trước", published) == "2018-W19"
    assert value_of("Năm ngoái thương mại giảm.", "Năm ngoái", published) == "2017"
    assert value_of("Tháng tới hai bên sẽ gặp lại.", "Tháng tới", published) == "2018-06"
    assert value_of("Sự việc xảy ra cách đây 3 năm.", "cách đây 3 năm", published) == "2015"
    assert value_of("Họ đến từ 4 ngày trước.", "4 ngày trước", published) == "2018-05-12"
    assert value_of("Tháng 3 năm ngoái, hai bên ký kết.", "Tháng 3 năm ngoái", published) == "2017-03"


def test_partial_publication_date() -> None:
    assert value_of("Ông đến Hà Nội hôm 5/1.", "hôm 5/1", "2019-02") == "2019-01-05"
    assert ("Cuối tháng này", "2019-02", "END") in found("Cuối tháng này sẽ có bầu cử.", "2019-02")
    # a day is not known: the deictic day keeps X's instead of a guess
    assert value_of("Hôm qua đoàn tới.", "Hôm qua", "2019-02") == "XXXX-XX-XX"


def test_day_month_without_any_anchor_keeps_unknown_year() -> None:
    assert value_of("Cuộc gặp diễn ra hôm 12/4.", "hôm 12/4") == "XXXX-04-12"


def test_narrative_year_carries_forward_and_relative_days_follow_the_last_date() -> None:
    text = (
        "Ngày 20/10/1962, khủng hoảng bắt đầu. Ba ngày sau, hạm đội được điều động. "
        "Hạn chót là ngày 2/1 năm sau. Ngày 28/10, hai bên thỏa thuận. Cùng ngày, quân đội rút về."
    )
    values = dict((t.text, t.value) for t in tag(text))
    assert values["Ba ngày sau"] == "1962-10-23"
    assert values["ngày 2/1 năm sau"] == "1963-01-02"
    assert values["Ngày 28/10"] == "1962-10-28"
    assert values["Cùng ngày"] == "1962-10-28"


def test_a_year_mentioned_carries_to_later_days_and_holidays_without_publication() -> None:
    text = "Năm 1999 là một năm khó khăn. Ngày 4/5, biểu tình nổ ra. Đến Giáng sinh, tình hình lắng dịu."
    values = dict((t.text, t.value) for t in tag(text))
    assert values["Ngày 4/5"] == "1999-05-04"
    assert values["Giáng sinh"] == "1999-12-25"


def test_anaphoric_forms_without_anchor_stay_unknown() -> None:
    assert value_of("Hai ngày sau, họ rút quân.", "Hai ngày sau") == "XXXX-XX-XX"


def test_a_later_year_mention_is_a_deadline_not_the_narrative_year() -> None:
    text = "Hiệp ước hết hạn cuối năm 2030. Chiều 4/3, hai bên gặp nhau."
    assert value_of(text, "Chiều 4/3", "2025-03-10") == "2025-03-04TAF"


def test_recurring_day_after_a_set() -> None:
    assert ("ngày 1/6", "XXXX-06-01", None) in found("Hằng năm, cứ đến ngày 1/6, trẻ em được tặng quà.")


# ---------------------------------------------------------------- traps


@pytest.mark.parametrize(
    "text",
    [
        "Mỹ điều thêm 3.500 quân và 7.200 lính thủy.",
        "Hợp đồng trị giá 9 tỷ USD, giá vàng 1.900 USD/ounce.",
        "Tỷ lệ ủng hộ đạt 45%.",
        "Đội nhà thắng 2-1 trong trận chung kết.",
        "0:00 / 0:00",
        "Dân số chỉ bằng 1/4 so với trước.",
        "Tổng đài hỗ trợ 24/7.",
        "Tiểu đoàn số 3 và Nghị quyết 1441 được nhắc tới.",
        "Máy bay MiG-29 và F-16 bay qua.",
        "Giấy phép số 88/GP-BTTTT.",
        "Đoàn xe đi thêm 120 km.",
        "Anh ấy vừa hát vừa đàn.",
        "Sự hiện diện của quân đội và việc thực hiện cam kết.",
        "Gọi 0912.345.678 hoặc cập nhật phiên bản 2.3.1.",
        "Đây là lần thứ hai ông tới, vòng đàm phán thứ ba.",
        "Bao tháng năm trôi qua, làng vẫn nghèo.",
        "Nông dân tụ tập ngày thứ ba của cuộc đình công.",
        "Giá xăng tăng ngày thứ hai liên tiếp.",
    ],
)
def test_vietnamese_traps_are_not_times(text: str) -> None:
    assert found(text, "2020-06-15") == []


def test_digit_boundaries() -> None:
    assert [t.text for t in tag("Cuộc tấn công hôm 23/1 gây chấn động.")] == ["hôm 23/1"]


def test_hien_alone_is_present_ref() -> None:
    assert ("hiện", "PRESENT_REF", None) in found("Mỹ hiện duy trì 900 quân.")


# ---------------------------------------------------------------- English


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The talks resumed on Dec. 3, 2012, in Geneva.", "Dec. 3, 2012", "2012-12-03"),
        ("Officials met Sept. 9 in Baghdad.", "Sept. 9", "2021-09-09"),
        ("Sales fell last month.", "last month", "2021-10"),
        ("The bill passed earlier this year.", "earlier this year", "2021"),
        ("Troops left in the 1970s.", "the 1970s", "197"),
        ("Oil prices rose on Monday.", "Monday", "2021-11-08"),
        ("The deal expires at the end of 2023.", "the end of 2023", "2023"),
        ("Posted November 10, 2021 9:05 PM", "November 10, 2021 9:05 PM", "2021-11-10T21:05"),
    ],
)
def test_english_forms(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression, "2021-11-10", "en") == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The plant opened in nineteen eighty-two.", "nineteen eighty-two", "1982"),
        ("Profit rose from $3.1 million a year earlier in the third quarter.", "a year earlier", "2020-Q3"),
        ("Net income for the quarter was flat.", "the quarter", "2021-Q3"),
        ("The treaty was signed last May.", "last May", "2021-05"),
        ("Exports fell last November.", "last November", "2020-11"),
        ("Talks began in June last year.", "June last year", "2020-06"),
        ("Voting closes at 8 p.m. EST Thursday.", "8 p.m. EST Thursday", "2021-11-04T20:00"),
    ],
)
def test_english_news_conventions(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression, "2021-11-10", "en") == value


def test_english_numeric_dates_and_last_weekday() -> None:
    for stamp in ("11/03/2021 08:15", "03/11/2021 - 08:15"):  # month first, then day first
        assert value_of(f"Posted {stamp}", stamp, "2021-11-03", "en") == "2021-11-03T08:15"
    assert value_of("Talks broke down last Wednesday.", "last Wednesday", "2021-11-10", "en") == "2021-11-03"


def test_english_quarter_not_yet_begun_is_last_years() -> None:
    text = "Results for the fourth quarter disappointed; the second quarter looks better."
    assert value_of(text, "the fourth quarter", "2022-01-20", "en") == "2021-Q4"
    assert value_of(text, "the second quarter", "2022-05-20", "en") == "2022-Q2"


def test_english_relative_to_narrative() -> None:
    text = "The treaty was signed on June 4, 1999. Two days later, parliament ratified it."
    assert value_of(text, "Two days later", "2021-11-10", "en") == "1999-06-06"


def test_english_future_sentence_reads_weekday_ahead() -> None:
    assert value_of("The committee will vote on Friday.", "Friday", "2021-11-10", "en") == "2021-11-12"


def test_english_durations_sets_and_traps() -> None:
    tagged = found("For more than three years, 2,500 troops trained every week.", "2021-11-10", "en")
    assert ("more than three years", "P3Y", "MORE_THAN") in tagged
    assert ("every week", "P1W", None) in tagged
    recurring = found("The council meets every Thursday and closes each August.", "2021-11-10", "en")
    assert [value for _, value, _ in recurring] == ["XXXX-WXX-4", "XXXX-08"]
    assert not any("2,500" in text for text, _, _ in tagged)


# ---------------------------------------------------------------- forms of input and output


def test_nfd_input_gives_offsets_into_the_original_text() -> None:
    text = unicodedata.normalize("NFD", "Quân đội rút khỏi thành phố hôm thứ Sáu (14/8) và tuần trước.")
    tags = tag(text, published="2020-08-20")
    assert [t.value for t in tags] == ["2020-08-14", "2020-W33"]
    for t in tags:
        assert text[t.start : t.end] == t.text
    assert unicodedata.normalize("NFC", tags[0].text) == "hôm thứ Sáu (14/8)"


def test_only_inside_regions() -> None:
    text = "Ngày 1/2/2003 quân đội tới. Tin khác: ngày 5/5/2005."
    cut = text.index("Tin khác")
    assert [t.text for t in tag(text, regions=[(0, cut)])] == ["Ngày 1/2/2003"]


def test_unknown_language_has_no_expressions() -> None:
    assert tag("2020-01-01 12/12/2012", lang="xx") == []


def test_prefilter_finds_what_a_full_scan_finds() -> None:
    texts = {
        "vi": "Hơn 3 năm qua, từ ngày 2/9/2015 đến tháng 12, những tuần gần đây, (4/5) 10h30 sáng nay.",
        "en": "About five years ago, on Friday night, in March, the '90s, for weeks, Q3 2020, 3 p.m. today.",
    }
    for lang, text in texts.items():
        rules = grammar(lang)
        quick = [(m.start(), m.end()) for _, m in rules.scan(text, 0, len(text))]
        full = [(m.start(), m.end()) for _, m in rules.scan(text, 0, len(text), prefilter=False)]
        assert quick == full and quick


def test_timex3_validator() -> None:
    assert is_valid("DATE", "2024-Q3") and is_valid("TIME", "2010-08-31TEV") and is_valid("SET", "P1Y")
    assert is_valid("DATE", "2016-12/2017-01") and is_valid("DURATION", "PT100H")
    assert not is_valid("DATE", "2023-02-30") and not is_valid("DURATION", "3 days")
    assert not is_valid("DATE", "2024", "SOMETIMES")


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(max_size=200),
    published=st.one_of(
        st.none(),
        st.sampled_from(["2020", "2020-02", "2020-02-29", "2017-02-02T03:55:00", "0001-01-01", "9999-12-31"]),
        st.text(max_size=12),
    ),
    lang=st.sampled_from(["vi", "en"]),
)
def test_never_raises_and_spans_are_exact_and_valid(text: str, published: str | None, lang: str) -> None:
    for t in tag(text, published=published, lang=lang):
        assert text[t.start : t.end] == t.text
        assert is_valid(t.type, t.value, t.mod), t


_TIMEXY = st.lists(
    st.sampled_from(
        [
            "ngày",
            "hôm",
            "tháng",
            "năm",
            "2020",
            "3/1",
            "12",
            "/",
            ".",
            "-",
            " ",
            "thứ Hai",
            "qua",
            "sau",
            "trước",
            "đầu",
            "cuối",
            "(",
            ")",
            "Jan.",
            "Tuesday",
            "last",
            "the end of",
            "1990s",
            ":",
            "giờ",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_TIMEXY, lang=st.sampled_from(["vi", "en"]), nfd=st.booleans())
def test_time_like_noise_is_handled(text: str, lang: str, nfd: bool) -> None:
    if nfd:
        text = unicodedata.normalize("NFD", text)
    for t in tag(text, published="2021-06-30", lang=lang):
        assert text[t.start : t.end] == t.text
        assert is_valid(t.type, t.value, t.mod), t


def test_prefilter_matches_full_scan_on_shared_news(shared) -> None:
    """The start words must cover every rule: on real news both scans find the same expressions."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "dev" / "articles").glob("*.txt"))]
    for path in sorted((shared / "tempeval3" / "train").glob("*/*.tml"))[:40]:
        raw = path.read_text(encoding="utf-8")
        texts.append(re.sub(r"<[^>]+>", "", raw[raw.index("<TEXT>") :]))
    for text in texts:
        for code in ("vi", "en"):
            rules = grammar(code)
            quick = [(m.start(), m.end()) for _, m in rules.scan(text, 0, len(text))]
            full = [(m.start(), m.end()) for _, m in rules.scan(text, 0, len(text), prefilter=False)]
            assert quick == full, (code, text[:80])


def test_a_date_beside_a_weekday_wins_over_the_weekday() -> None:
    # published on a Monday: the bracketed date is the Thursday before, not the coming one
    assert found("Đội tuyển về nước vào thứ Năm (15/8) trong niềm vui.", "2024-08-19") == [
        ("vào thứ Năm (15/8)", "2024-08-15", None)
    ]


def test_vietnamese_tense_cues_decide_a_weekday_s_direction() -> None:
    # published on a Tuesday; a bare weekday is the coming one, "đã" puts it in the past
    assert value_of("Hai bên sẽ ký biên bản vào thứ Sáu.", "vào thứ Sáu", "2024-08-20") == "2024-08-23"
    assert value_of("Hai bên đã ký biên bản vào thứ Sáu.", "vào thứ Sáu", "2024-08-20") == "2024-08-16"
    assert value_of("Họ đã hứa sẽ ký vào thứ Sáu.", "vào thứ Sáu", "2024-08-20") == "2024-08-23"
    # a passive of what befell someone ('bị pháo kích') told it in the past too
    assert value_of("Căn cứ bị pháo kích vào thứ Sáu.", "vào thứ Sáu", "2024-08-20") == "2024-08-16"


def test_a_clock_time_takes_the_day_that_follows_it() -> None:
    assert found("Căn cứ bị pháo kích lúc 8 giờ 15' sáng thứ Sáu.", "2024-08-20")[0][1] == "2024-08-16T08:15"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Cả nhà về quê ăn Tết Nguyên đán năm 2030.", "2030-02-03"),
        ("Phố cổ treo đèn lồng dịp Tết Trung thu năm 2021.", "2021-09-21"),
        # a year Vietnam's calendar (UTC+7) and the Chinese one (UTC+8) begin on different days
        ("Ông về nước đúng Tết Nguyên đán năm 1985.", "1985-01-21"),
        ("Chợ hoa mở cửa trước Tết Nguyên đán năm 2025.", "2025-01-29"),
        # a year the library would compute but no calendar of the time agrees with: the year alone
        ("Truyện kể về Tết Nguyên đán năm 1200.", "1200"),
    ],
)
def test_lunar_holidays_are_computed_for_any_year(text: str, value: str) -> None:
    assert [t.value for t in tag(text)] == [value]


def test_lunar_calendar_library_is_permissively_licensed() -> None:
    # the project is not under the GPL: its calendar library must not be either
    from importlib.metadata import metadata

    assert metadata("lunar_python")["License"] in {"MIT", "BSD", "BSD-3-Clause"}


def test_tet_always_falls_between_late_january_and_late_february() -> None:
    for year in range(1950, 2080):
        (tet,) = tag(f"Tết Nguyên đán năm {year}")
        assert f"{year}-01-21" <= tet.value <= f"{year}-02-20", tet


def test_vietnamese_month_and_year_joined_by_a_full_stop() -> None:
    # news pages write "tháng 12.2021" as they write "ngày 6.1"
    assert value_of("Đợt thi công cuối cùng xong hồi tháng 11.2019.", "tháng 11.2019") == "2019-11"
    # a decimal after a month is no year
    assert value_of("Lãi suất giảm 0.5 điểm trong tháng 4.", "tháng 4", "2022-06-01") == "2022-04"


def test_a_live_posts_clock_is_the_publication_days_not_a_historical_days() -> None:
    text = "The record was set on April 6, 1886.\n(10:55 a.m. ET) Four thousand flights were canceled.\n"
    assert value_of(text, "10:55 a.m. ET", published="2011-02-02", lang="en") == "2011-02-02T10:55"
    text = "On Sept. 11, 2001, the first plane hit. At 9:03 a.m., a second plane hit the tower.\n"
    assert value_of(text, "9:03 a.m.", published="2011-09-10", lang="en") == "2001-09-11T09:03"


def test_going_to_puts_a_month_in_the_future() -> None:
    text = "He said he is not going to run in the September elections."
    assert value_of(text, "September", published="2011-01-30", lang="en") == "2011-09"


def test_a_time_zone_is_written_in_capitals_so_a_following_word_is_none() -> None:
    night = value_of("The convoy left at 10pm last night for Basra.", "10pm last night", "2030-05-02", "en")
    assert night == "2030-05-01T22:00"
    zoned = value_of("Polls closed at 8 p.m. EST on the coast.", "8 p.m. EST", "2030-05-02", "en")
    assert zoned == "2030-05-02T20:00"
    eastern = value_of("Voting ended at 9 a.m. ET on Monday.", "9 a.m. ET on Monday", "2030-05-02", "en")
    assert eastern == "2030-04-29T09:00"


def test_a_time_zones_name_after_a_clock_is_part_of_the_time_but_not_a_place_it_begins() -> None:
    text = "The envoy will speak at 3 p.m. Eastern, then at noon Central time on Friday."
    assert found(text, "2030-05-02", "en") == [
        ("3 p.m. Eastern", "2030-05-02T15:00", None),
        ("noon Central time on Friday", "2030-05-03T12:00", None),
    ]
    assert [t for t, _, _ in found("The envoy flew at 5 p.m. Eastern Europe time.", "2030-05-02", "en")] == [
        "5 p.m."
    ]


def test_a_holiday_without_a_year_takes_the_publications_not_a_year_named_in_passing() -> None:
    text = "The talks follow the 2022 summit in Basra. Officials said the visit clashed with Thanksgiving."
    assert value_of(text, "Thanksgiving", "2030-11-26", "en") == "2030-11-28"  # the coming one, two days on
    text = "Officials said the convoy left on Thanksgiving."
    assert value_of(text, "Thanksgiving", "2030-03-02", "en") == "2029-11-22"  # long after: the last one


def test_n_units_after_a_happening_that_follows_a_date_lie_before_it() -> None:
    text = "Quân đội rời căn cứ năm 2015, 4 năm sau khi tiếp quản nó."
    assert value_of(text, "4 năm sau", "2021-03-10") == "2011"
    text = "Ngày 2/3/2015, hai bên ký hiệp định. Ba ngày sau khi ký, quân đội rời căn cứ."
    assert value_of(text, "Ba ngày sau", "2021-03-10") == "2015-03-05"


def test_a_vietnamese_weekday_before_that_is_one_expression() -> None:
    text = "Hôm thứ Ba, đoàn xe tới Basra, và hôm thứ Hai trước đó đoàn rời Baghdad."
    assert value_of(text, "hôm thứ Hai trước đó", published="2030-05-23") == "2030-05-20"


def test_a_bracket_belongs_to_a_date_only_with_its_pair() -> None:
    text = "Chiến dịch mở màn (ngày 19/3/2003). Một tháng sau (2/5/2003), họ tuyên bố thắng lợi."
    assert [t for t, _, _ in found(text)] == ["ngày 19/3/2003", "Một tháng sau", "(2/5/2003)"]


def test_a_shift_takes_the_day_named_in_brackets_after_it() -> None:
    en = "The siege began on June 3, 2011. Just over a week later (on June 12, 2011), the town fell."
    assert value_of(en, "Just over a week later", lang="en") == "2011-06-12"
    vi = "Ngày 3/6/2011, cuộc vây hãm bắt đầu. Khoảng một tuần sau (ngày 12/6/2011), thị trấn thất thủ."
    assert value_of(vi, "Khoảng một tuần sau") == "2011-06-12"
    about = "The siege began on June 3, 2011. About a week later, the town fell."
    assert value_of(about, "About a week later", lang="en") == "2011-W23"


def test_an_approximate_count_of_decades_from_a_day_places_no_decade() -> None:
    text = "The treaty was signed in 1990, a step thought unthinkable less than a decade earlier."
    assert ("less than a decade earlier", "DURATION", "P10Y", "LESS_THAN") in [
        (t.text, t.type, t.value, t.mod) for t in tag(text, lang="en")
    ]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The fair was held Sept. 8-10, 2015 in Erbil.", "Sept. 8-10, 2015", "2015-09-08/2015-09-10"),
        ("On May 4 and 5, the envoys met in Amman.", "May 4 and 5", "2021-05-04/2021-05-05"),
        ("Polls open 12 to 14 June 2018.", "12 to 14 June 2018", "2018-06-12/2018-06-14"),
    ],
)
def test_english_days_of_one_month_are_one_span(text: str, expression: str, value: str) -> None:
    assert value_of(text, expression, "2021-07-01", lang="en") == value


def test_english_a_count_after_a_day_and_is_no_span() -> None:
    assert value_of("On May 4 and 5 people were hurt.", "May 4", "2021-07-01", lang="en") == "2021-05-04"


def test_a_year_a_state_lasts_since_is_not_the_story_s() -> None:
    text = "Phiến quân đã chiếm thị trấn từ tháng 6-2014.\n\nNgày 24-3, quân đội tiến vào cửa ngõ thị trấn."
    assert value_of(text, "Ngày 24-3", "2017-03") == "2017-03-24"


def test_a_weekday_after_a_or_one_is_one_of_many_and_no_date() -> None:
    for text in (
        "The children walked to the market on a Saturday morning to buy bread.",
        "They met one Sunday.",
    ):
        assert tag(text, published="2031-01-30", lang="en") == [], text
    text = "The council met on Saturday morning."
    assert value_of(text, "Saturday morning", published="2031-01-30", lang="en") == "2031-01-25"
    text = "The mayor spoke at a Saturday meeting of the council."
    assert value_of(text, "Saturday", published="2031-01-30", lang="en") == "2031-01-25"


def test_a_date_beside_a_relative_day_is_that_day_unless_it_cannot_be() -> None:
    assert value_of("Thủ tướng hôm qua 28/4 tuyên bố rút quân.", "hôm qua 28/4", "2030-04-29") == "2030-04-28"
    # a page dated a day late keeps the written date
    assert value_of("Hôm qua (28/4), Mỹ không kích Mosul.", "Hôm qua (28/4)", "2030-04-30") == "2030-04-28"
    # three quarters of the votes, no date: today stays today
    assert value_of("Hôm nay 3/4 số phiếu ủng hộ ông.", "Hôm nay 3/4", "2030-04-29") == "2030-04-29"


def test_a_month_of_last_year_with_no_publication_year_keeps_its_year_unknown() -> None:
    text = "Tên lửa bắn vào Vùng Xanh đêm 19/5/2030. Đây là vụ đầu tiên từ tháng 9 năm ngoái."
    assert value_of(text, "tháng 9 năm ngoái") == "XXXX-09"  # not the narrative's 2030
    assert value_of(text, "tháng 9 năm ngoái", "2030-05-20") == "2029-09"


def test_a_shift_before_year_one_is_a_length_not_a_date():
    for text, lang in (
        ("Nền văn minh này ra đời từ 67 thế kỷ trước.", "vi"),
        ("It began 25 centuries ago.", "en"),
    ):
        (found,) = tag(text, published="2011-03-11", lang=lang)
        assert found.type == "DURATION" and is_valid(found.type, found.value)


def test_a_weekdays_closing_qua_is_the_last_one_but_not_a_preposition() -> None:
    assert found("Quân Mỹ rút khỏi Basra hôm chủ nhật qua.", "2030-05-08") == [
        ("hôm chủ nhật qua", "2030-05-05", None)
    ]
    assert [t for t, _, _ in found("Hôm thứ Hai qua điện thoại, hai bên trao đổi.", "2030-05-08")] == [
        "Hôm thứ Hai"
    ]


def test_a_day_told_from_now_in_a_quotation_is_told_from_the_day_its_saying_names() -> None:
    text = "“Dân quân đã bắn rocket vào căn cứ đêm qua”, người phát ngôn ngày 21/11 cho biết."
    assert [(t, v) for t, v, _ in found(text)] == [("đêm qua", "XXXX-11-20TNI"), ("ngày 21/11", "XXXX-11-21")]
    assert [(t, v) for t, v, _ in found(text, "2023-11-23")][0] == ("đêm qua", "2023-11-20TNI")


def test_with_no_publication_a_year_named_in_a_days_sentence_dates_the_months_after_it() -> None:
    text = "Diễn biến lớn nhất năm 2030 là cuộc đảo chính vào ngày 29-6. Đầu tháng 8, quân đội rút về."
    assert value_of(text, "vào ngày 29-6") == "2030-06-29"
    assert value_of(text, "Đầu tháng 8") == "2030-08"
    # ... but a year named in passing in an earlier sentence does not
    text = "Ông bị kết án vì vụ thảm sát năm 1982. Chiều 29-12, ông bị đưa ra pháp trường."
    assert value_of(text, "Chiều 29-12").startswith("XXXX-12-29")
