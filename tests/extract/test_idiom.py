"""Names typed by the words around them (fictional parties)."""

from __future__ import annotations

import pytest

from casegraph.extract.idiom import cue_mentions
from casegraph.extract.mentions import find_mentions
from casegraph.extract.nlp import load_pipeline
from casegraph.model import EntityType


def _typed(text: str) -> dict[str, EntityType]:
    doc = load_pipeline()(text)
    return {text[f.start : f.end]: f.type for f in find_mentions(doc)}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a name after a country, before a product noun, is a product even where the model saw a nationality
        ("The strike used Kestria's Vornak drone.", "Vornak", EntityType.PRODUCT),
        ("The strike used Kestrian-designed Halbard drones.", "Halbard", EntityType.PRODUCT),
        # a role at a long name keeps the whole name, not the part before `for`
        (
            "Samuel Ordway, an adjunct senior fellow at the Center for a New Kestrian Policy, said so.",
            "Center for a New Kestrian Policy",
            EntityType.ORGANIZATION,
        ),
        ("Samuel Ordway, an adjunct senior fellow at the Center for a New Kestrian Policy, said so.", "Samuel Ordway", EntityType.PERSON),
        # family words make people of both sides; ties make parties, typed by their words
        ("Pavel Merrow's wife, Ilse Merrow, owns the villa.", "Pavel Merrow", EntityType.PERSON),
        ("Pavel Merrow's wife, Ilse Merrow, owns the villa.", "Ilse Merrow", EntityType.PERSON),
        ("Kestrel Arms, a rival of Corvane Industries, bid for the contract.", "Kestrel Arms", EntityType.ORGANIZATION),
        ("Tomas Ferrin, a longtime friend of Ivo Raske, signed the lease.", "Ivo Raske", EntityType.PERSON),
        # industry words in a name make an organisation of what the model took for a place or person
        ("Ostrava Armaments bought the units from Nordvik Trading, customs records show.", "Nordvik Trading", EntityType.ORGANIZATION),
    ],
)
def test_relation_cues_type_names(text: str, name: str, kind: EntityType) -> None:
    assert _typed(text).get(name) is kind


def test_cues_outrank_the_model() -> None:
    doc = load_pipeline()("Kestrel Arms, a rival of Corvane Industries, bid for the contract.")
    assert all(f.strength == 2 for f in cue_mentions(doc))
