"""`casegraph links`: type the link between two parties from the sentences that name them.

The model is the one that types the links of the graph (`links` in the JSON
export), trained on analysts' labels (StoryWeb); `bench/links.py` measures it
on pairs it has never seen.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, Annotated

import typer

from casegraph.commands.common import CsvOutOption, err, fail, progress
from casegraph.errors import CasegraphError
from casegraph.links.table import LinkTable, read_table, write_table

links_app = typer.Typer(
    help=(
        "Link types between two parties (BUSINESS, OWNER, FAMILY, ANTAGONIST, ...): "
        "`casegraph links classify --in sentences.csv -o typed.csv`."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)


@links_app.command("classify")
def classify_command(
    source: Annotated[
        Path,
        typer.Option(
            "--in", help="CSV with columns sentence, src_label, tgt_label; other columns are kept."
        ),
    ],
    output: CsvOutOption = None,
    by_pair: Annotated[
        bool,
        typer.Option(
            "--by-pair",
            help="Type each row from every row naming the same two parties (in either order), "
            "as the graph does, instead of from its own sentence alone.",
        ),
    ] = False,
) -> None:
    """Predict the link type of each row and write the rows back with a `predicted` column.

    src_label and tgt_label are the two parties' names as the sentence writes
    them, e.g. `"Jane Roe, the CEO of Acme Ltd, resigned.",Jane Roe,Acme Ltd`
    gives MANAGER. Types: BUSINESS, ASSOCIATE, WITHIN, MANAGER, ANTAGONIST,
    EMPLOYEE, OTHER, OWNER, INDIRECT, FAMILY, MEMBER.
    """
    table = _read(source)
    predicted = _classify(table, by_pair)
    if output is None or str(output) == "-":
        write_table(table, predicted, sys.stdout)
    else:
        try:
            with output.open("w", encoding="utf-8", newline="") as handle:
                write_table(table, predicted, handle)
        except OSError as exc:
            fail(f"cannot write {output}: {exc}")
    err.print(f"{len(table.rows)} rows typed" + (" by pair" if by_pair else ""))


def _read(source: Path) -> LinkTable:
    try:
        with source.open(encoding="utf-8-sig", newline="") as handle:
            return _parse(source, handle)
    except FileNotFoundError:
        fail(f"no such file: {source}")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {source}: {exc}")


def _parse(source: Path, handle: IO[str]) -> LinkTable:
    try:
        return read_table(handle)
    except CasegraphError as exc:
        fail(f"{source}: {exc}")


def _classify(table: LinkTable, by_pair: bool) -> list[str]:
    from casegraph.links.classifier import default_classifier

    examples = table.examples()
    with progress() as bar:
        task = bar.add_task("reading sentences", total=len(examples))
        try:
            classifier = default_classifier()
        except CasegraphError as exc:
            fail(str(exc))
        predictions = classifier.predict_rows(
            examples,
            by_pair=by_pair,
            on_progress=lambda done: bar.update(task, completed=done),
        )
    return [p.link_type.value for p in predictions]
