"""`casegraph entities` as a user runs it: decisions stored, entities rebuilt at once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import casegraph.store.decisions_table  # noqa: F401  (registers the table before a Store opens)
from casegraph.commands.entities import entities_app
from casegraph.export.json_export import build_export
from casegraph.pipeline import ingest, rebuild
from casegraph.store.database import Store

app = typer.Typer()
app.add_typer(entities_app, name="entities")
runner = CliRunner()

TEXT = (
    "Orvane Kestrel Industries supplied drones to Balmor Fittings, according to invoices seen "
    "by reporters. Orvane Kestrl Industries denied it. Tarvik Holdings paid Balmor Fittings "
    "$2 million, according to bank statements.\n"
)
A, B = "Orvane Kestrel Industries", "Orvane Kestrl Industries"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "case.db"
    (tmp_path / "report.txt").write_text(TEXT, encoding="utf-8")
    store = Store(f"sqlite:///{path}")
    ingest(store, [tmp_path / "report.txt"])
    rebuild(store)
    return str(path)


def _entity(db: str, name: str) -> dict[str, object]:
    data = build_export(Store(f"sqlite:///{db}"))
    [entity] = [e for e in data["entities"] if name == e["name"] or name in e["aliases"]]
    return dict(entity)


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["entities", *args])
    return result.exit_code, result.output


def test_help_lists_every_command() -> None:
    code, output = _run("--help")
    assert code == 0
    for command in ("merge", "split", "not-same", "list"):
        assert command in output


def test_not_same_then_merge_are_shown_in_the_export(db: str) -> None:
    assert _entity(db, A) == _entity(db, B)
    code, output = _run("not-same", A, B, "--note", "two registrations", "--db", db)
    assert code == 0, output
    assert _entity(db, A) != _entity(db, B)

    code, output = _run("merge", A, "Tarvik Holdings", "--note", "same director", "--db", db)
    assert code == 0, output
    merged = _entity(db, "Tarvik Holdings")
    assert A in [merged["name"], *merged["aliases"]]  # type: ignore[misc]
    assert B not in [merged["name"], *merged["aliases"]]  # type: ignore[misc]


def test_split_takes_a_name_out(db: str) -> None:
    code, output = _run("split", "ORVANE KESTRL INDUSTRIES, OOO", "--db", db)
    assert code == 0, output
    alone = _entity(db, B)
    assert alone["aliases"] == [] and alone["name"] == B


def test_list_in_the_order_made(db: str) -> None:
    code, output = _run("list", "--db", db)
    assert code == 0 and "no decisions" in output
    _run("not-same", A, B, "--db", db)
    _run("split", "Balmor Fittings", "--note", "check", "--db", db)
    code, output = _run("list", "--format", "json", "--db", db)
    assert code == 0, output
    rows = json.loads(output)
    assert [(r["id"], r["kind"], r["a"], r["b"], r["note"]) for r in rows] == [
        (1, "not-same", A, B, ""),
        (2, "split", "Balmor Fittings", None, "check"),
    ]
    assert all(r["made_at"] for r in rows)
    code, output = _run("list", "--db", db)
    assert code == 0 and "not-same" in output and "Balmor Fittings" in output


@pytest.mark.parametrize(
    "args",
    [
        ("merge", A, "Nobody Known Ltd"),
        ("not-same", "Orvane Kestrel Industries", "Orvane Kestrel Industries Co., Ltd."),
        ("split", "Ghost Name"),
        ("list", "--format", "xml"),
    ],
)
def test_bad_input_exits_2_and_stores_nothing(db: str, args: tuple[str, ...]) -> None:
    code, output = _run(*args, "--db", db)
    assert code == 2
    assert "error:" in output
    code, output = _run("list", "--format", "json", "--db", db)
    assert json.loads(output) == []


def test_unknown_name_suggests_close_ones(db: str) -> None:
    code, output = _run("split", "Balmor Fitting", "--db", db)
    assert code == 2
    assert "unknown name" in output and "Balmor Fittings" in output


def test_db_from_environment(db: str) -> None:
    result = runner.invoke(app, ["entities", "split", "Balmor Fittings"], env={"CASEGRAPH_DB": db})
    assert result.exit_code == 0, result.output
    _, output = _run("list", "--format", "json", "--db", db)
    assert len(json.loads(output)) == 1
