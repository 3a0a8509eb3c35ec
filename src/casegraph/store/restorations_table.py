"""The `restorations` table: spans a person told cleaning to keep.

Cleaning withholds paragraphs from extraction (spam, bylines, captions); a
person who judges one to be article text restores it. The decision is keyed
on the document id (the hash of its bytes) and the span's offsets in the
stored text, so it survives a rebuild, a re-ingest and a new version of the
cleaner: any span the cleaner proposes that overlaps a restored one is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Column, Integer, String, Table, Text, insert, select

from casegraph.store.schema import metadata

if TYPE_CHECKING:  # database.py imports this module to create the table with the others
    from casegraph.store.database import Store

restorations = Table(
    "restorations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(40), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("note", Text, nullable=False),
    Column("made_at", String(40), nullable=False),
)


@dataclass(frozen=True)
class Restoration:
    """Keep `document_id`'s text from `start` to `end` in extraction."""

    document_id: str
    start: int
    end: int
    note: str = ""
    made_at: str = ""


def _ensure(store: Store) -> None:
    restorations.create(store.engine, checkfirst=True)


def add_restoration(
    store: Store, document_id: str, start: int, end: int, note: str = ""
) -> Restoration:
    """Record that a span is to be kept, now."""
    _ensure(store)
    made = Restoration(document_id, start, end, note, datetime.now(UTC).isoformat())
    row = {
        "document_id": document_id,
        "start": start,
        "end": end,
        "note": note,
        "made_at": made.made_at,
    }
    with store.engine.begin() as conn:
        conn.execute(insert(restorations).values(**row))
    return made


def list_restorations(store: Store) -> list[Restoration]:
    """Every restoration, in the order made."""
    _ensure(store)
    with store.engine.connect() as conn:
        rows = conn.execute(select(restorations).order_by(restorations.c.id)).mappings()
        return [
            Restoration(r["document_id"], r["start"], r["end"], r["note"], r["made_at"])
            for r in rows
        ]


def kept_spans(store: Store) -> dict[str, list[tuple[int, int]]]:
    """Restored (start, end) spans by document id."""
    kept: dict[str, list[tuple[int, int]]] = {}
    for r in list_restorations(store):
        kept.setdefault(r.document_id, []).append((r.start, r.end))
    return kept
