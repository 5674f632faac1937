"""Engines that run the per-article function over many articles: this machine's processes, or a
Dask distributed cluster. Each yields ``(index, result)`` as articles finish, so that the caller
can keep each result (in the cache) at once and an interrupted build loses only unfinished work.
The result of an article is the same whichever engine ran it: the function is the same.
``meanwhile`` is this process's own work (a rebuild reads its cache), done while the workers run.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

ENGINES = ("local", "dask")
# Articles sent to a Dask worker at once: fewer round trips through the scheduler, while still
# many batches per worker so that the work spreads evenly.
DASK_BATCH = 25


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops them and reports once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_local(
    function: Callable[[Any], Any],
    work: Sequence[Any],
    jobs: int = 1,
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[tuple[int, Any]]:
    """``function`` over ``work`` in this process, or in ``jobs`` processes of this machine."""
    if jobs <= 1 or len(work) <= 1:
        if meanwhile:
            meanwhile()
        for index, job in enumerate(work):
            yield index, function(job)
        return
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupts)
    try:
        chunk = max(1, min(64, len(work) // (jobs * 8)))
        results = pool.map(function, work, chunksize=chunk)  # the workers forked, all work sent
        if meanwhile:
            meanwhile()
        yield from enumerate(results)
    finally:  # on Ctrl-C too: queued articles are dropped, not waited for
        pool.shutdown(wait=True, cancel_futures=True)


def _batch(function: Callable[[Any], Any], jobs: list[Any]) -> list[Any]:
    return [function(job) for job in jobs]


def run_dask(
    function: Callable[[Any], Any],
    work: Sequence[Any],
    scheduler: str | None = None,
    workers: int = 2,
    failed: Callable[[Any, str], Any] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[tuple[int, Any]]:
    """``function`` over ``work`` on the Dask cluster at ``scheduler`` (a ``LocalCluster`` of
    ``workers`` single-threaded processes when None). A batch lost on the cluster (a worker that
    died) gives each of its jobs ``failed(job, reason)``."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as error:  # an optional extra
        raise RuntimeError(
            "the dask engine needs dask[distributed]: pip install 'us-iraq-timeline[dask]'"
        ) from error

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    client = Client(cluster if cluster is not None else scheduler)
    try:
        batches = [list(range(at, min(at + DASK_BATCH, len(work)))) for at in range(0, len(work), DASK_BATCH)]
        futures = {
            client.submit(_batch, function, [work[i] for i in batch], pure=False): batch for batch in batches
        }
        if meanwhile:
            meanwhile()
        for future in as_completed(futures):
            batch = futures[future]
            try:
                results = future.result()
            except Exception as error:  # the cluster lost this batch: each article is reported
                reason = " ".join(f"{type(error).__name__}: {error}".split())[:200]
                results = [failed(work[i], reason) if failed else reason for i in batch]
            yield from zip(batch, results, strict=True)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
