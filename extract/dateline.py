"""The page's own publication date (a timestamp line near the top of the page) and headline.

A timestamp line is short and consists mostly of a date and a time: ``Thứ Hai, 29/01/2024 - 08:15``,
``21/08/2020 06:55 GMT+7``, ``Published 6:14 AM EST, March 7, 2023``. Only the head of the page is
read, so dates in related news, comments and copyright footers are never taken. Date formats,
weekdays and markers are per-language resources (``[dates]`` in ``extract/lang/<code>/page.toml``).

Where numeric dates are written both month first (US) and day first (agencies, Europe), a date
such as ``09/12/2021`` is taken only when the weekdays the page's lead names confirm one reading
('Iraq announced Thursday'); otherwise the line is a timestamp of unknown day.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from extract import language

HEAD_LINES = 12  # non-empty lines read from the top of the page
RUN_IN_HEAD_LINES = 40  # ... and for a stamp run into its headline, which a list of links may precede
TITLE_LINES = 4  # a headline is among the first non-empty lines ...
TITLE_WORDS = (4, 30)  # ... and is longer than a section label, shorter than a paragraph
LEAD_CHARS = 1500  # where the weekdays confirming an ambiguous numeric date are looked for
MAX_LINE = 100  # a timestamp line is short
MAX_OTHER_WORDS = 1  # words besides date, time, weekday and markers that a timestamp line may hold

_ISO = re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
_TIME = re.compile(r"(?<!\d)\d{1,2}[:h]\d{2}(?::\d{2})?(?!\d)", re.IGNORECASE)
# Zone names and offsets are written alike in every language: GMT+7, UTC-05:00, EST, ICT, UK.
_ZONE = re.compile(r"\(?\b(?:GMT|UTC)\s*(?:[+\-−]\s*\d{1,2}(?::?\d{2})?)?\)?|\b[A-Z]{1,4}T\b|\bUK\b(?!-)")
# Words may follow digits with no space between: "6:14AM", "GMT+3Updated 2 hours ago".
_NOT_AFTER_LETTER = r"(?<![^\W\d_])"
# A section label before a bar opens many timestamp lines: "Thời sự | 11/06/2020 14:35".
_SECTION = re.compile(r"^\s*(?:[^\W\d_][\w-]*\s+){0,2}[^\W\d_][\w-]*\s*\|")
_SEPARATORS = re.compile(r"[\s,|·•/()\[\]\-–—:]+")


@dataclass(frozen=True)
class Timestamp:
    """A timestamp line: where it is, the ISO day it gives, and whether it is an update time.

    ``content_end`` is where the line stops being about the page's own dates: a trailing
    ``· Updated 2 hours ago`` is relative to the reader's clock and is left out.
    """

    start: int
    end: int
    content_end: int
    value: str | None  # None: a numeric date whose day/month order the page does not settle
    updated: bool


@dataclass(frozen=True)
class _Rules:
    dates: tuple[re.Pattern, ...]
    months: dict[str, int]
    filler: re.Pattern  # weekdays and markers
    updates: re.Pattern | None
    labelled: re.Pattern | None  # a label and an ISO day or month opening the page ('date 2019-08')
    # weekday names, Monday first, when numeric dates may be written in either order
    weekday_names: tuple[str, ...] = ()


@cache
def _rules(lang: str) -> _Rules:
    spec = language.resource(lang, "page").get("dates", {})
    months = {name.casefold(): number for name, number in spec.get("months", {}).items()}
    month_names = "|".join(sorted(map(re.escape, months), key=len, reverse=True)) or "(?!)"
    dates = tuple(
        re.compile(pattern.replace("MONTH", month_names).replace(" ", r"\s+"), re.IGNORECASE)
        for pattern in spec.get("patterns", [])
    )
    filler = "|".join(spec.get("weekdays", []) + spec.get("markers", [])) or "(?!)"
    updates = spec.get("updates", [])
    labels = "|".join(spec.get("labels", []))
    return _Rules(
        dates=(*dates, _ISO),
        months=months,
        filler=re.compile(rf"{_NOT_AFTER_LETTER}(?:{filler})(?!\w)", re.IGNORECASE),
        updates=re.compile(rf"{_NOT_AFTER_LETTER}(?:{'|'.join(updates)})(?!\w)", re.IGNORECASE)
        if updates
        else None,
        labelled=re.compile(
            rf"\s*(?:{labels})\s*(?P<y>\d{{4}})-(?P<m>\d{{2}})(?:-(?P<d>\d{{2}}))?(?![\d-])", re.IGNORECASE
        )
        if labels
        else None,
        weekday_names=tuple(spec.get("weekday_names", [])) if spec.get("numeric_order_ambiguous") else (),
    )


def page_published(text: str) -> str | None:
    """The ISO day of the page's publication timestamp (else of a dated dateline), or None; else the
    day or month of a labelled date opening the page ('date 2019-08')."""
    stamps = [s for s in timestamps(text) if s.value]
    first = next((s for s in stamps if not s.updated), stamps[0] if stamps else None)
    if first is not None:
        return first.value
    label = labelled_date(text)
    if label and len(label[2]) == len("2019-08-03"):
        return label[2]
    line = dateline(text)  # a dateline that gives its year ("BASRA, Iraq, May 2, 2019 (Reuters) -") will do
    if line and line.year:
        return dateline_day(line, None)
    return label[2] if label else None


def labelled_date(text: str) -> tuple[int, int, str] | None:
    """A label and an ISO day or month that open the page ('date 2019-08 TEXAS -- ...', 'Date:
    2020-01-05'), as exported pages carry their date: its span and its value, a real calendar one."""
    for lang in _languages(text):
        rules = _rules(lang)
        m = rules.labelled.match(text) if rules.labelled else None
        if m is None:
            continue
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"]) if m["d"] else 1
        try:
            date(year, month, day)
        except ValueError:
            return None
        value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if m["d"] else "")
        return len(m[0]) - len(m[0].lstrip()), m.end(), value
    return None


