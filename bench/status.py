"""Claim status on a labelled set: clause-scoped cues beside the old sentence-level regex.

Run from the repository root:

    python bench/status.py              # every split
    python bench/status.py --split dev --errors

`bench/data/status_set.jsonl` holds sentences written for this benchmark in
several reporting styles (fictional parties), plus the seed article's hedged
sentences. Each row names one claim (subject, predicate, object, by their
words in the sentence) and its gold status. Rows are split by a hash of the
sentence into `dev` (rules were tuned on it) and `heldout` (never looked at
while tuning); `seed` rows quote the seed.

Two readings are scored on every row: `clause`, the parse-based
`claim_status` on the given anchors, and `sentence`, the old `status_of` on
the whole sentence. Then the real extraction runs on each sentence and the
clause status of the claims it finds is scored on the rows it covers.
Prints only; nothing here asserts a figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from casegraph.extract.nlp import load_pipeline
from casegraph.extract.pipeline import extract
from casegraph.extract.status import claim_status, status_of
from casegraph.model import Document, Status

DATA = Path(__file__).resolve().parent / "data" / "status_set.jsonl"
STATUSES = [s.value for s in Status]


@dataclass(frozen=True)
class Case:
    id: str
    split: str
    style: str
    status: str
    predicate: str
    text: str
    subject: tuple[int, int]
    object: tuple[int, int]


@dataclass(frozen=True)
class Scored:
    case: Case
    clause: str
    sentence: str
    cue: str | None
    extracted: str | None


def load(path: Path) -> list[Case]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row["text"]
        subject = _locate(text, row["subject"], row.get("subject_occurrence", 1))
        obj = _locate(text, row["object"], row.get("object_occurrence", 1))
        cases.append(
            Case(
                row["id"],
                row["split"],
                row["style"],
                row["status"],
                row["predicate"],
                text,
                subject,
                obj,
            )
        )
    return cases


def _locate(text: str, words: str, occurrence: int) -> tuple[int, int]:
    """Character span of the n-th occurrence of `words` in `text`."""
    start = -1
    for _ in range(occurrence):
        start = text.index(words, start + 1)
    return start, start + len(words)


def score(cases: Sequence[Case], nlp: Language) -> tuple[list[Scored], float]:
    """Every case read both ways, and the seconds spent in `claim_status` (parsing excluded)."""
    docs = {text: nlp(text) for text in dict.fromkeys(c.text for c in cases)}
    found = {text: _extracted(text, nlp) for text in docs}
    scored, spent = [], 0.0
    for case in cases:
        began = time.perf_counter()
        clause = claim_status(docs[case.text], [case.subject, case.object])
        spent += time.perf_counter() - began
        extracted = next(
            (
                got
                for subject, obj, predicate, got in found[case.text]
                if predicate == case.predicate
                and _overlaps(subject, case.subject)
                and _overlaps(obj, case.object)
            ),
            None,
        )
        scored.append(
            Scored(
                case,
                clause.status.value if clause is not None else "none",
                status_of(case.text).status.value,
                clause.cue if clause is not None else None,
                extracted,
            )
        )
    return scored, spent


def _extracted(text: str, nlp: Language) -> list[tuple[tuple[int, int], tuple[int, int], str, str]]:
    """The real pipeline on one sentence: each claim's mention spans, predicate and status."""
    document = Document(
        id="bench",
        source="bench",
        title="",
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )
    extraction = extract(document, nlp)
    spans = {m.id: (m.start, m.end) for m in extraction.mentions}
    return [
        (spans[c.subject], spans[c.object], c.predicate.value, c.status.value)
        for c in extraction.claims
    ]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def report(title: str, scored: Sequence[Scored]) -> None:
    if not scored:
        return
    n = len(scored)
    clause = sum(s.clause == s.case.status for s in scored)
    sentence = sum(s.sentence == s.case.status for s in scored)
    print(f"\n== {title}: {n} claims")
    print(
        f"accuracy  clause {clause / n:.3f} ({clause}/{n})   sentence regex {sentence / n:.3f} ({sentence}/{n})"
    )
    print(f"{'gold status':<12} {'n':>4} {'clause':>7} {'sentence':>9}")
    for status in STATUSES:
        rows = [s for s in scored if s.case.status == status]
        if rows:
            c = sum(s.clause == status for s in rows) / len(rows)
            r = sum(s.sentence == status for s in rows) / len(rows)
            print(f"{status:<12} {len(rows):>4} {c:>7.3f} {r:>9.3f}")
    covered = [s for s in scored if s.extracted is not None]
    if covered:
        right = sum(s.extracted == s.case.status for s in covered)
        print(
            f"extraction finds {len(covered)}/{n} of these claims; status right on {right}/{len(covered)} ({right / len(covered):.3f})"
        )


def confusion(title: str, pairs: Iterable[tuple[str, str]]) -> None:
    counts = Counter(pairs)
    labels = STATUSES + (["none"] if any(p == "none" for _, p in counts) else [])
    print(f"\n{title} (rows gold, columns predicted)")
    print(" " * 12 + "".join(f"{label[:10]:>11}" for label in labels))
    for gold in STATUSES:
        print(f"{gold:<12}" + "".join(f"{counts[(gold, p)]:>11}" for p in labels))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "heldout", "seed"], help="score one split only")
    parser.add_argument(
        "--errors", action="store_true", help="list the rows the clause reading gets wrong"
    )
    args = parser.parse_args()
    cases = [c for c in load(DATA) if args.split is None or c.split == args.split]
    scored, spent = score(cases, load_pipeline())
    for split in ["dev", "heldout", "seed"]:
        report(split, [s for s in scored if s.case.split == split])
    written = [s for s in scored if s.case.split != "seed"]
    report("all written (dev + heldout)", written)
    report("everything", scored)
    for style in sorted({s.case.style for s in scored}):
        rows = [s for s in scored if s.case.style == style]
        right = sum(s.clause == s.case.status for s in rows)
        old = sum(s.sentence == s.case.status for s in rows)
        print(
            f"style {style:<11} n={len(rows):>3}  clause {right / len(rows):.3f}  sentence {old / len(rows):.3f}"
        )
    print(f"claim_status: {1000 * spent / len(scored):.2f} ms per claim, parse excluded")
    confusion("clause-scoped, all rows", ((s.case.status, s.clause) for s in scored))
    confusion("sentence regex, all rows", ((s.case.status, s.sentence) for s in scored))
    if args.errors:
        print("\nclause errors:")
        for s in scored:
            if s.clause != s.case.status:
                print(
                    f"  {s.case.id} gold={s.case.status} got={s.clause} cue={s.cue!r} [{s.case.predicate}] {s.case.text}"
                )


if __name__ == "__main__":
    main()
