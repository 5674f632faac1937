"""Article metadata from a manifest CSV: ``file,title,outlet,url,published,language``."""

from __future__ import annotations

import csv
from pathlib import Path

from extract.model import Metadata
from extract.read import InputError

COLUMNS = ("file", "title", "outlet", "url", "published", "language")


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
            title=(row.get("title") or "").strip() or None,
            outlet=(row.get("outlet") or "").strip() or None,
            url=(row.get("url") or "").strip() or None,
            published=(row.get("published") or "").strip() or None,
            language=(row.get("language") or "").strip() or None,
        )
        for row in rows
        if row.get("file")
    }
