"""Train the link classifier and measure it on pairs it has never seen.

Needs scikit-learn (`pip install -e '.[train]'`); predicting does not.

Labels belong to the entity pair: every sentence naming a pair carries the
pair's type, and a few large pairs hold hundreds of sentences. So folds
split by pair (never a shuffled split, which measures memory of the pair),
and each sentence weighs 1/sqrt(size of its pair) times its class's rarity:
large pairs and common types do not drown the rest.

The model is three logistic regressions averaged: one reads the sentence with
spaCy's entity labels of the two names (`features.SPACY_TYPES`), one the same
sentence with the kinds read from the names' own strings instead
(`features.KIND_FEATURES`), and one the sentence's embedding with the names
masked (`vectors.py`), which weighs `vector_share` of the average. Averaged
class scores are again one linear model: the shipped weights are the weighted
mean of the three (a feature one of them never saw counts 0 there), so
predicting stays one product with numpy.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

from casegraph.errors import InputError
from casegraph.links.classifier import pair_key
from casegraph.links.features import KIND_FEATURES, SPACY_TYPES, Features, LinkExample
from casegraph.links.vectors import VECTOR
from casegraph.links.weights import LinkWeights
from casegraph.model import LinkType

Indices: TypeAlias = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Labelled:
    """A training sentence with the type an analyst gave its pair."""

    example: LinkExample
    link_type: LinkType


@dataclass(frozen=True)
class TrainingSettings:
    """Regularisation and pruning; the defaults are those of the bundled model."""

    c: float = 1.0
    min_count: int = 2
    max_iter: int = 3000
    version: str = "links-v2"
    views: tuple[tuple[str, ...], ...] = (KIND_FEATURES, SPACY_TYPES)
    """One model per entry, each blind to the features with these prefixes (and to the sentence
    vector); their scores averaged."""
    vector_share: float = 0.3
    """Weight of the model on the sentence vector alone in the average (the sparse views share the
    rest); it is left out when the features hold no vector."""


def read_labelled(path: Path) -> list[Labelled]:
    """Rows of a CSV with columns sentence, src_label, tgt_label, link_type."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}") from exc
    try:
        return [
            Labelled(
                LinkExample(r["sentence"], r["src_label"], r["tgt_label"]),
                LinkType(r["link_type"].strip()),
            )
            for r in rows
        ]
    except (KeyError, ValueError) as exc:
        raise InputError(
            f"{path}: needs columns sentence, src_label, tgt_label, link_type: {exc}"
        ) from exc


def pair_groups(examples: Sequence[LinkExample]) -> list[str]:
    """One group name per sentence: the unordered pair of its names."""
    return ["\x1f".join(sorted(pair_key(e.source, e.target))) for e in examples]


def sample_weights(labels: Sequence[LinkType], groups: Sequence[str]) -> npt.NDArray[np.float64]:
    sizes, counts = Counter(groups), Counter(labels)
    per_class = len(labels) / len(counts)
    return np.array(
        [
            (per_class / counts[y]) / math.sqrt(sizes[g])
            for y, g in zip(labels, groups, strict=True)
        ]
    )


def fit(
    features: Sequence[Features],
    labels: Sequence[LinkType],
    groups: Sequence[str],
    settings: TrainingSettings = TrainingSettings(),
) -> LinkWeights:
    """Multinomial logistic regressions over the features seen at least `min_count` times, one
    per view of `settings.views` and one on the sentence vector, averaged into one linear model."""
    views = settings.views or ((),)
    fitted = [
        _fit_one([_without(item, (*blind, VECTOR)) for item in features], labels, groups, settings)
        for blind in views
    ]
    if settings.vector_share <= 0 or not any(n.startswith(VECTOR) for n in features[0]):
        return average(fitted, settings.version)
    vector = [{n: v for n, v in item.items() if n.startswith(VECTOR)} for item in features]
    fitted.append(_fit_one(vector, labels, groups, settings))
    sparse = (1 - settings.vector_share) / len(views)
    return average(fitted, settings.version, [sparse] * len(views) + [settings.vector_share])


def _without(features: Features, blind: tuple[str, ...]) -> Features:
    return {n: v for n, v in features.items() if not n.startswith(blind)}


def _fit_one(
    features: Sequence[Features],
    labels: Sequence[LinkType],
    groups: Sequence[str],
    settings: TrainingSettings,
) -> LinkWeights:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for item in features for name in item)
    kept = [{n: v for n, v in item.items() if counts[n] >= settings.min_count} for item in features]
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(kept)
    model = LogisticRegression(C=settings.c, max_iter=settings.max_iter)
    model.fit(matrix, [y.value for y in labels], sample_weight=sample_weights(labels, groups))
    coef, intercept = model.coef_, model.intercept_
    if len(model.classes_) == 2:
        coef = np.vstack([-coef, coef]) / 2
        intercept = np.array([-intercept[0], intercept[0]]) / 2
    return LinkWeights(
        version=settings.version,
        classes=tuple(LinkType(c) for c in model.classes_),
        features=tuple(str(n) for n in vectorizer.get_feature_names_out()),
        coef=np.asarray(coef, dtype=np.float64),
        intercept=np.asarray(intercept, dtype=np.float64),
    )


def average(
    models: Sequence[LinkWeights], version: str, shares: Sequence[float] | None = None
) -> LinkWeights:
    """One linear model whose class scores are the (weighted) mean of the models' scores:
    coefficients averaged over the union of their features (0 where a model lacks one),
    intercepts averaged. `shares` default to equal and must sum to 1."""
    classes = models[0].classes
    if any(m.classes != classes for m in models):
        raise ValueError("averaged link models must know the same classes")
    weights = list(shares) if shares is not None else [1 / len(models)] * len(models)
    if len(weights) != len(models) or not math.isclose(sum(weights), 1.0):
        raise ValueError("one share per averaged link model, summing to 1")
    names = sorted({n for m in models for n in m.features})
    index = {n: i for i, n in enumerate(names)}
    coef = np.zeros((len(classes), len(names)))
    for m, w in zip(models, weights, strict=True):
        coef[:, [index[n] for n in m.features]] += w * m.coef
    intercept = np.sum([w * m.intercept for m, w in zip(models, weights, strict=True)], axis=0)
    return LinkWeights(version, classes, tuple(names), coef, intercept)


def pair_folds(
    groups: Sequence[str], k: int = 5, seed: int | None = None
) -> Iterator[tuple[Indices, Indices]]:
    """(train, test) row indices of k folds that never split a pair; with a `seed`, pairs are
    dealt to folds at random (another split of the same kind)."""
    from sklearn.model_selection import GroupKFold

    rows = np.arange(len(groups))
    splitter = GroupKFold(n_splits=k, shuffle=seed is not None, random_state=seed)
    for train, test in splitter.split(rows, groups=list(groups)):
        yield train.astype(np.int64), test.astype(np.int64)
