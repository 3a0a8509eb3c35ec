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
from dataclasses import dataclass
from functools import cached_property, lru_cache

from icu import Transliterator
from rapidfuzz.distance import Levenshtein
from rigour.text.stopwords import is_stopword

from casegraph.model import EntityType
from casegraph.resolve.forms import (
    NameForm,
    Steps,
    Weigh,
    default_weight,
    given_names,
    glossary,
    numbers,
    prepare,
    run_initials,
)
from casegraph.resolve.mandarin import pinyin_skeleton, wade_giles_skeleton, written_in_wade_giles
from casegraph.resolve.tokens import (
    edit_budget,
    fold,
    name_tokens,
    normalize,
    split_legal_forms,
    stem,
    strip_legal_form,
    token_similarity,
)

__all__ = [
    "Alignment",
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
    "numbers",
    "prepare",
    "run_initials",
    "split_legal_forms",
    "stem",
    "strip_legal_form",
    "token_similarity",
]

_NAME_VARIANT = 0.9
_CONCEPT = 0.95
# Each sign of two parties despite agreeing words halves the score: numbers that differ ("Fund 1",
# "Fund 2"), a father and son named the other way round ("Salman bin Muhammad", "Muhammad bin
# Salman").
_PENALTY = 0.5
_NEAR_LENGTH, _NEAR_SIMILARITY, _NEAR_SCORE = 2, 0.6, 0.38
_CUT_SHORT, _FIELD = 0.6, 20
# Arabic script against Latin letters: consonants alike, vowels unknown.
_ABJAD, _ABJAD_CONSONANTS = 0.8, 3
_ABJAD_LETTERS = str.maketrans("pvqcg", "bfkkj")
_ABJAD_VOWELS = re.compile(r"[aeiouwy]")
_DOUBLED = re.compile(r"([a-z])\1+")
# Chinese characters (unified and extension A, compatibility), Hiragana and Katakana, Hangul.
_SYLLABIC = (
    (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF), (0x3040, 0x30FF), (0xAC00, 0xD7A3),
)  # fmt: skip
_SON_OF = frozenset({"bin", "ibn", "ben", "bint"})
# Two words written as one must be spelt alike, not merely a typo apart ("le monde" / "lumonde").
_JOINED = 0.9
# A Wade-Giles syllable read as pinyin: one system's rule, short of the aspiration mark.
_WADE_GILES = 0.9
_JOINED_RUNS = (2, 3)
# How much an acronym explains the words it spells, by its length.
_INITIALS = {2: 0.5, 3: 0.7}
# A word each name lacks (a different surname, a different city) is evidence of two parties, so it
# costs twice its weight. A word only one name has is often an omitted middle name for a person,
# so it costs less; for an organisation it usually names another body ("Deutsche Bank Trust"), or a
# short form ("Vektor") stands for several, so it costs more.
_SWAP_COST = 2.0
_EXTRA_COST = {True: 0.6, False: 1.5}
# A person named by two or more words that all agree with a longer name ("Ahmad HAMSHO" for
# "HAMSHO, Ahmad Sabir Mohammed"): lists spell out names reporting shortens.
_OMITTED = 0.35


@dataclass(frozen=True)
class NameComparison:
    """How alike two names are (0..1) and, in one line, why."""

    score: float
    explanation: str


@dataclass(frozen=True)
class _Unit:
    """Tokens of one name (`left`) explained by tokens of the other (`right`)."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float
    how: str

    def flipped(self) -> _Unit:
        return _Unit(self.right, self.left, self.score, self.how)


@dataclass(frozen=True)
class Alignment:
    """Two names aligned token by token: the score now, the explanation when asked for."""

    forms: tuple[NameForm, NameForm]
    units: tuple[_Unit, ...]
    legal: tuple[frozenset[int], frozenset[int]]
    penalties: tuple[str, ...]
    score: float
    sides: tuple[str, str]

    @cached_property
    def explanation(self) -> str:
        """One line: what agreed, what was close and how, what only one name has, what was
        ignored."""
        if not self.units and not all(form.tokens for form in self.forms):
            return "nothing to compare: a name without letters or digits"
        line = _explain(self.forms, list(self.units), self.legal, self.sides)
        return "".join([line, *(f"; {penalty}: score halved" for penalty in self.penalties)])


def compare_names(a: str, b: str, type: EntityType | None = None) -> NameComparison:
    """Compare two names of one party type (None: unknown) with resolution's weights."""
    aligned = align(prepare(a, type), prepare(b, type), default_weight)
    return NameComparison(aligned.score, aligned.explanation)


