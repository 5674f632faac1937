"""``python -m extract sample``: a reproducible sample of events with its passages, to judge by hand."""

from __future__ import annotations

import json
from pathlib import Path

from extract.cli import main
from extract.evaluate.sample import VERDICTS, draw, marked_passage
from extract.model import SHOWN_BY_DEFAULT

PASSAGE = "The envoys met in Baghdad on Friday to sign the water accord."


def _event(n: int, relevance: float) -> dict:
    at = PASSAGE.index("Friday")
    return {
        "id": f"e{n}",
        "date": f"2024-03-{n + 1:02d}",
        "precision": "day",
        "start": f"2024-03-{n + 1:02d}",
        "end": f"2024-03-{n + 1:02d}",
        "mod": None,
        "title": f"The envoys met in Baghdad ({n})",
        "summary_en": "US – Iraq: sign",
        "actors": ["US", "Iraq"] if relevance >= SHOWN_BY_DEFAULT else ["UK"],
        "category": "sign",
        "tone": "cooperation",
        "goldstein": 4.0,
        "relevance": relevance,
        "extra": {},
        "sources": [
            {
                "file": f"a{n}.txt",
                "title": None,
                "outlet": None,
                "url": None,
                "published": "2024-03-30",
                "language": "en",
                "passage_start": 100,
                "passage_end": 100 + len(PASSAGE),
                "passage": PASSAGE,
                "timex_start": 100 + at,
                "timex_end": 100 + at + len("Friday"),
                "timex_text": "Friday",
            }
        ],
    }


def _out(tmp_path: Path, name: str, events: list[dict]) -> Path:
    out = tmp_path / name
    out.mkdir()
    (out / "events.json").write_text(json.dumps({"documents": [], "events": events}), encoding="utf-8")
    return out


def test_the_same_seed_draws_the_same_sample_and_another_seed_another(tmp_path):
    out = _out(tmp_path, "out", [_event(n, 0.1 * (n % 10)) for n in range(28)])
    first = [item.event["id"] for item in draw([out], 10, seed=7)]
    assert first == [item.event["id"] for item in draw([out], 10, seed=7)]
    assert first != [item.event["id"] for item in draw([out], 10, seed=8)]
    assert len(set(first)) == 10


def test_context_events_are_drawn_unless_shown_only(tmp_path):
    out = _out(tmp_path, "out", [_event(n, 1.0 if n < 3 else 0.1) for n in range(20)])
    everything = draw([out], 20, seed=1)
    assert sum(not item.shown for item in everything) == 17
    shown = draw([out], 20, seed=1, shown_only=True)
    assert sorted(item.event["id"] for item in shown) == ["e0", "e1", "e2"]


def test_several_outputs_are_pooled(tmp_path):
    first = _out(tmp_path, "one", [_event(n, 0.1) for n in range(3)])
    second = _out(tmp_path, "two", [_event(n, 0.1) for n in range(3, 6)])
    assert {item.out for item in draw([first, second], 6, seed=0)} == {str(first), str(second)}


def test_the_passage_marks_the_time_expression():
    assert marked_passage(_event(0, 1.0)["sources"][0]) == (
        "The envoys met in Baghdad on [[Friday]] to sign the water accord."
    )


def test_text_layout_shows_what_a_judge_needs(tmp_path, capsys):
    out = _out(tmp_path, "out", [_event(0, 1.0), _event(1, 0.2)])
    assert main(["sample", str(out), "--n", "2", "--seed", "3"]) == 0
    printed = capsys.readouterr().out
    labels = ("[1/2]", "[2/2]", "SHOWN by default", "context (hidden by default)", "a0.txt", "[[Friday]]")
    for expected in labels:
        assert expected in printed
    assert "US, Iraq" in printed and "relevance 1.00" in printed
    assert "(day)" in printed and "scheduled" not in printed


def test_a_scheduled_event_is_marked_for_its_judge(tmp_path, capsys):
    out = _out(tmp_path, "out", [_event(0, 1.0) | {"status": "scheduled"}])
    assert main(["sample", str(out), "--n", "1"]) == 0
    assert "2024-03-01 (day, scheduled)" in capsys.readouterr().out


def test_jsonl_is_a_judging_sheet_with_blank_verdicts(tmp_path, capsys):
    out = _out(tmp_path, "out", [_event(n, 0.9) for n in range(4)])
    assert main(["sample", str(out), "--n", "3", "--seed", "0", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["n"] for row in rows] == [1, 2, 3]
    for row in rows:
        assert row["shown_by_default"] is True
        assert all(row[verdict] is None for verdict in VERDICTS)
        assert row["timex_text"] == "Friday" and "[[Friday]]" in row["passage"]


def test_a_folder_without_a_build_or_a_broken_file_is_one_line_and_exit_2(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    broken = tmp_path / "broken.json"
    broken.write_text('{"events": [', encoding="utf-8")
    for out, reason in ((tmp_path / "empty", "not found"), (broken, "not a build's events.json")):
        assert main(["sample", str(out)]) == 2
        assert capsys.readouterr().err.strip().endswith(reason)
