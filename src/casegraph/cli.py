"""The `casegraph` command: one group of commands per pipeline stage.

Every command that touches the store takes `--db URL` (default: the
`CASEGRAPH_DB` environment variable, else ./casegraph.db); commands that write
a file take `-o/--output FILE` (default: standard output).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from casegraph.analyse.case import case_from_export
from casegraph.commands.analysis import (
    dossier_command,
    exposure_command,
    intermediaries_command,
    path_command,
    print_next_steps,
    print_sanctioned,
    timeline_command,
)
from casegraph.commands.common import (
    CsvOutOption,
    DbOption,
    err,
    fail,
    open_store,
    out,
    progress,
)
from casegraph.commands.documents import documents_app
from casegraph.commands.entities import entities_app
from casegraph.commands.exports import FORMATS, write_export
from casegraph.commands.links import links_app
from casegraph.commands.lists import lists_app
from casegraph.commands.serve import serve_command
from casegraph.commands.synth import synth_command
from casegraph.errors import CasegraphError
from casegraph.export.json_export import build_export
from casegraph.ingest.files import discover
from casegraph.model import EntityType
from casegraph.pipeline import IngestReport, ingest, rebuild
from casegraph.screen.lists import SanctionsList
from casegraph.screen.pairs import score_pairs, write_pairs
from casegraph.screen.screening import DEFAULT_THRESHOLD
from casegraph.settings import database_url
from casegraph.store.database import Store

app = typer.Typer(
    help=(
        "casegraph turns investigative reporting into a sourced network of who supplied "
        "what to whom, and screens every party against sanctions lists.\n\n"
        "Typical run: `casegraph ingest reports/` then `casegraph export -o case.json`. "
        "`casegraph demo` runs the whole job on a bundled sample case."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(lists_app, name="lists")
app.add_typer(entities_app, name="entities")
app.add_typer(documents_app, name="documents")
app.add_typer(links_app, name="links")
app.command("serve")(serve_command)
app.command("synth")(synth_command)
app.command("path")(path_command)
app.command("exposure")(exposure_command)
app.command("intermediaries")(intermediaries_command)
app.command("timeline")(timeline_command)
app.command("dossier")(dossier_command)

OutputOption = Annotated[
    Path | None, typer.Option("-o", "--output", help="File to write. Default: standard output.")
]


def _run_ingest(
    store: Store, paths: list[str], workers: int | None = None, scheduler: str | None = None
) -> IngestReport:
    files = list(discover(paths))
    with progress() as bar:
        task = bar.add_task("ingesting", total=len(files))

        def advance(path: Path) -> None:
            bar.update(task, advance=1, description=f"ingesting {path.name[:40]}")

        if workers is None and scheduler is None:
            report = ingest(store, paths, on_file=advance, files=files)
        else:
            report = _ingest_on_cluster(store, files, advance, workers, scheduler)
    if report.added or store.counts().entities == 0:
        err.print("resolving entities and screening parties ...")
        rebuild(store)
    return report


def _ingest_on_cluster(
    store: Store,
    files: list[Path],
    advance: Callable[[Path], None],
    workers: int | None,
    scheduler: str | None,
) -> IngestReport:
    from casegraph.distributed import dask_client, ingest_on_cluster, worker_count

    err.print(f"starting Dask: {scheduler or f'{workers} local worker processes'} ...")
    with dask_client(workers, scheduler) as client:
        err.print(f"ingesting on {worker_count(client)} Dask workers")
        return ingest_on_cluster(store, client, files, on_file=advance)


def _print_report(report: IngestReport) -> None:
    err.print(
        f"{len(report.added)} added, {len(report.unchanged)} already stored, "
        f"{len(report.skipped)} skipped, {len(report.warnings)} warnings"
    )
    for skipped in report.skipped:
        err.print(f"  skipped {skipped.path}: {skipped.reason}")
    for warning in report.warnings:
        err.print(f"  warning {escape(warning.path)}: {escape(warning.reason)}")


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or folders to read: .txt, .md, .html, .pdf, .docx, .eml, .mbox, .zip, "
            "and records (.csv, .jsonl, .xlsx) with a NAME.mapping.yaml beside each."
        ),
    ],
    db: DbOption = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write the ingest report (JSON) to this file.")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Read and extract on a local Dask cluster of N worker processes (spaCy loads "
            "once in each); this process writes the results. Default: one process, no cluster.",
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Run on an existing Dask cluster, e.g. tcp://10.0.0.5:8786. Its workers must "
            "see the same paths and have casegraph installed.",
        ),
    ] = None,
) -> None:
    """Read documents, extract parties and sourced claims, resolve and screen them.

    Re-ingesting a file whose bytes are already stored changes nothing. A file
    that cannot be read is skipped with its reason, and a part left out of a
    read file (a malformed row, an attachment of unknown type) is a warning;
    both go to --report FILE as JSON. The exit code is non-zero
    only when nothing could be read. Each document is written with what was
    found in it in one transaction: after a crash, run the same command again
    and it picks up where it stopped.
    """
    if workers is not None and scheduler is not None:
        fail("give --workers (a local cluster) or --scheduler (an existing one), not both")
    try:
        result = _run_ingest(open_store(db), paths, workers, scheduler)
    except CasegraphError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from exc
    _print_report(result)
    if report is not None:
        data = {
            "added": result.added,
            "unchanged": result.unchanged,
            "skipped": [{"path": s.path, "reason": s.reason} for s in result.skipped],
            "warnings": [{"path": w.path, "reason": w.reason} for w in result.warnings],
        }
        report.write_text(json.dumps(data, indent=2), encoding="utf-8")
    if result.read == 0:
        raise typer.Exit(1)


@app.command("export")
def export_command(
    db: DbOption = None,
    output: OutputOption = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="json (the contract), ftm (FollowTheMoney JSON lines for Aleph / OpenSanctions), "
            "graphml (Gephi, yEd, networkx), neo4j (-o names a folder: nodes.csv, edges.csv, "
            "import.cypher) or html (printable case dossier).",
        ),
    ] = "json",
) -> None:
    """Write the case: entities with sanctions matches, claims with evidence, documents.

    JSON evidence offsets index each document's `text`: text[start:end] == quote.
    Example: casegraph export --format neo4j -o neo4j-import/
    """
    if format in FORMATS:
        write_export(db, format, output)
        return
    if format != "json":
        fail(f"unknown format {format!r}; use json, {', '.join(FORMATS)}")
    try:
        data = build_export(open_store(db))
    except CasegraphError as exc:
        err.print(f"error: {exc}")
        raise typer.Exit(2) from exc
    _write(json.dumps(data, ensure_ascii=False, indent=2), output)


def _screening_lists(db: str | None) -> list[SanctionsList]:
    """Lists stored in an existing database; screening never creates a database."""
    from casegraph.store.lists_table import stored_lists

    url = database_url(db)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return []
    try:
        return list(stored_lists(open_store(db)))
    except CasegraphError as exc:
        fail(str(exc))


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text + "\n")
    else:
        output.write_text(text + "\n", encoding="utf-8")


ThresholdOption = Annotated[
    float,
    typer.Option(
        "--threshold",
        min=0.0,
        max=1.0,
        help=f"Lowest score that counts as a match (0..1). Default: {DEFAULT_THRESHOLD}.",
    ),
]


@app.command("screen")
def screen_command(
    names: Annotated[
        list[str] | None,
        typer.Argument(help='Names to screen, e.g. "Rostok Tekh OOO". Optional with --names-file.'),
    ] = None,
    names_file: Annotated[
        Path | None,
        typer.Option(
            "--names-file", help="File with one name per line; blank lines and # comments skipped."
        ),
    ] = None,
    type: Annotated[
        str | None,
        typer.Option(
            "--type", "-t", help="person or organization; a person never matches a company."
        ),
    ] = None,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Matches shown per name.")] = 5,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    db: DbOption = None,
) -> None:
    """Screen names against the sanctions lists: those loaded into the database
    (`casegraph lists load`), else the bundled OFAC SDN snapshot.

    JSON output is one object keyed by query name; each match carries its list's
    name and publication date, so a result says which list, as of when.
    """
    from casegraph.screen.lists import default_lists
    from casegraph.screen.screening import Screener

    if type not in (None, EntityType.PERSON.value, EntityType.ORGANIZATION.value):
        fail(f"unknown type {type!r}; use person or organization")
    if format not in ("table", "json"):
        fail(f"unknown format {format!r}; use table or json")
    queries = list(names or [])
    if names_file is not None:
        queries += _read_names(names_file)
    if not queries:
        fail("no names to screen: give NAME arguments or --names-file")
    kind = EntityType(type) if type else None
    lists = _screening_lists(db) or default_lists()
    screener = Screener(lists)
    results = {
        name: screener.screen_name(name, kind, limit=limit, threshold=threshold) for name in queries
    }
    if format == "json":
        data = {
            n: [asdict(m) | {"programs": list(m.programs)} for m in ms] for n, ms in results.items()
        }
        _write(json.dumps(data, ensure_ascii=False, indent=2), None)
        return
    for lst in lists:
        out.print(f"list: {lst.name}, published {lst.published}, {len(lst.entries)} entries")
    for name, matches in results.items():
        if not matches:
            out.print(f"[bold]{escape(name)}[/bold]: no match above the threshold")
            continue
        table = Table(title=escape(name), title_justify="left")
        for col in ("score", "entry", "matched name", "programs", "explanation"):
            table.add_column(col)
        for m in matches:
            table.add_row(
                f"{m.score:.2f}",
                m.entry_id,
                escape(m.matched_name),
                ", ".join(m.programs),
                escape(m.explanation),
            )
        out.print(table)


def _read_names(path: Path) -> list[str]:
    """Names from a file, one a line; blank lines and lines starting with # are skipped."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        fail(f"no such file: {path}")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {path}: {exc}")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@app.command("match")
