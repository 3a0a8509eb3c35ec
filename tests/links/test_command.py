"""`casegraph links classify`, run as a user runs it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from casegraph.cli import app

runner = CliRunner()
ROWS = [
    ("r1", "Jane Roe, the chief executive of Acme Holdings, resigned.", "Jane Roe", "Acme Holdings", "x"),
    ("r2", "Borvik Trading sued Telmar Logistics over unpaid invoices.", "Borvik Trading", "Telmar Logistics", "y"),
    ("r3", "Acme Holdings thanked her in a statement.", "Acme Holdings", "Jane Roe", "z"),
]


def write_rows(path: Path, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    return path


def sample(tmp_path: Path) -> Path:
    return write_rows(tmp_path / "in.csv", ("id", "sentence", "src_label", "tgt_label", "gold"), ROWS)


def test_rows_come_back_in_order_with_extra_columns_and_predicted(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["links", "classify", "--in", str(sample(tmp_path)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["id", "sentence", "src_label", "tgt_label", "gold", "predicted"]
    assert [tuple(r[:5]) for r in rows[1:]] == ROWS
    # r2 is a dispute over invoices: either reading (test_classifier.py)
    assert rows[1][5] in {"MANAGER", "EMPLOYEE"} and rows[2][5] in {"ANTAGONIST", "BUSINESS"}
    assert "3 rows typed" in result.output


def test_standard_output_by_default_and_one_type_per_pair_with_by_pair(tmp_path: Path) -> None:
    result = runner.invoke(app, ["links", "classify", "--in", str(sample(tmp_path)), "--by-pair"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["r1", "r2", "r3"]
    assert rows[0]["predicted"] == rows[2]["predicted"]


def test_a_missing_column_is_a_one_line_error(tmp_path: Path) -> None:
    source = write_rows(tmp_path / "bad.csv", ("sentence", "source", "tgt_label"), [("s", "a", "b")])
    result = runner.invoke(app, ["links", "classify", "--in", str(source)])
    assert result.exit_code == 2
    assert "missing column src_label" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["links", "classify", "--in", str(tmp_path / "absent.csv")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_help_teaches_the_columns() -> None:
    result = runner.invoke(app, ["links", "classify", "--help"])
    assert result.exit_code == 0
    assert "src_label" in result.output and "--by-pair" in result.output and "--out" in result.output
