"""Paths between two entities, each hop with every claim that joins its two ends.

Direction: by default a path may read a claim either way (`A supplies B` joins
B to A as well), because exposure and association do not care who sold to
whom: an owner, an employee, a customer and a supplier of a sanctioned party
are all exposed to it. `Traversal(directed=True)` follows the goods instead:
`supplies`, `bills`, `manufactures` and `develops` flow from subject to object,
`pays` and `tests` from object to subject (the payer and the tester receive).

Only parties and products sit inside a path: a place or an authority (two
parties in one city, two parties sanctioned by one government) would connect
everything and mean nothing. Either end may be of any type.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import cast

from casegraph.analyse.case import PARTIES, CaseGraph, Link
from casegraph.analyse.corroboration import Sources
from casegraph.model import EntityType, Predicate, Status

FORWARD_FLOW = frozenset(
    {Predicate.SUPPLIES, Predicate.BILLS, Predicate.MANUFACTURES, Predicate.DEVELOPS}
)
BACKWARD_FLOW = frozenset({Predicate.PAYS, Predicate.TESTS})

PREDICATE_ORDER = list(Predicate)

Adjacency = Mapping[str, Mapping[str, tuple[Link, ...]]]


@dataclass(frozen=True)
class Traversal:
    """Which claims and entities a path may use.

    `min_status` keeps claims at least that strong (Status order: documented
    strongest, denied weakest); the default keeps every claim, labelled.
    """

    min_status: Status = Status.DENIED
    through: frozenset[EntityType] = field(default_factory=lambda: PARTIES | {EntityType.PRODUCT})
    directed: bool = False

    def admits(self, link: Link) -> bool:
        return link.status.rank <= self.min_status.rank


@dataclass(frozen=True)
class Hop:
    """One step from `source` to `target`; `links` strongest first, with their independent sources."""

    source: str
    target: str
    links: tuple[Link, ...]
    sources: Sources

    @property
    def status(self) -> Status:
        return self.links[0].status


@dataclass(frozen=True)
class Path:
    hops: tuple[Hop, ...]

    @property
    def start(self) -> str:
        return self.hops[0].source

    @property
    def end(self) -> str:
        return self.hops[-1].target

    @property
    def status(self) -> Status:
        """A path is as sure as its weakest hop."""
        return max((h.status for h in self.hops), key=lambda s: s.rank)

    @property
    def nodes(self) -> tuple[str, ...]:
        return (self.start, *(h.target for h in self.hops))


def flow(link: Link) -> tuple[str, str] | None:
    """(from, to) of the goods or service a claim moves, or None for other claims."""
    if link.predicate in FORWARD_FLOW:
        return link.subject, link.object
    if link.predicate in BACKWARD_FLOW:
        return link.object, link.subject
    return None


def adjacency(case: CaseGraph, rules: Traversal) -> Adjacency:
    """Entity -> neighbour -> the admitted claims joining them (strongest first); built once
    per case and rules."""
    key = ("adjacency", rules)
    if key not in case.memo:
        case.memo[key] = _build_adjacency(case, rules)
    return cast(Adjacency, case.memo[key])


def _build_adjacency(case: CaseGraph, rules: Traversal) -> Adjacency:
    graph: dict[str, dict[str, list[Link]]] = defaultdict(lambda: defaultdict(list))
    for link in case.links:
        if not rules.admits(link):
            continue
        if rules.directed:
            ends = flow(link)
            if ends is not None:
                graph[ends[0]][ends[1]].append(link)
        else:
            graph[link.subject][link.object].append(link)
            graph[link.object][link.subject].append(link)
    return {
        a: {b: tuple(sorted(ls, key=_claim_order)) for b, ls in ns.items()}
        for a, ns in graph.items()
    }


def _claim_order(link: Link) -> tuple[int, int, str]:
    """Strongest first; among equals, the predicate order of the vocabulary (supplies first)."""
    return link.status.rank, PREDICATE_ORDER.index(link.predicate), link.id


def _reverse(case: CaseGraph, graph: Adjacency, rules: Traversal) -> Adjacency:
    """The directed graph read backwards, to measure distances to a path's end; built once
    for the case's own adjacency, afresh for a graph the caller made."""
    key = ("reverse", rules)
    if key in case.memo and graph is case.memo.get(("adjacency", rules)):
        return cast(Adjacency, case.memo[key])
    back: dict[str, dict[str, tuple[Link, ...]]] = defaultdict(dict)
    for a, neighbours in graph.items():
        for b, links in neighbours.items():
            back[b][a] = links
    if graph is case.memo.get(("adjacency", rules)):
        case.memo[key] = back
    return back


