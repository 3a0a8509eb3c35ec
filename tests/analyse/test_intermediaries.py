"""Intermediaries: parties inside supplier -> sanctioned routes, ranked."""

from __future__ import annotations

from typing import Any

from casegraph.analyse.case import case_from_export
from casegraph.analyse.intermediaries import Pair, intermediaries, suppliers
from casegraph.analyse.paths import Traversal
from casegraph.model import Status
from tests.analyse.fictional import fictional_case


def test_ranked_by_pairs_connected_then_routes() -> None:
    ranked = intermediaries(fictional_case())
    by_id = {i.entity_id: i for i in ranked}
    assert set(by_id) == {"maker", "broker"}  # a product on the way is no party
    assert set(by_id["maker"].pairs) == {Pair("parts", "broker"), Pair("parts", "end")}
    assert set(by_id["broker"].pairs) == {Pair("maker", "end"), Pair("parts", "end")}
    assert by_id["broker"].sanctioned and not by_id["maker"].sanctioned
    keys = [(-len(i.pairs), -len(i.paths)) for i in ranked]
    assert keys == sorted(keys)
    for item in ranked:
        assert all(item.entity_id in p.nodes[1:-1] for p in item.paths)


def test_suppliers_are_parties_that_move_goods() -> None:
    case = fictional_case()
    assert set(suppliers(case, Traversal())) == {"maker", "broker", "parts", "rival"}
    assert "rival" not in suppliers(case, Traversal(min_status=Status.UNCONFIRMED))


def test_status_floor_cuts_weak_routes() -> None:
    ranked = intermediaries(fictional_case(), rules=Traversal(min_status=Status.DOCUMENTED))
    assert {i.entity_id for i in ranked} == {"maker"}
    assert all(i.status is Status.DOCUMENTED for i in ranked)


def test_seed_broker_is_the_chokepoint(seed_export: dict[str, Any]) -> None:
    case = case_from_export(seed_export)
    ranked = intermediaries(case)
    assert ranked and ranked[0].entity_id == case.find("TSK Vektor").id
    assert Pair(case.find("Sichuan AEE").id, case.find("IEMZ Kupol").id) in ranked[0].pairs
