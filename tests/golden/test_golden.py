"""Pins the seed export: a change in what is extracted fails until the golden file is updated on purpose.

Update with `CASEGRAPH_UPDATE_GOLDEN=1 python -m pytest tests/golden` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).with_name("seeds_export.json")


def summary(export: dict[str, Any]) -> dict[str, Any]:
    names = {e["id"]: e["name"] for e in export["entities"]}
    return {
        "entities": sorted(f"{e['type']}: {e['name']}" + (f" = {'; '.join(e['aliases'])}" if e["aliases"] else "") for e in export["entities"]),
        "claims": sorted(
            f"{names[c['subject']]} -{c['predicate']}-> {names[c['object']]} [{c['status']}] "
            + json.dumps({k: v for k, v in c["attributes"].items()}, sort_keys=True, ensure_ascii=False)
            for c in export["claims"]
        ),
        "sanctions": sorted(f"{e['name']}: {m['entry_id']} {m['matched_name']}" for e in export["entities"] for m in e["sanctions"]),
        "removed": sorted(f"{Path(d['source']).name}: {r['reason']}" for d in export["documents"] for r in d["removed"]),
    }


def test_seed_export_matches_golden(seed_export: dict[str, Any]) -> None:
    current = summary(seed_export)
    if os.environ.get("CASEGRAPH_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(current, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert current == json.loads(GOLDEN.read_text(encoding="utf-8"))
