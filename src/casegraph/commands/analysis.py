"""`casegraph path / exposure / intermediaries / timeline / dossier`: questions asked of a case.

Each command loads the case once from `--db`, runs one pure analysis from
`casegraph.analyse` and prints every hop with its claims: predicate, status,
date, the quote and the document it comes from. `--format json` prints the
same result as data, with a `names` map from entity id to name.
"""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Iterable
from enum import Enum
from pathlib import Path as FilePath
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from casegraph.analyse.case import CaseGraph, Link, load_case
from casegraph.analyse.exposure import Exposure, exposure, exposures
from casegraph.analyse.intermediaries import Intermediary, intermediaries
from casegraph.analyse.jsonable import payload
from casegraph.analyse.paths import Hop, Path, Traversal, find_paths, route_line
from casegraph.analyse.sanctions import sanctioned
from casegraph.analyse.timeline import TimelineEntry, timeline
from casegraph.commands.common import DbOption, err, fail, open_store, out
from casegraph.errors import CasegraphError
from casegraph.model import Status
from casegraph.settings import database_url


class Format(str, Enum):
    TEXT = "text"
    JSON = "json"


MinStatusOption = Annotated[
    Status,
    typer.Option(
        "--min-status",
        case_sensitive=False,
        help="Weakest claim status to use, from documented (strongest) through assessed, "
        "reported, unconfirmed to denied (weakest, the default: every claim, labelled).",
    ),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", case_sensitive=False, help="text or json.")
]
EntityArgument = Annotated[
    str, typer.Argument(help="Entity name, alias or id; case does not matter.")
]
SHOWN_DETAILS = ("role", "product", "quantity", "place", "program")


def load(db: str | None) -> CaseGraph:
    """The case in `--db`; a missing SQLite file or an empty case is a one-line error."""
    url = database_url(db)
    if url.startswith("sqlite:///") and not FilePath(url.removeprefix("sqlite:///")).exists():
        fail(
            f"no case database at {url.removeprefix('sqlite:///')}: run `casegraph ingest FILES --db ...` first"
        )
    try:
        case = load_case(open_store(db))
    except CasegraphError as exc:
        fail(str(exc))
    if not case.entities:
        fail(f"the case database {url} holds no entities yet: run `casegraph ingest FILES` first")
    return case


def find(case: CaseGraph, key: str) -> str:
    """The id of the entity named `key`; unknown or ambiguous names fail with candidates."""
    try:
        return case.find(key).id
    except CasegraphError as exc:
        fail(str(exc))


def path_command(
    source: EntityArgument,
    target: EntityArgument,
    max_hops: Annotated[
        int, typer.Option("--max-hops", min=1, max=8, help="Longest path, in claims.")
    ] = 4,
    min_status: MinStatusOption = Status.DENIED,
    directed: Annotated[
        bool,
        typer.Option(
            "--directed",
            help="Follow the goods: supplies/bills/makes from subject to object, pays/tests back.",
        ),
    ] = False,
    limit: Annotated[
        int, typer.Option("--limit", min=1, help="Paths shown, shortest and strongest first.")
    ] = 5,
    format: FormatOption = Format.TEXT,
    db: DbOption = None,
) -> None:
    """How SOURCE reaches TARGET: each path hop by hop, each hop with the claims that make it.

    Claims are read both ways unless --directed. Only parties and products sit
    inside a path (a shared city or sanctioning government links nothing).
    Example: casegraph path "Rostok Tekh" "Vega Systems" --min-status reported
    """
    case = load(db)
    start, end = find(case, source), find(case, target)
    rules = Traversal(min_status=min_status, directed=directed)
    paths = find_paths(case, start, end, max_hops, rules, limit)
    if format is Format.JSON:
        data = {"source": start, "target": end, "paths": paths}
        _print_json(case, data, [start, end, *(n for p in paths for n in p.nodes)])
        return
    title = f"{case.name(start)} -> {case.name(end)}"
    if not paths:
        out.print(
            f"no path from {escape(title)} within {max_hops} hops at status {min_status.value} or stronger"
        )
        return
    for number, found in enumerate(paths, 1):
        hops = f"{len(found.hops)} hop{'s' if len(found.hops) != 1 else ''}"
        out.print(
            f"\n[bold]path {number} of {len(paths)}[/bold] ({hops}, weakest: {found.status.value})"
        )
        print_path(case, found)


def exposure_command(
    entity: EntityArgument,
    hops: Annotated[
        int, typer.Option("--hops", min=1, max=6, help="How far to look, in claims.")
    ] = 3,
    min_status: MinStatusOption = Status.DENIED,
    format: FormatOption = Format.TEXT,
    db: DbOption = None,
) -> None:
    """Which sanctioned parties ENTITY reaches within --hops claims, and how.

    A party counts as sanctioned when it matches a sanctions list or a source
    says it is sanctioned (not denied). Claims are read both ways: supplier,
    customer, owner and employee of a sanctioned party are all exposed.
    """
    case = load(db)
    found = exposure(case, find(case, entity), hops, Traversal(min_status=min_status))
    if format is Format.JSON:
        ids = [found.entity_id, *(r.entity_id for r in found.reached)]
        _print_json(case, found, ids + [n for r in found.reached for p in r.paths for n in p.nodes])
        return
    print_exposure(case, found)


