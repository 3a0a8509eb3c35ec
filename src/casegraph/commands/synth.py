"""`casegraph synth`: write a synthetic corpus of fictional case files for load tests."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from casegraph.commands.common import err, fail
from casegraph.synthetic import SIZES, Size, write_corpus


def synth_command(
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="Folder to write the files into (created if needed)."),
    ],
    docs: Annotated[int, typer.Option("--docs", "-n", min=1, help="Number of documents.")] = 1000,
    seed: Annotated[
        int, typer.Option("--seed", help="The same seed writes the same corpus, byte for byte.")
    ] = 0,
    size: Annotated[
        str,
        typer.Option(
            "--size",
            help="mixed: reports of one to many paragraphs, invoices, bookings; "
            "small: about 50 words each, for load tests.",
        ),
    ] = "mixed",
) -> None:
    """Write a synthetic corpus: news-style reports, invoices and travel bookings about
    fictional parties, with varied length and noise (ads, captions, misspelt names).

    Parties recur across documents as in a real archive, a few often and most
    rarely. For benchmarks and load tests: `casegraph synth --docs 2000 -o corpus/`
    then `casegraph ingest corpus/ --workers 2`.
    """
    if size not in SIZES:
        fail(f"unknown size {size!r}; use {' or '.join(SIZES)}")
    chosen: Size = "small" if size == "small" else "mixed"
    if output.exists() and not output.is_dir():
        fail(f"not a folder: {output}")
    try:
        paths = write_corpus(output, docs, seed, chosen)
    except OSError as exc:
        fail(f"cannot write into {output}: {exc}")
    err.print(f"{len(paths)} documents written to {output}")
