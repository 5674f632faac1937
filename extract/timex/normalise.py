"""Normalisers: slot values of a matched rule -> TIMEX3 (type, value, mod), anchored in a Context.

Slots (filled by lexicons or rule constants): day, month, year, yy (two-digit year), year_century /
year_tens / year_ones (years in words), relyear (year offset from publication), nextyear (year offset
from the narrative's year, else publication's), weekday (1-7), weekshift, direction, hour, minute,
minutes_before, second, daypart (MO/MI/AF/EV/NI), ampm, part (START/MID/END), mod, num, unit
(S/MIN/H/D/W/WE/M/Q/Y/DE/CE), plus_half, rel (unit offset), sign, anchor, quarter, half (1-2), season,
decade, century, holiday, value, recent (a day near publication, read in the publication's year),
quarterly (the sentence names a quarter), point (a shifted day that stays a date without an anchor).
The tagger adds _offset and _end, the match's bounds in the (NFC) text.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import cache

from lunar_python import Lunar

from extract.period import period
from extract.timex.context import Context, dates_around
from extract.timex.timex3 import is_valid

Result = tuple[str, str, str | None]  # type, value, mod
UNKNOWN_DAY = "XXXX-XX-XX"
_CLOCK_FIELD = {"S": "seconds", "MIN": "minutes", "H": "hours"}
_CLOCK_UNITS = set(_CLOCK_FIELD)
_PART_OF_DAY_EVENING = {"AF", "EV", "NI"}
_YEARS_IN = {"DE": 10, "CE": 100}
_YEAR_UNITS = {"Y", "DE", "CE"}  # units a year alone anchors
_AGE_UNITS = {"DE", "CE"}  # an approximate count of these from a day places no decade or century
# years whose lunar dates are computed: the Gregorian calendar, not a date far in the future
_LUNAR_YEARS = (1583, 2999)
HOLIDAY_AHEAD_DAYS = 7  # a holiday this close after publication is the coming one ("Thanksgiving plans")
_HALF = {"Y": "6M", "D": "T12H", "H": "30M", "MIN": "30S"}  # half a unit in the next smaller one


def _iso(day: date) -> str:
    return day.isoformat()


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _four_digit(yy: int, ctx: Context) -> int:
    """A two-digit year: the century that puts it at most ten years after publication (or 19xx/20xx)."""
    pivot = ctx.published.year or 2000
    year = pivot - pivot % 100 + yy
    return year - 100 if year > pivot + 10 else year


def _hour_minute(s: dict) -> tuple[int, int] | None:
    """The clock time of the slots on a 24-hour clock, or None when there is none or it is impossible."""
    if s.get("hour") is None:
        return None
    hour, part, ampm = int(s["hour"]), s.get("daypart"), s.get("ampm")
    minute = int(s.get("minute") or 0)
    if s.get("minutes_before") is not None:  # "11 giờ kém 15" is 10:45
        hour, minute = hour - 1, 60 - int(s["minutes_before"])
    evening = part in _PART_OF_DAY_EVENING and not (part == "NI" and hour < 5)
    if hour < 12 and (ampm == "PM" or evening):
        hour += 12
    elif ampm == "AM" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return hour, minute


def _clock(s: dict) -> str | None:
    """``Thh:mm[:ss]`` or a part of day ``TMO`` from the slots, or None."""
    clock_time = _hour_minute(s)
    if clock_time is None:
        part = s.get("daypart")
        return f"T{part}" if part and s.get("hour") is None else None
    text = f"T{clock_time[0]:02d}:{clock_time[1]:02d}"
    if s.get("second") is not None:
        text += f":{int(s['second']):02d}"
    return text


def _explicit_year(s: dict, ctx: Context) -> int | None:
    if s.get("year") is not None:
        return int(s["year"])
    if s.get("yy") is not None:
        return _four_digit(int(s["yy"]), ctx)
    if s.get("year_century") is not None:  # "nineteen ninety-six"
        return int(s["year_century"]) * 100 + int(s.get("year_tens", 0)) + int(s.get("year_ones", 0))
    if s.get("relyear") is not None and ctx.published.year is not None:
        return ctx.published.year + int(s["relyear"])
    if s.get("nextyear") is not None:
        # "the following year" of the story; in a sentence about the future ("sẽ ... năm sau"), of publication
        # ("that year" is the story's whatever the tense)
        future = int(s["nextyear"]) != 0 and "_offset" in s and ctx.tense(s["_offset"]) == "future"
        base = ctx.mentioned_year or ctx.published.year
        if future and ctx.published.year is not None:
            base = ctx.published.year
        return base + int(s["nextyear"]) if base is not None else None
    return None


def _nearer_reading(year: int, month: int, day: int, ctx: Context) -> tuple[int, int]:
    """(month, day) or, when the numbers also read the other way round, whichever is nearer publication."""
    pub = ctx.published.date
    if pub is None or day > 12 or day == month:
        return month, day
    stated, swapped = date(year, month, day), date(year, day, month)
    return (month, day) if abs(stated - pub) <= abs(swapped - pub) else (day, month)


def _told_as_past(s: dict, ctx: Context, cue: str | None) -> bool:
    """Whether the expression is told in the past ('đã', 'vừa', a past verb before it): not after
    publication."""
    return cue in ("past", "recent") or ctx.verb_before(s["_offset"]) == "past"


def date_form(s: dict, ctx: Context, kind: str) -> Result | None:
    """Calendar dates: day/month/year in any combination, with an optional clock time or part of day."""
    day, month = s.get("day"), s.get("month")
    year = _explicit_year(s, ctx)
    explicit = year is not None and s.get("relyear") is None and s.get("nextyear") is None
    mod = s.get("part")
    if month is None:
        if year is None:
            return None
        if explicit:
            ctx.note_year(year)
        return kind, f"{year:04d}", mod
    month = int(month)
    if not 1 <= month <= 12:
        return None
    recurring = day is not None and year is None and s.get("_offset", 0) <= ctx.set_until
    # 'tháng 9 năm ngoái' with no publication year: a year before an unknown one, not the narrative's
    counted_from_publication = s.get("relyear") is not None
    if year is None and not recurring and not counted_from_publication:
        # "ngày 3/6 tới" (coming), "ngày 3/4 vừa qua" (just past), "tháng 6 này": read from publication
        heading = s.get("direction")
        cue = ctx.cue(s["_offset"])
        future = cue == "future" or heading == "future"
        past = heading == "past"
        recent = bool(s.get("recent")) or heading in ("past", "future", "near") or cue == "recent"
        # told in the past ("đã", "vừa") or as a recent day ("hôm 4/7"): not after publication
        recent_day = bool(s.get("recent")) and cue != "future" and heading is None
        happened = recent_day or _told_as_past(s, ctx, cue)
        # with no publication to read it against, a day or month told again is the one first read,
        # whatever year the narrative took meanwhile (a plan's 'cuối năm 2011' is no year of the story's)
        key = (month, None if day is None else int(day))
        if ctx.published.year is None and key in ctx.days_read:
            year = ctx.days_read[key]
        else:
            year = ctx.year_for(month, day, recent=recent, future=future, past=past, happened=happened)
            # with no publication, a year its own sentence names sets the narrative's as a written
            # one does ('Diễn biến lớn nhất năm 2014 là ... IS vào ngày 29-6. Đầu tháng 8, ...')
            explicit = (
                ctx.published.year is None
                and year is not None
                and year == ctx.mentioned_year
                and ctx.year_in_sentence()
            )
        ctx.days_read.setdefault(key, year)
    if day is None:
        if explicit:
            ctx.note_month(year)  # type: ignore[arg-type]
        if year is not None:
            ctx.note_month_at(date(year, month, 1))  # the anchor of "cùng tháng", "tháng sau đó"
        prefix = f"{year:04d}" if year is not None else "XXXX"
        return kind, f"{prefix}-{month:02d}", mod
    day = int(day)
    if s.get("either_order") and year is not None:
        month, day = _nearer_reading(year, month, day, ctx)
    if not 1 <= day <= (calendar.monthrange(year or 2000, month)[1]):
        return None
    clock = _clock(s)
    if clock is not None:
        kind = "TIME"
    if recurring:
        return "SET", f"XXXX-{month:02d}-{day:02d}", mod
    if year is None:
        value = f"XXXX-{month:02d}-{day:02d}"
    else:
        ctx.note_day(date(year, month, day), explicit)
        value = f"{year:04d}-{month:02d}-{day:02d}"
        if s.get("unit") == "W":  # "the week of March 6"
            return kind, _period("W", date(year, month, day), 0), mod  # type: ignore[return-value]
    return kind, value + (clock or ""), mod


def _day_value(day: date | None, s: dict, kind: str, mod: str | None) -> Result:
    if day is None:
        return kind, UNKNOWN_DAY, mod
    clock = _clock(s)
    if clock is not None:
        return "TIME", _iso(day) + clock, mod
    return kind, _iso(day), mod


def _period(unit: str, base: date, offset: int) -> str | None:
    """The calendar unit containing ``base`` moved by ``offset`` units; None before year 1 or after
    9999, where no TIMEX3 date is ('67 centuries ago')."""
    try:
        value = _moved(unit, base, offset)
    except (OverflowError, ValueError):  # a day or week outside the calendar
        return None
    return value if value is not None and is_valid("DATE", value) else None


def _moved(unit: str, base: date, offset: int) -> str | None:
    if unit == "D":
        return _iso(base + timedelta(days=offset))
    if unit in ("W", "WE"):
        year, week, _ = (base + timedelta(weeks=offset)).isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if unit == "WE" else "")
    if unit == "M":
        year, month = _add_months(base.year, base.month, offset)
        return f"{year:04d}-{month:02d}"
    if unit == "Q":
        year, month = _add_months(base.year, (base.month - 1) // 3 * 3 + 1, 3 * offset)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}"
    if unit == "Y":
        return f"{base.year + offset:04d}"
    if unit == "DE":
        return f"{base.year // 10 + offset:03d}"
    if unit == "CE":
        return f"{base.year // 100 + offset:02d}"
    return None


def _published_base(unit: str, ctx: Context) -> date | None:
    """The publication date as precise as ``unit`` needs, or None when it is not known that far."""
    pub = ctx.published
    need_day = unit in ("D", "W", "WE") or unit in _CLOCK_UNITS
    if pub.year is None or (pub.month is None and unit not in ("Y", "DE")) or (need_day and pub.day is None):
        return None
    return date(pub.year, pub.month or 1, pub.day or 1)


DATE_BESIDE_DAYS = 2  # a date written beside 'hôm qua' is that day's, give or take a page dated late


def _fits(s: dict, base: date | None, offset: int) -> bool:
    """Whether the day and month written beside a relative day can be that day ('hôm qua 28/4' in a page
    of 29/4), not a figure after it ('Hôm nay 3/4 số phiếu': three quarters of the votes)."""
    if base is None:
        return True
    day = base + timedelta(days=offset)
    written = dates_around(day.year, int(s["month"]), int(s["day"]))
    return any(abs((w - day).days) <= DATE_BESIDE_DAYS for w in written)


def relative(s: dict, ctx: Context, kind: str) -> Result | None:
    """Deictic forms: this/last/next day, week, month, quarter, year (``hôm qua``, ``last month``)."""
    unit, offset, mod = s["unit"], int(s.get("rel", 0)), s.get("part")
    base = _published_base(unit, ctx)
    if s.get("day") is not None and s.get("month") is not None and _fits(s, base, offset):
        return date_form(s, ctx, kind)  # "hôm nay (1/9)": the date says it
    if unit == "D":
        day = base + timedelta(days=offset) if base else None
        if day is not None:
            ctx.note_day(day, explicit_year=False)
        return _day_value(day, s, kind, mod)
    if base is None:
        return kind, {"W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(unit, "XXXX"), mod
    past_weekend = unit == "WE" and s.get("direction") == "past" and base.isoweekday() < 6
    if past_weekend and ctx.tense(s["_offset"]) != "future":  # "over the weekend" said on a weekday
        offset -= 1
    if unit == "W" and offset == -1 and base.isoweekday() == 7:
        offset = 0  # "last week" said on a Sunday: the week that day closes, whose days all went by
    if unit == "Y" and s.get("month") is not None:  # "Tháng 2 năm ngoái"
        return kind, f"{base.year + offset:04d}-{int(s['month']):02d}", mod
    value = _period(unit, base, offset)
    if unit == "Q":
        _note_quarter(ctx, int(value[:4]), int(value[-1]), s["_offset"])  # type: ignore[index]
    return kind, value, mod  # type: ignore[return-value]


def shift(s: dict, ctx: Context, kind: str) -> Result | None:
    """``N units ago/later``: from publication (``anchor = "published"``) or the narrative's last date."""
    unit = s["unit"]
    offset = int(s.get("sign", 1)) * int(s.get("num", 1))
    base = ctx.last_day if s.get("anchor") == "narrative" else _published_base(unit, ctx)
    if (
        s.get("anchor") == "narrative"
        and unit in _YEAR_UNITS
        and ctx.mentioned_year
        and ctx.year_in_sentence()
    ):
        base = date(ctx.mentioned_year, 1, 1)  # 'In 2009, ... won in Beijing a year earlier': from 2009
    if unit == "M" and s.get("anchor") == "narrative":
        base = ctx.last_month  # a month told alone ("tháng 3/2010 ... cùng tháng") anchors months too
    if unit == "M" and s.get("anchor") == "sentence" and ctx.month_in_sentence():
        base = ctx.last_month  # "Tháng 4 năm nay, ... chết trong tháng này": the month the sentence named
    by_year = unit in _YEAR_UNITS and ctx.settings.get("unanchored_shift") != "duration"
    if base is None and s.get("anchor") == "narrative" and by_year and ctx.mentioned_year:
        base = date(ctx.mentioned_year, 1, 1)  # "hai năm sau" a year the story named: that year moved
    no_anchor = base is None and s.get("anchor") == "narrative" and offset and not s.get("point")
    no_anchor = no_anchor and ctx.settings.get("unanchored_shift") == "duration"
    if unit in _CLOCK_UNITS or no_anchor or (s.get("mod") and unit in _AGE_UNITS):
        # "two hours later", "a week earlier" with no day told before, "almost a century later": the
        # length is what is known
        return duration(s, ctx, "DURATION")
    if base is None:
        return kind, UNKNOWN_DAY if unit == "D" else "XXXX", None
    value = _period(unit, base, offset)
    if value is None:  # before year 1 or after 9999: the length is what is known
        return duration(s, ctx, "DURATION")
    if unit == "D":
        return _day_value(base + timedelta(days=offset), s, kind, None)
    return kind, value, s.get("part")


