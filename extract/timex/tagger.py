"""Find time expressions and normalise them to TIMEX3, anchored to publication date or narrative."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from extract.dateline import dateline, dateline_day
from extract.model import Document, Timex
from extract.timex.context import Context, Published
from extract.timex.normalise import NORMALISERS
from extract.timex.resources import grammar, slots
from extract.timex.textmap import normal

# what is known of an expression whose normaliser could not say more: nothing but its kind
_DATELINE_REACH_DAYS = 7  # a story is filed at most this long before it is published
# between a weekday and the date that names it: "Thursday (March 7)", "thứ Năm, (20/8)"
_APPOSITION = re.compile(r"\s*,?\s*\(?\s*")
# between a shift and the date in brackets that names it: "a month later (on May 1, 2003)"
_BRACKETED = re.compile(r"\s*\(\s*(?:[^\W\d_]+\s+)?")
_FULL_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK_THEN_DAY = re.compile(r"['’]?\s*,?\s*")  # between a clock time and the day it is on
_SHARES_A_YEAR = re.compile(r"\d{4}-(?:\d{2}(?:-\d{2})?|SP|SU|FA|WI)")  # a month, a day or a season
_CALENDAR = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
_YEAR_KEYS = ("year", "yy", "year_century", "relyear", "nextyear", "direction")  # slots that tell a year
_NAMED_BY = {"weekday": _APPOSITION, "shift": _BRACKETED}  # a norm's expressions, a date naming their day
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")  # a quotation on one line
_SAID_DAY = re.compile(r"(?:\d{4}|XXXX)-\d{2}-\d{2}")  # a day, its year perhaps unknown
_SAYING_REACH = 25  # characters between a saying verb and the day it dates ('told reporters on Monday')
_QUOTE_REACH = 120  # ... and between that day and the quotation
_STAND_IN_YEAR = 2000  # a leap year to count days in when the saying's year is unknown
_LONGEST_EXPRESSION = 200  # characters: no time expression is longer
UNSPECIFIED = {"DATE": "XXXX", "SET": "XXXX", "TIME": "XXXX-XX-XXTXX:XX", "DURATION": "PXY"}


def tag(
    text: str,
    *,
    published: str | None = None,
    lang: str = "vi",
    regions: Sequence[tuple[int, int]] | None = None,
    captions: Sequence[tuple[int, int]] = (),
) -> list[Timex]:
    """Time expressions of ``text`` (only inside ``regions`` when given), in text order. Those in
    ``captions`` (a photo's caption) set no year for the others."""
    try:
        rules = grammar(lang)
    except LookupError:  # a language without resources has no time expressions we can read
        return []
    norm = normal(text)
    first = norm.normal(min(regions)[0]) if regions else 0
    ctx = Context(
        Published.parse(_story_day(norm.text, first, published, lang)),
        rules.settings,
        holidays=rules.holidays,
        text=norm.text,
        future_cues=rules.future_cues,
        past_cues=rules.past_cues,
        recent_cues=rules.recent_cues,
    )
    caption_set = set(captions)
    found: list[Timex] = []
    spans: list[tuple[int, int]] = []  # each found expression's place in ``norm.text``
    deictic: list[tuple[int, dict, str]] = []  # days told from now ('last night'): a saying may re-date
    # where the last expression ended and what may lie between it and a date that names its day,
    # when it was a weekday alone or a shift ("two days later")
    named_by: tuple[int, re.Pattern[str]] | None = None
    previous_end, previous_names_year = 0, False  # where the last expression ended; whether it named a year
    joined_to = re.compile(rules.settings["coordinated"]) if "coordinated" in rules.settings else None
    for region_start, region_end in sorted(regions) if regions else [(0, len(text))]:
        start, end = norm.normal(region_start), norm.normal(region_end)
        ctx.in_caption = (region_start, region_end) in caption_set
        for rule, match in rules.scan(norm.text, start, end):
            if rules.in_name(norm.text, match.start(), match.end()):
                continue
            values = slots(rule, match)
            values["_offset"] = match.start()
            values["_end"] = match.end()
            ctx.current, ctx.current_end = match.start(), match.end()
            norm_name = rule.norm
            for pattern, in_context in rule.contexts:
                if ctx.sentence_has(match.start(), match.end(), pattern):
                    values.update(in_context)
                    norm_name = values.pop("norm", norm_name)
                    break
            result = NORMALISERS[norm_name](values, ctx, rule.type)
            original_start, original_end = norm.original(match.start()), norm.original(match.end())
            if result is None or original_end <= original_start:
                continue
            kind, value, mod = result
            value = value or UNSPECIFIED[kind]
            expression = text[original_start:original_end]
            if named_by is not None and norm_name == "date" and _FULL_DAY.match(value):
                _day_named_beside(found, named_by, norm.text, match.start(), value)
            if (
                found
                and found[-1].type == "TIME"
                and any(c.isdigit() for c in found[-1].text)  # a clock's, not 'tonight'
                and _FULL_DAY.match(value)
                and _CLOCK_THEN_DAY.fullmatch(norm.text, previous_end, match.start())
            ):  # '8 giờ 15' sáng Thứ Tư': the clock time is on the day that follows it
                found[-1] = replace(found[-1], value=value[:10] + found[-1].value[10:])
            between = _NAMED_BY.get(norm_name) if kind != "DURATION" else None
            named_by = (match.end(), between) if between else None
            names_year = any(values.get(key) is not None for key in _YEAR_KEYS)
            if (
                found
                and joined_to is not None
                and joined_to.fullmatch(norm.text, previous_end, match.start())
            ):
                # 'this autumn and [winter]', '[July] and August of last year': one year for both
                if previous_names_year and not names_year:
                    value = _year_shared(found[-1].value, value, bare_first=False)
                elif names_year and not previous_names_year:
                    shared = _year_shared(value, found[-1].value, bare_first=True)
                    found[-1] = replace(found[-1], value=shared)
            previous_end, previous_names_year = match.end(), names_year
            if norm_name == "relative" and values.get("unit") == "D":
                deictic.append((len(found), dict(values), rule.type))
            found.append(Timex(original_start, original_end, expression, kind, value, mod))
            spans.append((match.start(), match.end()))
    if deictic and "saying_verbs" in rules.settings:
        _anchor_to_sayings(norm.text, found, spans, deictic, re.compile(rules.settings["saying_verbs"]), ctx)
    return found


def _anchor_to_sayings(
    text: str,
    found: list[Timex],
    spans: list[tuple[int, int]],
    deictic: list[tuple[int, dict, str]],
    saying: re.Pattern[str],
    ctx: Context,
) -> None:
    """A day told from now inside a quotation ('last night', 'đêm qua') is told from the day it was said
    when a saying beside the quotation names that day ('"... last night," the Pentagon said on Tuesday'),
    not from publication: its value is read again from that day. Each line's quotations are found once
    and only the expressions near a quotation are looked at (``spans`` is in text order): a page run
    onto one line costs no square."""
    lines: dict[int, tuple[int, list[tuple[int, int]]]] = {}  # each line's end and quotations, by its start
    for index, values, rule_type in deictic:
        start, end = spans[index]
        line_start = text.rfind("\n", 0, start) + 1
        if line_start not in lines:
            line_end = text.find("\n", end) % (len(text) + 1)  # the text's end when no line break follows
            lines[line_start] = (line_end, [m.span() for m in _QUOTED.finditer(text, line_start, line_end)])
        line_end, quotes = lines[line_start]
        i = bisect_right(quotes, (start, len(text))) - 1
        if i < 0 or not (quotes[i][0] < start and end < quotes[i][1]):
            continue  # not inside a quotation
        quote = quotes[i]
        said = set()
        for j in range(bisect_left(spans, (quote[0] - _QUOTE_REACH - _LONGEST_EXPRESSION,)), len(spans)):
            a, b = spans[j]
            if a > quote[1] + _QUOTE_REACH:
                break
            if (
                line_start <= a < b <= line_end
                and not any(qa <= a < qb for qa, qb in quotes)
                and max(a - quote[1], quote[0] - b) <= _QUOTE_REACH
                and _SAID_DAY.fullmatch(found[j].value[:10])
                and _beside_a_saying(text, a, b, saying, quotes)
            ):
                said.add(found[j].value[:10])
        if len(said) != 1:
            continue
        year, month, day = said.pop().split("-")
        known = year != "XXXX"
        base = Published(int(year) if known else _STAND_IN_YEAR, int(month), int(day))
        result = NORMALISERS["relative"](values, replace(ctx, published=base), rule_type)
        if result is not None:
            kind, value, mod = result
            value = value if known else "XXXX" + value[4:]
            found[index] = replace(found[index], type=kind, value=value, mod=mod)


def _beside_a_saying(
    text: str, start: int, end: int, saying: re.Pattern[str], quotes: list[tuple[int, int]]
) -> bool:
    """Whether a saying verb outside ``quotes`` stands right before or right after ``text[start:end]``."""
    verbs = [
        *saying.finditer(text, max(0, start - _SAYING_REACH), start),
        *saying.finditer(text, end, end + _SAYING_REACH),
    ]
    return any(not any(a <= m.start() < b for a, b in quotes) for m in verbs)


def tag_document(doc: Document, lang: str) -> list[Timex]:
    """Time expressions of a cleaned article: its regions, its captions, its publication day."""
    return tag(doc.text, published=doc.meta.published, lang=lang, regions=doc.regions, captions=doc.captions)


def _story_day(text: str, start: int, published: str | None, lang: str) -> str | None:
    """The reference date: the story's dateline day ("MOSUL, Nov. 3 —") when publication gives no day or
    the dateline names one of the week before it (the day the story was filed), else publication."""
    line = dateline(text, lang, start)
    day = dateline_day(line, published) if line else None
    if day is None:
        return published
    pub = Published.parse(published).date
    if pub is None:
        return day if not published or published[:4] == day[:4] or len(published) < 4 else published
    return day if 0 <= (pub - date.fromisoformat(day)).days <= _DATELINE_REACH_DAYS else published


def _day_named_beside(
    found: list[Timex], named_by: tuple[int, re.Pattern[str]], text: str, start: int, value: str
) -> None:
    """A date written right after a weekday or a shift says which day it is: they take its date."""
    end, between = named_by
    if between.fullmatch(text, end, start):
        named = found[-1]
        found[-1] = replace(named, value=value[:10] + named.value[10:])


def _year_shared(named: str, bare: str, *, bare_first: bool) -> str:
    """The value ``bare`` of a month, day or season in the year of ``named``, when both are one of
    these ('July and August 2009', 'between March 3 and April 5, 2009'). Times run forwards: 'from
    December 20 to January 5, 2010' starts in 2009."""
    if not (_SHARES_A_YEAR.fullmatch(named) and _SHARES_A_YEAR.fullmatch(bare)):
        return bare
    year = int(named[:4])
    if _CALENDAR.fullmatch(named) and _CALENDAR.fullmatch(bare):
        common = min(len(named), len(bare)) - 4
        if bare_first and bare[4:][:common] > named[4:][:common]:
            year -= 1
        elif not bare_first and bare[4:][:common] < named[4:][:common]:
            year += 1
    shared = f"{year:04d}{bare[4:]}"
    if len(shared) == 10:
        try:
            date.fromisoformat(shared)
        except ValueError:  # 29 February of a year without it: the day is not that year's
            return bare
    return shared
