from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.errors import StoreError
from casegraph.ingest.files import read_document
from casegraph.model import Claim, EntityType, Evidence, Mention, Predicate, Status
from casegraph.store.database import Store


def _store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'case.db'}")


def test_document_roundtrip_and_second_write_is_a_noop(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Nordvik Trading sold engines to Ostrava Armaments.\n", encoding="utf-8")
    document = read_document(path)
    a = Mention(document.id, 0, 15, "Nordvik Trading", EntityType.ORGANIZATION, "test")
    b = Mention(document.id, 32, 49, "Ostrava Armaments", EntityType.ORGANIZATION, "test")
    quote = document.text[:50]
    claim = Claim(a.id, Predicate.SUPPLIES, b.id, Status.REPORTED, Evidence(document.id, quote, 0, 50))
    store = _store(tmp_path)
    assert store.add_document(document, [a, b], [claim]) is True
    assert store.add_document(document, [a, b], [claim]) is False
    assert store.documents() == [document]
    assert store.mentions() == sorted([a, b], key=lambda m: m.id)
    assert store.claims() == [claim]


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(f"sqlite:///{tmp_path / 'nope' / 'case.db'}")
