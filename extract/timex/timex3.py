"""Validity of TIMEX3 (type, value, mod) triples as this project writes them."""

from __future__ import annotations

import re
from datetime import date

_YEAR = r"(?:\d{4}|XXXX)"
_DAY = rf"{_YEAR}-(?:\d{{2}}|XX)-(?:\d{{2}}|XX)"
_CALENDAR = (
    rf"{_DAY}|{_YEAR}-(?:\d{{2}}|XX)|{_YEAR}-W(?:\d{{2}}|XX)(?:-WE|-[1-7])?|{_YEAR}-Q(?:[1-4]|X)"
    rf"|{_YEAR}-H[12]|{_YEAR}-(?:SP|SU|FA|WI)|\d{{4}}|\d{{3}}|\d{{2}}|XXXX"
)
_CLOCK = r"T(?:MO|MI|AF|EV|NI|DT|(?:\d{2}|XX)(?::(?:\d{2}|XX)(?::\d{2})?)?)"
_N = r"(?:\d+|X)"
# one unit (P3DE, PT2H) or several, largest first (P2Y6M, PT1M30S)
_DURATION = (
    rf"P(?:{_N}(?:DE|CE|Q)|(?=\d|X|T)(?:{_N}Y)?(?:{_N}M)?(?:{_N}W)?(?:{_N}D)?"
    rf"(?:T(?=\d|X)(?:{_N}H)?(?:{_N}M)?(?:{_N}S)?)?)"
)
_REF = r"PAST_REF|PRESENT_REF|FUTURE_REF"
_POINT = rf"(?:{_CALENDAR})(?:{_CLOCK})?"
_PATTERNS = {
    "DATE": re.compile(rf"(?:{_CALENDAR}|{_REF}|{_POINT}/{_POINT})"),
    "TIME": re.compile(rf"(?:{_DAY}{_CLOCK}|{_REF}|{_POINT}/{_POINT})"),
    "DURATION": re.compile(_DURATION),
    "SET": re.compile(rf"(?:{_DURATION}|{_CALENDAR}|{_CLOCK})"),
}
MODS = {"START", "MID", "END", "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS"}
_FULL_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def is_valid(kind: str, value: str, mod: str | None = None) -> bool:
    """True when ``value`` is a TIMEX3 value of type ``kind`` and every full date in it exists."""
    pattern = _PATTERNS.get(kind)
    if pattern is None or not pattern.fullmatch(value) or (mod is not None and mod not in MODS):
        return False
    try:
        for m in _FULL_DAY.finditer(value):
            date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return False
    return True
