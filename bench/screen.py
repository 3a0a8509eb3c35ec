"""Screening benchmark: index build time, per-query latency, recall, and name-matching quality.

Run from the repository root, with ../shared beside it:

    python bench/screen.py [--queries 1000]

Prints figures only; nothing here asserts a timing. Queries are real SDN names
(verbatim and with one letter dropped) and the names of the nomenklatura name
bench (mostly unlisted parties). Name-matching quality is `compare_names` on the
nomenklatura bench at `DEFAULT_THRESHOLD`, beside the published logic-v2 run on
the same pairs (its own decisions, at its threshold 0.7), computed here from
the frozen run file.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from casegraph.model import EntityType
from casegraph.resolve.names import compare_names
from casegraph.screen.lists import ListEntry, default_lists
from casegraph.screen.screening import DEFAULT_THRESHOLD, Screener

NAMES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "names"
CASES = NAMES / "nomenklatura_name_bench_cases.csv"
FROZEN = NAMES / "nomenklatura_logicv2_frozen_run.csv"
SCHEMA_TYPES = {"person": EntityType.PERSON, "company": EntityType.ORGANIZATION}
SCHEMA_TYPES["organization"] = EntityType.ORGANIZATION


@dataclass(frozen=True)
class Query:
    name: str
    type: EntityType | None
    entry_id: str  # "" when the query is not taken from the list


@dataclass(frozen=True)
class Quality:
    precision: float
    recall: float
    f1: float
    pairs: int

    def __str__(self) -> str:
        figures = f"precision {self.precision:.3f}  recall {self.recall:.3f}  F1 {self.f1:.3f}"
        return f"{figures}  ({self.pairs} pairs)"


def quality(decisions: Iterable[tuple[bool, bool]]) -> Quality:
    """(predicted, gold) pairs -> precision / recall / F1."""
    pairs = list(decisions)
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Quality(precision, recall, f1, len(pairs))


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def schema_type(schema: str) -> EntityType | None:
    return SCHEMA_TYPES.get(schema.lower())


def list_queries(
    entries: list[ListEntry], count: int, rng: random.Random, typo: bool
) -> list[Query]:
    queries = []
    for entry in rng.sample(entries, count):
        name = rng.choice(entry.names)
        if typo and len(name) > 8:
            cut = rng.randrange(1, len(name) - 1)
            name = name[:cut] + name[cut + 1 :]
        queries.append(Query(name, schema_type(entry.schema), entry.entry_id))
    return queries


def bench_queries(rows: list[dict[str, str]]) -> list[Query]:
    pairs = {(row[key], schema_type(row["schema"])) for row in rows for key in ("name1", "name2")}
    return [Query(name, type, "") for name, type in sorted(pairs, key=str)]


def run_screening(screener: Screener, label: str, queries: list[Query]) -> list[float]:
    """Screen every query; print how many found their entry (or hit anything, for unlisted ones)."""
    latencies, found = [], 0
    for query in queries:
        start = time.perf_counter()
        matches = screener.screen_name(query.name, query.type)
        latencies.append(time.perf_counter() - start)
        found += (
            any(m.entry_id == query.entry_id for m in matches) if query.entry_id else bool(matches)
        )
    what = "found their entry" if queries[0].entry_id else "had any hit (mostly unlisted parties)"
    print(f"  {label:<34} {len(queries):>5} queries, {found / len(queries):6.1%} {what}")
    return latencies


def print_latency(latencies: list[float]) -> None:
    ms = sorted(1000 * t for t in latencies)

    def at(share: float) -> float:
        return ms[min(len(ms) - 1, int(share * len(ms)))]

    print(
        f"  latency over {len(ms)} queries: mean {statistics.mean(ms):.2f} ms, p50 {at(0.5):.2f}, "
        f"p95 {at(0.95):.2f}, p99 {at(0.99):.2f}, max {ms[-1]:.2f} ms"
    )


def ours(rows: list[dict[str, str]]) -> list[tuple[bool, bool]]:
    """(casegraph says match, bench says match) per pair."""
    return [
        (
            compare_names(r["name1"], r["name2"], schema_type(r["schema"])).score
            >= DEFAULT_THRESHOLD,
            r["is_match"] == "true",
        )
        for r in rows
    ]


def name_quality() -> None:
    cases, frozen = read_rows(CASES), read_rows(FROZEN)
    logic_v2 = [(r["predicted_match"] == "true", r["is_match"] == "true") for r in frozen]
    print(f"\nName matching on the nomenklatura bench (compare_names at {DEFAULT_THRESHOLD}):")
    print(f"  casegraph, all cases           {quality(ours(cases))}")
    print(f"  casegraph, frozen-run pairs    {quality(ours(frozen))}")
    print(f"  logic-v2 (published, at 0.7)   {quality(logic_v2)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=int, default=1000, help="list names per query set")
    parser.add_argument("--seed", type=int, default=20240503)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    start = time.perf_counter()
    lists = default_lists()
    loaded = time.perf_counter()
    screener = Screener(lists)
    built = time.perf_counter()
    entries = [entry for sanctions_list in lists for entry in sanctions_list.entries]
    names = sum(len(entry.names) for entry in entries)
    print(f"SDN snapshot: {len(entries)} entries, {names} names")
    print(f"  load {loaded - start:.2f} s, index build {built - loaded:.2f} s")

    print(f"\nScreening at DEFAULT_THRESHOLD = {DEFAULT_THRESHOLD}:")
    latencies = run_screening(
        screener, "listed names, verbatim", list_queries(entries, args.queries, rng, False)
    )
    latencies += run_screening(
        screener, "listed names, one letter dropped", list_queries(entries, args.queries, rng, True)
    )
    latencies += run_screening(
        screener, "nomenklatura bench names", bench_queries(read_rows(CASES))
    )
    print_latency(latencies)
    name_quality()


if __name__ == "__main__":
    main()
