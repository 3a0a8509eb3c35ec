"""The `decisions` table: merges, splits and not-same judgements by a person.

Defined on the store's `metadata`, so a Store opened after this module is
imported creates it with the others; the functions here also create it in a
database opened before, so older databases gain it on first use. Decisions
are never rewritten by a rebuild: they are the person's record, read back in
the order made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Column, Integer, String, Table, Text, insert, select

from casegraph.resolve.decisions import Decision
from casegraph.store.schema import metadata

if TYPE_CHECKING:  # database.py imports this module to create the table with the others
    from casegraph.store.database import Store

decisions = Table(
    "decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),
    Column("a", Text, nullable=False),
    Column("b", Text),
    Column("note", Text, nullable=False),
    Column("made_at", String(40), nullable=False),
)


def _ensure(store: Store) -> None:
    decisions.create(store.engine, checkfirst=True)


def add_decision(store: Store, decision: Decision) -> int:
    """Store a decision; its id, which also orders it among the others."""
    _ensure(store)
    row = {
        "kind": decision.kind,
        "a": decision.a,
        "b": decision.b,
        "note": decision.note,
        "made_at": decision.made_at,
    }
    with store.engine.begin() as conn:
        key = conn.execute(insert(decisions).values(**row)).inserted_primary_key
    return int(key[0]) if key else 0


def list_decisions(store: Store) -> list[Decision]:
    """Every decision, in the order made."""
    return [d for _, d in list_decisions_with_ids(store)]


def list_decisions_with_ids(store: Store) -> list[tuple[int, Decision]]:
    """Every decision with its id, in the order made."""
    _ensure(store)
    with store.engine.connect() as conn:
        rows = conn.execute(select(decisions).order_by(decisions.c.id)).mappings()
        return [
            (r["id"], Decision(r["kind"], r["a"], r["b"], r["note"], r["made_at"])) for r in rows
        ]
