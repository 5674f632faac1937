"""Key dates: ranking days by evidence across a collection, summaries with offsets, keydates.json."""

from __future__ import annotations

import json
from pathlib import Path

from extract.cli import main
from extract.keydates import KEYDATES_FILE, day_mentions, default_k, describe, key_dates, write_key_dates
from extract.model import Document, Event, Metadata, Source
from extract.store import save

# Sentences written for these tests (none from a data set).
TALKS = "Negotiators from Washington and Baghdad met in Erbil to discuss the troop agreement."
TALKS_AGAIN = "The envoys from Washington and Baghdad held talks on the troop agreement in Erbil."
AFTER = "Crowds gathered outside the parliament after the vote on the new budget."
STORM = "A storm flooded the coastal road near Basra and closed the port."
VI_TALKS = "Phái đoàn Mỹ và Iraq đã gặp nhau tại Erbil để bàn về thỏa thuận quân sự."
VI_STORM = "Một cơn bão đã làm ngập con đường ven biển gần Basra."


def _source(file: str, passage: str, published: str | None, language: str = "en", offset: int = 0) -> Source:
    return Source(
        file=file,
        title=f"title of {file}",
        outlet=None,
        url=f"https://example.org/{file}",
        published=published,
        language=language,
        passage_start=offset,
        passage_end=offset + len(passage),
        passage=passage,
        timex_start=offset,
        timex_end=offset + 3,
        timex_text=passage[:3],
    )


def _event(day: str, sources: list[Source], relevance: float = 0.1, name: str = "") -> Event:
    return Event(
        id=name or f"{day}-{sources[0].file}-{sources[0].passage_start}",
        date=day,
        precision="day",
        start=day,
        end=day,
        title=sources[0].passage[:40],
        actors=[],
        category="other",
        tone="neutral",
        goldstein=0.0,
        sources=sources,
        relevance=relevance,
    )


def _reports(day: str, passage: str, files: list[str], published: str, relevance: float = 0.1) -> Event:
    return _event(day, [_source(f, passage, published) for f in files], relevance)


def _ranked(events: list[Event], published: list[str | None], k: int = 10) -> list[str]:
    return [kd.date for kd in key_dates(events, published, k)]


def test_a_day_told_by_more_articles_ranks_first():
    events = [
        _reports("2024-03-01", STORM, ["a", "b"], "2024-03-02"),
        _reports("2024-03-05", TALKS, ["c", "d", "e", "f"], "2024-03-06"),
    ]
    assert _ranked(events, ["2024-03-02"] * 2 + ["2024-03-06"] * 4) == ["2024-03-05", "2024-03-01"]


def test_a_source_published_before_the_day_is_a_forecast_not_a_report():
    forecast = _event(
        "2024-03-20",
        [_source(f, TALKS, "2024-03-10") for f in "abcde"],  # told ten days before it happens
    )
    storm = _reports("2024-03-01", STORM, ["f"], "2024-03-01")
    found = key_dates([forecast, storm], ["2024-03-10"] * 5 + ["2024-03-01"], 5)
    assert [kd.date for kd in found] == ["2024-03-01"]


def test_relevance_to_us_iraq_relations_breaks_an_even_count():
    events = [
        _reports("2024-03-01", STORM, ["a", "b"], "2024-03-02", relevance=0.1),
        _reports("2024-03-05", TALKS, ["c", "d"], "2024-03-06", relevance=1.0),
    ]
    assert _ranked(events, ["2024-03-02"] * 2 + ["2024-03-06"] * 2)[0] == "2024-03-05"


def test_a_day_referred_back_to_later_ranks_above_one_forgotten():
    events = [
        _reports("2024-03-01", STORM, ["a", "b"], "2024-03-02"),
        _event(
            "2024-03-05",
            [_source("c", TALKS, "2024-03-06"), _source("d", TALKS_AGAIN, "2024-04-20")],  # weeks later
        ),
    ]
    published = ["2024-03-02", "2024-03-02", "2024-03-06", "2024-03-06", "2024-04-20"]  # an even burst
    assert _ranked(events, published)[0] == "2024-03-05"


