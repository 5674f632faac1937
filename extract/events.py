"""Event stage: one event per happening reported at a determinable time."""

from __future__ import annotations

from collections.abc import Sequence

from extract.model import Document, Event, Sentence, Source, Timex
from extract.period import period


def build_events(doc: Document, sentences: Sequence[Sentence], timexes: Sequence[Timex]) -> list[Event]:
    events = []
    for sentence in sentences:
        for timex in timexes:
            if not (sentence.start <= timex.start < sentence.end) or timex.type not in ("DATE", "TIME"):
                continue
            p = period(timex.value)
            if p.precision == "unknown" and not timex.value.startswith("XXXX"):
                continue
            source = Source(
                file=doc.file,
                title=doc.meta.title,
                outlet=doc.meta.outlet,
                url=doc.meta.url,
                published=doc.meta.published,
                language=doc.meta.language,
                passage_start=sentence.start,
                passage_end=sentence.end,
                passage=sentence.text,
                timex_start=timex.start,
                timex_end=timex.end,
                timex_text=timex.text,
            )
            events.append(
                Event(
                    id=f"{doc.file}:{sentence.start}:{timex.start}",
                    date=timex.value.split("T")[0],
                    precision=p.precision,
                    start=p.start.isoformat() if p.start else None,
                    end=p.end.isoformat() if p.end else None,
                    title=sentence.text[:80],
                    actors=[],
                    category="other",
                    tone="neutral",
                    goldstein=0.0,
                    sources=[source],
                    mod=timex.mod,
                )
            )
            break
    return events
