"""Paths: bounded, simple, shortest then strongest, every hop with its claims."""

from __future__ import annotations

from typing import Any

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from casegraph.analyse.case import CaseGraph, Link, case_from_export
from casegraph.analyse.paths import Traversal, find_paths, route_line
from casegraph.model import Entity, EntityType, Evidence, Predicate, Status
from tests.analyse.fictional import fictional_case


def _nodes(paths: Any) -> list[tuple[str, ...]]:
    return [p.nodes for p in paths]


def test_shortest_first_then_strongest() -> None:
    paths = find_paths(fictional_case(), "maker", "end", max_hops=2)
    assert _nodes(paths) == [("maker", "kx7", "end"), ("maker", "broker", "end")]
    assert [p.status for p in paths] == [Status.DOCUMENTED, Status.ASSESSED]


def test_a_hop_carries_every_claim_between_its_ends_strongest_first() -> None:
    [_, via_broker] = find_paths(fictional_case(), "maker", "end", max_hops=2)
    first, second = via_broker.hops
    assert {x.predicate for x in first.links} == {Predicate.SUPPLIES, Predicate.BILLS}
    assert first.sources.count == 2  # doc-b rewrites doc-a; doc-c is another outlet
    assert [x.status for x in second.links] == sorted((x.status for x in second.links), key=lambda s: s.rank)
    assert {(x.subject, x.predicate) for x in second.links} == {
        ("broker", Predicate.SUPPLIES), ("end", Predicate.PAYS),
    }
    for link in first.links + second.links:
        assert link.evidence.quote


def test_places_and_authorities_never_join_two_parties() -> None:
    case = fictional_case()
    for paths in (find_paths(case, "maker", "broker", 4, limit=100), find_paths(case, "end", "rival", 4, limit=100)):
        assert all("port" not in p.nodes[1:-1] and "us" not in p.nodes[1:-1] for p in paths)
    assert find_paths(case, "maker", "port", 1)[0].nodes == ("maker", "port")  # an end may be a place


def test_minimum_status_drops_weaker_claims() -> None:
    case = fictional_case()
    documented = find_paths(case, "maker", "end", 2, Traversal(min_status=Status.DOCUMENTED))
    assert _nodes(documented) == [("maker", "kx7", "end")]
    assert find_paths(case, "rival", "end", 1)[0].status is Status.DENIED
    assert find_paths(case, "rival", "end", 1, Traversal(min_status=Status.UNCONFIRMED)) == ()


def test_directed_follows_the_goods() -> None:
    case = fictional_case()
    directed = Traversal(directed=True)
    assert set(_nodes(find_paths(case, "maker", "end", 2, directed))) == {
        ("maker", "kx7", "end"), ("maker", "broker", "end"),
    }
    assert find_paths(case, "end", "maker", 4, directed) == ()
    assert find_paths(case, "ceo", "maker", 4, directed) == ()  # a role moves no goods


def test_hop_limit_and_unreachable() -> None:
    case = fictional_case()
    assert find_paths(case, "ceo", "end", 2) == ()
    three = find_paths(case, "ceo", "end", 3, limit=50)
    assert {len(p.hops) for p in three} == {3}
    assert ("ceo", "eng", "broker", "end") in _nodes(three)
    assert find_paths(case, "loner", "end", 6) == ()
    assert find_paths(case, "end", "end") == ()


def test_route_line_reads_each_claim_in_its_own_direction() -> None:
    case = fictional_case()
    [path] = find_paths(case, "ceo", "eng", 1)
    assert route_line(case, path) == "Lena Ortiz -travels_with-> Omar Haddad"
    [back] = find_paths(case, "eng", "ceo", 1)
    assert route_line(case, back, statuses=True) == "Omar Haddad <-travels_with- Lena Ortiz [unconfirmed]"


def test_seed_route_from_the_maker_to_the_end_user_runs_through_the_broker(seed_export: dict[str, Any]) -> None:
    case = case_from_export(seed_export)
    maker, end, broker = case.find("Sichuan AEE"), case.find("IEMZ Kupol"), case.find("TSK Vektor")
    paths = find_paths(case, maker.id, end.id, max_hops=3)
    through = [p for p in paths if broker.id in p.nodes[1:-1]]
    assert through, [route_line(case, p) for p in paths]
    texts = {d.id: d.text for d in case.documents.values()}
    for hop in through[0].hops:
        assert any(x.predicate is Predicate.SUPPLIES for x in hop.links)
        for x in hop.links:
            assert texts[x.evidence.document_id][x.evidence.start : x.evidence.end] == x.evidence.quote


EDGES = st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7), st.sampled_from(list(Status))), max_size=18)


def _random_case(edges: list[tuple[int, int, Status]]) -> CaseGraph:
    entities = {f"n{i}": Entity(f"n{i}", EntityType.ORGANIZATION, f"Party {i}") for i in range(8)}
    links = tuple(
        Link(f"c{k}", f"n{a}", Predicate.SUPPLIES, f"n{b}", status, Evidence("d", "q", 0, 1))
        for k, (a, b, status) in enumerate(edges)
        if a != b
    )
    return CaseGraph(entities, links)


@settings(max_examples=60, deadline=None)
@given(EDGES, st.integers(1, 5))
def test_paths_are_simple_bounded_connected_and_start_at_the_shortest_length(
    edges: list[tuple[int, int, Status]], max_hops: int
) -> None:
    case = _random_case(edges)
    graph = nx.Graph([(x.subject, x.object) for x in case.links])
    paths = find_paths(case, "n0", "n1", max_hops, limit=1000)
    for path in paths:
        assert path.start == "n0" and path.end == "n1"
        assert len(set(path.nodes)) == len(path.nodes) and len(path.hops) <= max_hops
        for hop in path.hops:
            assert hop.links and all({x.subject, x.object} == {hop.source, hop.target} for x in hop.links)
    lengths = [len(p.hops) for p in paths]
    assert lengths == sorted(lengths)
    reachable = graph.has_node("n0") and graph.has_node("n1") and nx.has_path(graph, "n0", "n1")
    distance = nx.shortest_path_length(graph, "n0", "n1") if reachable else None
    if distance is not None and distance <= max_hops:
        assert lengths[0] == distance
        expected = {tuple(p) for p in nx.all_simple_paths(graph, "n0", "n1", cutoff=max_hops)}
        assert set(_nodes(paths)) == expected
    else:
        assert paths == ()
