"""Reference time that follows the story: bare days and months take the year the narrative is telling."""

from __future__ import annotations

from extract.clean import clean
from extract.model import Metadata
from extract.timex import tag, tag_document


def values(text: str, published: str | None, lang: str) -> dict[str, str]:
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


def test_a_vietnamese_year_named_in_passing_leaves_a_later_bare_month_to_publication() -> None:
    text = "Ông Roe năm 2017 tuyên bố rút quân. Bà Poe hồi tháng 7 đồng ý đàm phán."
    assert values(text, "2030-12-10", "vi")["tháng 7"] == "2030-07"
    framed = "Năm 2017, ông Roe tuyên bố rút quân. Bà Poe hồi tháng 7 đồng ý đàm phán."
    assert values(framed, "2030-12-10", "vi")["tháng 7"] == "2017-07"


def test_a_frame_set_after_the_latest_full_date_moves_the_story_on() -> None:
    text = (
        "The war followed the March 4, 2021, bombing of the port. In 2024, the army left Basra "
        "but came back in 2026. Talks resumed in January."
    )
    assert values(text, None, "en")["January"] == "2026-01"  # not the month after March 2021


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


# ---------------------------------------------------------------- Vietnamese: the story's year and tense cues


def test_vietnamese_that_year_and_the_same_year_are_the_story_s_year() -> None:
    text = "Năm 2008, nhà máy đóng cửa. Năm đó, công nhân về quê. Cuối năm ấy, chủ mới mua lại."
    found = values(text, "2023-06-01", "vi")
    assert found["Năm đó"] == "2008"
    assert found["Cuối năm ấy"] == "2008"
    same = values("Năm 2008, cầu được khởi công. Cùng năm, con đường mở rộng.", "2023-06-01", "vi")
    assert same["Cùng năm"] == "2008"
    month = values("Năm 2008, cầu thông xe. Tháng 6 năm đó, đường sắt chạy lại.", "2023-06-01", "vi")
    assert month["Tháng 6 năm đó"] == "2008-06"


def test_vietnamese_year_before_and_years_later_count_from_the_story_s_year() -> None:
    found = values("Năm 2008, cầu thông xe. Năm trước đó, dự án bị hoãn.", "2023-06-01", "vi")
    assert found["Năm trước đó"] == "2007"
    found = values("Năm 2008, cầu thông xe. Ba năm sau, cầu xuống cấp.", "2023-06-01", "vi")
    assert found["Ba năm sau"] == "2011"


def test_vietnamese_next_year_in_a_plan_counts_from_publication() -> None:
    story = values("Năm 2008, cầu thông xe. Đầu năm sau, cầu được sơn lại.", "2023-06-01", "vi")
    assert story["Đầu năm sau"] == "2009"
    plan = values("Năm 2008, cầu thông xe. Đầu năm sau, cầu sẽ được sơn lại.", "2023-06-01", "vi")
    assert plan["Đầu năm sau"] == "2024"


def test_vietnamese_next_day_is_the_day_after_the_story_s_day() -> None:
    found = values("Ngày 12/3/2015, đoàn khảo sát tới. Hôm sau, đoàn rời đi.", "2023-06-01", "vi")
    assert found["Hôm sau"] == "2015-03-13"
    storm = values("Ngày 12/3/2015, bão tới. Ngày hôm sau, trời tạnh.", "2023-06-01", "vi")
    assert storm["Ngày hôm sau"] == "2015-03-13"


def test_vietnamese_coming_and_just_past_days_are_read_from_publication() -> None:
    context = "Năm 2016, hai tỉnh tranh chấp đất. "
    assert values(context + "Ngày 4/7 tới, hai tỉnh họp.", "2023-06-01", "vi")["Ngày 4/7 tới"] == "2023-07-04"
    assert values(context + "Ngày 4/5 vừa qua, hai tỉnh họp.", "2023-06-01", "vi")["Ngày 4/5 vừa qua"] == (
        "2023-05-04"
    )
    # just past, though the day/month would fall after publication: the year before
    assert values(context + "Ngày 4/7 vừa qua, hai tỉnh họp.", "2023-06-01", "vi")["Ngày 4/7 vừa qua"] == (
        "2022-07-04"
    )
    assert values(context + "Tháng 9 tới, hai tỉnh họp.", "2023-06-01", "vi")["Tháng 9 tới"] == "2023-09"


