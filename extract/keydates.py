"""Key-date stage (after merge): the K days of a collection that matter, each told in a sentence or two.

Each day on which some event happened is scored by evidence across the whole collection:

- reports: distinct articles telling a happening on the day (an article's vote weighs more when
  its event is about US-Iraq relations, ``Event.relevance``);
- outlets: distinct outlets among them (neutral when outlets are unknown);
- referred: distinct articles published on another (later) day whose time expressions name the
  day, any expression, not only those that became events (news-tls' date-wise signal: a day
  other days' news keeps naming is a key day);
- later references: distinct articles published some days after the day that still name it;
- burst: articles published on the day and the day after (news follows its happening).

A source published before the day it tells is a forecast or page chrome, not a report; a time
expression naming a day after its article's publication is a plan, not a reference. The
signals are fused by their ranks (reciprocal rank fusion: each adds ``weight / (FUSION + rank)``),
so no signal's scale swamps another and a signal that is the same for every day changes nothing.
The signals that look forward cannot be seen for the collection's last days; such a day is fused
from the signals it can be seen in, not ranked down for lying at the end.
Each key day gets one representative event (the best-supported, most relevant) and an
extractive summary: one or two of its source sentences, the most central first, with offsets.
No language words here: the only word list, stopwords, comes from ``extract/lang/<code>/``.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

from extract.lexicon import lexicon
from extract.model import SHOWN_BY_DEFAULT, Document, Event, Source, Timex
from extract.store import write_atomic

KEYDATES_FILE = "keydates.json"

FUSION = 60  # reciprocal rank fusion's constant (its authors' default): how far down a list still counts
WEIGHTS = {"reports": 1.0, "outlets": 0.5, "referred": 1.0, "later": 1.0, "burst": 1.0}
LATER_DAYS = 2  # a source published this many days after the day refers back to it
# A key day lies within the collection's coverage: from a month before its first article (the
# trigger of a story is told in the following weeks) to its last. Days named long before it are
# background ('since the 2003 invasion'), which later articles keep naming.
COVERAGE_MARGIN = 30
CONTEXT_VOTE = 0.5  # an article's vote for a day when its event is not about US-Iraq relations
SUMMARY_WORDS = 60  # a second sentence joins the summary only while the summary stays this short
MIN_WORDS, MAX_WORDS = 8, 45  # a summary sentence's readable length, in words
CENTRALITY_LENGTH = 0.5  # a sentence's shared words are divided by its length to this power
NEW_WORDS = 0.5  # ... and when at least this share of its words are not in the first
_WORD = re.compile(r"[^\W_][\w'’.-]*")


@dataclass(frozen=True)
class SummaryPassage:
    """A sentence of the summary, with the offsets that link it to its article."""

    file: str
    start: int
    end: int
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class KeyDate:
    date: str  # ISO day
    score: float  # 1.0 for the top day, the others relative to it
    event_id: str  # the representative event
    title: str
    summary: str
    passages: tuple[SummaryPassage, ...]
    event_ids: tuple[str, ...]  # every event on the day, best supported first
    sources: tuple[Source, ...]  # one per article telling a happening of the day
    evidence: dict = field(default_factory=dict)  # the raw signals: reports, outlets, later, burst


def _day(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def default_k(articles: int, days: int) -> int:
    """K when none is given: grows with the square root of the collection, 3 to 40 days."""
    return min(days, max(3, min(40, round(1.5 * math.sqrt(articles)))))


# An article's publication day (ISO, maybe partial or unknown) and the days its time expressions
# name (ISO days, repeats allowed).
Mentions = Iterable[tuple[str | None, Iterable[str]]]


def mentioned_days(timexes: Iterable[Timex]) -> list[str]:
    """The days an article's time expressions name: DATE values of day precision."""
    return [t.value[:10] for t in timexes if t.type == "DATE" and _day(t.value) is not None]


def day_mentions(documents: Iterable[Document]) -> list[tuple[str | None, list[str]]]:
    """Every document's publication day and the days its time expressions name (tagged here,
    about 3 ms an article, when the build did not keep them)."""
    from extract.timex import tag_document

    found = []
    for doc in documents:
        lang = doc.meta.language or "en"
        try:
            timexes = tag_document(doc, lang)
        except Exception:  # noqa: BLE001 - the build reported this article; its look-backs go
            continue
        found.append((doc.meta.published, mentioned_days(timexes)))
    return found


