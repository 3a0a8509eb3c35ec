"""The bundled classifier on sentences we wrote about fictional parties."""

from __future__ import annotations

import pytest

from casegraph.clean import embedding
from casegraph.errors import InputError
from casegraph.extract.nlp import load_pipeline
from casegraph.links.classifier import (
    LinkClassifier,
    default_classifier,
    pair_key,
    predict_pair,
    predict_sentence,
)
from casegraph.links.features import LinkExample
from casegraph.links.weights import bundled_weights
from casegraph.model import LinkType

CASES = [
    ("Jane Roe, the chief executive of Acme Holdings, resigned on Monday.", "Jane Roe", "Acme Holdings",
     {LinkType.MANAGER, LinkType.EMPLOYEE}),
    ("Borvik Trading sued Telmar Logistics for fraud.", "Borvik Trading", "Telmar Logistics",
     {LinkType.ANTAGONIST}),
    # a dispute over a business tie: the 2026-12-06 refit (kinds of names, two companies lean
    # BUSINESS in the training file) reads BUSINESS here where the model before it read ANTAGONIST
    ("Borvik Trading sued Telmar Logistics in a London court over unpaid invoices.", "Borvik Trading",
     "Telmar Logistics", {LinkType.ANTAGONIST, LinkType.BUSINESS}),
    ("Ivan Petrenko and his wife Olena Petrenko own a villa in Nice.", "Ivan Petrenko", "Olena Petrenko",
     {LinkType.FAMILY}),
    ("Marko Lind is the owner of Polar Shipping Ltd.", "Marko Lind", "Polar Shipping Ltd", {LinkType.OWNER}),
    ("Varna is a port city in Bulgaria.", "Varna", "Bulgaria", {LinkType.WITHIN}),
    ("Sara Holm works as an accountant at Nordvik Bank.", "Sara Holm", "Nordvik Bank", {LinkType.EMPLOYEE}),
]


@pytest.mark.parametrize(("sentence", "source", "target", "expected"), CASES)
def test_sentence_types(sentence: str, source: str, target: str, expected: set[LinkType]) -> None:
    prediction = predict_sentence(sentence, source, target)
    assert prediction.link_type in expected, prediction
    assert 0.0 < prediction.probability <= 1.0 and prediction.explanation


def test_explanation_names_the_features_that_chose() -> None:
    prediction = predict_sentence("Ivan Petrenko and his wife Olena Petrenko left.", "Ivan Petrenko", "Olena Petrenko")
    assert "share_word" in prediction.explanation


def test_a_pair_is_typed_from_all_its_sentences() -> None:
    sentences = [
        "Karl Ostrow and Vesna Dario attended the same gala in Vienna.",
        "Karl Ostrow sued Vesna Dario for defamation.",
        "Vesna Dario accused Karl Ostrow of running a smear campaign against her.",
    ]
    assert predict_pair(sentences, "Karl Ostrow", "Vesna Dario") is LinkType.ANTAGONIST
    assert default_classifier().predict_pair([LinkExample(s, "Karl Ostrow", "Vesna Dario") for s in sentences]).sentences == 3


def test_rows_by_pair_share_one_type_in_either_order() -> None:
    rows = [
        LinkExample("Jane Roe, the chief executive of Acme Holdings, resigned.", "Jane Roe", "Acme Holdings"),
        LinkExample("Acme Holdings issued a statement.", "Acme Holdings", "Jane Roe"),
        LinkExample("Varna is a port city in Bulgaria.", "Varna", "Bulgaria"),
    ]
    alone = default_classifier().predict_rows(rows)
    joint = default_classifier().predict_rows(rows, by_pair=True)
    assert joint[0] == joint[1] and joint[0].sentences == 2
    assert joint[2] == alone[2]


def test_progress_is_reported_per_row() -> None:
    seen: list[int] = []
    rows = [LinkExample("Varna is a port city in Bulgaria.", "Varna", "Bulgaria")] * 3
    default_classifier().predict_rows(rows, on_progress=seen.append)
    assert seen == [1, 2, 3]


def test_a_decision_needs_a_sentence() -> None:
    with pytest.raises(ValueError):
        default_classifier().decide([])


def test_pair_key_ignores_order_case_and_spaces() -> None:
    assert pair_key(" Acme Ltd", "jane roe") == pair_key("Jane Roe", "ACME LTD ")


def test_the_bundled_model_reads_sentence_vectors_and_names_them_once() -> None:
    classifier = default_classifier()
    assert classifier.weights.reads_vectors and classifier.embedder is not None
    features = classifier.features([LinkExample("Varna is a port city in Bulgaria.", "Varna", "Bulgaria")])
    assert sum(name.startswith("vec=") for name in features[0]) == 384
    for example in (
        LinkExample("Ivan Petrenko and his wife Olena Petrenko own a villa in Nice.", "Ivan Petrenko", "Olena Petrenko"),
        LinkExample("Sara Holm works as an accountant at Nordvik Bank.", "Sara Holm", "Nordvik Bank"),
    ):
        explanation = classifier.predict_sentence(example).explanation
        assert "vec=" not in explanation


def test_a_model_reading_vectors_needs_an_embedder() -> None:
    with pytest.raises(InputError, match="reads sentence embeddings"):
        LinkClassifier(bundled_weights(), load_pipeline())


def test_without_the_embeddings_the_classifier_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGRAPH_EMBEDDING_MODEL", "/nonexistent/model.onnx")
    monkeypatch.setattr(embedding, "_state", {})
    default_classifier.cache_clear()
    try:
        with pytest.raises(InputError, match=r"link classifier needs the sentence embeddings: .*model\.onnx is missing"):
            default_classifier()
    finally:
        default_classifier.cache_clear()
