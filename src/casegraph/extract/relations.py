"""Relations between mentions, read off the dependency parse by frames.

Each family of frames (`extract/frames/`) reads one group of predicates in
active, passive and nominal form; `FrameReader` runs them all over a
document's sentences in order, so frames that keep discourse (a receipt
continued by the next sentence, the maker of a class of products) see the
sentences before. A frame yields `RawClaim`s over mention spans; the pipeline
adds status and evidence.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from casegraph.extract.frames.base import Frames, Handler, RawClaim, Reading
from casegraph.extract.frames.ownership import OwnershipFrames
from casegraph.extract.frames.people import PeopleFrames
from casegraph.extract.frames.places import PlaceFrames
from casegraph.extract.frames.products import ProductFrames
from casegraph.extract.frames.sanctions import SanctionFrames
from casegraph.extract.frames.trade import TradeFrames
from casegraph.extract.frames.travel import TravelFrames
from casegraph.extract.grammar import MentionMap

__all__ = ["FrameReader", "RawClaim"]

FAMILIES: tuple[type[Frames], ...] = (
    TradeFrames,
    ProductFrames,
    PeopleFrames,
    TravelFrames,
    OwnershipFrames,
    PlaceFrames,
    SanctionFrames,
)


class FrameReader:
    """Reads every frame of a document's sentences, in order."""

    def __init__(self, doc: Doc, mentions: MentionMap) -> None:
        reading = Reading(doc, mentions)
        self.families = [family(reading) for family in FAMILIES]
        self.handlers: dict[str, list[Handler]] = {}
        for family in self.families:
            for word, handler in family.triggers():
                self.handlers.setdefault(word, []).append(handler)

    def read(self, sent: Span, index: int) -> Iterator[RawClaim]:
        for family in self.families:
            yield from family.sentence(sent, index)
        for token in sent:
            lemma, lower = token.lemma_.lower(), token.lower_
            handlers = self.handlers.get(lemma, [])
            if lower != lemma:
                handlers = handlers + [h for h in self.handlers.get(lower, []) if h not in handlers]
            for handler in handlers:
                yield from handler(token, sent, index)
