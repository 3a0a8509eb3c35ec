"""Memory over a long ingest, and what the whole-store rebuild costs after it.

    .venv/bin/python bench/memory.py                         # 10,000 mixed documents, one process
    .venv/bin/python bench/memory.py --docs 2000 --workers 2 --db postgresql://...

Writes a synthetic corpus, ingests it while a thread samples the resident
memory of this process and its children (Dask workers) twice a second, and
prints the curve at ten points: flat means nothing accumulates per document.
Then times the rebuild (duplicates, resolution and screening over the whole
store), step by step, with the memory it takes.
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil

from casegraph import pipeline
from casegraph.ingest.files import discover
from casegraph.pipeline import IngestReport, ingest
from casegraph.screen.screening import Screener
from casegraph.store.database import Store
from casegraph.synthetic import write_corpus

MIB = 1024 * 1024


class Sampler:
    """Resident memory of this process and its children, sampled in a thread."""

    def __init__(self, every: float = 0.5) -> None:
        self.every = every
        self.done = 0
        self.samples: list[tuple[float, int, int, int]] = []  # seconds, documents, own, total
        self._stop = threading.Event()
        self._me = psutil.Process()

    def rss(self) -> tuple[int, int]:
        own = self._me.memory_info().rss
        children = 0
        for child in self._me.children(recursive=True):
            try:
                children += child.memory_info().rss
            except psutil.Error:
                continue
        return own, own + children

    @contextmanager
    def running(self) -> Iterator[None]:
        start = time.perf_counter()

        def loop() -> None:
            while not self._stop.wait(self.every):
                self.samples.append((time.perf_counter() - start, self.done, *self.rss()))

        thread = threading.Thread(target=loop, daemon=True)
        thread.start()
        try:
            yield
        finally:
            self._stop.set()
            thread.join()
            self.samples.append((time.perf_counter() - start, self.done, *self.rss()))


def _ingest(store: Store, files: list[Path], workers: int, on_file: Callable[[Path], None]) -> IngestReport:
    if not workers:
        return ingest(store, [], on_file=on_file, files=files)
    from casegraph.distributed import dask_client, ingest_on_cluster

    with dask_client(workers=workers) as client:
        return ingest_on_cluster(store, client, files, on_file=on_file)


def _curve(sampler: Sampler, points: int = 10) -> None:
    samples = sampler.samples
    print(f"{'seconds':>8}{'documents':>11}{'this MiB':>10}{'total MiB':>11}")
    step = max(1, len(samples) // points)
    shown = samples[::step] + ([samples[-1]] if (len(samples) - 1) % step else [])
    for seconds, done, own, total in shown:
        print(f"{seconds:>8.0f}{done:>11}{own / MIB:>10.0f}{total / MIB:>11.0f}")
    peak = max(samples, key=lambda s: s[3])
    print(f"peak total {peak[3] / MIB:.0f} MiB at {peak[1]} documents; "
          f"peak of this process {max(s[2] for s in samples) / MIB:.0f} MiB")


# What a rebuild spends its time on: the steps `pipeline.rebuild` calls, wrapped with timers.
STEPS: tuple[tuple[object, str], ...] = (
    (pipeline, "default_lists"), (Screener, "__init__"), (Store, "documents"), (Store, "mentions"), (pipeline, "reclean_restored"), (pipeline, "derivations"),
    (Store, "replace_derivations"), (pipeline, "resolve"), (Screener, "screen_entity"),
    (Store, "replace_resolution"),
)


@contextmanager
def _timed(totals: dict[str, list[float]]) -> Iterator[None]:
    originals = [(owner, name, getattr(owner, name)) for owner, name in STEPS if hasattr(owner, name)]

    def wrap(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                totals.setdefault(name, [0.0, 0])
                totals[name][0] += time.perf_counter() - started
                totals[name][1] += 1

        return timed

    for owner, name, function in originals:
        setattr(owner, name, wrap(name, function))
    try:
        yield
    finally:
        for owner, name, function in originals:
            setattr(owner, name, function)


def _rebuild(store: Store, sampler: Sampler) -> None:
    totals: dict[str, list[float]] = {}
    started = time.perf_counter()
    with _timed(totals):
        pipeline.rebuild(store)
    seconds = time.perf_counter() - started
    for name, (spent, calls) in sorted(totals.items(), key=lambda kv: -kv[1][0]):
        print(f"  {name:<22}{spent:>8.1f} s  ({int(calls)} calls)")
    print(f"  {'rebuild in all':<22}{seconds:>8.1f} s; {store.counts()}")
    print(f"  memory after: {sampler.rss()[0] / MIB:.0f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--size", choices=["mixed", "small"], default="mixed")
    parser.add_argument("--workers", type=int, default=0, help="0: one process (the default ingest)")
    parser.add_argument("--db", help="store URL; default: a SQLite file in a temporary folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, args.docs, seed=1, size=args.size)
        files = list(discover([folder]))
        words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
        store = Store(args.db or f"sqlite:///{Path(tmp) / 'case.db'}")
        sampler = Sampler()

        def advance(_: Path) -> None:
            sampler.done += 1

        print(f"{len(files)} documents, {words} words ({args.size}), "
              f"{'one process' if not args.workers else f'{args.workers} Dask workers'}")
        started = time.perf_counter()
        with sampler.running():
            report = _ingest(store, files, args.workers, advance)
        seconds = time.perf_counter() - started
        print(f"ingest: {len(report.added)} added in {seconds:.0f} s, "
              f"{len(files) / seconds:.1f} docs/s, {words / seconds:.0f} words/s")
        _curve(sampler)
        print("rebuild:")
        rebuild_sampler = Sampler()
        with rebuild_sampler.running():
            _rebuild(store, rebuild_sampler)
        print(f"  peak memory during rebuild: {max(s[2] for s in rebuild_sampler.samples) / MIB:.0f} MiB")


if __name__ == "__main__":
    main()
