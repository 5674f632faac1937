"""Sentence stage: exact offsets and the stops that do not end a sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.clean import clean
from extract.model import Document, Metadata
from extract.read import read_article
from extract.sentences import split


def sentences(text: str) -> list[str]:
    doc = Document("a.txt", text, Metadata(), ((0, len(text)),), len(text))
    found = split(doc)
    assert all(text[s.start : s.end] == s.text for s in found)
    return [s.text for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quân Mỹ đến. Quân Iraq đi.", ["Quân Mỹ đến.", "Quân Iraq đi."]),
        (
            "U.S. Defense Secretary Lloyd Austin arrived. He met Gen. Smith.",
            ["U.S. Defense Secretary Lloyd Austin arrived.", "He met Gen. Smith."],
        ),
        ("He was greeted by Maj. Gen. Matthew Doe in Baghdad.", None),
        ("President George H.W. Bush ordered troops in Aug. 1990 to move.", None),
        ("The talks began on Sept. 27 and ended on Jan. 10 this year.", None),
        ("Dr. Lee and St. Paul were there.", None),
        ("Ông đến TP. Hồ Chí Minh hôm qua.", None),
        ("More than 4.5 million people and 2.500 soldiers left.", None),
        ("He paused... then he went on.", None),
        ("Chờ đã… Sau đó ông nói tiếp.", None),
        ('"Sứ mệnh đã kết thúc", ông Obama nói.', None),
        ('"Will they stay?" he asked. Nobody answered.', ['"Will they stay?" he asked.', "Nobody answered."]),
        ('He said: "We will stay." Then he left.', ['He said: "We will stay."', "Then he left."]),
        ("Họ nói rằng “sắp xảy ra”. Ông im lặng.", ["Họ nói rằng “sắp xảy ra”.", "Ông im lặng."]),
        ("Iraq (IS). Mỹ đồng ý.", ["Iraq (IS).", "Mỹ đồng ý."]),
        ("Vào năm 2021. Hai năm sau.", ["Vào năm 2021.", "Hai năm sau."]),
        ("Một tiêu đề không có dấu chấm", None),
        ("• Talks resume • Envoys land in Erbil", ["Talks resume", "Envoys land in Erbil"]),
        ("\\* Bank cuts rates \\* Shares rise 3 percent", ["Bank cuts rates", "Shares rise 3 percent"]),
        ("The 2*3 grid and a footnote*.", None),
        (
            "Key facts about the envoy: -- He was born in Basra in 1950.",
            ["Key facts about the envoy:", "He was born in Basra in 1950."],
        ),
        ("I think the -- the talks: -- no, they failed -- Basra -- 2029.", None),
        ("Lịch ấn định sau.Ngày 19/9, hai bên gặp.", ["Lịch ấn định sau.", "Ngày 19/9, hai bên gặp."]),
        ("Troops of the U.S.Army met at Time.com and in TP.HCM today.", None),
        (
            "Quân đội tiêu diệt 12 tay súng IS.Các cuộc truy quét tiếp diễn.",
            ["Quân đội tiêu diệt 12 tay súng IS.", "Các cuộc truy quét tiếp diễn."],
        ),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str] | None) -> None:
    assert sentences(text) == (expected or [text])


def test_every_line_is_its_own_sentence_and_blank_space_is_left_out() -> None:
    text = "Tiêu đề bài viết\n  Đoạn một.  \n\nĐoạn hai? Có\n"
    assert sentences(text) == ["Tiêu đề bài viết", "Đoạn một.", "Đoạn hai?", "Có"]


def test_only_regions_are_split() -> None:
    text = "Boilerplate here. Article one. Article two. Footer."
    start, end = text.index("Article one"), text.index(" Footer")
    doc = Document("a.txt", text, Metadata(), ((start, end),), end)
    assert [s.text for s in split(doc)] == ["Article one.", "Article two."]


@given(st.text(alphabet='ab .!?\n"…ĐđU.S', max_size=80))
def test_sentences_are_exact_ordered_and_trimmed(text: str) -> None:
    doc = Document("a.txt", text, Metadata(), ((0, len(text)),), len(text))
    found = split(doc)
    for previous, sentence in zip(found, found[1:], strict=False):
        assert previous.end <= sentence.start
    for sentence in found:
        assert sentence.text == text[sentence.start : sentence.end]
        assert sentence.text == sentence.text.strip() and sentence.text


def test_gold_evidence_lies_within_one_sentence(shared: Path) -> None:
    for gold_path, folder in (
        (shared / "gold" / "seeds.json", shared / "seeds"),
        (shared / "dev" / "gold.json", shared / "dev" / "articles"),
    ):
        for expected in json.loads(gold_path.read_text(encoding="utf-8"))["documents"]:
            text, meta = read_article(folder / expected["file"])
            found = split(clean(expected["file"], text, meta))
            for event in expected["events"]:
                assert any(
                    any(s.start <= a and b <= s.end for s in found) for a, b in event["evidence_spans"]
                ), f"{expected['file']} {event['id']}: evidence split across sentences"


def test_a_sentence_run_into_a_headline_starts_at_its_capitalised_article():
    text = "Life on the front line The convoy left Basra at dawn. Talks resumed in The Hague today."
    assert sentences(text) == [
        "Life on the front line",
        "The convoy left Basra at dawn.",
        "Talks resumed in The Hague today.",
    ]


def test_a_sentence_run_into_a_caption_starts_at_its_capitalised_determiner_unless_a_label_names_it():
    text = "Fire crews at the depot in Basra A second blast shook the port. The new influenza A virus spread."
    assert sentences(text) == [
        "Fire crews at the depot in Basra",
        "A second blast shook the port.",
        "The new influenza A virus spread.",
    ]
    assert sentences("Schools closed for days Many families left the city.") == [
        "Schools closed for days",
        "Many families left the city.",
    ]


def test_a_sentence_run_into_a_list_or_a_caption_starts_at_its_capitalised_preposition_or_pronoun():
    text = (
        "Groups: Kurds, Armenians, Circassians In May 2030, the army left Basra. "
        "Aid from Oxfam Our team arrived."
    )
    assert sentences(text) == [
        "Groups: Kurds, Armenians, Circassians",
        "In May 2030, the army left Basra.",
        "Aid from Oxfam",
        "Our team arrived.",
    ]


def test_a_capitalised_preposition_before_a_one_letter_word_starts_a_sentence_run_in():
    text = "Related: Aid reaches the port at last In a speech on Monday, the mayor thanked the donors."
    assert sentences(text) == [
        "Related: Aid reaches the port at last",
        "In a speech on Monday, the mayor thanked the donors.",
    ]


def test_a_sentence_run_into_a_summary_point_starts_at_its_capitalised_pronoun():
    text = "The governor has ruled Basra for 12 years He took office in a vote of the council."
    assert sentences(text) == [
        "The governor has ruled Basra for 12 years",
        "He took office in a vote of the council.",
    ]
    assert sentences("As the governor said, I will stay.") == ["As the governor said, I will stay."]


def test_a_wire_stamp_after_summary_points_starts_the_story():
    text = "Talks will go on, says aide (CNN) -- Iraqi and US envoys met in Erbil on Monday."
    assert sentences(text) == [
        "Talks will go on, says aide",
        "(CNN) -- Iraqi and US envoys met in Erbil on Monday.",  # the event stage reads past the stamp
    ]


def test_a_chronologys_dated_items_run_together_are_split_at_each_date():
    text = (
        "Key dates: 4 March: Talks open in Erbil 9 March: Envoys walk out within hours "
        "2031 - Troops leave Basra 2032 - Embassy reopens. The plan of 2030: a failure."
    )
    assert sentences(text) == [
        "Key dates: 4 March: Talks open in Erbil",
        "9 March: Envoys walk out within hours",
        "2031 - Troops leave Basra",
        "2032 - Embassy reopens.",
        "The plan of 2030: a failure.",
    ]
    vi = "Diễn biến: 5/3: Hai bên ký thỏa thuận rút quân 9/3: Quốc hội phê chuẩn."
    assert sentences(vi)[-1] == "9/3: Quốc hội phê chuẩn."


def test_a_vietnamese_caption_closed_by_its_date_ends_before_a_capitalised_determiner():
    text = "Xe tăng Mỹ tiến vào Basra ngày 2/4/2030 Một gia đình Iraq rời thành phố. Ngày 3/4 Mỹ rút quân."
    assert sentences(text) == [
        "Xe tăng Mỹ tiến vào Basra ngày 2/4/2030",
        "Một gia đình Iraq rời thành phố.",
        "Ngày 3/4 Mỹ rút quân.",
    ]
    text = "22 July 2030 The search of the clinic ends."  # an English chronology: the date opens its item
    assert sentences(text) == [text]


def test_a_pages_separator_ends_a_sentence_and_is_in_neither():
    text = "By Jane Roe | March 3, 2030 The council of Basra met again."
    assert sentences(text) == ["By Jane Roe", "March 3, 2030 The council of Basra met again."]


def test_a_sentence_run_into_a_name_starts_at_its_capitalised_article_before_a_name():
    text = "Aid reached the people of Basra The Red Crescent has opened two clinics. He told The Times that."
    assert sentences(text) == [
        "Aid reached the people of Basra",
        "The Red Crescent has opened two clinics.",
        "He told The Times that.",
    ]
    song = "They sang We Are The World to the crowd."
    assert sentences(song) == [song]
    # ... and after a word in lower case, unless it leads into a name in prose
    text = "Two more cases of the fever The Red Crescent has opened two clinics in The Hague on Monday."
    assert sentences(text) == [
        "Two more cases of the fever",
        "The Red Crescent has opened two clinics in The Hague on Monday.",
    ]


def test_a_vietnamese_sentence_run_into_a_headline_starts_at_its_capitalised_day():
    text = "Lũ tràn về thung lũng Hôm 12/9, nước sông dâng cao. Ngày Quốc khánh 2/9 được tổ chức trọng thể."
    assert sentences(text) == [
        "Lũ tràn về thung lũng",
        "Hôm 12/9, nước sông dâng cao.",
        "Ngày Quốc khánh 2/9 được tổ chức trọng thể.",
    ]


def _sentences_in(text: str, lang: str) -> list[str]:
    doc = Document("a.txt", text, Metadata(language=lang), ((0, len(text)),), len(text))
    return [s.text for s in split(doc)]


def test_a_sentence_run_into_a_caption_starts_at_a_common_word_the_article_writes_in_lower_case():
    text = (
        "Convoys wait at the border crossing Dozens of trucks carry flour to Basra. "
        "Officials said dozens more would come.\n"
        "Rebels met Parliament members. The army told Parliament on Monday it had left.\n"
        "The parliament sat. An Internet provider closed. The internet is down.\n"
        "Envoys of the unwieldy Group of 20 met. A group left. Rebels accused Western nations of lying. "
        "Rain fell in western towns."
    )
    assert _sentences_in(text, "en") == [
        "Convoys wait at the border crossing",
        "Dozens of trucks carry flour to Basra.",
        "Officials said dozens more would come.",
        # a word the article capitalises elsewhere inside a line is a name to it
        "Rebels met Parliament members.",
        "The army told Parliament on Monday it had left.",
        "The parliament sat.",
        # ... and a word after one that leads into a name is too
        "An Internet provider closed.",
        "The internet is down.",
        # ... and so is a word before a name's joiner and a capital, or a region's adjective
        "Envoys of the unwieldy Group of 20 met.",
        "A group left.",
        "Rebels accused Western nations of lying.",
        "Rain fell in western towns.",
    ]
    # Vietnamese capitalises the first word of a name alone: no such rule
    text = "Ông gặp tổng thư ký Liên hợp quốc tại Hà Nội. Hai bên bàn về liên kết."
    assert _sentences_in(text, "vi") == [
        "Ông gặp tổng thư ký Liên hợp quốc tại Hà Nội.",
        "Hai bên bàn về liên kết.",
    ]


def test_a_sentence_run_into_a_captions_quoted_words_starts_at_its_capitalised_opener():
    text = 'Envoy Jane Roe: "Our monitors came under fire" The head of the mission has left Basra.'
    assert sentences(text) == [
        'Envoy Jane Roe: "Our monitors came under fire"',
        "The head of the mission has left Basra.",
    ]
    quoted = 'He called the deal "a fair one" and left.'
    assert sentences(quoted) == [quoted]
