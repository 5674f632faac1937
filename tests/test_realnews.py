"""The real-news report's measures (duplicates, cut titles, time-only titles, lost articles) and a
build of a fixed sample of 200 T17 articles that must lose none and keep every offset exact."""

from __future__ import annotations

from pathlib import Path

import pytest

import extract.pipeline
from extract.evaluate import realnews
from extract.evaluate.realnews import (
    TopicBuild,
    cut_inside_word,
    duplicate_pairs,
    figures_of,
    only_time,
    spread_sample,
)
from extract.model import Document, Event, Metadata, Source

T17_SAMPLE_ARTICLES = 200
T17_SAMPLE_SEED = 2011


def _event(file: str, passage: str, timex: str, day: str, actors=(), title: str | None = None) -> Event:
    at = passage.index(timex)
    source = Source(file, None, None, None, day, "en", 0, len(passage), passage, at, at + len(timex), timex)
    return Event(
        id=f"{file}:{day}",
        date=day,
        precision="day",
        start=day,
        end=day,
        title=title or passage,
        actors=list(actors),
        category="other",
        tone="neutral",
        goldstein=0.0,
        sources=[source],
    )


FERRY = "A ferry carrying 200 passengers sank off the northern coast on Sunday, the coastguard said."
FERRY_AGAIN = "The coastguard said a ferry with 200 passengers sank off the northern coast late Saturday."
MARKET = "Shares in the largest timber exporter fell sharply on Monday after its chairman resigned."


def test_one_happening_told_twice_on_adjacent_days_is_a_duplicate():
    events = [
        _event("a.txt", FERRY, "Sunday", "2021-05-09"),
        _event("b.txt", FERRY_AGAIN, "late Saturday", "2021-05-08"),
        _event("c.txt", MARKET, "Monday", "2021-05-10"),
    ]
    assert duplicate_pairs(events) == [(1, 0)]


def test_far_apart_days_other_actors_or_other_words_are_not_duplicates():
    three_days_later = [
        _event("a.txt", FERRY, "Sunday", "2021-05-09"),
        _event("b.txt", FERRY_AGAIN, "late Saturday", "2021-05-12"),
    ]
    other_parties = [
        _event("a.txt", FERRY, "Sunday", "2021-05-09", actors=["Greece"]),
        _event("b.txt", FERRY_AGAIN, "late Saturday", "2021-05-09", actors=["Turkey"]),
    ]
    other_words = [
        _event("a.txt", FERRY, "Sunday", "2021-05-10"),
        _event("c.txt", MARKET, "Monday", "2021-05-10"),
    ]
    assert duplicate_pairs(three_days_later) == []
    assert duplicate_pairs(other_parties) == []
    assert duplicate_pairs(other_words) == []


def _document(file: str, text: str) -> dict[str, Document]:
    return {file: Document(file, text, Metadata(language="en"), ((0, len(text)),), len(text))}


def test_a_title_cut_inside_a_word_is_found_at_either_end():
    text = "After a long night the envoys signed the water accord on Friday. Their aides cheered."
    documents = _document("a.txt", text)
    signed = "the envoys signed the water accord on Friday"
    whole = _event("a.txt", text, "Friday", "2022-01-07", title=signed)
    cut_end = _event("a.txt", text, "Friday", "2022-01-07", title="… the water accord on Friday. Th …")
    cut_start = _event("a.txt", text, "Friday", "2022-01-07", title="… nvoys signed the water accord")
    assert cut_inside_word(whole, documents) is None
    assert cut_inside_word(cut_end, documents) == "end"
    assert cut_inside_word(cut_start, documents) == "start"


def test_a_title_with_no_more_than_a_preposition_besides_its_time_is_time_only():
    passage = "The museum reopened its doors to visitors on Tuesday."
    reopened = _event("a.txt", passage, "Tuesday", "2023-02-07", title="The museum reopened on Tuesday")
    bare = _event("a.txt", passage, "Tuesday", "2023-02-07", title="on Tuesday")
    assert not only_time(reopened, realnews._tag_times)
    assert only_time(bare, realnews._tag_times)


