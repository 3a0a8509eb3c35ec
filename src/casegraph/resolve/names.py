"""Name normalisation and comparison, shared by resolution and screening.

Names reach casegraph in many spellings of one party: Cyrillic and its
romanisations, "LAST, First" list order, legal forms ("ROSTOK TEKH, OOO"),
typos, translations of Russian organisation words and their acronyms
("IEMZ"). Everything here turns a name into a `NameForm` once (tokens, legal
forms, glossary concepts, acronym letters) and aligns two forms token by token,
so that a score always comes with what agreed and what differed.

Token weights are a parameter: resolution uses `default_weight`; screening
passes the inverse document frequency of each token over the loaded lists, so
a shared rare word (a proper name) counts and a shared common one does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rigour.names import remove_person_prefixes
from rigour.text.stopwords import is_stopword

from casegraph.model import EntityType
from casegraph.resolve.glossary import Glossary, Span
from casegraph.resolve.tokens import (
    edit_budget,
    fold,
    name_tokens,
    normalize,
    split_legal_forms,
    strip_legal_form,
    token_similarity,
)

__all__ = [
    "NameComparison",
    "NameForm",
    "Weigh",
    "align",
    "compare_names",
    "default_weight",
    "fold",
    "given_names",
    "glossary",
    "name_tokens",
    "normalize",
    "prepare",
    "split_legal_forms",
    "strip_legal_form",
    "token_similarity",
]

Weigh = Callable[[str], float]
# Per token position: (next position, letters) steps an acronym may take from there.
Steps = tuple[tuple[tuple[int, str], ...], ...]

_NAME_VARIANT = 0.9
_CONCEPT = 0.95
_NUMBERS_DIFFER = 0.5
# How much an acronym explains the words it spells, by its length.
_INITIALS = {2: 0.5, 3: 0.75}
# A word each name lacks (a different surname, a different city) is evidence of two parties, so it
# costs twice its weight. A word only one name has is often an omitted middle name for a person,
# so it costs less; for an organisation it usually names another body ("Deutsche Bank Trust"), or a
# short form ("Vektor") stands for several, so it costs more.
_SWAP_COST = 2.0
_EXTRA_COST = {True: 0.6, False: 1.5}


@dataclass(frozen=True)
class NameComparison:
    """How alike two names are (0..1) and, in one line, why."""

    score: float
    explanation: str


@dataclass(frozen=True)
class NameForm:
    """A name prepared once for many comparisons."""

    original: str
    tokens: tuple[str, ...]
    legal_forms: tuple[str, ...]
    person: bool
    concepts: tuple[Span, ...]
    acronyms: frozenset[int]
    initials: Steps


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    """Organisation words across languages (zavod = plant) and their acronym letters."""
    return Glossary.packaged("name_glossary.txt", fold)


@lru_cache(maxsize=1)
def given_names() -> Glossary:
    """Given names that are one name across languages (Pavel = Paul)."""
    return Glossary.packaged("given_names.txt", fold)


@lru_cache(maxsize=1 << 16)
def default_weight(token: str) -> float:
    """Resolution's weights: particles, initials and generic organisation words count less."""
    if len(token) == 1 or is_stopword(token):
        return 0.3
    if glossary().spans([token]):
        return 0.6
    return 1.0


def prepare(name: str, type: EntityType | str | None = None) -> NameForm:
    """Tokenise a name for comparison; persons keep legal words and lose honorifics."""
    person = type == EntityType.PERSON
    text = normalize(name)
    if person:
        tokens, forms = remove_person_prefixes(text).split() or text.split(), list[str]()
    else:
        tokens, forms = split_legal_forms(text.split())
    concepts = (given_names() if person else glossary()).spans(tokens)
    acronyms = frozenset() if person else _acronym_positions(name, tokens)
    initials = () if person else _initial_options(tokens, concepts)
    return NameForm(name, tuple(tokens), tuple(forms), person, concepts, acronyms, initials)


def _acronym_positions(name: str, tokens: list[str]) -> frozenset[int]:
    """Tokens written in short capitals ("IEMZ"), which may stand for initials."""
    capitals = {
        normalize(word)
        for word in re.split(r"[\s,.;()]+", name)
        if 2 <= len(word) <= 6 and word.isalpha() and word.isupper()
    }
    return frozenset(i for i, token in enumerate(tokens) if token in capitals)


