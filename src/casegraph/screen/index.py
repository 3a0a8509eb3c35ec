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
import math
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from casegraph.resolve.names import NameForm, Weigh, fold, run_initials, stem, token_similarity
from casegraph.resolve.tokens import german_reading, plain_reading

_COMMON = 150  # postings above which a key only adds to names already found
_MIN_DELETE_LENGTH = 5
_ACRONYM = 0.9
_INITIALS = 0.5
_MIN_RARITY = 0.1
# Words of this length or less, joined to their neighbour, are looked up under every spelling.
_FRAGMENT = 3
# A query feature's credit goes to query positions; these slots hold the rest.
_INITIALS_SLOT = -1


@dataclass(frozen=True)
class Candidate:
    """A list name (its number in the indexed forms) and the weight share it has with the query."""

    number: int
    overlap: float


@dataclass(frozen=True)
class _Lookup:
    """What the lists hold for one query word, found once per word."""

    similar: dict[str, float]  # list words it may stand for, with their similarity
    letters: dict[str, float]  # initials it agrees with only in a person's name
    heaviest: float  # the weight of the heaviest similar word
    keyed: tuple[tuple[str, float, float], ...]  # (key, list word's weight, similarity)
    legal: bool  # it is, or is a typo of, a word of some list name's legal form


