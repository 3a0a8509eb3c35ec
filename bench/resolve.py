"""How resolution's cost grows with the store: whole-store `resolve` at several sizes.

    .venv/bin/python bench/resolve.py                  # 2,000, 5,000 and 10,000 documents' worth
    .venv/bin/python bench/resolve.py --docs 1000 20000

No spaCy: each "document" contributes ten mentions of parties drawn from the
synthetic cast of that size (`casegraph.synthetic.make_cast`: distinct names
grow with the corpus, a few recur often), 3% of them misspelt. Growth close to
the number of mentions means blocking works; growth with its square means a
rule compares every name with every cluster again.
"""

from __future__ import annotations

import argparse
import random
import time

from casegraph.model import EntityType, Mention
from casegraph.resolve.entities import resolve
from casegraph.synthetic import make_cast

MENTIONS_PER_DOCUMENT = 10


def _misspell(name: str, rng: random.Random) -> str:
    words = name.split(" ")
    i = max(range(len(words)), key=lambda k: len(words[k]))
    word = words[i]
    if len(word) >= 6:
        j = rng.randrange(1, len(word) - 2)
        words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    return " ".join(words)


def mentions(documents: int, seed: int = 1) -> list[Mention]:
    cast = make_cast(documents, seed)
    rng = random.Random(seed)
    found = []
    for n in range(documents):
        for k in range(MENTIONS_PER_DOCUMENT):
            if rng.random() < 0.6:
                name, kind = rng.choice(cast.companies), EntityType.ORGANIZATION
            else:
                name, kind = rng.choice(cast.people).name, EntityType.PERSON
            if rng.random() < 0.03:
                name = _misspell(name, rng)
            found.append(Mention(f"doc-{n}", k * 100, k * 100 + len(name), name, kind, "bench"))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[2000, 5000, 10000])
    args = parser.parse_args()
    print(f"{'documents':>10}{'mentions':>10}{'entities':>10}{'seconds':>9}{'µs/mention':>12}")
    for documents in args.docs:
        found = mentions(documents)
        started = time.perf_counter()
        entities, _ = resolve(found)
        seconds = time.perf_counter() - started
        print(f"{documents:>10}{len(found):>10}{len(entities):>10}{seconds:>9.1f}{seconds / len(found) * 1e6:>12.0f}")


if __name__ == "__main__":
    main()
