"""Actors from per-language aliases, people tied to their side, relevance to US–Iraq relations."""

from __future__ import annotations

from extract.actors import acting_mentions, actors_in, is_story, people_in, people_sides, relevance
from extract.lexicon import lexicon
from extract.model import SHOWN_BY_DEFAULT


def actors(text: str, lang: str = "vi", article: str | None = None) -> list[str]:
    people = people_sides(article or text, lexicon(lang))
    return actors_in(text, 0, len(text), people)


def test_vietnamese_aliases_in_order_of_first_mention():
    assert actors("Lầu Năm Góc và Baghdad thảo luận về IS.") == ["US", "Iraq", "IS"]
    assert actors("Nhà Trắng tiếp Thủ tướng Iraq, Hoa Kỳ cam kết hỗ trợ.") == ["US", "Iraq"]
    assert actors("Liên Hợp Quốc yêu cầu Tehran và người Kurd đối thoại.") == ["UN", "Iran", "Kurdistan"]


def test_english_aliases_and_all_capital_aliases_are_case_sensitive():
    assert actors("The Pentagon said Iraqi and American officers met in Erbil.", "en") == [
        "US",
        "Iraq",
        "Kurdistan",
    ]
    assert actors("Let us say it is over.", "en") == []
    assert actors("The U.S.-led coalition struck IS targets.", "en") == ["US", "coalition", "IS"]


def test_an_iraqi_base_is_named_in_its_common_spellings():
    for base in ("Ain al-Asad", "Ain al-Assad", "Ayn al-Asad"):
        assert actors(f"Rockets hit the {base} air base.", "en") == ["Iraq"]


def test_the_coalition_implies_the_us():
    assert actors("Liên quân không kích các mục tiêu ở Syria.") == ["coalition", "US", "Syria"]


def test_a_person_introduced_with_a_side_keeps_it_in_later_mentions():
    article = "Ngoại trưởng Iraq Karim Zadeh gặp Ngoại trưởng Mỹ. Sau đó, ông Zadeh trở về."
    assert people_sides(article, lexicon("vi"))["Zadeh"] == "Iraq"
    assert actors("Sau đó, ông Zadeh trở về.", article=article) == ["Iraq"]
    english = "Iraqi Defense Minister Samir Qadri met reporters. Qadri said little."
    assert actors("Qadri said little.", "en", article=english) == ["Iraq"]
    assert people_in("Qadri said little.", 0, 18, people_sides(english, lexicon("en"))) == ["qadri"]


def test_well_known_people_are_mapped_without_an_introduction():
    assert actors("Ông Obama phát biểu tại Phòng Bầu dục.") == ["US"]
    assert actors("Saddam Hussein ordered the troops out.", "en") == ["Iraq"]


def test_relevance_is_high_for_both_parties_medium_with_a_related_actor():
    assert relevance(["US", "Iraq"]) == 1.0
    assert 0.4 < relevance(["Iraq", "IS"]) < SHOWN_BY_DEFAULT
    assert relevance(["US"]) < relevance(["US", "Iran"])
    assert relevance(["Turkey"]) < relevance(["US"])


def test_in_a_story_of_the_relationship_its_sentences_are_shown_but_asides_are_not():
    for named in (["US"], ["Iraq", "Kuwait"], ["militias"], ["coalition", "US", "Saudi Arabia"], []):
        assert relevance(named, story=True) >= SHOWN_BY_DEFAULT, named
    for named in (["IS", "Iraq"], ["UK", "Iraq"], ["France", "Egypt"]):  # a third party leads
        assert relevance(named, story=True) < SHOWN_BY_DEFAULT, named
    assert relevance(["Iran", "Iraq", "US"], story=True, clause=["Iran", "Iraq"]) >= SHOWN_BY_DEFAULT
    assert relevance(["militias", "US"], story=False) >= SHOWN_BY_DEFAULT  # both sides
    assert relevance(["US", "Iraq"], story=False) >= SHOWN_BY_DEFAULT
    assert relevance(["US"], story=False) < SHOWN_BY_DEFAULT


def _story(text: str, headline: str = "") -> bool:
    people = people_sides(text, lexicon("en"))
    return is_story(text, actors_in(headline, 0, len(headline), people), people)