def test_figures_count_shown_events_and_failures():
    text = FERRY + " " + MARKET
    shown = _event("a.txt", FERRY, "Sunday", "2021-05-09", title="A ferry carrying 200 passengers sank")
    shown.relevance = 1.0
    hidden = _event("a.txt", FERRY, "Sunday", "2021-05-09", title="on Sunday")
    built = TopicBuild(articles=2, documents=list(_document("a.txt", text).values()), events=[shown, hidden])
    built.lost = ["b.txt: ValueError: broken"]
    figures = figures_of(built)
    assert (figures["articles"], figures["lost"], figures["events"], figures["shown"]) == (2, 1, 2, 1)
    assert figures["titles_time_only"] == 1
    assert figures["examples"]["shown"][0]["title"] == "A ferry carrying 200 passengers sank"


def test_an_article_that_raises_is_counted_lost_and_the_others_are_still_built(tmp_path, monkeypatch):
    for name, body in (("good.txt", FERRY), ("bad.txt", MARKET)):
        (tmp_path / name).write_text(body, encoding="utf-8")
    real = extract.pipeline.article_of_file

    def failing(path: Path, name: str, given):
        if path.name == "bad.txt":
            raise TypeError("a value of None")
        return real(path, name, given)

    monkeypatch.setattr(extract.pipeline, "article_of_file", failing)
    paths = sorted(tmp_path.glob("*.txt"))
    built = realnews.build_articles(paths, {"good.txt": Metadata(published="2021-05-10")}, jobs=1)
    assert [doc.file for doc in built.documents] == ["good.txt"]
    assert len(built.lost) == 1 and built.events


def test_the_article_sample_is_spread_evenly_and_fixed_by_its_seed(tmp_path):
    topics = []
    for topic, count in (("alpha", 9), ("beta", 4), ("gamma", 12)):
        (tmp_path / topic / "articles").mkdir(parents=True)
        for i in range(count):
            (tmp_path / topic / "articles" / f"{topic}_{i:02d}.txt").write_text("x", encoding="utf-8")
        topics.append(tmp_path / topic)
    sample = spread_sample(topics, 10, seed=5)
    by_topic = [sum(p.parent.parent == t for p in sample) for t in topics]
    assert by_topic == [4, 3, 3]
    assert sample == spread_sample(topics, 10, seed=5)


@pytest.mark.shared
def test_a_fixed_sample_of_t17_articles_builds_with_none_lost_and_exact_offsets(shared):
    t17 = shared / "t17"
    if not t17.is_dir():
        pytest.skip(f"{t17} (T17 real news) is absent")
    topic_dirs = realnews.topics(t17)
    paths = spread_sample(topic_dirs, T17_SAMPLE_ARTICLES, seed=T17_SAMPLE_SEED)
    assert len(paths) == T17_SAMPLE_ARTICLES and len(topic_dirs) == 7
    built = realnews.build_articles(paths, realnews.manifest_of(topic_dirs), jobs=2)
    assert built.lost == []
    assert len(built.documents) == T17_SAMPLE_ARTICLES and built.events
    texts = {doc.file: doc.text for doc in built.documents}
    for event in built.events:
        for source in event.sources:
            text = texts[source.file]
            assert text[source.passage_start : source.passage_end] == source.passage, (event.id, source.file)
            assert text[source.timex_start : source.timex_end] == source.timex_text, (event.id, source.file)


def test_adjacent_day_events_of_one_sentence_are_counted_apart_from_duplicates():
    talks = "The delegations opened the fishing talks on Monday and resumed them on Tuesday after a break."
    opened = _event("a.txt", talks, "Monday", "2022-09-05", title="The delegations opened the fishing talks")
    resumed = _event("a.txt", talks, "Tuesday", "2022-09-06", title="resumed them on Tuesday after a break")
    copy = _event("b.txt", FERRY_AGAIN, "late Saturday", "2021-05-08")
    built = TopicBuild(2, [], [opened, resumed, _event("a.txt", FERRY, "Sunday", "2021-05-09"), copy])
    figures = figures_of(built)
    counted = ("duplicate_pairs", "one_sentence_pairs", "events_with_copy")
    assert [figures[key] for key in counted] == [1, 1, 2]
