"""Clean stage: article regions and the end of the body, on small made-up pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

from extract.clean import _top_level_branches, clean, is_furniture
from extract.language import merged
from extract.model import Document, Metadata
from extract.read import read_article

VI_PAGE = """Hà Nội và Viêng Chăn ký thỏa thuận giao thông

Hà Nội và Viêng Chăn ký thỏa thuận giao thông

Thứ Ba, 05/03/2024 - 09:30

0:00 / 0:00
0:00

(Báo Thử) - Hai bên hôm 4/3 đã ký thỏa thuận hợp tác về giao thông đường bộ, theo thông cáo chung.

Chia sẻ | Bình luận (0)

Lễ ký diễn ra tại thủ đô trước sự chứng kiến của hai bộ trưởng. Ảnh: TTXVN
Lễ ký  diễn ra tại thủ đô trước sự chứng kiến của hai   bộ trưởng. Ảnh: TTXVN

Theo nhiều nguồn tin, dự án sẽ được triển khai trong năm nay và hoàn thành vào năm 2027.

Nguồn ảnh: Báo Thử

Lan Anh
Theo TTXVN, VOV

Tin cùng chuyên mục
Giá xăng giảm nhẹ từ chiều nay (4/3)
Thời tiết miền Bắc chuyển lạnh
"""

EN_PAGE = """Ministers agree on river data deal

By TEST DESK STAFF
Published 9:05 AM ET, May 2, 2022

Share
Copy Link

LISBON (TD) — Ministers from the two countries agreed on Monday to share river data every week.

Ministers meet in Lisbon, Portugal, Monday, May 2, 2022. (TD Photo)
Ministers meet in Lisbon, Portugal, Monday, May 2, 2022. (TD Photo)

ADVERTISEMENT

The deal follows two years of talks that stalled in 2020 over the cost of new gauges.

Test Desk writer Ann Roe contributed to this report.

Copyright 2022 Test Desk. All rights reserved.