def _clock_point(moment: datetime, unit: str) -> str:
    return moment.isoformat(timespec=_CLOCK_FIELD[unit])


def span(s: dict, ctx: Context, kind: str) -> Result | None:
    """The last / next N units (``2 tháng vừa rồi``, ``3 ngày tới``) as a span ``first/last``."""
    unit, num, sign = s["unit"], s.get("num"), int(s.get("sign", 1))
    first, last = (1, num) if sign > 0 else (-num, -1)  # type: ignore[operator]
    if unit in _CLOCK_UNITS:
        pub = ctx.published
        if pub.date is None or pub.time is None:
            return duration(s, ctx, kind)
        now = datetime.combine(pub.date, time(*pub.time))
        step = timedelta(**{_CLOCK_FIELD[unit]: 1})
        return kind, f"{_clock_point(now + first * step, unit)}/{_clock_point(now + last * step, unit)}", None
    base = _published_base(unit, ctx)
    if base is None or unit not in ("D", "W", "M", "Q", "Y"):
        return duration(s, ctx, kind)
    first_value, last_value = _period(unit, base, first), _period(unit, base, last)
    if first_value is None or last_value is None:  # before year 1 or after 9999: a length
        return duration(s, ctx, kind)
    return kind, f"{first_value}/{last_value}", None


