"""The evaluation's figures as a compact table (dataset x metric, ours beside the peer)."""

from __future__ import annotations

from collections.abc import Iterator

_WIDTH = 44


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def _rows(figures: dict) -> Iterator[tuple[str, list[object]]]:
    systems = figures["systems"]

    def each(section: dict, get) -> list[object]:
        values = []
        for name in systems:
            try:
                values.append(get(section[name]))
            except KeyError:
                values.append(None)
        return values

    for dataset, results in figures["gold"].items():
        for kind in ("relaxed", "strict", "value"):
            yield (
                f"{dataset}: time expressions {kind} F1",
                each(results, lambda r, k=kind: r["timex"][k]["f1"]),
            )
        yield f"{dataset}: traps hit", each(results, lambda r: len(r["traps_hit"]))
        yield f"{dataset}: boilerplate false positives", each(results, lambda r: len(r["boilerplate_fps"]))
        yield f"{dataset}: events lenient F1", each(results, lambda r: r["events"]["lenient"]["f1"])
        yield f"{dataset}: events strict F1", each(results, lambda r: r["events"]["strict"]["f1"])
        yield f"{dataset}: event boilerplate leaks", each(results, lambda r: r["events"]["boilerplate_leaks"])
        for what in ("actors", "category", "tone"):
            yield (
                f"{dataset}: events {what} agree",
                each(results, lambda r, w=what: r["events"]["agreement"][w]),
            )
    if "duckling" in figures:
        yield "duckling vi phrases: share right", each(figures["duckling"], lambda r: r["share"])
    if "tempeval" in figures:
        for kind in ("strict", "relaxed", "value"):
            yield f"TempEval-3 train: {kind} F1", each(figures["tempeval"], lambda r, k=kind: r[k]["f1"])
        yield "TempEval-3 train: type accuracy", each(figures["tempeval"], lambda r: r["type_accuracy"])


def _details(figures: dict) -> Iterator[str]:
    """Failures of our tagger, for ``--verbose``."""
    for dataset, results in figures["gold"].items():
        if dataset == "overall":
            continue
        ours = results[figures["systems"][0]]
        for key in ("missed", "false_positives", "wrong_values"):
            for item in ours["timex"].get(key, []):
                yield f"{dataset} timex {key}: {item}"
        for item in ours["traps_hit"]:
            yield f"{dataset} trap hit: {item}"
        for item in ours["boilerplate_fps"]:
            yield f"{dataset} boilerplate: {item}"
        for key in ("missed", "false_positives", "disagreements"):
            for item in ours.get("events", {}).get(key, []):
                yield f"{dataset} events {key}: {item}"
    for item in figures.get("duckling", {}).get(figures["systems"][0], {}).get("failures", []):
        yield f"duckling failure: {item}"
    for item in figures.get("tempeval", {}).get(figures["systems"][0], {}).get("wrong_values", [])[:40]:
        yield f"tempeval wrong value: {item}"


def summary(figures: dict) -> list[str]:
    """The last lines: the headline figures, ours (peer) where a peer ran."""
    systems = figures["systems"]

    def pair(section: dict | None, get) -> str:
        if not section:
            return "-"
        text = _cell(get(section[systems[0]]))
        if len(systems) > 1 and systems[1] in section:
            text += f" ({systems[1]} {_cell(get(section[systems[1]]))})"
        return text

    overall = figures["gold"]["overall"]
    ours = overall[systems[0]]
    lines = [
        "summary: seeds+dev time expressions relaxed F1 "
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
    if figures["skipped"]:
        lines.append("skipped (absent): " + ", ".join(figures["skipped"]))
    return lines


def render(figures: dict, verbose: bool = False) -> str:
    systems = figures["systems"]
    lines = list(_details(figures)) if verbose else []
    lines.append("metric".ljust(_WIDTH) + "".join(name.rjust(12) for name in systems))
    for label, values in _rows(figures):
        lines.append(label.ljust(_WIDTH) + "".join(_cell(v).rjust(12) for v in values))
    lines += summary(figures)
    return "\n".join(lines)
