"""The case graph: built from the export contract, entities found by name, alias or id."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from casegraph.analyse.case import AmbiguousEntity, UnknownEntity, case_from_export
from tests.analyse.fictional import fictional_case
from tests.conftest import entity_named


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("maker", "maker"),  # an id
        ("Rostok Tekh Co., Ltd.", "maker"),  # the name
        ("rostok tekh", "maker"),  # an alias, other case
        ("NORTHWIND", "end"),
        ("Ostrava", "parts"),  # whole words of one name
        ("rostok tekh co ltd", "maker"),  # punctuation does not matter
    ],
)
def test_find_by_id_name_alias_or_words(key: str, expected: str) -> None:
    assert fictional_case().find(key).id == expected


def test_ambiguous_name_lists_every_candidate() -> None:
    with pytest.raises(AmbiguousEntity) as caught:
        fictional_case().find("vega")
    message = str(caught.value)
    assert "Vega Trade House LLC" in message and "Vega Systems" in message and "id" in message
    assert {e.id for e in caught.value.candidates} == {"broker", "rival"}


def test_unknown_name_suggests_close_ones() -> None:
    with pytest.raises(UnknownEntity, match="did you mean: .*Ostrava Parts"):
        fictional_case().find("Ostrava Partz")
    with pytest.raises(UnknownEntity):
        fictional_case().find("Zebulon")


def test_export_round_trip_keeps_every_entity_and_claim(seed_export: dict[str, Any]) -> None:
    case = case_from_export(seed_export)
    assert set(case.entities) == {e["id"] for e in seed_export["entities"]}
    assert [link.id for link in case.links] == [c["id"] for c in seed_export["claims"]]
    texts = {d.id: d.text for d in case.documents.values()}
    for link in case.links:
        ev = link.evidence
        assert texts[ev.document_id][ev.start : ev.end] == ev.quote
    kupol = entity_named(seed_export, "IEMZ Kupol")["id"]
    assert case.find("kupol").id == kupol and case.matches[kupol][0].entry_id == "46431"


def test_claims_a_person_rejected_are_left_out(seed_export: dict[str, Any]) -> None:
    data = copy.deepcopy(seed_export)
    data["claims"][0]["review"] = "rejected"
    assert len(case_from_export(data).links) == len(seed_export["claims"]) - 1
    assert len(case_from_export(data, keep_rejected=True).links) == len(seed_export["claims"])


def test_independent_sources_count_a_rewrite_once() -> None:
    case = fictional_case()
    supplies = [x for x in case.links if (x.subject, x.predicate.value, x.object) == ("maker", "supplies", "broker")]
    assert {x.evidence.document_id for x in supplies} == {"doc-a", "doc-b", "doc-c"}
    sources = case.sources(supplies)
    assert sources.count == 2 and ("doc-a", "doc-b") in sources.clusters
