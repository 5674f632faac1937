"""Names that hold a time word ("USA Today", "the March 14 alliance", "đường 3 tháng 2") are not times."""

from __future__ import annotations

import tomllib

import pytest

from extract.timex import tag
from extract.timex.resources import grammar, resource_files


def _name_examples(lang: str) -> list[tuple[str, str]]:
    found = []
    for path in resource_files(lang):
        for spec in tomllib.loads(path.read_text(encoding="utf-8")).get("name", []):
            found += [(spec["name"], example) for example in spec["examples"]]
    return found


_EXAMPLES = [(lang, name, text) for lang in ("en", "vi") for name, text in _name_examples(lang)]


def test_every_name_pattern_carries_examples() -> None:
    for lang in ("en", "vi"):
        for path in resource_files(lang):
            for spec in tomllib.loads(path.read_text(encoding="utf-8")).get("name", []):
                assert spec.get("examples"), f"{lang}: name {spec['name']} has no examples"


@pytest.mark.parametrize(("lang", "name", "text"), _EXAMPLES)
def test_time_word_inside_a_name_is_not_tagged(lang: str, name: str, text: str) -> None:
    rules = grammar(lang)
    assert rules.names is not None
    span = rules.names.search(text)
    assert span is not None, f"{name}: its example {text!r} holds no name"
    # the rules alone read a time inside the name: the name is what keeps it out
    inside = [m for _, m in rules.scan(text, 0, len(text)) if span.start() <= m.start() < span.end()]
    assert inside, f"{name}: no rule reads a time in {text!r}, the example pins nothing"
    tagged = [
        t.text
        for t in tag(text, published="2020-06-10", lang=lang)
        if t.start < span.end() and t.end > span.start()
    ]
    assert tagged == [], f"{name}: {tagged} tagged inside the name in {text!r}"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # the same words where they are times, not names
        ("Today, the talks resumed in the capital.", "Today", "2020-06-10"),
        ("The minister said the vote would be held today.", "today", "2020-06-10"),
        ("Voters went to the polls in the March 14 vote.", "March 14", "2020-03-14"),
        ("Readers wrote in after the May 3 front-page report.", "May 3", "2020-05-03"),
        ("The museum opens daily to visitors.", "daily", "P1D"),
        ("The harvest ended late in the summer of 2018.", "late in the summer of 2018", "2018-SU"),
    ],
)
def test_time_words_outside_names_are_still_times(text: str, expression: str, value: str) -> None:
    found = {t.text: t.value for t in tag(text, published="2020-06-10", lang="en")}
    assert found.get(expression) == value, found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("A reporter for Lakeside Today asked the question.", "Today"),
        ("An editorial in the Harbour Daily backed the plan.", "Daily"),
        ("Delegates of the April 2 alliance walked out.", "April 2"),
        ("Fans cheered as the Summer Festival opened.", "Summer"),
        ("Posts tagged #Oct5 spread quickly.", "Oct5"),
    ],
)
def test_english_names_hold_no_time(text: str, absent: str) -> None:
    assert absent not in [t.text for t in tag(text, published="2020-06-10", lang="en")]


def test_vietnamese_names_hold_no_time_but_dates_beside_them_do() -> None:
    found = [(t.text, t.value) for t in tag("Ngày 5/6, đoàn đi qua cầu 2/9 rồi về.", published="2020-06-10")]
    assert found == [("Ngày 5/6", "2020-06-05")]


@pytest.mark.parametrize(
    "text",
    [
        "In her second term the governor cut taxes.",  # an office term is no time
        "Clocks in the valley run on Mountain Standard Time.",  # a time zone's name is no time
        "The Arab Spring reshaped the region.",  # a season in an era's name
    ],
)
def test_office_terms_zones_and_eras_hold_no_time(text: str) -> None:
    assert tag(text, published="2020-06-10", lang="en") == []
