"""The `reviews` table: a person accepting or rejecting a claim.

Keyed on the stored claim id, a content hash of the mentions, predicate and
evidence offsets: it stays the same when entities are merged or split and when
the same bytes are ingested again, so a review outlives every rebuild. The
latest review of a claim wins; older ones stay as the record of who changed
their mind.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import TYPE_CHECKING

from sqlalchemy import Column, Integer, String, Table, Text, insert, select

from casegraph.store.schema import metadata

if TYPE_CHECKING:
    from casegraph.store.database import Store

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(40), nullable=False, index=True),
    Column("verdict", String(10), nullable=False),
    Column("note", Text, nullable=False),
    Column("made_at", String(40), nullable=False),
)


class Verdict(str, Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Review:
    """One person's verdict on one stored claim."""

    claim_id: str
    verdict: Verdict
    note: str = ""
    made_at: str = ""


def _ensure(store: Store) -> None:
    reviews.create(store.engine, checkfirst=True)


def add_review(store: Store, claim_id: str, verdict: Verdict, note: str = "") -> Review:
    """Record a verdict now; it replaces the claim's earlier verdict."""
    _ensure(store)
    review = Review(claim_id, verdict, note, datetime.now(UTC).isoformat())
    row = {"claim_id": claim_id, "verdict": verdict.value, "note": note, "made_at": review.made_at}
    with store.engine.begin() as conn:
        conn.execute(insert(reviews).values(**row))
    return review


def latest_reviews(store: Store) -> dict[str, Review]:
    """The verdict in force for each reviewed claim."""
    _ensure(store)
    latest: dict[str, Review] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(select(reviews).order_by(reviews.c.id)).mappings():
            latest[r["claim_id"]] = Review(
                r["claim_id"], Verdict(r["verdict"]), r["note"], r["made_at"]
            )
    return latest
