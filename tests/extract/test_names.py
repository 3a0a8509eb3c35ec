"""Name spans: trimming is a normaliser, so its guarantees are checked as properties."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from casegraph.extract.names import trim
from casegraph.extract.nlp import load_pipeline

WORDS = st.sampled_from(["The", "the", "a", "Kestrel", "Arms", "Vornak", "Drevlin's", "Motor", "Works.", "Ltd.", "Co.,", "Orrin'"])


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=5))
def test_trim_stays_inside_and_drops_articles_and_possessives(words: list[str]) -> None:
    text = " ".join(words)
    doc = load_pipeline().make_doc(text)
    start, end = trim(doc, 0, len(text))
    assert 0 <= start <= end <= len(text)
    kept = text[start:end]
    leading_article = words[0].lower() in {"the", "a"} and len(words) > 1
    assert start == (len(words[0]) + 1 if leading_article else 0)
    assert not kept.endswith(("'s", "'"))
    assert kept == "" or kept[-1].isalnum() or kept.endswith(".")
