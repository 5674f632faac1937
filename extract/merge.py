"""Merge stage: one event per happening, however many articles tell it.

Two events tell the same happening when their dates meet (the same value, one period inside the
other, or adjacent days: a dateline's day and "last night"), their actors overlap, and their
wording is alike: a large share of the shorter passage's content words (time expression left
out) in the other, or some of them with the same (or a kindred) category or the same people
named. Adjacent days and nested periods take a close retelling only.
Across languages (no shared wording) the date, actors and category must agree exactly at day
precision, or the same person must be named. Clusters grow greedily, most alike pairs first,
and only when every member tells the same happening as every other (no chaining), so the
result does not depend on the order of the input.

Candidate pairs come from blocking, so the merge is near-linear in events (``candidates``):
the same date value with a kindred category, the same sentence, and an index of each passage's
rarest words (and people) by day, adjacent day and year, a bottom-k sketch in the manner of
MinHash LSH. ``merge(..., exact=True)`` compares every pair whose dates meet instead; both give
the same timeline on the development data (tests/test_merge.py).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from extract.categories import categories, kindred
from extract.lexicon import lexicon
from extract.model import Event, Source
from extract.period import Period
from extract.period import period as _period

if TYPE_CHECKING:  # scipy and scikit-learn load on the first merge, not with the dashboard
    from scipy.sparse import csr_matrix

period = cache(_period)  # the same few values recur across thousands of events

ALIKE = 0.3  # TF-IDF cosine of two passages: the same telling
SOMEWHAT_ALIKE = 0.15  # ... enough with the same category or the same people, on the same date
# A period nests a day or a shorter period only up to a decade: a century or a long span holds
# too much to say a happening in it is the one told.
MAX_NESTING_YEARS = 10
# The index keeps each passage's rarest words (and every person named): pairs that share none
# of them are not compared. The whole passage when it is this short or shorter.
SKETCH_WORDS = 20
# A word shared by more events than this in one day (or year) tells nothing about which of them
# are one happening; such groups are skipped, which keeps the merge near-linear.
LARGEST_GROUP = 400
_WORD = re.compile(r"[^\W_][\w'’.-]*")


@dataclass(frozen=True, slots=True)
class _Profile:
    event: Event
    period: Period
    day: int | None  # the day's ordinal, for day precision
    words: frozenset[str]
    languages: frozenset[str]
    passages: frozenset[tuple[str, int, int]]
    people: frozenset[str]
    actors: frozenset[str]


def _without_time(source: Source) -> str:
    """The passage with its time expression blanked, so 'Monday' and 'Tuesday' do not differ."""
    a = source.timex_start - source.passage_start
    b = source.timex_end - source.passage_start
    if 0 <= a <= b <= len(source.passage):
        return source.passage[:a] + " " + source.passage[b:]
    return source.passage


def content_words(source: Source) -> set[str]:
    stop = lexicon(source.language or "vi").stopwords
    text = unicodedata.normalize("NFC", _without_time(source))
    return {w for w in (m.casefold().strip(".-") for m in _WORD.findall(text)) if w and w not in stop}


def _profile(event: Event) -> _Profile:
    words: set[str] = set()
    for source in event.sources:
        words |= content_words(source)
    p = period(event.date)
    return _Profile(
        event,
        p,
        p.start.toordinal() if p.dated and p.precision == "day" else None,  # type: ignore[union-attr]
        frozenset(words),
        frozenset(s.language or "" for s in event.sources),
        frozenset((s.file, s.passage_start, s.passage_end) for s in event.sources),
        frozenset(event.extra.get("people", ())),
        frozenset(event.actors),
    )


def _years(p: Period) -> range:
    """The years a period covers, none when it is too long to nest anything."""
    if not p.dated:
        return range(0)
    first, last = p.start.year, p.end.year  # type: ignore[union-attr]
    return range(first, last + 1) if last - first < MAX_NESTING_YEARS else range(0)


@cache
def _finer_or_same(outer: str, inner: str) -> bool:
    a, b = period(outer), period(inner)
    if not (a.dated and b.dated):
        return outer == inner
    return bool(_years(a)) and a.start <= b.start and b.end <= a.end  # type: ignore[operator]


def dates_compatible(a: str, b: str) -> bool:
    return a == b or _finer_or_same(a, b) or _finer_or_same(b, a)


def _date_relation(a: _Profile, b: _Profile) -> str | None:
    """'same', 'nested', 'adjacent' (days next to each other) or None."""
    if a.event.date == b.event.date:
        return "same"
    if a.day is not None and b.day is not None:
        if a.day == b.day:
            return "nested"  # a day and a time in it
        return "adjacent" if abs(a.day - b.day) == 1 else None
    return "nested" if dates_compatible(a.event.date, b.event.date) else None


def similarities(words: _Words, pairs: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    """TF-IDF cosine of each pair's passages (scikit-learn's weighting, fitted on the events
    merged together, so a word most of them share counts for little)."""
    from sklearn.feature_extraction.text import TfidfTransformer

    vectors = TfidfTransformer().fit_transform(words.matrix).tocsr()
    scores = np.zeros(len(pairs))
    for at in range(0, len(pairs), chunk):
        i, j = pairs[at : at + chunk, 0], pairs[at : at + chunk, 1]
        scores[at : at + chunk] = np.asarray(vectors[i].multiply(vectors[j]).sum(axis=1)).ravel()
    return scores


def likeness(a: _Profile, b: _Profile, similarity: float) -> float | None:
    """How alike two events are when they tell the same happening; None when they do not.
    ``similarity`` is their passages' text similarity (0..1)."""
    relation = _date_relation(a, b)
    if relation is None:
        return None
    if a.passages & b.passages:
        # one sentence, its dates nested ('in 2007 ... on Jan. 10 that year'); two adjacent days
        # read from one sentence are mostly two happenings told together
        return 1.0 if relation != "adjacent" else None
    if a.actors and b.actors and not a.actors & b.actors:
        return None
    same_category = kindred(a.event.category, b.event.category)
    same_people = bool(a.people & b.people)
    if a.languages & b.languages:
        if similarity >= ALIKE:
            return similarity
        if relation != "same":  # a period and a day in it, or the next day: only a close retelling
            return None
        if similarity >= SOMEWHAT_ALIKE and (same_category or same_people):
            return similarity
        # the same people, and only they, on the same day: one occasion told twice
        return SOMEWHAT_ALIKE if same_people and (same_category or a.people == b.people) else None
    if relation == "adjacent":
        return None
    exact = (
        relation == "same"
        and a.period.precision == "day"
        and a.period.dated
        and same_category
        and a.actors == b.actors
    )
    if same_people and same_category:
        return SOMEWHAT_ALIKE
    return SOMEWHAT_ALIKE / 2 if exact else None


