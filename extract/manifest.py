"""Article metadata from a manifest CSV: ``file,title,outlet,url,published,language``."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from extract.model import Metadata
from extract.read import InputError

COLUMNS = ("file", "title", "outlet", "url", "published", "language")

# ISO dates, possibly partial (2020, 2020-02, 2020-02-14); a time after the day is dropped.
_PUBLISHED = re.compile(r"(\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?)(?:[T ][\d:.+\-Z]*)?")


def read_manifest(path: Path) -> dict[str, Metadata]:
    """Metadata by file name; blank cells are unknown."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(f"{path.name}: cannot read the manifest ({error})") from error
    if rows and "file" not in rows[0]:
        raise InputError(f"{path.name}: the manifest has no 'file' column (expected {','.join(COLUMNS)})")
    return {
        Path(row["file"]).name: Metadata(
            title=_cell(row, "title"),
            outlet=_cell(row, "outlet"),
            url=_cell(row, "url"),
            published=_published(_cell(row, "published"), f"{path.name} line {line}"),
            language=_language(_cell(row, "language")),
        )
        for line, row in enumerate(rows, start=2)
        if row.get("file")
    }


def _cell(row: dict, column: str) -> str | None:
    return (row.get(column) or "").strip() or None


def _published(value: str | None, where: str) -> str | None:
    if value is None:
        return None
    if m := _PUBLISHED.fullmatch(value):
        return m[1]
    raise InputError(f"{where}: published '{value}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _language(value: str | None) -> str | None:
    """The primary language subtag: ``vi-VN`` -> ``vi``."""
    return value.lower().replace("_", "-").split("-")[0] if value else None
