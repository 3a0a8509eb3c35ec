"""Neo4j import: the CSV files' shape and a load script that covers every label and predicate."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from pathlib import Path

from casegraph.export.neo4j import EDGE_COLUMNS, NODE_COLUMNS, neo4j_files, write_neo4j
from casegraph.model import EntityType, Predicate
from tests.analyse.fictional import fictional_case


def _rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_nodes_and_edges_files() -> None:
    case = fictional_case()
    files = neo4j_files(case)
    header, nodes = _rows(files["nodes.csv"])
    assert tuple(header) == NODE_COLUMNS and len(nodes) == len(case.entities)
    assert {n["id"] for n in nodes} == set(case.entities)
    broker = next(n for n in nodes if n["id"] == "broker")
    assert (broker["label"], broker["sanctioned"]) == ("Organization", "true") and "90001" in broker["sanctions"]
    header, edges = _rows(files["edges.csv"])
    assert tuple(header) == EDGE_COLUMNS and len(edges) == len(case.links)
    ids = {n["id"] for n in nodes}
    for edge, link in zip(edges, case.links, strict=True):
        assert edge["source"] in ids and edge["target"] in ids
        assert edge["type"] == link.predicate.value.upper() and re.fullmatch(r"[A-Z_]+", edge["type"])
        assert edge["quote"] == link.evidence.quote
        assert json.loads(edge["attributes"]) == dict(link.attributes)
    bill = next(e for e in edges if e["predicate"] == "bills")
    assert (bill["date_start"], bill["date_end"]) == ("2025-04-17", "2025-04-17")


def test_quotes_with_commas_quotes_and_newlines_survive() -> None:
    case = fictional_case()
    first = case.links[0]
    awkward = 'He said, "deliver\nnow" — 5,000 units;'
    odd = replace(first, evidence=replace(first.evidence, quote=awkward))
    files = neo4j_files(replace(case, links=(odd,)))
    _, [edge] = _rows(files["edges.csv"])
    assert edge["quote"] == awkward


def test_the_script_loads_both_files_every_label_and_every_predicate() -> None:
    script = neo4j_files(fictional_case())["import.cypher"]
    assert "CREATE CONSTRAINT" in script and "file:///nodes.csv" in script and "file:///edges.csv" in script
    for kind in EntityType:
        assert f"SET n:{kind.value.title()};" in script
    for predicate in Predicate:
        assert f"row.predicate = '{predicate.value}'" in script
        assert f"[r:{predicate.value.upper()} {{id: row.id}}]" in script
    code = "\n".join(line for line in script.splitlines() if not line.startswith("//"))
    statements = [s for s in code.split(";") if s.strip()]
    assert len(statements) == 2 + len(EntityType) + len(Predicate)


def test_written_into_a_folder(tmp_path: Path) -> None:
    written = write_neo4j(fictional_case(), tmp_path / "neo")
    assert sorted(p.name for p in written) == ["edges.csv", "import.cypher", "nodes.csv"]
    assert all(p.read_text(encoding="utf-8") for p in written)
