"""Guess an article's language when no manifest names it."""

from __future__ import annotations

import unicodedata

# Letters that only Vietnamese writes among the languages the project reads.
_VIETNAMESE = set("ăâđêôơưĂÂĐÊÔƠƯ")
_VIETNAMESE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def detect(text: str) -> str:
    """``vi`` when Vietnamese letters or tone marks are common, else ``en``."""
    sample = unicodedata.normalize("NFD", text[:5000])
    letters = sum(ch.isalpha() for ch in sample) or 1
    marks = sum(ch in _VIETNAMESE_MARKS or ch in _VIETNAMESE for ch in sample)
    marks += sum(ch in _VIETNAMESE for ch in unicodedata.normalize("NFC", sample))
    return "vi" if marks / letters > 0.02 else "en"
