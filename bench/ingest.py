"""What a large file costs through ingest: memory and time per stage, each in a fresh process.

    .venv/bin/python bench/ingest.py            # 200 MB text, 0.25 MB extracted, 100,000 CSV rows
    .venv/bin/python bench/ingest.py --text-mb 50 --extract-mb 1 --rows 20000

Why: `casegraph ingest` skips files over `casegraph.ingest.files.MAX_BYTES`;
these figures are the reason for the limit. Peak memory is the process's
maximum resident set size, spaCy's model included where it is loaded.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

LINE = "Orrin Trading shipped 40 pumps to Calder Works in March 2024, according to invoices.\n"
MAPPING = (
    "claims:\n  - predicate: supplies\n    subject: shipper\n    object: consignee\n"
    "    attributes: {product: goods, quantity: quantity, date: date}\n"
)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _text_file(folder: Path, mb: float) -> Path:
    path = folder / f"text-{mb}.txt"
    path.write_text(LINE * int(mb * 1024 * 1024 // len(LINE)), encoding="utf-8")
    return path


def read_and_clean(path: Path) -> str:
    from casegraph.clean.paragraphs import clean
    from casegraph.ingest import files

    files.MAX_BYTES = 1 << 40
    started = time.perf_counter()
    (read,) = files.read_path(path)
    read_s, read_mb = time.perf_counter() - started, _peak_mb()
    clean(read.document)
    clean_s = time.perf_counter() - started - read_s
    return f"read {read_s:.1f} s (peak {read_mb:,.0f} MB); clean {clean_s:.1f} s (peak {_peak_mb():,.0f} MB)"


def extract(path: Path) -> str:
    from casegraph.extract.nlp import load_pipeline
    from casegraph.ingest.files import read_path
    from casegraph.pipeline import process

    nlp = load_pipeline()
    (read,) = read_path(path)
    started = time.perf_counter()
    processed = process(read, nlp)
    seconds = time.perf_counter() - started
    rate = len(read.document.text) / seconds / 1024
    return (
        f"clean + extract {seconds:.1f} s, {rate:.1f} KB/s, {len(processed.extraction.claims)} claims "
        f"(peak {_peak_mb():,.0f} MB)"
    )


def records(path: Path) -> str:
    from casegraph.ingest.files import read_path

    started = time.perf_counter()
    (read,) = read_path(path)
    seconds = time.perf_counter() - started
    claims = len(read.extraction.claims) if read.extraction else 0
    return f"{claims:,} claims in {seconds:.1f} s, {claims / seconds:,.0f} rows/s (peak {_peak_mb():,.0f} MB)"


def _records_file(folder: Path, rows: int) -> Path:
    path = folder / "shipments.csv"
    body = "".join(
        f"Quillmere Optronics {i % 97},Orrindale Trade House {i % 89},KX-{i % 13} camera,{i % 50 + 1},2025-04-{i % 28 + 1:02d}\n"
        for i in range(rows)
    )
    path.write_text("shipper,consignee,goods,quantity,date\n" + body, encoding="utf-8")
    (folder / "shipments.mapping.yaml").write_text(MAPPING, encoding="utf-8")
    return path


def _child(stage: Callable[[Path], str], path: Path, queue: multiprocessing.Queue[str]) -> None:
    queue.put(stage(path))


def run(stage: Callable[[Path], str], path: Path) -> str:
    """One stage in a fresh process, so each peak is its own."""
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[str] = context.Queue()
    process = context.Process(target=_child, args=(stage, path, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--text-mb", type=float, default=200)
    parser.add_argument("--extract-mb", type=float, default=0.25)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"{args.text_mb:g} MB text: {run(read_and_clean, _text_file(folder, args.text_mb))}")
        print(f"{args.extract_mb:g} MB text: {run(extract, _text_file(folder, args.extract_mb))}")
        print(f"{args.rows:,} CSV rows: {run(records, _records_file(folder, args.rows))}")


if __name__ == "__main__":
    main()
