"""Two ingests at once, and reads while an ingest writes."""

from __future__ import annotations

import time
from pathlib import Path

from fastapi.testclient import TestClient

from casegraph.api.app import create_app
from casegraph.export.json_export import build_export
from casegraph.store.database import Store
from tests.reliability.conftest import Corpus, per_document, start_ingest


def test_two_ingests_of_overlapping_folders_at_once_store_each_document_once(
    corpus_300: Corpus, db_url: str, tmp_path: Path
) -> None:
    first, middle, last = corpus_300.parts
    Store(db_url)  # the schema, as a first ingest would have made it
    log = tmp_path / "ingest.log"
    runs = [start_ingest([first, middle], db_url, log), start_ingest([middle, last], db_url, log)]
    assert [run.wait(timeout=900) for run in runs] == [0, 0], log.read_text()[-2000:]
    store = Store(db_url)
    assert store.counts() == corpus_300.counts
    assert per_document(store) == corpus_300.per_document
    assert build_export(store) == corpus_300.export


def test_the_api_answers_reads_while_an_ingest_writes(
    corpus_300: Corpus, db_url: str, tmp_path: Path
) -> None:
    Store(db_url)
    log = tmp_path / "ingest.log"
    run = start_ingest([corpus_300.root], db_url, log)
    seen: list[int] = []
    while run.poll() is None:
        started = time.monotonic()
        client = TestClient(create_app(Store(db_url), "token"))
        documents = client.get("/api/documents")
        entities = client.get("/api/entities")
        assert documents.status_code == 200 and entities.status_code == 200
        assert time.monotonic() - started < 30  # a read never waits for the writer
        seen.append(len(documents.json()))
        time.sleep(0.3)
    assert run.returncode == 0, log.read_text()[-2000:]
    assert seen == sorted(seen)  # documents only ever appear, whole
    assert len([n for n in seen if 0 < n < corpus_300.counts.documents]) >= 3  # read mid-ingest
    final = TestClient(create_app(Store(db_url), "token")).get("/api/documents").json()
    assert len(final) == corpus_300.counts.documents