def _initial_options(tokens: list[str], concepts: tuple[Span, ...]) -> Steps:
    """Each token gives its first letter; a glossary word or phrase also its acronym letters;
    a particle ("of", "and") may give none."""
    steps: list[list[tuple[int, str]]] = [[(i + 1, token[0])] for i, token in enumerate(tokens)]
    for i, token in enumerate(tokens):
        if is_stopword(token):
            steps[i].append((i + 1, ""))
    for span in concepts:
        steps[span.start].extend(
            (span.end, letters) for letters in glossary().initials(span.concept)
        )
    return tuple(tuple(sorted(set(step))) for step in steps)


@dataclass(frozen=True)
class _Unit:
    """Tokens of one name (`left`) explained by tokens of the other (`right`)."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    how: str

    def flipped(self) -> _Unit:
        return _Unit(self.right, self.left, self.score, self.how)


def compare_names(a: str, b: str, type: EntityType | None = None) -> NameComparison:
    """Compare two names of one party type (None: unknown) with resolution's weights."""
    return align(prepare(a, type), prepare(b, type), default_weight)


def align(
    a: NameForm, b: NameForm, weigh: Weigh, sides: tuple[str, str] = ("first", "second")
) -> NameComparison:
    """Align two prepared names; `weigh` says how much each token matters, `sides` names them."""
    if not a.tokens or not b.tokens:
        return NameComparison(0.0, "nothing to compare: a name without letters or digits")
    units = _select(_candidate_units(a, b))
    legal = (_legal_leftovers(a, b, _used(units, 0)), _legal_leftovers(b, a, _used(units, 1)))
    weights = (
        [0.0 if i in legal[0] else weigh(t) for i, t in enumerate(a.tokens)],
        [0.0 if j in legal[1] else weigh(t) for j, t in enumerate(b.tokens)],
    )
    score = _score(units, weights, a.person or b.person)
    explanation = _explain((a, b), units, legal, sides)
    if _numbers_differ(a, b, units):
        score *= _NUMBERS_DIFFER
        explanation += "; numbers differ: score halved"
    return NameComparison(round(score, 4), explanation)


def _legal_leftovers(form: NameForm, other: NameForm, used: set[int]) -> set[int]:
    """Unmatched tokens that spell a word of the other name's legal form, misspelt or not:
    "LIMITED LIABIITY COMPANY X" keeps "liabiity company" once "limited" is peeled off."""
    words = {word for legal_form in other.legal_forms for word in legal_form.split()}
    return {
        i
        for i, token in enumerate(form.tokens)
        if i not in used and any(token_similarity(token, word)[0] > 0 for word in words)
    }


def _score(units: list[_Unit], weights: tuple[list[float], list[float]], person: bool) -> float:
    """Weight explained, over weight matched plus the cost of the tokens left unexplained."""
    weights_a, weights_b = weights
    explained = sum(
        u.score * (sum(weights_a[i] for i in u.left) + sum(weights_b[j] for j in u.right))
        for u in units
    )
    matched_a = sum(weights_a[i] for i in _used(units, 0))
    matched_b = sum(weights_b[j] for j in _used(units, 1))
    left_a, left_b = sum(weights_a) - matched_a, sum(weights_b) - matched_b
    swapped = min(left_a, left_b)
    # `swapped` weight is missing from each side, so it is counted on both.
    cost = _SWAP_COST * 2 * swapped + _EXTRA_COST[person] * (max(left_a, left_b) - swapped)
    denominator = matched_a + matched_b + cost
    return explained / denominator if denominator else 0.0


def _candidate_units(a: NameForm, b: NameForm) -> list[_Unit]:
    person = a.person or b.person
    units = [
        _Unit((i,), (j,), *similarity)
        for i, x in enumerate(a.tokens)
        for j, y in enumerate(b.tokens)
        if (similarity := token_similarity(x, y, person))[0] > 0
    ]
    units += _concept_units(a, b)
    units += _joined_units(a, b, person) + [u.flipped() for u in _joined_units(b, a, person)]
    units += _acronym_units(a, b) + [u.flipped() for u in _acronym_units(b, a)]
    return units


