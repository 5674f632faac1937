"""Articles uploaded in the dashboard, extracted in a child process with bounds on size, time and memory.

A page served to many visitors must not give one of them a server core or its memory for as long
as a hostile file takes: each batch runs in one child process (spawned, not forked, from the
server's threads), every file gets ``seconds_per_file`` before the child is killed and a new one
takes the rest of the batch, the child's address space is capped, and when the batch is done the
child exits, so whatever memory it took goes back to the operating system.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from dashboard.safe_text import one_line
from extract.manifest import read_manifest
from extract.model import Document, Event, Metadata
from extract.pipeline import process_file
from extract.workspace import AddedFile

SECONDS_PER_FILE = 30.0  # a dense 5 MB article takes a few seconds; past this it is an attack or a bug
MEMORY_MB = 1536  # the child's address space; the server itself stays well under it
START_SECONDS = 60.0  # a new child imports the extractor before it takes a file, on a busy machine too
MANIFEST_SUFFIX = ".csv"
_MB = 1024 * 1024  # Streamlit's server.maxUploadSize counts megabytes of 2**20 bytes

Extract = Callable[[Path, str, Metadata | None], tuple[Document, list[Event]]]
Found = tuple[Document, list[Event]]


@dataclass(frozen=True)
class Upload:
    name: str  # as the browser gave it: any text, shown only after safe_text
    data: bytes


@dataclass
class Outcome:
    read: list[AddedFile] = field(default_factory=list)  # each article read: name as given, document, events
    messages: list[tuple[str, str]] = field(default_factory=list)  # (level, plain text) per file

    @property
    def documents(self) -> list[Document]:
        return [d for file in self.read for d in file.documents]

    @property
    def events(self) -> list[Event]:
        return [e for file in self.read for e in file.events]


def _limit_memory(megabytes: int) -> None:
    try:
        import resource
    except ImportError:  # not on this platform: the time limit still holds
        return
    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _serve(conn: Connection, extract: Extract, memory_mb: int) -> None:
    """The child: take (path, name, metadata) jobs until None; answer each with its events or a
    one-line message, never an exception."""
    _limit_memory(memory_mb)
    conn.send("ready")
    while (job := conn.recv()) is not None:
        path, name, given = job
        try:
            answer: Found | str = extract(path, name, given)
        except MemoryError:
            answer = "over the memory limit"
        except Exception as error:  # InputError and any bug: one line for this file, the batch goes on
            answer = one_line(str(error)) or type(error).__name__
        try:
            conn.send(answer)
        except Exception as error:  # an answer that cannot be sent back is this file's failure only
            conn.send(f"result could not be returned ({type(error).__name__})")
    conn.close()


class _Child:
    """One spawned child process and the pipe to it."""

    def __init__(self, extract: Extract, memory_mb: int) -> None:
        context = multiprocessing.get_context("spawn")  # forking a threaded server can deadlock
        self.conn, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end, extract, memory_mb), daemon=True)
        self.process.start()
        child_end.close()
        if not self.conn.poll(START_SECONDS) or self.conn.recv() != "ready":
            self.stop()
            raise RuntimeError("the extractor did not start")

    def ask(self, job: tuple[Path, str, Metadata | None], seconds: float) -> Found | str | None:
        """The child's answer, or None if it took longer than ``seconds`` (the child is then killed)."""
        self.conn.send(job)
        if not self.conn.poll(seconds):
            self.kill()
            return None
        return self.conn.recv()

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def stop(self) -> None:
        """Let the child finish and exit; killed if it does not within a second."""
        if self.process.is_alive():
            with contextlib.suppress(OSError):  # the child is gone already
                self.conn.send(None)
            self.process.join(1)
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


def _shown(upload: Upload) -> str:
    return one_line(upload.name) or "(no name)"


def too_big(name: str, size: int, limit_bytes: int) -> str:
    """The message for a file over the upload limit."""
    over = f"{size / _MB:.1f} MB, over the {limit_bytes / _MB:g} MB limit"
    return f"{one_line(name) or '(no name)'}: {over}; not read"


