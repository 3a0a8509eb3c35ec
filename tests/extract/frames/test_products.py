from __future__ import annotations

import pytest

from tests.extract.frames.conftest import Read


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("The KX-9, which is modelled on the ZR-40, entered service in 2021.", ("KX-9", "variant_of", "ZR-40")),
        ("The ZR-40 is a copy of the Iranian-designed Kamsin-2 drone.", ("ZR-40", "variant_of", "Kamsin-2")),
        ("Tamsin Avionics builds the Vega-7, a version of the KX-9.", ("Vega-7", "variant_of", "KX-9")),
        ("The Falx-2 was derived from the Falx-1.", ("Falx-2", "variant_of", "Falx-1")),
        ("The Orlan-10M is based on the Orlan-10, officials said.", ("Orlan-10M", "variant_of", "Orlan-10")),
        ("Dozens of KX-9 loitering munitions built by Corvane Industries reached the front.", ("Corvane Industries", "manufactures", "KX-9")),
        ("The FA-9 drones, which were built by Feldspar Aero, were later sold.", ("Feldspar Aero", "manufactures", "FA-9")),
        ("Corvane Industries, the maker of the ZR-40, declined to comment.", ("Corvane Industries", "manufactures", "ZR-40")),
        ("Corvane Industries tested the Falx-2 at the Dunmore test range.", ("Corvane Industries", "tests", "Falx-2")),
    ],
)
def test_product_frames(claims: Read, text: str, triple: tuple[str, str, str]) -> None:
    found = claims(text)
    assert triple in found and (triple[2], triple[1], triple[0]) not in found


def test_developer_of_a_variant_does_not_develop_the_original(claims: Read) -> None:
    found = claims("Engineers at Rellmark Institute developed the Falx-2, a version of the Falx-1, in 2022.")
    assert ("Rellmark Institute", "develops", "Falx-2") in found
    assert ("Rellmark Institute", "develops", "Falx-1") not in found


MAKER_OF_CLASS = (
    "Orlen Freight billed Harrowgate Munitions for twelve drones made by Feldspar Aero.\n"
    "A sales record confirmed the delivery of the FA-3 and FA-5 surveillance drones to Orlen Freight."
)


def test_maker_of_unnamed_drones_makes_the_drones_delivered_next(claims: Read) -> None:
    found = claims(MAKER_OF_CLASS)
    assert {("Feldspar Aero", "manufactures", p) for p in ("FA-3", "FA-5")} <= set(found)


def test_a_maker_named_for_the_products_wins(claims: Read) -> None:
    text = MAKER_OF_CLASS.replace("surveillance drones to", "surveillance drones, built by Tamsin Avionics, to")
    found = claims(text)
    assert ("Tamsin Avionics", "manufactures", "FA-3") in found
    assert ("Feldspar Aero", "manufactures", "FA-3") not in found


def test_named_products_far_from_the_maker_stay_unclaimed(claims: Read) -> None:
    filler = "The deal was later renegotiated. Officials declined to comment. The contract ran until 2025. "
    text = MAKER_OF_CLASS.replace("\n", "\n" + filler)
    assert ("Feldspar Aero", "manufactures", "FA-3") not in claims(text)
