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


def test_bad_files_never_stop_a_batch_and_the_report_says_why(tmp_path: Path) -> None:
    import shutil

    case = tmp_path / "case"
    case.mkdir()
    fixtures = Path(__file__).parents[1] / "ingest" / "fixtures"
    for name in ("shipments.csv", "shipments.mapping.yaml"):
        shutil.copy(fixtures / name, case / name)
    (case / "empty.txt").write_bytes(b"")
    (case / "garbage.txt").write_bytes(bytes(range(256)) * 8)
    (case / "orphan.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["ingest", str(case), "--db", str(tmp_path / "x.db"), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "1 added, 0 already stored, 3 skipped, 2 warnings" in result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    reasons = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["garbage.txt"].startswith("binary content")
    assert reasons["orphan.csv"].startswith("no mapping for this records file")
    assert [w["reason"] for w in data["warnings"]] == [
        "row 5: date '2025-31-06' is not a date", "row 6: 6 fields, the header has 10",
    ]


def test_ingest_help_lists_the_formats() -> None:
    result = runner.invoke(app, ["ingest", "--help"])
    for suffix in (".pdf", ".docx", ".eml", ".mbox", ".zip", ".csv", ".jsonl", ".xlsx", "mapping.yaml"):
        assert suffix in result.output
