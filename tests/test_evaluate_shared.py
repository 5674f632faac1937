"""The evaluation end to end on the seeds (structure only: the tagger's figures move)."""

from __future__ import annotations

from extract.evaluate.gold import evaluate_gold_set
from extract.evaluate.report import render
from extract.evaluate.run import gold_figures, gold_sets
from extract.evaluate.systems import OURS, ours


def test_seeds_evaluation_reports_every_figure(shared):
    seeds = next(s for s in gold_sets(shared) if s.name == "seeds")
    results = evaluate_gold_set(seeds, {OURS: ours})
    figures = gold_figures(results[OURS], verbose=True)
    for kind in ("relaxed", "strict", "value"):
        counts = figures["timex"][kind]
        assert set(counts) >= {"tp", "fp", "fn", "precision", "recall", "f1"}
        assert 0.0 <= counts["f1"] <= 1.0
    assert (
        counts["tp"] + counts["fn"] == figures["timex"]["relaxed"]["tp"] + figures["timex"]["relaxed"]["fn"]
    )
    assert set(figures["events"]) >= {"lenient", "strict", "boilerplate_leaks", "agreement"}
    assert isinstance(figures["traps_hit"], list) and isinstance(figures["failures"], list)
    table = render(
        {"systems": [OURS], "gold": {"seeds": {OURS: figures}, "overall": {OURS: figures}}, "skipped": []}
    )
    header, *rows = table.splitlines()
    assert header.split()[-2:] == ["seeds", "overall"]
    assert any(row.startswith("events lenient F1") for row in rows)
    assert rows[-1].startswith("summary:")
