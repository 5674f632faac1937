"""Scoring rules of ``shared/gold/README.md`` as pure functions over spans and values.

Time expressions and events are scored per document; the counts are then summed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from extract.period import contains

Span = tuple[int, int]
_PART_OF_DAY = re.compile(r"^(.*)T(?:MO|MI|AF|EV|NI|DT)$")


@dataclass
class Counts:
    """True positives, false positives and false negatives, summable."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def same_value(predicted: str, gold: str) -> bool:
    """Equal TIMEX3 values; leaving out the gold's part-of-day suffix (``TMO``, ``TEV``...) is fine."""
    if predicted == gold:
        return True
    m = _PART_OF_DAY.match(gold)
    return bool(m) and predicted == m[1]


@dataclass(frozen=True)
class GoldTimex:
    spans: tuple[Span, ...]
    value: str
    required: bool = True
    text: str = ""


@dataclass(frozen=True)
class PredictedTimex:
    span: Span
    value: str
    text: str = ""


@dataclass
class TimexScore:
    relaxed: Counts = field(default_factory=Counts)
    strict: Counts = field(default_factory=Counts)
    value: Counts = field(default_factory=Counts)
    false_positives: list[PredictedTimex] = field(default_factory=list)  # relaxed
    missed: list[GoldTimex] = field(default_factory=list)  # relaxed false negatives
    wrong_values: list[tuple[GoldTimex, PredictedTimex]] = field(default_factory=list)

    def __add__(self, other: TimexScore) -> TimexScore:
        return TimexScore(
            self.relaxed + other.relaxed,
            self.strict + other.strict,
            self.value + other.value,
            self.false_positives + other.false_positives,
            self.missed + other.missed,
            self.wrong_values + other.wrong_values,
        )


def _timex_counts(
    gold: Sequence[GoldTimex], predicted: Sequence[PredictedTimex], strict: bool
) -> tuple[Counts, set[int], list[PredictedTimex], dict[int, list[PredictedTimex]]]:
    """Counts, matched required golds, false positives and the predictions matching each gold."""
    matched: dict[int, list[PredictedTimex]] = {}
    false_positives = []
    for p in predicted:
        hits = [
            i
            for i, g in enumerate(gold)
            if g.required and any((p.span == s) if strict else overlaps(p.span, s) for s in g.spans)
        ]
        for i in hits:
            matched.setdefault(i, []).append(p)
        if hits:
            continue  # extra predictions on repeated copies of a matched gold are ignored
        if any(not g.required and any(overlaps(p.span, s) for s in g.spans) for g in gold):
            continue  # predictions on optional golds are ignored
        false_positives.append(p)
    required = sum(1 for g in gold if g.required)
    counts = Counts(tp=len(matched), fp=len(false_positives), fn=required - len(matched))
    return counts, set(matched), false_positives, matched


def score_timexes(gold: Sequence[GoldTimex], predicted: Sequence[PredictedTimex]) -> TimexScore:
    """One document's time expressions: relaxed, strict and value counts.

    Value counts keep the relaxed denominators (the same predictions and golds count), a true
    positive needing a relaxed match with an equal value.
    """
    relaxed, matched, false_positives, by_gold = _timex_counts(gold, predicted, strict=False)
    strict, *_ = _timex_counts(gold, predicted, strict=True)
    value_tp = 0
    wrong = []
    for i, preds in by_gold.items():
        if any(same_value(p.value, gold[i].value) for p in preds):
            value_tp += 1
        else:
            wrong.append((gold[i], preds[0]))
    value = Counts(
        tp=value_tp,
        fp=relaxed.tp + relaxed.fp - value_tp,
        fn=relaxed.tp + relaxed.fn - value_tp,
    )
    missed = [g for i, g in enumerate(gold) if g.required and i not in matched]
    return TimexScore(relaxed, strict, value, false_positives, missed, wrong)


def occurrences(text: str, needle: str) -> list[Span]:
    """Every place ``needle`` occurs in ``text`` (overlapping occurrences included)."""
    found = []
    start = text.find(needle)
    while needle and start >= 0:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return found


def cuts_a_word(text: str, span: Span) -> bool:
    """Whether a span starts or ends inside a word or number (``3/1`` taken out of ``23/1``)."""
    start, end = span
    inside_start = 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum()
    inside_end = 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    return inside_start or inside_end


def traps_hit(
    text: str,
    traps: Iterable[str],
    predicted: Sequence[PredictedTimex],
    gold_spans: Sequence[Span] = (),
) -> list[tuple[str, PredictedTimex]]:
    """(trap text, prediction) for each trap a prediction falls into, at any occurrence of its text.

    Where the trap's text lies within a real time expression (``3/1`` within ``hôm 23/1``), only a
    prediction that cuts a word there falls into it; elsewhere any overlapping prediction does.
    """
    hits = []
    for trap in traps:
        spans = occurrences(text, trap)
        for p in predicted:
            if any(
                overlaps(p.span, s)
                and (cuts_a_word(text, p.span) or not any(overlaps(s, g) for g in gold_spans))
                for s in spans
            ):
                hits.append((trap, p))
                break
    return hits


