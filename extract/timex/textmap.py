"""NFC text for matching, with a map from its offsets back to the original text's offsets."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass


@dataclass(frozen=True)
class NormalText:
    text: str  # NFC form of the original
    _starts: tuple[int, ...] | None  # original offset of each NFC character; None when unchanged
    _length: int

    def original(self, offset: int) -> int:
        """Offset in the original text of the NFC ``offset`` (a start or an end)."""
        if self._starts is None:
            return offset
        return self._starts[offset] if offset < len(self._starts) else self._length

    def normal(self, offset: int) -> int:
        """Offset in the NFC text of an original ``offset``."""
        return offset if self._starts is None else bisect_left(self._starts, offset)


def _clusters(text: str):
    """(start, end) of each base character with the combining marks that follow it."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            yield start, i
            start = i


def normal(text: str) -> NormalText:
    if unicodedata.is_normalized("NFC", text):
        return NormalText(text, None, len(text))
    pieces: list[str] = []
    starts: list[int] = []
    for start, end in _clusters(text):
        piece = unicodedata.normalize("NFC", text[start:end])
        pieces.append(piece)
        # a composed cluster maps all its characters to the cluster's start
        starts.extend([start] * len(piece))
    return NormalText("".join(pieces), tuple(starts), len(text))
