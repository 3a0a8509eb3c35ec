"""Shared fixtures: the real seed documents and a store ingested from them once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casegraph.export.json_export import build_export
from casegraph.pipeline import ingest, rebuild
from casegraph.store.database import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SEED_ARTICLE = SEEDS / "001_a9aaf2c9c3d44a76.txt"
SEED_REWRITE = SEEDS / "000_6bbe1b8353bde5fb.txt"


def seed_spam_paragraphs(text: str) -> list[str]:
    """The paragraphs of seed 001 that are spam, in order: the Netflix block and the closing
    viral-video paragraph (its last line)."""
    return [
        "🎬 Get Free Netflix Logins",
        "Claim your free working Netflix accounts for streaming in HD! Limited slots available for active users only.",
        "- No subscription required",
        "- Works on mobile, PC & smart TV",
        "- Updated login details daily",
        text.splitlines()[-1],
    ]


SDN_CSV = SHARED / "data" / "ofac" / "sdn-2024-05-03.csv"


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    store = Store(f"sqlite:///{db}")
    ingest(store, [SEEDS])
    rebuild(store)
    return store


@pytest.fixture(scope="session")
def seed_export(seed_store: Store) -> dict[str, Any]:
    return build_export(seed_store)


def entity_named(export: dict[str, Any], name: str) -> dict[str, Any]:
    """The entity whose name or alias is `name` (exactly one must exist)."""
    found = [e for e in export["entities"] if name == e["name"] or name in e["aliases"]]
    assert len(found) == 1, f"{name!r}: {[e['name'] for e in found]}"
    return found[0]
