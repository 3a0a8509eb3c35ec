"""Ingest on a real multi-process Dask cluster stores what the one-process ingest stores."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client
from typer.testing import CliRunner

from casegraph.cli import app
from casegraph.distributed import Known, dask_client, ingest_on_cluster, process_files
from casegraph.errors import InputError
from casegraph.extract.nlp import load_pipeline
from casegraph.ingest.files import discover
from casegraph.store.database import Store
from casegraph.synthetic import write_corpus

runner = CliRunner()
RECORDS = Path(__file__).resolve().parent / "ingest" / "fixtures"


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with dask_client(workers=2) as client:
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder: Path = tmp_path_factory.mktemp("cluster") / "corpus"
    write_corpus(folder, 40, seed=3, size="mixed")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")  # skipped, with its reason
    for name in ("shipments.csv", "shipments.mapping.yaml"):  # records, with malformed rows
        shutil.copy(RECORDS / name, folder / name)
    return folder


def _export(db: str) -> dict[str, object]:
    result = runner.invoke(app, ["export", "--db", db])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def _loads(_: object = None) -> int:
    """How many times this process has loaded spaCy."""
    return int(load_pipeline.cache_info().misses)


def test_the_cluster_runs_separate_worker_processes(client: Client) -> None:
    pids = client.run(os.getpid)
    assert len(pids) == 2 and os.getpid() not in pids.values() and len(set(pids.values())) == 2


def test_cluster_ingest_exports_what_one_process_exports(client: Client, corpus: Path, tmp_path: Path) -> None:
    one, cluster = str(tmp_path / "one.db"), str(tmp_path / "cluster.db")
    single = runner.invoke(app, ["ingest", str(corpus), "--db", one])
    address = client.scheduler.address if client.scheduler else ""
    parallel = runner.invoke(app, ["ingest", str(corpus), "--db", cluster, "--scheduler", address])
    assert single.exit_code == 0 and parallel.exit_code == 0, parallel.output
    assert "41 added, 0 already stored, 1 skipped, 2 warnings" in parallel.output
    assert "empty.txt: empty file" in parallel.output
    assert single.output.splitlines()[-4:] == parallel.output.splitlines()[-4:]  # the same report
    exported = _export(cluster)
    assert exported == _export(one)
    assert exported["claims"] and exported["entities"]
    assert set(client.run(_loads).values()) == {1}  # spaCy loaded once in each worker


def test_a_second_run_on_the_cluster_processes_and_writes_nothing(client: Client, corpus: Path, tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'case.db'}")
    files = list(discover([corpus]))
    first = ingest_on_cluster(store, client, files, batch_size=7)
    assert len(first.added) == 41 and [s.path for s in first.skipped] == [str(corpus / "empty.txt")]
    assert {w.path for w in first.warnings} == {str(corpus / "shipments.csv")}
    again = ingest_on_cluster(store, client, files)
    assert again.added == [] and sorted(again.unchanged) == sorted(first.added)
    assert store.counts().documents == 41


def test_a_worker_leaves_out_documents_stored_before(corpus: Path) -> None:
    paths = [str(p) for p in sorted(corpus.glob("00000[0-2]_*"))]
    fresh = process_files(paths, Known(frozenset()))
    assert [len(r.processed) for r in fresh] == [1, 1, 1]
    known = Known(frozenset(r.processed[0].document.sha256 for r in fresh[:2]))
    assert [len(r.processed) for r in process_files(paths, known)] == [0, 0, 1]


def test_the_cli_starts_a_local_cluster_of_its_own(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 4, seed=9, size="small")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / "c.db"), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "ingesting on 2 Dask workers" in result.output and "4 added" in result.output


def test_workers_and_scheduler_together_are_refused(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--workers", "2", "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "not both" in result.output


def test_an_unreachable_scheduler_is_a_clear_error() -> None:
    unreachable = dask_client(scheduler="tcp://127.0.0.1:1", timeout="1s")
    with pytest.raises(InputError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:1"), unreachable:
        pass