def test_a_day_later_articles_keep_naming_ranks_above_one_told_once():
    # Both days are told by two articles on the morrow; only the talks are named afterwards, by
    # time expressions that became no event (a passing 'since the talks of 5 March').
    events = [
        _reports("2024-03-01", STORM, ["a", "b"], "2024-03-02"),
        _reports("2024-03-05", TALKS, ["c", "d"], "2024-03-06"),
    ]
    published = ["2024-03-02"] * 2 + ["2024-03-06"] * 2 + ["2024-03-20"] * 3
    mentions = [("2024-03-02", ["2024-03-01"])] * 2 + [("2024-03-06", ["2024-03-05"])] * 2
    later = [("2024-03-20", ["2024-03-05", "2024-03-05", "2024-03-19"])] * 3  # repeats count once
    found = key_dates(events, published, 2, mentions=mentions + later)
    assert [kd.date for kd in found] == ["2024-03-05", "2024-03-01"]
    assert found[0].evidence["referred"] == 5.0  # the morrow's reports and the three later ones
    assert found[0].evidence["later"] == 3.0


def test_a_day_named_before_it_comes_is_a_plan_not_a_reference():
    events = [
        _reports("2024-03-01", STORM, ["a", "b"], "2024-03-02"),
        _reports("2024-03-05", TALKS, ["c", "d"], "2024-03-06"),
    ]
    published = ["2024-03-02"] * 2 + ["2024-03-06"] * 2 + ["2024-02-20"] * 3
    plans = [("2024-02-20", ["2024-03-05"])] * 3  # 'the talks due on 5 March'
    references = [("2024-03-10", ["2024-03-01"])]
    found = key_dates(events, published, 2, mentions=plans + references)
    assert found[0].date == "2024-03-01"
    assert found[1].evidence["referred"] == 0.0


def test_a_day_long_before_the_collection_is_background_not_a_key_date():
    # Every article looks back to a day years before the collection; the days it covers rank.
    invasion = _event("2003-03-20", [_source(f, TALKS, "2024-03-06") for f in "abcd"])
    trigger = _reports("2024-02-20", STORM, ["e"], "2024-03-06")  # weeks before the first article
    talks = _reports("2024-03-05", TALKS_AGAIN, ["f"], "2024-03-06")
    mentions = [("2024-03-06", ["2003-03-20"])] * 6
    found = key_dates([invasion, trigger, talks], ["2024-03-06"] * 6, 3, mentions=mentions)
    assert sorted(kd.date for kd in found) == ["2024-02-20", "2024-03-05"]


def test_without_time_expressions_the_events_days_stand_in_for_mentions():
    events = [
        _reports("2024-03-01", STORM, ["a", "b"], "2024-03-02"),
        _event("2024-03-05", [_source("c", TALKS, "2024-03-06"), _source("d", TALKS_AGAIN, "2024-03-20")]),
    ]
    published = ["2024-03-02", "2024-03-02", "2024-03-06", "2024-03-20"]
    [talks] = [kd for kd in key_dates(events, published, 2) if kd.date == "2024-03-05"]
    assert (talks.evidence["referred"], talks.evidence["later"]) == (2.0, 1.0)


def test_a_burst_of_publication_after_the_day_raises_it():
    events = [
        _reports("2024-03-01", STORM, ["a", "b"], "2024-03-02"),
        _reports("2024-03-05", TALKS, ["c", "d"], "2024-03-06"),
    ]
    quiet = ["2024-03-02", "2024-03-02", "2024-03-06", "2024-03-06"]
    assert _ranked(events, quiet + ["2024-03-02"] * 6)[0] == "2024-03-01"
    assert _ranked(events, quiet + ["2024-03-06"] * 6)[0] == "2024-03-05"


def test_only_days_are_candidates():
    month = _reports("2024-03-01", STORM, ["a", "b", "c"], "2024-04-02")
    month.date, month.precision, month.end = "2024-03", "month", "2024-03-31"
    talks = _reports("2024-03-05", TALKS, ["d"], "2024-03-06")
    assert _ranked([month, talks], ["2024-04-02"] * 3 + ["2024-03-06"]) == ["2024-03-05"]


def test_k_is_given_or_grows_with_the_collection():
    events = [_reports(f"2024-03-{d:02d}", STORM, [f"f{d}"], f"2024-03-{d:02d}") for d in range(1, 29)]
    published = [f"2024-03-{d:02d}" for d in range(1, 29)]
    assert len(key_dates(events, published, 4)) == 4
    assert len(key_dates(events, published)) == default_k(28, 28) == 8
    assert default_k(2, 1) == 1 and default_k(10_000, 5_000) == 40 and default_k(4, 100) == 3
    assert key_dates([], published) == []


