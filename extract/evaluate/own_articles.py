"""The project's own articles: written and annotated by hand (``tests/own_articles/expected.json``).

They were annotated before the extractor first ran on them, but their errors have since been used to
fix the code, so they are development data, not a held-out set. They are scored with the gold set's
matching rules and need no shared data.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from extract.evaluate.gold import predicted_events
from extract.evaluate.scoring import (
    EventScore,
    GoldEvent,
    boundary_offset,
    occurrences,
    overlaps,
    score_events,
)
from extract.manifest import read_manifest
from extract.pipeline import Timeline, build

OWN_ARTICLES = Path(__file__).resolve().parents[2] / "tests" / "own_articles"
ARTICLES = OWN_ARTICLES / "articles"


@dataclass
class Findings:
    """The own articles scored: event counts plus every rule broken, one line each."""

    score: EventScore = field(default_factory=EventScore)
    forbidden: list[str] = field(default_factory=list)  # events on a date the article must not yield
    not_events: list[str] = field(default_factory=list)  # events read from states, opinions, traps
    published: list[str] = field(default_factory=list)  # publication dates not found or invented
    errors: list[str] = field(default_factory=list)  # files the pipeline could not read


def expected() -> list[dict]:
    return json.loads((OWN_ARTICLES / "expected.json").read_text(encoding="utf-8"))["documents"]


def spans(text: str, needle: str) -> tuple[tuple[int, int], ...]:
    """Every occurrence of ``needle`` in ``text``, written NFC or in the text's own NFD form."""
    found = occurrences(text, needle) or occurrences(text, unicodedata.normalize("NFD", needle))
    if not found:
        raise ValueError(f"evidence not in the text: {needle!r}")
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


def score(timeline: Timeline, with_manifest: bool) -> Findings:
    documents = {d.file: d for d in timeline.documents}
    findings = Findings(errors=list(timeline.errors))
    for doc in expected():
        document = documents[doc["file"]]
        text = document.text
        told_here = [e for e in timeline.events if any(s.file == doc["file"] for s in e.sources)]
        predicted = predicted_events(doc["file"], told_here)
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


def run(with_manifest: bool) -> Findings:
    manifest = read_manifest(OWN_ARTICLES / "manifest.csv") if with_manifest else None
    return score(build([ARTICLES], manifest), with_manifest)


def figures(findings: Findings) -> dict:
    events = findings.score
    return {
        "lenient": events.lenient.to_json(),
        "strict": events.strict.to_json(),
        "boilerplate_leaks": events.leaks,
        "agreement": events.agreement(),
        "forbidden_dates": findings.forbidden,
        "events_from_states_or_traps": findings.not_events,
        "publication_dates_wrong": findings.published,
    }
