"""Light coreference: descriptions and pronouns that stand for one named party.

Reporters name a party once and then describe it: "procurement firm Orrin
Trade ... the procurement company billed ...". A definite description is
resolved to the most recent named party, within its paragraph or the last
few sentences, whose own descriptions in the document agree with it (head
noun and every modifier: "the weapons manufacturer" needs a party described
as an arms or weapons maker, "the company" any company); when two parties
agree, or none, it is left alone. "He", "she" and "it" are resolved only when
a single named candidate is in reach; "they" is never resolved. "The experts"
and other groups resolve to the one organisation a group came from ("engineers
from X").

The result maps token indices to the antecedent's mention, with `said_as`
holding the phrase the sentence uses, so frames read the description as the
party and the claim keeps its quote.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from rigour.territories import lookup_territory
from spacy.tokens import Doc, Span, Token

from casegraph.extract.grammar import GROUP_NOUNS, prep_objects
from casegraph.extract.groups import GENERIC_PEOPLE, PEOPLE_NOUNS, is_group
from casegraph.extract.names import ORG_CUES, ROLE_WORDS, Found, text_of
from casegraph.model import EntityType

WINDOW = 3
PRONOUN_WINDOW = 2
SYNONYMS = {
    "manufacturer": "maker",
    "producer": "maker",
    "builder": "maker",
    "firm": "company",
    "business": "company",
    "enterprise": "company",
    "corporation": "company",
    "concern": "company",
    "weapons": "arms",
    "weapon": "arms",
    "armaments": "arms",
    "arm": "arms",
    "defense": "defence",
    "drones": "drone",
    "uav": "drone",
    "uavs": "drone",
    "shipping": "shipper",
    "chief": "ceo",
    "businesswoman": "businessman",
    "tycoon": "businessman",
}
GENERIC = frozenset(["company"])
NOT_COMPANIES = frozenset(
    ["ministry", "agency", "bureau", "institute", "group", "holding", "consortium", "bank"]
)
PERSON_HEADS = ROLE_WORDS | {
    "businessman",
    "businesswoman",
    "tycoon",
    "magnate",
    "oligarch",
    "lawmaker",
    "politician",
    "banker",
    "trader",
}
ORG_HEADS = ORG_CUES | {"manufacturer", "builder", "concern"}
MALE = frozenset(["he", "him", "his"])
FEMALE = frozenset(["she", "her", "hers"])
NEUTER = frozenset(["it", "its"])
EXPLETIVE_HEADS = frozenset(
    ["be", "seem", "appear", "rain", "snow", "remain", "matter", "happen", "take"]
)


def _norm(word: str) -> str:
    low = word.lower()
    return SYNONYMS.get(low, low)


@dataclass(frozen=True)
class Description:
    """How the document describes a party: `a Russian arms maker` -> maker, {arms}, {ru}."""

    head: str
    words: frozenset[str]
    countries: frozenset[str]

    @classmethod
    def of(cls, head: Token, modifiers: Iterable[Token]) -> Description:
        words: set[str] = set()
        countries: set[str] = set()
        for token in modifiers:
            territory = lookup_territory(token.text) if token.ent_type_ in {"NORP", "GPE"} else None
            if territory is not None:
                countries.add(territory.code)
            elif token.is_alpha and token.pos_ in {"NOUN", "ADJ", "VERB", "PROPN"}:
                words.add(_norm(token.text))
        return cls(_norm(head.text), frozenset(words), frozenset(countries))

    def fits(self, known: list[Description]) -> bool:
        """Whether a party described as `known` can be meant by this description."""
        if not known:
            return self.head in GENERIC and not self.words and not self.countries
        heads = {d.head for d in known}
        if self.head not in heads and not (self.head in GENERIC and not heads & NOT_COMPANIES):
            return False
        words = set().union(*(d.words for d in known))
        countries = set().union(*(d.countries for d in known))
        return self.words <= words and (
            not countries or not self.countries or bool(self.countries & countries)
        )


@dataclass(frozen=True)
class Placed:
    """A party mention with where it sits: token, sentence, paragraph, and the entity key it shares."""

    found: Found
    token: Token
    sentence: int
    paragraph: int
    key: str


class Resolver:
    """Resolves the descriptions and pronouns of one parsed document."""

    def __init__(self, doc: Doc, mentions: list[Found]) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.sentences = [s for s in doc.sents]
        self.sent_starts = [s.start for s in self.sentences]
        self.lines = [m.start() for m in re.finditer("\n", self.text)]
        self.covered: dict[int, Found] = {}
        placed = sorted(self._place(mentions), key=lambda p: p.token.i)
        # Unnamed groups ("Norwegian engineers") are antecedents of group nouns only.
        self.groups = [p for p in placed if is_group(p.found)]
        self.placed = [p for p in placed if not is_group(p.found)]
        self.positions = [p.token.i for p in self.placed]
        self.descriptions: dict[str, list[tuple[int, Description]]] = {}
        for i, key, description in self._describe():
            self.descriptions.setdefault(key, []).append((i, description))

    def _sentence(self, token: Token) -> int:
        return bisect.bisect_right(self.sent_starts, token.i) - 1

    def _paragraph(self, token: Token) -> int:
        return bisect.bisect_right(self.lines, token.idx)

    def _place(self, mentions: list[Found]) -> Iterator[Placed]:
        parties = [m for m in mentions if m.type in {EntityType.ORGANIZATION, EntityType.PERSON}]
        names = {self.text[m.start : m.end] for m in parties}
        for item in parties:
            span = self.doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.covered[token.i] = item
            yield Placed(
                item,
                span.root,
                self._sentence(span.root),
                self._paragraph(span.root),
                _key(self.text[item.start : item.end], names),
            )

    def _describe(self) -> Iterator[tuple[int, str, Description]]:
        for placed in self.placed:
            span = self.doc.char_span(placed.found.start, placed.found.end, alignment_mode="expand")
            if span is None:
                continue
            for description in (self._before(span), self._after(span)):
                if description is not None:
                    yield span.start, placed.key, description

    def _before(self, span: Span) -> Description | None:
        """`Russian procurement company X`: a description right before the name."""
        i = span.start - 1
        if (
            i < 0
            or self.doc[i].lower_ not in ORG_HEADS | PERSON_HEADS
            or not self.doc[i].text.islower()
        ):
            return None
        head, modifiers = self.doc[i], []
        i -= 1
        while i >= 0 and _modifier(self.doc[i]) and i not in self.covered:
            modifiers.append(self.doc[i])
            i -= 1
        return Description.of(head, modifiers)

    def _after(self, span: Span) -> Description | None:
        """`X, a Chinese drone maker`, `X, the CEO of Y`, `X is a procurement company`."""
        i = span.end
        if i < len(self.doc) and (self.doc[i].text == "," or self.doc[i].lemma_ == "be"):
            i += 1
        if i >= len(self.doc) or self.doc[i].lower_ not in {"a", "an", "the"}:
            return None
        i += 1
        words: list[Token] = []
        while i < len(self.doc) and _modifier(self.doc[i]) and i not in self.covered:
            words.append(self.doc[i])
            i += 1
        if (
            not words
            or words[-1].pos_ != "NOUN"
            or words[-1].lower_ not in ORG_HEADS | PERSON_HEADS
        ):
            return None
        return Description.of(words[-1], words[:-1])

    def known(self, key: str, before: int) -> list[Description]:
        return [d for i, d in self.descriptions.get(key, []) if i < before]

    def window(self, token: Token, sentences: int, same_paragraph: bool = True) -> list[Placed]:
        """Named parties before `token`, in order: its paragraph, or the last `sentences` sentences."""
        here, paragraph = self._sentence(token), self._paragraph(token)
        found: list[Placed] = []
        for p in reversed(self.placed[: bisect.bisect_left(self.positions, token.i)]):
            if here - p.sentence > sentences and not (same_paragraph and p.paragraph == paragraph):
                break
            found.append(p)
        return found[::-1]

    def resolve(self) -> dict[int, Found]:
        references: dict[int, Found] = {}
        for token in self.doc:
            if token.i in self.covered:
                continue
            found = self._reference(token)
            if found is not None:
                references[token.i] = found
        return references

    def _reference(self, token: Token) -> Found | None:
        low = token.lower_
        if token.pos_ == "PRON" and low in MALE | FEMALE:
            return self._person_pronoun(token)
        if token.pos_ == "PRON" and low in NEUTER:
            return self._it(token)
        if token.pos_ == "NOUN" and _definite(token):
            if token.tag_ == "NNS" and token.lemma_.lower() in GROUP_NOUNS | PEOPLE_NOUNS:
                return self._group(token) or self._people(token)
            if token.tag_ == "NNS" and token.lemma_.lower() in GENERIC_PEOPLE:
                return self._people(token)
            if token.tag_ == "NN" and low in ORG_HEADS | PERSON_HEADS:
                return self._description(token)
        return None

    def _description(self, token: Token) -> Found | None:
        if any(t.i in self.covered for t in token.subtree) or _restricted(token):
            return None
        modifiers = [
            t
            for c in token.children
            if c.dep_ in {"amod", "compound", "nmod"} and c.i < token.i
            for t in c.subtree
        ]
        wanted = Description.of(token, modifiers)
        kind = EntityType.ORGANIZATION if token.lower_ in ORG_HEADS else EntityType.PERSON
        candidates = [
            p
            for p in self.window(token, WINDOW)
            if p.found.type is kind and wanted.fits(self.known(p.key, token.i))
        ]
        return self._unique(candidates, token, self.doc[token.left_edge.i : token.i + 1].text)

    def _unique(self, candidates: list[Placed], token: Token, phrase: str) -> Found | None:
        """The one party left once the co-arguments of the phrase's own clause are set aside.

        `X sued the company`: the company is not X, wherever else X is named.
        """
        beside = (
            set()
            if token.tag_ == "PRP$"
            else {p.key for p in candidates if _same_clause(p.token, token)}
        )
        candidates = [p for p in candidates if p.key not in beside]
        if len({p.key for p in candidates}) != 1:
            return None
        return replace(candidates[-1].found, said_as=phrase)

    def _person_pronoun(self, token: Token) -> Found | None:
        """`he`, `his`, `she`: one named person in reach, and no other person beside.

        Another person is an unnamed one (`an official`) or a proper name no mention covers
        (the model may have missed a name).
        """
        candidates = [
            p
            for p in self.window(token, PRONOUN_WINDOW, False)
            if p.found.type is EntityType.PERSON
        ]
        start = self.sentences[max(0, self._sentence(token) - PRONOUN_WINDOW)].start
        unnamed = [
            t
            for t in self.doc[start : token.i]
            if t.i not in self.covered
            and (
                (
                    t.pos_ == "NOUN"
                    and t.tag_ == "NN"
                    and t.lower_ in PERSON_HEADS
                    and t.dep_ not in {"appos", "attr", "compound"}
                )
                or (t.pos_ == "PROPN" and t.ent_type_ in {"", "PERSON"} and t.text[:1].isupper())
            )
        ]
        return None if unnamed else self._unique(candidates, token, token.text)

    def _it(self, token: Token) -> Found | None:
        if token.dep_ == "nsubj" and token.head.lemma_.lower() in EXPLETIVE_HEADS:
            return None
        return self._named_it(token)

    def _named_it(self, token: Token) -> Found | None:
        """`it`, `its`: the subject before (outside the clause of `it`) is a named organisation,
        and no other organisation is named between them."""
        start = self.sentences[max(0, self._sentence(token) - 1)].start
        subject = next(
            (
                t
                for t in reversed(self.doc[start : token.i])
                if t.dep_ in {"nsubj", "nsubjpass"}
                and t.pos_ != "PRON"
                and t.tag_ != "NNS"  # `it` is never `the engineers`
                and (token.tag_ == "PRP$" or not _same_clause(t, token))
            ),
            None,
        )
        named = self.covered.get(subject.i) if subject is not None else None
        if subject is None or named is None or named.type is not EntityType.ORGANIZATION:
            return None
        placed = [
            p
            for p in self.window(token, 1, False)
            if p.token.i >= subject.i and p.found.type is EntityType.ORGANIZATION
        ]
        return self._unique(placed, token, token.text)

    def _group(self, token: Token) -> Found | None:
        """`the experts`: the one organisation that experts in reach came from (`experts from X`)."""
        sources: list[Placed] = []
        for other in self.doc[
            self.sentences[max(0, self._sentence(token) - WINDOW)].start : token.i
        ]:
            if other.tag_ == "NNS" and other.lemma_ == token.lemma_:
                inner = {
                    t.i for pobj in prep_objects(other, {"from", "of", "at"}) for t in pobj.subtree
                }
                sources += [
                    p
                    for p in self.placed
                    if p.token.i in inner and p.found.type is EntityType.ORGANIZATION
                ]
        return self._unique(sources, token, self.doc[token.left_edge.i : token.i + 1].text)

    def _people(self, token: Token) -> Found | None:
        """`the experts`, `the individuals`: the one unnamed group of people in reach (`Norwegian engineers`).

        The noun must be the group's own (`engineers` for `Norwegian engineers`) or a generic one
        (`individuals`, `people`); a group of another trade (`citizens`) does not qualify.
        """
        if any(t.i in self.covered for t in token.subtree) or _restricted(token):
            return None
        lemma = token.lemma_.lower()
        first = self.sentences[max(0, self._sentence(token) - WINDOW)].start
        candidates = [
            p
            for p in self.groups
            if first <= p.token.i < token.i
            and (lemma in GENERIC_PEOPLE or p.token.lemma_.lower() == lemma)
        ]
        if len({p.key for p in candidates}) != 1:
            return None
        return replace(candidates[-1].found, said_as=self.doc[token.left_edge.i : token.i + 1].text)


def find_references(doc: Doc, mentions: list[Found]) -> dict[int, Found]:
    """Token index -> the named party a description or pronoun there stands for."""
    return Resolver(doc, mentions).resolve()


def _key(name: str, names: set[str]) -> str:
    """The full name a short form stands for when exactly one full name ends with it."""
    longer = [n for n in names if n.endswith(" " + name)]
    return longer[0] if len(longer) == 1 else name


def _modifier(token: Token) -> bool:
    """A word of a description: `state-owned`, `Russian`, `drone` (capitalised only at a sentence start)."""
    common = (token.pos_ in {"NOUN", "ADJ"} and token.text.islower()) or (
        token.is_sent_start and token.pos_ in {"NOUN", "ADJ", "PROPN"} and not token.ent_type_
    )
    return (
        common
        or token.ent_type_ == "NORP"
        or token.tag_ == "HYPH"
        or (token.tag_ == "VBN" and token.dep_ == "amod")
    )


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children)


def _restricted(token: Token) -> bool:
    """A description that names its own referent (`the company that built it`, `the maker of X`, `the firm, X`)."""
    return token.dep_ in {"appos", "attr"} or any(
        c.dep_ in {"appos", "relcl", "acl", "poss"} or (c.dep_ == "prep" and c.lower_ == "of")
        for c in token.children
    )


def _clause(token: Token) -> Token:
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.head.i != current.i:
        current = current.head
    return current


def _same_clause(first: Token, second: Token) -> bool:
    """Two arguments of one verb are two parties (`X sued the company`)."""
    return bool(_clause(first).i == _clause(second).i)