def _order(event: Event) -> tuple:
    first = min((s.file, s.passage_start, s.timex_start) for s in event.sources)
    return (event.start or "9999", event.date, first, event.id)


# --- candidate pairs -----------------------------------------------------------------------


def _exact_pairs(profiles: Sequence[_Profile]) -> Iterator[tuple[int, int]]:
    """Every pair whose dates may meet: days on the same or the next day; a period of up to a
    decade with everything in its years; other values with the same value."""
    days: dict[int, list[int]] = defaultdict(list)
    values: dict[str, list[int]] = defaultdict(list)
    years: dict[int, list[int]] = defaultdict(list)
    coarse: list[int] = []
    for i, p in enumerate(profiles):
        if p.day is not None:
            days[p.day].append(i)
        elif not _years(p.period):
            values[p.event.date].append(i)
        else:
            coarse.append(i)
        for year in _years(p.period):
            years[year].append(i)
    for day, members in days.items():
        yield from itertools.combinations(members, 2)
        yield from itertools.product(members, days.get(day + 1, ()))
    for members in values.values():
        yield from itertools.combinations(members, 2)
    for i in coarse:
        for year in _years(profiles[i].period):
            yield from ((i, j) for j in years[year] if j != i)


def _category_pairs(profiles: Sequence[_Profile]) -> Iterator[tuple[int, int]]:
    """The same date value under kindred categories (the rules that need little shared wording)."""
    by_date: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, p in enumerate(profiles):
        by_date[p.event.date][p.event.category].append(i)
    table = categories()
    for by_category in by_date.values():
        for category, members in by_category.items():
            yield from itertools.combinations(members, 2)
            for other in table[category].kin if category in table else ():
                if category < other and other in by_category:
                    yield from itertools.product(members, by_category[other])