def page_title(text: str) -> str | None:
    """The headline: the first head line that reads like one (a few words, no full stop, no date)."""
    stamps = {s.start for s in timestamps(text)}
    for start, line in itertools.islice(_head(text), TITLE_LINES):
        words = len(line.split())
        if (
            start not in stamps
            and TITLE_WORDS[0] <= words <= TITLE_WORDS[1]
            and not line.rstrip().endswith(".")
        ):
            return line.strip()
    return None


def timestamps(text: str) -> list[Timestamp]:
    """The timestamp lines among the first non-empty lines of ``text``."""
    found = []
    order = _languages(text)
    lead = text[:LEAD_CHARS]
    for n, (start, line) in enumerate(_head(text, RUN_IN_HEAD_LINES)):
        for lang in order:
            rules = _rules(lang)
            if n < HEAD_LINES and (stamp := _timestamp(line, start, rules, lead)):
                found.append(stamp)
                break
            if run_in := _run_into_headline(line, rules):  # may follow a long list of links
                found.append(Timestamp(start, start + len(line), start + run_in[0], run_in[1], False))
                break
    return found


def _languages(text: str) -> list[str]:
    """Every language with date rules, the text's own first (numeric day/month order differs)."""
    detected = language.detect(text)
    others = [lang for lang in language.languages("page") if lang != detected]
    return [detected, *others] if detected in language.languages("page") else others


def _head(text: str, lines: int = HEAD_LINES):
    start, seen = 0, 0
    while start < len(text) and seen < lines:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            seen += 1
            yield start, text[start:end]
        start = end + 1


def _timestamp(line: str, offset: int, rules: _Rules, lead: str) -> Timestamp | None:
    if len(line.strip()) > MAX_LINE:
        return None
    for pattern in rules.dates:
        for m in pattern.finditer(line):
            value = _iso_day(m, rules.months)
            if value is None:
                continue
            if rules.weekday_names and _order_ambiguous(m):
                value = _confirmed(value, lead, rules.weekday_names)
            content_end = len(line.rstrip())
            updated = False
            update = rules.updates.search(line) if rules.updates else None
            if update and update.start() >= m.end():
                content_end = _trim(line, update)
            elif update:
                updated = True
            rest = _SECTION.sub(" ", line[: m.start()]) + " " + line[m.end() : content_end]
            if _other_words(rest, rules) > MAX_OTHER_WORDS:
                continue
            return Timestamp(offset, offset + len(line), offset + content_end, value, updated)
    return None


