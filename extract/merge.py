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
rarest words (and people), a bottom-k sketch in the manner of MinHash LSH: days that share a
word on the same or the next day, a period and the days inside it that share one, periods in
the months or years they share. ``merge(..., exact=True)`` compares every pair whose dates meet
instead; both give the same timeline on the development data (tests/test_merge.py). 10^6
synthetic events merge in under a minute of one core (benchmarks/bench_merge.py).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from extract.categories import OTHER, categories, kindred
from extract.lexicon import lexicon
from extract.model import Event, Source
from extract.period import Period, period
from extract.store import collector_paused

if TYPE_CHECKING:  # scipy loads on the first merge, not with the dashboard
    from scipy.sparse import csr_matrix

ALIKE = 0.3  # TF-IDF cosine of two passages: the same telling
SOMEWHAT_ALIKE = 0.15  # ... enough with the same category or the same people, on the same date
# A period nests a day or a shorter period only up to a decade: a century or a long span holds
# too much to say a happening in it is the one told.
MAX_NESTING_YEARS = 10
# The index keeps each passage's rarest words that other passages hold too (and every person
# named): pairs that share none of them are not compared.
SKETCH_WORDS = 20
# A word held by more events than this (at least ``COMMON_WORD_EVENTS``, else this share of
# them) weighs too little in TF-IDF to make two passages alike: it is left out of the index.
COMMON_WORD_EVENTS = 200
COMMON_WORD_SHARE = 0.002
# A word shared by more events than this in one day (or year) tells nothing about which of them
# are one happening; such groups are skipped, which keeps the merge near-linear.
LARGEST_GROUP = 400
# A bucket (a day, a year) of at most this many events is compared whole, without the index.
SMALL_BUCKET = 12
# A period of up to this many months (a month, a quarter, a season) meets other periods in the
# months it covers; a longer one (a year, a decade) in its years.
NESTING_MONTHS = 6
_WORD = re.compile(r"[^\W_](?:[\w'’.-]*[\w'’])?")  # no '.' or '-' at either end


@dataclass(slots=True)  # not frozen: a frozen dataclass is slower to make, a million times
class _Profile:
    event: Event
    period: Period
    day: int | None  # the day's ordinal, for day precision
    languages: frozenset[str]
    passages: tuple[tuple[str, int, int], ...]
    people: frozenset[str]
    actors: frozenset[str]


def _without_time(source: Source) -> str:
    """The passage with its time expression blanked, so 'Monday' and 'Tuesday' do not differ."""
    a = source.timex_start - source.passage_start
    b = source.timex_end - source.passage_start
    if 0 <= a <= b <= len(source.passage):
        return source.passage[:a] + " " + source.passage[b:]
    return source.passage


def _folded(source: Source) -> str:
    return unicodedata.normalize("NFC", _without_time(source)).casefold()


# Passages are read together, one language at a time, joined by this word: a casefolded text
# holds no capital, so it is no word of any passage.
_BOUNDARY = "Q"
PASSAGES_READ_TOGETHER = 50_000  # their words are kept as numbers, not strings, once read


def _words_by_language(profiles: Sequence[_Profile]) -> Iterator[tuple[str, list[str], np.ndarray]]:
    """The words of the source passages (time expressions left out), a language and up to
    ``PASSAGES_READ_TOGETHER`` passages at a time: one flat list with ``_BOUNDARY`` between
    passages, and the event of each passage."""
    passages: dict[str, list[str]] = defaultdict(list)
    owners: dict[str, list[int]] = defaultdict(list)

    def read(language: str) -> tuple[str, list[str], np.ndarray]:
        words = _WORD.findall(f" {_BOUNDARY} ".join(passages.pop(language)))
        return language, words, np.array(owners.pop(language), dtype=np.int64)

    for n, p in enumerate(profiles):
        for source in p.event.sources:
            language = source.language or "vi"
            passages[language].append(_folded(source))
            owners[language].append(n)
            if len(owners[language]) == PASSAGES_READ_TOGETHER:
                yield read(language)
    for language in list(passages):
        yield read(language)


