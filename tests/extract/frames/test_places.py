from __future__ import annotations

import pytest

from tests.extract.frames.conftest import Read


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Inspectors visited the facilities of arms maker Drevlin Motor Works in the city of Kestrograd.", ("Drevlin Motor Works", "located_in", "Kestrograd")),
        ("Serbian arms maker Kestrel Defence opened an office in Belgrade.", ("Kestrel Defence", "located_in", "Belgrade")),
        ("Tamsin Avionics produced the ZR-40 drone at its plant in Kestrograd.", ("Tamsin Avionics", "located_in", "Kestrograd")),
    ],
)
def test_located(claims: Read, text: str, triple: tuple[str, str, str]) -> None:
    assert triple in claims(text)


def test_a_visitor_is_not_located_where_it_visits(claims: Read) -> None:
    found = claims("A delegation from Tamsin Avionics visited the Drevlin Motor Works plant in the city of Kestrograd.")
    assert ("Tamsin Avionics", "located_in", "Kestrograd") not in found
