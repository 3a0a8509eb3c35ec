"""Sanctions lists kept in the store, so screening uses the lists a user loaded.

Two tables on the store's `metadata`: `sanction_lists` (one row a list: its
name, publication date, source, format and when it was loaded) and
`sanction_entries` (its parties, in the list's own order). Loading a list under
a name already stored replaces that list whole, in one transaction, so a crash
never leaves half of an old and half of a new list.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    Column,
    Engine,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.exc import SQLAlchemyError

from casegraph.errors import InputError, StoreError
from casegraph.screen.lists import ListEntry, SanctionsList
from casegraph.store.schema import metadata

if TYPE_CHECKING:
    from casegraph.store.database import Store

NAME_LENGTH = 80  # as screening_matches.list_name
ENTRY_ID_LENGTH = 200
FORMAT_LENGTH = 20

sanction_lists = Table(
    "sanction_lists",
    metadata,
    Column("name", String(NAME_LENGTH), primary_key=True),
    Column("published", String(10), nullable=False),
    Column("source", Text, nullable=False),
    Column("format", String(FORMAT_LENGTH), nullable=False),
    Column("loaded_at", String(32), nullable=False),
)

sanction_entries = Table(
    "sanction_entries",
    metadata,
    Column("list_name", String(NAME_LENGTH), ForeignKey("sanction_lists.name"), primary_key=True),
    Column("entry_id", String(ENTRY_ID_LENGTH), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("schema", String(20), nullable=False),
    Column("names", JSON, nullable=False),
    Column("programs", JSON, nullable=False),
    Column("countries", JSON, nullable=False),
    Column("remarks", Text, nullable=False),
)

_TABLES = [sanction_lists, sanction_entries]
_ready: weakref.WeakSet[Engine] = weakref.WeakSet()


@dataclass(frozen=True)
class ListSummary:
    """A stored list without its entries: what `casegraph lists show` prints."""

    name: str
    published: str
    source: str
    format: str
    loaded_at: str
    entries: int


def save_list(store: Store, sanctions_list: SanctionsList, format: str) -> None:
    """Store a list read in `format`, replacing a stored list of the same name."""
    _check(sanctions_list, format)
    list_row = {
        "name": sanctions_list.name,
        "published": sanctions_list.published,
        "source": sanctions_list.source,
        "format": format,
        "loaded_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    rows = [_entry_row(sanctions_list.name, n, e) for n, e in enumerate(sanctions_list.entries)]
    engine = _engine(store)
    try:
        with engine.begin() as conn:
            name = sanctions_list.name
            conn.execute(delete(sanction_entries).where(sanction_entries.c.list_name == name))
            conn.execute(delete(sanction_lists).where(sanction_lists.c.name == name))
            conn.execute(insert(sanction_lists), [list_row])
            if rows:
                conn.execute(insert(sanction_entries), rows)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot store list {sanctions_list.name!r}: {_first_line(exc)}") from exc


def stored_lists(store: Store) -> list[SanctionsList]:
    """Every stored list with its entries in their original order, lists by name."""
    lists_query = select(sanction_lists).order_by(sanction_lists.c.name)
    entries_query = select(sanction_entries).order_by(
        sanction_entries.c.list_name, sanction_entries.c.position
    )
    try:
        with _engine(store).connect() as conn:
            list_rows = list(conn.execute(lists_query).mappings())
            entries: dict[str, list[ListEntry]] = {r["name"]: [] for r in list_rows}
            for r in conn.execute(entries_query).mappings():
                entries.setdefault(r["list_name"], []).append(_entry(r))
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read stored lists: {_first_line(exc)}") from exc
    return [
        SanctionsList(r["name"], r["published"], r["source"], tuple(entries[r["name"]]))
        for r in list_rows
    ]


def list_summaries(store: Store) -> list[ListSummary]:
    """Every stored list with its number of entries, by name; no entries are read."""
    counts = (
        select(sanction_entries.c.list_name, func.count().label("entries"))
        .group_by(sanction_entries.c.list_name)
        .subquery()
    )
    query = (
        select(sanction_lists, func.coalesce(counts.c.entries, 0).label("entries"))
        .outerjoin(counts, counts.c.list_name == sanction_lists.c.name)
        .order_by(sanction_lists.c.name)
    )
    try:
        with _engine(store).connect() as conn:
            rows = list(conn.execute(query).mappings())
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read stored lists: {_first_line(exc)}") from exc
    return [
        ListSummary(
            r["name"], r["published"], r["source"], r["format"], r["loaded_at"], int(r["entries"])
        )
        for r in rows
    ]


def _engine(store: Store) -> Engine:
    """The store's engine, with these tables created if the store was opened without them."""
    engine = store.engine
    if engine not in _ready:
        try:
            metadata.create_all(engine, tables=_TABLES)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot create the list tables in {store.url}: {exc}") from exc
        _ready.add(engine)
    return engine


def _check(sanctions_list: SanctionsList, format: str) -> None:
    name = sanctions_list.name
    if not name.strip() or len(name) > NAME_LENGTH:
        raise InputError(f"list name must be 1 to {NAME_LENGTH} characters: {name!r}")
    if not format or len(format) > FORMAT_LENGTH:
        raise InputError(f"list format must be 1 to {FORMAT_LENGTH} characters: {format!r}")
    seen: set[str] = set()
    for entry in sanctions_list.entries:
        if not entry.entry_id or len(entry.entry_id) > ENTRY_ID_LENGTH:
            raise InputError(f"{name}: entry id must be 1 to {ENTRY_ID_LENGTH} characters")
        if entry.entry_id in seen:
            raise InputError(f"{name}: entry id {entry.entry_id!r} occurs twice")
        seen.add(entry.entry_id)


def _entry_row(list_name: str, position: int, e: ListEntry) -> dict[str, Any]:
    return {
        "list_name": list_name,
        "entry_id": e.entry_id,
        "position": position,
        "schema": e.schema,
        "names": list(e.names),
        "programs": list(e.programs),
        "countries": list(e.countries),
        "remarks": e.remarks,
    }


def _entry(r: Any) -> ListEntry:
    return ListEntry(
        entry_id=r["entry_id"],
        schema=r["schema"],
        names=tuple(r["names"]),
        programs=tuple(r["programs"]),
        remarks=r["remarks"],
        countries=tuple(r["countries"]),
    )


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
