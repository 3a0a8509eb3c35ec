"""Names prepared once for many comparisons: tokens, legal forms, concepts, acronym letters.

A `NameForm` holds what `casegraph.resolve.names.align` needs of a name: its
normalised tokens without legal forms or honorifics, the glossary concepts it
says (organisation words across languages, given names across languages,
numbers written as words or digits), which tokens are written as short capitals
(possible acronyms) and, for organisations, the letters each run of words could
be abbreviated to.

Preparation also undoes two ways of writing a name apart: an organisation's
letters spaced out with dots ("U.S.", "o.O.O.") become one token, as the
unspaced form has it; and
digits standing in for letters in a person's name ("Ig0r Sech1n") become the
letters they imitate, since a person's name has no digits of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rigour._core import ordinals_dict
from rigour.names import remove_obj_prefixes, remove_person_prefixes
from rigour.text.stopwords import is_stopword

from casegraph.model import EntityType
from casegraph.resolve.glossary import Glossary, Span
from casegraph.resolve.tokens import fold, normalize, split_legal_forms

Weigh = Callable[[str], float]
# Per token position: (next position, letters) steps an acronym may take from there.
Steps = tuple[tuple[tuple[int, str], ...], ...]

ACRONYM_LENGTHS = range(2, 7)
# Digits written for the letters they look like, in a word that also has letters.
_LOOKALIKES = str.maketrans("013457", "oieast") | str.maketrans({"9": "g", "8": "b"})
_ARABIC_START, _ARABIC_END = 0x0600, 0x06FF
_SPLIT_WORDS = re.compile(r"[\s,.;()]+")
_DOTTED = re.compile(r"(?<!\w)(?:[^\W\d_]\.){2,}")


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
    # Written in an abjad (Arabic, Persian, Urdu script): short vowels unwritten, so its
    # romanised tokens lack them ("frnandw" for Fernando).
    abjad: bool = False


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    """Organisation words across languages (zavod = plant) and their acronym letters."""
    return Glossary.packaged("name_glossary.txt", fold)


@lru_cache(maxsize=1)
def given_names() -> Glossary:
    """Given names that are one name across languages (Pavel = Paul), and name particles."""
    return Glossary.packaged("given_names.txt", fold)


@lru_cache(maxsize=1)
def numbers() -> Glossary:
    """Numbers 0-100 as digits, words and ordinals in many languages ("44", "forty-four",
    "44th"), from rigour's ordinal table; a concept is the number ("#44")."""
    spellings = (
        (f"#{number}", normalize(written).split())
        for number, written_forms in ordinals_dict().items()
        for written in written_forms
    )
    # Matched as written: folding would merge roman numerals ("ii", "iii" -> "i").
    return Glossary.of(((concept, words) for concept, words in spellings if _counts(words)), str)


def _counts(words: list[str]) -> bool:
    """A spelling worth matching: not empty, not a lone letter ("I", "V" are also initials)."""
    return bool(words) and not (len(words) == 1 and len(words[0]) == 1 and words[0].isalpha())


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
    if type == EntityType.PERSON:
        text = normalize(name)
        words = [_letters(word) for word in text.split()]
        tokens, forms = remove_person_prefixes(" ".join(words)).split() or words, list[str]()
        concepts = given_names().spans(tokens)
        return NameForm(name, tuple(tokens), (), True, concepts, frozenset(), (), _in_abjad(name))
    text = normalize(_DOTTED.sub(_undotted, name))
    tokens, forms = split_legal_forms((remove_obj_prefixes(text) or text).split())
    concepts = _sorted(glossary().spans(tokens) + _widest(numbers().spans(tokens)))
    acronyms = _acronym_positions(name, tokens)
    initials = _initial_options(tokens, concepts)
    return NameForm(
        name, tuple(tokens), tuple(forms), False, concepts, acronyms, initials, _in_abjad(name)
    )


def _in_abjad(name: str) -> bool:
    """Most of the name's letters are Arabic-script letters."""
    if name.isascii():
        return False
    letters = [c for c in name if c.isalpha()]
    arabic = sum(_ARABIC_START <= ord(c) <= _ARABIC_END for c in letters)
    return bool(letters) and 2 * arabic > len(letters)


def _letters(word: str) -> str:
    """ "ig0r" -> "igor": digits in a word that has letters stand for letters."""
    if word.isalpha() or word.isdigit() or not any(c.isalpha() for c in word):
        return word
    return word.translate(_LOOKALIKES)


def _undotted(found: re.Match[str]) -> str:
    """ "U.S." -> "US ", "o.O.O." -> "oOO ": letters spaced out with dots, as one word."""
    return found.group(0).replace(".", "") + " "


def _widest(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """Spans not inside a longer one: "forty one" says 41, not also 40 and 1."""
    return tuple(
        span
        for span in spans
        if not any(
            other.start <= span.start
            and span.end <= other.end
            and other != span
            and other.end - other.start > span.end - span.start
            for other in spans
        )
    )


def _sorted(spans: tuple[Span, ...]) -> tuple[Span, ...]:
    return tuple(sorted(set(spans), key=lambda s: (s.start - s.end, s.start, s.concept)))


def _acronym_positions(name: str, tokens: list[str]) -> frozenset[int]:
    """Tokens written in short capitals ("IEMZ", "U.S."), which may stand for initials."""
    capitals = {
        normalize(word)
        for word in _SPLIT_WORDS.split(name.replace(".", ""))
        if 2 <= len(word) <= 6 and word.isalpha() and word.isupper()
    }
    return frozenset(i for i, token in enumerate(tokens) if token in capitals)


def run_initials(form: NameForm) -> set[str]:
    """Every acronym a run of the name's words could be written as (2 to 6 letters)."""
    found: set[str] = set()
    for start in range(len(form.tokens)):
        _spell_initials(form, start, "", found)
    return found


def _spell_initials(form: NameForm, at: int, letters: str, found: set[str]) -> None:
    if len(letters) in ACRONYM_LENGTHS:
        found.add(letters)
    if at >= len(form.initials) or len(letters) >= ACRONYM_LENGTHS.stop - 1:
        return
    for nxt, more in form.initials[at]:
        if more or letters:
            _spell_initials(form, nxt, letters + more, found)


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
