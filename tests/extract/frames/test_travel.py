from __future__ import annotations

import pytest

from tests.extract.frames.conftest import Read


@pytest.mark.parametrize(
    ("text", "triple", "attributes"),
    [
        ("Former minister Ivo Raske visited Kestrograd in March 2023.", ("Ivo Raske", "visits", "Kestrograd"), {"date": "2023-03"}),
        (
            "A delegation from Tamsin Avionics visited the Drevlin Motor Works plant in the city of Kestrograd.",
            ("Tamsin Avionics", "visits", "Drevlin Motor Works"),
            {"place": "Kestrograd"},
        ),
        ("Lena Haas travelled to Minsk in May 2022.", ("Lena Haas", "visits", "Minsk"), {"date": "2022-05"}),
        ("Drevlin Motor Works was visited by engineers from Rellmark Institute.", ("Rellmark Institute", "visits", "Drevlin Motor Works"), {}),
        ("Lena Haas's trip to Minsk in 2021 went unreported.", ("Lena Haas", "visits", "Minsk"), {"date": "2021"}),
    ],
)
def test_visits(claims: Read, text: str, triple: tuple[str, str, str], attributes: dict[str, str]) -> None:
    found = claims(text)
    assert triple in found
    assert attributes.items() <= found[triple].items()


def test_flying_out_of_a_place_is_no_visit_but_travelling_together(claims: Read) -> None:
    found = claims("Marek Lund and his lawyer, Corin Hale, flew out of Riga together in June 2023.")
    assert ("Marek Lund", "travels_with", "Corin Hale") in found
    assert not [t for t in found if t[1] == "visits"]