def boundary_offset(text: str, first_line: str | None) -> int:
    """Offset of the first line of trailing boilerplate: where that whole line first stands alone,
    else where a line first starts with it, else its first occurrence (``len(text)`` if absent)."""
    if not first_line:
        return len(text)
    found = occurrences(text, first_line)

    def line_start(start: int) -> bool:
        return start == 0 or text[start - 1] == "\n"

    def line_end(end: int) -> bool:
        return end == len(text) or text[end] == "\n"

    for accept in (lambda s, e: line_start(s) and line_end(e), lambda s, e: line_start(s), lambda s, e: True):
        for start, end in found:
            if accept(start, end):
                return start
    return len(text)


# Events


@dataclass(frozen=True)
class GoldEvent:
    id: str
    date: str
    spans: tuple[Span, ...]
    required: bool = True
    actors: tuple[str, ...] = ()
    category: str = ""
    tone: str = ""


@dataclass(frozen=True)
class PredictedEvent:
    date: str
    passages: tuple[Span, ...]
    actors: tuple[str, ...] = ()
    category: str = ""
    tone: str = ""
    title: str = ""


def dates_compatible(predicted: str, gold: str, lenient: bool) -> bool:
    """Strict: the same value. Lenient: either period contains the other (spans ``A/B`` included)."""
    if same_value(predicted, gold):
        return True
    return lenient and (contains(gold, predicted) or contains(predicted, gold))


def event_matches(p: PredictedEvent, g: GoldEvent, lenient: bool) -> bool:
    return any(overlaps(a, b) for a in p.passages for b in g.spans) and dates_compatible(
        p.date, g.date, lenient
    )


def actors_agree(predicted: Sequence[str], gold: Sequence[str]) -> bool:
    """The gold's first two actors (the parties of the happening) are among the predicted ones."""
    return set(gold[:2]) <= set(predicted)


@dataclass
class EventScore:
    lenient: Counts = field(default_factory=Counts)
    strict: Counts = field(default_factory=Counts)
    leaks: int = 0
    pairs: list[tuple[GoldEvent, PredictedEvent]] = field(default_factory=list)  # lenient matches
    missed: list[GoldEvent] = field(default_factory=list)  # lenient false negatives
    false_positives: list[PredictedEvent] = field(default_factory=list)  # lenient

    def __add__(self, other: EventScore) -> EventScore:
        return EventScore(
            self.lenient + other.lenient,
            self.strict + other.strict,
            self.leaks + other.leaks,
            self.pairs + other.pairs,
            self.missed + other.missed,
            self.false_positives + other.false_positives,
        )

    def agreement(self) -> dict[str, float | int]:
        """Shares of matched events whose actors, category, both, and tone agree with the gold."""
        n = len(self.pairs)

        def share(agree: Iterable[bool]) -> float:
            return round(sum(agree) / n, 4) if n else 0.0

        return {
            "matched": n,
            "actors": share(actors_agree(p.actors, g.actors) for g, p in self.pairs),
            "category": share(p.category == g.category for g, p in self.pairs),
            "actors_and_category": share(
                actors_agree(p.actors, g.actors) and p.category == g.category for g, p in self.pairs
            ),
            "tone": share(p.tone == g.tone for g, p in self.pairs),
        }


def _event_counts(
    gold: Sequence[GoldEvent], predicted: Sequence[PredictedEvent], lenient: bool
) -> tuple[Counts, dict[int, PredictedEvent], list[PredictedEvent]]:
    """Counts, the prediction credited for each matched gold, and the false positives.

    Predictions matching more golds claim first, so a merged event wins over its separate
    copies, which become duplicates (false positives).
    """
    hits = [[i for i, g in enumerate(gold) if g.required and event_matches(p, g, lenient)] for p in predicted]
    optional = [any(not g.required and event_matches(p, g, lenient) for g in gold) for p in predicted]
    credited: dict[int, PredictedEvent] = {}
    false_positives = []
    for k in sorted(range(len(predicted)), key=lambda k: -len(hits[k])):
        p = predicted[k]
        new = [i for i in hits[k] if i not in credited]
        if new:
            credited.update(dict.fromkeys(new, p))
        elif hits[k] or not optional[k]:
            false_positives.append(p)  # a duplicate of a claimed gold, or matching nothing
    required = sum(1 for g in gold if g.required)
    counts = Counts(tp=len(credited), fp=len(false_positives), fn=required - len(credited))
    return counts, credited, false_positives


def score_events(gold: Sequence[GoldEvent], predicted: Sequence[PredictedEvent], body_end: int) -> EventScore:
    """One document's events: lenient and strict counts, boilerplate leaks, matched pairs."""
    lenient, credited, false_positives = _event_counts(gold, predicted, lenient=True)
    strict, *_ = _event_counts(gold, predicted, lenient=False)
    leaks = sum(1 for p in predicted if any(start >= body_end for start, _ in p.passages))
    pairs = [(gold[i], p) for i, p in sorted(credited.items())]
    missed = [g for i, g in enumerate(gold) if g.required and i not in credited]
    return EventScore(lenient, strict, leaks, pairs, missed, false_positives)
