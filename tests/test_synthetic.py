"""The synthetic corpus: reproducible, varied, about fictional parties, and readable by ingest."""

from __future__ import annotations

import statistics
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casegraph.ingest.files import read_path
from casegraph.synthetic import SIZES, Size, generate, make_cast, write_corpus


@settings(max_examples=20, deadline=None)
@given(count=st.integers(1, 60), seed=st.integers(0, 2**32), size=st.sampled_from(SIZES))
def test_the_same_seed_writes_the_same_corpus(count: int, seed: int, size: Size) -> None:
    first = list(generate(count, seed, size))
    assert first == list(generate(count, seed, size))
    assert len(first) == count and len({d.name for d in first}) == count
    assert all(d.text.endswith("\n") and d.text.strip() for d in first)


def test_another_seed_writes_another_corpus() -> None:
    assert [d.text for d in generate(20, 1)] != [d.text for d in generate(20, 2)]


def test_a_mixed_corpus_varies_in_kind_and_length_and_carries_noise() -> None:
    documents = list(generate(400, seed=4))
    kinds = Counter(d.kind for d in documents)
    assert set(kinds) == {"report", "invoice", "booking"} and kinds["report"] > kinds["invoice"]
    words = [len(d.text.split()) for d in documents]
    assert min(words) < 80 and max(words) > 600 and statistics.pstdev(words) > 50
    text = "\n".join(d.text for d in documents)
    assert "Subscribe today" in text or "Sponsored:" in text or "Advertisement." in text
    assert "Photo: " in text and "\n\n\n" in text


def test_small_documents_stay_short() -> None:
    words = [len(d.text.split()) for d in generate(300, seed=4, size="small")]
    assert max(words) < 150 and statistics.mean(words) < 80


def test_parties_recur_a_few_often_most_rarely_and_grow_with_the_corpus() -> None:
    small, large = make_cast(100), make_cast(3000)
    assert len(large.companies) > 5 * len(small.companies)
    assert len(set(large.companies)) == len(large.companies)
    text = "\n".join(d.text for d in generate(500, seed=2))
    counts = sorted((text.count(name) for name in make_cast(500, 2).companies), reverse=True)
    assert counts[0] > 10 * max(1, counts[len(counts) // 2])


def test_unknown_size_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown size"):
        list(generate(1, size="huge"))


def test_written_files_are_read_as_one_document_each(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus", 12, seed=3)
    assert [p.name for p in paths] == sorted(p.name for p in (tmp_path / "corpus").iterdir())
    for path in paths:
        [read] = read_path(path)
        assert read.document.text == path.read_text(encoding="utf-8")
