"""The classify command's CSV: extra columns kept in place, `predicted` added."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casegraph.errors import InputError
from casegraph.links.features import LinkExample
from casegraph.links.table import read_table, write_table


def test_rows_come_back_with_predicted_last() -> None:
    table = read_table(io.StringIO("id,sentence,src_label,tgt_label\n7,Varna is in Bulgaria.,Varna,Bulgaria\n"))
    assert table.examples() == [LinkExample("Varna is in Bulgaria.", "Varna", "Bulgaria")]
    written = io.StringIO()
    write_table(table, ["WITHIN"], written)
    assert written.getvalue() == "id,sentence,src_label,tgt_label,predicted\n7,Varna is in Bulgaria.,Varna,Bulgaria,WITHIN\n"


def test_an_existing_predicted_column_is_overwritten_in_place() -> None:
    table = read_table(io.StringIO("predicted,sentence,src_label,tgt_label\nOLD,s,a,b\n"))
    written = io.StringIO()
    write_table(table, ["FAMILY"], written)
    assert written.getvalue().splitlines() == ["predicted,sentence,src_label,tgt_label", "FAMILY,s,a,b"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("sentence,src_label\nx,y\n", "missing column tgt_label"),
        ("sentence,src_label,tgt_label\na,b\n", "line 2 has 2 fields"),
    ],
)
def test_bad_tables_are_input_errors(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_table(io.StringIO(text))


def test_blank_lines_are_skipped() -> None:
    assert len(read_table(io.StringIO("sentence,src_label,tgt_label\n\na,b,c\n,,\n")).rows) == 1


CELL = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=30)


@given(st.lists(st.tuples(CELL, CELL, CELL, CELL), min_size=1, max_size=5))
def test_any_cell_text_survives_a_round_trip(rows: list[tuple[str, str, str, str]]) -> None:
    rows = [r for r in rows if any(c.strip() for c in r)] or [("s", "a", "b", "n")]
    source = io.StringIO()
    csv.writer(source, lineterminator="\n").writerows([("sentence", "src_label", "tgt_label", "note"), *rows])
    table = read_table(io.StringIO(source.getvalue()))
    written = io.StringIO()
    write_table(table, ["OTHER"] * len(table.rows), written)
    again = read_table(io.StringIO(written.getvalue()))
    assert again.header[-1] == "predicted" and [r[:4] for r in again.rows] == [tuple(r) for r in rows]
