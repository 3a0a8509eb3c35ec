"""Grammar helpers over spaCy's dependency parse: who a phrase names, and its roles.

`MentionMap` answers "which mention does this token stand for", conjuncts and
appositions included; the functions read subjects, objects and prepositional
objects in active and passive voice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from casegraph.extract.groups import GROUP_EXTRACTOR, PEOPLE_NOUNS
from casegraph.extract.names import ORG_CUES, Found
from casegraph.model import EntityType

PARTY = {EntityType.ORGANIZATION, EntityType.PERSON}
GROUP_NOUNS = frozenset(
    [
        "delegation",
        "team",
        "group",
        "engineer",
        "expert",
        "specialist",
        "technician",
        "official",
        "staff",
        "employee",
        "representative",
        "executive",
        "envoy",
        "mission",
        "crew",
        "worker",
        "researcher",
        "scientist",
    ]
)


@dataclass
class MentionMap:
    """Which mention covers each token."""

    doc: Doc
    by_token: dict[int, Found] = field(default_factory=dict)

    @classmethod
    def build(
        cls, doc: Doc, mentions: list[Found], references: Mapping[int, Found] | None = None
    ) -> MentionMap:
        """Tokens of each mention, plus `references`: tokens of descriptions and pronouns resolved to one."""
        result = cls(doc)
        for item in mentions:
            span = doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    result.by_token[token.i] = item
        for i, item in (references or {}).items():
            result.by_token.setdefault(i, item)
        return result

    def at(self, token: Token) -> Found | None:
        return self.by_token.get(token.i)

    def parties(self, token: Token | None, types: set[EntityType] = PARTY) -> list[Found]:
        """The mentions the phrase headed by `token` names, conjuncts included."""
        if token is None:
            return []
        found: list[Found] = []
        for head in conjuncts(token):
            item = self.at(head) or self._appositive(head) or self._named_after(head)
            if item is None and head.dep_ == "appos":
                item = self.at(head.head)
            if item is not None and item.type in types and item not in found:
                found.append(item)
        return found

    def _appositive(self, token: Token) -> Found | None:
        for child in token.children:
            if child.dep_ == "appos" and self.at(child) is not None:
                return self.at(child)
        return None

    def _named_after(self, token: Token) -> Found | None:
        """`paid drone maker X`: the parser may head the phrase with the cue noun before the name."""
        if token.lower_ not in ORG_CUES or token.i + 1 >= len(token.doc):
            return None
        item = self.at(token.doc[token.i + 1])
        return item if item is not None and item.start == token.doc[token.i + 1].idx else None

    def in_subtree(self, token: Token | None, types: set[EntityType]) -> list[Found]:
        if token is None:
            return []
        found: list[Found] = []
        for sub in token.subtree:
            item = self.at(sub)
            if item is not None and item.type in types and item not in found:
                found.append(item)
        return found

    def nominal_agent(self, token: Token) -> list[Found]:
        """Who stands behind a noun: `Orrin's shipments`, `an Orrin document detailing shipments`."""
        current: Token | None = token
        for _ in range(4):
            if current is None:
                return []
            for child in current.children:
                if child.dep_ in {"poss", "compound", "nmod"} and self.parties(child):
                    return self.parties(child)
            if current.pos_ == "VERB":
                subject = first_child(current, {"nsubj"})
                if subject is not None and (
                    found := self.parties(subject) or self.modifiers(subject)
                ):
                    return found
            current = current.head if current.head.i != current.i else None
        return []

    def actors(self, token: Token | None, types: set[EntityType] = PARTY) -> list[Found]:
        """Who acts through a phrase: the party it names, or the one a group comes from.

        `a delegation from X`, `engineers of X`: the group is not named, its organisation is.
        """
        if token is None:
            return []
        found = self.parties(token, types)
        if found and not all(p.extractor == GROUP_EXTRACTOR for p in found):
            return found
        if token.lemma_.lower() not in GROUP_NOUNS | PEOPLE_NOUNS:
            return found
        # `Chinese engineers from X`: the organisation the group comes from acts, else the group.
        return [
            p for t in prep_objects(token, {"from", "of", "at"}) for p in self.parties(t, types)
        ] or found

    def modifiers(self, token: Token) -> list[Found]:
        """Parties modifying a noun; `nsubj` covers nouns the tagger took for verbs."""
        for child in token.children:
            if child.dep_ in {"poss", "compound", "nmod", "nsubj"} and self.parties(child):
                return self.parties(child)
        return []


def conjuncts(token: Token) -> list[Token]:
    result = [token]
    for child in token.children:
        if child.dep_ == "conj":
            result.extend(conjuncts(child))
    return result


def first_child(token: Token, deps: set[str]) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def prep_objects(token: Token, words: set[str]) -> list[Token]:
    found: list[Token] = []
    for child in token.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ in words:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def agents(verb: Token) -> list[Token]:
    """The `by` phrase of a passive verb, also where the parser hung it on the verb's other object.

    `were supplied to Y by X` is often parsed with `by X` under `Y`.
    """
    found = prep_objects(verb, {"by"})
    if found:
        return found
    return [
        t for pobj in prep_objects(verb, {"to", "from", "in"}) for t in prep_objects(pobj, {"by"})
    ]


def is_passive(token: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children) or (
        token.dep_ == "acl" and token.tag_ == "VBN"
    )


def subject_of(token: Token) -> Token | None:
    subject = first_child(token, {"nsubj"})
    if subject is not None and subject.lower_ in {"which", "that", "who"} and token.dep_ == "relcl":
        return token.head
    if subject is None and token.dep_ in {"conj", "xcomp"}:
        return subject_of(token.head)
    return subject


def holders(noun: Token) -> list[Token]:
    """The phrases a relational noun describes.

    `X, a member of Y` (apposition), `X is a member of Y` (predicate),
    `Y's brother, X` and `the brother of Y, X` (the name in apposition to the noun),
    `party member X` (the noun as a modifier of the name).
    """
    found: list[Token] = [c for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "appos":
        found.append(_just_before(noun))
    elif noun.dep_ in {"attr", "oprd"}:
        subject = subject_of(noun.head)
        found += [subject] if subject is not None else []
    elif noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
        found.append(noun.head)
    return found


def _just_before(appos: Token) -> Token:
    """The word an apposition follows: `A and B, an ally of C` describes B, not A and B."""
    i = appos.left_edge.i - 1
    while i > 0 and appos.doc[i].is_punct:
        i -= 1
    before = appos.doc[i]
    return (
        before
        if before.i in {t.i for t in appos.head.subtree} and before.head.i != appos.i
        else appos.head
    )


def relata(noun: Token, words: set[str]) -> list[Token]:
    """The other side of a relational noun: `X's brother`, `brother of X`, `a rival to X`."""
    return [c for c in noun.children if c.dep_ == "poss"] + prep_objects(noun, words)
