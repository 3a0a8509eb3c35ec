"""Train the bundled link classifier on the whole StoryWeb training file.

Run from the repository root, with ../shared beside it, after
`pip install -e '.[train]'`:

    python bench/train_links.py                 # writes src/casegraph/data/links-v2.npz
    python bench/train_links.py --in my.csv --out /tmp/links.npz

The input has columns sentence, src_label, tgt_label, link_type. The figures
of the model on pairs it has never seen come from `bench/links.py`; this
script only fits and writes the artifact, so rerunning it reproduces the
shipped file.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from casegraph.clean import embedding
from casegraph.extract.nlp import load_pipeline
from casegraph.links.features import featurize
from casegraph.links.training import TrainingSettings, fit, pair_groups, read_labelled
from casegraph.links.weights import ARTIFACT

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT.parent / "shared" / "data" / "storyweb" / "links_train.csv"
DEFAULT_OUT = ROOT / "src" / "casegraph" / "data" / ARTIFACT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--in", dest="source", type=Path, default=TRAINING, help="labelled CSV")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the .npz model")
    args = parser.parse_args()
    labelled = read_labelled(args.source)
    examples = [item.example for item in labelled]
    started = time.perf_counter()
    features = list(featurize(load_pipeline(), examples, embedding.shared()))
    parsed = time.perf_counter() - started
    weights = fit(features, [item.link_type for item in labelled], pair_groups(examples), TrainingSettings())
    weights.save(args.out)
    print(f"{len(labelled)} sentences parsed and embedded in {parsed:.1f} s, fitted in {time.perf_counter() - started - parsed:.1f} s")
    print(f"{len(weights.classes)} classes, {len(weights.features)} features -> {args.out} "
          f"({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
