"""Blocking hands the resolution rules every cluster a full scan would have matched."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from casegraph.model import EntityType
from casegraph.resolve.blocking import ClusterIndex, initials, variant_distance
from casegraph.resolve.entities import Cluster, _place

# Words that collide on purpose: misspellings, shared words, initials, short and common words.
WORDS = [
    "kestrel",
    "kestral",
    "kestrell",
    "orvane",
    "orvanne",
    "tallow",
    "tallowmere",
    "ok",
    "ot",
    "the",
    "of",
    "trading",
    "nordvik",
    "nordvick",
    "ko",
    "marsh",
    "marshall",
    "harrowgate",
    "harrowgait",
]
KEYS = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(tuple)


def _build(keys: list[tuple[str, ...]], blocked: bool) -> list[tuple[int | None, str, float]]:
    """Place each key in turn, as resolution does; which cluster (by number) each joined and why."""
    clusters: list[Cluster] = []
    index: ClusterIndex[Cluster] = ClusterIndex()
    placed: list[tuple[int | None, str, float]] = []
    for key in keys:
        name = " ".join(key)
        pool = index.candidates(key) if blocked else clusters
        cluster, reason, score = _place(key, name, pool)
        placed.append((clusters.index(cluster) if cluster else None, reason, score))
        if cluster is None:
            cluster = Cluster(EntityType.ORGANIZATION, key)
            clusters.append(cluster)
        cluster.keys.add(key)
        cluster.names[name] += 1
        index.add(cluster, key)
    return placed


@settings(max_examples=300, deadline=None)
@given(st.lists(KEYS, min_size=1, max_size=25))
def test_blocked_placement_equals_a_full_scan(keys: list[tuple[str, ...]]) -> None:
    assert _build(keys, blocked=True) == _build(keys, blocked=False)


def test_candidates_come_in_the_order_clusters_were_made() -> None:
    index: ClusterIndex[str] = ClusterIndex()
    for cluster, key in [("a", ("nordvik", "trading")), ("b", ("kestrel",)), ("c", ("trading",))]:
        index.add(cluster, key)
    assert index.candidates(("trading",)) == ["a", "c"]
    assert index.candidates(("kestral",)) == ["b"]  # one edit away
    assert index.candidates(("nt",)) == ["a"]  # initials
    assert index.candidates(("harrowgate",)) == []


def test_the_variant_allowance_grows_with_the_word() -> None:
    assert [variant_distance(w) for w in ("kestrel", "harrowgate", "tallowmereholt")] == [1, 2, 2]
    assert initials(("bank", "of", "the", "north")) == "bn"
