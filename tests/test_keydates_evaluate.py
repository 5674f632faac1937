"""The key-date evaluation: Date-F1 as tilse defines it, alignment ROUGE-1, the baselines, T17."""

from __future__ import annotations

import pytest

from extract.evaluate.keydates import (
    Topic,
    _align,
    alignment_rouge1,
    build_topic,
    date_f1,
    evaluate_topic,
    mention_baseline,
    publication_baseline,
)
from extract.model import Document, Metadata


def test_date_f1_is_set_precision_and_recall():
    assert date_f1(
        ["2024-01-01", "2024-01-02"], ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]
    ) == {
        "precision": 0.5,
        "recall": 0.25,
        "f1": 0.3333,
    }
    assert date_f1([], ["2024-01-02"])["f1"] == 0.0


def test_alignment_pairs_nearest_days_one_to_one():
    aligned = _align(["2024-01-02", "2024-01-10"], ["2024-01-01", "2024-01-03", "2024-01-09"])
    assert sorted(aligned) == [("2024-01-02", "2024-01-01"), ("2024-01-10", "2024-01-09")]


def test_alignment_rouge_discounts_a_summary_one_day_off():
    pytest.importorskip("rouge_score")
    gold = {"2024-01-02": ["Ministers signed the water treaty in Mosul."]}
    same_day = alignment_rouge1({"2024-01-02": "Ministers signed the water treaty in Mosul."}, gold)
    next_day = alignment_rouge1({"2024-01-03": "Ministers signed the water treaty in Mosul."}, gold)
    assert same_day["f1"] == 1.0
    assert next_day["f1"] == 0.5  # 1 / (1 day apart + 1)
    unrelated = alignment_rouge1({"2024-01-02": "Rain fell."}, gold)
    assert unrelated["f1"] == 0.0


def _doc(name: str, published: str) -> Document:
    return Document(name, "", Metadata(published=published), (), 0)


def test_baselines_count_publications_and_mentions():
    topic = Topic(
        "toy",
        [_doc("a", "2024-01-02"), _doc("b", "2024-01-02"), _doc("c", "2024-01-05")],
        [],
        {"a": ["2024-01-01", "2024-01-01"], "b": ["2024-01-01"], "c": ["2024-01-04"]},
        {"2024-01-01": ["x"], "2024-01-02": ["y"]},
    )
    assert publication_baseline(topic) == {"2024-01-02": 2, "2024-01-05": 1}
    assert mention_baseline(topic) == {"2024-01-01": 3, "2024-01-04": 1}
    figures = evaluate_topic(topic)
    assert figures["k"] == 2
    assert figures["date_f1"]["publication_count"]["f1"] == 0.5
    assert figures["date_f1"]["mention_count"]["f1"] == 0.5
    assert figures["date_f1"]["ours"]["f1"] == 0.0  # no events, no key dates


def test_t17_topic_key_dates_link_to_their_passages(shared):
    """On real English news: the harness runs, and every summary's offsets index its article."""
    pytest.importorskip("rouge_score")
    folder = shared / "t17" / "mj"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    topic = build_topic(folder)
    figures = evaluate_topic(topic)
    assert figures["k"] == len(topic.gold)
    for system in ("ours", "publication_count", "mention_count"):
        assert 0.0 <= figures["date_f1"][system]["f1"] <= 1.0
    assert 0.0 < figures["rouge1"]["f1"] < 1.0

    from extract.keydates import key_dates

    texts = {d.file: d.text for d in topic.documents}
    found = key_dates(topic.events, [d.meta.published for d in topic.documents], 10)
    assert len(found) == 10
    for kd in found:
        assert 1 <= len(kd.passages) <= 2
        for p in kd.passages:
            assert texts[p.file][p.start : p.end] == p.text
            assert p.published is None or p.published[:10] >= kd.date  # a report, not a forecast