def now(s: dict, ctx: Context, kind: str) -> Result | None:
    """``bây giờ``: the publication moment when it is known to the second, else PRESENT_REF."""
    pub = ctx.published
    if pub.date is not None and pub.time is not None:
        return "TIME", datetime.combine(pub.date, time(*pub.time)).isoformat(), None
    return kind, "PRESENT_REF", None


def duration(s: dict, ctx: Context, kind: str) -> Result | None:
    """``N units``; ``plus_half`` adds half a unit in the next smaller one (``2 1/2 years`` is P2Y6M)."""
    num, unit = s.get("num", "X"), s["unit"]
    if isinstance(num, int) and num == 0:
        return None
    half = _HALF.get(unit, "") if s.get("plus_half") and isinstance(num, int) else ""
    if unit in _YEARS_IN and isinstance(num, int) and not half:  # "a decade" is P10Y
        return "DURATION", f"P{num * _YEARS_IN[unit]}Y", s.get("mod")
    if unit in _CLOCK_UNITS:
        return "DURATION", f"PT{num}{'M' if unit == 'MIN' else unit}{half}", s.get("mod")
    return "DURATION", f"P{num}{unit}{half}", s.get("mod")


def year_span(s: dict, ctx: Context, kind: str) -> Result | None:
    """``năm 2016-2020``, ``1966-67``: the span of years, ``2016/2020``."""
    first, last = int(s["year"]), int(s["year_end"])
    if last < 100:  # the end's last two digits: "1966-67", "1999-00"
        last += first - first % 100 + (100 if last <= first % 100 else 0)
    if last <= first:
        return None
    ctx.note_year(first)
    return kind, f"{first:04d}/{last:04d}", s.get("part")


