"""Frames are tested through the whole extraction of short texts we wrote (fictional parties)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from casegraph.extract.pipeline import extract
from casegraph.model import Document, make_id

Read = Callable[[str], dict[tuple[str, str, str], dict[str, str]]]


def read_claims(text: str) -> dict[tuple[str, str, str], dict[str, str]]:
    """(subject, predicate, object) -> attributes of every claim extracted from `text`."""
    doc = Document(id=make_id("doc", text), source="test", title="t", text=text, sha256=make_id("sha", text))
    extraction = extract(doc)
    names = {m.id: m.text for m in extraction.mentions}
    return {(names[c.subject], c.predicate.value, names[c.object]): dict(c.attributes) for c in extraction.claims}


@pytest.fixture
def claims() -> Read:
    return read_claims
