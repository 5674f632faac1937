"""The evaluation's figures as a compact table (dataset x metric, ours beside the peer)."""

from __future__ import annotations

from collections.abc import Iterator

from extract.evaluate.keydates import render as keydates_table

_LABEL = 28
_COLUMN = 16

# (label, path into one system's gold figures)
_GOLD_ROWS = [
    ("time exprs relaxed F1", lambda r: r["timex"]["relaxed"]["f1"]),
    ("time exprs strict F1", lambda r: r["timex"]["strict"]["f1"]),
    ("time exprs value F1", lambda r: r["timex"]["value"]["f1"]),
    ("traps hit", lambda r: len(r["traps_hit"])),
    ("boilerplate false pos.", lambda r: len(r["boilerplate_fps"])),
    ("events lenient F1", lambda r: r["events"]["lenient"]["f1"]),
    ("events strict F1", lambda r: r["events"]["strict"]["f1"]),
    ("event boilerplate leaks", lambda r: r["events"]["boilerplate_leaks"]),
    ("events: actors agree", lambda r: r["events"]["agreement"]["actors"]),
    ("events: category agrees", lambda r: r["events"]["agreement"]["category"]),
    ("events: tone agrees", lambda r: r["events"]["agreement"]["tone"]),
]
_TEMPEVAL_ROWS = [
    ("TempEval-3 strict F1", lambda r: r["strict"]["f1"]),
    ("TempEval-3 relaxed F1", lambda r: r["relaxed"]["f1"]),
    ("TempEval-3 value F1", lambda r: r["value"]["f1"]),
    ("TempEval-3 type accuracy", lambda r: r["type_accuracy"]),
]


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _pair(section: dict | None, systems: list[str], get) -> str:
    """Ours, then the peer's figure in brackets when the peer has one."""
    if not section:
        return "-"
    figures = []
    for name in systems:
        try:
            figures.append(_cell(get(section[name])))
        except KeyError:
            continue
    if not figures:
        return "-"
    return figures[0] + (f" ({figures[1]})" if len(figures) > 1 else "")


def _table(figures: dict) -> Iterator[str]:
    systems = figures["systems"]
    legend = f"{systems[0]} ({systems[1]})" if len(systems) > 1 else systems[0]
    datasets = list(figures["gold"])
    yield legend.ljust(_LABEL) + "".join(d.rjust(_COLUMN) for d in datasets)
    for label, get in _GOLD_ROWS:
        cells = [_pair(figures["gold"][d], systems, get) for d in datasets]
        yield label.ljust(_LABEL) + "".join(c.rjust(_COLUMN) for c in cells)
    if "duckling" in figures:
        yield "Duckling vi share right".ljust(_LABEL) + _pair(
            figures["duckling"], systems, lambda r: r["share"]
        ).rjust(_COLUMN)
    if "tempeval" in figures:
        for label, get in _TEMPEVAL_ROWS:
            yield label.ljust(_LABEL) + _pair(figures["tempeval"], systems, get).rjust(_COLUMN)


# (column, key in a topic's real-news figures); lost and cut titles have target 0
_REALNEWS_COLUMNS = [
    ("articles", "articles"),
    ("lost", "lost"),
    ("events", "events"),
    ("shown", "shown"),
    ("dup pairs", "duplicate_pairs"),
    ("with copy", "events_with_copy"),
    ("1-sentence", "one_sentence_pairs"),
    ("title cut", "titles_cut_in_word"),
    ("time-only", "titles_time_only"),
    ("s", "seconds"),
]
_REALNEWS_WIDTH = 11


def _realnews_table(report: dict) -> Iterator[str]:
    """Real news (T17), one row per topic: what was built and what looks wrong, without gold."""
    scope = "all articles" if report["per_topic"] is None else f"{report['per_topic']} articles a topic"
    yield f"real news, T17 ({scope}; shown = relevance >= SHOWN_BY_DEFAULT)"
    yield "dup pairs: unmerged copies from two passages; 1-sentence: adjacent-day pairs from one sentence"
    yield "topic".ljust(12) + "".join(name.rjust(_REALNEWS_WIDTH) for name, _ in _REALNEWS_COLUMNS)
    rows = {**report["topics"], "overall": report["overall"]}
    for topic, row in rows.items():
        cells = [_cell(row.get(key)) for _, key in _REALNEWS_COLUMNS]
        yield topic.ljust(12) + "".join(c.rjust(_REALNEWS_WIDTH) for c in cells)


