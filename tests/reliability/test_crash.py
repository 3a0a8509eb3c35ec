"""kill -9 in the middle of an ingest loses nothing and duplicates nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from casegraph.export.json_export import build_export
from casegraph.store.database import Store
from tests.reliability.conftest import Corpus, casegraph, per_document, start_ingest

KILL_AFTER = 200  # documents stored before the kill: well inside the 2,000


def _kill_midway(process: subprocess.Popen[bytes], store: Store, log: Path) -> int:
    """SIGKILL the ingest once it has stored some documents; how many it had."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the ingest ended before it could be killed: {log.read_text()[-500:]}")
        stored: int = store.counts().documents
        if stored >= KILL_AFTER:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            return stored
        time.sleep(0.05)
    process.kill()
    raise AssertionError("the ingest stored too few documents in ten minutes")


def test_kill_9_then_rerun_stores_every_document_exactly_once(
    corpus_2000: Corpus, db_url: str, tmp_path: Path
) -> None:
    store = Store(db_url)
    log = tmp_path / "ingest.log"
    stored = _kill_midway(start_ingest([corpus_2000.root], db_url, log), store, log)
    assert stored < corpus_2000.counts.documents
    # What survived the kill is whole documents only, each with all it was found to hold.
    survived = per_document(store)
    assert KILL_AFTER <= len(survived) < corpus_2000.counts.documents
    assert {d: corpus_2000.per_document[d] for d in survived} == survived
    rerun = subprocess.run(casegraph("ingest", str(corpus_2000.root), "--db", db_url),
                           capture_output=True, text=True, check=False)
    assert rerun.returncode == 0, rerun.stderr[-1000:]
    assert f"{corpus_2000.counts.documents - len(survived)} added" in rerun.stderr
    assert store.counts() == corpus_2000.counts
    assert per_document(store) == corpus_2000.per_document
    assert build_export(store) == corpus_2000.export
