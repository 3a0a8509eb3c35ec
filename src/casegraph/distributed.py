"""Ingest on a Dask cluster: workers read and process, the client writes.

The same pure stages as the one-process ingest (`read_path`, `process`) are
mapped over batches of files on Dask workers; spaCy loads once per worker
process. Results come back to the client, which writes each document in its
own idempotent transaction (`store_processed`), in the order the files were
given, so a cluster run stores exactly what a one-process run stores.

Why the client writes, not the workers: a SQLite file cannot be shared by
workers on other machines, workers then need no database credentials, and
"stored exactly once" is enforced in one place. Writing a document takes a
few milliseconds against a few hundred for extracting it, so one writer keeps
up with the worker counts this is meant for (see bench/README.md).

Workers read the files themselves (a reader may look at a file's neighbours),
so on a remote cluster every worker must see the paths the client gives.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import Client, Future, LocalCluster

from casegraph.errors import InputError, SkipItem
from casegraph.extract.nlp import load_pipeline
from casegraph.ingest.files import Skipped, read_path
from casegraph.pipeline import IngestReport, Processed, process, store_processed
from casegraph.store.database import Store

DEFAULT_BATCH = 16
"""Files per task: large enough that scheduling costs little, small enough to spread work."""
BATCHES_PER_WORKER = 4
"""Batches in flight per worker: keeps workers busy while holding memory flat."""


@dataclass(frozen=True)
class Known:
    """The hashes of documents stored before the run, sent once to every worker."""

    sha256s: frozenset[str]


@dataclass(frozen=True)
class FileResult:
    """What a worker made of one file: its new documents processed, or why it was skipped,
    and the parts of it a reader left out (a malformed row), one line each."""

    path: str
    processed: tuple[Processed, ...] = ()
    skipped: str | None = None
    warnings: tuple[str, ...] = ()


def process_files(paths: Sequence[str], known: Known) -> list[FileResult]:
    """A worker's task: read and process a batch of files, leaving out documents stored before."""
    results = []
    for path in paths:
        try:
            items = read_path(Path(path))
        except (SkipItem, OSError) as exc:
            results.append(FileResult(path, skipped=str(exc)))
            continue
        new = [i for i in items if i.document.sha256 not in known.sha256s]
        warnings = tuple(w for item in items for w in item.warnings)
        results.append(FileResult(path, tuple(process(item) for item in new), warnings=warnings))
    return results


def warm_worker() -> None:
    """Load spaCy before the first batch arrives, so every worker starts at full speed."""
    load_pipeline()


@contextmanager
def dask_client(
    workers: int | None = None, scheduler: str | None = None, timeout: str = "20s"
) -> Iterator[Client]:
    """A client of the cluster at `scheduler`, else of a local cluster of `workers` processes."""
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with client:
            yield client
        return
    if workers is None or workers < 1:
        raise InputError("a local cluster needs at least one worker")
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # any free port: several clusters may run on one machine
        silence_logs=logging.ERROR,
    )
    with cluster, Client(cluster) as client:
        yield client


def worker_count(client: Client) -> int:
    info: dict[str, Any] = client.scheduler_info()
    return max(1, len(info.get("workers", {})))


def ingest_on_cluster(
    store: Store,
    client: Client,
    files: Sequence[Path],
    on_file: Callable[[Path], None] | None = None,
    batch_size: int = DEFAULT_BATCH,
) -> IngestReport:
    """Ingest `files` on the cluster behind `client`; the report reads as a one-process run's."""
    client.run(warm_worker)
    known = client.scatter(Known(frozenset(store.known_sha256s())), broadcast=True)
    window = BATCHES_PER_WORKER * worker_count(client)
    report = IngestReport()
    pending: deque[Future[list[FileResult]]] = deque()
    for batch in _batches([str(f) for f in files], batch_size):
        if len(pending) >= window:
            _write(store, pending.popleft().result(), report, on_file)
        pending.append(client.submit(process_files, batch, known, pure=False))
    while pending:
        _write(store, pending.popleft().result(), report, on_file)
    return report


def _batches(paths: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(paths), max(1, size)):
        yield paths[start : start + size]


def _write(
    store: Store,
    results: list[FileResult],
    report: IngestReport,
    on_file: Callable[[Path], None] | None,
) -> None:
    """Write a batch's documents in file order; a file is `added` when any of its documents was new."""
    for result in results:
        if on_file is not None:
            on_file(Path(result.path))
        if result.skipped is not None:
            report.skipped.append(Skipped(result.path, result.skipped))
            continue
        report.warnings += [Skipped(result.path, w) for w in result.warnings]
        added = False
        for processed in result.processed:
            added |= store_processed(store, processed)
        (report.added if added else report.unchanged).append(result.path)
