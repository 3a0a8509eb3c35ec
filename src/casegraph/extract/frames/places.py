"""Location frames: where an organisation or its site is.

"X's facilities in the city of Y", "X, based in Y", "the Y plant of X", "X in Y".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from casegraph.extract.frames.base import Frames, RawClaim
from casegraph.extract.frames.travel import SITE_NOUNS
from casegraph.extract.grammar import first_child, prep_objects, subject_of
from casegraph.extract.names import Found
from casegraph.model import EntityType, Predicate

SITE_VERBS = frozenset(["open", "run", "operate", "own", "build", "have", "maintain", "set"])
PLACE_HEADS = frozenset(
    ["city", "town", "region", "province", "district", "village", "oblast", "republic"]
)
ORG = {EntityType.ORGANIZATION}


class PlaceFrames(Frames):
    def sentence(self, sent: Span, index: int) -> Iterator[RawClaim]:
        seen: set[tuple[int, int]] = set()
        for token in sent:
            place = self.m.at(token)
            if (
                place is None
                or place.type is not EntityType.PLACE
                or (place.start, place.end) in seen
            ):
                continue
            seen.add((place.start, place.end))
            for org in self._owner(token):
                yield from self.r.claim(org, Predicate.LOCATED_IN, place, sent, (), "frame:located")

    def _site_owner(self, site: Token) -> list[Found]:
        """`X's facilities`, `X facilities`, `the facilities of X`, `X opened an office`."""
        owner = self.m.modifiers(site) or [
            p for t in prep_objects(site, {"of"}) for p in self.m.parties(t, ORG)
        ]
        if not owner and site.dep_ == "dobj" and site.head.lemma_.lower() in SITE_VERBS:
            owner = self.m.parties(subject_of(site.head), ORG)
        return owner

    def _owner(self, token: Token) -> list[Found]:
        current = token
        for _ in range(4):
            if current.dep_ != "pobj" or current.head.lower_ not in {"in", "of", "at"}:
                return []
            holder = current.head.head
            if holder.lemma_.lower() in PLACE_HEADS and current.head.lower_ == "of":
                current = holder
                continue
            if holder.lemma_.lower() == "base" or self.m.parties(holder, ORG):
                target = holder.head if holder.lemma_.lower() == "base" else holder
                return self.m.parties(target, ORG)
            if holder.lemma_.lower() in SITE_NOUNS:
                return self._site_owner(holder)
            if holder.dep_ == "appos" and self.m.parties(holder.head, ORG):
                return self.m.parties(holder.head, ORG)
            site = first_child(holder, {"dobj"}) if holder.pos_ == "VERB" else None
            if site is not None and site.lemma_.lower() in SITE_NOUNS:
                return self._site_owner(site)
            return []
        return []
