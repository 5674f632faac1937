"""Scoring the pipeline on the gold files (seeds and dev set) by ``shared/gold/README.md``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from extract.evaluate.scoring import (
    EventScore,
    GoldEvent,
    GoldTimex,
    PredictedEvent,
    PredictedTimex,
    TimexScore,
    actors_agree,
    boundary_offset,
    score_events,
    score_timexes,
    traps_hit,
)
from extract.evaluate.systems import OURS, Tagger
from extract.manifest import read_manifest
from extract.merge import merge
from extract.model import Event, Timex
from extract.pipeline import process_file


@dataclass(frozen=True)
class GoldSet:
    """A gold file with the folder of its articles and their manifest."""

    name: str
    gold: Path
    articles: Path
    manifest: Path


@dataclass
class SystemResult:
    """One system's figures on one gold set; ``events`` is None for a tagger without events."""

    timex: TimexScore = field(default_factory=TimexScore)
    events: EventScore | None = None
    traps: list[dict] = field(default_factory=list)
    boilerplate: list[dict] = field(default_factory=list)  # false positives in trailing boilerplate
    failures: list[dict] = field(default_factory=list)  # every miss, false positive and disagreement

    def __add__(self, other: SystemResult) -> SystemResult:
        events = None
        if self.events is not None or other.events is not None:
            events = (self.events or EventScore()) + (other.events or EventScore())
        return SystemResult(
            self.timex + other.timex,
            events,
            self.traps + other.traps,
            self.boilerplate + other.boilerplate,
            self.failures + other.failures,
        )


def gold_timexes(doc: Mapping) -> list[GoldTimex]:
    return [
        GoldTimex(tuple(tuple(s) for s in t["spans"]), t["value"], t.get("required", True), t["text"])
        for t in doc["timexes"]
    ]


def gold_events(doc: Mapping) -> list[GoldEvent]:
    return [
        GoldEvent(
            e["id"],
            e["date"],
            tuple(tuple(s) for s in e["evidence_spans"]),
            e.get("required", True),
            tuple(e.get("actors", ())),
            e.get("category", ""),
            e.get("tone", ""),
        )
        for e in doc["events"]
    ]


def predicted_timexes(timexes: list[Timex]) -> list[PredictedTimex]:
    return [PredictedTimex((t.start, t.end), t.value, t.text) for t in timexes]


def predicted_events(file: str, events: list[Event]) -> list[PredictedEvent]:
    return [
        PredictedEvent(
            e.date,
            tuple((s.passage_start, s.passage_end) for s in e.sources if s.file == file),
            tuple(e.actors),
            e.category,
            e.tone,
            e.title,
        )
        for e in events
    ]


def score_document(doc: Mapping, text: str, timexes: list[Timex], events: list[Event] | None) -> SystemResult:
    """One gold document against one system's time expressions (and events, if it has any)."""
    body_end = boundary_offset(text, doc.get("body_ends_before"))
    predicted = predicted_timexes(timexes)
    gold = gold_timexes(doc)
    timex = score_timexes(gold, predicted)
    file = doc["file"]
    traps = [
        {"file": file, "trap": trap, "predicted": p.text, "at": p.span[0], "value": p.value}
        for trap, p in traps_hit(
            text,
            [t["text"] for t in doc.get("not_timexes", [])],
            predicted,
            [s for g in gold for s in g.spans],
        )
    ]
    boilerplate = [
        {"file": file, "predicted": p.text, "at": p.span[0], "value": p.value}
        for p in timex.false_positives
        if p.span[0] >= body_end
    ]
    failures = [
        *(
            {"file": file, "kind": "timex missed", "at": g.spans[0][0], "text": g.text, "gold": g.value}
            for g in timex.missed
        ),
        *(
            {"file": file, "kind": "timex false positive", "at": p.span[0], "text": p.text, "got": p.value}
            for p in timex.false_positives
        ),
        *(
            {
                "file": file,
                "kind": "timex wrong value",
                "at": p.span[0],
                "text": g.text,
                "gold": g.value,
                "got": p.value,
            }
            for g, p in timex.wrong_values
        ),
    ]
    scored_events = None
    if events is not None:
        scored_events = score_events(gold_events(doc), predicted_events(file, events), body_end)
        failures += _event_failures(file, scored_events)
    return SystemResult(timex, scored_events, traps, boilerplate, failures)


def _event_failures(file: str, score: EventScore) -> list[dict]:
    found = [
        {"file": file, "kind": "event missed", "at": g.spans[0][0], "id": g.id, "gold": g.date}
        for g in score.missed
    ]
    found += [
        {
            "file": file,
            "kind": "event false positive",
            "at": p.passages[0][0] if p.passages else None,
            "got": p.date,
            "title": p.title,
        }
        for p in score.false_positives
    ]
    found += [
        {
            "file": file,
            "kind": "event disagrees",
            "id": g.id,
            "gold": f"{'+'.join(g.actors)} {g.category} {g.tone}",
            "got": f"{'+'.join(p.actors)} {p.category} {p.tone}",
        }
        for g, p in score.pairs
        if not actors_agree(p.actors, g.actors) or g.category != p.category or g.tone != p.tone
    ]
    return found


def evaluate_gold_set(gold_set: GoldSet, taggers: Mapping[str, Tagger]) -> dict[str, SystemResult]:
    """Every system's figures on one gold set; the system named ``OURS`` also has its events scored.

    Our events come from the real pipeline (``process_file``), merged as a timeline of the article
    alone would show them; our time expressions from ``tag`` on the cleaned document, as the
    pipeline calls it.
    """
    gold = json.loads(gold_set.gold.read_text(encoding="utf-8"))
    manifest = read_manifest(gold_set.manifest) if gold_set.manifest.is_file() else {}
    results = {name: SystemResult() for name in taggers}
    for doc in gold["documents"]:
        path = gold_set.articles / doc["file"]
        document, told = process_file(path, doc["file"], manifest.get(doc["file"]))
        events = merge(told)
        lang = document.meta.language or doc.get("language") or "vi"
        for name, tagger in taggers.items():
            timexes = tagger(document.text, document.meta.published, lang, document.regions)
            own_events = events if name == OURS else None
            results[name] = results[name] + score_document(doc, document.text, timexes, own_events)
    return results