def _event_mentions(events: Iterable[Event]) -> list[tuple[str | None, list[str]]]:
    """Mentions read off the events when the time expressions are not at hand: each source names
    its event's day."""
    published: dict[str, str | None] = {}
    named: dict[str, list[str]] = defaultdict(list)
    for event in events:
        if event.precision != "day" or event.start is None or _day(event.start) is None:
            continue
        for source in event.sources:
            published.setdefault(source.file, source.published)
            named[source.file].append(event.start[:10])
    return [(published[file], days) for file, days in named.items()]


@dataclass
class _Day:
    votes: dict[str, float] = field(default_factory=dict)  # article -> its vote's weight
    outlets: set[str] = field(default_factory=set)
    referred: int = 0  # articles published on a later day naming it
    later: int = 0  # ... at least LATER_DAYS later
    events: list[tuple[Event, list[Source]]] = field(default_factory=list)  # with their reports


def _vote(event: Event) -> float:
    return 1.0 if event.relevance >= SHOWN_BY_DEFAULT else CONTEXT_VOTE


def _collect(events: Iterable[Event]) -> dict[date, _Day]:
    days: dict[date, _Day] = defaultdict(_Day)
    for event in events:
        day = _day(event.start) if event.precision == "day" else None
        if day is None:
            continue
        reports = []
        for source in event.sources:
            published = _day(source.published)
            if published is not None and published < day:
                continue  # told before it happened: a forecast or page chrome
            reports.append(source)
        if not reports:
            continue
        slot = days[day]
        slot.events.append((event, reports))
        for source in reports:
            slot.votes[source.file] = max(slot.votes.get(source.file, 0.0), _vote(event))
            if source.outlet:
                slot.outlets.add(source.outlet)
    return days


def _count_references(days: dict[date, _Day], mentions: Mentions) -> None:
    """Each candidate day's articles published later that name it, once an article."""
    for published, named in mentions:
        when = _day(published)
        if when is None:
            continue
        for value in set(named):
            day = _day(value)
            if day is None or day >= when or day not in days:
                continue  # its own day's news, a plan, or no happening told on it
            days[day].referred += 1
            if (when - day).days >= LATER_DAYS:
                days[day].later += 1


def _ranks(values: dict[date, float]) -> dict[date, int]:
    """Competition ranks: the number of days with a strictly greater value (ties share a rank)."""
    ordered = sorted(set(values.values()), reverse=True)
    above, seen = {}, 0
    counts: dict[float, int] = defaultdict(int)
    for v in values.values():
        counts[v] += 1
    for v in ordered:
        above[v] = seen
        seen += counts[v]
    return {d: above[v] for d, v in values.items()}


def _signals(days: dict[date, _Day], published: Iterable[str | None]) -> dict[str, dict[date, float]]:
    """Each signal's value for each day on which it can be observed.

    The signals that look forward (later articles naming the day, the morrow's publications) cannot
    be seen for the collection's last days: such a day is left out of the signal, not given 0, so
    a story's final days are not ranked down for lying at the end of the collection."""
    per_day: dict[date, int] = defaultdict(int)
    for value in published:
        if (day := _day(value)) is not None:
            per_day[day] += 1
    last = max(per_day, default=None)

    def seen_until(ahead: int) -> dict[date, _Day]:
        return {d: s for d, s in days.items() if last is None or d + timedelta(days=ahead) <= last}

    return {
        "reports": {d: sum(s.votes.values()) for d, s in days.items()},
        "outlets": {d: float(len(s.outlets)) for d, s in days.items()},
        "referred": {d: float(s.referred) for d, s in seen_until(1).items()},
        "later": {d: float(s.later) for d, s in seen_until(LATER_DAYS).items()},
        "burst": {d: float(per_day[d] + per_day[d + timedelta(days=1)]) for d in seen_until(1)},
    }


def _candidates(
    events: Sequence[Event],
    published: Sequence[str | None],
    mentions: Mentions | None,
    between: tuple[str, str] | None = None,
) -> dict[date, _Day]:
    """The days told by some report, within the collection's coverage and ``between``."""
    days = _collect(events)
    if coverage := _coverage(published):
        days = {d: slot for d, slot in days.items() if coverage[0] <= d <= coverage[1]}
    if between:
        first, last = date.fromisoformat(between[0]), date.fromisoformat(between[1])
        days = {d: slot for d, slot in days.items() if first <= d <= last}
    _count_references(days, _event_mentions(events) if mentions is None else mentions)
    return days


