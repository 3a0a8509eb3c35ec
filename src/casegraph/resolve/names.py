"""Name normalisation and comparison, shared by resolution and screening.

Names reach casegraph in many spellings of one party: Cyrillic and its
romanisations, "LAST, First" list order, legal forms ("TSK VEKTOR, OOO"),
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA
from rigour.names import analyze_names, NameTypeTag, remove_org_types, remove_person_prefixes
from rigour.text.normalize import Cleanup, Normalize
from rigour.text.stopwords import is_stopword
from rigour.text.translit import ascii_text

from casegraph.model import EntityType
from casegraph.resolve.glossary import Glossary, Span

Weigh = Callable[[str], float]

# Forms rigour's org-type table lacks, as the last word(s) of a name ("ACME Co.").
_EXTRA_LEGAL_FORMS = frozenset(
    {"co", "company", "corp", "corporation", "incorporated", "nao", "pty", "fgup", "gup", "mup", "fgbu"}
)
_MAX_FORM_WORDS = 5
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bc\u02bb]")
_ROMAN_NUMERAL = re.compile(r"[ivx]{2,}")
# rigour matches legal forms against its table normalised with these flags: accents and dots gone,
# as in our normalised names ("sp. z o.o." -> "sp z o o").
_LEGAL_FLAGS = Normalize.NFKD | Normalize.CASEFOLD | Normalize.SQUASH_SPACES
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Transliteration folding: the spellings that romanisation systems disagree on.
_FOLDS = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"shch|sch", "sh"), (r"tch", "ch"), (r"dzh|zh|dj", "j"), (r"kh", "h"), (r"gh", "g"),
        (r"ph", "f"), (r"th", "t"), (r"ks", "x"), (r"ck|q", "k"), (r"w", "v"), (r"tz|ts|cz", "c"),
        (r"c(?!h)", "k"), (r"[yj]o|[yj]e", "e"), (r"ou|oo", "u"), (r"ee", "i"), (r"y", "i"),
        (r"(ij|ii)$", "i"), (r"(.)\1+", r"\1"),
    )
)
_RUSSIAN_ENDING = re.compile(r"(?:ogo|ego|oi|oe|ij|ii|aia|aja)?[aeiou]*$")
_PERSON = {EntityType.PERSON}
_NAME_VARIANT = 0.9
_CONCEPT = 0.95
_INITIALS = 0.9
# A word each name lacks (a different surname, a different city) is evidence of two parties, so it
# costs twice; a word only one name has is often an omitted middle name: for persons it costs less.
_SWAP_COST = 2.0
_EXTRA_COST = {True: 0.6, False: 1.0}


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
    initials: tuple[tuple[tuple[int, str], ...], ...]


def normalize(name: str) -> str:
    """Casefolded ASCII words separated by single spaces: the form every key is built from."""
    text = ascii_text(_APOSTROPHES.sub("", name))
    text = _APOSTROPHES.sub("", text)
    text = text.replace("&", " and ").casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def strip_legal_form(name: str) -> str:
    """The normalised name without legal forms at its start or end ("TSK VEKTOR, OOO" -> "tsk vektor")."""
    return " ".join(split_legal_forms(normalize(name).split())[0])


def name_tokens(name: str) -> list[str]:
    """Normalised tokens with legal forms removed."""
    return strip_legal_form(name).split()


def split_legal_forms(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """Peel legal forms off both ends of normalised tokens; at least one token stays."""
    core, forms = list(tokens), []
    if not any(w in _EXTRA_LEGAL_FORMS for w in core) and _remove_org_types(" ".join(core)) == " ".join(core):
        return core, forms
    while (found := _peel(core)) is not None:
        forms.append(found)
    return core, forms


def _peel(core: list[str]) -> str | None:
    """Remove one legal form from the start or the end of `core` in place."""
    for size in range(min(_MAX_FORM_WORDS, len(core) - 1), 0, -1):
        if _is_legal_form(core[:size]):
            found, core[:size] = core[:size], []
            return " ".join(found)
        if _is_legal_form(core[-size:]):
            found, core[-size:] = core[-size:], []
            return " ".join(found)
    return None


def _is_legal_form(words: list[str]) -> bool:
    """All words are a legal form; a series number ("Fund II") is not one."""
    if any(_ROMAN_NUMERAL.fullmatch(word) for word in words):
        return False
    return all(word in _EXTRA_LEGAL_FORMS for word in _remove_org_types(" ".join(words)).split())


def _remove_org_types(text: str) -> str:
    return remove_org_types(text, normalize_flags=_LEGAL_FLAGS, cleanup=Cleanup.Strong)


@lru_cache(maxsize=1 << 16)
def fold(token: str) -> str:
    """A key that romanisation variants share: "vysotskiy", "vysockij" -> "visoki"."""
    for pattern, replacement in _FOLDS:
        token = pattern.sub(replacement, token)
    return token


def _stem(token: str) -> str:
    """Folded token without a Russian inflection: "izhevskogo" and "izhevsk" agree."""
    return _RUSSIAN_ENDING.sub("", fold(token))


def _edit_budget(length: int) -> int:
    """Edits a token of this length may carry and still be the same word misspelt."""
    return 0 if length <= 3 else 1 if length <= 9 else 2 if length <= 13 else 3


@lru_cache(maxsize=1 << 18)
def token_similarity(a: str, b: str, person: bool = False) -> tuple[float, str]:
    """Similarity of two normalised tokens and the kind of agreement ("" when none)."""
    if a == b:
        return 1.0, "same"
    if not (a.isalpha() and b.isalpha()):
        return 0.0, ""
    if min(len(a), len(b)) == 1:
        return (0.8, "initial") if a[0] == b[0] and person else (0.0, "")
    if fold(a) == fold(b):
        return 0.95, "spelling"
    if min(len(a), len(b)) >= 5 and _stem(a) == _stem(b):
        return 0.9, "word form"
    if person and _name_symbols(a) & _name_symbols(b):
        return _NAME_VARIANT, "name variant"
    return _typo_similarity(a, b)


def _typo_similarity(a: str, b: str) -> tuple[float, str]:
    length = max(len(a), len(b))
    distance = min(OSA.distance(a, b), OSA.distance(fold(a), fold(b)))
    if distance > _edit_budget(length):
        return 0.0, ""
    return 1.0 - distance / length, "typo"


@lru_cache(maxsize=1 << 16)
def _name_symbols(token: str) -> frozenset[str]:
    """rigour's given-name and nickname ids for a token (Aleksandr, Alexander -> one id)."""
    names = analyze_names(NameTypeTag.PER, [token], consolidate=False)
    return frozenset(str(symbol) for name in names for symbol in name.symbols)


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    return Glossary.packaged(fold)


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
    person = type in _PERSON or type == "person"
    text = normalize(name)
    if person:
        tokens, forms = remove_person_prefixes(text).split() or text.split(), []
    else:
        tokens, forms = split_legal_forms(text.split())
    concepts = () if person else glossary().spans(tokens)
    acronyms = frozenset() if person else _acronym_positions(name, tokens)
    initials = () if person else _initial_options(tokens, concepts)
    return NameForm(name, tuple(tokens), tuple(forms), person, concepts, acronyms, initials)


