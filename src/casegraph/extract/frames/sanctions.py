"""Sanction frames: which party an authority designated.

"The US sanctioned X", "X was sanctioned by the EU", "X, which is under US
sanctions", "sanctions on X". The authority is any phrase that names a
sanctioning body, mention or not.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from casegraph.extract.authorities import canonical_authority
from casegraph.extract.frames.base import Frames, Handler, RawClaim, on
from casegraph.extract.grammar import conjuncts, first_child, is_passive, prep_objects, subject_of
from casegraph.extract.names import Found
from casegraph.model import EntityType, Predicate


class SanctionFrames(Frames):
    def triggers(self) -> list[tuple[str, Handler]]:
        return on({"sanction"}, self.sanction)

    def sanction(self, token: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        authorities = self._authorities(token)
        if token.pos_ == "VERB" and is_passive(token):
            targets = self.m.parties(
                first_child(token, {"nsubjpass"}) or (token.head if token.dep_ == "acl" else None)
            )
            authorities += [
                a for t in prep_objects(token, {"by"}) for a in self._authority_phrase(t)
            ]
        elif token.pos_ == "VERB":
            targets = self.m.parties(first_child(token, {"dobj"}))
            authorities += self._authority_phrase(subject_of(token))
        else:
            targets = self._target(token)
        for target in targets:
            for authority in authorities:
                yield from self.r.claim(
                    target, Predicate.SANCTIONED_BY, authority, sent, (), "frame:sanction"
                )

    def _authorities(self, token: Token) -> list[Found]:
        found: list[Found] = []
        for child in token.children:
            if child.dep_ in {"compound", "nmod", "amod", "npadvmod"}:
                found += self._authority_phrase(child)
        return found

    def _authority_phrase(self, token: Token | None) -> list[Found]:
        if token is None:
            return []
        found = []
        for head in conjuncts(token):
            item = self.m.at(head)
            start, end = (item.start, item.end) if item else (head.idx, head.idx + len(head.text))
            if canonical_authority(self.r.text[start:end]) is not None:
                found.append(Found(start, end, EntityType.AUTHORITY, "cue:authority", 4))
        return found

    def _target(self, noun: Token) -> list[Found]:
        """`X, which is under US sanctions` / `X is under sanctions` / `sanctions on X`."""
        on_target = [p for t in prep_objects(noun, {"on", "against"}) for p in self.m.parties(t)]
        if on_target:
            return on_target
        current = noun.head
        for _ in range(3):
            if current.pos_ in {"VERB", "AUX"}:
                return self.m.parties(subject_of(current))
            current = current.head
        return []
