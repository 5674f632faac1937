"""Real news (T17): how the extractor fares, topic by topic, on English news nobody tuned it to.

Per topic of ``shared/t17/<topic>/`` (articles plus a manifest of publication dates), the topic is
built with :func:`extract.pipeline.build` and measured without any gold answer:

- articles, and articles lost (no document came out: an exception, or a file it could not read);
- events, and events shown by default (relevance >= ``SHOWN_BY_DEFAULT``; none of the topics is
  about US-Iraq relations, so nearly every shown event is a false positive worth a look);
- duplicates the merge left, found by a check of its own (:func:`duplicate_pairs`), pairs from
  two passages apart from pairs of events read from one sentence;
- titles cut inside a word, and titles that are only a time expression.

The extractor never imports this module.
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz

from extract.model import SHOWN_BY_DEFAULT, Document, Event, Metadata

# Two events whose first passages (time expressions taken out) score at least this with
# rapidfuzz's token_set_ratio tell the same happening; chosen by reading T17 pairs either side.
DUPLICATE_SIMILARITY = 75.0
# Words found in at least this share of a build's passages (and at least this many) are common
# words, left out of the comparison; a passage needs this many other words to be compared at all.
COMMON_WORD_SHARE = 0.02
COMMON_WORD_MIN_PASSAGES = 5
MIN_CONTENT_WORDS = 3
# A title is "only a time expression" when at most this many words are left outside its times.
TIME_ONLY_WORDS = 1
_ELLIPSIS = "…"
_WORD = re.compile(r"\w+")


@dataclass
class TopicBuild:
    """A build of some articles, with the articles that gave no document and why."""

    articles: int
    documents: list[Document]
    events: list[Event]
    lost: list[str] = field(default_factory=list)
    seconds: float = 0.0


def topics(t17: Path) -> list[Path]:
    """The topic folders of ``t17`` that hold articles and a manifest, by name."""
    return sorted(p for p in t17.iterdir() if (p / "articles").is_dir() and (p / "manifest.csv").is_file())


def topic_articles(topic: Path) -> list[Path]:
    return sorted((topic / "articles").glob("*.txt"))


def manifest_of(topic_dirs: Iterable[Path]) -> dict[str, Metadata]:
    """The topics' manifests as one (T17's file names carry their topic, so they never clash)."""
    from extract.manifest import read_manifest

    merged: dict[str, Metadata] = {}
    for topic in topic_dirs:
        merged.update(read_manifest(topic / "manifest.csv"))
    return merged


def spread_sample(topic_dirs: Sequence[Path], n: int, seed: int) -> list[Path]:
    """``n`` articles spread evenly over the topics (the first topics take the remainder)."""
    rng = random.Random(seed)
    chosen: list[Path] = []
    for i, topic in enumerate(topic_dirs):
        articles = topic_articles(topic)
        share = n // len(topic_dirs) + (1 if i < n % len(topic_dirs) else 0)
        chosen += rng.sample(articles, min(share, len(articles)))
    return chosen


def _isolated(job: tuple[Path, Metadata | None]) -> tuple[Document, list[Event]] | str:
    from extract.pipeline import process_file

    path, given = job
    try:
        return process_file(path, path.name, given)
    except Exception as error:  # measured, not hidden: reported as a lost article
        return f"{path.name}: {type(error).__name__}: {error}"


def _build_isolated(paths: Sequence[Path], manifest: dict[str, Metadata], jobs: int) -> TopicBuild:
    """Each article on its own, then one merge: the pipeline's steps, with no exception escaping."""
    from extract.merge import merge

    work = [(path, manifest.get(path.name)) for path in paths]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_isolated, work, chunksize=max(1, len(work) // (jobs * 8))))
    else:
        results = [_isolated(job) for job in work]
    documents, events, lost = [], [], []
    for result in results:
        if isinstance(result, str):
            lost.append(result)
        else:
            documents.append(result[0])
            events += result[1]
    return TopicBuild(len(paths), documents, merge(events), lost)


def build_articles(paths: Sequence[Path], manifest: dict[str, Metadata], jobs: int = 2) -> TopicBuild:
    """The articles built by ``extract.pipeline.build``; if an exception stops that build, they are
    built one by one instead so the rest can still be measured and the losses counted."""
    from extract.pipeline import build

    started = time.perf_counter()
    try:
        timeline = build(list(paths), manifest, jobs=jobs)
        built = TopicBuild(len(paths), timeline.documents, timeline.events)
        made = {doc.file for doc in timeline.documents}
        reasons = iter(timeline.errors)
        built.lost = [next(reasons, f"{p.name}: no document") for p in paths if p.name not in made]
    except Exception as error:
        built = _build_isolated(paths, manifest, jobs)
        built.lost = built.lost or [f"the build stopped: {type(error).__name__}: {error}"]
    built.seconds = time.perf_counter() - started
    return built


# --- duplicates the merge left ---------------------------------------------------------------


def _day_key(event: Event) -> tuple[str, int | str]:
    """Days are compared as ordinals (adjacent days meet); other values only as they are."""
    if event.precision == "day" and event.start:
        return ("day", date.fromisoformat(event.start[:10]).toordinal())
    return ("value", event.date)


def _without_time(source) -> list[str]:
    """The passage's words, its time expression taken out so 'Monday' and 'Tuesday' do not differ."""
    a = source.timex_start - source.passage_start
    b = source.timex_end - source.passage_start
    text = source.passage[:a] + " " + source.passage[b:] if 0 <= a <= b else source.passage
    return _WORD.findall(text.casefold())


def _content_words(passages: Sequence[list[str]]) -> list[str]:
    """Each passage without the words common to many passages of the build (function words, the
    topic's own name), so a shared 'the' or 'Egypt' does not make two passages alike; no word
    list of any language is needed."""
    frequency: Counter[str] = Counter(w for words in passages for w in set(words))
    common = max(COMMON_WORD_MIN_PASSAGES, COMMON_WORD_SHARE * len(passages))
    return [" ".join(w for w in words if frequency[w] < common) for words in passages]


def _same_passage(a: Event, b: Event) -> bool:
    first, second = a.sources[0], b.sources[0]
    return (first.file, first.passage_start) == (second.file, second.passage_start)


def _actors_overlap(a: Event, b: Event) -> bool:
    """Shared actors, or neither names any (most T17 events name no party)."""
    return bool(set(a.actors) & set(b.actors)) if a.actors or b.actors else True


def _similar(a: str, b: str, threshold: float) -> bool:
    if min(a.count(" "), b.count(" ")) + 1 < MIN_CONTENT_WORDS:
        return False
    return fuzz.token_set_ratio(a, b, score_cutoff=threshold) > 0


def duplicate_pairs(
    events: Sequence[Event], threshold: float = DUPLICATE_SIMILARITY
) -> list[tuple[int, int]]:
    """Pairs of events (indices) that look like one happening: same or adjacent day (or the same
    non-day value), overlapping actors and similar passages. Independent of ``extract.merge``."""
    buckets: dict[tuple[str, int | str], list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        buckets[_day_key(event)].append(i)
    texts = _content_words([_without_time(event.sources[0]) for event in events])
    pairs = []
    for (kind, key), members in buckets.items():
        later = buckets.get((kind, key + 1), []) if kind == "day" else []  # type: ignore[operator]
        for x, i in enumerate(members):
            for j in members[x + 1 :] + later:
                if _actors_overlap(events[i], events[j]) and _similar(texts[i], texts[j], threshold):
                    pairs.append((i, j))
    return pairs


# --- titles --------------------------------------------------------------------------------


def _title_core(title: str) -> str:
    return title.removeprefix(_ELLIPSIS).removesuffix(_ELLIPSIS).strip()


def title_span(event: Event, documents: dict[str, Document]) -> tuple[str, int, int] | None:
    """Where the title's words lie in its first source's text, near the passage; None when the
    title is not cut from the text (an article headline given as title, for one)."""
    source = event.sources[0]
    doc = documents.get(source.file)
    words = _title_core(event.title).split()
    if doc is None or not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    window = max(0, source.passage_start - 2000)
    found = pattern.search(doc.text, window, source.passage_end + 2000) or pattern.search(doc.text)
    return (doc.text, found.start(), found.end()) if found else None


def cut_inside_word(event: Event, documents: dict[str, Document]) -> str | None:
    """'start', 'end' or 'both' when the title begins or ends in the middle of a word of the text."""
    span = title_span(event, documents)
    if span is None:
        return None
    text, start, end = span
    starts_inside = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    ends_inside = end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    if starts_inside and ends_inside:
        return "both"
    return "start" if starts_inside else "end" if ends_inside else None


def only_time(event: Event, tag_times: Callable[[str, str], list[tuple[int, int]]]) -> bool:
    """The title says nothing but a time: at most ``TIME_ONLY_WORDS`` words outside its times."""
    title = _title_core(event.title)
    language = event.sources[0].language or "en"
    spans = tag_times(title, language)
    timex_text = event.sources[0].timex_text
    if timex_text and (at := title.find(timex_text)) >= 0:
        spans.append((at, at + len(timex_text)))
    outside = "".join(" " if any(a <= i < b for a, b in spans) else ch for i, ch in enumerate(title))
    return len(_WORD.findall(outside)) <= TIME_ONLY_WORDS


def _tag_times(text: str, language: str) -> list[tuple[int, int]]:
    from extract.timex import tag

    return [(t.start, t.end) for t in tag(text, lang=language)]


# --- the report ----------------------------------------------------------------------------


def _brief(event: Event) -> dict:
    source = event.sources[0]
    return {"date": event.date, "title": event.title, "file": source.file, "timex": source.timex_text}


def figures_of(built: TopicBuild, examples: int = 5) -> dict:
    """The figures of one build, with a few examples of each failure (all shown events)."""
    events = built.events
    documents = {doc.file: doc for doc in built.documents}
    shown = [e for e in events if e.relevance >= SHOWN_BY_DEFAULT]
    found = duplicate_pairs(events)
    # One sentence that gave two events on adjacent days is mostly two happenings told together,
    # sometimes one told twice (a report's day and the event's): counted apart from the others.
    in_one = [(i, j) for i, j in found if _same_passage(events[i], events[j])]
    pairs = [(i, j) for i, j in found if not _same_passage(events[i], events[j])]
    with_copy = {i for pair in pairs for i in pair}
    cuts = [(e, cut) for e in events if (cut := cut_inside_word(e, documents))]
    time_only = [e for e in events if only_time(e, _tag_times)]
    return {
        "articles": built.articles,
        "lost": len(built.lost),
        "events": len(events),
        "shown": len(shown),
        "duplicate_pairs": len(pairs),
        "events_with_copy": len(with_copy),
        "one_sentence_pairs": len(in_one),
        "titles_cut_in_word": len(cuts),
        "titles_time_only": len(time_only),
        "seconds": round(built.seconds, 1),
        "examples": {
            "lost": built.lost[:examples],
            "shown": [_brief(e) | {"actors": e.actors, "relevance": e.relevance} for e in shown],
            "duplicates": [[_brief(events[i]), _brief(events[j])] for i, j in pairs[:examples]],
            "one_sentence_pairs": [[_brief(events[i]), _brief(events[j])] for i, j in in_one[:examples]],
            "titles_cut_in_word": [_brief(e) | {"cut": cut} for e, cut in cuts[:examples]],
            "titles_time_only": [_brief(e) for e in time_only[:examples]],
        },
    }


def run(
    t17: Path,
    jobs: int = 2,
    per_topic: int | None = None,
    seed: int = 0,
    save_to: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Figures per topic of ``t17`` (every article, or ``per_topic`` drawn with ``seed``) and overall;
    with ``save_to`` each topic's build is also written to ``save_to/<topic>/`` (to sample it)."""
    report: dict = {"topics": {}, "per_topic": per_topic, "seed": seed}
    for topic in topics(t17):
        paths = topic_articles(topic)
        if per_topic is not None:
            paths = sorted(random.Random(seed).sample(paths, min(per_topic, len(paths))))
        built = build_articles(paths, manifest_of([topic]), jobs=jobs)
        report["topics"][topic.name] = figures_of(built)
        if save_to is not None:
            from extract.store import save

            save(save_to / topic.name, built.documents, built.events)
        if progress:
            progress(f"t17 {topic.name}: {len(paths)} articles in {built.seconds:.1f} s")
    counts = [k for k, v in next(iter(report["topics"].values()), {}).items() if k != "examples"]
    report["overall"] = {k: sum(t[k] for t in report["topics"].values()) for k in counts}
    return report
