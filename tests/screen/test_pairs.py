"""Pair scoring as pure functions: text lines in, rows and skipped-row reasons out."""

from __future__ import annotations

import io

import pytest

from casegraph.errors import InputError
from casegraph.model import EntityType
from casegraph.resolve.names import compare_names
from casegraph.screen.pairs import (
    output_columns,
    schema_type,
    score_pairs,
    score_row,
    write_pairs,
)
from casegraph.screen.screening import DEFAULT_THRESHOLD


def lines(text: str) -> list[str]:
    return io.StringIO(text).readlines()


def test_schemas_map_to_types_or_untyped() -> None:
    assert schema_type("Person") is EntityType.PERSON
    assert schema_type("Company") is EntityType.ORGANIZATION
    assert schema_type(" organization ") is EntityType.ORGANIZATION
    assert schema_type("LegalEntity") is None
    assert schema_type("Vessel") is None
    assert schema_type("") is None


def test_row_uses_the_screening_scorer() -> None:
    row = {"name1": "Olaf Scholze", "name2": "Olaf Scholz", "schema": "Person", "id": "7"}
    scored = score_row(row)
    expected = compare_names("Olaf Scholze", "Olaf Scholz", EntityType.PERSON)
    assert scored["score"] == f"{expected.score:.3f}"
    assert scored["explanation"] == expected.explanation
    assert scored["match"] == ("true" if expected.score >= DEFAULT_THRESHOLD else "false")
    assert scored["id"] == "7"


def test_threshold_decides_match() -> None:
    row = {"name1": "Olaf Scholze", "name2": "Olaf Scholz", "schema": "Person"}
    score = float(score_row(row)["score"])
    assert score_row(row, threshold=score)["match"] == "true"
    assert score_row(row, threshold=min(1.0, score + 0.01))["match"] == "false"


def test_columns_kept_in_order_and_added_at_the_end() -> None:
    assert output_columns(["id", "schema", "name2", "name1", "note"]) == [
        "id",
        "schema",
        "name2",
        "name1",
        "note",
        "score",
        "match",
        "explanation",
    ]
    # A re-scored output file does not grow duplicate columns.
    again = output_columns(["name1", "name2", "schema", "score", "match", "explanation"])
    assert again == ["name1", "name2", "schema", "score", "match", "explanation"]


@pytest.mark.parametrize("header", [None, [], ["name1", "name2"], ["a", "b", "c"]])
def test_missing_columns_are_an_error(header: list[str] | None) -> None:
    with pytest.raises(InputError):
        output_columns(header)


def test_missing_column_named_in_the_message() -> None:
    with pytest.raises(InputError, match="schema"):
        score_pairs(lines("name1,name2\nA,B\n"))


def test_header_with_spaces_after_commas() -> None:
    scored = score_pairs(lines("name1, name2, schema\nIvan Petrov, Petrov Ivan, Person\n"))
    assert scored.columns[:3] == ["name1", "name2", "schema"]
    assert scored.rows[0]["match"] == "true"


def test_malformed_rows_are_skipped_with_their_line() -> None:
    text = (
        "name1,name2,schema,id\n"
        "Olaf Scholze,Olaf Scholz,Person,1\n"
        "too,few\n"
        ",Olaf Scholz,Person,3\n"
        "\n"
        "a,b,Person,4,extra\n"
        "Gazprom,Gazprom PAO,Company,6\n"
    )
    scored = score_pairs(lines(text))
    assert [row["id"] for row in scored.rows] == ["1", "6"]
    assert [p.line for p in scored.problems] == [3, 4, 6]
    assert "fields" in scored.problems[0].reason
    assert "non-empty" in scored.problems[1].reason


def test_quoted_fields_and_multiline_values() -> None:
    text = 'name1,name2,schema,notes\n"SCHOLZ, Olaf",Olaf Scholz,Person,"two\nlines"\n'
    scored = score_pairs(lines(text))
    assert not scored.problems
    assert scored.rows[0]["notes"] == "two\nlines"
    assert scored.rows[0]["match"] == "true"


def test_write_round_trips() -> None:
    scored = score_pairs(lines('name1,name2,schema\n"A, B",A B,Company\n'))
    buffer = io.StringIO()
    write_pairs(scored, buffer)
    header, row = buffer.getvalue().splitlines()
    assert header == "name1,name2,schema,score,match,explanation"
    assert row.startswith('"A, B",A B,Company,')