def test_an_article_is_a_story_of_the_relationship_when_both_parties_run_through_it():
    told = (
        "US and Iraqi officials met in Baghdad. The Pentagon said American troops would stay in Iraq. "
        "Iraq's prime minister thanked Washington. The US embassy in Baghdad welcomed Iraqi lawmakers."
    )
    assert _story(told)
    aside = "Rebels in Libya held the town. " * 30 + "Some compare it with the US war in Iraq. " + told[:40]
    assert not _story(aside)
    brief = "The two sides met in Baghdad on Monday and an American envoy signed the pact."
    assert _story(brief, headline="US and Iraq sign a pact")
    looking_back = "Bush took many decisions. " * 40 + brief
    assert not _story(looking_back, headline="For Bush, Iraq looms large")


def test_a_dateline_place_and_a_country_inside_a_name_are_not_actors():
    for text, expected in [
        ("AMMAN, Jordan, May 2 - The king spoke with Iraqi officials.", ["Iraq"]),
        ("BAGHDAD (Reuters) - American troops left the base.", ["US"]),
        ("A USA Today critic and a Washington Post editor met Iraqi poets.", ["Iraq"]),
        ("Iraq War Veterans Ltd sued the company.", []),
        ("QUICK COLLAPSE EVOKES IRAQ DEFEAT", ["Iraq"]),
    ]:
        assert actors_in(text, 0, len(text), {}) == expected, text


def test_the_regions_actors_militias_and_officials_of_both_sides():
    text = "Lực lượng Huy động Nhân dân và Peshmerga họp tại Jordan với đại diện Nga và NATO."
    assert actors(text) == ["militias", "Kurdistan", "Jordan", "Russia", "NATO"]
    text = "Kataib Hezbollah, the Houthis and Hamas praised the Islamic Resistance in Iraq, Israel said."
    assert actors(text, "en") == ["militias", "Houthis", "Hamas", "Israel"]
    text = "Panetta met al-Halbousi while Abu Mahdi al-Muhandis and Qaani stayed in Baghdad."
    assert actors(text, "en") == ["US", "Iraq", "militias", "Iran"]
    assert relevance(["US", "Jordan"]) == relevance(["US", "Iran"])


def test_lebanons_hezbollah_is_not_an_iraqi_militia():
    assert actors("Hezbollah fired rockets at the border town.", "en") == ["Hezbollah"]
    assert actors("Kataib Hezbollah fired rockets at the base.", "en") == ["militias"]
    assert relevance(["Hezbollah", "US"]) < SHOWN_BY_DEFAULT


def test_vietnamese_spellings_of_iraq_and_washington_in_older_and_other_styles():
    text = "Đoàn đại biểu Irắc tới Oasinhtơn, sau chuyến thăm Irak của các nghị sĩ."
    assert actors(text) == ["Iraq", "US"]


def test_britain_in_vietnamese_only_where_a_word_before_anh_says_so():
    assert actors("Binh sĩ Anh bị tấn công gần Baghdad.") == ["UK", "Iraq"]
    assert actors("Anh cho biết quân Mỹ đã rời Baghdad.") == ["US", "Iraq"]  # "anh" = "he"


def acting(text: str, lex) -> list[str]:
    return list(dict.fromkeys(actor for _, actor in acting_mentions(text, 0, len(text), {}, lex)))


def test_actors_named_only_as_places_are_the_setting_not_two_sides():
    en = lexicon("en")
    text = "The engineer lived in the United States and later trained pilots in Iraq."
    assert acting(text, en) == []
    assert relevance(["US", "Iraq"], acting=[]) < SHOWN_BY_DEFAULT
    text = "US troops handed the base in Iraq over on Monday."
    assert acting(text, en) == ["US"]
    assert relevance(["US", "Iraq"], acting=["US"]) == 1.0
    text = "He lived in the United States and trained in both Jordan and Iraq."
    assert acting(text, en) == []
    text = "In Amman, US and Iraqi envoys met."  # a comma ends the place: who acts follows it
    assert acting(text, en) == ["US", "Iraq"]
    text = "Quân Mỹ rút khỏi căn cứ ở cả Jordan và Iraq."
    assert acting(text, lexicon("vi")) == ["US"]
