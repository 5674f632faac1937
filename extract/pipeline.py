"""The pipeline: read -> clean -> split -> tag -> build events -> merge."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from extract import language
from extract.clean import clean
from extract.events import build_events
from extract.merge import merge
from extract.model import Document, Event, Metadata
from extract.read import InputError, read_article
from extract.sentences import split
from extract.timex import tag

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


@dataclass
class Timeline:
    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def combine(given: Metadata | None, page: Metadata) -> Metadata:
    """Manifest metadata wins; the page fills what it leaves blank."""
    if given is None:
        return page
    return Metadata(
        title=given.title or page.title,
        outlet=given.outlet or page.outlet,
        url=given.url or page.url,
        published=given.published or page.published,
        language=given.language or page.language,
        attribution=page.attribution,
    )


class ArticleError(Exception):
    """An article that failed in one stage; the message is one line: file, stage, reason."""


@contextmanager
def stage(file: str, name: str) -> Iterator[None]:
    """Any failure inside becomes ``file``'s one-line message naming the stage, so that one
    article's defect never stops the others."""
    try:
        yield
    except (InputError, ArticleError):
        raise
    except Exception as error:
        reason = " ".join(f"{type(error).__name__}: {error}".split())[:200]
        raise ArticleError(f"{file}: failed in the {name} stage ({reason})") from error


def process_text(file: str, text: str, meta: Metadata) -> tuple[Document, list[Event]]:
    """One article's text (already decoded) to its document and events."""
    with stage(file, "clean"):
        doc = clean(file, text, meta)
        if not doc.meta.language:
            doc = replace(doc, meta=replace(doc.meta, language=language.detect(text)))
    with stage(file, "sentence"):
        sentences = split(doc)
    with stage(file, "time expression"):
        lang = doc.meta.language or "vi"
        timexes = tag(doc.text, published=doc.meta.published, lang=lang, regions=doc.regions)
    with stage(file, "event"):
        return doc, build_events(doc, sentences, timexes)


def process_file(path: Path, name: str, given: Metadata | None) -> tuple[Document, list[Event]]:
    with stage(name, "read"):
        text, page_meta = read_article(path)
    return process_text(name, text, combine(given, page_meta))


def display_name(name: str) -> str:
    """A file name as valid Unicode: bytes that are not UTF-8 are shown as escapes (\\xe9)."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def article_paths(inputs: Iterable[Path]) -> list[tuple[Path, str]]:
    """Files to read with the name each is known by (relative to the folder it was found in)."""
    found = []
    for item in inputs:
        if item.is_dir():
            for path in sorted(item.rglob("*")):
                if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append((path, display_name(path.relative_to(item).as_posix())))
        else:
            found.append((item, display_name(item.name)))
    return found


def _safe_process(job: tuple[Path, str, Metadata | None]) -> tuple[Document, list[Event]] | str:
    path, name, given = job
    try:
        return process_file(path, name, given)
    except (InputError, ArticleError) as error:
        return str(error)
    except OSError as error:
        return f"{name}: cannot read ({error.strerror or error})"


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them and reports once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def build(
    inputs: Sequence[Path],
    manifest: dict[str, Metadata] | None = None,
    jobs: int = 1,
    progress: Callable[[str], None] | None = None,
) -> Timeline:
    """The timeline of every article under ``inputs``; unreadable files become one-line errors."""
    manifest = manifest or {}
    work = [(path, name, manifest.get(path.name)) for path, name in article_paths(inputs)]
    if jobs > 1 and len(work) > 1:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
        try:
            results = list(pool.map(_safe_process, work, chunksize=max(1, len(work) // (jobs * 8))))
        finally:  # on Ctrl-C too: queued articles are dropped, not waited for
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        results = [_safe_process(job) for job in work]
    timeline = Timeline()
    events: list[Event] = []
    for result in results:
        if isinstance(result, str):
            timeline.errors.append(result)
            if progress:
                progress(result)
            continue
        doc, doc_events = result
        timeline.documents.append(doc)
        events.extend(doc_events)
    timeline.events = merge(events)
    return timeline
