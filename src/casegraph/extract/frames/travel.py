"""Travel frames: who visited which place or organisation, and who travelled together.

"X visited Y", "a delegation from X toured the Y plant in the city of Z",
"X flew to Z", "X's visit to Z", "Y was visited by X"; "A and B flew out of Z".
A visited organisation carries the place named with it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from casegraph.extract.frames.base import Frames, Handler, RawClaim, on
from casegraph.extract.grammar import agents, first_child, is_passive, prep_objects, subject_of
from casegraph.extract.names import Found
from casegraph.model import EntityType, Predicate

VISIT_VERBS = frozenset(["visit", "tour"])
MOVE_VERBS = frozenset(["travel", "fly", "go", "come", "journey", "arrive", "return", "head"])
TRAVEL_VERBS = frozenset(["fly", "travel", "journey"])
VISIT_NOUNS = frozenset(["visit", "trip", "tour", "journey"])
SITE_NOUNS = frozenset(
    [
        "facility",
        "facilities",
        "plant",
        "factory",
        "office",
        "offices",
        "headquarters",
        "site",
        "base",
        "warehouse",
        "premises",
        "workshop",
        "shipyard",
    ]
)
VISITED = {EntityType.ORGANIZATION, EntityType.PLACE}
PLACE = {EntityType.PLACE}


class TravelFrames(Frames):
    def triggers(self) -> list[tuple[str, Handler]]:
        return (
            on(VISIT_VERBS, self.visit_verb)
            + on(MOVE_VERBS, self.move_verb)
            + on(VISIT_NOUNS, self.visit_noun)
            + on(TRAVEL_VERBS, self.together)
        )

    def visited(self, token: Token | None) -> list[Found]:
        """What a phrase names as the destination: a place, an organisation, or the organisation of a site."""
        if token is None:
            return []
        found = self.m.parties(token, VISITED)
        if found:
            return found
        if token.lemma_.lower() in SITE_NOUNS or token.lower_ in SITE_NOUNS:
            owner = self.m.modifiers(token) or [
                p for t in prep_objects(token, {"of"}) for p in self.m.parties(t)
            ]
            return [p for p in owner if p.type is EntityType.ORGANIZATION] or self.m.in_subtree(
                token, PLACE
            )[:1]
        return []

    def _visits(
        self, visitors: list[Found], targets: list[Found], head: Token, sent: Span, how: str
    ) -> Iterator[RawClaim]:
        places = [p for p in self.m.in_subtree(head, PLACE) if p not in targets]
        attrs = self.r.listed("place", places[:1])
        for visitor in visitors:
            for target in targets:
                extra = attrs if target.type is EntityType.ORGANIZATION else ()
                yield from self.r.claim(visitor, Predicate.VISITS, target, sent, extra, how)

    def visit_verb(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        if verb.pos_ != "VERB":
            return
        if is_passive(verb):
            visitors = [p for t in agents(verb) for p in self.m.actors(t)]
            target = first_child(verb, {"nsubjpass"}) or (verb.head if verb.dep_ == "acl" else None)
        else:
            visitors = self.m.actors(subject_of(verb))
            target = first_child(verb, {"dobj"})
        yield from self._visits(visitors, self.visited(target), verb, sent, "frame:visit-verb")

    def move_verb(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X flew to Z`, `X arrived in Z`: travel to a destination (`return the assets to Z` is none)."""
        if verb.pos_ != "VERB" or first_child(verb, {"dobj"}) is not None:
            return
        preps = {"to", "in"} if verb.lemma_.lower() == "arrive" else {"to"}
        targets = [p for t in prep_objects(verb, preps) for p in self.visited(t)]
        yield from self._visits(
            self.m.actors(subject_of(verb)), targets, verb, sent, "frame:travel-to"
        )

    def visit_noun(self, noun: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X's visit to Z`, `a visit to Y by a delegation from X`."""
        if noun.pos_ != "NOUN":
            return
        visitors = [p for t in prep_objects(noun, {"by"}) for p in self.m.actors(t)]
        visitors = visitors or [
            p for c in noun.children if c.dep_ == "poss" for p in self.m.parties(c)
        ]
        targets = [p for t in prep_objects(noun, {"to"}) for p in self.visited(t)]
        yield from self._visits(visitors, targets, noun, sent, "frame:visit-noun")

    def together(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`A and B flew out of Z`: people who travelled together."""
        if verb.pos_ != "VERB":
            return
        people = self.m.in_subtree(subject_of(verb), {EntityType.PERSON})
        attrs = self.r.listed("place", self.m.in_subtree(verb, PLACE)[:1])
        for i, first in enumerate(people):
            for other in people[i + 1 :]:
                yield from self.r.claim(
                    first, Predicate.TRAVELS_WITH, other, sent, attrs, "frame:travel"
                )
