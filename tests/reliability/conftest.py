"""Corpora and uninterrupted reference runs for the reliability tests, made once a session.

Documents are small (about 50 words) so that 2,000 of them ingest in well under a
minute; the reliability being tested is the store's, not extraction's.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from casegraph.export.json_export import build_export
from casegraph.pipeline import ingest, rebuild
from casegraph.store.database import Store, StoreCounts
from casegraph.synthetic import generate
from tests.store.postgres import db_url, postgres_admin_url  # noqa: F401  (fixtures)


@dataclass(frozen=True)
class Corpus:
    """A synthetic corpus split into part folders, and what an uninterrupted run stores of it."""

    root: Path
    parts: tuple[Path, ...]
    export: dict[str, Any]
    counts: StoreCounts
    per_document: dict[str, tuple[int, int]]


def _corpus(root: Path, documents: int, parts: int, seed: int) -> Corpus:
    folders = tuple(root / f"part{n}" for n in range(parts))
    for folder in folders:
        folder.mkdir(parents=True)
    for n, document in enumerate(generate(documents, seed, "small")):
        (folders[n * parts // documents] / document.name).write_text(document.text, encoding="utf-8")
    store = Store(f"sqlite:///{root.parent / 'reference.db'}")
    ingest(store, [root])
    rebuild(store)
    return Corpus(root, folders, build_export(store), store.counts(), per_document(store))


def per_document(store: Store) -> dict[str, tuple[int, int]]:
    """Mentions and claims stored for each document: a half-written document shows here."""
    counts = {d.id: [0, 0] for d in store.documents()}
    for mention in store.mentions():
        counts[mention.document_id][0] += 1
    for claim in store.claims():
        counts[claim.evidence.document_id][1] += 1
    return {k: (m, c) for k, (m, c) in counts.items()}


@pytest.fixture(scope="session")
def corpus_2000(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return _corpus(tmp_path_factory.mktemp("corpus2000") / "corpus", 2000, 4, seed=7)


@pytest.fixture(scope="session")
def corpus_300(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return _corpus(tmp_path_factory.mktemp("corpus300") / "corpus", 300, 3, seed=11)


def casegraph(*args: str) -> list[str]:
    """The `casegraph` command line, run by this interpreter in a process of its own."""
    return [sys.executable, "-c", "from casegraph.cli import main; main()", *args]


def start_ingest(paths: list[Path], db: str, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as handle:
        return subprocess.Popen(
            casegraph("ingest", *map(str, paths), "--db", db), stdout=handle, stderr=subprocess.STDOUT
        )