def align(
    a: NameForm,
    b: NameForm,
    weigh: Weigh,
    sides: tuple[str, str] = ("first", "second"),
    floor: float = 0.0,
) -> Alignment:
    """Align two prepared names; `weigh` says how much each token matters, `sides` names them.
    A score under `floor` before the penalties is returned as it is: the penalties only lower
    it, and a caller that sets a floor drops what scores under it."""
    if not a.tokens or not b.tokens:
        return Alignment((a, b), (), (frozenset(), frozenset()), (), 0.0, sides)
    units = _select(_candidate_units(a, b))
    units += _near_miss(a, b, units)
    used = (_used(units, 0), _used(units, 1))
    legal = (_legal_leftovers(a, b, used[0]), _legal_leftovers(b, a, used[1]))
    weights = (
        [0.0 if i in legal[0] else weigh(t) for i, t in enumerate(a.tokens)],
        [0.0 if j in legal[1] else weigh(t) for j, t in enumerate(b.tokens)],
    )
    telling = sum(not all(_stopword(a.tokens[i]) for i in unit.left) for unit in units)
    score = _score(units, weights, a.person or b.person, telling, used)
    if score < floor:
        return Alignment((a, b), tuple(units), legal, (), round(score, 4), sides)
    penalties = tuple(
        reason
        for reason, applies in (
            ("numbers differ", _numbers_differ(a, b, used)),
            ("father and son the other way round", _lineage_crossed(a, b, units)),
            ("other characters", _characters_differ(a, b)),
            ("initials differ", _initials_differ(a, b, used)),
        )
        if applies
    )
    score *= _PENALTY ** len(penalties)
    return Alignment((a, b), tuple(units), legal, penalties, round(score, 4), sides)


@lru_cache(maxsize=1 << 16)
def _stopword(token: str) -> bool:
    return bool(is_stopword(token))


def _legal_leftovers(form: NameForm, other: NameForm, used: set[int]) -> frozenset[int]:
    """Unmatched tokens that spell a word of the other name's legal form, misspelt or not:
    "LIMITED LIABIITY COMPANY X" keeps "liabiity company" once "limited" is peeled off."""
    words = {word for legal_form in other.legal_forms for word in legal_form.split()}
    return frozenset(
        i
        for i, token in enumerate(form.tokens)
        if i not in used and any(token_similarity(token, word)[0] > 0 for word in words)
    )


def _score(
    units: list[_Unit],
    weights: tuple[list[float], list[float]],
    person: bool,
    telling: int,
    used: tuple[set[int], set[int]],
) -> float:
    """Weight explained, over weight matched plus the cost of the tokens left unexplained;
    `telling` counts the units that are more than particles ("al", "bin")."""
    weights_a, weights_b = weights
    explained = sum(
        u.score * (sum(weights_a[i] for i in u.left) + sum(weights_b[j] for j in u.right))
        for u in units
    )
    matched_a = sum(weights_a[i] for i in used[0])
    matched_b = sum(weights_b[j] for j in used[1])
    left_a, left_b = sum(weights_a) - matched_a, sum(weights_b) - matched_b
    swapped = min(left_a, left_b)
    # `swapped` weight is missing from each side, so it is counted on both.
    cost = _SWAP_COST * 2 * swapped + _extra_rate(person, telling, swapped) * (
        max(left_a, left_b) - swapped
    )
    denominator = matched_a + matched_b + cost
    return explained / denominator if denominator else 0.0


def _extra_rate(person: bool, telling: int, swapped: float) -> float:
    """What a word only one name has costs: little for a person's omitted middle names, as much
    as for an organisation when a single word of a person's name agrees ("Andrew" is not
    "KAN, Andrew")."""
    if not person or telling < 2:
        return _EXTRA_COST[False]
    return _OMITTED if swapped == 0 else _EXTRA_COST[True]


def _candidate_units(a: NameForm, b: NameForm) -> list[_Unit]:
    person = a.person or b.person
    units = [
        _Unit((i,), (j,), *similarity)
        for i, x in enumerate(a.tokens)
        for j, y in enumerate(b.tokens)
        if (similarity := token_similarity(x, y, person))[0] > 0
    ]
    if a.abjad != b.abjad:
        units += _abjad_units(a, b)
    units += _concept_units(a, b)
    units += _joined_units(a, b, person) + [u.flipped() for u in _joined_units(b, a, person)]
    units += _acronym_units(a, b) + [u.flipped() for u in _acronym_units(b, a)]
    units += _cut_short(a, b) + [u.flipped() for u in _cut_short(b, a)]
    units += _wade_giles_units(a, b) + [u.flipped() for u in _wade_giles_units(b, a)]
    return units


