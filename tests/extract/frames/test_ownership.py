from __future__ import annotations

import pytest

from tests.extract.frames.conftest import Read


@pytest.mark.parametrize(
    "text",
    [
        "Raske Holdings owns Tarn Logistics, according to the registry.",
        "Tarn Logistics is controlled by Raske Holdings.",
        "Tarn Logistics, a subsidiary of Raske Holdings, leased the warehouse.",
        "Raske Holdings' subsidiary Tarn Logistics leased the warehouse.",
    ],
)
def test_owner_is_the_subject(claims: Read, text: str) -> None:
    found = claims(text)
    assert ("Raske Holdings", "owns", "Tarn Logistics") in found
    assert ("Tarn Logistics", "owns", "Raske Holdings") not in found
