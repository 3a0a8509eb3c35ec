"""The shipped model artifact: plain arrays, read without running code."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from casegraph.errors import InputError
from casegraph.links.weights import LinkWeights, bundled_weights
from casegraph.model import LinkType


def small() -> LinkWeights:
    return LinkWeights(
        version="test-v1",
        classes=(LinkType.FAMILY, LinkType.OWNER),
        features=("w=son", "w=stake"),
        coef=np.array([[2.0, -1.0], [-1.0, 2.0]]),
        intercept=np.array([0.0, 0.5]),
    )


def test_scores_count_known_features_only() -> None:
    weights = small()
    assert weights.scores({"w=son": 1.0, "w=unseen": 1.0}).tolist() == [2.0, -0.5]
    assert np.exp(weights.log_proba({"w=stake": 1.0})).sum() == pytest.approx(1.0)


def test_contributions_explain_a_class() -> None:
    assert small().contributions({"w=son": 1.0, "w=stake": 1.0}, LinkType.OWNER) == [("w=stake", 2.0), ("w=son", -1.0)]


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "model.npz"
    small().save(path)
    loaded = LinkWeights.load(path)
    assert (loaded.version, loaded.classes, loaded.features) == ("test-v1", small().classes, small().features)
    assert np.allclose(loaded.coef, small().coef)


def test_mismatched_shapes_and_unreadable_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        LinkWeights("bad", (LinkType.FAMILY,), ("a", "b"), np.zeros((2, 2)), np.zeros(2))
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"not a model")
    with pytest.raises(InputError, match="cannot read link model"):
        LinkWeights.load(junk)


def test_bundled_model_knows_every_link_type_and_stays_small() -> None:
    weights = bundled_weights()
    assert set(weights.classes) == set(LinkType)
    assert 1_000 < len(weights.features) < 100_000
    assert weights.coef.shape == (len(LinkType), len(weights.features))