def day_span(s: dict, ctx: Context, kind: str) -> Result | None:
    """``March 3-5, 2009``, ``Feb. 17 and 18``: the days of one month from the first to the last,
    the first read as a date is (its year from the text or the publication)."""
    first = date_form(s, ctx, kind)
    if first is None:
        return None
    _, value, mod = first
    last = int(s["day_end"])
    if len(value) != 10 or last <= int(value[8:]):
        return None
    end = f"{value[:8]}{last:02d}"
    try:
        if not value.startswith("X"):
            date.fromisoformat(end)
    except ValueError:  # 'Feb. 27-30'
        return None
    return kind, f"{value}/{end}", mod


def set_pattern(s: dict, ctx: Context, kind: str) -> Result | None:
    """Recurring weekdays and months: ``every Thursday`` is XXXX-WXX-4, ``each July`` XXXX-07."""
    if s.get("weekday") is not None:
        return "SET", f"XXXX-WXX-{int(s['weekday'])}", None
    return "SET", f"XXXX-{int(s['month']):02d}", None


DAILY = ("P1D", "TMO", "TAF", "TEV", "TNI")  # recurrences of a day or a part of one


def literal(s: dict, ctx: Context, kind: str) -> Result | None:
    if kind == "SET" and s["value"] == "P1Y":  # "every year, on 26/2 ...": the sentence's days recur
        ctx.set_until = ctx.sentence_end(s["_end"])
    if kind == "SET" and s["value"] in DAILY:  # "Every night, the show airs at 5:00 p.m.": so do its times
        ctx.clock_set_until = ctx.sentence_end(s["_end"])
    return kind, s["value"], s.get("mod")


