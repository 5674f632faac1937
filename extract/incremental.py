"""Incremental merge: a rebuild that only adds articles merges only what the new events touch.

The merge state, kept beside the output (``MERGE_STATE``), says what the last merge was of: the
extractor version, each article's cache key and number of events, the groups the merge made, and
how many events hold each word. When a rebuild's articles are those of the state plus new ones
(none changed or removed, the same extractor version), the new events are merged with the old
events whose dates they meet closely (the same date value, the same or the next day, or two
periods of at most a month one inside the other) and with the groups those belong to, words
weighed by the counts of the whole collection; every other group is kept as it was. Anything else
(no state, another version, an article changed or removed, or the events grown by more than
``FULL_MERGE_GROWTH`` since the last full merge) is a full merge. The state is written whole or
not at all, after the output, and describes its own articles, so an interrupted build leaves it
usable.

Where the result may differ from a full merge of the same articles (tests/test_incremental.py
pins it): a new event is not compared with older events of a longer period that holds it (a
year, a decade) or that it holds, and the groups no new event touches keep the word weights of
the build that made them (a word weighs less as more events hold it), so a pair near a threshold
may fall the other way: a few events in ten thousand on the archive benchmark (README, Speed),
none on the seeds and development articles added one at a time. The full merge after
``FULL_MERGE_GROWTH`` bounds the drift.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import orjson

from extract.merge import WordCounts, clusters, day_ordinal, merged, period, word_counts
from extract.model import Event

MERGE_STATE = ".merge-state.json"
CLOSE_PERIOD_DAYS = 31  # a period at most this long (a week, a month) meets the periods in it
# Once the events have grown by this share since the last full merge, the next merge is full
# again: the old groups' word weights never drift further than this much new text moves them.
FULL_MERGE_GROWTH = 0.1


class MergeState(NamedTuple):
    version: str
    articles: list[tuple[str, int]]  # each article's cache key and number of events, in order
    groups: list[list[int]]  # the merged groups, as indices into the articles' events in order
    words: WordCounts
    fully_merged: int  # the events of the last full merge


def state_bytes(state: MergeState) -> bytes:
    return orjson.dumps(
        {
            "version": state.version,
            "articles": state.articles,
            "groups": state.groups,
            "words": {"events": state.words.events, "holding": state.words.holding},
            "fully_merged": state.fully_merged,
        }
    )


def read_state(path: Path) -> MergeState | None:
    """The state saved at ``path``; None when there is none or it cannot be read."""
    try:
        data = orjson.loads(path.read_bytes())
        return MergeState(
            str(data["version"]),
            [(str(key), int(count)) for key, count in data["articles"]],
            [[int(k) for k in group] for group in data["groups"]],
            WordCounts(int(data["words"]["events"]), dict(data["words"]["holding"])),
            int(data["fully_merged"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


Keyed = tuple[str, list[Event]]  # an article's cache key and events


def merge_articles(
    articles: Sequence[Keyed], version: str, previous: MergeState | None = None
) -> tuple[list[Event], MergeState]:
    """The merged events of ``articles`` and the state to keep: incrementally from ``previous``
    when it holds a part of them, else a full merge."""
    events = [event for _, told in articles for event in told]
    old = _old_positions(articles, version, previous)
    if old is None or len(events) > (1 + FULL_MERGE_GROWTH) * previous.fully_merged:  # type: ignore[union-attr]
        groups, words = clusters(events)
        fully_merged = len(events)
    else:
        groups, words = _incremental(events, old, previous)  # type: ignore[arg-type]
        fully_merged = previous.fully_merged  # type: ignore[union-attr]
    state = MergeState(version, [(key, len(told)) for key, told in articles], groups, words, fully_merged)
    return merged(events, groups), state


def _old_positions(articles: Sequence[Keyed], version: str, previous: MergeState | None) -> np.ndarray | None:
    """Where each event of ``previous`` is among the events of ``articles``; None when the state
    cannot be built on (absent, another version, an article changed or removed, a key twice)."""
    if previous is None or previous.version != version:
        return None
    starts: dict[str, tuple[int, int]] = {}
    at = 0
    for key, told in articles:
        if key in starts:
            return None
        starts[key] = (at, len(told))
        at += len(told)
    positions = []
    for key, count in previous.articles:
        start, now = starts.get(key, (0, -1))
        if now != count:
            return None
        positions.append(np.arange(start, start + count))
    return np.concatenate(positions) if positions else np.zeros(0, dtype=np.int64)


def _incremental(
    events: list[Event], old: np.ndarray, previous: MergeState
) -> tuple[list[list[int]], WordCounts]:
    groups = [[int(old[k]) for k in group] for group in previous.groups]
    is_old = np.zeros(len(events), dtype=bool)
    is_old[old] = True
    new = np.flatnonzero(~is_old).tolist()
    if not new:
        return groups, previous.words
    words = previous.words.plus(word_counts([events[n] for n in new]))
    touched = np.zeros(len(events), dtype=bool)
    close = _close_values({events[n].date for n in new})
    touched[[n for n in old.tolist() if close(events[n].date)]] = True
    kept = []
    for group in groups:  # a group with a touched event is merged again whole
        if touched[group].any():
            touched[group] = True
        else:
            kept.append(group)
    touched[new] = True
    again = np.flatnonzero(touched)
    regrouped, _ = clusters([events[n] for n in again.tolist()], words)
    return kept + [[int(again[k]) for k in group] for group in regrouped], words


def _close_values(values: set[str]):
    """A test of whether a date value meets one of ``values`` closely: the same value, the same or
    the next day, or periods of at most ``CLOSE_PERIOD_DAYS`` one inside the other."""
    spans = [span for span in map(_short_span, values) if span is not None]
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    ends = np.array([e for _, e in spans], dtype=np.int64)
    days = {day_ordinal(v) for v in values} - {None}

    @cache
    def close(value: str) -> bool:
        if value in values:
            return True
        day = day_ordinal(value)
        if day is not None and (day in days or day - 1 in days or day + 1 in days):
            return True
        span = _short_span(value)
        if span is None or not len(starts):
            return False
        start, end = span
        return bool((((starts <= start) & (end <= ends)) | ((start <= starts) & (ends <= end))).any())

    return close


@cache
def _short_span(value: str) -> tuple[int, int] | None:
    """The first and last day of a dated period of at most ``CLOSE_PERIOD_DAYS``, else None."""
    p = period(value)
    if not p.dated or (p.end - p.start).days > CLOSE_PERIOD_DAYS:  # type: ignore[operator]
        return None
    return p.start.toordinal(), p.end.toordinal()  # type: ignore[union-attr]
