"""Merging events told by several articles: made-up articles, hand-placed dates."""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from extract.events import build_events
from extract.manifest import read_manifest
from extract.merge import merge
from extract.model import Document, Metadata, Timex
from extract.pipeline import article_paths, build, process_file
from extract.sentences import split

ROOT = Path(__file__).resolve().parent.parent


def events_of(file: str, text: str, dates: list[tuple[str, str]], lang: str = "vi"):
    meta = Metadata(published="2030-07-31", language=lang)  # after every date the tests read
    doc = Document(file=file, text=text, meta=meta, regions=((0, len(text)),), body_end=len(text))
    timexes = [Timex(text.index(p), text.index(p) + len(p), p, "DATE", v) for p, v in dates]
    return build_events(doc, split(doc), timexes)


STRIKE_A = events_of(
    "a.txt",
    "Ngày 3/5/2030, máy bay Mỹ không kích một căn cứ của dân quân ở miền tây Iraq, khiến 12 người chết.",
    [("Ngày 3/5/2030", "2030-05-03")],
)
STRIKE_B = events_of(
    "b.txt",
    "Hôm 3/5/2030, máy bay Mỹ đã không kích căn cứ của dân quân ở miền tây Iraq làm 12 người thiệt mạng.",
    [("Hôm 3/5/2030", "2030-05-03")],
)
TALKS_SAME_DAY = events_of(
    "b.txt",
    "Cũng trong ngày 3/5/2030, Ngoại trưởng Iraq đàm phán với Mỹ về quỹ tái thiết các tỉnh phía bắc.",
    [("ngày 3/5/2030", "2030-05-03")],
)
STRIKE_EN = events_of(
    "c.txt",
    "U.S. aircraft struck a militia base in western Iraq on May 3, 2030, killing 12 people.",
    [("May 3, 2030", "2030-05-03")],
    lang="en",
)
STRIKE_MONTH = events_of(
    "d.txt",
    "Trong tháng 5/2030, máy bay Mỹ không kích căn cứ của dân quân ở miền tây Iraq, khiến 12 người chết.",
    [("tháng 5/2030", "2030-05")],
)


def test_the_same_happening_in_two_articles_is_one_event_with_both_sources():
    (event,) = merge(STRIKE_A + STRIKE_B)
    assert {s.file for s in event.sources} == {"a.txt", "b.txt"}
    assert event.category == "military-action"


def test_different_happenings_on_the_same_day_stay_apart():
    events = merge(STRIKE_A + STRIKE_B + TALKS_SAME_DAY)
    assert sorted(e.category for e in events) == ["military-action", "negotiate"]


def test_the_same_happening_across_languages_merges_on_exact_day_actors_and_category():
    (event,) = merge(STRIKE_A + STRIKE_EN)
    assert {s.language for s in event.sources} == {"vi", "en"}


def test_a_month_and_a_day_in_it_merge_keeping_the_day():
    (event,) = merge(STRIKE_MONTH + STRIKE_A)
    assert (event.date, event.precision) == ("2030-05-03", "day")
    assert len(event.sources) == 2


def test_merge_does_not_depend_on_input_order():
    events = STRIKE_A + STRIKE_B + TALKS_SAME_DAY + STRIKE_EN + STRIKE_MONTH
    expected = merge(events)
    for order in itertools.permutations(events):
        assert merge(list(order)) == expected


def test_merge_sorts_by_date_with_undated_last():
    undated = events_of("e.txt", "Hôm 9/9, Mỹ và Iraq ký thỏa thuận năng lượng.", [("Hôm 9/9", "XXXX-09-09")])
    events = merge(undated + STRIKE_A + TALKS_SAME_DAY)
    assert [e.date for e in events][-1] == "XXXX-09-09"
    assert [e.start for e in events[:-1]] == sorted(e.start for e in events[:-1])


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _matching(events, file: str, gold: dict) -> list:
    """Events with a source passage overlapping the gold evidence and a compatible date."""
    from extract.period import contains

    return [
        e
        for e in events
        if any(
            s.file == file
            and any(_overlaps((s.passage_start, s.passage_end), tuple(g)) for g in gold["evidence_spans"])
            for s in e.sources
        )
        and (e.date == gold["date"] or contains(e.date, gold["date"]) or contains(gold["date"], e.date))
    ]


