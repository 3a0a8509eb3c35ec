"""Analysis results serialise to plain JSON for `--format json` and the API."""

from __future__ import annotations

import json

from casegraph.analyse.exposure import exposure
from casegraph.analyse.jsonable import jsonable
from casegraph.analyse.paths import find_paths
from tests.analyse.fictional import fictional_case


def test_a_path_becomes_plain_data_with_its_derived_fields() -> None:
    [path] = find_paths(fictional_case(), "maker", "broker", 1)
    data = json.loads(json.dumps(jsonable(path)))
    assert data["start"] == "maker" and data["end"] == "broker" and data["status"] == "documented"
    hop = data["hops"][0]
    assert hop["status"] == "documented" and hop["sources"]["count"] == 2
    assert hop["sources"]["clusters"] == [["doc-a", "doc-b"], ["doc-c"]]  # a pair of ids stays a list
    [first] = [x for x in hop["links"] if x["predicate"] == "supplies" and x["evidence"]["document_id"] == "doc-a"]
    assert first["attributes"] == {"date": "2025-Q1", "product": "KX-7", "quantity": "20"}
    assert first["date"] == "2025-Q1" and first["evidence"]["quote"] == "maker supplies broker."


def test_an_exposure_round_trips_through_json() -> None:
    found = exposure(fictional_case(), "ceo", 3)
    data = json.loads(json.dumps(jsonable(found)))
    assert [r["entity_id"] for r in data["reached"]] == ["broker", "end"]
    assert data["reached"][0]["sanctions"]["matches"][0]["programs"] == ["RUSSIA-EO14024"]
