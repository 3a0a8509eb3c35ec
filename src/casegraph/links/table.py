"""The CSV that `casegraph links classify` reads and writes.

Rows name a sentence and two parties (`sentence, src_label, tgt_label`);
every other column is kept as it was, in its place, and `predicted` is added
at the end (or overwritten where the file already has one), so a labelled
file comes back with gold and prediction side by side.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO

from casegraph.errors import InputError
from casegraph.links.features import LinkExample

REQUIRED = ("sentence", "src_label", "tgt_label")
PREDICTED = "predicted"


@dataclass(frozen=True)
class LinkTable:
    """A CSV's header and rows, as read."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def examples(self) -> list[LinkExample]:
        at = {name: self.header.index(name) for name in REQUIRED}
        return [LinkExample(*(row[at[name]] for name in REQUIRED)) for row in self.rows]


def read_table(handle: IO[str]) -> LinkTable:
    """Read a CSV; InputError when it is empty, misses a column or has a ragged row."""
    try:
        lines = list(csv.reader(handle))
    except csv.Error as exc:
        raise InputError(f"not a readable CSV: {exc}") from exc
    if not lines:
        raise InputError("the file is empty; expected a header with " + ", ".join(REQUIRED))
    header = tuple(name.strip() for name in lines[0])
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise InputError(
            f"missing column {', '.join(missing)}; the header has: {', '.join(header)}"
        )
    rows = []
    for number, row in enumerate(lines[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(f"line {number} has {len(row)} fields, the header {len(header)}")
        rows.append(tuple(row))
    return LinkTable(header, tuple(rows))


def write_table(table: LinkTable, predicted: Sequence[str], handle: IO[str]) -> None:
    """The rows as read, with `predicted` filled in."""
    if len(predicted) != len(table.rows):
        raise ValueError("one prediction per row")
    writer = csv.writer(handle, lineterminator="\n")
    header = table.header if PREDICTED in table.header else (*table.header, PREDICTED)
    writer.writerow(header)
    writer.writerows(_with_prediction(table, predicted))


def _with_prediction(table: LinkTable, predicted: Sequence[str]) -> Iterable[tuple[str, ...]]:
    if PREDICTED not in table.header:
        return ((*row, label) for row, label in zip(table.rows, predicted, strict=True))
    at = table.header.index(PREDICTED)
    return (
        (*row[:at], label, *row[at + 1 :]) for row, label in zip(table.rows, predicted, strict=True)
    )