def weekday(s: dict, ctx: Context, kind: str) -> Result | None:
    """A weekday: in a given week, or the nearest one in the direction the wording or settings give."""
    pub = ctx.published.date
    target = int(s["weekday"])
    framed = ctx.fronted_day() if s.get("weekshift") is None and not s.get("direction") else None
    if framed is not None:  # 'On 3 June, after Friday prayers': that date's week, not publication's
        day = framed + timedelta(days=(target - framed.isoweekday() + 3) % 7 - 3)
    elif pub is None:
        return kind, UNKNOWN_DAY, None
    elif s.get("weekshift") is not None:
        monday = pub - timedelta(days=pub.isoweekday() - 1) + timedelta(weeks=int(s["weekshift"]))
        day = monday + timedelta(days=target - 1)
    else:
        direction = (
            s.get("direction")
            or ctx.verb_before(s["_offset"])
            or ctx.tense(s["_offset"])
            or ctx.settings.get("weekday_direction", "past")
        )
        delta = target - pub.isoweekday()
        if direction == "near":  # "this Friday": the one of the publication's week
            day = pub + timedelta(days=delta)
        elif direction in ("past", -1):
            day = pub + timedelta(days=delta if delta <= 0 else delta - 7)
            if direction == -1 and day == pub:  # "last Thursday" said on a Thursday is a week ago
                day -= timedelta(weeks=1)
        else:
            day = pub + timedelta(days=delta if delta >= 0 else delta + 7)
            if direction == 1 and day == pub:  # "thứ Năm tới" said on a Thursday is next week's
                day += timedelta(weeks=1)
    ctx.note_day(day, explicit_year=False)
    return _day_value(day, s, kind, s.get("part"))


