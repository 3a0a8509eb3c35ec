"""What every command shares: the consoles, the `--db` option, one-line failures."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from casegraph.settings import database_url
from casegraph.store.database import Store

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

CsvOutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", "--output", help="CSV file to write. Default: standard output."),
]
"""Where a command that scores rows of a CSV (match, links classify) writes them."""
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL or SQLite file. Default: $CASEGRAPH_DB, else ./casegraph.db."
    ),
]


def progress() -> Progress:
    """A bar on standard error (what is done, how many of how many, time so far) that leaves no
    trace once finished, so standard output stays the command's answer."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


def fail(message: str) -> NoReturn:
    """One line on standard error and exit 2: the input is wrong, not casegraph."""
    err.print(f"error: {escape(' '.join(message.split()))}")
    raise typer.Exit(2)


def open_store(db: str | None) -> Store:
    """The store named by `--db`, else $CASEGRAPH_DB, else ./casegraph.db."""
    return Store(database_url(db))