def _run_into_headline(line: str, rules: _Rules) -> tuple[int, str] | None:
    """A date and a clock that open the line and run into its headline with no space between
    ('20/05/2019 17:09Tấn công tên lửa ...', as a page's parts run together): where the stamp ends
    and its day."""
    opening = len(line) - len(line.lstrip())
    for pattern in rules.dates:
        m = pattern.match(line, opening)
        if m is None:
            continue
        clock = _TIME.match(line, len(line) - len(line[m.end() :].lstrip()))  # past the spaces after it
        value = _iso_day(m, rules.months)
        if clock is None or not line[clock.end() : clock.end() + 1].isalpha() or value is None:
            continue
        return None if rules.weekday_names and _order_ambiguous(m) else (clock.end(), value)
    return None


def _trim(line: str, update: re.Match) -> int:
    """End of the line's content before an update marker, without the separators that lead to it."""
    end = update.start()
    while end > 0 and (line[end - 1].isspace() or _SEPARATORS.fullmatch(line[end - 1])):
        end -= 1
    return end


def _other_words(rest: str, rules: _Rules) -> int:
    for pattern in (_TIME, _ZONE, rules.filler, rules.updates):
        if pattern is not None:
            rest = pattern.sub(" ", rest)
    return sum(any(ch.isalnum() for ch in word) for word in _SEPARATORS.split(rest))


def _order_ambiguous(m: re.Match) -> bool:
    """A numeric date that reads as a valid day both month first and day first."""
    groups = m.groupdict()
    if not (groups.get("m") and groups.get("d")):
        return False
    month, day = int(groups["m"]), int(groups["d"])
    return month != day and month <= 12 and day <= 12


def _confirmed(value: str, lead: str, weekday_names: tuple[str, ...]) -> str | None:
    """``value`` or its day/month swap, whichever falls on a weekday the lead names; None if not one."""
    read = date.fromisoformat(value)
    swapped = date(read.year, read.day, read.month)
    named = {i for i, name in enumerate(weekday_names) if re.search(rf"\b{name}\b", lead, re.IGNORECASE)}
    fitting = [d for d in (read, swapped) if d.weekday() in named]
    return fitting[0].isoformat() if len(fitting) == 1 else None


def _iso_day(m: re.Match, months: dict[str, int]) -> str | None:
    groups = m.groupdict()
    month = int(groups["m"]) if groups.get("m") else months.get((groups.get("mon") or "").casefold())
    try:
        day = date(int(groups["y"]), month or 0, int(groups["d"]))
    except (TypeError, ValueError):
        return None
    return day.isoformat()


# ---------------------------------------------------------------- stamps inside the text
# A machine-written stamp can sit anywhere in a page run together from its parts: a wire story's
# header ("GENEVA | Thu Mar 3, 2011 1:28 pm EST"), a video's "updated: Thu Jan 07 2010 14:45:00",
# "Monday 11 May 2009 13.41 BST", "24 June 2010 Last updated at 14:59 GMT", a comment's "January
# 31, 2011 at 6:21 pm |", "January 28, 2011 07:10 pm at 7:10 pm |", "10th January 2012 - 15:31". Its
# mark is a full date followed by a clock time that a writer of prose does not give: one with seconds
# or a time zone, one a dash sets after the date, or one the page's bar separates from what follows.
_STAMP_CLOCK = (
    r"(?:[\s,]*(?P<dash>[-–—]\s*)|[\s,]*)(?:(?:{updates})\s*)?(?:at\s+)?{clock}(?P<seconds>:\d{2})?(?!\d)"
    r"(?:\s*[ap]\.?m\.?(?!\w))?(?:\s+at\s+{clock}(?:\s*[ap]\.?m\.?(?!\w))?)?(?P<space>\s*)(?P<bar>\|)?"
).replace("{clock}", r"\d{1,2}[:.h]\d{2}")
# What every clock of a stamp holds: a text without it has no stamp, and its dates need no search
_CLOCK_DIGITS = re.compile(r"\d[:.h]\d{2}", re.IGNORECASE)


_STAMP_LEAD_CHARS = 100  # how far before a stamp's date its weekday, marker and place are looked for


