from pathlib import Path

from extract.manifest import read_manifest
from extract.pipeline import build

ROOT = Path(__file__).resolve().parent.parent


def test_seeds_build_with_exact_offsets():
    timeline = build([ROOT / "seeds"], read_manifest(ROOT / "seeds" / "manifest.csv"))
    assert len(timeline.documents) == 2
    texts = {d.file: d.text for d in timeline.documents}
    for event in timeline.events:
        for source in event.sources:
            text = texts[source.file]
            assert text[source.passage_start : source.passage_end] == source.passage
            assert text[source.timex_start : source.timex_end] == source.timex_text
