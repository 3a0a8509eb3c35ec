"""The store on SQLite and on PostgreSQL: the same records in, the same records out."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from casegraph.errors import StoreError
from casegraph.export.json_export import build_export
from casegraph.ingest.files import read_document
from casegraph.model import (
    Claim,
    Document,
    Entity,
    EntityType,
    Evidence,
    Mention,
    Predicate,
    ScreeningMatch,
    Status,
    make_id,
)
from casegraph.pipeline import rebuild
from casegraph.store.database import Store, StoreCounts
from casegraph.store.locks import rebuild_lock
from tests.store.postgres import fresh_postgres


def _document(text: str, source: str = "report.txt") -> Document:
    sha = make_id("sha", text, source)
    return Document(make_id("doc", sha), source, text.split("\n")[0][:80], text, sha)


def _supply(document: Document) -> tuple[list[Mention], list[Claim]]:
    """Two parties and one sourced claim in a document that starts 'A sold ... to B.'."""
    a = Mention(document.id, 0, 15, document.text[:15], EntityType.ORGANIZATION, "test")
    b = Mention(document.id, 32, 49, document.text[32:49], EntityType.ORGANIZATION, "test")
    evidence = Evidence(document.id, document.text[:50], 0, 50, None, "p. 1")
    claim = Claim(a.id, Predicate.SUPPLIES, b.id, Status.REPORTED, evidence, (("product", "engines"),), "test")
    return [a, b], [claim]


def test_document_roundtrip_and_second_write_is_a_noop(tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Nordvik Trading sold engines to Ostrava Armaments.\n", encoding="utf-8")
    document = read_document(path)
    mentions, claims = _supply(document)
    store = Store(db_url)
    assert store.add_document(document, mentions, claims) is True
    assert store.add_document(document, mentions, claims) is False
    assert store.documents() == [document]
    assert store.mentions() == sorted(mentions, key=lambda m: m.id)
    assert store.claims() == claims
    assert store.known_sha256s() == {document.sha256}
    assert store.counts() == StoreCounts(documents=1, mentions=2, claims=1, entities=0)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(f"sqlite:///{tmp_path / 'nope' / 'case.db'}")


def test_unreachable_server_is_a_one_line_error_without_the_password() -> None:
    with pytest.raises(StoreError) as caught:
        Store("postgresql://casegraph:s3cret@127.0.0.1:1/case")
    message = str(caught.value)
    assert "s3cret" not in message and "\n" not in message
    assert "postgresql+psycopg://casegraph:***@127.0.0.1:1/case" in message


def test_a_document_whose_extraction_cannot_be_written_leaves_no_trace(db_url: str) -> None:
    document = _document("Nordvik Trading sold engines to Ostrava Armaments.")
    mentions, claims = _supply(document)
    store = Store(db_url)
    with pytest.raises(IntegrityError):  # the claim names a mention that is not written
        store.add_document(document, mentions[:1], claims)
    assert store.counts() == StoreCounts(0, 0, 0, 0)
    assert store.add_document(document, mentions, claims) is True


def test_writers_racing_on_the_same_bytes_store_them_once(db_url: str) -> None:
    document = _document("Nordvik Trading sold engines to Ostrava Armaments.")
    mentions, claims = _supply(document)
    Store(db_url)  # schema first, as the first ingest would
    start = threading.Barrier(4)
    results: list[bool] = []

    def write() -> None:
        store = Store(db_url)
        start.wait()
        results.append(store.add_document(document, mentions, claims))

    threads = [threading.Thread(target=write) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, False, False, True]
    assert Store(db_url).counts() == StoreCounts(1, 2, 1, 0)


def test_text_is_ordered_the_same_whatever_the_server_collation(db_url: str) -> None:
    store = Store(db_url)
    sources = ["b.txt", "B.txt", "a-b.txt", "ab.txt", "_c.txt", "Z z.txt", "é.txt"]
    for n, source in enumerate(sources):
        store.add_document(_document(f"Report {n}", source), [], [])
    assert [d.source for d in store.documents()] == sorted(sources)
    names = ["beta", "Beta", "alpha-x", "alphax", "Alpha x"]
    entities = [Entity(make_id("ent", n), EntityType.ORGANIZATION, n) for n in names]
    store.replace_entities(entities, {})
    assert [e.name for e in store.entities()] == sorted(names)


def test_long_values_fit_on_every_backend(db_url: str) -> None:
    """An OpenSanctions entry id runs past 40 characters; SQLite never checks, PostgreSQL does."""
    store = Store(db_url)
    entity = Entity("ent-0000000000000001", EntityType.ORGANIZATION, "Nordvik Trading")
    entry_id = "NK-" + "x" * 190
    match = ScreeningMatch(entity.id, "OpenSanctions", "2030-01-15", entry_id, "NORDVIK TRADING",
                           "Nordvik Trading", 0.97, "agreed: nordvik, trading", ("RUSSIA-EO14024",), "Company")
    store.replace_resolution([entity], {}, [match])
    assert store.matches() == [match]


_SAFE_TEXT = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=200)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_SAFE_TEXT)
def test_any_text_round_trips_with_its_offsets(db_url: str, text: str) -> None:
    """Whatever a reader decodes is stored; a NUL (which PostgreSQL refuses) becomes U+FFFD,
    one character for one, so every offset still points at the same place."""
    store = Store(db_url)
    document = _document(text, source=f"{text[:20]}.txt")
    mention = Mention(document.id, 0, len(text), text, EntityType.PERSON, "test")
    store.add_document(document, [mention], [])
    stored = next(d for d in store.documents() if d.id == document.id)
    assert stored.text == text.replace("\x00", "\ufffd")
    assert len(stored.text) == len(text)
    assert next(m for m in store.mentions() if m.document_id == document.id).text == stored.text


def test_rebuild_lock_lets_one_rebuild_run_at_a_time(db_url: str) -> None:
    store = Store(db_url)
    spans: list[tuple[float, float]] = []

    def hold() -> None:
        with rebuild_lock(Store(db_url)):
            begin = time.monotonic()
            time.sleep(0.3)
            spans.append((begin, time.monotonic()))

    threads = [threading.Thread(target=hold) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    spans.sort()
    assert len(spans) == 3
    assert all(earlier[1] <= later[0] for earlier, later in pairwise(spans))
    with rebuild_lock(store):  # released: taken again at once
        pass


def test_indexes_and_columns_are_the_same_on_both_backends(tmp_path: Path, postgres_admin_url: str) -> None:
    def shape(url: str) -> dict[str, Any]:
        inspector = inspect(Store(url).engine)
        return {
            table: (
                sorted(c["name"] for c in inspector.get_columns(table)),
                sorted(
                    (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                    for i in inspector.get_indexes(table)
                    if "duplicates_constraint" not in i  # PostgreSQL lists a constraint's index too
                ),
                sorted((u["name"], tuple(u["column_names"])) for u in inspector.get_unique_constraints(table)),
            )
            for table in sorted(inspector.get_table_names())
        }

    lite = shape(f"sqlite:///{tmp_path / 'case.db'}")
    with _postgres(postgres_admin_url) as url:
        assert shape(url) == lite
    assert {"documents", "mentions", "claims", "entities", "mention_entities"} <= set(lite)


def test_postgresql_stores_the_case_sqlite_stores(seed_store: Store, postgres_admin_url: str) -> None:
    """The seed case copied record by record into PostgreSQL and rebuilt there exports the same."""
    mentions: dict[str, list[Mention]] = defaultdict(list)
    claims: dict[str, list[Claim]] = defaultdict(list)
    for mention in seed_store.mentions():
        mentions[mention.document_id].append(mention)
    for claim in seed_store.claims():
        claims[claim.evidence.document_id].append(claim)
    with _postgres(postgres_admin_url) as url:
        store = Store(url)
        for document in seed_store.documents():
            assert store.add_document(document, mentions[document.id], claims[document.id])
        rebuild(store)
        exported = build_export(store)
    assert exported == build_export(seed_store)
    assert exported["claims"] and any(e["sanctions"] for e in exported["entities"])


_postgres = contextmanager(fresh_postgres)
