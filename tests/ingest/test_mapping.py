from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from casegraph.errors import SkipItem
from casegraph.ingest.mapping import ClaimMap, Source, load_mapping, mapping_path, parse_mapping
from casegraph.model import EntityType, Predicate

FIXTURES = Path(__file__).parent / "fixtures"


def test_fixture_mapping_reads() -> None:
    mapping = load_mapping(FIXTURES / "shipments.mapping.yaml")
    supplies, bills = mapping.claims
    assert supplies.predicate is Predicate.SUPPLIES and bills.predicate is Predicate.BILLS
    assert supplies.subject == Source(column="shipper", type=EntityType.ORGANIZATION)
    assert dict(supplies.attributes)["product"] == Source(column="goods", type=EntityType.PRODUCT)
    assert dict(supplies.attributes)["quantity"] == Source(column="quantity")
    assert bills.columns == ("shipper", "consignee", "value", "currency", "ship_date", "goods")


def test_party_types_follow_the_predicate_unless_given() -> None:
    raw = {
        "claims": [
            {
                "predicate": "visits",
                "subject": "traveller",
                "object": "city",
                "attributes": {"currency": {"value": "EUR"}},
            },
            {
                "predicate": "owns",
                "subject": {"column": "owner", "type": "person"},
                "object": "company",
            },
        ]
    }
    visits, owns = parse_mapping(raw, "m.yaml").claims
    assert (visits.subject.type, visits.object.type) == (EntityType.PERSON, EntityType.PLACE)
    assert dict(visits.attributes)["currency"] == Source(value="EUR")
    assert (owns.subject.type, owns.object.type) == (EntityType.PERSON, EntityType.ORGANIZATION)
    assert isinstance(owns, ClaimMap)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ([], "expected a 'claims:' list"),
        ({"claims": []}, "expected a 'claims:' list"),
        ({"claims": ["bills"]}, "claim 1: expected predicate"),
        (
            {"claims": [{"predicate": "sells", "subject": "a", "object": "b"}]},
            "unknown predicate 'sells'; use one of supplies",
        ),
        (
            {"claims": [{"predicate": "bills", "subject": "a"}]},
            "claim 1 object: give a column name",
        ),
        (
            {"claims": [{"predicate": "bills", "subject": {"value": "X"}, "object": "b"}]},
            "must come from a column",
        ),
        (
            {
                "claims": [
                    {
                        "predicate": "bills",
                        "subject": "a",
                        "object": "b",
                        "attributes": {"price": "p"},
                    }
                ]
            },
            "unknown attribute 'price'",
        ),
        (
            {
                "claims": [
                    {
                        "predicate": "bills",
                        "subject": {"column": "a", "type": "ship"},
                        "object": "b",
                    }
                ]
            },
            "unknown type 'ship'",
        ),
        (
            {"claims": [{"predicate": "bills", "subject": "a", "object": "b"}], "date_format": 5},
            "date_format must be text",
        ),
    ],
)
def test_mistakes_are_one_line_reasons(raw: Any, reason: str) -> None:
    with pytest.raises(SkipItem, match=reason) as caught:
        parse_mapping(raw, "ledger.mapping.yaml")
    assert str(caught.value).startswith("mapping ledger.mapping.yaml")


def test_mapping_is_found_beside_the_records(tmp_path: Path) -> None:
    records = tmp_path / "ledger.csv"
    assert mapping_path(records) is None
    (tmp_path / "ledger.mapping.yml").write_text("claims: []", encoding="utf-8")
    assert mapping_path(records) == tmp_path / "ledger.mapping.yml"


def test_unparsable_yaml_is_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "bad.mapping.yaml"
    path.write_text("claims: [unclosed", encoding="utf-8")
    with pytest.raises(SkipItem, match="mapping bad.mapping.yaml cannot be read"):
        load_mapping(path)
    assert yaml.safe_load((FIXTURES / "shipments.mapping.yaml").read_text(encoding="utf-8"))[
        "claims"
    ]
