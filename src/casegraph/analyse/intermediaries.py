"""Intermediaries: the parties that goods pass through on their way to a sanctioned party.

A route starts at any party that supplies, bills, makes or develops something
and follows the goods (`Traversal(directed=True)`, see `paths`) to a sanctioned
party. Every party strictly inside such a route is an intermediary; the one
that connects the most supplier -> sanctioned pairs is the chokepoint an
analyst looks at first. A sanctioned party can itself be an intermediary (a
listed broker between a maker and a listed end user).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from casegraph.analyse.case import CaseGraph
from casegraph.analyse.paths import Path, Traversal, adjacency, distances, find_paths, flow
from casegraph.analyse.sanctions import sanctioned
from casegraph.model import Status


@dataclass(frozen=True, order=True)
class Pair:
    """A supplier and the sanctioned party its goods reach."""

    supplier: str
    end: str


@dataclass(frozen=True)
class Intermediary:
    """A party inside supplier -> sanctioned routes, with the routes themselves."""

    entity_id: str
    sanctioned: bool
    pairs: tuple[Pair, ...]
    paths: tuple[Path, ...]

    @property
    def status(self) -> Status:
        """The strongest route through it: how sure the link is at best."""
        return min((p.status for p in self.paths), key=lambda s: s.rank)


def suppliers(case: CaseGraph, rules: Traversal) -> list[str]:
    """Parties that move goods to someone, in a claim the rules admit."""
    found = set()
    for link in case.links:
        ends = flow(link)
        if ends and rules.admits(link) and case.is_party(ends[0]):
            found.add(ends[0])
    return sorted(found, key=case.name)


def intermediaries(
    case: CaseGraph, max_hops: int = 4, rules: Traversal | None = None
) -> tuple[Intermediary, ...]:
    """Ranked by supplier -> sanctioned pairs connected, then routes, then strength."""
    rules = replace(rules or Traversal(), directed=True)
    graph = adjacency(case, rules)
    listed = sanctioned(case)
    pairs: dict[str, set[Pair]] = defaultdict(set)
    routes: dict[str, list[Path]] = defaultdict(list)
    for source in suppliers(case, rules):
        reach = distances(case, graph, source, rules, max_hops)
        for target in sorted(t for t in reach if t in listed and t != source):
            for path in find_paths(case, source, target, max_hops, rules, limit=50, graph=graph):
                for node in path.nodes[1:-1]:
                    if case.is_party(node):
                        pairs[node].add(Pair(source, target))
                        routes[node].append(path)
    found = [Intermediary(n, n in listed, tuple(sorted(pairs[n])), tuple(routes[n])) for n in pairs]
    return tuple(
        sorted(
            found,
            key=lambda i: (-len(i.pairs), -len(i.paths), i.status.rank, case.name(i.entity_id)),
        )
    )
