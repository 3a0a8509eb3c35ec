"""The embedding path of the paragraph cleaner, on the real model (installed by `.[test]`)."""

from __future__ import annotations

from dataclasses import replace
from statistics import median

import numpy as np
import pytest

from casegraph.clean import embedding
from casegraph.clean.paragraphs import (
    Judged,
    judged_paragraphs,
    paragraph_signals,
    paragraphs,
    sentence_spans,
    withhold,
)
from tests.conftest import SEED_ARTICLE, seed_spam_paragraphs


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


def test_parts_are_pooled_from_the_same_run() -> None:
    """Sentence vectors come out of the paragraph's own model run: paragraph vectors are unchanged."""
    embedder = embedding.load()
    assert embedder is not None
    texts = [RECIPE + " It serves four.", FOOTBALL]
    spans = [sentence_spans(t) for t in texts]
    assert spans[0] == [(0, len(RECIPE)), (len(RECIPE) + 1, len(texts[0]))]
    vectors, parts = embedder.embed_with_parts(texts, spans)
    assert np.allclose(vectors, embedder.embed(texts), atol=1e-5)
    assert [p.shape for p in parts] == [(2, 384), (1, 384)]
    assert np.allclose(np.linalg.norm(parts[0], axis=1), 1.0, atol=1e-4)
    # a part that is the whole text is the text's vector but for the [CLS] and [SEP] tokens
    assert float(parts[1][0] @ vectors[1]) > 0.98
    # the recipe's first sentence is closer to the recipe than to the match report
    assert float(parts[0][0] @ vectors[0]) > float(parts[0][0] @ vectors[1])


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


def test_seed_article_with_embeddings_withholds_both_spam_blocks_and_nothing_else() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    removed = {text[s.start : s.end]: s.reason for s in withhold(text)}
    assert list(removed) == seed_spam_paragraphs(text)
    assert all(r.startswith("spam") for r in removed.values())
    kept = [p.text for p in paragraphs(text) if p.text not in removed]
    assert len(kept) == 34 and kept[-1].startswith("A final letter")


MATCH = [
    "Harbour City beat Northgate Rovers 2-1 on Saturday, with Tomas Berg scoring the winner in the 88th minute at Riverside Park.",
    "Berg, who joined Harbour City from Vale Athletic in the summer, met a low cross from Luis Ortega and turned it past the Northgate goalkeeper Sam Reid.",
    "Northgate had taken the lead through Kofi Mensah after 20 minutes, when Reid's long kick fell to him on the edge of the area and he lifted it over the Harbour City keeper.",
    'Harbour City manager Elena Fischer said her side had been patient. "We kept the ball and waited for Tomas and Luis to find each other," Fischer said.',
    "Ortega equalised for Harbour City early in the second half, heading in a corner taken by Berg after Northgate failed to clear.",
    "The win lifts Harbour City to third in the table, two points behind Vale Athletic, who play Northgate Rovers at Riverside Park next Saturday.",
    "Mensah, Northgate's top scorer with nine goals, said his side had let the game slip in the last ten minutes and would need a better start against Vale Athletic.",
]
BRIEF = (
    "The coach said after training that the injured defender will be out for several weeks with "
    "a hamstring problem and will not travel with the squad."
)


def test_an_on_topic_brief_that_names_no_one_in_the_story_is_withheld() -> None:
    """Football in a football report: the embedding finds it on topic, its lack of names does not."""
    text = "\n".join([*MATCH[:3], BRIEF, *MATCH[3:]])
    removed = {text[s.start : s.end]: s.reason for s in withhold(text)}
    assert list(removed) == [BRIEF]
    assert removed[BRIEF].startswith("off-topic: similarity ")
    assert "no name or number shared" in removed[BRIEF]
    assert withhold("\n".join(MATCH)) == ()


FOREIGN = Judged(
    similarity=0.0, nearest=0.0, cohesion=0.0, selling=4, relative=-0.5, bridge=0.5, orphan=1.0,
    sentences=0.0, specific=0.0, quote=False, relative_nearest=-0.5, relative_sentences=-0.5,
    relative_cohesion=-0.5, body=False,
)


def test_a_paragraph_holding_much_of_the_document_is_its_body() -> None:
    assert FOREIGN.withheld
    assert not replace(FOREIGN, body=True).withheld


NOTE = (
    "Customs officers at the port of Valmora impounded two containers of drone engines declared as "
    "agricultural pumps on Monday, the harbour authority said, and opened an inquiry into the "
    "shipping agent, Orlen Baltic Freight, which had filed the papers for a buyer in Karsk."
)


def test_a_two_paragraph_note_keeps_its_body_and_loses_its_insert() -> None:
    """Two paragraphs: the larger is the body; the model judges the other against it."""
    text = f"{NOTE}\n{RECIPE}"
    removed = {text[s.start : s.end]: s.reason for s in withhold(text)}
    assert list(removed) == [RECIPE]
    assert removed[RECIPE].startswith("off-topic: similarity ")
    assert withhold(NOTE) == ()


def test_relative_features_are_measured_against_the_document_median() -> None:
    """Each relative feature is its raw value minus the median over the judged paragraphs."""
    texts = [*MATCH, BRIEF]
    embedder = embedding.load()
    vectors, parts = embedder.embed_with_parts(texts, [sentence_spans(t) for t in texts])
    judged = judged_paragraphs(vectors, parts, texts, paragraph_signals(texts))
    for raw, relative in (("nearest", "relative_nearest"), ("sentences", "relative_sentences"),
                          ("cohesion", "relative_cohesion"), ("similarity", "relative")):
        middle = median(getattr(j, raw) for j in judged.values())
        for j in judged.values():
            assert getattr(j, relative) == pytest.approx(getattr(j, raw) - middle, abs=1e-6)
    assert judged[len(MATCH)].relative_sentences < 0 and judged[len(MATCH)].relative_cohesion < 0


def test_lexical_rules_alone_unless_embeddings_are_asked_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
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
    with pytest.raises(embedding.EmbeddingsUnavailable, match=r"casegraph dependency"):
        embedding.model_files()