def test_vietnamese_tense_cues_choose_between_the_story_and_publication() -> None:
    context = "Năm 2016, hai tỉnh tranh chấp đất. "
    # no cue: the story's year; "vừa" (has just) and "sẽ" (will), even after a fronted date: publication's
    assert values(context + "Ngày 4/5, hai tỉnh họp.", "2023-06-01", "vi")["Ngày 4/5"] == "2016-05-04"
    assert values(context + "Ngày 4/5, hai tỉnh vừa họp.", "2023-06-01", "vi")["Ngày 4/5"] == "2023-05-04"
    assert values(context + "Ngày 4/7, hai tỉnh sẽ họp.", "2023-06-01", "vi")["Ngày 4/7"] == "2023-07-04"
    # a plan told in the year it was made stays in that year
    planned = values("Năm 2016, tỉnh cho biết sẽ họp vào ngày 4/7.", "2023-06-01", "vi")
    assert planned["vào ngày 4/7"] == "2016-07-04"
    # "vừa ... vừa" (both ... and) is no cue
    both = values(context + "Ông vừa là chủ tịch vừa là bí thư từ ngày 4/5.", "2023-06-01", "vi")
    assert both["ngày 4/5"] == "2016-05-04"


def test_vietnamese_fronted_weekday_takes_the_tense_of_its_verb() -> None:
    # published on a Thursday
    assert values("Thứ Hai, hai bên đã ký biên bản.", "2023-06-01", "vi")["Thứ Hai"] == "2023-05-29"
    assert values("Thứ Hai, hai bên sẽ ký biên bản.", "2023-06-01", "vi")["Thứ Hai"] == "2023-06-05"


def test_vietnamese_day_and_month_in_words_after_a_head_word_is_a_date() -> None:
    assert values("Hôm 9 tháng 3, hai bên gặp nhau.", "2023-06-01", "vi")["Hôm 9 tháng 3"] == "2023-03-09"
    # a length is still a length
    assert values("Dự án kéo dài 9 tháng.", "2023-06-01", "vi")["9 tháng"] == "P9M"


def test_vietnamese_day_told_in_the_past_is_not_after_publication() -> None:
    # published 1 June: a meeting that "đã" happened on 4/7 is last year's; a plan keeps this year's
    assert values("Ngày 4/7, hai tỉnh đã họp bàn.", "2023-06-01", "vi")["Ngày 4/7"] == "2022-07-04"
    assert values("Hai tỉnh họp bàn hôm 4/7.", "2023-06-01", "vi")["hôm 4/7"] == "2022-07-04"
    assert values("Hai tỉnh sẽ họp bàn hôm 4/7.", "2023-06-01", "vi")["hôm 4/7"] == "2023-07-04"
    # a day or two after publication is a stamp's slack, not a year ago
    assert values("Ngày 2/6, hai tỉnh đã họp bàn.", "2023-06-01", "vi")["Ngày 2/6"] == "2023-06-02"


def test_months_later_count_from_the_month_the_story_told() -> None:
    text = "The levee failed in March 2008. Six months later, the town voted to rebuild it."
    assert values(text, "2012-05-02", "en")["Six months later"] == "2008-09"
    vi = "Tháng 3/2008, con đê bị vỡ. Cuối tháng đó, xã họp bàn việc đắp lại."
    assert values(vi, "2012-05-02", "vi")["Cuối tháng đó"] == "2008-03"


def test_a_day_told_without_its_year_is_the_one_nearest_the_narratives_latest_date() -> None:
    text = "Thủ tướng phát biểu hôm 28.12.2030. Phát biểu được đưa ra lại ngày 5.1, sau vụ không kích."
    assert values(text, "2031-01-06", "vi")["ngày 5.1"] == "2031-01-05"
    text = "Iraq invaded Kuwait on Aug. 2, 2030. On Jan. 17, the coalition began its air war."
    assert values(text, None, "en")["Jan. 17"] == "2031-01-17"
    # ... but never after publication
    assert values(text, "2030-12-01", "en")["Jan. 17"] == "2030-01-17"


def test_a_photo_caption_sets_no_year_for_the_story() -> None:
    text = (
        "Bộ trưởng phát biểu tại Basra hôm 20.12.2019. Ảnh: TTXVN\n\n"
        "Phát biểu được đưa ra ngày 3.1, khi hai bên nối lại đàm phán.\n"
    )
    doc = clean("a.txt", text, Metadata(published="2021-01-04", language="vi"))
    assert doc.captions and text[slice(*doc.captions[0])].startswith("Bộ trưởng phát biểu")
    found = {t.text: t.value for t in tag_document(doc, "vi")}
    assert found["hôm 20.12.2019"] == "2019-12-20"  # the caption's own date is read
    assert found["ngày 3.1"] == "2021-01-03"  # the story's day is the publication's year, not 2019
    plain = tag(text.replace(" Ảnh: TTXVN", ""), published="2021-01-04", lang="vi")
    # prose does set the year: the 3 January after its 20 December 2019
    assert {t.text: t.value for t in plain}["ngày 3.1"] == "2020-01-03"