@dataclass(frozen=True)
class _Credits:
    """A query word's (or pair's) weight, the credit each key gives it, and how many names
    those keys reach."""

    weight: float
    credits: dict[str, float]
    size: int


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
        # Words of the lists' legal forms, by spelling: a query word like one of them ("joitn",
        # "liimited") is a misspelt legal form the alignment will not count, so neither does
        # the ranking, unless it meets a list word.
        self._legal_by_spelling: dict[str, set[str]] = defaultdict(set)
        for word in {
            word for form in forms for legal in form.legal_forms for word in legal.split()
        }:
            for probe in _probes(word):
                self._legal_by_spelling[probe].add(word)
        self._log_names = math.log(len(self._keys) + 1) or 1.0
        self._lookup = lru_cache(maxsize=1 << 17)(self._look_up)
        self._word_feature = lru_cache(maxsize=1 << 16)(self._word)
        self._pair_feature = lru_cache(maxsize=1 << 16)(self._pair)
        self.spelled = lru_cache(maxsize=1 << 16)(self._spelled)
        self._warm()

    def candidates(
        self, query: NameForm, limit: int, kinds: Collection[str], floor: float = 0.0
    ) -> list[Candidate]:
        """The `limit` list names of the given kinds sharing the largest share of weight with the
        query, and at least `floor` of it."""
        best: dict[int, dict[int, float]] = {}
        tokens, person = query.tokens, query.person
        words = [
            self._word_feature(token, person, i in query.acronyms) for i, token in enumerate(tokens)
        ]
        weights = [word.weight for word in words]
        sized = [(word.size, _Feature(word.credits, (i,))) for i, word in enumerate(words)]
        for i in range(len(tokens) - 1):
            pair = self._pair_feature(tokens[i], tokens[i + 1], person)
            if pair is not None:
                sized.append((pair.size, _Feature(pair.credits, (i, i + 1))))
        sized += [(self._size(feature), feature) for feature in self._features(query, weights)]
        sized.sort(key=_first)
        for rank, (size, feature) in enumerate(sized):
            if rank and best and size > _COMMON:
                self._add_to_found(feature, size, best)
            else:
                self._add_all(feature, best)
        legal = {
            i: self._weigh(token)
            for i, token in enumerate(query.tokens)
            if len(query.tokens) > 1 and self._lookup(token).legal
        }
        total = sum(self._weigh(token) for token in query.tokens) - sum(legal.values())
        totals, names_kinds = self._totals, self._kinds
        kept = []
        for number, slots in best.items():
            if names_kinds[number] not in kinds:
                continue
            shared = sum(slots.values())
            union = total + totals[number] - shared
            if legal:
                union += sum(weight for i, weight in legal.items() if i in slots)
            overlap = shared / union if union > 0 else 0.0
            if overlap >= floor:
                kept.append((overlap, -number))
        top = heapq.nlargest(limit, kept)
        return [Candidate(-number, overlap) for overlap, number in top]

    def _size(self, feature: _Feature) -> int:
        return self._key_postings(feature.credits)

    def _add_all(self, feature: _Feature, best: dict[int, dict[int, float]]) -> None:
        postings = self._postings
        if len(feature.slots) == 1:
            position = feature.slots[0]
            for key, credit in feature.credits.items():
                for number in postings.get(key, ()):
                    slots = best.get(number)
                    if slots is None:
                        best[number] = {position: credit}
                    elif slots.get(position, 0.0) < credit:
                        slots[position] = credit
            return
        for key, credit in feature.credits.items():
            for number in postings.get(key, ()):
                slots = best.get(number)
                if slots is None:
                    slots = best[number] = {}
                _credit(slots, feature.slots, credit)

    def _add_to_found(
        self, feature: _Feature, size: int, best: dict[int, dict[int, float]]
    ) -> None:
        """Credit only the names found so far: through the feature's postings or through the
        names' own keys, whichever is shorter to walk."""
        if size < len(best) * len(feature.credits):
            for key, credit in feature.credits.items():
                for number in self._postings.get(key, ()):
                    slots = best.get(number)
                    if slots is not None:
                        _credit(slots, feature.slots, credit)
            return
        names_keys = self._keys
        if len(feature.credits) == 1:
            [(key, credit)] = feature.credits.items()
            for number, slots in best.items():
                if key in names_keys[number]:
                    _credit(slots, feature.slots, credit)
            return
        for number, slots in best.items():
            keys = names_keys[number]
            credit = max((c for key, c in feature.credits.items() if key in keys), default=0.0)
            if credit:
                _credit(slots, feature.slots, credit)

    def _word(self, token: str, person: bool, acronym: bool) -> _Credits:
        """The keys one query word may meet, with their credits: the same for every query that
        has the word, so made once."""
        weight = self._query_weight(token, person)
        credits = {
            key: (weight if weight < listed else listed) * score  # noqa: FURB136  (hot loop: no call)
            for key, listed, score in self._keyed(token, person)
        }
        credits["j:" + token] = weight
        if acronym:
            credits["a:" + token] = _ACRONYM * weight
        return _Credits(weight, credits, self._key_postings(credits))

    def _pair(self, first: str, second: str, person: bool) -> _Credits | None:
        """The list words two adjacent query words may be written as, with their credits."""
        joined = self._joined(first, second, person)
        if not joined:
            return None
        weight = self._query_weight(first, person) + self._query_weight(second, person)
        credits = {"t:" + word: min(weight, self._weigh(word)) * s for word, s in joined.items()}
        return _Credits(weight, credits, self._key_postings(credits))

    def _key_postings(self, credits: dict[str, float]) -> int:
        postings = self._postings
        return sum(len(postings.get(key, ())) for key in credits)

    def _features(self, query: NameForm, weights: list[float]) -> Iterator[_Feature]:
        """Features other than single words and adjacent pairs: concepts and initials."""
        for span in query.concepts:
            positions = tuple(range(span.start, span.end))
            key = "c:" + span.concept
            # A concept counts no more than the list words saying it: "production enterprise"
            # is said by hundreds of names, however rare the query's spelling of it.
            weight = min(sum(weights[i] for i in positions), len(positions) * self._rarity(key))
            yield _Feature({key: weight}, positions)
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
        found = self._lookup(token)
        similar, letters, heaviest = found.similar, found.letters, found.heaviest
        if person and letters:
            similar = {**similar, **letters}
            heaviest = max(heaviest, *(self._weigh(word) for word in letters))
        if similar and token not in similar:
            return min(weight, heaviest)
        return weight

    def _keyed(self, token: str, person: bool) -> tuple[tuple[str, float, float], ...]:
        """(key, list word's weight, similarity) of each list word the token may stand for."""
        found = self._lookup(token)
        if person and found.letters:
            return found.keyed + tuple(
                ("t:" + word, self._weigh(word), score) for word, score in found.letters.items()
            )
        return found.keyed

    def _rarity(self, key: str) -> float:
        """A key's weight by how few names carry it, on the scale of the token weights."""
        count = len(self._postings.get(key, ()))
        if not count:
            return 1.0
        return max(_MIN_RARITY, math.log((len(self._keys) + 1) / count) / self._log_names)

    def similar(self, token: str, person: bool) -> dict[str, float]:
        """List words the query token may stand for, with their similarity to it."""
        found = self._lookup(token)
        if person and found.letters:
            return {**found.similar, **found.letters}
        return found.similar

    def _look_up(self, token: str) -> _Lookup:
        """The token's similar list words, and apart the initials it agrees with only in a
        person's name (a lone letter stands for a given name)."""
        probes = _probes(token)
        words = set().union(*(self._by_spelling.get(probe, ()) for probe in probes))
        found, letters = {}, {}
        for word in words:
            score, _ = token_similarity(token, word, False)
            if score > 0:
                found[word] = score
            elif len(word) == 1 or len(token) == 1:
                score, _ = token_similarity(token, word, True)
                if score > 0:
                    letters[word] = score
        heaviest = max((self._weigh(word) for word in found), default=0.0)
        keyed = tuple(("t:" + word, self._weigh(word), score) for word, score in found.items())
        legal_words = set().union(*(self._legal_by_spelling.get(probe, ()) for probe in probes))
        legal = any(token_similarity(token, word, False)[0] > 0 for word in legal_words)
        return _Lookup(found, letters, heaviest, keyed, legal)

    def _warm(self) -> None:
        """Look up the list's own words, the query words met most often, once, here."""
        for key in self._postings:
            if key.startswith("t:"):
                self._lookup(key[2:])

    def _joined(self, first: str, second: str, person: bool) -> dict[str, float]:
        """List words two adjacent query words may be written as: any spelling when one of them
        is a particle or fragment ("al rawi" ~ "alrawy"); else only as the two are written
        ("abdul rahman" = "abdulrahman"), which costs nothing to look up."""
        if min(len(first), len(second)) <= _FRAGMENT:
            return self.spelled(first + second, person)
        word = first + second
        return {word: 1.0} if "t:" + word in self._postings else {}

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