def _coverage(published: Iterable[str | None]) -> tuple[date, date] | None:
    known = [d for d in map(_day, published) if d is not None]
    if not known:
        return None
    return min(known) - timedelta(days=COVERAGE_MARGIN), max(known)


def scores(
    events: Sequence[Event], published: Sequence[str | None], mentions: Mentions | None = None
) -> dict[date, float]:
    """Every candidate day's fused score (unnormalised), for ranking and evaluation."""
    return _fuse(_signals(_candidates(events, published, mentions), published))


def _fuse(signals: dict[str, dict[date, float]]) -> dict[date, float]:
    """Reciprocal rank fusion over the signals each day can be observed in, scaled up to all of
    them (a day seen in fewer signals is judged by those it is seen in)."""
    fused: dict[date, float] = defaultdict(float)
    weight_seen: dict[date, float] = defaultdict(float)
    for name, values in signals.items():
        for day, rank in _ranks(values).items():
            fused[day] += WEIGHTS[name] / (FUSION + rank)
            weight_seen[day] += WEIGHTS[name]
    total = sum(WEIGHTS[name] for name in signals)
    return {day: score * total / weight_seen[day] for day, score in fused.items()}


def _words(source: Source) -> set[str]:
    stop = lexicon(source.language).stopwords
    text = unicodedata.normalize("NFC", source.passage)
    return {w for w in (m.casefold().strip(".-") for m in _WORD.findall(text)) if w and w not in stop}


def _summary(day: date, slot: _Day) -> tuple[Event, tuple[SummaryPassage, ...]]:
    """The day's representative event and one or two central sentences among its reports.

    Sentences come from fresh reports (published within ``LATER_DAYS``) when there are any, and of
    a readable length when there are any such: a later article names the day in passing, and a
    headline block run together is no summary."""
    ranked = sorted(
        slot.events,
        key=lambda er: (-_vote(er[0]) * len({s.file for s in er[1]}), -er[0].relevance, er[0].id),
    )
    representative = ranked[0][0]
    candidates: dict[tuple[str, int, int], tuple[Source, float]] = {}
    for event, reports in ranked:
        support = _vote(event) * len({s.file for s in reports})
        for source in reports:
            key = (source.file, source.passage_start, source.passage_end)
            if key not in candidates or candidates[key][1] < support:
                candidates[key] = (source, support)

    def fresh(key: tuple[str, int, int]) -> bool:
        published = _day(candidates[key][0].published)
        return published is None or (published - day).days < LATER_DAYS

    def readable(key: tuple[str, int, int]) -> bool:
        return MIN_WORDS <= len(candidates[key][0].passage.split()) <= MAX_WORDS

    keys = list(candidates)
    for keep in (fresh, readable):
        keys = [key for key in keys if keep(key)] or keys
    words = {key: _words(candidates[key][0]) for key in keys}
    frequency: dict[str, int] = defaultdict(int)
    for ws in words.values():
        for w in ws:
            frequency[w] += 1

    def centrality(key: tuple[str, int, int]) -> float:
        # how many of the day's other sentences share each of its words, per word, favouring
        # supported events: the sentence most like the rest tells what the day is about
        ws = words[key]
        shared = sum(frequency[w] - 1 for w in ws)
        return candidates[key][1] * (1 + shared) / (len(ws) + 1) ** CENTRALITY_LENGTH

    order = sorted(keys, key=lambda key: (-centrality(key), key))
    chosen = [order[0]]
    first_words = words[order[0]]
    length = len(candidates[order[0]][0].passage.split())
    for key in order[1:]:
        extra = candidates[key][0].passage.split()
        new_words = words[key] - first_words
        if (
            words[key]
            and len(new_words) >= NEW_WORDS * len(words[key])
            and length + len(extra) <= SUMMARY_WORDS
        ):
            chosen.append(key)
            break
    passages = tuple(
        SummaryPassage(
            file=s.file,
            start=s.passage_start,
            end=s.passage_end,
            text=s.passage,
            title=s.title,
            outlet=s.outlet,
            url=s.url,
            published=s.published,
        )
        for s in (candidates[key][0] for key in chosen)
    )
    return representative, passages


