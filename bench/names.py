"""Name-matching quality of `compare_names` on the nomenklatura bench, beside logic-v2.

Run from the repository root, with ../shared beside it:

    python bench/names.py

Prints precision / recall / F1 of `compare_names` at `DEFAULT_THRESHOLD`, overall
and per `case_group`, first on all bench cases, then on the pairs of the published
logic-v2 frozen run beside logic-v2's own decisions (at its threshold 0.7, as
recorded in the run's `predicted_match`). The frozen run is scored against its own
labels and groups: it files 50 company positives under `synth_corp_positives` and
labels a few pairs differently from the cases file, so its groups are not the
cases file's.

With nomenklatura installed (`pip install -e '.[bench]'`, pinned there, not a
dependency of casegraph), logic-v2 is also run live on every bench case, in this
process, at its threshold 0.7, beside casegraph; without it the live column says
so and only the frozen run is compared. Each pair gets fresh entity ids: logic-v2
caches by id. Prints only; nothing here asserts a figure.
"""

from __future__ import annotations

import csv
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from casegraph.screen.pairs import score_row
from casegraph.screen.screening import DEFAULT_THRESHOLD

NAMES = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "names"
CASES = NAMES / "nomenklatura_name_bench_cases.csv"
FROZEN = NAMES / "nomenklatura_logicv2_frozen_run.csv"
LOGIC_V2_THRESHOLD = 0.7


@dataclass(frozen=True)
class Quality:
    tp: int
    fp: int
    fn: int
    pairs: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return f"{self.precision:5.3f} {self.recall:5.3f} {self.f1:5.3f}"


def quality(decisions: Iterable[tuple[bool, bool]]) -> Quality:
    """(predicted, gold) pairs -> counts, from which precision / recall / F1."""
    pairs = list(decisions)
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    return Quality(tp, fp, fn, len(pairs))


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def ours(row: dict[str, str]) -> tuple[bool, bool]:
    """(casegraph says match, bench says match), through the same code as `casegraph match`."""
    return score_row(row, DEFAULT_THRESHOLD)["match"] == "true", row["is_match"] == "true"


def logic_v2(row: dict[str, str]) -> tuple[bool, bool]:
    """(logic-v2 said match in the frozen run, bench says match)."""
    return row["predicted_match"] == "true", row["is_match"] == "true"


def by_group(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    groups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        groups[row["case_group"]].append(row)
    return dict(sorted(groups.items()))


def live_logic_v2(cases: list[dict[str, str]]) -> list[bool] | str:
    """logic-v2's decision on every case, run now; or why it could not run."""
    try:
        from followthemoney import model
        from nomenklatura.matching import LogicV2
    except ImportError:
        return "not installed (pip install -e '.[bench]')"
    config = LogicV2.default_config()

    def entity(number: int, side: str, schema: str, name: str):  # type: ignore[no-untyped-def]
        made = model.make_entity(schema)
        made.id = f"case-{number}-{side}"
        made.add("name", name)
        return made

    decisions = []
    for number, row in enumerate(cases):
        schema = row["schema"] or "LegalEntity"
        left = entity(number, "a", schema, row["name1"])
        right = entity(number, "b", schema, row["name2"])
        decisions.append(LogicV2.compare(left, right, config).score >= LOGIC_V2_THRESHOLD)
    return decisions


def print_cases(cases: list[dict[str, str]]) -> None:
    started = time.perf_counter()
    ours_decided = [ours(row) for row in cases]
    ours_time = time.perf_counter() - started
    started = time.perf_counter()
    live = live_logic_v2(cases)
    live_time = time.perf_counter() - started
    print(f"On all bench cases ({CASES.name})")
    print(
        f"  {'case_group':<22} {'pairs':>5} {'pos':>4}   casegraph at {DEFAULT_THRESHOLD}"
        f"    logic-v2 live at {LOGIC_V2_THRESHOLD}"
    )
    print(f"  {'':<22} {'':>5} {'':>4}   P     R     F1       P     R     F1")
    numbered = {"all": list(range(len(cases)))}
    for number, row in enumerate(cases):
        numbered.setdefault(row["case_group"], []).append(number)
    groups = {"all": numbered.pop("all"), **dict(sorted(numbered.items()))}
    for group, numbers in groups.items():
        q = quality(ours_decided[n] for n in numbers)
        theirs = (
            str(quality((live[n], ours_decided[n][1]) for n in numbers))
            if isinstance(live, list)
            else ""
        )
        print(f"  {group:<22} {q.pairs:>5} {q.tp + q.fn:>4}  {q}    {theirs}")
    if isinstance(live, str):
        print(f"  logic-v2 live: nomenklatura {live}")
    else:
        print(
            f"  time for {len(cases)} pairs: casegraph {ours_time:.2f} s, logic-v2 live "
            f"{live_time:.2f} s (its first call loads its name tables)"
        )


def print_frozen(frozen: list[dict[str, str]]) -> None:
    print(f"\nOn the pairs of the logic-v2 frozen run ({FROZEN.name}), its labels and groups")
    print(
        f"  {'case_group':<22} {'pairs':>5} {'pos':>4}   casegraph at {DEFAULT_THRESHOLD}"
        "    logic-v2 at 0.7"
    )
    print(f"  {'':<22} {'':>5} {'':>4}   P     R     F1       P     R     F1")
    groups = {"all": frozen, **by_group(frozen)}
    for group, rows in groups.items():
        a, b = quality(map(ours, rows)), quality(map(logic_v2, rows))
        print(f"  {group:<22} {a.pairs:>5} {a.tp + a.fn:>4}  {a}    {b}")


def main() -> None:
    cases, frozen = read_rows(CASES), read_rows(FROZEN)
    print_cases(cases)
    print_frozen(frozen)
    print("\nP, R, F1: precision, recall, F1 of 'match'; pos: pairs labelled a match.")


if __name__ == "__main__":
    main()