def test_a_short_line_that_says_it_is_a_photo_is_a_caption() -> None:
    caption = "Delegates arrive in Basra in this March 2, 2019 file photo."
    text = f"Talks resume in Basra\n\n{caption}\n\nTalks resumed on Monday after a long pause.\n"
    doc = clean("a.txt", text, Metadata())
    assert [text[a:b] for a, b in doc.captions] == [caption]


def test_a_bare_month_told_in_the_past_is_not_after_publication() -> None:
    published = "2030-02-15"
    assert values("In April, the governor closed the northern border.", published, "en")["April"] == "2029-04"
    assert values("The fund, which was founded in June, pays.", published, "en")["June"] == "2029-06"
    assert values("In April, the governor will close the border.", published, "en")["April"] == "2030-04"
    assert values("The vote is expected in April.", published, "en")["April"] == "2030-04"


def test_a_deadline_year_does_not_date_the_story_s_bare_days() -> None:
    text = "Quân Mỹ được ở lại Iraq đến hết năm 2030.\n\nNgày 12/4, quốc hội Iraq đã phê chuẩn hiệp định."
    found = {t.text: t.value for t in tag(text, published=None, lang="vi")}
    assert found["Ngày 12/4"] == "XXXX-04-12"
    text = "The troops may stay until the end of 2030.\n\nOn April 12, Iraq's parliament approved the pact."
    found = {t.text: t.value for t in tag(text, published=None, lang="en")}
    assert found["April 12"] == "XXXX-04-12"
    text = "The pact was signed in 2030.\n\nOn April 12, the Iraqi parliament approved it."
    assert {t.text: t.value for t in tag(text, published=None, lang="en")}["April 12"] == "2030-04-12"
    text = "The strain circulated until 1957 when a new type, H2N2, caused the epidemic of that year."
    assert {t.text: t.value for t in tag(text, published="2009-06-14", lang="en")}["that year"] == "1957"


def test_without_a_publication_a_day_told_again_is_the_day_first_read() -> None:
    text = (
        "Lính Mỹ rời thành phố ngày 29-6. Việc rút hết quân dự kiến xong vào cuối năm 2031. "
        "Tối ngày 29-6, người dân ăn mừng."
    )
    found = [t.value for t in tag(text, published=None, lang="vi") if t.text.endswith("29-6")]
    assert found == ["XXXX-06-29", "XXXX-06-29"]
    with_publication = [
        t.value for t in tag(text, published="2029-07-01", lang="vi") if t.text.endswith("29-6")
    ]
    assert with_publication == ["2029-06-29", "2029-06-29"]


def test_a_weekday_in_a_sentence_opened_by_a_date_is_of_that_date_s_week() -> None:
    text = "On 3 June, after Friday prayers, crowds marched in Hama. Police fired on them on Sunday."
    found = values(text, "2011-06-22", "en")
    assert found["Friday"] == "2011-06-03"
    assert found["Sunday"] == "2011-06-19"  # another sentence: read against the publication
    modifier = "The 8 October concert was announced on Monday."
    assert values(modifier, "2011-07-27", "en")["Monday"] == "2011-07-25"


def test_without_a_publication_a_month_told_again_is_the_month_first_read() -> None:
    text = "Quân Mỹ giảm quân từ tháng 7. Năm 2029, ông Roe nhậm chức. Hồi tháng 7, ông đồng ý rút quân."
    assert [t.value for t in tag(text, published=None, lang="vi") if t.text.endswith("tháng 7")] == [
        "XXXX-07",
        "XXXX-07",
    ]


def test_two_months_or_seasons_joined_share_the_year_one_of_them_names() -> None:
    text = "The mill closed in 1998. Its owners now plan for this spring and summer."
    assert values(text, "2022-02-04", "en")["summer"] == "2022-SU"
    text = "Orders slumped in July and August of last year."
    assert values(text, "2022-10-04", "en")["July"] == "2021-07"
    text = "Đơn hàng giảm trong tháng 7 và tháng 8 năm ngoái."
    assert values(text, "2022-10-04", "vi")["tháng 7"] == "2021-07"
    text = "Orders slumped in July and rose in August."  # no year named: each its own
    assert values(text, "2022-10-04", "en")["July"] == "2022-07"