def _write(folder: Path, index: int, upload: Upload) -> Path:
    """The upload on disk under its own name where the name allows, in a folder of its own."""
    place = folder / str(index)
    place.mkdir(parents=True)
    suffix = Path(upload.name).suffix.lower()
    name = Path(upload.name.replace("\\", "/")).name
    try:
        if name in ("", ".", ".."):
            raise ValueError(name)
        path = place / name
        path.write_bytes(upload.data)
    except (OSError, ValueError):  # a name the file system refuses (too long, a lone surrogate, NUL)
        path = place / f"upload{suffix}"
        path.write_bytes(upload.data)
    return path


def _manifest(uploads: list[Upload], folder: Path, outcome: Outcome) -> dict[str, Metadata]:
    manifest: dict[str, Metadata] = {}
    for index, upload in enumerate(uploads):
        said: list[str] = []  # a bad row costs that row, and is reported to the visitor, not the server's log
        path = _write(folder, index, upload)
        try:
            manifest |= read_manifest(path, warn=said.append)
        except Exception as error:  # a bad manifest costs its metadata, not the articles
            reason = _renamed(one_line(str(error)), path.name, "")
            outcome.messages.append(("warning", f"{_shown(upload)}: manifest not used ({reason})"))
        outcome.messages += [
            ("warning", _renamed(one_line(line), path.name, _shown(upload))) for line in said
        ]
    return manifest


def _renamed(message: str, written: str, shown: str) -> str:
    """The reader names the copy it read (``upload.csv`` when the given name could not be used);
    the visitor knows the file by the name they gave it (or, with ``shown`` empty, from context)."""
    if not message.startswith(written):
        return message
    rest = message[len(written) :]
    return (shown + rest) if shown else rest.removeprefix(": ").lstrip()


def extract_uploads(
    uploads: list[Upload],
    *,
    limit_bytes: int,
    seconds_per_file: float = SECONDS_PER_FILE,
    memory_mb: int = MEMORY_MB,
    extract: Extract = process_file,
    on_file: Callable[[int, str], None] | None = None,
) -> Outcome:
    """Each article's documents and events, with one (level, message) per file; a file over
    ``limit_bytes``, unreadable or over its time never stops the others. ``extract`` must be a
    module-level function (the child imports it); ``on_file(i, name)`` reports progress."""
    outcome = Outcome()
    fits = []
    for upload in uploads:
        if len(upload.data) > limit_bytes:
            size, limit = f"{len(upload.data) / _MB:.1f} MB", f"{limit_bytes / _MB:g} MB"
            outcome.messages.append(
                ("warning", f"{_shown(upload)}: {size}, over the {limit} limit; not read")
            )
        else:
            fits.append(upload)
    manifests = [u for u in fits if u.name.lower().endswith(MANIFEST_SUFFIX)]
    articles = [u for u in fits if not u.name.lower().endswith(MANIFEST_SUFFIX)]
    child: _Child | None = None
    with tempfile.TemporaryDirectory(prefix="timeline_upload_") as tmp:
        folder = Path(tmp)
        manifest = _manifest(manifests, folder / "manifest", outcome)
        for index, upload in enumerate(articles):
            shown = _shown(upload)
            if on_file:
                on_file(index, shown)
            path = _write(folder, index, upload)
            try:
                child = child or _Child(extract, memory_mb)
                answer = child.ask((path, f"upload/{path.name}", manifest.get(path.name)), seconds_per_file)
            except Exception as error:  # the child died (memory, a crash) or could not start
                answer = f"extraction failed ({type(error).__name__})"
                if child:
                    child.stop()
                child = None
            if answer is None:
                child = None  # killed by ask(); the next file gets a new child
                outcome.messages.append(
                    ("warning", f"{shown}: stopped after {seconds_per_file:g} s; not added")
                )
            elif isinstance(answer, str):  # the reader's messages begin with the file's name already
                reason = answer.removeprefix(f"{path.name}: ")
                outcome.messages.append(("warning", f"{shown}: rejected ({reason})"))
            else:
                document, found = answer
                outcome.read.append(AddedFile(upload.name, [document], found))
                outcome.messages.append(("success", f"{shown}: {len(found)} event(s) found"))
        if child:
            child.stop()  # the child exits: its memory goes back to the system
    return outcome
