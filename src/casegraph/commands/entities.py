"""`casegraph entities`: a person's merge, split and not-same decisions on resolved parties.

Decisions name parties as written in the documents ("Rostok Tekh"), matched
after normalisation (case, transliteration, legal forms), so they survive
re-ingest and renaming of entities. Each decision is stored, then resolution
and screening are re-run, so the next export already shows it.
"""

from __future__ import annotations

import difflib
import json
import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from casegraph.commands.common import DbOption, err, fail, out
from casegraph.errors import CasegraphError
from casegraph.model import Mention
from casegraph.pipeline import rebuild
from casegraph.resolve.decisions import Decision, DecisionKind, name_key
from casegraph.resolve.entities import keys_by_name
from casegraph.settings import database_url
from casegraph.store.database import Store
from casegraph.store.decisions_table import add_decision, list_decisions_with_ids

entities_app = typer.Typer(
    help=(
        "Decide who is who: merge two names into one party, split a name off, or mark two "
        "names as never the same. Decisions are kept in the database and win over the "
        "automatic resolution on every later ingest."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)

NoteOption = Annotated[
    str,
    typer.Option("--note", "-n", help="Why: kept with the decision and shown as the merge reason."),
]
NameA = Annotated[str, typer.Argument(help="A name as written in the documents.")]
NameB = Annotated[str, typer.Argument(help="The other name.")]


def _open(db: str | None) -> tuple[Store, list[Mention]]:
    try:
        store = Store(database_url(db))
        return store, store.mentions()
    except CasegraphError as exc:
        fail(str(exc))


def _check_known(name: str, mentions: list[Mention]) -> None:
    """Fail unless a stored mention reads as `name` after normalisation."""
    if name_key(name) and name_key(name) in keys_by_name(mentions):
        return
    written = sorted({m.text for m in mentions})
    close = difflib.get_close_matches(name, written, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    fail(f"unknown name {name!r}: no document in the store mentions it{hint}")


def _decide(
    db: str | None, kind: DecisionKind, a: str, b: str | None, note: str
) -> tuple[Store, Decision]:
    store, mentions = _open(db)
    for name in (a, b):
        if name is not None:
            _check_known(name, mentions)
    if b is not None and name_key(a) == name_key(b):
        if kind == "merge":
            out.print(f"{escape(a)} and {escape(b)} are already one name after normalisation")
            raise typer.Exit(0)
        fail(f"{a!r} and {b!r} are the same name after normalisation; they cannot be kept apart")
    decision = Decision.make(kind, a, b, note)
    try:
        number = add_decision(store, decision)
        rebuild(store)
    except CasegraphError as exc:
        fail(str(exc))
    err.print(f"decision {number} stored; entities rebuilt")
    return store, decision


def _entity_of(store: Store, name: str) -> str:
    """The entity a name now belongs to, with its other names."""
    key = name_key(name)
    links = store.mention_entities()
    ids = {links.get(m.id) for m in store.mentions() if name_key(m.text) == key} - {None}
    shown = []
    for entity in store.entities():
        if entity.id in ids:
            also = f" (also: {'; '.join(entity.aliases)})" if entity.aliases else ""
            shown.append(f"{entity.name}{also}")
    return ", ".join(shown) or "no entity"


@entities_app.command("merge")
def merge_command(a: NameA, b: NameB, note: NoteOption = "", db: DbOption = None) -> None:
    """Make the parties named A and B one entity, whatever the automatic rules say."""
    store, _ = _decide(db, "merge", a, b, note)
    out.print(f"{escape(a)} is now: {escape(_entity_of(store, a))}")


@entities_app.command("not-same")
def not_same_command(a: NameA, b: NameB, note: NoteOption = "", db: DbOption = None) -> None:
    """Never put the names A and B in one entity, even where spelling or short forms match."""
    store, _ = _decide(db, "not-same", a, b, note)
    for name in (a, b):
        out.print(f"{escape(name)} is now: {escape(_entity_of(store, name))}")


@entities_app.command("split")
def split_command(a: NameA, note: NoteOption = "", db: DbOption = None) -> None:
    """Take the name A out of the entity it was merged into; it stands alone."""
    store, _ = _decide(db, "split", a, None, note)
    out.print(f"{escape(a)} is now: {escape(_entity_of(store, a))}")


@entities_app.command("list")
def list_command(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Show every decision, in the order made (later ones win where they disagree)."""
    if format not in ("table", "json"):
        fail(f"unknown format {format!r}; use table or json")
    store, _ = _open(db)
    try:
        rows = list_decisions_with_ids(store)
    except CasegraphError as exc:
        fail(str(exc))
    if format == "json":
        data = [
            {"id": i, "kind": d.kind, "a": d.a, "b": d.b, "note": d.note, "made_at": d.made_at}
            for i, d in rows
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    if not rows:
        out.print("no decisions yet")
        return
    table = Table("id", "decision", "name", "other name", "note", "made at")
    for i, d in rows:
        table.add_row(str(i), d.kind, escape(d.a), escape(d.b or ""), escape(d.note), d.made_at)
    out.print(table)