def test_seeds_and_dev_together_give_one_event_per_happening(shared):
    manifest = read_manifest(ROOT / "seeds" / "manifest.csv")
    manifest.update(read_manifest(shared / "dev" / "manifest.csv"))
    timeline = build([ROOT / "seeds", shared / "dev" / "articles"], manifest)
    golds = [
        (doc["file"], event)
        for path in (shared / "gold" / "seeds.json", shared / "dev" / "gold.json")
        for doc in json.loads(path.read_text(encoding="utf-8"))["documents"]
        for event in doc["events"]
    ]
    for file, gold in golds:  # no happening told by two dots
        assert len(_matching(timeline.events, file, gold)) <= 1, (file, gold["id"])
    # A happening told in several articles (same day, category and parties) is one dot.
    told = defaultdict(list)
    for file, gold in golds:
        if len(gold["date"]) == 10 and gold["required"]:
            told[(gold["date"], gold["category"], frozenset(gold["actors"][:2]))].append((file, gold))
    retold = [group for group in told.values() if len({file for file, _ in group}) > 1]
    assert retold
    for group in retold:
        found = {id(e) for file, gold in group for e in _matching(timeline.events, file, gold)}
        assert len(found) == 1, [gold["id"] for _, gold in group]


def test_one_happening_told_under_kindred_categories_is_one_event():
    text = (
        "Sáng 18/12/2030, đoàn xe chở những binh sĩ Mỹ cuối cùng vượt biên giới sang Kuwait, khép lại "
        "sứ mệnh ở Iraq.\nĐoàn xe gồm 110 xe quân sự rời căn cứ Adder và qua biên giới sang Kuwait lúc "
        "7h30 ngày 18/12/2030."
    )
    # 'khép lại' (ends) is reduce-military, 'rời' (leaves) withdraw: one convoy's crossing
    (event,) = events_of(
        "a.txt", text, [("Sáng 18/12/2030", "2030-12-18"), ("ngày 18/12/2030", "2030-12-18")]
    )
    assert len(event.sources) == 2


# A dateline's day and "last night": one raid told with adjacent days by two outlets.
RAID_NIGHT = events_of(
    "f.txt",
    "Đêm qua, đặc nhiệm Mỹ đột kích một nơi ẩn náu của phiến quân gần Mosul, bắt giữ 5 thủ lĩnh.",
    [("Đêm qua", "2030-07-08")],
)
RAID_DAY = events_of(
    "g.txt",
    "Ngày 9/7/2030, đặc nhiệm Mỹ đột kích nơi ẩn náu của phiến quân gần Mosul và bắt giữ 5 thủ lĩnh.",
    [("Ngày 9/7/2030", "2030-07-09")],
)
RAID_TWO_DAYS_LATER = events_of(
    "h.txt",
    "Ngày 10/7/2030, đặc nhiệm Mỹ đột kích nơi ẩn náu của phiến quân gần Mosul và bắt giữ 5 thủ lĩnh.",
    [("Ngày 10/7/2030", "2030-07-10")],
)
AID_NEXT_DAY = events_of(
    "i.txt",
    "Ngày 9/7/2030, Mỹ cam kết viện trợ 200 triệu USD cho người dân Iraq phải rời bỏ nhà cửa.",
    [("Ngày 9/7/2030", "2030-07-09")],
)


def test_a_close_retelling_on_the_next_day_is_the_same_happening():
    (event,) = merge(RAID_NIGHT + RAID_DAY)
    assert {s.file for s in event.sources} == {"f.txt", "g.txt"}


def test_adjacent_days_with_other_wording_or_days_further_apart_stay_apart():
    assert len(merge(RAID_NIGHT + AID_NEXT_DAY)) == 2
    assert len(merge(RAID_NIGHT + RAID_TWO_DAYS_LATER)) == 2


def test_adjacent_days_never_chain_into_one_event_over_three_days():
    events = merge(RAID_NIGHT + RAID_DAY + RAID_TWO_DAYS_LATER)
    assert sorted(len(e.sources) for e in events) == [1, 2]


def test_sources_are_counted_as_distinct_articles_and_outlets():
    def told_by(event, file, outlet):
        sources = [replace(s, file=file, outlet=outlet) for s in event.sources]
        return replace(event, sources=sources, id=f"{event.id}-{file}")

    (a,), (b,) = STRIKE_A, STRIKE_B
    events = [
        told_by(a, "a.txt", "VnExpress"),
        told_by(b, "b.txt", "VnExpress"),
        told_by(a, "c.txt", "Tuổi Trẻ"),
    ]
    (event,) = merge(events)
    assert (len(event.sources), event.extra["articles"], event.extra["outlets"]) == (3, 3, 2)
    # the same article merged again (a rebuild, a re-merge) is still one article
    (again,) = merge([event, told_by(a, "a.txt", "VnExpress")])
    assert (len(again.sources), again.extra["articles"]) == (3, 3)


