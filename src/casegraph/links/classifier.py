"""Type the link between two parties from the sentences that name them both.

A sentence alone often does not say how two parties relate ("Jane Roe and
Acme Ltd were named in the filing"), so the pair's type is read from all its
sentences together: the sum of their log-probabilities, which lets the few
sentences that do say it ("Jane Roe, the chief executive of Acme Ltd")
outvote the many that do not. Each prediction carries its explanation: the
features that pushed hardest towards the chosen type.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from spacy.language import Language

from casegraph.clean import embedding
from casegraph.clean.embedding import Embedder
from casegraph.errors import InputError
from casegraph.extract.nlp import load_pipeline
from casegraph.links.features import Features, LinkExample, featurize
from casegraph.links.vectors import VECTOR
from casegraph.links.weights import LinkWeights, Matrix, bundled_weights, log_softmax
from casegraph.model import LinkType

EXPLAINED = 3
"""How many features an explanation names."""
MEANING = "sentence meaning"
"""How an explanation names the sentence vector's share (`vectors.py`)."""


@dataclass(frozen=True)
class LinkPrediction:
    """A link type with its probability and the features that chose it."""

    link_type: LinkType
    probability: float
    explanation: str
    sentences: int = 1


class LinkClassifier:
    """A trained model, the spaCy pipeline that parses its sentences and, for a model that reads
    sentence vectors, the embedder that makes them."""

    def __init__(self, weights: LinkWeights, nlp: Language, embedder: Embedder | None = None) -> None:
        if weights.reads_vectors and embedder is None:
            raise InputError(
                f"link model {weights.version} reads sentence embeddings: give it an embedder"
            )
        self.weights = weights
        self.nlp = nlp
        self.embedder = embedder if weights.reads_vectors else None

    def features(self, examples: Iterable[LinkExample]) -> list[Features]:
        return list(featurize(self.nlp, examples, self.embedder))

    def predict_sentence(self, example: LinkExample) -> LinkPrediction:
        """The type that one sentence alone suggests."""
        return self.decide(self.features([example]))

    def predict_pair(self, examples: Sequence[LinkExample]) -> LinkPrediction:
        """One type for a pair, from every sentence that names it."""
        return self.decide(self.features(examples))

    def decide(self, features: Sequence[Features]) -> LinkPrediction:
        """The type whose summed log-probability over the sentences is highest."""
        if not features:
            raise ValueError("a link prediction needs at least one sentence")
        logs = np.array([self.weights.log_proba(f) for f in features])
        return self._prediction(log_softmax(logs.sum(axis=0)), features)

    def predict_rows(
        self,
        examples: Sequence[LinkExample],
        by_pair: bool = False,
        on_progress: Callable[[int], None] | None = None,
    ) -> list[LinkPrediction]:
        """A type for each row: from its own sentence, or (`by_pair`) from every row naming its pair."""
        features: list[Features] = []
        for item in featurize(self.nlp, examples, self.embedder):
            features.append(item)
            if on_progress is not None:
                on_progress(len(features))
        if not by_pair:
            return [self.decide([f]) for f in features]
        rows: dict[frozenset[str], list[int]] = defaultdict(list)
        for i, example in enumerate(examples):
            rows[pair_key(example.source, example.target)].append(i)
        result: list[LinkPrediction | None] = [None] * len(examples)
        for members in rows.values():
            prediction = self.decide([features[i] for i in members])
            for i in members:
                result[i] = prediction
        return [p for p in result if p is not None]

    def _prediction(self, log_proba: Matrix, features: Sequence[Features]) -> LinkPrediction:
        best = int(np.argmax(log_proba))
        link_type = self.weights.classes[best]
        return LinkPrediction(
            link_type,
            float(np.exp(log_proba[best])),
            self._explain(features, link_type),
            len(features),
        )

    def _explain(self, features: Sequence[Features], link_type: LinkType) -> str:
        """The features that pushed hardest; the sentence vector's 384 values count as one."""
        total: dict[str, float] = defaultdict(float)
        for item in features:
            for name, weight in self.weights.contributions(item, link_type):
                total[MEANING if name.startswith(VECTOR) else name] += weight
        top = sorted(((w, n) for n, w in total.items() if w > 0), reverse=True)[:EXPLAINED]
        return "; ".join(f"{name} (+{weight:.2f})" for weight, name in top)


def pair_key(source: str, target: str) -> frozenset[str]:
    """Labels belong to the unordered pair: (A, B) and (B, A) are one link."""
    return frozenset((source.strip().casefold(), target.strip().casefold()))


@lru_cache(maxsize=1)
def default_classifier() -> LinkClassifier:
    """The bundled model with casegraph's spaCy pipeline and sentence embedder, built once per
    process; InputError saying what to install when the embeddings cannot load."""
    try:
        embedder = embedding.shared()
    except embedding.EmbeddingsUnavailable as error:
        raise InputError(f"the link classifier needs the sentence embeddings: {error}") from error
    return LinkClassifier(bundled_weights(), load_pipeline(), embedder)


def predict_sentence(sentence: str, source: str, target: str) -> LinkPrediction:
    """The link type one sentence suggests between two named parties, e.g.
    `predict_sentence("Jane Roe, the CEO of Acme Ltd, resigned.", "Jane Roe", "Acme Ltd")`."""
    return default_classifier().predict_sentence(LinkExample(sentence, source, target))


def predict_pair(sentences: Iterable[str], source: str, target: str) -> LinkType:
    """One link type for two parties from every sentence that names them both."""
    examples = [LinkExample(s, source, target) for s in sentences]
    return default_classifier().predict_pair(examples).link_type
