"""Ingesting an unchanged corpus again writes nothing at all."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from typer.testing import CliRunner

from casegraph.cli import app
from casegraph.synthetic import write_corpus

WRITES = ("INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER")


@pytest.fixture
def statements() -> Iterator[list[str]]:
    """Every SQL statement any engine in this process runs while the test runs."""
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(Engine, "before_cursor_execute", record)
    yield seen
    event.remove(Engine, "before_cursor_execute", record)


def test_reingest_of_an_unchanged_corpus_writes_nothing(
    db_url: str, tmp_path: Path, statements: list[str]
) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 40, seed=5, size="small")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(corpus), "--db", db_url])
    assert first.exit_code == 0 and "40 added" in first.output
    assert any(s.lstrip().upper().startswith("INSERT") for s in statements)
    statements.clear()
    second = runner.invoke(app, ["ingest", str(corpus), "--db", db_url])
    assert second.exit_code == 0 and "0 added, 40 already stored" in second.output
    writes = [s for s in statements if s.lstrip().upper().startswith(WRITES)]
    assert statements and writes == []