def match_command(
    pairs: Annotated[
        Path,
        typer.Option(
            "--pairs", help="CSV with columns name1, name2, schema; other columns are kept."
        ),
    ],
    output: CsvOutOption = None,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
) -> None:
    """Score name pairs with the scorer screening uses, to check it on your own cases.

    Writes every row back with `score` (0..1), `match` (true/false at the
    threshold) and `explanation`. Schema Person compares as a person; Company,
    Organization as an organisation; anything else (LegalEntity, Vessel) untyped.
    A malformed row is reported on standard error and skipped; the exit code is
    non-zero only when no row could be scored.
    """
    try:
        with pairs.open(encoding="utf-8-sig", newline="") as handle:
            scored = score_pairs(handle, threshold)
    except FileNotFoundError:
        fail(f"no such file: {pairs}")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read {pairs}: {exc}")
    except CasegraphError as exc:
        fail(f"{pairs}: {exc}")
    for problem in scored.problems:
        err.print(f"  skipped {escape(str(pairs))} line {problem.line}: {escape(problem.reason)}")
    if output is None or str(output) == "-":
        write_pairs(scored, sys.stdout)
    else:
        try:
            with output.open("w", encoding="utf-8", newline="") as handle:
                write_pairs(scored, handle)
        except OSError as exc:
            fail(f"cannot write {output}: {exc}")
    err.print(f"{len(scored.rows)} pairs scored, {len(scored.problems)} skipped")
    if not scored.rows and scored.problems:
        raise typer.Exit(1)


