"""The foundation slice on the user's own seed documents, end to end."""

from __future__ import annotations

from typing import Any

from rapidfuzz.distance import Levenshtein

from tests.conftest import entity_named


def _claims(export: dict[str, Any], subject: str, predicate: str, obj: str) -> list[dict[str, Any]]:
    s, o = entity_named(export, subject)["id"], entity_named(export, obj)["id"]
    return [c for c in export["claims"] if c["subject"] == s and c["object"] == o and c["predicate"] == predicate]


def test_contract_keys(seed_export: dict[str, Any]) -> None:
    assert set(seed_export) == {"entities", "claims", "documents", "links"}
    entity = seed_export["entities"][0]
    assert {"id", "type", "name", "aliases", "countries", "sanctions"} <= set(entity)
    claim = seed_export["claims"][0]
    assert {"id", "subject", "predicate", "object", "link_type", "attributes", "status", "evidence"} <= set(claim)
    assert {"document_id", "quote", "start", "end"} <= set(claim["evidence"])
    document = seed_export["documents"][0]
    assert {"id", "source", "title", "text", "removed", "duplicate_of", "derived_from"} <= set(document)


def test_every_claim_quote_equals_the_text_at_its_offsets(seed_export: dict[str, Any]) -> None:
    texts = {d["id"]: d["text"] for d in seed_export["documents"]}
    assert len(seed_export["claims"]) > 10
    for claim in seed_export["claims"]:
        ev = claim["evidence"]
        assert texts[ev["document_id"]][ev["start"] : ev["end"]] == ev["quote"]


def test_parties_and_products_found(seed_export: dict[str, Any]) -> None:
    expected = {
        "IEMZ Kupol": "organization",
        "TSK Vektor": "organization",
        "Sichuan AEE": "organization",
        "Hunan Haotianyi": "organization",
        "Liu Mingxing": "person",
        "A200": "product",
        "HW52V": "product",
        "Garpiya": "product",
    }
    for name, kind in expected.items():
        assert entity_named(seed_export, name)["type"] == kind


def test_misspelt_person_is_one_entity_close_to_the_right_spelling(seed_export: dict[str, Any]) -> None:
    people = [e for e in seed_export["entities"] if e["type"] == "person"]
    close = [e for e in people if Levenshtein.distance(e["name"].lower(), "artem vysotsky") <= 2]
    assert len(close) == 1


def test_spelling_variants_and_short_forms_resolved(seed_export: dict[str, Any]) -> None:
    haotianyi = entity_named(seed_export, "Hunan Haotianyi")
    assert haotianyi["name"] == "Hunan Haotianyi" and "Hunan Haotyanyi" in haotianyi["aliases"]
    assert entity_named(seed_export, "Kupol")["id"] == entity_named(seed_export, "IEMZ Kupol")["id"]
    assert entity_named(seed_export, "AEE")["id"] == entity_named(seed_export, "Sichuan AEE")["id"]
    assert entity_named(seed_export, "Vektor")["id"] == entity_named(seed_export, "TSK Vektor")["id"]
    assert all(m["reason"] for m in entity_named(seed_export, "IEMZ Kupol")["merges"])


def test_supply_chain_claims_documented(seed_export: dict[str, Any]) -> None:
    for subject, obj in [("Sichuan AEE", "TSK Vektor"), ("TSK Vektor", "IEMZ Kupol")]:
        claims = _claims(seed_export, subject, "supplies", obj)
        assert any(c["status"] == "documented" for c in claims), (subject, obj)
        assert all(c["link_type"] == "BUSINESS" for c in claims)


def test_role_in_with_title(seed_export: dict[str, Any]) -> None:
    claims = _claims(seed_export, "Liu Mingxing", "role_in", "Hunan Haotianyi")
    assert [c["attributes"]["role"] for c in claims] == ["CEO"]