def test_blocked_merge_equals_the_exact_merge_on_seeds_and_dev(shared):
    manifest = read_manifest(ROOT / "seeds" / "manifest.csv")
    manifest.update(read_manifest(shared / "dev" / "manifest.csv"))
    events = []
    for path, name in article_paths([ROOT / "seeds", shared / "dev" / "articles"]):
        events += process_file(path, name, manifest.get(path.name))[1]
    assert merge(events) == merge(events, exact=True)
    assert len(merge(events)) < len(events)  # the development data has retold happenings


def test_blocked_merge_equals_the_exact_merge_on_generated_retellings():
    # many tellings over a few adjacent days and a month: the index must find every pair
    base = RAID_NIGHT + RAID_DAY + RAID_TWO_DAYS_LATER + AID_NEXT_DAY + STRIKE_A + STRIKE_B + STRIKE_MONTH
    events = [replace(e, id=f"{e.id}-{n}") for n in range(6) for e in base]
    events = [
        replace(e, sources=[replace(s, file=f"{n}-{s.file}") for s in e.sources])
        for n, e in enumerate(events)
    ]
    assert merge(events) == merge(events, exact=True)


def test_tf_idf_weights_are_scikit_learns_bit_for_bit(shared):
    """The merge weighs words as scikit-learn's TfidfTransformer does (it no longer imports it)."""
    transformer = pytest.importorskip("sklearn.feature_extraction.text").TfidfTransformer
    from extract.merge import _profile, _tf_idf, _word_matrix

    manifest = read_manifest(ROOT / "seeds" / "manifest.csv")
    manifest.update(read_manifest(shared / "dev" / "manifest.csv"))
    events = []
    for path, name in article_paths([ROOT / "seeds", shared / "dev" / "articles"]):
        events += process_file(path, name, manifest.get(path.name))[1]
    events += STRIKE_A + STRIKE_B + STRIKE_EN + STRIKE_MONTH + TALKS_SAME_DAY
    words = _word_matrix([_profile(e, {}) for e in events])
    theirs = transformer().fit_transform(words.matrix).tocsr()
    ours = _tf_idf(words)
    assert np.array_equal(ours.indptr, theirs.indptr) and np.array_equal(ours.indices, theirs.indices)
    assert ours.data.dtype == theirs.data.dtype and np.array_equal(ours.data, theirs.data)


STRIKE_NEXT_DAY = events_of(
    "e.txt",
    "Hôm 4/5/2030, máy bay Mỹ đã không kích căn cứ của dân quân ở miền tây Iraq làm 12 người thiệt mạng.",
    [("Hôm 4/5/2030", "2030-05-04")],
)


def test_a_schedule_keeps_its_day_and_merges_with_its_telling_as_done():
    assert len(merge(STRIKE_A + STRIKE_NEXT_DAY)) == 1  # the next day's close retelling: one happening
    scheduled = [replace(e, status="scheduled") for e in STRIKE_A]
    assert len(merge(scheduled + STRIKE_NEXT_DAY)) == 2  # a schedule names its day
    (event,) = merge(scheduled + STRIKE_B)  # the same day: the schedule kept, told as done
    assert (event.status, event.title, len(event.sources)) == ("happened", STRIKE_B[0].title, 2)


def test_one_article_naming_one_schedule_twice_in_other_words_is_one_event():
    # told as done, then made schedules: the test is the merge's, not the events'
    year = [("2029", "2029")]
    lead = events_of("a.txt", "U.S. officials closed the Ain al-Asad base in 2029.", year, lang="en")
    later = events_of("a.txt", "Washington handed the airfield to Baghdad in 2029.", year, lang="en")
    moved = [replace(s, passage_start=60, passage_end=115) for s in later[0].sources]  # the next sentence
    told = [lead[0], replace(later[0], sources=moved)]
    schedules = [replace(e, status="scheduled", category="withdraw", actors=["US", "Iraq"]) for e in told]
    assert len(schedules) == 2
    (event,) = merge(schedules)
    assert len(event.sources) == 2
    untold = [replace(e, category="other") for e in schedules]
    assert len(merge(untold)) == 2  # a live page's programme: kinds not told
    happenings = [replace(e, status="happened") for e in schedules]
    assert len(merge(happenings)) == 2  # two happenings of one day may share kind and sides
    elsewhere = [replace(s, file="b.txt") for s in schedules[1].sources]
    # across articles the wording must be alike
    assert len(merge([schedules[0], replace(schedules[1], sources=elsewhere)])) == 2
