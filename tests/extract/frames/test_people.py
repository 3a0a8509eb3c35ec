from __future__ import annotations

import pytest

from tests.extract.frames.conftest import Read

CASES = [
    ("Dariusz Kell, a member of the Halvard Party, voted against the bill.", ("Dariusz Kell", "member_of", "Halvard Party"), {}),
    ("Halvard Party member Dariusz Kell voted against the bill.", ("Dariusz Kell", "member_of", "Halvard Party"), {}),
    ("Tarn Logistics belongs to the Marsh Bay Shipping Association.", ("Tarn Logistics", "member_of", "Marsh Bay Shipping Association"), {}),
    ("Ivo Raske joined Veltria Systems as chief engineer in 2015.", ("Ivo Raske", "role_in", "Veltria Systems"), {"role": "chief engineer"}),
    ("Anton Merrow, the brother of Pavel Merrow, runs a trading house.", ("Anton Merrow", "family", "Pavel Merrow"), {"relation": "brother"}),
    ("Pavel Merrow's wife, Ilse Merrow, owns the villa.", ("Ilse Merrow", "family", "Pavel Merrow"), {"relation": "wife"}),
    ("Anton Merrow and Pavel Merrow are brothers who run a trading house in Riga.", ("Anton Merrow", "family", "Pavel Merrow"), {}),
    ("Kira Volland is married to Sergei Tamm, a shipping magnate.", ("Kira Volland", "family", "Sergei Tamm"), {"relation": "spouse"}),
    ("Corin Hale, a close associate of Marek Lund, registered the company.", ("Corin Hale", "associate", "Marek Lund"), {"relation": "close associate"}),
    ("Marek Lund's business partner, Ada Penrose, signed the contract in Riga.", ("Ada Penrose", "associate", "Marek Lund"), {}),
    ("Greyfield Bank sued Northwind Holdings in a London court.", ("Greyfield Bank", "antagonist", "Northwind Holdings"), {"relation": "sue"}),
    ("Kestrel Arms, a rival of Corvane Industries, bid for the contract.", ("Kestrel Arms", "antagonist", "Corvane Industries"), {"relation": "rival"}),
    ("Lena Haas filed a lawsuit against Raske Holdings in 2020.", ("Lena Haas", "antagonist", "Raske Holdings"), {"relation": "lawsuit"}),
    ("Marek Halloran, the chief executive of Veltria Systems, declined to comment.", ("Marek Halloran", "role_in", "Veltria Systems"), {}),
]


@pytest.mark.parametrize(("text", "triple", "attributes"), CASES)
def test_people_frames(claims: Read, text: str, triple: tuple[str, str, str], attributes: dict[str, str]) -> None:
    found = claims(text)
    assert triple in found
    assert attributes.items() <= found[triple].items()
    assert (triple[2], triple[1], triple[0]) not in found


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Northwind Holdings was sued by Greyfield Bank over unpaid loans.", ("Greyfield Bank", "antagonist", "Northwind Holdings")),
        ("Veltria Systems was accused by Kalvenor Defence Works of breaching the contract.", ("Kalvenor Defence Works", "antagonist", "Veltria Systems")),
    ],
)
def test_passive_accusation_keeps_the_accuser_as_subject(claims: Read, text: str, triple: tuple[str, str, str]) -> None:
    found = claims(text)
    assert triple in found and (triple[2], triple[1], triple[0]) not in found


def test_his_partner_may_be_a_spouse_and_is_left_alone(claims: Read) -> None:
    assert not [t for t in claims("Marek Lund and his partner, Ada Penrose, moved to Riga.") if t[1] == "associate"]


def test_a_named_party_s_partner_is_an_associate_not_a_role(claims: Read) -> None:
    found = claims("Ada Penrose, the partner of Orrin Trade, flew to Riga.")
    assert ("Ada Penrose", "associate", "Orrin Trade") in found
    assert ("Ada Penrose", "role_in", "Orrin Trade") not in found
    assert ("Ada Penrose", "role_in", "Halloran Legal") in claims("Ada Penrose, a partner at Halloran Legal, flew to Riga.")


def test_a_role_is_not_also_a_membership(claims: Read) -> None:
    found = claims("Ivo Raske joined Veltria Systems as chief engineer in 2015.")
    assert ("Ivo Raske", "member_of", "Veltria Systems") not in found