@cache
def _stamp_patterns(lang: str) -> tuple[re.Pattern, re.Pattern]:
    """The clock after a stamp's date, and the weekdays and markers before it, in ``lang``."""
    rules = _rules(lang)
    updates = rules.updates.pattern if rules.updates else "(?!)"
    clock = re.compile(_STAMP_CLOCK.replace("{updates}", updates), re.IGNORECASE)
    clock_and_zone = rf"\d{{1,2}}[:.]\d{{2}}|{_ZONE.pattern}"  # "Page last updated at 10:39 GMT, Monday,"
    lead_in = re.compile(
        rf"(?:(?:{rules.filler.pattern}|{updates}|{clock_and_zone})[\s,:|·•\-–—]*)*$", re.IGNORECASE
    )
    return clock, lead_in


def inline_stamps(text: str) -> list[tuple[int, int]]:
    """Spans of the stamps in ``text`` (sorted, not overlapping), with the weekday, marker
    ('updated:') and bar-separated label that lead into each on its line."""
    spans = []
    if not _CLOCK_DIGITS.search(text):
        return spans
    for lang in language.languages("page"):
        rules = _rules(lang)
        stamp_clock, lead_in = _stamp_patterns(lang)
        for pattern in rules.dates:
            for m in pattern.finditer(text):
                clock = stamp_clock.match(text, m.end())
                if clock is None or _iso_day(m, rules.months) is None:
                    continue
                zone = _ZONE.match(text, clock.end())  # after the spaces that lead to it
                # within its line, and near it: a page run into one line stays linear
                line_start = max(text.rfind("\n", 0, m.start()) + 1, m.start() - _STAMP_LEAD_CHARS)
                start = lead_in.search(text, line_start, m.start()).start()
                # an update marker and a clock before the date: "Page last updated at 10:39 GMT, Monday,"
                updated = (
                    rules.updates
                    and rules.updates.search(text, start, m.start())
                    and _TIME.search(text, start, m.start())
                )
                if not (zone or clock["seconds"] or clock["bar"] or clock["dash"] or updated):
                    continue
                if label := _STAMP_PLACE.search(text, max(line_start, start - _STAMP_LEAD_CHARS), start):
                    start = label.start()
                end = zone.end() if zone else clock.end() if clock["bar"] else clock.start("space")
                spans.append((start, start + len(text[start:end].rstrip())))
    return merge_spans(spans)


# A live blog opens each post with its clock time: "1809 The envoy says ...", "0915 Rescue teams ...".
_POST_CLOCK = re.compile(r"^(?P<h>[0-2]\d)(?P<m>[0-5]\d)(?= +\D)", re.MULTILINE)
MIN_POSTS = 3


