"""Training on hand-made features, folds that never split a pair, the labelled CSV."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from casegraph.errors import InputError
from casegraph.extract.nlp import load_pipeline
from casegraph.links.classifier import LinkClassifier
from casegraph.links.features import LinkExample
from casegraph.links.training import (
    TrainingSettings,
    average,
    fit,
    pair_folds,
    pair_groups,
    read_labelled,
    sample_weights,
)
from casegraph.links.weights import LinkWeights
from casegraph.model import LinkType

FAMILY, OWNER, WITHIN = LinkType.FAMILY, LinkType.OWNER, LinkType.WITHIN


def test_fitted_weights_predict_what_they_learned() -> None:
    features = [{"w=son": 1.0}, {"w=wife": 1.0}, {"w=stake": 1.0}, {"w=owner": 1.0}, {"w=city": 1.0}, {"w=capital": 1.0}] * 2
    labels = [FAMILY, FAMILY, OWNER, OWNER, WITHIN, WITHIN] * 2
    weights = fit(features, labels, [f"g{i}" for i in range(len(labels))])
    classifier = LinkClassifier(weights, load_pipeline())
    assert [classifier.decide([f]).link_type for f in features[:6]] == labels[:6]


def test_two_classes_give_the_same_probabilities_as_a_softmax() -> None:
    features = [{"a": 1.0}, {"b": 1.0}] * 3
    weights = fit(features, [FAMILY, OWNER] * 3, ["x", "y"] * 3)
    assert weights.coef.shape == (2, 2)
    assert np.exp(weights.log_proba({"a": 1.0}))[0] > 0.5


def test_rare_features_are_pruned() -> None:
    features = [{"common": 1.0, "once": 1.0}, {"common": 1.0}, {"other": 1.0}, {"other": 1.0}]
    weights = fit(features, [FAMILY, FAMILY, OWNER, OWNER], ["a", "b", "c", "d"])
    assert weights.features == ("common", "other")


def test_averaged_models_score_as_the_mean_of_their_scores() -> None:
    a = LinkWeights("a", (FAMILY, OWNER), ("x", "y"), np.array([[1.0, 0.0], [0.0, 2.0]]), np.array([0.0, 1.0]))
    b = LinkWeights("b", (FAMILY, OWNER), ("y", "z"), np.array([[3.0, -1.0], [1.0, 1.0]]), np.array([2.0, 1.0]))
    both = average([a, b], "ab")
    assert both.features == ("x", "y", "z")
    for features in ({"x": 1.0}, {"y": 1.0, "z": 1.0}, {"x": 1.0, "y": 1.0, "z": 1.0}):
        assert np.allclose(both.scores(features), (a.scores(features) + b.scores(features)) / 2)


def test_each_view_is_blind_to_its_features() -> None:
    features = [{"w=son": 1.0, "kind=a": 1.0}, {"w=stake": 1.0, "kind=b": 1.0}] * 3
    labels = [FAMILY, OWNER] * 3
    groups = [f"g{i}" for i in range(6)]
    one = fit(features, labels, groups, TrainingSettings(views=(("kind=",),)))
    assert one.features == ("w=son", "w=stake")
    two = fit(features, labels, groups, TrainingSettings(views=(("kind=",), ("w=",))))
    assert set(two.features) == {"w=son", "w=stake", "kind=a", "kind=b"}


def test_large_pairs_and_common_types_weigh_less() -> None:
    weights = sample_weights([FAMILY, FAMILY, FAMILY, FAMILY, OWNER], ["big", "big", "big", "small", "rare"])
    assert weights[0] < weights[3] < weights[4]


@settings(deadline=None)  # GroupKFold's first call can pass 200 ms on a loaded machine
@given(st.lists(st.tuples(st.sampled_from("ABCDEFG"), st.sampled_from("ABCDEFG")), min_size=10, max_size=60))
def test_folds_never_split_a_pair(pairs: list[tuple[str, str]]) -> None:
    groups = pair_groups([LinkExample("s", a, b) for a, b in pairs])
    assume(len(set(groups)) >= 5)
    tested = []
    for train, test in pair_folds(groups):
        assert not {groups[i] for i in train} & {groups[i] for i in test}
        tested.extend(test.tolist())
    assert sorted(tested) == list(range(len(groups)))


def test_pair_groups_ignore_order() -> None:
    assert len(set(pair_groups([LinkExample("s", "A", "B"), LinkExample("t", "b", "a")]))) == 1


def test_labelled_csv_needs_its_columns(tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("sentence,src_label,tgt_label,link_type\nVarna is in Bulgaria.,Varna,Bulgaria,WITHIN\n")
    assert read_labelled(good)[0].link_type is WITHIN
    bad = tmp_path / "bad.csv"
    bad.write_text("sentence,src_label,tgt_label\nx,y,z\n")
    with pytest.raises(InputError, match="link_type"):
        read_labelled(bad)
    with pytest.raises(InputError, match="cannot read"):
        read_labelled(tmp_path / "absent.csv")


def test_weighted_average_scores_as_the_weighted_mean() -> None:
    a = LinkWeights("a", (FAMILY, OWNER), ("x",), np.array([[1.0], [0.0]]), np.array([0.0, 1.0]))
    b = LinkWeights("b", (FAMILY, OWNER), ("y",), np.array([[0.0], [4.0]]), np.array([2.0, 0.0]))
    both = average([a, b], "ab", [0.7, 0.3])
    features = {"x": 1.0, "y": 1.0}
    assert np.allclose(both.scores(features), 0.7 * a.scores(features) + 0.3 * b.scores(features))
    with pytest.raises(ValueError):
        average([a, b], "ab", [0.5, 0.6])


def test_the_sentence_vector_has_a_model_of_its_own() -> None:
    sparse = [{"w=son": 1.0}, {"w=stake": 1.0}] * 3
    vectors = [{"vec=0": 1.0, "vec=1": 0.0}, {"vec=0": 0.0, "vec=1": 1.0}] * 3
    features = [{**s, **v} for s, v in zip(sparse, vectors, strict=True)]
    labels, groups = [FAMILY, OWNER] * 3, [f"g{i}" for i in range(6)]
    settings = TrainingSettings(views=((),), vector_share=0.25)
    both = fit(features, labels, groups, settings)
    assert set(both.features) == {"w=son", "w=stake", "vec=0", "vec=1"}
    plain = TrainingSettings(views=((),), vector_share=0.0)
    renamed = [{name.replace("vec=", "v"): value for name, value in v.items()} for v in vectors]
    alone = fit(renamed, labels, groups, plain)  # the vector's model, under names a view reads
    words = fit(sparse, labels, groups, plain)
    # the sparse view never read the vector: the mix is 3/4 of the words' model, 1/4 the vector's
    for item, other in zip(features, renamed, strict=True):
        assert np.allclose(both.scores(item), 0.75 * words.scores(item) + 0.25 * alone.scores(other))
    assert both.reads_vectors and not words.reads_vectors
    assert fit(features, labels, groups, TrainingSettings(views=((),), vector_share=0.0)).reads_vectors is False