def _acronym_positions(name: str, tokens: list[str]) -> frozenset[int]:
    """Tokens written in short capitals ("IEMZ"), which may stand for initials."""
    capitals = {normalize(word) for word in re.split(r"[\s,.;()]+", name)
                if 2 <= len(word) <= 6 and word.isalpha() and word.isupper()}
    return frozenset(i for i, token in enumerate(tokens) if token in capitals)


def _initial_options(tokens: list[str], concepts: tuple[Span, ...]) -> tuple[tuple[tuple[int, str], ...], ...]:
    """For each token: (next position, letters) steps an acronym may take from here."""
    steps: list[list[tuple[int, str]]] = [[(i + 1, token[0])] for i, token in enumerate(tokens)]
    for i, token in enumerate(tokens):
        if is_stopword(token):
            steps[i].append((i + 1, ""))
    for span in concepts:
        steps[span.start].extend((span.end, letters) for letters in glossary().initials(span.concept))
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


def align(a: NameForm, b: NameForm, weigh: Weigh, sides: tuple[str, str] = ("first", "second")) -> NameComparison:
    """Align two prepared names; `weigh` says how much each token matters, `sides` names them."""
    if not a.tokens or not b.tokens:
        return NameComparison(0.0, "nothing to compare: a name without letters or digits")
    units = _select(_candidate_units(a, b))
    weights = ([weigh(t) for t in a.tokens], [weigh(t) for t in b.tokens])
    score = _score(units, weights, a.person or b.person)
    if _numbers_differ(a, b, units):
        score *= 0.5
    return NameComparison(round(score, 4), _explain(a, b, units, sides))