def intermediaries_command(
    max_hops: Annotated[
        int, typer.Option("--max-hops", min=2, max=8, help="Longest supply route, in claims.")
    ] = 4,
    min_status: MinStatusOption = Status.DENIED,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Intermediaries shown.")] = 10,
    format: FormatOption = Format.TEXT,
    db: DbOption = None,
) -> None:
    """Parties that goods pass through from a supplier to a sanctioned party, ranked.

    Rank: supplier -> sanctioned pairs connected, then routes, then the
    strongest status of a route. Routes follow the goods: supplies, bills,
    makes and develops from subject to object; pays and tests back.
    """
    case = load(db)
    ranked = intermediaries(case, max_hops, Traversal(min_status=min_status))[:limit]
    if format is Format.JSON:
        ids = [i.entity_id for i in ranked] + [n for i in ranked for p in i.paths for n in p.nodes]
        _print_json(case, list(ranked), ids)
        return
    print_intermediaries(case, ranked)


def timeline_command(
    entity: EntityArgument,
    min_status: MinStatusOption = Status.DENIED,
    format: FormatOption = Format.TEXT,
    db: DbOption = None,
) -> None:
    """ENTITY's claims in time order: day, month, quarter or year as the source gives it; undated last."""
    case = load(db)
    entity_id = find(case, entity)
    entries = timeline(case, entity_id, Traversal(min_status=min_status))
    if format is Format.JSON:
        ids = [entity_id, *(e.link.subject for e in entries), *(e.link.object for e in entries)]
        _print_json(case, {"entity": entity_id, "entries": entries}, ids)
        return
    print_timeline(case, entity_id, entries)


def dossier_command(
    entity: Annotated[
        str | None,
        typer.Argument(help="Entity name, alias or id. Omit for a dossier of the whole case."),
    ] = None,
    output: Annotated[
        FilePath | None,
        typer.Option("-o", "--output", help="HTML file to write. Default: standard output."),
    ] = None,
    hops: Annotated[int, typer.Option("--hops", min=1, max=6, help="Exposure search depth.")] = 3,
    db: DbOption = None,
) -> None:
    """A printable, self-contained HTML dossier of one entity (or the whole case), with its sources.

    Open it in a browser or print it to PDF; it needs no network. All document
    text is escaped, so nothing in a source document can run as script.
    """
    from casegraph.export.dossier import case_dossier, entity_dossier

    case = load(db)
    html = entity_dossier(case, find(case, entity), hops) if entity else case_dossier(case, hops)
    write_text(html, output)


