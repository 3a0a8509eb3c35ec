"""A candidate index over list names, so a query is scored against dozens of names, not all.

Blocking keys, each able to bring a list name in front of the careful scorer:
  * the folded token (`fold`: romanisation variants share it) and two adjacent
    tokens written as one ("al rawi" / "alrawi", key "j:");
  * one-deletion neighbours of folded tokens (the symmetric-delete trick), for
    one-letter typos, and the sorted letters of a token, for swapped letters;
  * glossary concepts ("zavod" and "plant" share one);
  * acronyms: the initials of runs of a name's words ("iemz") and a short
    capitalised token standing for them.
Each list name collects the weights of the query features it shares; the best
ranked go on to be scored. A feature shared with thousands of names (a common
word) only counts when the query has nothing rarer.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from casegraph.resolve.names import NameForm, Weigh, fold

_MAX_POSTINGS = 1500
_MIN_DELETE_LENGTH = 4
_NEAR_WEIGHT = 0.7
_MIN_ANAGRAM_LENGTH = 5
_ACRONYM_LENGTHS = range(2, 7)


class CandidateIndex:
    """Maps blocking keys to the numbers of the list names (their position in `forms`)."""

    def __init__(self, forms: Sequence[NameForm], weigh: Weigh) -> None:
        self._weigh = weigh
        self._sizes = [len(form.tokens) for form in forms]
        self._log_count = math.log(len(forms) + 2)
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._neighbours: dict[str, list[str]] = defaultdict(list)
        for number, form in enumerate(forms):
            for key in set(_name_keys(form)):
                self._postings[key].append(number)
        for key in [k for k in self._postings if k.startswith("f:")]:
            for variant in _deletions(key[2:]):
                self._neighbours[variant].append(key)

    def candidates(self, query: NameForm, accept: Callable[[int], bool], limit: int) -> list[int]:
        """The `limit` list names (numbers) sharing most query weight that `accept` allows."""
        scores: dict[int, float] = defaultdict(float)
        for rank, hits in enumerate(sorted(self._features(query), key=len)):
            if rank and len(hits) > _MAX_POSTINGS:
                break
            for number, weight in hits.items():
                scores[number] += weight
        return heapq.nsmallest(
            limit, filter(accept, scores), key=lambda n: (-scores[n], self._sizes[n], n)
        )

    def _features(self, query: NameForm) -> Iterator[dict[int, float]]:
        """Per query feature, the list names it hits and how much (a near key counts less)."""
        for keys, weight in _query_features(query, self._weigh):
            hits: dict[int, float] = {}
            for key in keys:
                self._collect(key, weight, hits)
                for near in self._near(key):
                    self._collect(near, weight * _NEAR_WEIGHT, hits)
            if hits:
                yield hits

    def _collect(self, key: str, weight: float, hits: dict[int, float]) -> None:
        """Credit the names under `key`, no more than the key's own rarity: a misspelt query word
        ("jont") weighs what the list word it resembles ("joint") weighs."""
        postings = self._postings.get(key, ())
        weight = min(weight, self._rarity(len(postings)))
        for number in postings:
            if hits.get(number, 0.0) < weight:
                hits[number] = weight

    def _rarity(self, count: int) -> float:
        """IDF of a key held by `count` names, scaled to 0..1."""
        return max(0.0, self._log_count - math.log(count + 1)) / self._log_count

    def _near(self, key: str) -> set[str]:
        """Indexed folded tokens one edit away from a folded query token (joined pairs: none)."""
        if not key.startswith("f:"):
            return set()
        near = set(self._neighbours.get(key[2:], ()))
        for variant in _deletions(key[2:]):
            near.add("f:" + variant)
            near.update(self._neighbours.get(variant, ()))
        near.discard(key)
        return near


def _name_keys(form: NameForm) -> Iterator[str]:
    """Blocking keys of a list name."""
    tokens = form.tokens
    yield from ("f:" + fold(token) for token in tokens)
    yield from ("s:" + _letters(token) for token in tokens if len(token) >= _MIN_ANAGRAM_LENGTH)
    yield from ("j:" + fold(a + b) for a, b in itertools.pairwise(tokens))
    yield from ("c:" + span.concept for span in form.concepts)
    if not form.person:
        yield from ("a:" + letters for letters in _run_initials(form))


def _query_features(query: NameForm, weigh: Weigh) -> Iterator[tuple[list[str], float]]:
    """(keys, weight) for each thing a query may share with a list name."""
    tokens = query.tokens
    for token in tokens:
        yield ["f:" + fold(token), "j:" + fold(token), "s:" + _letters(token)], weigh(token)
    for a, b in itertools.pairwise(tokens):
        yield ["f:" + fold(a + b)], weigh(a) + weigh(b)
    for span in query.concepts:
        yield ["c:" + span.concept], sum(weigh(t) for t in tokens[span.start : span.end])
    for position in sorted(query.acronyms):
        yield ["a:" + tokens[position]], weigh(tokens[position])
    if not query.person:
        yield ["f:" + fold(letters) for letters in _run_initials(query)], 0.5


def _run_initials(form: NameForm) -> set[str]:
    """Every acronym a run of the name's words could be written as (2 to 6 letters)."""
    found: set[str] = set()
    for start in range(len(form.tokens)):
        _spell_from(form, start, "", found)
    return found


def _spell_from(form: NameForm, at: int, letters: str, found: set[str]) -> None:
    if len(letters) in _ACRONYM_LENGTHS:
        found.add(letters)
    if at >= len(form.initials) or len(letters) >= _ACRONYM_LENGTHS.stop - 1:
        return
    for nxt, more in form.initials[at]:
        if more or letters:
            _spell_from(form, nxt, letters + more, found)


def _letters(token: str) -> str:
    """The token's letters in order: swapped letters ("vysotksy") share the key of the word."""
    return "".join(sorted(token))


def _deletions(text: str) -> set[str]:
    if len(text) < _MIN_DELETE_LENGTH:
        return set()
    return {text[:i] + text[i + 1 :] for i in range(len(text))}
