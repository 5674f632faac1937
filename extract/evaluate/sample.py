"""``python -m extract sample OUT``: a reproducible random sample of events to judge by hand.

Each event is shown with what a judge needs to decide four things quickly (is the date right, is
it a real happening, is the title readable, is the relevance decision right): its date, title,
gloss, actors, relevance and whether the dashboard shows it by default, and its first source's
passage with the time expression marked. ``--format jsonl`` writes the same as a judging sheet,
one event a line with empty verdict fields.
"""

from __future__ import annotations

import json
import random
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from extract.model import SHOWN_BY_DEFAULT
from extract.read import InputError

MARK_OPEN, MARK_CLOSE = "[[", "]]"
# The questions of the hand-judged protocol (issue 10); the sheet leaves one field for each.
VERDICTS = ("right_date", "real_happening", "readable_title", "relevance_right")
_WIDTH = 100


@dataclass(frozen=True)
class SampledEvent:
    """One event of the sample with the output folder it came from."""

    out: str
    event: dict

    @property
    def shown(self) -> bool:
        return self.event.get("relevance", 0.0) >= SHOWN_BY_DEFAULT


def load_events(out: Path) -> list[dict]:
    """The events of ``OUT/events.json`` (or of the file itself when given a file); a missing or
    unreadable file is an ``InputError`` whose message names it."""
    path = out / "events.json" if out.is_dir() else out
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)["events"]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        reason = "not found" if isinstance(error, FileNotFoundError) else "not a build's events.json"
        raise InputError(f"{path}: {reason}") from error


def draw(outs: Sequence[Path], n: int, seed: int, shown_only: bool = False) -> list[SampledEvent]:
    """``n`` events drawn without replacement from all ``outs`` together; the same seed, the same sample."""
    pool = [SampledEvent(str(out), event) for out in outs for event in load_events(out)]
    if shown_only:
        pool = [item for item in pool if item.shown]
    return random.Random(seed).sample(pool, min(n, len(pool)))


def marked_passage(source: dict) -> str:
    """The passage with its time expression between ``[[`` and ``]]`` (offsets are into the same text)."""
    passage = source["passage"]
    start = source["timex_start"] - source["passage_start"]
    end = source["timex_end"] - source["passage_start"]
    if not 0 <= start <= end <= len(passage):  # the time expression lies outside the passage
        return passage
    return passage[:start] + MARK_OPEN + passage[start:end] + MARK_CLOSE + passage[end:]


def sheet_row(index: int, item: SampledEvent) -> dict:
    """One line of the judging sheet: the facts, then a blank verdict per question and a note."""
    event = item.event
    source = event["sources"][0]
    return {
        "n": index,
        "out": item.out,
        "id": event["id"],
        "date": event["date"],
        "precision": event["precision"],
        "status": event.get("status", "happened"),
        "title": event["title"],
        "summary_en": event.get("summary_en", ""),
        "actors": event["actors"],
        "category": event["category"],
        "relevance": event.get("relevance", 0.0),
        "shown_by_default": item.shown,
        "sources": len(event["sources"]),
        "file": source["file"],
        "published": source["published"],
        "timex_text": source["timex_text"],
        "passage": marked_passage(source),
        **dict.fromkeys(VERDICTS),
        "note": "",
    }


def _wrapped(label: str, text: str) -> Iterator[str]:
    lines = textwrap.wrap(" ".join(text.split()), _WIDTH - 12) or [""]
    yield f"  {label:<9} {lines[0]}"
    for line in lines[1:]:
        yield " " * 12 + line


def render_text(sample: Sequence[SampledEvent]) -> str:
    """The sample as blocks a person can scan: verdict-relevant facts first, the passage last."""
    lines = []
    for index, item in enumerate(sample, start=1):
        row = sheet_row(index, item)
        shown = "SHOWN by default" if row["shown_by_default"] else "context (hidden by default)"
        more = f" (+{row['sources'] - 1} more sources)" if row["sources"] > 1 else ""
        when = f"{row['date']} ({row['precision']}{', scheduled' if row['status'] == 'scheduled' else ''})"
        lines.append(f"[{index}/{len(sample)}] {when}  {shown}")
        lines += _wrapped("title", row["title"])
        lines += _wrapped("summary", row["summary_en"])
        lines.append(
            f"  {'actors':<9} {', '.join(row['actors']) or '-'}  category {row['category']}"
            f"  relevance {row['relevance']:.2f} (shown from {SHOWN_BY_DEFAULT})"
        )
        lines.append(f"  {'source':<9} {row['file']}{more}  published {row['published'] or '?'}")
        lines.append(f"  {'timex':<9} {row['timex_text']!r}")
        lines += _wrapped("passage", row["passage"])
        lines.append("")
    return "\n".join(lines)


def render_jsonl(sample: Sequence[SampledEvent]) -> str:
    return "\n".join(
        json.dumps(sheet_row(i, item), ensure_ascii=False) for i, item in enumerate(sample, start=1)
    )


def main(outs: Sequence[Path], n: int, seed: int, shown_only: bool, fmt: str) -> str:
    sample = draw(outs, n, seed, shown_only)
    return render_jsonl(sample) if fmt == "jsonl" else render_text(sample)
