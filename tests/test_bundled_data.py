"""The precomputed data/ the hosted app starts from is the current extractor's output on the seeds."""

import json
from pathlib import Path

from extract.manifest import read_manifest
from extract.pipeline import build
from extract.store import timeline_json

ROOT = Path(__file__).resolve().parent.parent


def test_bundled_timeline_is_up_to_date_with_the_extractor():
    timeline = build([ROOT / "seeds"], read_manifest(ROOT / "seeds" / "manifest.csv"))
    bundled = json.loads((ROOT / "data" / "events.json").read_text(encoding="utf-8"))
    fresh = json.loads(json.dumps(timeline_json(timeline.documents, timeline.events), ensure_ascii=False))
    assert bundled == fresh, "data/ is stale: rebuild it with `make data/events.json` and commit it"
