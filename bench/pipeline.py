"""Pipeline cost against bare spaCy NER on the same documents, in one run.

Run: `.venv/bin/python bench/pipeline.py [N_SENTENCES] [--synthetic DOCS]`. Two corpora:
documents built from the real StoryWeb reporting sentences in ../shared/data/storyweb
(50 sentences a document) plus the seeds, and DOCS synthetic case files
(`casegraph.synthetic`, mixed sizes). For each, bare spaCy (`nlp(text)`) and the whole
per-document stage (`pipeline.process`: clean + extract) run on the same documents in
the same run, so the ratio holds on a noisy machine.
"""

from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from casegraph.extract.nlp import load_pipeline
from casegraph.ingest.files import Read
from casegraph.model import Document, make_id
from casegraph.pipeline import process
from casegraph.synthetic import generate

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _document(text: str) -> Document:
    return Document(make_id("doc", text), "bench", "bench", text, make_id("sha", text))


def storyweb(limit: int) -> list[Document]:
    with open(SHARED / "data" / "storyweb" / "links_train.csv", encoding="utf-8") as handle:
        sentences = [row["sentence"] for row in csv.DictReader(handle)][:limit]
    texts = ["\n".join(sentences[i : i + 50]) for i in range(0, len(sentences), 50)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    return [_document(t) for t in texts]


def synthetic(count: int) -> list[Document]:
    return [_document(d.text) for d in generate(count, seed=1)]


def measure(label: str, docs: list[Document]) -> None:
    nlp = load_pipeline()
    words = sum(len(d.text.split()) for d in docs)
    start = time.perf_counter()
    for d in docs:
        nlp(d.text)
    bare = time.perf_counter() - start
    start = time.perf_counter()
    claims = mentions = 0
    for d in docs:
        result = process(Read(d), nlp).extraction
        claims += len(result.claims)
        mentions += len(result.mentions)
    full = time.perf_counter() - start
    print(f"{label}: documents {len(docs)}, words {words}")
    print(f"  bare spaCy:        {bare:7.2f} s  {words / bare:8.0f} words/s")
    print(f"  clean+extract:     {full:7.2f} s  {words / full:8.0f} words/s")
    print(f"  ratio pipeline/spaCy: {full / bare:.2f}")
    print(f"  mentions {mentions}, claims {claims}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sentences", nargs="?", type=int, default=1000)
    parser.add_argument("--synthetic", type=int, default=200, help="synthetic documents; 0 to leave out")
    args = parser.parse_args()
    warm = storyweb(50)[0]
    load_pipeline()(warm.text)
    process(Read(warm))  # first-use loads (language detection, territory names) stay out of the timings
    measure("StoryWeb sentences + seeds", storyweb(args.sentences))
    if args.synthetic:
        measure("synthetic case files", synthetic(args.synthetic))


if __name__ == "__main__":
    main()