@app.command("demo")
def demo_command(
    db: DbOption = None,
    output: Annotated[
        Path,
        typer.Option("-o", "--output", help="Where to write the JSON export of the demo case."),
    ] = Path("casegraph-export.json"),
) -> None:
    """Run the whole job on the bundled sample case and print what it found."""
    sample = resources.files("casegraph") / "data" / "sample"
    with resources.as_file(sample) as folder:
        store = open_store(db)
        report = _run_ingest(store, [str(folder)])
    _print_report(report)
    data = build_export(store)
    output.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    summarize(data)
    out.print(f"\ndatabase: {store.url}\nexport:   {output.resolve()}")
    print_next_steps(case_from_export(data), store.url)


def summarize(data: dict[str, Any]) -> None:
    """A readable account of a case: parties, claims by status, sanctioned parties and routes to them."""
    names = {e["id"]: e["name"] for e in data["entities"]}
    parties = [e for e in data["entities"] if e["type"] in {"person", "organization"}]
    out.print(
        f"\n[bold]{len(data['documents'])} documents, {len(parties)} parties, {len(data['claims'])} claims[/bold]"
    )
    table = Table("party", "type", "countries", "also written")
    for e in parties:
        table.add_row(e["name"], e["type"], ", ".join(e["countries"]), "; ".join(e["aliases"]))
    out.print(table)
    by_status = Counter(c["status"] for c in data["claims"])
    out.print("claims by status: " + ", ".join(f"{s} {n}" for s, n in by_status.most_common()))
    claims = Table("subject", "predicate", "object", "status", "details")
    for c in data["claims"]:
        claims.add_row(
            names[c["subject"]],
            c["predicate"],
            names[c["object"]],
            c["status"],
            _details(c["attributes"]),
        )
    out.print(claims)
    print_sanctioned(case_from_export(data))


SHOWN = (
    "role",
    "product",
    "quantity",
    "amount",
    "currency",
    "amount_2",
    "currency_2",
    "date",
    "place",
)


def _details(attributes: dict[str, str]) -> str:
    """The attributes an analyst reads first, compactly: `A200; 5000000 CNY; 2025-Q2`."""
    parts = [attributes[k] for k in SHOWN if k in attributes]
    return str(
        escape(
            "; ".join(parts)
            .replace("; CNY", " CNY")
            .replace("; USD", " USD")
            .replace("; EUR", " EUR")
        )
    )


def main() -> None:
    app()
