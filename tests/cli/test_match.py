"""`casegraph match` and the screen command's names file, run as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from casegraph.cli import app
from tests.conftest import SHARED

runner = CliRunner()
BENCH = SHARED / "data" / "names" / "nomenklatura_name_bench_cases.csv"


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_whole_bench_comes_back_scored(tmp_path: Path) -> None:
    out = tmp_path / "scored.csv"
    result = runner.invoke(app, ["match", "--pairs", str(BENCH), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with BENCH.open(encoding="utf-8", newline="") as handle:
        source = list(csv.DictReader(handle))
    scored = read_csv(out.read_text(encoding="utf-8"))
    assert len(source) == len(scored) == 826
    assert list(scored[0])[: len(source[0])] == list(source[0])
    assert list(scored[0])[-3:] == ["score", "match", "explanation"]
    for before, after in zip(source, scored, strict=True):
        assert {k: after[k] for k in before} == before
        assert 0.0 <= float(after["score"]) <= 1.0 and len(after["score"].split(".")[1]) == 3
        assert after["match"] in {"true", "false"}
    assert "826 pairs scored, 0 skipped" in result.output


def test_stdout_and_output_alias(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("name1,name2,schema\nOlaf Scholze,Olaf Scholz,Person\n", encoding="utf-8")
    to_stdout = runner.invoke(app, ["match", "--pairs", str(pairs)])
    assert to_stdout.exit_code == 0
    rows = read_csv(to_stdout.stdout)
    assert rows[0]["match"] == "true" and rows[0]["explanation"]
    for flag in ("-o", "--output"):
        out = tmp_path / f"out{flag}.csv"
        assert runner.invoke(app, ["match", "--pairs", str(pairs), flag, str(out)]).exit_code == 0
        assert read_csv(out.read_text(encoding="utf-8")) == rows


def test_threshold_option(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("name1,name2,schema\nOlaf Scholze,Olaf Scholz,Person\n", encoding="utf-8")
    strict = runner.invoke(app, ["match", "--pairs", str(pairs), "--threshold", "1"])
    assert read_csv(strict.stdout)[0]["match"] == "false"
    bad = runner.invoke(app, ["match", "--pairs", str(pairs), "--threshold", "2"])
    assert bad.exit_code == 2


def test_missing_file_and_columns_are_one_line_errors(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["match", "--pairs", str(tmp_path / "nope.csv")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    assert len(missing.output.strip().splitlines()) == 1
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("first,second,schema\nA,B,Person\n", encoding="utf-8")
    columns = runner.invoke(app, ["match", "--pairs", str(pairs)])
    assert columns.exit_code == 2 and "name1, name2" in columns.output
    assert len(columns.output.strip().splitlines()) == 1


def test_malformed_row_reported_and_skipped(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text(
        "name1,name2,schema\nA\nGazprom,Gazprom PAO,Company\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["match", "--pairs", str(pairs)])
    assert result.exit_code == 0
    assert "line 2" in result.stderr and "1 pairs scored, 1 skipped" in result.stderr
    assert [r["name1"] for r in read_csv(result.stdout)] == ["Gazprom"]


def test_screen_names_file_with_comments(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("# suppliers\n\nTSK Vektor\n  \n# end\n", encoding="utf-8")
    result = runner.invoke(
        app, ["screen", "--names-file", str(names), "-t", "organization", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["TSK Vektor"]
    top = data["TSK Vektor"][0]
    assert top["entry_id"] == "46441"
    assert top["list_name"] and top["list_date"]


def test_screen_arguments_and_file_combine(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("TSK Vektor\n", encoding="utf-8")
    result = runner.invoke(
        app, ["screen", "Nobody Atall Xyzzy", "--names-file", str(names), "--format", "json"]
    )
    assert result.exit_code == 0
    assert list(json.loads(result.stdout)) == ["Nobody Atall Xyzzy", "TSK Vektor"]


def test_screen_threshold_and_limit() -> None:
    result = runner.invoke(
        app, ["screen", "TSK Vektor", "--threshold", "0.3", "--limit", "2", "--format", "json"]
    )
    matches = json.loads(result.stdout)["TSK Vektor"]
    assert 1 <= len(matches) <= 2 and all(m["score"] >= 0.3 for m in matches)


def test_screen_needs_names(tmp_path: Path) -> None:
    result = runner.invoke(app, ["screen"])
    assert result.exit_code == 2 and "no names" in result.output
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing\n", encoding="utf-8")
    assert runner.invoke(app, ["screen", "--names-file", str(empty)]).exit_code == 2
    missing = runner.invoke(app, ["screen", "--names-file", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_screen_rejects_unknown_type() -> None:
    result = runner.invoke(app, ["screen", "X", "--type", "vessel"])
    assert result.exit_code == 2 and "unknown type" in result.output


def test_match_help_teaches_the_columns() -> None:
    assert "match" in runner.invoke(app, ["--help"]).output
    result = runner.invoke(app, ["match", "--help"])
    assert result.exit_code == 0 and "name1" in result.output and "--output" in result.output