def test_a_range_s_bare_end_takes_the_year_of_the_other_and_runs_forwards() -> None:
    found = values("Talks in Basra ran between March 3 and April 5, 2019.", "2022-02-04", "en")
    assert found["March 3"] == "2019-03-03"
    found = values("The ferry ran from December 20 to January 5, 2019.", "2022-02-04", "en")
    assert found["December 20"] == "2018-12-20"
    found = values("Quân Mỹ rút khỏi Basra từ tháng 3 đến tháng 6/2011.", "2022-02-04", "vi")
    assert found["tháng 3"] == "2011-03"


def test_with_no_publication_a_year_in_a_plan_is_not_the_story_s() -> None:
    text = "Hai bị cáo sẽ chịu án sau kỳ nghỉ lễ kết thúc ngày 4-1-2031. Tòa sơ thẩm tuyên án hôm 5-11."
    found = {t.text: t.value for t in tag(text, published=None, lang="vi")}
    assert found["ngày 4-1-2031"] == "2031-01-04"
    assert not found["hôm 5-11"].startswith("2031")


def test_a_season_without_a_year_is_publication_s_unless_the_paragraph_set_the_story_in_one() -> None:
    text = "The last flood, in 1968, drowned it.\n\nFarmers now heading into their winter season wait."
    assert values(text, "2029-06-11", "en")["winter"] == "2029-WI"
    text = "In 1968, a flood drowned the delta. That winter, farmers left the villages."
    assert values(text, "2029-06-11", "en")["winter"] == "1968-WI"
    assert values("One month into winter, the river froze.", "2030-01-20", "en")["winter"] == "2029-WI"


def test_a_season_that_qualifies_a_noun_is_no_time_but_one_of_a_span_is() -> None:
    assert "winter" not in values("A winter storm cut power across Basra.", "2030-02-04", "en")
    assert "summer" not in values("Football is their national summer sport.", "2030-02-04", "en")
    assert (
        values("The summer months were quiet.", "2030-02-04", "en")["The summer"] == "2029-SU"
    )  # told as past
    assert values("Troops will leave by summer.", "2030-02-04", "en")["summer"] == "2030-SU"


def test_a_part_of_march_or_may_is_one_expression_with_its_month() -> None:
    found = {
        t.text: (t.value, t.mod)
        for t in tag("NATO has led it since the end of March.", published="2030-06-10", lang="en")
    }
    assert found == {"the end of March": ("2030-03", "END")}
    found = {
        t.text: (t.value, t.mod) for t in tag("Talks resume in early May.", published="2030-03-10", lang="en")
    }
    assert found == {"early May": ("2030-05", "START")}


def test_without_publication_a_year_told_in_passing_gives_no_year_to_a_later_bare_day() -> None:
    passing = "Bản án liên quan tới vụ thảm sát ở làng Dujail năm 1982. Chiều 29-12, luật sư đã đệ đơn."
    assert values(passing, None, "vi")["Chiều 29-12"].startswith("XXXX-12-29")
    framing = "Năm 2007, Mỹ tăng quân.\n\nNgày 10/2, tướng Petraeus nhậm chức."
    assert values(framing, None, "vi")["Ngày 10/2"] == "2007-02-10"
    passing = "The verdict concerned the Dujail massacre of 1982. On December 29, lawyers filed an appeal."
    assert values(passing, None, "en")["December 29"].startswith("XXXX-12-29")
    framing = "In 2007, the US sent more troops. On February 10, a new commander took over."
    assert values(framing, None, "en")["February 10"] == "2007-02-10"


def test_years_earlier_or_later_count_from_the_year_their_sentence_names() -> None:
    text = "On March 3, 2030, the port reopened. By 2012, Basra had rebuilt docks lost two years earlier."
    assert values(text, "2031-06-01", "en")["two years earlier"] == "2010"
    text = "By 1999, the council agreed to a trial, which ended in a conviction two years later."
    assert values(text, "2031-06-01", "en")["two years later"] == "2001"


def test_vietnamese_this_month_after_a_month_the_sentence_named_is_that_month() -> None:
    text = "Ngày 5/4, hai bên đàm phán ở Baghdad và ký thỏa thuận trong tháng này."
    assert values(text, "2030-11-20", "vi")["tháng này"] == "2030-04"
    text = "Tháng 4, hai bên đàm phán ở Baghdad. Trong tháng này, giá dầu lại tăng."  # another sentence
    assert values(text, "2030-11-20", "vi")["tháng này"] == "2030-11"
