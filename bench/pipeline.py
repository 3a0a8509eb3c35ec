"""Extraction throughput: casegraph's extract stage against bare spaCy on the same text.

Run: `.venv/bin/python bench/pipeline.py [N_SENTENCES]`. Documents are built from the
real StoryWeb reporting sentences in ../shared/data/storyweb (50 sentences a document)
plus the seeds; both timings come from the same run so the ratio holds on a noisy machine.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from casegraph.clean.paragraphs import clean
from casegraph.extract.nlp import load_pipeline
from casegraph.extract.pipeline import extract
from casegraph.model import Document, make_id

SHARED = Path(__file__).resolve().parents[2] / "shared"


def documents(limit: int) -> list[Document]:
    with open(SHARED / "data" / "storyweb" / "links_train.csv", encoding="utf-8") as handle:
        sentences = [row["sentence"] for row in csv.DictReader(handle)][:limit]
    texts = ["\n".join(sentences[i : i + 50]) for i in range(0, len(sentences), 50)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    return [Document(make_id("doc", t), "bench", "bench", t, make_id("sha", t)) for t in texts]


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    docs = documents(limit)
    words = sum(len(d.text.split()) for d in docs)
    nlp = load_pipeline()
    nlp(docs[0].text)
    start = time.perf_counter()
    for d in docs:
        nlp(d.text)
    bare = time.perf_counter() - start
    start = time.perf_counter()
    claims = mentions = 0
    for d in docs:
        result = extract(clean(d), nlp)
        claims += len(result.claims)
        mentions += len(result.mentions)
    full = time.perf_counter() - start
    print(f"documents {len(docs)}, words {words}")
    print(f"bare spaCy:      {bare:7.2f} s  {words / bare:8.0f} words/s")
    print(f"clean+extract:   {full:7.2f} s  {words / full:8.0f} words/s")
    print(f"ratio extract/spaCy: {full / bare:.2f}")
    print(f"mentions {mentions}, claims {claims}")


if __name__ == "__main__":
    main()
