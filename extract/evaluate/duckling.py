"""Duckling's Vietnamese time phrases: the share each tagger resolves right at the reference time.

A phrase is right when its longest time expression has a value that, cut to the case's grain,
equals the expected start (for an interval, its start). Representations Duckling lacks are
mapped: ``PRESENT_REF`` is the reference time, a part of day (``TEV``) starts at Duckling's hour
for it, a TimeML season (``2017-SU``) is right when its months hold the expected first day, a
week value is compared by ISO week. Negative phrases must yield nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from extract.evaluate.systems import Tagger
from extract.period import period

# Where Duckling's part-of-day intervals start (hour), for TIMEX3 values such as 2017-02-02TEV.
_PART_OF_DAY_HOUR = {"MO": "04", "MI": "12", "AF": "12", "EV": "18", "NI": "18"}
_PART_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(MO|MI|AF|EV|NI)$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_SEASON = re.compile(r"^\d{4}-(SP|SU|FA|WI)$")
_CUT = {"year": 4, "month": 7, "day": 10, "hour": 13, "minute": 16, "second": 19}


@dataclass
class DucklingResult:
    right: int = 0
    total: int = 0
    failures: list[dict] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0

    def to_json(self, verbose: bool = True) -> dict:
        data = {"right": self.right, "total": self.total, "share": round(self.share, 4)}
        if verbose:
            data["failures"] = self.failures
        return data


def value_right(value: str, grain: str, start: str, reference: str) -> bool:
    """Whether a TIMEX3 value, cut to ``grain``, names the expected ``start``."""
    value = value.partition("/")[0]  # an interval's start
    if grain == "second" and value == "PRESENT_REF":
        return start[:16] == reference[:16]
    if grain == "quarter":
        return value == start
    if grain == "week":
        if m := _WEEK.match(value):
            year, week, _ = date.fromisoformat(start[:10]).isocalendar()
            return (int(m[1]), int(m[2])) == (year, week)
        return value[:10] == start[:10] and bool(_DAY.match(value))
    if _SEASON.match(value):  # TimeML names the season Duckling gives as astronomical days
        season = period(value)
        return season.dated and season.start <= date.fromisoformat(start[:10]) <= season.end
    if grain in ("hour", "minute") and (m := _PART_OF_DAY.match(value)):
        value = f"{m[1]}T{_PART_OF_DAY_HOUR[m[2]]}"
    cut = _CUT[grain]
    expected = start[:cut]
    if grain == "second" and expected.endswith(":00"):
        expected = expected[:16]  # a value to the minute names a whole minute's first second
    return len(value) >= len(expected) and value[: len(expected)] == expected


def evaluate_phrases(path: Path, tagger: Tagger, reference: str) -> DucklingResult:
    """Tag each phrase alone in Vietnamese, published at ``reference`` (ISO date-time)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    result = DucklingResult()
    for case in data["cases"]:
        timexes = tagger(case["phrase"], reference, "vi", None)
        longest = max(timexes, key=lambda t: t.end - t.start, default=None)
        result.total += 1
        if longest and value_right(longest.value, case["grain"], case["start"], reference):
            result.right += 1
        else:
            result.failures.append(
                {
                    "phrase": case["phrase"],
                    "grain": case["grain"],
                    "expected": case["start"],
                    "got": [f"{t.text}={t.value}" for t in timexes],
                }
            )
    for phrase in data.get("negative", []):
        timexes = tagger(phrase, reference, "vi", None)
        result.total += 1
        if timexes:
            result.failures.append(
                {"phrase": phrase, "expected": "nothing", "got": [f"{t.text}={t.value}" for t in timexes]}
            )
        else:
            result.right += 1
    return result
