"""The careful scorer: one query name against one list name, with its explanation.

It is `casegraph.resolve.names.align` (the comparison resolution uses too) with
token weights from the lists being screened against: the inverse document
frequency of each token over the list entries. A token few entries carry (a
proper name such as a town or a brand) decides a match; one that hundreds
carry ("plant", "company", "al") barely counts, so two names sharing only a
common word stay apart.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from casegraph.resolve.names import Alignment, NameForm, align, default_weight

_MIN_WEIGHT = 0.1


class TokenStats:
    """Document frequencies of tokens over list entries (an entry with all its names is one)."""

    def __init__(self, documents: Iterable[Iterable[str]]) -> None:
        self._df: Counter[str] = Counter()
        self._count = 0
        for tokens in documents:
            self._df.update(set(tokens))
            self._count += 1
        self._log_count = math.log(self._count + 1)
        self._weights: dict[str, float] = {}

    def weight(self, token: str) -> float:
        """IDF scaled to 0.1..1 (1: no entry has it), capped by resolution's generic-word weight."""
        cached = self._weights.get(token)
        if cached is None:
            cached = min(self._idf(token), default_weight(token))
            self._weights[token] = cached
        return cached

    def frequency(self, token: str) -> int:
        return self._df[token]

    def _idf(self, token: str) -> float:
        df = self._df.get(token, 0)
        if df == 0 or self._count == 0:
            return 1.0
        return max(_MIN_WEIGHT, math.log((self._count + 1) / df) / self._log_count)


class Scorer:
    """Scores a prepared query name against a prepared list name."""

    def __init__(self, stats: TokenStats) -> None:
        self.stats = stats

    def score(self, query: NameForm, listed: NameForm, floor: float = 0.0) -> Alignment:
        """The alignment of the query with the list name (its explanation is made on demand);
        a score under `floor` may miss the penalties that would lower it further."""
        return align(query, listed, self.stats.weight, ("query", "list"), floor)


def explain(aligned: Alignment) -> str:
    """A line naming both names, what agreed and what differed."""
    query, listed = aligned.forms
    return f"query {query.original!r} vs list name {listed.original!r}: {aligned.explanation}"
