"""`casegraph synth` writes a corpus that `casegraph ingest` reads."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from casegraph.cli import app

runner = CliRunner()


def test_synth_writes_the_corpus_it_is_asked_for(tmp_path: Path) -> None:
    result = runner.invoke(app, ["synth", "--docs", "7", "--seed", "3", "-o", str(tmp_path / "a")])
    assert result.exit_code == 0 and "7 documents written" in result.output
    again = runner.invoke(app, ["synth", "-n", "7", "--seed", "3", "--output", str(tmp_path / "b")])
    assert again.exit_code == 0
    first = sorted((tmp_path / "a").iterdir())
    assert len(first) == 7
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in sorted((tmp_path / "b").iterdir())]


def test_synth_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    taken = tmp_path / "file.txt"
    taken.write_text("x", encoding="utf-8")
    for args, message in (
        (["--size", "huge", "-o", str(tmp_path / "c")], "unknown size 'huge'"),
        (["-o", str(taken)], "not a folder"),
        (["--docs", "0", "-o", str(tmp_path / "d")], "greater than or equal to 1"),
    ):
        result = runner.invoke(app, ["synth", *args])
        assert result.exit_code == 2 and message in result.output