def _wade_giles_units(a: NameForm, b: NameForm) -> list[_Unit]:
    """Syllables of `a`, written in Wade-Giles, that are words of `b` in pinyin ("hsi" = "xi";
    "chin ping", hyphenated in Wade-Giles, = "jinping")."""
    if not written_in_wade_giles(a.tokens) or written_in_wade_giles(b.tokens):
        return []
    targets = [(j, pinyin_skeleton(token)) for j, token in enumerate(b.tokens)]
    units = []
    for size in (1, *_JOINED_RUNS):
        for i in range(len(a.tokens) - size + 1):
            skeleton = wade_giles_skeleton("".join(a.tokens[i : i + size]))
            units += [
                _Unit(tuple(range(i, i + size)), (j,), _WADE_GILES, "Wade-Giles")
                for j, target in targets
                if target == skeleton and a.tokens[i : i + size] != (b.tokens[j],)
            ]
    return units


def _abjad_units(a: NameForm, b: NameForm) -> list[_Unit]:
    """A name written in Arabic script against one in Latin letters: the script leaves short
    vowels out and writes p as b, so their consonants are compared ("frnandw" ~ "fernando")."""
    return [
        _Unit((i,), (j,), _ABJAD, "consonants")
        for i, x in enumerate(a.tokens)
        for j, y in enumerate(b.tokens)
        if (bones := consonants(x)) and bones == consonants(y)
    ]


@lru_cache(maxsize=1 << 16)
def consonants(token: str) -> str:
    """The token's consonants as Arabic script writes them ("" when under three)."""
    if not token.isalpha():
        return ""
    bones = _ABJAD_VOWELS.sub("", token.translate(_ABJAD_LETTERS))
    bones = _DOUBLED.sub(r"\1", bones)
    return bones if len(bones) >= _ABJAD_CONSONANTS else ""


def _cut_short(a: NameForm, b: NameForm) -> list[_Unit]:
    """The last word of `a` is the start of a word of `b`: a long name cut off by a field too
    short for it ("NOUREDDINE BEN ALI BEN BELKASSEM DR" for "... Belkassem DRISSI"). Fields
    hold twenty characters or more, so a shorter name is whole ("Thomas A. Lind")."""
    if len(a.tokens) < 2 or len(" ".join(a.tokens)) < _FIELD:
        return []
    last = a.tokens[-1]
    if len(last) < 2 or not last.isalpha() or is_stopword(last):
        return []
    return [
        _Unit((len(a.tokens) - 1,), (j,), _CUT_SHORT, "cut short")
        for j, token in enumerate(b.tokens)
        if len(token) >= len(last) + 2 and token.startswith(last)
    ]


def _concept_units(a: NameForm, b: NameForm) -> list[_Unit]:
    """Glossary concepts both names say, in any language ("zavod" = "plant", "pavel" = "paul",
    "forty-four" = "44")."""
    score, how = (
        (_NAME_VARIANT, "name variant") if a.person or b.person else (_CONCEPT, "translation")
    )
    return [
        _Unit(
            tuple(range(x.start, x.end)),
            tuple(range(y.start, y.end)),
            *((1.0, "number") if x.concept.startswith("#") else (score, how)),
        )
        for x in a.concepts
        for y in b.concepts
        if x.concept == y.concept
    ]


def _joined_units(a: NameForm, b: NameForm, person: bool) -> list[_Unit]:
    """Two or three adjacent tokens of `a` written as one in `b` ("al rawi" = "alrawi",
    "van der bilt" = "vanderbilt")."""
    units: list[_Unit] = []
    if len(a.tokens) < 2:
        return units
    longest = max(len(token) for token in b.tokens)
    shortest = min(len(x) + len(y) for x, y in zip(a.tokens, a.tokens[1:]))
    if shortest - longest > edit_budget(longest):
        return units
    targets = [
        (j, token, len(token), edit_budget(len(token)), fold(token)[:1])
        for j, token in enumerate(b.tokens)
    ]
    for size in _JOINED_RUNS:
        for i in range(len(a.tokens) - size + 1):
            joined = "".join(a.tokens[i : i + size])
            first = None
            for j, token, length, budget, initial in targets:
                if abs(len(joined) - length) > budget:
                    continue
                if first is None:
                    first = fold(joined)[:1]
                if first != initial:
                    continue
                score, _ = token_similarity(joined, token, person)
                if score >= _JOINED:
                    units.append(_Unit(tuple(range(i, i + size)), (j,), score, "joined"))
    return units


def _acronym_units(a: NameForm, b: NameForm) -> list[_Unit]:
    """An acronym in `a` spelt by the initials of a run of `b`'s words."""
    if not a.acronyms:
        return []
    starts = _first_letters(b.initials)
    return [
        _Unit((i,), run, _initials_score(a.tokens[i]), "initials")
        for i in sorted(a.acronyms)
        if a.tokens[i][0] in starts
        for run in _spelled_runs(a.tokens[i], b)
    ]


@lru_cache(maxsize=1 << 16)
def _first_letters(steps: Steps) -> frozenset[str]:
    """Letters a run of words can start an acronym with: no other acronym is spelt by it."""
    return frozenset(letters[0] for step in steps for _, letters in step if letters)


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