def test_the_summary_is_the_most_central_sentence_and_a_second_that_adds_news():
    events = [
        _event(
            "2024-03-05",
            [
                _source("a", TALKS, "2024-03-06", offset=10),
                _source("b", TALKS_AGAIN, "2024-03-06", offset=200),
                _source("c", TALKS, "2024-03-06", offset=50),
            ],
            name="talks",
        ),
        _event("2024-03-05", [_source("d", AFTER, "2024-03-06", offset=300)], name="vote"),
    ]
    [found] = key_dates(events, ["2024-03-06"] * 4, 1)
    assert found.event_id == "talks"
    assert found.event_ids == ("talks", "vote")
    assert 1 <= len(found.passages) <= 2
    assert found.passages[0].text in (TALKS, TALKS_AGAIN)
    assert [p.text for p in found.passages][-1] == AFTER  # new words, not a retelling of the talks
    assert found.summary == " ".join(p.text for p in found.passages)
    for passage in found.passages:
        assert passage.end - passage.start == len(passage.text)
    assert [s.file for s in found.sources] == ["a", "b", "c", "d"]


def test_a_retelling_is_not_the_second_sentence():
    events = [
        _event(
            "2024-03-05",
            [_source("a", TALKS, "2024-03-06"), _source("b", TALKS_AGAIN, "2024-03-06")],
        )
    ]
    [found] = key_dates(events, ["2024-03-06"] * 2, 1)
    assert len(found.passages) == 1


def test_vietnamese_days_rank_and_summarise_alike():
    events = [
        _event("2024-01-24", [_source(f, VI_TALKS, "2024-01-25", "vi") for f in "abc"]),
        _event("2024-01-20", [_source("d", VI_STORM, "2024-01-21", "vi")]),
    ]
    found = key_dates(events, ["2024-01-25"] * 3 + ["2024-01-21"], 2)
    assert [kd.date for kd in found] == ["2024-01-24", "2024-01-20"]
    assert found[0].summary == VI_TALKS and found[0].score == 1.0 > found[1].score


def test_between_keeps_the_candidates_to_a_period():
    events = [
        _reports("2024-03-01", STORM, ["a", "b", "c"], "2024-03-02"),
        _reports("2024-03-05", TALKS, ["d"], "2024-03-06"),
    ]
    found = key_dates(events, ["2024-03-02"] * 3 + ["2024-03-06"], 2, between=("2024-03-03", "2024-03-31"))
    assert [kd.date for kd in found] == ["2024-03-05"]


def _timeline(folder: Path) -> tuple[list[Document], list[Event]]:
    texts = {"a.txt": "Intro line.\n" + TALKS + "\n", "b.txt": TALKS_AGAIN + "\n" + STORM + "\n"}
    documents = [
        Document(name, text, Metadata(published="2024-03-06", language="en"), ((0, len(text)),), len(text))
        for name, text in texts.items()
    ]
    start_a = texts["a.txt"].index(TALKS)
    start_storm = texts["b.txt"].index(STORM)
    events = [
        _event(
            "2024-03-05",
            [
                _source("a.txt", TALKS, "2024-03-06", offset=start_a),
                _source("b.txt", TALKS_AGAIN, "2024-03-06"),
            ],
        ),
        _event("2024-03-04", [_source("b.txt", STORM, "2024-03-06", offset=start_storm)]),
    ]
    save(folder, documents, events)
    return documents, events


