"""The tagger on any text: it never raises, and every expression it finds has a valid value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.timex import tag
from extract.timex.resources import grammar
from extract.timex.timex3 import is_valid

# characters whose case-insensitive regex match no string case mapping undoes, and their kin
_CASE_ODDITIES = "İıſKÅßẞǅﬁ\u0307"


def _assert_sound(text: str, published: str | None, lang: str) -> None:
    for t in tag(text, published=published, lang=lang):
        assert t.value is not None, t
        assert text[t.start : t.end] == t.text
        assert is_valid(t.type, t.value, t.mod), t


@pytest.mark.parametrize(
    ("text", "lang", "expression", "value"),
    [
        ("Quý İ năm 2024 lợi nhuận tăng.", "vi", "Quý İ năm 2024", "2024-Q1"),
        ("Trong QUÝ İİ, giá giảm.", "vi", "QUÝ İİ", "2023-Q2"),
        ("We met at Chriſtmas 2020 in Basra.", "en", "Chriſtmas 2020", "2020-12-25"),
        ("The shop closes on CHRİSTMAS EVE 2019.", "en", "CHRİSTMAS EVE 2019", "2019-12-24"),
    ],
)
def test_case_oddities_read_like_plain_letters(text: str, lang: str, expression: str, value: str) -> None:
    tagged = {t.text: t.value for t in tag(text, published="2023-08-01", lang=lang)}
    assert tagged.get(expression) == value, tagged


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The bridge was built a century ago by the old port.", "19"),
        ("Those walls stood two centuries ago, the guide said.", "18"),
    ],
)
def test_centuries_ago_have_a_value(text: str, value: str) -> None:
    assert [t.value for t in tag(text, published="2024-05-02", lang="en")] == [value]


def test_centuries_ago_without_a_publication_date_are_unspecified() -> None:
    assert [t.value for t in tag("The fort fell a century ago.", lang="en")] == ["XXXX"]


# words every rule family begins or ends with, in both languages, with the case oddities among them
_WORDS = st.sampled_from(
    [
        "a", "century", "centuries", "decade", "ago", "later", "earlier", "hours", "two", "the", "of",
        "Christmas", "İ", "ſ", "quý", "năm", "thế kỷ", "trước", "sau", "giờ", "2024", "17", "11th",
        "August", "June", "Thursday", "thứ Năm", "(20/8)", "1998-2001", "1966-67", "9/11", "every",
        "each", "spring", "Tết", "tháng", "ngày", " ", ",", ".", "\n", "-", "İİ",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(_WORDS, max_size=25),
    published=st.sampled_from([None, "2024", "2024-02", "2024-02-29", "2011-08-17T10:00:00"]),
    lang=st.sampled_from(["vi", "en"]),
)
def test_no_expression_is_left_without_a_value(words: list[str], published: str | None, lang: str) -> None:
    _assert_sound(" ".join(words), published, lang)


@settings(max_examples=400, deadline=None)
@given(
    text=st.text(alphabet=st.one_of(st.characters(), st.sampled_from(_CASE_ODDITIES)), max_size=120),
    prefix=st.sampled_from(["", "Quý ", "quý ", "Chri", "thứ ", "năm ", "Tết ", "the ", "every "]),
    lang=st.sampled_from(["vi", "en"]),
)
def test_tag_never_raises_on_arbitrary_unicode(text: str, prefix: str, lang: str) -> None:
    _assert_sound(prefix + text, "2020-06-15", lang)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_lexicon_word_reads_back_in_any_case(lang: str) -> None:
    """Upper, title and case-odd spellings of each word map to the word's own value."""
    seen = {id(lexicon): lexicon for rule in grammar(lang).rules.values() for _, lexicon in rule.groups}
    for lexicon in seen.values():
        for spelling in lexicon.spellings:
            forms = [spelling] if lexicon.case_sensitive else [spelling.upper(), spelling.title()]
            forms += [] if lexicon.case_sensitive else [spelling.replace("i", "İ").replace("s", "ſ")]
            for form in forms:
                assert lexicon.value(form) == lexicon.value(spelling), (lexicon.name, form)