RELATED COVERAGE
Floods hit the north after a week of rain
"""


def region_texts(doc: Document) -> list[str]:
    return [doc.text[start:end] for start, end in doc.regions]


def test_clean_never_changes_the_text() -> None:
    doc = clean("a.txt", VI_PAGE, Metadata())
    assert doc.text is VI_PAGE
    assert all(0 <= s < e <= doc.body_end for s, e in doc.regions)
    assert list(doc.regions) == sorted(doc.regions)


def test_vietnamese_page_rules() -> None:
    doc = clean("a.txt", VI_PAGE, Metadata(title="Hà Nội và Viêng Chăn ký thỏa thuận giao thông"))
    assert doc.body_end == VI_PAGE.index("Tin cùng chuyên mục")
    assert region_texts(doc) == [
        "Hà Nội và Viêng Chăn ký thỏa thuận giao thông",  # the title once
        "Thứ Ba, 05/03/2024 - 09:30",  # the timestamp stays: relative dates are read from it
        "(Báo Thử) - Hai bên hôm 4/3 đã ký thỏa thuận hợp tác về giao thông đường bộ, theo thông cáo chung.",
        "Lễ ký diễn ra tại thủ đô trước sự chứng kiến của hai bộ trưởng.",  # caption once, credit cut
        "Theo nhiều nguồn tin, dự án sẽ được triển khai trong năm nay và hoàn thành vào năm 2027.",
    ]
    assert doc.meta.attribution == ("TTXVN", "VOV")
    assert doc.meta.title == "Hà Nội và Viêng Chăn ký thỏa thuận giao thông"


def test_english_page_rules() -> None:
    doc = clean("a.txt", EN_PAGE, Metadata())
    assert doc.body_end == EN_PAGE.index("Test Desk writer")
    assert region_texts(doc) == [
        "Ministers agree on river data deal",
        "Published 9:05 AM ET, May 2, 2022",
        "LISBON (TD) — Ministers from the two countries agreed on Monday to share river data every week.",
        "Ministers meet in Lisbon, Portugal, Monday, May 2, 2022.",
        "The deal follows two years of talks that stalled in 2020 over the cost of new gauges.",
    ]
    assert doc.meta.attribution == ()


def test_a_closing_run_of_headlines_ends_the_body_but_subheadings_do_not() -> None:
    text = (
        "Talks resume\n\n"
        "Negotiators met again on Friday after a pause of three months, officials said.\n\n"
        "A long road\n\n"
        "The two sides first met in 2019 and have held eleven rounds of talks since then.\n\n"
        "Storm closes schools in the south\n"
        "Markets rally on rate hopes\n"
        "Five things to know this weekend\n"
    )
    doc = clean("a.txt", text, Metadata())
    assert doc.body_end == text.index("Storm closes")
    assert "A long road" in region_texts(doc)


def test_a_signature_closes_a_compiled_article_unless_prose_follows() -> None:
    lead = "Tiêu đề\n\nĐoạn mở đầu của bài viết được viết đủ dài để là một đoạn văn thật sự.\n\n"
    closed = (
        lead + "Hải Minh (tổng hợp)\n\nMột tiêu đề khác của trang\nMột đoạn văn dài về chuyện khác hẳn.\n"
    )
    doc = clean("a.txt", closed, Metadata())
    assert doc.body_end == closed.index("Một tiêu đề khác")
    assert "Hải Minh (tổng hợp)" not in region_texts(doc)
    going_on = (
        lead + "Hải Minh (tổng hợp)\n\nĐoạn tiếp theo vẫn là bài viết, viết đủ dài để là một đoạn văn.\n"
    )
    assert clean("a.txt", going_on, Metadata()).body_end == len(going_on)


def test_author_with_agency_in_brackets() -> None:
    text = (
        "Tiêu đề\n\nĐoạn mở đầu của bài viết được viết đủ dài để là một đoạn văn thật sự.\n\n"
        "Minh Châu (theo AFP, Reuters)\n\nTin liên quan\nMột tin khác (13/6)\n"
    )
    doc = clean("a.txt", text, Metadata())
    assert doc.meta.attribution == ("AFP", "Reuters")
    assert doc.body_end <= text.index("Tin liên quan")
    assert all("Minh Châu" not in r for r in region_texts(doc))


def test_a_comment_counter_under_the_lead_is_a_widget_not_the_end() -> None:
    text = (
        "Tiêu đề\n\nĐoạn mở đầu của bài viết được viết đủ dài để là một đoạn văn thật sự.\n\n"
        "Bình luận (0)\n\nĐoạn thứ hai của bài viết cũng được viết đủ dài để là một đoạn văn.\n\n"
        "Bình luận (4)\nMột độc giả viết rằng bài báo rất hay và đáng đọc cho mọi người.\n"
    )
    doc = clean("a.txt", text, Metadata())
    assert doc.body_end == text.index("Bình luận (4)")
    assert "Bình luận (0)" not in region_texts(doc)
    assert any(r.startswith("Đoạn thứ hai") for r in region_texts(doc))


def test_a_page_without_boilerplate_is_all_article() -> None:
    text = "Tiêu đề bài\n\nĐoạn văn duy nhất của bài viết này nói về một cuộc họp quan trọng hôm qua.\n"
    doc = clean("a.txt", text, Metadata())
    assert doc.body_end == len(text)
    assert region_texts(doc) == [
        "Tiêu đề bài",
        "Đoạn văn duy nhất của bài viết này nói về một cuộc họp quan trọng hôm qua.",
    ]


def _gold(shared: Path) -> list[tuple[Path, dict]]:
    docs = []
    for gold_path, folder in (
        (shared / "gold" / "seeds.json", shared / "seeds"),
        (shared / "dev" / "gold.json", shared / "dev" / "articles"),
    ):
        for doc in json.loads(gold_path.read_text(encoding="utf-8"))["documents"]:
            docs.append((folder / doc["file"], doc))
    return docs


def test_gold_articles_end_where_the_gold_says_and_keep_every_required_span(shared: Path) -> None:
    gold = _gold(shared)
    assert len(gold) == 8
    for path, expected in gold:
        text, meta = read_article(path)
        doc = clean(path.name, text, meta)
        marker = expected["body_ends_before"]
        boilerplate = text.index("\n" + marker) + 1 if marker else len(text)
        assert doc.body_end <= boilerplate, path.name
        spans = [(t["spans"], t["text"]) for t in expected["timexes"] if t["required"]]
        spans += [(e["evidence_spans"], e["id"]) for e in expected["events"] if e["required"]]
        for occurrences, what in spans:
            assert any(any(s <= a and b <= e for s, e in doc.regions) for a, b in occurrences), (
                f"{path.name}: {what} is outside the regions"
            )
            assert max(b for _, b in occurrences) <= doc.body_end, f"{path.name}: {what} is after the body"


def test_a_relative_update_time_is_left_out_of_the_timestamp_region() -> None:
    text = (
        "Coalition to scale back mission\n\nOctober 1, 2025 6:12 AM GMT+3 · Updated 2 hours ago\n\n"
        "WASHINGTON, Oct 1 (Test) - The coalition will shrink its mission, officials said on Tuesday.\n"
    )
    doc = clean("a.txt", text, Metadata())
    assert region_texts(doc)[1] == "October 1, 2025 6:12 AM GMT+3"
    assert all("ago" not in r for r in region_texts(doc))


def test_a_reading_clock_line_is_a_widget() -> None:
    text = (
        "Iraqi forces launch offensive\n\nOctober 17, 2016 7:45 AM UTC\nUpdated 9 years ago\n2 min read\n\n"
        "MOSUL (Test) - Iraqi forces launched an offensive on Monday.\n"
    )
    texts = region_texts(clean("a.txt", text, Metadata()))
    assert "Updated 9 years ago" not in texts and "2 min read" not in texts
    vi = "Tiêu đề bài\n\nCập nhật 2 giờ trước\n\nHai bên hôm 4/3 đã ký thỏa thuận hợp tác giao thông.\n"
    assert "Cập nhật 2 giờ trước" not in region_texts(clean("b.txt", vi, Metadata()))


def test_reader_comments_end_the_article_at_the_first_comment_stamp() -> None:
    text = (
        "Troops left the northern base on Monday after a decade of joint patrols with local forces.\n"
        "Officials said the handover went smoothly and that talks would continue next month.\n"
        "Great news at last. March 3, 2012 at 4:15 pm | Reply Nobody believes a word of it.\n"
        "March 3, 2012 at 5:20 pm | Report abuse | Why now?\n"
    )
    doc = clean("a.txt", text, Metadata(language="en"))
    assert doc.body_end == text.index("Great news")
    assert all("Reply" not in t for t in region_texts(doc))


def test_furniture_sentences_are_found_anywhere_and_prose_is_not() -> None:
    for furniture in (
        "This article appeared on p12 of the Main section of the Sunday paper on 3 May 2009.",
        "Are you in Basra? Show us what's happening where you are.",
        "For the full schedule, click here.",
        "Editor's note: The author teaches law at a university in Ohio.",
        "Two staff writers contributed to this report.",
        "Mời bạn đọc gửi ý kiến về bài viết này.",
        "Trong ảnh là đoàn xe quân sự rời căn cứ gần Mosul.",
        "Minh Anh VNA | 04/05/2030 10:12",
        "This story was corrected on 4 June 2012 to give the envoy's full name.",
        "Posted by: riverwatcher | 12 May 2015 Nobody asked the farmers what they thought.",
        "At 8:12 pm on 3 May 2015, riverwatcher wrote: The farmers were never asked.",
        'Watch "River Report" at 9 p.m. ET Tuesday on our channel.',
        "Watch The Week in Baghdad weeknights 10pm ET.",
        "Soldiers patrol Basra in this March 3, 2008 file photo.",
        "Photo captions: Top: A farmer feeds sheep near Erbil, May 3, 2030.",
        "River News - 4/25/30 Download PDF maps related to today's show: THIS IS A RUSH TRANSCRIPT.",
        "Today's shoutout goes out to the history classes at Riverside School in Ohio!",
        "Name (required, but will not be displayed) The site welcomes a lively and courteous discussion.",
        "Posted by Jane Roe, on May 9, 2030 7:13 AM Posted by Tom Poe, on May 5, 2030 8:01 AM.",
        "Broadcast on River Radio, 4:30 PM Thu, 11 Jun 2030 Available until 12:00 AM Thu, 1 Jan 2099",
        "This clip is published as part of River News Online and was first broadcast on 10 March 2030.",
        "Now still to come tonight, a stormy week on the river.",
        "Note: The photograph on this page was updated in 2030.",
        "Coming up next, the governor of Basra on the oil deal.",
        "Basra port reopens (18 Jun 30 | Middle East)",
        "The envoy (second from left) and the governor (right) at the port on Monday.",
        "Bộ trưởng Quốc phòng (thứ 2 từ trái sang) tại căn cứ ngày 3/5.",
        "Hai ngoại trưởng (phải) gặp nhau hôm 4/6.",
    ):
        assert is_furniture(furniture), furniture
    for prose in (
        "The article of the treaty that appeared in 2009 set the pace of the withdrawal.",
        "Are you sure the base is empty, the minister asked on Monday.",
        "Quân đội hai nước đã tuần tra chung tại khu vực này từ năm 2015.",
        "Monitors who watch the border said shelling resumed at 9 p.m. on Monday.",
        "Officials had trouble coming up with a figure for the dead on Monday.",
        "The party (left of centre) won the vote on Monday.",
        "Ông ấy rẽ phải tại ngã tư (phía trước cầu) hôm 4/6.",
    ):
        assert not is_furniture(prose), prose


def test_the_furniture_regex_finds_what_its_patterns_find_one_by_one() -> None:
    # the patterns' branches share one word boundary in the compiled regex (clean._furniture)
    patterns = [
        re.compile(p.replace(" ", r"\s+"), re.IGNORECASE) for p in merged("page", "furniture", "sentences")
    ]
    for text in (
        "Please RETWEET this.",
        "I saw the tweet and a retweet of the tweet today.",
        "Switchboard: 555 0101.",
        "He pressed the switchboards.",
        "See the posting | posted at noon.",
        "Fax: +44 20 7946 0000",
        "Liên hệ đường dây nóng: 0912 345 678.",
        "Bấm vào đây để xem.",
        "The talks at 10:15, he wrote: nothing came of them.",
        "Quân đội hai nước đã tuần tra chung tại khu vực này từ năm 2015.",
    ):
        assert is_furniture(text) == any(p.search(text) for p in patterns), text


def test_a_pattern_is_cut_into_branches_only_at_its_top_level() -> None:
    assert _top_level_branches(r"a|b(c|d)|[|]|[]|]|e\|f") == ["a", "b(c|d)", "[|]", "[]|]", r"e\|f"]


def test_a_stamp_inside_the_text_is_cut_out_and_the_prose_around_it_kept() -> None:
    text = (
        "Envoys meet again in Oslo\n\n"
        "Ceasefire holds in the north BERGEN | Tue May 3, 2022 4:05 pm EDT BERGEN (Wire) - "
        "Negotiators met on Tuesday for a third round of talks.\n"
    )
    doc = clean("a.txt", text, Metadata())
    kept = " ".join(text[a:b] for a, b in doc.regions)
    assert "4:05 pm EDT" not in kept and "| Tue" not in kept
    assert "Ceasefire holds in the north" not in kept  # a headline run into the dateline: the page's
    assert "BERGEN (Wire) - Negotiators met on Tuesday for a third round of talks." in kept


def test_a_pages_own_note_inside_a_line_is_cut_out_and_the_sentence_kept() -> None:
    note = "(Updated 9:40 a.m. in Erbil, 2:40 a.m. ET)"
    text = f"Live: talks in Erbil\n\n{note} The envoys signed the deal on Monday.\n"
    doc = clean("a.txt", text, Metadata())
    kept = [text[a:b].strip() for a, b in doc.regions]
    assert kept == ["Live: talks in Erbil", "The envoys signed the deal on Monday."]


def test_a_pages_stamp_run_into_its_text_is_cut_out() -> None:
    for stamp in (
        "Page last updated at 16:51 GMT, Tuesday, 19 May 2030",
        "Monday, May 20, 2030; Page A01",
        "By Jane Roe and John Doe, CNN",
        "By Jane Roe, CNN Senior Defense Producer",
        "By Jane Roe BBC Diplomatic Correspondent",  # a byline with the writer's role
        "By Jane Roe World Affairs correspondent, BBC News, London",
        "By Jane Roe, Special to CNN",  # ... or a guest's
        "By Jane Roe for CNN",
    ):
        _stamp_is_cut_out(stamp)


def _stamp_is_cut_out(stamp: str) -> None:
    text = f"Aid for Basra\n\n{stamp} The United Nations sent 300 engineers to Basra on Monday.\n"
    kept = " ".join(text[a:b] for a, b in clean("a.txt", text, Metadata()).regions)
    assert stamp not in kept and "The United Nations sent 300 engineers to Basra on Monday." in kept


def test_a_credit_after_a_dash_or_naming_a_web_site_closes_a_caption() -> None:
    caption = "Lính Mỹ tuần tra gần Mosul ngày 2/3/2019"
    text = f"Tin\n\n{caption} - Ảnh: Quân đội.vn\n\nNgày 5/3, hai bên nối lại đàm phán ở Baghdad.\n"
    doc = clean("a.txt", text, Metadata())
    assert [text[a:b] for a, b in doc.captions] == [caption]
    assert "Ảnh" not in " ".join(text[a:b] for a, b in doc.regions)


def test_a_credit_in_brackets_closes_a_caption_with_no_stop_before_it() -> None:
    caption = "Lính Mỹ tập trận ở trại Taji, Iraq vào tháng 1/2030"
    text = f"Tin\n\n{caption} (Ảnh: Lục quân Mỹ).\n\nNgày 5/3, hai bên (Mỹ và Iraq) nối lại đàm phán.\n"
    doc = clean("a.txt", text, Metadata())
    assert [text[a:b] for a, b in doc.captions] == [caption]
    assert "(Mỹ và Iraq)" in " ".join(text[a:b] for a, b in doc.regions)


def test_a_wire_pictures_caption_ends_with_where_and_the_day_it_was_taken() -> None:
    caption = "Iraqi soldiers guard a checkpoint at the entrance of Basra, March 3, 2030."
    no_comma = "A boy rides a bicycle past a mural in Najaf March 4, 2030."
    prose = "The two ministers signed the deal in Basra on March 3, 2030."
    text = f"Basra\n\n{caption}\n\n{no_comma}\n\n{prose}\n"
    doc = clean("a.txt", text, Metadata(language="en"))
    assert [text[a:b] for a, b in doc.captions] == [caption, no_comma]


def test_a_wire_header_leaves_its_summary_points_notes_and_byline_out() -> None:
    text = (
        "\\* Rates cut by half a point \\* Shares rise (Adds analyst comment, background) "
        "By Jane Roe and Tom Poe, Markets Editor OSLO, May 4 (Wire) - The bank cut rates on Monday.\n"
    )
    doc = clean("a.txt", text, Metadata())
    kept = [text[a:b].strip() for a, b in doc.regions]
    # the points tell in short what the story tells: their titles would run one into the next
    assert kept == ["OSLO, May 4 (Wire) - The bank cut rates on Monday."]


def test_a_byline_in_brackets_is_cut_out_and_a_bracketed_aside_kept() -> None:
    text = "(By Jane Roe -- Wire News) Last week, envoys met in Oslo (by the fjord) to talk.\n"
    kept = " ".join(text[a:b] for a, b in clean("a.txt", text, Metadata()).regions)
    assert "Jane Roe" not in kept and "(by the fjord)" in kept
    text = "(By J. Roe -- Wire News) The bank cut rates on Monday.\n"  # an initial opens the name
    kept = " ".join(text[a:b] for a, b in clean("a.txt", text, Metadata()).regions)
    assert kept.strip() == "The bank cut rates on Monday."


def test_a_live_blogs_post_clocks_are_not_read_as_years() -> None:
    text = "Live: floods\n2215 Aid lands in Basra.\n1940 The envoy arrives.\n0905 Rain stops.\n"
    kept = [text[a:b].strip() for a, b in clean("a.txt", text, Metadata(published="2019-04-02")).regions]
    assert kept == ["Live: floods", "Aid lands in Basra.", "The envoy arrives.", "Rain stops."]


def test_a_byline_after_a_bar_is_cut_out() -> None:
    text = "Talks in Oslo\n\nMay 2, 2011 | By Jane Roe, Wire News During his years in power, he met envoys.\n"
    kept = " ".join(text[a:b] for a, b in clean("a.txt", text, Metadata()).regions)
    assert "Jane Roe" not in kept and "During his years in power, he met envoys." in kept


def test_a_desks_byline_opening_a_line_is_cut_out() -> None:
    text = "Crisis deepens\nBy the CNN Wire Staff Crowds gathered in Basra on Monday.\n"
    kept = " ".join(text[a:b] for a, b in clean("a.txt", text, Metadata()).regions)
    assert "Wire Staff" not in kept and "Crowds gathered in Basra on Monday." in kept


def test_a_run_of_link_items_is_no_article_text() -> None:
    links = "Bão số 3 đổ bộ miền Trung trong tháng 11 -\nGiá vàng tăng mạnh! -\nĐội tuyển thắng 2-0 -\n"
    text = links + "Quân đội Iraq cho biết một tên lửa rơi gần đại sứ quán Mỹ đêm 19/5.\n"
    texts = region_texts(clean("a.txt", text, Metadata()))
    assert not any("Bão số 3" in t or "Giá vàng" in t for t in texts)
    assert any("Quân đội Iraq" in t for t in texts)
    # two lines closing with a dash are no list
    text = "Tên lửa rơi gần Baghdad -\nKhông ai bị thương -\nQuân đội Iraq mở cuộc điều tra.\n"
    assert any("Tên lửa rơi" in t for t in region_texts(clean("a.txt", text, Metadata())))


def test_a_credit_run_into_the_first_words_of_a_line_is_cut_from_it() -> None:
    first = "Mosul's airport reopened on Tuesday after a year of repairs."
    text = (
        "Mosul airport reopens\n\nPassengers queue at the new terminal.\n"
        f"Photograph: Jane Roe/Wire/Getty Images {first}\n"
        "Photograph: Ministry of Transport/Wire The ministry said 40 flights a week would land there.\n"
        "Photo: a crowd of 40 people waited outside.\n"
    )
    kept = [text[a:b].strip() for a, b in clean("a.txt", text, Metadata()).regions]
    assert first in kept and "Jane Roe" not in " ".join(kept)
    assert "The ministry said 40 flights a week would land there." in kept
    assert "Ministry of Transport" not in " ".join(kept)


def test_summary_points_run_into_a_wire_dateline_are_left_out() -> None:
    text = (
        "By the Wire Staff NEW: Rebels advance on Brega Rockets hit Misrata on Saturday "
        "Tripoli, Libya (CNN) -- Rebel forces advanced toward Brega on Saturday.\n"
        "The rockets struck the port.\n"
    )
    kept = " ".join(text[a:b] for a, b in clean("a.txt", text, Metadata()).regions)
    assert "Rockets hit Misrata" not in kept
    assert "Tripoli, Libya (CNN) -- Rebel forces advanced toward Brega on Saturday." in kept
    assert "The rockets struck the port." in kept