def post_clocks(text: str, published: str | None) -> list[tuple[int, int]]:
    """Spans of the clock times that open a live blog's posts. Lines that open with four digits are
    such clocks when there are several, each is a time of day, and one cannot be a year of the story
    (written with a leading zero, or after the year of publication); otherwise they may be years
    ("2006 Dr Murray meets ...")."""
    found = list(_POST_CLOCK.finditer(text))
    if len(found) < MIN_POSTS or any(int(m["h"]) > 23 for m in found):
        return []
    year = int(published[:4]) if published and published[:4].isdigit() else None
    if not any(m[0].startswith("0") or (year and int(m[0]) > year) for m in found):
        return []
    return [m.span() for m in found]


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` sorted, overlapping ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# ---------------------------------------------------------------- datelines
DATELINE_CHARS = 400  # a dateline opens the story: it is looked for near the start of the text
_DATELINE_FRAGMENTS = {
    # an all-capital place of one to four words: "MOSUL", "SAO PAULO", "RIO DE JANEIRO"
    "PLACE": r"(?-i:[A-ZÀ-Ỹ][A-ZÀ-Ỹ.'’-]+(?: [A-ZÀ-Ỹ][A-ZÀ-Ỹ.'’-]+){0,3})",
    "DAY": r"(?P<d>[0-3]?\d)",
    "NUMMONTH": r"(?P<m>1[0-2]|0?[1-9])",
    "YEAR": r"(?P<y>(?:1[89]|20)\d\d)",
    "AGENCY": r"\([^()\n]{2,30}\)",
    "DASH": r"(?:--|—|–|-)(?=\s)",
}


_DATELINE_DASH = re.compile(_DATELINE_FRAGMENTS["DASH"])
# The place and bar before a wire stamp: "SIRTE, Libya | ", "CAIRO, July 7 | ", "ANTAKYA, Turkey/ISTANBUL | ".
_STAMP_PLACE = re.compile(_DATELINE_FRAGMENTS["PLACE"] + r"(?:,[^|\n]{1,25}?)?\s*\|\s*$")


@dataclass(frozen=True)
class Dateline:
    """A story's dateline: where it is and the day it names (any part may be unknown)."""

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None


@cache
def _dateline_patterns(lang: str) -> tuple[tuple[re.Pattern, ...], dict[str, int]]:
    spec = language.resource(lang, "dateline")
    months = {name.casefold(): number for name, number in spec.get("months", {}).items()}
    names = "|".join(sorted(map(re.escape, months), key=len, reverse=True)) or "(?!)"
    fragments = {**_DATELINE_FRAGMENTS, "MONTH": f"(?P<mon>{names})"}
    patterns = []
    for pattern in spec.get("patterns", []):
        for name, fragment in fragments.items():
            pattern = pattern.replace(name, fragment)
        # a line's start, or after a headline (a quotation closing it too) or a wire's note run into it
        line_start = r"(?:^|(?<=\n)|(?<=[a-z.!?)\"”’]\s))"
        patterns.append(re.compile(line_start + pattern.replace(" ", r"\s*"), re.IGNORECASE))
    return tuple(patterns), months


def dateline(text: str, lang: str | None = None, start: int = 0) -> Dateline | None:
    """The dateline opening the story at ``text[start:]`` ("MOSUL, Nov. 3 —"), or None."""
    head = text[: start + DATELINE_CHARS]
    if not _DATELINE_DASH.search(head, start):  # most stories have none: skip the patterns
        return None
    for code in [lang] if lang else _languages(text):
        patterns, months = _dateline_patterns(code)
        for pattern in patterns:
            m = pattern.search(head, start)
            if m is None or _abbreviated_name(m[0]):
                continue
            groups = m.groupdict()
            month = int(groups["m"]) if groups.get("m") else months.get((groups.get("mon") or "").casefold())
            day = int(groups["d"]) if groups.get("d") else None
            year = int(groups["y"]) if groups.get("y") else None
            try:
                if month and day:
                    date(year or 2000, month, day)
            except ValueError:
                continue
            return Dateline(m.start(), m.end(), year, month, day)
    return None


_BRACKET = re.compile(r"([^()]*)\(([^()]*)\)")
_NAME_WORD = re.compile(r"[A-ZÀ-Ỹ][\w'’.-]*")
MIN_ABBREVIATED_WORDS = 2


def _abbreviated_name(found: str) -> bool:
    """Whether the bracket of a dateline's match abbreviates the words before it ('World Health
    Organization (WHO) -', 'Atlantic Treaty Organization (NATO) -'): a name, not a place and its
    agency."""
    bracket = _BRACKET.search(found)
    if bracket is None:
        return False
    letters = "".join(c for c in bracket[2] if c.isupper())
    words = _NAME_WORD.findall(bracket[1].rsplit(",", 1)[-1])[-len(letters) :] if letters else []
    initials = "".join(w[0] for w in words)
    return len(initials) >= MIN_ABBREVIATED_WORDS and letters.endswith(initials)


def dateline_day(line: Dateline, published: str | None) -> str | None:
    """The ISO day the dateline names, its year taken from the publication date when it has none (the
    latest such day on or before publication); None when the day cannot be known."""
    if line.month is None or line.day is None:
        return None
    if line.year is not None:
        return date(line.year, line.month, line.day).isoformat()
    pub = _ISO.match(published or "") or re.match(r"(?P<y>\d{4})(?:-(?P<m>\d{2}))?", published or "")
    if pub is None:
        return None
    year = int(pub["y"])
    months_known = pub.groupdict().get("m")
    if months_known and (line.month, line.day) > (int(pub["m"]), int(pub.groupdict().get("d") or 31)):
        year -= 1  # "Dec. 30" in a paper of January 2 is last year's
    try:
        return date(year, line.month, line.day).isoformat()
    except ValueError:
        return None