def _first(item: tuple[int, _Feature]) -> int:
    return item[0]


def _credit(slots: dict[int, float], positions: tuple[int, ...], credit: float) -> None:
    """Spread a feature's credit over its query positions, keeping each position's best."""
    share = credit / len(positions)
    for position in positions:
        if slots.get(position, 0.0) < share:
            slots[position] = share


def _name_keys(form: NameForm) -> Iterator[str]:
    """Keys of a list name."""
    tokens = form.tokens
    yield from ("t:" + token for token in tokens)
    yield from ("j:" + a + b for a, b in itertools.pairwise(tokens))
    yield from ("c:" + span.concept for span in form.concepts)
    if not form.person:
        yield from ("a:" + letters for letters in run_initials(form))


def _probes(token: str, typos: bool = True) -> set[str]:
    """Spellings a word is looked up by: itself, its folded form, its German and plain
    readings (`tokens.german_reading`, `tokens.plain_reading`), its stem, itself either way
    round, its letters in order and, for words of five letters or more, both with one letter
    deleted (two words a typo apart share one; a word of four meets a word of five it lacks
    a letter of)."""
    folded = fold(token)
    probes = {token, "~" + folded}
    if (reading := german_reading(token)) != token:
        probes.add("~" + fold(reading))
    if (reading := plain_reading(token)) != token:
        probes.add("~" + fold(reading))
    if len(token) >= 4:
        probes.add("<" + min(token, token[::-1]))
    if len(token) >= 5:
        probes.update(("=" + stem(token), "%" + "".join(sorted(token))))
    if typos and len(token) >= _MIN_DELETE_LENGTH - 1 and token.isalpha():
        for word in (token, folded):
            probes.add("-" + word)
            if len(token) >= _MIN_DELETE_LENGTH:
                probes.update("-" + word[:i] + word[i + 1 :] for i in range(len(word)))
    return probes
