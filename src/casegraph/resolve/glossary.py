"""A glossary of organisation-name words across languages, read from a data file.

Russian organisation names reach us romanised ("Izhevsky Elektromekhanichesky
Zavod") in one source and translated ("Izhevsk Electromechanical Plant") in
another, and abbreviated from either ("IEMZ"). The glossary says which words
mean the same (`zavod` = `plant`) and which letters each word gives an acronym
(`elektromekhanichesky` -> "em"), so the comparison can see through all three.
The words live in `casegraph/data/name_glossary.txt`, not in code; the same
format holds given names that are one name across languages
(`casegraph/data/given_names.txt`: Pavel = Paul, Ted = Theodore).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

Key = Callable[[str], str]
_MAX_ENDING = 4


@dataclass(frozen=True)
class Span:
    """Tokens [start, end) of a name that say `concept`."""

    start: int
    end: int
    concept: str


@dataclass(frozen=True)
class _Word:
    key: str
    stem: bool

    def matches(self, token_key: str) -> bool:
        if not self.stem:
            return token_key == self.key
        extra = len(token_key) - len(self.key)
        return 0 <= extra <= _MAX_ENDING and token_key.startswith(self.key)


@dataclass(frozen=True)
class _Variant:
    concept: str
    words: tuple[_Word, ...]


class Glossary:
    """Concepts and their spellings, matched on folded token keys."""

    def __init__(self, lines: Iterable[str], key: Key) -> None:
        self._key = key
        self._variants: dict[str, list[_Variant]] = defaultdict(list)
        self._initials: dict[str, set[str]] = defaultdict(set)
        for line in lines:
            line = line.strip()
            if line and not line.startswith("#"):
                self._add_line(line)

    @classmethod
    def of(cls, spellings: Iterable[tuple[str, list[str]]], key: Key) -> Glossary:
        """A glossary of (concept, words) pairs made in code; they give no acronym letters."""
        made = cls((), key)
        for concept, words in spellings:
            made._add_variant(concept, words)
        return made

    @classmethod
    def packaged(cls, filename: str, key: Key) -> Glossary:
        """A glossary shipped in casegraph/data."""
        text = (resources.files("casegraph") / "data" / filename).read_text("utf-8")
        return cls(text.splitlines(), key)

    def spans(self, tokens: Sequence[str]) -> tuple[Span, ...]:
        """Every place a concept is said, longest first; spans may overlap."""
        keys = [self._key(token) for token in tokens]
        found = [
            Span(start, start + len(variant.words), variant.concept)
            for start, key in enumerate(keys)
            for variant in self._variants.get(key[:3], ())
            if _matches_at(variant.words, keys, start)
        ]
        unique = set(found)
        return tuple(sorted(unique, key=lambda s: (s.start - s.end, s.start, s.concept)))

    def initials(self, concept: str) -> frozenset[str]:
        """The letters a concept may give an acronym: "plant" -> {"p", "z", "f", "w"}."""
        return frozenset(self._initials.get(concept, ()))

    def _add_line(self, line: str) -> None:
        concept, _, rest = line.partition("=")
        concept = concept.strip().lower()
        for spelling in [concept, *rest.split(",")]:
            spelling = spelling.strip()
            if spelling:
                self._add_spelling(concept, spelling)

    def _add_spelling(self, concept: str, spelling: str) -> None:
        if spelling.isupper():
            self._initials[concept].add(spelling.lower())
            self._add_variant(concept, [spelling.lower()])
            return
        words = spelling.lower().split()
        self._initials[concept].add("".join(_word_initials(word) for word in words))
        self._add_variant(concept, [word.replace("-", "") for word in words])
        if any("-" in word for word in words):
            self._add_variant(concept, [part for word in words for part in word.split("-")])

    def _add_variant(self, concept: str, words: list[str]) -> None:
        parsed = tuple(_Word(self._key(w.rstrip("*")), w.endswith("*")) for w in words)
        self._variants[parsed[0].key[:3]].append(_Variant(concept, parsed))


def _word_initials(word: str) -> str:
    return "".join(part[0] for part in word.rstrip("*").split("-") if part)


def _matches_at(words: tuple[_Word, ...], keys: list[str], start: int) -> bool:
    if start + len(words) > len(keys):
        return False
    return all(word.matches(keys[start + i]) for i, word in enumerate(words))
