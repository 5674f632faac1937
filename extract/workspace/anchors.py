"""Anchors: how a human decision names the sources it concerns, so it finds them again after a
rebuild.

An anchor is a source's file, passage offsets, time-expression offsets and text, and a hash of the
passage's content. Against a new extraction it resolves, in this order, to

1. the source at the same offsets whose passage has the same hash (the passage is unchanged);
2. a source of the same file whose passage has the same hash and the time expression at the same
   place within it (the file changed and the passage moved), the nearest one if it occurs twice;
3. the same, with the same time-expression text anywhere in the passage;

else to nothing: the source vanished (the file was deleted, or that passage was rewritten) and the
decision is listed as an orphan. A passage is never looked for in another file: a syndicated copy
elsewhere is another article.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from typing import Literal

from extract.model import Event, Source

SourceKey = tuple[str, int, int, int, int]  # file, passage_start, passage_end, timex_start, timex_end
Resolution = Literal["same", "moved"]


def passage_hash(passage: str) -> str:
    """The passage's content, blind to Unicode normal form and to how its spaces were written."""
    canonical = " ".join(unicodedata.normalize("NFC", passage).split())
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()[:20]


def source_key(source: Source) -> SourceKey:
    return (source.file, source.passage_start, source.passage_end, source.timex_start, source.timex_end)


def anchor(source: Source, digest: str | None = None) -> dict:
    """The JSON-ready anchor of ``source`` (``digest``: its passage hash, when already known)."""
    return {
        "file": source.file,
        "passage_start": source.passage_start,
        "passage_end": source.passage_end,
        "timex_start": source.timex_start,
        "timex_end": source.timex_end,
        "timex_text": source.timex_text,
        "hash": digest or passage_hash(source.passage),
    }


@dataclass(frozen=True)
class _Candidate:
    key: SourceKey
    timex_offset: tuple[int, int]  # the time expression's offsets within the passage
    timex_text: str


class SourceIndex:
    """Every source of one extraction, found by offsets or by passage content. ``hashes`` (every
    source's passage hash, as the workspace stores them) saves hashing every passage again."""

    def __init__(self, events: list[Event], hashes: dict[SourceKey, str] | None = None) -> None:
        self.by_key: dict[SourceKey, tuple[int, int]] = {}  # -> (event index, source index)
        for e, event in enumerate(events):
            for s, source in enumerate(event.sources):
                self.by_key.setdefault(source_key(source), (e, s))
        self._events = events
        self.hash_of = hashes if hashes is not None else self._hashes()
        self._content: dict[tuple[str, str], list[_Candidate]] | None = None  # made when first needed

    def _hashes(self) -> dict[SourceKey, str]:
        return {source_key(s): passage_hash(s.passage) for e in self._events for s in e.sources}

    def _by_content(self) -> dict[tuple[str, str], list[_Candidate]]:
        if self._content is None:
            self._content = {}
            for event in self._events:
                for source in event.sources:
                    key = source_key(source)
                    offset = (
                        source.timex_start - source.passage_start,
                        source.timex_end - source.passage_start,
                    )
                    candidate = _Candidate(key, offset, source.timex_text)
                    self._content.setdefault((source.file, self.hash_of[key]), []).append(candidate)
        return self._content

    def resolve(self, anchor: dict) -> tuple[SourceKey, Resolution] | None:
        """The source ``anchor`` names in this extraction, and whether it moved; None if vanished."""
        file, start = anchor["file"], anchor["passage_start"]
        key = (file, start, anchor["passage_end"], anchor["timex_start"], anchor["timex_end"])
        if key in self.by_key and self.hash_of[key] == anchor["hash"]:
            return key, "same"
        candidates = self._by_content().get((file, anchor["hash"]), [])
        offset = (anchor["timex_start"] - start, anchor["timex_end"] - start)
        for fits in (
            [c for c in candidates if c.timex_offset == offset],
            [c for c in candidates if c.timex_text == anchor["timex_text"]],
        ):
            if fits:
                nearest = min(fits, key=lambda c: abs(c.key[1] - start))
                return nearest.key, "moved"
        return None