def _concept_units(a: NameForm, b: NameForm) -> list[_Unit]:
    """Glossary concepts both names say, in any language ("zavod" = "plant", "pavel" = "paul")."""
    score, how = (
        (_NAME_VARIANT, "name variant") if a.person or b.person else (_CONCEPT, "translation")
    )
    return [
        _Unit(tuple(range(x.start, x.end)), tuple(range(y.start, y.end)), score, how)
        for x in a.concepts
        for y in b.concepts
        if x.concept == y.concept
    ]


def _joined_units(a: NameForm, b: NameForm, person: bool) -> list[_Unit]:
    """Two adjacent tokens of `a` written as one in `b` ("al rawi" = "alrawi")."""
    units = []
    for i in range(len(a.tokens) - 1):
        joined = a.tokens[i] + a.tokens[i + 1]
        for j, token in enumerate(b.tokens):
            if abs(len(joined) - len(token)) > edit_budget(len(token)):
                continue
            score, _ = token_similarity(joined, token, person)
            if score >= 0.85:
                units.append(_Unit((i, i + 1), (j,), score, "joined"))
    return units


def _acronym_units(a: NameForm, b: NameForm) -> list[_Unit]:
    """An acronym in `a` spelt by the initials of a run of `b`'s words."""
    return [
        _Unit((i,), run, _initials_score(a.tokens[i]), "initials")
        for i in sorted(a.acronyms)
        for run in _spelled_runs(a.tokens[i], b)
    ]


def _initials_score(acronym: str) -> float:
    """Two letters can be initials of many runs of words; four rarely by chance."""
    return _INITIALS.get(len(acronym), 0.9)


def _spelled_runs(acronym: str, form: NameForm) -> list[tuple[int, ...]]:
    return [
        tuple(range(start, end))
        for start in range(len(form.tokens))
        for end in _spell(acronym, form.initials, start, started=False)
    ]


def _spell(rest: str, steps: Steps, at: int, started: bool) -> set[int]:
    """Positions where a run starting at `at` has spelt out `rest`."""
    if not rest:
        return {at}
    if at >= len(steps):
        return set()
    return {
        end
        for nxt, letters in steps[at]
        if (letters or started) and rest.startswith(letters)
        for end in _spell(rest[len(letters) :], steps, nxt, True)
    }


def _select(units: list[_Unit]) -> list[_Unit]:
    """Best units first, each token used once."""
    chosen: list[_Unit] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for unit in sorted(
        units, key=lambda u: (-u.score, -len(u.left) - len(u.right), u.left, u.right)
    ):
        if used_left.isdisjoint(unit.left) and used_right.isdisjoint(unit.right):
            chosen.append(unit)
            used_left.update(unit.left)
            used_right.update(unit.right)
    return chosen


def _used(units: list[_Unit], side: int) -> set[int]:
    return {i for unit in units for i in (unit.left if side == 0 else unit.right)}


def _numbers_differ(a: NameForm, b: NameForm, units: list[_Unit]) -> bool:
    """Both names carry a number the other lacks ("Fund 1" vs "Fund 2")."""
    return _has_number(a, _used(units, 0)) and _has_number(b, _used(units, 1))


def _has_number(form: NameForm, used: set[int]) -> bool:
    return any(not t.isalpha() and i not in used for i, t in enumerate(form.tokens))


def _explain(
    forms: tuple[NameForm, NameForm],
    units: list[_Unit],
    legal: tuple[set[int], set[int]],
    sides: tuple[str, str],
) -> str:
    """One line: what agreed, what was close and how, what only one name has, what was ignored."""
    a, b = forms
    same = [a.tokens[u.left[0]] for u in units if u.how == "same"]
    close = [
        f"{_words(a, u.left)} ~ {_words(b, u.right)} ({u.how})" for u in units if u.how != "same"
    ]
    parts = [f"agreed: {', '.join(same)}"] if same else []
    parts += [f"close: {', '.join(close)}"] if close else []
    for side, form in enumerate(forms):
        used = _used(units, side)
        rest = [t for i, t in enumerate(form.tokens) if i not in used and i not in legal[side]]
        ignored = [*form.legal_forms, *(form.tokens[i] for i in sorted(legal[side]))]
        parts += [f"only in {sides[side]}: {', '.join(rest)}"] if rest else []
        parts += [f"legal form ignored in {sides[side]}: {', '.join(ignored)}"] if ignored else []
    return "; ".join(parts) or "nothing in common"


def _words(form: NameForm, positions: tuple[int, ...]) -> str:
    return " ".join(form.tokens[i] for i in positions)