def _passage_pairs(profiles: Sequence[_Profile]) -> Iterator[tuple[int, int]]:
    by_passage: dict[tuple[str, int, int], list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for passage in p.passages:
            by_passage[passage].append(i)
    for members in by_passage.values():
        yield from itertools.combinations(members, 2)


class _Words(NamedTuple):
    matrix: csr_matrix  # events x words
    once: int  # words held by one event only: the first columns


def _word_matrix(profiles: Sequence[_Profile]) -> _Words:
    """Events x words (1 where the event's passages hold the word), the columns ordered from the
    rarest word to the commonest (ties by the word), so each row's first columns are its rarest."""
    from scipy.sparse import csr_matrix

    frequency: dict[str, int] = defaultdict(int)
    for p in profiles:
        for w in p.words:
            frequency[w] += 1
    vocabulary = {w: n for n, w in enumerate(sorted(frequency, key=lambda w: (frequency[w], w)))}
    columns: list[int] = []
    lengths = np.zeros(len(profiles) + 1, dtype=np.int64)
    for i, p in enumerate(profiles):
        columns += sorted(vocabulary[w] for w in p.words)
        lengths[i + 1] = len(p.words)
    indices = np.array(columns, dtype=np.int64)
    data = np.ones(len(indices), dtype=np.float64)
    matrix = csr_matrix((data, indices, np.cumsum(lengths)), shape=(len(profiles), len(vocabulary)))
    return _Words(matrix, sum(1 for count in frequency.values() if count == 1))


def _sketches(profiles: Sequence[_Profile], words: _Words) -> tuple[np.ndarray, np.ndarray]:
    """Each event's ``SKETCH_WORDS`` rarest words that another event holds too (a word of one
    event pairs nothing) and its people, flat: ids and owner events."""
    matrix = words.matrix
    lengths = np.diff(matrix.indptr)
    owners = np.repeat(np.arange(len(profiles)), lengths)
    alone = matrix.indices < words.once  # rows are sorted, so these come first in each
    rank = np.arange(len(matrix.indices)) - np.repeat(matrix.indptr[:-1], lengths)
    rank -= np.bincount(owners, weights=alone, minlength=len(profiles)).astype(np.int64)[owners]
    kept = ~alone & (rank < SKETCH_WORDS)
    names = sorted({x for p in profiles for x in p.people})
    person = {name: matrix.shape[1] + n for n, name in enumerate(names)}
    named = [(person[x], i) for i, p in enumerate(profiles) for x in p.people]
    people = np.array(named, dtype=np.int64).reshape(-1, 2)
    return (
        np.concatenate([matrix.indices[kept].astype(np.int64), people[:, 0]]),
        np.concatenate([owners[kept], people[:, 1]]),
    )


def _buckets(profiles: Sequence[_Profile]) -> tuple[np.ndarray, np.ndarray]:
    """Each event's buckets (rows, -2**62 where unused) and roles. A day sits in its own day and
    the next (so adjacent days share one) and in its year with role 0; a period of up to a decade
    in each of its years with role 1 (two days of one year are not paired there); other values
    in a bucket of their own."""
    width = max([3, *(len(_years(p.period)) for p in profiles)])
    buckets = np.full((len(profiles), width), -(2**62), dtype=np.int64)
    roles = np.zeros((len(profiles), width), dtype=np.int64)
    undated: dict[str, int] = {}
    for i, p in enumerate(profiles):
        if p.day is not None:
            year = p.period.start.year  # type: ignore[union-attr]
            buckets[i, :3] = (2 * p.day, 2 * p.day + 2, 2 * year + 1)  # even: days, odd: years
            continue
        years = _years(p.period)
        keys = [2 * y + 1 for y in years] or [-1 - undated.setdefault(p.event.date, len(undated))]
        buckets[i, : len(keys)] = keys
        roles[i, : len(keys)] = 1
    return buckets, roles


def _sketch_pairs(profiles: Sequence[_Profile], words: _Words) -> set[tuple[int, int]]:
    """Pairs that share a sketch word in a bucket where their dates may meet."""
    if not profiles:
        return set()
    ids, owners = _sketches(profiles, words)
    buckets, roles = _buckets(profiles)
    rows = []
    for slot in range(buckets.shape[1]):
        used = buckets[owners, slot] != -(2**62)
        owner = owners[used]
        rows.append(np.stack([ids[used], buckets[owner, slot], roles[owner, slot], owner], axis=1))
    table = np.concatenate(rows)
    table = table[np.lexsort((table[:, 3], table[:, 1], table[:, 0]))]
    keys = table[:, :2]
    starts = np.flatnonzero(np.r_[True, np.any(keys[1:] != keys[:-1], axis=1)])
    sizes = np.diff(np.r_[starts, len(table)])
    keep = (sizes > 1) & (sizes <= LARGEST_GROUP)
    pairs: set[tuple[int, int]] = set()
    for start, size in zip(starts[keep].tolist(), sizes[keep].tolist(), strict=True):
        group = table[start : start + size]
        members = group[:, 3].tolist()
        if group[0, 1] % 2 == 0:  # a day bucket: every pair
            pairs.update(itertools.combinations(members, 2))
            continue
        periods = [m for m, r in zip(members, group[:, 2].tolist(), strict=True) if r == 1]
        pairs.update((min(a, b), max(a, b)) for a in periods for b in members if a != b)
    return pairs


def candidates(profiles: Sequence[_Profile], words: _Words, exact: bool = False) -> np.ndarray:
    """Pairs (i < j) worth comparing, sorted, as rows of an array."""
    if exact:
        found = {(min(i, j), max(i, j)) for i, j in _exact_pairs(profiles)}
    else:
        found = _sketch_pairs(profiles, words)
        found.update((min(i, j), max(i, j)) for i, j in _category_pairs(profiles))
        found.update((min(i, j), max(i, j)) for i, j in _passage_pairs(profiles))
    return np.array(sorted(found), dtype=np.int64).reshape(-1, 2)


# --- clusters ------------------------------------------------------------------------------


def merge(events: Iterable[Event], exact: bool = False) -> list[Event]:
    """Events sorted by date (undated last), happenings told more than once merged into one.
    ``exact`` compares every pair whose dates meet instead of the blocked candidates."""
    profiles = [_profile(e) for e in sorted(events, key=_order)]
    words = _word_matrix(profiles)
    pairs = candidates(profiles, words, exact)
    scores: dict[tuple[int, int], float] = {}
    for (i, j), similarity in zip(pairs.tolist(), similarities(words, pairs).tolist(), strict=True):
        score = likeness(profiles[i], profiles[j], similarity)
        if score is not None:
            scores[(i, j)] = score
    cluster_of = list(range(len(profiles)))
    members = {i: [i] for i in range(len(profiles))}
    for (i, j), _ in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        a, b = cluster_of[i], cluster_of[j]
        if a == b:
            continue
        if all((min(x, y), max(x, y)) in scores for x in members[a] for y in members[b]):
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


def _counted(event: Event) -> Event:
    """Sources counted as distinct articles and distinct outlets: an article never twice."""
    articles = len({s.file for s in event.sources})
    outlets = len({s.outlet for s in event.sources if s.outlet})
    if event.extra.get("articles") == articles and event.extra.get("outlets") == outlets:
        return event
    return replace(event, extra={**event.extra, "articles": articles, "outlets": outlets})


def _combine(group: list[Event]) -> Event:
    if len(group) == 1:
        return _counted(group[0])
    lead = min(group, key=_representative)
    sources = sorted(
        {(s.file, s.passage_start, s.timex_start, s.timex_end): s for e in group for s in e.sources}.values(),
        key=lambda s: (s.file, s.passage_start, s.timex_start, s.timex_end),
    )
    actors = list(dict.fromkeys(a for e in [lead, *group] for a in e.actors))
    people = sorted({name for e in group for name in e.extra.get("people", ())})
    return _counted(
        replace(
            lead,
            actors=actors,
            sources=sources,
            relevance=max(e.relevance for e in group),
            extra={**lead.extra, "people": people},
        )
    )
