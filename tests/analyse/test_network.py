from __future__ import annotations

from typing import Any

from casegraph.analyse.network import paths_to_sanctioned, sanctioned_ids


def _entity(eid: str, kind: str = "organization", sanctions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"id": eid, "name": eid.upper(), "type": kind, "sanctions": sanctions or []}


def _claim(s: str, p: str, o: str, status: str = "documented") -> dict[str, Any]:
    return {"subject": s, "predicate": p, "object": o, "status": status, "evidence": {"quote": f"{s} {p} {o}"}}


MATCH = {"list": "OFAC SDN", "list_date": "2024-05-03", "entry_id": "1", "matched_name": "END USER", "score": 0.9}
EXPORT = {
    "entities": [
        _entity("maker"), _entity("broker"), _entity("end", sanctions=[MATCH]), _entity("ceo", "person"),
        _entity("us", "authority"), _entity("other"), _entity("loner"),
    ],
    "claims": [
        _claim("maker", "supplies", "broker"),
        _claim("broker", "supplies", "end"),
        _claim("ceo", "role_in", "maker"),
        _claim("other", "sanctioned_by", "us", "reported"),
    ],
}


def test_sanctioned_by_list_or_by_claim() -> None:
    reasons = sanctioned_ids(EXPORT)
    assert set(reasons) == {"end", "other"}
    assert "entry 1" in reasons["end"] and "US" in reasons["other"]


def test_shortest_routes_to_sanctioned_parties() -> None:
    routes = paths_to_sanctioned(EXPORT)
    assert [(h.source, h.predicate, h.target, h.forward) for h in routes["maker"]] == [
        ("maker", "supplies", "broker", True),
        ("broker", "supplies", "end", True),
    ]
    assert len(routes["ceo"]) == 3
    assert "loner" not in routes and "end" not in routes


def test_hop_limit() -> None:
    assert "ceo" not in paths_to_sanctioned(EXPORT, max_hops=2)
