"""Exposure: the sanctioned parties within k hops of an entity, and how it reaches them.

Claims are read in both directions (see `paths`): being the supplier, the
customer, the owner or the employee of a sanctioned party is exposure alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from casegraph.analyse.case import PARTIES, CaseGraph
from casegraph.analyse.paths import Adjacency, Path, Traversal, adjacency, distances, find_paths
from casegraph.analyse.sanctions import Sanctioned, sanctioned


@dataclass(frozen=True)
class Exposed:
    """A sanctioned party reached, why it counts as sanctioned, and the shortest routes."""

    entity_id: str
    reason: str
    distance: int
    paths: tuple[Path, ...]
    sanctions: Sanctioned


@dataclass(frozen=True)
class Exposure:
    """What one entity is exposed to; `itself` is set when it is sanctioned too."""

    entity_id: str
    hops: int
    itself: Sanctioned | None
    reached: tuple[Exposed, ...]


def exposure(
    case: CaseGraph,
    entity_id: str,
    hops: int = 3,
    rules: Traversal | None = None,
    paths_per_party: int = 3,
) -> Exposure:
    """Sanctioned parties within `hops` of `entity_id`, nearest first, each with its paths."""
    rules = rules or Traversal()
    return _exposure(
        case, entity_id, hops, rules, paths_per_party, sanctioned(case), adjacency(case, rules)
    )


def _exposure(
    case: CaseGraph,
    entity_id: str,
    hops: int,
    rules: Traversal,
    paths_per_party: int,
    listed: dict[str, Sanctioned],
    graph: Adjacency,
) -> Exposure:
    near = distances(case, graph, entity_id, rules, hops)
    reached = []
    for target, distance in sorted(near.items(), key=lambda kv: (kv[1], case.name(kv[0]))):
        if target == entity_id or target not in listed:
            continue
        routes = find_paths(case, entity_id, target, distance, rules, paths_per_party, graph)
        why = listed[target]
        reached.append(Exposed(target, why.reason(case), distance, routes, why))
    return Exposure(entity_id, hops, listed.get(entity_id), tuple(reached))


def exposures(
    case: CaseGraph, hops: int = 3, rules: Traversal | None = None
) -> tuple[Exposure, ...]:
    """The exposure of every party that is not itself sanctioned and reaches a sanctioned one."""
    rules = rules or Traversal()
    listed, graph = sanctioned(case), adjacency(case, rules)
    found = (
        _exposure(case, e.id, hops, rules, 1, listed, graph)
        for e in sorted(case.entities.values(), key=lambda e: e.name)
        if e.type in PARTIES and e.id not in listed
    )
    return tuple(x for x in found if x.reached)
