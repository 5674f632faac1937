"""What a tagger knows while reading an article: the publication date and the narrative so far."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

_PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?)?)?")
# a day/month without year is read in the publication year unless that puts it this far after publication
_MAX_DAYS_AHEAD = 270


@dataclass(frozen=True)
class Published:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    time: tuple[int, int, int] | None = None

    @classmethod
    def parse(cls, value: str | None) -> Published:
        m = _PUBLISHED.match(value or "")
        if not m:
            return cls()
        year, month, day = (int(g) if g else None for g in m.groups()[:3])
        time = (int(m[4]), int(m[5]), int(m[6] or 0)) if m[4] else None
        try:
            if day:
                date(year, month, day)  # type: ignore[arg-type]
        except ValueError:
            return cls(year, month)
        return cls(year, month, day, time)

    @property
    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day else None  # type: ignore[arg-type]


@dataclass
class Context:
    published: Published
    settings: dict
    last_day: date | None = None  # the latest full date of the narrative: the anchor of "two days later"
    narrative_year: int | None = None  # the latest explicit year of the narrative
    set_until: int = -1  # offset up to which a recurrence ("every year") governs day/month forms
    holidays: dict = field(default_factory=dict)

    def note_year(self, year: int) -> None:
        """An explicit year sets the narrative's year, unless it lies after publication (a deadline)."""
        if self.published.year is None or year <= self.published.year:
            self.narrative_year = year

    def note_day(self, day: date, explicit_year: bool) -> None:
        self.last_day = day
        if explicit_year:
            self.note_year(day.year)
        elif self.narrative_year is None:
            self.narrative_year = day.year

    def year_for(self, month: int, day: int | None, recent: bool = False) -> int | None:
        """The year of a day/month (or month) given without one: narrative first, then publication.

        ``recent`` forms (Vietnamese ``hôm 3/1``) name a day near the time of writing: publication first.
        """
        pub = self.published
        if self.narrative_year is not None and not (recent and pub.year is not None):
            return self.narrative_year
        if pub.year is None:
            return None
        if pub.month is None:
            return pub.year
        reference = date(pub.year, pub.month, pub.day or 1)
        try:
            candidate = date(pub.year, month, day or 1)
        except ValueError:
            return pub.year
        return pub.year - 1 if (candidate - reference).days > _MAX_DAYS_AHEAD else pub.year
