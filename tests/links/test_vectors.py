"""Sentence vectors of the link classifier: names masked, one dense feature per dimension."""

from __future__ import annotations

import numpy as np

from casegraph.clean import embedding
from casegraph.links.features import LinkExample
from casegraph.links.vectors import VECTOR, masked, vector_features


def test_both_names_are_masked_in_any_case_and_as_a_prefix() -> None:
    example = LinkExample("KESTRIA LTD sold radios to Russian buyers via Kestria Ltd's office.", "Kestria Ltd", "Russia")
    assert masked(example) == "Alpha sold radios to Betan buyers via Alpha's office."


def test_a_short_capital_name_is_masked_by_its_case_as_the_features_find_it() -> None:
    example = LinkExample("The EU told us the US and European buyers met.", "US", "EU")
    assert masked(example) == "The Beta told us the Alpha and European buyers met."


def test_a_name_the_sentence_lacks_leaves_it_as_written() -> None:
    example = LinkExample("Jane Roe resigned.", "Jane Roe", "Acme Holdings")
    assert masked(example) == "Alpha resigned."


def test_one_feature_per_dimension_from_the_masked_sentence() -> None:
    examples = [
        LinkExample("Jane Roe is the wife of John Roe.", "Jane Roe", "John Roe"),
        LinkExample("Ana Diaz is the wife of Luis Ortega.", "Ana Diaz", "Luis Ortega"),
        LinkExample("Acme Ltd sued Borvik Trading for fraud.", "Acme Ltd", "Borvik Trading"),
    ]
    first, second, third = vector_features(embedding.shared(), examples)
    assert len(first) == 384 and all(name.startswith(VECTOR) for name in first)
    vectors = [np.array([f[f"{VECTOR}{k}"] for k in range(384)]) for f in (first, second, third)]
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0, atol=1e-3)
    # the same relation between other parties reads the same once the names are masked
    assert vectors[0] @ vectors[1] > 0.99 > vectors[0] @ vectors[2]
    assert vector_features(embedding.shared(), []) == []
