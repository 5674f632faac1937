"""The key dates the extractor ranked (``keydates.json`` beside ``events.json``), read for the views.

Nothing is ranked here: ``extract/keydates.py`` scores the days and writes the file (``build`` does,
or ``python -m extract keydates OUT_DIR``). This module reads it into small frozen types, picks the
top K, and says what the collection holds for the story's title slide. A folder written before key
dates existed has no such file: ``problem`` says how to make it instead of failing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dashboard.safe_text import markdown_code
from extract.keydates import SummaryPassage as Passage  # the extractor's own type, read back
from extract.model import Document

KEYDATES_FILE = "keydates.json"  # the name extract/keydates.py writes
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September")
_MONTHS += ("October", "November", "December")  # not strftime's %B, which follows the server's locale


@dataclass(frozen=True)
class Article:
    """An article that tells a happening of the key date."""

    file: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class KeyDate:
    rank: int  # 1 for the best-scored day
    date: str  # ISO day
    score: float  # 1.0 for the top day, the others relative to it
    title: str  # the representative event's title
    summary: str  # the passages' text joined (extractive)
    event_id: str  # the representative event, for the source panel
    event_ids: tuple[str, ...]
    passages: tuple[Passage, ...]
    sources: tuple[Article, ...]

    @property
    def day(self) -> date:
        return date.fromisoformat(self.date)


@dataclass(frozen=True)
class KeyDates:
    articles: int  # articles of the collection that was ranked
    default_k: int  # how many dates the extractor chose (the slider starts there)
    dates: tuple[KeyDate, ...]  # best first

    def top(self, k: int) -> list[KeyDate]:
        """The ``k`` best-scored dates, best first."""
        return list(self.dates[: max(0, k)])

    def story(self, k: int) -> list[KeyDate]:
        """The ``k`` best-scored dates in time order: the slides of the story."""
        return sorted(self.top(k), key=lambda kd: (kd.date, kd.rank))


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _passage(data: dict) -> Passage:
    return Passage(
        file=str(data["file"]),
        start=int(data["start"]),
        end=int(data["end"]),
        text=str(data["text"]),
        title=_text(data.get("title")),
        outlet=_text(data.get("outlet")),
        url=_text(data.get("url")),
        published=_text(data.get("published")),
    )


def _article(data: dict) -> Article:
    return Article(
        file=str(data["file"]),
        title=_text(data.get("title")),
        outlet=_text(data.get("outlet")),
        url=_text(data.get("url")),
        published=_text(data.get("published")),
    )


def _key_date(data: dict, rank: int) -> KeyDate:
    date.fromisoformat(data["date"])  # a day, or the file is not the extractor's
    return KeyDate(
        rank=int(data.get("rank", rank)),
        date=data["date"],
        score=float(data.get("score", 0.0)),
        title=str(data.get("title") or ""),
        summary=str(data.get("summary") or ""),
        event_id=str(data.get("event_id") or ""),
        event_ids=tuple(str(i) for i in data.get("event_ids") or ()),
        passages=tuple(_passage(p) for p in data.get("passages") or ()),
        sources=tuple(_article(s) for s in data.get("sources") or ()),
    )


def parse(data: dict) -> KeyDates:
    """``keydates.json``'s content; raises KeyError, TypeError or ValueError when it is not that."""
    found = tuple(_key_date(kd, rank) for rank, kd in enumerate(data["key_dates"], start=1))
    found = tuple(sorted(found, key=lambda kd: kd.rank))
    return KeyDates(int(data.get("articles", 0)), int(data.get("k", len(found))), found)


def read(path: Path) -> KeyDates:
    return parse(json.loads(path.read_text(encoding="utf-8")))


def path_beside(events_path: Path) -> Path:
    return events_path.with_name(KEYDATES_FILE)


def problem(path: Path, error: BaseException, *, default: bool) -> str:
    """What to tell the visitor (Markdown) when ``path`` could not be read: the command that makes it."""
    folder = "data" if default else "OUT_DIR"
    command = f"`python -m extract keydates {folder}`"
    name = markdown_code(path.name)
    if isinstance(error, FileNotFoundError):
        what = (
            f"This timeline has no key dates yet: {name} is missing (the folder was built before key "
            "dates were ranked)."
        )
    else:
        what = f"The key dates file {name} cannot be read ({type(error).__name__})."
    return f"{what} Rank them with {command}, which writes it beside `events.json`; `build` writes it too."


@dataclass(frozen=True)
class Collection:
    """What the story's title slide says about the articles."""

    articles: int
    outlets: tuple[str, ...]
    first_published: str | None  # ISO, maybe partial
    last_published: str | None


def collection(documents: list[Document]) -> Collection:
    outlets = sorted({d.meta.outlet for d in documents if d.meta.outlet})
    published = sorted(d.meta.published for d in documents if d.meta.published)
    return Collection(
        len(documents),
        tuple(outlets),
        published[0] if published else None,
        published[-1] if published else None,
    )


def day_label(day: str) -> str:
    """``2024-01-24`` as ``24 January 2024`` (the month's English name, as TimelineJS writes it)."""
    value = date.fromisoformat(day)
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
