"""Find time expressions and normalise them to TIMEX3, anchored to publication date or narrative."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.model import Timex

_DMY = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def tag(
    text: str,
    *,
    published: str | None = None,
    lang: str = "vi",
    regions: Sequence[tuple[int, int]] | None = None,
) -> list[Timex]:
    """Time expressions of ``text`` (only inside ``regions`` when given), in text order."""
    found = []
    for start, end in regions or [(0, len(text))]:
        for m in _DMY.finditer(text, start, end):
            value = f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
            found.append(Timex(m.start(), m.end(), m[0], "DATE", value))
    return found