def test_keydates_json_links_each_summary_to_its_passages(tmp_path):
    documents, events = _timeline(tmp_path)
    found = write_key_dates(tmp_path, documents, events, 2)
    data = json.loads((tmp_path / KEYDATES_FILE).read_text(encoding="utf-8"))
    assert data["articles"] == 2 and data["k"] == 2
    assert [d["date"] for d in data["key_dates"]] == [kd.date for kd in found] == ["2024-03-05", "2024-03-04"]
    texts = {d.file: d.text for d in documents}
    for item in data["key_dates"]:
        assert set(item) >= {"rank", "date", "score", "summary", "event_ids", "sources", "passages"}
        for passage in item["passages"]:
            assert texts[passage["file"]][passage["start"] : passage["end"]] == passage["text"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.json", KEYDATES_FILE, "timeline.csv"]
    assert "2024-03-04" in describe(found).splitlines()[0]  # the readable list is in time order


# Later articles of our own that look back to 24 January in passing (no event is built from them).
VI_RECALL = "Hôm nay, giới chức nhắc lại cuộc gặp ngày 24/1/2024 giữa phái đoàn Mỹ và Iraq."
EN_RECALL = "Officials recalled on Friday the talks of January 24, 2024 between the two delegations."


def _document(name: str, text: str, published: str, language: str) -> Document:
    meta = Metadata(published=published, language=language)
    return Document(name, text, meta, ((0, len(text)),), len(text))


def test_the_time_expressions_of_later_articles_are_tagged_in_either_language(tmp_path):
    later = [
        _document("v.txt", VI_RECALL, "2024-02-10", "vi"),
        _document("e.txt", EN_RECALL, "2024-02-10", "en"),
    ]
    assert [sorted(days) for _, days in day_mentions(later)] == [
        ["2024-01-24", "2024-02-10"],
        ["2024-01-24", "2024-02-09"],
    ]
    storm = _event("2024-01-20", [_source(f, VI_STORM, "2024-01-21", "vi") for f in "ab"])
    talks = _event("2024-01-24", [_source(f, VI_TALKS, "2024-01-25", "vi") for f in "cd"])
    reports = [_document(f, "", "2024-01-21", "vi") for f in "ab"]
    reports += [_document(f, "", "2024-01-25", "vi") for f in "cd"]
    found = write_key_dates(tmp_path, reports + later, [storm, talks], 2)
    assert [kd.date for kd in found] == ["2024-01-24", "2024-01-20"]
    assert found[0].evidence["later"] == 2.0 and found[1].evidence["later"] == 0.0


def test_an_article_the_tagger_fails_on_loses_only_its_look_backs(monkeypatch):
    import extract.timex

    real_tag = extract.timex.tag_document

    def tag_document(doc, lang):
        if doc.text == EN_RECALL:
            raise ValueError("a tagger bug")
        return real_tag(doc, lang)

    monkeypatch.setattr(extract.timex, "tag_document", tag_document)
    documents = [
        _document("e.txt", EN_RECALL, "2024-02-10", "en"),
        _document("v.txt", VI_RECALL, "2024-02-10", "vi"),
    ]
    assert [sorted(days) for _, days in day_mentions(documents)] == [["2024-01-24", "2024-02-10"]]


def test_cli_keydates_writes_the_file_and_prints_the_list(tmp_path, capsys):
    _timeline(tmp_path)
    assert main(["keydates", str(tmp_path), "--k", "1"]) == 0
    printed = capsys.readouterr().out
    assert "2024-03-05" in printed and (TALKS in printed or TALKS_AGAIN in printed)
    assert json.loads((tmp_path / KEYDATES_FILE).read_text(encoding="utf-8"))["k"] == 1


def test_cli_keydates_without_a_timeline_is_a_usage_error(tmp_path, capsys):
    assert main(["keydates", str(tmp_path)]) == 2
    assert "run build first" in capsys.readouterr().err


def test_cli_build_writes_keydates_too(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    text = "Washington, March 6, 2024. " + TALKS.replace("met", "met on Tuesday, March 5, 2024,")
    (articles / "one.txt").write_text(text + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(articles), "--out", str(out)]) == 0
    data = json.loads((out / KEYDATES_FILE).read_text(encoding="utf-8"))
    assert data["articles"] == 1
    assert [d["date"] for d in data["key_dates"]] == ["2024-03-05"]


def test_the_collections_last_day_is_judged_by_what_can_be_seen_of_it():
    # Both days are told by three articles of their own day. The first is named by one later
    # article; no article comes after the last day, so nothing can name it, and it is not ranked
    # down for that: its reports (more outlets' worth of articles) decide.
    events = [
        _reports("2024-03-01", STORM, ["a", "b", "c"], "2024-03-01"),
        _reports("2024-03-04", TALKS, ["d", "e", "f", "g"], "2024-03-04"),
    ]
    published = ["2024-03-01"] * 3 + ["2024-03-03"] + ["2024-03-04"] * 4
    mentions = [("2024-03-03", ["2024-03-01"])]
    found = key_dates(events, published, 2, mentions=mentions)
    assert [kd.date for kd in found] == ["2024-03-04", "2024-03-01"]
    assert found[0].evidence["referred"] is None and found[0].evidence["burst"] is None
    assert found[1].evidence["referred"] == 1.0
