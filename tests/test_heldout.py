"""Held-out regression test: articles written and annotated after the extractor was built.

``tests/heldout/expected.json`` was written by hand before the extractor ever ran on these
articles. They are scored with the gold set's matching rules (``extract.evaluate.scoring``), with
thresholds the system meets with some margin: a regression test, not a fitted answer.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest

from extract.evaluate.scoring import (
    EventScore,
    GoldEvent,
    PredictedEvent,
    actors_agree,
    boundary_offset,
    occurrences,
    overlaps,
    score_events,
)
from extract.manifest import read_manifest
from extract.pipeline import Timeline, build

HELDOUT = Path(__file__).resolve().parent / "heldout"
ARTICLES = HELDOUT / "articles"


@dataclass
class Findings:
    """The held-out set scored: event counts plus every rule broken, one line each."""

    score: EventScore = field(default_factory=EventScore)
    forbidden: list[str] = field(default_factory=list)  # events on a date the article must not yield
    not_events: list[str] = field(default_factory=list)  # events read from states, opinions, traps
    published: list[str] = field(default_factory=list)  # publication dates not found or invented


def expected() -> list[dict]:
    return json.loads((HELDOUT / "expected.json").read_text(encoding="utf-8"))["documents"]


def spans(text: str, needle: str) -> tuple[tuple[int, int], ...]:
    """Every occurrence of ``needle`` in ``text``, written NFC or in the text's own NFD form."""
    found = occurrences(text, needle) or occurrences(text, unicodedata.normalize("NFD", needle))
    assert found, f"evidence not in the text: {needle!r}"
    return tuple(found)


def gold_events(doc: dict, text: str) -> list[GoldEvent]:
    def evidence(e: dict) -> list[str]:
        return e["evidence"] if isinstance(e["evidence"], list) else [e["evidence"]]

    return [
        GoldEvent(
            e["id"],
            e["date"],
            tuple(s for needle in evidence(e) for s in spans(text, needle)),
            e.get("required", True),
            tuple(e["actors"]),
            e["category"],
        )
        for e in doc["events"]
    ]


def predicted_events(file: str, timeline: Timeline) -> list[PredictedEvent]:
    return [
        PredictedEvent(
            e.date,
            tuple((s.passage_start, s.passage_end) for s in e.sources if s.file == file),
            tuple(e.actors),
            e.category,
            e.tone,
            e.title,
        )
        for e in timeline.events
        if any(s.file == file for s in e.sources)
    ]


def score(timeline: Timeline, with_manifest: bool) -> Findings:
    documents = {d.file: d for d in timeline.documents}
    findings = Findings()
    for doc in expected():
        document = documents[doc["file"]]
        text = document.text
        predicted = predicted_events(doc["file"], timeline)
        if with_manifest or not doc.get("events_need_manifest"):
            findings.score += score_events(
                gold_events(doc, text), predicted, boundary_offset(text, doc["body_ends_before"])
            )
        banned = doc["forbidden"] + ([] if with_manifest else doc.get("forbidden_without_manifest", []))
        forbidden = [p for p in predicted if p.date in banned]
        findings.forbidden += [f"{doc['file']}: {p.date} {p.title}" for p in forbidden]
        for needle in doc["not_events"]:
            trap = spans(text, needle)
            hits = [p for p in predicted if any(overlaps(a, b) for a in p.passages for b in trap)]
            findings.not_events += [f"{doc['file']}: {p.date} {needle}" for p in hits]
        published = document.meta.published
        if not with_manifest and published != doc["published"]:  # null: the page gives none
            findings.published.append(f"{doc['file']}: published {published}, expected {doc['published']}")
    return findings


@cache
def run(with_manifest: bool) -> Findings:
    manifest = read_manifest(HELDOUT / "manifest.csv") if with_manifest else None
    timeline = build([ARTICLES], manifest)
    assert not timeline.errors
    return score(timeline, with_manifest)


@pytest.fixture(scope="module", params=[True, False], ids=["manifest", "no-manifest"])
def findings(request: pytest.FixtureRequest) -> Findings:
    return run(request.param)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def test_every_article_is_read() -> None:
    timeline = build([ARTICLES])
    assert not timeline.errors
    assert sorted(d.file for d in timeline.documents) == sorted(doc["file"] for doc in expected())


def test_events_are_found(findings: Findings) -> None:
    lenient, strict = findings.score.lenient, findings.score.strict
    assert lenient.recall >= 0.90, [g.id for g in findings.score.missed]
    assert lenient.precision >= 0.90, [(p.date, p.title) for p in findings.score.false_positives]
    assert f1(strict.precision, strict.recall) >= 0.85


def test_no_boilerplate_leaks(findings: Findings) -> None:
    assert findings.score.leaks == 0


def test_no_forbidden_dates(findings: Findings) -> None:
    assert findings.forbidden == []


def test_no_events_from_states_or_traps(findings: Findings) -> None:
    assert findings.not_events == []


def test_publication_dates_from_the_page(findings: Findings) -> None:
    assert findings.published == []


def test_actors_and_categories_mostly_agree(findings: Findings) -> None:
    pairs = findings.score.pairs
    assert sum(actors_agree(p.actors, g.actors) for g, p in pairs) >= 0.85 * len(pairs)
    assert sum(p.category == g.category for g, p in pairs) >= 0.65 * len(pairs)
