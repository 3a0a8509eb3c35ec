"""Ownership frames: which organisation or person owns or controls which organisation.

"X, a subsidiary of Y", "Y's subsidiary X", "Y owns X", "X is controlled by Y".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from casegraph.extract.frames.base import Frames, Handler, RawClaim, on
from casegraph.extract.grammar import agents, first_child, is_passive, prep_objects, subject_of
from casegraph.extract.names import Found
from casegraph.model import EntityType, Predicate

OWNED_NOUNS = frozenset(["subsidiary", "affiliate", "division", "unit"])
OWN_VERBS = frozenset(["own", "control"])
ORG = {EntityType.ORGANIZATION}


class OwnershipFrames(Frames):
    def triggers(self) -> list[tuple[str, Handler]]:
        return on(OWNED_NOUNS, self.owned) + on(OWN_VERBS, self.own_verb)

    def _owns(
        self, owners: list[Found], owned: list[Found], sent: Span, how: str
    ) -> Iterator[RawClaim]:
        for owner in owners:
            for child in owned:
                yield from self.r.claim(owner, Predicate.OWNS, child, sent, (), how)

    def owned(self, noun: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X, a subsidiary of Y` and `Y's subsidiary X`: Y owns X."""
        if noun.pos_ != "NOUN":
            return
        owners = [p for t in prep_objects(noun, {"of"}) for p in self.m.parties(t, ORG)]
        owners += [p for c in noun.children if c.dep_ == "poss" for p in self.m.parties(c, ORG)]
        owned = self.m.parties(noun.head, ORG) if noun.dep_ in {"appos", "compound"} else []
        owned += [p for c in noun.children if c.dep_ == "appos" for p in self.m.parties(c, ORG)]
        yield from self._owns(owners, owned, sent, "frame:owns")

    def own_verb(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`Y owns X`, `X is controlled by Y`, `X, owned by Y`."""
        if verb.pos_ != "VERB":
            return
        if is_passive(verb):
            owners = [p for t in agents(verb) for p in self.m.parties(t)]
            owned = self.m.parties(
                first_child(verb, {"nsubjpass"}) or (verb.head if verb.dep_ == "acl" else None), ORG
            )
        else:
            owners = self.m.parties(subject_of(verb))
            owned = self.m.parties(first_child(verb, {"dobj"}), ORG)
        yield from self._owns(owners, owned, sent, "frame:own-verb")
