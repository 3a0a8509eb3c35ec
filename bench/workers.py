"""Ingest throughput in one process and on Dask clusters of 1 and 2 workers, in one run.

    .venv/bin/python bench/workers.py                    # 400 mixed synthetic documents
    .venv/bin/python bench/workers.py --docs 1000 --size small --workers 1 2 4

Each configuration ingests the same synthetic corpus into a fresh SQLite file;
the rate counts reading, cleaning, extraction and writing (no rebuild), after
the cluster has started and every worker has loaded spaCy, so start-up is
shown apart; "writing" is the time the client spent writing documents, the
share of the run a single writer takes; "cores used" is the CPU time of the
client and its workers over the run's wall time: on a machine shared with other
jobs it shows how much of the machine a run actually got. One process may use
more than one core (spaCy's matrix library threads); a Dask worker uses one. The ratio against one worker is the scaling figure; run it on a
quiet machine with at least as many free cores as the largest worker count.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from casegraph import distributed, pipeline
from casegraph.distributed import dask_client, ingest_on_cluster, warm_worker
from casegraph.ingest.files import discover
from casegraph.pipeline import Processed, ingest
from casegraph.store.database import Store
from casegraph.synthetic import write_corpus

WRITING = [0.0]
"""Seconds this process spent writing documents: the one writer's share of the run."""
_store_processed: Callable[[Store, Processed], bool] = pipeline.store_processed


def _timed_store_processed(store: Store, processed: Processed) -> bool:
    started = time.perf_counter()
    try:
        return _store_processed(store, processed)
    finally:
        WRITING[0] += time.perf_counter() - started


pipeline.store_processed = distributed.store_processed = _timed_store_processed


def cpu_seconds() -> float:
    """CPU time this process has used (user + system), to show how many cores a run got."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _one_process(files: list[Path], db: Path) -> tuple[float, float, float]:
    start = time.perf_counter()
    warm_worker()
    warm, cpu = time.perf_counter(), cpu_seconds()
    ingest(Store(f"sqlite:///{db}"), [], files=files)
    return warm - start, time.perf_counter() - warm, cpu_seconds() - cpu


def _cluster(files: list[Path], db: Path, workers: int) -> tuple[float, float, float]:
    start = time.perf_counter()
    with dask_client(workers=workers) as client:
        client.run(warm_worker)
        warm, cpu = time.perf_counter(), cpu_seconds() + sum(client.run(cpu_seconds).values())
        ingest_on_cluster(Store(f"sqlite:///{db}"), client, files)
        seconds = time.perf_counter() - warm
        return warm - start, seconds, cpu_seconds() + sum(client.run(cpu_seconds).values()) - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--size", choices=["mixed", "small"], default="mixed")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, args.docs, seed=1, size=args.size)
        files = list(discover([folder]))
        words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
        print(f"{len(files)} documents, {words} words ({args.size}); {os.cpu_count()} CPUs, "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"{'run':<14}{'start-up s':>11}{'ingest s':>10}{'writing s':>10}{'cores used':>11}"
              f"{'docs/s':>9}{'words/s':>9}{'vs 1 worker':>13}")
        base: float | None = None
        runs = [("one process", 0)] + [(f"{n} worker{'s' * (n > 1)}", n) for n in args.workers]
        for label, workers in runs:
            db = Path(tmp) / f"{label.replace(' ', '-')}.db"
            WRITING[0] = 0.0
            startup, seconds, cpu = _cluster(files, db, workers) if workers else _one_process(files, db)
            rate = len(files) / seconds
            if workers == 1:
                base = rate
            ratio = f"{rate / base:.2f}x" if base and workers else ""
            print(f"{label:<14}{startup:>11.1f}{seconds:>10.1f}{WRITING[0]:>10.1f}{cpu / seconds:>11.2f}{rate:>9.1f}"
                  f"{words / seconds:>9.0f}{ratio:>13}")
        print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
