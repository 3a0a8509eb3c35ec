"""Exposure: sanctioned parties within k hops, nearest first, with how they are reached."""

from __future__ import annotations

from typing import Any

from casegraph.analyse.case import case_from_export
from casegraph.analyse.exposure import exposure, exposures
from casegraph.analyse.paths import Traversal, route_line
from casegraph.model import Status
from tests.analyse.fictional import fictional_case


def test_nearest_first_with_reasons_and_routes() -> None:
    case = fictional_case()
    found = exposure(case, "ceo", hops=3)
    assert found.itself is None
    assert [(r.entity_id, r.distance) for r in found.reached] == [("broker", 2), ("end", 3)]
    broker, end = found.reached
    assert "OFAC SDN (2030-01-15) entry 90001" in broker.reason
    assert end.reason == "documented as sanctioned by United States"
    assert {p.nodes for p in broker.paths} == {("ceo", "maker", "broker"), ("ceo", "eng", "broker")}
    assert all(len(p.hops) == 3 and p.end == "end" for p in end.paths)


def test_claims_are_read_both_ways() -> None:
    # the supplier of a sanctioned customer and the customer's own supplier are both exposed
    case = fictional_case()
    assert [r.entity_id for r in exposure(case, "parts", hops=2).reached] == ["broker"]
    assert "end" in [r.entity_id for r in exposure(case, "kx7", hops=1).reached]


def test_hop_bound_and_status_floor() -> None:
    case = fictional_case()
    assert exposure(case, "ceo", hops=1).reached == ()
    strong = exposure(case, "ceo", hops=3, rules=Traversal(min_status=Status.DOCUMENTED))
    assert [r.entity_id for r in strong.reached] == ["broker", "end"]
    assert all(p.status is Status.DOCUMENTED for r in strong.reached for p in r.paths)


def test_a_denied_designation_does_not_count_and_a_sanctioned_party_says_so() -> None:
    case = fictional_case()
    assert "rival" not in [r.entity_id for r in exposure(case, "end", hops=1).reached]
    itself = exposure(case, "broker", hops=1).itself
    assert itself is not None and itself.matches[0].entry_id == "90001"


def test_every_unsanctioned_party_that_reaches_one() -> None:
    found = {x.entity_id for x in exposures(fictional_case())}
    assert found == {"maker", "parts", "rival", "ceo", "eng"}


def test_seed_second_maker_reaches_a_sanctioned_party_and_says_how(seed_export: dict[str, Any]) -> None:
    case = case_from_export(seed_export)
    sanctioned = {case.find("TSK Vektor").id, case.find("IEMZ Kupol").id}
    found = exposure(case, case.find("Hunan Haotianyi").id, hops=3)
    reached = [r for r in found.reached if r.entity_id in sanctioned]
    assert reached, "no route from the second maker to a listed party"
    first = reached[0]
    assert "OFAC SDN" in first.reason and first.paths
    assert route_line(case, first.paths[0]).startswith("Hunan Haotianyi")
    assert all(hop.links[0].evidence.quote for hop in first.paths[0].hops)
