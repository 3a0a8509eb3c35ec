from __future__ import annotations

import pytest

from casegraph.extract.mentions import find_mentions
from casegraph.extract.nlp import load_pipeline
from casegraph.model import EntityType


def _typed(text: str) -> dict[str, EntityType]:
    doc = load_pipeline()(text)
    return {text[f.start : f.end]: f.type for f in find_mentions(doc)}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The parts came from Chinese drone maker Qilong Zhaoyu.", "Qilong Zhaoyu", EntityType.ORGANIZATION),
        ("Orlen Pastuk, the CEO of Marlow Fenwick, flew to Minsk.", "Orlen Pastuk", EntityType.PERSON),
        ("Orlen Pastuk, the CEO of Marlow Fenwick, flew to Minsk.", "Marlow Fenwick", EntityType.ORGANIZATION),
        ("Tests of the HX52V and the GA-21 were held.", "HX52V", EntityType.PRODUCT),
        ("Tests of the HX52V and the GA-21 were held.", "GA-21", EntityType.PRODUCT),
        ("It built thousands of Borvik one-way attack drones.", "Borvik", EntityType.PRODUCT),
        ("Experts visited the plant in the city of Volzhgrad.", "Volzhgrad", EntityType.PLACE),
    ],
)
def test_cues_type_names(text: str, name: str, kind: EntityType) -> None:
    assert _typed(text).get(name) is kind


def test_cue_type_spreads_through_the_document() -> None:
    text = "Qilong Zhaoyu is a Chinese firm.\nThe firm Qilong Zhaoyu sold drones. Later Qilong Zhaoyu was fined."
    doc = load_pipeline()(text)
    kinds = [f.type for f in find_mentions(doc) if text[f.start : f.end] == "Qilong Zhaoyu"]
    assert kinds == [EntityType.ORGANIZATION] * 3


def test_quarters_and_codes_are_not_products() -> None:
    typed = _typed("In Q2 the G7 met; COVID-19 slowed trade.")
    assert all(typed.get(code) is not EntityType.PRODUCT for code in ("Q2", "G7", "COVID-19"))


def test_long_names_keep_their_of_phrase_but_lists_stay_split() -> None:
    text = (
        "The list carries Joint Stock Company Special Economic Zone of Industrial Production Verkhnegorsk, "
        "and links Varnet Machinery, Varnet Development and Oleg Petrovich Sumin to it."
    )
    typed = _typed(text)
    assert "Joint Stock Company Special Economic Zone of Industrial Production Verkhnegorsk" in typed
    assert not any(" and " in name for name in typed)


def test_a_model_name_keeps_its_majority_type() -> None:
    from casegraph.extract.mentions import Found, _model_majority

    text = "Ivo Raske left. Ivo Raske returned. Ivo Raske resigned. Lena Haas stayed."
    doc = load_pipeline()(text)
    starts = [i for i in range(len(text)) if text.startswith("Ivo Raske", i)]
    kinds = [EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PERSON]
    found = [Found(s, s + 9, k, "spacy:X", 1) for s, k in zip(starts, kinds, strict=True)]
    found.append(Found(text.index("Lena"), text.index("Lena") + 9, EntityType.ORGANIZATION, "spacy:ORG", 1))
    voted = _model_majority(doc, found)
    assert [f.type for f in voted] == [EntityType.PERSON] * 3 + [EntityType.ORGANIZATION]
    cue = [Found(0, 9, EntityType.ORGANIZATION, "cue:org", 2), Found(16, 25, EntityType.PERSON, "spacy:X", 1)]
    assert [f.type for f in _model_majority(doc, cue)] == [EntityType.ORGANIZATION, EntityType.PERSON]


def test_nationalities_stay_out_of_products() -> None:
    typed = _typed("Kestria's Russian drones and the Iranian drones were seen.")
    assert "Russian" not in typed and "Iranian" not in typed
