"""The pipeline: read -> clean -> split -> tag -> build events -> merge."""

from __future__ import annotations

import gc
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from extract import language
from extract.cache import ArticleCache
from extract.clean import clean
from extract.engines import run_dask, run_local
from extract.events import build_events
from extract.incremental import MergeState, merge_articles, read_state
from extract.keydates import mentioned_days
from extract.merge import merge
from extract.model import Document, Event, Metadata
from extract.read import MAX_BYTES, InputError, read_article, read_bytes
from extract.sentences import split
from extract.store import collector_paused
from extract.timex import tag_document

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


@dataclass
class Timeline:
    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # each document's publication day and the days its time expressions name (the key dates')
    mentions: list[tuple[str | None, list[str]]] = field(default_factory=list)
    merge_state: MergeState | None = None  # what the merge was of, for the next build to add to


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


class Article(NamedTuple):
    """One article extracted: its document, its events and the days its time expressions name
    (kept for the key dates, so that they need not tag every article again)."""

    document: Document
    events: list[Event]
    days: list[str]


def extract_article(file: str, text: str, meta: Metadata) -> Article:
    """One article's text (already decoded) to its document, events and named days.

    The collector is paused meanwhile: what is made is kept (sentences, time expressions, events;
    no cycle), and each full collection walked it all, a twentieth of a 5 MB article's build."""
    with collector_paused():
        with stage(file, "clean"):
            doc = clean(file, text, meta)
            if not doc.meta.language:
                doc = replace(doc, meta=replace(doc.meta, language=language.detect(text)))
        with stage(file, "sentence"):
            sentences = split(doc)
        with stage(file, "time expression"):
            lang = doc.meta.language or "vi"
            timexes = tag_document(doc, lang)
        with stage(file, "event"):
            return Article(doc, build_events(doc, sentences, timexes), mentioned_days(timexes))


def process_text(file: str, text: str, meta: Metadata) -> tuple[Document, list[Event]]:
    """One article's text (already decoded) to its document and events."""
    return extract_article(file, text, meta)[:2]


def article_of_file(path: Path, name: str, given: Metadata | None) -> Article:
    with stage(name, "read"):
        text, page_meta = read_article(path)
    return extract_article(name, text, combine(given, page_meta))


def process_file(path: Path, name: str, given: Metadata | None) -> tuple[Document, list[Event]]:
    return article_of_file(path, name, given)[:2]


