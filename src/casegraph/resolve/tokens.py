"""Token-level name work: normalisation, legal forms, transliteration folding, similarity.

Everything here sees one name or one pair of tokens; `casegraph.resolve.names`
builds whole-name comparison on top. Keys are plain ASCII so that Cyrillic,
accented Latin and their romanisations meet ("Артём" -> "artyom" ~ "artem").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA
from rigour.names import remove_org_types
from rigour.text.normalize import Cleanup, Normalize

from casegraph.resolve.translit import latin

# Forms rigour's org-type table lacks, as the last word(s) of a name ("ACME Co.").
_EXTRA_LEGAL_FORMS = frozenset(
    {"co", "company", "corp", "corporation", "incorporated", "nao", "pty", "fgup", "gup", "mup"}
)
_MAX_FORM_WORDS = 5
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bc\u02bb]")
_DIGITS = re.compile(r"\D+")
_ROMAN_NUMERAL = re.compile(r"[ivx]{2,}")
# rigour matches legal forms against its table normalised with these flags: accents and dots gone,
# as in our normalised names ("sp. z o.o." -> "sp z o o").
_LEGAL_FLAGS = Normalize.NFKD | Normalize.CASEFOLD | Normalize.SQUASH_SPACES
_NON_WORD = re.compile(r"[^a-z0-9]+")
# Transliteration folding: the spellings romanisation systems disagree on, in order.
_FOLD_LITERALS = (
    ("shch", "sh"), ("dsch", "j"), ("tsch", "ch"), ("sch", "sh"), ("tch", "ch"), ("dzh", "j"), ("zh", "j"),
    ("dz", "j"), ("dj", "j"),
    ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"), ("ks", "x"), ("ck", "k"), ("q", "k"),
    ("w", "v"), ("tz", "c"), ("ts", "c"), ("cz", "c"),
)  # fmt: skip
_FOLD_PATTERNS = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"c(?!h)", "k"),
        (r"[yj][oe]", "e"),
        (r"ou|oo", "u"),
        (r"ee|y", "i"),
        (r"(?:ij|ii)$", "i"),
        (r"([a-z])\1+", r"\1"),
    )
)
# An initial only says the first letter agrees; an edit in a short word ("kang" / "jang") leaves
# less of it than one in a long word ("vysotksy" / "vysotsky"), so it costs more.
_INITIAL = 0.6
_SHORT_WORD = 6
_SHORT_WORD_COST = 0.1
# Words folding to one or two letters ("tsc", "cc" -> "k") say little: alone they stay below a
# match.
_SHORT_SPELLING = 2
_SHORT_SPELLING_SCORE = 0.7
_SPELLING = 0.95
_REVERSED, _REVERSED_SCORE = 4, 0.9
_SHUFFLED, _SHUFFLED_SCORE = 5, 0.7
_WORD_FORM = 0.9
# Two neighbouring letters swapped, the commonest slip of a typist's hands, counts as half an
# edit: it keeps every letter of the word.
_TRANSPOSITION = 0.5
# German (and Polish, Czech) romanisations read "ch" as kh, "sch" as zh or sh, "tsch" as ch and
# "j" as y: "Chajat" = "Hayat", "Schidkow" = "Zhidkov". A word long enough is also read that way.
_GERMAN = 0.85
_GERMAN_LENGTH = 5
# A typo beside that reading only in a word that keeps six letters folded ("Sergejs").
_GERMAN_TYPO_LENGTH = 6
_GERMAN_READINGS = {"tsch": "ch", "sch": "zh", "ch": "kh", "j": "y"}
_GERMAN_LETTERS = re.compile("|".join(_GERMAN_READINGS))
# Scholarly romanisations write č, ž, š, šč for ch, zh, sh, shch; without the diacritics one
# letter is left. Only for words long enough not to be a Chinese syllable ("zhang" / "zang"
# are two surnames).
_DIGRAPHS = (("shch", "sc"), ("ch", "c"), ("zh", "z"), ("sh", "s"))
_PLAIN_LENGTH = 6
_LOOKALIKE = "rn"
_RUSSIAN_ENDING = re.compile(r"(?:ogo|ego|omu|emu|oi|oe|ij|ii|aia|aja|[aeiouy])$")


def normalize(name: str) -> str:
    """Casefolded ASCII words separated by single spaces: the form every key is built from."""
    text = _APOSTROPHES.sub("", name)
    if not text.isascii():
        text = _APOSTROPHES.sub("", latin(text))
    text = text.replace("&", " and ").casefold()
    return " ".join(_NON_WORD.sub(" ", text).split())


def strip_legal_form(name: str) -> str:
    """The normalised name without legal forms at its ends: "ROSTOK TEKH, OOO" -> "rostok tekh"."""
    return " ".join(split_legal_forms(normalize(name).split())[0])


def name_tokens(name: str) -> list[str]:
    """Normalised tokens with legal forms removed."""
    return strip_legal_form(name).split()


def split_legal_forms(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """Peel legal forms off both ends of normalised tokens; at least one token stays."""
    core, forms = list(tokens), list[str]()
    text = " ".join(core)
    if _EXTRA_LEGAL_FORMS.isdisjoint(core) and _remove_org_types(text) == text:
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
    return str(remove_org_types(text, normalize_flags=_LEGAL_FLAGS, cleanup=Cleanup.Strong))


@lru_cache(maxsize=1 << 16)
def fold(token: str) -> str:
    """A key that romanisation variants share: "vysotskiy", "vysockij" -> "visoki"."""
    for old, new in _FOLD_LITERALS:
        if old in token:
            token = token.replace(old, new)
    for pattern, replacement in _FOLD_PATTERNS:
        token = pattern.sub(replacement, token)
    return token


@lru_cache(maxsize=1 << 16)
def stem(token: str) -> str:
    """Folded token without a Russian inflection: "izhevskogo" and "izhevsk" agree."""
    return _RUSSIAN_ENDING.sub("", fold(token))


def edit_budget(length: int) -> int:
    """Edits a token may carry and still be the same word misspelt: one in four letters."""
    return 0 if length <= 3 else length // 4


@lru_cache(maxsize=1 << 18)
def token_similarity(a: str, b: str, person: bool = False) -> tuple[float, str]:
    """Similarity of two normalised tokens and the kind of agreement ("" when none)."""
    if a == b:
        return 1.0, "same"
    if not (a.isalpha() and b.isalpha()):
        return _code_similarity(a, b)
    if min(len(a), len(b)) == 1:
        return (_INITIAL, "initial") if a[0] == b[0] and person else (0.0, "")
    folded = fold(a), fold(b)
    if folded[0] == folded[1]:
        short = len(folded[0]) <= _SHORT_SPELLING
        return (_SHORT_SPELLING_SCORE if short else _SPELLING), "spelling"
    if min(len(a), len(b)) >= 5 and stem(a) == stem(b):
        return _WORD_FORM, "word form"
    typo = max(_typo_similarity(a, b), _typo_similarity(*folded))
    if typo[0] < _GERMAN:
        # "Chadi" is a typo away from "Hadi", but the German reading of a Cyrillic spelling
        # says more: the better of the two stands.
        reading = _reading_similarity(a, b, folded, person)
        if reading[0] > typo[0]:
            return reading
    if typo[0]:
        return typo
    return _scrambled(a, b)


def _reading_similarity(a: str, b: str, folded: tuple[str, str], person: bool) -> tuple[float, str]:
    """Two romanisations of one Cyrillic word: a German one, or one with its diacritics lost."""
    if max(len(a), len(b)) >= _GERMAN_LENGTH:
        german = _german_similarity(a, b, folded, min(len(a), len(b)) >= _GERMAN_LENGTH)
        if german[0]:
            return german
    # "Fu Juan Ju" for "Fu Yuan Yu": a short word read the German way. Not in a person's name,
    # where a j and a y can be two surnames ("Jang", "Yang").
    short = min(len(a), len(b)) < _GERMAN_LENGTH
    if short and not person and (german_reading(a) == b or german_reading(b) == a):
        return _GERMAN, "romanisation"
    if plain_reading(a) == plain_reading(b):
        return _GERMAN, "romanisation"
    if _LOOKALIKE in a or _LOOKALIKE in b:
        # "rn" read as "m" (a scan, or a name spelt to slip past a screen): "Sukarno" / "Sukamto".
        seen = a.replace(_LOOKALIKE, "m"), b.replace(_LOOKALIKE, "m")
        typo = _typo_similarity(*seen) if seen[0] != seen[1] else (1.0, "")
        if typo[0]:
            return min(typo[0], _GERMAN), "look-alike letters"
    return 0.0, ""


@lru_cache(maxsize=1 << 16)
def plain_reading(token: str) -> str:
    """The token with English digraphs written as one letter, as a scholarly or French
    romanisation reads once its diacritics are gone: "chizhovka" -> "cizovka" (from
    "Čižovka"); the token itself where that reading is shorter than `_PLAIN_LENGTH`."""
    reading = token
    for old, new in _DIGRAPHS:
        if old in reading:
            reading = reading.replace(old, new)
    return reading if len(reading) >= _PLAIN_LENGTH else token


def _german_similarity(a: str, b: str, folded: tuple[str, str], typos: bool) -> tuple[float, str]:
    """One token read as a German romanisation of Russian equals the other, or with `typos`
    nearly."""
    for x, y in ((a, b), (b, a)):
        reading = german_reading(x)
        if reading == x:
            continue
        if fold(reading) == fold(y):
            return _GERMAN, "romanisation"
        read = fold(reading)
        typo = _typo_similarity(read, folded[1] if x is a else folded[0])
        if typos and typo[0] and len(read) >= _GERMAN_TYPO_LENGTH:
            return min(typo[0], _GERMAN), "romanisation"
    return 0.0, ""


@lru_cache(maxsize=1 << 16)
def german_reading(token: str) -> str:
    """The token read as a German romanisation of Russian into English: "schidkow" ->
    "zhidkow" (folded later: w = v)."""
    if "ch" not in token and "j" not in token:
        return token
    return _GERMAN_LETTERS.sub(lambda found: _GERMAN_READINGS[found.group(0)], token)


def _code_similarity(a: str, b: str) -> tuple[float, str]:
    """Letters and digits in one word (a hull number, a registration): the same digits, and
    letters that are one spelling ("YV3016" written in Cyrillic and back, "iv3016")."""
    both_codes = a.isalnum() and b.isalnum() and not (a.isdigit() or b.isdigit())
    if both_codes and _DIGITS.sub("", a) == _DIGITS.sub("", b) and fold(a) == fold(b):
        return _SPELLING, "spelling"
    return 0.0, ""


def _scrambled(a: str, b: str) -> tuple[float, str]:
    """A word written backwards ("nitup"), or its letters shuffled ("nitpu"), to slip past a
    screen; a shuffle alone stays below a match."""
    if len(a) >= _REVERSED and a == b[::-1]:
        return _REVERSED_SCORE, "reversed"
    if len(a) >= _SHUFFLED and sorted(a) == sorted(b):
        return _SHUFFLED_SCORE, "letters shuffled"
    return 0.0, ""


def _typo_similarity(a: str, b: str) -> tuple[float, str]:
    """One edit in four letters, and an edit in a short word costs more; lengths are those of
    the spellings compared, so folding cannot stretch the budget."""
    length = max(len(a), len(b))
    budget = edit_budget(length)
    if abs(len(a) - len(b)) > budget:
        return 0.0, ""
    distance = OSA.distance(a, b, score_cutoff=budget + 1)
    if distance > budget:
        return 0.0, ""
    edits = _TRANSPOSITION if distance == 1 and _transposed(a, b) else float(distance)
    cost = edits / length + (_SHORT_WORD_COST if length <= _SHORT_WORD else 0.0)
    return 1.0 - cost, "typo"


def _transposed(a: str, b: str) -> bool:
    """The two spellings differ by two neighbouring letters swapped ("tahsni" / "tahsin")."""
    if len(a) != len(b):
        return False
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), len(a))
    if at + 1 >= len(a):
        return False
    return a[at] == b[at + 1] and a[at + 1] == b[at] and a[at + 2 :] == b[at + 2 :]
