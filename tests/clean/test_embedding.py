"""The embedding path of the paragraph cleaner, on the real model (installed by `.[test]`)."""

from __future__ import annotations

import numpy as np
import pytest

from casegraph.clean import embedding
from casegraph.clean.paragraphs import paragraphs, withhold
from tests.conftest import SEED_ARTICLE


@pytest.fixture(autouse=True)
def embeddings_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGRAPH_EMBEDDINGS", "1")

RECIPE = (
    "Marinate the chicken thighs overnight in yoghurt, garlic and smoked paprika, then roast "
    "them at 220 degrees for 35 minutes until the skin is crisp and golden."
)
FOOTBALL = (
    "The home side came back from two goals down to beat the league leaders 3-2, with the "
    "substitute striker scoring twice in the final ten minutes of the match."
)


def test_model_ships_offline_and_embeds() -> None:
    files = embedding.model_files()
    assert files.model.name == "model.onnx" and files.tokenizer.name == "tokenizer.json"
    embedder = embedding.load()
    assert embedder is not None, embedding.unavailable()
    vectors = embedder.embed(
        [
            "The ministry signed a contract with the drone supplier.",
            "A drone maker won a government contract.",
            RECIPE,
        ]
    )
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > 0.5 and vectors[0] @ vectors[2] < 0.2


def test_batching_does_not_change_vectors() -> None:
    embedder = embedding.load()
    assert embedder is not None
    texts = [p.text for p in paragraphs(SEED_ARTICLE.read_text(encoding="utf-8"))]
    together = embedder.embed(texts)
    alone = np.stack([embedder.embed([t])[0] for t in texts[:5]])
    assert np.allclose(together[:5], alone, atol=1e-4)
    assert embedder.embed([]).shape == (0, 384)


def test_similarity_to_rest() -> None:
    vectors = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]], dtype=np.float32)
    rest = embedding.similarity_to_rest(vectors)
    assert rest == pytest.approx([0.7071, 0.7071, 0.0], abs=1e-3)
    assert embedding.similarity_to_rest(vectors[:1]).tolist() == [1.0]


def test_off_topic_paragraphs_in_the_seed_article_are_withheld_with_their_similarity() -> None:
    """A recipe and a match report inserted into the real article: withheld by embeddings alone."""
    article = SEED_ARTICLE.read_text(encoding="utf-8").split("\n")
    text = "\n".join([*article[:10], RECIPE, *article[10:25], FOOTBALL, *article[25:]])
    original = SEED_ARTICLE.read_text(encoding="utf-8")
    before = {original[s.start : s.end] for s in withhold(original)}
    removed = {text[s.start : s.end]: s.reason for s in withhold(text)}
    assert RECIPE in removed and FOOTBALL in removed
    for paragraph in (RECIPE, FOOTBALL):
        assert removed[paragraph].startswith("off-topic: similarity ")
        assert "to the rest of the document" in removed[paragraph]
    # nothing else changes: the article's own paragraphs are all kept
    assert {p for p in removed if p not in (RECIPE, FOOTBALL)} == before


def test_lexical_rules_alone_unless_embeddings_are_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASEGRAPH_EMBEDDINGS", raising=False)
    assert embedding.load() is None
    assert embedding.unavailable() == "not asked for (CASEGRAPH_EMBEDDINGS=1 turns them on)"
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    reasons = [s.reason for s in withhold(text)]
    assert len(reasons) == 6 and all(r.startswith("spam") for r in reasons)
    assert not any("similarity" in r for r in reasons)


def test_a_missing_model_file_is_reported_with_the_install_hint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    monkeypatch.setenv("CASEGRAPH_EMBEDDING_MODEL", "/nonexistent/model.onnx")
    with pytest.raises(embedding.EmbeddingsUnavailable, match=r"casegraph\[embeddings\]"):
        embedding.model_files()
