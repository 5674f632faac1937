"""The taggers under evaluation: the project's ``tag`` and dateparser's ``search_dates`` as a peer."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from datetime import datetime

from extract.model import Timex
from extract.period import period

# (text, published, lang, regions) -> time expressions
Tagger = Callable[[str, str | None, str, Sequence[tuple[int, int]] | None], list[Timex]]


def ours(
    text: str, published: str | None, lang: str, regions: Sequence[tuple[int, int]] | None = None
) -> list[Timex]:
    from extract.timex import tag

    return tag(text, published=published, lang=lang, regions=regions)


def reference_datetime(published: str | None) -> datetime | None:
    """A datetime for a (possibly partial) ISO publication date: its first moment."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published)
    except ValueError:
        start = period(published).start
        return datetime(start.year, start.month, start.day) if start else None


def dateparser_peer(with_time: bool = False) -> Tagger:
    """``search_dates`` as a tagger: spans found in order in the text, values as days.

    The peer reads the whole text (it has no notion of regions). With ``with_time`` the value
    keeps hours and minutes (``YYYY-MM-DDTHH:MM``), for phrase tests at hour or minute grain.
    """
    from dateparser.search import search_dates

    def tag(
        text: str, published: str | None, lang: str, regions: Sequence[tuple[int, int]] | None = None
    ) -> list[Timex]:
        settings = {}
        base = reference_datetime(published)
        if base:
            settings["RELATIVE_BASE"] = base
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                found = search_dates(text, languages=[lang], settings=settings) or []
            except Exception:  # the peer's own failures count as finding nothing
                found = []
        timexes = []
        cursor = 0
        for substring, moment in found:
            start = text.find(substring, cursor)
            if start < 0:
                continue
            cursor = start + len(substring)
            value = moment.strftime("%Y-%m-%dT%H:%M" if with_time else "%Y-%m-%d")
            timexes.append(Timex(start, cursor, substring, "DATE", value))
        return timexes

    return tag


OURS = "ours"
PEER = "dateparser"