def _near_miss(a: NameForm, b: NameForm, units: list[_Unit]) -> list[_Unit]:
    """The one word each name has left, when everything else agrees and the two still look alike
    ("Schulze" / "Scholz"): a spelling the typo rules do not reach, or a namesake one letter-
    group apart. Under half credit: with one agreeing word beside it the pair stays below the
    threshold, with two ("Sergej Viktorovich Navros" / "Sergey Viktorovich LAVROV") just below
    when one of them is only read alike."""
    if not units:
        return []
    used_a, used_b = _used(units, 0), _used(units, 1)
    if len(a.tokens) - len(used_a) != 1 or len(b.tokens) - len(used_b) != 1:
        return []
    left = [i for i in range(len(a.tokens)) if i not in used_a]
    right = [j for j in range(len(b.tokens)) if j not in used_b]
    x, y = a.tokens[left[0]], b.tokens[right[0]]
    if min(len(x), len(y)) < _NEAR_LENGTH or not (x.isalpha() and y.isalpha()):
        return []
    if Levenshtein.normalized_similarity(fold(x), fold(y)) < _NEAR_SIMILARITY:
        return []
    return [_Unit((left[0],), (right[0],), _NEAR_SCORE, "near miss")]


def _used(units: list[_Unit], side: int) -> set[int]:
    return {i for unit in units for i in (unit.left if side == 0 else unit.right)}


def _lineage_crossed(a: NameForm, b: NameForm, units: list[_Unit]) -> bool:
    """A word before "bin" in one name is matched after "bin" in the other: "X bin Y" (X son of
    Y) and "Y bin X" name a son and his father. Only for names in reading order, each with the
    particle between two words."""
    first = _son_of(a), _son_of(b)
    if first[0] is None or first[1] is None:
        return False
    return any(
        (unit.left[0] < first[0]) != (unit.right[0] < first[1])
        for unit in units
        if first[0] not in unit.left and first[1] not in unit.right
    )


def _initials_differ(a: NameForm, b: NameForm, used: tuple[set[int], set[int]]) -> bool:
    """Both persons' names keep an initial the other does not explain ("William G. Frost",
    "William W. Frost"): an initial stands for a given name, and these are two."""
    if not (a.person or b.person):
        return False
    return all(
        any(
            len(token) == 1 and token.isalpha() and i not in side
            for i, token in enumerate(form.tokens)
        )
        for form, side in ((a, used[0]), (b, used[1]))
    )


def _characters_differ(a: NameForm, b: NameForm) -> bool:
    """Both names written in Chinese characters, Kana or Hangul, with different characters
    ("习近平" / "习近朋", "김정은" / "김종은"): each character is a part of the name, and
    romanisation makes two of them look alike or a typo apart. Traditional characters count
    as their simplified forms (習 = 习)."""
    first, second = _syllables(a.original), _syllables(b.original)
    return bool(first and second) and first != second


@lru_cache(maxsize=1 << 12)
def _syllables(name: str) -> str:
    """The name's characters, simplified, when all its letters are Chinese characters, Kana or
    Hangul; else ""."""
    if name.isascii():
        return ""
    letters = "".join(c for c in name if c.isalpha())
    if not letters or not all(_syllabic(c) for c in letters):
        return ""
    return str(_simplified().transliterate(letters))


def _syllabic(letter: str) -> bool:
    code = ord(letter)
    return any(start <= code <= end for start, end in _SYLLABIC)


@lru_cache(maxsize=1)
def _simplified() -> Transliterator:
    return Transliterator.createInstance("Hant-Hans")


def _son_of(form: NameForm) -> int | None:
    """Where a person's name in reading order first says "son of", between two words."""
    if not form.person or "," in form.original:
        return None
    inside = range(1, len(form.tokens) - 1)
    return next((i for i in inside if form.tokens[i] in _SON_OF), None)


def _numbers_differ(a: NameForm, b: NameForm, used: tuple[set[int], set[int]]) -> bool:
    """Both names carry a number the other lacks ("Fund 1" vs "Fund 2", "Fund Forty" vs "Fund
    Forty-One"), in digits or in words."""
    said = _numbers_said(a), _numbers_said(b)
    if said[0] and said[1] and said[0] != said[1]:
        return True
    return _has_number(a, used[0]) and _has_number(b, used[1])


def _numbers_said(form: NameForm) -> frozenset[str]:
    return frozenset(span.concept for span in form.concepts if span.concept.startswith("#"))


def _has_number(form: NameForm, used: set[int]) -> bool:
    return any(not t.isalpha() and i not in used for i, t in enumerate(form.tokens))


def _explain(
    forms: tuple[NameForm, NameForm],
    units: list[_Unit],
    legal: tuple[frozenset[int], frozenset[int]],
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