def clock(s: dict, ctx: Context, kind: str) -> Result | None:
    """A clock time alone: on the narrative's day, else the publication day; a live post's time
    ("(10:55 a.m. ET) ...") on the publication day.

    With ``clock_direction = "future"`` and a publication time, a time already past that day is the next
    day's, and an hour with no part of day (``2:30``) is the next of its morning and afternoon readings.
    """
    clock_text = _clock(s)
    if clock_text is None:
        return None
    if s["_offset"] <= ctx.clock_set_until:
        return "SET", UNKNOWN_DAY + clock_text, None  # a time of every day, of none in particular
    post = ctx.published.date if ctx.opens_a_line_in_brackets() else None
    day = post or ctx.last_day or ctx.published.date
    if day is None:
        return "TIME", UNKNOWN_DAY + clock_text, None
    pub = ctx.published
    if ctx.last_day is None and pub.time and ctx.settings.get("clock_direction") == "future":
        hour, minute = _hour_minute(s)  # type: ignore[misc]
        ambiguous = hour < 12 and not (s.get("daypart") or s.get("ampm"))
        readings = [(hour, minute), (hour + 12, minute)] if ambiguous else [(hour, minute)]
        later = [r for r in readings if r >= pub.time[:2]]
        if later:
            hour, minute = later[0]
        else:
            day += timedelta(days=1)
        clock_text = f"T{hour:02d}:{minute:02d}" + clock_text[6:]
    return "TIME", _iso(day) + clock_text, None


def decade(s: dict, ctx: Context, kind: str) -> Result | None:
    value = int(s["decade"])
    if value < 100:
        value = _four_digit(value, ctx) if value % 10 == 0 else -1
    if value < 0 or value % 10:
        return None
    return kind, f"{value // 10:03d}", s.get("part")