def write_text(text: str, output: FilePath | None) -> None:
    """`text` to the file, or to standard output; an unwritable file is a one-line error."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc}")
    err.print(f"wrote {output}")


def _print_json(case: CaseGraph, result: Any, ids: Iterable[str]) -> None:
    data = payload({i: case.name(i) for i in set(ids)}, result)
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def print_path(case: CaseGraph, path: Path) -> None:
    out.print(f"  {escape(route_line(case, path))}")
    for number, hop in enumerate(path.hops, 1):
        print_hop(case, number, hop)


def print_hop(case: CaseGraph, number: int, hop: Hop) -> None:
    sources = f"{hop.sources.count} independent source{'s' if hop.sources.count != 1 else ''}"
    out.print(
        f"  {number}. {escape(case.name(hop.source))} — {escape(case.name(hop.target))}: "
        f"{hop.status.value}, {len(hop.links)} claim{'s' if len(hop.links) != 1 else ''}, {sources}"
    )
    for link in hop.links:
        print_link(case, link, indent="     ")


def describe(link: Link) -> str:
    """The details an analyst reads first: `CEO`, `A200; 5000000 CNY; 700000 USD`."""
    parts = [link.attribute(k) for k in SHOWN_DETAILS]
    for suffix in ("", "_2"):
        amount = link.attribute("amount" + suffix)
        if amount:
            parts.append(f"{amount} {link.attribute('currency' + suffix) or ''}".strip())
    return "; ".join(p for p in parts if p)


def print_link(case: CaseGraph, link: Link, indent: str = "  ") -> None:
    """A claim as an analyst checks it: what, how sure, when, the quote and where it is."""
    details = describe(link)
    when = link.date or "undated"
    out.print(
        f"{indent}[bold]{escape(case.name(link.subject))} {link.predicate.value} "
        f"{escape(case.name(link.object))}[/bold] {escape(f'[{link.status.value}]')} {escape(when)}"
        + (f" · {escape(details)}" if details else "")
    )
    out.print(f"{indent}  “{escape(' '.join(link.evidence.quote.split()))}”")
    out.print(f"{indent}  — {escape(source_label(case, link))}")


def source_label(case: CaseGraph, link: Link) -> str:
    """`title (source file), characters 120-245`: where to read the quote in place."""
    ev = link.evidence
    document = case.documents.get(ev.document_id)
    where = f"{document.title} ({document.source})" if document else ev.document_id
    locator = f", {ev.locator}" if ev.locator else ""
    return f"{where}{locator}, characters {ev.start}-{ev.end}"


def print_exposure(case: CaseGraph, found: Exposure) -> None:
    name = case.name(found.entity_id)
    if found.itself is not None:
        out.print(
            f"[bold red]{escape(name)} is itself sanctioned[/bold red]: {escape(found.itself.reason(case))}"
        )
    if not found.reached:
        out.print(f"{escape(name)}: no sanctioned party within {found.hops} hops")
        return
    count = len(found.reached)
    out.print(
        f"[bold]{escape(name)}[/bold] reaches {count} sanctioned part{'y' if count == 1 else 'ies'} within {found.hops} hops"
    )
    for reached in found.reached:
        out.print(
            f"\n[bold]{escape(case.name(reached.entity_id))}[/bold], {reached.distance} hops away — "
            f"sanctioned: {escape(reached.reason)}"
        )
        for path in reached.paths:
            out.print(f" route ({path.status.value}):")
            print_path(case, path)


def print_intermediaries(case: CaseGraph, ranked: Iterable[Intermediary]) -> None:
    ranked = list(ranked)
    if not ranked:
        out.print("no party sits between a supplier and a sanctioned party")
        return
    table = Table("rank", "party", "sanctioned", "connects", "routes", "strongest")
    for number, item in enumerate(ranked, 1):
        pairs = "; ".join(f"{case.name(p.supplier)} -> {case.name(p.end)}" for p in item.pairs)
        table.add_row(
            str(number),
            escape(case.name(item.entity_id)),
            "yes" if item.sanctioned else "no",
            escape(pairs),
            str(len(item.paths)),
            item.status.value,
        )
    out.print(table)
    top = ranked[0]
    out.print(f"\n[bold]strongest route through {escape(case.name(top.entity_id))}[/bold]")
    print_path(case, min(top.paths, key=lambda p: (p.status.rank, len(p.hops))))


def print_timeline(case: CaseGraph, entity_id: str, entries: Iterable[TimelineEntry]) -> None:
    entries = list(entries)
    out.print(
        f"[bold]{escape(case.name(entity_id))}[/bold]: {len(entries)} claims, earliest first, undated last"
    )
    shown: str | None = None
    for entry in entries:
        heading = entry.date or "undated"
        if heading != shown:
            out.print(f"\n[bold]{escape(heading)}[/bold]")
            shown = heading
        print_link(case, entry.link)


def print_sanctioned(case: CaseGraph, hops: int = 3) -> None:
    """The sanctioned parties of a case and, for every other party, its nearest route to one."""
    out.print("\n[bold]sanctioned parties[/bold]")
    for entity_id, why in sanctioned(case).items():
        out.print(f"  {escape(case.name(entity_id))}: {escape(why.reason(case))}")
    out.print("\n[bold]how other parties connect to them[/bold]")
    for found in exposures(case, hops):
        out.print("  " + escape(route_line(case, found.reached[0].paths[0], statuses=True)))


def next_steps(case: CaseGraph, db_url: str) -> list[str]:
    """Commands worth running next on this case, filled in with its own parties: the top
    intermediary's route, and the party farthest from the sanctioned one it reaches."""
    db = shlex.quote(db_url.removeprefix("sqlite:///"))
    steps = []
    ranked = intermediaries(case)
    if ranked:
        pair = ranked[0].pairs[0]
        steps.append(f"casegraph path {_arg(case, pair.supplier)} {_arg(case, pair.end)} --db {db}")
        steps.append(f"casegraph intermediaries --db {db}")
    exposed = sorted(exposures(case), key=lambda x: -x.reached[0].distance)
    if exposed:
        farthest = _arg(case, exposed[0].entity_id)
        steps.append(f"casegraph exposure {farthest} --db {db}")
        steps.append(f"casegraph timeline {farthest} --db {db}")
        steps.append(f"casegraph dossier {farthest} --db {db} -o dossier.html")
    steps.append(f"casegraph export --format ftm --db {db} -o case.ftm.json")
    steps.append(f"casegraph serve --db {db}        # the web UI, on this machine only")
    return steps


def _arg(case: CaseGraph, entity_id: str) -> str:
    return shlex.quote(case.name(entity_id))


def print_next_steps(case: CaseGraph, db_url: str) -> None:
    out.print("\n[bold]explore the case[/bold]")
    for step in next_steps(case, db_url):
        out.print(f"  {escape(step)}")