def _score(units: list[_Unit], weights: tuple[list[float], list[float]], person: bool) -> float:
    """Weight explained, over weight matched plus the cost of the tokens left unexplained."""
    weights_a, weights_b = weights
    explained = sum(u.score * (sum(weights_a[i] for i in u.left) + sum(weights_b[j] for j in u.right)) for u in units)
    matched_a = sum(weights_a[i] for i in _used(units, 0))
    matched_b = sum(weights_b[j] for j in _used(units, 1))
    left_a, left_b = sum(weights_a) - matched_a, sum(weights_b) - matched_b
    swapped = min(left_a, left_b)
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
    """Glossary concepts both names say, in any language ("zavod" = "plant")."""
    return [
        _Unit(tuple(range(x.start, x.end)), tuple(range(y.start, y.end)), _CONCEPT, "translation")
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
            score, _ = token_similarity(joined, token, person)
            if score >= 0.85:
                units.append(_Unit((i, i + 1), (j,), score, "joined"))
    return units


def _acronym_units(a: NameForm, b: NameForm) -> list[_Unit]:
    """An acronym in `a` spelt by the initials of a run of `b`'s words."""
    return [
        _Unit((i,), run, _INITIALS, "initials")
        for i in sorted(a.acronyms)
        for run in _spelled_runs(a.tokens[i], b)
    ]


def _spelled_runs(acronym: str, form: NameForm) -> list[tuple[int, ...]]:
    return [
        tuple(range(start, end))
        for start in range(len(form.tokens))
        for end in _spell(acronym, form.initials, start, started=False)
    ]


def _spell(rest: str, steps: tuple[tuple[tuple[int, str], ...], ...], at: int, started: bool) -> set[int]:
    """Positions where a run starting at `at` has spelt out `rest`."""
    if not rest:
        return {at}
    if at >= len(steps):
        return set()
    return {
        end
        for nxt, letters in steps[at]
        if (letters or started) and rest.startswith(letters)
        for end in _spell(rest[len(letters):], steps, nxt, True)
    }


def _select(units: list[_Unit]) -> list[_Unit]:
    """Best units first, each token used once."""
    chosen: list[_Unit] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for unit in sorted(units, key=lambda u: (-u.score, -len(u.left) - len(u.right), u.left, u.right)):
        if used_left.isdisjoint(unit.left) and used_right.isdisjoint(unit.right):
            chosen.append(unit)
            used_left.update(unit.left)
            used_right.update(unit.right)
    return chosen


def _used(units: list[_Unit], side: int) -> set[int]:
    return {i for unit in units for i in (unit.left if side == 0 else unit.right)}


def _numbers_differ(a: NameForm, b: NameForm, units: list[_Unit]) -> bool:
    """Both names carry a number the other lacks ("Fund 1" vs "Fund 2")."""
    left = {i for u in units for i in u.left}
    right = {j for u in units for j in u.right}
    return _has_number(a, left) and _has_number(b, right)


def _has_number(form: NameForm, used: set[int]) -> bool:
    return any(not t.isalpha() and i not in used for i, t in enumerate(form.tokens))


def _explain(a: NameForm, b: NameForm, units: list[_Unit], sides: tuple[str, str]) -> str:
    same = [a.tokens[u.left[0]] for u in units if u.how == "same"]
    close = [f"{_words(a, u.left)} ~ {_words(b, u.right)} ({u.how})" for u in units if u.how != "same"]
    parts = [f"agreed: {', '.join(same)}"] if same else []
    parts += [f"close: {', '.join(close)}"] if close else []
    for form, used, side in ((a, {i for u in units for i in u.left}, sides[0]),
                             (b, {j for u in units for j in u.right}, sides[1])):
        rest = [t for i, t in enumerate(form.tokens) if i not in used]
        parts += [f"only in {side}: {', '.join(rest)}"] if rest else []
        parts += [f"legal form ignored in {side}: {', '.join(form.legal_forms)}"] if form.legal_forms else []
    return "; ".join(parts) or "nothing in common"


def _words(form: NameForm, positions: tuple[int, ...]) -> str:
    return " ".join(form.tokens[i] for i in positions)
