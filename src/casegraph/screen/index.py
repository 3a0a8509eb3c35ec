"""A candidate index over list names, so a query is aligned with a handful of names, not all.

Every list name is filed under keys: its tokens (`t:`), the glossary concepts it
says (`c:`, one key for "zavod" and "plant"), the acronyms runs of its words spell
(`a:`, "iemz") and its adjacent tokens written as one (`j:`, "al rawi" ->
"alrawi"). A query token finds the list words it may stand for -- itself, the
same word romanised another way, another form of the word, a typo -- through maps
built once over the list's vocabulary (folded spellings, stems, one-letter
deletions of both), each checked with `token_similarity`.

A list name then gets, for each query token, the best credit any of its keys
offers: the token's weight times the similarity, never more than the list word's
own weight (a misspelt query word weighs what the word it resembles weighs). A
key that thousands of names carry (a common word) only adds to names the rarer
keys already found, unless the query has nothing rarer. Names are ranked by the
weight they share over the weight of both names together (a weighted Jaccard
index), so a short exact name ranks above a long one that merely contains the
query; only the best few go on to the careful alignment.
"""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from casegraph.resolve.names import NameForm, Weigh, fold, run_initials, stem, token_similarity

_COMMON = 150  # postings above which a key only adds to names already found
_MIN_DELETE_LENGTH = 5
_ACRONYM = 0.9
_INITIALS = 0.5
# A query feature's credit goes to query positions; these slots hold the rest.
_INITIALS_SLOT = -1


@dataclass(frozen=True)
class Candidate:
    """A list name (its number in the indexed forms) and the weight share it has with the query."""

    number: int
    overlap: float


@dataclass(frozen=True)
class _Feature:
    """Keys a query feature may meet in list names, with the credit each gives, and the query
    positions that credit belongs to."""

    credits: dict[str, float]
    slots: tuple[int, ...]


