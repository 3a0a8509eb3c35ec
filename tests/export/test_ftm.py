"""FollowTheMoney export: every entity valid for the followthemoney library, references whole."""

from __future__ import annotations

import io
import json
from collections import Counter
from typing import Any

from followthemoney import model
from followthemoney.types import registry

from casegraph.analyse.case import CaseGraph, case_from_export
from casegraph.export.ftm import write_ftm
from tests.analyse.fictional import fictional_case


def _export(case: CaseGraph) -> list[dict[str, Any]]:
    buffer = io.StringIO()
    count = write_ftm(case, buffer)
    lines = buffer.getvalue().splitlines()
    assert len(lines) == count
    return [json.loads(line) for line in lines]


def assert_valid(entities: list[dict[str, Any]]) -> None:
    """What Aleph's loader checks: known schema, valid values, required properties, whole references."""
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities), "duplicate ids"
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        schema.validate(data)
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.to_dict()["properties"] == data["properties"]
        for required in schema.required:
            assert data["properties"].get(required), (data["schema"], required)
        for name, values in data["properties"].items():
            prop = schema.get(name)
            assert prop is not None, (data["schema"], name)
            if prop.type == registry.entity:
                for value in values:
                    assert value in by_id, f"{data['schema']}.{name} -> {value} missing"
                    assert model.get(by_id[value]["schema"]).is_a(prop.range), (data["schema"], name)


def test_fictional_case_maps_each_predicate_to_its_schema() -> None:
    entities = _export(fictional_case())
    assert_valid(entities)
    by_id = {e["id"]: e for e in entities}
    schema_of = {k: v["schema"] for k, v in by_id.items()}
    assert schema_of["maker"] == "Company" and schema_of["broker"] == "Company"
    assert schema_of["loner"] == "Organization" and schema_of["ceo"] == "Person"
    assert schema_of["us"] == "PublicBody" and "kx7" not in by_id and "port" not in by_id
    links = Counter(e["schema"] for e in entities)
    assert links["Directorship"] == 1 and links["Employment"] == 1 and links["Associate"] == 1
    assert links["Payment"] == 1 and links["PlainText"] == 3
    [payment] = [e for e in entities if e["schema"] == "Payment"]
    assert payment["properties"]["payer"] == ["end"] and payment["properties"]["beneficiary"] == ["broker"]
    assert payment["properties"]["amount"] == ["1200000"] and payment["properties"]["currency"] == ["EUR"]
    assert payment["properties"]["startDate"] == ["2025-01-01"] and payment["properties"]["endDate"] == ["2025-12-31"]


def test_every_claim_is_exported_with_its_quote_and_source() -> None:
    case = fictional_case()
    entities = _export(case)
    by_id = {e["id"]: e["properties"] for e in entities}
    for link in case.links:
        props = by_id[link.id]  # a claim keeps its id as an FtM entity
        assert props["description"] == [link.evidence.quote]
        assert props["proof"] == [link.evidence.document_id]
        assert props["summary"][0].startswith(f"{link.predicate.value}, {link.status.value}")


def test_sanctions_from_lists_and_from_claims() -> None:
    entities = _export(fictional_case())
    sanctions = [e["properties"] for e in entities if e["schema"] == "Sanction"]
    listed = [s for s in sanctions if s.get("authorityId") == ["90001"]]
    assert listed and listed[0]["entity"] == ["broker"] and "0.97" in listed[0]["summary"][0]
    reported = [s for s in sanctions if s.get("authority") == ["United States"]]
    assert {s["entity"][0] for s in reported} == {"end", "rival"}
    assert any("denied" in s["summary"][0] for s in reported)


def test_a_claim_about_a_product_or_place_is_a_note_on_its_party() -> None:
    entities = _export(fictional_case())
    notes = [e["properties"] for e in entities if e["schema"] == "Note"]
    assert {n["name"][0] for n in notes} == {
        "Rostok Tekh Co., Ltd. located in Port Elden",
        "Vega Trade House LLC located in Port Elden",
        "Rostok Tekh Co., Ltd. manufactures KX-7",
        "Northwind Aerosystems JSC tests KX-7 (2025-Q3)",
    }


def test_seed_export_is_valid(seed_export: dict[str, Any]) -> None:
    entities = _export(case_from_export(seed_export))
    assert len(entities) > len(seed_export["entities"]) // 2
    assert_valid(entities)
    kupol = next(e for e in entities if "IEMZ Kupol" in e["properties"].get("name", []))
    assert any(
        e["schema"] == "Sanction" and e["properties"]["entity"] == [kupol["id"]]
        and e["properties"].get("authorityId") == ["46431"]
        for e in entities
    )
