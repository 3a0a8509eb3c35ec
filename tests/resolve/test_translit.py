"""Latin letters for names in other scripts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casegraph.resolve.translit import latin


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Артём Высоцкий", "Artyom Vysotskiy"),
        ("ВЫШНЕВСКИЙ", "VYShNEVSKIY"),
        ("Юлия Щербакова", "Yuliya Shcherbakova"),
        ("Олексій Ґонта", "Oleksiy Gonta"),
        ("Ђорђе Јанковић", "Djordje Jankovic"),
        ("Jörg Müller", "Jorg Muller"),
        ("习近平", "xi jin ping"),
        ("Kestria Trading", "Kestria Trading"),
    ],
)
def test_latin(raw: str, expected: str) -> None:
    assert latin(raw) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=40))
def test_latin_is_ascii_and_leaves_ascii_alone(text: str) -> None:
    written = latin(text)
    assert written.isascii()
    assert latin(written) == written
