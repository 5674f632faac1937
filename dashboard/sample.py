"""Small timelines made from the extractor's data types, for tests, demos and benchmarks.

``fixture_timeline`` holds one event of every kind the view must handle (each date precision,
a span, an unknown year, a merged event, a passage with markup in it); ``generated_timeline``
makes any number of plausible events to measure the dashboard at scale.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from extract.model import Document, Event, Metadata, Source
from extract.period import period

_EN_TEXT = (
    "Baghdad talks resume. Officials said <script>alert('x')</script> on 24 January 2024 the United "
    "States and Iraq agreed to begin talks on the coalition. The talks are expected to last months.\n"
    "In January 2020 Iraq's parliament voted to expel US troops after the strike. "
    "A joint commission met in the third quarter of 2023 in Baghdad. "
    "From 2021 to 2024 the coalition shrank steadily. "
    "In 2021 the combat mission ended. "
    "Every year on 3 January supporters mark the anniversary.\n"
)
_VI_TEXT = (
    "Ngày 24/1/2024, Mỹ và Iraq đồng ý bắt đầu đàm phán về liên minh quân sự. "
    "Cuộc đàm phán dự kiến kéo dài nhiều tháng.\n"
)


def _source(doc: Document, passage: str, timex: str) -> Source:
    passage_start = doc.text.index(passage)
    timex_start = doc.text.index(timex, passage_start)
    return Source(
        file=doc.file,
        title=doc.meta.title,
        outlet=doc.meta.outlet,
        url=doc.meta.url,
        published=doc.meta.published,
        language=doc.meta.language,
        passage_start=passage_start,
        passage_end=passage_start + len(passage),
        passage=passage,
        timex_start=timex_start,
        timex_end=timex_start + len(timex),
        timex_text=timex,
    )


def _event(
    value: str,
    title: str,
    sources: list[Source],
    *,
    actors: list[str],
    category: str,
    tone: str,
    score: float,
) -> Event:
    covered = period(value)
    return Event(
        id=f"{sources[0].file}:{sources[0].passage_start}:{sources[0].timex_start}",
        date=value,
        precision=covered.precision,
        start=covered.start.isoformat() if covered.start else None,
        end=covered.end.isoformat() if covered.end else None,
        title=title,
        actors=actors,
        category=category,
        tone=tone,
        goldstein=score,
        sources=sources,
        summary_en=title,
        relevance=1.0,
    )


def _document(file: str, text: str, meta: Metadata) -> Document:
    return Document(file, text, meta, ((0, len(text)),), len(text))


def fixture_timeline() -> tuple[list[Document], list[Event]]:
    """Two articles and six events (one told by both) covering every case the dashboard draws differently."""
    en = _document(
        "en.txt",
        _EN_TEXT,
        Metadata("US and Iraq <b>talks</b>", "Example News", "https://example.org/talks", "2024-01-25", "en"),
    )
    vi = _document("vi.txt", _VI_TEXT, Metadata("Mỹ và Iraq đàm phán", "Báo Mẫu", None, "2024-01-25", "vi"))
    us_iraq = ["United States", "Iraq"]

    def passage(doc: Document, starts: str) -> str:
        start = doc.text.index(starts)
        return doc.text[start : doc.text.index(".", start + len(starts)) + 1]

    talks = passage(en, "Officials said")
    events = [
        _event(
            "2024-01-24",
            "US and Iraq agree to begin talks on the coalition",
            [_source(en, talks, "24 January 2024"), _source(vi, passage(vi, "Ngày 24/1"), "24/1/2024")],
            actors=us_iraq,
            category="negotiate",
            tone="cooperation",
            score=3.5,
        ),
        _event(
            "2020-01",
            "Iraqi parliament votes to expel US troops",
            [_source(en, passage(en, "In January 2020"), "January 2020")],
            actors=["Iraq", "United States"],
            category="demand",
            tone="conflict",
            score=-4.0,
        ),
        _event(
            "2023-Q3",
            "Joint commission meets in Baghdad",
            [_source(en, passage(en, "A joint commission"), "the third quarter of 2023")],
            actors=us_iraq,
            category="consult",
            tone="cooperation",
            score=2.0,
        ),
        _event(
            "2021/2024",
            "Coalition shrinks",
            [_source(en, passage(en, "From 2021"), "From 2021 to 2024")],
            actors=["Coalition"],
            category="reduce-military",
            tone="neutral",
            score=0.0,
        ),
        _event(
            "2021",
            "Combat mission ends",
            [_source(en, passage(en, "In 2021 the combat"), "2021")],
            actors=["United States"],
            category="withdraw",
            tone="cooperation",
            score=1.0,
        ),
        _event(
            "XXXX-01-03",
            "Supporters mark the anniversary",
            [_source(en, passage(en, "Every year on"), "3 January")],
            actors=["Iraq"],
            category="other",
            tone="neutral",
            score=0.0,
        ),
    ]
    return [en, vi], events


_ACTORS = ("United States", "Iraq", "Iran", "Kurdistan Region", "Coalition", "United Nations")
_CATEGORIES = (
    "military-action",
    "negotiate",
    "agreement",
    "demand",
    "deploy",
    "withdraw",
    "statement",
    "aid",
)
_TONES = (("cooperation", 3.0), ("conflict", -5.0), ("neutral", 0.0))


def generated_timeline(count: int, seed: int = 0) -> tuple[list[Document], list[Event]]:
    """``count`` events spread over 2003-2024, one short article each, mostly day precision; about
    one in ten is a context event (relevance under ``SHOWN_BY_DEFAULT``)."""
    rng = random.Random(seed)
    documents, events = [], []
    first = date(2003, 1, 1)
    for n in range(count):
        day = first + timedelta(days=rng.randrange(8000))
        kind = rng.random()
        if kind < 0.7:
            value, timex = day.isoformat(), day.strftime("%d %B %Y")
        elif kind < 0.85:
            value, timex = day.strftime("%Y-%m"), day.strftime("%B %Y")
        elif kind < 0.95:
            value, timex = str(day.year), str(day.year)
        else:
            value, timex = day.strftime("XXXX-%m-%d"), day.strftime("%d %B")
        actors = rng.sample(_ACTORS, 2)
        tone, score = rng.choice(_TONES)
        text = f"On {timex} {actors[0]} and {actors[1]} held event number {n}. Nothing else happened.\n"
        doc = _document(f"gen/{n:05d}.txt", text, Metadata(f"Article {n}", "Generated", None, None, "en"))
        passage = text[: text.index(".") + 1]
        event = _event(
            value,
            f"{actors[0]} and {actors[1]}: event {n}",
            [_source(doc, passage, timex)],
            actors=actors,
            category=rng.choice(_CATEGORIES),
            tone=tone,
            score=score + rng.uniform(-1, 1),
        )
        # Most events are about US-Iraq relations; one in ten is a context event, as in real builds.
        event.relevance = rng.uniform(0.8, 1.0) if rng.random() < 0.9 else rng.uniform(0.0, 0.8)
        documents.append(doc)
        events.append(event)
    return documents, events