def _profile(event: Event, shared: dict) -> _Profile:
    """What the comparison needs of an event; equal sets are one object (``shared``), which
    keeps a million profiles small."""
    sources = event.sources
    if len(sources) == 1:
        source = sources[0]
        languages = frozenset((source.language or "",))
        passages: tuple[tuple[str, int, int], ...] = (
            (source.file, source.passage_start, source.passage_end),
        )
    else:
        languages = frozenset(s.language or "" for s in sources)
        passages = tuple((s.file, s.passage_start, s.passage_end) for s in sources)
    people = frozenset(event.extra.get("people", ()))
    actors = frozenset(event.actors)
    return _Profile(
        event,
        period(event.date),
        day_ordinal(event.date),
        shared.setdefault(languages, languages),
        passages,
        shared.setdefault(people, people),
        shared.setdefault(actors, actors),
    )


@cache
def day_ordinal(value: str) -> int | None:
    """The ordinal of the day a value names, None when it names no day."""
    p = period(value)
    return p.start.toordinal() if p.dated and p.precision == "day" else None  # type: ignore[union-attr]


def _one_sentence(a: _Profile, b: _Profile) -> bool:
    return any(passage in b.passages for passage in a.passages)


def _one_schedule(a: _Profile, b: _Profile, relation: str, same_category: bool) -> bool:
    """Whether one article names one schedule twice: its time, its kind (a kind told, not
    ``OTHER``) and its sides (two happenings of one day, a statement and a condemnation, may
    share all three)."""
    return (
        relation == "same"
        and a.event.status == b.event.status == "scheduled"
        and same_category
        and OTHER not in (a.event.category, b.event.category)
        and bool(a.actors)
        and a.actors == b.actors
        and any(file == other for file, _, _ in a.passages for other, _, _ in b.passages)
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
    """TF-IDF cosine of each pair's passages (scikit-learn's weighting, ``_tf_idf``)."""
    scores = np.zeros(len(pairs))
    if not len(pairs):
        return scores
    vectors = _tf_idf(words)
    for at in range(0, len(pairs), chunk):
        i, j = pairs[at : at + chunk, 0], pairs[at : at + chunk, 1]
        scores[at : at + chunk] = np.asarray(vectors[i].multiply(vectors[j]).sum(axis=1)).ravel()
    return scores


def _tf_idf(words: _Words) -> csr_matrix:
    """The rows weighted as scikit-learn's ``TfidfTransformer`` weighs them, bit for bit (smooth
    idf in float32, each row's l2 norm summed in order in float64), with document frequencies
    of every event of the collection (``words.counts``), which an incremental merge does not
    hold in its matrix. Done here: importing scikit-learn took a second of each rebuild."""
    matrix = words.matrix.copy()
    held = np.array(words.held, dtype=np.float32) + np.float32(1)
    idf = np.full(len(held), words.counts.events + 1, dtype=np.float32)
    idf /= held
    np.log(idf, out=idf)
    idf += np.float32(1)
    data = matrix.data * idf[matrix.indices]
    squares = (data * data).astype(np.float64)
    lengths = np.diff(matrix.indptr)
    norms = np.zeros(len(lengths))
    rows = np.flatnonzero(lengths)
    for step in range(int(lengths.max(initial=0))):  # in order within each row, as the C loop adds
        rows = rows[lengths[rows] > step]
        norms[rows] += squares[matrix.indptr[rows] + step]
    norms = np.sqrt(norms)
    owner = np.repeat(np.arange(len(lengths)), lengths)
    matrix.data = (data.astype(np.float64) / norms[owner]).astype(np.float32)
    return matrix


def likeness(a: _Profile, b: _Profile, similarity: float) -> float | None:
    """How alike two events are when they tell the same happening; None when they do not.
    ``similarity`` is their passages' text similarity (0..1)."""
    relation = _date_relation(a, b)
    if relation is None:
        return None
    if relation == "adjacent" and "scheduled" in (a.event.status, b.event.status):
        return None  # a schedule names its day: the next day's telling is of another happening
    if _one_sentence(a, b):
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
        if _one_schedule(a, b, relation, same_category):
            return SOMEWHAT_ALIKE
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
    sources = event.sources
    if len(sources) == 1:
        first = (sources[0].file, sources[0].passage_start, sources[0].timex_start)
    else:
        first = min((s.file, s.passage_start, s.timex_start) for s in sources)
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


def _groups(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The start and size of each run of equal values in sorted ``keys``."""
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return starts, np.diff(np.r_[starts, len(keys)])


def _pairs_before(owners: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Every pair (owners[i], owners[j]) with i < j < ends[i], smaller owner first. Vectorised:
    the k-th neighbour of each row, for k = 1, 2, ... while any row reaches that far."""
    rows = np.flatnonzero(ends > np.arange(len(ends)) + 1)
    found = []
    step = 1
    while len(rows):
        rows = rows[rows + step < ends[rows]]
        found.append(np.stack([owners[rows], owners[rows + step]], axis=1))
        step += 1
    pairs = np.concatenate(found) if found else np.zeros((0, 2), dtype=np.int64)
    pairs = np.sort(pairs, axis=1)
    return pairs[pairs[:, 0] != pairs[:, 1]]


def _pairs_within(keys: np.ndarray, owners: np.ndarray, largest: int | None = None) -> np.ndarray:
    """Every pair of owners (i < j) that share a key, skipping keys held more than ``largest``
    times."""
    order = np.argsort(keys, kind="stable")
    starts, sizes = _groups(keys[order])
    ends = np.repeat(starts + sizes, sizes)
    if largest is not None:  # a row of a group too large reaches nothing
        ends = np.where(np.repeat(sizes, sizes) <= largest, ends, np.arange(len(ends)) + 1)
    return _pairs_before(owners[order], ends)


def _ids(values: Iterable) -> np.ndarray:
    """Each value as a small integer, the same value the same integer."""
    seen: dict = {}
    return np.array([seen.setdefault(v, len(seen)) for v in values], dtype=np.int64)


def _kindred_keys(
    profiles: Sequence[_Profile], members: Iterable[int], with_actors: bool
) -> tuple[list, list]:
    """(date value, category or kindred pair[, actors]) keys of ``members``, and their owners."""
    table = categories()
    keys, owners = [], []
    for i in members:
        p = profiles[i]
        category = p.event.category
        kin = table[category].kin if category in table else ()
        for group in (category, *(tuple(sorted((category, other))) for other in kin)):
            keys.append((p.event.date, group, p.actors) if with_actors else (p.event.date, group))
            owners.append(i)
    return keys, owners


def _category_pairs(profiles: Sequence[_Profile]) -> np.ndarray:
    """Days told in different languages with the same actors and a kindred category: the exact
    rule across languages, which needs no shared wording (within a language, wording decides)."""
    if len({p.languages for p in profiles}) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    days = (i for i, p in enumerate(profiles) if p.day is not None)
    keys, owners = _kindred_keys(profiles, days, with_actors=True)
    key, owner = _ids(keys), np.array(owners, dtype=np.int64).reshape(-1)
    language = _ids(p.languages for p in profiles)
    told_in = np.unique(np.stack([key, language[owner]], axis=1), axis=0)[:, 0]
    several = np.bincount(told_in, minlength=len(keys)) > 1  # blocks told in two languages or more
    pairs = _pairs_within(key[several[key]], owner[several[key]])
    return pairs[language[pairs[:, 0]] != language[pairs[:, 1]]]


def _passage_pairs(profiles: Sequence[_Profile]) -> np.ndarray:
    """Events read from one sentence."""
    keys, owners = [], []
    for i, p in enumerate(profiles):
        keys += p.passages
        owners += [i] * len(p.passages)
    return _pairs_within(_ids(keys), np.array(owners, dtype=np.int64).reshape(-1))


class WordCounts(NamedTuple):
    """How many events hold each word, and how many events there are: what words are weighed and
    ranked by. An incremental merge gives those of the whole collection."""

    events: int
    holding: dict[str, int]

    def plus(self, other: WordCounts) -> WordCounts:
        holding = dict(self.holding)
        for word, count in other.holding.items():
            holding[word] = holding.get(word, 0) + count
        return WordCounts(self.events + other.events, holding)


class _Words(NamedTuple):
    matrix: csr_matrix  # events x words, the columns rarest first
    once: int  # columns before this hold words of one event only
    common: int  # columns from this on hold words too common to pair events in the index
    held: np.ndarray  # events of the collection holding each column's word
    counts: WordCounts  # the collection's


def _word_matrix(profiles: Sequence[_Profile], counts: WordCounts | None = None) -> _Words:
    """Events x words (1 where the event's passages hold the word, stopwords of the passage's
    language apart), the columns ordered from the rarest word to the commonest (ties by the
    word), so each row's first columns are its rarest. Counted with numpy, not a set per event.
    Rarity is that of ``counts`` when given (the collection these events are part of), else
    of these events."""
    from scipy.sparse import csr_matrix

    vocabulary = {_BOUNDARY: 0}  # word -> a first id, in order of first sight
    owner_parts, id_parts = [np.zeros(0, np.int64)], [np.zeros(0, np.int64)]  # stopwords left out
    for language, words, passage_owners in _words_by_language(profiles):
        for word in dict.fromkeys(words):
            vocabulary.setdefault(word, len(vocabulary))
        ids = np.fromiter(map(vocabulary.__getitem__, words), dtype=np.int64, count=len(words))
        passage = np.cumsum(ids == vocabulary[_BOUNDARY])  # the passage each word is in
        left_out = [vocabulary[w] for w in (*lexicon(language).stopwords, _BOUNDARY) if w in vocabulary]
        kept = ~np.isin(ids, left_out)
        owner_parts.append(passage_owners[passage[kept]])
        id_parts.append(ids[kept])
    size = max(len(vocabulary), 1)
    # each event's words once: (event, id) as one number, sorted
    codes = np.sort(np.concatenate(owner_parts) * size + np.concatenate(id_parts))
    codes = codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes
    owners, ids = codes // size, codes % size
    del codes, owner_parts, id_parts
    local = np.bincount(ids, minlength=size)  # events holding each word
    words = list(vocabulary)
    present = [n for n in range(len(words)) if local[n]]
    if counts is None:
        counts = WordCounts(len(profiles), {words[n]: int(local[n]) for n in present})
    held = np.zeros(size, dtype=np.int64)
    held[present] = [counts.holding[words[n]] for n in present]
    ranked = sorted(present, key=lambda n: (held[n], words[n]))
    column = np.zeros(size, dtype=np.int64)
    column[ranked] = np.arange(len(ranked))
    # each row's words rarest first: one sort of (row, column) as one number
    columns = np.sort(owners * size + column[ids]) - owners * size
    lengths = np.bincount(owners, minlength=len(profiles))
    data = np.ones(len(columns), dtype=np.float32)
    indptr = np.r_[0, np.cumsum(lengths)]
    matrix = csr_matrix((data, columns, indptr), shape=(len(profiles), len(ranked)))
    ordered = held[ranked]
    return _Words(
        matrix,
        int(np.searchsorted(ordered, 2)),
        int(np.searchsorted(ordered, _common(counts.events) + 1)),
        ordered,
        counts,
    )


def word_counts(events: Sequence[Event]) -> WordCounts:
    """The ``WordCounts`` of ``events``."""
    shared: dict = {}
    return _word_matrix([_profile(e, shared) for e in events]).counts


def _common(events: int) -> int:
    """Events a word may be held by and still pair them in the index."""
    return max(COMMON_WORD_EVENTS, int(COMMON_WORD_SHARE * events))


def _sketches(profiles: Sequence[_Profile], words: _Words) -> tuple[np.ndarray, np.ndarray]:
    """Each event's ``SKETCH_WORDS`` rarest words that another event holds too (a word of one
    event pairs nothing) and its people, flat: ids and owner events."""
    matrix = words.matrix
    lengths = np.diff(matrix.indptr)
    owners = np.repeat(np.arange(len(profiles)), lengths)
    alone = matrix.indices < words.once  # rows are sorted, so these come first in each
    rank = np.arange(len(matrix.indices)) - np.repeat(matrix.indptr[:-1], lengths)
    rank -= np.bincount(owners, weights=alone, minlength=len(profiles)).astype(np.int64)[owners]
    limit = np.maximum(SKETCH_WORDS, (lengths + 1) // 2)  # a long passage keeps half its words
    kept = ~alone & (rank < limit[owners]) & (matrix.indices < words.common)
    names = sorted({x for p in profiles for x in p.people})
    person = {name: matrix.shape[1] + n for n, name in enumerate(names)}
    named = [(person[x], i) for i, p in enumerate(profiles) for x in p.people]
    people = np.array(named, dtype=np.int64).reshape(-1, 2)
    return (
        np.concatenate([matrix.indices[kept].astype(np.int64), people[:, 0]]),
        np.concatenate([owners[kept], people[:, 1]]),
    )


_UNUSED = -(2**62)
_EPOCH = date(1970, 1, 1).toordinal()
# Buckets where dates may meet, one number each: (index << 2) | kind.
DAY, MONTH, YEAR, VALUE = range(4)


class _Buckets(NamedTuple):
    """Rows of (event, bucket) of the events that are no day: in a month or a year, ``nests``
    marks the periods that may hold the bucket's other events (paired with each of them there;
    two days are never paired in a month or a year)."""

    owner: np.ndarray
    bucket: np.ndarray
    nests: np.ndarray


def _days(profiles: Sequence[_Profile]) -> np.ndarray:
    return np.fromiter(
        (_UNUSED if p.day is None else p.day for p in profiles), dtype=np.int64, count=len(profiles)
    )


def _year_buckets(days: np.ndarray) -> np.ndarray:
    """The year bucket of each day (an ordinal)."""
    calendar_days = (days - _EPOCH).astype("datetime64[D]")
    return (calendar_days.astype("datetime64[Y]").astype(np.int64) + 1970) << 2 | YEAR


def _month_index(day: date) -> int:
    return 12 * day.year + day.month - 1


def _period_buckets(profiles: Sequence[_Profile], days: np.ndarray) -> _Buckets:
    """The buckets of the events that are no day (a day sits in its month and its year). A period
    of up to ``NESTING_MONTHS`` months sits in each of its months, where it nests, and in each of
    its years; a longer one of up to a decade in each of its years, where it nests. Other values
    sit in a bucket of their own value (``VALUE``)."""
    values: dict[str, int] = {}
    rows: list[tuple[int, int, bool]] = []
    for i in np.flatnonzero(days == _UNUSED).tolist():
        p = profiles[i]
        covered = _years(p.period)
        if not covered:
            rows.append((i, values.setdefault(p.event.date, len(values)) << 2 | VALUE, True))
            continue
        first, last = _month_index(p.period.start), _month_index(p.period.end)  # type: ignore[arg-type]
        short = last - first < NESTING_MONTHS
        if short:
            rows += [(i, m << 2 | MONTH, True) for m in range(first, last + 1)]
        rows += [(i, y << 2 | YEAR, not short) for y in covered]
    table = np.array(rows, dtype=np.int64).reshape(-1, 3)
    return _Buckets(table[:, 0], table[:, 1], table[:, 2].astype(bool))


def _unique_pairs(pairs: np.ndarray, events: int) -> np.ndarray:
    """The distinct rows of ``pairs`` (i < j < ``events``), sorted: one number each, sorted once."""
    codes = np.sort(pairs[:, 0] * events + pairs[:, 1])
    codes = codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes
    return np.stack([codes // events, codes % events], axis=1)


class _WordDays(NamedTuple):
    """The sketch rows of the events that are days, sorted by (word, day): ``key`` is
    word * ``span`` + the day's offset from ``first`` (``span`` leaves a gap after the last day,
    so the key of the next day is one more, and never another word's)."""

    key: np.ndarray
    owner: np.ndarray
    first: int
    span: int


def _word_days(ids: np.ndarray, owners: np.ndarray, days: np.ndarray) -> _WordDays:
    on_day = days[owners] != _UNUSED
    ids, owners = ids[on_day], owners[on_day]
    day = days[owners]
    first = int(day.min()) if len(day) else 0
    span = int(day.max()) - first + 2 if len(day) else 2
    key = ids * span + (day - first)
    order = np.argsort(key, kind="stable")
    return _WordDays(key[order], owners[order], first, span)


def _day_window_pairs(rows: _WordDays) -> np.ndarray:
    """Days that share a sketch word on the same or the next day: each row reaches the rest of
    its (word, day) and the whole of the next day's, skipping what is held more than
    ``LARGEST_GROUP`` times."""
    key = rows.key
    starts, sizes = _groups(key)
    # the next group is the next day of the same word when its key is one more
    next_size = np.r_[sizes[1:], 0] * np.r_[key[starts[1:]] == key[starts[:-1]] + 1, False]
    group_end = np.where(sizes <= LARGEST_GROUP, starts + sizes, starts + 1)
    window_end = np.where(sizes + next_size <= LARGEST_GROUP, starts + sizes + next_size, group_end)
    ends = np.maximum(np.repeat(window_end, sizes), np.arange(len(key)) + 1)
    return _pairs_before(rows.owner, ends)


def _each_with_range(owner: np.ndarray, lo: np.ndarray, hi: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Pairs of ``owner[n]`` with each of ``others[lo[n]:hi[n]]``, smaller event first."""
    reach = hi - lo
    at = np.repeat(lo - np.cumsum(reach) + reach, reach) + np.arange(int(reach.sum()))
    pairs = np.sort(np.stack([np.repeat(owner, reach), others[at]], axis=1), axis=1)
    return pairs[pairs[:, 0] != pairs[:, 1]]


def _nesting_pairs(
    profiles: Sequence[_Profile],
    ids: np.ndarray,
    owners: np.ndarray,
    days: np.ndarray,
    rows: _WordDays,
    periods: _Buckets,
) -> np.ndarray:
    """Periods and the events they may hold that share a sketch word: a period of up to a decade
    and the days in it (a range of the days sorted by word and day), and two periods in a
    bucket they share (each nesting row with every other row of its word and bucket); skipping
    what is held more than ``LARGEST_GROUP`` times."""
    of_period = days[owners] == _UNUSED
    ids, owners = ids[of_period], owners[of_period]
    # the days in each period
    start, end = np.full(len(profiles), _UNUSED), np.full(len(profiles), _UNUSED)
    for i in set(periods.owner[periods.bucket & 3 != VALUE].tolist()):
        covered = profiles[i].period
        start[i], end[i] = covered.start.toordinal(), covered.end.toordinal()  # type: ignore[union-attr]
    last = rows.first + rows.span - 2
    meets = (start[owners] != _UNUSED) & (start[owners] <= last) & (end[owners] >= rows.first)
    word, owner = ids[meets], owners[meets]
    lo = np.searchsorted(rows.key, word * rows.span + (np.maximum(start[owner], rows.first) - rows.first))
    hi = np.searchsorted(rows.key, word * rows.span + (np.minimum(end[owner], last) - rows.first), "right")
    small = hi - lo <= LARGEST_GROUP
    found = [_each_with_range(owner[small], lo[small], hi[small], rows.owner)]
    # periods in a month or a year (or a value) they share
    order = np.argsort(periods.owner, kind="stable")
    bucket_owner, bucket, nests = periods.owner[order], periods.bucket[order], periods.nests[order]
    first = np.searchsorted(bucket_owner, owners)
    count = np.searchsorted(bucket_owner, owners, side="right") - first
    row = np.repeat(np.arange(len(ids)), count)
    at = np.repeat(first - np.cumsum(count) + count, count) + np.arange(len(row))
    width = int(bucket.max(initial=0)) + 1
    key, owner, nests = ids[row] * width + bucket[at], owners[row], nests[at]
    order = np.argsort(key, kind="stable")
    owner, nests = owner[order], nests[order]
    starts, sizes = _groups(key[order])
    size = np.repeat(sizes, sizes)
    nesting = np.flatnonzero(nests & (size > 1) & (size <= LARGEST_GROUP))
    group_start = np.repeat(starts, sizes)[nesting]
    found.append(_each_with_range(owner[nesting], group_start, group_start + size[nesting], owner))
    return np.concatenate(found)


def _sketch_pairs(profiles: Sequence[_Profile], words: _Words) -> np.ndarray:
    """Pairs that share a sketch word where their dates may meet, and the pairs of small buckets
    and of periods of one value and a kindred category, compared whole."""
    ids, owners = _sketches(profiles, words)
    days = _days(profiles)
    rows, periods = _word_days(ids, owners, days), _period_buckets(profiles, days)
    found = [_day_window_pairs(rows), _nesting_pairs(profiles, ids, owners, days, rows, periods)]
    # a small bucket (a quiet day, a year with few periods, a value) is compared whole
    dated = np.flatnonzero(days != _UNUSED)
    day, whole = days[dated], periods.bucket & 3 != MONTH
    bucket = np.concatenate([day << 2 | DAY, (day + 1) << 2 | DAY, _year_buckets(day), periods.bucket[whole]])
    members = np.concatenate([dated, dated, dated, periods.owner[whole]])
    order = np.argsort(bucket, kind="stable")
    starts, sizes = _groups(bucket[order])
    small = order[np.repeat(sizes, sizes) <= SMALL_BUCKET]
    found.append(_pairs_within(bucket[small], members[small]))
    # periods of one value and a kindred category ('2011-03' told a hundred times): compared whole
    coarse = (n for n, p in enumerate(profiles) if p.day is None)
    keys, kin_owners = _kindred_keys(profiles, coarse, with_actors=False)
    found.append(_pairs_within(_ids(keys), np.array(kin_owners, dtype=np.int64), LARGEST_GROUP))
    pairs = _unique_pairs(np.concatenate(found), len(profiles))
    a, b = days[pairs[:, 0]], days[pairs[:, 1]]
    # kept: two days at most one apart, or a pair with a period (two days met in a year are not)
    near = (a != _UNUSED) & (b != _UNUSED) & (np.abs(a - b) <= 1)
    return pairs[near | (a == _UNUSED) | (b == _UNUSED)]


def candidates(
    profiles: Sequence[_Profile], words: _Words, one_sentence: np.ndarray, exact: bool = False
) -> np.ndarray:
    """Pairs (i < j) worth comparing, sorted, as rows of an array (``one_sentence``: the pairs of
    events read from one sentence, ``_passage_pairs``)."""
    if exact:
        found = np.array(sorted({(min(i, j), max(i, j)) for i, j in _exact_pairs(profiles)}), dtype=np.int64)
        return found.reshape(-1, 2)
    if not profiles:
        return np.zeros((0, 2), dtype=np.int64)
    found = np.concatenate([_sketch_pairs(profiles, words), _category_pairs(profiles), one_sentence])
    return _unique_pairs(found, len(profiles))


# --- clusters ------------------------------------------------------------------------------


def _worth_comparing(
    profiles: Sequence[_Profile], pairs: np.ndarray, alike: np.ndarray, one_sentence: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``likeness`` may score: within a language too little shared wording scores
    only with the same people, the same sentence or a schedule of the same article (a cheap test
    before the exact one)."""
    if not len(pairs):
        return pairs, alike
    language = _ids(p.languages for p in profiles)
    named = np.fromiter((bool(p.people) for p in profiles), dtype=bool, count=len(profiles))
    # a schedule's pairs within one article
    article = _ids(p.passages[0][0] if p.event.status == "scheduled" else n for n, p in enumerate(profiles))
    i, j = pairs[:, 0], pairs[:, 1]
    keep = (
        (alike >= SOMEWHAT_ALIKE)
        | (language[i] != language[j])
        | (named[i] & named[j])
        | (article[i] == article[j])
    )
    # pairs read from one sentence: candidates are sorted, so their codes are too
    codes = i * len(profiles) + j
    shared = one_sentence[:, 0] * len(profiles) + one_sentence[:, 1]
    at = np.searchsorted(codes, shared).clip(max=len(codes) - 1)
    keep[at[codes[at] == shared]] = True
    return pairs[keep], alike[keep]


def merge(events: Iterable[Event], exact: bool = False) -> list[Event]:
    """Events sorted by date (undated last), happenings told more than once merged into one.
    ``exact`` compares every pair whose dates meet instead of the blocked candidates."""
    events = list(events)
    with collector_paused():  # millions of small objects and no cycle: a third of the time at 10^6
        return merged(events, clusters(events, exact=exact)[0])


def clusters(
    events: Sequence[Event], counts: WordCounts | None = None, exact: bool = False
) -> tuple[list[list[int]], WordCounts]:
    """The groups of ``events`` (indices, two or more each) that tell one happening each, and the
    word counts they were weighed by (``counts`` when given: those of the whole collection the
    events are part of; else their own)."""
    with collector_paused():
        shared: dict = {}
        # input order never counts
        keyed = sorted(((_order(e), n) for n, e in enumerate(events)), key=itemgetter(0))
        position = [n for _, n in keyed]
        del keyed
        profiles = [_profile(events[n], shared) for n in position]
        words = _word_matrix(profiles, counts)
        return [[position[k] for k in group] for group in _groups_of(profiles, words, exact)], words.counts


def _groups_of(profiles: Sequence[_Profile], words: _Words, exact: bool) -> list[list[int]]:
    """Greedy clusters of the profiles (sorted by ``_order``), most alike pairs first."""
    one_sentence = _passage_pairs(profiles)
    pairs = candidates(profiles, words, one_sentence, exact)
    pairs, alike = _worth_comparing(profiles, pairs, similarities(words, pairs), one_sentence)
    scores: dict[tuple[int, int], float] = {}
    for (i, j), similarity in zip(pairs.tolist(), alike.tolist(), strict=True):
        score = likeness(profiles[i], profiles[j], similarity)
        if score is not None:
            scores[(i, j)] = score
    cluster_of: dict[int, int] = {}  # only events with a scored pair: the others stay alone
    members: dict[int, list[int]] = {}
    scored = np.array(list(scores), dtype=np.int64).reshape(-1, 2)
    value = np.fromiter(scores.values(), dtype=np.float64, count=len(scores))
    # most alike first, then by the pair: one numpy sort instead of a million tuples
    for i, j in scored[np.lexsort((scored[:, 1], scored[:, 0], -value))].tolist():
        a, b = cluster_of.setdefault(i, i), cluster_of.setdefault(j, j)
        if a == b:
            continue
        group_a, group_b = members.get(a, [a]), members.get(b, [b])
        if all((min(x, y), max(x, y)) in scores for x in group_a for y in group_b):
            for k in group_b:
                cluster_of[k] = a
            members[a] = group_a + group_b
            members.pop(b, None)
    return [sorted(group) for group in members.values()]


def merged(events: Sequence[Event], groups: Iterable[Sequence[int]]) -> list[Event]:
    """``events`` with each of ``groups`` (indices) made one event, sorted by date (undated last)."""
    with collector_paused():
        grouped: set[int] = set()
        result = []
        for group in groups:
            grouped.update(group)
            told = sorted((events[k] for k in group), key=_order)
            lead = min(told, key=lambda e: _representative(e, _order(e)))
            event = _combine(lead, told)
            result.append((_order(event), event))
        result += [(_order(e), _counted(e)) for n, e in enumerate(events) if n not in grouped]
        result.sort(key=itemgetter(0))
        return [event for _, event in result]


def _representative(event: Event, order: tuple) -> tuple:
    """The telling that names the merged event: one of it done rather than scheduled, the finest
    date, then the first read (``order`` is the event's ``_order``)."""
    p = period(event.date)
    width = (p.end - p.start).days if p.dated else 0  # type: ignore[operator]
    return (event.status != "happened", width, order[2], event.id)


def _counted(event: Event, **changes) -> Event:
    """``event`` with ``changes``, its sources counted as distinct articles and distinct outlets
    (an article never twice). A shallow copy, made only when something changes: the caller's
    event is left as it was."""
    sources = changes.get("sources", event.sources)
    if len(sources) == 1:
        articles, outlets = 1, 1 if sources[0].outlet else 0
    else:
        articles = len({s.file for s in sources})
        outlets = len({s.outlet for s in sources if s.outlet})
    extra = changes.pop("extra", event.extra)
    if not changes and extra.get("articles") == articles and extra.get("outlets") == outlets:
        return event
    counted = Event.__new__(Event)
    counted.__dict__.update(event.__dict__, **changes)
    counted.extra = {**extra, "articles": articles, "outlets": outlets}
    return counted


def _combine(lead: Event, group: list[Event]) -> Event:
    """The events of ``group`` as one, named by ``lead``'s telling."""
    sources = sorted(
        {(s.file, s.passage_start, s.timex_start, s.timex_end): s for e in group for s in e.sources}.values(),
        key=lambda s: (s.file, s.passage_start, s.timex_start, s.timex_end),
    )
    return _counted(
        lead,
        actors=list(dict.fromkeys(a for e in [lead, *group] for a in e.actors)),
        sources=sources,
        relevance=max(e.relevance for e in group),
        status="happened" if any(e.status == "happened" for e in group) else lead.status,
        extra={**lead.extra, "people": sorted({name for e in group for name in e.extra.get("people", ())})},
    )
