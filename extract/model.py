"""Plain data types passed between the pipeline's stages.

Every offset is a Python ``str`` index into ``Document.text`` (the file as decoded, universal
newlines, BOM removed), so ``text[start:end]`` is exact.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Events at or above this relevance are about US-Iraq relations and shown by default; the others
# are context events, kept in events.json and shown on request.
SHOWN_BY_DEFAULT = 0.8


@dataclass(frozen=True)
class Metadata:
    """What is known about an article besides its text. ``published`` is ISO, maybe partial."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    attribution: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """An article read and cleaned.

    ``regions`` are the spans of article text in reading order; what lies outside them
    (repeated captions, photo credits, media counters, trailing boilerplate) is not the article.
    ``body_end`` is where trailing boilerplate starts (``len(text)`` when there is none).
    ``captions`` are the regions that caption a photo: their dates are read, but they set no year
    for the story's other dates.
    """

    file: str
    text: str
    meta: Metadata
    regions: tuple[tuple[int, int], ...]
    body_end: int
    captions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Timex:
    """A time expression with its TIMEX3 normalisation."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 2024-01-24, 2024-01, XXXX-01-03, 2024-Q3, P3Y, PAST_REF, 2021/2024 ...
    mod: str | None = None  # START, MID, END, APPROX, MORE_THAN, LESS_THAN ...

    def to_json(self) -> dict:
        data = asdict(self)
        if self.mod is None:
            del data["mod"]
        return data


@dataclass(frozen=True)
class Source:
    """Where an event was read: the passage and the time expression, with offsets into the file."""

    file: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None
    language: str | None
    passage_start: int
    passage_end: int
    passage: str
    timex_start: int
    timex_end: int
    timex_text: str


@dataclass
class Event:
    """One happening at a determinable time, with every source that tells it.

    ``date`` is a TIMEX3 value (or ``A/B`` for a span); ``start``/``end`` are the ISO days
    the date covers, for plotting (None when the year is unknown); ``precision`` names the
    granularity (day, week, month, quarter, season, year, decade, century, span).
    """

    id: str
    date: str
    precision: str
    start: str | None
    end: str | None
    title: str
    actors: list[str]
    category: str
    tone: str  # cooperation, conflict, neutral
    goldstein: float
    sources: list[Source]
    mod: str | None = None
    summary_en: str = ""
    relevance: float = 0.0  # 0..1: how surely this is a happening of US-Iraq relations
    status: str = "happened"  # or "scheduled": the article told it as fixed for a day still to come
    extra: dict = field(default_factory=dict)
