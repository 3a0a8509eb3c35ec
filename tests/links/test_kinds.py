"""Kinds of parties read from their names alone, and the features built on them."""

from __future__ import annotations

import pytest

from casegraph.extract.nlp import load_pipeline
from casegraph.links.features import KIND_FEATURES, SPACY_TYPES, sentence_features
from casegraph.links.kinds import (
    name_kind,
    name_kinds,
    name_shape,
    resolved_kind,
    same_territory,
    territory,
)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Bulgaria", "place"),
        ("United Kingdom", "place"),
        ("UK", "place"),
        ("Polar Shipping Ltd", "org"),
        ("Ruritanian Workers Party", "org"),
        ("NBRK", "org"),
        ("Jane Roe", "per"),
        ("Zxqvort", "unk"),
    ],
)
def test_name_kinds_from_the_string(name: str, kind: str) -> None:
    assert name_kind(name) == kind


def test_a_country_a_city_and_a_code_are_told_apart() -> None:
    assert [territory(n)[0] for n in ("Bulgaria", "Bavaria", "Sofia", "US")] == [  # type: ignore[index]
        "country", "region", "place", "code"
    ]
    assert territory("Wood") is None  # a word that is also a code only counts in capitals
    assert "place_country" in name_kinds("Bulgaria")
    assert name_kinds("Jane Roe")[-1] == "words=2"


def test_one_word_names_lean_on_the_sentence() -> None:
    assert name_shape("Zxqvort") == "oneword"
    assert resolved_kind("Zxqvort", "PERSON") == "per"
    assert resolved_kind("Zxqvort", "ORG") == "org"
    assert resolved_kind("Bulgaria", "PERSON") == "place"  # the name's own kind wins


def test_places_of_one_territory() -> None:
    assert same_territory("Sofia", "Bulgaria")
    assert same_territory("Munich", "Germany")  # a city of a region of the country
    assert not same_territory("Sofia", "Germany")
    assert not same_territory("Bulgaria", "Jane Roe")


def test_kind_features_join_a_title_with_the_kinds_of_both_names() -> None:
    doc = load_pipeline()("Ruritanian Workers Party chairman Olaf Brandt resigned.")
    features = sentence_features(doc, "Olaf Brandt", "Ruritanian Workers Party")
    assert features["rk=per|org"] == 1.0
    assert "title2=MANAGER|per>org" in features
    assert any(name.startswith(KIND_FEATURES) for name in features)
    assert any(name.startswith(SPACY_TYPES) for name in features)
