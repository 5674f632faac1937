"""Article metadata from a manifest CSV: ``file,title,outlet,url,published,language``.

A row with a problem is reported on its line and loses only what is wrong with it: a bad date
leaves that article's date unknown, a repeated file keeps its first row, a quoted cell that runs
over several lines (an unclosed quote) drops that row.
"""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from extract.model import Metadata
from extract.read import InputError, decode, read_bytes

COLUMNS = ("file", "title", "outlet", "url", "published", "language")
MAX_MANIFEST_BYTES = 50 * 1024 * 1024

# ISO dates, possibly partial (2020, 2020-02, 2020-02-14); a time after the day is dropped.
_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.+\-Z]*)?")


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def read_manifest(path: Path, warn: Callable[[str], None] = _stderr) -> dict[str, Metadata]:
    """Metadata by file name; blank cells are unknown; each row's problems go to ``warn``."""
    text = decode(read_bytes(path, MAX_MANIFEST_BYTES), path.name)  # BOM, UTF-16, legacy encodings
    reader = csv.DictReader(text.splitlines(keepends=True))
    if reader.fieldnames is None:
        return {}
    if "file" not in reader.fieldnames:
        raise InputError(f"{path.name}: the manifest has no 'file' column (expected {','.join(COLUMNS)})")
    found: dict[str, Metadata] = {}
    first_line: dict[str, int] = {}
    while True:
        line = reader.line_num + 1  # where the next row starts (blank lines aside)
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise InputError(f"{path.name} line {reader.line_num}: malformed CSV ({error})") from error
        cells = [v for v in row.values() if isinstance(v, str)]
        where = f"{path.name} line {line}"
        if any("\n" in v for v in cells):
            warn(f"{where}: a quoted cell runs over several lines (a quote never closed?); row skipped")
            continue
        name = Path(_cell(row, "file") or "").name
        if not name:
            continue
        if name in found:
            warn(f"{where}: {name} is listed again (first on line {first_line[name]}); the first row is kept")
            continue
        first_line[name] = line
        found[name] = Metadata(
            title=_cell(row, "title"),
            outlet=_cell(row, "outlet"),
            url=_cell(row, "url"),
            published=_published(_cell(row, "published"), where, warn),
            language=_language(_cell(row, "language")),
        )
    return found


def _cell(row: dict, column: str) -> str | None:
    value = row.get(column)
    return value.strip() or None if isinstance(value, str) else None


def iso_published(value: str) -> str:
    """``value`` as an ISO date of the calendar, maybe partial (2020, 2020-02, 2020-02-14), year >= 1;
    ValueError otherwise."""
    m = _PUBLISHED.fullmatch(value.strip())
    if not m:
        raise ValueError(f"'{value}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError as error:
        raise ValueError(f"'{value}' is not a date of the calendar ({error})") from error
    return "-".join(g for g in m.groups() if g)


def _published(value: str | None, where: str, warn: Callable[[str], None]) -> str | None:
    if value is None:
        return None
    try:
        return iso_published(value)
    except ValueError as error:
        warn(f"{where}: published {error}; the article's date is left unknown")
        return None


def _language(value: str | None) -> str | None:
    """The primary language subtag: ``vi-VN`` -> ``vi``."""
    return value.lower().replace("_", "-").split("-")[0] if value else None
