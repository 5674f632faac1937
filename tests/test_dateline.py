"""The page's own publication date from a timestamp line near the top."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.dateline import (
    dateline,
    dateline_day,
    inline_stamps,
    labelled_date,
    page_published,
    page_title,
    post_clocks,
    timestamps,
)
from extract.pipeline import process_file
from extract.read import read_article
from extract.timex import tag

BODY = "Quân đội hai nước hôm qua đã tổ chức một cuộc họp kéo dài nhiều giờ tại thủ đô để bàn về hợp tác.\n"


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Thứ Hai, 29/01/2024 - 08:15", "2024-01-29"),
        ("21/08/2020 06:55 GMT+7", "2020-08-21"),
        ("Thứ sáu, 13/6/2014 | 08:20 GMT+7", "2014-06-13"),
        ("Chủ nhật, 7/4/2019, 10:02 (GMT+7)", "2019-04-07"),
        ("Cập nhật: 10:00 ngày 29 tháng 1 năm 2024", "2024-01-29"),
        ("Published 6:14 AM EST, March 7, 2023", "2023-03-07"),
        ("October 1, 2025 6:12 AM GMT+3 · Updated 2 hours ago", "2025-10-01"),
        ("October 1, 2025 6:12AM GMT+3Updated 2 hours ago", "2025-10-01"),
        ("Sept. 27, 2024", "2024-09-27"),
        ("Tuesday 4 June 2019 08.15 BST", "2019-06-04"),
        ("2024-01-29T08:15:00+07:00", "2024-01-29"),
    ],
)
def test_timestamp_line_forms(line: str, published: str) -> None:
    assert page_published(f"Tiêu đề bài viết\n\n{line}\n\n{BODY}") == published


@pytest.mark.parametrize(
    "line",
    [
        "Ngày 10/6/2014, các tay súng giành quyền kiểm soát thành phố lớn thứ hai của đất nước.",
        "Hà Nội sẵn sàng cho Đại lễ kỷ niệm (1/10/2010)",
        "Giá vàng thế giới vượt mốc mới (4/8)",
        "31/02/2024 08:15",  # no such day
    ],
)
def test_dates_in_prose_headlines_or_impossible_are_not_timestamps(line: str) -> None:
    assert page_published(f"{line}\n\n{BODY}") is None


def test_footer_and_comment_dates_are_never_taken() -> None:
    lines = (
        ["Tiêu đề bài viết", BODY] + [BODY] * 12 + ["Minh Anh - 21/08/2020 08:12", "© Copyright 2005-2010"]
    )
    assert page_published("\n".join(lines)) is None


def test_published_wins_over_an_earlier_update_line() -> None:
    text = "Updated 9:00 AM ET, March 8, 2023\nPublished 6:14 AM EST, March 7, 2023\n\n" + BODY
    assert page_published(text) == "2023-03-07"


def test_relative_update_time_is_left_out_of_the_timestamp_content() -> None:
    text = "Title\nOctober 1, 2025 6:12 AM GMT+3 · Updated 2 hours ago\n" + BODY
    (stamp,) = timestamps(text)
    assert text[stamp.start : stamp.content_end] == "October 1, 2025 6:12 AM GMT+3"
    assert not stamp.updated


def test_english_numeric_dates_read_month_first_vietnamese_day_first() -> None:
    english = "Troops return home\nPublished 03/07/2023 06:14 AM\n\nThe soldiers arrived on Tuesday night.\n"
    assert page_published(english) == "2023-03-07"
    assert page_published("Tiêu đề\n03/07/2023 06:14\n\n" + BODY) == "2023-07-03"


def test_read_article_fills_published_from_the_timestamp(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Thứ Tư, 01/09/2010 - 07:45\n\nMỹ kết thúc sứ mệnh\n\n" + BODY, encoding="utf-8")
    assert read_article(path)[1].published == "2010-09-01"


def test_a_labelled_date_opening_an_exported_page_gives_its_day_or_month() -> None:
    text = " date 2030-08 BASRA -- Dân quân bắn rocket vào căn cứ hôm thứ Bảy, ngày 3/8.\n"
    assert labelled_date(text) == (1, 13, "2030-08")
    assert page_published(text) == "2030-08"
    assert (
        page_published("Date: 2030-01-05\n\nIraq's parliament voted on Sunday to expel troops.\n")
        == "2030-01-05"
    )
    # not a date of the calendar, not at the page's opening, not an ISO day run into more digits
    assert labelled_date("date 2030-02-30 Iraq voted.") is None
    assert labelled_date("The date 2030-08 was set for the vote.") is None
    assert labelled_date("date 2030-08-0512 Iraq voted.") is None


def test_a_stamp_run_into_its_headline_dates_the_page_even_after_a_list_of_links() -> None:
    links = "".join(f"Tin liên quan số {n} về thời tiết -\n" for n in range(15))
    text = links + "20/05/2030 17:09Tấn công tên lửa gần đại sứ quán Mỹ ở Iraq\n" + BODY
    assert page_published(text) == "2030-05-20"
    # a date in prose, or a clock followed by a space, is no such stamp
    assert page_published(links + "Hôm 20/05/2030 17:09 tên lửa rơi gần đại sứ quán.\n") is None


def test_a_labelled_date_is_cut_from_the_article_and_dates_its_story(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2030-08 BASRA -- Dân quân bắn rocket vào căn cứ ngày 3/8.\n", encoding="utf-8")
    document, events = process_file(path, "a.txt", None)
    start, end = document.regions[0]
    assert document.text[start:end].lstrip().startswith("BASRA")
    assert [e.date for e in events] == ["2030-08-03"]


def test_dev_pages_give_their_gold_publication_day(shared: Path) -> None:
    gold = {d["file"]: d for d in json.loads((shared / "dev" / "gold.json").read_text())["documents"]}
    for path in sorted((shared / "dev" / "articles").glob("*.txt")):
        _, meta = read_article(path)
        # dev_01 shows no date at all (only footer years): its published stays unknown.
        assert meta.published == gold[path.name]["published"], path.name


def test_an_ambiguous_numeric_date_is_settled_by_the_weekdays_of_the_lead() -> None:
    stamp = "Published on: 09/12/2021 - 15:32\n\n"
    agency = stamp + "Baghdad (Agency) - Iraq announced Thursday the end of the combat mission.\n"
    assert page_published(agency) == "2021-12-09"  # 9 December 2021 was a Thursday
    us = stamp + "Washington - The Pentagon said Sunday that the drill was over.\n"
    assert page_published(us) == "2021-09-12"
    assert page_published(stamp + "Baghdad - Iraq announced the end of the combat mission.\n") is None
    day_first = "Published on: 13/12/2021\n\nIraq announced the end of the mission.\n"
    assert page_published(day_first) == "2021-12-13"


def test_the_headline_is_the_first_head_line_that_reads_like_one() -> None:
    text = (
        "Thế giới\nThứ tư, 8/1/2020, 14:20 (GMT+7)\nIran phóng tên lửa vào căn cứ có lính Mỹ ở Iraq\n" + BODY
    )
    assert page_title(text) == "Iran phóng tên lửa vào căn cứ có lính Mỹ ở Iraq"
    assert page_title("Thế giới\n\n" + BODY) is None


def test_a_section_label_before_a_bar_keeps_a_timestamp_line() -> None:
    assert page_published("Tiêu đề bài viết\n\nThời sự | 11/06/2020 14:35\n\n" + BODY) == "2020-06-11"
    assert (
        page_published("Tiêu đề\n\nMỹ và Iraq đối thoại chiến lược lần đầu | 11/06/2020\n\n" + BODY) is None
    )


@pytest.mark.parametrize(
    ("text", "place", "day"),
    [
        ("KIRKUK, March 14 — Engineers reopened the pipeline.", "KIRKUK, March 14 —", "2021-03-14"),
        (
            "ERBIL, Iraq, Aug. 30, 2018 (Reuters) - Flights resumed.",
            "ERBIL, Iraq, Aug. 30, 2018 (Reuters) -",
            "2018-08-30",
        ),
        (
            "Harbour strike ends\nNEW ORLEANS, Dec. 30 -- Dockers voted.",
            "NEW ORLEANS, Dec. 30 --",
            "2020-12-30",
        ),
        ("Amman, Jordan (AP) -- A convoy crossed.", "Amman, Jordan (AP) --", None),
        ("HUẾ, ngày 2/4 (TTXVN) - Đoàn khách tới thăm.", "HUẾ, ngày 2/4 (TTXVN) -", "2021-04-02"),
    ],
)
def test_datelines_in_agency_forms(text: str, place: str, day: str | None) -> None:
    line = dateline(text)
    assert line is not None and text[line.start : line.end] == place
    assert dateline_day(line, "2021-04-05") == day


@pytest.mark.parametrize(
    "text",
    [
        "The point - said the coach - is rhythm.",
        "So -- what now?",
        "UN - a body of nations.",
        "Ảnh: Reuters - minh họa",
    ],
)
def test_dashes_in_prose_are_not_datelines(text: str) -> None:
    assert dateline(text) is None


def test_a_dateline_anchors_the_story_s_weekdays_and_dates_the_page() -> None:
    text = "KIRKUK, March 14 — Engineers reopened the pipeline on Tuesday, the ministry said."
    # published the next Wednesday: "Tuesday" is the one before the dateline's Thursday, not March 19
    assert [(t.text, t.value) for t in tag(text, published="2024-03-20", lang="en")] == [
        ("March 14", "2024-03-14"),
        ("Tuesday", "2024-03-12"),
    ]
    assert (
        page_published("Flights resume\n\nERBIL, Iraq, Aug. 30, 2018 (Reuters) - Planes landed.")
        == "2018-08-30"
    )


@pytest.mark.parametrize(
    ("text", "stamp"),
    [
        ("Talks resume KABUL | Tue May 3, 2022 4:05 pm EDT KABUL -", "KABUL | Tue May 3, 2022 4:05 pm EDT"),
        ("SIRTE, Libya | Sun Oct 2, 2011 1:27 pm EDT SIRTE -", "SIRTE, Libya | Sun Oct 2, 2011 1:27 pm EDT"),
        ("Oslo talks updated: Fri Oct 14 2016 09:31:07 Envoys met.", "updated: Fri Oct 14 2016 09:31:07"),
        ("arrived from Lima Sunday 2 June 2013 18.20 BST The minister said", "Sunday 2 June 2013 18.20 BST"),
        ("arrived from Lima Sunday 2 June 2013 18H20 BST The minister said", "Sunday 2 June 2013 18H20 BST"),
        ("3 May 2016 Last updated at 09:12 GMT The minister said", "3 May 2016 Last updated at 09:12 GMT"),
        ("a fair point. March 4, 2014 at 2:10 pm | Reply No, it was not", "March 4, 2014 at 2:10 pm |"),
        ("Chủ nhật, 2/6/2013 18:20 (GMT+7) Bộ trưởng cho biết", "Chủ nhật, 2/6/2013 18:20 (GMT+7)"),
        ("nice post. May 4, 2014 09:10 pm at 9:10 pm | Sadly no", "May 4, 2014 09:10 pm at 9:10 pm |"),
        ('peace through talks" 12th March 2013 - 16:42 I doubt it', "12th March 2013 - 16:42"),
    ],
)
def test_machine_stamps_inside_a_line_are_found_with_what_leads_into_them(text: str, stamp: str) -> None:
    assert [text[a:b] for a, b in inline_stamps(text)] == [stamp]


@pytest.mark.parametrize(
    "text",
    [
        "The convoy left on May 3, 2022 at 4:05 pm, officials said.",  # prose gives no seconds or zone
        "Hôm 2/6/2013 lúc 18:20, đoàn xe rời thủ đô.",
        "The vote on May 3, 2022 ended 52-48.",
        "The storm struck on 3 May 2022 - 10 people died.",
    ],
)
def test_dates_and_times_of_prose_are_not_stamps(text: str) -> None:
    assert inline_stamps(text) == []


def test_a_live_blogs_post_clocks_are_found_and_a_chronologys_years_are_not() -> None:
    blog = "Live: flood relief\n2215 Aid lands in Basra.\n1940 The envoy arrives.\n0905 Rain stops.\n"
    assert [blog[a:b] for a, b in post_clocks(blog, "2019-04-02")] == ["2215", "1940", "0905"]
    evening = "2215 Aid lands.\n2140 The envoy arrives.\n2005 Rain stops.\n"
    assert [evening[a:b] for a, b in post_clocks(evening, "2019-04-02")] == ["2215", "2140", "2005"]
    chronology = "1991 The Gulf War ends.\n2003 US troops invade.\n2011 US troops leave.\n"
    assert post_clocks(chronology, "2019-04-02") == []
    assert post_clocks("0905 Rain stops.\n1940 The envoy arrives.\n", "2019-04-02") == []  # two posts


def test_a_dateline_after_a_headline_that_closes_with_a_quotation_is_found():
    text = 'Rebels vow to "hold the city" Tripoli, Libya (CNN) -- The government said Sunday it had won.'
    found = dateline(text)
    assert found is not None and text[found.start :].startswith("Tripoli, Libya (CNN) --")


def test_a_bracket_that_abbreviates_the_name_before_it_is_no_agency() -> None:
    for prose in (
        "Aid lands\n\nYesterday the Arab Relief Council (ARC) - which sent 40 trucks - said more would come.",
        "Aid lands\n\nThe North Atlantic Aid Council (NAAC) - which sent 40 trucks - said more would come.",
    ):
        assert dateline(prose) is None
    for text, place in (
        ("Aid lands in the north Mosul, Iraq (Wire) -- Trucks arrived.", "Mosul, Iraq (Wire) --"),
        ("Aid Lands In Mosul MOSUL (WA) - Trucks arrived.", "MOSUL (WA) -"),
        ("Aid reaches Ras Tanura Ras Tanura (RTN) -- Trucks arrived.", "Ras Tanura (RTN) --"),
    ):
        found = dateline(text)
        assert found is not None and text[found.start : found.end] == place
