"""Questions asked of the network: who is sanctioned, and how others reach them."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

from casegraph.model import Predicate

PARTY_TYPES = {"person", "organization"}


@dataclass(frozen=True)
class Hop:
    """One step of a path: a claim read forwards or backwards."""

    source: str
    predicate: str
    target: str
    status: str
    forward: bool
    quote: str


def sanctioned_ids(export: dict[str, Any]) -> dict[str, str]:
    """Entity id -> why it counts as sanctioned (a list match, or a sourced claim)."""
    reasons: dict[str, str] = {}
    names = {e["id"]: e["name"] for e in export["entities"]}
    for entity in export["entities"]:
        if entity["sanctions"]:
            best = entity["sanctions"][0]
            reasons[entity["id"]] = (
                f"{best['list']} ({best['list_date']}) entry {best['entry_id']} "
                f"{best['matched_name']!r}, score {best['score']:.2f}"
            )
    for claim in export["claims"]:
        if claim["predicate"] == Predicate.SANCTIONED_BY.value and claim["subject"] not in reasons:
            reasons[claim["subject"]] = f"reported as sanctioned by {names.get(claim['object'], '?')}"
    return reasons


def _adjacency(export: dict[str, Any]) -> dict[str, list[Hop]]:
    types = {e["id"]: e["type"] for e in export["entities"]}
    graph: dict[str, list[Hop]] = {}
    for c in export["claims"]:
        s, o = c["subject"], c["object"]
        if types.get(s) not in PARTY_TYPES or types.get(o) not in PARTY_TYPES:
            continue
        quote = c["evidence"]["quote"]
        graph.setdefault(s, []).append(Hop(s, c["predicate"], o, c["status"], True, quote))
        graph.setdefault(o, []).append(Hop(o, c["predicate"], s, c["status"], False, quote))
    return graph


def paths_to_sanctioned(export: dict[str, Any], max_hops: int = 3) -> dict[str, list[Hop]]:
    """For each unsanctioned party, the shortest claim path to a sanctioned one."""
    targets = set(sanctioned_ids(export))
    graph = _adjacency(export)
    found: dict[str, list[Hop]] = {}
    for start in graph:
        if start in targets:
            continue
        path = _shortest(graph, start, targets, max_hops)
        if path:
            found[start] = path
    return found


def _shortest(graph: dict[str, list[Hop]], start: str, targets: set[str], max_hops: int) -> list[Hop]:
    queue: deque[tuple[str, list[Hop]]] = deque([(start, [])])
    seen = {start}
    while queue:
        node, path = queue.popleft()
        if node in targets and path:
            return path
        if len(path) >= max_hops:
            continue
        for hop in graph.get(node, []):
            if hop.target not in seen:
                seen.add(hop.target)
                queue.append((hop.target, path + [hop]))
    return []