def test_bill_carries_money_date_and_product(seed_export: dict[str, Any]) -> None:
    [bill] = _claims(seed_export, "Sichuan AEE", "bills", "TSK Vektor")
    attrs = bill["attributes"]
    assert (attrs["amount"], attrs["currency"]) == ("5000000", "CNY")
    assert (attrs["amount_2"], attrs["currency_2"]) == ("700000", "USD")
    assert attrs["date"] == "2025-Q2" and attrs["product"] == "A200"
    assert bill["status"] == "documented"


def test_sanctioned_parties_matched_to_their_own_sdn_entries(seed_export: dict[str, Any]) -> None:
    kupol = entity_named(seed_export, "IEMZ Kupol")
    vektor = entity_named(seed_export, "TSK Vektor")
    assert [m["entry_id"] for m in kupol["sanctions"]] == ["46431"]
    assert [m["entry_id"] for m in vektor["sanctions"]] == ["46441"]
    assert all(m["explanation"] and m["list_date"] == "2024-05-03" for m in kupol["sanctions"] + vektor["sanctions"])


def test_unsanctioned_parties_have_no_matches(seed_export: dict[str, Any]) -> None:
    for name in ("Sichuan AEE", "Hunan Haotianyi", "Liu Mingxing"):
        assert entity_named(seed_export, name)["sanctions"] == []


def test_spam_never_becomes_a_party(seed_export: dict[str, Any]) -> None:
    names = {e["name"] for e in seed_export["entities"]} | {a for e in seed_export["entities"] for a in e["aliases"]}
    assert "Netflix" not in names


def _one_way(export: dict[str, Any], subject: str, predicate: str, obj: str) -> list[dict[str, Any]]:
    """The claims `subject -predicate-> obj`, checking none reads the other way."""
    assert not _claims(export, obj, predicate, subject), (obj, predicate, subject)
    return _claims(export, subject, predicate, obj)


def test_bill_stated_with_descriptions_is_resolved(seed_export: dict[str, Any]) -> None:
    # "the procurement company billed the weapons manufacturer" in the second quarter of 2024
    [bill] = _one_way(seed_export, "TSK Vektor", "bills", "IEMZ Kupol")
    attrs = bill["attributes"]
    assert attrs["date"] == "2024-Q2"
    assert (attrs["subject_ref"], attrs["object_ref"]) == ("the procurement company", "the weapons manufacturer")
    assert "the procurement company billed the weapons manufacturer" in bill["evidence"]["quote"]


def test_bill_from_the_drone_maker_runs_one_way(seed_export: dict[str, Any]) -> None:
    [bill] = _one_way(seed_export, "Sichuan AEE", "bills", "TSK Vektor")
    assert (bill["attributes"]["amount"], bill["attributes"]["currency"], bill["attributes"]["date"]) == ("5000000", "CNY", "2025-Q2")


def test_manufacturers_of_the_named_drones(seed_export: dict[str, Any]) -> None:
    assert _one_way(seed_export, "Sichuan AEE", "manufactures", "A200")
    assert _one_way(seed_export, "Hunan Haotianyi", "manufactures", "HW52V")
    makers = {c["subject"] for c in seed_export["claims"] if c["predicate"] == "manufactures" and c["object"] == entity_named(seed_export, "A200")["id"]}
    assert makers == {entity_named(seed_export, "Sichuan AEE")["id"]}


def test_analyst_role_with_title(seed_export: dict[str, Any]) -> None:
    [role] = _one_way(seed_export, "Samuel Bendett", "role_in", "Center for a New American Security")
    assert role["attributes"]["role"] == "adjunct senior fellow"
    assert role["link_type"] == "EMPLOYEE"  # a fellow runs nothing


def test_drone_variants(seed_export: dict[str, Any]) -> None:
    assert _one_way(seed_export, "Garpiya", "variant_of", "Shahed")
    [ga21] = _one_way(seed_export, "GA-21", "variant_of", "Shahed-107")
    assert ga21["status"] == "assessed"
    assert entity_named(seed_export, "Shahed")["id"] != entity_named(seed_export, "Shahed-107")["id"]
