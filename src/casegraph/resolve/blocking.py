"""Blocking for resolution: which clusters a new name could possibly join.

Placing a name used to compare it with every cluster of the corpus, which
grows with the square of the number of distinct names (minutes at 10,000
documents). The index keeps, per cluster, what each rule of resolution needs
to fire, and hands back only the clusters that could match, in the order they
were made, so the rules pick the same cluster as a full scan would:

- the same name, a spelling variant of several words, or a short form share a token;
- a one-word spelling variant is within the edit distance the variant rule allows;
- an acronym equals the initials of a longer name.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Generic, TypeVar

from rapidfuzz.distance import Levenshtein

Key = tuple[str, ...]
ACRONYM_SKIP = frozenset(["of", "and", "the", "for"])
VARIANT_MIN_LENGTH = 5


C = TypeVar("C")


def variant_distance(token: str) -> int:
    """The most edits the spelling-variant rule allows in a word of this length."""
    return max(1, len(token) // 5)


def initials(key: Key) -> str:
    return "".join(t[0] for t in key if t not in ACRONYM_SKIP)


class ClusterIndex(Generic[C]):
    """Clusters by token, one-word clusters by word length, and clusters by initials."""

    def __init__(self) -> None:
        self._order: dict[int, int] = {}
        self._clusters: list[C] = []
        self._by_token: dict[str, list[C]] = defaultdict(list)
        self._words_by_length: dict[int, list[tuple[str, C]]] = defaultdict(list)
        self._by_initials: dict[str, list[C]] = defaultdict(list)

    def add(self, cluster: C, key: Key) -> None:
        """Record that `cluster` now holds `key` (a cluster seen first is made first)."""
        if id(cluster) not in self._order:
            self._order[id(cluster)] = len(self._clusters)
            self._clusters.append(cluster)
        for token in set(key):
            self._by_token[token].append(cluster)
        if len(key) == 1 and len(key[0]) >= VARIANT_MIN_LENGTH:
            self._words_by_length[len(key[0])].append((key[0], cluster))
        if len(key) >= 2:
            self._by_initials[initials(key)].append(cluster)

    def candidates(self, key: Key) -> list[C]:
        """Every cluster any rule could join `key` to, in the order the clusters were made."""
        found: dict[int, C] = {}
        for token in set(key):
            found.update((id(c), c) for c in self._by_token.get(token, ()))
        if len(key) == 1:
            found.update((id(c), c) for c in self._near_words(key[0]))
            found.update((id(c), c) for c in self._by_initials.get(key[0], ()))
        return sorted(found.values(), key=lambda c: self._order[id(c)])

    def _near_words(self, word: str) -> list[C]:
        if len(word) < VARIANT_MIN_LENGTH:
            return []
        limit = variant_distance(word)
        near = []
        for length in range(max(VARIANT_MIN_LENGTH, len(word) - limit), len(word) + limit + 1):
            for other, cluster in self._words_by_length.get(length, ()):
                if Levenshtein.distance(word, other, score_cutoff=limit) <= limit:
                    near.append(cluster)
        return near
