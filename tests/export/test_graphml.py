"""GraphML export: networkx reads it back with every node, edge and attribute."""

from __future__ import annotations

import io
from dataclasses import replace

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from casegraph.analyse.case import CaseGraph, load_case
from casegraph.export.graphml import EDGE_FIELDS, to_graphml
from casegraph.export.json_export import build_export
from casegraph.store.database import Store
from tests.analyse.fictional import fictional_case

FIXED = {name for name, _, _ in EDGE_FIELDS}


def _read(case: CaseGraph) -> nx.MultiDiGraph:
    graph: nx.MultiDiGraph = nx.read_graphml(io.StringIO(to_graphml(case)), force_multigraph=True)
    return graph


def test_counts_equal_the_stores_entities_and_claims(seed_store: Store) -> None:
    graph = _read(load_case(seed_store))
    export = build_export(seed_store)
    assert graph.number_of_nodes() == len(seed_store.entities()) == len(export["entities"])
    assert graph.number_of_edges() == len(export["claims"])
    assert graph.is_directed()


def test_every_attribute_comes_back_typed() -> None:
    case = fictional_case()
    graph = _read(case)
    broker = graph.nodes["broker"]
    assert broker["name"] == "Vega Trade House LLC" and broker["sanctioned"] is True
    assert "90001" in broker["sanctions"] and graph.nodes["loner"]["sanctioned"] is False
    assert broker["aliases"] == "Vega Trade House"
    edges = {data["claim_id"]: data for _, _, data in graph.edges(data=True)}
    assert set(edges) == {link.id for link in case.links}
    for link in case.links:
        data = edges[link.id]
        assert data["predicate"] == link.predicate.value and data["status"] == link.status.value
        assert data["quote"] == link.evidence.quote
        assert (data["start"], data["end"]) == (link.evidence.start, link.evidence.end)
        assert data["document_title"] == case.documents[link.evidence.document_id].title
        for key, value in link.attributes:
            assert data[f"attr_{key}" if key in FIXED else key] == value


def test_parallel_claims_stay_separate_edges() -> None:
    graph = _read(fictional_case())
    assert graph.number_of_edges("maker", "broker") == 4  # three supplies, one bill


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=40))
def test_any_text_survives_or_is_replaced_by_a_space(text: str) -> None:
    case = fictional_case()
    first = case.links[0]
    odd = replace(first, evidence=replace(first.evidence, quote=text), attributes=(("product", text),))
    graph = _read(CaseGraph(case.entities, (odd,), case.documents, {}))
    [(_, _, data)] = graph.edges(data=True)
    expected = "".join(
        " " if (ord(c) < 32 and c not in "\t\n\r") or 0xD800 <= ord(c) <= 0xDFFF or c in "\ufffe\uffff" else c
        for c in text
    ).replace("\r\n", "\n").replace("\r", "\n")
    assert data["quote"] == expected and data["product"] == expected
