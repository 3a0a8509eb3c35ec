"""The command line as a user runs it: real files in, a real database, JSON out."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from casegraph.cli import app
from tests.conftest import SEED_ARTICLE

runner = CliRunner()


def test_help_teaches_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "export", "screen", "demo", "match", "lists", "entities"):
        assert command in result.output
        sub = runner.invoke(app, [command, "--help"])
        assert sub.exit_code == 0 and len(sub.output) > 200


def test_ingest_twice_then_export(tmp_path: Path) -> None:
    db = str(tmp_path / "case.db")
    first = runner.invoke(app, ["ingest", str(SEED_ARTICLE), "--db", db, "--report", str(tmp_path / "r.json")])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["ingest", str(SEED_ARTICLE), "--db", db])
    assert second.exit_code == 0
    assert "0 added, 1 already stored" in second.output
    out = tmp_path / "case.json"
    exported = runner.invoke(app, ["export", "--format", "json", "--db", db, "-o", str(out)])
    assert exported.exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["documents"]) == 1
    assert json.loads((tmp_path / "r.json").read_text())["added"] == [str(SEED_ARTICLE)]


def test_db_from_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    result = runner.invoke(app, ["ingest", str(SEED_ARTICLE)], env={"CASEGRAPH_DB": str(db)})
    assert result.exit_code == 0 and db.exists()


def test_nothing_readable_exits_non_zero(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(empty), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "empty file" in result.output


def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_screen_json_explains(tmp_path: Path) -> None:
    result = runner.invoke(app, ["screen", "TSK Vektor", "--type", "organization", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    top = data["TSK Vektor"][0]
    assert top["entry_id"] == "46441" and top["explanation"]


def test_unknown_export_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "xml", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "unknown format" in result.output
