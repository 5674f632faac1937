"""Merge stage: one event per happening, however many articles tell it.

Two events tell the same happening when their dates are compatible (the same value, or one
period inside the other), their actors overlap, and their wording is alike: a large share of
the shorter passage's words in the longer one, or some of them with the same (or a kindred)
category or the same people named.
Across languages (no shared wording) the date, actors and category must agree exactly at day
precision, or the same person must be named. Clusters grow greedily, most alike pairs first,
and only when every member tells the same happening as every other (no chaining), so the
result does not depend on the order of the input.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from extract.categories import kindred
from extract.lexicon import lexicon
from extract.model import Event
from extract.period import Period
from extract.period import period as _period

period = cache(_period)  # the same few values recur across thousands of events

ALIKE = 0.5  # share of the shorter passage's words found in the other: the same telling
SOMEWHAT_ALIKE = 0.3  # ... enough with the same category or the same people
_WORD = re.compile(r"[^\W_][\w'’.-]*")


@dataclass(frozen=True)
class _Profile:
    event: Event
    period: Period
    words: frozenset[str]
    languages: frozenset[str]
    passages: frozenset[tuple[str, int, int]]
    people: frozenset[str]


def _profile(event: Event) -> _Profile:
    words: set[str] = set()
    for source in event.sources:
        stop = lexicon(source.language).stopwords
        words |= {
            w
            for w in (
                m.casefold().strip(".-") for m in _WORD.findall(unicodedata.normalize("NFC", source.passage))
            )
            if w and w not in stop
        }
    return _Profile(
        event,
        period(event.date),
        frozenset(words),
        frozenset(s.language or "" for s in event.sources),
        frozenset((s.file, s.passage_start, s.passage_end) for s in event.sources),
        frozenset(event.extra.get("people", ())),
    )


@cache
def _finer_or_same(outer: str, inner: str) -> bool:
    a, b = period(outer), period(inner)
    if not (a.dated and b.dated):
        return outer == inner
    return a.start <= b.start and b.end <= a.end  # type: ignore[operator]


def dates_compatible(a: str, b: str) -> bool:
    return a == b or _finer_or_same(a, b) or _finer_or_same(b, a)


def likeness(a: _Profile, b: _Profile) -> float | None:
    """How alike two events are when they tell the same happening; None when they do not."""
    if not dates_compatible(a.event.date, b.event.date):
        return None
    if a.passages & b.passages:
        return 1.0  # one sentence, its dates nested ('in 2007 ... on Jan. 10 that year')
    same_date = a.event.date == b.event.date
    actors_a, actors_b = set(a.event.actors), set(b.event.actors)
    if actors_a and actors_b and not actors_a & actors_b:
        return None
    same_category = kindred(a.event.category, b.event.category)
    same_people = bool(a.people & b.people)
    if a.languages & b.languages:
        shorter = min(len(a.words), len(b.words)) or 1
        alike = len(a.words & b.words) / shorter
        if alike >= ALIKE:
            return alike
        if not same_date:  # a period and a day in it: only a close retelling is the same
            return None
        if alike >= SOMEWHAT_ALIKE and (same_category or same_people):
            return alike
        # the same people, and only they, on the same day: one occasion told twice
        return SOMEWHAT_ALIKE if same_people and (same_category or a.people == b.people) else None
    exact = (
        same_date
        and a.period.precision == "day"
        and a.period.dated
        and same_category
        and actors_a == actors_b
    )
    if same_people and same_category:
        return SOMEWHAT_ALIKE
    return SOMEWHAT_ALIKE / 2 if exact else None


def _order(event: Event) -> tuple:
    first = min((s.file, s.passage_start, s.timex_start) for s in event.sources)
    return (event.start or "9999", event.date, first, event.id)


def _candidate_pairs(profiles: list[_Profile]) -> Iterable[tuple[int, int]]:
    """Pairs whose periods may meet: days on the same day; a longer period with everything in
    its years; undated values with the same value."""
    days: dict[object, list[int]] = defaultdict(list)
    years: dict[int, list[int]] = defaultdict(list)
    coarse: list[int] = []
    for i, p in enumerate(profiles):
        if not p.period.dated:
            days[p.event.date].append(i)
            continue
        if p.period.precision == "day":
            days[p.period.start].append(i)
        else:
            coarse.append(i)
        for year in range(p.period.start.year, p.period.end.year + 1):  # type: ignore[union-attr]
            years[year].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in days.values():
        pairs.update(itertools.combinations(members, 2))
    for i in coarse:
        p = profiles[i].period
        for year in range(p.start.year, p.end.year + 1):  # type: ignore[union-attr]
            pairs.update((min(i, j), max(i, j)) for j in years[year] if j != i)
    return sorted(pairs)


def merge(events: Iterable[Event]) -> list[Event]:
    """Events sorted by date (undated last), happenings told more than once merged into one."""
    profiles = [_profile(e) for e in sorted(events, key=_order)]
    alike: dict[tuple[int, int], float] = {}
    for i, j in _candidate_pairs(profiles):
        score = likeness(profiles[i], profiles[j])
        if score is not None:
            alike[(i, j)] = score
    cluster_of = list(range(len(profiles)))
    members = {i: [i] for i in range(len(profiles))}
    for (i, j), _ in sorted(alike.items(), key=lambda item: (-item[1], item[0])):
        a, b = cluster_of[i], cluster_of[j]
        if a == b:
            continue
        if all((min(x, y), max(x, y)) in alike for x in members[a] for y in members[b]):
            for k in members[b]:
                cluster_of[k] = a
            members[a] += members.pop(b)
    merged = [_combine([profiles[k].event for k in sorted(group)]) for group in members.values()]
    return sorted(merged, key=_order)


def _representative(event: Event) -> tuple:
    """The telling that names the merged event: the finest date, then the first read."""
    p = period(event.date)
    width = (p.end - p.start).days if p.dated else 0  # type: ignore[operator]
    return (width, _order(event)[2], event.id)


def _combine(group: list[Event]) -> Event:
    if len(group) == 1:
        return group[0]
    lead = min(group, key=_representative)
    sources = sorted(
        {(s.file, s.passage_start, s.timex_start, s.timex_end): s for e in group for s in e.sources}.values(),
        key=lambda s: (s.file, s.passage_start, s.timex_start, s.timex_end),
    )
    actors = list(dict.fromkeys(a for e in [lead, *group] for a in e.actors))
    people = sorted({name for e in group for name in e.extra.get("people", ())})
    return replace(
        lead,
        actors=actors,
        sources=sources,
        relevance=max(e.relevance for e in group),
        extra={**lead.extra, "people": people},
    )
