"""The pipeline: read -> clean -> split -> tag -> build events -> merge."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
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


def process_text(file: str, text: str, meta: Metadata) -> tuple[Document, list[Event]]:
    """One article's text (already decoded) to its document and events."""
    doc = clean(file, text, meta)
    if not doc.meta.language:
        doc = replace(doc, meta=replace(doc.meta, language=language.detect(text)))
    timexes = tag(doc.text, published=doc.meta.published, lang=doc.meta.language or "vi", regions=doc.regions)
    return doc, build_events(doc, split(doc), timexes)


def process_file(path: Path, name: str, given: Metadata | None) -> tuple[Document, list[Event]]:
    text, page_meta = read_article(path)
    return process_text(name, text, combine(given, page_meta))


def article_paths(inputs: Iterable[Path]) -> list[tuple[Path, str]]:
    """Files to read with the name each is known by (relative to the folder it was found in)."""
    found = []
    for item in inputs:
        if item.is_dir():
            for path in sorted(item.rglob("*")):
                if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append((path, path.relative_to(item).as_posix()))
        else:
            found.append((item, item.name))
    return found


def _safe_process(job: tuple[Path, str, Metadata | None]) -> tuple[Document, list[Event]] | str:
    path, name, given = job
    try:
        return process_file(path, name, given)
    except InputError as error:
        return str(error)
    except OSError as error:
        return f"{name}: cannot read ({error.strerror or error})"


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
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_safe_process, work, chunksize=max(1, len(work) // (jobs * 8))))
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