def distances(
    case: CaseGraph, graph: Adjacency, origin: str, rules: Traversal, max_hops: int
) -> dict[str, int]:
    """Hops from `origin` to every entity within reach, passing only through allowed types."""
    seen = {origin: 0}
    queue = deque([origin])
    while queue:
        node = queue.popleft()
        depth = seen[node]
        if depth >= max_hops or (node != origin and not _passable(case, node, rules)):
            continue
        for neighbour in graph.get(node, {}):
            if neighbour not in seen:
                seen[neighbour] = depth + 1
                queue.append(neighbour)
    return seen


def _passable(case: CaseGraph, node: str, rules: Traversal) -> bool:
    entity = case.entities.get(node)
    return entity is not None and entity.type in rules.through


def find_paths(
    case: CaseGraph,
    start: str,
    end: str,
    max_hops: int = 4,
    rules: Traversal | None = None,
    limit: int = 10,
    graph: Adjacency | None = None,
) -> tuple[Path, ...]:
    """Simple paths from `start` to `end`, shortest first, then strongest (see `_strength`).

    Paths of each length are searched in turn (pruned by the distance to
    `end`), so the first `limit` are the shortest ones.
    """
    rules = rules or Traversal()
    graph = graph if graph is not None else adjacency(case, rules)
    if start == end:
        return ()
    to_end = distances(
        case, _reverse(case, graph, rules) if rules.directed else graph, end, rules, max_hops
    )
    found: list[Path] = []
    for length in range(1, max_hops + 1):
        batch = [Path(h) for h in _walk(case, graph, rules, (start,), (), end, length, to_end)]
        found += sorted(batch, key=lambda p: _strength(case, p))
        if len(found) >= limit:
            break
    return tuple(found[:limit])


def _walk(
    case: CaseGraph,
    graph: Adjacency,
    rules: Traversal,
    visited: tuple[str, ...],
    hops: tuple[Hop, ...],
    end: str,
    length: int,
    to_end: dict[str, int],
) -> Iterator[tuple[Hop, ...]]:
    node = visited[-1]
    left = length - len(hops)
    for neighbour, links in graph.get(node, {}).items():
        if neighbour == end and left == 1:
            yield (*hops, Hop(node, neighbour, links, case.sources(links)))
        elif (
            left > 1
            and neighbour not in visited
            and neighbour != end
            and _passable(case, neighbour, rules)
            and to_end.get(neighbour, left + 1) <= left - 1
        ):
            hop = Hop(node, neighbour, links, case.sources(links))
            yield from _walk(
                case, graph, rules, (*visited, neighbour), (*hops, hop), end, length, to_end
            )


def _strength(case: CaseGraph, path: Path) -> tuple[int, int, int, tuple[str, ...]]:
    """Weakest hop first, then fewer steps through a product (two parties joined only by
    making and testing one model are a weaker route than a stated sale), then the sum."""
    via_products = sum(1 for n in path.nodes[1:-1] if not case.is_party(n))
    return path.status.rank, via_products, sum(h.status.rank for h in path.hops), path.nodes


def route_line(case: CaseGraph, path: Path, statuses: bool = False) -> str:
    """One line: `A -supplies-> B <-role_in- C`, each arrow in its strongest claim's direction,
    with each hop's status in brackets when `statuses`."""
    text = case.name(path.start)
    for hop in path.hops:
        link = hop.links[0]
        name = link.predicate.value
        arrow = f" -{name}-> " if link.subject == hop.source else f" <-{name}- "
        text += f"{arrow}{case.name(hop.target)}" + (f" [{hop.status.value}]" if statuses else "")
    return text
