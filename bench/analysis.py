"""Analysis and export benchmark on a synthetic case of a chosen size.

Run from the repository root:

    python bench/analysis.py [--parties 5000] [--claims 20000]

Builds a random case in memory (fictional parties; claims attach preferentially
to busy parties, as brokers and big makers gather links in real reporting;
one party in fifty is listed), then times path search between random pairs,
exposure of random parties, the intermediary ranking and each export format.
Prints figures only; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import time
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from casegraph.analyse.case import CaseGraph, Link
from casegraph.analyse.exposure import exposure
from casegraph.analyse.intermediaries import intermediaries
from casegraph.analyse.paths import find_paths
from casegraph.export.dossier import entity_dossier
from casegraph.export.ftm import write_ftm
from casegraph.export.graphml import to_graphml
from casegraph.export.neo4j import neo4j_files
from casegraph.model import (
    Document,
    Entity,
    EntityType,
    Evidence,
    Predicate,
    ScreeningMatch,
    Status,
)

T = TypeVar("T")
PARTY_PREDICATES = [Predicate.SUPPLIES, Predicate.BILLS, Predicate.PAYS, Predicate.OWNS, Predicate.ASSOCIATE]
STATUSES = list(Status)


def synthetic_case(parties: int, claims: int, seed: int = 7) -> CaseGraph:
    rng = random.Random(seed)
    entities = {
        f"p{i}": Entity(f"p{i}", EntityType.PERSON if i % 4 == 0 else EntityType.ORGANIZATION, f"Party {i}")
        for i in range(parties)
    }
    products = {f"m{i}": Entity(f"m{i}", EntityType.PRODUCT, f"KX-{i}") for i in range(parties // 20)}
    entities.update(products)
    text = "Party supplies party. " * 50
    documents = {f"d{i}": Document(f"d{i}", f"d{i}.txt", f"Report {i}", text, f"d{i}") for i in range(claims // 10 + 1)}
    busy: list[str] = list(entities)[:10]
    links = []
    for k in range(claims):
        a = rng.choice(busy) if rng.random() < 0.5 else f"p{rng.randrange(parties)}"
        b = f"p{rng.randrange(parties)}"
        if a == b:
            continue
        predicate = rng.choice(PARTY_PREDICATES)
        if rng.random() < 0.1 and products:
            b, predicate = rng.choice(list(products)), rng.choice([Predicate.MANUFACTURES, Predicate.TESTS])
        evidence = Evidence(f"d{k % len(documents)}", "Party supplies party.", 0, 21)
        links.append(Link(f"c{k}", a, predicate, b, rng.choice(STATUSES), evidence, (("date", "2025-Q2"),)))
        busy.append(a)
        busy.append(b)
    matches = {
        f"p{i}": (ScreeningMatch(f"p{i}", "OFAC SDN", "2030-01-15", str(i), f"PARTY {i}", f"Party {i}", 1.0, "exact"),)
        for i in range(0, parties, 50)
    }
    return CaseGraph(entities, tuple(links), documents, matches)


def timed(fn: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"p50 {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parties", type=int, default=5000)
    parser.add_argument("--claims", type=int, default=20000)
    parser.add_argument("--samples", type=int, default=50)
    args = parser.parse_args()
    seconds, case = timed(lambda: synthetic_case(args.parties, args.claims))
    print(f"case: {len(case.entities)} entities, {len(case.links)} claims (built in {seconds:.2f} s)")
    rng = random.Random(11)
    pairs = [(f"p{rng.randrange(args.parties)}", f"p{rng.randrange(args.parties)}") for _ in range(args.samples)]
    path_times = [timed(partial(find_paths, case, a, b, max_hops=4, limit=10))[0] for a, b in pairs]
    print(f"path (4 hops, 10 paths): {percentiles(path_times)}")
    exposure_times = [timed(partial(exposure, case, a, hops=3))[0] for a, _ in pairs]
    print(f"exposure (3 hops): {percentiles(exposure_times)}")
    seconds, ranked = timed(lambda: intermediaries(case, max_hops=3))
    print(f"intermediaries (3 hops): {seconds:.2f} s, {len(ranked)} found")
    seconds, _ = timed(lambda: write_ftm(case, io.StringIO()))
    print(f"export ftm: {seconds:.2f} s")
    seconds, graphml = timed(lambda: to_graphml(case))
    print(f"export graphml: {seconds:.2f} s, {len(graphml) / 1e6:.1f} MB")
    seconds, _ = timed(lambda: neo4j_files(case))
    print(f"export neo4j: {seconds:.2f} s")
    seconds, html = timed(lambda: entity_dossier(case, "p0"))
    print(f"dossier of the busiest party: {seconds:.2f} s, {len(html) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