def _realnews_details(report: dict) -> Iterator[str]:
    """Every event shown by default and a few examples of each failure, per topic."""
    for topic, row in report["topics"].items():
        for kind, items in row["examples"].items():
            for item in items:
                if isinstance(item, list):  # a pair of duplicates
                    yield f"t17 {topic}: {kind}: " + " <> ".join(_line(i) for i in item)
                else:
                    yield f"t17 {topic}: {kind}: " + (_line(item) if isinstance(item, dict) else str(item))


def _line(item: dict) -> str:
    return " ".join(
        f"{key}={value!r}" if isinstance(value, str) else f"{key}={value}" for key, value in item.items()
    )


def _details(figures: dict) -> Iterator[str]:
    """Failures of our tagger and events, for ``--verbose``."""
    ours = figures["systems"][0]
    for dataset, results in figures["gold"].items():
        if dataset == "overall":
            continue
        for item in results[ours]["failures"]:
            yield f"{dataset}: {item['kind']}: " + _line({k: v for k, v in item.items() if k != "kind"})
        for item in results[ours]["traps_hit"]:
            yield f"{dataset}: trap hit: {_line(item)}"
    for item in figures.get("duckling", {}).get(ours, {}).get("failures", []):
        yield f"duckling failure: {_line(item)}"
    for item in figures.get("tempeval", {}).get(ours, {}).get("failures", []):
        yield f"TempEval-3 {item['kind']}: " + _line({k: v for k, v in item.items() if k != "kind"})
    if "realnews" in figures:
        yield from _realnews_details(figures["realnews"])


def summary(figures: dict) -> list[str]:
    """The last lines: the headline figures, ours (peer) where a peer ran."""
    systems = figures["systems"]

    def pair(section: dict | None, get) -> str:
        return _pair(section, systems, get)

    overall = figures["gold"]["overall"]
    ours = overall[systems[0]]
    lines = [
        "summary"
        + (f" ({systems[1]} in brackets)" if len(systems) > 1 else "")
        + ": seeds+dev time expressions relaxed F1 "
        + pair(overall, lambda r: r["timex"]["relaxed"]["f1"])
        + ", value F1 "
        + pair(overall, lambda r: r["timex"]["value"]["f1"])
        + f", traps hit {len(ours['traps_hit'])}, boilerplate FPs {len(ours['boilerplate_fps'])}",
        f"summary: events lenient F1 {_cell(ours['events']['lenient']['f1'])}"
        f", strict F1 {_cell(ours['events']['strict']['f1'])}"
        f", boilerplate leaks {ours['events']['boilerplate_leaks']}"
        f", actors/category agree {_cell(ours['events']['agreement']['actors'])}"
        f"/{_cell(ours['events']['agreement']['category'])}",
        "summary: duckling vi "
        + pair(figures.get("duckling"), lambda r: r["share"])
        + ", TempEval-3 value F1 "
        + pair(figures.get("tempeval"), lambda r: r["value"]["f1"])
        + f" ({figures.get('seconds', '?')} s)",
    ]
    if "own_articles" in figures:
        lines.append(
            "summary: own articles (development), events lenient/strict F1 "
            + ", ".join(
                f"{_cell(h['lenient']['f1'])}/{_cell(h['strict']['f1'])} {label}"
                for label, h in zip(
                    ("with manifest", "without"), figures["own_articles"].values(), strict=True
                )
            )
        )
    if "realnews" in figures:
        total = figures["realnews"]["overall"]
        lines.append(
            f"summary: real news (T17) {total['articles']} articles, {total['lost']} lost, "
            f"{total['events']} events, {total['shown']} shown by default, "
            f"{total['events_with_copy']} with an unmerged copy, {total['titles_cut_in_word']} titles cut "
            f"inside a word, {total['titles_time_only']} only a time"
        )
    if "keydates" in figures:
        mean = figures["keydates"]["mean_topics"]
        f1 = mean["date_f1"]
        lines.append(
            f"summary: T17 key dates, mean Date-F1 {_cell(f1['ours'])} (publication count "
            f"{_cell(f1['publication_count'])}, mention count {_cell(f1['mention_count'])}), "
            f"alignment ROUGE-1 F1 {_cell(mean['rouge1'])}"
        )
    if figures["skipped"]:
        lines.append("skipped (absent): " + ", ".join(figures["skipped"]))
    return lines


def render(figures: dict, verbose: bool = False) -> str:
    lines = list(_details(figures)) if verbose else []
    lines += _table(figures)
    if "realnews" in figures:
        lines += _realnews_table(figures["realnews"])
    if "keydates" in figures:
        lines += keydates_table(figures["keydates"]).splitlines()
    lines += summary(figures)
    return "\n".join(lines)
