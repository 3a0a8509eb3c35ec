"""Grammar helpers over spaCy's dependency parse: who a phrase names, and its roles.

`MentionMap` answers "which mention does this token stand for", conjuncts and
appositions included; the functions read subjects, objects and prepositional
objects in active and passive voice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from casegraph.extract.mentions import Found
from casegraph.model import EntityType

PARTY = {EntityType.ORGANIZATION, EntityType.PERSON}


@dataclass
class MentionMap:
    """Which mention covers each token."""

    doc: Doc
    by_token: dict[int, Found] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: Doc, mentions: list[Found]) -> MentionMap:
        result = cls(doc)
        for item in mentions:
            span = doc.char_span(item.start, item.end, alignment_mode="expand")
            if span is not None:
                for token in span:
                    result.by_token[token.i] = item
        return result

    def at(self, token: Token) -> Found | None:
        return self.by_token.get(token.i)

    def parties(self, token: Token | None, types: set[EntityType] = PARTY) -> list[Found]:
        """The mentions the phrase headed by `token` names, conjuncts included."""
        if token is None:
            return []
        found: list[Found] = []
        for head in conjuncts(token):
            item = self.at(head) or self._appositive(head)
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
        """Who stands behind a noun: `AEE's shipments`, `an AEE document detailing shipments`."""
        current: Token | None = token
        for _ in range(4):
            if current is None:
                return []
            for child in current.children:
                if child.dep_ in {"poss", "compound", "nmod"} and self.parties(child):
                    return self.parties(child)
            if current.pos_ == "VERB":
                subject = first_child(current, {"nsubj"})
                if subject is not None and (found := self.parties(subject) or self.modifiers(subject)):
                    return found
            current = current.head if current.head is not current else None
        return []

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
