"""Issue 2's acceptance: the seeds become a timeline that holds every required gold event."""

from __future__ import annotations

import json
from pathlib import Path

from extract.evaluate.gold import gold_events, predicted_events
from extract.evaluate.scoring import boundary_offset, score_events
from extract.manifest import read_manifest
from extract.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def test_seeds_timeline_holds_every_required_gold_event(shared):
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))
    timeline = build([SEEDS], read_manifest(SEEDS / "manifest.csv"))
    texts = {d.file: d.text for d in timeline.documents}
    for doc in gold["documents"]:
        text = texts[doc["file"]]
        body_end = boundary_offset(text, doc["body_ends_before"])
        score = score_events(gold_events(doc), predicted_events(doc["file"], timeline.events), body_end)
        assert score.missed == [], f"{doc['file']}: missed {[g.id for g in score.missed]}"
        assert score.leaks == 0, f"{doc['file']}: events from the trailing boilerplate"
        strict_ids = {g.id for g, p in score.pairs if p.date == g.date}
        assert strict_ids >= {e["id"] for e in doc["events"] if e["required"]}, "a required date differs"


def test_every_source_offset_points_at_its_passage_and_time_expression():
    timeline = build([SEEDS], read_manifest(SEEDS / "manifest.csv"))
    texts = {d.file: d.text for d in timeline.documents}
    assert timeline.events
    for event in timeline.events:
        for s in event.sources:
            assert texts[s.file][s.passage_start : s.passage_end] == s.passage
            assert texts[s.file][s.timex_start : s.timex_end] == s.timex_text
            assert s.passage_start <= s.timex_start < s.timex_end <= s.passage_end


def test_without_a_manifest_no_year_is_invented():
    """The 2020 seed states no year anywhere in its article: its days keep an unknown year."""
    timeline = build([SEEDS])
    undated_article = [e for e in timeline.events if e.sources[0].file.startswith("000_")]
    assert undated_article, "the strike of 3/1 is still an event"
    for event in undated_article:
        assert event.date.startswith("XXXX"), f"{event.date} is not supported by the page"
        assert event.start is None and event.end is None
    assert any(e.date == "XXXX-01-03" for e in undated_article)
    # The gallery's 'Ất Tỵ 2025' is not the article: nothing is dated 2025.
    assert not any(e.date.startswith("2025") for e in timeline.events)
