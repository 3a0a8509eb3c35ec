"""A person's decisions are kept in the order made, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from casegraph.resolve.decisions import Decision
from casegraph.store.database import Store
from casegraph.store.decisions_table import add_decision, list_decisions, list_decisions_with_ids


def test_decisions_come_back_in_the_order_made_with_rising_ids(db_url: str) -> None:
    store = Store(db_url)
    made = [
        Decision.make("merge", "Nordvik Trading", "Nordvik Trading House", "same registry number"),
        Decision.make("split", "Ostrava"),
        Decision.make("not-same", "Kestrel Aero", "Kestrel Avionics", "différent addresses"),
    ]
    ids = [add_decision(store, d) for d in made]
    assert ids == sorted(ids) and len(set(ids)) == 3
    assert list_decisions(Store(db_url)) == made
    assert [i for i, _ in list_decisions_with_ids(store)] == ids
