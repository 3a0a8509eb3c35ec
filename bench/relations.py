"""Relation frames against analysts' labels: do extracted links agree with StoryWeb's link types?

Run: `.venv/bin/python bench/relations.py [N_SENTENCES]`. Each StoryWeb sentence
(../shared/data/storyweb/links_train.csv) is extracted on its own; a claim whose
two parties are the labelled pair (either order, names compared loosely) is
scored against the pair's link type. The labels type the pair, not the sentence,
so disagreement is not always an error; the figures show which predicates the
frames state and how often the analysts typed that pair the same way.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from casegraph.extract.nlp import load_pipeline
from casegraph.extract.pipeline import extract
from casegraph.model import Document, make_id

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _same(name: str, label: str) -> bool:
    a, b = name.lower(), label.lower()
    return a == b or a in b or b in a


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 3631
    with open(SHARED / "data" / "storyweb" / "links_train.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))[:limit]
    nlp = load_pipeline()
    scored: dict[str, Counter[str]] = defaultdict(Counter)
    claims = 0
    start = time.perf_counter()
    for row in rows:
        text = row["sentence"].strip()
        extraction = extract(Document(make_id("doc", text), "bench", "bench", text, make_id("sha", text)), nlp)
        names = {m.id: m.text for m in extraction.mentions}
        claims += len(extraction.claims)
        for claim in extraction.claims:
            s, o = names[claim.subject], names[claim.object]
            pair = {row["src_label"], row["tgt_label"]}
            if any(_same(s, a) for a in pair) and any(_same(o, b) for b in pair) and not _same(s, o):
                verdict = "agree" if claim.link_type.value == row["link_type"] else f"label {row['link_type']}"
                scored[claim.predicate.value][verdict] += 1
    elapsed = time.perf_counter() - start
    print(f"sentences {len(rows)}, claims {claims}, {elapsed:.1f} s")
    print(f"{'predicate':14} {'on pair':>7} {'agree':>6}  disagreements")
    total = agree = 0
    for predicate, verdicts in sorted(scored.items()):
        n = sum(verdicts.values())
        total, agree = total + n, agree + verdicts["agree"]
        others = ", ".join(f"{k} {v}" for k, v in verdicts.most_common() if k != "agree")
        print(f"{predicate:14} {n:7d} {verdicts['agree'] / n:6.2f}  {others}")
    print(f"{'all':14} {total:7d} {agree / max(total, 1):6.2f}")


if __name__ == "__main__":
    main()
