"""Per-article cache: a rebuild re-extracts only the articles that are new or changed.

An entry is one article's document, events and the days its time expressions name (JSON), keyed
by a hash of the extractor's version (its code and language resources, and the libraries that
shape its output), the name the article is known by, its manifest metadata and its bytes. A
changed resource or line of code is another version, so every entry of the old one misses (and is
pruned after the next build). Entries are written whole or not at all (a temporary file renamed),
so an interrupted build leaves a usable cache; an entry that cannot be read is a miss.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

import orjson

from extract.model import Document, Event, Metadata

PACKAGE = Path(__file__).resolve().parent
# Libraries whose version can change what an article gives (decoding, HTML, lunar dates, the
# per-article merge's word matrix and TF-IDF).
LIBRARIES = ("trafilatura", "charset-normalizer", "lunar-python", "numpy", "scipy")


def _library_versions() -> list[str]:
    found = []
    for name in LIBRARIES:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} absent")
    return found


def version_of(package: Path) -> str:
    """A hash of every source and resource file of the extractor under ``package`` (the
    evaluation apart, which never shapes an article's events) and the libraries' versions."""
    digest = hashlib.sha256()
    files = sorted(
        p
        for p in package.rglob("*")
        if p.suffix in (".py", ".toml") and "evaluate" not in p.relative_to(package).parts
    )
    for path in files:
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update("\n".join(_library_versions()).encode())
    return digest.hexdigest()


@cache
def extractor_version() -> str:
    return version_of(PACKAGE)


def article_key(version: str, name: str, given: Metadata | None, data: bytes) -> str:
    digest = hashlib.sha256(version.encode() + b"\0" + name.encode("utf-8", "surrogateescape") + b"\0")
    digest.update(orjson.dumps(given) + b"\0")  # a dataclass: the bytes of its asdict
    digest.update(data)
    return digest.hexdigest()


Entry = tuple[Document, list[Event], list[str]]


def _encode(document: Document, events: list[Event], days: list[str]) -> bytes:
    from extract.store import document_json

    return orjson.dumps({"document": document_json(document), "events": events, "days": days})


def _decode(data: bytes) -> Entry:
    from extract.store import document_from_json, event_from_json

    entry = orjson.loads(data)
    return (
        document_from_json(entry["document"]),
        [event_from_json(e) for e in entry["events"]],
        list(entry["days"]),
    )


class ArticleCache:
    """Entries of one extractor version under ``root/<version>/``."""

    def __init__(self, root: Path, version: str | None = None):
        self.root = root
        self.version = version or extractor_version()
        self.folder = root / self.version[:32]

    def key(self, name: str, given: Metadata | None, data: bytes) -> str:
        return article_key(self.version, name, given, data)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        """Whether an entry is kept under ``key`` (``get`` may still find it damaged)."""
        return self._path(key).is_file()

    def get(self, key: str) -> Entry | None:
        try:
            return _decode(self._path(key).read_bytes())
        except (OSError, ValueError, KeyError, TypeError):  # absent, or a damaged entry: a miss
            return None

    def put(self, key: str, document: Document, events: list[Event], days: list[str]) -> None:
        path = self._path(key)
        if not path.parent.is_dir():
            path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.root / ".gitignore"
            if not ignore.exists():  # the cache of data/ is never committed
                ignore.write_text("*\n", encoding="utf-8")
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{key[:8]}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_encode(document, events, days))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def prune(self) -> None:
        """Remove the entries of other versions (they can never be read again by this code)."""
        if not self.root.is_dir():
            return
        for folder in self.root.iterdir():
            if folder.is_dir() and folder != self.folder:
                shutil.rmtree(folder, ignore_errors=True)