def century(s: dict, ctx: Context, kind: str) -> Result | None:
    number = int(s["century"])
    return (kind, f"{number - 1:02d}", s.get("part")) if 1 <= number <= 99 else None


def quarter(s: dict, ctx: Context, kind: str) -> Result | None:
    """A quarter; without a year, the narrative's year (else publication's), or with ``bare_quarter =
    "begun"`` the latest such quarter begun by publication (business news reports on quarters past,
    whatever years the story mentions)."""
    number = int(s["quarter"])
    if not 1 <= number <= 4:
        return None
    year = _explicit_year(s, ctx)
    if year is None and ctx.settings.get("bare_quarter") != "begun":
        year = ctx.narrative_year or ctx.mentioned_year
    pub = ctx.published
    if year is None and pub.year is not None:
        begun = (
            ctx.settings.get("bare_quarter") != "begun"
            or pub.month is None
            or number <= (pub.month - 1) // 3 + 1
            or ctx.tense(s["_offset"]) == "future"
        )
        year = pub.year if begun else pub.year - 1
    if year is None:
        return kind, f"XXXX-Q{number}", s.get("part")
    _note_quarter(ctx, year, number, s["_offset"])
    return kind, f"{year:04d}-Q{number}", s.get("part")


def _note_quarter(ctx: Context, year: int, number: int, offset: int) -> None:
    """A quarter begun by publication may be the period the article reports on (a forecast is not)."""
    pub = ctx.published
    begun = pub.year is None or (year, number) <= (pub.year, ((pub.month or 12) - 1) // 3 + 1)
    if begun and ctx.tense(offset) != "future":
        ctx.quarter = (year, number)


def reported_quarter(s: dict, ctx: Context, kind: str) -> Result | None:
    """The period of a company report: the latest quarter the article named (else the last one ended by
    publication) in the ``year`` given, or moved by ``sign`` * ``num`` years ("the year-ago quarter")."""
    if ctx.quarter is not None:
        year, number = ctx.quarter
    else:
        base = _published_base("Q", ctx)
        if base is None:
            return kind, "XXXX-QX", None
        year, month = _add_months(base.year, (base.month - 1) // 3 * 3 + 1, -3)
        number = (month - 1) // 3 + 1
    if s.get("year") is not None:
        year = int(s["year"])
    year += int(s.get("sign", 1)) * int(s.get("num", 0))
    return kind, f"{year:04d}-Q{number}", None


def year_ago(s: dict, ctx: Context, kind: str) -> Result | None:
    """``a year earlier``: in an article reporting a quarter (or a sentence naming one), that quarter a year
    before; otherwise the year before publication."""
    if ctx.quarter is not None or s.get("quarterly"):
        return reported_quarter(s, ctx, kind)
    return shift(s, ctx, kind)


def half(s: dict, ctx: Context, kind: str) -> Result | None:
    """A half year: ``the second half of 2024`` is 2024-H2."""
    year = _explicit_year(s, ctx)
    return kind, f"{year:04d}-H{int(s['half'])}" if year else f"XXXX-H{int(s['half'])}", None


def season(s: dict, ctx: Context, kind: str) -> Result | None:
    year = _explicit_year(s, ctx) or _season_year(s, ctx)
    return kind, f"{year:04d}-{s['season']}" if year else f"XXXX-{s['season']}", s.get("part")


_WEEKDAYS = {"MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7}


def _nth_weekday(year: int, month: int, weekday: str, nth: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(_WEEKDAYS[weekday] - first.isoweekday()) % 7 + 7 * (nth - 1))


def _season_year(s: dict, ctx: Context) -> int | None:
    """The year of a season told without one. Where the language anchors bare times at publication
    and the paragraph set the story in no year: the season publication falls in ('one month into
    winter' in January), else publication's year ('now heading into their winter'), or the year
    before for one told in the past that would start after publication ('sustained the protests
    throughout the summer', published in March). Else the story's year."""
    pub = ctx.published.date
    if pub is None or not ctx.bare_days_by_publication():
        return ctx.story_year()
    before = period(f"{pub.year - 1:04d}-{s['season']}")
    if before.start and before.end and before.start <= pub <= before.end:
        return pub.year - 1
    start = period(f"{pub.year:04d}-{s['season']}").start
    past = _told_as_past(s, ctx, ctx.cue(s["_offset"]))
    return pub.year - 1 if past and start and start > pub else pub.year


def holiday(s: dict, ctx: Context, kind: str) -> Result | None:
    """A holiday: a fixed ``MM-DD``, the nth weekday of a month ``MM-TH-4``, a lunar date ``{lunar =
    "01-01"}`` (``Tết Nguyên đán``, with the years Vietnam's calendar differs) or a table of dates by
    year. Without a year, with ``holiday_direction = "past"``, the latest one by publication unless the
    sentence is in the future."""
    explicit = _explicit_year(s, ctx)
    by_publication = ctx.bare_days_by_publication() and ctx.published.year is not None
    year = ctx.published.year if by_publication else ctx.story_year()
    result = _holiday(s, ctx, kind, explicit or year)
    pub = ctx.published.date
    if explicit or result is None or pub is None or ctx.settings.get("holiday_direction") != "past":
        return result
    ahead = (date.fromisoformat(result[1]) - pub).days if len(result[1]) == 10 else 0
    if ahead > HOLIDAY_AHEAD_DAYS and ctx.tense(s["_offset"]) != "future":
        return _holiday(s, ctx, kind, int(result[1][:4]) - 1)
    return result


@cache  # the library computes new moons astronomically: a few milliseconds a call
def _lunar(spec: str, year: int | None) -> str:
    """The solar day of lunar ``<month>-<day>`` in ``year``; the year alone outside the years the calendar
    library is trusted for (its new moons are computed, so it answers for any year) or for a day the
    lunar month lacks."""
    if year is None:
        return UNKNOWN_DAY
    month, day = (int(part) for part in spec.split("-"))
    if not _LUNAR_YEARS[0] <= year <= _LUNAR_YEARS[1]:
        return f"{year:04d}"
    try:
        return Lunar.fromYmd(year, month, day).getSolar().toYmd()
    except Exception:  # the library raises a bare Exception for a day the month lacks
        return f"{year:04d}"


def _holiday(s: dict, ctx: Context, kind: str, year: int | None) -> Result | None:
    spec = ctx.holidays[s["holiday"]]
    if isinstance(spec, dict) and "lunar" in spec and str(year) not in spec:
        return kind, _lunar(spec["lunar"], year), s.get("part")
    if isinstance(spec, str) and spec.count("-") == 2:
        if year is None:
            return kind, "XXXX-XX-XX", s.get("part")
        month, weekday_code, nth = spec.split("-")
        return kind, _iso(_nth_weekday(year, int(month), weekday_code, int(nth))), s.get("part")
    if isinstance(spec, str):
        return kind, f"{year:04d}-{spec}" if year else f"XXXX-{spec}", s.get("part")
    if year is not None and str(year) in spec:
        return kind, f"{year:04d}-{spec[str(year)]}", s.get("part")
    return kind, f"{year:04d}" if year else "XXXX", s.get("part")


NORMALISERS: dict[str, Callable[[dict, Context, str], Result | None]] = {
    "date": date_form,
    "relative": relative,
    "shift": shift,
    "duration": duration,
    "literal": literal,
    "set_pattern": set_pattern,
    "year_span": year_span,
    "day_span": day_span,
    "weekday": weekday,
    "clock": clock,
    "decade": decade,
    "span": span,
    "now": now,
    "century": century,
    "quarter": quarter,
    "reported_quarter": reported_quarter,
    "year_ago": year_ago,
    "season": season,
    "half": half,
    "holiday": holiday,
}
