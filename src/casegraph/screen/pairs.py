"""Score a table of name pairs with the scorer screening uses: `casegraph match`.

An analyst checks the name matcher on their own cases (or a labelled bench)
with a CSV of `name1, name2, schema` rows. Each row gets `score`, `match` and
`explanation` from `compare_names`, the same comparison resolution and the
benchmarks use, so a figure from this table is a figure about casegraph. The
functions here are pure (text lines in, rows out) so the CLI only does I/O and
the tests need no files.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

from casegraph.errors import InputError
from casegraph.model import EntityType
from casegraph.resolve.names import compare_names
from casegraph.screen.screening import DEFAULT_THRESHOLD

REQUIRED = ("name1", "name2", "schema")
ADDED = ("score", "match", "explanation")

# FollowTheMoney schemas as the benches write them. A LegalEntity may be a person or a
# company and a Vessel is neither, so they (and anything unknown) compare as untyped names
# rather than being forced into a type whose rules would be wrong for them.
_SCHEMA_TYPES = {
    "person": EntityType.PERSON,
    "company": EntityType.ORGANIZATION,
    "organization": EntityType.ORGANIZATION,
    "organisation": EntityType.ORGANIZATION,
    "publicbody": EntityType.ORGANIZATION,
}


@dataclass(frozen=True)
class Problem:
    """A row that was skipped, by its line in the input, and why."""

    line: int
    reason: str


@dataclass
class ScoredPairs:
    """The input's columns plus the added ones, the scored rows, and the rows skipped."""

    columns: list[str]
    rows: list[dict[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def schema_type(schema: str) -> EntityType | None:
    """The casegraph type a schema name compares as; None (untyped) when it is neither kind."""
    return _SCHEMA_TYPES.get(schema.strip().lower())


def output_columns(header: Sequence[str] | None) -> list[str]:
    """The input's columns in order, then the added ones; a missing name column is an error.

    Raised rather than skipped: without the columns no row can be scored, so the
    user must hear it once, not once per row.
    """
    if not header:
        raise InputError("the pairs file is empty: expected a header row with name1, name2, schema")
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise InputError(
            f"the pairs file lacks column(s) {', '.join(missing)}; it has: {', '.join(header)}"
        )
    return [*header, *(column for column in ADDED if column not in header)]


def score_row(row: dict[str, str], threshold: float = DEFAULT_THRESHOLD) -> dict[str, str]:
    """One row with `score` (3 decimals), `match` (true/false at `threshold`) and `explanation`."""
    name1, name2 = row["name1"].strip(), row["name2"].strip()
    if not name1 or not name2:
        raise ValueError("name1 and name2 must both be non-empty")
    comparison = compare_names(name1, name2, schema_type(row["schema"]))
    return row | {
        "score": f"{comparison.score:.3f}",
        "match": "true" if comparison.score >= threshold else "false",
        "explanation": comparison.explanation,
    }


def score_pairs(lines: Iterable[str], threshold: float = DEFAULT_THRESHOLD) -> ScoredPairs:
    """Score every row of a pairs CSV; a malformed row becomes a `Problem`, never an abort.

    One bad row in a bench of hundreds should cost that row, not the run.
    """
    reader = csv.reader(iter(lines))
    try:
        first = next(reader, None)
    except csv.Error as exc:
        raise InputError(f"the pairs file's header cannot be read as CSV: {exc}") from exc
    # "name1, name2, schema" as a person types it still names the columns.
    header = [column.strip() for column in first or []]
    result = ScoredPairs(output_columns(header))
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.problems.append(Problem(reader.line_num, f"not valid CSV: {exc}"))
            continue
        if not any(value.strip() for value in values):
            continue
        if len(values) != len(header):
            reason = f"{len(values)} fields where the header has {len(header)}"
            result.problems.append(Problem(reader.line_num, reason))
            continue
        try:
            result.rows.append(score_row(dict(zip(header, values, strict=True)), threshold))
        except ValueError as exc:
            result.problems.append(Problem(reader.line_num, str(exc)))
    return result


def write_pairs(scored: ScoredPairs, handle: TextIO) -> None:
    """Write the scored rows as CSV, columns in input order then the added ones."""
    writer = csv.DictWriter(handle, fieldnames=scored.columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(scored.rows)
