"""The trained link classifier: a multinomial linear model applied with numpy alone.

The weights ship as one compressed `.npz` of plain arrays (feature names,
class names, coefficients), loaded with `allow_pickle=False`: reading the
artifact runs no code, and predicting needs neither scikit-learn nor the
training data. Its features come from the parse and, for the `vec=` ones,
from the sentence embedder (`vectors.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, TypeAlias

import numpy as np
import numpy.typing as npt

from casegraph.errors import InputError
from casegraph.links.vectors import VECTOR
from casegraph.model import LinkType

Matrix: TypeAlias = npt.NDArray[np.float64]

ARTIFACT = "links-v2.npz"
"""The bundled model; a retrained model with other features gets a new version in its name."""


@dataclass(frozen=True, eq=False)
class LinkWeights:
    """Coefficients per (class, feature); log-probabilities are a softmax over the class scores."""

    version: str
    classes: tuple[LinkType, ...]
    features: tuple[str, ...]
    coef: Matrix
    intercept: Matrix
    index: Mapping[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.coef.shape != (len(self.classes), len(self.features)):
            raise InputError(
                f"link model {self.version}: coefficients do not fit its classes and features"
            )
        object.__setattr__(self, "index", {name: i for i, name in enumerate(self.features)})

    @property
    def reads_vectors(self) -> bool:
        """Whether the model weighs sentence vectors (`vectors.py`), so needs the embeddings."""
        return any(name.startswith(VECTOR) for name in self.features)

    def scores(self, features: Mapping[str, float]) -> Matrix:
        """Class scores (logits) of one feature set; features the model never saw count for nothing."""
        known = [
            (self.index[name], value) for name, value in features.items() if name in self.index
        ]
        columns = np.array([i for i, _ in known], dtype=np.int64)
        values = np.array([v for _, v in known], dtype=np.float64)
        return self.intercept + self.coef[:, columns] @ values

    def log_proba(self, features: Mapping[str, float]) -> Matrix:
        return log_softmax(self.scores(features))

    def contributions(
        self, features: Mapping[str, float], link_type: LinkType
    ) -> list[tuple[str, float]]:
        """How much each known feature adds to one class's score, largest first."""
        row = self.classes.index(link_type)
        found = [
            (n, float(self.coef[row, self.index[n]] * v))
            for n, v in features.items()
            if n in self.index
        ]
        return sorted(found, key=lambda item: -item[1])

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            version=np.array(self.version),
            classes=np.array([c.value for c in self.classes]),
            features=np.array(self.features),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
        )

    @classmethod
    def load(cls, source: Path | IO[bytes]) -> LinkWeights:
        try:
            with np.load(source, allow_pickle=False) as data:
                return cls(
                    version=str(data["version"]),
                    classes=tuple(LinkType(str(c)) for c in data["classes"]),
                    features=tuple(str(f) for f in data["features"]),
                    coef=data["coef"].astype(np.float64),
                    intercept=data["intercept"].astype(np.float64),
                )
        except (OSError, KeyError, ValueError) as exc:
            raise InputError(f"cannot read link model: {exc}") from exc


def log_softmax(scores: Matrix) -> Matrix:
    shifted = scores - scores.max()
    result: Matrix = shifted - np.log(np.exp(shifted).sum())
    return result


@lru_cache(maxsize=1)
def bundled_weights() -> LinkWeights:
    """The model shipped in the package, read once per process."""
    with (resources.files("casegraph") / "data" / ARTIFACT).open("rb") as handle:
        return LinkWeights.load(handle)