def display_name(name: str) -> str:
    """A file name as valid Unicode: bytes that are not UTF-8 are shown as escapes (\\xe9)."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def is_url(item: Path | str) -> bool:
    """An fsspec URL ('s3://bucket/articles', 'file:///data/a.txt') rather than a local path."""
    return isinstance(item, str) and "://" in item


def _url_paths(url: str) -> list[tuple[str, str]]:
    """The articles at an fsspec URL (a file, or a folder searched recursively) with their names."""
    try:
        from fsspec.core import url_to_fs
    except ImportError as error:
        raise InputError(
            f"{url}: reading URLs needs fsspec (pip install 'us-iraq-timeline[dask]')"
        ) from error
    fs, root = url_to_fs(url)
    if not fs.isdir(root):
        return [(url, display_name(PurePosixPath(root).name))]
    found = []
    for path in sorted(fs.find(root)):
        if PurePosixPath(path).suffix.lower() in ARTICLE_SUFFIXES:
            name = PurePosixPath(path).relative_to(PurePosixPath(root.rstrip("/"))).as_posix()
            found.append((fs.unstrip_protocol(path), display_name(name)))
    return found


def article_paths(inputs: Iterable[Path | str]) -> list[tuple[Path | str, str]]:
    """Files to read with the name each is known by (relative to the folder it was found in);
    URLs stay strings, local paths become ``Path``."""
    found: list[tuple[Path | str, str]] = []
    for item in inputs:
        if is_url(item):
            found += _url_paths(str(item))
            continue
        item = Path(item)
        if item.is_dir():
            for path in sorted(item.rglob("*")):
                if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append((path, display_name(path.relative_to(item).as_posix())))
        else:
            found.append((item, display_name(item.name)))
    return found


def basename(source: Path | str) -> str:
    """The file name a manifest row names."""
    return source.name if isinstance(source, Path) else PurePosixPath(source).name


def read_source(source: Path | str) -> bytes:
    """An article's bytes from a local path or an fsspec URL, refused past ``MAX_BYTES``."""
    if isinstance(source, Path):
        return read_bytes(source)
    import fsspec

    with fsspec.open(source, "rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(f"{basename(source)}: over the {MAX_BYTES:,} byte limit")
    return data


def article_of_url(url: str, name: str, given: Metadata | None) -> Article:
    """An article at an fsspec URL: its bytes copied to a local file of the same name, then read
    as a local file is (the same decoding, HTML handling and messages)."""
    with stage(name, "read"):
        data = read_source(url)
        with tempfile.TemporaryDirectory(prefix="timeline_") as folder:
            local = Path(folder) / basename(url)
            local.write_bytes(data)
            text, page_meta = read_article(local)
    return extract_article(name, text, combine(given, page_meta))


Job = tuple[Path | str, str, Metadata | None]


def _safe_process(job: Job) -> Article | str:
    source, name, given = job
    try:
        if isinstance(source, str):
            return article_of_url(source, name, given)
        return article_of_file(source, name, given)
    except (InputError, ArticleError) as error:
        return str(error)
    except OSError as error:
        return f"{name}: cannot read ({error.strerror or error})"


def _lost(job: Job, reason: str) -> str:
    return f"{job[1]}: lost on the cluster ({reason})"


def _cache_keys(work: Sequence[Job], cache: ArticleCache) -> list[str | None]:
    """Each article's cache key, None when its bytes cannot be read (it is then processed, and
    reported as it would be without a cache)."""
    keys: list[str | None] = []
    for source, name, given in work:
        try:
            keys.append(cache.key(name, given, read_source(source)))
        except (InputError, OSError):
            keys.append(None)
    return keys


def _cached(cache: ArticleCache | None, key: str | None) -> Article | None:
    entry = cache.get(key) if cache and key else None
    return Article(*entry) if entry else None


def build(
    inputs: Sequence[Path | str],
    manifest: dict[str, Metadata] | None = None,
    jobs: int = 1,
    progress: Callable[[str], None] | None = None,
    cache_dir: Path | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    merge_state: Path | None = None,
) -> Timeline:
    """The timeline of every article under ``inputs``; unreadable files become one-line errors.

    With ``cache_dir`` an article already extracted by this version of the extractor is read
    from the cache and only new or changed articles are extracted (each kept as it finishes);
    ``engine`` 'dask' runs them on the Dask cluster at ``scheduler`` (a local one of ``jobs``
    workers, at least 2, when None). The output is the same whatever the cache and engine.
    With the cache, the merge builds on the state saved at ``merge_state`` by the last build when
    it only adds articles (``extract.incremental``), and ``Timeline.merge_state`` is the next one.
    """
    manifest = manifest or {}
    work: list[Job] = [
        (source, name, manifest.get(basename(source))) for source, name in article_paths(inputs)
    ]
    cache = ArticleCache(cache_dir) if cache_dir is not None else None
    keys: list[str | None] = _cache_keys(work, cache) if cache else [None] * len(work)
    stored = [n for n, key in enumerate(keys) if cache and key and cache.has(key)]
    results: list[Article | str | None] = [None] * len(work)

    def read_cache() -> None:
        with collector_paused():  # hundreds of thousands of objects kept, none in a cycle
            for n in stored:
                results[n] = _cached(cache, keys[n])
            # kept to the end of the build: frozen out of every later collection (before the
            # collector resumes, whose first pass would walk them all)
            gc.freeze()

    try:
        # the new and changed articles extracted while this process reads the others' entries
        missing = sorted(set(range(len(work))) - set(stored))
        _extract(work, missing, keys, results, cache, engine, scheduler, jobs, read_cache)
        damaged = [n for n in stored if results[n] is None]  # an entry that could not be read
        _extract(work, damaged, keys, results, cache, engine, scheduler, jobs)
        if cache:
            cache.prune()
        with collector_paused():
            timeline = _timeline(keys, results, cache, merge_state, progress)
            gc.freeze()  # the merged timeline too
        return timeline
    finally:
        gc.unfreeze()


def _extract(
    work: Sequence[Job],
    todo: list[int],
    keys: list[str | None],
    results: list[Article | str | None],
    cache: ArticleCache | None,
    engine: str,
    scheduler: str | None,
    jobs: int,
    meanwhile: Callable[[], None] | None = None,
) -> None:
    """The articles ``todo`` extracted into ``results``, each kept in the cache as it finishes,
    and ``meanwhile`` done by this process while they are."""
    if not todo and not meanwhile:
        return
    if engine == "dask" and todo:
        finished = run_dask(_safe_process, [work[n] for n in todo], scheduler, max(2, jobs), _lost, meanwhile)
    else:
        finished = run_local(_safe_process, [work[n] for n in todo], jobs, meanwhile)
    for index, result in finished:
        n = todo[index]
        results[n] = result
        if cache and keys[n] and not isinstance(result, str):
            cache.put(keys[n], *result)  # type: ignore[arg-type]


def _timeline(
    keys: list[str | None],
    results: list[Article | str | None],
    cache: ArticleCache | None,
    merge_state: Path | None,
    progress: Callable[[str], None] | None,
) -> Timeline:
    timeline = Timeline()
    keyed: list[tuple[str | None, list[Event]]] = []
    for key, result in zip(keys, results, strict=True):
        if isinstance(result, str):
            timeline.errors.append(result)
            if progress:
                progress(result)
            continue
        doc, doc_events, days = result  # type: ignore[misc]
        timeline.documents.append(doc)
        timeline.mentions.append((doc.meta.published, days))
        keyed.append((key, doc_events))
    if cache and all(key is not None for key, _ in keyed):
        previous = read_state(merge_state) if merge_state else None
        timeline.events, timeline.merge_state = merge_articles(keyed, cache.version, previous)  # type: ignore[arg-type]
    else:
        timeline.events = merge(event for _, told in keyed for event in told)
    return timeline
