"""The gold scoring rules (shared/gold/README.md) on small hand-made gold and predictions."""

from __future__ import annotations

from extract.evaluate.scoring import (
    GoldEvent,
    GoldTimex,
    PredictedEvent,
    PredictedTimex,
    actors_agree,
    boundary_offset,
    dates_compatible,
    same_value,
    score_events,
    score_timexes,
    traps_hit,
)


def test_relaxed_match_overlaps_strict_needs_the_same_span():
    gold = [GoldTimex(((10, 17),), "2020-01-03")]
    score = score_timexes(gold, [PredictedTimex((14, 17), "2020-01-03")])
    assert (score.relaxed.tp, score.relaxed.fp, score.relaxed.fn) == (1, 0, 0)
    assert (score.strict.tp, score.strict.fp, score.strict.fn) == (0, 1, 1)


def test_a_gold_found_on_every_copy_of_a_repeated_line_counts_once():
    gold = [GoldTimex(((10, 17), (50, 57)), "2020-01-03")]
    predicted = [PredictedTimex((10, 17), "2020-01-03"), PredictedTimex((50, 57), "2020-01-03")]
    score = score_timexes(gold, predicted)
    assert (score.relaxed.tp, score.relaxed.fp, score.relaxed.fn) == (1, 0, 0)
    assert score.strict.f1 == 1.0


def test_predictions_on_optional_golds_are_ignored_and_optional_golds_are_never_missed():
    gold = [GoldTimex(((0, 5),), "2021"), GoldTimex(((20, 31),), "2020-01-03", required=False)]
    score = score_timexes(gold, [PredictedTimex((20, 31), "2020-01-04")])
    assert (score.relaxed.tp, score.relaxed.fp, score.relaxed.fn) == (0, 0, 1)


def test_value_f1_needs_an_equal_value_but_forgives_a_missing_part_of_day():
    gold = [GoldTimex(((0, 9),), "2020-01-03TMO"), GoldTimex(((20, 28),), "2024-01-23")]
    predicted = [PredictedTimex((0, 9), "2020-01-03"), PredictedTimex((20, 28), "XXXX-01-23")]
    score = score_timexes(gold, predicted)
    assert (score.relaxed.tp, score.value.tp, score.value.fp, score.value.fn) == (2, 1, 1, 1)
    assert same_value("2020-01-03", "2020-01-03TEV")
    assert not same_value("2020-01", "2020-01-03TEV")
    assert not same_value("2020-01-03TMO", "2020-01-03")


def test_traps_are_found_wherever_their_text_occurs():
    text = "Mỹ duy trì 2.500 quân. Sau đó 2.500 quân rút về."
    trap_end = text.index("2.500", 20) + 5
    hits = traps_hit(text, ["2.500 quân"], [PredictedTimex((trap_end - 5, trap_end), "2500")])
    assert [trap for trap, _ in hits] == ["2.500 quân"]
    assert traps_hit(text, ["2.500 quân"], [PredictedTimex((0, 2), "X")]) == []


def test_a_trap_inside_a_real_expression_is_hit_only_by_a_prediction_cutting_a_word():
    text = "Hôm 23/1, Mỹ không kích."
    gold = [(0, 8)]
    inner = text.index("3/1")
    assert traps_hit(text, ["3/1"], [PredictedTimex((0, 8), "2024-01-23")], gold) == []
    assert traps_hit(text, ["3/1"], [PredictedTimex((4, 8), "2024-01-23")], gold) == []
    assert len(traps_hit(text, ["3/1"], [PredictedTimex((inner, inner + 3), "2024-01-03")], gold)) == 1


def test_boilerplate_starts_at_the_first_line_beginning_with_the_marker():
    text = "Tin liên quan đến Iraq trong bài.\nThân bài.\nTin liên quan\nMột tin khác 2025"
    assert boundary_offset(text, "Tin liên quan") == text.index("\nTin liên quan") + 1
    assert boundary_offset(text, None) == len(text)


def _event(date: str, start: int, end: int, **kw) -> PredictedEvent:
    return PredictedEvent(date, ((start, end),), **kw)


def test_lenient_event_dates_contain_either_way_and_strict_needs_the_same_value():
    assert dates_compatible("2024-01-24", "2024-01", lenient=True)
    assert dates_compatible("2024", "2024-01", lenient=True)
    assert not dates_compatible("2024-02-01", "2024-01", lenient=True)
    assert not dates_compatible("2024-01-24", "2024-01", lenient=False)
    gold = [GoldEvent("a", "2024-01", ((100, 200),))]
    score = score_events(gold, [_event("2024-01-24", 150, 220)], body_end=1000)
    assert (score.lenient.tp, score.strict.tp, score.strict.fp, score.strict.fn) == (1, 0, 1, 1)


def test_a_date_inside_a_gold_span_matches_leniently():
    gold = [GoldEvent("war", "1991-01-17/1991-02-28", ((0, 50),))]
    inside = score_events(gold, [_event("1991-02-24", 10, 40)], body_end=100)
    outside = score_events(gold, [_event("1991-03-03", 10, 40)], body_end=100)
    assert inside.lenient.tp == 1 and outside.lenient.tp == 0 and outside.lenient.fp == 1


def test_a_gold_event_told_twice_counts_once_and_the_extra_dot_is_a_false_positive():
    gold = [GoldEvent("a", "2020-01-03", ((0, 50), (100, 150)))]
    predicted = [_event("2020-01-03", 0, 50), _event("2020-01-03", 100, 150)]
    score = score_events(gold, predicted, body_end=1000)
    assert (score.lenient.tp, score.lenient.fp, score.lenient.fn) == (1, 1, 0)


def test_a_merged_event_may_match_several_golds_and_its_separate_copies_are_duplicates():
    gold = [GoldEvent("a", "2020-01-03", ((0, 50),)), GoldEvent("b", "2020-01-03", ((100, 150),))]
    merged = PredictedEvent("2020-01-03", ((0, 50), (100, 150)))
    score = score_events(gold, [_event("2020-01-03", 0, 50), merged], body_end=1000)
    assert (score.lenient.tp, score.lenient.fp, score.lenient.fn) == (2, 1, 0)


def test_events_on_optional_golds_are_ignored_and_boilerplate_leaks_are_counted():
    gold = [GoldEvent("a", "2020-01", ((0, 50),), required=False)]
    predicted = [_event("2020-01", 10, 20), _event("2025", 300, 320)]
    score = score_events(gold, predicted, body_end=300)
    assert (score.lenient.tp, score.lenient.fp, score.lenient.fn) == (0, 1, 0)
    assert score.leaks == 1


def test_agreement_is_measured_on_matched_events():
    gold = [
        GoldEvent("a", "2020-01-03", ((0, 50),), actors=("US", "Iraq", "Iran"), category="military-action")
    ]
    predicted = [_event("2020-01-03", 0, 50, actors=("Iraq", "US"), category="attack-on-us", tone="conflict")]
    agreement = score_events(gold, predicted, body_end=100).agreement()
    assert agreement["matched"] == 1 and agreement["actors"] == 1.0 and agreement["category"] == 0.0
    assert not actors_agree(("US",), ("US", "Iraq"))
