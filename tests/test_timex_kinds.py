"""Kinds and extents as TimeML defines them: durations, spans of years, sets."""

from __future__ import annotations

import pytest

from extract.timex import tag


def tagged(text: str, published: str = "2024-10-01", lang: str = "en") -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, published=published, lang=lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The lighthouse stood dark for a decade.", [("a decade", "DURATION", "P10Y")]),
        ("Repairs took nearly three decades.", [("nearly three decades", "DURATION", "P30Y")]),
        ("The vineyard has been in the family for a century.", [("a century", "DURATION", "P100Y")]),
        ("The canal opened a century ago.", [("a century ago", "DATE", "19")]),
    ],
)
def test_decades_and_centuries_are_counted_in_years(text: str, expected: list) -> None:
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She coached the side 1998-2001 before retiring.", [("1998-2001", "DATE", "1998/2001")]),
        ("The 1966-67 season froze the harbour.", [("1966-67", "DATE", "1966/1967")]),
        ("Budgets for 1999-00 were cut.", [("1999-00", "DATE", "1999/2000")]),
    ],
)
def test_hyphenated_spans_of_years(text: str, expected: list) -> None:
    assert tagged(text) == expected


def test_a_span_of_years_is_not_a_date_of_a_count() -> None:
    assert tagged("The tally stood at 2014-15 votes.") == []


def test_shifts_without_a_day_told_before_are_durations() -> None:
    assert tagged("Two hours before the launch, all slept.") == [("Two hours before", "DURATION", "PT2H")]
    assert tagged("A week earlier, the pump had failed.") == [("A week earlier", "DURATION", "P1W")]
    # with a day told before, a shift is that day's neighbour, and "the next day" is always a date
    assert tagged("The pump failed on May 3, 2021. A week earlier, it leaked.")[-1] == (
        "A week earlier",
        "DATE",
        "2021-W17",
    )
    assert tagged("The next day the pump ran again.") == [("The next day", "DATE", "XXXX-XX-XX")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The river floods each spring.", [("each spring", "SET", "XXXX-SP")]),
        ("The board publishes yearly figures.", [("yearly", "SET", "P1Y")]),
        ("The bells ring every evening.", [("every evening", "SET", "TEV")]),
    ],
)
def test_recurrences_are_sets(text: str, expected: list) -> None:
    assert tagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pilots staged a day-long walkout at the airport.", [("day-long", "DURATION", "P1D")]),
        ("The monthlong festival drew big crowds.", [("monthlong", "DURATION", "P1M")]),
        ("Farmers ended their weeks-long blockade.", [("weeks-long", "DURATION", "PXW")]),
        # "long" on its own after a unit is no adjective of length
        ("It was a long day for the crew.", []),
    ],
)
def test_a_length_written_as_an_adjective_is_a_duration(text: str, expected: list) -> None:
    assert tagged(text) == expected


def test_every_quarter_recurs_once_a_quarter() -> None:
    assert tagged("The fund pays its holders every quarter.") == [("every quarter", "SET", "P1Q")]