class CandidateIndex:
    """Maps keys to the numbers of the list names (their position in `forms`) that carry them;
    `kinds` (one a name, such as its list schema) lets a query keep to some kinds of names."""

    def __init__(self, forms: Sequence[NameForm], weigh: Weigh, kinds: Sequence[str]) -> None:
        self._weigh = weigh
        self._kinds = list(kinds)
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._keys: list[frozenset[str]] = []
        self._totals: list[float] = []
        for number, form in enumerate(forms):
            keys = frozenset(_name_keys(form))
            self._keys.append(keys)
            self._totals.append(sum(weigh(token) for token in form.tokens))
            for key in keys:
                self._postings[key].append(number)
        self._by_spelling: dict[str, set[str]] = defaultdict(set)
        for key in self._postings:
            if key.startswith("t:"):
                for probe in _probes(key[2:]):
                    self._by_spelling[probe].add(key[2:])
        self.similar = lru_cache(maxsize=1 << 16)(self._similar)
        self.spelled = lru_cache(maxsize=1 << 16)(self._spelled)

    def candidates(
        self, query: NameForm, limit: int, kinds: Collection[str], floor: float = 0.0
    ) -> list[Candidate]:
        """The `limit` list names of the given kinds sharing the largest share of weight with the
        query, and at least `floor` of it."""
        best: dict[int, dict[int, float]] = defaultdict(dict)
        weights = [self._query_weight(token, query.person) for token in query.tokens]
        features = sorted(self._features(query, weights), key=self._size)
        for rank, feature in enumerate(features):
            if rank and best and self._size(feature) > _COMMON:
                self._add_to_found(feature, best)
            else:
                self._add_all(feature, best)
        total = sum(self._weigh(token) for token in query.tokens)
        overlaps = (
            (n, _overlap(sum(slots.values()), total, self._totals[n]))
            for n, slots in best.items()
            if self._kinds[n] in kinds
        )
        kept = (item for item in overlaps if item[1] >= floor)
        top = heapq.nlargest(limit, kept, key=lambda item: (item[1], -item[0]))
        return [Candidate(number, overlap) for number, overlap in top]

    def _size(self, feature: _Feature) -> int:
        return sum(len(self._postings.get(key, ())) for key in feature.credits)

    def _add_all(self, feature: _Feature, best: dict[int, dict[int, float]]) -> None:
        for key, credit in feature.credits.items():
            for number in self._postings.get(key, ()):
                _credit(best[number], feature.slots, credit)

    def _add_to_found(self, feature: _Feature, best: dict[int, dict[int, float]]) -> None:
        """Credit only the names found so far: through the feature's postings or through the
        names' own keys, whichever is shorter to walk."""
        if self._size(feature) < len(best) * len(feature.credits):
            for key, credit in feature.credits.items():
                for number in self._postings.get(key, ()):
                    if number in best:
                        _credit(best[number], feature.slots, credit)
            return
        for number, slots in best.items():
            keys = self._keys[number]
            credit = max((c for key, c in feature.credits.items() if key in keys), default=0.0)
            if credit:
                _credit(slots, feature.slots, credit)

    def _features(self, query: NameForm, weights: list[float]) -> Iterator[_Feature]:
        tokens = query.tokens
        for i, token in enumerate(tokens):
            credits = {
                "t:" + word: min(weights[i], self._weigh(word)) * score
                for word, score in self.similar(token, query.person).items()
            }
            credits["j:" + token] = weights[i]
            if i in query.acronyms:
                credits["a:" + token] = _ACRONYM * weights[i]
            yield _Feature(credits, (i,))
        for i in range(len(tokens) - 1):
            joined = self.spelled(tokens[i] + tokens[i + 1], query.person)
            weight = weights[i] + weights[i + 1]
            credits = {
                "t:" + word: min(weight, self._weigh(word)) * s for word, s in joined.items()
            }
            if credits:
                yield _Feature(credits, (i, i + 1))
        for span in query.concepts:
            positions = tuple(range(span.start, span.end))
            yield _Feature({"c:" + span.concept: sum(weights[i] for i in positions)}, positions)
        if not query.person:
            initials = {
                "t:" + letters: _INITIALS for letters in run_initials(query) if len(letters) > 2
            }
            if initials:
                yield _Feature(initials, (_INITIALS_SLOT,))

    def _query_weight(self, token: str, person: bool) -> float:
        """The token's weight; a word the lists lack but that resembles list words weighs what
        they weigh ("liimited" what "limited" does)."""
        weight = self._weigh(token)
        similar = self.similar(token, person)
        if similar and token not in similar:
            return min(weight, max(self._weigh(word) for word in similar))
        return weight

    def _similar(self, token: str, person: bool) -> dict[str, float]:
        """List words the query token may stand for, with their similarity to it."""
        return self._check(token, person, _probes(token))

    def _spelled(self, token: str, person: bool) -> dict[str, float]:
        """List words spelt like the token, typos aside (for two query words written as one)."""
        return self._check(token, person, _probes(token, typos=False))

    def _check(self, token: str, person: bool, probes: set[str]) -> dict[str, float]:
        words = set().union(*(self._by_spelling.get(probe, ()) for probe in probes))
        found = {}
        for word in words:
            score, _ = token_similarity(token, word, person)
            if score > 0:
                found[word] = score
        return found


def _credit(slots: dict[int, float], positions: tuple[int, ...], credit: float) -> None:
    """Spread a feature's credit over its query positions, keeping each position's best."""
    share = credit / len(positions)
    for position in positions:
        if slots.get(position, 0.0) < share:
            slots[position] = share


def _overlap(shared: float, query_total: float, name_total: float) -> float:
    union = query_total + name_total - shared
    return shared / union if union > 0 else 0.0


def _name_keys(form: NameForm) -> Iterator[str]:
    """Keys of a list name."""
    tokens = form.tokens
    yield from ("t:" + token for token in tokens)
    yield from ("j:" + a + b for a, b in itertools.pairwise(tokens))
    yield from ("c:" + span.concept for span in form.concepts)
    if not form.person:
        yield from ("a:" + letters for letters in run_initials(form))


def _probes(token: str, typos: bool = True) -> set[str]:
    """Spellings a word is looked up by: itself, its folded form, its stem, itself either way
    round, its letters in order and, for words of five letters or more, both with one letter
    deleted (two words a typo apart share one)."""
    folded = fold(token)
    probes = {token, "~" + folded}
    if len(token) >= 4:
        probes.add("<" + min(token, token[::-1]))
    if len(token) >= 5:
        probes.update(("=" + stem(token), "%" + "".join(sorted(token))))
    if typos and len(token) >= _MIN_DELETE_LENGTH and token.isalpha():
        for word in (token, folded):
            probes.update("-" + word[:i] + word[i + 1 :] for i in range(len(word)))
            probes.add("-" + word)
    return probes