def key_dates(
    events: Sequence[Event],
    published: Sequence[str | None],
    k: int | None = None,
    between: tuple[str, str] | None = None,
    mentions: Mentions | None = None,
) -> list[KeyDate]:
    """The top ``k`` days, best first (``k`` from the collection's size when None).

    ``published`` holds the publication date of every article of the collection, those without
    events included: the burst signal counts them. ``between`` (two ISO days, inclusive) keeps
    the candidates to a period (news-tls evaluates timelines within the gold span); they are
    always kept to the collection's coverage (``COVERAGE_MARGIN``) when publication days are known.
    ``mentions`` gives each article's publication day and the days its time expressions name
    (``mentioned_days``); without them the events' own days stand in.
    """
    days = _candidates(events, published, mentions, between)
    if not days:
        return []
    signals = _signals(days, published)
    fused = _fuse(signals)
    k = default_k(len(published), len(days)) if k is None else max(0, min(k, len(days)))
    top = sorted(fused, key=lambda d: (-fused[d], d))[:k]
    best = fused[top[0]] if top else 1.0
    result = []
    for day in top:
        slot = days[day]
        representative, passages = _summary(day, slot)
        by_file: dict[str, Source] = {}
        for _, reports in slot.events:
            for source in reports:
                by_file.setdefault(source.file, source)
        ranked_ids = [
            e.id
            for e, reports in sorted(slot.events, key=lambda er: (-len({s.file for s in er[1]}), er[0].id))
        ]
        result.append(
            KeyDate(
                date=day.isoformat(),
                score=round(fused[day] / best, 4),
                event_id=representative.id,
                title=representative.title,
                summary=" ".join(" ".join(p.text.split()) for p in passages),
                passages=passages,
                event_ids=tuple(dict.fromkeys(ranked_ids)),
                sources=tuple(by_file[f] for f in sorted(by_file)),
                evidence={name: values.get(day) for name, values in signals.items()},  # None: unseen
            )
        )
    return result


def key_dates_json(found: Sequence[KeyDate], articles: int) -> dict:
    """``keydates.json``: the key days best first, each with its summary's passages (file, start,
    end) and one source per article that tells a happening of the day."""
    return {
        "articles": articles,
        "k": len(found),
        "key_dates": [
            {
                "rank": rank,
                "date": kd.date,
                "score": kd.score,
                "title": kd.title,
                "summary": kd.summary,
                "event_id": kd.event_id,
                "event_ids": list(kd.event_ids),
                "passages": [asdict(p) for p in kd.passages],
                "sources": [
                    {
                        "file": s.file,
                        "title": s.title,
                        "outlet": s.outlet,
                        "url": s.url,
                        "published": s.published,
                        "passage_start": s.passage_start,
                        "passage_end": s.passage_end,
                    }
                    for s in kd.sources
                ],
                "evidence": kd.evidence,
            }
            for rank, kd in enumerate(found, start=1)
        ],
    }


def write_key_dates(
    out_dir: Path,
    documents: Sequence[Document],
    events: Sequence[Event],
    k: int | None = None,
    mentions: Mentions | None = None,
) -> list[KeyDate]:
    """Rank the collection's days and write ``out_dir/keydates.json`` atomically: a reader (the
    dashboard) sees the old file or the new one, never half of one. The documents' time
    expressions are tagged again unless ``mentions`` carries them."""
    if mentions is None:
        mentions = day_mentions(documents)
    found = key_dates(events, [d.meta.published for d in documents], k, mentions=mentions)
    payload = json.dumps(key_dates_json(found, len(documents)), ensure_ascii=False, indent=1) + "\n"
    out_dir.mkdir(parents=True, exist_ok=True)
    write_atomic({out_dir / KEYDATES_FILE: payload.encode("utf-8")})
    return found


def describe(found: Sequence[KeyDate]) -> str:
    """A readable list, in time order: date, score, how many articles, the summary."""
    lines = []
    for kd in sorted(found, key=lambda kd: kd.date):
        lines.append(f"{kd.date}  score {kd.score:.2f}  {len(kd.sources)} articles  {kd.title}")
        lines.append(f"    {kd.summary}")
        lines.append("    " + ", ".join(f"{p.file} [{p.start}:{p.end}]" for p in kd.passages))
    return "\n".join(lines)
