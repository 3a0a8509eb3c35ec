"""The meaning of a sentence about two parties, as features of the link classifier.

The sparse features read words and parse paths, so "his longtime business
partner" and "a company he co-owns with" share little; a sentence embedding
(all-MiniLM-L6-v2, `clean.embedding`) puts them close. The two names are
replaced by neutral stand-ins first: the vector should say how two parties
relate, not who they are (a model that learned who "Jane Roe" is would only
remember the training set). The vector's 384 values become dense features
`vec=0` ... `vec=383`, read by a model of their own whose scores are averaged
with the sparse views' (`training.fit`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from casegraph.links.mentions import case_flags, name_patterns

if TYPE_CHECKING:
    from casegraph.clean.embedding import Embedder
    from casegraph.links.features import LinkExample

VECTOR = "vec="
"""Prefix of the sentence-vector features."""

STAND_INS = ("Alpha", "Beta")
"""What the source and the target are called in the embedded sentence."""


def masked(example: LinkExample) -> str:
    """The sentence with each name replaced by its stand-in, wherever the features would find
    it (`links.mentions`: as written, also as a prefix, short capitals by their case)."""
    text = example.sentence
    for name, stand_in in zip((example.source, example.target), STAND_INS, strict=True):
        name = name.strip()
        for pattern in name_patterns(name) if name else ():
            text = re.sub(pattern, stand_in, text, flags=case_flags(name))
    return text


def vector_features(embedder: Embedder, examples: Sequence[LinkExample]) -> list[dict[str, float]]:
    """The `vec=` features of each example's masked sentence."""
    if not examples:
        return []
    vectors = embedder.embed([masked(e) for e in examples])
    return [{f"{VECTOR}{k}": float(v) for k, v in enumerate(row)} for row in np.asarray(vectors)]
