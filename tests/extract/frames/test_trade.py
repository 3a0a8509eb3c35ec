from __future__ import annotations

from tests.extract.frames.conftest import Read


def test_intermediary_named_with_through(claims: Read) -> None:
    found = claims("Harrowgate Munitions bought dozens of engines from Pellucid Motors through Sarnow Trade, bank records show.")
    assert found[("Pellucid Motors", "supplies", "Harrowgate Munitions")]["via"] == "Sarnow Trade"
    assert ("Sarnow Trade", "supplies", "Harrowgate Munitions") not in found


def test_by_phrase_hung_on_the_recipient_still_names_the_supplier(claims: Read) -> None:
    found = claims("The FA-9 drones, which were built by Feldspar Aero, were later supplied to Harrowgate Munitions by Orlen Freight.")
    assert found[("Orlen Freight", "supplies", "Harrowgate Munitions")]["product"] == "FA-9"
    assert ("Harrowgate Munitions", "supplies", "Orlen Freight") not in found


def test_bill_for_unnamed_goods_keeps_the_goods(claims: Read) -> None:
    found = claims("Orlen Freight billed Harrowgate Munitions for twelve drones made by Feldspar Aero.")
    assert found[("Orlen Freight", "bills", "Harrowgate Munitions")]["goods"] == "twelve drones"


def test_payment_with_amount_and_date(claims: Read) -> None:
    found = claims("A bank statement shows that Quorra Logistics paid drone maker Feldspar Aero $1.2 million in May 2024.")
    attributes = found[("Quorra Logistics", "pays", "Feldspar Aero")]
    assert (attributes["amount"], attributes["currency"], attributes["date"]) == ("1200000", "USD", "2024-05")


def test_each_clause_gives_its_own_claim(claims: Read) -> None:
    text = (
        "Customs records show that Kalvenor Defence Works received radar units from Brightwater Tooling "
        "and that Ostrava Armaments bought the same units from Nordvik Trading."
    )
    assert set(claims(text)) == {
        ("Brightwater Tooling", "supplies", "Kalvenor Defence Works"),
        ("Nordvik Trading", "supplies", "Ostrava Armaments"),
    }
