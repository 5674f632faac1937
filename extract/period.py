"""TIMEX3 date values as periods: the days a value covers and its precision.

A value is never widened into a fake day: ``2024-01`` covers the whole of January and says so.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_UNKNOWN_YEAR = re.compile(r"^XXXX-(\d{2})(?:-(\d{2}))?")


@dataclass(frozen=True)
class Period:
    precision: str  # day, week, month, quarter, half, season, year, decade, century, span, unknown
    start: date | None  # first day covered; None when the year is unknown
    end: date | None  # last day covered

    @property
    def dated(self) -> bool:
        return self.start is not None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@cache  # the same few values recur across thousands of events (a Period is immutable)
def period(value: str) -> Period:
    """The period a TIMEX3 value covers; ``Period('unknown', None, None)`` when it has no place."""
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = period(first), period(last)
        if a.dated and b.dated:
            return Period("span", a.start, b.end)
        return Period("unknown", None, None)
    try:
        return _single(value)
    except ValueError:  # impossible calendar values such as 2024-02-31
        return Period("unknown", None, None)


def _single(value: str) -> Period:
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return Period("day", day, day)
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return Period("week", monday, monday + timedelta(days=6))
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return Period("month", date(year, month, 1), _month_end(year, month))
    if m := _QUARTER.match(value):
        year, q = int(m[1]), int(m[2])
        return Period("quarter", date(year, 3 * q - 2, 1), _month_end(year, 3 * q))
    if m := _HALF.match(value):
        year, h = int(m[1]), int(m[2])
        return Period("half", date(year, 6 * h - 5, 1), _month_end(year, 6 * h))
    if m := _SEASON.match(value):
        year = int(m[1])
        first, last = _SEASONS[m[2]]
        end_year = year + 1 if last < first else year
        return Period("season", date(year, first, 1), _month_end(end_year, last))
    if m := _YEAR.match(value):
        year = int(m[1])
        return Period("year", date(year, 1, 1), date(year, 12, 31))
    if m := _DECADE.match(value):
        decade = int(m[1]) * 10
        return Period("decade", date(max(decade, 1), 1, 1), date(decade + 9, 12, 31))
    if m := _CENTURY.match(value):
        century = int(m[1]) * 100
        return Period("century", date(max(century, 1), 1, 1), date(century + 99, 12, 31))
    if m := _UNKNOWN_YEAR.match(value):
        return Period("day" if m[2] else "month", None, None)
    return Period("unknown", None, None)


def is_date_value(value: str) -> bool:
    """True for values that name a place in time (or a day/month of unknown year)."""
    return period(value).precision != "unknown"


def contains(outer: str, inner: str) -> bool:
    """True when the period of ``inner`` lies within the period of ``outer``."""
    a, b = period(outer), period(inner)
    if not (a.dated and b.dated):
        return outer == inner
    return a.start <= b.start and b.end <= a.end  # type: ignore[operator]
