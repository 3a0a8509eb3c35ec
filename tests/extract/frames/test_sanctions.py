from __future__ import annotations

import pytest

from tests.extract.frames.conftest import Read


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("The United States sanctioned Tarn Logistics in May 2023.", ("Tarn Logistics", "sanctioned_by", "United States")),
        ("Tarn Logistics was sanctioned by the EU in 2024.", ("Tarn Logistics", "sanctioned_by", "EU")),
        ("Serbian arms maker Kestrel Defence, which is under EU sanctions, opened an office.", ("Kestrel Defence", "sanctioned_by", "EU")),
    ],
)
def test_sanctioned_party_is_the_subject(claims: Read, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in claims(text)
