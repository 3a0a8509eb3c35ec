"""`casegraph documents` as a user runs it: list, show withheld spans, restore one for good."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from casegraph.cli import app
from casegraph.pipeline import ingest, rebuild
from casegraph.store.database import Store

runner = CliRunner()

ARTICLE = (
    "Orvane Kestrel Industries supplied drones to Balmor Fittings, according to invoices seen by reporters.\n"
    "Balmor Fittings paid Orvane Kestrel Industries $2 million for the drones, according to bank statements.\n"
    "Win a free phone! Click here and claim your prize before the offer expires, subscribe today.\n"
    "Orvane Kestrel Industries did not answer questions about the drones sent to Balmor Fittings.\n"
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "case.db"
    (tmp_path / "report.txt").write_text(ARTICLE, encoding="utf-8")
    store = Store(f"sqlite:///{path}")
    ingest(store, [tmp_path / "report.txt"])
    rebuild(store)
    return str(path)


def _show(db: str) -> dict[str, object]:
    result = runner.invoke(app, ["documents", "list", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    [summary] = json.loads(result.stdout)
    shown = runner.invoke(app, ["documents", "show", str(summary["id"])[:10], "--db", db, "-f", "json"])
    assert shown.exit_code == 0, shown.output
    data: dict[str, object] = json.loads(shown.stdout)
    return data


def test_list_and_show_mark_the_withheld_span(db: str) -> None:
    data = _show(db)
    assert data["language"] == "en" and data["withheld"] == 1
    [span] = data["removed"]  # type: ignore[misc]
    assert ARTICLE[span["start"] : span["end"]].startswith("Win a free phone!")
    assert span["reason"].startswith("spam")
    text = runner.invoke(app, ["documents", "show", str(data["id"]), "--db", db])
    assert f"[withheld @{span['start']}: spam" in text.stdout


def test_restore_keeps_the_span_after_rebuild_and_reingest(db: str, tmp_path: Path) -> None:
    start = _show(db)["removed"][0]["start"]  # type: ignore[index]
    result = runner.invoke(app, ["documents", "restore", str(_show(db)["id"]), str(start), "--db", db])
    assert result.exit_code == 0, result.output
    assert _show(db)["removed"] == []
    store = Store(f"sqlite:///{db}")
    ingest(store, [tmp_path / "report.txt"])
    rebuild(store)
    assert _show(db)["removed"] == []


def test_restore_of_an_unknown_span_fails_in_one_line(db: str) -> None:
    doc = str(_show(db)["id"])
    result = runner.invoke(app, ["documents", "restore", doc, "7", "--db", db])
    assert result.exit_code == 2
    assert "withholds no span starting at 7" in result.output
    missing = runner.invoke(app, ["documents", "show", "doc-nothing", "--db", db])
    assert missing.exit_code == 2 and "no document" in missing.output
